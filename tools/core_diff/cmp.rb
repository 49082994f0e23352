require_relative 'h'
# Comparable, clamp, between?, <=> across mixed types, coerce protocol
class V; include Comparable; attr_reader :v; def initialize(v) = @v = v; def <=>(o) = o.is_a?(V) ? v <=> o.v : nil; def inspect = "V(#{v})"; def succ = V.new(v + 1); end
class Nc; include Comparable; def <=>(o) = nil; def inspect = 'Nc'; end
class Sc; include Comparable; def <=>(o) = 'x'; def inspect = 'Sc'; end
class Fc; include Comparable; def <=>(o) = -0.5; def inspect = 'Fc'; end
class Rc; include Comparable; def <=>(o) = raise(ArgumentError, 'boom'); def inspect = 'Rc'; end
class Cn; def initialize(x) = @x = x; def coerce(o) = [o, @x]; def inspect = 'Cn'; end
class CnBad; def coerce(o) = 1; def inspect = 'CnBad'; end
class CnRaise; def coerce(o) = raise(TypeError, 'nope'); def inspect = 'CnRaise'; end
class CnNil; def coerce(o) = nil; def inspect = 'CnNil'; end
VS = %w[1 -1 0 1.0 -0.0 2**64 -(2**64) 1r 1.5r 1i (1+0i) (0+1i) Float::NAN Float::INFINITY -Float::INFINITY 'a' 'b' :a nil true [1] [1,2] {} V.new(1) V.new(2) Nc.new Sc.new Fc.new Rc.new Cn.new(5) CnBad.new CnRaise.new CnNil.new Object.new (1..2)]
VS.each do |a|
  VS.each do |b|
    t "(#{a}) <=> (#{b})"
    %w[== < >= eql? equal?].each { |op| t "(#{a}).#{op}(#{b})" } if a.length < 12
  end
end
VS.each do |v|
  t "(#{v}).clamp(0, 2)"; t "(#{v}).clamp(0..2)"; t "(#{v}).clamp(0...2)"; t "(#{v}).clamp(..2)"; t "(#{v}).between?(0, 2)"; t "(#{v}).clamp(V.new(0), V.new(3))"
  t "(#{v}).coerce(1)"; t "1.coerce(#{v})"; t "1.0.coerce(#{v})"; t "(1r).coerce(#{v})"; t "1 + (#{v})"; t "1.0 * (#{v})"; t "2 ** (#{v})"; t "1r - (#{v})"; t "1i + (#{v})"; t "5 % (#{v})"; t "5.divmod(#{v})"; t "1 & (#{v})"; t "[1, #{v}].max"; t "[#{v}, 1].sort"; t "[#{v}, #{v}].minmax"
end
t "V.new(1).clamp(V.new(2), V.new(1))"; t "V.new(5).clamp(V.new(2)..V.new(3))"; t "V.new(5).clamp(V.new(2)...V.new(3))"; t "V.new(5).clamp(..V.new(3))"; t "V.new(5).clamp(V.new(6)..)"; t "(V.new(1)..V.new(3)).to_a"; t "(V.new(1)..V.new(3)).include?(V.new(2))"; t "(V.new(1)..V.new(3)) === V.new(2)"; t "(V.new(1)..V.new(3)).min"; t "(V.new(1)..V.new(3)).minmax"
t "Comparable.instance_method(:==).owner"; t "V.new(1) == V.new(1)"; t "V.new(1).equal?(V.new(1))"; t "v = V.new(1); v == v"; t "Nc.new == Nc.new"; t "n = Nc.new; n == n"; t "Rc.new == 1"; t "Rc.new < 1"; t "Sc.new == 1"; t "Fc.new < 1"; t "Fc.new == 1"
t "[3, 1, 2].max { |a, b| b <=> a }"; t "[3, 1, 2].sort { |a, b| nil }"; t "[3, 1, 2].sort { 'x' }"; t "[3, 1, 2].sort { 1.5 }"; t "[3, 1, 2].sort { 2**70 }"; t "[3, 1].min_by { nil }"; t "%w[b a].sort_by { Nc.new }"; t "[1, 'a'].min"; t "[1, nil].max"; t "[[1, 'a'], [1, 2]].sort"; t "[[1], [1, 2], []].sort"; t "[[1, nil], [1, 2]].max"
t "1 <=> 1r"; t "1.0 <=> 1r"; t "1r <=> 1.0"; t "(2**64) <=> (2.0**64)"; t "(2.0**64) <=> (2**64)"; t "(2**64 + 1) <=> (2.0**64)"; t "9007199254740993 <=> 9007199254740992.0"; t "9007199254740993 == 9007199254740992.0"; t "9007199254740993.0 == 9007199254740992"; t "1 == 1.0"; t "1.eql?(1.0)"; t "1.hash == 1.0.hash"; t "1r == 1"; t "1r.eql?(1)"; t "(1+0i) == 1"; t "1 == (1+0i)"; t "1i <=> 1i"; t "(1+0i) <=> 2"
t "'a' <=> 'A'"; t "'a'.casecmp('A')"; t "'b' <=> 'ab'"; t "'' <=> 'a'"; t "'a' <=> 'a'.encode('UTF-16LE')"; t "'é' <=> 'é'.b"; t "'é' == 'é'.b"; t "'a' == 'a'.b"; t "'a'.eql?('a'.b)"; t ":a <=> :b"; t "[1, 2] <=> [1, 3]"; t "[1, 2] <=> [1]"; t "[1, 2] <=> 1"; t "[] <=> []"; t "[nil] <=> [1]"; t "[Float::NAN] <=> [Float::NAN]"; t "[Float::NAN] == [Float::NAN]"; t "n = Float::NAN; [n] == [n]"; t "n = Float::NAN; [n].include?(n)"
t "Time.at(0) <=> Time.at(1)"; t "Time.at(0) <=> 1"; t "Time.at(0) == Time.at(0.0)"; t "(1..2) == (1..2)"; t "(1..2) == (1...2)"; t "(1..2).eql?(1..2.0)"; t "(1..2) == (1..2.0)"; t "{a: 1} == {a: 1.0}"; t "{a: 1}.eql?({a: 1.0})"; t "Struct.new(:a).new(1) == Struct.new(:a).new(1)"; t "nil <=> nil"; t "nil <=> 1"; t "true <=> true"; t "true <=> false"; t "Object.new <=> 1"; t "o = Object.new; o <=> o"
t "1.clamp(1.5, 2)"; t "1.5.clamp(1, 2)"; t "1.clamp(2, 1)"; t "1.clamp(1, 1)"; t "Float::NAN.clamp(0, 1)"; t "1.clamp(Float::NAN, 2)"; t "'b'.clamp('a', 'c')"; t "'z'.clamp('a', 'c')"; t "1.clamp(0.0..)"; t "1.clamp(2..)"; t "1.clamp(...2)"; t "1.clamp(0)"; t "1.clamp(1..2, 3)"; t "1.clamp"; t "1.clamp('a'..'b')"
t "1.between?(1, 1)"; t "1.between?(2, 1)"; t "1.between?(nil, 2)"; t "'b'.between?('a', 'c')"; t "Float::NAN.between?(0, 1)"; t "V.new(2).between?(V.new(1), V.new(3))"; t "V.new(2).between?(1, 3)"
