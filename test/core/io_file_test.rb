# File and Dir basics in a scratch directory
dir = "/tmp/maglev_io_file_test_#{$$}"
Dir.mkdir(dir)
path = File.join(dir, "a.txt")
p File.write(path, "abc\ndef\n\n\nghi")
p File.read(path), File.exist?(path), File.file?(path), File.directory?(dir), File.size(path)
p File.readlines(path), File.readlines(path, chomp: true)
File.open(path) do |f|
  p f.gets, f.lineno, f.gets(""), f.gets(nil), f.gets, f.eof?
end
File.open(path) { |f| p f.read(2), f.read(2).encoding, f.read.encoding, f.read(2), f.read }
File.open(path) do |f|
  p f.readline
  p f.each_line.to_a
  begin
    f.readline
  rescue EOFError => e
    p e.message
  end
end
lines = []
File.foreach(path) { |l| lines << l }
p lines.size
p File.open(path, "w") { |f| f.puts "x", "y"; f.print "z"; f.write("1", 2); :block_value }
p File.read(path)
File.open(path, "a") { |f| f << "A" << "B" }
p File.read(path)
f = File.new(path)
p f.closed?, f.path == path, f.read.size
f.close
p f.closed?, f.close
begin
  f.read
rescue IOError => e
  p e.message
end
begin
  File.open(path, "r") { |g| g.write("x") }
rescue IOError => e
  p e.message
end
begin
  File.open(path, "q")
rescue ArgumentError => e
  p e.message.sub(dir, "DIR")
end
begin
  File.read(File.join(dir, "missing.txt"))
rescue Errno::ENOENT => e
  p e.class, e.message.sub(dir, "DIR")
end
begin
  File.read(dir)
rescue SystemCallError => e
  p e.class, e.message.sub(dir, "DIR")
end
begin
  Dir.mkdir(dir)
rescue Errno::EEXIST => e
  p e.message.sub(dir, "DIR")
end
p File.rename(path, File.join(dir, "b.txt")), File.exist?(path)
p Dir.glob(File.join(dir, "*")).map { |x| File.basename(x) }
p Dir.children(dir), Dir.entries(dir).sort, Dir.exist?(dir)
p File.delete(File.join(dir, "b.txt")), Dir.children(dir)
begin
  File.delete(File.join(dir, "b.txt"))
rescue Errno::ENOENT => e
  p e.message.sub(dir, "DIR")
end
p Dir.rmdir(dir), Dir.exist?(dir)

# expect: 13
# expect: "abc\ndef\n\n\nghi"
# expect: true
# expect: true
# expect: true
# expect: 13
# expect: ["abc\n", "def\n", "\n", "\n", "ghi"]
# expect: ["abc", "def", "", "", "ghi"]
# expect: "abc\n"
# expect: 1
# expect: "def\n\n"
# expect: "ghi"
# expect: nil
# expect: true
# expect: "ab"
# expect: #<Encoding:ASCII-8BIT>
# expect: #<Encoding:UTF-8>
# expect: nil
# expect: ""
# expect: "abc\n"
# expect: ["def\n", "\n", "\n", "ghi"]
# expect: "end of file reached"
# expect: 5
# expect: :block_value
# expect: "x\ny\nz12"
# expect: "x\ny\nz12AB"
# expect: false
# expect: true
# expect: 9
# expect: true
# expect: nil
# expect: "closed stream"
# expect: "not opened for writing"
# expect: "invalid access mode q"
# expect: Errno::ENOENT
# expect: "No such file or directory @ rb_sysopen - DIR/missing.txt"
# expect: Errno::EISDIR
# expect: "Is a directory @ io_fread - DIR"
# expect: "File exists @ dir_s_mkdir - DIR"
# expect: 0
# expect: false
# expect: ["b.txt"]
# expect: ["b.txt"]
# expect: [".", "..", "b.txt"]
# expect: true
# expect: 1
# expect: []
# expect: "No such file or directory @ apply2files - DIR/b.txt"
# expect: 0
# expect: false
