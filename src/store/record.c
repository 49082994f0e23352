/* record.c -- the Ruby-object payload of a repository record: encoding a
 * resident object, decoding a record into an unfaulted header, walking an
 * object's references, and eviction. The layout is docs/format.md's
 * "Object payload" table; every read is bounds-checked, so a corrupt record
 * yields an error message, never a crash. Classes and modules have their own
 * layout ("Class records": name, superclass, class ivars and class variables,
 * and code.c's definitions table); decoding one fills an empty class header
 * and runs no Ruby code, and classes are never evicted. */
#include "store.h"
#include "backend.h"
#include "../core/core.h"
#include "../core/bignum.h"
#include "../object/class.h"
#include "../util/idtable.h"
#include "../core/string_int.h"
#include "paged.h"

enum {
    REF_NIL = 0, REF_TRUE = 1, REF_FALSE = 2, REF_FIX = 3, REF_FLOAT = 4,
    REF_SYM = 5, REF_OBJ = 6, REF_BIG = 7, REF_UNDEF = 8, REF_META = 9,
    REF_SYM_ENC = 10,     /* format 5 */
};
enum { RF_FROZEN = 1, RF_NO_INSTANCES = 2 /* class records: CF_NO_PERSISTENT_INSTANCES */ };
/* HF_KEYHASH: each String key is followed by the hash the table held for it
 * (core/string.c mg_str_hash), so reading the Hash places its String keys
 * without reading them: a lookup reads only the keys whose hash matches */
enum { HF_IDENTITY = 1, HF_PROCDEFAULT = 2, HF_KEYHASH = 4 };

/* Do the bytes at p begin a ref to a String record? (HF_KEYHASH: writer,
 * reader and store/scan.c decide by the same bytes) */
static bool
str_ref_at(const unsigned char *p, size_t n)
{
    return n >= 2 && p[0] == REF_OBJ && p[1] == T_STRING;
}

/* ---- buffers ---- */

void
mg_buf_free(MgBuf *b)
{
    free(b->ptr);
    b->ptr = NULL;
    b->len = b->cap = 0;
}

static void __attribute__((noinline))
grow(MgBuf *b, size_t n)
{
    size_t cap = b->cap ? b->cap * 2 : 256;
    while (cap < b->len + n) cap *= 2;
    char *q = realloc(b->ptr, cap);
    if (!q) mg_raise_nomem();
    mg_advise_huge(q, cap);
    b->ptr = q;
    b->cap = cap;
}

void
mg_buf_reserve(MgBuf *b, size_t more)
{
    if (b->len + more > b->cap) grow(b, more);
}

/* inline, so that the fixed-size puts below become single stores */
static inline __attribute__((always_inline)) void
put(MgBuf *b, const void *p, size_t n)
{
    if (UNLIKELY(b->len + n > b->cap)) grow(b, n);
    memcpy(b->ptr + b->len, p, n);
    b->len += n;
}

static void put_u8(MgBuf *b, uint8_t v) { put(b, &v, 1); }
static void put_u32(MgBuf *b, uint32_t v) { put(b, &v, 4); }
static void put_u64(MgBuf *b, uint64_t v) { put(b, &v, 8); }

static void
put_sym(MgBuf *b, ID id)
{
    size_t len;
    const char *s = mg_id_name(id, &len);
    put_u32(b, (uint32_t)len);
    put(b, s, len);
}

/* An Encoding in a record: the Symbol of its recipe (store.h; docs/format.md, References) */
#define ENC_PREFIX MG_RECIPE_PREFIX "encoding "

/* STDIN, STDOUT, STDERR in a record: the Symbol of their recipe, read as
 * the reading process's own stream (reline's Core keeps @output = STDOUT) */
#define STDIO_PREFIX MG_RECIPE_PREFIX "stdio "
static const char *const stdio_names[] = { "STDIN", "STDOUT", "STDERR" };

static const char *
stdio_name(Value v)
{
    if (mg_obj_class(v) != mg_cIO) return NULL;
    for (size_t i = 0; i < ARRAY_LEN(stdio_names); i++)
        if (mg_const_get_at(mg_cObject, mg_intern_cstr(stdio_names[i])) == v) return stdio_names[i];
    return NULL;
}

static void
put_ref(MgBuf *b, Value v)
{
    if (v == MG_NIL) { put_u8(b, REF_NIL); return; }
    if (UNLIKELY(mg_lazy_ref_p(v))) {          /* a lazy Array's element, as it was read */
        put_u8(b, REF_OBJ);
        put_u8(b, mg_lazy_ref_type(v));
        put_u64(b, mg_lazy_ref_oop(v));
        return;
    }
    if (v == MG_TRUE) { put_u8(b, REF_TRUE); return; }
    if (v == MG_FALSE) { put_u8(b, REF_FALSE); return; }
    if (v == MG_UNDEF) { put_u8(b, REF_UNDEF); return; }
    if (MG_IS_FIXNUM(v)) { put_u8(b, REF_FIX); put_u64(b, (uint64_t)MG_FIX2LONG(v)); return; }
    if (MG_IS_SYMBOL(v)) {
        /* a Symbol whose bytes do not tell its encoding (symbol.h's tag:
         * "\xE9" in ISO-8859-1, "a" in UTF-16LE) carries its encoding's index */
        unsigned tag = mg_id_tag(MG_SYM2ID(v));
        if (tag) { put_u8(b, REF_SYM_ENC); put_u8(b, (uint8_t)(tag - 1)); }
        else put_u8(b, REF_SYM);
        put_sym(b, MG_SYM2ID(v));
        return;
    }
    if (MG_IS_FLOAT(v)) {
        double d = mg_float_value(v);
        put_u8(b, REF_FLOAT);
        put(b, &d, 8);
        return;
    }
    if (MG_IS_BIGNUM(v)) {
        mpz_srcptr z = mg_big_z(v);
        size_t n = (mpz_sizeinbase(z, 2) + 7) / 8;
        unsigned char *bytes = malloc(n ? n : 1);
        if (!bytes) mg_raise_nomem();
        size_t count = 0;
        mpz_export(bytes, &count, 1, 1, 0, 0, z);
        put_u8(b, REF_BIG);
        put_u8(b, mpz_sgn(z) < 0 ? 1 : 0);
        put_u64(b, count);
        put(b, bytes, count);
        free(bytes);
        return;
    }
    Obj *o = MG_OBJ(v);
    if (UNLIKELY((o->type == T_CLASS || o->type == T_MODULE) && (o->flags & CF_NIL_REFERENCES))) {
        put_u8(b, REF_NIL);
        return;
    }
    if (UNLIKELY(o->type == T_CLASS && (o->flags & OF_SINGLETON)) && MG_IS_CLASS_OR_MODULE(((RClass *)o)->u.attached)) {
        /* a class's singleton class (ERB's @_init, the self of define_method
         * in class << self): the class it belongs to, whose every process
         * has its own singleton class (get_ref) */
        put_u8(b, REF_META);
        put_ref(b, ((RClass *)o)->u.attached);
        return;
    }
    Encoding enc;
    if (UNLIKELY(o->type == T_DATA) && mg_enc_of_value(v, &enc)) {
        /* an Encoding is a value: every process has the same one (get_ref) */
        char name[96];
        snprintf(name, sizeof name, ENC_PREFIX "%s", mg_enc_name(enc));
        put_u8(b, REF_SYM);
        put_sym(b, mg_intern_cstr(name));
        return;
    }
    const char *stdio = UNLIKELY(o->type == T_DATA) ? stdio_name(v) : NULL;
    if (stdio) {
        char name[64];
        snprintf(name, sizeof name, STDIO_PREFIX "%s", stdio);
        put_u8(b, REF_SYM);
        put_sym(b, mg_intern_cstr(name));
        return;
    }
    uint64_t oop = mg_store_wellknown_oop(v);
    if (!oop) oop = mg_obj_oop(v);
    put_u8(b, REF_OBJ);
    put_u8(b, o->type);
    put_u64(b, oop);
}

static bool
put_ivar(ID name, Value v, void *arg)
{
    MgBuf *b = arg;
    put_sym(b, name);
    put_ref(b, v);
    return true;
}

static bool
count_ivar(ID name, Value v, void *arg)
{
    UNUSED(name); UNUSED(v);
    (*(uint32_t *)arg)++;
    return true;
}

/* Class records (docs/format.md "Class records"): what a persistable class
 * contributes to the repository is its name, superclass and definitions table
 * (code.c), never its live method table. A base-image class stores only its
 * definitions table. */
static bool
is_class(const Obj *o)
{
    return o->type == T_CLASS || o->type == T_MODULE;
}

typedef struct { void (*fn)(Value, void *); void *arg; } RefWalk;

/* code.c's own bookkeeping ivars (__maglev_*) are not class-level ivars, */
static bool
own_ivar(ID name)
{
    /* nor define_method's list that keeps its Procs alive (core/kernel.c; the
     * definitions table holds those that persist), which a copy of Kernel takes along */
    const char *s = mg_id_name(name, NULL);
    return strncmp(s, "__maglev_", 9) != 0 && strcmp(s, "__bmethods__") != 0;
}

static bool
count_class_ivar(ID name, Value v, void *arg)
{
    UNUSED(v);
    if (own_ivar(name)) (*(uint32_t *)arg)++;
    return true;
}


static bool
put_class_ivar(ID name, Value v, void *arg)
{
    if (own_ivar(name)) put_ivar(name, mg_code_recorded_value(v), arg);
    return true;
}

static void
encode_class(Obj *o, MgBuf *b)
{
    RClass *c = (RClass *)o;
    bool wk = mg_store_wellknown_oop(MG_VAL(o)) != 0;
    put_u8(b, o->type);
    put_u8(b, (uint8_t)(((o->flags & OF_FROZEN) ? RF_FROZEN : 0) |
                        ((o->flags & CF_NO_PERSISTENT_INSTANCES) ? RF_NO_INSTANCES : 0)));
    put_u8(b, 0);
    put_u8(b, 0);
    put_ref(b, MG_VAL(o->type == T_MODULE ? mg_cModule : mg_cClass));
    uint32_t n = 0;
    if (!wk) mg_ivar_foreach(MG_VAL(o), count_class_ivar, &n);
    put_u32(b, n);
    if (!wk) mg_ivar_foreach(MG_VAL(o), put_class_ivar, b);
    put_ref(b, wk ? MG_NIL : mg_class_name(c));
    RClass *sup = (!wk && o->type == T_CLASS) ? mg_class_superclass(c) : NULL;
    put_ref(b, sup ? MG_VAL(sup) : MG_NIL);
    put_ref(b, mg_code_defs(c));
    IdTable *cv = wk ? NULL : c->ext->cvars;
    put_u32(b, mg_idtable_size(cv));
    ID k;
    uint64_t v;
    for (uint32_t i = 0; cv && mg_idtable_next(cv, &i, &k, &v);) put_ivar(k, mg_code_recorded_value((Value)v), b);
}

static bool
walk_class_ivar(ID name, Value v, void *arg)
{
    RefWalk *w = arg;
    if (own_ivar(name)) w->fn(mg_code_recorded_value(v), w->arg);
    return true;
}

void
mg_record_encode(Obj *o, MgBuf *b)
{
    b->len = 0;
    mg_record_encode_append(o, b);
}

static uint8_t
hash_flags(const Obj *o)
{
    uint8_t hf = 0;
    if (o->flags & OF_HASH_IDENTITY) hf |= HF_IDENTITY;
    if (o->flags & OF_HASH_PROCDEFAULT) hf |= HF_PROCDEFAULT;
    if (!(hf & HF_IDENTITY)) hf |= HF_KEYHASH;    /* an identity hash is the key's address */
    return hf;
}

/* One entry of a Hash body: key, its hash when it refers to a String (HF_KEYHASH), value */
static void
put_entry(MgBuf *b, uint8_t hf, Value k, Value v, uint64_t kh)
{
    size_t at = b->len;
    put_ref(b, k);
    if ((hf & HF_KEYHASH) && str_ref_at((const unsigned char *)b->ptr + at, b->len - at)) put_u64(b, kh);
    put_ref(b, v);
}

/* The part every object's record begins with: type, flags, byte 2, zero,
 * class, instance variables (docs/format.md "Object payload"). */
static void
encode_head(Obj *o, MgBuf *b, uint8_t flags, uint8_t byte2)
{
    Value self = MG_VAL(o);
    /* the persistent root and the system table are never written frozen:
     * no later process could store anything (a deep freeze of the data
     * reached the root, and the repository was of no more use) */
    bool frozen = (o->flags & OF_FROZEN) && o->oop != MG_OOP_ROOT && o->oop != MG_OOP_SYSTEM;
    put_u8(b, o->type);
    put_u8(b, (uint8_t)(flags | (frozen ? RF_FROZEN : 0)));
    put_u8(b, byte2);
    put_u8(b, 0);
    put_ref(b, MG_VAL(mg_class_real(o->klass)));
    uint32_t n = 0;
    bool ivars = o->type == T_OBJECT || (o->flags & OF_GENIVAR);   /* else none: no side-table probe */
    if (ivars) mg_ivar_foreach(self, count_ivar, &n);
    put_u32(b, n);
    if (n) mg_ivar_foreach(self, put_ivar, b);
}

void
mg_record_encode_page(Obj *o, int64_t from, int64_t to, int64_t skip, MgBuf *b)
{
    put_u8(b, o->type);
    put_u8(b, MG_RF_PAGE);
    put_u8(b, 0);
    put_u8(b, 0);
    put_ref(b, MG_VAL(o->type == T_HASH ? mg_cHash : mg_cArray));
    put_u32(b, 0);
    if (o->type == T_HASH) {                 /* dense positions [from, to), deleted ones as two undefined refs */
        uint8_t hf = hash_flags(o);
        put_u8(b, hf);
        put_ref(b, MG_NIL);
        put_u64(b, (uint64_t)(to - from));
        mg_buf_reserve(b, (size_t)(to - from) * 28);
        Value k, v;
        uint64_t kh;
        for (int64_t i = from; i < to; i++) {
            if (mg_hash_at(MG_VAL(o), i, &k, &v, &kh)) {
                put_entry(b, hf, k, v, kh);
            } else {
                put_u8(b, REF_UNDEF);
                put_u8(b, REF_UNDEF);
            }
        }
        return;
    }
    RArray *a = (RArray *)o;
    put_u64(b, (uint64_t)(to - from));
    mg_buf_reserve(b, (size_t)(to - from) * 10);
    for (int64_t i = from; i < to; i++) put_ref(b, i < skip ? MG_NIL : a->ptr[i - skip]);   /* dead ones: nil */
}

void
mg_record_encode_spine(Obj *o, unsigned shift, const uint64_t *pages, size_t np, int64_t skip, MgBuf *b)
{
    encode_head(o, b, MG_RF_PAGED, (uint8_t)shift);
    if (o->type == T_HASH) {
        put_u8(b, hash_flags(o));
        put_ref(b, ((RHash *)o)->ifnone);
    }
    put_u64(b, np);
    for (size_t k = 0; k < np; k++) {
        put_u8(b, REF_OBJ);
        put_u8(b, o->type);
        put_u64(b, pages[k]);
    }
    if (o->type == T_ARRAY) put_u64(b, (uint64_t)skip);   /* dead positions at the start of the first page */
}

void
mg_record_encode_append(Obj *o, MgBuf *b)
{
    Value self = MG_VAL(o);
    if (is_class(o)) { encode_class(o, b); return; }
    encode_head(o, b, 0, 0);
    switch ((ObjType)o->type) {
    case T_OBJECT:
        break;
    case T_STRING: {
        RString *s = (RString *)o;
        put_u8(b, (uint8_t)o->extra);
        put_u64(b, (uint64_t)s->len);
        put(b, s->ptr, (size_t)s->len);
        break;
    }
    case T_ARRAY: {
        RArray *a = (RArray *)o;
        put_u64(b, (uint64_t)a->len);
        for (int64_t i = 0; i < a->len; i++) put_ref(b, a->ptr[i]);
        break;
    }
    case T_HASH: {
        uint8_t hf = hash_flags(o);
        put_u8(b, hf);
        put_ref(b, ((RHash *)o)->ifnone);
        put_u64(b, (uint64_t)mg_hash_size(self));
        Value k, v;
        uint64_t kh;
        for (int64_t it = 0; mg_hash_next_hashed(self, &it, &k, &v, &kh);) put_entry(b, hf, k, v, kh);
        break;
    }
    case T_RANGE:
        put_u8(b, (o->flags & OF_EXCL) ? 1 : 0);
        put_ref(b, ((RRange *)o)->beg);
        put_ref(b, ((RRange *)o)->end);
        break;
    case T_DATA: {
        const MgDataPersist *dp = ((RData *)o)->type->persist;
        put_u32(b, (uint32_t)strlen(dp->tag));
        put(b, dp->tag, strlen(dp->tag));
        dp->encode(((RData *)o)->ptr, b);
        break;
    }
    default:
        mg_bug(__FILE__, __LINE__, "encoding an object of type %d", o->type);
    }
}

/* ---- references of a resident object ---- */

static bool
walk_ivar(ID name, Value v, void *arg)
{
    UNUSED(name);
    RefWalk *w = arg;
    w->fn(v, w->arg);
    return true;
}

void
mg_record_each_ref_head(Obj *o, void (*fn)(Value ref, void *arg), void *arg)
{
    RefWalk w = { fn, arg };
    fn(MG_VAL(mg_class_real(o->klass)), arg);
    mg_ivar_foreach(MG_VAL(o), walk_ivar, &w);
    if (o->type == T_HASH) fn(((RHash *)o)->ifnone, arg);
}

void
mg_record_each_elem(Obj *o, int64_t from, int64_t to, void (*fn)(Value ref, void *arg), void *arg)
{
    if (from < 0) from = 0;
    if (o->type == T_HASH) {                 /* dense positions */
        Value h = MG_VAL(o), k, v;
        int64_t n = mg_hash_positions(h);
        for (int64_t i = from; i < to && i < n; i++)
            if (mg_hash_at(h, i, &k, &v, NULL)) {
                fn(k, arg);
                fn(v, arg);
            }
        return;
    }
    RArray *a = (RArray *)o;
    if (to > a->len) to = a->len;
    for (int64_t i = from; i < to; i++) fn(a->ptr[i], arg);
}

void
mg_record_each_ref(Obj *o, void (*fn)(Value ref, void *arg), void *arg)
{
    Value self = MG_VAL(o);
    RefWalk w = { fn, arg };
    if (is_class(o)) {
        RClass *c = (RClass *)o;
        if (!mg_store_wellknown_oop(self)) {
            fn(mg_class_name(c), arg);
            RClass *sup = o->type == T_CLASS ? mg_class_superclass(c) : NULL;
            if (sup) fn(MG_VAL(sup), arg);
            mg_ivar_foreach(self, walk_class_ivar, &w);
            ID k;
            uint64_t v;
            for (uint32_t i = 0; c->ext->cvars && mg_idtable_next(c->ext->cvars, &i, &k, &v);) fn(mg_code_recorded_value((Value)v), arg);
        }
        fn(mg_code_defs(c), arg);
        return;
    }
    mg_record_each_ref_head(o, fn, arg);
    switch ((ObjType)o->type) {
    case T_ARRAY:
        mg_record_each_elem(o, 0, ((RArray *)o)->len, fn, arg);
        break;
    case T_HASH: {                             /* (the default: in the head) */
        Value k, v;
        for (int64_t it = 0; mg_hash_next_hashed(self, &it, &k, &v, NULL);) {   /* lazy entries: persistent already */
            fn(k, arg);
            fn(v, arg);
        }
        break;
    }
    case T_RANGE:
        fn(((RRange *)o)->beg, arg);
        fn(((RRange *)o)->end, arg);
        break;
    case T_DATA: {
        RData *d = (RData *)o;
        if (d->type && d->type->persist && d->type->persist->each_ref) d->type->persist->each_ref(d->ptr, fn, arg);
        break;
    }
    default:
        break;
    }
}

/* ---- decoding ---- */

struct MgRd { const unsigned char *p, *end; const char *err; };
typedef struct MgRd Rd;

static bool
need(Rd *r, size_t n)
{
    if (r->err) return false;
    if ((size_t)(r->end - r->p) < n) { r->err = "record is truncated"; return false; }
    return true;
}

static uint8_t get_u8(Rd *r) { if (!need(r, 1)) return 0; return *r->p++; }
static uint32_t get_u32(Rd *r) { uint32_t v = 0; if (need(r, 4)) { memcpy(&v, r->p, 4); r->p += 4; } return v; }
static uint64_t get_u64(Rd *r) { uint64_t v = 0; if (need(r, 8)) { memcpy(&v, r->p, 8); r->p += 8; } return v; }

static ID
get_sym(Rd *r)
{
    uint32_t len = get_u32(r);
    if (!need(r, len)) return 0;
    ID id = mg_intern((const char *)r->p, len);
    r->p += len;
    return id;
}

static Value
get_ref(Rd *r)
{
    uint8_t tag = get_u8(r);
    if (r->err) return MG_NIL;
    switch (tag) {
    case REF_NIL: return MG_NIL;
    case REF_TRUE: return MG_TRUE;
    case REF_FALSE: return MG_FALSE;
    case REF_UNDEF: return MG_UNDEF;
    case REF_FIX: {
        int64_t n = (int64_t)get_u64(r);
        return mg_int_new(n);
    }
    case REF_FLOAT: {
        double d = 0;
        if (need(r, 8)) { memcpy(&d, r->p, 8); r->p += 8; }
        return mg_float_new(d);
    }
    case REF_SYM: {
        ID id = get_sym(r);
        if (!id) return MG_NIL;
        size_t len;
        const char *s = mg_id_name(id, &len);
        Encoding enc;
        if (UNLIKELY(s[0] == '_') && len > sizeof ENC_PREFIX - 1 && memcmp(s, ENC_PREFIX, sizeof ENC_PREFIX - 1) == 0
            && mg_enc_find_name(s + sizeof ENC_PREFIX - 1, len - (sizeof ENC_PREFIX - 1), &enc))
            return mg_enc_value(enc);
        if (UNLIKELY(s[0] == '_') && len > sizeof STDIO_PREFIX - 1 && memcmp(s, STDIO_PREFIX, sizeof STDIO_PREFIX - 1) == 0)
            for (size_t i = 0; i < ARRAY_LEN(stdio_names); i++)
                if (strcmp(s + sizeof STDIO_PREFIX - 1, stdio_names[i]) == 0) {
                    Value io = mg_const_get_at(mg_cObject, mg_intern_cstr(stdio_names[i]));
                    if (io != MG_UNDEF) return io;
                }
        return MG_SYM(id);
    }
    case REF_SYM_ENC: {
        uint8_t enc = get_u8(r);
        uint32_t len = get_u32(r);
        if (!r->err && enc >= mg_encoding_count()) r->err = "record has a Symbol of an unknown encoding";
        if (!need(r, len)) return MG_NIL;
        ID id = mg_sym_intern_enc((const char *)r->p, len, (Encoding)enc);
        r->p += len;
        return MG_SYM(id);
    }
    case REF_BIG: {
        uint8_t neg = get_u8(r);
        uint64_t n = get_u64(r);
        if (!need(r, n)) return MG_NIL;
        mpz_t z;
        mpz_init(z);
        mpz_import(z, n, 1, 1, 0, 0, r->p);
        r->p += n;
        if (neg) mpz_neg(z, z);
        return mg_big_take(z);
    }
    case REF_OBJ: {
        uint8_t type = get_u8(r);
        uint64_t oop = get_u64(r);
        if (r->err) return MG_NIL;
        const char *err = NULL;
        Value v = mg_store_ref(type, oop, &err);
        if (err) r->err = err;
        return v;
    }
    case REF_META: {
        Value c = get_ref(r);
        if (r->err) return MG_NIL;
        if (!MG_IS_CLASS_OR_MODULE(c)) { r->err = "record's singleton-class reference names no class"; return MG_NIL; }
        return MG_VAL(mg_singleton_class(c));   /* faults c: no class record holds such a reference (txn.c) */
    }
    default:
        r->err = "record holds an unknown reference tag";
        return MG_NIL;
    }
}

static const char *decode_class_body(Obj *o, Value name, Value sup, Value defs);

/* An element of a big Array: a reference to an ordinary object becomes a
 * lazy reference (object.h, "lazy arrays"; resolving finds a resident header
 * as mg_store_ref does), checked here as mg_store_ref would check it;
 * anything else decodes as get_ref does. */
static Value
get_lazy_ref(Rd *r, size_t *nlazy)
{
    if (r->p + 10 > r->end || *r->p != REF_OBJ) return get_ref(r);
    uint8_t type = r->p[1];
    uint64_t oop;
    memcpy(&oop, r->p + 2, 8);
    if (!mg_store_lazy_ok(type, oop)) return get_ref(r);
    r->p += 10;
    ++*nlazy;
    return mg_lazy_ref(type, oop);
}

/* ---- data payloads (MgDataPersist) ---- */

static const DataType *data_types[32];
static size_t ndata_types;

void
mg_store_register_data(const DataType *type)
{
    for (size_t i = 0; i < ndata_types; i++) if (data_types[i] == type) return;
    if (ndata_types == sizeof data_types / sizeof *data_types || !type->persist
        || (!type->persist->size && (!type->persist->size_of || !type->persist->record_size)))
        mg_bug(__FILE__, __LINE__, "cannot register data type %s", type->name);
    data_types[ndata_types++] = type;
}

void mg_rec_put_u8(MgBuf *b, uint8_t v) { put_u8(b, v); }
void mg_rec_put_u32(MgBuf *b, uint32_t v) { put_u32(b, v); }
void mg_rec_put_u64(MgBuf *b, uint64_t v) { put_u64(b, v); }
void mg_rec_put_bytes(MgBuf *b, const void *p, size_t n) { put(b, p, n); }
void mg_rec_put_ref(MgBuf *b, Value v) { put_ref(b, v); }
uint8_t mg_rec_get_u8(MgRd *r) { return get_u8(r); }
uint32_t mg_rec_get_u32(MgRd *r) { return get_u32(r); }
uint64_t mg_rec_get_u64(MgRd *r) { return get_u64(r); }
Value mg_rec_get_ref(MgRd *r) { return get_ref(r); }
void mg_rec_fail(MgRd *r, const char *why) { if (!r->err) r->err = why; }
bool mg_rec_failed(const MgRd *r) { return r->err != NULL; }
size_t mg_rec_left(const MgRd *r) { return (size_t)(r->end - r->p); }

const void *
mg_rec_get_bytes(MgRd *r, size_t n)
{
    if (!need(r, n)) return NULL;
    const void *p = r->p;
    r->p += n;
    return p;
}

/* The payload goes inline into the header's slot, whose room is o->extra
 * bytes (txn.c's stubs have MG_DATA_INLINE_MAX; an evicted object keeps
 * its own payload's size), or, when it does not fit and the type can free
 * it, into a separate allocation. */
static void
decode_data(Obj *o, Rd *r)
{
    uint32_t len = get_u32(r);
    if (!need(r, len)) return;
    const DataType *type = NULL;
    for (size_t i = 0; i < ndata_types && !type; i++) {
        const char *tag = data_types[i]->persist->tag;
        if (strlen(tag) == len && memcmp(tag, r->p, len) == 0) type = data_types[i];
    }
    r->p += len;
    if (!type) { r->err = "record holds data of an unknown kind"; return; }
    const MgDataPersist *dp = type->persist;
    uint32_t size = dp->size;
    if (!size) {
        Rd peek = *r;
        size = dp->record_size(&peek);
        if (peek.err || size == UINT32_MAX || size > (size_t)(r->end - r->p) * 8 + 64) {
            r->err = "data record is truncated";
            return;
        }
    }
    RData *d = (RData *)o;
    bool in_slot = size <= o->extra;
    if (in_slot) {
        d->ptr = (char *)d + sizeof(RData);
        memset(d->ptr, 0, size);
        o->flags |= OF_DATA_INLINE;
    } else {
        if (!type->free) { r->err = "record's data does not fit its object"; return; }
        d->ptr = mg_calloc(1, size);
        o->flags &= (uint16_t)~OF_DATA_INLINE;
    }
    dp->decode(d->ptr, in_slot, r);
    d->type = type;
}

bool
mg_record_value_p(Value v)
{
    Encoding enc;
    return MG_IS_TYPE(v, T_DATA) && (mg_enc_of_value(v, &enc) || stdio_name(v));
}

bool
mg_record_keep(Obj *o)
{
    if (o->type != T_DATA || (o->flags & OF_UNFAULTED)) return false;
    const DataType *t = ((RData *)o)->type;
    return t && t->persist && t->persist->keep && t->persist->keep(((RData *)o)->ptr);
}

const char *
mg_record_refuse(Obj *o)
{
    const DataType *t = ((RData *)o)->type;
    if (!t || !t->persist) return "objects of this kind cannot be persisted";
    if (!(o->flags & OF_DATA_INLINE) && !t->free) return "objects of this kind cannot be persisted";
    return t->persist->refuse ? t->persist->refuse(((RData *)o)->ptr) : NULL;
}

/* The class ivars of a class read again that its record lacks (collected
 * first: the ivar table must not change under its iteration). */
typedef struct { const ID *names; uint32_t n; ID *drop; size_t ndrop, cdrop; } Unrecorded;

static bool
find_unrecorded(ID name, Value v, void *arg)
{
    UNUSED(v);
    Unrecorded *u = arg;
    if (!own_ivar(name)) return true;
    for (uint32_t i = 0; i < u->n; i++) if (u->names[i] == name) return true;
    if (u->ndrop == u->cdrop) {
        size_t cap = u->cdrop ? u->cdrop * 2 : 8;
        ID *bigger = realloc(u->drop, cap * sizeof *bigger);
        if (!bigger) return false;
        u->drop = bigger;
        u->cdrop = cap;
    }
    u->drop[u->ndrop++] = name;
    return true;
}

static const char *
decode_class(Obj *o, Rd *r)
{
    get_ref(r);                                /* Class or Module */
    uint32_t niv = get_u32(r);
    if (niv > (uint64_t)(r->end - r->p)) return "class record is truncated";
    ID *ivn = mg_malloc((niv + 1) * sizeof(ID));
    Value *ivv = mg_malloc((niv + 1) * sizeof(Value));   /* refs decoded here are resident (table), so unrooted is fine */
    for (uint32_t i = 0; i < niv && !r->err; i++) {
        ivn[i] = get_sym(r);
        ivv[i] = get_ref(r);
    }
    Value name = get_ref(r);
    Value sup = get_ref(r);
    Value defs = get_ref(r);
    uint32_t ncv = get_u32(r);
    if (!r->err && ncv > (uint64_t)(r->end - r->p)) r->err = "class record is truncated";
    if (r->err) ncv = 0;                        /* nothing to allocate for: the record is refused */
    ID *cvn = mg_malloc((ncv + 1) * sizeof(ID));
    Value *cvv = mg_malloc((ncv + 1) * sizeof(Value));
    for (uint32_t i = 0; i < ncv && !r->err; i++) {
        cvn[i] = get_sym(r);
        cvv[i] = get_ref(r);
    }
    const char *err = r->err;
    if (!err && r->p != r->end) err = "record has trailing bytes";
    bool reread = !(o->flags & OF_UNFAULTED);
    if (!err) err = decode_class_body(o, name, sup, defs);
    if (!err) {
        /* read again (an abort, another's commit): class ivars the record
         * lacks go, as they would from any object's body */
        if (reread) {
            Unrecorded u = { ivn, niv, NULL, 0, 0 };
            mg_ivar_foreach(MG_VAL(o), find_unrecorded, &u);
            for (size_t i = 0; i < u.ndrop; i++) mg_ivar_remove(MG_VAL(o), u.drop[i]);
            free(u.drop);
        }
        /* a recipe read again keeps the object this process made from it */
        for (uint32_t i = 0; i < niv; i++)
            if (ivn[i] && !(reread && mg_code_recipe_p(ivv[i]) && mg_code_local_recipe(mg_ivar_get(MG_VAL(o), ivn[i])) == ivv[i]))
                mg_ivar_set(MG_VAL(o), ivn[i], ivv[i]);
        RClass *c = (RClass *)o;
        if (reread && c->ext->cvars) {       /* and class variables */
            ID k;
            uint64_t v;
            Unrecorded u = { cvn, ncv, NULL, 0, 0 };
            for (uint32_t i = 0; mg_idtable_next(c->ext->cvars, &i, &k, &v);) find_unrecorded(k, (Value)v, &u);
            for (size_t i = 0; i < u.ndrop; i++) mg_idtable_delete(c->ext->cvars, u.drop[i], NULL);
            free(u.drop);
        }
        if (ncv && !c->ext->cvars) c->ext->cvars = mg_idtable_new();
        for (uint32_t i = 0; i < ncv; i++) {
            uint64_t had;
            if (!cvn[i]) continue;
            if (reread && mg_code_recipe_p(cvv[i]) && mg_idtable_get(c->ext->cvars, cvn[i], &had)
                && mg_code_local_recipe((Value)had) == cvv[i]) continue;
            mg_idtable_set(c->ext->cvars, cvn[i], cvv[i]);
        }
    }
    mg_free(ivn, (niv + 1) * sizeof(ID));
    mg_free(ivv, (niv + 1) * sizeof(Value));
    mg_free(cvn, (ncv + 1) * sizeof(ID));
    mg_free(cvv, (ncv + 1) * sizeof(Value));
    return err;
}

static const char *
decode_class_body(Obj *o, Value name, Value sup, Value defs)
{
    if (name != MG_NIL && !MG_IS_STRING(name)) return "class record's name is not a String";
    if (sup != MG_NIL && !MG_IS_TYPE(sup, T_CLASS)) return "class record's superclass is not a class";
    if (defs != MG_NIL && !MG_IS_HASH(defs)) return "class record's definitions are not a Hash";
    RClass *c = (RClass *)o;
    if (o->flags & OF_UNFAULTED) {
        if (o->type == T_CLASS && sup == MG_NIL) return "class record has no superclass";
        if (name != MG_NIL) MG_FAULT(name);
        if (sup != MG_NIL) MG_FAULT(sup);
        mg_class_fill(c, sup != MG_NIL ? MG_RCLASS(sup) : NULL, name);
        o->flags &= ~OF_UNFAULTED;
        o->flags |= OF_PERSISTABLE;
        if (o->klass) o->klass->hdr.flags |= OF_PERSISTABLE;
    }
    mg_code_set_defs(c, defs);
    return NULL;
}

static const char *
class_misfit_chain(RClass *k, uint8_t type, const DataType *dt)
{
    if (k->hdr.flags & OF_SINGLETON) return "record's class is a singleton class";
    static RClass **const bodies[] = { &mg_cString, &mg_cArray, &mg_cHash, &mg_cRange };
    static const uint8_t body_types[] = { T_STRING, T_ARRAY, T_HASH, T_RANGE };
    for (size_t i = 0; i < sizeof bodies / sizeof *bodies; i++)
        if (mg_class_inherits(k, *bodies[i]) != (type == body_types[i])) return "record's class does not fit its type";
    static RClass **const datas[] = { &mg_cTime, &mg_cRational, &mg_cComplex, &mg_cRegexp, &mg_cRandom, &mg_cProc };
    static const char *const tags[] = { "Time", "Rational", "Complex", "Regexp", "Random", "Proc" };
    for (size_t i = 0; i < sizeof datas / sizeof *datas; i++) {
        bool tagged = type == T_DATA && dt && strcmp(dt->persist->tag, tags[i]) == 0;
        if (mg_class_inherits(k, *datas[i]) != tagged) return "record's class does not fit its data";
    }
    /* classes whose instances are immediates, or C objects that never persist */
    static RClass **const none[] = { &mg_cInteger, &mg_cFloat, &mg_cSymbol, &mg_cNilClass, &mg_cTrueClass,
                                     &mg_cFalseClass, &mg_cMethod, &mg_cUnboundMethod, &mg_cBinding, &mg_cEncoding,
                                     &mg_cModule };
    for (size_t i = 0; i < sizeof none / sizeof *none; i++)
        if (mg_class_inherits(k, *none[i])) return "record's class has no instances in records";
    return NULL;
}

/* Whether instances of k have the layout of a record of type `type` (T_DATA:
 * of DataType dt). Core classes' C methods read their receiver's body
 * without checking it (a String record whose class reference names
 * Rational crashed the first Rational method called on it), so a record
 * whose class does not fit its type is corrupt. The superclass chain's part
 * of the answer is remembered per (class, type, DataType): a class's
 * superclasses never change and the classes it is checked against are
 * classes, not modules, so no include changes it. A record's class is
 * persistent, and its OOP, never reused, keys the entry with its address:
 * a collected class whose slot holds a new class misses. (It was 21 walks
 * up the chain per record, 11% of a walk of a million persistent nodes.) */
static const char *
class_misfit(RClass *k, uint8_t type, const DataType *dt)
{
    typedef struct { RClass *k; uint64_t oop; const DataType *dt; uint8_t type; const char *res; } Fit;
    static Fit memo[16];
    uint64_t oop = k->hdr.oop;
    size_t i = (size_t)((oop >> 3) ^ type) & 15;
    const char *res;
    if (oop && memo[i].k == k && memo[i].oop == oop && memo[i].type == type && memo[i].dt == dt) {
        res = memo[i].res;
    } else {
        res = class_misfit_chain(k, type, dt);
        if (oop) memo[i] = (Fit){ k, oop, dt, type, res };
    }
    if (res) return res;
    /* a plain object's class allocates plain objects (or none: Exception,
     * Struct, Enumerator and Set do; an ArithmeticSequence is made in C) */
    if (type != T_OBJECT) return NULL;
    MgAllocFunc a = mg_get_alloc_func(k);
    if (a != mg_get_alloc_func(mg_cBasicObject) && a != mg_alloc_undefined && a != mg_get_alloc_func(mg_cArithSeq))
        return "record's class does not fit its type";
    return NULL;
}

/* One entry of a Hash body (key, [hash], value) into o's table. */
static void
decode_hash_entry(Obj *o, Rd *r, uint8_t hf, bool lazy, size_t *nlazy)
{
    bool hashed = (hf & HF_KEYHASH) && str_ref_at(r->p, (size_t)(r->end - r->p));
    Value k = hashed && lazy ? get_lazy_ref(r, nlazy) : get_ref(r);   /* another key is hashed: read */
    uint64_t kh = hashed ? get_u64(r) : 0;
    Value v = lazy ? get_lazy_ref(r, nlazy) : get_ref(r);
    if (r->err) return;
    if (hashed) mg_hash_append_hashed(MG_VAL(o), k, v, kh);
    else mg_hash_aset(MG_VAL(o), k, v);
}

/* The n elements of an Array page into a, or the n dense positions of a
 * Hash page into o's table: a deleted one, or an entry merged into an
 * earlier one (keys changed into equal ones), as a deleted position, so
 * that positions stay the record's (paged.c rule P2). */
static void
decode_page_body(Obj *o, Rd *pr, uint8_t hf, uint64_t n, bool lazy, size_t *nlazy)
{
    if (o->type == T_ARRAY) {
        RArray *a = (RArray *)o;
        for (uint64_t i = 0; i < n && !pr->err; i++) {
            Value v = lazy ? get_lazy_ref(pr, nlazy) : get_ref(pr);
            a->ptr[a->len++] = v;
        }
        return;
    }
    Value h = MG_VAL(o);
    for (uint64_t i = 0; i < n && !pr->err; i++) {
        int64_t before = mg_hash_positions(h);
        if (pr->p < pr->end && *pr->p == REF_UNDEF) {
            get_u8(pr);
            if (get_u8(pr) != REF_UNDEF && !pr->err) pr->err = "hash page has a deleted key with a value";
        } else {
            decode_hash_entry(o, pr, hf, lazy, nlazy);
        }
        if (!pr->err && mg_hash_positions(h) == before && !mg_hash_append_hole(h)) pr->err = "hash page holds too many entries";
    }
}

/* A paged Array's or Hash's spine: the page references, then each page,
 * read at the same view (docs/format.md "Paged Arrays and Hashes"; paged.c). */
static void
decode_paged(Obj *o, Rd *r, unsigned shift, bool lazy, size_t *nlazy)
{
    uint8_t hf = 0;
    uint32_t iter_level = o->extra;          /* a Hash's iteration level (the T_HASH case says why) */
    if (o->type == T_HASH) {
        hf = get_u8(r);
        if (hf & HF_IDENTITY) o->flags |= OF_HASH_IDENTITY;
        if (hf & HF_PROCDEFAULT) o->flags |= OF_HASH_PROCDEFAULT;
        ((RHash *)o)->ifnone = get_ref(r);
        lazy = lazy && !(hf & HF_IDENTITY);
    }
    uint64_t np = get_u64(r);
    if (r->err) return;
    if (shift < MG_PAGE_SHIFT_MIN || shift > MG_PAGE_SHIFT_MAX) { r->err = "paged record has a bad page size"; return; }
    if (np == 0 || np > (uint64_t)(r->end - r->p) / 10) { r->err = "paged record is truncated"; return; }
    if (o->type == T_HASH && (np << shift) > 0x7ffffff0u) { r->err = "paged hash record is too big"; return; }
    MgPaged *e = mg_paged_begin(o, shift, (size_t)np);     /* mg_record_evict drops it on failure */
    for (uint64_t k = 0; k < np && !r->err; k++) {
        uint8_t tag = get_u8(r), type = get_u8(r);
        uint64_t oop = get_u64(r);
        if (!r->err && (tag != REF_OBJ || type != o->type || oop < MG_OOP_FIRST || (oop & 7)))
            r->err = "paged record holds a bad page reference";
        e->oop[k] = oop;
    }
    const int64_t page = (int64_t)1 << shift;
    int64_t skip = o->type == T_ARRAY ? (int64_t)get_u64(r) : 0;
    if (r->err) return;
    if (r->p != r->end) { r->err = "record has trailing bytes"; return; }
    if (skip < 0 || skip >= page) { r->err = "paged array record has a bad first position"; return; }
    e->skip = skip;
    /* every page but the last is full: room for np pages at once (a wrong
     * count is refused below, page by page) */
    if (o->type == T_ARRAY) {
        RArray *a = (RArray *)o;
        a->len = 0;
        a->capa = (int64_t)np << shift;
        a->ptr = mg_malloc((size_t)a->capa * sizeof(Value));
        o->extra = 0;   /* no front (core/array.c) */
    } else {
        o->extra = 0;
        mg_hash_reserve(MG_VAL(o), np << shift);
    }
    for (uint64_t k = 0; k < np && !r->err; k++) {
        MgRecord rec;
        const char *err = mg_store_read_page(e->oop[k], &rec);
        if (err) { r->err = err; break; }
        Rd pr = { rec.data, (const unsigned char *)rec.data + rec.len, NULL };
        uint8_t ptype = get_u8(&pr), pflags = get_u8(&pr);
        get_u8(&pr);
        get_u8(&pr);
        if (!pr.err && (ptype != o->type || !(pflags & MG_RF_PAGE))) { r->err = "paged record refers to a record that is not a page"; break; }
        get_ref(&pr);                          /* Array or Hash */
        if (get_u32(&pr) != 0 && !pr.err) pr.err = "page has instance variables";
        if (o->type == T_HASH) {
            if (get_u8(&pr) != hf && !pr.err) pr.err = "hash page's flags differ from its Hash's";
            get_ref(&pr);                      /* nil */
        }
        uint64_t n = get_u64(&pr);
        bool last = k + 1 == np;
        if (!pr.err && (last ? n == 0 || n > (uint64_t)page : n != (uint64_t)page))
            pr.err = "page holds the wrong number of elements";
        if (!pr.err && n > (uint64_t)(pr.end - pr.p)) pr.err = "page is truncated";
        if (!pr.err) decode_page_body(o, &pr, hf, n, lazy, nlazy);
        if (!pr.err && pr.p != pr.end) pr.err = "page has trailing bytes";
        if (pr.err) { r->err = pr.err; break; }
        e->ver[k] = rec.version;
        e->hash[k] = mg_paged_hash(rec.data, rec.len);
    }
    if (!r->err && skip) {                     /* the dead positions go */
        RArray *a = (RArray *)o;
        if (a->len <= skip) { r->err = "paged array record has a bad first position"; return; }
        memmove(a->ptr, a->ptr + skip, (size_t)(a->len - skip) * sizeof(Value));
        a->len -= skip;
    }
    if (o->type == T_HASH) o->extra = iter_level;
    mg_paged_clean(e);                         /* the table's barriers while it was filled */
}

const char *
mg_record_decode(Obj *o, const void *data, size_t len, bool lazy)
{
    Rd r = { data, (const unsigned char *)data + len, NULL };
    size_t nlazy = 0;
    Value self = MG_VAL(o);
    uint8_t type = get_u8(&r);
    uint8_t flags = get_u8(&r);
    uint8_t shift = get_u8(&r);             /* a paged Array's page size */
    get_u8(&r);
    if (r.err) return r.err;
    if (type != o->type) return "record's type differs from the reference's";
    if (flags & MG_RF_PAGE) return "record is a page of a paged Array, not an object";
    if (is_class(o)) {
        const char *err = decode_class(o, &r);
        if (!err && (flags & RF_NO_INSTANCES)) o->flags |= CF_NO_PERSISTENT_INSTANCES;
        /* frozen only once its definitions are in again (txn.c drains the
         * queue); not frozen: a freeze this process did not commit is undone */
        o->flags &= (uint16_t)~OF_FROZEN;
        if (!err && (flags & RF_FROZEN)) mg_store_queue_freeze(o);
        return err;
    }
    Value klass = get_ref(&r);
    if (r.err) return r.err;
    if (!MG_IS_TYPE(klass, T_CLASS)) return "record's class is not a class";
    MG_FAULT(klass);                           /* ivars of instances index into their class */
    o->flags &= ~OF_UNFAULTED;
    o->klass = MG_RCLASS(klass);
    uint32_t nivars = get_u32(&r);
    bool single = false;
    for (uint32_t i = 0; i < nivars && !r.err; i++) {
        ID name = get_sym(&r);
        Value v = get_ref(&r);
        if (!r.err && name) mg_ivar_set(self, name, v);
        if (!r.err && name == mg_code_singleton_id()) single = true;
    }
    if (!r.err && (single || UNLIKELY(mg_code_singleton_kept(o)) || (type == T_OBJECT && UNLIKELY(mg_code_read_hook_p(o->klass)))))
        mg_store_queue_singleton(o);
    switch ((ObjType)type) {
    case T_OBJECT:
        break;
    case T_STRING: {
        RString *s = (RString *)o;
        uint8_t enc = get_u8(&r);
        uint64_t n = get_u64(&r);
        if (!need(&r, n)) break;
        if (enc >= mg_encoding_count()) { r.err = "string record has an unknown encoding"; break; }
        size_t room = mg_gc_slot_size(o) - sizeof(RString);
        if (n < room) {                        /* in the slot (core/string.c) */
            s->ptr = (char *)(s + 1);
            s->capa = (int64_t)room - 1;
        } else {
            s->ptr = mg_malloc(n + 1);
            s->capa = (int64_t)n;
        }
        memcpy(s->ptr, r.p, n);
        s->ptr[n] = '\0';
        s->len = (int64_t)n;
        o->extra = enc;
        r.p += n;
        break;
    }
    case T_ARRAY: {
        RArray *a = (RArray *)o;
        if (flags & MG_RF_PAGED) {
            decode_paged(o, &r, shift, lazy, &nlazy);
            break;
        }
        uint64_t n = get_u64(&r);
        if (n > (uint64_t)(r.end - r.p)) { r.err = "array record is truncated"; break; }  /* each ref >= 1 byte */
        size_t room = (mg_gc_slot_size(o) - sizeof(RArray)) / sizeof(Value);
        if (n && n <= room) {                  /* in the slot (core/array.c, OF_ARY_EMBED) */
            a->ptr = (Value *)(a + 1);
            a->capa = (int64_t)room;
            o->flags |= OF_ARY_EMBED;
        } else {
            a->ptr = mg_malloc((n ? n : 1) * sizeof(Value));
            a->capa = (int64_t)n;
        }
        o->extra = 0;   /* no front (core/array.c) */
        a->len = 0;
        lazy = lazy && n >= MG_ARY_LAZY_MIN;
        for (uint64_t i = 0; i < n && !r.err; i++) {
            Value v = lazy ? get_lazy_ref(&r, &nlazy) : get_ref(&r);
            a->ptr[a->len++] = v;
        }
        break;
    }
    case T_HASH: {
        if (flags & MG_RF_PAGED) {
            decode_paged(o, &r, shift, lazy, &nlazy);
            break;
        }
        uint8_t hf = get_u8(&r);
        if (hf & HF_IDENTITY) o->flags |= OF_HASH_IDENTITY;
        if (hf & HF_PROCDEFAULT) o->flags |= OF_HASH_PROCDEFAULT;
        ((RHash *)o)->ifnone = get_ref(&r);
        uint64_t n = get_u64(&r);
        if (n > (uint64_t)(r.end - r.p)) { r.err = "hash record is truncated"; break; }
        if (n > 8) mg_hash_reserve(self, n);   /* one index build, not one per doubling */
        lazy = lazy && n >= MG_ARY_LAZY_MIN && !(hf & HF_IDENTITY);     /* object.h, "lazy hashes" */
        /* hdr.extra is the iteration level (core/hash.c): a Hash reset by an
         * abort inside its own each/delete_if is read again while iterated,
         * and filling it is no adding of keys by the block */
        uint32_t iter_level = o->extra;
        o->extra = 0;
        for (uint64_t i = 0; i < n && !r.err; i++) decode_hash_entry(o, &r, hf, lazy, &nlazy);
        o->extra = iter_level;
        break;
    }
    case T_RANGE:
        if (get_u8(&r)) o->flags |= OF_EXCL;
        ((RRange *)o)->beg = get_ref(&r);
        ((RRange *)o)->end = get_ref(&r);
        break;
    case T_DATA:
        decode_data(o, &r);
        break;
    default:
        r.err = "record has a type that cannot be stored";
        break;
    }
    if (!r.err && r.p != r.end) r.err = "record has trailing bytes";
    if (!r.err) r.err = class_misfit(o->klass, type, type == T_DATA ? ((RData *)o)->type : NULL);
    if (r.err) {
        mg_record_evict(o);
        return r.err;
    }
    if (flags & RF_FROZEN) o->flags |= OF_FROZEN;
    if (nlazy) o->flags |= OF_UNFAULTED | (type == T_HASH ? OF_HASH_LAZY : OF_ARY_LAZY);
    return NULL;
}

/* ---- eviction ---- */

void
mg_record_evict(Obj *o)
{
    if (is_class(o)) return;                   /* classes stay resident (txn.c reapplies them) */
    if (UNLIKELY(o->klass && (o->klass->hdr.flags & OF_SINGLETON)) && o->klass->u.attached == MG_VAL(o))
        mg_code_singleton_evicted(o);          /* its transient-mode methods outlive the reset */
    if (o->flags & OF_GENIVAR) mg_genivar_free(o);
    switch ((ObjType)o->type) {
    case T_OBJECT: {
        RObject *ro = (RObject *)o;
        if (!(o->flags & OF_IVEMBED)) mg_free(ro->ivs, o->extra * sizeof(Value));
        ro->ivs = NULL;
        o->extra = 0;
        o->flags &= (uint16_t)~OF_IVEMBED;
        break;
    }
    case T_STRING: {
        RString *s = (RString *)o;
        if (s->ptr) mg_str_free_body(s);
        s->ptr = NULL;
        s->len = s->capa = 0;
        o->extra = 0;
        break;
    }
    case T_ARRAY:
        if (o->flags & OF_PAGED) mg_paged_forget(o);
        mg_ary_free_body((RArray *)o);
        break;
    case T_HASH: {
        RHash *h = (RHash *)o;
        if (o->flags & OF_PAGED) mg_paged_forget(o);
        if (h->tbl) mg_hash_free_body(h);
        h->tbl = NULL;
        h->ifnone = MG_NIL;
        break;
    }
    case T_RANGE:
        ((RRange *)o)->beg = ((RRange *)o)->end = MG_NIL;
        break;
    case T_DATA: {
        RData *d = (RData *)o;
        const DataType *t = d->type;
        if (t && (o->flags & OF_DATA_INLINE) && t->persist) {  /* the slot's room, for the next decode */
            uint32_t room = t->persist->size ? t->persist->size : t->persist->size_of(d->ptr);
            if (t->free && d->ptr) t->free(d->ptr);     /* what the payload owns (a Regexp's patterns), as the GC does */
            o->extra = room;
        } else if (t && t->free && d->ptr)
            t->free(d->ptr);
        if (!(o->flags & OF_DATA_INLINE)) o->extra = 0;
        d->type = NULL;
        d->ptr = NULL;
        break;
    }
    default:
        break;
    }
    o->flags &= ~(OF_FROZEN | OF_DIRTY | OF_HASH_IDENTITY | OF_HASH_PROCDEFAULT | OF_EXCL
                  | OF_USER1 | OF_USER2 | OF_USER3 | OF_USER4);
    o->flags |= OF_UNFAULTED;
    o->klass = NULL;
}
