#!/usr/bin/env bash
# bench/index.sh -- a query on a 1,000,000-member indexed IdentitySet
# (docs/indexes.md): records read and wall time through the index, against a
# full scan of the same set and against CRuby + SQLite with an index on the
# same data (bench/index/maglev.rb, bench/index/sqlite.rb); prints one table.
#
#   bench/index.sh [--maglev PATH] [--ruby PATH] [-n N] [-o FILE]
#
# Data: N objects (rows) with a unique Integer k (a permutation of 0...N).
# Queries: k = v (1 hit) in a fresh process (cold) and again (warm); 1,000
# consecutive k (search_between / BETWEEN); the same two without the index
# (search_by_scan / NOT INDEXED). Times are one run each, in milliseconds;
# maglev's records are objects faulted from the repository
# (Maglev::System.my_cache_statistics[:objects_read]), SQLite's pages are
# estimated from its B-tree shapes.
set -u
export LC_ALL=C
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MAGLEV="$ROOT/bin/maglev-ruby"
RUBY=ruby
N=1000000
OUT=""
while [ $# -gt 0 ]; do
    case "$1" in
        --maglev) MAGLEV=$2; shift 2 ;;
        --ruby)   RUBY=$2; shift 2 ;;
        -n)       N=$2; shift 2 ;;
        -o)       OUT=$2; shift 2 ;;
        -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench/index.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
B="$ROOT/bench/index"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/maglev-bench-index.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
now() { date +%s.%N; }

declare -A M S   # M[query,records|ms|count|sum], S[query,ms|count|sum]
t0=$(now)
read -r _ _ mb_add mb_index mb_commit < <(MAGLEV_DATA=$TMP/maglev MAGLEV_STONE=bench "$MAGLEV" "$B/maglev.rb" build "$N")
t1=$(now)
while read -r q rq rec ms cnt sum; do
    M[$q,query]=$rq M[$q,records]=$rec M[$q,ms]=$ms M[$q,count]=$cnt M[$q,sum]=$sum
done < <(MAGLEV_DATA=$TMP/maglev MAGLEV_STONE=bench "$MAGLEV" "$B/maglev.rb" query "$N")
have_sqlite=1
"$RUBY" -e 'require "sqlite3"' 2>/dev/null || have_sqlite=0
if [ $have_sqlite = 1 ]; then
    read -r _ _ sb_insert sb_index _ < <("$RUBY" "$B/sqlite.rb" "$TMP/items.sqlite" build "$N")
    while read -r q a b c d; do
        if [ "$q" = pages ]; then S[eq_cold,pages]=$a S[eq_warm,pages]=$a S[range1000,pages]=$b S[scan_eq,pages]=$c S[scan_range1000,pages]=$c
        elif [ "$q" = plan ]; then S[plan]=$d
        else S[$q,ms]=$b S[$q,count]=$c S[$q,sum]=$d; fi
    done < <("$RUBY" "$B/sqlite.rb" "$TMP/items.sqlite" query "$N")
fi
{
echo "Indexed queries on $N members, $(date -u +%Y-%m-%d) on $(uname -m), $(nproc) cores"
printf "maglev build: %s ms adding, %s ms creating the index, %s ms committing (%.1f s in all)\n" \
    "$mb_add" "$mb_index" "$mb_commit" "$(echo "$t1 - $t0" | bc -l)"
[ $have_sqlite = 1 ] && echo "sqlite build: $sb_insert ms inserting, $sb_index ms creating the index; plan: ${S[plan]:-?}"
printf "%-16s %6s %10s %10s %10s %12s %10s %10s %s\n" query hits mg_query mg_read mg_ms sqlite_pages sqlite_ms sqlite/mg same
for q in eq_cold eq_warm range1000 scan_eq scan_range1000; do
    same=-
    [ $have_sqlite = 1 ] && { [ "${M[$q,sum]}" = "${S[$q,sum]:-}" ] && same=yes || same=NO; }
    ratio=-
    [ $have_sqlite = 1 ] && ratio=$(printf "%.2f" "$(echo "${S[$q,ms]} / ${M[$q,ms]}" | bc -l)")
    printf "%-16s %6s %10s %10s %10s %12s %10s %10s %s\n" $q "${M[$q,count]}" "${M[$q,query]}" "${M[$q,records]}" "${M[$q,ms]}" \
        "${S[$q,pages]:--}" "${S[$q,ms]:--}" "$ratio" "$same"
done
printf "index vs scan on maglev: %.0fx fewer records, %.0fx less time (k = v)\n" \
    "$(echo "${M[scan_eq,query]} / ${M[eq_cold,query]}" | bc -l)" "$(echo "${M[scan_eq,ms]} / ${M[eq_cold,ms]}" | bc -l)"
echo "mg_query: records the query read; mg_read: with the answers' @id read too; ms include both"
echo "(scan_range1000 reads no new record: scan_eq before it faulted every member)"
echo "(sqlite/mg > 1: maglev faster; same: both found the same members)"
} | tee ${OUT:+"$OUT"}
