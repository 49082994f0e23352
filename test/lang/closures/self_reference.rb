# A local is declared by its assignment before the right side runs, so a block
# in the right side captures that same variable.
fib = ->(n) { n < 2 ? n : fib.(n - 1) + fib.(n - 2) }
p fib.(10)
x = proc { x }
p x.call.equal?(x)
f = Fiber.new { f.alive? }
p f.resume
def m
  y = lambda { y }
  y.call.equal?(y)
end
p m
1.times do
  z = proc { z }
  p z.call.equal?(z)
end
w ||= proc { w }
p w.call.equal?(w)
a, *b = proc { [a, b] }, 1, 2
p a.call[1]
fact = proc { |n| n <= 1 ? 1 : n * fact[n - 1] }
p fact[20]
# expect: 55
# expect: true
# expect: true
# expect: true
# expect: true
# expect: true
# expect: [1, 2]
# expect: 2432902008176640000
