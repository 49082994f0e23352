p 1 == 1.0  # expect: true
p 1.eql?(1.0)  # expect: false
p 1.equal?(1)  # expect: true
p "a" == "a"  # expect: true
p 1 != 2  # expect: true
p !(1 == 2)  # expect: true
