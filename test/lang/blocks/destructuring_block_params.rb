pairs = [[1, [2, 3]], [4, [5, 6]]]
pairs.each { |a, (b, c)| p [a, b, c] }
[[1, 2], [3, 4]].each_with_index { |(a, b), i| p [a, b, i] }

# expect: [1, 2, 3]
# expect: [4, 5, 6]
# expect: [1, 2, 0]
# expect: [3, 4, 1]
