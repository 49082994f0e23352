class Pt
  attr_reader :x
  def initialize(x) = @x = x
  def ==(o) = o.class == Pt && o.x == x
end
p Pt.new(1) == Pt.new(1)  # expect: true
p Pt.new(1) == Pt.new(2)  # expect: false
p Pt.new(1).equal?(Pt.new(1))  # expect: false
p [Pt.new(1)].include?(Pt.new(1))  # expect: true
