# Range: construction, iteration, membership, size, inspect
p (1..5), (1...5), Range.new(1, 3), Range.new(1, 3, true), (1..), (..5), (nil..nil), ("a".."c")
# expect: 1..5
# expect: 1...5
# expect: 1..3
# expect: 1...3
# expect: 1..
# expect: ..5
# expect: nil..nil
# expect: "a".."c"
p (1..2).to_s, ("a".."b").to_s, (1..2).inspect, ("a".."b").inspect
# expect: "1..2"
# expect: "a..b"
# expect: "1..2"
# expect: "\"a\"..\"b\""
r = (1..10)
p r.begin, r.end, r.first, r.last, r.first(3), r.last(3), r.min, r.max, r.minmax, r.exclude_end?, (1...2).exclude_end?
# expect: 1
# expect: 10
# expect: 1
# expect: 10
# expect: [1, 2, 3]
# expect: [8, 9, 10]
# expect: 1
# expect: 10
# expect: [1, 10]
# expect: false
# expect: true
p r.size, (1...10).size, (1..).size, (3..1).size, (1..3.5).size, ("a".."z").size, r.count, r.count(&:even?)
# expect: 10
# expect: 9
# expect: Infinity
# expect: 0
# expect: 3
# expect: nil
# expect: 10
# expect: 5
p r.sum, (1...10).sum, (1..10).sum(0.5), (1..0).sum, (1..4).sum { |x| x * x }, (1.0..3.0).step(0.5).sum
# expect: 55
# expect: 45
# expect: 55.5
# expect: 0
# expect: 30
# expect: 10.0
p r.to_a, (1...4).to_a, (3..1).to_a, ("a".."e").to_a, ("9".."11").to_a, ("08".."11").to_a, ("az".."bc").to_a
# expect: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
# expect: [1, 2, 3]
# expect: []
# expect: ["a", "b", "c", "d", "e"]
# expect: ["9", "10", "11"]
# expect: ["08", "09", "10", "11"]
# expect: ["az", "ba", "bb", "bc"]
p (:a..:e).to_a, ("a"..."e").to_a, ("y".."ab").to_a, ("A".."C").entries
# expect: [:a, :b, :c, :d, :e]
# expect: ["a", "b", "c", "d"]
# expect: []
# expect: ["A", "B", "C"]
o = []
(1..3).each { |i| o << i }
(1...3).reverse_each { |i| o << i }
(1..).each { |i| break if i > 3; o << i }
p o  # expect: [1, 2, 3, 2, 1, 1, 2, 3]
p (1..10).step(3).to_a, (1.0..2.0).step(0.5).to_a, (1...2.0).step(0.5).to_a, ("a".."e").step(2).to_a
# expect: [1, 4, 7, 10]
# expect: [1.0, 1.5, 2.0]
# expect: [1.0, 1.5]
# expect: ["a", "c", "e"]
st = []
(1..10).step(4) { |x| st << x }
(0.0..1.0).step(0.25) { |x| st << x }
(1..5).step(1.5) { |x| st << x }
p st  # expect: [1, 5, 9, 0.0, 0.25, 0.5, 0.75, 1.0, 1.0, 2.5, 4.0]
p (1..10).include?(5), (1..10).include?(5.5), (1..10).member?(11), (1...10).include?(10), (1..).include?(100)
# expect: true
# expect: true
# expect: false
# expect: false
# expect: true
p ("a".."z").include?("bb"), ("a".."z").cover?("bb"), ("a".."z") === "c", (1..10) === 3.3, (..5).cover?(-100)
# expect: false
# expect: true
# expect: true
# expect: true
# expect: true
p (1..10).cover?(2..3), (1..10).cover?(2..11), (1...10).cover?(2..10), (1..10).cover?(2...11), (1..).cover?(5..)
# expect: true
# expect: false
# expect: false
# expect: true
# expect: true
p (1..2) == (1..2), (1..2) == (1...2), (1..2).eql?(1.0..2), (1..2) == (1.0..2.0), (1..2).hash == (1..2).hash
# expect: true
# expect: false
# expect: false
# expect: true
# expect: true
p (1...1).min, (1...1).max, (3..1).min, (1.0..3).max, (1...3).max, ("a".."c").max, (1..5).min(2), (1..5).max { |a, b| b <=> a }
# expect: nil
# expect: nil
# expect: nil
# expect: 3
# expect: 2
# expect: "c"
# expect: [1, 2]
# expect: 1
p (1..2).frozen?, Range.new(1, 2).frozen?, (1..2).dup == (1..2)
# expect: true
# expect: true
# expect: true
p (1..10).select(&:even?), (1..4).map { |x| x * 2 }, (1..4).inject(:*), (1..3).zip(4..6), (1..6).each_slice(2).to_a
# expect: [2, 4, 6, 8, 10]
# expect: [2, 4, 6, 8]
# expect: 24
# expect: [[1, 4], [2, 5], [3, 6]]
# expect: [[1, 2], [3, 4], [5, 6]]
p (1..10).find { |i| i % 7 == 0 }, (1..3).to_a.reverse, (1..Float::INFINITY).first(2)
# expect: 7
# expect: [3, 2, 1]
# expect: [1, 2]
p (1..100).bsearch { |x| x * x >= 50 }, (1..5).each_cons(2).to_a.size, (1..3).entries
# expect: 8
# expect: 4
# expect: [1, 2, 3]
a = [10, 20, 30, 40, 50]
p a[1..-2], a[-2..], a[...2], a[1...-1]
# expect: [20, 30, 40]
# expect: [40, 50]
# expect: [10, 20]
# expect: [20, 30, 40]
