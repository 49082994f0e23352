a = false || true
p a  # expect: true
b = false or true
p b  # expect: false
c = true && false
p c  # expect: false
d = true and false
p d  # expect: true
