# Exact Complex division gives Integer parts where the quotient is whole, a
# Complex with a zero part raised to an Integer keeps that part, and 0 or 1 to
# a Rational power stays exact, as in CRuby 3.1
p Complex(1, 2) / Complex(1, 2), Complex(3r, 0) / Complex(3, 0), Complex(1, 1) / Complex(1, -1)
p Complex(4, 2) / 2, Complex(4, 2).quo(2), Complex(1, 2) / 1r, Complex(1, 2) / Complex(3, 4), (1r / 3) / Complex(3, 0)
p Complex(1.5, 0) ** 2, Complex(0, 2) ** 2, Complex(0, 2) ** 3, Complex(0, 1.5) ** 2, Complex(2, 0) ** -2
p Complex(0, 2) ** -1, Complex(1, 1) ** -1, Complex(1.0, 1) ** 3, Complex(2r, 0) ** 2, Complex(1.5, 0.0) ** 2, Complex(0, 1) ** 4
p 0 ** (1r / 3), 0r ** (1r / 2), 1 ** (2r / 3), 0r ** 0r, 4 ** (1r / 2), 2 ** 3r, 0.0 ** (1r / 2)
p((0 ** (-2r / 7) rescue $!.class), (0r ** (-1r / 2) rescue $!.message))

# expect: (1+0i)
# expect: (1+0i)
# expect: (0+1i)
# expect: (2+1i)
# expect: (2+1i)
# expect: (1+2i)
# expect: ((11/25)+(2/25)*i)
# expect: ((1/9)+0i)
# expect: (2.25+0i)
# expect: (-4+0i)
# expect: (0-8i)
# expect: (-2.25+0i)
# expect: ((1/4)+0i)
# expect: (0-(1/2)*i)
# expect: ((1/2)-(1/2)*i)
# expect: (-2.0+2.0i)
# expect: ((4/1)+0i)
# expect: (2.25+0.0i)
# expect: (1+0i)
# expect: (0/1)
# expect: (0/1)
# expect: (1/1)
# expect: (1/1)
# expect: 2.0
# expect: (8/1)
# expect: 0.0
# expect: ZeroDivisionError
# expect: "divided by 0"
