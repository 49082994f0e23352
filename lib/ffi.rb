# ffi.rb -- the ffi gem's everyday API on maglev's native core (src/ext/ffi.c,
# feature "ffi_c"): FFI::Library (ffi_lib, attach_function, callback, typedef,
# enum, attach_variable), the typed Pointer helpers, MemoryPointer, Buffer,
# Struct (layout, nested structs, inline arrays, by_ref / by_value), Enum,
# FFI.type_size and FFI::Platform. Types are resolved here to FFI::Type objects;
# the C core only ever sees those.
require 'ffi_c'

module FFI
  VERSION = '1.15.5'

  class NotFoundError < LoadError; end
  class SignatureError < StandardError; end

  module Platform
    OS = 'linux'
    ARCH = 'x86_64'
    NAME = 'x86_64-linux'
    ADDRESS_SIZE = 64
    LONG_SIZE = 64
    ADDRESS_ALIGN = 8
    LIBPREFIX = 'lib'
    LIBSUFFIX = 'so'
    BYTE_ORDER = :little
    LITTLE_ENDIAN = 1234
    BIG_ENDIAN = 4321
    LIBC = 'libc.so.6'
    def self.linux? = true
    def self.mac? = false
    def self.windows? = false
    def self.unix? = true
    def self.bsd? = false
  end

  T = Type
  BUILTIN_TYPES = {
    void: T::VOID, int8: T::INT8, char: T::INT8, uint8: T::UINT8, uchar: T::UINT8,
    int16: T::INT16, short: T::INT16, uint16: T::UINT16, ushort: T::UINT16,
    int32: T::INT32, int: T::INT32, uint32: T::UINT32, uint: T::UINT32,
    int64: T::INT64, long_long: T::INT64, uint64: T::UINT64, ulong_long: T::UINT64,
    long: T::LONG, ulong: T::ULONG, size_t: T::ULONG, ssize_t: T::LONG, intptr_t: T::LONG, uintptr_t: T::ULONG,
    off_t: T::LONG, pid_t: T::INT32, uid_t: T::UINT32, gid_t: T::UINT32, mode_t: T::UINT32,
    float: T::FLOAT32, float32: T::FLOAT32, double: T::FLOAT64, float64: T::FLOAT64,
    bool: T::BOOL, string: T::STRING, pointer: T::POINTER,
    buffer_in: T::POINTER, buffer_out: T::POINTER, buffer_inout: T::POINTER,
  }
  @typedefs = {}

  class Type
    def inspect = "#<FFI::Type size=#{size} alignment=#{alignment}>"
    def native_type = self
  end

  # Resolves a type name (Symbol, typedef, Type, Enum, Struct class or its by_ref/by_value) to a Type or converter.
  def self.find_type(name, typedefs = nil)
    return name if name.is_a?(Type) || name.is_a?(Enum) || name.is_a?(StructByValue) || name.is_a?(StructByReference)
    if name.is_a?(Class) && name < Struct
      return name.by_value
    end
    if name.is_a?(Symbol) || name.is_a?(String)
      sym = name.to_sym
      t = (typedefs && typedefs[sym]) || @typedefs[sym] || BUILTIN_TYPES[sym]
      return t if t
    end
    raise TypeError, "unable to resolve type '#{name}'"
  end

  def self.typedef(old, new) = @typedefs[new] = find_type(old)
  def self.type_size(t) = (t.is_a?(Integer) ? t : find_type(t).size)
  def self.native(t) = t.respond_to?(:native_type) ? t.native_type : t

  # An enumeration: Symbols in, Symbols out; its native type is an integer type.
  class Enum
    attr_reader :tag, :native_type
    def initialize(info, tag = nil, native_type = FFI::Type::INT32)
      @tag = tag
      @native_type = native_type
      @kv = {}
      value = 0
      last = nil
      info.each do |e|
        if e.is_a?(Integer)
          @kv[last] = value = e if last
        else
          @kv[e] = value
          last = e
        end
        value = @kv[last] + 1 if last
      end
      @vk = @kv.invert
    end
    def symbols = @kv.keys
    def [](q) = q.is_a?(Integer) ? @vk[q] : @kv[q.to_sym]
    alias find []
    def to_h = @kv.dup
    alias to_hash to_h
    def size = @native_type.size
    def alignment = @native_type.alignment
    def to_native(v)
      return v if v.is_a?(Integer)
      n = @kv[v]
      raise ArgumentError, "invalid enum value, #{v.inspect}" unless n
      n
    end
    def from_native(v) = @vk.fetch(v, v)
  end

  class Pointer
    def self.size = SIZE
    def to_ptr = self
    def type_size = @type_size || 1
    def [](i) = self + i * type_size

    SCALARS = %i[int8 uint8 int16 uint16 int32 uint32 int64 uint64 long ulong float double
                 char uchar short ushort int uint long_long ulong_long pointer]
    SCALARS.each do |name|
      t = FFI::BUILTIN_TYPES[name]
      sz = t.size
      define_method(:"get_#{name}") { |off| get(t, off) }
      define_method(:"put_#{name}") { |off, v| put(t, off, v) }
      define_method(:"read_#{name}") { get(t, 0) }
      define_method(:"write_#{name}") { |v| put(t, 0, v) }
      define_method(:"get_array_of_#{name}") { |off, n| Array.new(n) { |i| get(t, off + i * sz) } }
      define_method(:"put_array_of_#{name}") { |off, a| a.each_with_index { |v, i| put(t, off + i * sz, v) }; self }
      define_method(:"read_array_of_#{name}") { |n| Array.new(n) { |i| get(t, i * sz) } }
      define_method(:"write_array_of_#{name}") { |a| a.each_with_index { |v, i| put(t, i * sz, v) }; self }
    end
    def get_bool(off) = get(FFI::Type::BOOL, off)
    def put_bool(off, v) = put(FFI::Type::BOOL, off, v)
    def read_bool = get_bool(0)
    def write_bool(v) = put_bool(0, v)
    def read_bytes(n) = get_bytes(0, n)
    def write_bytes(s, idx = 0, len = nil) = put_bytes(0, s, idx, len)
    def read_string(len = nil) = len ? get_bytes(0, len) : get_string(0)
    def write_string(s, len = nil) = put_bytes(0, s, 0, len)
    def read_string_length(len) = get_bytes(0, len)
    def read_string_to_null = get_string(0)
    def read(type) = FFI.find_type(type).then { |t| get(FFI.native(t), 0) }
    def write(type, v) = put(FFI.native(FFI.find_type(type)), 0, v)
    def get_array_of_string(off, n = nil)
      out = []
      i = 0
      loop do
        break if n && i >= n
        p = get_pointer(off + i * 8)
        break if n.nil? && p.null?
        out << (p.null? ? nil : p.read_string)
        i += 1
      end
      out
    end
    def read_array_of_string(n = nil) = get_array_of_string(0, n)
  end
  class Pointer
    alias __init initialize
    private :__init
  end
  # Pointer.new(address) or Pointer.new(type, address): the C initializer is __init
  class Pointer
    def initialize(*args)
      if args.size == 2
        @type_size = FFI.type_size(args[0])
        __init(args[1])
      else
        __init(*args)
      end
    end
  end

  class MemoryPointer < Pointer
    def initialize(size = 1, count = 1, clear = true)
      @type_size = FFI.type_size(size)
      __allocate(@type_size * count, clear)
      if block_given?
        begin
          yield self
        ensure
          free
        end
      end
    end
    def self.from_string(s)
      m = new(s.bytesize + 1)
      m.put_string(0, s)
      m
    end
    def autorelease=(v); end
    def autorelease? = true
  end

  class Buffer < MemoryPointer
    def self.new_in(*a, &b) = new(*a, &b)
    def self.new_out(*a, &b) = new(*a, &b)
    def self.new_inout(*a, &b) = new(*a, &b)
  end

  class Function < Pointer
    alias __finit initialize
    private :__finit
    def initialize(ret, args, fn = nil, options = nil, &blk)
      __finit(FFI.native(FFI.find_type(ret)), args.map { |a| FFI.native(FFI.find_type(a)) }, fn || blk)
    end
    def attach(mod, name)
      f = self
      mod.define_singleton_method(name) { |*a| f.call(*a) }
      mod.define_method(name) { |*a| f.call(*a) }
      self
    end
  end

  # A pointer to C memory released by a Proc (or the class's release method):
  # at #free, or when the program exits (maglev runs ObjectSpace finalizers at
  # exit, not at collection) unless autorelease was turned off.
  class AutoPointer < Pointer
    def initialize(ptr, releaser = nil, &blk)
      if !ptr.is_a?(Pointer) || ptr.is_a?(MemoryPointer) || ptr.is_a?(AutoPointer)
        raise TypeError, "Invalid pointer"
      end
      releaser ||= blk || (self.class.respond_to?(:release) ? self.class.method(:release) : nil)
      raise RuntimeError, "no release method defined" unless releaser
      __init(ptr)
      @releaser = releaser
      state = @state = [true, false]        # autorelease, released
      target = Pointer.new(ptr.address)
      ObjectSpace.define_finalizer(self, proc { releaser.call(target) if state[0] && !state[1] })
    end
    def free
      return nil if @state[1]
      @state[1] = true
      @releaser.call(Pointer.new(address))
      nil
    end
    def autorelease=(v)
      @state[0] = v ? true : false
    end
    def autorelease? = @state[0]
  end

  # ---- Struct ----
  class StructByValue
    attr_reader :struct_class
    def initialize(klass) = @struct_class = klass
    def native_type = @struct_class.__ffi_type
    def size = @struct_class.size
    def alignment = @struct_class.alignment
    def from_native(mp) = @struct_class.new(mp)
    def to_native(v) = v
  end

  class StructByReference
    attr_reader :struct_class
    def initialize(klass) = @struct_class = klass
    def native_type = FFI::Type::POINTER
    def size = 8
    def alignment = 8
    def from_native(p) = @struct_class.new(p)
    def to_native(v)
      return v if v.nil? || v.is_a?(Pointer)
      raise TypeError, "wrong argument type #{v.class} (expected #{@struct_class})" unless v.is_a?(@struct_class)
      v.to_ptr
    end
  end

  # A fixed-size array field of a struct (a view on the struct's memory).
  class InlineArray
    include Enumerable
    attr_reader :size
    def initialize(ptr, off, type, n)
      @ptr, @off, @type, @size = ptr, off, type, n
      @esz = type.size
    end
    def [](i)
      raise IndexError, "index #{i} out of bounds" unless i >= 0 && i < @size
      @ptr.get(@type, @off + i * @esz)
    end
    def []=(i, v)
      raise IndexError, "index #{i} out of bounds" unless i >= 0 && i < @size
      @ptr.put(@type, @off + i * @esz, v)
    end
    def each(&b) = (0...@size).each { |i| b.call(self[i]) }
    def to_a = (0...@size).map { |i| self[i] }
    def to_ptr = @ptr + @off
    def to_s = @ptr.get_bytes(@off, @size * @esz).then { |s| (i = s.index("\0")) ? s[0, i] : s }
  end

  class Struct
    Field = ::Struct.new(:name, :offset, :type, :kind, :extra)

    class << self
      attr_reader :__fields
      def by_value = @by_value ||= StructByValue.new(self)
      def by_ref(*) = @by_ref ||= StructByReference.new(self)
      alias ptr by_ref
      alias in by_ref
      alias out by_ref
      def size = (layout_check; @size)
      def alignment = (layout_check; @alignment)
      def members = (layout_check; @__fields.map(&:name))
      def offset_of(name) = field(name).offset
      def offsets = (layout_check; @__fields.map { |f| [f.name, f.offset] })
      def layout_check
        raise RuntimeError, "no Struct layout configured for #{self}" unless @__fields
      end
      def field(name)
        layout_check
        f = @__fields_by_name[name]
        raise ArgumentError, "No such field '#{name}'" unless f
        f
      end
      def layout(*spec)
        spec = spec[0].to_a.flatten(1) if spec.size == 1 && spec[0].is_a?(Hash)
        @__fields = []
        @__fields_by_name = {}
        off = 0
        align = 1
        ffi_types = []
        i = 0
        while i < spec.size
          name = spec[i]
          type = spec[i + 1]
          i += 2
          explicit = nil
          if spec[i].is_a?(Integer)
            explicit = spec[i]
            i += 1
          end
          kind = :scalar
          extra = nil
          if type.is_a?(Array)
            et = FFI.native(find_field_type(type[0]))
            extra = type[1]
            t = et
            kind = :array
            fsize = et.size * extra
            falign = et.alignment
            extra.times { ffi_types << et }
          else
            t = find_field_type(type)
            case t
            when StructByValue
              kind = :struct
              ffi_types << t.native_type
            when StructByReference
              kind = :struct_ref
              ffi_types << FFI::Type::POINTER
            when Enum
              kind = :enum
              ffi_types << t.native_type
            else
              kind = :string if t == FFI::Type::STRING
              ffi_types << t
            end
            fsize = t.size
            falign = t.alignment
          end
          off = explicit || ((off + falign - 1) / falign * falign)
          f = Field.new(name, off, t, kind, extra)
          @__fields << f
          @__fields_by_name[name] = f
          off += fsize
          align = falign if falign > align
        end
        @alignment = align
        @size = (off + align - 1) / align * align
        @__ffi_types = ffi_types
        @__ffi_type = nil
        self
      end

      def __ffi_type
        layout_check
        @__ffi_type ||= FFI::Type.struct(@__ffi_types)
      end

      def find_field_type(t)
        return t.by_value if t.is_a?(Class) && t < FFI::Struct
        mod = name && name.include?('::') ? Object.const_get(name.rpartition('::').first) : nil
        tds = mod.respond_to?(:__ffi_typedefs) ? mod.__ffi_typedefs : nil
        FFI.find_type(t, tds)
      end
    end

    attr_reader :pointer

    def initialize(ptr = nil, *)
      self.class.layout_check
      @pointer = ptr ? ptr.to_ptr : MemoryPointer.new(self.class.size)
    end
    def to_ptr = @pointer
    def size = self.class.size
    def alignment = self.class.alignment
    def members = self.class.members
    def offset_of(n) = self.class.offset_of(n)
    def offsets = self.class.offsets
    def null? = @pointer.null?
    def values = members.map { |m| self[m] }
    def clear = (@pointer.put_bytes(0, "\0" * size); self)
    def to_h = members.to_h { |m| [m, self[m]] }
    def inspect = "#<#{self.class} #{members.map { |m| "#{m}=#{self[m].inspect}" }.join(', ')}>"

    def [](name)
      f = self.class.field(name)
      case f.kind
      when :scalar, :string then @pointer.get(f.type, f.offset)
      when :enum then f.type.from_native(@pointer.get(f.type.native_type, f.offset))
      when :struct then f.type.struct_class.new(@pointer + f.offset)
      when :struct_ref then f.type.from_native(@pointer.get(FFI::Type::POINTER, f.offset))
      when :array then InlineArray.new(@pointer, f.offset, f.type, f.extra)
      end
    end

    def []=(name, v)
      f = self.class.field(name)
      case f.kind
      when :scalar then @pointer.put(f.type, f.offset, v)
      when :string then raise ArgumentError, "Cannot set :string fields"
      when :enum then @pointer.put(f.type.native_type, f.offset, f.type.to_native(v))
      when :struct
        raise TypeError, "wrong argument type #{v.class} (expected #{f.type.struct_class})" unless v.is_a?(f.type.struct_class)
        @pointer.put_bytes(f.offset, v.to_ptr.get_bytes(0, f.type.size))
      when :struct_ref then @pointer.put(FFI::Type::POINTER, f.offset, f.type.to_native(v))
      when :array
        raise ArgumentError, "cannot set array field #{name} (assign its elements)" unless v.is_a?(Array) || v.is_a?(String)
        if v.is_a?(String)
          total = f.type.size * f.extra
          raise IndexError, "string too long for #{name}" if v.bytesize > total
          @pointer.put_bytes(f.offset, v.b + "\0" * (total - v.bytesize))
        else
          v.each_with_index { |x, i| @pointer.put(f.type, f.offset + i * f.type.size, x) }
        end
      end
      v
    end
  end

  # A Struct over memory that its class's release(pointer) frees (through an AutoPointer).
  class ManagedStruct < Struct
    def initialize(ptr = nil)
      raise NoMethodError, "release() not implemented for class #{self.class}" unless self.class.respond_to?(:release)
      raise ArgumentError, "Must supply a pointer to memory for the Struct" unless ptr
      super(AutoPointer.new(ptr, self.class.method(:release)))
    end
  end

  class Union < Struct
    def self.layout(*spec)
      super
      big = @__fields.max_by { |f| f.kind == :array ? f.type.size * f.extra : f.type.size }
      @__fields.each { |f| f.offset = 0 }
      sz = @__fields.map { |f| f.kind == :array ? f.type.size * f.extra : f.type.size }.max
      @size = (sz + @alignment - 1) / @alignment * @alignment
      @__ffi_types = [big.kind == :array ? big.type : FFI.native(big.type)]
      self
    end
  end

  CURRENT_PROCESS = Object.new.freeze

  class DynamicLibrary
    RTLD_LAZY = Core::RTLD_LAZY
    RTLD_NOW = Core::RTLD_NOW
    RTLD_GLOBAL = Core::RTLD_GLOBAL
    RTLD_LOCAL = Core::RTLD_LOCAL
    attr_reader :name, :handle
    def initialize(name, handle) = (@name, @handle = name, handle)
    def find_function(sym) = (a = Core.dlsym(@handle, sym.to_s)) && Pointer.new(a)
    alias find_symbol find_function
    alias find_variable find_function
    def inspect = "#<FFI::DynamicLibrary name=#{@name.inspect}>"

    # Opens name; returns a DynamicLibrary or the error message.
    def self.open_name(name, flags)
      h = Core.dlopen(name, flags)
      return new(name || '[current process]', h) if h.is_a?(Integer)
      # a GNU ld script (libm.so, libc.so on Debian): open the library it names
      if h.include?('invalid ELF header') && name && File.file?(name) && (File.read(name, 4096) rescue '') =~ /GROUP\s*\(\s*(\S+\.so[^\s)]*)/
        h2 = Core.dlopen($1, flags)
        return new($1, h2) if h2.is_a?(Integer)
      end
      h
    end
  end

  module Library
    LIBC = FFI::Platform::LIBC
    CURRENT_PROCESS = FFI::CURRENT_PROCESS
    FLAGS = { global: Core::RTLD_GLOBAL, local: Core::RTLD_LOCAL, lazy: Core::RTLD_LAZY, now: Core::RTLD_NOW }

    def self.extended(mod)
      raise RuntimeError, "must only be extended by module" unless mod.instance_of?(Module)
    end

    def ffi_lib_flags(*flags)
      @ffi_lib_flags = flags.inject(0) { |a, f| a | FLAGS.fetch(f) { raise ArgumentError, "unknown flag #{f.inspect}" } }
    end

    def ffi_lib(*names)
      raise LoadError, "library names list must not be empty" if names.empty?
      flags = @ffi_lib_flags || (Core::RTLD_LAZY | Core::RTLD_LOCAL)
      @ffi_libs = names.map do |entry|
        alts = entry.is_a?(Array) ? entry : [entry]
        errors = []
        lib = nil
        alts.each do |n|
          if n == CURRENT_PROCESS || n.equal?(FFI::CURRENT_PROCESS)
            lib = DynamicLibrary.open_name(nil, flags)
            break
          end
          n = n.to_s
          n = LIBC if n == 'c' || n == 'libc'
          candidates = [n]
          candidates << "lib#{n}.so" unless n.include?('/') || n.include?('.so') || n.start_with?('lib')
          candidates.each do |c|
            r = DynamicLibrary.open_name(c, flags)
            if r.is_a?(DynamicLibrary)
              lib = r
              break
            end
            errors << "Could not open library '#{c}': #{r}"
          end
          break if lib
        end
        raise LoadError, errors.join(".\n") unless lib
        lib
      end
    end

    def ffi_libraries
      raise LoadError, "no library specified" unless @ffi_libs
      @ffi_libs
    end

    def ffi_convention(c = nil) = (@ffi_convention = c)

    def __ffi_typedefs = (@ffi_typedefs ||= {})
    # In function signatures a bare Struct class is a pointer to one (as in the gem);
    # Struct.by_value / by_ref say which explicitly. In a layout it is an inline struct.
    def find_type(t)
      return FFI::Type::POINTER if t.is_a?(Class) && t < FFI::Struct
      FFI.find_type(t, __ffi_typedefs)
    end

    def typedef(old, add, info = nil)
      __ffi_typedefs[add] = old.is_a?(Symbol) && old == :enum ? enum(info) : find_type(old)
    end

    def callback(*args)
      name = args[0].is_a?(Symbol) ? args.shift : nil
      params, ret = args
      raise ArgumentError, "wrong number of arguments" unless params.is_a?(Array) && ret
      raise TypeError, ":string is not allowed as return type of callbacks" if find_type(ret) == FFI::Type::STRING
      t = FFI::Type.callback(params.map { |p| FFI.native(find_type(p)) }, FFI.native(find_type(ret)))
      __ffi_typedefs[name] = t if name
      t
    end

    def enum(*args)
      native = args[0].is_a?(Type) ? args.shift : (args[0].is_a?(Symbol) && FFI::BUILTIN_TYPES[args[0]] && args[1].is_a?(Symbol) && args.size > 2 ? FFI::BUILTIN_TYPES[args.shift] : FFI::Type::INT32)
      name = args[0].is_a?(Symbol) ? args.shift : nil
      info = args.size == 1 && args[0].is_a?(Array) ? args[0] : args
      e = Enum.new(info, name, native)
      (@ffi_enums ||= []) << e
      __ffi_typedefs[name] = e if name
      e
    end

    def enum_type(name) = __ffi_typedefs[name].is_a?(Enum) ? __ffi_typedefs[name] : nil
    def enum_value(sym) = (@ffi_enums || []).each { |e| v = e[sym]; return v if v } && nil

    def __ffi_find_symbol(cname, what)
      ffi_libraries.each do |lib|
        a = Core.dlsym(lib.handle, cname.to_s)
        return a if a
      end
      raise FFI::NotFoundError, "#{what} '#{cname}' not found in [#{ffi_libraries.map(&:name).join(', ')}]"
    end

    def attach_function(name, *rest)
      cname = rest[0].is_a?(Symbol) || rest[0].is_a?(String) ? rest.shift : name
      params, ret, _opts = rest
      raise ArgumentError, "wrong number of arguments" unless params.is_a?(Array) && ret
      varargs = params.last == :varargs
      params = params[0..-2] if varargs
      ptypes = params.map { |p| find_type(p) }
      rtype = find_type(ret)
      addr = __ffi_find_symbol(cname, 'Function')
      natives = ptypes.map { |t| FFI.native(t) }
      rnative = FFI.native(rtype)
      conv_in = ptypes.map { |t| t.respond_to?(:to_native) ? t : nil }
      conv_out = rtype.respond_to?(:from_native) ? rtype : nil
      fns = (@ffi_functions ||= [])
      idx = fns.size
      const_set(:FFI_FUNCTIONS__, fns) unless const_defined?(:FFI_FUNCTIONS__, false)
      if varargs
        lib = self
        fns << [addr, rnative, natives, conv_in, conv_out]
        body = lambda do |*args|
          raise ArgumentError, "wrong number of arguments (#{args.size} for #{natives.size}+)" if args.size < natives.size
          fixed = args[0, natives.size].each_with_index.map { |a, i| conv_in[i] ? conv_in[i].to_native(a) : a }
          rest_args = args[natives.size..]
          raise ArgumentError, "variadic arguments come in type, value pairs" if rest_args.size.odd?
          vtypes = []
          vvals = []
          rest_args.each_slice(2) do |t, v|
            vt = lib.find_type(t)
            v = vt.to_native(v) if vt.respond_to?(:to_native)
            vt = FFI.native(vt)
            vt = FFI::Type::FLOAT64 if vt == FFI::Type::FLOAT32
            vt = FFI::Type::INT32 if [FFI::Type::INT8, FFI::Type::INT16, FFI::Type::BOOL].include?(vt)
            vt = FFI::Type::UINT32 if [FFI::Type::UINT8, FFI::Type::UINT16].include?(vt)
            vtypes << vt
            vvals << v
          end
          r = FFI::Function.call_variadic(addr, rnative, natives, vtypes, fixed + vvals)
          conv_out ? conv_out.from_native(r) : r
        end
        define_singleton_method(name, &body)
        define_method(name, &body)
        return nil
      end
      fn = FFI::Function.allocate
      fn.__send__(:__finit, rnative, natives, Pointer.new(addr))
      fns << fn
      params_s = (0...natives.size).map { |i| "a#{i}" }.join(', ')
      if conv_in.none? && !conv_out
        const_set(:"FFI_FUNCTION_#{idx}__", fn)
        src = "def self.#{name}(#{params_s}) = FFI_FUNCTION_#{idx}__.call(#{params_s})\n" \
              "def #{name}(#{params_s}) = FFI_FUNCTION_#{idx}__.call(#{params_s})\n"
        module_eval(src, __FILE__, __LINE__)
      else
        body = lambda do |*args|
          raise ArgumentError, "wrong number of arguments (#{args.size} for #{natives.size})" if args.size != natives.size
          args = args.each_with_index.map { |a, i| conv_in[i] ? conv_in[i].to_native(a) : a }
          r = fn.call(*args)
          conv_out ? conv_out.from_native(r) : r
        end
        define_singleton_method(name, &body)
        define_method(name, &body)
      end
      fn
    end

    def attach_variable(name, *rest)
      cname = rest.size > 1 ? rest.shift : name
      type = rest[0].is_a?(Class) && rest[0] < FFI::Struct ? rest[0].by_value : find_type(rest[0])
      addr = __ffi_find_symbol(cname, 'Symbol')
      ptr = Pointer.new(addr)
      if type.is_a?(StructByValue)
        s = type.struct_class.new(ptr)
        define_singleton_method(name) { s }
        define_method(name) { s }
        return nil
      end
      native = FFI.native(type)
      getter = lambda { type.respond_to?(:from_native) ? type.from_native(ptr.get(native, 0)) : ptr.get(native, 0) }
      setter = lambda { |v| ptr.put(native, 0, type.respond_to?(:to_native) ? type.to_native(v) : v); v }
      define_singleton_method(name, &getter)
      define_singleton_method(:"#{name}=", &setter)
      define_method(name, &getter)
      define_method(:"#{name}=", &setter)
      nil
    end
  end
end
