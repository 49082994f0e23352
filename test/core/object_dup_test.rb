# dup and clone: ivars, frozen state, singleton methods, initialize_copy
class Pair
  attr_accessor :a, :b
  def initialize(a, b); @a = a; @b = b; end
  def initialize_copy(orig)
    puts "copy from #{orig.a}"
    @b = @b.dup
  end
end
x = Pair.new(1, [2])
y = x.dup
p y.a, y.b, y.b.equal?(x.b), y.class
z = x.clone
p z.a, z.b
f = Pair.new(3, [4]).freeze
p f.dup.frozen?, f.clone.frozen?, f.clone(freeze: false).frozen?
u = Pair.new(5, [6])
p u.clone(freeze: true).frozen?, u.frozen?
def u.hello; "hi #{a}"; end
p u.clone.hello
p u.dup.respond_to?(:hello)
p 1.dup, nil.dup, :s.clone, 1.5.dup
begin
  1.clone(freeze: false)
rescue ArgumentError => e
  p e.message
end
begin
  Object.new.clone(freeze: 1)
rescue ArgumentError => e
  p e.message
end
s = "abc".freeze
p s.dup.frozen?, s.clone.frozen?, s.dup, s.dup.equal?(s)
a = [1, [2]]
b = a.dup
b << 3
p a, b, b[1].equal?(a[1])
h = {k: 1}
h2 = h.clone
h2[:j] = 2
p h, h2
class Sub < Array; end
p Sub.new([1]).dup.class
module Greet; def greet; "greet"; end; end
o = Object.new
o.extend(Greet)
p o.clone.greet, o.clone.singleton_class.include?(Greet)
p o.dup.is_a?(Greet)
class Plain; def initialize; @v = [1]; end; attr_reader :v; end
pl = Plain.new
p pl.dup.v.equal?(pl.v)
r = (1..3).dup
p r, r.class

# expect: copy from 1
# expect: 1
# expect: [2]
# expect: false
# expect: Pair
# expect: copy from 1
# expect: 1
# expect: [2]
# expect: copy from 3
# expect: copy from 3
# expect: copy from 3
# expect: false
# expect: true
# expect: false
# expect: copy from 5
# expect: true
# expect: false
# expect: copy from 5
# expect: "hi 5"
# expect: copy from 5
# expect: false
# expect: 1
# expect: nil
# expect: :s
# expect: 1.5
# expect: "can't unfreeze Integer"
# expect: "unexpected value for freeze: Integer"
# expect: false
# expect: true
# expect: "abc"
# expect: false
# expect: [1, [2]]
# expect: [1, [2], 3]
# expect: true
# expect: {:k=>1}
# expect: {:k=>1, :j=>2}
# expect: Sub
# expect: "greet"
# expect: true
# expect: false
# expect: true
# expect: 1..3
# expect: Range
