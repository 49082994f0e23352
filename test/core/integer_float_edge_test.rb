# Integer and Float edge arguments against CRuby 3.1: Float#remainder, shifts by a Bignum, beginless bit ranges, subnormal quotients (float.c, integer.c, bignum.c)
def t
  p yield
rescue Exception => e
  puts "#{e.class}: #{e.message.lines.first.to_s.chomp}"
end
# Float#remainder is Numeric#remainder's: x % y, less y when the signs differ
t { 0.1.remainder(-3) }  # expect: 0.10000000000000009
t { 0.15.remainder(-0.7) }  # expect: 0.15000000000000002
t { (-2.5).remainder(2**70) }  # expect: 0.0
t { 5e-324.remainder(-3) }  # expect: 0.0
t { 1.5.remainder(Float::INFINITY) }  # expect: 1.5
t { (-1.5).remainder(Float::INFINITY) }  # expect: -1.5
t { -3.5.remainder(2) }  # expect: -1.5
t { 4.0.remainder(2) }  # expect: 0.0
# a shift by a Bignum count is too wide; a beginless bit range is 0 or infinity
t { 1 << 2**70 }  # expect: RangeError: shift width too big
t { (-3) >> -(2**70) }  # expect: RangeError: shift width too big
t { 0 << 2**70 }  # expect: 0
t { 1 >> 2**70 }  # expect: 0
t { 1[..4] }  # expect: ArgumentError: The beginless range for Integer#[] results in infinity
t { (-256)[..4] }  # expect: 0
t { 255[..7] }  # expect: ArgumentError: The beginless range for Integer#[] results in infinity
t { 6[..0] }  # expect: 0
t { 1[..-1] }  # expect: 0
t { (2**70)[..3] }  # expect: 0
t { 5[nil..nil] }  # expect: ArgumentError: comparison of NilClass with 0 failed
# a quotient in the subnormal range is rounded once
t { 4940656.fdiv(10**330) }  # expect: 5.0e-324
t { Rational(3, 2**1076).to_f }  # expect: 5.0e-324
t { 5e-324.round(330) }  # expect: 5.0e-324
t { (-5e-324).round(330, half: :even) }  # expect: -5.0e-324
t { 1.fdiv(10**400) }  # expect: 0.0
