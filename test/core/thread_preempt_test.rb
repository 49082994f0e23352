# A thread that never blocks is preempted at loop back-edges (while/until, Kernel#loop)
# and where a C iterator (Integer#times, Array#each, ...) yields
stop = false
spinner = Thread.new { n = 0; n += 1 until stop; :stopped }
worker = Thread.new { 3.times.map { |i| i * i } }
p worker.value
stop = true
p spinner.value
x = 0
looper = Thread.new { loop { x += 1 } }
Thread.pass until x > 0
looper.kill.join
p looper.alive?, x > 0
def spin_forever
  i = 0
  while true
    i += 1
  end
end
s = Thread.new { spin_forever }
p Thread.new { :other_ran }.value
s.kill
p s.join.status
count = 0
c = Thread.new { 1_000_000_000.times { count += 1 } }
Thread.pass until count > 0
p Thread.new { :beside_times }.value
c.kill
p c.join.status, count < 1_000_000_000
e = Thread.new { a = [1, 2, 3]; i = 0; loop_each = -> { a.each { i += 1 } }; 100_000_000.times { loop_each.() } }
p Thread.new { :beside_each }.value
e.kill.join
# expect: [0, 1, 4]
# expect: :stopped
# expect: false
# expect: true
# expect: :other_ran
# expect: false
# expect: :beside_times
# expect: false
# expect: true
# expect: :beside_each
