# stdlib_compat.rb -- what the standard library (set, pp, ostruct, singleton,
# monitor ...) needs from Thread before green threads exist: Thread.current with
# fiber-local [] / []=, and a Mutex for a single thread. Each definition steps
# aside when the core already has it (src/core/thread.c defines the real ones).
class Thread
  unless respond_to?(:current)
    main = allocate
    define_singleton_method(:current) { main }
    define_singleton_method(:main) { main }
  end
  unless method_defined?(:[])
    def [](key) = (@__locals ||= {})[key.to_sym]
    def []=(key, value)
      (@__locals ||= {})[key.to_sym] = value
    end
    def key?(key) = (@__locals ||= {}).key?(key.to_sym)
    def thread_variable_get(key) = (@__vars ||= {})[key.to_sym]
    def thread_variable_set(key, value)
      (@__vars ||= {})[key.to_sym] = value
    end
  end
end

unless defined?(::Mutex)
  class Thread
    # One thread only: a locked Mutex can never be waited for.
    class Mutex
      def initialize = @locked = false
      def lock
        raise ThreadError, "deadlock; recursive locking" if @locked
        @locked = true
        self
      end
      def try_lock = @locked ? false : (@locked = true)
      def unlock
        raise ThreadError, "Attempt to unlock a mutex which is not locked" unless @locked
        @locked = false
        self
      end
      def locked? = @locked
      def owned? = @locked
      def synchronize
        lock
        begin
          yield
        ensure
          unlock
        end
      end
    end
  end
  Mutex = Thread::Mutex
end

# Random::Formatter's core methods (securerandom and random/formatter.rb add the
# rest over random_bytes): random_number / rand from random bytes.
unless defined?(Random::Formatter) && Random::Formatter.method_defined?(:random_number)
  module Random::Formatter
    def random_number(n = 0)
      case n
      when Range
        lo, hi = n.begin, n.end
        if lo.is_a?(Integer) && hi.is_a?(Integer)
          span = hi - lo + (n.exclude_end? ? 0 : 1)
          return nil if span <= 0
          lo + __maglev_random_int(span)
        else
          lo + __maglev_random_float * (hi - lo)
        end
      when Integer then n > 0 ? __maglev_random_int(n) : __maglev_random_float
      when Float then n > 0 ? __maglev_random_float * n : __maglev_random_float
      else __maglev_random_float
      end
    end
    alias rand random_number

    private

    def __maglev_random_float = (random_bytes(8).unpack1("Q<") >> 11) * (1.0 / (1 << 53))

    def __maglev_random_int(n)
      bytes = (n.bit_length + 7) / 8 + 1
      limit = (1 << (bytes * 8)) - ((1 << (bytes * 8)) % n)
      loop do
        v = random_bytes(bytes).unpack("C*").each_with_index.sum { |b, i| b << (8 * i) }
        return v % n if v < limit
      end
    end
  end
end

# File.path (fileutils)
unless File.respond_to?(:path)
  def File.path(path)
    path = path.to_path if path.respond_to?(:to_path)
    return path.to_str if path.respond_to?(:to_str)
    raise TypeError, "no implicit conversion of #{[nil, true, false].include?(path) ? path.inspect : path.class} into String"
  end
end

# ObjectSpace finalizers (tempfile): kept until the process exits and run then,
# as CRuby runs the finalizers of objects still alive at exit. The collector does
# not run them earlier.
unless ObjectSpace.respond_to?(:define_finalizer)
  -> {
    finalizers = {}
    ObjectSpace.define_singleton_method(:define_finalizer) do |obj, callable = nil, &blk|
      callable ||= blk
      raise ArgumentError, "wrong type argument #{callable.class} (should be callable)" unless callable.respond_to?(:call)
      raise FrozenError, "can't modify frozen #{obj.class}: #{obj.inspect}" if obj.frozen?
      (finalizers[obj.object_id] ||= []) << callable
      [0, callable]
    end
    ObjectSpace.define_singleton_method(:undefine_finalizer) do |obj|
      finalizers.delete(obj.object_id)
      obj
    end
    at_exit do
      finalizers.each { |id, procs| procs.each { |pr| pr.call(id) rescue nil } }
      finalizers.clear
    end
  }.call
end

# IO's non-blocking errors (core/io.c raises them from read_nonblock/write_nonblock)
class IO
  module WaitReadable; end
  module WaitWritable; end
  class EAGAINWaitReadable < Errno::EAGAIN
    include IO::WaitReadable
  end
  class EAGAINWaitWritable < Errno::EAGAIN
    include IO::WaitWritable
  end
  EWOULDBLOCKWaitReadable = EAGAINWaitReadable
  EWOULDBLOCKWaitWritable = EAGAINWaitWritable
  class EINPROGRESSWaitReadable < Errno::EINPROGRESS
    include IO::WaitReadable
  end
  class EINPROGRESSWaitWritable < Errno::EINPROGRESS   # core, as in CRuby (lib/socket.rb defined it)
    include IO::WaitWritable
  end

  # IO.copy_stream(src, dst, copy_length = nil, src_offset = nil) -> bytes copied;
  # src and dst are IOs (anything with readpartial/read and write) or paths.
  def self.copy_stream(src, dst, copy_length = nil, src_offset = nil)
    close_src = close_dst = false
    if src.is_a?(String) || src.respond_to?(:to_path)
      src = File.open(src.respond_to?(:to_path) ? src.to_path : src, "rb")
      close_src = true
    end
    if dst.is_a?(String) || dst.respond_to?(:to_path)
      dst = File.open(dst.respond_to?(:to_path) ? dst.to_path : dst, "wb")
      close_dst = true
    end
    begin
      if src_offset
        saved = src.pos
        src.seek(src_offset)
      end
      copied = 0
      while copy_length.nil? || copied < copy_length
        want = copy_length ? [copy_length - copied, 16384].min : 16384
        chunk = src.read(want)
        break if chunk.nil? || chunk.empty?
        dst.write(chunk)
        copied += chunk.bytesize
      end
      src.seek(saved) if src_offset
      copied
    ensure
      src.close if close_src
      dst.close if close_dst
    end
  end
end

# Process.detach(pid): a thread that waits for the child; its value is the Process::Status
module Process
  def self.detach(pid)
    t = Thread.new { Process.wait2(pid)[1] }
    t.define_singleton_method(:pid) { pid }
    t
  end
end

# FileTest: File's predicates as module functions (File answers them)
module FileTest
  %i[blockdev? chardev? directory? empty? executable? executable_real? exist? exists? file? grpowned?
     identical? owned? pipe? readable? readable_real? setgid? setuid? size size? socket? sticky?
     symlink? world_readable? world_writable? writable? writable_real? zero?].each do |name|
    define_method(name) { |*args| File.__send__(name, *args) }
    module_function name
  end
end

# CRuby 3.1 still names Integer so (deprecated; 3.2 removes them)
class Object
  Fixnum = Integer
  Bignum = Integer
  deprecate_constant :Fixnum, :Bignum
end
