/* gc.h -- the private-heap allocator and precise mark-sweep collector.
 *
 * Design:
 *  1. Headers live in fixed-size slots (size classes 32..256 bytes) carved from
 *     64 KiB pages; larger objects are malloc'd individually. A header never
 *     moves. Bodies (string bytes, array items ...) come from mg_malloc and are
 *     owned by their object; the collector frees them when it frees the object.
 *  2. All allocation goes through mg_gc_alloc / mg_malloc / mg_realloc, which
 *     count bytes; when the count passes the threshold the next mg_gc_alloc
 *     collects first. `make stress` (MG_GC_STRESS) collects on every mg_gc_alloc.
 *  3. Roots: the VM (stacks, frames, globals, symbols' values), registered
 *     global roots (mg_gc_register), and the *arena*: every object mg_gc_alloc
 *     returns is pushed on the arena, so C code may hold the objects it
 *     allocated in C locals until the arena is restored. The VM saves the arena
 *     level before calling a C method and restores it after (the result is then
 *     on the VM stack). A long C loop that allocates many temporaries may
 *     save/restore the arena itself. C code that holds an object it did NOT
 *     allocate, and that nothing else references any more, protects it with
 *     mg_gc_protect.
 *  4. Marking uses an explicit grey stack (no C recursion); each type's
 *     children are marked by gc.c, T_DATA through DataType.mark.
 *  5. Persistent objects are in the private heap like any other while
 *     resident; the store keeps the ones it needs (dirty, write set) alive by
 *     its own roots.
 */
#ifndef MG_GC_H
#define MG_GC_H

#include "../object/object.h"

/* Allocate a zeroed object of `size` bytes (>= sizeof(Obj)) with the given type
 * and class; pushes it on the arena. May collect. Raises NoMemoryError on OOM. */
Obj *mg_gc_alloc(size_t size, ObjType type, RClass *klass);

/* Body memory: counted, may collect (never frees live objects' bodies behind the
 * caller's back). Raise NoMemoryError on OOM. mg_free(NULL) is fine. */
void mg_advise_huge(void *p, size_t n);     /* 4 MiB or more, no cap: may take huge pages (gc.c) */
void *mg_malloc(size_t size);
void *mg_calloc(size_t count, size_t size);
void *mg_realloc(void *p, size_t old_size, size_t new_size);
void  mg_free(void *p, size_t size);

/* Arena (see 3). */
size_t mg_gc_arena_save(void);
void   mg_gc_arena_restore(size_t level);
/* The same two, inline, for the interpreter loop (the level is a plain count). */
extern size_t *const mg_gc_arena_lenp;
static inline size_t mg_gc_arena_save_fast(void) { return *mg_gc_arena_lenp; }
static inline void mg_gc_arena_restore_fast(size_t level) { if (level < *mg_gc_arena_lenp) *mg_gc_arena_lenp = level; }
void   mg_gc_protect(Value v);
/* Fibers: each C stack has its own arena. mg_gc_arena_swap exchanges the live
 * arena with *a (a fresh one is {NULL, 0, 0}); a saved arena is marked by its
 * owner (mg_gc_mark_values) and released with mg_gc_arena_release. No allocation. */
typedef struct { Value *items; size_t len, cap; } MgArena;
void   mg_gc_arena_swap(MgArena *a);
void   mg_gc_arena_release(MgArena *a);

/* A C global that holds a Value for the whole run. */
void mg_gc_register(Value *slot);

/* Marking, for DataType.mark callbacks and the VM's root marker. NULL/immediates ignored. */
void mg_gc_mark(Value v);
void mg_gc_mark_obj(Obj *o);
void mg_gc_mark_values(const Value *v, size_t n);
/* Marks every value stored in an IdTable (util/idtable.h). */
void mg_gc_mark_idtable(IdTable *t);

/* Other subsystems add root markers (the VM, the store): called at each collection. */
void mg_gc_add_root_marker(void (*mark)(void));

/* Collect now (GC.start). */
void mg_gc_collect(void);

/* A cap on the heap (--max-memory, MAGLEV_MAX_MEMORY; 0: none). Past half of
 * it a collection calls the pressure hook (the store then evicts clean
 * persistent objects at the next VM safe point). */
extern size_t mg_gc_max_bytes;
extern void (*mg_gc_pressure_hook)(void);
size_t mg_gc_heap_bytes(void);
/* Between pin and unpin, mg_gc_marked_p(v) is true exactly for the objects
 * the roots refer to directly (VM stacks, arenas, globals): what C code up
 * the stack may be using. No allocation may happen in between. */
void mg_gc_pin_roots(void);
/* ObjectSpace (ext/objspace.c): calls fn for every object o refers to (what
 * the collector would mark from it, its class included); the slot size of o;
 * a hook called for every new object (allocation tracing; NULL: none). */
void   mg_gc_each_child(Obj *o, void (*fn)(Obj *child, void *arg), void *arg);
size_t mg_gc_slot_size(const Obj *o);
extern void (*mg_gc_alloc_hook)(Obj *o);
void mg_gc_unpin_roots(void);
/* Disable/enable (GC.disable / GC.enable); returns the previous state. */
bool mg_gc_disable(bool disable);

typedef struct {
    size_t collections;
    size_t live_objects;
    size_t heap_bytes;       /* bytes counted by mg_malloc and slots */
    size_t total_allocated;  /* objects ever allocated */
    size_t total_freed;
    uint64_t total_time_ns;  /* spent collecting while measure_time was on (GC.total_time) */
    bool measure_time;       /* GC.measure_total_time */
    bool last_by_alloc;      /* the last collection was started by an allocation, not GC.start */
} GCStats;
void mg_gc_stats(GCStats *out);
/* GC.stress = on: collect at every allocation from now on (a stress build does it always). */
void mg_gc_set_stress(bool on);
/* GC.measure_total_time = on; returns the previous setting. */
bool mg_gc_set_measure(bool on);

/* Calls fn for every live heap object (ObjectSpace.each_object); no allocation allowed in fn. */
void mg_gc_each_object(void (*fn)(Obj *o, void *arg), void *arg);

/* Weak references (ObjectSpace::WeakMap, core/objspace.c; the deduplicated
 * strings, core/string.c): each sweeper added runs after marking, before
 * sweeping, and may only read marks (mg_gc_marked_p: true for immediates) and
 * drop its references to unmarked objects; it must not allocate. */
void mg_gc_set_weak_sweeper(void (*fn)(void));
/* Ephemerons (store/code.c's kept singleton classes): each marker added runs
 * once everything the roots reach is marked, marks the values of its entries
 * whose keys are marked (mg_gc_marked_p, mg_gc_mark_obj) and answers whether
 * it marked any; marking and the markers run again until none does, then the
 * weak sweepers drop the entries of unmarked keys. It must not allocate. */
void mg_gc_add_ephemeron_marker(bool (*fn)(void));
bool mg_gc_marked_p(Value v);

void mg_gc_init(void);

#endif

/* ---- per-type hooks the collector calls (implemented by the owning files) ----
 * Bodies whose layout is private to a core file are marked and freed by it. */
void mg_hash_mark_body(RHash *h);        /* core/hash.c: mark keys, values */
void mg_hash_free_body(RHash *h);        /* core/hash.c */
void mg_big_free(Obj *o);                /* core/bignum.c: mpz_clear */
void mg_str_free_body(RString *s);       /* core/string.c: release ptr (unless in the slot) */
void mg_str_unembed(RString *s);         /* core/string.c: bytes kept in the slot move to a buffer of their own (before a swap of bodies) */
void mg_ary_free_body(RArray *a);        /* core/array.c: release the buffer (which may start before ptr); empties a */
void mg_ary_unembed(RArray *a);          /* core/array.c: elements kept in the slot move to a buffer of their own (before a swap of bodies) */
void mg_genivar_mark(Obj *o);            /* object/object.c: ivars of non-T_OBJECT objects */
void mg_genivar_free(Obj *o);
void mg_class_mark(RClass *c);           /* object/class.c: tables, names, entries */
void mg_class_free(RClass *c);
