l = ->(a, b = 2, *rest, k: 0) { [a, b, rest, k] }
p l.call(1)  # expect: [1, 2, [], 0]
p l.call(1, 3, 4, 5, k: 9)  # expect: [1, 3, [4, 5], 9]
