a, *b, c = 1, 2, 3, 4, 5
p [a, b, c]  # expect: [1, [2, 3, 4], 5]
a, *b, c = 1, 2
p [a, b, c]  # expect: [1, [], 2]
