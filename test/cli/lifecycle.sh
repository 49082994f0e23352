#!/usr/bin/env bash
# start / status / stop / restart of the stone daemon: pid file, socket, log,
# double start, stop when stopped, a daemon killed with SIGKILL, concurrent
# starts, a stone started on a missing repository.
. "$(dirname "$0")/lib.sh"
repo=$MAGLEV_DATA/maglev

mg start
expect "start a missing stone: exit 0" "$RC" 0
expect_match "start a missing stone: creates it" "$OUT" "^created stone 'maglev' in $repo\$"
expect_match "start: says the pid" "$OUT" "^stone 'maglev' started \(pid [0-9]+\)\$"
pid=$(cat "$repo/stone.pid")
expect "pid file names the daemon" "$(printf '%s\n' "$OUT" | sed -n 's/.*(pid \([0-9]*\))$/\1/p')" "$pid"
expect "the daemon runs" "$(alive "$pid" && echo yes)" yes
expect "the daemon is called maglev-stone" "$(cat /proc/"$pid"/comm)" maglev-stone
expect "the daemon is in a session of its own" "$([ "$(ps -o sid= -p "$pid")" != "$(ps -o sid= -p $$)" ] && echo yes)" yes
expect "stone.sock is a socket" "$([ -S "$repo/stone.sock" ] && echo yes)" yes
expect "stone.sock is owner-only" "$(stat -c %a "$repo/stone.sock")" 600
expect "stone.pid is owner-only" "$(stat -c %a "$repo/stone.pid")" 600
expect "stone.log is owner-only" "$(stat -c %a "$repo/stone.log")" 600
expect_match "stone.log: timestamped start line" "$(cat "$repo/stone.log")" "^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} \[$pid\] stone 'maglev' started"

mg status
expect "status of a running stone: exit 0" "$RC" 0
expect "status: first line" "$(printf '%s\n' "$OUT" | head -n 1)" running
expect "status: pid" "$(field pid)" "$pid"
expect "status: repository" "$(field repository)" "$repo"
expect_match "status: uptime" "$(field uptime)" '^[0-9]+s$'
expect_match "status: gc" "$(field gc)" '^commit log trimmed every 10s'

mg start
expect "start twice: exit 0" "$RC" 0
expect "start twice: a no-op" "$OUT" "stone 'maglev' is already running (pid $pid)"
expect "start twice: same daemon" "$(cat "$repo/stone.pid")" "$pid"

mg list
expect "list shows it running" "$OUT" "$(printf '%-20s running (pid %s)' maglev "$pid")"

# a gem's death does not disturb the stone
build_helper
"$HELPER" hold "$repo" 30 >/dev/null &
holder=$!
# wait until the helper has its view open (no fixed sleep: the machine may be busy)
for i in $(seq 100); do
	mg status
	[ "$(field sessions)" = 1 ] && break
	sleep 0.05
done
expect_match "status lists a session" "$OUT" "^session: pid $holder helper, view at seq 0 \(current\)"
expect "sessions: 1" "$(field sessions)" 1
{ kill -9 "$holder"; wait "$holder"; } 2>/dev/null
mg status
expect "a killed session is gone" "$(field sessions)" 0
expect "the stone survives a dead session" "$(printf '%s\n' "$OUT" | head -n 1)" running

mg stop
expect "stop: exit 0" "$RC" 0
expect "stop: says so" "$OUT" "stone 'maglev' stopped"
expect "stop: the daemon is gone" "$(alive "$pid" && echo alive || echo gone)" gone
expect "stop: the socket is gone" "$([ -e "$repo/stone.sock" ] && echo there || echo gone)" gone
expect_match "stone.log: stop line" "$(cat "$repo/stone.log")" "\[$pid\] stone 'maglev' stopped\$"

mg stop
expect_fail "stop when not running" "^maglev: stone 'maglev' is not running\$"
expect "stop when not running: exit 1" "$RC" 1
mg status
expect "status after stop: exit 3" "$RC" 3
expect "status after stop: not running" "$(printf '%s\n' "$OUT" | head -n 1)" "not running"

# restart: from stopped, then from running
mg restart --interval 2
expect "restart a stopped stone" "$RC" 0
expect_match "restart a stopped stone: starts it" "$OUT" "^stone 'maglev' started"
pid1=$(cat "$repo/stone.pid")
mg status
expect_match "restart passes --interval" "$(field gc)" '^commit log trimmed every 2s'
mg restart
expect "restart a running stone" "$RC" 0
expect_match "restart a running stone: stops it" "$OUT" "^stone 'maglev' stopped"
pid2=$(cat "$repo/stone.pid")
expect "restart: a new daemon" "$([ "$pid1" != "$pid2" ] && alive "$pid2" && echo yes)" yes

# a daemon killed outright leaves a stale pid file, which is harmless
kill -9 "$pid2"
while alive "$pid2"; do sleep 0.05; done
mg status
expect "killed daemon: not running" "$(printf '%s\n' "$OUT" | head -n 1)" "not running"
expect "killed daemon: exit 3" "$RC" 3
expect_match "killed daemon: the stale pid file is noted" "$OUT" "^note: stale pid file \(process $pid2 is not a running stone\)"
mg stop
expect_fail "stop a killed daemon" "is not running"
mg start
expect "start after a crash" "$RC" 0
pid3=$(cat "$repo/stone.pid")
expect_match "stone.log: the crash is noted" "$(cat "$repo/stone.log")" "\[$pid3\] the previous stone \(pid $pid2\) ended without stopping"
mg stop

# two starts at once: one daemon, both succeed
"$MAGLEV" start >"$TMP/a" 2>&1 &
a=$!
"$MAGLEV" start >"$TMP/b" 2>&1 &
b=$!
wait "$a"; ra=$?
wait "$b"; rb=$?
expect "concurrent starts both succeed" "$ra $rb" "0 0"
pa=$(sed -n 's/.*(pid \([0-9]*\))$/\1/p' "$TMP/a")
pb=$(sed -n 's/.*(pid \([0-9]*\))$/\1/p' "$TMP/b")
expect "concurrent starts: one daemon" "$pa" "$pb"
expect "concurrent starts: one maglev-stone process for the repository" \
	"$(for p in $(pgrep -x maglev-stone); do alive "$p" && [ "$(readlink /proc/"$p"/cwd)" == "$repo" ] && echo "$p"; done | wc -l)" 1
mg stop
expect "stop after concurrent starts" "$RC" 0

# SIGTERM is a clean stop too
mg start
pid=$(cat "$repo/stone.pid")
kill -TERM "$pid"
while alive "$pid"; do sleep 0.05; done
expect_match "SIGTERM: logged" "$(cat "$repo/stone.log")" "\[$pid\] stopping on signal 15"
expect "SIGTERM: the pid file is emptied" "$(cat "$repo/stone.pid")" ""
mg status
expect "SIGTERM: not running, no stale note" "$(printf '%s\n' "$OUT" | grep -c '^note:')" 0

# a daemon whose folder is removed under it, or whose socket is, stops by
# itself at its next tick instead of lingering unreachable
mg start orphan --interval 1
pid=$(cat "$MAGLEV_DATA/orphan/stone.pid")
rm -rf "$MAGLEV_DATA/orphan"
for i in $(seq 40); do alive "$pid" || break; sleep 0.1; done
expect "removing the folder stops the daemon" "$(alive "$pid" && echo alive || echo gone)" gone
mg start deaf --interval 1
pid=$(cat "$MAGLEV_DATA/deaf/stone.pid")
rm "$MAGLEV_DATA/deaf/stone.sock"
for i in $(seq 40); do alive "$pid" || break; sleep 0.1; done
expect "removing the socket stops the daemon" "$(alive "$pid" && echo alive || echo gone)" gone
expect_match "... and it says why" "$(cat "$MAGLEV_DATA/deaf/stone.log")" 'stone.sock was removed: stopping'
finish
