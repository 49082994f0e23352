def depth(n)
  return 0 if n == 0
  depth(n - 1) + 1
end
p depth(10000)  # expect: 10000
