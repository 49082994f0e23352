p 2 ** 3 ** 2  # expect: 512
p (2 ** 3) ** 2  # expect: 64
p 10 ** 0  # expect: 1
