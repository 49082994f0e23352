def five = 5
p -five  # expect: -5
p -five.abs  # expect: -5
p(-5.abs)  # expect: 5
