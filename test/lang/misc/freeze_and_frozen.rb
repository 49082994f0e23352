s = "text"
p s.frozen?  # expect: false
s.freeze
p s.frozen?  # expect: true
p :sym.frozen?  # expect: true
p 1.frozen?  # expect: true
p nil.frozen?  # expect: true
d = s.dup
p d.frozen?  # expect: false
