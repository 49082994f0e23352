p 1 == 1.0  # expect: true
p 1 < 1.5  # expect: true
p 2 ** 70 > 1.0e20  # expect: true
p 3 <=> 3.0  # expect: 0
p [3, 1.5, 2].sort  # expect: [1.5, 2, 3]
p [3, 1.5, 2].max  # expect: 3
