# forms the parser must accept, with CRuby's meaning
def twice(x) = x * 2
def pair(a, b = :none) = [a, b]
def tap_block(x) = block_given? ? yield(x) : :no_block
puts defined?(String).inspect, 1
p twice twice 3
p pair twice(2), 5
x = y = twice 4
p x, y
p(-1.abs, - 1.abs)
a = true
p a ?1 :2
def ret = return 1, 2
p ret
r = tap_block 5 do |v| v + 1 end
p r
p [1, 2].map { _1 * 10 }
h = 1; k = 2
p({h:, k:})
m = [1, [2, 3]] in [Integer, [_, Integer]]
p m
v = not(false)
p v
p(defined?(zzz), defined?(@q), defined?(puts))
z = [1, 2, 3]
first, *rest = z
p first, rest
p %i[a b], ->(q) do q end.(7)
e = (raise "x" rescue "rescued")
p e
p(while false do end)
def fwd(...) = pair(...)
p fwd(1, 2)
# expect: "constant"
# expect: 1
# expect: 12
# expect: [4, 5]
# expect: 8
# expect: 8
# expect: 1
# expect: -1
# expect: 1
# expect: [1, 2]
# expect: 6
# expect: [10, 20]
# expect: {:h=>1, :k=>2}
# expect: [1, [2, 3]]
# expect: true
# expect: nil
# expect: nil
# expect: "method"
# expect: 1
# expect: [2, 3]
# expect: [:a, :b]
# expect: 7
# expect: "rescued"
# expect: nil
# expect: [1, 2]
