def f(a, *rest, z)
  [a, rest, z]
end
p f(1, 2)  # expect: [1, [], 2]
p f(1, 2, 3, 4)  # expect: [1, [2, 3], 4]
