# def in a frozen class or module, or on a frozen object, raises FrozenError,
# as define_method, alias_method and the others do (CRuby 3.1)
class X; end
X.freeze
begin
  X.class_eval { def x; end }
rescue FrozenError => e
  puts e.message   # expect: can't modify frozen class: X
end
module M; end
M.freeze
begin
  module M; def q; end; end
rescue FrozenError => e
  puts e.message   # expect: can't modify frozen module: M
end
s = String.new("str").freeze
r = []
begin; s.singleton_class.define_method(:w) {}; r << :defined; rescue FrozenError; r << :frozen; end
begin; def s.u; end; r << :defined; rescue FrozenError; r << :frozen; end
begin; X.alias_method(:zz, :to_s); r << :aliased; rescue FrozenError; r << :frozen; end
p r   # expect: [:frozen, :frozen, :frozen]
p X.instance_methods(false), M.instance_methods(false)   # expect: []
# expect: []
