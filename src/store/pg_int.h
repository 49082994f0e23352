/* pg_int.h -- what the PostgreSQL backend's files share (pg_backend.c
 * owns the handle and its helpers; pg_gc.c is its repository GC): the handle
 * PgRepo, the helpers' calls, the binary-array buffer and the type OIDs.
 * The invariants (P1..P9) are in pg_backend.c's opening comment. */
#ifndef MG_STORE_PG_INT_H
#define MG_STORE_PG_INT_H

#include "backend_ops.h"
#include "pg_cache.h"
#include "pg_admin.h"
#include <libpq-fe.h>
#include "pg_dl.h"

#define OID_INT8ARRAY  1016
#define OID_BYTEAARRAY 1001
#define OID_INT8       20
#define OID_BYTEA      17
#define OID_TEXT       25
#define OID_BOOL       16

#define SESSION_CLASS  19783       /* advisory lock (SESSION_CLASS, id): session id is live (P3) */
#define CLEAR_SLOTS    8           /* classes whose clear prefix a handle remembers (P7) */

typedef struct PgRepo PgRepo;

struct PgRepo {
    const MgBackendOps *ops;   /* first: backend_ops.h */
    PGconn *conn;
    int flags;
    MgRefScan ref_scan;
    MgClassOf class_of;        /* P7: the class of a payload, NULL: none installed */
    bool indexed;              /* P7: classidx was seen to be 1 (it never goes back) */
    struct { uint64_t cls, seq, upto; } clear[CLEAR_SLOTS];   /* P7: no instance of cls <= upto at seq */
    unsigned clear_next;
    uint32_t session;          /* our session id (P3), 0: none */
    char session_name[64];     /* what it registered as (relock_session registers it again) */
    uint64_t started;
    char where[1024];          /* the URL, without a password */
    bool begun;                /* a view was begun: last_view is its seq */
    uint64_t last_view;
    MgPgcCommit *log;          /* P6: the log in (log_from, last_view], read with the view */
    size_t nlog;
    bool have_log;
    uint64_t log_from;
    bool committed;            /* P6: a commit was made since the last view began */
    bool prepared;             /* this connection has the prepared statement of a commit (mg_save) */
    bool prepared_view;        /* and that of a view's beginning (mg_view) */
    bool prepared_solo;        /* and that of a commit in one synchronous transaction (mg_commit1, P2) */
    unsigned solo_run;         /* P2: commits in a row that no other commit came between */
    bool solo_off;             /* P2: MAGLEV_PG_SOLO=0, no solo commits */
    struct {                   /* P6: the next view, brought along by the last commit */
        bool valid;
        uint64_t seq, gc_round;
        MgPgcCommit *log;      /* the log in (last_view, seq] */
        size_t nlog;
    } next;
    MgPgCache *cache;          /* P8: the host cache, NULL: none */
    uint64_t n_views, n_reads, n_logs, n_cached; /* P8: MAGLEV_PG_STATS */
    uint64_t n_commits, n_next, n_solo;          /* commits; views a commit brought along (P6); solo commits (P2) */
    MgPgListen *listen;        /* pg_admin.c A2: commit notification, NULL until the first wait */
#define AHEAD_MAX 2                /* P5: windows asked for at once: a walk of objects and their Strings has two runs of OOPs */
    struct {                   /* P5: next windows, read on a connection of its own (pipelined) while this one decodes */
        PGconn *conn;          /* NULL: none open */
        bool off;              /* it could not connect: reads stay on the main connection */
        int n;                 /* windows asked for and not taken yet, in q's order (at most AHEAD_MAX) */
        const void *view;      /* the view they are read for (taken or dropped before that view ends) */
        struct { uint64_t from, count; bool down; } q[AHEAD_MAX];
    } ahead;
    uint64_t n_ahead;          /* MAGLEV_PG_STATS: windows taken from the read-ahead connection */
    bool stone, token;         /* pg_admin.c A1: a stone's handle (it asked for the token); it holds it */
    bool reset_since_view;     /* P2: reconnected since the last view began: no commit */
    uint64_t cid;              /* P10: this connection's commit id (maglev.cid), 0: none set */
    uint64_t cid_seq;          /* P10: the last commit made on it (0: none yet) */
    int be_pid;                /* P10: its server process, and when that started (microseconds) */
    int64_t be_start;
    char error[1024];
};

/* a growing buffer for binary (array) parameters */
typedef struct { char *p; size_t len, cap; bool nomem; } Buf;

/* pg_backend.c's helpers */
MgStoreErr pgb_fail(PgRepo *r, MgStoreErr code, const char *fmt, ...) PRINTF(3, 4);
MgStoreErr pg_fail(PgRepo *r, PGresult *res, const char *what);
PGresult * pgb_run(PgRepo *r, const char *sql);
bool pgb_ok(PGresult *res);
MgStoreErr pgb_run_ok(PgRepo *r, const char *sql, const char *what);
PGresult * pgb_query(PgRepo *r, const char *sql, int n, const char *const *vals, bool binary, const char *what, MgStoreErr *err);
int64_t pgb_text_i64(PGresult *res, int row, int col);
uint64_t pgb_get_be64(const char *p);
MgStoreErr pgb_writable(PgRepo *r);
MgStoreErr pgb_usable(PgRepo *r);
MgStoreErr pgb_stone_may(PgRepo *r, const char *what);
void pgb_int8_array(Buf *b, const uint64_t *v, size_t n);
bool pgb_parse_int8_array(const char *p, int len, uint64_t **out, size_t *count);
MgStoreErr pgb_reap(PgRepo *r);
MgStoreErr pgb_decode(PgRepo *r, uint64_t oop, uint64_t version, const unsigned char *p, size_t len, MgRecord *out);

int pgb_cmp_u64(const void *a, const void *b);   /* qsort of OOPs */

/* pg_sys.c: sessions, locks and counters (P3) */
MgStoreErr pg_session_begin(MgRepo *rr, const char *name, uint32_t *id);
MgStoreErr pg_session_end(MgRepo *rr);
uint32_t pg_session_self(const MgRepo *rr);
MgStoreErr pg_session_list(MgRepo *rr, void (*fn)(const MgSessionEntry *s, void *arg), void *arg);
MgStoreErr pg_lock(MgRepo *rr, uint64_t oop, int kind, uint32_t *holder);
MgStoreErr pg_unlock(MgRepo *rr, uint64_t oop);
MgStoreErr pg_unlock_all(MgRepo *rr);
MgStoreErr pg_lock_list(MgRepo *rr, void (*fn)(const MgLockEntry *l, void *arg), void *arg);
MgStoreErr pg_counter_get(MgRepo *rr, uint32_t index, int64_t *out);
MgStoreErr pg_counter_update(MgRepo *rr, uint32_t index, bool add, int64_t value, int64_t *out);

/* pg_gc.c: the repository GC's backend calls (the protocol: repogc.c) */
MgStoreErr pg_gc_state(MgRepo *rr, MgGcState *out);
MgStoreErr pg_gc_open(MgRepo *rr, uint64_t seq, const uint64_t *oops, size_t n, uint64_t *round);
MgStoreErr pg_gc_vote(MgRepo *rr, uint64_t round, bool (*held)(uint64_t oop, void *arg), void *arg);
MgStoreErr pg_gc_cancel(MgRepo *rr);
MgStoreErr pg_gc_sweep(MgRepo *rr, uint64_t round, MgRefScan scan, MgGcSweep *out);

#endif
