/* struct.c -- Struct: Struct.new builds a subclass whose members are hidden
 * instance variables (named by the member symbol itself, so not visible to
 * instance_variables) read and written by ME_ATTR_READER / ME_ATTR_WRITER
 * entries; instances are plain T_OBJECTs and persist like any object.
 * The member list is a frozen Array of Symbols in the hidden class ivar
 * "__members__" (looked up through superclasses), keyword_init in
 * "__keyword_init__". */
#include "coll_int.h"

static ID id_members, id_keyword_init, id_inspect_guard, id_eq_guard, id_hash_guard;

/* ---- members ---- */

static Value
class_members(RClass *c)
{
    for (RClass *k = c; k; k = mg_class_superclass(k)) {
        Value m = mg_ivar_lookup(MG_VAL(k), id_members);
        if (m != MG_UNDEF) return m;
    }
    mg_raise(mg_eTypeError, "uninitialized struct");
}

static Value
struct_members_of(Value self)
{
    return class_members(mg_obj_class(self));
}

static Value
class_keyword_init(RClass *c)
{
    for (RClass *k = c; k; k = mg_class_superclass(k)) {
        Value m = mg_ivar_lookup(MG_VAL(k), id_keyword_init);
        if (m != MG_UNDEF) return m;
    }
    return MG_NIL;
}

static inline Value
sget(Value self, Value sym)
{
    return mg_ivar_get(self, MG_SYM2ID(sym));
}

static inline void
sset(Value self, Value sym, Value v)
{
    mg_ivar_set(self, MG_SYM2ID(sym), v);
}

/* ---- Struct.new ---- */

static Value
struct_s_new_instance(Value klass, int argc, const Value *argv, Value blk)
{
    RClass *c = MG_RCLASS(klass);
    Value obj = mg_obj_alloc(c);
    if (mg_kw_given())
        mg_funcall_kw(obj, mg_id_initialize, argc, argv, blk);
    else
        mg_funcall_block(obj, mg_id_initialize, argc, argv, blk);
    return obj;
}

static Value
struct_s_members(Value klass, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return mg_ary_dup(class_members(MG_RCLASS(klass)));
}

static Value
struct_s_keyword_init_p(Value klass, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Value k = class_keyword_init(MG_RCLASS(klass));
    return MG_IS_NIL(k) ? MG_NIL : MG_BOOL(MG_TEST(k));
}

/* A keyword_init class says so, as CRuby's inspect does; to_s does not. */
static Value
struct_s_inspect(Value klass, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Value s = mg_str_dup(mg_class_path(MG_RCLASS(klass)));
    Value k = class_keyword_init(MG_RCLASS(klass));
    if (MG_TEST(k)) mg_str_cat_cstr(s, "(keyword_init: true)");
    return s;
}

static const MgMethodDef struct_class_singleton_methods[] = {
    {"new", struct_s_new_instance, 0, -1},
    {"[]", struct_s_new_instance, 0, -1},
    {"members", struct_s_members, 0, 0},
    {"keyword_init?", struct_s_keyword_init_p, 0, 0},
    {"inspect", struct_s_inspect, 0, 0},
    {NULL, NULL, 0, 0}
};

static bool
ident_char(char c, bool first)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (unsigned char)c >= 0x80 ||
           (!first && c >= '0' && c <= '9');
}

static bool
local_name_p(ID id)
{
    size_t len;
    const char *p = mg_id_name(id, &len);
    if (len == 0 || !ident_char(p[0], true)) return false;
    for (size_t i = 1; i < len; i++)
        if (!ident_char(p[i], false)) return false;
    return true;
}

static ID
setter_id(ID id)
{
    size_t len;
    const char *p = mg_id_name(id, &len);
    char buf[256];
    if (len + 2 > sizeof buf) {
        char *q = mg_malloc(len + 2);
        memcpy(q, p, len);
        q[len] = '=';
        ID r = mg_intern(q, len + 1);
        mg_free(q, len + 2);
        return r;
    }
    memcpy(buf, p, len);
    buf[len] = '=';
    return mg_intern(buf, len + 1);
}

static Value
struct_s_new(Value self, int argc, const Value *argv, Value blk)
{
    RClass *super = MG_RCLASS(self);
    Value kw_init = MG_NIL;
    int n = argc;
    if (n > 0 && mg_kw_given() && MG_IS_HASH(argv[n - 1])) {
        Value opts = argv[n - 1];
        n--;
        Value k, v;
        for (int64_t i = 0; mg_hash_next(opts, &i, &k, &v);) {
            if (k == mg_sym("keyword_init")) kw_init = v;
            else mg_raise(mg_eArgumentError, "unknown keyword: %s", mg_str_cstr(mg_inspect(k)));
        }
    }
    int first = 0;
    Value name = MG_NIL;
    if (n > 0 && !MG_IS_SYMBOL(argv[0])) {
        name = mg_to_str(argv[0]);
        first = 1;
    }
    if (n - first < 1 && MG_IS_NIL(name)) mg_raise_argc(n, 1, -1);
    Value members = mg_ary_new_capa(n - first);
    Value seen = mg_hash_new();
    for (int i = first; i < n; i++) {
        /* as rb_to_id would, but CRuby's Struct says only "1 is not a symbol" */
        if (!MG_IS_SYMBOL(argv[i]) && MG_IS_NIL(mg_check_string(argv[i])))
            mg_raise(mg_eTypeError, "%s is not a symbol", mg_str_cstr(mg_inspect(argv[i])));
        ID id = mg_to_id(argv[i]);
        if (!mg_hash_insert_new(seen, MG_SYM(id), MG_TRUE))
            mg_raise(mg_eArgumentError, "duplicate member: %s", mg_id_name(id, NULL));
        mg_ary_push(members, MG_SYM(id));
    }
    mg_obj_freeze(members);
    RClass *c;
    if (!MG_IS_NIL(name)) {
        const char *cn = mg_str_cstr(name);
        if (!(cn[0] >= 'A' && cn[0] <= 'Z'))
            mg_raise(mg_eNameError, "identifier %s needs to be constant", cn);
        c = mg_class_new(super);
        mg_const_set(mg_cStruct, mg_intern_cstr(cn), MG_VAL(c));
    } else {
        c = mg_class_new(super);
    }
    mg_ivar_set(MG_VAL(c), id_members, members);
    if (!MG_IS_NIL(kw_init)) mg_ivar_set(MG_VAL(c), id_keyword_init, MG_BOOL(MG_TEST(kw_init)));
    mg_define_singleton_methods(MG_VAL(c), struct_class_singleton_methods);
    for (int64_t i = 0; i < ALEN(members); i++) {
        ID id = MG_SYM2ID(APTR(members)[i]);
        if (!local_name_p(id)) continue;
        MethodEntry r = { .kind = ME_ATTR_READER, .visibility = VIS_PUBLIC };
        r.u.ivar = id;
        mg_method_add(c, id, &r);
        MethodEntry w = { .kind = ME_ATTR_WRITER, .visibility = VIS_PUBLIC };
        w.u.ivar = id;
        mg_method_add(c, setter_id(id), &w);
    }
    if (mg_block_given(blk)) {
        Value klass = MG_VAL(c);
        mg_funcall_block(klass, mg_intern_cstr("class_eval"), 0, NULL, blk);
    }
    return MG_VAL(c);
}

/* A Struct class faulted from the repository gets its C class methods back
 * (its members travel as its hidden class ivar). Called by store/code.c. */
void mg_struct_class_setup(RClass *c);
void
mg_struct_class_setup(RClass *c)
{
    mg_define_singleton_methods(MG_VAL(c), struct_class_singleton_methods);
}

/* ---- instances ---- */

static Value
struct_initialize(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    Value members = struct_members_of(self);
    int64_t n = ALEN(members);
    Value kw = class_keyword_init(mg_obj_class(self));
    if (MG_TEST(kw)) {
        if (argc > 1 || (argc == 1 && !MG_IS_HASH(argv[0]))) mg_raise_argc(argc, 0, 0);
        for (int64_t i = 0; i < n; i++) sset(self, APTR(members)[i], MG_NIL);
        if (argc == 0) return MG_NIL;
        Value h = argv[0], k, v;
        Value unknown = mg_ary_new();
        for (int64_t i = 0; mg_hash_next(h, &i, &k, &v);) {
            Value sym = MG_IS_SYMBOL(k) ? k : MG_IS_STRING(k) ? mg_str_to_sym(k) : MG_NIL;
            bool ok = false;
            if (!MG_IS_NIL(sym))
                for (int64_t j = 0; j < n; j++)
                    if (APTR(members)[j] == sym) { ok = true; break; }
            if (!ok) { mg_ary_push(unknown, k); continue; }
            sset(self, sym, v);
        }
        if (ALEN(unknown) > 0) {
            Value names = mg_ary_new();
            for (int64_t i = 0; i < ALEN(unknown); i++) {
                Value u = APTR(unknown)[i];
                mg_ary_push(names, MG_IS_SYMBOL(u) ? mg_sym_to_s(u) : mg_inspect(u));
            }
            mg_raise(mg_eArgumentError, "unknown keywords: %s", mg_str_cstr(mg_ary_join(names, mg_str_new(", ", 2))));
        }
        return MG_NIL;
    }
    if (argc > n) mg_raise(mg_eArgumentError, "struct size differs");
    for (int64_t i = 0; i < n; i++) sset(self, APTR(members)[i], i < argc ? argv[i] : MG_NIL);
    return MG_NIL;
}

static Value
struct_members(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return mg_ary_dup(struct_members_of(self));
}

static Value
struct_to_a(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Value m = struct_members_of(self);
    Value out = mg_ary_new_capa(ALEN(m));
    for (int64_t i = 0; i < ALEN(m); i++) mg_ary_push(out, sget(self, APTR(m)[i]));
    return out;
}

static Value
struct_to_h(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv);
    Value m = struct_members_of(self);
    Value h = mg_hash_new_capa(ALEN(m));
    for (int64_t i = 0; i < ALEN(m); i++) {
        Value k = APTR(m)[i], v = sget(self, k);
        if (mg_block_given(blk)) {
            mg_hash_aset_pair(h, mg_yield(blk, 2, (Value[]){ k, v }));
        } else {
            mg_hash_aset(h, k, v);
        }
    }
    return h;
}

/* Offset i of a struct of n members, counted from the end when negative;
 * IndexError as CRuby's when there is none. */
static int64_t
struct_offset(int64_t i, int64_t n)
{
    if (i < 0) {
        if (i + n < 0)
            mg_raise(mg_eIndexError, "offset %lld too small for struct(size:%lld)", (long long)i, (long long)n);
        i += n;
    }
    if (i >= n) mg_raise(mg_eIndexError, "offset %lld too large for struct(size:%lld)", (long long)i, (long long)n);
    return i;
}

/* The member Symbol for an index argument (Integer, Symbol or String). */
static Value
member_for(Value self, Value idx)
{
    Value m = struct_members_of(self);
    int64_t n = ALEN(m);
    if (MG_IS_SYMBOL(idx) || MG_IS_STRING(idx)) {
        Value sym = MG_IS_SYMBOL(idx) ? idx : mg_str_to_sym(idx);
        for (int64_t i = 0; i < n; i++)
            if (APTR(m)[i] == sym) return sym;
        mg_raise_exc(mg_name_error_new(mg_eNameError, mg_sprintf("no member '%s' in struct", mg_id_name(MG_SYM2ID(sym), NULL)),
                                       self, MG_SYM2ID(sym)));   /* name and receiver: did_you_mean */
    }
    return APTR(m)[struct_offset(NUM2LONG(idx), n)];
}

static Value
struct_aref(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return sget(self, member_for(self, argv[0]));
}

static Value
struct_aset(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value sym = member_for(self, argv[0]);
    mg_check_frozen(self);
    sset(self, sym, argv[1]);
    return argv[1];
}

static Value
struct_each(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each", argc, argv, blk);
    Value m = struct_members_of(self);
    for (int64_t i = 0; i < ALEN(m); i++) mg_yield1(blk, sget(self, APTR(m)[i]));
    return self;
}

static Value
struct_each_pair(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each_pair", argc, argv, blk);
    Value m = struct_members_of(self);
    bool two = mg_proc_arity(blk) > 1;
    for (int64_t i = 0; i < ALEN(m); i++) {
        Value k = APTR(m)[i], v = sget(self, k);
        if (two) mg_yield(blk, 2, (Value[]){ k, v });
        else mg_yield1(blk, mg_ary_new_from(2, (Value[]){ k, v }));
    }
    return self;
}

static Value
struct_size(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_FIX(ALEN(struct_members_of(self)));
}

static Value
struct_values_at(Value self, int argc, const Value *argv, Value blk)
{
    /* as CRuby: Ranges as Array#values_at takes them, Integers checked as
     * Struct#[] checks them (IndexError "offset 5 too large for struct(size:2)") */
    Value a = struct_to_a(self, 0, NULL, MG_NIL), out = mg_ary_new();
    int64_t n = ALEN(a);
    for (int i = 0; i < argc; i++) {
        if (mg_obj_is_kind_of(argv[i], mg_cRange)) {
            mg_ary_concat(out, mg_funcall(a, mg_intern_cstr("values_at"), 1, &argv[i]));
            continue;
        }
        mg_ary_push(out, APTR(a)[struct_offset(NUM2LONG(argv[i]), n)]);
    }
    return out;
}

static Value
struct_dig(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    Value k = argv[0], v;
    if (MG_IS_SYMBOL(k) || MG_IS_STRING(k)) {
        Value m = struct_members_of(self);
        Value sym = MG_IS_SYMBOL(k) ? k : mg_str_to_sym(k);
        v = MG_NIL;
        for (int64_t i = 0; i < ALEN(m); i++)
            if (APTR(m)[i] == sym) { v = sget(self, sym); break; }
    } else {
        Value m = struct_members_of(self);
        int64_t i = NUM2LONG(k), n = ALEN(m);
        if (i < 0) i += n;
        v = (i >= 0 && i < n) ? sget(self, APTR(m)[i]) : MG_NIL;
    }
    if (argc == 1 || MG_IS_NIL(v)) return v;
    ID dig = mg_intern_cstr("dig");
    if (!mg_respond_to(v, dig, true))
        mg_raise(mg_eTypeError, "%s does not have #dig method", mg_class_cname(mg_obj_class(v)));
    return mg_funcall(v, dig, argc - 1, argv + 1);
}

static Value
struct_deconstruct_keys(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    Value keys = argv[0];
    Value m = struct_members_of(self);
    if (MG_IS_NIL(keys)) return struct_to_h(self, 0, NULL, MG_NIL);
    if (!MG_IS_ARRAY(keys))
        mg_raise(mg_eTypeError, "wrong argument type %s (expected Array or nil)", mg_class_cname(mg_obj_class(keys)));
    Value h = mg_hash_new();
    if (ALEN(keys) > ALEN(m)) return h;
    for (int64_t i = 0; i < ALEN(keys); i++) {
        Value k = APTR(keys)[i];
        Value sym = MG_IS_SYMBOL(k) ? k : MG_IS_STRING(k) ? mg_str_to_sym(k) : MG_NIL;
        bool found = false;
        if (MG_IS_SYMBOL(sym))
            for (int64_t j = 0; j < ALEN(m); j++)
                if (APTR(m)[j] == sym) { found = true; break; }
        if (!found) {
            if (MG_IS_FIXNUM(k)) {
                int64_t idx = MG_FIX2LONG(k), n = ALEN(m);
                if (idx < 0) idx += n;
                if (idx >= 0 && idx < n) { mg_hash_aset(h, k, sget(self, APTR(m)[idx])); continue; }
            }
            return h;
        }
        mg_hash_aset(h, k, sget(self, sym));
    }
    return h;
}

/* ---- inspect, ==, hash ---- */

static Value
struct_inspect_body(Value self, Value arg, bool recursive)
{
    UNUSED(arg);
    Value s = mg_str_new("#<struct ", 9);
    Value cn = mg_class_name(mg_obj_class(self));
    if (recursive) {
        if (!MG_IS_NIL(cn)) mg_str_append(s, cn);
        mg_str_cat(s, ":...>", 5);
        return s;
    }
    if (!MG_IS_NIL(cn)) {
        mg_str_append(s, cn);
        mg_str_cat(s, " ", 1);
    }
    Value m = struct_members_of(self);
    for (int64_t i = 0; i < ALEN(m); i++) {
        if (i > 0) mg_str_cat(s, ", ", 2);
        ID id = MG_SYM2ID(APTR(m)[i]);
        if (local_name_p(id)) {
            size_t len;
            const char *p = mg_id_name(id, &len);
            mg_str_cat(s, p, len);
        } else {
            mg_str_append(s, mg_inspect(APTR(m)[i]));
        }
        mg_str_cat(s, "=", 1);
        mg_str_append(s, mg_inspect(sget(self, APTR(m)[i])));
    }
    mg_str_cat(s, ">", 1);
    return s;
}

static Value
struct_inspect(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return mg_exec_recursive(struct_inspect_body, self, MG_NIL, id_inspect_guard);
}

typedef struct { Value other; bool eql; } SEq;

static Value
struct_eq_body(Value self, Value arg, bool recursive)
{
    if (recursive) return MG_TRUE;
    SEq *e = VAL2PTR(arg);
    Value m = struct_members_of(self);
    for (int64_t i = 0; i < ALEN(m); i++) {
        Value a = sget(self, APTR(m)[i]), b = sget(e->other, APTR(m)[i]);
        if (a == b) continue;
        if (e->eql ? !mg_eql(a, b) : !mg_equal(a, b)) return MG_FALSE;
    }
    return MG_TRUE;
}

static Value
struct_equal(Value self, Value o, bool eql)
{
    if (self == o) return MG_TRUE;
    if (MG_IS_IMMEDIATE(o) || mg_obj_class(o) != mg_obj_class(self)) return MG_FALSE;
    SEq e = { o, eql };
    return mg_exec_recursive_paired(struct_eq_body, self, o, PTR2VAL(&e), id_eq_guard);
}

static Value
struct_eq(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return struct_equal(self, argv[0], false);
}

static Value
struct_eql_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return struct_equal(self, argv[0], true);
}

static Value
struct_hash_body(Value self, Value arg, bool recursive)
{
    uint64_t *out = VAL2PTR(arg);
    uint64_t h = (uint64_t)(uintptr_t)mg_obj_class(self) * 0x9e3779b97f4a7c15ULL;
    if (!recursive) {
        Value m = struct_members_of(self);
        for (int64_t i = 0; i < ALEN(m); i++) {
            h = (h ^ mg_hash_value(sget(self, APTR(m)[i]))) * 0xff51afd7ed558ccdULL;
            h ^= h >> 31;
        }
    }
    *out = h;
    return MG_NIL;
}

static Value
struct_hash(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    uint64_t h = 0;
    mg_exec_recursive(struct_hash_body, self, PTR2VAL(&h), id_hash_guard);
    return MG_FIX((int64_t)h >> 2);
}

static Value
struct_select(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "select", argc, argv, blk);
    Value m = struct_members_of(self);
    Value out = mg_ary_new();
    for (int64_t i = 0; i < ALEN(m); i++) {
        Value v = sget(self, APTR(m)[i]);
        if (MG_TEST(mg_yield1(blk, v))) mg_ary_push(out, v);
    }
    return out;
}

static const MgMethodDef struct_methods[] = {
    {"initialize", struct_initialize, 0, -1},
    {"members", struct_members, 0, 0},
    {"to_a", struct_to_a, 0, 0},
    {"deconstruct", struct_to_a, 0, 0},
    {"values", struct_to_a, 0, 0},
    {"to_h", struct_to_h, 0, 0},
    {"[]", struct_aref, 1, 1},
    {"[]=", struct_aset, 2, 2},
    {"each", struct_each, 0, 0},
    {"each_pair", struct_each_pair, 0, 0},
    {"size", struct_size, 0, 0},
    {"length", struct_size, 0, 0},
    {"values_at", struct_values_at, 0, -1},
    {"dig", struct_dig, 1, -1},
    {"deconstruct_keys", struct_deconstruct_keys, 1, 1},
    {"inspect", struct_inspect, 0, 0},
    {"to_s", struct_inspect, 0, 0},
    {"==", struct_eq, 1, 1},
    {"eql?", struct_eql_p, 1, 1},
    {"hash", struct_hash, 0, 0},
    {"select", struct_select, 0, 0},
    {"filter", struct_select, 0, 0},
    {NULL, NULL, 0, 0}
};

void
mg_init_struct(void)
{
    id_members = mg_intern_cstr("__members__");
    id_keyword_init = mg_intern_cstr("__keyword_init__");
    id_inspect_guard = mg_intern_cstr("inspect");
    id_eq_guard = mg_intern_cstr("==");
    id_hash_guard = mg_intern_cstr("hash");
    mg_include_module(mg_cStruct, mg_mEnumerable);
    mg_define_methods(mg_cStruct, struct_methods);
    mg_define_singleton_method(MG_VAL(mg_cStruct), "new", struct_s_new, 0, -1);
}
