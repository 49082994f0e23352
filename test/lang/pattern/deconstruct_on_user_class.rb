class Point
  attr_reader :x, :y
  def initialize(x, y) = (@x, @y = x, y)
  def deconstruct = [x, y]
end
case Point.new(1, 2)
in [a, b]
  p [a, b]  # expect: [1, 2]
end
case Point.new(0, 5)
in Point[0, y]
  p y  # expect: 5
end
