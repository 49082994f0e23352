# maglev/method_source.rb -- a method's source text, and changing a method by
# giving it new source (MAGLEV-API.md section 9; docs/libraries.md).
#
#   src, file, line = Account.method_source(:deposit)
#   Account.method_source(:create, false)           # a singleton (class) method
#   Account.instance_method(:deposit).source         # the text only
#   Account.set_method_source(:deposit, "def deposit(n)\n  @balance += n\nend")
#
# The text is the definition as it was compiled: a `def ... end` for a def,
# the block (`{ ... }` or `do ... end`) for a define_method, and for methods
# attr_reader/attr_writer/attr_accessor made, a def written out that does
# the same, with "(attr_reader)" or "(attr_writer)" as its file. The
# repository stores a persistent method with its source (store/code.c), so
# all of this works as well for a method another process committed.
# Methods written in C (primitives) have no Ruby source: method_source
# raises ArgumentError for them and Method#source answers nil.

class Module
  # [source, file, line] of the instance method name (instance_method =
  # true) or of the singleton method name of this module.
  def method_source(name, instance_method = true)
    info = __method_source_info(name, instance_method)
    info[1, 3]
  end

  # Recompiles the method from source (a String defining it: `def name ...
  # end`, or for a define_method'd method also a block), in the module that
  # owns the method and in the current mode, so that in persistent mode a
  # persistable module's new definition is committed with the next commit.
  # With write_file, the method's old text in its file is replaced by
  # source too; ArgumentError (and nothing changed) when the file cannot be
  # written or no longer holds the old text. Answers the new method_source.
  def set_method_source(name, source, write_file = true, instance_method = true)
    raise TypeError, "no implicit conversion of #{source.class} into String" unless source.is_a?(String)
    kind, old, file, line, owner = __method_source_info(name, instance_method)
    name = name.to_sym
    is_def = __source_defines?(source, name)
    unless is_def || (kind == :block && source =~ /\A\s*(\{|do\b)/)
      raise ArgumentError, "the new source of #{name} must be `def #{name} ... end`" \
                           "#{kind == :block ? ' or a block' : ''}"
    end
    rewrite = write_file ? __source_rewrite(file, line, old, source) : nil
    target = owner
    singleton_def = is_def && source =~ /\A\s*def\s+self\s*\./
    target = self if !instance_method && singleton_def   # `def self.x` is evaluated in the object's class
    if is_def
      target.class_eval(source, file, line)
    else
      target.class_eval("define_method(#{name.inspect}) #{source}", file, line)
    end
    File.write(file, rewrite) if rewrite
    method_source(name, instance_method)
  end

  private

  def __method_source_info(name, instance_method)
    (instance_method ? self.instance_method(name) : singleton_class.instance_method(name)).__source_info
  end

  def __source_defines?(source, name)
    /\A\s*def\s+(self\s*\.\s*)?#{Regexp.escape(name.to_s)}(?=[\s(;]|\z)/.match?(source)
  end

  # The file's text with old replaced by source (at the occurrence nearest
  # to line), or ArgumentError.
  def __source_rewrite(file, line, old, source)
    unless File.file?(file) && File.writable?(file)
      raise ArgumentError, "cannot write the source of this method to #{file.inspect}: not a writable file"
    end
    text = File.read(file)
    best = nil
    pos = 0
    while (i = text.index(old, pos))
      at = text[0, i].count("\n") + 1
      best = [i, at] if best.nil? || (at - line).abs < (best[1] - line).abs
      pos = i + 1
    end
    raise ArgumentError, "#{file} no longer holds the method's source" if best.nil?
    text[0, best[0]] + source + text[(best[0] + old.size)..]
  end
end

class UnboundMethod
  # The method's source text (Module#method_source), nil for a primitive.
  def source
    __source_info[1]
  rescue ArgumentError
    nil
  end

  # [kind, text, file, line, owner]; ArgumentError without Ruby source.
  def __source_info
    info = __source
    case info && info[0]
    when :def, :block
      kind, text, file, line = info
      raise ArgumentError, "the source of #{owner}##{name} was not kept" if text.nil?
      [kind, text, file, line, owner]
    when :attr_reader
      [:attr, "def #{name}\n  #{info[1]}\nend", "(attr_reader)", 1, owner]
    when :attr_writer
      [:attr, "def #{name}(value)\n  #{info[1]} = value\nend", "(attr_writer)", 1, owner]
    else
      raise ArgumentError, "#{owner}##{name} is a primitive: it has no Ruby source"
    end
  end
end

class Method
  def source = unbind.source
end
