class Vec
  attr_reader :x, :y
  def initialize(x, y) = (@x, @y = x, y)
  def +(o) = Vec.new(x + o.x, y + o.y)
  def -@ = Vec.new(-x, -y)
  def [](i) = i == 0 ? x : y
  def ==(o) = o.is_a?(Vec) && x == o.x && y == o.y
  def to_s = "(#{x}, #{y})"
end
v = Vec.new(1, 2) + Vec.new(3, 4)
puts v  # expect: (4, 6)
puts(-v)  # expect: (-4, -6)
p v[1]  # expect: 6
p v == Vec.new(4, 6)  # expect: true
p v != Vec.new(4, 6)  # expect: false
