# The default visibility of def: private/protected/public without arguments in
# a Class.new/Module.new/class_eval block or String are that scope's; in a plain
# block of a class body they are the body's (as CRuby).
C = Class.new do
  def pub = 1
  private
  def priv = 2
  protected
  def prot = 3
  public
  def pub2 = 4
end
p C.public_instance_methods(false).sort, C.private_instance_methods(false), C.protected_instance_methods(false)
M = Module.new do
  private
  def mp = 1
end
p M.private_instance_methods(false)
class D
  [1].each do
    private
  end
  def after_block = 1
end
p D.public_instance_methods(false)
C.class_eval do
  private
  def ce = 1
end
p C.private_instance_methods(false).sort
class E
  class_eval "private; def se = 1"
  def after_se = 2
end
p E.private_instance_methods(false).sort, E.public_instance_methods(false).sort
class F
  private
  define_method(:dm) { 1 }
  [1].each { def in_blk = 2 }
  public
  def pub = 3
end
p F.private_instance_methods(false).sort, F.public_instance_methods(false).sort
[1].each { def top_blk = 1 }
p Object.private_method_defined?(:top_blk)
class G
  def self.make = define_method(:made) { 1 }
  private
  make
  def x = 1
end
p G.private_instance_methods(false).sort, G.public_instance_methods(false).sort
class H
  private
  m = Module.new { def in_mod = 1 }
  include m
  def after = 1
end
p H.private_instance_methods(false), H.public_instance_methods.include?(:in_mod)
o = Object.new
# expect: [:pub, :pub2]
# expect: [:priv]
# expect: [:prot]
# expect: [:mp]
# expect: []
# expect: [:ce, :priv]
# expect: [:se]
# expect: [:after_se]
# expect: [:dm, :in_blk]
# expect: [:pub]
# expect: true
# expect: [:x]
# expect: [:made]
# expect: [:after]
# expect: true
