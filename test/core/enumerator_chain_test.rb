# Enumerator#+ and #chain, Enumerator::Yielder, inspect, with_object, each_entry, size
e = [1, 2].each + [3] + (4..5)
p e.class, e.to_a, e.size
p e.map { _1 * 2 }, e.each_slice(2).to_a
p [1, 2].chain, [1].chain([2], 3..4).to_a, [1].chain([2]).size
p ([1, 2].each + [3]), [1].each.chain([2], 3..4)
c = [1, 2].chain(3.times)
p c.to_a, c.size, c.include?(0)
p [1].chain(loop).size, [1].chain(Enumerator.new { }).size
r = []
p ([:a].each + [:b]).each { |x| r << x }.class, r
ext = ([1, 2].each + [3]).each_slice(2)
p ext.next, ext.next
p ([1].lazy + [2]).class

# Yielder
g = Enumerator.new { |y| y << 1 << 2; y.yield 3, 4; y.yield; :done }
p g.to_a
p Enumerator.new { |y| [7, 8].each(&y) }.to_a
p Enumerator.new(3) { |y| y << 1 }.size, Enumerator.new { |y| }.size
p Enumerator.new(-> { 42 }) { }.size
n = 0
gen = Enumerator.new { |y| loop { y << (n += 1) } }
p gen.first(3), gen.lazy.map { _1 * 2 }.first(2)

# inspect
p [1, 2, 3].each, [1, 2].each_slice(2), [1, 2].map.with_index(1), (1..3).each_cons(2)
p "ab".each_char, { a: 1 }.each, 3.times
p Enumerator.new { }.inspect.sub(/0x\h+/, "XX")

# with_index / each_with_index / with_object / each_entry
p %w[a b].each.with_index(1).map { |s, i| s * i }
p %w[a b].each_with_index.to_a, %w[a b].map.each_with_index { |s, i| s + i.to_s }
p %w[a b].each.with_object([]) { |s, acc| acc << s.upcase }
o = Object.new
def o.each
  yield 1
  yield 2, 3
  yield
end
o.extend(Enumerable)
p o.each_entry.to_a, o.to_a
p [1, 2].each.size, [1, 2, 3].each_slice(2).size, loop.size, 4.times.size
# expect: Enumerator::Chain
# expect: [1, 2, 3, 4, 5]
# expect: 5
# expect: [2, 4, 6, 8, 10]
# expect: [[1, 2], [3, 4], [5]]
# expect: #<Enumerator::Chain: [[1, 2]]>
# expect: [1, 2, 3, 4]
# expect: 2
# expect: #<Enumerator::Chain: [#<Enumerator: [1, 2]:each>, [3]]>
# expect: #<Enumerator::Chain: [#<Enumerator: [1]:each>, [2], 3..4]>
# expect: [1, 2, 0, 1, 2]
# expect: 5
# expect: true
# expect: Infinity
# expect: nil
# expect: Enumerator::Chain
# expect: [:a, :b]
# expect: [1, 2]
# expect: [3]
# expect: Enumerator::Lazy
# expect: [1, 2, [3, 4], nil]
# expect: [7, 8]
# expect: 3
# expect: nil
# expect: 42
# expect: [1, 2, 3]
# expect: [8, 10]
# expect: #<Enumerator: [1, 2, 3]:each>
# expect: #<Enumerator: [1, 2]:each_slice(2)>
# expect: #<Enumerator: #<Enumerator: [1, 2]:map>:with_index(1)>
# expect: #<Enumerator: 1..3:each_cons(2)>
# expect: #<Enumerator: "ab":each_char>
# expect: #<Enumerator: {:a=>1}:each>
# expect: #<Enumerator: 3:times>
# expect: "#<Enumerator: #<Enumerator::Generator:XX>:each>"
# expect: ["a", "bb"]
# expect: [["a", 0], ["b", 1]]
# expect: ["a0", "b1"]
# expect: ["A", "B"]
# expect: [1, [2, 3], nil]
# expect: [1, [2, 3], nil]
# expect: 2
# expect: 2
# expect: Infinity
# expect: 4
