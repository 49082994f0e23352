#!/bin/sh
# Core differential sweep: runs each area file (or the ones named) with CRuby and
# with bin/maglev-ruby and prints a diff of their outputs, one line per call.
# Usage: tools/core_diff/run.sh [fmt num rc misc enc tm intf strenc packx strf rangecmp
#        ary hsh enm rnd strm exc strc mod prc rex sym cnv cmp obj enr]
# (maglev needs ~1 min per 10k calls)
dir=$(cd "$(dirname "$0")" && pwd); root=$(cd "$dir/../.." && pwd)
out=${TMPDIR:-/tmp}/core_diff; mkdir -p "$out"
for a in ${@:-fmt num rc misc enc tm intf strenc packx strf rangecmp}; do
    ruby "$dir/$a.rb" > "$out/$a.ruby" 2>/dev/null
    timeout 900 "$root/bin/maglev-ruby" "$dir/$a.rb" > "$out/$a.maglev" 2>/dev/null || echo "$a: maglev exit $?"
    echo "$a: $(wc -l < "$out/$a.ruby") calls, $(diff "$out/$a.ruby" "$out/$a.maglev" | grep -c '^<') differ"
    diff "$out/$a.ruby" "$out/$a.maglev" > "$out/$a.diff"
done
echo "diffs in $out/*.diff"
