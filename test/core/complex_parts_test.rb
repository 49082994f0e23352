# Complex arithmetic with exact and signed-zero parts, fdiv, powers, abs, <=>, parsing (complex.c)
def t
  p yield
rescue Exception => e
  puts "#{e.class}: #{e.message.lines.first.to_s.chomp}"
end
# the parts' arithmetic drops an exact 0 and 1: signs of zero and types as CRuby's
t { 2 + Complex(0.0, -0.0) }  # expect: (2.0-0.0i)
t { (1r/2) + Complex(0.0, -0.0) }  # expect: (0.5-0.0i)
t { Complex(0.0, -0.0) + Complex(3, 0) }  # expect: (3.0-0.0i)
t { 2 * Complex(1r/2, 3) }  # expect: ((1/1)+6i)
t { 0 * Complex(1r/2, 3) }  # expect: ((0/1)+0i)
t { -3 * Complex(0.0, -0.0) }  # expect: (-0.0+0.0i)
t { -3 * Complex.polar(2, 0) }  # expect: (-6-0.0i)
t { 0.0 * Complex(0, -1) }  # expect: (0.0-0.0i)
t { 0.0 / Complex(0, -1) }  # expect: (-0.0-0.0i)
t { 0 / Complex(-1.5, 0.5) }  # expect: (0.0-0.0i)
# an infinite part times a zero part is no NaN
t { 2 * Complex(Float::INFINITY, 1) }  # expect: (Infinity+2i)
t { 0 * Complex(Float::INFINITY, 1) }  # expect: (NaN+0i)
t { 0.0 * Complex(Float::INFINITY, 1) }  # expect: (0.0+0.0i)
t { Complex(Float::INFINITY, 1) * Complex(3, 0) }  # expect: (Infinity+3.0i)
t { Complex(0, 1) * Complex(Float::INFINITY, 0) }  # expect: (0.0+Infinity*i)
t { Complex(Float::INFINITY, 1) ** 2 }  # expect: (Infinity+Infinity*i)
t { Complex(Float::INFINITY, 1) ** 3r }  # expect: (NaN+Infinity*i)
# Complex#fdiv of a Complex, Rational#fdiv and Integer#fdiv of one
t { Complex(1, 2).fdiv(Complex(-1.5, 0.5)) }  # expect: (-0.2-1.4000000000000001i)
t { Complex(1r/2, 3).fdiv(Complex(1, 2)) }  # expect: (1.3+0.4i)
t { Complex(3, 0).fdiv(-2r/7) }  # expect: (-10.5+0.0i)
t { (1r/3).fdiv(Complex(1, 2)) }  # expect: RangeError: can't convert 1/15-2/15i into Float
t { (0r).fdiv(Complex(1, 2)) }  # expect: 0.0
t { 2.fdiv(Complex(1, 1)) }  # expect: RangeError: can't convert 1.0-1.0i into Float
t { 0.fdiv(-2r/7) }  # expect: 0.0
t { 1.fdiv("x") }  # expect: TypeError: String can't be coerced into Integer
# powers: an exact zero exponent (Complex(0.0, -0.0) too) is exact 1
t { Complex(1, 2) ** 0r }  # expect: (1+0i)
t { 2 ** Complex(0.0, -0.0) }  # expect: (1+0i)
t { (1r/2) ** Complex(0.0, -0.0) }  # expect: (1/1)
t { Complex(1, 2) ** 3r }  # expect: (-11-2i)
t { Complex(1r/2, 3) ** 3r }  # expect: ((-107/8)-(99/4)*i)
t { Complex(0, -1) ** 3r }  # expect: (0+1i)
t { Complex(2, 0) ** -1 }  # expect: ((1/2)+0i)
t { Complex(1, 1) ** -3 }  # expect: ((-1/4)-(1/4)*i)
t { 0 ** Complex(1, 2) }  # expect: (0.0+0.0i)
t { (1r/2) ** Complex(Float::INFINITY, 1) }  # expect: (0.0+0.0i)
t { Complex.polar(2, 0) ** 3r }  # expect: (8+0.0i)
t { (0r) ** Complex(1, 2) }  # expect: ArgumentError: comparison of Complex with 0 failed
t { (0r) ** Complex(3, 0) }  # expect: ArgumentError: comparison of Complex with 0 failed
# abs and polar are exact when a part is zero; <=> takes a 0.0 imaginary part as real
t { Complex(3, 0).abs }  # expect: 3
t { Complex(0, -1).polar }  # expect: [1, -1.5707963267948966]
t { Complex.polar(2, 0).abs }  # expect: 2.0
t { Complex(0.0, -0.0) <=> 2 }  # expect: -1
t { 2 <=> Complex(0.0, -0.0) }  # expect: 1
t { Complex(1, 1) <=> 2 }  # expect: nil
t { Complex(1, 0) <=> "a" }  # expect: nil
t { Complex.polar(0.0, 2) }  # expect: (0.0+0.0i)
# parsing: polar form, every imaginary unit, underscores
t { Complex('3@1') }  # expect: (1.6209069176044193+2.5244129544236893i)
t { Complex('2@0') }  # expect: (2+0.0i)
t { Complex('1/2@3/4') }  # expect: (0.36584443443691045+0.34081938001166706i)
t { Complex('+I') }  # expect: (0+1i)
t { Complex('2J') }  # expect: (0+2i)
t { Complex('1-J') }  # expect: (1-1i)
t { Complex('1E+2i') }  # expect: (0+100.0i)
t { '1__0'.to_c }  # expect: (10+0i)
t { '1e+'.to_c }  # expect: (1.0+0i)
t { 'Infinity'.to_c }  # expect: (0+1i)
t { '1@-'.to_c }  # expect: (1+0i)
t { Complex('1__0') }  # expect: ArgumentError: invalid value for convert(): "1__0"
t { Complex("1+2i\0") }  # expect: ArgumentError: string contains null byte
t { Complex('1@0/0') }  # expect: ZeroDivisionError: divided by 0
# Kernel#Complex: parts checked as real, complex parts combined as a + b*i
t { Complex(1, :a) }  # expect: TypeError: not a real
t { Complex(Complex(1, 2), 0.0) }  # expect: (1.0+2.0i)
t { Complex(Complex(1, 2), Complex(3, 4)) }  # expect: (-3+5i)
