/* range.c -- Range: construction, iteration (Integer fast path, String and
 * Symbol ranges, succ), step, membership, size, min/max, sum, conversions,
 * mg_range_beg_len for slicing, and mg_init_range.
 * An RRange keeps begin and end in its header, OF_EXCL for `...`; Range
 * instances are frozen (3.0+). */
#include "coll_int.h"
#include "bignum.h"
#include <math.h>
#include <float.h>

#define RR(v) MG_RRANGE(v)
#define EXCL_P(r) ((MG_OBJ(r)->flags & OF_EXCL) != 0)

static bool
is_num(Value v)
{
    return MG_IS_FIXNUM(v) || MG_IS_FLOAT(v) || MG_IS_BIGNUM(v) || mg_obj_is_kind_of(v, mg_cNumeric);
}

static void
range_check(Value beg, Value end)
{
    if (MG_IS_FIXNUM(beg) && MG_IS_FIXNUM(end)) return;
    if (MG_IS_NIL(beg) || MG_IS_NIL(end)) return;
    Value c = mg_funcall(beg, mg_id_cmp, 1, &end);
    if (MG_IS_NIL(c)) mg_raise(mg_eArgumentError, "bad value for range");
}

static void
range_set(Value r, Value beg, Value end, bool excl)
{
    MG_WB(r, beg);
    RR(r)->beg = beg;
    RR(r)->end = end;
    if (excl) MG_OBJ(r)->flags |= OF_EXCL;
    else MG_OBJ(r)->flags &= ~OF_EXCL;
}

static Value
range_alloc(RClass *klass)
{
    return MG_VAL(mg_gc_alloc(sizeof(RRange), T_RANGE, klass));
}

Value
mg_range_new(Value beg, Value end, bool excl)
{
    range_check(beg, end);
    Value r = range_alloc(mg_cRange);
    range_set(r, beg, end, excl);
    MG_OBJ(r)->flags |= OF_FROZEN;
    return r;
}

bool
mg_range_parts_beg_len(Value b, Value e, bool excl, int64_t len, int64_t *begp, int64_t *countp, bool clamp)
{
    int64_t beg = MG_IS_NIL(b) ? 0 : NUM2LONG(b);
    int64_t end = MG_IS_NIL(e) ? -1 : NUM2LONG(e);
    if (MG_IS_NIL(e)) excl = false;
    if (beg < 0) {
        beg += len;
        if (beg < 0) return false;
    }
    if (end < 0) end += len;
    if (!excl) end++;
    if (clamp) {
        if (beg > len) return false;
        if (end > len) end = len;
    }
    *begp = beg;
    *countp = end - beg < 0 ? 0 : end - beg;
    return true;
}

bool
mg_range_beg_len(Value range, int64_t len, int64_t *begp, int64_t *countp, bool err)
{
    Value b, e;
    bool excl;
    mg_range_values(range, &b, &e, &excl);
    if (mg_range_parts_beg_len(b, e, excl, len, begp, countp, !err)) return true;
    if (err) mg_raise(mg_eRangeError, "%s out of range", mg_str_cstr(mg_inspect(range)));
    return false;
}

/* ---- construction ---- */

static Value
range_initialize(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    if (mg_frozen_p(self) && (RR(self)->beg != MG_NIL || RR(self)->end != MG_NIL))
        mg_raise(mg_eFrozenError, "can't modify frozen Range: %s", mg_str_cstr(mg_inspect(self)));
    range_check(argv[0], argv[1]);
    range_set(self, argv[0], argv[1], argc > 2 && MG_TEST(argv[2]));
    if (mg_class_of(self) == mg_cRange) MG_OBJ(self)->flags |= OF_FROZEN;
    return MG_NIL;
}

static Value
range_initialize_copy(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value o = argv[0];
    if (!MG_IS_TYPE(o, T_RANGE)) mg_raise_type(o, "Range");
    Value b, e;
    bool x;
    mg_range_values(o, &b, &e, &x);
    range_set(self, b, e, x);
    return self;
}

/* ---- accessors ---- */

static Value
range_begin(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    MG_FAULT(self);
    return RR(self)->beg;
}

static Value
range_end(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    MG_FAULT(self);
    return RR(self)->end;
}

static Value
range_exclude_end_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    MG_FAULT(self);
    return MG_BOOL(EXCL_P(self));
}

/* ---- iteration ---- */

static bool
str_all_digits(Value s)
{
    const char *p = mg_str_ptr(s);
    int64_t n = mg_str_len(s);
    if (n == 0) return false;
    for (int64_t i = 0; i < n; i++)
        if (p[i] < '0' || p[i] > '9') return false;
    return true;
}

/* String#upto semantics; fn returns false to stop. The iterations release
 * their temporaries (the arena is restored after each fn): fn keeps what it
 * needs in an Array it was given (push_fn, take_fn) or keeps nothing. */
typedef bool (*EachFn)(Value v, void *arg);

static void
str_range_each(Value beg, Value end, bool excl, EachFn fn, void *arg)
{
    beg = mg_to_str(beg);
    /* single ASCII characters: iterate the bytes */
    if (!MG_IS_NIL(end)) {
        end = mg_to_str(end);
        if (mg_str_len(beg) == 1 && mg_str_len(end) == 1 &&
            (unsigned char)mg_str_ptr(beg)[0] < 0x80 && (unsigned char)mg_str_ptr(end)[0] < 0x80) {
            unsigned char c = (unsigned char)mg_str_ptr(beg)[0], e = (unsigned char)mg_str_ptr(end)[0];
            if (c > e || (excl && c == e)) return;
            size_t level = mg_gc_arena_save();
            for (;;) {
                char ch = (char)c;
                if (!fn(mg_str_new(&ch, 1), arg)) return;
                mg_gc_arena_restore(level);
                if (c == e || (excl && c + 1 == e)) return;
                c++;
            }
        }
        /* both all digits: numeric iteration, width of beg */
        if (str_all_digits(beg) && str_all_digits(end)) {
            int64_t width = mg_str_len(beg);
            Value bi = mg_funcall(beg, mg_id_to_i, 0, NULL), ei = mg_funcall(end, mg_id_to_i, 0, NULL);
            if (MG_IS_FIXNUM(bi) && MG_IS_FIXNUM(ei)) {
                int64_t b = MG_FIX2LONG(bi), e2 = MG_FIX2LONG(ei);
                if (excl) e2--;
                size_t level = mg_gc_arena_save();
                for (int64_t i = b; i <= e2; i++) {
                    if (!fn(mg_sprintf("%.*lld", (int)width, (long long)i), arg)) return;
                    mg_gc_arena_restore(level);
                }
                return;
            }
        }
        int c = mg_str_cmp(beg, end);
        if (c > 0 || (excl && c == 0)) return;
        Value after = mg_funcall(end, mg_id_succ, 0, NULL);
        /* succ results are kept in an Array across the yields */
        Value keep = mg_ary_new_from(3, (Value[]){ after, beg, MG_NIL });
        Value cur = beg;
        int64_t elen = mg_str_len(end);
        size_t level = mg_gc_arena_save();
        for (;;) {
            mg_gc_arena_restore(level);   /* cur and next are in keep */
            if (mg_str_equal(cur, after)) return;
            bool last = mg_str_equal(cur, end);
            if (excl && last) return;
            Value next = last ? MG_NIL : mg_funcall(cur, mg_id_succ, 0, NULL);
            APTR(keep)[2] = next;
            if (!fn(cur, arg)) return;
            if (last) return;
            APTR(keep)[1] = cur = next;
            if (mg_str_len(cur) > elen || mg_str_len(cur) == 0) return;
        }
    }
    /* endless */
    Value cur = beg;
    Value keep = mg_ary_new_from(2, (Value[]){ beg, MG_NIL });
    size_t level = mg_gc_arena_save();
    for (;;) {
        mg_gc_arena_restore(level);
        Value next = mg_funcall(cur, mg_id_succ, 0, NULL);
        APTR(keep)[1] = next;
        if (!fn(cur, arg)) return;
        APTR(keep)[0] = cur = next;
    }
}

static int
r_less(Value a, Value b)
{
    Value c = mg_funcall(a, mg_id_cmp, 1, &b);
    if (MG_IS_NIL(c)) return 2;   /* incomparable */
    return mg_cmpint(c, a, b);
}

NORETURN static void
cant_iterate(Value v)
{
    mg_raise(mg_eTypeError, "can't iterate from %s", mg_class_cname(mg_obj_class(v)));
}

static void
range_each_fn(Value self, EachFn fn, void *arg)
{
    Value b, e;
    bool excl;
    mg_range_values(self, &b, &e, &excl);
    if (MG_IS_FIXNUM(b) && (MG_IS_FIXNUM(e) || MG_IS_NIL(e))) {
        int64_t i = MG_FIX2LONG(b);
        if (MG_IS_NIL(e)) {
            size_t level = mg_gc_arena_save();
            for (; i < MG_FIXNUM_MAX; i++) {
                if (!fn(MG_FIX(i), arg)) return;
                mg_gc_arena_restore(level);
            }
            Value keep = mg_ary_new_from(1, (Value[]){ MG_FIX(i) });
            level = mg_gc_arena_save();
            for (;;) {
                if (!fn(APTR(keep)[0], arg)) return;
                APTR(keep)[0] = mg_int_plus(APTR(keep)[0], MG_FIX(1));
                mg_gc_arena_restore(level);
            }
        }
        int64_t last = MG_FIX2LONG(e);
        if (excl) last--;
        size_t level = mg_gc_arena_save();
        for (; i <= last; i++) {
            if (!fn(MG_FIX(i), arg)) return;
            mg_gc_arena_restore(level);
            if (i == MG_FIXNUM_MAX) break;
        }
        return;
    }
    if (MG_IS_INTEGER(b) && (MG_IS_INTEGER(e) || MG_IS_NIL(e))) {
        Value keep = mg_ary_new_from(1, &b);
        size_t level = mg_gc_arena_save();
        for (;;) {
            Value v = APTR(keep)[0];
            if (!MG_IS_NIL(e)) {
                int c = mg_int_cmp(v, e);
                if (c > 0 || (excl && c == 0)) return;
            }
            if (!fn(v, arg)) return;
            APTR(keep)[0] = mg_int_plus(v, MG_FIX(1));
            mg_gc_arena_restore(level);
        }
    }
    if (MG_IS_INTEGER(b) && MG_IS_FLOAT(e)) {
        double d = mg_float_value(e);
        Value keep = mg_ary_new_from(1, &b);
        size_t level = mg_gc_arena_save();
        for (;;) {
            Value v = APTR(keep)[0];
            double x = MG_IS_FIXNUM(v) ? (double)MG_FIX2LONG(v) : mg_big_to_double(v);
            if (x > d || (excl && x == d)) return;
            if (!fn(v, arg)) return;
            APTR(keep)[0] = mg_int_plus(v, MG_FIX(1));
            mg_gc_arena_restore(level);
        }
    }
    if (MG_IS_NIL(b)) cant_iterate(b);
    if (MG_IS_STRING(b)) {
        str_range_each(b, e, excl, fn, arg);
        return;
    }
    if (!mg_respond_to(b, mg_id_succ, false)) cant_iterate(b);
    Value v = b;
    Value keep = mg_ary_new_from(1, &v);
    size_t level = mg_gc_arena_save();
    /* APTR(keep)[0] roots v; re-read after each call, which may move nothing but is cheap */
    if (MG_IS_NIL(e)) {
        for (;;) {
            if (!fn(v, arg)) return;
            APTR(keep)[0] = v = mg_funcall(v, mg_id_succ, 0, NULL);
            mg_gc_arena_restore(level);
        }
    }
    if (excl) {
        while (r_less(v, e) < 0) {
            if (!fn(v, arg)) return;
            APTR(keep)[0] = v = mg_funcall(v, mg_id_succ, 0, NULL);
            mg_gc_arena_restore(level);
        }
    } else {
        int c;
        while ((c = r_less(v, e)) <= 0) {
            if (!fn(v, arg)) return;
            if (c == 0) break;
            APTR(keep)[0] = v = mg_funcall(v, mg_id_succ, 0, NULL);
            mg_gc_arena_restore(level);
        }
    }
}

static bool
yield_fn(Value v, void *arg)
{
    mg_yield1_discard(*(Value *)arg, v);
    return true;
}

typedef struct { EachFn fn; void *arg; } SymWrap;

static bool
sym_wrap_fn(Value v, void *arg)
{
    SymWrap *w = arg;
    return w->fn(mg_str_to_sym(v), w->arg);
}

static void
range_iterate(Value self, EachFn fn, void *arg)
{
    Value b, e;
    bool excl;
    mg_range_values(self, &b, &e, &excl);
    if (MG_IS_SYMBOL(b) && (MG_IS_SYMBOL(e) || MG_IS_NIL(e))) {
        SymWrap w = { fn, arg };
        str_range_each(mg_sym_to_s(b), MG_IS_NIL(e) ? MG_NIL : mg_sym_to_s(e), excl, sym_wrap_fn, &w);
        return;
    }
    range_each_fn(self, fn, arg);
}

static Value
range_each(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each", argc, argv, blk);
    Value b, e;
    bool excl;
    mg_range_values(self, &b, &e, &excl);
    if (MG_IS_FIXNUM(b) && MG_IS_FIXNUM(e)) {
        int64_t last = MG_FIX2LONG(e) - (excl ? 1 : 0);
        for (int64_t i = MG_FIX2LONG(b); i <= last; i++) mg_yield1_discard(blk, MG_FIX(i));
        return self;
    }
    range_iterate(self, yield_fn, &blk);
    return self;
}

static bool
push_fn(Value v, void *arg)
{
    mg_ary_push(*(Value *)arg, v);
    return true;
}

static Value
range_to_a(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Value b, e;
    bool excl;
    mg_range_values(self, &b, &e, &excl);
    if (MG_IS_NIL(e)) mg_raise(mg_eRangeError, "cannot convert endless range to an array");
    if (MG_IS_FIXNUM(b) && MG_IS_FIXNUM(e)) {
        int64_t lo = MG_FIX2LONG(b), hi = MG_FIX2LONG(e) - (excl ? 1 : 0);
        int64_t n = hi >= lo ? hi - lo + 1 : 0;
        if (n > ARY_MAX_SIZE || n < 0) mg_raise(mg_eRangeError, "integer range too big to convert to an array");
        Value a = mg_ary_new_capa(n);
        Value *p = MG_RARRAY(a)->ptr;
        for (int64_t i = 0; i < n; i++) p[i] = MG_FIX(lo + i);
        MG_RARRAY(a)->len = n;
        return a;
    }
    Value a = mg_ary_new();
    range_iterate(self, push_fn, &a);
    return a;
}

static Value
range_reverse_each(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "reverse_each", argc, argv, blk);
    Value b, e;
    bool excl;
    mg_range_values(self, &b, &e, &excl);
    if (MG_IS_FIXNUM(b) && MG_IS_FIXNUM(e)) {
        int64_t hi = MG_FIX2LONG(e) - (excl ? 1 : 0);
        for (int64_t i = hi; i >= MG_FIX2LONG(b); i--) mg_yield1_discard(blk, MG_FIX(i));
        return self;
    }
    Value a = range_to_a(self, 0, NULL, MG_NIL);
    for (int64_t i = ALEN(a); i-- > 0;) mg_yield1_discard(blk, APTR(a)[i]);
    return self;
}

/* ---- step ---- */

static void
float_step(double beg, double end, double unit, bool excl, bool endless, Value blk)
{
    if (endless) {
        for (double i = 0;; i++) mg_yield1_discard(blk, mg_float_new(beg + i * unit));
    }
    double n = (end - beg) / unit;
    double err = (fabs(beg) + fabs(end) + fabs(end - beg)) / fabs(unit) * DBL_EPSILON;
    if (isinf(unit)) {
        if (unit > 0 ? beg <= end : beg >= end) mg_yield1(blk, mg_float_new(beg));
        return;
    }
    if (err > 0.5) err = 0.5;
    if (excl) {
        if (n <= 0) return;
        if (n < 1) n = 0;
        else n = floor(n - err);
        double d = +((n + 1) * unit) + beg;
        if (beg < end) { if (d < end) n++; }
        else if (beg > end) { if (d > end) n++; }
    } else {
        if (n < 0) return;
        n = floor(n + err);
    }
    for (double i = 0; i <= n; i++) {
        double d = i * unit + beg;
        if (unit >= 0 ? end < d : d < end) d = end;
        mg_yield1_discard(blk, mg_float_new(d));
    }
}

typedef struct { Value blk; int64_t n, i; } StepArg;

static bool
step_fn(Value v, void *arg)
{
    StepArg *s = arg;
    if (s->i++ % s->n == 0) mg_yield1_discard(s->blk, v);
    return true;
}

static bool
step_fn_first(Value v, void *arg)
{
    StepArg *s = arg;
    if (s->i++ == 0) mg_yield1_discard(s->blk, v);
    return true;
}

/* Range#step and Range#% (name): an ArithmeticSequence without a block on numbers */
static Value
step_impl(Value self, int argc, const Value *argv, Value blk, const char *name)
{
    Value b, e;
    bool excl;
    mg_range_values(self, &b, &e, &excl);
    Value step = argc > 0 ? argv[0] : MG_FIX(1);
    if (!is_num(step)) step = mg_to_int(step);
    Value zero = MG_FIX(0);
    if (!mg_block_given(blk) && (is_num(b) || (MG_IS_NIL(b) && is_num(e))) && (MG_IS_NIL(e) || is_num(e))) {
        if (MG_TEST(mg_funcall(step, mg_id_eq, 1, &zero))) mg_raise(mg_eArgumentError, "step can't be 0");
        return mg_arith_seq_new(self, mg_intern_cstr(name), argc, argv, b, e, step, excl);
    }
    if (MG_TEST(mg_funcall(step, mg_id_eq, 1, &zero))) mg_raise(mg_eArgumentError, "step can't be 0");
    if (MG_TEST(mg_funcall(step, mg_id_lt, 1, &zero))) mg_raise(mg_eArgumentError, "step can't be negative");
    MG_RETURN_ENUMERATOR(self, name, argc, argv, blk);
    if (MG_IS_FIXNUM(b) && MG_IS_FIXNUM(step) && (MG_IS_FIXNUM(e) || MG_IS_NIL(e))) {
        int64_t s = MG_FIX2LONG(step), i = MG_FIX2LONG(b);
        if (MG_IS_NIL(e)) {
            Value v = b;
            for (;;) {
                mg_yield1_discard(blk, v);
                v = mg_int_plus(v, step);
            }
        }
        int64_t last = MG_FIX2LONG(e);
        for (; excl ? i < last : i <= last; ) {
            mg_yield1_discard(blk, MG_FIX(i));
            if (__builtin_add_overflow(i, s, &i)) break;
        }
        return self;
    }
    bool syms = MG_IS_SYMBOL(b) && (MG_IS_NIL(e) || MG_IS_SYMBOL(e));     /* CRuby steps these first */
    if (!syms && (MG_IS_FLOAT(b) || MG_IS_FLOAT(e) || MG_IS_FLOAT(step))) {
        /* as CRuby's ruby_float_step: every part through NUM2DBL, so a Time's
         * to_f steps and a nil begin is "no implicit conversion to float from nil" */
        double unit = mg_num2dbl_any(step), beg = mg_num2dbl_any(b);
        float_step(beg, MG_IS_NIL(e) ? 0.0 : mg_num2dbl_any(e), unit, excl, MG_IS_NIL(e), blk);
        return self;
    }
    if (is_num(b)) {
        Value v = b;
        Value keep = mg_ary_new_from(1, &v);
        size_t level = mg_gc_arena_save();
        for (;;) {
            if (!MG_IS_NIL(e)) {
                int c = mg_cmp_fast(v, e);
                if (c > 0 || (excl && c == 0)) break;
            }
            mg_yield1(blk, v);
            APTR(keep)[0] = v = mg_funcall(v, mg_id_plus, 1, &step);
            mg_gc_arena_restore(level);
        }
        return self;
    }
    if (!MG_IS_FIXNUM(step)) {
        /* CRuby counts down from 1 by subtracting 1 and yields when the count is
         * the Fixnum 0: with a Rational step only the first element is yielded */
        StepArg sa = { blk, 0, 0 };
        range_iterate(self, step_fn_first, &sa);
        return self;
    }
    StepArg sa = { blk, MG_FIX2LONG(step), 0 };
    range_iterate(self, step_fn, &sa);
    return self;
}

static Value
range_step(Value self, int argc, const Value *argv, Value blk)
{
    return step_impl(self, argc, argv, blk, "step");
}

static Value
range_percent(Value self, int argc, const Value *argv, Value blk)
{
    return step_impl(self, argc, argv, blk, "%");
}

/* ---- membership ---- */

static bool
cover_value(Value self, Value v)
{
    Value b, e;
    bool excl;
    mg_range_values(self, &b, &e, &excl);
    if (!MG_IS_NIL(b)) {
        int c = r_less(b, v);
        if (c == 2 || c > 0) return false;
    }
    if (MG_IS_NIL(e)) return true;
    int c = r_less(v, e);
    if (c == 2) return false;
    return excl ? c < 0 : c <= 0;
}

static Value
range_cover_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value v = argv[0];
    if (MG_IS_TYPE(v, T_RANGE)) {
        Value b, e, vb, ve;
        bool excl, vexcl;
        mg_range_values(self, &b, &e, &excl);
        mg_range_values(v, &vb, &ve, &vexcl);
        /* the begin of v must be covered */
        if (!MG_IS_NIL(vb)) {
            if (!MG_IS_NIL(b)) {
                int c = r_less(b, vb);
                if (c == 2 || c > 0) return MG_FALSE;
            }
        } else if (!MG_IS_NIL(b)) {
            return MG_FALSE;
        }
        if (MG_IS_NIL(ve)) return MG_BOOL(MG_IS_NIL(e));
        if (MG_IS_NIL(e)) {
            if (!MG_IS_NIL(vb) && r_less(vb, ve) == 2) return MG_FALSE;
            return MG_TRUE;
        }
        if (!MG_IS_NIL(vb)) {
            int c = r_less(vb, ve);
            if (c == 2 || c > 0 || (vexcl && c == 0)) return MG_FALSE;
        }
        int c = r_less(ve, e);
        if (c == 2) return MG_FALSE;
        if (c < 0) return MG_TRUE;
        if (c == 0) return MG_BOOL(!excl || vexcl);
        /* v's end is beyond e: still covered when v excludes an Integer end just past */
        if (vexcl && !excl && MG_IS_INTEGER(ve) && MG_IS_INTEGER(e)) {
            Value last = mg_int_minus(ve, MG_FIX(1));
            return MG_BOOL(mg_int_cmp(last, e) <= 0);
        }
        if (vexcl && excl && MG_IS_INTEGER(ve) && MG_IS_INTEGER(e)) return MG_FALSE;
        return MG_FALSE;
    }
    return MG_BOOL(cover_value(self, v));
}

static Value
range_eqq(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return MG_BOOL(cover_value(self, argv[0]));
}

typedef struct { Value target; bool found; } FindArg;

static bool
find_fn(Value v, void *arg)
{
    FindArg *f = arg;
    if (mg_equal(v, f->target)) { f->found = true; return false; }
    return true;
}

static bool
is_time(Value v)
{
    return MG_IS_PTR(v) && mg_obj_is_kind_of(v, mg_cTime);
}

static bool
int_like(Value v)
{
    return MG_IS_PTR(v) && !MG_IS_STRING(v) && mg_respond_to(v, mg_id_to_int, true) &&
           MG_IS_INTEGER(mg_funcall(v, mg_id_to_int, 0, NULL));
}

static Value
range_include_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value b, e;
    bool excl;
    mg_range_values(self, &b, &e, &excl);
    Value v = argv[0];
    /* numbers and Times are "linear": inclusion is cover? (CRuby's linear_object_p),
     * as it is for an end with an Integer to_int */
    if (is_num(b) || is_num(e) || is_time(b) || is_time(e) || int_like(b) || int_like(e))
        return MG_BOOL(cover_value(self, v));
    if (MG_IS_STRING(b) || MG_IS_STRING(e)) {
        if (MG_IS_STRING(b) && MG_IS_STRING(e) && mg_str_len(b) == 1 && mg_str_len(e) == 1) {
            if (!MG_IS_STRING(v)) return MG_FALSE;
            if (mg_str_len(v) != 1) return MG_FALSE;
            return MG_BOOL(cover_value(self, v));
        }
        if (MG_IS_NIL(b) || MG_IS_NIL(e)) return MG_BOOL(cover_value(self, v));
    }
    /* else Enumerable#include?, as 3.1: iterating, which a beginless range cannot
     * and an endless one does until it finds v */
    if (MG_IS_NIL(b)) mg_raise(mg_eTypeError, "can't iterate from NilClass");
    FindArg f = { v, false };
    range_iterate(self, find_fn, &f);
    return MG_BOOL(f.found);
}

/* ---- equality, hash, inspect ---- */

static Value
range_eq_impl(Value self, Value o, bool eql)
{
    if (self == o) return MG_TRUE;
    if (!MG_IS_TYPE(o, T_RANGE)) return MG_FALSE;
    Value b, e, ob, oe;
    bool x, ox;
    mg_range_values(self, &b, &e, &x);
    mg_range_values(o, &ob, &oe, &ox);
    if (x != ox) return MG_FALSE;
    if (eql) return MG_BOOL(mg_eql(b, ob) && mg_eql(e, oe));
    return MG_BOOL(mg_equal(b, ob) && mg_equal(e, oe));
}

static Value
range_eq(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return range_eq_impl(self, argv[0], false);
}

static Value
range_eql_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return range_eq_impl(self, argv[0], true);
}

static Value
range_hash(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Value b, e;
    bool x;
    mg_range_values(self, &b, &e, &x);
    uint64_t h = mg_hash_value(b) * 0x9e3779b97f4a7c15ULL + mg_hash_value(e) * 31 + (x ? 1 : 0);
    h ^= h >> 29;
    return MG_FIX((int64_t)h >> 2);
}

static Value
range_to_s_impl(Value self, bool insp)
{
    Value b, e;
    bool x;
    mg_range_values(self, &b, &e, &x);
    Value s = mg_str_buf_new(16);
    if (!insp || !MG_IS_NIL(b) || MG_IS_NIL(e)) mg_str_append(s, insp ? mg_inspect(b) : mg_to_s(b));
    mg_str_cat(s, x ? "..." : "..", x ? 3 : 2);
    if (!insp || !MG_IS_NIL(e) || MG_IS_NIL(b)) mg_str_append(s, insp ? mg_inspect(e) : mg_to_s(e));
    return s;
}

static Value
range_inspect(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return range_to_s_impl(self, true);
}

static Value
range_to_s(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return range_to_s_impl(self, false);
}

/* ---- first / last / min / max ---- */

typedef struct { Value out; int64_t n; } TakeArg;

static bool
take_fn(Value v, void *arg)
{
    TakeArg *t = arg;
    if (ALEN(t->out) >= t->n) return false;
    mg_ary_push(t->out, v);
    return ALEN(t->out) < t->n;
}

static Value
range_first(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    Value b, e;
    bool x;
    mg_range_values(self, &b, &e, &x);
    if (MG_IS_NIL(b)) mg_raise(mg_eRangeError, "cannot get the first element of beginless range");
    if (argc == 0) return b;
    int64_t n = NUM2LONG(argv[0]);
    if (n < 0) mg_raise(mg_eArgumentError, "negative array size (or size too big)");
    TakeArg t = { mg_ary_new(), n };
    if (n > 0) range_iterate(self, take_fn, &t);
    return t.out;
}

static Value
range_last(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    Value b, e;
    bool x;
    mg_range_values(self, &b, &e, &x);
    if (MG_IS_NIL(e)) mg_raise(mg_eRangeError, "cannot get the last element of endless range");
    if (argc == 0) return e;
    int64_t n = NUM2LONG(argv[0]);
    if (n < 0) mg_raise(mg_eArgumentError, "negative array size");
    if (MG_IS_FIXNUM(b) && MG_IS_FIXNUM(e)) {
        int64_t lo = MG_FIX2LONG(b), hi = MG_FIX2LONG(e) - (x ? 1 : 0);
        int64_t len = hi >= lo ? hi - lo + 1 : 0;
        if (n > len) n = len;
        Value a = mg_ary_new_capa(n);
        for (int64_t i = hi - n + 1; i <= hi; i++) mg_ary_push(a, MG_FIX(i));
        return a;
    }
    Value a = range_to_a(self, 0, NULL, MG_NIL);
    int64_t len = ALEN(a);
    if (n > len) n = len;
    return mg_ary_new_from(n, APTR(a) + len - n);
}

static Value
enum_call(Value self, const char *name, int argc, const Value *argv, Value blk)
{
    MethodEntry *me = mg_method_lookup(mg_mEnumerable, mg_intern_cstr(name));
    if (!me) mg_raise(mg_eNotImplementedError, "Enumerable#%s is missing", name);
    return mg_call_method_entry(self, me, argc, argv, blk);
}

static Value
range_min(Value self, int argc, const Value *argv, Value blk)
{
    Value b, e;
    bool x;
    mg_range_values(self, &b, &e, &x);
    if (MG_IS_NIL(b)) mg_raise(mg_eRangeError, "cannot get the minimum of beginless range");
    if (mg_block_given(blk) || (argc > 0 && !MG_IS_NIL(argv[0]))) {
        if (MG_IS_NIL(e)) mg_raise(mg_eRangeError, "cannot get the minimum of endless range with custom comparison method");
        return enum_call(self, "min", argc, argv, blk);
    }
    if (MG_IS_NIL(e)) return b;
    int c = r_less(b, e);
    if (c == 2 || c > 0 || (c == 0 && x)) return MG_NIL;
    return b;
}

static Value
range_max(Value self, int argc, const Value *argv, Value blk)
{
    Value b, e;
    bool x;
    mg_range_values(self, &b, &e, &x);
    if (MG_IS_NIL(e)) mg_raise(mg_eRangeError, "cannot get the maximum of endless range");
    bool nm = is_num(e);
    if (mg_block_given(blk) || (argc > 0 && !MG_IS_NIL(argv[0])) || (x && !nm)) {
        if (MG_IS_NIL(b)) mg_raise(mg_eRangeError, "cannot get the maximum of beginless range with custom comparison method");
        return enum_call(self, "max", argc, argv, blk);
    }
    int c = MG_IS_NIL(b) ? -1 : r_less(b, e);
    if (c == 2 || c > 0) return MG_NIL;
    if (x) {
        /* as CRuby: the end's type is checked before an empty range answers nil */
        if (!MG_IS_INTEGER(e)) mg_raise(mg_eTypeError, "cannot exclude non Integer end value");
        if (c == 0) return MG_NIL;
        if (!MG_IS_NIL(b) && !MG_IS_INTEGER(b))
            mg_raise(mg_eTypeError, "cannot exclude end value with non Integer begin value");
        return mg_int_minus(e, MG_FIX(1));
    }
    return e;      /* (1..3.5).max is 3.5 in CRuby 3.1 */
}

static Value
range_minmax(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv);
    if (mg_block_given(blk)) return enum_call(self, "minmax", 0, NULL, blk);
    Value mn = range_min(self, 0, NULL, MG_NIL);
    Value mx = range_max(self, 0, NULL, MG_NIL);
    return mg_ary_new_from(2, (Value[]){ mn, mx });
}

/* ---- size / count / sum ---- */

static Value
range_size(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Value b, e;
    bool x;
    mg_range_values(self, &b, &e, &x);
    if (MG_IS_FIXNUM(b) && MG_IS_FIXNUM(e)) {
        int64_t n = MG_FIX2LONG(e) - MG_FIX2LONG(b) + (x ? 0 : 1);
        return MG_FIX(n < 0 ? 0 : n);
    }
    if (is_num(b)) {
        if (MG_IS_NIL(e)) return mg_float_new(INFINITY);
        if (!is_num(e)) return MG_NIL;
        if (MG_IS_INTEGER(b) && MG_IS_INTEGER(e)) {
            Value n = mg_int_minus(e, b);
            if (!x) n = mg_int_plus(n, MG_FIX(1));
            if (mg_int_cmp(n, MG_FIX(0)) < 0) return MG_FIX(0);
            return n;
        }
        /* as CRuby: an infinite count is the Float Infinity, a NaN one a FloatDomainError */
        double n = mg_float_step_size(mg_num2dbl(b), mg_num2dbl(e), 1.0, x);
        return isinf(n) ? mg_float_new(n) : mg_dbl_to_int(n);
    }
    if (MG_IS_NIL(b)) return mg_float_new(INFINITY);   /* CRuby 3.1: any beginless range, (..'c') too */
    return MG_NIL;
}

static Value
range_count(Value self, int argc, const Value *argv, Value blk)
{
    if (argc == 0 && !mg_block_given(blk)) {
        Value b, e;
        bool x;
        mg_range_values(self, &b, &e, &x);
        if (MG_IS_NIL(b) || MG_IS_NIL(e)) return mg_float_new(INFINITY);
        if (MG_IS_INTEGER(b) && MG_IS_INTEGER(e)) return range_size(self, 0, NULL, MG_NIL);
    }
    return enum_call(self, "count", argc, argv, blk);
}

static Value
range_sum(Value self, int argc, const Value *argv, Value blk)
{
    Value b, e;
    bool x;
    mg_range_values(self, &b, &e, &x);
    Value init = argc > 0 ? argv[0] : MG_FIX(0);
    if (!mg_block_given(blk) && MG_IS_INTEGER(b) && MG_IS_INTEGER(e) && MG_IS_INTEGER(init)) {
        Value last = x ? mg_int_minus(e, MG_FIX(1)) : e;
        if (mg_int_cmp(last, b) < 0) return init;
        Value n = mg_int_plus(mg_int_minus(last, b), MG_FIX(1));
        Value s = mg_int_div(mg_int_mul(n, mg_int_plus(b, last)), MG_FIX(2));
        return mg_int_plus(s, init);
    }
    return enum_call(self, "sum", argc, argv, blk);
}

static Value
range_bsearch(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "bsearch", argc, argv, blk);
    Value b, e;
    bool x;
    mg_range_values(self, &b, &e, &x);
    if (!MG_IS_FIXNUM(b) || !MG_IS_FIXNUM(e)) {
        if (MG_IS_FLOAT(b) || MG_IS_FLOAT(e)) {
            double lo = mg_num2dbl(b), hi = mg_num2dbl(e);
            Value found = MG_NIL;
            for (int it = 0; it < 1100 && lo <= hi; it++) {
                double mid = lo + (hi - lo) / 2;
                Value r = mg_yield1(blk, mg_float_new(mid));
                if (r == MG_TRUE) { found = mg_float_new(mid); if (hi == mid) break; hi = mid; }
                else if (r == MG_FALSE || MG_IS_NIL(r)) { if (lo == mid) { lo = nextafter(lo, INFINITY); } else lo = mid; }
                else {
                    int c = mg_cmpint(r, r, MG_FIX(0));
                    if (c == 0) return mg_float_new(mid);
                    if (c < 0) hi = mid; else lo = nextafter(mid, INFINITY);
                }
                if (lo == hi) {
                    Value r2 = mg_yield1(blk, mg_float_new(lo));
                    if (r2 == MG_TRUE) found = mg_float_new(lo);
                    break;
                }
            }
            return found;
        }
        mg_raise(mg_eTypeError, "can't do binary search for %s", mg_class_cname(mg_obj_class(b)));
    }
    int64_t lo = MG_FIX2LONG(b), hi = MG_FIX2LONG(e) - (x ? 1 : 0) + 1;
    Value found = MG_NIL;
    while (lo < hi) {
        int64_t mid = lo + (hi - lo) / 2;
        Value r = mg_yield1(blk, MG_FIX(mid));
        if (r == MG_TRUE) { found = MG_FIX(mid); hi = mid; }
        else if (r == MG_FALSE || MG_IS_NIL(r)) lo = mid + 1;
        else if (MG_IS_FIXNUM(r) || MG_IS_FLOAT(r) || is_num(r)) {
            int c = mg_cmpint(mg_funcall(r, mg_id_cmp, 1, (Value[]){ MG_FIX(0) }), r, MG_FIX(0));
            if (c == 0) return MG_FIX(mid);
            if (c < 0) hi = mid; else lo = mid + 1;
        } else {
            mg_raise(mg_eTypeError, "wrong argument type %s (must be numeric, true, false or nil)",
                     mg_class_cname(mg_obj_class(r)));
        }
    }
    return found;
}

static const MgMethodDef range_methods[] = {
    {"initialize", range_initialize, 2, 3},
    {"initialize_copy", range_initialize_copy, 1, 1},
    {"begin", range_begin, 0, 0},
    {"end", range_end, 0, 0},
    {"first", range_first, 0, 1},
    {"last", range_last, 0, 1},
    {"min", range_min, 0, 1},
    {"max", range_max, 0, 1},
    {"minmax", range_minmax, 0, 0},
    {"exclude_end?", range_exclude_end_p, 0, 0},
    {"each", range_each, 0, 0},
    {"reverse_each", range_reverse_each, 0, 0},
    {"step", range_step, 0, 1},
    {"%", range_percent, 1, 1},
    {"to_a", range_to_a, 0, 0},
    {"entries", range_to_a, 0, 0},
    {"include?", range_include_p, 1, 1},
    {"member?", range_include_p, 1, 1},
    {"===", range_eqq, 1, 1},
    {"cover?", range_cover_p, 1, 1},
    {"==", range_eq, 1, 1},
    {"eql?", range_eql_p, 1, 1},
    {"hash", range_hash, 0, 0},
    {"inspect", range_inspect, 0, 0},
    {"to_s", range_to_s, 0, 0},
    {"size", range_size, 0, 0},
    {"count", range_count, 0, 1},
    {"sum", range_sum, 0, 1},
    {"bsearch", range_bsearch, 0, 0},
    {NULL, NULL, 0, 0}
};

void
mg_init_range(void)
{
    mg_include_module(mg_cRange, mg_mEnumerable);
    mg_define_alloc_func(mg_cRange, range_alloc);
    mg_define_methods(mg_cRange, range_methods);
}
