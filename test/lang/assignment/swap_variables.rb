a = 1
b = 2
a, b = b, a
p [a, b]  # expect: [2, 1]
x, y, z = 1, 2, 3
x, y, z = z, x, y
p [x, y, z]  # expect: [3, 1, 2]
