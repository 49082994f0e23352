def add(a, b)
  a + b
end
p add(2, 3)  # expect: 5
p add("x", "y")  # expect: "xy"
