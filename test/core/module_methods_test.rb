# attr_*, visibility with arguments, method lists, alias/remove/undef
class Acc
  p attr_reader(:r, "s")
  p attr_writer(:w)
  p attr_accessor(:z)
  p attr(:aa)
  def initialize; @r = 1; @s = 2; @z = 3; @aa = 4; end
end
a = Acc.new
p a.r, a.s, a.z, a.aa
a.w = 5
a.z = 6
p a.instance_variable_get(:@w), a.z
p Acc.instance_methods(false).sort
["a=", "a?", "1x", ""].each do |bad|
  begin
    Class.new { attr_accessor bad }
  rescue NameError => e
    p [bad, e.class]
  end
end
begin
  Class.new { attr_reader 3 }
rescue TypeError => e
  p e.message
end
class Vis
  def pub; end
  def priv; end
  def prot; end
  def other; end
  p private(:priv), protected(:prot), public(:pub)
  p private(:pub, :other), public([:pub, :other])
  p private
  p public
end
p Vis.public_instance_methods(false).sort, Vis.private_instance_methods(false), Vis.protected_instance_methods(false)
p Vis.method_defined?(:pub), Vis.method_defined?(:priv), Vis.method_defined?(:prot), Vis.method_defined?("pub")
p Vis.public_method_defined?(:prot), Vis.private_method_defined?(:priv), Vis.protected_method_defined?(:prot)
p Vis.method_defined?(:to_s), Vis.method_defined?(:to_s, false), Vis.private_method_defined?(:puts)
begin
  Vis.send(:private, :nope)
rescue NameError => e
  p e.class, e.name
end
class Vis2 < Vis
  private :pub
end
p Vis2.private_instance_methods(false), Vis.public_method_defined?(:pub)
class Al
  def orig; "orig"; end
  p alias_method(:copy, :orig)
  p alias_method("copy2", "orig")
end
p Al.new.copy, Al.new.copy2, Al.instance_method(:copy).name
begin
  Class.new { alias_method :x, :nope }
rescue NameError => e
  p e.class, e.name
end
class Rm
  def a; end
  def b; end
  def to_s; "mine"; end
end
p Rm.send(:remove_method, :a).equal?(Rm), Rm.method_defined?(:a)
Rm.send(:remove_method, :to_s)
p Rm.new.to_s =~ /#<Rm/
begin
  Rm.send(:remove_method, :zzz)
rescue NameError => e
  p e.class, e.name
end
Rm.send(:undef_method, :b, :inspect)
p Rm.method_defined?(:b), Rm.new.respond_to?(:inspect)
begin
  Rm.send(:undef_method, :zzz)
rescue NameError => e
  p e.class
end
module Util
  def helper; "helped"; end
  p module_function(:helper)
end
p Util.helper, Util.private_instance_methods(false)
module Util2
  def a; end
  def b; end
  p module_function(:a, :b)
end
p Util2.singleton_methods.sort
class PCM
  def self.make; "made"; end
  p private_class_method(:make).equal?(PCM)
end
begin
  PCM.make
rescue NoMethodError => e
  p e.class
end
PCM.public_class_method(:make)
p PCM.make
class Hooked
  def self.method_added(m); puts "added #{m}"; end
  attr_accessor :q
  def foo; end
end

# expect: [:r, :s]
# expect: [:w=]
# expect: [:z, :z=]
# expect: [:aa]
# expect: 1
# expect: 2
# expect: 3
# expect: 4
# expect: 5
# expect: 6
# expect: [:aa, :r, :s, :w=, :z, :z=]
# expect: ["a=", NameError]
# expect: ["a?", NameError]
# expect: ["1x", NameError]
# expect: ["", NameError]
# expect: "3 is not a symbol nor a string"
# expect: :priv
# expect: :prot
# expect: :pub
# expect: [:pub, :other]
# expect: [:pub, :other]
# expect: nil
# expect: nil
# expect: [:other, :pub]
# expect: [:priv]
# expect: [:prot]
# expect: true
# expect: false
# expect: true
# expect: true
# expect: false
# expect: true
# expect: true
# expect: true
# expect: false
# expect: true
# expect: NameError
# expect: :nope
# expect: [:pub]
# expect: true
# expect: :copy
# expect: :copy2
# expect: "orig"
# expect: "orig"
# expect: :copy
# expect: NameError
# expect: :nope
# expect: true
# expect: false
# expect: 0
# expect: NameError
# expect: :zzz
# expect: false
# expect: false
# expect: NameError
# expect: :helper
# expect: "helped"
# expect: [:helper]
# expect: [:a, :b]
# expect: [:a, :b]
# expect: true
# expect: NoMethodError
# expect: "made"
# expect: added q
# expect: added q=
# expect: added foo
