#!/usr/bin/env bash
# Maglev::PERSISTENT_ROOT keyed by anything (MAGLEV-API.md section 2): a
# persistent Class and Module, a core class and module, an Array, -0.0 and
# 0.0 (one key, as in CRuby), a Float, a Bignum, a Rational, a Range, nil,
# true, a String (frozen when stored, as CRuby's Hash#[]= does), a Symbol;
# frozen values stay frozen. Another process finds every key by an equal
# value.
. "$(dirname "$0")/lib.sh"
mrb '
Maglev.persistent { class K; end; module Mo; end }
r = Maglev::PERSISTENT_ROOT
r[K] = :klass; r[Mo] = :mod; r[String] = :string; r[Comparable] = :cmp; r[[1, "a"]] = :arr
r[-0.0] = :negz; r[0.0] = :posz; r[1.5] = :f; r[2**80] = :big; r[3r] = :rat; r[1..3] = :range
r[nil] = :nil; r[true] = :t; r[+"str"] = :str; r[:sym] = :sym
r[:frz] = [1, 2].freeze; r[:fo] = Object.new.freeze; r[:fs] = "lit".freeze
Maglev.commit' >/dev/null
expect "every key found by an equal value" "$(mrb '
r = Maglev::PERSISTENT_ROOT
p [r[K], r[Mo], r[String], r[Comparable], r[[1, "a"]], r[-0.0], r[0.0], r[1.5], r[2**80], r[3r], r[1..3], r[nil], r[true], r["str"], r[:sym]]
p r.keys.select { Float === _1 }, r.keys.grep(String).map(&:frozen?)')" \
  '[:klass, :mod, :string, :cmp, :arr, :posz, :posz, :f, :big, :rat, :range, :nil, :t, :str, :sym]
[-0.0, 1.5]
[true]'
expect "frozen values stay frozen" "$(mrb 'r = Maglev::PERSISTENT_ROOT; p r[:frz].frozen?, r[:fo].frozen?, r[:fs].frozen?, (r[:frz] << 3 rescue $!.class), (r[:fs] << "x" rescue $!.class)')" \
  'true
true
true
FrozenError
FrozenError'
expect "a class key stays after its class is reopened and the key replaced" "$(mrb 'Maglev.persistent { class K; def x = 1; end }; Maglev::PERSISTENT_ROOT[K] = :again; Maglev.commit; p :ok' >/dev/null; mrb 'p Maglev::PERSISTENT_ROOT[K], Maglev::PERSISTENT_ROOT.count { |k, _| k == K }, K.new.x')" \
  ':again
1
1'
# freezing the root is this process's own: it is never committed frozen (a
# frozen root would leave no later process a place to store anything)
expect "a frozen root commits its changes, frozen here only" "$(mrb 'r = Maglev::PERSISTENT_ROOT; r[:last] = 1; r.freeze; p Maglev.commit, r.frozen?; begin; r[:x] = 2; rescue => e; p e.class; end')" \
  'true
true
FrozenError'
expect "a later process stores into it" "$(mrb 'r = Maglev::PERSISTENT_ROOT; p r.frozen?, r[:last]; r[:after] = 2; p Maglev.commit')" \
  'false
1
true'
finish
