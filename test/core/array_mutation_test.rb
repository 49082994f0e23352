# Array: blocks that change the receiver while it is being iterated
a = [1, 2, 3, 4]
r = []
a.each { |x| r << x; a.pop if x == 1 }
p r, a
# expect: [1, 2, 3]
# expect: [1, 2, 3]
b = [1, 2, 3]
b.each { |x| b << x * 10 if b.size < 6 }
p b  # expect: [1, 2, 3, 10, 20, 30]
c = [1, 2, 3, 4, 5]
c.each_with_index { |x, i| c.clear if i == 1 }
p c  # expect: []
d = [1, 2, 3, 4]
p d.map! { |x| d.size > 2 ? (d.pop; x) : x }, d
# expect: [1, 2]
# expect: [1, 2]
e = [1, 2, 3, 4, 5, 6]
e.delete_if { |x| e.shift if x == 3; x.even? }
p e  # expect: [2, 3, 5]
f = [5, 3, 1, 4]
p f.sort { |x, y| x <=> y }, f
# expect: [1, 3, 4, 5]
# expect: [5, 3, 1, 4]
g = [3, 1, 2]
g.select! { |x| x > 1 }
p g  # expect: [3, 2]
h = [1, 2, 3]
p h.reject! { |x| x == 2 }, h
# expect: [1, 3]
# expect: [1, 3]
k = [1, 2, 3]
p k.reverse_each.to_a, k.index { |x| k.clear; false }, k
# expect: [3, 2, 1]
# expect: nil
# expect: []
m = [1, 2, 3]
p m.inject { |s, x| m.clear; s + x }, m
# expect: 3
# expect: []
n = [1, [2, [3]]]
n[1][1] << n
p n.flatten(1).size, n.inspect
# expect: 3
# expect: "[1, [2, [3, [...]]]]"
q = [4, 5, 6]
q.fill { |i| q.size > 1 ? (q.pop; i) : i }
p q  # expect: [0]
h2 = {a: 1, b: 2, c: 3}
h2.each { |k, v| h2.delete(:c) }
p h2  # expect: {:a=>1, :b=>2}
h3 = {a: 1, b: 2}
h3.each { h3.clear }
p h3  # expect: {}
h4 = {a: 1, b: 2, c: 3}
h4.select! { |k, v| h4.delete(:c); true }
p h4  # expect: {:a=>1, :b=>2}
h5 = {a: 1}
begin  # expect: RuntimeError
  h5.each { h5[:new] = 1 }
rescue => ex
  p ex.class
end
p h5  # expect: {:a=>1}
