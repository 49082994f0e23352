#!/usr/bin/env bash
# A commit in one process is seen by the next one; uncommitted changes are not.
. "$(dirname "$0")/lib.sh"
expect "fresh root is empty" "$(mrb 'p Maglev::PERSISTENT_ROOT.size')" "0"
mrb 'Maglev::PERSISTENT_ROOT[:greeting] = "hello"; Maglev.commit_transaction' >/dev/null
expect "committed string visible" "$(mrb 'p Maglev::PERSISTENT_ROOT[:greeting]')" '"hello"'
mrb 'Maglev[:n] = 42' >/dev/null
expect "uncommitted change invisible" "$(mrb 'p Maglev[:n]')" "nil"
mrb 'Maglev[:list] = [1, 2.5, :sym, "s", nil, true, 2**100, 1..3, {a: [1]}]; Maglev.commit' >/dev/null
expect "core values round-trip" "$(mrb 'p Maglev[:list]')" '[1, 2.5, :sym, "s", nil, true, 1267650600228229401496703205376, 1..3, {:a=>[1]}]'
expect "commit returns true with nothing to do" "$(mrb 'p Maglev.commit_transaction')" "true"
expect "committed? of a committed object" "$(mrb 'p Maglev[:list].committed?, [].committed?')" $'true\nfalse'
# values are in every repository: each element of the list answers true, a
# Bignum and a heap Float as a Fixnum and a flonum do, committed or not
expect "committed? of values" "$(mrb 'p Maglev[:list].map(&:committed?), [1, 2**70, 1.5, 1e300, nil, :s, :"d#{1}", Encoding::UTF_8, "s"].map(&:committed?)')" \
  $'[true, true, true, true, true, true, true, true, true]\n[true, true, true, true, true, true, true, true, false]'
finish
