#!/usr/bin/env bash
# bench/pg.sh -- the persistence workloads of bench/persist/maglev.rb on the
# LMDB backend and on the PostgreSQL backend, side by side: W1 durable
# one-object commits, W2 one commit of N2 nodes, W3 a walk of them in a new
# process (cold for maglev; PostgreSQL's own buffers stay warm) and K3
# lookups, W5 4 processes committing at once. The PostgreSQL server is a
# private one (test/pg/server.sh) with fsync on, so commits are durable.
#   bench/pg.sh [N1 [N2 [K3 [N5]]]]     defaults: 2000 100000 100000 500
set -u
export LC_ALL=C
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
N1=${1:-2000} N2=${2:-100000} K3=${3:-100000} N5=${4:-500}
MAGLEV="$ROOT/bin/maglev-ruby"
export MAGLEV_CACHE_DIR=off     # the backend itself: bench/pg_cache.sh measures the host cache
B="$ROOT/bench/persist/maglev.rb"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/maglev-pgbench.XXXXXX")
SRV=$(mktemp -u "${TMPDIR:-/tmp}/maglev-pgbench-srv.XXXXXX")   # beside TMP: the server user must reach it
URL=$(MAGLEV_PG_FSYNC=on "$ROOT/test/pg/server.sh" start "$SRV") || exit 1
trap '"$ROOT/test/pg/server.sh" stop "$SRV"; rm -rf "$TMP"' EXIT
PSQL=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/psql
now() { date +%s.%N; }

# fresh BACKEND: a new empty repository for BACKEND in $REPO
n=0
fresh() {
    n=$((n + 1))
    if [ "$1" = pg ]; then
        "$PSQL" -q -X -d "$URL/postgres" -c "CREATE DATABASE b$n"
        REPO="$URL/b$n"
    else
        REPO="$TMP/lmdb$n"
    fi
}
run() { MAGLEV_REPOSITORY=$REPO "$MAGLEV" "$B" "$@"; }

printf "%-6s %10s %10s %10s %10s %10s %10s\n" backend W1/s W2_s W3walk_s W3look_s W5/s W5/W1
for be in lmdb pg; do
    fresh $be
    w1=$(run w1 "$N1")
    fresh $be
    w2=$(run w2 "$N2")
    set -- $(run w3 "$K3")
    walk=$1 look=$2
    fresh $be
    run setup45 4 >/dev/null
    t0=$(now)
    for k in 0 1 2 3; do run w5 "$N5" "$k" >/dev/null & done
    wait
    t1=$(now)
    w5=$(echo "$t1 - $t0" | bc -l)
    r1=$(echo "$N1 / $w1" | bc -l); r5=$(echo "4 * $N5 / $w5" | bc -l)
    printf "%-6s %10.0f %10.3f %10.3f %10.3f %10.0f %10.2f\n" $be "$r1" "$w2" "$walk" "$look" "$r5" "$(echo "$r5 / $r1" | bc -l)"
done
