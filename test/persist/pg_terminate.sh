#!/usr/bin/env bash
# PostgreSQL backend: a gem's connection is ended by the server
# (pg_terminate_backend) in the middle of its transaction. The next call
# raises a clear StandardError naming the lost connection, nothing of the
# transaction is written, and after an abort the retry commits. The gem's
# session died with its connection, so its locks did too: another session
# may take them meanwhile, and the gem, reconnected under its session id,
# does not get them back beside that holder's (two write locks on one
# object, each refusing the other's commits, as it did).
. "$(dirname "$0")/lib.sh"
on_pg || { echo "PostgreSQL only: ends a PostgreSQL connection"; exit 77; }
mrb 'Maglev[:x] = "x"; Maglev[:y] = [1]; Maglev[:w] = {k: "v"}; Maglev.commit' >/dev/null
gem_start a
gem_start b
gem a 'S = Maglev::System; R = Maglev::PERSISTENT_ROOT; S.session_id' >/dev/null
gem b 'S = Maglev::System; R = Maglev::PERSISTENT_ROOT; S.session_id' >/dev/null
# ends a's connection, and waits until the server has seen it end
kill_a() {
	pg_sql "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'maglev $a_pid %'" >/dev/null
	local i
	for i in $(seq 100); do
		[ "$(pg_sql "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'maglev $a_pid %'")" = 0 ] && break
		sleep 0.1
	done
}
gem a 'S.write_lock(R[:x]); R[:y] << 2; R[:w][:k2] = "half"; :changed' >/dev/null
kill_a
expect "another session takes the lock of the dead session" "$(gem b 'S.write_lock(R[:x]); :granted')" ":granted"
expect "the commit raises a clear StandardError" \
	"$(gem a 'begin; Maglev.commit_transaction; rescue StandardError => e; e.message[/lost the connection to PostgreSQL/]; end')" \
	'"lost the connection to PostgreSQL"'
expect "the gem keeps its session id" "$(gem a 'S.session_id')" "1"
expect "but not the lock the other session holds now" \
	"$(gem a 'begin; S.write_lock(R[:x]); :granted; rescue LockError => e; e.message[/session \d+ holds/]; end')" '"session 2 holds"'
expect "maglev status shows one holder" "$("$ROOT/bin/maglev" status | grep '^lock:' | cut -d' ' -f3-)" "write session 2"
expect "and both sessions" "$("$ROOT/bin/maglev" status | grep -c '^gem session:')" "2"
expect "nothing of it was written" "$(mrb 'p Maglev[:y], Maglev[:w]')" $'[1]\n{:k=>"v"}'
expect "the holder commits the locked object" "$(gem b 'R[:x] << "b"; Maglev.commit_transaction')" "true"
expect "the retry after an abort commits" "$(gem a 'Maglev.abort_transaction; R[:y] << 3; Maglev.commit_transaction')" "true"
expect "the lock still keeps the other session from committing the object" \
	"$(gem a 'Maglev.abort_transaction; R[:x] << "a"; begin; Maglev.commit_transaction; rescue Maglev::CommitFailedException => e; e.message[/locked by session \d+/]; end')" \
	'"locked by session 2"'
gem a 'Maglev.abort_transaction; S.write_lock(R[:y])' >/dev/null
kill_a
expect "with nobody else asking, a lock of the dead session is gone too" \
	"$(gem a '(Maglev.abort_transaction rescue nil); Maglev.abort_transaction; S.session_id'; "$ROOT/bin/maglev" status | grep '^lock:' | cut -d' ' -f3-)" $'1\nwrite session 2'
gem_stop a
gem_stop b
expect "what was committed" "$(mrb 'p Maglev[:x], Maglev[:y], Maglev[:w]')" $'"xb"\n[1, 3]\n{:k=>"v"}'
finish
