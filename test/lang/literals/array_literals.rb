p []  # expect: []
p [1, "two", :three, 4.0, nil, true]  # expect: [1, "two", :three, 4.0, nil, true]
p [[1, 2], [3, [4]]]  # expect: [[1, 2], [3, [4]]]
p [1, 2, 3,]  # expect: [1, 2, 3]
a = *1..3
p a  # expect: [1, 2, 3]
p [*"x", *[1, 2], *nil]  # expect: ["x", 1, 2]
