#!/usr/bin/env bash
# More values persisted and used by processes that load no source: an
# Exception subclass with ivars, message, backtrace and cause; Times with
# usec and zones; Ranges of Strings and endless ones; a Set of Arrays;
# Encodings (values: the same object in every process), Struct subclasses
# (keyword_init, Comparable) and an Enumerable class used
# with sort, min_by, include? and Hash lookups; one object reached by two
# paths is one object, with one object_id in three processes (taken before
# the first commit too), which ObjectSpace._id2ref finds before it was read.
. "$(dirname "$0")/lib.sh"
mrb '
require "set"
Maglev.persistent do
  class AppError < StandardError
    attr_reader :code
    def initialize(msg = "app failed", code: 7) = (super(msg); @code = code)
  end
  Point = Struct.new(:x, :y) do
    include Comparable
    def <=>(o) = [x, y] <=> [o.x, o.y]
    def dist = Math.sqrt(x * x + y * y)
  end
  class Pt3 < Struct.new(:x, :y, :z, keyword_init: true); def sum = x + y + z; end
  class Bag; include Enumerable; def initialize(*a) = @a = a; def each(&b) = @a.each(&b); end
end
Maglev[:err] = begin
  begin; Integer("zz"); rescue => inner; raise AppError.new("disk full", code: 28); end
rescue => x
  x
end
Maglev[:t] = [Time.utc(2024, 2, 29, 23, 59, 59, 999_999), Time.new(2020, 1, 1, 12, 0, 0.5r, "+05:30"), Time.at(0, 1, :usec).utc]
Maglev[:rg] = ["a".."e", "aa"..."ad", (1.5..), (..:z)]
Maglev[:set] = Set[[1, 2], [3], []]
Maglev[:pts] = [Point.new(3, 4), Point.new(1, 2), Point.new(1, 1)]
Maglev[:p3] = Pt3.new(x: 1, y: 2, z: 3)
Maglev[:bag] = Bag.new(5, 3, 9)
Maglev[:ph] = { Point.new(1, 1) => :one }
Maglev[:enc] = [Encoding::UTF_8, Encoding::ISO_8859_1, "x".b.encoding, { Encoding::US_ASCII => 1 }, Encoding::Shift_JIS]
o = Object.new
Maglev[:oid] = o.object_id
Maglev[:o1] = o; Maglev[:pair] = { left: [o], right: { r: o } }
Maglev.commit' >/dev/null
expect "an exception with ivars, backtrace and cause" "$(mrb 'e = Maglev[:err]; p e.class, e.message, e.code, e.backtrace.class, e.backtrace.empty?, e.cause.class, e.cause.message, (begin; raise e; rescue AppError => y; [y.equal?(e), y.code]; end)')" \
  'AppError
"disk full"
28
Array
false
ArgumentError
"invalid value for Integer(): \"zz\""
[true, 28]'
expect "Times keep usec, zone and offset" "$(mrb 't = Maglev[:t]; p t, t.map(&:usec), t.map(&:utc?), t[1].utc_offset, t[0] + 1, t[0] <=> Time.utc(2024, 2, 29, 23, 59, 59, 999_999)')" \
  '[2024-02-29 23:59:59.999999 UTC, 2020-01-01 12:00:00.5 +0530, 1970-01-01 00:00:00.000001 UTC]
[999999, 500000, 1]
[true, false, true]
19800
2024-03-01 00:00:00.999999 UTC
0'
expect "Ranges and a Set of Arrays" "$(mrb 'require "set"; r = Maglev[:rg]; s = Maglev[:set]
p r, r[0].to_a, r[1].include?("ab"), r[0] === "c", r[3].cover?(:a), r[1].size, s, s.include?([1, 2]), s == Set[[3], [1, 2], []]')" \
  '["a".."e", "aa"..."ad", 1.5.., ..:z]
["a", "b", "c", "d", "e"]
true
true
true
nil
#<Set: {[1, 2], [3], []}>
true
true'
expect "Struct, Comparable and Enumerable classes work without their source" "$(mrb 'pts = Maglev[:pts]; b = Maglev[:bag]
p pts.sort.map(&:to_a), pts.min.to_a, pts.max_by(&:dist).to_a, pts.include?(Point.new(1, 2)), pts[0].between?(pts[2], pts[0])
p Maglev[:p3], Maglev[:p3].sum, Pt3.new(x: 1, y: 2, z: 3) == Maglev[:p3], Maglev[:ph][Point.new(1, 1)]
p b.sort, b.min_by { -_1 }, b.include?(3), b.each_slice(2).to_a, b.sum')" \
  '[[1, 1], [1, 2], [3, 4]]
[1, 1]
[3, 4]
true
true
#<struct Pt3 x=1, y=2, z=3>
6
true
:one
[3, 5, 9]
9
true
[[5, 3], [9]]
17'
expect "Encodings are the process's own" "$(mrb 'e = Maglev[:enc]; p e, e[0].equal?(Encoding::UTF_8), e[3][Encoding::US_ASCII], "abc".force_encoding(e[1]).encoding')" \
  '[#<Encoding:UTF-8>, #<Encoding:ISO-8859-1>, #<Encoding:ASCII-8BIT>, {#<Encoding:US-ASCII>=>1}, #<Encoding:Shift_JIS>]
true
1
#<Encoding:ISO-8859-1>'
idcheck='o = Maglev[:o1]; pr = Maglev[:pair]; p [o.equal?(pr[:left][0]), pr[:right][:r].equal?(pr[:left][0]), o.object_id == Maglev[:oid], o.__id__ == Maglev[:oid]]'
expect "one object by two paths, its object_id from before the first commit (process 2)" "$(mrb "$idcheck")" '[true, true, true, true]'
expect "ObjectSpace._id2ref of a committed object not read yet" "$(mrb 'x = ObjectSpace._id2ref(Maglev[:oid]); p x.equal?(Maglev[:o1]), (ObjectSpace._id2ref(1 << 50) rescue $!.class)')" $'true\nRangeError'
expect "and in process 3, after a commit that changed other objects" "$(mrb 'Maglev[:pair][:left] << 1; Maglev.commit; p :ok' >/dev/null; mrb "$idcheck")" '[true, true, true, true]'
finish
