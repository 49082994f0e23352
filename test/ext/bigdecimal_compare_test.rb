# <=>, ==, < with Integer/Float/Rational, NaN, hash/eql? and Hash keys
require 'bigdecimal'
def t(src)
  r = begin
    eval(src).inspect
  rescue => e
    "#{e.class}: #{e.message}"
  end
  puts "#{src} => #{r}"
end
t 'BigDecimal("1.5") == 1.5'
t 'BigDecimal("1.5") == Rational(3,2)'
t 'BigDecimal("2") == 2'
t '2 == BigDecimal("2")'
t '1.5 == BigDecimal("1.5")'
t 'BigDecimal("1.5") <=> 2'
t 'BigDecimal("1.5") <=> BigDecimal("1.50")'
t 'BigDecimal("-1") <=> BigDecimal("-Infinity")'
t 'BigDecimal("1.5") > 1.4'
t 'BigDecimal("1.5") >= Rational(3, 2)'
t 'BigDecimal("1.5") < 2**70'
t '3 > BigDecimal("2.9")'
t 'BigDecimal("NaN") == BigDecimal("NaN")'
t 'BigDecimal("NaN") <=> 1'
t 'BigDecimal("NaN") < 1'
t 'BigDecimal("1") < nil'
t 'BigDecimal("1") == nil'
t 'BigDecimal("1") == "1"'
t 'BigDecimal("1") <=> "1"'
t 'BigDecimal("0") == BigDecimal("-0")'
t '[BigDecimal("3"), BigDecimal("1.5"), BigDecimal("-2"), 2.5, 1].sort'
t '[BigDecimal("3"), BigDecimal("1.5")].max'
t 'BigDecimal("1.0").hash == BigDecimal("1").hash'
t 'BigDecimal("1.0").hash == BigDecimal("1.000000000000000000001").hash'
t '{BigDecimal("1.0") => :a}[BigDecimal("1")]'
t '{BigDecimal("1.0") => :a, BigDecimal("1") => :b}.size'
t 'BigDecimal("1.0").eql?(BigDecimal("1"))'
t 'BigDecimal("1").eql?(1)'
t '[BigDecimal("1"), BigDecimal("1.0"), BigDecimal("2")].uniq'
t 'BigDecimal("1.5").between?(1, 2)'
t 'BigDecimal("1.5").clamp(2, 3)'
t 'BigDecimal("2").integer?'
t 'BigDecimal("-2").negative?'
t 'BigDecimal("2").positive?'
# expect: BigDecimal("1.5") == 1.5 => true
# expect: BigDecimal("1.5") == Rational(3,2) => true
# expect: BigDecimal("2") == 2 => true
# expect: 2 == BigDecimal("2") => true
# expect: 1.5 == BigDecimal("1.5") => true
# expect: BigDecimal("1.5") <=> 2 => -1
# expect: BigDecimal("1.5") <=> BigDecimal("1.50") => 0
# expect: BigDecimal("-1") <=> BigDecimal("-Infinity") => 1
# expect: BigDecimal("1.5") > 1.4 => true
# expect: BigDecimal("1.5") >= Rational(3, 2) => true
# expect: BigDecimal("1.5") < 2**70 => true
# expect: 3 > BigDecimal("2.9") => true
# expect: BigDecimal("NaN") == BigDecimal("NaN") => false
# expect: BigDecimal("NaN") <=> 1 => nil
# expect: BigDecimal("NaN") < 1 => false
# expect: BigDecimal("1") < nil => ArgumentError: comparison of BigDecimal with nil failed
# expect: BigDecimal("1") == nil => false
# expect: BigDecimal("1") == "1" => false
# expect: BigDecimal("1") <=> "1" => nil
# expect: BigDecimal("0") == BigDecimal("-0") => true
# expect: [BigDecimal("3"), BigDecimal("1.5"), BigDecimal("-2"), 2.5, 1].sort => [-0.2e1, 1, 0.15e1, 2.5, 0.3e1]
# expect: [BigDecimal("3"), BigDecimal("1.5")].max => 0.3e1
# expect: BigDecimal("1.0").hash == BigDecimal("1").hash => true
# expect: BigDecimal("1.0").hash == BigDecimal("1.000000000000000000001").hash => false
# expect: {BigDecimal("1.0") => :a}[BigDecimal("1")] => :a
# expect: {BigDecimal("1.0") => :a, BigDecimal("1") => :b}.size => 1
# expect: BigDecimal("1.0").eql?(BigDecimal("1")) => true
# expect: BigDecimal("1").eql?(1) => true
# expect: [BigDecimal("1"), BigDecimal("1.0"), BigDecimal("2")].uniq => [0.1e1, 0.2e1]
# expect: BigDecimal("1.5").between?(1, 2) => true
# expect: BigDecimal("1.5").clamp(2, 3) => 2
# expect: BigDecimal("2").integer? => false
# expect: BigDecimal("-2").negative? => true
# expect: BigDecimal("2").positive? => true
