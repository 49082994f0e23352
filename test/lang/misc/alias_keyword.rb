class Greeter
  def hello = "hello"
  alias hi hello
  alias :hey :hello
end
g = Greeter.new
p g.hi  # expect: "hello"
p g.hey  # expect: "hello"
