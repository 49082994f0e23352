# IO#ungetc / ungetbyte with the read buffer, readbyte, each_codepoint,
# pread / pwrite (the offset stays), sysseek, advise, fsync, binmode?, IO.sysopen, IO.try_convert
require "tmpdir"
Dir.mktmpdir do |dir|
  path = File.join(dir, "a.txt")
  File.write(path, "hello\nworld\n")
  File.open(path) do |f|
    p f.getc
    f.ungetc("XY")
    p f.gets, f.pos
    f.ungetc(0x3042)
    p f.getc
    f.ungetbyte(0x41)
    p f.read(2)
    f.ungetbyte("zz")
    p f.getbyte, f.readbyte
    f.ungetbyte(256 + 66)
    p f.getc
    p f.ungetbyte(nil)
    begin; f.ungetc(nil); rescue TypeError => e; p e; end
    begin; f.ungetc(3.5); rescue TypeError => e; p e; end
    p f.read, f.eof?
    f.ungetc("end")
    p f.eof?, f.read
    begin; f.readbyte; rescue EOFError => e; p e; end
    f.ungetc("x" * 8192)
    p f.read.size
    begin; f.ungetc("x" * 8193); rescue IOError => e; p e; end
    p f.pread(4, 1), f.pos, f.pread(0, 100)
    begin; f.pread(4, 100); rescue EOFError => e; p e; end
    begin; f.pread(-1, 0); rescue ArgumentError => e; p e; end
    buf = +"old"
    p f.pread(3, 6, buf), buf, buf.encoding
    p f.sysseek(2), f.sysseek(0, IO::SEEK_CUR), f.sysseek(-3, :END)
    p f.getc
    begin; f.sysseek(0); rescue IOError => e; p e; end
    p f.seek(1, :SET), f.getc
    begin; f.seek(0, :FOO); rescue TypeError => e; p e; end
    f.rewind
    p f.each_codepoint.first(3), f.each_codepoint.class
    p f.binmode?
    p f.stat.class, f.stat.size
    p f.advise(:sequential), f.advise(:willneed, 0, 3)
    begin; f.advise(:foo); rescue NotImplementedError => e; p e; end
    begin; f.advise("normal"); rescue TypeError => e; p e; end
    p f.binmode.equal?(f), f.binmode?, f.external_encoding
    f.rewind
    p f.getc.encoding
    begin; f.pwrite("x", 0); rescue IOError => e; p e; end
  end
  File.open(path) do |f|
    f.ungetc("y" * 20000)
    p f.read.size
  end
  File.open(path, "r+") do |f|
    f.write("abc")
    p f.pwrite("XY", 1), f.pos
    p f.fsync, f.fdatasync
  end
  p File.read(path)
  File.open(path, "w") do |f|
    [-> { f.ungetc("a") }, -> { f.pread(1, 0) }, -> { f.readbyte }, -> { f.ungetbyte(1) }].each do |l|
      l.call
    rescue IOError => e
      p e
    end
  end
  fd = IO.sysopen(path, "w", 0600)
  p fd.class
  io = IO.new(fd, "w")
  io.write("via sysopen")
  io.close
  fd = IO.sysopen(path)
  io = IO.for_fd(fd)
  p io.read
  io.close
  begin; IO.sysopen(File.join(dir, "none", "x")); rescue SystemCallError => e; p e.class; end
  f = File.new(path)
  f.close
  [-> { f.ungetc("a") }, -> { f.pread(1, 0) }, -> { f.stat }, -> { f.sysseek(0) }, -> { f.binmode? }].each do |l|
    l.call
  rescue IOError => e
    p e
  end
end
p IO.try_convert($stdout).equal?($stdout), IO.try_convert("x"), IO.try_convert(nil)
o = Object.new
def o.to_io = $stderr
p IO.try_convert(o).equal?($stderr)
o2 = Object.new
def o2.to_io = 1
begin; IO.try_convert(o2); rescue TypeError => e; p e; end
r, w = IO.pipe
begin; r.pread(1, 0); rescue SystemCallError => e; p e.class; end
begin; r.sysseek(0); rescue SystemCallError => e; p e.class; end
p r.binmode?, w.binmode?
r.close
w.close
p IO.method(:new).owner, File.method(:new).owner, IO.singleton_methods(false).include?(:new)
# expect: "h"
# expect: "XYello\n"
# expect: 6
# expect: "あ"
# expect: "Aw"
# expect: 122
# expect: 122
# expect: "B"
# expect: nil
# expect: #<TypeError: no implicit conversion of nil into String>
# expect: #<TypeError: no implicit conversion of Float into String>
# expect: "orld\n"
# expect: true
# expect: false
# expect: "end"
# expect: #<EOFError: end of file reached>
# expect: 8192
# expect: #<IOError: ungetbyte failed>
# expect: "ello"
# expect: 12
# expect: ""
# expect: #<EOFError: end of file reached>
# expect: #<ArgumentError: negative string size (or size too big)>
# expect: "wor"
# expect: "wor"
# expect: #<Encoding:UTF-8>
# expect: 2
# expect: 2
# expect: 9
# expect: "l"
# expect: #<IOError: sysseek for buffered IO>
# expect: 0
# expect: "e"
# expect: #<TypeError: no implicit conversion of Symbol into Integer>
# expect: [104, 101, 108]
# expect: Enumerator
# expect: false
# expect: File::Stat
# expect: 12
# expect: nil
# expect: nil
# expect: #<NotImplementedError: Unsupported advice: :foo>
# expect: #<TypeError: advice must be a Symbol>
# expect: true
# expect: true
# expect: #<Encoding:ASCII-8BIT>
# expect: #<Encoding:ASCII-8BIT>
# expect: #<IOError: not opened for writing>
# expect: 20012
# expect: 2
# expect: 3
# expect: 0
# expect: 0
# expect: "abclo\nworld\n"
# expect: #<IOError: not opened for reading>
# expect: #<IOError: not opened for reading>
# expect: #<IOError: not opened for reading>
# expect: #<IOError: not opened for reading>
# expect: Integer
# expect: "via sysopen"
# expect: Errno::ENOENT
# expect: #<IOError: closed stream>
# expect: #<IOError: closed stream>
# expect: #<IOError: closed stream>
# expect: #<IOError: closed stream>
# expect: #<IOError: closed stream>
# expect: true
# expect: nil
# expect: nil
# expect: true
# expect: #<TypeError: can't convert Object to IO (Object#to_io gives Integer)>
# expect: Errno::ESPIPE
# expect: Errno::ESPIPE
# expect: false
# expect: false
# expect: #<Class:IO>
# expect: #<Class:IO>
# expect: true
