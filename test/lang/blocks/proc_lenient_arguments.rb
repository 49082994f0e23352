pr = proc { |a, b| [a, b] }
p pr.call(1)  # expect: [1, nil]
p pr.call(1, 2, 3)  # expect: [1, 2]
p pr.call([4, 5])  # expect: [4, 5]
