/* paged.h -- big Arrays and Hashes written in pages (paged.c's design
 * comment; docs/format.md "Paged Arrays and Hashes"). Internal to the store. */
#ifndef MG_PAGED_H
#define MG_PAGED_H

#include "store.h"

#ifndef MG_PAGE_SHIFT                          /* -DMG_PAGE_SHIFT=2: a stress build, paging Arrays of 16 */
#define MG_PAGE_SHIFT 11                       /* 2,048 elements a page */
#endif
#define MG_PAGE_SHIFT_MIN 2                    /* what a reader accepts */
#define MG_PAGE_SHIFT_MAX 16
#define MG_PAGED_MIN ((int64_t)4 << MG_PAGE_SHIFT)   /* an Array (Hash) this long or longer is written in pages */

/* Record flags (byte 1 of a payload) of the two kinds of records. */
enum { MG_RF_PAGE = 4, MG_RF_PAGED = 8 };

typedef struct MgPaged {
    Obj *o;
    unsigned shift;
    size_t np;                                 /* pages of the record read or written */
    uint64_t *oop, *ver, *hash;                /* per page: OOP, version, hash of its bytes */
    /* an Array's first page may begin with dead positions (shift, rule P6):
     * element i is at position skip + shifted + i */
    int64_t skip;                              /* in the record read or written */
    int64_t shifted;                           /* elements shifted off since */
    /* the pages stored into since (by position: the page of position p is
     * p >> shift): a bit each, or all of them */
    uint64_t *touched; size_t ntouched;        /* words */
    bool all;
} MgPaged;

/* Decoding a spine (record.c): the entry of Array or Hash o, with room for np pages
 * that the decoder fills in; o gets OF_PAGED. Emptying o's body
 * (mg_record_evict) or freeing it drops the entry (mg_paged_forget). */
MgPaged *mg_paged_begin(Obj *o, unsigned shift, size_t np);
void     mg_paged_forget(Obj *o);
/* mg_paged_touch_hook (object.h): elements [lo, hi) of o were stored into. */
void     mg_paged_touch(Obj *o, int64_t lo, int64_t hi);
/* mg_paged_shift_hook (object.h): o's first n elements were shifted off. */
void     mg_paged_shift(Obj *o, int64_t n);
/* No store into o since it was read or written (the end of a decode). */
void     mg_paged_clean(MgPaged *e);
/* Calls fn for every element (a Hash: key and value) of the pages of o
 * stored into since it was read or written and returns true; false, and
 * nothing called, when o has no entry or every page may have changed. */
bool     mg_paged_each_changed(Obj *o, void (*fn)(Value ref, void *arg), void *arg);
/* record.c: the record of a page, positions [from, to) of Array (Hash)
 * o, an Array's element i at position skip + i (the ones before: nil); of
 * a spine naming np pages of 2^shift of them, the first skip dead. */
void mg_record_encode_page(Obj *o, int64_t from, int64_t to, int64_t skip, MgBuf *b);
void mg_record_encode_spine(Obj *o, unsigned shift, const uint64_t *pages, size_t np, int64_t skip, MgBuf *b);
/* txn.c: a page's record in the view; NULL, or why not (a storage error raises). */
const char *mg_store_read_page(uint64_t oop, MgRecord *rec);
/* The hash of a page record's bytes (rule P2). */
uint64_t mg_paged_hash(const void *p, size_t n);

/* Commit (txn.c): whether Array or Hash o is written in pages (by its
 * elements, a Hash by its dense positions). */
bool mg_paged_p(Obj *o);
/* Appends to b the records of the pages of Array or Hash o to write and adds their writes
 * to *w (data holds the offset into b until the caller sets it), then
 * appends the spine; returns the spine's offset. new_oop hands out page OOPs. */
typedef struct { MgWrite *v; size_t n, cap; } MgWrites;
size_t mg_paged_encode(Obj *o, MgBuf *b, MgWrites *w, uint64_t (*new_oop)(void));
void   mg_paged_writes_add(MgWrites *w, MgWrite x);
/* After mg_repo_commit: success at sequence seq (the entries take the
 * pages written), or failure (nothing changes). Either forgets the encoding. */
void     mg_paged_done(bool ok, uint64_t seq);
/* The paged Array or Hash whose page oop is, or NULL (naming a conflict). */
Obj     *mg_paged_owner(uint64_t oop);

#endif
