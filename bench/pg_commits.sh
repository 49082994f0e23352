#!/usr/bin/env bash
# bench/pg_commits.sh -- the commit workloads of bench/pg.sh (W1, W4, W5) on
# maglev's PostgreSQL backend only, for several maglev-ruby builds
# interleaved run by run on one private server (fsync on), with raw libpq's
# W1 beside them: a quick before/after of the commit path. Prints each
# run's rates and, per build, the median and range of each workload, and
# the server's CPU time and WAL syncs per W1 commit (the sum over the
# server's processes, from /proc; pg_stat_wal).
#
#   bench/pg_commits.sh [-n RUNS] [--n1 N] [--n4 N] [--n5 N] [--raw PATH] MAGLEV-RUBY...
#
# Defaults: 3 runs, W1 2,000 commits, W4 2 x 500 increments, W5 4 x 500 commits.
set -u
export LC_ALL=C
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RAW="$ROOT/build/release/bench/raw_pg"
RUNS=3 N1=2000 N4=500 N5=500
BINS=()
while [ $# -gt 0 ]; do
    case "$1" in
        -n) RUNS=$2; shift 2 ;;
        --n1) N1=$2; shift 2 ;;
        --n4) N4=$2; shift 2 ;;
        --n5) N5=$2; shift 2 ;;
        --raw) RAW=$2; shift 2 ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) case "$1" in /*) BINS+=("$1") ;; *) BINS+=("$PWD/$1") ;; esac; shift ;;
    esac
done
[ ${#BINS[@]} -gt 0 ] || { echo "bench/pg_commits.sh: name at least one maglev-ruby" >&2; exit 2; }
export MAGLEV_CACHE_DIR=off
B="$ROOT/bench/persist"
SRV=$(mktemp -u "${TMPDIR:-/tmp}/maglev-pgc-srv.XXXXXX")
URL=$(MAGLEV_PG_FSYNC=on "$ROOT/test/pg/server.sh" start "$SRV") || exit 1
TMP=$(mktemp -d "${TMPDIR:-/tmp}/maglev-pgc.XXXXXX")
trap '"$ROOT/test/pg/server.sh" stop "$SRV"; rm -rf "$TMP"' EXIT
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PSQL="$PG_BIN/psql"
n=0
fresh() { n=$((n + 1)); "$PSQL" -q -X -d "$URL/postgres" -c "CREATE DATABASE c$n" || exit 1; REPO="$URL/c$n"; }
server_ticks() {     # CPU ticks of every process of the server (and of its ended children)
    local pm t=0 p
    pm=$(head -n 1 "$SRV/data/postmaster.pid")
    t=$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pm/stat")
    for p in $(pgrep -P "$pm"); do t=$((t + $(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0))); done
    echo "$t"
}
wal_syncs() { "$PSQL" -At -X -d "$URL/postgres" -c "SELECT wal_sync FROM pg_stat_wal"; }
concurrent() {       # concurrent BIN P W N: seconds from the first start to the last end
    local bin=$1 p=$2 w=$3 cnt=$4 gun i pids=()
    gun=$(awk -v t="$(date +%s.%N)" 'BEGIN { printf "%.3f", t + 2 }')
    for ((i = 0; i < p; i++)); do
        if [ "$w" = w4 ]; then MAGLEV_REPOSITORY=$REPO "$bin" "$B/maglev.rb" w4 "$cnt" "$gun" >"$TMP/c$i" &
        else MAGLEV_REPOSITORY=$REPO "$bin" "$B/maglev.rb" w5 "$cnt" "$i" "$gun" >"$TMP/c$i" & fi
        pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid" || { echo FAIL; return; }; done
    cat "$TMP"/c[0-9]* | awk '{ if (NR == 1 || $1 < s) s = $1; if ($2 > e) e = $2 } END { printf "%.6f\n", e - s }'
    rm -f "$TMP"/c[0-9]*
}
declare -A R
for ((k = 1; k <= RUNS; k++)); do
    for ((b = 0; b < ${#BINS[@]}; b++)); do
        bin=${BINS[$b]}
        fresh
        sleep 0.5
        t0=$(server_ticks) s0=$(wal_syncs)
        t=$(MAGLEV_REPOSITORY=$REPO "$bin" "$B/maglev.rb" w1 "$N1")
        sleep 0.5                                  # the session's backend ends and is reaped
        t1=$(server_ticks) s1=$(wal_syncs)
        c=$(MAGLEV_REPOSITORY=$REPO "$bin" "$B/maglev.rb" check1)
        [ "$c" = "$N1" ] || t=FAIL
        R[$b,w1,$k]=$(awk -v t="$t" -v n="$N1" 'BEGIN { if (t == "FAIL") print "FAIL"; else printf "%.1f", n / t }')
        R[$b,cpu,$k]=$(awk -v a="$t0" -v z="$t1" -v n="$N1" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.3f", (z - a) * 1000 / hz / n }')
        R[$b,sync,$k]=$(awk -v a="$s0" -v z="$s1" -v n="$N1" 'BEGIN { printf "%.2f", (z - a) / n }')
        fresh
        MAGLEV_REPOSITORY=$REPO "$bin" "$B/maglev.rb" setup45 4 >/dev/null
        w4=$(concurrent "$bin" 2 w4 "$N4") w5=$(concurrent "$bin" 4 w5 "$N5")
        res=$(MAGLEV_REPOSITORY=$REPO "$bin" "$B/maglev.rb" result45)
        [ "$res" = "$((2 * N4)) $((4 * N5))" ] || { w4=FAIL w5=FAIL; }
        R[$b,w4,$k]=$(awk -v t="$w4" -v n=$((2 * N4)) 'BEGIN { if (t == "FAIL") print "FAIL"; else printf "%.1f", n / t }')
        R[$b,w5,$k]=$(awk -v t="$w5" -v n=$((4 * N5)) 'BEGIN { if (t == "FAIL") print "FAIL"; else printf "%.1f", n / t }')
        echo "run $k ${bin#$ROOT/}: W1 ${R[$b,w1,$k]}/s (server ${R[$b,cpu,$k]} ms CPU, ${R[$b,sync,$k]} WAL syncs a commit) W4 ${R[$b,w4,$k]}/s W5 ${R[$b,w5,$k]}/s"
    done
    fresh
    t=$("$RAW" "$REPO" w1 "$N1")
    R[raw,w1,$k]=$(awk -v t="$t" -v n="$N1" 'BEGIN { printf "%.1f", n / t }')
    echo "run $k raw-libpq: W1 ${R[raw,w1,$k]}/s"
done
stats() {   # stats KEY METRIC: median (min-max)
    local v=() k
    for ((k = 1; k <= RUNS; k++)); do v+=("${R[$1,$2,$k]}"); done
    printf '%s\n' "${v[@]}" | sort -g | awk '{ a[NR] = $1 } END { m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%g (%g-%g)", m, a[1], a[NR] }'
}
echo "medians (min-max) of $RUNS runs; load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
for ((b = 0; b < ${#BINS[@]}; b++)); do
    echo "${BINS[$b]#$ROOT/}: W1 $(stats $b w1)/s, server CPU $(stats $b cpu) ms and $(stats $b sync) WAL syncs a commit; W4 $(stats $b w4)/s; W5 $(stats $b w5)/s"
done
echo "raw-libpq: W1 $(stats raw w1)/s"
