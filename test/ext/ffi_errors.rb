# FFI misuse raises clear Ruby exceptions (never a crash): missing functions
# and libraries, NULL and out-of-bounds memory access, wrong argument types,
# unknown types, bad callbacks.
require 'ffi'

module LibC
  extend FFI::Library
  ffi_lib 'c'
  attach_function :abs, [:int], :int
  attach_function :strlen, [:string], :size_t
  attach_function :labs_bool, :labs, [:bool], :long
  attach_function :strlen_ptr, :strlen, [:pointer], :size_t
  callback :cmp, [:pointer, :pointer], :int
  attach_function :qsort, [:pointer, :size_t, :size_t, :cmp], :void
end

def try
  yield
  puts "no error"
rescue Exception => e
  puts "#{e.class}: #{e.message}"
end

try { LibC.abs("x") }                 # expect: TypeError: no implicit conversion of String into Integer
try { LibC.abs(nil) }                 # expect: TypeError: no implicit conversion from nil to integer
try { LibC.strlen(5) }                # expect: TypeError: no implicit conversion of Integer into String
try { LibC.labs_bool(1) }             # expect: TypeError: wrong argument type  (expected a boolean parameter)
try { LibC.strlen_ptr(5) }            # expect: ArgumentError: :pointer argument is not a valid pointer
try { LibC.qsort(nil, 0, 4, 5) }      # expect: TypeError: wrong argument type Integer, expected pointer or proc
begin
  LibC.abs(1, 2)
rescue ArgumentError => e
  p e.class                           # expect: ArgumentError
end
begin
  LibC.abs
rescue ArgumentError => e
  p e.class                           # expect: ArgumentError
end

try { module LibC; attach_function :no_such_function_here, [], :int; end }
# expect: FFI::NotFoundError: Function 'no_such_function_here' not found in [libc.so.6]
p FFI::NotFoundError.ancestors.include?(LoadError) # expect: true
try { module LibX; extend FFI::Library; ffi_lib 'no_such_lib_maglev'; end }
# expect: LoadError: Could not open library 'no_such_lib_maglev': no_such_lib_maglev: cannot open shared object file: No such file or directory.
# expect: Could not open library 'libno_such_lib_maglev.so': libno_such_lib_maglev.so: cannot open shared object file: No such file or directory
try { module LibY; extend FFI::Library; ffi_lib 'libnope_maglev.so.3'; end }
# expect: LoadError: Could not open library 'libnope_maglev.so.3': libnope_maglev.so.3: cannot open shared object file: No such file or directory
try { module LibZ; extend FFI::Library; ffi_lib ['libnope_maglev.so.3', 'libm.so.6']; attach_function :cos, [:double], :double; p cos(0.0); end }
# expect: 1.0
# expect: no error
try { module LibC; attach_function :bad_type, :abs, [:no_such_type], :int; end }
# expect: TypeError: unable to resolve type 'no_such_type'
try { FFI::MemoryPointer.new(:no_such_type) }
# expect: TypeError: unable to resolve type 'no_such_type'
try { module LibC; callback :bad_cb, [:int], :string; end }
# expect: TypeError: :string is not allowed as return type of callbacks

try { FFI::Pointer::NULL.read_int }   # expect: FFI::NullPointerError: invalid memory read at address=0x0000000000000000
try { FFI::Pointer.new(0).read_string } # expect: FFI::NullPointerError: invalid memory read at address=0x0000000000000000
try { FFI::Pointer::NULL.read_pointer } # expect: FFI::NullPointerError: invalid memory read at address=0x0000000000000000
try { FFI::Pointer::NULL.write_int(1) } # expect: FFI::NullPointerError: invalid memory write at address=0x0000000000000000
try { FFI::MemoryPointer.new(:int, 2).get_int(8) }  # expect: IndexError: Memory access offset=8 size=4 is out of bounds
try { FFI::MemoryPointer.new(:int, 2).get_int(-1) } # expect: IndexError: Memory access offset=-1 size=4 is out of bounds
try { FFI::MemoryPointer.new(4).put_int64(0, 1) }   # expect: IndexError: Memory access offset=0 size=8 is out of bounds
try { FFI::MemoryPointer.new(3).read_bytes(4) }     # expect: IndexError: Memory access offset=0 size=4 is out of bounds
p FFI::NullPointerError.ancestors.include?(RuntimeError) # expect: true

try { module NoLib; extend FFI::Library; attach_function :abs, [:int], :int; end } # expect: LoadError: no library specified
try { FFI::Pointer.new("x") }         # expect: TypeError: wrong argument type, expected Integer or FFI::Pointer
try { FFI::Function.new(:int, [:int], nil) } # expect: TypeError: wrong argument type NilClass, expected pointer or proc
try { Object.new.extend(FFI::Library) } # expect: RuntimeError: must only be extended by module

# exceptions raised in a callback come out of the C call that ran it
ints = FFI::MemoryPointer.new(:int, 3)
ints.write_array_of_int([3, 1, 2])
try { LibC.qsort(ints, 3, 4, ->(a) { 0 }) } # expect: ArgumentError: wrong number of arguments (given 2, expected 1)
try { LibC.qsort(ints, 3, 4, ->(a, b) { "x" }) } # expect: TypeError: no implicit conversion of String into Integer
try { LibC.qsort(ints, 3, 4, ->(a, b) { raise "boom" }) } # expect: RuntimeError: boom
p ints.read_array_of_int(3).sort      # expect: [1, 2, 3]

class P1 < FFI::Struct; layout :x, :int; end
class Q1 < FFI::Struct; layout :y, :int; end
module LibC; attach_function :strlen_s, :strlen, [P1.by_ref], :size_t; end
try { LibC.strlen_s(Q1.new) }         # expect: TypeError: wrong argument type Q1 (expected P1)
try { P1.new[:x] = "a" }              # expect: TypeError: no implicit conversion of String into Integer
try { FFI::Struct.new }               # expect: RuntimeError: no Struct layout configured for FFI::Struct
try { class R1 < FFI::Struct; end; R1.new } # expect: RuntimeError: no Struct layout configured for R1
