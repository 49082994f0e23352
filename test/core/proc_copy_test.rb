# Proc#dup / #clone / #hash / #==, Binding#dup / #clone, Proc.new in a subclass
pr = proc { |x| (x || 0) + 1 }
d = pr.dup
p d.call(1), d == pr, d.eql?(pr), d.hash == pr.hash, d.equal?(pr), d.class
p pr.clone == pr, pr.clone.call(2), pr == proc { |x| (x || 0) + 1 }
l = lambda { |a| a }
p l.dup.lambda?, l.clone.lambda?, l.dup.arity, l.clone.parameters
def pr.extra = :sing
p pr.clone.extra, pr.dup.respond_to?(:extra)
pr.instance_variable_set(:@tag, 7)
p pr.clone.instance_variable_get(:@tag)
fz = proc { 1 }.freeze
p fz.clone.frozen?, fz.dup.frozen?
def mk = proc { break 5 }
begin; mk.dup.call; rescue LocalJumpError => e; p e.message; end
counter = 0
inc = proc { counter += 1 }
inc.dup.call; inc.clone.call
p counter
p({ pr => 1 }.key?(pr.dup))
class MyProc < Proc
  def initialize(tag = :none, *rest, k: nil)
    @tag = [tag, rest, k]
    super()
  end
  attr_reader :tag
end
mp = MyProc.new(4, 5, k: 6) { |x| x * 2 }
p mp.class, mp.tag, mp.call(3), mp.lambda?
p MyProc.new { 1 }.tag, MyProc.new { 1 }.class
p mp.clone.class, mp.clone.tag
blk = proc { 9 }
q = MyProc.new(&blk)
p q.class, q.call, blk.class, q == blk
begin; Proc.new(1) { }; rescue => e; p e; end
begin; Proc.new; rescue => e; p e; end
x = 10
b = binding
b2 = b.dup
b2.local_variable_set(:x, 11)
p x, b2.local_variable_get(:x), b.clone.local_variable_get(:x)
b2.local_variable_set(:fresh, 1)
p b.local_variable_defined?(:fresh), b2.local_variable_defined?(:fresh)
p b2.receiver.equal?(self), b2.source_location == b.source_location, b2.class
p b.clone.eval("x * 2")
# expect: 2
# expect: true
# expect: true
# expect: true
# expect: false
# expect: Proc
# expect: true
# expect: 3
# expect: false
# expect: true
# expect: true
# expect: 1
# expect: [[:req, :a]]
# expect: :sing
# expect: false
# expect: 7
# expect: true
# expect: false
# expect: "break from proc-closure"
# expect: 2
# expect: true
# expect: MyProc
# expect: [4, [5], 6]
# expect: 6
# expect: false
# expect: [:none, [], nil]
# expect: MyProc
# expect: MyProc
# expect: [4, [5], 6]
# expect: MyProc
# expect: 9
# expect: Proc
# expect: false
# expect: #<ArgumentError: wrong number of arguments (given 1, expected 0)>
# expect: #<ArgumentError: tried to create Proc object without a block>
# expect: 11
# expect: 11
# expect: 11
# expect: false
# expect: true
# expect: true
# expect: true
# expect: Binding
# expect: 22
