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

/* ---- component arithmetic through the generic operators ---- */

static Value add(Value a, Value b) { return mg_funcall(a, mg_id_plus, 1, &b); }
static Value sub(Value a, Value b) { return mg_funcall(a, mg_id_minus, 1, &b); }
static Value mul(Value a, Value b) { return mg_funcall(a, mg_id_mul, 1, &b); }
static Value quo(Value a, Value b) { return mg_funcall(a, mg_intern_cstr("quo"), 1, &b); }
static Value neg(Value a) { return mg_funcall(a, mg_id_uminus, 0, NULL); }
static bool eq(Value a, Value b) { return mg_equal(a, b); }

static bool
exact_zero(Value v)
{
    return v == MG_FIX(0) || (MG_IS_PTR(v) && mg_class_of(v) == mg_cRational && mg_equal(v, MG_FIX(0)));
}

static bool
is_zero(Value v)
{
    if (MG_IS_FLOAT(v)) return mg_float_value(v) == 0.0;
    return eq(v, MG_FIX(0));
}

static Value
cpx_polar_v(Value r, Value theta)
{
    if (MG_IS_FLOAT(theta)) {
        double t = mg_float_value(theta);
        if (t == M_PI) return cpx_raw(neg(r), mg_float_new(0.0));
        if (t == M_PI_2) return cpx_raw(mg_float_new(0.0), r);
    }
    if (is_zero(theta)) return cpx_raw(r, mg_float_new(0.0));
    double rr = mg_num2dbl(r), t = mg_num2dbl(theta);
    return cpx_raw(mg_float_new(rr * cos(t)), mg_float_new(rr * sin(t)));
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
        Value a = RE(x), b = IM(x), c = RE(y), d = IM(y);
        return cpx_raw(sub(mul(a, c), mul(b, d)), add(mul(a, d), mul(b, c)));
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

/* An exact quotient with denominator 1 becomes its Integer, as CRuby's
 * division does: Complex(1, 2) / Complex(1, 2) is (1+0i), not ((1/1)+(0/1)*i) */
static Value
canon(Value v)
{
    if (MG_IS_PTR(v) && mg_class_of(v) == mg_cRational && mg_equal(MG_CALL0(v, "denominator"), MG_FIX(1)))
        return MG_CALL0(v, "numerator");
    return v;
}

static Value
cpx_div_v(Value x, Value y)
{
    if (is_cpx(y)) {
        Value a = RE(x), b = IM(x), c = RE(y), d = IM(y);
        bool flo = MG_IS_FLOAT(a) || MG_IS_FLOAT(b) || MG_IS_FLOAT(c) || MG_IS_FLOAT(d);
        if (flo) {
            /* Smith's algorithm keeps intermediate values in range */
            double ar = mg_num2dbl(a), ai = mg_num2dbl(b), br = mg_num2dbl(c), bi = mg_num2dbl(d);
            double r, n, re, im;
            if (fabs(br) >= fabs(bi)) {
                r = bi / br; n = br + bi * r;
                re = (ar + ai * r) / n; im = (ai - ar * r) / n;
            } else {
                r = br / bi; n = bi + br * r;
                re = (ar * r + ai) / n; im = (ai * r - ar) / n;
            }
            return cpx_raw(mg_float_new(re), mg_float_new(im));
        }
        Value n = add(mul(c, c), mul(d, d));
        return cpx_raw(canon(quo(add(mul(a, c), mul(b, d)), n)), canon(quo(sub(mul(b, c), mul(a, d)), n)));
    }
    return cpx_raw(canon(quo(RE(x), y)), canon(quo(IM(x), y)));
}

static Value
cpx_div(CPX_ARGS)
{
    CPX_UNUSED;
    Value y = argv[0];
    if (is_cpx(y) || is_real(y)) return cpx_div_v(self, y);
    return mg_num_coerce_bin(self, y, mg_id_div);
}

static Value
cpx_fdiv(CPX_ARGS)
{
    CPX_UNUSED;
    Value y = argv[0];
    Value re = mg_funcall(RE(self), mg_intern_cstr("fdiv"), 1, &y);
    Value im = mg_funcall(IM(self), mg_intern_cstr("fdiv"), 1, &y);
    return cpx_raw(re, im);
}

static Value
cpx_pow(CPX_ARGS)
{
    CPX_UNUSED;
    Value y = argv[0];
    if (is_cpx(y) && exact_zero(IM(y))) y = RE(y);
    /* a Bignum exponent goes the polar (Float) way, as in CRuby: squaring
     * 2**70 times would exhaust memory */
    if (MG_IS_FIXNUM(y)) {
        if (y == MG_FIX(0)) return cpx_raw(MG_FIX(1), MG_FIX(0));
        bool negexp = mg_int_cmp(y, MG_FIX(0)) < 0;
        Value e = negexp ? mg_int_minus(MG_FIX(0), y) : y;
        /* as CRuby: the reciprocal first, and a zero part keeps its value and
         * type ((1.5+0i) ** 2 is (2.25+0i), (2i) ** 2 is (-4+0i)) */
        Value base = negexp ? cpx_div_v(cpx_raw(MG_FIX(1), MG_FIX(0)), self) : self;
        if (is_zero(IM(base)))
            return cpx_raw(mg_funcall(RE(base), mg_id_pow, 1, &e), IM(base));
        if (is_zero(RE(base))) {
            int64_t n = MG_FIX2LONG(e);
            Value zi = mg_funcall(IM(base), mg_id_pow, 1, &e), zr = RE(base);
            if (n & 2) zi = mg_funcall(zi, mg_intern_cstr("-@"), 0, NULL);
            if (!(n & 1)) { Value tmp = zr; zr = zi; zi = tmp; }
            return cpx_raw(zr, zi);
        }
        Value result = cpx_raw(MG_FIX(1), MG_FIX(0));
        while (e != MG_FIX(0)) {
            if (!mg_int_even_p(e)) result = cpx_mul_v(result, base);
            e = mg_int_div(e, MG_FIX(2));
            if (e != MG_FIX(0)) base = cpx_mul_v(base, base);
        }
        return result;
    }
    double r = hypot(mg_num2dbl(RE(self)), mg_num2dbl(IM(self)));
    double t = atan2(mg_num2dbl(IM(self)), mg_num2dbl(RE(self)));
    if (is_real(y)) {
        Value rr = mg_funcall(mg_float_new(r), mg_id_pow, 1, &y);
        Value tt = mg_funcall(mg_float_new(t), mg_id_mul, 1, &y);
        return cpx_polar_v(rr, tt);
    }
    if (is_cpx(y)) {
        double c = mg_num2dbl(RE(y)), d = mg_num2dbl(IM(y));
        double lr = log(r);
        double nr = exp(c * lr - d * t), nt = d * lr + c * t;
        return cpx_polar_v(mg_float_new(nr), mg_float_new(nt));
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

static Value
cpx_cmp(CPX_ARGS)
{
    CPX_UNUSED;
    Value y = argv[0];
    if (!exact_zero(IM(self))) return MG_NIL;
    if (is_cpx(y)) {
        if (!exact_zero(IM(y))) return MG_NIL;
        return mg_funcall(RE(self), mg_id_cmp, 1, &RE(y));
    }
    if (is_real(y)) return mg_funcall(RE(self), mg_id_cmp, 1, &y);
    return MG_NIL;
}

static Value
cpx_abs(CPX_ARGS)
{
    CPX_UNUSED;
    return mg_float_new(hypot(mg_num2dbl(RE(self)), mg_num2dbl(IM(self))));
}

static Value
cpx_abs2(CPX_ARGS)
{
    CPX_UNUSED;
    return add(mul(RE(self), RE(self)), mul(IM(self), IM(self)));
}

static Value
cpx_arg(CPX_ARGS)
{
    CPX_UNUSED;
    return mg_float_new(atan2(mg_num2dbl(IM(self)), mg_num2dbl(RE(self))));
}

static Value
cpx_polar(CPX_ARGS)
{
    return mg_ary_new_from(2, (Value[]){cpx_abs(self, argc, argv, blk), cpx_arg(self, argc, argv, blk)});
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

/* "1+2i", "-2.5i", "3": returns MG_NIL when invalid. */
static Value
parse_complex(Value str)
{
    const char *p = mg_str_ptr(str), *e = p + mg_str_len(str);
    while (p < e && (*p == ' ' || (*p >= '\t' && *p <= '\r'))) p++;
    while (e > p && (e[-1] == ' ' || (e[-1] >= '\t' && e[-1] <= '\r'))) e--;
    if (p == e) return MG_NIL;
    /* split at the last + or - that is not the first char nor after an 'e' */
    const char *split = NULL;
    for (const char *q = p + 1; q < e; q++)
        if ((*q == '+' || *q == '-') && q[-1] != 'e' && q[-1] != 'E') split = q;
    bool has_i = e[-1] == 'i' || e[-1] == 'j';
    Value re = MG_FIX(0), im = MG_FIX(0);
    const char *ie = has_i ? e - 1 : e;
    const char *rs = p, *re_end = split && has_i ? split : (has_i ? p : ie);
    const char *is = split && has_i ? split : p;
    if (re_end > rs) {
        Value s = mg_str_new(rs, (size_t)(re_end - rs));
        bool dot = memchr(rs, '.', (size_t)(re_end - rs)) || memchr(rs, 'e', (size_t)(re_end - rs));
        if (strchr(mg_str_cstr(s), '/')) re = mg_str_to_rational(rs, (size_t)(re_end - rs), true);
        else if (dot) { bool ok; double d = mg_str_to_dbl(rs, (size_t)(re_end - rs), true, &ok); re = ok ? mg_float_new(d) : MG_NIL; }
        else re = mg_str_to_inum(rs, (size_t)(re_end - rs), 10, true);
        if (re == MG_NIL) return MG_NIL;
    }
    if (has_i) {
        size_t n = (size_t)(ie - is);
        if (n == 1 && (*is == '+' || *is == '-')) im = MG_FIX(*is == '-' ? -1 : 1);
        else if (n == 0) im = MG_FIX(1);
        else {
            bool dot = memchr(is, '.', n) || memchr(is, 'e', n);
            if (memchr(is, '/', n)) im = mg_str_to_rational(is, n, true);
            else if (dot) { bool ok; double d = mg_str_to_dbl(is, n, true, &ok); im = ok ? mg_float_new(d) : MG_NIL; }
            else im = mg_str_to_inum(is, n, 10, true);
            if (im == MG_NIL) return MG_NIL;
        }
    }
    return cpx_raw(re, im);
}

/* String#to_c: the complex number at the start of the string ("1+2i",
 * "-3.5i", "2/3", "1@2" in polar form), 0+0i when there is none: the
 * longest prefix without blanks inside that parses. */
static Value
str_to_c(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    const char *s = mg_str_ptr(self), *p = s, *e = s + mg_str_len(self);
    while (p < e && (*p == ' ' || (*p >= '\t' && *p <= '\r'))) p++;
    const char *end = p;
    while (end < e && !(*end == ' ' || (*end >= '\t' && *end <= '\r')) && *end) end++;
    for (const char *q = end; q > p; q--) {
        const char *at = memchr(p, '@', (size_t)(q - p));
        Value c;
        if (at && at > p && at + 1 < q) {
            Value r = parse_complex(mg_str_new(p, (size_t)(at - p)));
            Value t = parse_complex(mg_str_new(at + 1, (size_t)(q - at - 1)));
            if (r == MG_NIL || t == MG_NIL || IM(r) != MG_FIX(0) || IM(t) != MG_FIX(0)) continue;
            return cpx_polar_v(RE(r), RE(t));
        }
        if ((c = parse_complex(mg_str_new(p, (size_t)(q - p)))) != MG_NIL) return c;
    }
    return cpx_raw(MG_FIX(0), MG_FIX(0));
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
    Value a = argv[0];
    if (MG_IS_STRING(a)) {
        Value c = parse_complex(a);
        if (c == MG_NIL) {
            if (!raise) return MG_NIL;
            mg_raise(mg_eArgumentError, "invalid value for convert(): %s", mg_str_cstr(mg_str_inspect(a)));
        }
        a = c;
    }
    if (a == MG_NIL || (argc == 2 && argv[1] == MG_NIL)) {
        if (!raise) return MG_NIL;
        mg_raise(mg_eTypeError, "can't convert nil into Complex");
    }
    if (argc == 1) {
        if (is_cpx(a)) return a;
        if (is_real(a)) return cpx_raw(a, MG_FIX(0));
        if (!raise) return MG_NIL;
        mg_raise(mg_eTypeError, "can't convert %s into Complex", mg_class_cname(mg_obj_class(a)));
    }
    Value b = argv[1];
    if (MG_IS_STRING(b)) {
        b = parse_complex(b);
        if (b == MG_NIL) {
            if (!raise) return MG_NIL;
            mg_raise(mg_eArgumentError, "invalid value for convert(): %s", mg_str_cstr(mg_str_inspect(argv[1])));
        }
    }
    if (is_real(a) && is_real(b)) return cpx_raw(a, b);
    /* a + b*i with complex parts */
    Value bi = is_cpx(b) ? cpx_mul_v(b, cpx_raw(MG_FIX(0), MG_FIX(1))) : cpx_raw(MG_FIX(0), b);
    Value ac = is_cpx(a) ? a : cpx_raw(a, MG_FIX(0));
    return mg_funcall(ac, mg_id_plus, 1, &bi);
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
    mg_define_module_function(mg_mKernel, "Complex", kernel_Complex, 1, 3);
}
