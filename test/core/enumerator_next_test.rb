# Enumerator external iteration on fibers: next, peek, rewind, StopIteration#result,
# next_values / peek_values, generators, infinite enumerators, feed
e = [1, 2, 3].each
p e.next, e.peek, e.next, e.next
begin
  e.next
rescue StopIteration => s
  p s.class, s.message, s.result
end
begin; e.peek; rescue StopIteration; p :still_stopped; end
e.rewind
p e.next

# StopIteration#result is the value `each` returned
o = Object.new
def o.each
  yield 1
  :the_result
end
en = o.to_enum
p en.next
begin; en.next; rescue StopIteration => s; p s.result; end
p loop { en.next }

# loop rescues StopIteration
a = [10, 20, 30].each
r = []
loop { r << a.next }
p r

# generators
fib = Enumerator.new do |y|
  x, z = 0, 1
  loop { y << x; x, z = z, x + z }
end
p fib.take(10)
p fib.next, fib.next, fib.next, fib.next, fib.peek
fib.rewind
p fib.next
p fib.each_slice(3).first(2)

# infinite sources
inf = (1..).each
p inf.next, inf.next, inf.peek, inf.next
lp = loop
p lp.size
ints = Enumerator.new { |y| n = 0; loop { y.yield n += 1 } }
p ints.lazy.map { |x| x * x }.select(&:even?).first(3)

# next_values and peek_values keep the yielded arity
m = Object.new
def m.each
  yield
  yield 1
  yield 1, 2
  yield nil
  yield [1, 2]
end
en = m.to_enum
p en.next_values, en.next_values, en.peek_values, en.next_values, en.next_values, en.next_values
en.rewind
p en.next, en.next, en.next, en.next, en.next

# hashes, strings, integers, with_index, each_slice
h = { a: 1, b: 2 }.each
p h.next, h.next
s = "héllo".each_char
p [s.next, s.next, s.next]
p 3.times.next, 5.downto(1).next
w = %w[a b c].each.with_index(1)
p w.next, w.next
p [1, 2, 3, 4].each_slice(2).next

# interleaved enumerators
x = [1, 2, 3].each
y = %w[a b c].each
p [x.next, y.next, x.next, y.next]

# an exception in the generator reaches the caller of next; next then starts over
g = Enumerator.new { |yy| yy << 1; raise ArgumentError, "oops" }
p g.next
begin; g.next; rescue ArgumentError => err; p err.message; end
p g.next

# external enumeration inside a fiber, and an enumerator over another's next
f = Fiber.new { en2 = [:p, :q].each; Fiber.yield en2.next; en2.next }
p f.resume, f.resume
outer = Enumerator.new { |yy| inner = [1, 2, 3].each; loop { yy << inner.next * 10 } }
p outer.to_a, outer.next

# zip takes enumerators
p [1, 2, 3].zip((4..).each, [7, 8].each)

# feed sets what the block's yield returns
e = [1, 2, 3].map
p e.next
e.feed :a
p e.next
e.feed :b
p e.next
e.feed :c
begin; e.next; rescue StopIteration => s; p s.result; end

# many enumerators suspended at once
ens = (1..200).map { |i| z = (i..).each; z.next; z }
p ens.sum(&:next)
t = 0
2000.times { |i| t += [i].each.next }
p t
# expect: 1
# expect: 2
# expect: 2
# expect: 3
# expect: StopIteration
# expect: "iteration reached an end"
# expect: [1, 2, 3]
# expect: :still_stopped
# expect: 1
# expect: 1
# expect: :the_result
# expect: :the_result
# expect: [10, 20, 30]
# expect: [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]
# expect: 0
# expect: 1
# expect: 1
# expect: 2
# expect: 3
# expect: 0
# expect: [[0, 1, 1], [2, 3, 5]]
# expect: 1
# expect: 2
# expect: 3
# expect: 3
# expect: Infinity
# expect: [4, 16, 36]
# expect: []
# expect: [1]
# expect: [1, 2]
# expect: [1, 2]
# expect: [nil]
# expect: [[1, 2]]
# expect: nil
# expect: 1
# expect: [1, 2]
# expect: nil
# expect: [1, 2]
# expect: [:a, 1]
# expect: [:b, 2]
# expect: ["h", "é", "l"]
# expect: 0
# expect: 5
# expect: ["a", 1]
# expect: ["b", 2]
# expect: [1, 2]
# expect: [1, "a", 2, "b"]
# expect: 1
# expect: "oops"
# expect: 1
# expect: :p
# expect: :q
# expect: [10, 20, 30]
# expect: 10
# expect: [[1, 4, 7], [2, 5, 8], [3, 6, nil]]
# expect: 1
# expect: 2
# expect: 3
# expect: [:a, :b, :c]
# expect: 20300
# expect: 1999000
