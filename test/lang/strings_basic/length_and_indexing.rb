s = "hello world"
p s.length  # expect: 11
p s.size  # expect: 11
p s[0]  # expect: "h"
p s[-1]  # expect: "d"
p s[0, 5]  # expect: "hello"
p s[6..]  # expect: "world"
p s[20]  # expect: nil
