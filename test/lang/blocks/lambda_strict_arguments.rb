l = ->(a, b) { [a, b] }
p l.call(1, 2)  # expect: [1, 2]
begin
  l.call(1)
rescue ArgumentError => e
  puts e.message  # expect: wrong number of arguments (given 1, expected 2)
end
