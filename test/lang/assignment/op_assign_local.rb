x = 10
x += 5
p x  # expect: 15
x -= 3
p x  # expect: 12
x *= 2
p x  # expect: 24
x /= 4
p x  # expect: 6
x **= 2
p x  # expect: 36
x %= 7
p x  # expect: 1
s = "a"
s += "b"
p s  # expect: "ab"
x <<= 3
p x  # expect: 8
