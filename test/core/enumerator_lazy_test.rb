# Enumerator::Lazy: chains evaluate element by element, only as far as needed
p (1..Float::INFINITY).lazy.map { |x| x * 2 }.select { |x| x % 3 == 0 }.first(3)
log = []
r = (1..10).lazy.map { |x| log << x; x * 10 }.take(2).to_a
p r, log
p (1..3).lazy.class, (1..3).lazy.map { _1 }.class
p (1..3).lazy, (1..3).lazy.map { _1 }, (1..3).lazy.take(2), (1..3).lazy.select(&:odd?).map(&:to_s)
p (1..20).lazy.select(&:even?).reject { |x| x % 4 == 0 }.to_a
p (1..3).lazy.filter { _1 > 1 }.force
p (1..3).lazy.flat_map { |x| [x, -x] }.to_a, [[1, [2]], [3]].lazy.flat_map { _1 }.to_a
p (1..3).lazy.flat_map { |x| x }.to_a
p (1..Float::INFINITY).lazy.take_while { |x| x < 5 }.to_a
p (1..10).lazy.drop(7).to_a, (1..10).lazy.drop_while { |x| x < 8 }.to_a
p (1..10).lazy.filter_map { |x| x * 2 if x.odd? }.first(3)
p [3, 1, 3, 2, 1].lazy.uniq.to_a, %w[a B b A].lazy.uniq(&:downcase).to_a
p [1, nil, 2, nil].lazy.compact.to_a
p %w[a b c].lazy.with_index.to_a, %w[a b c].lazy.with_index(1).map { |s, i| "#{s}#{i}" }.to_a
seen = []
p %w[x y].lazy.with_index { |s, i| seen << [s, i] }.to_a, seen
p (1..3).lazy.zip(4..6, [7]).to_a
p (1..Float::INFINITY).lazy.map { _1 * 2 }.zip((1..).lazy.map { -_1 }).first(2)
p (1..3).lazy.grep(2..3).to_a, %w[a1 b c2].lazy.grep(/\d/) { _1.upcase }.to_a, (1..4).lazy.grep_v(2..3).to_a
# take(0) does not touch the source
touched = false
p (1..3).lazy.map { touched = true }.take(0).to_a, touched
# every run starts fresh
lz = (1..5).lazy.take(2)
p lz.to_a, lz.to_a
z = (1..4).lazy.with_index
p z.to_a, z.first(2)
# eager, size, first, include?
p (1..3).lazy.eager.class, (1..3).lazy.map { _1 * 2 }.eager.map { _1 + 1 }
p (1..3).lazy.size, (1..3).lazy.map {}.size, (1..3).lazy.select {}.size, (1..10).lazy.take(4).size
p (1..Float::INFINITY).lazy.map { _1 * 3 }.first, (1..Float::INFINITY).lazy.include?(5)
# Lazy.new
lz2 = Enumerator::Lazy.new([1, 2, 3]) { |y, v| y << v << v * 100 }
p lz2.to_a, lz2.first(3)
# external iteration of a lazy
lx = (1..Float::INFINITY).lazy.map { _1 * 5 }
p lx.next, lx.next, lx.peek
# hashes
p({ a: 1, b: 2, c: 3 }.lazy.select { |k, v| v.odd? }.map { |k, v| k }.to_a)
p (1..3).lazy.lazy.equal?(nil), [4, 5].lazy.each_with_index.to_a
begin; (1..3).lazy.map; rescue ArgumentError => e; p e.message; end
# expect: [6, 12, 18]
# expect: [10, 20]
# expect: [1, 2]
# expect: Enumerator::Lazy
# expect: Enumerator::Lazy
# expect: #<Enumerator::Lazy: 1..3>
# expect: #<Enumerator::Lazy: #<Enumerator::Lazy: 1..3>:map>
# expect: #<Enumerator::Lazy: #<Enumerator::Lazy: 1..3>:take(2)>
# expect: #<Enumerator::Lazy: #<Enumerator::Lazy: #<Enumerator::Lazy: 1..3>:select>:map>
# expect: [2, 6, 10, 14, 18]
# expect: [2, 3]
# expect: [1, -1, 2, -2, 3, -3]
# expect: [1, [2], 3]
# expect: [1, 2, 3]
# expect: [1, 2, 3, 4]
# expect: [8, 9, 10]
# expect: [8, 9, 10]
# expect: [2, 6, 10]
# expect: [3, 1, 2]
# expect: ["a", "B"]
# expect: [1, 2]
# expect: [["a", 0], ["b", 1], ["c", 2]]
# expect: ["a1", "b2", "c3"]
# expect: ["x", "y"]
# expect: [["x", 0], ["y", 1]]
# expect: [[1, 4, 7], [2, 5, nil], [3, 6, nil]]
# expect: [[2, -1], [4, -2]]
# expect: [2, 3]
# expect: ["A1", "C2"]
# expect: [1, 4]
# expect: []
# expect: false
# expect: [1, 2]
# expect: [1, 2]
# expect: [[1, 0], [2, 1], [3, 2], [4, 3]]
# expect: [[1, 0], [2, 1]]
# expect: Enumerator
# expect: [3, 5, 7]
# expect: 3
# expect: 3
# expect: nil
# expect: 4
# expect: 3
# expect: true
# expect: [1, 100, 2, 200, 3, 300]
# expect: [1, 100, 2]
# expect: 5
# expect: 10
# expect: 15
# expect: [:a, :c]
# expect: false
# expect: [[4, 0], [5, 1]]
# expect: "tried to call lazy map without a block"
