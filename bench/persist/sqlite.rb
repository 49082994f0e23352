# bench/persist/sqlite.rb -- the persistence workloads on CRuby + SQLite
# (Debian ruby-sqlite3), same work as maglev.rb. ruby sqlite.rb FILE W ARGS...
# WAL journal with synchronous=FULL: every commit is durable (fsync).
require 'sqlite3'
FILE, W, *ARGS = ARGV
def now = Process.clock_gettime(Process::CLOCK_MONOTONIC)
db = SQLite3::Database.new(FILE)
db.busy_timeout = 60_000
db.execute("PRAGMA journal_mode=WAL")
db.execute("PRAGMA synchronous=FULL")
db.execute("CREATE TABLE IF NOT EXISTS node (id INTEGER PRIMARY KEY, prev INTEGER, n INTEGER, s TEXT)")
db.execute("CREATE TABLE IF NOT EXISTS kv (k TEXT PRIMARY KEY, v INTEGER)")

case W
when "w1"
  n = ARGS[0].to_i
  ins = db.prepare("INSERT INTO node (prev, n, s) VALUES (?, ?, ?)")
  t = now
  prev = nil
  n.times do |i|
    db.transaction { ins.execute(prev, i, "s#{i}") }
    prev = db.last_insert_row_id
  end
  puts now - t
when "w2"
  n = ARGS[0].to_i
  ins = db.prepare("INSERT INTO node (id, prev, n, s) VALUES (?, ?, ?, ?)")
  t = now
  db.transaction do
    n.times { |i| ins.execute(i + 1, i == 0 ? nil : i, i, "s#{i}") }
  end
  puts now - t
when "w3"
  k = ARGS[0].to_i
  get = db.prepare("SELECT prev, n, s FROM node WHERE id = ?")
  t = now
  id = db.get_first_value("SELECT max(id) FROM node")
  size = id
  sum = 0
  len = 0
  db.transaction do
    while id
      prev, n, s = get.execute(id).next
      sum += n
      len += s.size
      id = prev
    end
  end
  walk = now - t
  t = now
  r = Random.new(42)
  s2 = 0
  db.transaction { k.times { s2 += get.execute(r.rand(size) + 1).next[1] } }
  puts "#{walk} #{now - t} #{sum} #{len}"
when "w4"
  n = ARGS[0].to_i
  retries = 0
  n.times do
    begin
      db.transaction(:immediate) { db.execute("UPDATE kv SET v = v + 1 WHERE k = 'w4'") }
    rescue SQLite3::BusyException
      retries += 1
      retry
    end
  end
  puts retries
when "w5"
  n, k = ARGS[0].to_i, ARGS[1].to_i
  ins = db.prepare("INSERT INTO node (prev, n, s) VALUES (?, ?, ?)")
  n.times do |i|
    begin
      db.transaction(:immediate) { ins.execute(k, i, "s#{i}") }
    rescue SQLite3::BusyException
      retry
    end
  end
when "setup45"
  db.execute("INSERT OR REPLACE INTO kv VALUES ('w4', 0)")
when "result45"
  puts "#{db.get_first_value("SELECT v FROM kv WHERE k = 'w4'")} #{db.get_first_value("SELECT count(*) FROM node")}"
when "w6"
  n = ARGS[0].to_i
  ins = db.prepare("INSERT INTO kv (k, v) VALUES (?, ?)")
  t = now
  db.transaction { n.times { |i| ins.execute("key#{i}", i) } }
  puts now - t
when "w6look"
  n, k = ARGS[0].to_i, ARGS[1].to_i
  get = db.prepare("SELECT v FROM kv WHERE k = ?")
  t = now
  r = Random.new(6)
  s = 0
  db.transaction { k.times { s += get.execute("key#{r.rand(n)}").next[0] } }
  puts "#{now - t} #{s}"
when "w6add"
  k = ARGS[1].to_i
  ins = db.prepare("INSERT INTO kv (k, v) VALUES (?, ?)")
  upd = db.prepare("UPDATE kv SET v = ? WHERE k = ?")
  t = now
  k.times { |i| db.transaction { ins.execute("add#{i}", i); upd.execute(-i, "key#{i}") } }
  puts (now - t) / k * 1000
end
