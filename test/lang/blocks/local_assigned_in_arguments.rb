# a local assigned inside a call's arguments is visible to the call's block
def m(*a, **k) = yield
def t1 = m("x", :c => (v = [1, 2])) { v.first }
p t1
p(m(c: (w = 5)) { w })
p(m((z = 7)) { z })
p(m([(a = 1), (b = 2)]) { a + b })
class P; def initialize(*) = (@r = yield); attr_reader :r; end
class Q < P
  def initialize = super(:x, key: (s = 3)) { s * 2 }
end
p Q.new.r
p(m(k: (q = :q)) { [q, m { q }] })
# expect: 1
# expect: 5
# expect: 7
# expect: 3
# expect: 6
# expect: [:q, :q]
