/* pg_sys.c -- the PostgreSQL backend's sessions, locks and persistent
 * counters (P3 in pg_backend.c's opening comment), each call a short
 * statement of its own outside any view. The handle and its helpers are
 * pg_backend.c's (pg_int.h). */
#include "pg_int.h"
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* P3 leaves a gap: a process killed on this host is dead at once, but its
 * server backend notices the closed connection only a moment later, and
 * holds the session lock until then. Sessions of this host whose process no
 * longer runs are ended here: their backend is terminated and we wait (for
 * the lock, not for a time) until it has released the session. The backend
 * must carry the dead process's pid in its application_name (P4), so a new
 * holder of a reused id is never taken for the dead one. */
MgStoreErr
pgb_reap(PgRepo *r)
{
    char host[256] = "?";
    gethostname(host, sizeof host - 1);
    host[sizeof host - 1] = '\0';
    const char *vals[1] = { host };
    MgStoreErr e;
    PGresult *res = pgb_query(r, "SELECT s.id, s.pid, s.started, l.pid FROM mg_session s"
                             " JOIN pg_locks l ON l.locktype = 'advisory' AND l.classid = 19783::oid AND l.objsubid = 2"
                             "  AND l.granted AND l.objid = s.id::oid"
                             "  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                             " JOIN pg_stat_activity a ON a.pid = l.pid"
                             " WHERE s.host = $1 AND a.pid <> pg_backend_pid()"
                             "  AND split_part(a.application_name, ' ', 2) = s.pid::text", 1, vals, false, "find dead sessions", &e);
    if (!res) return e;
    for (int i = 0; i < PQntuples(res) && !e; i++) {
        int pid = (int)pgb_text_i64(res, i, 1);
        if (mg_proc_started(pid) == (uint64_t)pgb_text_i64(res, i, 2)) continue;     /* runs */
        char sql[256];
        snprintf(sql, sizeof sql, "SELECT pg_terminate_backend(%s); SELECT pg_advisory_lock(%d, %s); "
                 "SELECT pg_advisory_unlock(%d, %s)", PQgetvalue(res, i, 3), SESSION_CLASS, PQgetvalue(res, i, 0),
                 SESSION_CLASS, PQgetvalue(res, i, 0));
        e = pgb_run_ok(r, sql, "end a dead session");
    }
    PQclear(res);
    return e;
}

MgStoreErr
pg_session_begin(MgRepo *rr, const char *name, uint32_t *id)
{
    PgRepo *r = (PgRepo *)rr;
    MgStoreErr e = pgb_writable(r);
    if (e) return e;
    if (r->session) { *id = r->session; return MG_STORE_OK; }
    if ((e = pgb_reap(r))) return e;
    uint32_t got = 0;
    for (int tries = 0; tries < 1000 && !got; tries++) {
        PGresult *res = pgb_run(r, "SELECT min(i) FROM generate_series(1, (SELECT count(*) FROM mg_live())::int + 1) i"
                               " WHERE i NOT IN (SELECT mg_live())");
        if (!pgb_ok(res) || PQntuples(res) != 1) return pg_fail(r, res, "register session");
        uint32_t cand = (uint32_t)pgb_text_i64(res, 0, 0);
        PQclear(res);
        char sql[128];
        snprintf(sql, sizeof sql, "SELECT pg_try_advisory_lock(%d, %u)", SESSION_CLASS, cand);
        res = pgb_run(r, sql);
        if (!pgb_ok(res) || PQntuples(res) != 1) return pg_fail(r, res, "register session");
        if (PQgetvalue(res, 0, 0)[0] == 't') got = cand;
        PQclear(res);
    }
    if (!got) return pgb_fail(r, MG_STORE_LOCKED, "register session: no free session id");
    char host[256] = "?";
    gethostname(host, sizeof host - 1);
    host[sizeof host - 1] = '\0';
    char pid[16], sid[16], started[24];
    snprintf(pid, sizeof pid, "%d", (int)getpid());
    snprintf(sid, sizeof sid, "%u", got);
    snprintf(started, sizeof started, "%llu", (unsigned long long)r->started);
    char nm[64];
    snprintf(nm, sizeof nm, "%s", name ? name : "");
    const char *vals[5] = { sid, pid, started, host, nm };
    /* the entries and locks of dead sessions go, and whatever an earlier holder of our id left */
    PGresult *res = pgb_query(r, "WITH live AS (SELECT mg_live() AS id),"
                             " s AS (DELETE FROM mg_session WHERE id = $1 OR id NOT IN (SELECT id FROM live)),"
                             " l AS (DELETE FROM mg_lock WHERE session = $1 OR session NOT IN (SELECT id FROM live)),"
                             " v AS (DELETE FROM mg_gcvote WHERE session = $1)"
                             " SELECT 1", 1, vals, false, "register session", &e);
    if (res) PQclear(res);
    if (!e) res = pgb_query(r, "INSERT INTO mg_session VALUES ($1, $2, $3, $4, $5)", 5, vals, false, "register session", &e);
    if (e) {
        char sql[128];
        snprintf(sql, sizeof sql, "SELECT pg_advisory_unlock(%d, %u)", SESSION_CLASS, got);
        PQclear(pgb_run(r, sql));
        return e;
    }
    PQclear(res);
    r->session = got;
    snprintf(r->session_name, sizeof r->session_name, "%s", nm);
    *id = got;
    return MG_STORE_OK;
}

MgStoreErr
pg_session_end(MgRepo *rr)
{
    PgRepo *r = (PgRepo *)rr;
    if (!r->conn || !r->session || PQstatus(r->conn) != CONNECTION_OK) { r->session = 0; return MG_STORE_OK; }
    char sql[320];
    snprintf(sql, sizeof sql, "DELETE FROM mg_lock WHERE session = %u; DELETE FROM mg_session WHERE id = %u;"
             " DELETE FROM mg_gcvote WHERE session = %u; SELECT pg_advisory_unlock(%d, %u)",
             r->session, r->session, r->session, SESSION_CLASS, r->session);
    r->session = 0;
    return pgb_run_ok(r, sql, "end session");
}

uint32_t
pg_session_self(const MgRepo *rr)
{
    return ((const PgRepo *)rr)->session;
}

MgStoreErr
pg_session_list(MgRepo *rr, void (*fn)(const MgSessionEntry *s, void *arg), void *arg)
{
    PgRepo *r = (PgRepo *)rr;
    MgStoreErr e = pgb_usable(r);
    if (e || (e = pgb_reap(r))) return e;
    PGresult *res = pgb_run(r, "SELECT id, pid, started, name, host FROM mg_session WHERE id IN (SELECT mg_live()) ORDER BY id");
    if (!pgb_ok(res)) return pg_fail(r, res, "list sessions");
    for (int i = 0; i < PQntuples(res); i++) {
        MgSessionEntry s;
        memset(&s, 0, sizeof s);
        s.id = (uint32_t)pgb_text_i64(res, i, 0);
        s.pid = (int)pgb_text_i64(res, i, 1);
        s.started = (uint64_t)pgb_text_i64(res, i, 2);
        snprintf(s.name, sizeof s.name, "%s", PQgetvalue(res, i, 3));
        snprintf(s.host, sizeof s.host, "%s", PQgetvalue(res, i, 4));
        s.self = r->session && s.id == r->session;
        fn(&s, arg);
    }
    PQclear(res);
    return MG_STORE_OK;
}

MgStoreErr
pg_lock(MgRepo *rr, uint64_t oop, int kind, uint32_t *holder)
{
    PgRepo *r = (PgRepo *)rr;
    MgStoreErr e = pgb_writable(r);
    if (e) return e;
    *holder = 0;
    if (!r->session) return pgb_fail(r, MG_STORE_INVALID, "locking needs a registered session");
    if (kind != MG_LOCK_READ && kind != MG_LOCK_WRITE) return pgb_fail(r, MG_STORE_INVALID, "no lock kind %d", kind);
    char a[24], b[16], c[8];
    snprintf(a, sizeof a, "%llu", (unsigned long long)oop);
    snprintf(b, sizeof b, "%u", r->session);
    snprintf(c, sizeof c, "%d", kind);
    const char *vals[3] = { a, b, c };
    int64_t got = 0;
    for (int round = 0; round < 2; round++) {       /* a conflict: again once dead sessions are reaped */
        PGresult *res = pgb_query(r, "SELECT mg_lock($1, $2, $3)", 3, vals, false, "lock", &e);
        if (!res) return e;
        got = pgb_text_i64(res, 0, 0);
        PQclear(res);
        if (got == 0 || round || (e = pgb_reap(r))) break;
    }
    if (e) return e;
    if (got == 0) return MG_STORE_OK;
    *holder = (uint32_t)(got / 4);
    return pgb_fail(r, MG_STORE_LOCKED, "object %llu is %s-locked by session %u", (unsigned long long)oop,
                got % 4 == MG_LOCK_WRITE ? "write" : "read", *holder);
}

static MgStoreErr
unlock_where(PgRepo *r, const char *sql, const char *oop)
{
    MgStoreErr e = pgb_writable(r);
    if (e) return e;
    if (!r->session) return MG_STORE_OK;
    char sid[16];
    snprintf(sid, sizeof sid, "%u", r->session);
    const char *vals[2] = { sid, oop };
    PGresult *res = pgb_query(r, sql, oop ? 2 : 1, vals, false, "unlock", &e);
    if (res) PQclear(res);
    return e;
}

MgStoreErr
pg_unlock(MgRepo *rr, uint64_t oop)
{
    char a[24];
    snprintf(a, sizeof a, "%llu", (unsigned long long)oop);
    return unlock_where((PgRepo *)rr, "DELETE FROM mg_lock WHERE session = $1 AND oop = $2", a);
}

MgStoreErr
pg_unlock_all(MgRepo *rr)
{
    return unlock_where((PgRepo *)rr, "DELETE FROM mg_lock WHERE session = $1", NULL);
}

MgStoreErr
pg_lock_list(MgRepo *rr, void (*fn)(const MgLockEntry *l, void *arg), void *arg)
{
    PgRepo *r = (PgRepo *)rr;
    MgStoreErr e = pgb_usable(r);
    if (e || (e = pgb_reap(r))) return e;
    PGresult *res = pgb_run(r, "SELECT oop, kind, session FROM mg_lock WHERE session IN (SELECT mg_live())"
                               " ORDER BY oop, session");
    if (!pgb_ok(res)) return pg_fail(r, res, "list locks");
    for (int i = 0; i < PQntuples(res); i++) {
        MgLockEntry l = { (uint64_t)pgb_text_i64(res, i, 0), (int)pgb_text_i64(res, i, 1),
                          (uint32_t)pgb_text_i64(res, i, 2) };
        fn(&l, arg);
    }
    PQclear(res);
    return MG_STORE_OK;
}

MgStoreErr
pg_counter_get(MgRepo *rr, uint32_t index, int64_t *out)
{
    PgRepo *r = (PgRepo *)rr;
    MgStoreErr e = pgb_usable(r);
    if (e) return e;
    if (index < 1 || index > MG_COUNTERS)
        return pgb_fail(r, MG_STORE_INVALID, "no persistent counter %u (1..%d)", index, MG_COUNTERS);
    char a[16];
    snprintf(a, sizeof a, "%u", index);
    const char *vals[1] = { a };
    PGresult *res = pgb_query(r, "SELECT value FROM mg_counter WHERE idx = $1", 1, vals, false, "counter", &e);
    if (!res) return e;
    *out = PQntuples(res) ? pgb_text_i64(res, 0, 0) : 0;
    PQclear(res);
    return MG_STORE_OK;
}

MgStoreErr
pg_counter_update(MgRepo *rr, uint32_t index, bool add, int64_t value, int64_t *out)
{
    PgRepo *r = (PgRepo *)rr;
    MgStoreErr e = pgb_writable(r);
    if (e) return e;
    if (index < 1 || index > MG_COUNTERS)
        return pgb_fail(r, MG_STORE_INVALID, "no persistent counter %u (1..%d)", index, MG_COUNTERS);
    char a[16], b[24];
    snprintf(a, sizeof a, "%u", index);
    snprintf(b, sizeof b, "%lld", (long long)value);
    const char *vals[3] = { a, b, add ? "t" : "f" };
    /* two's complement wrap-around (contract 7), computed in numeric */
    PGresult *res = pgb_query(r, "INSERT INTO mg_counter VALUES ($1, $2) ON CONFLICT (idx) DO UPDATE SET value ="
                             " CASE WHEN $3::boolean THEN (((mg_counter.value::numeric + excluded.value + 9223372036854775808)"
                             " % 18446744073709551616) - 9223372036854775808)::bigint ELSE excluded.value END RETURNING value",
                          3, vals, false, "counter", &e);
    if (!res) return e;
    *out = pgb_text_i64(res, 0, 0);
    PQclear(res);
    return MG_STORE_OK;
}
