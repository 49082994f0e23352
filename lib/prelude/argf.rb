# argf.rb -- ARGF: the files named in ARGV read as one stream ($stdin when
# ARGV is empty at the first read), as CRuby 3.1's ARGF. Kernel#gets,
# #readline and #readlines read through it (src/core/io.c), and so do $< and
# $FILENAME. @lineno counts the lines of the whole stream; every line read
# sets $. to it (`$. = n` sets @lineno too, in io.c).
#
# State (CRuby's): @next_p is 1 when the next read takes the next name from
# ARGV, 0 while a file from ARGV is open, -1 when reading $stdin for good.
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

  def binmode
    file.binmode
    self
  end

  def external_encoding = file.external_encoding
  def internal_encoding = file.internal_encoding

  # for the file open now and the ones after it (the erb command sets UTF-8)
  def set_encoding(*args)
    @encoding = args
    @file&.set_encoding(*args)
    self
  end

  private

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
      @file = name == "-" ? $stdin : File.open(name, "r")
      @next_p = 0
    elsif @next_p == -1
      @file = $stdin
      @filename = "-"
    end
    true
  end

  def __close_current
    @file.close if @file && !@file.equal?($stdin) && !@file.closed?
    @file = nil unless @next_p == -1
    @next_p = 1 unless @next_p == -1
  end
end.new
