class Shape
  SIDES = 0
  def self.sides = self::SIDES
end
class Tri < Shape
  SIDES = 3
end
p Shape.sides  # expect: 0
p Tri.sides  # expect: 3
