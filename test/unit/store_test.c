/* store_test.c -- unit tests of the LMDB storage backend (backend.h):
 * creation, OOP allocation, commit/read, snapshot stability, write-write
 * conflicts between processes, the commit log, corrupt records, and a
 * process killed in the middle of committing. Prints "N passed, M failed". */
#include "../../src/store/backend.h"
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <lmdb.h>

static int passed, failed;
#define CHECK(c) do { if (c) passed++; else { failed++; fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #c); } } while (0)

void
mg_bug(const char *file, int line, const char *fmt, ...)
{
    fprintf(stderr, "bug at %s:%d %s\n", file, line, fmt);
    abort();
}

static char dir[256];

static MgRepo *
open_repo(void)
{
    MgRepo *r;
    MgStoreErr e = mg_repo_open(dir, MG_REPO_CREATE, &r);
    if (e) { fprintf(stderr, "open: %s\n", mg_repo_error(r)); exit(2); }
    return r;
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

/* The repository's LMDB environment opened directly, in a write transaction
 * (for forging and damaging what the backend wrote); raw_done commits it. */
static MDB_txn *
raw_begin(MDB_env **env)
{
    MDB_txn *txn;
    mdb_env_create(env);
    mdb_env_set_maxdbs(*env, 8);
    mdb_env_set_mapsize(*env, (size_t)1 << 38);
    mdb_env_open(*env, dir, 0, 0600);
    mdb_txn_begin(*env, NULL, 0, &txn);
    return txn;
}

static void
raw_done(MDB_env *env, MDB_txn *txn)
{
    mdb_txn_commit(txn);
    mdb_env_close(env);
}

/* Writes a sessions entry and a write lock on oop held by it, straight into
 * the tables: a session of a live pid with the wrong start time stands for a
 * dead process whose pid was reused. */
static void
forge_session(uint64_t id, uint32_t pid, uint64_t started, uint64_t oop)
{
    MDB_env *env;
    MDB_txn *txn = raw_begin(&env);
    MDB_dbi sessions, locks;
    mdb_dbi_open(txn, "sessions", MDB_INTEGERKEY, &sessions);
    mdb_dbi_open(txn, "locks", MDB_INTEGERKEY, &locks);
    unsigned char rec[16 + 6];
    uint32_t zero = 0;
    memcpy(rec, &pid, 4);
    memcpy(rec + 4, &zero, 4);
    memcpy(rec + 8, &started, 8);
    memcpy(rec + 16, "forged", 6);
    MDB_val k = { 8, &id }, v = { sizeof rec, rec };
    mdb_put(txn, sessions, &k, &v, 0);
    unsigned char lk[8 + 16];
    uint32_t kind = MG_LOCK_WRITE, one = 1, sid = (uint32_t)id;
    memcpy(lk, &kind, 4);
    memcpy(lk + 4, &one, 4);
    memcpy(lk + 8, &sid, 4);
    memcpy(lk + 12, &pid, 4);
    memcpy(lk + 16, &started, 8);
    MDB_val ok = { 8, &oop }, ov = { sizeof lk, lk };
    mdb_put(txn, locks, &ok, &ov, 0);
    raw_done(env, txn);
}

int
main(void)
{
    snprintf(dir, sizeof dir, "/tmp/maglev-store-test-%d", (int)getpid());
    MgRepo *r = open_repo();

    /* fresh repository */
    MgRepoStat st;
    CHECK(mg_repo_stat(r, &st) == MG_STORE_OK);
    CHECK(st.seq == 0 && st.format == MG_STORE_FORMAT && st.next_oop == MG_OOP_FIRST);

    uint64_t a, b;
    CHECK(mg_repo_alloc_oops(r, 100, &a) == MG_STORE_OK);
    CHECK(mg_repo_alloc_oops(r, 100, &b) == MG_STORE_OK);
    CHECK(a == MG_OOP_FIRST && b == a + 800);

    /* commit and read back; versions are commit sequences */
    uint64_t seq;
    CHECK(put(r, a, 0, "hello", &seq) == MG_STORE_OK && seq == 1);
    MgView *v1;
    CHECK(mg_view_begin(r, &v1) == MG_STORE_OK && mg_view_seq(v1) == 1);
    uint64_t ver;
    CHECK(read_is(v1, a, "hello", &ver) && ver == 1);
    MgRecord rec;
    CHECK(mg_view_read(v1, a + 8, &rec) == MG_STORE_NOTFOUND);

    /* snapshot stability: v1 keeps seeing "hello" after a later commit */
    CHECK(put(r, a, 1, "world", &seq) == MG_STORE_OK && seq == 2);
    CHECK(read_is(v1, a, "hello", NULL));
    MgView *v2;
    CHECK(mg_view_begin(r, &v2) == MG_STORE_OK);
    CHECK(read_is(v2, a, "world", &ver) && ver == 2);
    mg_view_end(v2);

    /* a write based on an old version conflicts and writes nothing */
    MgWrite ws[2] = { { a, 1, "stale", 5, false }, { b, 0, "new", 3, false } };
    uint64_t conf[4];
    size_t nc;
    CHECK(mg_repo_commit(r, ws, 2, &seq, conf, 4, &nc) == MG_STORE_CONFLICT);
    CHECK(nc == 1 && conf[0] == a);
    mg_view_end(v1);
    CHECK(mg_view_begin(r, &v1) == MG_STORE_OK && mg_view_seq(v1) == 2);
    CHECK(mg_view_read(v1, b, &rec) == MG_STORE_NOTFOUND);
    mg_view_end(v1);

    /* conflicts between processes: each child increments a counter 200 times with retries */
    CHECK(put(r, b, 0, "0", &seq) == MG_STORE_OK);
    mg_repo_close(r);
    enum { KIDS = 3, ROUNDS = 200 };
    for (int k = 0; k < KIDS; k++) {
        if (fork() == 0) {
            MgRepo *cr = open_repo();
            int conflicts = 0;
            for (int i = 0; i < ROUNDS; i++) {
                for (;;) {
                    MgView *cv;
                    if (mg_view_begin(cr, &cv)) _exit(3);
                    MgRecord cur;
                    if (mg_view_read(cv, b, &cur)) _exit(4);
                    char buf[32];
                    size_t len = cur.len < sizeof buf - 1 ? cur.len : sizeof buf - 1;
                    memcpy(buf, cur.data, len);   /* records are not NUL-terminated */
                    buf[len] = '\0';
                    int n = snprintf(buf, sizeof buf, "%d", atoi(buf) + 1);
                    MgWrite w = { b, cur.version, buf, (size_t)n, false };
                    uint64_t s2, cf[2];
                    size_t ncf;
                    MgStoreErr e = mg_repo_commit(cr, &w, 1, &s2, cf, 2, &ncf);
                    mg_view_end(cv);
                    if (e == MG_STORE_OK) break;
                    if (e != MG_STORE_CONFLICT) _exit(5);
                    conflicts++;
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
    r = open_repo();
    CHECK(mg_view_begin(r, &v1) == MG_STORE_OK);
    CHECK(mg_view_read(v1, b, &rec) == MG_STORE_OK);
    char expect[16];
    snprintf(expect, sizeof expect, "%d", KIDS * ROUNDS);
    CHECK(rec.len == strlen(expect) && memcmp(rec.data, expect, rec.len) == 0);
    mg_view_end(v1);

    /* the commit log lists every write since a sequence */
    size_t logged = 0;
    CHECK(mg_repo_log_since(r, 2, log_count, &logged) == MG_STORE_OK);
    CHECK(logged == 1 + KIDS * ROUNDS);
    CHECK(mg_repo_log_trim(r, 100) == MG_STORE_OK);
    logged = 0;
    CHECK(mg_repo_log_since(r, 0, log_count, &logged) == MG_STORE_OK);
    CHECK(logged == (size_t)(3 + KIDS * ROUNDS - 100));

    /* a process killed while committing big write sets loses only its uncommitted work */
    mg_repo_close(r);
    pid_t pid = fork();
    if (pid == 0) {
        MgRepo *cr = open_repo();
        static char big[4096];
        memset(big, 'x', sizeof big);
        for (uint64_t i = 0;; i++) {
            MgWrite w[64];
            for (int j = 0; j < 64; j++) w[j] = (MgWrite){ a + 8 * (uint64_t)(10 + j), 0, big, sizeof big, false };
            uint64_t s2, cf[1];
            size_t ncf;
            /* the records are new only the first time; later commits reuse expected = read version */
            MgView *cv;
            mg_view_begin(cr, &cv);
            for (int j = 0; j < 64; j++) {
                MgRecord cur;
                if (mg_view_read(cv, w[j].oop, &cur) == MG_STORE_OK) w[j].expected_version = cur.version;
            }
            mg_view_end(cv);
            mg_repo_commit(cr, w, 64, &s2, cf, 1, &ncf);
        }
    }
    usleep(300000);
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    r = open_repo();
    CHECK(mg_view_begin(r, &v1) == MG_STORE_OK);
    CHECK(read_is(v1, b, expect, NULL));
    /* every record written by the killed process is whole and from one commit */
    uint64_t first_version = 0;
    bool consistent = true;
    for (int j = 0; j < 64; j++) {
        if (mg_view_read(v1, a + 8 * (uint64_t)(10 + j), &rec) != MG_STORE_OK) { consistent = false; break; }
        if (j == 0) first_version = rec.version;
        if (rec.version != first_version || rec.len != 4096) consistent = false;
    }
    CHECK(consistent);
    mg_view_end(v1);

    /* a corrupt record is reported with its OOP, not trusted */
    mg_repo_close(r);
    {
        MDB_env *env;
        MDB_txn *txn = raw_begin(&env);
        MDB_dbi dbi;
        mdb_dbi_open(txn, "obj", MDB_INTEGERKEY, &dbi);
        MDB_val k = { 8, &a }, val;
        mdb_get(txn, dbi, &k, &val);
        char *copy = malloc(val.mv_size);
        memcpy(copy, val.mv_data, val.mv_size);
        copy[val.mv_size - 1] ^= 0x55;
        MDB_val nv = { val.mv_size, copy };
        mdb_put(txn, dbi, &k, &nv, 0);
        raw_done(env, txn);
        free(copy);
    }
    r = open_repo();
    CHECK(mg_view_begin(r, &v1) == MG_STORE_OK);
    CHECK(mg_view_read(v1, a, &rec) == MG_STORE_CORRUPT);
    CHECK(strstr(mg_repo_error(r), "OOP") != NULL);
    mg_view_end(v1);

    /* sessions, locks, counters (backend.h contracts 5-7) */
    {
        MgRepo *s1 = open_repo(), *s2 = open_repo();
        uint32_t id1, id2, again, holder;
        CHECK(mg_repo_lock(s1, 4096, MG_LOCK_READ, &holder) == MG_STORE_INVALID);   /* no session yet */
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
        CHECK(mg_repo_lock(s2, 4096, MG_LOCK_WRITE, &holder) == MG_STORE_OK);
        mg_repo_close(s2);           /* ends the session and its locks */
        CHECK(mg_repo_lock(s1, 4096, MG_LOCK_WRITE, &holder) == MG_STORE_OK);
        CHECK(mg_repo_lock(s1, 4104, MG_LOCK_WRITE, &holder) == MG_STORE_OK);
        CHECK(mg_repo_unlock_all(s1) == MG_STORE_OK);

        /* a child registers, locks and dies without closing: both are reclaimed */
        pid_t child = fork();
        if (child == 0) {
            MgRepo *c = open_repo();
            uint32_t cid, h;
            int ok = mg_repo_session_begin(c, "child", &cid) == MG_STORE_OK && cid == 2
                     && mg_repo_lock(c, 4096, MG_LOCK_WRITE, &h) == MG_STORE_OK;
            _exit(ok ? 0 : 1);
        }
        int status;
        waitpid(child, &status, 0);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        live = 0;
        CHECK(mg_repo_session_list(s1, count_live, &live) == MG_STORE_OK && live == 1);
        CHECK(mg_repo_lock(s1, 4096, MG_LOCK_WRITE, &holder) == MG_STORE_OK);
        CHECK(mg_repo_unlock_all(s1) == MG_STORE_OK);

        /* a reused pid (ours, which runs) with another start time is not that session */
        mg_repo_close(s1);
        forge_session(1, (uint32_t)getpid(), 12345, 4096);
        s1 = open_repo();
        live = 0;
        CHECK(mg_repo_session_list(s1, count_live, &live) == MG_STORE_OK && live == 0);
        CHECK(mg_repo_session_begin(s1, "one", &id1) == MG_STORE_OK && id1 == 1);
        CHECK(mg_repo_lock(s1, 4096, MG_LOCK_WRITE, &holder) == MG_STORE_OK);

        int64_t val;
        CHECK(mg_repo_counter_get(s1, 1, &val) == MG_STORE_OK && val == 0);
        CHECK(mg_repo_counter_update(s1, 1, true, 5, &val) == MG_STORE_OK && val == 5);
        CHECK(mg_repo_counter_update(s1, 1, true, -7, &val) == MG_STORE_OK && val == -2);
        CHECK(mg_repo_counter_update(s1, 128, false, INT64_MAX, &val) == MG_STORE_OK && val == INT64_MAX);
        CHECK(mg_repo_counter_update(s1, 128, true, 1, &val) == MG_STORE_OK && val == INT64_MIN);
        CHECK(mg_repo_counter_get(s1, 0, &val) == MG_STORE_INVALID);
        CHECK(mg_repo_counter_get(s1, 129, &val) == MG_STORE_INVALID);
        mg_repo_close(s1);
        r = open_repo();
        CHECK(mg_repo_counter_get(r, 1, &val) == MG_STORE_OK && val == -2);
    }

    /* backup is a consistent copy */
    char bdir[300];
    snprintf(bdir, sizeof bdir, "%s-backup", dir);
    mkdir(bdir, 0700);
    CHECK(mg_repo_backup(r, bdir) == MG_STORE_OK);

    /* the stone token is always held on LMDB; a wait reads the last sequence */
    MgStoneToken tok;
    CHECK(mg_repo_stone_token(r, &tok) == MG_STORE_OK && tok.held);
    MgRepoStat wst;
    uint64_t wseq;
    CHECK(mg_repo_stat(r, &wst) == MG_STORE_OK);
    CHECK(mg_repo_wait_commit(r, 0, 0, &wseq) == MG_STORE_OK && wseq == wst.seq);
    CHECK(mg_repo_wait_commit(r, wst.seq, 20, &wseq) == MG_STORE_OK && wseq == wst.seq);    /* times out */
    CHECK(mg_repo_commit_fd(r) == -1);
    mg_repo_close(r);

    /* formats: a format-2 repository and its records read, and the repository
     * is raised to MG_STORE_FORMAT when opened; a later format is refused */
    {
        CHECK(MG_STORE_FORMAT_MIN == 2 && MG_STORE_FORMAT == 5);
        for (int round = 0; round < 3; round++) {
            MDB_env *env;
            MDB_txn *txn = raw_begin(&env);
            MDB_dbi meta, obj;
            mdb_dbi_open(txn, "meta", 0, &meta);
            mdb_dbi_open(txn, "obj", MDB_INTEGERKEY, &obj);
            uint32_t f = round == 2 ? MG_STORE_FORMAT + 1 : 2;
            MDB_val mk = { 6, "format" }, mv = { 4, &f };
            mdb_put(txn, meta, &mk, &mv, 0);
            MDB_val k = { 8, &b }, val;
            CHECK(mdb_get(txn, obj, &k, &val) == 0);
            char *copy = malloc(val.mv_size);
            memcpy(copy, val.mv_data, val.mv_size);
            memcpy(copy, round == 1 ? &(uint32_t){ MG_STORE_FORMAT + 1 } : &(uint32_t){ 2 }, 4);   /* the CRC covers bytes 8.. */
            MDB_val nv = { val.mv_size, copy };
            mdb_put(txn, obj, &k, &nv, 0);
            raw_done(env, txn);
            free(copy);
            MgRepo *o;
            MgStoreErr e = mg_repo_open(dir, 0, &o);
            if (round == 2) {
                CHECK(e == MG_STORE_VERSION && strstr(mg_repo_error(o), "repository format 6") != NULL);
                mg_repo_close(o);
                continue;
            }
            CHECK(e == MG_STORE_OK);
            MgRepoStat fst;
            CHECK(mg_repo_stat(o, &fst) == MG_STORE_OK && fst.format == MG_STORE_FORMAT);
            MgView *fv;
            CHECK(mg_view_begin(o, &fv) == MG_STORE_OK);
            CHECK(mg_view_read(fv, b, &rec) == (round == 0 ? MG_STORE_OK : MG_STORE_CORRUPT));
            mg_view_end(fv);
            mg_repo_close(o);
        }
    }

    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' '%s'", dir, bdir);
    if (system(cmd) != 0) fprintf(stderr, "cleanup failed\n");
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
