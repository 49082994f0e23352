#!/usr/bin/env bash
# Maglev::System locks across processes: they never wait, a write lock
# excludes every other lock, read locks are shared, upgrades, release by
# remove_lock / remove_locks_for_session / commit_and_release_locks / exit /
# kill -9; `maglev status` lists the locks of live sessions.
. "$(dirname "$0")/lib.sh"
mrb 'Maglev[:x] = "x"; Maglev[:y] = "y"; Maglev[:z] = "z"; Maglev.commit' >/dev/null
gem_start a
gem_start b
gem a 'S = Maglev::System; R = Maglev::PERSISTENT_ROOT; S.session_id' >/dev/null
gem b 'S = Maglev::System; R = Maglev::PERSISTENT_ROOT; S.session_id' >/dev/null

expect "write lock" "$(gem a 'S.write_lock(R[:x])')" "Maglev::System"
expect "locking again the same kind is fine" "$(gem a 'S.write_lock(R[:x]); S.read_lock(R[:x]); :ok')" ":ok"
expect "a write lock excludes another session's write lock, at once" \
	"$(gem b 'S.write_lock(R[:x])')" \
	"LockError: cannot write-lock a String (oop $(gem a 'R[:x].object_id')): session 1 holds a lock on it"
expect "and its read lock" "$(gem b 'begin; S.read_lock(R[:x]); rescue LockError => e; e.message[/session \d+ holds a write lock/]; end')" \
	'"session 1 holds a write lock"'
expect "LockError is a top-level StandardError" "$(gem b 'LockError.superclass')" "StandardError"

expect "read locks are shared" "$(gem a 'S.read_lock(R[:y]); :a')$(gem b 'S.read_lock(R[:y]); :b')" ":a:b"
expect "a read lock excludes another session's write lock" "$(gem b 'begin; S.write_lock(R[:x]); rescue LockError; :refused; end')" ":refused"
expect "no upgrade while another session reads" "$(gem a 'begin; S.write_lock(R[:y]); rescue LockError => e; e.message[/session \d+/]; end')" '"session 2"'
gem b 'S.remove_lock(R[:y])' >/dev/null
expect "upgrade once the other reader let go" "$(gem a 'S.write_lock(R[:y]); :upgraded')" ":upgraded"
expect "and it excludes the other reader now" "$(gem b 'begin; S.read_lock(R[:y]); rescue LockError; :refused; end')" ":refused"

expect "remove_lock releases one lock" "$(gem a 'S.remove_lock(R[:x]); :ok')$(gem b 'S.write_lock(R[:x]); :b')" ":ok:b"
expect "remove_locks_for_session releases all" \
	"$(gem b 'S.remove_locks_for_session; :ok')$(gem a 'S.write_lock(R[:x]); :a')" ":ok:a"

# commit_and_release_locks: true and released on success; false and kept on a conflict
gem b 'R[:z] << "b"; S.commit_transaction' >/dev/null
expect "commit_and_release_locks answers false on a conflict" \
	"$(gem a 'R[:z] << "a"; [Maglev.commit_and_release_locks, S.needs_commit]')" "[false, true]"
expect "and keeps the locks" "$(gem b 'begin; S.read_lock(R[:x]); rescue LockError; :held; end')" ":held"
expect "commit_and_release_locks answers true once it commits" \
	"$(gem a 'S.abort_transaction; R[:z] << "a"; [S.commit_and_release_locks, R[:z]]')" '[true, "zba"]'
expect "and the locks are gone" "$(gem b 'S.write_lock(R[:x]); S.write_lock(R[:y]); :both')" ":both"
gem b 'S.remove_locks_for_session' >/dev/null
# in a nested level the commit only folds into the enclosing level: nothing
# reached the repository yet, so the locks stay until the outermost commit
gem a 'S.write_lock(R[:x])' >/dev/null
expect "a nested level's commit_and_release_locks folds and answers true" \
	"$(gem a 'S.begin_nested_transaction; R[:z] << "n"; [S.commit_and_release_locks, S.transaction_level]')" '[true, 1]'
expect "and keeps the locks" "$(gem b 'begin; S.read_lock(R[:x]); rescue LockError; :held; end')" ":held"
expect "the outermost one releases them" \
	"$(gem a 'S.commit_and_release_locks')$(gem b 'S.write_lock(R[:x]); S.abort_transaction; R[:z]')" 'true"zban"'
gem b 'S.remove_locks_for_session' >/dev/null

# transient objects: any non-immediate object has an OOP to lock
expect "transient objects can be locked" "$(gem a 'T = Object.new; S.write_lock(T); S.read_lock([1]); S.remove_lock(T); :ok')" ":ok"
# MAGLEV-API.md section 6: Fixnum, Float, true, false and nil cannot be locked
# (MagLev's special objects: values with no identity to lock) -- for remove_lock too
expect "Integers, Floats, true, false and nil cannot be locked" \
	"$(gem a '[1, 2**70, 1.5, nil, true, false].map { |v| [:read_lock, :write_lock, :remove_lock].map { |m| begin; S.send(m, v); rescue ArgumentError; :no; end } }.flatten.uniq')" \
	"[:no]"
expect "with a message that says so" "$(gem a 'begin; S.read_lock(nil); rescue ArgumentError => e; e.message; end')" \
	'"cannot lock nil: Integer, Float, true, false and nil cannot be locked"'
# a Symbol is an object, the same one in every VM: its lock is seen by every
# session (so is an Encoding's)
expect "a Symbol can be locked" "$(gem a 'S.write_lock(:sym); S.read_lock(:"caf\u00e9".to_s.encode("ISO-8859-1").to_sym); :ok')" ":ok"
expect "and its lock excludes another session's" \
	"$(gem b 'begin; S.read_lock(:sym); rescue LockError => e; e.message.sub(/key \d+/, "key K"); end')" \
	'"cannot read-lock :sym (key K): session 1 holds a write lock on it"'
expect "another Symbol, or the same name in another encoding, is another lock" \
	"$(gem b 'S.write_lock(:syn); S.read_lock(:"caf\u00e9"); begin; S.write_lock(:"caf\u00e9".to_s.encode("ISO-8859-1").to_sym); rescue LockError; :held; end')" ":held"
expect "an Encoding too: the same object in every process" \
	"$(gem a 'S.write_lock(Encoding::ISO_8859_1); :ok')$(gem b 'begin; S.read_lock(Encoding::ISO_8859_1); rescue LockError => e; e.message[/session \d+ holds/]; end')" \
	':ok"session 1 holds"'
expect "remove_lock releases a Symbol's lock" "$(gem a 'S.remove_lock(:sym); :ok')$(gem b 'S.write_lock(:sym); :b')" ":ok:b"
gem a 'S.remove_locks_for_session' >/dev/null
gem b 'S.remove_locks_for_session' >/dev/null

# the end of a session releases its locks: normal exit, then kill -9
gem a 'S.write_lock(R[:x]); S.read_lock(R[:y])' >/dev/null
gem_stop a
expect "an ended session's locks are gone" "$(gem b 'S.write_lock(R[:x]); S.write_lock(R[:y]); :both')" ":both"
gem b 'S.remove_locks_for_session' >/dev/null
gem_start c
gem c 'Maglev::System.write_lock(Maglev[:z])' >/dev/null
expect "a live session's lock holds" "$(gem b 'begin; S.read_lock(R[:z]); rescue LockError; :held; end')" ":held"
gem_start d
gem d 'S = Maglev::System; R = Maglev::PERSISTENT_ROOT; S.read_lock(R[:y]); S.write_lock(R[:x])' >/dev/null
gem b 'S.read_lock(R[:y])' >/dev/null
ids="$(gem b 'R.values_at(:x, :y, :z).map(&:object_id).join(" ")')"
read -r xo yo zo <<<"${ids//\"/}"
sb="$(gem b 'S.session_id')"; sc="$(gem c 'Maglev::System.session_id')"; sd="$(gem d 'S.session_id')"
expect "maglev status lists the locks held, by object and session" \
	"$("$ROOT/bin/maglev" status | grep '^lock:' | sort)" \
	"$(printf 'lock: %s write session %s\nlock: %s read sessions %s\nlock: %s write session %s\n' \
		"$xo" "$sd" "$yo" "$(printf '%s\n' "$sb" "$sd" | sort -n | tr '\n' ' ' | sed 's/ $//')" "$zo" "$sc" | sort)"
kill -9 "$c_pid"
wait "$c_pid" 2>/dev/null
expect "a killed session's locks are not listed" "$("$ROOT/bin/maglev" status | grep -c "^lock: $zo ")" 0
gem_stop d
expect "nor an ended session's" "$("$ROOT/bin/maglev" status | grep '^lock:')" "lock: $yo read session $sb"
expect "a killed session's lock is ignored" "$(gem b 'S.write_lock(R[:z]); :mine')" ":mine"
gem_stop b
expect "a lock is seen by a process started later" \
	"$("$MRUBY" -e 'Maglev::System.write_lock(Maglev[:x]); system(ARGV[0], "-e", "begin; Maglev::System.read_lock(Maglev[:x]); rescue LockError; puts :held; end")' "$MRUBY")" "held"
finish
