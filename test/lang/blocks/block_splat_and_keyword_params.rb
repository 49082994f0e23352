def give = yield(1, 2, 3, k: 4)
give { |a, *rest, k:| p [a, rest, k] }  # expect: [1, [2, 3], 4]
