p (nil || 5)  # expect: 5
p (false || nil)  # expect: nil
p (1 && 2)  # expect: 2
p (nil && 2)  # expect: nil
p ("x" || raise("never"))  # expect: "x"
