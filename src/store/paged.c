/* paged.c -- big Arrays and Hashes written in pages (docs/format.md
 * "Paged Arrays and Hashes").
 *
 * An Array of MG_PAGED_MIN elements or more -- a Hash of MG_PAGED_MIN dense
 * positions or more (core/hash.c: its entries in insertion order, deleted
 * ones included) -- is committed as a *spine* record under its own OOP: its
 * class, instance variables (a Hash's flags and default) and references to
 * its pages; and *page* records of 2^MG_PAGE_SHIFT consecutive elements
 * (positions) each, the last one holding the rest. Appending to a
 * million-element Array then writes a 4.5 KB spine and a 20 KB page, not
 * 8 MB; adding a key to a big Hash, its spine and last page.
 *
 * Rules:
 *  P1. The spine is written whenever the object is in the write set, the
 *      pages only when their bytes changed. So conflicts stay per object:
 *      two gems that change one Array conflict on its spine, whatever pages
 *      they touched, and the commit log names the Array whenever it
 *      changed (txn.c invalidates it as any other object).
 *  P2. A resident object read or written in pages has OF_PAGED and an
 *      entry here: per page its OOP, the version read or written, the hash
 *      of its record's bytes; and a bit for each page stored into since
 *      (the write barrier: mg_wb, whose stores may have moved any element,
 *      marks them all, as mg_wb_layout does when a Hash's entries get new
 *      positions; mg_wb_elems marks the pages of the elements it names --
 *      a set, not a range: storing into the first element and appending is
 *      two pages, not all between). A commit encodes the pages marked, the
 *      last page before and after, and the new ones, and of those writes
 *      the ones whose hash changed. (A change confined to one 8-byte word always changes the
 *      hash: its steps are bijections in each lane.) A reader rebuilds a
 *      Hash's positions as the pages have them (record.c), so the ranges
 *      and the pages speak of the same positions.
 *  P3. Entries change only when a commit succeeds (mg_paged_done); a
 *      failed commit keeps them, with the object's changes. Emptying the
 *      body (abort, eviction, another gem's commit) or freeing it drops the
 *      entry, and the next read makes a new one.
 *  P4. Pages are never objects in memory: a spine is decoded with all its
 *      pages (record.c), which are read at the same view. A page's OOP no
 *      longer listed by any spine is garbage for the repository GC; the
 *      GC's closure over kept records keeps a kept spine's pages.
 *  P6. An Array's spine names how many positions at the start of its
 *      first page are dead (skip < 2^MG_PAGE_SHIFT). Array#shift (mg_wb_shift)
 *      counts the elements shifted off; the commit drops the pages they
 *      emptied from the spine and raises the skip, so a FIFO queue's shift
 *      writes the spine alone (RCQueue). Element i is at position
 *      skip + shifted + i; pages and marks speak of positions.
 *  P5. For the same reason as P2, the commit's walk for persistence by
 *      reachability visits only the pages stored into since (every
 *      other element was persistent, or a value, when the object was read
 *      or written; a failed commit's walk is undone, and its range kept).
 */
#include "paged.h"
#include "../core/core.h"

/* ---- the entries: open addressing on the object's address ---- */

static struct {
    MgPaged **slot; size_t cap, count;
    MgPaged *last;                            /* the one found last (a loop of pushes) */
} T;

static size_t
slot_of(const Obj *o)
{
    return (size_t)((((uintptr_t)o >> 4) * 0x9E3779B97F4A7C15ull) >> 20) & (T.cap - 1);
}

static MgPaged *
find(const Obj *o)
{
    if (T.last && T.last->o == o) return T.last;
    if (!T.cap) return NULL;
    for (size_t i = slot_of(o); T.slot[i]; i = (i + 1) & (T.cap - 1))
        if (T.slot[i]->o == o) return T.last = T.slot[i];
    return NULL;
}

static void
insert(MgPaged *e)
{
    if ((T.count + 1) * 2 > T.cap) {
        size_t oc = T.cap, nc = oc ? oc * 2 : 64;
        MgPaged **old = T.slot;
        T.slot = calloc(nc, sizeof *T.slot);
        if (!T.slot) { T.slot = old; mg_raise_nomem(); }
        T.cap = nc;
        for (size_t i = 0; i < oc; i++) {
            if (!old[i]) continue;
            size_t j = slot_of(old[i]->o);
            while (T.slot[j]) j = (j + 1) & (nc - 1);
            T.slot[j] = old[i];
        }
        free(old);
    }
    size_t i = slot_of(e->o);
    while (T.slot[i]) i = (i + 1) & (T.cap - 1);
    T.slot[i] = e;
    T.count++;
}

static void
free_entry(MgPaged *e)
{
    free(e->oop);
    free(e->ver);
    free(e->hash);
    free(e->touched);
    free(e);
}

static void
unlink_entry(const Obj *o)
{
    if (!T.cap) return;
    size_t i = slot_of(o);
    while (T.slot[i] && T.slot[i]->o != o) i = (i + 1) & (T.cap - 1);
    if (!T.slot[i]) return;
    if (T.last == T.slot[i]) T.last = NULL;
    free_entry(T.slot[i]);
    T.slot[i] = NULL;
    T.count--;
    /* backward shift: the entries after it that probed past it move up */
    for (size_t j = (i + 1) & (T.cap - 1); T.slot[j]; j = (j + 1) & (T.cap - 1)) {
        size_t home = slot_of(T.slot[j]->o);
        bool past = i <= j ? (home <= i || home > j) : (home <= i && home > j);
        if (past) {
            T.slot[i] = T.slot[j];
            T.slot[j] = NULL;
            i = j;
        }
    }
}

/* A new entry for o, not in the table yet: np pages, all zero. */
static MgPaged *
new_entry(Obj *o, unsigned shift, size_t np)
{
    size_t n = np ? np : 1;
    MgPaged *e = calloc(1, sizeof *e);
    if (e) {
        e->oop = calloc(n, sizeof *e->oop);
        e->ver = calloc(n, sizeof *e->ver);
        e->hash = calloc(n, sizeof *e->hash);
    }
    if (!e || !e->oop || !e->ver || !e->hash) {
        if (e) free_entry(e);
        mg_raise_nomem();
    }
    e->o = o;
    e->shift = shift;
    e->np = np;
    return e;
}

void
mg_paged_clean(MgPaged *e)
{
    if (e->touched) memset(e->touched, 0, e->ntouched * sizeof *e->touched);
    e->all = false;
}

static bool
touched_p(const MgPaged *e, size_t k)
{
    return e->all || (k / 64 < e->ntouched && (e->touched[k / 64] >> (k % 64) & 1));
}

MgPaged *
mg_paged_begin(Obj *o, unsigned shift, size_t np)
{
    unlink_entry(o);
    MgPaged *e = new_entry(o, shift, np);
    insert(e);
    o->flags |= OF_PAGED;
    return e;
}

void
mg_paged_forget(Obj *o)
{
    unlink_entry(o);
    o->flags &= (uint16_t)~OF_PAGED;
}

void
mg_paged_shift(Obj *o, int64_t n)
{
    MgPaged *e = find(o);
    if (e && n > 0) e->shifted += n;
}

void
mg_paged_touch(Obj *o, int64_t lo, int64_t hi)
{
    MgPaged *e = find(o);
    if (!e || e->all || hi <= lo) return;
    if (hi != INT64_MAX) {                     /* elements to positions */
        lo += e->skip + e->shifted;
        hi += e->skip + e->shifted;
    }
    size_t first = (size_t)(lo < 0 ? 0 : lo) >> e->shift, last = (size_t)(hi - 1) >> e->shift;
    if (hi == INT64_MAX || last - first > e->np) {     /* any element, or more pages than it has */
        e->all = true;
        return;
    }
    if (last / 64 >= e->ntouched) {
        size_t n = last / 64 + 1 + e->ntouched;        /* room to grow by appends */
        uint64_t *bits = realloc(e->touched, n * sizeof *bits);
        if (!bits) { e->all = true; return; }
        memset(bits + e->ntouched, 0, (n - e->ntouched) * sizeof *bits);
        e->touched = bits;
        e->ntouched = n;
    }
    for (size_t k = first; k <= last; k++) e->touched[k / 64] |= (uint64_t)1 << (k % 64);
}

bool
mg_paged_each_changed(Obj *o, void (*fn)(Value ref, void *arg), void *arg)
{
    MgPaged *e = find(o);
    if (!e || e->all) return false;
    int64_t base = e->skip + e->shifted;
    for (size_t w = 0; w < e->ntouched; w++)
        for (uint64_t bits = e->touched[w]; bits; bits &= bits - 1) {
            int64_t k = (int64_t)(w * 64 + (size_t)__builtin_ctzll(bits));
            mg_record_each_elem(o, (k << e->shift) - base, ((k + 1) << e->shift) - base, fn, arg);
        }
    return true;
}

static inline uint64_t
rotl(uint64_t x, unsigned r)
{
    return (x << r) | (x >> (64 - r));
}

/* Four lanes of 8-byte words (independent multiplies: about 4 bytes a
 * cycle), joined by xor-rotations: every step and the join are bijections in
 * each lane, so a change to one word always changes the hash (rule P2). */
static inline uint64_t
lane(uint64_t h, const unsigned char *s)
{
    uint64_t w;
    memcpy(&w, s, 8);
    return rotl(h ^ (w * 0xC2B2AE3D27D4EB4Full), 31) * 0x9E3779B97F4A7C15ull;
}

uint64_t
mg_paged_hash(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h0 = 0x243F6A8885A308D3ull ^ n, h1 = 0x13198A2E03707344ull, h2 = 0xA4093822299F31D0ull, h3 = 0x082EFA98EC4E6C89ull;
    for (; n >= 32; s += 32, n -= 32) {
        h0 = lane(h0, s);
        h1 = lane(h1, s + 8);
        h2 = lane(h2, s + 16);
        h3 = lane(h3, s + 24);
    }
    unsigned char tail[32] = { 0 };
    memcpy(tail, s, n);
    h0 = lane(h0, tail);
    h1 = lane(h1, tail + 8);
    h2 = lane(h2, tail + 16);
    h3 = lane(h3, tail + 24);
    uint64_t h = h0 ^ rotl(h1, 16) ^ rotl(h2, 32) ^ rotl(h3, 48);
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 32);
}

/* ---- commit ---- */

#define WRITTEN UINT64_MAX                     /* a page of this commit: its version is the new sequence */

/* The entries this commit's encoding made, each taking its object's place
 * when the commit succeeds (rule P3). */
static struct { MgPaged **v; size_t n, cap; } Q;

/* Room for one more in vector *v of n elements of size elem (doubling *cap). */
static void
room_for_one(void **v, size_t n, size_t *cap, size_t elem)
{
    if (n < *cap) return;
    size_t c = *cap ? *cap * 2 : 16;
    void *bigger = realloc(*v, c * elem);
    if (!bigger) mg_raise_nomem();
    *v = bigger;
    *cap = c;
}

void
mg_paged_writes_add(MgWrites *w, MgWrite x)
{
    room_for_one((void **)&w->v, w->n, &w->cap, sizeof *w->v);
    w->v[w->n++] = x;
}

/* What pages divide: an Array's elements, a Hash's dense positions (core/hash.c). */
static int64_t
units(Obj *o)
{
    return o->type == T_HASH ? mg_hash_positions(MG_VAL(o)) : ((RArray *)o)->len;
}

bool
mg_paged_p(Obj *o)
{
    return (o->type == T_ARRAY || o->type == T_HASH) && units(o) >= MG_PAGED_MIN;
}

size_t
mg_paged_encode(Obj *o, MgBuf *b, MgWrites *w, uint64_t (*new_oop)(void))
{
    MgPaged *e = (o->flags & OF_PAGED) ? find(o) : NULL;
    if (e && e->shift != MG_PAGE_SHIFT) e = NULL;       /* written by another page size: all pages anew */
    const unsigned shift = MG_PAGE_SHIFT;
    const int64_t page = (int64_t)1 << shift;
    /* rule P6: the pages shifted off entirely go, the new skip is what is
     * dead of the first page left; old page first + k is new page k */
    int64_t base = e ? e->skip + e->shifted : 0;
    size_t first = (size_t)(base >> shift);
    int64_t skip = base & (page - 1);
    int64_t len = units(o) + skip;             /* positions */
    size_t np = (size_t)((len + page - 1) >> shift);
    room_for_one((void **)&Q.v, Q.n, &Q.cap, sizeof *Q.v);
    MgPaged *p = Q.v[Q.n++] = new_entry(o, shift, np);
    p->skip = skip;
    for (size_t k = 0; k < np; k++) {
        int64_t from = (int64_t)k << shift, to = from + page < len ? from + page : len;
        size_t ok = k + first;                 /* the old page at this place */
        bool old = e && ok < e->np;
        bool look = !old || touched_p(e, ok) || ok + 1 == e->np || k + 1 == np;
        if (!look) {
            p->oop[k] = e->oop[ok];
            p->ver[k] = e->ver[ok];
            p->hash[k] = e->hash[ok];
            continue;
        }
        size_t at = b->len;
        mg_record_encode_page(o, from, to, skip, b);
        uint64_t h = mg_paged_hash(b->ptr + at, b->len - at);
        if (old && h == e->hash[ok]) {
            b->len = at;                       /* unchanged: not written */
            p->oop[k] = e->oop[ok];
            p->ver[k] = e->ver[ok];
            p->hash[k] = h;
            continue;
        }
        p->oop[k] = old ? e->oop[ok] : new_oop();
        p->ver[k] = WRITTEN;
        p->hash[k] = h;
        mg_paged_writes_add(w, (MgWrite){ p->oop[k], old ? e->ver[ok] : 0, (const void *)(uintptr_t)at, b->len - at, false });
    }
    size_t at = b->len;
    mg_record_encode_spine(o, shift, p->oop, np, skip, b);
    return at;
}

void
mg_paged_done(bool ok, uint64_t seq)
{
    for (size_t i = 0; i < Q.n; i++) {
        MgPaged *p = Q.v[i];
        if (!ok) {
            free_entry(p);
            continue;
        }
        for (size_t k = 0; k < p->np; k++) if (p->ver[k] == WRITTEN) p->ver[k] = seq;
        unlink_entry(p->o);
        insert(p);
        p->o->flags |= OF_PAGED;
    }
    Q.n = 0;
}

Obj *
mg_paged_owner(uint64_t oop)
{
    for (size_t i = 0; i < T.cap; i++) {
        MgPaged *e = T.slot[i];
        if (!e) continue;
        for (size_t k = 0; k < e->np; k++)
            if (e->oop[k] == oop) return e->o;
    }
    return NULL;
}
