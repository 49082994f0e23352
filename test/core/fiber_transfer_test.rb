# Fiber#transfer / #blocking? / #backtrace / #backtrace_locations, Fiber.blocking?
f = Fiber.new { Fiber.yield 1; 2 }
p f.blocking?, Fiber.blocking?, Fiber.new(blocking: true) { }.blocking?
p f.backtrace, f.backtrace_locations
f.resume
bt = f.backtrace
p bt.size, bt[0].sub(/^.*:(\d+):/, 'L\1:')
p f.backtrace_locations(0, 1).map(&:label)
f.resume
p f.backtrace, f.backtrace_locations
p Fiber.current.backtrace.size > 0
g = Fiber.new(blocking: true) { Fiber.blocking? }
p g.resume
main = Fiber.current
t = Fiber.new { |x| p [:in_t, x]; main.transfer(x * 2); p :back_in_t; :t_done }
p t.transfer(21)
p t.transfer
p t.alive?
begin; t.resume; rescue => e; p e.class, e.message; end
t2 = Fiber.new { Fiber.yield 5 }
t2.resume
begin; t2.transfer; rescue => e; p e.class, e.message; end
# ping-pong by transfer
log = []
ping = pong = nil
ping = Fiber.new { 3.times { |i| log << "ping#{i}"; pong.transfer } ; :ping_done }
pong = Fiber.new { loop { log << "pong"; ping.transfer } }
p ping.transfer, log
# a resumed fiber transferring away and back
outer = Fiber.new do
  inner = Fiber.new { |v| outer.transfer(v + 1) }
  r = inner.transfer(1)
  [:outer_got, r]
end
p outer.resume
begin; Fiber.new { Fiber.current.transfer(7) }.resume.then { |x| p x }; rescue => e; p e; end
r = Fiber.new { Fiber.new { :deep }.resume }
p r.transfer
done = Fiber.new { 1 }
done.resume
begin; done.transfer; rescue => e; p e; end
a = Fiber.new { b = Fiber.new { begin; a.transfer; rescue => e; e.message; end }; b.resume }
p a.resume
th = Thread.new do
  root = Fiber.current
  f = Fiber.new { root.transfer(:from_f); :f_end }
  [f.transfer, f.transfer]
end
p th.value
p Fiber.new(blocking: false) { Fiber.blocking? }.resume
begin; Fiber.new(1) { }; rescue => e; p e; end
# expect: false
# expect: 1
# expect: true
# expect: []
# expect: []
# expect: 2
# expect: "L2:in `yield'"
# expect: ["yield"]
# expect: []
# expect: []
# expect: true
# expect: 1
# expect: [:in_t, 21]
# expect: 42
# expect: :back_in_t
# expect: :t_done
# expect: false
# expect: FiberError
# expect: "attempt to resume a terminated fiber"
# expect: FiberError
# expect: "attempt to transfer to a yielding fiber"
# expect: :ping_done
# expect: ["ping0", "pong", "ping1", "pong", "ping2", "pong"]
# expect: [:outer_got, 2]
# expect: 7
# expect: :deep
# expect: #<FiberError: dead fiber called>
# expect: "attempt to transfer to a resuming fiber"
# expect: [:from_f, :f_end]
# expect: false
