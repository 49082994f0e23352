/* ffi.c -- the C core of `require 'ffi'` (feature "ffi_c"), on the system
 * libffi and dlopen. lib/ffi.rb builds the gem's everyday API (FFI::Library,
 * FFI::Struct, enums, typedefs, the read_/write_ helpers) on these pieces:
 *
 *  - FFI::Type: a native type. Builtins are the constants FFI::Type::INT32 ...;
 *    FFI::Type.struct(types) is a struct passed by value (libffi struct type),
 *    FFI::Type.callback(args, ret) a C function pointer type whose Ruby values
 *    are Procs. A Type holds its libffi ffi_type, size and alignment.
 *  - FFI::Pointer: an address, with a size when known (MemoryPointer,
 *    Pointer#+ of one) so that accesses are bounds-checked (IndexError), and
 *    reads and writes through a NULL address raise FFI::NullPointerError
 *    instead of crashing. get(type, off) / put(type, off, v) are the typed
 *    accessors the Ruby helpers call; get_bytes / put_bytes / get_string /
 *    put_string the byte ones. FFI::MemoryPointer < Pointer owns calloc'd
 *    memory, freed with the object (or by #free).
 *  - FFI::Function < FFI::Pointer: a prepared libffi call interface (ffi_cif)
 *    for one address; #call converts Ruby arguments by type, calls through
 *    ffi_call and converts the result. Made from a Proc it is a closure
 *    (ffi_closure_alloc): C calling its address runs the Proc. An exception
 *    raised by the Proc cannot unwind through C frames: the closure returns
 *    zero and the exception is raised again when the outer #call returns.
 *    A Proc passed for a callback argument gets its closure cached on the Proc
 *    (closure_new), so the C pointer stays valid as long as the Proc lives.
 *    Ruby runs on one OS thread: a closure that C calls from a thread of its
 *    own returns 0 without running (and says so on stderr) instead of crashing.
 *    FFI::Function.call_variadic prepares a one-off variadic cif per call.
 *  - FFI::Core.dlopen / dlsym: libraries and symbol addresses.
 *
 * None of these objects can be committed: their DataTypes have no persist entry,
 * so the store refuses them ("objects of this kind cannot be persisted"). */
#include "ext.h"
#include "../core/core.h"
#include <ffi.h>
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <unistd.h>
#include <stdint.h>
#include <string.h>

enum {
    FT_VOID, FT_INT8, FT_UINT8, FT_INT16, FT_UINT16, FT_INT32, FT_UINT32, FT_INT64, FT_UINT64,
    FT_LONG, FT_ULONG, FT_FLOAT, FT_DOUBLE, FT_BOOL, FT_STRING, FT_POINTER, FT_STRUCT, FT_CALLBACK,
    FT_BUILTIN_COUNT = FT_CALLBACK
};

typedef struct {
    int code;
    ffi_type *ft;           /* builtins: libffi's; structs: owned (elements too) */
    ffi_type st;            /* FT_STRUCT: the struct type */
    Value fields;           /* FT_STRUCT: Array of field Types */
    Value args, ret;        /* FT_CALLBACK: Array of Types, Type */
} FType;

typedef struct {
    char *addr;
    int64_t size;           /* -1: unknown */
    bool owned;             /* MemoryPointer: free(addr) with the object */
    Value keep;             /* the pointer this one was derived from (keeps its memory alive) */
} FPtr;

typedef struct {
    FPtr p;                 /* address (first, so a Function reads as a Pointer) */
    ffi_cif cif;
    ffi_type **atypes;
    int nargs;
    Value args, ret;        /* Array of Types, Type */
    ffi_closure *closure;   /* non-NULL for a Proc made callable from C */
    Value proc;
    Value cbtype;           /* the callback Type a closure was made for */
    bool prepared;
} FFunc;

static RClass *mFFI, *cType, *cPointer, *cMemoryPointer, *cFunction, *eNullPointerError;
static Value builtin[FT_BUILTIN_COUNT];
static Value pending_exc = MG_NIL;
static int last_errno;                 /* errno right after the last call (FFI.errno) */
static pthread_t ruby_thread;          /* the one OS thread that runs Ruby (core/thread.c: green threads) */     /* raised by a closure's Proc, re-raised after ffi_call */

static void type_mark(void *p) { FType *t = p; mg_gc_mark(t->fields); mg_gc_mark(t->args); mg_gc_mark(t->ret); }
static void type_free(void *p) { FType *t = p; if (t->code == FT_STRUCT) free(t->st.elements); free(t); }
static const DataType type_dt = { "FFI::Type", type_mark, type_free, NULL, NULL };

static void ptr_mark(void *p) { mg_gc_mark(((FPtr *)p)->keep); }
static void ptr_free(void *p) { FPtr *q = p; if (q->owned) free(q->addr); free(q); }
static const DataType ptr_dt = { "FFI::Pointer", ptr_mark, ptr_free, NULL, NULL };

static void func_mark(void *p) { FFunc *f = p; mg_gc_mark(f->p.keep); mg_gc_mark(f->args); mg_gc_mark(f->ret); mg_gc_mark(f->proc); mg_gc_mark(f->cbtype); }
static void func_free(void *p) { FFunc *f = p; free(f->atypes); if (f->closure) ffi_closure_free(f->closure); free(f); }
static const DataType func_dt = { "FFI::Function", func_mark, func_free, NULL, NULL };

static FType *
get_type(Value v)
{
    FType *t = mg_data_get(v, &type_dt);
    if (!t) mg_raise(mg_eTypeError, "wrong argument type %s (expected FFI::Type)", mg_class_cname(mg_obj_class(v)));
    return t;
}

/* the FPtr of a Pointer or Function, else NULL */
static FPtr *
ptr_of(Value v)
{
    FPtr *p = mg_data_get(v, &ptr_dt);
    if (p) return p;
    FFunc *f = mg_data_get(v, &func_dt);
    return f ? &f->p : NULL;
}

static FPtr *
self_ptr(Value self)
{
    FPtr *p = ptr_of(self);
    if (!p) mg_raise(mg_eTypeError, "wrong argument type %s (expected FFI::Pointer)", mg_class_cname(mg_obj_class(self)));
    return p;
}

static Value
ptr_new(RClass *c, void *addr, int64_t size, Value keep)
{
    FPtr *p = calloc(1, sizeof *p);
    if (!p) mg_raise_nomem();
    p->addr = addr;
    p->size = size;
    p->keep = keep;
    return mg_data_new(c, &ptr_dt, p);
}

/* ---- FFI::Type ---- */

static Value
type_new(int code, ffi_type *ft)
{
    FType *t = calloc(1, sizeof *t);
    if (!t) mg_raise_nomem();
    t->code = code;
    t->ft = ft;
    t->fields = t->args = t->ret = MG_NIL;
    return mg_data_new(cType, &type_dt, t);
}

/* FFI::Type.struct(field_types): a struct type for passing and returning by value */
static Value
type_s_struct(Value self, int argc, const Value *argv, Value blk)
{
    Value fields = argv[0];
    if (!MG_IS_ARRAY(fields)) mg_raise_type(fields, "Array");
    int64_t n = mg_ary_len(fields);
    for (int64_t i = 0; i < n; i++) {
        FType *ft = get_type(mg_ary_entry(fields, i));
        if (ft->code == FT_VOID) mg_raise(mg_eTypeError, "a struct field cannot be void");
    }
    Value v = type_new(FT_STRUCT, NULL);
    FType *t = mg_data_get(v, &type_dt);
    t->fields = mg_ary_dup(fields);
    t->st.type = FFI_TYPE_STRUCT;
    t->st.elements = calloc((size_t)n + 1, sizeof(ffi_type *));
    if (!t->st.elements) mg_raise_nomem();
    for (int64_t i = 0; i < n; i++) t->st.elements[i] = get_type(mg_ary_entry(fields, i))->ft;
    t->ft = &t->st;
    if (n == 0) mg_raise(mg_eArgumentError, "a struct passed by value needs at least one field");
    if (ffi_get_struct_offsets(FFI_DEFAULT_ABI, &t->st, NULL) != FFI_OK)
        mg_raise(mg_eArgumentError, "libffi cannot lay out this struct");
    return v;
}

/* FFI::Type.callback(arg_types, ret_type) */
static Value
type_s_callback(Value self, int argc, const Value *argv, Value blk)
{
    if (!MG_IS_ARRAY(argv[0])) mg_raise_type(argv[0], "Array");
    for (int64_t i = 0; i < mg_ary_len(argv[0]); i++) get_type(mg_ary_entry(argv[0], i));
    get_type(argv[1]);
    Value v = type_new(FT_CALLBACK, &ffi_type_pointer);
    FType *t = mg_data_get(v, &type_dt);
    t->args = mg_ary_dup(argv[0]);
    t->ret = argv[1];
    return v;
}

static Value type_size(Value self, int argc, const Value *argv, Value blk)
{
    FType *t = get_type(self);
    return MG_FIX(t->code == FT_VOID ? 1 : (int64_t)t->ft->size);
}
static Value type_alignment(Value self, int argc, const Value *argv, Value blk)
{
    FType *t = get_type(self);
    return MG_FIX(t->code == FT_VOID ? 1 : (int64_t)t->ft->alignment);
}
static Value type_code(Value self, int argc, const Value *argv, Value blk) { return MG_FIX(get_type(self)->code); }

/* ---- memory access ---- */

NORETURN static void
null_read(const void *addr, bool write)
{
    mg_raise(eNullPointerError, "invalid memory %s at address=0x%016llx", write ? "write" : "read",
             (unsigned long long)(uintptr_t)addr);
}

/* the address of [off, off+len) inside p, checked */
static char *
span(FPtr *p, int64_t off, int64_t len, bool write)
{
    if (!p->addr) null_read(p->addr, write);
    if (off < 0 || len < 0 || (p->size >= 0 && (off > p->size || len > p->size - off)))
        mg_raise(mg_eIndexError, "Memory access offset=%lld size=%lld is out of bounds", (long long)off, (long long)len);
    return p->addr + off;
}

static int64_t
int_arg(Value v)
{
    if (v == MG_NIL) mg_raise(mg_eTypeError, "no implicit conversion from nil to integer");
    if (MG_IS_INTEGER(v) || MG_IS_FLOAT(v)) return mg_num2long(v);
    return mg_num2long(mg_to_int(v));
}

static uint64_t
uint_arg(Value v)
{
    /* an Integer of 2**63 or more (a uint64 / ulong / size_t) does not fit a long */
    if (MG_IS_BIGNUM(v) && mg_num2dbl(v) >= 9223372036854775808.0) {
        Value low = mg_funcall(v, mg_intern_cstr("-"), 1, (Value[]){ mg_uint_new(1ULL << 63) });
        return (uint64_t)mg_num2long(low) + (1ULL << 63);
    }
    return (uint64_t)int_arg(v);
}

/* the address a Ruby value stands for as a :pointer argument */
static void *
pointer_arg(Value v, bool allow_string)
{
    if (v == MG_NIL) return NULL;
    FPtr *p = ptr_of(v);
    if (p) return p->addr;
    if (allow_string && MG_IS_STRING(v)) {
        if (!mg_frozen_p(v)) mg_str_modify(v);    /* C may write into it: drop cached state */
        return (void *)mg_str_ptr(v);
    }
    ID to_ptr = mg_intern_cstr("to_ptr");
    if (!MG_IS_INTEGER(v) && mg_respond_to(v, to_ptr, true)) {
        Value r = mg_funcall(v, to_ptr, 0, NULL);
        if ((p = ptr_of(r))) return p->addr;
        if (r == MG_NIL) return NULL;
    }
    mg_raise(mg_eArgumentError, ":pointer argument is not a valid pointer");
}

/* Stores v, converted to type t, at dst (an ffi_arg-sized slot for integers when widen). */
static void
to_native(FType *t, Value v, void *dst, bool widen)
{
    switch (t->code) {
    case FT_INT8:   if (widen) *(ffi_sarg *)dst = (int8_t)int_arg(v); else *(int8_t *)dst = (int8_t)int_arg(v); break;
    case FT_UINT8:  if (widen) *(ffi_arg *)dst = (uint8_t)int_arg(v); else *(uint8_t *)dst = (uint8_t)int_arg(v); break;
    case FT_INT16:  if (widen) *(ffi_sarg *)dst = (int16_t)int_arg(v); else *(int16_t *)dst = (int16_t)int_arg(v); break;
    case FT_UINT16: if (widen) *(ffi_arg *)dst = (uint16_t)int_arg(v); else *(uint16_t *)dst = (uint16_t)int_arg(v); break;
    case FT_INT32:  if (widen) *(ffi_sarg *)dst = (int32_t)int_arg(v); else *(int32_t *)dst = (int32_t)int_arg(v); break;
    case FT_UINT32: if (widen) *(ffi_arg *)dst = (uint32_t)uint_arg(v); else *(uint32_t *)dst = (uint32_t)uint_arg(v); break;
    case FT_INT64: case FT_LONG: *(int64_t *)dst = int_arg(v); break;
    case FT_UINT64: case FT_ULONG: *(uint64_t *)dst = uint_arg(v); break;
    case FT_FLOAT:  *(float *)dst = (float)mg_num2dbl(v); break;
    case FT_DOUBLE: *(double *)dst = mg_num2dbl(v); break;
    case FT_BOOL:
        if (v != MG_TRUE && v != MG_FALSE) mg_raise(mg_eTypeError, "wrong argument type  (expected a boolean parameter)");
        if (widen) *(ffi_arg *)dst = v == MG_TRUE; else *(uint8_t *)dst = v == MG_TRUE;
        break;
    case FT_STRING:
        if (v == MG_NIL) *(const char **)dst = NULL;
        else if (MG_IS_STRING(v)) *(const char **)dst = mg_str_cstr(v);
        else if (ptr_of(v)) *(void **)dst = ptr_of(v)->addr;
        else mg_raise_type(v, "String");
        break;
    case FT_POINTER: *(void **)dst = pointer_arg(v, true); break;
    case FT_CALLBACK:
        if (v == MG_NIL || ptr_of(v)) *(void **)dst = v == MG_NIL ? NULL : ptr_of(v)->addr;
        else if (mg_obj_is_kind_of(v, mg_cProc) || mg_obj_is_kind_of(v, mg_cMethod))
            mg_raise(mg_eTypeError, "a Proc returned to C or stored in memory must first become an FFI::Function");
        else mg_raise(mg_eTypeError, "wrong argument type %s, expected pointer or proc", mg_class_cname(mg_obj_class(v)));
        break;
    case FT_STRUCT: {
        void *src = pointer_arg(v, false);
        if (!src) mg_raise(mg_eArgumentError, "a struct passed by value cannot be NULL");
        memcpy(dst, src, t->ft->size);
        break;
    }
    default: mg_raise(mg_eArgumentError, "cannot pass a value of type void");
    }
}

/* The Ruby value of the native value at src of type t (widened integer slot when widen). */
static Value
from_native(FType *t, const void *src, bool widen)
{
    switch (t->code) {
    case FT_VOID:   return MG_NIL;
    case FT_INT8:   return MG_FIX(widen ? (int8_t)*(const ffi_sarg *)src : *(const int8_t *)src);
    case FT_UINT8:  return MG_FIX(widen ? (uint8_t)*(const ffi_arg *)src : *(const uint8_t *)src);
    case FT_INT16:  return MG_FIX(widen ? (int16_t)*(const ffi_sarg *)src : *(const int16_t *)src);
    case FT_UINT16: return MG_FIX(widen ? (uint16_t)*(const ffi_arg *)src : *(const uint16_t *)src);
    case FT_INT32:  return MG_FIX(widen ? (int32_t)*(const ffi_sarg *)src : *(const int32_t *)src);
    case FT_UINT32: return MG_FIX(widen ? (uint32_t)*(const ffi_arg *)src : *(const uint32_t *)src);
    case FT_INT64: case FT_LONG: return mg_int_new(*(const int64_t *)src);
    case FT_UINT64: case FT_ULONG: return mg_uint_new(*(const uint64_t *)src);
    case FT_FLOAT:  return mg_float_new(*(const float *)src);
    case FT_DOUBLE: return mg_float_new(*(const double *)src);
    case FT_BOOL:   return (widen ? (*(const ffi_arg *)src & 0xff) : *(const uint8_t *)src) ? MG_TRUE : MG_FALSE;
    case FT_STRING: {
        const char *s = *(const char *const *)src;
        return s ? mg_str_new_enc(s, strlen(s), ENC_BINARY) : MG_NIL;    /* as the gem: binary */
    }
    case FT_POINTER: case FT_CALLBACK: return ptr_new(cPointer, *(void *const *)src, -1, MG_NIL);
    case FT_STRUCT: {
        Value m = ptr_new(cMemoryPointer, NULL, 0, MG_NIL);
        FPtr *p = mg_data_get(m, &ptr_dt);
        p->addr = calloc(1, t->ft->size);
        if (!p->addr) mg_raise_nomem();
        p->size = (int64_t)t->ft->size;
        p->owned = true;
        memcpy(p->addr, src, t->ft->size);
        return m;
    }
    }
    return MG_NIL;
}

/* ---- FFI::Pointer ---- */

static Value
ptr_alloc(RClass *c)
{
    return ptr_new(c, NULL, -1, MG_NIL);
}

/* Pointer.new(address) / Pointer.new(type, address) / Pointer.new(pointer) */
static Value
ptr_initialize(Value self, int argc, const Value *argv, Value blk)
{
    FPtr *p = self_ptr(self);
    Value a = argv[argc - 1];
    FPtr *o = ptr_of(a);
    if (o) { p->addr = o->addr; p->size = o->size; p->keep = a; }
    else if (MG_IS_INTEGER(a)) p->addr = (char *)(uintptr_t)uint_arg(a);
    else mg_raise(mg_eTypeError, "wrong argument type, expected Integer or FFI::Pointer");
    return self;
}

static Value
ptr_address(Value self, int argc, const Value *argv, Value blk)
{
    return mg_uint_new((uint64_t)(uintptr_t)self_ptr(self)->addr);
}

static Value ptr_null_p(Value self, int argc, const Value *argv, Value blk) { return self_ptr(self)->addr ? MG_FALSE : MG_TRUE; }

static Value
ptr_size(Value self, int argc, const Value *argv, Value blk)
{
    FPtr *p = self_ptr(self);
    return p->size < 0 ? mg_int_new(INT64_MAX) : mg_int_new(p->size);
}

static Value
ptr_plus(Value self, int argc, const Value *argv, Value blk)
{
    FPtr *p = self_ptr(self);
    int64_t off = int_arg(argv[0]);
    if (p->size >= 0 && (off < 0 || off > p->size))
        mg_raise(mg_eIndexError, "Memory access offset=%lld size=%lld is out of bounds", (long long)off, 1LL);
    return ptr_new(cPointer, p->addr + off, p->size < 0 ? -1 : p->size - off, self);
}

static Value
ptr_eq(Value self, int argc, const Value *argv, Value blk)
{
    FPtr *o = ptr_of(argv[0]);
    if (argv[0] == MG_NIL) return self_ptr(self)->addr ? MG_FALSE : MG_TRUE;
    return o && o->addr == self_ptr(self)->addr ? MG_TRUE : MG_FALSE;
}

static Value
ptr_hash(Value self, int argc, const Value *argv, Value blk)
{
    return mg_int_new((int64_t)((uintptr_t)self_ptr(self)->addr >> 3));
}

static Value
ptr_inspect(Value self, int argc, const Value *argv, Value blk)
{
    FPtr *p = self_ptr(self);
    if (p->size >= 0 && mg_obj_is_kind_of(self, cMemoryPointer))
        return mg_sprintf("#<%s address=0x%016llx size=%lld>", mg_class_cname(mg_class_real(mg_obj_class(self))),
                          (unsigned long long)(uintptr_t)p->addr, (long long)p->size);
    return mg_sprintf("#<%s address=0x%016llx>", mg_class_cname(mg_class_real(mg_obj_class(self))),
                      (unsigned long long)(uintptr_t)p->addr);
}

/* get(type, offset) */
static Value
ptr_get(Value self, int argc, const Value *argv, Value blk)
{
    FPtr *p = self_ptr(self);
    FType *t = get_type(argv[0]);
    if (t->code == FT_VOID) mg_raise(mg_eArgumentError, "cannot read a void");
    int64_t sz = t->code == FT_STRING || t->code == FT_CALLBACK ? (int64_t)sizeof(void *) : (int64_t)t->ft->size;
    char *a = span(p, int_arg(argv[1]), sz, false);
    if (t->code == FT_STRUCT) {
        int64_t off = int_arg(argv[1]);
        return ptr_new(cPointer, a, p->size < 0 ? (int64_t)t->ft->size : p->size - off, self);
    }
    return from_native(t, a, false);
}

/* put(type, offset, value) */
static Value
ptr_put(Value self, int argc, const Value *argv, Value blk)
{
    FPtr *p = self_ptr(self);
    FType *t = get_type(argv[0]);
    if (t->code == FT_VOID) mg_raise(mg_eArgumentError, "cannot write a void");
    if (t->code == FT_CALLBACK && argv[2] != MG_NIL && !ptr_of(argv[2]))
        mg_raise(mg_eTypeError, "store an FFI::Function made from the Proc (it must stay referenced)");
    int64_t sz = t->code == FT_STRING || t->code == FT_CALLBACK ? (int64_t)sizeof(void *) : (int64_t)t->ft->size;
    char *a = span(p, int_arg(argv[1]), sz, true);
    if (t->code == FT_STRING) mg_raise(mg_eArgumentError, "use put_pointer with a MemoryPointer to store a string's address");
    to_native(t, argv[2], a, false);
    return self;
}

/* get_bytes(offset, length) */
static Value
ptr_get_bytes(Value self, int argc, const Value *argv, Value blk)
{
    FPtr *p = self_ptr(self);
    int64_t len = int_arg(argv[1]);
    char *a = span(p, int_arg(argv[0]), len, false);
    return mg_str_new_enc(a, (size_t)len, ENC_BINARY);
}

/* put_bytes(offset, string, index = 0, length = nil) */
static Value
ptr_put_bytes(Value self, int argc, const Value *argv, Value blk)
{
    FPtr *p = self_ptr(self);
    Value s = mg_to_str(argv[1]);
    int64_t idx = argc > 2 ? int_arg(argv[2]) : 0;
    int64_t len = argc > 3 && argv[3] != MG_NIL ? int_arg(argv[3]) : mg_str_len(s) - idx;
    if (idx < 0 || len < 0 || idx + len > mg_str_len(s)) mg_raise(mg_eIndexError, "index+length is greater than size of string");
    char *a = span(p, int_arg(argv[0]), len, true);
    memcpy(a, mg_str_ptr(s) + idx, (size_t)len);
    return self;
}

/* get_string(offset, length = nil): up to the NUL (or length bytes, stopping at a NUL) */
static Value
ptr_get_string(Value self, int argc, const Value *argv, Value blk)
{
    FPtr *p = self_ptr(self);
    int64_t off = int_arg(argv[0]);
    char *a = span(p, off, 0, false);
    int64_t max = argc > 1 && argv[1] != MG_NIL ? int_arg(argv[1]) : (p->size >= 0 ? p->size - off : INT64_MAX);
    if (p->size >= 0 && max > p->size - off) span(p, off, max, false);
    const char *end = memchr(a, 0, (size_t)(max < 0 ? 0 : max));
    return mg_str_new_enc(a, end ? (size_t)(end - a) : (size_t)max, ENC_BINARY);
}

/* put_string(offset, string): the bytes and a NUL */
static Value
ptr_put_string(Value self, int argc, const Value *argv, Value blk)
{
    FPtr *p = self_ptr(self);
    Value s = mg_to_str(argv[1]);
    int64_t len = mg_str_len(s);
    char *a = span(p, int_arg(argv[0]), len + 1, true);
    memcpy(a, mg_str_ptr(s), (size_t)len);
    a[len] = 0;
    return self;
}

/* MemoryPointer#__allocate(size, clear) */
static Value
mptr_allocate(Value self, int argc, const Value *argv, Value blk)
{
    FPtr *p = self_ptr(self);
    int64_t size = int_arg(argv[0]);
    if (size < 0) mg_raise(mg_eArgumentError, "negative size");
    if (p->owned) free(p->addr);
    p->addr = calloc(1, (size_t)(size ? size : 1));
    if (!p->addr) mg_raise_nomem();
    p->size = size;
    p->owned = true;
    return self;
}

static Value
mptr_free(Value self, int argc, const Value *argv, Value blk)
{
    FPtr *p = self_ptr(self);
    if (p->owned) free(p->addr);
    p->addr = NULL;
    p->size = 0;
    p->owned = false;
    return self;
}

/* ---- FFI::Function ---- */

static Value
func_alloc(RClass *c)
{
    FFunc *f = calloc(1, sizeof *f);
    if (!f) mg_raise_nomem();
    f->p.size = -1;
    f->p.keep = f->args = f->ret = f->proc = f->cbtype = MG_NIL;
    return mg_data_new(c, &func_dt, f);
}

static void
prep(FFunc *f, Value args, Value ret)
{
    if (!MG_IS_ARRAY(args)) mg_raise_type(args, "Array");
    FType *rt = get_type(ret);
    int n = (int)mg_ary_len(args);
    ffi_type **at = calloc((size_t)n + 1, sizeof *at);
    if (!at) mg_raise_nomem();
    for (int i = 0; i < n; i++) {
        FType *t = get_type(mg_ary_entry(args, i));
        if (t->code == FT_VOID) { free(at); mg_raise(mg_eArgumentError, "void is not a valid argument type"); }
        at[i] = t->ft;
    }
    if (ffi_prep_cif(&f->cif, FFI_DEFAULT_ABI, (unsigned)n, rt->ft, at) != FFI_OK) {
        free(at);
        mg_raise(mg_eArgumentError, "libffi cannot prepare this function type");
    }
    free(f->atypes);
    f->atypes = at;
    f->nargs = n;
    f->args = mg_ary_dup(args);
    f->ret = ret;
    f->prepared = true;
}

static void closure_handler(ffi_cif *cif, void *ret, void **args, void *data);

static void
make_closure(FFunc *f, Value proc)
{
    void *code = NULL;
    f->closure = ffi_closure_alloc(sizeof(ffi_closure), &code);
    if (!f->closure) mg_raise_nomem();
    if (ffi_prep_closure_loc(f->closure, &f->cif, closure_handler, f, code) != FFI_OK)
        mg_raise(mg_eArgumentError, "libffi cannot make a closure of this type");
    f->p.addr = code;
    f->proc = proc;
}

/* Function.new(ret_type, arg_types, address_or_proc) */
static Value
func_initialize(Value self, int argc, const Value *argv, Value blk)
{
    FFunc *f = mg_data_check(self, &func_dt);
    prep(f, argv[1], argv[0]);
    Value target = argc > 2 ? argv[2] : blk;
    if (mg_obj_is_kind_of(target, mg_cProc) || mg_obj_is_kind_of(target, mg_cMethod)) make_closure(f, target);
    else if (ptr_of(target) || MG_IS_INTEGER(target)) {
        void *a = MG_IS_INTEGER(target) ? (void *)(uintptr_t)uint_arg(target) : ptr_of(target)->addr;
        if (!a) mg_raise(eNullPointerError, "Cannot use a NULL pointer as a function");
        f->p.addr = a;
    } else
        mg_raise(mg_eTypeError, "wrong argument type %s, expected pointer or proc", mg_class_cname(mg_obj_class(target)));
    return self;
}

/* The closure Function of callback type cbtype (an FT_CALLBACK Type) for proc.
 * It is cached in a hidden instance variable of the Proc, as the gem does, so it
 * lives as long as the Proc: C code that keeps the function pointer after the
 * call (a registered handler) stays valid while the program references the Proc.
 * (A frozen Proc gets a closure for this call only.) */
static Value
closure_new(Value cbtype, Value proc)
{
    ID cache = mg_intern_cstr("__ffi_closure");
    Value old = mg_frozen_p(proc) ? MG_UNDEF : mg_ivar_lookup(proc, cache);
    FFunc *of = old == MG_UNDEF ? NULL : mg_data_get(old, &func_dt);
    if (of && of->cbtype == cbtype) return old;
    FType *t = get_type(cbtype);
    Value fn = func_alloc(cFunction);
    FFunc *f = mg_data_get(fn, &func_dt);
    prep(f, t->args, t->ret);
    make_closure(f, proc);
    f->cbtype = cbtype;
    if (!mg_frozen_p(proc)) mg_ivar_set(proc, cache, fn);
    return fn;
}

typedef struct { FFunc *f; void **args; } CbCall;

static Value
closure_run(Value arg)
{
    CbCall *c = (CbCall *)(uintptr_t)MG_FIX2LONG(arg);
    FFunc *f = c->f;
    Value *vals = mg_malloc(sizeof(Value) * (size_t)(f->nargs + 1));
    for (int i = 0; i < f->nargs; i++) vals[i] = from_native(get_type(mg_ary_entry(f->args, i)), c->args[i], false);
    Value r = mg_funcall(f->proc, mg_intern_cstr("call"), f->nargs, vals);
    mg_free(vals, sizeof(Value) * (size_t)(f->nargs + 1));
    return r;
}

typedef struct { FType *t; Value v; void *ret; } CbRet;

static Value
closure_ret(Value arg)
{
    CbRet *c = (CbRet *)(uintptr_t)MG_FIX2LONG(arg);
    to_native(c->t, c->v, c->ret, true);
    return MG_NIL;
}

static void
closure_handler(ffi_cif *cif, void *ret, void **args, void *data)
{
    FFunc *f = data;
    FType *rt = get_type(f->ret);
    if (rt->ft->size) memset(ret, 0, rt->ft->size < sizeof(ffi_arg) ? sizeof(ffi_arg) : rt->ft->size);
    if (pending_exc != MG_NIL) return;     /* an earlier call already raised: do nothing more */
    if (!pthread_equal(pthread_self(), ruby_thread)) {
        /* C called the closure from a thread of its own: Ruby cannot run there */
        static const char msg[] = "maglev ffi: a callback was called from a foreign OS thread; it returns 0 without running\n";
        ssize_t w = write(2, msg, sizeof msg - 1);
        (void)w;
        return;
    }
    size_t level = mg_gc_arena_save();
    CbCall c = { f, args };
    Value exc = MG_NIL;
    Value r = mg_protect(closure_run, MG_FIX((intptr_t)&c), &exc);
    if (exc == MG_NIL && rt->code != FT_VOID) {
        CbRet cr = { rt, r, ret };
        mg_protect(closure_ret, MG_FIX((intptr_t)&cr), &exc);
    }
    if (exc != MG_NIL) pending_exc = exc;
    mg_gc_arena_restore(level);
}

typedef union { ffi_arg i; int64_t l; double d; float f; void *p; } Slot;

/* ffi_call with the Ruby arguments argv converted by the types in types (n of them) */
static Value
do_call(ffi_cif *cif, void *fn, Value types, Value ret, int argc, const Value *argv)
{
    FType *rt = get_type(ret);
    Slot small[8];
    void *avals_small[8];
    void **avals = argc <= 8 ? avals_small : mg_malloc(sizeof(void *) * (size_t)argc);
    Slot *slots = argc <= 8 ? small : mg_malloc(sizeof(Slot) * (size_t)argc);
    for (int i = 0; i < argc; i++) {
        Value tv = mg_ary_entry(types, i);
        FType *t = get_type(tv);
        if (t->code == FT_STRUCT) {
            avals[i] = pointer_arg(argv[i], false);
            if (!avals[i]) mg_raise(mg_eArgumentError, "a struct passed by value cannot be NULL");
        } else if (t->code == FT_CALLBACK && argv[i] != MG_NIL && !ptr_of(argv[i])) {
            if (!mg_obj_is_kind_of(argv[i], mg_cProc) && !mg_obj_is_kind_of(argv[i], mg_cMethod))
                mg_raise(mg_eTypeError, "wrong argument type %s, expected pointer or proc", mg_class_cname(mg_obj_class(argv[i])));
            Value fnv = closure_new(tv, argv[i]);     /* stays on the arena until this call returns */
            slots[i].p = ((FFunc *)mg_data_get(fnv, &func_dt))->p.addr;
            avals[i] = &slots[i];
        } else {
            to_native(t, argv[i], &slots[i], false);
            avals[i] = &slots[i];
        }
    }
    union { Slot s; char big[64]; } rsmall;
    void *rbuf = rt->ft->size > sizeof rsmall ? mg_malloc(rt->ft->size) : &rsmall;
    pending_exc = MG_NIL;
    errno = 0;
    ffi_call(cif, FFI_FN(fn), rbuf, avals);
    int saved_errno = errno;
    last_errno = saved_errno;
    if (pending_exc != MG_NIL) {
        Value e = pending_exc;
        pending_exc = MG_NIL;
        mg_raise_exc(e);
    }
    bool widen = rt->code != FT_STRUCT && rt->code != FT_FLOAT && rt->code != FT_DOUBLE && rt->ft->size < sizeof(ffi_arg);
    Value r = from_native(rt, rbuf, widen);
    if (rbuf != &rsmall) mg_free(rbuf, rt->ft->size);
    if (avals != avals_small) { mg_free(avals, sizeof(void *) * (size_t)argc); mg_free(slots, sizeof(Slot) * (size_t)argc); }
    return r;
}

static Value
func_call(Value self, int argc, const Value *argv, Value blk)
{
    FFunc *f = mg_data_check(self, &func_dt);
    if (!f->prepared) mg_raise(mg_eArgumentError, "uninitialized FFI::Function");
    if (argc != f->nargs) mg_raise(mg_eArgumentError, "wrong number of arguments (%d for %d)", argc, f->nargs);
    if (f->closure) return mg_funcall(f->proc, mg_intern_cstr("call"), argc, argv);
    return do_call(&f->cif, f->p.addr, f->args, f->ret, argc, argv);
}

/* Function.call_variadic(address, ret_type, fixed_types, var_types, args) */
static Value
func_s_call_variadic(Value self, int argc, const Value *argv, Value blk)
{
    void *fn = MG_IS_INTEGER(argv[0]) ? (void *)(uintptr_t)uint_arg(argv[0]) : pointer_arg(argv[0], false);
    if (!fn) mg_raise(eNullPointerError, "Cannot call a NULL function");
    Value fixed = argv[2], var = argv[3], args = argv[4];
    if (!MG_IS_ARRAY(fixed)) mg_raise_type(fixed, "Array");
    if (!MG_IS_ARRAY(var)) mg_raise_type(var, "Array");
    if (!MG_IS_ARRAY(args)) mg_raise_type(args, "Array");
    Value types = mg_ary_dup(fixed);
    for (int64_t i = 0; i < mg_ary_len(var); i++) mg_ary_push(types, mg_ary_entry(var, i));
    int n = (int)mg_ary_len(types);
    if (n != mg_ary_len(args)) mg_raise(mg_eArgumentError, "wrong number of arguments (%d for %d)", (int)mg_ary_len(args), n);
    ffi_type **at = mg_malloc(sizeof *at * (size_t)(n + 1));
    for (int i = 0; i < n; i++) {
        FType *t = get_type(mg_ary_entry(types, i));
        if (t->code == FT_VOID) mg_raise(mg_eArgumentError, "void is not a valid argument type");
        at[i] = t->ft;
    }
    ffi_cif cif;
    if (ffi_prep_cif_var(&cif, FFI_DEFAULT_ABI, (unsigned)mg_ary_len(fixed), (unsigned)n, get_type(argv[1])->ft, at) != FFI_OK)
        mg_raise(mg_eArgumentError, "libffi cannot prepare this variadic call");
    Value r = do_call(&cif, fn, types, argv[1], n, mg_ary_ptr(args));
    mg_free(at, sizeof *at * (size_t)(n + 1));
    return r;
}

/* ---- FFI::Core: dlopen / dlsym ---- */

static Value
core_dlopen(Value self, int argc, const Value *argv, Value blk)
{
    const char *name = argv[0] == MG_NIL ? NULL : mg_str_cstr(mg_to_str(argv[0]));
    int flags = argc > 1 && argv[1] != MG_NIL ? (int)int_arg(argv[1]) : RTLD_LAZY | RTLD_LOCAL;
    void *h = dlopen(name, flags);
    if (!h) {
        const char *err = dlerror();
        return mg_str_new_cstr(err ? err : "unknown dlopen error");
    }
    return mg_uint_new((uint64_t)(uintptr_t)h);
}

static Value
core_dlsym(Value self, int argc, const Value *argv, Value blk)
{
    void *h = (void *)(uintptr_t)uint_arg(argv[0]);
    dlerror();
    void *a = dlsym(h, mg_str_cstr(mg_to_str(argv[1])));
    return a ? mg_uint_new((uint64_t)(uintptr_t)a) : MG_NIL;
}

static Value ffi_errno(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX(last_errno);
}

void
mg_ext_init_ffi(void)
{
    mFFI = mg_define_module("FFI");
    ruby_thread = pthread_self();
    eNullPointerError = mg_define_class_under(mFFI, "NullPointerError", mg_eRuntimeError);
    mg_gc_register(&pending_exc);
    mg_define_module_function(mFFI, "errno", ffi_errno, 0, 0);

    cType = mg_define_class_under(mFFI, "Type", mg_cObject);
    mg_define_singleton_method(MG_VAL(cType), "struct", type_s_struct, 1, 1);
    mg_define_singleton_method(MG_VAL(cType), "callback", type_s_callback, 2, 2);
    mg_define_method(cType, "size", type_size, 0, 0);
    mg_define_method(cType, "alignment", type_alignment, 0, 0);
    mg_define_method(cType, "code", type_code, 0, 0);
    static const struct { const char *name; int code; ffi_type *ft; } bt[] = {
        { "VOID", FT_VOID, &ffi_type_void }, { "INT8", FT_INT8, &ffi_type_sint8 }, { "UINT8", FT_UINT8, &ffi_type_uint8 },
        { "INT16", FT_INT16, &ffi_type_sint16 }, { "UINT16", FT_UINT16, &ffi_type_uint16 },
        { "INT32", FT_INT32, &ffi_type_sint32 }, { "UINT32", FT_UINT32, &ffi_type_uint32 },
        { "INT64", FT_INT64, &ffi_type_sint64 }, { "UINT64", FT_UINT64, &ffi_type_uint64 },
        { "LONG", FT_LONG, &ffi_type_slong }, { "ULONG", FT_ULONG, &ffi_type_ulong },
        { "FLOAT32", FT_FLOAT, &ffi_type_float }, { "FLOAT64", FT_DOUBLE, &ffi_type_double },
        { "BOOL", FT_BOOL, &ffi_type_uint8 }, { "STRING", FT_STRING, &ffi_type_pointer },
        { "POINTER", FT_POINTER, &ffi_type_pointer },
    };
    for (size_t i = 0; i < sizeof bt / sizeof bt[0]; i++) {
        builtin[bt[i].code] = type_new(bt[i].code, bt[i].ft);
        mg_gc_register(&builtin[bt[i].code]);
        mg_define_const(cType, bt[i].name, builtin[bt[i].code]);
    }

    cPointer = mg_define_class_under(mFFI, "Pointer", mg_cObject);
    mg_define_alloc_func(cPointer, ptr_alloc);
    static const MgMethodDef pm[] = {
        { "initialize", ptr_initialize, 1, 2 }, { "address", ptr_address, 0, 0 }, { "to_i", ptr_address, 0, 0 },
        { "null?", ptr_null_p, 0, 0 }, { "size", ptr_size, 0, 0 }, { "total", ptr_size, 0, 0 }, { "+", ptr_plus, 1, 1 },
        { "==", ptr_eq, 1, 1 }, { "eql?", ptr_eq, 1, 1 }, { "hash", ptr_hash, 0, 0 },
        { "inspect", ptr_inspect, 0, 0 }, { "to_s", ptr_inspect, 0, 0 },
        { "get", ptr_get, 2, 2 }, { "put", ptr_put, 3, 3 },
        { "get_bytes", ptr_get_bytes, 2, 2 }, { "put_bytes", ptr_put_bytes, 2, 4 },
        { "get_string", ptr_get_string, 1, 2 }, { "put_string", ptr_put_string, 2, 2 },
        { NULL, NULL, 0, 0 }
    };
    mg_define_methods(cPointer, pm);
    mg_define_const(cPointer, "NULL", ptr_new(cPointer, NULL, -1, MG_NIL));
    mg_define_const(cPointer, "SIZE", MG_FIX(sizeof(void *)));

    cMemoryPointer = mg_define_class_under(mFFI, "MemoryPointer", cPointer);
    mg_define_method(cMemoryPointer, "__allocate", mptr_allocate, 2, 2);
    mg_define_method(cMemoryPointer, "free", mptr_free, 0, 0);

    cFunction = mg_define_class_under(mFFI, "Function", cPointer);
    mg_define_alloc_func(cFunction, func_alloc);
    mg_define_method(cFunction, "initialize", func_initialize, 2, 3);
    mg_define_method(cFunction, "call", func_call, 0, -1);
    mg_define_singleton_method(MG_VAL(cFunction), "call_variadic", func_s_call_variadic, 5, 5);

    RClass *core = mg_define_module_under(mFFI, "Core");
    mg_define_module_function(core, "dlopen", core_dlopen, 1, 2);
    mg_define_module_function(core, "dlsym", core_dlsym, 2, 2);
    mg_define_const(core, "RTLD_LAZY", MG_FIX(RTLD_LAZY));
    mg_define_const(core, "RTLD_NOW", MG_FIX(RTLD_NOW));
    mg_define_const(core, "RTLD_GLOBAL", MG_FIX(RTLD_GLOBAL));
    mg_define_const(core, "RTLD_LOCAL", MG_FIX(RTLD_LOCAL));
}
