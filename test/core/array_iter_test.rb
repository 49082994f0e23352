# Array: iteration methods, with and without blocks
a = [1, 2, 3]
out = []
a.each { |x| out << x }
p out  # expect: [1, 2, 3]
out = []
a.each_with_index { |x, i| out << [x, i] }
p out  # expect: [[1, 0], [2, 1], [3, 2]]
out = []
a.each_index { |i| out << i }
p out  # expect: [0, 1, 2]
out = []
a.reverse_each { |x| out << x }
p out  # expect: [3, 2, 1]
p a.map { |x| x * 2 }, a.collect(&:to_s), a.flat_map { |x| [x, x] }, a.flat_map { |x| x }
# expect: [2, 4, 6]
# expect: ["1", "2", "3"]
# expect: [1, 1, 2, 2, 3, 3]
# expect: [1, 2, 3]
p a.select(&:odd?), a.filter { |x| x > 1 }, a.reject(&:odd?), a.filter_map { |x| x * 3 if x.odd? }
# expect: [1, 3]
# expect: [2, 3]
# expect: [2]
# expect: [3, 9]
b = [1, 2, 3, 4]
p b.map! { |x| x + 1 }, b
# expect: [2, 3, 4, 5]
# expect: [2, 3, 4, 5]
p b.select! { |x| x.even? }, b, b.select! { true }
# expect: [2, 4]
# expect: [2, 4]
# expect: nil
p b.reject! { |x| x > 3 }, b, b.reject! { false }
# expect: [2]
# expect: [2]
# expect: nil
c = [1, 2, 3, 4, 5, 6]
p c.keep_if(&:even?), c
# expect: [2, 4, 6]
# expect: [2, 4, 6]
p c.delete_if { |x| x == 4 }, c
# expect: [2, 6]
# expect: [2, 6]
p [1, 2, 3].each_slice(2).to_a, [1, 2, 3].each_cons(2).to_a
# expect: [[1, 2], [3]]
# expect: [[1, 2], [2, 3]]
[1, 2, 3, 4, 5].each_slice(2) { |s| p s }
# expect: [1, 2]
# expect: [3, 4]
# expect: [5]
[1, 2, 3].each_cons(2) { |s| p s }
# expect: [1, 2]
# expect: [2, 3]
p [1, 2, 3].inject(:+), [1, 2, 3].inject(10, :+), [1, 2, 3].inject { |s, x| s * x }, [1, 2, 3].reduce(2) { |s, x| s + x }
# expect: 6
# expect: 16
# expect: 6
# expect: 8
p [].inject(:+), [5].inject { |s, x| s + x }, ["a", "b"].inject(:+)
# expect: nil
# expect: 5
# expect: "ab"
p [1, 2, 3].any?, [nil, false].any?, [1, 2].any? { |x| x > 1 }, [1, "a"].any?(String)
# expect: true
# expect: false
# expect: true
# expect: true
p [1, 2].all?, [1, nil].all?, [].all?, [1, 2].all?(Integer), [1, 2].all? { |x| x > 1 }
# expect: true
# expect: false
# expect: true
# expect: true
# expect: false
p [nil].none?, [1].none?, [1, 2].none?(3..4), [1, 2].one?, [1, nil].one?, [1, 2].one?(1)
# expect: true
# expect: false
# expect: true
# expect: false
# expect: true
# expect: true
p [1, 2, 3].cycle.first(7)  # expect: [1, 2, 3, 1, 2, 3, 1]
n = 0
[1, 2].cycle(2) { |x| n += x }
p n  # expect: 6
e = [1, 2, 3].each
p e.class, e.to_a, e.size
# expect: Enumerator
# expect: [1, 2, 3]
# expect: 3
p [1, 2, 3].map.with_index { |x, i| x * i }  # expect: [0, 2, 6]
p [1, 2, 3].each.with_index(1).to_a  # expect: [[1, 1], [2, 2], [3, 3]]
p [1, 2, 3].each_with_index.map { |x, i| x + i }  # expect: [1, 3, 5]
p [1, 2, 3].select.with_index { |x, i| i > 0 }  # expect: [2, 3]
p [4, 5].each_with_object([]) { |x, acc| acc << x * 2 }  # expect: [8, 10]
p [[1, 2], [3, 4]].map { |a, b| a + b }  # expect: [3, 7]
p [1, 2, 3].sum, [1, 2, 3].sum { |x| x * 10 }, [0.1, 0.2, 0.3].sum, [1, 2.5].sum, [[1], [2]].sum([])
# expect: 6
# expect: 60
# expect: 0.6
# expect: 3.5
# expect: [1, 2]
p ["a", "b"].sum(""), [1e100, 1.0, -1e100].sum, [3, 5].sum(0.0), [1, 2**64].sum
# expect: "ab"
# expect: 1.0
# expect: 8.0
# expect: 18446744073709551617
p [3, 1, 2].min, [3, 1, 2].max, [3, 1, 2].min(2), [3, 1, 2].max(2), ["bb", "a"].max_by(&:size)
# expect: 1
# expect: 3
# expect: [1, 2]
# expect: [3, 2]
# expect: "bb"
p [3, 1, 2].minmax, %w[aa b ccc].min_by(&:size), %w[aa b ccc].minmax_by(&:size), [].min, [].max(1)
# expect: [1, 3]
# expect: "b"
# expect: ["b", "ccc"]
# expect: nil
# expect: []
p [3, 1, 2].min { |a, b| b <=> a }, [1.5, 1, 3].max, [2, 1.5].min
# expect: 3
# expect: 3
# expect: 1.5
