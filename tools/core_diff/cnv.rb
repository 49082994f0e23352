require_relative 'h'
# Kernel conversion functions with odd inputs, and implicit conversions
# (to_str/to_ary/to_int/to_hash/to_proc/to_sym) with their TypeError messages
class TS; def to_str = 'ts'; end
class TA; def to_ary = [1, 2]; end
class TI; def to_int = 7; end
class TH; def to_hash = {a: 1}; end
class TBad; def to_str = 1; def to_ary = 1; def to_int = 'x'; def to_hash = 2; def to_s = 3; def to_a = 4; def to_i = 'y'; def to_f = 'z'; def to_r = 5; def to_c = 6; def to_sym = 7; def to_proc = 8; end
class TOnlyI; def to_i = 9; end
class TOnlyF; def to_f = 1.5; end
class TO; end
class TNil; def to_str = nil; def to_ary = nil; def to_int = nil; def to_hash = nil; end
[TS, TA, TI, TH, TOnlyI, TOnlyF, TNil, TO].each { |c| c.class_eval { def inspect = "#<#{self.class}>"; def to_s = "<#{self.class}>" } }
IN = %w['12' '0x1A' '0b101' '0o17' '017' '1_000' '1__0' '_1' '1_' '\ 12\ ' '12abc' '' '\ ' '-0' '+5' '--5' '1e3' '1.5' '.5' '5.' '0x' '١٢' "\\n12\\n" '12\\0' nil 12 12.7 -12.7 2**70 1r 3/2r 1i (1+0i) Float::NAN Float::INFINITY :a [] [1] {} TO.new TS.new TI.new TOnlyI.new TOnlyF.new TBad.new TNil.new true]
IN.each do |v|
  %w[Integer Float String Array Hash Rational Complex].each { |f| t "#{f}(#{v})" }
  t "Integer(#{v}, exception: false)"; t "Float(#{v}, exception: false)"; t "Rational(#{v}, exception: false)"; t "Complex(#{v}, exception: false)"
end
%w['ff' 'FF' '0xff' '11' '0b11' 'z' '-z' '10'].each do |v|
  [2, 8, 16, 36, 37, 1, 0, -1, nil].each { |b| t "Integer(#{v}, #{b.inspect})" }
end
t "Integer(12, 2)"; t "Integer(nil, 2)"; t "Integer('12', 2, exception: false)"; t "Integer('1', exception: 1)"; t "Float('1', exception: nil)"; t "Integer()"; t "Float()"; t "String()"; t "Integer('0_8')"; t "Integer('08')"; t "Integer('0_10')"; t "Integer('0x_1')"; t "Integer('0x1_f')"
t "Float('1_000.5')"; t "Float('1e')"; t "Float('1e+')"; t "Float('0x1p3')"; t "Float('0x1.8p1')"; t "Float('Infinity')"; t "Float('NaN')"; t "Float('1.')"; t "Float('1._5')"; t "Float('  1.5  ')"; t "Float('1.5x')"; t "Float('1e400')"; t "Float('-1e-400')"; t "Float('')"
t "Rational('1/3')"; t "Rational('0.75')"; t "Rational('1e2')"; t "Rational('1/0')"; t "Rational(1, 0)"; t "Rational('a')"; t "Rational(1.5)"; t "Rational(1, 2.0)"; t "Rational('1', '3')"; t "Rational(nil)"; t "Rational(1, nil)"; t "Rational(' 1/3 ')"; t "Rational('1/3x')"; t "Rational('-1/-3')"; t "Rational('1.2/3')"; t "Rational('1_2')"
t "Complex('1+2i')"; t "Complex('i')"; t "Complex('-i')"; t "Complex('1@2')"; t "Complex('1+2j')"; t "Complex('x')"; t "Complex(1, 2)"; t "Complex('1', '2')"; t "Complex(nil)"; t "Complex(1, nil)"; t "Complex('1e2i')"; t "Complex('1/2+3/4i')"; t "Complex(' 1+2i ')"; t "Complex('1+2ix')"
t "String(nil)"; t "String(:a)"; t "String(TBad.new)"; t "Array(nil)"; t "Array(1..3)"; t "Array(a: 1)"; t "Array(TA.new)"; t "Array(TBad.new)"; t "Hash(nil)"; t "Hash([])"; t "Hash([[1, 2]])"; t "Hash(TH.new)"; t "Hash(TBad.new)"; t "Hash(1)"
t "'a' + TS.new"; t "'a' + TBad.new"; t "'a' + TNil.new"; t "'a' + 1"; t "'a' + nil"; t "'a' + :b"; t "[1] + TA.new"; t "[1] + TBad.new"; t "[1] + TNil.new"; t "[1] + 1"; t "[1] + nil"; t "[1, 2][TI.new]"; t "[1, 2][TBad.new]"; t "[1, 2][TNil.new]"; t "[1, 2]['a']"; t "[1, 2][nil]"; t "[1, 2][1.9]"; t "[1, 2][2**70]"
t "{}.merge(TH.new)"; t "{}.merge(TBad.new)"; t "{}.merge(1)"; t "{}.merge(nil)"; t "def kw(**k) = k; kw(**TH.new)"; t "def kw(**k) = k; kw(**TBad.new)"; t "def kw(**k) = k; kw(**nil)"; t "def kw(**k) = k; kw(**1)"; t "[1].map(&TBad.new)"; t "[1].map(&1)"; t "[1].map(&nil)"
t "a, b = TA.new; [a, b]"; t "a, b = TBad.new; [a, b]"; t "a, b = TNil.new; [a, b]"; t "[*TA.new]"; t "[*TBad.new]"; t "[*nil]"; t "[*1]"; t "[*'a']"; t "[*{a: 1}]"; t "def sp(*a) = a; sp(*TA.new)"; t "def sp(*a) = a; sp(*TBad.new)"; t "def sp(*a) = a; sp(*nil)"
t "[[1, 2]].map { |a, b| b }"; t "[TA.new].map { |a, b| b }"; t "[TBad.new].map { |a, b| b }.size"; t "[TNil.new].map { |a, b| b }"; t "[1, 2].first(TI.new)"; t "[1, 2].first(TBad.new)"; t "[1, 2].first('1')"; t "[1, 2].first(nil)"; t "'abc' * TI.new"; t "'abc' * TBad.new"; t "'abc' * nil"; t "'abc' * -1"
t "'abc'.center(TI.new, TS.new)"; t "'abc'.center(10, TBad.new)"; t "'abc'.include?(TS.new)"; t "'abc'.include?(1)"; t "'abc'.start_with?(TS.new)"; t "'abc'.start_with?(1)"; t "'abc' == TS.new"; t "'ts' == TS.new"; t "'abc'.eql?(TS.new)"; t "'abc' <=> TS.new"; t "'abc'.casecmp(TS.new)"; t "'abc'.casecmp(1)"
t "1 + TI.new"; t "1 + 'a'"; t "1 + nil"; t "1 + TBad.new"; t "1.0 + '1'"; t "1 & 1.5"; t "1 << TI.new"; t "1 << 'a'"; t "1.round(TI.new)"; t "1.round('1')"; t "1.5.round(nil)"; t "Integer.sqrt(TI.new)"; t "Integer.sqrt('4')"; t "Integer.sqrt(4.9)"; t "Integer.sqrt(-1)"; t "Math.sqrt('4')"; t "Math.sqrt(nil)"; t "Math.sqrt(TOnlyF.new)"; t "Math.sqrt(TI.new)"
t "Array.new(TI.new).size"; t "Array.new(TBad.new)"; t "Array.new('3')"; t "Array.new(-1)"; t "Array.new(2**62)"; t "'a'.ljust(2**62)"; t "[1] * 2**62"; t "'%d' % TI.new"; t "'%d' % TOnlyI.new"; t "'%d' % TBad.new"; t "'%f' % TOnlyF.new"; t "'%f' % '1.5'"; t "'%d' % '0x1f'"; t "'%d' % nil"; t "'%s' % TBad.new"; t "'%c' % TI.new"; t "'%c' % 'ab'"
t "1.coerce('2')"; t "1.coerce(TI.new)"; t "1.0.coerce('2.5')"; t "1.coerce(nil)"; t "1r.coerce(1.5)"; t "1i.coerce(2)"; t "Integer === TI.new"; t "TI.new.respond_to?(:to_int)"; t "File.join(TS.new, 'x')"; t "File.join(TBad.new)"; t "File.basename(TS.new)"; t "File.basename(1)"
t "'ab'.to_sym.to_proc.call(TS.new) rescue $!.class"; t "[3, 1].sort_by { TS.new } rescue $!.class"; t "[TS.new, 'a'].join('-')"; t "[TBad.new].join rescue $!.class"; t "[[1, [2]]].join(',')"; t "['a', TA.new].join(',')"; t "[1, 2].pack(TS.new) rescue $!.class"; t "'a'.unpack(TS.new) rescue $!.class"; t "'abc'.tr(TS.new, 'x')"; t "'a-b'.split(TS.new)"; t "'abc'.sub(TS.new, 'x')"; t "'tsa'.sub(TS.new, 'x')"; t "'tsa'.sub('ts', TS.new)"
t "Integer('12', exception: false, foo: 1)"; t "Integer(Object.new, exception: false)"; t "Float(Object.new, exception: false)"; t "Integer('1' * 100).class"; t "Integer('-0x1A')"; t "Integer('0X1a')"; t "Integer(' 0b1 ')"; t "Integer('0b2')"; t "Integer('0o8')"; t "Integer('0d19')"; t "Integer('0d')"; t "Integer('1e3')"
