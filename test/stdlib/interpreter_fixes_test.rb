# Interpreter fixes the standard library needed: while-condition locals, Regexp \u{}, public define_method, main.include, Binding#dup, caller_locations, autoload, Process.clock_gettime, English's match-variable aliases
# while: a local first assigned in the condition is the one the body reads
lines = ["a", "b"]
while line = lines.shift
  p line
end
def drain(q)
  out = []
  until (x = q.shift).nil?
    out << x
  end
  out
end
p drain([1, 2])
# Regexp: \u{...} escapes, one or several code points
p "xAé" =~ /\u{41}/, "AB" =~ /\A\u{41 42}\z/, "é" =~ /[\u{80}-\u{10ffff}]/
# Module#define_method is public
C = Class.new
C.define_method(:hi) { :hi }
p C.new.hi
# main.include
module Greet
  def greet = :greet
end
include Greet
p greet
# Binding#dup evaluates in the same scope
v = 5
b = binding.dup
p eval("v * 2", b)
# caller_locations gives Location objects
def where = caller_locations(1, 1).first
l = where
p l.lineno == __LINE__ - 1, l.label, l.path == __FILE__
# autoload through const_missing
File.write("/tmp/maglev_autoload_probe_#{$$}.rb", "module AutoProbe; X = 1; end")
autoload :AutoProbe, "/tmp/maglev_autoload_probe_#{$$}.rb"
p Object.autoload?(:AutoProbe).nil?, AutoProbe::X
File.delete("/tmp/maglev_autoload_probe_#{$$}.rb")
# Process.clock_gettime
t = Process.clock_gettime(Process::CLOCK_MONOTONIC)
p t.class, Process.clock_gettime(Process::CLOCK_REALTIME, :millisecond).class
# English.rb's aliases of the match variables
require "English"
"abc" =~ /(b)/
p $PREMATCH, $POSTMATCH, $MATCH, $LAST_PAREN_MATCH
def in_method = ("xyz" =~ /y/) && [$PREMATCH, $POSTMATCH]
p in_method

# expect: "a"
# expect: "b"
# expect: [1, 2]
# expect: 1
# expect: 0
# expect: 0
# expect: :hi
# expect: :greet
# expect: 10
# expect: true
# expect: "<main>"
# expect: true
# expect: false
# expect: 1
# expect: Float
# expect: Integer
# expect: "a"
# expect: "c"
# expect: "b"
# expect: "b"
# expect: ["x", "z"]
