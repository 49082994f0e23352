def two(a, b) = a * b
p two 3, 4  # expect: 12
puts [1, 2].include? 2  # expect: true
