# maglev/ruby_compiler.rb -- RubyCompiler, MagLev's entry point for compiling
# and running Ruby source held in a String (MAGLEV-API.md section 9;
# docs/libraries.md).
#
#   RubyCompiler.new.compile("class Foo; def hi = :hi; end; Foo.new.hi", "foo.rb")  # => :hi
#
# compile runs the source at the top level (self is main, `def` defines
# private methods of Object, constants go to Object) with __FILE__ set to
# file_name, and answers the value of its last expression. Top-level local
# variables are those of TOPLEVEL_BINDING, as for eval(source,
# TOPLEVEL_BINDING). A syntax error raises SyntaxError naming file_name, as
# eval does; in persistent mode (Maglev.persistent) the classes and methods
# the source defines persist like any others.
class RubyCompiler
  def compile(source, file_name = "<a String>", line = 1)
    raise TypeError, "no implicit conversion of #{source.class} into String" unless source.respond_to?(:to_str)
    TOPLEVEL_BINDING.eval(source.to_str, file_name.to_s, line)
  end
end
