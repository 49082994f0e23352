#!/usr/bin/env bash
# bench/pg_cache.sh -- the per-host object cache of the PostgreSQL backend
# (src/store/pg_cache.c): bench/persist/maglev.rb's W3 (a walk of W2's N2
# nodes in a new process, then K3 random lookups) on the LMDB backend (run
# twice: the second run reads the OS's cached pages, LMDB's hot read) and on
# PostgreSQL without a host cache, with a cold one (the first gem of the
# host fills it) and a warm one (the second gem and the third); and W1
# (durable one-object commits) with and without the cache. The private
# server (test/pg/server.sh) runs with fsync on. Record queries of each run
# come from MAGLEV_PG_STATS.
#   bench/pg_cache.sh [N2 [K3 [N1]]]     defaults: 100000 100000 2000
set -u
export LC_ALL=C
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
N2=${1:-100000} K3=${2:-100000} N1=${3:-2000}
MAGLEV="$ROOT/bin/maglev-ruby"
B="$ROOT/bench/persist/maglev.rb"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/maglev-pgcache.XXXXXX")
SRV=$(mktemp -u "${TMPDIR:-/tmp}/maglev-pgcache-srv.XXXXXX")
URL=$(MAGLEV_PG_FSYNC=on "$ROOT/test/pg/server.sh" start "$SRV") || exit 1
trap '"$ROOT/test/pg/server.sh" stop "$SRV"; rm -rf "$TMP"' EXIT
PSQL=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/psql
"$PSQL" -q -X -d "$URL/postgres" -c "CREATE DATABASE w2" -c "CREATE DATABASE w1a" -c "CREATE DATABASE w1b" || exit 1

# w3 LABEL REPO CACHE: one W3 run, a line of the table
w3() {
    local out stats
    out=$(MAGLEV_REPOSITORY=$2 MAGLEV_CACHE_DIR=$3 MAGLEV_PG_STATS=1 "$MAGLEV" "$B" w3 "$K3" 2>"$TMP/err") || { cat "$TMP/err"; exit 1; }
    stats=$(sed -n 's/^maglev pg stats: [0-9]* views, \([0-9]*\) record queries.*, \([0-9]*\) records from the host cache.*/\1 \2/p' "$TMP/err")
    set -- "$1" $(echo "$out" | cut -d' ' -f1,2) $stats   # walk, lookups; queries, cached
    printf "%-28s %9.3f %9.3f %9.2f %9s %9s\n" "$1" "$2" "$3" "$(echo "$2 * 1000000000 / $N2" | bc -l)" "${4:--}" "${5:--}"
}

MAGLEV_REPOSITORY=$TMP/lmdb "$MAGLEV" "$B" w2 "$N2" >/dev/null
MAGLEV_REPOSITORY=$URL/w2 MAGLEV_CACHE_DIR=off "$MAGLEV" "$B" w2 "$N2" >/dev/null
printf "W3 of %d nodes, %d lookups\n" "$N2" "$K3"
printf "%-28s %9s %9s %9s %9s %9s\n" run walk_s look_s ns/node queries cached
w3 "lmdb, first run" "$TMP/lmdb" off
w3 "lmdb, second run (hot)" "$TMP/lmdb" off
w3 "pg, no host cache" "$URL/w2" off
w3 "pg, host cache cold (gem 1)" "$URL/w2" "$TMP/cache"
w3 "pg, host cache warm (gem 2)" "$URL/w2" "$TMP/cache"
w3 "pg, host cache warm (gem 3)" "$URL/w2" "$TMP/cache"
echo "host cache file: $(du -k "$TMP/cache/data.mdb" | cut -f1) KiB for $N2 nodes"
a=$(MAGLEV_REPOSITORY=$URL/w1a MAGLEV_CACHE_DIR=off "$MAGLEV" "$B" w1 "$N1")
b=$(MAGLEV_REPOSITORY=$URL/w1b MAGLEV_CACHE_DIR=$TMP/cache "$MAGLEV" "$B" w1 "$N1")
printf "W1 %d durable commits/s: %.0f without the host cache, %.0f with it\n" "$N1" "$(echo "$N1 / $a" | bc -l)" "$(echo "$N1 / $b" | bc -l)"
