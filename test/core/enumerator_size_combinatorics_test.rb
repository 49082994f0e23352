# Enumerator#size of Array#combination, #permutation and their repeated forms
# (counted, bignums too) and of String#each_char/each_byte/each_codepoint/
# each_grapheme_cluster, as CRuby 3.1 answers them
a = [1, 2, 3, 4]
p a.combination(2).size, a.combination(0).size, a.combination(5).size, a.combination(-1).size
p a.permutation.size, a.permutation(2).size, a.permutation(5).size, a.permutation(0).size
p a.repeated_combination(2).size, a.repeated_combination(0).size, a.repeated_combination(-1).size
p a.repeated_permutation(2).size, a.repeated_permutation(0).size, a.repeated_permutation(-1).size
p [*1..30].combination(15).size, [*1..100].permutation(50).size.to_s.size
s = "aé"
p s.each_char.size, s.each_byte.size, s.each_codepoint.size, s.each_grapheme_cluster.size, s.each_line.size
# expect: 6
# expect: 1
# expect: 0
# expect: 0
# expect: 24
# expect: 12
# expect: 0
# expect: 1
# expect: 10
# expect: 1
# expect: 0
# expect: 16
# expect: 1
# expect: 0
# expect: 155117520
# expect: 94
# expect: 2
# expect: 3
# expect: 2
# expect: 2
# expect: nil
