# Comparable: operators, between?, clamp and the comparison errors
class Ver
  include Comparable
  attr_reader :n
  def initialize(n); @n = n; end
  def <=>(o); o.is_a?(Ver) ? n <=> o.n : nil; end
  def inspect; "V#{n}"; end
end
a, b, c = Ver.new(1), Ver.new(2), Ver.new(3)
p a < b, a <= a, b > a, c >= b, a == Ver.new(1), a == b, a != b
p b.between?(a, c), a.between?(b, c), c.between?(a, b)
p Ver.new(5).clamp(a, c), Ver.new(0).clamp(a, c), b.clamp(a, c), b.clamp(b, b)
p Ver.new(9).clamp(a..c), Ver.new(9).clamp(a..), Ver.new(0).clamp(..c)
[1, "s", nil, 1.5, :sym, Object, 2**70].each do |x|
  begin
    a < x
  rescue ArgumentError => e
    p e.message
  end
end
p a == 1, a == "x"
begin
  b.clamp(c, a)
rescue ArgumentError => e
  p e.message
end
begin
  b.clamp(a...c)
rescue ArgumentError => e
  p e.message
end
begin
  b.clamp(3)
rescue TypeError => e
  p e.message
end
p 5.clamp(1, 3), 5.clamp(..3), 0.clamp(1..), 2.clamp(1...), 5.clamp(nil, 3)
p "b".between?("a", "c"), 1.5.clamp(1, 2)
class Weird
  include Comparable
  def <=>(o); 2**80; end
end
p Weird.new > Weird.new, Weird.new == Weird.new
class Neg
  include Comparable
  def <=>(o); -1.5; end
end
p Neg.new < Neg.new
p [Ver.new(3), Ver.new(1), Ver.new(2)].sort, [c, a, b].max, [c, a, b].min

# expect: true
# expect: true
# expect: true
# expect: true
# expect: true
# expect: false
# expect: true
# expect: true
# expect: false
# expect: false
# expect: V3
# expect: V1
# expect: V2
# expect: V2
# expect: V3
# expect: V9
# expect: V0
# expect: "comparison of Ver with 1 failed"
# expect: "comparison of Ver with String failed"
# expect: "comparison of Ver with nil failed"
# expect: "comparison of Ver with 1.5 failed"
# expect: "comparison of Ver with :sym failed"
# expect: "comparison of Ver with Class failed"
# expect: "comparison of Ver with Integer failed"
# expect: false
# expect: false
# expect: "min argument must be smaller than max argument"
# expect: "cannot clamp with an exclusive range"
# expect: "wrong argument type Integer (expected Range)"
# expect: 3
# expect: 3
# expect: 1
# expect: 2
# expect: 3
# expect: true
# expect: 1.5
# expect: true
# expect: false
# expect: true
# expect: [V1, V2, V3]
# expect: V3
# expect: V1
