attempts = 0
begin
  attempts += 1
  raise "fail" if attempts < 3
  puts "succeeded after #{attempts}"  # expect: succeeded after 3
rescue
  retry
end
