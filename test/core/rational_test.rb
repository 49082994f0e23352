# Rational arithmetic, parsing, rounding; Float#to_r / rationalize
def t
  p yield
rescue Exception => e
  puts "#{e.class}: #{e.message}"
end
t { (Rational(1, 3)) }  # expect: (1/3)
t { (Rational(" 1/3 ")) }  # expect: (1/3)
t { (Rational("0.75")) }  # expect: (3/4)
t { (Rational("1.5/2")) }  # expect: (3/4)
t { (Rational("1e2")) }  # expect: (100/1)
t { (Rational("abc")) }  # expect: ArgumentError: invalid value for convert(): "abc"
t { (Rational("1/0")) }  # expect: ZeroDivisionError: divided by 0
t { (Rational(1.5, 2)) }  # expect: (3/4)
t { (Rational(3, -6)) }  # expect: (-1/2)
t { (Rational(nil)) }  # expect: TypeError: can't convert nil into Rational
t { (Rational(22, 7).round(2)) }  # expect: (157/50)
t { (Rational(22, 7).round) }  # expect: 3
t { (Rational(-5, 2).round) }  # expect: -3
t { (Rational(5, 2).round(half: :even)) }  # expect: 2
t { (Rational(22, 7).floor(1)) }  # expect: (31/10)
t { (Rational(22, 7).ceil(-1)) }  # expect: 10
t { (Rational(1, 3) + 1) }  # expect: (4/3)
t { (Rational(1, 3) + 0.5) }  # expect: 0.8333333333333333
t { (Rational(1, 3) * Rational(3, 2)) }  # expect: (1/2)
t { (Rational(1, 3) / 0) }  # expect: ZeroDivisionError: divided by 0
t { (Rational(1, 3) / 0.0) }  # expect: Infinity
t { (Rational(1, 3) ** 2) }  # expect: (1/9)
t { (Rational(1, 3) ** -2) }  # expect: (9/1)
t { (Rational(0) ** -1) }  # expect: ZeroDivisionError: divided by 0
t { (Rational(4, 9) ** 0.5) }  # expect: 0.6666666666666666
t { (Rational(1, 3) == Rational(2, 6)) }  # expect: true
t { (Rational(2, 1) == 2) }  # expect: true
t { (Rational(1, 2) == 0.5) }  # expect: true
t { (Rational(1, 2) <=> 1) }  # expect: -1
t { (Rational(1, 2).to_f) }  # expect: 0.5
t { (Rational(1, 2).to_s) }  # expect: "1/2"
t { (Rational(-1, 2).abs) }  # expect: (1/2)
t { (Rational(1, 3).coerce(2)) }  # expect: [(2/1), (1/3)]
t { (Rational(7, 3).divmod(1)) }  # expect: [2, (1/3)]
t { (Rational(7, 3) % Rational(1, 2)) }  # expect: (1/3)
t { (1.quo(3) + 2) }  # expect: (7/3)
t { (1.quo(2.0)) }  # expect: 0.5
t { (2 * Rational(1, 3)) }  # expect: (2/3)
t { (1 == Rational(1)) }  # expect: true
t { (1 < Rational(3, 2)) }  # expect: true
t { (1.0 + Rational(1, 2)) }  # expect: 1.5
t { (1.0.to_r) }  # expect: (1/1)
t { (-0.75.to_r) }  # expect: (-3/4)
t { (0.1.to_r) }  # expect: (3602879701896397/36028797018963968)
t { (0.1.rationalize) }  # expect: (1/10)
t { (0.333.rationalize(0.01)) }  # expect: (1/3)
t { (1.5.rationalize(0.1)) }  # expect: (3/2)
t { (-0.3.rationalize) }  # expect: (-3/10)
t { (2.0.rationalize) }  # expect: (2/1)
t { (Float::INFINITY.to_r) }  # expect: FloatDomainError: Infinity
t { (0.5.numerator) }  # expect: 1
t { (0.5.denominator) }  # expect: 2
t { (Float::INFINITY.numerator) }  # expect: Infinity
