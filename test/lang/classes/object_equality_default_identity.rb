class Plain; end
a = Plain.new
b = Plain.new
p a == b  # expect: false
p a == a  # expect: true
p a.eql?(a)  # expect: true
p a.hash == a.hash  # expect: true
