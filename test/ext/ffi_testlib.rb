# FFI against a tiny C library built here with gcc (ffi_testlib.c): integer
# widths, float/double/bool, strings in and out, arrays through pointers,
# structs by reference and by value (nested too), callbacks, enums, variables.
require 'ffi'
require 'tmpdir'
require 'fileutils'

dir = Dir.mktmpdir("maglev_ffi")
at_exit { FileUtils.rm_rf(dir) }
SO = File.join(dir, "libffitest.so")
system("gcc", "-shared", "-fPIC", "-O1", "-o", SO, File.join(__dir__, "ffi_testlib.c")) or abort "gcc failed"

class Point < FFI::Struct
  layout :x, :int, :y, :int
end

class Seg < FFI::Struct
  layout :a, Point, :b, Point, :weight, :double
end

class Rec < FFI::Struct
  layout :name, [:char, 8], :vals, [:int, 3], :id, :long, :next, Point.by_ref
end

class Mixed < FFI::Struct
  layout :tag, :int8, :value, :double
end

module T
  extend FFI::Library
  ffi_lib SO
  enum :color, [:red, :green, 5, :blue]
  typedef :int, :my_int
  attach_function :make_point, [:int, :int], Point.by_value
  attach_function :add_points, [Point.by_value, Point.by_value], Point.by_value
  attach_function :point_sum, [:pointer], :int
  attach_function :point_sum_ref, :point_sum, [Point.by_ref], :int
  attach_function :point_scale, [Point.by_ref, :my_int], :void
  attach_function :point_new, [:int, :int], Point.by_ref
  attach_function :point_free, [:pointer], :void
  attach_function :null_point, [], Point.by_ref
  attach_function :make_seg, [:int, :int, :int, :int, :double], Seg.by_value
  attach_function :seg_weighted, [Seg.by_value], :double
  attach_function :make_mixed, [:int8, :double], Mixed.by_value
  attach_function :rec_fill, [:pointer, :long], :void
  attach_function :add64, [:int64, :int64], :int64
  attach_function :max_u64, [], :uint64
  attach_function :max_u32, [], :uint32
  attach_function :neg8, [:int8], :int8
  attach_function :inc_u8, [:uint8], :uint8
  attach_function :neg16, [:int16], :int16
  attach_function :inc_u16, [:uint16], :uint16
  attach_function :halve_f, [:float], :float
  attach_function :mix, [:int, :float, :double], :double
  attach_function :is_even, [:int], :bool
  attach_function :negate, [:bool], :bool
  attach_function :sum_ints, [:pointer, :int], :long
  attach_function :fill_squares, [:pointer, :int], :void
  attach_function :avg_doubles, [:pointer, :int], :double
  attach_function :greeting, [], :string
  attach_function :maybe_str, [:int], :string
  attach_function :count_char, [:string, :char], :int
  attach_function :upcase_in_place, [:pointer], :void
  callback :int_fn, [:int], :int
  callback :int2_fn, [:int, :int], :int
  callback :dbl_fn, [:double], :double
  callback :void_fn, [:int], :void
  callback :str_fn, [:string], :int
  callback :point_fn, [:pointer], :int
  callback :pred_fn, [:int64], :bool
  attach_function :apply, [:int_fn, :int], :int
  attach_function :apply2, [:int2_fn, :int, :int], :int
  attach_function :apply_d, [:dbl_fn, :double], :double
  attach_function :call_n, [:void_fn, :int], :int
  attach_function :apply_s, [:str_fn, :string], :int
  attach_function :sum_points_cb, [:point_fn, :int], :int
  attach_function :pred_cb, [:pred_fn, :int64], :bool
  attach_function :save_cb, [:int_fn], :void
  attach_function :run_saved, [:int], :int
  attach_function :next_color, [:color], :color
  attach_function :color_value, [:color], :int
  attach_variable :global_counter, :int
  attach_variable :global_point, Point
end

# integers, floats, bools
p T.add64(2**40, 2**41)               # expect: 3298534883328
p T.add64(-(2**62), -(2**62))         # expect: -9223372036854775808
p T.max_u64                           # expect: 18446744073709551615
p T.max_u32                           # expect: 4294967295
p T.neg8(100), T.neg8(-128)           # expect: -100
                                      # expect: -128
p T.inc_u8(255), T.inc_u8(7)          # expect: 0
                                      # expect: 8
p T.neg16(-30000), T.inc_u16(65535)   # expect: 30000
                                      # expect: 0
p T.halve_f(5.0), T.halve_f(1)        # expect: 2.5
                                      # expect: 0.5
p T.mix(1, 0.5, 0.25)                 # expect: 1.75
p T.is_even(10), T.is_even(7)         # expect: true
                                      # expect: false
p T.negate(false)                     # expect: true

# strings
p T.greeting                          # expect: "hello from C"
p T.greeting.encoding                 # expect: #<Encoding:ASCII-8BIT>
p T.maybe_str(1), T.maybe_str(0)      # expect: "yes"
                                      # expect: nil
p T.count_char("banana", "a".ord)     # expect: 3
s = FFI::MemoryPointer.from_string("make me loud")
T.upcase_in_place(s)
p s.read_string                       # expect: "MAKE ME LOUD"

# arrays through pointers
ints = FFI::MemoryPointer.new(:int, 6)
ints.write_array_of_int([1, 2, 3, 4, 5, 6])
p T.sum_ints(ints, 6)                 # expect: 21
out = FFI::MemoryPointer.new(:int, 5)
T.fill_squares(out, 5)
p out.read_array_of_int(5)            # expect: [0, 1, 4, 9, 16]
p out.get_int(8), (out + 12).read_int # expect: 4
                                      # expect: 9
ds = FFI::MemoryPointer.new(:double, 3)
ds.put_array_of_double(0, [1.5, 2.5, 5.0])
p T.avg_doubles(ds, 3)                # expect: 3.0

# structs by value
pt = T.make_point(3, -4)
p pt.class, pt[:x], pt[:y]            # expect: Point
                                      # expect: 3
                                      # expect: -4
q = T.add_points(pt, T.make_point(10, 20))
p [q[:x], q[:y]]                      # expect: [13, 16]
seg = T.make_seg(1, 2, 4, 8, 0.5)
p seg[:a][:x], seg[:b][:y], seg[:weight] # expect: 1
                                      # expect: 8
                                      # expect: 0.5
p T.seg_weighted(seg)                 # expect: 4.5
seg[:weight] = 2.0
seg[:b][:x] = 11
p T.seg_weighted(seg)                 # expect: 32.0
m = T.make_mixed(-3, 6.25)
p [m[:tag], m[:value]]                # expect: [-3, 6.25]

# structs by reference
r = Point.new
r[:x] = 5
r[:y] = 7
p T.point_sum(r), T.point_sum(r.to_ptr), T.point_sum_ref(r) # expect: 12
                                      # expect: 12
                                      # expect: 12
T.point_scale(r, 3)
p [r[:x], r[:y]]                      # expect: [15, 21]
hp = T.point_new(8, 9)
p hp.class, hp[:x] + hp[:y]           # expect: Point
                                      # expect: 17
T.point_free(hp)
p T.null_point.class, T.null_point.null? # expect: Point
                                      # expect: true

# struct metadata, nested arrays and pointer fields
p Point.size, Seg.size, Rec.size, Mixed.size # expect: 8
                                      # expect: 24
                                      # expect: 40
                                      # expect: 16
p Seg.members                         # expect: [:a, :b, :weight]
p Seg.offset_of(:weight), Rec.offset_of(:id), Rec.offset_of(:next) # expect: 16
                                      # expect: 24
                                      # expect: 32
rec = Rec.new
T.rec_fill(rec, 7)
p rec[:vals].to_a, rec[:id], rec[:next].null? # expect: [7, 14, 21]
                                      # expect: 7
                                      # expect: true
p rec[:name].to_a.take(4)             # expect: [114, 101, 99, 0]
rec[:vals][1] = 99
p rec[:vals][1], rec.to_ptr.get_int(Rec.offset_of(:vals) + 4) # expect: 99
                                      # expect: 99
rec[:next] = r
p rec[:next][:y]                      # expect: 21

# callbacks
p T.apply(->(x) { x * x }, 12)        # expect: 144
p T.apply2(proc { |a, b| a - b }, 10, 3) # expect: 7
p T.apply_d(->(d) { d / 4 }, 10.0)    # expect: 2.5
seen = []
p T.call_n(->(i) { seen << i }, 4)    # expect: 4
p seen                                # expect: [0, 1, 2, 3]
p T.apply_s(->(s) { s.count("o") }, "foo boo") # expect: 4
p T.sum_points_cb(->(ptr) { pt2 = Point.new(ptr); pt2[:x] + pt2[:y] }, 4) # expect: 66
p T.pred_cb(->(v) { v > 2**40 }, 2**41) # expect: true
keep = FFI::Function.new(:int, [:int]) { |v| v + 1000 }
T.save_cb(keep)
p T.run_saved(5)                      # expect: 1005
p keep.call(1)                        # expect: 1001
begin
  T.apply(->(x) { raise ArgumentError, "from the callback #{x}" }, 3)
rescue ArgumentError => e
  p e.message                         # expect: "from the callback 3"
end

# enums and typedefs
p T.next_color(:red), T.next_color(:green), T.next_color(:blue) # expect: :green
                                      # expect: :blue
                                      # expect: :red
p T.color_value(:blue), T.color_value(5) # expect: 6
                                      # expect: 5
e = T.enum_type(:color)
p e[:green], e[6], e.symbols          # expect: 5
                                      # expect: :blue
                                      # expect: [:red, :green, :blue]

# variables
p T.global_counter                    # expect: 7
T.global_counter = 41
p T.global_counter + 1                # expect: 42
p T.global_point[:x], T.global_point[:y] # expect: 3
                                      # expect: 4

# ManagedStruct / AutoPointer: the release method runs once, at #free
class OwnedPoint < FFI::ManagedStruct
  layout :x, :int, :y, :int
  @released = []
  class << self
    attr_reader :released
    def release(ptr)
      @released << ptr.address
      T.point_free(ptr)
    end
  end
end
module T
  attach_function :point_new_raw, :point_new, [:int, :int], :pointer
end
raw = T.point_new_raw(2, 3)
op = OwnedPoint.new(raw)
p op[:x] + op[:y], op.to_ptr.class    # expect: 5
                                      # expect: FFI::AutoPointer
op.to_ptr.free
op.to_ptr.free
p OwnedPoint.released == [raw.address] # expect: true
freed = []
ap = FFI::AutoPointer.new(T.point_new_raw(1, 1), ->(ptr) { freed << :once; T.point_free(ptr) })
ap.autorelease = false
p ap.autorelease?                     # expect: false
ap.free
p freed                               # expect: [:once]
begin
  FFI::AutoPointer.new(FFI::MemoryPointer.new(4), ->(ptr) {})
rescue TypeError => e
  p e.message                         # expect: "Invalid pointer"
end

# a Proc passed where C keeps the function pointer stays callable while the Proc lives
HANDLER = ->(v) { v * 3 }
T.save_cb(HANDLER)
GC.start
p T.run_saved(7), T.run_saved(8)      # expect: 21
                                      # expect: 24

# a bare Struct class in a signature is a pointer to one; in a layout, an inline struct
module T
  attach_function :point_sum_bare, :point_sum, [Point], :int
  attach_function :point_new_bare, :point_new, [:int, :int], Point
end
bp = Point.new
bp[:x] = 4
bp[:y] = 5
p T.point_sum_bare(bp)                # expect: 9
raw2 = T.point_new_bare(6, 1)
p raw2.class, Point.new(raw2)[:x]     # expect: FFI::Pointer
                                      # expect: 6
T.point_free(raw2)
