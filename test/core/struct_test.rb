# Struct
def t
  yield
rescue => e
  puts "#{e.class}: #{e.message.lines.first.chomp}"
end
Point = Struct.new(:x, :y) do
  def dist = Math.sqrt(x * x + y * y)
end
a = Point.new(3, 4)
p a, a.dist, a.to_a, a.to_h, Point.members, a.members, a.x, a.y
# expect: #<struct Point x=3, y=4>
# expect: 5.0
# expect: [3, 4]
# expect: {:x=>3, :y=>4}
# expect: [:x, :y]
# expect: [:x, :y]
# expect: 3
# expect: 4
p a == Point.new(3, 4), a.eql?(Point.new(3.0, 4)), a == Point.new(3.0, 4), a.hash == Point.new(3, 4).hash
# expect: true
# expect: false
# expect: true
# expect: true
p a[0], a[:y], a["x"], a[-1], a.size, a.values, a.deconstruct, a.values_at(1, 0)
# expect: 3
# expect: 4
# expect: 3
# expect: 4
# expect: 2
# expect: [3, 4]
# expect: [3, 4]
# expect: [4, 3]
a.x = 10
a[:y] = 20
a[0] += 1
p a  # expect: #<struct Point x=11, y=20>
t { a[5] }  # expect: IndexError: offset 5 too large for struct(size:2)
t { a[-3] }  # expect: IndexError: offset -3 too small for struct(size:2)
t { a[:z] }  # expect: NameError: no member 'z' in struct
t { a["z"] = 1 }  # expect: NameError: no member 'z' in struct
t { Point.new(1, 2, 3) }  # expect: ArgumentError: struct size differs
t { Struct.new }  # expect: ArgumentError: wrong number of arguments (given 0, expected 1+)
t { Struct.new(:a, :a) }  # expect: ArgumentError: duplicate member: a
p Point.new(1), Point.new, Point[5, 6]
# expect: #<struct Point x=1, y=nil>
# expect: #<struct Point x=nil, y=nil>
# expect: #<struct Point x=5, y=6>
K = Struct.new(:a, :b, keyword_init: true)
p K.new(a: 1, b: 2), K.new(b: 1), K.keyword_init?, Point.keyword_init?, K.members
# expect: #<struct K a=1, b=2>
# expect: #<struct K a=nil, b=1>
# expect: true
# expect: nil
# expect: [:a, :b]
class KSub < K; end
KF = Struct.new(:f, keyword_init: false)
p K, K.to_s, KSub, KF, KF.keyword_init?
# expect: K(keyword_init: true)
# expect: "K"
# expect: KSub(keyword_init: true)
# expect: KF
# expect: false
t { K.new(1, 2) }  # expect: ArgumentError: wrong number of arguments (given 2, expected 0)
t { K.new(a: 1, c: 2) }  # expect: ArgumentError: unknown keywords: c
anon = Struct.new(:q)
p anon.new(1)  # expect: #<struct q=1>
Struct.new("Named", :n)
p Struct::Named.new(1)  # expect: #<struct Struct::Named n=1>
rec = Point.new(1, nil)
rec.y = rec
p rec  # expect: #<struct Point x=1, y=#<struct Point:...>>
p a.to_h { |k, v| [v, k] }, a.each.to_a, a.each_pair.to_a, a.select(&:even?), a.filter_map { |v| v * 2 }
# expect: {11=>:x, 20=>:y}
# expect: [11, 20]
# expect: [[:x, 11], [:y, 20]]
# expect: [20]
# expect: [22, 40]
case a
in [x, y] then p [:arr, x, y]  # expect: [:arr, 11, 20]
end
case a
in {x:, y:} then p [:hash, x, y]  # expect: [:hash, 11, 20]
end
p a.deconstruct_keys([:x]), a.deconstruct_keys(nil)
# expect: {:x=>11}
# expect: {:x=>11, :y=>20}
b = a.dup
b.x = 0
p a.x, b.x, a.frozen?
# expect: 11
# expect: 0
# expect: false
a.freeze
t { a.x = 1 }  # expect: FrozenError: can't modify frozen Point: #<struct Point x=11, y=20>
p Point.new(1, [2, 3]).dig(:y, 0), Point.superclass, Point.ancestors.include?(Enumerable)
# expect: 2
# expect: Struct
# expect: true
class Point3 < Point
  def z = 0
end
p Point3.new(1, 2), Point3.members, Point3.new(1, 2).z, Point3.new(1, 2) == Point.new(1, 2)
# expect: #<struct Point3 x=1, y=2>
# expect: [:x, :y]
# expect: 0
# expect: false
p Point.new(1, 2).inspect, Point.new(1, 2).to_s, a.instance_variables
# expect: "#<struct Point x=1, y=2>"
# expect: "#<struct Point x=1, y=2>"
# expect: []
t { Point.new(1, 2).x(1) }  # expect: ArgumentError: wrong number of arguments (given 1, expected 0)
h = {Point.new(1, 2) => :found}
p h[Point.new(1, 2)]  # expect: :found
