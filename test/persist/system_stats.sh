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
expect "trap_add_to_closure_list(nil) shuts the traps off, as in MagLev" "$(mrb 'x = ["t"]; y = ["u"]; S = Maglev::System
S.trap_add_to_closure_list(x); S.trap_add_to_closure_list(y); p S.trap_add_to_closure_list(nil)
Maglev[:a] = { k: x, l: y }; p Maglev.commit
z = ["v"]; S.trap_add_to_closure_list(z); Maglev[:b] = z; Maglev.commit' 2>&1)" \
  "nil
true
maglev: trapped Array joins the commit at Maglev::PERSISTENT_ROOT[:b]"
# the process facts of MagLev's System.rb (getuid ... getppid): this gem
# process's, as id(1) and the shell that started it see them
expect "getpid and friends: the ids of this process" "$(want="$(id -u) $(id -u) $(id -g) $(id -g) $BASHPID"
  mrb 'S = Maglev::System; puts [S.getuid, S.geteuid, S.getgid, S.getegid, S.getppid].join(" "); p S.getpid == $$, S.getpgrp == Process.getpgrp, S.getpgrp > 0' >"$MAGLEV_DATA/ids"
  sed "s/^$want\$/those of id(1) and the parent shell/" "$MAGLEV_DATA/ids")" "those of id(1) and the parent shell
true
true
true"
expect "MagLev's switches are accepted" "$("$MRUBY" -q -G +d --netldiname=ldi --stonehost localhost -MtraceLoad -e 'print :ok')" "ok"
expect "--copyright" "$("$MRUBY" --copyright | cut -c1-30)" "maglev - Copyright (c) 2026 th"
expect "MagLev's exception classes" "$(mrb 'p Maglev::OutsideOfTransactionException.superclass, LockError.superclass; begin; Maglev::CommitFailedException.new.transaction_conflicts; rescue NotImplementedError => e; p e.class; end')" $'Maglev::MaglevException\nStandardError\nNotImplementedError'
finish
