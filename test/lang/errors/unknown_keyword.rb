def kw(name: nil); end
kw(nam: "x")
# expect error: unknown keyword: :nam (ArgumentError)
