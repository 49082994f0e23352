r = [1, 2].map do |x|
  y = x + 1
  y * y
end
p r  # expect: [4, 9]
