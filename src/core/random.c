/* random.c -- Random (xoshiro256** seeded through splitmix64 from the Integer
 * seed, so one seed always gives one sequence), Kernel#rand / #srand and the
 * mg_random_int / mg_random_real helpers for Array#shuffle and #sample. */
#include "bignum.h"

#include <math.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/random.h>

typedef struct {
    uint64_t s[4];
    Value seed;
} RandomState;

static void
random_mark(void *p)
{
    mg_gc_mark(((RandomState *)p)->seed);
}

static const DataType random_type = { "random", random_mark, NULL, NULL };

static RandomState default_rng;     /* Kernel#rand, Random.rand */
static Value default_seed_root = MG_NIL;

/* ---- the generator ---- */

static inline uint64_t
rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static uint64_t
next64(RandomState *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

static uint64_t
splitmix(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* The state is a function of the seed's absolute value, its sign and its size. */
static void
seed_state(RandomState *r, Value seed)
{
    MgIntView t;
    mpz_srcptr z = mg_int_view(seed, &t);
    size_t n = mpz_size(z);
    uint64_t x = 0x853c49e6748fea9bULL ^ ((uint64_t)n << 1) ^ (mpz_sgn(z) < 0 ? 1 : 0);
    for (size_t i = 0; i < n; i++) {
        x ^= (uint64_t)mpz_getlimbn(z, (mp_size_t)i);
        splitmix(&x);
    }
    for (int i = 0; i < 4; i++) r->s[i] = splitmix(&x);
    if (!(r->s[0] | r->s[1] | r->s[2] | r->s[3])) r->s[0] = 1;
    r->seed = seed;
}

static void
fill_urandom(void *buf, size_t n)
{
    ssize_t got = getrandom(buf, n, 0);
    if (got == (ssize_t)n) return;
    int fd = open("/dev/urandom", O_RDONLY);
    if (fd >= 0) {
        got = read(fd, buf, n);
        close(fd);
        if (got == (ssize_t)n) return;
    }
    /* last resort: time and address entropy */
    uint64_t x = (uint64_t)(uintptr_t)buf ^ (uint64_t)getpid() << 32;
    for (size_t i = 0; i < n; i++) ((unsigned char *)buf)[i] = (unsigned char)splitmix(&x);
}

static Value
new_seed(void)
{
    uint64_t w[2];
    fill_urandom(w, sizeof w);
    mpz_t z;
    mpz_init(z);
    mpz_import(z, 2, -1, sizeof(uint64_t), 0, 0, w);
    return mg_big_take(z);
}

static RandomState *
get_rng(Value obj)
{
    if (obj == MG_NIL || obj == MG_VAL(mg_cRandom)) return &default_rng;
    return mg_data_check(obj, &random_type);
}

/* ---- values ---- */

static uint64_t
uniform64(RandomState *r, uint64_t limit)
{
    /* limit > 0; rejection keeps it unbiased */
    if ((limit & (limit - 1)) == 0) return next64(r) & (limit - 1);
    uint64_t mask = limit - 1;
    mask |= mask >> 1; mask |= mask >> 2; mask |= mask >> 4;
    mask |= mask >> 8; mask |= mask >> 16; mask |= mask >> 32;
    for (;;) {
        uint64_t v = next64(r) & mask;
        if (v < limit) return v;
    }
}

static double
real01(RandomState *r)
{
    return (double)(next64(r) >> 11) * (1.0 / 9007199254740992.0);
}

/* A uniform Integer in [0, limit), limit an Integer > 0. */
static Value
uniform_int(RandomState *r, Value limit)
{
    if (MG_IS_FIXNUM(limit)) return MG_FIX((int64_t)uniform64(r, (uint64_t)MG_FIX2LONG(limit)));
    mpz_srcptr lz = mg_big_z(limit);
    size_t bits = mpz_sizeinbase(lz, 2);
    size_t words = (bits + 63) / 64;
    uint64_t top_mask = bits % 64 ? (1ULL << (bits % 64)) - 1 : ~0ULL;
    uint64_t *w = mg_malloc(words * sizeof(uint64_t));
    mpz_t z;
    mpz_init(z);
    do {
        for (size_t i = 0; i < words; i++) w[i] = next64(r);
        w[words - 1] &= top_mask;
        mpz_import(z, words, -1, sizeof(uint64_t), 0, 0, w);
    } while (mpz_cmp(z, lz) >= 0);
    mg_free(w, words * sizeof(uint64_t));
    return mg_big_take(z);
}

Value
mg_random_int(Value rng, uint64_t limit)
{
    if (limit == 0) return MG_FIX(0);
    if (rng != MG_NIL && !mg_data_get(rng, &random_type) && rng != MG_VAL(mg_cRandom)) {
        /* any object with #rand (Array#shuffle(random: obj)) */
        Value lim = mg_uint_new(limit);
        Value v = mg_to_int(mg_funcall(rng, mg_intern_cstr("rand"), 1, &lim));
        if (mg_int_cmp(v, MG_FIX(0)) < 0) mg_raise(mg_eRangeError, "random number too small %s", mg_str_cstr(mg_int_to_s(v, 10)));
        if (mg_int_cmp(v, lim) >= 0) mg_raise(mg_eRangeError, "random number too big %s", mg_str_cstr(mg_int_to_s(v, 10)));
        return v;
    }
    return mg_uint_new(uniform64(get_rng(rng), limit));
}

double
mg_random_real(Value rng)
{
    if (rng != MG_NIL && !mg_data_get(rng, &random_type) && rng != MG_VAL(mg_cRandom)) {
        Value v = mg_funcall(rng, mg_intern_cstr("rand"), 0, NULL);
        return mg_num2dbl(v);
    }
    return real01(get_rng(rng));
}

static NORETURN void
invalid_arg(Value v)
{
    mg_raise(mg_eArgumentError, "invalid argument - %s", v == MG_NIL ? "" : mg_str_cstr(mg_inspect(v)));
}

static Value
float_value(RandomState *r, double max)
{
    return mg_float_new(real01(r) * max);
}

/* rand(range) or MG_UNDEF when v is not a Range. */
static Value
rand_range(RandomState *r, Value v, bool strict)
{
    if (!MG_IS_TYPE(v, T_RANGE)) return MG_UNDEF;
    MG_FAULT(v);
    Value b = MG_RRANGE(v)->beg, e = MG_RRANGE(v)->end;
    bool excl = (MG_OBJ(v)->flags & OF_EXCL) != 0;
    if (b == MG_NIL || e == MG_NIL) invalid_arg(v);   /* CRuby: Errno::EDOM */
    if (MG_IS_FLOAT(b) || MG_IS_FLOAT(e)) {
        double lo = mg_num2dbl(b), hi = mg_num2dbl(e);
        double span = hi - lo;
        if (span < 0 || (excl && span == 0)) {
            if (strict) invalid_arg(v);
            return MG_NIL;
        }
        if (isinf(span)) mg_raise(mg_eArgumentError, "invalid argument - %s", mg_str_cstr(mg_inspect(v)));
        double x = real01(r);
        if (!excl) {
            /* include the end: scale by the next float above 1 */
            x = x * (1.0 + 1.1102230246251565e-16);
            if (x > 1.0) x = 1.0;
        }
        return mg_float_new(lo + x * span);
    }
    b = mg_to_int(b);
    e = mg_to_int(e);
    Value span = mg_int_minus(e, b);
    if (!excl) span = mg_int_plus(span, MG_FIX(1));
    if (mg_int_cmp(span, MG_FIX(0)) <= 0) {
        if (strict) invalid_arg(v);
        return MG_NIL;
    }
    return mg_int_plus(b, uniform_int(r, span));
}

/* Random#rand and Random.rand: ArgumentError for 0 and negative limits. */
static Value
rand_strict(RandomState *r, int argc, const Value *argv)
{
    if (argc == 0) return mg_float_new(real01(r));
    Value v = argv[0];
    if (MG_IS_FLOAT(v)) {
        double d = mg_float_value(v);
        if (d < 0 || isnan(d)) invalid_arg(v);
        if (d == 0.0) return mg_float_new(real01(r));
        return float_value(r, d);
    }
    Value rr = rand_range(r, v, true);
    if (rr != MG_UNDEF) return rr;
    if (v == MG_NIL) invalid_arg(v);
    Value n = mg_to_int(v);
    if (mg_int_cmp(n, MG_FIX(0)) <= 0) invalid_arg(v);
    return uniform_int(r, n);
}

static Value
random_alloc(RClass *klass)
{
    void *p;
    Value obj = mg_data_new_inline(klass, &random_type, sizeof(RandomState), &p);
    ((RandomState *)p)->seed = MG_FIX(0);
    seed_state(p, MG_FIX(0));
    return obj;
}

static Value
random_initialize(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    RandomState *r = mg_data_check(self, &random_type);
    Value seed = argc > 0 ? mg_to_int(argv[0]) : new_seed();
    MG_WB(self, seed);
    seed_state(r, seed);
    return self;
}

static Value
random_rand(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    return rand_strict(get_rng(self), argc, argv);
}

static Value
random_random_number(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    RandomState *r = get_rng(self);
    if (argc == 0 || argv[0] == MG_NIL) return mg_float_new(real01(r));
    Value v = argv[0];
    if (MG_IS_FLOAT(v) ? mg_float_value(v) <= 0 : (MG_IS_INTEGER(v) && mg_int_cmp(v, MG_FIX(0)) <= 0))
        return mg_float_new(real01(r));
    return rand_strict(r, argc, argv);
}

static Value
random_bytes(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    RandomState *r = get_rng(self);
    int64_t n = mg_num2long(argv[0]);
    if (n < 0) mg_raise(mg_eArgumentError, "negative string size (or size too big)");
    char *buf = mg_malloc((size_t)n + 8);
    for (int64_t i = 0; i < n; i += 8) {
        uint64_t x = next64(r);
        memcpy(buf + i, &x, 8);
    }
    Value str = mg_str_new_enc(buf, (size_t)n, ENC_BINARY);
    mg_free(buf, (size_t)n + 8);
    return str;
}

static Value
random_seed(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return get_rng(self)->seed;
}

static Value
random_eq(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    RandomState *a = mg_data_get(self, &random_type), *b = mg_data_get(argv[0], &random_type);
    if (!a || !b || mg_obj_class(self) != mg_obj_class(argv[0])) return MG_FALSE;
    return MG_BOOL(memcmp(a->s, b->s, sizeof a->s) == 0 && mg_equal(a->seed, b->seed));
}

static Value
random_init_copy(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    RandomState *a = mg_data_check(self, &random_type), *b = mg_data_check(argv[0], &random_type);
    MG_WB(self, b->seed);
    *a = *b;
    return self;
}

static Value
random_s_new_seed(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return new_seed();
}

static Value
random_s_urandom(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    int64_t n = mg_num2long(argv[0]);
    if (n < 0) mg_raise(mg_eArgumentError, "negative string size (or size too big)");
    char *buf = mg_malloc((size_t)n + 1);
    fill_urandom(buf, (size_t)n);
    Value s = mg_str_new_enc(buf, (size_t)n, ENC_BINARY);
    mg_free(buf, (size_t)n + 1);
    return s;
}

static Value
do_srand(int argc, const Value *argv)
{
    Value seed = argc > 0 ? mg_to_int(argv[0]) : new_seed();
    Value old = default_rng.seed;
    seed_state(&default_rng, seed);
    default_seed_root = seed;
    return old;
}

static Value
random_s_srand(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(blk);
    return do_srand(argc, argv);
}

/* Kernel#rand: 0 / nil -> Float, negative -> its absolute value, Float -> truncated. */
static Value
kernel_rand(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(blk);
    RandomState *r = &default_rng;
    if (argc == 0 || argv[0] == MG_NIL) return mg_float_new(real01(r));
    Value v = argv[0];
    Value rr = rand_range(r, v, false);
    if (rr != MG_UNDEF) return rr;
    Value n = MG_IS_FLOAT(v) ? mg_dbl_to_int(mg_float_value(v)) : mg_to_int(v);
    if (mg_int_cmp(n, MG_FIX(0)) < 0) n = mg_int_minus(MG_FIX(0), n);
    if (n == MG_FIX(0)) return mg_float_new(real01(r));
    return uniform_int(r, n);
}

static const MgMethodDef random_methods[] = {
    {"initialize", random_initialize, 0, 1},
    {"initialize_copy", random_init_copy, 1, 1},
    {"rand", random_rand, 0, 1},
    {"random_number", random_random_number, 0, 1},
    {"bytes", random_bytes, 1, 1},
    {"seed", random_seed, 0, 0},
    {"==", random_eq, 1, 1},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef random_singleton_methods[] = {
    {"rand", random_rand, 0, 1},
    {"random_number", random_random_number, 0, 1},
    {"bytes", random_bytes, 1, 1},
    {"seed", random_seed, 0, 0},
    {"new_seed", random_s_new_seed, 0, 0},
    {"urandom", random_s_urandom, 1, 1},
    {"srand", random_s_srand, 0, 1},
    {NULL, NULL, 0, 0}
};

void
mg_init_random(void)
{
    static bool done;
    if (done) return;
    done = true;
    mg_gc_register(&default_seed_root);
    default_seed_root = new_seed();
    seed_state(&default_rng, default_seed_root);
    mg_define_alloc_func(mg_cRandom, random_alloc);
    mg_define_methods(mg_cRandom, random_methods);
    mg_method_set_visibility(mg_cRandom, mg_id_initialize, VIS_PRIVATE);
    mg_method_set_visibility(mg_cRandom, mg_id_initialize_copy, VIS_PRIVATE);
    mg_define_singleton_methods(MG_VAL(mg_cRandom), random_singleton_methods);
    mg_define_const(mg_cRandom, "DEFAULT", MG_VAL(mg_cRandom));
    mg_define_module_function(mg_mKernel, "rand", kernel_rand, 0, 1);
    mg_define_module_function(mg_mKernel, "srand", random_s_srand, 0, 1);
}
