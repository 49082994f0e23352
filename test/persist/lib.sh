# lib.sh -- helpers for the multi-process persistence tests (sourced, not run).
# Each test gets a fresh repository in a temporary MAGLEV_DATA folder.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MRUBY=${MAGLEV_RUBY:-$ROOT/bin/maglev-ruby}
PG_SCHEMA=$(sed -n 's/^#define PG_SCHEMA *\([0-9]*\).*/\1/p' "$ROOT/src/store/pg_schema.h")   # the PostgreSQL schema this maglev makes
export MAGLEV_DATA=$(mktemp -d "${TMPDIR:-/tmp}/maglev-persist.XXXXXX")
export MAGLEV_STONE=test
trap 'rm -rf "$MAGLEV_DATA"' EXIT

# pg_skip REASON: on the PostgreSQL pass, this test does not run (it needs
# what only the LMDB backend has); the harness reports it skipped, with REASON.
pg_skip() {
	if [ "${MAGLEV_TEST_BACKEND:-}" = pg ]; then
		echo "not on PostgreSQL: $1"
		exit 77
	fi
}

# on_pg: true on the PostgreSQL pass. pg_sql SQL: runs SQL on the test's database.
on_pg() {
	[ "${MAGLEV_TEST_BACKEND:-}" = pg ]
}
pg_sql() {
	"${MAGLEV_PG_BIN:-/usr/bin}/psql" -q -X -t -A -v ON_ERROR_STOP=1 -d "$MAGLEV_REPOSITORY" -c "$1"
}

# The PostgreSQL pass (tools/runtests.sh pg:test/persist, under
# test/pg/with_server.sh): the same test on a fresh database of the pass's
# server, through MAGLEV_REPOSITORY.
if [ "${MAGLEV_TEST_BACKEND:-}" = pg ]; then
	if [ -z "${MAGLEV_PG_URL:-}" ]; then
		echo "no PostgreSQL server for this pass (test/pg/with_server.sh starts one)"
		exit 77
	fi
	MAGLEV_PG_DB="t_$(basename "$0" .sh)_$$"
	PG_DBS="$MAGLEV_PG_DB"
	"${MAGLEV_PG_BIN:-/usr/bin}/psql" -q -X -d "$MAGLEV_PG_URL/postgres" -c "CREATE DATABASE \"$MAGLEV_PG_DB\"" >/dev/null || exit 1
	export MAGLEV_REPOSITORY="$MAGLEV_PG_URL/$MAGLEV_PG_DB"
	trap 'rm -rf "$MAGLEV_DATA"; for db in $PG_DBS; do "${MAGLEV_PG_BIN:-/usr/bin}/psql" -q -X -d "$MAGLEV_PG_URL/postgres" \
	      -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1; done' EXIT
fi

# fresh_repository NAME: the processes started from now on use another, new
# repository: the stone NAME (LMDB), or a new database (PostgreSQL pass).
fresh_repository() {
	if [ "${MAGLEV_TEST_BACKEND:-}" = pg ]; then
		local db="${MAGLEV_PG_DB}_$1"
		"${MAGLEV_PG_BIN:-/usr/bin}/psql" -q -X -d "$MAGLEV_PG_URL/postgres" -c "CREATE DATABASE \"$db\"" >/dev/null || exit 1
		PG_DBS="$PG_DBS $db"
		export MAGLEV_REPOSITORY="$MAGLEV_PG_URL/$db"
	else
		export MAGLEV_STONE=$1
	fi
}
checks=0
fails=0

# mrb CODE...: run maglev-ruby -e CODE, print its stdout, fail the test on a
# non-zero exit (counted at finish: mrb often runs in a command substitution).
mrb() {
	"$MRUBY" -e "$1" || {
		local rc=$?
		printf 'mrb exited %s: %s\n' "$rc" "$(printf '%s\n' "$1" | sed '/^[[:space:]]*$/d' | head -1)" >>"$MAGLEV_DATA/.mrb_failures"
		return $rc
	}
}

# expect NAME ACTUAL EXPECTED
expect() {
	checks=$((checks + 1))
	if [ "$2" == "$3" ]; then
		echo "ok - $1"
	else
		fails=$((fails + 1))
		echo "not ok - $1"
		echo "  expected: $3"
		echo "  actual:   $2"
	fi
}

finish() {
	if [ -s "$MAGLEV_DATA/.mrb_failures" ]; then
		while IFS= read -r line; do
			checks=$((checks + 1)); fails=$((fails + 1))
			echo "not ok - a maglev-ruby run failed"
			echo "  ${line:0:300}"
		done <"$MAGLEV_DATA/.mrb_failures"
	fi
	echo "$((checks - fails)) passed, $fails failed"
	[ "$fails" -eq 0 ]
}

# gem_start NAME [COMMAND...]: a maglev-ruby session that lives until gem_stop NAME and
# runs, one at a time, the one-line programs `gem NAME CODE` sends it; gem
# prints the inspected value of each (or "ErrorClass: message") once it has
# run -- so a test steps several live sessions in a fixed order. $NAME_pid
# is the process. COMMAND (default: maglev-ruby) is what runs it, given
# maglev-ruby's arguments (two_hosts's `on HOST`).
gem_start() {
	local fd name=$1
	shift
	[ $# -gt 0 ] || set -- "$MRUBY"
	mkfifo "$MAGLEV_DATA/$name.cmd" "$MAGLEV_DATA/$name.res"
	"$@" -e '
	  cmd = File.open(ARGV[0]); res = File.open(ARGV[1], "w")
	  while (line = cmd.gets)
	    r = begin; eval(line, TOPLEVEL_BINDING).inspect; rescue => e; "#{e.class}: #{e.message}"; end
	    res.puts r; res.flush
	  end' "$MAGLEV_DATA/$name.cmd" "$MAGLEV_DATA/$name.res" &
	eval "${name}_pid=$!"
	exec {fd}>"$MAGLEV_DATA/$name.cmd"
	eval "${name}_in=$fd"
	exec {fd}<"$MAGLEV_DATA/$name.res"
	eval "${name}_out=$fd"
}

gem() {
	local in out line
	eval "in=\$${1}_in out=\$${1}_out"
	echo "$2" >&"$in"
	IFS= read -r line <&"$out"
	echo "$line"
}

# gem_stop NAME: ends the session normally (exit) and waits for it.
gem_stop() {
	local in out pid
	eval "in=\$${1}_in out=\$${1}_out pid=\$${1}_pid"
	echo exit >&"$in"
	eval "exec $in>&- $out<&-"
	wait "$pid"
}

# damage MARKER: every copy of the bytes MARKER in the repository (LMDB's
# data file, where copy-on-write may have left stale pages too, or the rows
# of the PostgreSQL pass) gets a Q in place of its first byte; prints yes
# when there was one.
damage() {
	local offs n off db="$MAGLEV_DATA/$MAGLEV_STONE/data.mdb"
	if on_pg; then
		n=$(pg_sql "UPDATE mg_obj SET data = overlay(data placing 'Q'::bytea from position('$1'::bytea in data))
		            WHERE position('$1'::bytea in data) > 0 RETURNING oop" | wc -l)
		[ "$n" -gt 0 ] && echo yes
		return
	fi
	offs=$(grep -abo "$1" "$db" | cut -d: -f1)
	for off in $offs; do printf 'Q' | dd of="$db" bs=1 seek="$off" conv=notrunc status=none; done
	[ -n "$offs" ] && echo yes
}

# paged_sessions KIND MAKE: two live sessions on Maglev[:c] = MAKE (an Array
# or a Hash of 20,000 Integers under the keys 0...20000, paged: store/paged.c)
# change different pages of it: the second commit conflicts, naming KIND;
# then abort, a nested abort and a refused commit in the first keep their
# meaning, and a new process sees what was committed.
paged_sessions() {
	mrb "Maglev[:c] = $2; Maglev.commit" >/dev/null
	gem_start g1
	gem_start g2
	gem g1 'A = Maglev[:c]; A.size' >/dev/null
	gem g2 'B = Maglev[:c]; B.size' >/dev/null
	expect "first commit" "$(gem g1 'A[10] = :one; Maglev.commit')" true
	expect "second conflicts, naming the $1" "$(gem g2 'B[15000] = :two; begin; Maglev.commit; rescue Maglev::CommitFailedException => e; [e.class, e.message.include?("'"$1"'"), e.conflicts.size]; end')" \
		"[Maglev::CommitFailedException, true, 1]"
	expect "retry after abort" "$(gem g2 'Maglev.abort; [B[10], B[15000]]')" "[:one, 15000]"
	expect "retry commits" "$(gem g2 'B[15000] = :two; Maglev.commit')" true
	expect "abort resets a held reference" "$(gem g1 'Maglev.abort; A[3] = "changed"; A[20000] = 5; Maglev.abort; [A[3], A.size, A[15000]]')" "[3, 20000, :two]"
	expect "nested abort" "$(gem g1 'Maglev.begin_nested_transaction; A[20] = "n"; A[20001] = 1; Maglev.abort_transaction; Maglev.commit; [A[20], A.size]')" "[20, 20000]"
	expect "refused commit" "$(gem g1 'A[100] = "str100"; A[9000] = Thread::Mutex.new; begin; Maglev.commit; rescue TransactionError => e; e.object.class; end')" "Thread::Mutex"
	expect "then commits" "$(gem g1 'A[9000] = 1; Maglev.commit')" true
	gem_stop g1
	gem_stop g2
	expect "a new process sees both" "$(mrb 'c = Maglev[:c]; p [c[10], c[15000], c[100], c[9000], c[20], c.size]')" '[:one, :two, "str100", 1, 20, 20000]'
}

# paged_damage MAKE: Maglev[:d] = MAKE, an Array or a Hash (keys 0...10000)
# whose element 6000 is :MARKER_XYZZY_PAGE, committed; the page holding it
# is damaged, and reading that element raises an error naming an OOP.
paged_damage() {
	mrb "Maglev[:d] = $1; Maglev.commit" >/dev/null
	expect "marker found" "$(damage MARKER_XYZZY)" yes
	expect "damaged page reported" "$("$MRUBY" -e '
	  p Maglev[:c].size
	  begin
	    Maglev[:d][6000]
	  rescue => e
	    puts e.class, e.message.include?("OOP")
	  end' 2>&1)" "20000
RuntimeError
true"
}

# gc_and_check: `maglev gc` frees some records, and `maglev check` then finds
# nothing dangling.
gc_and_check() {
	local gc chk rc
	gc=$("$ROOT/bin/maglev" gc "$MAGLEV_STONE" 2>&1)
	expect "gc frees what was dropped" "$(echo "$gc" | grep -c 'freed [1-9][0-9]* records')" 1
	chk=$("$ROOT/bin/maglev" check "$MAGLEV_STONE" 2>&1); rc=$?
	expect "check after gc" "$rc $(echo "$chk" | grep '^references:')" "0 references: 0 dangling"
}

# replay_steps KEY VAR: $MAGLEV_DATA/ops.rb defines OPS (Ruby statements on
# the local VAR), replay(n) (a transient object after the first n of them)
# and sig(x) (what must agree). For each statement, a new process reads
# Maglev[:KEY] into VAR, checks that it agrees with replay(k), runs OPS[k]
# and commits.
replay_steps() {
	local n k out bad=""
	n=$(mrb 'load "'"$MAGLEV_DATA"'/ops.rb"; p OPS.size')
	for ((k = 0; k < n; k++)); do
		out=$(mrb 'load "'"$MAGLEV_DATA"'/ops.rb"
		  '"$2"' = Maglev[:'"$1"']
		  want = replay('$k')
		  raise "before op '$k': #{'"$2"'.size} in the repository, #{want.size} in the copy" unless sig('"$2"') == sig(want)
		  eval(OPS['$k'])
		  Maglev.commit
		  puts "ok"' 2>&1)
		[ "$out" = ok ] || bad="$bad [op $k: ${out:0:300}]"
	done
	expect "every step read back as the transient copy gives it" "$bad" ""
}

# two_hosts DB OCTET_A OCTET_B (PostgreSQL pass, as root): two "hosts" that
# share nothing but the network, each a network namespace of its own
# reaching a private server over a veth pair (TCP, not the server's Unix
# socket) at 10.OCTET.NET.1; the database DB on it. Defines `on HOST ARGS...`
# (maglev-ruby in HOST, a or b, with that host's data folder and cache),
# `link_down HOST` / `link_up HOST` (the host's link cut or back: a network
# failure, not a closed connection), $SRV (the server's folder), $PORT and
# $HOST_B_SERVER (the server's address on b's link). Tests running at once
# pass OCTETs of their own. Exits 77 where namespaces cannot be made.
two_hosts() {
	[ "$(id -u)" -eq 0 ] && command -v ip >/dev/null && command -v unshare >/dev/null ||
		{ echo "needs root and iproute2 to make network namespaces (run as root)"; exit 77; }
	TWO_DB=$1 TWO_OCT_A=$2 TWO_OCT_B=$3
	tag=mg$(($$ % 100000))
	net=$((10 + $$ % 240))                       # 10.OCTET.NET.x: the two links
	ip netns add "${tag}a" 2>/dev/null || { echo "cannot make network namespaces here (no CAP_SYS_ADMIN?)"; exit 77; }
	SRV=$(mktemp -u "${TMPDIR:-/tmp}/maglev-pg2host.XXXXXX")
	trap two_hosts_cleanup EXIT
	ip netns add "${tag}b" || exit 1
	two_hosts_link a "$TWO_OCT_A" && two_hosts_link b "$TWO_OCT_B" || { echo "could not wire the veth pairs"; exit 1; }
	PORT=$((20000 + $$ % 20000))
	HOST_B_SERVER=10.$TWO_OCT_B.$net.1
	local url
	url=$(MAGLEV_PG_LISTEN="10.$TWO_OCT_A.$net.1,$HOST_B_SERVER" MAGLEV_PG_PORT=$PORT MAGLEV_PG_HBA="10.0.0.0/8" \
		"$ROOT/test/pg/server.sh" start "$SRV") || exit 1
	"${MAGLEV_PG_BIN:-/usr/bin}/psql" -q -X -d "$url/postgres" -c "CREATE DATABASE $TWO_DB" || exit 1
	unset MAGLEV_REPOSITORY
}
two_hosts_cleanup() {
	"$ROOT/test/pg/server.sh" stop "$SRV" 2>/dev/null
	ip link del "${tag}a0" 2>/dev/null; ip link del "${tag}b0" 2>/dev/null
	ip netns del "${tag}a" 2>/dev/null; ip netns del "${tag}b" 2>/dev/null
	rm -rf "$MAGLEV_DATA"
}
# link h (a or b) at 10.OCT.NET.1 (this side, the server) -- 10.OCT.NET.2 (the host)
two_hosts_link() {
	ip link add "${tag}${1}0" type veth peer name "${tag}${1}1" &&
		ip link set "${tag}${1}1" netns "$tag$1" &&
		ip addr add "10.$2.$net.1/30" dev "${tag}${1}0" && ip link set "${tag}${1}0" up &&
		ip netns exec "$tag$1" ip addr add "10.$2.$net.2/30" dev "${tag}${1}1" &&
		ip netns exec "$tag$1" ip link set "${tag}${1}1" up &&
		ip netns exec "$tag$1" ip link set lo up
}
on() {
	local h=$1 oct=$TWO_OCT_A
	shift
	[ "$h" = b ] && oct=$TWO_OCT_B
	mkdir -p "$MAGLEV_DATA/$h"
	ip netns exec "$tag$h" env MAGLEV_DATA="$MAGLEV_DATA/$h" MAGLEV_CACHE_DIR="$MAGLEV_DATA/$h/cache" \
		MAGLEV_REPOSITORY="postgresql://maglev@10.$oct.$net.1:$PORT/$TWO_DB" "$MRUBY" "$@"
}
link_down() { ip link set "${tag}${1}0" down; }
link_up() {                                 # and waits (up to 20 s) until the host reaches the server again
	local oct=$TWO_OCT_A i
	[ "$1" = b ] && oct=$TWO_OCT_B
	ip link set "${tag}${1}0" up
	for i in $(seq 100); do
		ip netns exec "$tag$1" timeout 1 bash -c "exec 3<>/dev/tcp/10.$oct.$net.1/$PORT" 2>/dev/null && return 0
		sleep 0.2
	done
}
