i = 0
r = loop do
  i += 1
  break i * 100 if i == 3
end
p r  # expect: 300
