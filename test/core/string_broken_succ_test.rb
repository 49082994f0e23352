# String#tr/delete/squeeze/count on broken strings, grapheme_clusters of a cut-off character, succ over Unicode and other encodings (string_ops.c, string.c)
def t
  p yield
rescue Exception => e
  puts "#{e.class}: #{e.message.lines.first.to_s.chomp}"
end
# tr, tr_s, delete, squeeze and count read a broken string strictly where CRuby does
t { "\xffab".tr('a-y', 'b-z') }  # expect: ArgumentError: invalid byte sequence in UTF-8
t { "ab\xff".force_encoding("US-ASCII").tr("a", "b") }  # expect: "bb\xFF"
t { "ab\xff".force_encoding("US-ASCII").tr_s("a", "b") }  # expect: ArgumentError: invalid byte sequence in US-ASCII
t { "\xe3\x81".squeeze }  # expect: ArgumentError: invalid byte sequence in UTF-8
t { "ab\xff".force_encoding("US-ASCII").squeeze }  # expect: "ab\xFF"
t { "\xffab".delete('l') }  # expect: ArgumentError: invalid byte sequence in UTF-8
t { "".delete("\xff") }  # expect: ""
t { "".squeeze("\xff") }  # expect: ArgumentError: invalid byte sequence in UTF-8
t { "\xffab".count('lo') }  # expect: ArgumentError: invalid byte sequence in UTF-8
t { "abc".count("a", "\xff") }  # expect: ArgumentError: invalid byte sequence in UTF-8
t { "a\xffb".force_encoding("EUC-JP").count("a") }  # expect: ArgumentError: invalid byte sequence in EUC-JP
t { "\xff".b.count("\xff".b) }  # expect: 1
# grapheme clusters end before a character the string cuts off
t { "\xe3\x81".grapheme_clusters }  # expect: []
t { "a\xe3\x81".grapheme_clusters }  # expect: ["a"]
t { "\xe3\x81a".grapheme_clusters }  # expect: ["\xE3", "\x81", "a"]
t { "\xc3\xc3".grapheme_clusters }  # expect: ["\xC3"]
t { "e\u0301\xe3\x81".each_grapheme_cluster.size }  # expect: 1
# succ: only digits and letters (as the regexp engine classes them) count
t { "e\u0301".succ }  # expect: "f́"
t { "az\u0301".succ }  # expect: "bá"
t { "\u0301".succ }  # expect: "̂"
t { "\xff".succ }  # expect: "\u0001\xFF"
t { "\xe3\x81".succ }  # expect: "\u0001\xE3\x81"
t { "\u{10ffff}".succ }  # expect: "\u0001𐀀"
t { "a\u{10ffff}".succ }  # expect: "b\u{10FFFF}"
t { "\u00ff".succ }  # expect: "Ā"
t { "ω".succ }  # expect: "ϊ"
t { "٩".succ }  # expect: "١٠"
t { "zz\u3042".succ }  # expect: "zzぃ"
t { "\xff".force_encoding("Windows-1252").succ }  # expect: "\xF8\xF8"
t { "ω".force_encoding("Windows-1252").succ }  # expect: "\xD0\x89"
t { "z".encode("UTF-16LE").succ }  # expect: "aa"
t { "\xff".force_encoding("ISO-8859-1").succ }  # expect: "\xF8\xF8"
