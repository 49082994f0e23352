/* pg_gc.c -- the PostgreSQL backend's side of repository garbage
 * collection (the protocol: repogc.c; the tables mg_gcdead and mg_gcvote,
 * the meta keys gc_*: docs/format.md): a round's possibly-dead set, the live
 * sessions' votes, the sweep that deletes what no vote kept. */
#include "pg_int.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>


static const char GC_META[] =
    "SELECT (SELECT value FROM mg_meta WHERE key = 'gc_round'), (SELECT value FROM mg_meta WHERE key = 'gc_seq'),"
    " (SELECT value FROM mg_meta WHERE key = 'gc_opened'), (SELECT value FROM mg_meta WHERE key = 'gc_rounds'),"
    " (SELECT value FROM mg_meta WHERE key = 'gc_last_round'), (SELECT value FROM mg_meta WHERE key = 'gc_last_time'),"
    " (SELECT value FROM mg_meta WHERE key = 'gc_last_freed'), (SELECT value FROM mg_meta WHERE key = 'gc_last_bytes'),"
    " (SELECT value FROM mg_meta WHERE key = 'gc_last_kept'), (SELECT value FROM mg_meta WHERE key = 'seq'),"
    " (SELECT count(*) FROM mg_gcdead), (SELECT count(*) FROM mg_gcdead WHERE kept)";

typedef struct { size_t live, waiting; int waiting_pid; } Votes;

/* The live sessions other than ours, and of them those that have not voted in round. */
static MgStoreErr
gc_votes(PgRepo *r, uint64_t round, Votes *out)
{
    memset(out, 0, sizeof *out);
    char a[24], b[16];
    snprintf(a, sizeof a, "%llu", (unsigned long long)round);
    snprintf(b, sizeof b, "%u", r->session);
    const char *vals[2] = { a, b };
    MgStoreErr e = pgb_reap(r);
    if (e) return e;
    PGresult *res = pgb_query(r, "SELECT s.pid, EXISTS (SELECT 1 FROM mg_gcvote v WHERE v.session = s.id AND v.round = $1)"
                             " FROM mg_session s WHERE s.id IN (SELECT mg_live()) AND s.id <> $2 ORDER BY s.id",
                          2, vals, false, "gc votes", &e);
    if (!res) return e;
    for (int i = 0; i < PQntuples(res); i++) {
        out->live++;
        if (round && PQgetvalue(res, i, 1)[0] != 't') {
            if (!out->waiting) out->waiting_pid = (int)pgb_text_i64(res, i, 0);
            out->waiting++;
        }
    }
    PQclear(res);
    return MG_STORE_OK;
}

MgStoreErr
pg_gc_state(MgRepo *rr, MgGcState *out)
{
    PgRepo *r = (PgRepo *)rr;
    memset(out, 0, sizeof *out);
    MgStoreErr e = pgb_usable(r);
    if (e) return e;
    PGresult *res = pgb_run(r, GC_META);
    if (!pgb_ok(res) || PQntuples(res) != 1) return pg_fail(r, res, "gc state");
    out->round = (uint64_t)pgb_text_i64(res, 0, 0);
    out->seq = (uint64_t)pgb_text_i64(res, 0, 1);
    out->opened = (uint64_t)pgb_text_i64(res, 0, 2);
    out->rounds = (uint64_t)pgb_text_i64(res, 0, 3);
    out->last_round = (uint64_t)pgb_text_i64(res, 0, 4);
    out->last_time = (uint64_t)pgb_text_i64(res, 0, 5);
    out->last_freed = (uint64_t)pgb_text_i64(res, 0, 6);
    out->last_bytes = (uint64_t)pgb_text_i64(res, 0, 7);
    out->last_kept = (uint64_t)pgb_text_i64(res, 0, 8);
    if (out->round) {
        out->candidates = (uint64_t)pgb_text_i64(res, 0, 10);
        out->kept = (uint64_t)pgb_text_i64(res, 0, 11);
    }
    PQclear(res);
    Votes vt;
    if ((e = gc_votes(r, out->round, &vt))) return e;
    out->sessions = vt.live;
    out->waiting = vt.waiting;
    out->waiting_pid = vt.waiting_pid;
    return MG_STORE_OK;
}

/* Runs one statement with a single binary int8[] parameter $1 and text ones after it. */
static PGresult *
with_oops(PgRepo *r, const char *sql, const uint64_t *oops, size_t n, const char *p2, const char *what, MgStoreErr *err)
{
    Buf b = { 0 };
    pgb_int8_array(&b, oops, n);
    if (b.nomem) { free(b.p); *err = MG_STORE_NOMEM; return NULL; }
    const char *vals[2] = { b.p, p2 };
    int lens[2] = { (int)b.len, 0 };
    int fmts[2] = { 1, 0 };
    Oid types[2] = { OID_INT8ARRAY, 0 };
    PGresult *res = PQexecParams(r->conn, sql, p2 ? 2 : 1, types, vals, lens, fmts, 1);
    free(b.p);
    if (!pgb_ok(res)) { *err = pg_fail(r, res, what); return NULL; }
    *err = MG_STORE_OK;
    return res;
}

MgStoreErr
pg_gc_open(MgRepo *rr, uint64_t seq, const uint64_t *oops, size_t n, uint64_t *round)
{
    PgRepo *r = (PgRepo *)rr;
    MgStoreErr e = pgb_writable(r);
    if (e || (e = pgb_stone_may(r, "open gc round"))) return e;
    if ((e = pgb_run_ok(r, "BEGIN; DELETE FROM mg_gcdead; DELETE FROM mg_gcvote", "open gc round"))) goto fail;
    PGresult *res = with_oops(r, "INSERT INTO mg_gcdead SELECT unnest($1::bigint[]), false", oops, n, NULL, "open gc round", &e);
    if (!res) goto fail;
    PQclear(res);
    char sql[512];
    snprintf(sql, sizeof sql,
             "UPDATE mg_meta SET value = value + 1 WHERE key = 'gc_rounds';"
             "UPDATE mg_meta SET value = (SELECT value FROM mg_meta WHERE key = 'gc_rounds') WHERE key = 'gc_round';"
             "UPDATE mg_meta SET value = %llu WHERE key = 'gc_seq';"
             "UPDATE mg_meta SET value = %llu WHERE key = 'gc_opened';"
             "SELECT value FROM mg_meta WHERE key = 'gc_round'",
             (unsigned long long)seq, (unsigned long long)time(NULL));
    res = pgb_run(r, sql);
    if (!pgb_ok(res) || PQntuples(res) != 1) { e = pg_fail(r, res, "open gc round"); goto fail; }
    uint64_t opened = (uint64_t)pgb_text_i64(res, 0, 0);
    PQclear(res);
    if ((e = pgb_run_ok(r, "COMMIT", "open gc round"))) return e;
    *round = opened;
    return MG_STORE_OK;
fail:
    PQclear(pgb_run(r, "ROLLBACK"));
    return e;
}

MgStoreErr
pg_gc_vote(MgRepo *rr, uint64_t round, bool (*held)(uint64_t oop, void *arg), void *arg)
{
    PgRepo *r = (PgRepo *)rr;
    MgStoreErr e = pgb_writable(r);
    if (e) return e;
    if (!r->session) return pgb_fail(r, MG_STORE_INVALID, "only a registered session votes in a GC round");
    char a[24], sid[16];
    snprintf(a, sizeof a, "%llu", (unsigned long long)round);
    snprintf(sid, sizeof sid, "%u", r->session);
    const char *vals[2] = { a, sid };
    PGresult *res = pgb_query(r, "SELECT oop FROM mg_gcdead WHERE NOT kept AND $1 = (SELECT value FROM mg_meta WHERE key = 'gc_round')"
                             " ORDER BY oop", 1, vals, false, "gc vote", &e);
    if (!res) return e;
    size_t n = (size_t)PQntuples(res), k = 0;
    uint64_t *keep = malloc((n ? n : 1) * sizeof *keep);
    if (!keep) { PQclear(res); return MG_STORE_NOMEM; }
    for (size_t i = 0; i < n; i++) {
        uint64_t oop = (uint64_t)pgb_text_i64(res, (int)i, 0);
        if (held(oop, arg)) keep[k++] = oop;
    }
    PQclear(res);
    /* a round closed meanwhile: nothing happens */
    Buf b = { 0 };
    pgb_int8_array(&b, keep, k);
    free(keep);
    if (b.nomem) { free(b.p); return MG_STORE_NOMEM; }
    const char *pv[3] = { b.p, a, sid };
    int lens[3] = { (int)b.len, 0, 0 };
    int fmts[3] = { 1, 0, 0 };
    Oid types[3] = { OID_INT8ARRAY, 0, 0 };
    res = PQexecParams(r->conn,
                       "WITH open AS (SELECT 1 FROM mg_meta WHERE key = 'gc_round' AND value = $2::bigint FOR UPDATE),"
                       " k AS (UPDATE mg_gcdead SET kept = true WHERE oop = ANY($1) AND EXISTS (SELECT 1 FROM open))"
                       " INSERT INTO mg_gcvote SELECT $3::int, $2::bigint FROM open"
                       " ON CONFLICT (session) DO UPDATE SET round = excluded.round",
                       3, types, pv, lens, fmts, 0);
    free(b.p);
    if (!pgb_ok(res)) return pg_fail(r, res, "gc vote");
    PQclear(res);
    return MG_STORE_OK;
}

MgStoreErr
pg_gc_cancel(MgRepo *rr)
{
    PgRepo *r = (PgRepo *)rr;
    MgStoreErr e = pgb_writable(r);
    if (e) return e;
    return pgb_run_ok(r, "BEGIN; DELETE FROM mg_gcdead; DELETE FROM mg_gcvote;"
                     " UPDATE mg_meta SET value = 0 WHERE key = 'gc_round'; COMMIT", "cancel gc round");
}

/* Scans the newest records of oops[0..n) (absent ones: nothing), keeping the candidates they reference. */
static MgStoreErr
sweep_scan(PgRepo *r, MgRefScan scan, MgSweep *s, const uint64_t *oops, size_t n)
{
    MgStoreErr e;
    PGresult *res = with_oops(r, "SELECT DISTINCT ON (oop) oop, data FROM mg_obj WHERE oop = ANY($1)"
                                 " ORDER BY oop, version DESC", oops, n, NULL, "gc sweep", &e);
    if (!res) return e;
    for (int i = 0; i < PQntuples(res) && !e; i++) {
        if (PQgetisnull(res, i, 1)) continue;
        uint64_t oop = pgb_get_be64(PQgetvalue(res, i, 0));
        MgRecord rec;
        if ((e = pgb_decode(r, oop, 0, (const unsigned char *)PQgetvalue(res, i, 1), (size_t)PQgetlength(res, i, 1), &rec))) break;
        const char *why = scan(rec.data, rec.len, mg_sweep_keep, s);
        if (s->nomem) e = pgb_fail(r, MG_STORE_NOMEM, "gc sweep: out of memory");
        else if (why) e = pgb_fail(r, MG_STORE_CORRUPT, "record of OOP %llu does not scan: %s", (unsigned long long)oop, why);
    }
    PQclear(res);
    return e;
}

MgStoreErr
pg_gc_sweep(MgRepo *rr, uint64_t round, MgRefScan scan, MgGcSweep *out)
{
    PgRepo *r = (PgRepo *)rr;
    memset(out, 0, sizeof *out);
    MgStoreErr e = pgb_writable(r);
    if (e || (e = pgb_stone_may(r, "gc sweep"))) return e;
    MgSweep s = { 0 };
    uint64_t *written = NULL, *dead = NULL;
    size_t nwritten = 0, cwritten = 0;
    /* the commit token: no commit runs while the sweep decides */
    if ((e = pgb_run_ok(r, "BEGIN; SELECT pg_advisory_xact_lock(1)", "gc sweep"))) goto out;
    PGresult *res = pgb_run(r, GC_META);
    if (!pgb_ok(res) || PQntuples(res) != 1) { e = pg_fail(r, res, "gc sweep"); goto out; }
    uint64_t open = (uint64_t)pgb_text_i64(res, 0, 0), S = (uint64_t)pgb_text_i64(res, 0, 1), cur = (uint64_t)pgb_text_i64(res, 0, 9);
    PQclear(res);
    if (!round || open != round) {
        e = pgb_fail(r, MG_STORE_INVALID, "GC round %llu is not open", (unsigned long long)round);
        goto out;
    }
    /* (1) every live session voted */
    Votes vt;
    if ((e = gc_votes(r, round, &vt))) goto out;
    if (vt.waiting) {
        out->waiting = vt.waiting;
        out->waiting_pid = vt.waiting_pid;
        goto out;
    }
    /* (2) the commit log since S is whole */
    char a[24];
    snprintf(a, sizeof a, "%llu", (unsigned long long)S);
    const char *vals[1] = { a };
    res = pgb_query(r, "SELECT oops FROM mg_log WHERE seq > $1 ORDER BY seq", 1, vals, true, "gc sweep", &e);
    if (!res) goto out;
    uint64_t entries = (uint64_t)PQntuples(res);
    for (int i = 0; i < PQntuples(res); i++) {
        uint64_t *oops;
        size_t count;
        if (!pgb_parse_int8_array(PQgetvalue(res, i, 0), PQgetlength(res, i, 0), &oops, &count)) {
            PQclear(res);
            e = pgb_fail(r, MG_STORE_CORRUPT, "gc sweep: a commit-log entry does not decode");
            goto out;
        }
        if (nwritten + count > cwritten) {
            size_t cap = cwritten ? cwritten * 2 : 1024;
            while (cap < nwritten + count) cap *= 2;
            uint64_t *bigger = realloc(written, cap * sizeof *bigger);
            if (!bigger) { free(oops); PQclear(res); e = MG_STORE_NOMEM; goto out; }
            written = bigger;
            cwritten = cap;
        }
        memcpy(written + nwritten, oops, count * 8);
        nwritten += count;
        free(oops);
    }
    PQclear(res);
    if (entries != cur - S) {
        PQclear(pgb_run(r, "ROLLBACK"));
        pg_gc_cancel(rr);
        return pgb_fail(r, MG_STORE_CONFLICT, "the commit log since the round's mark (seq %llu) was trimmed: "
                    "round %llu dropped, start another", (unsigned long long)S, (unsigned long long)round);
    }
    /* (3) the candidates, the kept ones as the first work */
    res = pgb_run(r, "SELECT oop, kept FROM mg_gcdead ORDER BY oop");
    if (!pgb_ok(res)) { e = pg_fail(r, res, "gc sweep"); goto out; }
    size_t nc = (size_t)PQntuples(res);
    s.oop = malloc((nc ? nc : 1) * sizeof *s.oop);
    s.kept = malloc(nc ? nc : 1);
    if (!s.oop || !s.kept) { PQclear(res); e = MG_STORE_NOMEM; goto out; }
    for (size_t i = 0; i < nc; i++) {
        s.oop[i] = (uint64_t)pgb_text_i64(res, (int)i, 0);
        s.kept[i] = 0;
    }
    s.n = nc;
    for (size_t i = 0; i < nc; i++)
        if (PQgetvalue(res, (int)i, 1)[0] == 't') mg_sweep_keep(s.oop[i], 0, &s);
    PQclear(res);
    if (s.nomem) { e = MG_STORE_NOMEM; goto out; }
    /* (4) what records written since S reference is kept, and all a kept one reaches */
    if (nwritten) {
        qsort(written, nwritten, sizeof *written, pgb_cmp_u64);
        if ((e = sweep_scan(r, scan, &s, written, nwritten))) goto out;
    }
    while (s.nwork) {
        size_t n = s.nwork;
        uint64_t *batch = malloc(n * sizeof *batch);
        if (!batch) { e = MG_STORE_NOMEM; goto out; }
        memcpy(batch, s.work, n * sizeof *batch);
        s.nwork = 0;
        e = sweep_scan(r, scan, &s, batch, n);
        free(batch);
        if (e) goto out;
    }
    /* (5) the others go, every version of them */
    dead = malloc((nc ? nc : 1) * sizeof *dead);
    if (!dead) { e = MG_STORE_NOMEM; goto out; }
    size_t nd = 0;
    for (size_t i = 0; i < nc; i++) if (!s.kept[i]) dead[nd++] = s.oop[i];
    res = with_oops(r, "SELECT count(*), coalesce(sum(octet_length(data) - 8), 0)::bigint FROM (SELECT DISTINCT ON (oop) data"
                       " FROM mg_obj WHERE oop = ANY($1) ORDER BY oop, version DESC) t WHERE data IS NOT NULL",
                    dead, nd, NULL, "gc sweep", &e);
    if (!res) goto out;
    out->freed = pgb_get_be64(PQgetvalue(res, 0, 0));       /* binary results (with_oops) */
    out->bytes = pgb_get_be64(PQgetvalue(res, 0, 1));
    PQclear(res);
    res = with_oops(r, "DELETE FROM mg_obj WHERE oop = ANY($1)", dead, nd, NULL, "gc sweep", &e);
    if (!res) goto out;
    PQclear(res);
    out->candidates = s.n;
    out->kept = s.kept_count;
    /* (6) the round closes */
    char sql[768];
    snprintf(sql, sizeof sql,
             "DELETE FROM mg_gcdead; DELETE FROM mg_gcvote; UPDATE mg_meta SET value = 0 WHERE key = 'gc_round';"
             "UPDATE mg_meta SET value = %llu WHERE key = 'gc_last_round'; UPDATE mg_meta SET value = %llu WHERE key = 'gc_last_time';"
             "UPDATE mg_meta SET value = %llu WHERE key = 'gc_last_freed'; UPDATE mg_meta SET value = %llu WHERE key = 'gc_last_bytes';"
             "UPDATE mg_meta SET value = %llu WHERE key = 'gc_last_kept'; COMMIT",
             (unsigned long long)round, (unsigned long long)time(NULL), (unsigned long long)out->freed,
             (unsigned long long)out->bytes, (unsigned long long)out->kept);
    if ((e = pgb_run_ok(r, sql, "gc sweep"))) goto out;
    out->swept = true;
    free(written); free(dead); free(s.oop); free(s.kept); free(s.work);
    return MG_STORE_OK;
out:
    if (r->conn && PQtransactionStatus(r->conn) != PQTRANS_IDLE) PQclear(pgb_run(r, "ROLLBACK"));
    free(written); free(dead); free(s.oop); free(s.kept); free(s.work);
    return e;
}

