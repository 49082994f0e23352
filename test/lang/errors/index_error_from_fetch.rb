begin
  [1, 2].fetch(10)
rescue IndexError => e
  puts e.message  # expect: index 10 outside of array bounds: -2...2
end
