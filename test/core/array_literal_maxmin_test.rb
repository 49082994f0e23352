# [a, b, ...].max / .min on an Array literal compare as CRuby's opt_newarray_max
# (each new value asked: v <=> best); a literal of literals only, a variable's
# Array and max(n) / min(n) take Array#max's and rb_nmin_run's orders
class C
  attr_reader :v, :n
  def initialize(v, n); @v = v; @n = n; end
  def <=>(o); puts "cmp #{n} #{o.n}"; v <=> o.v; end
  def inspect; "C#{n}"; end
end
def t; p yield; rescue => e; puts "#{e.class}: #{e.message}"; end
a = C.new(1, :a); b = C.new(1, :b); c = C.new(2, :c); d = C.new(0, :d)
t { [a, b].max }
t { [a, b, c, d].min }
x = [a, b, c, d]
t { x.max }
t { x.max(2) }
t { x.min(2) }
t { x.min(3) { |p, q| q <=> p } }
o = Object.new
t { [1, Complex(0, 1)].max }
t { [1, nil].max }
t { [o, nil].max }
t { [1, 'a'].min }
t { [2, 2.0].max }
t { [2.0, 2].min }
r = (1..20).map { |i| [i % 4, i] }
t { r.min_by(3) { |e| e[0] } }
t { r.max_by(9) { |e| e[0] } }
t { r.min(5) { |e, f| e[0] <=> f[0] } }
t { r.each_entry.max(6) { |e, f| e[0] <=> f[0] } }
t { r.to_h { |e| [e[1], e[0]] }.min_by(3) { |_k, v| v } }
t { [3, 1, 2].min(0) }
t { [3, 1, 2].max(-1) }
class Array
  def max; "redefined"; end
end
t { [a, b].max }
# expect: cmp b a
# expect: Ca
# expect: cmp b a
# expect: cmp c a
# expect: cmp d a
# expect: Cd
# expect: cmp a b
# expect: cmp a c
# expect: cmp c d
# expect: Cc
# expect: cmp a b
# expect: cmp c b
# expect: cmp d b
# expect: cmp c b
# expect: [Cc, Cb]
# expect: cmp a b
# expect: cmp c b
# expect: cmp d b
# expect: cmp d b
# expect: [Cd, Cb]
# expect: cmp b a
# expect: cmp b c
# expect: cmp b d
# expect: cmp a b
# expect: cmp b c
# expect: [Cc, Cb, Ca]
# expect: ArgumentError: comparison of Complex with 1 failed
# expect: ArgumentError: comparison of Integer with nil failed
# expect: ArgumentError: comparison of NilClass with Object failed
# expect: ArgumentError: comparison of String with 1 failed
# expect: 2
# expect: 2.0
# expect: [[0, 12], [0, 8], [0, 16]]
# expect: [[3, 15], [3, 11], [3, 7], [3, 3], [3, 19], [2, 18], [2, 6], [2, 2], [2, 10]]
# expect: [[0, 8], [0, 4], [0, 16], [0, 12], [0, 20]]
# expect: [[3, 15], [3, 11], [3, 7], [3, 3], [3, 19], [2, 10]]
# expect: [[12, 0], [8, 0], [16, 0]]
# expect: []
# expect: ArgumentError: negative size (-1)
# expect: "redefined"
