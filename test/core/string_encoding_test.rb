# Encodings: encoding, force_encoding, b, valid_encoding?, ascii_only?, encode, scrub
p "abc".encoding, "abc".b.encoding, "é".force_encoding("BINARY").encoding, "abc".force_encoding(Encoding::US_ASCII).encoding
p Encoding::UTF_8, Encoding::BINARY, Encoding::ASCII_8BIT.name, Encoding::US_ASCII.to_s, Encoding::UTF_8.names.first(2)
p Encoding.find("utf-8"), Encoding.find("binary"), Encoding.default_external
begin
  Encoding.find("bogus")
rescue ArgumentError => e
  p e.message
end
p "abc".valid_encoding?, "\xff".valid_encoding?, "\xff".b.valid_encoding?, "abc".ascii_only?, "é".ascii_only?
p "é".b, "é".b.length, "é".bytes, "é".b.force_encoding("UTF-8") == "é"
p "abc" == "abc".b, "é" == "é".b, "abc".b.hash == "abc".hash
p "é".encode("UTF-8"), "abc".encode("US-ASCII").encoding
def err
  yield
rescue => e
  p [e.class, e.message]
end
err { "é".encode("BINARY") }
err { "é".encode("US-ASCII") }
err { "\xff".b.encode("UTF-8") }
err { "x".encode("bogus") }
p "\xff".encode("UTF-8", invalid: :replace), "é".encode("US-ASCII", undef: :replace), "é".encode("US-ASCII", undef: :replace, replace: "*"), "\xff".b.encode("UTF-8", invalid: :replace, undef: :replace)
p "\xffé".scrub, "\xffé".scrub("?"), "\xffé".scrub { |b| b.unpack1("H*") }, "ok".scrub
p "a<b>&\"c\"".encode(xml: :text), "a<b>&\"c\"".encode(xml: :attr)
p "é" + "x".b, ("x".b + "é").encoding
err { "é" + "\xff".b }
p "héllo".chars, "héllo".codepoints, "héllo".bytes.size, "a\r\nb".grapheme_clusters
p Encoding.compatible?("a", "b".b), Encoding.compatible?("é", "\xff".b)
# expect: #<Encoding:UTF-8>
# expect: #<Encoding:ASCII-8BIT>
# expect: #<Encoding:ASCII-8BIT>
# expect: #<Encoding:US-ASCII>
# expect: #<Encoding:UTF-8>
# expect: #<Encoding:ASCII-8BIT>
# expect: "ASCII-8BIT"
# expect: "US-ASCII"
# expect: ["UTF-8", "CP65001"]
# expect: #<Encoding:UTF-8>
# expect: #<Encoding:ASCII-8BIT>
# expect: #<Encoding:UTF-8>
# expect: "unknown encoding name - bogus"
# expect: true
# expect: false
# expect: true
# expect: true
# expect: false
# expect: "\xC3\xA9"
# expect: 2
# expect: [195, 169]
# expect: true
# expect: true
# expect: false
# expect: true
# expect: "é"
# expect: #<Encoding:US-ASCII>
# expect: [Encoding::UndefinedConversionError, "U+00E9 from UTF-8 to ASCII-8BIT"]
# expect: [Encoding::UndefinedConversionError, "U+00E9 from UTF-8 to US-ASCII"]
# expect: [Encoding::UndefinedConversionError, "\"\\xFF\" from ASCII-8BIT to UTF-8"]
# expect: [Encoding::ConverterNotFoundError, "code converter not found (UTF-8 to bogus)"]
# expect: "�"
# expect: "?"
# expect: "*"
# expect: "�"
# expect: "�é"
# expect: "?é"
# expect: "ffé"
# expect: "ok"
# expect: "a&lt;b&gt;&amp;\"c\""
# expect: "\"a&lt;b&gt;&amp;&quot;c&quot;\""
# expect: "éx"
# expect: #<Encoding:UTF-8>
# expect: [Encoding::CompatibilityError, "incompatible character encodings: UTF-8 and ASCII-8BIT"]
# expect: ["h", "é", "l", "l", "o"]
# expect: [104, 233, 108, 108, 111]
# expect: 6
# expect: ["a", "\r\n", "b"]
# expect: #<Encoding:UTF-8>
# expect: nil
