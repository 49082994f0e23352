# Encoding.default_external= / default_internal=: lookups, String#encode without arguments, File reads
Encoding.default_external = "ISO-8859-1"; p Encoding.default_external, Encoding.find("external"), "".encode.encoding
Encoding.default_internal = "UTF-8"; p Encoding.default_internal, Encoding.find("internal")
(Encoding.default_external = nil) rescue p $!
Encoding.default_internal = nil; p Encoding.default_internal
p "\u00e9".encode("ISO-8859-1").encode.encoding
Encoding.default_internal = "UTF-8"; p "\u00e9".encode("ISO-8859-1").encode.encoding, "\xE9".force_encoding("ISO-8859-1").encode
f = "/tmp/maglev_enc_default_#{$$}"; File.binwrite(f, "\xE9\n")
p File.read(f), File.open(f) { |io| [io.external_encoding, io.internal_encoding, io.gets] }
Encoding.default_internal = nil; p File.read(f).encoding, File.readlines(f).map(&:encoding)
File.open(f, "rb") { |io| p io.read.encoding }
File.delete(f)
(Encoding.default_external = "foo") rescue p $!
(Encoding.default_external = 3) rescue p $!
Encoding.default_external = Encoding::UTF_8; p Encoding.default_external
# expect: #<Encoding:ISO-8859-1>
# expect: #<Encoding:ISO-8859-1>
# expect: #<Encoding:UTF-8>
# expect: #<Encoding:UTF-8>
# expect: #<Encoding:UTF-8>
# expect: #<ArgumentError: default external can not be nil>
# expect: nil
# expect: #<Encoding:ISO-8859-1>
# expect: #<Encoding:UTF-8>
# expect: "é"
# expect: "é\n"
# expect: [#<Encoding:ISO-8859-1>, #<Encoding:UTF-8>, "é\n"]
# expect: #<Encoding:ISO-8859-1>
# expect: [#<Encoding:ISO-8859-1>]
# expect: #<Encoding:ASCII-8BIT>
# expect: #<ArgumentError: unknown encoding name - foo>
# expect: #<TypeError: no implicit conversion of Integer into String>
# expect: #<Encoding:UTF-8>
