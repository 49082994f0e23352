a = 2 ** 80
b = 3 ** 50
p a < b  # expect: false
p a + b  # expect: 1926823807306481763476425
p b - a  # expect: -491027831922776585935927
p a * 2 == a + a  # expect: true
p (a / 1024) == 2 ** 70  # expect: true
