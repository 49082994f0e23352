# loop_arith: nested while loops doing Integer arithmetic on locals
# (+ - * / % ^ & >> and comparisons). No calls except operators.
def run(n)
  sum = 0
  i = 0
  while i < n
    j = 0
    while j < 100
      t = i * 31 + j
      t = t ^ (t >> 3)
      sum += t % 7
      sum -= (t & 15) / 4
      if sum > 1_000_000
        sum -= 999_983
      end
      j += 1
    end
    i += 1
  end
  sum
end

N = 150_000
x = run(N)
raise "bad result: #{x}" unless x == 500623
puts "loop_arith #{N} = #{x}"
