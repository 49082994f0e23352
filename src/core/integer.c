/* integer.c -- Integer: one class over immediate fixnums and GMP bignums
 * (bignum.c). Fixnum fast paths first; overflow promotes to a bignum and every
 * bignum result is normalized back to a fixnum when it fits. Also Kernel#Integer. */
#include "bignum.h"

#include <math.h>
#include <strings.h>

#define NOARGS UNUSED(argc); UNUSED(argv); UNUSED(blk)

static inline double
int2dbl(Value v)
{
    return MG_IS_FIXNUM(v) ? (double)MG_FIX2LONG(v) : mg_big_to_double(v);
}

static inline int
int_sign(Value v)
{
    if (MG_IS_FIXNUM(v)) { int64_t n = MG_FIX2LONG(v); return n < 0 ? -1 : n > 0; }
    return mpz_sgn(mg_big_z(v));
}

static inline bool
is_rational(Value v) { return MG_IS_PTR(v) && mg_class_of(v) == mg_cRational; }

typedef void (*MpzBin)(mpz_ptr, mpz_srcptr, mpz_srcptr);

static Value
big_bin(Value a, Value b, MpzBin op)
{
    MgIntView ta, tb;
    mpz_t r;
    mpz_init(r);
    op(r, mg_int_view(a, &ta), mg_int_view(b, &tb));
    return mg_big_take(r);
}

static void
zerodiv(void)
{
    mg_raise(mg_eZeroDivisionError, "divided by 0");
}

/* ---- arithmetic (exported for the VM's fast paths: a is an Integer, b anything) ---- */

Value
mg_int_plus(Value a, Value b)
{
    if (LIKELY(MG_IS_FIXNUM(a) && MG_IS_FIXNUM(b))) {
        int64_t r;
        if (LIKELY(!__builtin_add_overflow((int64_t)a, (int64_t)b - 1, &r))) return (Value)r;
        return mg_int_new(MG_FIX2LONG(a) + MG_FIX2LONG(b));
    }
    if (MG_IS_INTEGER(b)) return big_bin(a, b, mpz_add);
    if (MG_IS_FLOAT(b)) return mg_float_new(int2dbl(a) + mg_float_value(b));
    if (MG_IS_FIXNUM(a) && mg_class_of(b) == mg_cComplex) return mg_complex_plus_int(b, a);
    return mg_num_coerce_bin(a, b, mg_id_plus);
}

Value
mg_int_minus(Value a, Value b)
{
    if (LIKELY(MG_IS_FIXNUM(a) && MG_IS_FIXNUM(b))) {
        int64_t r;
        if (LIKELY(!__builtin_sub_overflow((int64_t)a, (int64_t)b - 1, &r))) return (Value)r;
        return mg_int_new(MG_FIX2LONG(a) - MG_FIX2LONG(b));
    }
    if (MG_IS_INTEGER(b)) return big_bin(a, b, mpz_sub);
    if (MG_IS_FLOAT(b)) return mg_float_new(int2dbl(a) - mg_float_value(b));
    return mg_num_coerce_bin(a, b, mg_id_minus);
}

Value
mg_int_mul(Value a, Value b)
{
    if (LIKELY(MG_IS_FIXNUM(a) && MG_IS_FIXNUM(b))) {
        int64_t r;
        if (LIKELY(!__builtin_mul_overflow(MG_FIX2LONG(a), MG_FIX2LONG(b), &r)) && MG_FIXABLE(r))
            return MG_FIX(r);
        MgIntView ta, tb;
        mpz_t z;
        mpz_init(z);
        mpz_mul(z, mg_int_view(a, &ta), mg_int_view(b, &tb));
        return mg_big_take(z);
    }
    if (MG_IS_INTEGER(b)) {
        MgIntView ta, tb;
        mpz_srcptr x = mg_int_view(a, &ta), y = mg_int_view(b, &tb);
        mg_big_check_bits((double)mpz_sizeinbase(x, 2) + (double)mpz_sizeinbase(y, 2));
        mpz_t z;
        mpz_init(z);
        mpz_mul(z, x, y);
        return mg_big_take(z);
    }
    if (MG_IS_FLOAT(b)) return mg_float_new(int2dbl(a) * mg_float_value(b));
    if (MG_IS_FIXNUM(a) && mg_class_of(b) == mg_cComplex) return mg_complex_mul_int(b, a);
    return mg_num_coerce_bin(a, b, mg_id_mul);
}

/* Floor division and modulo of two Integers. */
static Value
int_idiv(Value a, Value b)
{
    if (MG_IS_FIXNUM(a) && MG_IS_FIXNUM(b)) {
        int64_t x = MG_FIX2LONG(a), y = MG_FIX2LONG(b);
        if (y == 0) zerodiv();
        int64_t q = x / y;      /* x = MIN, y = -1 gives 2^62: no C overflow with 63-bit values */
        if ((x % y != 0) && ((x < 0) != (y < 0))) q--;
        return mg_int_new(q);
    }
    if (int_sign(b) == 0) zerodiv();
    return big_bin(a, b, mpz_fdiv_q);
}

static Value
int_imod(Value a, Value b)
{
    if (MG_IS_FIXNUM(a) && MG_IS_FIXNUM(b)) {
        int64_t x = MG_FIX2LONG(a), y = MG_FIX2LONG(b);
        if (y == 0) zerodiv();
        int64_t r = x % y;
        if (r != 0 && ((r < 0) != (y < 0))) r += y;
        return MG_FIX(r);
    }
    if (int_sign(b) == 0) zerodiv();
    return big_bin(a, b, mpz_fdiv_r);
}

Value
mg_int_div(Value a, Value b)
{
    if (MG_IS_INTEGER(b)) return int_idiv(a, b);
    if (MG_IS_FLOAT(b)) return mg_float_new(int2dbl(a) / mg_float_value(b));
    return mg_num_coerce_bin(a, b, mg_id_div);
}

Value
mg_int_mod(Value a, Value b)
{
    if (MG_IS_INTEGER(b)) return int_imod(a, b);
    if (MG_IS_FLOAT(b)) {
        double y = mg_float_value(b);
        if (y == 0.0) zerodiv();
        return mg_float_new(mg_flo_mod(int2dbl(a), y));
    }
    return mg_num_coerce_bin(a, b, mg_id_mod);
}

int
mg_int_cmp(Value a, Value b)
{
    if (MG_IS_FIXNUM(a) && MG_IS_FIXNUM(b)) {
        int64_t x = (int64_t)a, y = (int64_t)b;
        return x < y ? -1 : x > y;
    }
    MgIntView ta, tb;
    int c = mpz_cmp(mg_int_view(a, &ta), mg_int_view(b, &tb));
    return c < 0 ? -1 : c > 0;
}

bool
mg_int_equal(Value a, Value b)
{
    if (MG_IS_FIXNUM(a) || MG_IS_FIXNUM(b)) return a == b;   /* normalized: a bignum never equals a fixnum */
    return mpz_cmp(mg_big_z(a), mg_big_z(b)) == 0;
}

static Value
int_plus(Value self, int argc, const Value *argv, Value blk) { UNUSED(argc); UNUSED(blk); return mg_int_plus(self, argv[0]); }
static Value
int_minus(Value self, int argc, const Value *argv, Value blk) { UNUSED(argc); UNUSED(blk); return mg_int_minus(self, argv[0]); }
static Value
int_mul(Value self, int argc, const Value *argv, Value blk) { UNUSED(argc); UNUSED(blk); return mg_int_mul(self, argv[0]); }
static Value
int_div(Value self, int argc, const Value *argv, Value blk) { UNUSED(argc); UNUSED(blk); return mg_int_div(self, argv[0]); }
static Value
int_mod(Value self, int argc, const Value *argv, Value blk) { UNUSED(argc); UNUSED(blk); return mg_int_mod(self, argv[0]); }

static Value
int_idiv_m(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value b = argv[0];
    if (MG_IS_INTEGER(b)) return int_idiv(self, b);
    if (MG_IS_FLOAT(b)) {
        double y = mg_float_value(b);
        if (y == 0.0) zerodiv();
        return mg_dbl_to_int(floor(int2dbl(self) / y));
    }
    return mg_num_coerce_bin(self, b, mg_intern_cstr("div"));   /* CRuby's fix_divide: 2.div(Complex(1, 0)) asks Complex#div */
}

static Value
int_remainder(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value b = argv[0];
    if (MG_IS_FIXNUM(self) && MG_IS_FIXNUM(b)) {
        int64_t y = MG_FIX2LONG(b);
        if (y == 0) zerodiv();
        return MG_FIX(MG_FIX2LONG(self) % y);
    }
    if (MG_IS_INTEGER(b)) {
        if (int_sign(b) == 0) zerodiv();
        return big_bin(self, b, mpz_tdiv_r);
    }
    if (MG_IS_FLOAT(b)) {
        double y = mg_float_value(b);
        if (y == 0.0) zerodiv();
        return mg_float_new(fmod(int2dbl(self), y));
    }
    return mg_num_remainder_generic(self, b);
}

static Value
int_divmod(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value b = argv[0];
    if (MG_IS_INTEGER(b)) {
        Value q = int_idiv(self, b);
        Value r = int_imod(self, b);
        return mg_ary_new_from(2, (Value[]){q, r});
    }
    if (MG_IS_FLOAT(b)) return mg_flo_divmod(int2dbl(self), mg_float_value(b));
    return mg_num_coerce_bin(self, b, mg_intern_cstr("divmod"));
}

/* Integer / Integer as a correctly rounded double. */
static double
int_fdiv_dbl(Value a, Value b)
{
    MgIntView ta, tb;
    mpz_srcptr x = mg_int_view(a, &ta), y = mg_int_view(b, &tb);
    if (mpz_sgn(y) == 0 || mpz_sgn(x) == 0 || (MG_IS_FIXNUM(a) && MG_IS_FIXNUM(b) &&
        mpz_sizeinbase(x, 2) <= 53 && mpz_sizeinbase(y, 2) <= 53))
        return int2dbl(a) / int2dbl(b);
    return mg_int_fdiv_ruby(x, y);
}

static Value
int_fdiv(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value b = argv[0];
    if (MG_IS_INTEGER(b)) return mg_float_new(int_fdiv_dbl(self, b));
    if (MG_IS_FLOAT(b)) return mg_float_new(int2dbl(self) / mg_float_value(b));
    /* as CRuby: the coerced operands' fdiv, made a Float (0.fdiv(-2r/7) is
     * (0r / (-2r/7)).to_f, 0.0; a Complex quotient is a RangeError) */
    return mg_float_new(mg_num2dbl(mg_num_coerce_bin(self, b, mg_intern_cstr("fdiv"))));
}

/* ---- ** and pow ---- */

/* Results estimated above this many bits become a Float, with CRuby's warning "in a**b, b may be too big". */
#define POW_BITS_LIMIT (32.0 * 1024 * 1024)

static Value
int_pow_int(Value a, Value b)
{
    if (int_sign(b) < 0) {
        if (a == MG_FIX(1)) return a;
        if (a == MG_FIX(-1)) return mg_int_even_p(b) ? MG_FIX(1) : a;
        if (a == MG_FIX(0)) zerodiv();
        Value nb = mg_int_minus(MG_FIX(0), b);
        Value d = int_pow_int(a, nb);
        if (MG_IS_FLOAT(d)) return mg_float_new(1.0 / mg_float_value(d));
        return mg_rational_new(MG_FIX(1), d);
    }
    if (MG_IS_FIXNUM(a) && MG_IS_FIXNUM(b)) {
        int64_t x = MG_FIX2LONG(a), y = MG_FIX2LONG(b), r = 1;
        /* square-and-multiply while it stays in 63 bits */
        int64_t base = x, e = y;
        bool ovf = false;
        while (e > 0) {
            if (e & 1) { if (__builtin_mul_overflow(r, base, &r) || !MG_FIXABLE(r)) { ovf = true; break; } }
            e >>= 1;
            if (e && (__builtin_mul_overflow(base, base, &base) || !MG_FIXABLE(base))) { ovf = true; break; }
        }
        if (!ovf) return MG_FIX(r);
    }
    MgIntView ta;
    mpz_srcptr x = mg_int_view(a, &ta);
    if (mpz_cmpabs_ui(x, 1) <= 0) {    /* 0, 1, -1 */
        if (mpz_sgn(x) >= 0) return int_sign(b) == 0 ? MG_FIX(1) : a;
        return mg_int_even_p(b) ? MG_FIX(1) : MG_FIX(-1);
    }
    double est = (double)mpz_sizeinbase(x, 2) * int2dbl(b);
    if (!MG_IS_FIXNUM(b) || est > POW_BITS_LIMIT) {
        /* CRuby loses the sign of a fixnum base here: (-2)**(2**25+1) is Infinity */
        mg_warn_caller(NULL, "in a**b, b may be too big");
        double xd = int2dbl(a);
        return mg_float_new(pow(MG_IS_FIXNUM(a) ? fabs(xd) : xd, int2dbl(b)));
    }
    mpz_t z;
    mpz_init(z);
    mpz_pow_ui(z, x, (unsigned long)MG_FIX2LONG(b));
    return mg_big_take(z);
}

Value
mg_int_pow(Value a, Value b)
{
    if (MG_IS_INTEGER(b)) return int_pow_int(a, b);
    if (MG_IS_FLOAT(b)) {
        double x = int2dbl(a), y = mg_float_value(b);
        if (x < 0 && y != round(y)) return mg_complex_pow_real(a, b);
        return mg_float_new(pow(x, y));
    }
    return mg_num_coerce_bin(a, b, mg_id_pow);
}

static Value
int_pow(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return mg_int_pow(self, argv[0]);
}

static Value
int_pow_m(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    if (argc == 1) return mg_int_pow(self, argv[0]);
    Value e = argv[0], m = argv[1];
    if (!MG_IS_INTEGER(e)) mg_raise(mg_eTypeError, "Integer#pow() 2nd argument not allowed unless a 1st argument is integer");
    if (int_sign(e) < 0) mg_raise(mg_eRangeError, "Integer#pow() 1st argument cannot be negative when 2nd argument specified");
    if (!MG_IS_INTEGER(m)) mg_raise(mg_eTypeError, "Integer#pow() 2nd argument not allowed unless all arguments are integers");
    if (int_sign(m) == 0) zerodiv();
    MgIntView tx, te, tm;
    mpz_srcptr mz = mg_int_view(m, &tm);
    mpz_t r;
    mpz_init(r);
    mpz_powm(r, mg_int_view(self, &tx), mg_int_view(e, &te), mz);
    if (mpz_sgn(mz) < 0 && mpz_sgn(r) != 0) mpz_add(r, r, mz);   /* result takes the modulus' sign */
    return mg_big_take(r);
}

/* ---- comparison ---- */

static Value
int_cmp_m(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value b = argv[0];
    if (MG_IS_INTEGER(b)) return MG_FIX(mg_int_cmp(self, b));
    if (MG_IS_FLOAT(b)) {
        int c = mg_int_cmp_dbl(self, mg_float_value(b));
        return c == 2 ? MG_NIL : MG_FIX(c);
    }
    return mg_num_coerce_cmp(self, b, mg_id_cmp);
}

static Value
int_eq(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value b = argv[0];
    if (MG_IS_INTEGER(b)) return MG_BOOL(mg_int_equal(self, b));
    if (MG_IS_FLOAT(b)) return MG_BOOL(mg_int_cmp_dbl(self, mg_float_value(b)) == 0);
    return mg_num_equal_generic(self, b);
}

#define INT_RELOP(name, op, id)                                                   \
    static Value                                                                  \
    name(Value self, int argc, const Value *argv, Value blk)                      \
    {                                                                             \
        UNUSED(argc); UNUSED(blk);                                                \
        Value b = argv[0];                                                        \
        if (MG_IS_FIXNUM(self) && MG_IS_FIXNUM(b)) return MG_BOOL((int64_t)self op (int64_t)b); \
        if (MG_IS_INTEGER(b)) return MG_BOOL(mg_int_cmp(self, b) op 0);           \
        if (MG_IS_FLOAT(b)) {                                                     \
            int c = mg_int_cmp_dbl(self, mg_float_value(b));                      \
            return MG_BOOL(c != 2 && c op 0);                                     \
        }                                                                         \
        return mg_num_coerce_relop(self, b, id);                                  \
    }
INT_RELOP(int_lt, <, mg_id_lt)
INT_RELOP(int_le, <=, mg_id_le)
INT_RELOP(int_gt, >, mg_id_gt)
INT_RELOP(int_ge, >=, mg_id_ge)

static Value
int_eql(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return MG_BOOL(MG_IS_INTEGER(argv[0]) && mg_int_equal(self, argv[0]));
}

static Value
int_hash_m(Value self, int argc, const Value *argv, Value blk)
{
    NOARGS;
    return MG_FIX((int64_t)(mg_int_hash(self) >> 2));
}

/* ---- unary, predicates ---- */

static Value
int_uminus(Value self, int argc, const Value *argv, Value blk)
{
    NOARGS;
    if (MG_IS_FIXNUM(self)) return mg_int_new(-MG_FIX2LONG(self));
    mpz_t z;
    mpz_init(z);
    mpz_neg(z, mg_big_z(self));
    return mg_big_take(z);
}

static Value
int_abs(Value self, int argc, const Value *argv, Value blk)
{
    NOARGS;
    if (MG_IS_FIXNUM(self)) {
        int64_t n = MG_FIX2LONG(self);
        return n < 0 ? mg_int_new(-n) : self;
    }
    if (mpz_sgn(mg_big_z(self)) > 0) return self;
    mpz_t z;
    mpz_init(z);
    mpz_neg(z, mg_big_z(self));
    return mg_big_take(z);
}

bool
mg_int_even_p(Value v)
{
    if (MG_IS_FIXNUM(v)) return (MG_FIX2LONG(v) & 1) == 0;
    return mpz_even_p(mg_big_z(v));
}

static Value
int_even_p(Value self, int argc, const Value *argv, Value blk) { NOARGS; return MG_BOOL(mg_int_even_p(self)); }
static Value
int_odd_p(Value self, int argc, const Value *argv, Value blk) { NOARGS; return MG_BOOL(!mg_int_even_p(self)); }
static Value
int_zero_p(Value self, int argc, const Value *argv, Value blk) { NOARGS; return MG_BOOL(self == MG_FIX(0)); }
static Value
int_positive_p(Value self, int argc, const Value *argv, Value blk) { NOARGS; return MG_BOOL(int_sign(self) > 0); }
static Value
int_negative_p(Value self, int argc, const Value *argv, Value blk) { NOARGS; return MG_BOOL(int_sign(self) < 0); }
static Value
int_true(Value self, int argc, const Value *argv, Value blk) { UNUSED(self); NOARGS; return MG_TRUE; }
static Value
int_self(Value self, int argc, const Value *argv, Value blk) { NOARGS; return self; }
static Value
int_one(Value self, int argc, const Value *argv, Value blk) { UNUSED(self); NOARGS; return MG_FIX(1); }

static Value
int_succ(Value self, int argc, const Value *argv, Value blk) { NOARGS; return mg_int_plus(self, MG_FIX(1)); }
static Value
int_pred(Value self, int argc, const Value *argv, Value blk) { NOARGS; return mg_int_minus(self, MG_FIX(1)); }

/* ---- bits ---- */

/* Non-Integer operand of a bit operation: Floats are refused, other objects coerce. */
static Value
bit_coerce(Value self, Value b, ID op)
{
    if (MG_IS_FLOAT(b)) mg_num_coerce_failed(b, mg_cInteger);
    return mg_num_coerce_bit(self, b, op);
}

static Value
int_and(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value b = argv[0];
    if (MG_IS_FIXNUM(self) && MG_IS_FIXNUM(b)) return self & b;
    if (MG_IS_INTEGER(b)) return big_bin(self, b, mpz_and);
    return bit_coerce(self, b, mg_intern_cstr("&"));
}

static Value
int_or(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value b = argv[0];
    if (MG_IS_FIXNUM(self) && MG_IS_FIXNUM(b)) return self | b;
    if (MG_IS_INTEGER(b)) return big_bin(self, b, mpz_ior);
    return bit_coerce(self, b, mg_intern_cstr("|"));
}

static Value
int_xor(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value b = argv[0];
    if (MG_IS_FIXNUM(self) && MG_IS_FIXNUM(b)) return (self ^ b) | 1;
    if (MG_IS_INTEGER(b)) return big_bin(self, b, mpz_xor);
    return bit_coerce(self, b, mg_intern_cstr("^"));
}

static Value
int_neg(Value self, int argc, const Value *argv, Value blk)
{
    NOARGS;
    if (MG_IS_FIXNUM(self)) return ~self | 1;
    mpz_t z;
    mpz_init(z);
    mpz_com(z, mg_big_z(self));
    return mg_big_take(z);
}

/* x << n for a C shift count (negative = right shift). */
static Value
int_shift(Value x, int64_t n)
{
    if (n == 0 || x == MG_FIX(0)) return x;
    if (n > 0) {
        if (MG_IS_FIXNUM(x) && n < 62) {
            int64_t v = MG_FIX2LONG(x);
            int64_t lim = MG_FIXNUM_MAX >> n;
            if (v <= lim && v >= -lim) return MG_FIX(v * ((int64_t)1 << n));
        }
        MgIntView t;
        mpz_srcptr z = mg_int_view(x, &t);
        mg_big_check_bits((double)mpz_sizeinbase(z, 2) + (double)n);
        mpz_t r;
        mpz_init(r);
        mpz_mul_2exp(r, z, (mp_bitcnt_t)n);
        return mg_big_take(r);
    }
    uint64_t m = -(uint64_t)n;
    if (MG_IS_FIXNUM(x)) {
        int64_t v = MG_FIX2LONG(x);
        if (m >= 63) return MG_FIX(v < 0 ? -1 : 0);
        return MG_FIX(v >> m);     /* arithmetic shift: floor */
    }
    mpz_srcptr z = mg_big_z(x);
    if (m >= mpz_sizeinbase(z, 2)) return MG_FIX(mpz_sgn(z) < 0 ? -1 : 0);
    mpz_t r;
    mpz_init(r);
    mpz_fdiv_q_2exp(r, z, (mp_bitcnt_t)m);
    return mg_big_take(r);
}

/* Shift by an Integer count that may be a bignum. */
static Value
int_shift_v(Value x, Value n, bool left)
{
    n = mg_to_int(n);
    if (MG_IS_FIXNUM(n)) {
        int64_t c = MG_FIX2LONG(n);
        return int_shift(x, left ? c : -c);
    }
    bool up = (mpz_sgn(mg_big_z(n)) > 0) == left;
    if (x == MG_FIX(0)) return x;
    if (up) mg_raise(mg_eRangeError, "shift width too big");
    return MG_FIX(int_sign(x) < 0 ? -1 : 0);
}

static Value
int_lshift(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    if (MG_IS_FIXNUM(argv[0])) return int_shift(self, MG_FIX2LONG(argv[0]));
    return int_shift_v(self, argv[0], true);
}

static Value
int_rshift(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    if (MG_IS_FIXNUM(argv[0])) return int_shift(self, -MG_FIX2LONG(argv[0]));
    return int_shift_v(self, argv[0], false);
}

/* Bit i of x (two's complement). */
static int
int_bit(Value x, Value i)
{
    if (!MG_IS_FIXNUM(i)) {     /* bignum index: beyond every bit */
        if (int_sign(i) < 0) return 0;
        return int_sign(x) < 0;
    }
    int64_t n = MG_FIX2LONG(i);
    if (n < 0) return 0;
    if (MG_IS_FIXNUM(x)) {
        int64_t v = MG_FIX2LONG(x);
        if (n >= 63) return v < 0;
        return (int)((v >> n) & 1);
    }
    return mpz_tstbit(mg_big_z(x), (mp_bitcnt_t)n);
}

/* (x >> beg) & ((1 << len) - 1) */
static Value
int_bits(Value x, Value beg, Value len)
{
    Value shifted = int_shift_v(x, beg, false);
    if (int_sign(len) < 0) return shifted;      /* CRuby: a negative length gives x >> beg, */
    if (int_sign(len) == 0) return MG_FIX(0);   /* no bits none */
    if (!MG_IS_FIXNUM(len)) mg_raise(mg_eNoMemoryError, "failed to allocate memory");
    int64_t l = MG_FIX2LONG(len);
    Value mask = mg_int_minus(int_shift(MG_FIX(1), l), MG_FIX(1));
    if (MG_IS_FIXNUM(shifted) && MG_IS_FIXNUM(mask)) return shifted & mask;
    return big_bin(shifted, mask, mpz_and);
}

static Value
int_aref(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    if (argc == 2) {
        Value b = mg_to_int(argv[0]), l = mg_to_int(argv[1]);
        return int_bits(self, b, l);
    }
    Value i = argv[0];
    if (MG_IS_TYPE(i, T_RANGE)) {
        MG_FAULT(i);
        Value b = MG_RRANGE(i)->beg, e = MG_RRANGE(i)->end;
        bool excl = (MG_OBJ(i)->flags & OF_EXCL) != 0;
        if (b == MG_NIL) {
            /* beginless, as CRuby: 0 when the bits up to `end` are all 0
             * (or end < 0), else the infinitely many bits below are refused */
            if (e == MG_NIL) mg_raise(mg_eArgumentError, "comparison of NilClass with 0 failed");
            e = mg_to_int(e);
            if (int_sign(e) < 0) return MG_FIX(0);
            if (!excl) e = mg_int_plus(e, MG_FIX(1));
            Value mask = mg_int_minus(int_shift_v(MG_FIX(1), e, true), MG_FIX(1));
            Value masked = MG_IS_FIXNUM(self) && MG_IS_FIXNUM(mask) ? (self & mask) : big_bin(self, mask, mpz_and);
            if (masked == MG_FIX(0)) return MG_FIX(0);
            mg_raise(mg_eArgumentError, "The beginless range for Integer#[] results in infinity");
        }
        b = mg_to_int(b);
        if (e == MG_NIL) return int_shift_v(self, b, false);
        e = mg_to_int(e);
        Value len = mg_int_minus(e, b);
        if (!excl) len = mg_int_plus(len, MG_FIX(1));
        return int_bits(self, b, len);
    }
    i = mg_to_int(i);
    return MG_FIX(int_bit(self, i));
}

static Value
int_bit_length(Value self, int argc, const Value *argv, Value blk)
{
    NOARGS;
    if (MG_IS_FIXNUM(self)) {
        int64_t v = MG_FIX2LONG(self);
        if (v < 0) v = ~v;
        return MG_FIX(v == 0 ? 0 : 64 - __builtin_clzll((uint64_t)v));
    }
    mpz_srcptr z = mg_big_z(self);
    if (mpz_sgn(z) > 0) return MG_FIX((int64_t)mpz_sizeinbase(z, 2));
    mpz_t t;
    mpz_init(t);
    mpz_com(t, z);
    int64_t n = mpz_sgn(t) == 0 ? 0 : (int64_t)mpz_sizeinbase(t, 2);
    mpz_clear(t);
    return MG_FIX(n);
}

static Value
int_size(Value self, int argc, const Value *argv, Value blk)
{
    NOARGS;
    if (MG_IS_FIXNUM(self)) return MG_FIX(8);
    return MG_FIX((int64_t)((mpz_sizeinbase(mg_big_z(self), 2) + 7) / 8));
}

static Value
int_allbits_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value m = mg_to_int(argv[0]);
    Value r = MG_IS_FIXNUM(self) && MG_IS_FIXNUM(m) ? (self & m) : big_bin(self, m, mpz_and);
    return MG_BOOL(mg_int_equal(r, m));
}

static Value
int_anybits_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value m = mg_to_int(argv[0]);
    Value r = MG_IS_FIXNUM(self) && MG_IS_FIXNUM(m) ? (self & m) : big_bin(self, m, mpz_and);
    return MG_BOOL(r != MG_FIX(0));
}

static Value
int_nobits_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value m = mg_to_int(argv[0]);
    Value r = MG_IS_FIXNUM(self) && MG_IS_FIXNUM(m) ? (self & m) : big_bin(self, m, mpz_and);
    return MG_BOOL(r == MG_FIX(0));
}

/* ---- conversion ---- */

static Value
int_to_s(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    int base = 10;
    if (argc > 0) {
        int64_t b = mg_num2long(argv[0]);
        if (b < 2 || b > 36) mg_raise(mg_eArgumentError, "invalid radix %lld", (long long)b);
        base = (int)b;
    }
    return mg_int_to_s(self, base);
}

static Value
int_to_f(Value self, int argc, const Value *argv, Value blk) { NOARGS; return mg_float_new(int2dbl(self)); }

static Value
int_to_r(Value self, int argc, const Value *argv, Value blk) { NOARGS; return mg_rational_new(self, MG_FIX(1)); }

static Value
int_rationalize(Value self, int argc, const Value *argv, Value blk) { UNUSED(argc); UNUSED(argv); NOARGS; return mg_rational_new(self, MG_FIX(1)); }

/* Encoding argument of Integer#chr: its name ("UTF-8"), from a String or an Encoding. */
static const char *
enc_arg_name(Value enc)
{
    Value s = MG_IS_STRING(enc) ? enc : MG_NIL;
    if (s == MG_NIL) {
        if (MG_IS_PTR(enc) && mg_obj_is_kind_of(enc, mg_cEncoding)) s = mg_to_s(enc);
        else s = mg_to_str(enc);
    }
    return mg_str_cstr(s);
}

static Value
int_chr(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    if (!MG_IS_FIXNUM(self)) mg_raise(mg_eRangeError, "bignum out of char range");
    int64_t c = MG_FIX2LONG(self);
    if (argc == 0) {
        if (c < 0 || c > 0xff) mg_raise(mg_eRangeError, "%lld out of char range", (long long)c);
        char b = (char)c;
        return mg_str_new_enc(&b, 1, c < 0x80 ? ENC_US_ASCII : ENC_BINARY);
    }
    const char *name = enc_arg_name(argv[0]);
    if (!strcasecmp(name, "UTF-8") || !strcasecmp(name, "CP65001")) {
        if (c < 0 || c > 0x10ffff) {
            if (c < 0 || c > 0xffffffffLL) mg_raise(mg_eRangeError, "%lld out of char range", (long long)c);
            mg_raise(mg_eRangeError, "invalid codepoint 0x%llX in UTF-8", (long long)c);
        }
        if (c >= 0xd800 && c <= 0xdfff) mg_raise(mg_eRangeError, "invalid codepoint 0x%llX in UTF-8", (long long)c);
        char buf[4];
        size_t n;
        if (c < 0x80) { buf[0] = (char)c; n = 1; }
        else if (c < 0x800) { buf[0] = (char)(0xc0 | (c >> 6)); buf[1] = (char)(0x80 | (c & 0x3f)); n = 2; }
        else if (c < 0x10000) {
            buf[0] = (char)(0xe0 | (c >> 12)); buf[1] = (char)(0x80 | ((c >> 6) & 0x3f));
            buf[2] = (char)(0x80 | (c & 0x3f)); n = 3;
        } else {
            buf[0] = (char)(0xf0 | (c >> 18)); buf[1] = (char)(0x80 | ((c >> 12) & 0x3f));
            buf[2] = (char)(0x80 | ((c >> 6) & 0x3f)); buf[3] = (char)(0x80 | (c & 0x3f)); n = 4;
        }
        return mg_str_new_enc(buf, n, ENC_UTF8);
    }
    bool binary = !strcasecmp(name, "ASCII-8BIT") || !strcasecmp(name, "BINARY");
    bool ascii = !strcasecmp(name, "US-ASCII") || !strcasecmp(name, "ASCII") || !strcasecmp(name, "ANSI_X3.4-1968");
    if (!binary && !ascii) return mg_enc_chr(c, argv[0]);   /* the other encodings: encoding.c */
    if (c < 0 || c > 0xffffffffLL) mg_raise(mg_eRangeError, "%lld out of char range", (long long)c);
    if (c > (ascii ? 0x7f : 0xff))
        mg_raise(mg_eRangeError, "invalid codepoint 0x%llX in %s", (long long)c, ascii ? "US-ASCII" : "ASCII-8BIT");
    char b = (char)c;
    return mg_str_new_enc(&b, 1, ascii ? ENC_US_ASCII : ENC_BINARY);
}

static Value
int_coerce(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value o = argv[0];
    if (MG_IS_INTEGER(o)) return mg_ary_new_from(2, (Value[]){o, self});
    Value a = mg_float_new(mg_num_to_float_conv(o));
    Value b = mg_float_new(int2dbl(self));
    return mg_ary_new_from(2, (Value[]){a, b});
}

/* ---- rounding with negative digits ---- */

/* CRuby's shortcut: rounding to 10**k with k large enough against the byte
 * size of x gives 0 without computing anything. */
static bool
round_to_zero_p(Value x, int64_t k)
{
    double bytes = MG_IS_FIXNUM(x) ? 8.0 : (double)((mpz_sizeinbase(mg_big_z(x), 2) + 7) / 8);
    return 0.415241 * (double)k - 0.125 > bytes;
}

typedef enum { RK_FLOOR, RK_CEIL, RK_TRUNC, RK_ROUND } RoundKind;

/* x rounded to a multiple of 10**k (k > 0). */
static Value
int_round_pow10(Value x, int64_t k, RoundKind kind, int mode)
{
    if (round_to_zero_p(x, k)) return MG_FIX(0);
    MgIntView tx;
    mpz_srcptr z = mg_int_view(x, &tx);
    mpz_t p, q, r;
    mpz_inits(p, q, r, NULL);
    mpz_ui_pow_ui(p, 10, (unsigned long)k);
    switch (kind) {
    case RK_FLOOR: mpz_fdiv_q(q, z, p); break;
    case RK_CEIL:  mpz_cdiv_q(q, z, p); break;
    case RK_TRUNC: mpz_tdiv_q(q, z, p); break;
    case RK_ROUND: {
        /* work on |x|: half-up means away from zero */
        mpz_tdiv_qr(q, r, z, p);
        mpz_abs(r, r);
        mpz_mul_2exp(r, r, 1);
        int c = mpz_cmp(r, p);
        bool away = c > 0 || (c == 0 && (mode == MG_ROUND_HALF_UP || (mode == MG_ROUND_HALF_EVEN && mpz_odd_p(q))));
        if (away) {
            if (mpz_sgn(z) < 0) mpz_sub_ui(q, q, 1);
            else mpz_add_ui(q, q, 1);
        }
        break;
    }
    }
    mpz_mul(q, q, p);
    mpz_clears(p, r, NULL);
    return mg_big_take(q);
}

static Value
int_rounding(Value self, int argc, const Value *argv, RoundKind kind)
{
    int64_t nd = 0;
    int mode = MG_ROUND_HALF_UP;
    if (argc == 0 || (argc == 1 && mg_kw_given())) return self;   /* CRuby ignores half: without digits */
    mg_num_round_args(argc, argv, kind == RK_ROUND, &nd, &mode);
    if (nd >= 0) return self;
    return int_round_pow10(self, -nd, kind, mode);
}

static Value
int_round(Value self, int argc, const Value *argv, Value blk) { UNUSED(blk); return int_rounding(self, argc, argv, RK_ROUND); }
static Value
int_floor(Value self, int argc, const Value *argv, Value blk) { UNUSED(blk); return int_rounding(self, argc, argv, RK_FLOOR); }
static Value
int_ceil(Value self, int argc, const Value *argv, Value blk) { UNUSED(blk); return int_rounding(self, argc, argv, RK_CEIL); }
static Value
int_truncate(Value self, int argc, const Value *argv, Value blk) { UNUSED(blk); return int_rounding(self, argc, argv, RK_TRUNC); }

/* ---- gcd / lcm / digits / sqrt ---- */

static Value
check_int_arg(Value v)
{
    if (!MG_IS_INTEGER(v)) mg_raise(mg_eTypeError, "not an integer");
    return v;
}

static int64_t
gcd64(int64_t a, int64_t b)
{
    uint64_t x = a < 0 ? -(uint64_t)a : (uint64_t)a, y = b < 0 ? -(uint64_t)b : (uint64_t)b;
    while (y) { uint64_t t = x % y; x = y; y = t; }
    return (int64_t)x;      /* at most 2^62: fits */
}

Value
mg_int_gcd(Value a, Value b)
{
    if (MG_IS_FIXNUM(a) && MG_IS_FIXNUM(b)) return mg_int_new(gcd64(MG_FIX2LONG(a), MG_FIX2LONG(b)));
    return big_bin(a, b, mpz_gcd);
}

static Value
int_lcm_v(Value a, Value b)
{
    if (a == MG_FIX(0) || b == MG_FIX(0)) return MG_FIX(0);
    return big_bin(a, b, mpz_lcm);
}

static Value
int_gcd(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return mg_int_gcd(self, check_int_arg(argv[0]));
}

static Value
int_lcm(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return int_lcm_v(self, check_int_arg(argv[0]));
}

static Value
int_gcdlcm(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value b = check_int_arg(argv[0]);
    Value g = mg_int_gcd(self, b);
    Value l = int_lcm_v(self, b);
    return mg_ary_new_from(2, (Value[]){g, l});
}

static Value
int_digits(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    Value base = argc > 0 ? mg_to_int(argv[0]) : MG_FIX(10);
    if (int_sign(self) < 0) mg_raise(mg_eMathDomainError, "out of domain");   /* before the radix, as CRuby */
    if (int_sign(base) < 0) mg_raise(mg_eArgumentError, "negative radix");
    if (MG_IS_FIXNUM(base) && MG_FIX2LONG(base) < 2) mg_raise(mg_eArgumentError, "invalid radix %lld", (long long)MG_FIX2LONG(base));
    Value ary = mg_ary_new();
    if (MG_IS_FIXNUM(self) && MG_IS_FIXNUM(base)) {
        int64_t n = MG_FIX2LONG(self), b = MG_FIX2LONG(base);
        do { mg_ary_push(ary, MG_FIX(n % b)); n /= b; } while (n > 0);
        return ary;
    }
    if (self == MG_FIX(0)) { mg_ary_push(ary, MG_FIX(0)); return ary; }
    if (MG_IS_FIXNUM(base) && MG_FIX2LONG(base) <= 36) {
        /* one base conversion by GMP (subquadratic) instead of a division per digit */
        int b = (int)MG_FIX2LONG(base);
        mpz_srcptr z = mg_big_z(self);
        size_t cap = mpz_sizeinbase(z, b) + 2;
        char *buf = mg_malloc(cap);
        mpz_get_str(buf, b, z);
        size_t len = strlen(buf);
        for (size_t i = len; i-- > 0;) {
            char ch = buf[i];
            int d = ch <= '9' ? ch - '0' : ch - 'a' + 10;
            mg_ary_push(ary, MG_FIX(d));
        }
        mg_free(buf, cap);
        return ary;
    }
    MgIntView tb;
    mpz_srcptr bz = mg_int_view(base, &tb);
    mpz_t n, r;
    mpz_init(n);
    mg_int_to_mpz(self, n);
    mpz_init(r);
    while (mpz_sgn(n) > 0) {
        mpz_tdiv_qr(n, r, n, bz);
        mg_ary_push(ary, mg_big_from_mpz(r));
    }
    mpz_clears(n, r, NULL);
    return ary;
}

static Value
int_s_sqrt(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    Value n = mg_to_int(argv[0]);
    if (int_sign(n) < 0) mg_raise(mg_eMathDomainError, "Numerical argument is out of domain - \"isqrt\"");
    if (MG_IS_FIXNUM(n)) {
        int64_t v = MG_FIX2LONG(n);
        int64_t r = (int64_t)sqrt((double)v);
        while (r * r > v) r--;
        while ((r + 1) * (r + 1) <= v) r++;
        return MG_FIX(r);
    }
    mpz_t r;
    mpz_init(r);
    mpz_sqrt(r, mg_big_z(n));
    return mg_big_take(r);
}

static Value
int_s_try_convert(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    Value v = argv[0];
    if (MG_IS_INTEGER(v)) return v;
    if (!mg_respond_to(v, mg_id_to_int, true)) return MG_NIL;
    Value r = mg_funcall(v, mg_id_to_int, 0, NULL);
    if (r == MG_NIL || MG_IS_INTEGER(r)) return r;
    const char *cn = mg_class_cname(mg_obj_class(v));
    mg_raise(mg_eTypeError, "can't convert %s to Integer (%s#to_int gives %s)", cn, cn, mg_class_cname(mg_obj_class(r)));
}

/* ---- iteration ---- */

static Value
int_times(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "times", argc, argv, blk);
    if (MG_IS_FIXNUM(self)) {
        int64_t n = MG_FIX2LONG(self);
        for (int64_t i = 0; i < n; i++) mg_yield1_discard(blk, MG_FIX(i));
        return self;
    }
    Value keep = mg_ary_new_from(1, (Value[]){ MG_FIX(0) });   /* roots the counter across the restores */
    size_t level = mg_gc_arena_save();
    while (mg_int_cmp(mg_ary_entry(keep, 0), self) < 0) {
        Value i = mg_ary_entry(keep, 0);
        mg_yield1(blk, i);
        mg_ary_ptr(keep)[0] = mg_int_plus(i, MG_FIX(1));
        mg_gc_arena_restore(level);
    }
    return self;
}

static Value
int_upto(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "upto", argc, argv, blk);
    Value to = argv[0];
    if (MG_IS_FIXNUM(self) && MG_IS_FIXNUM(to)) {
        int64_t e = MG_FIX2LONG(to);
        for (int64_t i = MG_FIX2LONG(self); i <= e; i++) mg_yield1_discard(blk, MG_FIX(i));
        return self;
    }
    Value keep = mg_ary_new_from(1, &self);
    size_t level = mg_gc_arena_save();
    while (!MG_TEST(mg_funcall(mg_ary_entry(keep, 0), mg_id_gt, 1, &to))) {
        Value i = mg_ary_entry(keep, 0);
        mg_yield1(blk, i);
        mg_ary_ptr(keep)[0] = mg_int_plus(i, MG_FIX(1));
        mg_gc_arena_restore(level);
    }
    return self;
}

static Value
int_downto(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "downto", argc, argv, blk);
    Value to = argv[0];
    if (MG_IS_FIXNUM(self) && MG_IS_FIXNUM(to)) {
        int64_t e = MG_FIX2LONG(to);
        for (int64_t i = MG_FIX2LONG(self); i >= e; i--) mg_yield1_discard(blk, MG_FIX(i));
        return self;
    }
    Value keep = mg_ary_new_from(1, &self);
    size_t level = mg_gc_arena_save();
    while (!MG_TEST(mg_funcall(mg_ary_entry(keep, 0), mg_id_lt, 1, &to))) {
        Value i = mg_ary_entry(keep, 0);
        mg_yield1(blk, i);
        mg_ary_ptr(keep)[0] = mg_int_minus(i, MG_FIX(1));
        mg_gc_arena_restore(level);
    }
    return self;
}

/* ---- Kernel#Integer ---- */

static Value
invalid_integer(Value str)
{
    mg_raise(mg_eArgumentError, "invalid value for Integer(): %s", mg_str_cstr(mg_str_inspect(str)));
}

/* Integer(x, base) without the exception: keyword; returns MG_UNDEF on a
 * conversion failure that exception: false turns into nil. */
static Value
integer_conv(Value x, Value base, bool raise)
{
    if (base != MG_NIL) {
        Value s = mg_check_string(x);
        if (s == MG_NIL) {
            if (!raise) return MG_UNDEF;
            mg_raise(mg_eArgumentError, "base specified for non string value");
        }
        int64_t b = mg_num2long(base);
        if (b == 1 || b > 36 || b < -36) mg_raise(mg_eArgumentError, "invalid radix %lld", (long long)b);
        x = s;
        Value r = mg_str_to_inum(mg_str_ptr(x), (size_t)mg_str_len(x), b < 0 ? 0 : (int)b, true);
        if (r == MG_NIL) { if (!raise) return MG_UNDEF; invalid_integer(x); }
        return r;
    }
    if (MG_IS_INTEGER(x)) return x;
    if (MG_IS_FLOAT(x)) {
        double d = mg_float_value(x);
        if (!raise && (isnan(d) || isinf(d))) return MG_UNDEF;
        return mg_dbl_to_int(d);
    }
    if (MG_IS_STRING(x)) {
        Value r = mg_str_to_inum(mg_str_ptr(x), (size_t)mg_str_len(x), 0, true);
        if (r == MG_NIL) { if (!raise) return MG_UNDEF; invalid_integer(x); }
        return r;
    }
    if (x == MG_NIL) {
        if (!raise) return MG_UNDEF;
        mg_raise(mg_eTypeError, "can't convert nil into Integer");
    }
    if (mg_respond_to(x, mg_id_to_int, true)) {
        Value r = mg_funcall(x, mg_id_to_int, 0, NULL);
        if (MG_IS_INTEGER(r)) return r;
    }
    if (mg_respond_to(x, mg_id_to_i, true)) {
        Value r = mg_funcall(x, mg_id_to_i, 0, NULL);
        if (MG_IS_INTEGER(r)) return r;
        if (!raise) return MG_UNDEF;
        const char *cn = mg_class_cname(mg_obj_class(x));
        mg_raise(mg_eTypeError, "can't convert %s to Integer (%s#to_i gives %s)", cn, cn, mg_class_cname(mg_obj_class(r)));
    }
    if (!raise) return MG_UNDEF;
    mg_raise(mg_eTypeError, "can't convert %s into Integer",
             x == MG_TRUE ? "true" : x == MG_FALSE ? "false" : mg_class_cname(mg_obj_class(x)));
}

Value
mg_integer_strict(Value x)
{
    return integer_conv(x, MG_NIL, true);
}

typedef struct { Value x, base; } IntConvArgs;

static Value
integer_conv_protected(Value arg)
{
    IntConvArgs *a = (IntConvArgs *)(uintptr_t)arg;
    return integer_conv(a->x, a->base, false);
}

static Value
kernel_Integer(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(blk);
    bool raise = true;
    if (mg_kw_given()) {
        raise = mg_num_exception_kwarg(argv[argc - 1]);
        argc--;
    }
    if (argc < 1 || argc > 2) mg_raise_argc(argc, 1, 2);
    Value base = argc == 2 ? argv[1] : MG_NIL;
    /* a base without to_int is no base, as in CRuby: Integer(11, []) is 11 */
    if (base != MG_NIL && !MG_IS_INTEGER(base) && !mg_respond_to(base, mg_id_to_int, true)) base = MG_NIL;
    if (raise) return integer_conv(argv[0], base, true);
    /* exception: false also swallows errors raised by to_int / to_i */
    IntConvArgs a = { argv[0], base };
    Value exc;
    Value r = mg_protect(integer_conv_protected, (Value)(uintptr_t)&a, &exc);
    if (r == MG_UNDEF) {
        if (exc != MG_NIL && !mg_obj_is_kind_of(exc, mg_eStandardError)) mg_raise_exc(exc);
        return MG_NIL;
    }
    return r;
}

static const MgMethodDef integer_methods[] = {
    {"+", int_plus, 1, 1},
    {"-", int_minus, 1, 1},
    {"*", int_mul, 1, 1},
    {"/", int_div, 1, 1},
    {"%", int_mod, 1, 1},
    {"modulo", int_mod, 1, 1},
    {"div", int_idiv_m, 1, 1},
    {"remainder", int_remainder, 1, 1},
    {"divmod", int_divmod, 1, 1},
    {"fdiv", int_fdiv, 1, 1},
    {"**", int_pow, 1, 1},
    {"pow", int_pow_m, 1, 2},
    {"<=>", int_cmp_m, 1, 1},
    {"==", int_eq, 1, 1},
    {"===", int_eq, 1, 1},
    {"<", int_lt, 1, 1},
    {"<=", int_le, 1, 1},
    {">", int_gt, 1, 1},
    {">=", int_ge, 1, 1},
    {"eql?", int_eql, 1, 1},
    {"hash", int_hash_m, 0, 0},
    {"-@", int_uminus, 0, 0},
    {"abs", int_abs, 0, 0},
    {"magnitude", int_abs, 0, 0},
    {"~", int_neg, 0, 0},
    {"&", int_and, 1, 1},
    {"|", int_or, 1, 1},
    {"^", int_xor, 1, 1},
    {"<<", int_lshift, 1, 1},
    {">>", int_rshift, 1, 1},
    {"[]", int_aref, 1, 2},
    {"bit_length", int_bit_length, 0, 0},
    {"size", int_size, 0, 0},
    {"allbits?", int_allbits_p, 1, 1},
    {"anybits?", int_anybits_p, 1, 1},
    {"nobits?", int_nobits_p, 1, 1},
    {"even?", int_even_p, 0, 0},
    {"odd?", int_odd_p, 0, 0},
    {"zero?", int_zero_p, 0, 0},
    {"positive?", int_positive_p, 0, 0},
    {"negative?", int_negative_p, 0, 0},
    {"integer?", int_true, 0, 0},
    {"succ", int_succ, 0, 0},
    {"next", int_succ, 0, 0},
    {"pred", int_pred, 0, 0},
    {"chr", int_chr, 0, 1},
    {"ord", int_self, 0, 0},
    {"to_i", int_self, 0, 0},
    {"to_int", int_self, 0, 0},
    {"to_s", int_to_s, 0, 1},
    {"inspect", int_to_s, 0, 1},
    {"to_f", int_to_f, 0, 0},
    {"to_r", int_to_r, 0, 0},
    {"rationalize", int_rationalize, 0, 1},
    {"numerator", int_self, 0, 0},
    {"denominator", int_one, 0, 0},
    {"coerce", int_coerce, 1, 1},
    {"round", int_round, 0, 2, MEF_KW},
    {"floor", int_floor, 0, 1},
    {"ceil", int_ceil, 0, 1},
    {"truncate", int_truncate, 0, 1},
    {"gcd", int_gcd, 1, 1},
    {"lcm", int_lcm, 1, 1},
    {"gcdlcm", int_gcdlcm, 1, 1},
    {"digits", int_digits, 0, 1},
    {"times", int_times, 0, 0},
    {"upto", int_upto, 1, 1},
    {"downto", int_downto, 1, 1},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef integer_singleton_methods[] = {
    {"sqrt", int_s_sqrt, 1, 1},
    {"try_convert", int_s_try_convert, 1, 1},
    {NULL, NULL, 0, 0}
};

void
mg_init_integer(void)
{
    mg_big_setup_gmp();
    mg_define_methods(mg_cInteger, integer_methods);
    mg_define_singleton_methods(MG_VAL(mg_cInteger), integer_singleton_methods);
    mg_method_undef(mg_singleton_class(MG_VAL(mg_cInteger)), mg_id_new);
    /* CRuby keeps Integer.allocate (respond_to? is true); calling it raises */
    mg_define_alloc_func(mg_cInteger, mg_alloc_undefined);
    char ver[32];
    snprintf(ver, sizeof ver, "%d.%d.%d", __GNU_MP_VERSION, __GNU_MP_VERSION_MINOR, __GNU_MP_VERSION_PATCHLEVEL);
    mg_define_const(mg_cInteger, "GMP_VERSION", mg_str_freeze(mg_str_new_cstr(ver)));
    mg_define_module_function(mg_mKernel, "Integer", kernel_Integer, 0, -1);   /* it checks 1..2 without the keywords */
}
