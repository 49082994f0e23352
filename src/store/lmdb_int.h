/* lmdb_int.h -- what the LMDB backend's files share: lmdb_backend.c owns
 * the handle, views, the commit and the commit log; lmdb_sys.c the tables
 * outside transactions (sessions, locks, persistent counters) and the
 * repository GC. The layouts are in docs/format.md and at the head of each
 * section. */
#ifndef MG_STORE_LMDB_INT_H
#define MG_STORE_LMDB_INT_H

#include "backend_ops.h"
#include "commitq.h"
#include <lmdb.h>

#define REC_HEADER 16

struct MgRepo {
    const MgBackendOps *ops;   /* first: backend_ops.h */
    MDB_env *env;
    MDB_dbi obj, log, meta;
    MDB_dbi sessions, locks, counters;
    bool have_sys;        /* those three exist (absent only in an old repository opened read-only) */
    MDB_dbi gc, gcdead, gcvote;   /* repository GC (lmdb_sys.c) */
    bool have_gc;
    MgRefScan ref_scan;   /* commit's dangling-reference check (mg_repo_set_ref_scan) */
    MDB_dbi classidx;     /* (class OOP, OOP) of every record: class_index_* (lmdb_backend.c) */
    bool have_classidx;   /* the table exists */
    MgClassOf class_of;   /* a payload's class OOP (mg_repo_set_class_of); NULL: no upkeep */
    uint32_t session;     /* our registered session id, 0: none */
    uint64_t started;     /* our process's start time (see mg_proc_started) */
    uint64_t *held; size_t nheld, cheld;   /* OOPs this session holds a lock on */
    int flags;
    size_t map_size;
    struct { uintptr_t lo, hi; } maps[4]; int nmaps;   /* where data.mdb is mapped (release_pages); -1: not looked up since it moved */
    int sync_fd;          /* <dir>/sync.lock: group commit (commit_durably), -1: sync alone */
    CommitQ *cq;          /* <dir>/commitq: batches of commits (commit_batched), NULL: alone */
    char error[512];
};

struct MgView {
    const MgBackendOps *ops;
    MgRepo *repo;
    MDB_txn *txn;
    uint64_t seq;
};


typedef struct { uint32_t session, pid; uint64_t started; } Holder;
#define SESS_HEAD 16
#define LOCK_HEAD 8

/* lmdb_backend.c's helpers */
MgStoreErr lmb_fail(MgRepo *r, MgStoreErr code, const char *fmt, ...) PRINTF(3, 4);
MgStoreErr lmb_from_mdb(MgRepo *r, int rc, const char *what);
uint64_t lmb_get_u64(const MDB_val *v);
int lmb_meta_get(MDB_txn *txn, MDB_dbi dbi, const char *key, uint64_t *out, size_t width);
int lmb_meta_put(MDB_txn *txn, MDB_dbi dbi, const char *key, uint64_t val, size_t width);
int lmb_commit_durably(MgRepo *r, MDB_txn *txn);
MgStoreErr lmb_decode(MgRepo *r, uint64_t oop, const MDB_val *val, MgRecord *out);
bool lmb_class_index_kept(MgRepo *r, MDB_txn *txn);
int lmb_cmp_u64(const void *a, const void *b);   /* qsort of OOPs */
int lmb_class_index_set(MgRepo *r, MDB_txn *txn, uint64_t cls, uint64_t oop, bool add);

/* lmdb_sys.c: sessions, locks, counters and the repository GC */
bool lmb_holder_live(MgRepo *r, MDB_txn *txn, const Holder *h);
int lmb_lock_decode(const MDB_val *v, uint32_t *kind, Holder **hs, uint32_t *count);
MgStoreErr lmdb_session_begin(MgRepo *r, const char *name, uint32_t *id);
MgStoreErr lmdb_session_end(MgRepo *r);
uint32_t lmdb_session_self(const MgRepo *r);
MgStoreErr lmdb_sessions(MgRepo *r, uint64_t *seq, uint64_t *view_id, void (*fn)(const MgSession *s, void *arg), void *arg);
MgStoreErr lmdb_session_list(MgRepo *r, void (*fn)(const MgSessionEntry *s, void *arg), void *arg);
MgStoreErr lmdb_lock(MgRepo *r, uint64_t oop, int kind, uint32_t *holder);
MgStoreErr lmdb_unlock(MgRepo *r, uint64_t oop);
MgStoreErr lmdb_unlock_all(MgRepo *r);
MgStoreErr lmdb_lock_list(MgRepo *r, void (*fn)(const MgLockEntry *l, void *arg), void *arg);
MgStoreErr lmdb_counter_get(MgRepo *r, uint32_t index, int64_t *out);
MgStoreErr lmdb_counter_update(MgRepo *r, uint32_t index, bool add, int64_t value, int64_t *out);
void lmdb_set_ref_scan(MgRepo *r, MgRefScan scan);
MgStoreErr lmdb_gc_state(MgRepo *r, MgGcState *out);
MgStoreErr lmdb_gc_open(MgRepo *r, uint64_t seq, const uint64_t *oops, size_t n, uint64_t *round);
uint64_t lmdb_view_gc_round(MgView *v);
MgStoreErr lmdb_gc_vote(MgRepo *r, uint64_t round, bool (*held)(uint64_t oop, void *arg), void *arg);
MgStoreErr lmdb_gc_cancel(MgRepo *r);
MgStoreErr lmdb_gc_sweep(MgRepo *r, uint64_t round, MgRefScan scan, MgGcSweep *out);

#endif
