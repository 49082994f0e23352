/* lmdb_backend.c -- the embedded storage backend on LMDB (backend.h).
 * One LMDB environment per repository directory, shared by every process
 * through the OS page cache. The on-disk layout is in docs/format.md:
 *   obj  : oop (u64, integer key) -> record header (16 bytes) + payload
 *   log  : seq (u64, integer key) -> the OOPs that commit wrote (u64 each)
 *   meta : "format" u32, "seq" u64, "next_oop" u64
 *   sessions, locks, counters, gc : outside transactions (lmdb_sys.c)
 * This is the only file besides its siblings in src/store/ that includes lmdb.h. */
#include "lmdb_int.h"
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/vfs.h>
#include <unistd.h>
#include <time.h>
#include "../util/crc32c.h"
#include <sys/mman.h>

#define DEFAULT_MAP_SIZE ((size_t)1 << 38)

MgStoreErr
lmb_fail(MgRepo *r, MgStoreErr code, const char *fmt, ...)
{
    if (r) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(r->error, sizeof r->error, fmt, ap);
        va_end(ap);
    }
    return code;
}

MgStoreErr
lmb_from_mdb(MgRepo *r, int rc, const char *what)
{
    MgStoreErr code;
    switch (rc) {
    case MDB_MAP_FULL: code = MG_STORE_FULL; break;
    case MDB_READERS_FULL: case MDB_BAD_RSLOT: code = MG_STORE_LOCKED; break;
    case MDB_CORRUPTED: case MDB_PAGE_NOTFOUND: case MDB_INVALID: code = MG_STORE_CORRUPT; break;
    case MDB_VERSION_MISMATCH: code = MG_STORE_VERSION; break;
    case ENOMEM: code = MG_STORE_NOMEM; break;
    case MDB_NOTFOUND: code = MG_STORE_NOTFOUND; break;
    default: code = MG_STORE_IO; break;
    }
    /* a write into a full file system comes back short, which LMDB reports as EIO */
    const char *path;
    struct statvfs fs;
    if ((rc == EIO || rc == ENOSPC) && r && r->env && !mdb_env_get_path(r->env, &path) && !statvfs(path, &fs)
        && (uint64_t)fs.f_bavail * fs.f_frsize < ((uint64_t)1 << 20))
        return lmb_fail(r, code, "%s: %s: the file system of %s is full (%llu KiB free): nothing was written", what,
                        mdb_strerror(rc), path, (unsigned long long)fs.f_bavail * fs.f_frsize / 1024);
    return lmb_fail(r, code, "%s: %s", what, mdb_strerror(rc));
}

static const char *
lmdb_error(const MgRepo *r)
{
    return r && r->error[0] ? r->error : "no error";
}

uint64_t
lmb_get_u64(const MDB_val *v)
{
    uint64_t x = 0;
    if (v->mv_size >= 8) memcpy(&x, v->mv_data, 8);
    return x;
}

int
lmb_meta_get(MDB_txn *txn, MDB_dbi dbi, const char *key, uint64_t *out, size_t width)
{
    MDB_val k = { strlen(key), (void *)key }, v;
    int rc = mdb_get(txn, dbi, &k, &v);
    if (rc) return rc;
    if (v.mv_size != width) return MDB_CORRUPTED;
    *out = 0;
    memcpy(out, v.mv_data, width);
    return 0;
}

int
lmb_meta_put(MDB_txn *txn, MDB_dbi dbi, const char *key, uint64_t val, size_t width)
{
    MDB_val k = { strlen(key), (void *)key }, v = { width, &val };
    return mdb_put(txn, dbi, &k, &v, 0);
}

/* Creates the tables and metadata of a new repository, or checks an existing one's format. */
/* Group commit. The environment is opened with MDB_NOMETASYNC: a commit
 * fsyncs its data pages but not the meta page that makes it current, which
 * keeps the repository consistent after any crash (LMDB's guarantee) and
 * leaves durability to us: before a commit returns, the meta page must be on
 * disk. commit_durably takes <dir>/sync.lock (flock, shared by every process)
 * whose 8 bytes hold the last LMDB txnid known synced; if another process
 * synced past our commit while we waited, we are durable already; otherwise
 * we read the newest txnid, mdb_env_sync, and record it -- one fsync for every
 * commit that was waiting at that moment. A process killed while holding the
 * lock releases it (flock); the recorded id only ever lags (a stale value
 * costs one extra sync). Commits the caller opted out of syncing (NOSYNC
 * repositories, OOP reservations) do not come here. */
static int
group_sync(MgRepo *r, uint64_t txnid)
{
    if (r->sync_fd < 0) return mdb_env_sync(r->env, 1);
    while (flock(r->sync_fd, LOCK_EX) != 0)
        if (errno != EINTR) return mdb_env_sync(r->env, 1);
    uint64_t synced = 0;
    int rc = 0;
    if (pread(r->sync_fd, &synced, sizeof synced, 0) != (ssize_t)sizeof synced) synced = 0;
    MDB_envinfo info;
    mdb_env_info(r->env, &info);
    if (synced > (uint64_t)info.me_last_txnid) synced = 0;   /* stale: the data file was replaced */
    if (synced < txnid) {
        uint64_t newest = info.me_last_txnid > txnid ? (uint64_t)info.me_last_txnid : txnid;
        rc = mdb_env_sync(r->env, 1);
        if (rc == 0 && pwrite(r->sync_fd, &newest, sizeof newest, 0) != (ssize_t)sizeof newest) {
            /* not recorded: later commits sync for themselves */
        }
    }
    flock(r->sync_fd, LOCK_UN);
    return rc;
}

/* mdb_txn_commit, then (durable repositories) the group sync above. */
int
lmb_commit_durably(MgRepo *r, MDB_txn *txn)
{
    uint64_t id = (uint64_t)mdb_txn_id(txn);
    int rc = mdb_txn_commit(txn);
    if (rc || (r->flags & MG_REPO_NOSYNC)) return rc;
    return group_sync(r, id);
}

static MgStoreErr
init_tables(MgRepo *r)
{
    MDB_txn *txn;
    int rc = mdb_txn_begin(r->env, NULL, (r->flags & MG_REPO_RDONLY) ? MDB_RDONLY : 0, &txn);
    if (rc) return lmb_from_mdb(r, rc, "begin");
    unsigned create = (r->flags & MG_REPO_RDONLY) ? 0 : MDB_CREATE;
    if ((rc = mdb_dbi_open(txn, "obj", create | MDB_INTEGERKEY, &r->obj))
        || (rc = mdb_dbi_open(txn, "log", create | MDB_INTEGERKEY, &r->log))
        || (rc = mdb_dbi_open(txn, "meta", create, &r->meta))) {
        mdb_txn_abort(txn);
        return lmb_from_mdb(r, rc, "open tables");
    }
    if ((rc = mdb_dbi_open(txn, "sessions", create | MDB_INTEGERKEY, &r->sessions)) == 0
        && (rc = mdb_dbi_open(txn, "locks", create | MDB_INTEGERKEY, &r->locks)) == 0
        && (rc = mdb_dbi_open(txn, "counters", create | MDB_INTEGERKEY, &r->counters)) == 0) {
        r->have_sys = true;
    } else if (rc != MDB_NOTFOUND) {
        mdb_txn_abort(txn);
        return lmb_from_mdb(r, rc, "open tables");
    }
    if ((rc = mdb_dbi_open(txn, "gc", create, &r->gc)) == 0
        && (rc = mdb_dbi_open(txn, "gcdead", create | MDB_INTEGERKEY, &r->gcdead)) == 0
        && (rc = mdb_dbi_open(txn, "gcvote", create | MDB_INTEGERKEY, &r->gcvote)) == 0) {
        r->have_gc = true;
    } else if (rc != MDB_NOTFOUND) {
        mdb_txn_abort(txn);
        return lmb_from_mdb(r, rc, "open tables");
    }
    if ((rc = mdb_dbi_open(txn, "classidx", create, &r->classidx)) == 0) r->have_classidx = true;
    else if (rc != MDB_NOTFOUND) {
        mdb_txn_abort(txn);
        return lmb_from_mdb(r, rc, "open tables");
    }
    uint64_t format;
    rc = lmb_meta_get(txn, r->meta, "format", &format, 4);
    if (rc == MDB_NOTFOUND && !(r->flags & MG_REPO_RDONLY)) {
        if ((rc = lmb_meta_put(txn, r->meta, "format", MG_STORE_FORMAT, 4))
            || (rc = lmb_meta_put(txn, r->meta, "seq", 0, 8))
            || (rc = lmb_meta_put(txn, r->meta, "next_oop", MG_OOP_FIRST, 8))) {
            mdb_txn_abort(txn);
            return lmb_from_mdb(r, rc, "initialise");
        }
        format = MG_STORE_FORMAT;
    } else if (rc) {
        mdb_txn_abort(txn);
        return lmb_from_mdb(r, rc, "read format");
    }
    if (!mg_store_format_ok(format)) {
        mdb_txn_abort(txn);
        return lmb_fail(r, MG_STORE_VERSION, "repository format %llu, this maglev reads formats %d to %d",
                    (unsigned long long)format, MG_STORE_FORMAT_MIN, MG_STORE_FORMAT);
    }
    /* an older format's records stay readable as they are; from now on the
     * repository holds records a maglev of that format cannot read */
    if (format < MG_STORE_FORMAT && !(r->flags & MG_REPO_RDONLY) && (rc = lmb_meta_put(txn, r->meta, "format", MG_STORE_FORMAT, 4))) {
        mdb_txn_abort(txn);
        return lmb_from_mdb(r, rc, "upgrade format");
    }
    rc = mdb_txn_commit(txn);
    return rc ? lmb_from_mdb(r, rc, "commit") : MG_STORE_OK;
}

/* meta "cq_slots": for each commit-queue slot, the ticket of the last
 * write set an LMDB transaction took from it (commit_batched, "Batches"). */
static int
cq_slots_get(MgRepo *r, MDB_txn *txn, uint64_t t[CQ_SLOTS])
{
    memset(t, 0, CQ_SLOTS * sizeof *t);
    MDB_val k = { 8, "cq_slots" }, v;
    int rc = mdb_get(txn, r->meta, &k, &v);
    if (rc == MDB_NOTFOUND) return 0;
    if (rc == 0 && v.mv_size == CQ_SLOTS * sizeof *t) memcpy(t, v.mv_data, v.mv_size);
    return rc;
}

static int
cq_slots_put(MgRepo *r, MDB_txn *txn, const uint64_t t[CQ_SLOTS])
{
    MDB_val k = { 8, "cq_slots" }, v = { CQ_SLOTS * sizeof *t, (void *)t };
    return mdb_put(txn, r->meta, &k, &v, 0);
}

/* A data file shorter than its meta pages say (cut by a full disk, a bad
 * copy): reading a page past its end would be a bus error, so it is
 * refused at open. The file only grows while processes use it (a commit
 * writes its pages before the meta page that names them). */
/* LMDB found a page that cannot be (a damaged data file: its checks are
 * assertions, which abort). What it was doing cannot be finished or undone
 * from here, so the process says so and ends; a committed transaction is
 * never lost by it, as nothing is written half. */
void
mg_lmdb_on_assert(MDB_env *env, const char *msg)
{
    const char *path = NULL;
    if (mdb_env_get_path(env, &path) != 0) path = NULL;
    fflush(NULL);
    fprintf(stderr, "maglev: the LMDB file in %s is damaged (%s); run `maglev check` on it and restore it from a backup\n",
            path ? path : "?", msg);
    _exit(1);
}

/* A damaged data file can hold a page number past its end: LMDB reading
 * that page through its map is a bus error (BUS_ADRERR: no file behind the
 * address). The LMDB maps are the only file maps of a maglev process, so
 * that fault gets the same message as a failed assertion. Anything else
 * is a bug: the default action, a core dump. */
static char mapped_dirs[4][4096];

void
mg_lmdb_note_dir(const char *dir)
{
    for (int i = 0; i < 4; i++)
        if (!mapped_dirs[i][0] || !strcmp(mapped_dirs[i], dir)) {
            snprintf(mapped_dirs[i], sizeof mapped_dirs[i], "%s", dir);
            return;
        }
}

static void
say(const char *s)
{
    ssize_t w = write(2, s, strlen(s));
    UNUSED(w);
}

static void
on_sigbus(int sig, siginfo_t *si, void *ctx)
{
    UNUSED(ctx);
    if (si->si_code == BUS_ADRERR) {
        /* a page of a sparse map (the lock file, a file LMDB grew) the file
         * system has no room for is the same fault; statfs is a system call */
        for (int i = 0; i < 4 && mapped_dirs[i][0]; i++) {
            struct statfs fs;
            if (statfs(mapped_dirs[i], &fs) == 0 && (uint64_t)fs.f_bavail * (uint64_t)fs.f_bsize < ((uint64_t)1 << 20)) {
                say("maglev: the file system of ");
                say(mapped_dirs[i]);
                say(" is full: a repository file could not grow; make room and run again (a commit is made whole or not at all)\n");
                _exit(1);
            }
        }
        say("maglev: a repository file is damaged (a page it refers to lies past its end); "
            "run `maglev check` on it and restore it from a backup\n");
        _exit(1);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

void
mg_lmdb_guard_maps(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_sigbus;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGBUS, &sa, NULL);
}

bool
mg_lmdb_file_short(MDB_env *env, uint64_t *have, uint64_t *need)
{
    MDB_envinfo info;
    MDB_stat st;
    int fd;
    struct stat fs;
    if (mdb_env_info(env, &info) || mdb_env_stat(env, &st) || mdb_env_get_fd(env, &fd) || fstat(fd, &fs))
        return false;                        /* nothing to compare: LMDB reports its own errors */
    *have = (uint64_t)fs.st_size;
    *need = ((uint64_t)info.me_last_pgno + 1) * st.ms_psize;
    return *have < *need;
}

static MgStoreErr
check_file_size(MgRepo *r, const char *dir)
{
    uint64_t have, need;
    if (!mg_lmdb_file_short(r->env, &have, &need)) return MG_STORE_OK;
    return lmb_fail(r, MG_STORE_CORRUPT, "%s/data.mdb is truncated: %llu bytes, its last page ends at byte %llu "
                "(restore it from a backup)", dir, (unsigned long long)have, (unsigned long long)need);
}

/* A data file of 0 bytes is a repository LMDB has not written yet, unless
 * the commit queue exists: that is made once the tables are (lmdb_open), so
 * the file was emptied afterwards, and LMDB would start a new, empty one. */
static bool
emptied(const char *dir)
{
    char path[4096];
    struct stat st;
    snprintf(path, sizeof path, "%s/data.mdb", dir);
    if (stat(path, &st) != 0 || st.st_size != 0) return false;
    snprintf(path, sizeof path, "%s/commitq", dir);
    return stat(path, &st) == 0;
}

static MgStoreErr
lmdb_open(const char *dir, int flags, MgRepo **out)
{
    *out = NULL;
    struct stat st;
    if (stat(dir, &st) != 0) {
        /* EEXIST: another process starting on the same new stone made it
         * between our stat and mkdir; its creation is serialized below */
        if (!(flags & MG_REPO_CREATE) || errno != ENOENT || (mkdir(dir, 0700) != 0 && errno != EEXIST)) {
            MgRepo tmp = { 0 };
            lmb_fail(&tmp, MG_STORE_IO, "%s: %s", dir, strerror(errno));
            return MG_STORE_IO;
        }
    }
    MgRepo *r = calloc(1, sizeof *r);
    if (!r) return MG_STORE_NOMEM;
    r->ops = &mg_lmdb_ops;
    r->flags = flags;
    if (emptied(dir)) {
        *out = r;
        return lmb_fail(r, MG_STORE_CORRUPT, "%s/data.mdb is empty, but the repository was in use (it has a commit "
                    "queue): restore it from a backup", dir);
    }
    r->map_size = DEFAULT_MAP_SIZE;
    r->nmaps = -1;
    int rc = mdb_env_create(&r->env);
    if (rc) { free(r); return MG_STORE_NOMEM; }
    mdb_env_set_assert(r->env, mg_lmdb_on_assert);
    mdb_env_set_maxdbs(r->env, 16);
    mdb_env_set_maxreaders(r->env, 1024);
    mdb_env_set_mapsize(r->env, r->map_size);
    r->sync_fd = -1;
    unsigned eflags = MDB_NOTLS | MDB_NOMETASYNC;   /* meta pages: synced by group_sync */   /* readahead on: a cold walk of records written together reads them sequentially */
    if (flags & MG_REPO_NOSYNC) eflags |= MDB_NOSYNC;
    if (flags & MG_REPO_RDONLY) eflags |= MDB_RDONLY;
    mg_lmdb_note_dir(dir);
    rc = mdb_env_open(r->env, dir, eflags, 0600);
    MgStoreErr err;
    if (rc) {
        err = lmb_from_mdb(r, rc, dir);
        goto fail;
    }
    if ((err = check_file_size(r, dir)) != MG_STORE_OK) goto fail;
    int dead;
    mdb_reader_check(r->env, &dead);   /* free the reader slots of killed processes */
    if (!(flags & (MG_REPO_NOSYNC | MG_REPO_RDONLY))) {
        char lock[4096];
        snprintf(lock, sizeof lock, "%s/sync.lock", dir);
        r->sync_fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    }
    if ((err = init_tables(r)) != MG_STORE_OK) goto fail;
    if (r->sync_fd >= 0) {
        /* the commit queue's tickets go on above every one a batch recorded */
        MDB_txn *txn;
        uint64_t t[CQ_SLOTS], last = 0;
        if (mdb_txn_begin(r->env, NULL, MDB_RDONLY, &txn) == 0) {
            if (cq_slots_get(r, txn, t) == 0)
                for (int i = 0; i < CQ_SLOTS; i++) if (t[i] > last) last = t[i];
            mdb_txn_abort(txn);
            r->cq = mg_cq_open(dir, last + 1);
        }
    }
    *out = r;
    return MG_STORE_OK;
fail:
    /* keep the message: the caller reads it through a closed-but-allocated handle */
    mdb_env_close(r->env);
    r->env = NULL;
    *out = r;
    return err;
}

static void
lmdb_close(MgRepo *r)
{
    if (!r) return;
    if (r->env && r->session) mg_repo_session_end(r);
    free(r->held);
    if (r->sync_fd >= 0) close(r->sync_fd);
    mg_cq_close(r->cq);
    if (r->env) mdb_env_close(r->env);
    free(r);
}

/* ---- views ---- */

static MgStoreErr
lmdb_view_begin(MgRepo *r, MgView **out)
{
    *out = NULL;
    if (!r || !r->env) return MG_STORE_INVALID;
    MgView *v = calloc(1, sizeof *v);
    if (!v) return MG_STORE_NOMEM;
    v->ops = &mg_lmdb_ops;
    int rc = mdb_txn_begin(r->env, NULL, MDB_RDONLY, &v->txn);
    if (rc) { free(v); return lmb_from_mdb(r, rc, "begin view"); }
    rc = lmb_meta_get(v->txn, r->meta, "seq", &v->seq, 8);
    if (rc) {
        mdb_txn_abort(v->txn);
        free(v);
        return lmb_from_mdb(r, rc, "read seq");
    }
    v->repo = r;
    *out = v;
    return MG_STORE_OK;
}

static uint64_t
lmdb_view_seq(const MgView *v)
{
    return v->seq;
}

MgStoreErr
lmb_decode(MgRepo *r, uint64_t oop, const MDB_val *val, MgRecord *out)
{
    const unsigned char *p = val->mv_data;
    if (val->mv_size < REC_HEADER)
        return lmb_fail(r, MG_STORE_CORRUPT, "record of OOP %llu is truncated (%zu bytes)", (unsigned long long)oop, val->mv_size);
    uint32_t format, crc;
    memcpy(&format, p, 4);
    memcpy(&crc, p + 4, 4);
    if (!mg_store_format_ok(format))
        return lmb_fail(r, MG_STORE_CORRUPT, "record of OOP %llu has format %u", (unsigned long long)oop, format);
    uint32_t actual = mg_crc32c(p + 8, val->mv_size - 8);
    if (actual != crc)
        return lmb_fail(r, MG_STORE_CORRUPT, "record of OOP %llu fails its checksum", (unsigned long long)oop);
    memcpy(&out->version, p + 8, 8);
    out->data = p + REC_HEADER;
    out->len = val->mv_size - REC_HEADER;
    return MG_STORE_OK;
}

static MgStoreErr
lmdb_view_read(MgView *v, uint64_t oop, MgRecord *out)
{
    MDB_val k = { sizeof oop, &oop }, val;
    int rc = mdb_get(v->txn, v->repo->obj, &k, &val);
    if (rc == MDB_NOTFOUND) return lmb_fail(v->repo, MG_STORE_NOTFOUND, "no object with OOP %llu", (unsigned long long)oop);
    if (rc) return lmb_from_mdb(v->repo, rc, "read");
    return lmb_decode(v->repo, oop, &val, out);
}

static void
lmdb_view_end(MgView *v)
{
    if (!v) return;
    mdb_txn_abort(v->txn);
    free(v);
}

/* ---- writing ---- */

/* Runs a write transaction, growing the map once if it is full. */
static MgStoreErr
grow(MgRepo *r)
{
    size_t bigger = r->map_size * 2;
    r->nmaps = -1;                 /* (release_pages) */
    int rc = mdb_env_set_mapsize(r->env, bigger);
    if (rc) return lmb_from_mdb(r, rc, "grow map");
    r->map_size = bigger;
    return MG_STORE_OK;
}

static MgStoreErr
lmdb_alloc_oops(MgRepo *r, uint64_t count, uint64_t *first)
{
    if (!r || !r->env || count == 0) return MG_STORE_INVALID;
    /* Its data pages are synced (MDB_NOMETASYNC), its meta page is not: a
     * machine crash may lose the reservation -- its OOPs went only to objects
     * of processes that died with it -- but never finds a meta page whose
     * pages are not on disk (what an MDB_NOSYNC commit risks). The next
     * synced commit makes it durable (LMDB commits in order). */
    MDB_txn *txn;
    int rc = mdb_txn_begin(r->env, NULL, 0, &txn);
    if (rc) return lmb_from_mdb(r, rc, "allocate OOPs");
    uint64_t next;
    if ((rc = lmb_meta_get(txn, r->meta, "next_oop", &next, 8))) goto fail;
    if (next > UINT64_MAX - count * 8) {
        mdb_txn_abort(txn);
        return lmb_fail(r, MG_STORE_FULL, "OOP space exhausted");
    }
    if ((rc = lmb_meta_put(txn, r->meta, "next_oop", next + count * 8, 8))) goto fail;
    rc = mdb_txn_commit(txn);
    if (rc) return lmb_from_mdb(r, rc, "commit");
    *first = next;
    return MG_STORE_OK;
fail:
    mdb_txn_abort(txn);
    return lmb_from_mdb(r, rc, "allocate OOPs");
}

int
lmb_cmp_u64(const void *a, const void *b)
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
    MgRepo *r;
    MDB_txn *txn;
    const uint64_t *written;
    size_t nwritten;
    uint64_t top, from, bad;
    int rc;
    uint64_t lo, hi;           /* the written OOPs' range; bits: one per OOP in it, or NULL */
    uint8_t *bits;
} RefCheck;

/* Whether the commit writes oop: a bit test when the written OOPs are dense
 * enough for a bitmap (a big commit of new objects), else a binary search. */
static bool
written_has(const RefCheck *c, uint64_t oop)
{
    if (c->bits) {
        if (oop < c->lo || oop > c->hi) return false;
        uint64_t i = (oop - c->lo) / 8;
        return (c->bits[i / 8] >> (i % 8)) & 1;
    }
    return sorted_has(c->written, c->nwritten, oop);
}

static void
check_ref(uint64_t oop, uint8_t type, void *arg)
{
    (void)type;
    RefCheck *c = arg;
    if (oop < MG_OOP_FIRST || c->bad || c->rc) return;     /* well-known OOPs need no record */
    if (written_has(c, oop)) return;
    if (oop <= c->top) {
        MDB_val k = { sizeof oop, &oop }, v;
        int rc = mdb_get(c->txn, c->r->obj, &k, &v);
        if (rc == 0) return;
        if (rc != MDB_NOTFOUND) { c->rc = rc; return; }
    }
    c->bad = oop;
}

/* Commit step (1b): every reference of every record written resolves. */
static MgStoreErr
check_refs(MgRepo *r, MDB_txn *txn, const MgWrite *writes, size_t n, uint64_t top)
{
    uint64_t *w = malloc((n ? n : 1) * sizeof *w);
    if (!w) return MG_STORE_NOMEM;
    bool sorted = true;
    for (size_t i = 0; i < n; i++) {
        w[i] = writes[i].oop;
        if (i && w[i] < w[i - 1]) sorted = false;
    }
    if (!sorted) qsort(w, n, sizeof *w, lmb_cmp_u64);
    RefCheck c = { r, txn, w, n, top, 0, 0, 0, 0, 0, NULL };
    if (n > 1024) {
        uint64_t span = (w[n - 1] - w[0]) / 8 + 1;    /* OOPs are multiples of 8 */
        if (span <= (uint64_t)n * 64) {               /* at most 8 bytes of bitmap per write */
            c.bits = calloc(span / 8 + 1, 1);
            c.lo = w[0];
            c.hi = w[n - 1];
            for (size_t i = 0; c.bits && i < n; i++) {
                uint64_t b = (w[i] - c.lo) / 8;
                c.bits[b / 8] |= (uint8_t)(1u << (b % 8));
            }
        }
    }
    MgStoreErr err = MG_STORE_OK;
    for (size_t i = 0; i < n && !err; i++) {
        if (writes[i].remove) continue;
        c.from = writes[i].oop;
        const char *why = r->ref_scan(writes[i].data, writes[i].len, check_ref, &c);
        if (c.rc) err = lmb_from_mdb(r, c.rc, "commit");
        else if (c.bad)
            err = lmb_fail(r, MG_STORE_DANGLING, "object %llu references object %llu, which no longer exists "
                       "(reclaimed by the repository GC): nothing was committed",
                       (unsigned long long)c.from, (unsigned long long)c.bad);
        else if (why)
            err = lmb_fail(r, MG_STORE_INVALID, "record of object %llu does not scan (%s): nothing was committed",
                       (unsigned long long)c.from, why);
    }
    free(c.bits);
    free(w);
    return err;
}

/* ---- the class index ----
 * classidx holds a key of 16 bytes, big-endian (class OOP, OOP), with an
 * empty value, for every object record: list_instances reads one class's
 * instances as one key range instead of walking every record. Kept by every
 * commit and sweep of a handle that has a class_of reader (txn.c and the
 * stone install scan.c's); "classidx" in meta says the table is complete
 * (it is built once, by the first such writable handle). Readers check what
 * it names against the records, so an entry left behind by a writer without
 * the reader is harmless. */
static void
class_key(unsigned char key[16], uint64_t cls, uint64_t oop)
{
    for (int i = 0; i < 8; i++) {
        key[i] = (unsigned char)(cls >> (56 - 8 * i));
        key[8 + i] = (unsigned char)(oop >> (56 - 8 * i));
    }
}

static uint64_t
key_part(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++) v = v << 8 | p[i];
    return v;
}

bool
lmb_class_index_kept(MgRepo *r, MDB_txn *txn)
{
    uint64_t built;
    return r->class_of && r->have_classidx && lmb_meta_get(txn, r->meta, "classidx", &built, 8) == 0;
}

/* The class of the stored record of oop, 0 when none. */
static uint64_t
stored_class(MgRepo *r, MDB_txn *txn, uint64_t oop)
{
    MDB_val k = { sizeof oop, &oop }, v;
    if (mdb_get(txn, r->obj, &k, &v) || v.mv_size < REC_HEADER) return 0;
    return r->class_of((const char *)v.mv_data + REC_HEADER, v.mv_size - REC_HEADER);
}

int
lmb_class_index_set(MgRepo *r, MDB_txn *txn, uint64_t cls, uint64_t oop, bool add)
{
    unsigned char key[16];
    class_key(key, cls, oop);
    MDB_val k = { sizeof key, key }, v = { 0, NULL };
    int rc = add ? mdb_put(txn, r->classidx, &k, &v, 0) : mdb_del(txn, r->classidx, &k, NULL);
    return rc == MDB_NOTFOUND ? 0 : rc;
}

/* Before a write of oop (stored: it may have a record): the entry moves to
 * the new record's class (a become, a new version), or goes (a delete). */
static int
class_index_update(MgRepo *r, MDB_txn *txn, uint64_t oop, bool stored, const MgWrite *w)
{
    uint64_t old = stored ? stored_class(r, txn, oop) : 0;
    uint64_t now = w->remove ? 0 : r->class_of(w->data, w->len);
    if (old == now) return 0;
    int rc = old ? lmb_class_index_set(r, txn, old, oop, false) : 0;
    if (!rc && now) rc = lmb_class_index_set(r, txn, now, oop, true);
    return rc;
}

static void
lmdb_set_class_of(MgRepo *r, MgClassOf class_of)
{
    if (!r) return;
    r->class_of = class_of;
    if (!class_of || !r->have_classidx || (r->flags & MG_REPO_RDONLY)) return;
    MDB_txn *txn;
    if (mdb_txn_begin(r->env, NULL, 0, &txn)) return;
    uint64_t built;
    if (lmb_meta_get(txn, r->meta, "classidx", &built, 8) == 0) { mdb_txn_abort(txn); return; }
    /* built once: every record so far (one write transaction) */
    MDB_cursor *c;
    int rc = mdb_cursor_open(txn, r->obj, &c);
    MDB_val k, v;
    for (rc = rc ? rc : mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0; rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        if (v.mv_size < REC_HEADER || k.mv_size != 8) continue;
        uint64_t cls = class_of((const char *)v.mv_data + REC_HEADER, v.mv_size - REC_HEADER);
        if (cls && (rc = lmb_class_index_set(r, txn, cls, lmb_get_u64(&k), true))) break;
    }
    if (c) mdb_cursor_close(c);
    if (rc == MDB_NOTFOUND && lmb_meta_put(txn, r->meta, "classidx", 1, 8) == 0) lmb_commit_durably(r, txn);
    else mdb_txn_abort(txn);
}

static MgStoreErr
lmdb_view_instances(MgView *v, uint64_t cls, bool (*fn)(uint64_t oop, void *arg), void *arg)
{
    MgRepo *r = v->repo;
    uint64_t built;
    if (!r->have_classidx || lmb_meta_get(v->txn, r->meta, "classidx", &built, 8))
        return lmb_fail(r, MG_STORE_INVALID, "this repository has no class index yet");
    MDB_cursor *c;
    int rc = mdb_cursor_open(v->txn, r->classidx, &c);
    if (rc) return lmb_from_mdb(r, rc, "class index");
    unsigned char key[16];
    class_key(key, cls, 0);
    MDB_val k = { sizeof key, key }, val;
    for (rc = mdb_cursor_get(c, &k, &val, MDB_SET_RANGE); rc == 0; rc = mdb_cursor_get(c, &k, &val, MDB_NEXT)) {
        if (k.mv_size != 16 || key_part(k.mv_data) != cls) break;
        if (!fn(key_part((const unsigned char *)k.mv_data + 8), arg)) break;
    }
    mdb_cursor_close(c);
    if (rc && rc != MDB_NOTFOUND) return lmb_from_mdb(r, rc, "class index");
    return MG_STORE_OK;
}

/* A lock holder (the locks table, lmdb_sys.c). */

/* ---- locks at commit (backend.h contract 6) ----
 * A write set that writes an OOP on which a live session of another process
 * holds a lock is refused (MG_STORE_LOCKED). The OOPs of the locks table are
 * read once per LMDB write transaction into a sorted array -- usually none:
 * one cursor step -- and only a write found there has its holders read. */
typedef struct { uint64_t *oops; size_t n; } LockSet;

static int
lockset_load(MgRepo *r, MDB_txn *txn, LockSet *ls)
{
    ls->oops = NULL;
    ls->n = 0;
    if (!r->have_sys) return 0;
    MDB_cursor *c;
    int rc = mdb_cursor_open(txn, r->locks, &c);
    if (rc) return rc;
    size_t cap = 0;
    MDB_val k, v;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0; rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        if (ls->n == cap) {
            cap = cap ? cap * 2 : 16;
            uint64_t *bigger = realloc(ls->oops, cap * sizeof *bigger);
            if (!bigger) { rc = ENOMEM; break; }
            ls->oops = bigger;
        }
        ls->oops[ls->n++] = lmb_get_u64(&k);       /* INTEGERKEY: in order */
    }
    mdb_cursor_close(c);
    if (rc == MDB_NOTFOUND) return 0;
    free(ls->oops);
    ls->oops = NULL;
    ls->n = 0;
    return rc;
}

/* The session of another live process holding a lock on oop, or 0. */
static uint32_t
locked_by_other(MgRepo *r, MDB_txn *txn, const LockSet *ls, uint64_t oop, uint32_t pid, uint64_t started)
{
    if (!ls || !ls->n || !sorted_has(ls->oops, ls->n, oop)) return 0;
    MDB_val k = { sizeof oop, &oop }, v;
    uint32_t kind, n, other = 0;
    Holder *hs;
    if (mdb_get(txn, r->locks, &k, &v) || lmb_lock_decode(&v, &kind, &hs, &n)) return 0;
    for (uint32_t i = 0; i < n && !other; i++)
        if (!(hs[i].pid == pid && hs[i].started == started) && lmb_holder_live(r, txn, &hs[i])) other = hs[i].session;
    free(hs);
    return other;
}

/* The largest OOP stored: a write above it is a fresh record (nothing to
 * check for a conflict), and fresh records in ascending order are appended
 * (MDB_APPEND: no search, full pages, a compact tree that a later cold walk
 * reads sequentially). */
static int
top_oop(MgRepo *r, MDB_txn *txn, uint64_t *top)
{
    *top = 0;
    MDB_cursor *c;
    int rc = mdb_cursor_open(txn, r->obj, &c);
    if (rc) return rc;
    MDB_val lk, lv;
    rc = mdb_cursor_get(c, &lk, &lv, MDB_LAST);
    if (rc == 0 && lk.mv_size == sizeof *top) memcpy(top, lk.mv_data, sizeof *top);
    mdb_cursor_close(c);
    return rc == MDB_NOTFOUND ? 0 : rc;
}

/* One write set of process `by` (its pid and start) into txn as commit
 * sequence `next`: the conflict check, the lock check against ls, the
 * dangling-reference check, the records (and the class index) and the
 * commit-log entry. MG_STORE_CONFLICT, MG_STORE_LOCKED or another refusal
 * leaves txn as it was; *mdb_rc != 0 means txn failed and must be aborted. */
static MgStoreErr
apply_set(MgRepo *r, MDB_txn *txn, const MgWrite *writes, size_t n, uint64_t next, uint64_t *top, bool idx,
          const LockSet *ls, const Holder *by,
          uint64_t *conflicts, size_t max_conflicts, size_t *nconflicts, int *mdb_rc)
{
    *mdb_rc = 0;
    *nconflicts = 0;
    int rc;
    /* (1) conflicts: every written object must still have the version we read */
    size_t nc = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t oop = writes[i].oop;
        if (oop > *top) {                      /* no record: stored version 0 */
            if (writes[i].expected_version != 0) {
                if (nc < max_conflicts) conflicts[nc] = oop;
                nc++;
            }
            continue;
        }
        MDB_val k = { sizeof oop, &oop }, val;
        rc = mdb_get(txn, r->obj, &k, &val);
        uint64_t stored = 0;
        if (rc == 0) {
            if (val.mv_size < REC_HEADER) return lmb_fail(r, MG_STORE_CORRUPT, "record of OOP %llu is truncated", (unsigned long long)oop);
            memcpy(&stored, (char *)val.mv_data + 8, 8);
        } else if (rc != MDB_NOTFOUND) {
            *mdb_rc = rc;
            return lmb_from_mdb(r, rc, "commit");
        }
        if (stored != writes[i].expected_version) {
            if (nc < max_conflicts) conflicts[nc] = oop;
            nc++;
        }
    }
    if (nc) {
        *nconflicts = nc < max_conflicts ? nc : max_conflicts;
        return lmb_fail(r, MG_STORE_CONFLICT, "%zu object(s) changed by another commit", nc);
    }
    /* (1a) nothing written may be locked by another session */
    uint32_t holder = 0;
    for (size_t i = 0; ls && ls->n && i < n; i++) {
        uint32_t h = locked_by_other(r, txn, ls, writes[i].oop, by->pid, by->started);
        if (!h) continue;
        if (nc < max_conflicts) conflicts[nc] = writes[i].oop;
        nc++;
        if (!holder) holder = h;
    }
    if (nc) {
        *nconflicts = nc < max_conflicts ? nc : max_conflicts;
        return lmb_fail(r, MG_STORE_LOCKED, "locked by session %u", holder);   /* txn.c: "commit failed: N objects locked by..." */
    }
    /* (1b) no record may reference an object that has no record (GC) */
    MgStoreErr err;
    if (r->ref_scan && (err = check_refs(r, txn, writes, n, *top)) != MG_STORE_OK) return err;

    /* (2) the records, with the new version (and the class index) */
    uint64_t *oops = malloc((n ? n : 1) * sizeof(uint64_t));
    if (!oops) { *mdb_rc = ENOMEM; return MG_STORE_NOMEM; }
    for (size_t i = 0; i < n; i++) {
        uint64_t oop = writes[i].oop;
        oops[i] = oop;
        MDB_val k = { sizeof oop, &oop };
        if (idx && (rc = class_index_update(r, txn, oop, oop <= *top, &writes[i]))) goto fail;
        if (writes[i].remove) {
            rc = oop > *top ? 0 : mdb_del(txn, r->obj, &k, NULL);
            if (rc == MDB_NOTFOUND) rc = 0;
            if (rc) goto fail;
            continue;
        }
        MDB_val val = { REC_HEADER + writes[i].len, NULL };
        unsigned pflags = MDB_RESERVE;
        if (oop > *top) {                      /* above every key: append */
            pflags |= MDB_APPEND;
            *top = oop;
        }
        if ((rc = mdb_put(txn, r->obj, &k, &val, pflags))) goto fail;
        unsigned char *p = val.mv_data;
        uint32_t format = MG_STORE_FORMAT;
        memcpy(p, &format, 4);
        memcpy(p + 8, &next, 8);
        if (writes[i].len) memcpy(p + REC_HEADER, writes[i].data, writes[i].len);
        uint32_t crc = mg_crc32c(p + 8, val.mv_size - 8);
        memcpy(p + 4, &crc, 4);
    }
    /* (3) the commit log */
    MDB_val lk = { sizeof next, &next }, lv = { n * sizeof(uint64_t), oops };
    rc = mdb_put(txn, r->log, &lk, &lv, MDB_APPEND);
    free(oops);
    if (rc) { *mdb_rc = rc; return lmb_from_mdb(r, rc, "commit"); }
    return MG_STORE_OK;
fail:
    free(oops);
    *mdb_rc = rc;
    return lmb_from_mdb(r, rc, "commit");
}

/* A commit alone: one LMDB transaction for one write set. */
static MgStoreErr
commit_once(MgRepo *r, const MgWrite *writes, size_t n, uint64_t *seq,
            uint64_t *conflicts, size_t max_conflicts, size_t *nconflicts)
{
    MDB_txn *txn;
    int rc = mdb_txn_begin(r->env, NULL, 0, &txn);
    if (rc) return lmb_from_mdb(r, rc, "begin commit");
    uint64_t cur, top;
    if ((rc = lmb_meta_get(txn, r->meta, "seq", &cur, 8)) || (rc = top_oop(r, txn, &top))) {
        mdb_txn_abort(txn);
        return lmb_from_mdb(r, rc, "commit");
    }
    LockSet ls;
    if ((rc = lockset_load(r, txn, &ls))) {
        mdb_txn_abort(txn);
        return lmb_from_mdb(r, rc, "commit");
    }
    Holder me = { r->session, (uint32_t)getpid(), mg_cq_self_started() };
    MgStoreErr err = apply_set(r, txn, writes, n, cur + 1, &top, lmb_class_index_kept(r, txn), &ls, &me,
                               conflicts, max_conflicts, nconflicts, &rc);
    free(ls.oops);
    if (!err && (rc = lmb_meta_put(txn, r->meta, "seq", cur + 1, 8))) err = lmb_from_mdb(r, rc, "commit");
    if (err) {
        mdb_txn_abort(txn);
        return err;
    }
    if ((rc = lmb_commit_durably(r, txn))) return lmb_from_mdb(r, rc, "commit");
    *seq = cur + 1;
    return MG_STORE_OK;
}

/* ---- Batches (group commit) ----
 * A durable commit of a small write set goes through the commit queue
 * (commitq.h): the committer puts its write set in a slot, then waits for
 * LMDB's write lock. Whoever gets the lock with its own slot still queued
 * leads: it claims every queued slot (of live owners; a dead owner's commit
 * never started), applies the write sets in ticket order into one LMDB
 * transaction -- each its own commit sequence and log entry, checked for
 * conflicts against the ones before it -- records in meta "cq_slots" the
 * ticket it took from each slot, writes every result into its slot
 * (PENDING), commits (one data sync), syncs the meta page (group_sync) and
 * marks the slots DONE. A
 * follower that gets the lock and finds its slot taken gives the lock back
 * at once and waits on its slot (a futex) for DONE, then returns the result
 * once group_sync says its transaction is on disk. A leader that dies
 * leaves CLAIMED slots (its transaction never committed: they are queued
 * again) or PENDING ones (committed exactly when "cq_slots" holds their
 * ticket: a slot is taken again only once its result was read); the first
 * waiter that finds the leader gone sets them right.
 * With N committers waiting, one pair of syncs commits N transactions. */

#define CQ_WAIT_MS 2

/* MAGLEV_TEST_CQ_KILL=claimed|pending|committed: a leader of two or more
 * commits kills itself there (test/persist/commit_queue.sh: the others
 * recover). */
static void
cq_test_kill(int point, int nclaimed)
{
    static int at = -1;
    if (at < 0) {
        const char *e = getenv("MAGLEV_TEST_CQ_KILL");
        at = !e ? 0 : !strcmp(e, "claimed") ? 1 : !strcmp(e, "pending") ? 2 : !strcmp(e, "committed") ? 3 : 0;
    }
    if (at == point && nclaimed > 1) raise(SIGKILL);
}
#define CQ_DELAY_STEPS 4
#define CQ_DELAY_NS 25000

/* Whether slot s's leader is gone; then its CLAIMED and PENDING slots are
 * put right (the lock held). */
static bool
cq_recover(MgRepo *r, CqSlot *s)
{
    if (mg_cq_alive(s->leader_pid, s->leader_started)) return false;
    uint32_t pid = s->leader_pid;
    uint64_t started = s->leader_started, taken[CQ_SLOTS];
    MDB_txn *txn;
    if (mdb_txn_begin(r->env, NULL, MDB_RDONLY, &txn) != 0) return false;   /* try again later */
    int rc = cq_slots_get(r, txn, taken);
    mdb_txn_abort(txn);
    if (rc) return false;
    for (int i = 0; i < CQ_SLOTS; i++) {
        CqSlot *o = &r->cq->slot[i];
        if (o->leader_pid != pid || o->leader_started != started) continue;
        if (o->state == CQ_CLAIMED) mg_cq_set_state(r->cq, i, CQ_QUEUED);
        else if (o->state == CQ_PENDING) mg_cq_set_state(r->cq, i, taken[i] == o->ticket ? CQ_DONE : CQ_QUEUED);
    }
    return true;
}

static int
cmp_ticket(const void *a, const void *b, void *arg)
{
    const CommitQ *q = arg;
    uint64_t x = q->slot[*(const int *)a].ticket, y = q->slot[*(const int *)b].ticket;
    return x < y ? -1 : x > y;
}

/* Slot mine's result into the caller's variables, and the slot is free (the lock held). */
static MgStoreErr
cq_take(MgRepo *r, int mine, uint64_t *seq, uint64_t *conflicts, size_t max_conflicts, size_t *nconflicts,
        uint64_t *txnid)
{
    CqSlot *s = &r->cq->slot[mine];
    MgStoreErr err = (MgStoreErr)s->err;
    *seq = s->seq;
    *txnid = s->txnid;
    size_t nc = s->nconflicts < max_conflicts ? s->nconflicts : max_conflicts;
    for (size_t i = 0; i < nc; i++) conflicts[i] = s->conflicts[i];
    *nconflicts = nc;
    if (err) lmb_fail(r, err, "%s", s->msg);
    mg_cq_set_state(r->cq, mine, CQ_FREE);
    return err;
}

/* A batch that did not commit: the others' slots queue again, mine is free. */
static void
cq_give_back(CommitQ *q, const int *claimed, int n, int mine)
{
    mg_cq_lock(q);
    for (int j = 0; j < n; j++) mg_cq_set_state(q, claimed[j], claimed[j] == mine ? CQ_FREE : CQ_QUEUED);
    mg_cq_unlock(q);
}

/* Leads a batch: txn is LMDB's write transaction, the queue lock is held
 * and slot mine is queued. Returns with the lock released; *solo: commit
 * mine alone instead (the batch failed as a whole and was given back). */
static MgStoreErr
cq_lead(MgRepo *r, MDB_txn *txn, int mine, uint64_t *seq, uint64_t *conflicts, size_t max_conflicts,
        size_t *nconflicts, bool *solo)
{
    CommitQ *q = r->cq;
    int claimed[CQ_SLOTS], nclaimed = 0;
    uint32_t pid = (uint32_t)getpid();
    /* commit delay: when the last batch held several commits, the others
     * are likely a few microseconds from queueing theirs */
    for (int wait = 0; wait < CQ_DELAY_STEPS && q->last_batch > 1; wait++) {
        uint32_t queued = 0;
        for (int i = 0; i < CQ_SLOTS; i++) queued += q->slot[i].state == CQ_QUEUED;
        if (queued >= q->last_batch) break;
        mg_cq_unlock(q);
        struct timespec d = { 0, CQ_DELAY_NS };
        nanosleep(&d, NULL);
        mg_cq_lock(q);
    }
    for (int i = 0; i < CQ_SLOTS; i++) {
        CqSlot *s = &q->slot[i];
        if (s->state != CQ_QUEUED) continue;
        if (!mg_cq_alive(s->owner_pid, s->owner_started)) { mg_cq_set_state(q, i, CQ_FREE); continue; }
        s->leader_pid = pid;
        s->leader_started = mg_cq_self_started();
        mg_cq_set_state(q, i, CQ_CLAIMED);
        claimed[nclaimed++] = i;
    }
    mg_cq_unlock(q);
    cq_test_kill(1, nclaimed);
    qsort_r(claimed, (size_t)nclaimed, sizeof *claimed, cmp_ticket, q);
    /* the results go straight into the slots: a CLAIMED slot is the leader's alone */
    uint64_t cur, top;
    int rc = lmb_meta_get(txn, r->meta, "seq", &cur, 8);
    if (!rc) rc = top_oop(r, txn, &top);
    bool idx = !rc && lmb_class_index_kept(r, txn);
    LockSet ls = { NULL, 0 };
    if (!rc) rc = lockset_load(r, txn, &ls);
    size_t applied = 0;
    for (int j = 0; j < nclaimed && !rc; j++) {
        CqSlot *s = &q->slot[claimed[j]];
        MgWrite *w = mg_cq_writes(q, claimed[j]);
        size_t nc = 0;
        if (!w) {
            s->err = lmb_fail(r, MG_STORE_CORRUPT, "a queued commit's write set does not parse");
        } else {
            Holder owner = { 0, s->owner_pid, s->owner_started };
            s->err = apply_set(r, txn, w, s->nwrites, cur + 1, &top, idx, &ls, &owner, s->conflicts, CQ_CONFLICTS, &nc, &rc);
            free(w);
        }
        s->nconflicts = (uint32_t)nc;
        snprintf(s->msg, sizeof s->msg, "%.255s", s->err ? r->error : "");
        s->seq = 0;
        if (rc) break;
        if (s->err == MG_STORE_OK) { s->seq = ++cur; applied++; }
    }
    free(ls.oops);
    if (!rc && applied && !(rc = lmb_meta_put(txn, r->meta, "seq", cur, 8))) {
        uint64_t taken[CQ_SLOTS];
        if (!(rc = cq_slots_get(r, txn, taken))) {
            for (int j = 0; j < nclaimed; j++) taken[claimed[j]] = q->slot[claimed[j]].ticket;
            rc = cq_slots_put(r, txn, taken);
        }
    }
    if (rc) {
        /* the transaction failed (a full map, ...): the others queue again, mine commits alone */
        mdb_txn_abort(txn);
        cq_give_back(q, claimed, nclaimed, mine);
        *solo = true;
        return MG_STORE_OK;
    }
    uint64_t txnid = applied ? (uint64_t)mdb_txn_id(txn) : 0;
    mg_cq_lock(q);
    q->last_batch = (uint32_t)applied;     /* refused ones (conflicts) are no reason to wait */
    for (int j = 0; j < nclaimed; j++) {
        CqSlot *s = &q->slot[claimed[j]];
        s->txnid = s->err ? 0 : txnid;
        mg_cq_set_state(q, claimed[j], applied ? CQ_PENDING : CQ_DONE);
    }
    mg_cq_unlock(q);
    if (applied) cq_test_kill(2, nclaimed);
    int sync_rc = 0;
    if (!applied) {
        mdb_txn_abort(txn);                    /* every one refused: nothing to write */
    } else if ((rc = mdb_txn_commit(txn))) {  /* one data sync for all */
        cq_give_back(q, claimed, nclaimed, mine);   /* nothing committed: mine reports it */
        return lmb_from_mdb(r, rc, "commit");
    } else {
        cq_test_kill(3, nclaimed);
        sync_rc = group_sync(r, txnid);        /* and one meta sync (a waiter that finds it failed syncs itself) */
    }
    mg_cq_lock(q);
    /* PENDING slots are ours until DONE; once DONE (all of them above, when
     * none applied) their owners free and reuse them: never touched again */
    for (int j = 0; applied && j < nclaimed; j++)
        if (claimed[j] != mine && q->slot[claimed[j]].state == CQ_PENDING) mg_cq_set_state(q, claimed[j], CQ_DONE);
    uint64_t unused;
    MgStoreErr err = cq_take(r, mine, seq, conflicts, max_conflicts, nconflicts, &unused);
    mg_cq_unlock(q);
    if (!err && sync_rc) return lmb_from_mdb(r, sync_rc, "commit");
    return err;
}

/* A commit through the queue; *solo when it must commit alone (too big,
 * no free slot, or its batch failed as a whole). */
static MgStoreErr
commit_batched(MgRepo *r, const MgWrite *writes, size_t n, uint64_t *seq,
               uint64_t *conflicts, size_t max_conflicts, size_t *nconflicts, bool *solo)
{
    *solo = false;
    int mine = mg_cq_enqueue(r->cq, writes, n);
    if (mine < 0) { *solo = true; return MG_STORE_OK; }
    CommitQ *q = r->cq;
    CqSlot *s = &q->slot[mine];
    for (;;) {
        mg_cq_lock(q);
        uint32_t st = s->state;
        if (st == CQ_DONE) {
            uint64_t txnid;
            MgStoreErr err = cq_take(r, mine, seq, conflicts, max_conflicts, nconflicts, &txnid);
            mg_cq_unlock(q);
            if (!err && txnid) {
                int rc = group_sync(r, txnid);       /* on disk before we say so */
                if (rc) return lmb_from_mdb(r, rc, "commit");
            }
            return err;
        }
        if (st == CQ_CLAIMED || st == CQ_PENDING) {
            bool recovered = cq_recover(r, s);
            mg_cq_unlock(q);
            if (!recovered) mg_cq_wait(q, mine, st, CQ_WAIT_MS);
            continue;
        }
        mg_cq_unlock(q);
        /* queued: wait for the write lock; then lead, unless a leader took it meanwhile */
        MDB_txn *txn;
        int rc = mdb_txn_begin(r->env, NULL, 0, &txn);
        mg_cq_lock(q);
        if (rc) {
            if (s->state == CQ_QUEUED) {
                mg_cq_set_state(q, mine, CQ_FREE);
                mg_cq_unlock(q);
                return lmb_from_mdb(r, rc, "begin commit");
            }
            mg_cq_unlock(q);
            continue;
        }
        if (s->state != CQ_QUEUED) {
            mg_cq_unlock(q);
            mdb_txn_abort(txn);
            continue;
        }
        return cq_lead(r, txn, mine, seq, conflicts, max_conflicts, nconflicts, solo);
    }
}

static MgStoreErr
lmdb_commit(MgRepo *r, const MgWrite *writes, size_t n, uint64_t *seq,
               uint64_t *conflicts, size_t max_conflicts, size_t *nconflicts)
{
    if (!r || !r->env || (r->flags & MG_REPO_RDONLY)) return MG_STORE_INVALID;
    *nconflicts = 0;
    if (n == 0) {
        MgView *v;
        MgStoreErr e = mg_view_begin(r, &v);
        if (e) return e;
        *seq = v->seq;
        mg_view_end(v);
        return MG_STORE_OK;
    }
    bool solo = true;
    MgStoreErr e = MG_STORE_OK;
    if (r->cq) e = commit_batched(r, writes, n, seq, conflicts, max_conflicts, nconflicts, &solo);
    if (solo) e = commit_once(r, writes, n, seq, conflicts, max_conflicts, nconflicts);
    if (e == MG_STORE_FULL && grow(r) == MG_STORE_OK)
        e = commit_once(r, writes, n, seq, conflicts, max_conflicts, nconflicts);
    return e;
}

/* ---- the commit log ---- */

static MgStoreErr
lmdb_log_since(MgRepo *r, uint64_t since,
                  void (*fn)(uint64_t seq, const uint64_t *oops, size_t count, void *arg), void *arg)
{
    MDB_txn *txn;
    MDB_cursor *cur;
    int rc = mdb_txn_begin(r->env, NULL, MDB_RDONLY, &txn);
    if (rc) return lmb_from_mdb(r, rc, "begin");
    if ((rc = mdb_cursor_open(txn, r->log, &cur))) { mdb_txn_abort(txn); return lmb_from_mdb(r, rc, "cursor"); }
    uint64_t start = since + 1;
    MDB_val k = { sizeof start, &start }, v;
    for (rc = mdb_cursor_get(cur, &k, &v, MDB_SET_RANGE); rc == 0; rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) {
        uint64_t seq = lmb_get_u64(&k);
        if (v.mv_size % 8) { rc = MDB_CORRUPTED; break; }
        /* LMDB data may be unaligned: copy out */
        size_t count = v.mv_size / 8;
        uint64_t *oops = malloc((count ? count : 1) * 8);
        if (!oops) { rc = ENOMEM; break; }
        memcpy(oops, v.mv_data, count * 8);
        fn(seq, oops, count, arg);
        free(oops);
    }
    mdb_cursor_close(cur);
    mdb_txn_abort(txn);
    if (rc && rc != MDB_NOTFOUND) return lmb_from_mdb(r, rc, "read log");
    return MG_STORE_OK;
}

static MgStoreErr
lmdb_log_trim(MgRepo *r, uint64_t upto)
{
    MDB_txn *txn;
    MDB_cursor *cur;
    int rc = mdb_txn_begin(r->env, NULL, 0, &txn);
    if (rc) return lmb_from_mdb(r, rc, "begin");
    if ((rc = mdb_cursor_open(txn, r->log, &cur))) { mdb_txn_abort(txn); return lmb_from_mdb(r, rc, "cursor"); }
    MDB_val k, v;
    for (;;) {
        rc = mdb_cursor_get(cur, &k, &v, MDB_FIRST);
        if (rc == MDB_NOTFOUND || (rc == 0 && lmb_get_u64(&k) > upto)) { rc = 0; break; }
        if (rc || (rc = mdb_cursor_del(cur, 0))) break;
    }
    mdb_cursor_close(cur);
    if (rc) { mdb_txn_abort(txn); return lmb_from_mdb(r, rc, "trim log"); }
    rc = lmb_commit_durably(r, txn);
    return rc ? lmb_from_mdb(r, rc, "commit") : MG_STORE_OK;
}

static MgStoreErr
lmdb_stat(MgRepo *r, MgRepoStat *out)
{
    memset(out, 0, sizeof *out);
    MDB_txn *txn;
    int rc = mdb_txn_begin(r->env, NULL, MDB_RDONLY, &txn);
    if (rc) return lmb_from_mdb(r, rc, "begin");
    MDB_stat so, sl;
    uint64_t format = 0;
    if ((rc = lmb_meta_get(txn, r->meta, "seq", &out->seq, 8))
        || (rc = lmb_meta_get(txn, r->meta, "next_oop", &out->next_oop, 8))
        || (rc = lmb_meta_get(txn, r->meta, "format", &format, 4))
        || (rc = mdb_stat(txn, r->obj, &so)) || (rc = mdb_stat(txn, r->log, &sl))) {
        mdb_txn_abort(txn);
        return lmb_from_mdb(r, rc, "stat");
    }
    out->format = (uint32_t)format;
    out->records = so.ms_entries;
    out->log_entries = sl.ms_entries;
    MDB_envinfo info;
    MDB_stat se;
    mdb_env_info(r->env, &info);
    mdb_env_stat(r->env, &se);
    out->map_size = info.me_mapsize;
    out->used_bytes = (uint64_t)(info.me_last_pgno + 1) * se.ms_psize;
    out->readers = info.me_numreaders;
    out->page_size = se.ms_psize;
    /* the free list (LMDB's dbi 0): each value is a page-number list, its first word the count */
    MDB_cursor *fc;
    if (mdb_cursor_open(txn, 0, &fc) == 0) {
        MDB_val fk, fv;
        for (rc = mdb_cursor_get(fc, &fk, &fv, MDB_FIRST); rc == 0; rc = mdb_cursor_get(fc, &fk, &fv, MDB_NEXT)) {
            size_t count = 0;
            if (fv.mv_size >= sizeof count) memcpy(&count, fv.mv_data, sizeof count);
            out->free_pages += count;
        }
        mdb_cursor_close(fc);
    }
    mdb_txn_abort(txn);
    return MG_STORE_OK;
}

/* ---- the stone token and commit notification (backend.h) ---- */

static MgStoreErr
lmdb_stone_token(MgRepo *r, MgStoneToken *out)
{
    (void)r;
    memset(out, 0, sizeof *out);
    out->held = true;         /* the stone's pid-file lock beside the repository is the token */
    return MG_STORE_OK;
}

/* Polls the metadata's seq: a read transaction on the shared map, no I/O. */
static MgStoreErr
lmdb_wait_commit(MgRepo *r, uint64_t after, int timeout_ms, uint64_t *seq)
{
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    long step_us = 200;
    for (;;) {
        MDB_txn *txn;
        int rc = mdb_txn_begin(r->env, NULL, MDB_RDONLY, &txn);
        if (rc) return lmb_from_mdb(r, rc, "begin");
        rc = lmb_meta_get(txn, r->meta, "seq", seq, 8);
        mdb_txn_abort(txn);
        if (rc) return lmb_from_mdb(r, rc, "read seq");
        if (*seq > after || timeout_ms == 0) return MG_STORE_OK;
        struct timespec t;
        clock_gettime(CLOCK_MONOTONIC, &t);
        long long ms = (long long)(t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) / 1000000;
        if (timeout_ms > 0 && ms >= timeout_ms) return MG_STORE_OK;
        struct timespec d = { 0, step_us * 1000 };
        nanosleep(&d, NULL);
        if (step_us < 5000) step_us = step_us * 3 / 2;
    }
}

static int
lmdb_commit_fd(MgRepo *r)
{
    (void)r;
    return -1;
}

static MgStoreErr
lmdb_backup(MgRepo *r, const char *dest)
{
    int rc = mdb_env_copy2(r->env, dest, MDB_CP_COMPACT);
    return rc ? lmb_from_mdb(r, rc, "backup") : MG_STORE_OK;
}

/* ---- the integrity walk (maglev check, the repository GC) ---- */

/* Calls fn on every record of txn's snapshot in OOP order, until it returns false. */
static MgStoreErr
walk_records(MgRepo *r, MDB_txn *txn, bool (*fn)(uint64_t oop, MgStoreErr err, const MgRecord *rec, void *arg), void *arg)
{
    MDB_cursor *cur;
    int rc = mdb_cursor_open(txn, r->obj, &cur);
    if (rc) return lmb_from_mdb(r, rc, "cursor");
    MDB_val k, v;
    bool go = true;
    for (rc = mdb_cursor_get(cur, &k, &v, MDB_FIRST); rc == 0 && go; rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) {
        uint64_t oop = lmb_get_u64(&k);
        MgRecord rec;
        if (k.mv_size != sizeof oop) {
            lmb_fail(r, MG_STORE_CORRUPT, "a record key is %zu bytes, not 8", k.mv_size);
            go = fn(oop, MG_STORE_CORRUPT, NULL, arg);
        } else if (lmb_decode(r, oop, &v, &rec) != MG_STORE_OK) {
            go = fn(oop, MG_STORE_CORRUPT, NULL, arg);
        } else {
            go = fn(oop, MG_STORE_OK, &rec, arg);
        }
    }
    mdb_cursor_close(cur);
    if (rc && rc != MDB_NOTFOUND) return lmb_from_mdb(r, rc, "walk records");
    return MG_STORE_OK;
}

static MgStoreErr
lmdb_view_each(MgView *v, bool (*fn)(uint64_t oop, MgStoreErr err, const MgRecord *rec, void *arg), void *arg)
{
    return walk_records(v->repo, v->txn, fn, arg);
}

static MgStoreErr
lmdb_each_record(MgRepo *r, uint64_t *seq, uint64_t *next_oop,
                    bool (*fn)(uint64_t oop, MgStoreErr err, const MgRecord *rec, void *arg), void *arg)
{
    if (!r || !r->env) return MG_STORE_INVALID;
    MDB_txn *txn;
    int rc = mdb_txn_begin(r->env, NULL, MDB_RDONLY, &txn);
    if (rc) return lmb_from_mdb(r, rc, "begin");
    MgStoreErr err;
    if ((rc = lmb_meta_get(txn, r->meta, "seq", seq, 8)) || (rc = lmb_meta_get(txn, r->meta, "next_oop", next_oop, 8)))
        err = lmb_from_mdb(r, rc, "read metadata");
    else
        err = walk_records(r, txn, fn, arg);
    mdb_txn_abort(txn);
    return err;
}

/* ---- memory ---- */

static void
lmdb_release_pages(MgRepo *r)
{
    /* the map is a read-only shared file mapping: dropping its pages from
     * this process loses nothing (they are read again from the file).
     * LMDB does not tell where it mapped the file: /proc/self/maps does. */
    const char *dir;
    if (!r || mdb_env_get_path(r->env, &dir)) return;
    if (r->nmaps < 0) {
        /* looked up once per map: reading /proc/self/maps at every call (each
         * 256 faults of a walk under a cap) was 40% of that walk. The map
         * moves only when this handle sets the map size (open, grow). */
        char file[4200];
        snprintf(file, sizeof file, "%s/data.mdb", dir);
        FILE *f = fopen("/proc/self/maps", "r");
        if (!f) return;
        r->nmaps = 0;
        char line[4600];
        while (fgets(line, sizeof line, f)) {
            unsigned long lo, hi;
            int off = 0;
            if (sscanf(line, "%lx-%lx %*s %*s %*s %*s %n", &lo, &hi, &off) < 2 || !off) continue;
            char *path = line + off;
            path[strcspn(path, "\n")] = '\0';
            if (!strcmp(path, file) && r->nmaps < (int)ARRAY_LEN(r->maps))
                r->maps[r->nmaps].lo = lo, r->maps[r->nmaps++].hi = hi;
        }
        fclose(f);
    }
    for (int i = 0; i < r->nmaps; i++) madvise((void *)r->maps[i].lo, r->maps[i].hi - r->maps[i].lo, MADV_DONTNEED);
}

/* ---- the dispatch table (backend_ops.h) ---- */

const MgBackendOps mg_lmdb_ops = {
    .name = "lmdb",
    .set_class_of = lmdb_set_class_of,
    .view_instances = lmdb_view_instances,
    .stone_token = lmdb_stone_token,
    .wait_commit = lmdb_wait_commit,
    .commit_fd = lmdb_commit_fd,
    .open = lmdb_open,
    .close = lmdb_close,
    .error = lmdb_error,
    .view_begin = lmdb_view_begin,
    .view_seq = lmdb_view_seq,
    .view_read = lmdb_view_read,
    .view_end = lmdb_view_end,
    .view_each = lmdb_view_each,
    .view_gc_round = lmdb_view_gc_round,
    .alloc_oops = lmdb_alloc_oops,
    .commit = lmdb_commit,
    .log_since = lmdb_log_since,
    .log_trim = lmdb_log_trim,
    .stat = lmdb_stat,
    .backup = lmdb_backup,
    .each_record = lmdb_each_record,
    .sessions = lmdb_sessions,
    .release_pages = lmdb_release_pages,
    .session_begin = lmdb_session_begin,
    .session_end = lmdb_session_end,
    .session_self = lmdb_session_self,
    .session_list = lmdb_session_list,
    .lock = lmdb_lock,
    .unlock = lmdb_unlock,
    .unlock_all = lmdb_unlock_all,
    .lock_list = lmdb_lock_list,
    .counter_get = lmdb_counter_get,
    .counter_update = lmdb_counter_update,
    .set_ref_scan = lmdb_set_ref_scan,
    .gc_state = lmdb_gc_state,
    .gc_open = lmdb_gc_open,
    .gc_vote = lmdb_gc_vote,
    .gc_sweep = lmdb_gc_sweep,
    .gc_cancel = lmdb_gc_cancel,
};
