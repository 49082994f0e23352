#!/usr/bin/env bash
# Big values: a 5 MB String, a 200,000-entry Hash, an Integer of 99,722
# digits, a 300,000-element Array (and 20,000 small ones), an Array nested
# 50,000 deep; committed,
# read back whole in another process, changed, most of them deleted and
# committed again, aborted after big changes; repository GC frees the rest.
. "$(dirname "$0")/lib.sh"
mrb '
Maglev[:big] = "x" * 5_000_000 + "end"
h = {}; 200_000.times { |i| h[i] = -i }; 20_000.times { |i| h["k#{i}"] = [i] }; Maglev[:h] = h
Maglev[:bn] = 7 ** 118_000
Maglev[:a] = Array.new(300_000) { |i| i * 3 }
d = [0]; 50_000.times { |i| d = [d, i] }; Maglev[:deep] = d
Maglev.commit' >/dev/null
expect "read back whole in another process" "$(mrb 's = Maglev[:big]; h = Maglev[:h]; b = Maglev[:bn]; a = Maglev[:a]
p s.size, s[-3..], s.hash == ("x" * 5_000_000 + "end").hash, h.size, h[199_999], h["k19999"], h.sum { |k, v| Integer === k ? v : v[0] }, b.to_s.size, b % 1_000_007, b == 7 ** 118_000, a.size, a[299_999]
n = 0; x = Maglev[:deep]; while x.size == 2; x = x[0]; n += 1; end; p n, x')" \
  '5000003
"end"
true
220000
-199999
[19999]
-19799910000
99722
907678
true
300000
899997
50000
[0]'
expect "big changes, aborted, leave the committed values" "$(mrb 'h = Maglev[:h]; s = Maglev[:big]; a = Maglev[:a]
h.delete_if { |k, _| Integer === k && k.odd? }; s.slice!(100..); a.slice!(10..); h["k0"] << :x
Maglev.abort_transaction
p h.size, h["k3"], h["k0"], s.size, a.size, a[299_999]')" \
  '220000
[3]
[0]
5000003
300000
899997'
mrb 'h = Maglev[:h]; h.keep_if { |k, v| String === k && v[0] < 5 }; Maglev[:big].replace("short"); Maglev[:a].clear; Maglev[:deep] = nil; Maglev.commit' >/dev/null
expect "most of them deleted and committed" "$(mrb 'p Maglev[:h], Maglev[:big], Maglev[:a], Maglev[:deep]')" \
  '{"k0"=>[0], "k1"=>[1], "k2"=>[2], "k3"=>[3], "k4"=>[4]}
"short"
[]
nil'
gc=$("$ROOT/bin/maglev" gc test 2>&1)
expect "repository GC frees what was dropped" "$(echo "$gc" | grep -oE 'freed [0-9]+ records' | awk '{ print ($2 > 89000) ? "many" : $2 }')" "many"
expect "what is left reads back" "$(mrb 'p Maglev[:h]["k4"], Maglev[:bn].bit_length')" $'[4]\n331268'
finish
