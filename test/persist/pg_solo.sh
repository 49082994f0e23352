#!/usr/bin/env bash
# PostgreSQL backend, solo commits (pg_backend.c P2): a gem whose commits
# come with no other commit between them makes each in one synchronous
# transaction (MAGLEV_PG_STATS counts them; MAGLEV_PG_SOLO=0 turns them
# off). Its commits are all there, in order; a conflict met by a solo commit
# names the object and the retry goes through; another gem's commits in
# between are seen and every commit of both is there; and every commit
# reported done survives a crash of the server (an immediate stop, which
# loses what was not yet in the WAL), the first commit after it coming after
# the 1,000,000-sequence gap.
. "$(dirname "$0")/lib.sh"
on_pg || { echo "PostgreSQL only: the commit path of the PostgreSQL backend"; exit 77; }
SRV=$(mktemp -u "${TMPDIR:-/tmp}/maglev-pgsolo.XXXXXX")    # its own server: the test crashes it
URL=$("$ROOT/test/pg/server.sh" start "$SRV") || exit 1
trap 'rm -rf "$MAGLEV_DATA"; "$ROOT/test/pg/server.sh" stop "$SRV"' EXIT
"${MAGLEV_PG_BIN:-/usr/bin}/psql" -q -X -d "$URL/postgres" -c "CREATE DATABASE s" || exit 1
export MAGLEV_REPOSITORY="$URL/s" MAGLEV_CACHE_DIR=off

# solo COUNT [ENV...]: "COMMITS SOLO" of a gem that makes COUNT commits in a row
solo() {
	local n=$1; shift
	env "$@" MAGLEV_PG_STATS=1 "$MRUBY" -e 'Integer(ARGV[0]).times { |i| (Maglev[:s] ||= []) << i; Maglev.commit }' "$n" 2>&1 >/dev/null |
		sed -n 's/^maglev pg commits: \([0-9]*\) commits, \([0-9]*\) solo .*/\1 \2/p'
}
set -- $(solo 20)
expect "a gem alone makes its commits solo" "$1 $(( $2 > 0 && $2 <= $1 ))" "20 1"
set -- $(solo 20 MAGLEV_PG_SOLO=0)
expect "MAGLEV_PG_SOLO=0: none solo" "$1 $2" "20 0"
expect "all 40 commits are there, in order" "$(mrb 'p Maglev[:s] == (0...20).to_a * 2')" "true"

# a conflict met by a solo commit: named, nothing written, the retry goes through
mrb 'Maglev[:x] = [0]; Maglev.commit' >/dev/null
fifo="$MAGLEV_DATA/go"
mkfifo "$fifo" "$MAGLEV_DATA/ready"
out=$(MAGLEV_PG_STATS=1 "$MRUBY" -e '
  5.times { |i| Maglev[:s] << -i; Maglev.commit }    # solo from here on
  x = Maglev[:x]
  File.write(ARGV[1], "read\n")
  File.read(ARGV[0])
  x[0] += 10
  begin
    Maglev.commit_transaction
    puts "no conflict"
  rescue Maglev::CommitFailedException => e
    puts e.class, e.conflicts.size, e.message.include?("PERSISTENT_ROOT")
    Maglev.abort_transaction
    Maglev[:x][0] += 10
    Maglev.commit_transaction
  end
  p Maglev[:x]' "$fifo" "$MAGLEV_DATA/ready" 2>"$MAGLEV_DATA/stats" &
	read -r _ <"$MAGLEV_DATA/ready"
	mrb 'Maglev[:x][0] = 5; Maglev.commit' >/dev/null
	echo go >"$fifo"
	wait)
expect "a solo commit's conflict is raised, the retry succeeds" "$out" $'Maglev::CommitFailedException\n1\ntrue\n[15]'
expect "that gem made solo commits" "$(sed -n 's/^maglev pg commits: [0-9]* commits, \([0-9]*\) solo .*/\1/p' "$MAGLEV_DATA/stats" |
	awk '{ print ($1 > 0) }')" "1"

# two gems, one committing alone and one now and then: every commit of both is there
mrb 'Maglev[:a] = []; Maglev[:b] = []; Maglev.commit' >/dev/null
"$MRUBY" -e '300.times { |i| Maglev[:a] << i; Maglev.commit }' &
a=$!
"$MRUBY" -e '30.times { |i| Maglev[:b] << i; Maglev.commit; sleep 0.002 }'
wait "$a"
expect "both gems' commits are there, in order" "$(mrb 'p [Maglev[:a] == (0...300).to_a, Maglev[:b] == (0...30).to_a]')" "[true, true]"

# a crash of the server: every commit reported done is there after it
"$MRUBY" -e '
  log = File.open(ARGV[0], "w"); log.sync = true
  Maglev[:c] = []; Maglev.commit
  200.times { |i| Maglev[:c] << i; Maglev.commit; log.puts i }
  File.write(ARGV[1], "done\n")
  sleep' "$MAGLEV_DATA/done" "$MAGLEV_DATA/finished" &
w=$!
i=0; while [ ! -s "$MAGLEV_DATA/finished" ] && [ $i -lt 3000 ]; do sleep 0.02; i=$((i + 1)); done
"$ROOT/test/pg/server.sh" crash "$SRV"
kill "$w" 2>/dev/null; wait "$w" 2>/dev/null
expect "the writer reported 200 commits" "$(wc -l <"$MAGLEV_DATA/done")" "200"
expect "every commit reported done survived the crash" "$(mrb 'p Maglev[:c] == (0...200).to_a')" "true"
seqs=$(mrb 'Maglev[:c] << 200; Maglev.commit' >/dev/null;
	"${MAGLEV_PG_BIN:-/usr/bin}/psql" -q -X -t -A -d "$MAGLEV_REPOSITORY" -c "SELECT max(seq) - (SELECT max(seq) FROM mg_log WHERE seq < (SELECT max(seq) FROM mg_log)) FROM mg_log")
expect "the first commit after the crash comes after the gap" "$(( seqs > 1000000 ))" "1"
finish
