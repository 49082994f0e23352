a, (b, c), d = 1, [2, 3], 4
p [a, b, c, d]  # expect: [1, 2, 3, 4]
x, (y, *z) = 1, [2, 3, 4]
p [x, y, z]  # expect: [1, 2, [3, 4]]
