/* complex.c -- Complex: a T_DATA pair (real, imaginary) of real Numerics kept
 * as given (Complex(1, 2) stays exact), arithmetic through the components'
 * own operators, polar forms, "1+2i" formatting and parsing, Kernel#Complex. */
#include "bignum.h"
#include "../store/store.h"

#include <math.h>

typedef struct { Value re, im; } CpxBody;

static void
cpx_mark(void *p)
{
    CpxBody *c = p;
    mg_gc_mark(c->re);
    mg_gc_mark(c->im);
}

/* Committed as two references: re, im. */
static void
cpx_encode(const void *p, MgBuf *b)
{
    const CpxBody *x = p;
    mg_rec_put_ref(b, x->re);
    mg_rec_put_ref(b, x->im);
}

static void
cpx_decode(void *p, bool in_slot, MgRd *r)      /* the parts are real numbers: Integer, Float or Rational */
{
    UNUSED(in_slot);
    CpxBody *x = p;
    x->re = mg_rec_get_ref(r);
    x->im = mg_rec_get_ref(r);
}

static void
cpx_each_ref(const void *p, void (*fn)(Value, void *), void *arg)
{
    const CpxBody *x = p;
    fn(x->re, arg);
    fn(x->im, arg);
}

static const MgDataPersist complex_persist = {
    .tag = "Complex", .size = sizeof(CpxBody), .encode = cpx_encode, .decode = cpx_decode, .each_ref = cpx_each_ref,
};
static const DataType complex_type = { "complex", cpx_mark, NULL, NULL, &complex_persist };

static inline bool
is_cpx(Value v)
{
    return MG_IS_TYPE(v, T_DATA) && mg_data_get(v, &complex_type) != NULL;
}

#define RE(v) (((CpxBody *)mg_data_get((v), &complex_type))->re)
#define IM(v) (((CpxBody *)mg_data_get((v), &complex_type))->im)

static bool
is_real(Value v)
{
    if (MG_IS_INTEGER(v) || MG_IS_FLOAT(v)) return true;
    if (!MG_IS_PTR(v) || is_cpx(v)) return false;
    return mg_obj_is_kind_of(v, mg_cNumeric) && MG_TEST(MG_CALL0(v, "real?"));
}

static Value
cpx_raw(Value re, Value im)
{
    void *p;
    Value c = mg_data_new_inline(mg_cComplex, &complex_type, sizeof(CpxBody), &p);
    ((CpxBody *)p)->re = re;
    ((CpxBody *)p)->im = im;
    MG_OBJ(c)->flags |= OF_FROZEN;
    return c;
}

Value
mg_complex_new(Value re, Value im)
{
    if (!is_real(re) || !is_real(im)) mg_raise(mg_eTypeError, "not a real");
    return cpx_raw(re, im);
}

/* ---- component arithmetic ----
 * Through the parts' own operators, with the shortcuts CRuby's complex.c
 * takes for an exact 0 and 1, which decide the type and the sign of zero
 * of a result: 0 + -0.0 is -0.0 (the 0 is dropped, not added), 2 * 1r is 2,
 * 0 * 3 is 0 whatever the other part is. */

static Value quo(Value a, Value b) { return mg_funcall(a, mg_intern_cstr("quo"), 1, &b); }
static Value neg(Value a) { return mg_funcall(a, mg_id_uminus, 0, NULL); }
static bool eq(Value a, Value b) { return mg_equal(a, b); }

static Value
add(Value a, Value b)
{
    if (MG_IS_INTEGER(a) && a == MG_FIX(0)) return b;
    if ((MG_IS_INTEGER(a) || MG_IS_FLOAT(a) || mg_class_of(a) == mg_cRational) && b == MG_FIX(0)) return a;
    return mg_funcall(a, mg_id_plus, 1, &b);
}

static Value
sub(Value a, Value b)
{
    if (b == MG_FIX(0)) return a;
    return mg_funcall(a, mg_id_minus, 1, &b);
}

static Value
mul(Value a, Value b)
{
    if ((b == MG_FIX(0) && MG_IS_INTEGER(a)) || (a == MG_FIX(0) && MG_IS_INTEGER(b))) return MG_FIX(0);
    if (b == MG_FIX(1)) return a;
    if (a == MG_FIX(1)) return b;
    return mg_funcall(a, mg_id_mul, 1, &b);
}

static bool
is_zero(Value v)
{
    if (MG_IS_FLOAT(v)) return mg_float_value(v) == 0.0;
    if (MG_IS_INTEGER(v)) return v == MG_FIX(0);
    return eq(v, MG_FIX(0));
}

/* 0, 0r, Complex(0, 0.0): zero and not a Float */
static bool
exact_zero(Value v)
{
    return !MG_IS_FLOAT(v) && is_zero(v);
}

/* One product of a part of x by a part of y, where az/bz say whether each
 * part is zero: a finite or infinite Float times a zero counts as its sign
 * times that zero, so (Infinity+1i) * 3 has no NaN in it. */
static Value
safe_mul(Value a, Value b, bool az, bool bz)
{
    if (!az && bz && MG_IS_FLOAT(a) && !isnan(mg_float_value(a)))
        a = mg_float_new(signbit(mg_float_value(a)) ? -1.0 : 1.0);
    if (!bz && az && MG_IS_FLOAT(b) && !isnan(mg_float_value(b)))
        b = mg_float_new(signbit(mg_float_value(b)) ? -1.0 : 1.0);
    return mul(a, b);
}

static void
comp_mul(Value ar, Value ai, Value br, Value bi, Value *re, Value *im)
{
    bool arz = is_zero(ar), aiz = is_zero(ai), brz = is_zero(br), biz = is_zero(bi);
    *re = sub(safe_mul(ar, br, arz, brz), safe_mul(ai, bi, aiz, biz));
    *im = add(safe_mul(ar, bi, arz, biz), safe_mul(ai, br, aiz, brz));
}

static bool
is_rational(Value v)
{
    return MG_IS_PTR(v) && mg_class_of(v) == mg_cRational;
}

/* A Rational with denominator 1 becomes its Integer (CRuby's canonicalization
 * of exact quotients): Complex(1, 2) / Complex(1, 2) is (1+0i). */
static Value
canon(Value v)
{
    if (is_rational(v) && MG_CALL0(v, "denominator") == MG_FIX(1)) return MG_CALL0(v, "numerator");
    return v;
}

/* Complex.polar(r, theta) for real r and theta: a zero radius or angle gives
 * (r, 0.0), the angles pi and pi/2 give exact parts. */
static Value
cpx_polar_v(Value r, Value theta)
{
    if (is_zero(r) || is_zero(theta)) return cpx_raw(r, mg_float_new(0.0));
    if (MG_IS_FLOAT(theta)) {
        double t = mg_float_value(theta);
        if (t == M_PI) return cpx_raw(neg(r), mg_float_new(0.0));
        if (t == M_PI_2) return cpx_raw(mg_float_new(0.0), r);
        if (MG_IS_FLOAT(r)) {
            double a = mg_float_value(r);
            return cpx_raw(mg_float_new(a * cos(t)), mg_float_new(a * sin(t)));
        }
        Value im = mul(r, mg_float_new(sin(t)));
        return cpx_raw(mul(r, mg_float_new(cos(t))), im);
    }
    double t = mg_num2dbl(theta);
    return cpx_raw(mul(r, mg_float_new(cos(t))), mul(r, mg_float_new(sin(t))));
}

#define CPX_ARGS Value self, int argc, const Value *argv, Value blk
#define CPX_UNUSED UNUSED(argc); UNUSED(argv); UNUSED(blk)

static Value
cpx_plus(CPX_ARGS)
{
    CPX_UNUSED;
    Value y = argv[0];
    if (is_cpx(y)) return cpx_raw(add(RE(self), RE(y)), add(IM(self), IM(y)));
    if (is_real(y)) return cpx_raw(add(RE(self), y), IM(self));
    return mg_num_coerce_bin(self, y, mg_id_plus);
}

static Value
cpx_minus(CPX_ARGS)
{
    CPX_UNUSED;
    Value y = argv[0];
    if (is_cpx(y)) return cpx_raw(sub(RE(self), RE(y)), sub(IM(self), IM(y)));
    if (is_real(y)) return cpx_raw(sub(RE(self), y), IM(self));
    return mg_num_coerce_bin(self, y, mg_id_minus);
}

static Value
cpx_mul_v(Value x, Value y)
{
    if (is_cpx(y)) {
        Value re, im;
        comp_mul(RE(x), IM(x), RE(y), IM(y), &re, &im);
        return cpx_raw(re, im);
    }
    return cpx_raw(mul(RE(x), y), mul(IM(x), y));
}

static Value
cpx_mul(CPX_ARGS)
{
    CPX_UNUSED;
    Value y = argv[0];
    if (is_cpx(y) || is_real(y)) return cpx_mul_v(self, y);
    return mg_num_coerce_bin(self, y, mg_id_mul);
}

/* Integer#+ and Integer#* of a Fixnum and a Complex: the Complex's own
 * operator with the operands swapped, as in CRuby (2 * Complex(1r/2, 3) is
 * ((1/1)+6i), where the coercion to Complex(2, 0) would make the 6 (6/1)). */
Value
mg_complex_plus_int(Value c, Value i)
{
    return cpx_raw(add(RE(c), i), IM(c));
}

Value
mg_complex_mul_int(Value c, Value i)
{
    return cpx_mul_v(c, i);
}

typedef Value (*DivFn)(Value, Value);

static Value part_fdiv(Value a, Value b) { return mg_funcall(a, mg_intern_cstr("fdiv"), 1, &b); }

static bool
gt(Value a, Value b)
{
    return MG_TEST(mg_funcall(a, mg_intern_cstr(">"), 1, &b));
}

static Value
part_abs(Value v)
{
    return MG_CALL0(v, "abs");
}

/* x / y with div as the parts' division (quo for / and quo, fdiv for fdiv):
 * Smith's method, the ratio of y's smaller part to its larger one keeps the
 * intermediate values in range. Exact quotients are canonicalized. */
static Value
cpx_divide(Value x, Value y, DivFn div)
{
    if (is_cpx(y)) {
        Value a = RE(x), b = IM(x), c = RE(y), d = IM(y), r, n, re, im;
        bool flo = MG_IS_FLOAT(a) || MG_IS_FLOAT(b) || MG_IS_FLOAT(c) || MG_IS_FLOAT(d);
        if (gt(part_abs(c), part_abs(d))) {
            r = div(d, c);
            n = mul(c, add(MG_FIX(1), mul(r, r)));
            re = div(add(a, mul(b, r)), n);
            im = div(sub(b, mul(a, r)), n);
        } else {
            r = div(c, d);
            n = mul(d, add(MG_FIX(1), mul(r, r)));
            re = div(add(mul(a, r), b), n);
            im = div(sub(mul(b, r), a), n);
        }
        if (!flo) { re = canon(re); im = canon(im); }
        return cpx_raw(re, im);
    }
    Value re = canon(div(RE(x), y));
    return cpx_raw(re, canon(div(IM(x), y)));
}

static Value
cpx_div(CPX_ARGS)
{
    CPX_UNUSED;
    Value y = argv[0];
    if (is_cpx(y) || is_real(y)) return cpx_divide(self, y, quo);
    return mg_num_coerce_bin(self, y, mg_id_div);
}

static Value
cpx_fdiv(CPX_ARGS)
{
    CPX_UNUSED;
    Value y = argv[0];
    if (is_cpx(y) || is_real(y)) return cpx_divide(self, y, part_fdiv);
    return mg_num_coerce_bin(self, y, mg_intern_cstr("fdiv"));
}

/* |x|: exact when a part is zero (Complex(3, 0).abs is 3), a Float if either part is */
static Value
cpx_abs_v(Value x)
{
    Value re = RE(x), im = IM(x);
    if (is_zero(re)) {
        Value a = part_abs(im);
        return MG_IS_FLOAT(re) && !MG_IS_FLOAT(im) ? MG_CALL0(a, "to_f") : a;
    }
    if (is_zero(im)) {
        Value a = part_abs(re);
        return !MG_IS_FLOAT(re) && MG_IS_FLOAT(im) ? MG_CALL0(a, "to_f") : a;
    }
    return mg_float_new(hypot(mg_num2dbl(re), mg_num2dbl(im)));
}

static Value
cpx_arg_v(Value x)
{
    return mg_float_new(atan2(mg_num2dbl(IM(x)), mg_num2dbl(RE(x))));
}

static Value
real_log(Value v)
{
    return MG_CALL1(mg_const_get(mg_cObject, mg_intern_cstr("Math")), "log", v);
}

static Value
real_exp(Value v)
{
    return MG_CALL1(mg_const_get(mg_cObject, mg_intern_cstr("Math")), "exp", v);
}

/* x ** n for a Fixnum n > 0: the parts' own powers when one part is zero,
 * else binary powering (squaring by the parts, multiplying by comp_mul). */
static Value
pow_fixnum(Value x, int64_t n)
{
    Value xr = RE(x), xi = IM(x), zr = xr, zi = xi;
    if (is_zero(xi)) {
        Value e = MG_FIX(n);
        return cpx_raw(mg_funcall(zr, mg_id_pow, 1, &e), zi);
    }
    if (is_zero(xr)) {
        Value e = MG_FIX(n);
        zi = mg_funcall(zi, mg_id_pow, 1, &e);
        if (n & 2) zi = neg(zi);
        if (!(n & 1)) { Value t = zr; zr = zi; zi = t; }
        return cpx_raw(zr, zi);
    }
    while (--n) {
        for (; n % 2 == 0; n /= 2) {
            Value t = sub(mul(xr, xr), mul(xi, xi));
            xi = mul(mul(MG_FIX(2), xr), xi);
            xr = t;
        }
        comp_mul(zr, zi, xr, xi, &zr, &zi);
    }
    return cpx_raw(zr, zi);
}

static Value
cpx_pow(CPX_ARGS)
{
    CPX_UNUSED;
    Value y = argv[0];
    /* an exact zero (Complex(0, 0.0) too, which is no Float) gives exact 1 */
    if (mg_obj_is_kind_of(y, mg_cNumeric) && exact_zero(y)) return cpx_raw(MG_FIX(1), MG_FIX(0));
    y = canon(y);
    if (is_cpx(y) && exact_zero(IM(y))) y = RE(y);
    if (y == MG_FIX(1)) return cpx_raw(RE(self), IM(self));
    if (is_cpx(y)) {
        Value r = cpx_abs_v(self), theta = cpx_arg_v(self), c = RE(y), d = IM(y);
        Value nr = real_exp(sub(mul(c, real_log(r)), mul(d, theta)));
        Value nt = add(mul(theta, c), mul(d, real_log(r)));
        return cpx_polar_v(nr, nt);
    }
    if (MG_IS_FIXNUM(y)) {
        int64_t n = MG_FIX2LONG(y);
        Value x = self;
        if (n < 0) {
            x = cpx_divide(cpx_raw(mg_rational_new(MG_FIX(1), MG_FIX(1)), MG_FIX(0)), self, quo);
            n = -n;
        }
        return pow_fixnum(x, n);
    }
    if (is_real(y)) {
        /* a Bignum exponent goes the polar (Float) way too: squaring 2**70
         * times would exhaust memory */
        if (MG_IS_BIGNUM(y)) mg_warn_caller(NULL, "in a**b, b may be too big");
        Value r = cpx_abs_v(self), theta = cpx_arg_v(self);
        Value rr = mg_funcall(r, mg_id_pow, 1, &y);
        return cpx_polar_v(rr, mul(theta, y));
    }
    return mg_num_coerce_bin(self, y, mg_id_pow);
}

static Value
cpx_uminus(CPX_ARGS) { CPX_UNUSED; return cpx_raw(neg(RE(self)), neg(IM(self))); }

static Value
cpx_eq(CPX_ARGS)
{
    CPX_UNUSED;
    Value y = argv[0];
    if (is_cpx(y)) return MG_BOOL(eq(RE(self), RE(y)) && eq(IM(self), IM(y)));
    if (is_real(y)) return MG_BOOL(eq(RE(self), y) && is_zero(IM(self)));
    return MG_BOOL(MG_TEST(mg_funcall(y, mg_id_eq, 1, &self)));
}

/* A Complex with a zero imaginary part (0.0 too) compares by its real part */
static Value
cpx_cmp(CPX_ARGS)
{
    CPX_UNUSED;
    Value y = argv[0];
    if (!mg_obj_is_kind_of(y, mg_cNumeric) || !is_zero(IM(self))) return MG_NIL;   /* 3.1 coerces no non-Numeric */
    if (is_cpx(y)) return is_zero(IM(y)) ? mg_funcall(RE(self), mg_id_cmp, 1, &RE(y)) : MG_NIL;
    if (is_real(y)) return mg_funcall(RE(self), mg_id_cmp, 1, &y);
    return mg_num_coerce_cmp(RE(self), y, mg_id_cmp);
}

static Value
cpx_abs(CPX_ARGS) { CPX_UNUSED; return cpx_abs_v(self); }

static Value
cpx_abs2(CPX_ARGS)
{
    CPX_UNUSED;
    return add(mul(RE(self), RE(self)), mul(IM(self), IM(self)));
}

static Value
cpx_arg(CPX_ARGS) { CPX_UNUSED; return cpx_arg_v(self); }

static Value
cpx_polar(CPX_ARGS)
{
    CPX_UNUSED;
    Value a = cpx_abs_v(self);
    return mg_ary_new_from(2, (Value[]){a, cpx_arg_v(self)});
}

static Value
cpx_rect(CPX_ARGS) { CPX_UNUSED; return mg_ary_new_from(2, (Value[]){RE(self), IM(self)}); }
static Value
cpx_real(CPX_ARGS) { CPX_UNUSED; return RE(self); }
static Value
cpx_imag(CPX_ARGS) { CPX_UNUSED; return IM(self); }
static Value
cpx_conj(CPX_ARGS) { CPX_UNUSED; return cpx_raw(RE(self), neg(IM(self))); }
static Value
cpx_false(CPX_ARGS) { UNUSED(self); CPX_UNUSED; return MG_FALSE; }
static Value
cpx_self(CPX_ARGS) { CPX_UNUSED; return self; }

static Value
cpx_finite_p(CPX_ARGS)
{
    CPX_UNUSED;
    bool f = MG_TEST(MG_CALL0(RE(self), "finite?")) && MG_TEST(MG_CALL0(IM(self), "finite?"));
    return MG_BOOL(f);
}

static Value
cpx_infinite_p(CPX_ARGS)
{
    CPX_UNUSED;
    if (MG_TEST(MG_CALL0(RE(self), "infinite?")) || MG_TEST(MG_CALL0(IM(self), "infinite?"))) return MG_FIX(1);
    return MG_NIL;
}

static Value
cpx_hash(CPX_ARGS)
{
    CPX_UNUSED;
    uint64_t h = mg_hash_mix(mg_hash_value(RE(self)) * 31 + mg_hash_value(IM(self)) + 0x51ed);
    return MG_FIX((int64_t)(h >> 2));
}

static Value
cpx_eql(CPX_ARGS)
{
    CPX_UNUSED;
    Value y = argv[0];
    return MG_BOOL(is_cpx(y) && mg_eql(RE(self), RE(y)) && mg_eql(IM(self), IM(y)));
}

static Value
cpx_coerce(CPX_ARGS)
{
    CPX_UNUSED;
    Value y = argv[0];
    if (is_cpx(y)) return mg_ary_new_from(2, (Value[]){y, self});
    if (is_real(y)) return mg_ary_new_from(2, (Value[]){cpx_raw(y, MG_FIX(0)), self});
    mg_raise(mg_eTypeError, "%s can't be coerced into Complex", mg_class_cname(mg_obj_class(y)));
}

static NORETURN void
cant_convert(Value self, const char *to)
{
    mg_raise(mg_eRangeError, "can't convert %s into %s", mg_str_cstr(mg_to_s(self)), to);
}

static Value
cpx_to_f(CPX_ARGS)
{
    CPX_UNUSED;
    if (!exact_zero(IM(self))) cant_convert(self, "Float");
    return MG_CALL0(RE(self), "to_f");
}

static Value
cpx_to_i(CPX_ARGS)
{
    CPX_UNUSED;
    if (!exact_zero(IM(self))) cant_convert(self, "Integer");
    return MG_CALL0(RE(self), "to_i");
}

static Value
cpx_to_r(CPX_ARGS)
{
    CPX_UNUSED;
    if (!exact_zero(IM(self))) cant_convert(self, "Rational");
    return MG_CALL0(RE(self), "to_r");
}

static Value
cpx_rationalize(CPX_ARGS)
{
    CPX_UNUSED;
    if (!exact_zero(IM(self))) cant_convert(self, "Rational");
    return mg_funcall(RE(self), mg_intern_cstr("rationalize"), argc, argv);
}

/* Complex#denominator: the lcm of the parts' denominators; #numerator: the
 * parts over that common denominator. */
static Value
cpx_denominator(CPX_ARGS)
{
    CPX_UNUSED;
    return MG_CALL1(MG_CALL0(RE(self), "denominator"), "lcm", MG_CALL0(IM(self), "denominator"));
}

static Value
cpx_numerator(CPX_ARGS)
{
    CPX_UNUSED;
    Value cd = cpx_denominator(self, 0, NULL, MG_NIL);
    Value re = RE(self), im = IM(self);
    Value nre = MG_CALL1(MG_CALL0(re, "numerator"), "*", MG_CALL1(cd, "/", MG_CALL0(re, "denominator")));
    Value nim = MG_CALL1(MG_CALL0(im, "numerator"), "*", MG_CALL1(cd, "/", MG_CALL0(im, "denominator")));
    return mg_complex_new(nre, nim);
}

static bool
positive_sign(Value v)
{
    if (MG_IS_FLOAT(v)) { double d = mg_float_value(v); return isnan(d) || !signbit(d); }
    return !MG_TEST(MG_CALL0(v, "negative?"));
}

static Value
format(Value self, bool insp)
{
    Value (*f)(Value) = insp ? mg_inspect : mg_to_s;
    Value s = mg_str_dup(f(RE(self)));
    mg_str_cat(s, positive_sign(IM(self)) ? "+" : "-", 1);
    Value im = IM(self);
    Value a = MG_IS_FLOAT(im) ? mg_float_new(fabs(mg_float_value(im))) : MG_CALL0(im, "abs");
    mg_str_append(s, f(a));
    int64_t n = mg_str_len(s);
    char last = mg_str_ptr(s)[n - 1];
    if (!(last >= '0' && last <= '9')) mg_str_cat(s, "*", 1);
    return mg_str_cat(s, "i", 1);
}

static Value
cpx_to_s(CPX_ARGS) { CPX_UNUSED; return format(self, false); }

static Value
cpx_inspect(CPX_ARGS)
{
    CPX_UNUSED;
    Value s = mg_str_new("(", 1);
    mg_str_append(s, format(self, true));
    return mg_str_cat(s, ")", 1);
}

/* ---- construction ---- */

static Value
cpx_s_rect(CPX_ARGS)
{
    UNUSED(self); UNUSED(blk);
    Value re = argv[0], im = argc > 1 ? argv[1] : MG_FIX(0);
    return mg_complex_new(re, im);
}

static Value
cpx_s_polar(CPX_ARGS)
{
    UNUSED(self); UNUSED(blk);
    if (!is_real(argv[0]) || (argc > 1 && !is_real(argv[1]))) mg_raise(mg_eTypeError, "not a real");
    if (argc == 1) return cpx_raw(argv[0], MG_FIX(0));
    return cpx_polar_v(argv[0], argv[1]);
}

/* ---- parsing: String#to_c and Complex("...") ----
 * A number is [sign] digits [. digits] [e [sign] digits] [/ digits] (digits
 * may be split by single underscores); a complex number is "i", a number,
 * a number then "i", number@number (polar), or number sign number "i", where
 * an imaginary unit is any of i I j J and a lone sign before it means 1.
 * The scanner copies what it accepts without underscores into a buffer and
 * converts each number from there, so a number cut short ("1.", "1e+")
 * converts what was read of it, as String#to_c does. */

typedef struct {
    const char *p, *e;      /* the input left */
    char *buf;              /* the accepted characters of the current number */
    size_t n;
    bool strict;            /* Complex(): an underscore must sit between digits */
} CpxScan;

static int
cur(const CpxScan *s)
{
    return s->p < s->e ? (unsigned char)*s->p : 0;
}

static bool is_digit(int c) { return c >= '0' && c <= '9'; }
static bool is_unit(int c) { return c == 'i' || c == 'I' || c == 'j' || c == 'J'; }
static bool is_space(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static int
scan_sign(CpxScan *s)
{
    int c = cur(s);
    if (c != '+' && c != '-') return 0;
    s->buf[s->n++] = (char)c;
    s->p++;
    return c;
}

static bool
scan_digits(CpxScan *s)
{
    if (!is_digit(cur(s))) return false;
    bool us = true;         /* the last character was an underscore (or none yet) */
    while (is_digit(cur(s)) || cur(s) == '_') {
        if (cur(s) == '_') {
            if (s->strict && us) return false;
            us = true;
        } else {
            s->buf[s->n++] = *s->p;
            us = false;
        }
        s->p++;
    }
    if (us) while (s->p[-1] == '_') s->p--;     /* a trailing underscore is not part of it */
    return true;
}

/* digits [. digits] [e [sign] digits]; false when cut short */
static bool
scan_num(CpxScan *s)
{
    if (cur(s) != '.' && !scan_digits(s)) return false;
    if (cur(s) == '.') {
        s->buf[s->n++] = '.';
        s->p++;
        if (!scan_digits(s)) { s->n--; return false; }
    }
    if (cur(s) == 'e' || cur(s) == 'E') {
        s->buf[s->n++] = *s->p++;
        scan_sign(s);
        if (!scan_digits(s)) { s->n--; return false; }
    }
    return true;
}

static bool
scan_rat(CpxScan *s)
{
    if (!scan_num(s)) return false;
    if (cur(s) == '/') {
        s->buf[s->n++] = '/';
        s->p++;
        if (!scan_digits(s)) { s->n--; return false; }
    }
    return true;
}

/* The number in buf[from..n) (which may end in a sign or an 'e' when cut short) */
static Value
scanned_num(CpxScan *s, size_t from)
{
    const char *b = s->buf + from;
    size_t len = s->n - from;
    if (memchr(b, '/', len)) return mg_str_to_rational(b, len, false);
    if (memchr(b, '.', len) || memchr(b, 'e', len) || memchr(b, 'E', len)) {
        bool ok;
        return mg_float_new(mg_str_to_dbl(b, len, false, &ok));
    }
    return mg_str_to_inum(b, len, 10, false);
}

/* Sets *out to the complex number read; false when the text is not one
 * complete number (*out is then what was read of it). */
static bool
scan_comp(CpxScan *s, Value *out)
{
    size_t from = s->n;
    int sign = scan_sign(s);
    if (is_unit(cur(s))) {
        s->p++;
        *out = cpx_raw(MG_FIX(0), MG_FIX(sign == '-' ? -1 : 1));
        return true;
    }
    bool whole = scan_rat(s);
    Value num = scanned_num(s, from);
    if (!whole) { *out = cpx_raw(num, MG_FIX(0)); return false; }
    if (is_unit(cur(s))) {
        s->p++;
        *out = cpx_raw(MG_FIX(0), num);
        return true;
    }
    if (cur(s) == '@') {
        s->p++;
        from = s->n;
        scan_sign(s);
        whole = scan_rat(s);
        if (s->n == from || !is_digit((unsigned char)s->buf[s->n - 1])) {
            *out = cpx_raw(num, MG_FIX(0));
            return false;
        }
        *out = cpx_polar_v(num, scanned_num(s, from));
        return whole;
    }
    if (cur(s) == '+' || cur(s) == '-') {
        from = s->n;
        sign = scan_sign(s);
        Value im;
        if (is_unit(cur(s))) {
            im = MG_FIX(sign == '-' ? -1 : 1);
        } else {
            if (!scan_rat(s)) { *out = cpx_raw(num, MG_FIX(0)); return false; }
            im = scanned_num(s, from);
        }
        if (!is_unit(cur(s))) { *out = cpx_raw(num, MG_FIX(0)); return false; }
        s->p++;
        *out = cpx_raw(num, im);
        return true;
    }
    *out = cpx_raw(num, MG_FIX(0));
    return true;
}

/* Strict: the whole string (blanks around it aside) must be a number;
 * returns MG_NIL when it is not. Else the number at its start, 0 if none.
 * Either way the text ends at a NUL, as a C string does. */
static Value
parse_complex(Value str, bool strict)
{
    const char *p = mg_str_ptr(str);
    size_t len = (size_t)mg_str_len(str);
    const char *nul = memchr(p, '\0', len);
    CpxScan s = { p, nul ? nul : p + len, NULL, 0, strict };
    size_t cap = len + 1;
    s.buf = mg_malloc(cap);
    while (is_space(cur(&s))) s.p++;
    Value c;
    bool ok = scan_comp(&s, &c);
    mg_free(s.buf, cap);
    if (!strict) return c;
    while (is_space(cur(&s))) s.p++;
    return ok && s.p == s.e ? c : MG_NIL;
}

static Value
str_to_c(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return parse_complex(self, false);
}

/* Complex("...") */
static Value
str_to_c_strict(Value str, bool raise)
{
    if (memchr(mg_str_ptr(str), '\0', (size_t)mg_str_len(str))) {
        if (!raise) return MG_NIL;
        mg_raise(mg_eArgumentError, "string contains null byte");
    }
    Value c = parse_complex(str, true);
    if (c == MG_NIL && raise)
        mg_raise(mg_eArgumentError, "invalid value for convert(): %s", mg_str_cstr(mg_str_inspect(str)));
    return c;
}

/* v.to_c, which must be a Complex (rb_convert_type's rules) */
static Value
to_complex(Value v)
{
    if (!mg_respond_to(v, mg_intern_cstr("to_c"), true))
        mg_raise(mg_eTypeError, "can't convert %s into Complex", mg_builtin_class_name(v));
    Value c = MG_CALL0(v, "to_c");
    if (!is_cpx(c)) {
        const char *cn = mg_class_cname(mg_obj_class(v));
        mg_raise(mg_eTypeError, "can't convert %s to Complex (%s#to_c gives %s)", cn, cn, mg_class_cname(mg_obj_class(c)));
    }
    return c;
}

static Value
kernel_Complex(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(blk);
    bool raise = true;
    if (mg_kw_given()) {
        raise = mg_num_exception_kwarg(argv[argc - 1]);
        argc--;
    }
    if (argc < 1 || argc > 2) mg_raise_argc(argc, 1, 2);
    Value a = argv[0], b = argc == 2 ? argv[1] : MG_UNDEF;
    if (a == MG_NIL || b == MG_NIL) {
        if (!raise) return MG_NIL;
        mg_raise(mg_eTypeError, "can't convert nil into Complex");
    }
    if (MG_IS_STRING(a) && (a = str_to_c_strict(a, raise)) == MG_NIL) return MG_NIL;
    if (b != MG_UNDEF && MG_IS_STRING(b) && (b = str_to_c_strict(b, raise)) == MG_NIL) return MG_NIL;
    if (is_cpx(a) && exact_zero(IM(a))) a = RE(a);
    if (b != MG_UNDEF && is_cpx(b) && exact_zero(IM(b))) b = RE(b);
    if (is_cpx(a) && (b == MG_UNDEF || exact_zero(b))) return a;
    bool anum = mg_obj_is_kind_of(a, mg_cNumeric);
    if (b == MG_UNDEF) {
        if (is_cpx(a)) return a;
        if (!anum) {
            if (raise) return to_complex(a);
            Value c = mg_protect(to_complex, a, NULL);
            return c == MG_UNDEF ? MG_NIL : c;
        }
        b = MG_FIX(0);
    } else if (anum && mg_obj_is_kind_of(b, mg_cNumeric) && (is_cpx(a) || is_cpx(b))) {
        /* a + b*i */
        Value bi = mul(b, cpx_raw(MG_FIX(0), MG_FIX(1)));
        return mg_funcall(a, mg_id_plus, 1, &bi);
    }
    return mg_complex_new(a, b);
}

static const MgMethodDef complex_methods[] = {
    {"+", cpx_plus, 1, 1},
    {"-", cpx_minus, 1, 1},
    {"*", cpx_mul, 1, 1},
    {"/", cpx_div, 1, 1},
    {"quo", cpx_div, 1, 1},
    {"fdiv", cpx_fdiv, 1, 1},
    {"**", cpx_pow, 1, 1},
    {"-@", cpx_uminus, 0, 0},
    {"==", cpx_eq, 1, 1},
    {"<=>", cpx_cmp, 1, 1},
    {"abs", cpx_abs, 0, 0},
    {"magnitude", cpx_abs, 0, 0},
    {"abs2", cpx_abs2, 0, 0},
    {"arg", cpx_arg, 0, 0},
    {"angle", cpx_arg, 0, 0},
    {"phase", cpx_arg, 0, 0},
    {"polar", cpx_polar, 0, 0},
    {"rect", cpx_rect, 0, 0},
    {"rectangular", cpx_rect, 0, 0},
    {"real", cpx_real, 0, 0},
    {"imag", cpx_imag, 0, 0},
    {"imaginary", cpx_imag, 0, 0},
    {"conj", cpx_conj, 0, 0},
    {"conjugate", cpx_conj, 0, 0},
    {"real?", cpx_false, 0, 0},
    {"finite?", cpx_finite_p, 0, 0},
    {"infinite?", cpx_infinite_p, 0, 0},
    {"hash", cpx_hash, 0, 0},
    {"eql?", cpx_eql, 1, 1},
    {"coerce", cpx_coerce, 1, 1},
    {"to_c", cpx_self, 0, 0},
    {"to_f", cpx_to_f, 0, 0},
    {"to_i", cpx_to_i, 0, 0},
    {"to_r", cpx_to_r, 0, 0},
    {"rationalize", cpx_rationalize, 0, 1},
    {"numerator", cpx_numerator, 0, 0},
    {"denominator", cpx_denominator, 0, 0},
    {"to_s", cpx_to_s, 0, 0},
    {"inspect", cpx_inspect, 0, 0},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef complex_singleton_methods[] = {
    {"rect", cpx_s_rect, 1, 2},
    {"rectangular", cpx_s_rect, 1, 2},
    {"polar", cpx_s_polar, 1, 2},
    {NULL, NULL, 0, 0}
};

void
mg_init_complex(void)
{
    static bool done;
    if (done) return;
    done = true;
    mg_store_register_data(&complex_type);
    mg_define_methods(mg_cComplex, complex_methods);
    mg_define_singleton_methods(MG_VAL(mg_cComplex), complex_singleton_methods);
    mg_define_method(mg_cString, "to_c", str_to_c, 0, 0);
    RClass *meta = mg_singleton_class(MG_VAL(mg_cComplex));
    mg_method_undef(meta, mg_id_new);
    mg_method_undef(meta, mg_id_allocate);
    static const char *const undefs[] = {
        "%", "<", "<=", ">", ">=", "between?", "clamp", "div", "divmod", "floor", "ceil", "modulo",
        "remainder", "round", "step", "truncate", "i", "positive?", "negative?",
    };
    for (size_t i = 0; i < ARRAY_LEN(undefs); i++) mg_method_undef(mg_cComplex, mg_intern_cstr(undefs[i]));
    mg_define_const(mg_cComplex, "I", cpx_raw(MG_FIX(0), MG_FIX(1)));
    mg_define_module_function(mg_mKernel, "Complex", kernel_Complex, 0, -1);   /* it checks 1..2 without the keywords */
}
