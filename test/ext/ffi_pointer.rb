# FFI::Pointer, MemoryPointer and Buffer: typed reads and writes, arithmetic,
# strings and bytes, arrays, pointers to pointers; FFI.type_size, Platform,
# Struct layout details (unions, explicit offsets, hash layout).
require 'ffi'

m = FFI::MemoryPointer.new(:int, 4)
p m.size, m.null?, m.class.ancestors.include?(FFI::Pointer) # expect: 16
                                      # expect: false
                                      # expect: true
p m.read_array_of_int(4)              # expect: [0, 0, 0, 0]
m.write_int(-7)
m.put_int(4, 2**31 - 1)
p m.read_int, m.get_int(4), m.get_uint32(0) # expect: -7
                                      # expect: 2147483647
                                      # expect: 4294967289
p (m + 4).read_int, (m + 4).size      # expect: 2147483647
                                      # expect: 12
m.put_array_of_int(8, [10, 20])
p m.get_array_of_int(0, 4)            # expect: [-7, 2147483647, 10, 20]
p m.read_bytes(4).bytes               # expect: [249, 255, 255, 255]
m.put_uint8(0, 1)
m.put_int16(2, -2)
p m.get_uint8(0), m.get_int16(2), m.get_char(0), m.get_uchar(3) # expect: 1
                                      # expect: -2
                                      # expect: 1
                                      # expect: 255

l = FFI::MemoryPointer.new(:long_long, 2)
l.write_long_long(-(2**60))
l.put_uint64(8, 2**64 - 1)
p l.read_long_long, l.get_uint64(8), l.get_int64(8) # expect: -1152921504606846976
                                      # expect: 18446744073709551615
                                      # expect: -1
d = FFI::MemoryPointer.new(:double, 2)
d.write_double(1.25)
d.put_float(8, 0.5)
p d.read_double, d.get_float(8)       # expect: 1.25
                                      # expect: 0.5

s = FFI::MemoryPointer.from_string("hello")
p s.size, s.read_string, s.get_string(1), s.read_string(3) # expect: 6
                                      # expect: "hello"
                                      # expect: "ello"
                                      # expect: "hel"
s.put_string(0, "hi")
p s.read_string.encoding, s.get_string(0).encoding # expect: #<Encoding:ASCII-8BIT>
                                      # expect: #<Encoding:ASCII-8BIT>
p s.read_string, s.get_bytes(0, 6)    # expect: "hi"
                                      # expect: "hi\x00lo\x00"
b = FFI::MemoryPointer.new(8)
b.write_bytes("abcdefgh")
p b.read_bytes(8), b.get_bytes(2, 3)  # expect: "abcdefgh"
                                      # expect: "cde"
b.put_bytes(2, "XYZW", 1, 2)
p b.read_bytes(8)                     # expect: "abYZefgh"

# pointers to pointers
pp_ = FFI::MemoryPointer.new(:pointer, 2)
pp_.write_pointer(s)
pp_.put_pointer(8, nil)
p pp_.read_pointer == s, pp_.read_pointer.read_string, pp_.get_pointer(8).null? # expect: true
                                      # expect: "hi"
                                      # expect: true
p pp_.read_pointer.address == s.address # expect: true
strs = [FFI::MemoryPointer.from_string("one"), FFI::MemoryPointer.from_string("two")]
argv = FFI::MemoryPointer.new(:pointer, 3)
argv.write_array_of_pointer(strs + [nil])
p argv.read_array_of_pointer(2).map(&:read_string) # expect: ["one", "two"]

p FFI::Pointer::NULL.null?, FFI::Pointer::NULL.address, FFI::Pointer.new(0) == FFI::Pointer::NULL # expect: true
                                      # expect: 0
                                      # expect: true
q = FFI::Pointer.new(0x1000)
p q.address, (q + 0x10).address, q.null?, q == FFI::Pointer.new(4096) # expect: 4096
                                      # expect: 4112
                                      # expect: false
                                      # expect: true
p FFI::Pointer.new(0x20).inspect      # expect: "#<FFI::Pointer address=0x0000000000000020>"
p FFI::Pointer.size                   # expect: 8

r = nil
FFI::MemoryPointer.new(:int, 2) { |x| x.write_int(5); r = x.read_int }
p r                                   # expect: 5
buf = FFI::Buffer.new(:int, 3)
buf.put_int(8, 9)
p buf.size, buf.get_int(8)            # expect: 12
                                      # expect: 9
p FFI::Buffer.new_out(16).size        # expect: 16

p FFI.type_size(:int), FFI.type_size(:pointer), FFI.type_size(:long_long), FFI.type_size(:double), FFI.type_size(:char), FFI.type_size(:short), FFI.type_size(:size_t) # expect: 4
                                      # expect: 8
                                      # expect: 8
                                      # expect: 8
                                      # expect: 1
                                      # expect: 2
                                      # expect: 8
p FFI::Platform::OS, FFI::Platform::ARCH, FFI::Platform::ADDRESS_SIZE, FFI::Platform::LONG_SIZE # expect: "linux"
                                      # expect: "x86_64"
                                      # expect: 64
                                      # expect: 64
p FFI::Platform::LIBSUFFIX, FFI::Library::LIBC # expect: "so"
                                      # expect: "libc.so.6"

class Num < FFI::Union
  layout :i, :int, :f, :float, :bytes, [:uint8, 8]
end
u = Num.new
u[:f] = 1.0
p Num.size, u[:i], Num.offset_of(:bytes) # expect: 8
                                      # expect: 1065353216
                                      # expect: 0

class Packed < FFI::Struct
  layout :a, :char, 0, :b, :int, 4, :c, :char, 8
end
p Packed.size, Packed.offsets         # expect: 12
                                      # expect: [[:a, 0], [:b, 4], [:c, 8]]

class Odd < FFI::Struct
  layout :c, :char, :d, :double, :s, :short
end
p Odd.size, Odd.offset_of(:d), Odd.offset_of(:s), Odd.alignment # expect: 24
                                      # expect: 8
                                      # expect: 16
                                      # expect: 8
o = Odd.new
o[:c] = 65
o[:d] = 2.5
p o[:c], o[:d], o[:s], o.values       # expect: 65
                                      # expect: 2.5
                                      # expect: 0
                                      # expect: [65, 2.5, 0]
o2 = Odd.new(o.to_ptr)
p o2[:d], o2.pointer == o.pointer     # expect: 2.5
                                      # expect: true
begin
  o[:nope]
rescue ArgumentError => e
  p e.message                         # expect: "No such field 'nope'"
end

class Named < FFI::Struct
  layout :name, [:char, 8], :vals, [:int, 3]
end
nm = Named.new
nm[:name].to_ptr.put_string(0, "abc")
p nm[:name].to_s, nm[:vals].size, nm[:vals].to_a # expect: "abc"
                                      # expect: 3
                                      # expect: [0, 0, 0]
nm[:name] = "xy"
p nm[:name].to_s                      # expect: "xy"
