# refinement.rb -- Module#refine and `using`, approximated: `using M` activates
# M's refinements for the whole program from then on, where CRuby scopes them to
# the rest of the file or module body that says `using`. An activated refinement
# is prepended to the refined class, so `super` in a refined method reaches the
# class's own method as in CRuby.
class Refinement < Module
end

-> {
  refinements = {}.compare_by_identity   # module => { refined class => Refinement }
  active = {}.compare_by_identity        # modules already activated by using
  Module.send(:define_method, :refine) do |klass, &blk|
    raise ArgumentError, "no block given" unless blk
    unless klass.is_a?(Module)
      raise TypeError, "wrong argument type #{klass.class} (expected Class or Module)"
    end
    owner = self
    r = ((refinements[self] ||= {})[klass] ||= Refinement.new.tap do |m|
      m.define_singleton_method(:inspect) { "#<refinement:#{klass.inspect}@#{owner.inspect}>" }
      m.define_singleton_method(:to_s) { inspect }
    end)
    r.module_eval(&blk)
    klass.prepend(r) if active[self]
    r
  end
  Module.send(:private, :refine)
  activate = lambda do |mod|
    if !mod.is_a?(Module) || mod.is_a?(Class)
      raise TypeError, "wrong argument type #{mod.class} (expected Module)"
    end
    active[mod] = true
    (refinements[mod] || {}).each { |klass, r| klass.prepend(r) unless klass.ancestors.include?(r) }
  end
  Module.send(:define_method, :using) { |mod| activate.(mod); self }
  Module.send(:private, :using)
  singleton_class.send(:define_method, :using) { |mod| activate.(mod); self }
  singleton_class.send(:private, :using)
}.call
