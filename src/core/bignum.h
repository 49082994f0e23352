/* bignum.h -- T_BIGNUM: Integers outside the fixnum range, backed by GMP.
 * Used by integer.c, float.c, numeric.c, rational.c and the GC (mg_big_free).
 *
 * Invariants:
 *  1. A bignum's value never fits a fixnum once it escapes to Ruby code:
 *     every result goes through mg_big_norm / mg_big_take.
 *  2. Bignums are frozen and immutable after they are returned; only the code
 *     that just allocated one writes its mpz.
 *  3. GMP allocates through mg_malloc/mg_realloc/mg_free (mg_init_numeric), so
 *     limb memory is counted by the GC; the GC calls mg_big_free when it frees one.
 */
#ifndef MG_BIGNUM_H
#define MG_BIGNUM_H

#include "core.h"
#include <gmp.h>

typedef struct RBignum { Obj hdr; mpz_t z; } RBignum;

#define MG_RBIGNUM(v) ((RBignum *)(uintptr_t)(v))

/* The mpz of a bignum (faults it first). */
static inline mpz_ptr
mg_big_z(Value v)
{
    MG_FAULT(v);
    return MG_RBIGNUM(v)->z;
}

/* A read-only mpz view of any Integer: a bignum's own mpz, or a fixnum laid out
 * in `t` without allocation. Valid while v and t live; never write through it. */
typedef struct { mpz_t z; mp_limb_t limb; } MgIntView;
static inline mpz_srcptr
mg_int_view(Value v, MgIntView *t)
{
    if (MG_IS_FIXNUM(v)) {
        int64_t n = MG_FIX2LONG(v);
        t->limb = n < 0 ? (mp_limb_t)(-(uint64_t)n) : (mp_limb_t)n;
        return mpz_roinit_n(t->z, &t->limb, n < 0 ? -1 : (n > 0 ? 1 : 0));
    }
    return mg_big_z(v);
}

/* A new bignum object holding 0 (frozen, on the arena). The caller fills its
 * mpz and then normalizes with mg_big_norm. Allocates. */
Value mg_big_new(void);
/* Moves z's value into an Integer (fixnum when it fits, else a new bignum) and
 * leaves z cleared (no need to mpz_clear it afterwards). Allocates. */
Value mg_big_take(mpz_t z);
/* A copy of z as an Integer. Allocates. */
Value mg_big_from_mpz(mpz_srcptr z);
/* Set `out` (initialized by the caller) to v's value; v must be an Integer. */
void  mg_int_to_mpz(Value v, mpz_ptr out);
/* Correctly rounded (to nearest even) conversion of z; +-Infinity when too large. */
double mg_mpz_to_double(mpz_srcptr z);
/* x / y correctly rounded (subnormal results may be rounded twice). */
double mg_mpz_fdiv(mpz_srcptr x, mpz_srcptr y);
/* x / y as CRuby computes Integer#fdiv and Rational#to_f: reduced by the gcd,
 * then double division when both fit a fixnum, else a precise division. */
double mg_int_fdiv_ruby(mpz_srcptr x, mpz_srcptr y);
/* Called by the GC when it frees a T_BIGNUM: releases the limbs. */
void  mg_big_free(Obj *o);
/* Hash of an mpz value consistent with mg_int_hash for fixnum-range values. */
uint64_t mg_mpz_hash(mpz_srcptr z);
/* Installs GMP's memory functions (mg_malloc & co). Called once, first thing in
 * mg_init_numeric; idempotent. */
void  mg_big_setup_gmp(void);
/* Raises NoMemoryError "failed to allocate memory" unless an integer of `bits`
 * bits may be built (GMP aborts the process on absurd sizes, so callers check first). */
void  mg_big_check_bits(double bits);

/* ---- internal helpers shared by the number files (not for other engineers) ---- */

/* Digits p[0..len), all valid in base, no sign or underscores -> Integer. */
Value mg_int_from_digits(const char *p, size_t len, int base, bool negative);
bool  mg_int_even_p(Value v);
Value mg_int_gcd(Value a, Value b);                 /* both Integer, result >= 0 */
Value mg_int_pow(Value a, Value b);                 /* a Integer, b anything */

/* rational.c: the rational of [a, b] (a <= b; Floats, Rationals or Integers,
 * computed in their own arithmetic) that CRuby's rationalize picks: the
 * continued fraction walk of its nurat_rationalize_internal */
Value mg_rational_walk(Value a, Value b);

/* float.c */
double mg_flo_mod(double x, double y);              /* floor modulo, y != 0 */
Value mg_flo_divmod(double x, double y);            /* [floor quotient as Integer, modulo] */
Value mg_flo_pow(double x, Value y);
/* a ** b for a negative real a and non-integral Float b: a Complex (NaN without complex.c) */
Value mg_complex_pow_real(Value a, Value b);
/* complex.c: c + i and c * i for a Complex c and an Integer i, what Fixnum#+
 * and Fixnum#* answer for a Complex operand (no coercion, as in CRuby) */
Value mg_complex_plus_int(Value c, Value i);
Value mg_complex_mul_int(Value c, Value i);

/* numeric.c: the coercion protocol variants */
NORETURN void mg_num_coerce_failed(Value y, RClass *target);  /* TypeError "String can't be coerced into Integer" */
Value mg_num_coerce_cmp(Value x, Value y, ID op);   /* <=>: nil when y cannot coerce */
Value mg_num_coerce_relop(Value x, Value y, ID op); /* < <= > >=: ArgumentError "comparison of X with Y failed" */
Value mg_num_coerce_bit(Value x, Value y, ID op);   /* & | ^: coerced operands must be Integers */
Value mg_num_equal_generic(Value x, Value y);       /* x == y for a non-number y: y == x */
Value mg_num_div_generic(Value x, Value y);         /* (x / y).floor, ZeroDivisionError for 0 */
Value mg_num_remainder_generic(Value x, Value y);
Value mg_num_fdiv_generic(Value x, Value y);
double mg_num_to_float_conv(Value v);               /* Kernel#Float conversion (strings parsed strictly) */
bool  mg_num_exception_kwarg(Value kwhash);         /* exception: true/false */
enum { MG_ROUND_HALF_UP, MG_ROUND_HALF_EVEN, MG_ROUND_HALF_DOWN };
/* [ndigits] [, half: mode] of round/floor/ceil/truncate (half only when `half`). */
void  mg_num_round_args(int argc, const Value *argv, bool half, int64_t *ndigits, int *mode);
double mg_float_step_size(double beg, double end, double unit, bool excl);
void  mg_float_step(double beg, double end, double unit, bool excl, Value blk);

/* Init functions of the number files core.def does not list: run from
 * mg_init_math, idempotent (safe if core.def later lists them too). */
void mg_init_rational(void);
void mg_init_complex(void);
void mg_init_random(void);

/* Internal helpers shared by integer.c / float.c / rational.c. */
uint64_t mg_hash_mix(uint64_t h);
/* -1, 0, 1 comparing integer i with double d exactly; 2 if d is NaN. */
int   mg_int_cmp_dbl(Value i, double d);
/* Exact double -> Integer for integral values (no NaN/Infinity check). */
Value mg_dbl_to_int_exact(double d);

#endif
