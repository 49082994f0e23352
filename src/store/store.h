/* store.h -- the transaction layer between the object model and the storage
 * backend: the gem's view, resident persistent objects, faulting, the write
 * set, persistence by reachability, commit and abort (DESIGN.md section 4).
 * Design comment and state diagram: txn.c. Ruby API: core/maglev.c. */
#ifndef MG_STORE_H
#define MG_STORE_H

#include "../object/object.h"

/* Installs the fault/dirty/OOP hooks and the GC root marker; the repository
 * itself opens lazily, on the first fault, OOP request or commit. */
void  mg_store_init(void);
/* The persistent root Hash (Maglev::PERSISTENT_ROOT): an unfaulted header with
 * the well-known OOP, faulted (and the repository opened) on first touch. */
Value mg_store_root(void);
/* Commit: returns normally on success. Raises Maglev::CommitFailedException on
 * a write-write conflict (changes kept), TransactionError for an object that
 * cannot persist (nothing written), and a RuntimeError for storage errors. */
void  mg_store_commit(void);
/* Abort: every dirty persistent object returns to its committed state in place. */
void  mg_store_abort(void);
/* Whether v has been committed (has a record in the view or was just written). */
bool  mg_store_committed_p(Value v);
/* Directory of the repository this process uses (MAGLEV_DATA / MAGLEV_STONE / MAGLEV_HOME). */
const char *mg_store_path(void);
/* Close at exit (aborts an open transaction: uncommitted changes are dropped). */
void  mg_store_shutdown(void);

/* ---- record.c: the Ruby-object payload format (docs/format.md) ---- */
typedef struct { char *ptr; size_t len, cap; } MgBuf;
void mg_buf_free(MgBuf *b);
/* Encodes o's state into b. Every heap reference in o must already be persistent. */
void mg_record_encode(Obj *o, MgBuf *b);
/* Calls fn for each Value o references (ivars, elements, keys, ...), with an edge label for error paths. */
void mg_record_each_ref(Obj *o, void (*fn)(Value ref, void *arg), void *arg);
/* Decodes a record into the unfaulted header o (fills its body and class).
 * Returns NULL, or a static message describing the corruption. */
const char *mg_record_decode(Obj *o, const void *data, size_t len);
/* Empties o's body (eviction / abort): o becomes unfaulted. */
void mg_record_evict(Obj *o);

/* ---- txn.c, for record.c ---- */
/* The resident header for (type, oop): existing, a well-known core object, or a new unfaulted stub. */
Value mg_store_ref(uint8_t type, uint64_t oop, const char **err);
/* Well-known OOPs of the base image (core classes, the root); 0 if v has none. */
uint64_t mg_store_wellknown_oop(Value v);

#define MG_OOP_ROOT ((uint64_t)8)

#endif
