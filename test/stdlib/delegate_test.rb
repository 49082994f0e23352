# delegate.rb: DelegateClass, SimpleDelegator, __getobj__/__setobj__, method_missing
require "delegate"
class MyArr < DelegateClass(Array)
  def initialize(a) = super(a)
  def extra = :extra
end
m = MyArr.new([1, 2, 3])
p m.size, m.first, m.extra, m.map { _1 * 2 }
p m.is_a?(MyArr), m == [1, 2, 3]
s = SimpleDelegator.new("hello")
p s.upcase, s.length, s.__getobj__
s.__setobj__("bye")
p s.to_s, s.respond_to?(:upcase), s.respond_to?(:nope)
begin
  s.nope
rescue NoMethodError => e
  p e.class, e.name
end
class Wrap < SimpleDelegator
  def length = super + 100
end
p Wrap.new("abc").length
p s.method(:upcase).call

# expect: 3
# expect: 1
# expect: :extra
# expect: [2, 4, 6]
# expect: true
# expect: true
# expect: "HELLO"
# expect: 5
# expect: "hello"
# expect: "bye"
# expect: true
# expect: false
# expect: NoMethodError
# expect: :nope
# expect: 103
# expect: "BYE"
