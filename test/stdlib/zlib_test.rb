# zlib over libz (src/ext/zlib.c): crc32/adler32, deflate/inflate, gzip/gunzip, GzipWriter/GzipReader, errors
require "zlib"
require "stringio"
s = "hello hello hello hello " * 20
p Zlib.crc32("abc"), Zlib.crc32(""), Zlib.crc32("c", Zlib.crc32("ab")), Zlib.adler32("abc")
d = Zlib.deflate(s)
p d.encoding, d.bytesize < s.bytesize, Zlib.inflate(d) == s, Zlib::Inflate.inflate(Zlib::Deflate.deflate(s, Zlib::BEST_COMPRESSION)) == s
p Zlib.deflate("abc").bytes
g = Zlib.gzip(s)
p g.bytes.first(3), Zlib.gunzip(g) == s
io = StringIO.new(+"")
gz = Zlib::GzipWriter.new(io)
gz.write "line1\n"
gz.puts "line2"
gz.print "x", "y"
gz.finish
io.rewind
r = Zlib::GzipReader.new(io)
p r.gets, r.read
begin
  Zlib.inflate("not compressed")
rescue Zlib::Error => e
  p e.class
end
begin
  Zlib.gunzip("plain")
rescue Zlib::GzipFile::Error => e
  p e.class, e.message
end
z = Zlib::Deflate.new
z << "abc" << "def"
p Zlib.inflate(z.finish)
begin; Zlib.gunzip("plain text that is long"); rescue Zlib::GzipFile::Error => e; p e.message; end

# expect: 891568578
# expect: 0
# expect: 891568578
# expect: 38600999
# expect: #<Encoding:ASCII-8BIT>
# expect: true
# expect: true
# expect: true
# expect: [120, 156, 75, 76, 74, 6, 0, 2, 77, 1, 39]
# expect: [31, 139, 8]
# expect: true
# expect: "line1\n"
# expect: "line2\nxy"
# expect: Zlib::DataError
# expect: Zlib::GzipFile::Error
# expect: "unexpected end of string"
# expect: "abcdef"
# expect: "not in gzip format"
