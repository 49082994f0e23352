# Encoding objects: CRuby 3.1's list, names, aliases, constants and lookups
p Encoding.list.size, Encoding.name_list.size, Encoding.name_list.sort.first(6)
p Encoding.list.first(12).map(&:name)
p Encoding.list.count(&:dummy?), Encoding.list.count(&:ascii_compatible?)
p Encoding.list.select(&:dummy?).map(&:name)
p Encoding.list.reject(&:ascii_compatible?).map(&:name)
p Encoding::ISO_8859_1, Encoding::ISO8859_1, Encoding::UTF_16LE, Encoding::UTF_16BE, Encoding::UCS_2BE
p Encoding::Windows_1252, Encoding::WINDOWS_1252, Encoding::CP1252, Encoding::Shift_JIS, Encoding::SHIFT_JIS
p Encoding::Windows_31J, Encoding::CP932, Encoding::SJIS, Encoding::EUC_JP, Encoding::EucJP, Encoding::EUCJP
p Encoding::GBK, Encoding::CP936, Encoding::GB18030, Encoding::Big5, Encoding::BIG5, Encoding::EUC_KR, Encoding::CP949
p Encoding::IBM437, Encoding::CP437, Encoding::CP850, Encoding::KOI8_R, Encoding::KOI8_U, Encoding::MacRoman, Encoding::MACROMAN
p Encoding::UTF_16, Encoding::UTF_32, Encoding::UTF_7, Encoding::ISO_2022_JP, Encoding::EBCDIC_CP_US, Encoding::EUC_JP_MS
p Encoding.constants.size, Encoding.constants.grep(/\AISO_?8859/).size
p Encoding.const_defined?(:Locale), Encoding.const_defined?(:Euc_jp_ms), Encoding.const_defined?(:EucJP_ms)
p Encoding::ISO_8859_1.names, Encoding::UTF_8.names, Encoding::Windows_31J.names, Encoding::BINARY.names
p Encoding::UTF_16LE.name, Encoding::UTF_16LE.to_s, Encoding::UTF_16LE.to_s.encoding, Encoding::UTF_16.inspect
p Encoding::UTF_16LE.ascii_compatible?, Encoding::ISO_8859_1.ascii_compatible?, Encoding::UTF_16.dummy?, Encoding::UTF_16LE.dummy?
p Encoding.find("iso-8859-1"), Encoding.find("ISO8859-1"), Encoding.find("cp1252"), Encoding.find("sjis"), Encoding.find("UCS-4LE")
p Encoding.find("locale"), Encoding.find("external"), Encoding.find("filesystem"), Encoding.find("internal")
p Encoding.find(Encoding::EUC_KR), Encoding.find("binary"), Encoding.find("ascii"), Encoding.find("646")
begin
  Encoding.find("no-such-encoding")
rescue ArgumentError => e
  p e.message
end
p Encoding.aliases["CP1252"], Encoding.aliases["SJIS"], Encoding.aliases["BINARY"], Encoding.aliases.size
p Encoding.compatible?(Encoding::ISO_8859_1, Encoding::US_ASCII), Encoding.compatible?(Encoding::ISO_8859_1, Encoding::UTF_8)
p Encoding.compatible?(Encoding::UTF_16LE, Encoding::US_ASCII), Encoding.compatible?("a", "b".encode("ISO-8859-1"))
p Encoding.compatible?("\u00e9".encode("ISO-8859-1"), "\u00e9"), Encoding.compatible?("a".encode("UTF-16LE"), "b")
p "x".force_encoding("Windows-1252").encoding, "x".force_encoding(Encoding::KOI8_R).encoding
p String.new("abc", encoding: "ISO-8859-15").encoding
# expect: 103
# expect: 175
# expect: ["646", "ANSI_X3.4-1968", "ASCII", "ASCII-8BIT", "BINARY", "Big5"]
# expect: ["ASCII-8BIT", "UTF-8", "US-ASCII", "UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE", "UTF-16", "UTF-32", "UTF8-MAC", "EUC-JP", "Windows-31J"]
# expect: 9
# expect: 90
# expect: ["UTF-16", "UTF-32", "IBM037", "ISO-2022-JP", "ISO-2022-JP-2", "CP50220", "CP50221", "UTF-7", "ISO-2022-JP-KDDI"]
# expect: ["UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE", "UTF-16", "UTF-32", "IBM037", "ISO-2022-JP", "ISO-2022-JP-2", "CP50220", "CP50221", "UTF-7", "ISO-2022-JP-KDDI"]
# expect: #<Encoding:ISO-8859-1>
# expect: #<Encoding:ISO-8859-1>
# expect: #<Encoding:UTF-16LE>
# expect: #<Encoding:UTF-16BE>
# expect: #<Encoding:UTF-16BE>
# expect: #<Encoding:Windows-1252>
# expect: #<Encoding:Windows-1252>
# expect: #<Encoding:Windows-1252>
# expect: #<Encoding:Shift_JIS>
# expect: #<Encoding:Shift_JIS>
# expect: #<Encoding:Windows-31J>
# expect: #<Encoding:Windows-31J>
# expect: #<Encoding:Windows-31J>
# expect: #<Encoding:EUC-JP>
# expect: #<Encoding:EUC-JP>
# expect: #<Encoding:EUC-JP>
# expect: #<Encoding:GBK>
# expect: #<Encoding:GBK>
# expect: #<Encoding:GB18030>
# expect: #<Encoding:Big5>
# expect: #<Encoding:Big5>
# expect: #<Encoding:EUC-KR>
# expect: #<Encoding:CP949>
# expect: #<Encoding:IBM437>
# expect: #<Encoding:IBM437>
# expect: #<Encoding:CP850>
# expect: #<Encoding:KOI8-R>
# expect: #<Encoding:KOI8-U>
# expect: #<Encoding:macRoman>
# expect: #<Encoding:macRoman>
# expect: #<Encoding:UTF-16 (dummy)>
# expect: #<Encoding:UTF-32 (dummy)>
# expect: #<Encoding:UTF-7 (dummy)>
# expect: #<Encoding:ISO-2022-JP (dummy)>
# expect: #<Encoding:IBM037 (dummy)>
# expect: #<Encoding:eucJP-ms>
# expect: 216
# expect: 30
# expect: false
# expect: false
# expect: true
# expect: ["ISO-8859-1", "ISO8859-1"]
# expect: ["UTF-8", "CP65001", "locale", "external", "filesystem"]
# expect: ["Windows-31J", "CP932", "csWindows31J", "SJIS", "PCK"]
# expect: ["ASCII-8BIT", "BINARY"]
# expect: "UTF-16LE"
# expect: "UTF-16LE"
# expect: #<Encoding:US-ASCII>
# expect: "#<Encoding:UTF-16 (dummy)>"
# expect: false
# expect: true
# expect: true
# expect: false
# expect: #<Encoding:ISO-8859-1>
# expect: #<Encoding:ISO-8859-1>
# expect: #<Encoding:Windows-1252>
# expect: #<Encoding:Windows-31J>
# expect: #<Encoding:UTF-32LE>
# expect: #<Encoding:UTF-8>
# expect: #<Encoding:UTF-8>
# expect: #<Encoding:UTF-8>
# expect: nil
# expect: #<Encoding:EUC-KR>
# expect: #<Encoding:ASCII-8BIT>
# expect: #<Encoding:US-ASCII>
# expect: #<Encoding:US-ASCII>
# expect: "unknown encoding name - no-such-encoding"
# expect: "Windows-1252"
# expect: "Windows-31J"
# expect: "ASCII-8BIT"
# expect: 71
# expect: #<Encoding:ISO-8859-1>
# expect: nil
# expect: nil
# expect: #<Encoding:UTF-8>
# expect: nil
# expect: nil
# expect: #<Encoding:Windows-1252>
# expect: #<Encoding:KOI8-R>
# expect: #<Encoding:ISO-8859-15>
