# Integer bit operations on fixnums and bignums
def t
  p yield
rescue Exception => e
  puts "#{e.class}: #{e.message}"
end
t { (1 & 1.5) }  # expect: TypeError: 1.5 can't be coerced into Integer
t { (1 << 1.5) }  # expect: 2
t { (1 << nil) }  # expect: TypeError: no implicit conversion of nil into Integer
t { (1 >> -2) }  # expect: 4
t { (-5 >> 1) }  # expect: -3
t { (-5 >> 100) }  # expect: -1
t { (1 << 64) }  # expect: 18446744073709551616
t { ((2 ** 64) >> 64) }  # expect: 1
t { ((-(2 ** 64)) >> 65) }  # expect: -1
t { (5[0]) }  # expect: 1
t { (5[2]) }  # expect: 1
t { (-1[100]) }  # expect: 1
t { ((2 ** 100)[100]) }  # expect: 1
t { (5[0, 2]) }  # expect: 1
t { (13[1..2]) }  # expect: 2
t { (13[1, -1]) }  # expect: 6
t { (-1.bit_length) }  # expect: 0
t { ((2 ** 64).bit_length) }  # expect: 65
t { ((-(2 ** 64)).bit_length) }  # expect: 64
t { (255.bit_length) }  # expect: 8
t { ((2 ** 64).size) }  # expect: 9
t { (1.size) }  # expect: 8
t { (6 & 3) }  # expect: 2
t { (6 | 3) }  # expect: 7
t { (6 ^ 3) }  # expect: 5
t { (~5) }  # expect: -6
t { ((2 ** 70) & -1) }  # expect: 1180591620717411303424
t { ((2 ** 70) | 1) }  # expect: 1180591620717411303425
t { ((2 ** 70) ^ (2 ** 70)) }  # expect: 0
t { (~(2 ** 70)) }  # expect: -1180591620717411303425
t { (-(2 ** 70) & 255) }  # expect: 0
