/* enumerator.c -- Enumerator: an object holding receiver, method and
 * arguments whose `each` re-sends the call with the block; Enumerable is
 * included. with_index, each_with_index, with_object, size, inspect;
 * Enumerator.new with a Yielder; external iteration (next, peek, rewind,
 * next_values, peek_values, feed) runs `each` in a Fiber (vm/fiber.c) that
 * pauses at every value. Lazy and Chain are Ruby (lib/prelude/enumerator.rb).
 * State is kept in hidden ivars so enumerators are ordinary T_OBJECTs. */
#include "coll_int.h"
#include "../vm/fiber.h"
#include <math.h>

static RClass *cYielder, *cGenerator;
static ID id_recv, id_meth, id_args, id_size, id_proc, id_blk, id_kw, id_fib, id_peek, id_stop, id_feed, id_state;

Value
mg_enumerator_new(Value obj, ID meth, int argc, const Value *argv)
{
    return mg_enumerator_new_of(mg_cEnumerator, obj, meth, argc, argv);
}

Value
mg_enumerator_new_of(RClass *klass, Value obj, ID meth, int argc, const Value *argv)
{
    Value e = mg_obj_alloc(klass);
    mg_ivar_set(e, id_recv, obj);
    mg_ivar_set(e, id_meth, MG_SYM(meth));
    mg_ivar_set(e, id_args, mg_ary_new_from(argc, argv));
    /* keyword arguments of the creating call are passed on as keywords */
    if (argc > 0 && MG_IS_HASH(argv[argc - 1]) && mg_kw_given()) mg_ivar_set(e, id_kw, MG_TRUE);
    return e;
}

static Value ivar_or_nil(Value self, ID id);

Value
mg_enumerator_receiver(Value e)
{
    return ivar_or_nil(e, id_recv);
}

Value
mg_enumerator_args(Value e)
{
    return ivar_or_nil(e, id_args);
}

bool
mg_enumerator_kw_p(Value e)
{
    return ivar_or_nil(e, id_kw) == MG_TRUE;
}

ID
mg_enumerator_method(Value e)
{
    Value m = ivar_or_nil(e, id_meth);
    return MG_IS_SYMBOL(m) ? MG_SYM2ID(m) : mg_id_each;
}

void
mg_enumerator_set_size(Value e, Value size)
{
    mg_ivar_set(e, id_size, size);
}

static Value
enumerator_send(Value self, Value blk)
{
    Value recv = mg_ivar_get(self, id_recv);
    Value meth = mg_ivar_get(self, id_meth);
    Value args = mg_ivar_get(self, id_args);
    if (!MG_IS_SYMBOL(meth)) mg_raise(mg_eArgumentError, "uninitialized enumerator");
    if (!MG_IS_ARRAY(args)) args = mg_ary_new();
    if (ALEN(args) > 0 && mg_ivar_get(self, id_kw) == MG_TRUE)
        return mg_funcall_kw(recv, MG_SYM2ID(meth), (int)ALEN(args), APTR(args), blk);
    return mg_funcall_block(recv, MG_SYM2ID(meth), (int)ALEN(args), APTR(args), blk);
}

static Value
enumerator_each(Value self, int argc, const Value *argv, Value blk)
{
    if (argc > 0) {
        /* e.each(extra) appends arguments: a new enumerator */
        Value args = mg_ary_dup(mg_ivar_get(self, id_args));
        for (int i = 0; i < argc; i++) mg_ary_push(args, argv[i]);
        Value e = mg_enumerator_new(mg_ivar_get(self, id_recv), MG_SYM2ID(mg_ivar_get(self, id_meth)),
                                    (int)ALEN(args), APTR(args));
        mg_enumerator_set_size(e, MG_NIL);      /* as CRuby: the size is not known with other arguments */
        if (!mg_block_given(blk)) return e;
        return enumerator_send(e, blk);
    }
    if (!mg_block_given(blk)) return self;
    return enumerator_send(self, blk);
}

/* self.each(&blk): dynamic, so subclasses (Lazy, Chain) iterate their own way */
static Value
each_of(Value self, Value blk)
{
    return mg_funcall_block(self, mg_id_each, 0, NULL, blk);
}

/* data = [user block, counter] */
static Value
with_index_fn(Value arg, Value data, int argc, const Value *argv, Value blk)
{
    UNUSED(arg); UNUSED(blk);
    Value i = APTR(data)[1];
    APTR(data)[1] = mg_int_plus(i, MG_FIX(1));
    Value args[2] = { mg_yield_pack(argc, argv), i };
    return mg_yield(APTR(data)[0], 2, args);
}

static Value
enumerator_with_index(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "with_index", argc, argv, blk);
    Value off = argc > 0 && !MG_IS_NIL(argv[0]) ? mg_to_int(argv[0]) : MG_FIX(0);
    Value data = mg_ary_new_from(2, (Value[]){ blk, off });
    return each_of(self, mg_proc_new_cfunc(with_index_fn, data, false));
}

static Value
enumerator_each_with_index(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each_with_index", argc, argv, blk);
    Value data = mg_ary_new_from(2, (Value[]){ blk, MG_FIX(0) });
    return each_of(self, mg_proc_new_cfunc(with_index_fn, data, false));
}

/* data = [user block, memo] */
static Value
with_object_fn(Value arg, Value data, int argc, const Value *argv, Value blk)
{
    UNUSED(arg); UNUSED(blk);
    Value args[2] = { mg_yield_pack(argc, argv), APTR(data)[1] };
    return mg_yield(APTR(data)[0], 2, args);
}

static Value
enumerator_with_object(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "with_object", argc, argv, blk);
    Value data = mg_ary_new_from(2, (Value[]){ blk, argv[0] });
    each_of(self, mg_proc_new_cfunc(with_object_fn, data, false));
    return argv[0];
}

static bool
meth_in(ID m, const char *const *names)
{
    const char *s = mg_id_name(m, NULL);
    for (; *names; names++)
        if (strcmp(s, *names) == 0) return true;
    return false;
}

static const char *const size_same[] = {
    "each", "each_index", "each_with_index", "map", "collect", "flat_map", "collect_concat",
    "select", "filter", "reject", "filter_map", "reverse_each", "sort_by", "min_by", "max_by",
    "minmax_by", "group_by", "partition", "each_entry", "map!", "collect!", "select!", "filter!",
    "reject!", "keep_if", "delete_if", "each_key", "each_value", "each_pair", "find_all",
    "transform_values", "transform_keys", "transform_values!", "transform_keys!", "uniq",
    "sort_by!", "each_char", "chars", "bytes", "each_byte", "with_index", "with_object",
    "each_with_object", NULL
};


/* n!/(n-k)!, or that over k! (binomial): the sizes of Array#permutation and #combination */
static Value
falling(int64_t n, int64_t k, bool over_k)
{
    Value r = MG_FIX(1);
    for (int64_t i = 1; i <= k; i++) {
        r = mg_int_mul(r, MG_FIX(over_k ? n - k + i : n - i + 1));
        if (over_k) r = mg_int_div(r, MG_FIX(i));         /* exact: a product of i consecutive numbers */
    }
    return r;
}

/* Enumerator#size of Array#combination, #permutation, #repeated_combination
 * and #repeated_permutation of n elements, k (nil: n) at a time, as CRuby
 * counts them; MG_UNDEF for other methods. */
static Value
combinatorics_size(const char *name, int64_t n, Value kv)
{
    bool perm = !strcmp(name, "permutation");
    if (!perm && strcmp(name, "combination") && strcmp(name, "repeated_combination") && strcmp(name, "repeated_permutation"))
        return MG_UNDEF;
    int64_t k = kv == MG_NIL ? n : NUM2LONG(kv);
    if (k < 0) return MG_FIX(0);
    if (perm) return k > n ? MG_FIX(0) : falling(n, k, false);
    if (!strcmp(name, "combination")) return k > n ? MG_FIX(0) : falling(n, k < n - k ? k : n - k, true);
    if (!strcmp(name, "repeated_permutation")) return mg_int_pow(MG_FIX(n), MG_FIX(k));
    if (k == 0) return MG_FIX(1);
    return n == 0 ? MG_FIX(0) : falling(n + k - 1, k, true);
}

static Value
enumerator_size(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Value sz = mg_ivar_lookup(self, id_size);
    if (sz != MG_UNDEF) {
        bool proc = mg_obj_is_kind_of(sz, mg_cProc);
        if (!proc && !mg_respond_to(sz, mg_id_call, false)) return sz;
        Value a = ivar_or_nil(self, id_args);
        int n = MG_IS_ARRAY(a) ? (int)ALEN(a) : 0;
        const Value *av = MG_IS_ARRAY(a) ? APTR(a) : NULL;
        return proc ? mg_proc_call(sz, n, av, MG_NIL) : mg_funcall(sz, mg_id_call, n, av);
    }
    Value recv = mg_ivar_get(self, id_recv);
    Value meth = mg_ivar_get(self, id_meth);
    Value args = mg_ivar_get(self, id_args);
    if (!MG_IS_SYMBOL(meth)) return MG_NIL;
    ID m = MG_SYM2ID(meth);
    bool of_enum = mg_obj_is_kind_of(recv, mg_cEnumerator);
    if (of_enum && meth_in(m, size_same)) return mg_funcall(recv, mg_id_size, 0, NULL);   /* Lazy's is Ruby */
    bool sized = of_enum || MG_IS_ARRAY(recv) || MG_IS_HASH(recv) || MG_IS_TYPE(recv, T_RANGE) ||
                 mg_obj_is_kind_of(recv, mg_cStruct);
    const char *mname = mg_id_name(m, NULL);
    if (strcmp(mname, "loop") == 0) return mg_float_new(INFINITY);
    if (MG_IS_INTEGER(recv) && strcmp(mname, "times") == 0)
        return mg_int_cmp(recv, MG_FIX(0)) < 0 ? MG_FIX(0) : recv;
    int64_t nargs = MG_IS_ARRAY(args) ? ALEN(args) : 0;
    if (MG_IS_FIXNUM(recv) && nargs == 1 && MG_IS_FIXNUM(APTR(args)[0]) &&
        (strcmp(mname, "upto") == 0 || strcmp(mname, "downto") == 0)) {
        int64_t a = MG_FIX2LONG(recv), b = MG_FIX2LONG(APTR(args)[0]);
        int64_t n = mname[0] == 'u' ? b - a + 1 : a - b + 1;
        return MG_FIX(n < 0 ? 0 : n);
    }
    if (MG_IS_TYPE(recv, T_RANGE) && (strcmp(mname, "step") == 0 || strcmp(mname, "%") == 0)) {
        Value b, e, st = nargs > 0 ? APTR(args)[0] : MG_FIX(1);
        bool x;
        mg_range_values(recv, &b, &e, &x);
        if (MG_IS_FIXNUM(b) && MG_IS_FIXNUM(e) && MG_IS_FIXNUM(st) && MG_FIX2LONG(st) > 0) {
            int64_t lo = MG_FIX2LONG(b), hi = MG_FIX2LONG(e), k = MG_FIX2LONG(st);
            if (x) hi--;
            return MG_FIX(hi < lo ? 0 : (hi - lo) / k + 1);
        }
        if (MG_IS_NIL(e) && (MG_IS_INTEGER(b) || MG_IS_FLOAT(b))) return mg_float_new(INFINITY);
        if ((MG_IS_FLOAT(b) || MG_IS_FLOAT(e) || MG_IS_FLOAT(st)) && !MG_IS_NIL(e) &&
            (MG_IS_INTEGER(b) || MG_IS_FLOAT(b)) && (MG_IS_INTEGER(e) || MG_IS_FLOAT(e))) {
            double db = mg_num2dbl(b), de = mg_num2dbl(e), u = mg_num2dbl(st);
            double n = (de - db) / u, err = (fabs(db) + fabs(de) + fabs(de - db)) / fabs(u) * 2.220446049250313e-16;
            if (err > 0.5) err = 0.5;
            if (x) {
                if (n <= 0) return MG_FIX(0);
                n = n < 1 ? 0 : floor(n - err);
                double d = (n + 1) * u + db;
                if ((db < de && d < de) || (db > de && d > de)) n++;
                return mg_dbl_to_int(n + 1);
            }
            if (n < 0) return MG_FIX(0);
            return mg_dbl_to_int(floor(n + err) + 1);
        }
        return MG_NIL;
    }
    if (MG_IS_ARRAY(recv)) {
        Value c = combinatorics_size(mname, ALEN(recv), nargs > 0 ? APTR(args)[0] : MG_NIL);
        if (c != MG_UNDEF) return c;
    }
    if (MG_IS_STRING(recv)) {          /* each_line has no size, as in CRuby */
        if (!strcmp(mname, "each_char") || !strcmp(mname, "each_codepoint")) return mg_funcall(recv, mg_id_size, 0, NULL);
        if (!strcmp(mname, "each_byte")) return MG_FIX(mg_str_len(recv));
        if (!strcmp(mname, "each_grapheme_cluster")) return MG_FIX(mg_ary_len(mg_funcall(recv, mg_intern_cstr("grapheme_clusters"), 0, NULL)));
    }
    if (!sized) return MG_NIL;
    Value n = mg_funcall(recv, mg_id_size, 0, NULL);
    if (of_enum && strcmp(mg_id_name(m, NULL), "each_slice") && strcmp(mg_id_name(m, NULL), "each_cons")) return MG_NIL;
    if (meth_in(m, size_same)) return n;
    const char *name = mg_id_name(m, NULL);
    if (MG_IS_FIXNUM(n) && MG_IS_ARRAY(args) && ALEN(args) > 0 && MG_IS_FIXNUM(APTR(args)[0])) {
        int64_t len = MG_FIX2LONG(n), k = MG_FIX2LONG(APTR(args)[0]);
        if (strcmp(name, "each_slice") == 0 && k > 0) return MG_FIX((len + k - 1) / k);
        if (strcmp(name, "each_cons") == 0 && k > 0) return MG_FIX(len - k + 1 > 0 ? len - k + 1 : 0);
    }
    if (MG_IS_FLOAT(n) && isinf(mg_float_value(n)) && (strcmp(name, "each_slice") == 0 || strcmp(name, "each_cons") == 0))
        return n;      /* (1..).each_slice(2).size is Infinity */
    if (strcmp(name, "cycle") == 0) {
        if (MG_IS_FIXNUM(n) && MG_FIX2LONG(n) == 0) return MG_FIX(0);
        if (MG_IS_ARRAY(args) && ALEN(args) > 0 && !MG_IS_NIL(APTR(args)[0]))
            return mg_int_mul(n, MG_FIX(NUM2LONG(APTR(args)[0]) < 0 ? 0 : NUM2LONG(APTR(args)[0])));
        return mg_float_new(INFINITY);
    }
    return MG_NIL;
}

static Value
enumerator_inspect(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Value s = mg_str_new("#<", 2);
    mg_str_append(s, mg_class_path(mg_obj_class(self)));
    mg_str_cat(s, ": ", 2);
    Value recv = mg_ivar_get(self, id_recv);
    Value meth = mg_ivar_get(self, id_meth);
    Value args = mg_ivar_get(self, id_args);
    mg_str_append(s, mg_inspect(recv));
    if (MG_IS_SYMBOL(meth)) {
        mg_str_cat(s, ":", 1);
        mg_str_cat_cstr(s, mg_id_name(MG_SYM2ID(meth), NULL));
    }
    if (MG_IS_ARRAY(args) && ALEN(args) > 0) {
        mg_str_cat(s, "(", 1);
        for (int64_t i = 0; i < ALEN(args); i++) {
            if (i) mg_str_cat(s, ", ", 2);
            mg_str_append(s, mg_inspect(APTR(args)[i]));
        }
        mg_str_cat(s, ")", 1);
    }
    mg_str_cat(s, ">", 1);
    return s;
}

/* ---- external iteration: a fiber runs `each`, pausing at every value ----
 * __fib__ the Fiber (nil before the first next and after the end),
 * __peek__ the values of a peeked element (Array) or nil,
 * __stop__ the StopIteration to raise once `each` has returned (nil),
 * __feed__ the value Enumerator#feed set for the next yield to return. */

static Value
resume_fn(Value arg)
{
    MgFiber *f = ((struct { MgFiber *f; } *)(uintptr_t)arg)->f;
    return mg_fiber_resume(f, 0, NULL);
}

static Value
next_yield_fn(Value arg, Value data, int argc, const Value *argv, Value blk)
{
    UNUSED(arg); UNUSED(blk);
    Value vals = mg_ary_new_from(argc, argv);
    Value r = mg_fiber_yield(1, &vals);
    Value feed = mg_ivar_lookup(data, id_feed);
    if (feed != MG_UNDEF && feed != MG_NIL) {
        mg_ivar_set(data, id_feed, MG_NIL);
        return mg_ary_entry(feed, 0);
    }
    return r;
}

static Value
next_body(Value arg, Value data, int argc, const Value *argv, Value blk)
{
    UNUSED(arg); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Value r = mg_funcall_block(data, mg_id_each, 0, NULL, mg_proc_new_cfunc(next_yield_fn, data, false));
    mg_ivar_set(data, id_stop, mg_stop_iteration_new(mg_str_new_cstr("iteration reached an end"), r));
    return MG_NIL;
}

static Value
ivar_or_nil(Value self, ID id)
{
    Value v = mg_ivar_lookup(self, id);
    return v == MG_UNDEF ? MG_NIL : v;
}

static Value
enumerator_next_values_raw(Value self)
{
    Value pk = ivar_or_nil(self, id_peek);
    if (pk != MG_NIL) {
        mg_ivar_set(self, id_peek, MG_NIL);
        return pk;
    }
    Value stop = ivar_or_nil(self, id_stop);
    if (stop != MG_NIL) mg_raise_exc(stop);
    Value fib = ivar_or_nil(self, id_fib);
    MgFiber *f;
    if (fib == MG_NIL) {
        f = mg_fiber_create(mg_proc_new_cfunc(next_body, self, false), false, mg_cFiber);
        mg_ivar_set(self, id_fib, f->self);
    } else {
        f = mg_data_get(fib, &mg_fiber_type);
    }
    Value fself = f->self;
    mg_gc_protect(fself);
    Value v;
    Value exc;
    struct { MgFiber *f; } a = { f };
    v = mg_protect(resume_fn, (Value)(uintptr_t)&a, &exc);
    mg_gc_protect(exc);
    if (f->state == FIBER_TERMINATED) {
        /* each returned (__stop__ is set) or raised: the next call starts over */
        mg_ivar_set(self, id_fib, MG_NIL);
        if (exc != MG_NIL) mg_raise_exc(exc);
        mg_raise_exc(mg_ivar_get(self, id_stop));
    }
    if (exc != MG_NIL) mg_raise_exc(exc);
    return v;
}

static Value
enumerator_next_values(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return enumerator_next_values_raw(self);
}

static Value
unpack(Value vals)
{
    int64_t n = ALEN(vals);
    if (n == 0) return MG_NIL;
    if (n == 1) return APTR(vals)[0];
    return vals;
}

static Value
enumerator_next(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Value v = enumerator_next_values_raw(self);
    return unpack(v);
}

static Value
peek_values(Value self)
{
    Value pk = ivar_or_nil(self, id_peek);
    if (pk == MG_NIL) {
        pk = enumerator_next_values_raw(self);
        mg_ivar_set(self, id_peek, pk);
    }
    return pk;
}

static Value
enumerator_peek_values(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return mg_ary_dup(peek_values(self));
}

static Value
enumerator_peek(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return unpack(peek_values(self));
}

static Value
enumerator_rewind(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Value recv = mg_ivar_lookup(self, id_recv);
    if (recv != MG_UNDEF && mg_respond_to(recv, mg_intern_cstr("rewind"), false))
        mg_funcall(recv, mg_intern_cstr("rewind"), 0, NULL);
    mg_ivar_set(self, id_fib, MG_NIL);
    mg_ivar_set(self, id_peek, MG_NIL);
    mg_ivar_set(self, id_stop, MG_NIL);
    mg_ivar_set(self, id_feed, MG_NIL);
    return self;
}

static Value
enumerator_init_copy(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    if (ivar_or_nil(argv[0], id_fib) != MG_NIL) mg_raise(mg_eTypeError, "can't copy execution context");
    /* the ivars were copied: the copy starts its own iteration */
    mg_ivar_set(self, id_fib, MG_NIL);
    mg_ivar_set(self, id_peek, MG_NIL);
    mg_ivar_set(self, id_stop, MG_NIL);
    return self;
}

static Value
enumerator_feed(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    if (ivar_or_nil(self, id_feed) != MG_NIL) mg_raise(mg_eTypeError, "feed value already set");
    mg_ivar_set(self, id_feed, mg_ary_new_from(1, argv));
    return MG_NIL;
}

/* ---- Enumerator.new { |y| ... } ---- */

static Value
enumerator_initialize(Value self, int argc, const Value *argv, Value blk)
{
    if (!mg_block_given(blk)) mg_raise(mg_eArgumentError, "tried to create Proc object without a block");
    Value gen = mg_obj_alloc(cGenerator);
    mg_ivar_set(gen, id_proc, mg_block_proc(blk));
    mg_ivar_set(self, id_recv, gen);
    mg_ivar_set(self, id_meth, MG_SYM(mg_id_each));
    mg_ivar_set(self, id_args, mg_ary_new());
    if (argc > 0) {
        /* a size is nil, callable, an infinite Float or made an Integer */
        Value sz = argv[0];
        if (!MG_IS_NIL(sz) && !mg_respond_to(sz, mg_id_call, false) && !(MG_IS_FLOAT(sz) && isinf(mg_float_value(sz))))
            sz = mg_to_int(sz);
        mg_ivar_set(self, id_size, sz);
    }
    return self;
}

static Value
generator_initialize(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv);
    if (!mg_block_given(blk)) mg_raise(mg_eLocalJumpError, "no block given");
    mg_ivar_set(self, id_proc, mg_block_proc(blk));
    return self;
}

static Value
generator_each(Value self, int argc, const Value *argv, Value blk)
{
    Value y = mg_obj_alloc(cYielder);
    mg_ivar_set(y, id_blk, blk);
    Value args[16];
    int n = argc < 15 ? argc : 15;
    args[0] = y;
    for (int i = 0; i < n; i++) args[i + 1] = argv[i];
    return mg_proc_call(mg_ivar_get(self, id_proc), n + 1, args, MG_NIL);
}

static Value
yielder_yield(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    Value b = mg_ivar_get(self, id_blk);
    if (MG_IS_NIL(b)) mg_raise(mg_eLocalJumpError, "no block given (yield)");
    return mg_yield(b, argc, argv);
}

static Value
yielder_push(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value b = mg_ivar_get(self, id_blk);
    if (MG_IS_NIL(b)) mg_raise(mg_eLocalJumpError, "no block given (yield)");
    mg_yield1(b, argv[0]);
    return self;
}

/* Lazy and Chain (lib/prelude/enumerator.rb) keep their state in a hidden ivar */
static Value
enumerator_state_get(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return ivar_or_nil(self, id_state);
}

static Value
enumerator_state_set(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    mg_ivar_set(self, id_state, argv[0]);
    return argv[0];
}

static Value
yielder_initialize(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv);
    if (!mg_block_given(blk)) mg_raise(mg_eLocalJumpError, "no block given");
    mg_ivar_set(self, id_blk, blk);
    return self;
}

static Value
yielder_to_proc_fn(Value arg, Value data, int argc, const Value *argv, Value blk)
{
    UNUSED(arg); UNUSED(blk);
    return yielder_yield(data, argc, argv, MG_NIL);
}

static Value
yielder_to_proc(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return mg_proc_new_cfunc(yielder_to_proc_fn, self, true);
}

static const MgMethodDef enumerator_methods[] = {
    {"initialize", enumerator_initialize, 0, 1},
    {"each", enumerator_each, 0, -1},
    {"with_index", enumerator_with_index, 0, 1},
    {"each_with_index", enumerator_each_with_index, 0, 0},
    {"with_object", enumerator_with_object, 1, 1},
    {"each_with_object", enumerator_with_object, 1, 1},
    {"size", enumerator_size, 0, 0},
    {"inspect", enumerator_inspect, 0, 0},
    {"next", enumerator_next, 0, 0},
    {"peek", enumerator_peek, 0, 0},
    {"next_values", enumerator_next_values, 0, 0},
    {"peek_values", enumerator_peek_values, 0, 0},
    {"feed", enumerator_feed, 1, 1},
    {"initialize_copy", enumerator_init_copy, 1, 1},
    {"rewind", enumerator_rewind, 0, 0},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef yielder_methods[] = {
    {"initialize", yielder_initialize, 0, 0},
    {"yield", yielder_yield, 0, -1},
    {"<<", yielder_push, 1, 1},
    {"to_proc", yielder_to_proc, 0, 0},
    {NULL, NULL, 0, 0}
};

void
mg_init_enumerator(void)
{
    id_recv = mg_intern_cstr("__recv__");
    id_meth = mg_intern_cstr("__meth__");
    id_args = mg_intern_cstr("__args__");
    id_size = mg_intern_cstr("__size__");
    id_fib = mg_intern_cstr("__fib__");
    id_peek = mg_intern_cstr("__peek__");
    id_stop = mg_intern_cstr("__stop__");
    id_feed = mg_intern_cstr("__feed__");
    id_state = mg_intern_cstr("__state__");
    id_proc = mg_intern_cstr("__proc__");
    id_blk = mg_intern_cstr("__blk__");
    id_kw = mg_intern_cstr("__kw__");
    mg_include_module(mg_cEnumerator, mg_mEnumerable);
    mg_define_methods(mg_cEnumerator, enumerator_methods);
    mg_define_private_method(mg_cEnumerator, "__state", enumerator_state_get, 0, 0);
    mg_define_private_method(mg_cEnumerator, "__state=", enumerator_state_set, 1, 1);
    cYielder = mg_cEnumYielder;                /* both made at start-up (coreclasses.def): they persist */
    mg_define_methods(cYielder, yielder_methods);
    cGenerator = mg_cEnumGenerator;
    mg_define_method(cGenerator, "each", generator_each, 0, -1);
    mg_define_method(cGenerator, "initialize", generator_initialize, 0, 0);
    mg_include_module(cGenerator, mg_mEnumerable);
}
