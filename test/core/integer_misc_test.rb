# Integer to_s, chr, digits, gcd, sqrt, rounding with negative digits, coerce
def t
  p yield
rescue Exception => e
  puts "#{e.class}: #{e.message}"
end
t { (255.to_s(2)) }  # expect: "11111111"
t { (255.to_s(16)) }  # expect: "ff"
t { ((2 ** 100).to_s(36)) }  # expect: "3ewfdnca0n6ld1ggvfgg"
t { (-255.to_s(16)) }  # expect: "-ff"
t { (255.to_s(37)) }  # expect: ArgumentError: invalid radix 37
t { (255.to_s(1)) }  # expect: ArgumentError: invalid radix 1
t { (65.chr) }  # expect: "A"
t { (255.chr) }  # expect: "\xFF"
t { (256.chr) }  # expect: RangeError: 256 out of char range
t { (12354.chr("UTF-8")) }  # expect: "あ"
t { (55296.chr("UTF-8")) }  # expect: RangeError: invalid codepoint 0xD800 in UTF-8
t { (10.digits) }  # expect: [0, 1]
t { (1234.digits(100)) }  # expect: [34, 12]
t { (0.digits) }  # expect: [0]
t { ((2 ** 70).digits(2 ** 64)) }  # expect: [0, 64]
t { (-10.digits) }  # expect: Math::DomainError: out of domain
t { (10.digits(-2)) }  # expect: ArgumentError: negative radix
t { (10.digits(1)) }  # expect: ArgumentError: invalid radix 1
t { (10.gcd(4)) }  # expect: 2
t { (10.lcm(4)) }  # expect: 20
t { (10.gcdlcm(-4)) }  # expect: [2, 20]
t { ((2 ** 70).gcd(2 ** 35)) }  # expect: 34359738368
t { (10.gcd(4.0)) }  # expect: TypeError: not an integer
t { (Integer.sqrt(24)) }  # expect: 4
t { (Integer.sqrt(10 ** 40)) }  # expect: 100000000000000000000
t { (Integer.sqrt(-1)) }  # expect: Math::DomainError: Numerical argument is out of domain - "isqrt"
t { (Integer.sqrt(2.5)) }  # expect: 1
t { (3.times.class) }  # expect: Enumerator
t { (15.round(-1)) }  # expect: 20
t { (25.round(-1, half: :even)) }  # expect: 20
t { (25.round(-1, half: :down)) }  # expect: 20
t { (-25.round(-1)) }  # expect: -30
t { (5.ceil(-20)) }  # expect: 0
t { (5.ceil(-19)) }  # expect: 10000000000000000000
t { (-5.floor(-18)) }  # expect: -1000000000000000000
t { (123.floor(-1)) }  # expect: 120
t { (-123.floor(-1)) }  # expect: -130
t { (123.ceil(-1)) }  # expect: 130
t { (-15.truncate(-1)) }  # expect: -10
t { ((10 ** 30 + 1).ceil(-29)) }  # expect: 1100000000000000000000000000000
t { (1.round(half: :foo)) }  # expect: 1
t { (25.round(-1, half: :foo)) }  # expect: ArgumentError: invalid rounding mode: foo
t { (15.round(-1.5)) }  # expect: 20
t { (1.round(nil)) }  # expect: TypeError: no implicit conversion from nil to integer
t { (1.coerce(2)) }  # expect: [2, 1]
t { (1.coerce(2.5)) }  # expect: [2.5, 1.0]
t { (1.coerce("2")) }  # expect: [2.0, 1.0]
t { (1.coerce(nil)) }  # expect: TypeError: can't convert nil into Float
t { (1.5.coerce(2)) }  # expect: [2.0, 1.5]
t { (3.allbits?(3)) }  # expect: true
t { (3.anybits?(4)) }  # expect: false
t { (3.nobits?(4)) }  # expect: true
t { (Integer.try_convert(1.5)) }  # expect: 1
t { (Integer.try_convert("1")) }  # expect: nil
t { ((2 ** 64).coerce(1)) }  # expect: [1, 18446744073709551616]
