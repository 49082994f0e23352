# Kernel#Integer parsing
def t
  p yield
rescue Exception => e
  puts "#{e.class}: #{e.message}"
end
t { (Integer("0x1f")) }  # expect: 31
t { (Integer("0b101")) }  # expect: 5
t { (Integer("0o17")) }  # expect: 15
t { (Integer("017")) }  # expect: 15
t { (Integer("08")) }  # expect: ArgumentError: invalid value for Integer(): "08"
t { (Integer("0_7")) }  # expect: 7
t { (Integer(" 12 ")) }  # expect: 12
t { (Integer("1__2")) }  # expect: ArgumentError: invalid value for Integer(): "1__2"
t { (Integer("_12")) }  # expect: ArgumentError: invalid value for Integer(): "_12"
t { (Integer("12_")) }  # expect: ArgumentError: invalid value for Integer(): "12_"
t { (Integer("")) }  # expect: ArgumentError: invalid value for Integer(): ""
t { (Integer("z", 36)) }  # expect: 35
t { (Integer("12", 2)) }  # expect: ArgumentError: invalid value for Integer(): "12"
t { (Integer(nil)) }  # expect: TypeError: can't convert nil into Integer
t { (Integer(3.99)) }  # expect: 3
t { (Integer(Float::NAN)) }  # expect: FloatDomainError: NaN
t { (Integer("x", exception: false)) }  # expect: nil
t { (Integer(nil, exception: false)) }  # expect: nil
t { (Integer("10", 37)) }  # expect: ArgumentError: invalid radix 37
t { (Integer(1, 2)) }  # expect: ArgumentError: base specified for non string value
t { (Integer("123456789012345678901234567890")) }  # expect: 123456789012345678901234567890
t { (Integer("-0x1_f")) }  # expect: -31
