def kw(name:, age:); end
kw(name: "x")
# expect error: missing keyword: :age (ArgumentError)
