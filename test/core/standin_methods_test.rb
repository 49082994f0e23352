# Methods the core defines in a class for speed where CRuby 3.1's class inherits
# them (Array#inject is Enumerable's) behave as inherited: their owner is the
# ancestor, they are not the class's own, and redefining the ancestor's (or
# including a module that has one) reaches the class. Methods CRuby 3.1 lacks
# (Float#pow, String#dedup, MatchData#byteoffset, Kernel#instance_exec) are gone.
p Array.instance_method(:inject).owner, Array.public_instance_methods(false).include?(:inject), Array.method_defined?(:inject, false), Array.method_defined?(:inject)
p Hash.instance_method(:map).owner, Integer.instance_method(:hash).owner, String.instance_method(:between?).owner, Float.instance_method(:div).owner
p [1, 2, 3].inject(:+), {a: 1}.map { |k, v| [k, v] }, 5.positive?, "b".between?("a", "c")
module Enumerable
  def inject(*) = :patched
  def tally(*) = :tally_patched
end
p [1, 2].inject(:+), [1, 2].reduce(:+), [1].tally, (1..3).inject(:+), {a: 1}.inject { 1 }
module Comparable; def between?(*) = :cmp; end
p "b".between?("a", "c"), 3.between?(1, 5)
module Sum; def sum(*) = :sum_mod; end
class Range; include Sum; end
p (1..3).sum
class Hash; def count(*) = :own_count; end
p({a: 1}.count, Hash.instance_method(:count).owner)
class Array; alias my_map collect_concat; end
p Array.public_instance_methods(false).include?(:my_map), [[1], [2]].my_map { _1 }
module Enumerable; private :filter_map; end
p (([1].filter_map { _1 }) rescue $!.class)
p Array.instance_method(:each_slice).owner, [1, 2, 3].each_slice(2).to_a
p 1.5.respond_to?(:pow), "a".respond_to?(:dedup), (/a/.match("a").byteoffset(0) rescue $!.class)
p Kernel.method_defined?(:instance_exec), BasicObject.method_defined?(:instance_exec)
p Object.new.instance_exec { 7 }
# expect: Enumerable
# expect: false
# expect: false
# expect: true
# expect: Enumerable
# expect: Kernel
# expect: Comparable
# expect: Numeric
# expect: 6
# expect: [[:a, 1]]
# expect: true
# expect: true
# expect: :patched
# expect: 3
# expect: :tally_patched
# expect: :patched
# expect: :patched
# expect: :cmp
# expect: :cmp
# expect: :sum_mod
# expect: :own_count
# expect: Hash
# expect: true
# expect: [1, 2]
# expect: NoMethodError
# expect: Enumerable
# expect: [[1, 2], [3]]
# expect: false
# expect: false
# expect: NoMethodError
# expect: false
# expect: true
# expect: 7
