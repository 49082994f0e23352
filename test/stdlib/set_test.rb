# set.rb from CRuby's standard library: construction, algebra, predicates, inspect
require "set"
s = Set.new([3, 1, 2, 3])
p s
p s.size, s.include?(2), s.member?(5)
s << 5
s.add(1)
p s.to_a.sort
p s | Set[9], s & Set[1, 2, 7], s - Set[1], s ^ Set[1, 10]
p s.subset?(Set[1, 2, 3, 5, 8]), Set[1].proper_subset?(s), s.superset?(Set[1])
p s.map { |x| x * 2 }.class
p s.select(&:odd?)
p Set[1, 2] == Set[2, 1], Set[[1, 2]].include?([1, 2])
h = {}
h[Set[1]] = :a
p h[Set[1]]
p [1, 2, 2].to_set
p s.group_by(&:odd?).keys
p s.partition(&:even?)
s.delete(5)
p s, s.frozen?, s.empty?, Set.new.empty?
p Set[1, 2, 3].classify(&:odd?)
p Set[3, 1].sort, Set[1, 2].inspect, Set[1, 2].to_s
p Set[1,2,3].divide { |a, b| (a - b).abs == 1 }.size
p s.each_slice(2).to_a
p Set[1, [2, 3]].flatten rescue p $!
p Set[1, Set[2, 3]].flatten
p s.disjoint?(Set[100]), s.intersect?(Set[1])
p Set[1,2].add?(2), Set[1,2].add?(3)
p Set[1,2,3].delete_if(&:even?)
p Set[1,2,3].min, Set[1,2].sum

# expect: #<Set: {3, 1, 2}>
# expect: 3
# expect: true
# expect: false
# expect: [1, 2, 3, 5]
# expect: #<Set: {3, 1, 2, 5, 9}>
# expect: #<Set: {1, 2}>
# expect: #<Set: {3, 2, 5}>
# expect: #<Set: {10, 3, 2, 5}>
# expect: true
# expect: true
# expect: true
# expect: Array
# expect: [3, 1, 5]
# expect: true
# expect: true
# expect: :a
# expect: #<Set: {1, 2}>
# expect: [true, false]
# expect: [[2], [3, 1, 5]]
# expect: #<Set: {3, 1, 2}>
# expect: false
# expect: false
# expect: true
# expect: {true=>#<Set: {1, 3}>, false=>#<Set: {2}>}
# expect: [1, 3]
# expect: "#<Set: {1, 2}>"
# expect: "#<Set: {1, 2}>"
# expect: 1
# expect: [[3, 1], [2]]
# expect: #<Set: {1, [2, 3]}>
# expect: #<Set: {1, 2, 3}>
# expect: true
# expect: true
# expect: nil
# expect: #<Set: {1, 2, 3}>
# expect: #<Set: {1, 3}>
# expect: 1
# expect: 3
