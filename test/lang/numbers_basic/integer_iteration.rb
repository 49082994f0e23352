r = []
3.times { |i| r << i }
1.upto(3) { |i| r << i }
3.downto(1) { |i| r << i }
p r  # expect: [0, 1, 2, 1, 2, 3, 3, 2, 1]
s = 0
10.times { |i| s += i }
p s  # expect: 45
