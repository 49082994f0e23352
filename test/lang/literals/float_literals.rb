p 1.5  # expect: 1.5
p -0.25  # expect: -0.25
p 1e3  # expect: 1000.0
p 2.5e-3  # expect: 0.0025
p 1_000.5  # expect: 1000.5
p 1.0e20  # expect: 1.0e+20
p 1.0e+16  # expect: 1.0e+16
p 100.0  # expect: 100.0
