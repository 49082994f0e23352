#!/usr/bin/env bash
# How a process ends decides what is committed: a commit in at_exit or in an
# ensure clause lands; a process that raises, calls exit, exit! or is killed
# with uncommitted changes leaves nothing of them (no half-written
# transaction), while what it committed before stays.
. "$(dirname "$0")/lib.sh"
"$MRUBY" -e 'at_exit { Maglev[:ae] = [:at_exit, Maglev[:x]]; Maglev.commit }; Maglev[:x] = 1; Maglev.commit' || exit 1
"$MRUBY" -e 'begin; Maglev[:y] = 2; raise "boom"; ensure; Maglev.commit; end' 2>/dev/null
rc1=$?
"$MRUBY" -e 'Maglev[:z] = [1]; Maglev[:w] = { a: 1 }; Maglev[:ae] << :changed; raise ArgumentError, "half"' 2>/dev/null
rc2=$?
"$MRUBY" -e 'Maglev[:z2] = [1]; exit 3'
rc3=$?
"$MRUBY" -e 'Maglev[:z3] = [1]; Maglev.commit; Maglev[:z3] << 2; exit!(0)'
("$MRUBY" -e 'Maglev[:z4] = [1]; Maglev[:z3] << 3; Process.kill(:KILL, $$)') 2>/dev/null
rc4=$?
expect "exit statuses" "$rc1 $rc2 $rc3 $rc4" "1 1 3 137"
expect "at_exit and ensure commits landed; the rest did not" "$(mrb 'p Maglev[:ae], Maglev[:y], Maglev[:z], Maglev[:w], Maglev[:z2], Maglev[:z3], Maglev[:z4]')" \
  '[:at_exit, 1]
2
nil
nil
nil
[1]
nil'
expect "-Mcommit does not commit a script that raises" "$("$MRUBY" -Mcommit -e 'Maglev[:mc] = 1; raise "no"' 2>/dev/null; mrb 'p Maglev[:mc]')" 'nil'
expect "the repository is sound" "$("$ROOT/bin/maglev" check test 2>&1 | tail -1)" "stone 'test' is ok"
finish
