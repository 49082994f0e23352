/* pg_store_test.c -- unit tests of the PostgreSQL storage backend
 * (backend.h, pg_backend.c) on a database of its own, made on the server
 * $MAGLEV_PG_URL names (test/pg/with_server.sh; without it the test is
 * skipped, exit 77): initialisation, OOPs, commit/read, snapshot stability,
 * conflicts between processes, the read-ahead both ways, the commit log and
 * its trimming, a corrupt row, a process killed while committing, sessions,
 * locks and counters, a GC round, the backup export, the class index, the
 * stone token and commit waits, and the commit path (big commits through
 * COPY, the flush, reconnections).
 * Prints "N passed, M failed". */
#include "../../src/store/backend.h"
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "../../src/store/pg_dl.h"

static int passed, failed;
#define CHECK(c) do { if (c) passed++; else { failed++; fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #c); } } while (0)

void
mg_bug(const char *file, int line, const char *fmt, ...)
{
    fprintf(stderr, "bug at %s:%d %s\n", file, line, fmt);
    abort();
}

static char url[1024], admin[1024], db[64];

static MgRepo *
open_repo(void)
{
    MgRepo *r;
    MgStoreErr e = mg_repo_open(url, MG_REPO_CREATE, &r);
    if (e) { fprintf(stderr, "open: %s\n", mg_repo_error(r)); exit(2); }
    return r;
}

/* Runs one SQL command on the test's database (or the server's, with admin). */
static bool
sql(const char *where, const char *command)
{
    PGconn *c = PQconnectdb(where);
    PGresult *res = PQstatus(c) == CONNECTION_OK ? PQexec(c, command) : NULL;
    bool ok = res && (PQresultStatus(res) == PGRES_COMMAND_OK || PQresultStatus(res) == PGRES_TUPLES_OK);
    if (!ok) fprintf(stderr, "sql %s: %s", command, PQerrorMessage(c));
    PQclear(res);
    PQfinish(c);
    return ok;
}

static MgStoreErr
put(MgRepo *r, uint64_t oop, uint64_t expected, const char *s, uint64_t *seq)
{
    MgWrite w = { oop, expected, s, strlen(s), false };
    uint64_t conf[4];
    size_t nc;
    return mg_repo_commit(r, &w, 1, seq, conf, 4, &nc);
}

static bool
read_is(MgView *v, uint64_t oop, const char *s, uint64_t *version)
{
    MgRecord rec;
    if (mg_view_read(v, oop, &rec) != MG_STORE_OK) return false;
    if (version) *version = rec.version;
    return rec.len == strlen(s) && memcmp(rec.data, s, rec.len) == 0;
}

static void
log_count(uint64_t seq, const uint64_t *oops, size_t count, void *arg)
{
    (void)seq; (void)oops;
    *(size_t *)arg += count;
}

static void
count_live(const MgSessionEntry *s, void *arg)
{
    (void)s;
    (*(int *)arg)++;
}

static bool
count_record(uint64_t oop, MgStoreErr err, const MgRecord *rec, void *arg)
{
    (void)oop; (void)rec;
    if (err == MG_STORE_OK) (*(int *)arg)++;
    return true;
}

/* A payload format for the GC test: 8-byte OOPs, every one a reference. */
static const char *
scan_oops(const void *data, size_t len, void (*fn)(uint64_t oop, uint8_t type, void *arg), void *arg)
{
    if (len % 8) return "not a list of OOPs";
    for (size_t i = 0; i < len; i += 8) {
        uint64_t oop;
        memcpy(&oop, (const char *)data + i, 8);
        fn(oop, 0, arg);
    }
    return NULL;
}

static bool
held_none(uint64_t oop, void *arg)
{
    (void)oop; (void)arg;
    return false;
}

/* A payload format for the class-index test: 'C' and an 8-byte class OOP; anything else has none. */
static uint64_t
class_of_test(const void *data, size_t len)
{
    uint64_t cls = 0;
    if (len >= 9 && ((const char *)data)[0] == 'C') memcpy(&cls, (const char *)data + 1, 8);
    return cls;
}

static const char *
scan_none(const void *data, size_t len, void (*fn)(uint64_t oop, uint8_t type, void *arg), void *arg)
{
    (void)data; (void)len; (void)fn; (void)arg;
    return NULL;
}

typedef struct { uint64_t oops[16]; size_t n, stop; } Found;

static bool
found_oop(uint64_t oop, void *arg)
{
    Found *f = arg;
    if (f->n < 16) f->oops[f->n] = oop;
    f->n++;
    return !f->stop || f->n < f->stop;
}

/* Whether view v lists exactly want[0..n) as the instances of cls. */
static bool
lists(MgView *v, uint64_t cls, const uint64_t *want, size_t n)
{
    Found f = { { 0 }, 0, 0 };
    if (mg_view_instances(v, cls, found_oop, &f) != MG_STORE_OK || f.n != n) return false;
    for (size_t i = 0; i < n; i++) if (f.oops[i] != want[i]) return false;
    return true;
}

static bool
lists_now(MgRepo *r, uint64_t cls, const uint64_t *want, size_t n)
{
    MgView *v;
    if (mg_view_begin(r, &v) != MG_STORE_OK) return false;
    bool same = lists(v, cls, want, n);
    mg_view_end(v);
    return same;
}

/* Writes payload p (9 bytes) as the new version of oop. */
static bool
rewrite(MgRepo *r, uint64_t oop, const char *p)
{
    MgView *v;
    MgRecord rec;
    if (mg_view_begin(r, &v) != MG_STORE_OK) return false;
    bool got = mg_view_read(v, oop, &rec) == MG_STORE_OK;
    mg_view_end(v);
    MgWrite w = { oop, got ? rec.version : 0, p, 9, false };
    uint64_t seq, conf[2];
    size_t nc;
    return got && mg_repo_commit(r, &w, 1, &seq, conf, 2, &nc) == MG_STORE_OK;
}

/* The class index (pg_backend.c P7) on a database of its own: instances per
 * view, a become, a removal, the log trim, a GC sweep, and the upgrade of a
 * schema-1 database (the column filled for the rows it had). */
static void
class_index_tests(const char *base)
{
    char idb[80], iurl[1200], admin_cmd[160];
    snprintf(idb, sizeof idb, "%s_idx", db);
    snprintf(iurl, sizeof iurl, "%s/%s", base, idb);
    snprintf(admin_cmd, sizeof admin_cmd, "CREATE DATABASE %s", idb);
    if (!sql(admin, admin_cmd)) { failed++; return; }
    MgRepo *r;
    CHECK(mg_repo_open(iurl, MG_REPO_CREATE, &r) == MG_STORE_OK);
    mg_repo_set_class_of(r, class_of_test);
    uint64_t x, seq, conf[4];
    size_t nc;
    CHECK(mg_repo_alloc_oops(r, 4, &x) == MG_STORE_OK);
    const uint64_t K = MG_OOP_FIRST * 4, L = K + 8;
    char ck[9] = "C", cl[9] = "C";
    memcpy(ck + 1, &K, 8);
    memcpy(cl + 1, &L, 8);
    MgWrite w[4] = { { x, 0, ck, 9, false }, { x + 8, 0, ck, 9, false }, { x + 16, 0, ck, 9, false },
                     { x + 24, 0, cl, 9, false } };
    CHECK(mg_repo_commit(r, w, 4, &seq, conf, 4, &nc) == MG_STORE_OK);
    uint64_t first = seq;
    MgView *old;
    CHECK(mg_view_begin(r, &old) == MG_STORE_OK);
    CHECK(lists(old, K, (uint64_t[]){ x, x + 8, x + 16 }, 3));
    CHECK(lists(old, L, (uint64_t[]){ x + 24 }, 1));
    CHECK(lists(old, L + 8, NULL, 0));
    Found f = { { 0 }, 0, 2 };
    CHECK(mg_view_instances(old, K, found_oop, &f) == MG_STORE_OK && f.n == 2);      /* fn stops it */
    /* x+8 becomes an L, x+16 is removed, one more record without a class */
    MgWrite w2[3] = { { x + 8, first, cl, 9, false }, { x + 16, first, NULL, 0, true }, { x + 32, 0, "plain", 5, false } };
    CHECK(mg_repo_commit(r, w2, 3, &seq, conf, 4, &nc) == MG_STORE_OK);
    CHECK(lists_now(r, K, (uint64_t[]){ x }, 1));
    CHECK(lists_now(r, L, (uint64_t[]){ x + 8, x + 24 }, 2));
    CHECK(lists(old, K, (uint64_t[]){ x, x + 8, x + 16 }, 3));                          /* the old view keeps its own */
    mg_view_end(old);
    CHECK(mg_repo_log_trim(r, seq) == MG_STORE_OK);
    CHECK(lists_now(r, K, (uint64_t[]){ x }, 1));
    CHECK(lists_now(r, L, (uint64_t[]){ x + 8, x + 24 }, 2));
    /* a GC sweep reclaims x: gone from the index too */
    uint32_t id;
    uint64_t round;
    CHECK(mg_repo_session_begin(r, "gc", &id) == MG_STORE_OK);
    CHECK(mg_repo_gc_open(r, seq, &x, 1, &round) == MG_STORE_OK);
    CHECK(mg_repo_gc_vote(r, round, held_none, NULL) == MG_STORE_OK);
    MgGcSweep sw;
    CHECK(mg_repo_gc_sweep(r, round, scan_none, &sw) == MG_STORE_OK && sw.swept && sw.freed == 1);
    CHECK(lists_now(r, K, NULL, 0));
    mg_repo_close(r);

    /* a schema-1 database: no class column, the commit function of four arguments */
    CHECK(sql(iurl, "ALTER TABLE mg_obj DROP COLUMN cls;"
                    " DROP FUNCTION mg_commit(bigint[], bigint[], bytea[], bigint[], bigint[], bigint, text);"
                    " CREATE FUNCTION mg_commit(bigint[], bigint[], bytea[], bigint[]) RETURNS bigint[]"
                    "   LANGUAGE sql AS 'SELECT NULL::bigint[]';"
                    " DELETE FROM mg_meta WHERE key = 'classidx'; UPDATE mg_meta SET value = 1 WHERE key = 'schema'"));
    CHECK(mg_repo_open(iurl, MG_REPO_RDONLY, &r) == MG_STORE_VERSION && strstr(mg_repo_error(r), "predates the class index"));
    mg_repo_close(r);
    CHECK(mg_repo_open(iurl, MG_REPO_CREATE, &r) == MG_STORE_OK);      /* upgraded: column, index, function */
    MgView *v;
    CHECK(mg_view_begin(r, &v) == MG_STORE_OK && mg_view_instances(v, L, found_oop, &f) == MG_STORE_INVALID);
    mg_view_end(v);
    mg_repo_set_class_of(r, class_of_test);                              /* fills the existing rows */
    CHECK(lists_now(r, L, (uint64_t[]){ x + 8, x + 24 }, 2));
    MgRecord rec;
    CHECK(mg_view_begin(r, &v) == MG_STORE_OK && mg_view_read(v, x + 24, &rec) == MG_STORE_OK);
    mg_view_end(v);
    MgWrite w3 = { x + 24, rec.version, ck, 9, false };
    CHECK(mg_repo_commit(r, &w3, 1, &seq, conf, 4, &nc) == MG_STORE_OK);
    CHECK(lists_now(r, K, (uint64_t[]){ x + 24 }, 1));
    CHECK(lists_now(r, L, (uint64_t[]){ x + 8 }, 1));
    /* below the first instance a listing found, only what the log names since can be one (P7) */
    CHECK(rewrite(r, x + 8, ck));
    CHECK(lists_now(r, K, (uint64_t[]){ x + 8, x + 24 }, 2));
    CHECK(rewrite(r, x + 8, cl));
    CHECK(lists_now(r, K, (uint64_t[]){ x + 24 }, 1));
    CHECK(rewrite(r, x + 8, ck));
    MgRepoStat ist;
    CHECK(mg_repo_stat(r, &ist) == MG_STORE_OK && mg_repo_log_trim(r, ist.seq) == MG_STORE_OK);
    CHECK(lists_now(r, K, (uint64_t[]){ x + 8, x + 24 }, 2));            /* the log is not whole: all walked */
    CHECK(lists_now(r, L, NULL, 0));
    mg_repo_close(r);
    CHECK(mg_repo_open(iurl, MG_REPO_RDONLY, &r) == MG_STORE_OK);      /* schema 2 now */
    CHECK(lists_now(r, K, (uint64_t[]){ x + 8, x + 24 }, 2));
    mg_repo_close(r);
    snprintf(admin_cmd, sizeof admin_cmd, "DROP DATABASE %s WITH (FORCE)", idb);
    sql(admin, admin_cmd);
}

/* The stone token (pg_admin.c A1): one holder among handles; asking again
 * keeps it; it passes on when its holder closes; a stone's handle without it
 * refuses to trim. Commit waits (A2-A4): a commit of another process ends a
 * wait, a wait without commit times out, the descriptor exists once waited. */
static void
token_and_wait_tests(void)
{
    MgRepo *s1 = open_repo(), *s2 = open_repo();
    MgStoneToken t;
    CHECK(mg_repo_stone_token(s1, &t) == MG_STORE_OK && t.held);
    CHECK(mg_repo_stone_token(s1, &t) == MG_STORE_OK && t.held);          /* again: still ours */
    CHECK(mg_repo_stone_token(s2, &t) == MG_STORE_OK && !t.held && t.holder_pid == (int)getpid());
    CHECK(mg_repo_log_trim(s2, 1) == MG_STORE_LOCKED && strstr(mg_repo_error(s2), "stone token"));
    CHECK(mg_repo_log_trim(s1, 0) == MG_STORE_OK);
    mg_repo_close(s1);                      /* the server drops the lock when it sees the connection end */
    bool got = false;
    for (int i = 0; i < 2000 && !got; i++) {
        got = mg_repo_stone_token(s2, &t) == MG_STORE_OK && t.held;
        if (!got) usleep(5000);
    }
    CHECK(got);
    mg_repo_close(s2);

    MgRepo *w = open_repo();
    MgRepoStat st;
    uint64_t now, seq;
    CHECK(mg_repo_stat(w, &st) == MG_STORE_OK);
    CHECK(mg_repo_commit_fd(w) == -1);                                   /* before the first wait */
    CHECK(mg_repo_wait_commit(w, st.seq, 0, &now) == MG_STORE_OK && now == st.seq);
    CHECK(mg_repo_commit_fd(w) >= 0);
    CHECK(mg_repo_wait_commit(w, now, 50, &seq) == MG_STORE_OK && seq == now);     /* nothing committed */
    uint64_t oop;
    CHECK(mg_repo_alloc_oops(w, 1, &oop) == MG_STORE_OK);
    pid_t kid = fork();
    if (kid == 0) {
        MgRepo *c = open_repo();
        uint64_t s;
        _exit(put(c, oop, 0, "news", &s) == MG_STORE_OK ? 0 : 1);
    }
    CHECK(mg_repo_wait_commit(w, now, 60000, &seq) == MG_STORE_OK && seq == now + 1);
    int status;
    waitpid(kid, &status, 0);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    mg_repo_close(w);
}

/* The commit path on a database of its own (pg_backend.c P2, P9): big commits
 * through COPY (records read back exactly, a conflict and a dangling
 * reference write nothing, a process killed in the middle of them leaves
 * whole commits), the sequence gap of the first commit after a server start,
 * a commit refused after a reconnection, and the upgrade of a schema-2
 * database (its commit function replaced, mg_flush added). */
static void
commit_path_tests(const char *base)
{
    char cdb[80], curl[1200], admin_cmd[160];
    snprintf(cdb, sizeof cdb, "%s_commit", db);
    snprintf(curl, sizeof curl, "%s/%s", base, cdb);
    snprintf(admin_cmd, sizeof admin_cmd, "CREATE DATABASE %s", cdb);
    if (!sql(admin, admin_cmd)) { failed++; return; }
    MgRepo *r;
    CHECK(mg_repo_open(curl, MG_REPO_CREATE, &r) == MG_STORE_OK);
    mg_repo_set_ref_scan(r, scan_oops);
    enum { BIG = 5000 };
    uint64_t x, seq, conf[4];
    size_t nc;
    CHECK(mg_repo_alloc_oops(r, 2 * BIG, &x) == MG_STORE_OK);
    /* a big commit: payloads of 0..7 OOPs (references to the one before), one of 3 MiB (more than a COPY chunk) */
    uint64_t (*pay)[8] = calloc(BIG, sizeof *pay);
    size_t *plen = calloc(BIG, sizeof *plen);
    MgWrite *w = calloc(2 * BIG, sizeof *w);
    size_t hugelen = (size_t)3 << 20;
    uint64_t *huge = calloc(hugelen / 8, 8);
    for (size_t k = 0; k < hugelen / 8; k++) huge[k] = x;
    for (int i = 0; i < BIG; i++) {
        plen[i] = i ? 8 * (size_t)(i % 8) : 0;
        for (size_t k = 0; k < plen[i] / 8; k++) pay[i][k] = x + 8 * (uint64_t)(i - 1);
        w[i] = (MgWrite){ x + 8 * (uint64_t)i, 0, pay[i], plen[i], false };
    }
    w[BIG / 2].data = huge;
    w[BIG / 2].len = hugelen;
    CHECK(mg_repo_commit(r, w, BIG, &seq, conf, 4, &nc) == MG_STORE_OK && seq == 1);
    MgView *v;
    MgRecord rec;
    bool same = true;
    CHECK(mg_view_begin(r, &v) == MG_STORE_OK);
    for (int i = 0; i < BIG && same; i++)
        same = mg_view_read(v, w[i].oop, &rec) == MG_STORE_OK && rec.version == 1 && rec.len == w[i].len
               && (!rec.len || !memcmp(rec.data, w[i].data, rec.len));
    CHECK(same);
    CHECK(mg_view_read(v, x + 8 * BIG, &rec) == MG_STORE_NOTFOUND);
    mg_view_end(v);
    size_t logged = 0;
    CHECK(mg_repo_log_since(r, 0, log_count, &logged) == MG_STORE_OK && logged == BIG);

    /* a big commit with one stale write: a conflict naming it, nothing written */
    for (int i = 0; i < BIG; i++) w[i] = (MgWrite){ x + 8 * (uint64_t)i, 1, pay[0], 8, false };
    for (int i = 0; i < BIG; i++) w[BIG + i] = (MgWrite){ x + 8 * (uint64_t)(BIG + i), 0, pay[0], 8, false };
    w[7].expected_version = 0;
    CHECK(mg_repo_commit(r, w, 2 * BIG, &seq, conf, 4, &nc) == MG_STORE_CONFLICT && nc == 1 && conf[0] == x + 56);
    /* a big commit referencing a record that does not exist: dangling, nothing written */
    w[7].expected_version = 1;
    uint64_t ghost[1] = { x + 8 * (uint64_t)(2 * BIG) + 8000 };
    w[BIG + 100].data = ghost;
    CHECK(mg_repo_commit(r, w, 2 * BIG, &seq, conf, 4, &nc) == MG_STORE_DANGLING);
    char want[80];
    snprintf(want, sizeof want, "object %llu references object %llu", (unsigned long long)w[BIG + 100].oop,
             (unsigned long long)ghost[0]);
    CHECK(strstr(mg_repo_error(r), want) != NULL);
    MgRepoStat st;
    CHECK(mg_repo_stat(r, &st) == MG_STORE_OK && st.seq == 1 && st.records == BIG);
    CHECK(mg_view_begin(r, &v) == MG_STORE_OK);
    CHECK(mg_view_read(v, x + 8 * BIG, &rec) == MG_STORE_NOTFOUND);
    CHECK(mg_view_read(v, x + 8, &rec) == MG_STORE_OK && rec.version == 1 && rec.len == 8);
    mg_view_end(v);
    /* and the same commit without the ghost goes through: the new rows, the rewritten ones, a removal */
    w[BIG + 100].data = pay[0];
    w[3].remove = true;
    w[3].data = NULL;
    w[3].len = 0;
    CHECK(mg_repo_commit(r, w, 2 * BIG, &seq, conf, 4, &nc) == MG_STORE_OK && seq == 2);
    CHECK(mg_view_begin(r, &v) == MG_STORE_OK);
    CHECK(mg_view_read(v, x + 8 * (2 * BIG - 1), &rec) == MG_STORE_OK && rec.version == 2 && rec.len == 8
          && !memcmp(rec.data, pay[0], 8));
    CHECK(mg_view_read(v, x + 8 * (BIG / 2), &rec) == MG_STORE_OK && rec.version == 2 && rec.len == 8);
    CHECK(mg_view_read(v, x + 24, &rec) == MG_STORE_NOTFOUND);
    mg_view_end(v);
    free(huge);

    /* a process killed while making big commits leaves whole commits only */
    mg_repo_set_ref_scan(r, NULL);
    pid_t pid = fork();
    if (pid == 0) {
        MgRepo *cr;
        if (mg_repo_open(curl, MG_REPO_CREATE, &cr)) _exit(2);
        static char blob[200];
        MgWrite *kw = calloc(BIG, sizeof *kw);
        for (uint64_t round = 0;; round++) {
            MgView *cv;
            mg_view_begin(cr, &cv);
            memset(blob, 'a' + (int)(round % 26), sizeof blob);
            for (int j = 0; j < BIG; j++) {
                kw[j] = (MgWrite){ x + 8 * (uint64_t)(BIG + j), 0, blob, sizeof blob, false };
                MgRecord cur;
                if (mg_view_read(cv, kw[j].oop, &cur) == MG_STORE_OK) kw[j].expected_version = cur.version;
            }
            mg_view_end(cv);
            uint64_t s2, cf[1];
            size_t ncf;
            mg_repo_commit(cr, kw, BIG, &s2, cf, 1, &ncf);
        }
    }
    usleep(1500000);
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    CHECK(mg_view_begin(r, &v) == MG_STORE_OK);
    bool whole = true;
    uint64_t first = 0;
    char letter = 0;
    for (int j = 0; j < BIG && whole; j++) {
        if (mg_view_read(v, x + 8 * (uint64_t)(BIG + j), &rec) != MG_STORE_OK) { whole = false; break; }
        if (j == 0) { first = rec.version; letter = rec.len ? ((const char *)rec.data)[0] : 0; }
        whole = rec.version == first && (first == 2 ? rec.len == 8 : rec.len == 200 && ((const char *)rec.data)[199] == letter);
    }
    CHECK(whole);
    mg_view_end(v);

    /* a commit returns once the WAL is on disk past it: what was written before it began is flushed */
    PGconn *watch = PQconnectdb(curl);
    bool flushed = PQstatus(watch) == CONNECTION_OK;
    for (int i = 0; i < 5 && flushed; i++) {
        PGresult *lsn = PQexec(watch, "SELECT pg_current_wal_insert_lsn()");
        char before_lsn[64];
        snprintf(before_lsn, sizeof before_lsn, "%s", PQresultStatus(lsn) == PGRES_TUPLES_OK ? PQgetvalue(lsn, 0, 0) : "0/0");
        PQclear(lsn);
        CHECK(mg_view_begin(r, &v) == MG_STORE_OK && mg_view_read(v, x, &rec) == MG_STORE_OK);
        mg_view_end(v);
        CHECK(put(r, x, rec.version, "durable", &seq) == MG_STORE_OK);
        const char *param[1] = { before_lsn };
        lsn = PQexecParams(watch, "SELECT pg_current_wal_flush_lsn() > $1::pg_lsn", 1, NULL, param, NULL, NULL, 0);
        flushed = PQresultStatus(lsn) == PGRES_TUPLES_OK && PQgetvalue(lsn, 0, 0)[0] == 't';
        PQclear(lsn);
    }
    CHECK(flushed);
    PQfinish(watch);

    /* the first commit after the server started anew: its sequence after a gap (P2) */
    CHECK(mg_repo_stat(r, &st) == MG_STORE_OK);
    uint64_t before = st.seq;
    CHECK(sql(curl, "UPDATE mg_meta SET value = 0 WHERE key = 'boot'"));    /* as if the server had restarted */
    mg_repo_close(r);                  /* whose connections it ended: a connection checks the start once (schema 9) */
    CHECK(mg_repo_open(curl, MG_REPO_CREATE, &r) == MG_STORE_OK);
    CHECK(mg_view_begin(r, &v) == MG_STORE_OK && mg_view_read(v, x, &rec) == MG_STORE_OK);
    mg_view_end(v);
    CHECK(put(r, x, rec.version, "after", &seq) == MG_STORE_OK && seq == before + 1000001);
    CHECK(put(r, x, seq, "again", &seq) == MG_STORE_OK && seq == before + 1000002);

    /* a connection lost since the view began: that transaction's commit is refused, the next one goes */
    int ready[2], go[2];
    CHECK(pipe(ready) == 0 && pipe(go) == 0);
    pid = fork();
    if (pid == 0) {
        MgRepo *cr;
        if (mg_repo_open(curl, MG_REPO_CREATE, &cr)) _exit(2);
        MgView *cv;
        MgRecord cur;
        char c = 1, b;
        if (mg_view_begin(cr, &cv) || mg_view_read(cv, x, &cur)) _exit(3);
        if (write(ready[1], &c, 1) != 1 || read(go[0], &b, 1) != 1) _exit(4);
        uint64_t s2, cf[1];
        size_t ncf;
        MgStoreErr e1 = mg_repo_commit(cr, &(MgWrite){ x, cur.version, "lost", 4, false }, 1, &s2, cf, 1, &ncf);
        MgStoreErr e2 = mg_repo_commit(cr, &(MgWrite){ x, cur.version, "lost", 4, false }, 1, &s2, cf, 1, &ncf);
        bool said = strstr(mg_repo_error(cr), "was lost since this transaction's view began") != NULL;
        mg_view_end(cv);
        if (mg_view_begin(cr, &cv) || mg_view_read(cv, x, &cur)) _exit(5);
        MgStoreErr e3 = mg_repo_commit(cr, &(MgWrite){ x, cur.version, "found", 5, false }, 1, &s2, cf, 1, &ncf);
        mg_view_end(cv);
        _exit(e1 == MG_STORE_IO && e2 == MG_STORE_IO && said && e3 == MG_STORE_OK ? 0 : 10 + (int)e1);
    }
    char c;
    CHECK(read(ready[0], &c, 1) == 1);
    char kill_sql[200];
    snprintf(kill_sql, sizeof kill_sql, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
             " WHERE application_name LIKE 'maglev %d view %%'", (int)pid);
    CHECK(sql(admin, kill_sql));
    CHECK(write(go[1], &c, 1) == 1);
    int status;
    waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK(mg_view_begin(r, &v) == MG_STORE_OK && read_is(v, x, "found", NULL));
    mg_view_end(v);
    mg_repo_close(r);

    /* a database of schema 2: its commit function (a stand-in that commits nothing) is replaced and
     * mg_save and mg_flush made on the first writable open; a read-only open reads it as it is */
    CHECK(sql(curl, "DROP PROCEDURE mg_save; DROP FUNCTION mg_flush(text);"
                    " DROP FUNCTION mg_commit(bigint[], bigint[], bytea[], bigint[], bigint[], bigint, text);"
                    " CREATE FUNCTION mg_commit(bigint[], bigint[], bytea[], bigint[], bigint[]) RETURNS bigint[]"
                    "   LANGUAGE sql AS 'SELECT NULL::bigint[]';"
                    " DELETE FROM mg_meta WHERE key = 'boot'; UPDATE mg_meta SET value = 2 WHERE key = 'schema'"));
    CHECK(mg_repo_open(curl, MG_REPO_RDONLY, &r) == MG_STORE_OK);
    CHECK(mg_view_begin(r, &v) == MG_STORE_OK && read_is(v, x, "found", NULL));
    mg_view_end(v);
    mg_repo_close(r);
    CHECK(mg_repo_open(curl, MG_REPO_CREATE, &r) == MG_STORE_OK);
    CHECK(mg_repo_stat(r, &st) == MG_STORE_OK);
    CHECK(mg_view_begin(r, &v) == MG_STORE_OK && mg_view_read(v, x, &rec) == MG_STORE_OK);
    mg_view_end(v);
    CHECK(put(r, x, rec.version, "upgraded", &seq) == MG_STORE_OK && seq == st.seq + 1);
    CHECK(mg_view_begin(r, &v) == MG_STORE_OK && read_is(v, x, "upgraded", NULL));
    mg_view_end(v);
    CHECK(sql(curl, "DO $$ BEGIN IF (SELECT value FROM mg_meta WHERE key = 'schema') <> 9"
                    " OR to_regprocedure('mg_flush(text)') IS NULL OR to_regprocedure('mg_save(bigint[], bigint[], bytea[],"
                    " bigint[], bigint[], bigint, text, boolean, bigint[], bigint[])') IS NULL"
                    " OR to_regprocedure('mg_commit(bigint[], bigint[], bytea[], bigint[], bigint[])') IS NOT NULL"
                    " THEN RAISE 'not upgraded'; END IF; END $$"));
    mg_repo_close(r);

    /* a database of schema 4: its mg_save (a stand-in that fails) is replaced on the first writable
     * open, which a read-only open leaves as it is; commits then bring the next view's log along */
    CHECK(sql(curl, "CREATE OR REPLACE PROCEDURE mg_save(p_oops bigint[], p_expect bigint[], p_data bytea[], p_refs bigint[],"
                    " p_cls bigint[], p_since bigint, p_app text, p_flush boolean, INOUT ret bigint[], INOUT lg bigint[])"
                    " LANGUAGE plpgsql AS $$ BEGIN RAISE 'the schema-4 mg_save'; END $$;"
                    " ALTER TABLE mg_log DROP COLUMN cid;"           /* schema 8's */
                    " UPDATE mg_meta SET value = 4 WHERE key = 'schema'"));
    CHECK(mg_repo_open(curl, MG_REPO_RDONLY, &r) == MG_STORE_OK);
    CHECK(mg_view_begin(r, &v) == MG_STORE_OK && read_is(v, x, "upgraded", NULL));
    mg_view_end(v);
    mg_repo_close(r);
    CHECK(sql(curl, "DO $$ BEGIN IF (SELECT value FROM mg_meta WHERE key = 'schema') <> 4 THEN RAISE 'upgraded'; END IF; END $$"));
    MgRepo *r2;
    CHECK(mg_repo_open(curl, MG_REPO_CREATE, &r) == MG_STORE_OK);
    CHECK(mg_repo_open(curl, MG_REPO_CREATE, &r2) == MG_STORE_OK);
    CHECK(sql(curl, "DO $$ BEGIN IF (SELECT value FROM mg_meta WHERE key = 'schema') <> 9 OR (SELECT prosrc FROM pg_proc WHERE proname = 'mg_commit') NOT LIKE '%IF k < cardinality(p_oops) THEN top%' OR (SELECT prosrc FROM pg_proc WHERE proname = 'mg_commit') NOT LIKE '%maglev.booted%' OR (SELECT prosrc FROM pg_proc WHERE proname = 'mg_commit') NOT LIKE '%FROM mg_lock l%'"
                    " OR to_regclass('mg_log') IS NULL OR NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'mg_log'::regclass AND attname = 'cid')"
                    " THEN RAISE 'not upgraded'; END IF; END $$"));
    CHECK(mg_view_begin(r, &v) == MG_STORE_OK && mg_view_read(v, x, &rec) == MG_STORE_OK);
    uint64_t v0 = mg_view_seq(v), y, s5;
    mg_view_end(v);
    CHECK(mg_repo_alloc_oops(r2, 1, &y) == MG_STORE_OK);
    CHECK(put(r2, y, 0, "other", &s5) == MG_STORE_OK && s5 == v0 + 1);   /* another commit after r's view */
    CHECK(put(r, x, rec.version, "five", &seq) == MG_STORE_OK && seq == s5 + 1);
    CHECK(sql(curl, "DO $$ BEGIN IF (SELECT cid FROM mg_log ORDER BY seq DESC LIMIT 1) IS NULL"   /* P10: the connection's id */
                    " THEN RAISE 'no cid'; END IF; END $$"));
    size_t since = 0;
    CHECK(mg_view_begin(r, &v) == MG_STORE_OK && mg_view_seq(v) == seq && read_is(v, x, "five", NULL)
          && read_is(v, y, "other", NULL));
    CHECK(mg_repo_log_since(r, v0, log_count, &since) == MG_STORE_OK && since == 2);   /* both commits */
    mg_view_end(v);
    mg_repo_close(r2);
    mg_repo_close(r);
    free(pay);
    free(plen);
    free(w);
    snprintf(admin_cmd, sizeof admin_cmd, "DROP DATABASE %s WITH (FORCE)", cdb);
    sql(admin, admin_cmd);
}

typedef struct { uint64_t seq[8]; uint64_t first[8]; size_t count[8]; size_t n; } LogSeen;

static void
log_seen(uint64_t seq, const uint64_t *oops, size_t count, void *arg)
{
    LogSeen *l = arg;
    if (l->n < 8) {
        l->seq[l->n] = seq;
        l->first[l->n] = count ? oops[0] : 0;
        l->count[l->n] = count;
    }
    l->n++;
}

/* The view a commit brings along (P6): after a commit, the next view is at
 * its seq, sees what others committed before it, and the log since the
 * previous view names their commits and its own; a second commit without a
 * view between, or a conflict, leaves the next view to a query. The
 * connection shows the view (P4). On a connection that does not flush too. */
static void
next_view_tests(int flags)
{
    MgRepo *a, *b;
    CHECK(mg_repo_open(url, MG_REPO_CREATE | flags, &a) == MG_STORE_OK);
    CHECK(mg_repo_open(url, MG_REPO_CREATE, &b) == MG_STORE_OK);
    uint64_t x, y, s0, s1, s2, s3, s4, conf[4];
    size_t nc;
    CHECK(mg_repo_alloc_oops(a, 2, &x) == MG_STORE_OK);
    y = x + 8;
    MgView *v;
    CHECK(mg_view_begin(a, &v) == MG_STORE_OK);
    s0 = mg_view_seq(v);
    mg_view_end(v);
    CHECK(put(b, y, 0, "b1", &s1) == MG_STORE_OK);
    CHECK(put(a, x, 0, "a1", &s2) == MG_STORE_OK && s2 > s1 && s1 > s0);
    CHECK(mg_view_begin_next(a, &v) == MG_STORE_OK && mg_view_seq(v) == s2);
    CHECK(read_is(v, y, "b1", NULL) && read_is(v, x, "a1", NULL));
    LogSeen l = { 0 };
    CHECK(mg_repo_log_since(a, s0, log_seen, &l) == MG_STORE_OK && l.n == 2);
    CHECK(l.seq[0] == s1 && l.first[0] == y && l.count[0] == 1 && l.seq[1] == s2 && l.first[1] == x && l.count[1] == 1);
    char q[200];
    snprintf(q, sizeof q, "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name = "
             "'maglev %d view %llu') THEN RAISE 'not shown'; END IF; END $$", (int)getpid(), (unsigned long long)s2);
    CHECK(sql(admin, q));
    mg_view_end(v);
    /* two commits, no view between */
    CHECK(put(a, x, s2, "a2", &s3) == MG_STORE_OK && put(a, x, s3, "a3", &s4) == MG_STORE_OK && s4 == s3 + 1);
    CHECK(mg_view_begin_next(a, &v) == MG_STORE_OK && mg_view_seq(v) == s4 && read_is(v, x, "a3", NULL));
    memset(&l, 0, sizeof l);
    CHECK(mg_repo_log_since(a, s2, log_seen, &l) == MG_STORE_OK && l.n == 2 && l.seq[0] == s3 && l.seq[1] == s4);
    mg_view_end(v);
    /* a conflict: the next view is read from the database, after the other commit */
    CHECK(put(b, x, s4, "b2", &s1) == MG_STORE_OK);
    CHECK(mg_repo_commit(a, &(MgWrite){ x, s4, "a4", 2, false }, 1, &s3, conf, 4, &nc) == MG_STORE_CONFLICT
          && nc == 1 && conf[0] == x);
    CHECK(mg_view_begin_next(a, &v) == MG_STORE_OK && mg_view_seq(v) >= s1 && read_is(v, x, "b2", NULL));
    mg_view_end(v);
    /* a plain view after a commit is the newest one: it sees a commit made after ours */
    CHECK(mg_view_begin(a, &v) == MG_STORE_OK && read_is(v, y, "b1", &s3));
    mg_view_end(v);
    CHECK(put(a, y, s3, "a5", &s2) == MG_STORE_OK && put(b, y, s2, "b3", &s4) == MG_STORE_OK && s4 > s2);
    CHECK(mg_view_begin(a, &v) == MG_STORE_OK && mg_view_seq(v) >= s4 && read_is(v, y, "b3", NULL));
    mg_view_end(v);
    mg_repo_close(a);
    mg_repo_close(b);
}

int
main(void)
{
    /* the reads of the database itself: a row this test damages in place after
     * reading it would come from the host cache (test/persist/pg_cache.sh) */
    setenv("MAGLEV_CACHE_DIR", "off", 1);
    const char *base = getenv("MAGLEV_PG_URL");
    if (!base || !*base) {
        printf("no PostgreSQL server (MAGLEV_PG_URL; test/pg/with_server.sh starts one)\n");
        return 77;
    }
    char why[300];
    if (!mg_pq_load(why, sizeof why)) {             /* the test's own connections are libpq's too */
        printf("%s\n", why);
        return 1;
    }
    snprintf(db, sizeof db, "t_unit_%d", (int)getpid());
    snprintf(admin, sizeof admin, "%s/postgres", base);
    snprintf(url, sizeof url, "%s/%s", base, db);
    char command[256];
    snprintf(command, sizeof command, "CREATE DATABASE %s", db);
    if (!sql(admin, command)) return 2;

    /* a database that does not exist is a clear error */
    MgRepo *r;
    char missing[1100];
    snprintf(missing, sizeof missing, "%s/no_such_database", base);
    CHECK(mg_repo_open(missing, MG_REPO_CREATE, &r) == MG_STORE_IO && strstr(mg_repo_error(r), "does not exist"));
    mg_repo_close(r);

    /* the empty database is initialised on first use */
    r = open_repo();
    CHECK(!strcmp(mg_repo_backend(r), "postgresql"));
    MgRepoStat st;
    CHECK(mg_repo_stat(r, &st) == MG_STORE_OK);
    CHECK(st.seq == 0 && st.format == MG_STORE_FORMAT && st.next_oop == MG_OOP_FIRST && st.records == 0);
    uint64_t a, b;
    CHECK(mg_repo_alloc_oops(r, 100, &a) == MG_STORE_OK);
    CHECK(mg_repo_alloc_oops(r, 100, &b) == MG_STORE_OK);
    CHECK(a == MG_OOP_FIRST && b == a + 800);

    /* commit and read back; views are stable */
    uint64_t seq, ver;
    CHECK(put(r, a, 0, "hello", &seq) == MG_STORE_OK && seq == 1);
    MgView *v1, *v2;
    CHECK(mg_view_begin(r, &v1) == MG_STORE_OK && mg_view_seq(v1) == 1);
    CHECK(read_is(v1, a, "hello", &ver) && ver == 1);
    MgRecord rec;
    CHECK(mg_view_read(v1, a + 8, &rec) == MG_STORE_NOTFOUND);
    CHECK(put(r, a, 1, "world", &seq) == MG_STORE_OK && seq == 2);
    CHECK(read_is(v1, a, "hello", NULL));
    CHECK(mg_view_begin(r, &v2) == MG_STORE_OK);
    CHECK(read_is(v2, a, "world", &ver) && ver == 2);
    mg_view_end(v2);

    /* a stale write conflicts and writes nothing */
    MgWrite ws[2] = { { a, 1, "stale", 5, false }, { b, 0, "new", 3, false } };
    uint64_t conf[4];
    size_t nc;
    CHECK(mg_repo_commit(r, ws, 2, &seq, conf, 4, &nc) == MG_STORE_CONFLICT);
    CHECK(nc == 1 && conf[0] == a);
    mg_view_end(v1);
    CHECK(mg_view_begin(r, &v1) == MG_STORE_OK && mg_view_seq(v1) == 2);
    CHECK(mg_view_read(v1, b, &rec) == MG_STORE_NOTFOUND);
    mg_view_end(v1);

    /* three processes increment one record 100 times each, retrying on conflicts */
    CHECK(put(r, b, 0, "0", &seq) == MG_STORE_OK);
    enum { KIDS = 3, ROUNDS = 100 };
    for (int k = 0; k < KIDS; k++) {
        if (fork() == 0) {
            MgRepo *cr = open_repo();
            for (int i = 0; i < ROUNDS; i++) {
                for (;;) {
                    MgView *cv;
                    MgRecord cur;
                    if (mg_view_begin(cr, &cv) || mg_view_read(cv, b, &cur)) _exit(3);
                    char buf[32];
                    size_t len = cur.len < sizeof buf - 1 ? cur.len : sizeof buf - 1;
                    memcpy(buf, cur.data, len);
                    buf[len] = '\0';
                    int n = snprintf(buf, sizeof buf, "%d", atoi(buf) + 1);
                    MgWrite w = { b, cur.version, buf, (size_t)n, false };
                    uint64_t s2, cf[2];
                    size_t ncf;
                    MgStoreErr e = mg_repo_commit(cr, &w, 1, &s2, cf, 2, &ncf);
                    mg_view_end(cv);
                    if (e == MG_STORE_OK) break;
                    if (e != MG_STORE_CONFLICT) _exit(5);
                }
            }
            mg_repo_close(cr);
            _exit(0);
        }
    }
    int kids_ok = 0;
    for (int k = 0; k < KIDS; k++) {
        int status;
        wait(&status);
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0) kids_ok++;
    }
    CHECK(kids_ok == KIDS);
    char expect[16];
    snprintf(expect, sizeof expect, "%d", KIDS * ROUNDS);
    CHECK(mg_view_begin(r, &v1) == MG_STORE_OK && read_is(v1, b, expect, NULL));
    mg_view_end(v1);

    /* the read-ahead, upwards and downwards, reads what was written */
    enum { MANY = 3000 };
    uint64_t many;
    CHECK(mg_repo_alloc_oops(r, MANY, &many) == MG_STORE_OK);
    MgWrite *mw = calloc(MANY, sizeof *mw);
    char (*texts)[16] = calloc(MANY, sizeof *texts);
    for (int i = 0; i < MANY; i++) {
        snprintf(texts[i], sizeof texts[i], "r%d", i);
        mw[i] = (MgWrite){ many + 8 * (uint64_t)i, 0, texts[i], strlen(texts[i]), false };
    }
    CHECK(mg_repo_commit(r, mw, MANY, &seq, conf, 4, &nc) == MG_STORE_OK);
    bool up = true, down = true;
    CHECK(mg_view_begin(r, &v1) == MG_STORE_OK);
    for (int i = 0; i < MANY; i += 2) up = up && read_is(v1, many + 8 * (uint64_t)i, texts[i], NULL);
    mg_view_end(v1);
    CHECK(mg_view_begin(r, &v1) == MG_STORE_OK);
    for (int i = MANY - 1; i >= 0; i--) down = down && read_is(v1, many + 8 * (uint64_t)i, texts[i], NULL);
    CHECK(mg_view_read(v1, many + 8 * MANY, &rec) == MG_STORE_NOTFOUND);
    mg_view_end(v1);
    CHECK(up && down);
    free(mw);
    free(texts);
    int records = 0;
    uint64_t eseq, enext;
    CHECK(mg_repo_each_record(r, &eseq, &enext, count_record, &records) == MG_STORE_OK);
    CHECK(records == MANY + 2 && eseq == seq && enext == many + 8 * MANY);

    /* the commit log, and its trimming (old versions go with it) */
    size_t logged = 0;
    CHECK(mg_repo_log_since(r, 2, log_count, &logged) == MG_STORE_OK);
    CHECK(logged == 1 + KIDS * ROUNDS + MANY);
    CHECK(mg_repo_log_trim(r, 100) == MG_STORE_OK);
    logged = 0;
    CHECK(mg_repo_log_since(r, 0, log_count, &logged) == MG_STORE_OK);
    CHECK(logged == (size_t)(3 + KIDS * ROUNDS + MANY - 100));
    CHECK(mg_view_begin(r, &v1) == MG_STORE_OK && read_is(v1, b, expect, NULL) && read_is(v1, a, "world", NULL));
    mg_view_end(v1);

    /* a process killed while committing leaves whole commits only */
    pid_t pid = fork();
    if (pid == 0) {
        MgRepo *cr = open_repo();
        static char big[4096];
        memset(big, 'x', sizeof big);
        for (;;) {
            MgWrite w[64];
            MgView *cv;
            mg_view_begin(cr, &cv);
            for (int j = 0; j < 64; j++) {
                w[j] = (MgWrite){ a + 8 * (uint64_t)(10 + j), 0, big, sizeof big, false };
                MgRecord cur;
                if (mg_view_read(cv, w[j].oop, &cur) == MG_STORE_OK) w[j].expected_version = cur.version;
            }
            mg_view_end(cv);
            uint64_t s2, cf[1];
            size_t ncf;
            mg_repo_commit(cr, w, 64, &s2, cf, 1, &ncf);
        }
    }
    usleep(300000);
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    CHECK(mg_view_begin(r, &v1) == MG_STORE_OK);
    bool consistent = true;
    uint64_t first_version = 0;
    for (int j = 0; j < 64; j++) {
        if (mg_view_read(v1, a + 8 * (uint64_t)(10 + j), &rec) != MG_STORE_OK) { consistent = false; break; }
        if (j == 0) first_version = rec.version;
        if (rec.version != first_version || rec.len != 4096) consistent = false;
    }
    CHECK(consistent);
    mg_view_end(v1);

    /* a corrupt row is reported with its OOP */
    snprintf(command, sizeof command, "UPDATE mg_obj SET data = overlay(data placing '\\x55'::bytea from 9) WHERE oop = %llu",
             (unsigned long long)(many + 8));
    CHECK(sql(url, command));
    CHECK(mg_view_begin(r, &v1) == MG_STORE_OK);
    CHECK(mg_view_read(v1, many + 8, &rec) == MG_STORE_CORRUPT && strstr(mg_repo_error(r), "OOP"));
    mg_view_end(v1);

    /* sessions, locks, counters (contracts 5-7) */
    MgRepo *s1 = open_repo(), *s2 = open_repo();
    uint32_t id1, id2, again, holder;
    CHECK(mg_repo_lock(s1, 4096, MG_LOCK_READ, &holder) == MG_STORE_INVALID);
    CHECK(mg_repo_session_begin(s1, "one", &id1) == MG_STORE_OK && id1 == 1);
    CHECK(mg_repo_session_begin(s1, "one", &again) == MG_STORE_OK && again == 1);
    CHECK(mg_repo_session_begin(s2, "two", &id2) == MG_STORE_OK && id2 == 2);
    int live = 0;
    CHECK(mg_repo_session_list(s1, count_live, &live) == MG_STORE_OK && live == 2);
    CHECK(mg_repo_lock(s1, 4096, MG_LOCK_WRITE, &holder) == MG_STORE_OK);
    CHECK(mg_repo_lock(s2, 4096, MG_LOCK_READ, &holder) == MG_STORE_LOCKED && holder == 1);
    CHECK(mg_repo_lock(s1, 4104, MG_LOCK_READ, &holder) == MG_STORE_OK);
    CHECK(mg_repo_lock(s2, 4104, MG_LOCK_READ, &holder) == MG_STORE_OK);
    CHECK(mg_repo_lock(s2, 4104, MG_LOCK_WRITE, &holder) == MG_STORE_LOCKED && holder == 1);
    CHECK(mg_repo_unlock_all(s1) == MG_STORE_OK);
    CHECK(mg_repo_lock(s2, 4104, MG_LOCK_WRITE, &holder) == MG_STORE_OK);
    mg_repo_close(s2);
    CHECK(mg_repo_lock(s1, 4104, MG_LOCK_WRITE, &holder) == MG_STORE_OK);
    CHECK(mg_repo_unlock_all(s1) == MG_STORE_OK);
    /* a child registers, locks and is killed: its session and lock are reclaimed, its id given again */
    int ready[2];
    CHECK(pipe(ready) == 0);
    pid_t child = fork();
    if (child == 0) {
        MgRepo *c = open_repo();
        uint32_t cid, h;
        char ok = mg_repo_session_begin(c, "child", &cid) == MG_STORE_OK && cid == 2
                  && mg_repo_lock(c, 4096, MG_LOCK_WRITE, &h) == MG_STORE_OK;
        if (write(ready[1], &ok, 1) != 1) _exit(1);
        pause();
        _exit(0);
    }
    char ok = 0;
    CHECK(read(ready[0], &ok, 1) == 1 && ok);
    CHECK(mg_repo_lock(s1, 4096, MG_LOCK_WRITE, &holder) == MG_STORE_LOCKED && holder == 2);
    kill(child, SIGKILL);
    waitpid(child, NULL, 0);
    live = 0;
    CHECK(mg_repo_session_list(s1, count_live, &live) == MG_STORE_OK && live == 1);
    CHECK(mg_repo_lock(s1, 4096, MG_LOCK_WRITE, &holder) == MG_STORE_OK);
    s2 = open_repo();
    CHECK(mg_repo_session_begin(s2, "three", &id2) == MG_STORE_OK && id2 == 2);
    mg_repo_close(s2);
    int64_t val;
    CHECK(mg_repo_counter_get(s1, 1, &val) == MG_STORE_OK && val == 0);
    CHECK(mg_repo_counter_update(s1, 1, true, 5, &val) == MG_STORE_OK && val == 5);
    CHECK(mg_repo_counter_update(s1, 1, true, -7, &val) == MG_STORE_OK && val == -2);
    CHECK(mg_repo_counter_update(s1, 128, false, INT64_MAX, &val) == MG_STORE_OK && val == INT64_MAX);
    CHECK(mg_repo_counter_update(s1, 128, true, 1, &val) == MG_STORE_OK && val == INT64_MIN);
    CHECK(mg_repo_counter_get(s1, 0, &val) == MG_STORE_INVALID);
    CHECK(mg_repo_counter_get(s1, 129, &val) == MG_STORE_INVALID);

    /* a GC round: c is kept by d (written since the mark), e goes */
    uint64_t c;
    CHECK(mg_repo_alloc_oops(s1, 3, &c) == MG_STORE_OK);
    uint64_t d = c + 8, e = c + 16;
    MgWrite gw[2] = { { c, 0, "", 0, false }, { e, 0, "", 0, false } };
    CHECK(mg_repo_commit(s1, gw, 2, &seq, conf, 4, &nc) == MG_STORE_OK);
    uint64_t mark = seq, round, dead[2] = { c, e };
    CHECK(mg_repo_gc_open(s1, mark, dead, 2, &round) == MG_STORE_OK && round == 1);
    CHECK(mg_view_begin(s1, &v1) == MG_STORE_OK && mg_view_gc_round(v1) == 1);
    mg_view_end(v1);
    mg_repo_set_ref_scan(s1, scan_oops);
    MgWrite dw = { d, 0, &c, 8, false };
    CHECK(mg_repo_commit(s1, &dw, 1, &seq, conf, 4, &nc) == MG_STORE_OK);
    MgWrite bad = { d, seq, &(uint64_t){ e + 800 }, 8, false };
    CHECK(mg_repo_commit(s1, &bad, 1, &seq, conf, 4, &nc) == MG_STORE_DANGLING);
    CHECK(mg_repo_gc_vote(s1, round, held_none, NULL) == MG_STORE_OK);
    MgGcSweep sw;
    CHECK(mg_repo_gc_sweep(s1, round, scan_oops, &sw) == MG_STORE_OK && sw.swept);
    CHECK(sw.candidates == 2 && sw.kept == 1 && sw.freed == 1);
    CHECK(mg_view_begin(s1, &v1) == MG_STORE_OK);
    CHECK(mg_view_read(v1, c, &rec) == MG_STORE_OK && mg_view_read(v1, e, &rec) == MG_STORE_NOTFOUND);
    mg_view_end(v1);
    MgGcState gs;
    CHECK(mg_repo_gc_state(s1, &gs) == MG_STORE_OK && gs.round == 0 && gs.last_freed == 1 && gs.rounds == 1);
    mg_repo_close(s1);

    /* the backup is an LMDB repository with the same records */
    char bdir[64];
    snprintf(bdir, sizeof bdir, "/tmp/maglev-pg-unit-%d", (int)getpid());
    mkdir(bdir, 0700);
    CHECK(mg_repo_backup(r, bdir) == MG_STORE_CORRUPT);          /* the corrupt row is refused */
    snprintf(command, sizeof command, "DELETE FROM mg_obj WHERE oop = %llu", (unsigned long long)(many + 8));
    CHECK(sql(url, command));
    snprintf(command, sizeof command, "rm -rf '%s' && mkdir -m 700 '%s'", bdir, bdir);
    CHECK(system(command) == 0);
    CHECK(mg_repo_backup(r, bdir) == MG_STORE_OK);
    MgRepo *copy;
    CHECK(mg_repo_open(bdir, MG_REPO_RDONLY, &copy) == MG_STORE_OK && !strcmp(mg_repo_backend(copy), "lmdb"));
    MgRepoStat cs;
    CHECK(mg_repo_stat(r, &st) == MG_STORE_OK && mg_repo_stat(copy, &cs) == MG_STORE_OK);
    CHECK(cs.records == st.records && cs.next_oop == st.next_oop);
    CHECK(mg_repo_counter_get(copy, 1, &val) == MG_STORE_OK && val == -2);
    mg_repo_close(copy);
    mg_repo_close(r);

    class_index_tests(base);
    token_and_wait_tests();
    commit_path_tests(base);
    next_view_tests(0);
    next_view_tests(MG_REPO_NOSYNC);

    snprintf(command, sizeof command, "rm -rf '%s'", bdir);
    if (system(command) != 0) fprintf(stderr, "cleanup failed\n");
    snprintf(command, sizeof command, "DROP DATABASE %s WITH (FORCE)", db);
    sql(admin, command);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
