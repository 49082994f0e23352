p 6 & 3  # expect: 2
p 6 | 3  # expect: 7
p 6 ^ 3  # expect: 5
p ~5  # expect: -6
p 1 << 4  # expect: 16
p 256 >> 2  # expect: 64
p -8 >> 1  # expect: -4
