# Enumerator::Lazy with each_slice/each_cons, multi-value elements, eager Enumerable methods, next
p (1..6).lazy.each_slice(2), (1..6).lazy.each_slice(2).to_a, (1..6).lazy.each_slice(2).map(&:sum).first(2)
p (1..4).lazy.each_cons(2).to_a
p (1..3).lazy.map { _1 * 2 }.each_with_index.to_a
p (1..3).lazy.chunk_while { |a, b| b == a + 1 }.to_a
p (1..3).lazy.slice_when { |a, b| b > a }.first(2)
p (1..Float::INFINITY).lazy.map { _1 }.each_slice(2).first(2)
p (1..3).lazy.to_enum(:each_slice, 2).to_a
p (1..3).lazy.map { _1 * 2 }.sort, (1..3).lazy.sum, (1..3).lazy.min, (1..3).lazy.include?(2)
p (1..3).lazy.reduce(:+), (1..3).lazy.each_entry.to_a
p [[1, 2], [3, 4]].lazy.map { |a, b| a + b }.to_a
p [[1, 2], [3, 4]].lazy.select { |a, b| b > 2 }.to_a
p [[1, 2], [3, 4]].lazy.filter_map { |a, b| a * b if a > 1 }.to_a
p({a: 1}.lazy.map { |k, v| [k, v * 2] }.to_h)
e = (1..3).lazy.map { _1 * 10 }
p e.next, e.next, e.next
begin; e.next; rescue StopIteration; p :stop; end
# expect: #<Enumerator::Lazy: #<Enumerator::Lazy: 1..6>:each_slice(2)>
# expect: [[1, 2], [3, 4], [5, 6]]
# expect: [3, 7]
# expect: [[1, 2], [2, 3], [3, 4]]
# expect: [[2, 0], [4, 1], [6, 2]]
# expect: [[1, 2, 3]]
# expect: [[1], [2]]
# expect: [[1, 2], [3, 4]]
# expect: [[1, 2], [3]]
# expect: [2, 4, 6]
# expect: 6
# expect: 1
# expect: true
# expect: 6
# expect: [1, 2, 3]
# expect: [3, 7]
# expect: [[3, 4]]
# expect: [12]
# expect: {:a=>2}
# expect: 10
# expect: 20
# expect: 30
# expect: :stop
