def forever(n) = forever(n + 1)
begin
  forever(0)
rescue SystemStackError => e
  p e.class  # expect: SystemStackError
  puts e.message  # expect: stack level too deep
end
