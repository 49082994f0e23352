/* pg_backend.c -- the storage backend on PostgreSQL (backend.h), through
 * libpq: many hosts share one repository, one database per repository.
 * Its repository-GC calls are in pg_gc.c; the handle and the helpers both
 * files use are declared in pg_int.h.
 * The schema is in docs/format.md ("The PostgreSQL backend"), its SQL in
 * pg_schema.h:
 *   mg_obj     (oop, version, data, cls)  every version of every record;
 *              data is NULL for a removed record (GC), else an 8-byte header
 *              (u32 format, u32 CRC-32C of the payload) and the payload; cls
 *              the class OOP of that version for the class index (P7)
 *   mg_log     (seq, oops[])         the commit log
 *   mg_meta    (key, value)          schema, format, classidx, seq, next_oop, gc_*
 *   mg_session, mg_lock, mg_counter, mg_gcdead, mg_gcvote
 * and server-side functions mg_live, mg_commit, mg_flush, mg_lock and the
 * procedure mg_save.
 *
 * Invariants:
 *  P1. A view is a commit sequence S; a read takes the newest version <= S.
 *      Rows of version S+1.. are never visible to it, and rows <= S are never
 *      written again, so a view holds no PostgreSQL transaction open.
 *  P2. A commit is one statement, CALL mg_save (prepared once per
 *      connection), and so one round trip. Its first PostgreSQL
 *      transaction is mg_commit: it takes the commit token (transaction
 *      advisory lock TOKEN), checks the expected versions, bumps seq, writes
 *      the rows and the log entry and NOTIFYs channel "maglev" with the new
 *      seq. seq and the rows of that commit become visible in the same
 *      instant. The token and the seq row lock are held to the end of that
 *      transaction, so its commit must not wait for the disk, or concurrent
 *      commits would queue behind each other's WAL flushes: a successful
 *      mg_commit turns synchronous_commit off for its own transaction (its
 *      commit record is written, the locks are released at once) and sets
 *      the session variable maglev.flush to the seq. mg_save then COMMITs
 *      it and, in a second transaction, writes a WAL record (a transactional
 *      logical message; an xid alone, txid_current(), writes none, and
 *      PostgreSQL does not wait for the disk at the commit of a transaction
 *      that wrote no WAL), clears the flag and commits synchronously, so the
 *      CALL returns once the WAL is on disk up to that commit record, which
 *      lies after ours (pg_stat_wal's wal_sync counts one flush per commit
 *      of a single gem): our commit is durable before pg_commit returns,
 *      and the flushes of concurrent gems group in PostgreSQL (one fsync
 *      serves every commit record written before it). An error after the
 *      first transaction committed leaves the flag set (the second one
 *      rolled back): the client sees it, flushes and reports the commit as
 *      made. After a conflict or a dangling reference mg_commit wrote
 *      nothing and took no xid, and nothing waits for the disk. mg_commit's
 *      statements take generic plans (its SET plan_cache_mode): planning
 *      them per call cost more than running them. What others see: a commit is visible (and NOTIFYed) up to
 *      one flush before it is durable; a server crash in that window loses
 *      it and, WAL being ordered, every commit after it, so no surviving
 *      commit ever depends on a lost one, and the gem that made it has not
 *      been told it succeeded (a connection lost during the flush: P10).
 *      MG_REPO_NOSYNC connections skip the flush (p_flush false). A big
 *      commit (P9) calls mg_commit and, after its COMMIT, mg_flush(), which
 *      does the second transaction's work when the flag is set. A solo
 *      commit has no second transaction: when the handle's last SOLO_AFTER
 *      commits each came right after its view (seq = view + 1: no other
 *      commit came between, so likely no other gem is committing now), its
 *      next small commit is the one statement mg_commit1, a SELECT of
 *      mg_commit that turns synchronous_commit back on and clears
 *      maglev.flush in the same transaction, whose commit then waits for
 *      the disk while it holds the token: one transaction and one commit
 *      record instead of two, and no wake-up of the WAL writer (an
 *      asynchronous commit's). A gem that commits meanwhile waits for that
 *      one flush, and the solo gem's next commit, which sees its commit,
 *      is shared again. A solo commit is visible only once durable.
 *      MAGLEV_PG_SOLO=0 turns solo commits off. The sequences of lost
 *      commits are never given out again (views, the host cache of P8 and
 *      expected versions name them): the first commit after the server
 *      started (pg_postmaster_start_time() differs from meta boot) records
 *      the start and bumps seq by SEQ_GAP first, synchronously, so the gap
 *      is durable before anything after it is visible (at most one commit
 *      per durable connection is visible and not yet durable, far fewer than the
 *      gap). And a handle that reconnected since its last view began
 *      refuses to commit (reset_since_view): that view may hold commits the
 *      restarted server lost, which the write set could depend on. Schema 3
 *      brought mg_flush and boot, schema 4 mg_save and mg_commit's answer of
 *      the next view (P6), schema 5 mg_save reading that answer's log in its
 *      second transaction, after the token (the first holds it shorter); a
 *      schema-2, 3 or 4 database gets them on its first writable open (the
 *      five-argument mg_commit and mg_flush() dropped).
 *  P3. A session is live exactly while its connection holds the
 *      session-level advisory lock (SESSION_CLASS, id); PostgreSQL drops it
 *      when the connection ends, however the process ended. mg_live() lists
 *      the live ids from pg_locks. No timeouts anywhere.
 *  P4. Every process publishes its view's sequence in its connection's
 *      application_name ("maglev PID view SEQ"): mg_repo_sessions reads it
 *      back from pg_stat_activity (no write per view). What it shows is
 *      always a lower bound of the sequence of any view the process may be
 *      reading through: 0 from the moment it connects, and a new view is
 *      published in the statement that reads its sequence, which is at
 *      least the one published before it; the view a commit brings along
 *      (P6) by the transaction that makes that commit durable (mg_save's
 *      second, or mg_flush; by mg_commit on a connection that does not
 *      flush), whose failure leaves the old one shown, a lower bound of the
 *      old view still in use; a solo commit (P2) shows the view in use, in
 *      its one transaction, and its own view is shown by the next commit or
 *      view. So the log trimming (pg_log_trim
 *      up to the smallest published view) never takes a version a view
 *      can still ask for, however a listing and a view's start interleave.
 *  P5. A view reads ahead: a miss fetches every record in a window of OOPs
 *      next to the one asked for in the same query, into the view's cache
 *      (absent OOPs of the window too): the window starts at that OOP, or
 *      ends at it when the misses go downwards (a list built in order and
 *      walked from its newest end); it doubles while the reads that follow
 *      hit it, and shrinks when they do not. Once it is at its largest (a
 *      walk), the window after it in the same direction is asked for at
 *      once on a second connection ("maglev-read PID", no session, no
 *      view of its own: the rows <= the view's seq never change, P1), whose
 *      answer comes while this process decodes the records it has; the
 *      miss that falls into it takes it without a round trip. At most
 *      AHEAD_MAX such reads are out (a walk of objects and their Strings is
 *      two runs of OOPs), and they are taken or dropped before their view
 *      ends.
 *      A read-ahead that fails drops that connection; reads go on on the
 *      main one.
 *  P6. Beginning a view also reads the commit log after the previous view
 *      the handle began (up to the new view's seq), in the same statement:
 *      the mg_repo_log_since(previous) that follows a new view (txn.c's
 *      refresh) is answered from it without a round trip. Later commits are
 *      left to the next view's refresh, as a view does not see them anyway.
 *      The first commit since a view brings the next view along: mg_commit
 *      answers the seq and gc_round a view at its seq reads and the log in
 *      (previous view, seq), to which the client adds the commit's own
 *      entry; mg_view_begin_next (txn.c, right after a commit) begins that
 *      view with no round trip, and answers the log_since after it as
 *      above. The view is at the commit's seq, which is all a view begun
 *      when the commit returned is sure to see. mg_view_begin always reads
 *      the newest seq (a commit, then a wait for other processes, then a
 *      view sees what they committed), and drops what a commit brought.
 *  P7. The class index is the column cls of mg_obj: the class OOP of that
 *      version of the record, as the writer's class_of reader answers it
 *      (NULL: none, not indexed, a removal, or a writer without a reader),
 *      set by mg_commit from the client's array and never changed after,
 *      with a partial index on (cls, oop, version). An instance of class C
 *      in view S is an OOP whose newest row <= S has cls = C: the rows of
 *      other versions are other index entries, so trims and GC deletes,
 *      which remove whole rows, keep the index right by themselves. meta
 *      classidx = 1 says every row has its cls; a schema-1 database gets the
 *      column on its first writable open (classidx 0), and the first handle
 *      that installs a reader fills it for the existing rows (pg_set_class_of).
 *      Old rows of an instance that changed class stay in the index until
 *      the log trim removes them, and a listing must step over them: after
 *      a listing at S found its first instance at OOP x, the handle knows
 *      there is no instance <= x - 8 at S, and at a later view S2 only an
 *      OOP written by a commit in (S, S2] (the commit log, when whole) can
 *      be one there; so a migration's batches each read one batch of such
 *      rows, not all of them since it started.
 *  P8. The host's shared cache (pg_cache.c, its invariant C1): a miss of the
 *      view's cache asks the host cache first, and a window read from the
 *      database is stored there. Beginning a view advances the host cache's
 *      horizon with the log P6 brought along (or, when the horizon is older
 *      than the previous view, with one query of the log since it), so an
 *      entry is read only at a sequence where its version is the newest.
 *      MAGLEV_PG_STATS=1 prints the round trips of the read path at close.
 *  P9. A commit of COPY_MIN writes or more sends its rows through binary
 *      COPY (pg_copy.c) instead of the bytea[] parameter, whose INSERT ..
 *      unnest costs several times as much on the server: in one PostgreSQL
 *      transaction, mg_commit with NULL data (the token, the checks, seq,
 *      the log row, NOTIFY: all of P2 but the rows; the OOPs of existing
 *      objects first, with their expected versions, then those of new ones,
 *      which need no check of their own when they all lie above the largest
 *      stored OOP, as they usually do), then COPY mg_obj of the
 *      rows with that seq as their version, COMMIT, and mg_flush. A conflict
 *      or a dangling reference is answered before any row is sent, and the
 *      transaction is rolled back; a connection lost at any point leaves the
 *      transaction uncommitted, so nothing of it is seen.
 *  P10. A commit whose answer is lost with its connection (the server
 *      restarted, the network failed, the server process was ended) is
 *      looked for before the call returns, so that a commit reported as
 *      failed was never made, and one made is reported as made: retrying
 *      the transaction after a loss never applies it twice. Every
 *      connection has a random commit id, set as maglev.cid when it
 *      connects (with its view, P4, in one statement, which also reads its
 *      server process's pid and start); mg_commit writes it into the log
 *      entry's cid. On a loss (lost_answer), the handle reconnects, for up to
 *      15 s while the server restarts, ends the old server process by its
 *      pid and start (pg_terminate_backend) and waits until it is gone, so
 *      that whatever it was doing has committed or rolled back, and then
 *      reads the log for an entry of the old id after the connection's
 *      last commit and the view: there is at most one, this commit's. A
 *      commit found is flushed (a synchronous transaction writing WAL after
 *      it, as in P2) and answered as made at its seq; when none is found,
 *      the commit was not made. The trim records the highest sequence it
 *      trimmed (meta 'trimmed'); a log trimmed past the view (the lost
 *      connection's view was no longer shown, P4), an old process that does
 *      not end within 10 s, or no server leave the outcome unknown, and the
 *      error says the commit may or may not be there.
 *  P11. A host cut off from the server (a network failure, not a closed
 *      connection) is found out on both sides within about half a minute,
 *      not the two hours of the system's TCP defaults: the client connects
 *      with keepalives (idle 10 s, then 3 probes 5 s apart),
 *      tcp_user_timeout 20 s (data sent and not acknowledged) and
 *      connect_timeout 10 s, so a call waiting for an answer fails with a
 *      lost connection (and P10 looks for a commit's answer); the server's
 *      process gets the same keepalives and TCP timeout (set after connecting where
 *      neither the server's configuration nor the URL set them), so it ends,
 *      and with it the session's advisory lock (P3) and so its object
 *      locks, which other hosts' commits then no longer wait for. The URL's
 *      own settings (keepalives_idle=..., tcp_user_timeout=...,
 *      options=-c tcp_keepalives_idle=...) win; connections made like the
 *      main one (read-ahead, LISTEN) take its settings. */
#include "backend_ops.h"
#include "pg_cache.h"
#include "pg_admin.h"
#include "pg_copy.h"
#include "pg_schema.h"
#include "pg_int.h"
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>
#include <libpq-fe.h>
#include "../util/crc32c.h"

#define PG_HEADER      8           /* u32 format, u32 crc32c(payload) */
#define TOKEN          1           /* advisory xact lock: the commit token (OOPs are multiples of 8) */
#define INIT_TOKEN     2           /* advisory xact lock: schema initialisation */
#define WINDOW_MIN     16          /* read-ahead window, in OOPs */
#define WINDOW_MAX     32768
#define BATCH          5000        /* rows per query of a walk */
#define CLEAR_COMMITS  10000       /* at most this many commits since: else the prefix is walked again */
#define COPY_MIN       1000        /* writes from which a commit sends its rows through COPY (P9) */
#define SOLO_AFTER     3           /* commits in a row with none of another between: the next is solo (P2) */



typedef struct PgView PgView;


/* The view's cache: pages of PAGE_OOPS consecutive OOPs (a window fills a
 * few of them densely), found through a small open-addressing table. */
#define PAGE_OOPS 512
typedef struct {
    const unsigned char *data; /* NULL: no record at this view */
    uint64_t version;
    uint32_t len;
    bool used;                 /* known: fetched, present or absent */
    bool ahead;                /* read ahead, not asked for yet */
} Slot;

typedef struct {
    uint64_t base;             /* oop / (8 * PAGE_OOPS) */
    Slot s[PAGE_OOPS];
} Page;

struct PgView {
    const MgBackendOps *ops;
    PgRepo *repo;
    uint64_t seq, gc_round;
    Page **pages;              /* open addressing on base, a power of two */
    size_t npages, count;
    PGresult **results;        /* kept until the view ends: record bytes point into them */
    size_t nresults, cresults;
    uint64_t window;           /* read-ahead, in OOPs (P5) */
    uint64_t ahead_hits;       /* reads of read-ahead records since the last miss */
    MgPgcReader *host;         /* P8: lookups in the host cache, made on the first miss */
};

/* ---- errors ---- */

MgStoreErr
pgb_fail(PgRepo *r, MgStoreErr code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->error, sizeof r->error, fmt, ap);
    va_end(ap);
    return code;
}

/* The error of a failed query (res may be NULL): a lost connection says so. */
MgStoreErr
pg_fail(PgRepo *r, PGresult *res, const char *what)
{
    const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    const char *msg = res && *PQresultErrorMessage(res) ? PQresultErrorMessage(res) : PQerrorMessage(r->conn);
    char text[700];
    snprintf(text, sizeof text, "%s", msg && *msg ? msg : "unknown error");
    text[strcspn(text, "\n")] = '\0';
    MgStoreErr code = MG_STORE_IO;
    if (PQstatus(r->conn) == CONNECTION_BAD || (state && !strncmp(state, "08", 2))) {
        pgb_fail(r, MG_STORE_IO, "%s: lost the connection to PostgreSQL (%s): %s", what, r->where, text);
        if (res) PQclear(res);
        return MG_STORE_IO;
    }
    if (state && !strncmp(state, "53", 2)) code = MG_STORE_FULL;
    else if (state && (!strcmp(state, "40001") || !strcmp(state, "40P01") || !strcmp(state, "55P03"))) code = MG_STORE_LOCKED;
    pgb_fail(r, code, "%s: PostgreSQL: %s", what, text);
    if (res) PQclear(res);
    return code;
}

static const char *
pg_error(const MgRepo *rr)
{
    const PgRepo *r = (const PgRepo *)rr;
    return r->error[0] ? r->error : "no error";
}

/* ---- the connection ---- */

PGresult *
pgb_run(PgRepo *r, const char *sql)
{
    return PQexec(r->conn, sql);
}

bool
pgb_ok(PGresult *res)
{
    ExecStatusType s = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
}

/* Runs sql (no parameters, any number of statements); MG_STORE_OK or the error. */
MgStoreErr
pgb_run_ok(PgRepo *r, const char *sql, const char *what)
{
    PGresult *res = pgb_run(r, sql);
    if (!pgb_ok(res)) return pg_fail(r, res, what);
    PQclear(res);
    return MG_STORE_OK;
}

/* Runs sql with text parameters; NULL (error set) on failure. */
PGresult *
pgb_query(PgRepo *r, const char *sql, int n, const char *const *vals, bool binary, const char *what, MgStoreErr *err)
{
    PGresult *res = PQexecParams(r->conn, sql, n, NULL, vals, NULL, NULL, binary ? 1 : 0);
    if (!pgb_ok(res)) { *err = pg_fail(r, res, what); return NULL; }
    *err = MG_STORE_OK;
    return res;
}

uint64_t
pgb_get_be64(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    uint64_t x = 0;
    for (int i = 0; i < 8; i++) x = x << 8 | u[i];
    return x;
}

static uint32_t
get_be32(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    return (uint32_t)u[0] << 24 | (uint32_t)u[1] << 16 | (uint32_t)u[2] << 8 | u[3];
}

int64_t
pgb_text_i64(PGresult *res, int row, int col)
{
    return PQgetisnull(res, row, col) ? 0 : strtoll(PQgetvalue(res, row, col), NULL, 10);
}

/* A binary int8[] result value: its elements into a malloc'd array. */
bool
pgb_parse_int8_array(const char *p, int len, uint64_t **out, size_t *count)
{
    *out = NULL;
    *count = 0;
    if (len < 12) return false;
    uint32_t ndim = get_be32(p);
    if (ndim == 0) { *out = malloc(8); return *out != NULL; }
    if (ndim != 1 || len < 20) return false;
    size_t n = get_be32(p + 12);
    if ((size_t)len < 20 + n * 12) return false;
    uint64_t *v = malloc((n ? n : 1) * sizeof *v);
    if (!v) return false;
    const char *q = p + 20;
    for (size_t i = 0; i < n; i++, q += 12) {
        if (get_be32(q) != 8) { free(v); return false; }
        v[i] = pgb_get_be64(q + 4);
    }
    *out = v;
    *count = n;
    return true;
}

/* A growable byte buffer for binary parameters. */

static void
buf_room(Buf *b, size_t more)
{
    if (b->nomem || b->len + more <= b->cap) return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + more) cap *= 2;
    char *bigger = realloc(b->p, cap);
    if (!bigger) { b->nomem = true; return; }
    b->p = bigger;
    b->cap = cap;
}

static void
buf_be32(Buf *b, uint32_t x)
{
    buf_room(b, 4);
    if (b->nomem) return;
    unsigned char *u = (unsigned char *)b->p + b->len;
    u[0] = (unsigned char)(x >> 24); u[1] = (unsigned char)(x >> 16); u[2] = (unsigned char)(x >> 8); u[3] = (unsigned char)x;
    b->len += 4;
}

static void
buf_be64(Buf *b, uint64_t x)
{
    buf_be32(b, (uint32_t)(x >> 32));
    buf_be32(b, (uint32_t)x);
}

static void
buf_bytes(Buf *b, const void *p, size_t n)
{
    buf_room(b, n);
    if (b->nomem || !n) return;
    memcpy(b->p + b->len, p, n);
    b->len += n;
}

/* The header of a one-dimensional binary array of n elements. */
static void
array_head(Buf *b, size_t n, bool nulls, uint32_t elem)
{
    buf_be32(b, 1);
    buf_be32(b, nulls ? 1 : 0);
    buf_be32(b, elem);
    buf_be32(b, (uint32_t)n);
    buf_be32(b, 1);
}

void
pgb_int8_array(Buf *b, const uint64_t *v, size_t n)
{
    array_head(b, n, false, OID_INT8);
    for (size_t i = 0; i < n; i++) { buf_be32(b, 8); buf_be64(b, v[i]); }
}

static void
publish_view(PgRepo *r, uint64_t seq)
{
    char sql[160];
    snprintf(sql, sizeof sql, "SET application_name = 'maglev %d view %llu'", (int)getpid(), (unsigned long long)seq);
    PQclear(pgb_run(r, sql));
}

/* The lock of our session id again, after a reconnection. The session was
 * dead while the connection was (P3), and a dead session's locks are not
 * held (contract 6): another session may have taken them meanwhile, so the
 * rows of ours still in mg_lock go -- kept, they came back to life beside
 * the new holder's (two write locks on one object, each refusing the
 * other's commits). Its entry is made again if a registering session
 * swept it. */
static void
relock_session(PgRepo *r)
{
    if (!r->session) return;
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT pg_try_advisory_lock(%d, %u)", SESSION_CLASS, r->session);
    PGresult *res = pgb_run(r, sql);
    bool got = pgb_ok(res) && PQntuples(res) == 1 && PQgetvalue(res, 0, 0)[0] == 't';
    PQclear(res);
    if (!got) { r->session = 0; return; }       /* another process has the id now: ours ended */
    char host[256] = "?";
    gethostname(host, sizeof host - 1);
    host[sizeof host - 1] = '\0';
    char pid[16], sid[16], started[24];
    snprintf(pid, sizeof pid, "%d", (int)getpid());
    snprintf(sid, sizeof sid, "%u", r->session);
    snprintf(started, sizeof started, "%llu", (unsigned long long)r->started);
    const char *vals[5] = { sid, pid, started, host, r->session_name };
    MgStoreErr e;
    res = pgb_query(r, "WITH l AS (DELETE FROM mg_lock WHERE session = $1)"
                       " INSERT INTO mg_session VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING",
                    5, vals, false, "register session again", &e);
    if (res) PQclear(res);
}

/* The server's messages outside a query (a FATAL as it shuts down) are not
 * printed on the program's stderr: the call that meets the broken connection
 * reports it, as a Ruby exception. */
static void
quiet_notice(void *arg, const char *message)
{
    UNUSED(arg); UNUSED(message);
}

/* A random positive bigint (from /dev/urandom; the clock and pid without it). */
static uint64_t
random_id(void)
{
    uint64_t rnd = (uint64_t)time(NULL) * 0x9E3779B97F4A7C15ull ^ (uint64_t)getpid() << 32;
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        if (read(fd, &rnd, sizeof rnd) != (ssize_t)sizeof rnd) rnd ^= (uint64_t)clock();
        close(fd);
    }
    return (rnd >> 2) + 1;
}

/* P4 and P10, one statement: the first view shown (0, a lower bound until
 * the first view), the connection's commit id, and its server process with
 * that process's start, which name it among the server's (P10). Without
 * them (the statement failed: the connection is lost again) a commit's lost
 * answer cannot be looked for. */
static void
identify_conn(PgRepo *r)
{
    char sql[400];
    r->cid = random_id();
    r->cid_seq = 0;
    snprintf(sql, sizeof sql, "SELECT set_config('application_name', 'maglev %d view 0', false),"
             " set_config('maglev.cid', '%llu', false), pg_backend_pid(), (SELECT (extract(epoch FROM backend_start)"
             " * 1000000)::bigint FROM pg_stat_activity WHERE pid = pg_backend_pid())", (int)getpid(), (unsigned long long)r->cid);
    PGresult *res = pgb_run(r, sql);
    if (pgb_ok(res) && PQntuples(res) == 1 && !PQgetisnull(res, 0, 3)) {
        r->be_pid = atoi(PQgetvalue(res, 0, 2));
        r->be_start = pgb_text_i64(res, 0, 3);
    } else {
        r->cid = 0;
        r->be_pid = 0;
    }
    PQclear(res);
}

static MgStoreErr
setup_conn(PgRepo *r)
{
    r->prepared = r->prepared_view = r->prepared_solo = false;   /* a new connection: none prepared yet */
    PQsetNoticeProcessor(r->conn, quiet_notice, NULL);
    identify_conn(r);
    /* P11: the server's side of a TCP connection finds a vanished client
     * as soon (ignored on a Unix socket; a server without them goes on) */
    PQclear(pgb_run(r, "SELECT set_config(t.n, t.v, false) FROM (VALUES ('tcp_keepalives_idle', '10'), ('tcp_keepalives_interval', '5'),"
                       " ('tcp_keepalives_count', '3'), ('tcp_user_timeout', '20000')) AS t(n, v) JOIN pg_settings p ON p.name = t.n WHERE p.source = 'default'"));
    if (r->flags & MG_REPO_NOSYNC) return pgb_run_ok(r, "SET synchronous_commit = off", "connect");
    return MG_STORE_OK;
}

/* Before a call: a connection that broke is made again (the call that saw it
 * break reported the loss; this one retries on a fresh connection). */
MgStoreErr
pgb_usable(PgRepo *r)
{
    if (!r || !r->conn) return MG_STORE_INVALID;
    if (PQstatus(r->conn) == CONNECTION_OK && PQpipelineStatus(r->conn) == PQ_PIPELINE_OFF) return MG_STORE_OK;
    PQreset(r->conn);                 /* also a commit's pipeline that could not be ended (P2) */
    if (PQstatus(r->conn) != CONNECTION_OK) {
        char text[600];
        snprintf(text, sizeof text, "%s", PQerrorMessage(r->conn));
        text[strcspn(text, "\n")] = '\0';
        return pgb_fail(r, MG_STORE_IO, "lost the connection to PostgreSQL (%s) and cannot reconnect: %s", r->where, text);
    }
    r->reset_since_view = true;
    MgStoreErr e = setup_conn(r);
    if (e) return e;
    relock_session(r);
    r->token = false;                 /* pg_admin.c A1: the new connection holds no token */
    return MG_STORE_OK;
}

/* pg_admin.c A1: a stone trims and collects only while it holds the token. */
MgStoreErr
pgb_stone_may(PgRepo *r, const char *what)
{
    if (!r->stone || r->token) return MG_STORE_OK;
    return pgb_fail(r, MG_STORE_LOCKED, "%s: this stone does not hold the stone token (another stone trims and collects)", what);
}

MgStoreErr
pgb_writable(PgRepo *r)
{
    MgStoreErr e = pgb_usable(r);
    if (e) return e;
    if (r->flags & MG_REPO_RDONLY) return pgb_fail(r, MG_STORE_INVALID, "the repository is open read-only");
    return MG_STORE_OK;
}

/* A database with no maglev tables: initialised when it holds nothing else. */
static MgStoreErr
init_schema(PgRepo *r)
{
    MgStoreErr e = pgb_run_ok(r, "BEGIN; SELECT pg_advisory_xact_lock(2)", "initialise");
    if (e) return e;
    PGresult *res = pgb_run(r, "SELECT to_regclass('mg_meta') IS NOT NULL, (SELECT count(*) FROM pg_class c JOIN "
                           "pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema())");
    if (!pgb_ok(res) || PQntuples(res) != 1) { e = pg_fail(r, res, "initialise"); goto fail; }
    bool made = PQgetvalue(res, 0, 0)[0] == 't';
    long others = atol(PQgetvalue(res, 0, 1));
    PQclear(res);
    if (made) return pgb_run_ok(r, "COMMIT", "initialise");     /* another process was first */
    if (others) {
        e = pgb_fail(r, MG_STORE_INVALID, "%s: the database is not empty and holds no maglev repository "
                 "(maglev initialises only an empty database)", r->where);
        goto fail;
    }
    if ((e = pgb_run_ok(r, SCHEMA, "initialise"))) goto fail;
    return pgb_run_ok(r, "COMMIT", "initialise");
fail:
    PQclear(pgb_run(r, "ROLLBACK"));
    return e;
}

/* On the first writable open, in one transaction: schema 1 -> 2 (P7): the
 * class column (NULL in every existing row), its index, classidx 0 until a
 * handle with a reader fills the rows; 2 -> 3 (P2): the commit function that
 * does not wait for the disk, and mg_flush; 3 -> 4 (P6): the commit function
 * of seven arguments that answers the next view too (the five-argument one
 * is dropped); 4 -> 5 (P2): mg_save that reads that log after the token;
 * 5 -> 6: mg_commit reading the largest OOP only for a big commit; 6 -> 7:
 * mg_commit refusing writes of objects other sessions lock (contract 6);
 * 7 -> 8 (P10): the log's column cid (NULL in the existing entries); 8 -> 9:
 * mg_commit in fewer statements, checking the server's start once a connection.
 * COMMIT_FN makes all of them as they are now. */
static MgStoreErr
upgrade_schema(PgRepo *r)
{
    MgStoreErr e = pgb_run_ok(r, "BEGIN; SELECT pg_advisory_xact_lock(2)", "upgrade schema");
    if (e) return e;
    PGresult *res = pgb_run(r, "SELECT value FROM mg_meta WHERE key = 'schema' FOR UPDATE");
    if (!pgb_ok(res) || PQntuples(res) != 1) { e = pg_fail(r, res, "upgrade schema"); goto fail; }
    long schema = atol(PQgetvalue(res, 0, 0));
    PQclear(res);
    if (schema < 1 || schema >= PG_SCHEMA) return pgb_run_ok(r, "COMMIT", "upgrade schema");     /* another process was first */
    if (schema == 1)
        e = pgb_run_ok(r, "ALTER TABLE mg_obj ADD COLUMN cls bigint;\n" CLASS_INDEX
                      "DROP FUNCTION IF EXISTS mg_commit(bigint[], bigint[], bytea[], bigint[]);\n"
                      "INSERT INTO mg_meta VALUES ('classidx', 0)", "upgrade schema");
    if (!e && schema < 8) e = pgb_run_ok(r, "ALTER TABLE mg_log ADD COLUMN IF NOT EXISTS cid bigint", "upgrade schema");
    if (!e) e = pgb_run_ok(r, "DROP FUNCTION IF EXISTS mg_commit(bigint[], bigint[], bytea[], bigint[], bigint[]);\n"
                          "DROP FUNCTION IF EXISTS mg_flush();\n"
                          COMMIT_FN "UPDATE mg_meta SET value = " PG_STR(PG_SCHEMA) " WHERE key = 'schema';\n"
                          "INSERT INTO mg_meta VALUES ('boot', " BOOT ") ON CONFLICT (key) DO NOTHING", "upgrade schema");
    if (e) goto fail;
    return pgb_run_ok(r, "COMMIT", "upgrade schema");
fail:
    PQclear(pgb_run(r, "ROLLBACK"));
    return e;
}

static MgStoreErr
check_schema(PgRepo *r)
{
    PGresult *res = pgb_run(r, "SELECT (SELECT value FROM mg_meta WHERE key = 'schema'), "
                           "(SELECT value FROM mg_meta WHERE key = 'format'), "
                           "(SELECT value FROM mg_meta WHERE key = 'classidx')");
    if (!pgb_ok(res)) {
        const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
        if (state && !strcmp(state, "42P01")) {            /* undefined table */
            PQclear(res);
            if (r->flags & MG_REPO_RDONLY)
                return pgb_fail(r, MG_STORE_INVALID, "%s holds no maglev repository", r->where);
            MgStoreErr e = init_schema(r);
            if (e) return e;
            return check_schema(r);
        }
        return pg_fail(r, res, "open");
    }
    long schema = atol(PQgetvalue(res, 0, 0)), format = atol(PQgetvalue(res, 0, 1));
    r->indexed = atol(PQgetvalue(res, 0, 2)) == 1;
    PQclear(res);
    if (!mg_store_format_ok((uint64_t)format) || schema < 1 || schema > PG_SCHEMA)
        return pgb_fail(r, MG_STORE_VERSION, "%s: repository schema %ld format %ld, this maglev reads schema %d formats %d to %d",
                    r->where, schema, format, PG_SCHEMA, MG_STORE_FORMAT_MIN, MG_STORE_FORMAT);
    if (r->flags & MG_REPO_RDONLY) {        /* reads are the same; the next writable open upgrades it */
        if (schema == 1)
            return pgb_fail(r, MG_STORE_VERSION, "%s: repository schema 1 predates the class index: open it once "
                        "writable (any maglev-ruby run) to upgrade it to schema %d", r->where, PG_SCHEMA);
        return MG_STORE_OK;
    }
    if (schema < PG_SCHEMA) {
        MgStoreErr e = upgrade_schema(r);
        if (e) return e;
    }
    /* an older format's records stay readable as they are (pgb_decode) */
    if (format < MG_STORE_FORMAT) {
        MgStoreErr e = pgb_run_ok(r, "UPDATE mg_meta SET value = " PG_STR(MG_STORE_FORMAT) " WHERE key = 'format' AND value < "
                                  PG_STR(MG_STORE_FORMAT), "upgrade format");
        if (e) return e;
    }
    return schema < PG_SCHEMA ? check_schema(r) : MG_STORE_OK;
}

/* P8: the repository's identity for the host cache (a random number kept in
 * mg_meta, made by the first writable handle, mixed with the database's OID)
 * and the cache. Without one the views read from the database only. */
static void
cache_setup(PgRepo *r)
{
    char dir[4096];
    if (!mg_pgc_dir(dir, sizeof dir)) return;
    char a[24];
    snprintf(a, sizeof a, "%llu", (unsigned long long)random_id());
    const char *vals[1] = { a };
    static const char sel[] = "SELECT value FROM mg_meta WHERE key = 'cache_id'";
    static const char ins[] = "WITH i AS (INSERT INTO mg_meta VALUES ('cache_id', $1::bigint) ON CONFLICT (key) DO NOTHING"
                              " RETURNING value) SELECT value FROM i UNION ALL SELECT value FROM mg_meta WHERE key = 'cache_id'";
    static const char db[] = "SELECT oid::bigint FROM pg_database WHERE datname = current_database()";
    MgStoreErr e;
    PGresult *res = pgb_query(r, r->flags & MG_REPO_RDONLY ? sel : ins, r->flags & MG_REPO_RDONLY ? 0 : 1, vals, false, "cache", &e);
    if (res && PQntuples(res) == 0 && !(r->flags & MG_REPO_RDONLY)) {       /* another process made it meanwhile */
        PQclear(res);
        res = pgb_query(r, sel, 0, NULL, false, "cache", &e);
    }
    if (!res || PQntuples(res) != 1) { if (res) PQclear(res); return; }
    uint64_t id = (uint64_t)pgb_text_i64(res, 0, 0);
    PQclear(res);
    if (!(res = pgb_query(r, db, 0, NULL, false, "cache", &e)) || PQntuples(res) != 1) { if (res) PQclear(res); return; }
    id = id * 0x9E3779B97F4A7C15ull ^ (uint64_t)pgb_text_i64(res, 0, 0);
    PQclear(res);
    char err[600];
    if (!(r->cache = mg_pgc_open(dir, id, err, sizeof err)))
        fprintf(stderr, "maglev: warning: no host object cache: %s\n", err);
}

static MgStoreErr
pg_open(const char *url, int flags, MgRepo **out)
{
    *out = NULL;
    PgRepo *r = calloc(1, sizeof *r);
    if (!r) return MG_STORE_NOMEM;
    r->ops = &mg_pg_ops;
    r->flags = flags;
    r->started = mg_proc_started((int)getpid());
    const char *solo = getenv("MAGLEV_PG_SOLO");
    r->solo_off = solo && !strcmp(solo, "0");          /* P2: every commit shared (for comparisons) */
    mg_repo_display(url, r->where, sizeof r->where);
    *out = (MgRepo *)r;
    char why[300];
    if (!mg_pq_load(why, sizeof why)) return pgb_fail(r, MG_STORE_IO, "%s: %s", r->where, why);
    /* P11: TCP keepalives and a send timeout unless the URL sets its own
     * (its settings come after these and win) */
    static const char *const keys[] = { "keepalives_idle", "keepalives_interval", "keepalives_count", "tcp_user_timeout",
                                        "connect_timeout", "dbname", NULL };
    const char *vals[] = { "10", "5", "3", "20000", "10", url, NULL };
    r->conn = PQconnectdbParams(keys, vals, 1);
    if (!r->conn) return pgb_fail(r, MG_STORE_NOMEM, "%s: out of memory", r->where);
    if (PQstatus(r->conn) != CONNECTION_OK) {
        char text[700];
        snprintf(text, sizeof text, "%s", PQerrorMessage(r->conn));
        for (char *p = text; *p; p++) if (*p == '\n') *p = ' ';
        size_t n = strlen(text);
        while (n && text[n - 1] == ' ') text[--n] = '\0';
        PQfinish(r->conn);
        r->conn = NULL;
        return pgb_fail(r, MG_STORE_IO, "cannot connect to the PostgreSQL repository %s: %s", r->where, text);
    }
    MgStoreErr e = setup_conn(r);
    if (!e) e = check_schema(r);
    if (e) {
        PQfinish(r->conn);
        r->conn = NULL;
    }
    if (!e) cache_setup(r);
    return e;
}

static void log_free(MgPgcCommit *log, size_t n);
static void ahead_drop(PgRepo *r);
static MgStoreErr pg_each_record(MgRepo *rr, uint64_t *seq, uint64_t *next_oop,
                                 bool (*fn)(uint64_t oop, MgStoreErr err, const MgRecord *rec, void *arg), void *arg);

static void
pg_close(MgRepo *rr)
{
    PgRepo *r = (PgRepo *)rr;
    if (r->conn && r->session) pg_session_end(rr);
    if (r->conn) PQfinish(r->conn);
    ahead_drop(r);
    log_free(r->log, r->nlog);
    log_free(r->next.log, r->next.nlog);
    const char *stats = getenv("MAGLEV_PG_STATS");
    uint64_t waits, lq, notes;
    mg_pgl_counts(r->listen, &waits, &lq, &notes);
    if (stats && *stats && strcmp(stats, "0"))
        fprintf(stderr, "maglev pg stats: %llu views, %llu record queries, %llu log queries, %llu records from the host cache%s;"
                " %llu commit waits, %llu listen queries, %llu notifications\n",
                (unsigned long long)r->n_views, (unsigned long long)r->n_reads, (unsigned long long)r->n_logs,
                (unsigned long long)r->n_cached, r->cache ? (mg_pgc_ok(r->cache) ? "" : " (cache off)") : " (no cache)",
                (unsigned long long)waits, (unsigned long long)lq, (unsigned long long)notes);
    if (stats && *stats && strcmp(stats, "0"))
        fprintf(stderr, "maglev pg reads: %llu of the record queries read ahead on a second connection (P5)\n",
                (unsigned long long)r->n_ahead);
    if (stats && *stats && strcmp(stats, "0"))
        fprintf(stderr, "maglev pg commits: %llu commits, %llu solo (P2), %llu views begun without a query (P6)\n",
                (unsigned long long)r->n_commits, (unsigned long long)r->n_solo, (unsigned long long)r->n_next);
    mg_pgl_free(r->listen);
    mg_pgc_close(r->cache);
    free(r);
}

/* ---- views ---- */

/* The commit-log rows of res (columns col, col + 1; rows with a NULL seq
 * skipped) into *log (malloc'd, *n entries). false: out of memory, or a row
 * that does not decode (*bad set). */
static bool
log_rows(PGresult *res, int col, MgPgcCommit **log, size_t *n, bool *bad)
{
    int rows = PQntuples(res);
    *n = 0;
    *bad = false;
    if (!(*log = calloc(rows ? (size_t)rows : 1, sizeof **log))) return false;
    for (int i = 0; i < rows; i++) {
        if (PQgetisnull(res, i, col)) continue;
        uint64_t *oops;
        size_t count;
        if (!pgb_parse_int8_array(PQgetvalue(res, i, col + 1), PQgetlength(res, i, col + 1), &oops, &count)) {
            *bad = true;
            continue;
        }
        (*log)[*n] = (MgPgcCommit){ pgb_get_be64(PQgetvalue(res, i, col)), oops, count };
        ++*n;
    }
    return !*bad;
}

static void
log_free(MgPgcCommit *log, size_t n)
{
    for (size_t i = 0; log && i < n; i++) free((void *)log[i].oops);
    free(log);
}

/* P6: what the last view brought along is spent */
static void
log_drop(PgRepo *r)
{
    log_free(r->log, r->nlog);
    r->log = NULL;
    r->nlog = 0;
    r->have_log = false;
}

static void
next_drop(PgRepo *r)
{
    log_free(r->next.log, r->next.nlog);
    r->next.log = NULL;
    r->next.nlog = 0;
    r->next.valid = false;
}

/* P8: the host cache's horizon follows the view: log holds the log of
 * (from, seq] (NULL: none, from == seq). */
static void
cache_sync(PgRepo *r, const MgPgcCommit *log, size_t n, uint64_t from, uint64_t seq)
{
    if (!mg_pgc_ok(r->cache)) return;
    uint64_t h;
    int k = mg_pgc_advance(r->cache, from, seq, log, n, &h);
    if (k != 1) return;
    if (seq - h > 100000) {                /* far behind: emptied rather than caught up */
        mg_pgc_advance(r->cache, h, seq, NULL, 0, &h);
        return;
    }
    char a[24], b[24];
    snprintf(a, sizeof a, "%llu", (unsigned long long)h);
    snprintf(b, sizeof b, "%llu", (unsigned long long)seq);
    const char *vals[2] = { a, b };
    MgStoreErr e;
    r->n_logs++;
    PGresult *lr = pgb_query(r, "SELECT seq, oops FROM mg_log WHERE seq > $1 AND seq <= $2 ORDER BY seq", 2, vals, true, "read log", &e);
    if (!lr) return;                       /* the horizon stays: consistent, less useful */
    MgPgcCommit *more;
    size_t nmore;
    bool bad;
    if (log_rows(lr, 0, &more, &nmore, &bad)) mg_pgc_advance(r->cache, h, seq, more, nmore, &h);
    log_free(more, nmore);
    PQclear(lr);
}

/* A view at seq next.valid says (the one the last commit brought along, P6)
 * or else at the newest seq, read with the log since the previous view. */
static MgStoreErr
view_begin(PgRepo *r, bool take_next, MgView **out)
{
    *out = NULL;
    if (!take_next) next_drop(r);
    MgStoreErr e = pgb_usable(r);
    if (e) { next_drop(r); return e; }
    r->reset_since_view = false;
    r->committed = false;
    PgView *v = calloc(1, sizeof *v);
    if (!v) { next_drop(r); return MG_STORE_NOMEM; }
    v->ops = &mg_pg_ops;
    v->repo = r;
    v->window = WINDOW_MIN;
    log_drop(r);
    if (r->next.valid) {                   /* P6: the last commit brought this view along */
        v->seq = r->next.seq;
        v->gc_round = r->next.gc_round;
        r->n_views++;
        r->n_next++;
        cache_sync(r, r->next.log, r->next.nlog, r->last_view, v->seq);
        r->log = r->next.log;
        r->nlog = r->next.nlog;
        r->have_log = true;
        r->log_from = r->last_view;
        r->next.log = NULL;
        r->next.nlog = 0;
        r->next.valid = false;
        r->last_view = v->seq;
        *out = (MgView *)v;
        return MG_STORE_OK;
    }
    /* P6: the log entries since the previous view come in the same round trip;
     * P4: the view is shown by the statement that reads its seq */
    PGresult *res;
    if (!r->prepared_view) {
        static const Oid types[3] = { OID_BOOL, OID_INT8, OID_TEXT };
        res = PQprepare(r->conn, "mg_view", "SELECT s.value, g.value, set_config('application_name', $3 || s.value, false),"
                        " l.seq, l.oops FROM mg_meta s JOIN mg_meta g ON g.key = 'gc_round'"
                        " LEFT JOIN mg_log l ON $1 AND l.seq > $2 AND l.seq <= s.value WHERE s.key = 'seq' ORDER BY l.seq",
                        3, types);
        if (!pgb_ok(res)) { free(v); return pg_fail(r, res, "begin view"); }
        PQclear(res);
        r->prepared_view = true;
    }
    char since[24], app[48];
    snprintf(since, sizeof since, "%llu", (unsigned long long)r->last_view);
    snprintf(app, sizeof app, "maglev %d view ", (int)getpid());
    const char *vals[3] = { r->begun ? "t" : "f", since, app };
    res = PQexecPrepared(r->conn, "mg_view", 3, vals, NULL, NULL, 1);
    if (!pgb_ok(res) || PQntuples(res) < 1) { free(v); return pg_fail(r, res, "begin view"); }
    v->seq = pgb_get_be64(PQgetvalue(res, 0, 0));
    v->gc_round = pgb_get_be64(PQgetvalue(res, 0, 1));
    r->n_views++;
    if (r->begun) {
        bool bad;
        r->have_log = log_rows(res, 3, &r->log, &r->nlog, &bad);
        r->log_from = r->last_view;
        if (r->have_log) cache_sync(r, r->log, r->nlog, r->last_view, v->seq);
        else log_drop(r);                  /* pg_log_since asks again, and says what is wrong */
    } else {
        cache_sync(r, NULL, 0, v->seq, v->seq);
    }
    PQclear(res);
    r->begun = true;
    r->last_view = v->seq;
    *out = (MgView *)v;
    return MG_STORE_OK;
}

static MgStoreErr
pg_view_begin(MgRepo *rr, MgView **out)
{
    return view_begin((PgRepo *)rr, false, out);
}

static MgStoreErr
pg_view_begin_next(MgRepo *rr, MgView **out)
{
    return view_begin((PgRepo *)rr, true, out);
}

static uint64_t
pg_view_seq(const MgView *vv)
{
    return ((const PgView *)vv)->seq;
}

static uint64_t
pg_view_gc_round(MgView *vv)
{
    return ((PgView *)vv)->gc_round;
}

static size_t
page_hash(uint64_t base, size_t mask)
{
    return (size_t)((base * 0x9E3779B97F4A7C15ull) >> 40) & mask;
}

static Page *
page_find(PgView *v, uint64_t base)
{
    if (!v->npages) return NULL;
    size_t mask = v->npages - 1;
    for (size_t i = page_hash(base, mask);; i = (i + 1) & mask) {
        if (!v->pages[i]) return NULL;
        if (v->pages[i]->base == base) return v->pages[i];
    }
}

static Slot *
slot_find(PgView *v, uint64_t oop)
{
    Page *p = page_find(v, oop / (8 * PAGE_OOPS));
    Slot *s = p ? &p->s[(oop / 8) % PAGE_OOPS] : NULL;
    return s && s->used ? s : NULL;
}

static bool
slot_put(PgView *v, uint64_t oop, uint64_t version, const unsigned char *data, uint32_t len)
{
    uint64_t base = oop / (8 * PAGE_OOPS);
    Page *p = page_find(v, base);
    if (!p) {
        if ((v->count + 1) * 2 > v->npages) {
            size_t n = v->npages ? v->npages * 2 : 64;
            Page **t = calloc(n, sizeof *t);
            if (!t) return false;
            for (size_t i = 0; i < v->npages; i++) {
                if (!v->pages[i]) continue;
                size_t j = page_hash(v->pages[i]->base, n - 1);
                while (t[j]) j = (j + 1) & (n - 1);
                t[j] = v->pages[i];
            }
            free(v->pages);
            v->pages = t;
            v->npages = n;
        }
        if (!(p = calloc(1, sizeof *p))) return false;
        p->base = base;
        size_t mask = v->npages - 1, i = page_hash(base, mask);
        while (v->pages[i]) i = (i + 1) & mask;
        v->pages[i] = p;
        v->count++;
    }
    p->s[(oop / 8) % PAGE_OOPS] = (Slot){ data, version, len, true, true };
    return true;
}

MgStoreErr
pgb_decode(PgRepo *r, uint64_t oop, uint64_t version, const unsigned char *p, size_t len, MgRecord *out)
{
    if (len < PG_HEADER)
        return pgb_fail(r, MG_STORE_CORRUPT, "record of OOP %llu is truncated (%zu bytes)", (unsigned long long)oop, len);
    uint32_t format, crc;
    memcpy(&format, p, 4);
    memcpy(&crc, p + 4, 4);
    if (!mg_store_format_ok(format))
        return pgb_fail(r, MG_STORE_CORRUPT, "record of OOP %llu has format %u", (unsigned long long)oop, format);
    if (mg_crc32c(p + PG_HEADER, len - PG_HEADER) != crc)
        return pgb_fail(r, MG_STORE_CORRUPT, "record of OOP %llu fails its checksum", (unsigned long long)oop);
    out->version = version;
    out->data = p + PG_HEADER;
    out->len = len - PG_HEADER;
    return MG_STORE_OK;
}

/* The records of OOPs [$1, $2) at view $3: a window (P5), a step of walk.
 * Newest OOP first: the primary key's index read backwards gives each OOP's
 * versions newest first with no sort (in OOP order the server sorted every
 * window, on disk past work_mem: 25 ms a window of 32,768 against 10 ms). */
static const char WINDOW_SQL[] = "SELECT DISTINCT ON (oop) oop, version, data FROM mg_obj WHERE oop >= $1 AND oop < $2 "
                                 "AND version <= $3 ORDER BY oop DESC, version DESC";

typedef struct { char from[24], to[24], seq[24]; const char *vals[3]; } WindowArgs;

/* WINDOW_SQL's parameters: OOPs [from, to) at seq */
static void
window_args(WindowArgs *w, uint64_t seq, uint64_t from, uint64_t to)
{
    snprintf(w->from, sizeof w->from, "%llu", (unsigned long long)from);
    snprintf(w->to, sizeof w->to, "%llu", (unsigned long long)to);
    snprintf(w->seq, sizeof w->seq, "%llu", (unsigned long long)seq);
    w->vals[0] = w->from;
    w->vals[1] = w->to;
    w->vals[2] = w->seq;
}

static MgStoreErr window_store(PgView *v, PGresult *res, uint64_t from, uint64_t count);

/* Fetches the records of OOPs [from, from + count * 8) at the view into its cache (P5). */
static MgStoreErr
fetch_window(PgView *v, uint64_t from, uint64_t count)
{
    WindowArgs w;
    window_args(&w, v->seq, from, from + count * 8);
    MgStoreErr e;
    PGresult *res = pgb_query(v->repo, WINDOW_SQL, 3, w.vals, true, "read", &e);
    if (!res) return e;
    return window_store(v, res, from, count);
}

/* P5: the rows of a window (res, kept with the view) into its cache, the
 * OOPs without a row as absent. */
static MgStoreErr
window_store(PgView *v, PGresult *res, uint64_t from, uint64_t count)
{
    PgRepo *r = v->repo;
    if (v->nresults == v->cresults) {
        size_t cap = v->cresults ? v->cresults * 2 : 16;
        PGresult **bigger = realloc(v->results, cap * sizeof *bigger);
        if (!bigger) { PQclear(res); return MG_STORE_NOMEM; }
        v->results = bigger;
        v->cresults = cap;
    }
    v->results[v->nresults++] = res;
    int rows = PQntuples(res);
    r->n_reads++;
    /* P8: the window goes to the host cache too, its OOPs without a row as well */
    MgPgcRow *put = mg_pgc_ok(r->cache) ? malloc(count * sizeof *put) : NULL;
    size_t nput = 0;
    uint64_t next = from;
    for (int k = 0; k <= rows; k++) {         /* the rows come newest OOP first (WINDOW_SQL) */
        int i = rows - 1 - k;
        uint64_t oop = k < rows ? pgb_get_be64(PQgetvalue(res, i, 0)) : from + count * 8;
        for (; next < oop; next += 8) {
            if (put && nput < count) put[nput++] = (MgPgcRow){ next, 0, NULL, 0 };
            if (!slot_find(v, next) && !slot_put(v, next, 0, NULL, 0)) { free(put); return MG_STORE_NOMEM; }
        }
        if (k == rows) break;
        next = oop + 8;
        uint64_t version = pgb_get_be64(PQgetvalue(res, i, 1));
        const unsigned char *data = PQgetisnull(res, i, 2) ? NULL : (const unsigned char *)PQgetvalue(res, i, 2);
        if (put && nput < count) put[nput++] = (MgPgcRow){ oop, version, data, (size_t)PQgetlength(res, i, 2) };
        if (!slot_put(v, oop, version, data, (uint32_t)PQgetlength(res, i, 2))) { free(put); return MG_STORE_NOMEM; }
    }
    if (put) mg_pgc_put(r->cache, v->seq, put, nput);
    free(put);
    return MG_STORE_OK;
}

static void
ahead_drop(PgRepo *r)
{
    if (r->ahead.conn) PQfinish(r->ahead.conn);
    r->ahead.conn = NULL;
    r->ahead.n = 0;
}

/* P5: the oldest window asked for on the read-ahead connection, taken (its
 * result, then its sync): stored into v when it was asked for v, else
 * dropped. A failure drops the connection and what it had to answer. Only
 * out of memory is an error. */
static MgStoreErr
ahead_take(PgRepo *r, PgView *v)
{
    if (!r->ahead.n) return MG_STORE_OK;
    uint64_t from = r->ahead.q[0].from, count = r->ahead.q[0].count;
    r->ahead.n--;
    memmove(r->ahead.q, r->ahead.q + 1, (size_t)r->ahead.n * sizeof *r->ahead.q);
    PGresult *res, *got = NULL;
    bool bad = false;
    for (;;) {
        if (!(res = PQgetResult(r->ahead.conn))) {
            if (PQstatus(r->ahead.conn) != CONNECTION_OK) { bad = true; break; }
            continue;                            /* the end of the query's results; its sync follows */
        }
        ExecStatusType st = PQresultStatus(res);
        if (st == PGRES_PIPELINE_SYNC) { PQclear(res); break; }
        if (!got && st == PGRES_TUPLES_OK) { got = res; continue; }
        bad = true;
        PQclear(res);
        if (st == PGRES_FATAL_ERROR && PQstatus(r->ahead.conn) != CONNECTION_OK) break;
    }
    if (bad) {
        PQclear(got);
        ahead_drop(r);
        return MG_STORE_OK;
    }
    if (!got || r->ahead.view != v) { PQclear(got); return MG_STORE_OK; }
    r->n_ahead++;
    return window_store(v, got, from, count);
}

/* P5: asks the read-ahead connection for the window after [from, from +
 * count * 8) in the walk's direction (nothing below OOP 0); with AHEAD_MAX
 * out already, the oldest is taken first (a window no miss fell into, such
 * as one that guessed the direction wrong, must not hold its place). */
static void
ahead_send(PgRepo *r, PgView *v, uint64_t from, uint64_t count, bool down)
{
    uint64_t span = count * 8;
    if (r->ahead.off || (r->ahead.n && r->ahead.view != v) || (down && from < span)) return;
    if (r->ahead.n == AHEAD_MAX && (ahead_take(r, v) || r->ahead.n == AHEAD_MAX)) return;
    uint64_t next = down ? from - span : from + span;
    if (!r->ahead.conn) {
        r->ahead.conn = mg_pg_connect_like(r->conn, "read");
        if (!r->ahead.conn || PQstatus(r->ahead.conn) != CONNECTION_OK || !PQenterPipelineMode(r->ahead.conn)) {
            ahead_drop(r);
            r->ahead.off = true;
            return;
        }
    }
    WindowArgs w;
    window_args(&w, v->seq, next, next + count * 8);
    if (!PQsendQueryParams(r->ahead.conn, WINDOW_SQL, 3, NULL, w.vals, NULL, NULL, 1) || !PQpipelineSync(r->ahead.conn)) {
        ahead_drop(r);
        return;
    }
    r->ahead.view = v;
    r->ahead.q[r->ahead.n].from = next;
    r->ahead.q[r->ahead.n].count = count;
    r->ahead.q[r->ahead.n].down = down;
    r->ahead.n++;
}

/* P5: the window read ahead for v that holds oop, taken with those asked
 * for before it, and the one after it asked for: true when oop is now in
 * v's cache. */
static bool
ahead_hit(PgRepo *r, PgView *v, uint64_t oop, MgStoreErr *e)
{
    *e = MG_STORE_OK;
    if (r->ahead.view != v) return false;
    int k = 0;
    while (k < r->ahead.n && !(oop >= r->ahead.q[k].from && oop < r->ahead.q[k].from + r->ahead.q[k].count * 8)) k++;
    if (k == r->ahead.n) return false;
    uint64_t from = r->ahead.q[k].from, count = r->ahead.q[k].count;
    bool down = r->ahead.q[k].down;
    for (int i = 0; i <= k; i++)
        if ((*e = ahead_take(r, v))) return false;
    if (!slot_find(v, oop)) return false;        /* the read-ahead failed: read it on the main connection */
    ahead_send(r, v, from, count, down);
    return true;
}

static MgStoreErr
pg_view_read(MgView *vv, uint64_t oop, MgRecord *out)
{
    PgView *v = (PgView *)vv;
    PgRepo *r = v->repo;
    Slot *s = slot_find(v, oop);
    if (s) {
        if (s->ahead) { s->ahead = false; v->ahead_hits++; }
    } else {
        MgPgcRow row;
        if (r->cache && !v->host) v->host = mg_pgc_reader(r->cache, v->seq);
        if (v->host && mg_pgc_get(v->host, oop, &row)) {        /* P8: no round trip */
            r->n_cached++;
            if (!slot_put(v, oop, row.version, row.data, (uint32_t)row.len)) return pgb_fail(r, MG_STORE_NOMEM, "read: out of memory");
            s = slot_find(v, oop);
            s->ahead = false;
            goto found;
        }
        mg_pgc_release(v->host);               /* the next lookup sees what this miss stores */
        MgStoreErr e;
        if (ahead_hit(r, v, oop, &e)) {            /* P5: read ahead: no round trip */
            s = slot_find(v, oop);
            s->ahead = false;
            goto found;
        }
        if (e || (e = pgb_usable(r))) return e;
        /* a window mostly used: the reads walk the OOP space in order */
        if (v->ahead_hits * 2 >= v->window && v->window < WINDOW_MAX) v->window *= 2;
        else if (v->ahead_hits * 8 < v->window && v->window > WINDOW_MIN) v->window /= 2;
        v->ahead_hits = 0;
        /* the OOP above is here already: the reads go downwards (a list built
         * in order, walked from its newest end), so the window ends at oop */
        uint64_t span = v->window * 8, from = oop;
        bool down = slot_find(v, oop + 8) != NULL;
        if (down) from = oop + 8 > span ? oop + 8 - span : 0;
        if ((e = fetch_window(v, from, v->window))) return e;
        if (v->window == WINDOW_MAX) ahead_send(r, v, from, v->window, down);   /* a walk: the next window meanwhile */
        s = slot_find(v, oop);
        if (s) s->ahead = false;
        if (!s) return pgb_fail(r, MG_STORE_NOMEM, "read: out of memory");
    }
found:
    if (!s->data) return pgb_fail(r, MG_STORE_NOTFOUND, "no object with OOP %llu", (unsigned long long)oop);
    return pgb_decode(r, oop, s->version, s->data, s->len, out);
}

static void
pg_view_end(MgView *vv)
{
    PgView *v = (PgView *)vv;
    if (v->repo->ahead.view == v) {              /* P5: never outlives its view */
        v->repo->ahead.view = NULL;
        while (v->repo->ahead.n) ahead_take(v->repo, v);
    }
    mg_pgc_reader_end(v->host);
    for (size_t i = 0; i < v->nresults; i++) PQclear(v->results[i]);
    free(v->results);
    for (size_t i = 0; i < v->npages; i++) free(v->pages[i]);
    free(v->pages);
    free(v);
}

/* Every record of snapshot seq in OOP order, a range of BATCH OOPs per
 * query: a query bounded by a range costs that range whatever plan the
 * server picks (one that read every row after a cursor and sorted them,
 * with no statistics on a fresh table, made a walk quadratic: 16 s for
 * 600,000 records). An empty range is skipped to the next stored OOP. */
static MgStoreErr
walk(PgRepo *r, uint64_t seq, bool (*fn)(uint64_t oop, MgStoreErr err, const MgRecord *rec, void *arg), void *arg)
{
    uint64_t from = 0;                 /* the next OOP to read */
    for (;;) {
        uint64_t to = from + (uint64_t)BATCH * 8;
        if (to > (uint64_t)INT64_MAX || to < from) to = (uint64_t)INT64_MAX;    /* an OOP is a bigint */
        WindowArgs w;
        window_args(&w, seq, from, to);
        MgStoreErr e;
        PGresult *res = pgb_query(r, WINDOW_SQL, 3, w.vals, true, "walk records", &e);
        if (!res) return e;
        int rows = PQntuples(res);
        for (int i = 0; i < rows; i++) {
            uint64_t oop = pgb_get_be64(PQgetvalue(res, i, 0));
            if (PQgetisnull(res, i, 2)) continue;
            MgRecord rec;
            bool go;
            if (pgb_decode(r, oop, pgb_get_be64(PQgetvalue(res, i, 1)), (const unsigned char *)PQgetvalue(res, i, 2),
                       (size_t)PQgetlength(res, i, 2), &rec) != MG_STORE_OK)
                go = fn(oop, MG_STORE_CORRUPT, NULL, arg);
            else
                go = fn(oop, MG_STORE_OK, &rec, arg);
            if (!go) { PQclear(res); return MG_STORE_OK; }
        }
        PQclear(res);
        if (to == (uint64_t)INT64_MAX) return MG_STORE_OK;
        from = to;
        if (rows) continue;
        /* nothing in that range: on from the next stored OOP, if any */
        window_args(&w, seq, from, from);
        res = pgb_query(r, "SELECT oop FROM mg_obj WHERE oop >= $1 ORDER BY oop LIMIT 1", 1, w.vals, true, "walk records", &e);
        if (!res) return e;
        bool more = PQntuples(res) == 1;
        if (more) from = pgb_get_be64(PQgetvalue(res, 0, 0));
        PQclear(res);
        if (!more) return MG_STORE_OK;
    }
}

static MgStoreErr
pg_view_each(MgView *vv, bool (*fn)(uint64_t oop, MgStoreErr err, const MgRecord *rec, void *arg), void *arg)
{
    PgView *v = (PgView *)vv;
    MgStoreErr e = pgb_usable(v->repo);
    return e ? e : walk(v->repo, v->seq, fn, arg);
}

static MgStoreErr
meta_pair(PgRepo *r, uint64_t *seq, uint64_t *next_oop)
{
    PGresult *res = pgb_run(r, "SELECT (SELECT value FROM mg_meta WHERE key = 'seq'), (SELECT value FROM mg_meta WHERE key = 'next_oop')");
    if (!pgb_ok(res) || PQntuples(res) != 1) return pg_fail(r, res, "read metadata");
    *seq = (uint64_t)pgb_text_i64(res, 0, 0);
    *next_oop = (uint64_t)pgb_text_i64(res, 0, 1);
    PQclear(res);
    return MG_STORE_OK;
}

static MgStoreErr
pg_each_record(MgRepo *rr, uint64_t *seq, uint64_t *next_oop,
               bool (*fn)(uint64_t oop, MgStoreErr err, const MgRecord *rec, void *arg), void *arg)
{
    PgRepo *r = (PgRepo *)rr;
    MgStoreErr e = pgb_usable(r);
    if (!e) e = meta_pair(r, seq, next_oop);
    return e ? e : walk(r, *seq, fn, arg);
}

/* ---- writing ---- */

static MgStoreErr
pg_alloc_oops(MgRepo *rr, uint64_t count, uint64_t *first)
{
    PgRepo *r = (PgRepo *)rr;
    MgStoreErr e = pgb_writable(r);
    if (e) return e;
    if (count == 0 || count > ((uint64_t)1 << 56)) return MG_STORE_INVALID;
    char n[24];
    snprintf(n, sizeof n, "%llu", (unsigned long long)(count * 8));
    const char *vals[1] = { n };
    /* no wait for the disk: a later durable commit of ours makes it durable too (WAL order) */
    PGresult *res = pgb_query(r, "WITH c AS (SELECT set_config('synchronous_commit', 'off', true)) "
                             "UPDATE mg_meta SET value = value + $1::bigint FROM c WHERE key = 'next_oop' "
                             "RETURNING value - $1::bigint", 1, vals, false, "allocate OOPs", &e);
    if (!res) return e;
    if (PQntuples(res) != 1) { PQclear(res); return pgb_fail(r, MG_STORE_CORRUPT, "allocate OOPs: no next_oop"); }
    *first = (uint64_t)pgb_text_i64(res, 0, 0);
    PQclear(res);
    return MG_STORE_OK;
}

int
pgb_cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static bool
sorted_has(const uint64_t *v, size_t n, uint64_t x)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid] < x) lo = mid + 1;
        else if (v[mid] > x) hi = mid;
        else return true;
    }
    return false;
}

typedef struct {
    const uint64_t *written;
    size_t nwritten;
    uint64_t *refs;
    size_t nrefs, crefs;
    uint64_t find;             /* the second pass: who references find */
    bool found, nomem;
} Refs;

static void
note_ref(uint64_t oop, uint8_t type, void *arg)
{
    (void)type;
    Refs *c = arg;
    if (oop < MG_OOP_FIRST) return;                /* well-known OOPs need no record */
    if (c->find) { if (oop == c->find) c->found = true; return; }
    if (sorted_has(c->written, c->nwritten, oop)) return;
    if (c->nrefs == c->crefs) {
        size_t cap = c->crefs ? c->crefs * 2 : 64;
        uint64_t *bigger = realloc(c->refs, cap * sizeof *bigger);
        if (!bigger) { c->nomem = true; return; }
        c->refs = bigger;
        c->crefs = cap;
    }
    c->refs[c->nrefs++] = oop;
}

/* The references of the write set outside it, sorted and unique (commit step 1b). */
static MgStoreErr
collect_refs(PgRepo *r, const MgWrite *writes, size_t n, const uint64_t *written, Refs *c)
{
    c->written = written;
    c->nwritten = n;
    for (size_t i = 0; i < n; i++) {
        if (writes[i].remove) continue;
        const char *why = r->ref_scan(writes[i].data, writes[i].len, note_ref, c);
        if (c->nomem) return MG_STORE_NOMEM;
        if (why)
            return pgb_fail(r, MG_STORE_INVALID, "record of object %llu does not scan (%s): nothing was committed",
                        (unsigned long long)writes[i].oop, why);
    }
    if (c->nrefs) qsort(c->refs, c->nrefs, sizeof *c->refs, pgb_cmp_u64);
    size_t k = 0;
    for (size_t i = 0; i < c->nrefs; i++)
        if (!k || c->refs[i] != c->refs[k - 1]) c->refs[k++] = c->refs[i];
    c->nrefs = k;
    return MG_STORE_OK;
}

/* mg_commit's answer ret[0..nret) (P2): the sequence, or the conflicts or
 * the dangling reference reported as the interface says. */
static MgStoreErr
commit_answer(PgRepo *r, const uint64_t *ret, size_t nret, const MgWrite *writes, size_t n, Refs *c,
              uint64_t *seq, uint64_t *conflicts, size_t max_conflicts, size_t *nconflicts)
{
    if (ret[0] == 0) {
        size_t nc = nret - 1;
        for (size_t i = 0; i < nc && i < max_conflicts; i++) conflicts[i] = ret[1 + i];
        *nconflicts = nc < max_conflicts ? nc : max_conflicts;
        return pgb_fail(r, MG_STORE_CONFLICT, "%zu object(s) changed by another commit", nc);
    }
    if ((int64_t)ret[0] == -2 && nret > 2) {
        size_t nc = nret - 2;
        for (size_t i = 0; i < nc && i < max_conflicts; i++) conflicts[i] = ret[2 + i];
        *nconflicts = nc < max_conflicts ? nc : max_conflicts;
        return pgb_fail(r, MG_STORE_LOCKED, "locked by session %llu", (unsigned long long)ret[1]);
    }
    if ((int64_t)ret[0] == -1) {
        uint64_t bad = nret > 1 ? ret[1] : 0, from = 0;
        c->find = bad;
        for (size_t i = 0; i < n && !from; i++) {
            if (writes[i].remove) continue;
            c->found = false;
            r->ref_scan(writes[i].data, writes[i].len, note_ref, c);
            if (c->found) from = writes[i].oop;
        }
        return pgb_fail(r, MG_STORE_DANGLING, "object %llu references object %llu, which no longer exists "
                    "(reclaimed by the repository GC): nothing was committed",
                    (unsigned long long)from, (unsigned long long)bad);
    }
    *seq = ret[0];
    return MG_STORE_OK;
}

/* One call of mg_save or mg_commit (P2, P6, P9): the seven parameters of
 * mg_commit (binary but the last) and mg_save's p_flush, mg_flush's
 * p_app, and the answer: ret, and when the commit succeeded and asked for
 * it, the log lg brought along. */
enum { COMMIT_ARGS = 7, SAVE_ARGS = 8, SOLO_ARGS = 7 };
typedef struct {
    const char *vals[SAVE_ARGS];
    int lens[SAVE_ARGS];
    const char *app;           /* mg_flush's p_app (P4), NULL: none */
    bool solo;                 /* P2: in one synchronous transaction (mg_commit1) */
    const char *view;          /* then the view in use, shown (P4) */
    uint64_t *ret;
    size_t nret;
    MgPgcCommit *log;
    size_t nlog;
    bool have_log;
    bool asked;                /* P10: lost_answer looked for it */
} CommitCall;

static bool
answer_ok(const uint64_t *ret, size_t nret)
{
    return nret > 0 && ret[0] != 0 && (int64_t)ret[0] != -1;
}

/* P6: the flattened log lg ({seq, count, oops...} each) into k's entries */
static bool
log_unflatten(const char *p, int len, CommitCall *k)
{
    uint64_t *v;
    size_t n;
    if (!pgb_parse_int8_array(p, len, &v, &n)) return false;
    size_t entries = 0;
    for (size_t i = 0; i + 1 < n && v[i + 1] <= n - i - 2; i += 2 + v[i + 1]) entries++;
    k->log = calloc(entries + 1, sizeof *k->log);
    bool good = k->log != NULL;
    for (size_t i = 0; good && i < n; ) {
        if (i + 1 >= n || v[i + 1] > n - i - 2) { good = false; break; }
        size_t count = v[i + 1];
        uint64_t *oops = malloc((count ? count : 1) * sizeof *oops);
        if (!oops) { good = false; break; }
        memcpy(oops, v + i + 2, count * sizeof *oops);
        k->log[k->nlog++] = (MgPgcCommit){ v[i], oops, count };
        i += 2 + count;
    }
    free(v);
    if (!good) { log_free(k->log, k->nlog); k->log = NULL; k->nlog = 0; }
    return good;
}

/* The answer (ret, lg) in res (cleared) into k. */
static MgStoreErr
commit_parse(PgRepo *r, PGresult *res, CommitCall *k)
{
    if (!pgb_ok(res) || PQntuples(res) != 1 || PQnfields(res) < 2 || PQgetisnull(res, 0, 0))
        return pg_fail(r, res, "commit");
    bool parsed = pgb_parse_int8_array(PQgetvalue(res, 0, 0), PQgetlength(res, 0, 0), &k->ret, &k->nret);
    if (parsed && answer_ok(k->ret, k->nret) && k->nret >= 2 && !PQgetisnull(res, 0, 1))
        k->have_log = log_unflatten(PQgetvalue(res, 0, 1), PQgetlength(res, 0, 1), k);
    PQclear(res);
    if (!parsed || k->nret == 0) {
        free(parsed ? k->ret : NULL);
        k->ret = NULL;
        k->nret = 0;
        return pgb_fail(r, MG_STORE_CORRUPT, "commit: mg_commit returned no sequence");
    }
    return MG_STORE_OK;
}

static void
commit_forget(CommitCall *k)
{
    free(k->ret);
    k->ret = NULL;
    k->nret = 0;
    log_free(k->log, k->nlog);
    k->log = NULL;
    k->nlog = 0;
    k->have_log = false;
}

static MgStoreErr
lost_durability(PgRepo *r)
{
    return pgb_fail(r, MG_STORE_IO, "commit: lost the connection to PostgreSQL (%s) while the commit was being "
                "made: it may or may not be in the repository", r->where);
}

static double
mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
pause_ms(long ms)
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    nanosleep(&ts, NULL);
}

/* P10: whether the connection's old server process is still there, or
 * (end) ended at our asking; -1: the server does not answer */
static int
old_backend(PgRepo *r, int pid, int64_t start, bool end)
{
    char a[16], b[24];
    snprintf(a, sizeof a, "%d", pid);
    snprintf(b, sizeof b, "%lld", (long long)start);
    const char *vals[2] = { a, b };
    MgStoreErr e;
#define OLD_BACKEND " FROM pg_stat_activity WHERE pid = $1 AND pid <> pg_backend_pid()" \
                    " AND (extract(epoch FROM backend_start) * 1000000)::bigint = $2"
    PGresult *res = pgb_query(r, end ? "SELECT count(pg_terminate_backend(pid))" OLD_BACKEND : "SELECT count(*)" OLD_BACKEND,
                              2, vals, false, "commit", &e);
#undef OLD_BACKEND
    if (!res) return -1;
    int n = PQntuples(res) == 1 ? atoi(PQgetvalue(res, 0, 0)) : -1;
    PQclear(res);
    return n;
}

/* P10: the connection was lost while a commit was sent or answered, so the
 * commit may have been made or not. The answer is looked for: a new
 * connection (the server may be restarting: tried for up to LOST_WAIT_MS)
 * ends the old one's server process, so that a commit it was still making
 * is made or not by then, and the log then tells: an entry of the lost
 * connection's commit id after its last commit and the view the commit was
 * made in is this commit (one commit at a time goes out on a connection).
 * A commit found is made durable (the WAL flushed past it) and reported as
 * made; one not found was not made and never will be. The log trimmed past
 * that view, an old server process that does not end, or a server that does
 * not come back leave it unknown, and the error says so. */
static MgStoreErr
lost_answer(PgRepo *r, CommitCall *k)
{
    enum { LOST_WAIT_MS = 15000, END_WAIT_MS = 10000 };
    uint64_t cid = r->cid, after = r->last_view > r->cid_seq ? r->last_view : r->cid_seq;
    int pid = r->be_pid;
    int64_t start = r->be_start;
    k->asked = true;
    if (!cid || !pid) return lost_durability(r);
    long step = 50;
    for (double t0 = mono_ms(); pgb_usable(r) != MG_STORE_OK; ) {
        if (mono_ms() - t0 >= LOST_WAIT_MS) return lost_durability(r);
        pause_ms(step);
        if (step < 1000) step *= 2;
    }
    int left = old_backend(r, pid, start, true);
    for (long waited = 0; left > 0 && waited < END_WAIT_MS; waited += 20) {
        pause_ms(20);
        left = old_backend(r, pid, start, false);
    }
    if (left != 0) return lost_durability(r);
    char a[24], b[24];
    snprintf(a, sizeof a, "%llu", (unsigned long long)after);
    snprintf(b, sizeof b, "%llu", (unsigned long long)cid);
    const char *vals[2] = { a, b };
    MgStoreErr e;
    PGresult *res = pgb_query(r, "SELECT (SELECT seq FROM mg_log WHERE seq > $1 AND cid = $2 ORDER BY seq LIMIT 1),"
                                 " coalesce((SELECT value FROM mg_meta WHERE key = 'trimmed'), 0)", 2, vals, false, "commit", &e);
    if (!res || PQntuples(res) != 1) { if (res) PQclear(res); return lost_durability(r); }
    bool found = !PQgetisnull(res, 0, 0);
    uint64_t seq = found ? (uint64_t)pgb_text_i64(res, 0, 0) : 0, trimmed = (uint64_t)pgb_text_i64(res, 0, 1);
    PQclear(res);
    if (!found) {
        if (trimmed > after) return lost_durability(r);
        return pgb_fail(r, MG_STORE_IO, "commit: lost the connection to PostgreSQL (%s) during the commit, which was "
                        "not made (the repository, asked again, does not have it): nothing was committed; retry the "
                        "transaction", r->where);
    }
    if (!(r->flags & MG_REPO_NOSYNC) &&
        pgb_run_ok(r, "SELECT pg_logical_emit_message(true, 'maglev', 'flush')", "commit"))
        return lost_durability(r);
    uint64_t *ret = malloc(2 * sizeof *ret);
    if (!ret) return MG_STORE_NOMEM;
    commit_forget(k);
    ret[0] = seq;
    ret[1] = 0;
    k->ret = ret;
    k->nret = 2;                           /* no log: the next view asks the database */
    return MG_STORE_OK;
}

/* P2: the commit is durable once mg_flush() returned (after a commit that
 * failed, it does nothing). A failure of the flush itself leaves it unknown
 * whether the commit survives a crash of the server that comes next; on a
 * connection that still works the flush is asked again, on a lost one the
 * answer is looked for (P10). */
static MgStoreErr
commit_flushed(PgRepo *r, PGresult *res, CommitCall *k)
{
    if (pgb_ok(res)) { PQclear(res); return MG_STORE_OK; }
    if (res) PQclear(res);
    if (PQstatus(r->conn) == CONNECTION_OK && !pgb_run_ok(r, "SELECT set_config('maglev.flush', '', false), "
                                                        "pg_logical_emit_message(true, 'maglev', 'flush')", "commit"))
        return MG_STORE_OK;
    return lost_answer(r, k);
}

static const Oid commit_types[SAVE_ARGS] = { OID_INT8ARRAY, OID_INT8ARRAY, OID_BYTEAARRAY, OID_INT8ARRAY, OID_INT8ARRAY,
                                             OID_INT8, OID_TEXT, OID_BOOL };
static const int commit_fmts[SAVE_ARGS] = { 1, 1, 1, 1, 1, 1, 0, 0 };

/* P2: a solo commit, one statement and one transaction that commits
 * synchronously: mg_commit, then synchronous_commit back on and
 * maglev.flush cleared for that transaction, and the view in use shown (P4:
 * the commit's own view is shown by the next commit or view). A failure
 * other than a lost connection rolled all of it back. */
static MgStoreErr
commit_solo(PgRepo *r, CommitCall *k)
{
    if (!r->prepared_solo) {
        static const Oid types[SOLO_ARGS] = { OID_INT8ARRAY, OID_INT8ARRAY, OID_BYTEAARRAY, OID_INT8ARRAY, OID_INT8ARRAY,
                                              OID_INT8, OID_TEXT };
        PGresult *res = PQprepare(r->conn, "mg_commit1", "SELECT c.ret, c.lg, set_config('synchronous_commit', 'on', true),"
                                  " set_config('maglev.flush', '', false), set_config('application_name', $7, false)"
                                  " FROM mg_commit($1, $2, $3, $4, $5, $6, NULL) AS c", SOLO_ARGS, types);
        if (!pgb_ok(res)) return pg_fail(r, res, "commit");
        PQclear(res);
        r->prepared_solo = true;
    }
    const char *vals[SOLO_ARGS];
    int lens[SOLO_ARGS];
    memcpy(vals, k->vals, 6 * sizeof *vals);
    memcpy(lens, k->lens, 6 * sizeof *lens);
    vals[6] = k->view;
    lens[6] = 0;
    PGresult *res = PQexecPrepared(r->conn, "mg_commit1", SOLO_ARGS, vals, lens, commit_fmts, 1);
    if (pgb_ok(res)) return commit_parse(r, res, k);
    if (PQstatus(r->conn) != CONNECTION_OK) {
        PQclear(res);                      /* lost during the commit's flush, or before it */
        return lost_answer(r, k);
    }
    return pg_fail(r, res, "commit");      /* its one transaction rolled back: nothing was committed */
}

/* One round trip, one statement (P2): CALL mg_save, prepared once per
 * connection. An error after its first transaction committed (maglev.flush
 * still holds the seq: the flush's transaction did not commit) leaves the
 * commit in the repository: it is made durable here and reported as made.
 * A solo commit (P2) goes through commit_solo instead. */
static MgStoreErr
commit_small(PgRepo *r, CommitCall *k)
{
    if (k->solo) return commit_solo(r, k);
    if (!r->prepared) {
        PGresult *res = PQprepare(r->conn, "mg_save", "CALL mg_save($1, $2, $3, $4, $5, $6, $7, $8, NULL, NULL)",
                                  SAVE_ARGS, commit_types);
        if (!pgb_ok(res)) return pg_fail(r, res, "commit");
        PQclear(res);
        r->prepared = true;
    }
    PGresult *res = PQexecPrepared(r->conn, "mg_save", SAVE_ARGS, k->vals, k->lens, commit_fmts, 1);
    if (pgb_ok(res) || (r->flags & MG_REPO_NOSYNC)) return commit_parse(r, res, k);
    if (PQstatus(r->conn) != CONNECTION_OK) {
        /* the commit may have been made, before or after its flush */
        PQclear(res);
        return lost_answer(r, k);
    }
    PGresult *flag = pgb_run(r, "SELECT current_setting('maglev.flush', true)");
    const char *f = pgb_ok(flag) && PQntuples(flag) == 1 ? PQgetvalue(flag, 0, 0) : "";
    uint64_t made = strtoull(f, NULL, 10);
    PQclear(flag);
    if (!made) return pg_fail(r, res, "commit");          /* nothing was committed */
    PQclear(res);
    k->ret = malloc(2 * sizeof *k->ret);
    if (!k->ret) return MG_STORE_NOMEM;
    k->ret[0] = made;
    k->ret[1] = 0;
    k->nret = 2;                           /* no log: the next view asks the database */
    return commit_flushed(r, NULL, k);
}

/* P9: a big commit in one transaction: mg_commit without the rows checks and
 * writes the log row, the rows follow through COPY, then the commit and the
 * flush. A conflict or a dangling reference rolls back what was begun. */
static MgStoreErr
commit_big(PgRepo *r, const MgWrite *writes, size_t n, CommitCall *k)
{
    static const int fmts[5] = { 1, 1, 1, 1, 0 };
    static const Oid types[5] = { OID_INT8ARRAY, OID_INT8ARRAY, OID_INT8ARRAY, OID_INT8, OID_TEXT };
    bool flush = !(r->flags & MG_REPO_NOSYNC);
    const char *v5[5] = { k->vals[0], k->vals[1], k->vals[3], k->vals[5], flush ? NULL : k->app };
    int l5[5] = { k->lens[0], k->lens[1], k->lens[3], k->lens[5], 0 };
    MgStoreErr e = pgb_run_ok(r, "BEGIN", "commit");
    if (e) return e;
    PGresult *res = PQexecParams(r->conn, "SELECT * FROM mg_commit($1, $2, NULL, $3, NULL, $4, $5)", 5, types, v5, l5, fmts, 1);
    if ((e = commit_parse(r, res, k))) goto fail;
    if (!answer_ok(k->ret, k->nret)) {                      /* nothing to write: commit_answer says why */
        PQclear(pgb_run(r, "ROLLBACK"));
        return MG_STORE_OK;
    }
    res = mg_pg_copy_rows(r->conn, writes, n, k->ret[0], r->class_of, MG_STORE_FORMAT);
    if (!pgb_ok(res)) { e = pg_fail(r, res, "commit"); goto fail; }
    PQclear(res);
    if ((e = pgb_run_ok(r, "COMMIT", "commit"))) goto fail;
    if (flush) {
        static const Oid ftypes[1] = { OID_TEXT };
        const char *fvals[1] = { k->app };
        if ((e = commit_flushed(r, PQexecParams(r->conn, "SELECT mg_flush($1)", 1, ftypes, fvals, NULL, NULL, 0), k))) goto fail;
    }
    return MG_STORE_OK;
fail:
    if (PQstatus(r->conn) != CONNECTION_OK && !k->asked && (e = lost_answer(r, k)) == MG_STORE_OK) return MG_STORE_OK;
    if (PQstatus(r->conn) == CONNECTION_OK && PQtransactionStatus(r->conn) != PQTRANS_IDLE) PQclear(pgb_run(r, "ROLLBACK"));
    commit_forget(k);
    return e;
}

/* P6: after a successful commit that brought the log since the last view
 * along, the next view is at its seq: the log with the commit's own entry
 * (logged: its OOPs as mg_log has them) appended. */
static void
next_keep(PgRepo *r, CommitCall *k, uint64_t *logged, size_t n)
{
    MgPgcCommit *log = realloc(k->log, (k->nlog + 1) * sizeof *log);
    if (!log) return;                      /* the next view asks the database */
    k->log = log;
    log[k->nlog++] = (MgPgcCommit){ k->ret[0], logged, n };
    r->next.log = log;
    r->next.nlog = k->nlog;
    r->next.seq = k->ret[0];
    r->next.gc_round = k->ret[1];
    r->next.valid = true;
    k->log = NULL;
    k->nlog = 0;
}

static MgStoreErr
pg_commit_once(MgRepo *rr, const MgWrite *writes, size_t n, uint64_t *seq,
          uint64_t *conflicts, size_t max_conflicts, size_t *nconflicts)
{
    PgRepo *r = (PgRepo *)rr;
    next_drop(r);
    MgStoreErr e = pgb_writable(r);
    if (e) return e;
    *nconflicts = 0;
    if (r->reset_since_view && n)
        return pgb_fail(r, MG_STORE_IO, "commit: the connection to PostgreSQL (%s) was lost since this transaction's "
                    "view began (the server may have restarted without commits it had shown): nothing was committed; "
                    "retry the transaction", r->where);
    if (n == 0) {
        PGresult *res = pgb_run(r, "SELECT value FROM mg_meta WHERE key = 'seq'");
        if (!pgb_ok(res) || PQntuples(res) != 1) return pg_fail(r, res, "commit");
        *seq = (uint64_t)pgb_text_i64(res, 0, 0);
        PQclear(res);
        return MG_STORE_OK;
    }
    /* P6: the first commit since a view brings the next view along */
    bool next = r->begun && !r->committed;
    r->committed = true;
    r->n_commits++;
    bool big = n >= COPY_MIN;
    uint64_t *written = malloc(n * sizeof *written), *logged = malloc(n * sizeof *logged);
    if (!written || !logged) { free(written); free(logged); return MG_STORE_NOMEM; }
    size_t nlogged = 0;
    Buf oops = { 0 }, expect = { 0 }, data = { 0 }, refs = { 0 }, cls = { 0 };
    Refs c = { 0 };
    CommitCall k = { 0 };
    array_head(&oops, n, false, OID_INT8);
    if (!big) {
        array_head(&data, n, true, OID_BYTEA);
        array_head(&cls, n, true, OID_INT8);
    }
    size_t nexpect = n;
    if (big) {                                        /* P9: the writes of existing objects first, then the new ones */
        nexpect = 0;
        for (size_t i = 0; i < n; i++) nexpect += writes[i].expected_version != 0;
        array_head(&expect, nexpect, false, OID_INT8);
        for (int pass = 0; pass < 2; pass++)
            for (size_t i = 0; i < n; i++) {
                if ((writes[i].expected_version != 0) != (pass == 0)) continue;
                buf_be32(&oops, 8); buf_be64(&oops, writes[i].oop);
                logged[nlogged++] = writes[i].oop;
                if (pass == 0) { buf_be32(&expect, 8); buf_be64(&expect, writes[i].expected_version); }
            }
    } else {
        array_head(&expect, n, false, OID_INT8);
    }
    for (size_t i = 0; i < n; i++) {
        written[i] = writes[i].oop;
        if (big) continue;                            /* the rows go through COPY (P9) */
        buf_be32(&oops, 8); buf_be64(&oops, writes[i].oop);
        logged[nlogged++] = writes[i].oop;
        buf_be32(&expect, 8); buf_be64(&expect, writes[i].expected_version);
        /* P7: NULL for what the index does not cover */
        uint64_t kc = writes[i].remove || !r->class_of ? 0 : r->class_of(writes[i].data, writes[i].len);
        if (kc) { buf_be32(&cls, 8); buf_be64(&cls, kc); }
        else buf_be32(&cls, 0xFFFFFFFFu);
        if (writes[i].remove) { buf_be32(&data, 0xFFFFFFFFu); continue; }
        uint32_t format = MG_STORE_FORMAT, crc = mg_crc32c(writes[i].data, writes[i].len);
        buf_be32(&data, (uint32_t)(PG_HEADER + writes[i].len));
        buf_bytes(&data, &format, 4);
        buf_bytes(&data, &crc, 4);
        buf_bytes(&data, writes[i].data, writes[i].len);
    }
    qsort(written, n, sizeof *written, pgb_cmp_u64);
    if (r->ref_scan) {
        if ((e = collect_refs(r, writes, n, written, &c))) goto out;
        pgb_int8_array(&refs, c.refs, c.nrefs);
    }
    if (oops.nomem || expect.nomem || data.nomem || refs.nomem || cls.nomem) { e = MG_STORE_NOMEM; goto out; }
    if (data.len > 0x7FFFFFF0u || oops.len > 0x7FFFFFF0u) {
        e = pgb_fail(r, MG_STORE_FULL, "commit: a write set of %zu bytes is too large for one PostgreSQL statement", data.len);
        goto out;
    }
    {
        char since[8], app[48];
        for (int i = 0; i < 8; i++) since[i] = (char)(r->last_view >> (56 - 8 * i));
        snprintf(app, sizeof app, "maglev %d view ", (int)getpid());
        /* P4: the next view is shown by the flush that makes the commit durable, or by mg_commit when none follows */
        bool nosync = r->flags & MG_REPO_NOSYNC;
        char view[48];
        snprintf(view, sizeof view, "maglev %d view %llu", (int)getpid(), (unsigned long long)r->last_view);
        uint64_t at = r->last_view;
        k = (CommitCall){ { oops.p, expect.p, data.p, r->ref_scan ? refs.p : NULL, cls.p, next ? since : NULL,
                            next ? app : NULL, nosync ? "f" : "t" },
                          { (int)oops.len, (int)expect.len, (int)data.len, (int)refs.len, (int)cls.len, next ? 8 : 0, 0, 0 },
                          next ? app : NULL, !big && !nosync && !r->solo_off && r->solo_run >= SOLO_AFTER, view };
        e = big ? commit_big(r, writes, n, &k) : commit_small(r, &k);
        if (!e) e = commit_answer(r, k.ret, k.nret, writes, n, &c, seq, conflicts, max_conflicts, nconflicts);
        if (!e) r->cid_seq = *seq;                    /* P10 */
        /* P2: no other commit came between this one's view and it */
        r->solo_run = !e && next && *seq == at + 1 ? r->solo_run + 1 : 0;
        if (!e && k.solo) r->n_solo++;
        if (!e && next && k.have_log) {
            next_keep(r, &k, logged, nlogged);
            if (r->next.valid) logged = NULL;         /* the next view's log owns it */
        }
        if (e && e != MG_STORE_CONFLICT && e != MG_STORE_DANGLING && next && nosync && PQstatus(r->conn) == CONNECTION_OK)
            publish_view(r, r->last_view);            /* P4: the view in use is the last one still */
        commit_forget(&k);
    }
out:
    free(written);
    free(logged);
    free(oops.p); free(expect.p); free(data.p); free(refs.p); free(cls.p);
    free(c.refs);
    return e;
}

/* A commit refused for a lock (contract 6) is tried once more after the
 * dead sessions of this host are reaped: a process killed a moment ago
 * keeps its session, and so its locks, until its server backend notices
 * (the same race pg_lock meets). */
static MgStoreErr
pg_commit(MgRepo *rr, const MgWrite *writes, size_t n, uint64_t *seq,
          uint64_t *conflicts, size_t max_conflicts, size_t *nconflicts)
{
    MgStoreErr e = pg_commit_once(rr, writes, n, seq, conflicts, max_conflicts, nconflicts);
    if (e == MG_STORE_LOCKED && pgb_reap((PgRepo *)rr) == MG_STORE_OK)
        e = pg_commit_once(rr, writes, n, seq, conflicts, max_conflicts, nconflicts);
    return e;
}

/* ---- the class index (P7) ---- */

/* Runs sql with narrays binary int8[] parameters of n elements each. */
static MgStoreErr
run_arrays(PgRepo *r, const char *sql, uint64_t *const *arrays, int narrays, size_t n, const char *what)
{
    Buf b[3] = { { 0 } };
    const char *vals[3];
    int lens[3], fmts[3] = { 1, 1, 1 };
    Oid types[3] = { OID_INT8ARRAY, OID_INT8ARRAY, OID_INT8ARRAY };
    bool nomem = false;
    for (int i = 0; i < narrays; i++) {
        pgb_int8_array(&b[i], arrays[i], n);
        nomem |= b[i].nomem;
        vals[i] = b[i].p;
        lens[i] = (int)b[i].len;
    }
    PGresult *res = nomem ? NULL : PQexecParams(r->conn, sql, narrays, types, vals, lens, fmts, 0);
    for (int i = 0; i < narrays; i++) free(b[i].p);
    if (nomem) return pgb_fail(r, MG_STORE_NOMEM, "%s: out of memory", what);
    if (!pgb_ok(res)) return pg_fail(r, res, what);
    PQclear(res);
    return MG_STORE_OK;
}

/* Fills cls for the rows written before the index (classidx 0), in one
 * transaction under the initialisation lock (one handle does it): the rows
 * in (oop, version) order, BATCH a query, through the handle's reader.
 * Commits meanwhile write their own cls; the rows they add are simply read
 * again. A corrupt record is left out (a reader checks the record anyway). */
static MgStoreErr
fill_class_index(PgRepo *r)
{
    const char *what = "build the class index";
    uint64_t *oops = malloc(BATCH * sizeof *oops), *versions = malloc(BATCH * sizeof *versions),
             *classes = malloc(BATCH * sizeof *classes);
    MgStoreErr e = oops && versions && classes ? pgb_run_ok(r, "BEGIN; SELECT pg_advisory_xact_lock(2)", what) : MG_STORE_NOMEM;
    if (e) goto out;
    PGresult *res = pgb_run(r, "SELECT value FROM mg_meta WHERE key = 'classidx' FOR UPDATE");
    if (!pgb_ok(res) || PQntuples(res) != 1) { e = pg_fail(r, res, what); goto out; }
    bool built = atol(PQgetvalue(res, 0, 0)) == 1;
    PQclear(res);
    uint64_t after_oop = 0, after_version = 0;
    for (int rows = BATCH; !built && rows == BATCH;) {
        char a[24], b[24], c[24];
        snprintf(a, sizeof a, "%llu", (unsigned long long)after_oop);
        snprintf(b, sizeof b, "%llu", (unsigned long long)after_version);
        snprintf(c, sizeof c, "%d", BATCH);
        const char *vals[3] = { a, b, c };
        res = pgb_query(r, "SELECT oop, version, data FROM mg_obj WHERE (oop, version) > ($1, $2) AND data IS NOT NULL"
                       " ORDER BY oop, version LIMIT $3", 3, vals, true, what, &e);
        if (!res) goto out;
        rows = PQntuples(res);
        size_t k = 0;
        for (int i = 0; i < rows; i++) {
            after_oop = pgb_get_be64(PQgetvalue(res, i, 0));
            after_version = pgb_get_be64(PQgetvalue(res, i, 1));
            MgRecord rec;
            if (pgb_decode(r, after_oop, after_version, (const unsigned char *)PQgetvalue(res, i, 2),
                       (size_t)PQgetlength(res, i, 2), &rec) != MG_STORE_OK) continue;
            uint64_t cls = r->class_of(rec.data, rec.len);
            if (!cls) continue;
            oops[k] = after_oop;
            versions[k] = after_version;
            classes[k++] = cls;
        }
        PQclear(res);
        uint64_t *arrays[3] = { oops, versions, classes };
        if (k && (e = run_arrays(r, "UPDATE mg_obj o SET cls = u.cls FROM unnest($1::bigint[], $2::bigint[], $3::bigint[])"
                                    " AS u(oop, version, cls) WHERE o.oop = u.oop AND o.version = u.version",
                                 arrays, 3, k, what))) goto out;
    }
    if (!built && (e = pgb_run_ok(r, "UPDATE mg_meta SET value = 1 WHERE key = 'classidx'", what))) goto out;
    if ((e = pgb_run_ok(r, "COMMIT", what))) goto out;
    r->indexed = true;
out:
    if (e && r->conn && PQtransactionStatus(r->conn) != PQTRANS_IDLE) PQclear(pgb_run(r, "ROLLBACK"));
    free(oops); free(versions); free(classes);
    return e;
}

/* Installs the reader; a writable handle fills the index the first time
 * (errors leave it unfilled: list_instances then walks the records, and the
 * next writable open tries again). */
static void
pg_set_class_of(MgRepo *rr, MgClassOf class_of)
{
    PgRepo *r = (PgRepo *)rr;
    if (!r) return;
    r->class_of = class_of;
    if (!class_of || r->indexed || (r->flags & MG_REPO_RDONLY) || pgb_usable(r)) return;
    fill_class_index(r);
}

/* Runs a string of statements (one round trip, one implicit transaction);
 * the result of the last one, NULL (error set) when any failed. */
static PGresult *
run_last(PgRepo *r, const char *sql, const char *what, MgStoreErr *err)
{
    if (!PQsendQuery(r->conn, sql)) { *err = pg_fail(r, NULL, what); return NULL; }
    PGresult *last = NULL, *bad = NULL, *res;
    while ((res = PQgetResult(r->conn))) {
        if (!pgb_ok(res) && !bad) { bad = res; continue; }
        if (!pgb_ok(res)) { PQclear(res); continue; }
        if (last) PQclear(last);
        last = res;
    }
    if (bad || !last) {
        if (last) PQclear(last);
        *err = pg_fail(r, bad, what);
        return NULL;
    }
    *err = MG_STORE_OK;
    return last;
}

/* The slot remembering cls's clear prefix, -1 if none. */
static int
clear_slot(PgRepo *r, uint64_t cls)
{
    for (int i = 0; i < CLEAR_SLOTS; i++) if (r->clear[i].cls == cls) return i;
    return -1;
}

/* The instances of cls at seq among the OOPs <= upto written since `since`
 * (when the handle knew there was none <= upto), ascending, into *out.
 * MG_STORE_NOTFOUND when the commit log since then is not whole. */
static MgStoreErr
prefix_instances(PgRepo *r, uint64_t cls, uint64_t since, uint64_t seq, uint64_t upto, uint64_t **out, size_t *n)
{
    char a[24], b[24], c[24], d[24];
    snprintf(a, sizeof a, "%llu", (unsigned long long)cls);
    snprintf(b, sizeof b, "%llu", (unsigned long long)since);
    snprintf(c, sizeof c, "%llu", (unsigned long long)seq);
    snprintf(d, sizeof d, "%llu", (unsigned long long)upto);
    const char *vals[4] = { a, b, c, d };
    MgStoreErr e;
    PGresult *res = pgb_query(r, "SELECT (SELECT count(*) FROM mg_log WHERE seq > $2 AND seq <= $3),"
                             " array(SELECT w.oop FROM (SELECT DISTINCT unnest(oops) AS oop FROM mg_log"
                             "  WHERE seq > $2 AND seq <= $3) w WHERE w.oop <= $4 AND EXISTS (SELECT 1 FROM mg_obj o"
                             "  WHERE o.oop = w.oop AND o.cls = $1 AND o.version > $2 AND o.version <= $3 AND NOT EXISTS"
                             "  (SELECT 1 FROM mg_obj m WHERE m.oop = o.oop AND m.version > o.version AND m.version <= $3))"
                             "  ORDER BY w.oop)", 4, vals, true, "class index", &e);
    if (!res) return e;
    bool whole = pgb_get_be64(PQgetvalue(res, 0, 0)) == seq - since;
    bool parsed = whole && pgb_parse_int8_array(PQgetvalue(res, 0, 1), PQgetlength(res, 0, 1), out, n);
    PQclear(res);
    if (!whole) return MG_STORE_NOTFOUND;
    return parsed ? MG_STORE_OK : pgb_fail(r, MG_STORE_CORRUPT, "class index: an OOP list does not decode");
}

/* The OOPs whose newest row <= the view's seq has cls = cls, in OOP order,
 * a growing number per query (a caller with a limit stops early). The plan
 * must walk mg_obj_cls in order from `after`: without statistics (a young
 * table) the planner would rather fetch every row of the class and sort
 * them, O(instances) per batch, so sorting is off for that statement. */
static MgStoreErr
pg_view_instances(MgView *vv, uint64_t cls, bool (*fn)(uint64_t oop, void *arg), void *arg)
{
    PgView *v = (PgView *)vv;
    PgRepo *r = v->repo;
    MgStoreErr e = pgb_usable(r);
    if (e) return e;
    if (!r->indexed) {
        PGresult *res = pgb_run(r, "SELECT value FROM mg_meta WHERE key = 'classidx'");
        if (!pgb_ok(res)) return pg_fail(r, res, "class index");
        r->indexed = PQntuples(res) == 1 && atol(PQgetvalue(res, 0, 0)) == 1;
        PQclear(res);
        if (!r->indexed) return pgb_fail(r, MG_STORE_INVALID, "this repository has no class index yet");
    }
    uint64_t after = 0, first = 0, *pre = NULL;
    size_t npre = 0;
    bool stopped = false;
    int slot = clear_slot(r, cls);
    if (slot >= 0 && r->clear[slot].seq <= v->seq && v->seq - r->clear[slot].seq <= CLEAR_COMMITS) {
        e = prefix_instances(r, cls, r->clear[slot].seq, v->seq, r->clear[slot].upto, &pre, &npre);
        if (e == MG_STORE_OK) after = r->clear[slot].upto;
        else if (e != MG_STORE_NOTFOUND) return e;            /* NOTFOUND: the log was trimmed, walk it all */
    }
    for (size_t i = 0; i < npre && !stopped; i++) {
        if (!first) first = pre[i];
        stopped = !fn(pre[i], arg);
    }
    free(pre);
    for (int limit = 256; !stopped; limit = limit * 4 < BATCH ? limit * 4 : BATCH) {
        char sql[512];
        unsigned long long s = (unsigned long long)v->seq;
        snprintf(sql, sizeof sql, "SET LOCAL enable_sort = off; SELECT o.oop FROM mg_obj o WHERE o.cls = %llu"
                 " AND o.oop > %llu AND o.version <= %llu AND NOT EXISTS (SELECT 1 FROM mg_obj n WHERE n.oop = o.oop"
                 " AND n.version > o.version AND n.version <= %llu) ORDER BY o.oop LIMIT %d",
                 (unsigned long long)cls, (unsigned long long)after, s, s, limit);
        PGresult *res = run_last(r, sql, "class index", &e);
        if (!res) return e;
        int rows = PQntuples(res);
        for (int i = 0; i < rows && !stopped; i++) {
            after = strtoull(PQgetvalue(res, i, 0), NULL, 10);
            if (!first) first = after;
            stopped = !fn(after, arg);
        }
        PQclear(res);
        if (rows < limit) break;
    }
    /* what this listing learnt: nothing of cls below its first instance at this seq */
    if (slot < 0 || r->clear[slot].seq <= v->seq) {
        if (slot < 0) slot = (int)(r->clear_next++ % CLEAR_SLOTS);
        r->clear[slot].cls = cls;
        r->clear[slot].seq = v->seq;
        r->clear[slot].upto = first ? first - 8 : (uint64_t)INT64_MAX;
    }
    return MG_STORE_OK;
}

/* ---- the commit log ---- */

static MgStoreErr
pg_log_since(MgRepo *rr, uint64_t since,
             void (*fn)(uint64_t seq, const uint64_t *oops, size_t count, void *arg), void *arg)
{
    PgRepo *r = (PgRepo *)rr;
    if (r->have_log && r->log_from == since) {    /* what the last view brought along (P6) */
        MgPgcCommit *log = r->log;
        size_t n = r->nlog;
        r->log = NULL;
        r->nlog = 0;
        r->have_log = false;
        for (size_t i = 0; i < n; i++) fn(log[i].seq, log[i].oops, log[i].count, arg);
        log_free(log, n);
        return MG_STORE_OK;
    }
    log_drop(r);
    MgStoreErr e = pgb_usable(r);
    if (e) return e;
    char a[24];
    snprintf(a, sizeof a, "%llu", (unsigned long long)since);
    const char *vals[1] = { a };
    r->n_logs++;
    PGresult *res = pgb_query(r, "SELECT seq, oops FROM mg_log WHERE seq > $1 ORDER BY seq", 1, vals, true, "read log", &e);
    if (!res) return e;
    int rows = PQntuples(res);
    for (int i = 0; i < rows; i++) {
        uint64_t *oops;
        size_t count;
        if (!pgb_parse_int8_array(PQgetvalue(res, i, 1), PQgetlength(res, i, 1), &oops, &count)) {
            PQclear(res);
            return pgb_fail(r, MG_STORE_CORRUPT, "read log: a commit-log entry does not decode");
        }
        fn(pgb_get_be64(PQgetvalue(res, i, 0)), oops, count, arg);
        free(oops);
    }
    PQclear(res);
    return MG_STORE_OK;
}

/* Drops log entries <= upto and the versions no view can read any more: a
 * version older than the newest one <= upto of its OOP (views are >= upto). */
static MgStoreErr
pg_log_trim(MgRepo *rr, uint64_t upto)
{
    PgRepo *r = (PgRepo *)rr;
    MgStoreErr e = pgb_writable(r);
    if (e || (e = pgb_stone_may(r, "trim log"))) return e;
    char sql[1024];
    snprintf(sql, sizeof sql,
             "BEGIN;"
             "DELETE FROM mg_obj o USING (SELECT DISTINCT unnest(oops) AS oop FROM mg_log WHERE seq <= %llu) w"
             " WHERE o.oop = w.oop AND o.version < (SELECT max(m.version) FROM mg_obj m WHERE m.oop = o.oop AND m.version <= %llu);"
             "DELETE FROM mg_obj o WHERE o.data IS NULL AND o.version <= %llu"
             " AND NOT EXISTS (SELECT 1 FROM mg_obj m WHERE m.oop = o.oop AND m.version > o.version);"
             "DELETE FROM mg_log WHERE seq <= %llu;"
             "INSERT INTO mg_meta VALUES ('trimmed', %llu) ON CONFLICT (key) DO UPDATE"   /* P10 */
             " SET value = greatest(mg_meta.value, excluded.value);"
             "COMMIT",
             (unsigned long long)upto, (unsigned long long)upto, (unsigned long long)upto, (unsigned long long)upto,
             (unsigned long long)upto);
    e = pgb_run_ok(r, sql, "trim log");
    if (e) PQclear(pgb_run(r, "ROLLBACK"));
    return e;
}

static MgStoreErr
pg_stat(MgRepo *rr, MgRepoStat *out)
{
    PgRepo *r = (PgRepo *)rr;
    memset(out, 0, sizeof *out);
    MgStoreErr e = pgb_usable(r);
    if (e) return e;
    PGresult *res = pgb_run(r, "SELECT (SELECT value FROM mg_meta WHERE key = 'seq'), (SELECT value FROM mg_meta WHERE key = 'next_oop'),"
                           " (SELECT value FROM mg_meta WHERE key = 'format'),"
                           " (SELECT count(*) FROM (SELECT DISTINCT ON (oop) data FROM mg_obj ORDER BY oop, version DESC) t"
                           "   WHERE data IS NOT NULL),"
                           " (SELECT count(*) FROM mg_log), pg_database_size(current_database()),"
                           " (SELECT count(*) FROM mg_live()), current_setting('block_size')");
    if (!pgb_ok(res) || PQntuples(res) != 1) return pg_fail(r, res, "stat");
    out->seq = (uint64_t)pgb_text_i64(res, 0, 0);
    out->next_oop = (uint64_t)pgb_text_i64(res, 0, 1);
    out->format = (uint32_t)pgb_text_i64(res, 0, 2);
    out->records = (uint64_t)pgb_text_i64(res, 0, 3);
    out->log_entries = (uint64_t)pgb_text_i64(res, 0, 4);
    out->used_bytes = (uint64_t)pgb_text_i64(res, 0, 5);
    out->map_size = out->used_bytes;
    out->readers = (uint32_t)pgb_text_i64(res, 0, 6);
    out->page_size = (uint32_t)pgb_text_i64(res, 0, 7);
    PQclear(res);
    return MG_STORE_OK;
}

/* The backup is an export: the records of one snapshot committed into a
 * new LMDB repository in dest (the format `maglev backup` writes and
 * `maglev restore` reads), with the next OOP and the counters. Its commit
 * sequence starts again from 1. */
typedef struct {
    MgRepo *to;
    MgWrite *w;
    size_t n, cap, bytes;
    MgStoreErr err;
} Export;

static MgStoreErr
export_flush(Export *x)
{
    uint64_t seq, conflicts[1];
    size_t nc;
    MgStoreErr e = x->n ? mg_repo_commit(x->to, x->w, x->n, &seq, conflicts, 1, &nc) : MG_STORE_OK;
    for (size_t i = 0; i < x->n; i++) free((void *)x->w[i].data);
    x->n = 0;
    x->bytes = 0;
    return e;
}

static bool
export_record(uint64_t oop, MgStoreErr err, const MgRecord *rec, void *arg)
{
    Export *x = arg;
    if (err) { x->err = MG_STORE_CORRUPT; return false; }
    if (x->n == x->cap) {
        size_t cap = x->cap ? x->cap * 2 : 1024;
        MgWrite *bigger = realloc(x->w, cap * sizeof *bigger);
        if (!bigger) { x->err = MG_STORE_NOMEM; return false; }
        x->w = bigger;
        x->cap = cap;
    }
    void *copy = malloc(rec->len ? rec->len : 1);
    if (!copy) { x->err = MG_STORE_NOMEM; return false; }
    memcpy(copy, rec->data, rec->len);
    x->w[x->n++] = (MgWrite){ oop, 0, copy, rec->len, false };
    x->bytes += rec->len;
    if (x->n >= 100000 || x->bytes >= ((size_t)64 << 20)) x->err = export_flush(x);
    return x->err == MG_STORE_OK;
}

static MgStoreErr
pg_backup(MgRepo *rr, const char *dest)
{
    PgRepo *r = (PgRepo *)rr;
    MgStoreErr e = pgb_usable(r);
    if (e) return e;
    Export x = { 0 };
    if ((e = mg_repo_open(dest, 0, &x.to)) != MG_STORE_OK) {
        pgb_fail(r, e, "backup into %s: %s", dest, mg_repo_error(x.to));
        mg_repo_close(x.to);
        return e;
    }
    uint64_t seq, next_oop, first;
    e = pg_each_record(rr, &seq, &next_oop, export_record, &x);
    if (!e && x.err) e = x.err == MG_STORE_CORRUPT ? pgb_fail(r, MG_STORE_CORRUPT, "backup: %s", r->error)
                                                   : pgb_fail(r, x.err, "backup: %s", mg_repo_error(x.to));
    if (!e && (e = export_flush(&x))) pgb_fail(r, e, "backup: %s", mg_repo_error(x.to));
    for (size_t i = 0; i < x.n; i++) free((void *)x.w[i].data);
    free(x.w);
    /* the OOPs handed out so far stay handed out */
    if (!e && (e = mg_repo_alloc_oops(x.to, 1, &first))) pgb_fail(r, e, "backup: %s", mg_repo_error(x.to));
    if (!e && next_oop > first + 8 && (e = mg_repo_alloc_oops(x.to, (next_oop - first - 8) / 8, &first)))
        pgb_fail(r, e, "backup: %s", mg_repo_error(x.to));
    PGresult *res = e ? NULL : pgb_run(r, "SELECT idx, value FROM mg_counter ORDER BY idx");
    if (res && !pgb_ok(res)) e = pg_fail(r, res, "backup");
    else if (res) {
        for (int i = 0; i < PQntuples(res) && !e; i++) {
            int64_t got;
            if ((e = mg_repo_counter_update(x.to, (uint32_t)pgb_text_i64(res, i, 0), false, pgb_text_i64(res, i, 1), &got)))
                pgb_fail(r, e, "backup: %s", mg_repo_error(x.to));
        }
        PQclear(res);
    }
    mg_repo_close(x.to);
    static const char *const side[] = { MG_LMDB_SIDE_FILES };   /* the LMDB backend's group-commit files: not part of a backup */
    for (size_t i = 0; i < sizeof side / sizeof *side; i++) {
        char path[4200];
        snprintf(path, sizeof path, "%s/%s", dest, side[i]);
        unlink(path);
    }
    return e;
}

/* P4: the other processes with the repository open, and their views. */
static MgStoreErr
pg_sessions(MgRepo *rr, uint64_t *seq, uint64_t *view_id,
            void (*fn)(const MgSession *s, void *arg), void *arg)
{
    PgRepo *r = (PgRepo *)rr;
    MgStoreErr e = pgb_usable(r);
    if (e) return e;
    PGresult *res = pgb_run(r, "SELECT (SELECT value FROM mg_meta WHERE key = 'seq'), a.application_name"
                           " FROM (SELECT 1) one LEFT JOIN pg_stat_activity a ON a.datname = current_database()"
                           " AND a.pid <> pg_backend_pid() AND a.application_name LIKE 'maglev %'");
    if (!pgb_ok(res)) return pg_fail(r, res, "list sessions");
    int rows = PQntuples(res);
    uint64_t now = rows ? (uint64_t)pgb_text_i64(res, 0, 0) : 0;
    for (int i = 0; i < rows; i++) {
        if (PQgetisnull(res, i, 1)) continue;
        int pid = 0;
        unsigned long long vs = 0;
        int got = sscanf(PQgetvalue(res, i, 1), "maglev %d view %llu", &pid, &vs);
        if (got < 1 || pid == (int)getpid()) continue;
        MgSession s = { pid, got == 2, got == 2 ? (uint64_t)vs : 0, got == 2 ? (uint64_t)vs : 0 };
        fn(&s, arg);
    }
    PQclear(res);
    *seq = now;
    *view_id = now;
    return MG_STORE_OK;
}

static void
pg_release_pages(MgRepo *rr)
{
    (void)rr;      /* nothing mapped: record bytes live in the views' results until they end */
}

static void
pg_set_ref_scan(MgRepo *rr, MgRefScan scan)
{
    ((PgRepo *)rr)->ref_scan = scan;
}

/* ---- the stone token and commit notification (pg_admin.c) ---- */

static MgStoreErr
pg_stone_token(MgRepo *rr, MgStoneToken *out)
{
    PgRepo *r = (PgRepo *)rr;
    MgStoreErr e = pgb_usable(r);
    if (e) return e;
    r->stone = true;
    e = mg_pga_token(r->conn, out, r->error, sizeof r->error);
    r->token = !e && out->held;
    return e;
}

static MgStoreErr
pg_wait_commit(MgRepo *rr, uint64_t after, int timeout_ms, uint64_t *seq)
{
    PgRepo *r = (PgRepo *)rr;
    MgStoreErr e = pgb_usable(r);
    if (e) return e;
    if (!r->listen && !(r->listen = mg_pgl_new())) return pgb_fail(r, MG_STORE_NOMEM, "listen: out of memory");
    return mg_pgl_wait(r->listen, r->conn, after, timeout_ms, seq, r->error, sizeof r->error);
}

static int
pg_commit_fd(MgRepo *rr)
{
    return mg_pgl_fd(((PgRepo *)rr)->listen);
}

/* ---- the dispatch table (backend_ops.h) ---- */

const MgBackendOps mg_pg_ops = {
    .name = "postgresql",
    .open = pg_open,
    .close = pg_close,
    .error = pg_error,
    .view_begin = pg_view_begin,
    .view_begin_next = pg_view_begin_next,
    .view_seq = pg_view_seq,
    .view_read = pg_view_read,
    .view_end = pg_view_end,
    .view_each = pg_view_each,
    .view_gc_round = pg_view_gc_round,
    .alloc_oops = pg_alloc_oops,
    .commit = pg_commit,
    .log_since = pg_log_since,
    .log_trim = pg_log_trim,
    .stat = pg_stat,
    .backup = pg_backup,
    .each_record = pg_each_record,
    .sessions = pg_sessions,
    .release_pages = pg_release_pages,
    .session_begin = pg_session_begin,
    .session_end = pg_session_end,
    .session_self = pg_session_self,
    .session_list = pg_session_list,
    .lock = pg_lock,
    .unlock = pg_unlock,
    .unlock_all = pg_unlock_all,
    .lock_list = pg_lock_list,
    .counter_get = pg_counter_get,
    .counter_update = pg_counter_update,
    .set_ref_scan = pg_set_ref_scan,
    .gc_state = pg_gc_state,
    .gc_open = pg_gc_open,
    .gc_vote = pg_gc_vote,
    .gc_sweep = pg_gc_sweep,
    .gc_cancel = pg_gc_cancel,
    .set_class_of = pg_set_class_of,
    .view_instances = pg_view_instances,
    .stone_token = pg_stone_token,
    .wait_commit = pg_wait_commit,
    .commit_fd = pg_commit_fd,
};
