#!/usr/bin/env bash
# Runs .rb test files whose expectations are written inline (see test/README.md):
#   # expect: LINE         one line of expected stdout, in order
#   # expect error: TEXT   the run must exit non-zero and TEXT must appear in stderr
#   # skip: REASON         (first line only) the file is listed but not run
#   # skip under asan: REASON  (first line only) not run when MAGLEV_TEST_ASAN is set
# Every other test must exit with status 0. Tests run two at a time; results are
# collected in a temporary directory and reported in sorted order, so the output does
# not depend on scheduling. The last line is always "N passed, M failed".

set -u

usage() {
	cat <<'EOF'
usage: tools/runtests.sh [options] DIR_OR_FILE...

  --ruby CMD        interpreter command (default: bin/maglev-ruby); "--ruby ruby"
                    runs CRuby, which checks the tests themselves
  --timeout SECS    per-test time limit (default: 10)
  -j N              number of tests run at once (default: 2)
  -v                also print a PASS line for each passing test
  -h, --help        show this help

Environment: MAGLEV_TEST_WRAPPER is put in front of the interpreter command,
e.g. MAGLEV_TEST_WRAPPER="valgrind -q --error-exitcode=99".
Exit status: 0 when nothing failed, 1 when a test failed, 2 on a usage error.
EOF
}

die() {
	printf 'runtests.sh: %s\n' "$1" >&2
	exit 2
}

root=$(cd "$(dirname "$0")/.." && pwd)
ruby_cmd="$root/bin/maglev-ruby"
timeout_secs=10
jobs=2
verbose=0
paths=()

while (($#)); do
	case $1 in
	--ruby) (($# >= 2)) || die "--ruby needs a command"; ruby_cmd=$2; shift ;;
	--ruby=*) ruby_cmd=${1#--ruby=} ;;
	--timeout) (($# >= 2)) || die "--timeout needs a number"; timeout_secs=$2; shift ;;
	--timeout=*) timeout_secs=${1#--timeout=} ;;
	-j) (($# >= 2)) || die "-j needs a number"; jobs=$2; shift ;;
	-j*) jobs=${1#-j} ;;
	-v | --verbose) verbose=1 ;;
	-h | --help) usage; exit 0 ;;
	--) shift; paths+=("$@"); break ;;
	-*) usage >&2; exit 2 ;;
	*) paths+=("$1") ;;
	esac
	shift
done

((${#paths[@]})) || { usage >&2; exit 2; }
[[ $timeout_secs =~ ^[0-9]+([.][0-9]+)?$ ]] || die "bad --timeout: $timeout_secs"
[[ $jobs =~ ^[1-9][0-9]*$ ]] || die "bad -j: $jobs"
# The limit in microseconds, to compare with EPOCHREALTIME differences.
frac=${timeout_secs#*.}000000
[[ $timeout_secs == *.* ]] || frac=000000
timeout_us=$((10#${timeout_secs%%.*} * 1000000 + 10#${frac:0:6}))

read -r -a ruby <<<"$ruby_cmd"
read -r -a wrapper <<<"${MAGLEV_TEST_WRAPPER:-}"
((${#ruby[@]})) || die "empty --ruby command"
command -v "${ruby[0]}" >/dev/null 2>&1 ||
	die "interpreter not found: ${ruby[0]} (build it with make, or pass --ruby CMD)"

# The test list: every .rb file under the given paths, sorted bytewise. A missing
# path is only a warning, so that a suite directory can be listed in the Makefile
# before it has tests. A path written pg:PATH runs its shell scripts a second
# time with MAGLEV_TEST_BACKEND=pg (test/persist/lib.sh: on the PostgreSQL
# backend); they are reported as pg:FILE.
existing=()
for p in "${paths[@]}"; do
	if [[ -e ${p#pg:} ]]; then
		existing+=("$p")
	else
		printf 'runtests.sh: warning: no such file or directory: %s\n' "$p" >&2
	fi
done
((${#existing[@]})) || die "none of the given paths exists"
mapfile -t files < <(
	for p in "${existing[@]}"; do
		pre=
		[[ $p == pg:* ]] && pre=pg: && p=${p#pg:}
		if [[ -d $p ]]; then
			find "$p" -type f \( -name '*.rb' -o \( -name '*.sh' -perm -u+x \) \)
		else
			printf '%s\n' "$p"
		fi | sed -e 's#^\./##' -e 's#//*#/#g' -e "s#^#$pre#"
	done | LC_ALL=C sort -u
)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/runtests.XXXXXX") || die "cannot create a temporary directory"
trap 'rm -rf "$tmp"' EXIT
# Tests must not touch the user's repositories: unless told otherwise, every
# maglev process of this run uses a private data folder (object ids need one).
if [[ -z ${MAGLEV_DATA:-} ]]; then
	export MAGLEV_DATA="$tmp/data"
fi
trap 'exit 130' INT
trap 'exit 143' TERM

# Runs test number $1 (file $2) and leaves exactly one of $tmp/$1.pass, .fail or
# .skip behind, holding the lines to report for it.
run_one() {
	local i=$1 file=$2 r="$tmp/$1"
	local line first=1 rc sig text start elapsed reasons=()
	local expected=() errors=()

	# A program that is not Ruby (a C unit test, a shell script driving several
	# processes) passes when it exits 0; its own output says what it checked.
	# Exit status 77 skips it; its last line of output says why.
	if [[ $file != *.rb ]]; then
		local backend=lmdb path=$file
		[[ $file == pg:* ]] && backend=pg && path=${file#pg:}
		{ MAGLEV_TEST_BACKEND=$backend LC_ALL=C.UTF-8 timeout -k 2 "$((${timeout_secs%%.*} * 12))" "./${path#./}" </dev/null >"$r.out" 2>&1; } 2>/dev/null
		rc=$?
		if ((rc == 0)); then
			printf 'PASS %s\n' "$file" >"$r.pass"
		elif ((rc == 77)); then
			printf 'SKIP %s: %s\n' "$file" "$(tail -n 1 "$r.out")" >"$r.skip"
		else
			{ printf 'FAIL %s\n    exit status %d\n' "$file" "$rc"; tail -n 15 "$r.out" | sed 's/^/      /'; } >"$r.fail"
		fi
		return
	fi

	while IFS= read -r line || [[ -n $line ]]; do
		if ((first)); then
			first=0
			if [[ $line =~ ^#\ skip:\ ?(.*)$ ]]; then
				printf 'SKIP %s: %s\n' "$file" "${BASH_REMATCH[1]}" >"$r.skip"
				return
			fi
			if [[ -n ${MAGLEV_TEST_ASAN:-} && $line =~ ^#\ skip\ under\ asan:\ ?(.*)$ ]]; then
				printf 'SKIP %s: %s\n' "$file" "${BASH_REMATCH[1]}" >"$r.skip"
				return
			fi
		fi
		if [[ $line == *"# expect error: "* ]]; then
			errors+=("${line#*"# expect error: "}")
		elif [[ $line == *"# expect: "* ]]; then
			expected+=("${line#*"# expect: "}")
		elif [[ $line == *"# expect:" ]]; then
			expected+=("")
		fi
	done <"$file"

	if ((${#expected[@]})); then
		printf '%s\n' "${expected[@]}" >"$r.exp"
	else
		: >"$r.exp"
	fi

	start=${EPOCHREALTIME/./}
	# The outer 2>/dev/null only silences bash's own "Segmentation fault" notice.
	{
		LC_ALL=C.UTF-8 timeout -k 2 "$timeout_secs" ${wrapper[@]+"${wrapper[@]}"} "${ruby[@]}" "$file" \
			</dev/null >"$r.out" 2>"$r.err"
	} 2>/dev/null
	rc=$?
	elapsed=$((${EPOCHREALTIME/./} - start))

	if ((rc == 124)); then
		reasons+=("TIMEOUT (no exit after ${timeout_secs}s)")
	elif ((rc == 137 && elapsed >= timeout_us)); then
		reasons+=("TIMEOUT (no exit after ${timeout_secs}s, killed after ignoring SIGTERM)")
	elif ((rc > 128)); then
		sig=$((rc - 128))
		reasons+=("CRASH (signal $sig, SIG$(kill -l "$sig" 2>/dev/null || echo '?'))")
	elif ((${#errors[@]})); then
		if ((rc == 0)); then
			reasons+=("exit status 0, expected an uncaught error")
		else
			for text in "${errors[@]}"; do
				grep -qF -e "$text" "$r.err" || reasons+=("stderr lacks: $text")
			done
		fi
	elif ((rc != 0)); then
		reasons+=("exit status $rc, expected 0")
	fi

	if ! cmp -s "$r.exp" "$r.out"; then
		reasons+=("stdout differs:")
		while IFS= read -r line; do
			reasons+=("  $line")
		done < <(diff -u --label expected --label actual "$r.exp" "$r.out" | head -n 15)
	fi

	if ((${#reasons[@]} == 0)); then
		printf 'PASS %s\n' "$file" >"$r.pass"
		return
	fi
	{
		printf 'FAIL %s\n' "$file"
		printf '    %s\n' "${reasons[@]}"
		# For a bad exit the first lines of stderr usually say why.
		if [[ ${reasons[0]} != "stdout differs:" && -s $r.err ]]; then
			printf '    stderr:\n'
			head -n 5 "$r.err" | sed 's/^/      /'
		fi
	} >"$r.fail"
}

# Shard k runs tests k, k+jobs, k+2*jobs, ... one after another.
run_shard() {
	local k=$1 i
	for ((i = k; i < ${#files[@]}; i += jobs)); do
		run_one "$i" "${files[i]}"
	done
}

pids=()
for ((k = 0; k < jobs && k < ${#files[@]}; k++)); do
	run_shard "$k" &
	pids+=($!)
done
trap 'kill "${pids[@]}" 2>/dev/null; exit 130' INT
trap 'kill "${pids[@]}" 2>/dev/null; exit 143' TERM
wait

passed=0 failed=0 skipped=0
for ((i = 0; i < ${#files[@]}; i++)); do
	r="$tmp/$i"
	if [[ -e $r.pass ]]; then
		((passed++))
		((verbose)) && printf 'PASS %s\n' "${files[i]}"
	elif [[ -e $r.skip ]]; then
		((skipped++))
		while IFS= read -r line; do printf '%s\n' "$line"; done <"$r.skip"
	elif [[ -e $r.fail ]]; then
		((failed++))
		while IFS= read -r line; do printf '%s\n' "$line"; done <"$r.fail"
	else
		((failed++))
		printf 'FAIL %s\n    the harness produced no result for it\n' "${files[i]}"
	fi
done

((skipped)) && printf '%d skipped\n' "$skipped"
printf '%d passed, %d failed\n' "$passed" "$failed"
((failed == 0))
