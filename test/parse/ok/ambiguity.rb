x = 4; y = 2
x / y
p /re/
p x /y/
foo / 2
a = x % 3
puts %w[a]
b = x << 2
c = [1]
c <<~E
  hi
E
while x do break end
until x do end
for q in c do end
p x ? y : 1
p(x ?y :1)
p ?a
p :a ? 1 : 2
z = x ?1:2
