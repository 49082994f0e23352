# Rational#rationalize, ** with big and exact exponents, Kernel#Rational exception: false; Float rounding and powers of infinities (rational.c, float.c)
def t
  p yield
rescue Exception => e
  puts "#{e.class}: #{e.message.lines.first.to_s.chomp}"
end
# rationalize walks |self| -+ |e| in the arithmetic e brings (Float for a Float), as CRuby
t { (1r/2).rationalize(3) }  # expect: (-2/1)
t { (-1r/2).rationalize(3) }  # expect: (2/1)
t { 0r.rationalize(1) }  # expect: (-1/1)
t { (2**70/3r).rationalize(0.1) }  # expect: (1180591620717411303424/3)
t { (5r/7).rationalize(1e-20) }  # expect: (5/7)
t { (1r/3).rationalize(0.1) }  # expect: (1/3)
t { (22r/7).rationalize(0.001) }  # expect: (22/7)
t { (-Float::INFINITY).rationalize }  # expect: FloatDomainError: Infinity
t { (-Float::INFINITY).rationalize(0.1) }  # expect: FloatDomainError: Infinity
t { Float::INFINITY.rationalize(Float::INFINITY) }  # expect: FloatDomainError: NaN
# ** with a Bignum exponent is a Float power; -1 to an Integer stays exact
t { (-2r/7) ** (2**70) }  # expect: 0.0
t { (1.5r) ** (2**70) }  # expect: Infinity
t { Rational(-1, 1) ** 3 }  # expect: (-1/1)
t { Rational(-1, 1) ** (2**70) }  # expect: (1/1)
t { (3r/2) ** 0.5 }  # expect: 1.224744871391589
t { (-8r) ** (1r/3) }  # expect: (1.0000000000000002+1.7320508075688772i)
t { Rational('1/0', exception: false) }  # expect: nil
t { Rational('1/0') }  # expect: ZeroDivisionError: divided by 0
# Float edge cases
t { Float::INFINITY.round(half: :even) }  # expect: FloatDomainError: NaN
t { (-Float::INFINITY).round(0, half: :even) }  # expect: FloatDomainError: NaN
t { Float::INFINITY.round(half: :up) }  # expect: FloatDomainError: Infinity
t { (-Float::INFINITY) ** 1.5 }  # expect: (0.0-Infinity*i)
t { (-Float::INFINITY) ** 0.5 }  # expect: (0.0+Infinity*i)
t { (-8.0) ** -1.5 }  # expect: (0.0+0.04419417382415922i)
