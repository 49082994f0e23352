/* bigdecimal.c -- bigdecimal.so: BigDecimal (arbitrary-precision decimal
 * floating point) and the C half of BigMath, on GMP. CRuby's own
 * bigdecimal.rb, bigdecimal/util.rb and bigdecimal/math.rb load over it
 * unchanged; BigMath.exp and BigMath.log are a few lines of Ruby at the end.
 *
 * A finite value is sign * coef * 10**exp with coef an Integer > 0 that has
 * no trailing zero digit, so equal values have equal fields (hash, eql?).
 * CRuby keeps the digits in base-10**9 "limbs" and the number of digits an
 * inexact result gets depends on that layout (a quotient gets a number of
 * limbs, not of digits). We keep no limbs, but derive the layout from
 * (coef, exp) where a result's length depends on it (quotient_trunc):
 *
 *   E   = digits(coef) + exp           the decimal exponent, x = 0.ddd * 10**E
 *   LE  = ceil(E / 9)                   the limb exponent, x = 0.[l0][l1].. * BASE**LE
 *   Prec = LE - floor(exp / 9)          limbs from l0 down to the last non-zero one
 *
 * maxprec is CRuby's allocated limb count (BigDecimal#precs, _dump's prefix);
 * it is bookkeeping only. Persistent: a BigDecimal is committed as its kind,
 * sign, exponent, maxprec and a reference to coef (like Rational).
 *
 * Exact operations (+ - * rounding) are plain GMP. Where CRuby 3.1's result
 * depends on its limb arithmetic, the same cut is made on exact values:
 *   1. a / b: the quotient truncated below limb word_c (from the operands'
 *      precision), then one rounding step on the remainder's leading limb;
 *   2. div(b, n), %, divmod, remainder, x ** -n: the same truncated
 *      quotient with their own word_c, then CRuby's windows (a modulus is
 *      cut word_c limbs below the larger operand's limb exponent);
 *   3. sqrt: CRuby's Newton iteration, step for step, on exact values;
 *   4. BigMath.exp / log: CRuby's series at CRuby's precisions (Ruby below).
 * test/ext/bigdecimal_*_test.rb hold CRuby's outputs; random operands agree
 * except where CRuby itself aborts ("space for remainder too small").
 * The rounding mode, exception mode and limit are per thread (Thread#[]). */
#include "ext.h"
#include "../core/bignum.h"
#include "../store/store.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { BD_FINITE, BD_ZERO, BD_NAN, BD_INF };

typedef struct {
    Value coef;        /* Integer > 0 (finite), 0 otherwise */
    int64_t exp;
    int32_t maxprec;   /* limbs */
    int8_t sign;       /* 1 or -1, also for zeros and infinities */
    uint8_t kind;
    int64_t ndig;      /* digits of coef, 0 until first needed (not persisted) */
} BigDec;

/* The modes CRuby keeps per thread; we keep them per process. */
enum {
    EXC_INFINITY = 1, EXC_NAN = 2, EXC_UNDERFLOW = 4, EXC_OVERFLOW = 1, EXC_ZERODIVIDE = 16, EXC_ALL = 255,
    ROUND_MODE = 256,
    R_UP = 1, R_DOWN, R_HALF_UP, R_HALF_DOWN, R_CEIL, R_FLOOR, R_HALF_EVEN,
};
/* The modes are per thread, as in CRuby: the running thread's are kept
 * here; a switch to another thread stores them in the owner's Thread#[]
 * (under CRuby's keys) and loads the new thread's. */
typedef struct { unsigned exc; int round; int64_t limit; } Modes;
static Modes cur_modes = { 0, R_HALF_UP, 0 };
static Value modes_owner = MG_NIL;

static void
modes_switch(Value th)
{
    static const char *const keys[] = { "BigDecimal.exception_mode", "BigDecimal.rounding_mode", "BigDecimal.precision_limit" };
    if (modes_owner != MG_NIL) {
        Value vals[3] = { MG_FIX((int64_t)cur_modes.exc), MG_FIX(cur_modes.round), mg_int_new(cur_modes.limit) };
        for (int i = 0; i < 3; i++) MG_CALL2(modes_owner, "[]=", mg_sym(keys[i]), vals[i]);
    }
    Value v[3];
    for (int i = 0; i < 3; i++) v[i] = MG_CALL1(th, "[]", mg_sym(keys[i]));
    cur_modes.exc = MG_IS_FIXNUM(v[0]) ? (unsigned)MG_FIX2LONG(v[0]) : 0;
    cur_modes.round = MG_IS_FIXNUM(v[1]) ? (int)MG_FIX2LONG(v[1]) : R_HALF_UP;
    cur_modes.limit = MG_IS_FIXNUM(v[2]) ? MG_FIX2LONG(v[2]) : 0;
    modes_owner = th;
}

static inline Modes *
modes(void)
{
    Value th = mg_thread_current();
    if (UNLIKELY(th != modes_owner) && th != MG_NIL) modes_switch(th);
    return &cur_modes;
}
#define exc_mode (modes()->exc)
#define round_mode (modes()->round)
#define prec_limit (modes()->limit)

#define BASE_FIG 9
#define DBL_FIG 16
#define EXP_MAX ((int64_t)1 << 56)   /* beyond this an exponent overflows (Infinity / 0) */

static RClass *cBigDecimal, *mBigMath;

/* ---- the payload and its persistence ---- */

static void
bd_mark(void *p)
{
    mg_gc_mark(((BigDec *)p)->coef);
}

static void
bd_encode(const void *p, MgBuf *b)
{
    const BigDec *x = p;
    mg_rec_put_u8(b, x->kind);
    mg_rec_put_u8(b, x->sign < 0 ? 0 : 1);
    mg_rec_put_u64(b, (uint64_t)x->exp);
    mg_rec_put_u32(b, (uint32_t)x->maxprec);
    mg_rec_put_ref(b, x->coef);
}

static void
bd_decode(void *p, bool in_slot, MgRd *r)
{
    UNUSED(in_slot);
    BigDec *x = p;
    x->kind = mg_rec_get_u8(r);
    x->sign = mg_rec_get_u8(r) ? 1 : -1;
    x->exp = (int64_t)mg_rec_get_u64(r);
    x->maxprec = (int32_t)mg_rec_get_u32(r);
    x->coef = mg_rec_get_ref(r);
    x->ndig = 0;
    if (mg_rec_failed(r)) return;
    if (x->kind > BD_INF || !MG_IS_INTEGER(x->coef)) mg_rec_fail(r, "BigDecimal record is malformed");
}

static void
bd_each_ref(const void *p, void (*fn)(Value, void *), void *arg)
{
    fn(((const BigDec *)p)->coef, arg);
}

static const MgDataPersist bd_persist = {
    .tag = "BigDecimal", .size = sizeof(BigDec), .encode = bd_encode, .decode = bd_decode, .each_ref = bd_each_ref,
};
static const DataType bd_type = { "BigDecimal", bd_mark, NULL, NULL, &bd_persist };

static inline BigDec *
bd_get(Value v)
{
    if (!MG_IS_TYPE(v, T_DATA)) return NULL;
    MG_FAULT(v);
    return mg_data_get(v, &bd_type);
}

static inline bool is_bd(Value v) { return bd_get(v) != NULL; }

static Value
bd_alloc(uint8_t kind, int sign, Value coef, int64_t exp, int32_t maxprec)
{
    void *p;
    Value v = mg_data_new_inline(cBigDecimal, &bd_type, sizeof(BigDec), &p);
    BigDec *x = p;
    x->kind = kind;
    x->sign = sign < 0 ? -1 : 1;
    x->coef = coef;
    x->exp = exp;
    x->maxprec = maxprec < 1 ? 1 : maxprec;
    MG_OBJ(v)->flags |= OF_FROZEN;
    return v;
}

static Value bd_nan(void) { return bd_alloc(BD_NAN, 1, MG_FIX(0), 0, 1); }
static Value bd_inf(int sign) { return bd_alloc(BD_INF, sign, MG_FIX(0), 0, 1); }
static Value bd_zero(int sign) { return bd_alloc(BD_ZERO, sign, MG_FIX(0), 0, 1); }
/* a zero result keeps the limbs CRuby allocated for it (precs, _dump) */
static Value bd_zero_mp(int sign, int64_t mp) { return bd_alloc(BD_ZERO, sign, MG_FIX(0), 0, (int32_t)(mp > INT32_MAX ? INT32_MAX : mp)); }

/* ---- exceptions (BigDecimal.mode) ---- */

NORETURN static void
domain_error(const char *msg)
{
    mg_raise(mg_eFloatDomainError, "%s", msg);
}

/* CRuby's VpCheckGetValue: a NaN or infinite result raises when its mode is on. */
static Value
checked(Value v)
{
    BigDec *p = bd_get(v);
    if (p->kind == BD_NAN && (exc_mode & EXC_NAN)) domain_error("Computation results in 'NaN' (Not a Number)");
    if (p->kind == BD_INF && (exc_mode & EXC_INFINITY))
        domain_error(p->sign > 0 ? "Computation results in 'Infinity'" : "Computation results in '-Infinity'");
    return v;
}

/* A NaN an operation on infinities makes (CRuby's VpIsDefOP raises at once). */
static Value
op_nan(void)
{
    if (exc_mode & EXC_NAN) domain_error("Computation results to 'NaN'");
    return bd_nan();
}

static Value
overflow_result(int sign)
{
    if (exc_mode & EXC_OVERFLOW) domain_error("Exponent overflow");
    return bd_inf(sign);
}

static Value
underflow_result(int sign)
{
    if (exc_mode & EXC_UNDERFLOW) domain_error("Exponent underflow");
    return bd_zero(sign);
}

/* ---- digit helpers ---- */

static inline int64_t
floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

static inline int64_t roomof(int64_t n, int64_t m) { return (n + m - 1) / m; }

/* 10**n for small n, made once on first use (division and alignment need
 * the same few powers over and over). */
#define POW10_CACHED 4096
static mpz_t pow10_cache[POW10_CACHED];
static bool pow10_made[POW10_CACHED];

static mpz_srcptr
pow10_ref(int64_t n)
{
    if (!pow10_made[n]) {
        mpz_init(pow10_cache[n]);
        mpz_ui_pow_ui(pow10_cache[n], 10, (unsigned long)n);
        pow10_made[n] = true;
    }
    return pow10_cache[n];
}

static void
pow10z(mpz_ptr r, int64_t n)
{
    if (n < POW10_CACHED) { mpz_set(r, pow10_ref(n)); return; }
    mg_big_check_bits((double)n * 3.33);
    mpz_ui_pow_ui(r, 10, (unsigned long)n);
}

/* The number of decimal digits of z > 0, exactly. */
static int64_t
ndigits(mpz_srcptr z)
{
    if (mpz_sgn(z) == 0) return 0;
    size_t n = mpz_sizeinbase(z, 10);    /* exact or one too many */
    if (n > 1) {
        if (n - 1 < POW10_CACHED) {
            if (mpz_cmpabs(z, pow10_ref((int64_t)n - 1)) < 0) n--;
        } else {
            mpz_t t;
            mpz_init(t);
            mpz_ui_pow_ui(t, 10, n - 1);
            if (mpz_cmpabs(z, t) < 0) n--;
            mpz_clear(t);
        }
    }
    return (int64_t)n;
}

static void
mul_pow10(mpz_ptr r, mpz_srcptr z, int64_t n)
{
    if (n == 0) { mpz_set(r, z); return; }
    if (n < POW10_CACHED) { mpz_mul(r, z, pow10_ref(n)); return; }
    mpz_t t;
    mpz_init(t);
    pow10z(t, n);
    mpz_mul(r, z, t);
    mpz_clear(t);
}

static inline mpz_srcptr
coef_z(const BigDec *p, MgIntView *v)
{
    return mg_int_view(p->coef, v);
}

static int64_t
bd_ndigits(const BigDec *cp)
{
    BigDec *p = (BigDec *)cp;    /* the cache only */
    if (p->ndig) return p->ndig;
    if (MG_IS_FIXNUM(p->coef)) {
        uint64_t c = (uint64_t)MG_FIX2LONG(p->coef);
        int64_t n = 0;
        while (c) { n++; c /= 10; }
        return p->ndig = n;
    }
    MgIntView v;
    return p->ndig = ndigits(coef_z(p, &v));
}

/* E: x = 0.ddd * 10**E (0 for zero, NaN, Infinity): BigDecimal#exponent. */
static int64_t
bd_E(const BigDec *p)
{
    return p->kind == BD_FINITE ? bd_ndigits(p) + p->exp : 0;
}

static int64_t
bd_limb_exp(const BigDec *p)
{
    return floor_div(bd_E(p) + BASE_FIG - 1, BASE_FIG);
}

/* CRuby's Prec: limbs in use. */
static int64_t
bd_prec(const BigDec *p)
{
    if (p->kind != BD_FINITE) return 1;
    return bd_limb_exp(p) - floor_div(p->exp, BASE_FIG);
}

/* The leading limb of coef * 10**exp (coef > 0). */
static uint32_t
lead_limb(mpz_srcptr coef, int64_t exp)
{
    int64_t E = ndigits(coef) + exp;
    int64_t le = floor_div(E + BASE_FIG - 1, BASE_FIG);
    int64_t shift = BASE_FIG * (le - 1) - exp;     /* limb0 = coef / 10**shift */
    mpz_t t;
    mpz_init(t);
    if (shift >= 0) {
        mpz_t d;
        mpz_init(d);
        pow10z(d, shift);
        mpz_tdiv_q(t, coef, d);
        mpz_clear(d);
    } else {
        mul_pow10(t, coef, -shift);
    }
    uint32_t r = (uint32_t)mpz_get_ui(t);
    mpz_clear(t);
    return r;
}

/* A finite result from a (possibly zero) magnitude z: strips trailing zeros.
 * z is cleared. */
static Value
bd_make(int sign, mpz_ptr z, int64_t exp, int64_t maxprec)
{
    if (mpz_sgn(z) == 0) { mpz_clear(z); return bd_zero_mp(sign, maxprec); }
    mpz_abs(z, z);
    mpz_t ten;
    mpz_init_set_ui(ten, 10);
    exp += (int64_t)mpz_remove(z, z, ten);
    mpz_clear(ten);
    if (maxprec > INT32_MAX) maxprec = INT32_MAX;
    int64_t nd = ndigits(z), E = nd + exp;
    if (E > EXP_MAX) { mpz_clear(z); return overflow_result(sign); }
    if (E < -EXP_MAX) { mpz_clear(z); return underflow_result(sign); }
    Value coef = mg_big_take(z);
    Value v = bd_alloc(BD_FINITE, sign, coef, exp, (int32_t)maxprec);
    bd_get(v)->ndig = nd;
    return v;
}

static Value
bd_make_copy(int sign, mpz_srcptr z, int64_t exp, int64_t maxprec)
{
    mpz_t t;
    mpz_init_set(t, z);
    return bd_make(sign, t, exp, maxprec);
}

/* ---- rounding ---- */

/* Rounds sign * z * 10**exp so that no digit below 10**pos remains, in mode.
 * z (a magnitude) is replaced; returns the new exponent. */
static int64_t
round_at(mpz_ptr z, int64_t exp, int sign, int64_t pos, int mode)
{
    if (exp >= pos || mpz_sgn(z) == 0) return exp;
    int64_t d = pos - exp;
    int64_t nd = ndigits(z);
    if (d > nd + 1) {
        /* every digit is dropped and the first dropped one is below half */
        bool up = mode == R_UP || (mode == R_CEIL && sign > 0) || (mode == R_FLOOR && sign < 0);
        mpz_set_ui(z, up ? 1 : 0);
        return pos;
    }
    mpz_t q, r, half;
    mpz_inits(q, r, half, NULL);
    pow10z(half, d);
    mpz_tdiv_qr(q, r, z, half);
    mpz_tdiv_q_ui(half, half, 2);
    int c = mpz_cmp(r, half);
    bool nonzero = mpz_sgn(r) != 0, up = false;
    switch (mode) {
    case R_UP: up = nonzero; break;
    case R_DOWN: up = false; break;
    case R_HALF_UP: up = c >= 0; break;
    case R_HALF_DOWN: up = c > 0; break;
    case R_HALF_EVEN: up = c > 0 || (c == 0 && mpz_odd_p(q)); break;
    case R_CEIL: up = nonzero && sign > 0; break;
    case R_FLOOR: up = nonzero && sign < 0; break;
    }
    if (up) mpz_add_ui(q, q, 1);
    mpz_swap(z, q);
    mpz_clears(q, r, half, NULL);
    return pos;
}

/* x rounded at 10**pos, as a new BigDecimal (non-finite and zero unchanged). */
static Value
bd_round_pos(Value x, int64_t pos, int mode, int64_t maxprec)
{
    BigDec *p = bd_get(x);
    if (p->kind != BD_FINITE) return x;
    /* left of the leading limb only ceil and floor round away from 0 (VpMidRound) */
    if (pos > BASE_FIG * bd_limb_exp(p) && mode != R_CEIL && mode != R_FLOOR) return bd_zero_mp(p->sign, maxprec ? maxprec : p->maxprec);
    MgIntView v;
    mpz_t z;
    mpz_init_set(z, coef_z(p, &v));
    int64_t e = round_at(z, p->exp, p->sign, pos, mode);
    return bd_make(p->sign, z, e, maxprec ? maxprec : p->maxprec);
}

/* x rounded to n significant digits (CRuby's VpLeftRound). */
static Value
bd_round_sig(Value x, int64_t n, int mode)
{
    BigDec *p = bd_get(x);
    if (p->kind != BD_FINITE || n <= 0) return x;
    return bd_round_pos(x, bd_E(p) - n, mode, 0);
}

/* BigDecimal.limit: every + - * / result is rounded to that many digits. */
static Value
limited(Value x)
{
    return prec_limit > 0 ? bd_round_sig(x, prec_limit, round_mode) : x;
}

/* ---- conversions into BigDecimal ---- */

static Value parse_str(const char *s, size_t len, bool strict, bool *ok);
static Value bd_div_digits(Value a, Value b, int64_t n);

static Value
from_int(Value i)
{
    MgIntView v;
    mpz_srcptr z = mg_int_view(i, &v);
    int sign = mpz_sgn(z) < 0 ? -1 : 1;
    if (mpz_sgn(z) == 0) return bd_zero(1);
    int64_t nd = ndigits(z);
    Value r = bd_make_copy(sign, z, 0, 1);
    /* CRuby's allocation: the limbs of a 64-bit value, or room for its digits */
    BigDec *p = bd_get(r);
    /* (the digits of a bignum come from its to_s, sign included) */
    int64_t mp = mpz_sizeinbase(z, 2) <= 64 ? bd_prec(p) : roomof(nd + (sign < 0) + BASE_FIG + 1, BASE_FIG);
    if (mpz_sizeinbase(z, 2) > 64 && mp < roomof(nd, BASE_FIG) + 1) mp = roomof(nd, BASE_FIG) + 1;
    p->maxprec = (int32_t)mp;
    return r;
}

/* The limbs CRuby allocates for a Float's digits: it pads them with zeros
 * to whole limbs, makes an Integer of that and converts the Integer. */
static int64_t
float_maxprec(const BigDec *p)
{
    int64_t len = bd_ndigits(p), decpt = bd_E(p), ntz;
    if (decpt > 0 && decpt < len) ntz = BASE_FIG - (len - decpt) % BASE_FIG;
    else if (decpt >= len) ntz = (decpt - len) % BASE_FIG;
    else if (decpt == 0) ntz = roomof(len, BASE_FIG) * BASE_FIG - len;
    else {
        int64_t lz = -decpt, prec = roomof(lz + len, BASE_FIG) - lz / BASE_FIG;
        ntz = prec * BASE_FIG - lz % BASE_FIG - len;
    }
    MgIntView v;
    mpz_t z;
    mpz_init(z);
    mul_pow10(z, coef_z(p, &v), ntz);
    int64_t nd = len + ntz, mp;
    if (mpz_sizeinbase(z, 2) <= 64) {
        mpz_t ten;
        mpz_init_set_ui(ten, 10);
        int64_t tz = (int64_t)mpz_remove(z, z, ten);
        mpz_clear(ten);
        mp = roomof(nd, BASE_FIG) - tz / BASE_FIG;
    } else {
        mp = roomof(nd + BASE_FIG + 1, BASE_FIG);
        if (mp < roomof(nd, BASE_FIG) + 1) mp = roomof(nd, BASE_FIG) + 1;
    }
    mpz_clear(z);
    return mp;
}

/* A Float's digits: the shortest that read back as d when prec is 0, else d
 * correctly rounded to prec digits. */
static Value
from_float(double d, int64_t prec)
{
    if (isnan(d)) return bd_nan();
    if (isinf(d)) return bd_inf(d < 0 ? -1 : 1);
    if (d == 0.0) return bd_zero(signbit(d) ? -1 : 1);
    char buf[64];
    if (prec <= 0) {
        /* the shortest digits, but CRuby keeps at most 16 of them (cut, not rounded) */
        int p = 1;
        for (; p <= 17; p++) {
            snprintf(buf, sizeof buf, "%.*e", p - 1, d);
            if (strtod(buf, NULL) == d) break;
        }
        if (p > DBL_FIG) {
            char *e = strchr(buf, 'e');
            char *dot = strchr(buf, '.');
            if (e && dot && e - dot - 1 > DBL_FIG - 1) memmove(dot + DBL_FIG, e, strlen(e) + 1);
        }
    } else {
        snprintf(buf, sizeof buf, "%.*e", (int)prec - 1, d);
    }
    bool ok;
    Value r = parse_str(buf, strlen(buf), true, &ok);
    BigDec *p = bd_get(r);
    if (p->kind == BD_FINITE) p->maxprec = (int32_t)float_maxprec(p);
    return r;
}

static Value bd_div(Value av, Value bv);

static Value
from_rational(Value r, int64_t prec)
{
    Value num = MG_CALL0(r, "numerator"), den = MG_CALL0(r, "denominator");
    if (prec == 0) return bd_div(from_int(num), from_int(den));     /* div(x, 0) is / */
    return bd_div_digits(from_int(num), from_int(den), prec);
}

/* An operand of arithmetic with self: BigDecimal, Integer, Float (its shortest
 * digits), Rational (self's Prec * 9 digits); MG_UNDEF for anything else. */
static Value
operand(Value self, Value r)
{
    if (is_bd(r)) return r;
    if (MG_IS_INTEGER(r)) return from_int(r);
    if (MG_IS_FLOAT(r)) return from_float(mg_float_value(r), 0);
    if (mg_obj_is_kind_of(r, mg_cRational)) return from_rational(r, bd_prec(bd_get(self)) * BASE_FIG);
    return MG_UNDEF;
}

NORETURN static void
cannot_coerce(Value v)
{
    Value s = (v == MG_NIL || v == MG_TRUE || v == MG_FALSE || !MG_IS_PTR(v)) ? mg_inspect(v) : mg_class_name(mg_class_real(mg_class_of(v)));
    mg_raise(mg_eTypeError, "%s can't be coerced into BigDecimal", mg_str_cstr(s));
}

/* ---- string parsing ---- */

static inline bool is_sp(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static inline bool is_dig(char c) { return c >= '0' && c <= '9'; }

/* BigDecimal("..."): strict fails (*ok = false) on anything but optional
 * blanks, a sign, digits with single underscores, a fraction, an exponent
 * ([eEdD], digits) and blanks, or Infinity / NaN; loose (String#to_d) takes
 * the longest valid prefix. */
static Value
parse_str(const char *s, size_t len, bool strict, bool *ok)
{
    const char *p = s, *end = s + len;
    *ok = true;
    while (p < end && is_sp(*p)) p++;
    int sign = 1;
    const char *q = p;
    if (q < end && (*q == '+' || *q == '-')) { if (*q == '-') sign = -1; q++; }
    static const char inf[] = "Infinity", nan[] = "NaN";
    if ((size_t)(end - q) >= 8 && !memcmp(q, inf, 8)) {
        const char *t = q + 8;
        while (t < end && is_sp(*t)) t++;
        if (t == end) return bd_inf(sign);
    }
    if (p == q && (size_t)(end - q) >= 3 && !memcmp(q, nan, 3)) {
        const char *t = q + 3;
        while (t < end && is_sp(*t)) t++;
        if (t == end) return bd_nan();
    }
    p = q;
    char *digits = mg_malloc(len + 2);
    size_t nd = 0, nint = 0, nfrac = 0;
    bool bad = false;
    /* integer part */
    while (p < end) {
        if (is_dig(*p)) { digits[nd++] = *p++; nint++; }
        else if (*p == '_' && nint > 0 && is_dig(p[-1]) && (p + 1 == end || is_sp(p[1]) || is_dig(p[1]))) p++;
        else break;
    }
    if (p < end && *p == '.') {
        if (p + 1 < end && is_dig(p[1])) {
            p++;
            while (p < end) {
                if (is_dig(*p)) { digits[nd++] = *p++; nfrac++; }
                else if (*p == '_' && p + 1 < end && is_dig(p[1])) p++;
                else break;
            }
        } else if (strict) bad = true;
        else if (nd > 0) p++;                   /* "1.e5".to_d: a bare point, then the exponent */
    }
    int64_t e = 0;
    if (!bad && nd > 0 && p < end && (*p == 'e' || *p == 'E' || *p == 'd' || *p == 'D')) {
        const char *t = p + 1;
        int es = 1;
        if (t < end && (*t == '+' || *t == '-')) { if (*t == '-') es = -1; t++; }
        if (t < end && is_dig(*t)) {
            while (t < end && (is_dig(*t) || (*t == '_' && t + 1 < end && is_dig(t[1])))) {
                if (*t != '_' && e < EXP_MAX) e = e * 10 + (*t - '0');
                t++;
            }
            e *= es;
            p = t;
        } else if (strict) bad = true;
    }
    if (nd == 0) bad = bad || strict;
    if (strict) {
        while (p < end && is_sp(*p)) p++;
        if (p != end) bad = true;
    }
    if (bad || nd == 0) {
        mg_free(digits, len + 2);
        if (bad) *ok = false;
        /* (String#to_d keeps the sign of "-x" but not of "-_x") */
        return bd_zero(q < end && *q == '_' ? 1 : sign);
    }
    digits[nd] = 0;
    mpz_t z;
    mpz_init_set_str(z, digits, 10);
    mg_free(digits, len + 2);
    int64_t maxprec = roomof((int64_t)(nint + nfrac), BASE_FIG) + 1;
    if (mpz_sgn(z) == 0) { mpz_clear(z); return bd_zero_mp(sign, maxprec); }
    /* an exponent out of range: Infinity (raising "exponent overflow" in that
     * mode) or, silently, zero */
    int64_t E = ndigits(z) + e - (int64_t)nfrac;
    if (E > EXP_MAX || E < -EXP_MAX) {
        mpz_clear(z);
        if (E < 0) return bd_zero_mp(sign, maxprec);
        if (exc_mode & EXC_INFINITY) domain_error("exponent overflow");
        return bd_inf(sign);
    }
    return bd_make(sign, z, e - (int64_t)nfrac, maxprec);
}

static Value
str_to_bd(Value str, bool raise)
{
    const char *s = mg_str_ptr(str);
    size_t len = (size_t)mg_str_len(str);
    if (memchr(s, 0, len)) mg_raise(mg_eArgumentError, "string contains null byte");
    bool ok;
    Value v = parse_str(s, len, true, &ok);
    if (!ok) {
        if (!raise) return MG_NIL;
        mg_raise(mg_eArgumentError, "invalid value for BigDecimal(): \"%s\"", mg_str_cstr(str));
    }
    return checked(v);
}

static int64_t
check_prec(Value n)
{
    int64_t v = mg_num2long(n);
    if (v < 0) mg_raise(mg_eArgumentError, "negative precision");
    return v;
}

/* Kernel#BigDecimal(value, digits = omitted, exception: true) */
static Value
convert(Value v, bool has_prec, int64_t prec, bool raise)
{
    if (is_bd(v)) {
        if (has_prec && prec > 0) return bd_round_sig(v, prec, round_mode);
        return v;
    }
    if (MG_IS_INTEGER(v)) return from_int(v);
    if (MG_IS_FLOAT(v)) {
        if (!has_prec) mg_raise(mg_eArgumentError, "can't omit precision for a %s.", "Float");
        if (prec > DBL_FIG) mg_raise(mg_eArgumentError, "precision too large.");
        return checked(from_float(mg_float_value(v), prec));
    }
    if (mg_obj_is_kind_of(v, mg_cRational)) {
        if (!has_prec) mg_raise(mg_eArgumentError, "can't omit precision for a %s.", "Rational");
        return from_rational(v, prec);
    }
    if (mg_obj_is_kind_of(v, mg_cComplex)) {
        Value im = MG_CALL0(v, "imaginary");
        if (!mg_equal(im, MG_FIX(0)))
            mg_raise(mg_eArgumentError, "Unable to make a BigDecimal from non-zero imaginary number");
        return convert(MG_CALL0(v, "real"), has_prec, prec, raise);
    }
    if (MG_IS_STRING(v)) return str_to_bd(v, raise);
    if (v != MG_NIL && !MG_IS_SYMBOL(v)) {
        Value s = mg_check_string(v);
        if (s != MG_NIL) return str_to_bd(s, raise);
    }
    if (!raise) return MG_NIL;
    if (v == MG_NIL) mg_raise(mg_eTypeError, "can't convert nil into BigDecimal");
    mg_raise(mg_eTypeError, "can't convert %s into BigDecimal", mg_class_cname(mg_class_real(mg_class_of(v))));
}

static Value
k_BigDecimal(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    mg_check_argc(argc, 1, 2);
    bool raise = true;
    if (kw != MG_NIL) {
        static const char *const names[] = { "exception" };
        Value ex;
        mg_kwargs_get(kw, names, 1, &ex);
        if (ex != MG_UNDEF) raise = ex != MG_FALSE && ex != MG_NIL;
    }
    bool has_prec = argc > 1;
    int64_t prec = has_prec ? check_prec(argv[1]) : 0;
    if (!raise) {
        /* exception: false turns the conversion's errors into nil */
        if (MG_IS_STRING(argv[0])) return str_to_bd(argv[0], false);
        if (argv[0] == MG_NIL) return MG_NIL;
    }
    return convert(argv[0], has_prec, prec, raise);
}

static Value
bd_s_interpret_loosely(Value self, int argc, const Value *argv, Value blk)
{
    Value s = mg_to_str(argv[0]);
    bool ok;
    return checked(parse_str(mg_str_ptr(s), (size_t)mg_str_len(s), false, &ok));
}

/* ---- arithmetic ---- */

static int64_t
addsub_maxprec(const BigDec *a, const BigDec *b)
{
    int64_t mx = bd_prec(a) > bd_prec(b) ? bd_prec(a) : bd_prec(b);
    /* (CRuby's zero sits at limb exponent 1) */
    int64_t d = (a->kind == BD_ZERO ? 1 : bd_limb_exp(a)) - (b->kind == BD_ZERO ? 1 : bd_limb_exp(b));
    mx += d < 0 ? -d : d;
    return roomof(mx * (BASE_FIG + 1), BASE_FIG);
}

/* a + sb * b (sb = 1 or -1), both BigDecimal. */
static Value
bd_addsub(Value av, Value bv, int sb)
{
    BigDec *a = bd_get(av), *b = bd_get(bv);
    if (b->kind == BD_NAN) return bv;
    if (a->kind == BD_NAN) return av;
    int bs = b->sign * sb;
    if (a->kind == BD_INF) {
        if (b->kind == BD_INF && a->sign != bs) return op_nan();
        return bd_inf(a->sign);
    }
    if (b->kind == BD_INF) return bd_inf(bs);
    if (b->kind == BD_ZERO) {
        if (a->kind == BD_ZERO) return bd_zero_mp(a->sign < 0 && bs < 0 ? -1 : 1, addsub_maxprec(a, b));
        return bd_alloc(BD_FINITE, a->sign, a->coef, a->exp, (int32_t)addsub_maxprec(a, b));
    }
    if (a->kind == BD_ZERO) {
        MgIntView v;
        return bd_make_copy(bs, coef_z(b, &v), b->exp, addsub_maxprec(a, b));
    }
    MgIntView va, vb;
    mpz_srcptr ca = coef_z(a, &va), cb = coef_z(b, &vb);
    int64_t e = a->exp < b->exp ? a->exp : b->exp;
    mpz_t x, y;
    mpz_inits(x, y, NULL);
    mul_pow10(x, ca, a->exp - e);
    mul_pow10(y, cb, b->exp - e);
    if (a->sign < 0) mpz_neg(x, x);
    if (bs < 0) mpz_neg(y, y);
    mpz_add(x, x, y);
    mpz_clear(y);
    int sign = mpz_sgn(x) < 0 ? -1 : 1;
    return bd_make(sign, x, e, addsub_maxprec(a, b));
}

static Value
bd_mul(Value av, Value bv)
{
    BigDec *a = bd_get(av), *b = bd_get(bv);
    if (a->kind == BD_NAN || b->kind == BD_NAN) return bd_nan();
    int sign = a->sign * b->sign;
    if (a->kind == BD_INF || b->kind == BD_INF) {
        if (a->kind == BD_ZERO || b->kind == BD_ZERO) return op_nan();
        return bd_inf(sign);
    }
    int64_t mp = roomof((bd_prec(a) + bd_prec(b)) * (BASE_FIG + 1), BASE_FIG);
    if (a->kind == BD_ZERO || b->kind == BD_ZERO) return bd_zero_mp(sign, mp);
    MgIntView va, vb;
    mpz_t x;
    mpz_init(x);
    mpz_mul(x, coef_z(a, &va), coef_z(b, &vb));
    return bd_make(sign, x, a->exp + b->exp, mp);
}

/* |a / b| truncated below the limb BASE**w (q: a magnitude with exponent 9w)
 * and the remainder |a| - q*|b| as (rem, *rexp), for finite non-zero a, b.
 * This is the quotient CRuby's limb division leaves when it may fill
 * word_c limbs: w = LE(a) - LE(b) + 2 - word_c. */
static void
quotient_trunc(const BigDec *a, const BigDec *b, int64_t word_c, mpz_ptr q, int64_t *qexp, mpz_ptr rem, int64_t *rexp)
{
    MgIntView va, vb;
    mpz_srcptr ca = coef_z(a, &va), cb = coef_z(b, &vb);
    int64_t w = bd_limb_exp(a) - bd_limb_exp(b) + 2 - word_c;
    int64_t s = a->exp - b->exp - BASE_FIG * w;
    mpz_t num, den;
    mpz_inits(num, den, NULL);
    if (s >= 0) { mul_pow10(num, ca, s); mpz_set(den, cb); *rexp = BASE_FIG * w + b->exp; }
    else { mpz_set(num, ca); mul_pow10(den, cb, -s); *rexp = a->exp; }
    mpz_tdiv_qr(q, rem, num, den);
    *qexp = BASE_FIG * w;
    mpz_clears(num, den, NULL);
}

static int64_t div_word_c(const BigDec *a, const BigDec *b);

/* The special cases of a / b; MG_UNDEF when both are finite and non-zero. */
static Value
div_special(const BigDec *a, const BigDec *b)
{
    int sign = a->sign * b->sign;
    if (a->kind == BD_NAN || b->kind == BD_NAN) return bd_nan();
    if (a->kind == BD_INF) {
        if (b->kind == BD_INF) return bd_nan();
        return bd_inf(sign);
    }
    if (b->kind == BD_INF) return bd_zero(sign);
    if (b->kind == BD_ZERO) {
        int32_t mp = (int32_t)div_word_c(a, b);
        if (a->kind == BD_ZERO) {
            if (exc_mode & EXC_NAN) domain_error("Computation results to 'NaN'");
            return bd_alloc(BD_NAN, 1, MG_FIX(0), 0, mp);
        }
        if (exc_mode & EXC_ZERODIVIDE) domain_error("Divide by zero");
        return bd_alloc(BD_INF, sign, MG_FIX(0), 0, mp);
    }
    if (a->kind == BD_ZERO) return bd_zero_mp(sign, div_word_c(a, b));
    return MG_UNDEF;
}

static void prec_scale(const BigDec *a, int64_t *prec, int64_t *scale);

/* The limbs CRuby 3.1's a / b may fill: from the longer operand's precision. */
static int64_t
div_word_c(const BigDec *a, const BigDec *b)
{
    int64_t pa, pb, sc;
    prec_scale(a, &pa, &sc);
    prec_scale(b, &pb, &sc);
    int64_t mx = pa > pb ? pa : pb;
    if (mx < 2 * DBL_FIG) mx = 2 * DBL_FIG;
    return roomof(mx + 2 * BASE_FIG, BASE_FIG);
}

/* a / b: the truncated quotient, then one rounding step on the next digit
 * estimated from the remainder's leading limb (CRuby's rule, quirks kept). */
static Value
bd_div(Value av, Value bv)
{
    BigDec *a = bd_get(av), *b = bd_get(bv);
    Value sp = div_special(a, b);
    if (sp != MG_UNDEF) return sp;
    int sign = a->sign * b->sign;
    int64_t word_c = div_word_c(a, b), qexp, rexp;
    mpz_t q, rem;
    mpz_inits(q, rem, NULL);
    quotient_trunc(a, b, word_c, q, &qexp, rem, &rexp);
    /* drop trailing zero limbs: the rounding step adds to the last non-zero one */
    while (mpz_sgn(q) && mpz_divisible_ui_p(q, 1000000000)) { mpz_tdiv_q_ui(q, q, 1000000000); qexp += BASE_FIG; }
    if (mpz_sgn(rem) != 0) {
        MgIntView vb;
        uint32_t r0 = lead_limb(rem, rexp), b0 = lead_limb(coef_z(b, &vb), b->exp);
        uint32_t v = (uint32_t)((uint64_t)1000000000 * r0 / b0);
        uint32_t prev = (uint32_t)mpz_fdiv_ui(q, 1000000000);
        bool up = false;
        if (v) {
            v /= 100000000;
            switch (round_mode) {
            case R_UP: up = v != 0; break;
            case R_HALF_UP: up = v >= 5; break;
            case R_HALF_DOWN: up = v > 5; break;
            case R_CEIL: up = v && sign > 0; break;
            case R_FLOOR: up = v && sign < 0; break;
            case R_HALF_EVEN: up = v > 5 || (v == 5 && (prev % 2)); break;
            default: break;
            }
        }
        if (up) mpz_add_ui(q, q, 1);
    }
    mpz_clear(rem);
    return limited(bd_make(sign, q, qexp, word_c));
}

/* a.div(b, n): the quotient rounded to n significant digits. */
static Value
bd_div_digits(Value av, Value bv, int64_t n)
{
    BigDec *a = bd_get(av), *b = bd_get(bv);
    int64_t word_c = roomof(n + 3 * BASE_FIG, BASE_FIG), qexp, rexp;
    Value sp = div_special(a, b);
    if (sp != MG_UNDEF) {
        if (b->kind == BD_ZERO) bd_get(sp)->maxprec = (int32_t)word_c;
        return sp;
    }
    int sign = a->sign * b->sign;
    mpz_t q, rem;
    mpz_inits(q, rem, NULL);
    quotient_trunc(a, b, word_c, q, &qexp, rem, &rexp);
    mpz_clear(rem);
    int64_t E = ndigits(q) + qexp;
    qexp = round_at(q, qexp, sign, E - n, round_mode);
    return bd_make(sign, q, qexp, word_c);
}

/* The floored quotient (an integral BigDecimal) and modulus of a / b; false
 * when b is not a number BigDecimal knows. Raises ZeroDivisionError for b == 0. */
static bool
do_divmod(Value self, Value r, Value *div, Value *mod)
{
    Value bv = operand(self, r);
    if (bv == MG_UNDEF) return false;
    BigDec *a = bd_get(self), *b = bd_get(bv);
    if (a->kind == BD_NAN || b->kind == BD_NAN || (a->kind == BD_INF && b->kind == BD_INF)) {
        *div = *mod = bd_nan();
        return true;
    }
    if (b->kind == BD_ZERO) mg_raise(mg_eZeroDivisionError, "divided by 0");
    if (a->kind == BD_INF) {
        *div = bd_inf(a->sign == b->sign ? 1 : -1);
        *mod = bd_nan();
        return true;
    }
    if (b->kind == BD_INF) { *div = bd_zero(1); *mod = self; return true; }
    if (a->kind == BD_ZERO) { *div = *mod = bd_zero_mp(1, 2); return true; }
    int sign = a->sign * b->sign;
    mpz_t q, rem;
    int64_t qexp, rexp;
    mpz_inits(q, rem, NULL);
    int64_t word_c = div_word_c(a, b);
    quotient_trunc(a, b, word_c, q, &qexp, rem, &rexp);
    mpz_clear(rem);
    int64_t cprec = mpz_sgn(q) ? bd_prec(bd_get(bd_make_copy(sign, q, qexp, 0))) : 1;
    qexp = round_at(q, qexp, sign, 0, R_DOWN);
    Value d = bd_make(sign, q, qexp, 0);
    Value res = bd_mul(d, bv);
    /* a - d*b lands in the quotient's word_c limbs, counted from one limb
     * above the larger operand: both are truncated there first (so a dropped
     * tail of d*b rounds the modulus up), as CRuby's subtraction does */
    BigDec *pr = bd_get(res);
    if (pr->kind == BD_FINITE) {
        int64_t lmax = bd_limb_exp(a) > bd_limb_exp(pr) ? bd_limb_exp(a) : bd_limb_exp(pr);
        int64_t cut = BASE_FIG * (lmax - word_c + 1);
        self = bd_round_pos(self, cut, R_DOWN, 0);
        res = bd_round_pos(res, cut, R_DOWN, 0);
    }
    Value m = bd_addsub(self, res, -1);
    bd_get(m)->maxprec = (int32_t)word_c;          /* it is the quotient's object in CRuby */
    if (bd_get(m)->kind != BD_ZERO && sign < 0) {
        /* d - 1 in d's limbs (the quotient's), truncated the same way */
        Value one = from_int(MG_FIX(1));
        BigDec *pd = bd_get(d);
        if (pd->kind == BD_FINITE) {
            int64_t lmax = bd_limb_exp(pd) > 1 ? bd_limb_exp(pd) : 1;
            int64_t cut = BASE_FIG * (lmax - cprec + 1);
            d = bd_round_pos(d, cut, R_DOWN, 0);
            one = bd_round_pos(one, cut, R_DOWN, 0);
        }
        d = bd_addsub(d, one, -1);
        BigDec *pm = bd_get(m);
        int64_t mx = bd_prec(pm) > bd_prec(b) ? bd_prec(pm) : bd_prec(b);
        int64_t dl = bd_limb_exp(pm) - bd_limb_exp(b);
        mx += dl < 0 ? -dl : dl;
        m = bd_addsub(m, bv, 1);
        bd_get(m)->maxprec = (int32_t)(2 * mx);
    }
    *div = d;
    *mod = m;
    return true;
}

/* ---- the Ruby methods: arithmetic ---- */

static Value
bd_m_add(Value self, int argc, const Value *argv, Value blk)
{
    Value b = operand(self, argv[0]);
    if (b == MG_UNDEF) return mg_num_coerce_bin(self, argv[0], mg_intern_cstr("+"));
    return checked(limited(bd_addsub(self, b, 1)));
}

static Value
bd_m_sub(Value self, int argc, const Value *argv, Value blk)
{
    Value b = operand(self, argv[0]);
    if (b == MG_UNDEF) return mg_num_coerce_bin(self, argv[0], mg_intern_cstr("-"));
    return checked(limited(bd_addsub(self, b, -1)));
}

static Value
bd_m_mul(Value self, int argc, const Value *argv, Value blk)
{
    Value b = operand(self, argv[0]);
    if (b == MG_UNDEF) return mg_num_coerce_bin(self, argv[0], mg_intern_cstr("*"));
    return checked(limited(bd_mul(self, b)));
}

static Value
bd_m_div(Value self, int argc, const Value *argv, Value blk)
{
    Value b = operand(self, argv[0]);
    if (b == MG_UNDEF) return mg_num_coerce_bin(self, argv[0], mg_intern_cstr("/"));
    return checked(bd_div(self, b));
}

/* add/sub/mult(value, digits): the exact result rounded to digits (0: as the operator) */
static Value
op_digits(Value self, Value r, Value n, int op)
{
    int64_t digits = check_prec(n);
    Value b = operand(self, r);
    if (b == MG_UNDEF) {
        const char *name = op == '+' ? "+" : op == '-' ? "-" : "*";
        Value res = mg_num_coerce_bin(self, r, mg_intern_cstr(name));
        return digits && is_bd(res) ? bd_round_sig(res, digits, round_mode) : res;
    }
    Value c = op == '*' ? bd_mul(self, b) : bd_addsub(self, b, op == '+' ? 1 : -1);
    if (digits == 0) return checked(limited(c));
    return checked(bd_round_sig(c, digits, round_mode));
}

static Value bd_m_add2(Value self, int argc, const Value *argv, Value blk) { return op_digits(self, argv[0], argv[1], '+'); }
static Value bd_m_sub2(Value self, int argc, const Value *argv, Value blk) { return op_digits(self, argv[0], argv[1], '-'); }
static Value bd_m_mult2(Value self, int argc, const Value *argv, Value blk) { return op_digits(self, argv[0], argv[1], '*'); }

static Value bd_to_int_value(Value self);

/* div(value) floors to an Integer; div(value, 0) is /; div(value, n) rounds to n digits. */
static Value
bd_m_div3(Value self, int argc, const Value *argv, Value blk)
{
    if (argc < 2 || argv[1] == MG_NIL) {
        Value d, m;
        if (!do_divmod(self, argv[0], &d, &m)) return mg_num_coerce_bin(self, argv[0], mg_intern_cstr("div"));
        return bd_to_int_value(checked(d));
    }
    int64_t n = check_prec(argv[1]);
    if (n == 0) return bd_m_div(self, 1, argv, blk);
    Value b;
    if (MG_IS_FLOAT(argv[0])) b = from_float(mg_float_value(argv[0]), n > DBL_FIG ? DBL_FIG : n);
    else if (mg_obj_is_kind_of(argv[0], mg_cRational)) b = from_rational(argv[0], n);
    else b = operand(self, argv[0]);
    if (b == MG_UNDEF) cannot_coerce(argv[0]);
    return checked(bd_div_digits(self, b, n));
}

static Value
bd_m_quo(Value self, int argc, const Value *argv, Value blk)
{
    if (argc > 1) {
        int64_t n = check_prec(argv[1]);
        if (n > 0) return bd_m_div3(self, argc, argv, blk);
    }
    return bd_m_div(self, 1, argv, blk);
}

static Value
bd_m_mod(Value self, int argc, const Value *argv, Value blk)
{
    Value d, m;
    if (!do_divmod(self, argv[0], &d, &m)) return mg_num_coerce_bin(self, argv[0], mg_intern_cstr("%"));
    return checked(m);
}

static Value
bd_m_divmod(Value self, int argc, const Value *argv, Value blk)
{
    Value d, m;
    if (!do_divmod(self, argv[0], &d, &m)) return mg_num_coerce_bin(self, argv[0], mg_intern_cstr("divmod"));
    return mg_ary_new_from(2, (Value[]){ checked(d), checked(m) });
}

/* x.remainder(y) = x - y * (x / y).truncate */
static Value
bd_m_remainder(Value self, int argc, const Value *argv, Value blk)
{
    Value bv = operand(self, argv[0]);
    if (bv == MG_UNDEF) return mg_num_coerce_bin(self, argv[0], mg_intern_cstr("remainder"));
    BigDec *a = bd_get(self), *b = bd_get(bv);
    if (a->kind == BD_NAN || b->kind == BD_NAN || a->kind == BD_INF || b->kind == BD_INF || b->kind == BD_ZERO)
        return op_nan();
    if (a->kind == BD_ZERO) return self;
    int sign = a->sign * b->sign;
    /* the integral part of a / b as CRuby's quotient of maxprec(a) +
     * maxprec(b) limbs holds it (a long quotient loses its low digits) */
    int64_t ma = a->maxprec > bd_prec(a) ? a->maxprec : bd_prec(a);
    int64_t mb = b->maxprec > bd_prec(b) ? b->maxprec : bd_prec(b);
    mpz_t q, rem;
    int64_t qexp, rexp;
    mpz_inits(q, rem, NULL);
    quotient_trunc(a, b, ma + mb, q, &qexp, rem, &rexp);
    mpz_clear(rem);
    qexp = round_at(q, qexp, sign, 0, R_DOWN);
    Value d = bd_make(sign, q, qexp, 0);
    return checked(bd_addsub(self, bd_mul(d, bv), -1));
}

static Value
bd_m_neg(Value self, int argc, const Value *argv, Value blk)
{
    BigDec *a = bd_get(self);
    if (a->kind == BD_NAN) return self;
    if (a->kind == BD_INF) return checked(bd_inf(-a->sign));
    if (a->kind == BD_ZERO) return bd_zero(-a->sign);
    return limited(bd_alloc(BD_FINITE, -a->sign, a->coef, a->exp, (int32_t)roomof(bd_prec(a) * (BASE_FIG + 1), BASE_FIG)));
}

static Value
bd_m_abs(Value self, int argc, const Value *argv, Value blk)
{
    BigDec *a = bd_get(self);
    if (a->kind == BD_NAN) return self;
    if (a->kind == BD_INF) return checked(bd_inf(1));
    if (a->kind == BD_ZERO) return bd_zero(1);
    return limited(bd_alloc(BD_FINITE, 1, a->coef, a->exp, (int32_t)roomof(bd_prec(a) * (BASE_FIG + 1), BASE_FIG)));
}

static Value bd_m_uplus(Value self, int argc, const Value *argv, Value blk) { return self; }

/* ---- sqrt: CRuby's Newton iteration, step by step ----
 * The digits of BigDecimal#sqrt beyond the requested ones are whatever
 * CRuby's iteration leaves, so we run the same iteration on exact values:
 * y0 from the double sqrt of the leading limbs, then
 *   f = x / y (truncated to k limbs), f = (f - y) / 2 and y += f
 * (both rounded to k limbs on the first digit of the next limb), with k
 * doubling from 2 up to the result's limbs, until f is 0 or the iterations
 * run out. A value is a magnitude z and an exponent (z * 10**e). */

static int64_t
limb_exp_of(mpz_srcptr z, int64_t e)
{
    return floor_div(ndigits(z) + e + BASE_FIG - 1, BASE_FIG);
}

/* z * 10**e keeps its k leading limbs; the first digit of the next limb rounds
 * the last kept limb in mode (CRuby's VpAsgn with rounding). Returns the new e. */
static int64_t
limb_round(mpz_ptr z, int64_t e, int sign, int64_t k, int mode)
{
    if (mpz_sgn(z) == 0) return e;
    int64_t pos = BASE_FIG * (limb_exp_of(z, e) - k);
    if (e >= pos) return e;
    mpz_t q, rem, d;
    mpz_inits(q, rem, d, NULL);
    pow10z(d, pos - e);
    mpz_tdiv_qr(q, rem, z, d);
    uint32_t v;                              /* the next limb */
    if (pos - BASE_FIG >= e) { pow10z(d, pos - BASE_FIG - e); mpz_tdiv_q(rem, rem, d); }
    else mul_pow10(rem, rem, e - (pos - BASE_FIG));
    v = (uint32_t)mpz_get_ui(rem);
    bool up = false;
    if (v) {
        uint32_t dg = v / 100000000, prev = (uint32_t)mpz_fdiv_ui(q, 1000000000);
        switch (mode) {
        case R_UP: up = dg != 0; break;
        case R_HALF_UP: up = dg >= 5; break;
        case R_HALF_DOWN: up = dg >= 6; break;
        case R_CEIL: up = dg && sign > 0; break;
        case R_FLOOR: up = dg && sign < 0; break;
        case R_HALF_EVEN: up = dg > 5 || (dg == 5 && (prev % 2)); break;
        default: break;
        }
    }
    /* the +1 goes to the k-th limb; CRuby drops it when that limb is 0 (it
     * normalizes the kept limbs first and the limb falls outside them) */
    if (up && mpz_fdiv_ui(q, 1000000000) != 0) mpz_add_ui(q, q, 1);
    mpz_swap(z, q);
    mpz_clears(q, rem, d, NULL);
    return pos;
}

/* BigDecimal.limit's rounding of a raw value (each assignment in CRuby's sqrt) */
static int64_t
limit_round(mpz_ptr z, int64_t e, int sign)
{
    if (prec_limit <= 0 || mpz_sgn(z) == 0) return e;
    return round_at(z, e, sign, ndigits(z) + e - prec_limit, round_mode);
}

/* trunc(a / b) to word_c limbs as quotient_trunc, on raw positive values */
static int64_t
quot_raw(mpz_srcptr ca, int64_t ea, mpz_srcptr cb, int64_t eb, int64_t word_c, mpz_ptr q)
{
    int64_t w = limb_exp_of(ca, ea) - limb_exp_of(cb, eb) + 2 - word_c;
    int64_t s = ea - eb - BASE_FIG * w;
    mpz_t num, den;
    mpz_inits(num, den, NULL);
    if (s >= 0) { mul_pow10(num, ca, s); mpz_set(den, cb); }
    else { mpz_set(num, ca); mul_pow10(den, cb, -s); }
    mpz_tdiv_q(q, num, den);
    mpz_clears(num, den, NULL);
    return BASE_FIG * w;
}

/* signed a*10**ea + b*10**eb into r (exact); returns r's exponent */
static int64_t
add_raw(mpz_ptr r, mpz_srcptr a, int64_t ea, mpz_srcptr b, int64_t eb)
{
    int64_t e = ea < eb ? ea : eb;
    mpz_t x, y;
    mpz_inits(x, y, NULL);
    mul_pow10(x, a, ea - e);
    mul_pow10(y, b, eb - e);
    mpz_add(r, x, y);
    mpz_clears(x, y, NULL);
    return e;
}

static Value
bd_m_sqrt(Value self, int argc, const Value *argv, Value blk)
{
    BigDec *a = bd_get(self);
    int64_t n = check_prec(argv[0]);
    if (a->kind == BD_NAN) domain_error("sqrt of 'NaN'(Not a Number)");
    if (a->sign < 0 && a->kind != BD_ZERO) domain_error("sqrt of negative value");
    int64_t mx = bd_prec(a) * (BASE_FIG + 1);
    n += DBL_FIG + BASE_FIG;
    if (mx <= n) mx = n;
    int64_t y_prec = roomof(mx, BASE_FIG);
    if (prec_limit > 0 && y_prec > roomof(prec_limit, BASE_FIG) + 2) y_prec = roomof(prec_limit, BASE_FIG) + 2;
    if (a->kind == BD_INF) return checked(bd_alloc(BD_INF, 1, MG_FIX(0), 0, (int32_t)y_prec));
    if (a->kind == BD_ZERO) return bd_zero_mp(a->sign, y_prec);
    MgIntView v;
    /* a copy: the loop passes safe points, where a persistent coefficient's body may be evicted */
    mpz_t xc;
    mpz_init_set(xc, coef_z(a, &v));
    int64_t xe = a->exp;
    if (a->exp == 0 && mpz_cmp_ui(xc, 1) == 0) { mpz_clear(xc); return from_int(MG_FIX(1)); }
    /* the double from x's first two limbs, as CRuby sums them */
    int64_t le = bd_limb_exp(a);
    mpz_t t, y, f, r;
    mpz_inits(t, y, f, r, NULL);
    int64_t sh = BASE_FIG * (le - 2) - xe;
    if (sh >= 0) { pow10z(t, sh); mpz_tdiv_q(t, xc, t); } else mul_pow10(t, xc, -sh);
    uint64_t two = mpz_get_ui(t);
    double val = 0.0, div = 1.0;
    div /= 1e9; val += (double)(two / 1000000000) * div;
    if (bd_prec(a) > 1) { div /= 1e9; val += (double)(two % 1000000000) * div; }
    int64_t e = le, hn = e / 2;
    if (e - hn * 2 != 0) { val /= 1e9; hn = (e + 1) / 2; }
    /* y0: the double sqrt's decimal expansion in limbs (CRuby's VpDtoV) */
    double d = sqrt(val);
    int64_t ne = 0;
    if (d >= 1.0) while (d >= 1.0) { d /= 1e9; ne++; }
    else while (d < 1.0 / 1e9) { d *= 1e9; ne--; }
    int64_t cnt = 0;
    mpz_set_ui(y, 0);
    for (; d > 0.0 && cnt < y_prec; cnt++) {
        d *= 1e9;
        uint32_t limb = (uint32_t)d;
        d -= (double)limb;
        mpz_mul_ui(y, y, 1000000000);
        mpz_add_ui(y, y, limb);
    }
    int64_t ye = BASE_FIG * (ne - cnt);
    uint32_t nextv = (uint32_t)(d * 1e9);
    while (mpz_sgn(y) && mpz_divisible_ui_p(y, 1000000000)) { mpz_tdiv_q_ui(y, y, 1000000000); ye += BASE_FIG; }
    if (nextv) {
        uint32_t dg = nextv / 100000000, prev = (uint32_t)mpz_fdiv_ui(y, 1000000000);
        bool up = (round_mode == R_UP && dg) || (round_mode == R_HALF_UP && dg >= 5) || (round_mode == R_HALF_DOWN && dg >= 6) ||
                  (round_mode == R_CEIL && dg) || (round_mode == R_HALF_EVEN && (dg > 5 || (dg == 5 && prev % 2)));
        if (up) mpz_add_ui(y, y, 1);
    }
    ye += BASE_FIG * hn;
    ye = limit_round(y, ye, 1);
    int64_t k = y_prec < 2 ? y_prec : 2;
    int64_t nmax = y_prec * BASE_FIG > 100 ? y_prec * BASE_FIG : 100;
    for (int64_t nr = 0; nr < nmax; nr++) {
        k = k * 2 > y_prec ? y_prec : k * 2;
        int64_t fe = quot_raw(xc, xe, y, ye, k, f);           /* f = x / y */
        mpz_neg(t, y);
        int64_t re = add_raw(r, f, fe, t, ye);                  /* r = f - y */
        mpz_mul_ui(f, r, 5);                                    /* f = r / 2, k limbs */
        fe = re - 1;
        int fs = mpz_sgn(f) < 0 ? -1 : 1;
        mpz_abs(f, f);
        fe = limit_round(f, limb_round(f, fe, fs, k, round_mode), fs);
        if (mpz_sgn(f) == 0) break;
        if (fs < 0) mpz_neg(f, f);
        re = add_raw(r, y, ye, f, fe);                          /* y = y + f, k limbs */
        mpz_swap(y, r);
        ye = limit_round(y, limb_round(y, re, 1, k, round_mode), 1);
        if ((nr & 15) == 15) mg_vm_checkpoint();
    }
    mpz_clears(t, f, r, xc, NULL);
    return checked(bd_make(1, y, ye, y_prec));
}

/* x ** n for an Integer n (exact for n >= 0; 1 / x**-n otherwise) */
static Value
pow_int(Value x, Value n)
{
    BigDec *a = bd_get(x);
    bool neg = mg_int_cmp(n, MG_FIX(0)) < 0;
    bool odd = !mg_int_even_p(n);
    if (a->kind == BD_NAN) return bd_nan();
    if (n == MG_FIX(1)) return x;
    if (n == MG_FIX(0)) {
        Value one = from_int(MG_FIX(1));
        bd_get(one)->maxprec = (int32_t)(bd_prec(a) > 2 ? bd_prec(a) : 2);
        return one;
    }
    if (a->kind == BD_INF) {
        if (neg) return bd_zero(a->sign < 0 && odd ? -1 : 1);
        return bd_inf(a->sign < 0 && odd ? -1 : 1);
    }
    if (a->kind == BD_ZERO) {
        if (neg) return bd_inf(a->sign < 0 && odd ? -1 : 1);
        return bd_zero(a->sign < 0 && odd ? -1 : 1);
    }
    Value m = neg ? mg_int_minus(MG_FIX(0), n) : n;
    if (!MG_IS_FIXNUM(m)) return neg ? bd_zero(1) : bd_inf(a->sign < 0 && odd ? -1 : 1);
    int64_t k = MG_FIX2LONG(m);
    MgIntView v;
    mg_big_check_bits((double)mpz_sizeinbase(coef_z(a, &v), 2) * (double)k);
    mpz_t z;
    mpz_init(z);
    mpz_pow_ui(z, coef_z(a, &v), (unsigned long)k);
    int sign = a->sign < 0 && odd ? -1 : 1;
    double ee = (double)a->exp * (double)k;
    if (ee > (double)EXP_MAX) { mpz_clear(z); return overflow_result(sign); }
    if (ee < -(double)EXP_MAX) { mpz_clear(z); return underflow_result(sign); }
    int64_t word = roomof(bd_prec(a) * (BASE_FIG + 1) * (k + 1), BASE_FIG);
    Value p = bd_make(sign, z, a->exp * k, word);
    if (!neg) return p;
    /* 1 / x**k keeps the result's limbs from its leading one, truncated
     * (CRuby's VpPowerByInt) */
    BigDec *one = bd_get(from_int(MG_FIX(1))), *pp = bd_get(p);
    mpz_t q, rem;
    int64_t qexp, rexp;
    mpz_inits(q, rem, NULL);
    quotient_trunc(one, pp, word + 2, q, &qexp, rem, &rexp);
    mpz_clear(rem);
    qexp = limb_round(q, qexp, sign, word, R_DOWN);
    return bd_make(sign, q, qexp, word);
}

static Value
bd_m_power(Value self, int argc, const Value *argv, Value blk)
{
    Value e = argv[0];
    Value prec = argc > 1 ? argv[1] : MG_NIL;
    BigDec *a = bd_get(self);
    if (a->kind == BD_NAN) return checked(bd_nan());
    if (MG_IS_FLOAT(e)) {
        double d = mg_float_value(e);
        if (d == round(d) && isfinite(d)) e = mg_dbl_to_int(d);
    } else if (mg_obj_is_kind_of(e, mg_cRational)) {
        if (MG_CALL0(e, "denominator") == MG_FIX(1)) e = MG_CALL0(e, "numerator");
    } else if (is_bd(e)) {
        BigDec *b = bd_get(e);
        if (b->kind == BD_ZERO || (b->kind == BD_FINITE && b->exp >= 0)) e = bd_to_int_value(e);
    } else if (!MG_IS_INTEGER(e)) {
        mg_raise(mg_eTypeError, "wrong argument type %s (expected scalar Numeric)", mg_class_cname(mg_class_real(mg_class_of(e))));
    }
    if (MG_IS_INTEGER(e)) {
        Value r = pow_int(self, e);
        if (prec != MG_NIL) r = bd_round_sig(r, check_prec(prec), round_mode);
        return checked(r);
    }
    /* a non-integral exponent: exp(log(x) * y), with CRuby's precisions */
    int64_t n = prec == MG_NIL ? bd_prec(a) * BASE_FIG : mg_num2long(prec);
    if (mg_obj_is_kind_of(e, mg_cRational)) {
        e = from_rational(e, n);                 /* at the digits before they double */
        if (prec == MG_NIL) n += n;
    } else if (prec == MG_NIL) {
        if (MG_IS_FLOAT(e)) n += DBL_FIG;
        else if (is_bd(e)) n += bd_prec(bd_get(e)) * BASE_FIG;
    }
    bool eneg = MG_IS_FLOAT(e) ? mg_float_value(e) < 0 : mg_cmpint(MG_CALL1(e, "<=>", MG_FIX(0)), e, MG_FIX(0)) < 0;
    if (a->kind == BD_ZERO) return checked(eneg ? bd_inf(1) : bd_zero(1));
    if (a->kind == BD_INF) {
        if (eneg) return bd_zero(a->sign < 0 ? -1 : 1);
        if (a->sign < 0) mg_raise(mg_eMathDomainError, "a non-integral exponent for a negative base");
        return checked(bd_inf(1));
    }
    return mg_funcall(MG_VAL(mBigMath), mg_intern_cstr("__power"), 3, (Value[]){ self, e, mg_int_new(n) });
}

/* ---- comparison ---- */

/* -1/0/1 comparing two BigDecimals, 2 when either is NaN. */
static int
bd_cmp(Value av, Value bv)
{
    BigDec *a = bd_get(av), *b = bd_get(bv);
    if (a->kind == BD_NAN || b->kind == BD_NAN) return 2;
    int sa = a->kind == BD_ZERO ? 0 : a->sign, sb = b->kind == BD_ZERO ? 0 : b->sign;
    if (a->kind == BD_INF || b->kind == BD_INF) {
        int ia = a->kind == BD_INF ? a->sign * 2 : sa, ib = b->kind == BD_INF ? b->sign * 2 : sb;
        return ia < ib ? -1 : ia > ib;
    }
    if (sa != sb) return sa < sb ? -1 : 1;
    if (sa == 0) return 0;
    int64_t Ea = bd_E(a), Eb = bd_E(b);
    if (Ea != Eb) return (Ea < Eb ? -1 : 1) * sa;
    MgIntView va, vb;
    mpz_srcptr ca = coef_z(a, &va), cb = coef_z(b, &vb);
    int c;
    if (a->exp == b->exp) c = mpz_cmp(ca, cb);
    else {
        mpz_t t;
        mpz_init(t);
        if (a->exp > b->exp) { mul_pow10(t, ca, a->exp - b->exp); c = mpz_cmp(t, cb); }
        else { mul_pow10(t, cb, b->exp - a->exp); c = mpz_cmp(ca, t); }
        mpz_clear(t);
    }
    c = c < 0 ? -1 : c > 0;
    return c * sa;
}

static Value
compare_op(Value self, Value r, int op)
{
    Value b = MG_UNDEF;
    if (is_bd(r) || MG_IS_INTEGER(r) || MG_IS_FLOAT(r) || mg_obj_is_kind_of(r, mg_cRational)) b = operand(self, r);
    if (b == MG_UNDEF) {
        switch (op) {
        case '*': return mg_num_coerce_cmp(self, r, mg_intern_cstr("<=>"));
        case '=': return MG_CALL1(r, "==", self) != MG_FALSE && MG_CALL1(r, "==", self) != MG_NIL ? MG_TRUE : MG_FALSE;
        case 'G': return mg_num_coerce_relop(self, r, mg_intern_cstr(">="));
        case 'L': return mg_num_coerce_relop(self, r, mg_intern_cstr("<="));
        case '<': return mg_num_coerce_relop(self, r, mg_intern_cstr("<"));
        default: return mg_num_coerce_relop(self, r, mg_intern_cstr(">"));
        }
    }
    int c = bd_cmp(self, b);
    if (c == 2) return op == '*' ? MG_NIL : MG_FALSE;
    switch (op) {
    case '*': return MG_FIX(c);
    case '=': return c == 0 ? MG_TRUE : MG_FALSE;
    case 'G': return c >= 0 ? MG_TRUE : MG_FALSE;
    case 'L': return c <= 0 ? MG_TRUE : MG_FALSE;
    case '<': return c < 0 ? MG_TRUE : MG_FALSE;
    default: return c > 0 ? MG_TRUE : MG_FALSE;
    }
}

static Value bd_m_cmp(Value self, int argc, const Value *argv, Value blk) { return compare_op(self, argv[0], '*'); }
static Value bd_m_eq(Value self, int argc, const Value *argv, Value blk) { return compare_op(self, argv[0], '='); }
static Value bd_m_lt(Value self, int argc, const Value *argv, Value blk) { return compare_op(self, argv[0], '<'); }
static Value bd_m_le(Value self, int argc, const Value *argv, Value blk) { return compare_op(self, argv[0], 'L'); }
static Value bd_m_gt(Value self, int argc, const Value *argv, Value blk) { return compare_op(self, argv[0], '>'); }
static Value bd_m_ge(Value self, int argc, const Value *argv, Value blk) { return compare_op(self, argv[0], 'G'); }

static Value
bd_m_hash(Value self, int argc, const Value *argv, Value blk)
{
    BigDec *a = bd_get(self);
    uint64_t h;
    if (a->kind == BD_FINITE) {
        MgIntView v;
        h = mg_mpz_hash(coef_z(a, &v)) ^ mg_hash_mix((uint64_t)a->exp * 31 + (uint64_t)(a->sign + 7));
    } else {
        h = mg_hash_mix((uint64_t)a->kind * 131 + (uint64_t)(a->sign + 3));
    }
    return MG_FIX((int64_t)(h >> 2));
}

static Value
bd_m_coerce(Value self, int argc, const Value *argv, Value blk)
{
    Value b = operand(self, argv[0]);
    if (b == MG_UNDEF) cannot_coerce(argv[0]);
    return mg_ary_new_from(2, (Value[]){ b, self });
}

/* ---- predicates and parts ---- */

static Value bd_m_nan_p(Value self, int argc, const Value *argv, Value blk) { return bd_get(self)->kind == BD_NAN ? MG_TRUE : MG_FALSE; }
static Value bd_m_zero_p(Value self, int argc, const Value *argv, Value blk) { return bd_get(self)->kind == BD_ZERO ? MG_TRUE : MG_FALSE; }
static Value bd_m_nonzero_p(Value self, int argc, const Value *argv, Value blk) { return bd_get(self)->kind == BD_ZERO ? MG_NIL : self; }

static Value
bd_m_finite_p(Value self, int argc, const Value *argv, Value blk)
{
    int k = bd_get(self)->kind;
    return k == BD_NAN || k == BD_INF ? MG_FALSE : MG_TRUE;
}

static Value
bd_m_infinite_p(Value self, int argc, const Value *argv, Value blk)
{
    BigDec *a = bd_get(self);
    return a->kind == BD_INF ? MG_FIX(a->sign) : MG_NIL;
}

static Value
bd_m_sign(Value self, int argc, const Value *argv, Value blk)
{
    BigDec *a = bd_get(self);
    switch (a->kind) {
    case BD_NAN: return MG_FIX(0);
    case BD_ZERO: return MG_FIX(a->sign);
    case BD_INF: return MG_FIX(3 * a->sign);
    default: return MG_FIX(2 * a->sign);
    }
}

static Value bd_m_exponent(Value self, int argc, const Value *argv, Value blk) { return mg_int_new(bd_E(bd_get(self))); }

static Value
bd_m_precs(Value self, int argc, const Value *argv, Value blk)
{
    BigDec *a = bd_get(self);
    int64_t mp = a->maxprec, pr = bd_prec(a);
    if (pr > mp) mp = pr;
    return mg_ary_new_from(2, (Value[]){ mg_int_new(pr * BASE_FIG), mg_int_new(mp * BASE_FIG) });
}

static void
prec_scale(const BigDec *a, int64_t *prec, int64_t *scale)
{
    *prec = *scale = 0;
    if (a->kind != BD_FINITE) return;
    int64_t E = bd_E(a), fr = a->exp < 0 ? -a->exp : 0;
    *scale = fr;
    *prec = E > 0 ? E + fr : fr;
}

static Value
bd_m_precision(Value self, int argc, const Value *argv, Value blk)
{
    int64_t p, s;
    prec_scale(bd_get(self), &p, &s);
    return mg_int_new(p);
}

static Value
bd_m_scale(Value self, int argc, const Value *argv, Value blk)
{
    int64_t p, s;
    prec_scale(bd_get(self), &p, &s);
    return mg_int_new(s);
}

static Value
bd_m_precision_scale(Value self, int argc, const Value *argv, Value blk)
{
    int64_t p, s;
    prec_scale(bd_get(self), &p, &s);
    return mg_ary_new_from(2, (Value[]){ mg_int_new(p), mg_int_new(s) });
}

static Value
bd_m_nsig(Value self, int argc, const Value *argv, Value blk)
{
    BigDec *a = bd_get(self);
    return mg_int_new(a->kind == BD_FINITE ? bd_ndigits(a) : 0);
}

/* ---- conversions out ---- */

static Value
coef_digits(const BigDec *a)
{
    return mg_int_to_s(a->coef, 10);
}

static void
check_finite(const BigDec *a)
{
    if (a->kind == BD_NAN) domain_error("Computation results in 'NaN' (Not a Number)");
    if (a->kind == BD_INF) domain_error(a->sign > 0 ? "Computation results in 'Infinity'" : "Computation results in '-Infinity'");
}

static Value
bd_to_int_value(Value self)
{
    BigDec *a = bd_get(self);
    check_finite(a);
    if (a->kind == BD_ZERO || bd_E(a) <= 0) return MG_FIX(0);
    MgIntView v;
    mpz_t z;
    mpz_init_set(z, coef_z(a, &v));
    if (a->sign < 0) mpz_neg(z, z);
    if (a->exp >= 0) mul_pow10(z, z, a->exp);
    else {
        /* CRuby truncates a value of up to 9 integral digits but floors a longer
         * one (it divides the signed digits with Integer#div) */
        mpz_t d;
        mpz_init(d);
        pow10z(d, -a->exp);
        if (bd_E(a) > BASE_FIG) mpz_fdiv_q(z, z, d);
        else mpz_tdiv_q(z, z, d);
        mpz_clear(d);
    }
    return mg_big_take(z);
}

static Value bd_m_to_i(Value self, int argc, const Value *argv, Value blk) { return bd_to_int_value(self); }

static Value
bd_m_to_r(Value self, int argc, const Value *argv, Value blk)
{
    BigDec *a = bd_get(self);
    check_finite(a);
    if (a->kind == BD_ZERO) return mg_rational_new(MG_FIX(0), MG_FIX(1));
    MgIntView v;
    mpz_t n, d;
    mpz_init_set(n, coef_z(a, &v));
    mpz_init_set_ui(d, 1);
    if (a->exp >= 0) mul_pow10(n, n, a->exp);
    else pow10z(d, -a->exp);
    if (a->sign < 0) mpz_neg(n, n);
    Value num = mg_big_take(n), den = mg_big_take(d);
    return mg_rational_new(num, den);
}

static Value
bd_m_to_f(Value self, int argc, const Value *argv, Value blk)
{
    BigDec *a = bd_get(self);
    switch (a->kind) {
    case BD_NAN: return mg_float_new(NAN);
    case BD_INF: return mg_float_new(a->sign > 0 ? HUGE_VAL : -HUGE_VAL);
    case BD_ZERO: return mg_float_new(a->sign > 0 ? 0.0 : -0.0);
    }
    int64_t E = bd_E(a);
    if (E > DBL_MAX_10_EXP + BASE_FIG) goto overflow;
    if (E < DBL_MIN_10_EXP - BASE_FIG - 330) goto underflow;
    Value s = mg_sprintf("%s0.%se%lld", a->sign < 0 ? "-" : "", mg_str_cstr(coef_digits(a)), (long long)E);
    errno = 0;
    double d = strtod(mg_str_cstr(s), NULL);
    if (errno == ERANGE) {
        if (d == 0.0) goto underflow;
        if (fabs(d) >= HUGE_VAL) goto overflow;
    }
    return mg_float_new(d);
overflow:
    if (exc_mode & EXC_OVERFLOW) domain_error("BigDecimal to Float conversion");
    return mg_float_new(a->sign < 0 ? -HUGE_VAL : HUGE_VAL);
underflow:
    if (exc_mode & EXC_UNDERFLOW) domain_error("BigDecimal to Float conversion");
    return mg_float_new(a->sign < 0 ? -0.0 : 0.0);
}

/* NaN / Infinity / zero as to_s prints them; NULL for a non-zero finite value. */
static const char *
special_str(const BigDec *a, int plus)
{
    switch (a->kind) {
    case BD_NAN: return "NaN";
    case BD_INF: return a->sign < 0 ? "-Infinity" : plus == 1 ? " Infinity" : plus == 2 ? "+Infinity" : "Infinity";
    case BD_ZERO: return a->sign < 0 ? "-0.0" : plus == 1 ? " 0.0" : plus == 2 ? "+0.0" : "0.0";
    }
    return NULL;
}

/* Inserts a space after every group digits, counting from the start of each
 * part (before and after the point), up to an exponent (CRuby's rule). */
static Value
group_digits(Value s, int64_t group)
{
    if (group <= 0) return s;
    const char *p = mg_str_cstr(s);
    Value out = mg_str_buf_new((size_t)mg_str_len(s) * 2);
    int64_t nf = 0;
    bool in_exp = false;
    for (; *p; p++) {
        char ch = *p;
        if (!in_exp && is_dig(ch)) {
            if (++nf > group) { mg_str_cat(out, " ", 1); nf = 1; }
        } else if (ch == '.') nf = 0;
        else if (ch == 'e' || ch == 'E') in_exp = true;
        mg_str_cat(out, &ch, 1);
    }
    return out;
}

static Value
to_s_e(const BigDec *a, int plus)
{
    const char *sp = special_str(a, plus);
    if (sp) return mg_str_new_cstr(sp);
    return mg_sprintf("%s0.%se%lld", a->sign < 0 ? "-" : plus == 1 ? " " : plus == 2 ? "+" : "",
                      mg_str_cstr(coef_digits(a)), (long long)bd_E(a));
}

static Value
to_s_f(const BigDec *a, int plus)
{
    const char *sp = special_str(a, plus);
    if (sp) return mg_str_new_cstr(sp);
    Value digits = coef_digits(a);
    const char *d = mg_str_cstr(digits);
    int64_t nd = (int64_t)strlen(d), E = nd + a->exp;
    Value out = mg_str_new_cstr(a->sign < 0 ? "-" : plus == 1 ? " " : plus == 2 ? "+" : "");
    if (E <= 0) {
        mg_str_cat_cstr(out, "0.");
        for (int64_t i = 0; i < -E; i++) mg_str_cat(out, "0", 1);
        mg_str_cat(out, d, (size_t)nd);
    } else if (E >= nd) {
        mg_str_cat(out, d, (size_t)nd);
        for (int64_t i = nd; i < E; i++) mg_str_cat(out, "0", 1);
        mg_str_cat_cstr(out, ".0");
    } else {
        mg_str_cat(out, d, (size_t)E);
        mg_str_cat(out, ".", 1);
        mg_str_cat(out, d + E, (size_t)(nd - E));
    }
    return out;
}

/* to_s(fmt): fmt is [+ or space][digits][E or F], or a positive Integer */
static Value
bd_m_to_s(Value self, int argc, const Value *argv, Value blk)
{
    BigDec *a = bd_get(self);
    bool f = false;
    int plus = 0;
    int64_t group = 0;
    if (argc > 0 && argv[0] != MG_NIL) {
        if (MG_IS_STRING(argv[0])) {
            const char *p = mg_str_cstr(argv[0]);
            if (*p == ' ') { plus = 1; p++; }
            else if (*p == '+') { plus = 2; p++; }
            for (char ch; (ch = *p++) != 0;) {
                if (is_sp(ch)) continue;
                if (!is_dig(ch)) { if (ch == 'F' || ch == 'f') f = true; break; }
                group = group * 10 + (ch - '0');
            }
        } else {
            int64_t m = mg_num2long(argv[0]);
            if (m <= 0) mg_raise(mg_eArgumentError, "argument must be positive");
            group = m;
        }
    }
    Value s = f ? to_s_f(a, plus) : to_s_e(a, plus);
    s = group_digits(s, group);
    MG_OBJ(s)->extra = ENC_US_ASCII;
    return s;
}

static Value
bd_m_inspect(Value self, int argc, const Value *argv, Value blk)
{
    return to_s_e(bd_get(self), 0);
}

static Value
bd_m_split(Value self, int argc, const Value *argv, Value blk)
{
    BigDec *a = bd_get(self);
    Value digits;
    int s = a->sign;
    switch (a->kind) {
    case BD_NAN: digits = mg_str_new_cstr("NaN"); s = 0; break;
    case BD_INF: digits = mg_str_new_cstr("Infinity"); break;
    case BD_ZERO: digits = mg_str_new_cstr("0"); break;
    default: digits = coef_digits(a); break;
    }
    return mg_ary_new_from(4, (Value[]){ MG_FIX(s), digits, MG_FIX(10), mg_int_new(bd_E(a)) });
}

static Value
bd_m_dump(Value self, int argc, const Value *argv, Value blk)
{
    BigDec *a = bd_get(self);
    int64_t mp = a->maxprec > bd_prec(a) ? a->maxprec : bd_prec(a);
    Value s = mg_sprintf("%lld:", (long long)(mp * BASE_FIG));
    mg_str_append(s, to_s_e(a, 0));
    MG_OBJ(s)->extra = ENC_BINARY;
    return s;
}

static Value
bd_s_load(Value self, int argc, const Value *argv, Value blk)
{
    Value str = mg_to_str(argv[0]);
    const char *p = mg_str_cstr(str);
    int64_t m = 0;
    while (*p && *p != ':') {
        if (!is_dig(*p)) mg_raise(mg_eTypeError, "load failed: invalid character in the marshaled string");
        m = m * 10 + (*p++ - '0');
    }
    if (*p == ':') p++;
    bool ok;
    Value v = parse_str(p, strlen(p), true, &ok);
    if (!ok) mg_raise(mg_eArgumentError, "invalid value for BigDecimal(): %s", mg_str_cstr(mg_str_inspect(mg_str_new_cstr(p))));
    BigDec *x = bd_get(v);
    if (m > BASE_FIG) m -= BASE_FIG;
    m /= BASE_FIG;
    if (m && x->maxprec > m) x->maxprec = (int32_t)m + 1;
    return checked(v);
}

/* ---- rounding methods ---- */

static int
mode_from_sym(Value v)
{
    static const struct { const char *name; int mode; } names[] = {
        { "up", R_UP }, { "down", R_DOWN }, { "truncate", R_DOWN }, { "half_up", R_HALF_UP }, { "default", R_HALF_UP },
        { "half_down", R_HALF_DOWN }, { "half_even", R_HALF_EVEN }, { "banker", R_HALF_EVEN },
        { "ceiling", R_CEIL }, { "ceil", R_CEIL }, { "floor", R_FLOOR },
    };
    if (MG_IS_SYMBOL(v)) {
        const char *s = mg_id_name(MG_SYM2ID(v), NULL);
        for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
            if (!strcmp(s, names[i].name)) return names[i].mode;
        mg_raise(mg_eArgumentError, "invalid rounding mode");
    }
    int64_t m = mg_num2long(v);
    if (m < R_UP || m > R_HALF_EVEN) mg_raise(mg_eArgumentError, "invalid rounding mode");
    return (int)m;
}

/* round(half: :up / :down / :even) */
static int
mode_from_opts(Value h)
{
    Value m = mg_hash_lookup(h, mg_sym("half"));
    if (m == MG_UNDEF || m == MG_NIL) return round_mode;
    Value s = MG_IS_SYMBOL(m) ? mg_sym_to_s(m) : mg_check_string(m);
    if (s == MG_NIL) mg_raise(mg_eArgumentError, "invalid rounding mode: %s", mg_str_cstr(mg_inspect(m)));
    const char *p = mg_str_cstr(s);
    if (!strcasecmp(p, "up")) return R_HALF_UP;
    if (!strcasecmp(p, "even")) return R_HALF_EVEN;
    if (!strcasecmp(p, "down")) return R_HALF_DOWN;
    mg_raise(mg_eArgumentError, "invalid rounding mode: %s", p);
}

static int32_t
round_maxprec(const BigDec *a)
{
    return (int32_t)roomof(bd_prec(a) * (BASE_FIG + 1), BASE_FIG);
}

static Value
bd_m_round(Value self, int argc, const Value *argv, Value blk)
{
    BigDec *a = bd_get(self);
    int mode = round_mode;
    int64_t loc = 0;
    bool to_int = false;
    if (argc == 0) to_int = true;
    else if (argc == 1) {
        if (MG_IS_HASH(argv[0])) mode = mode_from_opts(argv[0]);
        else { loc = mg_num2long(argv[0]); if (loc < 1) to_int = true; }
    } else {
        loc = mg_num2long(argv[0]);
        mode = MG_IS_HASH(argv[1]) ? mode_from_opts(argv[1]) : mode_from_sym(argv[1]);
    }
    Value c = checked(bd_round_pos(self, -loc, mode, round_maxprec(a)));
    return to_int ? bd_to_int_value(c) : c;
}

static Value
round_like(Value self, int argc, const Value *argv, int mode)
{
    BigDec *a = bd_get(self);
    int64_t loc = argc > 0 ? mg_num2long(argv[0]) : 0;
    Value c = checked(bd_round_pos(self, -loc, mode, round_maxprec(a)));
    return argc == 0 ? bd_to_int_value(c) : c;
}

static Value bd_m_truncate(Value self, int argc, const Value *argv, Value blk) { return round_like(self, argc, argv, R_DOWN); }
static Value bd_m_floor(Value self, int argc, const Value *argv, Value blk) { return round_like(self, argc, argv, R_FLOOR); }
static Value bd_m_ceil(Value self, int argc, const Value *argv, Value blk) { return round_like(self, argc, argv, R_CEIL); }

static Value
bd_m_fix(Value self, int argc, const Value *argv, Value blk)
{
    return checked(bd_round_pos(self, 0, R_DOWN, round_maxprec(bd_get(self))));
}

static Value
bd_m_frac(Value self, int argc, const Value *argv, Value blk)
{
    BigDec *a = bd_get(self);
    if (a->kind != BD_FINITE) return checked(self);
    if (a->exp >= 0) return bd_zero_mp(a->sign, round_maxprec(a));
    if (bd_E(a) <= 0) return bd_alloc(BD_FINITE, a->sign, a->coef, a->exp, round_maxprec(a));
    MgIntView v;
    mpz_t z, d;
    mpz_inits(z, d, NULL);
    pow10z(d, -a->exp);
    mpz_tdiv_r(z, coef_z(a, &v), d);
    mpz_clear(d);
    return bd_make(a->sign, z, a->exp, round_maxprec(a));
}

/* ---- class methods: modes, limit ---- */

static Value
bd_s_mode(Value self, int argc, const Value *argv, Value blk)
{
    int64_t which = mg_num2long(argv[0]);
    Value val = argc > 1 ? argv[1] : MG_NIL;
    if (which & EXC_ALL) {
        if (val == MG_NIL) return MG_FIX((int64_t)exc_mode);
        if (val != MG_TRUE && val != MG_FALSE) mg_raise(mg_eArgumentError, "second argument must be true or false");
        unsigned bits = (unsigned)which & (EXC_INFINITY | EXC_NAN | EXC_UNDERFLOW | EXC_ZERODIVIDE);
        if (val == MG_TRUE) exc_mode |= bits;
        else exc_mode &= ~bits;
        return MG_FIX((int64_t)exc_mode);
    }
    if (which == ROUND_MODE) {
        if (val == MG_NIL) return MG_FIX(round_mode);
        round_mode = mode_from_sym(val);
        return MG_FIX(round_mode);
    }
    mg_raise(mg_eTypeError, "first argument for BigDecimal.mode invalid");
}

static Value
bd_s_limit(Value self, int argc, const Value *argv, Value blk)
{
    Value old = mg_int_new(prec_limit);
    if (argc > 0 && argv[0] != MG_NIL) {
        int64_t n = mg_num2long(argv[0]);
        if (n < 0) mg_raise(mg_eArgumentError, "argument must be positive");
        prec_limit = n;
    }
    return old;
}

static Value bd_s_double_fig(Value self, int argc, const Value *argv, Value blk) { return MG_FIX(DBL_FIG); }

static Value
restore_exc(Value old)
{
    exc_mode = (unsigned)MG_FIX2LONG(old);
    return MG_NIL;
}

static Value
restore_round(Value old)
{
    round_mode = (int)MG_FIX2LONG(old);
    return MG_NIL;
}

static Value
restore_limit(Value old)
{
    prec_limit = mg_num2long(old);
    return MG_NIL;
}

static Value
yield_blk(Value blk)
{
    return mg_yield(blk, 0, NULL);
}

static void ens_exc(Value old) { restore_exc(old); }
static void ens_round(Value old) { restore_round(old); }
static void ens_limit(Value old) { restore_limit(old); }

static Value
bd_s_save_exception_mode(Value self, int argc, const Value *argv, Value blk)
{
    return mg_ensure(yield_blk, blk, ens_exc, MG_FIX((int64_t)exc_mode));
}

static Value
bd_s_save_rounding_mode(Value self, int argc, const Value *argv, Value blk)
{
    return mg_ensure(yield_blk, blk, ens_round, MG_FIX(round_mode));
}

static Value
bd_s_save_limit(Value self, int argc, const Value *argv, Value blk)
{
    return mg_ensure(yield_blk, blk, ens_limit, mg_int_new(prec_limit));
}

/* ---- BigMath.exp / BigMath.log and non-integral powers (Ruby over the C core) ---- */

/* BigMath.exp and BigMath.log sum CRuby's series with the same precisions
 * at every step (so each digit agrees), and a non-integral power is
 * exp(log(x) * y) as CRuby computes it. */
static const char bigmath_rb[] =
    "module BigMath\n"
    "  def self.__arg(x, prec)\n"
    "    case x\n"
    "    when BigDecimal then x\n"
    "    when Integer then BigDecimal(x)\n"
    "    when Float then BigDecimal(x, 0)\n"
    "    when Rational then BigDecimal(x, prec)\n"
    "    else raise ArgumentError, \"#{x.nil? || x == true || x == false ? x.inspect : x.class} can't be coerced into BigDecimal\"\n"
    "    end\n"
    "  end\n"
    "  def self.exp(x, prec)\n"
    "    prec = Integer(prec)\n"
    "    raise ArgumentError, 'Zero or negative precision for exp' if prec <= 0\n"
    "    if x.is_a?(Float) && !x.finite?\n"
    "      return BigDecimal::NAN if x.nan?\n"
    "      return x > 0 ? BigDecimal::INFINITY : BigDecimal(0)\n"
    "    end\n"
    "    x = __arg(x, prec)\n"
    "    return BigDecimal::NAN + 0 if x.nan?\n"
    "    return x > 0 ? BigDecimal::INFINITY + 0 : BigDecimal(0) if x.infinite?\n"
    "    n = prec + BigDecimal.double_fig\n"
    "    neg = x < 0\n"
    "    x = -x if neg\n"
    "    one = BigDecimal(1)\n"
    "    y = d = one\n"
    "    i = 1\n"
    "    until d.zero?\n"
    "      m = n - (y.exponent - d.exponent).abs\n"
    "      break if m <= 0\n"
    "      m = BigDecimal.double_fig if m < BigDecimal.double_fig\n"
    "      d = (d * x).div(i, m)\n"
    "      y += d\n"
    "      i += 1\n"
    "    end\n"
    "    return one.div(y, prec) if neg\n"
    "    y.round(prec - y.exponent)\n"
    "  end\n"
    "  def self.log(x, prec)\n"
    "    raise ArgumentError, 'precision must be an Integer' unless prec.is_a?(Integer)\n"
    "    raise ArgumentError, 'Zero or negative precision for exp' if prec <= 0\n"
    "    raise Math::DomainError, 'Complex argument for BigMath.log' if x.is_a?(Complex)\n"
    "    if x.is_a?(Float) && x.nan? then return BigDecimal::NAN + 0 end\n"
    "    if x.is_a?(Float) && x.infinite? && x > 0 then return BigDecimal::INFINITY + 0 end\n"
    "    if x.is_a?(Numeric) && !x.is_a?(BigDecimal) && x <= 0\n"
    "      raise Math::DomainError, 'Zero or negative argument for log'\n"
    "    end\n"
    "    x = __arg(x, prec)\n"
    "    return BigDecimal::NAN + 0 if x.nan?\n"
    "    raise Math::DomainError, 'Zero or negative argument for log' if x.zero? || x < 0\n"
    "    return BigDecimal::INFINITY + 0 if x.infinite?\n"
    "    n = prec + BigDecimal.double_fig\n"
    "    expo = x.exponent\n"
    "    if expo < 0 || expo >= 3\n"
    "      x = x.mult(BigDecimal(\"1E#{-expo}\"), n)\n"
    "    else\n"
    "      expo = 0\n"
    "    end\n"
    "    one = BigDecimal(1)\n"
    "    x = (x - one).div(x + one, n)\n"
    "    x2 = x.mult(x, n)\n"
    "    y = d = x\n"
    "    i = 1\n"
    "    until d.zero?\n"
    "      m = n - (y.exponent - d.exponent).abs\n"
    "      break if m <= 0\n"
    "      m = BigDecimal.double_fig if m < BigDecimal.double_fig\n"
    "      x = x2.mult(x, n)\n"
    "      i += 2\n"
    "      d = x.div(i, m)\n"
    "      y += d\n"
    "    end\n"
    "    y *= BigDecimal(2)\n"
    "    y += log(10, prec) * BigDecimal(expo) if expo != 0\n"
    "    y\n"
    "  end\n"
    "  def self.__power(x, y, n)\n"
    "    return BigDecimal(1) if y.zero?\n"
    "    y = BigDecimal(y, 0) if y.is_a?(Float)\n"
    "    y = BigDecimal(y, n) if y.is_a?(Rational)\n"
    "    exp(y.mult(log(x, n + 1), n + 1), n)\n"
    "  end\n"
    "  private_class_method :__arg\n"
    "end\n"
    "class BigDecimal\n"
    "  def precs\n"
    "    warn('BigDecimal#precs is deprecated and will be removed in the future; use BigDecimal#precision instead.', uplevel: 1)\n"
    "    __precs\n"
    "  end\n"
    "end\n";

/* ---- registration ---- */

static const MgMethodDef bd_methods[] = {
    { "+", bd_m_add, 1, 1 }, { "-", bd_m_sub, 1, 1 }, { "*", bd_m_mul, 1, 1 }, { "/", bd_m_div, 1, 1 },
    { "quo", bd_m_quo, 1, 2 }, { "add", bd_m_add2, 2, 2 }, { "sub", bd_m_sub2, 2, 2 }, { "mult", bd_m_mult2, 2, 2 },
    { "div", bd_m_div3, 1, 2 }, { "%", bd_m_mod, 1, 1 }, { "modulo", bd_m_mod, 1, 1 }, { "divmod", bd_m_divmod, 1, 1 },
    { "remainder", bd_m_remainder, 1, 1 }, { "**", bd_m_power, 1, 1 }, { "power", bd_m_power, 1, 2 },
    { "sqrt", bd_m_sqrt, 1, 1 }, { "abs", bd_m_abs, 0, 0 }, { "-@", bd_m_neg, 0, 0 }, { "+@", bd_m_uplus, 0, 0 },
    { "<=>", bd_m_cmp, 1, 1 }, { "==", bd_m_eq, 1, 1 }, { "===", bd_m_eq, 1, 1 }, { "eql?", bd_m_eq, 1, 1 },
    { "<", bd_m_lt, 1, 1 }, { "<=", bd_m_le, 1, 1 }, { ">", bd_m_gt, 1, 1 }, { ">=", bd_m_ge, 1, 1 },
    { "hash", bd_m_hash, 0, 0 }, { "coerce", bd_m_coerce, 1, 1 },
    { "nan?", bd_m_nan_p, 0, 0 }, { "zero?", bd_m_zero_p, 0, 0 }, { "nonzero?", bd_m_nonzero_p, 0, 0 },
    { "finite?", bd_m_finite_p, 0, 0 }, { "infinite?", bd_m_infinite_p, 0, 0 }, { "sign", bd_m_sign, 0, 0 },
    { "exponent", bd_m_exponent, 0, 0 }, { "__precs", bd_m_precs, 0, 0 }, { "precision", bd_m_precision, 0, 0 },
    { "scale", bd_m_scale, 0, 0 }, { "precision_scale", bd_m_precision_scale, 0, 0 },
    { "n_significant_digits", bd_m_nsig, 0, 0 },
    { "to_i", bd_m_to_i, 0, 0 }, { "to_int", bd_m_to_i, 0, 0 }, { "to_r", bd_m_to_r, 0, 0 }, { "to_f", bd_m_to_f, 0, 0 },
    { "to_s", bd_m_to_s, 0, 1 }, { "inspect", bd_m_inspect, 0, 0 }, { "split", bd_m_split, 0, 0 },
    { "_dump", bd_m_dump, 0, 1 },
    { "round", bd_m_round, 0, 2 }, { "truncate", bd_m_truncate, 0, 1 }, { "floor", bd_m_floor, 0, 1 },
    { "ceil", bd_m_ceil, 0, 1 }, { "fix", bd_m_fix, 0, 0 }, { "frac", bd_m_frac, 0, 0 },
    { NULL },
};

static const MgMethodDef bd_singleton_methods[] = {
    { "mode", bd_s_mode, 1, 2 }, { "limit", bd_s_limit, 0, 1 }, { "double_fig", bd_s_double_fig, 0, 0 },
    { "_load", bd_s_load, 1, 1 }, { "interpret_loosely", bd_s_interpret_loosely, 1, 1 },
    { "save_exception_mode", bd_s_save_exception_mode, 0, 0 }, { "save_rounding_mode", bd_s_save_rounding_mode, 0, 0 },
    { "save_limit", bd_s_save_limit, 0, 0 },
    { NULL },
};

/* Called at start-up by the store too, so a committed BigDecimal decodes before any require. */
void
mg_ext_bigdecimal_register_data(void)
{
    mg_store_register_data(&bd_type);
}

void
mg_ext_init_bigdecimal(void)
{
    mg_ext_bigdecimal_register_data();
    /* the base image's BigDecimal (LIB_CLASS), so instances persist like a core class's */
    static const char adopt[] = "class BigDecimal < Numeric; end";
    mg_eval_string(adopt, sizeof adopt - 1, "bigdecimal.so", 1);
    cBigDecimal = mg_cBigDecimal;
    mg_define_alloc_func(cBigDecimal, mg_alloc_undefined);
    mg_method_undef(mg_singleton_class(MG_VAL(cBigDecimal)), mg_intern_cstr("new"));
    mg_define_methods(cBigDecimal, bd_methods);
    mg_define_singleton_methods(MG_VAL(cBigDecimal), bd_singleton_methods);
    mg_define_private_method(mg_mKernel, "BigDecimal", k_BigDecimal, 1, -1);
    mg_define_singleton_method(MG_VAL(mg_mKernel), "BigDecimal", k_BigDecimal, 1, -1);
    static const struct { const char *n; int64_t v; } consts[] = {
        { "BASE", 1000000000 }, { "EXCEPTION_ALL", EXC_ALL }, { "EXCEPTION_NaN", EXC_NAN },
        { "EXCEPTION_INFINITY", EXC_INFINITY }, { "EXCEPTION_UNDERFLOW", EXC_UNDERFLOW },
        { "EXCEPTION_OVERFLOW", EXC_OVERFLOW }, { "EXCEPTION_ZERODIVIDE", EXC_ZERODIVIDE },
        { "ROUND_MODE", ROUND_MODE }, { "ROUND_UP", R_UP }, { "ROUND_DOWN", R_DOWN }, { "ROUND_HALF_UP", R_HALF_UP },
        { "ROUND_HALF_DOWN", R_HALF_DOWN }, { "ROUND_CEILING", R_CEIL }, { "ROUND_FLOOR", R_FLOOR },
        { "ROUND_HALF_EVEN", R_HALF_EVEN }, { "SIGN_NaN", 0 }, { "SIGN_POSITIVE_ZERO", 1 }, { "SIGN_NEGATIVE_ZERO", -1 },
        { "SIGN_POSITIVE_FINITE", 2 }, { "SIGN_NEGATIVE_FINITE", -2 }, { "SIGN_POSITIVE_INFINITE", 3 },
        { "SIGN_NEGATIVE_INFINITE", -3 },
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) mg_define_const(cBigDecimal, consts[i].n, MG_FIX(consts[i].v));
    mg_define_const(cBigDecimal, "VERSION", mg_str_freeze(mg_str_new_cstr("3.1.1")));
    mg_define_const(cBigDecimal, "INFINITY", bd_inf(1));
    mg_define_const(cBigDecimal, "NAN", bd_nan());
    mg_gc_register(&modes_owner);
    mBigMath = mg_define_module("BigMath");
    mg_eval_string(bigmath_rb, sizeof bigmath_rb - 1, "bigdecimal.so", 1);
}
