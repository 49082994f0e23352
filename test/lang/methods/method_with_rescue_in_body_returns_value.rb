def safe_div(a, b)
  a / b
rescue ZeroDivisionError
  :inf
end
p safe_div(6, 3)  # expect: 2
p safe_div(1, 0)  # expect: :inf
