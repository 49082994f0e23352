#!/usr/bin/env bash
# Maglev.wait_for_change on PostgreSQL waits for the NOTIFY of a commit on a
# LISTEN connection (pg_admin.c A2-A4), not by polling: a wait of 2 s makes
# exactly the queries of a wait of 0 s (MAGLEV_PG_STATS counts them); a
# waiter wakes on another process's commit while its other threads run, and
# unrelated commits wake it without reporting anything; a lost LISTEN
# connection is made again. The notification
# latency is printed (not checked: no timing assertions).
. "$(dirname "$0")/lib.sh"
on_pg || { echo "PostgreSQL only: LISTEN/NOTIFY (on LMDB wait_for_change reads the shared map, test/persist/notify.sh)"; exit 77; }
mrb 'Maglev[:b] = {x: 1}; Maglev[:c] = "c"; Maglev.commit'
# stats T: the query counts of a process that waits T seconds for a change that does not come
stats() {
	MAGLEV_CACHE_DIR=off MAGLEV_PG_STATS=1 "$MRUBY" -e 'Maglev.notify_on_change(Maglev[:b]); p Maglev.wait_for_change(Float(ARGV[0]))' "$1" 2>&1 |
		sed -n 's/^maglev pg stats: \([0-9]*\) views, \([0-9]*\) record queries, \([0-9]*\) log queries, .*; [0-9]* commit waits, \([0-9]*\) listen queries.*/\1 views, \2 record queries, \3 log queries, \4 listen queries/p;/^false$/p'
}
s0=$(stats 0)
s2=$(stats 2)
echo "# wait_for_change(0): $(echo $s0)"
echo "# wait_for_change(2): $(echo $s2)"
expect "a 2 s wait makes the queries of a 0 s wait: no polling" "$s2" "$s0"
expect "two of them on the LISTEN connection" "$(echo "$s2" | grep -c ', 2 listen queries$')" 1

# a waiter wakes on another process's commit; its other thread runs meanwhile
MAGLEV_PG_STATS=1 "$MRUBY" -e '
  b = Maglev[:b]
  Maglev.notify_on_change(b)
  ticks = 0
  t = Thread.new { loop { ticks += 1; sleep 0.01 } }
  Maglev.wait_for_change(0)                       # LISTENs from now on
  File.write(ARGV[0], "waiting")
  woke = Maglev.wait_for_change(60)
  at = Process.clock_gettime(Process::CLOCK_REALTIME)
  t.kill
  File.write(ARGV[1], at.to_s)
  p woke, Maglev.changed_objects.map(&:class), ticks > 0' "$MAGLEV_DATA/waiting" "$MAGLEV_DATA/woke" \
	>"$MAGLEV_DATA/waiter.out" 2>"$MAGLEV_DATA/waiter.err" &
waiter=$!
i=0; while [ ! -s "$MAGLEV_DATA/waiting" ] && [ $i -lt 3000 ]; do sleep 0.02; i=$((i + 1)); done
mrb '5.times { Maglev[:c] << "!"; Maglev.commit }'        # unrelated commits: no news
"$MRUBY" -e 'Maglev[:b][:y] = 2
  t0 = Process.clock_gettime(Process::CLOCK_REALTIME); Maglev.commit; t1 = Process.clock_gettime(Process::CLOCK_REALTIME)
  File.write(ARGV[0], "#{t0} #{t1}")' "$MAGLEV_DATA/committed"
wait "$waiter"
expect "wait_for_change wakes on the commit, other threads ran" "$(cat "$MAGLEV_DATA/waiter.out")" 'true
[Hash]
true'
read -r t0 t1 <"$MAGLEV_DATA/committed"
echo "# notification latency: woke $(awk -v a="$(cat "$MAGLEV_DATA/woke")" -v b="$t0" -v c="$t1" \
	'BEGIN { printf "%.1f ms after the commit began, %.1f ms after it returned", (a - b) * 1000, (a - c) * 1000 }')"
echo "# waiter: $(sed -n 's/^maglev pg stats: //p' "$MAGLEV_DATA/waiter.err")"
expect "it read each commit's notification" \
	"$(sed -n 's/^maglev pg stats: .*, \([0-9]*\) notifications$/\1/p' "$MAGLEV_DATA/waiter.err")" 6
expect "and the log once per notification at most, and for changed_objects: no polling" \
	"$(sed -n 's/^maglev pg stats: .* \([0-9]*\) log queries.*/\1/p' "$MAGLEV_DATA/waiter.err" | awk '{ print ($1 <= 6 + 1 ? "yes" : $1) }')" yes

# a LISTEN connection that is lost (here: terminated) is made again: the waiter wakes on the next commit
"$MRUBY" -e '
  Maglev.notify_on_change(Maglev[:b])
  Maglev.wait_for_change(0)
  File.write(ARGV[0], "waiting")
  p Maglev.wait_for_change(60), Maglev.changed_objects.size' "$MAGLEV_DATA/waiting2" >"$MAGLEV_DATA/waiter2.out" &
waiter=$!
i=0; while [ ! -s "$MAGLEV_DATA/waiting2" ] && [ $i -lt 3000 ]; do sleep 0.02; i=$((i + 1)); done
expect "its LISTEN connection is terminated" \
	"$(pg_sql "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'maglev-listen $waiter'")" 1
mrb 'Maglev[:b][:z] = 3; Maglev.commit'
wait "$waiter"
expect "the waiter still wakes on the commit" "$(cat "$MAGLEV_DATA/waiter2.out")" 'true
1'
finish
