# forwardable.rb: def_delegator(s), delegate, SingleForwardable
require "forwardable"
class Q
  extend Forwardable
  def_delegators :@a, :size, :<<, :first
  def_delegator :@a, :last, :peek
  def_delegator "@a", :join
  def initialize; @a = []; end
end
q = Q.new
q << 1 << 2
p q.size, q.first, q.peek, q.join
module M
  extend SingleForwardable
  def_delegator :"[1,2,3]", :sum
end
p M.sum
class R
  extend Forwardable
  delegate [:length, :upcase] => :@s
  instance_delegate %i[reverse] => :@s
  def initialize; @s = "abc"; end
end
p R.new.length, R.new.upcase, R.new.reverse

# expect: 2
# expect: 1
# expect: 2
# expect: "12"
# expect: 6
# expect: 3
# expect: "ABC"
# expect: "cba"
