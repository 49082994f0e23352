/* coll_int.h -- internals shared by the collection files: array.c, array_ops.c,
 * hash.c, range.c, enum.c, struct.c, enumerator.c. Other subsystems use core.h.
 *
 * Conventions:
 *  1. C state handed to a C block (mg_proc_new_cfunc) or to mg_ensure/mg_catch
 *     travels as a fixnum-tagged pointer (PTR2VAL / VAL2PTR): the collector
 *     ignores fixnums, so the state must not be the only reference to a heap
 *     object; values a C block keeps live in a memo Array the caller allocated.
 *  2. Loops that yield re-read ptr/len after every call (the block may resize
 *     or refault the array): use ALEN/APTR, never a cached pointer.
 */
#ifndef MG_COLL_INT_H
#define MG_COLL_INT_H

#include "core.h"

#define PTR2VAL(p) MG_FIX((int64_t)(intptr_t)(p))
#define VAL2PTR(v) ((void *)(intptr_t)MG_FIX2LONG(v))

#define ALEN(a) mg_ary_len(a)
#define APTR(a) mg_ary_ptr(a)
/* Element i, 0 <= i < ALEN(a), for loops that yield: a lazy Array (object.h) stays lazy. */
static inline Value
AELT(Value a, int64_t i)
{
    if (UNLIKELY(MG_OBJ(a)->flags & OF_UNFAULTED)) return mg_ary_entry_slow(a, i);
    return MG_RARRAY(a)->ptr[i];
}

/* memcpy/memmove that accept NULL pointers when n is 0 (empty buffers). */
static inline void mg_memcpy0(void *d, const void *s, size_t n) { if (n) memcpy(d, s, n); }
static inline void mg_memmove0(void *d, const void *s, size_t n) { if (n) memmove(d, s, n); }

/* Largest element count an Array may have. */
#define ARY_MAX_SIZE (INT64_MAX / (int64_t)sizeof(Value) / 2)

/* Integer argument to a C long: fixnum fast path, else mg_num2long (to_int, TypeError). */
static inline int64_t
mg_num2long_fast(Value v)
{
    return MG_IS_FIXNUM(v) ? MG_FIX2LONG(v) : mg_num2long(v);
}
#define NUM2LONG(v) mg_num2long_fast(v)

/* The packed value of a multi-value yield (rb_enum_values_pack): nil, argv[0], or an Array. */
static inline Value
mg_yield_pack(int argc, const Value *argv)
{
    if (argc == 0) return MG_NIL;
    if (argc == 1) return argv[0];
    return mg_ary_new_from(argc, argv);
}

/* ---- array.c ---- */
/* Fast a <=> b as -1/0/1: fixnums, floats and strings inline, mg_cmp otherwise. */
int   mg_cmp_fast(Value a, Value b);
/* Stable sort of p[0..n) in place by <=> (blk nil) or by the block's result. May call Ruby. */
void  mg_sort_values(Value *p, int64_t n, Value blk);
/* Makes a (which the caller owns) have room for capa elements. */
void  mg_ary_reserve(Value a, int64_t capa);
/* Array#hash's number for an array (recursion-safe). */
uint64_t mg_ary_hash(Value a);
bool  mg_ary_eql(Value a, Value b);
/* New Array of vals ordered by keys (parallel Arrays), stable. May call <=>. */
Value mg_sort_by_keys(Value vals, Value keys);
/* Selection of the n least (rev: greatest) values, as CRuby's min(n),
 * max(n), min_by(n), max_by(n) make it: init (validates n, may raise), add
 * each value (by: with its key; may call <=> or blk), finish returns the
 * sorted Array. blk: the comparison block (not by) or nil. The NMin lives
 * in the caller's C frame; its Arrays are on the arena. */
typedef struct {
    Value buf;        /* values, or key, value pairs (by) */
    Value keep;       /* [limit]: the limit may leave the buffer */
    Value limit;      /* MG_UNDEF until the buffer was first filtered */
    Value blk;
    int64_t n, bufmax, curlen;
    bool by, rev;
} NMin;
bool  mg_nmin_init(NMin *m, Value n, Value blk, bool by, bool rev);   /* false: n is 0, the answer is [] */
void  mg_nmin_add(NMin *m, Value v, Value key);
Value mg_nmin_finish(NMin *m);
/* Fresh Array from an Enumerable (to_a through each). */
Value mg_enum_to_a(Value obj);
/* Raises if a is frozen (FrozenError). */
void  mg_ary_modify(Value a);

/* Sum with CRuby's rules: exact Integer sums, Kahan-Babuska once a Float appears, then `+`. */
/* keep: a one-slot Array holding v, so the running sum survives calls into Ruby */
typedef struct { Value v; int64_t n; int mode; double f, c; Value keep; } SumState;
enum { SUM_INT = 0, SUM_FLOAT, SUM_GENERIC };
void  mg_sum_init(SumState *s, Value init);
void  mg_sum_add(SumState *s, Value e);
Value mg_sum_finish(SumState *s);

/* ---- enumerator.c ---- */
/* mg_enumerator_new for a subclass of Enumerator (Enumerator::ArithmeticSequence). */
Value mg_enumerator_new_of(RClass *klass, Value obj, ID meth, int argc, const Value *argv);
/* The creating call of an enumerator: receiver, method, arguments (an Array), whether
 * the last argument was passed as keywords. No allocation. */
Value mg_enumerator_receiver(Value e);
ID    mg_enumerator_method(Value e);
Value mg_enumerator_args(Value e);
bool  mg_enumerator_kw_p(Value e);

/* ---- hash.c ---- */
/* Iterates h in insertion order with the iteration level raised (adding keys
 * raises); fn returns false to stop. Exceptions and throws lower the level again. */
void  mg_hash_foreach(Value h, bool (*fn)(Value key, Value val, void *arg), void *arg);
uint64_t mg_hash_hash(Value h);
/* Hash (or Hash subclass) allocation with class klass. */
Value mg_hash_alloc(RClass *klass);
void  mg_hash_clear(Value h);
/* Inserts key => val unless key is present (no String key copy); true if inserted. */
bool  mg_hash_insert_new(Value h, Value key, Value val);

/* ---- enum.c ---- */
/* Calls obj.each with a C block: fn(argc, argv, state) for each yield. */
typedef void (*EnumFunc)(int argc, const Value *argv, void *state);
void  mg_enum_each(Value obj, EnumFunc fn, void *state);
/* Like mg_enum_each, but fn may call mg_enum_stop(state) to end the iteration
 * early; the state struct must then begin with an EnumStop (set by this call). */
typedef struct { Value tag; } EnumStop;
void  mg_enum_each_stoppable(Value obj, EnumFunc fn, void *state);
NORETURN void mg_enum_stop(void *state);
/* The first n values obj.each yields, as an Array (stops early). */
Value mg_enum_take(Value obj, int64_t n);

/* ---- range.c ---- */
/* The begin/end/excl of a Range (faults). */
static inline void
mg_range_values(Value r, Value *beg, Value *end, bool *excl)
{
    MG_FAULT(r);
    *beg = MG_RRANGE(r)->beg;
    *end = MG_RRANGE(r)->end;
    *excl = (MG_OBJ(r)->flags & OF_EXCL) != 0;
}

#endif
