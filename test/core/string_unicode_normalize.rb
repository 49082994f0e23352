# String#unicode_normalize(form), unicode_normalize!, unicode_normalized?
# (the standard library's unicode_normalize tables, as CRuby).
p "héllo".unicode_normalize(:nfd).length, "e\u0301".unicode_normalize, "ﬁ".unicode_normalize(:nfkc)
p "e\u0301".unicode_normalized?, "é".unicode_normalized?, "Å".unicode_normalize(:nfkd).codepoints
p "\u1100\u1161\u11A8".unicode_normalize, "각".unicode_normalize(:nfd).codepoints
s = +"cafe\u0301"
p s.unicode_normalize!, s, s.length
p(("\xff".unicode_normalize rescue $!), "abc".encode("UTF-16LE").unicode_normalize.encoding)
p(("abc".b.unicode_normalize rescue $!), ("x".unicode_normalize(:foo) rescue $!))
# expect: 6
# expect: "é"
# expect: "fi"
# expect: false
# expect: true
# expect: [65, 778]
# expect: "각"
# expect: [4352, 4449, 4520]
# expect: "café"
# expect: "café"
# expect: 4
# expect: #<ArgumentError: invalid byte sequence in UTF-8>
# expect: #<Encoding:UTF-16LE>
# expect: #<Encoding::CompatibilityError: Unicode Normalization not appropriate for ASCII-8BIT>
# expect: #<ArgumentError: Invalid normalization form foo.>
