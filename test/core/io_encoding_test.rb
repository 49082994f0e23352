# IO with external and internal encodings: modes, keywords, set_encoding, BOM, transcoding reads and writes
f = "/tmp/mg_enc_test_#{$$}"
File.binwrite(f, "caf\xE9\nna\xEFve\n")
p File.read(f, encoding: "ISO-8859-1:UTF-8"), File.read(f, encoding: "ISO-8859-1").encoding, File.read(f, mode: "r:ISO-8859-1:UTF-8")
File.open(f, "r:ISO-8859-1:UTF-8") { |io| p io.external_encoding, io.internal_encoding, io.gets, io.gets, io.gets }
File.open(f, encoding: "ISO-8859-1") { |io| p io.external_encoding, io.internal_encoding, io.read }
File.open(f, external_encoding: "ISO-8859-1", internal_encoding: "UTF-8") { |io| p io.readlines }
File.open(f) { |io| io.set_encoding("ISO-8859-1:UTF-8"); p io.read }
File.open(f) { |io| io.set_encoding(Encoding::ISO_8859_1, Encoding::UTF_8); p io.getc, io.getc, io.getc, io.getc, io.internal_encoding }
File.open(f) { |io| io.set_encoding("Windows-1252"); p io.read.encoding; io.set_encoding(nil); p io.external_encoding }
p File.readlines(f, encoding: "ISO-8859-1:UTF-8")
File.open(f, "w:ISO-8859-1") { |io| p io.external_encoding; io.write "\u00e9t\u00e9"; io.print "\u00fc"; io.puts "x" }
p File.binread(f)
File.write(f, "\u00e9", encoding: "UTF-16LE"); p File.binread(f)
File.open(f, "w:UTF-16LE") { |io| io << "ab" }; p File.binread(f)
File.binwrite(f, "\xEF\xBB\xBFhi\n")
p File.read(f, mode: "r:BOM|UTF-8"), File.open(f, "r:BOM|UTF-8") { |io| io.external_encoding }
File.binwrite(f, "\xFF\xFEa\x00b\x00")
p File.read(f, mode: "rb:BOM|UTF-16LE:UTF-8") rescue p $!
p((File.read(f, encoding: "UTF-16LE") rescue $!), File.read(f, mode: "rb", encoding: "UTF-16LE"), File.read(f, mode: "rb:UTF-16LE:UTF-8"))
File.open(f, "rb") { |io| p io.external_encoding }
File.open(f) { |io| p io.external_encoding, io.internal_encoding }
File.open(f, "w") { |io| p io.external_encoding }
File.delete(f)
# expect: "café\nnaïve\n"
# expect: #<Encoding:ISO-8859-1>
# expect: "café\nnaïve\n"
# expect: #<Encoding:ISO-8859-1>
# expect: #<Encoding:UTF-8>
# expect: "café\n"
# expect: "naïve\n"
# expect: nil
# expect: #<Encoding:ISO-8859-1>
# expect: nil
# expect: "caf\xE9\nna\xEFve\n"
# expect: ["café\n", "naïve\n"]
# expect: "café\nnaïve\n"
# expect: "c"
# expect: "a"
# expect: "f"
# expect: "é"
# expect: #<Encoding:UTF-8>
# expect: #<Encoding:Windows-1252>
# expect: #<Encoding:UTF-8>
# expect: ["café\n", "naïve\n"]
# expect: #<Encoding:ISO-8859-1>
# expect: "\xE9t\xE9\xFCx\n"
# expect: "\xE9\x00"
# expect: "a\x00b\x00"
# expect: "hi\n"
# expect: #<Encoding:UTF-8>
# expect: "ab"
# expect: #<ArgumentError: ASCII incompatible encoding needs binmode>
# expect: "\uFEFFab"
# expect: "﻿ab"
# expect: #<Encoding:ASCII-8BIT>
# expect: #<Encoding:UTF-8>
# expect: nil
# expect: nil
