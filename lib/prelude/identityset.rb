# identityset.rb -- IdentitySet needs no require (MAGLEV-API.md section 8):
# the class is a base-image library class whose code, lib/maglev/identityset.rb,
# loads on first use (or when a process faults an instance).
Object.autoload(:IdentitySet, "maglev/identityset")

class Class
  # MagLev's declaration of a class's fixed instance variables, the ones an
  # IdentitySet index path may name (MAGLEV-API.md section 8), written in the
  # class body: `__fixed_instvars :@name, "@age"` (a name without its @ means
  # the same). Any instance variable can be indexed here, so it only checks
  # the names, as instance_variable_get would, and answers nil.
  def __fixed_instvars(*names)
    probe = Object.new
    names.each do |name|
      raise TypeError, "#{name.inspect} is not a symbol nor a string" unless name.is_a?(Symbol) || name.is_a?(String)
      s = name.to_s
      probe.instance_variable_get(s.start_with?("@") ? s : "@#{s}")
    end
    nil
  end
end
