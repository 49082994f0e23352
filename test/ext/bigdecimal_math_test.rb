# BigMath (PI, E, exp, log, sqrt, sin, atan), bigdecimal/util, Marshal
require 'bigdecimal'
require 'bigdecimal/math'
require 'bigdecimal/util'
p BigMath.PI(10)
p BigMath.PI(50)
s = BigMath.PI(1000).to_s
p s.size, s[0, 30], s[-20..]
p BigMath.E(10).round(8)
p BigMath.E(20).round(18)
p BigMath.exp(BigDecimal("2"), 20).round(18)
p BigMath.exp(BigDecimal("-1"), 20).round(18)
p BigMath.log(BigDecimal("2"), 20).round(18)
p BigMath.log(BigDecimal("10"), 20).round(18)
p BigMath.log(BigDecimal("0.5"), 20).round(18)
p BigMath.sqrt(BigDecimal("2"), 10).round(10)
p BigMath.sin(BigDecimal("1"), 20).round(18)
p BigMath.cos(BigDecimal("1"), 20).round(18)
p BigMath.atan(BigDecimal("1"), 20).round(18)
p (BigDecimal("2") ** 0.5).round(18)
p (BigDecimal("9") ** Rational(1, 2)).round(10)
begin; BigMath.PI(0); rescue => e; p e.class, e.message; end
begin; BigMath.log(BigDecimal("-1"), 10); rescue => e; p e.class, e.message; end
p "1.5".to_d, 3.to_d, 0.1.to_d, 1.0.fdiv(3).to_d(5), Rational(1,3).to_d(5), nil.to_d, "abc".to_d, "1.2e3xyz".to_d
p BigDecimal("123.456").to_d.equal?(BigDecimal("123.456").to_d)
p BigDecimal("123.456").to_digits, BigDecimal("-0.001").to_digits, BigDecimal("100").to_digits, BigDecimal("NaN").to_digits
p BigDecimal("1.23")._dump, BigDecimal("1.234567890123")._dump, BigDecimal("NaN")._dump, BigDecimal("-Infinity")._dump
p BigDecimal._load("18:0.123e1")
begin; BigDecimal._load("x:1"); rescue => e; p e.class, e.message; end
d = Marshal.dump(BigDecimal("3.14"))
p d, Marshal.load(d)
p Marshal.load(Marshal.dump([BigDecimal("-0.001"), BigDecimal("NaN"), BigDecimal("1e100")]))
sum = (1..100).map { |i| BigDecimal(i).div(7, 20) }.sum
p sum, sum.class
p [BigDecimal("0.1")] * 3 == [BigDecimal("0.1")] * 3, (1..10).sum { BigDecimal("0.1") }
# expect: 0.3141592653589793238462643388813853786957412e1
# expect: 0.3141592653589793238462643383279502884197169399375105820974944592309049629352442819e1
# expect: 1038
# expect: "0.3141592653589793238462643383"
# expect: "505906988788448549e1"
# expect: 0.271828183e1
# expect: 0.2718281828459045235e1
# expect: 0.7389056098930650227e1
# expect: 0.367879441171442322e0
# expect: 0.693147180559945309e0
# expect: 0.2302585092994045684e1
# expect: -0.693147180559945309e0
# expect: 0.14142135624e1
# expect: 0.841470984807896507e0
# expect: 0.540302305868139717e0
# expect: 0.78539816339744831e0
# expect: 0.1414213562373095049e1
# expect: 0.3e1
# expect: ArgumentError
# expect: "Zero or negative precision for PI"
# expect: Math::DomainError
# expect: "Zero or negative argument for log"
# expect: 0.15e1
# expect: 0.3e1
# expect: 0.1e0
# expect: 0.33333e0
# expect: 0.33333e0
# expect: 0.0
# expect: 0.0
# expect: 0.12e4
# expect: false
# expect: "123.456"
# expect: "0.001"
# expect: "100.0"
# expect: "NaN"
# expect: "18:0.123e1"
# expect: "27:0.1234567890123e1"
# expect: "9:NaN"
# expect: "9:-Infinity"
# expect: 0.123e1
# expect: TypeError
# expect: "load failed: invalid character in the marshaled string"
# expect: "\x04\bu:\x0FBigDecimal\x0F18:0.314e1"
# expect: 0.314e1
# expect: [-0.1e-2, NaN, 0.1e101]
# expect: 0.721428571428571428571e3
# expect: BigDecimal
# expect: true
# expect: 0.1e1
