begin
  eval("1 +")
rescue SyntaxError
  puts "syntax error rescued"  # expect: syntax error rescued
end
