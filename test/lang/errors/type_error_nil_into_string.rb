begin
  "a" + nil
rescue TypeError => e
  puts e.message  # expect: no implicit conversion of nil into String
end
begin
  [1, 2].first("x")
rescue TypeError => e
  puts e.message  # expect: no implicit conversion of String into Integer
end
