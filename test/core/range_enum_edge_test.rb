# Range#max/minmax of an Integer..Float range, include? on a Time range,
# each_slice/each_cons sizes of an endless range and sum with a String init,
# as in CRuby 3.1
p (1..2.5).max, (1..3.5).minmax, (1r..2.5).max, (1..3.0).max
t0 = Time.at(0).utc
r = t0..(t0 + 10)
p r.include?(2), r.member?("c"), r.include?(t0 + 5), r === t0 + 11
p (1..).each_slice(2).size, (..5).each_slice(2).size, (1..).each_cons(3).size, (1..10).each_slice(3).size
p(([1, 2].sum("") rescue [$!.class, $!.message]))
p(((1..3).each.sum("") rescue [$!.class, $!.message]))
p(([0.1, 0.2].sum("") rescue [$!.class, $!.message]))
p ["a", "b"].sum(""), [[1], [2]].sum([]), [1, 2].sum(0.5), [0.1] * 3 == [0.1, 0.1, 0.1], ([0.1] * 10).sum

# expect: 2.5
# expect: [1, 3.5]
# expect: 2.5
# expect: 3.0
# expect: false
# expect: false
# expect: true
# expect: false
# expect: Infinity
# expect: Infinity
# expect: Infinity
# expect: 4
# expect: [TypeError, "String can't be coerced into Integer"]
# expect: [TypeError, "no implicit conversion of Integer into String"]
# expect: [TypeError, "no implicit conversion to float from string"]
# expect: "ab"
# expect: [1, 2]
# expect: 3.5
# expect: true
# expect: 1.0
