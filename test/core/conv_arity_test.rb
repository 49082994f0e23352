# Conversions and argument errors as CRuby 3.1 has them: String#to_f of hex, Float() and Rational() of odd strings, Integer()'s base, arity without keywords, delete/tr! of "" (float.c, rational.c, integer.c, re.c, string_ops.c, string.c)
def t
  p yield
rescue Exception => e
  puts "#{e.class}: #{e.message.lines.first.to_s.chomp}"
end
# String#to_f reads a signed hex number ("0x10" alone is 0.0); a hex fraction needs its p exponent
t { '-0x10'.to_f }  # expect: -16.0
t { '0x10'.to_f }  # expect: 0.0
t { ' -0x1p3'.to_f }  # expect: -8.0
t { '-0x1.8p1'.to_f }  # expect: -3.0
t { '-0x1.8'.to_f }  # expect: 0.0
t { '-0x10z'.to_f }  # expect: -16.0
t { Float('0x1.8') }  # expect: ArgumentError: invalid value for Float(): "0x1.8"
# Float()'s message shows the bytes as a binary string
t { Float('é') }  # expect: ArgumentError: invalid value for Float(): "\xC3\xA9"
t { format('%f', '1é') }  # expect: ArgumentError: invalid value for Float(): "1\xC3\xA9"
# a point without digits ends a rational ("5." is 5)
t { Rational('5.') }  # expect: (5/1)
t { Rational('5./2') }  # expect: (5/2)
t { Rational('1/3.') }  # expect: (1/3)
t { Rational('5.e3') }  # expect: ArgumentError: invalid value for convert(): "5.e3"
t { '1.e2'.to_r }  # expect: (1/1)
t { Rational('.') }  # expect: (0/1)
# a base without to_int is no base
t { Integer('11', []) }  # expect: 11
t { Integer(11, []) }  # expect: 11
t { Integer('11', 2.5) }  # expect: 3
# arity errors count no keywords, sub without a block takes 2
t { Rational() }  # expect: ArgumentError: wrong number of arguments (given 0, expected 1..2)
t { Complex(1, 2, 3) }  # expect: ArgumentError: wrong number of arguments (given 3, expected 1..2)
t { Integer() }  # expect: ArgumentError: wrong number of arguments (given 0, expected 1..2)
t { Float() }  # expect: ArgumentError: wrong number of arguments (given 0, expected 1)
t { ''.unpack }  # expect: ArgumentError: wrong number of arguments (given 0, expected 1)
t { 'a'.unpack1('C', 2) }  # expect: ArgumentError: wrong number of arguments (given 2, expected 1)
t { Time.at }  # expect: ArgumentError: wrong number of arguments (given 0, expected 1..3)
t { Time.at(1, 2, 3, 4) }  # expect: ArgumentError: wrong number of arguments (given 4, expected 1..3)
t { 'a'.sub }  # expect: ArgumentError: wrong number of arguments (given 0, expected 2)
t { 'a'.sub(1, 2, 3) }  # expect: ArgumentError: wrong number of arguments (given 3, expected 2)
t { 'a'.sub { } }  # expect: ArgumentError: wrong number of arguments (given 0, expected 1..2)
t { 'a'.sub!(/a/) }  # expect: ArgumentError: wrong number of arguments (given 1, expected 2)
t { 'a'.gsub }  # expect: ArgumentError: wrong number of arguments (given 0, expected 1..2)
# "" takes delete's and tr!'s arguments unread, frozen or not
t { ''.delete }  # expect: ""
t { ''.freeze.delete!('a') }  # expect: nil
t { ''.freeze.tr!('a', 'b') }  # expect: nil
t { 'abc'[nil] }  # expect: TypeError: no implicit conversion from nil to integer
