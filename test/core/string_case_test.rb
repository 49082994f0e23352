# String case mapping: upcase, downcase, capitalize, swapcase and bang forms
p "hello World".upcase, "hello World".downcase, "hello World".capitalize, "hello World".swapcase
p "ÀÉÎõü ßÿ ΑΒΓ αβγ АБВ абв".upcase, "ÀÉÎõü ΑΒΓ αβγ АБВ абв".downcase, "éCOLE".capitalize, "ÀÉî".swapcase
p "Straße".upcase(:ascii), "ÀB".downcase(:ascii)
s = +"abc"
p s.upcase!, s, s.upcase!, s.downcase!, s.capitalize!, s.swapcase!, s
p "".upcase, "123".upcase!, "a1b2".swapcase
p :abc.upcase, :Abc.swapcase, :abc.capitalize, :ABC.downcase
# expect: "HELLO WORLD"
# expect: "hello world"
# expect: "Hello world"
# expect: "HELLO wORLD"
# expect: "ÀÉÎÕÜ SSŸ ΑΒΓ ΑΒΓ АБВ АБВ"
# expect: "àéîõü αβγ αβγ абв абв"
# expect: "École"
# expect: "àéÎ"
# expect: "STRAßE"
# expect: "Àb"
# expect: "aBC"
# expect: "aBC"
# expect: nil
# expect: "aBC"
# expect: "aBC"
# expect: "aBC"
# expect: "aBC"
# expect: ""
# expect: nil
# expect: "A1B2"
# expect: :ABC
# expect: :aBC
# expect: :Abc
# expect: :abc
