x = 5
p x > 3 ? "big" : "small"  # expect: "big"
p x > 10 ? "big" : x > 4 ? "medium" : "small"  # expect: "medium"
p (x.even? ? 1 : 2)  # expect: 2
