a = :abc
b = "abc".to_sym
p a.equal?(b)  # expect: true
p :abc.to_s  # expect: "abc"
p :abc.length  # expect: 3
