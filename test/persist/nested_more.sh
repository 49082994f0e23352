#!/usr/bin/env bash
# A nested abort rolls back a Time's change, RC operations (they must not
# replay later) and captured variables; a nested commit folds them into the
# outer level.
. "$(dirname "$0")/lib.sh"
mrb 'require "maglev/rccounter"; Maglev[:c] = RCCounter.new; Maglev[:t] = Time.at(0).utc; Maglev.commit' >/dev/null
expect "nested abort and commit" "$(mrb '
  c = Maglev[:c]; t = Maglev[:t]
  c.increment
  Maglev.begin_nested_transaction
  c.increment_by(10); t.localtime("+05:00")
  Maglev.abort_transaction
  p c.value, t.utc_offset, Maglev.transaction_level
  Maglev.begin_nested_transaction
  c.increment_by(100)
  Maglev.commit_transaction
  Maglev.commit_transaction
  p c.value')" $'1\n0\n1\n101'
expect "what reached the repository" "$(mrb 'p Maglev[:c].value, Maglev[:t].utc_offset')" $'101\n0'
# Captured variables change without a barrier: a nested abort restores them
# too, whether they were changed before the level or not (persist_fuzz.rb
# found it)
mrb 'def pair(v) = [-> { v }, ->(n) { v = n }]; Maglev[:pair] = pair(1); Maglev.commit' >/dev/null
expect "a nested abort restores captured variables" "$(mrb '
  get, set = Maglev[:pair]
  Maglev.begin_nested_transaction; set.call(2); Maglev.abort_transaction
  p get.call
  set.call(5)
  Maglev.begin_nested_transaction; set.call(6); Maglev.abort_transaction
  p get.call
  Maglev.begin_nested_transaction; set.call(7); Maglev.commit_transaction
  p get.call
  Maglev.commit')" $'1\n5\n7'
expect "and the outer level commits what it kept" "$(mrb 'p Maglev[:pair][0].call')" 7
# Changed at level 2 and not yet in the write set when level 3 opens: the
# opening puts it there, but its state at level 2's start is the committed one
expect "captured variables through three levels and more" "$(mrb '
  get, set = Maglev[:pair]
  Maglev.begin_nested_transaction; set.call(2)
  Maglev.begin_nested_transaction; set.call(3)
  Maglev.begin_nested_transaction; set.call(4)
  Maglev.abort_transaction; Maglev.abort_transaction; Maglev.abort_transaction
  p get.call
  Maglev.begin_nested_transaction; set.call(12)
  Maglev.begin_nested_transaction; set.call(13)
  Maglev.commit_transaction; p get.call
  Maglev.abort_transaction; p get.call
  set.call(20)
  Maglev.begin_nested_transaction; set.call(21)
  Maglev.begin_nested_transaction; set.call(22)
  Maglev.begin_nested_transaction; set.call(23)
  Maglev.commit_transaction; Maglev.abort_transaction; p get.call
  Maglev.abort_transaction; p get.call, Maglev.transaction_level
  Maglev.begin_nested_transaction; set.call(31)
  Maglev.begin_nested_transaction; set.call(32)
  Maglev.commit_transaction; Maglev.commit_transaction
  Maglev.commit; p get.call')" $'7\n13\n7\n21\n20\n1\n32'
expect "what the outermost commit wrote" "$(mrb 'p Maglev[:pair][0].call')" 32
finish
