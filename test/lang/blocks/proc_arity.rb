p proc { }.arity  # expect: 0
p proc { |x| }.arity  # expect: 1
p proc { |x, y| }.arity  # expect: 2
p proc { |*x| }.arity  # expect: -1
p proc { |x, *y| }.arity  # expect: -2
p proc { |x = 1| }.arity  # expect: 0
