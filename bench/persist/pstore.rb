# bench/persist/pstore.rb -- the persistence workloads on CRuby + PStore
# (require 'pstore'), same work as maglev.rb. ruby pstore.rb FILE W ARGS...
# PStore rewrites its whole file at each commit; ultra_safe and fsync are off
# by default in PStore, so its "durable" commits do not fsync (see docs/bench.md).
require 'pstore'
FILE, W, *ARGS = ARGV
def now = Process.clock_gettime(Process::CLOCK_MONOTONIC)
db = PStore.new(FILE, true)

case W
when "w1"
  n = ARGS[0].to_i
  db.transaction { db[:w1] = nil }
  t = now
  n.times do |i|                 # one key per object: PStore's best layout
    db.transaction { db[i] = [i, "s#{i}"] }
  end
  puts now - t
when "w2"
  n = ARGS[0].to_i
  t = now
  all = Array.new(n)
  prev = nil
  n.times { |i| prev = all[i] = [prev, i, "s#{i}"] }
  db.transaction { db[:w2] = all }
  puts now - t
when "w3"
  k = ARGS[0].to_i
  t = now
  db.transaction(true) do
    all = db[:w2]
    node = all[all.size - 1]
    sum = 0
    len = 0
    while node
      sum += node[1]
      len += node[2].size
      node = node[0]
    end
    walk = now - t
    t = now
    r = Random.new(42)
    size = all.size
    s2 = 0
    k.times { s2 += all[r.rand(size)][1] }
    puts "#{walk} #{now - t} #{sum} #{len}"
  end
when "w4"
  n = ARGS[0].to_i
  n.times { db.transaction { db[:w4] += 1 } }   # PStore locks the file: no conflicts
  puts 0
when "w5"
  n, k = ARGS[0].to_i, ARGS[1].to_i
  n.times { |i| db.transaction { db[[k, i]] = [i, "s#{i}"] } }
when "setup45"
  db.transaction { db[:w4] = 0 }
when "result45"
  db.transaction(true) { puts "#{db[:w4]} #{db.roots.count { |r| r.is_a?(Array) }}" }
when "w6"
  n = ARGS[0].to_i
  t = now
  h = {}
  n.times { |i| h["key#{i}"] = i }
  db.transaction { db[:w6] = h }
  puts now - t
when "w6look"
  n, k = ARGS[0].to_i, ARGS[1].to_i
  t = now
  r = Random.new(6)
  s = 0
  db.transaction(true) { h = db[:w6]; k.times { s += h["key#{r.rand(n)}"] } }
  puts "#{now - t} #{s}"
when "w6add"
  k = ARGS[1].to_i
  t = now
  k.times { |i| db.transaction { h = db[:w6]; h["add#{i}"] = i; h["key#{i}"] = -i } }
  puts (now - t) / k * 1000
end
