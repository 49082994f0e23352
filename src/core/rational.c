/* rational.c -- Rational: a T_DATA holding a normalized (numerator,
 * denominator) pair of Integers (denominator > 0, gcd 1), arithmetic with
 * Integers/Floats, rounding with digits, parsing "1/3" and Kernel#Rational. */
#include "bignum.h"
#include "../store/store.h"

#include <math.h>

typedef struct { Value num, den; } RatBody;

static void
rat_mark(void *p)
{
    RatBody *r = p;
    mg_gc_mark(r->num);
    mg_gc_mark(r->den);
}

/* Committed as two references: num, den. */
static void
rat_encode(const void *p, MgBuf *b)
{
    const RatBody *x = p;
    mg_rec_put_ref(b, x->num);
    mg_rec_put_ref(b, x->den);
}

static void
rat_decode(void *p, bool in_slot, MgRd *r)
{
    UNUSED(in_slot);
    RatBody *x = p;
    x->num = mg_rec_get_ref(r);
    x->den = mg_rec_get_ref(r);
    bool ints = (MG_IS_FIXNUM(x->num) || MG_IS_BIGNUM(x->num)) && (MG_IS_FIXNUM(x->den) || MG_IS_BIGNUM(x->den));
    if (!mg_rec_failed(r) && !ints) mg_rec_fail(r, "Rational record has a part that is not an Integer");
}

static void
rat_each_ref(const void *p, void (*fn)(Value, void *), void *arg)
{
    const RatBody *x = p;
    fn(x->num, arg);
    fn(x->den, arg);
}

static const MgDataPersist rational_persist = {
    .tag = "Rational", .size = sizeof(RatBody), .encode = rat_encode, .decode = rat_decode, .each_ref = rat_each_ref,
};
static const DataType rational_type = { "rational", rat_mark, NULL, NULL, &rational_persist };

static inline bool
is_rat(Value v)
{
    return MG_IS_TYPE(v, T_DATA) && mg_data_get(v, &rational_type) != NULL;
}

static inline RatBody *
rat(Value v)
{
    return mg_data_get(v, &rational_type);
}

#define NUM(v) (rat(v)->num)
#define DEN(v) (rat(v)->den)

static inline int
isign(Value v)
{
    return mg_int_cmp(v, MG_FIX(0));
}

static Value
ineg(Value v)
{
    return mg_int_minus(MG_FIX(0), v);
}

/* Already normalized parts. */
static Value
rat_raw(Value num, Value den)
{
    void *p;
    Value r = mg_data_new_inline(mg_cRational, &rational_type, sizeof(RatBody), &p);
    ((RatBody *)p)->num = num;
    ((RatBody *)p)->den = den;
    MG_OBJ(r)->flags |= OF_FROZEN;
    return r;
}

Value
mg_rational_new(Value num, Value den)
{
    if (!MG_IS_INTEGER(num) || !MG_IS_INTEGER(den)) mg_raise(mg_eTypeError, "not an integer");
    int s = isign(den);
    if (s == 0) mg_raise(mg_eZeroDivisionError, "divided by 0");
    if (s < 0) { num = ineg(num); den = ineg(den); }
    Value g = mg_int_gcd(num, den);
    if (g != MG_FIX(1)) {
        num = mg_int_div(num, g);
        den = mg_int_div(den, g);
    }
    return rat_raw(num, den);
}

/* Integer or Rational -> Rational */
static Value
to_rat(Value v)
{
    if (is_rat(v)) return v;
    return rat_raw(v, MG_FIX(1));
}

static double
rat_to_dbl(Value r)
{
    MgIntView a, b;
    return mg_int_fdiv_ruby(mg_int_view(NUM(r), &a), mg_int_view(DEN(r), &b));
}

/* ---- arithmetic (x Rational, y Integer or Rational) ---- */

static Value
rat_add_sub(Value x, Value y, bool sub)
{
    y = to_rat(y);
    Value a = mg_int_mul(NUM(x), DEN(y));
    Value b = mg_int_mul(NUM(y), DEN(x));
    Value n = sub ? mg_int_minus(a, b) : mg_int_plus(a, b);
    return mg_rational_new(n, mg_int_mul(DEN(x), DEN(y)));
}

static Value
rat_mul_v(Value x, Value y)
{
    y = to_rat(y);
    return mg_rational_new(mg_int_mul(NUM(x), NUM(y)), mg_int_mul(DEN(x), DEN(y)));
}

static Value
rat_div_v(Value x, Value y)
{
    y = to_rat(y);
    if (NUM(y) == MG_FIX(0)) mg_raise(mg_eZeroDivisionError, "divided by 0");
    return mg_rational_new(mg_int_mul(NUM(x), DEN(y)), mg_int_mul(DEN(x), NUM(y)));
}

static int
rat_cmp_v(Value x, Value y)
{
    y = to_rat(y);
    return mg_int_cmp(mg_int_mul(NUM(x), DEN(y)), mg_int_mul(NUM(y), DEN(x)));
}

#define RAT_ARITH(name, expr, flop, id)                                          \
    static Value                                                                 \
    name(Value self, int argc, const Value *argv, Value blk)                    \
    {                                                                            \
        UNUSED(argc); UNUSED(blk);                                               \
        Value y = argv[0];                                                       \
        if (MG_IS_INTEGER(y) || is_rat(y)) return expr;                          \
        if (MG_IS_FLOAT(y)) return mg_float_new(rat_to_dbl(self) flop mg_float_value(y)); \
        return mg_num_coerce_bin(self, y, id);                                   \
    }
RAT_ARITH(rat_plus, rat_add_sub(self, y, false), +, mg_id_plus)
RAT_ARITH(rat_minus, rat_add_sub(self, y, true), -, mg_id_minus)
RAT_ARITH(rat_mul, rat_mul_v(self, y), *, mg_id_mul)
RAT_ARITH(rat_div, rat_div_v(self, y), /, mg_id_div)

static bool
num_zero_p(Value v)
{
    if (MG_IS_INTEGER(v)) return v == MG_FIX(0);
    if (MG_IS_FLOAT(v)) return mg_float_value(v) == 0.0;
    if (is_rat(v)) return NUM(v) == MG_FIX(0);
    return mg_equal(v, MG_FIX(0));
}

/* As CRuby: (self / y).to_f, so a Complex quotient raises RangeError naming it */
static Value
rat_fdiv(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value y = argv[0];
    if (num_zero_p(y)) return mg_float_new(rat_to_dbl(self) / 0.0);
    if (y == MG_FIX(1)) return mg_float_new(rat_to_dbl(self));
    Value q = mg_funcall(self, mg_id_div, 1, &y);
    if (is_rat(q)) return mg_float_new(rat_to_dbl(q));
    if (MG_IS_FLOAT(q)) return q;
    return MG_CALL0(q, "to_f");
}

/* y < 0 for an exact y; a Complex has no < (ArgumentError, as in CRuby) */
static bool
exact_negative_p(Value y)
{
    if (MG_IS_INTEGER(y)) return isign(y) < 0;
    if (is_rat(y)) return isign(NUM(y)) < 0;
    ID lt = mg_id_lt;
    if (!mg_respond_to(y, lt, true))
        mg_raise(mg_eArgumentError, "comparison of %s with 0 failed", mg_class_cname(mg_obj_class(y)));
    Value zero = MG_FIX(0);
    return MG_TEST(mg_funcall(y, lt, 1, &zero));
}

static Value
rat_pow(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value y = argv[0];
    bool numeric = mg_obj_is_kind_of(y, mg_cNumeric);
    /* an exact zero, Complex(0, 0.0) too (it is no Float), gives exact 1 */
    if (numeric && !MG_IS_FLOAT(y) && num_zero_p(y)) return rat_raw(MG_FIX(1), MG_FIX(1));
    if (is_rat(y) && DEN(y) == MG_FIX(1)) y = NUM(y);
    Value n = NUM(self), d = DEN(self);
    /* 0 and 1 (and -1 to an Integer) to an exact power stay exact: 0 ** (1r/3) is (0/1) */
    if (numeric && !MG_IS_FLOAT(y) && d == MG_FIX(1)) {
        if (n == MG_FIX(1)) return rat_raw(MG_FIX(1), MG_FIX(1));
        if (n == MG_FIX(-1) && MG_IS_INTEGER(y)) return rat_raw(MG_FIX(mg_int_even_p(y) ? 1 : -1), MG_FIX(1));
        if (n == MG_FIX(0)) {
            if (exact_negative_p(y)) mg_raise(mg_eZeroDivisionError, "divided by 0");
            return rat_raw(MG_FIX(0), MG_FIX(1));
        }
    }
    if (MG_IS_FIXNUM(y)) {
        Value a, b;
        if (isign(y) > 0) { a = mg_int_pow(n, y); b = mg_int_pow(d, y); }
        else { Value e = ineg(y); a = mg_int_pow(d, e); b = mg_int_pow(n, e); }
        /* a part too big gives a Float infinity */
        if (MG_IS_FLOAT(a)) return MG_IS_FLOAT(b) ? mg_float_new(NAN) : a;
        if (MG_IS_FLOAT(b)) return rat_raw(MG_FIX(0), MG_FIX(1));
        return mg_rational_new(a, b);
    }
    if (MG_IS_BIGNUM(y)) {
        mg_warn_caller(NULL, "in a**b, b may be too big");
        return mg_flo_pow(rat_to_dbl(self), y);
    }
    if (MG_IS_FLOAT(y) || is_rat(y))
        return mg_flo_pow(rat_to_dbl(self), MG_IS_FLOAT(y) ? y : mg_float_new(rat_to_dbl(y)));
    return mg_num_coerce_bin(self, y, mg_id_pow);
}

static Value
rat_uminus(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return rat_raw(ineg(NUM(self)), DEN(self));
}

static Value
rat_abs(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    if (isign(NUM(self)) >= 0) return self;
    return rat_raw(ineg(NUM(self)), DEN(self));
}

static Value
rat_cmp(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value y = argv[0];
    if (MG_IS_INTEGER(y) || is_rat(y)) return MG_FIX(rat_cmp_v(self, y));
    if (MG_IS_FLOAT(y)) {
        double a = rat_to_dbl(self), b = mg_float_value(y);
        if (isnan(b)) return MG_NIL;
        return MG_FIX(a < b ? -1 : a > b);
    }
    return mg_num_coerce_cmp(self, y, mg_id_cmp);
}

static Value
rat_eq(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value y = argv[0];
    if (MG_IS_INTEGER(y)) return MG_BOOL(DEN(self) == MG_FIX(1) && mg_int_equal(NUM(self), y));
    if (is_rat(y)) return MG_BOOL(mg_int_equal(NUM(self), NUM(y)) && mg_int_equal(DEN(self), DEN(y)));
    if (MG_IS_FLOAT(y)) return MG_BOOL(rat_to_dbl(self) == mg_float_value(y));
    return mg_num_equal_generic(self, y);
}

static Value
rat_hash(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    uint64_t h = mg_hash_mix(mg_int_hash(NUM(self)) * 31 + mg_int_hash(DEN(self)) + 0x7a3f);
    return MG_FIX((int64_t)(h >> 2));
}

static Value
rat_coerce(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value y = argv[0];
    if (MG_IS_INTEGER(y)) return mg_ary_new_from(2, (Value[]){rat_raw(y, MG_FIX(1)), self});
    if (MG_IS_FLOAT(y)) return mg_ary_new_from(2, (Value[]){y, mg_float_new(rat_to_dbl(self))});
    if (is_rat(y)) return mg_ary_new_from(2, (Value[]){y, self});
    if (MG_IS_PTR(y) && mg_class_of(y) == mg_cComplex) {
        Value im = MG_CALL0(y, "imaginary");
        if (MG_IS_INTEGER(im) && im == MG_FIX(0)) {
            Value re = MG_CALL0(y, "real");
            return mg_ary_new_from(2, (Value[]){MG_IS_INTEGER(re) ? rat_raw(re, MG_FIX(1)) : re, self});
        }
        return mg_ary_new_from(2, (Value[]){y, mg_complex_new(self, MG_FIX(0))});
    }
    mg_raise(mg_eTypeError, "%s can't be coerced into Rational", mg_class_cname(mg_obj_class(y)));
}

static Value
rat_numerator(Value self, int argc, const Value *argv, Value blk) { UNUSED(argc); UNUSED(argv); UNUSED(blk); return NUM(self); }
static Value
rat_denominator(Value self, int argc, const Value *argv, Value blk) { UNUSED(argc); UNUSED(argv); UNUSED(blk); return DEN(self); }
static Value
rat_to_f(Value self, int argc, const Value *argv, Value blk) { UNUSED(argc); UNUSED(argv); UNUSED(blk); return mg_float_new(rat_to_dbl(self)); }
static Value
rat_to_r(Value self, int argc, const Value *argv, Value blk) { UNUSED(argc); UNUSED(argv); UNUSED(blk); return self; }
static Value
rat_positive_p(Value self, int argc, const Value *argv, Value blk) { UNUSED(argc); UNUSED(argv); UNUSED(blk); return MG_BOOL(isign(NUM(self)) > 0); }
static Value
rat_negative_p(Value self, int argc, const Value *argv, Value blk) { UNUSED(argc); UNUSED(argv); UNUSED(blk); return MG_BOOL(isign(NUM(self)) < 0); }
static Value
rat_zero_p(Value self, int argc, const Value *argv, Value blk) { UNUSED(argc); UNUSED(argv); UNUSED(blk); return MG_BOOL(NUM(self) == MG_FIX(0)); }

static Value
rat_to_s(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Value s = mg_int_to_s(NUM(self), 10);
    s = mg_str_dup(s);
    mg_str_cat(s, "/", 1);
    return mg_str_append(s, mg_int_to_s(DEN(self), 10));
}

static Value
rat_inspect(Value self, int argc, const Value *argv, Value blk)
{
    Value s = mg_str_new("(", 1);
    mg_str_append(s, rat_to_s(self, argc, argv, blk));
    return mg_str_cat(s, ")", 1);
}

/* ---- rounding ---- */

typedef enum { RR_FLOOR, RR_CEIL, RR_TRUNC, RR_ROUND } RatRound;

/* num/den rounded to an Integer. */
static Value
round_int(Value num, Value den, RatRound kind, int mode)
{
    MgIntView a, b;
    mpz_srcptr n = mg_int_view(num, &a), d = mg_int_view(den, &b);
    mpz_t q, r;
    mpz_inits(q, r, NULL);
    switch (kind) {
    case RR_FLOOR: mpz_fdiv_q(q, n, d); break;
    case RR_CEIL: mpz_cdiv_q(q, n, d); break;
    case RR_TRUNC: mpz_tdiv_q(q, n, d); break;
    case RR_ROUND: {
        mpz_tdiv_qr(q, r, n, d);
        mpz_abs(r, r);
        mpz_mul_2exp(r, r, 1);
        int c = mpz_cmp(r, d);
        bool away = c > 0 || (c == 0 && (mode == MG_ROUND_HALF_UP || (mode == MG_ROUND_HALF_EVEN && mpz_odd_p(q))));
        if (away) {
            if (mpz_sgn(n) < 0) mpz_sub_ui(q, q, 1);
            else mpz_add_ui(q, q, 1);
        }
        break;
    }
    }
    mpz_clear(r);
    return mg_big_take(q);
}

static Value
rat_rounding(Value self, int argc, const Value *argv, RatRound kind)
{
    int64_t nd;
    int mode;
    int npos = argc > 0 && mg_kw_given() ? argc - 1 : argc;
    if (npos > 0 && !MG_IS_INTEGER(argv[0])) mg_raise(mg_eTypeError, "not an integer");   /* no to_int */
    mg_num_round_args(argc, argv, kind == RR_ROUND, &nd, &mode);
    if (argc == 0 || (argc == 1 && mg_kw_given())) return round_int(NUM(self), DEN(self), kind, mode);
    /* scale by 10**nd, round, scale back */
    Value p = mg_int_pow(MG_FIX(10), MG_FIX(nd < 0 ? -nd : nd));
    Value s = nd >= 0 ? rat_mul_v(self, p) : rat_div_v(self, p);
    Value q = round_int(NUM(s), DEN(s), kind, mode);
    if (nd >= 1) return mg_rational_new(q, p);
    if (nd == 0) return q;
    return mg_int_mul(q, p);
}

static Value
rat_floor(Value self, int argc, const Value *argv, Value blk) { UNUSED(blk); return rat_rounding(self, argc, argv, RR_FLOOR); }
static Value
rat_ceil(Value self, int argc, const Value *argv, Value blk) { UNUSED(blk); return rat_rounding(self, argc, argv, RR_CEIL); }
static Value
rat_truncate(Value self, int argc, const Value *argv, Value blk) { UNUSED(blk); return rat_rounding(self, argc, argv, RR_TRUNC); }
static Value
rat_round(Value self, int argc, const Value *argv, Value blk) { UNUSED(blk); return rat_rounding(self, argc, argv, RR_ROUND); }

/* ---- simplest rational in an interval ---- */

Value
mg_rational_walk(Value a, Value b)
{
    Value p0 = MG_FIX(0), p1 = MG_FIX(1), q0 = MG_FIX(1), q1 = MG_FIX(0), c, one = MG_FIX(1);
    ID id_ceil = mg_intern_cstr("ceil"), id_quo = mg_intern_cstr("quo");
    for (;;) {
        c = mg_funcall(a, id_ceil, 0, NULL);
        if (MG_TEST(mg_funcall(c, mg_id_lt, 1, &b))) break;
        Value k = mg_funcall(c, mg_id_minus, 1, &one);
        Value p2 = mg_funcall(mg_funcall(k, mg_id_mul, 1, &p1), mg_id_plus, 1, &p0);
        Value q2 = mg_funcall(mg_funcall(k, mg_id_mul, 1, &q1), mg_id_plus, 1, &q0);
        Value bk = mg_funcall(b, mg_id_minus, 1, &k), ak = mg_funcall(a, mg_id_minus, 1, &k);
        Value t = mg_funcall(one, id_quo, 1, &bk);
        b = mg_funcall(one, id_quo, 1, &ak);
        a = t;
        p0 = p1; q0 = q1; p1 = p2; q1 = q2;
    }
    Value p = mg_funcall(mg_funcall(c, mg_id_mul, 1, &p1), mg_id_plus, 1, &p0);
    Value q = mg_funcall(mg_funcall(c, mg_id_mul, 1, &q1), mg_id_plus, 1, &q0);
    return mg_rational_new(p, q);
}

/* As CRuby: the walk over |self| -+ |e| (in Float arithmetic for a Float e),
 * the sign put back after, so (1r/2).rationalize(3) is (-2/1) */
static Value
rat_rationalize(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    if (argc == 0) return self;
    Value e = MG_CALL0(argv[0], "abs");
    bool neg = isign(NUM(self)) < 0;
    Value x = neg ? rat_raw(ineg(NUM(self)), DEN(self)) : self;
    Value a = e == MG_FIX(0) ? x : mg_funcall(x, mg_id_minus, 1, &e);
    Value b = e == MG_FIX(0) ? x : mg_funcall(x, mg_id_plus, 1, &e);
    if (mg_equal(a, b)) return self;
    Value r = mg_rational_walk(a, b);
    return neg ? rat_raw(ineg(NUM(r)), DEN(r)) : r;
}

/* ---- parsing ---- */

static bool
is_sp(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* digits with single underscores; appends to buf; returns count */
static size_t
rdigits(const char **pp, const char *e, char *buf, size_t *n)
{
    const char *p = *pp;
    size_t cnt = 0;
    while (p < e) {
        if (*p >= '0' && *p <= '9') { buf[(*n)++] = *p++; cnt++; continue; }
        if (*p == '_' && cnt > 0 && p + 1 < e && p[1] >= '0' && p[1] <= '9') { p++; continue; }
        break;
    }
    *pp = p;
    return cnt;
}

/* One "[-]int[.frac][e[-]exp]" number as a Rational; false if none. */
static bool
read_num(const char **pp, const char *e, Value *out, bool allow_sign)
{
    const char *p = *pp;
    bool neg = false;
    if (allow_sign && p < e && (*p == '+' || *p == '-')) { neg = *p == '-'; p++; }
    size_t cap = (size_t)(e - p) + 2;
    char *buf = mg_malloc(cap);
    size_t n = 0;
    size_t ni = rdigits(&p, e, buf, &n);
    size_t nf = 0;
    /* as CRuby: a point with no digits after it ends the number there
     * ("5." and "5./2" read 5, "5.e3" has "e3" left over; "." alone is 0) */
    bool bare_point = false;
    if (p < e && *p == '.') {
        p++;
        nf = rdigits(&p, e, buf, &n);
        bare_point = nf == 0;
    } else if (ni == 0) {
        mg_free(buf, cap);
        return false;
    }
    Value num = n ? mg_int_from_digits(buf, n, 10, neg) : MG_FIX(0);
    mg_free(buf, cap);
    int64_t exp10 = -(int64_t)nf;
    if (!bare_point && p < e && (*p == 'e' || *p == 'E')) {
        const char *q = p + 1;
        bool eneg = false;
        if (q < e && (*q == '+' || *q == '-')) { eneg = *q == '-'; q++; }
        if (q < e && *q >= '0' && *q <= '9') {
            int64_t x = 0;
            while (q < e && ((*q >= '0' && *q <= '9') || (*q == '_' && q + 1 < e && q[1] >= '0' && q[1] <= '9'))) {
                if (*q != '_' && x < 100000000) x = x * 10 + (*q - '0');
                q++;
            }
            exp10 += eneg ? -x : x;
            p = q;
        }
    }
    if (exp10 >= 0) *out = rat_raw(mg_int_mul(num, mg_int_pow(MG_FIX(10), MG_FIX(exp10))), MG_FIX(1));
    else *out = mg_rational_new(num, mg_int_pow(MG_FIX(10), MG_FIX(-exp10)));
    *pp = p;
    return true;
}

Value
mg_str_to_rational(const char *s, size_t len, bool strict)
{
    const char *p = s, *e = s + len;
    while (p < e && is_sp((unsigned char)*p)) p++;
    Value a;
    if (!read_num(&p, e, &a, true)) return strict ? MG_NIL : rat_raw(MG_FIX(0), MG_FIX(1));
    if (p < e && *p == '/') {
        const char *q = p + 1;
        Value b;
        if (read_num(&q, e, &b, false)) {
            if (NUM(b) == MG_FIX(0)) mg_raise(mg_eZeroDivisionError, "divided by 0");
            a = rat_div_v(a, b);
            p = q;
        } else if (strict) {
            return MG_NIL;
        }
    }
    if (strict) {
        while (p < e && is_sp((unsigned char)*p)) p++;
        if (p < e) return MG_NIL;
    }
    return a;
}

/* ---- Kernel#Rational ---- */

static Value
str_to_rat_strict(Value str)
{
    return mg_str_to_rational(mg_str_ptr(str), (size_t)mg_str_len(str), true);
}

static Value call_to_r(Value v) { return MG_CALL0(v, "to_r"); }
static Value call_to_int(Value v) { return mg_funcall(v, mg_id_to_int, 0, NULL); }

static Value
rat_convert1(Value v, bool raise, bool *fail)
{
    if (MG_IS_INTEGER(v)) return rat_raw(v, MG_FIX(1));
    if (is_rat(v)) return v;
    if (MG_IS_FLOAT(v)) return MG_CALL0(v, "to_r");
    if (MG_IS_STRING(v)) {
        /* "1/0" raises ZeroDivisionError, or answers nil for exception: false */
        Value r = raise ? str_to_rat_strict(v) : mg_protect(str_to_rat_strict, v, NULL);
        if (r == MG_UNDEF) { *fail = true; return MG_NIL; }
        if (r == MG_NIL) {
            if (!raise) { *fail = true; return MG_NIL; }
            mg_raise(mg_eArgumentError, "invalid value for convert(): %s", mg_str_cstr(mg_str_inspect(v)));
        }
        return r;
    }
    if (MG_IS_PTR(v) && mg_class_of(v) == mg_cComplex) {
        Value im = MG_CALL0(v, "imaginary");
        if (MG_IS_INTEGER(im) && im == MG_FIX(0)) return rat_convert1(MG_CALL0(v, "real"), raise, fail);
        if (!raise) { *fail = true; return MG_NIL; }
        mg_raise(mg_eRangeError, "can't convert %s into Rational", mg_str_cstr(mg_to_s(v)));
    }
    if (v != MG_NIL && MG_IS_PTR(v) && mg_respond_to(v, mg_intern_cstr("to_r"), true)) {
        /* to_r must give a Rational (rb_convert_type); with exception: false its error is nil */
        Value r = raise ? MG_CALL0(v, "to_r") : mg_protect(call_to_r, v, NULL);
        if (is_rat(r)) return r;
        if (!raise) { *fail = true; return MG_NIL; }
        const char *cn = mg_class_cname(mg_obj_class(v));
        mg_raise(mg_eTypeError, "can't convert %s to Rational (%s#to_r gives %s)", cn, cn, mg_class_cname(mg_obj_class(r)));
    }
    if (MG_IS_PTR(v) && mg_respond_to(v, mg_id_to_int, true)) {     /* without to_r, an Integer by to_int */
        Value i = mg_protect(call_to_int, v, NULL);
        if (MG_IS_INTEGER(i)) return rat_raw(i, MG_FIX(1));
    }
    if (!raise) { *fail = true; return MG_NIL; }
    mg_raise(mg_eTypeError, "can't convert %s into Rational", mg_builtin_class_name(v));
}

static Value
kernel_Rational(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(blk);
    bool raise = true;
    if (mg_kw_given()) {
        raise = mg_num_exception_kwarg(argv[argc - 1]);
        argc--;
    }
    if (argc < 1 || argc > 2) mg_raise_argc(argc, 1, 2);
    bool fail = false;
    Value a = rat_convert1(argv[0], raise, &fail);
    if (fail) return MG_NIL;
    if (argc == 1) return a;
    Value b = rat_convert1(argv[1], raise, &fail);
    if (fail) return MG_NIL;
    if (NUM(b) == MG_FIX(0)) {
        if (!raise) return MG_NIL;
        mg_raise(mg_eZeroDivisionError, "divided by 0");
    }
    Value r = rat_div_v(a, b);
    return r;
}

static const MgMethodDef rational_methods[] = {
    {"+", rat_plus, 1, 1},
    {"-", rat_minus, 1, 1},
    {"*", rat_mul, 1, 1},
    {"/", rat_div, 1, 1},
    {"quo", rat_div, 1, 1},
    {"fdiv", rat_fdiv, 1, 1},
    {"**", rat_pow, 1, 1},
    {"-@", rat_uminus, 0, 0},
    {"abs", rat_abs, 0, 0},
    {"magnitude", rat_abs, 0, 0},
    {"<=>", rat_cmp, 1, 1},
    {"==", rat_eq, 1, 1},
    {"hash", rat_hash, 0, 0},
    {"coerce", rat_coerce, 1, 1},
    {"numerator", rat_numerator, 0, 0},
    {"denominator", rat_denominator, 0, 0},
    {"to_f", rat_to_f, 0, 0},
    {"to_r", rat_to_r, 0, 0},
    {"to_i", rat_truncate, 0, 0},
    {"positive?", rat_positive_p, 0, 0},
    {"negative?", rat_negative_p, 0, 0},
    {"zero?", rat_zero_p, 0, 0},
    {"to_s", rat_to_s, 0, 0},
    {"inspect", rat_inspect, 0, 0},
    {"floor", rat_floor, 0, 1},
    {"ceil", rat_ceil, 0, 1},
    {"truncate", rat_truncate, 0, 1},
    {"round", rat_round, 0, 2},
    {"rationalize", rat_rationalize, 0, 1},
    {NULL, NULL, 0, 0}
};

/* String#to_r: the rational at the start of the string ("1/3", "0.75",
 * "1e2", " 2/3x"), 0/1 when there is none. */
static Value
str_to_r(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return mg_str_to_rational(mg_str_ptr(self), (size_t)mg_str_len(self), false);
}

void
mg_init_rational(void)
{
    static bool done;
    if (done) return;
    done = true;
    mg_store_register_data(&rational_type);
    mg_define_methods(mg_cRational, rational_methods);
    mg_method_undef(mg_singleton_class(MG_VAL(mg_cRational)), mg_id_new);
    mg_method_undef(mg_singleton_class(MG_VAL(mg_cRational)), mg_id_allocate);
    mg_define_module_function(mg_mKernel, "Rational", kernel_Rational, 0, -1);   /* it checks 1..2 without the keywords */
    mg_define_method(mg_cString, "to_r", str_to_r, 0, 0);
}
