def target(*args)
  args
end
def fwd(first, ...)
  target(first * 10, ...)
end
p fwd(1, 2, 3)  # expect: [10, 2, 3]
