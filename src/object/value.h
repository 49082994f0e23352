/* value.h -- the 64-bit tagged Value (DESIGN.md section 3).
 *
 *   ...xxxx1   fixnum, 63-bit signed (value << 1 | 1)
 *   ...xxx10   flonum: an immediate double (see mg_flonum_encode)
 *   ...xx000   pointer to a heap object header (8-aligned, never 0)
 *   0x00       nil      (so zeroed memory reads as nil)
 *   0x04       false    (falsy test: (v & ~4) == 0)
 *   0x14       true
 *   0x24       undef    (internal "no value": missing ivar, absent hash key, no argument)
 *   id<<8|0x0c symbol
 *   oop<<8|type<<4|0x0c (type 1..15): a lazy reference, found only among the
 *              elements of a lazily faulted Array (object.h, OF_ARY_LAZY)
 */
#ifndef MG_VALUE_H
#define MG_VALUE_H

#include "../common.h"

typedef uint64_t Value;

#define MG_NIL    ((Value)0x00)
#define MG_FALSE  ((Value)0x04)
#define MG_TRUE   ((Value)0x14)
#define MG_UNDEF  ((Value)0x24)

#define MG_TEST(v)       (((v) & ~(Value)4) != 0)      /* Ruby truthiness */
#define MG_BOOL(c)       ((c) ? MG_TRUE : MG_FALSE)
#define MG_IS_NIL(v)     ((v) == MG_NIL)

#define MG_IS_FIXNUM(v)  (((v) & 1) != 0)
#define MG_FIX(n)        ((Value)(((uint64_t)(int64_t)(n) << 1) | 1))
#define MG_FIX2LONG(v)   ((int64_t)(v) >> 1)
#define MG_FIXNUM_MAX    (INT64_MAX >> 1)
#define MG_FIXNUM_MIN    (INT64_MIN >> 1)
#define MG_FIXABLE(n)    ((n) >= MG_FIXNUM_MIN && (n) <= MG_FIXNUM_MAX)

#define MG_IS_FLONUM(v)  (((v) & 3) == 2)
#define MG_IS_SYMBOL(v)  (((v) & 0xff) == 0x0c)
#define MG_SYM(id)       (((Value)(id) << 8) | 0x0c)
#define MG_SYM2ID(v)     ((ID)((v) >> 8))
#define MG_IS_PTR(v)     (((v) & 7) == 0 && (v) != 0)
#define MG_IS_IMMEDIATE(v) (!MG_IS_PTR(v))

/* Flonums hold doubles whose exponent lies in about 2^-255 .. 2^256 (top three
 * exponent bits 011 or 100), plus +0.0. The top exponent bits move to the low
 * end by rotation; two of them are implied by the third, so they are replaced
 * by the tag 10. Other doubles (NaN, infinities, -0.0, tiny, huge) live on the heap. */
#define MG_FLONUM_ZERO   ((Value)0x8000000000000002ULL)

static inline uint64_t mg_rotl64(uint64_t x, int n) { return (x << n) | (x >> (64 - n)); }
static inline uint64_t mg_rotr64(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

/* Returns the flonum for d, or MG_UNDEF when d needs a heap Float. */
static inline Value
mg_flonum_encode(double d)
{
    uint64_t b;
    memcpy(&b, &d, sizeof b);
    unsigned top = (unsigned)(b >> 60) & 7;     /* exponent bits 62..60 */
    if (top == 3 || top == 4) {
        Value v = (mg_rotl64(b, 3) & ~(uint64_t)3) | 2;
        if (v != MG_FLONUM_ZERO) return v;
        return MG_UNDEF;                        /* 2^-255 collides with the zero code */
    }
    if (b == 0) return MG_FLONUM_ZERO;
    return MG_UNDEF;
}

static inline double
mg_flonum_decode(Value v)
{
    if (v == MG_FLONUM_ZERO) return 0.0;
    uint64_t b60 = v >> 63;                     /* bit 60 of the double is bit 63 here */
    uint64_t low = b60 ? 1 : 2;                 /* b61 = b60, b62 = !b60 */
    uint64_t b = mg_rotr64((v & ~(uint64_t)3) | low, 3);
    double d;
    memcpy(&d, &b, sizeof d);
    return d;
}

#endif
