# Kernel / Object basics: identity, equality, predicates, inspect and to_s
class Point
  def initialize(x, y)
    @x = x
    @y = y
  end
end

o = Object.new
p o.to_s =~ /\A#<Object:0x[0-9a-f]{16}>\z/
p o.inspect =~ /\A#<Object:0x[0-9a-f]{16}>\z/
pt = Point.new(1, "two")
p pt.inspect.sub(/0x[0-9a-f]+/, "XX")
p pt.to_s.sub(/0x[0-9a-f]+/, "XX")

class Node
  def initialize; @self = self; @n = 1; end
end
p Node.new.inspect.gsub(/0x[0-9a-f]+/, "XX")

p o == o, o == Object.new, o.equal?(o), o.eql?(o), o != Object.new
p !o, o.nil?, nil.nil?
p o.instance_of?(Object), o.instance_of?(BasicObject), o.is_a?(BasicObject), o.kind_of?(Kernel)
p 3.is_a?(Comparable), 3.instance_of?(Integer), 3.kind_of?(Numeric)
begin
  o.is_a?(3)
rescue TypeError => e
  p e.message
end
p o.class, 3.class, nil.class, true.class, Object.new.singleton_class.inspect =~ /#<Class:#<Object:0x/
p (o <=> o), (o <=> Object.new)
p o =~ /x/, o !~ /x/
p o.hash == o.hash, o.hash.is_a?(Integer), o.object_id == o.object_id, o.object_id == o.__id__
p 1.object_id == 1.object_id, nil.object_id, true.object_id, false.object_id
p o.itself.equal?(o)
p o.tap { |x| p x.equal?(o) }.equal?(o)
p 5.then { |x| x * 2 }, 5.yield_self { |x| x + 1 }
p 5.then.class
p o === o, Object.new === o
p o.frozen?, 1.frozen?, :a.frozen?, nil.frozen?, "s".frozen?
s = "str"
p s.freeze.equal?(s), s.frozen?
p o.freeze.frozen?
p 42.display.inspect
puts
"abc".display
puts

# expect: 0
# expect: 0
# expect: "#<Point:XX @x=1, @y=\"two\">"
# expect: "#<Point:XX>"
# expect: "#<Node:XX @self=#<Node:XX ...>, @n=1>"
# expect: true
# expect: false
# expect: true
# expect: true
# expect: true
# expect: false
# expect: false
# expect: true
# expect: true
# expect: false
# expect: true
# expect: true
# expect: true
# expect: true
# expect: true
# expect: "class or module required"
# expect: Object
# expect: Integer
# expect: NilClass
# expect: TrueClass
# expect: 0
# expect: 0
# expect: nil
# expect: nil
# expect: true
# expect: true
# expect: true
# expect: true
# expect: true
# expect: true
# expect: 8
# expect: 20
# expect: 0
# expect: true
# expect: true
# expect: true
# expect: 10
# expect: 6
# expect: Enumerator
# expect: true
# expect: false
# expect: false
# expect: true
# expect: true
# expect: true
# expect: false
# expect: true
# expect: true
# expect: true
# expect: 42"nil"
# expect:
# expect: abc
