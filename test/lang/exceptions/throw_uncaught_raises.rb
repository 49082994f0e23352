begin
  throw :nobody
rescue UncaughtThrowError => e
  p e.class  # expect: UncaughtThrowError
  puts e.message  # expect: uncaught throw :nobody
end
