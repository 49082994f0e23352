a, b = "str"
p [a, b]  # expect: ["str", nil]
*c = nil
p c  # expect: [nil]
*d = 1, 2
p d  # expect: [1, 2]
