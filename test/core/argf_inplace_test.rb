# ARGF: binmode?, each_codepoint, readpartial / read_nonblock across files, seek,
# to_i, to_write_io and print / puts / write / printf / putc in in-place mode
# (inplace_mode = ".bak" keeps a backup, "" none), $stdout as the file written
require "tmpdir"
dir = Dir.mktmpdir
a = File.join(dir, "a.txt")
b = File.join(dir, "b.txt")
File.write(a, "a1\na2\n")
File.write(b, "b1\nb2\n")
File.chmod(0640, b)
p ARGF.binmode?, ARGF.inplace_mode
ARGV.replace([a, b])
[-> { ARGF.to_write_io }, -> { ARGF.puts "x" }, -> { ARGF.write "x" }, -> { ARGF.print "x" }].each do |l|
  l.call
rescue IOError => e
  p e
end
p ARGF.to_i.class, ARGF.to_i == ARGF.fileno
p ARGF.readpartial(2)
p ARGF.binmode.equal?(ARGF), ARGF.binmode?, ARGF.file.binmode?
p ARGF.seek(1), ARGF.read_nonblock(100)
p File.basename(ARGF.filename)
p ARGF.readpartial(100)
p File.basename(ARGF.filename)
p ARGF.file.binmode?, ARGF.each_codepoint.first(2)
p ARGF.readpartial(10)
begin; ARGF.readpartial(10); rescue EOFError => e; p e; end
begin; ARGF.read_nonblock(10, exception: false); rescue EOFError => e; p e; end
p (ARGF.inplace_mode = ".bak"), ARGF.inplace_mode
so = $stdout
ARGV.replace([a, b])
while (line = gets)
  print line.upcase
  ARGF.puts "#{File.basename(ARGF.filename)}:#{ARGF.lineno}"
  ARGF.to_write_io.write("same: #{$stdout.equal?(so)} #{ARGF.to_write_io.equal?($stdout)}\n")
end
p $stdout.equal?(so)   # the last file written stays $stdout, as CRuby
$stdout = so
p File.read(a), File.read("#{a}.bak"), File.read(b), File.read("#{b}.bak")
printf("%o\n", File.stat(b).mode & 0777)
ARGV.replace([a])
ARGF.inplace_mode = ""
ARGF.each_line do |l|
  p ARGF.write(l.reverse + "|")
  ARGF.printf("%d\n", l.size)
  ARGF.putc "z"
  ARGF.putc 10
end
$stdout = so
p File.read(a)
p Dir.children(dir).sort
ARGF.inplace_mode = nil
p ARGF.inplace_mode
File.write(a, "xy")
ARGV.replace([a, b])
p ARGF.read_nonblock(10, exception: false), ARGF.read_nonblock(10, exception: false), ARGF.read_nonblock(10, exception: false)
buf = +"old"
p ARGF.read_nonblock(10, buf, exception: false), buf
begin; ARGF.readpartial(1, buf); rescue EOFError => e; p e, buf; end
ARGF.close
require "fileutils"
FileUtils.rm_rf(dir)
p File.exist?(dir)
begin; ARGF.inplace_mode = 1; rescue => e; p e; end
p((ARGF.inplace_mode = false), ARGF.inplace_mode)
s = +".b"; ARGF.inplace_mode = s; p ARGF.inplace_mode.frozen?, ARGF.inplace_mode.equal?(s); s << "x"; p ARGF.inplace_mode
p ARGF.inplace_mode.equal?(ARGF.inplace_mode)
# expect: false
# expect: nil
# expect: #<IOError: not opened for writing>
# expect: #<IOError: not opened for writing>
# expect: #<IOError: not opened for writing>
# expect: #<IOError: not opened for writing>
# expect: Integer
# expect: true
# expect: "a1"
# expect: true
# expect: true
# expect: true
# expect: 0
# expect: "1\na2\n"
# expect: "a.txt"
# expect: ""
# expect: "b.txt"
# expect: true
# expect: [98, 49]
# expect: "\nb2\n"
# expect: #<EOFError: end of file reached>
# expect: #<EOFError: end of file reached>
# expect: ".bak"
# expect: ".bak"
# expect: "A1\na.txt:1\nsame: false true\nA2\na.txt:2\nsame: false true\n"
# expect: "a1\na2\n"
# expect: "B1\nb.txt:3\nsame: false true\nB2\nb.txt:4\nsame: false true\nfalse\n"
# expect: "b1\nb2\n"
# expect: 640
# expect: "\n1A|4\n3\nz\n\n1:txt.a|9\n8\nz\n\neurt eslaf :emas|18\n17\nz\n\n2A|4\n3\nz\n\n2:txt.a|9\n8\nz\n\neurt eslaf :emas|18\n17\nz\n"
# expect: ["a.txt", "a.txt.bak", "b.txt", "b.txt.bak"]
# expect: nil
# expect: "xy"
# expect: ""
# expect: "B1\nb.txt:3"
# expect: "\nsame: fal"
# expect: "\nsame: fal"
# expect: false
# expect: #<TypeError: no implicit conversion of Integer into String>
# expect: false
# expect: nil
# expect: false
# expect: false
# expect: ".b"
# expect: false
