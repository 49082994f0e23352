def g(a, b = :b, c)
  [a, b, c]
end
p g(1, 2)  # expect: [1, :b, 2]
p g(1, 2, 3)  # expect: [1, 2, 3]
