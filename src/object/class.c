/* class.c -- classes, modules, singleton classes, method tables and lookup,
 * constants and class variables. The method-cache invariant is in class.h.
 *
 * Ancestry: a class's super chain holds real classes and ICLASSes. Including
 * module M into C inserts an ICLASS (sharing M's method table) after C.
 * Prepending moves C's own methods into an "origin" ICLASS placed after the
 * prepended modules: C -> P' -> C(origin) -> super. Definitions always go to
 * c->origin; lookup always starts at the receiver's class. */
#include "class.h"
#include "../gc/gc.h"
#include "../vm/vm.h"
#include "../core/core.h"
#include "../util/idtable.h"

uint64_t mg_method_serial = 1;
void (*mg_class_created_hook)(RClass *c);
void (*mg_method_defined_hook)(RClass *c, ID name, const MethodEntry *me, bool had);
void (*mg_const_defined_hook)(RClass *c, ID name, Value v);
void (*mg_class_slot_hook)(RClass *c, ID name, Value v, bool cvar);
Value (*mg_const_miss_hook)(RClass *c, ID name);
void (*mg_module_included_hook)(RClass *c, RClass *m, bool prepend);

/* ---- method cache: direct-mapped, invalidated by serial ---- */

#define MCACHE_SIZE 4096
static struct { RClass *klass; ID name; uint64_t serial; MethodEntry *me; } mcache[MCACHE_SIZE];

static void
invalidate(void)
{
    mg_method_serial++;
}

static int nstandins;
static void standins_check(ID name);

/* ---- redefinition of the VM's inline operators (class.h BOP_*) ---- */

uint32_t mg_bop_redefined;
uint32_t mg_bop_real;        /* what programs redefined: mg_bop_redefined is more while TracePoint traces C calls */
bool mg_bop_tracking;

static void
bop_note(RClass *c, ID name)
{
    if (!mg_bop_tracking) return;
    size_t len;
    const char *s = mg_id_name(name, &len);
    if (len == 0 || len > 4) return;
    static const struct { const char *name; uint32_t bits; } ops[] = {
        {"+", BOP_PLUS}, {"-", BOP_MINUS}, {"*", BOP_MULT}, {"/", BOP_DIV}, {"%", BOP_MOD},
        {"<", BOP_LT}, {"<=", BOP_LE}, {">", BOP_GT}, {">=", BOP_GE}, {"==", BOP_EQ | BOP_NEQ | BOP_EQQ},
        {"!=", BOP_NEQ}, {"<<", BOP_LTLT}, {"[]", BOP_AREF}, {"[]=", BOP_ASET}, {"&", BOP_AND},
        {"|", BOP_OR}, {"^", BOP_XOR}, {">>", BOP_RSHIFT}, {"===", BOP_EQQ}, {"size", BOP_SIZE},
        {"<=>", BOP_LT | BOP_LE | BOP_GT | BOP_GE}, {"coerce", 0}, {"to_s", BOP_TO_S},
        {"max", BOP_MAXMIN}, {"min", BOP_MAXMIN},
    };
    uint32_t bits = 0;
    for (size_t i = 0; i < ARRAY_LEN(ops); i++) if (!strcmp(s, ops[i].name)) bits = ops[i].bits;
    if (!bits) return;
    if (bits == BOP_MAXMIN && c != mg_cArray && c->hdr.type != T_MODULE) return;   /* only literal Arrays take the shortcut */
    if (c->hdr.type == T_MODULE || c == mg_cInteger || c == mg_cFloat || c == mg_cString || c == mg_cArray ||
        c == mg_cHash || c == mg_cSymbol || c == mg_cNilClass || c == mg_cTrueClass || c == mg_cFalseClass ||
        c == mg_cNumeric || c == mg_cObject || c == mg_cBasicObject || c == mg_cRange) {
        mg_bop_redefined |= bits;
        mg_bop_real |= bits;
    }
}

/* ---- creation ---- */

static ClassExt *
ext_new(void)
{
    ClassExt *e = mg_calloc(1, sizeof *e);
    e->name = MG_NIL;
    return e;
}

RClass *
mg_class_boot(RClass *super, ObjType type)
{
    RClass *c = (RClass *)mg_gc_alloc(sizeof(RClass), type, NULL);
    c->super = super;
    c->mt = mg_idtable_new();
    c->ext = ext_new();
    c->origin = c;
    return c;
}

/* The metaclass of class c: its super is the metaclass of c's superclass. */
void
mg_class_boot_metaclass(RClass *c)
{
    RClass *meta = mg_class_boot(NULL, T_CLASS);
    meta->hdr.flags |= OF_SINGLETON;
    meta->hdr.klass = mg_cClass;
    meta->u.attached = MG_VAL(c);
    RClass *sup = mg_class_real(c->super ? c->super : NULL);
    meta->super = sup ? sup->hdr.klass : mg_cClass;
    c->hdr.klass = meta;
    if (c->hdr.flags & OF_PERSISTABLE) meta->hdr.flags |= OF_PERSISTABLE;
}

RClass *
mg_class_new(RClass *super)
{
    if (super) {
        if (super->hdr.type != T_CLASS) mg_raise(mg_eTypeError, "superclass must be a Class");
        if (super->hdr.flags & OF_SINGLETON) mg_raise(mg_eTypeError, "can't make subclass of singleton class");
        if (super == mg_cClass) mg_raise(mg_eTypeError, "can't make subclass of Class");
    }
    RClass *c = mg_class_boot(super, T_CLASS);
    c->hdr.klass = mg_cClass;
    if (mg_class_created_hook) mg_class_created_hook(c);   /* before the metaclass copies OF_PERSISTABLE */
    mg_class_boot_metaclass(c);
    return c;
}

void
mg_class_fill(RClass *c, RClass *super, Value name)
{
    c->super = super;
    c->mt = mg_idtable_new();
    c->ext = ext_new();
    c->ext->name = name;
    c->origin = c;
    if (c->hdr.type == T_MODULE) c->hdr.klass = mg_cModule;
    else mg_class_boot_metaclass(c);
    invalidate();
}

RClass *
mg_module_new(void)
{
    RClass *m = mg_class_boot(NULL, T_MODULE);
    m->hdr.klass = mg_cModule;
    if (mg_class_created_hook) mg_class_created_hook(m);
    return m;
}

void
mg_class_set_name(RClass *c, RClass *outer, ID name)
{
    size_t len;
    const char *s = mg_id_name(name, &len);
    Value path;
    if (!outer || outer == mg_cObject) {
        path = mg_str_new(s, len);
    } else {
        path = mg_str_dup(mg_class_path(outer));
        mg_str_cat(path, "::", 2);
        mg_str_cat(path, s, len);
    }
    mg_str_freeze(path);
    c->ext->name = path;
    c->ext->lexical_parent = outer;
}

Value
mg_class_name(RClass *c)
{
    mg_ensure_faulted(&c->hdr);
    return c->ext ? c->ext->name : MG_NIL;
}

Value
mg_class_path(RClass *c)
{
    mg_ensure_faulted(&c->hdr);
    if (c->hdr.type == T_ICLASS) c = c->u.module;
    if (c->ext && c->ext->name != MG_NIL) return mg_str_dup(c->ext->name);
    if (c->hdr.flags & OF_SINGLETON) {
        Value s = mg_str_new_cstr("#<Class:");
        Value att = c->u.attached;
        if (MG_IS_CLASS_OR_MODULE(att)) mg_str_append(s, mg_class_path(MG_RCLASS(att)));
        else mg_str_append(s, mg_any_to_s(att));
        mg_str_cat(s, ">", 1);
        return s;
    }
    return mg_any_to_s(MG_VAL(c));
}

const char *
mg_class_cname(RClass *c)
{
    return mg_str_cstr(mg_class_path(c));
}

RClass *
mg_class_real(RClass *c)
{
    while (c && ((c->hdr.flags & OF_SINGLETON) || c->hdr.type == T_ICLASS)) c = c->super;
    return c;
}

RClass *
mg_class_superclass(RClass *c)
{
    mg_ensure_faulted(&c->hdr);
    if (c->hdr.flags & OF_SINGLETON) {
        /* the singleton of a class: its super is the superclass's singleton */
        RClass *s = c->super;
        while (s && s->hdr.type == T_ICLASS) s = s->super;
        return s;
    }
    RClass *s = c->super;
    while (s && s->hdr.type == T_ICLASS) s = s->super;
    return s;
}

static Value
default_alloc(RClass *klass)
{
    return mg_obj_alloc(klass);
}

RClass *
mg_singleton_class(Value obj)
{
    if (!MG_IS_PTR(obj)) {
        if (obj == MG_NIL) return mg_cNilClass;
        if (obj == MG_TRUE) return mg_cTrueClass;
        if (obj == MG_FALSE) return mg_cFalseClass;
        mg_raise(mg_eTypeError, "can't define singleton");
    }
    Obj *o = MG_OBJ(obj);
    mg_ensure_faulted(o);
    if (o->klass && (o->klass->hdr.flags & OF_SINGLETON) && o->klass->u.attached == obj) return o->klass;
    if (o->type == T_FLOAT || o->type == T_BIGNUM) mg_raise(mg_eTypeError, "can't define singleton");
    RClass *meta = mg_class_boot(o->klass, T_CLASS);
    meta->hdr.flags |= OF_SINGLETON;
    meta->u.attached = obj;
    meta->hdr.klass = mg_cClass;
    if (o->type != T_CLASS) {
        /* an object's singleton class answers its class's class methods, as in CRuby:
         * its class is the metaclass of the object's class (obj.singleton_class.m
         * finds B.m), and its own singleton class then inherits from that metaclass */
        RClass *rc = mg_class_real(o->klass);
        if (rc && rc->hdr.klass && (rc->hdr.klass->hdr.flags & OF_SINGLETON)) meta->hdr.klass = rc->hdr.klass;
    }
    o->klass = meta;
    invalidate();
    return meta;
}

bool
mg_class_inherits(RClass *c, RClass *ancestor)
{
    for (RClass *k = c; k; k = k->super) {
        if (k == ancestor) return true;
        if (k->hdr.type == T_ICLASS && k->u.module == ancestor) return true;
    }
    return false;
}

bool
mg_obj_is_kind_of(Value obj, RClass *c)
{
    return mg_class_inherits(mg_class_of(obj), c);
}

bool
mg_obj_is_instance_of(Value obj, RClass *c)
{
    return mg_obj_class(obj) == c;
}

/* ---- include / prepend ---- */

static RClass *
iclass_new(RClass *module, RClass *super)
{
    RClass *ic = (RClass *)mg_gc_alloc(sizeof(RClass), T_ICLASS, mg_cModule);
    ic->super = super;
    ic->mt = module->origin->mt;
    ic->origin = ic;
    ic->u.module = module;
    return ic;
}

static bool
already_included(RClass *start, RClass *stop, RClass *m)
{
    for (RClass *k = start; k && k != stop; k = k->super)
        if (k->hdr.type == T_ICLASS && k->u.module == m) return true;
    return false;
}

/* Insert m and the modules m includes after `at`; returns the last inserted. */
static void
insert_modules(RClass *klass, RClass *at, RClass *m)
{
    RClass *pos = at;
    /* m's own chain: m, then the iclasses m includes (m's super chain) */
    for (RClass *src = m; src; src = src->super) {
        RClass *mod = src->hdr.type == T_ICLASS ? src->u.module : src;
        if (mod == klass) mg_raise(mg_eArgumentError, "cyclic include detected");
        if (src != m && src->hdr.type != T_ICLASS) continue;
        if (already_included(klass, NULL, mod)) continue;
        RClass *ic = iclass_new(mod, pos->super);
        pos->super = ic;
        pos = ic;
    }
}

void
mg_include_module(RClass *c, RClass *m)
{
    mg_ensure_faulted(&c->hdr);
    mg_ensure_faulted(&m->hdr);
    if (m->hdr.type != T_MODULE) mg_raise(mg_eTypeError, "wrong argument type %s (expected Module)",
                                          mg_class_cname(mg_obj_class(MG_VAL(m))));
    MG_CHECK_FROZEN(MG_VAL(c));
    mg_wb(&c->hdr, MG_VAL(m));
    insert_modules(c, c->origin, m);
    invalidate();
    if (nstandins) standins_check(0);
    if (mg_module_included_hook) mg_module_included_hook(c, m, false);
}

void
mg_prepend_module(RClass *c, RClass *m)
{
    mg_ensure_faulted(&c->hdr);
    mg_ensure_faulted(&m->hdr);
    if (m->hdr.type != T_MODULE) mg_raise(mg_eTypeError, "wrong argument type %s (expected Module)",
                                          mg_class_cname(mg_obj_class(MG_VAL(m))));
    MG_CHECK_FROZEN(MG_VAL(c));
    mg_wb(&c->hdr, MG_VAL(m));
    if (c->origin == c) {
        RClass *origin = (RClass *)mg_gc_alloc(sizeof(RClass), T_ICLASS, mg_cModule);
        origin->mt = c->mt;
        origin->origin = origin;
        origin->u.module = c;
        origin->hdr.flags |= OF_ORIGIN;
        origin->super = c->super;
        c->super = origin;
        c->mt = mg_idtable_new();
        c->origin = origin;
    }
    if (!already_included(c, c->origin, m)) insert_modules(c, c, m);
    invalidate();
    if (mg_module_included_hook) mg_module_included_hook(c, m, true);
}

void
mg_extend_object(Value obj, RClass *m)
{
    mg_include_module(mg_singleton_class(obj), m);
}

Value
mg_class_ancestors(RClass *c)
{
    Value a = mg_ary_new();
    for (RClass *k = c; k; k = k->super) {
        if (k->hdr.type == T_ICLASS) {
            /* an origin stands where the prepended class's own methods are */
            mg_ary_push(a, MG_VAL(k->u.module));
        } else if (k->origin == k) {
            mg_ary_push(a, MG_VAL(k));
        }   /* a class with prepended modules is listed at its origin, after them */
    }
    return a;
}

void
mg_define_alloc_func(RClass *c, MgAllocFunc fn)
{
    c->ext->alloc = fn;
}

MgAllocFunc
mg_get_alloc_func(RClass *c)
{
    for (RClass *k = c; k; k = k->super)
        if (k->hdr.type == T_CLASS && k->ext && k->ext->alloc) return k->ext->alloc;
    return default_alloc;
}

Value
mg_class_new_instance(RClass *c, int argc, const Value *argv, Value blk)
{
    if (c->hdr.flags & OF_SINGLETON) mg_raise(mg_eTypeError, "can't create instance of singleton class");
    Value obj = mg_get_alloc_func(c)(c);
    if (mg_kw_given()) mg_funcall_kw(obj, mg_id_initialize, argc, argv, blk);
    else mg_funcall_block(obj, mg_id_initialize, argc, argv, blk);
    return obj;
}

/* ---- named definitions ---- */

static RClass *
check_existing(Value v, const char *name, ObjType type, RClass *super)
{
    if (!MG_IS_CLASS_OR_MODULE(v) || MG_OBJ(v)->type != type)
        mg_raise(mg_eTypeError, "%s is not a %s", name, type == T_CLASS ? "class" : "module");
    RClass *c = MG_RCLASS(v);
    if (type == T_CLASS && super && mg_class_superclass(c) != super)
        mg_raise(mg_eTypeError, "superclass mismatch for class %s", name);
    return c;
}

RClass *
mg_define_class_under(RClass *outer, const char *name, RClass *super)
{
    ID id = mg_intern_cstr(name);
    Value v = mg_const_get_at(outer, id);
    if (v != MG_UNDEF) return check_existing(v, name, T_CLASS, super);
    RClass *c = mg_class_new(super ? super : mg_cObject);
    mg_const_set(outer, id, MG_VAL(c));
    return c;
}

RClass *
mg_define_class(const char *name, RClass *super)
{
    return mg_define_class_under(mg_cObject, name, super);
}

RClass *
mg_define_module_under(RClass *outer, const char *name)
{
    ID id = mg_intern_cstr(name);
    Value v = mg_const_get_at(outer, id);
    if (v != MG_UNDEF) return check_existing(v, name, T_MODULE, NULL);
    RClass *m = mg_module_new();
    mg_const_set(outer, id, MG_VAL(m));
    return m;
}

RClass *
mg_define_module(const char *name)
{
    return mg_define_module_under(mg_cObject, name);
}

/* ---- methods ---- */

MethodEntry *
mg_method_add(RClass *c, ID name, const MethodEntry *me)
{
    mg_ensure_faulted(&c->hdr);
    mg_wb(&c->hdr, MG_NIL);
    RClass *target = c->origin;
    MethodEntry *copy = mg_malloc(sizeof *copy);
    *copy = *me;
    copy->name = name;
    if (!copy->original_name) copy->original_name = name;
    copy->owner = c;
    copy->flags &= (uint16_t)~MEF_STANDIN;      /* a definition, an alias, a visibility copy: the class's own */
    uint64_t old;
    /* entries are never freed: a running frame or an inline cache may still hold the old one */
    bool had = mg_idtable_get(target->mt, name, &old);
    mg_idtable_set(target->mt, name, (uint64_t)(uintptr_t)copy);
    invalidate();
    bop_note(c, name);
    if (nstandins) standins_check(name);
    if (mg_method_defined_hook) mg_method_defined_hook(c, name, copy, had);
    return copy;
}

bool
mg_method_remove(RClass *c, ID name)
{
    mg_ensure_faulted(&c->hdr);
    uint64_t old;
    if (!mg_idtable_get(c->origin->mt, name, &old)) return false;
    if (((MethodEntry *)(uintptr_t)old)->kind == ME_UNDEF) return false;
    mg_wb(&c->hdr, MG_NIL);
    mg_idtable_delete(c->origin->mt, name, NULL);
    invalidate();
    bop_note(c, name);
    if (nstandins) standins_check(name);
    if (mg_method_defined_hook) mg_method_defined_hook(c, name, NULL, true);
    return true;
}

void
mg_method_undef(RClass *c, ID name)
{
    MethodEntry me = { .kind = ME_UNDEF };
    mg_method_add(c, name, &me);
}

bool
mg_method_alias(RClass *c, ID new_name, ID old_name)
{
    MethodEntry *orig = mg_method_lookup(c, old_name);
    /* as in CRuby, a module may alias Object's methods (Kernel#require ...) */
    if (!orig && c->hdr.type == T_MODULE) orig = mg_method_lookup(mg_cObject, old_name);
    if (!orig) return false;
    MethodEntry copy = *orig;
    RClass *owner = orig->owner;
    copy.original_name = orig->original_name;
    MethodEntry *added = mg_method_add(c, new_name, &copy);
    added->owner = owner;  /* super from an aliased method continues from the original's owner */
    return true;
}

bool
mg_method_set_visibility(RClass *c, ID name, Visibility vis)
{
    uint64_t v;
    if (mg_idtable_get(c->origin->mt, name, &v)) {
        MethodEntry *me = (MethodEntry *)(uintptr_t)v;
        if (me->kind != ME_UNDEF) {
            if (me->visibility != vis) {
                MethodEntry copy = *me;
                copy.visibility = (uint8_t)vis;
                MethodEntry *added = mg_method_add(c, name, &copy);
                added->owner = me->owner;
            }
            return true;
        }
    }
    MethodEntry *me = mg_method_lookup(c, name);
    if (!me) return false;
    /* inherited: copy the entry into c with the new visibility */
    MethodEntry copy = *me;
    copy.visibility = (uint8_t)vis;
    MethodEntry *added = mg_method_add(c, name, &copy);
    added->owner = me->owner;
    return true;
}

static MethodEntry *
lookup_from(RClass *k, ID name)
{
    uint64_t v;
    for (; k; k = k->super) {
        mg_ensure_faulted(&k->hdr);
        if (k->mt && mg_idtable_get(k->mt, name, &v)) {
            MethodEntry *me = (MethodEntry *)(uintptr_t)v;
            return me->kind == ME_UNDEF ? NULL : me;
        }
    }
    return NULL;
}

MethodEntry *
mg_method_lookup(RClass *klass, ID name)
{
    size_t h = (((uintptr_t)klass >> 4) ^ (name * 2654435761u)) & (MCACHE_SIZE - 1);
    if (mcache[h].klass == klass && mcache[h].name == name && mcache[h].serial == mg_method_serial)
        return mcache[h].me;
    MethodEntry *me = lookup_from(klass, name);
    mcache[h].klass = klass;
    mcache[h].name = name;
    mcache[h].serial = mg_method_serial;
    mcache[h].me = me;
    return me;
}

MethodEntry *
mg_method_lookup_super(RClass *klass, RClass *owner, ID name)
{
    RClass *target = owner->origin;
    for (RClass *k = klass; k; k = k->super) {
        if (k == target || (k->hdr.type == T_ICLASS && k->u.module == owner && !(k->hdr.flags & OF_ORIGIN))) {
            return lookup_from(k->super, name);
        }
    }
    return NULL;
}

/* ---- stand-ins ----
 * A core class defines, for speed, some methods that CRuby's inherits
 * (Array#inject is Enumerable's there). Such an entry is a stand-in
 * (MEF_STANDIN): its owner is the ancestor's (Method#owner, and reflection
 * does not list it as the class's own), and it goes as soon as what it
 * stands in for changes -- the ancestor's method redefined, removed or made
 * private, a module with that name included -- so the class then reaches
 * that definition, as CRuby's would. */
typedef struct { RClass *c; ID name; MethodEntry *me, *expected; } Standin;
static Standin standins[64];

/* The entry for name above c (what c would inherit without its own). */
static MethodEntry *
inherited(RClass *c, ID name)
{
    return lookup_from(c->origin->super, name);
}

static void
standins_check(ID name)
{
    for (int i = 0; i < nstandins; i++) {
        Standin *s = &standins[i];
        if (!s->c || (name && s->name != name)) continue;
        uint64_t v;
        if (!mg_idtable_get(s->c->origin->mt, s->name, &v) || (MethodEntry *)(uintptr_t)v != s->me) {
            s->c = NULL;                         /* replaced in the class itself: nothing stands in */
            continue;
        }
        if (inherited(s->c, s->name) == s->expected) continue;
        mg_idtable_delete(s->c->origin->mt, s->name, NULL);
        invalidate();
        s->c = NULL;
    }
}

void
mg_method_standins(RClass *c, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n && nstandins < (int)ARRAY_LEN(standins); i++) {
        ID id = mg_intern_cstr(names[i]);
        uint64_t v;
        MethodEntry *up = inherited(c, id);
        if (!mg_idtable_get(c->origin->mt, id, &v) || !up) continue;   /* nothing to stand in for */
        MethodEntry *me = (MethodEntry *)(uintptr_t)v;
        me->flags |= MEF_STANDIN;
        me->owner = up->owner;
        standins[nstandins++] = (Standin){ c, id, me, up };
    }
}

/* The core's stand-ins: each a method CRuby 3.1's class inherits from the
 * module or class named after it (made once the prelude has run). */
void
mg_method_standins_core(void)
{
    static const char *const ary[] = { "collect_concat", "each_cons", "each_slice", "each_with_index", "entries",
        "filter_map", "flat_map", "group_by", "inject", "member?", "partition", "reduce", "sort_by", "tally" };  /* Enumerable */
    static const char *const hash[] = { "all?", "collect", "count", "detect", "each_with_object", "entries",
        "filter_map", "find", "map", "max_by", "min_by", "none?", "sort", "sum" };                             /* Enumerable */
    static const char *const range[] = { "reverse_each", "sum" };                                           /* Enumerable */
    static const char *const integer[] = { "eql?", "hash", "negative?", "positive?" };                      /* Numeric, Kernel */
    static const char *const flo[] = { "div", "remainder" };                                                 /* Numeric */
    static const char *const rat[] = { "zero?" };                                                            /* Numeric */
    static const char *const str[] = { "between?", "dup" };                                                  /* Comparable, Kernel */
    static const char *const hash_only[] = { "hash" };                                                       /* Symbol: Kernel */
    static const char *const freeze[] = { "freeze" };                                                        /* Regexp: Kernel */
    static const char *const chain[] = { "chain" };                                                          /* Enumerator: Enumerable */
    mg_method_standins(mg_cArray, ary, ARRAY_LEN(ary));
    mg_method_standins(mg_cHash, hash, ARRAY_LEN(hash));
    mg_method_standins(mg_cRange, range, ARRAY_LEN(range));
    mg_method_standins(mg_cInteger, integer, ARRAY_LEN(integer));
    mg_method_standins(mg_cFloat, flo, ARRAY_LEN(flo));
    mg_method_standins(mg_cRational, rat, ARRAY_LEN(rat));
    mg_method_standins(mg_cString, str, ARRAY_LEN(str));
    mg_method_standins(mg_cSymbol, hash_only, ARRAY_LEN(hash_only));
    mg_method_standins(mg_cRegexp, freeze, ARRAY_LEN(freeze));
    mg_method_standins(mg_cEnumerator, chain, ARRAY_LEN(chain));
}

bool
mg_respond_to(Value obj, ID name, bool include_private)
{
    MethodEntry *me = mg_method_lookup(mg_class_of(obj), name);
    if (!me) return false;
    return include_private || me->visibility == VIS_PUBLIC;
}

static void
define_cfunc_flags(RClass *c, const char *name, MgCFunc fn, int min_args, int max_args, Visibility vis, uint16_t flags)
{
    MethodEntry me = { .kind = ME_CFUNC, .visibility = (uint8_t)vis, .flags = flags };
    me.u.c.fn = fn;
    me.u.c.min_args = (int16_t)min_args;
    me.u.c.max_args = (int16_t)max_args;
    mg_method_add(c, mg_intern_cstr(name), &me);
}

static void
define_cfunc(RClass *c, const char *name, MgCFunc fn, int min_args, int max_args, Visibility vis)
{
    define_cfunc_flags(c, name, fn, min_args, max_args, vis, 0);
}

static Visibility
default_vis(const char *name)
{
    if (!strcmp(name, "initialize") || !strcmp(name, "initialize_copy") || !strcmp(name, "respond_to_missing?"))
        return VIS_PRIVATE;
    return VIS_PUBLIC;
}

void
mg_define_method(RClass *c, const char *name, MgCFunc fn, int min_args, int max_args)
{
    define_cfunc(c, name, fn, min_args, max_args, default_vis(name));
}

void
mg_define_private_method(RClass *c, const char *name, MgCFunc fn, int min_args, int max_args)
{
    define_cfunc(c, name, fn, min_args, max_args, VIS_PRIVATE);
}

void
mg_define_singleton_method(Value obj, const char *name, MgCFunc fn, int min_args, int max_args)
{
    define_cfunc(mg_singleton_class(obj), name, fn, min_args, max_args, VIS_PUBLIC);
}

void
mg_define_module_function(RClass *m, const char *name, MgCFunc fn, int min_args, int max_args)
{
    define_cfunc(m, name, fn, min_args, max_args, VIS_PRIVATE);
    define_cfunc(mg_singleton_class(MG_VAL(m)), name, fn, min_args, max_args, VIS_PUBLIC);
}

void
mg_define_alias(RClass *c, const char *new_name, const char *old_name)
{
    if (!mg_method_alias(c, mg_intern_cstr(new_name), mg_intern_cstr(old_name)))
        mg_bug(__FILE__, __LINE__, "alias of undefined method %s", old_name);
}

void
mg_define_methods(RClass *c, const MgMethodDef *defs)
{
    for (; defs->name; defs++) define_cfunc_flags(c, defs->name, defs->fn, defs->min_args, defs->max_args, default_vis(defs->name), defs->flags);
}

void
mg_define_singleton_methods(Value obj, const MgMethodDef *defs)
{
    for (; defs->name; defs++)
        define_cfunc_flags(mg_singleton_class(obj), defs->name, defs->fn, defs->min_args, defs->max_args, VIS_PUBLIC, defs->flags);
}

void
mg_define_module_functions(RClass *m, const MgMethodDef *defs)
{
    for (; defs->name; defs++) {
        define_cfunc_flags(m, defs->name, defs->fn, defs->min_args, defs->max_args, VIS_PRIVATE, defs->flags);
        define_cfunc_flags(mg_singleton_class(MG_VAL(m)), defs->name, defs->fn, defs->min_args, defs->max_args, VIS_PUBLIC, defs->flags);
    }
}

/* ---- constants ---- */

static bool
const_in(RClass *k, ID name, Value *out)
{
    if (k->hdr.type == T_ICLASS) k = k->u.module;
    mg_ensure_faulted(&k->hdr);
    uint64_t v;
    if (k->ext && k->ext->consts && mg_idtable_get(k->ext->consts, name, &v)) {
        *out = (Value)v;
        return true;
    }
    return false;
}

Value (*mg_const_location_hook)(void);

Value
mg_const_location(RClass *c, ID name, bool inherit, bool *found)
{
    Value v;
    *found = false;
    for (RClass *k = c; k; k = inherit ? k->super : NULL) {
        RClass *own = k->hdr.type == T_ICLASS ? k->u.module : k;
        if (!const_in(own, name, &v)) {
            if (!inherit) break;
            continue;
        }
        *found = true;
        uint64_t loc;
        return own->ext->const_locs && mg_idtable_get(own->ext->const_locs, name, &loc) ? (Value)loc : MG_NIL;
    }
    if (inherit && c->hdr.type == T_MODULE && c != mg_cObject) return mg_const_location(mg_cObject, name, false, found);
    return MG_NIL;
}

Value
mg_const_get_at(RClass *c, ID name)
{
    Value v;
    return const_in(c, name, &v) ? v : MG_UNDEF;
}

Value
mg_const_lookup_owner(RClass *c, ID name, RClass **owner)
{
    Value v;
    for (RClass *k = c; k; k = k->super)
        if (const_in(k, name, &v)) {
            *owner = k->hdr.type == T_ICLASS ? k->u.module : k;
            return v;
        }
    if (c->hdr.type == T_MODULE && const_in(mg_cObject, name, &v)) { *owner = mg_cObject; return v; }
    *owner = NULL;
    return MG_UNDEF;
}

Value
mg_const_lookup(RClass *c, ID name, bool inherit)
{
    Value v;
    if (!inherit) return const_in(c, name, &v) ? v : MG_UNDEF;
    RClass *owner;
    return mg_const_lookup_owner(c, name, &owner);
}

Value
mg_const_get(RClass *c, ID name)
{
    Value v = mg_const_lookup(c, name, true);
    if (v != MG_UNDEF) return v;
    return mg_funcall(MG_VAL(c), mg_id_const_missing, 1, (Value[]){ MG_SYM(name) });
}

void
mg_const_set(RClass *c, ID name, Value v)
{
    mg_ensure_faulted(&c->hdr);
    MG_CHECK_FROZEN(MG_VAL(c));
    mg_wb(&c->hdr, v);
    if (!c->ext->consts) c->ext->consts = mg_idtable_new();
    mg_idtable_set(c->ext->consts, name, v);
    Value loc = mg_const_location_hook ? mg_const_location_hook() : MG_NIL;
    if (loc != MG_NIL) {
        if (!c->ext->const_locs) c->ext->const_locs = mg_idtable_new();
        mg_idtable_set(c->ext->const_locs, name, loc);
    } else if (c->ext->const_locs) {
        mg_idtable_delete(c->ext->const_locs, name, NULL);
    }
    if (MG_IS_CLASS_OR_MODULE(v)) {
        RClass *k = MG_RCLASS(v);
        if (k->ext && k->ext->name == MG_NIL && !(k->hdr.flags & OF_SINGLETON)) mg_class_set_name(k, c, name);
    }
    invalidate();   /* constant caches share the method serial */
    if (mg_const_defined_hook) mg_const_defined_hook(c, name, v);
}

bool
mg_const_defined(RClass *c, ID name, bool inherit)
{
    return mg_const_lookup(c, name, inherit) != MG_UNDEF;
}

Value
mg_const_remove(RClass *c, ID name)
{
    uint64_t old;
    if (!c->ext->consts || !mg_idtable_delete(c->ext->consts, name, &old)) return MG_UNDEF;
    if (c->ext->const_locs) mg_idtable_delete(c->ext->const_locs, name, NULL);
    if (c->ext->const_flags) mg_idtable_delete(c->ext->const_flags, name, NULL);
    mg_wb(&c->hdr, MG_NIL);
    invalidate();
    if (mg_const_defined_hook) mg_const_defined_hook(c, name, MG_UNDEF);
    return (Value)old;
}

unsigned
mg_const_flags(RClass *c, ID name)
{
    uint64_t f;
    return c->ext && c->ext->const_flags && mg_idtable_get(c->ext->const_flags, name, &f) ? (unsigned)f : 0;
}

void
mg_const_set_flags(RClass *c, ID name, unsigned flags)
{
    if (!c->ext) return;
    if (flags) {
        if (!c->ext->const_flags) c->ext->const_flags = mg_idtable_new();
        mg_idtable_set(c->ext->const_flags, name, flags);
    } else if (c->ext->const_flags) {
        mg_idtable_delete(c->ext->const_flags, name, NULL);
    }
    invalidate();   /* a cached A::B must be looked up again */
}

void
mg_define_const(RClass *c, const char *name, Value v)
{
    mg_const_set(c, mg_intern_cstr(name), v);
}

void
mg_define_global_const(const char *name, Value v)
{
    mg_const_set(mg_cObject, mg_intern_cstr(name), v);
}

/* ---- class variables ---- */

static RClass *
cvar_owner(RClass *c, ID name)
{
    /* class variables of a singleton class belong to the attached class */
    if ((c->hdr.flags & OF_SINGLETON) && MG_IS_CLASS_OR_MODULE(c->u.attached)) c = MG_RCLASS(c->u.attached);
    for (RClass *k = c; k; k = k->super) {
        RClass *m = k->hdr.type == T_ICLASS ? k->u.module : k;
        if (m->ext && m->ext->cvars && mg_idtable_get(m->ext->cvars, name, NULL)) return m;
    }
    return NULL;
}

Value
mg_cvar_lookup(RClass *c, ID name)
{
    RClass *o = cvar_owner(c, name);
    uint64_t v;
    if (o && mg_idtable_get(o->ext->cvars, name, &v)) return (Value)v;
    return MG_UNDEF;
}

Value
mg_cvar_get(RClass *c, ID name)
{
    Value v = mg_cvar_lookup(c, name);
    if (v == MG_UNDEF) {
        if ((c->hdr.flags & OF_SINGLETON) && MG_IS_CLASS_OR_MODULE(c->u.attached)) c = MG_RCLASS(c->u.attached);
        Value msg = mg_sprintf("uninitialized class variable %s in %s", mg_id_name(name, NULL), mg_class_cname(c));
        mg_raise_exc(mg_name_error_new(mg_eNameError, msg, MG_VAL(c), name));   /* name and receiver: did_you_mean */
    }
    return v;
}

void
mg_cvar_set(RClass *c, ID name, Value v)
{
    RClass *o = cvar_owner(c, name);
    if (!o) {
        o = c;
        if ((o->hdr.flags & OF_SINGLETON) && MG_IS_CLASS_OR_MODULE(o->u.attached)) o = MG_RCLASS(o->u.attached);
    }
    MG_CHECK_FROZEN(MG_VAL(o));
    mg_wb(&o->hdr, v);
    if (!o->ext->cvars) o->ext->cvars = mg_idtable_new();
    mg_idtable_set(o->ext->cvars, name, v);
    if (mg_class_slot_hook) mg_class_slot_hook(o, name, v, true);
}

bool
mg_cvar_defined(RClass *c, ID name)
{
    return cvar_owner(c, name) != NULL;
}

/* ---- GC hooks ---- */

void
mg_class_mark(RClass *c)
{
    mg_gc_mark_obj((Obj *)c->super);
    mg_gc_mark_obj((Obj *)c->origin);
    if (c->hdr.type == T_ICLASS) mg_gc_mark_obj((Obj *)c->u.module);
    else if (c->hdr.flags & OF_SINGLETON) mg_gc_mark(c->u.attached);
    if (c->mt && (c->hdr.type != T_ICLASS || (c->hdr.flags & OF_ORIGIN))) {
        ID k;
        uint64_t v;
        for (uint32_t i = 0; mg_idtable_next(c->mt, &i, &k, &v);) {
            MethodEntry *me = (MethodEntry *)(uintptr_t)v;
            mg_gc_mark_obj((Obj *)me->owner);
            if (me->kind == ME_ISEQ) mg_gc_mark(me->u.code);
            else if (me->kind == ME_BMETHOD) mg_gc_mark(me->u.proc);
        }
    }
    if (c->ext) {
        mg_gc_mark_idtable(c->ext->consts);
        mg_gc_mark_idtable(c->ext->const_locs);
        mg_gc_mark_idtable(c->ext->cvars);
        mg_gc_mark_idtable(c->ext->ivars);
        mg_gc_mark(c->ext->name);
        mg_gc_mark_obj((Obj *)c->ext->lexical_parent);
    }
}

void
mg_class_free(RClass *c)
{
    /* An ICLASS shares its module's table; an origin owns the moved one. */
    bool owns_mt = c->hdr.type != T_ICLASS || (c->hdr.flags & OF_ORIGIN);
    if (owns_mt && c->mt) {
        /* method entries stay allocated: inline caches of live code may point at them */
        mg_idtable_free(c->mt);
    }
    if (c->ext) {
        mg_idtable_free(c->ext->consts);
        mg_idtable_free(c->ext->const_locs);
        mg_idtable_free(c->ext->const_flags);
        mg_idtable_free(c->ext->cvars);
        mg_idtable_free(c->ext->ivars);
        mg_idtable_free(c->ext->iv_index);
        mg_free(c->ext, sizeof *c->ext);
    }
}
