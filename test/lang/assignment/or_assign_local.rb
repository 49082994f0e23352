a = nil
a ||= 1
p a  # expect: 1
a ||= 2
p a  # expect: 1
b = false
b ||= :set
p b  # expect: :set
