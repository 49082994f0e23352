[1, 2].each do |x|
  begin
    next if x == 1
    puts "body #{x}"
  ensure
    puts "ensure #{x}"
  end
end
loop do
  begin
    break
  ensure
    puts "ensure on break"
  end
end

# expect: ensure 1
# expect: body 2
# expect: ensure 2
# expect: ensure on break
