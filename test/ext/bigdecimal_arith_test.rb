# + - * / with CRuby's quotient digits, div(x, n), %, divmod, remainder, **, abs, -@, mixed operands
require 'bigdecimal'
def t(src)
  r = begin
    eval(src).inspect
  rescue => e
    "#{e.class}: #{e.message}"
  end
  puts "#{src} => #{r}"
end
t 'BigDecimal("1.1") + BigDecimal("2.25")'
t 'BigDecimal("0.1") + BigDecimal("0.2") == BigDecimal("0.3")'
t 'BigDecimal("1e20") + BigDecimal("1e-20")'
t 'BigDecimal("1.5") - BigDecimal("1.5")'
t 'BigDecimal("-1.5") - BigDecimal("2")'
t 'BigDecimal("1.5") * BigDecimal("-1.5")'
t 'BigDecimal("123456789.987654321") * BigDecimal("987654321.123456789")'
t 'BigDecimal("1")/3'
t 'BigDecimal("2")/3'
t 'BigDecimal("1")/7'
t 'BigDecimal("-2")/3'
t 'BigDecimal("1234567890123")/7'
t 'BigDecimal("12345678901234567890123")/7'
t 'BigDecimal("1")/BigDecimal("7.1234567890123456789012345")'
t 'BigDecimal("1.5")/3'
t 'BigDecimal("10")/4'
t 'BigDecimal("1")/BigDecimal("1234567890")'
t 'BigDecimal("0.000000001")/3'
t 'BigDecimal("0.0000000001")/3'
t 'BigDecimal("100000000000")/3'
t 'BigDecimal("1000000000")/3'
t 'BigDecimal("100000000")/3'
t 'BigDecimal("1"*50)/7'
t 'BigDecimal("1")/BigDecimal("7"+"1"*49)'
t 'BigDecimal("1"*37)/7'
t 'BigDecimal("111111111.1")/7'
t 'BigDecimal("1")/3*3'
t '(BigDecimal("1")/3).precs'
t 'BigDecimal("1").quo(3)'
t 'BigDecimal("1").quo(3, 5)'
t 'BigDecimal("1").div(3, 5)'
t 'BigDecimal("2").div(3, 10)'
t 'BigDecimal("2").div(3, 0)'
t 'BigDecimal("22").div(7, 30)'
t 'BigDecimal("1").div(BigDecimal("0.3"), 3)'
t 'BigDecimal("7.5").div(2)'
t 'BigDecimal("-7.5").div(2)'
t 'BigDecimal("1")/0'
t 'BigDecimal("-1")/0'
t 'BigDecimal("0")/0'
t 'BigDecimal("1") % 0'
t 'BigDecimal("1").divmod(0)'
t 'BigDecimal("1").div(0)'
t 'BigDecimal("7.5") % 2'
t 'BigDecimal("-7.5") % 2'
t 'BigDecimal("7.5").modulo(-2)'
t 'BigDecimal("-7.5").divmod(2)'
t 'BigDecimal("7.5").divmod(BigDecimal("0.7"))'
t 'BigDecimal("-7.5").remainder(2)'
t 'BigDecimal("7.5").remainder(-2)'
t 'BigDecimal("13.25").remainder(BigDecimal("0.5"))'
t 'BigDecimal("2") ** 10'
t 'BigDecimal("2") ** -1'
t 'BigDecimal("3") ** -2'
t 'BigDecimal("1.5") ** 3'
t 'BigDecimal("-1.5") ** 3'
t 'BigDecimal("0.1") ** 3'
t 'BigDecimal("2") ** BigDecimal("2")'
t 'BigDecimal("2").power(3, 2)'
t 'BigDecimal("0") ** -1'
t 'BigDecimal("Infinity") ** 2'
t 'BigDecimal("-1.5").abs'
t '-BigDecimal("1.5")'
t '-BigDecimal("0")'
t '+BigDecimal("1.5")'
t 'BigDecimal("16").sqrt(5)'
t 'BigDecimal("0.25").sqrt(5)'
t 'BigDecimal("2").sqrt(16).round(16)'
t 'BigDecimal("-1").sqrt(5)'
t 'BigDecimal("1.5") + 1.25'
t 'BigDecimal("1.5") * Rational(1,3)'
t 'BigDecimal("1.5") / 0.1'
t 'BigDecimal("1.5") - 3'
t '1 + BigDecimal("2")'
t '1.5 + BigDecimal("2")'
t 'Rational(1,2) + BigDecimal("2")'
t '2 * BigDecimal("2.5")'
t '10 / BigDecimal("4")'
t '(2**70) - BigDecimal("0.5")'
t 'BigDecimal("1") + nil'
t 'BigDecimal("1") + "2"'
t 'BigDecimal("1").coerce(2)'
t 'BigDecimal("1").coerce(2.5)'
t 'BigDecimal("1").coerce("2")'
t 'BigDecimal("1.5").add(BigDecimal("1.25"), 2)'
t 'BigDecimal("1.5").sub(BigDecimal("1.25"), 1)'
t 'BigDecimal("1.5").mult(BigDecimal("1.25"), 2)'
t 'BigDecimal("1.5").add(1, 0)'
t 'BigDecimal("NaN") + 1'
t 'BigDecimal("Infinity") + BigDecimal("-Infinity")'
t 'BigDecimal("Infinity") * 0'
t 'BigDecimal("Infinity") - 1e10'
t 'BigDecimal("5") / BigDecimal("Infinity")'
t 'BigDecimal("1e40")/3'
t 'BigDecimal(10)**40/3'
t 'BigDecimal("1e-40")/3'
t 'BigDecimal("123e30")/BigDecimal("7e-10")'
t '(BigDecimal("1.5")**7)/BigDecimal("0.7")'
%w[2 3 10 0.5 1e21 12345.6789 0.000123 7e-15 99999999999999999999].each do |s|
  [1, 10, 16, 50].each { |n| t "BigDecimal(#{s.inspect}).sqrt(#{n})" }
end
t 'BigDecimal.save_rounding_mode { BigDecimal.mode(BigDecimal::ROUND_MODE, :floor); BigDecimal("2").sqrt(10) }'
t 'BigDecimal("1").sqrt(5)'
t 'BigDecimal("NaN").sqrt(5)'
t 'BigDecimal("Infinity").sqrt(5)'
t 'BigDecimal("-0").sqrt(5)'
t 'BigDecimal("0.957e32") % BigDecimal("0.0012284714013")'
t 'BigDecimal("90836311046502289616507553").divmod(BigDecimal("0.6092369872244372382292"))'
t 'BigDecimal("-0.528986570493652594892e45").divmod(BigDecimal("0.76825"))'
t 'BigDecimal("1e20") % BigDecimal("7e-20")'
t 'BigDecimal("0.854256490415070262109015054e49").remainder(BigDecimal("0.889e-7"))'
t 'BigDecimal("-0").remainder(3)'
t '(1..4).map { |k| BigDecimal("1.5") ** -k }'
t 'BigDecimal("0.0086557421") ** -3'
# expect: BigDecimal("1.1") + BigDecimal("2.25") => 0.335e1
# expect: BigDecimal("0.1") + BigDecimal("0.2") == BigDecimal("0.3") => true
# expect: BigDecimal("1e20") + BigDecimal("1e-20") => 0.10000000000000000000000000000000000000001e21
# expect: BigDecimal("1.5") - BigDecimal("1.5") => 0.0
# expect: BigDecimal("-1.5") - BigDecimal("2") => -0.35e1
# expect: BigDecimal("1.5") * BigDecimal("-1.5") => -0.225e1
# expect: BigDecimal("123456789.987654321") * BigDecimal("987654321.123456789") => 0.121932632103337905662094193112635269e18
# expect: BigDecimal("1")/3 => 0.333333333333333333333333333333333333e0
# expect: BigDecimal("2")/3 => 0.666666666666666666666666666666666667e0
# expect: BigDecimal("1")/7 => 0.142857142857142857142857142857142857e0
# expect: BigDecimal("-2")/3 => -0.666666666666666666666666666666666667e0
# expect: BigDecimal("1234567890123")/7 => 0.176366841446142857142857142857142857143e12
# expect: BigDecimal("12345678901234567890123")/7 => 0.1763668414462081127160428571428571428571e22
# expect: BigDecimal("1")/BigDecimal("7.1234567890123456789012345") => 0.140381282517563804900943110495389962e0
# expect: BigDecimal("1.5")/3 => 0.5e0
# expect: BigDecimal("10")/4 => 0.25e1
# expect: BigDecimal("1")/BigDecimal("1234567890") => 0.810000007371000067076100610392515555e-9
# expect: BigDecimal("0.000000001")/3 => 0.333333333333333333333333333333333333e-9
# expect: BigDecimal("0.0000000001")/3 => 0.33333333333333333333333333333333333333333333e-10
# expect: BigDecimal("100000000000")/3 => 0.33333333333333333333333333333333333333e11
# expect: BigDecimal("1000000000")/3 => 0.333333333333333333333333333333333333e9
# expect: BigDecimal("100000000")/3 => 0.33333333333333333333333333333333333333333333e8
# expect: BigDecimal("1"*50)/7 => 0.1587301587301587301587301587301587301587301587301571428571e49
# expect: BigDecimal("1")/BigDecimal("7"+"1"*49) => 0.140625e-49
# expect: BigDecimal("1"*37)/7 => 0.158730158730158730158730158730158730142857143e36
# expect: BigDecimal("111111111.1")/7 => 0.15873015871428571428571428571428571428571429e8
# expect: BigDecimal("1")/3*3 => 0.999999999999999999999999999999999999e0
# expect: (BigDecimal("1")/3).precs => [36, 54]
# expect: BigDecimal("1").quo(3) => 0.333333333333333333333333333333333333e0
# expect: BigDecimal("1").quo(3, 5) => 0.33333e0
# expect: BigDecimal("1").div(3, 5) => 0.33333e0
# expect: BigDecimal("2").div(3, 10) => 0.6666666667e0
# expect: BigDecimal("2").div(3, 0) => 0.666666666666666666666666666666666667e0
# expect: BigDecimal("22").div(7, 30) => 0.314285714285714285714285714286e1
# expect: BigDecimal("1").div(BigDecimal("0.3"), 3) => 0.333e1
# expect: BigDecimal("7.5").div(2) => 3
# expect: BigDecimal("-7.5").div(2) => -4
# expect: BigDecimal("1")/0 => Infinity
# expect: BigDecimal("-1")/0 => -Infinity
# expect: BigDecimal("0")/0 => NaN
# expect: BigDecimal("1") % 0 => ZeroDivisionError: divided by 0
# expect: BigDecimal("1").divmod(0) => ZeroDivisionError: divided by 0
# expect: BigDecimal("1").div(0) => ZeroDivisionError: divided by 0
# expect: BigDecimal("7.5") % 2 => 0.15e1
# expect: BigDecimal("-7.5") % 2 => 0.5e0
# expect: BigDecimal("7.5").modulo(-2) => -0.5e0
# expect: BigDecimal("-7.5").divmod(2) => [-0.4e1, 0.5e0]
# expect: BigDecimal("7.5").divmod(BigDecimal("0.7")) => [0.1e2, 0.5e0]
# expect: BigDecimal("-7.5").remainder(2) => -0.15e1
# expect: BigDecimal("7.5").remainder(-2) => 0.15e1
# expect: BigDecimal("13.25").remainder(BigDecimal("0.5")) => 0.25e0
# expect: BigDecimal("2") ** 10 => 0.1024e4
# expect: BigDecimal("2") ** -1 => 0.5e0
# expect: BigDecimal("3") ** -2 => 0.111111111111111111111111111111111111e0
# expect: BigDecimal("1.5") ** 3 => 0.3375e1
# expect: BigDecimal("-1.5") ** 3 => -0.3375e1
# expect: BigDecimal("0.1") ** 3 => 0.1e-2
# expect: BigDecimal("2") ** BigDecimal("2") => 0.4e1
# expect: BigDecimal("2").power(3, 2) => 0.8e1
# expect: BigDecimal("0") ** -1 => Infinity
# expect: BigDecimal("Infinity") ** 2 => Infinity
# expect: BigDecimal("-1.5").abs => 0.15e1
# expect: -BigDecimal("1.5") => -0.15e1
# expect: -BigDecimal("0") => -0.0
# expect: +BigDecimal("1.5") => 0.15e1
# expect: BigDecimal("16").sqrt(5) => 0.4e1
# expect: BigDecimal("0.25").sqrt(5) => 0.5e0
# expect: BigDecimal("2").sqrt(16).round(16) => 0.1414213562373095e1
# expect: BigDecimal("-1").sqrt(5) => FloatDomainError: sqrt of negative value
# expect: BigDecimal("1.5") + 1.25 => 0.275e1
# expect: BigDecimal("1.5") * Rational(1,3) => 0.4999999999999999995e0
# expect: BigDecimal("1.5") / 0.1 => 0.15e2
# expect: BigDecimal("1.5") - 3 => -0.15e1
# expect: 1 + BigDecimal("2") => 0.3e1
# expect: 1.5 + BigDecimal("2") => 0.35e1
# expect: Rational(1,2) + BigDecimal("2") => 0.25e1
# expect: 2 * BigDecimal("2.5") => 0.5e1
# expect: 10 / BigDecimal("4") => 0.25e1
# expect: (2**70) - BigDecimal("0.5") => 0.11805916207174113034235e22
# expect: BigDecimal("1") + nil => TypeError: nil can't be coerced into BigDecimal
# expect: BigDecimal("1") + "2" => TypeError: String can't be coerced into BigDecimal
# expect: BigDecimal("1").coerce(2) => [0.2e1, 0.1e1]
# expect: BigDecimal("1").coerce(2.5) => [0.25e1, 0.1e1]
# expect: BigDecimal("1").coerce("2") => TypeError: String can't be coerced into BigDecimal
# expect: BigDecimal("1.5").add(BigDecimal("1.25"), 2) => 0.28e1
# expect: BigDecimal("1.5").sub(BigDecimal("1.25"), 1) => 0.3e0
# expect: BigDecimal("1.5").mult(BigDecimal("1.25"), 2) => 0.19e1
# expect: BigDecimal("1.5").add(1, 0) => 0.25e1
# expect: BigDecimal("NaN") + 1 => NaN
# expect: BigDecimal("Infinity") + BigDecimal("-Infinity") => NaN
# expect: BigDecimal("Infinity") * 0 => NaN
# expect: BigDecimal("Infinity") - 1e10 => Infinity
# expect: BigDecimal("5") / BigDecimal("Infinity") => 0.0
# expect: BigDecimal("1e40")/3 => 0.3333333333333333333333333333333333333333333333333e40
# expect: BigDecimal(10)**40/3 => 0.3333333333333333333333333333333333333333333333333e40
# expect: BigDecimal("1e-40")/3 => 0.33333333333333333333333333333333333333333333333333e-40
# expect: BigDecimal("123e30")/BigDecimal("7e-10") => 0.175714285714285714285714285714286e42
# expect: (BigDecimal("1.5")**7)/BigDecimal("0.7") => 0.24408482142857142857142857143e2
# expect: BigDecimal("2").sqrt(1) => 0.1414213562e1
# expect: BigDecimal("2").sqrt(10) => 0.1414213562373095048666666667e1
# expect: BigDecimal("2").sqrt(16) => 0.1414213562373095048801688724e1
# expect: BigDecimal("2").sqrt(50) => 0.1414213562373095048801688724209698078569671875376948073176679737746031747e1
# expect: BigDecimal("3").sqrt(1) => 0.1732050807141732284e1
# expect: BigDecimal("3").sqrt(10) => 0.1732050807568877293516129033e1
# expect: BigDecimal("3").sqrt(16) => 0.1732050807568877293527446341503937008e1
# expect: BigDecimal("3").sqrt(50) => 0.1732050807568877293527446341505872366942805253810380628055806979e1
# expect: BigDecimal("10").sqrt(1) => 0.316227766e1
# expect: BigDecimal("10").sqrt(10) => 0.3162277660168379331499021527e1
# expect: BigDecimal("10").sqrt(16) => 0.3162277660168379331998893544e1
# expect: BigDecimal("10").sqrt(50) => 0.3162277660168379331998893544432718533719555139325216826857504852666666667e1
# expect: BigDecimal("0.5").sqrt(1) => 0.707106781e0
# expect: BigDecimal("0.5").sqrt(10) => 0.707106781186547524e0
# expect: BigDecimal("0.5").sqrt(16) => 0.707106781186547524400844362e0
# expect: BigDecimal("0.5").sqrt(50) => 0.707106781186547524400844362104849039284835937688474036588339868992125984251968504e0
# expect: BigDecimal("1e21").sqrt(1) => 0.31622776601666666667e11
# expect: BigDecimal("1e21").sqrt(10) => 0.31622776601683793319936507937e11
# expect: BigDecimal("1e21").sqrt(16) => 0.31622776601683793319988935444e11
# expect: BigDecimal("1e21").sqrt(50) => 0.31622776601683793319988935444327185337195551393252168268575048527714285715e11
# expect: BigDecimal("12345.6789").sqrt(1) => 0.111111110605533333334e3
# expect: BigDecimal("12345.6789").sqrt(10) => 0.111111110605555554405e3
# expect: BigDecimal("12345.6789").sqrt(16) => 0.111111110605555554405416661433133333334e3
# expect: BigDecimal("12345.6789").sqrt(50) => 0.111111110605555554405416661433534692458784098601343510714585706752253968254e3
# expect: BigDecimal("0.000123").sqrt(1) => 0.11090536125984251968503938e-1
# expect: BigDecimal("0.000123").sqrt(10) => 0.11090536506409417e-1
# expect: BigDecimal("0.000123").sqrt(16) => 0.110905365064094171620516e-1
# expect: BigDecimal("0.000123").sqrt(50) => 0.1109053650640941716205160010260993291846337674245402002287731241935483870967742e-1
# expect: BigDecimal("7e-15").sqrt(1) => 0.83666002653e-7
# expect: BigDecimal("7e-15").sqrt(10) => 0.83666002653407554797666666667e-7
# expect: BigDecimal("7e-15").sqrt(16) => 0.8366600265340755479781720257806451613e-7
# expect: BigDecimal("7e-15").sqrt(50) => 0.83666002653407554797817202578518748939281536929867219981119154308e-7
# expect: BigDecimal("99999999999999999999").sqrt(1) => 0.9999999999999999999933333334e10
# expect: BigDecimal("99999999999999999999").sqrt(10) => 0.9999999999999999999933333334e10
# expect: BigDecimal("99999999999999999999").sqrt(16) => 0.999999999999999999994999999999609375e10
# expect: BigDecimal("99999999999999999999").sqrt(50) => 0.99999999999999999999499999999999999999998749999999999999999993749921875e10
# expect: BigDecimal.save_rounding_mode { BigDecimal.mode(BigDecimal::ROUND_MODE, :floor); BigDecimal("2").sqrt(10) } => 0.1414213562373095048666666666e1
# expect: BigDecimal("1").sqrt(5) => 0.1e1
# expect: BigDecimal("NaN").sqrt(5) => FloatDomainError: sqrt of 'NaN'(Not a Number)
# expect: BigDecimal("Infinity").sqrt(5) => Infinity
# expect: BigDecimal("-0").sqrt(5) => -0.0
# expect: BigDecimal("0.957e32") % BigDecimal("0.0012284714013") => 0.1056624e-2
# expect: BigDecimal("90836311046502289616507553").divmod(BigDecimal("0.6092369872244372382292")) => [0.149098483761359416113301115e27, 0.117793919513911015e0]
# expect: BigDecimal("-0.528986570493652594892e45").divmod(BigDecimal("0.76825")) => [-0.688560456223433250754311747478034493e45, 0.37e-1]
# expect: BigDecimal("1e20") % BigDecimal("7e-20") => 0.3e-10
# expect: BigDecimal("0.854256490415070262109015054e49").remainder(BigDecimal("0.889e-7")) => 0.66e2
# expect: BigDecimal("-0").remainder(3) => -0.0
# expect: (1..4).map { |k| BigDecimal("1.5") ** -k } => [0.666666666666666666666666666666666666666666666e0, 0.444444444444444444444444444444444444444444444444444444444444444e0, 0.296296296296296296296296296296296296296296296296296296296296296296296296296296296e0, 0.197530864197530864197530864197530864197530864197530864197530864197530864197530864197530864197530864197530864e0]
# expect: BigDecimal("0.0086557421") ** -3 => 0.1542009594272246127382221459343557247143100641307614675301030803090974545907674e7
