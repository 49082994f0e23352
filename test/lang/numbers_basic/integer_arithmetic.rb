p 7 + 3  # expect: 10
p 7 - 10  # expect: -3
p 6 * 7  # expect: 42
p 2 ** 10  # expect: 1024
p 10 - 2 - 3  # expect: 5
p -(-4)  # expect: 4
