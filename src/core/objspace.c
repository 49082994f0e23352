/* objspace.c -- the GC module (start, count, stat, disable/enable) and
 * ObjectSpace (each_object, count_objects, garbage_collect) over the collector's
 * interface in gc/gc.h. Walking the heap may not allocate (mg_gc_each_object),
 * so matches are gathered into a malloc'd list first, then made an Array with
 * the collector paused, and only then yielded. */
#include "core.h"
#include "../store/store.h"
#include <stdlib.h>
#include <string.h>

/* ---- GC ---- */

static Value
gc_s_start(Value self, int argc, const Value *argv, Value blk)
{
    mg_gc_collect();
    return MG_NIL;
}

static Value
gc_s_count(Value self, int argc, const Value *argv, Value blk)
{
    GCStats st;
    mg_gc_stats(&st);
    return mg_int_new((int64_t)st.collections);
}

static Value
gc_s_disable(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(mg_gc_disable(true));
}

static Value
gc_s_enable(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(mg_gc_disable(false));
}

/* GC.stat -> Hash, GC.stat(:key) -> Integer, GC.stat(hash) fills hash */
static Value
gc_s_stat(Value self, int argc, const Value *argv, Value blk)
{
    GCStats st;
    mg_gc_stats(&st);
    static const char *const names[] = { "count", "heap_live_slots", "total_allocated_objects",
                                         "total_freed_objects", "malloc_increase_bytes" };
    int64_t vals[] = { (int64_t)st.collections, (int64_t)st.live_objects, (int64_t)st.total_allocated,
                       (int64_t)st.total_freed, (int64_t)st.heap_bytes };
    if (argc > 0 && MG_IS_SYMBOL(argv[0])) {
        const char *k = mg_id_name(MG_SYM2ID(argv[0]), NULL);
        for (size_t i = 0; i < ARRAY_LEN(names); i++)
            if (!strcmp(k, names[i])) return mg_int_new(vals[i]);
        mg_raise(mg_eArgumentError, "unknown key: %s", k);
    }
    Value h = argc > 0 && MG_IS_HASH(argv[0]) ? argv[0] : mg_hash_new();
    for (size_t i = 0; i < ARRAY_LEN(names); i++)
        mg_hash_aset(h, MG_SYM(mg_intern_cstr(names[i])), mg_int_new(vals[i]));
    return h;
}

/* GC.stress: what was set (true, false or CRuby's Integer flags); anything
 * true makes every allocation collect. */
static Value stress_setting = MG_FALSE;

static Value
gc_s_stress(Value self, int argc, const Value *argv, Value blk)
{
    return stress_setting;
}

static Value
gc_s_set_stress(Value self, int argc, const Value *argv, Value blk)
{
    Value v = argv[0];
    if (!MG_IS_FIXNUM(v) && v != MG_TRUE && v != MG_FALSE && v != MG_NIL) v = mg_to_int(v);
    stress_setting = v == MG_NIL ? MG_FALSE : v;
    mg_gc_set_stress(MG_TEST(v) && v != MG_FIX(0));
    return argv[0];
}

/* GC.total_time: nanoseconds spent collecting (while measure_total_time is on) */
static Value
gc_s_total_time(Value self, int argc, const Value *argv, Value blk)
{
    GCStats st;
    mg_gc_stats(&st);
    return mg_uint_new(st.total_time_ns);
}

static Value
gc_s_measure_total_time(Value self, int argc, const Value *argv, Value blk)
{
    GCStats st;
    mg_gc_stats(&st);
    return MG_BOOL(st.measure_time);
}

static Value
gc_s_set_measure_total_time(Value self, int argc, const Value *argv, Value blk)
{
    mg_gc_set_measure(MG_TEST(argv[0]));
    return argv[0];
}

/* GC.latest_gc_info: every collection of ours is a full, non-incremental mark
 * and sweep, so it is major, swept at once, and the collector is idle after it:
 * major_by :force when GC.start asked for it, :nofree when allocation did. */
static Value
gc_s_latest_gc_info(Value self, int argc, const Value *argv, Value blk)
{
    GCStats st;
    mg_gc_stats(&st);
    static const char *const keys[] = { "major_by", "gc_by", "immediate_sweep", "have_finalizer", "state" };
    Value vals[5] = {
        st.collections == 0 ? MG_NIL : mg_sym(st.last_by_alloc ? "nofree" : "force"),
        st.collections == 0 ? MG_NIL : mg_sym(st.last_by_alloc ? "newobj" : "method"),
        MG_BOOL(st.collections > 0), MG_FALSE, mg_sym("none"),
    };
    if (argc > 0 && MG_IS_SYMBOL(argv[0])) {
        const char *k = mg_id_name(MG_SYM2ID(argv[0]), NULL);
        for (size_t i = 0; i < ARRAY_LEN(keys); i++)
            if (!strcmp(k, keys[i])) return vals[i];
        mg_raise(mg_eArgumentError, "unknown key: %s", k);
    }
    if (argc > 0 && !MG_IS_HASH(argv[0])) mg_raise(mg_eTypeError, "non-hash or symbol given");
    Value h = argc > 0 ? argv[0] : mg_hash_new();
    for (size_t i = 0; i < ARRAY_LEN(keys); i++) mg_hash_aset(h, mg_sym(keys[i]), vals[i]);
    return h;
}

/* Our collector never moves objects: compaction is not available, which
 * CRuby reports the same way on platforms where it cannot compact. */
static Value
gc_s_compact(Value self, int argc, const Value *argv, Value blk)
{
    mg_raise(mg_eNotImplementedError, "Compaction isn't available on this platform");
}

static Value
gc_s_auto_compact(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FALSE;
}

static Value
gc_s_set_auto_compact(Value self, int argc, const Value *argv, Value blk)
{
    if (MG_TEST(argv[0])) mg_raise(mg_eNotImplementedError, "Automatic compaction isn't available on this platform");
    return argv[0];
}

static Value
gc_s_latest_compact_info(Value self, int argc, const Value *argv, Value blk)
{
    Value h = mg_hash_new();
    mg_hash_aset(h, mg_sym("considered"), mg_hash_new());
    mg_hash_aset(h, mg_sym("moved"), mg_hash_new());
    return h;
}

static Value
gc_s_false(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FALSE;
}

/* No transient heap here: nothing to verify (CRuby answers nil the same way). */
static Value
gc_s_nil(Value self, int argc, const Value *argv, Value blk)
{
    return MG_NIL;
}

/* GC.verify_internal_consistency: every reference a live object holds leads
 * to a live slot (not a freed one); RuntimeError naming the count otherwise. */
static void
verify_child(Obj *child, void *arg)
{
    if (child->type == T_NONE) (*(size_t *)arg)++;
}

static void
verify_obj(Obj *o, void *arg)
{
    mg_gc_each_child(o, verify_child, arg);
}

static Value
gc_s_verify_internal_consistency(Value self, int argc, const Value *argv, Value blk)
{
    size_t bad = 0;
    mg_gc_each_object(verify_obj, &bad);
    if (bad) mg_raise(mg_eRuntimeError, "GC.verify_internal_consistency: %zu references to freed slots", bad);
    return MG_NIL;
}

/* ObjectSpace._id2ref(id): the object whose object_id is id (objspace's ids are
 * repository OOPs for heap objects, see object.c's mg_obj_id), a committed one
 * read from the repository if need be; immediates decode directly. RangeError
 * for an id no live or committed object has. */
typedef struct { uint64_t oop; Obj *found; } IdFind;

static void
id_find(Obj *o, void *arg)
{
    IdFind *f = arg;
    if (o->oop == f->oop && o->type != T_ICLASS) f->found = o;
}

static Value
os_id2ref(Value self, int argc, const Value *argv, Value blk)
{
    Value id = mg_to_int(argv[0]);
    if (MG_IS_FIXNUM(id)) {
        int64_t n = MG_FIX2LONG(id);
        if (n == 8) return MG_NIL;
        if (n == 20) return MG_TRUE;
        if (n == 0) return MG_FALSE;
        if (n & 1) return MG_FIX((n - 1) / 2);
        if (n > 0) {
            Value r = mg_store_resident((uint64_t)n);
            if (r != MG_UNDEF) return r;
            IdFind f = { (uint64_t)n, NULL };
            mg_gc_each_object(id_find, &f);
            if (f.found) return MG_VAL(f.found);
            r = mg_store_object_for_oop((uint64_t)n);    /* a committed object not read yet */
            if (r != MG_UNDEF) return r;
        }
        Value s = (Value)((uint64_t)n << 1);
        if (MG_IS_SYMBOL(s) && mg_obj_id(s) == id && mg_id_name(MG_SYM2ID(s), NULL)) return s;
    }
    Value str = mg_inspect(mg_funcall(id, mg_id_to_s, 0, NULL));
    mg_raise(mg_eRangeError, "%s is not id value", mg_str_cstr(str));
}

/* ---- ObjectSpace ---- */

typedef struct {
    RClass *mod;          /* NULL: every object */
    Value *items;
    size_t count, capacity;
    size_t by_type[T_HEAP_LAST + 1];
} Walk;

/* Objects a Ruby program may see: not unfaulted, not iclasses, not the VM's
 * internal data (code, environments) that have no class. */
static bool
visible(Obj *o)
{
    if (!mg_body_present(o)) return false;
    if (!o->klass) return false;
    return o->type != T_ICLASS && o->type != T_NONE;
}

static void
collect_one(Obj *o, void *arg)
{
    Walk *w = arg;
    if (o->type <= T_HEAP_LAST) w->by_type[o->type]++;
    if (!visible(o)) return;
    if (w->mod && !mg_obj_is_kind_of(MG_VAL(o), w->mod)) return;
    if (w->count == w->capacity) {
        size_t cap = w->capacity ? w->capacity * 2 : 256;
        Value *p = realloc(w->items, cap * sizeof *p);    /* not mg_malloc: the walk must not collect */
        if (!p) return;
        w->items = p;
        w->capacity = cap;
    }
    w->items[w->count++] = MG_VAL(o);
}

static Value
os_each_object(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each_object", argc, argv, blk);
    RClass *mod = NULL;
    if (argc > 0) {
        int t = mg_type_of(argv[0]);
        if (t != T_CLASS && t != T_MODULE)
            mg_raise(mg_eTypeError, "class or module required");
        mod = MG_RCLASS(argv[0]);
    }
    Walk w = { mod, NULL, 0, 0, { 0 } };
    bool was = mg_gc_disable(true);
    mg_gc_each_object(collect_one, &w);
    Value all = mg_ary_new_from((int64_t)w.count, w.items);
    mg_gc_disable(was);
    free(w.items);
    mg_gc_protect(all);
    int64_t n = mg_ary_len(all);
    for (int64_t i = 0; i < n; i++) mg_yield1(blk, mg_ary_entry(all, i));
    return mg_int_new(n);
}

/* ObjectSpace.count_objects -> {:TOTAL, :FREE, :T_OBJECT, :T_CLASS, ...} */
static Value
os_count_objects(Value self, int argc, const Value *argv, Value blk)
{
    Walk w = { NULL, NULL, 0, 0, { 0 } };
    static const char *const tnames[T_HEAP_LAST + 1] = {
        [T_OBJECT] = "T_OBJECT", [T_CLASS] = "T_CLASS", [T_MODULE] = "T_MODULE", [T_ICLASS] = "T_ICLASS",
        [T_FLOAT] = "T_FLOAT", [T_BIGNUM] = "T_BIGNUM", [T_STRING] = "T_STRING", [T_ARRAY] = "T_ARRAY",
        [T_HASH] = "T_HASH", [T_RANGE] = "T_STRUCT", [T_DATA] = "T_DATA",
    };
    bool was = mg_gc_disable(true);
    mg_gc_each_object(collect_one, &w);
    free(w.items);
    Value h = argc > 0 && MG_IS_HASH(argv[0]) ? argv[0] : mg_hash_new();
    size_t total = 0;
    for (int t = 0; t <= T_HEAP_LAST; t++) total += w.by_type[t];
    mg_hash_aset(h, MG_SYM(mg_intern_cstr("TOTAL")), mg_int_new((int64_t)total));
    mg_hash_aset(h, MG_SYM(mg_intern_cstr("FREE")), MG_FIX(0));
    for (int t = 0; t <= T_HEAP_LAST; t++)
        if (tnames[t] && w.by_type[t]) mg_hash_aset(h, MG_SYM(mg_intern_cstr(tnames[t])), mg_int_new((int64_t)w.by_type[t]));
    mg_gc_disable(was);
    return h;
}


/* ---- ObjectSpace::WeakMap: keys and values held weakly, keys compared by identity ----
 * Each map is a list of pairs; every live map is on weak_maps, and the collector's
 * weak sweeper (mg_gc_set_weak_sweeper) drops the pairs whose key or value is unmarked. */

typedef struct WeakMap {
    Value *pairs;              /* 2 * count values: key, value */
    size_t count, capacity;
    struct WeakMap *next, *prev;
} WeakMap;

static WeakMap *weak_maps;

static void
wm_free(void *p)
{
    WeakMap *m = p;
    if (m->prev) m->prev->next = m->next; else weak_maps = m->next;
    if (m->next) m->next->prev = m->prev;
    free(m->pairs);
    free(m);
}

static size_t
wm_memsize(const void *p)
{
    const WeakMap *m = p;
    return sizeof *m + m->capacity * 2 * sizeof(Value);
}

static const DataType weakmap_type = { "ObjectSpace::WeakMap", NULL, wm_free, wm_memsize };

static void
weak_sweep(void)
{
    for (WeakMap *m = weak_maps; m; m = m->next) {
        size_t j = 0;
        for (size_t i = 0; i < m->count; i++) {
            Value k = m->pairs[2 * i], v = m->pairs[2 * i + 1];
            if (!mg_gc_marked_p(k) || !mg_gc_marked_p(v)) continue;
            m->pairs[2 * j] = k;
            m->pairs[2 * j + 1] = v;
            j++;
        }
        m->count = j;
    }
}

static Value
wm_alloc(RClass *klass)
{
    WeakMap *m = calloc(1, sizeof *m);
    if (!m) mg_raise(mg_eNoMemoryError, "failed to allocate memory");
    m->next = weak_maps;
    if (weak_maps) weak_maps->prev = m;
    weak_maps = m;
    return mg_data_new(klass, &weakmap_type, m);
}

static WeakMap *
get_wm(Value self)
{
    WeakMap *m = mg_data_get(self, &weakmap_type);
    if (!m) mg_raise(mg_eTypeError, "wrong argument type (expected ObjectSpace::WeakMap)");
    return m;
}

static int64_t
wm_find(WeakMap *m, Value k)
{
    for (size_t i = 0; i < m->count; i++)
        if (m->pairs[2 * i] == k) return (int64_t)i;
    return -1;
}

static Value
wm_aset(Value self, int argc, const Value *argv, Value blk)
{
    WeakMap *m = get_wm(self);
    int64_t i = wm_find(m, argv[0]);
    if (i < 0) {
        if (m->count == m->capacity) {
            size_t cap = m->capacity ? m->capacity * 2 : 8;
            Value *p = realloc(m->pairs, cap * 2 * sizeof *p);
            if (!p) mg_raise(mg_eNoMemoryError, "failed to allocate memory");
            m->pairs = p;
            m->capacity = cap;
        }
        i = (int64_t)m->count++;
        m->pairs[2 * i] = argv[0];
    }
    m->pairs[2 * i + 1] = argv[1];
    return argv[1];
}

static Value
wm_aref(Value self, int argc, const Value *argv, Value blk)
{
    WeakMap *m = get_wm(self);
    int64_t i = wm_find(m, argv[0]);
    return i < 0 ? MG_NIL : m->pairs[2 * i + 1];
}

static Value
wm_key_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(wm_find(get_wm(self), argv[0]) >= 0);
}

static Value
wm_size(Value self, int argc, const Value *argv, Value blk)
{
    return mg_int_new((int64_t)get_wm(self)->count);
}

/* The pairs as an Array of [k, v] (a snapshot: blocks may change the map). */
static Value
wm_snapshot(Value self, int what)
{
    WeakMap *m = get_wm(self);
    Value out = mg_ary_new_capa((int64_t)m->count);
    for (size_t i = 0; i < m->count; i++) {
        Value k = m->pairs[2 * i], v = m->pairs[2 * i + 1];
        mg_ary_push(out, what == 0 ? k : what == 1 ? v : mg_ary_new_from(2, (Value[]){ k, v }));
        m = get_wm(self);
        if (i >= m->count) break;
    }
    return out;
}

static Value
wm_keys(Value self, int argc, const Value *argv, Value blk)
{
    return wm_snapshot(self, 0);
}

static Value
wm_values(Value self, int argc, const Value *argv, Value blk)
{
    return wm_snapshot(self, 1);
}

static Value
wm_each(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each", argc, argv, blk);
    Value pairs = wm_snapshot(self, 2);
    for (int64_t i = 0; i < mg_ary_len(pairs); i++) mg_yield_values(blk, 2, mg_ary_ptr(mg_ary_entry(pairs, i)));
    return self;
}

static Value
wm_each_one(Value self, int what, const char *name, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, name, argc, argv, blk);
    Value items = wm_snapshot(self, what);
    for (int64_t i = 0; i < mg_ary_len(items); i++) mg_yield1(blk, mg_ary_entry(items, i));
    return self;
}

static Value
wm_each_key(Value self, int argc, const Value *argv, Value blk)
{
    return wm_each_one(self, 0, "each_key", argc, argv, blk);
}

static Value
wm_each_value(Value self, int argc, const Value *argv, Value blk)
{
    return wm_each_one(self, 1, "each_value", argc, argv, blk);
}

static Value
wm_inspect(Value self, int argc, const Value *argv, Value blk)
{
    Value pairs = wm_snapshot(self, 2);
    Value s = mg_str_new_cstr("#<ObjectSpace::WeakMap ");
    for (int64_t i = 0; i < mg_ary_len(pairs); i++) {
        Value pr = mg_ary_entry(pairs, i);
        if (i) mg_str_cat(s, ", ", 2);
        Value a = mg_inspect(mg_ary_entry(pr, 0)), b = mg_inspect(mg_ary_entry(pr, 1));
        mg_str_cat(s, mg_str_ptr(a), (size_t)mg_str_len(a));
        mg_str_cat(s, " => ", 4);
        mg_str_cat(s, mg_str_ptr(b), (size_t)mg_str_len(b));
    }
    mg_str_cat(s, ">", 1);
    return s;
}

static const MgMethodDef weakmap_methods[] = {
    {"[]=", wm_aset, 2, 2},
    {"[]", wm_aref, 1, 1},
    {"key?", wm_key_p, 1, 1},
    {"include?", wm_key_p, 1, 1},
    {"member?", wm_key_p, 1, 1},
    {"size", wm_size, 0, 0},
    {"length", wm_size, 0, 0},
    {"keys", wm_keys, 0, 0},
    {"values", wm_values, 0, 0},
    {"each", wm_each, 0, 0},
    {"each_pair", wm_each, 0, 0},
    {"each_key", wm_each_key, 0, 0},
    {"each_value", wm_each_value, 0, 0},
    {"inspect", wm_inspect, 0, 0},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef gc_functions[] = {
    {"start", gc_s_start, 0, -1},
    {"count", gc_s_count, 0, 0},
    {"stat", gc_s_stat, 0, 1},
    {"disable", gc_s_disable, 0, 0},
    {"enable", gc_s_enable, 0, 0},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef gc_singleton_methods[] = {
    {"stress", gc_s_stress, 0, 0},
    {"stress=", gc_s_set_stress, 1, 1},
    {"total_time", gc_s_total_time, 0, 0},
    {"measure_total_time", gc_s_measure_total_time, 0, 0},
    {"measure_total_time=", gc_s_set_measure_total_time, 1, 1},
    {"latest_gc_info", gc_s_latest_gc_info, 0, 1},
    {"compact", gc_s_compact, 0, 0},
    {"verify_compaction_references", gc_s_compact, 0, -1},
    {"auto_compact", gc_s_auto_compact, 0, 0},
    {"auto_compact=", gc_s_set_auto_compact, 1, 1},
    {"latest_compact_info", gc_s_latest_compact_info, 0, 0},
    {"using_rvargc?", gc_s_false, 0, 0},
    {"verify_internal_consistency", gc_s_verify_internal_consistency, 0, 0},
    {"verify_transient_heap_internal_consistency", gc_s_nil, 0, 0},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef objspace_functions[] = {
    {"each_object", os_each_object, 0, 1},
    {"count_objects", os_count_objects, 0, 1},
    {"garbage_collect", gc_s_start, 0, -1},
    {"_id2ref", os_id2ref, 1, 1},
    {NULL, NULL, 0, 0}
};

void
mg_init_objspace(void)
{
    for (const MgMethodDef *d = gc_functions; d->name; d++)
        mg_define_module_function(mg_mGC, d->name, d->fn, d->min_args, d->max_args);
    mg_define_singleton_methods(MG_VAL(mg_mGC), gc_singleton_methods);
    mg_define_method(mg_mGC, "garbage_collect", gc_s_start, 0, -1);
    mg_gc_register(&stress_setting);
    for (const MgMethodDef *d = objspace_functions; d->name; d++)
        mg_define_module_function(mg_mObjectSpace, d->name, d->fn, d->min_args, d->max_args);
    RClass *wm = mg_define_class_under(mg_mObjectSpace, "WeakMap", mg_cObject);
    mg_define_alloc_func(wm, wm_alloc);
    mg_define_methods(wm, weakmap_methods);
    mg_include_module(wm, mg_mEnumerable);
    mg_gc_set_weak_sweeper(weak_sweep);
}
