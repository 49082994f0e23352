# autoload.rb -- Module#autoload / Kernel#autoload for
# the standard library. An autoloaded constant is loaded by the first lookup that
# misses it (through const_missing: in the module, its ancestors, the modules
# enclosing it by name, Object), then looked up again; defined?(X) sees an
# autoload that has not run yet (vm/vm_ops.c asks autoload?), const_defined? does not.
-> {
  table = {}.compare_by_identity
  # In persistent mode an autoload on a persistable module is also recorded in
  # the repository (Maglev.__persistent_autoloads): it fires in later processes.
  Module.send(:define_method, :autoload) do |name, path|
    (table[self] ||= {})[name.to_sym] = path.to_s
    __autoload_note(name)   # a lexical lookup finding the name further out runs it first (vm/call.c)
    if Maglev.persistent? && maglev_persistable?
      (Maglev.__persistent_autoloads(true)[self] ||= {})[name.to_sym] = path.to_s
    end
    nil
  end
  Module.send(:define_method, :autoload?) do |name, inherit = true|
    next nil if const_defined?(name, false)     # loaded (by the autoload or a require)
    t = table[self]
    (t && t[name.to_sym]) || ((pt = Maglev.__persistent_autoloads) && (t = pt[self]) && t[name.to_sym])
  end
  Kernel.send(:define_method, :autoload) do |name, path|
    Object.autoload(name, path)
  end
  Kernel.send(:define_method, :autoload?) do |name, inherit = true|
    Object.autoload?(name, inherit)
  end
  Kernel.send(:private, :autoload, :autoload?)
  Kernel.define_singleton_method(:autoload) { |name, path| Object.autoload(name, path) }
  Kernel.define_singleton_method(:autoload?) { |name, inherit = true| Object.autoload?(name, inherit) }
  missing = Module.instance_method(:const_missing)
  mod_name = Module.instance_method(:name)
  # the modules enclosing self by name (A::B for A::B::C): a stand-in for the
  # lexical scope, where CRuby also finds autoloads (Rack's Utils from Rack::Request::Helpers)
  mod_inspect = Module.instance_method(:inspect)
  outer_of = lambda do |mod|
    n = mod_name.bind_call(mod)
    if n.nil? && mod.singleton_class?
      # class << Rack::Multipart: the lexical scope goes on with Rack::Multipart itself
      n = mod_inspect.bind_call(mod)[/\A#<Class:([A-Z][\w:]*)>\z/, 1]
      n &&= n + "::_"
    end
    return [] unless n && n.include?("::")
    parts = n.split("::")
    parts.pop
    mods = []
    m = Object
    parts.each do |part|
      break unless m.const_defined?(part, false)
      m = m.const_get(part, false)
      break unless m.is_a?(Module)
      mods << m
    end
    mods.reverse
  end
  Module.send(:define_method, :const_missing) do |name|
    [self, *ancestors, *outer_of.(self), Object].each do |m|
      t = table[m]
      next unless t && (path = t.delete(name))
      Kernel.instance_method(:require).bind_call(self, path)   # not a module's own require (Bundler.require)
      return m.const_get(name, false) if m.const_defined?(name, false)
    end
    if (pt = Maglev.__persistent_autoloads)
      [self, *ancestors, Object].each do |m|
        t = pt[m]
        next unless t && (path = t[name])
        Kernel.instance_method(:require).bind_call(self, path)   # not a module's own require (Bundler.require)
        return m.const_get(name, false) if m.const_defined?(name, false)
      end
    end
    begin
      missing.bind_call(self, name)
    rescue NameError => e
      # the backtrace starts where the constant was looked up, as CRuby's
      e.set_backtrace(caller) if e.name == name && e.backtrace&.first&.start_with?(__FILE__)
      raise e
    end
  end
}.call

# RubyGems loads on first use of Gem (CRuby loads it at start-up; this keeps
# start-up fast): Gem.find_files, Gem::Version ...
unless defined?(::Gem) || Maglev.respond_to?(:__gems_disabled?)   # --disable-gems
autoload :Gem, "rubygems"
# RubyGems inserts activated gems' directories at the entry so marked, the first
# of the interpreter's own (maglev's lib/): -I and RUBYLIB directories, put in
# front of it, keep beating gems as in CRuby (bundle exec relies on it).
$LOAD_PATH.first&.instance_variable_set(:@gem_prelude_index, true)
# Kernel#gem loads RubyGems, whose own Kernel#gem replaces this one, and calls it.
# (require loads RubyGems when a feature is in no $LOAD_PATH directory: ext/ext.c.)
module Kernel
  private def gem(name, *requirements)
    require "rubygems"
    gem(name, *requirements)
  end
end
end
# Marshal is written in Ruby (lib/maglev/marshal.rb) and loads on first use.
autoload :Marshal, "maglev/marshal" unless defined?(::Marshal)
# DidYouMean (lib/did_you_mean.rb) loads when an error message first wants suggestions.
autoload :DidYouMean, "did_you_mean" unless defined?(::DidYouMean)
