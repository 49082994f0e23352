p 7.0 / 2  # expect: 3.5
p 7 / 2.0  # expect: 3.5
p 3.7.floor  # expect: 3
p 3.2.ceil  # expect: 4
p 3.5.round  # expect: 4
p -3.5.round  # expect: -4
p 3.99.to_i  # expect: 3
p 10.to_f  # expect: 10.0
p 2 ** 0.5  # expect: 1.4142135623730951
p 5.fdiv(4)  # expect: 1.25
