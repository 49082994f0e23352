r = []
1.upto(4) { |i| r << i }
p r
3.downto(1) { |i| print i, "," }
puts
2.times { |i| print i }
puts

# expect: [1, 2, 3, 4]
# expect: 3,2,1,
# expect: 01
