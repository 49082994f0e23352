# String operations on Shift_JIS, EUC-JP and UTF-16/32 strings: searching, splitting, tr, strip, chomp, lines, regexps
u = "ab\ncd\n".encode("UTF-16LE")
p u.lines.map { _1.encode("UTF-8") } rescue p $!
p u.chomp.encode("UTF-8") rescue p $!
p u.strip.encode("UTF-8") rescue p $!
p " x ".encode("UTF-16LE").strip.encode("UTF-8") rescue p $!
p u.split("\n".encode("UTF-16LE")).map { _1.encode("UTF-8") } rescue p $!
p u.include?("c".encode("UTF-16LE")), u.start_with?("a".encode("UTF-16LE")), u.end_with?("\n".encode("UTF-16LE"))
p u.chop.encode("UTF-8"), u.chr.encode("UTF-8"), u.each_char.first(2)
p u.sub("b".encode("UTF-16LE"), "X".encode("UTF-16LE")).encode("UTF-8") rescue p $!
p u.tr("a".encode("UTF-16LE"), "A".encode("UTF-16LE")) rescue p $!
p u.ljust(8, "*".encode("UTF-16LE")).encode("UTF-8") rescue p $!
p u.count("a".encode("UTF-16LE")) rescue p $!
p u.delete("a".encode("UTF-16LE")).encode("UTF-8") rescue p $!
p "%s" % "\u00e9".encode("ISO-8859-1") rescue p $!
p ("%s!" % ["é".encode("ISO-8859-1")]).encoding rescue p $!
p :"é".encoding
p "é".encode("ISO-8859-1").unpack("a*")
p "\u00e9".encode("ISO-8859-1").dump, "\u3042".encode("UTF-16LE").dump rescue p $!
p "\u00e9".encode("ISO-8859-1").each_grapheme_cluster.to_a
p "\u00e9\u00e8".encode("ISO-8859-1").slice(1), "\u00e9\u00e8".encode("ISO-8859-1")[-1], "\u3042\u3044".encode("EUC-JP")[1..].encode("UTF-8")
p "\u3042\u3044".encode("EUC-JP").byteslice(0, 3).valid_encoding?
s = "\u3042\u3044".encode("EUC-JP"); s[0] = "x"; p s.encode("UTF-8")
s = "\u3042\u3044".encode("UTF-16BE"); s[1] = "\u3046".encode("UTF-16BE"); p s.encode("UTF-8")
p "\u3042".encode("Shift_JIS").encode("EUC-JP"), "\xE9".force_encoding("ISO-8859-1").encode("UTF-8").encoding
p "a".encode("UTF-16LE").hash == "a".encode("UTF-16BE").hash, "a".encode("UTF-16LE") == "a".encode("UTF-16BE"), "a".encode("UTF-16LE").eql?("a\x00".force_encoding("UTF-16LE"))
p "" == "".encode("UTF-16LE"), "".encode("UTF-16LE").ascii_only?, "".encode("UTF-16LE").empty?
require "stringio"
io = StringIO.new("caf\xE9".force_encoding("ISO-8859-1")); p io.read.encoding, io.string.encoding
io = StringIO.new("caf\xE9".b); io.set_encoding("ISO-8859-1"); p io.read.encoding rescue p $!
p "é".encode("ISO-8859-1").inspect.encoding, "é".encode("ISO-8859-1").to_s.encoding
p [1,2].pack("U*").encoding, ["é".encode("ISO-8859-1")].pack("a*").encoding
p "abc".force_encoding("UTF-32LE").valid_encoding?, "abcd".force_encoding("UTF-32LE").length
p "\u00e9".encode("ISO-8859-1").casecmp?("\u00c9".encode("ISO-8859-1")), "A".encode("ISO-8859-1").casecmp("a")
s = "\u30bd\u8868a\\".encode("Shift_JIS")
p s.bytes
p s.count("\\"), s.delete("\\").encode("UTF-8"), s.tr("\\", "/").encode("UTF-8"), s.index("\\"), s.include?("\\")
p s.split("\\").map { _1.encode("UTF-8") }, s.sub("\\", "X").encode("UTF-8"), s.gsub("\\", "X").encode("UTF-8")
p s.squeeze.encode("UTF-8"), s.lines.size, s.chomp("\\").encode("UTF-8"), s.end_with?("\\"), s.rindex("\\"), s.partition("\\").map { _1.encode("UTF-8") }
p s.each_char.map { _1.encode("UTF-8") }, s.upcase.encode("UTF-8"), s.swapcase.encode("UTF-8"), s.succ.encode("UTF-8") rescue p $!
p s =~ /\\/, s.scan(/\\/).size
e = "\u3042\u3044".encode("EUC-JP")
p e.index("\u3044".encode("EUC-JP")), e.rindex("\u3042".encode("EUC-JP")), e.center(6, "*").encode("UTF-8"), e.ljust(4).encode("UTF-8")
p e.each_byte.first(2), e.getbyte(0), e.bytesize, e.sum
p (e * 2).length, e.insert(1, "x").encode("UTF-8"), e.chars.map(&:bytesize)
u = "  ab\r\n".encode("UTF-16BE")
p u.chomp.encode("UTF-8"), u.chomp("b\r\n".encode("UTF-16BE")).encode("UTF-8"), u.rstrip.encode("UTF-8"), u.lstrip.encode("UTF-8"), u.strip.bytesize
p "a\r".encode("UTF-32LE").chomp.bytesize, "\n".encode("UTF-16LE").chomp.bytesize, "".encode("UTF-16LE").strip.bytesize, "   ".encode("UTF-16LE").strip.bytesize
p "x\ny\n".encode("UTF-16LE").each_line.map { _1.bytesize }, "x\ny".encode("UTF-16LE").lines(chomp: true).map { _1.encode("UTF-8") }
p "a\u0100b".encode("UTF-16LE").split("\u0100".encode("UTF-16LE")).map { _1.encode("UTF-8") }
p "\u0a00".encode("UTF-16LE").chomp.bytesize, "\u0a0d".encode("UTF-16BE").chomp.bytesize
u = "a.b.c".encode("UTF-16LE")
p u.split(".".encode("UTF-16LE")).map { _1.encode("UTF-8") }, u.sub(".".encode("UTF-16LE"), "-".encode("UTF-16LE")).encode("UTF-8"), u.gsub(".".encode("UTF-16LE"), "").encode("UTF-8")
p u.index(".".encode("UTF-16LE")), u.count(".".encode("UTF-16LE")), u.tr(".".encode("UTF-16LE"), "+".encode("UTF-16LE")).encode("UTF-8")
p Regexp.escape(".".encode("UTF-16LE")).bytes
r = Regexp.new("b+".encode("UTF-16LE")); p r.encoding, r =~ "abbc".encode("UTF-16LE"), $~[0].encode("UTF-8"), $~.begin(0)
begin; r =~ "abc"; rescue => e; p e.class, e.message; end
s = "\u30bd[x]".encode("Shift_JIS"); p Regexp.escape(s).encode("UTF-8"), s.sub("[x]", "!").encode("UTF-8"), s.gsub("\u30bd".encode("Shift_JIS"), "S").encode("UTF-8")
# expect: ["ab\n", "cd\n"]
# expect: "ab\ncd"
# expect: "ab\ncd"
# expect: "x"
# expect: ["ab", "cd"]
# expect: true
# expect: true
# expect: true
# expect: "ab\ncd"
# expect: "a"
# expect: ["a", "b"]
# expect: "aX\ncd\n"
# expect: "Ab\ncd\n"
# expect: "ab\ncd\n**"
# expect: 1
# expect: "b\ncd\n"
# expect: "\xE9"
# expect: #<Encoding:ISO-8859-1>
# expect: #<Encoding:UTF-8>
# expect: ["\xE9"]
# expect: "\"\\xE9\""
# expect: "\"B0\".dup.force_encoding(\"UTF-16LE\")"
# expect: ["\xE9"]
# expect: "\xE8"
# expect: "\xE8"
# expect: "い"
# expect: false
# expect: "xい"
# expect: "あう"
# expect: "\x{A4A2}"
# expect: #<Encoding:UTF-8>
# expect: false
# expect: false
# expect: true
# expect: true
# expect: false
# expect: true
# expect: #<Encoding:ISO-8859-1>
# expect: #<Encoding:ISO-8859-1>
# expect: #<Encoding:ISO-8859-1>
# expect: #<Encoding:UTF-8>
# expect: #<Encoding:ISO-8859-1>
# expect: #<Encoding:UTF-8>
# expect: #<Encoding:ASCII-8BIT>
# expect: false
# expect: 1
# expect: true
# expect: 0
# expect: [131, 92, 149, 92, 97, 92]
# expect: 1
# expect: "ソ表a"
# expect: "ソ表a/"
# expect: 3
# expect: true
# expect: ["ソ表a"]
# expect: "ソ表aX"
# expect: "ソ表aX"
# expect: "ソ表a\\"
# expect: 1
# expect: "ソ表a"
# expect: true
# expect: 3
# expect: ["ソ表a", "\\", ""]
# expect: ["ソ", "表", "a", "\\"]
# expect: "ソ表A\\"
# expect: "ソ表A\\"
# expect: "ソ表b\\"
# expect: 3
# expect: 1
# expect: 1
# expect: 0
# expect: "**あい**"
# expect: "あい  "
# expect: [164, 162]
# expect: 164
# expect: 4
# expect: 654
# expect: 4
# expect: "あxい"
# expect: [2, 1, 2]
# expect: "  ab"
# expect: "  a"
# expect: "  ab"
# expect: "ab\r\n"
# expect: 4
# expect: 4
# expect: 0
# expect: 0
# expect: 0
# expect: [4, 4]
# expect: ["x", "y"]
# expect: ["a", "b"]
# expect: 2
# expect: 2
# expect: ["a", "b", "c"]
# expect: "a-b.c"
# expect: "abc"
# expect: 1
# expect: 2
# expect: "a+b+c"
# expect: [92, 0, 46, 0]
# expect: #<Encoding:UTF-16LE>
# expect: 1
# expect: "bb"
# expect: 1
# expect: Encoding::CompatibilityError
# expect: "incompatible encoding regexp match (UTF-16LE regexp with UTF-8 string)"
# expect: "ソ\\[x\\]"
# expect: "ソ!"
# expect: "S[x]"
