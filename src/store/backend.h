/* backend.h -- the storage backend interface: what the transaction layer
 * asks of a repository (DESIGN.md section 2, issue "many hosts"). There are
 * two backends behind it: LMDB (lmdb_backend.c), the embedded default, one
 * directory shared by the processes of one host; and PostgreSQL
 * (pg_backend.c), one database shared by processes on many hosts. The
 * repository's location picks one (mg_repo_open); every other call goes
 * through the dispatch table the handle carries (backend.c, backend_ops.h).
 * Nothing here knows Ruby: a record is an opaque payload with the commit
 * sequence number that last wrote it (its version). Both backends keep the
 * contracts below and pass the same persistence tests (test/persist, twice).
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
    MG_STORE_DANGLING,     /* commit: a record would reference an OOP that has no record */
} MgStoreErr;

enum {
    MG_REPO_CREATE  = 1 << 0,  /* create the directory and files when missing */
    MG_REPO_NOSYNC  = 1 << 1,  /* bulk-load mode: commits are not synced (not durable against machine crashes) */
    MG_REPO_RDONLY  = 1 << 2,
};

#define MG_STORE_FORMAT 5      /* bumped on any incompatible change of docs/format.md (2: CRC-32C, 3: a Hash's String keys carry their hash, 4: paged Arrays, 5: a Symbol's encoding) */
#define MG_STORE_FORMAT_MIN 2  /* the oldest this maglev reads: an older repository's format is raised on its first writable open */
static inline bool mg_store_format_ok(uint64_t f) { return f >= MG_STORE_FORMAT_MIN && f <= MG_STORE_FORMAT; }
#define MG_OOP_FIRST    ((uint64_t)1 << 20)   /* below: well-known OOPs of the base image */
/* Well-known OOPs are 16 + 8 x index: from index 0 coreclasses.def's classes
 * and modules, from MG_WK_ERRNO Errno::NOERROR and then errnos.def's classes
 * (those not among coreclasses.def's; store/txn.c init_wellknown). */
#define MG_WK_ERRNO     4096

/* An LMDB environment whose data file is shorter than its last page
 * (lmdb_backend.c; the host cache of pg_cache.c uses it too). */
struct MDB_env;
bool mg_lmdb_file_short(struct MDB_env *env, uint64_t *have, uint64_t *need);
/* A VM process's bus error in an LMDB map (a damaged file, or a file
 * system too full for a map's page) ends it with a message (exit 1). */
void mg_lmdb_guard_maps(void);
/* Notes dir, whose LMDB files are about to be mapped: the bus-error message
 * tells when its file system is full. */
void mg_lmdb_note_dir(const char *dir);
/* LMDB's assertion callback: a message naming the file, and the process ends (exit 1). */
void mg_lmdb_on_assert(struct MDB_env *env, const char *msg);
/* The files an LMDB repository's processes keep beside data.mdb and
 * lock.mdb: the group-commit lock and the commit queue (lmdb_backend.c). */
#define MG_LMDB_SIDE_FILES "sync.lock", "commitq"

/* Start time of process pid in clock ticks since boot (/proc/PID/stat field
 * 22), 0 when it does not run (a zombie counts as gone): with the pid, it
 * names one process (pids are reused). */
uint64_t mg_proc_started(int pid);

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
    uint64_t free_pages;        /* pages of the file on LMDB's free list (reusable; GC frees them) */
    uint32_t page_size;
} MgRepoStat;

/* Opens the repository at `where`: a postgresql:// or postgres:// URL (libpq's
 * connection URI; PG* variables and .pgpass fill in what it leaves out) opens
 * the PostgreSQL backend, anything else is the directory of an LMDB one. On
 * failure *out may still be a handle whose mg_repo_error says why (close it). */
MgStoreErr mg_repo_open(const char *where, int flags, MgRepo **out);
bool       mg_repo_is_url(const char *where);        /* names a PostgreSQL repository */
/* where as messages show it: a URL's password (user:PASSWORD@, password=) as ***. */
void       mg_repo_display(const char *where, char *out, size_t size);
const char *mg_repo_backend(const MgRepo *r);        /* "lmdb" or "postgresql" */
/* A stone whose repository lives elsewhere (`maglev create NAME --backend
 * URL`): its folder holds only the file MG_REPO_POINTER (mode 0600: the URL
 * may hold a password), one line naming the repository. Stores it in out and
 * returns true when dir is such a folder. */
#define MG_REPO_POINTER "repository"
bool       mg_repo_pointer(const char *dir, char *out, size_t size);
void       mg_repo_close(MgRepo *r);
const char *mg_repo_error(const MgRepo *r);      /* text of the last error (never NULL) */
const char *mg_store_strerror(MgStoreErr e);

MgStoreErr mg_view_begin(MgRepo *r, MgView **out);
/* The view of the transaction that follows a successful commit of this
 * handle: at least as new as that commit, and maybe no newer (PostgreSQL:
 * at its sequence, brought along by the commit's own round trip); without
 * such a commit since the last view began, the same as mg_view_begin. */
MgStoreErr mg_view_begin_next(MgRepo *r, MgView **out);
uint64_t   mg_view_seq(const MgView *v);
MgStoreErr mg_view_read(MgView *v, uint64_t oop, MgRecord *out);
void       mg_view_end(MgView *v);

MgStoreErr mg_repo_alloc_oops(MgRepo *r, uint64_t count, uint64_t *first);

/* Commit a write set. On MG_STORE_CONFLICT, up to max_conflicts conflicting
 * OOPs are stored in conflicts[] and their number in *nconflicts; so are the
 * locked ones on MG_STORE_LOCKED (contract 6). On success
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
/* ---- sessions, locks and persistent counters (MAGLEV-API.md section 6) ----
 * State shared by every process and kept outside transactions: each call
 * below is its own small atomic operation on the repository, independent of
 * any view and of mg_repo_commit (a later abort does not undo it), and its
 * effect is seen at once by every process. None of them waits for another
 * process beyond the backend's own short serialisation of writers.
 *  5. A session is one registered user of the repository (a gem). It is live
 *     until mg_repo_session_end or mg_repo_close on its handle, or until its
 *     process ends by any means (kill -9 included): the backend recognises a
 *     dead session by itself -- never by a timeout -- and then ignores its
 *     entry and its locks, and reclaims them. Ids are small integers >= 1,
 *     unique among live sessions (a dead session's id may be given again).
 *  6. Locks name objects by OOP. A lock is READ (shared) or WRITE (exclusive:
 *     no other session holds any lock on that OOP). A session holds at most
 *     one kind per OOP: asking again for the kind it holds, or READ while it
 *     holds WRITE, succeeds and changes nothing; READ -> WRITE succeeds only
 *     if no other live session holds the OOP. A request that conflicts fails
 *     at once with MG_STORE_LOCKED and names one holding session. Locks are
 *     not durable: they end with their session. A lock of either kind keeps
 *     every other process from committing a write of that OOP: such a commit
 *     fails as a whole with MG_STORE_LOCKED (MagLev's read and write locks:
 *     "other sessions cannot commit if they have written the object"). The
 *     holder's own commits are not affected. A lock is taken as of its
 *     moment: a commit of the OOP by another session before it stands.
 *  7. Counters are MG_COUNTERS signed 64-bit integers, indexes 1..MG_COUNTERS,
 *     0 until first set. An update is atomic (exact under any concurrency),
 *     durable when it returns (unless MG_REPO_NOSYNC), and wraps around on
 *     overflow (two's complement). */
#define MG_COUNTERS 128
enum { MG_LOCK_READ = 1, MG_LOCK_WRITE = 2 };

typedef struct {
    uint32_t id;
    int pid;
    uint64_t started;      /* backend's identity of the process's start (with pid: one process) */
    char name[64];         /* what the session registered as ("user program") */
    char host[64];         /* the host it runs on ("": this host; LMDB has one) */
    bool self;             /* the caller's own session */
} MgSessionEntry;

/* Registers the caller as a session named `name` (may be NULL) and stores its
 * id in *id; a handle registers once (again: the same id). Reclaims the
 * entries and locks of dead sessions on the way. MG_STORE_INVALID on a
 * read-only handle. */
MgStoreErr mg_repo_session_begin(MgRepo *r, const char *name, uint32_t *id);
/* Ends the handle's session and releases its locks (mg_repo_close does it too). */
MgStoreErr mg_repo_session_end(MgRepo *r);
/* The handle's session id, 0 when it has none. */
uint32_t   mg_repo_session_self(const MgRepo *r);
/* Calls fn(s, arg) for every live session, in id order, in one snapshot. */
MgStoreErr mg_repo_session_list(MgRepo *r, void (*fn)(const MgSessionEntry *s, void *arg), void *arg);

/* Gives the handle's session a lock of `kind` on oop (contract 6). Needs a
 * registered session (MG_STORE_INVALID otherwise). On MG_STORE_LOCKED,
 * *holder is the id of a live session holding a conflicting lock. */
MgStoreErr mg_repo_lock(MgRepo *r, uint64_t oop, int kind, uint32_t *holder);
/* Releases the session's lock on oop (none held: nothing happens). */
MgStoreErr mg_repo_unlock(MgRepo *r, uint64_t oop);
/* Releases every lock of the handle's session, in one atomic step. */
MgStoreErr mg_repo_unlock_all(MgRepo *r);
/* One holder of a lock (mg_repo_lock_list). */
typedef struct {
    uint64_t oop;
    int kind;              /* MG_LOCK_READ, MG_LOCK_WRITE */
    uint32_t session;      /* a live session holding it */
} MgLockEntry;
/* Calls fn(l, arg) for every lock a live session holds, by OOP then session,
 * in one snapshot (`maglev status`); works on a read-only handle. */
MgStoreErr mg_repo_lock_list(MgRepo *r, void (*fn)(const MgLockEntry *l, void *arg), void *arg);

/* Counter `index` (contract 7); MG_STORE_INVALID for an index out of range. */
MgStoreErr mg_repo_counter_get(MgRepo *r, uint32_t index, int64_t *out);
/* Sets counter `index` to value, or (add) adds value to it; *out = the new value. */
MgStoreErr mg_repo_counter_update(MgRepo *r, uint32_t index, bool add, int64_t value, int64_t *out);

/* ---- repository garbage collection (protocol: repogc.c; tables: docs/format.md
 * "Repository GC") ----
 * A record's references are found by a scanner the caller installs (the
 * backend does not know payloads): scan.h's mg_record_scan. */
typedef const char *(*MgRefScan)(const void *data, size_t len,
                                 void (*fn)(uint64_t oop, uint8_t type, void *arg), void *arg);
/* The class index: with class_of installed (it answers a payload's class
 * OOP, 0 for none or not indexed: scan.h's mg_record_class indexes the
 * classes above the base image's), commits and sweeps keep an
 * index of the records by class (built over the existing records the first
 * time a writable handle installs it). mg_view_instances calls fn(oop, arg)
 * for every record of class cls in the view's snapshot, in OOP order, until
 * fn answers false; MG_STORE_INVALID when the repository has no index yet.
 * An entry may name a record that no longer has that class (a writer without
 * class_of): callers check the record. */
typedef uint64_t (*MgClassOf)(const void *data, size_t len);
void       mg_repo_set_class_of(MgRepo *r, MgClassOf class_of);
MgStoreErr mg_view_instances(MgView *v, uint64_t cls, bool (*fn)(uint64_t oop, void *arg), void *arg);

/* With a scanner installed, mg_repo_commit also checks that every reference
 * (OOP >= MG_OOP_FIRST) of every record written is written by the same
 * commit or has a record: otherwise MG_STORE_DANGLING, nothing written. */
void mg_repo_set_ref_scan(MgRepo *r, MgRefScan scan);

/* Calls fn for every record of the view's snapshot, in OOP order (as
 * mg_repo_each_record does for a snapshot of its own). */
MgStoreErr mg_view_each(MgView *v, bool (*fn)(uint64_t oop, MgStoreErr err, const MgRecord *rec, void *arg), void *arg);

typedef struct {
    uint64_t round;        /* the open round, 0: none */
    uint64_t seq;          /* its mark sequence S */
    uint64_t opened;       /* when it was opened, seconds since the epoch */
    uint64_t candidates;   /* possibly-dead records it published */
    uint64_t kept;         /* of them, marked kept by votes so far */
    size_t sessions;       /* live sessions (other than the caller's) */
    size_t waiting;        /* of them, those that have not voted in the round */
    int waiting_pid;       /* one of those (the lowest session id), 0 if none */
    uint64_t rounds;       /* rounds opened since the repository was made */
    uint64_t last_round, last_time, last_freed, last_bytes, last_kept;   /* the last sweep */
} MgGcState;
MgStoreErr mg_repo_gc_state(MgRepo *r, MgGcState *out);
/* Opens round *round (any open round is dropped): publishes the possibly-dead
 * OOPs (ascending, the unmarked records of the snapshot at mark sequence seq)
 * and clears the votes. */
MgStoreErr mg_repo_gc_open(MgRepo *r, uint64_t seq, const uint64_t *oops, size_t n, uint64_t *round);
/* The round open in view v's snapshot, 0 when none. */
uint64_t   mg_view_gc_round(MgView *v);
/* The handle's session votes in round `round`: every possibly-dead OOP for
 * which held(oop, arg) is true is marked kept, and the vote is recorded. A
 * round no longer open: nothing happens (MG_STORE_OK). Needs a session. */
MgStoreErr mg_repo_gc_vote(MgRepo *r, uint64_t round, bool (*held)(uint64_t oop, void *arg), void *arg);

typedef struct {
    bool swept;            /* false: some live session has not voted (nothing done) */
    size_t waiting;        /* then: how many */
    int waiting_pid;       /* and one of them */
    uint64_t candidates, kept, freed, bytes;   /* swept: what happened */
} MgGcSweep;
/* If every live session voted in `round` (and no process without a session
 * has a view open), keeps
 * the possibly-dead records referenced by a record written since the mark
 * sequence (the commit log) or kept by a vote, and what those reach among
 * them; deletes the others and closes the round. The deletes may take
 * several write transactions with other commits between them: the result
 * is what one transaction at the end would have done. MG_STORE_CONFLICT
 * (round dropped) when the commit log since the mark sequence is no longer whole;
 * MG_STORE_CORRUPT when a record that must be scanned does not scan. */
MgStoreErr mg_repo_gc_sweep(MgRepo *r, uint64_t round, MgRefScan scan, MgGcSweep *out);
/* Drops the open round (if any). */
MgStoreErr mg_repo_gc_cancel(MgRepo *r);

/* ---- the stone token and commit notification ----
 * The stone token: at most one handle holds it at a time, across all the
 * hosts that share the repository; a stone trims the commit log and drives
 * GC rounds only while it holds it (stone.c). mg_repo_stone_token takes it
 * when it is free, keeps it when the handle holds it already (asking again
 * changes nothing), and says who holds it otherwise. A holder keeps it until
 * its handle closes or its process ends by any means (kill -9 included: the
 * backend notices by itself, never by a timeout); a handle whose connection
 * was made again after a loss may have lost it, so a holder asks before each
 * trim. Call it with no view open: on PostgreSQL it also publishes the handle
 * as having none (pg_backend.c P4). LMDB: always held -- one host, and the
 * stone's pid-file lock in the repository's own folder admits one stone. */
typedef struct {
    bool held;               /* this handle holds the token */
    int holder_pid;          /* else the holder's pid (0: unknown) */
    char holder_host[64];    /* and its host ("": unknown) */
} MgStoneToken;
MgStoreErr mg_repo_stone_token(MgRepo *r, MgStoneToken *out);

/* Waits until the repository's last commit sequence is > after, or
 * timeout_ms pass (0: does not wait, < 0: no limit), and stores in *seq the
 * newest sequence it knows (<= after on a timeout). PostgreSQL: LISTENs for
 * the NOTIFY of every commit on a connection of its own (pg_admin.c A2-A4),
 * made on the first call: no query while it waits. LMDB: reads the last
 * sequence from the metadata every 0.2 ms, backing off to 5 ms (a read
 * transaction, no I/O: the map is shared). Blocks the calling OS thread; a caller with its
 * own poll loop (green threads) calls it with timeout 0 and waits on
 * mg_repo_commit_fd. */
MgStoreErr mg_repo_wait_commit(MgRepo *r, uint64_t after, int timeout_ms, uint64_t *seq);
/* A descriptor that polls readable when news of a commit may have arrived
 * since the last mg_repo_wait_commit, valid until the next call of it or the
 * close; -1 when there is none (LMDB, or before the first wait): the caller
 * then asks mg_repo_wait_commit(.., 0, ..) again every few milliseconds. */
int        mg_repo_commit_fd(MgRepo *r);

#endif
