p 1_000_000  # expect: 1000000
p 1_2_3  # expect: 123
p -42  # expect: -42
p 0  # expect: 0
