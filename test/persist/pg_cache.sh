#!/usr/bin/env bash
# The per-host shared object cache of the PostgreSQL backend (src/store/pg_cache.c):
# two "hosts" are gems with cache folders of their own (MAGLEV_CACHE_DIR) on one
# database. A second gem of a host reads hot objects without a record query
# (MAGLEV_PG_STATS counts them); every gem sees the other host's commits with
# the caches warm; a cache folder deleted, a cache file damaged, a log trimmed
# under a cache, a cache too small for what is read: never a wrong read.
. "$(dirname "$0")/lib.sh"
on_pg || { echo "PostgreSQL only: the host cache is the PostgreSQL backend's"; exit 77; }
C1="$MAGLEV_DATA/host1" C2="$MAGLEV_DATA/host2"
h1() { MAGLEV_CACHE_DIR=$C1 "$MRUBY" -e "$1"; }
h2() { MAGLEV_CACHE_DIR=$C2 "$MRUBY" -e "$1"; }
# queries HOSTDIR CODE: the record queries a gem of that host made
queries() { MAGLEV_CACHE_DIR=$1 MAGLEV_PG_STATS=1 "$MRUBY" -e "$2" 2>&1 >/dev/null | sed -n 's/^maglev pg stats: .* \([0-9]*\) record queries.*/\1/p'; }
cached() { MAGLEV_CACHE_DIR=$1 MAGLEV_PG_STATS=1 "$MRUBY" -e "$2" 2>&1 >/dev/null | sed -n 's/^maglev pg stats: .*, \([0-9]*\) records from the host cache.*/\1/p'; }

expect "host 1 commits" "$(h1 'Maglev[:x] = "one"; Maglev[:list] = (1..2000).map { |i| "item #{i}" }; Maglev.commit; p :ok')" ":ok"
READ='Maglev[:list].each { |s| s.size }; p Maglev[:x]'
expect "a first gem of host 1 reads it (and warms the cache)" "$(h1 "$READ; p [Maglev[:list].size, Maglev[:list].last]")" $'"one"\n[2000, "item 2000"]'
expect "a second gem of host 1: no record query" "$(queries "$C1" "$READ")" "0"
expect "it read the list from the host cache" "$(test "$(cached "$C1" "$READ")" -ge 2000 && echo yes)" "yes"
expect "a first gem of host 2 queries" "$(test "$(queries "$C2" "$READ")" -gt 0 && echo yes)" "yes"
expect "the second one of host 2 does not" "$(queries "$C2" "$READ")" "0"
expect "the cache folder is the owner's only" "$(stat -c %a "$C1")" "700"

# live gems of both hosts, caches warm: no stale read after the other host's commit and an abort
MAGLEV_CACHE_DIR=$C1 gem_start a
MAGLEV_CACHE_DIR=$C2 gem_start b
expect "a reads x" "$(gem a 'Maglev[:x]')" '"one"'
expect "b reads x" "$(gem b 'Maglev[:x]')" '"one"'
expect "b changes x and the list" "$(gem b 'Maglev[:x] = "two"; Maglev[:list][0] = "changed"; Maglev.commit')" "true"
expect "a's view is stable" "$(gem a 'Maglev[:x]')" '"one"'
expect "a aborts and sees b's commit" "$(gem a 'Maglev.abort_transaction; [Maglev[:x], Maglev[:list][0]]')" '["two", "changed"]'
expect "a fresh gem of host 1 sees it too" "$(h1 'p [Maglev[:x], Maglev[:list][0]]')" '["two", "changed"]'
expect "a changes x" "$(gem a 'Maglev[:x] = "three"; Maglev.commit')" "true"
expect "b aborts and sees it" "$(gem b 'Maglev.abort_transaction; Maglev[:x]')" '"three"'
expect "a write-write conflict across hosts" \
	"$(gem a 'Maglev.abort_transaction; Maglev[:x] = "a"; nil'; gem b 'Maglev.abort_transaction; Maglev[:x] = "b"; Maglev.commit'; gem a 'Maglev.commit' | grep -c 'CommitFailedException: .*write-write conflict')" \
	$'nil\ntrue\n1'
expect "after the conflict a aborts and reads b's value" "$(gem a 'Maglev.abort_transaction; Maglev[:x]')" '"b"'

# many commits of host 2 while host 1 has no gem beginning views: a fresh gem of host 1 catches up
for i in 1 2 3; do h2 "Maglev[:x] = 'h2 #$i'; Maglev.commit" >/dev/null; done
expect "a fresh gem of host 1 after host 2's commits" "$(h1 'p Maglev[:x]')" '"h2 #3"'
expect "a, after an abort" "$(gem a 'Maglev.abort_transaction; Maglev[:x]')" '"h2 #3"'

# the cache folder of host 1 deleted while a gem of host 1 runs
rm -rf "$C1"
expect "b commits" "$(gem b 'Maglev.abort_transaction; Maglev[:x] = "after rm"; Maglev.commit')" "true"
expect "a (on the deleted cache) aborts and sees it" "$(gem a 'Maglev.abort_transaction; Maglev[:x]')" '"after rm"'
expect "a fresh gem of host 1 makes a new cache and sees it" "$(h1 'p Maglev[:x]'; test -f "$C1/data.mdb" && echo made)" $'"after rm"\nmade'
expect "a commits on the deleted cache" "$(gem a 'Maglev[:x] = "from a"; Maglev.commit')" "true"
expect "the new cache of host 1 sees it" "$(h1 'p Maglev[:x]')" '"from a"'
gem_stop a
gem_stop b

# a damaged cache file is made again
h1 "$READ" >/dev/null
head -c 100000 /dev/urandom >"$C1/data.mdb"
expect "a gem of host 1 on a damaged cache file" "$(h1 'p [Maglev[:x], Maglev[:list][0], Maglev[:list].size]' 2>&1)" '["from a", "changed", 2000]'
expect "and the cache works again" "$(h1 "$READ" >/dev/null; queries "$C1" "$READ")" "0"
# a cache file cut short (reading past its end was a bus error) is made again
truncate -s 16384 "$C1/data.mdb"
expect "a gem of host 1 on a truncated cache file" "$(h1 'p [Maglev[:x], Maglev[:list].size]' 2>&1)" '["from a", 2000]'
# a damaged record in the cache (its bytes changed in place while a gem of the
# host runs) is a miss, not a wrong read
MAGLEV_CACHE_DIR=$C1 gem_start c
expect "a gem of host 1 runs" "$(gem c 'Maglev[:x]')" '"from a"'
h1 'Maglev[:marker] = "MARKERVALUE-original"; Maglev.commit' >/dev/null
h1 'p Maglev[:marker]' >/dev/null
expect "the record is in the cache file" "$(grep -c MARKERVALUE-original "$C1/data.mdb")" "1"
python3 - "$C1/data.mdb" <<'EOF'
import sys
p = sys.argv[1]
b = bytearray(open(p, 'rb').read())
i = b.find(b'MARKERVALUE-original')
b[i:i + 20] = b'MARKERVALUE-tampered'
open(p, 'r+b').write(b)
EOF
expect "the running gem, in a new view, reads it from the database, not the cache" "$(gem c 'Maglev.abort_transaction; Maglev[:marker]')" '"MARKERVALUE-original"'
gem_stop c
expect "a damaged entry is read from the database" "$(h1 'p Maglev[:marker]')" '"MARKERVALUE-original"'

# the log trimmed under a cache whose horizon is behind: the cache empties itself
h1 'p Maglev[:x]' >/dev/null
for i in 1 2; do h2 "Maglev[:x] = 'trimmed #$i'; Maglev.commit" >/dev/null; done
pg_sql "DELETE FROM mg_log"
expect "host 1 after a trimmed log" "$(h1 'p Maglev[:x]')" '"trimmed #2"'

# a cache much smaller than what is read: it evicts, stays in its map, reads right
h2 'Maglev[:big] = (1..3000).map { |i| "x" * 600 + i.to_s }; Maglev.commit' >/dev/null
SUM='p Maglev[:big].sum { |s| s[600..].to_i }'
expect "reads through a 1 MiB cache" "$(MAGLEV_CACHE_SIZE=1M h1 "$SUM"; MAGLEV_CACHE_SIZE=1M h1 "$SUM")" $'4501500\n4501500'
expect "the cache file stays within its map" "$(test "$(stat -c %s "$C1/data.mdb")" -le $((1 << 20)) && echo yes)" "yes"
expect "the cache off: the same answers" "$(MAGLEV_CACHE_DIR=off "$MRUBY" -e "$SUM")" "4501500"
finish
