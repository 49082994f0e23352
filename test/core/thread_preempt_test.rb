# A thread that never blocks is preempted at loop back-edges (while/until, Kernel#loop)
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
# expect: [0, 1, 4]
# expect: :stopped
# expect: false
# expect: true
# expect: :other_ran
# expect: false
