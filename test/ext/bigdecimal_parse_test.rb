# BigDecimal(): strings, Integer, Float, Rational, BigDecimal; CRuby's errors
require 'bigdecimal'
def t(src)
  r = begin
    eval(src).inspect
  rescue => e
    "#{e.class}: #{e.message}"
  end
  puts "#{src} => #{r}"
end
t 'BigDecimal("1.23")'
t 'BigDecimal("  1.5  ")'
t 'BigDecimal("1_000.5")'
t 'BigDecimal("1e5")'
t 'BigDecimal("1E-5")'
t 'BigDecimal("1d5")'
t 'BigDecimal(".5")'
t 'BigDecimal("-.5")'
t 'BigDecimal("+5")'
t 'BigDecimal("-0")'
t 'BigDecimal("0.000")'
t 'BigDecimal("Infinity")'
t 'BigDecimal("+Infinity")'
t 'BigDecimal("-Infinity")'
t 'BigDecimal("NaN")'
t 'BigDecimal("00012.3400")'
t 'BigDecimal("123456789012345678901234567890.123456789")'
%w[abc 1.2.3 1__0 1e 5. 0x1A 1.5x _1 1_ +NaN -NaN].each { |s| t "BigDecimal(#{s.inspect})" }
t 'BigDecimal("")'
t 'BigDecimal(" ")'
t 'BigDecimal("1\0")'
t 'BigDecimal("abc", exception: false)'
t 'BigDecimal("1.5", exception: false)'
t 'BigDecimal(nil)'
t 'BigDecimal(:a)'
t 'BigDecimal([1])'
t 'BigDecimal(123)'
t 'BigDecimal(-10**30)'
t 'BigDecimal(0)'
t 'BigDecimal(123, 2)'
t 'BigDecimal(1.5)'
t 'BigDecimal(1.5, 0)'
t 'BigDecimal(0.1, 0)'
t 'BigDecimal(0.1, 5)'
t 'BigDecimal(1.0/3, 10)'
t 'BigDecimal(1.0/3, 16)'
t 'BigDecimal(1.0/3, 17)'
t 'BigDecimal(-2.5e-10, 0)'
t 'BigDecimal(1e300, 0)'
t 'BigDecimal(-0.0, 0)'
t 'BigDecimal(Float::NAN, 0)'
t 'BigDecimal(Float::INFINITY, 0)'
t 'BigDecimal(Rational(1,3))'
t 'BigDecimal(Rational(1,3), 10)'
t 'BigDecimal(Rational(2,3), 10)'
t 'BigDecimal(Rational(-7,4), 3)'
t 'BigDecimal(Complex(2, 0))'
t 'BigDecimal(Complex(2, 1))'
t 'BigDecimal("1.23456", 3)'
t 'BigDecimal(BigDecimal("1.5"))'
t 'BigDecimal("1", -1)'
t 'BigDecimal.interpret_loosely("1.5abc")'
t 'BigDecimal.interpret_loosely("abc")'
t 'BigDecimal.interpret_loosely("  -2.5e3 and more")'
t 'BigDecimal.new("1")'
t 'BigDecimal.allocate'
t 'BigDecimal("1.5").class.ancestors.take(3)'
t 'BigDecimal("1.5").frozen?'
t '[BigDecimal::INFINITY, BigDecimal::NAN, BigDecimal::BASE]'
t 'BigDecimal(-232625.23262537454, 0)'
t 'BigDecimal(0.1 + 0.2, 0)'
t '(0.1 + 0.2).to_d rescue :no_util'
t 'BigDecimal("1.5") + (0.1 + 0.2)'
t '(BigDecimal("-28372.0283725604231").to_f <=> BigDecimal("-28372.0283725604231"))'
require 'bigdecimal/util'
%W[1e1_0 1e1__0 1e_10 1_.5 1.5_ 1_\  1e5_ 1_e5 NaN\  Infinityx -x -_x - 1.e5 1.D5d 51.e+1Ex5 9e1_000d 1e-_\te+1].each do |s|
  t "BigDecimal(#{s.inspect})"
  t "#{s.inspect}.to_d"
end
# expect: BigDecimal("1.23") => 0.123e1
# expect: BigDecimal("  1.5  ") => 0.15e1
# expect: BigDecimal("1_000.5") => 0.10005e4
# expect: BigDecimal("1e5") => 0.1e6
# expect: BigDecimal("1E-5") => 0.1e-4
# expect: BigDecimal("1d5") => 0.1e6
# expect: BigDecimal(".5") => 0.5e0
# expect: BigDecimal("-.5") => -0.5e0
# expect: BigDecimal("+5") => 0.5e1
# expect: BigDecimal("-0") => -0.0
# expect: BigDecimal("0.000") => 0.0
# expect: BigDecimal("Infinity") => Infinity
# expect: BigDecimal("+Infinity") => Infinity
# expect: BigDecimal("-Infinity") => -Infinity
# expect: BigDecimal("NaN") => NaN
# expect: BigDecimal("00012.3400") => 0.1234e2
# expect: BigDecimal("123456789012345678901234567890.123456789") => 0.123456789012345678901234567890123456789e30
# expect: BigDecimal("abc") => ArgumentError: invalid value for BigDecimal(): "abc"
# expect: BigDecimal("1.2.3") => ArgumentError: invalid value for BigDecimal(): "1.2.3"
# expect: BigDecimal("1__0") => ArgumentError: invalid value for BigDecimal(): "1__0"
# expect: BigDecimal("1e") => ArgumentError: invalid value for BigDecimal(): "1e"
# expect: BigDecimal("5.") => ArgumentError: invalid value for BigDecimal(): "5."
# expect: BigDecimal("0x1A") => ArgumentError: invalid value for BigDecimal(): "0x1A"
# expect: BigDecimal("1.5x") => ArgumentError: invalid value for BigDecimal(): "1.5x"
# expect: BigDecimal("_1") => ArgumentError: invalid value for BigDecimal(): "_1"
# expect: BigDecimal("1_") => 0.1e1
# expect: BigDecimal("+NaN") => ArgumentError: invalid value for BigDecimal(): "+NaN"
# expect: BigDecimal("-NaN") => ArgumentError: invalid value for BigDecimal(): "-NaN"
# expect: BigDecimal("") => ArgumentError: invalid value for BigDecimal(): ""
# expect: BigDecimal(" ") => ArgumentError: invalid value for BigDecimal(): " "
# expect: BigDecimal("1\0") => ArgumentError: string contains null byte
# expect: BigDecimal("abc", exception: false) => nil
# expect: BigDecimal("1.5", exception: false) => 0.15e1
# expect: BigDecimal(nil) => TypeError: can't convert nil into BigDecimal
# expect: BigDecimal(:a) => TypeError: can't convert Symbol into BigDecimal
# expect: BigDecimal([1]) => TypeError: can't convert Array into BigDecimal
# expect: BigDecimal(123) => 0.123e3
# expect: BigDecimal(-10**30) => -0.1e31
# expect: BigDecimal(0) => 0.0
# expect: BigDecimal(123, 2) => 0.123e3
# expect: BigDecimal(1.5) => ArgumentError: can't omit precision for a Float.
# expect: BigDecimal(1.5, 0) => 0.15e1
# expect: BigDecimal(0.1, 0) => 0.1e0
# expect: BigDecimal(0.1, 5) => 0.1e0
# expect: BigDecimal(1.0/3, 10) => 0.3333333333e0
# expect: BigDecimal(1.0/3, 16) => 0.3333333333333333e0
# expect: BigDecimal(1.0/3, 17) => ArgumentError: precision too large.
# expect: BigDecimal(-2.5e-10, 0) => -0.25e-9
# expect: BigDecimal(1e300, 0) => 0.1e301
# expect: BigDecimal(-0.0, 0) => -0.0
# expect: BigDecimal(Float::NAN, 0) => NaN
# expect: BigDecimal(Float::INFINITY, 0) => Infinity
# expect: BigDecimal(Rational(1,3)) => ArgumentError: can't omit precision for a Rational.
# expect: BigDecimal(Rational(1,3), 10) => 0.3333333333e0
# expect: BigDecimal(Rational(2,3), 10) => 0.6666666667e0
# expect: BigDecimal(Rational(-7,4), 3) => -0.175e1
# expect: BigDecimal(Complex(2, 0)) => 0.2e1
# expect: BigDecimal(Complex(2, 1)) => ArgumentError: Unable to make a BigDecimal from non-zero imaginary number
# expect: BigDecimal("1.23456", 3) => 0.123456e1
# expect: BigDecimal(BigDecimal("1.5")) => 0.15e1
# expect: BigDecimal("1", -1) => ArgumentError: negative precision
# expect: BigDecimal.interpret_loosely("1.5abc") => 0.15e1
# expect: BigDecimal.interpret_loosely("abc") => 0.0
# expect: BigDecimal.interpret_loosely("  -2.5e3 and more") => -0.25e4
# expect: BigDecimal.new("1") => NoMethodError: undefined method `new' for BigDecimal:Class
# expect: BigDecimal.allocate => TypeError: allocator undefined for BigDecimal
# expect: BigDecimal("1.5").class.ancestors.take(3) => [BigDecimal, Numeric, Comparable]
# expect: BigDecimal("1.5").frozen? => true
# expect: [BigDecimal::INFINITY, BigDecimal::NAN, BigDecimal::BASE] => [Infinity, NaN, 1000000000]
# expect: BigDecimal(-232625.23262537454, 0) => -0.2326252326253745e6
# expect: BigDecimal(0.1 + 0.2, 0) => 0.3e0
# expect: (0.1 + 0.2).to_d rescue :no_util => :no_util
# expect: BigDecimal("1.5") + (0.1 + 0.2) => 0.18e1
# expect: (BigDecimal("-28372.0283725604231").to_f <=> BigDecimal("-28372.0283725604231")) => 1
# expect: BigDecimal("1e1_0") => 0.1e11
# expect: "1e1_0".to_d => 0.1e11
# expect: BigDecimal("1e1__0") => ArgumentError: invalid value for BigDecimal(): "1e1__0"
# expect: "1e1__0".to_d => 0.1e2
# expect: BigDecimal("1e_10") => ArgumentError: invalid value for BigDecimal(): "1e_10"
# expect: "1e_10".to_d => 0.1e1
# expect: BigDecimal("1_.5") => ArgumentError: invalid value for BigDecimal(): "1_.5"
# expect: "1_.5".to_d => 0.1e1
# expect: BigDecimal("1.5_") => ArgumentError: invalid value for BigDecimal(): "1.5_"
# expect: "1.5_".to_d => 0.15e1
# expect: BigDecimal("1_ ") => 0.1e1
# expect: "1_ ".to_d => 0.1e1
# expect: BigDecimal("1e5_") => ArgumentError: invalid value for BigDecimal(): "1e5_"
# expect: "1e5_".to_d => 0.1e6
# expect: BigDecimal("1_e5") => ArgumentError: invalid value for BigDecimal(): "1_e5"
# expect: "1_e5".to_d => 0.1e1
# expect: BigDecimal("NaN ") => NaN
# expect: "NaN ".to_d => NaN
# expect: BigDecimal("Infinityx") => ArgumentError: invalid value for BigDecimal(): "Infinityx"
# expect: "Infinityx".to_d => 0.0
# expect: BigDecimal("-x") => ArgumentError: invalid value for BigDecimal(): "-x"
# expect: "-x".to_d => -0.0
# expect: BigDecimal("-_x") => ArgumentError: invalid value for BigDecimal(): "-_x"
# expect: "-_x".to_d => 0.0
# expect: BigDecimal("-") => ArgumentError: invalid value for BigDecimal(): "-"
# expect: "-".to_d => -0.0
# expect: BigDecimal("1.e5") => ArgumentError: invalid value for BigDecimal(): "1.e5"
# expect: "1.e5".to_d => 0.1e6
# expect: BigDecimal("1.D5d") => ArgumentError: invalid value for BigDecimal(): "1.D5d"
# expect: "1.D5d".to_d => 0.1e6
# expect: BigDecimal("51.e+1Ex5") => ArgumentError: invalid value for BigDecimal(): "51.e+1Ex5"
# expect: "51.e+1Ex5".to_d => 0.51e3
# expect: BigDecimal("9e1_000d") => ArgumentError: invalid value for BigDecimal(): "9e1_000d"
# expect: "9e1_000d".to_d => 0.9e1001
# expect: BigDecimal("1e-_\te+1") => ArgumentError: invalid value for BigDecimal(): "1e-_	e+1"
# expect: "1e-_\te+1".to_d => 0.1e1
