# hash_ops: Hash insert, lookup, update, delete and iteration with Integer,
# String and Symbol keys. Measures hashing, key equality, table growth and
# deletion. Results are checked with sums that do not depend on hash order.

N = 50_000

def int_keys(n)
  h = {}
  i = 0
  while i < n
    h[i * 7] = i
    i += 1
  end
  hits = 0
  sum = 0
  i = 0
  while i < n * 7
    v = h[i]
    if v
      hits += 1
      sum += v
    end
    i += 1
  end
  i = 0
  while i < n
    h.delete(i * 7) if i.even?
    i += 1
  end
  raise "bad result: int size #{h.size}" unless h.size == n / 2
  h.each { |k, v| sum += k - v }
  sum + hits
end

def string_keys(names, probes)
  h = {}
  names.each_with_index { |s, i| h[s] = i }
  sum = 0
  probes.each { |s| sum += h[s] }     # equal but not identical strings
  probes.each { |s| h[s] += 1 }
  missing = 0
  names.each { |s| missing += 1 unless h.key?(s + "?") }
  names.each_with_index { |s, i| h.delete(s) if i % 3 == 0 }
  sum += h.values.sum + missing + h.size
  sum
end

def symbol_keys(syms)
  counts = Hash.new(0)
  i = 0
  n = syms.size
  while i < 4 * n
    counts[syms[(i * 13) % n]] += 1
    i += 1
  end
  h = {}
  syms.each_with_index { |s, j| h[s] = j }
  sum = 0
  syms.each { |s| sum += h.fetch(s) + counts[s] }
  syms.each_with_index { |s, j| h.delete(s) if j.odd? }
  sum + h.size + h.count { |k, v| k == syms[v] }
end

def small_hashes(n)
  total = 0
  i = 0
  while i < n
    h = { a: i, b: i + 1, c: i + 2 }
    h[:d] = h[:a] + h[:c]
    total += h[:d] + h.size
    i += 1
  end
  total
end

names = (0...N).map { |i| "key-#{i}" }
probes = (0...N).map { |i| "key-" + i.to_s }
syms = (0...2000).map { |i| "sym_#{i}".to_sym }

REPEAT = 14
result = []
REPEAT.times do
  result = [int_keys(N), string_keys(names, probes), symbol_keys(syms), small_hashes(N)]
end
raise "bad result: #{result.inspect}" unless result == [5_000_025_000, 2_083_408_333, 2_009_000, 2_500_250_000]
puts "hash_ops #{N} x#{REPEAT} = #{result.sum}"
