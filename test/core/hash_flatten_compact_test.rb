# Hash#flatten, Enumerable#compact, Enumerable#chunk (streaming) and Enumerator::Lazy#chunk
h = {a: [1, [2]], b: 2, c: [[3]]}
p h.flatten, h.flatten(0), h.flatten(1), h.flatten(2), h.flatten(3), h.flatten(-1)
p({}.flatten, {}.flatten(0))
begin; h.flatten("x"); rescue => e; p e; end
p h.flatten(1.9)
p [1, nil, 2].each.compact, (1..3).compact, {a: nil}.compact
class Pairs
  include Enumerable
  def each
    yield 1
    yield nil
    yield 1, 2
    yield nil, nil
    yield
  end
end
p Pairs.new.compact
p (1..Float::INFINITY).chunk(&:even?).first(2)
p [1, 2, 3, 4, 5].chunk { |x| x == 3 ? :_alone : x.odd? }.to_a
p [1, 2, 3, 4, 5].chunk { |x| x == 3 ? nil : x > 3 }.to_a
p [1, 2, 3, 4].chunk { |x| x == 2 ? :_separator : true }.to_a
begin; [1].chunk { :_foo }.to_a; rescue => e; p e; end
e = [1, 1, 2].chunk { |x| x }
p e.class, e.to_a, e.to_a
p({a: 1, b: 1, c: 2}.chunk { |k, v| v }.to_a)
class Twos; include Enumerable; def each; yield 1, 2; yield 3, 4; end; end
p Twos.new.chunk { |a| a.class }.to_a, Twos.new.chunk { |a, b| b }.to_a
p (1..Float::INFINITY).lazy.chunk { |x| x / 3 }.first(2)
p (1..6).lazy.chunk(&:even?).class
p (1..6).lazy.chunk { |x| x > 3 ? :_separator : x.odd? }.to_a
p (1..6).lazy.chunk { |x| x.even? }.map { |k, v| v.sum }.first(3)
p (1..6).lazy.chunk.class
# expect: [:a, [1, [2]], :b, 2, :c, [[3]]]
# expect: [[:a, [1, [2]]], [:b, 2], [:c, [[3]]]]
# expect: [:a, [1, [2]], :b, 2, :c, [[3]]]
# expect: [:a, 1, [2], :b, 2, :c, [3]]
# expect: [:a, 1, 2, :b, 2, :c, 3]
# expect: [:a, 1, 2, :b, 2, :c, 3]
# expect: []
# expect: []
# expect: #<TypeError: no implicit conversion of String into Integer>
# expect: [:a, [1, [2]], :b, 2, :c, [[3]]]
# expect: [1, 2]
# expect: [1, 2, 3]
# expect: {}
# expect: [1, [1, 2], [nil, nil]]
# expect: [[false, [1]], [true, [2]]]
# expect: [[true, [1]], [false, [2]], [:_alone, [3]], [false, [4]], [true, [5]]]
# expect: [[false, [1, 2]], [true, [4, 5]]]
# expect: [[true, [1]], [true, [3, 4]]]
# expect: #<RuntimeError: symbols beginning with an underscore are reserved>
# expect: Enumerator
# expect: [[1, [1, 1]], [2, [2]]]
# expect: [[1, [1, 1]], [2, [2]]]
# expect: [[1, [[:a, 1], [:b, 1]]], [2, [[:c, 2]]]]
# expect: [[Array, [[1, 2], [3, 4]]]]
# expect: [[2, [[1, 2]]], [4, [[3, 4]]]]
# expect: [[0, [1, 2]], [1, [3, 4, 5]]]
# expect: Enumerator::Lazy
# expect: [[true, [1]], [false, [2]], [true, [3]]]
# expect: [1, 2, 3]
# expect: Enumerator::Lazy
