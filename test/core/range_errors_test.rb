# Range: errors
def t
  yield
rescue => e
  puts "#{e.class}: #{e.message.lines.first.chomp}"
end
t { (1..).to_a }  # expect: RangeError: cannot convert endless range to an array
t { (..1).to_a }  # expect: TypeError: can't iterate from NilClass
t { (1.0..2).to_a }  # expect: TypeError: can't iterate from Float
t { (1..2).step(0) {} }  # expect: ArgumentError: step can't be 0
t { (1..2).step(-1) {} }  # expect: ArgumentError: step can't be negative
t { (1...3.5).max }  # expect: TypeError: cannot exclude non Integer end value
t { (1.0...3).max }  # expect: TypeError: cannot exclude end value with non Integer begin value
t { (1..).max }  # expect: RangeError: cannot get the maximum of endless range
t { (..1).min }  # expect: RangeError: cannot get the minimum of beginless range
t { (..1).first }  # expect: RangeError: cannot get the first element of beginless range
t { (1..).last }  # expect: RangeError: cannot get the last element of endless range
t { (nil..1).each {} }  # expect: TypeError: can't iterate from NilClass
t { (1..2).first(-1) }  # expect: ArgumentError: negative array size (or size too big)
t { Range.new(1, "a") }  # expect: ArgumentError: bad value for range
t { (1..2).last(-1) }  # expect: ArgumentError: negative array size
