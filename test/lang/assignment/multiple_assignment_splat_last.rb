a, *b = 1, 2, 3, 4
p a  # expect: 1
p b  # expect: [2, 3, 4]
*c, d = 1, 2, 3
p c  # expect: [1, 2]
p d  # expect: 3
