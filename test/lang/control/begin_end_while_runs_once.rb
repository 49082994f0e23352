i = 10
begin
  puts "body #{i}"  # expect: body 10
  i += 1
end while i < 5
p i  # expect: 11
