p 7 / 2  # expect: 3
p -7 / 2  # expect: -4
p 7 % 3  # expect: 1
p -7 % 3  # expect: 2
p 7.fdiv(2)  # expect: 3.5
p 7.divmod(-2)  # expect: [-4, -1]
