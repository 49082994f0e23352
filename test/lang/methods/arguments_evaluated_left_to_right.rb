def show(*a) = a
def trace(x)
  puts "eval #{x}"
  x
end
p show(trace(1), trace(2), trace(3))

# expect: eval 1
# expect: eval 2
# expect: eval 3
# expect: [1, 2, 3]
