begin
  begin
    puts "inner body"  # expect: inner body
  ensure
    puts "inner ensure"  # expect: inner ensure
  end
ensure
  puts "outer ensure"  # expect: outer ensure
end
