# alias in a module body reaches Object's methods (Kernel#puts), as CRuby's rb_alias does
module M
  alias orig_puts puts
  private :orig_puts
  def self.hi = :x
end
class C; include M; def go = orig_puts("via alias"); end
C.new.go
module N; alias_method :my_format, :format; end
p N.private_instance_methods(false).sort
begin
  module Q; alias nope_alias nonexistent_method_xyz; end
rescue NameError => e
  p e.class, e.name
end
# expect: via alias
# expect: [:my_format]
# expect: NameError
# expect: :nonexistent_method_xyz
