def k(a, b: 1) = [a, b]
p k({ b: 5 })  # expect: [{:b=>5}, 1]
p k(2, b: 3)  # expect: [2, 3]
