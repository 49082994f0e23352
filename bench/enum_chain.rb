# enum_chain: chains of Enumerable/Array methods with blocks -- map, select,
# reject, reduce/inject, sum, each_with_index, each_slice, each_cons,
# with_index, zip, count, group_by, min_by/max_by. Measures block
# invocation (yield from C-level iterators), intermediate Array allocation
# and Range iteration.

def round_once(n)
  nums = (1..n).map { |i| (i * 7919) % 10_007 }

  a = nums.map { |x| x * 3 }.select { |x| x.even? }.reduce(0) { |acc, x| acc + x % 1000 }

  b = 0
  nums.each_with_index { |x, i| b += x if i % 3 == 0 }

  c = 0
  nums.each_slice(4) { |s| c += s.max - s.min }

  d = nums.each_cons(3).count { |x, y, z| x < y && y > z }

  e = nums.reject { |x| x % 5 == 0 }.map.with_index { |x, i| x ^ i }.inject(:+)

  f = nums.zip(nums.reverse).sum { |x, y| (x - y).abs }

  groups = nums.group_by { |x| x % 10 }
  g = groups.keys.sort.map { |k| groups[k].size * k }.sum

  h = (1..n).step(3).select { |i| i % 7 == 1 }.map { |i| i * i % 101 }.sum

  lo = nums.min_by { |x| (x - 5000).abs }
  hi = nums.max_by { |x| x % 997 * 100_000 + x }

  [a, b, c, d, e, f, g, h, lo, hi]
end

N = 30_000
REPEAT = 60
result = nil
REPEAT.times { result = round_once(N) }
raise "bad result: #{result.inspect}" unless result == [7_480_642, 50_034_336, 54_765_120, 6259, 301_155_929,
                                                 107_121_534, 134_971, 71_573, 5000, 9969]
puts "enum_chain #{N} x#{REPEAT} = #{result.sum}"
