# warning.rb -- the Warning module: Warning.warn writes a message to $stderr,
# Warning[category] / Warning[category]= switch the :deprecated and
# :experimental categories (Kernel#warn, in core/io.c, writes to $stderr itself).
module Warning
  CATEGORIES = { deprecated: $VERBOSE == true, experimental: true }   # -w / -W turn :deprecated on

  def self.[](category)
    check = category.is_a?(Symbol) ? category : raise(TypeError, "no implicit conversion of #{category.class} into Symbol")
    raise ArgumentError, "unknown category: #{check}" unless CATEGORIES.key?(check)
    CATEGORIES[check]
  end

  def self.[]=(category, flag)
    self[category]
    CATEGORIES[category] = flag ? true : false
  end

  def warn(msg, category: nil)
    raise TypeError, "wrong argument type #{msg.class} (expected String)" unless msg.is_a?(String)
    self[category] unless category.nil? # validates
    $stderr.write(msg)
    nil
  end
  extend self   # as CRuby: Warning.warn overridden in the singleton can call super
end
