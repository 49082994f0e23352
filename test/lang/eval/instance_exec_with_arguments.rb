class Acc
  def initialize = @base = 100
end
p Acc.new.instance_exec(5, 6) { |a, b| @base + a + b }  # expect: 111
