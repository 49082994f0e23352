# Strings in encodings other than UTF-8: characters, comparisons, concatenation, case, regexps
l = "caf\u00e9 \u00fcber".encode("ISO-8859-1")
p l, l.length, l.bytesize, l.encoding, l.valid_encoding?, l.chars, l[3], l[0, 4], l.reverse, l.index("b"), l.ascii_only?
p l == "caf\u00e9 \u00fcber", l.eql?("caf\u00e9 \u00fcber"), "abc".force_encoding("ISO-8859-1") == "abc", "abc".force_encoding("ISO-8859-1").hash == "abc".hash
p l.hash == "caf\u00e9 \u00fcber".hash
p l.upcase, l.downcase, l.encode("UTF-8").upcase.encode("ISO-8859-1")
u = "h\u00e9llo \u3042\u{1F600}".encode("UTF-16LE")
p u, u.length, u.bytesize, u.chars.size, u[1], u[6], u.reverse, u.valid_encoding?, u.ascii_only?, u.encode("UTF-8")
p u.index("l".encode("UTF-16LE")), u.codepoints, u.ord, u.bytes.first(4)
p "\xFF\xFEa\x00".force_encoding("UTF-16LE").encode("UTF-8")
p "abc".encode("UTF-16LE").bytes, "abc".encode("UTF-16BE"), "abc".encode("UTF-32LE").bytesize, "\u{1F600}".encode("UTF-16BE").bytes
b = "\x00a\xd8\x00".force_encoding("UTF-16BE")
p b.valid_encoding?, b.length, b.scrub, b.inspect
s = "\u3042\u3044\u3046".encode("Shift_JIS")
p s, s.length, s.bytesize, s.chars, s.reverse.encode("UTF-8"), s[1].encode("UTF-8"), s.valid_encoding?
e = "\u65e5\u672c\u8a9e".encode("EUC-JP")
p e, e.length, e.encode("UTF-8"), e.encode("Shift_JIS").encode("UTF-8")
g = "\u4e2d\u6587".encode("GBK"); p g, g.length, g.encode("UTF-8")
g = "\u4e2d\u6587\u{20000}".encode("GB18030"); p g, g.length, g.encode("UTF-8")
g = "\u4e2d\u6587".encode("Big5"); p g, g.length, g.encode("UTF-8")
g = "\ud55c\uad6d".encode("EUC-KR"); p g, g.length, g.encode("UTF-8")
w = "\u20ac\u2019".encode("Windows-1252"); p w, w.length, w.encode("UTF-8"), w.force_encoding("CP1252").encoding
k = "\u041f\u0440\u0438".encode("KOI8-R"); p k, k.encode("UTF-8"), "\u041f".encode("Windows-1251"), "\u00e9".encode("IBM437"), "\u00e9".encode("CP850"), "\u00e9".encode("macRoman")
p "\u0105".encode("ISO-8859-2"), "\u20ac".encode("ISO-8859-15"), "\u0e01".encode("TIS-620"), "\u05d0".encode("Windows-1255")
x = "a".force_encoding("ISO-8859-1") + "b"; p x.encoding
x = "\u00e9".encode("ISO-8859-1") + "b"; p x.encoding
begin; "\u00e9".encode("ISO-8859-1") + "\u00e9"; rescue => err; p err.class, err.message; end
begin; "a".encode("UTF-16LE") << "b"; rescue => err; p err.class, err.message; end
y = "x".encode("UTF-16LE"); y << "y".encode("UTF-16LE"); p y, y.encode("UTF-8")
p Encoding.compatible?("a".encode("UTF-16LE"), "b"), Encoding.compatible?(l, "a"), Encoding.compatible?(l, "\u00e9")
p "\xE9".force_encoding("Windows-1252").encode("UTF-8"), "\u00e9".force_encoding("BINARY").force_encoding("ISO-8859-1")
z = "\u00e9t\u00e9".encode("ISO-8859-1"); z.encode!("UTF-8"); p z, z.encoding
p "caf\u00e9".encode("ISO-8859-1").b, "abc".encode("UTF-16LE").b
p "ab".encode("UTF-16LE") * 2, ("a".encode("UTF-16LE") * 3).length
p [233].pack("U").encode("ISO-8859-1"), "\xE9".force_encoding("ISO-8859-1").unpack("C*"), "\u00e9".encode("UTF-16LE").unpack("v*")
p "\xe9".force_encoding("ISO-8859-1").ord, 233.chr(Encoding::ISO_8859_1), 0x3042.chr(Encoding::UTF_16LE), 0x82a0.chr("Shift_JIS")
begin; 256.chr("ISO-8859-1"); rescue RangeError => e; p e.message; end
begin; 0xD800.chr("UTF-16LE"); rescue RangeError => e; p e.message; end
q = "a".encode("UTF-16LE"); q << 0x3042; p q, q.length
l = "caf\u00e9 \u00fcber".encode("ISO-8859-1")
r = Regexp.new("\u00e9".encode("ISO-8859-1")); p r.encoding, r =~ l, l.index(r)
begin; r =~ "\u00e9"; rescue => e; p e.class, e.message; end
begin; /\u00e9/ =~ l; rescue => e; p e.class, e.message; end
begin; /a/ =~ "a".encode("UTF-16LE"); rescue => e; p e.class, e.message; end
s = "\u3042\u3044x\u3046".encode("Shift_JIS"); p s =~ /x/, s.split("x".encode("Shift_JIS")).map{_1.encode("UTF-8")}, s.scan(/./).size, s.gsub(/x/, "-").encode("UTF-8")
p s[/./].encode("UTF-8"), $~.begin(0)
p "\u00e9".encode("ISO-8859-1").match?(/./), "\xE9\xE8".force_encoding("Windows-1252").scan(/./).size
l = "caf\u00e9 \u00fcber".encode("ISO-8859-1")
p l.split(" "), l.sub("caf", "X"), l.scan(/[a-z]+/), l.tr("a", "A"), l.center(12, "*"), l.start_with?("caf"), l.count("e")
p "\xE9\xE8".force_encoding("Windows-1252").upcase, "\xC9".force_encoding("ISO-8859-1").downcase, "\xDF".force_encoding("ISO-8859-1").upcase
p "\xE9".force_encoding("IBM437").upcase, "\xE1".force_encoding("KOI8-R").downcase, "abc".encode("UTF-16BE").upcase.encode("UTF-8")
p "\u3042a".encode("Shift_JIS").upcase, "\x83\x61".force_encoding("Shift_JIS").upcase, "\u00e9t\u00e9".encode("UTF-16LE").capitalize.encode("UTF-8")
p "\xff".force_encoding("Shift_JIS").valid_encoding?, "\x82".force_encoding("Shift_JIS").valid_encoding?, "\x82\xa0".force_encoding("Shift_JIS").valid_encoding?
p "\xa4\xa2".force_encoding("EUC-JP").valid_encoding?, "\xa4".force_encoding("EUC-JP").valid_encoding?, "\x81\x30\x81\x30".force_encoding("GB18030").length
p "\x00\xdc".force_encoding("UTF-16LE").valid_encoding?, "a".force_encoding("UTF-16LE").valid_encoding?, "\x00\x00\x11\x00".force_encoding("UTF-32LE").valid_encoding?
p "\xffa\x82".force_encoding("Shift_JIS").scrub, "\xffa\x82".force_encoding("Shift_JIS").scrub("*"), "\x00\xd8a\x00".force_encoding("UTF-16LE").scrub.encode("UTF-8")
p "a\xff".force_encoding("Shift_JIS").scrub { |b| "<#{b.unpack1('H*')}>" }
p "\"\\\#{x}\n".encode("UTF-16LE"), "\"\\\#{x}\n\u00e9".encode("ISO-8859-1"), "\t\e".encode("Shift_JIS")
p Marshal.load(Marshal.dump("caf\u00e9".encode("ISO-8859-1"))).encoding, Marshal.dump("\u00e9".encode("UTF-16LE"))
h = { "k".encode("ISO-8859-1") => 1 }; p h["k"], h["\u00e9".encode("ISO-8859-1")]
p ["b".encode("ISO-8859-1"), "a"].sort, "\u00e9".encode("ISO-8859-1") == "\u00e9".encode("Windows-1252")
# expect: "caf\xE9 \xFCber"
# expect: 9
# expect: 9
# expect: #<Encoding:ISO-8859-1>
# expect: true
# expect: ["c", "a", "f", "\xE9", " ", "\xFC", "b", "e", "r"]
# expect: "\xE9"
# expect: "caf\xE9"
# expect: "reb\xFC \xE9fac"
# expect: 6
# expect: false
# expect: false
# expect: false
# expect: true
# expect: true
# expect: false
# expect: "CAF\xC9 \xDCBER"
# expect: "caf\xE9 \xFCber"
# expect: "CAF\xC9 \xDCBER"
# expect: "h\u00E9llo \u3042\u{1F600}"
# expect: 8
# expect: 18
# expect: 8
# expect: "\u00E9"
# expect: "\u3042"
# expect: "\u{1F600}\u3042 oll\u00E9h"
# expect: true
# expect: false
# expect: "héllo あ😀"
# expect: 2
# expect: [104, 233, 108, 108, 111, 32, 12354, 128512]
# expect: 104
# expect: [104, 0, 233, 0]
# expect: "﻿a"
# expect: [97, 0, 98, 0, 99, 0]
# expect: "abc"
# expect: 12
# expect: [216, 61, 222, 0]
# expect: false
# expect: 2
# expect: "a\uFFFD"
# expect: "\"a\\xD8\\x00\""
# expect: "\x{82A0}\x{82A2}\x{82A4}"
# expect: 3
# expect: 6
# expect: ["\x{82A0}", "\x{82A2}", "\x{82A4}"]
# expect: "ういあ"
# expect: "い"
# expect: true
# expect: "\x{C6FC}\x{CBDC}\x{B8EC}"
# expect: 3
# expect: "日本語"
# expect: "日本語"
# expect: "\x{D6D0}\x{CEC4}"
# expect: 2
# expect: "中文"
# expect: "\x{D6D0}\x{CEC4}\x{95328236}"
# expect: 3
# expect: "中文𠀀"
# expect: "\x{A4A4}\x{A4E5}"
# expect: 2
# expect: "中文"
# expect: "\x{C7D1}\x{B1B9}"
# expect: 2
# expect: "한국"
# expect: "\x80\x92"
# expect: 2
# expect: "€’"
# expect: #<Encoding:Windows-1252>
# expect: "\xF0\xD2\xC9"
# expect: "При"
# expect: "\xCF"
# expect: "\x82"
# expect: "\x82"
# expect: "\x8E"
# expect: "\xB1"
# expect: "\xA4"
# expect: "\xA1"
# expect: "\xE0"
# expect: #<Encoding:ISO-8859-1>
# expect: #<Encoding:ISO-8859-1>
# expect: Encoding::CompatibilityError
# expect: "incompatible character encodings: ISO-8859-1 and UTF-8"
# expect: Encoding::CompatibilityError
# expect: "incompatible character encodings: UTF-16LE and UTF-8"
# expect: "xy"
# expect: "xy"
# expect: nil
# expect: #<Encoding:ISO-8859-1>
# expect: nil
# expect: "é"
# expect: "\xC3\xA9"
# expect: "été"
# expect: #<Encoding:UTF-8>
# expect: "caf\xE9"
# expect: "a\x00b\x00c\x00"
# expect: "abab"
# expect: 3
# expect: "\xE9"
# expect: [233]
# expect: [233]
# expect: 233
# expect: "\xE9"
# expect: "\u3042"
# expect: "\x{82A0}"
# expect: "invalid codepoint 0x100 in ISO-8859-1"
# expect: "invalid codepoint 0xD800 in UTF-16LE"
# expect: "a\u3042"
# expect: 2
# expect: #<Encoding:ISO-8859-1>
# expect: 3
# expect: 3
# expect: Encoding::CompatibilityError
# expect: "incompatible encoding regexp match (ISO-8859-1 regexp with UTF-8 string)"
# expect: Encoding::CompatibilityError
# expect: "incompatible encoding regexp match (UTF-8 regexp with ISO-8859-1 string)"
# expect: Encoding::CompatibilityError
# expect: "incompatible encoding regexp match (US-ASCII regexp with UTF-16LE string)"
# expect: 2
# expect: ["あい", "う"]
# expect: 4
# expect: "あい-う"
# expect: "あ"
# expect: 0
# expect: true
# expect: 2
# expect: ["caf\xE9", "\xFCber"]
# expect: "X\xE9 \xFCber"
# expect: ["caf", "ber"]
# expect: "cAf\xE9 \xFCber"
# expect: "*caf\xE9 \xFCber**"
# expect: true
# expect: 1
# expect: "\xC9\xC8"
# expect: "\xE9"
# expect: "SS"
# expect: "\xE9"
# expect: "\xE1"
# expect: "ABC"
# expect: "\x{82A0}A"
# expect: "\x{8361}"
# expect: "Été"
# expect: false
# expect: false
# expect: true
# expect: true
# expect: false
# expect: 1
# expect: false
# expect: false
# expect: false
# expect: "?a?"
# expect: "*a*"
# expect: "�a"
# expect: "a<ff>"
# expect: "\"\\\#{x}\n"
# expect: "\"\\\#{x}\n\xE9"
# expect: "\t\e"
# expect: #<Encoding:ISO-8859-1>
# expect: "\x04\bI\"\a\xE9\x00\x06:\rencoding\"\rUTF-16LE"
# expect: 1
# expect: nil
# expect: ["a", "b"]
# expect: false
