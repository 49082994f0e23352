# to_s formats ("E" default, "F", digit groups, "+" and " " flags), inspect, split, parts
require 'bigdecimal'
def t(src)
  r = begin
    eval(src).inspect
  rescue => e
    "#{e.class}: #{e.message}"
  end
  puts "#{src} => #{r}"
end
x = BigDecimal("1234567.891")
%w[E F 3F 3E 3 +F +\ F + 0F 10E].each { |f| t "BigDecimal('1234567.891').to_s(#{f.inspect})" }
t 'BigDecimal("1234567.891").to_s(3)'
t 'BigDecimal("1234567.891").to_s(0)'
t 'BigDecimal("1234567.891").to_s(" F")'
t 'BigDecimal("-1.5").to_s("F")'
t 'BigDecimal("100").to_s("F")'
t 'BigDecimal("0.001").to_s("F")'
t 'BigDecimal("0.001").to_s'
t 'BigDecimal("0").to_s("F")'
t 'BigDecimal("-0").to_s'
t 'BigDecimal("0").to_s("+")'
t 'BigDecimal("NaN").to_s("F")'
t 'BigDecimal("Infinity").to_s("+")'
t 'BigDecimal("-Infinity").to_s("+F")'
t 'BigDecimal("1e100").to_s'
t 'BigDecimal("1e100").to_s("F")'
t 'BigDecimal("12345678901234567890.123456789").to_s("5F")'
t 'BigDecimal("-12345678901234567890.123456789").to_s("5E")'
t 'BigDecimal("3.14").to_s.encoding'
t 'BigDecimal("3.14").inspect'
t '"#{BigDecimal("3.14")}"'
t 'BigDecimal("123.456").split'
t 'BigDecimal("-0.00123").split'
t 'BigDecimal("NaN").split'
t 'BigDecimal("-Infinity").split'
t 'BigDecimal("0").split'
%w[123.456 0.00123 12300 -1e20 1e-20 0 NaN Infinity 3.1415].each do |s|
  t "[BigDecimal(#{s.inspect}).exponent, BigDecimal(#{s.inspect}).precision, BigDecimal(#{s.inspect}).scale, BigDecimal(#{s.inspect}).n_significant_digits, BigDecimal(#{s.inspect}).sign]"
end
t 'BigDecimal("-0").sign'
t 'BigDecimal("-Infinity").sign'
t 'BigDecimal("1.5").precs'
t 'BigDecimal("1.23456789012").precs'
t 'BigDecimal("123.456").to_i'
t 'BigDecimal("-123.456").to_int'
t 'BigDecimal("1e30").to_i'
t 'BigDecimal("0.5").to_i'
t 'BigDecimal("NaN").to_i'
t 'BigDecimal("Infinity").to_i'
t 'BigDecimal("-Infinity").to_i'
t 'BigDecimal("123.456").to_f'
t 'BigDecimal("-0").to_f'
t 'BigDecimal("1e-400").to_f'
t 'BigDecimal("1e400").to_f'
t 'BigDecimal("-1e400").to_f'
t 'BigDecimal("Infinity").to_f'
t 'BigDecimal("NaN").to_f.nan?'
t 'BigDecimal("123.456").to_r'
t 'BigDecimal("-1e3").to_r'
t 'BigDecimal("NaN").to_r'
t '[BigDecimal("1").nonzero?, BigDecimal("0").nonzero?, BigDecimal("0").zero?, BigDecimal("-0").zero?]'
t '[BigDecimal("Infinity").infinite?, BigDecimal("-Infinity").infinite?, BigDecimal("1").infinite?]'
t '[BigDecimal("1").finite?, BigDecimal("NaN").finite?, BigDecimal("Infinity").finite?, BigDecimal("NaN").nan?, BigDecimal("1").nan?]'
t '[BigDecimal("-1234567890.5").to_i, BigDecimal("-123456789.5").to_i, BigDecimal("-1234567890.5").truncate, BigDecimal("-1234567890.5").floor, BigDecimal("-1234567890.5").ceil, BigDecimal("-1234567890.5").div(1)]'
# expect: BigDecimal('1234567.891').to_s("E") => "0.1234567891e7"
# expect: BigDecimal('1234567.891').to_s("F") => "1234567.891"
# expect: BigDecimal('1234567.891').to_s("3F") => "123 456 7.891"
# expect: BigDecimal('1234567.891').to_s("3E") => "0.123 456 789 1e7"
# expect: BigDecimal('1234567.891').to_s("3") => "0.123 456 789 1e7"
# expect: BigDecimal('1234567.891').to_s("+F") => "+1234567.891"
# expect: BigDecimal('1234567.891').to_s("+ F") => "+1234567.891"
# expect: BigDecimal('1234567.891').to_s("+") => "+0.1234567891e7"
# expect: BigDecimal('1234567.891').to_s("0F") => "1234567.891"
# expect: BigDecimal('1234567.891').to_s("10E") => "0.1234567891e7"
# expect: BigDecimal("1234567.891").to_s(3) => "0.123 456 789 1e7"
# expect: BigDecimal("1234567.891").to_s(0) => ArgumentError: argument must be positive
# expect: BigDecimal("1234567.891").to_s(" F") => " 1234567.891"
# expect: BigDecimal("-1.5").to_s("F") => "-1.5"
# expect: BigDecimal("100").to_s("F") => "100.0"
# expect: BigDecimal("0.001").to_s("F") => "0.001"
# expect: BigDecimal("0.001").to_s => "0.1e-2"
# expect: BigDecimal("0").to_s("F") => "0.0"
# expect: BigDecimal("-0").to_s => "-0.0"
# expect: BigDecimal("0").to_s("+") => "+0.0"
# expect: BigDecimal("NaN").to_s("F") => "NaN"
# expect: BigDecimal("Infinity").to_s("+") => "+Infinity"
# expect: BigDecimal("-Infinity").to_s("+F") => "-Infinity"
# expect: BigDecimal("1e100").to_s => "0.1e101"
# expect: BigDecimal("1e100").to_s("F") => "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000.0"
# expect: BigDecimal("12345678901234567890.123456789").to_s("5F") => "12345 67890 12345 67890.12345 6789"
# expect: BigDecimal("-12345678901234567890.123456789").to_s("5E") => "-0.12345 67890 12345 67890 12345 6789e20"
# expect: BigDecimal("3.14").to_s.encoding => #<Encoding:US-ASCII>
# expect: BigDecimal("3.14").inspect => "0.314e1"
# expect: "#{BigDecimal("3.14")}" => "0.314e1"
# expect: BigDecimal("123.456").split => [1, "123456", 10, 3]
# expect: BigDecimal("-0.00123").split => [-1, "123", 10, -2]
# expect: BigDecimal("NaN").split => [0, "NaN", 10, 0]
# expect: BigDecimal("-Infinity").split => [-1, "Infinity", 10, 0]
# expect: BigDecimal("0").split => [1, "0", 10, 0]
# expect: [BigDecimal("123.456").exponent, BigDecimal("123.456").precision, BigDecimal("123.456").scale, BigDecimal("123.456").n_significant_digits, BigDecimal("123.456").sign] => [3, 6, 3, 6, 2]
# expect: [BigDecimal("0.00123").exponent, BigDecimal("0.00123").precision, BigDecimal("0.00123").scale, BigDecimal("0.00123").n_significant_digits, BigDecimal("0.00123").sign] => [-2, 5, 5, 3, 2]
# expect: [BigDecimal("12300").exponent, BigDecimal("12300").precision, BigDecimal("12300").scale, BigDecimal("12300").n_significant_digits, BigDecimal("12300").sign] => [5, 5, 0, 3, 2]
# expect: [BigDecimal("-1e20").exponent, BigDecimal("-1e20").precision, BigDecimal("-1e20").scale, BigDecimal("-1e20").n_significant_digits, BigDecimal("-1e20").sign] => [21, 21, 0, 1, -2]
# expect: [BigDecimal("1e-20").exponent, BigDecimal("1e-20").precision, BigDecimal("1e-20").scale, BigDecimal("1e-20").n_significant_digits, BigDecimal("1e-20").sign] => [-19, 20, 20, 1, 2]
# expect: [BigDecimal("0").exponent, BigDecimal("0").precision, BigDecimal("0").scale, BigDecimal("0").n_significant_digits, BigDecimal("0").sign] => [0, 0, 0, 0, 1]
# expect: [BigDecimal("NaN").exponent, BigDecimal("NaN").precision, BigDecimal("NaN").scale, BigDecimal("NaN").n_significant_digits, BigDecimal("NaN").sign] => [0, 0, 0, 0, 0]
# expect: [BigDecimal("Infinity").exponent, BigDecimal("Infinity").precision, BigDecimal("Infinity").scale, BigDecimal("Infinity").n_significant_digits, BigDecimal("Infinity").sign] => [0, 0, 0, 0, 3]
# expect: [BigDecimal("3.1415").exponent, BigDecimal("3.1415").precision, BigDecimal("3.1415").scale, BigDecimal("3.1415").n_significant_digits, BigDecimal("3.1415").sign] => [1, 5, 4, 5, 2]
# expect: BigDecimal("-0").sign => -1
# expect: BigDecimal("-Infinity").sign => -3
# expect: BigDecimal("1.5").precs => [18, 18]
# expect: BigDecimal("1.23456789012").precs => [27, 27]
# expect: BigDecimal("123.456").to_i => 123
# expect: BigDecimal("-123.456").to_int => -123
# expect: BigDecimal("1e30").to_i => 1000000000000000000000000000000
# expect: BigDecimal("0.5").to_i => 0
# expect: BigDecimal("NaN").to_i => FloatDomainError: Computation results in 'NaN' (Not a Number)
# expect: BigDecimal("Infinity").to_i => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("-Infinity").to_i => FloatDomainError: Computation results in '-Infinity'
# expect: BigDecimal("123.456").to_f => 123.456
# expect: BigDecimal("-0").to_f => -0.0
# expect: BigDecimal("1e-400").to_f => 0.0
# expect: BigDecimal("1e400").to_f => Infinity
# expect: BigDecimal("-1e400").to_f => -Infinity
# expect: BigDecimal("Infinity").to_f => Infinity
# expect: BigDecimal("NaN").to_f.nan? => true
# expect: BigDecimal("123.456").to_r => (15432/125)
# expect: BigDecimal("-1e3").to_r => (-1000/1)
# expect: BigDecimal("NaN").to_r => FloatDomainError: Computation results in 'NaN' (Not a Number)
# expect: [BigDecimal("1").nonzero?, BigDecimal("0").nonzero?, BigDecimal("0").zero?, BigDecimal("-0").zero?] => [0.1e1, nil, true, true]
# expect: [BigDecimal("Infinity").infinite?, BigDecimal("-Infinity").infinite?, BigDecimal("1").infinite?] => [1, -1, nil]
# expect: [BigDecimal("1").finite?, BigDecimal("NaN").finite?, BigDecimal("Infinity").finite?, BigDecimal("NaN").nan?, BigDecimal("1").nan?] => [true, false, false, true, false]
# expect: [BigDecimal("-1234567890.5").to_i, BigDecimal("-123456789.5").to_i, BigDecimal("-1234567890.5").truncate, BigDecimal("-1234567890.5").floor, BigDecimal("-1234567890.5").ceil, BigDecimal("-1234567890.5").div(1)] => [-1234567891, -123456789, -1234567890, -1234567891, -1234567890, -1234567891]
