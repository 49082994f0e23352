def foo
  f = Fiber.new { yield }
  f.resume
end
begin; p foo { break 5 }; rescue => e; p e; end
def bar; Fiber.new { return 1 }.resume; end
begin; p bar; rescue => e; p e; end
begin; catch(:x) { Fiber.new { throw :x }.resume }; rescue => e; p e; end
f = Fiber.new { |a, b| p [a, b]; x = Fiber.yield(1, 2); p x; y = Fiber.yield; p y; :done }
p f.resume(3, 4)
p f.resume(5)
p f.resume
p f.alive?
begin; f.resume; rescue => e; p e; end
begin; Fiber.yield; rescue => e; p e; end
f2 = Fiber.new { f2.resume }
begin; f2.resume; rescue => e; p e; end
f3 = Fiber.new { raise "boom" }
begin; f3.resume; rescue => e; p e; p f3.alive?; end
f4 = Fiber.new { def r(n) = r(n+1); r(0) }
begin; f4.resume; rescue SystemStackError => e; p e; end
p Fiber.new { 1 }.inspect =~ /#<Fiber:0x\h+ .*\(created\)>/
f5 = Fiber.new { Fiber.yield }
f5.resume
p f5.inspect.sub(/0x\h+/, 'X')
p Fiber.current.inspect.sub(/0x\h+/, 'X')
f6 = Fiber.new { begin; Fiber.yield; rescue => e; p [:in, e]; :r; end }
f6.resume
p f6.raise(ArgumentError, "x")
f7 = Fiber.new { 1 }
begin; f7.raise "y"; rescue => e; p e; end
p $!
f8 = Fiber.new { Fiber.new { Fiber.yield 7 }.resume }
p f8.resume
f9 = Fiber.new { $! }
begin; raise "q"; rescue; p f9.resume; end
