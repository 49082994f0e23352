p 3.times { }  # expect: 3
p [1, 2].each { }  # expect: [1, 2]
p (1..2).each { }  # expect: 1..2
