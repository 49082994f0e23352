# slice_when, chunk_while, slice_before, slice_after stream (endless sources, the
# block runs when the result is iterated), as CRuby's.
p [1, 2, 4, 9, 10, 11, 12, 15].slice_when { |a, b| b != a + 1 }.to_a
p [1, 2, 4, 9, 10, 11, 12, 15].chunk_while { |a, b| b == a + 1 }.to_a
p (1..).slice_when { |a, b| b % 3 == 0 }.first(3)
p (1..).chunk_while { |a, b| b % 4 != 0 }.first(2)
p %w[a b # c d # e].slice_before("#").to_a, %w[a b # c d # e].slice_after("#").to_a
p (1..).slice_before { |x| x % 5 == 0 }.first(2), (1..).slice_after(&:even?).first(3)
p [].slice_when { true }.to_a, [1].chunk_while { false }.to_a
p({a: 1, b: 2, c: 4}.slice_when { |(_, x), (_, y)| y != x + 1 }.to_a)
calls = 0
e = [1, 2, 3].slice_when { |a, b| calls += 1; false }
p calls, e.to_a, calls, e.size
p (([1].slice_before rescue $!.message)), ([1].slice_before(1) { } rescue $!.message), ([1].slice_when rescue $!.message)
p [1, 2, 3].each_slice(1).slice_when { |a, b| true }.map(&:flatten)
# expect: [[1, 2], [4], [9, 10, 11, 12], [15]]
# expect: [[1, 2], [4], [9, 10, 11, 12], [15]]
# expect: [[1, 2], [3, 4, 5], [6, 7, 8]]
# expect: [[1, 2, 3], [4, 5, 6, 7]]
# expect: [["a", "b"], ["#", "c", "d"], ["#", "e"]]
# expect: [["a", "b", "#"], ["c", "d", "#"], ["e"]]
# expect: [[1, 2, 3, 4], [5, 6, 7, 8, 9]]
# expect: [[1, 2], [3, 4], [5, 6]]
# expect: []
# expect: [[1]]
# expect: [[[:a, 1], [:b, 2]], [[:c, 4]]]
# expect: 0
# expect: [[1, 2, 3]]
# expect: 2
# expect: nil
# expect: "wrong number of arguments (given 0, expected 1)"
# expect: "wrong number of arguments (given 1, expected 0)"
# expect: "tried to create Proc object without a block"
# expect: [[1], [2], [3]]
