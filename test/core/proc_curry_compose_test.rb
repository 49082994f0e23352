# Proc#curry and Method#curry: a curried proc has arity -1 and is a lambda when the
# curried one is; a lambda's explicit arity is checked against what it accepts.
# f << g is a lambda when g is one (or is not a Proc); f >> g when f is.
def t; r = yield; puts r.inspect; rescue Exception => e; puts "#{e.class}: #{e.message}"; end
class PK; def m2(a, b = 1) = [a, b]; end
t { ->(a, b) { }.curry.arity }
t { ->(a, b) { }.curry[1].arity }
t { proc { |a, b| }.curry.arity }
t { ->(a, b) { }.curry.lambda? }
t { proc { |a| }.curry.lambda? }
t { ->() { 5 }.curry.class }
t { ->() { 5 }.curry.call }
t { ->(a, b, c) { a + b + c }.curry[1][2][3] }
t { ->(a, b = 2) { [a, b] }.curry(2)[1][3] }
t { ->(a, b = 2) { }.curry(3) }
t { ->(a, b) { }.curry(1) }
t { ->(a, *b) { [a, b] }.curry(3)[1][2][3] }
t { PK.new.method(:m2).curry(3) }
t { PK.new.method(:m2).curry(2)[4][5] }
t { PK.new.method(:m2).curry[4] }
t { 'abc'.method(:sub).curry['b']['x'] }
t { proc { |a, b| [a, b] }.curry(3)[1][2][3] }
l = ->(x) { x }; pr = proc { |x| x }; o = Object.new; def o.call(x) = x
t { [(pr << l).lambda?, (l << pr).lambda?, (pr << o).lambda?, (l << o).lambda?] }
t { [(pr >> l).lambda?, (l >> pr).lambda?, (pr >> o).lambda?, (l >> o).lambda?] }
t { m = 1.method(:+); [(m << pr).lambda?, (m >> pr).lambda?, (m << o).lambda?] }
t { 1.method(:+) >> 1 }
t { 1.method(:+) << nil }
t { pr.parameters(lambda: true) }
t { pr.parameters }
# expect: -1
# expect: -1
# expect: -1
# expect: true
# expect: false
# expect: Proc
# expect: 5
# expect: 6
# expect: [1, 3]
# expect: ArgumentError: wrong number of arguments (given 3, expected 1..2)
# expect: ArgumentError: wrong number of arguments (given 1, expected 2)
# expect: [1, [2, 3]]
# expect: ArgumentError: wrong number of arguments (given 3, expected 1..2)
# expect: [4, 5]
# expect: [4, 1]
# expect: ArgumentError: wrong number of arguments (given 1, expected 2)
# expect: [1, 2]
# expect: [true, false, true, true]
# expect: [false, true, false, true]
# expect: [false, true, true]
# expect: TypeError: callable object is expected
# expect: TypeError: callable object is expected
# expect: ArgumentError: wrong number of arguments (given 1, expected 0)
# expect: [[:opt, :x]]
