# FiberError messages, exceptions crossing fibers, non-local exits, deep recursion
f = Fiber.new { :once }
f.resume
begin; f.resume; rescue FiberError => e; p e.message; end
begin; Fiber.yield; rescue FiberError => e; p e.message; end
me = nil
me = Fiber.new { me.resume }
begin; me.resume; rescue FiberError => e; p e.message; end
parent = nil
parent = Fiber.new { Fiber.new { parent.resume }.resume }
begin; parent.resume; rescue FiberError => e; p e.message; end

# an exception in a fiber propagates to the resumer and kills the fiber
bad = Fiber.new { raise ArgumentError, "boom" }
begin; bad.resume; rescue ArgumentError => e; p [e.class, e.message]; end
p bad.alive?

# the resumer can rescue and the fiber's ensure ran
log = []
f2 = Fiber.new { begin; raise "x"; ensure; log << :ensure; end }
f2.resume rescue log << :rescued
p log

# Fiber#raise
f3 = Fiber.new do
  begin
    Fiber.yield :waiting
  rescue => e
    [:rescued, e.class, e.message]
  end
end
f3.resume
p f3.raise(IOError, "stop")
begin; Fiber.new { 1 }.raise("y"); rescue FiberError => e; p e.message; end
f4 = Fiber.new { Fiber.yield; :never }
f4.resume
begin; f4.raise(RuntimeError, "gone"); rescue => e; p [e.class, e.message]; end
p f4.alive?

# break, return and throw cannot leave a fiber
def with_fiber
  Fiber.new { yield }.resume
end
begin; with_fiber { break 1 }; rescue LocalJumpError => e; p e.message; end
def ret_from_fiber
  Fiber.new { return 1 }.resume
end
begin; ret_from_fiber; rescue LocalJumpError => e; p e.message; end
begin
  catch(:tag) { Fiber.new { throw :tag }.resume }
rescue UncaughtThrowError => e
  p e.message
end
# catch inside the fiber works
p Fiber.new { catch(:in) { throw :in, 7 } }.resume

# deep recursion inside a fiber raises SystemStackError, and the program goes on
def down(n) = n.zero? ? 0 : 1 + down(n - 1)
p Fiber.new { down(500) }.resume
def forever(n) = forever(n + 1)
begin
  Fiber.new { forever(0) }.resume
rescue SystemStackError => e
  p e.class
end
def forever_block = [1].each { forever_block }
begin
  Fiber.new { forever_block }.resume
rescue SystemStackError => e
  p e.class
end
p Fiber.new { :still_fine }.resume
begin; Fiber.new; rescue ArgumentError => e; p e.class; end
# expect: "attempt to resume a terminated fiber"
# expect: "attempt to yield on a not resumed fiber"
# expect: "attempt to resume the current fiber"
# expect: "attempt to resume a resumed fiber (double resume)"
# expect: [ArgumentError, "boom"]
# expect: false
# expect: [:ensure, :rescued]
# expect: [:rescued, IOError, "stop"]
# expect: "cannot raise exception on unborn fiber"
# expect: [RuntimeError, "gone"]
# expect: false
# expect: "break from proc-closure"
# expect: "unexpected return"
# expect: "uncaught throw :tag"
# expect: 7
# expect: 500
# expect: SystemStackError
# expect: SystemStackError
# expect: :still_fine
# expect: ArgumentError
