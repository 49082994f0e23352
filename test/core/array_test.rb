# Array: construction, element reference and assignment
p Array.new  # expect: []
p Array.new(3)  # expect: [nil, nil, nil]
p Array.new(3, 0)  # expect: [0, 0, 0]
p Array.new(3) { |i| i * i }  # expect: [0, 1, 4]
p Array.new([1, 2])  # expect: [1, 2]
p Array[1, 2, 3]  # expect: [1, 2, 3]
p Array(nil), Array([1]), Array(1..3), Array("a")
# expect: []
# expect: [1]
# expect: [1, 2, 3]
# expect: ["a"]
a = [1, 2, 3, 4, 5]
p a[0], a[-1], a[5], a[-6]
# expect: 1
# expect: 5
# expect: nil
# expect: nil
p a[1, 2], a[5, 1], a[6, 1], a[-2, 5], a[1, -1]
# expect: [2, 3]
# expect: []
# expect: nil
# expect: [4, 5]
# expect: nil
p a[1..3], a[1...3], a[3..], a[..1], a[-3..-1], a[4..10], a[5..], a[6..]
# expect: [2, 3, 4]
# expect: [2, 3]
# expect: [4, 5]
# expect: [1, 2]
# expect: [3, 4, 5]
# expect: [5]
# expect: []
# expect: nil
p a.at(2), a.slice(1, 2), a.first, a.last, a.first(2), a.last(2), a.first(10)
# expect: 3
# expect: [2, 3]
# expect: 1
# expect: 5
# expect: [1, 2]
# expect: [4, 5]
# expect: [1, 2, 3, 4, 5]
p a.values_at(0, 2, 4, 10), a.values_at(1..2), a.values_at(3..6)
# expect: [1, 3, 5, nil]
# expect: [2, 3]
# expect: [4, 5, nil, nil]
p a.dig(0), [[1, [2, 3]]].dig(0, 1, 0)
# expect: 1
# expect: 2
p a.fetch(1), a.fetch(-1), a.fetch(10, :none), a.fetch(10) { |i| i * 2 }
# expect: 2
# expect: 5
# expect: :none
# expect: 20
b = [1, 2, 3]
b[5] = 6
p b  # expect: [1, 2, 3, nil, nil, 6]
b[0, 2] = [:a, :b, :c]
p b  # expect: [:a, :b, :c, 3, nil, nil, 6]
b[1..2] = 9
p b  # expect: [:a, 9, 3, nil, nil, 6]
b[-1] = :last
p b  # expect: [:a, 9, 3, nil, nil, :last]
b[10..] = [1]
p b  # expect: [:a, 9, 3, nil, nil, :last, nil, nil, nil, nil, 1]
c = [1, 2, 3]
c[1, 0] = [7, 8]
p c  # expect: [1, 7, 8, 2, 3]
c[0...0] = 0
p c  # expect: [0, 1, 7, 8, 2, 3]
c[1..] = []
p c  # expect: [0]
d = []
d << 1 << 2
d.push(3, 4)
d.append(5)
p d, d.pop, d.pop(2), d
# expect: [1, 2]
# expect: 5
# expect: [3, 4]
# expect: [1, 2]
d.unshift(0).prepend(-1)
p d, d.shift, d.shift(2), d
# expect: [2]
# expect: -1
# expect: [0, 1]
# expect: [2]
e = [1, 2, 3]
p e.insert(1, :x), e.insert(-2, :y), e.insert(10, :z)
# expect: [1, :x, 2, :y, 3, nil, nil, nil, nil, nil, :z]
# expect: [1, :x, 2, :y, 3, nil, nil, nil, nil, nil, :z]
# expect: [1, :x, 2, :y, 3, nil, nil, nil, nil, nil, :z]
p [1, 2].concat([3], [4, 5]), [1, 2] + [3], [1, 2] * 2, [1, 2] * ", "
# expect: [1, 2, 3, 4, 5]
# expect: [1, 2, 3]
# expect: [1, 2, 1, 2]
# expect: "1, 2"
f = [1, 2]
f.concat(f)
p f  # expect: [1, 2, 1, 2]
p [1, 2, 3].length, [].size, [].empty?, [nil].empty?
# expect: 3
# expect: 0
# expect: true
# expect: false
p [1, 2, 3].include?(2), [1, 2, 3].member?(4)
# expect: true
# expect: false
p [1, 2, 3].clear, [1, 2, 3].replace([4])
# expect: []
# expect: [4]
p [1, 2, 3].fill(0), [1, 2, 3].fill(0, 1), [1, 2, 3].fill(0, 1, 1), [1, 2, 3].fill { |i| i * 10 }
# expect: [0, 0, 0]
# expect: [1, 0, 0]
# expect: [1, 0, 3]
# expect: [0, 10, 20]
p [1, 2, 3].fill(7, 5, 2), [1, 2, 3].fill(:x, 1..1), [1, 2, 3].fill(-1) { |i| i }
# expect: [1, 2, 3, nil, nil, 7, 7]
# expect: [1, :x, 3]
# expect: [1, 2, 2]
p [1, nil, 2, nil].compact, [1, 2].compact!, [nil].compact!
# expect: [1, 2]
# expect: nil
# expect: []
p [[1, [2, [3, [4]]]]].flatten, [[1, [2, [3, [4]]]]].flatten(1), [1, 2].flatten!, [1, [2]].flatten!
# expect: [1, 2, 3, 4]
# expect: [1, [2, [3, [4]]]]
# expect: nil
# expect: [1, 2]
p [1, 2, 3].reverse, [1, 2, 3].rotate, [1, 2, 3].rotate(-1), [1, 2, 3].rotate(5), [].rotate
# expect: [3, 2, 1]
# expect: [2, 3, 1]
# expect: [3, 1, 2]
# expect: [3, 1, 2]
# expect: []
p [1, 2, 3, 2].index(2), [1, 2, 3, 2].rindex(2), [1, 2, 3].index { |x| x > 1 }, [1, 2].find_index(5)
# expect: 1
# expect: 3
# expect: 1
# expect: nil
p [1, 2, 3, 2].delete(2), [1, 2].delete(5), [1, 2].delete(5) { :nf }
# expect: 2
# expect: nil
# expect: :nf
g = [1, 2, 3, 2]
g.delete(2)
p g  # expect: [1, 3]
p [1, 2, 3].delete_at(1), [1, 2, 3].delete_at(5)
# expect: 2
# expect: nil
h = [1, 2, 3, 4, 5]
p h.slice!(1, 2), h, h.slice!(0), h, h.slice!(1..), h
# expect: [2, 3]
# expect: [4]
# expect: 1
# expect: [4]
# expect: [5]
# expect: [4]
p [[1, :a], [2, :b]].assoc(2), [[1, :a], [2, :b]].rassoc(:a), [[1, :a]].assoc(3)
# expect: [2, :b]
# expect: [1, :a]
# expect: nil
p [1, 2, 2, 3].count, [1, 2, 2, 3].count(2), [1, 2, 3].count(&:odd?)
# expect: 4
# expect: 2
# expect: 2
p [1, 2, 3].take(2), [1, 2, 3].drop(1), [1, 2, 3, 1].take_while { |x| x < 3 }, [1, 2, 3, 1].drop_while { |x| x < 3 }
# expect: [1, 2]
# expect: [2, 3]
# expect: [1, 2]
# expect: [3, 1]
p [[1, 2], [3, 4]].to_h, [1, 2].to_h { |x| [x, x * 2] }
# expect: {1=>2, 3=>4}
# expect: {1=>2, 2=>4}
p [1, 2] <=> [1, 3], [1, 2] <=> [1, 2], [1, 2, 3] <=> [1, 2], [1] <=> ["a", 2].first(0), [1, 2] <=> 5
# expect: -1
# expect: 0
# expect: 1
# expect: 1
# expect: nil
p [1, 2] == [1, 2], [1, 2] == [1, 2.0], [1, 2].eql?([1, 2.0]), [1, 2].eql?([1, 2])
# expect: true
# expect: true
# expect: false
# expect: true
p [1, [2, "a"]].hash == [1, [2, "a"]].hash, [1, 2].hash == [2, 1].hash
# expect: true
# expect: false
p [1, "a", :b, nil, 2.5, [3]].inspect, [1, "a", :b, nil].to_s
# expect: "[1, \"a\", :b, nil, 2.5, [3]]"
# expect: "[1, \"a\", :b, nil]"
r = [1, 2]
r << r
p r  # expect: [1, 2, [...]]
p r.to_s  # expect: "[1, 2, [...]]"
p [1, [2, [3]]].join, [1, [2, [3]]].join("-"), [1, nil, "a", :b].join(","), [].join
# expect: "123"
# expect: "1-2-3"
# expect: "1,,a,b"
# expect: ""
p [1, 2, 3].to_a.equal?([1, 2, 3]), [3, 1].to_ary
# expect: false
# expect: [3, 1]
p [1, 2, 3].frozen?, [1, 2].freeze.frozen?
# expect: false
# expect: true
x = [1, 2]
y = x.dup
y << 3
p x, y
# expect: [1, 2]
# expect: [1, 2, 3]
