def append(x, list = [])
  list << x
end
p append(1)  # expect: [1]
p append(2)  # expect: [2]
