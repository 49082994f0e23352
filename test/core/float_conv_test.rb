# Kernel#Float parsing
def t
  p yield
rescue Exception => e
  puts "#{e.class}: #{e.message}"
end
t { (Float("1.5")) }  # expect: 1.5
t { (Float(" 1_000.5 ")) }  # expect: 1000.5
t { (Float("1__0")) }  # expect: ArgumentError: invalid value for Float(): "1__0"
t { (Float("1e")) }  # expect: ArgumentError: invalid value for Float(): "1e"
t { (Float(".5")) }  # expect: 0.5
t { (Float("5.")) }  # expect: ArgumentError: invalid value for Float(): "5."
t { (Float("0x1A")) }  # expect: 26.0
t { (Float("0x1.8p1")) }  # expect: 3.0
t { (Float("1e400")) }  # expect: Infinity
t { (Float("Infinity")) }  # expect: ArgumentError: invalid value for Float(): "Infinity"
t { (Float("")) }  # expect: ArgumentError: invalid value for Float(): ""
t { (Float("1.5x", exception: false)) }  # expect: nil
t { (Float(nil)) }  # expect: TypeError: can't convert nil into Float
t { (Float(3)) }  # expect: 3.0
t { (Float(2 ** 70)) }  # expect: 1.1805916207174113e+21
t { (Float("1e5_0")) }  # expect: 1.0e+50
t { (Float("+.5")) }  # expect: 0.5
t { (Float("010")) }  # expect: 10.0
