s = "abc".freeze
begin
  s << "d"
rescue FrozenError => e
  p e.class  # expect: FrozenError
  puts e.message  # expect: can't modify frozen String: "abc"
end
a = [1].freeze
begin
  a << 2
rescue => e
  puts e.message  # expect: can't modify frozen Array: [1]
end
