# Mutex, Queue, SizedQueue, ClosedQueueError
m = Mutex.new
p m.locked?, m.try_lock, m.locked?, m.owned?, m.try_lock
m.unlock
p m.locked?
begin; m.unlock; rescue ThreadError => e; p e.message; end
m.lock
begin; m.lock; rescue ThreadError => e; p e.message; end
p Thread.new { [m.locked?, m.owned?, m.try_lock] }.value
begin
  Thread.new { m.unlock }.join
rescue ThreadError => e
  p e.message
end
m.unlock
p m.synchronize { :inside }, m.locked?
begin
  m.synchronize { raise "in sync" }
rescue => e
  p e.message, m.locked?
end
p Mutex.equal?(Thread::Mutex), Queue.equal?(Thread::Queue), SizedQueue.superclass

# a mutex makes read-modify-write atomic across threads that pass in the middle
count = 0
lock = Mutex.new
ths = 5.times.map do
  Thread.new do
    100.times do
      lock.synchronize do
        c = count
        Thread.pass
        count = c + 1
      end
    end
  end
end
ths.each(&:join)
p count

# waiting for a locked mutex
m2 = Mutex.new
m2.lock
got = []
w = Thread.new { m2.synchronize { got << :waiter } }
Thread.pass until w.stop?
p w.status, got
m2.unlock
w.join
p got

# Queue
q = Queue.new
p q.empty?, q.size, q.num_waiting, q.closed?
q << 1
q.push(2)
q.enq(3)
p q.size, q.length, q.pop, q.shift, q.deq, q.empty?
begin; q.pop(true); rescue ThreadError => e; p e.message; end
q << :x
q.clear
p q.size
q2 = Queue.new([4, 5])
p q2.pop, q2.size
consumer = Thread.new { r = []; while (v = q.pop); r << v; end; r }
Thread.pass until consumer.stop?
p q.num_waiting
[1, 2, 3].each { |i| q << i }
q.close
p consumer.value, q.closed?, q.pop
begin; q << 4; rescue ClosedQueueError => e; p e.class, e.message, e.is_a?(StopIteration); end

# SizedQueue blocks the producer when full
sq = SizedQueue.new(2)
p sq.max
events = []
producer = Thread.new { 5.times { |i| sq << i; events << "put#{i}" }; sq.close }
Thread.pass until producer.stop?
p events, sq.size
taken = []
while (v = sq.pop)
  taken << v
end
producer.join
p taken, events.size
sq2 = SizedQueue.new(1)
sq2 << 1
begin; sq2.push(2, true); rescue ThreadError => e; p e.message; end
begin; SizedQueue.new(0); rescue ArgumentError => e; p e.message; end
sq2.max = 3
p sq2.max
# expect: false
# expect: true
# expect: true
# expect: true
# expect: false
# expect: false
# expect: "Attempt to unlock a mutex which is not locked"
# expect: "deadlock; recursive locking"
# expect: [true, false, false]
# expect: "Attempt to unlock a mutex which is locked by another thread/fiber"
# expect: :inside
# expect: false
# expect: "in sync"
# expect: false
# expect: true
# expect: true
# expect: Thread::Queue
# expect: 500
# expect: "sleep"
# expect: []
# expect: [:waiter]
# expect: true
# expect: 0
# expect: 0
# expect: false
# expect: 3
# expect: 3
# expect: 1
# expect: 2
# expect: 3
# expect: true
# expect: "queue empty"
# expect: 0
# expect: 4
# expect: 1
# expect: 1
# expect: [1, 2, 3]
# expect: true
# expect: nil
# expect: ClosedQueueError
# expect: "queue closed"
# expect: true
# expect: 2
# expect: ["put0", "put1"]
# expect: 2
# expect: [0, 1, 2, 3, 4]
# expect: 5
# expect: "queue full"
# expect: "queue size must be positive"
# expect: 3
