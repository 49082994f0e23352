a = 1; b = 2; p a + b  # expect: 3
c = 1 +
  2
p c  # expect: 3
d = [1, 2, 3]
  .map { |x| x * 2 }
  .select { |x| x > 2 }
p d  # expect: [4, 6]
