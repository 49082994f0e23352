/* array.c -- Array: the exported C API (core.h), the recursion guard, element
 * access, mutation, iteration and conversion methods, and mg_init_array.
 * Sorting, set operations, combinatorics and the numeric methods are in
 * array_ops.c. Shared internals: coll_int.h.
 *
 * An RArray's buffer is one mg_malloc'd block of hdr.extra + capa Values:
 * hdr.extra (the "front", OFF below) slots that shift has given up, then
 * ptr[0..capa). Only ptr[0..len) is marked. shift advances ptr (O(1)),
 * unshift reuses the front or regrows the buffer with room in front
 * (amortized O(1)); every realloc/free goes through the helpers below, which
 * know where the block starts (mg_ary_free_body for the collector and
 * eviction). Methods that yield re-read ptr and len after every call.
 *
 * A small Array (1..MG_ARY_EMBED elements when made) keeps them in its slot,
 * right after the RArray (OF_ARY_EMBED): one allocation, one cache line
 * less to reach an element. The same helpers move them out to a buffer of
 * their own when it grows past the slot (or before bodies are swapped:
 * mg_ary_unembed); the front of shift works the same inside the slot. */
#include "coll_int.h"
#include "../vm/fiber.h"
#include <math.h>

/* ---- allocation and growth ---- */

static Value
ary_alloc(RClass *klass, int64_t capa)
{
    if (capa < 0) mg_raise(mg_eArgumentError, "negative array size");
    if (capa > ARY_MAX_SIZE) mg_raise(mg_eArgumentError, "array size too big");
    if (capa > 0 && capa <= MG_ARY_EMBED) {
        RArray *a = (RArray *)mg_gc_alloc(sizeof(RArray) + MG_ARY_EMBED * sizeof(Value), T_ARRAY, klass);
        a->ptr = (Value *)(a + 1);
        a->capa = MG_ARY_EMBED;
        a->hdr.flags |= OF_ARY_EMBED;
        return MG_VAL(a);
    }
    RArray *a = (RArray *)mg_gc_alloc(sizeof(RArray), T_ARRAY, klass);
    if (capa > 0) {
        a->ptr = mg_malloc((size_t)capa * sizeof(Value));
        a->capa = capa;
    }
    return MG_VAL(a);
}

Value
mg_ary_new(void)
{
    return ary_alloc(mg_cArray, 0);
}

Value
mg_ary_new_capa(int64_t capa)
{
    return ary_alloc(mg_cArray, capa);
}

Value
mg_ary_new_from(int64_t n, const Value *elts)
{
    Value a = ary_alloc(mg_cArray, n);
    if (n > 0) {
        mg_memcpy0(MG_RARRAY(a)->ptr, elts, (size_t)n * sizeof(Value));
        MG_RARRAY(a)->len = n;
    }
    return a;
}

#define OFF(r) ((int64_t)(r)->hdr.extra)

/* Gives the front slots back to ptr: the elements move to the block's start. */
static void
ary_buf_compact(RArray *r)
{
    int64_t off = OFF(r);
    if (off == 0) return;
    Value *base = r->ptr - off;
    mg_memmove0(base, r->ptr, (size_t)r->len * sizeof(Value));
    r->ptr = base;
    r->capa += off;
    r->hdr.extra = 0;
}

/* The buffer as one block of capa Values with no front (realloc keeps ptr[0..len)). */
static void
ary_resize_buf(RArray *r, int64_t capa)
{
    ary_buf_compact(r);
    if (r->hdr.flags & OF_ARY_EMBED) {
        if (capa <= r->capa) return;           /* the slot's room stays */
        Value *buf = mg_malloc((size_t)capa * sizeof(Value));
        mg_memcpy0(buf, r->ptr, (size_t)r->len * sizeof(Value));
        r->ptr = buf;
        r->capa = capa;
        r->hdr.flags &= (uint16_t)~OF_ARY_EMBED;
        return;
    }
    r->ptr = mg_realloc(r->ptr, (size_t)r->capa * sizeof(Value), (size_t)capa * sizeof(Value));
    r->capa = capa;
}

void
mg_ary_unembed(RArray *r)
{
    if (!(r->hdr.flags & OF_ARY_EMBED)) return;
    ary_buf_compact(r);
    int64_t capa = r->capa;
    Value *buf = mg_malloc((size_t)capa * sizeof(Value));
    mg_memcpy0(buf, r->ptr, (size_t)r->len * sizeof(Value));
    r->ptr = buf;
    r->hdr.flags &= (uint16_t)~OF_ARY_EMBED;
}

void
mg_ary_free_body(RArray *r)
{
    if (r->ptr && !(r->hdr.flags & OF_ARY_EMBED)) mg_free(r->ptr - OFF(r), (size_t)(OFF(r) + r->capa) * sizeof(Value));
    r->ptr = NULL;
    r->len = r->capa = 0;
    r->hdr.extra = 0;
    r->hdr.flags &= (uint16_t)~OF_ARY_EMBED;
}

void
mg_ary_reserve(Value a, int64_t need)
{
    RArray *r = MG_RARRAY(a);
    MG_FAULT(a);
    if (need <= r->capa) return;
    if (need > ARY_MAX_SIZE) mg_raise(mg_eArgumentError, "array size too big");
    /* a queue (push + shift) reuses its front instead of growing */
    if (need <= OFF(r) + r->capa && r->len <= OFF(r)) {
        ary_buf_compact(r);
        return;
    }
    int64_t total = OFF(r) + r->capa;
    int64_t capa = total < 4 ? 4 : total + total / 2;
    if (capa < need) capa = need;
    if (capa > ARY_MAX_SIZE) capa = ARY_MAX_SIZE;
    ary_resize_buf(r, capa);
}

/* Room for n more elements in front of ptr[0] (unshift): reuses the front, or
 * moves the elements into a new block with len/2 spare slots before them. */
static void
ary_reserve_front(RArray *r, int64_t n)
{
    if (n <= OFF(r)) return;
    int64_t slack = r->len < 16 ? 16 : r->len / 2;
    if (slack > UINT32_MAX / 2) slack = UINT32_MAX / 2;
    int64_t front = n + slack;
    int64_t back = r->capa - r->len;
    if (r->len + front + back > ARY_MAX_SIZE) mg_raise(mg_eArgumentError, "array size too big");
    Value *buf = mg_malloc((size_t)(front + r->len + back) * sizeof(Value));
    mg_memcpy0(buf + front, r->ptr, (size_t)r->len * sizeof(Value));
    int64_t len = r->len;
    mg_ary_free_body(r);
    r->ptr = buf + front;
    r->len = len;
    r->capa = len + back;
    r->hdr.extra = (uint32_t)front;
}

/* Drops the first n elements (n <= len) in O(1). */
static void
ary_drop_front(RArray *r, int64_t n)
{
    if (n == r->len) {
        /* empty: the whole block is ptr's again, nothing to move */
        r->len = 0;
        ary_buf_compact(r);
        return;
    }
    if (OFF(r) + n > UINT32_MAX) {
        ary_buf_compact(r);
        mg_memmove0(r->ptr, r->ptr + n, (size_t)(r->len - n) * sizeof(Value));
        r->len -= n;
        return;
    }
    r->ptr += n;
    r->len -= n;
    r->capa -= n;
    r->hdr.extra += (uint32_t)n;
}

void
mg_ary_modify(Value a)
{
    MG_FAULT(a);
    MG_CHECK_FROZEN(a);
    MG_WB(a, MG_NIL);   /* removals (pop, shift, clear ...) store nothing but change the array */
}

/* mg_ary_modify's checks without its barrier: for a change whose caller
 * names the elements it changes (mg_wb_elems), so that a big persistent
 * Array writes only their pages (store/paged.c) */
static inline void
ary_check_modify(Value a)
{
    MG_FAULT(a);
    MG_CHECK_FROZEN(a);
}

/* Length change (shrinking or growing within capacity); new slots are nil. */
static void
ary_set_len(Value a, int64_t len)
{
    RArray *r = MG_RARRAY(a);
    if (len > r->capa) mg_ary_reserve(a, len);
    for (int64_t i = r->len; i < len; i++) r->ptr[i] = MG_NIL;
    r->len = len;
}

/* Shrink an oversized buffer after a big removal. */
static void
ary_maybe_shrink(Value a)
{
    RArray *r = MG_RARRAY(a);
    int64_t total = OFF(r) + r->capa;
    if (total > 64 && r->len < total / 4) ary_resize_buf(r, r->len < 16 ? 16 : r->len * 2);
}

/* Replaces a's contents with n values (which may point into a's own buffer). */
static void
ary_replace_values(Value a, int64_t n, const Value *src)
{
    RArray *r = MG_RARRAY(a);
    if (n > r->capa) {
        Value *buf = mg_malloc((size_t)n * sizeof(Value));
        mg_memcpy0(buf, src, (size_t)n * sizeof(Value));
        mg_ary_free_body(r);
        r->ptr = buf;
        r->capa = n;
    } else if (n > 0 && src != r->ptr) {
        mg_memmove0(r->ptr, src, (size_t)n * sizeof(Value));
    }
    r->len = n;
    MG_WB(a, n ? r->ptr[0] : MG_NIL);
}

Value
mg_ary_dup(Value a)
{
    MG_FAULT(a);
    return mg_ary_new_from(MG_RARRAY(a)->len, MG_RARRAY(a)->ptr);
}

/* Subsequence [beg, beg+len) clamped, or nil when beg is out of range (rb_ary_subseq). */
static Value
ary_subseq(Value a, int64_t beg, int64_t len)
{
    int64_t alen = ALEN(a);
    if (beg > alen || beg < 0 || len < 0) return MG_NIL;
    if (alen - beg < len) len = alen - beg;
    return mg_ary_new_from(len, APTR(a) + beg);
}

/* ---- element access ---- */


void
mg_ary_store(Value a, int64_t i, Value v)
{
    ary_check_modify(a);
    RArray *r = MG_RARRAY(a);
    if (i < 0) {
        if (i + r->len < 0)
            mg_raise(mg_eIndexError, "index %lld too small for array; minimum: -%lld",
                     (long long)i, (long long)r->len);
        i += r->len;
    }
    if (i >= ARY_MAX_SIZE) mg_raise(mg_eIndexError, "index %lld too big", (long long)i);
    mg_wb_elems(&r->hdr, i < r->len ? i : r->len, i + 1);
    if (i >= r->len) ary_set_len(a, i + 1);
    r->ptr[i] = v;
}

Value
mg_ary_push(Value a, Value v)
{
    ary_check_modify(a);
    RArray *r = MG_RARRAY(a);
    if (r->len == r->capa) mg_ary_reserve(a, r->len + 1);
    mg_wb_elems(&r->hdr, r->len, r->len + 1);
    r->ptr[r->len++] = v;
    return a;
}

/* Append without the frozen check: for arrays the caller just made. */
static inline void
ary_push_fresh(Value a, Value v)
{
    RArray *r = MG_RARRAY(a);
    if (r->len == r->capa) mg_ary_reserve(a, r->len + 1);
    r->ptr[r->len++] = v;
}

static void
ary_push_values(Value a, int64_t n, const Value *v)
{
    RArray *r = MG_RARRAY(a);
    if (n <= 0) return;
    if (r->len + n > ARY_MAX_SIZE) mg_raise(mg_eArgumentError, "array size too big");
    /* v may point into a's own buffer (a.concat(a)), which reserve may move */
    bool alias = r->ptr && v >= r->ptr && v < r->ptr + r->capa;
    ptrdiff_t off = alias ? v - r->ptr : 0;
    mg_ary_reserve(a, r->len + n);
    if (alias) v = r->ptr + off;
    mg_wb_elems(&r->hdr, r->len, r->len + n);
    mg_memmove0(r->ptr + r->len, v, (size_t)n * sizeof(Value));
    r->len += n;
}

Value
mg_ary_pop(Value a)
{
    ary_check_modify(a);
    RArray *r = MG_RARRAY(a);
    if (r->len == 0) return MG_NIL;
    mg_wb_elems(&r->hdr, r->len - 1, r->len);
    Value v = r->ptr[--r->len];
    ary_maybe_shrink(a);
    return v;
}

Value
mg_ary_shift(Value a)
{
    ary_check_modify(a);
    RArray *r = MG_RARRAY(a);
    if (r->len == 0) return MG_NIL;
    mg_wb_shift(&r->hdr, 1);
    Value v = r->ptr[0];
    ary_drop_front(r, 1);
    ary_maybe_shrink(a);
    return v;
}

static void
ary_insert_values(Value a, int64_t pos, int64_t n, const Value *v)
{
    RArray *r = MG_RARRAY(a);
    if (n <= 0) return;
    if (r->len + n > ARY_MAX_SIZE) mg_raise(mg_eArgumentError, "array size too big");
    if (pos > r->len) ary_set_len(a, pos);
    if (pos == 0 && n <= UINT32_MAX / 2) {
        ary_reserve_front(r, n);
        r->ptr -= n;
        r->capa += n;
        r->hdr.extra -= (uint32_t)n;
        mg_memcpy0(r->ptr, v, (size_t)n * sizeof(Value));
        r->len += n;
        MG_WB(a, v[0]);
        return;
    }
    mg_ary_reserve(a, r->len + n);
    mg_memmove0(r->ptr + pos + n, r->ptr + pos, (size_t)(r->len - pos) * sizeof(Value));
    mg_memcpy0(r->ptr + pos, v, (size_t)n * sizeof(Value));
    r->len += n;
    MG_WB(a, v[0]);
}

void
mg_ary_unshift(Value a, Value v)
{
    mg_ary_modify(a);
    ary_insert_values(a, 0, 1, &v);
}

Value
mg_ary_concat(Value a, Value b)
{
    ary_check_modify(a);
    MG_FAULT(b);
    ary_push_values(a, MG_RARRAY(b)->len, MG_RARRAY(b)->ptr);
    return a;
}

/* rb_ary_splice: replace [beg, beg+len) by rpl[0..rlen). beg >= 0, len >= 0. */
static void
ary_splice(Value a, int64_t beg, int64_t len, const Value *rpl, int64_t rlen)
{
    RArray *r = MG_RARRAY(a);
    if (beg >= r->len) {
        if (beg > ARY_MAX_SIZE - rlen) mg_raise(mg_eIndexError, "index %lld too big", (long long)beg);
        int64_t newlen = beg + rlen;
        mg_ary_reserve(a, newlen);
        for (int64_t i = r->len; i < beg; i++) r->ptr[i] = MG_NIL;
        if (rlen) mg_memmove0(r->ptr + beg, rpl, (size_t)rlen * sizeof(Value));
        r->len = newlen;
    } else {
        if (beg + len > r->len) len = r->len - beg;
        int64_t newlen = r->len + rlen - len;
        /* rpl may alias a's buffer: copy it out first when it does */
        Value small[8];
        Value *tmp = NULL;
        const Value *src = rpl;
        bool heap = false;
        if (rlen && rpl >= r->ptr && rpl < r->ptr + r->capa) {
            if (rlen <= 8) tmp = small;
            else { tmp = mg_malloc((size_t)rlen * sizeof(Value)); heap = true; }
            mg_memcpy0(tmp, rpl, (size_t)rlen * sizeof(Value));
            src = tmp;
        }
        if (newlen > r->capa) mg_ary_reserve(a, newlen);
        if (rlen != len)
            mg_memmove0(r->ptr + beg + rlen, r->ptr + beg + len, (size_t)(r->len - beg - len) * sizeof(Value));
        if (rlen) mg_memcpy0(r->ptr + beg, src, (size_t)rlen * sizeof(Value));
        r->len = newlen;
        if (heap) mg_free(tmp, (size_t)rlen * sizeof(Value));
    }
    /* rpl may have pointed into the old buffer: the barrier reads the copy in place */
    MG_WB(a, rlen ? r->ptr[beg] : MG_NIL);
}

/* ---- conversions ---- */

Value
mg_check_array(Value v)
{
    if (MG_IS_ARRAY(v)) { MG_FAULT(v); return v; }   /* its body read directly, as mg_to_str's */
    if (MG_IS_IMMEDIATE(v)) return MG_NIL;
    if (!mg_respond_to(v, mg_id_to_ary, true)) return MG_NIL;
    Value r = mg_funcall(v, mg_id_to_ary, 0, NULL);
    if (MG_IS_NIL(r)) return MG_NIL;
    if (!MG_IS_ARRAY(r)) {
        const char *cn = mg_class_cname(mg_obj_class(v));
        mg_raise(mg_eTypeError, "can't convert %s to Array (%s#to_ary gives %s)",
                 cn, cn, mg_class_cname(mg_obj_class(r)));
    }
    MG_FAULT(r);
    return r;
}

Value
mg_to_ary(Value v)
{
    if (MG_IS_ARRAY(v)) { MG_FAULT(v); return v; }
    if (MG_IS_IMMEDIATE(v) || !mg_respond_to(v, mg_id_to_ary, true)) mg_raise_type(v, "Array");
    Value r = mg_funcall(v, mg_id_to_ary, 0, NULL);
    if (!MG_IS_ARRAY(r)) {      /* nil too: to_ary was asked for and must give an Array */
        const char *cn = mg_class_cname(mg_obj_class(v));
        mg_raise(mg_eTypeError, "can't convert %s to Array (%s#to_ary gives %s)", cn, cn, mg_class_cname(mg_obj_class(r)));
    }
    MG_FAULT(r);
    return r;
}

Value
mg_splat_to_a(Value v)
{
    if (MG_IS_ARRAY(v)) return v;
    if (MG_IS_NIL(v)) return mg_ary_new();
    /* a splat asks to_a only, as CRuby: an object with just to_ary stays whole */
    if (!MG_IS_IMMEDIATE(v) && mg_respond_to(v, mg_id_to_a, true)) {
        Value r = mg_funcall(v, mg_id_to_a, 0, NULL);
        if (MG_IS_NIL(r)) return mg_ary_new_from(1, &v);
        if (!MG_IS_ARRAY(r)) {
            const char *cn = mg_class_cname(mg_obj_class(v));
            mg_raise(mg_eTypeError, "can't convert %s to Array (%s#to_a gives %s)",
                     cn, cn, mg_class_cname(mg_obj_class(r)));
        }
        return r;
    }
    return mg_ary_new_from(1, &v);
}

/* Kernel#Array semantics: to_ary, to_a, else [v]; nil -> []. */
static Value
ary_convert_any(Value v)
{
    if (MG_IS_NIL(v)) return mg_ary_new();
    Value r = mg_check_array(v);
    if (!MG_IS_NIL(r)) return r;
    return mg_splat_to_a(v);
}

bool
mg_ary_includes(Value a, Value v)
{
    for (int64_t i = 0; i < ALEN(a); i++) {
        Value e = APTR(a)[i];
        if (e == v) return true;
        if (MG_IS_FIXNUM(e) && MG_IS_FIXNUM(v)) continue;
        if (MG_IS_SYMBOL(e) && MG_IS_SYMBOL(v)) continue;
        if (mg_equal(e, v)) return true;
    }
    return false;
}

/* ---- the recursion guard ---- */

/* Each fiber has its own stack of the (tag, obj, paired) calls running in it
 * (MgFiber.rec_guard): an inspect in one thread or fiber does not see the
 * calls another one is in the middle of. */
typedef struct { ID tag; Value obj; Value paired; } RecFrame;
typedef struct { RecFrame *v; size_t len, cap; } RecGuard;

static RecGuard *
rec_guard(void)
{
    static RecGuard early;      /* before the fibers exist */
    MgFiber *f = mg_fiber_current();
    if (!f) return &early;
    if (!f->rec_guard) {
        RecGuard *g = calloc(1, sizeof *g);
        if (!g) mg_raise_nomem();
        f->rec_guard = g;
    }
    return f->rec_guard;
}

void
mg_rec_guard_free(void *guard)
{
    RecGuard *g = guard;
    if (!g) return;
    free(g->v);
    free(g);
}

static bool
rec_member(RecGuard *g, ID tag, Value obj, Value paired)
{
    for (size_t i = g->len; i-- > 0;)
        if (g->v[i].obj == obj && g->v[i].tag == tag &&
            (paired == MG_UNDEF || g->v[i].paired == paired))
            return true;
    return false;
}

typedef struct {
    Value (*fn)(Value, Value, bool);
    Value obj, arg;
    RecGuard *guard;
    size_t level;
} RecCall;

static Value
rec_body(Value p)
{
    RecCall *c = VAL2PTR(p);
    return c->fn(c->obj, c->arg, false);
}

static void
rec_pop(Value p)
{
    RecCall *c = VAL2PTR(p);
    c->guard->len = c->level;
}

Value
mg_exec_recursive_paired(Value (*fn)(Value obj, Value arg, bool recursive),
                         Value obj, Value paired, Value arg, ID tag)
{
    mg_vm_stack_check_c();      /* nested data: SystemStackError, not a crash */
    RecGuard *g = rec_guard();
    if (rec_member(g, tag, obj, paired)) return fn(obj, arg, true);
    if (g->len == g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 64;
        RecFrame *nv = realloc(g->v, cap * sizeof(RecFrame));
        if (!nv) mg_raise_nomem();
        g->v = nv;
        g->cap = cap;
    }
    RecCall c = { fn, obj, arg, g, g->len };
    g->v[g->len++] = (RecFrame){ tag, obj, paired };
    return mg_ensure(rec_body, PTR2VAL(&c), rec_pop, PTR2VAL(&c));
}

Value
mg_exec_recursive(Value (*fn)(Value obj, Value arg, bool recursive), Value obj, Value arg, ID tag)
{
    return mg_exec_recursive_paired(fn, obj, MG_UNDEF, arg, tag);
}

/* Whether any element could make inspect/==/hash recurse into Ruby code that
 * reaches this array again (containers and user objects; not strings, numbers). */
static bool
ary_needs_guard(Value a)
{
    int64_t n = ALEN(a);
    const Value *p = APTR(a);
    for (int64_t i = 0; i < n; i++) {
        Value e = p[i];
        if (!MG_IS_PTR(e)) continue;
        ObjType t = (ObjType)MG_OBJ(e)->type;
        if (t != T_STRING && t != T_FLOAT && t != T_BIGNUM) return true;
    }
    return false;
}

/* ---- inspect / join ---- */

static Value
ary_inspect_body(Value a, Value arg, bool recursive)
{
    UNUSED(arg);
    if (recursive) return mg_str_new("[...]", 5);
    Value s = mg_str_buf_new(2 + (size_t)ALEN(a) * 4);
    mg_str_cat(s, "[", 1);
    for (int64_t i = 0; i < ALEN(a); i++) {
        if (i > 0) mg_str_cat(s, ", ", 2);
        Value e = APTR(a)[i];
        if (MG_IS_FIXNUM(e)) {
            char buf[24];
            int n = snprintf(buf, sizeof buf, "%lld", (long long)MG_FIX2LONG(e));
            mg_str_cat(s, buf, (size_t)n);
        } else {
            mg_str_append(s, mg_inspect(e));
        }
    }
    mg_str_cat(s, "]", 1);
    return s;
}

static ID id_inspect_guard, id_join_guard, id_eq_guard, id_hash_guard;

Value
mg_ary_inspect(Value a)
{
    MG_FAULT(a);
    if (MG_RARRAY(a)->len == 0) return mg_str_new("[]", 2);
    if (!ary_needs_guard(a)) return ary_inspect_body(a, MG_NIL, false);
    return mg_exec_recursive(ary_inspect_body, a, MG_NIL, id_inspect_guard);
}

static void ary_join_into(Value a, Value sep, Value out, bool *first);

typedef struct { Value sep, out; bool *first; } JoinArg;

static Value
ary_join_body(Value a, Value arg, bool recursive)
{
    if (recursive) mg_raise(mg_eArgumentError, "recursive array join");
    JoinArg *j = VAL2PTR(arg);
    ary_join_into(a, j->sep, j->out, j->first);
    return MG_NIL;
}

static void
join_sep(Value sep, Value out, bool *first)
{
    if (!*first && !MG_IS_NIL(sep)) mg_str_append(out, sep);
    *first = false;
}

static void
ary_join_into(Value a, Value sep, Value out, bool *first)
{
    for (int64_t i = 0; i < ALEN(a); i++) {
        Value e = APTR(a)[i];
        if (MG_IS_STRING(e)) {
            join_sep(sep, out, first);
            mg_str_append(out, e);
            continue;
        }
        if (MG_IS_FIXNUM(e) || MG_IS_SYMBOL(e) || MG_IS_NIL(e) || MG_IS_FLOAT(e) || MG_IS_BIGNUM(e) ||
            e == MG_TRUE || e == MG_FALSE) {
            join_sep(sep, out, first);
            mg_str_append(out, mg_to_s(e));
            continue;
        }
        Value s = mg_check_string(e);
        if (!MG_IS_NIL(s)) {
            join_sep(sep, out, first);
            mg_str_append(out, s);
            continue;
        }
        Value sub = mg_check_array(e);
        if (!MG_IS_NIL(sub)) {
            JoinArg j = { sep, out, first };
            mg_exec_recursive(ary_join_body, sub, PTR2VAL(&j), id_join_guard);
            continue;
        }
        join_sep(sep, out, first);
        mg_str_append(out, mg_to_s(e));
    }
}

Value
mg_ary_join(Value a, Value sep)
{
    MG_FAULT(a);
    if (!MG_IS_NIL(sep)) sep = mg_to_str(sep);
    Value out = mg_str_buf_new(64);
    bool first = true;
    JoinArg j = { sep, out, &first };
    mg_exec_recursive(ary_join_body, a, PTR2VAL(&j), id_join_guard);
    return out;
}

/* ---- equality and hashing ---- */

typedef struct { Value other; bool eql; } EqArg;

static bool
ary_elems_equal(Value a, Value b, bool eql)
{
    for (int64_t i = 0; i < ALEN(a); i++) {
        if (i >= ALEN(b)) return false;
        Value x = APTR(a)[i], y = APTR(b)[i];
        if (x == y) continue;
        if (MG_IS_FIXNUM(x) && MG_IS_FIXNUM(y)) return false;
        if (eql ? !mg_eql(x, y) : !mg_equal(x, y)) return false;
    }
    return ALEN(a) == ALEN(b);
}

static Value
ary_eq_body(Value a, Value arg, bool recursive)
{
    EqArg *e = VAL2PTR(arg);
    if (recursive) return MG_TRUE;
    return MG_BOOL(ary_elems_equal(a, e->other, e->eql));
}

static bool
ary_equal(Value a, Value b, bool eql)
{
    if (a == b) return true;
    MG_FAULT(a);
    MG_FAULT(b);
    if (MG_RARRAY(a)->len != MG_RARRAY(b)->len) return false;
    if (!ary_needs_guard(a)) return ary_elems_equal(a, b, eql);
    EqArg e = { b, eql };
    return MG_TEST(mg_exec_recursive_paired(ary_eq_body, a, b, PTR2VAL(&e), id_eq_guard));
}

bool
mg_ary_eql(Value a, Value b)
{
    return ary_equal(a, b, true);
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

static Value
ary_hash_body(Value a, Value arg, bool recursive)
{
    uint64_t *out = VAL2PTR(arg);
    uint64_t h = mix64(0x9e3779b97f4a7c15ULL ^ (uint64_t)ALEN(a));
    if (!recursive) {
        for (int64_t i = 0; i < ALEN(a); i++)
            h = mix64(h * 31 + mg_hash_value(APTR(a)[i]));
    }
    *out = h;
    return MG_NIL;
}

uint64_t
mg_ary_hash(Value a)
{
    uint64_t h = 0;
    MG_FAULT(a);
    if (!ary_needs_guard(a)) ary_hash_body(a, PTR2VAL(&h), false);
    else mg_exec_recursive(ary_hash_body, a, PTR2VAL(&h), id_hash_guard);
    return h;
}

/* ---- Array methods: construction ---- */

static Value
ary_s_alloc(RClass *klass)
{
    return ary_alloc(klass, 0);
}

static Value
ary_initialize(Value self, int argc, const Value *argv, Value blk)
{
    mg_ary_modify(self);
    MG_RARRAY(self)->len = 0;
    if (argc == 0) return self;
    if (argc == 1 && !MG_IS_FIXNUM(argv[0])) {
        Value src = mg_check_array(argv[0]);
        if (!MG_IS_NIL(src)) {
            MG_FAULT(src);
            ary_replace_values(self, MG_RARRAY(src)->len, MG_RARRAY(src)->ptr);
            return self;
        }
    }
    int64_t n = NUM2LONG(argv[0]);
    if (n < 0) mg_raise(mg_eArgumentError, "negative array size");
    if (n > ARY_MAX_SIZE) mg_raise(mg_eArgumentError, "array size too big");
    Value fill = argc > 1 ? argv[1] : MG_NIL;
    mg_ary_reserve(self, n);
    if (mg_block_given(blk)) {
        for (int64_t i = 0; i < n; i++) {
            Value v = mg_yield1(blk, MG_FIX(i));
            if (ALEN(self) > i) mg_ary_store(self, i, v);
            else {
                ary_set_len(self, i);
                mg_ary_push(self, v);
            }
        }
    } else {
        RArray *r = MG_RARRAY(self);
        for (int64_t i = 0; i < n; i++) r->ptr[i] = fill;
        r->len = n;
        MG_WB(self, fill);
    }
    return self;
}

static Value
ary_s_create(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    Value a = MG_RCLASS(self) == mg_cArray ? mg_ary_new_capa(argc) : mg_funcall(self, mg_id_allocate, 0, NULL);
    if (!MG_IS_ARRAY(a)) a = mg_ary_new();
    ary_push_values(a, argc, argv);
    return a;
}

static Value
ary_s_try_convert(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    return mg_check_array(argv[0]);
}

static Value
kernel_Array(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    return ary_convert_any(argv[0]);
}

static Value
ary_initialize_copy(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    mg_ary_modify(self);
    Value src = mg_to_ary(argv[0]);
    if (src == self) return self;
    MG_FAULT(src);
    ary_replace_values(self, MG_RARRAY(src)->len, MG_RARRAY(src)->ptr);
    return self;
}

/* ---- element reference ---- */

/* mg_ary_entry of an Array that is not faulted: faulted, it may be lazy
 * (object.h), and then only element i is resolved. */
Value
mg_ary_entry_slow(Value a, int64_t i)
{
    Obj *o = MG_OBJ(a);
    if (!mg_ary_lazy_p(o)) {
        mg_fault_lazy_hook(o);
        if (!mg_ary_lazy_p(o)) return mg_ary_entry(a, i);
    }
    RArray *r = MG_RARRAY(a);
    if (i < 0) i += r->len;
    if ((uint64_t)i >= (uint64_t)r->len) return MG_NIL;
    Value v = r->ptr[i];
    if (mg_lazy_ref_p(v)) {
        v = mg_lazy_resolve_hook(o, v);
        MG_RARRAY(a)->ptr[i] = v;      /* not a change: the Array stays clean */
    }
    return v;
}

/* Every step-th element of [beg, beg+len) clamped, from the top when step < 0
 * (rb_ary_subseq_step); nil when beg is out of range. */
static Value
ary_subseq_step(Value a, int64_t beg, int64_t len, int64_t step)
{
    int64_t alen = ALEN(a);
    if (beg > alen || beg < 0 || len < 0) return MG_NIL;
    if (alen - beg < len) len = alen - beg;
    if (step == 0 && len > 0) mg_raise(mg_eArgumentError, "slice step cannot be zero");
    if (len == 0 || step == 1) return mg_ary_new_from(len, APTR(a) + beg);
    if (step > 0 && step >= len) return mg_ary_new_from(1, APTR(a) + beg);
    if (step < -len) step = -len;
    int64_t ustep = step < 0 ? -step : step, n = (len + ustep - 1) / ustep;
    int64_t j = beg + (step > 0 ? 0 : len - 1);
    Value out = mg_ary_new_capa(n);
    for (int64_t k = 0; k < n; k++, j += step) ary_push_fresh(out, APTR(a)[j]);
    return out;
}

static Value
ary_aref_range(Value self, Value idx, bool *ok)
{
    int64_t beg, len;
    *ok = true;
    if (!mg_range_beg_len(idx, ALEN(self), &beg, &len, false)) return MG_NIL;
    return ary_subseq(self, beg, len);
}

static Value
ary_aref(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    if (argc == 1) {
        Value i = argv[0];
        if (MG_IS_FIXNUM(i)) return mg_ary_entry(self, MG_FIX2LONG(i));
        if (MG_IS_TYPE(i, T_RANGE)) {
            bool ok;
            return ary_aref_range(self, i, &ok);
        }
        int64_t beg, len, step;
        bool ok;
        if (mg_arith_seq_beg_len_step(i, ALEN(self), &beg, &len, &step, &ok))
            return ok ? ary_subseq_step(self, beg, len, step) : MG_NIL;
        return mg_ary_entry(self, NUM2LONG(i));
    }
    mg_check_argc(argc, 1, 2);
    int64_t beg = NUM2LONG(argv[0]), len = NUM2LONG(argv[1]);
    if (beg < 0) beg += ALEN(self);
    return ary_subseq(self, beg, len);
}

static Value
ary_at(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return mg_ary_entry(self, NUM2LONG(argv[0]));
}

static Value
ary_fetch(Value self, int argc, const Value *argv, Value blk)
{
    int64_t idx = NUM2LONG(argv[0]);
    int64_t len = ALEN(self);
    int64_t i = idx < 0 ? idx + len : idx;
    if (i < 0 || i >= len) {
        if (mg_block_given(blk)) return mg_yield1(blk, argv[0]);
        if (argc > 1) return argv[1];
        mg_raise(mg_eIndexError, "index %lld outside of array bounds: %lld...%lld",
                 (long long)idx, (long long)-len, (long long)len);
    }
    return mg_ary_entry(self, i);
}

static Value
ary_dig(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    Value v = mg_ary_entry(self, NUM2LONG(argv[0]));   /* an index only, as Array#at */
    if (argc == 1 || MG_IS_NIL(v)) return v;
    if (!mg_respond_to(v, mg_intern_cstr("dig"), true))
        mg_raise(mg_eTypeError, "%s does not have #dig method", mg_class_cname(mg_obj_class(v)));
    return mg_funcall(v, mg_intern_cstr("dig"), argc - 1, argv + 1);
}

static int64_t
take_count(Value n)
{
    int64_t k = NUM2LONG(n);
    if (k < 0) mg_raise(mg_eArgumentError, "negative array size");
    return k;
}

static Value
ary_first(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    if (argc == 0) return mg_ary_entry(self, 0);
    int64_t n = take_count(argv[0]);
    int64_t len = ALEN(self);
    if (n > len) n = len;
    return mg_ary_new_from(n, APTR(self));
}

static Value
ary_last(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    if (argc == 0) return mg_ary_entry(self, -1);
    int64_t n = take_count(argv[0]);
    int64_t len = ALEN(self);
    if (n > len) n = len;
    return mg_ary_new_from(n, APTR(self) + len - n);
}

static Value
ary_values_at(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    Value out = mg_ary_new_capa(argc);
    for (int i = 0; i < argc; i++) {
        if (MG_IS_TYPE(argv[i], T_RANGE)) {
            int64_t beg, len;
            mg_range_beg_len(argv[i], ALEN(self), &beg, &len, true);
            for (int64_t j = 0; j < len; j++) ary_push_fresh(out, mg_ary_entry(self, beg + j));
            continue;
        }
        ary_push_fresh(out, mg_ary_entry(self, NUM2LONG(argv[i])));
    }
    return out;
}

/* ---- element assignment ---- */

static void
ary_splice_value(Value self, int64_t beg, int64_t len, Value rpl)
{
    Value ra = mg_check_array(rpl);
    if (MG_IS_NIL(ra)) {
        ary_splice(self, beg, len, &rpl, 1);
    } else {
        MG_FAULT(ra);
        ary_splice(self, beg, len, MG_RARRAY(ra)->ptr, MG_RARRAY(ra)->len);
    }
}

static Value
ary_aset(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    mg_check_argc(argc, 2, 3);
    if (argc == 2 && MG_IS_FIXNUM(argv[0])) {      /* mg_ary_store's barrier names the element */
        mg_ary_store(self, MG_FIX2LONG(argv[0]), argv[1]);
        return argv[1];
    }
    mg_ary_modify(self);
    if (argc == 2) {
        Value i = argv[0];
        if (MG_IS_TYPE(i, T_RANGE)) {
            int64_t beg, len;
            mg_range_beg_len(i, ALEN(self), &beg, &len, true);
            ary_splice_value(self, beg, len, argv[1]);
            return argv[1];
        }
        mg_ary_store(self, NUM2LONG(i), argv[1]);
        return argv[1];
    }
    int64_t beg = NUM2LONG(argv[0]), len = NUM2LONG(argv[1]);
    int64_t alen = ALEN(self);
    if (len < 0) mg_raise(mg_eIndexError, "negative length (%lld)", (long long)len);
    if (beg < 0) {
        if (beg + alen < 0)
            mg_raise(mg_eIndexError, "index %lld too small for array; minimum: -%lld",
                     (long long)beg, (long long)alen);
        beg += alen;
    }
    ary_splice_value(self, beg, len, argv[2]);
    return argv[2];
}

static Value
ary_push_m(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    ary_check_modify(self);
    ary_push_values(self, argc, argv);   /* its barrier names the new elements */
    return self;
}

static Value
ary_lshift(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return mg_ary_push(self, argv[0]);
}

static Value
ary_pop_m(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    if (argc == 0) return mg_ary_pop(self);
    mg_ary_modify(self);
    int64_t n = take_count(argv[0]);
    int64_t len = ALEN(self);
    if (n > len) n = len;
    Value out = mg_ary_new_from(n, APTR(self) + len - n);
    MG_RARRAY(self)->len = len - n;
    ary_maybe_shrink(self);
    return out;
}

static Value
ary_shift_m(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    if (argc == 0) return mg_ary_shift(self);
    ary_check_modify(self);
    int64_t n = take_count(argv[0]);
    int64_t len = ALEN(self);
    if (n > len) n = len;
    mg_wb_shift(MG_OBJ(self), n);
    Value out = mg_ary_new_from(n, APTR(self));
    ary_drop_front(MG_RARRAY(self), n);
    ary_maybe_shrink(self);
    return out;
}

static Value
ary_unshift_m(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    mg_ary_modify(self);
    ary_insert_values(self, 0, argc, argv);
    return self;
}

static Value
ary_insert(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    mg_ary_modify(self);
    int64_t pos = NUM2LONG(argv[0]);
    if (argc == 1) return self;
    int64_t len = ALEN(self);
    if (pos == -1) pos = len;
    else if (pos < 0) {
        int64_t p = pos + len + 1;
        if (p < 0)
            mg_raise(mg_eIndexError, "index %lld too small for array; minimum: -%lld",
                     (long long)pos, (long long)(len + 1));
        pos = p;
    }
    ary_insert_values(self, pos, argc - 1, argv + 1);
    return self;
}

static Value
ary_concat_m(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    ary_check_modify(self);                  /* ary_push_values's barrier names the new elements */
    if (argc == 1) {
        Value b = mg_to_ary(argv[0]);
        MG_FAULT(b);
        ary_push_values(self, MG_RARRAY(b)->len, MG_RARRAY(b)->ptr);
        return self;
    }
    /* all arguments are read before self changes (a.concat(a, a)) */
    Value all = mg_ary_new();
    for (int i = 0; i < argc; i++) mg_ary_concat(all, mg_to_ary(argv[i]));
    ary_push_values(self, ALEN(all), APTR(all));
    return self;
}

static Value
ary_replace(Value self, int argc, const Value *argv, Value blk)
{
    return ary_initialize_copy(self, argc, argv, blk);
}

static Value
ary_clear(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    mg_ary_modify(self);
    MG_RARRAY(self)->len = 0;
    ary_maybe_shrink(self);
    return self;
}

static Value
ary_fill(Value self, int argc, const Value *argv, Value blk)
{
    bool block = mg_block_given(blk);
    if (block) mg_check_argc(argc, 0, 2);
    else mg_check_argc(argc, 1, 3);
    mg_ary_modify(self);
    Value item = MG_NIL;
    const Value *a = argv;
    int n = argc;
    if (!block) { item = argv[0]; a++; n--; }
    int64_t len = ALEN(self), beg = 0, cnt = len;
    if (n >= 1 && !MG_IS_NIL(a[0]) && MG_IS_TYPE(a[0], T_RANGE) && n == 1) {
        if (!mg_range_beg_len(a[0], len, &beg, &cnt, true)) return self;
    } else {
        if (n >= 1 && !MG_IS_NIL(a[0])) {
            beg = NUM2LONG(a[0]);
            if (beg < 0) { beg += len; if (beg < 0) beg = 0; }
        }
        if (n >= 2) {
            if (MG_IS_NIL(a[1])) cnt = len - beg;
            else cnt = NUM2LONG(a[1]);
        } else {
            cnt = len - beg;
        }
        if (cnt < 0) return self;
    }
    if (beg > ARY_MAX_SIZE - cnt) mg_raise(mg_eArgumentError, "argument too big");
    int64_t end = beg + cnt;
    if (end > ALEN(self)) ary_set_len(self, end);
    for (int64_t i = beg; i < end; i++) {
        Value v = block ? mg_yield1(blk, MG_FIX(i)) : item;
        if (i >= ALEN(self)) break;
        MG_WB(self, v);
        APTR(self)[i] = v;
    }
    return self;
}

/* ---- size and predicates ---- */

static Value
ary_length(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_FIX(ALEN(self));
}

static Value
ary_empty_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_BOOL(ALEN(self) == 0);
}

static Value
ary_include_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return MG_BOOL(mg_ary_includes(self, argv[0]));
}

static Value
ary_eq(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value o = argv[0];
    if (o == self) return MG_TRUE;
    if (!MG_IS_ARRAY(o)) {
        if (MG_IS_IMMEDIATE(o) || !mg_respond_to(o, mg_id_to_ary, true)) return MG_FALSE;
        return MG_BOOL(mg_equal(o, self));
    }
    return MG_BOOL(ary_equal(self, o, false));
}

static Value
ary_eql_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    if (!MG_IS_ARRAY(argv[0])) return MG_FALSE;
    return MG_BOOL(ary_equal(self, argv[0], true));
}

static Value
ary_hash_m(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_FIX((int64_t)mg_ary_hash(self) >> 2);
}

/* ---- iteration ---- */

static Value
ary_each(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each", argc, argv, blk);
    for (int64_t i = 0; i < ALEN(self); i++) mg_yield1_discard(blk, AELT(self, i));
    return self;
}

static Value
ary_each_index(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each_index", argc, argv, blk);
    for (int64_t i = 0; i < ALEN(self); i++) mg_yield1_discard(blk, MG_FIX(i));
    return self;
}

static Value
ary_each_with_index(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each_with_index", argc, argv, blk);
    size_t level = mg_gc_arena_save();
    for (int64_t i = 0; i < ALEN(self); i++) {
        Value args[2] = { AELT(self, i), MG_FIX(i) };
        mg_yield(blk, 2, args);
        mg_gc_arena_restore(level);
    }
    return self;
}

static Value
ary_reverse_each(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "reverse_each", argc, argv, blk);
    int64_t i = ALEN(self);
    while (i-- > 0) {
        mg_yield1_discard(blk, AELT(self, i));
        if (i > ALEN(self)) i = ALEN(self);
    }
    return self;
}

static Value
ary_map(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "map", argc, argv, blk);
    Value out = mg_ary_new_capa(ALEN(self));
    size_t level = mg_gc_arena_save();   /* out is below: it stays rooted */
    for (int64_t i = 0; i < ALEN(self); i++) {
        Value v = mg_yield1(blk, APTR(self)[i]);
        ary_push_fresh(out, v);          /* v is reachable from out from here on */
        mg_gc_arena_restore(level);
    }
    return out;
}

static Value
ary_map_bang(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "map!", argc, argv, blk);
    mg_ary_modify(self);
    for (int64_t i = 0; i < ALEN(self); i++) {
        Value v = mg_yield1(blk, APTR(self)[i]);
        mg_ary_modify(self);
        if (i < ALEN(self)) {
            MG_WB(self, v);
            APTR(self)[i] = v;
        }
    }
    return self;
}

static Value
ary_flat_map(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "flat_map", argc, argv, blk);
    Value out = mg_ary_new_capa(ALEN(self));
    for (int64_t i = 0; i < ALEN(self); i++) {
        Value v = mg_yield1(blk, APTR(self)[i]);
        mg_gc_protect(v);
        Value a = mg_check_array(v);
        if (MG_IS_NIL(a)) ary_push_fresh(out, v);
        else mg_ary_concat(out, a);
    }
    return out;
}

static Value
ary_select(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "select", argc, argv, blk);
    Value out = mg_ary_new();
    size_t level = mg_gc_arena_save();
    for (int64_t i = 0; i < ALEN(self); i++) {
        Value e = APTR(self)[i];
        if (MG_TEST(mg_yield1(blk, e))) ary_push_fresh(out, e);
        mg_gc_arena_restore(level);
    }
    return out;
}

static Value
ary_filter_map(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "filter_map", argc, argv, blk);
    Value out = mg_ary_new();
    for (int64_t i = 0; i < ALEN(self); i++) {
        Value v = mg_yield1(blk, APTR(self)[i]);
        if (MG_TEST(v)) ary_push_fresh(out, v);
    }
    return out;
}

static Value
ary_reject(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "reject", argc, argv, blk);
    Value out = mg_ary_new();
    for (int64_t i = 0; i < ALEN(self); i++) {
        Value e = APTR(self)[i];
        if (!MG_TEST(mg_yield1(blk, e))) ary_push_fresh(out, e);
    }
    return out;
}

/* In-place filtering: keeps the elements for which the block's truth equals
 * `keep`. Elements are compacted as we go so a raise leaves a consistent array.
 * Returns whether anything was removed. */
typedef struct { Value self; Value blk; bool keep; int64_t i, j; } FilterState;

static Value
filter_body(Value p)
{
    FilterState *s = VAL2PTR(p);
    for (; s->i < ALEN(s->self); s->i++) {
        Value e = APTR(s->self)[s->i];
        bool t = MG_TEST(mg_yield1(s->blk, e));
        mg_ary_modify(s->self);
        if (t == s->keep) {
            if (s->j < ALEN(s->self)) APTR(s->self)[s->j] = e;
            s->j++;
        }
    }
    return MG_NIL;
}

static void
filter_finish(Value p)
{
    FilterState *s = VAL2PTR(p);
    RArray *r = MG_RARRAY(s->self);
    if (mg_frozen_p(s->self)) return;
    if (s->i < r->len) {
        /* aborted: keep the unvisited tail */
        int64_t tail = r->len - s->i;
        mg_memmove0(r->ptr + s->j, r->ptr + s->i, (size_t)tail * sizeof(Value));
        r->len = s->j + tail;
    } else if (s->j < r->len) {
        r->len = s->j;
    }
}

static bool
ary_filter_in_place(Value self, Value blk, bool keep)
{
    mg_ary_modify(self);
    int64_t before = ALEN(self);
    FilterState s = { self, blk, keep, 0, 0 };
    mg_ensure(filter_body, PTR2VAL(&s), filter_finish, PTR2VAL(&s));
    return ALEN(self) != before;
}

static Value
ary_select_bang(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "select!", argc, argv, blk);
    return ary_filter_in_place(self, blk, true) ? self : MG_NIL;
}

static Value
ary_keep_if(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "keep_if", argc, argv, blk);
    ary_filter_in_place(self, blk, true);
    return self;
}

static Value
ary_reject_bang(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "reject!", argc, argv, blk);
    return ary_filter_in_place(self, blk, false) ? self : MG_NIL;
}

static Value
ary_delete_if(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "delete_if", argc, argv, blk);
    ary_filter_in_place(self, blk, false);
    return self;
}

static Value
ary_delete(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc);
    Value v = argv[0], found = MG_UNDEF;
    int64_t j = 0;
    for (int64_t i = 0; i < ALEN(self); i++) {
        Value e = APTR(self)[i];
        bool eq = e == v || (!(MG_IS_FIXNUM(e) && MG_IS_FIXNUM(v)) && mg_equal(e, v));
        if (eq) {
            found = e;
            continue;
        }
        if (found != MG_UNDEF) mg_ary_modify(self);
        if (j != i && i < ALEN(self)) APTR(self)[j] = e;
        j++;
    }
    if (found == MG_UNDEF) {
        if (mg_block_given(blk)) return mg_yield1(blk, v);
        return MG_NIL;
    }
    mg_ary_modify(self);
    if (j < ALEN(self)) MG_RARRAY(self)->len = j;
    ary_maybe_shrink(self);
    return found;
}

static Value
ary_delete_at_i(Value self, int64_t pos)
{
    int64_t len = ALEN(self);
    if (pos < 0) pos += len;
    if (pos < 0 || pos >= len) return MG_NIL;
    mg_ary_modify(self);
    RArray *r = MG_RARRAY(self);
    Value v = r->ptr[pos];
    mg_memmove0(r->ptr + pos, r->ptr + pos + 1, (size_t)(len - pos - 1) * sizeof(Value));
    r->len--;
    return v;
}

static Value
ary_delete_at(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return ary_delete_at_i(self, NUM2LONG(argv[0]));
}

static Value
ary_slice_bang(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    mg_check_argc(argc, 1, 2);
    mg_ary_modify(self);
    int64_t len = ALEN(self), beg, cnt;
    if (argc == 1) {
        if (!MG_IS_TYPE(argv[0], T_RANGE)) return ary_delete_at_i(self, NUM2LONG(argv[0]));
        if (!mg_range_beg_len(argv[0], len, &beg, &cnt, false)) return MG_NIL;
    } else {
        beg = NUM2LONG(argv[0]);
        cnt = NUM2LONG(argv[1]);
        if (beg < 0) beg += len;
        if (beg < 0 || beg > len || cnt < 0) return MG_NIL;
        if (beg + cnt > len) cnt = len - beg;
    }
    Value out = mg_ary_new_from(cnt, APTR(self) + beg);
    ary_splice(self, beg, cnt, NULL, 0);
    return out;
}

static Value
ary_compact(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Value out = mg_ary_new_capa(ALEN(self));
    for (int64_t i = 0; i < ALEN(self); i++)
        if (!MG_IS_NIL(APTR(self)[i])) ary_push_fresh(out, APTR(self)[i]);
    return out;
}

static Value
ary_compact_bang(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    mg_ary_modify(self);
    RArray *r = MG_RARRAY(self);
    int64_t j = 0;
    for (int64_t i = 0; i < r->len; i++)
        if (!MG_IS_NIL(r->ptr[i])) r->ptr[j++] = r->ptr[i];
    if (j == r->len) return MG_NIL;
    r->len = j;
    ary_maybe_shrink(self);
    return self;
}

/* ---- flatten ---- */

#define FLAT_SCAN 32     /* nesting levels checked for recursion by a scan of the stack; deeper ones by a hash */

/* The nested arrays go on an explicit stack, not the C stack: a 300,000-deep
 * nesting flattens, as in CRuby. stack holds [array, next index] pairs of
 * the arrays being walked; an array met again on that path is recursive.
 * Past FLAT_SCAN levels the arrays on the path are also in deep (by
 * identity), so the check stays constant-time. */
static Value
ary_flatten_new(Value self, int argc, const Value *argv, bool *changed)
{
    int64_t depth = -1;
    if (argc > 0 && !MG_IS_NIL(argv[0])) depth = NUM2LONG(argv[0]);
    Value out = mg_ary_new_capa(ALEN(self));
    *changed = false;
    if (depth == 0) {
        mg_ary_concat(out, self);
        return out;
    }
    Value stack = mg_ary_new(), deep = MG_NIL, a = self;
    int64_t i = 0;
    for (;;) {
        if (i >= ALEN(a)) {
            if (ALEN(stack) == 0) break;
            if (!MG_IS_NIL(deep) && ALEN(stack) / 2 > FLAT_SCAN) mg_hash_delete(deep, a);
            i = MG_FIX2LONG(mg_ary_pop(stack));
            a = mg_ary_pop(stack);
            continue;
        }
        Value e = APTR(a)[i++];
        int64_t level = ALEN(stack) / 2;
        Value sub = MG_NIL;
        if (depth < 0 || level < depth) {
            if (MG_IS_ARRAY(e)) sub = e;
            else if (MG_IS_PTR(e) && !MG_IS_STRING(e) && !MG_IS_HASH(e)) sub = mg_check_array(e);
        }
        if (MG_IS_NIL(sub)) {
            ary_push_fresh(out, e);
            continue;
        }
        *changed = true;
        bool seen = sub == a;
        for (int64_t k = 0; !seen && k < level && k <= FLAT_SCAN; k++) seen = APTR(stack)[2 * k] == sub;
        if (!seen && !MG_IS_NIL(deep)) seen = mg_hash_lookup(deep, sub) != MG_UNDEF;
        if (seen) mg_raise(mg_eArgumentError, "tried to flatten recursive array");
        mg_ary_push(stack, a);
        mg_ary_push(stack, MG_FIX(i));
        if (level + 1 > FLAT_SCAN) {
            if (MG_IS_NIL(deep)) {
                deep = mg_hash_new();
                MG_OBJ(deep)->flags |= OF_HASH_IDENTITY;
            }
            mg_hash_aset(deep, sub, MG_TRUE);
        }
        a = sub;
        i = 0;
    }
    return out;
}

static Value
ary_flatten(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    bool changed;
    return ary_flatten_new(self, argc, argv, &changed);
}

static Value
ary_flatten_bang(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    mg_ary_modify(self);
    if (argc > 0 && !MG_IS_NIL(argv[0]) && NUM2LONG(argv[0]) == 0) return MG_NIL;
    bool changed;
    Value out = ary_flatten_new(self, argc, argv, &changed);
    if (!changed) return MG_NIL;
    ary_replace_values(self, ALEN(out), APTR(out));
    return self;
}

/* ---- reverse, rotate ---- */

static Value
ary_reverse(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    int64_t n = ALEN(self);
    Value out = mg_ary_new_capa(n);
    const Value *p = APTR(self);
    Value *q = MG_RARRAY(out)->ptr;
    for (int64_t i = 0; i < n; i++) q[i] = p[n - 1 - i];
    MG_RARRAY(out)->len = n;
    return out;
}

static Value
ary_reverse_bang(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    mg_ary_modify(self);
    Value *p = APTR(self);
    for (int64_t i = 0, j = ALEN(self) - 1; i < j; i++, j--) {
        Value t = p[i]; p[i] = p[j]; p[j] = t;
    }
    return self;
}

static int64_t
rotate_count(int argc, const Value *argv, int64_t len)
{
    int64_t n = argc > 0 ? NUM2LONG(argv[0]) : 1;
    if (len == 0) return 0;
    n %= len;
    if (n < 0) n += len;
    return n;
}

static Value
ary_rotate(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    int64_t len = ALEN(self);
    int64_t n = rotate_count(argc, argv, len);
    Value out = mg_ary_new_capa(len);
    const Value *p = APTR(self);
    Value *q = MG_RARRAY(out)->ptr;
    for (int64_t i = 0; i < len; i++) q[i] = p[(i + n) % len];
    MG_RARRAY(out)->len = len;
    return out;
}

static Value
ary_rotate_bang(Value self, int argc, const Value *argv, Value blk)
{
    mg_ary_modify(self);
    Value r = ary_rotate(self, argc, argv, blk);
    ary_replace_values(self, ALEN(r), APTR(r));
    return self;
}

/* ---- search ---- */

static Value
ary_index(Value self, int argc, const Value *argv, Value blk)
{
    if (argc == 0) {
        MG_RETURN_ENUMERATOR(self, "index", argc, argv, blk);
        for (int64_t i = 0; i < ALEN(self); i++)
            if (MG_TEST(mg_yield1(blk, APTR(self)[i]))) return MG_FIX(i);
        return MG_NIL;
    }
    mg_check_argc(argc, 0, 1);
    Value v = argv[0];
    for (int64_t i = 0; i < ALEN(self); i++) {
        Value e = APTR(self)[i];
        if (e == v || (!(MG_IS_FIXNUM(e) && MG_IS_FIXNUM(v)) && mg_equal(e, v))) return MG_FIX(i);
    }
    return MG_NIL;
}

static Value
ary_rindex(Value self, int argc, const Value *argv, Value blk)
{
    int64_t i = ALEN(self);
    if (argc == 0) {
        MG_RETURN_ENUMERATOR(self, "rindex", argc, argv, blk);
        while (i-- > 0) {
            if (MG_TEST(mg_yield1(blk, APTR(self)[i]))) return MG_FIX(i);
            if (i > ALEN(self)) i = ALEN(self);
        }
        return MG_NIL;
    }
    mg_check_argc(argc, 0, 1);
    Value v = argv[0];
    while (i-- > 0) {
        if (i >= ALEN(self)) { i = ALEN(self); continue; }
        Value e = APTR(self)[i];
        if (e == v || (!(MG_IS_FIXNUM(e) && MG_IS_FIXNUM(v)) && mg_equal(e, v))) return MG_FIX(i);
    }
    return MG_NIL;
}

static Value
ary_assoc(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    for (int64_t i = 0; i < ALEN(self); i++) {
        Value e = mg_check_array(APTR(self)[i]);
        if (!MG_IS_NIL(e) && ALEN(e) > 0 && mg_equal(APTR(e)[0], argv[0])) return e;
    }
    return MG_NIL;
}

static Value
ary_rassoc(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    for (int64_t i = 0; i < ALEN(self); i++) {
        Value e = APTR(self)[i];
        if (MG_IS_ARRAY(e) && ALEN(e) > 1 && mg_equal(APTR(e)[1], argv[0])) return e;
    }
    return MG_NIL;
}

static Value
ary_count(Value self, int argc, const Value *argv, Value blk)
{
    int64_t n = 0;
    if (argc > 0) {
        for (int64_t i = 0; i < ALEN(self); i++)
            if (mg_equal(APTR(self)[i], argv[0])) n++;
    } else if (mg_block_given(blk)) {
        for (int64_t i = 0; i < ALEN(self); i++)
            if (MG_TEST(mg_yield1(blk, APTR(self)[i]))) n++;
    } else {
        n = ALEN(self);
    }
    return MG_FIX(n);
}

/* ---- take / drop ---- */

static Value
ary_take(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    int64_t n = NUM2LONG(argv[0]);
    if (n < 0) mg_raise(mg_eArgumentError, "attempt to take negative size");
    if (n > ALEN(self)) n = ALEN(self);
    return mg_ary_new_from(n, APTR(self));
}

static Value
ary_drop(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    int64_t n = NUM2LONG(argv[0]);
    if (n < 0) mg_raise(mg_eArgumentError, "attempt to drop negative size");
    int64_t len = ALEN(self);
    if (n > len) n = len;
    return mg_ary_new_from(len - n, APTR(self) + n);
}

static Value
ary_take_while(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "take_while", argc, argv, blk);
    int64_t i = 0;
    for (; i < ALEN(self); i++)
        if (!MG_TEST(mg_yield1(blk, APTR(self)[i]))) break;
    if (i > ALEN(self)) i = ALEN(self);
    return mg_ary_new_from(i, APTR(self));
}

static Value
ary_drop_while(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "drop_while", argc, argv, blk);
    int64_t i = 0;
    for (; i < ALEN(self); i++)
        if (!MG_TEST(mg_yield1(blk, APTR(self)[i]))) break;
    if (i > ALEN(self)) i = ALEN(self);
    return mg_ary_new_from(ALEN(self) - i, APTR(self) + i);
}

/* ---- conversion methods ---- */

static Value
ary_to_a(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    if (mg_class_real(mg_class_of(self)) == mg_cArray) return self;
    return mg_ary_dup(self);
}

static Value
ary_to_ary(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return self;
}

static Value
ary_inspect_m(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return mg_ary_inspect(self);
}

static Value
ary_join_m(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    Value sep = argc > 0 ? argv[0] : MG_NIL;
    if (MG_IS_NIL(sep)) sep = mg_gvar_get(mg_intern_cstr("$,"));
    return mg_ary_join(self, sep);
}

static Value
ary_to_h(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv);
    Value h = mg_hash_new_capa(ALEN(self));
    for (int64_t i = 0; i < ALEN(self); i++) {
        Value e = APTR(self)[i];
        if (mg_block_given(blk)) {
            e = mg_yield1(blk, e);
            mg_gc_protect(e);
        }
        Value pair = mg_check_array(e);
        if (MG_IS_NIL(pair))
            mg_raise(mg_eTypeError, "wrong element type %s at %lld (expected array)",
                     mg_class_cname(mg_obj_class(e)), (long long)i);
        if (ALEN(pair) != 2)
            mg_raise(mg_eArgumentError, "wrong array length at %lld (expected 2, was %lld)",
                     (long long)i, (long long)ALEN(pair));
        mg_hash_aset(h, APTR(pair)[0], APTR(pair)[1]);
    }
    return h;
}

static Value
ary_plus(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value b = mg_to_ary(argv[0]);
    int64_t n1 = ALEN(self), n2 = ALEN(b);
    if (n1 + n2 > ARY_MAX_SIZE) mg_raise(mg_eArgumentError, "array size too big");
    Value out = mg_ary_new_capa(n1 + n2);
    mg_memcpy0(MG_RARRAY(out)->ptr, APTR(self), (size_t)n1 * sizeof(Value));
    mg_memcpy0(MG_RARRAY(out)->ptr + n1, APTR(b), (size_t)n2 * sizeof(Value));
    MG_RARRAY(out)->len = n1 + n2;
    return out;
}

static Value
ary_times(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value s = mg_check_string(argv[0]);
    if (!MG_IS_NIL(s)) return mg_ary_join(self, s);
    int64_t n = NUM2LONG(argv[0]);
    if (n < 0) mg_raise(mg_eArgumentError, "negative argument");
    int64_t len = ALEN(self);
    if (len && n > ARY_MAX_SIZE / len) mg_raise(mg_eArgumentError, "argument too big");
    Value out = mg_ary_new_capa(len * n);
    Value *q = MG_RARRAY(out)->ptr;
    for (int64_t k = 0; k < n; k++) mg_memcpy0(q + k * len, APTR(self), (size_t)len * sizeof(Value));
    MG_RARRAY(out)->len = len * n;
    return out;
}

static Value
ary_cmp(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value b = mg_check_array(argv[0]);
    if (MG_IS_NIL(b)) return MG_NIL;
    if (b == self) return MG_FIX(0);
    for (int64_t i = 0; i < ALEN(self) && i < ALEN(b); i++) {
        Value x = APTR(self)[i], y = APTR(b)[i];
        if (MG_IS_FIXNUM(x) && MG_IS_FIXNUM(y)) {
            if (x != y) return MG_FIX((int64_t)x < (int64_t)y ? -1 : 1);
            continue;
        }
        Value r = mg_funcall(x, mg_id_cmp, 1, &y);
        if (r != MG_FIX(0)) return r;
    }
    int64_t d = ALEN(self) - ALEN(b);
    return MG_FIX(d == 0 ? 0 : d < 0 ? -1 : 1);
}

/* ---- cycle ---- */

static Value
ary_cycle(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "cycle", argc, argv, blk);
    int64_t n = -1;
    if (argc > 0 && !MG_IS_NIL(argv[0])) {
        n = NUM2LONG(argv[0]);
        if (n <= 0) return MG_NIL;
    }
    while (ALEN(self) > 0 && (n < 0 || n-- > 0)) {
        for (int64_t i = 0; i < ALEN(self); i++) mg_yield1_discard(blk, APTR(self)[i]);
    }
    return MG_NIL;
}

/* ---- each_slice / each_cons (faster than Enumerable's) ---- */

static Value
ary_each_slice(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc);
    int64_t n = NUM2LONG(argv[0]);
    if (n <= 0) mg_raise(mg_eArgumentError, "invalid slice size");
    MG_RETURN_ENUMERATOR(self, "each_slice", argc, argv, blk);
    size_t level = mg_gc_arena_save();
    for (int64_t i = 0; i < ALEN(self); i += n) {
        int64_t k = ALEN(self) - i < n ? ALEN(self) - i : n;
        mg_yield1(blk, mg_ary_new_from(k, APTR(self) + i));
        mg_gc_arena_restore(level);
    }
    return self;
}

static Value
ary_each_cons(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc);
    int64_t n = NUM2LONG(argv[0]);
    if (n <= 0) mg_raise(mg_eArgumentError, "invalid size");
    MG_RETURN_ENUMERATOR(self, "each_cons", argc, argv, blk);
    size_t level = mg_gc_arena_save();
    for (int64_t i = 0; i + n <= ALEN(self); i++) {
        mg_yield1(blk, mg_ary_new_from(n, APTR(self) + i));
        mg_gc_arena_restore(level);
    }
    return self;
}

/* ---- any? / all? / none? / one? ---- */

static bool
pred_test(Value e, int argc, const Value *argv, Value blk)
{
    if (argc > 0) return MG_TEST(mg_funcall(argv[0], mg_id_eqq, 1, &e));
    if (mg_block_given(blk)) return MG_TEST(mg_yield1(blk, e));
    return MG_TEST(e);
}

static Value
ary_any_p(Value self, int argc, const Value *argv, Value blk)
{
    for (int64_t i = 0; i < ALEN(self); i++)
        if (pred_test(APTR(self)[i], argc, argv, blk)) return MG_TRUE;
    return MG_FALSE;
}

static Value
ary_all_p(Value self, int argc, const Value *argv, Value blk)
{
    for (int64_t i = 0; i < ALEN(self); i++)
        if (!pred_test(APTR(self)[i], argc, argv, blk)) return MG_FALSE;
    return MG_TRUE;
}

static Value
ary_none_p(Value self, int argc, const Value *argv, Value blk)
{
    for (int64_t i = 0; i < ALEN(self); i++)
        if (pred_test(APTR(self)[i], argc, argv, blk)) return MG_FALSE;
    return MG_TRUE;
}

static Value
ary_one_p(Value self, int argc, const Value *argv, Value blk)
{
    int n = 0;
    for (int64_t i = 0; i < ALEN(self); i++)
        if (pred_test(APTR(self)[i], argc, argv, blk) && ++n > 1) return MG_FALSE;
    return MG_BOOL(n == 1);
}

/* ---- inject ---- */

static Value
ary_inject(Value self, int argc, const Value *argv, Value blk)
{
    Value acc = MG_UNDEF;
    ID op = 0;
    int64_t i = 0;
    if (argc == 2) {
        acc = argv[0];
        op = mg_to_id(argv[1]);
    } else if (argc == 1 && !mg_block_given(blk)) {
        op = mg_to_id(argv[0]);
    } else if (argc == 1) {
        acc = argv[0];
    } else if (!mg_block_given(blk)) {
        mg_raise(mg_eLocalJumpError, "no block given");
    }
    if (acc == MG_UNDEF) {
        if (ALEN(self) == 0) return MG_NIL;
        acc = APTR(self)[0];
        i = 1;
    }
    /* the accumulator is a result of Ruby code: a one-slot Array keeps it marked */
    Value keep = mg_ary_new_from(1, &acc);
    Value *slot = MG_RARRAY(keep)->ptr;
    if (op) {
        if (op == mg_id_plus) {
            for (; i < ALEN(self); i++) {
                Value e = APTR(self)[i];
                if (MG_IS_FIXNUM(acc) && MG_IS_FIXNUM(e)) acc = mg_int_plus(acc, e);
                else acc = mg_funcall(acc, op, 1, &e);
                *slot = acc;
            }
            return acc;
        }
        for (; i < ALEN(self); i++) {
            Value e = APTR(self)[i];
            acc = mg_funcall(acc, op, 1, &e);
            *slot = acc;
        }
        return acc;
    }
    for (; i < ALEN(self); i++) {
        Value args[2] = { acc, APTR(self)[i] };
        acc = mg_yield(blk, 2, args);
        *slot = acc;
    }
    return acc;
}

/* ---- misc ---- */

/* Declared in array_ops.c */
extern const MgMethodDef mg_array_ops_methods[];

static const MgMethodDef array_methods[] = {
    {"initialize", ary_initialize, 0, 2},
    {"initialize_copy", ary_initialize_copy, 1, 1},
    {"replace", ary_replace, 1, 1},
    {"[]", ary_aref, 1, 2},
    {"slice", ary_aref, 1, 2},
    {"[]=", ary_aset, 2, 3},
    {"at", ary_at, 1, 1},
    {"fetch", ary_fetch, 1, 2},
    {"dig", ary_dig, 1, -1},
    {"first", ary_first, 0, 1},
    {"last", ary_last, 0, 1},
    {"values_at", ary_values_at, 0, -1},
    {"push", ary_push_m, 0, -1},
    {"append", ary_push_m, 0, -1},
    {"<<", ary_lshift, 1, 1},
    {"pop", ary_pop_m, 0, 1},
    {"shift", ary_shift_m, 0, 1},
    {"unshift", ary_unshift_m, 0, -1},
    {"prepend", ary_unshift_m, 0, -1},
    {"insert", ary_insert, 1, -1},
    {"concat", ary_concat_m, 0, -1},
    {"clear", ary_clear, 0, 0},
    {"fill", ary_fill, 0, 3},
    {"length", ary_length, 0, 0},
    {"size", ary_length, 0, 0},
    {"empty?", ary_empty_p, 0, 0},
    {"include?", ary_include_p, 1, 1},
    {"member?", ary_include_p, 1, 1},
    {"==", ary_eq, 1, 1},
    {"eql?", ary_eql_p, 1, 1},
    {"hash", ary_hash_m, 0, 0},
    {"<=>", ary_cmp, 1, 1},
    {"each", ary_each, 0, 0},
    {"each_index", ary_each_index, 0, 0},
    {"each_with_index", ary_each_with_index, 0, 0},
    {"reverse_each", ary_reverse_each, 0, 0},
    {"map", ary_map, 0, 0},
    {"collect", ary_map, 0, 0},
    {"map!", ary_map_bang, 0, 0},
    {"collect!", ary_map_bang, 0, 0},
    {"flat_map", ary_flat_map, 0, 0},
    {"collect_concat", ary_flat_map, 0, 0},
    {"select", ary_select, 0, 0},
    {"filter", ary_select, 0, 0},
    {"filter_map", ary_filter_map, 0, 0},
    {"reject", ary_reject, 0, 0},
    {"select!", ary_select_bang, 0, 0},
    {"filter!", ary_select_bang, 0, 0},
    {"keep_if", ary_keep_if, 0, 0},
    {"reject!", ary_reject_bang, 0, 0},
    {"delete_if", ary_delete_if, 0, 0},
    {"delete", ary_delete, 1, 1},
    {"delete_at", ary_delete_at, 1, 1},
    {"slice!", ary_slice_bang, 1, 2},
    {"compact", ary_compact, 0, 0},
    {"compact!", ary_compact_bang, 0, 0},
    {"flatten", ary_flatten, 0, 1},
    {"flatten!", ary_flatten_bang, 0, 1},
    {"reverse", ary_reverse, 0, 0},
    {"reverse!", ary_reverse_bang, 0, 0},
    {"rotate", ary_rotate, 0, 1},
    {"rotate!", ary_rotate_bang, 0, 1},
    {"index", ary_index, 0, 1},
    {"find_index", ary_index, 0, 1},
    {"rindex", ary_rindex, 0, 1},
    {"assoc", ary_assoc, 1, 1},
    {"rassoc", ary_rassoc, 1, 1},
    {"count", ary_count, 0, 1},
    {"take", ary_take, 1, 1},
    {"drop", ary_drop, 1, 1},
    {"take_while", ary_take_while, 0, 0},
    {"drop_while", ary_drop_while, 0, 0},
    {"to_a", ary_to_a, 0, 0},
    {"entries", ary_to_a, 0, 0},
    {"to_ary", ary_to_ary, 0, 0},
    {"deconstruct", ary_to_ary, 0, 0},
    {"inspect", ary_inspect_m, 0, 0},
    {"to_s", ary_inspect_m, 0, 0},
    {"join", ary_join_m, 0, 1},
    {"to_h", ary_to_h, 0, 0},
    {"+", ary_plus, 1, 1},
    {"*", ary_times, 1, 1},
    {"cycle", ary_cycle, 0, 1},
    {"each_slice", ary_each_slice, 1, 1},
    {"each_cons", ary_each_cons, 1, 1},
    {"any?", ary_any_p, 0, 1},
    {"all?", ary_all_p, 0, 1},
    {"none?", ary_none_p, 0, 1},
    {"one?", ary_one_p, 0, 1},
    {"inject", ary_inject, 0, 2},
    {"reduce", ary_inject, 0, 2},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef array_singleton_methods[] = {
    {"[]", ary_s_create, 0, -1},
    {"try_convert", ary_s_try_convert, 1, 1},
    {NULL, NULL, 0, 0}
};

void
mg_init_array(void)
{
    id_inspect_guard = mg_intern_cstr("inspect");
    id_join_guard = mg_intern_cstr("join");
    id_eq_guard = mg_intern_cstr("==");
    id_hash_guard = mg_intern_cstr("hash");
    mg_include_module(mg_cArray, mg_mEnumerable);
    mg_define_alloc_func(mg_cArray, ary_s_alloc);
    mg_define_methods(mg_cArray, array_methods);
    mg_define_methods(mg_cArray, mg_array_ops_methods);
    mg_define_singleton_methods(MG_VAL(mg_cArray), array_singleton_methods);
    mg_define_module_function(mg_mKernel, "Array", kernel_Array, 1, 1);
}
