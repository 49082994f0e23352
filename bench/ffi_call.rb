# ffi_call: calls of C functions through FFI (`require 'ffi'`; CRuby needs the
# ffi gem, Debian's ruby-ffi). Measures the attach_function call path: argument
# conversion, ffi_call, result conversion (libc abs, libm pow), plus a
# MemoryPointer write/read per iteration.
require 'ffi'

module LibC
  extend FFI::Library
  ffi_lib FFI::Library::LIBC
  attach_function :abs, [:int], :int
end

module LibM
  extend FFI::Library
  ffi_lib 'libm.so.6'
  attach_function :pow, [:double, :double], :double
end

N = 3_000_000
sum = 0
i = 0
while i < N
  sum += LibC.abs(-i)
  i += 1
end
raise "bad abs sum: #{sum}" unless sum == N * (N - 1) / 2
f = 0.0
m = FFI::MemoryPointer.new(:int)
j = 0
while j < 500_000
  f += LibM.pow(2.0, 3.0)
  m.write_int(j)
  raise "bad read" unless m.read_int == j
  j += 1
end
raise "bad pow sum: #{f}" unless f == 4_000_000.0
puts "ffi_call abs #{N}: #{sum}; pow: #{f}"
