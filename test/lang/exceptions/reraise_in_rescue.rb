def inner
  raise "inner problem"
rescue => e
  puts "logging #{e.message}"  # expect: logging inner problem
  raise
end
begin
  inner
rescue => e
  puts "outer got #{e.message}"  # expect: outer got inner problem
end
