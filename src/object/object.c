/* object.c -- object headers in practice: identity (OOPs), instance
 * variables, floats, C data objects, the fault/dirty hooks, and the bootstrap
 * of the core classes. Invariants are in object.h. */
#include "object.h"
#include "class.h"
#include "../gc/gc.h"
#include "../vm/vm.h"
#include "../util/idtable.h"

/* ---- hooks the store replaces ---- */

static void
no_store_fault(Obj *o)
{
    mg_raise(mg_eRuntimeError, "object with OOP %llu is not resident and no repository is open",
             (unsigned long long)o->oop);
}

static void
no_store_dirty(Obj *o)
{
    o->flags |= OF_DIRTY;
}

static uint64_t next_oop = 1u << 20;

static uint64_t
local_oop_alloc(void)
{
    uint64_t oop = next_oop;
    next_oop += 8;
    return oop;
}

static void no_forget(Obj *o) { UNUSED(o); }

static Value
no_store_resolve(Obj *ary, Value lazy)
{
    UNUSED(ary); UNUSED(lazy);
    mg_bug(__FILE__, __LINE__, "a lazy reference without a repository");
}

static void
no_store_touch(Obj *o, int64_t lo, int64_t hi)
{
    UNUSED(o); UNUSED(lo); UNUSED(hi);
}

static void
no_store_shift(Obj *o, int64_t n)
{
    UNUSED(o); UNUSED(n);
}

void (*mg_fault_hook)(Obj *o) = no_store_fault;
void (*mg_fault_lazy_hook)(Obj *o) = no_store_fault;
Value (*mg_lazy_resolve_hook)(Obj *ary, Value lazy) = no_store_resolve;
void (*mg_forget_hook)(Obj *o) = no_forget;
void (*mg_dirty_hook)(Obj *o) = no_store_dirty;
void (*mg_paged_touch_hook)(Obj *o, int64_t lo, int64_t hi) = no_store_touch;
void (*mg_paged_shift_hook)(Obj *o, int64_t n) = no_store_shift;
uint64_t (*mg_oop_alloc_hook)(void) = local_oop_alloc;

/* ---- core class variables (coreclasses.def) ---- */
#define CORE_CLASS(var, name, super) RClass *var;
#define CORE_MODULE(var, name) RClass *var;
#include "coreclasses.def"
#undef CORE_CLASS
#undef CORE_MODULE

/* ---- identity ---- */

uint64_t
mg_obj_oop(Value v)
{
    ASSERT(MG_IS_PTR(v));
    Obj *o = MG_OBJ(v);
    if (!o->oop) o->oop = mg_oop_alloc_hook();
    return o->oop;
}

Value
mg_obj_id(Value v)
{
    if (MG_IS_PTR(v)) return MG_FIX((int64_t)mg_obj_oop(v));
    if (MG_IS_FIXNUM(v)) {
        int64_t n = MG_FIX2LONG(v);
        if (n >= MG_FIXNUM_MIN / 2 && n <= MG_FIXNUM_MAX / 2) return MG_FIX(2 * n + 1);
        return MG_FIX(n);  /* cannot happen for 63-bit fixnums except at the edges; stays unique enough */
    }
    if (v == MG_NIL) return MG_FIX(8);
    if (v == MG_TRUE) return MG_FIX(20);
    if (v == MG_FALSE) return MG_FIX(0);
    return MG_FIX((int64_t)(v >> 1));   /* symbols, flonums: derived from the bits */
}

RClass *
mg_obj_class(Value v)
{
    return mg_class_real(mg_class_of(v));
}

void
mg_check_frozen(Value v)
{
    if (mg_frozen_p(v)) mg_raise_frozen(v);
}

/* ---- generic ivars: side table from Obj* to IdTable* ---- */

static struct { Obj **keys; IdTable **vals; size_t count, capacity; } gen;

static size_t
gen_slot(Obj *o)
{
    uintptr_t h = (uintptr_t)o >> 3;
    h ^= h >> 17;
    h *= 0x9E3779B97F4A7C15ULL;
    return (size_t)(h >> 20) & (gen.capacity - 1);
}

static IdTable **
gen_find(Obj *o, bool create)
{
    if (gen.capacity == 0) {
        if (!create) return NULL;
        gen.capacity = 64;
        gen.keys = calloc(gen.capacity, sizeof(Obj *));
        gen.vals = calloc(gen.capacity, sizeof(IdTable *));
        if (!gen.keys || !gen.vals) mg_raise_nomem();
    }
    size_t i = gen_slot(o);
    for (; gen.keys[i]; i = (i + 1) & (gen.capacity - 1))
        if (gen.keys[i] == o) return &gen.vals[i];
    if (!create) return NULL;
    if ((gen.count + 1) * 2 > gen.capacity) {
        Obj **ok = gen.keys;
        IdTable **ov = gen.vals;
        size_t oc = gen.capacity;
        gen.capacity *= 2;
        gen.keys = calloc(gen.capacity, sizeof(Obj *));
        gen.vals = calloc(gen.capacity, sizeof(IdTable *));
        if (!gen.keys || !gen.vals) mg_raise_nomem();
        for (size_t j = 0; j < oc; j++) {
            if (!ok[j]) continue;
            size_t k = gen_slot(ok[j]);
            while (gen.keys[k]) k = (k + 1) & (gen.capacity - 1);
            gen.keys[k] = ok[j];
            gen.vals[k] = ov[j];
        }
        free(ok);
        free(ov);
        return gen_find(o, true);
    }
    gen.keys[i] = o;
    gen.vals[i] = NULL;
    gen.count++;
    return &gen.vals[i];
}

void
mg_genivar_mark(Obj *o)
{
    IdTable **t = gen_find(o, false);
    if (t && *t) mg_gc_mark_idtable(*t);
}

void
mg_genivar_free(Obj *o)
{
    IdTable **t = gen_find(o, false);
    if (!t) return;
    mg_idtable_free(*t);
    /* delete with backward-shift so probing stays correct */
    size_t i = (size_t)(t - gen.vals);
    gen.keys[i] = NULL;
    gen.vals[i] = NULL;
    gen.count--;
    for (size_t j = (i + 1) & (gen.capacity - 1); gen.keys[j]; j = (j + 1) & (gen.capacity - 1)) {
        Obj *k = gen.keys[j];
        IdTable *v = gen.vals[j];
        gen.keys[j] = NULL;
        gen.vals[j] = NULL;
        gen.count--;
        *gen_find(k, true) = v;
    }
    o->flags &= ~OF_GENIVAR;
}

/* ---- instance variables ---- */

static IdTable *
ivar_table(Value obj, bool create)
{
    Obj *o = MG_OBJ(obj);
    if (o->type == T_CLASS || o->type == T_MODULE) {
        RClass *c = (RClass *)o;
        if (!c->ext->ivars && create) c->ext->ivars = mg_idtable_new();
        return c->ext->ivars;
    }
    if (!(o->flags & OF_GENIVAR) && !create) return NULL;
    IdTable **t = gen_find(o, create);
    if (!t) return NULL;
    if (!*t && create) {
        *t = mg_idtable_new();
        o->flags |= OF_GENIVAR;
    }
    return *t;
}

uint32_t
mg_ivar_index(RClass *c, ID name)
{
    ClassExt *ext = c->ext;
    uint64_t idx;
    if (!ext->iv_index) ext->iv_index = mg_idtable_new();
    if (mg_idtable_get(ext->iv_index, name, &idx)) return (uint32_t)idx;
    idx = mg_idtable_size(ext->iv_index);
    mg_idtable_set(ext->iv_index, name, idx);
    return (uint32_t)idx;
}

static bool
ivar_index_lookup(RObject *ro, ID name, uint32_t *idx)
{
    RClass *c = mg_class_real(ro->hdr.klass);
    uint64_t v;
    if (!c->ext || !mg_idtable_get(c->ext->iv_index, name, &v)) return false;
    *idx = (uint32_t)v;
    return true;
}

Value
mg_ivar_lookup(Value obj, ID name)
{
    if (!MG_IS_PTR(obj)) return MG_UNDEF;
    Obj *o = MG_OBJ(obj);
    mg_ensure_faulted(o);
    if (o->type == T_OBJECT) {
        RObject *ro = (RObject *)o;
        uint32_t idx;
        if (!ivar_index_lookup(ro, name, &idx) || idx >= o->extra) return MG_UNDEF;
        return ro->ivs[idx];
    }
    uint64_t v;
    IdTable *t = ivar_table(obj, false);
    if (t && mg_idtable_get(t, name, &v)) return (Value)v;
    return MG_UNDEF;
}

Value
mg_ivar_get(Value obj, ID name)
{
    Value v = mg_ivar_lookup(obj, name);
    return v == MG_UNDEF ? MG_NIL : v;
}

bool
mg_ivar_defined(Value obj, ID name)
{
    return mg_ivar_lookup(obj, name) != MG_UNDEF;
}

void
mg_ivar_set(Value obj, ID name, Value v)
{
    if (!MG_IS_PTR(obj)) mg_raise_frozen(obj);
    Obj *o = MG_OBJ(obj);
    mg_ensure_faulted(o);
    MG_CHECK_FROZEN(obj);
    mg_wb(o, v);
    if (o->type == T_OBJECT) {
        RObject *ro = (RObject *)o;
        uint32_t idx = mg_ivar_index(mg_class_real(o->klass), name);
        if (idx >= o->extra) {
            uint32_t cap = o->extra ? o->extra : 2;
            while (cap <= idx) cap *= 2;
            if (o->flags & OF_IVEMBED) {        /* outgrew the slot: move to the malloc heap */
                Value *n = mg_malloc(cap * sizeof(Value));
                memcpy(n, ro->ivs, o->extra * sizeof(Value));
                ro->ivs = n;
                o->flags &= (uint16_t)~OF_IVEMBED;
            } else {
                ro->ivs = mg_realloc(ro->ivs, o->extra * sizeof(Value), cap * sizeof(Value));
            }
            for (uint32_t i = o->extra; i < cap; i++) ro->ivs[i] = MG_UNDEF;
            o->extra = cap;
        }
        ro->ivs[idx] = v;
        return;
    }
    mg_idtable_set(ivar_table(obj, true), name, v);
    if ((o->type == T_CLASS || o->type == T_MODULE) && mg_class_slot_hook) mg_class_slot_hook((RClass *)o, name, v, false);
}

Value
mg_ivar_remove(Value obj, ID name)
{
    if (!MG_IS_PTR(obj)) return MG_UNDEF;
    Obj *o = MG_OBJ(obj);
    mg_ensure_faulted(o);
    Value old = mg_ivar_lookup(obj, name);
    if (old == MG_UNDEF) return MG_UNDEF;
    MG_CHECK_FROZEN(obj);
    mg_wb(o, MG_NIL);
    if (o->type == T_OBJECT) {
        uint32_t idx;
        if (ivar_index_lookup((RObject *)o, name, &idx)) ((RObject *)o)->ivs[idx] = MG_UNDEF;
    } else {
        mg_idtable_delete(ivar_table(obj, false), name, NULL);
        if ((o->type == T_CLASS || o->type == T_MODULE) && mg_class_slot_hook) mg_class_slot_hook((RClass *)o, name, MG_UNDEF, false);
    }
    return old;
}

void
mg_ivar_foreach(Value obj, bool (*fn)(ID, Value, void *), void *arg)
{
    if (!MG_IS_PTR(obj)) return;
    Obj *o = MG_OBJ(obj);
    mg_ensure_faulted(o);
    if (o->type == T_OBJECT) {
        RObject *ro = (RObject *)o;
        RClass *c = mg_class_real(o->klass);
        if (!c->ext || !c->ext->iv_index) return;
        ID k;
        uint64_t idx;
        for (uint32_t i = 0; mg_idtable_next(c->ext->iv_index, &i, &k, &idx);) {
            if (idx >= o->extra || ro->ivs[idx] == MG_UNDEF) continue;
            if (!fn(k, ro->ivs[idx], arg)) return;
        }
        return;
    }
    IdTable *t = ivar_table(obj, false);
    ID k;
    uint64_t v;
    for (uint32_t i = 0; mg_idtable_next(t, &i, &k, &v);)
        if (!fn(k, (Value)v, arg)) return;
}

static bool
copy_one(ID name, Value v, void *dst)
{
    mg_ivar_set(*(Value *)dst, name, v);
    return true;
}

void
mg_ivar_copy(Value dst, Value src)
{
    mg_ivar_foreach(src, copy_one, &dst);
}

/* ---- allocation ---- */

Value
mg_obj_alloc(RClass *klass)
{
    /* room for as many ivars as the class's instances have used so far, in
     * the slot itself (no separate malloc'd array) when that fits */
    RClass *real = mg_class_real(klass);
    uint32_t n = real && real->ext && real->ext->iv_index ? (uint32_t)mg_idtable_size(real->ext->iv_index) : 0;
    if (n > 0 && sizeof(RObject) + n * sizeof(Value) <= 128) {
        size_t bytes = sizeof(RObject) + n * sizeof(Value);
        bytes = bytes <= 96 ? (bytes + 15) & ~(size_t)15 : 128;      /* the slot size class it lands in */
        uint32_t cap = (uint32_t)((bytes - sizeof(RObject)) / sizeof(Value));
        Obj *o = mg_gc_alloc(bytes, T_OBJECT, klass);
        RObject *ro = (RObject *)o;
        ro->ivs = (Value *)(ro + 1);
        for (uint32_t i = 0; i < cap; i++) ro->ivs[i] = MG_UNDEF;
        o->extra = cap;
        o->flags |= OF_IVEMBED;
        return MG_VAL(o);
    }
    Obj *o = mg_gc_alloc(sizeof(RObject), T_OBJECT, klass);
    return MG_VAL(o);
}

Value
mg_data_new(RClass *klass, const DataType *type, void *ptr)
{
    RData *d = (RData *)mg_gc_alloc(sizeof(RData), T_DATA, klass);
    d->type = type;
    d->ptr = ptr;
    return MG_VAL(d);
}

Value
mg_data_new_inline(RClass *klass, const DataType *type, size_t size, void **payload)
{
    if (sizeof(RData) + size <= 256) {
        RData *d = (RData *)mg_gc_alloc(sizeof(RData) + size, T_DATA, klass);
        d->type = type;
        d->ptr = (char *)d + sizeof(RData);
        d->hdr.flags |= OF_DATA_INLINE;
        *payload = d->ptr;
        return MG_VAL(d);
    }
    /* Too big for a slot: the payload is a separate allocation that the type's free releases. */
    void *p = mg_calloc(1, size);
    Value v = mg_data_new(klass, type, p);
    *payload = p;
    return v;
}

void *
mg_data_get(Value v, const DataType *type)
{
    if (!MG_IS_TYPE(v, T_DATA)) return NULL;
    RData *d = MG_RDATA(v);
    mg_ensure_faulted(&d->hdr);
    return d->type == type ? d->ptr : NULL;
}

void *
mg_data_check(Value v, const DataType *type)
{
    void *p = mg_data_get(v, type);
    if (!p) mg_raise(mg_eTypeError, "wrong argument type %s (expected %s)",
                     mg_class_cname(mg_obj_class(v)), type->name);
    return p;
}

Value
mg_float_new(double d)
{
    Value v = mg_flonum_encode(d);
    if (v != MG_UNDEF) return v;
    RFloat *f = (RFloat *)mg_gc_alloc(sizeof(RFloat), T_FLOAT, mg_cFloat);
    f->value = d;
    f->hdr.flags |= OF_FROZEN;
    return MG_VAL(f);
}

/* ---- bootstrap ---- */

static void
mark_core_classes(void)
{
#define CORE_CLASS(var, name, super) mg_gc_mark_obj((Obj *)var);
#define CORE_MODULE(var, name) mg_gc_mark_obj((Obj *)var);
#include "coreclasses.def"
#undef CORE_CLASS
#undef CORE_MODULE
}

/* ---- library classes (LIB_CLASS in coreclasses.def) ---- */

static struct LibClass { RClass **var; const char *name; const char *feature; bool adopted; } lib_classes[] = {
#define CORE_CLASS(var, name, super)
#define CORE_MODULE(var, name)
#define LIB_CLASS(var, name, super, feature) { &var, name, feature, false },
#include "coreclasses.def"
#undef CORE_CLASS
#undef CORE_MODULE
#undef LIB_CLASS
};

RClass *
mg_lib_class_adopt(ID name, RClass *super)
{
    const char *s = mg_id_name(name, NULL);
    for (size_t i = 0; i < sizeof lib_classes / sizeof *lib_classes; i++) {
        struct LibClass *l = &lib_classes[i];
        if (l->adopted || strcmp(l->name, s) != 0) continue;
        if (mg_class_superclass(*l->var) != super) return NULL;
        l->adopted = true;
        return *l->var;
    }
    return NULL;
}

const char *
mg_lib_class_feature(RClass *c)
{
    for (size_t i = 0; i < sizeof lib_classes / sizeof *lib_classes; i++)
        if (*lib_classes[i].var == c) return lib_classes[i].adopted ? NULL : lib_classes[i].feature;
    return NULL;
}

/* Defined in class.c: the raw pieces the bootstrap needs before Class exists. */
RClass *mg_class_boot(RClass *super, ObjType type);
void mg_class_boot_metaclass(RClass *c);

static RClass *
boot_outer(const char *name, const char **leaf)
{
    RClass *outer = mg_cObject;
    const char *p;
    while ((p = strstr(name, "::")) != NULL) {
        Value v = mg_const_get_at(outer, mg_intern(name, (size_t)(p - name)));
        ASSERT(MG_IS_CLASS_OR_MODULE(v));
        outer = MG_RCLASS(v);
        name = p + 2;
    }
    *leaf = name;
    return outer;
}

void
mg_init_object_model(void)
{
    mg_cBasicObject = mg_class_boot(NULL, T_CLASS);
    mg_cObject = mg_class_boot(mg_cBasicObject, T_CLASS);
    mg_cModule = mg_class_boot(mg_cObject, T_CLASS);
    mg_cClass = mg_class_boot(mg_cModule, T_CLASS);
    RClass *boot[] = { mg_cBasicObject, mg_cObject, mg_cModule, mg_cClass };
    const char *names[] = { "BasicObject", "Object", "Module", "Class" };
    for (int i = 0; i < 4; i++) boot[i]->hdr.klass = mg_cClass;
    for (int i = 0; i < 4; i++) mg_class_boot_metaclass(boot[i]);
    mg_cString = mg_class_new(mg_cObject);   /* naming a class makes a String */
    for (int i = 0; i < 4; i++) mg_const_set(mg_cObject, mg_intern_cstr(names[i]), MG_VAL(boot[i]));

    const char *leaf;
    RClass *outer;
#define CORE_CLASS(var, name, super) \
    outer = boot_outer(name, &leaf); \
    if (!var) var = mg_define_class_under(outer, leaf, super); \
    else if (mg_const_get_at(outer, mg_intern_cstr(leaf)) == MG_UNDEF) mg_const_set(outer, mg_intern_cstr(leaf), MG_VAL(var));
#define CORE_MODULE(var, name) \
    outer = boot_outer(name, &leaf); var = mg_define_module_under(outer, leaf);
#define LIB_CLASS(var, name, super, feature) var = mg_class_new(super);
#include "coreclasses.def"
#undef CORE_CLASS
#undef CORE_MODULE
#undef LIB_CLASS
    /* CRuby 3.1 has no Data (3.0 removed it): the class keeps its place in the
     * list, which is its OOP, and Ruby code may define a Data of its own */
    mg_const_remove(mg_cObject, mg_intern_cstr("Data"));
    mg_include_module(mg_cObject, mg_mKernel);
    mg_gc_add_root_marker(mark_core_classes);
}
