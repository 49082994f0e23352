def h(a, b = 2, *c, d)
  [a, b, c, d]
end
p h(1, 9)  # expect: [1, 2, [], 9]
p h(1, 2, 3)  # expect: [1, 2, [], 3]
p h(1, 2, 3, 4, 5)  # expect: [1, 2, [3, 4], 5]
