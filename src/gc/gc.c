/* gc.c -- size-class slot allocator and precise mark-sweep collector.
 * The design and the rooting rules are in gc.h. */
#include "gc.h"
#include <sys/mman.h>
#include "../util/idtable.h"
#include "../vm/vm.h"
#include "../core/bignum.h"
#include <malloc.h>
#include <time.h>

#define PAGE_BYTES (64 * 1024)
static const uint16_t size_classes[] = { 32, 48, 64, 80, 96, 128, 192, 256 };
#define NCLASSES ((int)ARRAY_LEN(size_classes))

typedef struct Page {
    struct Page *next;
    uint16_t slot_size;
    bool mapped;             /* slots are an mmap of PAGE_BYTES (made under a cap; freed when empty) */
    uint32_t nslots;
    char *slots;
} Page;

typedef struct FreeSlot { struct FreeSlot *next; } FreeSlot;

/* A free slot has type T_NONE; its first word links the free list (where klass lives). */
static struct {
    Page *pages;
    FreeSlot *free[NCLASSES];
    size_t bytes;            /* slots in use + counted malloc bytes */
    size_t next_gc;
    size_t live_objects, collections, total_allocated, total_freed;
    bool disabled, collecting, ready;
    bool stress;             /* GC.stress: collect at every allocation (next_gc stays 0) */
    bool measure;            /* GC.measure_total_time */
    bool in_alloc, last_by_alloc;   /* the allocator started the (last) collection */
    uint64_t total_ns;       /* GC.total_time */
    Value *arena; size_t arena_len, arena_cap;
    Obj **grey; size_t grey_len, grey_cap;
    Value **roots; size_t roots_len, roots_cap;
    void (*markers[16])(void); int nmarkers;
} H;

static void
fatal_oom(void)
{
    fputs("[FATAL] maglev: out of memory in the collector\n", stderr);
    abort();
}

static void *
raw_realloc(void *p, size_t n)
{
    void *q = realloc(p, n);
    if (!q && n) fatal_oom();
    return q;
}

/* ---- body memory ---- */

/* A body of 4 MiB or more (glibc maps it on its own) may take huge pages,
 * as the slot pages do (chunk_page): a big Array's vector, the resident
 * table, a commit's buffer (record.c, which grows it by realloc). Not under a cap, where memory is counted. */
void
mg_advise_huge(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
    if (n < ((size_t)4 << 20) || mg_gc_max_bytes) return;
    uintptr_t a = ((uintptr_t)p + ((uintptr_t)2 << 20) - 1) & ~(((uintptr_t)2 << 20) - 1);
    uintptr_t e = ((uintptr_t)p + n) & ~(((uintptr_t)2 << 20) - 1);
    if (e > a) madvise((void *)a, e - a, MADV_HUGEPAGE);
#else
    UNUSED(p); UNUSED(n);
#endif
}

void *
mg_malloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (UNLIKELY(!p)) {
        mg_gc_collect();
        p = malloc(size ? size : 1);
        if (!p) mg_raise_nomem();
    }
    H.bytes += malloc_usable_size(p);
    mg_advise_huge(p, size);
    return p;
}

void *
mg_calloc(size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size) mg_raise_nomem();
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (UNLIKELY(!p)) {
        mg_gc_collect();
        p = calloc(count ? count : 1, size ? size : 1);
        if (!p) mg_raise_nomem();
    }
    H.bytes += malloc_usable_size(p);
    mg_advise_huge(p, count * size);
    return p;
}

void *
mg_realloc(void *p, size_t old_size, size_t new_size)
{
    UNUSED(old_size);
    size_t before = p ? malloc_usable_size(p) : 0;
    void *q = realloc(p, new_size ? new_size : 1);
    if (UNLIKELY(!q)) {
        mg_gc_collect();
        q = realloc(p, new_size ? new_size : 1);
        if (!q) mg_raise_nomem();
    }
    H.bytes += malloc_usable_size(q);
    H.bytes -= before < H.bytes ? before : H.bytes;
    if (new_size > before) mg_advise_huge(q, new_size);
    return q;
}

void
mg_free(void *p, size_t size)
{
    UNUSED(size);
    if (!p) return;
    size_t n = malloc_usable_size(p);
    H.bytes -= n < H.bytes ? n : H.bytes;
    free(p);
}

/* ---- slots ---- */

static int
class_index(size_t size)
{
    for (int i = 0; i < NCLASSES; i++)
        if (size <= size_classes[i]) return i;
    return -1;
}

/* Pages without a cap are never freed: they are cut from 4 MiB chunks
 * aligned to 2 MiB that the kernel may back with transparent huge pages
 * (MADV_HUGEPAGE): a heap of hundreds of MB then takes a few hundred page
 * faults and TLB entries, not one per 4 KiB. Fresh mappings are zero, as
 * the slots must be. */
#define CHUNK_BYTES ((size_t)4 << 20)
#define HUGE_BYTES ((size_t)2 << 20)

static char *
chunk_page(void)
{
    static char *next, *end;
    if (next == end) {
        char *m = mmap(NULL, CHUNK_BYTES + HUGE_BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (m == MAP_FAILED) return NULL;
        char *a = (char *)(((uintptr_t)m + HUGE_BYTES - 1) & ~(uintptr_t)(HUGE_BYTES - 1));
        if (a > m) munmap(m, (size_t)(a - m));
        if (a + CHUNK_BYTES < m + CHUNK_BYTES + HUGE_BYTES) munmap(a + CHUNK_BYTES, (size_t)(m + HUGE_BYTES - a));
#ifdef MADV_HUGEPAGE
        madvise(a, CHUNK_BYTES, MADV_HUGEPAGE);
#endif
        next = a;
        end = a + CHUNK_BYTES;
    }
    char *p = next;
    next += PAGE_BYTES;
    return p;
}

static void
add_page(int ci)
{
    Page *pg = raw_realloc(NULL, sizeof *pg);
    pg->slot_size = size_classes[ci];
    pg->nslots = PAGE_BYTES / pg->slot_size;
    /* under a cap: mapped, so that a page freed returns to the system at once */
    pg->mapped = mg_gc_max_bytes != 0;
    if (pg->mapped) {
        void *m = mmap(NULL, PAGE_BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        pg->slots = m == MAP_FAILED ? NULL : m;
    } else {
        pg->slots = chunk_page();
    }
    if (!pg->slots) fatal_oom();
    pg->next = H.pages;
    H.pages = pg;
    for (uint32_t i = pg->nslots; i-- > 0;) {
        FreeSlot *f = (FreeSlot *)(pg->slots + (size_t)i * pg->slot_size);
        f->next = H.free[ci];
        H.free[ci] = f;
    }
}

static void
arena_push(Value v)
{
    if (H.arena_len == H.arena_cap) {
        H.arena_cap = H.arena_cap ? H.arena_cap * 2 : 1024;
        H.arena = raw_realloc(H.arena, H.arena_cap * sizeof(Value));
    }
    H.arena[H.arena_len++] = v;
}

Obj *
mg_gc_alloc(size_t size, ObjType type, RClass *klass)
{
    int ci = class_index(size);
    if (ci < 0) mg_bug(__FILE__, __LINE__, "object of %zu bytes is larger than the largest slot", size);
#ifdef MG_GC_STRESS
    if (H.ready && !H.disabled && !H.collecting) mg_gc_collect();
#else
    if (UNLIKELY(H.bytes >= H.next_gc) && H.ready && !H.disabled && !H.collecting) {
        H.in_alloc = true;
        mg_gc_collect();
        H.in_alloc = false;
    }
#endif
    if (UNLIKELY(!H.free[ci])) add_page(ci);
    FreeSlot *f = H.free[ci];
    H.free[ci] = f->next;
    Obj *o = (Obj *)f;
    memset(o, 0, size_classes[ci]);
    o->type = (uint8_t)type;
    o->klass = klass;
    H.bytes += size_classes[ci];
    if (UNLIKELY(mg_gc_alloc_hook != NULL)) mg_gc_alloc_hook(o);
    H.live_objects++;
    H.total_allocated++;
    arena_push(MG_VAL(o));
    return o;
}

/* ---- arena and roots ---- */

size_t mg_gc_arena_save(void) { return H.arena_len; }
size_t *const mg_gc_arena_lenp = &H.arena_len;

void
mg_gc_arena_restore(size_t level)
{
    if (level < H.arena_len) H.arena_len = level;
}

void
mg_gc_protect(Value v)
{
    if (MG_IS_PTR(v)) arena_push(v);
}

/* Fibers (vm/fiber.c): every C stack has its own arena, swapped in and out. */
void
mg_gc_arena_swap(MgArena *a)
{
    MgArena t = { H.arena, H.arena_len, H.arena_cap };
    H.arena = a->items; H.arena_len = a->len; H.arena_cap = a->cap;
    *a = t;
}

void
mg_gc_arena_release(MgArena *a)
{
    free(a->items);
    a->items = NULL; a->len = a->cap = 0;
}

void
mg_gc_register(Value *slot)
{
    if (H.roots_len == H.roots_cap) {
        H.roots_cap = H.roots_cap ? H.roots_cap * 2 : 64;
        H.roots = raw_realloc(H.roots, H.roots_cap * sizeof(Value *));
    }
    H.roots[H.roots_len++] = slot;
}

void
mg_gc_add_root_marker(void (*mark)(void))
{
    if (H.nmarkers == (int)ARRAY_LEN(H.markers)) mg_bug(__FILE__, __LINE__, "too many root markers");
    H.markers[H.nmarkers++] = mark;
}

bool
mg_gc_disable(bool disable)
{
    bool old = H.disabled;
    H.disabled = disable;
    return old;
}

/* ---- marking ---- */

#define MARK_BIT 1

static void (*child_fn)(Obj *o, void *arg);   /* mg_gc_each_child: marks are reports */
static void *child_arg;

void
mg_gc_mark_obj(Obj *o)
{
    if (UNLIKELY(child_fn)) { if (o) child_fn(o, child_arg); return; }
    if (!o || (o->gc & MARK_BIT)) return;
    o->gc |= MARK_BIT;
    if (H.grey_len == H.grey_cap) {
        H.grey_cap = H.grey_cap ? H.grey_cap * 2 : 4096;
        H.grey = raw_realloc(H.grey, H.grey_cap * sizeof(Obj *));
    }
    H.grey[H.grey_len++] = o;
}

void
mg_gc_mark(Value v)
{
    if (MG_IS_PTR(v)) mg_gc_mark_obj(MG_OBJ(v));
}

void
mg_gc_mark_values(const Value *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (MG_IS_PTR(v[i])) mg_gc_mark_obj(MG_OBJ(v[i]));
}

void
mg_gc_mark_idtable(IdTable *t)
{
    if (!t) return;
    for (uint32_t i = 0; i < t->count; i++)
        if (t->keys[i]) mg_gc_mark((Value)t->vals[i]);
}

static void
mark_children(Obj *o)
{
    mg_gc_mark_obj((Obj *)o->klass);
    if (o->flags & OF_GENIVAR) mg_genivar_mark(o);
    if (!mg_body_present(o)) return;
    switch ((ObjType)o->type) {
    case T_OBJECT: {
        RObject *ro = (RObject *)o;
        if (ro->ivs) mg_gc_mark_values(ro->ivs, o->extra);
        break;
    }
    case T_CLASS: case T_MODULE: case T_ICLASS:
        mg_class_mark((RClass *)o);
        break;
    case T_ARRAY: {
        RArray *a = (RArray *)o;
        mg_gc_mark_values(a->ptr, (size_t)a->len);
        break;
    }
    case T_HASH:
        mg_gc_mark(((RHash *)o)->ifnone);
        mg_hash_mark_body((RHash *)o);
        break;
    case T_RANGE:
        mg_gc_mark(((RRange *)o)->beg);
        mg_gc_mark(((RRange *)o)->end);
        break;
    case T_DATA: {
        RData *d = (RData *)o;
        if (d->type && d->type->mark && d->ptr) d->type->mark(d->ptr);
        break;
    }
    default:
        break;
    }
}

static void
free_body(Obj *o)
{
    if (o->flags & OF_PERSISTENT) mg_forget_hook(o);
    if (o->flags & OF_GENIVAR) mg_genivar_free(o);
    if (!mg_body_present(o)) return;
    switch ((ObjType)o->type) {
    case T_OBJECT: {
        RObject *ro = (RObject *)o;
        if (!(o->flags & OF_IVEMBED)) mg_free(ro->ivs, o->extra * sizeof(Value));
        break;
    }
    case T_CLASS: case T_MODULE: case T_ICLASS:
        mg_class_free((RClass *)o);
        break;
    case T_STRING:
        mg_str_free_body((RString *)o);
        break;
    case T_ARRAY:
        mg_ary_free_body((RArray *)o);
        break;
    case T_HASH:
        mg_hash_free_body((RHash *)o);
        break;
    case T_BIGNUM:
        mg_big_free(o);
        break;
    case T_DATA: {
        RData *d = (RData *)o;
        if (d->type && d->type->free && d->ptr) d->type->free(d->ptr);
        break;
    }
    default:
        break;
    }
}

static void
sweep(void)
{
    size_t live = 0;
    for (int ci = 0; ci < NCLASSES; ci++) H.free[ci] = NULL;
    for (Page **link = &H.pages; *link;) {
        Page *pg = *link;
        int ci = class_index(pg->slot_size);
        FreeSlot *head = H.free[ci];
        size_t page_live = 0;
        for (uint32_t i = 0; i < pg->nslots; i++) {
            Obj *o = (Obj *)(pg->slots + (size_t)i * pg->slot_size);
            if (o->type != T_NONE) {
                if (o->gc & MARK_BIT) { o->gc &= ~MARK_BIT; live++; page_live++; continue; }
                free_body(o);
                H.bytes -= pg->slot_size < H.bytes ? pg->slot_size : H.bytes;
                H.total_freed++;
                memset(o, 0, sizeof(Obj));
            }
            FreeSlot *f = (FreeSlot *)o;
            f->next = H.free[ci];
            H.free[ci] = f;
        }
        if (!page_live && pg->mapped) {
            /* under a cap an empty page goes back to the system */
            H.free[ci] = head;
            *link = pg->next;
            munmap(pg->slots, PAGE_BYTES);
            free(pg);
            continue;
        }
        link = &pg->next;
    }
    H.live_objects = live;
}

static void (*weak_sweepers[8])(void);
static int nweak_sweepers;
static bool (*ephemeron_markers[4])(void);
static int nephemeron_markers;

void
mg_gc_add_ephemeron_marker(bool (*fn)(void))
{
    if (nephemeron_markers == (int)ARRAY_LEN(ephemeron_markers)) mg_bug(__FILE__, __LINE__, "too many ephemeron markers");
    ephemeron_markers[nephemeron_markers++] = fn;
}

void
mg_gc_set_weak_sweeper(void (*fn)(void))
{
    if (nweak_sweepers == (int)(sizeof weak_sweepers / sizeof weak_sweepers[0]))
        mg_bug(__FILE__, __LINE__, "too many weak sweepers");
    weak_sweepers[nweak_sweepers++] = fn;
}

bool
mg_gc_marked_p(Value v)
{
    if (!MG_IS_PTR(v)) return true;
    return (MG_OBJ(v)->gc & MARK_BIT) != 0;
}

void
mg_gc_collect(void)
{
    if (H.collecting || !H.ready) return;
    H.collecting = true;
    H.last_by_alloc = H.in_alloc;
    struct timespec t0 = { 0, 0 };
    if (H.measure) clock_gettime(CLOCK_MONOTONIC, &t0);
    mg_gc_mark_values(H.arena, H.arena_len);
    for (size_t i = 0; i < H.roots_len; i++) mg_gc_mark(*H.roots[i]);
    for (int i = 0; i < H.nmarkers; i++) H.markers[i]();
    while (H.grey_len) mark_children(H.grey[--H.grey_len]);
    for (bool more = nephemeron_markers > 0; more;) {
        more = false;
        for (int i = 0; i < nephemeron_markers; i++) more |= ephemeron_markers[i]();
        while (H.grey_len) mark_children(H.grey[--H.grey_len]);
    }
    for (int i = 0; i < nweak_sweepers; i++) weak_sweepers[i]();   /* weak tables drop entries whose objects die now */
    sweep();
    H.collections++;
    size_t floor = 16u << 20;
    /* next collection at 1.5x the bytes in use (2x made binary_trees' peak RSS exceed CRuby's
     * for no measurable speed gain) */
    H.next_gc = H.bytes + H.bytes / 2 > floor ? H.bytes + H.bytes / 2 : floor;
    if (mg_gc_max_bytes) {
        /* a cap (--max-memory): collect before passing it, and past half of it ask
         * the store to evict clean persistent objects at the next safe point */
        size_t cap = mg_gc_max_bytes;
        if (H.next_gc > cap && H.bytes < cap - cap / 8) H.next_gc = cap;
        else if (H.next_gc > cap) H.next_gc = H.bytes + cap / 8;
        if (H.bytes > cap / 2 && mg_gc_pressure_hook) mg_gc_pressure_hook();
    }
    if (H.stress) H.next_gc = 0;
    if (H.measure) {
        struct timespec t1;
        clock_gettime(CLOCK_MONOTONIC, &t1);
        H.total_ns += (uint64_t)((t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec));
    }
    H.collecting = false;
}

void
mg_gc_set_stress(bool on)
{
    H.stress = on;
    if (on) H.next_gc = 0;
    else if (H.next_gc == 0) H.next_gc = H.bytes + H.bytes / 2 > (16u << 20) ? H.bytes + H.bytes / 2 : 16u << 20;
}

bool
mg_gc_set_measure(bool on)
{
    bool was = H.measure;
    H.measure = on;
    return was;
}

void
mg_gc_each_child(Obj *o, void (*fn)(Obj *child, void *arg), void *arg)
{
    if (H.collecting) return;
    H.collecting = true;        /* no collection while marks are reports */
    child_fn = fn;
    child_arg = arg;
    mark_children(o);
    child_fn = NULL;
    H.collecting = false;
}

size_t
mg_gc_slot_size(const Obj *o)
{
    for (Page *pg = H.pages; pg; pg = pg->next)
        if ((const char *)o >= pg->slots && (const char *)o < pg->slots + (size_t)pg->nslots * pg->slot_size)
            return pg->slot_size;
    return 0;
}

void (*mg_gc_alloc_hook)(Obj *o);

size_t mg_gc_max_bytes;
void (*mg_gc_pressure_hook)(void);

void
mg_gc_pin_roots(void)
{
    ASSERT(!H.collecting && H.grey_len == 0);
    H.collecting = true;       /* no collection while the marks mean "pinned" */
    mg_gc_mark_values(H.arena, H.arena_len);
    for (size_t i = 0; i < H.roots_len; i++) mg_gc_mark(*H.roots[i]);
    for (int i = 0; i < H.nmarkers; i++) H.markers[i]();
}

void
mg_gc_unpin_roots(void)
{
    while (H.grey_len) H.grey[--H.grey_len]->gc &= (uint8_t)~MARK_BIT;
    H.collecting = false;
}

size_t
mg_gc_heap_bytes(void)
{
    return H.bytes;
}

void
mg_gc_stats(GCStats *out)
{
    out->collections = H.collections;
    out->live_objects = H.live_objects;
    out->heap_bytes = H.bytes;
    out->total_allocated = H.total_allocated;
    out->total_freed = H.total_freed;
    out->total_time_ns = H.total_ns;
    out->measure_time = H.measure;
    out->last_by_alloc = H.last_by_alloc;
}

void
mg_gc_each_object(void (*fn)(Obj *o, void *arg), void *arg)
{
    for (Page *pg = H.pages; pg; pg = pg->next)
        for (uint32_t i = 0; i < pg->nslots; i++) {
            Obj *o = (Obj *)(pg->slots + (size_t)i * pg->slot_size);
            if (o->type != T_NONE) fn(o, arg);
        }
}

/* Called once the object model and the VM have registered their roots:
 * collections before this point would miss roots. */
void
mg_gc_init(void)
{
    H.next_gc = 16u << 20;
    H.ready = true;
    H.measure = true;       /* as CRuby: GC.measure_total_time is on by default */
}
