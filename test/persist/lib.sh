# lib.sh -- helpers for the multi-process persistence tests (sourced, not run).
# Each test gets a fresh repository in a temporary MAGLEV_DATA folder.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MRUBY=${MAGLEV_RUBY:-$ROOT/bin/maglev-ruby}
export MAGLEV_DATA=$(mktemp -d "${TMPDIR:-/tmp}/maglev-persist.XXXXXX")
export MAGLEV_STONE=test
trap 'rm -rf "$MAGLEV_DATA"' EXIT
checks=0
fails=0

# mrb CODE...: run maglev-ruby -e CODE, print its stdout, fail the test on a non-zero exit.
mrb() {
	"$MRUBY" -e "$1"
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
	echo "$((checks - fails)) passed, $fails failed"
	[ "$fails" -eq 0 ]
}
