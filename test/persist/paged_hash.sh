#!/usr/bin/env bash
# Big Hashes are written in pages (src/store/paged.c, docs/format.md "Paged
# Arrays and Hashes"): a Hash of 8,192 dense positions or more (its table's
# entries in insertion order, deleted ones included) is a spine record and
# pages of 2,048 positions, and a commit writes the spine and the pages that
# changed. Every kind of change, made by one process and committed, is what
# the next process reads -- contents, order, default, identity -- through
# deletes, compaction, rehashing and shrinking across the paging threshold.
# Two processes changing different pages of one Hash still conflict; abort,
# a nested abort and a refused commit keep their meaning; lookups in a new
# process find String, Integer, Symbol, Array and object keys; the repository
# GC keeps the pages in use, and a damaged page is reported.
. "$(dirname "$0")/lib.sh"
cat >"$MAGLEV_DATA/ops.rb" <<'RUBY'
OPS = [
  'h["new"] = 1', 'h["k5"] = :five', 'h.delete("k7")', 'h.shift', 'h[[1, 2]] = "array key"',
  'h[:sym] = 1.5', 'h[2**70] = "big"', '(1..3000).each { |i| h["add#{i}"] = i }', 'h.delete_if { |k, v| v.is_a?(Integer) && v % 5 == 0 }',
  'h.select! { |k, v| !k.to_s.end_with?("3") }', 'h.transform_values! { |v| v.is_a?(Integer) ? v * 2 : v }',
  'h.compact!', 'h.merge!("k1" => "merged", "fresh" => 0) { |k, a, b| [a, b] }', 'h.default = "dflt"',
  'h.reject! { |k, v| k.to_s.start_with?("add1") }', '20000.times { |i| h["bulk#{i}"] = i }', 'h.keep_if { |k, v| !k.to_s.start_with?("k") }',
  'h.delete_if { |k, v| k.to_s.start_with?("bulk") && v > 100 }', 'h.rehash', 'h.instance_variable_set(:@tag, "tagged")',
  '12000.times { |i| h[i] = i.to_s }', 'h.transform_keys! { |k| k.is_a?(Integer) ? k + 1 : k }', 'h.update(Hash[(1..9000).map { |i| [-i, i] }])',
  'h.default_proc = proc { |hh, k| k.to_s * 2 }', 'h.clear; 10000.times { |i| h["c#{i}"] = i }', '5000.times { |i| h.shift }',
  'h.replace((1..9000).to_h { |i| ["r#{i}", i] })', 'h["r9"] = Box.new("boxed")',
]
def initial
  (0...20000).to_h { |i| ["k#{i}", i] }
end
def replay(n)
  h = initial
  OPS.first(n).each { |op| eval(op) }
  h
end
def sig(h)
  [h.to_a, h.default, h.default_proc && h.default_proc.call({}, :x), h.compare_by_identity?, h.instance_variable_get(:@tag)]
end
RUBY
mrb 'Maglev.persistent { class Box; attr_reader :v; def initialize(v) @v = v end; def ==(o) o.is_a?(Box) && o.v == v end; end }
     Maglev[:h] = (0...20000).to_h { |i| ["k#{i}", i] }; Maglev.commit' >/dev/null
replay_steps h h
expect "the last state (replace took the default of its argument): lookups without a walk first" "$(mrb 'load "'"$MAGLEV_DATA"'/ops.rb"
  h = Maglev[:h]
  p h["r5"], h["r9"].v, h["nope"], h.size, h.key?("r8999")
  p sig(h) == sig(replay(OPS.size))')" \
'5
"boxed"
nil
9000
true
true'

# lookups of every kind of key in a fresh process; identity hashes
mrb 'Maglev.persistent { class Pt; end }
     keys = Array.new(9000) { |i| [i, "s#{i}", :"y#{i}", [i, i], i * 1.5][i % 5] }
     h = {}; keys.each_with_index { |k, i| h[k] = i }
     pt = Pt.new; h[pt] = :obj; Maglev[:kh] = h; Maglev[:pt] = pt
     ih = {}.compare_by_identity; s1 = "same"; s2 = "same"; ih[s1] = 1; ih[s2] = 2; 9000.times { |i| ih[i] = i }
     Maglev[:ih] = ih; Maglev[:s] = [s1, s2]; Maglev.commit' >/dev/null
expect "every kind of key found" "$(mrb 'h = Maglev[:kh]; p h[5], h["s6"], h[:y7], h[[8, 8]], h[9 * 1.5], h[Maglev[:pt]], h.size')" \
'5
6
7
8
9
:obj
9001'
expect "identity hash" "$(mrb 'ih = Maglev[:ih]; s = Maglev[:s]; p ih[s[0]], ih[s[1]], ih["same"], ih.compare_by_identity?, ih[8000]')" \
'1
2
nil
true
8000'

# two processes, different pages of one Hash: the second conflicts on the Hash
paged_sessions Hash '(0...20000).to_h { |i| [i, i] }'

# the repository GC keeps the pages in use
mrb 'Maglev[:g] = (0...30000).to_h { |i| ["g#{i}", "v#{i}"] }; Maglev.commit
     g = Maglev[:g]; 25000.times { |i| g.delete("g#{i}") }; 30000.upto(31000) { |i| g["g#{i}"] = "v#{i}" }; Maglev.commit' >/dev/null
gc_and_check
expect "pages in use kept" "$(mrb 'g = Maglev[:g]; p g.size, g["g29999"], g["g31000"], g.count { |k, v| v == k.sub("g", "v") }')" \
'6001
"v29999"
"v31000"
6001'

# a damaged page: an error naming an OOP, never a crash
paged_damage '(0...10000).to_h { |i| [i, i == 6000 ? :MARKER_XYZZY_PAGE : i] }'
finish
