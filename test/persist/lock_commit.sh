#!/usr/bin/env bash
# Locks keep other sessions from committing: holding a read or a write lock
# on an object means no other session can commit a change to it (MagLev's
# Maglev::System lock notes). The holder commits freely; the lock ends with
# remove_lock, commit_and_release_locks, exit or kill -9; commits that write
# nothing locked are unaffected, alone or batched with others.
. "$(dirname "$0")/lib.sh"
mrb 'Maglev[:x] = ["x"]; Maglev[:y] = ["y"]; Maglev[:z] = ["z"]; Maglev.commit' >/dev/null
gem_start a
gem_start b
gem a 'S = Maglev::System; R = Maglev::PERSISTENT_ROOT; S.session_id' >/dev/null
gem b 'S = Maglev::System; R = Maglev::PERSISTENT_ROOT; S.session_id' >/dev/null
xoop=$(gem a 'R[:x].object_id')

gem a 'S.write_lock(R[:x]); S.read_lock(R[:y])' >/dev/null
expect "a write lock keeps another session from committing the object" \
	"$(gem b 'R[:x] << "b"; begin; Maglev.commit; rescue Maglev::CommitFailedException => e; e.message; end')" \
	"\"commit failed: 1 object locked by session 1: Array Maglev::PERSISTENT_ROOT[:x] (oop $xoop)\""
expect "the failed commit names the object in conflicts and keeps the change" \
	"$(gem b 'e = (Maglev.commit rescue $!); [e.class, e.conflicts.map(&:object_id) == [R[:x].object_id], R[:x], S.needs_commit]')" \
	'[Maglev::CommitFailedException, true, ["x", "b"], true]'
expect "Maglev::System.commit_transaction answers false" "$(gem b 'S.commit_transaction')" "false"
gem b 'Maglev.abort' >/dev/null
expect "a read lock does too" \
	"$(gem b 'R[:y] << "b"; r = S.commit_transaction; Maglev.abort; r')" "false"
expect "nothing of the refused commits was written" "$(mrb 'p [Maglev[:x], Maglev[:y]]')" '[["x"], ["y"]]'
expect "a commit that writes nothing locked goes through" \
	"$(gem b 'R[:z] << "b"; Maglev.commit')" "true"
expect "the holder commits the objects it locked" \
	"$(gem a 'Maglev.abort; R[:x] << "a"; R[:y] << "a"; Maglev.commit')" "true"
expect "a write of the locked object among others: all refused" \
	"$(gem b 'Maglev.abort; R[:z] << "b2"; R[:x] << "b2"; r = S.commit_transaction; Maglev.abort; [r, R[:z]]')" \
	'[false, ["z", "b"]]'
expect "new objects hanging from a locked one: refused too" \
	"$(gem b 'R[:x] << Object.new; r = S.commit_transaction; Maglev.abort; r')" "false"

gem a 'S.remove_lock(R[:x])' >/dev/null
expect "remove_lock: the other session commits again" \
	"$(gem b 'Maglev.abort; R[:x] << "b3"; Maglev.commit')" "true"
expect "while the read lock still holds" \
	"$(gem b 'R[:y] << "b3"; r = S.commit_transaction; Maglev.abort; r')" "false"
gem a 'Maglev.abort; R[:z] << "a"; S.commit_and_release_locks' >/dev/null
expect "commit_and_release_locks frees the others' commits" \
	"$(gem b 'Maglev.abort; R[:y] << "b4"; Maglev.commit')" "true"

# a lock taken after another session's change: that change commits (the lock
# counts from its own moment); the holder then sees it, as any commit
gem b 'Maglev.abort; R[:z] << "b5"' >/dev/null
gem a 'Maglev.abort; S.write_lock(R[:z])' >/dev/null
expect "a lock blocks an uncommitted change made before it" \
	"$(gem b 'r = S.commit_transaction; Maglev.abort; r')" "false"
gem a 'S.remove_locks_for_session' >/dev/null

# the end of the holder's session ends the block
gem_start c
gem c 'Maglev::System.write_lock(Maglev[:x]); :locked' >/dev/null
expect "a live holder in a third session blocks" "$(gem b 'Maglev.abort; R[:x] << "b6"; S.commit_transaction')" "false"
kill -9 "$c_pid"
wait "$c_pid" 2>/dev/null
expect "a killed holder's lock no longer blocks" "$(gem b 'S.commit_transaction')" "true"
gem_stop a

# batched commits (several processes committing at once): the locked
# object's writer is refused every time, the others all commit
expect "three counters, the first one locked" "$(gem b 'Maglev[:w] = Array.new(3) { [0] }; Maglev.commit; S.write_lock(R[:w][0]); :ok')" ":ok"
pids=
for k in 0 1 2; do
	"$MRUBY" -e '
	  k = ARGV[0].to_i; ok = 0
	  200.times { Maglev[:w][k][0] += 1; Maglev::System.commit_transaction ? ok += 1 : Maglev.abort }
	  puts ok' "$k" >"$MAGLEV_DATA/w$k.out" &
	pids="$pids $!"
done
wait $pids
expect "under concurrent commits only the locked object's writer is refused" \
	"$(cat "$MAGLEV_DATA"/w0.out "$MAGLEV_DATA"/w1.out "$MAGLEV_DATA"/w2.out | tr '\n' ' ')" "0 200 200 "
expect "and the repository agrees" "$(mrb 'p Maglev[:w]')" "[[0], [200], [200]]"
gem_stop b
finish
