# round/truncate/floor/ceil with digits and modes, fix/frac, BigDecimal.mode,
# save_rounding_mode, save_exception_mode, limit
require 'bigdecimal'
def t(src)
  r = begin
    eval(src).inspect
  rescue => e
    "#{e.class}: #{e.message}"
  end
  puts "#{src} => #{r}"
end
t 'BigDecimal("1.23456").round(2)'
t 'BigDecimal("1.235").round(2)'
t 'BigDecimal("1.225").round(2, :half_even)'
t 'BigDecimal("1.235").round(2, :banker)'
t 'BigDecimal("1.225").round(2, half: :even)'
t 'BigDecimal("1.225").round(2, half: :down)'
t 'BigDecimal("1.225").round(2, half: :up)'
t 'BigDecimal("1.225").round(2, half: :sideways)'
t 'BigDecimal("1.225").round(2, BigDecimal::ROUND_DOWN)'
t 'BigDecimal("1.221").round(2, :up)'
t 'BigDecimal("-1.221").round(2, :ceiling)'
t 'BigDecimal("-1.221").round(2, :floor)'
t 'BigDecimal("1.225").round(2, :nope)'
t 'BigDecimal("1.225").round(2, 99)'
t 'BigDecimal("2.5").round'
t 'BigDecimal("-2.5").round'
t 'BigDecimal("2.5").round(half: :even)'
t 'BigDecimal("12345").round(-2)'
t 'BigDecimal("12355").round(-1)'
t 'BigDecimal("1.5").round(0)'
t 'BigDecimal("0.0004").round(3)'
t 'BigDecimal("0.0005").round(3)'
t 'BigDecimal("NaN").round'
t 'BigDecimal("NaN").round(2)'
t 'BigDecimal("3.7").truncate'
t 'BigDecimal("-3.7").floor'
t 'BigDecimal("-3.7").ceil'
t 'BigDecimal("3.789").floor(2)'
t 'BigDecimal("3.781").ceil(2)'
t 'BigDecimal("3.789").truncate(1)'
t 'BigDecimal("13345.234").truncate(-2)'
t 'BigDecimal("-3.75").frac'
t 'BigDecimal("-3.75").fix'
t 'BigDecimal("-3").frac'
t 'BigDecimal("0.25").fix'
%w[UP DOWN HALF_UP HALF_DOWN CEILING FLOOR HALF_EVEN MODE].each { |m| t "BigDecimal::ROUND_#{m}" }
%w[ALL NaN INFINITY UNDERFLOW OVERFLOW ZERODIVIDE].each { |m| t "BigDecimal::EXCEPTION_#{m}" }
t 'BigDecimal.mode(BigDecimal::ROUND_MODE)'
t 'BigDecimal.mode(BigDecimal::EXCEPTION_NaN)'
t 'BigDecimal.save_rounding_mode { BigDecimal.mode(BigDecimal::ROUND_MODE, :floor); [BigDecimal("2.9").round, BigDecimal("1")/3, BigDecimal.mode(BigDecimal::ROUND_MODE)] }'
t 'BigDecimal.mode(BigDecimal::ROUND_MODE)'
t 'BigDecimal.save_rounding_mode { BigDecimal.mode(BigDecimal::ROUND_MODE, BigDecimal::ROUND_UP); [BigDecimal("2.1").round, BigDecimal("1")/3] }'
t 'BigDecimal.save_rounding_mode { BigDecimal.mode(BigDecimal::ROUND_MODE, :half_even); [BigDecimal("2.5").round, BigDecimal("3.5").round, BigDecimal("2").div(3, 3)] }'
t 'BigDecimal.mode(BigDecimal::ROUND_MODE, :bogus)'
t 'BigDecimal.mode(BigDecimal::EXCEPTION_NaN, 1)'
t 'BigDecimal.mode(12345)'
t 'BigDecimal.save_exception_mode { BigDecimal.mode(BigDecimal::EXCEPTION_NaN, true); BigDecimal("NaN") }'
t 'BigDecimal.save_exception_mode { BigDecimal.mode(BigDecimal::EXCEPTION_INFINITY, true); BigDecimal("1") / 0 }'
t 'BigDecimal.save_exception_mode { BigDecimal.mode(BigDecimal::EXCEPTION_INFINITY, true); BigDecimal("-Infinity") + 1 }'
t 'BigDecimal.save_exception_mode { BigDecimal.mode(BigDecimal::EXCEPTION_ZERODIVIDE, true); BigDecimal("1") / 0 }'
t 'BigDecimal.save_exception_mode { BigDecimal.mode(BigDecimal::EXCEPTION_ALL, true) }'
t 'BigDecimal.mode(BigDecimal::EXCEPTION_ALL)'
t 'BigDecimal("1") / 0'
t 'BigDecimal.limit'
t 'BigDecimal.save_limit { BigDecimal.limit(5); [BigDecimal("1")/3, BigDecimal("1.23456789") + 1, BigDecimal("1.23456789") * 3, BigDecimal.limit] }'
t 'BigDecimal.limit'
t 'BigDecimal.limit(-1)'
t 'BigDecimal.double_fig'
%w[0.369 5 12.5 -0.5 99 1e9 -7].each do |x|
  [-10, -9, -2, -1].each { |k| t "[:up, :half_up, :ceiling, :floor].map { |m| BigDecimal(#{x.inspect}).round(#{k}, m) }" }
end
t 'BigDecimal.save_limit { BigDecimal.limit(7); [BigDecimal("0.237415831088442685779788").sqrt(2), BigDecimal("2").sqrt(30)] }'
# expect: BigDecimal("1.23456").round(2) => 0.123e1
# expect: BigDecimal("1.235").round(2) => 0.124e1
# expect: BigDecimal("1.225").round(2, :half_even) => 0.122e1
# expect: BigDecimal("1.235").round(2, :banker) => 0.124e1
# expect: BigDecimal("1.225").round(2, half: :even) => 0.122e1
# expect: BigDecimal("1.225").round(2, half: :down) => 0.122e1
# expect: BigDecimal("1.225").round(2, half: :up) => 0.123e1
# expect: BigDecimal("1.225").round(2, half: :sideways) => ArgumentError: invalid rounding mode: sideways
# expect: BigDecimal("1.225").round(2, BigDecimal::ROUND_DOWN) => 0.122e1
# expect: BigDecimal("1.221").round(2, :up) => 0.123e1
# expect: BigDecimal("-1.221").round(2, :ceiling) => -0.122e1
# expect: BigDecimal("-1.221").round(2, :floor) => -0.123e1
# expect: BigDecimal("1.225").round(2, :nope) => ArgumentError: invalid rounding mode
# expect: BigDecimal("1.225").round(2, 99) => ArgumentError: invalid rounding mode
# expect: BigDecimal("2.5").round => 3
# expect: BigDecimal("-2.5").round => -3
# expect: BigDecimal("2.5").round(half: :even) => 0.2e1
# expect: BigDecimal("12345").round(-2) => 12300
# expect: BigDecimal("12355").round(-1) => 12360
# expect: BigDecimal("1.5").round(0) => 2
# expect: BigDecimal("0.0004").round(3) => 0.0
# expect: BigDecimal("0.0005").round(3) => 0.1e-2
# expect: BigDecimal("NaN").round => FloatDomainError: Computation results in 'NaN' (Not a Number)
# expect: BigDecimal("NaN").round(2) => NaN
# expect: BigDecimal("3.7").truncate => 3
# expect: BigDecimal("-3.7").floor => -4
# expect: BigDecimal("-3.7").ceil => -3
# expect: BigDecimal("3.789").floor(2) => 0.378e1
# expect: BigDecimal("3.781").ceil(2) => 0.379e1
# expect: BigDecimal("3.789").truncate(1) => 0.37e1
# expect: BigDecimal("13345.234").truncate(-2) => 0.133e5
# expect: BigDecimal("-3.75").frac => -0.75e0
# expect: BigDecimal("-3.75").fix => -0.3e1
# expect: BigDecimal("-3").frac => -0.0
# expect: BigDecimal("0.25").fix => 0.0
# expect: BigDecimal::ROUND_UP => 1
# expect: BigDecimal::ROUND_DOWN => 2
# expect: BigDecimal::ROUND_HALF_UP => 3
# expect: BigDecimal::ROUND_HALF_DOWN => 4
# expect: BigDecimal::ROUND_CEILING => 5
# expect: BigDecimal::ROUND_FLOOR => 6
# expect: BigDecimal::ROUND_HALF_EVEN => 7
# expect: BigDecimal::ROUND_MODE => 256
# expect: BigDecimal::EXCEPTION_ALL => 255
# expect: BigDecimal::EXCEPTION_NaN => 2
# expect: BigDecimal::EXCEPTION_INFINITY => 1
# expect: BigDecimal::EXCEPTION_UNDERFLOW => 4
# expect: BigDecimal::EXCEPTION_OVERFLOW => 1
# expect: BigDecimal::EXCEPTION_ZERODIVIDE => 16
# expect: BigDecimal.mode(BigDecimal::ROUND_MODE) => 3
# expect: BigDecimal.mode(BigDecimal::EXCEPTION_NaN) => 0
# expect: BigDecimal.save_rounding_mode { BigDecimal.mode(BigDecimal::ROUND_MODE, :floor); [BigDecimal("2.9").round, BigDecimal("1")/3, BigDecimal.mode(BigDecimal::ROUND_MODE)] } => [2, 0.333333333333333333333333333333333333e0, 6]
# expect: BigDecimal.mode(BigDecimal::ROUND_MODE) => 3
# expect: BigDecimal.save_rounding_mode { BigDecimal.mode(BigDecimal::ROUND_MODE, BigDecimal::ROUND_UP); [BigDecimal("2.1").round, BigDecimal("1")/3] } => [3, 0.333333333333333333333333333333333334e0]
# expect: BigDecimal.save_rounding_mode { BigDecimal.mode(BigDecimal::ROUND_MODE, :half_even); [BigDecimal("2.5").round, BigDecimal("3.5").round, BigDecimal("2").div(3, 3)] } => [2, 4, 0.667e0]
# expect: BigDecimal.mode(BigDecimal::ROUND_MODE, :bogus) => ArgumentError: invalid rounding mode
# expect: BigDecimal.mode(BigDecimal::EXCEPTION_NaN, 1) => ArgumentError: second argument must be true or false
# expect: BigDecimal.mode(12345) => 0
# expect: BigDecimal.save_exception_mode { BigDecimal.mode(BigDecimal::EXCEPTION_NaN, true); BigDecimal("NaN") } => FloatDomainError: Computation results in 'NaN' (Not a Number)
# expect: BigDecimal.save_exception_mode { BigDecimal.mode(BigDecimal::EXCEPTION_INFINITY, true); BigDecimal("1") / 0 } => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal.save_exception_mode { BigDecimal.mode(BigDecimal::EXCEPTION_INFINITY, true); BigDecimal("-Infinity") + 1 } => FloatDomainError: Computation results in '-Infinity'
# expect: BigDecimal.save_exception_mode { BigDecimal.mode(BigDecimal::EXCEPTION_ZERODIVIDE, true); BigDecimal("1") / 0 } => FloatDomainError: Divide by zero
# expect: BigDecimal.save_exception_mode { BigDecimal.mode(BigDecimal::EXCEPTION_ALL, true) } => 23
# expect: BigDecimal.mode(BigDecimal::EXCEPTION_ALL) => 0
# expect: BigDecimal("1") / 0 => Infinity
# expect: BigDecimal.limit => 0
# expect: BigDecimal.save_limit { BigDecimal.limit(5); [BigDecimal("1")/3, BigDecimal("1.23456789") + 1, BigDecimal("1.23456789") * 3, BigDecimal.limit] } => [0.33333e0, 0.22346e1, 0.37037e1, 5]
# expect: BigDecimal.limit => 0
# expect: BigDecimal.limit(-1) => ArgumentError: argument must be positive
# expect: BigDecimal.double_fig => 16
# expect: [:up, :half_up, :ceiling, :floor].map { |m| BigDecimal("0.369").round(-10, m) } => [0.0, 0.0, 0.1e11, 0.0]
# expect: [:up, :half_up, :ceiling, :floor].map { |m| BigDecimal("0.369").round(-9, m) } => [0.0, 0.0, 0.1e10, 0.0]
# expect: [:up, :half_up, :ceiling, :floor].map { |m| BigDecimal("0.369").round(-2, m) } => [0.0, 0.0, 0.1e3, 0.0]
# expect: [:up, :half_up, :ceiling, :floor].map { |m| BigDecimal("0.369").round(-1, m) } => [0.0, 0.0, 0.1e2, 0.0]
# expect: [:up, :half_up, :ceiling, :floor].map { |m| BigDecimal("5").round(-10, m) } => [0.0, 0.0, 0.1e11, 0.0]
# expect: [:up, :half_up, :ceiling, :floor].map { |m| BigDecimal("5").round(-9, m) } => [0.1e10, 0.0, 0.1e10, 0.0]
# expect: [:up, :half_up, :ceiling, :floor].map { |m| BigDecimal("5").round(-2, m) } => [0.1e3, 0.0, 0.1e3, 0.0]
# expect: [:up, :half_up, :ceiling, :floor].map { |m| BigDecimal("5").round(-1, m) } => [0.1e2, 0.1e2, 0.1e2, 0.0]
# expect: [:up, :half_up, :ceiling, :floor].map { |m| BigDecimal("12.5").round(-10, m) } => [0.0, 0.0, 0.1e11, 0.0]
# expect: [:up, :half_up, :ceiling, :floor].map { |m| BigDecimal("12.5").round(-9, m) } => [0.1e10, 0.0, 0.1e10, 0.0]
# expect: [:up, :half_up, :ceiling, :floor].map { |m| BigDecimal("12.5").round(-2, m) } => [0.1e3, 0.0, 0.1e3, 0.0]
# expect: [:up, :half_up, :ceiling, :floor].map { |m| BigDecimal("12.5").round(-1, m) } => [0.2e2, 0.1e2, 0.2e2, 0.1e2]
# expect: [:up, :half_up, :ceiling, :floor].map { |m| BigDecimal("-0.5").round(-10, m) } => [-0.0, -0.0, -0.0, -0.1e11]
# expect: [:up, :half_up, :ceiling, :floor].map { |m| BigDecimal("-0.5").round(-9, m) } => [-0.0, -0.0, -0.0, -0.1e10]
# expect: [:up, :half_up, :ceiling, :floor].map { |m| BigDecimal("-0.5").round(-2, m) } => [-0.0, -0.0, -0.0, -0.1e3]
# expect: [:up, :half_up, :ceiling, :floor].map { |m| BigDecimal("-0.5").round(-1, m) } => [-0.0, -0.0, -0.0, -0.1e2]
# expect: [:up, :half_up, :ceiling, :floor].map { |m| BigDecimal("99").round(-10, m) } => [0.0, 0.0, 0.1e11, 0.0]
# expect: [:up, :half_up, :ceiling, :floor].map { |m| BigDecimal("99").round(-9, m) } => [0.1e10, 0.0, 0.1e10, 0.0]
# expect: [:up, :half_up, :ceiling, :floor].map { |m| BigDecimal("99").round(-2, m) } => [0.1e3, 0.1e3, 0.1e3, 0.0]
# expect: [:up, :half_up, :ceiling, :floor].map { |m| BigDecimal("99").round(-1, m) } => [0.1e3, 0.1e3, 0.1e3, 0.9e2]
# expect: [:up, :half_up, :ceiling, :floor].map { |m| BigDecimal("1e9").round(-10, m) } => [0.1e11, 0.0, 0.1e11, 0.0]
# expect: [:up, :half_up, :ceiling, :floor].map { |m| BigDecimal("1e9").round(-9, m) } => [0.1e10, 0.1e10, 0.1e10, 0.1e10]
# expect: [:up, :half_up, :ceiling, :floor].map { |m| BigDecimal("1e9").round(-2, m) } => [0.1e10, 0.1e10, 0.1e10, 0.1e10]
# expect: [:up, :half_up, :ceiling, :floor].map { |m| BigDecimal("1e9").round(-1, m) } => [0.1e10, 0.1e10, 0.1e10, 0.1e10]
# expect: [:up, :half_up, :ceiling, :floor].map { |m| BigDecimal("-7").round(-10, m) } => [-0.0, -0.0, -0.0, -0.1e11]
# expect: [:up, :half_up, :ceiling, :floor].map { |m| BigDecimal("-7").round(-9, m) } => [-0.1e10, -0.0, -0.0, -0.1e10]
# expect: [:up, :half_up, :ceiling, :floor].map { |m| BigDecimal("-7").round(-2, m) } => [-0.1e3, -0.0, -0.0, -0.1e3]
# expect: [:up, :half_up, :ceiling, :floor].map { |m| BigDecimal("-7").round(-1, m) } => [-0.1e2, -0.1e2, -0.0, -0.1e2]
# expect: BigDecimal.save_limit { BigDecimal.limit(7); [BigDecimal("0.237415831088442685779788").sqrt(2), BigDecimal("2").sqrt(30)] } => [0.4872534e0, 0.1414214e1]
