# Enumerable on a class that only defines each
class Coll
  include Enumerable
  def initialize(*v) = @v = v
  def each
    @v.each { |x| yield x }
    self
  end
end
c = Coll.new(3, 1, 4, 1, 5, 9, 2, 6)
p c.to_a, c.entries, c.map { |x| x * 2 }, c.flat_map { |x| [x, -x] }.first(4), c.collect_concat { |x| [x] }.size
# expect: [3, 1, 4, 1, 5, 9, 2, 6]
# expect: [3, 1, 4, 1, 5, 9, 2, 6]
# expect: [6, 2, 8, 2, 10, 18, 4, 12]
# expect: [3, -3, 1, -1]
# expect: 8
p c.select(&:even?), c.filter(&:odd?), c.find_all { |x| x > 4 }, c.reject(&:odd?), c.filter_map { |x| x * 2 if x > 4 }
# expect: [4, 2, 6]
# expect: [3, 1, 1, 5, 9]
# expect: [5, 9, 6]
# expect: [4, 2, 6]
# expect: [10, 18, 12]
p c.find { |x| x > 3 }, c.detect { |x| x > 100 }, c.find_index(4), c.find_index { |x| x > 4 }, c.find_index(100)
# expect: 4
# expect: nil
# expect: 2
# expect: 4
# expect: nil
p c.first, c.first(3), c.take(2), c.take_while { |x| x < 4 }, c.drop(5), c.drop_while { |x| x < 4 }
# expect: 3
# expect: [3, 1, 4]
# expect: [3, 1]
# expect: [3, 1]
# expect: [9, 2, 6]
# expect: [4, 1, 5, 9, 2, 6]
p c.include?(9), c.member?(7), c.inject(:+), c.inject(10) { |s, x| s + x }, c.reduce(1, :*), c.sum, c.sum(0.0)
# expect: true
# expect: false
# expect: 31
# expect: 41
# expect: 6480
# expect: 31
# expect: 31.0
p c.count, c.count(1), c.count(&:even?), c.min, c.max, c.min(2), c.max(3), c.minmax
# expect: 8
# expect: 2
# expect: 3
# expect: 1
# expect: 9
# expect: [1, 1]
# expect: [9, 6, 5]
# expect: [1, 9]
p c.min_by { |x| -x }, c.max_by { |x| -x }, c.min_by(2) { |x| x }, c.minmax_by { |x| x % 5 }
# expect: 9
# expect: 1
# expect: [1, 1]
# expect: [5, 4]
p c.sort, c.sort { |a, b| b <=> a }, c.sort_by { |x| -x }, c.group_by(&:odd?), c.partition { |x| x > 3 }
# expect: [1, 1, 2, 3, 4, 5, 6, 9]
# expect: [9, 6, 5, 4, 3, 2, 1, 1]
# expect: [9, 6, 5, 4, 3, 2, 1, 1]
# expect: {true=>[3, 1, 1, 5, 9], false=>[4, 2, 6]}
# expect: [[4, 5, 9, 6], [3, 1, 1, 2]]
p c.chunk_while { |a, b| b == a + 1 }.to_a, c.slice_when { |a, b| b < a }.to_a
# expect: [[3], [1], [4], [1], [5], [9], [2], [6]]
# expect: [[3], [1, 4], [1, 5, 9], [2, 6]]
p c.each_slice(3).to_a, c.each_cons(7).to_a, c.each_with_index.to_a.first(2), c.each_with_object([]) { |x, a| a << x }.size
# expect: [[3, 1, 4], [1, 5, 9], [2, 6]]
# expect: [[3, 1, 4, 1, 5, 9, 2], [1, 4, 1, 5, 9, 2, 6]]
# expect: [[3, 0], [1, 1]]
# expect: 8
p c.each_entry.to_a.size, c.reverse_each.to_a, c.zip(c.map { |x| x * 10 }).first(2), c.tally, c.uniq, c.to_h { |x| [x, x] }.size
# expect: 8
# expect: [6, 2, 9, 5, 1, 4, 1, 3]
# expect: [[3, 30], [1, 10]]
# expect: {3=>1, 1=>2, 4=>1, 5=>1, 9=>1, 2=>1, 6=>1}
# expect: [3, 1, 4, 5, 9, 2, 6]
# expect: 7
p c.any?, c.any? { |x| x > 8 }, c.all?(Integer), c.none?(String), c.one?(9), c.one?(1), c.cycle.first(10)
# expect: true
# expect: true
# expect: true
# expect: true
# expect: true
# expect: false
# expect: [3, 1, 4, 1, 5, 9, 2, 6, 3, 1]
p c.each_slice(2).map(&:sum), c.each_with_index.map { |x, i| x * i }
# expect: [4, 5, 14, 8]
# expect: [0, 1, 8, 3, 20, 45, 12, 42]
p c.chunk { |x| x.odd? }.to_a, c.slice_before(&:even?).to_a.size, c.slice_after(&:even?).to_a.size
# expect: [[true, [3, 1]], [false, [4]], [true, [1, 5, 9]], [false, [2, 6]]]
# expect: 4
# expect: 3
p c.min { |a, b| b <=> a }, c.max { |a, b| b <=> a }, c.sum { |x| x * 0.5 }, c.uniq { |x| x % 3 }
# expect: 9
# expect: 1
# expect: 15.5
# expect: [3, 1, 5]
p c.to_a.each_slice(3).with_index.map { |s, i| s.size + i }  # expect: [3, 4, 4]
e = Coll.new
p e.min, e.max, e.sum, e.first, e.first(2), e.inject(:+), e.minmax, e.each_slice(2).to_a, e.cycle { }
# expect: nil
# expect: nil
# expect: 0
# expect: nil
# expect: []
# expect: nil
# expect: [nil, nil]
# expect: []
# expect: nil
class Pairs
  include Enumerable
  def each
    yield 1, 2
    yield 3, 4
  end
end
pr = Pairs.new
p pr.to_a, pr.map { |a, b| a * b }, pr.map { |x| x }, pr.select { |a, b| b > 2 }, pr.first, pr.each_with_index.to_a
# expect: [[1, 2], [3, 4]]
# expect: [2, 12]
# expect: [1, 3]
# expect: [[3, 4]]
# expect: [1, 2]
# expect: [[[1, 2], 0], [[3, 4], 1]]
p pr.inject { |s, x| s + x.sum rescue [s, x] }, pr.sort, pr.min_by { |a, b| -b }, pr.to_h, pr.include?([1, 2])
# expect: [[1, 2], [3, 4]]
# expect: [[1, 2], [3, 4]]
# expect: [3, 4]
# expect: {1=>2, 3=>4}
# expect: true
p pr.each_entry.to_a, pr.count, pr.each_slice(1).to_a, pr.zip([7, 8]), pr.find { |a, b| a == 3 }
# expect: [[1, 2], [3, 4]]
# expect: 2
# expect: [[[1, 2]], [[3, 4]]]
# expect: [[[1, 2], 7], [[3, 4], 8]]
# expect: [3, 4]
def t
  yield
rescue => e
  puts "#{e.class}: #{e.message.lines.first.chomp}"
end
t { c.each_slice(0) }  # expect: ArgumentError: invalid slice size
t { c.first(-1) }  # expect: ArgumentError: attempt to take negative size
t { c.inject }  # expect: LocalJumpError: no block given
t { Coll.new(1, "a").sort }  # expect: ArgumentError: comparison of Integer with String failed
t { Coll.new(1, "a").max }  # expect: ArgumentError: comparison of String with 1 failed
t { c.to_h }  # expect: TypeError: wrong element type Integer (expected array)
t { c.zip(5) }  # expect: TypeError: wrong argument type Integer (must respond to :each)
