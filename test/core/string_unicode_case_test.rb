# Unicode case mapping as CRuby 3.1: full mappings (SpecialCasing), titlecase,
# swapcase of titlecase letters, :turkic, :ascii, :fold, options, casecmp?, Symbols
p "straße".upcase, "ǅ".downcase, "ǆ".capitalize, "ǅ".upcase, "ǆ".swapcase, "ǅ".swapcase
p "ΣΑΣ ΟΔΟΣ".downcase, "ΣΑΣ".capitalize, "Σ".downcase, "ΑΣ.".downcase, "ΑΣΑ".downcase
p "ß".capitalize, "ßa".swapcase, "ŉ".upcase, "ﬃ".upcase, "ﬃ".capitalize, "İ".downcase, "İ".downcase.bytes
p "iI".upcase(:turkic), "İI".downcase(:turkic), "ıi".capitalize(:turkic), "iİ".swapcase(:turkic)
p "Ärger öl".upcase(:ascii), "ÄRGER".downcase(:ascii), "äbc".capitalize(:ascii), "aÄ".swapcase(:ascii)
p "ÀÉÎÕÜ".downcase, "àéîõü".upcase, "éclair".capitalize, "ÉCLAIR".capitalize
p "ǰ".upcase, "ΐ".upcase, "ᾳ".upcase, "ᾳ".capitalize, "ᾼ".downcase, "ﬀ".swapcase
p "Ⅻ".downcase, "ⓐ".upcase, "𐐨".upcase, "Ꭰ".downcase, "ꭰ".upcase
p "ß".casecmp?("SS"), "ǅ".casecmp?("ǆ"), "Straße".casecmp?("STRASSE"), "ΣΑΣ".casecmp?("σας"), "a".casecmp?("Ä")
p "éA".casecmp("Éa"), "äa".casecmp("ÄA")
s = "straße"; p s.upcase!, s
s = "abc"; p s.downcase!, s
s = "ÀB"; p s.swapcase!, s, s.capitalize!, s
p "ΑΣ ΑΣ".downcase, "ὈΔΥΣΣΕΎΣ".downcase, "ΣΣ".downcase
p "İstanbul".downcase(:turkic), "istanbul".upcase(:turkic), "ıI".downcase, "ı".upcase
p ("a".upcase(:foo) rescue $!), ("a".upcase(:ascii, :turkic) rescue $!), ("a".downcase(:fold)), "ß".downcase(:fold), ("a".upcase(:fold) rescue $!)
p "Ǆǅǆ".capitalize, "ǆǅǄ".capitalize, "ǈ".capitalize
p "ÄB".b.downcase, "ÄB".force_encoding("ASCII-8BIT").upcase
p :"straße".upcase, :Ä.downcase, :"ǆ".capitalize, :aB.swapcase
p "ﬃx".upcase.length, "ΐ".upcase.length
p "ᾈ".swapcase, "ᾈ".downcase, "ᾈ".upcase, "ᾈ".capitalize, "ᾳ".swapcase, "ᾼ".swapcase, "ǈ".swapcase, "ǲ".swapcase
p "I\u0307".downcase(:turkic), "I\u0307".downcase, "aI\u0307b".downcase(:turkic).codepoints
p ("a".upcase(:foo) rescue $!.message), ("a".upcase("x") rescue $!.message), ("a".upcase(:lithuanian)), ("a".upcase(:turkic, :lithuanian))
p ("a".downcase(:fold, :turkic) rescue $!.message), ("a".downcase(:turkic, :fold) rescue $!.message), ("a".downcase(:ascii, :fold) rescue $!.message)
p "İ".downcase(:fold), "ΣΑΣ".downcase(:fold), "ﬃ".downcase(:fold), "ẞ".downcase, "ẞ".downcase(:fold)
p "ꞵ".upcase, "Ɥ".downcase, "ɥ".upcase, "ŀ".upcase, "ﬅ".capitalize, "ﬆ".upcase
p "ΣΑΣ".casecmp?("σασ"), "ǅ".casecmp?("DŽ"), "İ".casecmp?("i"), "ﬃ".casecmp?("FFI")
p(("\xff".force_encoding("UTF-8").upcase rescue $!.message), ("a\xffb".upcase rescue $!.message), ("a\xffb".downcase(:ascii)), "\xff".b.upcase, ("\xffA".swapcase rescue $!.message))
p "ÿ".upcase, "µ".upcase, "ſ".upcase, "ı".capitalize, "ǰ".capitalize, "ŉ".capitalize
p "e\u0301".upcase.codepoints, "E\u0301".downcase.codepoints
p "Ǆ".swapcase, "DŽ".capitalize, "dž".capitalize
p "ǅ".downcase(:fold), "Ꭰ".downcase(:fold), "ꭰ".downcase(:fold)
p "ǅ".swapcase!, "ǆ".capitalize!, "Ss".capitalize!, "ß".upcase!
p "ΣΑΣ ΟΔΟΣ".upcase, "Ǆungla".swapcase, "ǈubljana".capitalize, "ᲐᲑᲒ".capitalize, "ϴ".capitalize, "Ω".capitalize
p "İstanbul İzmir".capitalize(:turkic), "ışık".upcase(:turkic, :lithuanian), "ÀÉ".downcase(:lithuanian)
p ("\xff".casecmp?("a") rescue $!.message), :"é".casecmp?(:"É"), "é".casecmp?(1), "ΣΑΣ".casecmp("σας")
# expect: "STRASSE"
# expect: "ǆ"
# expect: "ǅ"
# expect: "Ǆ"
# expect: "Ǆ"
# expect: "dŽ"
# expect: "σασ οδοσ"
# expect: "Σασ"
# expect: "σ"
# expect: "ασ."
# expect: "ασα"
# expect: "Ss"
# expect: "SSA"
# expect: "ʼN"
# expect: "FFI"
# expect: "Ffi"
# expect: "i̇"
# expect: [105, 204, 135]
# expect: "İI"
# expect: "iı"
# expect: "Ii"
# expect: "İi"
# expect: "ÄRGER öL"
# expect: "Ärger"
# expect: "äbc"
# expect: "AÄ"
# expect: "àéîõü"
# expect: "ÀÉÎÕÜ"
# expect: "Éclair"
# expect: "Éclair"
# expect: "J̌"
# expect: "Ϊ́"
# expect: "ΑΙ"
# expect: "ᾼ"
# expect: "ᾳ"
# expect: "FF"
# expect: "ⅻ"
# expect: "Ⓐ"
# expect: "𐐀"
# expect: "ꭰ"
# expect: "Ꭰ"
# expect: true
# expect: true
# expect: true
# expect: true
# expect: false
# expect: 1
# expect: 1
# expect: "STRASSE"
# expect: "STRASSE"
# expect: nil
# expect: "abc"
# expect: "Àb"
# expect: "Àb"
# expect: "Àb"
# expect: "Àb"
# expect: "ασ ασ"
# expect: "ὀδυσσεύσ"
# expect: "σσ"
# expect: "istanbul"
# expect: "İSTANBUL"
# expect: "ıi"
# expect: "I"
# expect: #<ArgumentError: invalid option>
# expect: #<ArgumentError: too many options>
# expect: "a"
# expect: "ss"
# expect: #<ArgumentError: option :fold only allowed for downcasing>
# expect: "ǅǆǆ"
# expect: "ǅǆǆ"
# expect: "ǈ"
# expect: "\xC3\x84b"
# expect: "\xC3\x84B"
# expect: :STRASSE
# expect: :ä
# expect: :ǅ
# expect: :Ab
# expect: 4
# expect: 3
# expect: "ἀΙ"
# expect: "ᾀ"
# expect: "ἈΙ"
# expect: "ᾈ"
# expect: "ΑΙ"
# expect: "αΙ"
# expect: "lJ"
# expect: "dZ"
# expect: "ı̇"
# expect: "i̇"
# expect: [97, 305, 775, 98]
# expect: "invalid option"
# expect: "invalid option"
# expect: "A"
# expect: "A"
# expect: "too many options"
# expect: "invalid second option"
# expect: "too many options"
# expect: "i̇"
# expect: "σασ"
# expect: "ffi"
# expect: "ß"
# expect: "ss"
# expect: "Ꞵ"
# expect: "ɥ"
# expect: "Ɥ"
# expect: "Ŀ"
# expect: "St"
# expect: "ST"
# expect: true
# expect: false
# expect: false
# expect: true
# expect: "input string invalid"
# expect: "input string invalid"
# expect: "a\xFFb"
# expect: "\xFF"
# expect: "input string invalid"
# expect: "Ÿ"
# expect: "Μ"
# expect: "S"
# expect: "I"
# expect: "J̌"
# expect: "ʼN"
# expect: [69, 769]
# expect: [101, 769]
# expect: "ǆ"
# expect: "Dž"
# expect: "Dž"
# expect: "ǆ"
# expect: "Ꭰ"
# expect: "Ꭰ"
# expect: "dŽ"
# expect: "ǅ"
# expect: nil
# expect: "SS"
# expect: "ΣΑΣ ΟΔΟΣ"
# expect: "ǆUNGLA"
# expect: "ǈubljana"
# expect: "აბგ"
# expect: "ϴ"
# expect: "Ω"
# expect: "İstanbul izmir"
# expect: "IŞIK"
# expect: "àé"
# expect: "input string invalid"
# expect: true
# expect: nil
# expect: -1
