# FFI against libc and libm: scalar calls, :string in and out, varargs,
# a Ruby comparator passed to qsort as a C function pointer.
require 'ffi'

module LibC
  extend FFI::Library
  ffi_lib FFI::Library::LIBC
  attach_function :abs, [:int], :int
  attach_function :labs, [:long], :long
  attach_function :strlen, [:string], :size_t
  attach_function :getpid, [], :int
  attach_function :puts, [:string], :int
  attach_function :fflush, [:pointer], :int
  attach_function :c_strchr, :strchr, [:string, :int], :string
  attach_function :getenv, [:string], :string
  attach_function :snprintf, [:pointer, :size_t, :string, :varargs], :int
  attach_function :atoi, [:string], :int
  attach_function :strtoul, [:string, :pointer, :int], :ulong
  attach_function :toupper, [:int], :int
  callback :compare, [:pointer, :pointer], :int
  attach_function :qsort, [:pointer, :size_t, :size_t, :compare], :void
end

module LibM
  extend FFI::Library
  ffi_lib 'libm.so.6'
  attach_function :cos, [:double], :double
  attach_function :pow, [:double, :double], :double
  attach_function :floorf, [:float], :float
end

p LibC.abs(-42)                       # expect: 42
p LibC.labs(-(2**40))                 # expect: 1099511627776
p LibC.strlen("hello, world")         # expect: 12
p LibC.getpid == Process.pid          # expect: true
p LibC.c_strchr("key=value", "=".ord) # expect: "=value"
p LibC.c_strchr("abc", "z".ord)       # expect: nil
p LibC.getenv("MAGLEV_FFI_SURELY_UNSET_VARIABLE") # expect: nil
p LibC.atoi("1234xyz")                # expect: 1234
p LibC.strtoul("ffffffff", nil, 16)   # expect: 4294967295
p LibC.toupper("q".ord).chr           # expect: "Q"

$stdout.flush
LibC.puts("written by C puts")        # expect: written by C puts
LibC.fflush(nil)

buf = FFI::MemoryPointer.new(:char, 64)
n = LibC.snprintf(buf, 64, "%d|%s|%.3f|%ld|%c", :int, 42, :string, "str", :double, 2.5, :long, 2**40, :char, 65)
p n                                   # expect: 28
p buf.read_string                     # expect: "42|str|2.500|1099511627776|A"
p LibC.snprintf(buf, 64, "no args")   # expect: 7
p buf.read_string                     # expect: "no args"

nums = [33, 7, -5, 1000, 0, 7, 12]
arr = FFI::MemoryPointer.new(:int, nums.size)
arr.write_array_of_int(nums)
calls = 0
LibC.qsort(arr, nums.size, FFI.type_size(:int), lambda { |a, b| calls += 1; a.read_int <=> b.read_int })
p arr.read_array_of_int(nums.size)    # expect: [-5, 0, 7, 7, 12, 33, 1000]
p calls > 0                           # expect: true
# descending, with a Proc made from a block
cmp = proc { |a, b| b.read_int <=> a.read_int }
LibC.qsort(arr, nums.size, 4, cmp)
p arr.read_array_of_int(nums.size)    # expect: [1000, 33, 12, 7, 7, 0, -5]
# doubles, comparator as a Method
darr = FFI::MemoryPointer.new(:double, 4)
darr.write_array_of_double([2.5, -1.0, 9.75, 0.5])
def by_double(a, b) = a.read_double <=> b.read_double
LibC.qsort(darr, 4, 8, method(:by_double))
p darr.read_array_of_double(4)        # expect: [-1.0, 0.5, 2.5, 9.75]

p LibM.cos(0.0)                       # expect: 1.0
p LibM.pow(2.0, 10)                   # expect: 1024.0
p LibM.pow(9, 0.5)                    # expect: 3.0
p LibM.floorf(2.75)                   # expect: 2.0

# several libraries at once, flags, the current process, an attached Function object
module Both
  extend FFI::Library
  ffi_lib_flags :now, :global
  ffi_lib 'c', 'libm.so.6'
  attach_function :abs, [:int], :int
  attach_function :sqrt, [:double], :double
end
p Both.abs(-3), Both.sqrt(16.0)       # expect: 3
                                      # expect: 4.0
p Both.ffi_libraries.map(&:name)      # expect: ["libc.so.6", "libm.so.6"]
module Self
  extend FFI::Library
  ffi_lib FFI::CURRENT_PROCESS
  attach_function :strlen, [:string], :size_t
end
p Self.strlen("four")                 # expect: 4
class Includer
  include LibC
end
p Includer.new.send(:abs, -9)         # expect: 9
p LibC.respond_to?(:strlen), FFI::Function.new(:int, [:int], LibC.ffi_libraries.first.find_function("abs")).call(-11) # expect: true
                                      # expect: 11
