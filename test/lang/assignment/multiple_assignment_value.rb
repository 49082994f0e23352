r = (a, b = 3, 4)
p r  # expect: [3, 4]
p (x, y = [1, 2])  # expect: [1, 2]
