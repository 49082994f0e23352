v = (raise "x" rescue "rescued")
p v  # expect: "rescued"
w = nil.upcase rescue -1
p w  # expect: -1
