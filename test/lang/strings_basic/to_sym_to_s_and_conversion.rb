p "abc".to_sym  # expect: :abc
p :abc.to_s  # expect: "abc"
p 42.to_s  # expect: "42"
p "42".to_i  # expect: 42
p "3.5".to_f  # expect: 3.5
p "12abc".to_i  # expect: 12
p "abc".to_i  # expect: 0
p 255.to_s(2)  # expect: "11111111"
