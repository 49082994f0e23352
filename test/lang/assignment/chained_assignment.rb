a = b = c = 7
p [a, b, c]  # expect: [7, 7, 7]
a += 1
p [a, b]  # expect: [8, 7]
