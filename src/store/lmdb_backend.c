/* lmdb_backend.c -- the embedded storage backend on LMDB (backend.h).
 * One LMDB environment per repository directory, shared by every process
 * through the OS page cache. The on-disk layout is in docs/format.md:
 *   obj  : oop (u64, integer key) -> record header (16 bytes) + payload
 *   log  : seq (u64, integer key) -> the OOPs that commit wrote (u64 each)
 *   meta : "format" u32, "seq" u64, "next_oop" u64
 * This is the only file besides its siblings in src/store/ that includes lmdb.h. */
#include "backend.h"
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <lmdb.h>
#include <sys/mman.h>
#include <zlib.h>

#define REC_HEADER 16
#define DEFAULT_MAP_SIZE ((size_t)1 << 38)

struct MgRepo {
    MDB_env *env;
    MDB_dbi obj, log, meta;
    int flags;
    size_t map_size;
    int sync_fd;          /* <dir>/sync.lock: group commit (commit_durably), -1: sync alone */
    char error[512];
};

struct MgView {
    MgRepo *repo;
    MDB_txn *txn;
    uint64_t seq;
};

static MgStoreErr
fail(MgRepo *r, MgStoreErr code, const char *fmt, ...)
{
    if (r) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(r->error, sizeof r->error, fmt, ap);
        va_end(ap);
    }
    return code;
}

static MgStoreErr
from_mdb(MgRepo *r, int rc, const char *what)
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
    return fail(r, code, "%s: %s", what, mdb_strerror(rc));
}

const char *
mg_store_strerror(MgStoreErr e)
{
    switch (e) {
    case MG_STORE_OK: return "ok";
    case MG_STORE_CONFLICT: return "write-write conflict";
    case MG_STORE_NOTFOUND: return "no such object";
    case MG_STORE_CORRUPT: return "corrupt repository";
    case MG_STORE_VERSION: return "repository format mismatch";
    case MG_STORE_FULL: return "repository full";
    case MG_STORE_LOCKED: return "repository locked";
    case MG_STORE_IO: return "I/O error";
    case MG_STORE_NOMEM: return "out of memory";
    case MG_STORE_INVALID: return "invalid use of the repository";
    }
    return "unknown error";
}

const char *
mg_repo_error(const MgRepo *r)
{
    return r && r->error[0] ? r->error : "no error";
}

static uint64_t
get_u64(const MDB_val *v)
{
    uint64_t x = 0;
    if (v->mv_size >= 8) memcpy(&x, v->mv_data, 8);
    return x;
}

static int
meta_get(MDB_txn *txn, MDB_dbi dbi, const char *key, uint64_t *out, size_t width)
{
    MDB_val k = { strlen(key), (void *)key }, v;
    int rc = mdb_get(txn, dbi, &k, &v);
    if (rc) return rc;
    if (v.mv_size != width) return MDB_CORRUPTED;
    *out = 0;
    memcpy(out, v.mv_data, width);
    return 0;
}

static int
meta_put(MDB_txn *txn, MDB_dbi dbi, const char *key, uint64_t val, size_t width)
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
static int
commit_durably(MgRepo *r, MDB_txn *txn)
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
    if (rc) return from_mdb(r, rc, "begin");
    unsigned create = (r->flags & MG_REPO_RDONLY) ? 0 : MDB_CREATE;
    if ((rc = mdb_dbi_open(txn, "obj", create | MDB_INTEGERKEY, &r->obj))
        || (rc = mdb_dbi_open(txn, "log", create | MDB_INTEGERKEY, &r->log))
        || (rc = mdb_dbi_open(txn, "meta", create, &r->meta))) {
        mdb_txn_abort(txn);
        return from_mdb(r, rc, "open tables");
    }
    uint64_t format;
    rc = meta_get(txn, r->meta, "format", &format, 4);
    if (rc == MDB_NOTFOUND && !(r->flags & MG_REPO_RDONLY)) {
        if ((rc = meta_put(txn, r->meta, "format", MG_STORE_FORMAT, 4))
            || (rc = meta_put(txn, r->meta, "seq", 0, 8))
            || (rc = meta_put(txn, r->meta, "next_oop", MG_OOP_FIRST, 8))) {
            mdb_txn_abort(txn);
            return from_mdb(r, rc, "initialise");
        }
        format = MG_STORE_FORMAT;
    } else if (rc) {
        mdb_txn_abort(txn);
        return from_mdb(r, rc, "read format");
    }
    if (format != MG_STORE_FORMAT) {
        mdb_txn_abort(txn);
        return fail(r, MG_STORE_VERSION, "repository format %llu, this maglev reads format %d",
                    (unsigned long long)format, MG_STORE_FORMAT);
    }
    rc = mdb_txn_commit(txn);
    return rc ? from_mdb(r, rc, "commit") : MG_STORE_OK;
}

MgStoreErr
mg_repo_open(const char *dir, int flags, MgRepo **out)
{
    *out = NULL;
    struct stat st;
    if (stat(dir, &st) != 0) {
        if (!(flags & MG_REPO_CREATE) || errno != ENOENT || mkdir(dir, 0700) != 0) {
            MgRepo tmp = { 0 };
            fail(&tmp, MG_STORE_IO, "%s: %s", dir, strerror(errno));
            return MG_STORE_IO;
        }
    }
    MgRepo *r = calloc(1, sizeof *r);
    if (!r) return MG_STORE_NOMEM;
    r->flags = flags;
    r->map_size = DEFAULT_MAP_SIZE;
    int rc = mdb_env_create(&r->env);
    if (rc) { free(r); return MG_STORE_NOMEM; }
    mdb_env_set_maxdbs(r->env, 8);
    mdb_env_set_maxreaders(r->env, 1024);
    mdb_env_set_mapsize(r->env, r->map_size);
    r->sync_fd = -1;
    unsigned eflags = MDB_NOTLS | MDB_NOMETASYNC;   /* meta pages: synced by group_sync */   /* readahead on: a cold walk of records written together reads them sequentially */
    if (flags & MG_REPO_NOSYNC) eflags |= MDB_NOSYNC;
    if (flags & MG_REPO_RDONLY) eflags |= MDB_RDONLY;
    rc = mdb_env_open(r->env, dir, eflags, 0600);
    MgStoreErr err;
    if (rc) {
        err = from_mdb(r, rc, dir);
        goto fail;
    }
    int dead;
    mdb_reader_check(r->env, &dead);   /* free the reader slots of killed processes */
    if (!(flags & (MG_REPO_NOSYNC | MG_REPO_RDONLY))) {
        char lock[4096];
        snprintf(lock, sizeof lock, "%s/sync.lock", dir);
        r->sync_fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    }
    if ((err = init_tables(r)) != MG_STORE_OK) goto fail;
    *out = r;
    return MG_STORE_OK;
fail:
    /* keep the message: the caller reads it through a closed-but-allocated handle */
    mdb_env_close(r->env);
    r->env = NULL;
    *out = r;
    return err;
}

void
mg_repo_close(MgRepo *r)
{
    if (!r) return;
    if (r->sync_fd >= 0) close(r->sync_fd);
    if (r->env) mdb_env_close(r->env);
    free(r);
}

/* ---- views ---- */

MgStoreErr
mg_view_begin(MgRepo *r, MgView **out)
{
    *out = NULL;
    if (!r || !r->env) return MG_STORE_INVALID;
    MgView *v = calloc(1, sizeof *v);
    if (!v) return MG_STORE_NOMEM;
    int rc = mdb_txn_begin(r->env, NULL, MDB_RDONLY, &v->txn);
    if (rc) { free(v); return from_mdb(r, rc, "begin view"); }
    rc = meta_get(v->txn, r->meta, "seq", &v->seq, 8);
    if (rc) {
        mdb_txn_abort(v->txn);
        free(v);
        return from_mdb(r, rc, "read seq");
    }
    v->repo = r;
    *out = v;
    return MG_STORE_OK;
}

uint64_t
mg_view_seq(const MgView *v)
{
    return v->seq;
}

static MgStoreErr
decode(MgRepo *r, uint64_t oop, const MDB_val *val, MgRecord *out)
{
    const unsigned char *p = val->mv_data;
    if (val->mv_size < REC_HEADER)
        return fail(r, MG_STORE_CORRUPT, "record of OOP %llu is truncated (%zu bytes)", (unsigned long long)oop, val->mv_size);
    uint32_t format, crc;
    memcpy(&format, p, 4);
    memcpy(&crc, p + 4, 4);
    if (format != MG_STORE_FORMAT)
        return fail(r, MG_STORE_CORRUPT, "record of OOP %llu has format %u", (unsigned long long)oop, format);
    uint32_t actual = (uint32_t)crc32(crc32(0L, Z_NULL, 0), p + 8, (uInt)(val->mv_size - 8));
    if (actual != crc)
        return fail(r, MG_STORE_CORRUPT, "record of OOP %llu fails its checksum", (unsigned long long)oop);
    memcpy(&out->version, p + 8, 8);
    out->data = p + REC_HEADER;
    out->len = val->mv_size - REC_HEADER;
    return MG_STORE_OK;
}

MgStoreErr
mg_view_read(MgView *v, uint64_t oop, MgRecord *out)
{
    MDB_val k = { sizeof oop, &oop }, val;
    int rc = mdb_get(v->txn, v->repo->obj, &k, &val);
    if (rc == MDB_NOTFOUND) return fail(v->repo, MG_STORE_NOTFOUND, "no object with OOP %llu", (unsigned long long)oop);
    if (rc) return from_mdb(v->repo, rc, "read");
    return decode(v->repo, oop, &val, out);
}

void
mg_view_end(MgView *v)
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
    int rc = mdb_env_set_mapsize(r->env, bigger);
    if (rc) return from_mdb(r, rc, "grow map");
    r->map_size = bigger;
    return MG_STORE_OK;
}

MgStoreErr
mg_repo_alloc_oops(MgRepo *r, uint64_t count, uint64_t *first)
{
    if (!r || !r->env || count == 0) return MG_STORE_INVALID;
    /* No fsync for a reservation: any later synced commit of this process
     * makes it durable too (LMDB commits in order), and if the machine dies
     * first, the OOPs were handed only to objects of a process that died. */
    if (!(r->flags & MG_REPO_NOSYNC)) mdb_env_set_flags(r->env, MDB_NOSYNC, 1);
    MDB_txn *txn;
    int rc = mdb_txn_begin(r->env, NULL, 0, &txn);
    if (rc) goto fail_begin;
    uint64_t next;
    if ((rc = meta_get(txn, r->meta, "next_oop", &next, 8))) goto fail;
    if (next > UINT64_MAX - count * 8) {
        mdb_txn_abort(txn);
        if (!(r->flags & MG_REPO_NOSYNC)) mdb_env_set_flags(r->env, MDB_NOSYNC, 0);
        return fail(r, MG_STORE_FULL, "OOP space exhausted");
    }
    if ((rc = meta_put(txn, r->meta, "next_oop", next + count * 8, 8))) goto fail;
    rc = mdb_txn_commit(txn);
    if (!(r->flags & MG_REPO_NOSYNC)) mdb_env_set_flags(r->env, MDB_NOSYNC, 0);
    if (rc) return from_mdb(r, rc, "commit");
    *first = next;
    return MG_STORE_OK;
fail:
    mdb_txn_abort(txn);
fail_begin:
    if (!(r->flags & MG_REPO_NOSYNC)) mdb_env_set_flags(r->env, MDB_NOSYNC, 0);
    return from_mdb(r, rc, "allocate OOPs");
}

static MgStoreErr
commit_once(MgRepo *r, const MgWrite *writes, size_t n, uint64_t *seq,
            uint64_t *conflicts, size_t max_conflicts, size_t *nconflicts)
{
    MDB_txn *txn;
    MgStoreErr err = MG_STORE_OK;
    int rc = mdb_txn_begin(r->env, NULL, 0, &txn);
    if (rc) return from_mdb(r, rc, "begin commit");
    uint64_t cur;
    if ((rc = meta_get(txn, r->meta, "seq", &cur, 8))) goto fail_mdb;
    /* The largest OOP stored: a write above it is a fresh record (nothing to
     * check for a conflict), and fresh records in ascending order are
     * appended (MDB_APPEND: no search, full pages, a compact tree that a
     * later cold walk reads sequentially). */
    uint64_t top = 0;
    {
        MDB_cursor *c;
        if ((rc = mdb_cursor_open(txn, r->obj, &c))) goto fail_mdb;
        MDB_val lk, lv;
        rc = mdb_cursor_get(c, &lk, &lv, MDB_LAST);
        if (rc == 0 && lk.mv_size == sizeof top) memcpy(&top, lk.mv_data, sizeof top);
        mdb_cursor_close(c);
        if (rc && rc != MDB_NOTFOUND) goto fail_mdb;
    }

    /* (1) conflicts: every written object must still have the version we read */
    size_t nc = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t oop = writes[i].oop;
        if (oop > top) {                       /* no record: stored version 0 */
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
            if (val.mv_size < REC_HEADER) { err = fail(r, MG_STORE_CORRUPT, "record of OOP %llu is truncated", (unsigned long long)oop); goto fail; }
            memcpy(&stored, (char *)val.mv_data + 8, 8);
        } else if (rc != MDB_NOTFOUND) {
            goto fail_mdb;
        }
        if (stored != writes[i].expected_version) {
            if (nc < max_conflicts) conflicts[nc] = oop;
            nc++;
        }
    }
    if (nc) {
        mdb_txn_abort(txn);
        *nconflicts = nc < max_conflicts ? nc : max_conflicts;
        return fail(r, MG_STORE_CONFLICT, "%zu object(s) changed by another commit", nc);
    }

    /* (2) the records, with the new version */
    uint64_t next = cur + 1;
    uint64_t *oops = malloc((n ? n : 1) * sizeof(uint64_t));
    if (!oops) { mdb_txn_abort(txn); return MG_STORE_NOMEM; }
    for (size_t i = 0; i < n; i++) {
        uint64_t oop = writes[i].oop;
        oops[i] = oop;
        MDB_val k = { sizeof oop, &oop };
        if (writes[i].remove) {
            rc = oop > top ? 0 : mdb_del(txn, r->obj, &k, NULL);
            if (rc == MDB_NOTFOUND) rc = 0;
            if (rc) { free(oops); goto fail_mdb; }
            continue;
        }
        MDB_val val = { REC_HEADER + writes[i].len, NULL };
        unsigned pflags = MDB_RESERVE;
        if (oop > top) {                       /* above every key: append */
            pflags |= MDB_APPEND;
            top = oop;
        }
        if ((rc = mdb_put(txn, r->obj, &k, &val, pflags))) { free(oops); goto fail_mdb; }
        unsigned char *p = val.mv_data;
        uint32_t format = MG_STORE_FORMAT;
        memcpy(p, &format, 4);
        memcpy(p + 8, &next, 8);
        if (writes[i].len) memcpy(p + REC_HEADER, writes[i].data, writes[i].len);
        uint32_t crc = (uint32_t)crc32(crc32(0L, Z_NULL, 0), p + 8, (uInt)(val.mv_size - 8));
        memcpy(p + 4, &crc, 4);
    }
    /* (3) the commit log and the sequence */
    MDB_val lk = { sizeof next, &next }, lv = { n * sizeof(uint64_t), oops };
    rc = mdb_put(txn, r->log, &lk, &lv, MDB_APPEND);
    free(oops);
    if (rc) goto fail_mdb;
    if ((rc = meta_put(txn, r->meta, "seq", next, 8))) goto fail_mdb;
    if ((rc = commit_durably(r, txn))) return from_mdb(r, rc, "commit");
    *seq = next;
    return MG_STORE_OK;
fail_mdb:
    err = from_mdb(r, rc, "commit");
fail:
    mdb_txn_abort(txn);
    return err;
}

MgStoreErr
mg_repo_commit(MgRepo *r, const MgWrite *writes, size_t n, uint64_t *seq,
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
    MgStoreErr e = commit_once(r, writes, n, seq, conflicts, max_conflicts, nconflicts);
    if (e == MG_STORE_FULL && grow(r) == MG_STORE_OK)
        e = commit_once(r, writes, n, seq, conflicts, max_conflicts, nconflicts);
    return e;
}

/* ---- the commit log ---- */

MgStoreErr
mg_repo_log_since(MgRepo *r, uint64_t since,
                  void (*fn)(uint64_t seq, const uint64_t *oops, size_t count, void *arg), void *arg)
{
    MDB_txn *txn;
    MDB_cursor *cur;
    int rc = mdb_txn_begin(r->env, NULL, MDB_RDONLY, &txn);
    if (rc) return from_mdb(r, rc, "begin");
    if ((rc = mdb_cursor_open(txn, r->log, &cur))) { mdb_txn_abort(txn); return from_mdb(r, rc, "cursor"); }
    uint64_t start = since + 1;
    MDB_val k = { sizeof start, &start }, v;
    for (rc = mdb_cursor_get(cur, &k, &v, MDB_SET_RANGE); rc == 0; rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) {
        uint64_t seq = get_u64(&k);
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
    if (rc && rc != MDB_NOTFOUND) return from_mdb(r, rc, "read log");
    return MG_STORE_OK;
}

MgStoreErr
mg_repo_log_trim(MgRepo *r, uint64_t upto)
{
    MDB_txn *txn;
    MDB_cursor *cur;
    int rc = mdb_txn_begin(r->env, NULL, 0, &txn);
    if (rc) return from_mdb(r, rc, "begin");
    if ((rc = mdb_cursor_open(txn, r->log, &cur))) { mdb_txn_abort(txn); return from_mdb(r, rc, "cursor"); }
    MDB_val k, v;
    for (;;) {
        rc = mdb_cursor_get(cur, &k, &v, MDB_FIRST);
        if (rc == MDB_NOTFOUND || (rc == 0 && get_u64(&k) > upto)) { rc = 0; break; }
        if (rc || (rc = mdb_cursor_del(cur, 0))) break;
    }
    mdb_cursor_close(cur);
    if (rc) { mdb_txn_abort(txn); return from_mdb(r, rc, "trim log"); }
    rc = commit_durably(r, txn);
    return rc ? from_mdb(r, rc, "commit") : MG_STORE_OK;
}

MgStoreErr
mg_repo_stat(MgRepo *r, MgRepoStat *out)
{
    memset(out, 0, sizeof *out);
    MDB_txn *txn;
    int rc = mdb_txn_begin(r->env, NULL, MDB_RDONLY, &txn);
    if (rc) return from_mdb(r, rc, "begin");
    MDB_stat so, sl;
    uint64_t format = 0;
    if ((rc = meta_get(txn, r->meta, "seq", &out->seq, 8))
        || (rc = meta_get(txn, r->meta, "next_oop", &out->next_oop, 8))
        || (rc = meta_get(txn, r->meta, "format", &format, 4))
        || (rc = mdb_stat(txn, r->obj, &so)) || (rc = mdb_stat(txn, r->log, &sl))) {
        mdb_txn_abort(txn);
        return from_mdb(r, rc, "stat");
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
    mdb_txn_abort(txn);
    return MG_STORE_OK;
}

MgStoreErr
mg_repo_backup(MgRepo *r, const char *dest)
{
    int rc = mdb_env_copy2(r->env, dest, MDB_CP_COMPACT);
    return rc ? from_mdb(r, rc, "backup") : MG_STORE_OK;
}

/* ---- the integrity walk and sessions (maglev check / status / the stone) ---- */

MgStoreErr
mg_repo_each_record(MgRepo *r, uint64_t *seq, uint64_t *next_oop,
                    bool (*fn)(uint64_t oop, MgStoreErr err, const MgRecord *rec, void *arg), void *arg)
{
    if (!r || !r->env) return MG_STORE_INVALID;
    MDB_txn *txn;
    MDB_cursor *cur;
    int rc = mdb_txn_begin(r->env, NULL, MDB_RDONLY, &txn);
    if (rc) return from_mdb(r, rc, "begin");
    if ((rc = meta_get(txn, r->meta, "seq", seq, 8)) || (rc = meta_get(txn, r->meta, "next_oop", next_oop, 8))) {
        mdb_txn_abort(txn);
        return from_mdb(r, rc, "read metadata");
    }
    if ((rc = mdb_cursor_open(txn, r->obj, &cur))) { mdb_txn_abort(txn); return from_mdb(r, rc, "cursor"); }
    MDB_val k, v;
    bool go = true;
    for (rc = mdb_cursor_get(cur, &k, &v, MDB_FIRST); rc == 0 && go; rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) {
        uint64_t oop = get_u64(&k);
        MgRecord rec;
        if (k.mv_size != sizeof oop) {
            fail(r, MG_STORE_CORRUPT, "a record key is %zu bytes, not 8", k.mv_size);
            go = fn(oop, MG_STORE_CORRUPT, NULL, arg);
        } else if (decode(r, oop, &v, &rec) != MG_STORE_OK) {
            go = fn(oop, MG_STORE_CORRUPT, NULL, arg);
        } else {
            go = fn(oop, MG_STORE_OK, &rec, arg);
        }
    }
    mdb_cursor_close(cur);
    mdb_txn_abort(txn);
    if (rc && rc != MDB_NOTFOUND) return from_mdb(r, rc, "walk records");
    return MG_STORE_OK;
}

typedef struct {
    uint64_t seq, txnid;          /* of the listing's own snapshot */
    int self;
    void (*fn)(const MgSession *s, void *arg);
    void *arg;
} SessionList;

/* One line of mdb_reader_list: "%10d %zx %zu\n", or "-" for an idle slot;
 * the header and "(no active readers)" do not parse and are skipped. */
static int
session_line(const char *msg, void *ctx)
{
    SessionList *l = ctx;
    int pid;
    size_t tid;
    char txt[32];
    if (sscanf(msg, "%d %zx %31s", &pid, &tid, txt) != 3 || pid <= 0 || pid == l->self) return 0;
    MgSession s = { pid, false, 0, 0 };
    if (txt[0] != '-') {
        uint64_t t = strtoull(txt, NULL, 10);
        s.in_view = true;
        s.view_id = t;
        /* Each commit is one LMDB write transaction that adds one to seq;
         * other writes move only the txnid. So seq(t) >= seq - (txnid - t). */
        uint64_t behind = t >= l->txnid ? 0 : l->txnid - t;
        s.view_seq = behind >= l->seq ? 0 : l->seq - behind;
    }
    l->fn(&s, l->arg);
    return 0;
}

MgStoreErr
mg_repo_sessions(MgRepo *r, uint64_t *seq, uint64_t *view_id,
                 void (*fn)(const MgSession *s, void *arg), void *arg)
{
    if (!r || !r->env) return MG_STORE_INVALID;
    int dead;
    mdb_reader_check(r->env, &dead);
    MDB_txn *txn;
    int rc = mdb_txn_begin(r->env, NULL, MDB_RDONLY, &txn);
    if (rc) return from_mdb(r, rc, "begin");
    SessionList l = { 0, mdb_txn_id(txn), (int)getpid(), fn, arg };
    if ((rc = meta_get(txn, r->meta, "seq", &l.seq, 8))) { mdb_txn_abort(txn); return from_mdb(r, rc, "read seq"); }
    /* the listing runs inside our snapshot, so every other reader's txnid is
     * compared against the same (seq, txnid) pair */
    rc = mdb_reader_list(r->env, session_line, &l);
    mdb_txn_abort(txn);
    if (rc < 0) return from_mdb(r, rc, "list readers");
    *seq = l.seq;
    *view_id = l.txnid;
    return MG_STORE_OK;
}

/* ---- memory ---- */

void
mg_repo_release_pages(MgRepo *r)
{
    /* the map is a read-only shared file mapping: dropping its pages from
     * this process loses nothing (they are read again from the file).
     * LMDB does not tell where it mapped the file: /proc/self/maps does. */
    const char *dir;
    if (!r || mdb_env_get_path(r->env, &dir)) return;
    char file[4200];
    snprintf(file, sizeof file, "%s/data.mdb", dir);
    FILE *f = fopen("/proc/self/maps", "r");
    if (!f) return;
    char line[4600];
    while (fgets(line, sizeof line, f)) {
        unsigned long lo, hi;
        int off = 0;
        if (sscanf(line, "%lx-%lx %*s %*s %*s %*s %n", &lo, &hi, &off) < 2 || !off) continue;
        char *path = line + off;
        path[strcspn(path, "\n")] = '\0';
        if (!strcmp(path, file)) madvise((void *)lo, hi - lo, MADV_DONTNEED);
    }
    fclose(f);
}
