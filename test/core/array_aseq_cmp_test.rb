# Array#[] with an arithmetic sequence, Array#dig takes indexes only, and the
# order in which Array#max/min/minmax/sort/sort_by compare (it shows in the
# error of a failed comparison and in what a block sees)
def t
  puts yield.inspect
rescue => e
  puts "#{e.class}: #{e.message}"
end
a = [0, 1, 2, 3, 4]
t { a[(1..4) % 2] }
t { a.slice((-1..0) % -1) }
t { a[(..4) % 3] }
t { a[(0..) % 2] }
t { a[(..2) % -1] }
t { a[(4...0) % -1] }
t { a[(0..4) % -2] }
t { a[(-1..-6) % -1] }
t { a[(6..) % 1] }
t { a[(5..) % 1] }
t { a[(0..4) % 10] }
t { a[(0..4) % 1.5] }
t { a[1.step(3, 2)] }
t { a[3.step(0, -1)] }
t { a[(-2..) % -2] }
t { a[(10..0) % -1] }
t { a[(0..10) % 3] }
t { a[(-6..-1) % 2] }
t { a[(10..0) % -3] }
t { (0..20).to_a[(-1..0) % -4] }
t { [1, 2].dig(0..1) }
t { [[1, 2]].dig(0, 1) }
n = nil
t { b = [1, n]; b.max }
t { b = [n, 1]; b.min }
t { b = [1.0, Float::NAN]; b.max }
t { b = [2, 1, n]; b.minmax }
t { b = ["a", n]; b.max }
t { b = [1, 2, n]; b.max { |x, y| x <=> y } }
t { b = [1, n]; b.each.max }
t { [1, 2, 3].sort { |x, y| nil } }
t { [1.0, Float::NAN, 2.0].sort }
log = []
t { [5, 3, 8, 1, 9, 2, 7].sort { |x, y| log << [x, y]; x <=> y } }
p log
class Key
  attr_reader :v
  def initialize(v) = @v = v
  def <=>(o) = ($log << [@v, o.v]; @v <=> o.v)
end
$log = []
t { [5, 3, 8, 1, 9, 2, 7].sort_by { |x| Key.new(x) } }
p $log
$log = []
t { %w[e c h a i b g].map { |s| o = Object.new; o.define_singleton_method(:<=>) { |x| $log << [s, x.to_s]; s <=> x.to_s }; o.define_singleton_method(:to_s) { s }; o }.sort.map(&:to_s) }
p $log
$log = []
t { %w[e c h a].map { |s| o = Object.new; o.define_singleton_method(:<=>) { |x| $log << [s, x.to_s]; s <=> x.to_s }; o.define_singleton_method(:to_s) { s }; o }.minmax.map(&:to_s) }
p $log

# expect: [1, 3]
# expect: [4, 3, 2, 1, 0]
# expect: [0, 3]
# expect: [0, 2, 4]
# expect: [4, 3, 2]
# expect: [3, 2, 1, 0]
# expect: []
# expect: nil
# expect: nil
# expect: []
# expect: [0]
# expect: [0, 1, 2, 3, 4]
# expect: [1, 3]
# expect: [3, 2, 1, 0]
# expect: [3, 1]
# expect: [4, 3, 2, 1, 0]
# expect: RangeError: ((0..10).%(3)) out of range
# expect: RangeError: ((-6..-1).%(2)) out of range
# expect: RangeError: ((10..0).%(-3)) out of range
# expect: [20, 16, 12, 8, 4, 0]
# expect: TypeError: no implicit conversion of Range into Integer
# expect: 2
# expect: ArgumentError: comparison of Integer with nil failed
# expect: ArgumentError: comparison of NilClass with 1 failed
# expect: ArgumentError: comparison of Float with NaN failed
# expect: ArgumentError: comparison of Integer with nil failed
# expect: ArgumentError: comparison of String with nil failed
# expect: ArgumentError: comparison of NilClass with 2 failed
# expect: ArgumentError: comparison of NilClass with 1 failed
# expect: ArgumentError: comparison of Integer with 3 failed
# expect: ArgumentError: comparison of Float with 2.0 failed
# expect: [1, 2, 3, 5, 7, 8, 9]
# expect: [[3, 8], [5, 3], [5, 8], [1, 9], [2, 7], [1, 2], [9, 2], [9, 7], [3, 1], [3, 2], [3, 7], [5, 7], [8, 7], [8, 9]]
# expect: [1, 2, 3, 5, 7, 8, 9]
# expect: [[3, 8], [5, 3], [5, 8], [1, 9], [2, 7], [1, 2], [9, 2], [9, 7], [3, 1], [3, 2], [3, 7], [5, 7], [8, 7], [8, 9]]
# expect: ["a", "b", "c", "e", "g", "h", "i"]
# expect: [["c", "h"], ["e", "c"], ["e", "h"], ["a", "i"], ["b", "g"], ["a", "b"], ["i", "b"], ["i", "g"], ["c", "a"], ["c", "b"], ["c", "g"], ["e", "g"], ["h", "g"], ["h", "i"]]
# expect: ["a", "h"]
# expect: [["e", "c"], ["e", "h"], ["h", "a"], ["e", "c"], ["c", "h"], ["c", "a"]]
