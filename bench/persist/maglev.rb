# bench/persist/maglev.rb -- the persistence workloads (docs/bench.md, "Persistence")
# on maglev's repository. Run by bench/persist.sh: maglev-ruby maglev.rb W ARGS...
# Prints the seconds the measured part took (setup excluded); w3 prints
# "walk lookups sum len s2 keysum". w4 and w5 take an optional GUN, a
# CLOCK_REALTIME time to start at (bench/pg.sh starts the processes one
# after the other), and then print "start end" in CLOCK_REALTIME.
# A node is [prev, i, "s<i>"]: a reference, an Integer and a short String.
W, *ARGS = ARGV
def now = Process.clock_gettime(Process::CLOCK_MONOTONIC)
def wall = Process.clock_gettime(Process::CLOCK_REALTIME)

def start_at(gun)
  d = gun - wall
  sleep d if d > 0
  wall
end

case W
when "w1"                        # N durable commits of one new object each
  n = ARGS[0].to_i
  holder = Maglev[:w1] = [nil]
  Maglev.commit_transaction
  t = now
  i = 0
  while i < n
    holder[0] = [holder[0], i, "s#{i}"]
    Maglev.commit_transaction
    i += 1
  end
  puts now - t
when "w2"                        # one commit of N nodes, chained and indexed
  n = ARGS[0].to_i
  t = now
  all = Array.new(n)
  prev = nil
  i = 0
  while i < n
    prev = all[i] = [prev, i, "s#{i}"]
    i += 1
  end
  Maglev[:w2] = all
  Maglev.commit_transaction
  puts now - t
when "w3"                        # cold walk of the chain, then K random lookups
  k = ARGS[0].to_i
  t = now
  all = Maglev[:w2]
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
  keysum = 0
  k.times do
    j = r.rand(size)
    s2 += all[j][1]
    keysum += j
  end
  puts "#{walk} #{now - t} #{sum} #{len} #{s2} #{keysum}"
when "w4"                        # N retried increments of one shared counter
  n = ARGS[0].to_i
  retries = 0
  s = start_at(ARGS[1].to_f) if ARGS[1]
  n.times do
    begin
      c = Maglev[:w4]
      c[0] += 1
      Maglev.commit_transaction
    rescue Maglev::CommitFailedException
      retries += 1
      Maglev.abort_transaction
      retry
    end
  end
  puts ARGS[1] ? "#{s} #{wall} #{retries}" : retries
when "w5"                        # N commits of own new objects (slot k of Maglev[:w5])
  n, k = ARGS[0].to_i, ARGS[1].to_i
  slot = Maglev[:w5][k]
  s = start_at(ARGS[2].to_f) if ARGS[2]
  i = 0
  while i < n
    slot[0] = [slot[0], i, "s#{i}"]
    Maglev.commit_transaction
    i += 1
  end
  puts "#{s} #{wall}" if ARGS[2]
when "w6"                        # one commit of a Hash of N String keys
  n = ARGS[0].to_i
  t = now
  h = {}
  i = 0
  while i < n
    h["key#{i}"] = i
    i += 1
  end
  Maglev[:w6] = h
  Maglev.commit_transaction
  puts now - t
when "w6look"                    # a new process: K random lookups in it
  n, k = ARGS[0].to_i, ARGS[1].to_i
  t = now
  h = Maglev[:w6]
  r = Random.new(6)
  s = 0
  k.times { s += h["key#{r.rand(n)}"] }
  puts "#{now - t} #{s}"
when "w6add"                     # K durable commits, each adding a key to that Hash and changing another
  k = ARGS[1].to_i
  h = Maglev[:w6]
  h.size
  t = now
  k.times { |i| h["add#{i}"] = i; h["key#{i}"] = -i; Maglev.commit_transaction }
  puts (now - t) / k * 1000       # milliseconds a commit
when "check1"
  c = 0
  n = Maglev[:w1][0]
  while n; c += 1; n = n[0]; end
  puts c
when "setup45"
  Maglev[:w4] = [0]
  Maglev[:w5] = Array.new(ARGS[0].to_i) { [nil] }
  Maglev.commit_transaction
when "result45"
  c = 0
  Maglev[:w5].each { |s| n = s[0]; while n; c += 1; n = n[0]; end }
  puts "#{Maglev[:w4][0]} #{c}"
end
