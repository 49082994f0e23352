def counter
  n = 0
  increment = -> { n += 1 }
  get = -> { n }
  [increment, get]
end
inc, get = counter
inc.call
inc.call
p get.call  # expect: 2
inc2, get2 = counter
inc2.call
p get2.call  # expect: 1
p get.call  # expect: 2
