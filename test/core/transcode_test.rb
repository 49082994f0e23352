# String#encode, encode! and the Converter class: conversions, errors and their messages, options
def t(s, *a, **k); s.encode(*a, **k); rescue Encoding::ConverterNotFoundError => e; p [e.class, e.message]; rescue => e; p [e.class, e.message, e.source_encoding_name, e.destination_encoding_name]; end
s="a\x00b\x00".force_encoding("UTF-16LE"); p s.length, s, s.ascii_only?, s.valid_encoding?
p "\x81".force_encoding("Windows-1252").valid_encoding?
p "\xE9".force_encoding("ISO-8859-1")
p "\u3042".encode("Shift_JIS"), "\u3042".encode("EUC-JP"), "\u3042".encode("UTF-16LE"), "\u3042".encode("UTF-32BE")
p "\xd8\x00".force_encoding("UTF-16BE"), "a\u3042".encode("UTF-16LE").inspect.encoding
begin; "\u3042".encode("ISO-8859-1"); rescue => e; p e.class, e.message, e.error_char, e.source_encoding, e.destination_encoding, e.source_encoding_name; end
begin; "\xE9".encode("ISO-8859-1"); rescue => e; p e.class, e.message; end
begin; "\xE9".force_encoding("ISO-8859-1").encode("Shift_JIS"); rescue => e; p e.class, e.message; end
begin; "\x81".force_encoding("Windows-1252").encode("UTF-8"); rescue => e; p e.class, e.message; end
begin; "\xff".force_encoding("Shift_JIS").encode("UTF-8"); rescue => e; p e.class, e.message, e.error_bytes, e.readagain_bytes; end
begin; "\x82".force_encoding("Shift_JIS").encode("UTF-8"); rescue => e; p e.class, e.message; end
begin; "a".encode("Foo"); rescue => e; p e.class, e.message; end
begin; "a".encode("UTF-7"); rescue => e; p e.class, e.message; end
begin; "\u3042".encode("Windows-1252", "UTF-16LE"); rescue => e; p e.class, e.message; end
p "\u00e9".encode("ISO-8859-1"), "\xFF\xFEa\x00".force_encoding("UTF-16LE").encode("UTF-8")
p "abc".encode("UTF-16"), "abc".encode("UTF-32")
p "\u3042x".encode("ISO-8859-1", undef: :replace), "\u3042x".encode("ISO-8859-1", undef: :replace, replace: "*"), "\xffx".encode("UTF-16LE", invalid: :replace)
p "<\u3042&>".encode("US-ASCII", xml: :text), "<\u3042\"&>".encode("US-ASCII", xml: :attr)
p "a\r\nb".encode("UTF-8", universal_newline: true), "a\nb".encode("UTF-8", crlf_newline: true)
t("\u3042", "Windows-1252")
t("\u3042", "windows-1252")
t("\u3042", "CP1252")
t("\u3042", "IBM437")
t("\u3042", "KOI8-R")
t("\u3042", "macRoman")
t("\u3042", "ISO-8859-15")
t("\u3042", "US-ASCII")
t("\u3042", "ASCII-8BIT")
t("\u00e9".encode("ISO-8859-1"), "US-ASCII")
t("\u00e9".encode("ISO-8859-1"), "Windows-31J")
t("\x81".force_encoding("Windows-1252"), "UTF-16LE")
t("\x81".force_encoding("Windows-1252"), "ISO-8859-1")
t("\x81".force_encoding("CP1252"), "UTF-8")
t("\xe9".b, "UTF-8")
t("\xe9".force_encoding("US-ASCII"), "UTF-8")
t("\u3042".encode("UTF-16LE"), "ISO-8859-1")
t("\u3042".encode("Shift_JIS"), "ISO-8859-1")
t("\u{20000}".encode("UTF-16BE"), "EUC-JP")
t("\xff".force_encoding("UTF-16LE"), "UTF-8")
t("\x00\xd8a\x00".force_encoding("UTF-16LE"), "UTF-8")
t("\xff\xfe".force_encoding("UTF-8"), "UTF-16LE")
t("ab\xffcd", "ISO-8859-1")
t("ab\xe3\x81", "ISO-8859-1")
t("ab\xe3\x81x", "ISO-8859-1")
t("a", "UTF-16", "Foo")

p "\u3042".encode("Shift_JIS").encode("EUC-JP")
p "\u3042".encode("SJIS").encoding, "\u00e9".encode("CP1252"), "x".encode("ISO-8859-1").encoding
t("\u20ac", "ISO-8859-1")
p "\u20ac".encode("Windows-1252"), "\u20ac".encode("ISO-8859-15"), "\\~".encode("Shift_JIS").bytes, "\\~".encode("Shift_JIS").encode("UTF-8")
p "\x5c\x7e".force_encoding("Shift_JIS").encode("UTF-8"), "\x5c".force_encoding("Windows-31J").encode("UTF-8")
p "\x8e\xa4".force_encoding("EUC-JP").encode("UTF-8") rescue p $!
p "\x81\x30\x81\x30".force_encoding("GB18030").encode("UTF-8"), "\xa4\x40".force_encoding("Big5").encode("UTF-8")
p "\xb0\xa1".force_encoding("EUC-KR").encode("UTF-8"), "\xb0\xa1".force_encoding("CP949").encode("UTF-8")
t("\u3042", "Foo-Bar")
t("a", "UTF-8", "Foo")
t("\x82\x20".force_encoding("Shift_JIS"), "UTF-8")
t("\xe0\x80", "UTF-16LE")
t("\xe9".b, "ISO-8859-1")
t("\u00e9", "ISO-8859-1", "UTF-8")
p "\xffa".encode("UTF-8", invalid: :replace), "\xffa".encode("UTF-8"), "\xffa".force_encoding("ISO-8859-1").encode("ISO-8859-1", xml: :text)
p "\u00e9<".encode("UTF-8", xml: :text), "\xffa".encode("UTF-16LE", invalid: :replace, replace: "X").encode("UTF-8")
p "ab\u3042".encode("ISO-8859-1", fallback: { "\u3042" => "A" }), "ab\u3042".encode("ISO-8859-1", fallback: ->(c) { "[#{c.ord}]" })
p "a\u3042".encode("UTF-16", undef: :replace), "a\nb".encode("UTF-16LE", crlf_newline: true), "a\r\nb\rc".encode("UTF-16LE", "UTF-8", universal_newline: true)
p "a\nb".encode("ISO-8859-1", cr_newline: true), "a\r\nb".encode("UTF-8", universal_newline: true)
p "\u00e9\u3042".encode("ISO-8859-1", xml: :attr), "\u3042".encode("Shift_JIS", xml: :text), "<\u00e9>".encode("US-ASCII", xml: :text)
p "\u00e9".encode("US-ASCII", undef: :replace), "\u00e9".encode("US-ASCII", undef: :replace, replace: "??")
p "\u00e9".encode(Encoding::ISO_8859_1).encoding, "\u00e9".encode("iso-8859-1").encoding, "abc".encode("UTF-32BE").bytes
p "\u00e9".encode("ISO-8859-1").encode("Windows-1252").bytes, "\u20ac".encode("Windows-1252").encode("ISO-8859-15").bytes
p "\u3042\u3044".encode("EUC-JP").encode("Shift_JIS").encode("UTF-8"), "\u4e2d".encode("GB18030").encode("Big5").encode("UTF-8")
p "\u{1F600}".encode("UTF-16LE").encode("UTF-32BE").encode("UTF-8"), "\u{1F600}".encode("UTF-16BE").bytes
p "\xFE\xFF\x00a".force_encoding("UTF-16").encode("UTF-8"), "\xFF\xFEa\x00".force_encoding("UTF-16").encode("UTF-8")
s = "caf\u00e9".dup; s.encode!("ISO-8859-1"); p s, s.encoding, s.bytesize
s = "x".dup; s.encode!("UTF-16LE"); p s.bytes
begin; "\u00e9".freeze.encode!("ISO-8859-1"); rescue => e; p e.class; end
p "abc".encode("ISO-8859-1").frozen?, "abc".encode.equal?("abc")
begin
  "a\u3042b".encode("ISO-8859-1")
rescue Encoding::UndefinedConversionError => e
  p e.error_char, e.error_char.encoding, e.source_encoding, e.destination_encoding
end
begin
  "a\xE3\x81x".encode("UTF-16LE")
rescue Encoding::InvalidByteSequenceError => e
  p e.message, e.error_bytes, e.readagain_bytes, e.incomplete_input?, e.source_encoding, e.destination_encoding
end
begin
  "a\xE3\x81".encode("UTF-16LE")
rescue Encoding::InvalidByteSequenceError => e
  p e.message, e.error_bytes, e.incomplete_input?
end
c = Encoding::Converter.new("UTF-8", "ISO-8859-1")
p c, c.convpath, c.replacement, c.source_encoding, c.destination_encoding
p c.convert("ab\xC3"), c.convert("\xA9x"), c.finish
begin; c.convert("\u3042"); rescue => e; p e.class, e.message; end
c2 = Encoding::Converter.new("UTF-8", "ISO-8859-1"); c2.convert("a\xe3")
begin; c2.finish; rescue => e; p e.class, e.message; end
p Encoding::Converter.new("ISO-8859-1", "UTF-16LE").convpath, Encoding::Converter.new("UTF-8", "UTF-16LE", universal_newline: true).convpath
p Encoding::Converter.new("UTF-8", "UTF-16").replacement, Encoding::Converter.new("UTF-8", "EUC-JP").replacement.encoding
c = Encoding::Converter.new("UTF-8", "ISO-8859-1", undef: :replace); p c.convert("\u3042"), c.finish
c = Encoding::Converter.new("UTF-8", "ISO-8859-1", undef: :replace); c.replacement = "*"; p c.convert("\u3042\u00e9")
c = Encoding::Converter.new("Shift_JIS", "UTF-8"); s = "\u3042".encode("Shift_JIS"); p c.convert(s.byteslice(0, 1)), c.convert(s.byteslice(1, 1)), c.finish
p Encoding::Converter.new("UTF-8", "UTF-16LE").convert("a"), Encoding::Converter.new("UTF-8", "UTF-16").convert("a")
p Encoding::Converter.new(Encoding::UTF_8, Encoding::EUC_JP, Encoding::Converter::UNDEF_REPLACE).convert("\u00e9\u3042").encode("UTF-8")
begin; Encoding::Converter.new("UTF-8", "Foo"); rescue => e; p e.class, e.message; end
begin; Encoding::Converter.new("UTF-8", "UTF-7"); rescue => e; p e.class, e.message; end
p Encoding::Converter::INVALID_REPLACE, Encoding::Converter::UNDEF_HEX_CHARREF, Encoding::Converter::UNIVERSAL_NEWLINE_DECORATOR, Encoding::Converter::XML_ATTR_QUOTE_DECORATOR

p Encoding::Converter.new("UTF-8", "ISO-8859-1", crlf_newline: true, xml: :attr).convpath
p Encoding::Converter.new("ISO-8859-1", "UTF-16LE", universal_newline: true, xml: :text).convpath
c = Encoding::Converter.new("UTF-8", "ISO-8859-1"); p c.finish, c.finish
# expect: 2
# expect: "ab"
# expect: false
# expect: true
# expect: true
# expect: "\xE9"
# expect: "\x{82A0}"
# expect: "\x{A4A2}"
# expect: "\u3042"
# expect: "\u3042"
# expect: "\xD8\x00"
# expect: #<Encoding:UTF-8>
# expect: Encoding::UndefinedConversionError
# expect: "U+3042 from UTF-8 to ISO-8859-1"
# expect: "あ"
# expect: #<Encoding:UTF-8>
# expect: #<Encoding:ISO-8859-1>
# expect: "UTF-8"
# expect: Encoding::InvalidByteSequenceError
# expect: "incomplete \"\\xE9\" on UTF-8"
# expect: Encoding::UndefinedConversionError
# expect: "U+00E9 to Shift_JIS in conversion from ISO-8859-1 to UTF-8 to Shift_JIS"
# expect: Encoding::UndefinedConversionError
# expect: "\"\\x81\" to UTF-8 in conversion from Windows-1252 to UTF-8"
# expect: Encoding::InvalidByteSequenceError
# expect: "\"\\xFF\" on Shift_JIS"
# expect: "\xFF"
# expect: nil
# expect: Encoding::InvalidByteSequenceError
# expect: "incomplete \"\\x82\" on Shift_JIS"
# expect: Encoding::ConverterNotFoundError
# expect: "code converter not found (UTF-8 to Foo)"
# expect: Encoding::ConverterNotFoundError
# expect: "code converter not found (UTF-8 to UTF-7)"
# expect: Encoding::UndefinedConversionError
# expect: "U+81E3 to WINDOWS-1252 in conversion from UTF-16LE to UTF-8 to WINDOWS-1252"
# expect: "\xE9"
# expect: "﻿a"
# expect: "\uFEFFabc"
# expect: "\uFEFFabc"
# expect: "?x"
# expect: "*x"
# expect: "\uFFFDx"
# expect: "&lt;&#x3042;&amp;&gt;"
# expect: "\"&lt;&#x3042;&quot;&amp;&gt;\""
# expect: "a\nb"
# expect: "a\r\nb"
# expect: [Encoding::UndefinedConversionError, "U+3042 to WINDOWS-1252 in conversion from UTF-8 to WINDOWS-1252", "UTF-8", "WINDOWS-1252"]
# expect: [Encoding::UndefinedConversionError, "U+3042 to WINDOWS-1252 in conversion from UTF-8 to WINDOWS-1252", "UTF-8", "WINDOWS-1252"]
# expect: [Encoding::UndefinedConversionError, "U+3042 to WINDOWS-1252 in conversion from UTF-8 to WINDOWS-1252", "UTF-8", "WINDOWS-1252"]
# expect: [Encoding::UndefinedConversionError, "U+3042 from UTF-8 to IBM437", "UTF-8", "IBM437"]
# expect: [Encoding::UndefinedConversionError, "U+3042 from UTF-8 to KOI8-R", "UTF-8", "KOI8-R"]
# expect: [Encoding::UndefinedConversionError, "U+3042 to MACROMAN in conversion from UTF-8 to MACROMAN", "UTF-8", "MACROMAN"]
# expect: [Encoding::UndefinedConversionError, "U+3042 from UTF-8 to ISO-8859-15", "UTF-8", "ISO-8859-15"]
# expect: [Encoding::UndefinedConversionError, "U+3042 from UTF-8 to US-ASCII", "UTF-8", "US-ASCII"]
# expect: [Encoding::UndefinedConversionError, "U+3042 from UTF-8 to ASCII-8BIT", "UTF-8", "ASCII-8BIT"]
# expect: [Encoding::UndefinedConversionError, "U+00E9 to US-ASCII in conversion from ISO-8859-1 to UTF-8 to US-ASCII", "UTF-8", "US-ASCII"]
# expect: [Encoding::UndefinedConversionError, "U+00E9 to Windows-31J in conversion from ISO-8859-1 to UTF-8 to Windows-31J", "UTF-8", "Windows-31J"]
# expect: [Encoding::UndefinedConversionError, "\"\\x81\" to UTF-8 in conversion from Windows-1252 to UTF-8 to UTF-16LE", "WINDOWS-1252", "UTF-8"]
# expect: [Encoding::UndefinedConversionError, "\"\\x81\" to UTF-8 in conversion from Windows-1252 to UTF-8 to ISO-8859-1", "WINDOWS-1252", "UTF-8"]
# expect: [Encoding::UndefinedConversionError, "\"\\x81\" to UTF-8 in conversion from Windows-1252 to UTF-8", "WINDOWS-1252", "UTF-8"]
# expect: [Encoding::UndefinedConversionError, "\"\\xE9\" from ASCII-8BIT to UTF-8", "ASCII-8BIT", "UTF-8"]
# expect: [Encoding::InvalidByteSequenceError, "\"\\xE9\" on US-ASCII", "US-ASCII", "UTF-8"]
# expect: [Encoding::UndefinedConversionError, "U+3042 to ISO-8859-1 in conversion from UTF-16LE to UTF-8 to ISO-8859-1", "UTF-8", "ISO-8859-1"]
# expect: [Encoding::UndefinedConversionError, "U+3042 to ISO-8859-1 in conversion from Shift_JIS to UTF-8 to ISO-8859-1", "UTF-8", "ISO-8859-1"]
# expect: [Encoding::UndefinedConversionError, "U+20000 to EUC-JP in conversion from UTF-16BE to UTF-8 to EUC-JP", "UTF-8", "EUC-JP"]
# expect: [Encoding::InvalidByteSequenceError, "incomplete \"\\xFF\" on UTF-16LE", "UTF-16LE", "UTF-8"]
# expect: [Encoding::InvalidByteSequenceError, "\"\\x00\\xD8\" followed by \"a\\x00\" on UTF-16LE", "UTF-16LE", "UTF-8"]
# expect: [Encoding::InvalidByteSequenceError, "\"\\xFF\" on UTF-8", "UTF-8", "UTF-16LE"]
# expect: [Encoding::InvalidByteSequenceError, "\"\\xFF\" on UTF-8", "UTF-8", "ISO-8859-1"]
# expect: [Encoding::InvalidByteSequenceError, "incomplete \"\\xE3\\x81\" on UTF-8", "UTF-8", "ISO-8859-1"]
# expect: [Encoding::InvalidByteSequenceError, "\"\\xE3\\x81\" followed by \"x\" on UTF-8", "UTF-8", "ISO-8859-1"]
# expect: [Encoding::ConverterNotFoundError, "code converter not found (Foo to UTF-16)"]
# expect: "\x{A4A2}"
# expect: #<Encoding:Windows-31J>
# expect: "\xE9"
# expect: #<Encoding:ISO-8859-1>
# expect: [Encoding::UndefinedConversionError, "U+20AC from UTF-8 to ISO-8859-1", "UTF-8", "ISO-8859-1"]
# expect: "\x80"
# expect: "\xA4"
# expect: [92, 126]
# expect: "\\~"
# expect: "\\~"
# expect: "\\"
# expect: "､"
# expect: "\u0080"
# expect: "一"
# expect: "가"
# expect: "가"
# expect: [Encoding::ConverterNotFoundError, "code converter not found (UTF-8 to Foo-Bar)"]
# expect: [Encoding::ConverterNotFoundError, "code converter not found (Foo to UTF-8)"]
# expect: [Encoding::InvalidByteSequenceError, "\"\\x82\" followed by \" \" on Shift_JIS", "Shift_JIS", "UTF-8"]
# expect: [Encoding::InvalidByteSequenceError, "\"\\xE0\" followed by \"\\x80\" on UTF-8", "UTF-8", "UTF-16LE"]
# expect: [Encoding::UndefinedConversionError, "\"\\xE9\" to UTF-8 in conversion from ASCII-8BIT to UTF-8 to ISO-8859-1", "ASCII-8BIT", "UTF-8"]
# expect: "�a"
# expect: "\xFFa"
# expect: "\xFFa"
# expect: "é&lt;"
# expect: "Xa"
# expect: "abA"
# expect: "ab[12354]"
# expect: "\uFEFFa\u3042"
# expect: "a\r\nb"
# expect: "a\nb\nc"
# expect: "a\rb"
# expect: "a\nb"
# expect: "\"\xE9&#x3042;\""
# expect: "\x{82A0}"
# expect: "&lt;&#xE9;&gt;"
# expect: "?"
# expect: "??"
# expect: #<Encoding:ISO-8859-1>
# expect: #<Encoding:ISO-8859-1>
# expect: [0, 0, 0, 97, 0, 0, 0, 98, 0, 0, 0, 99]
# expect: [233]
# expect: [164]
# expect: "あい"
# expect: "中"
# expect: "😀"
# expect: [216, 61, 222, 0]
# expect: "a"
# expect: "a"
# expect: "caf\xE9"
# expect: #<Encoding:ISO-8859-1>
# expect: 4
# expect: [120, 0]
# expect: FrozenError
# expect: false
# expect: false
# expect: "あ"
# expect: #<Encoding:UTF-8>
# expect: #<Encoding:UTF-8>
# expect: #<Encoding:ISO-8859-1>
# expect: "\"\\xE3\\x81\" followed by \"x\" on UTF-8"
# expect: "\xE3\x81"
# expect: "x"
# expect: false
# expect: #<Encoding:UTF-8>
# expect: #<Encoding:UTF-16LE>
# expect: "incomplete \"\\xE3\\x81\" on UTF-8"
# expect: "\xE3\x81"
# expect: true
# expect: #<Encoding::Converter: UTF-8 to ISO-8859-1>
# expect: [[#<Encoding:UTF-8>, #<Encoding:ISO-8859-1>]]
# expect: "?"
# expect: #<Encoding:UTF-8>
# expect: #<Encoding:ISO-8859-1>
# expect: "ab"
# expect: "\xE9x"
# expect: ""
# expect: ArgumentError
# expect: "converter already finished"
# expect: Encoding::InvalidByteSequenceError
# expect: "incomplete \"\\xE3\" on UTF-8"
# expect: [[#<Encoding:ISO-8859-1>, #<Encoding:UTF-8>], [#<Encoding:UTF-8>, #<Encoding:UTF-16LE>]]
# expect: ["universal_newline", [#<Encoding:UTF-8>, #<Encoding:UTF-16LE>]]
# expect: "�"
# expect: #<Encoding:US-ASCII>
# expect: "?"
# expect: ""
# expect: "*\xE9"
# expect: ""
# expect: "あ"
# expect: ""
# expect: "a"
# expect: "\uFEFFa"
# expect: "éあ"
# expect: Encoding::ConverterNotFoundError
# expect: "code converter not found (UTF-8 to Foo)"
# expect: Encoding::ConverterNotFoundError
# expect: "code converter not found (UTF-8 to UTF-7)"
# expect: 2
# expect: 48
# expect: 256
# expect: 1048576
# expect: [[#<Encoding:UTF-8>, #<Encoding:ISO-8859-1>], "xml_attr_content_escape", "xml_attr_quote", "crlf_newline"]
# expect: [[#<Encoding:ISO-8859-1>, #<Encoding:UTF-8>], "xml_text_escape", "universal_newline", [#<Encoding:UTF-8>, #<Encoding:UTF-16LE>]]
# expect: ""
# expect: ""
