/* module.c -- Module and Class methods: naming, comparison, ancestry (include /
 * prepend / extend with their hooks), method lists and visibility, attr_*,
 * alias/remove/undef, constants, class variables, Module.new / Class.new /
 * Class#new / allocate / superclass / subclasses, and copying of classes.
 * The object model itself (tables, lookup, iclasses) is object/class.c. */
#include "core.h"
#include "../util/idtable.h"
#include "../vm/vm_int.h"      /* the caller's Cref (Module.constants) */
#include "../store/store.h"    /* a copy made in persistent mode is recorded */

#define VM_PUBLIC    (1 << VIS_PUBLIC)
#define VM_PRIVATE   (1 << VIS_PRIVATE)
#define VM_PROTECTED (1 << VIS_PROTECTED)

static ID id_append_features, id_prepend_features, id_extend_object, id_method_removed,
          id_method_undefined, id_module_exec, id_class_exec;

static Value mod_hook(Value self, int argc, const Value *argv, Value blk);

static RClass *
mod_of(Value self)
{
    RClass *c = MG_RCLASS(self);
    mg_ensure_faulted(&c->hdr);
    return c;
}

static const char *
mod_kind(RClass *c)
{
    return c->hdr.type == T_MODULE ? "module" : "class";
}

static bool
hook_is_default(Value recv, ID hook)
{
    MethodEntry *me = mg_method_lookup(mg_class_of(recv), hook);
    return !me || (me->kind == ME_CFUNC && me->u.c.fn == mod_hook);
}

/* method_added / singleton_method_added after a definition in c */
void
mg_call_method_added(RClass *c, ID name)
{
    Value sym = MG_SYM(name);
    if (c->hdr.flags & OF_SINGLETON) {
        Value att = c->u.attached;
        MethodEntry *me = mg_method_lookup(mg_class_of(att), mg_id_singleton_method_added);
        if (me && !(me->kind == ME_CFUNC && me->u.c.fn == mod_hook))
            mg_funcall(att, mg_id_singleton_method_added, 1, &sym);
        return;
    }
    if (!hook_is_default(MG_VAL(c), mg_id_method_added)) mg_funcall(MG_VAL(c), mg_id_method_added, 1, &sym);
}

static void
call_hook(RClass *c, ID hook, ID name)
{
    Value sym = MG_SYM(name);
    if (c->hdr.flags & OF_SINGLETON) {
        const char *h = mg_id_name(hook, NULL);
        char buf[64];
        snprintf(buf, sizeof buf, "singleton_%s", h);
        ID sh = mg_intern_cstr(buf);
        Value att = c->u.attached;
        MethodEntry *me = mg_method_lookup(mg_class_of(att), sh);
        if (me && !(me->kind == ME_CFUNC && me->u.c.fn == mod_hook)) mg_funcall(att, sh, 1, &sym);
        return;
    }
    if (!hook_is_default(MG_VAL(c), hook)) mg_funcall(MG_VAL(c), hook, 1, &sym);
}

/* FrozenError "can't modify frozen class: X" before changing a frozen class's methods */
void
mg_class_modify_check(RClass *c)
{
    /* a frozen object's singleton class is frozen with it */
    bool frozen = (c->hdr.flags & OF_FROZEN) || ((c->hdr.flags & OF_SINGLETON) && MG_IS_PTR(c->u.attached)
                                                 && (MG_OBJ(c->u.attached)->flags & OF_FROZEN));
    if (!frozen) return;
    const char *desc = "class";
    Value target = MG_VAL(c);
    if (c->hdr.flags & OF_SINGLETON) {
        /* as CRuby: a frozen class's or module's own singleton names it so */
        target = c->u.attached;
        desc = MG_IS_TYPE(target, T_CLASS) ? "Class" : MG_IS_TYPE(target, T_MODULE) ? "Module" : "object";
    } else if (c->hdr.type == T_MODULE) {
        desc = "module";
    }
    Value msg = mg_sprintf("can't modify frozen %s: ", desc);
    mg_str_append(msg, mg_to_s(target));       /* CRuby formats it with to_s */
    mg_raise_exc(mg_frozen_error_new(msg, target));
}

static NORETURN void
undefined_method_error(RClass *c, ID id)
{
    Value msg = mg_sprintf("undefined method `%s' for %s `%s'", mg_id_name(id, NULL), mod_kind(c), mg_class_cname(c));
    mg_raise_exc(mg_name_error_new(mg_eNameError, msg, MG_VAL(c), id));
}

/* ---- naming and comparison ---- */

static Value
mod_name(Value self, int argc, const Value *argv, Value blk)
{
    RClass *c = mod_of(self);
    if (c->hdr.flags & OF_SINGLETON) return MG_NIL;
    return mg_class_name(c);
}

static Value
mod_to_s(Value self, int argc, const Value *argv, Value blk)
{
    return mg_class_path(mod_of(self));
}

static Value
mod_eqq(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(mg_obj_is_kind_of(argv[0], mod_of(self)));
}

static RClass *
mod_arg_cmp(Value v)
{
    if (!MG_IS_CLASS_OR_MODULE(v)) mg_raise(mg_eTypeError, "compared with non class/module");
    return mod_of(v);
}

/* -1: self < other, 0 same, 1 self > other, 2 unrelated */
static int
mod_relation(RClass *a, RClass *b)
{
    if (a == b) return 0;
    if (mg_class_inherits(a, b)) return -1;
    if (mg_class_inherits(b, a)) return 1;
    return 2;
}

static Value
mod_lt(Value self, int argc, const Value *argv, Value blk)
{
    int r = mod_relation(mod_of(self), mod_arg_cmp(argv[0]));
    return r == 2 ? MG_NIL : MG_BOOL(r == -1);
}

static Value
mod_le(Value self, int argc, const Value *argv, Value blk)
{
    int r = mod_relation(mod_of(self), mod_arg_cmp(argv[0]));
    return r == 2 ? MG_NIL : MG_BOOL(r <= 0);
}

static Value
mod_gt(Value self, int argc, const Value *argv, Value blk)
{
    int r = mod_relation(mod_of(self), mod_arg_cmp(argv[0]));
    return r == 2 ? MG_NIL : MG_BOOL(r == 1);
}

static Value
mod_ge(Value self, int argc, const Value *argv, Value blk)
{
    int r = mod_relation(mod_of(self), mod_arg_cmp(argv[0]));
    return r == 2 ? MG_NIL : MG_BOOL(r >= 0);
}

static Value
mod_cmp(Value self, int argc, const Value *argv, Value blk)
{
    if (!MG_IS_CLASS_OR_MODULE(argv[0])) return MG_NIL;
    int r = mod_relation(mod_of(self), mod_of(argv[0]));
    return r == 2 ? MG_NIL : MG_FIX(r);
}

static Value
mod_singleton_class_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL((mod_of(self)->hdr.flags & OF_SINGLETON) != 0);
}

static Value
mod_freeze(Value self, int argc, const Value *argv, Value blk)
{
    return mg_obj_freeze(self);
}

/* ---- ancestry ---- */

/* A prepended class appears where its origin is, after the prepended modules. */
static Value
mod_ancestors(Value self, int argc, const Value *argv, Value blk)
{
    Value a = mg_ary_new();
    for (RClass *k = mod_of(self); k; k = k->super) {
        mg_ensure_faulted(&k->hdr);
        if (k->hdr.type == T_ICLASS) mg_ary_push(a, MG_VAL(k->u.module));
        else if (k->origin == k) mg_ary_push(a, MG_VAL(k));
    }
    return a;
}

static void
check_modules(int argc, const Value *argv)
{
    for (int i = 0; i < argc; i++)
        if (!MG_IS_TYPE(argv[i], T_MODULE))
            mg_raise(mg_eTypeError, "wrong argument type %s (expected Module)", mg_class_cname(mg_obj_class(argv[i])));
}

static Value
mod_include(Value self, int argc, const Value *argv, Value blk)
{
    check_modules(argc, argv);
    for (int i = argc - 1; i >= 0; i--) {
        mg_funcall(argv[i], id_append_features, 1, &self);
        mg_funcall(argv[i], mg_id_included, 1, &self);
    }
    return self;
}

static Value
mod_prepend(Value self, int argc, const Value *argv, Value blk)
{
    check_modules(argc, argv);
    for (int i = argc - 1; i >= 0; i--) {
        mg_funcall(argv[i], id_prepend_features, 1, &self);
        mg_funcall(argv[i], mg_id_prepended, 1, &self);
    }
    return self;
}

static RClass *
class_or_module_arg(Value v)
{
    if (!MG_IS_CLASS_OR_MODULE(v))
        mg_raise(mg_eTypeError, "wrong argument type %s (expected Class)", mg_class_cname(mg_obj_class(v)));
    return mod_of(v);
}

static Value
mod_append_features(Value self, int argc, const Value *argv, Value blk)
{
    RClass *c = class_or_module_arg(argv[0]);
    mg_class_modify_check(c);
    mg_include_module(c, mod_of(self));
    return self;
}

static Value
mod_prepend_features(Value self, int argc, const Value *argv, Value blk)
{
    RClass *c = class_or_module_arg(argv[0]);
    mg_class_modify_check(c);
    mg_prepend_module(c, mod_of(self));
    return self;
}

static Value
mod_extend_object(Value self, int argc, const Value *argv, Value blk)
{
    if (MG_IS_PTR(argv[0]) && (MG_OBJ(argv[0])->flags & OF_FROZEN)) mg_class_modify_check(mg_singleton_class(argv[0]));
    mg_extend_object(argv[0], mod_of(self));
    return argv[0];
}

static Value
mod_hook(Value self, int argc, const Value *argv, Value blk)
{
    return MG_NIL;
}

static Value
mod_include_p(Value self, int argc, const Value *argv, Value blk)
{
    check_modules(1, argv);
    RClass *m = mod_of(argv[0]);
    for (RClass *k = mod_of(self)->super; k; k = k->super)
        if (k->hdr.type == T_ICLASS && k->u.module == m && !(k->hdr.flags & OF_ORIGIN)) return MG_TRUE;
    /* prepended modules sit before the origin, after the class itself */
    return MG_FALSE;
}

static Value
mod_included_modules(Value self, int argc, const Value *argv, Value blk)
{
    Value a = mg_ary_new();
    for (RClass *k = mod_of(self); k; k = k->super) {
        mg_ensure_faulted(&k->hdr);
        if (k->hdr.type == T_ICLASS && !(k->hdr.flags & OF_ORIGIN)) mg_ary_push(a, MG_VAL(k->u.module));
    }
    return a;
}

/* ---- method lists ---- */

static IdTable *
own_mt(RClass *c)
{
    return c->origin->mt;
}

static Value
instance_methods_common(Value self, int argc, const Value *argv, int mask)
{
    RClass *c = mod_of(self);
    bool inherit = argc > 0 ? MG_TEST(argv[0]) : true;
    if (inherit) return mg_collect_methods(c, mask, false);
    Value ary = mg_ary_new();
    ID k;
    uint64_t e;
    IdTable *mt = own_mt(c);
    for (uint32_t i = 0; mg_idtable_next(mt, &i, &k, &e);) {
        MethodEntry *me = (MethodEntry *)(uintptr_t)e;
        if (me->kind == ME_UNDEF || (me->flags & MEF_STANDIN)) continue;   /* a stand-in is the ancestor's */
        int v = me->visibility == VIS_MODULE_FUNCTION ? VIS_PRIVATE : me->visibility;
        if (mask & (1 << v)) mg_ary_push(ary, MG_SYM(k));
    }
    return ary;
}

static Value
mod_instance_methods(Value self, int argc, const Value *argv, Value blk)
{
    return instance_methods_common(self, argc, argv, VM_PUBLIC | VM_PROTECTED);
}

static Value
mod_public_instance_methods(Value self, int argc, const Value *argv, Value blk)
{
    return instance_methods_common(self, argc, argv, VM_PUBLIC);
}

static Value
mod_private_instance_methods(Value self, int argc, const Value *argv, Value blk)
{
    return instance_methods_common(self, argc, argv, VM_PRIVATE);
}

static Value
mod_protected_instance_methods(Value self, int argc, const Value *argv, Value blk)
{
    return instance_methods_common(self, argc, argv, VM_PROTECTED);
}

static MethodEntry *
find_method(RClass *c, ID id, bool inherit)
{
    if (inherit) return mg_method_lookup(c, id);
    uint64_t e;
    if (!mg_idtable_get(own_mt(c), id, &e)) return NULL;
    MethodEntry *me = (MethodEntry *)(uintptr_t)e;
    return me->kind == ME_UNDEF || (me->flags & MEF_STANDIN) ? NULL : me;
}

static Value
method_defined_common(Value self, int argc, const Value *argv, int mask)
{
    ID id = mg_to_id(argv[0]);
    MethodEntry *me = find_method(mod_of(self), id, argc > 1 ? MG_TEST(argv[1]) : true);
    if (!me) return MG_FALSE;
    int v = me->visibility == VIS_MODULE_FUNCTION ? VIS_PRIVATE : me->visibility;
    return MG_BOOL(mask & (1 << v));
}

static Value
mod_method_defined_p(Value self, int argc, const Value *argv, Value blk)
{
    return method_defined_common(self, argc, argv, VM_PUBLIC | VM_PROTECTED);
}

static Value
mod_public_method_defined_p(Value self, int argc, const Value *argv, Value blk)
{
    return method_defined_common(self, argc, argv, VM_PUBLIC);
}

static Value
mod_private_method_defined_p(Value self, int argc, const Value *argv, Value blk)
{
    return method_defined_common(self, argc, argv, VM_PRIVATE);
}

static Value
mod_protected_method_defined_p(Value self, int argc, const Value *argv, Value blk)
{
    return method_defined_common(self, argc, argv, VM_PROTECTED);
}

/* ---- visibility of class methods ----
 * public/private/protected/module_function are kernel.c's: their no-argument
 * form changes the caller frame's default visibility. */

/* The names of a visibility call: the arguments, or the elements of one Array argument. */
static void
vis_names(int argc, const Value *argv, int *n, const Value **names)
{
    if (argc == 1 && MG_IS_ARRAY(argv[0])) {
        *n = (int)mg_ary_len(argv[0]);
        *names = mg_ary_ptr(argv[0]);
    } else {
        *n = argc;
        *names = argv;
    }
}

static void
apply_vis(RClass *c, int argc, const Value *argv, Visibility vis)
{
    int n;
    const Value *names;
    vis_names(argc, argv, &n, &names);
    for (int i = 0; i < n; i++) {
        ID id = mg_to_id(names[i]);
        if (!mg_method_set_visibility(c, id, vis)) undefined_method_error(c, id);
    }
}

static Value
mod_private_class_method(Value self, int argc, const Value *argv, Value blk)
{
    apply_vis(mg_singleton_class(self), argc, argv, VIS_PRIVATE);
    return self;
}

static Value
mod_public_class_method(Value self, int argc, const Value *argv, Value blk)
{
    apply_vis(mg_singleton_class(self), argc, argv, VIS_PUBLIC);
    return self;
}

/* ---- attributes ---- */

static ID
attr_id(Value name)
{
    ID id = mg_to_id(name);
    size_t len;
    const char *s = mg_id_name(id, &len);
    if (!mg_ident_valid(s, len)) {
        Value msg = mg_sprintf("invalid attribute name `%s'", s);
        mg_raise_exc(mg_name_error_new(mg_eNameError, msg, MG_UNDEF, id));
    }
    return id;
}

static ID
ivar_of(ID id)
{
    size_t len;
    const char *s = mg_id_name(id, &len);
    char buf[256];
    if (len + 2 > sizeof buf) {
        char *p = mg_malloc(len + 2);
        p[0] = '@';
        memcpy(p + 1, s, len);
        ID r = mg_intern(p, len + 1);
        mg_free(p, len + 2);
        return r;
    }
    buf[0] = '@';
    memcpy(buf + 1, s, len);
    return mg_intern(buf, len + 1);
}

static ID
setter_of(ID id)
{
    size_t len;
    const char *s = mg_id_name(id, &len);
    char *p = mg_malloc(len + 2);
    memcpy(p, s, len);
    p[len] = '=';
    ID r = mg_intern(p, len + 1);
    mg_free(p, len + 2);
    return r;
}

static void
define_attr(RClass *c, ID id, bool reader, bool writer, Value out)
{
    ID iv = ivar_of(id);
    if (reader) {
        MethodEntry me = { .kind = ME_ATTR_READER, .visibility = VIS_PUBLIC };
        me.u.ivar = iv;
        mg_method_add(c, id, &me);
        mg_ary_push(out, MG_SYM(id));
        mg_call_method_added(c, id);
    }
    if (writer) {
        ID set = setter_of(id);
        MethodEntry me = { .kind = ME_ATTR_WRITER, .visibility = VIS_PUBLIC };
        me.u.ivar = iv;
        mg_method_add(c, set, &me);
        mg_ary_push(out, MG_SYM(set));
        mg_call_method_added(c, set);
    }
}

static Value
attr_common(Value self, int argc, const Value *argv, bool reader, bool writer)
{
    RClass *c = mod_of(self);
    mg_class_modify_check(c);
    Value out = mg_ary_new();
    for (int i = 0; i < argc; i++) define_attr(c, attr_id(argv[i]), reader, writer, out);
    return out;
}

static Value
mod_attr_reader(Value self, int argc, const Value *argv, Value blk)
{
    return attr_common(self, argc, argv, true, false);
}

static Value
mod_attr_writer(Value self, int argc, const Value *argv, Value blk)
{
    return attr_common(self, argc, argv, false, true);
}

static Value
mod_attr_accessor(Value self, int argc, const Value *argv, Value blk)
{
    return attr_common(self, argc, argv, true, true);
}

static Value
mod_attr(Value self, int argc, const Value *argv, Value blk)
{
    if (argc == 2 && (argv[1] == MG_TRUE || argv[1] == MG_FALSE)) {
        /* the obsolete attr(name, writable) form */
        return attr_common(self, 1, argv, true, argv[1] == MG_TRUE);
    }
    return attr_common(self, argc, argv, true, false);
}

/* ---- alias / remove / undef ---- */

static Value
mod_alias_method(Value self, int argc, const Value *argv, Value blk)
{
    RClass *c = mod_of(self);
    ID new_id = mg_to_id(argv[0]), old_id = mg_to_id(argv[1]);
    mg_class_modify_check(c);
    if (!mg_method_alias(c, new_id, old_id)) undefined_method_error(c, old_id);
    mg_call_method_added(c, new_id);
    return MG_SYM(new_id);
}

static Value
mod_remove_method(Value self, int argc, const Value *argv, Value blk)
{
    RClass *c = mod_of(self);
    mg_class_modify_check(c);
    for (int i = 0; i < argc; i++) {
        ID id = mg_to_id(argv[i]);
        if (!mg_method_remove(c, id)) {
            Value msg = mg_sprintf("method `%s' not defined in %s", mg_id_name(id, NULL), mg_class_cname(c));
            mg_raise_exc(mg_name_error_new(mg_eNameError, msg, self, id));
        }
        call_hook(c, id_method_removed, id);
    }
    return self;
}

static Value
mod_undef_method(Value self, int argc, const Value *argv, Value blk)
{
    RClass *c = mod_of(self);
    mg_class_modify_check(c);
    for (int i = 0; i < argc; i++) {
        ID id = mg_to_id(argv[i]);
        if (!mg_method_lookup(c, id)) undefined_method_error(c, id);
        mg_method_undef(c, id);
        call_hook(c, id_method_undefined, id);
    }
    return self;
}

/* ---- constants ---- */

static bool
const_name_valid(const char *s, size_t len)
{
    if (len == 0) return false;
    unsigned char c = (unsigned char)s[0];
    if (!((c >= 'A' && c <= 'Z') || c >= 0x80)) return false;
    return mg_ident_valid(s, len);
}

static NORETURN void
wrong_const_name(Value self, const char *s, size_t len)
{
    Value msg = mg_str_new_cstr("wrong constant name ");
    mg_str_cat(msg, s, len);
    mg_raise_exc(mg_name_error_new(mg_eNameError, msg, self, mg_intern(s, len)));
}

/* A constant name argument as const_set takes it: a Symbol or String (TypeError
 * else) that is a valid constant name (NameError else). */
ID
mg_mod_const_id(Value self, Value name)
{
    ID id = mg_to_id(name);
    size_t len;
    const char *s = mg_id_name(id, &len);
    if (!const_name_valid(s, len)) wrong_const_name(self, s, len);
    return id;
}

static Value
const_missing(RClass *c, ID id)
{
    Value sym = MG_SYM(id);
    return mg_funcall(MG_VAL(c), mg_id_const_missing, 1, &sym);
}

/* A::B lookup of B: k and its ancestors, but not Object's constants (unless k is Object). */
static Value
const_lookup_below_object(RClass *k, ID id)
{
    for (RClass *c = k; c; c = c->super) {
        if (c == mg_cObject && k != mg_cObject) break;
        if (c->hdr.type == T_ICLASS && (c->hdr.flags & OF_ORIGIN)) continue;
        Value v = mg_const_get_at(c, id);
        if (v != MG_UNDEF) return v;
    }
    return MG_UNDEF;
}

/* Resolves "A::B::C" (or a plain name) from c. lookup_only: MG_UNDEF instead of const_missing. */
static Value
const_path(Value self, Value name, bool inherit, bool lookup_only)
{
    RClass *c = mod_of(self);
    if (MG_IS_SYMBOL(name) || !MG_IS_STRING(name)) {
        if (!MG_IS_SYMBOL(name)) name = mg_to_str(name);
        else {
            ID id = mg_mod_const_id(self, name);
            Value v = mg_const_lookup(c, id, inherit);
            if (v == MG_UNDEF && !lookup_only) v = const_missing(c, id);
            return v;
        }
    }
    const char *p = mg_str_ptr(name);
    int64_t n = mg_str_len(name);
    if (n == 0) wrong_const_name(self, p, 0);
    const char *end = p + n;
    const char *s = p;
    if (n >= 2 && p[0] == ':' && p[1] == ':') {
        c = mg_cObject;
        s += 2;
    }
    Value v = MG_VAL(c);
    bool first = true;
    while (s <= end) {
        const char *sep = s;
        while (sep < end && !(sep + 1 < end && sep[0] == ':' && sep[1] == ':')) sep++;
        size_t len = (size_t)(sep - s);
        /* a trailing "::" makes the whole name wrong before any lookup, as CRuby */
        if (!const_name_valid(s, len) || (sep < end && sep + 2 >= end)) wrong_const_name(self, p, (size_t)n);
        if (!MG_IS_CLASS_OR_MODULE(v))
            mg_raise(mg_eTypeError, "%s does not refer to class/module", mg_str_cstr(mg_inspect(v)));
        RClass *k = mod_of(v);
        ID id = mg_intern(s, len);
        Value r = first ? mg_const_lookup(k, id, inherit) : (inherit ? const_lookup_below_object(k, id) : mg_const_get_at(k, id));
        if (r == MG_UNDEF) {
            if (lookup_only) return MG_UNDEF;
            r = const_missing(k, id);
        }
        v = r;
        first = false;
        if (sep >= end) break;
        s = sep + 2;
    }
    return v;
}

static Value
mod_const_get(Value self, int argc, const Value *argv, Value blk)
{
    return const_path(self, argv[0], argc > 1 ? MG_TEST(argv[1]) : true, false);
}

static Value
mod_const_defined_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(const_path(self, argv[0], argc > 1 ? MG_TEST(argv[1]) : true, true) != MG_UNDEF);
}

/* Module#const_source_location(name, inherit = true): [file, line] of the
 * Ruby code that set it, [] for one defined in C, nil when not defined. */
static Value
mod_const_source_location(Value self, int argc, const Value *argv, Value blk)
{
    bool inherit = argc > 1 ? MG_TEST(argv[1]) : true;
    Value name = argv[0], where = self;
    if (MG_IS_STRING(name)) {
        const char *p = mg_str_ptr(name), *last = NULL;
        int64_t n = mg_str_len(name);
        for (int64_t i = 0; i + 1 < n; i++) if (p[i] == ':' && p[i + 1] == ':') last = p + i;
        if (last) {
            Value head = last == p ? MG_VAL(mg_cObject)
                                   : const_path(self, mg_str_new(p, (size_t)(last - p)), inherit, true);
            if (head == MG_UNDEF || !MG_IS_CLASS_OR_MODULE(head)) return MG_NIL;
            where = head;
            name = mg_str_new(last + 2, (size_t)(p + n - last - 2));
        }
    }
    ID id = mg_mod_const_id(where, name);
    bool found;
    Value loc = mg_const_location(mod_of(where), id, inherit, &found);
    if (!found) return MG_NIL;
    return loc == MG_NIL ? mg_ary_new() : mg_ary_dup(loc);
}

static Value
mod_const_set(Value self, int argc, const Value *argv, Value blk)
{
    ID id = mg_mod_const_id(self, argv[0]);
    mg_const_set(mod_of(self), id, argv[1]);
    return argv[1];
}

static Value
mod_const_missing(Value self, int argc, const Value *argv, Value blk)
{
    RClass *c = mod_of(self);
    ID id = mg_to_id(argv[0]);
    Value found = mg_const_miss_hook ? mg_const_miss_hook(c, id) : MG_UNDEF;   /* persistent code not read yet */
    if (found != MG_UNDEF) return found;
    Value msg;
    if (c == mg_cObject) msg = mg_sprintf("uninitialized constant %s", mg_id_name(id, NULL));
    else msg = mg_sprintf("uninitialized constant %s::%s", mg_class_cname(c), mg_id_name(id, NULL));
    mg_raise_exc(mg_name_error_new(mg_eNameError, msg, self, id));
}

static void
collect_consts(RClass *k, IdTable *seen, Value out)
{
    if (k->hdr.type == T_ICLASS) k = k->u.module;
    mg_ensure_faulted(&k->hdr);
    if (!k->ext || !k->ext->consts) return;
    ID id;
    uint64_t v;
    for (uint32_t i = 0; mg_idtable_next(k->ext->consts, &i, &id, &v);) {
        if (mg_idtable_get(seen, id, NULL)) continue;
        mg_idtable_set(seen, id, 1);
        if (!(mg_const_flags(k, id) & CONST_PRIVATE)) mg_ary_push(out, MG_SYM(id));
    }
}

static Value
mod_constants(Value self, int argc, const Value *argv, Value blk)
{
    RClass *c = mod_of(self);
    bool inherit = argc > 0 ? MG_TEST(argv[0]) : true;
    Value out = mg_ary_new();
    IdTable *seen = mg_idtable_new();
    for (RClass *k = c; k; k = k->super) {
        if (k->hdr.type == T_ICLASS && (k->hdr.flags & OF_ORIGIN)) continue;
        if (k != c && k == mg_cObject && c != mg_cObject) break;
        collect_consts(k, seen, out);
        if (!inherit) break;
    }
    mg_idtable_free(seen);
    return out;
}

/* Module.constants (no argument, on Module itself): the constants reachable
 * where it is called -- of the lexically enclosing classes, then Object's.
 * With an argument, or for a subclass of Module, Module#constants. */
static Value
mod_s_constants(Value self, int argc, const Value *argv, Value blk)
{
    if (argc > 0 || MG_RCLASS(self) != mg_cModule) return mod_constants(self, argc, argv, blk);
    Value out = mg_ary_new();
    IdTable *seen = mg_idtable_new();
    Frame *f = mg_vm_ruby_frame();
    Value cref = f && f->cref != MG_NIL ? f->cref : VMS->top_cref;
    for (Value c = cref; c != MG_NIL; c = mg_cref_ptr(c)->next) {
        RClass *k = mg_cref_ptr(c)->klass;
        if (k && k != mg_cObject) collect_consts(k, seen, out);
    }
    for (RClass *k = mg_cObject; k; k = k->super) {
        if (k->hdr.type == T_ICLASS && (k->hdr.flags & OF_ORIGIN)) continue;
        collect_consts(k, seen, out);
    }
    mg_idtable_free(seen);
    return out;
}

static Value
mod_remove_const(Value self, int argc, const Value *argv, Value blk)
{
    RClass *c = mod_of(self);
    ID id = mg_to_id(argv[0]);
    size_t len;
    const char *s = mg_id_name(id, &len);
    if (!const_name_valid(s, len)) {
        Value msg = mg_sprintf("`%s' is not allowed as a constant variable name", s);
        mg_raise_exc(mg_name_error_new(mg_eNameError, msg, self, id));
    }
    MG_CHECK_FROZEN(self);
    Value v = mg_const_remove(c, id);
    if (v == MG_UNDEF) {
        Value msg = mg_sprintf("constant %s::%s not defined", mg_class_cname(c), mg_id_name(id, NULL));
        mg_raise_exc(mg_name_error_new(mg_eNameError, msg, self, id));
    }
    return v;
}

/* private_constant / public_constant / deprecate_constant: set or clear a
 * flag of each named constant of self's own table (NameError for one it does
 * not have, and then none is changed); recorded in persistent mode. */
static Value
const_flag(Value self, int argc, const Value *argv, unsigned flag, bool on)
{
    RClass *c = mod_of(self);
    for (int i = 0; i < argc; i++) {
        ID id = mg_to_id(argv[i]);
        if (mg_const_get_at(c, id) == MG_UNDEF) {
            Value msg = mg_sprintf("constant %s::%s not defined", mg_class_cname(c), mg_id_name(id, NULL));
            mg_raise_exc(mg_name_error_new(mg_eNameError, msg, self, id));
        }
    }
    for (int i = 0; i < argc; i++) {
        ID id = mg_to_id(argv[i]);
        unsigned was = mg_const_flags(c, id), now = on ? was | flag : was & ~flag;
        if (now == was) continue;
        mg_const_set_flags(c, id, now);
        mg_code_const_flags(c, id, now);
    }
    return self;
}

static Value
mod_private_constant(Value self, int argc, const Value *argv, Value blk)
{
    return const_flag(self, argc, argv, CONST_PRIVATE, true);
}

static Value
mod_public_constant(Value self, int argc, const Value *argv, Value blk)
{
    return const_flag(self, argc, argv, CONST_PRIVATE, false);
}

static Value
mod_deprecate_constant(Value self, int argc, const Value *argv, Value blk)
{
    return const_flag(self, argc, argv, CONST_DEPRECATED, true);
}

/* ---- class variables ---- */

static ID
cvar_id(Value self, Value name)
{
    ID id = mg_to_id(name);
    size_t len;
    const char *s = mg_id_name(id, &len);
    if (len < 3 || s[0] != '@' || s[1] != '@' || !mg_ident_valid(s + 2, len - 2)) {
        Value msg = mg_sprintf("`%s' is not allowed as a class variable name", s);
        mg_raise_exc(mg_name_error_new(mg_eNameError, msg, self, id));
    }
    return id;
}

static Value
mod_cvar_get(Value self, int argc, const Value *argv, Value blk)
{
    RClass *c = mod_of(self);
    ID id = cvar_id(self, argv[0]);
    Value v = mg_cvar_lookup(c, id);
    if (v == MG_UNDEF) {
        Value msg = mg_sprintf("uninitialized class variable %s in %s", mg_id_name(id, NULL), mg_class_cname(c));
        mg_raise_exc(mg_name_error_new(mg_eNameError, msg, self, id));
    }
    return v;
}

static Value
mod_cvar_set(Value self, int argc, const Value *argv, Value blk)
{
    mg_cvar_set(mod_of(self), cvar_id(self, argv[0]), argv[1]);
    return argv[1];
}

static Value
mod_cvar_defined_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(mg_cvar_defined(mod_of(self), cvar_id(self, argv[0])));
}

static Value
mod_class_variables(Value self, int argc, const Value *argv, Value blk)
{
    RClass *c = mod_of(self);
    bool inherit = argc > 0 ? MG_TEST(argv[0]) : true;
    Value out = mg_ary_new();
    IdTable *seen = mg_idtable_new();
    for (RClass *k = c; k; k = k->super) {
        RClass *m = k->hdr.type == T_ICLASS ? k->u.module : k;
        mg_ensure_faulted(&m->hdr);
        if (m->ext && m->ext->cvars) {
            ID id;
            uint64_t v;
            for (uint32_t i = 0; mg_idtable_next(m->ext->cvars, &i, &id, &v);) {
                if (mg_idtable_get(seen, id, NULL)) continue;
                mg_idtable_set(seen, id, 1);
                mg_ary_push(out, MG_SYM(id));
            }
        }
        if (!inherit) break;
    }
    mg_idtable_free(seen);
    return out;
}

static Value
mod_remove_cvar(Value self, int argc, const Value *argv, Value blk)
{
    RClass *c = mod_of(self);
    ID id = cvar_id(self, argv[0]);
    MG_CHECK_FROZEN(self);
    uint64_t old;
    if (!c->ext || !c->ext->cvars || !mg_idtable_delete(c->ext->cvars, id, &old)) {
        Value msg = mg_sprintf("class variable %s not defined for %s", mg_id_name(id, NULL), mg_class_cname(c));
        mg_raise_exc(mg_name_error_new(mg_eNameError, msg, self, id));
    }
    mg_wb(&c->hdr, MG_NIL);
    if (mg_class_slot_hook) mg_class_slot_hook(c, id, MG_UNDEF, true);
    return (Value)old;
}

/* ---- creation ---- */

static Value
module_alloc(RClass *klass)
{
    RClass *m = mg_module_new();
    m->hdr.klass = klass;
    return MG_VAL(m);
}

static Value
class_alloc(RClass *klass)
{
    return MG_VAL(mg_class_new(mg_cObject));
}

/* Module#initialize { |mod| ... } */
static Value
mod_initialize(Value self, int argc, const Value *argv, Value blk)
{
    if (mg_block_given(blk)) mg_funcall_block(self, id_module_exec, 1, &self, blk);
    return MG_NIL;
}

/* Class.new(superclass = Object) { |klass| ... } */
static Value
class_s_new(Value self, int argc, const Value *argv, Value blk)
{
    if (argc > 1) mg_raise_argc(argc, 0, 1);
    RClass *super = mg_cObject;
    if (argc == 1) {
        Value s = argv[0];
        if (!MG_IS_TYPE(s, T_CLASS))
            mg_raise(mg_eTypeError, "superclass must be an instance of Class (given an instance of %s)",
                     mg_class_cname(mg_obj_class(s)));
        super = mod_of(s);
        if (super->hdr.flags & OF_SINGLETON) mg_raise(mg_eTypeError, "can't make subclass of singleton class");
        if (super == mg_cClass) mg_raise(mg_eTypeError, "can't make subclass of Class");
    }
    RClass *c = mg_class_new(super);
    Value cv = MG_VAL(c);
    mg_funcall(MG_VAL(super), mg_id_inherited, 1, &cv);
    if (mg_block_given(blk)) mg_funcall_block(cv, id_class_exec, 1, &cv, blk);
    return cv;
}

static Value
class_new_instance(Value self, int argc, const Value *argv, Value blk)
{
    return mg_class_new_instance(mod_of(self), argc, argv, blk);
}

static Value
class_allocate(Value self, int argc, const Value *argv, Value blk)
{
    RClass *c = mod_of(self);
    if (c->hdr.flags & OF_SINGLETON) mg_raise(mg_eTypeError, "can't create instance of singleton class");
    MgAllocFunc alloc = mg_get_alloc_func(c);
    if (!alloc) mg_raise(mg_eTypeError, "allocator undefined for %s", mg_class_cname(c));
    return alloc(c);
}

static Value
class_superclass(Value self, int argc, const Value *argv, Value blk)
{
    RClass *s = mg_class_superclass(mod_of(self));
    return s ? MG_VAL(s) : MG_NIL;
}

typedef struct { RClass *parent; RClass **found; size_t count, capacity; bool overflow; } SubclassScan;

static void
scan_subclass(Obj *o, void *arg)
{
    SubclassScan *st = arg;
    if (o->type != T_CLASS || (o->flags & (OF_SINGLETON | OF_UNFAULTED))) return;
    RClass *k = ((RClass *)o)->super;
    while (k && k->hdr.type == T_ICLASS) k = k->super;
    if (k != st->parent) return;
    if (st->count == st->capacity) {
        st->overflow = true;
        return;
    }
    st->found[st->count++] = (RClass *)o;
}

static Value
class_subclasses(Value self, int argc, const Value *argv, Value blk)
{
    SubclassScan st = { mod_of(self), NULL, 0, 64, false };
    for (;;) {
        st.found = mg_malloc(st.capacity * sizeof(RClass *));
        st.count = 0;
        st.overflow = false;
        mg_gc_each_object(scan_subclass, &st);
        if (!st.overflow) break;
        mg_free(st.found, st.capacity * sizeof(RClass *));
        st.capacity *= 4;
    }
    Value out = mg_ary_new_capa((int64_t)st.count);
    for (size_t i = st.count; i > 0; i--) mg_ary_push(out, MG_VAL(st.found[i - 1]));
    mg_free(st.found, st.capacity * sizeof(RClass *));
    return out;
}

/* ---- copying (Module#dup / clone) ---- */

static void
copy_methods(RClass *dst, RClass *src)
{
    ID k;
    uint64_t e;
    IdTable *mt = src->origin->mt;
    for (uint32_t i = 0; mg_idtable_next(mt, &i, &k, &e);) {
        MethodEntry copy = *(MethodEntry *)(uintptr_t)e;
        copy.owner = dst;
        mg_method_add(dst, k, &copy);
    }
}

/* src's methods (singleton: its class methods) into dst: store/code.c replays a
 * recorded copy with it. */
void
mg_mod_copy_methods(RClass *dst, RClass *src, bool singleton)
{
    if (!singleton) { copy_methods(dst, src); return; }
    RClass *meta = src->hdr.klass;
    if (meta && (meta->hdr.flags & OF_SINGLETON) && meta->u.attached == MG_VAL(src) && mg_idtable_size(meta->origin->mt) > 0)
        copy_methods(mg_singleton_class(MG_VAL(dst)), meta);
}

Value
mg_mod_dup(Value mod)
{
    RClass *o = mod_of(mod);
    if (o->hdr.flags & OF_SINGLETON) mg_raise(mg_eTypeError, "can't copy singleton class");
    RClass *n = o->hdr.type == T_MODULE ? mg_module_new() : mg_class_new(mg_class_superclass(o));
    if (o->hdr.type == T_MODULE) n->hdr.klass = mg_obj_class(mod);
    /* in persistent mode the copy records what it copies (store/code.c), not each method */
    bool recorded = mg_code_record_copy(n, o);
    if (recorded) mg_code_loading++;
    copy_methods(n, o);
    if (recorded) mg_code_loading--;
    if (o->ext && o->ext->consts) n->ext->consts = mg_idtable_copy(o->ext->consts);
    if (o->ext && o->ext->cvars) n->ext->cvars = mg_idtable_copy(o->ext->cvars);
    if (o->ext && o->ext->alloc && o->hdr.type == T_CLASS) n->ext->alloc = o->ext->alloc;
    /* included modules (after the origin) and prepended ones (before it), oldest first */
    RClass *inc[64], *pre[64];
    int ni = 0, np = 0;
    for (RClass *k = o->super; k && k->hdr.type == T_ICLASS; k = k->super) {
        if (k->hdr.flags & OF_ORIGIN) continue;
        bool before_origin = false;
        for (RClass *j = k; j; j = j->super)
            if (j == o->origin && o->origin != o) before_origin = true;
        if (before_origin) {
            if (np < 64) pre[np++] = k->u.module;
        } else if (ni < 64) {
            inc[ni++] = k->u.module;
        }
    }
    while (ni > 0) mg_include_module(n, inc[--ni]);
    while (np > 0) mg_prepend_module(n, pre[--np]);
    /* class methods */
    RClass *meta = o->hdr.klass;
    if (meta && (meta->hdr.flags & OF_SINGLETON) && meta->u.attached == mod && mg_idtable_size(meta->origin->mt) > 0) {
        RClass *nm = mg_singleton_class(MG_VAL(n));
        if (recorded) mg_code_loading++;
        copy_methods(nm, meta);
        if (recorded) mg_code_loading--;
    }
    return MG_VAL(n);
}

/* ---- tables ---- */

/* Module#==: identity, defined on Module as in CRuby (so its owner is Module) */
static Value
mod_eq(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(self == argv[0]);
}

static const MgMethodDef mod_methods[] = {
    {"==", mod_eq, 1, 1},
    {"name", mod_name, 0, 0},
    {"to_s", mod_to_s, 0, 0},
    {"inspect", mod_to_s, 0, 0},
    {"===", mod_eqq, 1, 1},
    {"<", mod_lt, 1, 1},
    {"<=", mod_le, 1, 1},
    {">", mod_gt, 1, 1},
    {">=", mod_ge, 1, 1},
    {"<=>", mod_cmp, 1, 1},
    {"singleton_class?", mod_singleton_class_p, 0, 0},
    {"freeze", mod_freeze, 0, 0},
    {"ancestors", mod_ancestors, 0, 0},
    {"include", mod_include, 1, -1},
    {"prepend", mod_prepend, 1, -1},
    {"include?", mod_include_p, 1, 1},
    {"included_modules", mod_included_modules, 0, 0},
    {"instance_methods", mod_instance_methods, 0, 1},
    {"public_instance_methods", mod_public_instance_methods, 0, 1},
    {"private_instance_methods", mod_private_instance_methods, 0, 1},
    {"protected_instance_methods", mod_protected_instance_methods, 0, 1},
    {"method_defined?", mod_method_defined_p, 1, 2},
    {"public_method_defined?", mod_public_method_defined_p, 1, 2},
    {"private_method_defined?", mod_private_method_defined_p, 1, 2},
    {"protected_method_defined?", mod_protected_method_defined_p, 1, 2},
    {"private_class_method", mod_private_class_method, 0, -1},
    {"public_class_method", mod_public_class_method, 0, -1},
    {"attr_reader", mod_attr_reader, 0, -1},
    {"attr_writer", mod_attr_writer, 0, -1},
    {"attr_accessor", mod_attr_accessor, 0, -1},
    {"attr", mod_attr, 0, -1},
    {"alias_method", mod_alias_method, 2, 2},
    {"remove_method", mod_remove_method, 0, -1},
    {"undef_method", mod_undef_method, 0, -1},
    {"const_get", mod_const_get, 1, 2},
    {"const_set", mod_const_set, 2, 2},
    {"const_defined?", mod_const_defined_p, 1, 2},
    {"const_source_location", mod_const_source_location, 1, 2},
    {"const_missing", mod_const_missing, 1, 1},
    {"constants", mod_constants, 0, 1},
    {"private_constant", mod_private_constant, 0, -1},
    {"public_constant", mod_public_constant, 0, -1},
    {"deprecate_constant", mod_deprecate_constant, 0, -1},
    {"class_variable_get", mod_cvar_get, 1, 1},
    {"class_variable_set", mod_cvar_set, 2, 2},
    {"class_variable_defined?", mod_cvar_defined_p, 1, 1},
    {"class_variables", mod_class_variables, 0, 1},
    {"remove_class_variable", mod_remove_cvar, 1, 1},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef mod_private_methods[] = {
    {"initialize", mod_initialize, 0, 0},
    {"append_features", mod_append_features, 1, 1},
    {"prepend_features", mod_prepend_features, 1, 1},
    {"extend_object", mod_extend_object, 1, 1},
    {"included", mod_hook, 1, 1},
    {"extended", mod_hook, 1, 1},
    {"prepended", mod_hook, 1, 1},
    {"method_added", mod_hook, 1, 1},
    {"method_removed", mod_hook, 1, 1},
    {"method_undefined", mod_hook, 1, 1},
    {"remove_const", mod_remove_const, 1, 1},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef class_methods[] = {
    {"new", class_new_instance, 0, -1},
    {"allocate", class_allocate, 0, 0},
    {"superclass", class_superclass, 0, 0},
    {"subclasses", class_subclasses, 0, 0},
    {NULL, NULL, 0, 0}
};

void
mg_init_module(void)
{
    id_append_features = mg_intern_cstr("append_features");
    id_prepend_features = mg_intern_cstr("prepend_features");
    id_extend_object = mg_intern_cstr("extend_object");
    id_method_removed = mg_intern_cstr("method_removed");
    id_method_undefined = mg_intern_cstr("method_undefined");
    id_module_exec = mg_intern_cstr("module_exec");
    id_class_exec = mg_intern_cstr("class_exec");

    mg_define_alloc_func(mg_cModule, module_alloc);
    mg_define_alloc_func(mg_cClass, class_alloc);
    mg_define_methods(mg_cModule, mod_methods);
    for (const MgMethodDef *d = mod_private_methods; d->name; d++)
        mg_define_private_method(mg_cModule, d->name, d->fn, d->min_args, d->max_args);
    mg_define_methods(mg_cClass, class_methods);
    mg_define_private_method(mg_cClass, "inherited", mod_hook, 1, 1);
    mg_define_singleton_method(MG_VAL(mg_cClass), "new", class_s_new, 0, -1);
    mg_define_singleton_method(MG_VAL(mg_cClass), "allocate", class_allocate, 0, 0);
    mg_define_singleton_method(MG_VAL(mg_cModule), "constants", mod_s_constants, 0, 1);
    static const char *const class_undefs[] = {
        "append_features", "prepend_features", "extend_object", "module_function", "refine",
    };
    for (size_t i = 0; i < ARRAY_LEN(class_undefs); i++) mg_method_undef(mg_cClass, mg_intern_cstr(class_undefs[i]));
}
