arr = [2, 3]
a, b, c = 1, *arr
p [a, b, c]  # expect: [1, 2, 3]
first, = [9, 8]
p first  # expect: 9
