# skip under asan: it frees libc's strdup through libc's own free, dlsym'd past ASan's malloc interposer (strdup's malloc is ASan's), which aborts the sanitized build only
# Everyday FFI idioms: typedef'd handles, enums as arguments and struct fields,
# out-parameters, variadic open(2), FFI.errno, :buffer_out, :string struct fields.
require 'ffi'
module C
  extend FFI::Library
  ffi_lib 'c'
  typedef :pointer, :handle
  enum :whence, [:set, 0, :cur, :end]
  attach_function :strtol, [:string, :pointer, :int], :long
  attach_function :open, [:string, :int, :varargs], :int, blocking: true
  attach_function :close, [:int], :int
  attach_function :lseek, [:int, :long, :whence], :long
  attach_function :strdup, [:string], :handle
  attach_function :free, [:handle], :void
  attach_function :sprintf, [:buffer_out, :string, :varargs], :int
end
endp = FFI::MemoryPointer.new(:pointer)
num = "123abc"     # endp points into it: it must stay alive until read
p C.strtol(num, endp, 10), endp.read_pointer.read_string
p C.open("/nonexistent/maglev/ffi", 0), FFI.errno == Errno::ENOENT::Errno
fd = C.open(__FILE__, 0)
p C.lseek(fd, 0, :end) == File.size(__FILE__), C.lseek(fd, 5, :set)
C.close(fd)
h = C.strdup("dup me"); p h.class, h.read_string; C.free(h)
b = FFI::Buffer.new(32); p C.sprintf(b, "%s=%p", :string, "k", :pointer, FFI::Pointer.new(0x10)), b.get_string(0)
class Rec < FFI::Struct
  layout :name, :string, :kind, C.enum_type(:whence), :ptr, :pointer
end
r = Rec.new
s = FFI::MemoryPointer.from_string("nm")
r[:ptr] = s
r.pointer.put_pointer(0, s)
r[:kind] = :cur
p r[:name], r[:kind], r[:ptr] == s, r.to_ptr.get_int(8)
p C.ffi_libraries.size, C.enum_value(:end), C.respond_to?(:open)

# expect: 123
# expect: "abc"
# expect: -1
# expect: true
# expect: true
# expect: 5
# expect: FFI::Pointer
# expect: "dup me"
# expect: 6
# expect: "k=0x10"
# expect: "nm"
# expect: :cur
# expect: true
# expect: 1
# expect: 1
# expect: 2
# expect: true
