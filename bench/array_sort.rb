# array_sort: sorts generated data with Array#sort (Integers, Floats,
# Strings), #sort with a comparison block, and #sort_by. Measures the sort
# implementation, <=> dispatch and block calls. Checks look only at sort
# keys, so they do not depend on how a sort breaks ties.

def lcg_array(n, seed, range)
  a = Array.new(n)
  i = 0
  while i < n
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff
    a[i] = seed % range
    i += 1
  end
  a
end

def check_sorted(a, what)
  i = 1
  while i < a.size
    raise "bad result: #{what} unsorted at #{i}" if yield(a[i - 1], a[i]) > 0
    i += 1
  end
end

# a sample of the sorted keys, weighted by position
def fingerprint(keys)
  f = 0
  i = 0
  while i < keys.size
    f = (f * 31 + keys[i]) % 1_000_000_007
    i += 97
  end
  f
end

N = 100_000
ints = lcg_array(N, 7, 1_000_000)
floats = ints.map { |x| x / 1000.0 }
strings = lcg_array(N / 4, 11, 100_000).map { |x| "s#{x * 7919 % 100_000}" }
pairs = lcg_array(N / 2, 13, 5_000).each_with_index.map { |x, i| [x, i] }

REPEAT = 5
result = nil
REPEAT.times do
  a = ints.sort
  check_sorted(a, "ints") { |x, y| x <=> y }

  b = floats.sort
  check_sorted(b, "floats") { |x, y| x <=> y }

  c = ints.sort { |x, y| y <=> x }
  check_sorted(c, "ints desc") { |x, y| y <=> x }

  d = ints.sort_by { |x| x % 1000 }
  check_sorted(d, "sort_by mod") { |x, y| (x % 1000) <=> (y % 1000) }

  e = strings.sort
  check_sorted(e, "strings") { |x, y| x <=> y }

  f = pairs.sort_by { |x, _| -x }
  check_sorted(f, "pairs") { |x, y| y[0] <=> x[0] }

  g = pairs.sort { |x, y| x[1] % 100 <=> y[1] % 100 }
  check_sorted(g, "pairs block") { |x, y| x[1] % 100 <=> y[1] % 100 }

  result = [
    fingerprint(a), fingerprint(c), fingerprint(d.map { |x| x % 1000 }),
    fingerprint(b.map { |x| (x * 1000).round }),
    fingerprint(e.map { |s| s[1..].to_i }),
    fingerprint(f.map { |x| x[0] }), fingerprint(g.map { |x| x[1] % 100 }),
    a.first, c.first, e.first.length
  ]
end
raise "bad result: #{result.inspect}" unless result == [25_895_017, 719_080_986, 41_424_934, 25_895_017, 880_074_979,
                                                 151_881_436, 804_997_448, 16, 999_991, 3]
puts "array_sort #{N} x#{REPEAT} = #{result[0]} #{result[1]}"
