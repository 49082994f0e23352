#!/usr/bin/env bash
# The PostgreSQL backend's read-ahead (pg_backend.c P5): a walk whose misses
# reach the largest window asks for the next window of each stream (here the
# nodes and their Strings, two runs of OOPs) on a second connection while it
# decodes; the walk reads the same objects as without it, the connection is
# no session, and one killed in the middle of a walk costs nothing but its
# window (the reads go on on the main connection, then on a new one).
. "$(dirname "$0")/lib.sh"
on_pg || { echo "PostgreSQL only: the read-ahead is the PostgreSQL backend's"; exit 77; }
export MAGLEV_CACHE_DIR=off      # every read from the database
mrb 'all = Array.new(150_000); prev = nil
  150_000.times { |i| prev = all[i] = [prev, i, "s#{i}"] }
  Maglev[:chain] = all; Maglev.commit' >/dev/null
WALK='n = Maglev[:chain].last; sum = len = count = 0
  while n; sum += n[1]; len += n[2].size; count += 1; n = n[0]; end
  p [count, sum, len]'
want="[150000, $((150000 * 149999 / 2)), $(ruby -e 'p (0...150_000).sum { |i| 1 + i.to_s.size }')]"
out=$(MAGLEV_PG_STATS=1 "$MRUBY" -e "$WALK" 2>"$MAGLEV_DATA/stats")
expect "a walk reads every node and String" "$out" "$want"
ahead=$(sed -n 's/^maglev pg reads: \([0-9]*\) of the record queries read ahead.*/\1/p' "$MAGLEV_DATA/stats")
queries=$(sed -n 's/^maglev pg stats: [0-9]* views, \([0-9]*\) record queries.*/\1/p' "$MAGLEV_DATA/stats")
# each stream's window grows to its largest in about a dozen misses; the
# windows after that are read ahead
expect "its last windows came from the read-ahead" "$(test "${ahead:-0}" -ge 4 && test "$ahead" -lt "${queries:-0}" && echo yes)" "yes"

# a live gem in the middle of a walk: its read-ahead connection, then that connection killed
gem_start a
expect "a gem walks half the chain" "$(gem a 'n = Maglev[:chain].last; 75_000.times { n = n[0]; n[2].size }; $n = n; n[1]')" "74999"
pid=$(gem a 'Process.pid')
expect "its read-ahead connection is maglev-read, not a session" \
	"$(pg_sql "SELECT count(*) FILTER (WHERE application_name = 'maglev-read $pid'), count(*) FILTER (WHERE application_name LIKE 'maglev $pid %') FROM pg_stat_activity")" "1|1"
expect "the read-ahead connection is killed" \
	"$(pg_sql "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'maglev-read $pid'")" "1"
expect "the walk goes on and reads the rest right" \
	"$(gem a 'n = $n; sum = 0; while n; sum += n[1] + n[2].size - n[2].size; n = n[0]; end; sum')" "$((74999 * 75000 / 2))"
expect "a new walk in the same gem still reads everything" \
	"$(gem a 'Maglev.abort_transaction; n = Maglev[:chain].last; c = 0; while n; c += 1 if n[2] == "s#{n[1]}"; n = n[0]; end; c')" "150000"
gem_stop a
finish
