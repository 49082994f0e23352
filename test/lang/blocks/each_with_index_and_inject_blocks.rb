sum = 0
[10, 20, 30].each_with_index { |v, i| sum += v * i }
p sum  # expect: 80
p [1, 2, 3, 4].inject(0) { |acc, v| acc + v * v }  # expect: 30
p [1, 2, 3].reduce(10) { |a, b| a - b }  # expect: 4
