# Integer arithmetic: fixnum/bignum promotion, floor division, powers, comparison
def t
  p yield
rescue Exception => e
  puts "#{e.class}: #{e.message}"
end
t { (1 + 2) }  # expect: 3
t { (9223372036854775807 + 1) }  # expect: 9223372036854775808
t { (4611686018427387903 + 1) }  # expect: 4611686018427387904
t { (-4611686018427387904 - 1) }  # expect: -4611686018427387905
t { (4611686018427387904 - 1) }  # expect: 4611686018427387903
t { (3037000499 * 3037000499) }  # expect: 9223372030926249001
t { (4611686018427387903 * 2) }  # expect: 9223372036854775806
t { (-4611686018427387904 * -1) }  # expect: 4611686018427387904
t { (-4611686018427387904 / -1) }  # expect: 4611686018427387904
t { (-4611686018427387904).abs }  # expect: 4611686018427387904
t { (-(2 ** 62)) }  # expect: -4611686018427387904
t { (7 / 2) }  # expect: 3
t { (-7 / 2) }  # expect: -4
t { (7 / -2) }  # expect: -4
t { (-7 % 3) }  # expect: 2
t { (7 % -3) }  # expect: -2
t { ((2 ** 100) / 3) }  # expect: 422550200076076467165567735125
t { ((-(2 ** 100)) / 3) }  # expect: -422550200076076467165567735126
t { ((2 ** 100) % -7) }  # expect: -5
t { (7.divmod(-2)) }  # expect: [-4, -1]
t { ((2 ** 70).divmod(-3)) }  # expect: [-393530540239137101142, -2]
t { (7.remainder(-2)) }  # expect: 1
t { ((2 ** 70).remainder(-3)) }  # expect: 1
t { (7.0 / 2) }  # expect: 3.5
t { (7 / 2.0) }  # expect: 3.5
t { (7 % 2.5) }  # expect: 2.0
t { (1 / 0) }  # expect: ZeroDivisionError: divided by 0
t { (1 % 0) }  # expect: ZeroDivisionError: divided by 0
t { (1.0 / 0) }  # expect: Infinity
t { ((2 ** 70) / 0) }  # expect: ZeroDivisionError: divided by 0
t { (1.divmod(0.0)) }  # expect: ZeroDivisionError: divided by 0
t { (7.fdiv(2)) }  # expect: 3.5
t { ((10 ** 30).fdiv(10 ** 29)) }  # expect: 10.0
t { (1.fdiv(3)) }  # expect: 0.3333333333333333
t { (2 ** -1) }  # expect: (1/2)
t { ((-2) ** -1) }  # expect: (-1/2)
t { (1 ** -1) }  # expect: 1
t { ((-1) ** -3) }  # expect: -1
t { (0 ** -1) }  # expect: ZeroDivisionError: divided by 0
t { (2 ** 0.5) }  # expect: 1.4142135623730951
t { (4 ** 0.5) }  # expect: 2.0
t { ((-8) ** (1.0 / 3)) }  # expect: (1.0000000000000002+1.7320508075688772i)
t { (2 ** 64) }  # expect: 18446744073709551616
t { ((-3) ** 41) }  # expect: -36472996377170786403
t { (10.pow(3, 7)) }  # expect: 6
t { (10.pow(3, -7)) }  # expect: -1
t { ((2 ** 100).pow(3, (10 ** 10))) }  # expect: 6183397376
t { (10.pow(-3, 7)) }  # expect: RangeError: Integer#pow() 1st argument cannot be negative when 2nd argument specified
t { (10.pow(2.0, 3)) }  # expect: TypeError: Integer#pow() 2nd argument not allowed unless a 1st argument is integer
t { (3.pow(2, 0)) }  # expect: ZeroDivisionError: divided by 0
t { (1 <=> 2) }  # expect: -1
t { (2 <=> 1.5) }  # expect: 1
t { ((2 ** 53 + 1) == 9007199254740992.0) }  # expect: false
t { ((2 ** 53 + 1) > 9007199254740992.0) }  # expect: true
t { ((2 ** 100) < Float::INFINITY) }  # expect: true
t { (1 < Float::NAN) }  # expect: false
t { (1 <=> Float::NAN) }  # expect: nil
t { (1 == 1.0) }  # expect: true
t { (1.eql?(1.0)) }  # expect: false
t { (1.eql?(1)) }  # expect: true
t { ((2 ** 64).eql?(2 ** 64)) }  # expect: true
t { ((2 ** 64).hash == (2 ** 64).hash) }  # expect: true
t { (1.hash == 1.hash) }  # expect: true
t { (10.succ) }  # expect: 11
t { (4611686018427387903.succ) }  # expect: 4611686018427387904
t { (-4611686018427387904.pred) }  # expect: -4611686018427387905
t { (2 ** (2 ** 70)) }  # expect: Infinity
t { ((2 ** 64).fdiv(3)) }  # expect: 6.148914691236517e+18
t { ((-7).fdiv(2)) }  # expect: -3.5
