# Math module functions and domain errors
def t
  p yield
rescue Exception => e
  puts "#{e.class}: #{e.message}"
end
t { (Math.sqrt(-1)) }  # expect: Math::DomainError: Numerical argument is out of domain - sqrt
t { (Math.sqrt(4)) }  # expect: 2.0
t { (Math.sqrt(-0.0)) }  # expect: 0.0
t { (Math.sqrt("a")) }  # expect: TypeError: can't convert String into Float
t { (Math.sqrt(nil)) }  # expect: TypeError: can't convert nil into Float
t { (Math.log(8, 2)) }  # expect: 3.0
t { (Math.log(0)) }  # expect: -Infinity
t { (Math.log(-1)) }  # expect: Math::DomainError: Numerical argument is out of domain - log
t { (Math.log(10 ** 400)) }  # expect: 921.0340371976183
t { (Math.log(10 ** 400, 10)) }  # expect: 400.0
t { (Math.log2(2 ** 1024)) }  # expect: 1024.0
t { (Math.log10(10 ** 400)) }  # expect: 400.0
t { (Math.log(2 ** 1000, 2)) }  # expect: 1000.0000000000001
t { (Math.cbrt(27)) }  # expect: 3.0
t { (Math.cbrt(-27)) }  # expect: -3.0
t { (Math.cbrt(2 ** 70)) }  # expect: 10568983.798516532
t { (Math.gamma(5)) }  # expect: 24.0
t { (Math.gamma(0.5)) }  # expect: 1.772453850905516
t { (Math.gamma(171)) }  # expect: 7.257415615307999e+306
t { (Math.gamma(172)) }  # expect: Infinity
t { (Math.gamma(-1)) }  # expect: Math::DomainError: Numerical argument is out of domain - gamma
t { (Math.gamma(-0.0)) }  # expect: -Infinity
t { (Math.lgamma(-1)) }  # expect: [Infinity, 1]
t { (Math.lgamma(-0.5)) }  # expect: [1.2655121234846454, -1]
t { (Math.lgamma(-0.0)) }  # expect: [Infinity, -1]
t { (Math.frexp(1234.0)) }  # expect: [0.6025390625, 11]
t { (Math.ldexp(0.5, 2)) }  # expect: 2.0
t { (Math.ldexp(1, 2.7)) }  # expect: 4.0
t { (Math.atan2(0, -0.0)) }  # expect: 3.141592653589793
t { (Math.hypot(3, 4)) }  # expect: 5.0
t { (Math.erf(1)) }  # expect: 0.8427007929497149
t { (Math.acos(2)) }  # expect: Math::DomainError: Numerical argument is out of domain - acos
t { (Math.atanh(1)) }  # expect: Infinity
t { (Math.acosh(0.5)) }  # expect: Math::DomainError: Numerical argument is out of domain - acosh
t { (Math::PI) }  # expect: 3.141592653589793
t { (Math::E) }  # expect: 2.718281828459045
t { (Math.log(1r / 3)) }  # expect: -1.0986122886681098
