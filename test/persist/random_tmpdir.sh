#!/usr/bin/env bash
# A Random persists (docs/format.md "Data payloads"): one made with a seed
# continues in a later process from the state it had when it was committed
# (the numbers are CRuby 3.1's for that seed); one seeded from entropy is
# seeded afresh in each process that reads it. Drawing is no change to
# commit, so two sessions drawing from one Random never conflict.
# tmpdir keeps such a Random, with singleton methods and a constant of its
# singleton class, in Dir::Tmpname::RANDOM, and a class variable of Dir
# (@@systmpdir): `Maglev.persistent { require "tempfile" }` commits, and a
# later process that reads no source makes Tempfiles and temporary folders.
# Class variables and class-level ivars set in persistent mode on a core
# class persist; set in transient mode, they stay in their process.
. "$(dirname "$0")/lib.sh"
export MRUBY
expect "a seeded Random and one seeded from entropy commit" "$(mrb '
a = Random.new(42); a.rand(100)
Maglev[:a] = a; Maglev[:b] = Random.new; Maglev[:h1] = [0]; Maglev[:h2] = [0]
Maglev.commit; p :ok')" ':ok'
expect "the seeded one continues from its committed state (CRuby: Random.new(42), second draw on)" \
  "$(mrb 'a = Maglev[:a]; p a.seed, a.rand(100), a.rand, a.bytes(4)')" \
  '42
92
0.1834347898661638
"G\xD4\x99\xC7"'
expect "and again in the next process: the draws were not committed" "$(mrb 'p Maglev[:a].rand(100); Maglev.commit')" '92'
s1=$(mrb 'r = Maglev[:b]; p [r.seed, r.rand(2**62)]')
s2=$(mrb 'r = Maglev[:b]; p [r.seed, r.rand(2**62)]')
expect "the entropy-seeded one draws other numbers in each process" "$([ -n "$s1" ] && [ "$s1" != "$s2" ] && echo differ)" 'differ'
expect "two sessions drawing from one Random and committing do not conflict" "$(mrb '
a = Maglev[:a]; a.rand; Maglev[:h1][0] = 1
system(ENV["MRUBY"], "-e", "Maglev[:a].rand; Maglev[:b].rand; Maglev[:h2][0] = 2; Maglev.commit") or raise "child"
Maglev.commit; p Maglev[:h1][0], Maglev[:h2][0]')" $'1\n2'
expect "a Random's copy and == (CRuby: a dup draws what the original draws)" "$(mrb 'a = Maglev[:a]; c = a.dup; p c == a, c.rand(1000) == a.rand(1000)')" $'true\ntrue'

fresh_repository lib
expect "Maglev.persistent { require \"tempfile\" } commits" "$(mrb 'Maglev.persistent { require "tempfile" }; Maglev.commit; p :ok')" ':ok'
expect "a later process makes a Tempfile and a temporary folder, reading no source" "$(mrb '
t = Tempfile.new(["x", ".txt"]); t.write("hi"); t.close
p File.read(t.path), File.basename(t.path).start_with?("x"), t.path.end_with?(".txt"), Dir.tmpdir
Dir.mktmpdir("w") { |d| p File.directory?(d) }
p require("tempfile"), require("tmpdir")')" \
  '"hi"
true
true
"/tmp"
true
false
false'
expect "two processes make Tempfiles at once and commit" "$(mrb 'Maglev[:h1] = [0]; Maglev[:h2] = [0]; Maglev.commit' >/dev/null; mrb '
Maglev[:h1][0] = 1
system(ENV["MRUBY"], "-e", "Tempfile.create(\"y\") { }; Maglev[:h2][0] = 2; Maglev.commit") or raise "child"
Tempfile.create("z") { }; Maglev.commit; p Maglev[:h1][0], Maglev[:h2][0]')" $'1\n2'

expect "a core class's class variable and class ivar set in persistent mode persist; set in transient mode, not" "$(mrb '
Maglev.persistent { class Integer; @@kept = [1, 2]; @mark = :m; end }
class Integer; @@local = 3; @other = 4; end
Maglev.commit; p :ok' >/dev/null; mrb '
p Integer.class_variable_get(:@@kept), Integer.instance_variable_get(:@mark),
  Integer.class_variable_defined?(:@@local), Integer.instance_variable_defined?(:@other)')" \
  '[1, 2]
:m
false
false'
expect "a class variable of a core class removed in persistent mode is gone in the next process" "$(mrb '
Maglev.persistent { Integer.send(:remove_class_variable, :@@kept) }; Maglev.commit' >/dev/null; mrb 'p Integer.class_variable_defined?(:@@kept), Integer.instance_variable_get(:@mark)')" \
  $'false\n:m'
expect "a singleton class's constants travel with its object" "$(mrb '
o = Object.new; Maglev.persistent { class << o; K = 5; M = Thread::Mutex.new; def k = K; end }
Maglev[:o] = o; Maglev.commit' >/dev/null; mrb 'o = Maglev[:o]; p o.k, o.singleton_class.constants.sort, o.singleton_class::M.locked?')" \
  '5
[:K, :M]
false'
finish
