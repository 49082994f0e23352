# NaN / Infinity results under each BigDecimal::EXCEPTION_* mode (messages as CRuby)
require 'bigdecimal'
def t(src)
  r = begin
    eval(src).inspect
  rescue Exception => e
    "#{e.class}: #{e.message}"
  end
  puts "#{src} => #{r}"
end
exprs = ['BigDecimal("NaN")', 'BigDecimal("Infinity")', 'BigDecimal("-Infinity")', 'BigDecimal("1")/0', 'BigDecimal("-1")/0', 'BigDecimal("0")/0',
  'BigDecimal("Infinity") - BigDecimal("Infinity")', 'BigDecimal("Infinity") * 0', 'BigDecimal("1e99999999999999999999")', 'BigDecimal("1e-99999999999999999999")',
  'BigDecimal("1e100000") * BigDecimal("1e100000")', 'BigDecimal(Float::NAN, 0)', 'BigDecimal(Float::INFINITY, 0)', 'BigDecimal("Infinity").to_f', 'BigDecimal("1e400").to_f', 'BigDecimal("1e-400").to_f',
  'BigDecimal("NaN") + 1', 'BigDecimal("Infinity") + 1', 'BigDecimal("NaN").round', 'BigDecimal("Infinity").round(2)', 'BigDecimal("NaN") <=> 1', 'BigDecimal("NaN").sqrt(2)',
  'BigDecimal("-Infinity").abs', '-BigDecimal("Infinity")', 'BigDecimal("Infinity").divmod(2)', 'BigDecimal("3").divmod(BigDecimal("Infinity"))', 'BigDecimal("Infinity") ** 2', 'BigDecimal("NaN") ** 2',
  'BigDecimal("0") ** -1', 'BigDecimal("Infinity").frac', 'BigDecimal("NaN").fix', 'BigDecimal("Infinity").truncate', 'BigDecimal("5").remainder(BigDecimal("Infinity"))', 'BigDecimal("Infinity").remainder(2)']
[0, BigDecimal::EXCEPTION_NaN, BigDecimal::EXCEPTION_INFINITY, BigDecimal::EXCEPTION_ZERODIVIDE, BigDecimal::EXCEPTION_UNDERFLOW, BigDecimal::EXCEPTION_ALL].each do |m|
  puts "== mode #{m}"
  BigDecimal.save_exception_mode do
    BigDecimal.mode(m, true) if m > 0
    exprs.each { |e| t e }
  end
end
# expect: == mode 0
# expect: BigDecimal("NaN") => NaN
# expect: BigDecimal("Infinity") => Infinity
# expect: BigDecimal("-Infinity") => -Infinity
# expect: BigDecimal("1")/0 => Infinity
# expect: BigDecimal("-1")/0 => -Infinity
# expect: BigDecimal("0")/0 => NaN
# expect: BigDecimal("Infinity") - BigDecimal("Infinity") => NaN
# expect: BigDecimal("Infinity") * 0 => NaN
# expect: BigDecimal("1e99999999999999999999") => Infinity
# expect: BigDecimal("1e-99999999999999999999") => 0.0
# expect: BigDecimal("1e100000") * BigDecimal("1e100000") => 0.1e200001
# expect: BigDecimal(Float::NAN, 0) => NaN
# expect: BigDecimal(Float::INFINITY, 0) => Infinity
# expect: BigDecimal("Infinity").to_f => Infinity
# expect: BigDecimal("1e400").to_f => Infinity
# expect: BigDecimal("1e-400").to_f => 0.0
# expect: BigDecimal("NaN") + 1 => NaN
# expect: BigDecimal("Infinity") + 1 => Infinity
# expect: BigDecimal("NaN").round => FloatDomainError: Computation results in 'NaN' (Not a Number)
# expect: BigDecimal("Infinity").round(2) => Infinity
# expect: BigDecimal("NaN") <=> 1 => nil
# expect: BigDecimal("NaN").sqrt(2) => FloatDomainError: sqrt of 'NaN'(Not a Number)
# expect: BigDecimal("-Infinity").abs => Infinity
# expect: -BigDecimal("Infinity") => -Infinity
# expect: BigDecimal("Infinity").divmod(2) => [Infinity, NaN]
# expect: BigDecimal("3").divmod(BigDecimal("Infinity")) => [0.0, 0.3e1]
# expect: BigDecimal("Infinity") ** 2 => Infinity
# expect: BigDecimal("NaN") ** 2 => NaN
# expect: BigDecimal("0") ** -1 => Infinity
# expect: BigDecimal("Infinity").frac => Infinity
# expect: BigDecimal("NaN").fix => NaN
# expect: BigDecimal("Infinity").truncate => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("5").remainder(BigDecimal("Infinity")) => NaN
# expect: BigDecimal("Infinity").remainder(2) => NaN
# expect: == mode 2
# expect: BigDecimal("NaN") => FloatDomainError: Computation results in 'NaN' (Not a Number)
# expect: BigDecimal("Infinity") => Infinity
# expect: BigDecimal("-Infinity") => -Infinity
# expect: BigDecimal("1")/0 => Infinity
# expect: BigDecimal("-1")/0 => -Infinity
# expect: BigDecimal("0")/0 => FloatDomainError: Computation results to 'NaN'
# expect: BigDecimal("Infinity") - BigDecimal("Infinity") => FloatDomainError: Computation results to 'NaN'
# expect: BigDecimal("Infinity") * 0 => FloatDomainError: Computation results to 'NaN'
# expect: BigDecimal("1e99999999999999999999") => Infinity
# expect: BigDecimal("1e-99999999999999999999") => 0.0
# expect: BigDecimal("1e100000") * BigDecimal("1e100000") => 0.1e200001
# expect: BigDecimal(Float::NAN, 0) => FloatDomainError: Computation results in 'NaN' (Not a Number)
# expect: BigDecimal(Float::INFINITY, 0) => Infinity
# expect: BigDecimal("Infinity").to_f => Infinity
# expect: BigDecimal("1e400").to_f => Infinity
# expect: BigDecimal("1e-400").to_f => 0.0
# expect: BigDecimal("NaN") + 1 => FloatDomainError: Computation results in 'NaN' (Not a Number)
# expect: BigDecimal("Infinity") + 1 => Infinity
# expect: BigDecimal("NaN").round => FloatDomainError: Computation results in 'NaN' (Not a Number)
# expect: BigDecimal("Infinity").round(2) => Infinity
# expect: BigDecimal("NaN") <=> 1 => FloatDomainError: Computation results in 'NaN' (Not a Number)
# expect: BigDecimal("NaN").sqrt(2) => FloatDomainError: Computation results in 'NaN' (Not a Number)
# expect: BigDecimal("-Infinity").abs => Infinity
# expect: -BigDecimal("Infinity") => -Infinity
# expect: BigDecimal("Infinity").divmod(2) => FloatDomainError: Computation results in 'NaN' (Not a Number)
# expect: BigDecimal("3").divmod(BigDecimal("Infinity")) => [0.0, 0.3e1]
# expect: BigDecimal("Infinity") ** 2 => Infinity
# expect: BigDecimal("NaN") ** 2 => FloatDomainError: Computation results in 'NaN' (Not a Number)
# expect: BigDecimal("0") ** -1 => Infinity
# expect: BigDecimal("Infinity").frac => Infinity
# expect: BigDecimal("NaN").fix => FloatDomainError: Computation results in 'NaN' (Not a Number)
# expect: BigDecimal("Infinity").truncate => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("5").remainder(BigDecimal("Infinity")) => FloatDomainError: Computation results to 'NaN'
# expect: BigDecimal("Infinity").remainder(2) => FloatDomainError: Computation results to 'NaN'
# expect: == mode 1
# expect: BigDecimal("NaN") => NaN
# expect: BigDecimal("Infinity") => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("-Infinity") => FloatDomainError: Computation results in '-Infinity'
# expect: BigDecimal("1")/0 => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("-1")/0 => FloatDomainError: Computation results in '-Infinity'
# expect: BigDecimal("0")/0 => NaN
# expect: BigDecimal("Infinity") - BigDecimal("Infinity") => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("Infinity") * 0 => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("1e99999999999999999999") => FloatDomainError: exponent overflow
# expect: BigDecimal("1e-99999999999999999999") => 0.0
# expect: BigDecimal("1e100000") * BigDecimal("1e100000") => 0.1e200001
# expect: BigDecimal(Float::NAN, 0) => NaN
# expect: BigDecimal(Float::INFINITY, 0) => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("Infinity").to_f => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("1e400").to_f => FloatDomainError: BigDecimal to Float conversion
# expect: BigDecimal("1e-400").to_f => 0.0
# expect: BigDecimal("NaN") + 1 => NaN
# expect: BigDecimal("Infinity") + 1 => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("NaN").round => FloatDomainError: Computation results in 'NaN' (Not a Number)
# expect: BigDecimal("Infinity").round(2) => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("NaN") <=> 1 => nil
# expect: BigDecimal("NaN").sqrt(2) => FloatDomainError: sqrt of 'NaN'(Not a Number)
# expect: BigDecimal("-Infinity").abs => FloatDomainError: Computation results in '-Infinity'
# expect: -BigDecimal("Infinity") => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("Infinity").divmod(2) => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("3").divmod(BigDecimal("Infinity")) => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("Infinity") ** 2 => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("NaN") ** 2 => NaN
# expect: BigDecimal("0") ** -1 => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("Infinity").frac => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("NaN").fix => NaN
# expect: BigDecimal("Infinity").truncate => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("5").remainder(BigDecimal("Infinity")) => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("Infinity").remainder(2) => FloatDomainError: Computation results in 'Infinity'
# expect: == mode 16
# expect: BigDecimal("NaN") => NaN
# expect: BigDecimal("Infinity") => Infinity
# expect: BigDecimal("-Infinity") => -Infinity
# expect: BigDecimal("1")/0 => FloatDomainError: Divide by zero
# expect: BigDecimal("-1")/0 => FloatDomainError: Divide by zero
# expect: BigDecimal("0")/0 => NaN
# expect: BigDecimal("Infinity") - BigDecimal("Infinity") => NaN
# expect: BigDecimal("Infinity") * 0 => NaN
# expect: BigDecimal("1e99999999999999999999") => Infinity
# expect: BigDecimal("1e-99999999999999999999") => 0.0
# expect: BigDecimal("1e100000") * BigDecimal("1e100000") => 0.1e200001
# expect: BigDecimal(Float::NAN, 0) => NaN
# expect: BigDecimal(Float::INFINITY, 0) => Infinity
# expect: BigDecimal("Infinity").to_f => Infinity
# expect: BigDecimal("1e400").to_f => Infinity
# expect: BigDecimal("1e-400").to_f => 0.0
# expect: BigDecimal("NaN") + 1 => NaN
# expect: BigDecimal("Infinity") + 1 => Infinity
# expect: BigDecimal("NaN").round => FloatDomainError: Computation results in 'NaN' (Not a Number)
# expect: BigDecimal("Infinity").round(2) => Infinity
# expect: BigDecimal("NaN") <=> 1 => nil
# expect: BigDecimal("NaN").sqrt(2) => FloatDomainError: sqrt of 'NaN'(Not a Number)
# expect: BigDecimal("-Infinity").abs => Infinity
# expect: -BigDecimal("Infinity") => -Infinity
# expect: BigDecimal("Infinity").divmod(2) => [Infinity, NaN]
# expect: BigDecimal("3").divmod(BigDecimal("Infinity")) => [0.0, 0.3e1]
# expect: BigDecimal("Infinity") ** 2 => Infinity
# expect: BigDecimal("NaN") ** 2 => NaN
# expect: BigDecimal("0") ** -1 => Infinity
# expect: BigDecimal("Infinity").frac => Infinity
# expect: BigDecimal("NaN").fix => NaN
# expect: BigDecimal("Infinity").truncate => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("5").remainder(BigDecimal("Infinity")) => NaN
# expect: BigDecimal("Infinity").remainder(2) => NaN
# expect: == mode 4
# expect: BigDecimal("NaN") => NaN
# expect: BigDecimal("Infinity") => Infinity
# expect: BigDecimal("-Infinity") => -Infinity
# expect: BigDecimal("1")/0 => Infinity
# expect: BigDecimal("-1")/0 => -Infinity
# expect: BigDecimal("0")/0 => NaN
# expect: BigDecimal("Infinity") - BigDecimal("Infinity") => NaN
# expect: BigDecimal("Infinity") * 0 => NaN
# expect: BigDecimal("1e99999999999999999999") => Infinity
# expect: BigDecimal("1e-99999999999999999999") => 0.0
# expect: BigDecimal("1e100000") * BigDecimal("1e100000") => 0.1e200001
# expect: BigDecimal(Float::NAN, 0) => NaN
# expect: BigDecimal(Float::INFINITY, 0) => Infinity
# expect: BigDecimal("Infinity").to_f => Infinity
# expect: BigDecimal("1e400").to_f => Infinity
# expect: BigDecimal("1e-400").to_f => FloatDomainError: BigDecimal to Float conversion
# expect: BigDecimal("NaN") + 1 => NaN
# expect: BigDecimal("Infinity") + 1 => Infinity
# expect: BigDecimal("NaN").round => FloatDomainError: Computation results in 'NaN' (Not a Number)
# expect: BigDecimal("Infinity").round(2) => Infinity
# expect: BigDecimal("NaN") <=> 1 => nil
# expect: BigDecimal("NaN").sqrt(2) => FloatDomainError: sqrt of 'NaN'(Not a Number)
# expect: BigDecimal("-Infinity").abs => Infinity
# expect: -BigDecimal("Infinity") => -Infinity
# expect: BigDecimal("Infinity").divmod(2) => [Infinity, NaN]
# expect: BigDecimal("3").divmod(BigDecimal("Infinity")) => [0.0, 0.3e1]
# expect: BigDecimal("Infinity") ** 2 => Infinity
# expect: BigDecimal("NaN") ** 2 => NaN
# expect: BigDecimal("0") ** -1 => Infinity
# expect: BigDecimal("Infinity").frac => Infinity
# expect: BigDecimal("NaN").fix => NaN
# expect: BigDecimal("Infinity").truncate => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("5").remainder(BigDecimal("Infinity")) => NaN
# expect: BigDecimal("Infinity").remainder(2) => NaN
# expect: == mode 255
# expect: BigDecimal("NaN") => FloatDomainError: Computation results in 'NaN' (Not a Number)
# expect: BigDecimal("Infinity") => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("-Infinity") => FloatDomainError: Computation results in '-Infinity'
# expect: BigDecimal("1")/0 => FloatDomainError: Divide by zero
# expect: BigDecimal("-1")/0 => FloatDomainError: Divide by zero
# expect: BigDecimal("0")/0 => FloatDomainError: Computation results to 'NaN'
# expect: BigDecimal("Infinity") - BigDecimal("Infinity") => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("Infinity") * 0 => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("1e99999999999999999999") => FloatDomainError: exponent overflow
# expect: BigDecimal("1e-99999999999999999999") => 0.0
# expect: BigDecimal("1e100000") * BigDecimal("1e100000") => 0.1e200001
# expect: BigDecimal(Float::NAN, 0) => FloatDomainError: Computation results in 'NaN' (Not a Number)
# expect: BigDecimal(Float::INFINITY, 0) => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("Infinity").to_f => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("1e400").to_f => FloatDomainError: BigDecimal to Float conversion
# expect: BigDecimal("1e-400").to_f => FloatDomainError: BigDecimal to Float conversion
# expect: BigDecimal("NaN") + 1 => FloatDomainError: Computation results in 'NaN' (Not a Number)
# expect: BigDecimal("Infinity") + 1 => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("NaN").round => FloatDomainError: Computation results in 'NaN' (Not a Number)
# expect: BigDecimal("Infinity").round(2) => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("NaN") <=> 1 => FloatDomainError: Computation results in 'NaN' (Not a Number)
# expect: BigDecimal("NaN").sqrt(2) => FloatDomainError: Computation results in 'NaN' (Not a Number)
# expect: BigDecimal("-Infinity").abs => FloatDomainError: Computation results in '-Infinity'
# expect: -BigDecimal("Infinity") => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("Infinity").divmod(2) => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("3").divmod(BigDecimal("Infinity")) => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("Infinity") ** 2 => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("NaN") ** 2 => FloatDomainError: Computation results in 'NaN' (Not a Number)
# expect: BigDecimal("0") ** -1 => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("Infinity").frac => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("NaN").fix => FloatDomainError: Computation results in 'NaN' (Not a Number)
# expect: BigDecimal("Infinity").truncate => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("5").remainder(BigDecimal("Infinity")) => FloatDomainError: Computation results in 'Infinity'
# expect: BigDecimal("Infinity").remainder(2) => FloatDomainError: Computation results in 'Infinity'
