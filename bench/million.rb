# million -- collections at a million elements: a Hash of 1,000,000 Integer
# keys (insert, lookup, update, delete half, iterate) and a sort of 1,000,000
# Floats (plus sort_by and a reverse). Self-checking: sums over the results.
N = 1_000_000
h = {}
i = 0
while i < N
  h[i * 7] = i
  i += 1
end
found = 0
i = 0
while i < N
  found += h[i * 7]
  i += 1
end
h.each_key { |k| h[k] += 1 if k.even? }
i = 0
while i < N
  h.delete(i * 7) if i.odd?
  i += 1
end
total = h.sum { |k, v| v }
floats = Array.new(N) { |j| ((j * 7919) % N) / 3.0 + (j % 13) * 0.001 }   # a permutation, shuffled
sorted = floats.sort
raise "bad sort" unless sorted.each_cons(2).all? { |a, b| a <= b }
by = floats.sort_by { |f| -f }
raise "bad sort_by" unless by.first == sorted.last && by.last == sorted.first
check = found + total + h.size + (sorted[N / 2] * 1000).floor
raise "bad result: #{check}" unless check == 750166666673
puts "million hash #{h.size} entries, #{N} floats sorted = #{check}"
