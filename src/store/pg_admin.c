/* pg_admin.c -- the PostgreSQL backend's stone token and commit notification
 * (pg_admin.h; backend.h "the stone token and commit notification"). The
 * schema and P1-P8 are pg_backend.c's; these add:
 *
 *  A1. The stone token is the session-level advisory lock (STONE_CLASS, 1).
 *      Its holder -- one stone across all hosts -- is the only daemon that
 *      trims the log and drives GC rounds; PostgreSQL drops it when the
 *      holder's connection ends, however its process ended (as P3). Asking
 *      again is idempotent: the lock is taken only when this backend does
 *      not hold it already (session advisory locks count re-takes). A
 *      connection made again after a loss (pg_backend.c usable) holds
 *      nothing: the stone asks at every tick, so it learns it is no longer
 *      the holder before it trims again. The holder names itself in its
 *      application_name ("maglev PID stone HOST": a session without a view
 *      for P4's listing), which is how a standby stone names it. The
 *      holder's connection asks the server for TCP keepalives (20 s idle,
 *      then 4 probes 5 s apart): a holder whose host dies without closing
 *      its connection loses the token within a minute, not after the
 *      system's default two hours (no effect over a Unix socket).
 *  A2. Waiting for a commit LISTENs on channel "maglev", to which mg_commit
 *      NOTIFYs every commit's sequence (P2), on a connection of its own,
 *      made on the first wait with the main connection's parameters. Not on
 *      the main one: other green threads of the process query through it
 *      while a waiter sleeps, and libpq would read a notification into its
 *      queue during their query, leaving the waiter's socket unreadable
 *      until the next one. The LISTEN connection runs no query after its
 *      first two, so its socket is readable exactly when a notification (or
 *      an error) arrived.
 *  A3. No commit is missed between LISTEN and the first wait: LISTEN is
 *      committed first (a notification of any commit after it is queued for
 *      us), and only then is seq read; a commit before it is in that seq.
 *      After that, waiting reads notifications only: no query, whatever the
 *      timeout. seq is the largest sequence seen, monotonic.
 *  A4. A broken LISTEN connection is dropped and made again at once, which
 *      reads seq again (A3): a loss delays news, never loses it. Only a
 *      connection that cannot be made again is an error (the server is
 *      down: the main connection fails as well). */
#include "pg_admin.h"
#include <errno.h>
#include <poll.h>
#include <time.h>
#include <unistd.h>

#define STONE_CLASS 19784          /* advisory lock (STONE_CLASS, 1): the stone token (A1) */
#define LOCK_WHERE "locktype = 'advisory' AND classid = 19784::oid AND objid = 1::oid AND objsubid = 2 AND granted" \
                   " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"

struct MgPgListen {
    PGconn *conn;                  /* A2: NULL until the first wait, or after a loss (A4) */
    uint64_t seq;                  /* A3: the newest sequence known */
    uint64_t waits, queries, notes;
};

static void
errf(char *err, size_t size, const char *what, const char *text)
{
    char line[600];
    snprintf(line, sizeof line, "%s", text && *text ? text : "unknown error");
    line[strcspn(line, "\n")] = '\0';
    snprintf(err, size, "%s: PostgreSQL: %s", what, line);
}

static int64_t
now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- A1: the stone token ---- */

MgStoreErr
mg_pga_token(PGconn *conn, MgStoneToken *out, char *err, size_t errsize)
{
    memset(out, 0, sizeof *out);
    char host[64] = "?", name[64];
    gethostname(host, sizeof host - 1);
    host[sizeof host - 1] = '\0';
    snprintf(name, sizeof name, "maglev %d stone %.40s", (int)getpid(), host);
    const char *vals[1] = { name };
    PGresult *res = PQexecParams(conn,
        "SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_locks WHERE " LOCK_WHERE " AND pid = pg_backend_pid())"
        " THEN true ELSE pg_try_advisory_lock(19784, 1) END, set_config('application_name', $1, false),"
        " set_config('tcp_keepalives_idle', '20', false), set_config('tcp_keepalives_interval', '5', false),"
        " set_config('tcp_keepalives_count', '4', false),"
        " (SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
        "   WHERE l." LOCK_WHERE " AND l.pid <> pg_backend_pid() LIMIT 1)",
        1, NULL, vals, NULL, NULL, 0);
    if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1) {
        errf(err, errsize, "stone token", res && *PQresultErrorMessage(res) ? PQresultErrorMessage(res) : PQerrorMessage(conn));
        PQclear(res);
        return MG_STORE_IO;
    }
    out->held = PQgetvalue(res, 0, 0)[0] == 't';
    if (!out->held && !PQgetisnull(res, 0, 5)) {
        int pid = 0;
        char h[64] = "";
        if (sscanf(PQgetvalue(res, 0, 5), "maglev %d stone %63s", &pid, h) >= 1
            || sscanf(PQgetvalue(res, 0, 5), "maglev %d", &pid) == 1) {
            out->holder_pid = pid;
            snprintf(out->holder_host, sizeof out->holder_host, "%s", h);
        }
    }
    PQclear(res);
    return MG_STORE_OK;
}

/* ---- A2-A4: waiting for a commit ---- */

MgPgListen *
mg_pgl_new(void)
{
    return calloc(1, sizeof(MgPgListen));
}

void
mg_pgl_free(MgPgListen *l)
{
    if (!l) return;
    if (l->conn) PQfinish(l->conn);
    free(l);
}

int
mg_pgl_fd(const MgPgListen *l)
{
    return l && l->conn ? PQsocket(l->conn) : -1;
}

void
mg_pgl_counts(const MgPgListen *l, uint64_t *waits, uint64_t *queries, uint64_t *notes)
{
    *waits = l ? l->waits : 0;
    *queries = l ? l->queries : 0;
    *notes = l ? l->notes : 0;
}

static void
drop(MgPgListen *l)
{
    if (l->conn) PQfinish(l->conn);
    l->conn = NULL;
}

/* What the server says on the LISTEN connection outside a query (e.g. that
 * it ends the connection) is not the program's output: a loss is handled (A4). */
static void
quiet(void *arg, const char *message)
{
    (void)arg; (void)message;
}

PGconn *
mg_pg_connect_like(PGconn *main, const char *role)
{
    PQconninfoOption *info = PQconninfo(main);
    if (!info) return NULL;
    size_t n = 0;
    for (PQconninfoOption *o = info; o->keyword; o++) n++;
    const char **keys = calloc(n + 2, sizeof *keys), **vals = calloc(n + 2, sizeof *vals);
    if (!keys || !vals) {
        free(keys); free(vals); PQconninfoFree(info);
        return NULL;
    }
    char app[64];
    snprintf(app, sizeof app, "maglev-%s %d", role, (int)getpid());   /* not "maglev PID ...": no view (P4) */
    size_t k = 0;
    for (PQconninfoOption *o = info; o->keyword; o++) {
        if (!o->val || !strcmp(o->keyword, "application_name") || !strcmp(o->keyword, "fallback_application_name")) continue;
        keys[k] = o->keyword;
        vals[k++] = o->val;
    }
    keys[k] = "application_name";
    vals[k++] = app;
    keys[k] = NULL;
    vals[k] = NULL;
    PGconn *c = PQconnectdbParams(keys, vals, 0);
    free(keys);
    free(vals);
    PQconninfoFree(info);
    if (c) PQsetNoticeProcessor(c, quiet, NULL);
    return c;
}

/* A2, A3: a connection like main's that LISTENs, and seq read after it. */
static MgStoreErr
connect_listen(MgPgListen *l, PGconn *main, char *err, size_t errsize)
{
    l->conn = mg_pg_connect_like(main, "listen");
    if (!l->conn || PQstatus(l->conn) != CONNECTION_OK) {
        errf(err, errsize, "listen: connect", l->conn ? PQerrorMessage(l->conn) : "out of memory");
        drop(l);
        return MG_STORE_IO;
    }
    l->queries += 2;
    PGresult *res = PQexec(l->conn, "LISTEN maglev");               /* A3: committed before seq is read */
    if (PQresultStatus(res) != PGRES_COMMAND_OK) {
        errf(err, errsize, "listen", PQresultErrorMessage(res));
        PQclear(res);
        drop(l);
        return MG_STORE_IO;
    }
    PQclear(res);
    res = PQexec(l->conn, "SELECT value FROM mg_meta WHERE key = 'seq'");
    if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1) {
        errf(err, errsize, "listen", PQresultErrorMessage(res));
        PQclear(res);
        drop(l);
        return MG_STORE_IO;
    }
    uint64_t seq = strtoull(PQgetvalue(res, 0, 0), NULL, 10);
    PQclear(res);
    if (seq > l->seq) l->seq = seq;
    return MG_STORE_OK;
}

/* Reads what arrived on the socket, without blocking; seq follows the
 * notifications. A lost connection is made again at once (A4): only when
 * that fails is it an error. */
static MgStoreErr
drain(MgPgListen *l, PGconn *main, char *err, size_t errsize)
{
    if (!PQconsumeInput(l->conn)) {
        drop(l);                                                     /* A4 */
        return connect_listen(l, main, err, errsize);
    }
    PGnotify *n;
    while ((n = PQnotifies(l->conn))) {
        if (!strcmp(n->relname, "maglev")) {
            uint64_t seq = strtoull(n->extra, NULL, 10);
            if (seq > l->seq) l->seq = seq;
            l->notes++;
        }
        PQfreemem(n);
    }
    return MG_STORE_OK;
}

MgStoreErr
mg_pgl_wait(MgPgListen *l, PGconn *main, uint64_t after, int timeout_ms, uint64_t *seq, char *err, size_t errsize)
{
    l->waits++;
    MgStoreErr e = MG_STORE_OK;
    if (!l->conn) e = connect_listen(l, main, err, errsize);
    if (!e) e = drain(l, main, err, errsize);
    int64_t deadline = timeout_ms > 0 ? now_ms() + timeout_ms : 0;
    while (!e && l->seq <= after && timeout_ms != 0) {
        int left = -1;
        if (timeout_ms > 0) {
            int64_t d = deadline - now_ms();
            if (d <= 0) break;
            left = d > INT32_MAX ? INT32_MAX : (int)d;
        }
        struct pollfd p = { PQsocket(l->conn), POLLIN, 0 };
        int got = poll(&p, 1, left);
        if (got < 0 && errno != EINTR) {
            snprintf(err, errsize, "listen: poll: %s", strerror(errno));
            e = MG_STORE_IO;
        } else if (got > 0) {
            e = drain(l, main, err, errsize);
        } else if (got < 0) {
            break;                                                   /* a signal: the caller decides */
        }
    }
    *seq = l->seq;
    return e;
}
