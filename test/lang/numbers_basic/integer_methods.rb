p 10.even?  # expect: true
p 7.odd?  # expect: true
p 0.zero?  # expect: true
p -5.abs  # expect: 5
p 3.succ  # expect: 4
p 10.pred  # expect: 9
p 255.to_s(16)  # expect: "ff"
p 10.between?(1, 10)  # expect: true
p 3.14.to_i  # expect: 3
p Integer === 10 ** 30  # expect: true
