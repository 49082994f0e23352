# String methods over encodings against CRuby 3.1: casecmp of incompatible encodings, case mapping of broken strings, scrub replacements, encode xml: of undefined bytes, upto (string.c, string_ops.c, string_enc.c, transcode.c)
def t
  p yield
rescue Exception => e
  puts "#{e.class}: #{e.message.lines.first.to_s.chomp}"
end
# casecmp and casecmp? answer nil for incompatible encodings
t { "abc".encode("UTF-16LE").casecmp("abc") }  # expect: nil
t { "abc".encode("UTF-16LE").casecmp?("ABC") }  # expect: nil
t { "é".casecmp?("É".encode("ISO-8859-1")) }  # expect: nil
t { "é".casecmp("é".b) }  # expect: nil
# case mapping reads a multibyte string's characters: a broken one raises
t { "ab\xff".force_encoding("EUC-JP").upcase }  # expect: ArgumentError: input string invalid
t { "ab\xff".force_encoding("Shift_JIS").downcase(:ascii) }  # expect: ArgumentError: input string invalid
t { "AB".force_encoding("EUC-JP").downcase }  # expect: "ab"
# scrub's replacement must be valid and in the string's encoding
t { "a\xff".scrub("\xff") }  # expect: ArgumentError: replacement must be valid byte sequence '"\xFF"'
t { "a\xff".scrub { "\xff" } }  # expect: ArgumentError: replacement must be valid byte sequence '"\xFF"'
t { "a\xff".scrub("é".encode("ISO-8859-1")) }  # expect: Encoding::CompatibilityError: incompatible character encodings: UTF-8 and ISO-8859-1
t { "a\xff".force_encoding("EUC-JP").scrub { "é" } }  # expect: Encoding::CompatibilityError: incompatible character encodings: EUC-JP and UTF-8
t { "\xff".force_encoding("UTF-16LE").scrub("?") }  # expect: Encoding::CompatibilityError: incompatible character encodings: UTF-16LE and UTF-8
t { "\xff".force_encoding("UTF-16LE").scrub("?".encode("UTF-16LE")) }  # expect: "?"
# xml: cannot write a character reference for a source byte without a code point
t { "a\xC3".b.encode("UTF-8", xml: :text) }  # expect: Encoding::UndefinedConversionError: "\xC3" from ASCII-8BIT to UTF-8
t { "a\x81".force_encoding("Windows-1252").encode("UTF-8", xml: :attr, undef: :replace) }  # expect: Encoding::UndefinedConversionError: "\x81" to UTF-8 in conversion from Windows-1252 to UTF-8
t { "a\x81".force_encoding("Windows-1252").encode("UTF-8", undef: :replace) }  # expect: "a�"
t { "a<\u3042".encode("US-ASCII", xml: :text) }  # expect: "a&lt;&#x3042;"
# upto yields nothing unless self <= last, and stops at last's succ
t { "zz".upto("aab").to_a }  # expect: []
t { "zz99".upto("aaa00").to_a }  # expect: []
t { "aa".upto("z").to_a }  # expect: []
t { "az".upto("bc").to_a }  # expect: ["az", "ba", "bb", "bc"]
t { "zz".upto("zz", true).to_a }  # expect: []
