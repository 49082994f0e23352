#!/usr/bin/env bash
# Maglev::System's statistics and debugging calls (MAGLEV-API.md section 6)
# and MagLev's command-line switches that maglev accepts (section 10).
. "$(dirname "$0")/lib.sh"
expect "session statistics" "$(mrb 'S = Maglev::System; p S.get_session_stat(3), S.increment_session_stat(3, 5), S.decrement_session_stat(3), S.set_session_stat(0, 9), S.get_session_stat(0); begin; S.get_session_stat(48); rescue ArgumentError => e; puts e.message; end')" \
  $'0\n5\n4\n9\n9\nsession statistic index 48 out of range 0..47'
expect "the temporary object space" "$(mrb 'S = Maglev::System; p S.temp_obj_space_used > 0, S.temp_obj_space_max > S.temp_obj_space_used, (0..100) === S.temp_obj_space_percent_used')" $'true\ntrue\ntrue'
expect "--max-memory is the space's maximum" "$("$MRUBY" --max-memory=32M -e 'p Maglev::System.temp_obj_space_max')" "33554432"
expect "--tocsz (KB) is too" "$("$MRUBY" --tocsz=65536 -e 'p Maglev::System.temp_obj_space_max')" "67108864"
expect "cache slot and statistics" "$(mrb 'S = Maglev::System; Maglev[:x] = [1]; Maglev.commit; st = S.my_cache_statistics; p S.my_cache_slot == S.session_id, st[:resident_persistent_objects] > 0, st[:view_commit_sequence] > 0')" $'true\ntrue\ntrue'
expect "a trapped object reports where it joins a commit" "$(mrb 'x = ["t"]; Maglev::System.trap_add_to_closure_list(x); Maglev[:a] = { k: x }; Maglev.commit' 2>&1)" \
  "maglev: trapped Array joins the commit at Maglev::PERSISTENT_ROOT[:a][:k]"
expect "MagLev's switches are accepted" "$("$MRUBY" -q -G +d --netldiname=ldi --stonehost localhost -MtraceLoad -e 'print :ok')" "ok"
expect "--copyright" "$("$MRUBY" --copyright | cut -c1-30)" "maglev - Copyright (c) 2026 th"
expect "MagLev's exception classes" "$(mrb 'p Maglev::OutsideOfTransactionException.superclass, LockError.superclass; begin; Maglev::CommitFailedException.new.transaction_conflicts; rescue NotImplementedError => e; p e.class; end')" $'Maglev::MaglevException\nStandardError\nNotImplementedError'
finish
