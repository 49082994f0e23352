r = loop do
  raise StopIteration
end
p r  # expect: nil
