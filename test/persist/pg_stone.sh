#!/usr/bin/env bash
# The stone of a PostgreSQL repository (`maglev create NAME --backend URL`):
# start, status and stop; its periodic trim removes the old row versions of
# objects overwritten many times (mg_obj shrinks) while a gem holding an old
# view still reads that view's values (pg_backend.c P1, P4); a stone of a
# second "host" (another data folder naming the same database) stands by and
# does not trim while the first holds the stone token; kill -9 of the
# holder: the standby takes over, nothing is lost, and a new start on the
# first host stands by, then takes over; the stone runs GC rounds too.
. "$(dirname "$0")/lib.sh"
on_pg || { echo "PostgreSQL only: the stone daemon of a --backend postgresql:// stone"; exit 77; }
M="$ROOT/bin/maglev"
H1="$MAGLEV_DATA/host1" H2="$MAGLEV_DATA/host2"
DB=$MAGLEV_REPOSITORY                        # the gems use the database directly
# mg1/mg2 ARGS: maglev on host 1 / host 2; the stone's folder names the database
mg1() { env -u MAGLEV_REPOSITORY MAGLEV_DATA="$H1" "$M" "$@"; }
mg2() { env -u MAGLEV_REPOSITORY MAGLEV_DATA="$H2" "$M" "$@"; }
rows() { pg_sql "SELECT count(*) FROM mg_obj"; }
# versions_at_most K: no OOP has more than K row versions left (a trim
# leaves the versions at or above the oldest open view's);
# a state, not a count since some moment, so a trim that began early counts
versions_at_most() { [ "$(pg_sql "SELECT coalesce(max(c), 0) FROM (SELECT count(*) AS c FROM mg_obj GROUP BY oop) x")" -le "$1" ]; }
# until_true SECS COMMAND...: waits (polling) until COMMAND succeeds; false after SECS
until_true() {
	local end=$((SECONDS + $1)); shift
	until "$@"; do [ $SECONDS -ge $end ] && return 1; sleep 0.1; done
}
role() { "$1" status web | sed -n 's/^role: \([a-z]*\).*/\1/p'; }
is_role() { [ "$(role "$1")" = "$2" ]; }
pid_of() { "$1" status web | sed -n 's/^pid: //p'; }
stopped() { [ "$("$1" status web | head -n 1)" = "not running" ]; }
mg1 create web --backend "$DB" >/dev/null || exit 1
mkdir -p "$H2/web" && cp -p "$H1/web/repository" "$H2/web/"

expect "start" "$(mg1 start web --interval 1 --gc-interval 3600 | sed 's/(pid [0-9]*)/(pid N)/')" "stone 'web' started (pid N)"
expect "start again: already running" "$(mg1 start web | sed 's/(pid [0-9]*)/(pid N)/')" "stone 'web' is already running (pid N)"
expect "status: running, the stone token held" "$(mg1 status web | sed -n '1p;s/^role: \(active\).*/\1/p')" "running
active"
expect "the pid, socket and log are in the stone's folder" \
	"$(cd "$H1/web" && ls stone.pid stone.sock stone.log repository | tr '\n' ' ')" "repository stone.log stone.pid stone.sock "

# 50 strings, each overwritten 10 times; a gem takes its view; 5 more overwrites
mrb 'Maglev[:items] = Array.new(50) { |i| "item#{i}" }; Maglev.commit
     10.times { |k| Maglev[:items].each_with_index { |s, i| s.replace("item#{i} v#{k}") }; Maglev.commit }'
gem_start old
expect "a gem takes its view" "$(gem old 'Maglev[:items].size')" 50
mrb '5.times { |k| Maglev[:items].each_with_index { |s, i| s.replace("item#{i} w#{k}") }; Maglev.commit }'
until_true 60 versions_at_most 6
expect "the trim removes the versions no view can see (of each item v9, which the old view reads, and the five newer stay: not v0..v8)" "$?" 0
expect "the stone logs it" "$(grep -c 'trimmed the commit log' "$H1/web/stone.log" | sed 's/^[1-9][0-9]*$/some/')" some
expect "the old view still reads its values" "$(gem old 'Maglev[:items].map { |s| s.split.last }.uniq')" '["v9"]'
expect "all of them" "$(gem old 'Maglev[:items].each_with_index.all? { |s, i| s == "item#{i} v9" }')" true
expect "a new view reads the newest" "$(gem old 'Maglev.abort_transaction; Maglev[:items].map { |s| s.split.last }.uniq')" '["w4"]'
until_true 60 versions_at_most 1
expect "the view moved: its versions go too (one version of each object left)" "$?" 0
gem_stop old

# a second host's stone stands by while the first holds the token
expect "a stone on host 2 starts" "$(mg2 start web --interval 1 --gc-interval 3600 | sed 's/(pid [0-9]*)/(pid N)/')" \
	"stone 'web' started (pid N)"
p1=$(pid_of mg1)
expect "and stands by, naming the holder" "$(mg2 status web | grep -c "^role: standby (the stone token is held by another stone: pid $p1 ")" 1
mrb '5.times { |k| Maglev[:items].each { |s| s << "!" }; Maglev.commit }'
until_true 60 versions_at_most 1
expect "host 1's stone trims the new versions" "$?" 0
expect "host 2's stone did not trim" "$(grep -c 'trimmed' "$H2/web/stone.log")" 0
expect "its status says so" "$(mg2 status web | grep -c '^gc: standby')" 1
expect "maglev gc on host 2 names the stone that collects" "$(mg2 gc web 2>&1; echo "exit $?")" \
	"maglev: gc of stone 'web' failed: this stone stands by: the stone token is held by the stone of pid $p1 on host $(hostname | cut -c1-40), which trims and collects (run maglev gc where it runs)
exit 1"

# kill -9 of the holder: the standby takes over, nothing is lost
kill -9 "$p1"
until_true 60 stopped mg1
expect "host 1's stone is killed" "$?" 0
until_true 60 is_role mg2 active
expect "host 2's stone takes over" "$?" 0
expect "nothing is lost" "$(mrb 'p Maglev[:items].each_with_index.all? { |s, i| s == "item#{i} w4!!!!!" }')" true
expect "a new start on host 1" "$(mg1 start web --interval 1 --gc-interval 3600 | sed 's/(pid [0-9]*)/(pid N)/')" \
	"stone 'web' started (pid N)"
expect "stands by" "$(role mg1)" standby
mrb '5.times { Maglev[:items].each { |s| s << "?" }; Maglev.commit }'
until_true 60 versions_at_most 1
expect "host 2's stone trims now" "$?" 0
expect "stop host 2's stone" "$(mg2 stop web)" "stone 'web' stopped"
until_true 60 is_role mg1 active
expect "host 1's stone takes over" "$?" 0

# kill -9 with no standby: a new start takes over
kill -9 "$(pid_of mg1)"
until_true 60 stopped mg1
expect "killed again" "$?" 0
expect "start after kill -9" "$(mg1 start web --interval 1 --gc-interval 1 | sed 's/(pid [0-9]*)/(pid N)/')" "stone 'web' started (pid N)"
expect "the log notes both kills" "$(grep -c 'ended without stopping' "$H1/web/stone.log")" 2
until_true 60 is_role mg1 active
expect "and it holds the token" "$?" 0
expect "the repository is whole" "$(mg1 check web | tail -n 1)" "stone 'web' is ok"

# the stone's GC rounds free what nothing reaches
mrb 'Maglev[:junk] = Array.new(7) { |i| "junk#{i}" }; Maglev.commit; Maglev[:junk] = nil; Maglev.commit'
freed() { grep -q 'gc round [0-9]*: freed [1-9]' "$H1/web/stone.log"; }
until_true 60 freed
expect "a periodic GC round frees the unreachable records" "$?" 0
expect "still whole" "$(mg1 check web | tail -n 1)" "stone 'web' is ok"
expect "restart" "$(mg1 restart web | sed 's/(pid [0-9]*)/(pid N)/')" "stone 'web' stopped
stone 'web' started (pid N)"
expect "stop" "$(mg1 stop web)" "stone 'web' stopped"
expect "status after stop" "$(mg1 status web | head -n 1)" "not running"
finish
