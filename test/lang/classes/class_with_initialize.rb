class Point
  def initialize(x, y)
    @x = x
    @y = y
  end
  def sum
    @x + @y
  end
end
pt = Point.new(3, 4)
p pt.sum  # expect: 7
p pt.class  # expect: Point
p Point.class  # expect: Class
