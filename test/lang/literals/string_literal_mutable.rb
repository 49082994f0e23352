s = "abc"
t = "abc"
p s.equal?(t)  # expect: false
s << "d"
p s  # expect: "abcd"
p t  # expect: "abc"
