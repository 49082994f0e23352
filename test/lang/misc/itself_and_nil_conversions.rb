p 5.itself  # expect: 5
p nil.to_a  # expect: []
p nil.to_s  # expect: ""
p nil.inspect  # expect: "nil"
p [nil, 1, false].compact  # expect: [1, false]
