a = 1
a &&= a + 10
p a  # expect: 11
b = nil
b &&= b + 10
p b  # expect: nil
