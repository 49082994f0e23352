# forwardable/impl.rb -- maglev's version of the part of forwardable that CRuby
# writes with RubyVM::InstructionSequence: checking that a delegated name can be
# called as `obj.name(...)`, and compiling the delegator's source.
module Forwardable
  CALLABLE_NAME = /\A(?:(?:[A-Za-z_]|[^\x00-\x7f])(?:\w|[^\x00-\x7f])*[?!]?|\[\]=?|[+\-*\/%&|^<>~!]|\*\*|<=>|===?|=~|!=|!~|<<|>>|<=|>=|[+\-~!]@)\z/ # :nodoc:
  private_constant :CALLABLE_NAME

  def self._valid_method?(method)
    CALLABLE_NAME.match?(method.to_s)
  end

  def self._compile_method(src, file, line)
    eval(src, nil, file, line)
  end
end
