# Method / UnboundMethod #public? #private? #protected? (Ruby 3.1.0) and #clone
class Vis
  def pub; end
  private def priv; end
  protected def prot; end
  public
  def respond_to_missing?(m, priv) = m == :ghost
  def method_missing(m, *a) = m == :ghost ? :boo : super
end
v = Vis.new
%i[pub priv prot].each do |m|
  mo = v.method(m)
  p [m, mo.public?, mo.private?, mo.protected?]
  u = mo.unbind
  p [u.public?, u.private?, u.protected?]
end
g = v.method(:ghost)
p [g.public?, g.private?, g.protected?], g.call
p method(:puts).private?, 1.method(:+).public?
p Vis.instance_method(:priv).private?, Vis.public_instance_method(:pub).public?
module ModF; def mf; end; module_function :mf; end
p ModF.method(:mf).public?, ModF.instance_method(:mf).private?
class Vis; private :pub; end
p v.method(:pub).public?, v.method(:pub).private?
m = v.method(:prot)
c = m.clone
p c == m, c.class, c.frozen?, c.receiver.equal?(v), c.owner, c.name
def m.extra = 42
p m.clone.extra
m.instance_variable_set(:@note, "hi")
p m.clone.instance_variable_get(:@note)
fm = v.method(:prot).freeze
p fm.clone.frozen?, fm.clone.call.nil?
u = m.unbind
uc = u.clone
p uc == u, uc.class, uc.bind(v).call
begin; m.dup; rescue => e; p e.class, e.message; end
# expect: [:pub, true, false, false]
# expect: [true, false, false]
# expect: [:priv, false, true, false]
# expect: [false, true, false]
# expect: [:prot, false, false, true]
# expect: [false, false, true]
# expect: [false, false, false]
# expect: :boo
# expect: true
# expect: true
# expect: true
# expect: true
# expect: true
# expect: true
# expect: false
# expect: true
# expect: true
# expect: Method
# expect: false
# expect: true
# expect: Vis
# expect: :prot
# expect: 42
# expect: "hi"
# expect: true
# expect: true
# expect: true
# expect: UnboundMethod
# expect: nil
# expect: TypeError
# expect: "allocator undefined for Method"
