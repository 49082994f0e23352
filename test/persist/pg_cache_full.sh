#!/usr/bin/env bash
# A host cache (src/store/pg_cache.c) far too small for what its gems read,
# while another gem keeps reading through it (its open views hold snapshots
# of the cache, so the pages that commits free cannot be used again at once):
# gems that read everything and commit again and again keep their cache on
# (a map filled to its last page once turned it off for the process,
# "advance: MDB_MAP_FULL", as even an eviction could not be written), read
# right, and a small working set is served from the cache afterwards.
. "$(dirname "$0")/lib.sh"
on_pg || { echo "PostgreSQL only: the host cache is the PostgreSQL backend's"; exit 77; }
export MAGLEV_CACHE_DIR="$MAGLEV_DATA/host"
mrb 'Maglev[:many] = (1..5000).map { |i| "q#{i}" * 20 }; Maglev[:few] = (1..40).map { |i| "f#{i}" }; Maglev.commit' >/dev/null
SUM='Maglev[:many].sum { |s| s[1..].to_i }'
for size in 200K 1M; do
	export MAGLEV_CACHE_SIZE=$size
	rm -rf "$MAGLEV_CACHE_DIR"
	"$MRUBY" -e "10.times { Maglev.abort_transaction; Maglev[:many].sum(&:size); sleep 0.3 }; p $SUM" >"$MAGLEV_DATA/reader.out" 2>&1 &
	reader=$!
	for i in 1 2; do
		out=$(mrb "Maglev[:many].sum(&:size); Maglev[:many].each_slice(1000) { |sl| sl.each { |s| s << \"b\" }; Maglev.commit }; p $SUM" 2>&1)
		expect "$size: a gem reads and commits five times beside a reader, its cache on" "$out" '12502500'
	done
	wait "$reader"
	expect "$size: the reader's cache stayed on too" "$(cat "$MAGLEV_DATA/reader.out")" "12502500"
done
hits() { MAGLEV_PG_STATS=1 "$MRUBY" -e "$1" 2>&1 >/dev/null | sed -n 's/^maglev pg stats: .*, \([0-9]*\) records from the host cache.*/\1/p'; }
hits 'Maglev[:few].each(&:size)' >/dev/null
expect "the cache serves a later gem" "$(test "$(hits 'Maglev[:few].each(&:size)')" -ge 40 && echo yes)" "yes"
expect "what the gems committed" "$(mrb 'p Maglev[:many].count { |s| s.end_with?("bbbb") }, Maglev[:many][4999][-6..]' 2>&1)" $'5000\n"00bbbb"'
expect "the cache file stays within its map" "$(test "$(stat -c %s "$MAGLEV_CACHE_DIR/data.mdb")" -le $((1 << 20)) && echo yes)" "yes"
finish
