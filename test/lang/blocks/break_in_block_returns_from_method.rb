def each_twice
  yield 1
  yield 2
  :finished
end
r = each_twice do |x|
  break :broke if x == 1
end
p r  # expect: :broke
r = each_twice { |x| x }
p r  # expect: :finished
