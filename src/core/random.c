/* random.c -- Random: MT19937 (Matsumoto and Nishimura's Mersenne Twister),
 * seeded from the Integer seed and drawn from as CRuby's Random is, so one
 * seed gives CRuby's sequence (Random.new(42).rand, srand + rand, shuffle
 * and sample with random:); Kernel#rand / #srand and the mg_random_int /
 * mg_random_real helpers for Array#shuffle and #sample.
 *
 * Seeding: the seed's absolute value as 32-bit words, least significant
 * first (0: one word 0); a top word of 1 above others is dropped (CRuby's
 * way: 2**32 + 5 seeds as 5); one word seeds the generator directly
 * (init_genrand), several as a key (init_by_array). Draws: 32-bit words;
 * a Float in [0, 1) takes two (27 + 26 bits); an Integer below a limit takes
 * one word per 32 bits of limit - 1, most significant first, masked to its
 * bit length, drawn again while above it; bytes take one word per 4 bytes,
 * least significant byte first. */
#include "bignum.h"
#include "../store/store.h"

#include <math.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/random.h>

enum { MT_N = 624, MT_M = 397 };

typedef struct {
    uint32_t mt[MT_N];
    int mti;
    Value seed;
    bool entropy;       /* seeded by Random.new without a seed: see "persistence" */
    bool stale;         /* read from the repository so: seeded afresh when first used */
} RandomState;

static void
random_mark(void *p)
{
    mg_gc_mark(((RandomState *)p)->seed);
}

/* The state is too big for a slot: mg_data_new_inline allocates it apart,
 * and it is released here (without this every Random leaked 2.5 KB). */
static void
random_free(void *p)
{
    mg_free(p, sizeof(RandomState));
}

/* ---- persistence (docs/format.md "Data payloads") ----
 * A Random persists its seed and state as they were when it was written; a
 * draw is no change to commit (as a Mutex's locking is none), so processes
 * sharing one never conflict over it. One seeded with Random.new(seed)
 * continues in every process that reads it from that committed state, as
 * its seed promises. One seeded from entropy (Random.new) is seeded afresh
 * from entropy in each process that reads it, so no two processes draw the
 * same numbers (a library's RNG constant, tmpdir's, loaded in persistent mode). */
static void
random_encode(const void *p, MgBuf *b)
{
    const RandomState *r = p;
    mg_rec_put_u8(b, r->entropy ? 1 : 0);
    mg_rec_put_ref(b, r->seed);
    if (r->entropy) return;
    mg_rec_put_u32(b, (uint32_t)r->mti);
    mg_rec_put_bytes(b, r->mt, sizeof r->mt);
}

static void
random_decode(void *p, bool in_slot, MgRd *rd)
{
    UNUSED(in_slot);
    RandomState *r = p;
    r->entropy = mg_rec_get_u8(rd) != 0;
    r->seed = mg_rec_get_ref(rd);
    if (r->entropy) {
        r->stale = true;
        r->mti = MT_N;
        return;
    }
    r->mti = (int)mg_rec_get_u32(rd);
    const void *mt = mg_rec_get_bytes(rd, sizeof r->mt);
    if (mt) memcpy(r->mt, mt, sizeof r->mt);
    if (!mg_rec_failed(rd) && (r->mti < 0 || r->mti > MT_N)) mg_rec_fail(rd, "Random record's state is out of range");
    if (!mg_rec_failed(rd) && !MG_IS_INTEGER(r->seed)) mg_rec_fail(rd, "Random record's seed is not an Integer");
}

static void
random_each_ref(const void *p, void (*fn)(Value, void *), void *arg)
{
    fn(((const RandomState *)p)->seed, arg);
}

static const MgDataPersist random_persist = {
    .tag = "Random", .size = sizeof(RandomState), .encode = random_encode, .decode = random_decode,
    .each_ref = random_each_ref,
};
static const DataType random_type = { "random", random_mark, random_free, NULL, &random_persist };

static RandomState default_rng;     /* Kernel#rand, Random.rand */
static Value default_seed_root = MG_NIL;

/* ---- the generator ---- */

static void
mt_seed1(RandomState *r, uint32_t s)
{
    r->mt[0] = s;
    for (int i = 1; i < MT_N; i++) r->mt[i] = 1812433253u * (r->mt[i - 1] ^ (r->mt[i - 1] >> 30)) + (uint32_t)i;
    r->mti = MT_N;
}

static void
mt_seed_key(RandomState *r, const uint32_t *key, size_t len)
{
    mt_seed1(r, 19650218u);
    int i = 1;
    size_t j = 0;
    for (size_t k = MT_N > len ? MT_N : len; k; k--) {
        r->mt[i] = (r->mt[i] ^ ((r->mt[i - 1] ^ (r->mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= MT_N) { r->mt[0] = r->mt[MT_N - 1]; i = 1; }
        if (j >= len) j = 0;
    }
    for (int k = MT_N - 1; k; k--) {
        r->mt[i] = (r->mt[i] ^ ((r->mt[i - 1] ^ (r->mt[i - 1] >> 30)) * 1566083941u)) - (uint32_t)i;
        i++;
        if (i >= MT_N) { r->mt[0] = r->mt[MT_N - 1]; i = 1; }
    }
    r->mt[0] = 0x80000000u;
}

static uint32_t
next32(RandomState *r)
{
    if (r->mti >= MT_N) {
        int k;
        for (k = 0; k < MT_N; k++) {
            uint32_t y = (r->mt[k] & 0x80000000u) | (r->mt[(k + 1) % MT_N] & 0x7fffffffu);
            r->mt[k] = r->mt[(k + MT_M) % MT_N] ^ (y >> 1) ^ ((y & 1) ? 0x9908b0dfu : 0);
        }
        r->mti = 0;
    }
    uint32_t y = r->mt[r->mti++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
}

static uint64_t
splitmix(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static void
seed_state(RandomState *r, Value seed)
{
    MgIntView t;
    mpz_srcptr z = mg_int_view(seed, &t);
    size_t len = (mpz_sizeinbase(z, 2) + 31) / 32;
    if (len == 0) len = 1;
    uint32_t *key = mg_malloc(len * sizeof *key);
    size_t got = 0;
    mpz_export(key, &got, -1, sizeof *key, 0, 0, z);     /* |z|, least significant word first */
    for (size_t i = got; i < len; i++) key[i] = 0;
    if (len > 1 && key[len - 1] == 1) len--;
    if (len == 1) mt_seed1(r, key[0]);
    else mt_seed_key(r, key, len);
    mg_free(key, ((mpz_sizeinbase(z, 2) + 31) / 32 ? (mpz_sizeinbase(z, 2) + 31) / 32 : 1) * sizeof *key);
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

/* A Random's state, seeded first if it came from the repository to be seeded afresh. */
static RandomState *
state_of(Value obj)
{
    RandomState *r = mg_data_check(obj, &random_type);
    if (UNLIKELY(r->stale)) {          /* this process's own seed; not a change to commit */
        r->stale = false;
        seed_state(r, new_seed());
    }
    return r;
}

static RandomState *
get_rng(Value obj)
{
    if (obj == MG_NIL || obj == MG_VAL(mg_cRandom)) return &default_rng;
    return state_of(obj);
}

/* ---- values ---- */

/* A uniform integer in [0, max], max < 2^64. */
static uint64_t
upto64(RandomState *r, uint64_t max)
{
    if (max == 0) return 0;
    uint64_t mask = max;
    mask |= mask >> 1; mask |= mask >> 2; mask |= mask >> 4;
    mask |= mask >> 8; mask |= mask >> 16; mask |= mask >> 32;
    for (;;) {
        uint64_t v = 0;
        if (mask >> 32) v = (uint64_t)next32(r) << 32;
        v |= next32(r);
        v &= mask;
        if (v <= max) return v;
    }
}

static uint64_t
uniform64(RandomState *r, uint64_t limit)
{
    return upto64(r, limit - 1);     /* limit > 0 */
}

/* [0, 1], both ends included: the 64 bits of two words scaled by
 * (2^53 + 1) / 2^64, as CRuby draws for an inclusive Float range. */
static double
real01_incl(RandomState *r)
{
    uint64_t a = next32(r), b = next32(r);
    unsigned __int128 x = ((unsigned __int128)((a << 32) | b) * (((unsigned __int128)1 << 53) | 1)) >> 64;
    return ldexp((double)(uint64_t)x, -53);
}

static double
real01(RandomState *r)
{
    uint32_t a = next32(r) >> 5, b = next32(r) >> 6;
    return ((double)a * 67108864.0 + (double)b) * (1.0 / 9007199254740992.0);
}

/* A uniform Integer in [0, limit), limit an Integer > 0: the words of
 * limit - 1 from the most significant, each drawn word masked (the top one
 * to its bit length) and compared while the prefix equals limit - 1's. */
static Value
uniform_int(RandomState *r, Value limit)
{
    if (MG_IS_FIXNUM(limit)) return MG_FIX((int64_t)uniform64(r, (uint64_t)MG_FIX2LONG(limit)));
    Value maxv = mg_int_minus(limit, MG_FIX(1));
    MgIntView t;
    mpz_srcptr mz = mg_int_view(maxv, &t);
    size_t words = (mpz_sizeinbase(mz, 2) + 31) / 32;
    uint32_t *max = mg_malloc(words * sizeof *max), *out = mg_malloc(words * sizeof *out);
    size_t got = 0;
    mpz_export(max, &got, -1, sizeof *max, 0, 0, mz);
    for (size_t i = got; i < words; i++) max[i] = 0;
    uint32_t top = max[words - 1], mask = top;
    mask |= mask >> 1; mask |= mask >> 2; mask |= mask >> 4; mask |= mask >> 8; mask |= mask >> 16;
    for (;;) {
        bool bounded = true, retry = false;
        for (size_t i = words; i-- > 0;) {
            uint32_t m = i == words - 1 ? mask : 0xffffffffu;
            uint32_t v = next32(r) & (bounded ? m : 0xffffffffu);
            if (bounded) {
                if (v > max[i]) { retry = true; break; }
                if (v < max[i]) bounded = false;
            }
            out[i] = v;
        }
        if (!retry) break;
    }
    mpz_t z;
    mpz_init(z);
    mpz_import(z, words, -1, sizeof *out, 0, 0, out);
    mg_free(max, words * sizeof *max);
    mg_free(out, words * sizeof *out);
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
        double x = excl ? real01(r) : real01_incl(r);
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
    r->entropy = argc == 0;
    r->stale = false;
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
    for (int64_t i = 0; i < n; i += 4) {
        uint32_t x = next32(r);
        for (int k = 0; k < 4; k++) buf[i + k] = (char)(x >> (8 * k));
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
    a = state_of(self);
    b = state_of(argv[0]);
    return MG_BOOL(a->mti == b->mti && memcmp(a->mt, b->mt, sizeof a->mt) == 0 && mg_equal(a->seed, b->seed));
}

static Value
random_init_copy(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    RandomState *a = mg_data_check(self, &random_type), *b = state_of(argv[0]);
    MG_WB(self, b->seed);
    *a = *b;
    return self;
}

/* ---- Marshal: [state, left, seed] as CRuby's, so either reads the other's ----
 * state: the 624 words as one Integer, least significant word first; left:
 * the draws before the state is next regenerated, plus one (1: at once). */
static Value
random_state(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    RandomState *r = state_of(self);
    mpz_t z;
    mpz_init(z);
    mpz_import(z, MT_N, -1, sizeof(uint32_t), 0, 0, r->mt);
    return mg_big_take(z);
}

static Value
random_left(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_FIX(MT_N - state_of(self)->mti + 1);
}

static Value
random_marshal_dump(Value self, int argc, const Value *argv, Value blk)
{
    Value parts[3] = { random_state(self, argc, argv, blk), random_left(self, argc, argv, blk), state_of(self)->seed };
    return mg_ary_new_from(3, parts);
}

static Value
random_marshal_load(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    RandomState *r = mg_data_check(self, &random_type);
    MG_CHECK_FROZEN(self);
    Value a = argv[0];
    if (!MG_IS_ARRAY(a) || mg_ary_len(a) != 3) mg_raise(mg_eArgumentError, "wrong dump data");
    Value state = mg_ary_entry(a, 0), left = mg_ary_entry(a, 1), seed = mg_ary_entry(a, 2);
    if (!MG_IS_INTEGER(state) || !MG_IS_FIXNUM(left) || !MG_IS_INTEGER(seed)) mg_raise(mg_eArgumentError, "wrong dump data");
    int64_t l = MG_FIX2LONG(left);
    MgIntView t;
    mpz_srcptr z = mg_int_view(state, &t);
    if (l < 0 || l > MT_N + 1 || mpz_sgn(z) < 0 || mpz_sizeinbase(z, 2) > 32 * MT_N) mg_raise(mg_eArgumentError, "wrong dump data");
    MG_WB(self, seed);
    memset(r->mt, 0, sizeof r->mt);
    mpz_export(r->mt, NULL, -1, sizeof(uint32_t), 0, 0, z);
    r->mti = l == 0 ? MT_N : (int)(MT_N - l + 1);      /* 0 as 1: regenerated at the next draw */
    r->seed = seed;
    r->entropy = r->stale = false;
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
    {"state", random_state, 0, 0},
    {"left", random_left, 0, 0},
    {"marshal_dump", random_marshal_dump, 0, 0},
    {"marshal_load", random_marshal_load, 1, 1},
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
    mg_store_register_data(&random_type);
    mg_define_alloc_func(mg_cRandom, random_alloc);
    mg_define_methods(mg_cRandom, random_methods);
    mg_method_set_visibility(mg_cRandom, mg_id_initialize, VIS_PRIVATE);
    mg_method_set_visibility(mg_cRandom, mg_id_initialize_copy, VIS_PRIVATE);
    static const char *const private_names[] = { "state", "left", "marshal_dump", "marshal_load" };
    for (size_t i = 0; i < ARRAY_LEN(private_names); i++)
        mg_method_set_visibility(mg_cRandom, mg_intern_cstr(private_names[i]), VIS_PRIVATE);
    mg_define_singleton_methods(MG_VAL(mg_cRandom), random_singleton_methods);
    mg_define_const(mg_cRandom, "DEFAULT", MG_VAL(mg_cRandom));
    mg_define_module_function(mg_mKernel, "rand", kernel_rand, 0, 1);
    mg_define_module_function(mg_mKernel, "srand", random_s_srand, 0, 1);
}
