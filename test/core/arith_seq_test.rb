# Enumerator::ArithmeticSequence: Numeric#step, Range#step and Range#% without a block
p Enumerator::ArithmeticSequence.instance_methods(false).sort
p Enumerator::ArithmeticSequence.ancestors.take(3)
p 1.step, 1.step(10), 1.0.step, 1.step(nil, 2), 1.step(by: 2), 1.step(10, by: 2) rescue p $!
p (1..).step(2), (1.0..2.0).step(0.5), (1..10) % 3
p ((..10).step(2) rescue $!)
p (("a".."e").step(2)), ("a".."e").step(2).class
p ((1..10).step(-1) rescue $!)
p ((1..10).step(0) rescue $!)
p (1.step(10, 0) rescue $!)
p 1.step(10, "a") rescue p $!
p 1.step("x", 2) rescue p $!
p 10.step(1, -3).to_a, 10.step(1, -3).size, 10.step(1,-3).last(2), 10.step(1,-3).last
p 1.0.step(2.0, 0.1).size, 1.0.step(2.0, 0.1).last, 1.0.step(2.0, 0.1).last(3), 1.0.step(2.0, 0.1).first(3)
p 1.step(by: 0.1).first(4), 1.0.step.first(2), 1.step.size
p ((1..).step(2).last rescue $!)
p (1..10).step(3).size, (1...10).step(3).size, (1...10).step(3).last, (1..10).step(3).last
p (1.0...2.0).step(0.5).last, (1.0...2.0).step(0.5).size
p (1..10).step(2) == 1.step(10, 2), (1..10).step(2).eql?((1..10).step(2)), (1..10).step(2) == (1..10).step(2)
p 1.step(10,2) == 1.step(10,2.0), 1.step(10,2).eql?(1.step(10,2.0))
p (1..10).step(2).hash == (1..10).step(2).hash, (1..10).step(2).hash == 1.step(10,2).hash
p 1.step(10,3).first, 1.step(10,3).first(0), (1.step(10,3).first(-1) rescue $!)
p 5.step(1).to_a, 5.step(1).first, 5.step(1).last, 5.step(1).size
p 1.step(10, 3) === 4 rescue p $!
p (1..10).step(2).begin, (1...10).step(2).exclude_end?, (1..).step(2).end
x = (1.0..2.0).step(0.5); p x.begin, x.end, x.step
e = (1..10).step(4); p e.next, e.next, e.next, (e.next rescue $!)
p 1.step(10, 3).each { }, (1..10).step(3).each { }
p 1.step(10, 3).map { |x| x * 2 }
p (1..10).step(3).lazy.select(&:odd?).to_a
p (1r..3r).step(1r/2).to_a rescue p $!
p 1.step(3r, 1).to_a rescue p $!
p (1..2).step(0.5).to_a, (1..2).step(0.5).class
p 1.0.step(by: -0.5, to: -1).to_a
p (0.0..1.0).step(0.1).to_a.size, (0.0..1.0).step(0.1).map{_1}.last
p 1.step(10, 3).to_a.frozen?, 1.step(10,3).entries
p 1.step(10, 3).with_index.to_a
p (1..10).step(3).each_slice(2).to_a
p 1.step(Float::INFINITY, 2).first(2), 1.step(Float::INFINITY, 2).size
p (2**64).step(2**64+4, 2).to_a
p (1..10).step(2).minmax rescue p $!
p (1..10).step(2).sum, 1.0.step(2.0, 0.5).sum
p 1.step(10,3).to_s.start_with?("#<Enumerator::ArithmeticSequence:0x")
p((1..10).step(2).dup) rescue p $!
p 1.step(10,3).frozen?
p (1..10).step(2).minmax rescue p $!
p (1..10).step(2).sum, 1.0.step(2.0, 0.5).sum
p (Enumerator::ArithmeticSequence.new rescue $!.class)
p 1.step(10, 3).last(10), 1.step(10,3).first(10)
p (1.0..).step(0.5).first(3)
p 1.0.step(nil, -0.5).first(3)
p (1..10.5).step(2).to_a, (1..10.5).step(2)
p (1.5..10).step(2).to_a, (1..10).step(2.5).to_a, (1...10).step(2.25).to_a
p 1.step(10, 4.5).to_a
p (0.1..0.5).step(0.1).to_a, 0.1.step(0.5, 0.1).last(2)
p (1..10).step(3).each_with_index.to_a
p 1.step(10,3).reverse_each.to_a rescue p $!
e = 1.step(3)
p e.next, e.peek, e.next, e.next, (e.next rescue $!.class)
p e.size
p (-1..-10).step(2).to_a, 1.step(-5, 2).size
p 10.step(1, -3).first(2), 10.0.step(1.0, -3.0).to_a, 10.0.step(1.0, -3.0).last(2)
p (1..1).step(2).to_a, (1...1).step(2).to_a, (1...1).step(2).last, (1...1).step(2).size
p 1.step(10, 3).take(2), 1.step(10,3).include?(4)
p (1..Float::INFINITY).step(2).first(2), (1..Float::INFINITY).step(2).size
p 1.step(10, 3r).to_a, (1..3).step(0.5r).to_a rescue p $!
p (10..1).step(-2).to_a, (10..1).step(-2).size, (1..10).step(-1).to_a,(1..10).step(-1).size
p ((..10).step(2).first(2) rescue $!), ((..10).step(2).size rescue $!)
p ((..10).step(2).last(2) rescue $!)
p (1r..3r).step(1r/2).size rescue p $!
p 1.step(10,3r).size, 1.step(10,3r).last rescue p $!
p (1..10).step(2).each_slice(2).first
p 1.step(10, 3).size.class, 1.0.step(2.0,0.5).size.class
p 1.step(2**70, 2**68).to_a
p 1.step(2**70, 2**68).size
p (1..10).step(3).to_a
p (1.0..1.3).step(0.1).to_a, (1.0..1.3).step(0.1).last, (1.0..1.3).step(0.1).size, (1.0..1.3).step(0.1).last(2)
p (1.0...1.3).step(0.1).to_a, (1.0...1.3).step(0.1).last, (1.0...1.3).step(0.1).size
p 0.0.step(1.0, 0.1).to_a.last(3), 0.0.step(1.0, 0.1).last(3)
p 10.0.step(9.0, -0.1).to_a.size, 10.0.step(9.0, -0.1).last(2)
e = 1.0.step(2.0, 0.25); p e.next, e.next, e.peek, e.next; e.rewind; p e.next
p 1.step(10, 3).lazy.map { _1 * 10 }.to_a
p (1..).step(5).lazy.select(&:even?).first(3)
p 1.step(by: 3).take(3), 1.step(to: 5).to_a, (1.step(to: 5, by: 0) rescue $!)
p 3.step(1).size, 3.step(1, -1).to_a, (3.step(1, 0) rescue $!)
h = {1.step(10,3) => :a}; p h[1.step(10,3)], h[(1..10).step(3)]
p [1.step(3), 1.step(3)].uniq.size
p (1..10).step(2).include?(3), (1..10).step(2).count, (1..10).step(2).min, (1..10).step(2).max
p (1..10).step(2).each_with_object([]) { |x, a| a << x }
p (-5..5).step(5).to_a, -5.step(5, 5)
p (0.5..2).step(0.5).map { |x| x }, 1.step(2, 0.5).class
p 1.0.step(0.0).last, 1.0.step(0.0).last(2), (1.0...1.0).step(2.0).last(1), 10.0.step(9.0, -0.1).last(3), (1.0..1.0).step(0.5).last, 1.step(0.0).last
p 1.step(10, 3) { |x| print x, " " }
puts
p (1..10).step(3) { |x| print x, " " }
puts
p((1..10).%(3) { |x| print x })
p(((..10).step(2).each {} rescue $!))
p (1..).step(2).size, (1.0..).step(0.5).size, (1..10).step(2.0).class, (1..10).step(2.0).to_a
p ((1.0..2.0) % 0.5).to_a, ((1.0..2.0) % 0.5)
p 1.step(10, 3).each_slice(2).to_a, 1.step(10, 3).with_index(1).to_a
e = (1..3).step(1)
p e.next, e.next, e.next, (e.next rescue $!.class), e.rewind.next
p 1.step(3).zip(4.step(6))
p 1.step(10, 2).reduce(:+), 1.step(10, 2).select(&:even?), (1..10).step(3).sort { |a, b| b <=> a }
p 10.step(1, -2).to_a, 10.step(1, -2), 10.step(1, -2).last(2)
p 1.step(Float::INFINITY, 2).lazy.map { _1 * 2 }.first(3)
p (1..10).step(3).frozen?, (1..10).step(3).is_a?(Enumerator)
p 1.0.step(2.0, 0.5).map { |f| f }, 1.0.step(by: 0.5, to: 2).to_a
p (1...10).step(3).include?(10), (1..10).step(3).entries
# expect: [:==, :===, :begin, :each, :end, :eql?, :exclude_end?, :first, :hash, :inspect, :last, :size, :step]
# expect: [Enumerator::ArithmeticSequence, Enumerator, Enumerable]
# expect: (1.step)
# expect: (1.step(10))
# expect: (1.0.step)
# expect: (1.step(nil, 2))
# expect: (1.step(by: 2))
# expect: (1.step(10, by: 2))
# expect: ((1..).step(2))
# expect: ((1.0..2.0).step(0.5))
# expect: ((1..10).%(3))
# expect: ((..10).step(2))
# expect: #<Enumerator: "a".."e":step(2)>
# expect: Enumerator
# expect: ((1..10).step(-1))
# expect: #<ArgumentError: step can't be 0>
# expect: #<ArgumentError: step can't be 0>
# expect: #<Enumerator: 1:step(10, "a")>
# expect: #<Enumerator: 1:step("x", 2)>
# expect: [10, 7, 4, 1]
# expect: 4
# expect: [4, 1]
# expect: 1
# expect: 11
# expect: 2.0
# expect: [1.8, 1.9000000000000001, 2.0]
# expect: [1.0, 1.1, 1.2]
# expect: [1.0, 1.1, 1.2, 1.3]
# expect: [1.0, 2.0]
# expect: Infinity
# expect: #<RangeError: cannot get the last element of endless arithmetic sequence>
# expect: 4
# expect: 3
# expect: 7
# expect: 10
# expect: 1.5
# expect: 2
# expect: true
# expect: true
# expect: true
# expect: true
# expect: true
# expect: true
# expect: true
# expect: 1
# expect: []
# expect: #<ArgumentError: attempt to take negative size>
# expect: []
# expect: nil
# expect: nil
# expect: 0
# expect: false
# expect: 1
# expect: true
# expect: nil
# expect: 1.0
# expect: 2.0
# expect: 0.5
# expect: 1
# expect: 5
# expect: 9
# expect: #<StopIteration: iteration reached an end>
# expect: (1.step(10, 3))
# expect: ((1..10).step(3))
# expect: [2, 8, 14, 20]
# expect: [1, 7]
# expect: [(1/1), (3/2), (2/1), (5/2), (3/1)]
# expect: [1, 2, 3]
# expect: [1.0, 1.5, 2.0]
# expect: Enumerator::ArithmeticSequence
# expect: [1.0, 0.5, 0.0, -0.5, -1.0]
# expect: 11
# expect: 1.0
# expect: false
# expect: [1, 4, 7, 10]
# expect: [[1, 0], [4, 1], [7, 2], [10, 3]]
# expect: [[1, 4], [7, 10]]
# expect: [1.0, 3.0]
# expect: Infinity
# expect: [18446744073709551616, 18446744073709551618, 18446744073709551620]
# expect: [1, 9]
# expect: 25
# expect: 4.5
# expect: true
# expect: #<TypeError: allocator undefined for Enumerator::ArithmeticSequence>
# expect: false
# expect: [1, 9]
# expect: 25
# expect: 4.5
# expect: NoMethodError
# expect: [1, 4, 7, 10]
# expect: [1, 4, 7, 10]
# expect: [1.0, 1.5, 2.0]
# expect: [1.0, 0.5, 0.0]
# expect: [1.0, 3.0, 5.0, 7.0, 9.0]
# expect: ((1..10.5).step(2))
# expect: [1.5, 3.5, 5.5, 7.5, 9.5]
# expect: [1.0, 3.5, 6.0, 8.5]
# expect: [1.0, 3.25, 5.5, 7.75]
# expect: [1.0, 5.5, 10.0]
# expect: [0.1, 0.2, 0.30000000000000004, 0.4, 0.5]
# expect: [0.4, 0.5]
# expect: [[1, 0], [4, 1], [7, 2], [10, 3]]
# expect: [10, 7, 4, 1]
# expect: 1
# expect: 2
# expect: 2
# expect: 3
# expect: StopIteration
# expect: 3
# expect: []
# expect: 0
# expect: [10, 7]
# expect: [10.0, 7.0, 4.0, 1.0]
# expect: [4.0, 1.0]
# expect: [1]
# expect: []
# expect: -1
# expect: 0
# expect: [1, 4]
# expect: true
# expect: [1.0, 3.0]
# expect: Infinity
# expect: [1, (4/1), (7/1), (10/1)]
# expect: [1, (3/2), (2/1), (5/2), (3/1)]
# expect: [10, 8, 6, 4, 2]
# expect: 5
# expect: []
# expect: 0
# expect: #<TypeError: nil can't be coerced into Integer>
# expect: #<TypeError: nil can't be coerced into Integer>
# expect: #<TypeError: nil can't be coerced into Integer>
# expect: 5
# expect: 4
# expect: (10/1)
# expect: [1, 3]
# expect: Integer
# expect: Integer
# expect: [1, 295147905179352825857, 590295810358705651713, 885443715538058477569]
# expect: 4
# expect: [1, 4, 7, 10]
# expect: [1.0, 1.1, 1.2, 1.3]
# expect: 1.3
# expect: 4
# expect: [1.2000000000000002, 1.3000000000000003]
# expect: [1.0, 1.1, 1.2]
# expect: 1.2
# expect: 3
# expect: [0.8, 0.9, 1.0]
# expect: [0.7999999999999999, 0.8999999999999999, 0.9999999999999999]
# expect: 11
# expect: [9.1, 9.0]
# expect: 1.0
# expect: 1.25
# expect: 1.5
# expect: 1.5
# expect: 1.0
# expect: [10, 40, 70, 100]
# expect: [6, 16, 26]
# expect: [1, 4, 7]
# expect: [1, 2, 3, 4, 5]
# expect: #<ArgumentError: step can't be 0>
# expect: 0
# expect: [3, 2, 1]
# expect: #<ArgumentError: step can't be 0>
# expect: :a
# expect: :a
# expect: 1
# expect: true
# expect: 5
# expect: 1
# expect: 9
# expect: [1, 3, 5, 7, 9]
# expect: [-5, 0, 5]
# expect: (-5.step(5, 5))
# expect: [0.5, 1.0, 1.5, 2.0]
# expect: Enumerator::ArithmeticSequence
# expect: nil
# expect: []
# expect: []
# expect: [9.200000000000001, 9.100000000000001, 9.000000000000002]
# expect: 1.0
# expect: nil
# expect: 1 4 7 10 1
# expect:
# expect: 1 4 7 10 1..10
# expect:
# expect: 147101..10
# expect: #<TypeError: nil can't be coerced into Integer>
# expect: Infinity
# expect: Infinity
# expect: Enumerator::ArithmeticSequence
# expect: [1.0, 3.0, 5.0, 7.0, 9.0]
# expect: [1.0, 1.5, 2.0]
# expect: ((1.0..2.0).%(0.5))
# expect: [[1, 4], [7, 10]]
# expect: [[1, 1], [4, 2], [7, 3], [10, 4]]
# expect: 1
# expect: 2
# expect: 3
# expect: StopIteration
# expect: 1
# expect: [[1, 4], [2, 5], [3, 6]]
# expect: 25
# expect: []
# expect: [10, 7, 4, 1]
# expect: [10, 8, 6, 4, 2]
# expect: (10.step(1, -2))
# expect: [4, 2]
# expect: [2.0, 6.0, 10.0]
# expect: false
# expect: true
# expect: [1.0, 1.5, 2.0]
# expect: [1.0, 1.5, 2.0]
# expect: false
# expect: [1, 4, 7, 10]
