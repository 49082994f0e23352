begin
  [1, 2].freeze << 3
rescue FrozenError => e
  puts e.message  # expect: can't modify frozen Array: [1, 2]
end
begin
  { a: 1 }.freeze[:b] = 2
rescue FrozenError => e
  puts e.message  # expect: can't modify frozen Hash: {:a=>1}
end
