def pair
  yield 1, 2
end
pair { |a| p a }  # expect: 1
pair { |a, b, c| p [a, b, c] }  # expect: [1, 2, nil]
