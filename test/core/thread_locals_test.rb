# Thread#[] is fiber-local; it stays readable after the thread ends
Thread.current[:a] = 1
p Fiber.new { x = Thread.current[:a]; Thread.current[:a] = 2; [x, Thread.current[:a]] }.resume, Thread.current[:a]
t = Thread.new { Thread.current[:k] = :v; sleep }
Thread.pass until t.stop?
p t[:k], t.key?(:k)
t.kill; t.join
p t[:k]
# expect: [nil, 2]
# expect: 1
# expect: :v
# expect: true
# expect: :v
