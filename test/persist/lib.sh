# lib.sh -- helpers for the multi-process persistence tests (sourced, not run).
# Each test gets a fresh repository in a temporary MAGLEV_DATA folder.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MRUBY=${MAGLEV_RUBY:-$ROOT/bin/maglev-ruby}
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

# gem_start NAME: a maglev-ruby session that lives until gem_stop NAME and
# runs, one at a time, the one-line programs `gem NAME CODE` sends it; gem
# prints the inspected value of each (or "ErrorClass: message") once it has
# run -- so a test steps several live sessions in a fixed order. $NAME_pid
# is the process.
gem_start() {
	local fd
	mkfifo "$MAGLEV_DATA/$1.cmd" "$MAGLEV_DATA/$1.res"
	"$MRUBY" -e '
	  cmd = File.open(ARGV[0]); res = File.open(ARGV[1], "w")
	  while (line = cmd.gets)
	    r = begin; eval(line, TOPLEVEL_BINDING).inspect; rescue => e; "#{e.class}: #{e.message}"; end
	    res.puts r; res.flush
	  end' "$MAGLEV_DATA/$1.cmd" "$MAGLEV_DATA/$1.res" &
	eval "${1}_pid=$!"
	exec {fd}>"$MAGLEV_DATA/$1.cmd"
	eval "${1}_in=$fd"
	exec {fd}<"$MAGLEV_DATA/$1.res"
	eval "${1}_out=$fd"
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
