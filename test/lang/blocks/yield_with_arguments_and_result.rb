def transform(x)
  yield(x, x + 1)
end
p transform(3) { |a, b| a * b }  # expect: 12
