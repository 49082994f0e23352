p "\101\102\103"  # expect: "ABC"
p "\x41\x42"  # expect: "AB"
p "\u0041\u0042"  # expect: "AB"
p "\u00e9".bytes  # expect: [195, 169]
p "\u{48 49}"  # expect: "HI"
p "\u{1F600}".length  # expect: 1
