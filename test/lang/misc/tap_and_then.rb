r = [1, 2].tap { |a| p a.size }.map { |x| x * 2 }  # expect: 2
p r  # expect: [2, 4]
p 5.then { |x| x + 1 }  # expect: 6
p 3.yield_self { _1 * 3 }  # expect: 9
