/* object_core.c -- BasicObject, Object/Kernel (identity, conversion, ivars,
 * reflection, dup/clone, freeze), NilClass, TrueClass, FalseClass, and the
 * shared helpers of core.h's "Object / Kernel" group (mg_inspect, mg_to_s,
 * mg_any_to_s, mg_equal, mg_obj_dup ...). Output (puts/p/print) is io.c. */
#include "core.h"
#include "../util/idtable.h"
#include <time.h>
#include <errno.h>

/* ---- keyword argument helpers ---- */

Value
mg_kwargs_split(int *argc, const Value *argv)
{
    if (*argc > 0 && mg_kw_given() && MG_IS_HASH(argv[*argc - 1])) {
        (*argc)--;
        return argv[*argc];
    }
    return MG_NIL;
}

void
mg_kwargs_get(Value kw, const char *const *names, int n, Value *out)
{
    for (int i = 0; i < n; i++) out[i] = MG_UNDEF;
    if (kw == MG_NIL) return;
    int64_t found = 0;
    for (int i = 0; i < n; i++) {
        out[i] = mg_hash_lookup(kw, mg_sym(names[i]));
        if (out[i] != MG_UNDEF) found++;
    }
    if (found == mg_hash_size(kw)) return;
    Value unknown = mg_ary_new();
    Value k, v;
    for (int64_t it = 0; mg_hash_next(kw, &it, &k, &v);) {
        bool known = false;
        for (int i = 0; i < n && !known; i++)
            if (MG_IS_SYMBOL(k) && MG_SYM2ID(k) == mg_intern_cstr(names[i])) known = true;
        if (!known) mg_ary_push(unknown, k);
    }
    Value msg = mg_str_new_cstr(mg_ary_len(unknown) == 1 ? "unknown keyword: " : "unknown keywords: ");
    for (int64_t i = 0; i < mg_ary_len(unknown); i++) {
        if (i) mg_str_cat(msg, ", ", 2);
        mg_str_append(msg, mg_inspect(mg_ary_entry(unknown, i)));
    }
    mg_raise_str(mg_eArgumentError, msg);
}

/* ---- the shared helpers ---- */

/* "#<Foo:0x..." without the closing '>' */
static Value
any_to_s_open(Value v)
{
    RClass *c = mg_obj_class(v);
    Value s = mg_str_new_cstr("#<");
    mg_str_append(s, mg_class_path(c));
    mg_str_catf(s, ":0x%016llx", (unsigned long long)(uintptr_t)v);
    return s;
}

Value
mg_any_to_s(Value v)
{
    return mg_str_cat(any_to_s_open(v), ">", 1);
}

Value
mg_to_s(Value v)
{
    if (MG_IS_STRING(v) && MG_OBJ(v)->klass == mg_cString) {
        MethodEntry *me = mg_method_lookup(mg_cString, mg_id_to_s);
        if (me && me->owner == mg_cString) return v;
    }
    Value s = mg_funcall(v, mg_id_to_s, 0, NULL);
    if (MG_IS_STRING(s)) return s;
    return mg_any_to_s(v);
}

Value
mg_inspect(Value v)
{
    Value s = mg_funcall(v, mg_id_inspect, 0, NULL);
    if (MG_IS_STRING(s)) return s;
    return mg_to_s(s);
}

typedef struct { Value str; bool first; } InspectIvars;

static bool
inspect_ivar(ID name, Value v, void *arg)
{
    InspectIvars *st = arg;
    size_t len;
    const char *s = mg_id_name(name, &len);
    if (len == 0 || s[0] != '@') return true;
    mg_str_cat(st->str, st->first ? " " : ", ", st->first ? 1 : 2);
    st->first = false;
    mg_str_cat(st->str, s, len);
    mg_str_cat(st->str, "=", 1);
    mg_str_append(st->str, mg_inspect(v));
    return true;
}

static bool
has_visible_ivar(ID name, Value v, void *arg)
{
    UNUSED(v);
    const char *s = mg_id_name(name, NULL);
    if (s[0] == '@') {
        *(bool *)arg = true;
        return false;
    }
    return true;
}

static Value
inspect_default_body(Value obj, Value arg, bool recursive)
{
    UNUSED(arg);
    Value s = any_to_s_open(obj);
    if (recursive) {
        mg_str_cat(s, " ...>", 5);
        return s;
    }
    InspectIvars st = { s, true };
    mg_ivar_foreach(obj, inspect_ivar, &st);
    mg_str_cat(s, ">", 1);
    return s;
}

Value
mg_obj_inspect_default(Value v)
{
    bool any = false;
    if (MG_IS_PTR(v)) mg_ivar_foreach(v, has_visible_ivar, &any);
    if (!any) return mg_any_to_s(v);
    return mg_exec_recursive(inspect_default_body, v, MG_NIL, mg_id_inspect);
}

bool
mg_equal(Value a, Value b)
{
    if (a == b) return true;
    if (MG_IS_FIXNUM(a) && MG_IS_FIXNUM(b)) return false;
    if (MG_IS_SYMBOL(a) && MG_IS_SYMBOL(b)) return false;
    return MG_TEST(mg_funcall(a, mg_id_eq, 1, &b));
}

Value
mg_obj_freeze(Value v)
{
    if (!MG_IS_PTR(v)) return v;
    Obj *o = MG_OBJ(v);
    mg_ensure_faulted(o);
    if (!(o->flags & OF_FROZEN)) {
        mg_wb(o, MG_NIL);
        o->flags |= OF_FROZEN;
    }
    return v;
}

/* ---- dup / clone ---- */

static Value kernel_initialize_copy(Value self, int argc, const Value *argv, Value blk);
static Value kernel_initialize_dup(Value self, int argc, const Value *argv, Value blk);
static Value kernel_initialize_clone(Value self, int argc, const Value *argv, Value blk);

static bool
is_cfunc(RClass *klass, ID name, MgCFunc fn)
{
    MethodEntry *me = mg_method_lookup(klass, name);
    return me && me->kind == ME_CFUNC && me->u.c.fn == fn;
}

/* A new object of v's class with v's body copied (no ivars, no hooks). */
static Value
copy_body(Value v)
{
    RClass *klass = mg_obj_class(v);
    Value r;
    switch (MG_OBJ(v)->type) {
    case T_OBJECT:
        return mg_get_alloc_func(klass)(klass);
    case T_STRING:
        r = mg_str_dup(v);
        break;
    case T_ARRAY:
        r = mg_ary_dup(v);
        break;
    case T_HASH:
        r = mg_hash_dup(v);
        break;
    case T_RANGE:
        r = mg_range_new(MG_RRANGE(v)->beg, MG_RRANGE(v)->end, (MG_OBJ(v)->flags & OF_EXCL) != 0);
        break;
    case T_CLASS:
    case T_MODULE:
        return mg_mod_dup(v);
    default: {
        MgAllocFunc alloc = mg_get_alloc_func(klass);
        if (!alloc) mg_raise(mg_eTypeError, "allocator undefined for %s", mg_class_cname(klass));
        return alloc(klass);
    }
    }
    MG_OBJ(r)->klass = klass;
    MG_OBJ(r)->flags &= (uint16_t)~OF_FROZEN;
    return r;
}

static bool
dup_is_trivial(Value v)
{
    return !MG_IS_PTR(v) || MG_OBJ(v)->type == T_FLOAT || MG_OBJ(v)->type == T_BIGNUM;
}

Value
mg_obj_dup(Value v)
{
    if (dup_is_trivial(v)) return v;
    MG_FAULT(v);
    return mg_obj_copy_finish(copy_body(v), v, false, false);
}

void mg_code_singleton_copied(Value copy, Value orig);   /* store/code.c */

/* Copies v's singleton methods and extended modules onto r's own singleton class. */
static void
copy_singleton(Value r, Value v)
{
    RClass *sing = MG_OBJ(v)->klass;
    if (!sing || !(sing->hdr.flags & OF_SINGLETON) || sing->u.attached != v) return;
    if (MG_OBJ(v)->type == T_CLASS || MG_OBJ(v)->type == T_MODULE) {
        /* class methods: mg_mod_dup gave r its own metaclass; copy into it */
    }
    RClass *ns = mg_singleton_class(r);
    ID k;
    uint64_t e;
    IdTable *mt = sing->origin->mt;
    for (uint32_t i = 0; mg_idtable_next(mt, &i, &k, &e);) {
        MethodEntry copy = *(MethodEntry *)(uintptr_t)e;
        mg_method_add(ns, k, &copy);
    }
    /* extended modules sit between the singleton and the real class, newest first */
    RClass *mods[64];
    int n = 0;
    for (RClass *c = sing->super; c && c->hdr.type == T_ICLASS && n < 64; c = c->super)
        if (!(c->hdr.flags & OF_ORIGIN)) mods[n++] = c->u.module;
    while (n > 0) mg_include_module(ns, mods[--n]);
    mg_code_singleton_copied(r, v);   /* and what of it persists (store/code.c) */
}

Value
mg_obj_clone(Value v, bool freeze)
{
    if (dup_is_trivial(v)) {
        if (!freeze) mg_raise(mg_eArgumentError, "can't unfreeze %s", mg_class_cname(mg_obj_class(v)));
        return v;
    }
    MG_FAULT(v);
    return mg_obj_copy_finish(copy_body(v), v, true, freeze);
}

/* The store's hidden bookkeeping ivars (__maglev_*: a class's definitions
 * table, an object's singleton table) belong to the original, not to a copy:
 * the copy keeps its own (a class copy's, store/code.c) and takes none. */
typedef struct { ID names[16]; Value values[16]; int n; } Hidden;

static bool
find_hidden(ID name, Value v, void *arg)
{
    Hidden *h = arg;
    if (h->n < 16 && !strncmp(mg_id_name(name, NULL), "__maglev_", 9)) {
        h->names[h->n] = name;
        h->values[h->n++] = v;
    }
    return true;
}

Value
mg_obj_copy_finish(Value r, Value v, bool clone, bool freeze)
{
    Hidden own = { { 0 }, { 0 }, 0 }, taken = { { 0 }, { 0 }, 0 };
    mg_ivar_foreach(r, find_hidden, &own);
    mg_ivar_copy(r, v);
    mg_ivar_foreach(r, find_hidden, &taken);
    for (int i = 0; i < taken.n; i++) mg_ivar_remove(r, taken.names[i]);
    for (int i = 0; i < own.n; i++) mg_ivar_set(r, own.names[i], own.values[i]);
    if (clone) copy_singleton(r, v);
    RClass *k = mg_class_of(r);
    ID hook = mg_intern_cstr(clone ? "initialize_clone" : "initialize_dup");
    if (!is_cfunc(k, hook, clone ? kernel_initialize_clone : kernel_initialize_dup) ||
        !is_cfunc(k, mg_id_initialize_copy, kernel_initialize_copy))
        mg_funcall(r, hook, 1, &v);
    if (clone && freeze && (MG_OBJ(v)->flags & OF_FROZEN)) MG_OBJ(r)->flags |= OF_FROZEN;
    return r;
}

/* ---- ivar name checks ---- */

static bool
ident_char(unsigned char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

static bool
ident_start(unsigned char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

bool
mg_ident_valid(const char *s, size_t len)
{
    if (len == 0 || !ident_start((unsigned char)s[0])) return false;
    for (size_t i = 1; i < len; i++)
        if (!ident_char((unsigned char)s[i])) return false;
    return true;
}

/* Name of an ivar argument: Symbol or String, must look like @name. */
static ID
ivar_name(Value name)
{
    ID id = mg_to_id(name);
    size_t len;
    const char *s = mg_id_name(id, &len);
    if (len < 2 || s[0] != '@' || !mg_ident_valid(s + 1, len - 1))
        mg_raise(mg_eNameError, "`%s' is not allowed as an instance variable name", s);
    return id;
}

/* ---- BasicObject ---- */

static Value
basic_initialize(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_NIL;
}

static Value
basic_equal(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return MG_BOOL(self == argv[0]);
}

static Value
basic_not(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_BOOL(!MG_TEST(self));
}

static Value
basic_neq(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return MG_BOOL(!mg_equal(self, argv[0]));
}

static Value
basic_id(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return mg_obj_id(self);
}

static Value
basic_hook(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_NIL;
}

/* ---- Kernel: identity and comparison ---- */

static Value
kernel_nil_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_FALSE;
}

static Value
kernel_eqq(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return MG_BOOL(mg_equal(self, argv[0]));
}

static Value
kernel_match(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_NIL;
}

static Value
kernel_nmatch(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return MG_BOOL(!MG_TEST(mg_funcall(self, mg_id_match, 1, argv)));
}

static Value
kernel_cmp(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    if (self == argv[0] || mg_equal(self, argv[0])) return MG_FIX(0);
    return MG_NIL;
}

static Value
kernel_hash(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    uint64_t h = MG_IS_PTR(self) ? mg_obj_oop(self) : self;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return MG_FIX((int64_t)(h >> 2));
}

static Value
kernel_class(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_VAL(mg_obj_class(self));
}

static Value
kernel_singleton_class(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_VAL(mg_singleton_class(self));
}

static Value
kernel_frozen_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    if (MG_IS_PTR(self)) MG_FAULT(self);
    return MG_BOOL(mg_frozen_p(self));
}

static Value
kernel_freeze(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return mg_obj_freeze(self);
}

static Value
kernel_itself(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return self;
}

static Value
kernel_tap(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv);
    mg_yield1(blk, self);
    return self;
}

/* then / yield_self; without a block an enumerator named by the method called */
static Value
then_as(Value self, Value blk, const char *name)
{
    if (!mg_block_given(blk)) {
        Value e = mg_enumerator_new(self, mg_intern_cstr(name), 0, NULL);
        mg_enumerator_set_size(e, MG_FIX(1));        /* it would yield once */
        return e;
    }
    return mg_yield1(blk, self);
}

static Value kernel_then(Value self, int argc, const Value *argv, Value blk) { UNUSED(argc); UNUSED(argv); return then_as(self, blk, "then"); }
static Value kernel_yield_self(Value self, int argc, const Value *argv, Value blk) { UNUSED(argc); UNUSED(argv); return then_as(self, blk, "yield_self"); }

static Value
kernel_to_s(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return mg_any_to_s(self);
}

static Value
kernel_inspect(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return mg_obj_inspect_default(self);
}

static RClass *
class_arg(Value c)
{
    if (!MG_IS_CLASS_OR_MODULE(c)) mg_raise(mg_eTypeError, "class or module required");
    return MG_RCLASS(c);
}

static Value
kernel_instance_of_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return MG_BOOL(mg_obj_class(self) == class_arg(argv[0]));
}

static Value
kernel_kind_of_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return MG_BOOL(mg_obj_is_kind_of(self, class_arg(argv[0])));
}

static Value
kernel_object_id(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return mg_obj_id(self);
}

/* ---- Kernel: instance variables ---- */

static Value
kernel_ivar_get(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return mg_ivar_get(self, ivar_name(argv[0]));
}

static Value
kernel_ivar_set(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    ID id = ivar_name(argv[0]);
    mg_check_frozen(self);
    mg_ivar_set(self, id, argv[1]);
    return argv[1];
}

static Value
kernel_ivar_defined_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return MG_BOOL(mg_ivar_defined(self, ivar_name(argv[0])));
}

static bool
collect_ivar(ID name, Value v, void *arg)
{
    UNUSED(v);
    if (mg_id_name(name, NULL)[0] == '@') mg_ary_push(*(Value *)arg, MG_SYM(name));
    return true;
}

static Value
kernel_ivars(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    Value a = mg_ary_new();
    mg_ivar_foreach(self, collect_ivar, &a);
    return a;
}

static Value
kernel_remove_ivar(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    ID id = ivar_name(argv[0]);
    mg_check_frozen(self);
    Value old = mg_ivar_remove(self, id);
    if (old == MG_UNDEF) {
        Value e = mg_name_error_new(mg_eNameError,
                                    mg_sprintf("instance variable %s not defined", mg_id_name(id, NULL)),
                                    self, id);
        mg_raise_exc(e);
    }
    return old;
}

/* ---- Kernel: method lists ---- */

/* Visibility masks for method listings */
#define VM_PUBLIC    (1 << VIS_PUBLIC)
#define VM_PRIVATE   (1 << VIS_PRIVATE)
#define VM_PROTECTED (1 << VIS_PROTECTED)

static Visibility
entry_vis(const MethodEntry *me)
{
    return me->visibility == VIS_MODULE_FUNCTION ? VIS_PRIVATE : (Visibility)me->visibility;
}

void
mg_collect_methods_from(IdTable *mt, IdTable *seen, Value ary, int mask)
{
    ID k;
    uint64_t e;
    if (!mt) return;
    for (uint32_t i = 0; mg_idtable_next(mt, &i, &k, &e);) {
        if (mg_idtable_get(seen, k, NULL)) continue;
        mg_idtable_set(seen, k, 1);
        MethodEntry *me = (MethodEntry *)(uintptr_t)e;
        if (me->kind == ME_UNDEF) continue;
        if (mask & (1 << entry_vis(me))) mg_ary_push(ary, MG_SYM(k));
    }
}

/* Methods reachable from klass with visibility in mask. `stop_after_real`: only
 * the singleton/iclass prefix and the first real class (methods(false)-like). */
Value
mg_collect_methods(RClass *klass, int mask, bool stop_after_real)
{
    Value ary = mg_ary_new();
    IdTable *seen = mg_idtable_new();
    for (RClass *c = klass; c; c = c->super) {
        mg_ensure_faulted(&c->hdr);
        mg_collect_methods_from(c->mt, seen, ary, mask);
        if (stop_after_real && c->hdr.type != T_ICLASS && !(c->hdr.flags & OF_SINGLETON)) break;
    }
    mg_idtable_free(seen);
    return ary;
}

static Value
singleton_methods(Value self, bool all)
{
    Value ary = mg_ary_new();
    RClass *k = mg_class_of(self);
    IdTable *seen = mg_idtable_new();
    for (RClass *c = k; c; c = c->super) {
        mg_ensure_faulted(&c->hdr);
        bool sing = (c->hdr.flags & OF_SINGLETON) != 0;
        bool icl = c->hdr.type == T_ICLASS;
        if (!sing && !icl) break;
        if (icl && !(c->hdr.flags & OF_ORIGIN) && !all) break;
        if (sing && c != k && !all) break;
        mg_collect_methods_from(c->mt, seen, ary, VM_PUBLIC | VM_PROTECTED);
    }
    mg_idtable_free(seen);
    return ary;
}

static bool
opt_bool(int argc, const Value *argv, int i, bool dflt)
{
    return argc > i ? MG_TEST(argv[i]) : dflt;
}

static Value
kernel_methods(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    if (!opt_bool(argc, argv, 0, true)) return singleton_methods(self, false);
    return mg_collect_methods(mg_class_of(self), VM_PUBLIC | VM_PROTECTED, false);
}

static Value
kernel_public_methods(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    return mg_collect_methods(mg_class_of(self), VM_PUBLIC, !opt_bool(argc, argv, 0, true));
}

static Value
kernel_private_methods(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    return mg_collect_methods(mg_class_of(self), VM_PRIVATE, !opt_bool(argc, argv, 0, true));
}

static Value
kernel_protected_methods(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    return mg_collect_methods(mg_class_of(self), VM_PROTECTED, !opt_bool(argc, argv, 0, true));
}

static Value
kernel_singleton_methods(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    return singleton_methods(self, opt_bool(argc, argv, 0, true));
}

/* ---- Kernel: extend, dup, clone ---- */

static Value
kernel_extend(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    for (int i = 0; i < argc; i++)
        if (!MG_IS_TYPE(argv[i], T_MODULE))
            mg_raise(mg_eTypeError, "wrong argument type %s (expected Module)",
                     mg_class_cname(mg_obj_class(argv[i])));
    for (int i = argc - 1; i >= 0; i--) {
        mg_funcall(argv[i], mg_intern_cstr("extend_object"), 1, &self);
        mg_funcall(argv[i], mg_id_extended, 1, &self);
    }
    return self;
}

static Value
kernel_dup(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return mg_obj_dup(self);
}

static Value
kernel_clone(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    Value kw = mg_kwargs_split(&argc, argv);
    if (argc > 0) mg_raise_argc(argc, 0, 0);
    static const char *const names[] = { "freeze" };
    Value fr;
    mg_kwargs_get(kw, names, 1, &fr);
    if (fr == MG_UNDEF || fr == MG_NIL) return mg_obj_clone(self, true);
    if (fr != MG_TRUE && fr != MG_FALSE)
        mg_raise(mg_eArgumentError, "unexpected value for freeze: %s", mg_class_cname(mg_obj_class(fr)));
    if (fr == MG_FALSE) return mg_obj_clone(self, false);
    Value r = mg_obj_clone(self, true);
    return mg_obj_freeze(r);
}

static Value
kernel_initialize_copy(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    if (self == argv[0]) return self;
    mg_check_frozen(self);
    if (mg_obj_class(self) != mg_obj_class(argv[0]))
        mg_raise(mg_eTypeError, "initialize_copy should take same class object");
    return self;
}

static Value
kernel_initialize_dup(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    mg_funcall(self, mg_id_initialize_copy, 1, argv);
    return self;
}

static Value
kernel_initialize_clone(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    mg_kwargs_split(&argc, argv);
    if (argc != 1) mg_raise_argc(argc, 1, 1);
    mg_funcall(self, mg_id_initialize_copy, 1, argv);
    return self;
}

static Value
kernel_to_enum(Value self, int argc, const Value *argv, Value blk)
{
    ID meth = argc > 0 ? mg_to_id(argv[0]) : mg_id_each;
    Value e = mg_enumerator_new(self, meth, argc > 0 ? argc - 1 : 0, argc > 0 ? argv + 1 : NULL);
    /* to_enum(:m) { size }; without the block CRuby knows no size */
    mg_enumerator_set_size(e, mg_block_given(blk) ? mg_block_proc(blk) : MG_NIL);
    return e;
}

/* ---- Kernel: conversion functions ---- */

static Value
kernel_String(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    Value v = argv[0];
    if (MG_IS_STRING(v)) return v;
    Value s = mg_check_string(v);
    if (s != MG_NIL) return s;
    if (mg_respond_to(v, mg_id_to_s, true)) {
        s = mg_funcall(v, mg_id_to_s, 0, NULL);
        if (MG_IS_STRING(s)) return s;
    }
    mg_raise(mg_eTypeError, "can't convert %s into String", mg_class_cname(mg_obj_class(v)));
}

static Value
kernel_Array(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    Value v = argv[0];
    if (MG_IS_ARRAY(v)) return v;
    if (v == MG_NIL) return mg_ary_new();
    Value a = mg_check_array(v);
    if (a != MG_NIL) return a;
    if (mg_respond_to(v, mg_id_to_a, true)) {
        a = mg_funcall(v, mg_id_to_a, 0, NULL);
        if (a == MG_NIL) return mg_ary_new_from(1, &v);
        if (!MG_IS_ARRAY(a))
            mg_raise(mg_eTypeError, "can't convert %s to Array (%s#to_a gives %s)",
                     mg_class_cname(mg_obj_class(v)), mg_class_cname(mg_obj_class(v)),
                     mg_class_cname(mg_obj_class(a)));
        return a;
    }
    return mg_ary_new_from(1, &v);
}

static Value
kernel_Hash(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    Value v = argv[0];
    if (MG_IS_HASH(v)) return v;
    if (v == MG_NIL || (MG_IS_ARRAY(v) && mg_ary_len(v) == 0)) return mg_hash_new();
    Value h = mg_check_hash(v);
    if (h == MG_NIL) mg_raise(mg_eTypeError, "can't convert %s into Hash", mg_class_cname(mg_obj_class(v)));
    return h;
}

void
mg_sleep(double secs)
{
    struct timespec ts;
    ts.tv_sec = (time_t)secs;
    ts.tv_nsec = (long)((secs - (double)ts.tv_sec) * 1e9);
    if (!mg_thread_sleep(secs))
        while (nanosleep(&ts, &ts) == -1 && errno == EINTR) mg_vm_checkpoint();
}

static Value
kernel_sleep(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(blk);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    mg_io_flush_all();
    if (argc == 0 || argv[0] == MG_NIL) {
        for (;;) {
            if (mg_thread_sleep(-1)) {          /* other threads live: until Thread#wakeup */
                clock_gettime(CLOCK_MONOTONIC, &t1);
                return MG_FIX((int64_t)((double)(t1.tv_sec - t0.tv_sec) + 0.5));
            }
            struct timespec ts = { 1, 0 };
            nanosleep(&ts, NULL);
            mg_vm_checkpoint();
        }
    }
    Value d = argv[0];
    if (!mg_obj_is_kind_of(d, mg_cNumeric))
        mg_raise(mg_eTypeError, "can't convert %s into time interval", mg_class_cname(mg_obj_class(d)));
    double secs = mg_num2dbl(d);
    if (secs < 0) mg_raise(mg_eArgumentError, "time interval must not be negative");
    mg_sleep(secs);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double slept = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    return MG_FIX((int64_t)(slept + 0.5));
}

/* ---- NilClass ---- */

static Value nil_str_empty, true_str, false_str;

static Value
nil_to_s(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return nil_str_empty;
}

static Value
nil_to_a(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return mg_ary_new();
}

static Value
nil_to_h(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return mg_hash_new();
}

static Value
nil_to_i(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_FIX(0);
}

static Value
nil_to_f(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_FLONUM_ZERO;
}

static Value
nil_to_r(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return mg_rational_new(MG_FIX(0), MG_FIX(1));
}

static Value
nil_to_c(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return mg_complex_new(MG_FIX(0), MG_FIX(0));
}

static Value
nil_eqq(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(argc); UNUSED(blk);
    return MG_BOOL(mg_equal(self, argv[0]));
}

static Value
nil_inspect(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return mg_str_new_enc("nil", 3, ENC_US_ASCII);
}

static Value
nil_nil_p(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_TRUE;
}

/* nil & x, false & x */
static Value
false_and(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_FALSE;
}

/* nil | x, false | x, nil ^ x, false ^ x */
static Value
false_or(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    return MG_BOOL(MG_TEST(argv[0]));
}

/* ---- TrueClass / FalseClass ---- */

static Value
true_to_s(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return true_str;
}

static Value
true_inspect(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return mg_str_new_enc("true", 4, ENC_US_ASCII);
}

static Value
true_and(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    return MG_BOOL(MG_TEST(argv[0]));
}

static Value
true_or(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_TRUE;
}

static Value
true_xor(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(blk);
    return MG_BOOL(!MG_TEST(argv[0]));
}

static Value
false_to_s(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return false_str;
}

static Value
false_inspect(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return mg_str_new_enc("false", 5, ENC_US_ASCII);
}

/* ---- main ---- */

static Value
main_to_s(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return mg_str_new("main", 4);
}

Value
mg_main_object_new(void)
{
    Value main = mg_obj_alloc(mg_cObject);
    mg_define_singleton_method(main, "to_s", main_to_s, 0, 0);
    mg_define_singleton_method(main, "inspect", main_to_s, 0, 0);
    return main;
}

/* ---- method tables ---- */

static const MgMethodDef basic_methods[] = {
    {"==", basic_equal, 1, 1},
    {"equal?", basic_equal, 1, 1},
    {"!", basic_not, 0, 0},
    {"!=", basic_neq, 1, 1},
    {"__id__", basic_id, 0, 0},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef basic_private_methods[] = {
    {"initialize", basic_initialize, 0, 0},
    {"singleton_method_added", basic_hook, 1, 1},
    {"singleton_method_removed", basic_hook, 1, 1},
    {"singleton_method_undefined", basic_hook, 1, 1},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef kernel_methods_tbl[] = {
    {"nil?", kernel_nil_p, 0, 0},
    {"===", kernel_eqq, 1, 1},
    {"=~", kernel_match, 1, 1},
    {"!~", kernel_nmatch, 1, 1},
    {"eql?", basic_equal, 1, 1},
    {"<=>", kernel_cmp, 1, 1},
    {"hash", kernel_hash, 0, 0},
    {"class", kernel_class, 0, 0},
    {"singleton_class", kernel_singleton_class, 0, 0},
    {"frozen?", kernel_frozen_p, 0, 0},
    {"freeze", kernel_freeze, 0, 0},
    {"itself", kernel_itself, 0, 0},
    {"tap", kernel_tap, 0, 0},
    {"then", kernel_then, 0, 0},
    {"yield_self", kernel_yield_self, 0, 0},
    {"to_s", kernel_to_s, 0, 0},
    {"inspect", kernel_inspect, 0, 0},
    {"instance_of?", kernel_instance_of_p, 1, 1},
    {"kind_of?", kernel_kind_of_p, 1, 1},
    {"is_a?", kernel_kind_of_p, 1, 1},
    {"object_id", kernel_object_id, 0, 0},
    {"instance_variable_get", kernel_ivar_get, 1, 1},
    {"instance_variable_set", kernel_ivar_set, 2, 2},
    {"instance_variable_defined?", kernel_ivar_defined_p, 1, 1},
    {"instance_variables", kernel_ivars, 0, 0},
    {"remove_instance_variable", kernel_remove_ivar, 1, 1},
    {"methods", kernel_methods, 0, 1},
    {"public_methods", kernel_public_methods, 0, 1},
    {"private_methods", kernel_private_methods, 0, 1},
    {"protected_methods", kernel_protected_methods, 0, 1},
    {"singleton_methods", kernel_singleton_methods, 0, 1},
    {"extend", kernel_extend, 1, -1},
    {"dup", kernel_dup, 0, 0},
    {"clone", kernel_clone, 0, 1, MEF_KW},
    {"to_enum", kernel_to_enum, 0, -1},
    {"enum_for", kernel_to_enum, 0, -1},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef kernel_private_tbl[] = {
    {"initialize_copy", kernel_initialize_copy, 1, 1},
    {"initialize_dup", kernel_initialize_dup, 1, 1},
    {"initialize_clone", kernel_initialize_clone, 1, 2, MEF_KW},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef kernel_functions[] = {
    {"String", kernel_String, 1, 1},
    {"Array", kernel_Array, 1, 1},
    {"Hash", kernel_Hash, 1, 1},
    {"sleep", kernel_sleep, 0, 1},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef nil_methods[] = {
    {"to_s", nil_to_s, 0, 0},
    {"to_a", nil_to_a, 0, 0},
    {"to_h", nil_to_h, 0, 0},
    {"to_i", nil_to_i, 0, 0},
    {"to_f", nil_to_f, 0, 0},
    {"to_r", nil_to_r, 0, 0},
    {"rationalize", nil_to_r, 0, 1},
    {"to_c", nil_to_c, 0, 0},
    {"===", nil_eqq, 1, 1},
    {"inspect", nil_inspect, 0, 0},
    {"nil?", nil_nil_p, 0, 0},
    {"&", false_and, 1, 1},
    {"|", false_or, 1, 1},
    {"^", false_or, 1, 1},
    {"=~", kernel_match, 1, 1},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef true_methods[] = {
    {"to_s", true_to_s, 0, 0},
    {"inspect", true_inspect, 0, 0},
    {"&", true_and, 1, 1},
    {"|", true_or, 1, 1},
    {"^", true_xor, 1, 1},
    {"===", kernel_eqq, 1, 1},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef false_methods[] = {
    {"to_s", false_to_s, 0, 0},
    {"inspect", false_inspect, 0, 0},
    {"&", false_and, 1, 1},
    {"|", false_or, 1, 1},
    {"^", false_or, 1, 1},
    {"===", kernel_eqq, 1, 1},
    {NULL, NULL, 0, 0}
};

static void
define_private(RClass *c, const MgMethodDef *defs)
{
    for (; defs->name; defs++) mg_define_private_method(c, defs->name, defs->fn, defs->min_args, defs->max_args);
}

Value
mg_alloc_undefined(RClass *klass)
{
    mg_raise(mg_eTypeError, "allocator undefined for %s", mg_class_cname(klass));
}

void
mg_undef_new(RClass *c)
{
    mg_method_undef(mg_singleton_class(MG_VAL(c)), mg_id_new);
    mg_define_alloc_func(c, mg_alloc_undefined);
}

void
mg_init_object_core(void)
{
    mg_define_methods(mg_cBasicObject, basic_methods);
    define_private(mg_cBasicObject, basic_private_methods);
    mg_define_methods(mg_mKernel, kernel_methods_tbl);
    define_private(mg_mKernel, kernel_private_tbl);
    for (const MgMethodDef *d = kernel_functions; d->name; d++)
        mg_define_module_function(mg_mKernel, d->name, d->fn, d->min_args, d->max_args);

    nil_str_empty = mg_str_freeze(mg_str_new_enc("", 0, ENC_US_ASCII));
    true_str = mg_str_freeze(mg_str_new_enc("true", 4, ENC_US_ASCII));
    false_str = mg_str_freeze(mg_str_new_enc("false", 5, ENC_US_ASCII));
    mg_gc_register(&nil_str_empty);
    mg_gc_register(&true_str);
    mg_gc_register(&false_str);

    mg_define_methods(mg_cNilClass, nil_methods);
    mg_define_methods(mg_cTrueClass, true_methods);
    mg_define_methods(mg_cFalseClass, false_methods);
    mg_undef_new(mg_cNilClass);
    mg_undef_new(mg_cTrueClass);
    mg_undef_new(mg_cFalseClass);
}
