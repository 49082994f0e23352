p ->() { }.arity  # expect: 0
p ->(x) { }.arity  # expect: 1
p ->(x, y) { }.arity  # expect: 2
p ->(*x) { }.arity  # expect: -1
p ->(x, *y) { }.arity  # expect: -2
p ->(x, y = 1) { }.arity  # expect: -2
p ->(k:) { }.arity  # expect: 1
