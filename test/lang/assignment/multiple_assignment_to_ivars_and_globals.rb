@a, $b = 1, 2
p @a  # expect: 1
p $b  # expect: 2
