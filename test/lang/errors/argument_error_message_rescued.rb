def pair(a, b); end
begin
  pair(1)
rescue ArgumentError => e
  puts e.message  # expect: wrong number of arguments (given 1, expected 2)
end
begin
  pair(1, 2, 3)
rescue ArgumentError => e
  puts e.message  # expect: wrong number of arguments (given 3, expected 2)
end
