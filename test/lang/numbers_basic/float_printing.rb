p 1.5  # expect: 1.5
p 1.0  # expect: 1.0
p 2.0 / 3  # expect: 0.6666666666666666
p 0.1 + 0.2  # expect: 0.30000000000000004
p 1.0e20  # expect: 1.0e+20
p 1.0e16  # expect: 1.0e+16
p 1.0e15  # expect: 1.0e+15
p 123456789.123  # expect: 123456789.123
p 1e-5  # expect: 1.0e-05
p 0.0001  # expect: 0.0001
p -0.0  # expect: -0.0
p 100.0 / 3  # expect: 33.333333333333336
