def double(x) = x * 2
p [1, 2, 3].map(&method(:double))  # expect: [2, 4, 6]
