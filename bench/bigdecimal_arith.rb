# bigdecimal_arith -- 100,000 BigDecimal additions and multiplications (a
# running sum of prices and a compounding product rounded to 20 digits), then
# BigMath.PI(1000) (bigdecimal.c's division and rounding under CRuby's
# bigdecimal/math.rb). Self-checking: the sum, the product's digits and PI's
# last digits are compared with what CRuby 3.1 computes.
require "bigdecimal"
require "bigdecimal/math"
N = 100_000
price = BigDecimal("19.99")
step = BigDecimal("0.01")
rate = BigDecimal("1.0000001")
sum = BigDecimal("0")
prod = BigDecimal("1")
N.times do
  sum += price
  price += step
  prod = (prod * rate).round(20)
end
pi = BigMath.PI(1000)
raise "bad sum: #{sum}" unless sum == BigDecimal("51998500")
raise "bad product: #{prod}" unless prod.to_s == "0.101005016657914300834e1"
raise "bad pi: #{pi.to_s[-12..]}" unless pi.to_s.end_with?("8549e1") && pi.to_s.start_with?("0.3141592653589793238462643")
puts "bigdecimal_arith #{N} adds+mults, PI(1000) = #{sum.to_s('F')} #{prod} #{pi.to_s[-10..]}"
