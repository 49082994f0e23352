# <=> and coercion edges as CRuby 3.1: Complex#<=> of a non-Numeric is nil (no
# coerce); NaN <=> anything is nil before coerce; Integer#& and friends want the
# coerced pair to be Integers and name a Float operand by inspect; String#between?
# with non-Strings compares as Comparable does; equal bytes in incomparable
# encodings order by CRuby's encoding index (ASCII-8BIT, UTF-8, US-ASCII, ...)
def t; r = yield; puts r.inspect; rescue Exception => e; puts "#{e.class}: #{e.message.split("\n").first}"; end
class Cn; def initialize(x) = @x = x; def coerce(o) = [o, @x]; end
class CnBad; def coerce(o) = 1; end
class CnF; def coerce(o) = [1.0, 2.0]; end
t { (1+0i) <=> Cn.new(5) }
t { 1i <=> CnBad.new }
t { Complex(1, 0) <=> 2 }
t { Float::NAN <=> CnBad.new }
t { Float::NAN <=> 1 }
t { 1.0 <=> Cn.new(5) }
t { 1 & 1r }
t { 1 | 1i }
t { 1 ^ 1.5 }
t { 1 & -0.0 }
t { 1 & Float::NAN }
t { 3 & Cn.new(5) }
t { 3 & CnF.new }
t { 'a'.between?(0, 2) }
t { 'a'.between?(nil, 'b') }
t { 'b'.between?('a', 'c') }
t { 'é' <=> 'é'.b }
t { 'é'.b <=> 'é' }
t { 'é' <=> 'é'.force_encoding('ISO-8859-1') }
t { 'a' <=> 'a'.b }
# expect: nil
# expect: nil
# expect: -1
# expect: nil
# expect: nil
# expect: -1
# expect: TypeError: Rational can't be coerced into Integer
# expect: TypeError: Complex can't be coerced into Integer
# expect: TypeError: 1.5 can't be coerced into Integer
# expect: TypeError: -0.0 can't be coerced into Integer
# expect: TypeError: NaN can't be coerced into Integer
# expect: 1
# expect: TypeError: CnF can't be coerced into Integer
# expect: ArgumentError: comparison of String with 0 failed
# expect: ArgumentError: comparison of String with nil failed
# expect: true
# expect: 1
# expect: -1
# expect: -1
# expect: 0
