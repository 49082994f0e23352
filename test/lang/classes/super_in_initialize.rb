class Shape
  attr_reader :name
  def initialize(name) = @name = name
end
class Square < Shape
  attr_reader :side
  def initialize(side)
    super("square")
    @side = side
  end
end
s = Square.new(3)
p [s.name, s.side]  # expect: ["square", 3]
