r = [1, 2, 3].map do |x|
  next 0 if x == 2
  x * 10
end
p r  # expect: [10, 0, 30]
