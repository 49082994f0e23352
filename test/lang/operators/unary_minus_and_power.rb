p -2 ** 2  # expect: -4
p (-2) ** 2  # expect: 4
x = 3
p -x  # expect: -3
p(-x * 2)  # expect: -6
p +x  # expect: 3
