# bench/persist/sequel.rb -- the persistence workloads on CRuby + Sequel +
# ruby-pg (Debian ruby-sequel, ruby-pg) against a PostgreSQL server, the same
# work as maglev.rb, written the way a Sequel application would: a nodes
# table (id, prev, i, s), one Sequel transaction per commit, point queries
# through prepared statements. Run by bench/pg.sh:
#   ruby sequel.rb URL W ARGS...      (URL: a libpq URL naming the database)
# Output as bench/raw_pg.c's: w1, w2 the measured seconds; w3 "walk lookups
# sum len s2 keysum"; w4 N GUN and w5 N K GUN wait until the CLOCK_REALTIME
# time GUN, then print "start end" (CLOCK_REALTIME).
require 'sequel'
URL, W, *ARGS = ARGV
def now = Process.clock_gettime(Process::CLOCK_MONOTONIC)
def wall = Process.clock_gettime(Process::CLOCK_REALTIME)

def start_at(gun)
  d = gun - wall
  sleep d if d > 0
  wall
end

DB = Sequel.connect(URL)
DB.test_connection
NODES = DB[:nodes]
COUNTER = DB[:counter].where(k: 1)

def schema
  DB.create_table?(:nodes) do
    primary_key :id, type: :Bignum
    Bignum :prev
    Bignum :i
    String :s, text: true
  end
  DB.create_table?(:counter) do
    Integer :k, primary_key: true
    Bignum :v
  end
end

# n durable commits of one new node each, linked to the previous one
def commits(n)
  prev = nil
  n.times do |i|
    DB.transaction { prev = NODES.insert(prev: prev, i: i, s: "s#{i}") }
  end
end

case W
when "w1"
  schema
  t = now
  commits(ARGS[0].to_i)
  puts now - t
when "w2"                        # one transaction of n nodes (multi-row INSERTs)
  schema
  n = ARGS[0].to_i
  t = now
  rows = Array.new(n) { |i| [i + 1, i == 0 ? nil : i, i, "s#{i}"] }
  DB.transaction { NODES.import([:id, :prev, :i, :s], rows, slice: 1000) }
  puts now - t
when "w3"                        # walk the chain by prev from the last node, then k lookups
  k = ARGS[0].to_i
  get = NODES.select(:prev, :i, :s).where(id: :$id).prepare(:first, :get_node)
  t = now
  id = NODES.max(:id)
  size = id
  sum = 0
  len = 0
  steps = 0
  DB.transaction do
    while id
      row = get.call(id: id)
      sum += row[:i]
      len += row[:s].size
      id = row[:prev]
      steps += 1
    end
  end
  raise "walk: #{steps} nodes of #{size}" unless steps == size
  walk = now - t
  r = Random.new(42)
  s2 = 0
  keysum = 0
  t = now
  DB.transaction do
    k.times do
      key = r.rand(size) + 1
      s2 += get.call(id: key)[:i]
      keysum += key - 1
    end
  end
  puts "#{walk} #{now - t} #{sum} #{len} #{s2} #{keysum}"
when "w4"                        # n increments of the shared counter under a row lock
  n = ARGS[0].to_i
  s = start_at(ARGS[1].to_f)
  n.times do
    DB.transaction do
      v = COUNTER.for_update.get(:v)
      COUNTER.update(v: v + 1)
    end
  end
  puts "#{s} #{wall}"
when "w5"
  n = ARGS[0].to_i
  s = start_at(ARGS[2].to_f)
  commits(n)
  puts "#{s} #{wall}"
when "setup45"
  schema
  DB[:counter].insert_conflict(target: :k, update: { v: 0 }).insert(k: 1, v: 0)
when "check1"
  puts NODES.count
when "result45"
  puts "#{COUNTER.get(:v)} #{NODES.count}"
else
  abort "sequel.rb: unknown workload #{W}"
end
