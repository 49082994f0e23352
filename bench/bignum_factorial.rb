# bignum_factorial -- Integer arithmetic on GMP-sized numbers: factorials by
# repeated multiplication, then to_s and a digit sum. Self-checking: the digit
# count must agree with log10(n!) from Math.lgamma, and the digit sum of the
# decimal string with Integer#digits.
N = 25_000

def fact(n)
  r = 1
  i = 2
  while i <= n
    r *= i
    i += 1
  end
  r
end

f = nil
3.times { f = fact(N) }
digits = f.to_s
expected_digits = (Math.lgamma(N + 1)[0] / Math.log(10)).floor + 1
raise "bad result: #{digits.size} digits, expected #{expected_digits}" unless digits.size == expected_digits
sum = digits.each_byte.sum { |b| b - 48 }
raise "bad result: digit sum #{sum}" unless sum == f.digits.sum
puts "bignum_factorial #{N}! x3 = #{digits.size} digits, digit sum #{sum}"
