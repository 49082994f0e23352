# Array: sorting, set operations, combinatorics
p [3, 1, 2].sort, [3, 1, 2].sort { |a, b| b <=> a }, %w[b c a].sort, [2.5, 1, 3].sort
# expect: [1, 2, 3]
# expect: [3, 2, 1]
# expect: ["a", "b", "c"]
# expect: [1, 2.5, 3]
p [[2, 1], [1, 2], [1, 1]].sort, ["b", "B", "a"].sort_by(&:downcase), [3, 1, 2].sort_by { |x| -x }
# expect: [[1, 1], [1, 2], [2, 1]]
# expect: ["a", "b", "B"]
# expect: [3, 2, 1]
s = [3, 1, 2]
s.sort!
p s  # expect: [1, 2, 3]
s.sort_by! { |x| -x }
p s  # expect: [3, 2, 1]
p [1, 2, 2, 3, 1].uniq, [1, 2, 3, 4].uniq { |x| x % 2 }, [1, 1].uniq!, [1, 2].uniq!
# expect: [1, 2, 3]
# expect: [1, 2]
# expect: [1]
# expect: nil
p [1, 2, 3, 2] - [2], [1, 2, 3] & [2, 3, 4], [1, 2] | [2, 3], [1, 1, 2] & [1], [1, 2, 2] | [3, 3]
# expect: [1, 3]
# expect: [2, 3]
# expect: [1, 2, 3]
# expect: [1]
# expect: [1, 2, 3]
p [1, 2, 3].difference([1], [3]), [1, 2, 3].intersection([2, 3], [3]), [1].union([2], [1, 3])
# expect: [2]
# expect: [3]
# expect: [1, 2, 3]
p [1, 2].intersect?([2, 3]), [1, 2].intersect?([3])
# expect: true
# expect: false
p [1, 2].zip([3, 4], [5]), [1, 2].zip, [1, 2, 3].zip(1..2)
# expect: [[1, 3, 5], [2, 4, nil]]
# expect: [[1], [2]]
# expect: [[1, 1], [2, 2], [3, nil]]
p [1, 2].product([3, 4]), [1, 2].product, [1, 2].product([]), [1].product([2], [3, 4])
# expect: [[1, 3], [1, 4], [2, 3], [2, 4]]
# expect: [[1], [2]]
# expect: []
# expect: [[1, 2, 3], [1, 2, 4]]
p [1, 2, 3].combination(2).to_a, [1, 2, 3].combination(0).to_a, [1, 2].combination(3).to_a
# expect: [[1, 2], [1, 3], [2, 3]]
# expect: [[]]
# expect: []
p [1, 2, 3].permutation(2).to_a, [1, 2, 3].permutation.to_a.size, [1, 2].permutation(0).to_a
# expect: [[1, 2], [1, 3], [2, 1], [2, 3], [3, 1], [3, 2]]
# expect: 6
# expect: [[]]
p [1, 2].repeated_combination(2).to_a, [1, 2].repeated_permutation(2).to_a
# expect: [[1, 1], [1, 2], [2, 2]]
# expect: [[1, 1], [1, 2], [2, 1], [2, 2]]
p [[1, 2], [3, 4], [5, 6]].transpose, [].transpose
# expect: [[1, 3, 5], [2, 4, 6]]
# expect: []
p [1, 3, 5, 7].bsearch { |x| x >= 4 }, [1, 3, 5].bsearch { |x| x >= 10 }, [1, 3, 5, 7].bsearch { |x| 5 <=> x }
# expect: 5
# expect: nil
# expect: 5
p [1, 3, 5, 7].bsearch_index { |x| x >= 4 }  # expect: 2
p [1, 2, 3, 4].partition(&:even?), [1, 2, 3].group_by(&:odd?), %w[a b a].tally
# expect: [[2, 4], [1, 3]]
# expect: {true=>[1, 3], false=>[2]}
# expect: {"a"=>2, "b"=>1}
p [1, 2, 3].shuffle.sort, [1, 2, 3].sample.class, [1, 2, 3].sample(2).size, [].sample, [1, 2].sample(5).sort
# expect: [1, 2, 3]
# expect: Integer
# expect: 2
# expect: nil
# expect: [1, 2]
p [1, 2, 3].shuffle(random: Random.new(1)).size  # expect: 3
p [65, 66].pack("C*"), [1, 2].pack("s*").bytesize
# expect: "AB"
# expect: 4
