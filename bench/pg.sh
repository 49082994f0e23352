#!/usr/bin/env bash
# bench/pg.sh -- the persistence workloads (docs/bench.md, "Persistence on
# PostgreSQL") on maglev's LMDB backend, maglev's PostgreSQL backend, raw
# libpq (bench/raw_pg.c: the ceiling) and CRuby + Sequel + ruby-pg
# (bench/persist/sequel.rb), the same sizes for all, the last three on one
# private PostgreSQL server (test/pg/server.sh, fsync on). Prints one table
# per run, the medians and ranges when there are several runs, and the
# issue's targets (met / not met). Every workload's result is checked; a
# failed check prints FAIL instead of a number.
#
#   bench/pg.sh [--full] [-n RUNS] [--raw PATH] [--maglev PATH] [-o FILE]
#
# Defaults: W1 2,000 commits, W2/W3 100,000 nodes and 100,000 lookups, W4
# 2 x 500 increments, W5 4 x 500 commits. --full: the issue's W2/W3 sizes
# (1,000,000 nodes, 100,000 lookups), W1 5,000, W4 2 x 1,000, W5 4 x 1,000.
# -n RUNS repeats everything (the engines interleaved) and reports medians.
set -u
export LC_ALL=C
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MAGLEV="$ROOT/bin/maglev-ruby"
RAW="$ROOT/build/release/bench/raw_pg"
RUBY=ruby
OUT=""
RUNS=1
N1=2000 N2=100000 K3=100000 N4=500 N5=500
while [ $# -gt 0 ]; do
    case "$1" in
        --full)   N1=5000 N2=1000000 K3=100000 N4=1000 N5=1000; shift ;;
        -n)       RUNS=$2; shift 2 ;;
        --raw)    RAW=$2; shift 2 ;;
        --maglev) MAGLEV=$2; shift 2 ;;
        -o)       OUT=$2; shift 2 ;;
        -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench/pg.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
case "$MAGLEV" in /*) ;; */*) MAGLEV="$PWD/$MAGLEV" ;; esac
case "$RAW" in /*) ;; */*) RAW="$PWD/$RAW" ;; esac
[ -x "$RAW" ] || { echo "bench/pg.sh: $RAW missing (make bench builds it)" >&2; exit 2; }
export MAGLEV_CACHE_DIR=off     # the backend itself: bench/pg_cache.sh measures the host cache
B="$ROOT/bench/persist"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/maglev-pgbench.XXXXXX")
SRV=$(mktemp -u "${TMPDIR:-/tmp}/maglev-pgbench-srv.XXXXXX")   # beside TMP: the server user must reach it
URL=$(MAGLEV_PG_FSYNC=on "$ROOT/test/pg/server.sh" start "$SRV") || exit 1
trap '"$ROOT/test/pg/server.sh" stop "$SRV"; rm -rf "$TMP"' EXIT
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PSQL=$PG_BIN/psql
ENGINES="maglev-lmdb maglev-pg raw-libpq cruby-sequel"
calc() { awk "BEGIN { printf \"%.6f\", $* }"; }
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg) START=$(date -u '+%Y-%m-%d %H:%M')

# fresh ENGINE: a new empty repository or database for ENGINE in $REPO
n=0
fresh() {
    n=$((n + 1))
    if [ "$1" = maglev-lmdb ]; then
        REPO="$TMP/lmdb$n"
    else
        "$PSQL" -q -X -d "$URL/postgres" -c "CREATE DATABASE b$n" || exit 1
        REPO="$URL/b$n"
    fi
}
# run ENGINE W ARGS...: one process of workload W on $REPO
run() {
    local e=$1; shift
    case $e in
        maglev-*)     MAGLEV_REPOSITORY=$REPO "$MAGLEV" "$B/maglev.rb" "$@" ;;
        raw-libpq)    "$RAW" "$REPO" "$@" ;;
        cruby-sequel) "$RUBY" "$B/sequel.rb" "$REPO" "$@" ;;
    esac
}

declare -A R          # R[engine,metric,run]: seconds or a rate; FAIL when a check failed
FAILS=""
fail() { FAILS="$FAILS$1: $2"$'\n'; }
isnum() { [[ $1 =~ ^[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$ ]]; }

# concurrent ENGINE P W N: P processes of W at once, started together by a
# "gun" time; prints the seconds from the first start to the last end
concurrent() {
    local e=$1 p=$2 w=$3 cnt=$4 gun i pids=() out
    gun=$(calc "$(date +%s.%N) + 2")
    for ((i = 0; i < p; i++)); do
        if [ "$w" = w4 ]; then
            run "$e" w4 "$cnt" "$gun" >"$TMP/c$i" 2>"$TMP/e$i" &
        else
            run "$e" w5 "$cnt" "$i" "$gun" >"$TMP/c$i" 2>"$TMP/e$i" &
        fi
        pids+=($!)
    done
    out=ok
    for ((i = 0; i < p; i++)); do
        wait "${pids[$i]}" || out="process $i exited $?: $(head -c 300 "$TMP/e$i")"
    done
    [ "$out" = ok ] || { echo "$out"; return 1; }
    cat "$TMP"/c[0-9]* | awk -v gun="$gun" '
        { if (NR == 1 || $1 < s) s = $1; if ($1 > ls) ls = $1; if ($2 > e) e = $2 }
        END { if (NR == 0 || e <= s) { print "no times"; exit 1 }
              if (ls > gun + 0.2) printf "late start %.2f s after the gun\n", ls - gun > "/dev/stderr"
              printf "%.6f\n", e - s }'
    rm -f "$TMP"/c[0-9]* "$TMP"/e[0-9]*
}

SUM2=$(awk -v n=$N2 'BEGIN { printf "%.0f", n * (n - 1) / 2 }')
LEN2=$(awk -v n=$N2 'BEGIN { for (i = 0; i < n; i++) l += 1 + length(i); printf "%.0f", l }')

# measure ENGINE RUN: every workload once, into R
measure() {
    local e=$1 k=$2 out c
    # W1
    fresh "$e"
    out=$(run "$e" w1 "$N1" 2>"$TMP/err")
    c=$(run "$e" check1 2>>"$TMP/err")
    if isnum "$out" && [ "$c" = "$N1" ]; then R[$e,w1,$k]=$(calc "$N1 / $out")
    else R[$e,w1,$k]=FAIL; fail "$e W1" "time '$out', $c of $N1 commits found $(head -c 300 "$TMP/err")"; fi
    # W2, then W3 in a new process
    fresh "$e"
    out=$(run "$e" w2 "$N2" 2>"$TMP/err")
    if isnum "$out"; then R[$e,w2,$k]=$out
    else R[$e,w2,$k]=FAIL; fail "$e W2" "'$out' $(head -c 300 "$TMP/err")"; fi
    out=$(run "$e" w3 "$K3" 2>"$TMP/err")
    set -- $out
    if [ $# -ge 6 ] && isnum "$1" && isnum "$2" && [ "$3" = "$SUM2" ] && [ "$4" = "$LEN2" ] && [ "$5" = "$6" ] && [ "$6" != 0 ]; then
        R[$e,w3,$k]=$1 R[$e,w3k,$k]=$2
        [ -n "${7:-}" ] && R[$e,w3k1,$k]=$7
    else
        R[$e,w3,$k]=FAIL R[$e,w3k,$k]=FAIL
        fail "$e W3" "'$out' (want sum $SUM2 len $LEN2 and lookups s2 = keysum) $(head -c 300 "$TMP/err")"
    fi
    # W4 and W5 on one repository
    fresh "$e"
    run "$e" setup45 4 >/dev/null 2>"$TMP/err" || fail "$e setup45" "$(head -c 300 "$TMP/err")"
    local w4 w5
    w4=$(concurrent "$e" 2 w4 "$N4") || { fail "$e W4" "$w4"; w4=FAIL; }
    w5=$(concurrent "$e" 4 w5 "$N5") || { fail "$e W5" "$w5"; w5=FAIL; }
    c=$(run "$e" result45 2>"$TMP/err")
    if [ "$c" != "$((2 * N4)) $((4 * N5))" ]; then
        fail "$e W4/W5" "counter and W5 rows '$c', want '$((2 * N4)) $((4 * N5))' $(head -c 300 "$TMP/err")"
        w4=FAIL w5=FAIL
    fi
    R[$e,w4,$k]=$w4 R[$e,w5,$k]=$w5
    isnum "$w4" && R[$e,w4,$k]=$(calc "2 * $N4 / $w4")
    isnum "$w5" && R[$e,w5,$k]=$(calc "4 * $N5 / $w5")
    if isnum "${R[$e,w1,$k]}" && isnum "${R[$e,w5,$k]}"; then
        R[$e,w51,$k]=$(calc "${R[$e,w5,$k]} / ${R[$e,w1,$k]}")
    else
        R[$e,w51,$k]=FAIL
    fi
}

# median ENGINE METRIC: over the runs (FAIL if any failed; - if none)
median() {
    local v=() k
    for ((k = 1; k <= RUNS; k++)); do
        [ -n "${R[$1,$2,$k]:-}" ] || continue
        isnum "${R[$1,$2,$k]}" || { echo FAIL; return; }
        v+=("${R[$1,$2,$k]}")
    done
    [ ${#v[@]} -gt 0 ] || { echo -; return; }
    printf '%s\n' "${v[@]}" | sort -g | awk '{ a[NR] = $1 } END { printf "%.6f", NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
range() {
    local v=() k
    for ((k = 1; k <= RUNS; k++)); do
        isnum "${R[$1,$2,$k]:-x}" && v+=("${R[$1,$2,$k]}")
    done
    [ ${#v[@]} -gt 0 ] || { echo -; return; }
    printf '%s\n' "${v[@]}" | sort -g | awk -v f="$3" '{ a[NR] = $1 } END { printf f "-" f, a[1], a[NR] }'
}
METRICS="w1 w2 w3 w3k w4 w5 w51"
FMT=(%.0f %.3f %.3f %.3f %.0f %.0f %.2f)
cell() { if isnum "$1"; then printf "%12s" "$(printf "$2" "$1")"; else printf "%12s" "$1"; fi; }
header() { printf "%-13s %11s %11s %11s %11s %11s %11s %11s\n" engine W1/s W2_s W3walk_s W3look_s W4/s W5/s W5/W1; }
row() {  # row ENGINE VALUE-FUNCTION ARGS
    local e=$1 i=0 m; shift
    printf "%-13s" "$e"
    for m in $METRICS; do cell "$("$@" "$e" "$m")" "${FMT[$i]}"; i=$((i + 1)); done
    echo
}
atrun() { echo "${R[$2,$3,$1]:--}"; }

for ((k = 1; k <= RUNS; k++)); do
    for e in $ENGINES; do
        echo "bench/pg.sh: run $k of $RUNS: $e" >&2
        measure "$e" "$k"
    done
done

{
echo "PostgreSQL persistence workloads, $START-$(date -u +%H:%M) UTC on $(uname -m), $(nproc) cores;" \
     "load average $LOAD0 at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
echo "server: $("$PG_BIN/postgres" --version), private (test/pg/server.sh), Unix socket, fsync on, synchronous_commit on"
echo "W1 $N1 durable one-object commits; W2 one commit of $N2 nodes; W3 walk of them in a new process + $K3 lookups;"
echo "W4 2 processes x $N4 increments of one counter; W5 4 processes x $N5 commits of own nodes."
echo "/s = commits per second (higher is better), _s = seconds (lower is better); maglev without the host cache"
for ((k = 1; k <= RUNS; k++)); do
    [ "$RUNS" -gt 1 ] && echo "run $k of $RUNS"
    header
    for e in $ENGINES; do row "$e" atrun "$k"; done
done
if [ "$RUNS" -gt 1 ]; then
    echo "median of $RUNS runs"
    header
    for e in $ENGINES; do row "$e" median; done
    echo "range (min-max) of $RUNS runs"
    printf "%-13s %15s %15s %15s %15s %15s %15s\n" engine W1/s W2_s W3walk_s W3look_s W4/s W5/s
    for e in $ENGINES; do
        printf "%-13s %15s %15s %15s %15s %15s %15s\n" "$e" "$(range $e w1 %.0f)" "$(range $e w2 %.3f)" \
            "$(range $e w3 %.3f)" "$(range $e w3k %.3f)" "$(range $e w4 %.0f)" "$(range $e w5 %.0f)"
    done
fi
printf "raw-libpq W3look is batched (%d keys a query, id = ANY(\$1)); one query per lookup: %s s\n" 1000 \
    "$(median raw-libpq w3k1 | awk '{ printf "%.3f", $1 }')"
if [ -z "$FAILS" ]; then
    echo "checks: all passed (W1 commits found, W3 walk sum $SUM2 and length $LEN2, lookups, W4 counter $((2 * N4)), W5 $((4 * N5)) nodes)"
else
    echo "checks FAILED:"
    printf '%s' "$FAILS" | sed 's/^/  /'
fi

# the issue's targets, on the medians
m() { median "$1" "$2"; }
verdict() { if [ "$1" = 1 ]; then echo met; else echo "NOT met"; fi; }
ok() { isnum "$1" && isnum "$2" && awk "BEGIN { exit !($1 $3 $2) }"; }   # ok A B OP: A OP B
echo "targets (issue 11; maglev-pg, medians):"
f() { if isnum "$1"; then printf "$2" "$1"; else echo "$1"; fi; }      # f VALUE FORMAT
q() { isnum "$1" && isnum "$2" && calc "$1 / $2" | awk '{ printf "%.2f", $1 }' || echo -; }
a=$(m maglev-pg w1) b=$(m raw-libpq w1)
ok "$a" "$(calc "$b / 2")" '>=' && v=1 || v=0
printf "  durable commits/s within 2x of raw libpq single-row: %s/s vs %s/s (%s of it): %s\n" \
    "$(f "$a" %.0f)" "$(f "$b" %.0f)" "$(q "$a" "$b")" "$(verdict $v)"
a=$(m maglev-pg w2) b=$(m raw-libpq w2)
ok "$a" "$(calc "2 * $b")" '<=' && v=1 || v=0
printf "  W2 within 2x of raw binary COPY: %s s vs %s s (%sx): %s\n" "$(f "$a" %.3f)" "$(f "$b" %.3f)" "$(q "$a" "$b")" "$(verdict $v)"
lim=$(calc "2 * $N2 / 1000000")
a=$(m maglev-pg w3)
ok "$a" "$lim" '<' && v=1 || v=0
printf "  W3 walk under 2 s per 1M nodes (%s s for %d): %s s: %s\n" "$(f "$lim" %.3f)" "$N2" "$(f "$a" %.3f)" "$(verdict $v)"
lim=$(calc "$K3 / 100000")
a=$(m maglev-pg w3k)
ok "$a" "$lim" '<' && v=1 || v=0
printf "  W3 lookups under 1 s per 100k (%s s for %d): %s s: %s\n" "$(f "$lim" %.3f)" "$K3" "$(f "$a" %.3f)" "$(verdict $v)"
a=$(m maglev-pg w51)
ok "$a" 1.5 '>=' && v=1 || v=0
printf "  W5 rate at least 1.5x W1's: %sx: %s\n" "$(f "$a" %.2f)" "$(verdict $v)"
behind=""
for w in "w1 W1 >" "w2 W2 <" "w3 W3walk <" "w3k W3look <" "w4 W4 >" "w5 W5 >"; do
    set -- $w
    ok "$(m maglev-pg $1)" "$(m cruby-sequel $1)" "$3" || behind="$behind $2"
done
if [ -z "$behind" ]; then
    echo "  every workload ahead of cruby-sequel: met"
else
    echo "  every workload ahead of cruby-sequel: NOT met (behind or failed:$behind)"
fi
} | tee ${OUT:+"$OUT"}
[ -z "$FAILS" ]
