# Enumerator.produce, to_enum with a size block, nested with_index, Yielder#yield's value
p Enumerator.produce(1) { |x| x * 2 }.take(5)
p Enumerator.produce([0, 1]) { |a, b| [b, a + b] }.take(5).map(&:first)
e = Enumerator.produce(3) { |x| raise StopIteration if x <= 1; x - 1 }
p e.to_a, e.size
o = Object.new
def o.each_thing; yield 1; yield 2; end
en = o.to_enum(:each_thing) { 2 }
p en.size, en.to_a, en.next
p [1,2,3].each.with_index.with_index.to_a
p [1, 2, 3].lazy.map { _1 + 1 }.with_index.map { |x, i| x * i }.to_a
p Enumerator::Yielder.instance_methods(false).sort
g = Enumerator.new { |y| r = y.yield(1); y << r }
p g.next, g.next
# expect: [1, 2, 4, 8, 16]
# expect: [0, 1, 1, 2, 3]
# expect: [3, 2, 1]
# expect: Infinity
# expect: 2
# expect: [1, 2]
# expect: 1
# expect: [[[1, 0], 0], [[2, 1], 1], [[3, 2], 2]]
# expect: [0, 3, 8]
# expect: [:<<, :to_proc, :yield]
# expect: 1
# expect: nil
