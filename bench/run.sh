#!/usr/bin/env bash
# bench/run.sh -- run the benchmarks on maglev, CRuby and CRuby --yjit and
# print one table of median wall times, ratios and peak memory.
# See docs/bench.md for what each benchmark measures and how to read the table.
#
#   bench/run.sh [-n RUNS] [--only NAME[,NAME...]] [--maglev PATH]
#                [--ruby PATH] [--no-yjit] [--timeout SECONDS] [-o FILE]
#
# Needs bash, GNU time (/usr/bin/time) and coreutils' timeout; no Ruby
# besides the interpreters being measured.

set -u
export LC_ALL=C

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

RUNS=3
ONLY=""
MAGLEV="$ROOT/bin/maglev-ruby"
RUBY=ruby
USE_YJIT=1
TIMEOUT=300
OUT=""
STARTUP_REPEAT=20   # `-e 1` invocations per startup sample

# The canonical order; any other bench/*.rb is appended after these.
ORDER="fib loop_arith nbody binary_trees mandelbrot spectral_norm fannkuch_redux
richards deltablue json_tokenizer string_build hash_ops array_sort enum_chain
send_mm ivar_access startup"

usage() {
    sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit "${1:-0}"
}

die() { echo "bench/run.sh: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
    case "$1" in
        -n|--runs)   [ $# -ge 2 ] || die "$1 needs a value"; RUNS=$2; shift 2 ;;
        -n*)         RUNS=${1#-n}; shift ;;
        --only)      [ $# -ge 2 ] || die "$1 needs a value"; ONLY=$2; shift 2 ;;
        --only=*)    ONLY=${1#--only=}; shift ;;
        --maglev)    [ $# -ge 2 ] || die "$1 needs a value"; MAGLEV=$2; shift 2 ;;
        --maglev=*)  MAGLEV=${1#--maglev=}; shift ;;
        --ruby)      [ $# -ge 2 ] || die "$1 needs a value"; RUBY=$2; shift 2 ;;
        --ruby=*)    RUBY=${1#--ruby=}; shift ;;
        --no-yjit)   USE_YJIT=0; shift ;;
        --timeout)   [ $# -ge 2 ] || die "$1 needs a value"; TIMEOUT=$2; shift 2 ;;
        --timeout=*) TIMEOUT=${1#--timeout=}; shift ;;
        -o|--output) [ $# -ge 2 ] || die "$1 needs a value"; OUT=$2; shift 2 ;;
        -h|--help)   usage 0 ;;
        *)           echo "bench/run.sh: unknown argument: $1" >&2; usage 2 ;;
    esac
done

case "$RUNS" in ''|*[!0-9]*|0) die "-n wants a positive integer, not '$RUNS'" ;; esac
case "$TIMEOUT" in ''|*[!0-9]*|0) die "--timeout wants a positive integer, not '$TIMEOUT'" ;; esac
[ -x /usr/bin/time ] || die "GNU time (/usr/bin/time) is required (apt-get install time)"
command -v timeout >/dev/null || die "timeout (coreutils) is required"

# Paths given relative to the caller's directory stay valid after the cd.
case "$MAGLEV" in /*) ;; */*) MAGLEV="$PWD/$MAGLEV" ;; esac
case "$RUBY" in /*) ;; */*) RUBY="$PWD/$RUBY" ;; esac
if [ -n "$OUT" ]; then case "$OUT" in /*) ;; *) OUT="$PWD/$OUT" ;; esac; fi

cd "$ROOT" || die "cannot cd to $ROOT"

# ---- which benchmarks ------------------------------------------------------

ALL=()
for b in $ORDER; do ALL+=("$b"); done
for f in bench/*.rb; do
    [ -e "$f" ] || continue
    b=$(basename "$f" .rb)
    case " ${ALL[*]} " in *" $b "*) ;; *) ALL+=("$b") ;; esac
done

exists() { [ "$1" = startup ] || [ -f "bench/$1.rb" ]; }

BENCHES=()
if [ -n "$ONLY" ]; then
    IFS=',' read -r -a wanted <<<"$ONLY"
    for b in "${wanted[@]}"; do
        b=${b%.rb}; b=${b#bench/}
        [ -n "$b" ] || continue
        exists "$b" || die "no such benchmark: $b (have: ${ALL[*]})"
        BENCHES+=("$b")
    done
else
    for b in "${ALL[@]}"; do exists "$b" && BENCHES+=("$b"); done
fi
[ ${#BENCHES[@]} -gt 0 ] || die "no benchmarks selected"

# ---- which implementations -------------------------------------------------

IMPLS=(maglev cruby yjit)
declare -A AVAIL WHY VERSION

runnable() { # a path or a command name
    case "$1" in */*) [ -x "$1" ] && [ -f "$1" ] ;; *) command -v "$1" >/dev/null 2>&1 ;; esac
}

impl_cmd() { # sets CMD to the command line of implementation $1
    case "$1" in
        maglev) CMD=("$MAGLEV") ;;
        cruby)  CMD=("$RUBY") ;;
        yjit)   CMD=("$RUBY" --yjit) ;;
    esac
}

version_of() {
    impl_cmd "$1"
    local v
    v=$(timeout 10 "${CMD[@]}" -v </dev/null 2>&1 | head -n 1)
    [ -n "$v" ] || v="(no output from -v)"
    echo "$v"
}

if runnable "$MAGLEV"; then
    AVAIL[maglev]=1; VERSION[maglev]=$(version_of maglev)
else
    AVAIL[maglev]=0; WHY[maglev]="$MAGLEV not found or not executable"
    VERSION[maglev]="not found ($MAGLEV)"
fi
if runnable "$RUBY"; then
    AVAIL[cruby]=1; VERSION[cruby]=$(version_of cruby)
else
    AVAIL[cruby]=0; WHY[cruby]="$RUBY not found"; VERSION[cruby]="not found ($RUBY)"
fi
if [ "$USE_YJIT" = 1 ] && [ "${AVAIL[cruby]}" = 1 ] && "$RUBY" --yjit -e 1 >/dev/null 2>&1; then
    AVAIL[yjit]=1; VERSION[yjit]=$(version_of yjit)
else
    AVAIL[yjit]=na
    if [ "$USE_YJIT" = 1 ]; then VERSION[yjit]="not available (\`$RUBY --yjit -e 1\` failed)"
    else VERSION[yjit]="skipped (--no-yjit)"; fi
fi

# ---- measuring ---------------------------------------------------------------

TMP=$(mktemp -d "${TMPDIR:-/tmp}/maglev-bench.XXXXXX") || die "mktemp failed"
trap 'rm -rf "$TMP"' EXIT

declare -A TIMES RSS FAILED
NOTES=()

# run_once IMPL BENCH: one sample; on success sets S_TIME (s) and S_RSS (KB),
# otherwise S_FAIL to a one-line reason.
run_once() {
    local impl=$1 name=$2 rc last
    S_TIME="" S_RSS="" S_FAIL=""
    impl_cmd "$impl"
    : >"$TMP/time"
    if [ "$name" = startup ]; then
        # shellcheck disable=SC2016  # $1 and $@ belong to the inner bash
        /usr/bin/time -f "%e %M" -o "$TMP/time" timeout "$TIMEOUT" \
            bash -c 'n=$1; shift; for ((i = 0; i < n; i++)); do "$@" -e 1 || exit $?; done' \
            startup "$STARTUP_REPEAT" "${CMD[@]}" </dev/null >"$TMP/out" 2>"$TMP/err"
        rc=$?
    else
        /usr/bin/time -f "%e %M" -o "$TMP/time" timeout "$TIMEOUT" \
            "${CMD[@]}" "bench/$name.rb" </dev/null >"$TMP/out" 2>"$TMP/err"
        rc=$?
    fi
    last=$(tail -n 1 "$TMP/time")
    if [ "$rc" -eq 124 ]; then
        S_FAIL="timed out after ${TIMEOUT}s"
    elif [ "$rc" -ne 0 ]; then
        S_FAIL="exit status $rc: $(grep -v '^Command exited' "$TMP/err" | head -n 1 | cut -c1-160)"
    elif [ "$name" = startup ]; then
        [ -s "$TMP/out" ] && S_FAIL="\`-e 1\` printed something: $(head -c 80 "$TMP/out")"
    else
        # the benchmark's own last line names it; anything else means it
        # did not run to the end
        case "$(tail -n 1 "$TMP/out")" in
            "$name "*) ;;
            *) S_FAIL="exit status 0 but no result line (stdout ends: $(tail -n 1 "$TMP/out" | cut -c1-80))" ;;
        esac
    fi
    if [ -z "$S_FAIL" ]; then
        S_TIME=${last%% *}
        S_RSS=${last##* }
        case "$S_TIME $S_RSS" in *[!0-9.\ ]*|' '*|*' ') S_FAIL="could not read /usr/bin/time output: $last" ;; esac
    fi
}

median() { # numbers on stdin
    sort -g | awk '{ a[NR] = $1 } END {
        if (NR == 0) exit 1
        if (NR % 2) printf "%.2f\n", a[(NR + 1) / 2]
        else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

for impl in "${IMPLS[@]}"; do
    [ "${AVAIL[$impl]}" = 0 ] && NOTES+=("$impl: ${WHY[$impl]} -- every $impl cell is FAIL")
done

echo "benchmarking ${BENCHES[*]} ($RUNS run(s) each)" >&2
for name in "${BENCHES[@]}"; do
    declare -A samples=() maxrss=()
    for impl in "${IMPLS[@]}"; do samples[$impl]=""; maxrss[$impl]=0; done
    for ((r = 1; r <= RUNS; r++)); do
        # implementations interleave so that load drift hits all of them
        for impl in "${IMPLS[@]}"; do
            [ "${AVAIL[$impl]}" = 1 ] || continue
            [ -n "${FAILED[$impl/$name]:-}" ] && continue
            run_once "$impl" "$name"
            if [ -n "$S_FAIL" ]; then
                FAILED[$impl/$name]=1
                NOTES+=("$impl $name (run $r): $S_FAIL")
                printf '  %-15s %-6s run %d: FAIL %s\n' "$name" "$impl" "$r" "$S_FAIL" >&2
            else
                samples[$impl]+="$S_TIME "
                [ "$S_RSS" -gt "${maxrss[$impl]}" ] && maxrss[$impl]=$S_RSS
                printf '  %-15s %-6s run %d: %6ss %6s KB\n' "$name" "$impl" "$r" "$S_TIME" "$S_RSS" >&2
            fi
        done
    done
    for impl in "${IMPLS[@]}"; do
        if [ "${AVAIL[$impl]}" = na ]; then
            TIMES[$impl/$name]="n/a"; RSS[$impl/$name]="n/a"
        elif [ "${AVAIL[$impl]}" = 0 ] || [ -n "${FAILED[$impl/$name]:-}" ]; then
            TIMES[$impl/$name]="FAIL"; RSS[$impl/$name]="FAIL"
        else
            TIMES[$impl/$name]=$(tr ' ' '\n' <<<"${samples[$impl]}" | grep . | median)
            RSS[$impl/$name]=$(awk -v k="${maxrss[$impl]}" 'BEGIN { printf "%.1f", k / 1024 }')
        fi
    done
    unset samples maxrss
done

# ---- the table ---------------------------------------------------------------

ratio() { # ratio A B -> A/B with 2 decimals, or "-"
    case "$1$2" in *[!0-9.]*|'') echo "-"; return ;; esac
    awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 <= 0 || a + 0 <= 0) print "-"; else printf "%.2f\n", a / b }'
}

geomean() { # ratios on stdin ("-" ignored) -> "G over K of N benchmarks"
    awk -v total="${#BENCHES[@]}" '
        $1 != "-" { s += log($1); k++ }
        END {
            if (k == 0) printf "n/a (0 of %d benchmarks)\n", total
            else printf "%.2f (over %d of %d benchmarks)\n", exp(s / k), k, total }'
}

HOST=$(hostname 2>/dev/null || uname -n)
DATE=$(date +%Y-%m-%d)
CPU=$(grep -m 1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/^[^:]*: *//')
[ -n "$CPU" ] || CPU=unknown
NCPU=$(nproc 2>/dev/null || echo "?")

report() {
    echo "# maglev benchmarks"
    echo "date:    $(date '+%Y-%m-%d %H:%M:%S %z')"
    echo "host:    $HOST"
    echo "system:  $(uname -srm)"
    echo "cpu:     $CPU ($NCPU cpus)"
    echo "maglev:  ${VERSION[maglev]}"
    echo "cruby:   ${VERSION[cruby]}"
    echo "yjit:    ${VERSION[yjit]}"
    echo "runs:    $RUNS per benchmark, median wall seconds; MB = max RSS over the runs;"
    echo "         startup = $STARTUP_REPEAT x \`-e 1\` per run; timeout ${TIMEOUT}s per run"
    echo
    printf '%-16s %8s %8s %8s %9s %8s %10s %9s %8s\n' \
        benchmark maglev cruby yjit mg/cruby mg/yjit "maglev MB" "cruby MB" "yjit MB"
    local name rc ry
    for name in "${BENCHES[@]}"; do
        rc=$(ratio "${TIMES[maglev/$name]}" "${TIMES[cruby/$name]}")
        ry=$(ratio "${TIMES[maglev/$name]}" "${TIMES[yjit/$name]}")
        [ "${AVAIL[yjit]}" = na ] && ry="n/a"
        printf '%-16s %8s %8s %8s %9s %8s %10s %9s %8s\n' "$name" \
            "${TIMES[maglev/$name]}" "${TIMES[cruby/$name]}" "${TIMES[yjit/$name]}" \
            "$rc" "$ry" "${RSS[maglev/$name]}" "${RSS[cruby/$name]}" "${RSS[yjit/$name]}"
    done
    echo
    echo "geomean maglev/cruby: $(for name in "${BENCHES[@]}"; do
        ratio "${TIMES[maglev/$name]}" "${TIMES[cruby/$name]}"; done | geomean)"
    if [ "${AVAIL[yjit]}" = na ]; then
        echo "geomean maglev/yjit:  n/a (yjit not measured)"
    else
        echo "geomean maglev/yjit:  $(for name in "${BENCHES[@]}"; do
            ratio "${TIMES[maglev/$name]}" "${TIMES[yjit/$name]}"; done | geomean)"
    fi
    if [ ${#NOTES[@]} -gt 0 ]; then
        echo
        echo "failures:"
        local n
        for n in "${NOTES[@]}"; do echo "  $n"; done
    fi
}

if [ -z "$OUT" ]; then
    mkdir -p "$ROOT/bench/results"
    OUT="$ROOT/bench/results/$DATE-$HOST.txt"
fi
report | tee "$OUT"
echo "(written to ${OUT#"$ROOT"/})" >&2
