# lib.sh -- helpers for the tests of the maglev command (sourced, not run).
# Each test gets a fresh, temporary MAGLEV_DATA; stones it started are stopped
# and the folder removed at exit. Pattern of test/persist/lib.sh.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MAGLEV=${MAGLEV_CLI:-$ROOT/bin/maglev}
MRUBY=${MAGLEV_RUBY:-$ROOT/bin/maglev-ruby}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/maglev-cli.XXXXXX")
export MAGLEV_DATA=$TMP/data
unset MAGLEV_STONE MAGLEV_HOME
# no base image here: the tests count records and log entries of empty
# repositories (base_image.sh uses the build's)
export MAGLEV_BASE_IMAGE=
checks=0
fails=0

cleanup() {
	local j s
	for j in $(jobs -p); do kill "$j" 2>/dev/null; done
	wait 2>/dev/null
	for s in "$MAGLEV_DATA"/*/stone.pid; do
		[ -s "$s" ] && "$MAGLEV" stop "$(basename "$(dirname "$s")")" >/dev/null 2>&1
	done
	rm -rf "$TMP"
}
trap cleanup EXIT

if [ ! -x "$MAGLEV" ]; then
	echo "not ok - $MAGLEV is not built"
	echo "0 passed, 1 failed"
	exit 1
fi

# mg ARGS...: runs maglev; sets OUT (stdout), ERR (stderr) and RC (exit status).
mg() {
	OUT=$("$MAGLEV" "$@" 2>"$TMP/stderr")
	RC=$?
	ERR=$(cat "$TMP/stderr")
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

# expect_match NAME ACTUAL EXTENDED-REGEX: some line of ACTUAL matches
expect_match() {
	checks=$((checks + 1))
	if printf '%s\n' "$2" | grep -Eq -- "$3"; then
		echo "ok - $1"
	else
		fails=$((fails + 1))
		echo "not ok - $1"
		echo "  expected a line matching: $3"
		printf '%s\n' "$2" | head -n 20 | sed 's/^/  actual: /'
	fi
}

# expect_fail NAME STDERR-REGEX: the last mg failed with one line on stderr matching
expect_fail() {
	checks=$((checks + 1))
	local lines
	lines=$(printf '%s\n' "$ERR" | grep -c .)
	if [ "$RC" -ne 0 ] && [ "$lines" -eq 1 ] && printf '%s\n' "$ERR" | grep -Eq -- "$2"; then
		echo "ok - $1"
	else
		fails=$((fails + 1))
		echo "not ok - $1"
		echo "  expected: non-zero exit, one stderr line matching: $2"
		echo "  actual:   exit $RC, stderr: $ERR"
	fi
}

# alive PID: whether the process exists and is no zombie (the daemon's
# parent is init, or whatever reaper the container has)
alive() {
	local st
	st=$(ps -o stat= -p "$1" 2>/dev/null | cut -c1)
	[ -n "$st" ] && [ "$st" != Z ]
}

# field KEY: the value of "KEY: value" in OUT (a status report)
field() {
	printf '%s\n' "$OUT" | sed -n "s/^$1: //p" | head -n 1
}

# build_helper: compiles test/cli/helper.c (a gem stand-in writing records
# through the storage backend) into $HELPER: the Makefile's STORE_SRCS.
build_helper() {
	HELPER=$TMP/helper
	${CC:-gcc} -std=c11 -O1 -I"$ROOT/src" -I"$(pg_config --includedir 2>/dev/null || echo /usr/include/postgresql)" \
		-o "$HELPER" "$ROOT/test/cli/helper.c" "$ROOT/src/store/backend.c" "$ROOT"/src/store/lmdb_*.c "$ROOT/src/store/commitq.c" \
		"$ROOT"/src/store/pg_*.c "$ROOT/src/util/crc32c.c" "$ROOT/src/common.c" -llmdb -lz -ldl
}

# have_ruby: whether bin/maglev-ruby exists and commits cleanly (tests that
# drive a real gem skip themselves until it does)
have_ruby() {
	local out
	[ -x "$MRUBY" ] || return 1
	out=$(MAGLEV_DATA=$TMP/probe "$MRUBY" -e 'Maglev[:probe] = [1]; Maglev.commit; p Maglev[:probe] == [1]' 2>&1) &&
		[ "$out" == true ]
}


# mg_in INPUT ARGS...: mg with INPUT on stdin
mg_in() {
	local input=$1
	shift
	OUT=$(printf '%s' "$input" | "$MAGLEV" "$@" 2>"$TMP/stderr")
	RC=$?
	ERR=$(cat "$TMP/stderr")
}

finish() {
	echo "$((checks - fails)) passed, $fails failed"
	[ "$fails" -eq 0 ]
}
