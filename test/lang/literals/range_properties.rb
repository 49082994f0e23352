r = 1...10
p r.begin  # expect: 1
p r.end  # expect: 10
p r.exclude_end?  # expect: true
p (1..10).exclude_end?  # expect: false
p r.size  # expect: 9
p (1..3) == (1..3)  # expect: true
