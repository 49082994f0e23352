# Conversions as CRuby 3.1 does them: a splat asks to_a only (an object with just
# to_ary stays whole); to_ary answering nil where an Array is needed is a TypeError;
# Rational() takes an Integer from to_int and wants a Rational from to_r; String#<=>
# compares a to_str String, else inverts o <=> self; '%f' takes to_f; &obj whose
# to_proc is no Proc names obj's class
def t; r = yield; puts r.inspect; rescue Exception => e; puts "#{e.class}: #{e.message.split("\n").first}"; end
class TA; def to_ary = [1, 2]; def inspect = '#<TA>'; end
class TAA; def to_a = [3]; def to_ary = [1, 2]; end
class TNil; def to_ary = nil; def to_str = nil; def <=>(o) = 1; end
class TI; def to_int = 7; end
class TR; def to_r = 1; end
class TS; def to_str = 'ts'; end
class TC; def <=>(o) = -5; end
class TF; def to_f = 1.5; end
class TP; def to_proc = 8; end
def sp(*a) = a
t { [*TA.new] }
t { [*TAA.new] }
t { sp(*TA.new) }
t { [1, *TAA.new, 4] }
t { x = *TA.new; x }
t { case 1; when *TA.new then :hit; else :miss; end }
t { case 3; when *TAA.new then :hit; else :miss; end }
t { a, b = TA.new; [a, b] }
t { Array(TA.new) }
t { [1] + TNil.new }
t { [1].concat(TNil.new) }
t { Rational(TI.new) }
t { Rational(TI.new, 2) }
t { Rational(TR.new) }
t { Rational(TR.new, exception: false) }
t { Rational(Object.new, exception: false) }
t { Rational(true) }
t { Complex(true) }
t { Complex(nil) }
t { 'abc' <=> TS.new }
t { 'tt' <=> TS.new }
t { 'abc' <=> TNil.new }
t { 'abc' <=> TC.new }
t { 'abc' <=> 1 }
t { '%f' % TF.new }
t { '%.1f' % Object.new }
t { [1].map(&TP.new) }
# expect: [#<TA>]
# expect: [3]
# expect: [#<TA>]
# expect: [1, 3, 4]
# expect: [#<TA>]
# expect: :miss
# expect: :hit
# expect: [1, 2]
# expect: [1, 2]
# expect: TypeError: can't convert TNil to Array (TNil#to_ary gives NilClass)
# expect: TypeError: can't convert TNil to Array (TNil#to_ary gives NilClass)
# expect: (7/1)
# expect: (7/2)
# expect: TypeError: can't convert TR to Rational (TR#to_r gives Integer)
# expect: nil
# expect: nil
# expect: TypeError: can't convert true into Rational
# expect: TypeError: can't convert true into Complex
# expect: TypeError: can't convert nil into Complex
# expect: -1
# expect: 1
# expect: -1
# expect: 1
# expect: nil
# expect: "1.500000"
# expect: TypeError: can't convert Object into Float
# expect: TypeError: wrong argument type TP (expected Proc)
