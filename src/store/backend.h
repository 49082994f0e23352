/* backend.h -- the storage backend interface: what the transaction layer
 * asks of a repository (DESIGN.md section 2, issue "many hosts"). The LMDB
 * backend (lmdb_backend.c) is the embedded default; a PostgreSQL backend can
 * implement the same calls. Nothing here knows Ruby: a record is an opaque
 * payload with the commit sequence number that last wrote it (its version).
 *
 * Contracts:
 *  1. Functions return MG_STORE_OK (0) or an MgStoreErr; they never longjmp,
 *     never raise, never exit. Error text goes to the repository's last_error.
 *  2. A view is a consistent snapshot at one commit sequence; reads through it
 *     see exactly the state after that commit, whatever commits later.
 *  3. mg_repo_commit is all-or-nothing: either every write is applied with
 *     version = the new sequence and the write set is appended to the commit
 *     log, durably (unless the repository was opened MG_REPO_NOSYNC), or
 *     nothing is written. A write whose expected version differs from the
 *     stored one is a write-write conflict: nothing is written, the
 *     conflicting OOPs are reported.
 *  4. OOPs come from mg_repo_alloc_oops in blocks; each OOP is handed out
 *     once per repository, across all processes. OOPs are multiples of 8.
 */
#ifndef MG_STORE_BACKEND_H
#define MG_STORE_BACKEND_H

#include "../common.h"

typedef enum {
    MG_STORE_OK = 0,
    MG_STORE_CONFLICT,     /* write-write conflict (commit) */
    MG_STORE_NOTFOUND,     /* no record for that OOP in this view */
    MG_STORE_CORRUPT,      /* a record or the metadata does not decode */
    MG_STORE_VERSION,      /* repository format newer/older than this build */
    MG_STORE_FULL,         /* map/disk full */
    MG_STORE_LOCKED,       /* lock held / too many readers */
    MG_STORE_IO,           /* OS error (errno in the message) */
    MG_STORE_NOMEM,
    MG_STORE_INVALID,      /* misuse: bad argument, closed handle */
} MgStoreErr;

enum {
    MG_REPO_CREATE  = 1 << 0,  /* create the directory and files when missing */
    MG_REPO_NOSYNC  = 1 << 1,  /* bulk-load mode: commits are not synced (not durable against machine crashes) */
    MG_REPO_RDONLY  = 1 << 2,
};

#define MG_STORE_FORMAT 1      /* bumped on any incompatible change of docs/format.md */
#define MG_OOP_FIRST    ((uint64_t)1 << 20)   /* below: well-known OOPs of the base image */

typedef struct MgRepo MgRepo;
typedef struct MgView MgView;

typedef struct {
    uint64_t oop;
    uint64_t expected_version;  /* version in the writer's view; 0 = new object */
    const void *data;
    size_t len;
    bool remove;                /* delete the record (GC) instead of writing it */
} MgWrite;

typedef struct {
    uint64_t version;           /* commit sequence that wrote it */
    const void *data;           /* valid until the view ends */
    size_t len;
} MgRecord;

typedef struct {
    uint64_t seq;               /* last commit sequence */
    uint64_t next_oop;
    uint64_t records;
    uint64_t log_entries;
    uint64_t map_size, used_bytes;
    uint32_t format;
    uint32_t readers;
} MgRepoStat;

MgStoreErr mg_repo_open(const char *dir, int flags, MgRepo **out);
void       mg_repo_close(MgRepo *r);
const char *mg_repo_error(const MgRepo *r);      /* text of the last error (never NULL) */
const char *mg_store_strerror(MgStoreErr e);

MgStoreErr mg_view_begin(MgRepo *r, MgView **out);
uint64_t   mg_view_seq(const MgView *v);
MgStoreErr mg_view_read(MgView *v, uint64_t oop, MgRecord *out);
void       mg_view_end(MgView *v);

MgStoreErr mg_repo_alloc_oops(MgRepo *r, uint64_t count, uint64_t *first);

/* Commit a write set. On MG_STORE_CONFLICT, up to max_conflicts conflicting
 * OOPs are stored in conflicts[] and their number in *nconflicts. On success
 * *seq is the new commit sequence (unchanged sequence for an empty write set). */
MgStoreErr mg_repo_commit(MgRepo *r, const MgWrite *writes, size_t n, uint64_t *seq,
                          uint64_t *conflicts, size_t max_conflicts, size_t *nconflicts);

/* Calls fn(seq, oops, count, arg) for every commit with sequence > since, in order. */
MgStoreErr mg_repo_log_since(MgRepo *r, uint64_t since,
                             void (*fn)(uint64_t seq, const uint64_t *oops, size_t count, void *arg), void *arg);
/* Drops commit-log entries with sequence <= upto (the stone trims the log). */
MgStoreErr mg_repo_log_trim(MgRepo *r, uint64_t upto);

MgStoreErr mg_repo_stat(MgRepo *r, MgRepoStat *out);
/* Consistent online copy of the repository into the directory `dest` (must exist, empty). */
MgStoreErr mg_repo_backup(MgRepo *r, const char *dest);

/* The integrity walk: in one snapshot, stores its last commit sequence in
 * *seq and its next OOP in *next_oop, then calls fn(oop, err, rec, arg) for
 * every record in OOP order. err is MG_STORE_OK with the decoded record in
 * *rec, or MG_STORE_CORRUPT with rec NULL and the reason in mg_repo_error(r)
 * (bad header, checksum, key). fn returns false to stop the walk. Returns
 * MG_STORE_OK when the walk ended (however many records were corrupt), or
 * the error that stopped it (MG_STORE_CORRUPT: the B-tree cannot be walked). */
MgStoreErr mg_repo_each_record(MgRepo *r, uint64_t *seq, uint64_t *next_oop,
                               bool (*fn)(uint64_t oop, MgStoreErr err, const MgRecord *rec, void *arg), void *arg);

/* Sessions: the other processes that have the repository open (LMDB's reader
 * table, after its slots of dead processes are freed), for `maglev status`
 * and for trimming the commit log. */
typedef struct {
    int pid;
    bool in_view;          /* a view (read snapshot) is open in this slot */
    uint64_t view_id;      /* the backend's identity of that snapshot; 0 when idle */
    uint64_t view_seq;     /* commit sequence of the view: a lower bound, exact when
                            * every write since was a commit (OOP reservations and
                            * log trims make it smaller, never larger) */
} MgSession;

/* Calls fn(s, arg) for every session slot of another process (not the
 * caller's own). The listing runs in a snapshot of its own: *seq gets its last
 * commit sequence and *view_id its identity, so (view_id, seq) is an exact
 * pair a caller can keep to tighten later bounds (a view with a view_id at
 * least that large has a seq at least that large). A process may hold
 * several slots. */
MgStoreErr mg_repo_sessions(MgRepo *r, uint64_t *seq, uint64_t *view_id,
                            void (*fn)(const MgSession *s, void *arg), void *arg);

/* Drops the process's resident copies of repository pages it read (they are
 * read again when needed): memory accounting under --max-memory. */
void mg_repo_release_pages(MgRepo *r);

#endif
