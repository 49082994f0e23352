a = +"abc"
b = a
a << "d"
p b  # expect: "abcd"
c = a
a += "e"
p c  # expect: "abcd"
p a  # expect: "abcde"
