# __callee__ is the name a method was called by; __method__ its original name.
class A
  def orig = [__method__, __callee__]
  alias_method :other, :orig
  alias third orig
  def in_block = [1].map { [__method__, __callee__] }.first
  define_method(:dm) { [__method__, __callee__] }
end
a = A.new
p a.orig
p a.other
p a.third
p a.in_block
p a.dm
p __callee__
p A.instance_method(:other).name, A.instance_method(:other).original_name
# expect: [:orig, :orig]
# expect: [:orig, :other]
# expect: [:orig, :third]
# expect: [:in_block, :in_block]
# expect: [:dm, :dm]
# expect: nil
# expect: :other
# expect: :orig
