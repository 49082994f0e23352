# Fiber: resume/yield pass values both ways, alive?, nesting, fiber-local $!
f = Fiber.new do |a, b|
  p [:start, a, b]
  x = Fiber.yield(a + b)
  p [:got, x]
  y, z = Fiber.yield
  p [:got2, y, z]
  :finished
end
p f.alive?
p f.resume(1, 2)
p f.resume(:x)
p f.resume(3, 4)
p f.alive?

# Fiber.yield with several values returns them as an Array to resume
g = Fiber.new { Fiber.yield 1, 2, 3; Fiber.yield; Fiber.yield [4]; 5 }
p g.resume, g.resume, g.resume, g.resume

# generator pattern
gen = Fiber.new { 3.times { |i| Fiber.yield i * 10 }; nil }
r = []
while (v = gen.resume)
  r << v
end
p r

# nested fibers: yield returns to the direct resumer
outer = Fiber.new do
  inner = Fiber.new { Fiber.yield :in1; :in2 }
  a = inner.resume
  Fiber.yield [:outer_saw, a]
  [:outer_end, inner.resume, inner.alive?]
end
p outer.resume, outer.resume, outer.alive?

# blocks see their enclosing locals; a fiber keeps its own locals
count = 0
inc = Fiber.new { loop { count += 1; Fiber.yield count } }
3.times { inc.resume }
p count

# ensure inside a fiber runs when the body finishes
log = []
h = Fiber.new { begin; Fiber.yield :paused; log << :body; ensure; log << :ensure; end; :done }
p h.resume, h.resume, log

# $! is per fiber
begin
  raise "outer"
rescue
  p Fiber.new { $! }.resume
end

# many fibers alive at once
fibers = (1..100).map { |i| Fiber.new { s = 0; loop { s += i; Fiber.yield s } } }
3.times { fibers.each(&:resume) }
p fibers.map(&:resume).sum

# lots of short-lived fibers
t = 0
5000.times { |i| t += Fiber.new { i }.resume }
p t
p Fiber.current.class, Fiber.current.alive?
# expect: true
# expect: [:start, 1, 2]
# expect: 3
# expect: [:got, :x]
# expect: nil
# expect: [:got2, 3, 4]
# expect: :finished
# expect: false
# expect: [1, 2, 3]
# expect: nil
# expect: [4]
# expect: 5
# expect: [0, 10, 20]
# expect: [:outer_saw, :in1]
# expect: [:outer_end, :in2, false]
# expect: false
# expect: 3
# expect: :paused
# expect: :done
# expect: [:body, :ensure]
# expect: nil
# expect: 20200
# expect: 12497500
# expect: Fiber
# expect: true
