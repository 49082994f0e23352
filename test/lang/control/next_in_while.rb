i = 0
out = []
while i < 6
  i += 1
  next if i.odd?
  out << i
end
p out  # expect: [2, 4, 6]
