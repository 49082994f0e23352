/* hash.c -- Hash: the insertion-ordered hash table behind RHash, generic key
 * hashing and equality (mg_hash_value / mg_eql), the exported C API (core.h),
 * the Hash methods and mg_init_hash.
 *
 * Table design (HashTable, opaque outside this file):
 *  1. Entries live in a dense array in insertion order; a deleted entry keeps
 *     its slot with key == MG_UNDEF, so positions never move while anything may
 *     be iterating. Iteration is a walk over dense positions (mg_hash_next).
 *  2. Up to LINEAR_MAX entries there is no index: lookups scan the entries.
 *     Above it, `index` is an open-addressing table (perturbed probing) whose
 *     slots hold dense position + 1 in the low 32 bits (0 = empty, TOMB =
 *     deleted) and the hash's high 32 bits above, so most probes are decided
 *     without touching the entries; it is sized to at least twice the entry
 *     capacity so probes stay short.
 *  3. Entries are compacted (deleted ones dropped) only when a new key is
 *     added and the dense array is full. Adding a key while the hash is being
 *     iterated (hdr.extra = iteration level > 0) raises, so positions are
 *     stable during iteration.
 *  4. `first` is a lower bound on the first live position (shift is O(1)).
 *  5. Keys hash with mg_hash_value (or the raw bits under compare_by_identity);
 *     the hash is cached in the entry. A lookup that ran Ruby code (#eql?)
 *     re-checks the table afterwards and restarts if it changed.
 */
#include "coll_int.h"
#include <math.h>

#define LINEAR_MAX 8
#define TOMB 0xffffffffu
#define HASH_MAX_ENTRIES 0x7ffffff0u

typedef struct { Value key, val; uint64_t hash; } HEntry;

struct HashTable {
    HEntry *e;
    uint32_t count;     /* dense positions used (including deleted) */
    uint32_t live;      /* entries not deleted */
    uint32_t capa;      /* of e */
    uint32_t first;     /* no live entry below this position */
    uint64_t *index;    /* NULL, or mask + 1 slots: hash high bits << 32 | position + 1 */
    uint32_t mask;
};

#define RH(v) MG_RHASH(v)
#define ITER_LEV(h) (MG_OBJ(h)->extra)
#define IDENT_P(h) ((MG_OBJ(h)->flags & OF_HASH_IDENTITY) != 0)
#define PROCDEF_P(h) ((MG_OBJ(h)->flags & OF_HASH_PROCDEFAULT) != 0)

static inline HashTable *
TBL(Value h)
{
    MG_FAULT(h);
    if (UNLIKELY(MG_OBJ(h)->flags & OF_HASH_LAZY)) mg_hash_resolve_all(h);   /* changed while lazy (hash_store) */
    return RH(h)->tbl;
}

/* The table of h, which may stay lazy (object.h, "lazy hashes"): for the
 * readers that resolve what they take (ht_find, lookups, size) */
static inline HashTable *
TBL_LAZY(Value h)
{
    Obj *o = MG_OBJ(h);
    if (UNLIKELY(o->flags & OF_UNFAULTED) && !mg_hash_lazy_p(o)) mg_fault_lazy_hook(o);
    return RH(h)->tbl;
}

/* A slot of a lazy Hash's entry, resolved in place (not a change: the Hash stays clean) */
static inline Value
resolved(Value h, Value *slot)
{
    if (UNLIKELY(mg_lazy_ref_p(*slot))) *slot = mg_lazy_resolve_hook(MG_OBJ(h), *slot);
    return *slot;
}

static inline uint64_t
mix64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

/* ---- generic hashing and equality ---- */

static bool
default_method_p(Value v, ID mid)
{
    MethodEntry *me = mg_method_lookup(mg_class_of(v), mid);
    if (!me) return true;
    return me->kind == ME_CFUNC &&
           (me->owner == mg_mKernel || me->owner == mg_cObject || me->owner == mg_cBasicObject);
}

static uint64_t
dbl_hash(double d)
{
    if (d == 0.0) d = 0.0;   /* -0.0 and 0.0 are eql? */
    uint64_t b;
    mg_memcpy0(&b, &d, sizeof b);
    return mix64(b ^ 0x5bd1e995ULL);
}

static uint64_t
int_value_hash(Value r)
{
    if (MG_IS_FIXNUM(r)) return (uint64_t)MG_FIX2LONG(r);
    if (MG_IS_BIGNUM(r)) return mg_int_hash(r);
    r = mg_to_int(r);
    return MG_IS_FIXNUM(r) ? (uint64_t)MG_FIX2LONG(r) : mg_int_hash(r);
}

uint64_t
mg_hash_value(Value v)
{
    if (MG_IS_FIXNUM(v)) return (uint64_t)MG_FIX2LONG(v);
    if (MG_IS_SYMBOL(v)) return (uint64_t)MG_SYM2ID(v) * 0x9e3779b97f4a7c15ULL;
    if (MG_IS_FLONUM(v)) return dbl_hash(mg_flonum_decode(v));
    if (!MG_IS_PTR(v)) return mix64((uint64_t)v + 0x9e37ULL);
    MG_FAULT(v);
    switch ((ObjType)MG_OBJ(v)->type) {
    case T_STRING:
        return mg_str_hash(v);      /* any String, as CRuby: a subclass's #hash is not asked */
    case T_FLOAT:
        return dbl_hash(MG_RFLOAT(v)->value);
    case T_BIGNUM:
        return mg_int_hash(v);
    case T_ARRAY:
        if (mg_class_of(v) == mg_cArray) return mg_ary_hash(v);
        break;
    case T_HASH:
        if (mg_class_of(v) == mg_cHash) return mg_hash_hash(v);
        break;
    default:
        break;
    }
    if (default_method_p(v, mg_id_hash)) return mix64(mg_obj_oop(v));
    return int_value_hash(mg_funcall(v, mg_id_hash, 0, NULL));
}

bool
mg_eql(Value a, Value b)
{
    if (a == b) return true;
    if (MG_IS_FLONUM(a)) return MG_IS_FLOAT(b) && mg_float_value(a) == mg_float_value(b);
    if (!MG_IS_PTR(a)) return false;
    MG_FAULT(a);
    switch ((ObjType)MG_OBJ(a)->type) {
    case T_STRING:
        if (MG_IS_STRING(b) && mg_class_of(a) == mg_cString) return mg_str_equal(a, b);
        break;
    case T_FLOAT:
        return MG_IS_FLOAT(b) && mg_float_value(a) == mg_float_value(b);
    case T_BIGNUM:
        return MG_IS_BIGNUM(b) && mg_int_equal(a, b);
    case T_ARRAY:
        if (mg_class_of(a) == mg_cArray) return MG_IS_ARRAY(b) && mg_ary_eql(a, b);
        break;
    default:
        break;
    }
    if (default_method_p(a, mg_id_eql_p)) return false;
    return MG_TEST(mg_funcall(a, mg_id_eql_p, 1, &b));
}

static inline uint64_t
key_hash(Value h, Value key)
{
    if (IDENT_P(h)) return mix64((uint64_t)key);
    return mg_hash_value(key);
}

/* true for keys whose equality never runs Ruby code */
static inline bool
simple_key(Value k)
{
    return MG_IS_FIXNUM(k) || MG_IS_SYMBOL(k) || MG_IS_FLONUM(k) || !MG_IS_PTR(k);
}

/* ---- the table ---- */

static HashTable *
ht_new(uint32_t capa)
{
    HashTable *t = mg_calloc(1, sizeof(HashTable));
    if (capa) {
        t->e = mg_malloc((size_t)capa * sizeof(HEntry));
        t->capa = capa;
    }
    return t;
}

static void
ht_free(HashTable *t)
{
    if (!t) return;
    mg_free(t->e, (size_t)t->capa * sizeof(HEntry));
    mg_free(t->index, t->index ? ((size_t)t->mask + 1) * sizeof(uint64_t) : 0);
    mg_free(t, sizeof(HashTable));
}

#define SLOT_POS(x) ((uint32_t)(x))
/* The tag is taken from a remix of the hash: key hashes need not be mixed
 * (small Integers hash to themselves, which keeps sequential keys in
 * neighbouring slots), but the tags must differ for different keys. */
#define HASH_TAG(h) (mix64(h) & 0xffffffff00000000ULL)
#define SLOT_TAG(x) ((x) & 0xffffffff00000000ULL)

/* Probe sequence (perturbed, as in CPython's dict) so unmixed hashes with
 * common low bits still spread: s = 5s + 1 + perturb, perturb >>= 5. */
#define PROBE_START(t, h, s, perturb) (perturb = (h), s = (uint32_t)(h) & (t)->mask)
#define PROBE_NEXT(t, s, perturb) (s = (uint32_t)((s * 5ULL + 1 + perturb) & (t)->mask), perturb >>= 5)

static void
index_insert(HashTable *t, uint64_t hash, uint32_t pos)
{
    uint64_t perturb;
    uint32_t i;
    PROBE_START(t, hash, i, perturb);
    while (SLOT_POS(t->index[i]) != 0 && SLOT_POS(t->index[i]) != TOMB) PROBE_NEXT(t, i, perturb);
    t->index[i] = HASH_TAG(hash) | (pos + 1);
}

/* Compacts the entries into a buffer of newcapa and rebuilds the index. */
static void
ht_rebuild(HashTable *t, uint32_t newcapa)
{
    HEntry *ne = mg_malloc((size_t)newcapa * sizeof(HEntry));
    uint32_t n = 0;
    for (uint32_t i = t->first; i < t->count; i++)
        if (t->e[i].key != MG_UNDEF) ne[n++] = t->e[i];
    mg_free(t->e, (size_t)t->capa * sizeof(HEntry));
    t->e = ne;
    t->capa = newcapa;
    t->count = t->live = n;
    t->first = 0;
    if (t->index) mg_free(t->index, ((size_t)t->mask + 1) * sizeof(uint64_t));
    t->index = NULL;
    t->mask = 0;
    if (newcapa > LINEAR_MAX) {
        uint32_t slots = 16;
        while (slots < newcapa * 2) slots <<= 1;
        t->index = mg_calloc(slots, sizeof(uint64_t));
        t->mask = slots - 1;
        for (uint32_t i = 0; i < n; i++) index_insert(t, ne[i].hash, i);
    }
}

/* Position of key, or -1. May run Ruby code (#eql?); restarts when that changed the table. */
static int64_t
ht_find(Value h, Value key, uint64_t hash)
{
    bool ident = IDENT_P(h);
restart:;
    HashTable *t = TBL_LAZY(h);
    if (!t || t->live == 0) return -1;
    if (!t->index) {
        for (uint32_t i = t->first; i < t->count; i++) {
            HEntry *e = &t->e[i];
            /* the hash first, as CRuby: a key changed since it was stored is not found */
            if (e->hash != hash || e->key == MG_UNDEF) continue;
            if (e->key == key) return i;
            if (ident) continue;
            resolved(h, &e->key);
            if (e->key == key) return i;
            if (simple_key(key) && simple_key(e->key)) continue;
            HEntry *saved = t->e;
            uint32_t cnt = t->count;
            bool eq = mg_eql(key, e->key);
            if (TBL_LAZY(h) != t || t->e != saved || t->count != cnt) goto restart;
            if (eq) return i;
        }
        return -1;
    }
    uint64_t tag = HASH_TAG(hash), perturb;
    uint32_t s;
    for (PROBE_START(t, hash, s, perturb);; PROBE_NEXT(t, s, perturb)) {
        uint64_t slot = t->index[s];
        uint32_t p = SLOT_POS(slot);
        if (p == 0) return -1;
        if (p == TOMB || SLOT_TAG(slot) != tag) continue;
        HEntry *e = &t->e[p - 1];
        if (e->hash != hash) continue;
        if (e->key == key) return p - 1;
        if (ident) continue;
        resolved(h, &e->key);
        if (e->key == key) return p - 1;
        if (simple_key(key) && simple_key(e->key)) continue;
        HEntry *saved = t->e;
        uint32_t cnt = t->count;
        bool eq = mg_eql(key, e->key);
        if (TBL_LAZY(h) != t || t->e != saved || t->count != cnt) goto restart;
        if (eq) return p - 1;
    }
}

static void
ht_append(Value h, Value key, Value val, uint64_t hash)
{
    if (ITER_LEV(h) > 0) mg_raise(mg_eRuntimeError, "can't add a new key into hash during iteration");
    HashTable *t = RH(h)->tbl;
    if (!t) t = RH(h)->tbl = ht_new(4);
    if (t->count == t->capa) {
        if (t->live >= HASH_MAX_ENTRIES) mg_raise(mg_eArgumentError, "hash too big");
        uint32_t nc = t->capa;
        if (nc < 4) nc = 4;
        else if (t->live >= t->capa / 2) nc = t->capa * 2 < HASH_MAX_ENTRIES ? t->capa * 2 : HASH_MAX_ENTRIES;
        ht_rebuild(t, nc);
    }
    uint32_t pos = t->count++;
    t->e[pos] = (HEntry){ key, val, hash };
    t->live++;
    if (t->index) index_insert(t, hash, pos);
    else if (t->count > LINEAR_MAX && t->capa > LINEAR_MAX) ht_rebuild(t, t->capa);
}

static void
ht_delete_at(HashTable *t, uint32_t pos)
{
    HEntry *e = &t->e[pos];
    if (t->index) {
        uint64_t perturb;
        uint32_t s;
        for (PROBE_START(t, e->hash, s, perturb);; PROBE_NEXT(t, s, perturb)) {
            if (SLOT_POS(t->index[s]) == pos + 1) { t->index[s] = TOMB; break; }
            if (SLOT_POS(t->index[s]) == 0) break;
        }
    }
    e->key = MG_UNDEF;
    e->val = MG_NIL;
    t->live--;
    if (pos == t->first) {
        while (t->first < t->count && t->e[t->first].key == MG_UNDEF) t->first++;
    }
    if (t->live == 0) {
        t->count = t->first = 0;
        if (t->index) memset(t->index, 0, ((size_t)t->mask + 1) * sizeof(uint64_t));
    }
}

/* ---- the collector's hooks ---- */

void
mg_hash_mark_body(RHash *h)
{
    HashTable *t = h->tbl;
    if (!t) return;
    for (uint32_t i = t->first; i < t->count; i++) {
        if (t->e[i].key == MG_UNDEF) continue;
        mg_gc_mark(t->e[i].key);
        mg_gc_mark(t->e[i].val);
    }
}

void
mg_hash_free_body(RHash *h)
{
    ht_free(h->tbl);
    h->tbl = NULL;
}

/* ---- exported C API ---- */

Value
mg_hash_alloc(RClass *klass)
{
    RHash *h = (RHash *)mg_gc_alloc(sizeof(RHash), T_HASH, klass);
    h->ifnone = MG_NIL;
    return MG_VAL(h);
}

Value
mg_hash_new(void)
{
    return mg_hash_alloc(mg_cHash);
}

Value
mg_hash_new_capa(int64_t capa)
{
    Value h = mg_hash_alloc(mg_cHash);
    if (capa > 0) {
        uint32_t c = capa > 1 << 20 ? 1 << 20 : (uint32_t)capa;
        HashTable *t = ht_new(c);
        RH(h)->tbl = t;
        if (c > LINEAR_MAX) ht_rebuild(t, c);
    }
    return h;
}

Value
mg_hash_lookup(Value h, Value key)
{
    HashTable *t = TBL_LAZY(h);
    if (!t || t->live == 0) return MG_UNDEF;
    int64_t i = ht_find(h, key, key_hash(h, key));
    return i < 0 ? MG_UNDEF : resolved(h, &TBL_LAZY(h)->e[i].val);
}

static Value
hash_default_value(Value h, Value key)
{
    if (PROCDEF_P(h)) {
        Value args[2] = { h, key };
        return mg_proc_call(RH(h)->ifnone, 2, args, MG_NIL);
    }
    return RH(h)->ifnone;
}

Value
mg_hash_aref(Value h, Value key)
{
    Value v = mg_hash_lookup(h, key);
    if (v != MG_UNDEF) return v;
    TBL_LAZY(h);                                  /* ifnone is read with the body */
    if (RH(h)->ifnone == MG_NIL) return MG_NIL;
    return hash_default_value(h, key);
}

/* The barrier of adding a key: it goes to the next dense position, unless
 * the table is full and the append compacts it, which may move every entry
 * (store/paged.c pages a big Hash by dense position). */
static void
wb_append(Value h, Value key)
{
    if (LIKELY(!(MG_OBJ(h)->flags & OF_PERSISTENT))) return;   /* (the barrier's own test, before the table's) */
    HashTable *t = RH(h)->tbl;
    if (t && t->index && t->count < t->capa) mg_wb_elems(MG_OBJ(h), t->count, (int64_t)t->count + 1);
    else MG_WB(h, key);
}

static void
hash_store(Value h, Value key, Value val, bool copy_str)
{
    /* a lazy Hash stays lazy when changed: its body is present, so it is
     * no longer unfaulted, and OF_HASH_LAZY says its entries may still be
     * lazy references (TBL resolves them for every other reader; the store
     * writes them as they are) */
    Obj *o = MG_OBJ(h);
    if (mg_hash_lazy_p(o)) o->flags &= (uint16_t)~OF_UNFAULTED;
    else MG_FAULT(h);
    MG_CHECK_FROZEN(h);
    uint64_t hash = key_hash(h, key);
    int64_t i = ht_find(h, key, hash);
    if (i >= 0) {
        mg_wb_elems(o, i, i + 1);
        RH(h)->tbl->e[i].val = val;
        return;
    }
    if (copy_str && MG_IS_STRING(key) && !IDENT_P(h) && !mg_frozen_p(key) && mg_obj_class(key) == mg_cString) {
        /* a plain String key is shared with every equal key, as in CRuby;
         * one with instance variables is copied; a subclass's is kept as is */
        if (!(MG_OBJ(key)->flags & OF_GENIVAR)) key = mg_str_fstring(key);
        else key = mg_str_freeze(mg_str_dup(key));
    }
    wb_append(h, key);
    ht_append(h, key, val, hash);
}

void
mg_hash_aset(Value h, Value key, Value v)
{
    hash_store(h, key, v, true);
}

bool
mg_hash_insert_new(Value h, Value key, Value val)
{
    MG_FAULT(h);
    uint64_t hash = key_hash(h, key);
    if (ht_find(h, key, hash) >= 0) return false;
    wb_append(h, key);
    ht_append(h, key, val, hash);
    return true;
}

Value
mg_hash_delete(Value h, Value key)
{
    HashTable *t = TBL(h);
    if (!t || t->live == 0) return MG_UNDEF;
    MG_CHECK_FROZEN(h);
    int64_t i = ht_find(h, key, key_hash(h, key));
    if (i < 0) return MG_UNDEF;
    t = RH(h)->tbl;
    Value v = t->e[i].val;
    mg_wb_elems(MG_OBJ(h), i, i + 1);
    ht_delete_at(t, (uint32_t)i);
    return v;
}

int64_t
mg_hash_size(Value h)
{
    HashTable *t = TBL_LAZY(h);
    return t ? t->live : 0;
}

size_t
mg_hash_memsize(Value h)
{
    HashTable *t = TBL(h);
    if (!t) return 0;
    return sizeof *t + (size_t)t->capa * sizeof(HEntry) + (t->index ? ((size_t)t->mask + 1) * sizeof(uint64_t) : 0);
}

static bool
ht_next(HashTable *t, int64_t *iter, Value *key, Value *val, uint64_t *hash)
{
    if (!t) return false;
    int64_t i = *iter;
    if (i < t->first) i = t->first;
    for (; i < t->count; i++) {
        HEntry *e = &t->e[i];
        if (e->key == MG_UNDEF) continue;
        if (key) *key = e->key;
        if (val) *val = e->val;
        if (hash) *hash = e->hash;
        *iter = i + 1;
        return true;
    }
    *iter = i;
    return false;
}

bool
mg_hash_next_hashed(Value h, int64_t *iter, Value *key, Value *val, uint64_t *hash)
{
    return ht_next(TBL_LAZY(h), iter, key, val, hash);
}

bool
mg_hash_next(Value h, int64_t *iter, Value *key, Value *val)
{
    return ht_next(TBL(h), iter, key, val, NULL);     /* every entry resolved */
}

/* A lazy Hash becomes an ordinary one: every entry resolved (store/txn.c, when it faults) */
void
mg_hash_resolve_all(Value h)
{
    HashTable *t = RH(h)->tbl;
    for (uint32_t i = t ? t->first : 0; t && i < t->count; i++) {
        if (t->e[i].key == MG_UNDEF) continue;
        resolved(h, &t->e[i].key);
        resolved(h, &t->e[i].val);
    }
    MG_OBJ(h)->flags &= (uint16_t)~(OF_UNFAULTED | OF_HASH_LAZY);
}

/* Each entry of a lazy Hash's table through fn (store/txn.c: resolved
 * entries back to lazy references under a memory cap) */
void
mg_hash_relazify(Value h, Value (*fn)(Value))
{
    HashTable *t = RH(h)->tbl;
    for (uint32_t i = t ? t->first : 0; t && i < t->count; i++) {
        if (t->e[i].key == MG_UNDEF) continue;
        t->e[i].key = fn(t->e[i].key);
        t->e[i].val = fn(t->e[i].val);
    }
}

void
mg_hash_reserve(Value h, uint64_t n)
{
    MG_FAULT(h);
    if (n > HASH_MAX_ENTRIES) n = HASH_MAX_ENTRIES;
    HashTable *t = RH(h)->tbl;
    if (!t) t = RH(h)->tbl = ht_new(0);
    if (n > t->capa) ht_rebuild(t, (uint32_t)n);
}

int64_t
mg_hash_positions(Value h)
{
    HashTable *t = TBL_LAZY(h);
    return t ? t->count : 0;
}

bool
mg_hash_at(Value h, int64_t pos, Value *key, Value *val, uint64_t *hash)
{
    HashTable *t = TBL_LAZY(h);
    if (!t || pos < 0 || pos >= t->count || t->e[pos].key == MG_UNDEF) return false;
    *key = t->e[pos].key;
    *val = t->e[pos].val;
    if (hash) *hash = t->e[pos].hash;
    return true;
}

bool
mg_hash_append_hole(Value h)
{
    MG_FAULT(h);
    HashTable *t = RH(h)->tbl;
    if (!t || t->count == t->capa) return false;      /* the reader reserves room first (a rebuild would drop holes) */
    t->e[t->count++] = (HEntry){ MG_UNDEF, MG_NIL, 0 };
    return true;
}

void
mg_hash_append_hashed(Value h, Value key, Value val, uint64_t hash)
{
    MG_FAULT(h);
    MG_WB(h, key);
    MG_WB(h, val);
    ht_append(h, key, val, hash);
}

void
mg_hash_clear(Value h)
{
    MG_FAULT(h);
    MG_CHECK_FROZEN(h);
    HashTable *t = RH(h)->tbl;
    if (!t) return;
    MG_WB(h, MG_NIL);
    if (ITER_LEV(h) > 0) {
        /* positions must stay valid for the running iteration */
        for (uint32_t i = t->first; i < t->count; i++)
            if (t->e[i].key != MG_UNDEF) ht_delete_at(t, i);
        return;
    }
    RH(h)->tbl = NULL;
    ht_free(t);
}

/* Copies entries, default and identity flag from src into the empty dst. */
static void
hash_copy_into(Value dst, Value src)
{
    HashTable *t = TBL(src);
    MG_OBJ(dst)->flags = (uint16_t)((MG_OBJ(dst)->flags & ~(OF_HASH_IDENTITY | OF_HASH_PROCDEFAULT)) |
                                    (MG_OBJ(src)->flags & (OF_HASH_IDENTITY | OF_HASH_PROCDEFAULT)));
    RH(dst)->ifnone = RH(src)->ifnone;
    if (!t || t->live == 0) return;
    HashTable *n = ht_new(0);
    HashTable *old = RH(dst)->tbl;
    n->e = mg_malloc((size_t)t->capa * sizeof(HEntry));
    n->capa = t->capa;
    mg_memcpy0(n->e, t->e, (size_t)t->count * sizeof(HEntry));
    n->count = t->count;
    n->live = t->live;
    n->first = t->first;
    if (t->index) {
        n->index = mg_malloc(((size_t)t->mask + 1) * sizeof(uint64_t));
        mg_memcpy0(n->index, t->index, ((size_t)t->mask + 1) * sizeof(uint64_t));
        n->mask = t->mask;
    }
    RH(dst)->tbl = n;
    ht_free(old);
    MG_WB(dst, MG_NIL);
}

Value
mg_hash_dup(Value h)
{
    Value n = mg_hash_alloc(mg_cHash);
    hash_copy_into(n, h);
    return n;
}

Value
mg_hash_keys(Value h)
{
    Value a = mg_ary_new_capa(mg_hash_size(h));
    Value k;
    for (int64_t i = 0; mg_hash_next(h, &i, &k, NULL);) mg_ary_push(a, k);
    return a;
}

static Value
hash_values_ary(Value h)
{
    Value a = mg_ary_new_capa(mg_hash_size(h));
    Value v;
    for (int64_t i = 0; mg_hash_next(h, &i, NULL, &v);) mg_ary_push(a, v);
    return a;
}

Value
mg_check_hash(Value v)
{
    if (MG_IS_HASH(v)) { MG_FAULT(v); return v; }    /* its body read directly, as mg_to_str's */
    if (MG_IS_IMMEDIATE(v) || !mg_respond_to(v, mg_id_to_hash, true)) return MG_NIL;
    Value r = mg_funcall(v, mg_id_to_hash, 0, NULL);
    if (MG_IS_NIL(r)) return MG_NIL;
    if (!MG_IS_HASH(r)) {
        const char *cn = mg_class_cname(mg_obj_class(v));
        mg_raise(mg_eTypeError, "can't convert %s to Hash (%s#to_hash gives %s)",
                 cn, cn, mg_class_cname(mg_obj_class(r)));
    }
    MG_FAULT(r);
    return r;
}

Value
mg_to_hash(Value v)
{
    Value r = mg_check_hash(v);
    if (MG_IS_NIL(r)) mg_raise_type(v, "Hash");
    return r;
}

/* ---- iteration with the level raised ---- */

typedef struct {
    Value h;
    bool (*fn)(Value, Value, void *);
    void *arg;
} ForeachCall;

static Value
foreach_body(Value p)
{
    ForeachCall *c = VAL2PTR(p);
    for (int64_t i = 0;; i++) {
        HashTable *t = TBL(c->h);
        if (!t || i >= t->count) break;
        if (i < t->first) i = t->first;
        if (i >= t->count) break;
        HEntry *e = &t->e[i];
        if (e->key == MG_UNDEF) continue;
        if (!c->fn(e->key, e->val, c->arg)) break;
    }
    return MG_NIL;
}

static void
foreach_done(Value h)
{
    if (ITER_LEV(h) > 0) ITER_LEV(h)--;
}

void
mg_hash_foreach(Value h, bool (*fn)(Value key, Value val, void *arg), void *arg)
{
    MG_FAULT(h);
    if (!RH(h)->tbl || RH(h)->tbl->live == 0) return;
    ForeachCall c = { h, fn, arg };
    ITER_LEV(h)++;
    mg_ensure(foreach_body, PTR2VAL(&c), foreach_done, h);
}

/* ---- inspect, hash, == ---- */

static ID id_inspect_guard, id_eq_guard, id_hash_guard;

static Value
hash_inspect_body(Value h, Value arg, bool recursive)
{
    UNUSED(arg);
    if (recursive) return mg_str_new("{...}", 5);
    Value s = mg_str_buf_new(64);
    mg_str_cat(s, "{", 1);
    Value k, v;
    bool first = true;
    for (int64_t i = 0; mg_hash_next(h, &i, &k, &v);) {
        if (!first) mg_str_cat(s, ", ", 2);
        first = false;
        mg_str_append(s, mg_inspect(k));
        mg_str_cat(s, "=>", 2);
        mg_str_append(s, mg_inspect(v));
    }
    mg_str_cat(s, "}", 1);
    return s;
}

Value
mg_hash_inspect(Value h)
{
    if (mg_hash_size(h) == 0) return mg_str_new("{}", 2);
    return mg_exec_recursive(hash_inspect_body, h, MG_NIL, id_inspect_guard);
}

static Value
hash_hash_body(Value h, Value arg, bool recursive)
{
    uint64_t *out = VAL2PTR(arg);
    uint64_t acc = mix64((uint64_t)mg_hash_size(h) + 0x51ed27ULL);
    if (!recursive) {
        Value k, v;
        for (int64_t i = 0; mg_hash_next(h, &i, &k, &v);)
            acc += mix64(mg_hash_value(k) * 31 + mg_hash_value(v));
    }
    *out = acc;
    return MG_NIL;
}

uint64_t
mg_hash_hash(Value h)
{
    uint64_t out = 0;
    mg_exec_recursive(hash_hash_body, h, PTR2VAL(&out), id_hash_guard);
    return out;
}

typedef struct { Value other; bool eql; } HEqArg;

static Value
hash_eq_body(Value h, Value arg, bool recursive)
{
    HEqArg *a = VAL2PTR(arg);
    if (recursive) return MG_TRUE;
    Value k, v;
    for (int64_t i = 0; mg_hash_next(h, &i, &k, &v);) {
        Value v2 = mg_hash_lookup(a->other, k);
        if (v2 == MG_UNDEF) return MG_FALSE;
        if (v == v2) continue;
        if (a->eql ? !mg_eql(v, v2) : !mg_equal(v, v2)) return MG_FALSE;
    }
    return MG_TRUE;
}

static Value
hash_equal(Value h, Value o, bool eql)
{
    if (h == o) return MG_TRUE;
    if (!MG_IS_HASH(o)) {
        if (eql || MG_IS_IMMEDIATE(o) || !mg_respond_to(o, mg_id_to_hash, true)) return MG_FALSE;
        return MG_BOOL(mg_equal(o, h));
    }
    if (mg_hash_size(h) != mg_hash_size(o)) return MG_FALSE;
    if (mg_hash_size(h) == 0) return MG_TRUE;
    if (IDENT_P(h) != IDENT_P(o)) return MG_FALSE;
    HEqArg a = { o, eql };
    return mg_exec_recursive_paired(hash_eq_body, h, o, PTR2VAL(&a), id_eq_guard);
}

/* ---- yielding helpers ---- */

/* Yields key and value as Hash#each does: two values to a block taking more
 * than one parameter, else one [key, value] pair. */
static inline Value
yield_pair(Value blk, Value k, Value v, bool two)
{
    if (two) {
        Value args[2] = { k, v };
        return mg_yield(blk, 2, args);
    }
    return mg_yield1(blk, mg_ary_new_from(2, (Value[]){ k, v }));
}

static inline Value
yield_kv(Value blk, Value k, Value v)
{
    Value args[2] = { k, v };
    return mg_yield(blk, 2, args);
}

static bool
arity_two(Value blk)
{
    return mg_proc_arity(blk) > 1;
}

/* ---- Hash methods ---- */

static Value
hash_s_alloc(RClass *klass)
{
    return mg_hash_alloc(klass);
}

static void
check_default_proc(Value proc)
{
    if (!mg_obj_is_kind_of(proc, mg_cProc))
        mg_raise(mg_eTypeError, "wrong default_proc type %s (expected Proc)",
                 mg_class_cname(mg_obj_class(proc)));
    if (mg_proc_lambda_p(proc)) {
        int n = mg_proc_arity(proc);
        if (n != 2 && (n >= 0 || n < -3))
            mg_raise(mg_eTypeError, "default_proc takes two arguments (2 for %d)", n);
    }
}

static Value
hash_initialize(Value self, int argc, const Value *argv, Value blk)
{
    MG_CHECK_FROZEN(self);
    if (mg_block_given(blk)) {
        if (argc > 0) mg_raise_argc(argc, 0, 0);
        Value proc = mg_block_proc(blk);
        check_default_proc(proc);
        MG_WB(self, proc);
        RH(self)->ifnone = proc;
        MG_OBJ(self)->flags |= OF_HASH_PROCDEFAULT;
    } else {
        mg_check_argc(argc, 0, 1);
        Value d = argc > 0 ? argv[0] : MG_NIL;
        MG_WB(self, d);
        RH(self)->ifnone = d;
        MG_OBJ(self)->flags &= ~OF_HASH_PROCDEFAULT;
    }
    return self;
}

static Value
hash_s_create(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    Value h = MG_RCLASS(self) == mg_cHash ? mg_hash_new() : mg_funcall(self, mg_id_allocate, 0, NULL);
    if (argc == 1) {
        Value src = mg_check_hash(argv[0]);
        if (!MG_IS_NIL(src)) {
            Value k, v;
            for (int64_t i = 0; mg_hash_next(src, &i, &k, &v);) mg_hash_aset(h, k, v);
            return h;
        }
        Value a = mg_check_array(argv[0]);
        if (!MG_IS_NIL(a)) {
            for (int64_t i = 0; i < ALEN(a); i++) {
                Value e = APTR(a)[i];
                Value pair = mg_check_array(e);
                if (MG_IS_NIL(pair))
                    mg_raise(mg_eArgumentError, "wrong element type %s at %lld (expected array)",
                             mg_builtin_class_name(e), (long long)i);
                int64_t n = ALEN(pair);
                if (n < 1 || n > 2)
                    mg_raise(mg_eArgumentError, "invalid number of elements (%lld for 1..2)", (long long)n);
                mg_hash_aset(h, APTR(pair)[0], n > 1 ? APTR(pair)[1] : MG_NIL);
            }
            return h;
        }
    }
    if (argc % 2) mg_raise(mg_eArgumentError, "odd number of arguments for Hash");
    for (int i = 0; i < argc; i += 2) mg_hash_aset(h, argv[i], argv[i + 1]);
    return h;
}

static Value
hash_s_try_convert(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    return mg_check_hash(argv[0]);
}

static Value
hash_initialize_copy(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    MG_FAULT(self);
    MG_CHECK_FROZEN(self);
    Value src = mg_to_hash(argv[0]);
    if (src == self) return self;
    if (ITER_LEV(self) > 0) mg_raise(mg_eRuntimeError, "can't replace hash during iteration");
    HashTable *old = RH(self)->tbl;
    RH(self)->tbl = NULL;
    ht_free(old);
    hash_copy_into(self, src);
    return self;
}

static Value
hash_aref(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return mg_hash_aref(self, argv[0]);
}

static Value
hash_aset(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    mg_hash_aset(self, argv[0], argv[1]);
    return argv[1];
}

NORETURN static void
key_error(Value h, Value key)
{
    Value msg = mg_sprintf("key not found: %s", mg_str_cstr(mg_inspect(key)));
    mg_raise_exc(mg_key_error_new(msg, h, key));
}

static Value
hash_fetch(Value self, int argc, const Value *argv, Value blk)
{
    Value v = mg_hash_lookup(self, argv[0]);
    if (v != MG_UNDEF) return v;
    if (mg_block_given(blk)) return mg_yield1(blk, argv[0]);
    if (argc > 1) return argv[1];
    key_error(self, argv[0]);
}

static Value
hash_key_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return MG_BOOL(mg_hash_lookup(self, argv[0]) != MG_UNDEF);
}

static Value
hash_value_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value v;
    for (int64_t i = 0; mg_hash_next(self, &i, NULL, &v);)
        if (v == argv[0] || mg_equal(v, argv[0])) return MG_TRUE;
    return MG_FALSE;
}

static Value
hash_key(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value k, v;
    for (int64_t i = 0; mg_hash_next(self, &i, &k, &v);)
        if (v == argv[0] || mg_equal(v, argv[0])) return k;
    return MG_NIL;
}

static Value
hash_keys(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return mg_hash_keys(self);
}

static Value
hash_values(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return hash_values_ary(self);
}

static Value
hash_values_at(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    Value a = mg_ary_new_capa(argc);
    for (int i = 0; i < argc; i++) mg_ary_push(a, mg_hash_aref(self, argv[i]));
    return a;
}

static Value
hash_fetch_values(Value self, int argc, const Value *argv, Value blk)
{
    Value a = mg_ary_new_capa(argc);
    for (int i = 0; i < argc; i++) {
        Value v = mg_hash_lookup(self, argv[i]);
        if (v == MG_UNDEF) {
            if (mg_block_given(blk)) v = mg_yield1(blk, argv[i]);
            else key_error(self, argv[i]);
        }
        mg_ary_push(a, v);
    }
    return a;
}

static Value
hash_dig(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    Value v = mg_hash_aref(self, argv[0]);
    if (argc == 1 || MG_IS_NIL(v)) return v;
    ID dig = mg_intern_cstr("dig");
    if (!mg_respond_to(v, dig, true))
        mg_raise(mg_eTypeError, "%s does not have #dig method", mg_class_cname(mg_obj_class(v)));
    return mg_funcall(v, dig, argc - 1, argv + 1);
}

static Value
hash_delete(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc);
    MG_CHECK_FROZEN(self);
    Value v = mg_hash_delete(self, argv[0]);
    if (v != MG_UNDEF) return v;
    if (mg_block_given(blk)) return mg_yield1(blk, argv[0]);
    return MG_NIL;
}

static Value
hash_size(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_FIX(mg_hash_size(self));
}

static Value
hash_empty_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_BOOL(mg_hash_size(self) == 0);
}

/* ---- each and friends ---- */

typedef struct { Value blk; bool two; int mode; Value out; } YieldArg;

static bool
each_pair_fn(Value k, Value v, void *arg)
{
    YieldArg *y = arg;
    size_t level = mg_gc_arena_save();    /* the block's temporaries go at once */
    yield_pair(y->blk, k, v, y->two);
    mg_gc_arena_restore(level);
    return true;
}

static Value
hash_each(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each", argc, argv, blk);
    YieldArg y = { blk, arity_two(blk), 0, MG_NIL };
    mg_hash_foreach(self, each_pair_fn, &y);
    return self;
}

static Value
hash_each_pair(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each_pair", argc, argv, blk);
    YieldArg y = { blk, arity_two(blk), 0, MG_NIL };
    mg_hash_foreach(self, each_pair_fn, &y);
    return self;
}

static bool
each_key_fn(Value k, Value v, void *arg)
{
    UNUSED(v);
    mg_yield1_discard(((YieldArg *)arg)->blk, k);
    return true;
}

static Value
hash_each_key(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each_key", argc, argv, blk);
    YieldArg y = { blk, false, 0, MG_NIL };
    mg_hash_foreach(self, each_key_fn, &y);
    return self;
}

static bool
each_value_fn(Value k, Value v, void *arg)
{
    UNUSED(k);
    mg_yield1_discard(((YieldArg *)arg)->blk, v);
    return true;
}

static Value
hash_each_value(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each_value", argc, argv, blk);
    YieldArg y = { blk, false, 0, MG_NIL };
    mg_hash_foreach(self, each_value_fn, &y);
    return self;
}

static bool
map_fn(Value k, Value v, void *arg)
{
    YieldArg *y = arg;
    mg_ary_push(y->out, yield_pair(y->blk, k, v, y->two));
    return true;
}

static Value
hash_map(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "map", argc, argv, blk);
    YieldArg y = { blk, arity_two(blk), 0, mg_ary_new_capa(mg_hash_size(self)) };
    mg_hash_foreach(self, map_fn, &y);
    return y.out;
}

static Value
hash_to_a(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Value out = mg_ary_new_capa(mg_hash_size(self));
    Value k, v;
    for (int64_t i = 0; mg_hash_next(self, &i, &k, &v);)
        mg_ary_push(out, mg_ary_new_from(2, (Value[]){ k, v }));
    return out;
}

/* Hash#flatten(level = 1): the keys and values in one Array, flattened level - 1
 * further (negative: all the way); level 0 is to_a. */
static Value
hash_flatten(Value self, int argc, const Value *argv, Value blk)
{
    int64_t level = argc > 0 ? mg_num2long(mg_to_int(argv[0])) : 1;
    if (level == 0) return hash_to_a(self, 0, NULL, MG_NIL);
    Value out = mg_ary_new_capa(2 * mg_hash_size(self));
    Value k, v;
    for (int64_t i = 0; mg_hash_next(self, &i, &k, &v);) {
        mg_ary_push(out, k);
        mg_ary_push(out, v);
    }
    if (level > 1) {
        Value depth = mg_int_new(level - 1);
        mg_funcall(out, mg_intern_cstr("flatten!"), 1, &depth);
    } else if (level < 0) {
        mg_funcall(out, mg_intern_cstr("flatten!"), 0, NULL);
    }
    return out;
}

/* select/filter/reject (new Hash), filter_map etc. use mode: 1 keep true, 0 keep false */
static bool
select_fn(Value k, Value v, void *arg)
{
    YieldArg *y = arg;
    bool t = MG_TEST(yield_kv(y->blk, k, v));
    if (t == (y->mode == 1)) mg_hash_insert_new(y->out, k, v);
    return true;
}

static Value
hash_new_like(Value self)
{
    Value n = mg_hash_new();
    if (IDENT_P(self)) MG_OBJ(n)->flags |= OF_HASH_IDENTITY;
    return n;
}

static Value
hash_select(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "select", argc, argv, blk);
    YieldArg y = { blk, false, 1, hash_new_like(self) };
    mg_hash_foreach(self, select_fn, &y);
    return y.out;
}

static Value
hash_reject(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "reject", argc, argv, blk);
    YieldArg y = { blk, false, 0, hash_new_like(self) };
    mg_hash_foreach(self, select_fn, &y);
    return y.out;
}

typedef struct { Value h, blk; bool keep; int64_t removed; } DelArg;

static bool
delete_fn(Value k, Value v, void *arg)
{
    DelArg *d = arg;
    bool t = MG_TEST(yield_kv(d->blk, k, v));
    if (t != d->keep) {
        MG_CHECK_FROZEN(d->h);
        if (mg_hash_delete(d->h, k) != MG_UNDEF) d->removed++;
    }
    return true;
}

static int64_t
hash_delete_by(Value self, Value blk, bool keep)
{
    MG_CHECK_FROZEN(self);
    DelArg d = { self, blk, keep, 0 };
    mg_hash_foreach(self, delete_fn, &d);
    return d.removed;
}

static Value
hash_select_bang(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "select!", argc, argv, blk);
    return hash_delete_by(self, blk, true) ? self : MG_NIL;
}

static Value
hash_keep_if(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "keep_if", argc, argv, blk);
    hash_delete_by(self, blk, true);
    return self;
}

static Value
hash_reject_bang(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "reject!", argc, argv, blk);
    return hash_delete_by(self, blk, false) ? self : MG_NIL;
}

static Value
hash_delete_if(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "delete_if", argc, argv, blk);
    hash_delete_by(self, blk, false);
    return self;
}

static bool
filter_map_fn(Value k, Value v, void *arg)
{
    YieldArg *y = arg;
    Value r = yield_pair(y->blk, k, v, y->two);
    if (MG_TEST(r)) mg_ary_push(y->out, r);
    return true;
}

static Value
hash_filter_map(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "filter_map", argc, argv, blk);
    YieldArg y = { blk, arity_two(blk), 0, mg_ary_new() };
    mg_hash_foreach(self, filter_map_fn, &y);
    return y.out;
}

/* any?/all?/none? with pairs */
typedef struct { Value blk, pat; bool two; int kind; bool result; } PredArg;

static bool
pred_fn(Value k, Value v, void *arg)
{
    PredArg *p = arg;
    bool t;
    if (p->pat != MG_UNDEF) {
        Value pair = mg_ary_new_from(2, (Value[]){ k, v });
        t = MG_TEST(mg_funcall(p->pat, mg_id_eqq, 1, &pair));
    } else if (mg_block_given(p->blk)) {
        t = MG_TEST(yield_pair(p->blk, k, v, p->two));
    } else {
        t = true;
    }
    if (p->kind == 0 && t) { p->result = true; return false; }    /* any? */
    if (p->kind == 1 && !t) { p->result = false; return false; }  /* all? */
    if (p->kind == 2 && t) { p->result = false; return false; }   /* none? */
    return true;
}

static Value
hash_pred(Value self, int argc, const Value *argv, Value blk, int kind)
{
    PredArg p = { blk, argc > 0 ? argv[0] : MG_UNDEF, mg_block_given(blk) && arity_two(blk), kind, kind != 0 };
    if (mg_hash_size(self) == 0) return MG_BOOL(kind != 0);
    mg_hash_foreach(self, pred_fn, &p);
    return MG_BOOL(p.result);
}

static Value
hash_any_p(Value self, int argc, const Value *argv, Value blk)
{
    return hash_pred(self, argc, argv, blk, 0);
}

static Value
hash_all_p(Value self, int argc, const Value *argv, Value blk)
{
    return hash_pred(self, argc, argv, blk, 1);
}

static Value
hash_none_p(Value self, int argc, const Value *argv, Value blk)
{
    return hash_pred(self, argc, argv, blk, 2);
}

static Value
hash_count(Value self, int argc, const Value *argv, Value blk)
{
    if (argc == 0 && !mg_block_given(blk)) return MG_FIX(mg_hash_size(self));
    int64_t n = 0;
    Value k, v;
    bool two = mg_block_given(blk) && arity_two(blk);
    for (int64_t i = 0; mg_hash_next(self, &i, &k, &v);) {
        if (argc > 0) {
            if (mg_equal(mg_ary_new_from(2, (Value[]){ k, v }), argv[0])) n++;
        } else if (MG_TEST(yield_pair(blk, k, v, two))) {
            n++;
        }
    }
    return MG_FIX(n);
}

/* ---- to_h, to_s, conversion ---- */

void
mg_hash_aset_pair(Value h, Value r)
{
    mg_gc_protect(r);
    Value pair = mg_check_array(r);
    if (MG_IS_NIL(pair))
        mg_raise(mg_eTypeError, "wrong element type %s (expected array)", mg_builtin_class_name(r));
    if (ALEN(pair) != 2)
        mg_raise(mg_eArgumentError, "element has wrong array length (expected 2, was %lld)",
                 (long long)ALEN(pair));
    mg_hash_aset(h, APTR(pair)[0], APTR(pair)[1]);
}

static Value
hash_to_h(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv);
    if (!mg_block_given(blk)) {
        if (mg_class_of(self) == mg_cHash) return self;
        Value n = mg_hash_new();
        hash_copy_into(n, self);
        return n;
    }
    Value out = mg_hash_new_capa(mg_hash_size(self));
    Value k, v;
    for (int64_t i = 0; mg_hash_next(self, &i, &k, &v);) {
        mg_hash_aset_pair(out, yield_kv(blk, k, v));
    }
    return out;
}

static Value
hash_to_hash(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return self;
}

static Value
hash_inspect(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return mg_hash_inspect(self);
}

static Value
hash_eq(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return hash_equal(self, argv[0], false);
}

static Value
hash_eql_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return hash_equal(self, argv[0], true);
}

static Value
hash_hash_m(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_FIX((int64_t)mg_hash_hash(self) >> 2);
}

/* ---- merge / update ---- */

static void
update_one(Value self, Value other, Value blk)
{
    other = mg_to_hash(other);
    Value k, v;
    for (int64_t i = 0; mg_hash_next(other, &i, &k, &v);) {
        if (mg_block_given(blk)) {
            Value old = mg_hash_lookup(self, k);
            if (old != MG_UNDEF) {
                Value args[3] = { k, old, v };
                v = mg_yield(blk, 3, args);
                mg_gc_protect(v);
            }
        }
        mg_hash_aset(self, k, v);
    }
}

static Value
hash_update(Value self, int argc, const Value *argv, Value blk)
{
    MG_FAULT(self);
    MG_CHECK_FROZEN(self);
    for (int i = 0; i < argc; i++) update_one(self, argv[i], blk);
    return self;
}

static Value
hash_dup_plain(Value self)
{
    Value n = mg_hash_alloc(mg_cHash);
    hash_copy_into(n, self);
    return n;
}

static Value
hash_merge(Value self, int argc, const Value *argv, Value blk)
{
    Value n = hash_dup_plain(self);
    for (int i = 0; i < argc; i++) update_one(n, argv[i], blk);
    return n;
}

static Value
hash_replace(Value self, int argc, const Value *argv, Value blk)
{
    return hash_initialize_copy(self, argc, argv, blk);
}

static Value
hash_clear_m(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    mg_hash_clear(self);
    return self;
}

/* ---- transforms ---- */

static Value
hash_transform_values(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "transform_values", argc, argv, blk);
    Value out = hash_new_like(self);
    Value k, v;
    for (int64_t i = 0; mg_hash_next(self, &i, &k, &v);) {
        Value nv = mg_yield1(blk, v);
        mg_gc_protect(nv);
        mg_hash_insert_new(out, k, nv);
    }
    return out;
}

static Value
hash_transform_values_bang(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "transform_values!", argc, argv, blk);
    MG_CHECK_FROZEN(self);
    Value k, v;
    for (int64_t i = 0; mg_hash_next(self, &i, &k, &v);) {
        Value nv = mg_yield1(blk, v);
        MG_CHECK_FROZEN(self);
        HashTable *t = TBL(self);
        if (t && i - 1 < t->count && t->e[i - 1].key == k) {
            MG_WB(self, nv);
            t->e[i - 1].val = nv;
        }
    }
    return self;
}

static Value
transform_key(Value map, Value blk, Value k)
{
    if (!MG_IS_NIL(map)) {
        Value nk = mg_hash_lookup(map, k);
        if (nk != MG_UNDEF) return nk;
        if (mg_block_given(blk)) return mg_yield1(blk, k);
        return k;
    }
    return mg_yield1(blk, k);
}

static Value
hash_transform_keys(Value self, int argc, const Value *argv, Value blk)
{
    Value map = argc > 0 ? mg_to_hash(argv[0]) : MG_NIL;
    if (MG_IS_NIL(map)) MG_RETURN_ENUMERATOR(self, "transform_keys", argc, argv, blk);
    Value out = mg_hash_new();
    Value k, v;
    for (int64_t i = 0; mg_hash_next(self, &i, &k, &v);) {
        Value nk = transform_key(map, blk, k);
        mg_gc_protect(nk);
        mg_hash_aset(out, nk, v);
    }
    return out;
}

static Value
hash_transform_keys_bang(Value self, int argc, const Value *argv, Value blk)
{
    Value map = argc > 0 ? mg_to_hash(argv[0]) : MG_NIL;
    if (MG_IS_NIL(map)) MG_RETURN_ENUMERATOR(self, "transform_keys!", argc, argv, blk);
    MG_CHECK_FROZEN(self);
    /* CRuby semantics: each old key is re-stored under the new key; keys
     * produced earlier are not transformed again */
    Value pairs = hash_to_a(self, 0, NULL, MG_NIL);
    Value done = mg_hash_new();
    for (int64_t i = 0; i < ALEN(pairs); i++) {
        Value k = APTR(APTR(pairs)[i])[0], v = APTR(APTR(pairs)[i])[1];
        Value nk = transform_key(map, blk, k);
        mg_gc_protect(nk);
        if (mg_hash_lookup(done, k) == MG_UNDEF) mg_hash_delete(self, k);
        mg_hash_aset(self, nk, v);
        mg_hash_aset(done, nk, MG_TRUE);
    }
    return self;
}

static Value
hash_invert(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Value out = mg_hash_new_capa(mg_hash_size(self));
    Value k, v;
    for (int64_t i = 0; mg_hash_next(self, &i, &k, &v);) mg_hash_aset(out, v, k);
    return out;
}

static Value
hash_compact(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Value out = hash_new_like(self);
    Value k, v;
    for (int64_t i = 0; mg_hash_next(self, &i, &k, &v);)
        if (!MG_IS_NIL(v)) mg_hash_insert_new(out, k, v);
    return out;
}

static Value
hash_compact_bang(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    MG_CHECK_FROZEN(self);
    int64_t removed = 0;
    HashTable *t = TBL(self);
    if (!t) return MG_NIL;
    for (uint32_t i = t->first; i < t->count; i++) {
        if (t->e[i].key != MG_UNDEF && MG_IS_NIL(t->e[i].val)) {
            MG_WB(self, MG_NIL);
            ht_delete_at(t, i);
            removed++;
        }
    }
    return removed ? self : MG_NIL;
}

static Value
hash_slice(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    Value out = hash_new_like(self);
    for (int i = 0; i < argc; i++) {
        Value v = mg_hash_lookup(self, argv[i]);
        if (v != MG_UNDEF) mg_hash_aset(out, argv[i], v);
    }
    return out;
}

static Value
hash_except(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    Value out = hash_dup_plain(self);
    RH(out)->ifnone = MG_NIL;
    MG_OBJ(out)->flags &= ~OF_HASH_PROCDEFAULT;
    for (int i = 0; i < argc; i++) mg_hash_delete(out, argv[i]);
    return out;
}

static Value
hash_assoc(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    HashTable *t = TBL(self);
    if (!t) return MG_NIL;
    int64_t i = ht_find(self, argv[0], key_hash(self, argv[0]));
    if (i < 0) return MG_NIL;
    t = TBL(self);
    return mg_ary_new_from(2, (Value[]){ t->e[i].key, t->e[i].val });
}

static Value
hash_rassoc(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value k, v;
    for (int64_t i = 0; mg_hash_next(self, &i, &k, &v);)
        if (mg_equal(v, argv[0])) return mg_ary_new_from(2, (Value[]){ k, v });
    return MG_NIL;
}

static Value
hash_shift(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    HashTable *t = TBL(self);
    MG_CHECK_FROZEN(self);
    if (t) {
        for (uint32_t i = t->first; i < t->count; i++) {
            if (t->e[i].key == MG_UNDEF) continue;
            Value pair = mg_ary_new_from(2, (Value[]){ t->e[i].key, t->e[i].val });
            t = RH(self)->tbl;
            mg_wb_elems(MG_OBJ(self), i, (int64_t)i + 1);
            ht_delete_at(t, i);
            return pair;
        }
    }
    if (PROCDEF_P(self)) return hash_default_value(self, MG_NIL);
    return RH(self)->ifnone;
}

static Value
hash_sort(Value self, int argc, const Value *argv, Value blk)
{
    Value a = hash_to_a(self, argc, argv, MG_NIL);
    mg_sort_values(APTR(a), ALEN(a), blk);
    return a;
}

static Value
hash_sum(Value self, int argc, const Value *argv, Value blk)
{
    SumState s;
    mg_sum_init(&s, argc > 0 ? argv[0] : MG_FIX(0));
    Value k, v;
    bool two = mg_block_given(blk) && arity_two(blk);
    for (int64_t i = 0; mg_hash_next(self, &i, &k, &v);) {
        Value e = mg_block_given(blk) ? yield_pair(blk, k, v, two) : mg_ary_new_from(2, (Value[]){ k, v });
        mg_sum_add(&s, e);
    }
    return mg_sum_finish(&s);
}

/* ---- defaults, identity ---- */

static Value
hash_default(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    MG_FAULT(self);
    if (PROCDEF_P(self)) {
        if (argc == 0) return MG_NIL;
        return hash_default_value(self, argv[0]);
    }
    return RH(self)->ifnone;
}

static Value
hash_set_default(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    MG_FAULT(self);
    MG_CHECK_FROZEN(self);
    MG_WB(self, argv[0]);
    RH(self)->ifnone = argv[0];
    MG_OBJ(self)->flags &= ~OF_HASH_PROCDEFAULT;
    return argv[0];
}

static Value
hash_default_proc(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    MG_FAULT(self);
    return PROCDEF_P(self) ? RH(self)->ifnone : MG_NIL;
}

static Value
hash_set_default_proc(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    MG_FAULT(self);
    MG_CHECK_FROZEN(self);
    Value p = argv[0];
    if (MG_IS_NIL(p)) {
        RH(self)->ifnone = MG_NIL;
        MG_OBJ(self)->flags &= ~OF_HASH_PROCDEFAULT;
        return p;
    }
    Value conv = p;
    if (!mg_obj_is_kind_of(p, mg_cProc)) {
        if (mg_respond_to(p, mg_id_to_proc, true)) conv = mg_funcall(p, mg_id_to_proc, 0, NULL);   /* a Symbol too */
        if (!mg_obj_is_kind_of(conv, mg_cProc))
            mg_raise(mg_eTypeError, "wrong default_proc type %s (expected Proc)", mg_class_cname(mg_obj_class(p)));
    }
    check_default_proc(conv);
    MG_WB(self, conv);
    RH(self)->ifnone = conv;
    MG_OBJ(self)->flags |= OF_HASH_PROCDEFAULT;
    return conv;
}

static void
hash_rehash_table(Value h)
{
    HashTable *t = RH(h)->tbl;
    if (!t) return;
    mg_wb_layout(MG_OBJ(h));                 /* the entries get new dense positions */
    Value pairs = hash_to_a(h, 0, NULL, MG_NIL);
    RH(h)->tbl = NULL;
    ht_free(t);
    for (int64_t i = 0; i < ALEN(pairs); i++) {
        Value k = APTR(APTR(pairs)[i])[0], v = APTR(APTR(pairs)[i])[1];
        uint64_t hash = key_hash(h, k);
        int64_t pos = ht_find(h, k, hash);
        if (pos >= 0) RH(h)->tbl->e[pos].val = v;
        else ht_append(h, k, v, hash);
    }
}

static Value
hash_rehash(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    MG_FAULT(self);
    if (ITER_LEV(self) > 0) mg_raise(mg_eRuntimeError, "rehash during iteration");
    MG_CHECK_FROZEN(self);
    int64_t before = mg_hash_size(self);
    hash_rehash_table(self);
    if (mg_hash_size(self) != before) MG_WB(self, MG_NIL);   /* keys changed into equal ones merged */
    return self;
}

static Value
hash_compare_by_identity(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    MG_FAULT(self);
    if (IDENT_P(self)) return self;
    MG_CHECK_FROZEN(self);
    if (ITER_LEV(self) > 0) mg_raise(mg_eRuntimeError, "compare_by_identity during iteration");
    MG_WB(self, MG_NIL);     /* the flag is part of a persistent hash's record */
    MG_OBJ(self)->flags |= OF_HASH_IDENTITY;
    hash_rehash_table(self);
    return self;
}

static Value
hash_compare_by_identity_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    MG_FAULT(self);
    return MG_BOOL(IDENT_P(self));
}

static Value
hash_to_proc_fn(Value arg, Value data, int argc, const Value *argv, Value blk)
{
    UNUSED(arg); UNUSED(blk);
    if (argc != 1) mg_raise_argc(argc, 1, 1);
    return mg_hash_aref(data, argv[0]);
}

static Value
hash_to_proc(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Value pr = mg_proc_new_cfunc(hash_to_proc_fn, self, true);
    mg_proc_set_arity1(pr);
    return pr;
}

/* <=, <, >=, > : subset tests by key and == value */
static bool
hash_subset(Value a, Value b)
{
    if (mg_hash_size(a) > mg_hash_size(b)) return false;
    Value k, v;
    for (int64_t i = 0; mg_hash_next(a, &i, &k, &v);) {
        Value w = mg_hash_lookup(b, k);
        if (w == MG_UNDEF || !mg_equal(v, w)) return false;
    }
    return true;
}

static Value
hash_le(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return MG_BOOL(hash_subset(self, mg_to_hash(argv[0])));
}

static Value
hash_lt(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value o = mg_to_hash(argv[0]);
    return MG_BOOL(mg_hash_size(self) < mg_hash_size(o) && hash_subset(self, o));
}

static Value
hash_ge(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return MG_BOOL(hash_subset(mg_to_hash(argv[0]), self));
}

static Value
hash_gt(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value o = mg_to_hash(argv[0]);
    return MG_BOOL(mg_hash_size(o) < mg_hash_size(self) && hash_subset(o, self));
}

static Value
hash_deconstruct_keys(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return self;
}

static Value
hash_find(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "find", argc, argv, blk);
    Value k, v;
    bool two = arity_two(blk);
    for (int64_t i = 0; mg_hash_next(self, &i, &k, &v);)
        if (MG_TEST(yield_pair(blk, k, v, two))) return mg_ary_new_from(2, (Value[]){ k, v });
    if (argc > 0 && !MG_IS_NIL(argv[0])) return mg_funcall(argv[0], mg_id_call, 0, NULL);
    return MG_NIL;
}

static Value
hash_each_with_object(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each_with_object", argc, argv, blk);
    Value memo = argv[0], k, v;
    for (int64_t i = 0; mg_hash_next(self, &i, &k, &v);) {
        Value args[2] = { mg_ary_new_from(2, (Value[]){ k, v }), memo };
        mg_yield(blk, 2, args);
    }
    return memo;
}

static Value
hash_min_max_by(Value self, int argc, const Value *argv, Value blk, int sign, const char *name)
{
    if (argc > 0 && !MG_IS_NIL(argv[0])) return mg_funcall_block(hash_to_a(self, 0, NULL, MG_NIL),
                                                                 mg_intern_cstr(name), argc, argv, blk);
    MG_RETURN_ENUMERATOR(self, name, argc, argv, blk);
    Value best = MG_NIL, bestk = MG_UNDEF, k, v;
    bool two = arity_two(blk);
    Value keep = mg_ary_new_capa(2);
    for (int64_t i = 0; mg_hash_next(self, &i, &k, &v);) {
        Value key = yield_pair(blk, k, v, two);
        if (bestk == MG_UNDEF || mg_cmp_fast(key, bestk) * sign > 0) {
            bestk = key;
            best = mg_ary_new_from(2, (Value[]){ k, v });
            MG_RARRAY(keep)->len = 0;
            mg_ary_push(keep, bestk);
            mg_ary_push(keep, best);
        }
    }
    return best;
}

static Value
hash_min_by(Value self, int argc, const Value *argv, Value blk)
{
    return hash_min_max_by(self, argc, argv, blk, -1, "min_by");
}

static Value
hash_max_by(Value self, int argc, const Value *argv, Value blk)
{
    return hash_min_max_by(self, argc, argv, blk, 1, "max_by");
}

static const MgMethodDef hash_methods[] = {
    {"initialize", hash_initialize, 0, -1},
    {"initialize_copy", hash_initialize_copy, 1, 1},
    {"replace", hash_replace, 1, 1},
    {"[]", hash_aref, 1, 1},
    {"[]=", hash_aset, 2, 2},
    {"store", hash_aset, 2, 2},
    {"fetch", hash_fetch, 1, 2},
    {"key?", hash_key_p, 1, 1},
    {"has_key?", hash_key_p, 1, 1},
    {"include?", hash_key_p, 1, 1},
    {"member?", hash_key_p, 1, 1},
    {"value?", hash_value_p, 1, 1},
    {"has_value?", hash_value_p, 1, 1},
    {"key", hash_key, 1, 1},
    {"keys", hash_keys, 0, 0},
    {"values", hash_values, 0, 0},
    {"values_at", hash_values_at, 0, -1},
    {"fetch_values", hash_fetch_values, 0, -1},
    {"dig", hash_dig, 1, -1},
    {"delete", hash_delete, 1, 1},
    {"size", hash_size, 0, 0},
    {"length", hash_size, 0, 0},
    {"empty?", hash_empty_p, 0, 0},
    {"each", hash_each, 0, 0},
    {"each_pair", hash_each_pair, 0, 0},
    {"each_key", hash_each_key, 0, 0},
    {"each_value", hash_each_value, 0, 0},
    {"map", hash_map, 0, 0},
    {"collect", hash_map, 0, 0},
    {"to_a", hash_to_a, 0, 0},
    {"flatten", hash_flatten, 0, 1},
    {"entries", hash_to_a, 0, 0},
    {"select", hash_select, 0, 0},
    {"filter", hash_select, 0, 0},
    {"reject", hash_reject, 0, 0},
    {"select!", hash_select_bang, 0, 0},
    {"filter!", hash_select_bang, 0, 0},
    {"keep_if", hash_keep_if, 0, 0},
    {"reject!", hash_reject_bang, 0, 0},
    {"delete_if", hash_delete_if, 0, 0},
    {"filter_map", hash_filter_map, 0, 0},
    {"any?", hash_any_p, 0, 1},
    {"all?", hash_all_p, 0, 1},
    {"none?", hash_none_p, 0, 1},
    {"count", hash_count, 0, 1},
    {"to_h", hash_to_h, 0, 0},
    {"to_hash", hash_to_hash, 0, 0},
    {"inspect", hash_inspect, 0, 0},
    {"to_s", hash_inspect, 0, 0},
    {"==", hash_eq, 1, 1},
    {"eql?", hash_eql_p, 1, 1},
    {"hash", hash_hash_m, 0, 0},
    {"merge", hash_merge, 0, -1},
    {"merge!", hash_update, 0, -1},
    {"update", hash_update, 0, -1},
    {"clear", hash_clear_m, 0, 0},
    {"transform_values", hash_transform_values, 0, 0},
    {"transform_values!", hash_transform_values_bang, 0, 0},
    {"transform_keys", hash_transform_keys, 0, 1},
    {"transform_keys!", hash_transform_keys_bang, 0, 1},
    {"invert", hash_invert, 0, 0},
    {"compact", hash_compact, 0, 0},
    {"compact!", hash_compact_bang, 0, 0},
    {"slice", hash_slice, 0, -1},
    {"except", hash_except, 0, -1},
    {"assoc", hash_assoc, 1, 1},
    {"rassoc", hash_rassoc, 1, 1},
    {"shift", hash_shift, 0, 0},
    {"sort", hash_sort, 0, 0},
    {"sum", hash_sum, 0, 1},
    {"default", hash_default, 0, 1},
    {"default=", hash_set_default, 1, 1},
    {"default_proc", hash_default_proc, 0, 0},
    {"default_proc=", hash_set_default_proc, 1, 1},
    {"rehash", hash_rehash, 0, 0},
    {"compare_by_identity", hash_compare_by_identity, 0, 0},
    {"compare_by_identity?", hash_compare_by_identity_p, 0, 0},
    {"to_proc", hash_to_proc, 0, 0},
    {"<=", hash_le, 1, 1},
    {"<", hash_lt, 1, 1},
    {">=", hash_ge, 1, 1},
    {">", hash_gt, 1, 1},
    {"deconstruct_keys", hash_deconstruct_keys, 1, 1},
    {"find", hash_find, 0, 1},
    {"detect", hash_find, 0, 1},
    {"each_with_object", hash_each_with_object, 1, 1},
    {"min_by", hash_min_by, 0, 1},
    {"max_by", hash_max_by, 0, 1},
    {NULL, NULL, 0, 0}
};

static Value
hash_s_ruby2_keywords_hash_p(Value self, int argc, const Value *argv, Value blk)
{
    (void)self; (void)argc; (void)blk;
    if (!MG_IS_HASH(argv[0])) mg_raise(mg_eTypeError, "no implicit conversion of %s into Hash", mg_class_cname(mg_obj_class(argv[0])));
    return MG_BOOL(MG_OBJ(argv[0])->flags & OF_HASH_RUBY2_KW);
}

static Value
hash_s_ruby2_keywords_hash(Value self, int argc, const Value *argv, Value blk)
{
    (void)self; (void)argc; (void)blk;
    if (!MG_IS_HASH(argv[0])) mg_raise(mg_eTypeError, "no implicit conversion of %s into Hash", mg_class_cname(mg_obj_class(argv[0])));
    Value h = mg_hash_dup(argv[0]);
    MG_OBJ(h)->flags |= OF_HASH_RUBY2_KW;
    return h;
}

static const MgMethodDef hash_singleton_methods[] = {
    {"[]", hash_s_create, 0, -1},
    {"ruby2_keywords_hash?", hash_s_ruby2_keywords_hash_p, 1, 1},
    {"ruby2_keywords_hash", hash_s_ruby2_keywords_hash, 1, 1},
    {"try_convert", hash_s_try_convert, 1, 1},
    {NULL, NULL, 0, 0}
};

void
mg_init_hash(void)
{
    id_inspect_guard = mg_intern_cstr("inspect");
    id_eq_guard = mg_intern_cstr("==");
    id_hash_guard = mg_intern_cstr("hash");
    mg_include_module(mg_cHash, mg_mEnumerable);
    mg_define_alloc_func(mg_cHash, hash_s_alloc);
    mg_define_methods(mg_cHash, hash_methods);
    mg_define_singleton_methods(MG_VAL(mg_cHash), hash_singleton_methods);
}
