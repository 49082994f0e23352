# NilClass#to_r / #to_c / #rationalize / #===, Complex#numerator / #denominator /
# #rationalize, Symbol#intern, Regexp#~ / Regexp.try_convert
p nil.to_r, nil.to_c, nil.rationalize, nil.rationalize(0.1)
begin; nil.rationalize(1, 2); rescue => e; p e; end
p NilClass === nil, nil === nil, nil === false, nil === 0
p Complex(1r/2, 2r/3).numerator, Complex(1r/2, 2r/3).denominator
p Complex(3, 4).denominator, Complex(1.5, 2).numerator, Complex(1.5, 2.5).denominator, Complex(1.5, 0.25).denominator
p Complex(3, 0).rationalize, Complex(1.5, 0).rationalize, Complex(0.333, 0).rationalize(0.01)
begin; Complex(1, 2).rationalize; rescue => e; p e; end
begin; Complex(1, 0.0).rationalize; rescue => e; p e; end
begin; Complex(1, 0).rationalize(1, 2); rescue => e; p e; end
p :abc.intern, :"a b".intern.equal?(:"a b")
p Regexp.try_convert(/a/), Regexp.try_convert("a"), Regexp.try_convert(nil)
o = Object.new
def o.to_regexp = /x/
p Regexp.try_convert(o)
bad = Object.new
def bad.to_regexp = 1
begin; Regexp.try_convert(bad); rescue => e; p e; end
$_ = "hello world"
p ~/wor/, $~[0]
p ~/zzz/, $~
$_ = nil
p ~/wor/
def in_method
  $_ = "abc"
  [~/c/, $~.pre_match]
end
p in_method
$_ = "top"
p ~/o/
# expect: (0/1)
# expect: (0+0i)
# expect: (0/1)
# expect: (0/1)
# expect: #<ArgumentError: wrong number of arguments (given 2, expected 0..1)>
# expect: true
# expect: true
# expect: false
# expect: false
# expect: (3+4i)
# expect: 6
# expect: 1
# expect: (3+4i)
# expect: 2
# expect: 4
# expect: (3/1)
# expect: (3/2)
# expect: (1/3)
# expect: #<RangeError: can't convert 1+2i into Rational>
# expect: #<RangeError: can't convert 1+0.0i into Rational>
# expect: #<ArgumentError: wrong number of arguments (given 2, expected 0..1)>
# expect: :abc
# expect: true
# expect: /a/
# expect: nil
# expect: nil
# expect: /x/
# expect: #<TypeError: can't convert Object to Regexp (Object#to_regexp gives Integer)>
# expect: 6
# expect: "wor"
# expect: nil
# expect: nil
# expect: nil
# expect: [2, "ab"]
# expect: 1
