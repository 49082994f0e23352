# Thread: value, join, status, alive?, arguments, current/main/list, locals, kill, raise, wakeup
t = Thread.new { 6 * 7 }
p t.value, t.status, t.alive?
t2 = Thread.new(2, 3) { |a, b| a ** b }
p t2.join.equal?(t2), t2.value
p Thread.start(:x) { |v| v }.value
p Thread.current.equal?(Thread.main), Thread.main.status, Thread.current.alive?
p Thread.current.class, Thread.list.include?(Thread.current)

# the creator keeps running until it blocks
order = []
t = Thread.new { order << :thread }
order << :main
t.join
p order

# join order decides what we see
results = (1..5).map { |i| Thread.new { i * i } }.map(&:value)
p results

# a thread that waits is "sleep"; join with a timeout returns nil while it waits
sleeper = Thread.new { sleep }
Thread.pass until sleeper.stop?
p sleeper.status, sleeper.alive?, sleeper.stop?
p sleeper.join(0.01)
sleeper.wakeup
p sleeper.join.equal?(sleeper), sleeper.status

# kill runs ensure clauses; the killed thread ends normally
log = []
k = Thread.new do
  begin
    sleep
  rescue Exception
    log << :rescued
  ensure
    log << :ensure
  end
end
Thread.pass until k.stop?
k.kill
k.join
p log, k.status, k.alive?, k.value

# Thread#raise interrupts a waiting thread
r = Thread.new do
  begin
    sleep
  rescue => e
    [:caught, e.class, e.message]
  end
end
Thread.pass until r.stop?
r.raise(IOError, "wake up")
p r.value

# Thread.stop / run
s = Thread.new { Thread.stop; :resumed }
Thread.pass until s.stop?
p s.status
s.run
p s.value

# fiber-local [] and thread variables
t = Thread.new do
  Thread.current[:a] = 1
  Thread.current["b"] = 2
  Thread.current.thread_variable_set(:v, 3)
  [Thread.current[:a], Thread.current[:b], Thread.current.key?(:a), Thread.current.thread_variable_get(:v)]
end
p t.value, t[:a], t.keys.sort, t.thread_variable?(:v), t.thread_variables
p Thread.current[:a]
Thread.current[:mine] = :main_value
p Thread.new { Thread.current[:mine] }.value, Thread.current[:mine]

# interleaving through a queue is deterministic
q = Queue.new
trace = []
a = Thread.new { 3.times { |i| trace << "a#{i}"; q << i; Thread.pass } }
b = Thread.new { 3.times { trace << "b#{q.pop}" } }
[a, b].each(&:join)
p trace.select { _1.start_with?("b") }

# Thread.pass with one thread is fine; many threads finish
p Thread.pass
ths = 20.times.map { |i| Thread.new { sum = 0; 200.times { |j| sum += j; Thread.pass if j % 50 == 0 }; sum + i } }
p ths.map(&:value).sum
p Thread.list.size

# a thread inside a thread, fibers inside threads
p Thread.new { Thread.new { :inner }.value }.value
p Thread.new { f = Fiber.new { Fiber.yield 1; 2 }; [f.resume, f.resume] }.value
begin
  f = Fiber.new { Fiber.yield }
  f.resume
  Thread.new { f.resume }.join
rescue FiberError => e
  p e.message
end
p Thread.new { Thread.current.inspect }.value.sub(/0x\h+ \S+:/, "X ")
p Thread.current.name, Thread.new { }.join.name
th = Thread.new {}
th.name = "worker"
p th.name
# expect: 42
# expect: false
# expect: false
# expect: true
# expect: 8
# expect: :x
# expect: true
# expect: "run"
# expect: true
# expect: Thread
# expect: true
# expect: [:main, :thread]
# expect: [1, 4, 9, 16, 25]
# expect: "sleep"
# expect: true
# expect: true
# expect: nil
# expect: true
# expect: false
# expect: [:ensure]
# expect: false
# expect: false
# expect: nil
# expect: [:caught, IOError, "wake up"]
# expect: "sleep"
# expect: :resumed
# expect: [1, 2, true, 3]
# expect: 1
# expect: [:a, :b]
# expect: true
# expect: [:v]
# expect: nil
# expect: nil
# expect: :main_value
# expect: ["b0", "b1", "b2"]
# expect: nil
# expect: 398190
# expect: 1
# expect: :inner
# expect: [1, 2]
# expect: "fiber called across threads"
# expect: "#<Thread:X 100 run>"
# expect: nil
# expect: nil
# expect: "worker"
