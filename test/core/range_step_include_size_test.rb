# Range#step with a Float anywhere converts every part as NUM2DBL does (a Time by
# to_f, nil and true by name); Range#include? of a range that is not numeric,
# Time or String iterates as Enumerable#include? (a beginless one cannot); an
# infinite Float size is Infinity; Struct.new names a bad member "not a symbol";
# Comparable#== is guarded, so Object#<=> (which asks ==) does not recurse (CRuby 3.1)
def t; r = yield; puts r.inspect; rescue Exception => e; puts "#{e.class}: #{e.message.split("\n").first}"; end
class TF; def to_f = 1; end
class TI; def to_int = 2; def <=>(o) = 0; end
t { (Time.at(0)..Time.at(2)).step(0.5).to_a }
t { (Time.at(0)..).step(0.5).first(2) }
t { (TF.new..).step(0.5).first(2) }
t { (Object.new..).step(0.5).first(2) }
t { ('a'..).step(0.5).first(2) }
t { (true..).step(0.5).first(2) }
t { (nil..nil).step(0.5).first(2) }
t { (..'c').step(0.5).first(2) }
t { (1..2).step(0.5).to_a }
t { (1.0..2).step(1r).to_a }
t { (Time.at(0)..Time.at(2)).step(1).to_a }
t { (nil..nil).include?(3) }
t { (nil..nil).member?(nil) }
t { (nil..nil) === 3 }
t { (nil..1).include?(0) }
t { (nil..'a').include?('a') }
t { (nil..Time.at(3)).include?(Time.at(1)) }
t { (:a..).include?(:c) }
t { (TI.new..TI.new).include?(5) }
t { (-Float::INFINITY..1).size }
t { (-Float::INFINITY...1).size }
t { (1..Float::INFINITY).size }
t { (1.0..-Float::INFINITY).size }
t { (Float::INFINITY..Float::INFINITY).size }
t { (1..2.5).size }
t { Struct.new(:a, 1) }
t { Struct.new(:a, nil) }
t { Struct.new(:a, 'b').members }
t { Object.new.extend(Comparable).between?(1, 2) }
t { o = Object.new.extend(Comparable); [o == o, o == 1, o <=> 1] }
# expect: [0.0, 0.5, 1.0, 1.5, 2.0]
# expect: [0.0, 0.5]
# expect: TypeError: can't convert TF to Float (TF#to_f gives Integer)
# expect: TypeError: can't convert Object into Float
# expect: TypeError: no implicit conversion to float from string
# expect: TypeError: no implicit conversion to float from true
# expect: TypeError: no implicit conversion to float from nil
# expect: TypeError: no implicit conversion to float from nil
# expect: [1.0, 1.5, 2.0]
# expect: [1.0, 2.0]
# expect: TypeError: can't iterate from Time
# expect: TypeError: can't iterate from NilClass
# expect: TypeError: can't iterate from NilClass
# expect: true
# expect: true
# expect: true
# expect: true
# expect: true
# expect: false
# expect: Infinity
# expect: Infinity
# expect: Infinity
# expect: 0
# expect: FloatDomainError: NaN
# expect: 2
# expect: TypeError: 1 is not a symbol
# expect: TypeError: nil is not a symbol
# expect: [:a, :b]
# expect: ArgumentError: comparison of Object with 1 failed
# expect: [true, false, nil]
