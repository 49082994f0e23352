count = 0
inc = -> { count += 1 }
3.times { inc.call }
p count  # expect: 3
