#!/usr/bin/env bash
# FFI objects never persist: a Pointer, MemoryPointer, Function or a Struct's
# memory reached from the root makes the commit raise TransactionError with a
# clear message, and the rest of the repository is unchanged.
. "$(dirname "$0")/lib.sh"
mrb 'Maglev[:ok] = "kept"; Maglev.commit' >/dev/null
expect "a MemoryPointer cannot be committed" "$(mrb 'require "ffi"
Maglev[:mp] = FFI::MemoryPointer.new(:int, 4)
begin; Maglev.commit; rescue TransactionError => e; puts e.message; end')" \
  "cannot commit FFI::MemoryPointer at Maglev::PERSISTENT_ROOT[:mp]: objects of this kind cannot be persisted"
expect "a Pointer inside an Array cannot be committed" "$(mrb 'require "ffi"
Maglev[:list] = [1, FFI::Pointer.new(16)]
begin; Maglev.commit; rescue TransactionError => e; puts e.class; end')" "TransactionError"
expect "a Function (a C closure of a Proc) cannot be committed" "$(mrb 'require "ffi"
Maglev[:fn] = FFI::Function.new(:int, [:int]) { |x| x }
begin; Maglev.commit; rescue TransactionError => e; puts e.class; end')" "TransactionError"
expect "a Struct of a persistent class cannot be committed (its memory is C memory)" "$(mrb 'require "ffi"
Maglev.persistent { class PPoint < FFI::Struct; end }
PPoint.layout :x, :int, :y, :int
Maglev[:pt] = PPoint.new
begin; Maglev.commit; rescue TransactionError => e; puts e.class; end')" "TransactionError"
expect "a Proc used as a C callback holds its closure: committing it names the path" "$(mrb 'require "ffi"
module L; extend FFI::Library; ffi_lib "c"; callback :cmp, [:pointer, :pointer], :int
  attach_function :qsort, [:pointer, :size_t, :size_t, :cmp], :void; end
c = ->(a, b) { a.read_int <=> b.read_int }
m = FFI::MemoryPointer.new(:int, 3); m.write_array_of_int([3, 1, 2]); L.qsort(m, 3, 4, c)
Maglev[:cb] = c
begin; Maglev.commit; rescue TransactionError => e; puts e.message; end')" \
  "cannot commit FFI::Function at Maglev::PERSISTENT_ROOT[:cb].__ffi_closure: objects of this kind cannot be persisted"
expect "a binding module defined in persistent mode cannot be committed (its library is a process handle)" "$(mrb 'require "ffi"
Maglev.persistent { module PLib; extend FFI::Library; ffi_lib "c"; attach_function :abs, [:int], :int; end }
p PLib.abs(-2)
begin; Maglev.commit; rescue TransactionError => e; puts e.message.sub(/ at .*: /, " at ...: "); end')" \
  $'2\ncannot commit FFI::DynamicLibrary at ...: its class was defined in transient mode'
expect "FFI classes refuse persistable instances" "$(mrb 'require "ffi"
begin; FFI::MemoryPointer.maglev_instances_persistable = true; rescue Maglev::NotPersistableException => e; puts e.message; end')" \
  "FFI::MemoryPointer is not persistable"
expect "the failed commits changed nothing" "$(mrb 'p Maglev[:ok], Maglev[:mp], Maglev[:list], Maglev[:fn], Maglev[:pt], Maglev[:cb]')" \
  $'"kept"\nnil\nnil\nnil\nnil\nnil'
finish
