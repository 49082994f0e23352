def last(x, y)
  [x, y]
end
p last(1, a: 2, b: 3)  # expect: [1, {:a=>2, :b=>3}]
