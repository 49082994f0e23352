# coercion errors and Numeric helpers on Integer
def t
  p yield
rescue Exception => e
  puts "#{e.class}: #{e.message}"
end
t { (1 + "a") }  # expect: TypeError: String can't be coerced into Integer
t { (1 + nil) }  # expect: TypeError: nil can't be coerced into Integer
t { (1 + :a) }  # expect: TypeError: :a can't be coerced into Integer
t { (1 < "a") }  # expect: ArgumentError: comparison of Integer with String failed
t { (1 <=> "a") }  # expect: nil
t { (1 == "a") }  # expect: false
t { (1.0 + "a") }  # expect: TypeError: String can't be coerced into Float
t { (1.i) }  # expect: (0+1i)
t { (1.to_c) }  # expect: (1+0i)
t { (-1.arg) }  # expect: 3.141592653589793
t { (1.polar) }  # expect: [1, 0]
t { (1.abs2) }  # expect: 1
t { (0.nonzero?) }  # expect: nil
