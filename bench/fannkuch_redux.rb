# fannkuch_redux: for every permutation of 0...N, count the prefix reversals
# ("pancake flips") needed until 0 is in front; report the maximum and an
# alternating-sign checksum over the permutations in generation order.
# Measures Array element reads/writes and integer loops.

def fannkuch(n)
  perm = Array.new(n, 0)
  current = Array.new(n) { |i| i }
  counters = Array.new(n, 0)
  max_flips = 0
  checksum = 0
  sign = 1
  r = n
  while true
    while r > 1
      counters[r - 1] = r
      r -= 1
    end

    # count the flips for the current permutation
    first = current[0]
    if first != 0
      i = 1
      while i < n
        perm[i] = current[i]
        i += 1
      end
      flips = 0
      while first != 0
        # reverse perm[0..first], with perm[0] held in `first`
        lo = 1
        hi = first - 1
        while lo < hi
          t = perm[lo]
          perm[lo] = perm[hi]
          perm[hi] = t
          lo += 1
          hi -= 1
        end
        nxt = perm[first]
        perm[first] = first
        first = nxt
        flips += 1
      end
      max_flips = flips if flips > max_flips
      checksum += sign * flips
    end

    # advance to the next permutation: rotate the first r+1 elements left
    # until a counter is not exhausted
    while true
      return [checksum, max_flips] if r == n
      head = current[0]
      i = 0
      while i < r
        current[i] = current[i + 1]
        i += 1
      end
      current[r] = head
      counters[r] -= 1
      break if counters[r] > 0
      r += 1
    end
    sign = -sign
  end
end

# published reference values for N = 7
c, m = fannkuch(7)
raise "bad result: n7 #{c} #{m}" unless c == 228 && m == 16

# N = 10 takes ten times as long as N = 9, so repeat N = 9 instead.
N = 9
REPEAT = 3
REPEAT.times do
  c, m = fannkuch(N)
  raise "bad result: #{c} #{m}" unless c == 8629 && m == 30
end
puts "fannkuch_redux #{N} x#{REPEAT} = #{c} #{m}"
