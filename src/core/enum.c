/* enum.c -- the Enumerable module: every method written in C over the
 * receiver's `each`, called with a C block (mg_proc_new_cfunc). Early exits
 * (find, first, include? ...) throw to a catch tag around the `each` call.
 * Shared plumbing (mg_enum_each, mg_enum_take) is in coll_int.h.
 *
 * The C block's data is a small T_DATA context rather than a bare pointer,
 * so a block that `each` keeps and calls after the method returned finds the
 * context dead and raises instead of touching a stale C frame. Values a
 * callback keeps (max so far, accumulator) live in a memo Array the method
 * allocated, never only in the C state. */
#include "coll_int.h"
#include <math.h>

typedef struct {
    EnumFunc fn;
    void *state;
    bool alive;
} EnumCtx;

static const DataType enum_ctx_type = { "Enumerable::context", NULL, NULL, NULL };

static Value
enum_block_fn(Value arg, Value data, int argc, const Value *argv, Value blk)
{
    UNUSED(arg); UNUSED(blk);
    EnumCtx *c = mg_data_get(data, &enum_ctx_type);
    if (!c || !c->alive) mg_raise(mg_eRuntimeError, "Enumerable block called after its method returned");
    c->fn(argc, argv, c->state);
    return MG_NIL;
}

typedef struct { Value obj; int argc; const Value *argv; Value proc; Value ctx; } EachCall;

static Value
each_body(Value p)
{
    EachCall *e = VAL2PTR(p);
    return mg_funcall_block(e->obj, mg_id_each, e->argc, e->argv, e->proc);
}

static void
each_done(Value ctx)
{
    EnumCtx *c = mg_data_get(ctx, &enum_ctx_type);
    if (c) c->alive = false;
}

/* True when obj's `each` is the built-in one of klass (not redefined). */
static bool
builtin_each(Value obj, RClass *klass)
{
    MethodEntry *me = mg_method_lookup(mg_class_of(obj), mg_id_each);
    return me && me->kind == ME_CFUNC && me->owner == klass;
}

typedef struct { EnumFunc fn; void *state; } HashAdapt;

static bool
hash_adapt_fn(Value k, Value v, void *arg)
{
    HashAdapt *h = arg;
    size_t level = mg_gc_arena_save();
    Value pair = mg_ary_new_from(2, (Value[]){ k, v });
    h->fn(1, &pair, h->state);
    mg_gc_arena_restore(level);
    return true;
}

/* Iterates the core collections directly, without a Ruby-level each call.
 * Returns false when obj needs the generic path. As on that path (the C
 * block's call restores the arena), what fn allocates leaves the arena after
 * each element: fn keeps what it needs in its memo Array. */
static bool
enum_each_fast(Value obj, EnumFunc fn, void *state)
{
    if (!MG_IS_PTR(obj)) return false;
    size_t level = mg_gc_arena_save();
    switch (MG_OBJ(obj)->type) {
    case T_ARRAY:
        if (!builtin_each(obj, mg_cArray)) return false;
        for (int64_t i = 0; i < ALEN(obj); i++) {
            Value v = AELT(obj, i);
            fn(1, &v, state);
            mg_gc_arena_restore(level);
        }
        return true;
    case T_RANGE: {
        Value b, e;
        bool x;
        mg_range_values(obj, &b, &e, &x);
        if (!MG_IS_FIXNUM(b) || !MG_IS_FIXNUM(e) || !builtin_each(obj, mg_cRange)) return false;
        int64_t last = MG_FIX2LONG(e) - (x ? 1 : 0);
        for (int64_t i = MG_FIX2LONG(b); i <= last; i++) {
            Value v = MG_FIX(i);
            fn(1, &v, state);
            mg_gc_arena_restore(level);
        }
        return true;
    }
    case T_HASH: {
        if (!builtin_each(obj, mg_cHash)) return false;
        HashAdapt h = { fn, state };
        mg_hash_foreach(obj, hash_adapt_fn, &h);
        return true;
    }
    default:
        return false;
    }
}

static void
enum_each_args(Value obj, int argc, const Value *argv, EnumFunc fn, void *state)
{
    if (argc == 0 && enum_each_fast(obj, fn, state)) return;
    void *payload;
    Value ctx = mg_data_new_inline(mg_cObject, &enum_ctx_type, sizeof(EnumCtx), &payload);
    EnumCtx *c = payload;
    c->fn = fn;
    c->state = state;
    c->alive = true;
    Value proc = mg_proc_new_cfunc(enum_block_fn, ctx, false);
    EachCall e = { obj, argc, argv, proc, ctx };
    mg_ensure(each_body, PTR2VAL(&e), each_done, ctx);
}

void
mg_enum_each(Value obj, EnumFunc fn, void *state)
{
    enum_each_args(obj, 0, NULL, fn, state);
}

typedef struct { Value obj; int argc; const Value *argv; EnumFunc fn; void *state; } StopCall;

static Value
stop_body(Value tag, Value p)
{
    UNUSED(tag);
    StopCall *s = VAL2PTR(p);
    enum_each_args(s->obj, s->argc, s->argv, s->fn, s->state);
    return MG_NIL;
}

static void
enum_each_stoppable_args(Value obj, int argc, const Value *argv, EnumFunc fn, void *state)
{
    EnumStop *st = state;
    st->tag = mg_ary_new();   /* a fresh object: only this call can throw to it */
    StopCall s = { obj, argc, argv, fn, state };
    mg_catch(st->tag, stop_body, PTR2VAL(&s));
}

void
mg_enum_each_stoppable(Value obj, EnumFunc fn, void *state)
{
    enum_each_stoppable_args(obj, 0, NULL, fn, state);
}

void
mg_enum_stop(void *state)
{
    mg_throw(((EnumStop *)state)->tag, MG_NIL);
}

/* CRuby's enum_yield: one value as is, several as one Array (auto-splatted by |a, b|). */
static inline Value
enum_yield(Value blk, int argc, const Value *argv)
{
    if (argc == 1) return mg_yield1(blk, argv[0]);
    if (argc == 0) return mg_yield(blk, 0, NULL);
    return mg_yield1(blk, mg_ary_new_from(argc, argv));
}

/* Several values passed on as several block arguments (|x| sees the first). */
static inline Value
enum_yield_values(Value blk, int argc, const Value *argv)
{
    return mg_yield(blk, argc, argv);
}

#define PACK() mg_yield_pack(argc, argv)

/* ---- to_a and collectors ---- */

typedef struct { EnumStop stop; Value out; Value blk; int64_t n; int64_t i; Value memo; Value arg; } St;

static void
to_a_i(int argc, const Value *argv, void *s)
{
    mg_ary_push(((St *)s)->out, PACK());
}

Value
mg_enum_to_a(Value obj)
{
    if (MG_IS_ARRAY(obj)) return mg_ary_dup(obj);
    St s = { .out = mg_ary_new() };
    mg_enum_each(obj, to_a_i, &s);
    return s.out;
}

static void
compact_i(int argc, const Value *argv, void *s)
{
    Value v = PACK();
    if (!MG_IS_NIL(v)) mg_ary_push(((St *)s)->out, v);
}

/* Enumerable#compact: the elements other than nil (a multiple yield is one Array). */
static Value
enum_compact(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    St s = { .out = mg_ary_new() };
    mg_enum_each(self, compact_i, &s);
    return s.out;
}

static Value
enum_to_a(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    St s = { .out = mg_ary_new() };
    enum_each_args(self, argc, argv, to_a_i, &s);
    return s.out;
}

static void
take_i(int argc, const Value *argv, void *p)
{
    St *s = p;
    mg_ary_push(s->out, PACK());
    if (ALEN(s->out) >= s->n) mg_enum_stop(s);
}

Value
mg_enum_take(Value obj, int64_t n)
{
    St s = { .out = mg_ary_new(), .n = n };
    if (n <= 0) return s.out;
    mg_enum_each_stoppable(obj, take_i, &s);
    return s.out;
}

static void
map_i(int argc, const Value *argv, void *p)
{
    St *s = p;
    mg_ary_push(s->out, enum_yield_values(s->blk, argc, argv));
}

static Value
enum_map(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "map", argc, argv, blk);
    St s = { .out = mg_ary_new(), .blk = blk };
    mg_enum_each(self, map_i, &s);
    return s.out;
}

static void
flat_map_i(int argc, const Value *argv, void *p)
{
    St *s = p;
    Value v = enum_yield_values(s->blk, argc, argv);
    mg_gc_protect(v);
    Value a = mg_check_array(v);
    if (MG_IS_NIL(a)) mg_ary_push(s->out, v);
    else mg_ary_concat(s->out, a);
}

static Value
enum_flat_map(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "flat_map", argc, argv, blk);
    St s = { .out = mg_ary_new(), .blk = blk };
    mg_enum_each(self, flat_map_i, &s);
    return s.out;
}

static void
select_i(int argc, const Value *argv, void *p)
{
    St *s = p;
    Value i = PACK();
    if (MG_TEST(enum_yield(s->blk, argc, argv))) mg_ary_push(s->out, i);
}

static Value
enum_select(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "select", argc, argv, blk);
    St s = { .out = mg_ary_new(), .blk = blk };
    mg_enum_each(self, select_i, &s);
    return s.out;
}

static void
reject_i(int argc, const Value *argv, void *p)
{
    St *s = p;
    Value i = PACK();
    if (!MG_TEST(enum_yield(s->blk, argc, argv))) mg_ary_push(s->out, i);
}

static Value
enum_reject(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "reject", argc, argv, blk);
    St s = { .out = mg_ary_new(), .blk = blk };
    mg_enum_each(self, reject_i, &s);
    return s.out;
}

/* grep / grep_v: elements for which pattern === e is true (false); s->n says which */
static void
grep_i(int argc, const Value *argv, void *p)
{
    St *s = p;
    Value i = PACK();
    bool hit = MG_TEST(mg_funcall(s->arg, mg_intern_cstr("==="), 1, &i));
    if (hit == (s->n == 0)) mg_ary_push(s->out, s->blk != MG_NIL ? mg_yield1(s->blk, i) : i);
}

static Value
enum_grep(Value self, int argc, const Value *argv, Value blk)
{
    St s = { .out = mg_ary_new(), .blk = blk, .arg = argv[0], .n = 0 };
    mg_enum_each(self, grep_i, &s);
    return s.out;
}

static Value
enum_grep_v(Value self, int argc, const Value *argv, Value blk)
{
    St s = { .out = mg_ary_new(), .blk = blk, .arg = argv[0], .n = 1 };
    mg_enum_each(self, grep_i, &s);
    return s.out;
}

static void
filter_map_i(int argc, const Value *argv, void *p)
{
    St *s = p;
    Value v = enum_yield_values(s->blk, argc, argv);
    if (MG_TEST(v)) mg_ary_push(s->out, v);
}

static Value
enum_filter_map(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "filter_map", argc, argv, blk);
    St s = { .out = mg_ary_new(), .blk = blk };
    mg_enum_each(self, filter_map_i, &s);
    return s.out;
}

static void
partition_i(int argc, const Value *argv, void *p)
{
    St *s = p;
    Value i = PACK();
    bool t = MG_TEST(enum_yield(s->blk, argc, argv));
    mg_ary_push(APTR(s->out)[t ? 0 : 1], i);
}

static Value
enum_partition(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "partition", argc, argv, blk);
    St s = { .out = mg_ary_new_from(2, (Value[]){ mg_ary_new(), mg_ary_new() }), .blk = blk };
    mg_enum_each(self, partition_i, &s);
    return s.out;
}

static void
group_by_i(int argc, const Value *argv, void *p)
{
    St *s = p;
    Value i = PACK();
    Value k = enum_yield(s->blk, argc, argv);
    Value g = mg_hash_lookup(s->out, k);
    if (g == MG_UNDEF) {
        mg_gc_protect(k);
        g = mg_ary_new();
        mg_hash_aset(s->out, k, g);
    }
    mg_ary_push(g, i);
}

static Value
enum_group_by(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "group_by", argc, argv, blk);
    St s = { .out = mg_hash_new(), .blk = blk };
    mg_enum_each(self, group_by_i, &s);
    return s.out;
}

static void
tally_i(int argc, const Value *argv, void *p)
{
    St *s = p;
    Value i = PACK();
    Value c = mg_hash_lookup(s->out, i);
    if (c == MG_UNDEF) c = MG_FIX(1);
    else c = mg_funcall(c, mg_id_plus, 1, (Value[]){ MG_FIX(1) });
    mg_gc_protect(c);
    mg_hash_aset(s->out, i, c);
}

static Value
enum_tally(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    Value h = argc > 0 ? mg_to_hash(argv[0]) : mg_hash_new();
    if (argc > 0) MG_CHECK_FROZEN(h);
    St s = { .out = h };
    mg_enum_each(self, tally_i, &s);
    return s.out;
}

static void
uniq_i(int argc, const Value *argv, void *p)
{
    St *s = p;
    Value i = PACK();
    Value k = mg_block_given(s->blk) ? enum_yield_values(s->blk, argc, argv) : i;
    if (mg_hash_insert_new(s->memo, k, MG_TRUE)) mg_ary_push(s->out, i);
}

static Value
enum_uniq(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv);
    St s = { .out = mg_ary_new(), .blk = blk, .memo = mg_hash_new() };
    mg_enum_each(self, uniq_i, &s);
    return s.out;
}

static void
to_h_i(int argc, const Value *argv, void *p)
{
    St *s = p;
    mg_hash_aset_pair(s->out, mg_block_given(s->blk) ? enum_yield_values(s->blk, argc, argv) : PACK());
}

static Value
enum_to_h(Value self, int argc, const Value *argv, Value blk)
{
    St s = { .out = mg_hash_new(), .blk = blk };
    enum_each_args(self, argc, argv, to_h_i, &s);
    return s.out;
}

/* ---- searching ---- */

static void
find_i(int argc, const Value *argv, void *p)
{
    St *s = p;
    if (MG_TEST(enum_yield(s->blk, argc, argv))) {
        APTR(s->memo)[0] = PACK();
        s->i = 1;
        mg_enum_stop(s);
    }
}

static Value
enum_find(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "find", argc, argv, blk);
    St s = { .blk = blk, .memo = mg_ary_new_from(1, (Value[]){ MG_NIL }) };
    mg_enum_each_stoppable(self, find_i, &s);
    if (s.i) return APTR(s.memo)[0];
    if (argc > 0 && !MG_IS_NIL(argv[0])) return mg_funcall(argv[0], mg_id_call, 0, NULL);
    return MG_NIL;
}

static void
find_index_i(int argc, const Value *argv, void *p)
{
    St *s = p;
    bool hit;
    if (s->arg != MG_UNDEF) hit = mg_equal(PACK(), s->arg);
    else hit = MG_TEST(enum_yield_values(s->blk, argc, argv));
    if (hit) {
        s->n = 1;
        mg_enum_stop(s);
    }
    s->i++;
}

static Value
enum_find_index(Value self, int argc, const Value *argv, Value blk)
{
    if (argc == 0) MG_RETURN_ENUMERATOR(self, "find_index", argc, argv, blk);
    St s = { .blk = blk, .arg = argc > 0 ? argv[0] : MG_UNDEF };
    mg_enum_each_stoppable(self, find_index_i, &s);
    return s.n ? MG_FIX(s.i) : MG_NIL;
}

static void
first_i(int argc, const Value *argv, void *p)
{
    St *s = p;
    APTR(s->memo)[0] = PACK();
    s->i = 1;
    mg_enum_stop(s);
}

static Value
enum_first(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    if (argc > 0) {
        int64_t n = NUM2LONG(argv[0]);
        if (n < 0) mg_raise(mg_eArgumentError, "attempt to take negative size");
        return mg_enum_take(self, n);
    }
    St s = { .memo = mg_ary_new_from(1, (Value[]){ MG_NIL }) };
    mg_enum_each_stoppable(self, first_i, &s);
    return APTR(s.memo)[0];
}

static Value
enum_take(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    int64_t n = NUM2LONG(argv[0]);
    if (n < 0) mg_raise(mg_eArgumentError, "attempt to take negative size");
    return mg_enum_take(self, n);
}

static void
take_while_i(int argc, const Value *argv, void *p)
{
    St *s = p;
    if (!MG_TEST(enum_yield_values(s->blk, argc, argv))) mg_enum_stop(s);
    mg_ary_push(s->out, PACK());
}

static Value
enum_take_while(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "take_while", argc, argv, blk);
    St s = { .out = mg_ary_new(), .blk = blk };
    mg_enum_each_stoppable(self, take_while_i, &s);
    return s.out;
}

static void
drop_i(int argc, const Value *argv, void *p)
{
    St *s = p;
    if (s->i++ >= s->n) mg_ary_push(s->out, PACK());
}

static Value
enum_drop(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    int64_t n = NUM2LONG(argv[0]);
    if (n < 0) mg_raise(mg_eArgumentError, "attempt to drop negative size");
    St s = { .out = mg_ary_new(), .n = n };
    mg_enum_each(self, drop_i, &s);
    return s.out;
}

static void
drop_while_i(int argc, const Value *argv, void *p)
{
    St *s = p;
    if (!s->i && !MG_TEST(enum_yield(s->blk, argc, argv))) s->i = 1;
    if (s->i) mg_ary_push(s->out, PACK());
}

static Value
enum_drop_while(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "drop_while", argc, argv, blk);
    St s = { .out = mg_ary_new(), .blk = blk };
    mg_enum_each(self, drop_while_i, &s);
    return s.out;
}

static void
include_i(int argc, const Value *argv, void *p)
{
    St *s = p;
    if (mg_equal(PACK(), s->arg)) {
        s->i = 1;
        mg_enum_stop(s);
    }
}

static Value
enum_include_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    St s = { .arg = argv[0] };
    mg_enum_each_stoppable(self, include_i, &s);
    return MG_BOOL(s.i);
}

/* ---- predicates ---- */

/* kind 0 any?, 1 all?, 2 none?, 3 one? ; s->i = result so far, s->n = count for one? */
static void
pred_i(int argc, const Value *argv, void *p)
{
    St *s = p;
    bool t;
    if (s->arg != MG_UNDEF) {
        Value i = PACK();
        t = MG_TEST(mg_funcall(s->arg, mg_id_eqq, 1, &i));
    } else if (mg_block_given(s->blk)) {
        t = MG_TEST(enum_yield_values(s->blk, argc, argv));
    } else {
        t = MG_TEST(PACK());
    }
    switch ((int)MG_FIX2LONG(s->memo)) {
    case 0: if (t) { s->i = 1; mg_enum_stop(s); } break;
    case 1: if (!t) { s->i = 0; mg_enum_stop(s); } break;
    case 2: if (t) { s->i = 0; mg_enum_stop(s); } break;
    case 3:
        if (t && ++s->n > 1) { s->i = 0; mg_enum_stop(s); }
        break;
    }
}

static Value
enum_pred(Value self, int argc, const Value *argv, Value blk, int kind)
{
    St s = { .blk = blk, .arg = argc > 0 ? argv[0] : MG_UNDEF, .memo = MG_FIX(kind), .i = kind == 1 || kind == 2 };
    mg_enum_each_stoppable(self, pred_i, &s);
    if (kind == 3) return MG_BOOL(s.n == 1);
    return MG_BOOL(s.i);
}

static Value enum_any_p(Value self, int argc, const Value *argv, Value blk) { return enum_pred(self, argc, argv, blk, 0); }
static Value enum_all_p(Value self, int argc, const Value *argv, Value blk) { return enum_pred(self, argc, argv, blk, 1); }
static Value enum_none_p(Value self, int argc, const Value *argv, Value blk) { return enum_pred(self, argc, argv, blk, 2); }
static Value enum_one_p(Value self, int argc, const Value *argv, Value blk) { return enum_pred(self, argc, argv, blk, 3); }

/* ---- counting and folding ---- */

static void
count_i(int argc, const Value *argv, void *p)
{
    St *s = p;
    if (s->arg != MG_UNDEF) {
        if (mg_equal(PACK(), s->arg)) s->n++;
    } else if (mg_block_given(s->blk)) {
        if (MG_TEST(enum_yield_values(s->blk, argc, argv))) s->n++;
    } else {
        s->n++;
    }
}

static Value
enum_count(Value self, int argc, const Value *argv, Value blk)
{
    St s = { .blk = blk, .arg = argc > 0 ? argv[0] : MG_UNDEF };
    mg_enum_each(self, count_i, &s);
    return MG_FIX(s.n);
}

static void
inject_i(int argc, const Value *argv, void *p)
{
    St *s = p;
    Value i = PACK();
    Value *acc = &APTR(s->memo)[0];
    if (*acc == MG_UNDEF) {
        *acc = i;
        return;
    }
    if (s->arg != MG_UNDEF) {
        ID op = MG_SYM2ID(s->arg);
        if (op == mg_id_plus && MG_IS_FIXNUM(*acc) && MG_IS_FIXNUM(i)) {
            Value r = mg_int_plus(*acc, i);
            APTR(s->memo)[0] = r;
        } else {
            Value r = mg_funcall(*acc, op, 1, &i);
            APTR(s->memo)[0] = r;
        }
    } else {
        Value args[2] = { *acc, i };
        Value r = mg_yield(s->blk, 2, args);
        APTR(s->memo)[0] = r;
    }
}

static Value
enum_inject(Value self, int argc, const Value *argv, Value blk)
{
    Value init = MG_UNDEF, op = MG_UNDEF;
    if (argc == 2) {
        init = argv[0];
        op = MG_SYM(mg_to_id(argv[1]));
    } else if (argc == 1 && !mg_block_given(blk)) {
        op = MG_SYM(mg_to_id(argv[0]));
    } else if (argc == 1) {
        init = argv[0];
    } else if (!mg_block_given(blk)) {
        mg_raise(mg_eLocalJumpError, "no block given");
    }
    /* memo[0] holds the accumulator (MG_UNDEF until the first element); a
     * one-slot Array keeps it marked. The slot is read back after each. */
    Value memo = mg_ary_new_from(1, (Value[]){ MG_NIL });
    APTR(memo)[0] = init;
    St s = { .blk = blk, .arg = op, .memo = memo };
    mg_enum_each(self, inject_i, &s);
    Value r = APTR(memo)[0];
    return r == MG_UNDEF ? MG_NIL : r;
}

typedef struct { SumState sum; Value blk; Value memo; } SumSt;

static void
sum_i(int argc, const Value *argv, void *p)
{
    SumSt *s = p;
    Value e = mg_block_given(s->blk) ? enum_yield(s->blk, argc, argv) : PACK();
    mg_sum_add(&s->sum, e);
    APTR(s->memo)[0] = s->sum.v;
}

static Value
enum_sum(Value self, int argc, const Value *argv, Value blk)
{
    SumSt s;
    Value init = argc > 0 ? argv[0] : MG_FIX(0);
    mg_sum_init(&s.sum, init);
    /* Enumerable#sum adds to a non-numeric init with its + from the start
     * ((1..3).each.sum("") is "no implicit conversion of Integer into String");
     * Array#sum keeps its exact phase, as in CRuby */
    if (!MG_IS_INTEGER(init) && !MG_IS_FLOAT(init) && !mg_obj_is_kind_of(init, mg_cRational)) s.sum.mode = SUM_GENERIC;
    s.blk = blk;
    s.memo = mg_ary_new_from(1, &s.sum.v);
    mg_enum_each(self, sum_i, &s);
    return mg_sum_finish(&s.sum);
}

/* ---- min / max ---- */

/* memo = [best, best_key]; s->n = sign; s->i = seen */
static void
minmax_i(int argc, const Value *argv, void *p)
{
    St *s = p;
    Value i = PACK();
    Value *m = APTR(s->memo);
    if (!s->i) {
        m[0] = i;
        s->i = 1;
        return;
    }
    int c;
    if (mg_block_given(s->blk)) {
        Value args[2] = { i, m[0] };
        c = mg_cmpint(mg_yield(s->blk, 2, args), i, m[0]);
    } else {
        c = mg_cmp_fast(i, APTR(s->memo)[0]);
    }
    if (c * s->n > 0) APTR(s->memo)[0] = i;
}

/* min(n), max(n), min_by(n), max_by(n): each value goes to the selection as it comes */
typedef struct { NMin m; Value blk; } NMinSt;

static void
nmin_i(int argc, const Value *argv, void *p)
{
    NMinSt *s = p;
    Value i = PACK();
    mg_nmin_add(&s->m, i, s->m.by ? enum_yield(s->blk, argc, argv) : MG_NIL);
}

static Value
enum_nmin(Value self, Value nv, Value blk, bool by, int sign)
{
    NMinSt s = { .blk = blk };
    if (!mg_nmin_init(&s.m, nv, by ? MG_NIL : blk, by, sign > 0)) return mg_ary_new();
    mg_enum_each(self, nmin_i, &s);
    return mg_nmin_finish(&s.m);
}

static Value
enum_extreme(Value self, int argc, const Value *argv, Value blk, int sign)
{
    if (argc > 0 && !MG_IS_NIL(argv[0])) return enum_nmin(self, argv[0], blk, false, sign);
    St s = { .blk = blk, .n = sign, .memo = mg_ary_new_from(2, (Value[]){ MG_NIL, MG_NIL }) };
    mg_enum_each(self, minmax_i, &s);
    return APTR(s.memo)[0];
}

static Value enum_min(Value self, int argc, const Value *argv, Value blk) { return enum_extreme(self, argc, argv, blk, -1); }
static Value enum_max(Value self, int argc, const Value *argv, Value blk) { return enum_extreme(self, argc, argv, blk, 1); }

static Value
enum_minmax(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv);
    Value a = mg_enum_to_a(self);
    return mg_funcall_block(a, mg_intern_cstr("minmax"), 0, NULL, blk);
}

static void
by_i(int argc, const Value *argv, void *p)
{
    St *s = p;
    Value i = PACK();
    Value k = enum_yield(s->blk, argc, argv);
    Value *m = APTR(s->memo);
    if (!s->i || mg_cmp_fast(k, m[1]) * s->n > 0) {
        APTR(s->memo)[0] = i;
        APTR(s->memo)[1] = k;
        s->i = 1;
    }
}

/* sorted by the block's keys: the values and keys, as [vals, keys] */
static void
keys_i(int argc, const Value *argv, void *p)
{
    St *s = p;
    Value i = PACK();
    Value k = enum_yield(s->blk, argc, argv);
    mg_ary_push(APTR(s->out)[0], i);
    mg_ary_push(APTR(s->out)[1], k);
}

static Value
enum_sort_by(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "sort_by", argc, argv, blk);
    St s = { .blk = blk, .out = mg_ary_new_from(2, (Value[]){ mg_ary_new(), mg_ary_new() }) };
    mg_enum_each(self, keys_i, &s);
    return mg_sort_by_keys(APTR(s.out)[0], APTR(s.out)[1]);
}

static Value
enum_min_by(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "min_by", argc, argv, blk);
    if (argc > 0 && !MG_IS_NIL(argv[0])) return enum_nmin(self, argv[0], blk, true, -1);
    St s = { .blk = blk, .n = -1, .memo = mg_ary_new_from(2, (Value[]){ MG_NIL, MG_NIL }) };
    mg_enum_each(self, by_i, &s);
    return APTR(s.memo)[0];
}

static Value
enum_max_by(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "max_by", argc, argv, blk);
    if (argc > 0 && !MG_IS_NIL(argv[0])) return enum_nmin(self, argv[0], blk, true, 1);
    St s = { .blk = blk, .n = 1, .memo = mg_ary_new_from(2, (Value[]){ MG_NIL, MG_NIL }) };
    mg_enum_each(self, by_i, &s);
    return APTR(s.memo)[0];
}

static Value
enum_minmax_by(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "minmax_by", argc, argv, blk);
    St s = { .blk = blk, .out = mg_ary_new_from(2, (Value[]){ mg_ary_new(), mg_ary_new() }) };
    mg_enum_each(self, keys_i, &s);
    Value vals = APTR(s.out)[0], keys = APTR(s.out)[1];
    if (ALEN(vals) == 0) return mg_ary_new_from(2, (Value[]){ MG_NIL, MG_NIL });
    int64_t mi = 0, ma = 0;
    for (int64_t i = 1; i < ALEN(vals); i++) {
        if (mg_cmp_fast(APTR(keys)[i], APTR(keys)[mi]) < 0) mi = i;
        if (mg_cmp_fast(APTR(keys)[i], APTR(keys)[ma]) > 0) ma = i;
    }
    return mg_ary_new_from(2, (Value[]){ APTR(vals)[mi], APTR(vals)[ma] });
}

static Value
enum_sort(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv);
    Value a = mg_enum_to_a(self);
    mg_sort_values(APTR(a), ALEN(a), blk);
    return a;
}

/* ---- iteration helpers ---- */

static void
ewi_i(int argc, const Value *argv, void *p)
{
    St *s = p;
    Value args[2] = { PACK(), MG_FIX(s->i) };
    s->i++;
    mg_yield(s->blk, 2, args);
}

static Value
enum_each_with_index(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each_with_index", argc, argv, blk);
    St s = { .blk = blk };
    enum_each_args(self, argc, argv, ewi_i, &s);
    return self;
}

static void
ewo_i(int argc, const Value *argv, void *p)
{
    St *s = p;
    Value args[2] = { PACK(), s->memo };
    mg_yield(s->blk, 2, args);
}

static Value
enum_each_with_object(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each_with_object", argc, argv, blk);
    St s = { .blk = blk, .memo = argv[0] };
    mg_enum_each(self, ewo_i, &s);
    return argv[0];
}

static void
each_entry_i(int argc, const Value *argv, void *p)
{
    St *s = p;
    mg_yield1(s->blk, PACK());
}

static Value
enum_each_entry(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each_entry", argc, argv, blk);
    St s = { .blk = blk };
    enum_each_args(self, argc, argv, each_entry_i, &s);
    return self;
}

static Value
enum_reverse_each(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "reverse_each", argc, argv, blk);
    Value a = enum_to_a(self, argc, argv, MG_NIL);
    for (int64_t i = ALEN(a); i-- > 0;) {
        if (i >= ALEN(a)) continue;
        mg_yield1_discard(blk, APTR(a)[i]);
    }
    return self;
}

static void
slice_i(int argc, const Value *argv, void *p)
{
    St *s = p;
    mg_ary_push(s->out, PACK());
    if (ALEN(s->out) == s->n) {
        Value chunk = s->out;
        s->out = mg_ary_new_capa(s->n);
        APTR(s->memo)[0] = s->out;
        mg_yield1(s->blk, chunk);
    }
}

static Value
enum_each_slice(Value self, int argc, const Value *argv, Value blk)
{
    int64_t n = NUM2LONG(argv[0]);
    if (n <= 0) mg_raise(mg_eArgumentError, "invalid slice size");
    MG_RETURN_ENUMERATOR(self, "each_slice", argc, argv, blk);
    St s = { .blk = blk, .n = n, .out = mg_ary_new_capa(n) };
    s.memo = mg_ary_new_from(1, &s.out);
    mg_enum_each(self, slice_i, &s);
    if (ALEN(s.out) > 0) mg_yield1(blk, s.out);
    return self;
}

static void
cons_i(int argc, const Value *argv, void *p)
{
    St *s = p;
    if (ALEN(s->out) == s->n) mg_ary_shift(s->out);
    mg_ary_push(s->out, PACK());
    if (ALEN(s->out) == s->n) mg_yield1(s->blk, mg_ary_dup(s->out));
}

static Value
enum_each_cons(Value self, int argc, const Value *argv, Value blk)
{
    int64_t n = NUM2LONG(argv[0]);
    if (n <= 0) mg_raise(mg_eArgumentError, "invalid size");
    MG_RETURN_ENUMERATOR(self, "each_cons", argc, argv, blk);
    St s = { .blk = blk, .n = n, .out = mg_ary_new_capa(n) };
    mg_enum_each(self, cons_i, &s);
    return self;
}

static void
cycle_i(int argc, const Value *argv, void *p)
{
    St *s = p;
    Value i = PACK();
    mg_ary_push(s->out, i);
    mg_yield1(s->blk, i);
}

static Value
enum_cycle(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "cycle", argc, argv, blk);
    int64_t n = -1;
    if (argc > 0 && !MG_IS_NIL(argv[0])) {
        n = NUM2LONG(argv[0]);
        if (n <= 0) return MG_NIL;
    }
    Value saved = mg_ary_new();
    St s = { .out = saved, .blk = blk };
    /* the first pass yields while saving */
    mg_enum_each(self, cycle_i, &s);
    if (ALEN(saved) == 0) return MG_NIL;
    if (n > 0) n--;
    while (n < 0 || n-- > 0)
        for (int64_t i = 0; i < ALEN(saved); i++) mg_yield1_discard(blk, APTR(saved)[i]);
    return MG_NIL;
}

static void
zip_i(int argc, const Value *argv, void *p)
{
    St *s = p;
    Value others = s->memo;
    Value t = mg_ary_new_capa(ALEN(others) + 1);
    mg_ary_push(t, PACK());
    for (int64_t k = 0; k < ALEN(others); k++) mg_ary_push(t, mg_ary_entry(APTR(others)[k], s->i));
    s->i++;
    if (mg_block_given(s->blk)) mg_yield1(s->blk, t);
    else mg_ary_push(s->out, t);
}

static Value
enum_zip(Value self, int argc, const Value *argv, Value blk)
{
    Value others = mg_ary_new_capa(argc);
    Value mine = MG_NIL;
    for (int i = 0; i < argc; i++) {
        Value o = mg_check_array(argv[i]);
        if (MG_IS_NIL(o)) {
            if (!mg_respond_to(argv[i], mg_id_each, true))
                mg_raise(mg_eTypeError, "wrong argument type %s (must respond to :each)",
                         mg_class_cname(mg_obj_class(argv[i])));
            if (MG_IS_NIL(mine)) mine = mg_enum_to_a(self);
            o = mg_enum_take(argv[i], ALEN(mine));
        }
        mg_ary_push(others, o);
    }
    St s = { .blk = blk, .memo = others, .out = mg_ary_new() };
    if (!MG_IS_NIL(mine)) {
        for (int64_t i = 0; i < ALEN(mine); i++) zip_i(1, &APTR(mine)[i], &s);
    } else {
        mg_enum_each(self, zip_i, &s);
    }
    return mg_block_given(blk) ? MG_NIL : s.out;
}

/* chunk streams, as CRuby's: the Enumerator's generator runs `each` and
 * hands each finished run [key, elements] to the yielder, so an endless
 * source works (first(n)). The state of one run is the Array
 * [yielder, block, key, elements] (elements nil: no open run). */
static bool
sym_named(Value k, const char *name)
{
    return MG_IS_SYMBOL(k) && strcmp(mg_id_name(MG_SYM2ID(k), NULL), name) == 0;
}

static void
chunk_flush(Value st)
{
    if (MG_IS_NIL(APTR(st)[3])) return;
    Value pair = mg_ary_new_from(2, (Value[]){ APTR(st)[2], APTR(st)[3] });
    APTR(st)[3] = MG_NIL;
    mg_funcall(APTR(st)[0], mg_intern_cstr("<<"), 1, &pair);
}

static Value
chunk_elem_fn(Value arg, Value st, int argc, const Value *argv, Value blk)
{
    UNUSED(arg); UNUSED(blk);
    Value e = PACK();
    Value k = mg_yield1(APTR(st)[1], e);
    if (MG_IS_NIL(k) || sym_named(k, "_separator")) {
        chunk_flush(st);
    } else if (sym_named(k, "_alone")) {
        chunk_flush(st);
        Value pair = mg_ary_new_from(2, (Value[]){ k, mg_ary_new_from(1, &e) });
        mg_funcall(APTR(st)[0], mg_intern_cstr("<<"), 1, &pair);
    } else if (MG_IS_SYMBOL(k) && mg_id_name(MG_SYM2ID(k), NULL)[0] == '_') {
        mg_raise(mg_eRuntimeError, "symbols beginning with an underscore are reserved");
    } else if (!MG_IS_NIL(APTR(st)[3]) && mg_equal(APTR(st)[2], k)) {
        mg_ary_push(APTR(st)[3], e);
    } else {
        chunk_flush(st);
        APTR(st)[2] = k;
        Value run = mg_ary_new_from(1, &e);
        mg_ary_store(st, 3, run);
    }
    return MG_NIL;
}

/* the generator: data is [enumerable, block], arg the yielder */
static Value
chunk_gen_fn(Value yielder, Value data, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Value st = mg_ary_new_from(4, (Value[]){ yielder, APTR(data)[1], MG_NIL, MG_NIL });
    Value inner = mg_proc_new_cfunc(chunk_elem_fn, st, false);
    mg_funcall_block(APTR(data)[0], mg_id_each, 0, NULL, inner);
    chunk_flush(st);
    return MG_NIL;
}

static Value
enum_chunk(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "chunk", argc, argv, blk);
    Value data = mg_ary_new_from(2, (Value[]){ self, blk });
    Value gen = mg_proc_new_cfunc(chunk_gen_fn, data, false);
    return mg_funcall_block(MG_VAL(mg_cEnumerator), mg_intern_cstr("new"), 0, NULL, gen);
}

static const MgMethodDef enum_methods[] = {
    {"to_a", enum_to_a, 0, -1},
    {"entries", enum_to_a, 0, -1},
    {"map", enum_map, 0, 0},
    {"collect", enum_map, 0, 0},
    {"flat_map", enum_flat_map, 0, 0},
    {"collect_concat", enum_flat_map, 0, 0},
    {"select", enum_select, 0, 0},
    {"filter", enum_select, 0, 0},
    {"find_all", enum_select, 0, 0},
    {"grep", enum_grep, 1, 1},
    {"grep_v", enum_grep_v, 1, 1},
    {"filter_map", enum_filter_map, 0, 0},
    {"reject", enum_reject, 0, 0},
    {"partition", enum_partition, 0, 0},
    {"group_by", enum_group_by, 0, 0},
    {"tally", enum_tally, 0, 1},
    {"uniq", enum_uniq, 0, 0},
    {"to_h", enum_to_h, 0, -1},
    {"find", enum_find, 0, 1},
    {"detect", enum_find, 0, 1},
    {"find_index", enum_find_index, 0, 1},
    {"first", enum_first, 0, 1},
    {"take", enum_take, 1, 1},
    {"take_while", enum_take_while, 0, 0},
    {"drop", enum_drop, 1, 1},
    {"drop_while", enum_drop_while, 0, 0},
    {"include?", enum_include_p, 1, 1},
    {"member?", enum_include_p, 1, 1},
    {"any?", enum_any_p, 0, 1},
    {"all?", enum_all_p, 0, 1},
    {"none?", enum_none_p, 0, 1},
    {"one?", enum_one_p, 0, 1},
    {"count", enum_count, 0, 1},
    {"inject", enum_inject, 0, 2},
    {"reduce", enum_inject, 0, 2},
    {"sum", enum_sum, 0, 1},
    {"min", enum_min, 0, 1},
    {"max", enum_max, 0, 1},
    {"minmax", enum_minmax, 0, 0},
    {"min_by", enum_min_by, 0, 1},
    {"max_by", enum_max_by, 0, 1},
    {"minmax_by", enum_minmax_by, 0, 0},
    {"sort", enum_sort, 0, 0},
    {"sort_by", enum_sort_by, 0, 0},
    {"each_with_index", enum_each_with_index, 0, -1},
    {"each_with_object", enum_each_with_object, 1, 1},
    {"each_entry", enum_each_entry, 0, -1},
    {"reverse_each", enum_reverse_each, 0, -1},
    {"each_slice", enum_each_slice, 1, 1},
    {"each_cons", enum_each_cons, 1, 1},
    {"cycle", enum_cycle, 0, 1},
    {"zip", enum_zip, 0, -1},
    {"chunk", enum_chunk, 0, 0},
    {"compact", enum_compact, 0, 0},
    {NULL, NULL, 0, 0}
};

void
mg_init_enum(void)
{
    mg_define_methods(mg_mEnumerable, enum_methods);
}
