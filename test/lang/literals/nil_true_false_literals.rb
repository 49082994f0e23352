p nil  # expect: nil
p true  # expect: true
p false  # expect: false
p nil.to_a  # expect: []
p nil.to_s  # expect: ""
p true & false  # expect: false
p true ^ true  # expect: false
