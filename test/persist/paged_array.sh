#!/usr/bin/env bash
# Big Arrays are written in pages (src/store/paged.c, docs/format.md "Paged
# Arrays"): an Array of 8,192 elements or more is a spine record and pages of
# 2,048 elements, and a commit writes the spine and the pages that changed.
# Every kind of change, made by one process and committed, is what the next
# process reads (the same steps applied to a transient copy give the same
# Array), through growing and shrinking across the paging threshold. Two
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
  'a.keep_if { |x| x.size < 5 }', 'a.shuffle!(random: Random.new(3))', 'a << Box.new("boxed")',
]
def initial
  Array.new(20000) { |i| i % 3 == 0 ? "s#{i}" : i }
end
def replay(n)
  a = initial
  OPS.first(n).each { |op| eval(op) }
  a
end
RUBY
mrb 'Maglev.persistent { class Box; attr_reader :v; def initialize(v) @v = v end; def ==(o) o.is_a?(Box) && o.v == v end; end }
     Maglev[:a] = Array.new(20000) { |i| i % 3 == 0 ? "s#{i}" : i }; Maglev.commit' >/dev/null
n=$(mrb 'load "'"$MAGLEV_DATA"'/ops.rb"; p OPS.size')
bad=""
for ((k = 0; k < n; k++)); do
	out=$(mrb 'load "'"$MAGLEV_DATA"'/ops.rb"
	  a = Maglev[:a]
	  want = replay('$k')
	  raise "before op '$k': #{a.size} elements, want #{want.size}" unless a == want
	  eval(OPS['$k'])
	  Maglev.commit
	  puts "ok"' 2>&1)
	[ "$out" = ok ] || bad="$bad [op $k: ${out:0:300}]"
done
expect "every step read back as the transient copy gives it" "$bad" ""
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
mrb 'Maglev[:c] = (0...20000).to_a; Maglev.commit' >/dev/null
gem_start g1
gem_start g2
gem g1 'A = Maglev[:c]; A.size' >/dev/null
gem g2 'B = Maglev[:c]; B.size' >/dev/null
expect "first commit" "$(gem g1 'A[10] = :one; Maglev.commit')" true
expect "second conflicts, naming the Array" "$(gem g2 'B[15000] = :two; begin; Maglev.commit; rescue Maglev::CommitFailedException => e; [e.class, e.message.include?("Array"), e.conflicts.size]; end')" \
"[Maglev::CommitFailedException, true, 1]"
expect "retry after abort" "$(gem g2 'Maglev.abort; [B[10], B[15000]]')" "[:one, 15000]"
expect "retry commits" "$(gem g2 'B[15000] = :two; Maglev.commit')" true
# abort in place, a nested abort, a refused commit whose other changes are kept
expect "abort resets a held reference" "$(gem g1 'Maglev.abort; A[3] = "changed"; A << 5; Maglev.abort; [A[3], A.size, A[15000]]')" "[3, 20000, :two]"
expect "nested abort" "$(gem g1 'Maglev.begin_nested_transaction; A[20] = "n"; A.push(1, 2); Maglev.abort_transaction; Maglev.commit; [A[20], A.size]')" "[20, 20000]"
expect "refused commit" "$(gem g1 'A[100] = "str100"; A[9000] = Thread::Mutex.new; begin; Maglev.commit; rescue TransactionError => e; e.object.class; end')" "Thread::Mutex"
expect "then commits" "$(gem g1 'A[9000] = 1; Maglev.commit')" true
gem_stop g1
gem_stop g2
expect "a new process sees both" "$(mrb 'c = Maglev[:c]; p [c[10], c[15000], c[100], c[9000], c[20], c.size]')" '[:one, :two, "str100", 1, 20, 20000]'

# the repository GC keeps the pages in use and frees the ones no spine lists
mrb 'Maglev[:g] = (0...30000).map { |i| "g#{i}" }; Maglev.commit; Maglev[:g].slice!(9000..); Maglev.commit' >/dev/null
gc=$("$ROOT/bin/maglev" gc test 2>&1)
expect "gc frees the dropped pages and strings" "$(echo "$gc" | grep -c 'freed [1-9][0-9]* records')" 1
chk=$("$ROOT/bin/maglev" check test 2>&1); rc=$?
expect "check after gc" "$rc $(echo "$chk" | grep '^references:')" "0 references: 0 dangling"
expect "pages in use kept" "$(mrb 'g = Maglev[:g]; p g.size, g[8999], g.count { |s| s.start_with?("g") }; c = Maglev[:c]; p c[19999]')" \
"9000
\"g8999\"
9000
19999"

# a damaged page: an error naming an OOP, never a crash
mrb 'Maglev[:d] = Array.new(10000) { |i| i == 6000 ? :MARKER_XYZZY_PAGE : i }; Maglev.commit' >/dev/null
db="$MAGLEV_DATA/test/data.mdb"
if on_pg; then
	n=$(pg_sql "UPDATE mg_obj SET data = overlay(data placing 'Q'::bytea from position('MARKER_XYZZY'::bytea in data))
	            WHERE position('MARKER_XYZZY'::bytea in data) > 0 RETURNING oop" | wc -l)
	[ "$n" -gt 0 ] && offs=pg || offs=
else
	offs=$(grep -abo 'MARKER_XYZZY' "$db" | cut -d: -f1)
	for off in $offs; do printf 'Q' | dd of="$db" bs=1 seek="$off" conv=notrunc status=none; done
fi
expect "marker found" "$([ -n "$offs" ] && echo yes)" yes
expect "damaged page reported" "$("$MRUBY" -e '
  p Maglev[:c].size
  begin
    Maglev[:d][6000]
  rescue => e
    puts e.class, e.message.include?("OOP")
  end' 2>&1)" "20000
RuntimeError
true"
finish
