# Complex arithmetic and formatting
def t
  p yield
rescue Exception => e
  puts "#{e.class}: #{e.message}"
end
t { (Complex(1, 2)) }  # expect: (1+2i)
t { (Complex(1, 2) * Complex(3, 4)) }  # expect: (-5+10i)
t { (Complex(1, 2) + 1) }  # expect: (2+2i)
t { (Complex(1.0, -0.0)) }  # expect: (1.0-0.0i)
t { (Complex(1, Float::NAN)) }  # expect: (1+NaN*i)
t { (Complex(3, 4).abs) }  # expect: 5.0
t { (Complex(1, 2) ** 2) }  # expect: (-3+4i)
t { (Complex(1, 2) / Complex(3, 4)) }  # expect: ((11/25)+(2/25)*i)
t { (Complex(1.0, 2) / Complex(3, 4)) }  # expect: (0.44+0.08i)
t { (Complex(1, 2).to_s) }  # expect: "1+2i"
t { (Complex(1, 0) == 1) }  # expect: true
t { (Complex(1, 2).to_f) }  # expect: RangeError: can't convert 1+2i into Float
t { (Complex.polar(1, (Math::PI / 2))) }  # expect: (0.0+1i)
t { (Complex(1, 2) ** -1) }  # expect: ((1/5)-(2/5)*i)
t { (Complex(-1, 0) ** 0.5) }  # expect: (0.0+1.0i)
t { (Complex(3, 4) ** 0.5) }  # expect: (2.0+1.0i)
t { (Complex("1+2i")) }  # expect: (1+2i)
t { (Complex("-2.5i")) }  # expect: (0-2.5i)
t { (Complex(1, 2).conj) }  # expect: (1-2i)
t { (Complex(1, 2).polar) }  # expect: [2.23606797749979, 1.1071487177940904]
t { (1 + Complex(1, 2)) }  # expect: (2+2i)
t { (2.5 * Complex(1, 2)) }  # expect: (2.5+5.0i)
t { (Complex(Rational(1, 2), 3).to_s) }  # expect: "1/2+3i"
