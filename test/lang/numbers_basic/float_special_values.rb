p 1.0 / 0  # expect: Infinity
p -1.0 / 0  # expect: -Infinity
p (0.0 / 0.0).nan?  # expect: true
p 1.0 / 0 == Float::INFINITY  # expect: true
