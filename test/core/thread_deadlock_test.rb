# Every thread blocked forever: the main thread gets fatal, as CRuby
m = Mutex.new
m.lock
t = Thread.new { m.lock }
puts "before"
t.join
# expect error: No live threads left. Deadlock? (fatal)
# expect: before
