#!/usr/bin/env bash
# PostgreSQL backend, a network failure between a host and the server (its
# link cut: nothing is closed, packets are just lost; pg_backend.c P11). The
# cut-off gem, which holds a write lock and has a change to commit, gets a
# clear StandardError from its commit within a minute, not a hang; the
# server finds its connection dead as soon, so the gem's session and its
# lock end and a gem of the other host takes the lock and commits. Once
# the link is back, the cut-off gem aborts, sees that commit and retries.
. "$(dirname "$0")/lib.sh"
on_pg || { echo "PostgreSQL only: cuts a host off a PostgreSQL server"; exit 77; }
two_hosts part 215 216
expect "host a commits" "$(on a -e 'Maglev[:x] = [0]; p Maglev.commit')" "true"
gem_start a1 on a
gem_start b1 on b
gem a1 'S = Maglev::System; R = Maglev::PERSISTENT_ROOT; S.write_lock(R[:x]); R[:x] << 1; :changed' >/dev/null
gem b1 'S = Maglev::System; R = Maglev::PERSISTENT_ROOT; :ok' >/dev/null
expect "host b cannot take the lock host a holds" \
	"$(gem b1 'begin; S.write_lock(R[:x]); :granted; rescue LockError => e; e.class; end')" "LockError"
link_down a
echo 't = Time.now; r = begin; Maglev.commit_transaction; rescue StandardError => e; e.message[/lost the connection to PostgreSQL/] || e.message; end; [r, Time.now - t < 60]' >&"$a1_in"
# the server drops the dead connection, and with it a's session and lock
expect "host b gets the lock once the server has found host a gone" \
	"$(gem b1 't = Time.now; begin; S.write_lock(R[:x]); :granted; rescue LockError; sleep 0.5; retry if Time.now - t < 90; :never; end')" ":granted"
expect "and commits" "$(gem b1 'R[:x] << 2; Maglev.commit_and_release_locks')" "true"
IFS= read -r res <&"$a1_out"
expect "the cut-off gem's commit raises a clear StandardError within a minute" "$res" '["lost the connection to PostgreSQL", true]'
link_up a
expect "with the link back, it aborts, sees host b's commit and retries" \
	"$(gem a1 'Maglev.abort_transaction; R[:x] << 1; [R[:x], Maglev.commit_transaction]')" "[[0, 2, 1], true]"
gem_stop a1
gem_stop b1
expect "both hosts' commits are there, once" "$(on b -e 'p Maglev[:x]')" "[0, 2, 1]"
finish
