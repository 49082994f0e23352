#!/usr/bin/env bash
# Big Arrays are written in pages (src/store/paged.c, docs/format.md "Paged
# Arrays and Hashes"): an Array of 8,192 elements or more is a spine record and pages of
# 2,048 elements, and a commit writes the spine and the pages that changed.
# Every kind of change, made by one process and committed, is what the next
# process reads (the same steps applied to a transient copy give the same
# Array), through growing and shrinking across the paging threshold, and
# shifts (which drop pages from the front, and dead positions from the first). Two
# processes changing different pages of one Array still conflict (on the
# Array); abort, a nested abort and a refused commit keep their meaning; new
# objects stored into a page persist; the repository GC keeps the pages in use,
# and a damaged page is reported, naming an OOP.
. "$(dirname "$0")/lib.sh"
cat >"$MAGLEV_DATA/ops.rb" <<'RUBY'
OPS = [
  'a << "pushed"', 'a[5000] = "stored"', 'a[-1] = [1, "nested"]', 'a.pop',
  'a.push(*(1..3000).map { |i| "p#{i}" })', 'a[30000] = :far', 'a.shift', 'a.unshift("first")',
  'a.insert(7000, "ins")', 'a.delete_at(100)', 'a.reverse!', 'a.map! { |x| x.is_a?(Integer) ? x * 2 : x }',
  'a.slice!(100, 5000)', 'a.concat(Array.new(10) { |i| "c#{i}" })', 'a.compact!', 'a[0, 3] = ["r1"]',
  'a.fill("f", 50, 10)', 'a.instance_variable_set(:@tag, "tagged")', 'a.slice!(9000..)',
  'a.slice!(5000..)', 'a.concat((1..10000).to_a)', 'a[2047] = "edge"; a[2048] = "edge2"',
  'a.clear; a.concat((1..20000).map(&:to_s))', 'a.rotate!(3)', 'a.sort!', 'a.uniq!', 'a.delete_if { |x| x.end_with?("7") }',
  'a.keep_if { |x| x.size < 5 }', 'a.shuffle!(random: Random.new(3))',
  'a.shift(3000)', '500.times { a.shift }; a.push(*1..100)', 'a.shift(100); a[5] = "after shift"; a << "tail"',
  'a.shift(2000); a.shift', 'a.concat((1..9000).to_a); 7000.times { a.shift }; a[1] = "one"', 'a << Box.new("boxed")',
]
def initial
  Array.new(20000) { |i| i % 3 == 0 ? "s#{i}" : i }
end
def replay(n)
  a = initial
  OPS.first(n).each { |op| eval(op) }
  a
end
def sig(a) = [a, a.instance_variable_get(:@tag)]
RUBY
mrb 'Maglev.persistent { class Box; attr_reader :v; def initialize(v) @v = v end; def ==(o) o.is_a?(Box) && o.v == v end; end }
     Maglev[:a] = Array.new(20000) { |i| i % 3 == 0 ? "s#{i}" : i }; Maglev.commit' >/dev/null
replay_steps a a
expect "the last state, with its ivar" "$(mrb 'load "'"$MAGLEV_DATA"'/ops.rb"
  a = Maglev[:a]; w = replay(OPS.size)
  p a == w, a.size, a.instance_variable_get(:@tag), a.last.class, a.last.v, a.frozen?')" \
"true
$(ruby -e 'class Box; attr_reader :v; def initialize(v) @v = v end; def ==(o) o.is_a?(Box) && o.v == v end; end
  load ARGV[0]; a = replay(OPS.size); p a.size' "$MAGLEV_DATA/ops.rb")
\"tagged\"
Box
\"boxed\"
false"

# two processes, different pages of one Array: the second conflicts on the Array
paged_sessions Array '(0...20000).to_a'

# the repository GC keeps the pages in use and frees the ones no spine lists
mrb 'Maglev[:g] = (0...30000).map { |i| "g#{i}" }; Maglev.commit; Maglev[:g].slice!(9000..); Maglev.commit' >/dev/null
gc_and_check
expect "pages in use kept" "$(mrb 'g = Maglev[:g]; p g.size, g[8999], g.count { |s| s.start_with?("g") }; c = Maglev[:c]; p c[19999]')" \
"9000
\"g8999\"
9000
19999"

# a damaged page: an error naming an OOP, never a crash
paged_damage 'Array.new(10000) { |i| i == 6000 ? :MARKER_XYZZY_PAGE : i }'
finish
