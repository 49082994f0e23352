def give
  yield [1, 2]
end
give { |a, b| p [a, b] }  # expect: [1, 2]
give { |a| p a }  # expect: [1, 2]
give { |a, | p a }  # expect: 1
