#!/usr/bin/env bash
# bench/persist.sh -- the persistence workloads W1..W5 (docs/bench.md, "Persistence")
# on maglev, CRuby + PStore, CRuby + SQLite and raw LMDB (bench/raw_lmdb.c, the
# ceiling), side by side on the same work; prints one table.
#
#   bench/persist.sh [--maglev PATH] [--ruby PATH] [--raw PATH] [--full] [-o FILE]
#
# Default sizes keep the run to a few minutes on a slow-fsync disk:
# W1 10,000 commits, W2/W3 1,000,000 nodes + 100,000 lookups, W4 2 x 1,000
# increments, W5 4 x 1,000 commits. --full: W4 2 x 2,500, W5 4 x 2,500
# (the issue names no sizes for them). W6 (ours): one commit of a Hash of
# 1,000,000 String keys, then 10,000 random lookups in a new process, then
# 1,000 durable commits each adding a key to it and changing another (PStore,
# which rewrites its file at each commit: 10).
set -u
export LC_ALL=C
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MAGLEV="$ROOT/bin/maglev-ruby"
RUBY=ruby
RAW="$ROOT/build/release/bench/raw_lmdb"
OUT=""
N1=10000 N2=1000000 K3=100000 N4=1000 N5=1000 N6=1000000 K6=10000 A6=1000
while [ $# -gt 0 ]; do
    case "$1" in
        --maglev) MAGLEV=$2; shift 2 ;;
        --ruby)   RUBY=$2; shift 2 ;;
        --raw)    RAW=$2; shift 2 ;;
        --full)   N4=2500 N5=2500; shift ;;
        -o)       OUT=$2; shift 2 ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench/persist.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
case "$MAGLEV" in /*) ;; */*) MAGLEV="$PWD/$MAGLEV" ;; esac
case "$RAW" in /*) ;; */*) RAW="$PWD/$RAW" ;; esac
B="$ROOT/bench/persist"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/maglev-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
now() { date +%s.%N; }
sub() { echo "$1 - $2" | bc -l; }

declare -A R   # R[engine,metric] = seconds (or a note)

# run ENGINE W ARGS...: one process of the workload on ENGINE's store in $TMP/ENGINE
run() {
    local e=$1; shift
    case $e in
        maglev) MAGLEV_DATA=$TMP/maglev MAGLEV_STONE=bench "$MAGLEV" "$B/maglev.rb" "$@" ;;
        pstore) "$RUBY" "$B/pstore.rb" "$TMP/pstore.$W" "$@" ;;
        sqlite) "$RUBY" "$B/sqlite.rb" "$TMP/sqlite.$W" "$@" ;;
    esac
}

# concurrent ENGINE W PROCS N: PROCS processes at once; prints the wall seconds
concurrent() {
    local e=$1 w=$2 p=$3 n=$4 t0 t1 i
    t0=$(now)
    for ((i = 0; i < p; i++)); do run "$e" "$w" "$n" "$i" >/dev/null & done
    wait
    t1=$(now)
    sub "$t1" "$t0"
}

for e in maglev pstore sqlite; do
    rm -rf "$TMP/maglev"; mkdir -p "$TMP/maglev"
    W=a; R[$e,w1]=$(run $e w1 $N1)
    W=b; R[$e,w2]=$(run $e w2 $N2)
    sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null   # cold when allowed
    set -- $(run $e w3 $K3); R[$e,w3]=${1:-fail}; R[$e,w3k]=${2:-fail}; R[$e,w3sum]="${3:-} ${4:-}"
    if [ $e = maglev ]; then
        # W3 again under a 64 MB cap (--max-memory), with its peak RSS
        sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null
        /usr/bin/time -o "$TMP/cap.rss" -f %M env MAGLEV_DATA="$TMP/maglev" MAGLEV_STONE=bench \
            "$MAGLEV" --max-memory=64M "$B/maglev.rb" w3 $K3 >"$TMP/cap.out"
        set -- $(cat "$TMP/cap.out"); R[cap,w3]=${1:-fail}; R[cap,w3k]=${2:-fail}; R[cap,w3sum]="${3:-} ${4:-}"
        R[cap,rss]=$(( $(tail -n 1 "$TMP/cap.rss") / 1024 ))
        /usr/bin/time -o "$TMP/empty.rss" -f %M "$MAGLEV" -e 1
        R[cap,empty]=$(( $(tail -n 1 "$TMP/empty.rss") / 1024 ))
    fi
    W=d; R[$e,w6]=$(run $e w6 $N6)
    sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null
    set -- $(run $e w6look $N6 $K6); R[$e,w6k]=${1:-fail}; R[$e,w6sum]=${2:-}
    R[$e,w6a]=$(run $e w6add $N6 $([ $e = pstore ] && echo 10 || echo $A6))
    rm -rf "$TMP/maglev"; mkdir -p "$TMP/maglev"
    W=c; run $e setup45 5 >/dev/null
    R[$e,w4]=$(concurrent $e w4 2 $N4)
    R[$e,w5]=$(concurrent $e w5 4 $N5)
    R[$e,check]=$(run $e result45)
done
if [ -x "$RAW" ]; then
    mkdir -p "$TMP/raw"
    R[raw,w1]=$("$RAW" "$TMP/raw" w1 $N1)
    R[raw,w2]=$("$RAW" "$TMP/raw" w2 $N2)
    sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null
    set -- $("$RAW" "$TMP/raw" w3 $K3); R[raw,w3]=$1; R[raw,w3k]=$2
fi

rate() { echo "$1 / $2" | bc -l; }
{
echo "Persistence workloads, $(date -u +%Y-%m-%d) on $(uname -m), $(nproc) cores"
echo "W1 $N1 durable one-object commits; W2 one commit of $N2 nodes; W3 cold walk of them + $K3 lookups;"
echo "W4 2 x $N4 retried increments of one counter; W5 4 x $N5 commits of own objects at once."
echo "seconds (lower is better); /s = commits per second; ratio = engine / maglev"
printf "%-10s %10s %10s %10s %10s %10s %10s %10s %10s\n" engine W1 W1/s W2 W3walk W3look W4 W4/s W5/s
for e in maglev raw pstore sqlite; do
    [ -n "${R[$e,w1]:-}" ] || continue
    w1=${R[$e,w1]}; w4=${R[$e,w4]:-}; w5=${R[$e,w5]:-}
    printf "%-10s %10.3f %10.0f %10.3f %10.3f %10.3f" $e "$w1" "$(rate $N1 "$w1")" "${R[$e,w2]}" "${R[$e,w3]}" "${R[$e,w3k]}"
    if [ -n "$w4" ]; then
        printf " %10.3f %10.0f %10.0f\n" "$w4" "$(rate $((2 * N4)) "$w4")" "$(rate $((4 * N5)) "$w5")"
    else
        printf " %10s %10s %10s\n" - - -
    fi
done
echo "ratios to maglev (>1: maglev faster)"
printf "%-10s %10s %10s %10s %10s %10s %10s\n" engine W1 W2 W3walk W3look W4 W5
for e in raw pstore sqlite; do
    [ -n "${R[$e,w1]:-}" ] || continue
    printf "%-10s" $e
    for m in w1 w2 w3 w3k w4 w5; do
        if [ -n "${R[$e,$m]:-}" ]; then printf " %10.2f" "$(echo "${R[$e,$m]} / ${R[maglev,$m]}" | bc -l)"; else printf " %10s" -; fi
    done
    echo
done
echo "checks (W3 sum/len; W4 counter, W5 objects): maglev ${R[maglev,w3sum]} / ${R[maglev,check]}; pstore ${R[pstore,w3sum]} / ${R[pstore,check]}; sqlite ${R[sqlite,w3sum]} / ${R[sqlite,check]}"
echo "W6: one commit of a Hash of $N6 String keys, then $K6 random lookups in a new process (cold),"
echo "then $A6 commits each adding a key and changing another (W6add, ms a commit; PStore: 10 commits)"
printf "%-10s %10s %10s %10s %10s %10s %10s\n" engine W6commit W6look W6add ratio-c ratio-l ratio-a
for e in maglev pstore sqlite; do
    [ -n "${R[$e,w6]:-}" ] || continue
    printf "%-10s %10.3f %10.3f %10.3f %10.2f %10.2f %10.2f\n" $e "${R[$e,w6]}" "${R[$e,w6k]}" "${R[$e,w6a]}" \
        "$(echo "${R[$e,w6]} / ${R[maglev,w6]}" | bc -l)" "$(echo "${R[$e,w6k]} / ${R[maglev,w6k]}" | bc -l)" \
        "$(echo "${R[$e,w6a]} / ${R[maglev,w6a]}" | bc -l)"
done
echo "checks (W6 lookup sums, the same for all): maglev ${R[maglev,w6sum]}; pstore ${R[pstore,w6sum]}; sqlite ${R[sqlite,w6sum]}"
if [ -n "${R[cap,rss]:-}" ]; then
    ok=ok; [ "${R[cap,w3sum]}" = "${R[maglev,w3sum]}" ] || ok="WRONG (${R[cap,w3sum]})"
    echo "maglev W3 under --max-memory=64M: peak RSS ${R[cap,rss]} MB (an empty maglev process: ${R[cap,empty]} MB), walk ${R[cap,w3]} s, lookups ${R[cap,w3k]} s, sums $ok"
fi
} | tee ${OUT:+"$OUT"}
