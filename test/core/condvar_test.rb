# ConditionVariable: wait releases the mutex; signal wakes one waiter, broadcast all
m = Mutex.new
cv = ConditionVariable.new
ready = false
log = []
waiter = Thread.new do
  m.synchronize do
    cv.wait(m) until ready
    log << [:woke, m.owned?]
  end
end
Thread.pass until waiter.stop?
p m.locked?
m.synchronize do
  ready = true
  cv.signal
end
waiter.join
p log

# broadcast
go = false
woken = []
ths = 3.times.map do |i|
  Thread.new { m.synchronize { cv.wait(m) until go; woken << i } }
end
Thread.pass until ths.all?(&:stop?)
m.synchronize { go = true; cv.broadcast }
ths.each(&:join)
p woken.sort

# signal with no waiter is harmless; wait with a timeout returns
p cv.signal.class, cv.broadcast.class
m.synchronize { cv.wait(m, 0.01) }
p :timed_out_ok

# producer / consumer with a condition variable
buf = []
done = false
cons = Thread.new do
  got = []
  m.synchronize do
    loop do
      cv.wait(m) while buf.empty? && !done
      break if buf.empty? && done
      got << buf.shift
    end
  end
  got
end
5.times do |i|
  m.synchronize { buf << i; cv.signal }
  Thread.pass
end
m.synchronize { done = true; cv.signal }
p cons.value
# expect: false
# expect: [[:woke, true]]
# expect: [0, 1, 2]
# expect: Thread::ConditionVariable
# expect: Thread::ConditionVariable
# expect: :timed_out_ok
# expect: [0, 1, 2, 3, 4]
