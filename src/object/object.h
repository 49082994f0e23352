/* object.h -- heap object headers, the core object structs, class_of,
 * faulting and the write barrier (DESIGN.md section 3).
 *
 * Invariants:
 *  1. Every heap object starts with an Obj header. The header is the object's
 *     identity in memory and never moves; bodies (string bytes, array items,
 *     ivar vectors ...) are separate allocations that may be emptied and
 *     refilled (eviction / refault) without any pointer to the header changing.
 *  2. An unfaulted object (OF_UNFAULTED) knows its oop and type (references in
 *     repository records carry the type), and nothing else: klass is NULL and
 *     the body fields are empty. Anything that reads klass or the body of an
 *     object it did not just allocate calls mg_ensure_faulted (class_of does).
 *     Under a memory cap the store empties clean bodies at VM safe points
 *     (store/txn.c, "eviction"): a C function that calls back into Ruby may
 *     keep pointers into the body only of its receiver, its arguments and
 *     objects it allocated (those are pinned); any other body it must read
 *     again, after mg_ensure_faulted, once the callback returns.
 *  3. Every store into an object -- ivar, element, byte, entry, class table --
 *     goes through mg_wb(obj, value) first (after the frozen check). For a
 *     persistent clean object it records the object in the transaction's
 *     write set; a generational GC will hook the same call.
 *  4. oop is 0 until first needed (object_id, hash, persistence): mg_obj_oop.
 */
#ifndef MG_OBJECT_H
#define MG_OBJECT_H

#include "value.h"
#include "symbol.h"

typedef enum {
    T_NONE = 0,
    /* heap types (Obj.type) */
    T_OBJECT, T_CLASS, T_MODULE, T_ICLASS,
    T_FLOAT, T_BIGNUM, T_STRING, T_ARRAY, T_HASH, T_RANGE,
    T_DATA,         /* C data with a DataType: procs, code, envs, regexps, ... */
    T_HEAP_LAST = T_DATA,
    /* pseudo types of immediates, returned by mg_type_of */
    T_NIL, T_TRUE, T_FALSE, T_FIXNUM, T_FLONUM, T_SYMBOL, T_UNDEF
} ObjType;

enum {
    OF_FROZEN     = 1 << 0,
    OF_PERSISTENT = 1 << 1,   /* has a record in the repository (or will at commit) */
    OF_DIRTY      = 1 << 2,   /* persistent and changed in this transaction */
    OF_UNFAULTED  = 1 << 3,   /* body absent: fault before use */
    OF_SINGLETON  = 1 << 4,   /* T_CLASS: a singleton class */
    OF_GENIVAR    = 1 << 5,   /* non-T_OBJECT object with ivars in the side table */
    OF_EXCL       = 1 << 6,   /* T_RANGE: exclusive end */
    OF_HASH_PROCDEFAULT = 1 << 7,  /* T_HASH: ifnone is a default proc */
    OF_HASH_IDENTITY    = 1 << 8,  /* T_HASH: compare_by_identity */
    /* T_HASH, OF_USER1 (below): keywords a ruby2_keywords method got in its *args */
    OF_PERSISTABLE = 1 << 9,  /* T_CLASS/T_MODULE: may be persisted (MagLev) */
    OF_DATA_INLINE = 1 << 10, /* T_DATA: payload lives in the slot after the header */
    OF_ORIGIN     = 1 << 11,  /* T_ICLASS: the origin holding a prepended class's own methods */
    OF_USER1      = 1 << 12,  /* free for the type's own use */
    OF_USER2      = 1 << 13,
    OF_USER3      = 1 << 14,
    OF_USER4      = 1 << 15,
};

typedef struct RClass RClass;

typedef struct Obj {
    RClass *klass;      /* NULL while unfaulted */
    uint8_t type;       /* ObjType, valid also when unfaulted */
    uint8_t gc;         /* GC-private bits */
    uint16_t flags;     /* OF_* */
    uint32_t extra;     /* type-specific: string encoding, object ivar capacity, ... */
    uint64_t oop;       /* repository-wide object id; 0 = not yet assigned */
} Obj;

/* ---- the core structs ---- */

typedef struct { Obj hdr; Value *ivs; } RObject;   /* hdr.extra = capacity of ivs; unset slots hold MG_UNDEF */
#define OF_IVEMBED OF_USER1   /* T_OBJECT: ivs points into the slot right after the RObject (not malloc'd) */
#define OF_HASH_RUBY2_KW OF_USER1  /* T_HASH: splatting an array ending in it passes it as keywords */
#define OF_ARY_LAZY OF_USER1  /* T_ARRAY: lazily faulted (below, "lazy arrays") */
#define OF_HASH_LAZY OF_USER2 /* T_HASH: lazily faulted (below, "lazy hashes") */
#define OF_ARY_EMBED OF_USER2 /* T_ARRAY: ptr points into the slot right after the RArray (not malloc'd; core/array.c) */
#define OF_PAGED OF_USER3     /* T_ARRAY, T_HASH: persistent, read or written in pages (store/paged.c): the barrier says which */
#define MG_ARY_EMBED 4        /* the Values such a slot holds: an RArray and 4 fill the 80-byte size class */

typedef struct { Obj hdr; double value; } RFloat;

typedef struct { Obj hdr; char *ptr; int64_t len; int64_t capa; } RString;  /* ptr NUL-terminated; hdr.extra = Encoding */
#define MG_STR_EMBED 31       /* bytes a short String keeps in its slot, after the RString: with the NUL they fill the 80-byte size class (core/string.c) */
static inline bool mg_str_embedded(const RString *s) { return s->ptr == (const char *)(s + 1); }

typedef struct { Obj hdr; Value *ptr; int64_t len; int64_t capa; } RArray;

typedef struct HashTable HashTable;  /* core/hash.c */
typedef struct { Obj hdr; HashTable *tbl; Value ifnone; } RHash;

typedef struct { Obj hdr; Value beg; Value end; } RRange;  /* OF_EXCL */

typedef struct DataType {
    const char *name;
    void (*mark)(void *ptr);      /* mark every Value the payload holds (mg_gc_mark); may be NULL */
    void (*free)(void *ptr);      /* release the payload; may be NULL */
    size_t (*memsize)(const void *ptr);
    const struct MgDataPersist *persist;   /* non-NULL: the payload can be committed (store/store.h) */
} DataType;
typedef struct { Obj hdr; const DataType *type; void *ptr; } RData;

typedef enum { ENC_UTF8 = 0, ENC_BINARY = 1, ENC_US_ASCII = 2 } Encoding;

/* Tables used by classes: small insertion-ordered maps from ID (util/idtable.h). */
typedef struct IdTable IdTable;
typedef struct MethodEntry MethodEntry;

typedef struct ClassExt {
    IdTable *consts;        /* ID -> Value (MG_UNDEF value = autoload placeholder, unused yet) */
    IdTable *const_locs;    /* ID -> [file, line] where Ruby code set it (const_source_location) */
    IdTable *const_flags;   /* ID -> CONST_PRIVATE | CONST_DEPRECATED (private_constant...); absent: 0 */
    IdTable *cvars;         /* ID -> Value */
    IdTable *ivars;         /* ivars of the class object itself */
    IdTable *iv_index;      /* instance ivar name -> slot index, shared by all instances */
    Value name;             /* String path "A::B" or MG_NIL when anonymous */
    RClass *lexical_parent; /* namespace it was named in */
    Value (*alloc)(RClass *klass);  /* allocator for instances; NULL = inherit */
} ClassExt;

struct RClass {
    Obj hdr;
    RClass *super;          /* next in the method lookup chain (may be an ICLASS) */
    IdTable *mt;            /* ID -> MethodEntry*; for a prepended class the methods live in origin->mt */
    ClassExt *ext;          /* NULL for ICLASS */
    RClass *origin;         /* itself, or the origin ICLASS once something is prepended */
    union {
        Value attached;     /* singleton class: the object */
        RClass *module;     /* ICLASS: the module it stands for */
    } u;
};

/* ---- casts (no checks) ---- */
#define MG_OBJ(v)   ((Obj *)(uintptr_t)(v))
#define MG_VAL(p)   ((Value)(uintptr_t)(p))
#define MG_ROBJECT(v) ((RObject *)(uintptr_t)(v))
#define MG_RFLOAT(v)  ((RFloat *)(uintptr_t)(v))
#define MG_RSTRING(v) ((RString *)(uintptr_t)(v))
#define MG_RARRAY(v)  ((RArray *)(uintptr_t)(v))
#define MG_RHASH(v)   ((RHash *)(uintptr_t)(v))
#define MG_RRANGE(v)  ((RRange *)(uintptr_t)(v))
#define MG_RDATA(v)   ((RData *)(uintptr_t)(v))
#define MG_RCLASS(v)  ((RClass *)(uintptr_t)(v))

/* ---- faulting ---- */

/* Fill in an unfaulted object's body from the transaction's view. Set by the
 * store; raises a Ruby error naming the OOP when the record is missing or corrupt. */
extern void (*mg_fault_hook)(Obj *o);
/* The same, except that a big Array or Hash may come back lazy (below): for
 * readers that handle them (mg_class_of, mg_ary_len, mg_ary_entry, Hash lookups). */
extern void (*mg_fault_lazy_hook)(Obj *o);
/* The object a lazy reference in lazy Array ary's elements stands for
 * (allocating its header if it is not resident); raises for a corrupt one. */
extern Value (*mg_lazy_resolve_hook)(Obj *ary, Value lazy);
static inline void
mg_ensure_faulted(Obj *o)
{
    if (UNLIKELY(o->flags & OF_UNFAULTED)) mg_fault_hook(o);
}
#define MG_FAULT(v) mg_ensure_faulted(MG_OBJ(v))

/* Lazy arrays. A big Array read from the repository (store/record.c) gets
 * its body, but its references to other objects stay lazy references (an
 * immediate: oop and type, value.h) until an element is read; so a
 * million-element Array costs its 8 MB vector, not a million headers. Such
 * an Array has klass, its body and OF_UNFAULTED | OF_ARY_LAZY: every reader
 * that faults (mg_ensure_faulted, invariant 2) resolves all its elements and
 * makes it an ordinary Array, and only mg_ary_entry / mg_ary_len (core.h),
 * and the few Array methods built on them, take one element at a time.
 * Lazy references never leave the element vector. Under a memory cap the
 * store turns resolved elements of a clean lazy Array back into lazy
 * references (store/txn.c, "eviction").
 *
 * Lazy hashes, the same for a big Hash not compared by identity: its table is
 * built from the record with the String keys' stored hashes (docs/format.md),
 * those keys and every value staying lazy references, so a lookup resolves
 * the keys whose hash matches and the value it answers. OF_UNFAULTED |
 * OF_HASH_LAZY; lookups, size and default values (core/hash.c) leave it lazy,
 * everything else faults it and resolves every entry. */
static inline bool
mg_ary_lazy_p(const Obj *o)
{
    return o->type == T_ARRAY && (o->flags & (OF_UNFAULTED | OF_ARY_LAZY)) == (OF_UNFAULTED | OF_ARY_LAZY);
}
static inline bool
mg_hash_lazy_p(const Obj *o)
{
    return o->type == T_HASH && (o->flags & (OF_UNFAULTED | OF_HASH_LAZY)) == (OF_UNFAULTED | OF_HASH_LAZY);
}
static inline bool mg_lazy_body_p(const Obj *o) { return mg_ary_lazy_p(o) || mg_hash_lazy_p(o); }
/* The object's body is present: faulted, or a lazy Array or Hash. */
static inline bool
mg_body_present(const Obj *o)
{
    return !(o->flags & OF_UNFAULTED) || mg_lazy_body_p(o);
}
static inline bool mg_lazy_ref_p(Value v) { return (v & 0x0f) == 0x0c && (v & 0xf0) != 0; }
#define MG_LAZY_OOP_LIMIT ((uint64_t)1 << 56)
static inline Value mg_lazy_ref(uint8_t type, uint64_t oop) { return (oop << 8) | ((Value)type << 4) | 0x0c; }
static inline uint64_t mg_lazy_ref_oop(Value v) { return v >> 8; }
static inline uint8_t mg_lazy_ref_type(Value v) { return (uint8_t)((v >> 4) & 0x0f); }

/* Called by the collector before it frees a persistent object (the store's
 * resident table forgets it). */
extern void (*mg_forget_hook)(Obj *o);

/* ---- write barrier ---- */

/* Called by the write barrier the first time a clean persistent object is
 * changed in a transaction: sets OF_DIRTY and adds it to the write set. */
extern void (*mg_dirty_hook)(Obj *o);
/* Called for every store into an Array or Hash with OF_PAGED: elements
 * (a Hash: dense positions) [lo, hi) changed ([0, INT64_MAX): any of them,
 * or their places). */
extern void (*mg_paged_touch_hook)(Obj *o, int64_t lo, int64_t hi);
static inline bool mg_paged_obj_p(const Obj *o) { return (o->flags & OF_PAGED) && (o->type == T_ARRAY || o->type == T_HASH); }
static inline void
mg_wb(Obj *o, Value stored)
{
    UNUSED(stored);   /* reserved for a generational collector */
    if (UNLIKELY(o->flags & OF_PERSISTENT)) {
        if (!(o->flags & OF_DIRTY)) mg_dirty_hook(o);
        if (mg_paged_obj_p(o)) mg_paged_touch_hook(o, 0, INT64_MAX);
    }
}
/* The barrier of a store into Array (Hash) o that changes elements (dense
 * positions) [lo, hi) only, and maybe the length: a paged one then writes
 * only their pages. */
static inline void
mg_wb_elems(Obj *o, int64_t lo, int64_t hi)
{
    if (UNLIKELY(o->flags & OF_PERSISTENT)) {
        if (!(o->flags & OF_DIRTY)) mg_dirty_hook(o);
        if (o->flags & OF_PAGED) mg_paged_touch_hook(o, lo, hi);
    }
}
/* Array o loses its first n elements (shift): a paged one drops them from
 * its first page without writing the others (store/paged.c). */
extern void (*mg_paged_shift_hook)(Obj *o, int64_t n);
static inline void
mg_wb_shift(Obj *o, int64_t n)
{
    if (UNLIKELY(o->flags & OF_PERSISTENT)) {
        if (!(o->flags & OF_DIRTY)) mg_dirty_hook(o);
        if (o->flags & OF_PAGED) mg_paged_shift_hook(o, n);
    }
}
/* No change of contents, but every element (entry) of o may have moved. */
static inline void
mg_wb_layout(Obj *o)
{
    if (UNLIKELY(o->flags & OF_PERSISTENT) && mg_paged_obj_p(o)) mg_paged_touch_hook(o, 0, INT64_MAX);
}
#define MG_WB(v, stored) mg_wb(MG_OBJ(v), (stored))

/* ---- types and classes ---- */

static inline ObjType
mg_type_of(Value v)
{
    if (MG_IS_PTR(v)) return (ObjType)MG_OBJ(v)->type;
    if (MG_IS_FIXNUM(v)) return T_FIXNUM;
    if (MG_IS_FLONUM(v)) return T_FLONUM;
    if (MG_IS_SYMBOL(v)) return T_SYMBOL;
    switch (v) {
    case MG_NIL: return T_NIL;
    case MG_TRUE: return T_TRUE;
    case MG_FALSE: return T_FALSE;
    default: return T_UNDEF;
    }
}
#define MG_IS_TYPE(v, t) (MG_IS_PTR(v) && MG_OBJ(v)->type == (t))
#define MG_IS_STRING(v)  MG_IS_TYPE(v, T_STRING)
#define MG_IS_ARRAY(v)   MG_IS_TYPE(v, T_ARRAY)
#define MG_IS_HASH(v)    MG_IS_TYPE(v, T_HASH)
#define MG_IS_FLOAT(v)   (MG_IS_FLONUM(v) || MG_IS_TYPE(v, T_FLOAT))
#define MG_IS_BIGNUM(v)  MG_IS_TYPE(v, T_BIGNUM)
#define MG_IS_INTEGER(v) (MG_IS_FIXNUM(v) || MG_IS_BIGNUM(v))
#define MG_IS_CLASS_OR_MODULE(v) (MG_IS_PTR(v) && (MG_OBJ(v)->type == T_CLASS || MG_OBJ(v)->type == T_MODULE))

/* The core classes, listed once in coreclasses.def: RClass *mg_cObject, ... */
#define CORE_CLASS(var, name, super) extern RClass *var;
#define CORE_MODULE(var, name) extern RClass *var;
#include "coreclasses.def"
#undef CORE_CLASS
#undef CORE_MODULE

/* The class of any value (its singleton class if it has one). Faults. */
static inline RClass *
mg_class_of(Value v)
{
    if (MG_IS_PTR(v)) {
        Obj *o = MG_OBJ(v);
        if (UNLIKELY(o->flags & OF_UNFAULTED) && !mg_lazy_body_p(o)) mg_fault_lazy_hook(o);   /* a lazy Array or Hash has its class */
        return o->klass;
    }
    if (MG_IS_FIXNUM(v)) return mg_cInteger;
    if (MG_IS_FLONUM(v)) return mg_cFloat;
    if (MG_IS_SYMBOL(v)) return mg_cSymbol;
    if (v == MG_NIL) return mg_cNilClass;
    if (v == MG_TRUE) return mg_cTrueClass;
    return mg_cFalseClass;
}

/* Library classes (LIB_CLASS in coreclasses.def). adopt: the class a
 * top-level `class <name>` with superclass super should become (NULL: make a
 * new one); it is adopted once. feature: the library to load for c while c
 * is not adopted yet, else NULL. */
RClass *mg_lib_class_adopt(ID name, RClass *super);
const char *mg_lib_class_feature(RClass *c);

/* The non-singleton, non-iclass class of v (Object#class). Faults. */
RClass *mg_obj_class(Value v);

/* ---- frozen ---- */
static inline bool
mg_frozen_p(Value v)
{
    if (!MG_IS_PTR(v)) return true;
    return (MG_OBJ(v)->flags & OF_FROZEN) != 0;
}
/* Raises FrozenError "can't modify frozen <Class>: <inspect>" if v is frozen. */
void mg_check_frozen(Value v);
#define MG_CHECK_FROZEN(v) do { if (UNLIKELY(MG_OBJ(v)->flags & OF_FROZEN)) mg_check_frozen(v); } while (0)

/* ---- identity ---- */
/* The object's OOP, assigned on first use from the gem's reserved block. */
uint64_t mg_obj_oop(Value v);
/* object_id: 2n+1 for fixnums, fixed small ids for nil/true/false, the OOP otherwise. */
Value mg_obj_id(Value v);
/* Reserve the next OOP (the store replaces the in-memory allocator). */
extern uint64_t (*mg_oop_alloc_hook)(void);

/* ---- instance variables (any object; T_OBJECT fast path) ----
 * Names starting with '@' are Ruby-visible; other IDs are hidden internal slots. */
Value mg_ivar_get(Value obj, ID name);          /* nil when unset */
Value mg_ivar_lookup(Value obj, ID name);       /* MG_UNDEF when unset */
void  mg_ivar_set(Value obj, ID name, Value v); /* checks frozen, write barrier; may allocate */
bool  mg_ivar_defined(Value obj, ID name);
Value mg_ivar_remove(Value obj, ID name);       /* old value or MG_UNDEF */
/* Calls fn(name, value, arg) for each set ivar in order; stops when fn returns false. */
void  mg_ivar_foreach(Value obj, bool (*fn)(ID, Value, void *), void *arg);
/* Slot index of `name` for instances of class c (allocating one); used by VM ivar caches. */
uint32_t mg_ivar_index(RClass *c, ID name);
/* Copies all ivars from src to dst (dup/clone). */
void mg_ivar_copy(Value dst, Value src);

/* ---- allocation of plain objects ---- */
Value mg_obj_alloc(RClass *klass);              /* a T_OBJECT instance, no ivars yet */
Value mg_data_new(RClass *klass, const DataType *type, void *ptr);
/* A T_DATA whose payload of `size` zeroed bytes is allocated with it; returns the object, *payload = the bytes. */
Value mg_data_new_inline(RClass *klass, const DataType *type, size_t size, void **payload);
/* The payload if v is a T_DATA of exactly this type, else NULL. */
void *mg_data_get(Value v, const DataType *type);
/* The payload, or raises TypeError "wrong argument type X (expected <type->name>)". */
void *mg_data_check(Value v, const DataType *type);

/* ---- floats (value.h has the immediate part) ---- */
Value mg_float_new(double d);                   /* flonum or heap Float; may allocate */
static inline double
mg_float_value(Value v)
{
    if (MG_IS_FLONUM(v)) return mg_flonum_decode(v);
    return MG_RFLOAT(v)->value;
}

/* Symbols as Values */
static inline Value mg_sym(const char *name) { return MG_SYM(mg_intern_cstr(name)); }

/* Object model bootstrap (object.c): creates the core classes in coreclasses.def. */
void mg_init_object_model(void);

#endif
