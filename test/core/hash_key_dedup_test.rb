# Hash String keys are deduplicated frozen strings (as String#-@ gives), and
# the table of those is weak: keys of dropped hashes do not accumulate
h = {}
k = +"key"
h[k] = 1
p h.keys[0].frozen?, k.frozen?, h.keys[0].equal?(-"key"), h.keys[0].equal?(k)
g = { "key" => 2 }
p g.keys[0].equal?(h.keys[0])
a = -"zz#{1}"
GC.start
p a.equal?(-"zz1"), (-"zz1").frozen?
f = "frozen".freeze
i = { f => 1 }
p i.keys[0].equal?(f)
GC.start
before = GC.stat(:heap_live_slots)
100_000.times { |n| x = {}; x["k#{n}"] = n }
GC.start
p GC.stat(:heap_live_slots) - before < 20_000
p 100_000.times.map { |n| -"d#{n % 10}" }.uniq(&:object_id).size
id = h.keys[0].object_id
GC.start
p h.keys[0].object_id == id, h["key"], g["key"]
class S < String; end unless defined?(S)
g = {}
k = S.new("x")
g[k] = 1
p g.keys[0].class, g.keys[0].frozen?, g.keys[0].equal?(k), g[S.new("x")], g["x"]
s = +"iv"
s.instance_variable_set(:@a, 1)
h = { s => 1 }
p h.keys[0].frozen?, h.keys[0].equal?(s), h.keys[0].instance_variables, h["iv"]
class S < String; end unless defined?(S)
g = { "x" => 1 }
p g[S.new("x")], { S.new("y") => 2 }["y"], [S.new("a"), "a"].uniq.size, { S.new("z") => 1 }.key?(S.new("z"))
class T < String; def hash = 1; def eql?(o) = true; end
p({ T.new("q") => 5 }[T.new("r")])
# expect: true
# expect: false
# expect: true
# expect: false
# expect: true
# expect: true
# expect: true
# expect: true
# expect: true
# expect: 10
# expect: true
# expect: 1
# expect: 2
# expect: S
# expect: false
# expect: true
# expect: 1
# expect: 1
# expect: true
# expect: false
# expect: []
# expect: 1
# expect: 1
# expect: 2
# expect: 1
# expect: true
# expect: nil
