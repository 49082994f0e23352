# argf.rb -- ARGF: the files named in ARGV read as one stream ($stdin when
# ARGV is empty at the first read), as CRuby 3.1's ARGF. Kernel#gets,
# #readline and #readlines read through it (src/core/io.c), and so do $< and
# $FILENAME. @lineno counts the lines of the whole stream; every line read
# sets $. to it (`$. = n` sets @lineno too, in io.c).
#
# State (CRuby's): @next_p is 1 when the next read takes the next name from
# ARGV, 0 while a file from ARGV is open, -1 when reading $stdin for good.
#
# In-place mode (inplace_mode = ext, as ruby -i): each file from ARGV is read
# from its backup (name + ext; with "" the original is unlinked once open) while
# a new file of its name is written: to_write_io, and $stdout, which keeps it
# after the last file (as CRuby). ARGF.print / puts / write ... write to it.
ARGF = Class.new do
  include Enumerable

  def self.name = "ARGF.class"
  singleton_class.alias_method :to_s, :name
  singleton_class.alias_method :inspect, :name

  def initialize
    @init = false
    @next_p = 0
    @file = nil
    @filename = "-"
    @lineno = 0
    @inplace = nil
    @write_io = nil
    @binmode = false
  end

  def argv = ARGV
  def to_s = "ARGF"
  alias_method :inspect, :to_s

  def filename
    __next_argv
    @filename
  end
  alias_method :path, :filename

  def file
    __next_argv
    @file || $stdin
  end

  def to_io = file
  def fileno = file.fileno
  alias_method :to_i, :fileno
  def lineno = @lineno

  def lineno=(n)
    @lineno = n
    $. = n
  end

  def gets(*args, **kw)
    loop do
      return nil unless __next_argv
      line = @file.gets(*args, **kw)
      if line.nil? && @next_p != -1
        __close_current
        next
      end
      if line
        @lineno += 1
        $. = @lineno
      end
      return line
    end
  end

  def readline(*args, **kw)
    line = gets(*args, **kw)
    raise EOFError, "end of file reached" if line.nil?
    line
  end

  def readlines(*args, **kw)
    lines = []
    while (line = gets(*args, **kw))
      lines << line
    end
    lines
  end
  alias_method :to_a, :readlines

  def each_line(*args, **kw)
    return enum_for(:each_line, *args, **kw) unless block_given?
    while (line = gets(*args, **kw))
      yield line
    end
    self
  end
  alias_method :each, :each_line

  def read(length = nil, outbuf = nil)
    out = outbuf ? outbuf.replace("") : +""
    loop do
      break unless __next_argv
      part = length ? @file.read(length - out.bytesize) : @file.read
      out << part if part
      break if length && out.bytesize >= length
      break if @next_p == -1
      __close_current
    end
    return nil if length && length > 0 && out.empty?
    out
  end

  def getc
    loop do
      return nil unless __next_argv
      c = @file.getc
      return c if c || @next_p == -1
      __close_current
    end
  end

  def getbyte
    loop do
      return nil unless __next_argv
      b = @file.getbyte
      return b if b || @next_p == -1
      __close_current
    end
  end

  def readchar
    c = getc
    raise EOFError, "end of file reached" if c.nil?
    c
  end

  def readbyte
    b = getbyte
    raise EOFError, "end of file reached" if b.nil?
    b
  end

  def each_char
    return enum_for(:each_char) unless block_given?
    while (c = getc)
      yield c
    end
    self
  end

  def each_byte
    return enum_for(:each_byte) unless block_given?
    while (b = getbyte)
      yield b
    end
    self
  end

  def each_codepoint
    return enum_for(:each_codepoint) unless block_given?
    while (c = getc)
      yield c.ord
    end
    self
  end

  def readpartial(maxlen, outbuf = nil)
    __getpartial(maxlen, outbuf, false, true)
  end

  def read_nonblock(maxlen, outbuf = nil, exception: true)
    __getpartial(maxlen, outbuf, true, exception)
  end

  def seek(amount, whence = IO::SEEK_SET)
    file.seek(amount, whence)
  end

  def inplace_mode = @inplace&.dup

  def inplace_mode=(ext)
    if ext
      raise TypeError, "no implicit conversion of #{ext.class} into String" unless ext.respond_to?(:to_str)
      @inplace = ext.to_str.dup
    else
      @inplace = nil
    end
    ext
  end

  def to_write_io
    __next_argv
    raise IOError, "not opened for writing" unless @write_io
    @write_io
  end

  def write(str) = to_write_io.write(str)
  def print(*args) = to_write_io.print(*args)
  def puts(*args) = to_write_io.puts(*args)
  def printf(*args) = to_write_io.printf(*args)
  def putc(c) = to_write_io.putc(c)

  def eof?
    return true unless __next_argv
    @file.eof?
  end
  alias_method :eof, :eof?

  def skip
    __close_current if @init && @next_p == 0
    self
  end

  def close
    __next_argv
    __close_current
    self
  end

  def closed?
    __next_argv
    @file ? @file.closed? : false
  end

  def rewind
    __next_argv
    @lineno -= @file.lineno
    @file.rewind
  end

  def pos = file.pos
  alias_method :tell, :pos

  def pos=(n)
    file.pos = n
  end

  # binary from now on: the file open now and the ones after it
  def binmode
    @binmode = true
    __next_argv
    @file.binmode if @file && !@file.closed?
    self
  end

  def binmode? = @binmode

  def external_encoding = file.external_encoding
  def internal_encoding = file.internal_encoding

  # for the file open now and the ones after it (the erb command sets UTF-8)
  def set_encoding(*args)
    @encoding = args
    @file&.set_encoding(*args)
    self
  end

  # readpartial / read_nonblock on the current file; at the end of a file that
  # is not the last, "" (the next call reads the next file)
  def __getpartial(maxlen, outbuf, nonblock, exception)
    unless __next_argv
      outbuf&.clear
      raise EOFError, "end of file reached"
    end
    begin
      part = nonblock ? @file.read_nonblock(maxlen, outbuf, exception: exception) : @file.readpartial(maxlen, outbuf)
      return part unless part.nil?
    rescue EOFError
      raise if @next_p == -1
    end
    return nil if @next_p == -1
    __close_current
    if ARGV.empty?
      return nil unless exception
      raise EOFError, "end of file reached"
    end
    outbuf ? outbuf.replace("") : +""
  end

  # In-place mode: read name from its backup (or unlinked), write a new name.
  def __open_inplace(name)
    mode = File.stat(name).mode
    if @inplace.empty?
      @file = File.open(name, "r")
      File.unlink(name)
    else
      backup = name + @inplace
      File.rename(name, backup)
      @file = File.open(backup, "r")
    end
    old = @write_io
    @write_io = File.open(name, "w", mode & 0o7777)
    $stdout = @write_io
    old.close if old && !old.closed?
  end

  # Makes @file the stream to read; false when ARGV has run out.
  def __next_argv
    unless @init
      @next_p = ARGV.empty? ? -1 : 1
      @init = true
    end
    if @next_p == 1
      return false if ARGV.empty?
      name = ARGV.shift.to_s
      @filename = name
      if name == "-"
        @file = $stdin
        warn "Can't do inplace edit for stdio" if @inplace
      elsif @inplace
        __open_inplace(name)
      else
        @file = File.open(name, "r")
      end
      @file.binmode if @binmode
      @next_p = 0
    elsif @next_p == -1
      @file = $stdin
      @filename = "-"
    end
    true
  end

  def __close_current
    @file.close if @file && !@file.equal?($stdin) && !@file.closed?
    @write_io.flush if @write_io && !@write_io.closed?   # stays open (and $stdout) until the next file
    @file = nil unless @next_p == -1
    @next_p = 1 unless @next_p == -1
  end
  # (explicitly: private without arguments does not reach these in a Class.new block)
  private :__next_argv, :__close_current, :__getpartial, :__open_inplace
end.new
