# Rational#round/floor/ceil/truncate take an Integer digit count only
def t
  puts yield.inspect
rescue => e
  puts "#{e.class}: #{e.message}"
end
r = 10r / 3
t { r.round(1.5) }
t { r.floor(nil) }
t { r.ceil("1") }
t { r.truncate(1.0) }
t { r.round("1", half: :up) }
t { r.round(1, half: :up) }
t { r.round(half: :even) }
t { r.ceil(-1) }
t { (-7r / 2).round(0, half: :down) }

# expect: TypeError: not an integer
# expect: TypeError: not an integer
# expect: TypeError: not an integer
# expect: TypeError: not an integer
# expect: TypeError: not an integer
# expect: (33/10)
# expect: 3
# expect: 10
# expect: -3
