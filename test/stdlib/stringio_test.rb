# StringIO (src/ext/stringio.c): reading, writing, seeking, modes,  capture
require "stringio"
io = StringIO.new("line1\nline2\nline3")
p io.gets, io.pos, io.lineno, io.read(3), io.read, io.read, io.read(2), io.eof?
io.rewind
p io.readlines, io.gets
io.rewind
io.each_line { |l| p l }
p StringIO.new("a,b,c").each_line(",").to_a, StringIO.new("a\nb\n").readlines(chomp: true)
out = StringIO.new
out.puts "hello", [1, [2]]
out.print "a", "b"
out.printf("%05.1f|%s\n", 3.14159, :x)
out << "tail" << 1
out.write("w", 2)
out.putc "Z"
out.putc 65
p out.string, out.pos, out.size
s = +"abcdef"
io2 = StringIO.new(s)
io2.seek(2)
io2.write("XY")
p s, io2.pos, io2.getc, io2.getc
io2.ungetc("Q")
p s, io2.read
io2.seek(-3, IO::SEEK_END)
p io2.read, io2.tell
io2.truncate(2)
p s
p StringIO.new("x").closed?, (StringIO.new("x").tap(&:close)).closed?
r = StringIO.new("frozen".freeze)
begin
  r.write("x")
rescue IOError => e
  p e.message
end
c = StringIO.new("abc")
c.close
begin
  c.read
rescue IOError => e
  p e.message
end
p StringIO.open("qq") { |i| i.read }
$stdout = StringIO.new
puts "captured"
cap = $stdout.string
$stdout = STDOUT
p cap
w = StringIO.new(+"", "w")
w.write("abc")
begin
  w.read
rescue IOError => e
  p e.message
end
a = StringIO.new(+"start", "a")
a.write("++")
p a.string
p StringIO.new("para1\n\n\npara2\n").gets(""), StringIO.new("abcdef").gets(nil, 3), StringIO.new("abcdef").gets("c")
e = StringIO.new("xy")
p e.getbyte, e.readchar, (e.readchar rescue $!.class), e.getc
p StringIO.new("a\nb").each_line.map(&:chomp)
z = StringIO.new
z.pos = 3
z.write("k")
p z.string
p StringIO.new("abc").read(0), StringIO.new("").read(1), StringIO.new("").read
b = +"buf"
StringIO.new("data").read(2, b)
p b
p StringIO.new("x\ny\n").each_line(chomp: true).to_a
p StringIO.new("hello world").each_char.first(3), StringIO.new("hi").each_byte.to_a

# expect: "line1\n"
# expect: 6
# expect: 1
# expect: "lin"
# expect: "e2\nline3"
# expect: ""
# expect: nil
# expect: true
# expect: ["line1\n", "line2\n", "line3"]
# expect: nil
# expect: "line1\n"
# expect: "line2\n"
# expect: "line3"
# expect: ["a,", "b,", "c"]
# expect: ["a", "b"]
# expect: "hello\n1\n2\nab003.1|x\ntail1w2ZA"
# expect: 29
# expect: 29
# expect: "abXYef"
# expect: 4
# expect: "e"
# expect: "f"
# expect: "abXYeQ"
# expect: "Q"
# expect: "YeQ"
# expect: 6
# expect: "ab"
# expect: false
# expect: true
# expect: "not opened for writing"
# expect: "not opened for reading"
# expect: "qq"
# expect: "captured\n"
# expect: "not opened for reading"
# expect: "start++"
# expect: "para1\n\n"
# expect: "abc"
# expect: "abc"
# expect: 120
# expect: "y"
# expect: EOFError
# expect: nil
# expect: ["a", "b"]
# expect: "\u0000\u0000\u0000k"
# expect: ""
# expect: nil
# expect: ""
# expect: "da"
# expect: ["x", "y"]
# expect: ["h", "e", "l"]
# expect: [104, 105]
