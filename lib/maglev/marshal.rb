# maglev/marshal.rb -- Marshal.dump / Marshal.load in the 4.8 format, loaded on
# first use of Marshal (lib/prelude/autoload.rb). Covers nil, true, false,
# Integer, Float, String (with its encoding), Symbol, Regexp, Array, Hash (with
# a default), Range, Struct, plain objects and exceptions with their instance
# variables, Class/Module references, marshal_dump/marshal_load, _dump/_load,
# and shared references. Procs, IOs, bindings and other native objects raise
# TypeError, as in CRuby.
# An Encoding travels by name, as in CRuby (RDoc's ri cache holds one)
class Encoding
  def _dump(_limit = nil) = name
  def self._load(name) = find(name)
end

module Marshal
  MAJOR_VERSION = 4
  MINOR_VERSION = 8

  class Dumper # :nodoc:
    def initialize(limit)
      @out = "\x04\x08".b
      @syms = {}
      @objs = {}.compare_by_identity
      @limit = limit
    end

    attr_reader :out

    def w_byte(b) = @out << (b & 0xff).chr

    def w_long(n)
      if n == 0 then @out << "\0"
      elsif n > 0 && n < 123 then w_byte(n + 5)
      elsif n < 0 && n > -124 then w_byte(n - 5)
      else
        bytes = []
        x = n
        4.times do
          bytes << (x & 0xff)
          x >>= 8
          break if (n >= 0 && x == 0) || (n < 0 && x == -1)
        end
        w_byte(n >= 0 ? bytes.size : -bytes.size)
        bytes.each { |b| w_byte(b) }
      end
    end

    def w_bytes(s)
      s = s.b
      w_long(s.bytesize)
      @out << s
    end

    def w_symbol(sym)
      if (i = @syms[sym])
        @out << ";"
        w_long(i)
        return
      end
      @syms[sym] = @syms.size
      name = sym.to_s
      ivars = name.ascii_only? ? [] : enc_ivars(name)   # a binary Symbol has none, as CRuby writes it
      @out << (ivars.empty? ? ":" : "I:")
      w_bytes(name)
      w_ivars(ivars, 0) unless ivars.empty?
    end

    def class_name(klass)
      name = klass.name
      raise TypeError, "can't dump anonymous #{klass.instance_of?(Class) ? 'class' : 'module'} #{klass.inspect}" if name.nil?
      name.to_sym
    end

    def enc_ivars(s)
      case s.encoding
      when Encoding::BINARY then []
      when Encoding::UTF_8 then [[:E, true]]
      when Encoding::US_ASCII then [[:E, false]]
      else [[:encoding, s.encoding.name.b]]   # the name without ivars, as CRuby writes it
      end
    end

    # The loops that dump (and load) nested objects are Ruby loops, not
    # each/times: those are C, and every nesting level of the graph would
    # take C stack through them (a 10,000-deep Array dumps, as in CRuby).
    def w_ivars(pairs, depth)
      w_long(pairs.size)
      i = 0
      while i < pairs.size
        w_symbol(pairs[i][0])
        dump(pairs[i][1], depth)
        i += 1
      end
    end

    def obj_ivars(obj) = obj.instance_variables.map { |iv| [iv, obj.instance_variable_get(iv)] }

    def dump(obj, depth = 0)
      raise ArgumentError, "exceed depth limit" if @limit >= 0 && depth > @limit
      depth += 1
      case obj
      when nil then return @out << "0"
      when true then return @out << "T"
      when false then return @out << "F"
      when Symbol then return w_symbol(obj)
      when Integer
        if obj >= -(2**30) && obj < 2**30
          @out << "i"
          return w_long(obj)
        end
      end
      if (i = @objs[obj])
        @out << "@"
        return w_long(i)
      end
      @objs[obj] = @objs.size
      if obj.is_a?(Rational) || obj.is_a?(Complex)
        @out << "U"
        w_symbol(class_name(obj.class))
        return dump(obj.is_a?(Rational) ? [obj.numerator, obj.denominator] : [obj.real, obj.imaginary], depth)
      end
      if obj.respond_to?(:marshal_dump, true) && !obj.is_a?(Class) && !obj.is_a?(Module)
        @out << "U"
        w_symbol(class_name(obj.class))
        return dump(obj.__send__(:marshal_dump), depth)
      end
      if obj.respond_to?(:_dump, true) && !obj.is_a?(Module)
        data = obj.__send__(:_dump, @limit)
        raise TypeError, "_dump() must return string" unless data.is_a?(String)
        ivs = enc_ivars(data)
        @out << "I" unless ivs.empty?
        @out << "u"
        w_symbol(class_name(obj.class))
        w_bytes(data)
        w_ivars(ivs, depth) unless ivs.empty?
        return
      end
      case obj
      when Integer
        @out << "l" << (obj < 0 ? "-" : "+")
        x = obj.abs
        bytes = []
        while x > 0
          bytes << (x & 0xff)
          x >>= 8
        end
        bytes << 0 if bytes.size.odd?
        w_long(bytes.size / 2)
        bytes.each { |b| w_byte(b) }
      when Float
        @out << "f"
        w_bytes(if obj.nan? then "nan"
                elsif obj.infinite? then obj > 0 ? "inf" : "-inf"
                elsif obj == 0.0 then (1.0 / obj) < 0 ? "-0" : "0"
                else obj.to_s.sub(/\.0\z/, "").sub(/\.0e/, "e").sub("e+", "e")
                end)
      when String
        ivs = enc_ivars(obj) + obj_ivars(obj)
        @out << "I" unless ivs.empty?
        w_extended(obj, String)
        @out << '"'
        w_bytes(obj)
        w_ivars(ivs, depth) unless ivs.empty?
      when Regexp
        @out << "I"
        w_extended(obj, Regexp)
        @out << "/"
        w_bytes(obj.source)
        w_byte(obj.options & 7)
        w_ivars([[:E, !obj.source.ascii_only?]], depth)
      when Array
        w_extended(obj, Array)
        @out << "["
        w_long(obj.size)
        i = 0
        while i < obj.size
          dump(obj[i], depth)
          i += 1
        end
      when Hash
        raise TypeError, "can't dump hash with default proc" if obj.default_proc
        w_extended(obj, Hash)
        @out << (obj.default.nil? ? "{" : "}")
        w_long(obj.size)
        ks = obj.keys
        vs = obj.values
        i = 0
        while i < ks.size
          dump(ks[i], depth)
          dump(vs[i], depth)
          i += 1
        end
        dump(obj.default, depth) unless obj.default.nil?
      when Class
        raise TypeError, "singleton class can't be dumped" if obj.singleton_class?
        @out << "c"
        w_bytes(class_name(obj).to_s)
      when Module
        @out << "m"
        w_bytes(class_name(obj).to_s)
      when Struct
        @out << "S"
        w_symbol(class_name(obj.class))
        w_long(obj.members.size)
        ms = obj.members
        vs = obj.to_a
        i = 0
        while i < ms.size
          w_symbol(ms[i])
          dump(vs[i], depth)
          i += 1
        end
      when Range
        @out << "o"
        w_symbol(class_name(obj.class))
        w_ivars([[:excl, obj.exclude_end?], [:begin, obj.begin], [:end, obj.end]], depth)
      when Exception
        @out << "o"
        w_symbol(class_name(obj.class))
        w_ivars([[:mesg, obj.message], [:bt, obj.backtrace]] + obj_ivars(obj), depth)
      when IO, MatchData
        raise TypeError, "can't dump #{obj.is_a?(IO) ? 'IO' : 'MatchData'}"
      when Proc, Method, UnboundMethod, Binding, Thread, Thread::Mutex
        raise TypeError, "no _dump_data is defined for class #{obj.class}"
      else
        raise TypeError, "singleton can't be dumped" unless obj.singleton_methods.empty?
        @out << "o"
        w_symbol(class_name(obj.class))
        w_ivars(obj_ivars(obj), depth)
      end
    end

    def w_extended(obj, base)
      return if obj.class == base
      @out << "C"
      w_symbol(class_name(obj.class))
    end
  end

  class Loader # :nodoc:
    def initialize(src, proc, freeze)
      @src = src.b
      @pos = 0
      @syms = []
      @objs = []
      @proc = proc
      @freeze = freeze
    end

    def r_byte
      raise ArgumentError, "marshal data too short" if @pos >= @src.bytesize
      b = @src.getbyte(@pos)
      @pos += 1
      b
    end

    def r_long
      c = r_byte
      c -= 256 if c > 127
      return 0 if c == 0
      return c - 5 if c > 4
      return c + 5 if c < -4
      n = 0
      if c > 0
        c.times { |i| n |= r_byte << (8 * i) }
      else
        (-c).times { |i| n |= r_byte << (8 * i) }
        n -= 1 << (8 * -c)
      end
      n
    end

    def r_bytes
      n = r_long
      raise ArgumentError, "marshal data too short" if @pos + n > @src.bytesize
      s = @src.byteslice(@pos, n)
      @pos += n
      s
    end

    def r_symbol
      case r_byte.chr
      when ":" then r_symreal
      when ";" then @syms.fetch(r_long)
      when "I"
        raise ArgumentError, "dump format error (symlink with encoding)" unless r_byte.chr == ":"
        sym_i = @syms.size
        @syms << nil
        name = r_bytes
        r_long.times do
          k = r_symbol
          v = load
          name.force_encoding(Encoding::UTF_8) if k == :E && v
          name.force_encoding(v) if k == :encoding
        end
        @syms[sym_i] = name.force_encoding(name.ascii_only? ? Encoding::US_ASCII : name.encoding).to_sym
      else raise ArgumentError, "dump format error for symbol(0x#{@src.getbyte(@pos - 1).to_s(16)})"
      end
    end

    def r_symreal
      b = r_bytes                      # bytes with no encoding ivar: a binary Symbol unless ASCII, as CRuby's
      s = b.force_encoding(b.ascii_only? ? Encoding::US_ASCII : Encoding::BINARY).to_sym
      @syms << s
      s
    end

    def entry(obj)
      @objs << obj
      obj
    end

    def path2class(name)
      name.to_s.split("::").inject(Object) { |m, c| m.const_get(c) }
    rescue NameError
      raise ArgumentError, "undefined class/module #{name}"
    end

    def set_encoding(s, k, v)
      case k
      when :E then s.force_encoding(v ? Encoding::UTF_8 : Encoding::US_ASCII)
      when :encoding then s.force_encoding(v)
      else s.instance_variable_set(k, v)
      end
    end

    def post(obj)
      obj = obj.freeze if @freeze && !obj.is_a?(Module)
      @proc ? @proc.call(obj) : obj
    end

    def load
      t = r_byte.chr
      case t
      when "0" then post(nil)
      when "T" then post(true)
      when "F" then post(false)
      when "i" then post(r_long)
      when ":" then post(r_symreal)
      when ";" then post(@syms.fetch(r_long))
      when "@" then @objs.fetch(r_long)
      when "I"
        if @src.getbyte(@pos) == 0x3a  # a Symbol's encoding ivar makes it another Symbol (:"\xC3\xA9" is not :é)
          @pos -= 1
          return post(r_symbol)
        end
        obj = load_inner(r_byte.chr, nil, ivars: true)
        post(obj)
      else post(load_inner(t, nil))
      end
    end

    def load_inner(t, extended, ivars: false)
      case t
      when '"'
        idx = @objs.size
        s = entry(r_bytes)
        @objs[idx] = s = extended.new(s) if extended
        r_long.times { set_encoding(s, r_symbol, load) } if ivars
        s
      when "/"
        src = r_bytes
        opts = r_byte
        r_long.times { k = r_symbol; v = load; src.force_encoding(v ? Encoding::UTF_8 : Encoding::US_ASCII) if k == :E } if ivars
        entry(Regexp.new(src, opts))
      when "u"
        klass = path2class(r_symbol)
        data = r_bytes
        r_long.times { set_encoding(data, r_symbol, load) } if ivars
        entry(klass._load(data))
      when ":"
        sym = r_symreal
        sym
      when "C"
        klass = path2class(r_symbol)
        load_inner(r_byte.chr, klass, ivars: ivars)
      else
        obj = load_plain(t, extended)
        if ivars                       # loops that load nested objects: see w_ivars
          n = r_long
          while (n -= 1) >= 0
            k = r_symbol
            obj.instance_variable_set(k, load)
          end
        end
        obj
      end
    end

    def load_plain(t, extended)
      case t
      when "l"
        sign = r_byte.chr
        n = r_long
        x = 0
        (n * 2).times { |i| x |= r_byte << (8 * i) }
        entry(sign == "-" ? -x : x)
      when "f"
        s = r_bytes
        entry(case s
              when "nan" then Float::NAN
              when "inf" then Float::INFINITY
              when "-inf" then -Float::INFINITY
              else Float(s)
              end)
      when "["
        a = entry(extended ? extended.new : [])
        n = r_long
        a << load while (n -= 1) >= 0
        a
      when "{", "}"
        h = entry(extended ? extended.new : {})
        n = r_long
        while (n -= 1) >= 0
          k = load
          h[k] = load
        end
        h.default = load if t == "}"
        h
      when "c", "m", "M"
        entry(path2class(r_bytes))
      when "S"
        klass = path2class(r_symbol)
        idx = @objs.size
        entry(nil)
        vals = {}
        n = r_long
        while (n -= 1) >= 0
          k = r_symbol
          vals[k] = load
        end
        obj = klass.allocate
        vals.each { |k, v| obj[k] = v }
        @objs[idx] = obj
      when "o"
        klass = path2class(r_symbol)
        idx = @objs.size
        entry(nil)
        pairs = []
        n = r_long
        while (n -= 1) >= 0
          k = r_symbol
          pairs << [k, load]
        end
        obj =
          if klass <= Exception
            e = klass.allocate
            h = pairs.to_h
            e = klass.new(h[:mesg]) rescue klass.exception(h[:mesg])
            e.set_backtrace(h[:bt]) if h[:bt]
            pairs.each { |k, v| e.instance_variable_set(k, v) if k.start_with?("@") }
            e
          elsif klass <= Range
            h = pairs.to_h
            klass.new(h[:begin], h[:end], h[:excl])
          else
            o = klass.allocate
            pairs.each { |k, v| o.instance_variable_set(k, v) }
            o
          end
        @objs[idx] = obj
      when "U"
        klass = path2class(r_symbol)
        if klass == Rational || klass == Complex
          idx = @objs.size
          entry(nil)
          a, b = load
          obj = klass == Rational ? Rational(a, b) : Complex(a, b)
          return @objs[idx] = obj
        end
        obj = klass.allocate
        idx = @objs.size
        entry(obj)
        data = load
        raise TypeError, "instance of #{klass} needs to have method `marshal_load'" unless obj.respond_to?(:marshal_load, true)
        obj.__send__(:marshal_load, data)
        @objs[idx] = obj
      when "e"
        mod = path2class(r_symbol)
        obj = load
        obj.extend(mod)
      else
        raise ArgumentError, "dump format error(0x#{t.ord.to_s(16)})"
      end
    end
  end

  def self.dump(obj, io = nil, limit = -1)
    if io.is_a?(Integer)
      limit, io = io, nil
    end
    d = Dumper.new(limit)
    d.dump(obj)
    return d.out unless io
    raise TypeError, "instance of IO needed" unless io.respond_to?(:write)
    io.write(d.out)
    io
  end

  def self.load(src, proc = nil, freeze: false)
    if src.respond_to?(:to_str)
      src = src.to_str
    elsif src.respond_to?(:read)
      src = src.read
    else
      raise TypeError, "instance of IO needed"
    end
    raise ArgumentError, "marshal data too short" if src.bytesize < 2
    major, minor = src.getbyte(0), src.getbyte(1)
    if major != MAJOR_VERSION || minor > MINOR_VERSION
      raise TypeError, "incompatible marshal file format (can't be read)\n\tformat version #{MAJOR_VERSION}.#{MINOR_VERSION} required; #{major}.#{minor} given"
    end
    l = Loader.new(src, proc, freeze)
    l.instance_variable_set(:@pos, 2)
    l.load
  end

  class << self
    alias restore load
  end
end
