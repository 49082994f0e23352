# Float arithmetic, modulo, to_s formatting, predicates, comparison with Integer
def t
  p yield
rescue Exception => e
  puts "#{e.class}: #{e.message}"
end
t { (1e20.to_i) }  # expect: 100000000000000000000
t { (-1e20.to_i) }  # expect: -100000000000000000000
t { (1.5e300.to_i.to_s.size) }  # expect: 301
t { (7.0 % 0.0) }  # expect: ZeroDivisionError: divided by 0
t { (7.0.divmod(2)) }  # expect: [3, 1.0]
t { (-7.0.divmod(2)) }  # expect: [-4, 1.0]
t { (7.5.divmod(0.0)) }  # expect: ZeroDivisionError: divided by 0
t { (2.divmod(Float::INFINITY)) }  # expect: [0, 2.0]
t { (-2.divmod(Float::INFINITY)) }  # expect: [-1, Infinity]
t { (3.7 % 1) }  # expect: 0.7000000000000002
t { (-3.7 % 1) }  # expect: 0.2999999999999998
t { (3.7.divmod(-1)) }  # expect: [-4, -0.2999999999999998]
t { (7.0.div(2)) }  # expect: 3
t { (7.0.remainder(-2)) }  # expect: 1.0
t { (Float::NAN % 2) }  # expect: NaN
t { (0.1 + 0.2) }  # expect: 0.30000000000000004
t { (1e16) }  # expect: 1.0e+16
t { (1e15) }  # expect: 1.0e+15
t { (123456789012345.6) }  # expect: 123456789012345.6
t { (1234567890123456.7) }  # expect: 1234567890123456.8
t { (0.0001) }  # expect: 0.0001
t { (0.00001) }  # expect: 1.0e-05
t { (-0.0) }  # expect: -0.0
t { (100.0) }  # expect: 100.0
t { (1e100) }  # expect: 1.0e+100
t { (5e-324) }  # expect: 5.0e-324
t { (Float::MAX) }  # expect: 1.7976931348623157e+308
t { (Float::MIN) }  # expect: 2.2250738585072014e-308
t { (Float::EPSILON) }  # expect: 2.220446049250313e-16
t { (Float::INFINITY) }  # expect: Infinity
t { (-Float::INFINITY) }  # expect: -Infinity
t { (Float::NAN) }  # expect: NaN
t { (Float::DIG) }  # expect: 15
t { (Float::MANT_DIG) }  # expect: 53
t { (1.1.next_float) }  # expect: 1.1000000000000003
t { (1.0.prev_float) }  # expect: 0.9999999999999999
t { (0.0.next_float) }  # expect: 5.0e-324
t { (Float::MAX.next_float) }  # expect: Infinity
t { (1.5.nan?) }  # expect: false
t { (Float::INFINITY.infinite?) }  # expect: 1
t { ((-Float::INFINITY).infinite?) }  # expect: -1
t { (1.0.infinite?) }  # expect: nil
t { (-0.0.arg) }  # expect: 3.141592653589793
t { (Float::NAN.arg) }  # expect: NaN
t { (1.0.eql?(1.0)) }  # expect: true
t { (Float::NAN.eql?(Float::NAN)) }  # expect: false
t { (0.0.eql?(-0.0)) }  # expect: true
t { (0.0.hash == -0.0.hash) }  # expect: true
t { ((-8.0) ** 0.5) }  # expect: (0.0+2.8284271247461903i)
t { (2.0 ** (2 ** 70)) }  # expect: Infinity
t { (1.0 <=> "a") }  # expect: nil
t { (1.0 < nil) }  # expect: ArgumentError: comparison of Float with nil failed
t { (Float::INFINITY <=> (2 ** 1000)) }  # expect: 1
t { (1.0.coerce(2 ** 70)) }  # expect: [1.1805916207174113e+21, 1.0]
t { (1.2345678e+15) }  # expect: 1.2345678e+15
t { (9999999999999998.0) }  # expect: 9.999999999999998e+15
t { (1.0e-4.prev_float) }  # expect: 9.999999999999999e-05
t { (4.0e-320) }  # expect: 4.0e-320
t { (2.0 ** -1) }  # expect: 0.5
t { (6.0221409e+23) }  # expect: 6.0221409e+23
t { (1e22.to_i) }  # expect: 10000000000000000000000
t { ((10 ** 25).to_f) }  # expect: 1.0e+25
t { ((2 ** 54 + 3).to_f) }  # expect: 1.8014398509481988e+16
