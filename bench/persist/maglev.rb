# bench/persist/maglev.rb -- the persistence workloads (docs/bench.md, "Persistence")
# on maglev's repository. Run by bench/persist.sh: maglev-ruby maglev.rb W ARGS...
# Prints the seconds the measured part took (setup excluded).
# A node is [prev, i, "s<i>"]: a reference, an Integer and a short String.
W, *ARGS = ARGV
def now = Process.clock_gettime(Process::CLOCK_MONOTONIC)

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
  k.times { s2 += all[r.rand(size)][1] }
  puts "#{walk} #{now - t} #{sum} #{len}"
when "w4"                        # N retried increments of one shared counter
  n = ARGS[0].to_i
  retries = 0
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
  puts retries
when "w5"                        # N commits of own new objects (slot k of Maglev[:w5])
  n, k = ARGS[0].to_i, ARGS[1].to_i
  slot = Maglev[:w5][k]
  i = 0
  while i < n
    slot[0] = [slot[0], i, "s#{i}"]
    Maglev.commit_transaction
    i += 1
  end
when "setup45"
  Maglev[:w4] = [0]
  Maglev[:w5] = Array.new(ARGS[0].to_i) { [nil] }
  Maglev.commit_transaction
when "result45"
  c = 0
  Maglev[:w5].each { |s| n = s[0]; while n; c += 1; n = n[0]; end }
  puts "#{Maglev[:w4][0]} #{c}"
end
