wm = ObjectSpace::WeakMap.new
k = "key"
v = Object.new
wm[k] = v
wm[1] = :sym
p wm[k].equal?(v), wm.key?(k), wm.key?("key"), wm[1], wm.size
p wm.include?(1), wm["nope"]
def fill(wm)
  1000.times { |i| wm[Object.new] = "v#{i}" }
end
fill(wm)
5.times { GC.start }
p wm.size < 1000
p wm.key?(k), wm[k].equal?(v)
p wm.keys.include?(k), wm.values.include?(v)
n = 0
wm.each { |a, b| n += 1 }
p n == wm.size
p ObjectSpace::WeakMap.ancestors.include?(Enumerable)

# expect: true
# expect: true
# expect: false
# expect: :sym
# expect: 2
# expect: true
# expect: nil
# expect: true
# expect: true
# expect: true
# expect: true
# expect: true
# expect: true
# expect: true
