/* enumerator.c -- a simple Enumerator until the interpreter's fiber-based one
 * exists: an object holding receiver, method and arguments whose `each`
 * re-sends the call with the block; Enumerable is included. with_index,
 * each_with_index, with_object, size, rewind, inspect; Enumerator.new with a
 * Yielder; next/peek buffer the values of receivers known to be finite
 * (Array, Hash, Struct, bounded Range) and raise NotImplementedError otherwise
 * (external iteration of generators needs fibers).
 * State is kept in hidden ivars so enumerators are ordinary T_OBJECTs. */
#include "coll_int.h"
#include <math.h>

static RClass *cYielder, *cGenerator;
static ID id_recv, id_meth, id_args, id_size, id_buf, id_pos, id_proc, id_blk, id_kw, id_result;

Value
mg_enumerator_new(Value obj, ID meth, int argc, const Value *argv)
{
    Value e = mg_obj_alloc(mg_cEnumerator);
    mg_ivar_set(e, id_recv, obj);
    mg_ivar_set(e, id_meth, MG_SYM(meth));
    mg_ivar_set(e, id_args, mg_ary_new_from(argc, argv));
    /* keyword arguments of the creating call are passed on as keywords */
    if (argc > 0 && MG_IS_HASH(argv[argc - 1]) && mg_kw_given()) mg_ivar_set(e, id_kw, MG_TRUE);
    return e;
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
        if (!mg_block_given(blk)) return e;
        return enumerator_send(e, blk);
    }
    if (!mg_block_given(blk)) return self;
    return enumerator_send(self, blk);
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
    return enumerator_send(self, mg_proc_new_cfunc(with_index_fn, data, false));
}

static Value
enumerator_each_with_index(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each_with_index", argc, argv, blk);
    Value data = mg_ary_new_from(2, (Value[]){ blk, MG_FIX(0) });
    return enumerator_send(self, mg_proc_new_cfunc(with_index_fn, data, false));
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
    enumerator_send(self, mg_proc_new_cfunc(with_object_fn, data, false));
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
    "sort_by!", "each_char", "chars", "bytes", "each_byte", "with_index", "with_object", NULL
};

static Value
enumerator_size(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Value sz = mg_ivar_lookup(self, id_size);
    if (sz != MG_UNDEF) {
        if (mg_obj_is_kind_of(sz, mg_cProc)) return mg_proc_call(sz, 0, NULL, MG_NIL);
        return sz;
    }
    Value recv = mg_ivar_get(self, id_recv);
    Value meth = mg_ivar_get(self, id_meth);
    Value args = mg_ivar_get(self, id_args);
    if (!MG_IS_SYMBOL(meth)) return MG_NIL;
    ID m = MG_SYM2ID(meth);
    if (mg_obj_is_kind_of(recv, mg_cEnumerator)) {
        if (meth_in(m, size_same)) return enumerator_size(recv, 0, NULL, MG_NIL);
        return MG_NIL;
    }
    bool sized = MG_IS_ARRAY(recv) || MG_IS_HASH(recv) || MG_IS_TYPE(recv, T_RANGE) ||
                 mg_obj_is_kind_of(recv, mg_cStruct);
    const char *mname = mg_id_name(m, NULL);
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
    if (!sized) return MG_NIL;
    Value n = mg_funcall(recv, mg_id_size, 0, NULL);
    if (meth_in(m, size_same)) return n;
    const char *name = mg_id_name(m, NULL);
    if (MG_IS_FIXNUM(n) && MG_IS_ARRAY(args) && ALEN(args) > 0 && MG_IS_FIXNUM(APTR(args)[0])) {
        int64_t len = MG_FIX2LONG(n), k = MG_FIX2LONG(APTR(args)[0]);
        if (strcmp(name, "each_slice") == 0 && k > 0) return MG_FIX((len + k - 1) / k);
        if (strcmp(name, "each_cons") == 0 && k > 0) return MG_FIX(len - k + 1 > 0 ? len - k + 1 : 0);
    }
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

/* ---- external iteration over finite receivers ---- */

static bool
finite_p(Value recv)
{
    if (MG_IS_ARRAY(recv) || MG_IS_HASH(recv) || MG_IS_STRING(recv)) return true;
    if (mg_obj_is_kind_of(recv, mg_cStruct)) return true;
    if (MG_IS_TYPE(recv, T_RANGE)) {
        Value b, e;
        bool x;
        mg_range_values(recv, &b, &e, &x);
        return !MG_IS_NIL(e) && !(MG_IS_FLOAT(e) && isinf(mg_float_value(e)));
    }
    if (MG_IS_INTEGER(recv)) return true;   /* times, upto, downto */
    if (mg_obj_is_kind_of(recv, mg_cEnumerator)) return finite_p(mg_ivar_get(recv, id_recv));
    return false;
}

static Value
collect_fn(Value arg, Value data, int argc, const Value *argv, Value blk)
{
    UNUSED(arg); UNUSED(blk);
    mg_ary_push(data, mg_yield_pack(argc, argv));
    return MG_NIL;
}

static Value
enumerator_buffer(Value self)
{
    Value buf = mg_ivar_lookup(self, id_buf);
    if (buf != MG_UNDEF && !MG_IS_NIL(buf)) return buf;
    if (!finite_p(mg_ivar_get(self, id_recv)))
        mg_raise(mg_eNotImplementedError,
                 "Enumerator#next is not supported for this enumerator yet (needs fibers); use each");
    buf = mg_ary_new();
    Value result = enumerator_send(self, mg_proc_new_cfunc(collect_fn, buf, false));
    mg_ivar_set(self, id_result, result);
    mg_ivar_set(self, id_buf, buf);
    mg_ivar_set(self, id_pos, MG_FIX(0));
    return buf;
}

static Value
enumerator_peek_or_next(Value self, bool advance)
{
    Value buf = enumerator_buffer(self);
    int64_t pos = MG_FIX2LONG(mg_ivar_get(self, id_pos));
    if (pos >= ALEN(buf))
        mg_raise_exc(mg_stop_iteration_new(mg_str_new_cstr("iteration reached an end"), mg_ivar_get(self, id_result)));
    if (advance) mg_ivar_set(self, id_pos, MG_FIX(pos + 1));
    return APTR(buf)[pos];
}

static Value
enumerator_next(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return enumerator_peek_or_next(self, true);
}

static Value
enumerator_peek(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return enumerator_peek_or_next(self, false);
}

static Value
enumerator_rewind(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    mg_ivar_set(self, id_buf, MG_NIL);
    mg_ivar_set(self, id_pos, MG_FIX(0));
    return self;
}

/* ---- Enumerator.new { |y| ... } ---- */

static Value
enumerator_initialize(Value self, int argc, const Value *argv, Value blk)
{
    if (!mg_block_given(blk)) mg_raise(mg_eArgumentError, "no block given");
    Value gen = mg_obj_alloc(cGenerator);
    mg_ivar_set(gen, id_proc, mg_block_proc(blk));
    mg_ivar_set(self, id_recv, gen);
    mg_ivar_set(self, id_meth, MG_SYM(mg_id_each));
    mg_ivar_set(self, id_args, mg_ary_new());
    if (argc > 0) mg_ivar_set(self, id_size, argv[0]);
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
    {"to_s", enumerator_inspect, 0, 0},
    {"next", enumerator_next, 0, 0},
    {"peek", enumerator_peek, 0, 0},
    {"rewind", enumerator_rewind, 0, 0},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef yielder_methods[] = {
    {"yield", yielder_yield, 0, -1},
    {"call", yielder_yield, 0, -1},
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
    id_buf = mg_intern_cstr("__buf__");
    id_pos = mg_intern_cstr("__pos__");
    id_proc = mg_intern_cstr("__proc__");
    id_blk = mg_intern_cstr("__blk__");
    id_kw = mg_intern_cstr("__kw__");
    id_result = mg_intern_cstr("__result__");
    mg_include_module(mg_cEnumerator, mg_mEnumerable);
    mg_define_methods(mg_cEnumerator, enumerator_methods);
    cYielder = mg_define_class_under(mg_cEnumerator, "Yielder", mg_cObject);
    mg_define_methods(cYielder, yielder_methods);
    cGenerator = mg_define_class_under(mg_cEnumerator, "Generator", mg_cObject);
    mg_define_method(cGenerator, "each", generator_each, 0, -1);
    mg_include_module(cGenerator, mg_mEnumerable);
}
