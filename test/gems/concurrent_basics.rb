# concurrent-ruby: Future, Promise chains, AtomicFixnum and friends
require "concurrent"

f = Concurrent::Future.execute { 6 * 7 }
p f.value
p f.state

bad = Concurrent::Future.execute { raise ArgumentError, "boom" }
p bad.value
p bad.state
p bad.reason.class
p bad.reason.message

pr = Concurrent::Promise.execute { 10 }.then { |v| v * 2 }.then { |v| v + 1 }
p pr.value

rescued = Concurrent::Promise.execute { raise "nope" }.rescue { |e| "rescued #{e.message}" }
p rescued.value

counter = Concurrent::AtomicFixnum.new(0)
threads = 4.times.map { Thread.new { 250.times { counter.increment } } }
threads.each(&:join)
p counter.value
p counter.compare_and_set(1000, 5)
p counter.value
p counter.update { |v| v * 3 }

latch = Concurrent::CountDownLatch.new(3)
3.times { Thread.new { latch.count_down } }
p latch.wait(5)

ref = Concurrent::AtomicReference.new([])
ref.update { |a| a + [1] }
p ref.get

m = Concurrent::Map.new
m[:a] = 1
p m.compute_if_absent(:b) { 2 }
p m.put_if_absent(:a, 9)
p m.keys.sort

pool = Concurrent::FixedThreadPool.new(2)
results = Concurrent::Array.new
5.times { |i| pool.post { results << i * i } }
pool.shutdown
p pool.wait_for_termination(5)
p results.sort

zipped = Concurrent::Promises.zip(Concurrent::Promises.future { 1 }, Concurrent::Promises.future { 2 })
p zipped.value!
p Concurrent::Promises.future(3) { |x| x + 1 }.then { |y| y * 10 }.value!
# expect: 42
# expect: :fulfilled
# expect: nil
# expect: :rejected
# expect: ArgumentError
# expect: "boom"
# expect: 21
# expect: "rescued nope"
# expect: 1000
# expect: true
# expect: 5
# expect: 15
# expect: true
# expect: [1]
# expect: 2
# expect: 1
# expect: [:a, :b]
# expect: true
# expect: [0, 1, 4, 9, 16]
# expect: [1, 2]
# expect: 40
