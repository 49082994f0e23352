# define_method with a Method's proc (&obj.method(:m)): the new method keeps
# calling m on obj (RSpec::Core::Time defines `now` this way from ::Time.now)
class Foo
  def initialize(n) = @n = n
  def m = @n
  def q(*a) = [@n, *a]
end
a = Foo.new(1)
Foo.define_method(:n, &a.method(:m))
p Foo.new(2).n
p Foo.instance_method(:n).arity
p Foo.instance_method(:n).parameters
Foo.define_method(:r, &a.method(:q))
p Foo.new(3).r(4, 5)
p Foo.instance_method(:r).arity
class Clock
  class << self
    define_method(:now, &::Time.method(:now))
  end
end
p Clock.now.class
class Bar
  define_method(:plus, &5.method(:+))
end
p Bar.new.plus(1)
# a Method object itself is rebound to the new receiver
Foo.define_method(:m2, Foo.instance_method(:m))
p Foo.new(7).m2
# expect: 1
# expect: 0
# expect: []
# expect: [1, 4, 5]
# expect: -1
# expect: Time
# expect: 6
# expect: 7
