p !true  # expect: false
p !nil  # expect: true
p (not false)  # expect: true
p (true and false)  # expect: false
p (nil or "default")  # expect: "default"
p !!0  # expect: true
