a = [[1, 2], "s"]
b = a.dup
b << 3
b[0] << 99
p a  # expect: [[1, 2, 99], "s"]
p b  # expect: [[1, 2, 99], "s", 3]
