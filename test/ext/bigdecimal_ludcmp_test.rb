# CRuby's pure-Ruby bigdecimal/ludcmp and bigdecimal/jacobian over our BigDecimal
require 'bigdecimal'
require 'bigdecimal/ludcmp'
require 'bigdecimal/jacobian'
include LUSolve
a = [BigDecimal("2"), BigDecimal("1"), BigDecimal("1"), BigDecimal("3")]
b = [BigDecimal("3"), BigDecimal("5")]
zero = BigDecimal("0"); one = BigDecimal("1")
ps = ludecomp(a, 2, zero, one)
p ps
x = lusolve(a, b, ps, zero)
p x.map { |v| v.round(20) }
m = [BigDecimal("4"), BigDecimal("-2"), BigDecimal("1"), BigDecimal("-2"), BigDecimal("4"), BigDecimal("-2"), BigDecimal("1"), BigDecimal("-2"), BigDecimal("4")]
ps = ludecomp(m, 3, zero, one)
p lusolve(m, [BigDecimal("11"), BigDecimal("-16"), BigDecimal("17")], ps, zero).map { |v| v.round(15) }
p Jacobian.respond_to?(:jacobian), Jacobian.instance_method(:dfdxi).arity
# expect: [0, 1]
# expect: [0.8e0, 0.14e1]
# expect: [0.1e1, -0.2e1, 0.3e1]
# expect: true
# expect: 4
