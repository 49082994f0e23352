#!/usr/bin/env bash
# maglev/ruby_compiler: RubyCompiler#compile runs source at the top level with
# __FILE__ = the given name; code it compiles in persistent mode is
# committed and used by a second process that loads nothing.
. "$(dirname "$0")/lib.sh"
rc() { mrb "require 'maglev/ruby_compiler'; c = RubyCompiler.new; $1"; }
expect "the last value, __FILE__, __LINE__, self" "$(rc '
  p c.compile("1 + 2"), c.compile("__FILE__", "app/x.rb"), c.compile("__FILE__"), c.compile("[__LINE__, self]", "y.rb")
  p c.compile("def rc_top = :top; rc_top"), rc_top, c.compile("v = 5"), c.compile("v * 2")')" '3
"app/x.rb"
"<a String>"
[1, main]
:top
:top
5
10'
expect "a syntax error is eval's, naming the file; a runtime error's backtrace too" "$(rc '
  begin; c.compile("def (", "bad.rb"); rescue SyntaxError => e; puts e.message; end
  begin; c.compile("\n\nraise ArgumentError, %q(no)", "run.rb"); rescue ArgumentError => e; p e.message, e.backtrace[0]; end
  begin; c.compile(:sym); rescue TypeError => e; p e.message; end')" "bad.rb:1: syntax error, unexpected end-of-input
def (
     ^
\"no\"
\"run.rb:3:in \`<main>'\"
\"no implicit conversion of Symbol into String\""
rc 'Maglev.persistent { c.compile(%q{class Greeter
  def hello(n) = "hello #{n} from #{__FILE__}"
end}, "greeter.rb") }
    Maglev::PERSISTENT_ROOT[:g] = Greeter.new
    Maglev.commit_transaction'
expect "a class compiled in persistent mode and committed is used by a second process" \
	"$(mrb 'p Maglev::PERSISTENT_ROOT[:g].hello(1), Greeter.instance_method(:hello).source_location')" '"hello 1 from greeter.rb"
["greeter.rb", 2]'
rc 'c.compile("class Greeter; def bye = :bye; end"); Maglev.commit_transaction'
expect "compiled in transient mode it stays in its process" "$(mrb 'p Greeter.method_defined?(:bye)')" false
finish
