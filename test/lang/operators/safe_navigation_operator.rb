s = nil
p s&.length  # expect: nil
s = "abc"
p s&.length  # expect: 3
p nil&.foo(raise("not evaluated"))  # expect: nil
