p %w<a b>  # expect: ["a", "b"]
p %w|c d|  # expect: ["c", "d"]
p %w!e f!  # expect: ["e", "f"]
p %q<x<y>z>  # expect: "x<y>z"
