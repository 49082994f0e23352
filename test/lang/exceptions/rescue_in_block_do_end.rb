r = [1, 0, 2].map do |x|
  10 / x
rescue ZeroDivisionError
  :inf
end
p r  # expect: [10, :inf, 5]
