/* bignum.c -- T_BIGNUM objects over GMP: allocation, normalization, conversion
 * to and from C numbers, decimal/radix text, hashing. Ruby-level Integer
 * methods are in integer.c (one Integer class for fixnums and bignums). */
#include "bignum.h"

#include <math.h>

/* ---- GMP memory goes through the GC's counters ---- */

static void *
gmp_alloc(size_t size)
{
    return mg_malloc(size);
}

static void *
gmp_realloc(void *p, size_t old_size, size_t new_size)
{
    return mg_realloc(p, old_size, new_size);
}

static void
gmp_free(void *p, size_t size)
{
    mg_free(p, size);
}

void
mg_big_setup_gmp(void)
{
    static bool done;
    if (done) return;
    done = true;
    mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
}

/* Results larger than this many bits are refused before GMP sees them
 * (GMP aborts the process when a size overflows its int limb count). */
#define MG_BIG_MAX_BITS (16.0 * 1024 * 1024 * 1024)

void
mg_big_check_bits(double bits)
{
    if (bits > MG_BIG_MAX_BITS || bits != bits) mg_raise(mg_eNoMemoryError, "failed to allocate memory");
}

/* ---- objects ---- */

Value
mg_big_new(void)
{
    RBignum *b = (RBignum *)mg_gc_alloc(sizeof(RBignum), T_BIGNUM, mg_cInteger);
    mpz_init(b->z);     /* GMP >= 6.2 allocates nothing here */
    b->hdr.flags |= OF_FROZEN;
    return MG_VAL(b);
}

void
mg_big_free(Obj *o)
{
    RBignum *b = (RBignum *)o;
    if (o->flags & OF_UNFAULTED) return;    /* body never filled in */
    mpz_clear(b->z);
}

static bool
mpz_fits_fix(mpz_srcptr z)
{
    if (!mpz_fits_slong_p(z)) return false;
    long n = mpz_get_si(z);
    return MG_FIXABLE(n);
}

Value
mg_big_norm(Value v)
{
    if (!MG_IS_BIGNUM(v)) return v;
    mpz_ptr z = mg_big_z(v);
    if (mpz_fits_fix(z)) return MG_FIX(mpz_get_si(z));
    return v;
}

Value
mg_big_take(mpz_t z)
{
    if (mpz_fits_fix(z)) {
        long n = mpz_get_si(z);
        mpz_clear(z);
        mpz_init(z);
        return MG_FIX(n);
    }
    Value b = mg_big_new();
    mpz_swap(MG_RBIGNUM(b)->z, z);
    mpz_clear(z);
    mpz_init(z);
    return b;
}

Value
mg_big_from_mpz(mpz_srcptr z)
{
    if (mpz_fits_fix(z)) return MG_FIX(mpz_get_si(z));
    Value b = mg_big_new();
    mpz_set(MG_RBIGNUM(b)->z, z);
    return b;
}

void
mg_int_to_mpz(Value v, mpz_ptr out)
{
    if (MG_IS_FIXNUM(v)) mpz_set_si(out, (long)MG_FIX2LONG(v));
    else mpz_set(out, mg_big_z(v));
}

Value
mg_int_new(int64_t n)
{
    if (MG_FIXABLE(n)) return MG_FIX(n);
    Value b = mg_big_new();
    mpz_set_si(MG_RBIGNUM(b)->z, (long)n);
    return b;
}

Value
mg_uint_new(uint64_t n)
{
    if (n <= (uint64_t)MG_FIXNUM_MAX) return MG_FIX((int64_t)n);
    Value b = mg_big_new();
    mpz_set_ui(MG_RBIGNUM(b)->z, (unsigned long)n);
    return b;
}

bool
mg_int_fits_long(Value v)
{
    if (MG_IS_FIXNUM(v)) return true;
    return MG_IS_BIGNUM(v) && mpz_fits_slong_p(mg_big_z(v));
}

/* ---- doubles ---- */

double
mg_mpz_to_double(mpz_srcptr z)
{
    size_t bits = mpz_sizeinbase(z, 2);
    if (bits <= 53) return mpz_get_d(z);
    if (bits > 1100) return mpz_sgn(z) < 0 ? -HUGE_VAL : HUGE_VAL;
    /* Keep 54 bits (53 + a guard bit) and a sticky bit for everything below. */
    size_t shift = bits - 54;
    mpz_t t;
    mpz_init(t);
    mpz_tdiv_q_2exp(t, z, shift);
    mpz_abs(t, t);
    uint64_t top = (uint64_t)mpz_get_ui(t);
    mpz_clear(t);
    bool sticky = mpz_scan1(z, 0) < shift;      /* scan1 works on |z| for two's complement too: lowest set bit is the same */
    uint64_t mant = top >> 1;
    if ((top & 1) && (sticky || (mant & 1))) mant++;
    double d = ldexp((double)mant, (int)(shift + 1));
    return mpz_sgn(z) < 0 ? -d : d;
}

double
mg_big_to_double(Value big)
{
    if (MG_IS_FIXNUM(big)) return (double)MG_FIX2LONG(big);
    return mg_mpz_to_double(mg_big_z(big));
}

double
mg_mpz_fdiv(mpz_srcptr x, mpz_srcptr y)
{
    if (mpz_sgn(y) == 0) return mpz_sgn(x) == 0 ? nan("") : (mpz_sgn(x) < 0 ? -HUGE_VAL : HUGE_VAL);
    if (mpz_sgn(x) == 0) return mpz_sgn(y) < 0 ? -0.0 : 0.0;
    long bx = (long)mpz_sizeinbase(x, 2), by = (long)mpz_sizeinbase(y, 2);
    /* scale so the quotient has about 66 bits, then fold the remainder into a sticky bit */
    long shift = 66 - (bx - by);
    /* a subnormal quotient is counted in units of 2**-1075 instead, so that
     * ldexp rounds it once (4940656.fdiv(10**330) is 5.0e-324, not 0.0) */
    if (bx - by < -1020) shift = 1075;
    mpz_t n, d, q, r;
    mpz_inits(n, d, q, r, NULL);
    mpz_abs(n, x);
    mpz_abs(d, y);
    if (shift > 0) mpz_mul_2exp(n, n, (mp_bitcnt_t)shift);
    else if (shift < 0) mpz_mul_2exp(d, d, (mp_bitcnt_t)-shift);
    mpz_tdiv_qr(q, r, n, d);
    mpz_mul_2exp(q, q, 1);
    if (mpz_sgn(r) != 0) mpz_add_ui(q, q, 1);
    double m = mg_mpz_to_double(q);
    mpz_clears(n, d, q, r, NULL);
    double res;
    long e = -shift - 1;
    if (e > 1100) res = HUGE_VAL;
    else res = ldexp(m, (int)e);
    return (mpz_sgn(x) < 0) != (mpz_sgn(y) < 0) ? -res : res;
}

static bool
mpz_fits_fix_p(mpz_srcptr z)
{
    if (!mpz_fits_slong_p(z)) return false;
    long n = mpz_get_si(z);
    return MG_FIXABLE(n);
}

double
mg_int_fdiv_ruby(mpz_srcptr x0, mpz_srcptr y0)
{
    mpz_t x, y, g;
    mpz_inits(x, y, g, NULL);
    mpz_gcd(g, x0, y0);
    if (mpz_sgn(g) != 0 && mpz_cmp_ui(g, 1) != 0) {
        mpz_divexact(x, x0, g);
        mpz_divexact(y, y0, g);
    } else {
        mpz_set(x, x0);
        mpz_set(y, y0);
    }
    double r;
    bool fx = mpz_fits_fix_p(x), fy = mpz_fits_fix_p(y);
    if (fx && fy) {
        r = (double)mpz_get_si(x) / (double)mpz_get_si(y);
    } else if (!fx && fy) {
        double dx = mg_mpz_to_double(x);
        r = isinf(dx) ? mg_mpz_fdiv(x, y) : dx / (double)mpz_get_si(y);
    } else {
        r = mg_mpz_fdiv(x, y);
    }
    mpz_clears(x, y, g, NULL);
    return r;
}

Value
mg_dbl_to_int_exact(double d)
{
    if (d > -9.2e18 && d < 9.2e18) return mg_int_new((int64_t)d);
    Value b = mg_big_new();
    mpz_set_d(MG_RBIGNUM(b)->z, d);
    return mg_big_norm(b);
}

Value
mg_dbl_to_int(double d)
{
    if (isnan(d)) mg_raise(mg_eFloatDomainError, "NaN");
    if (isinf(d)) mg_raise(mg_eFloatDomainError, d < 0 ? "-Infinity" : "Infinity");
    return mg_dbl_to_int_exact(trunc(d));
}

/* Compare integer i with double d exactly: the double's integral part is
 * compared as an integer, then its fraction breaks a tie. */
int
mg_int_cmp_dbl(Value i, double d)
{
    if (isnan(d)) return 2;
    if (isinf(d)) return d > 0 ? -1 : 1;
    if (MG_IS_FIXNUM(i)) {
        int64_t n = MG_FIX2LONG(i);
        if (n > -(1LL << 53) && n < (1LL << 53)) {
            double x = (double)n;
            return x < d ? -1 : (x > d ? 1 : 0);
        }
        if (d >= 9.2e18) return -1;
        if (d <= -9.2e18) return 1;
        double t = trunc(d);
        int64_t ti = (int64_t)t;
        if (n != ti) return n < ti ? -1 : 1;
        return d > t ? -1 : (d < t ? 1 : 0);
    }
    mpz_srcptr z = mg_big_z(i);
    double t = trunc(d);
    int c = mpz_cmp_d(z, t);    /* exact for integral t */
    if (c != 0) return c < 0 ? -1 : 1;
    return d > t ? -1 : (d < t ? 1 : 0);
}

/* ---- hashing ---- */

uint64_t
mg_hash_mix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

uint64_t
mg_int_hash(Value v)
{
    if (MG_IS_FIXNUM(v)) return mg_hash_mix((uint64_t)MG_FIX2LONG(v) ^ 0x9e3779b97f4a7c15ULL);
    return mg_mpz_hash(mg_big_z(v));
}

uint64_t
mg_mpz_hash(mpz_srcptr z)
{
    if (mpz_fits_fix(z)) return mg_hash_mix((uint64_t)mpz_get_si(z) ^ 0x9e3779b97f4a7c15ULL);
    size_t n = mpz_size(z);
    uint64_t h = mpz_sgn(z) < 0 ? 0x2545f4914f6cdd1dULL : 0x27d4eb2f165667c5ULL;
    for (size_t i = 0; i < n; i++) h = mg_hash_mix(h ^ (uint64_t)mpz_getlimbn(z, (mp_size_t)i));
    return h;
}

/* ---- text ---- */

static const char digit_chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

char *
mg_fix_dec(int64_t n, char *end)
{
    char *p = end;
    uint64_t u = n < 0 ? -(uint64_t)n : (uint64_t)n;
    do { *--p = (char)('0' + u % 10); u /= 10; } while (u);
    if (n < 0) *--p = '-';
    return p;
}

Value
mg_int_to_s(Value v, int base)
{
    if (base < 2 || base > 36) mg_raise(mg_eArgumentError, "invalid radix %d", base);
    if (MG_IS_FIXNUM(v)) {
        char buf[72];
        char *e = buf + sizeof buf, *p = e;
        int64_t n = MG_FIX2LONG(v);
        if (base == 10) {
            p = mg_fix_dec(n, e);
            return mg_str_new_enc(p, (size_t)(e - p), ENC_US_ASCII);
        }
        uint64_t u = n < 0 ? -(uint64_t)n : (uint64_t)n;
        do { *--p = digit_chars[u % (unsigned)base]; u /= (unsigned)base; } while (u);
        if (n < 0) *--p = '-';
        return mg_str_new_enc(p, (size_t)(e - p), ENC_US_ASCII);
    }
    mpz_srcptr z = mg_big_z(v);
    size_t cap = mpz_sizeinbase(z, base) + 2;
    char *buf = mg_malloc(cap);
    mpz_get_str(buf, base, z);
    Value s = mg_str_new_enc(buf, strlen(buf), ENC_US_ASCII);
    mg_free(buf, cap);
    return s;
}

static int
digit_value(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

/* Digits p[0..len) in `base` (no sign, no underscores, all valid) -> Integer. */
Value
mg_int_from_digits(const char *p, size_t len, int base, bool negative)
{
    if (len == 0) return MG_FIX(0);
    /* fast path: fits in 62 bits for sure */
    if ((base <= 10 && len <= 18) || (base <= 16 && len <= 15) || len <= 11) {
        int64_t n = 0;
        for (size_t i = 0; i < len; i++) n = n * base + digit_value((unsigned char)p[i]);
        return MG_FIX(negative ? -n : n);
    }
    char small[128];
    char *buf = len < sizeof small ? small : mg_malloc(len + 1);
    memcpy(buf, p, len);
    buf[len] = '\0';
    mpz_t z;
    mpz_init(z);
    mpz_set_str(z, buf, base);
    if (buf != small) mg_free(buf, len + 1);
    if (negative) mpz_neg(z, z);
    return mg_big_take(z);
}

Value
mg_int_from_str(const char *digits, int base)
{
    if (!digits) return MG_FIX(0);
    if (base < 2 || base > 36) base = 10;
    const char *p = digits;
    bool neg = false;
    if (*p == '-') { neg = true; p++; }
    else if (*p == '+') p++;
    /* literals may carry underscores; drop them */
    size_t len = strlen(p);
    if (!memchr(p, '_', len)) return mg_int_from_digits(p, len, base, neg);
    char *buf = mg_malloc(len + 1);
    size_t n = 0;
    for (size_t i = 0; i < len; i++) if (p[i] != '_') buf[n++] = p[i];
    Value r = mg_int_from_digits(buf, n, base, neg);
    mg_free(buf, len + 1);
    return r;
}

/* Kernel#Integer / String#to_i parsing.
 *   strict: Integer() rules: surrounding whitespace only, no garbage, at least
 *           one digit, single underscores between digits; returns MG_NIL on error.
 *   lax:    String#to_i rules: leading whitespace, stops at the first bad char, 0 if none.
 * base: 0 or negative = autodetect prefix (0b 0o 0 0d 0x); otherwise 2..36 with
 * the matching prefix allowed. */
Value
mg_str_to_inum(const char *p, size_t len, int base, bool strict)
{
    const char *e = p + len;
    while (p < e && (*p == ' ' || (*p >= '\t' && *p <= '\r'))) p++;
    bool neg = false;
    if (p < e && (*p == '+' || *p == '-')) { neg = *p == '-'; p++; }
    int b = base;
    if (p < e && *p == '0' && p + 1 < e) {
        char c = p[1];
        int pb = 0;
        if (c == 'x' || c == 'X') pb = 16;
        else if (c == 'b' || c == 'B') pb = 2;
        else if (c == 'o' || c == 'O') pb = 8;
        else if (c == 'd' || c == 'D') pb = 10;
        if (pb && (b <= 0 || b == pb)) { b = pb; p += 2; }
        else if (b <= 0) b = 8;     /* the leading 0 stays a digit: "0_7" is 7 */
    }
    if (b <= 0) b = 10;
    if (b < 2 || b > 36) mg_raise(mg_eArgumentError, "invalid radix %d", b);
    /* collect digits */
    char small[128];
    size_t cap = (size_t)(e - p) + 1;
    char *buf = cap <= sizeof small ? small : mg_malloc(cap);
    size_t n = 0;
    bool last_us = false;
    const char *q = p;
    for (; q < e; q++) {
        int c = (unsigned char)*q;
        if (c == '_') {
            if (n == 0 || last_us) break;
            last_us = true;
            continue;
        }
        if (digit_value(c) >= b) break;
        buf[n++] = (char)c;
        last_us = false;
    }
    if (strict) {
        bool bad = n == 0 || last_us;
        const char *r = q;
        while (r < e && (*r == ' ' || (*r >= '\t' && *r <= '\r'))) r++;
        if (r < e) bad = true;
        if (bad) {
            if (buf != small) mg_free(buf, cap);
            return MG_NIL;
        }
    }
    Value v = mg_int_from_digits(buf, n, b, neg);
    if (buf != small) mg_free(buf, cap);
    return v;
}
