p Integer === 3  # expect: true
p (1..5) === 3  # expect: true
p /ab/ === "cab"  # expect: true
p :a === :a  # expect: true
p String === String  # expect: false
p ->(x) { x > 2 } === 5  # expect: true
