/* objspace.c -- `require 'objspace'`: ObjectSpace's introspection methods
 * (memsize_of, memsize_of_all, count_objects_size, count_tdata_objects,
 * reachable_objects_from, trace_object_allocations and the allocation_*
 * queries), on the collector's view of the heap (gc.h: slot sizes, children,
 * the allocation hook).
 *
 * Sizes are maglev's own: the object's slot plus the body it owns (string
 * bytes, array items, hash table, ivar vector, bignum limbs, a C payload's
 * memsize), not CRuby's numbers. Internal objects (Envs, compiled code:
 * T_DATA whose class is Object) are not handed to Ruby by
 * reachable_objects_from.
 *
 * Allocation tracing: while on, the collector's allocation hook records for
 * each new object the file and line of the innermost Ruby frame, the name and
 * owner of the innermost method (a C method such as `new` included, as CRuby
 * reports it) and the collection count, in a table keyed by the object's
 * address; a weak sweeper drops the entries of objects that die. */
#include "ext.h"
#include "../vm/vm_int.h"
#include "../core/bignum.h"

/* ---- sizes ---- */

static size_t
body_size(Obj *o)
{
    if (!mg_body_present(o)) return 0;
    switch ((ObjType)o->type) {
    case T_OBJECT:
        return (o->flags & OF_IVEMBED) ? 0 : (size_t)o->extra * sizeof(Value);
    case T_STRING: {
        RString *s = (RString *)o;
        return s->ptr && !mg_str_embedded(s) ? (size_t)s->capa + 1 : 0;
    }
    case T_ARRAY:
        return (o->flags & OF_ARY_EMBED) ? 0 : (size_t)((RArray *)o)->capa * sizeof(Value);
    case T_HASH:
        return mg_hash_memsize(MG_VAL(o));
    case T_BIGNUM:
        return mpz_size(mg_big_z(MG_VAL(o))) * sizeof(mp_limb_t);
    case T_DATA: {
        RData *d = (RData *)o;
        if ((o->flags & OF_DATA_INLINE) || !d->type || !d->type->memsize || !d->ptr) return 0;
        return d->type->memsize(d->ptr);
    }
    default:
        return 0;
    }
}

static size_t
memsize(Value v)
{
    if (!MG_IS_PTR(v)) return 0;
    Obj *o = MG_OBJ(v);
    return mg_gc_slot_size(o) + body_size(o);
}

static Value
os_memsize_of(Value self, int argc, const Value *argv, Value blk)
{
    return mg_int_new((int64_t)memsize(argv[0]));
}

typedef struct { RClass *klass; size_t total; Value hash; } SizeSum;

static void
sum_one(Obj *o, void *arg)
{
    SizeSum *s = arg;
    if (!o->klass || o->type > T_HEAP_LAST) return;
    if (s->klass && !mg_obj_is_kind_of(MG_VAL(o), s->klass)) return;
    s->total += mg_gc_slot_size(o) + body_size(o);
}

static Value
os_memsize_of_all(Value self, int argc, const Value *argv, Value blk)
{
    SizeSum s = { NULL, 0, MG_NIL };
    if (argc > 0 && argv[0] != MG_NIL) {
        if (!MG_IS_CLASS_OR_MODULE(argv[0]))
            mg_raise(mg_eTypeError, "class or module is expected");
        s.klass = MG_RCLASS(argv[0]);
    }
    mg_gc_each_object(sum_one, &s);
    return mg_int_new((int64_t)s.total);
}

static const char *const type_names[] = {
    [T_OBJECT] = "T_OBJECT", [T_CLASS] = "T_CLASS", [T_MODULE] = "T_MODULE", [T_ICLASS] = "T_ICLASS",
    [T_FLOAT] = "T_FLOAT", [T_BIGNUM] = "T_BIGNUM", [T_STRING] = "T_STRING", [T_ARRAY] = "T_ARRAY",
    [T_HASH] = "T_HASH", [T_RANGE] = "T_STRUCT", [T_DATA] = "T_DATA",
};

typedef struct { size_t bytes[T_HEAP_LAST + 1]; size_t total; } TypeSizes;

static void
type_one(Obj *o, void *arg)
{
    TypeSizes *t = arg;
    if (o->type > T_HEAP_LAST) return;
    size_t n = mg_gc_slot_size(o) + body_size(o);
    t->bytes[o->type] += n;
    t->total += n;
}

static Value
os_count_objects_size(Value self, int argc, const Value *argv, Value blk)
{
    Value h = argc > 0 ? argv[0] : mg_hash_new();
    if (!MG_IS_HASH(h)) mg_raise(mg_eTypeError, "non-hash given");
    TypeSizes t = { { 0 }, 0 };
    mg_gc_each_object(type_one, &t);
    for (int i = 0; i <= T_HEAP_LAST; i++)
        if (type_names[i] && t.bytes[i]) mg_hash_aset(h, mg_sym(type_names[i]), mg_int_new((int64_t)t.bytes[i]));
    mg_hash_aset(h, mg_sym("TOTAL"), mg_int_new((int64_t)t.total));
    return h;
}

static void
tdata_one(Obj *o, void *arg)
{
    if (o->type != T_DATA || (o->flags & OF_UNFAULTED) || !o->klass) return;
    RData *d = (RData *)o;
    RClass *c = mg_class_real(o->klass);
    Value key = c && c != mg_cObject ? MG_VAL(c) : mg_sym(d->type ? d->type->name : "unknown");
    Value h = (Value)(uintptr_t)arg;
    Value n = mg_hash_aref(h, key);
    mg_hash_aset(h, key, MG_FIX((MG_IS_FIXNUM(n) ? MG_FIX2LONG(n) : 0) + 1));
}

static Value
os_count_tdata_objects(Value self, int argc, const Value *argv, Value blk)
{
    Value h = argc > 0 ? argv[0] : mg_hash_new();
    if (!MG_IS_HASH(h)) mg_raise(mg_eTypeError, "non-hash given");
    mg_gc_each_object(tdata_one, (void *)(uintptr_t)h);
    return h;
}

/* ---- references ---- */

static bool
internal_p(Obj *o)
{
    return o->type == T_ICLASS || (o->type == T_DATA && (!o->klass || o->klass == mg_cObject));
}

static void
child_one(Obj *c, void *arg)
{
    Value list = (Value)(uintptr_t)arg;
    if (c->type > T_HEAP_LAST || internal_p(c)) return;
    Value v = MG_VAL(c);
    for (int64_t i = 0; i < mg_ary_len(list); i++) if (mg_ary_entry(list, i) == v) return;
    mg_ary_push(list, v);
}

static Value
os_reachable_objects_from(Value self, int argc, const Value *argv, Value blk)
{
    Value v = argv[0];
    if (!MG_IS_PTR(v)) return MG_NIL;
    MG_FAULT(v);
    Value list = mg_ary_new();    /* pushing only reallocates: no collection runs meanwhile */
    mg_gc_each_child(MG_OBJ(v), child_one, (void *)(uintptr_t)list);
    return list;
}

/* ---- allocation tracing ---- */

typedef struct { Obj *obj; Value file; int line; ID mid; Value klass; size_t gen; } Site;

static struct { Site *tab; size_t cap, used; int depth; bool registered; } T;

#define GONE ((Obj *)1)

static size_t
slot_of(const Obj *o)
{
    return ((uintptr_t)o >> 4) * 0x9E3779B97F4A7C15ULL >> 20 & (T.cap - 1);
}

static Site *
site_find(const Obj *o)
{
    if (!T.cap) return NULL;
    for (size_t i = slot_of(o);; i = (i + 1) & (T.cap - 1)) {
        if (!T.tab[i].obj) return NULL;
        if (T.tab[i].obj == o) return &T.tab[i];
    }
}

static void site_put(const Site *s);

static void
site_grow(void)
{
    Site *old = T.tab;
    size_t oc = T.cap;
    T.cap = oc ? oc * 2 : 4096;
    T.tab = calloc(T.cap, sizeof *T.tab);
    if (!T.tab) { T.tab = old; T.cap = oc; return; }
    T.used = 0;
    for (size_t i = 0; i < oc; i++) if (old[i].obj && old[i].obj != GONE) site_put(&old[i]);
    free(old);
}

static void
site_put(const Site *s)
{
    if ((T.used + 1) * 2 > T.cap) site_grow();
    if ((T.used + 1) * 2 > T.cap) return;     /* no memory: the site is not recorded */
    size_t i = slot_of(s->obj);
    while (T.tab[i].obj && T.tab[i].obj != GONE && T.tab[i].obj != s->obj) i = (i + 1) & (T.cap - 1);
    if (!T.tab[i].obj) T.used++;
    T.tab[i] = *s;
}

static void
on_alloc(Obj *o)
{
    VM *vm = VMS;
    if (!vm || !vm->fp) return;
    Frame *top = vm->fp;
    Frame *rf = top;
    while (rf >= vm->frames && !rf->code) rf--;
    Site s = { o, MG_NIL, 0, 0, MG_NIL, 0 };
    if (rf >= vm->frames) {
        s.file = rf->code->file;
        s.line = mg_code_line(rf->code, rf->pc);
    }
    if (top->me) {
        s.mid = top->me->name;
        RClass *owner = top->me->owner;
        if (owner && owner->hdr.type == T_ICLASS) owner = owner->u.module;
        s.klass = owner ? MG_VAL(owner) : MG_NIL;
    }
    GCStats st;
    mg_gc_stats(&st);
    s.gen = st.collections;
    site_put(&s);
}

static void
mark_sites(void)
{
    for (size_t i = 0; i < T.cap; i++)
        if (T.tab[i].obj && T.tab[i].obj != GONE) {
            mg_gc_mark(T.tab[i].file);
            mg_gc_mark(T.tab[i].klass);
        }
}

static void
sweep_sites(void)
{
    for (size_t i = 0; i < T.cap; i++)
        if (T.tab[i].obj && T.tab[i].obj != GONE && !mg_gc_marked_p(MG_VAL(T.tab[i].obj))) T.tab[i].obj = GONE;
}

static void
trace_start(void)
{
    if (!T.registered) {
        T.registered = true;
        mg_gc_add_root_marker(mark_sites);
        mg_gc_set_weak_sweeper(sweep_sites);
    }
    if (T.depth++ == 0) mg_gc_alloc_hook = on_alloc;
}

static void
trace_stop(void)
{
    if (T.depth > 0 && --T.depth == 0) mg_gc_alloc_hook = NULL;
}

static Value
os_trace_start(Value self, int argc, const Value *argv, Value blk)
{
    trace_start();
    return MG_NIL;
}

static Value
os_trace_stop(Value self, int argc, const Value *argv, Value blk)
{
    trace_stop();
    return MG_NIL;
}

static Value
os_trace_clear(Value self, int argc, const Value *argv, Value blk)
{
    free(T.tab);
    T.tab = NULL;
    T.cap = T.used = 0;
    return MG_NIL;
}

static Value
trace_body(Value blk)
{
    return mg_yield(blk, 0, NULL);
}

static void
trace_done(Value unused)
{
    trace_stop();
}

static Value
os_trace(Value self, int argc, const Value *argv, Value blk)
{
    if (blk == MG_NIL) mg_raise(mg_eArgumentError, "no block given");
    trace_start();
    return mg_ensure(trace_body, blk, trace_done, MG_NIL);
}

static Site *
site_of(Value v)
{
    return MG_IS_PTR(v) ? site_find(MG_OBJ(v)) : NULL;
}

static Value
os_alloc_file(Value self, int argc, const Value *argv, Value blk)
{
    Site *s = site_of(argv[0]);
    return s && s->file != MG_NIL ? mg_str_dup(s->file) : MG_NIL;
}

static Value
os_alloc_line(Value self, int argc, const Value *argv, Value blk)
{
    Site *s = site_of(argv[0]);
    return s && s->file != MG_NIL ? MG_FIX(s->line) : MG_NIL;
}

static Value
os_alloc_mid(Value self, int argc, const Value *argv, Value blk)
{
    Site *s = site_of(argv[0]);
    return s && s->mid ? MG_SYM(s->mid) : MG_NIL;
}

static Value
os_alloc_class_path(Value self, int argc, const Value *argv, Value blk)
{
    Site *s = site_of(argv[0]);
    if (!s || s->klass == MG_NIL) return MG_NIL;
    Value name = mg_class_name(MG_RCLASS(s->klass));
    return name != MG_NIL ? mg_str_dup(name) : MG_NIL;
}

static Value
os_alloc_generation(Value self, int argc, const Value *argv, Value blk)
{
    Site *s = site_of(argv[0]);
    return s ? mg_int_new((int64_t)s->gen) : MG_NIL;
}

static const MgMethodDef objspace_functions[] = {
    {"memsize_of", os_memsize_of, 1, 1},
    {"memsize_of_all", os_memsize_of_all, 0, 1},
    {"count_objects_size", os_count_objects_size, 0, 1},
    {"count_tdata_objects", os_count_tdata_objects, 0, 1},
    {"reachable_objects_from", os_reachable_objects_from, 1, 1},
    {"trace_object_allocations", os_trace, 0, 0},
    {"trace_object_allocations_start", os_trace_start, 0, 0},
    {"trace_object_allocations_stop", os_trace_stop, 0, 0},
    {"trace_object_allocations_clear", os_trace_clear, 0, 0},
    {"allocation_sourcefile", os_alloc_file, 1, 1},
    {"allocation_sourceline", os_alloc_line, 1, 1},
    {"allocation_method_id", os_alloc_mid, 1, 1},
    {"allocation_class_path", os_alloc_class_path, 1, 1},
    {"allocation_generation", os_alloc_generation, 1, 1},
    {NULL, NULL, 0, 0}
};

void
mg_ext_init_objspace(void)
{
    for (const MgMethodDef *d = objspace_functions; d->name; d++)
        mg_define_module_function(mg_mObjectSpace, d->name, d->fn, d->min_args, d->max_args);
}
