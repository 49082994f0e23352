p (1..2 + 3).to_a  # expect: [1, 2, 3, 4, 5]
r = 1..2 + 1
p r  # expect: 1..3
