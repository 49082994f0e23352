# Hash: construction, access, mutation, inspect
h = {a: 1, "b" => 2, 3 => [4]}
p h, h[:a], h["b"], h[3], h[:zz], h.size, h.length, {}.empty?
# expect: {:a=>1, "b"=>2, 3=>[4]}
# expect: 1
# expect: 2
# expect: [4]
# expect: nil
# expect: 3
# expect: 3
# expect: true
p Hash.new(5)[:x], Hash.new { |hh, k| k.to_s * 2 }[:ab], Hash.new.default, Hash.new(1).default
# expect: 5
# expect: "abab"
# expect: nil
# expect: 1
d = Hash.new { |hh, k| hh[k] = k * 2 }
p d[3], d, d.default_proc.class
# expect: 6
# expect: {3=>6}
# expect: Proc
p Hash[[[1, 2], [3, 4]]], Hash[1, 2, 3, 4], Hash[{a: 1}]
# expect: {1=>2, 3=>4}
# expect: {1=>2, 3=>4}
# expect: {:a=>1}
p h.fetch(:a), h.fetch(:x, 0), h.fetch(:x) { |k| k }, h.key?(:a), h.has_key?(:q), h.include?("b"), h.member?(3)
# expect: 1
# expect: 0
# expect: :x
# expect: true
# expect: false
# expect: true
# expect: true
p h.value?(2), h.has_value?(9), h.key(2), h.key(9), h.keys, h.values, h.values_at(:a, :zz), h.fetch_values(:a, "b")
# expect: true
# expect: false
# expect: "b"
# expect: nil
# expect: [:a, "b", 3]
# expect: [1, 2, [4]]
# expect: [1, nil]
# expect: [1, 2]
p({a: {b: {c: 1}}}.dig(:a, :b, :c), {a: [1, 2]}.dig(:a, 1), {}.dig(:a, :b))
# expect: 1
# expect: 2
# expect: nil
g = {a: 1, b: 2}
g[:c] = 3
g.store(:a, 10)
p g, g.delete(:b), g.delete(:zz), g.delete(:zz) { |k| "no #{k}" }, g
# expect: {:a=>10, :c=>3}
# expect: 2
# expect: nil
# expect: "no zz"
# expect: {:a=>10, :c=>3}
s = "key"
hs = {}
hs[s] = 1
s << "!"
p hs, hs.keys[0].frozen?, s
# expect: {"key"=>1}
# expect: true
# expect: "key!"
p({a: 1}.to_a, {a: 1, b: 2}.to_h { |k, v| [v, k] }, {a: 1}.to_s, {}.inspect)
# expect: [[:a, 1]]
# expect: {1=>:a, 2=>:b}
# expect: "{:a=>1}"
# expect: "{}"
p({1 => "a", nil => nil, 1.5 => :x, [1] => {b: 2}})  # expect: {1=>"a", nil=>nil, 1.5=>:x, [1]=>{:b=>2}}
r = {}
r[:self] = r
p r  # expect: {:self=>{...}}
p({a: 1} == {a: 1}, {a: 1} == {a: 1.0}, {a: 1}.eql?({a: 1.0}), {a: 1, b: 2} == {b: 2, a: 1}, {a: 1}.hash == {a: 1}.hash)
# expect: true
# expect: true
# expect: false
# expect: true
# expect: true
p({a: 1, b: 2}.hash == {b: 2, a: 1}.hash, {1 => 2} == {1.0 => 2})
# expect: true
# expect: false
m = {a: 1, b: 2}
p m.merge({b: 3, c: 4}), m.merge({b: 3}) { |k, o, n| o + n }, m.merge, m.merge({c: 1}, {d: 2})
# expect: {:a=>1, :b=>3, :c=>4}
# expect: {:a=>1, :b=>5}
# expect: {:a=>1, :b=>2}
# expect: {:a=>1, :b=>2, :c=>1, :d=>2}
m.merge!(x: 9)
m.update({a: 0}) { |k, o, n| o - 100 }
p m  # expect: {:a=>-99, :b=>2, :x=>9}
p({a: 1, b: nil}.compact, {a: 1}.invert, {a: 1, b: 2}.select { |k, v| v > 1 }, {a: 1, b: 2}.reject { |k, v| v > 1 })
# expect: {:a=>1}
# expect: {1=>:a}
# expect: {:b=>2}
# expect: {:a=>1}
p({a: 1, b: 2}.filter_map { |k, v| k if v > 1 }, {a: 1, b: 2}.min_by { |k, v| v }, {a: 1, b: 2}.sort_by { |k, v| -v })
# expect: [:b]
# expect: [:a, 1]
# expect: [[:b, 2], [:a, 1]]
p({a: 1, b: 2}.transform_values { |v| v * 10 }, {a: 1, b: 2}.transform_keys(&:to_s), {a: 1, b: 2}.transform_keys({a: :x}))
# expect: {:a=>10, :b=>20}
# expect: {"a"=>1, "b"=>2}
# expect: {:x=>1, :b=>2}
p({a: 1, b: 2}.slice(:a, :q), {a: 1, b: 2}.except(:a), {a: 1}.assoc(:a), {a: 1}.rassoc(1), {a: 1}.rassoc(2))
# expect: {:a=>1}
# expect: {:b=>2}
# expect: [:a, 1]
# expect: [:a, 1]
# expect: nil
p({a: 1, b: 2}.any? { |k, v| v > 1 }, {a: 1}.all? { |k, v| v > 1 }, {}.any?, {a: 1}.none?, {a: 1}.any?([:a, 1]))
# expect: true
# expect: false
# expect: false
# expect: false
# expect: true
p({a: 1, b: 2}.count, {a: 1, b: 2}.count { |k, v| v > 1 }, {a: 1, b: 2}.find { |k, v| v == 2 }, {a: 1}.sum([]))
# expect: 2
# expect: 1
# expect: [:b, 2]
# expect: [:a, 1]
p({a: 1, b: 2}.map { |k, v| [k, v * 2] }, {a: 1}.flat_map { |k, v| [k, v] }, {a: 1, b: 2}.each_with_index.to_a)
# expect: [[:a, 2], [:b, 4]]
# expect: [:a, 1]
# expect: [[[:a, 1], 0], [[:b, 2], 1]]
p({b: 1, a: 2}.sort, {a: 1, b: 2}.min_by(2) { |k, v| -v }, {a: 1}.group_by { |k, v| v }, {a: 1, b: 2}.partition { |k, v| v > 1 })
# expect: [[:a, 2], [:b, 1]]
# expect: [[:b, 2], [:a, 1]]
# expect: {1=>[[:a, 1]]}
# expect: [[[:b, 2]], [[:a, 1]]]
p({a: 1, b: 2}.first, {a: 1, b: 2}.first(1), {a: 1}.zip([1]), {a: 2}.sum { |k, v| v })
# expect: [:a, 1]
# expect: [[:a, 1]]
# expect: [[[:a, 1], 1]]
# expect: 2
sh = {a: 1, b: 2}
p sh.shift, sh, {}.shift, Hash.new(7).shift
# expect: [:a, 1]
# expect: {:b=>2}
# expect: nil
# expect: 7
cl = {a: 1}
p cl.clear, cl.replace({z: 1}), cl
# expect: {:z=>1}
# expect: {:z=>1}
# expect: {:z=>1}
e = []
{a: 1, b: 2}.each { |k, v| e << [k, v] }
{a: 1}.each_pair { |pair| e << pair }
{a: 1}.each_key { |k| e << k }
{a: 1}.each_value { |v| e << v }
p e  # expect: [[:a, 1], [:b, 2], [:a, 1], :a, 1]
dl = {a: 1, b: 2, c: 3}
p dl.delete_if { |k, v| v == 2 }, dl.keep_if { |k, v| v > 1 }, dl.select! { |k, v| true }, dl.reject! { |k, v| false }
# expect: {:c=>3}
# expect: {:c=>3}
# expect: nil
# expect: nil
ci = {}.compare_by_identity
k1 = "x"
ci[k1] = 1
ci["x".dup] = 2
p ci.size, ci.compare_by_identity?, {}.compare_by_identity?, ci[k1]
# expect: 2
# expect: true
# expect: false
# expect: 1
df = {}
df.default = 3
p df[:q], df.default
# expect: 3
# expect: 3
df.default_proc = proc { |hh, k| k }
p df[:q], df.default
# expect: :q
# expect: nil
p [1, 2].map(&{1 => :one, 2 => :two}), {a: 1}.to_proc.call(:a)
# expect: [:one, :two]
# expect: 1
p({a: 1} <= {a: 1, b: 2}, {a: 1} < {a: 1}, {a: 1, b: 2} >= {b: 2}, {a: 1} > {})
# expect: true
# expect: false
# expect: true
# expect: true
p({a: 1}.frozen?, {a: 1}.freeze.frozen?)
# expect: false
# expect: true
big = {}
1000.times { |i| big[i] = i * i }
500.times { |i| big.delete(i * 2) }
p big.size, big[999], big[998], big.keys.first(3), big.sum { |k, v| k }
# expect: 500
# expect: 998001
# expect: nil
# expect: [1, 3, 5]
# expect: 250000
p({a: nil}.compact!, {a: 1}.compact!)
# expect: {}
# expect: nil
