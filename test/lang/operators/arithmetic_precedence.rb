p 2 + 3 * 4  # expect: 14
p (2 + 3) * 4  # expect: 20
p 10 - 4 - 3  # expect: 3
p 2 * 3 % 4  # expect: 2
p 1 + 2 * 3 - 4 / 2  # expect: 5
