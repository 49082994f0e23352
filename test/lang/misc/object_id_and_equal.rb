a = "x"
b = a
c = "x"
p a.object_id == b.object_id  # expect: true
p a.object_id == c.object_id  # expect: false
p a.equal?(b)  # expect: true
p a.equal?(c)  # expect: false
p 1.object_id == 1.object_id  # expect: true
p :s.object_id == :s.object_id  # expect: true
