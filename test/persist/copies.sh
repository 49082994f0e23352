#!/usr/bin/env bash
# Copies made in persistent mode and read by later processes, as CRuby
# copies: a dup of a persistent class has the original's methods, class
# methods and constants and its own additions, which the original does not
# get; a dup of Comparable has Comparable's methods; Class.new(A).dup works;
# a dup of a persistent object with singleton methods has none, a clone has
# them.
. "$(dirname "$0")/lib.sh"
mrb '
Maglev.persistent do
  class A; def a = :a; def self.k = :k; X = 1; end
  B = A.dup
  class B; def b = :b; Y = 2; end
  M = Comparable.dup
  C = Class.new(A).dup
end
o = Object.new; Maglev.persistent { def o.hi = :hi }
Maglev[:b] = B.new; Maglev[:o] = o
Maglev.commit' >/dev/null
mrb 'o = Maglev[:o]; Maglev[:d] = o.dup; Maglev[:c] = o.clone; Maglev.commit' >/dev/null
expect "class copies" "$(mrb 'p Maglev[:b].a, Maglev[:b].b, B.k, B.superclass, B.name, M.instance_method(:clamp).owner == M, C.new.a, B::X, B::Y')" \
  ':a
:b
:k
Object
"B"
true
:a
1
2'
expect "the original gets nothing of its copy" "$(mrb 'p A.new.respond_to?(:b), defined?(A::Y), A.instance_methods(false)')" $'false\nnil\n[:a]'
expect "an object's dup has no singleton methods, its clone has them" "$(mrb 'p Maglev[:d].respond_to?(:hi), Maglev[:c].hi, Maglev[:o].hi')" $'false\n:hi\n:hi'
finish
