/* float.c -- Float: arithmetic, exact comparison with Integers, CRuby's
 * shortest round-trip to_s, rounding with digits (CRuby's decimal-looking
 * ties: 1.005.round(2) is 1.01), String->Float parsing and Kernel#Float. */
#include "bignum.h"

#include <math.h>
#include <float.h>

#define NOARGS UNUSED(argc); UNUSED(argv); UNUSED(blk)
#define FVAL(v) mg_float_value(v)

static inline double
int2dbl(Value v)
{
    return MG_IS_FIXNUM(v) ? (double)MG_FIX2LONG(v) : mg_big_to_double(v);
}

static void
zerodiv(void)
{
    mg_raise(mg_eZeroDivisionError, "divided by 0");
}

/* ---- to_s ---- */

/* Shortest decimal digits that read back as d (d finite, > 0): digits into
 * buf (no dot, no trailing zeros), returns the count; *decpt is the exponent
 * with d = 0.DIGITS * 10**decpt. Any number of k <= 15 digits that round-trips
 * is the correctly rounded 15-digit form with its trailing zeros removed, so
 * one conversion settles most values; 16 and 17 digits are tried after. */
static int
shortest_digits(double d, char *buf, int *decpt)
{
    char tmp[40];
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    bool pow2 = (bits & ((1ULL << 52) - 1)) == 0;   /* the gap below is half the gap above */
    int prec;
    /* subnormals carry fewer bits: the 15-digit shortcut does not hold for them */
    for (prec = d < DBL_MIN ? 1 : 15; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*e", prec - 1, d);
        if (strtod(tmp, NULL) == d) break;
        if (pow2 && prec < 17) {
            /* try the next decimal up: it may be inside the wider upper half-gap */
            double up = strtod(tmp, NULL);
            (void)up;
            char *e = strchr(tmp, 'e');
            char mant[24];
            int n = 0;
            for (char *p = tmp; p < e; p++) if (*p != '.') mant[n++] = *p;
            int i = n - 1;
            while (i >= 0 && mant[i] == '9') mant[i--] = '0';
            if (i >= 0) {
                mant[i]++;
                int ex = atoi(e + 1);
                char cand[48];
                snprintf(cand, sizeof cand, "%.*se%d", n, mant, ex - (n - 1));
                if (strtod(cand, NULL) == d) {
                    memcpy(buf, mant, (size_t)n);
                    while (n > 1 && buf[n - 1] == '0') n--;
                    *decpt = ex + 1;
                    return n;
                }
            }
        }
    }
    char *e = strchr(tmp, 'e');
    int n = 0;
    for (char *p = tmp; p < e; p++) if (*p != '.') buf[n++] = *p;
    while (n > 1 && buf[n - 1] == '0') n--;
    *decpt = atoi(e + 1) + 1;
    return n;
}

/* Formats d as CRuby's Float#to_s into out (at least 32 bytes); returns the length. */
static int
float_format(double d, char *out)
{
    if (isnan(d)) return (int)(strcpy(out, "NaN"), 3);
    if (isinf(d)) { strcpy(out, d < 0 ? "-Infinity" : "Infinity"); return d < 0 ? 9 : 8; }
    char *o = out;
    if (signbit(d)) { *o++ = '-'; d = -d; }
    if (d == 0.0) { memcpy(o, "0.0", 4); return (int)(o - out) + 3; }
    char dig[24];
    int decpt;
    int n = shortest_digits(d, dig, &decpt);
    if (decpt > 0 && (decpt <= DBL_DIG || n > decpt) && decpt <= DBL_DIG + 1) {
        if (n <= decpt) {
            memcpy(o, dig, (size_t)n); o += n;
            for (int i = n; i < decpt; i++) *o++ = '0';
            *o++ = '.'; *o++ = '0';
        } else {
            memcpy(o, dig, (size_t)decpt); o += decpt;
            *o++ = '.';
            memcpy(o, dig + decpt, (size_t)(n - decpt)); o += n - decpt;
        }
    } else if (decpt <= 0 && decpt > -4) {
        *o++ = '0'; *o++ = '.';
        for (int i = 0; i < -decpt; i++) *o++ = '0';
        memcpy(o, dig, (size_t)n); o += n;
    } else {
        *o++ = dig[0];
        *o++ = '.';
        if (n > 1) { memcpy(o, dig + 1, (size_t)(n - 1)); o += n - 1; }
        else *o++ = '0';
        int e = decpt - 1;
        o += sprintf(o, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    }
    *o = '\0';
    return (int)(o - out);
}

Value
mg_float_to_s(double d)
{
    char buf[40];
    int n = float_format(d, buf);
    return mg_str_new_enc(buf, (size_t)n, ENC_US_ASCII);
}

/* ---- parsing ---- */

static inline bool
is_space(int c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static inline bool
is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static inline bool
is_xdigit(int c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Copies a run of digits with single underscores between digits from *pp into
 * *oo; returns the digit count. Stops before anything else (including a
 * trailing or doubled underscore, which makes *bad true). */
static int
scan_digits(const char **pp, const char *e, char **oo, bool hex, bool *bad)
{
    const char *p = *pp;
    char *o = *oo;
    int n = 0;
    while (p < e) {
        int c = (unsigned char)*p;
        if (is_digit(c) || (hex && is_xdigit(c))) { *o++ = (char)c; n++; p++; continue; }
        if (c == '_' && n > 0 && p + 1 < e && (is_digit((unsigned char)p[1]) || (hex && is_xdigit((unsigned char)p[1])))) { p++; continue; }
        if (c == '_') *bad = true;
        break;
    }
    *pp = p;
    *oo = o;
    return n;
}

double
mg_str_to_dbl(const char *str, size_t len, bool strict, bool *ok)
{
    const char *p = str, *e = str + len;
    *ok = true;
    if (strict && memchr(str, '\0', len)) mg_raise(mg_eArgumentError, "string for Float contains null byte");
    while (p < e && is_space((unsigned char)*p)) p++;
    char small[256];
    size_t cap = len + 8;
    char *buf = cap <= sizeof small ? small : mg_malloc(cap);
    char *o = buf;
    bool bad = false;
    bool sign = p < e && (*p == '+' || *p == '-');
    if (sign) *o++ = *p++;
    /* String#to_f reads "0x10" as 0.0 but "-0x10" as -16.0: CRuby refuses
     * the hex prefix only at the very start, then lets strtod read the rest */
    bool hex = (strict || sign) && p + 1 < e && p[0] == '0' && (p[1] == 'x' || p[1] == 'X');
    if (hex) {
        *o++ = '0'; *o++ = 'x';
        p += 2;
        int n = scan_digits(&p, e, &o, true, &bad);
        bool point = false;
        if (p < e && *p == '.' && n > 0) {
            *o++ = *p++;
            point = true;
            if (scan_digits(&p, e, &o, true, &bad) == 0) bad = true;
        }
        if (n == 0) bad = true;
        if (p < e && (*p == 'p' || *p == 'P')) {
            *o++ = *p++;
            if (p < e && (*p == '+' || *p == '-')) *o++ = *p++;
            if (scan_digits(&p, e, &o, false, &bad) == 0) bad = true;
        } else if (point) {
            bad = true;         /* a hex fraction needs its p exponent */
        }
        if (bad && !strict) o = buf;    /* a malformed hex number reads as 0.0 */
    } else {
        int n = scan_digits(&p, e, &o, false, &bad);
        int frac = 0;
        if (p + 1 < e && *p == '.' && is_digit((unsigned char)p[1])) {
            *o++ = *p++;
            frac = scan_digits(&p, e, &o, false, &bad);
        } else if (p < e && *p == '.' && strict) bad = true;
        if (n + frac == 0) {
            bad = true;
        } else if (p < e && (*p == 'e' || *p == 'E') && !bad) {
            const char *save = p;
            char *osave = o;
            *o++ = *p++;
            if (p < e && (*p == '+' || *p == '-')) *o++ = *p++;
            if (p < e && is_digit((unsigned char)*p)) {
                scan_digits(&p, e, &o, false, &bad);
            } else if (strict) {
                bad = true;
            } else {
                p = save;       /* "1e" reads as 1 */
                o = osave;
            }
        }
    }
    *o = '\0';
    double d = 0.0;
    if (strict) {
        while (p < e && is_space((unsigned char)*p)) p++;
        if (p < e || bad) *ok = false;
        else d = strtod(buf, NULL);
    } else {
        /* lax: buf holds the valid prefix (maybe empty or a lone sign: 0.0) */
        d = strtod(buf, NULL);
    }
    if (buf != small) mg_free(buf, cap);
    return d;
}

/* ---- arithmetic ---- */

double
mg_flo_mod(double x, double y)
{
    double mod;
    if (isnan(y)) return y;
    if (x == 0.0 || (isinf(y) && !isinf(x))) mod = x;
    else mod = fmod(x, y);
    if (y * mod < 0) mod += y;
    return mod;
}

Value
mg_flo_divmod(double x, double y)
{
    double div, mod;
    if (isnan(y)) {
        div = mod = y;
    } else {
        if (y == 0.0) zerodiv();
        if (x == 0.0 || (isinf(y) && !isinf(x))) mod = x;
        else mod = fmod(x, y);
        if (isinf(x) && !isinf(y)) div = x;
        else div = round((x - mod) / y);
        if (y * mod < 0) { mod += y; div -= 1.0; }
    }
    Value q = mg_dbl_to_int(div);
    Value r = mg_float_new(mod);
    return mg_ary_new_from(2, (Value[]){q, r});
}

static inline bool
other_dbl(Value b, double *out)
{
    if (MG_IS_FLOAT(b)) { *out = FVAL(b); return true; }
    if (MG_IS_FIXNUM(b)) { *out = (double)MG_FIX2LONG(b); return true; }
    if (MG_IS_BIGNUM(b)) { *out = mg_big_to_double(b); return true; }
    return false;
}

Value
mg_float_plus(Value a, Value b)
{
    double y;
    if (other_dbl(b, &y)) return mg_float_new(FVAL(a) + y);
    return mg_num_coerce_bin(a, b, mg_id_plus);
}

Value
mg_float_minus(Value a, Value b)
{
    double y;
    if (other_dbl(b, &y)) return mg_float_new(FVAL(a) - y);
    return mg_num_coerce_bin(a, b, mg_id_minus);
}

Value
mg_float_mul(Value a, Value b)
{
    double y;
    if (other_dbl(b, &y)) return mg_float_new(FVAL(a) * y);
    return mg_num_coerce_bin(a, b, mg_id_mul);
}

Value
mg_float_div(Value a, Value b)
{
    double y;
    if (other_dbl(b, &y)) return mg_float_new(FVAL(a) / y);
    return mg_num_coerce_bin(a, b, mg_id_div);
}

static Value
flo_plus(Value self, int argc, const Value *argv, Value blk) { UNUSED(argc); UNUSED(blk); return mg_float_plus(self, argv[0]); }
static Value
flo_minus(Value self, int argc, const Value *argv, Value blk) { UNUSED(argc); UNUSED(blk); return mg_float_minus(self, argv[0]); }
static Value
flo_mul(Value self, int argc, const Value *argv, Value blk) { UNUSED(argc); UNUSED(blk); return mg_float_mul(self, argv[0]); }
static Value
flo_div(Value self, int argc, const Value *argv, Value blk) { UNUSED(argc); UNUSED(blk); return mg_float_div(self, argv[0]); }

static Value
flo_mod(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    double y;
    if (other_dbl(argv[0], &y)) {
        if (y == 0.0) zerodiv();
        return mg_float_new(mg_flo_mod(FVAL(self), y));
    }
    return mg_num_coerce_bin(self, argv[0], mg_id_mod);
}

static Value
flo_divmod(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    double y;
    if (other_dbl(argv[0], &y)) return mg_flo_divmod(FVAL(self), y);
    return mg_num_coerce_bin(self, argv[0], mg_intern_cstr("divmod"));
}

static Value
flo_idiv(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    double y;
    if (other_dbl(argv[0], &y)) {
        if (y == 0.0) zerodiv();
        return mg_dbl_to_int(floor(FVAL(self) / y));
    }
    return mg_num_div_generic(self, argv[0]);
}

/* Numeric#remainder's way, as CRuby's Float has no remainder of its own:
 * x % y, less y when the signs differ, so 0.1.remainder(-3) is
 * 0.10000000000000009 and an infinite y gives x */
static Value
flo_remainder(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    double y;
    if (other_dbl(argv[0], &y)) {
        if (y == 0.0) zerodiv();
        double x = FVAL(self), z = mg_flo_mod(x, y);
        if (z != 0.0 && ((x < 0 && y > 0) || (x > 0 && y < 0))) return isinf(y) ? self : mg_float_new(z - y);
        return mg_float_new(z);
    }
    return mg_num_remainder_generic(self, argv[0]);
}

/* cos(pi*t) and sin(pi*t), exact at multiples of 1/2. */
static void
cossin_pi(double t, double *c, double *s)
{
    double r = fmod(t, 2.0);
    if (r < 0) r += 2.0;
    if (r == 0.0) { *c = 1.0; *s = 0.0; }
    else if (r == 0.5) { *c = 0.0; *s = 1.0; }
    else if (r == 1.0) { *c = -1.0; *s = 0.0; }
    else if (r == 1.5) { *c = 0.0; *s = -1.0; }
    else { *c = cos(M_PI * t); *s = sin(M_PI * t); }
}

Value
mg_complex_pow_real(Value a, Value b)
{
    /* (-x)**y = x**y * e**(i*pi*y) */
    double x = mg_num2dbl(a), y = mg_num2dbl(b);
    double r = pow(-x, y), c, s;
    cossin_pi(y, &c, &s);
    /* at a half-integer y the real part is exactly 0.0, even for an infinite r */
    return mg_complex_new(mg_float_new(c == 0.0 ? 0.0 : r * c), mg_float_new(r * s));
}

Value
mg_flo_pow(double x, Value b)
{
    if (MG_IS_INTEGER(b)) return mg_float_new(pow(x, int2dbl(b)));
    if (MG_IS_FLOAT(b)) {
        double y = FVAL(b);
        if (x < 0 && y != round(y)) return mg_complex_pow_real(mg_float_new(x), b);
        return mg_float_new(pow(x, y));
    }
    return MG_UNDEF;
}

static Value
flo_pow(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value r = mg_flo_pow(FVAL(self), argv[0]);
    if (r != MG_UNDEF) return r;
    return mg_num_coerce_bin(self, argv[0], mg_id_pow);
}

static Value
flo_uminus(Value self, int argc, const Value *argv, Value blk) { NOARGS; return mg_float_new(-FVAL(self)); }
static Value
flo_abs(Value self, int argc, const Value *argv, Value blk) { NOARGS; return mg_float_new(fabs(FVAL(self))); }

static Value
flo_fdiv(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    double y;
    if (other_dbl(argv[0], &y)) return mg_float_new(FVAL(self) / y);
    return mg_num_coerce_bin(self, argv[0], mg_id_div);
}

/* ---- comparison ---- */

int
mg_float_cmp_value(Value a, Value b, bool *unordered)
{
    double x = FVAL(a);
    *unordered = false;
    if (MG_IS_FLOAT(b)) {
        double y = FVAL(b);
        if (isnan(x) || isnan(y)) { *unordered = true; return 0; }
        return x < y ? -1 : x > y;
    }
    int c = mg_int_cmp_dbl(b, x);
    if (c == 2) { *unordered = true; return 0; }
    return -c;
}

static Value
flo_cmp(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value b = argv[0];
    if (MG_IS_FLOAT(b) || MG_IS_INTEGER(b)) {
        bool un;
        int c = mg_float_cmp_value(self, b, &un);
        return un ? MG_NIL : MG_FIX(c);
    }
    double x = FVAL(self);
    if (isnan(x)) return MG_NIL;        /* before any coerce, as CRuby */
    if (isinf(x) && mg_respond_to(b, mg_intern_cstr("infinite?"), true)) {
        Value i = MG_CALL0(b, "infinite?");
        if (!MG_TEST(i)) return MG_FIX(x > 0 ? 1 : -1);
        int j = (int)mg_num2long(i);
        return MG_FIX(x > 0 ? (j > 0 ? 0 : 1) : (j < 0 ? 0 : -1));
    }
    return mg_num_coerce_cmp(self, b, mg_id_cmp);
}

static Value
flo_eq(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value b = argv[0];
    if (MG_IS_FLOAT(b) || MG_IS_INTEGER(b)) {
        bool un;
        int c = mg_float_cmp_value(self, b, &un);
        return MG_BOOL(!un && c == 0);
    }
    return mg_num_equal_generic(self, b);
}

#define FLO_RELOP(name, op, id)                                             \
    static Value                                                            \
    name(Value self, int argc, const Value *argv, Value blk)                \
    {                                                                       \
        UNUSED(argc); UNUSED(blk);                                          \
        Value b = argv[0];                                                  \
        if (MG_IS_FLOAT(b)) return MG_BOOL(FVAL(self) op FVAL(b));          \
        if (MG_IS_INTEGER(b)) {                                             \
            bool un;                                                        \
            int c = mg_float_cmp_value(self, b, &un);                       \
            return MG_BOOL(!un && c op 0);                                  \
        }                                                                   \
        return mg_num_coerce_relop(self, b, id);                            \
    }
FLO_RELOP(flo_lt, <, mg_id_lt)
FLO_RELOP(flo_le, <=, mg_id_le)
FLO_RELOP(flo_gt, >, mg_id_gt)
FLO_RELOP(flo_ge, >=, mg_id_ge)

static Value
flo_eql(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return MG_BOOL(MG_IS_FLOAT(argv[0]) && FVAL(self) == FVAL(argv[0]));
}

uint64_t
mg_float_hash(double d)
{
    if (d == 0.0) d = 0.0;      /* -0.0 hashes like 0.0 */
    uint64_t b;
    memcpy(&b, &d, sizeof b);
    return mg_hash_mix(b ^ 0x5851f42d4c957f2dULL);
}

static Value
flo_hash(Value self, int argc, const Value *argv, Value blk)
{
    NOARGS;
    return MG_FIX((int64_t)(mg_float_hash(FVAL(self)) >> 2));
}

/* ---- predicates ---- */

static Value
flo_nan_p(Value self, int argc, const Value *argv, Value blk) { NOARGS; return MG_BOOL(isnan(FVAL(self))); }
static Value
flo_finite_p(Value self, int argc, const Value *argv, Value blk) { NOARGS; return MG_BOOL(isfinite(FVAL(self))); }
static Value
flo_infinite_p(Value self, int argc, const Value *argv, Value blk)
{
    NOARGS;
    double d = FVAL(self);
    if (!isinf(d)) return MG_NIL;
    return MG_FIX(d < 0 ? -1 : 1);
}
static Value
flo_zero_p(Value self, int argc, const Value *argv, Value blk) { NOARGS; return MG_BOOL(FVAL(self) == 0.0); }
static Value
flo_positive_p(Value self, int argc, const Value *argv, Value blk) { NOARGS; return MG_BOOL(FVAL(self) > 0.0); }
static Value
flo_negative_p(Value self, int argc, const Value *argv, Value blk) { NOARGS; return MG_BOOL(FVAL(self) < 0.0); }

static Value
flo_arg(Value self, int argc, const Value *argv, Value blk)
{
    NOARGS;
    double d = FVAL(self);
    if (isnan(d)) return self;
    return signbit(d) ? mg_float_new(M_PI) : MG_FIX(0);
}

/* ---- conversion ---- */

static Value
flo_to_s(Value self, int argc, const Value *argv, Value blk) { NOARGS; return mg_float_to_s(FVAL(self)); }
static Value
flo_self(Value self, int argc, const Value *argv, Value blk) { NOARGS; return self; }
static Value
flo_to_i(Value self, int argc, const Value *argv, Value blk) { NOARGS; return mg_dbl_to_int(FVAL(self)); }

static Value
flo_coerce(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value o = MG_IS_FLOAT(argv[0]) ? argv[0] : mg_float_new(mg_num_to_float_conv(argv[0]));
    return mg_ary_new_from(2, (Value[]){o, self});
}

static Value
flo_next_float(Value self, int argc, const Value *argv, Value blk) { NOARGS; return mg_float_new(nextafter(FVAL(self), HUGE_VAL)); }
static Value
flo_prev_float(Value self, int argc, const Value *argv, Value blk) { NOARGS; return mg_float_new(nextafter(FVAL(self), -HUGE_VAL)); }

/* The exact value of a finite d as a Rational. */
static Value
flo_exact_rational(double d)
{
    if (isnan(d)) mg_raise(mg_eFloatDomainError, "NaN");
    if (isinf(d)) mg_raise(mg_eFloatDomainError, d < 0 ? "-Infinity" : "Infinity");
    int ex;
    double m = frexp(d, &ex);
    m = ldexp(m, DBL_MANT_DIG);
    ex -= DBL_MANT_DIG;
    Value num = mg_dbl_to_int_exact(m);
    if (ex >= 0) return mg_rational_new(mg_int_mul(num, mg_int_pow(MG_FIX(2), MG_FIX(ex))), MG_FIX(1));
    return mg_rational_new(num, mg_int_pow(MG_FIX(2), MG_FIX(-ex)));
}

static Value
flo_to_r(Value self, int argc, const Value *argv, Value blk) { NOARGS; return flo_exact_rational(FVAL(self)); }

static Value
flo_rationalize(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    double d = FVAL(self);
    if (argc == 1) {
        /* CRuby works on |self| -+ |e| in Float arithmetic with its continued
         * fraction walk, then puts the sign back: 1e16.rationalize(1) is
         * (10000000000000000/1) (1e16 - 1 rounds to 1e16), 0.0.rationalize(1) (-1/1) */
        Value e = mg_funcall(argv[0], mg_intern_cstr("abs"), 0, NULL);
        Value x = mg_float_new(fabs(d));
        Value a = mg_funcall(x, mg_id_minus, 1, &e);
        Value b = mg_funcall(x, mg_id_plus, 1, &e);
        if (mg_equal(a, b)) return flo_exact_rational(isinf(d) ? INFINITY : d);   /* -Infinity says Infinity */
        Value r = mg_rational_walk(a, b);
        if (d < 0) r = mg_rational_new(mg_int_minus(MG_FIX(0), MG_CALL0(r, "numerator")), MG_CALL0(r, "denominator"));
        return r;
    }
    Value x = flo_exact_rational(isinf(d) ? INFINITY : d);
    if (d == 0.0) return x;
    int ex;
    double m = frexp(d, &ex);
    Value f = mg_dbl_to_int_exact(ldexp(m, DBL_MANT_DIG));
    int n = ex - DBL_MANT_DIG;
    if (n >= 0) return x;
    /* the interval of reals that round to d: (2f -+ 1) / 2**(1-n) */
    Value two_f = mg_int_mul(f, MG_FIX(2));
    Value den = mg_int_pow(MG_FIX(2), MG_FIX(1 - n));
    Value a = mg_rational_new(mg_int_minus(two_f, MG_FIX(1)), den);
    Value b = mg_rational_new(mg_int_plus(two_f, MG_FIX(1)), den);
    return mg_rational_walk(a, b);
}

static Value
flo_numerator(Value self, int argc, const Value *argv, Value blk)
{
    NOARGS;
    double d = FVAL(self);
    if (isnan(d) || isinf(d)) return self;
    return MG_CALL0(flo_exact_rational(d), "numerator");
}

static Value
flo_denominator(Value self, int argc, const Value *argv, Value blk)
{
    NOARGS;
    double d = FVAL(self);
    if (isnan(d) || isinf(d)) return MG_FIX(1);
    return MG_CALL0(flo_exact_rational(d), "denominator");
}

/* ---- rounding ---- */

/* With 2**(binexp-1) <= |x| < 2**binexp, x has at most DBL_DIG+2 significant
 * decimal digits: rounding at ndigits beyond them changes nothing ... */
static bool
round_keeps_all(int64_t ndigits, int binexp)
{
    return ndigits >= (DBL_DIG + 2) - (binexp > 0 ? binexp / 4 : binexp / 3 - 1);
}

/* ... and rounding before the first significant digit gives zero. */
static bool
round_to_zero(int64_t ndigits, int binexp)
{
    return ndigits < -(binexp > 0 ? binexp / 3 + 1 : binexp / 4);
}

/* x*s rounded to an integer, with ties judged on the decimal that x looks
 * like: when (f +- 0.5)/s reads back as x itself the tie is taken as exact. */
static double
round_half_up(double x, double s)
{
    double xs = x * s, f = round(xs);
    if (s == 1.0) return f;
    if (x > 0) { if ((f + 0.5) / s <= x) f += 1; }
    else { if ((f - 0.5) / s >= x) f -= 1; }
    return f;
}

static double
round_half_down(double x, double s)
{
    double xs = x * s, f = round(xs);
    if (x > 0) { if ((f - 0.5) / s >= x) f -= 1; }
    else { if ((f + 0.5) / s <= x) f += 1; }
    return f;
}

static double
round_half_even(double x, double s)
{
    double ax = fabs(x), xs = ax * s, u = floor(xs), v = xs - u, f;
    if (isinf(x)) return NAN;   /* as CRuby's: Infinity.round(half: :even) says NaN */
    if (v > 0.5) f = u + 1;
    else if (v == 0.5) f = fmod(u, 2.0) == 0.0 ? u : u + 1;
    else if (s == 1.0 || v == 0.0) f = u;
    else {
        /* below the binary half: a tie if x reads as the decimal half */
        double h = (u + 0.5) / s;
        if (h == ax) f = fmod(u, 2.0) == 0.0 ? u : u + 1;
        else f = h < ax ? u + 1 : u;
    }
    return x < 0 ? -f : f;
}

static double
round_mode(double x, double s, int mode)
{
    switch (mode) {
    case MG_ROUND_HALF_EVEN: return round_half_even(x, s);
    case MG_ROUND_HALF_DOWN: return round_half_down(x, s);
    default: return round_half_up(x, s);
    }
}

/* Exact rounding of x at ndigits (> 14) decimals through integers. */
static double
round_exact(double x, int64_t ndigits, int mode)
{
    int ex;
    double m = frexp(x, &ex);
    m = ldexp(m, DBL_MANT_DIG);
    ex -= DBL_MANT_DIG;
    if (ex >= 0) return x;
    mpz_t n, d, q, r, p;
    mpz_inits(n, d, q, r, p, NULL);
    mpz_set_d(n, fabs(m));
    mpz_ui_pow_ui(p, 10, (unsigned long)ndigits);
    mpz_mul(n, n, p);
    mpz_set_ui(d, 1);
    mpz_mul_2exp(d, d, (mp_bitcnt_t)-ex);
    mpz_tdiv_qr(q, r, n, d);
    mpz_mul_2exp(r, r, 1);
    int c = mpz_cmp(r, d);
    if (c > 0 || (c == 0 && (mode == MG_ROUND_HALF_UP || (mode == MG_ROUND_HALF_EVEN && mpz_odd_p(q)))))
        mpz_add_ui(q, q, 1);
    if (x < 0) mpz_neg(q, q);
    double res = mg_int_fdiv_ruby(q, p);     /* as Rational#to_f would */
    mpz_clears(n, d, q, r, p, NULL);
    return res;
}

static Value
flo_round(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    int64_t nd;
    int mode;
    mg_num_round_args(argc, argv, true, &nd, &mode);
    double x = FVAL(self);
    if (nd > 0) {
        if (isnan(x) || isinf(x)) return self;
        if (x == 0.0) return self;
        int binexp;
        frexp(x, &binexp);
        if (round_keeps_all(nd, binexp)) return self;
        if (round_to_zero(nd, binexp)) return mg_float_new(0.0);
        if (nd > 14) return mg_float_new(round_exact(x, nd, mode));
        double s = pow(10, (double)nd);
        return mg_float_new(round_mode(x, s, mode) / s);
    }
    if (nd == 0) return mg_dbl_to_int(round_mode(x, 1.0, mode));
    if (isnan(x) || isinf(x)) mg_dbl_to_int(x);   /* raises FloatDomainError */
    Value i = mg_dbl_to_int(trunc(x));
    Value h = mg_hash_new();
    mg_hash_aset(h, mg_sym("half"), mode == MG_ROUND_HALF_EVEN ? mg_sym("even") : mode == MG_ROUND_HALF_DOWN ? mg_sym("down") : mg_sym("up"));
    return mg_funcall_kw(i, mg_intern_cstr("round"), 2, (Value[]){MG_FIX(nd), h}, MG_NIL);
}

static double
floor_digits(double x, int64_t nd)
{
    double s = pow(10, (double)nd);
    double mul = floor(x * s);
    double res = (mul + 1) / s;
    if (res > x) res = mul / s;
    return res;
}

static double
ceil_digits(double x, int64_t nd)
{
    double s = pow(10, (double)nd);
    double mul = ceil(x * s);
    double res = (mul - 1) / s;
    if (res < x) res = mul / s;
    return res;
}

typedef enum { FK_FLOOR, FK_CEIL, FK_TRUNC } FloorKind;

static Value
flo_floorish(Value self, int argc, const Value *argv, FloorKind kind)
{
    int64_t nd;
    int mode;
    mg_num_round_args(argc, argv, false, &nd, &mode);
    double x = FVAL(self);
    if (kind == FK_TRUNC) kind = x > 0 ? FK_FLOOR : FK_CEIL;
    if (nd > 0) {
        if (isnan(x) || isinf(x) || x == 0.0) return self;
        int binexp;
        frexp(x, &binexp);
        if (round_keeps_all(nd, binexp)) return self;
        if (kind == FK_FLOOR && x > 0.0 && round_to_zero(nd, binexp)) return mg_float_new(0.0);
        if (kind == FK_CEIL && x < 0.0 && round_to_zero(nd, binexp)) return mg_float_new(0.0);
        return mg_float_new(kind == FK_FLOOR ? floor_digits(x, nd) : ceil_digits(x, nd));
    }
    Value i = mg_dbl_to_int(kind == FK_FLOOR ? floor(x) : ceil(x));
    if (nd == 0) return i;
    return mg_funcall(i, mg_intern_cstr(kind == FK_FLOOR ? "floor" : "ceil"), 1, (Value[]){MG_FIX(nd)});
}

static Value
flo_floor(Value self, int argc, const Value *argv, Value blk) { UNUSED(blk); return flo_floorish(self, argc, argv, FK_FLOOR); }
static Value
flo_ceil(Value self, int argc, const Value *argv, Value blk) { UNUSED(blk); return flo_floorish(self, argc, argv, FK_CEIL); }
static Value
flo_truncate(Value self, int argc, const Value *argv, Value blk) { UNUSED(blk); return flo_floorish(self, argc, argv, FK_TRUNC); }

/* ---- Kernel#Float ---- */

static Value
float_conv(Value x)
{
    return mg_float_new(mg_num_to_float_conv(x));
}

static Value
kernel_Float(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(blk);
    bool raise = true;
    if (mg_kw_given()) {
        raise = mg_num_exception_kwarg(argv[argc - 1]);
        argc--;
    }
    if (argc != 1) mg_raise_argc(argc, 1, 1);
    Value x = argv[0];
    if (MG_IS_FLOAT(x)) return x;
    if (raise) return float_conv(x);
    if (x == MG_NIL) return MG_NIL;
    if (MG_IS_STRING(x)) {
        bool ok;
        if (memchr(mg_str_ptr(x), '\0', (size_t)mg_str_len(x))) return MG_NIL;
        double d = mg_str_to_dbl(mg_str_ptr(x), (size_t)mg_str_len(x), true, &ok);
        return ok ? mg_float_new(d) : MG_NIL;
    }
    Value exc;
    Value r = mg_protect(float_conv, x, &exc);
    if (r == MG_UNDEF) {
        if (exc != MG_NIL && !mg_obj_is_kind_of(exc, mg_eStandardError)) mg_raise_exc(exc);
        return MG_NIL;
    }
    return r;
}

static const MgMethodDef float_methods[] = {
    {"+", flo_plus, 1, 1},
    {"-", flo_minus, 1, 1},
    {"*", flo_mul, 1, 1},
    {"/", flo_div, 1, 1},
    {"quo", flo_div, 1, 1},
    {"fdiv", flo_fdiv, 1, 1},
    {"%", flo_mod, 1, 1},
    {"modulo", flo_mod, 1, 1},
    {"divmod", flo_divmod, 1, 1},
    {"div", flo_idiv, 1, 1},
    {"remainder", flo_remainder, 1, 1},
    {"**", flo_pow, 1, 1},
    {"-@", flo_uminus, 0, 0},
    {"abs", flo_abs, 0, 0},
    {"magnitude", flo_abs, 0, 0},
    {"<=>", flo_cmp, 1, 1},
    {"==", flo_eq, 1, 1},
    {"===", flo_eq, 1, 1},
    {"<", flo_lt, 1, 1},
    {"<=", flo_le, 1, 1},
    {">", flo_gt, 1, 1},
    {">=", flo_ge, 1, 1},
    {"eql?", flo_eql, 1, 1},
    {"hash", flo_hash, 0, 0},
    {"nan?", flo_nan_p, 0, 0},
    {"finite?", flo_finite_p, 0, 0},
    {"infinite?", flo_infinite_p, 0, 0},
    {"zero?", flo_zero_p, 0, 0},
    {"positive?", flo_positive_p, 0, 0},
    {"negative?", flo_negative_p, 0, 0},
    {"arg", flo_arg, 0, 0},
    {"angle", flo_arg, 0, 0},
    {"phase", flo_arg, 0, 0},
    {"to_s", flo_to_s, 0, 0},
    {"inspect", flo_to_s, 0, 0},
    {"to_f", flo_self, 0, 0},
    {"to_i", flo_to_i, 0, 0},
    {"to_int", flo_to_i, 0, 0},
    {"to_r", flo_to_r, 0, 0},
    {"rationalize", flo_rationalize, 0, 1},
    {"numerator", flo_numerator, 0, 0},
    {"denominator", flo_denominator, 0, 0},
    {"coerce", flo_coerce, 1, 1},
    {"next_float", flo_next_float, 0, 0},
    {"prev_float", flo_prev_float, 0, 0},
    {"round", flo_round, 0, 2, MEF_KW},
    {"floor", flo_floor, 0, 1},
    {"ceil", flo_ceil, 0, 1},
    {"truncate", flo_truncate, 0, 1},
    {NULL, NULL, 0, 0}
};

void
mg_init_float(void)
{
    mg_define_methods(mg_cFloat, float_methods);
    mg_method_undef(mg_singleton_class(MG_VAL(mg_cFloat)), mg_id_new);
    mg_define_alloc_func(mg_cFloat, mg_alloc_undefined);
    mg_define_const(mg_cFloat, "RADIX", MG_FIX(FLT_RADIX));
    mg_define_const(mg_cFloat, "MANT_DIG", MG_FIX(DBL_MANT_DIG));
    mg_define_const(mg_cFloat, "DIG", MG_FIX(DBL_DIG));
    mg_define_const(mg_cFloat, "MIN_EXP", MG_FIX(DBL_MIN_EXP));
    mg_define_const(mg_cFloat, "MAX_EXP", MG_FIX(DBL_MAX_EXP));
    mg_define_const(mg_cFloat, "MIN_10_EXP", MG_FIX(DBL_MIN_10_EXP));
    mg_define_const(mg_cFloat, "MAX_10_EXP", MG_FIX(DBL_MAX_10_EXP));
    mg_define_const(mg_cFloat, "MIN", mg_float_new(DBL_MIN));
    mg_define_const(mg_cFloat, "MAX", mg_float_new(DBL_MAX));
    mg_define_const(mg_cFloat, "EPSILON", mg_float_new(DBL_EPSILON));
    mg_define_const(mg_cFloat, "INFINITY", mg_float_new(HUGE_VAL));
    mg_define_const(mg_cFloat, "NAN", mg_float_new(nan("")));
    mg_define_module_function(mg_mKernel, "Float", kernel_Float, 0, -1);   /* it checks 1 without the keywords */
}
