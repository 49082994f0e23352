def kw(a:, b: 2)
  [a, b]
end
h = { a: 1, b: 5 }
p kw(**h)  # expect: [1, 5]
p kw(**{ a: 9 })  # expect: [9, 2]
