#!/usr/bin/env bash
# A commit that fails (a write-write conflict, or an object another session
# write-locked) keeps this transaction's changes and refreshes the view
# (MAGLEV-API.md section 2; GemStone's commitTransaction: "commits made by
# other sessions are visible to the extent that changes in this transaction
# do not conflict with them"): data and code committed elsewhere show, the
# changed objects keep their changes, a retry without abort fails again, and
# an abort then a retry commits. Both commit calls: Maglev's raises,
# Maglev::System's answers false.
. "$(dirname "$0")/lib.sh"
mrb 'Maglev[:mine] = [1]; Maglev[:theirs] = [0]; Maglev[:locked] = [0]; Maglev.commit' >/dev/null
gem_start a
gem_start b
expect "a reads both" "$(gem a 'Maglev[:mine] + Maglev[:theirs]')" "[1, 0]"
gem b 'Maglev[:mine] << 2; Maglev[:theirs] << 5; Maglev.persistent { class Later; def hi = :hi; end }; Maglev.commit' >/dev/null
expect "a changes what b changed too; its view still has the old state" \
  "$(gem a 'Maglev[:mine] << 3; [Maglev[:mine].dup, Maglev[:theirs].dup, defined?(Later)]')" '[[1, 3], [0], nil]'
expect "the commit fails" "$(gem a 'begin; Maglev.commit; rescue Maglev::CommitFailedException => e; e.conflicts; end')" '[[1, 3]]'
expect "after it: b's other change and b's class show, a's change stays" \
  "$(gem a '[Maglev[:mine], Maglev[:theirs], Later.new.hi, Maglev::System.needs_commit]')" '[[1, 3], [0, 5], :hi, true]'
expect "a retry without abort fails again" "$(gem a 'Maglev::System.commit_transaction')" 'false'
expect "abort then retry commits" "$(gem a 'Maglev.abort; Maglev[:mine] << 3; Maglev.commit; Maglev[:mine]')" '[1, 2, 3]'
# a commit refused because b holds a write lock refreshes the view as well
gem b 'Maglev::System.write_lock(Maglev[:locked]); Maglev[:theirs] << 6; Maglev.commit' >/dev/null
expect "a's commit of a locked object answers false" \
  "$(gem a 'Maglev[:locked] << 1; [Maglev[:theirs].dup, Maglev::System.commit_transaction]')" '[[0, 5], false]'
expect "and a sees b's later commit" "$(gem a '[Maglev[:theirs], Maglev[:locked]]')" '[[0, 5, 6], [0, 1]]'
expect "once b lets go, a's commit (after an abort) goes through" \
  "$(gem b 'Maglev::System.remove_locks_for_session; :released' >/dev/null; gem a 'Maglev.abort; Maglev[:locked] << 1; Maglev.commit')" 'true'
gem_stop a
gem_stop b
expect "a later process reads both sessions' commits" "$(mrb 'p Maglev[:mine], Maglev[:theirs], Maglev[:locked], Later.new.hi')" '[1, 2, 3]
[0, 5, 6]
[0, 1]
:hi'
finish
