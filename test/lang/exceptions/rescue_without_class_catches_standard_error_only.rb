begin
  begin
    raise Exception, "base"
  rescue => e
    puts "should not catch"
  end
rescue Exception => e
  puts "outer caught #{e.class}"  # expect: outer caught Exception
end
