a = (1 in Integer)
p a  # expect: true
b = ("s" in Integer)
p b  # expect: false
h = { k: [1, 2] }
p((h in { k: [_, _] }))  # expect: true
if h in { k: [first, *] }
  p first  # expect: 1
end
