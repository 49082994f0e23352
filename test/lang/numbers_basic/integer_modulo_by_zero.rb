begin
  5 % 0
rescue ZeroDivisionError => e
  puts e.message  # expect: divided by 0
end
