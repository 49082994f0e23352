begin
  raise 42
rescue TypeError => e
  puts e.message  # expect: exception class/object expected
end
