#!/usr/bin/env bash
# A nested abort rolls back a Time's change and RC operations (they must not
# replay later); a nested commit folds them into the outer level.
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
finish
