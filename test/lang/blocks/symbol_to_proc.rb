p %w[a b c].map(&:upcase)  # expect: ["A", "B", "C"]
p [1, 2, 3].inject(&:+)  # expect: 6
up = :upcase.to_proc
p up.call("x")  # expect: "X"
