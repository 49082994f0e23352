/* array_ops.c -- Array: sorting, min/max, sum, set operations, uniq, zip,
 * product, combinatorics, transpose, bsearch, sample/shuffle, pack. The table
 * mg_array_ops_methods is installed by mg_init_array (array.c). */
#include "coll_int.h"
#include <math.h>

static inline void
push_fresh(Value a, Value v)
{
    RArray *r = MG_RARRAY(a);
    if (r->len == r->capa) mg_ary_reserve(a, r->len + 1);
    r->ptr[r->len++] = v;
}

/* ---- comparison ---- */

int
mg_cmp_fast(Value a, Value b)
{
    if (MG_IS_FIXNUM(a) && MG_IS_FIXNUM(b))
        return (int64_t)a < (int64_t)b ? -1 : a != b;
    if (MG_IS_FLOAT(a) && MG_IS_FLOAT(b)) {
        double x = mg_float_value(a), y = mg_float_value(b);
        if (x < y) return -1;
        if (x > y) return 1;
        if (x == y) return 0;
        mg_cmperr(a, b);
    }
    if (MG_IS_STRING(a) && MG_IS_STRING(b)) {
        int c = mg_str_cmp(a, b);
        return c < 0 ? -1 : c > 0;
    }
    return mg_cmp(a, b);
}

/* ---- sorting: a stable merge sort ---- */

enum { SK_GENERIC, SK_FIX, SK_FLOAT, SK_STR, SK_BLOCK };
/* keys non-NULL: the values sorted are indexes MG_FIX(i) that compare as keys[i] */
typedef struct { int kind; Value blk; const Value *keys; } SortCtx;

static inline Value
sort_key(const SortCtx *c, Value v)
{
    return c->keys ? c->keys[MG_FIX2LONG(v)] : v;
}

static inline int
sort_cmp(const SortCtx *c, Value a, Value b)
{
    a = sort_key(c, a);
    b = sort_key(c, b);
    switch (c->kind) {
    case SK_FIX:
        return (int64_t)a < (int64_t)b ? -1 : a != b;
    case SK_FLOAT: {
        double x = mg_float_value(a), y = mg_float_value(b);
        return x < y ? -1 : x > y;
    }
    case SK_STR: {
        int r = mg_str_cmp(a, b);
        return r < 0 ? -1 : r > 0;
    }
    case SK_BLOCK: {
        Value args[2] = { a, b };
        return mg_cmpint(mg_yield(c->blk, 2, args), a, b);
    }
    default:
        return mg_cmp_fast(a, b);
    }
}

static void
insertion_sort(const SortCtx *c, Value *p, int64_t n)
{
    for (int64_t i = 1; i < n; i++) {
        Value v = p[i];
        int64_t j = i;
        while (j > 0 && sort_cmp(c, p[j - 1], v) > 0) {
            p[j] = p[j - 1];
            j--;
        }
        p[j] = v;
    }
}

/* Sorts p[0..n) using tmp[0..n) as scratch; both are GC-visible buffers.
 * Where a comparison can run Ruby code (<=> of other objects, a block) this is
 * the plain top-down merge sort CRuby gets from glibc's qsort_r, comparing
 * (left, right) in the same order, so a block sees the same pairs and a failed
 * comparison names the same two values; Integers, Floats and Strings compare
 * invisibly and take shortcuts. */
static void
merge_sort(const SortCtx *c, Value *p, Value *tmp, int64_t n)
{
    bool visible = c->kind == SK_GENERIC || c->kind == SK_BLOCK;
    if (n <= 12 && !visible) {
        insertion_sort(c, p, n);
        return;
    }
    if (n <= 1) return;
    int64_t h = n / 2;
    merge_sort(c, p, tmp, h);
    merge_sort(c, p + h, tmp + h, n - h);
    if (!visible && sort_cmp(c, p[h - 1], p[h]) <= 0) return;
    mg_memcpy0(tmp, p, (size_t)n * sizeof(Value));
    int64_t i = 0, j = h, k = 0;
    while (i < h && j < n) {
        if (sort_cmp(c, tmp[i], tmp[j]) <= 0) p[k++] = tmp[i++];
        else p[k++] = tmp[j++];
    }
    while (i < h) p[k++] = tmp[i++];
    while (j < n) p[k++] = tmp[j++];
}

void
mg_sort_values(Value *p, int64_t n, Value blk)
{
    if (n < 2) return;
    SortCtx c = { SK_GENERIC, blk, NULL };
    if (mg_block_given(blk)) {
        c.kind = SK_BLOCK;
    } else {
        bool fix = true, flo = true, str = true;
        for (int64_t i = 0; i < n && (fix || flo || str); i++) {
            Value v = p[i];
            if (!MG_IS_FIXNUM(v)) fix = false;
            if (!MG_IS_FLOAT(v) || isnan(mg_float_value(v))) flo = false;
            if (!MG_IS_STRING(v)) str = false;
        }
        c.kind = fix ? SK_FIX : flo ? SK_FLOAT : str ? SK_STR : SK_GENERIC;
    }
    /* the scratch buffer is an Array so that values moving through it stay marked */
    Value scratch = mg_ary_new_capa(n);
    Value *tmp = MG_RARRAY(scratch)->ptr;
    mg_memcpy0(tmp, p, (size_t)n * sizeof(Value));
    MG_RARRAY(scratch)->len = n;
    merge_sort(&c, p, tmp, n);
    MG_RARRAY(scratch)->len = 0;
}

static Value
ary_sort(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv);
    Value out = mg_ary_dup(self);
    mg_sort_values(MG_RARRAY(out)->ptr, MG_RARRAY(out)->len, blk);
    return out;
}

static Value
ary_sort_bang(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv);
    mg_ary_modify(self);
    Value tmp = mg_ary_dup(self);
    mg_sort_values(MG_RARRAY(tmp)->ptr, MG_RARRAY(tmp)->len, blk);
    mg_ary_modify(self);
    RArray *r = MG_RARRAY(self);
    mg_ary_reserve(self, MG_RARRAY(tmp)->len);
    mg_memcpy0(r->ptr, MG_RARRAY(tmp)->ptr, (size_t)MG_RARRAY(tmp)->len * sizeof(Value));
    r->len = MG_RARRAY(tmp)->len;
    MG_WB(self, MG_NIL);
    return self;
}

/* Sorts the values of self by keys[i] (same length), stably, with the
 * comparisons of mg_sort_values. Returns a new Array. */
static Value
sort_by_keys(Value vals, Value keys)
{
    int64_t n = ALEN(vals);
    SortCtx c = { SK_GENERIC, MG_NIL, NULL };
    bool fix = true, flo = true, str = true;
    for (int64_t i = 0; i < n; i++) {
        Value k = APTR(keys)[i];
        if (!MG_IS_FIXNUM(k)) fix = false;
        if (!MG_IS_FLOAT(k) || isnan(mg_float_value(k))) flo = false;
        if (!MG_IS_STRING(k)) str = false;
    }
    c.kind = fix ? SK_FIX : flo ? SK_FLOAT : str ? SK_STR : SK_GENERIC;
    /* the keys are copied so that a comparison changing keys cannot move them;
     * the index and scratch buffers hold Fixnums only */
    Value keyarr = mg_ary_dup(keys);
    c.keys = APTR(keyarr);
    Value idx = mg_ary_new_capa(n), tmp = mg_ary_new_capa(n);
    for (int64_t i = 0; i < n; i++) { push_fresh(idx, MG_FIX(i)); push_fresh(tmp, MG_FIX(i)); }
    merge_sort(&c, APTR(idx), APTR(tmp), n);
    Value out = mg_ary_new_capa(n);
    for (int64_t i = 0; i < n; i++) push_fresh(out, APTR(vals)[MG_FIX2LONG(APTR(idx)[i])]);
    return out;
}

Value
mg_sort_by_keys(Value vals, Value keys)
{
    return sort_by_keys(vals, keys);
}

static Value
ary_sort_by_bang(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "sort_by!", argc, argv, blk);
    mg_ary_modify(self);
    Value keys = mg_ary_new_capa(ALEN(self));
    Value vals = mg_ary_dup(self);
    for (int64_t i = 0; i < ALEN(vals); i++) push_fresh(keys, mg_yield1(blk, APTR(vals)[i]));
    Value out = sort_by_keys(vals, keys);
    mg_ary_modify(self);
    mg_ary_reserve(self, ALEN(out));
    mg_memcpy0(MG_RARRAY(self)->ptr, APTR(out), (size_t)ALEN(out) * sizeof(Value));
    MG_RARRAY(self)->len = ALEN(out);
    MG_WB(self, MG_NIL);
    return self;
}

/* ---- min / max ---- */

/* min(n), max(n), min_by(n), max_by(n): CRuby's selection (enum.c
 * rb_nmin_run), so that the calls of <=> or of the block, and which of
 * equal values win, are CRuby's. Values (by: key, value pairs) gather in a
 * buffer of 4n; when it fills, a quickselect keeps the n best and the last
 * pivot becomes the limit a later value must beat to enter. */

static int
nmin_cmp(const NMin *m, Value a, Value b)
{
    if (m->by || !mg_block_given(m->blk)) return mg_cmp_fast(a, b);
    Value args[2] = { a, b };
    return mg_cmpint(mg_yield(m->blk, 2, args), a, b);
}

static void
nmin_filter(NMin *m)
{
    if (m->curlen <= m->n) return;
    int64_t n = m->n, esz = m->by ? 2 : 1;
    Value *beg = APTR(m->buf);      /* the buffer is private: Ruby code cannot resize it */
#define GETPTR(i) (beg + (i) * esz)
#define SWAP(i, j) do { \
        Value t_[2]; \
        memcpy(t_, GETPTR(i), sizeof(Value) * (size_t)esz); \
        memcpy(GETPTR(i), GETPTR(j), sizeof(Value) * (size_t)esz); \
        memcpy(GETPTR(j), t_, sizeof(Value) * (size_t)esz); \
    } while (0)
    int64_t left = 0, right = m->curlen - 1, store;
    for (;;) {
        int64_t pivot = left + (right - left) / 2, npivots = 1;
        SWAP(pivot, right);
        pivot = right;
        store = left;
        int64_t i = left;
        while (i <= right - npivots) {
            int c = nmin_cmp(m, *GETPTR(i), *GETPTR(pivot));
            if (m->rev) c = -c;
            if (c == 0) {
                SWAP(i, right - npivots);
                npivots++;
                continue;
            }
            if (c < 0) {
                SWAP(i, store);
                store++;
            }
            i++;
        }
        int64_t j = store;
        for (i = right; right - npivots < i; i--)
            if (j <= i) {
                SWAP(j, i);
                j++;
            }
        if (store <= n && n <= store + npivots) break;
        if (n < store) right = store - 1;
        else left = store + npivots;
    }
#undef GETPTR
#undef SWAP
    m->limit = beg[store * esz];
    MG_RARRAY(m->keep)->ptr[0] = m->limit;    /* it may be cut off the buffer below */
    m->curlen = n;
    MG_RARRAY(m->buf)->len = n * esz;
}

bool
mg_nmin_init(NMin *m, Value nv, Value blk, bool by, bool rev)
{
    int64_t n = NUM2LONG(nv);
    if (n < 0) mg_raise(mg_eArgumentError, "negative size (%lld)", (long long)n);
    /* CRuby's buffer holds 4n values (by: value-key pairs): it refuses the
     * size, or such an Array (its longest is 2**60 - 1 values) */
    int64_t esz = by ? 2 : 1;
    if (n > INT64_MAX / 4 / esz) mg_raise(mg_eArgumentError, "too big size");
    if (4 * esz * n > INT64_MAX / 8) mg_raise(mg_eArgumentError, "array size too big");
    *m = (NMin){ .n = n, .bufmax = 4 * n, .blk = blk, .by = by, .rev = rev, .limit = MG_UNDEF };
    m->buf = mg_ary_new_capa(n < 64 ? 4 * esz * n : 256);   /* grows as values come */
    m->keep = mg_ary_new_from(1, (Value[]){ MG_NIL });
    return n > 0;
}

void
mg_nmin_add(NMin *m, Value v, Value key)
{
    Value cmpv = m->by ? key : v;
    if (m->limit != MG_UNDEF) {
        int c = nmin_cmp(m, cmpv, m->limit);
        if (m->rev) c = -c;
        if (c >= 0) return;
    }
    if (m->by) mg_ary_push(m->buf, cmpv);
    mg_ary_push(m->buf, v);
    if (++m->curlen == m->bufmax) nmin_filter(m);
}

Value
mg_nmin_finish(NMin *m)
{
    nmin_filter(m);
    Value out = m->buf;
    if (m->by) {
        int64_t k = ALEN(out) / 2;
        Value keys = mg_ary_new_capa(k), vals = mg_ary_new_capa(k);
        for (int64_t i = 0; i < k; i++) {
            push_fresh(keys, APTR(out)[2 * i]);
            push_fresh(vals, APTR(out)[2 * i + 1]);
        }
        out = sort_by_keys(vals, keys);
    } else {
        mg_sort_values(MG_RARRAY(out)->ptr, MG_RARRAY(out)->len, m->blk);
    }
    if (m->rev) {
        Value *p = MG_RARRAY(out)->ptr;
        for (int64_t i = 0, j = MG_RARRAY(out)->len - 1; i < j; i++, j--) {
            Value t = p[i]; p[i] = p[j]; p[j] = t;
        }
    }
    return out;
}

static Value
minmax_n(Value self, Value nv, Value blk, int sign)
{
    NMin m;
    if (!mg_nmin_init(&m, nv, blk, false, sign > 0)) return mg_ary_new();   /* nothing compared, as CRuby's */
    for (int64_t i = 0; i < ALEN(self); i++) mg_nmin_add(&m, AELT(self, i), MG_NIL);
    return mg_nmin_finish(&m);
}

Value
mg_values_extreme(const Value *p, int64_t n, int sign)
{
    Value best = p[0];
    for (int64_t i = 1; i < n; i++)
        if (mg_cmp_fast(p[i], best) * sign > 0) best = p[i];
    return best;
}

/* sign -1: min, +1: max */
static Value
ary_extreme(Value self, int argc, const Value *argv, Value blk, int sign)
{
    if (argc > 0 && !MG_IS_NIL(argv[0])) return minmax_n(self, argv[0], blk, sign);
    if (ALEN(self) == 0) return MG_NIL;
    Value best = APTR(self)[0];
    bool block = mg_block_given(blk);
    if (!block) {
        /* all Integers: no Ruby code can run */
        int64_t i = 1, n = ALEN(self);
        const Value *p = APTR(self);
        if (MG_IS_FIXNUM(best)) {
            for (; i < n && MG_IS_FIXNUM(p[i]); i++)
                if (sign > 0 ? (int64_t)p[i] > (int64_t)best : (int64_t)p[i] < (int64_t)best) best = p[i];
            if (i == n) return best;
        }
    }
    Value keep = mg_ary_new_from(1, &best);   /* best survives a block that changes self */
    for (int64_t i = 1; i < ALEN(self); i++) {
        Value v = APTR(self)[i];
        int c;
        if (block) {
            Value args[2] = { v, best };
            c = mg_cmpint(mg_yield(blk, 2, args), v, best);
        } else {
            c = -mg_cmp_fast(best, v);   /* CRuby asks the best so far, so its error names it first */
        }
        if (c * sign > 0) MG_RARRAY(keep)->ptr[0] = best = v;
    }
    return best;
}

static Value
ary_min(Value self, int argc, const Value *argv, Value blk)
{
    return ary_extreme(self, argc, argv, blk, -1);
}

static Value
ary_max(Value self, int argc, const Value *argv, Value blk)
{
    return ary_extreme(self, argc, argv, blk, 1);
}

static Value
ary_minmax(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv);
    /* CRuby (built by gcc) finds the maximum first */
    Value mx = ary_extreme(self, 0, NULL, blk, 1);
    Value mn = ary_extreme(self, 0, NULL, blk, -1);
    return mg_ary_new_from(2, (Value[]){ mn, mx });
}

/* ---- sum ---- */

void
mg_sum_init(SumState *s, Value init)
{
    s->v = init;
    s->n = 0;
    s->f = s->c = 0.0;
    s->mode = SUM_INT;
    s->keep = mg_ary_new_from(1, &init);
}

static inline void
sum_keep(SumState *s)
{
    MG_RARRAY(s->keep)->ptr[0] = s->v;
}

/* The running value as the Float phase starts, with CRuby's rb_num2dbl
 * messages for the special cases ([0.1].sum("")) */
static double
sum_init_dbl(Value v)
{
    return mg_num2dbl_any(v);
}

/* Leaves the exact phase: v = n + v, as CRuby's sum finishes it. */
static void
sum_flush_int(SumState *s)
{
    if (s->n != 0) {
        Value n = mg_int_new(s->n);
        s->v = MG_IS_INTEGER(s->v) ? mg_int_plus(n, s->v) : mg_funcall(n, mg_id_plus, 1, &s->v);
        s->n = 0;
        sum_keep(s);
    }
}

void
mg_sum_add(SumState *s, Value e)
{
    switch (s->mode) {
    case SUM_INT:
        /* Integers (and Rationals) are summed exactly whatever the initial value */
        if (MG_IS_FIXNUM(e)) {
            int64_t x = MG_FIX2LONG(e), r;
            if (!__builtin_add_overflow(s->n, x, &r) && MG_FIXABLE(r)) {
                s->n = r;
                return;
            }
            sum_flush_int(s);
            s->n = x;
            return;
        }
        if (MG_IS_BIGNUM(e) || mg_obj_is_kind_of(e, mg_cRational)) {
            s->v = mg_funcall(e, mg_id_plus, 1, &s->v);
            sum_keep(s);
            return;
        }
        sum_flush_int(s);
        if (MG_IS_FLOAT(e)) {
            s->f = sum_init_dbl(s->v);
            s->c = 0.0;
            s->mode = SUM_FLOAT;
            break;
        }
        s->mode = SUM_GENERIC;
        s->v = mg_funcall(s->v, mg_id_plus, 1, &e);
        sum_keep(s);
        return;
    case SUM_GENERIC:
        s->v = mg_funcall(s->v, mg_id_plus, 1, &e);
        sum_keep(s);
        return;
    default:
        break;
    }
    /* SUM_FLOAT: Kahan-Babuska compensated summation */
    double x;
    if (MG_IS_FLOAT(e)) x = mg_float_value(e);
    else if (MG_IS_FIXNUM(e)) x = (double)MG_FIX2LONG(e);
    else if (MG_IS_BIGNUM(e)) x = mg_big_to_double(e);
    else if (mg_obj_is_kind_of(e, mg_cRational)) x = mg_num2dbl(e);
    else {
        s->v = mg_float_new(s->f);
        s->mode = SUM_GENERIC;
        s->v = mg_funcall(s->v, mg_id_plus, 1, &e);
        sum_keep(s);
        return;
    }
    double f = s->f;
    if (isnan(f)) return;
    if (isnan(x)) { s->f = x; return; }
    if (isinf(x)) {
        if (isinf(f) && signbit(x) != signbit(f)) s->f = NAN;
        else s->f = x;
        return;
    }
    if (isinf(f)) return;
    double t = f + x;
    if (fabs(f) >= fabs(x)) s->c += ((f - t) + x);
    else s->c += ((x - t) + f);
    s->f = t;
}

Value
mg_sum_finish(SumState *s)
{
    if (s->mode == SUM_INT) {
        sum_flush_int(s);
        return s->v;
    }
    if (s->mode == SUM_FLOAT) return mg_float_new(s->f + s->c);
    return s->v;
}

static Value
ary_sum(Value self, int argc, const Value *argv, Value blk)
{
    SumState s;
    Value init = argc > 0 ? argv[0] : MG_FIX(0);
    bool block = mg_block_given(blk);
    int64_t i = 0;
    if (!block && MG_IS_FIXNUM(init)) {
        /* all-fixnum prefix without overflow: plain addition */
        int64_t acc = MG_FIX2LONG(init), n = ALEN(self);
        const Value *p = APTR(self);
        for (; i < n && MG_IS_FIXNUM(p[i]); i++) {
            if (__builtin_add_overflow(acc, MG_FIX2LONG(p[i]), &acc) || !MG_FIXABLE(acc)) break;
        }
        if (i == n) return MG_FIX(acc);
        i = 0;
    }
    mg_sum_init(&s, init);
    for (; i < ALEN(self); i++) {
        Value e = APTR(self)[i];
        if (block) e = mg_yield1(blk, e);
        mg_sum_add(&s, e);
    }
    return mg_sum_finish(&s);
}

/* ---- hash-based set operations ---- */

/* A scratch Hash used as a set (keys by eql?/hash, no String copies). */
static Value
set_new(int64_t capa)
{
    return mg_hash_new_capa(capa);
}

static bool
set_add(Value set, Value key)
{
    return mg_hash_insert_new(set, key, MG_TRUE);
}

static bool
set_has(Value set, Value key)
{
    return mg_hash_lookup(set, key) != MG_UNDEF;
}

static Value
set_from(Value a)
{
    Value s = set_new(ALEN(a));
    for (int64_t i = 0; i < ALEN(a); i++) set_add(s, APTR(a)[i]);
    return s;
}

static Value
ary_uniq_new(Value self, Value blk)
{
    Value out = mg_ary_new();
    Value seen = set_new(ALEN(self));
    bool block = mg_block_given(blk);
    for (int64_t i = 0; i < ALEN(self); i++) {
        Value e = APTR(self)[i];
        Value k = block ? mg_yield1(blk, e) : e;
        if (set_add(seen, k)) push_fresh(out, e);
    }
    return out;
}

static Value
ary_uniq(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv);
    return ary_uniq_new(self, blk);
}

static Value
ary_uniq_bang(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv);
    mg_ary_modify(self);
    Value out = ary_uniq_new(self, blk);
    if (ALEN(out) == ALEN(self)) return MG_NIL;
    mg_ary_modify(self);
    mg_memcpy0(MG_RARRAY(self)->ptr, APTR(out), (size_t)ALEN(out) * sizeof(Value));
    MG_RARRAY(self)->len = ALEN(out);
    return self;
}

static Value
ary_minus_one(Value self, Value other)
{
    Value b = mg_to_ary(other);
    Value out = mg_ary_new();
    if (ALEN(b) <= 16) {
        for (int64_t i = 0; i < ALEN(self); i++) {
            Value e = APTR(self)[i];
            bool found = false;
            for (int64_t j = 0; j < ALEN(b) && !found; j++) {
                Value f = APTR(b)[j];
                found = e == f || (!(MG_IS_FIXNUM(e) && MG_IS_FIXNUM(f)) && mg_eql(e, f));
            }
            if (!found) push_fresh(out, e);
        }
        return out;
    }
    Value s = set_from(b);
    for (int64_t i = 0; i < ALEN(self); i++)
        if (!set_has(s, APTR(self)[i])) push_fresh(out, APTR(self)[i]);
    return out;
}

static Value
ary_minus(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return ary_minus_one(self, argv[0]);
}

static Value
ary_difference(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    Value r = mg_ary_dup(self);
    for (int i = 0; i < argc; i++) r = ary_minus_one(r, argv[i]);
    return r;
}

static Value
ary_and_one(Value self, Value other)
{
    Value b = mg_to_ary(other);
    Value out = mg_ary_new();
    Value s = set_from(b);
    Value seen = set_new(0);
    for (int64_t i = 0; i < ALEN(self); i++) {
        Value e = APTR(self)[i];
        if (set_has(s, e) && set_add(seen, e)) push_fresh(out, e);
    }
    return out;
}

static Value
ary_and(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return ary_and_one(self, argv[0]);
}

static Value
ary_intersection(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    if (argc == 0) return mg_ary_new_from(ALEN(self), MG_RARRAY(self)->ptr);   /* a copy, duplicates kept (CRuby 3.1) */
    Value r = self;
    for (int i = 0; i < argc; i++) r = ary_and_one(r, argv[i]);
    return r;
}

static Value
ary_intersect_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value b = mg_to_ary(argv[0]);
    Value s = set_from(b);
    for (int64_t i = 0; i < ALEN(self); i++)
        if (set_has(s, APTR(self)[i])) return MG_TRUE;
    return MG_FALSE;
}

static Value
ary_union_n(Value self, int argc, const Value *argv)
{
    Value out = mg_ary_new();
    Value seen = set_new(ALEN(self));
    for (int64_t i = 0; i < ALEN(self); i++)
        if (set_add(seen, APTR(self)[i])) push_fresh(out, APTR(self)[i]);
    for (int k = 0; k < argc; k++) {
        Value b = mg_to_ary(argv[k]);
        for (int64_t i = 0; i < ALEN(b); i++)
            if (set_add(seen, APTR(b)[i])) push_fresh(out, APTR(b)[i]);
    }
    return out;
}

static Value
ary_or(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    return ary_union_n(self, argc, argv);
}

/* ---- zip / product / transpose ---- */

static Value
ary_zip(Value self, int argc, const Value *argv, Value blk)
{
    int64_t len = ALEN(self);
    Value others = mg_ary_new_capa(argc);
    for (int i = 0; i < argc; i++) {
        Value o = mg_check_array(argv[i]);
        if (MG_IS_NIL(o)) {
            if (!mg_respond_to(argv[i], mg_id_each, true))
                mg_raise(mg_eTypeError, "wrong argument type %s (must respond to :each)",
                         mg_class_cname(mg_obj_class(argv[i])));
            o = mg_enum_take(argv[i], len);
        }
        push_fresh(others, o);
    }
    Value out = mg_block_given(blk) ? MG_NIL : mg_ary_new_capa(len);
    size_t level = mg_gc_arena_save();  /* a tuple is yielded and dropped, or kept in out */
    for (int64_t i = 0; i < ALEN(self); i++) {
        Value tuple = mg_ary_new_capa(argc + 1);
        push_fresh(tuple, APTR(self)[i]);
        for (int k = 0; k < argc; k++) push_fresh(tuple, mg_ary_entry(APTR(others)[k], i));
        if (MG_IS_NIL(out)) mg_yield1(blk, tuple);
        else push_fresh(out, tuple);
        mg_gc_arena_restore(level);
    }
    return out;
}

static Value
ary_product(Value self, int argc, const Value *argv, Value blk)
{
    int n = argc + 1;
    Value arrays = mg_ary_new_capa(n);
    push_fresh(arrays, self);
    for (int i = 0; i < argc; i++) push_fresh(arrays, mg_to_ary(argv[i]));
    int64_t total = 1;
    for (int i = 0; i < n; i++) {
        int64_t k = ALEN(APTR(arrays)[i]);
        if (k == 0) { total = 0; break; }
        if (total > ARY_MAX_SIZE / k) mg_raise(mg_eRangeError, "too big to product");
        total *= k;
    }
    bool block = mg_block_given(blk);
    Value out = block ? MG_NIL : mg_ary_new_capa(total);
    if (total == 0) return block ? self : out;
    int64_t *idx = mg_calloc((size_t)n, sizeof(int64_t));
    size_t level = mg_gc_arena_save();
    for (;;) {
        Value t = mg_ary_new_capa(n);
        for (int i = 0; i < n; i++) push_fresh(t, mg_ary_entry(APTR(arrays)[i], idx[i]));
        if (block) mg_yield1(blk, t);
        else push_fresh(out, t);
        mg_gc_arena_restore(level);
        int i = n - 1;
        while (i >= 0) {
            if (++idx[i] < ALEN(APTR(arrays)[i])) break;
            idx[i] = 0;
            i--;
        }
        if (i < 0) break;
    }
    mg_free(idx, (size_t)n * sizeof(int64_t));
    return block ? self : out;
}

static Value
ary_transpose(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    int64_t rows = ALEN(self), cols = -1;
    Value out = mg_ary_new();
    Value conv = mg_ary_new_capa(rows);
    for (int64_t i = 0; i < rows; i++) {
        Value r = mg_to_ary(APTR(self)[i]);
        if (cols < 0) cols = ALEN(r);
        else if (ALEN(r) != cols)
            mg_raise(mg_eIndexError, "element size differs (%lld should be %lld)",
                     (long long)ALEN(r), (long long)cols);
        push_fresh(conv, r);
    }
    for (int64_t c = 0; c < cols; c++) {
        Value col = mg_ary_new_capa(rows);
        for (int64_t i = 0; i < rows; i++) push_fresh(col, APTR(APTR(conv)[i])[c]);
        push_fresh(out, col);
    }
    return out;
}

/* ---- combinatorics ---- */

/* level: the arena level before the tuples; each yielded one is dropped after its yield */
typedef struct { Value out, blk; size_t level; } Emit;

static void
emit(Emit *e, Value t)
{
    if (MG_IS_NIL(e->out)) {
        mg_yield1(e->blk, t);
        mg_gc_arena_restore(e->level);
    } else {
        push_fresh(e->out, t);
    }
}

static Value
pick(Value pool, const int64_t *idx, int64_t k)
{
    Value t = mg_ary_new_capa(k);
    for (int64_t i = 0; i < k; i++) push_fresh(t, APTR(pool)[idx[i]]);
    return t;
}

/* kind: 0 combination, 1 permutation, 2 repeated_combination, 3 repeated_permutation */
static Value
combinatorics(Value self, int argc, const Value *argv, Value blk, int kind, const char *name)
{
    if (kind == 0 || kind == 2) NUM2LONG(argv[0]);       /* the combinations check their count first, as CRuby's */
    MG_RETURN_ENUMERATOR(self, name, argc, argv, blk);
    int64_t n = ALEN(self);
    int64_t k = argc > 0 && !(kind == 1 && argv[0] == MG_NIL) ? NUM2LONG(argv[0]) : n;   /* permutation(nil): all */
    Value pool = mg_ary_dup(self);   /* the block may change self */
    Emit e = { MG_NIL, blk, mg_gc_arena_save() };
    if (k < 0 || (k > n && kind < 2)) return self;
    if (k == 0) {
        emit(&e, mg_ary_new());
        return self;
    }
    if (n == 0) return self;
    int64_t *idx = mg_calloc((size_t)k + 1, sizeof(int64_t));
    bool *used = kind == 1 ? mg_calloc((size_t)n, sizeof(bool)) : NULL;
    switch (kind) {
    case 0:
        for (int64_t i = 0; i < k; i++) idx[i] = i;
        for (;;) {
            emit(&e, pick(pool, idx, k));
            int64_t i = k - 1;
            while (i >= 0 && idx[i] == n - k + i) i--;
            if (i < 0) break;
            idx[i]++;
            for (int64_t j = i + 1; j < k; j++) idx[j] = idx[j - 1] + 1;
        }
        break;
    case 2:
        for (;;) {
            emit(&e, pick(pool, idx, k));
            int64_t i = k - 1;
            while (i >= 0 && idx[i] == n - 1) i--;
            if (i < 0) break;
            idx[i]++;
            for (int64_t j = i + 1; j < k; j++) idx[j] = idx[i];
        }
        break;
    case 3:
        for (;;) {
            emit(&e, pick(pool, idx, k));
            int64_t i = k - 1;
            while (i >= 0 && idx[i] == n - 1) { idx[i] = 0; i--; }
            if (i < 0) break;
            idx[i]++;
        }
        break;
    case 1: {
        /* lexicographic over positions: depth-first with a used[] set */
        int64_t d = 0;
        idx[0] = -1;
        while (d >= 0) {
            if (idx[d] >= 0) used[idx[d]] = false;
            int64_t v = idx[d] + 1;
            while (v < n && used[v]) v++;
            if (v >= n) { d--; continue; }
            idx[d] = v;
            used[v] = true;
            if (d == k - 1) {
                emit(&e, pick(pool, idx, k));
            } else {
                d++;
                idx[d] = -1;
            }
        }
        break;
    }
    }
    mg_free(idx, ((size_t)k + 1) * sizeof(int64_t));
    if (used) mg_free(used, (size_t)n * sizeof(bool));
    return self;
}

static Value
ary_combination(Value self, int argc, const Value *argv, Value blk)
{
    return combinatorics(self, argc, argv, blk, 0, "combination");
}

static Value
ary_permutation(Value self, int argc, const Value *argv, Value blk)
{
    return combinatorics(self, argc, argv, blk, 1, "permutation");
}

static Value
ary_repeated_combination(Value self, int argc, const Value *argv, Value blk)
{
    return combinatorics(self, argc, argv, blk, 2, "repeated_combination");
}

static Value
ary_repeated_permutation(Value self, int argc, const Value *argv, Value blk)
{
    return combinatorics(self, argc, argv, blk, 3, "repeated_permutation");
}

/* ---- bsearch ---- */

/* -1: go left (element is big enough / target is left), 1: go right, 0: found (find-any). */
static int
bsearch_probe(Value r, bool *any_mode)
{
    if (r == MG_TRUE) return -1;
    if (r == MG_FALSE || MG_IS_NIL(r)) return 1;
    if (MG_IS_FIXNUM(r) || MG_IS_FLOAT(r) || mg_obj_is_kind_of(r, mg_cNumeric)) {
        *any_mode = true;
        int c;
        if (MG_IS_FIXNUM(r)) { int64_t v = MG_FIX2LONG(r); c = v > 0 ? 1 : v < 0 ? -1 : 0; }
        else c = mg_cmpint(mg_funcall(r, mg_id_cmp, 1, (Value[]){ MG_FIX(0) }), r, MG_FIX(0));
        return c == 0 ? 0 : c > 0 ? 1 : -1;  /* positive: target is right of element */
    }
    mg_raise(mg_eTypeError, "wrong argument type %s (must be numeric, true, false or nil)",
             mg_class_cname(mg_obj_class(r)));
}

static Value
ary_bsearch_index_impl(Value self, Value blk)
{
    int64_t lo = 0, hi = ALEN(self);
    Value found = MG_NIL;
    while (lo < hi) {
        int64_t mid = lo + (hi - lo) / 2;
        bool any = false;
        int c = bsearch_probe(mg_yield1(blk, APTR(self)[mid]), &any);
        if (any) {
            if (c == 0) return MG_FIX(mid);
            if (c > 0) lo = mid + 1; else hi = mid;
        } else if (c < 0) {
            found = MG_FIX(mid);
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    return found;
}

static Value
ary_bsearch(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "bsearch", argc, argv, blk);
    Value i = ary_bsearch_index_impl(self, blk);
    return MG_IS_NIL(i) ? MG_NIL : mg_ary_entry(self, MG_FIX2LONG(i));
}

static Value
ary_bsearch_index(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "bsearch_index", argc, argv, blk);
    return ary_bsearch_index_impl(self, blk);
}

/* ---- random ---- */

/* A random integer in [0, limit) using random: rng (or the default generator). */
static int64_t
rand_below(Value rng, int64_t limit)
{
    if (limit <= 1) return 0;
    Value r;
    if (!MG_IS_NIL(rng) && !mg_obj_is_kind_of(rng, mg_cRandom)) {
        /* any object answering rand(n), called publicly as CRuby does */
        r = mg_to_int(mg_funcall_public(rng, mg_intern_cstr("rand"), 1, (Value[]){ MG_FIX(limit) }, MG_NIL));
    } else {
        r = mg_random_int(rng, (uint64_t)limit);
    }
    int64_t v = NUM2LONG(r);
    if (v < 0 || v >= limit) {
        if (v < 0) mg_raise(mg_eRangeError, "random number too small %lld", (long long)v);
        mg_raise(mg_eRangeError, "random number too big %lld", (long long)v);
    }
    return v;
}

/* Extracts the random: keyword; returns the positional count. */
static int
random_kw(int argc, const Value *argv, Value *rng)
{
    *rng = MG_NIL;
    if (argc > 0 && mg_kw_given() && MG_IS_HASH(argv[argc - 1])) {
        Value v = mg_hash_lookup(argv[argc - 1], mg_sym("random"));
        if (v != MG_UNDEF) *rng = v;
        return argc - 1;
    }
    return argc;
}

static void
shuffle_values(Value a, Value rng)
{
    int64_t i = ALEN(a);
    while (i > 1) {
        int64_t j = rand_below(rng, i);
        if (i > ALEN(a)) mg_raise(mg_eRuntimeError, "modified during shuffle");
        i--;
        Value *p = APTR(a);
        Value t = p[i]; p[i] = p[j]; p[j] = t;
    }
}

static Value
ary_shuffle(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    Value rng;
    int n = random_kw(argc, argv, &rng);
    if (n > 0) mg_raise_argc(n, 0, 0);
    Value out = mg_ary_dup(self);
    shuffle_values(out, rng);
    return out;
}

static Value
ary_shuffle_bang(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    Value rng;
    int n = random_kw(argc, argv, &rng);
    if (n > 0) mg_raise_argc(n, 0, 0);
    mg_ary_modify(self);
    shuffle_values(self, rng);
    return self;
}

static Value
ary_sample(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    Value rng;
    int n = random_kw(argc, argv, &rng);
    if (n > 1) mg_raise_argc(n, 0, 1);
    int64_t len = ALEN(self);
    if (n == 0) {
        if (len == 0) return MG_NIL;
        int64_t i = rand_below(rng, len);
        return mg_ary_entry(self, i);
    }
    int64_t k = NUM2LONG(argv[0]);
    if (k < 0) mg_raise(mg_eArgumentError, "negative sample number");
    if (k > len) k = len;
    if (k >= 2 && k <= 10) {
        /* CRuby's draws for a few: k numbers first, the i-th below len - i,
         * then each made an index not taken yet (counting past the taken
         * ones), so one seed picks what CRuby picks */
        int64_t rnd[10], idx[10], sorted[10];
        for (int64_t i = 0; i < k; i++) rnd[i] = rand_below(rng, len - i);
        if (k == 2) {
            idx[0] = rnd[0];
            idx[1] = rnd[1] >= rnd[0] ? rnd[1] + 1 : rnd[1];
        } else if (k == 3) {
            int64_t i = rnd[0], j = rnd[1], kk = rnd[2], l = j, g = i;
            if (j >= i) { l = i; g = ++j; }
            if (kk >= l && ++kk >= g) ++kk;
            idx[0] = i; idx[1] = j; idx[2] = kk;
        } else {
            sorted[0] = idx[0] = rnd[0];
            for (int64_t i = 1; i < k; i++) {
                int64_t v = rnd[i], j;
                for (j = 0; j < i && v >= sorted[j]; j++) v++;
                memmove(&sorted[j + 1], &sorted[j], (size_t)(i - j) * sizeof sorted[0]);
                sorted[j] = idx[i] = v;
            }
        }
        Value out = mg_ary_new();
        for (int64_t i = 0; i < k; i++) mg_ary_push(out, idx[i] < ALEN(self) ? APTR(self)[idx[i]] : MG_NIL);
        return out;
    }
    Value pool = mg_ary_dup(self);
    /* partial Fisher-Yates from the front */
    for (int64_t i = 0; i < k; i++) {
        int64_t j = i + rand_below(rng, len - i);
        Value *p = APTR(pool);
        Value t = p[i]; p[i] = p[j]; p[j] = t;
    }
    MG_RARRAY(pool)->len = k;
    return pool;
}

/* ---- pack ---- */

static Value
ary_pack(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    Value kw = mg_kwargs_split(&argc, argv), buf;
    if (argc != 1) mg_raise_argc(argc, 1, 1);
    static const char *const names[] = { "buffer" };
    mg_kwargs_get(kw, names, 1, &buf);
    if (buf == MG_UNDEF) buf = MG_NIL;
    /* pack(fmt, buffer: s) packs onto the end of s and answers it */
    if (!MG_IS_NIL(buf) && !MG_IS_STRING(buf))
        mg_raise(mg_eTypeError, "buffer must be String, not %s", mg_class_cname(mg_obj_class(buf)));
    return mg_pack(self, mg_to_str(argv[0]), buf);
}

/* ---- sum-like helpers from Enumerable, faster here ---- */

static Value
ary_partition(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "partition", argc, argv, blk);
    Value t = mg_ary_new(), f = mg_ary_new();
    for (int64_t i = 0; i < ALEN(self); i++) {
        Value e = APTR(self)[i];
        push_fresh(MG_TEST(mg_yield1(blk, e)) ? t : f, e);
    }
    return mg_ary_new_from(2, (Value[]){ t, f });
}

static Value
ary_sort_by(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "sort_by", argc, argv, blk);
    Value vals = mg_ary_dup(self);
    Value keys = mg_ary_new_capa(ALEN(vals));
    for (int64_t i = 0; i < ALEN(vals); i++) push_fresh(keys, mg_yield1(blk, APTR(vals)[i]));
    return sort_by_keys(vals, keys);
}

static Value
ary_group_by(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "group_by", argc, argv, blk);
    Value h = mg_hash_new();
    for (int64_t i = 0; i < ALEN(self); i++) {
        Value e = APTR(self)[i];
        Value k = mg_yield1(blk, e);
        Value g = mg_hash_lookup(h, k);
        if (g == MG_UNDEF) {
            mg_gc_protect(k);
            g = mg_ary_new();
            mg_hash_aset(h, k, g);
        }
        mg_ary_push(g, e);
    }
    return h;
}

static Value
ary_tally(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    Value h;
    if (argc > 0) {
        h = mg_to_hash(argv[0]);
        MG_CHECK_FROZEN(h);
    } else {
        h = mg_hash_new();
    }
    for (int64_t i = 0; i < ALEN(self); i++) {
        Value e = APTR(self)[i];
        Value c = mg_hash_lookup(h, e);
        if (c == MG_UNDEF) c = MG_FIX(1);
        else if (MG_IS_FIXNUM(c)) c = mg_int_plus(c, MG_FIX(1));
        else c = mg_funcall(mg_to_int(c), mg_id_plus, 1, (Value[]){ MG_FIX(1) });
        mg_gc_protect(c);
        mg_hash_aset(h, e, c);
    }
    return h;
}

const MgMethodDef mg_array_ops_methods[] = {
    {"sort", ary_sort, 0, 0},
    {"sort!", ary_sort_bang, 0, 0},
    {"sort_by", ary_sort_by, 0, 0},
    {"sort_by!", ary_sort_by_bang, 0, 0},
    {"min", ary_min, 0, 1},
    {"max", ary_max, 0, 1},
    {"minmax", ary_minmax, 0, 0},
    {"sum", ary_sum, 0, 1},
    {"uniq", ary_uniq, 0, 0},
    {"uniq!", ary_uniq_bang, 0, 0},
    {"-", ary_minus, 1, 1},
    {"difference", ary_difference, 0, -1},
    {"&", ary_and, 1, 1},
    {"intersection", ary_intersection, 0, -1},
    {"intersect?", ary_intersect_p, 1, 1},
    {"|", ary_or, 1, 1},
    {"union", ary_or, 0, -1},
    {"zip", ary_zip, 0, -1},
    {"product", ary_product, 0, -1},
    {"transpose", ary_transpose, 0, 0},
    {"combination", ary_combination, 1, 1},
    {"permutation", ary_permutation, 0, 1},
    {"repeated_combination", ary_repeated_combination, 1, 1},
    {"repeated_permutation", ary_repeated_permutation, 1, 1},
    {"bsearch", ary_bsearch, 0, 0},
    {"bsearch_index", ary_bsearch_index, 0, 0},
    {"shuffle", ary_shuffle, 0, -1},
    {"shuffle!", ary_shuffle_bang, 0, -1},
    {"sample", ary_sample, 0, -1},
    {"pack", ary_pack, 0, -1},     /* it checks 1 without the keywords */
    {"partition", ary_partition, 0, 0},
    {"group_by", ary_group_by, 0, 0},
    {"tally", ary_tally, 0, 1},
    {NULL, NULL, 0, 0}
};
