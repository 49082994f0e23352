# Complex ** a Bignum goes the polar (Float) way as in CRuby, instead of
# squaring 2**70 times until memory runs out
p Complex(1, 2) ** (2**70)
p Complex(0.5, 0) ** (2**64)
p((Complex(1, 2) ** -(2**70)).abs)
p Complex(1, 1) ** 8, Complex(1, 1) ** -2, Complex(2, 0) ** 70

# expect: (-Infinity-Infinity*i)
# expect: (0.0+0.0i)
# expect: 0.0
# expect: (16+0i)
# expect: ((0/1)-(1/2)*i)
# expect: (1180591620717411303424+0i)
