# Array#shift / #unshift / #push mixed: a queue, a deque, front insertions, and
# the methods that read or rebuild the buffer after the front moved
a = (1..10).to_a
p a.shift, a.shift(3), a, a.size
a.unshift(0, -1)
p a, a.first, a.last, a[1], a[-1]
a.unshift(*100..120)
p a.size, a.first(3), a.last(3)
p a.shift(30), a, a.shift, a.shift(2)
q = []
1000.times { |i| q.push(i); q.shift if q.size > 10 }
p q
d = []
seed = 12345
sum = 0
20000.times do
  seed = (seed * 1103515245 + 12345) % 2**31
  case seed % 7
  when 0, 1 then d.push(seed % 100)
  when 2, 3 then d.unshift(seed % 100)
  when 4 then sum += d.shift.to_i
  when 5 then sum += d.pop.to_i
  when 6 then d.insert(d.size / 2, seed % 10) if d.size < 50
  end
end
p d.size, sum, d.take(5), d.sum
b = Array.new(1000) { |i| i }
500.times { b.shift }
b.concat(b)
p b.size, b[0], b[499], b[500], b[-1]
b.replace([1, 2, 3] * 200)
p b.size, b.uniq
c = (1..100).to_a
99.times { c.shift }
c.unshift(:a)
c.sort_by!(&:to_s)
p c, c.frozen?
e = (1..50).to_a
40.times { e.shift }
e[20] = :x
p e
f = (1..300).to_a
299.times { f.shift }
f.unshift(*1..3)
p f
g = [1, 2, 3]
g.shift
g.unshift(9, 8)
p g.dup, g.reverse, g.sort, g.hash == [9, 8, 2, 3].hash, g == [9, 8, 2, 3], g.pack("C*").bytes
h = (1..20).to_a
10.times { h.shift }
h[2, 3] = h
p h
GC.start
p h.inspect.size
# expect: 1
# expect: [2, 3, 4]
# expect: [5, 6, 7, 8, 9, 10]
# expect: 6
# expect: [0, -1, 5, 6, 7, 8, 9, 10]
# expect: 0
# expect: 10
# expect: -1
# expect: 10
# expect: 29
# expect: [100, 101, 102]
# expect: [8, 9, 10]
# expect: [100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 0, -1, 5, 6, 7, 8, 9, 10]
# expect: []
# expect: nil
# expect: []
# expect: [990, 991, 992, 993, 994, 995, 996, 997, 998, 999]
# expect: 5889
# expect: 280662
# expect: [80, 33, 24, 1, 32]
# expect: 291400
# expect: 1000
# expect: 500
# expect: 999
# expect: 500
# expect: 999
# expect: 600
# expect: [1, 2, 3]
# expect: [100, :a]
# expect: false
# expect: [41, 42, 43, 44, 45, 46, 47, 48, 49, 50, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, :x]
# expect: [1, 2, 3, 300]
# expect: [9, 8, 2, 3]
# expect: [3, 2, 8, 9]
# expect: [2, 3, 8, 9]
# expect: true
# expect: true
# expect: [9, 8, 2, 3]
# expect: [11, 12, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 16, 17, 18, 19, 20]
# expect: 68
