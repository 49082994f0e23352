/* backend_ops.h -- the dispatch table behind backend.h: what one storage
 * backend implements (lmdb_backend.c, pg_backend.c). Only backends and
 * backend.c include this file. Every MgRepo and every MgView of a backend
 * starts with a pointer to its backend's table (MgRepoHead), so backend.c's
 * mg_repo_* / mg_view_* functions dispatch without knowing the layouts.
 * Each entry has the contract of the backend.h function of the same name. */
#ifndef MG_STORE_BACKEND_OPS_H
#define MG_STORE_BACKEND_OPS_H

#include "backend.h"

typedef struct MgBackendOps MgBackendOps;

typedef struct {
    const MgBackendOps *ops;   /* the first member of every MgRepo and MgView */
} MgRepoHead;

#define MG_OPS(handle) (((const MgRepoHead *)(handle))->ops)

struct MgBackendOps {
    const char *name;          /* "lmdb", "postgresql" */
    MgStoreErr (*open)(const char *where, int flags, MgRepo **out);
    void       (*close)(MgRepo *r);
    const char *(*error)(const MgRepo *r);
    MgStoreErr (*view_begin)(MgRepo *r, MgView **out);
    MgStoreErr (*view_begin_next)(MgRepo *r, MgView **out);   /* NULL: view_begin */
    uint64_t   (*view_seq)(const MgView *v);
    MgStoreErr (*view_read)(MgView *v, uint64_t oop, MgRecord *out);
    void       (*view_end)(MgView *v);
    MgStoreErr (*view_each)(MgView *v, bool (*fn)(uint64_t oop, MgStoreErr err, const MgRecord *rec, void *arg), void *arg);
    uint64_t   (*view_gc_round)(MgView *v);
    MgStoreErr (*alloc_oops)(MgRepo *r, uint64_t count, uint64_t *first);
    MgStoreErr (*commit)(MgRepo *r, const MgWrite *writes, size_t n, uint64_t *seq,
                         uint64_t *conflicts, size_t max_conflicts, size_t *nconflicts);
    MgStoreErr (*log_since)(MgRepo *r, uint64_t since,
                            void (*fn)(uint64_t seq, const uint64_t *oops, size_t count, void *arg), void *arg);
    MgStoreErr (*log_trim)(MgRepo *r, uint64_t upto);
    MgStoreErr (*stat)(MgRepo *r, MgRepoStat *out);
    MgStoreErr (*backup)(MgRepo *r, const char *dest);
    MgStoreErr (*each_record)(MgRepo *r, uint64_t *seq, uint64_t *next_oop,
                              bool (*fn)(uint64_t oop, MgStoreErr err, const MgRecord *rec, void *arg), void *arg);
    MgStoreErr (*sessions)(MgRepo *r, uint64_t *seq, uint64_t *view_id,
                           void (*fn)(const MgSession *s, void *arg), void *arg);
    void       (*release_pages)(MgRepo *r);
    MgStoreErr (*session_begin)(MgRepo *r, const char *name, uint32_t *id);
    MgStoreErr (*session_end)(MgRepo *r);
    uint32_t   (*session_self)(const MgRepo *r);
    MgStoreErr (*session_list)(MgRepo *r, void (*fn)(const MgSessionEntry *s, void *arg), void *arg);
    MgStoreErr (*lock)(MgRepo *r, uint64_t oop, int kind, uint32_t *holder);
    MgStoreErr (*unlock)(MgRepo *r, uint64_t oop);
    MgStoreErr (*unlock_all)(MgRepo *r);
    MgStoreErr (*lock_list)(MgRepo *r, void (*fn)(const MgLockEntry *l, void *arg), void *arg);
    MgStoreErr (*counter_get)(MgRepo *r, uint32_t index, int64_t *out);
    MgStoreErr (*counter_update)(MgRepo *r, uint32_t index, bool add, int64_t value, int64_t *out);
    void       (*set_ref_scan)(MgRepo *r, MgRefScan scan);
    MgStoreErr (*gc_state)(MgRepo *r, MgGcState *out);
    MgStoreErr (*gc_open)(MgRepo *r, uint64_t seq, const uint64_t *oops, size_t n, uint64_t *round);
    MgStoreErr (*gc_vote)(MgRepo *r, uint64_t round, bool (*held)(uint64_t oop, void *arg), void *arg);
    MgStoreErr (*gc_sweep)(MgRepo *r, uint64_t round, MgRefScan scan, MgGcSweep *out);
    MgStoreErr (*gc_cancel)(MgRepo *r);
    /* the class index (NULL: the backend has none; mg_view_instances then
     * answers MG_STORE_INVALID and callers walk the records) */
    void       (*set_class_of)(MgRepo *r, MgClassOf class_of);
    MgStoreErr (*view_instances)(MgView *v, uint64_t cls, bool (*fn)(uint64_t oop, void *arg), void *arg);
    MgStoreErr (*stone_token)(MgRepo *r, MgStoneToken *out);
    MgStoreErr (*wait_commit)(MgRepo *r, uint64_t after, int timeout_ms, uint64_t *seq);
    int        (*commit_fd)(MgRepo *r);
};

/* A GC sweep's candidates (both backends' gc_sweep): the possibly-dead
 * OOPs of the round, ascending, with a kept flag each, and the kept ones
 * whose references are still to scan. mg_sweep_keep(oop, type, s) -- a
 * MgRefScan callback -- marks a candidate kept and queues it (nomem on
 * allocation failure); the caller frees oop, kept and work. */
typedef struct {
    uint64_t *oop; unsigned char *kept; size_t n;
    uint64_t *work; size_t nwork, cwork;
    uint64_t kept_count;
    bool nomem;
} MgSweep;
void mg_sweep_keep(uint64_t oop, uint8_t type, void *arg);

extern const MgBackendOps mg_lmdb_ops;
extern const MgBackendOps mg_pg_ops;

#endif
