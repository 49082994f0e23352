begin
  puts "body"  # expect: body
rescue
  puts "rescue"
else
  puts "else"  # expect: else
ensure
  puts "ensure"  # expect: ensure
end
