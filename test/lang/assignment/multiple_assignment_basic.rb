a, b, c = 1, 2, 3
p [a, b, c]  # expect: [1, 2, 3]
a, b = 1
p [a, b]  # expect: [1, nil]
a, b = [4, 5, 6]
p [a, b]  # expect: [4, 5]
