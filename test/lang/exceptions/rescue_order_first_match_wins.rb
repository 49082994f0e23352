begin
  raise ZeroDivisionError, "zero"
rescue StandardError
  puts "standard"  # expect: standard
rescue ZeroDivisionError
  puts "zero"
end
