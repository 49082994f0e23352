begin
  puts "body"  # expect: body
  raise "boom"
  puts "not reached"
rescue => e
  puts "rescue #{e.message}"  # expect: rescue boom
else
  puts "else"
ensure
  puts "ensure"  # expect: ensure
end
