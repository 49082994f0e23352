# Enumerator (simple, without fibers): each, with_index, with_object, size, next on finite receivers
e = [1, 2, 3].each
p e.class, e.size, e.to_a, e.map { |x| x * 2 }, e.include?(2)
# expect: Enumerator
# expect: 3
# expect: [1, 2, 3]
# expect: [2, 4, 6]
# expect: true
p [1, 2, 3].map.with_index { |x, i| [x, i] }, [1, 2, 3].each.with_index(1).to_a
# expect: [[1, 0], [2, 1], [3, 2]]
# expect: [[1, 1], [2, 2], [3, 3]]
p [1, 2, 3].each_with_index.to_a, [4, 5].each.with_object([]) { |x, acc| acc << x }
# expect: [[1, 0], [2, 1], [3, 2]]
# expect: [4, 5]
p (1..3).each.size, [1, 2, 3].each_slice(2).size, [1, 2, 3].each_cons(2).size, 3.times.to_a
# expect: 3
# expect: 2
# expect: 2
# expect: [0, 1, 2]
gen = Enumerator.new do |y|
  y << 1 << 2
  y.yield 3
end
p gen.to_a, gen.map { |x| x + 1 }, gen.first(2), gen.take(1), gen.size
# expect: [1, 2, 3]
# expect: [2, 3, 4]
# expect: [1, 2]
# expect: [1]
# expect: nil
fib = Enumerator.new do |y|
  a, b = 0, 1
  loop { y << a; a, b = b, a + b }
end
p fib.first(10), fib.take_while { |x| x < 30 }
# expect: [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]
# expect: [0, 1, 1, 2, 3, 5, 8, 13, 21]
n = [10, 20].each
p n.next, n.peek, n.next
# expect: 10
# expect: 20
# expect: 20
begin
# expect: StopIteration
# expect: "iteration reached an end"
  n.next
rescue StopIteration => ex
  p ex.class, ex.message


end
n.rewind
p n.next  # expect: 10
p [1, 2, 3].each.inspect, [1, 2].each_slice(2).inspect
# expect: "#<Enumerator: [1, 2, 3]:each>"
# expect: "#<Enumerator: [1, 2]:each_slice(2)>"
