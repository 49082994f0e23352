/* math.c -- the Math module: libm with CRuby's domain checks
 * (Math::DomainError "Numerical argument is out of domain - sqrt") and exact
 * logarithms of bignums beyond the double range. */
#include "bignum.h"

#include <math.h>
#include <float.h>

#define ARG0 mg_num2dbl(argv[0])

static NORETURN void
domain_error(const char *name)
{
    mg_raise(mg_eMathDomainError, "Numerical argument is out of domain - %s", name);
}

#define MATH_FN1(cname, libfn)                                                   \
    static Value                                                                 \
    math_##cname(Value self, int argc, const Value *argv, Value blk)             \
    {                                                                            \
        UNUSED(self); UNUSED(argc); UNUSED(blk);                                 \
        return mg_float_new(libfn(ARG0));                                        \
    }
MATH_FN1(sin, sin)
MATH_FN1(cos, cos)
MATH_FN1(tan, tan)
MATH_FN1(atan, atan)
MATH_FN1(sinh, sinh)
MATH_FN1(cosh, cosh)
MATH_FN1(tanh, tanh)
MATH_FN1(asinh, asinh)
MATH_FN1(exp, exp)
MATH_FN1(erf, erf)
MATH_FN1(erfc, erfc)

static Value
math_cbrt(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    double x = ARG0, r = cbrt(x);
    /* glibc's cbrt may be an ulp off for perfect cubes: polish once */
    if (isfinite(r) && r != 0.0) r = (2.0 * r + x / r / r) / 3.0;
    return mg_float_new(r);
}

static Value
math_acos(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    double x = ARG0;
    if (x < -1.0 || x > 1.0) domain_error("acos");
    return mg_float_new(acos(x));
}

static Value
math_asin(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    double x = ARG0;
    if (x < -1.0 || x > 1.0) domain_error("asin");
    return mg_float_new(asin(x));
}

static Value
math_acosh(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    double x = ARG0;
    if (x < 1.0) domain_error("acosh");
    return mg_float_new(acosh(x));
}

static Value
math_atanh(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    double x = ARG0;
    if (x < -1.0 || x > 1.0) domain_error("atanh");
    if (x == 1.0) return mg_float_new(HUGE_VAL);
    if (x == -1.0) return mg_float_new(-HUGE_VAL);
    return mg_float_new(atanh(x));
}

static Value
math_atan2(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    double y = mg_num2dbl(argv[0]), x = mg_num2dbl(argv[1]);
    return mg_float_new(atan2(y, x));
}

static Value
math_hypot(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    return mg_float_new(hypot(mg_num2dbl(argv[0]), mg_num2dbl(argv[1])));
}

static Value
math_sqrt(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    double x = ARG0;
    if (x < 0.0) domain_error("sqrt");
    if (x == 0.0) return mg_float_new(0.0);
    return mg_float_new(sqrt(x));
}

/* The argument as a double scaled down by 2***shift when it is a bignum too
 * large for a double (so logarithms of 10**400 work). */
static double
log_arg(Value v, long *shift)
{
    *shift = 0;
    if (MG_IS_BIGNUM(v)) {
        mpz_srcptr z = mg_big_z(v);
        size_t bits = mpz_sizeinbase(z, 2);
        if (bits > DBL_MAX_EXP && mpz_sgn(z) > 0) {
            long s = (long)bits - DBL_MANT_DIG;
            mpz_t t;
            mpz_init(t);
            mpz_tdiv_q_2exp(t, z, (mp_bitcnt_t)s);
            double d = mpz_get_d(t);
            mpz_clear(t);
            *shift = s;
            return d;
        }
    }
    return mg_num2dbl(v);
}

static double
checked_log(Value v, const char *name)
{
    long shift;
    double d = log_arg(v, &shift);
    if (d < 0.0) domain_error(name);
    if (d == 0.0) return -HUGE_VAL;
    return log(d) + (double)shift * M_LN2;
}

static Value
math_log(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(blk);
    double r = checked_log(argv[0], "log");
    if (argc == 2) r /= checked_log(argv[1], "log");
    return mg_float_new(r);
}

static Value
math_log2(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    long shift;
    double d = log_arg(argv[0], &shift);
    if (d < 0.0) domain_error("log2");
    if (d == 0.0) return mg_float_new(-HUGE_VAL);
    return mg_float_new(log2(d) + (double)shift);
}

static Value
math_log10(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    long shift;
    double d = log_arg(argv[0], &shift);
    if (d < 0.0) domain_error("log10");
    if (d == 0.0) return mg_float_new(-HUGE_VAL);
    return mg_float_new(log10(d) + (double)shift * log10(2.0));
}

/* n! for small n, exact in a double: tgamma is not always exact there. */
static const double factorials[] = {
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0,
    39916800.0, 479001600.0, 6227020800.0, 87178291200.0, 1307674368000.0,
    20922789888000.0, 355687428096000.0, 6402373705728000.0, 121645100408832000.0,
    2432902008176640000.0, 51090942171709440000.0, 1124000727777607680000.0,
};

static Value
math_gamma(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    double x = ARG0;
    if (isinf(x)) {
        if (x < 0) domain_error("gamma");
        return mg_float_new(HUGE_VAL);
    }
    if (x == 0.0) return mg_float_new(signbit(x) ? -HUGE_VAL : HUGE_VAL);
    if (x == floor(x)) {
        if (x < 0.0) domain_error("gamma");
        if (x <= (double)ARRAY_LEN(factorials)) return mg_float_new(factorials[(int)x - 1]);
    }
    return mg_float_new(tgamma(x));
}

static Value
math_lgamma(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    double x = ARG0;
    if (isinf(x)) {
        if (x < 0) domain_error("lgamma");
        return mg_ary_new_from(2, (Value[]){mg_float_new(HUGE_VAL), MG_FIX(1)});
    }
    if (x == 0.0) return mg_ary_new_from(2, (Value[]){mg_float_new(HUGE_VAL), MG_FIX(signbit(x) ? -1 : 1)});
    int sign = 1;
    double r = lgamma_r(x, &sign);
    return mg_ary_new_from(2, (Value[]){mg_float_new(r), MG_FIX(sign < 0 ? -1 : 1)});
}

static Value
math_frexp(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    int e = 0;
    double m = frexp(ARG0, &e);
    return mg_ary_new_from(2, (Value[]){mg_float_new(m), MG_FIX(e)});
}

static Value
math_ldexp(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    double m = ARG0;
    int64_t e = mg_num2long(argv[1]);
    if (e > INT32_MAX || e < INT32_MIN)
        mg_raise(mg_eRangeError, "integer %lld too %s to convert to `int'", (long long)e, e < 0 ? "small" : "big");
    return mg_float_new(ldexp(m, (int)e));
}

static const MgMethodDef math_functions[] = {
    {"sin", math_sin, 1, 1},
    {"cos", math_cos, 1, 1},
    {"tan", math_tan, 1, 1},
    {"asin", math_asin, 1, 1},
    {"acos", math_acos, 1, 1},
    {"atan", math_atan, 1, 1},
    {"atan2", math_atan2, 2, 2},
    {"sinh", math_sinh, 1, 1},
    {"cosh", math_cosh, 1, 1},
    {"tanh", math_tanh, 1, 1},
    {"asinh", math_asinh, 1, 1},
    {"acosh", math_acosh, 1, 1},
    {"atanh", math_atanh, 1, 1},
    {"exp", math_exp, 1, 1},
    {"log", math_log, 1, 2},
    {"log2", math_log2, 1, 1},
    {"log10", math_log10, 1, 1},
    {"sqrt", math_sqrt, 1, 1},
    {"cbrt", math_cbrt, 1, 1},
    {"hypot", math_hypot, 2, 2},
    {"erf", math_erf, 1, 1},
    {"erfc", math_erfc, 1, 1},
    {"gamma", math_gamma, 1, 1},
    {"lgamma", math_lgamma, 1, 1},
    {"frexp", math_frexp, 1, 1},
    {"ldexp", math_ldexp, 2, 2},
    {NULL, NULL, 0, 0}
};

void
mg_init_math(void)
{
    for (const MgMethodDef *d = math_functions; d->name; d++)
        mg_define_module_function(mg_mMath, d->name, d->fn, d->min_args, d->max_args);
    mg_define_const(mg_mMath, "PI", mg_float_new(M_PI));
    mg_define_const(mg_mMath, "E", mg_float_new(M_E));
    /* files of the numbers group that core.def does not list (yet) */
    mg_init_rational();
    mg_init_complex();
    mg_init_random();
}
