/* numeric.c -- Numeric (the abstract superclass: methods written in terms of
 * the subclass's own operators, so user classes with #coerce mix in), the
 * coercion protocol, C conversions (mg_num2long, mg_num2dbl, mg_to_int) and
 * the argument helpers shared by integer.c and float.c. */
#include "bignum.h"

#include <math.h>

#define NOARGS UNUSED(argc); UNUSED(argv); UNUSED(blk)

static ID id_half, id_exception, id_by, id_to, id_to_r, id_divmod, id_floor, id_truncate,
    id_zero_p, id_negative_p, id_fdiv, id_quo, id_remainder, id_div_m, id_modulo;

/* ---- coercion ---- */

/* How CRuby names the offending operand: immediates and Floats by inspect
 * ("nil", "1.5", ":a", "NaN"), everything else by class. Returns a C string valid until the next GC. */
static const char *
operand_desc(Value y)
{
    if (!MG_IS_PTR(y) || MG_IS_FLOAT(y)) return mg_str_cstr(mg_inspect(y));
    return mg_class_cname(mg_obj_class(y));
}

void
mg_num_coerce_failed(Value y, RClass *target)
{
    mg_raise(mg_eTypeError, "%s can't be coerced into %s", operand_desc(y), mg_class_cname(target));
}

static void
cmp_failed(Value x, Value y)
{
    const char *xs = mg_class_cname(mg_obj_class(x));
    mg_raise(mg_eArgumentError, "comparison of %s with %s failed", xs, operand_desc(y));
}

/* y.coerce(x) -> *a, *b. False when y has no coerce and !err. */
static bool
do_coerce(Value x, Value y, Value *a, Value *b, bool err)
{
    if (!mg_respond_to(y, mg_id_coerce, true)) {
        if (err) mg_num_coerce_failed(y, mg_obj_class(x));
        return false;
    }
    Value ary = mg_funcall(y, mg_id_coerce, 1, &x);
    if (!MG_IS_ARRAY(ary) || mg_ary_len(ary) != 2) {
        if (!err && ary == MG_NIL) return false;
        mg_raise(mg_eTypeError, "coerce must return [x, y]");
    }
    *a = mg_ary_entry(ary, 0);
    *b = mg_ary_entry(ary, 1);
    return true;
}

Value
mg_num_coerce_bin(Value x, Value y, ID op)
{
    Value a, b;
    do_coerce(x, y, &a, &b, true);
    return mg_funcall(a, op, 1, &b);
}

Value
mg_num_coerce_cmp(Value x, Value y, ID op)
{
    Value a, b;
    if (!do_coerce(x, y, &a, &b, false)) return MG_NIL;
    return mg_funcall(a, op, 1, &b);
}

Value
mg_num_coerce_relop(Value x, Value y, ID op)
{
    Value a, b;
    if (!do_coerce(x, y, &a, &b, false)) cmp_failed(x, y);
    Value r = mg_funcall(a, op, 1, &b);
    if (r == MG_NIL) cmp_failed(x, y);
    return r;
}

Value
mg_num_coerce_bit(Value x, Value y, ID op)
{
    Value a, b;
    do_coerce(x, y, &a, &b, true);
    if (!MG_IS_INTEGER(a) || !MG_IS_INTEGER(b)) mg_num_coerce_failed(y, mg_obj_class(x));   /* the pair must be Integers */
    return mg_funcall(a, op, 1, &b);
}

Value
mg_num_equal_generic(Value x, Value y)
{
    if (x == y) return MG_TRUE;
    return MG_BOOL(MG_TEST(mg_funcall(y, mg_id_eq, 1, &x)));
}

/* ---- C conversions ---- */

Value
mg_to_int(Value v)
{
    if (MG_IS_INTEGER(v)) return v;
    if (MG_IS_FLOAT(v)) return mg_dbl_to_int(mg_float_value(v));
    if (v == MG_NIL || v == MG_TRUE || v == MG_FALSE || !mg_respond_to(v, mg_id_to_int, true))
        mg_raise_type(v, "Integer");           /* :a is named Symbol here, unlike in coercion */
    Value r = mg_funcall(v, mg_id_to_int, 0, NULL);
    if (!MG_IS_INTEGER(r)) {
        const char *cn = mg_class_cname(mg_obj_class(v));
        mg_raise(mg_eTypeError, "can't convert %s to Integer (%s#to_int gives %s)", cn, cn,
                 mg_class_cname(mg_obj_class(r)));
    }
    return r;
}

int64_t
mg_num2long(Value v)
{
    if (LIKELY(MG_IS_FIXNUM(v))) return MG_FIX2LONG(v);
    if (MG_IS_FLOAT(v)) {
        double d = mg_float_value(v);
        if (d < 9223372036854775808.0 && d >= -9223372036854775808.0) return (int64_t)d;
        char buf[40];
        snprintf(buf, sizeof buf, "%-.10g", d);
        if (isnan(d)) strcpy(buf, "NaN");
        else if (isinf(d)) strcpy(buf, d < 0 ? "-Inf" : "Inf");
        mg_raise(mg_eRangeError, "float %s out of range of integer", buf);
    }
    if (v == MG_NIL) mg_raise(mg_eTypeError, "no implicit conversion from nil to integer");
    if (!MG_IS_BIGNUM(v)) v = mg_to_int(v);
    if (MG_IS_FIXNUM(v)) return MG_FIX2LONG(v);
    mpz_srcptr z = mg_big_z(v);
    if (mpz_fits_slong_p(z)) return mpz_get_si(z);
    mg_raise(mg_eRangeError, "bignum too big to convert into `long'");
}

int32_t
mg_num2int(Value v)
{
    int64_t n = mg_num2long(v);
    if (n > INT32_MAX || n < INT32_MIN)
        mg_raise(mg_eRangeError, "integer %lld too %s to convert to `int'", (long long)n, n < 0 ? "small" : "big");
    return (int32_t)n;
}

static double
rational_to_dbl(Value r)
{
    return mg_float_value(mg_funcall(r, mg_id_to_f, 0, NULL));
}

/* rb_to_float: Math functions and friends. */
double
mg_num2dbl(Value v)
{
    if (MG_IS_FLOAT(v)) return mg_float_value(v);
    if (MG_IS_FIXNUM(v)) return (double)MG_FIX2LONG(v);
    if (MG_IS_BIGNUM(v)) return mg_big_to_double(v);
    if (MG_IS_PTR(v) && mg_obj_is_kind_of(v, mg_cNumeric) && !MG_IS_STRING(v)) {
        if (mg_class_of(v) == mg_cRational) return rational_to_dbl(v);
        if (!mg_respond_to(v, mg_id_to_f, true))
            mg_raise(mg_eTypeError, "can't convert %s into Float", mg_class_cname(mg_obj_class(v)));
        Value f = mg_funcall(v, mg_id_to_f, 0, NULL);
        if (MG_IS_FLOAT(f)) return mg_float_value(f);
        const char *cn = mg_class_cname(mg_obj_class(v));
        mg_raise(mg_eTypeError, "can't convert %s to Float (%s#to_f gives %s)", cn, cn, mg_class_cname(mg_obj_class(f)));
    }
    if (v == MG_NIL || v == MG_TRUE || v == MG_FALSE)
        mg_raise(mg_eTypeError, "can't convert %s into Float", v == MG_NIL ? "nil" : v == MG_TRUE ? "true" : "false");
    mg_raise(mg_eTypeError, "can't convert %s into Float", mg_class_cname(mg_obj_class(v)));
}

/* rb_num2dbl (NUM2DBL): Range#step's and sum's Float conversion. A String, nil,
 * true or false is "no implicit conversion to float from ..."; any other object
 * is asked to_f, which must give a Float. */
double
mg_num2dbl_any(Value v)
{
    if (MG_IS_STRING(v)) mg_raise(mg_eTypeError, "no implicit conversion to float from string");
    if (v == MG_NIL || v == MG_TRUE || v == MG_FALSE)
        mg_raise(mg_eTypeError, "no implicit conversion to float from %s", mg_builtin_class_name(v));
    if (!MG_IS_PTR(v) || mg_obj_is_kind_of(v, mg_cNumeric)) return mg_num2dbl(v);
    return mg_num_to_float_conv(v);
}

double
mg_num_str_to_float(Value str)
{
    bool ok;
    double d = mg_str_to_dbl(mg_str_ptr(str), (size_t)mg_str_len(str), true, &ok);
    /* CRuby's message shows the bytes as a binary string: "\xC3\xA9" for "é" */
    if (!ok) {
        Value b = mg_str_new_enc(mg_str_ptr(str), (size_t)mg_str_len(str), ENC_BINARY);
        mg_raise(mg_eArgumentError, "invalid value for Float(): %s", mg_str_cstr(mg_str_inspect(b)));
    }
    return d;
}

/* rb_Float: Kernel#Float and Numeric#coerce; strings are parsed strictly. */
double
mg_num_to_float_conv(Value v)
{
    if (MG_IS_STRING(v)) return mg_num_str_to_float(v);
    if (MG_IS_FLOAT(v) || MG_IS_INTEGER(v) || v == MG_NIL || v == MG_TRUE || v == MG_FALSE || !MG_IS_PTR(v))
        return mg_num2dbl(v);
    if (mg_obj_is_kind_of(v, mg_cNumeric)) return mg_num2dbl(v);
    if (mg_respond_to(v, mg_id_to_f, true)) {
        Value f = mg_funcall(v, mg_id_to_f, 0, NULL);
        if (MG_IS_FLOAT(f)) return mg_float_value(f);
        const char *cn = mg_class_cname(mg_obj_class(v));
        mg_raise(mg_eTypeError, "can't convert %s to Float (%s#to_f gives %s)", cn, cn, mg_class_cname(mg_obj_class(f)));
    }
    mg_raise(mg_eTypeError, "can't convert %s into Float", mg_class_cname(mg_obj_class(v)));
}

/* ---- keyword helpers ---- */

/* Raises ArgumentError "unknown keyword: :k" for keys of h not in allowed. */
static void
check_keywords(Value h, const ID *allowed, int n)
{
    Value k, v;
    for (int64_t it = 0; mg_hash_next(h, &it, &k, &v);) {
        bool ok = false;
        for (int i = 0; i < n; i++) if (k == MG_SYM(allowed[i])) ok = true;
        if (!ok) mg_raise(mg_eArgumentError, "unknown keyword: %s", mg_str_cstr(mg_inspect(k)));
    }
}

bool
mg_num_exception_kwarg(Value h)
{
    check_keywords(h, &id_exception, 1);
    Value v = mg_hash_lookup(h, MG_SYM(id_exception));
    if (v == MG_UNDEF || v == MG_TRUE) return true;
    if (v == MG_FALSE) return false;
    mg_raise(mg_eArgumentError, "expected true or false as exception: %s", mg_str_cstr(mg_inspect(v)));
}

static int
rounding_mode(Value v)
{
    if (v == MG_NIL || v == MG_UNDEF) return MG_ROUND_HALF_UP;
    const char *s = NULL;
    if (MG_IS_SYMBOL(v)) s = mg_id_name(MG_SYM2ID(v), NULL);
    else if (MG_IS_STRING(v)) s = mg_str_cstr(v);
    if (s) {
        if (!strcmp(s, "up")) return MG_ROUND_HALF_UP;
        if (!strcmp(s, "even")) return MG_ROUND_HALF_EVEN;
        if (!strcmp(s, "down")) return MG_ROUND_HALF_DOWN;
        mg_raise(mg_eArgumentError, "invalid rounding mode: %s", s);
    }
    mg_raise(mg_eArgumentError, "invalid rounding mode: %s", mg_str_cstr(mg_inspect(v)));
}

void
mg_num_round_args(int argc, const Value *argv, bool half, int64_t *ndigits, int *mode)
{
    *ndigits = 0;
    *mode = MG_ROUND_HALF_UP;
    if (half && argc > 0 && mg_kw_given()) {    /* floor/ceil take a Hash as ndigits, as CRuby's */
        Value h = argv[argc - 1];
        argc--;
        check_keywords(h, &id_half, 1);
        *mode = rounding_mode(mg_hash_lookup(h, MG_SYM(id_half)));
    }
    if (argc > 1) mg_raise_argc(argc, 0, 1);
    if (argc == 1) {
        *ndigits = mg_num2int(argv[0]);
    }
}

/* ---- generic operations for Integer/Float's uncommon operands ---- */

static bool
num_zero_value_p(Value v)
{
    if (MG_IS_FIXNUM(v)) return v == MG_FIX(0);
    if (MG_IS_FLOAT(v)) return mg_float_value(v) == 0.0;
    return MG_TEST(mg_funcall(v, id_zero_p, 0, NULL));
}

Value
mg_num_div_generic(Value x, Value y)
{
    static ID id_idiv;
    if (!id_idiv) id_idiv = mg_intern_cstr("div");
    if (!mg_obj_is_kind_of(y, mg_cNumeric)) return mg_num_coerce_bin(x, y, id_idiv);   /* "a": TypeError, as CRuby */
    if (num_zero_value_p(y)) mg_raise(mg_eZeroDivisionError, "divided by 0");
    Value q = mg_funcall(x, mg_id_div, 1, &y);
    return mg_funcall(q, id_floor, 0, NULL);
}

Value
mg_num_remainder_generic(Value x, Value y)
{
    Value z = mg_funcall(x, mg_id_mod, 1, &y);
    if (!num_zero_value_p(z)) {
        Value zero = MG_FIX(0);
        bool xneg = MG_TEST(mg_funcall(x, mg_id_lt, 1, &zero));
        bool yneg = MG_TEST(mg_funcall(y, mg_id_lt, 1, &zero));
        bool xpos = MG_TEST(mg_funcall(x, mg_id_gt, 1, &zero));
        bool ypos = MG_TEST(mg_funcall(y, mg_id_gt, 1, &zero));
        if ((xneg && ypos) || (xpos && yneg)) return mg_funcall(z, mg_id_minus, 1, &y);
    }
    return z;
}

Value
mg_num_fdiv_generic(Value x, Value y)
{
    Value f = mg_float_new(mg_num_to_float_conv(x));
    return mg_funcall(f, mg_id_div, 1, &y);
}

/* ---- Numeric methods ---- */

static Value
num_uplus(Value self, int argc, const Value *argv, Value blk) { NOARGS; return self; }

static Value
num_uminus(Value self, int argc, const Value *argv, Value blk)
{
    NOARGS;
    Value a, b;
    do_coerce(MG_FIX(0), self, &a, &b, true);
    return mg_funcall(a, mg_id_minus, 1, &b);
}

static Value
num_cmp(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return self == argv[0] ? MG_FIX(0) : MG_NIL;
}

static bool
num_negative(Value self)
{
    Value zero = MG_FIX(0);
    Value r = mg_funcall(self, mg_id_lt, 1, &zero);
    return MG_TEST(r);
}

static Value
num_abs(Value self, int argc, const Value *argv, Value blk)
{
    NOARGS;
    if (num_negative(self)) return mg_funcall(self, mg_id_uminus, 0, NULL);
    return self;
}

static Value
num_abs2(Value self, int argc, const Value *argv, Value blk)
{
    NOARGS;
    return mg_funcall(self, mg_id_mul, 1, &self);
}

static Value
num_arg(Value self, int argc, const Value *argv, Value blk)
{
    NOARGS;
    return num_negative(self) ? mg_float_new(M_PI) : MG_FIX(0);
}

static Value
num_positive_p(Value self, int argc, const Value *argv, Value blk)
{
    NOARGS;
    Value zero = MG_FIX(0);
    return MG_BOOL(MG_TEST(mg_funcall(self, mg_id_gt, 1, &zero)));
}

static Value
num_negative_p(Value self, int argc, const Value *argv, Value blk)
{
    NOARGS;
    return MG_BOOL(num_negative(self));
}

static Value
num_zero_p(Value self, int argc, const Value *argv, Value blk)
{
    NOARGS;
    Value zero = MG_FIX(0);
    return MG_BOOL(MG_TEST(mg_funcall(self, mg_id_eq, 1, &zero)));
}

static Value
num_nonzero_p(Value self, int argc, const Value *argv, Value blk)
{
    NOARGS;
    return MG_TEST(mg_funcall(self, id_zero_p, 0, NULL)) ? MG_NIL : self;
}

static Value
num_false(Value self, int argc, const Value *argv, Value blk) { UNUSED(self); NOARGS; return MG_FALSE; }
static Value
num_true(Value self, int argc, const Value *argv, Value blk) { UNUSED(self); NOARGS; return MG_TRUE; }
static Value
num_nil(Value self, int argc, const Value *argv, Value blk) { UNUSED(self); NOARGS; return MG_NIL; }
static Value
num_zero(Value self, int argc, const Value *argv, Value blk) { UNUSED(self); NOARGS; return MG_FIX(0); }

static Value
num_rect(Value self, int argc, const Value *argv, Value blk)
{
    NOARGS;
    return mg_ary_new_from(2, (Value[]){self, MG_FIX(0)});
}

static Value
num_polar(Value self, int argc, const Value *argv, Value blk)
{
    Value a = mg_funcall(self, mg_intern_cstr("abs"), 0, NULL);
    Value b = mg_funcall(self, mg_intern_cstr("arg"), 0, NULL);   /* Float#arg: -0.0 is PI, NaN NaN */
    return mg_ary_new_from(2, (Value[]){a, b});
}

static Value
num_coerce(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value o = argv[0];
    if (mg_obj_class(o) == mg_obj_class(self)) return mg_ary_new_from(2, (Value[]){o, self});
    Value a = mg_float_new(mg_num_to_float_conv(o));
    Value b = mg_float_new(mg_num_to_float_conv(self));
    return mg_ary_new_from(2, (Value[]){a, b});
}

static Value
num_clone(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    if (argc > 0 && mg_kw_given()) {
        Value h = argv[argc - 1];
        ID fr = mg_intern_cstr("freeze");
        check_keywords(h, &fr, 1);
        Value f = mg_hash_lookup(h, MG_SYM(fr));
        if (f == MG_FALSE) mg_raise(mg_eArgumentError, "can't unfreeze %s", mg_class_cname(mg_obj_class(self)));
        if (f != MG_UNDEF && f != MG_TRUE && f != MG_NIL)
            mg_raise(mg_eArgumentError, "unexpected value for freeze: %s", mg_class_cname(mg_obj_class(f)));
        argc--;
    }
    if (argc > 0) mg_raise_argc(argc, 0, 0);
    return self;
}

static Value
num_dup(Value self, int argc, const Value *argv, Value blk) { NOARGS; return self; }

static Value
num_div(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return mg_num_div_generic(self, argv[0]);
}

static Value
num_modulo(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value y = argv[0];
    Value q = mg_funcall(self, id_div_m, 1, &y);
    Value p = mg_funcall(y, mg_id_mul, 1, &q);
    return mg_funcall(self, mg_id_minus, 1, &p);
}

static Value
num_remainder(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return mg_num_remainder_generic(self, argv[0]);
}

static Value
num_divmod(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value y = argv[0];
    Value q = mg_funcall(self, id_div_m, 1, &y);
    Value r = mg_funcall(self, id_modulo, 1, &y);
    return mg_ary_new_from(2, (Value[]){q, r});
}

static Value
num_fdiv(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return mg_num_fdiv_generic(self, argv[0]);
}

static Value
num_quo(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value y = argv[0];
    if (MG_IS_FLOAT(y)) return mg_funcall(self, id_fdiv, 1, &y);
    Value r = MG_IS_INTEGER(self) ? mg_rational_new(self, MG_FIX(1)) : mg_funcall(self, id_to_r, 0, NULL);
    return mg_funcall(r, mg_id_div, 1, &y);
}

static Value
num_eql(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value o = argv[0];
    if (mg_obj_class(self) != mg_obj_class(o)) return MG_FALSE;
    return MG_BOOL(mg_equal(self, o));
}

static Value
num_to_int(Value self, int argc, const Value *argv, Value blk)
{
    NOARGS;
    return mg_funcall(self, mg_id_to_i, 0, NULL);
}

static Value
num_float_round(Value self, int argc, const Value *argv, const char *name)
{
    Value f = mg_float_new(mg_num_to_float_conv(self));
    return mg_funcall(f, mg_intern_cstr(name), argc, argv);
}

static Value
num_floor(Value self, int argc, const Value *argv, Value blk) { UNUSED(blk); return num_float_round(self, argc, argv, "floor"); }
static Value
num_ceil(Value self, int argc, const Value *argv, Value blk) { UNUSED(blk); return num_float_round(self, argc, argv, "ceil"); }
static Value
num_truncate(Value self, int argc, const Value *argv, Value blk) { UNUSED(blk); return num_float_round(self, argc, argv, "truncate"); }

static Value
num_round(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    Value f = mg_float_new(mg_num_to_float_conv(self));
    if (argc > 0 && mg_kw_given()) return mg_funcall_kw(f, mg_intern_cstr("round"), argc, argv, MG_NIL);
    return mg_funcall(f, mg_intern_cstr("round"), argc, argv);
}

static Value
num_i(Value self, int argc, const Value *argv, Value blk) { NOARGS; return mg_complex_new(MG_FIX(0), self); }

static Value
num_to_c(Value self, int argc, const Value *argv, Value blk) { NOARGS; return mg_complex_new(self, MG_FIX(0)); }

static Value
num_numerator(Value self, int argc, const Value *argv, Value blk)
{
    NOARGS;
    Value r = mg_funcall(self, id_to_r, 0, NULL);
    return mg_funcall(r, mg_intern_cstr("numerator"), 0, NULL);
}

static Value
num_denominator(Value self, int argc, const Value *argv, Value blk)
{
    NOARGS;
    Value r = mg_funcall(self, id_to_r, 0, NULL);
    return mg_funcall(r, mg_intern_cstr("denominator"), 0, NULL);
}

static Value
num_sma(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    mg_raise(mg_eTypeError, "can't define singleton method \"%s\" for %s",
             mg_id_name(mg_to_id(argv[0]), NULL), mg_class_cname(mg_obj_class(self)));
}

/* ---- step ---- */

/* Number of values a float step yields (CRuby's float step size, including the
 * tolerance that keeps 1.0.step(2.0, 0.1) from losing its last value). */
double
mg_float_step_size(double beg, double end, double unit, bool excl)
{
    double n, err;
    if (unit == 0) return HUGE_VAL;
    if (isinf(unit)) return unit > 0 ? (beg <= end) : (beg >= end);
    n = (end - beg) / unit;
    err = (fabs(beg) + fabs(end) + fabs(end - beg)) / fabs(unit) * 2.220446049250313e-16;
    if (err > 0.5) err = 0.5;
    if (excl) {
        if (n <= 0) return 0;
        if (n < 1) n = 0;
        else n = floor(n - err);
        double d = +((n + 1) * unit) + beg;
        if (beg < end) { if (d < end) n++; }
        else if (beg > end) { if (d > end) n++; }
        return n + 1;
    }
    if (n < 0) return 0;
    return floor(n + err) + 1;
}

/* Yields beg, beg+unit, ... as Floats. */
void
mg_float_step(double beg, double end, double unit, bool excl, Value blk)
{
    double n = mg_float_step_size(beg, end, unit, excl);
    if (isinf(unit)) {
        if (n) mg_yield1_discard(blk, mg_float_new(beg));
        return;
    }
    if (unit == 0) {
        Value v = mg_float_new(beg);
        for (;;) mg_yield1_discard(blk, v);
    }
    for (double i = 0; i < n; i++) {
        double d = i * unit + beg;
        if (unit >= 0 ? end < d : d < end) d = end;
        mg_yield1_discard(blk, mg_float_new(d));
    }
}

/* ---- Numeric#step, as CRuby's num_step and its helpers ---- */

/* num_step_negative_p: whether step counts down; a step without > cannot be compared with 0 */
static bool
step_negative_p(Value step)
{
    if (MG_IS_FIXNUM(step)) return MG_FIX2LONG(step) < 0;
    if (MG_IS_BIGNUM(step)) return mpz_sgn(mg_big_z(step)) < 0;
    Value zero = MG_FIX(0);
    if (!mg_respond_to(step, mg_id_gt, true)) mg_num_coerce_failed(zero, mg_obj_class(step));
    return !MG_TEST(mg_funcall(step, mg_id_gt, 1, &zero));
}

/* num_step_check_fix_args: npos positionals were given, by the by: keyword (MG_UNDEF: none) */
static bool
step_check_args(int npos, Value *to, Value *step, Value by, bool fix_nil)
{
    if (by != MG_UNDEF) *step = by;
    else if (npos > 1 && MG_IS_NIL(*step)) mg_raise(mg_eTypeError, "step must be numeric");
    if (mg_equal(*step, MG_FIX(0))) mg_raise(mg_eArgumentError, "step can't be 0");
    if (MG_IS_NIL(*step)) *step = MG_FIX(1);
    bool desc = step_negative_p(*step);
    if (fix_nil && MG_IS_NIL(*to)) *to = mg_float_new(desc ? -HUGE_VAL : HUGE_VAL);
    return desc;
}

/* ruby_num_interval_step_size without an excluded end */
static Value
interval_step_size(Value from, Value to, Value step)
{
    if (MG_IS_FIXNUM(from) && MG_IS_FIXNUM(to) && MG_IS_FIXNUM(step)) {
        int64_t diff = MG_FIX2LONG(step), delta = MG_FIX2LONG(to) - MG_FIX2LONG(from);
        if (diff == 0) return mg_float_new(HUGE_VAL);
        if (diff < 0) { diff = -diff; delta = -delta; }
        return delta < 0 ? MG_FIX(0) : mg_int_new(delta / diff + 1);
    }
    if (MG_IS_FLOAT(from) || MG_IS_FLOAT(to) || MG_IS_FLOAT(step)) {
        double n = mg_float_step_size(mg_num2dbl(from), mg_num2dbl(to), mg_num2dbl(step), false);
        return isinf(n) ? mg_float_new(n) : mg_dbl_to_int(n);
    }
    Value zero = MG_FIX(0);
    int c = mg_cmpint(mg_funcall(step, mg_id_cmp, 1, &zero), step, zero);
    if (c == 0) return mg_float_new(HUGE_VAL);
    ID cmp = c < 0 ? mg_id_lt : mg_id_gt;
    if (MG_TEST(mg_funcall(from, cmp, 1, &to))) return zero;
    Value d = mg_funcall(to, mg_id_minus, 1, &from);
    Value r = mg_funcall(d, mg_intern_cstr("div"), 1, &step);
    Value one = MG_FIX(1);
    return mg_funcall(r, mg_id_plus, 1, &one);
}

/* The size of a step enumerator that is no ArithmeticSequence: its arguments are [to, step] */
static Value
step_size_fn(Value arg, Value from, int argc, const Value *argv, Value blk)
{
    UNUSED(arg); UNUSED(blk);
    Value to = argc > 0 ? argv[0] : MG_NIL, step = argc > 1 ? argv[1] : MG_NIL;
    step_check_args(argc, &to, &step, MG_UNDEF, true);
    return interval_step_size(from, to, step);
}

static Value
num_step(Value self, int argc, const Value *argv, Value blk)
{
    Value to = MG_NIL, step = MG_NIL, by = MG_UNDEF;
    int pos = argc;
    if (argc > 0 && mg_kw_given()) {
        Value h = argv[argc - 1];
        pos--;
        ID allowed[2] = { id_by, id_to };
        check_keywords(h, allowed, 2);
        Value b = mg_hash_lookup(h, MG_SYM(id_by));
        Value t = mg_hash_lookup(h, MG_SYM(id_to));
        if (pos > 1 && b != MG_UNDEF) mg_raise(mg_eArgumentError, "step is given twice");
        if (pos > 0 && t != MG_UNDEF) mg_raise(mg_eArgumentError, "to is given twice");
        by = b;
        if (t != MG_UNDEF) to = t;
    }
    if (pos > 2) mg_raise_argc(pos, 0, 2);
    if (pos > 0) to = argv[0];
    if (pos > 1) step = argv[1];
    if (!mg_block_given(blk)) {
        if (by != MG_UNDEF) step = by;
        if (MG_IS_NIL(step)) step = MG_FIX(1);
        else if (mg_equal(step, MG_FIX(0))) mg_raise(mg_eArgumentError, "step can't be 0");
        if ((MG_IS_NIL(to) || mg_obj_is_kind_of(to, mg_cNumeric)) && mg_obj_is_kind_of(step, mg_cNumeric))
            return mg_arith_seq_new(self, mg_intern_cstr("step"), argc, argv, self, to, step, false);
        Value e = mg_enumerator_new(self, mg_intern_cstr("step"), 2, (Value[]){ to, step });
        mg_enumerator_set_size(e, mg_proc_new_cfunc(step_size_fn, self, true));
        return e;
    }
    bool desc = step_check_args(pos, &to, &step, by, true);
    bool inf = false;
    if (MG_IS_FLOAT(to)) {
        double f = mg_float_value(to);
        inf = isinf(f) && (signbit(f) ? desc : !desc);
    }
    if (MG_IS_FIXNUM(self) && (inf || MG_IS_FIXNUM(to)) && MG_IS_FIXNUM(step)) {
        int64_t i = MG_FIX2LONG(self), s = MG_FIX2LONG(step);
        if (inf) {
            Value v = self;
            for (;;) { mg_yield1_discard(blk, v); v = mg_int_plus(v, step); }
        }
        int64_t e = MG_FIX2LONG(to);
        if (desc) { for (; i >= e; i += s) { mg_yield1_discard(blk, MG_FIX(i)); if (i < MG_FIXNUM_MIN - s) break; } }
        else { for (; i <= e; i += s) { mg_yield1_discard(blk, MG_FIX(i)); if (i > MG_FIXNUM_MAX - s) break; } }
        return self;
    }
    if (MG_IS_FLOAT(self) || MG_IS_FLOAT(to) || MG_IS_FLOAT(step)) {
        mg_float_step(mg_num2dbl(self), mg_num2dbl(to), mg_num2dbl(step), false, blk);
        return self;
    }
    Value keep = mg_ary_new_from(1, &self);    /* roots the current value across the restores */
    size_t level = mg_gc_arena_save();
    ID stop = desc ? mg_id_lt : mg_id_gt;
    for (;;) {
        Value i = mg_ary_entry(keep, 0);
        if (!inf && MG_TEST(mg_funcall(i, stop, 1, &to))) break;
        mg_yield1(blk, i);
        mg_ary_ptr(keep)[0] = mg_funcall(i, mg_id_plus, 1, &step);
        mg_gc_arena_restore(level);
    }
    return self;
}

static const MgMethodDef numeric_methods[] = {
    {"+@", num_uplus, 0, 0},
    {"-@", num_uminus, 0, 0},
    {"<=>", num_cmp, 1, 1},
    {"abs", num_abs, 0, 0},
    {"magnitude", num_abs, 0, 0},
    {"abs2", num_abs2, 0, 0},
    {"arg", num_arg, 0, 0},
    {"angle", num_arg, 0, 0},
    {"phase", num_arg, 0, 0},
    {"positive?", num_positive_p, 0, 0},
    {"negative?", num_negative_p, 0, 0},
    {"zero?", num_zero_p, 0, 0},
    {"nonzero?", num_nonzero_p, 0, 0},
    {"integer?", num_false, 0, 0},
    {"finite?", num_true, 0, 0},
    {"infinite?", num_nil, 0, 0},
    {"real?", num_true, 0, 0},
    {"real", num_uplus, 0, 0},
    {"imag", num_zero, 0, 0},
    {"imaginary", num_zero, 0, 0},
    {"conj", num_uplus, 0, 0},
    {"conjugate", num_uplus, 0, 0},
    {"rect", num_rect, 0, 0},
    {"rectangular", num_rect, 0, 0},
    {"polar", num_polar, 0, 0},
    {"coerce", num_coerce, 1, 1},
    {"clone", num_clone, 0, 1, MEF_KW},
    {"dup", num_dup, 0, 0},
    {"div", num_div, 1, 1},
    {"modulo", num_modulo, 1, 1},
    {"%", num_modulo, 1, 1},
    {"remainder", num_remainder, 1, 1},
    {"divmod", num_divmod, 1, 1},
    {"fdiv", num_fdiv, 1, 1},
    {"quo", num_quo, 1, 1},
    {"eql?", num_eql, 1, 1},
    {"to_int", num_to_int, 0, 0},
    {"floor", num_floor, 0, 1},
    {"ceil", num_ceil, 0, 1},
    {"truncate", num_truncate, 0, 1},
    {"round", num_round, 0, 2},
    {"i", num_i, 0, 0},
    {"to_c", num_to_c, 0, 0},
    {"numerator", num_numerator, 0, 0},
    {"denominator", num_denominator, 0, 0},
    {"singleton_method_added", num_sma, 1, 1},
    {"step", num_step, 0, 3, MEF_KW},
    {NULL, NULL, 0, 0}
};

void
mg_init_numeric(void)
{
    mg_big_setup_gmp();
    id_half = mg_intern_cstr("half");
    id_exception = mg_intern_cstr("exception");
    id_by = mg_intern_cstr("by");
    id_to = mg_intern_cstr("to");
    id_to_r = mg_intern_cstr("to_r");
    id_divmod = mg_intern_cstr("divmod");
    id_floor = mg_intern_cstr("floor");
    id_truncate = mg_intern_cstr("truncate");
    id_zero_p = mg_intern_cstr("zero?");
    id_negative_p = mg_intern_cstr("negative?");
    id_fdiv = mg_intern_cstr("fdiv");
    id_quo = mg_intern_cstr("quo");
    id_remainder = mg_intern_cstr("remainder");
    id_div_m = mg_intern_cstr("div");
    id_modulo = mg_intern_cstr("modulo");
    mg_include_module(mg_cNumeric, mg_mComparable);
    mg_define_methods(mg_cNumeric, numeric_methods);
}
