# Enumerator sizes: to_enum without a size block has none; each_slice,
# each_cons and each_with_object of an enumerator count from its size;
# Enumerator.new converts its size argument; Lazy keeps sizes and inspect
def t
  puts yield.inspect
rescue => e
  puts "#{e.class}: #{e.message}"
end
t { [1, 2, 3].to_enum.size }
t { [1, 2, 3].enum_for(:map).size }
t { 3.to_enum(:times).size }
t { [1, 2, 3].to_enum(:each_slice, 2).size }
t { [1, 2, 3].to_enum(:each_slice, 2) { 9 }.size }
t { 4.times.each_slice(3).size }
t { 4.times.each_cons(3).size }
t { (1..4).each_with_object([]).size }
t { loop.each_slice(2).size }
t { [1, 2].each.with_index.each_slice(1).size }
t { (1..4).each_slice(3).each_cons(1).size }
t { Enumerator.new(1.5) {}.size }
t { Enumerator.new(3r) {}.size }
t { Enumerator.new(Float::INFINITY) {}.size }
t { o = Object.new; def o.call = 5; Enumerator.new(o) {}.size }
t { Enumerator.new(:s) {} }
t { Enumerator.new }
t { (1..3).lazy.each_slice(2).size }
t { (1..3).lazy.map { _1 }.each_cons(2).size }
t { (1..3).lazy.each_with_object(1).size }
t { (1..3).lazy.zip(1..2).size }
t { (1..3).lazy.eager.size }
t { (1..3).lazy.to_enum.size }
t { (1..3).lazy.with_index.inspect }
t { (1..3).lazy.with_index(2).to_a }
t { (1..3).lazy.each_with_index.inspect }
t { (1..3).lazy.each_with_index.map { |x, i| x * i }.to_a }
t { (1..3).lazy.each_with_index { |x, i| print x, i, " " }.first(2) }

# expect: nil
# expect: nil
# expect: nil
# expect: nil
# expect: 9
# expect: 2
# expect: 2
# expect: 4
# expect: Infinity
# expect: 2
# expect: 2
# expect: 1
# expect: 3
# expect: Infinity
# expect: 5
# expect: TypeError: no implicit conversion of Symbol into Integer
# expect: ArgumentError: tried to create Proc object without a block
# expect: 2
# expect: 2
# expect: 3
# expect: 3
# expect: 3
# expect: nil
# expect: "#<Enumerator::Lazy: #<Enumerator::Lazy: 1..3>:with_index(0)>"
# expect: [[1, 2], [2, 3], [3, 4]]
# expect: "#<Enumerator::Lazy: #<Enumerator::Lazy: 1..3>:each_with_index>"
# expect: [0, 2, 6]
# expect: 10 21 32 [1, 2]
