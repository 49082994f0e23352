/* arith_seq.c -- Enumerator::ArithmeticSequence: what Numeric#step, Range#step
 * and Range#% return without a block on numbers. It is an Enumerator (its
 * receiver, method and arguments re-send the creating call, so next/peek/lazy
 * work as for any enumerator) that also knows begin, end, step and
 * exclude_end?, answers size/first/last by arithmetic and iterates floats as
 * begin + i * step (no accumulated error), as CRuby 3.1 does.
 * The four values live in one hidden ivar: [begin, end, step, exclude_end]. */
#include "coll_int.h"
#include "bignum.h"
#include <math.h>

static RClass *cArithSeq;
static ID id_seq, id_div;

Value
mg_arith_seq_new(Value recv, ID meth, int argc, const Value *argv, Value beg, Value end, Value step, bool excl)
{
    Value e = mg_enumerator_new_of(cArithSeq, recv, meth, argc, argv);
    Value v[4] = { beg, end, step, excl ? MG_TRUE : MG_FALSE };
    mg_ivar_set(e, id_seq, mg_ary_new_from(4, v));
    return e;
}

typedef struct { Value b, e, s; bool excl; } Seq;

static Seq
seq_of(Value self)
{
    Value a = mg_ivar_get(self, id_seq);
    if (!MG_IS_ARRAY(a) || ALEN(a) != 4) mg_raise(mg_eTypeError, "uninitialized arithmetic sequence");
    Value *p = APTR(a);
    return (Seq){ p[0], p[1], p[2], MG_TEST(p[3]) };
}

enum { K_INT, K_FLOAT, K_GEN };

static int
kind_of(const Seq *q)
{
    /* a beginless sequence fails like CRuby's arithmetic on nil: a Float
     * one in its conversion to a double */
    if (MG_IS_NIL(q->b)) {
        if (MG_IS_FLOAT(q->e) || MG_IS_FLOAT(q->s)) mg_raise(mg_eTypeError, "no implicit conversion to float from nil");
        mg_raise(mg_eTypeError, "nil can't be coerced into Integer");
    }
    if (MG_IS_FLOAT(q->b) || MG_IS_FLOAT(q->e) || MG_IS_FLOAT(q->s)) return K_FLOAT;
    if (MG_IS_INTEGER(q->b) && MG_IS_INTEGER(q->s) && (MG_IS_NIL(q->e) || MG_IS_INTEGER(q->e))) return K_INT;
    return K_GEN;
}

static bool
step_negative(Value s)
{
    if (MG_IS_FIXNUM(s)) return MG_FIX2LONG(s) < 0;
    if (MG_IS_FLOAT(s)) return mg_float_value(s) < 0;
    if (MG_IS_BIGNUM(s)) return mpz_sgn(mg_big_z(s)) < 0;
    Value zero = MG_FIX(0);
    return MG_TEST(mg_funcall(s, mg_id_lt, 1, &zero));
}

static Value
num_op(Value a, ID op, Value b)
{
    return mg_funcall(a, op, 1, &b);
}

/* endless float sequences run to -/+Infinity */
static double
float_end(const Seq *q, double unit)
{
    if (MG_IS_NIL(q->e)) return unit < 0 ? -HUGE_VAL : HUGE_VAL;
    return mg_num2dbl(q->e);
}

/* Calls fn(value, arg) for each element in order until fn returns false. */
typedef bool (*SeqFn)(Value v, void *arg);

static void
seq_iterate(const Seq *q, SeqFn fn, void *arg)
{
    int k = kind_of(q);
    bool desc = step_negative(q->s);
    if (k == K_FLOAT) {
        double beg = mg_num2dbl(q->b), unit = mg_num2dbl(q->s), end = float_end(q, unit);
        double n = mg_float_step_size(beg, end, unit, q->excl);
        if (isinf(unit)) {
            if (n) fn(mg_float_new(beg), arg);
            return;
        }
        for (double i = 0; i < n; i++) {
            double d = i * unit + beg;
            if (!q->excl && (unit >= 0 ? end < d : d < end)) d = end;
            if (!fn(mg_float_new(d), arg)) return;
        }
        return;
    }
    if (k == K_INT && MG_IS_FIXNUM(q->b) && MG_IS_FIXNUM(q->s) && MG_IS_FIXNUM(q->e)) {
        int64_t i = MG_FIX2LONG(q->b), s = MG_FIX2LONG(q->s), e = MG_FIX2LONG(q->e);
        for (;;) {
            if (desc ? (q->excl ? i <= e : i < e) : (q->excl ? i >= e : i > e)) return;
            if (!fn(MG_FIX(i), arg)) return;
            if (__builtin_add_overflow(i, s, &i) || !MG_FIXABLE(i)) break;
        }
        /* past the fixnum range: the end was reached */
        return;
    }
    /* bignums, endless Integer sequences and other Numerics (Rational ...) */
    Value keep = mg_ary_new_from(1, &q->b);
    size_t level = mg_gc_arena_save();
    ID stop = desc ? (q->excl ? mg_id_le : mg_id_lt) : (q->excl ? mg_id_ge : mg_id_gt);
    for (;;) {
        Value v = APTR(keep)[0];
        if (!MG_IS_NIL(q->e)) {
            bool done = k == K_INT ? (desc ? (q->excl ? mg_int_cmp(v, q->e) <= 0 : mg_int_cmp(v, q->e) < 0)
                                           : (q->excl ? mg_int_cmp(v, q->e) >= 0 : mg_int_cmp(v, q->e) > 0))
                                   : MG_TEST(num_op(v, stop, q->e));
            if (done) return;
        }
        if (!fn(v, arg)) return;
        v = k == K_INT ? mg_int_plus(v, q->s) : num_op(v, mg_id_plus, q->s);
        mg_ary_store(keep, 0, v);
        mg_gc_arena_restore(level);
    }
}

/* The number of elements: an Integer, or Infinity for an endless sequence. */
static Value
seq_size(const Seq *q)
{
    int k = kind_of(q);
    if (k == K_FLOAT) {
        double beg = mg_num2dbl(q->b), unit = mg_num2dbl(q->s), end = float_end(q, unit);
        double n = mg_float_step_size(beg, end, unit, q->excl);
        if (isinf(n)) return mg_float_new(n);
        return mg_dbl_to_int(n);
    }
    if (MG_IS_NIL(q->e)) return mg_float_new(INFINITY);
    Value zero = MG_FIX(0);
    /* n = floor((end - begin) / step) + 1, one less when the end itself is excluded */
    Value n;
    if (k == K_INT) n = mg_int_div(mg_int_minus(q->e, q->b), q->s);
    else n = num_op(num_op(q->e, mg_id_minus, q->b), id_div, q->s);
    if (MG_TEST(num_op(n, mg_id_lt, zero))) return zero;
    if (q->excl) {
        Value last = num_op(q->b, mg_id_plus, num_op(n, mg_id_mul, q->s));
        if (mg_equal(last, q->e)) return n;
    }
    return num_op(n, mg_id_plus, MG_FIX(1));
}

static bool
each_fn(Value v, void *arg)
{
    mg_yield1_discard(*(Value *)arg, v);
    return true;
}

static Value
aseq_each(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv);
    if (!mg_block_given(blk)) return self;
    Seq q = seq_of(self);
    seq_iterate(&q, each_fn, &blk);
    return self;
}

typedef struct { Value ary; int64_t left; } TakeArg;

static bool
take_fn(Value v, void *arg)
{
    TakeArg *t = arg;
    mg_ary_push(t->ary, v);
    return --t->left > 0;
}

static Value
aseq_first(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    Seq q = seq_of(self);
    if (argc == 0) {
        if (MG_IS_NIL(q.b)) return MG_NIL;      /* the begin, as CRuby answers it */
        Value r = mg_ary_new();
        TakeArg t = { r, 1 };
        seq_iterate(&q, take_fn, &t);
        return ALEN(r) ? APTR(r)[0] : MG_NIL;
    }
    int64_t n = NUM2LONG(argv[0]);
    if (n < 0) mg_raise(mg_eArgumentError, "attempt to take negative size");
    Value r = mg_ary_new();
    if (n == 0) return r;
    TakeArg t = { r, n };
    seq_iterate(&q, take_fn, &t);
    return r;
}

/* The last element (nil when empty): begin + step * (count - 1) of the
 * sequence with its end included, stepped back once when that is an
 * excluded end (so (1...1).step(2).last is -1, as in CRuby). */
static Value
seq_last(const Seq *q, int k)
{
    if (k == K_FLOAT) {
        double beg = mg_num2dbl(q->b), unit = mg_num2dbl(q->s), end = mg_num2dbl(q->e);
        double n = mg_float_step_size(beg, end, unit, false);
        if (n <= 0) return MG_NIL;
        double d = (n - 1) * unit + beg;
        if (unit >= 0 ? end < d : d < end) d = end;
        if (q->excl && d == end) d -= unit;
        return mg_float_new(d);
    }
    Value n = k == K_INT ? mg_int_div(mg_int_minus(q->e, q->b), q->s)
                         : num_op(num_op(q->e, mg_id_minus, q->b), id_div, q->s);
    if (MG_TEST(num_op(n, mg_id_lt, MG_FIX(0)))) return MG_NIL;
    Value last = num_op(q->b, mg_id_plus, num_op(q->s, mg_id_mul, n));
    if (q->excl && mg_equal(last, q->e)) last = num_op(last, mg_id_minus, q->s);
    return last;
}

static Value
aseq_last(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    Seq q = seq_of(self);
    /* CRuby computes a beginless one's last in Integer arithmetic, whatever the step */
    if (MG_IS_NIL(q.b)) mg_raise(mg_eTypeError, "nil can't be coerced into Integer");
    int k = kind_of(&q);
    if (MG_IS_NIL(q.e)) mg_raise(mg_eRangeError, "cannot get the last element of endless arithmetic sequence");
    Value last = seq_last(&q, k);
    if (argc == 0) return last;
    int64_t want = NUM2LONG(argv[0]);
    if (want < 0) mg_raise(mg_eArgumentError, "negative array size");
    Value size = seq_size(&q);
    int64_t len = MG_IS_FIXNUM(size) ? MG_FIX2LONG(size) : INT64_MAX;
    if (want > len) want = len;
    Value r = mg_ary_new_capa(want);
    if (want == 0) return r;
    if (k == K_FLOAT) {
        /* last - want * step, then step forward: CRuby's rounding of the values */
        double unit = mg_num2dbl(q.s), d = mg_float_value(last) - (double)want * unit;
        for (int64_t i = 0; i < want; i++) {
            d += unit;
            mg_ary_push(r, mg_float_new(d));
        }
        return r;
    }
    Value v = num_op(last, mg_id_minus, num_op(q.s, mg_id_mul, mg_int_new(want)));
    for (int64_t i = 0; i < want; i++) {
        v = num_op(v, mg_id_plus, q.s);
        mg_ary_push(r, v);
    }
    return r;
}

static Value
aseq_size(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Seq q = seq_of(self);
    return seq_size(&q);
}

static Value
aseq_begin(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return seq_of(self).b;
}

static Value
aseq_end(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return seq_of(self).e;
}

static Value
aseq_step(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return seq_of(self).s;
}

bool
mg_arith_seq_beg_len_step(Value v, int64_t len, int64_t *begp, int64_t *countp, int64_t *stepp, bool *ok)
{
    if (!mg_obj_is_kind_of(v, cArithSeq)) return false;
    Seq q = seq_of(v);
    int64_t step = MG_IS_NIL(q.s) ? 1 : NUM2LONG(q.s);
    *stepp = step;
    if (step < 0) { Value t = q.b; q.b = q.e; q.e = t; }
    if (step >= -1 && step <= 1) {
        *ok = mg_range_parts_beg_len(q.b, q.e, q.excl, len, begp, countp, true);
        return true;
    }
    /* a wider step must not reach out of the array: CRuby does not clamp it */
    if (!mg_range_parts_beg_len(q.b, q.e, q.excl, len, begp, countp, false) || *begp > len || *countp > len)
        mg_raise(mg_eRangeError, "%s out of range", mg_str_cstr(mg_inspect(v)));
    *ok = true;
    return true;
}

static Value
aseq_exclude_end_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return seq_of(self).excl ? MG_TRUE : MG_FALSE;
}

static Value
aseq_eq(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value o = argv[0];
    if (!mg_obj_is_kind_of(o, cArithSeq)) return MG_FALSE;
    Seq a = seq_of(self), b = seq_of(o);
    return a.excl == b.excl && mg_equal(a.b, b.b) && mg_equal(a.e, b.e) && mg_equal(a.s, b.s)
           ? MG_TRUE : MG_FALSE;
}

static Value
aseq_hash(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Seq q = seq_of(self);
    uint64_t h = q.excl ? 0x9e3779b97f4a7c15ull : 0x51ed270b27b1f3a9ull;
    Value parts[3] = { q.b, q.e, q.s };
    for (int i = 0; i < 3; i++) {
        h ^= mg_hash_value(parts[i]) + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    }
    return MG_FIX((int64_t)(h >> 2));
}

/* (1.step(10, 3)), ((1..10).step(2)), (1.step(by: 2, to: 9)) */
static Value
aseq_inspect(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Value recv = mg_enumerator_receiver(self);
    Value args = mg_enumerator_args(self);
    bool kw = mg_enumerator_kw_p(self);
    Value s = mg_str_new("(", 1);
    bool paren = MG_IS_TYPE(recv, T_RANGE);
    if (paren) mg_str_cat(s, "(", 1);
    mg_str_append(s, mg_to_s(recv));       /* as CRuby: ((1/3..2).%(1)), (1/3.step(1)) */
    if (paren) mg_str_cat(s, ")", 1);
    mg_str_cat(s, ".", 1);
    mg_str_append(s, mg_sym_to_s(MG_SYM(mg_enumerator_method(self))));
    int64_t n = MG_IS_ARRAY(args) ? ALEN(args) : 0;
    if (n > 0) {
        mg_str_cat(s, "(", 1);
        for (int64_t i = 0; i < n; i++) {
            Value a = APTR(args)[i];
            if (i > 0) mg_str_cat(s, ", ", 2);
            if (kw && i == n - 1 && MG_IS_HASH(a)) {
                Value k, v;
                bool firstkw = true;
                for (int64_t it = 0; mg_hash_next(a, &it, &k, &v);) {
                    if (!firstkw) mg_str_cat(s, ", ", 2);
                    firstkw = false;
                    if (MG_IS_SYMBOL(k)) {
                        mg_str_append(s, mg_sym_to_s(k));
                        mg_str_cat(s, ": ", 2);
                    } else {
                        mg_str_append(s, mg_inspect(k));
                        mg_str_cat(s, " => ", 4);
                    }
                    mg_str_append(s, mg_inspect(v));
                }
            } else {
                mg_str_append(s, mg_inspect(a));
            }
        }
        mg_str_cat(s, ")", 1);
    }
    mg_str_cat(s, ")", 1);
    return s;
}

static Value
aseq_no_alloc(RClass *klass)
{
    mg_raise(mg_eTypeError, "allocator undefined for %s", mg_class_cname(klass));
}

static const MgMethodDef aseq_methods[] = {
    {"each", aseq_each, 0, 0},
    {"first", aseq_first, 0, 1},
    {"last", aseq_last, 0, 1},
    {"size", aseq_size, 0, 0},
    {"begin", aseq_begin, 0, 0},
    {"end", aseq_end, 0, 0},
    {"step", aseq_step, 0, 0},
    {"exclude_end?", aseq_exclude_end_p, 0, 0},
    {"==", aseq_eq, 1, 1},
    {"===", aseq_eq, 1, 1},
    {"eql?", aseq_eq, 1, 1},
    {"hash", aseq_hash, 0, 0},
    {"inspect", aseq_inspect, 0, 0},
    {NULL, NULL, 0, 0}
};

void
mg_init_arith_seq(void)
{
    id_seq = mg_intern_cstr("__aseq__");
    id_div = mg_intern_cstr("div");   /* CRuby's num_idiv */
    cArithSeq = mg_cArithSeq;                  /* made at start-up (coreclasses.def): it persists */
    mg_define_methods(cArithSeq, aseq_methods);
    mg_define_alloc_func(cArithSeq, aseq_no_alloc);
    mg_method_undef(mg_singleton_class(MG_VAL(cArithSeq)), mg_id_new);
}
