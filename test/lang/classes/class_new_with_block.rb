Klass = Class.new do
  def hi = "hi"
end
p Klass.new.hi  # expect: "hi"
p Klass.name  # expect: "Klass"
Sub = Class.new(Klass) { def hi = super + "!" }
p Sub.new.hi  # expect: "hi!"
