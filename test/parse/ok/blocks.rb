[1].map { _1 + _2 }
f = ->(x, y = 1) { x }
g = -> x { x }
h = lambda do |x| x end
foo bar do |x| x end
foo bar { |y| y }
each { |(a, b), c; d| }
[1,].each { |a, | }
m 1 do |x| end.n
foo.each do
  next
rescue
  redo
end
