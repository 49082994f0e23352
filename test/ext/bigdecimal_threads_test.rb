# BigDecimal's rounding mode, exception mode and limit are per thread, as in CRuby
require 'bigdecimal'
BigDecimal.mode(BigDecimal::ROUND_MODE, :floor)
t = Thread.new { r = [BigDecimal.mode(BigDecimal::ROUND_MODE)]; BigDecimal.mode(BigDecimal::ROUND_MODE, :up); BigDecimal.limit(3); r << BigDecimal("2.123").round(1) << (BigDecimal("1") / 3); r }
p t.value
p BigDecimal.mode(BigDecimal::ROUND_MODE), BigDecimal.limit, BigDecimal("2.19").round(1), BigDecimal("1") / 3
q = Queue.new
a = Thread.new { BigDecimal.mode(BigDecimal::ROUND_MODE, :ceiling); q.pop; BigDecimal("1.01").round }
b = Thread.new { BigDecimal.mode(BigDecimal::ROUND_MODE, :down); q << 1; BigDecimal("1.99").round }
p [a.value, b.value, BigDecimal.mode(BigDecimal::ROUND_MODE)]
p Thread.current[:"BigDecimal.rounding_mode"]
BigDecimal.save_exception_mode { BigDecimal.mode(BigDecimal::EXCEPTION_NaN, true); p Thread.new { BigDecimal("NaN") }.value }
# expect: [3, 0.22e1, 0.334e0]
# expect: 6
# expect: 0
# expect: 0.21e1
# expect: 0.333333333333333333333333333333333333e0
# expect: [2, 1, 6]
# expect: 6
# expect: NaN
