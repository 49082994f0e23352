def square(x) = x * x
pr = method(:square).to_proc
p pr.call(6)  # expect: 36
p pr.lambda?  # expect: true
p [1, 2, 3].map(&method(:square))  # expect: [1, 4, 9]
