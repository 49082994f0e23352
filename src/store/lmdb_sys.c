/* lmdb_sys.c -- the LMDB backend's tables outside transactions (sessions,
 * locks, persistent counters) and its repository GC calls (the protocol:
 * repogc.c). The handle and its helpers are lmdb_backend.c's (lmdb_int.h). */
#include "lmdb_int.h"
#include <errno.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

/* ---- sessions, locks and persistent counters ----
 * Outside transactions: each call runs its own short LMDB transaction, never
 * the caller's view, so what it writes is seen at once by every process.
 * Layouts (docs/format.md, "Sessions, locks, counters"):
 *   sessions : id (u64 key, 1, 2, ...) -> u32 pid, u32 0, u64 started, name bytes
 *   locks    : oop (u64 key) -> u32 kind (1 read, 2 write), u32 count,
 *              count holders of 16 bytes { u32 session, u32 pid, u64 started }
 *   counters : index (u64 key, 1..128) -> i64; an absent key holds 0
 * (pid, started) names a process across pid reuse: started is the process's
 * start time in clock ticks since boot (/proc/<pid>/stat, field 22). A
 * session is live while the sessions table holds it with that pair and that
 * process runs; a lock is held while its holder is live. A dead session's
 * entry and locks are ignored by every reader and deleted by the next
 * writer that meets them (session_begin sweeps both tables). Session and
 * lock writes need not be durable (they do not outlive their processes), so
 * only their data pages are synced, not the meta page (MDB_NOMETASYNC, as
 * mg_repo_alloc_oops): a machine crash may undo the last of them, harmless,
 * but never meets a meta page whose pages are not on disk, which an
 * MDB_NOSYNC commit risks and which would lose the whole repository. A lock
 * call costs a data sync (0.1-0.3 ms here against 8 us unsynced). Counter
 * writes are durable (commit_durably). */

static int
quick_begin(MgRepo *r, MDB_txn **txn)
{
    return mdb_txn_begin(r->env, NULL, 0, txn);
}

/* Commits (or aborts) a quick_begin transaction: its data pages synced, not its meta page. */
static int
quick_end(MgRepo *r, MDB_txn *txn, bool commit)
{
    (void)r;
    if (commit) return mdb_txn_commit(txn);
    mdb_txn_abort(txn);
    return 0;
}

static MgStoreErr
sys_usable(MgRepo *r, bool write)
{
    if (!r || !r->env) return MG_STORE_INVALID;
    if (!r->have_sys) return lmb_fail(r, MG_STORE_INVALID, "this repository has no sessions, locks or counters tables (opened read-only)");
    if (write && (r->flags & MG_REPO_RDONLY)) return lmb_fail(r, MG_STORE_INVALID, "the repository is open read-only");
    return MG_STORE_OK;
}

/* Whether session id, as a holder names it, is live. */
bool
lmb_holder_live(MgRepo *r, MDB_txn *txn, const Holder *h)
{
    uint64_t key = h->session;
    MDB_val k = { sizeof key, &key }, v;
    if (mdb_get(txn, r->sessions, &k, &v) != 0 || v.mv_size < SESS_HEAD) return false;
    uint32_t pid;
    uint64_t started;
    memcpy(&pid, v.mv_data, 4);
    memcpy(&started, (char *)v.mv_data + 8, 8);
    if (pid != h->pid || started != h->started) return false;
    if (r->session && h->session == r->session && pid == (uint32_t)getpid()) return true;
    return mg_proc_started((int)pid) == started;
}

static bool
is_self(const MgRepo *r, const Holder *h)
{
    return r->session && h->session == r->session && h->pid == (uint32_t)getpid() && h->started == r->started;
}

/* Reads the lock entry of a cursor position: kind, and its holders into a malloc'd array. */
int
lmb_lock_decode(const MDB_val *v, uint32_t *kind, Holder **hs, uint32_t *count)
{
    *hs = NULL;
    *count = 0;
    *kind = 0;
    if (v->mv_size < LOCK_HEAD) return MDB_CORRUPTED;
    uint32_t n;
    memcpy(kind, v->mv_data, 4);
    memcpy(&n, (char *)v->mv_data + 4, 4);
    if (v->mv_size != LOCK_HEAD + (size_t)n * sizeof(Holder)) return MDB_CORRUPTED;
    *hs = malloc((n ? n : 1) * sizeof(Holder));
    if (!*hs) return ENOMEM;
    memcpy(*hs, (char *)v->mv_data + LOCK_HEAD, n * sizeof(Holder));
    *count = n;
    return 0;
}

/* Stores kind and holders under oop, or deletes the entry when there are none. */
static int
lock_store(MgRepo *r, MDB_txn *txn, uint64_t oop, uint32_t kind, const Holder *hs, uint32_t n)
{
    MDB_val k = { sizeof oop, &oop };
    if (n == 0) {
        int rc = mdb_del(txn, r->locks, &k, NULL);
        return rc == MDB_NOTFOUND ? 0 : rc;
    }
    MDB_val v = { LOCK_HEAD + (size_t)n * sizeof(Holder), NULL };
    int rc = mdb_put(txn, r->locks, &k, &v, MDB_RESERVE);
    if (rc) return rc;
    memcpy(v.mv_data, &kind, 4);
    memcpy((char *)v.mv_data + 4, &n, 4);
    memcpy((char *)v.mv_data + LOCK_HEAD, hs, n * sizeof(Holder));
    return 0;
}

/* Drops the dead holders from every lock entry (and entries left empty). */
static int
sweep_locks(MgRepo *r, MDB_txn *txn)
{
    MDB_cursor *c;
    int rc = mdb_cursor_open(txn, r->locks, &c);
    if (rc) return rc;
    uint64_t *stale = NULL;
    size_t nstale = 0, cap = 0;
    MDB_val k, v;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0; rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        uint32_t kind, n;
        Holder *hs;
        if ((rc = lmb_lock_decode(&v, &kind, &hs, &n))) break;
        bool dead = false;
        for (uint32_t i = 0; i < n && !dead; i++) dead = !lmb_holder_live(r, txn, &hs[i]);
        free(hs);
        if (!dead) continue;
        if (nstale == cap) {
            cap = cap ? cap * 2 : 16;
            uint64_t *bigger = realloc(stale, cap * sizeof *stale);
            if (!bigger) { rc = ENOMEM; break; }
            stale = bigger;
        }
        stale[nstale++] = lmb_get_u64(&k);
    }
    mdb_cursor_close(c);
    if (rc == MDB_NOTFOUND) rc = 0;
    for (size_t i = 0; i < nstale && rc == 0; i++) {
        MDB_val key = { sizeof stale[i], &stale[i] }, val;
        if ((rc = mdb_get(txn, r->locks, &key, &val))) break;
        uint32_t kind, n, keep = 0;
        Holder *hs;
        if ((rc = lmb_lock_decode(&val, &kind, &hs, &n))) break;
        for (uint32_t j = 0; j < n; j++)
            if (lmb_holder_live(r, txn, &hs[j])) hs[keep++] = hs[j];
        rc = lock_store(r, txn, stale[i], kind, hs, keep);
        free(hs);
    }
    free(stale);
    return rc;
}

/* The readers of the environment (maglev status, the stone, the GC's wait). */
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
lmdb_sessions(MgRepo *r, uint64_t *seq, uint64_t *view_id,
                 void (*fn)(const MgSession *s, void *arg), void *arg)
{
    if (!r || !r->env) return MG_STORE_INVALID;
    int dead;
    mdb_reader_check(r->env, &dead);
    MDB_txn *txn;
    int rc = mdb_txn_begin(r->env, NULL, MDB_RDONLY, &txn);
    if (rc) return lmb_from_mdb(r, rc, "begin");
    SessionList l = { 0, mdb_txn_id(txn), (int)getpid(), fn, arg };
    if ((rc = lmb_meta_get(txn, r->meta, "seq", &l.seq, 8))) { mdb_txn_abort(txn); return lmb_from_mdb(r, rc, "read seq"); }
    /* the listing runs inside our snapshot, so every other reader's txnid is
     * compared against the same (seq, txnid) pair */
    rc = mdb_reader_list(r->env, session_line, &l);
    mdb_txn_abort(txn);
    if (rc < 0) return lmb_from_mdb(r, rc, "list readers");
    *seq = l.seq;
    *view_id = l.txnid;
    return MG_STORE_OK;
}

MgStoreErr
lmdb_session_begin(MgRepo *r, const char *name, uint32_t *id)
{
    MgStoreErr e = sys_usable(r, true);
    if (e) return e;
    if (r->session) { *id = r->session; return MG_STORE_OK; }
    uint64_t started = mg_proc_started((int)getpid());
    MDB_txn *txn;
    int rc = quick_begin(r, &txn);
    if (rc) return lmb_from_mdb(r, rc, "begin session");
    /* live ids in order, dead ones deleted: the new id is the smallest free */
    MDB_cursor *c;
    uint64_t next = 1, *dead = NULL;
    size_t ndead = 0, cap = 0;
    if ((rc = mdb_cursor_open(txn, r->sessions, &c))) goto fail;
    MDB_val k, v;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0; rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        uint64_t key = lmb_get_u64(&k);
        uint32_t pid = 0;
        uint64_t st = 0;
        if (v.mv_size >= SESS_HEAD) { memcpy(&pid, v.mv_data, 4); memcpy(&st, (char *)v.mv_data + 8, 8); }
        if (v.mv_size < SESS_HEAD || mg_proc_started((int)pid) != st) {     /* dead */
            if (ndead == cap) {
                cap = cap ? cap * 2 : 16;
                uint64_t *bigger = realloc(dead, cap * sizeof *bigger);
                if (!bigger) { rc = ENOMEM; break; }
                dead = bigger;
            }
            dead[ndead++] = key;
            continue;
        }
        if (key == next) next++;      /* ascending: next stops at the first id no live session has */
    }
    mdb_cursor_close(c);
    if (rc != MDB_NOTFOUND) goto fail;
    rc = 0;
    for (size_t i = 0; i < ndead && rc == 0; i++) {
        MDB_val key = { sizeof dead[i], &dead[i] };
        rc = mdb_del(txn, r->sessions, &key, NULL);
    }
    if (rc || (rc = sweep_locks(r, txn))) goto fail;
    size_t nlen = name ? strnlen(name, 200) : 0;
    unsigned char rec[SESS_HEAD + 200];
    uint32_t pid = (uint32_t)getpid(), zero = 0;
    memcpy(rec, &pid, 4);
    memcpy(rec + 4, &zero, 4);
    memcpy(rec + 8, &started, 8);
    if (nlen) memcpy(rec + SESS_HEAD, name, nlen);
    MDB_val key = { sizeof next, &next }, val = { SESS_HEAD + nlen, rec };
    if ((rc = mdb_put(txn, r->sessions, &key, &val, 0))) goto fail;
    free(dead);
    if ((rc = quick_end(r, txn, true))) return lmb_from_mdb(r, rc, "register session");
    r->session = (uint32_t)next;
    r->started = started;
    *id = r->session;
    return MG_STORE_OK;
fail:
    free(dead);
    quick_end(r, txn, false);
    return lmb_from_mdb(r, rc, "register session");
}

MgStoreErr
lmdb_session_end(MgRepo *r)
{
    if (!r || !r->env || !r->session) return MG_STORE_OK;
    MDB_txn *txn;
    int rc = quick_begin(r, &txn);
    if (rc) return lmb_from_mdb(r, rc, "end session");
    for (size_t i = 0; i < r->nheld && rc == 0; i++) {
        MDB_val k = { sizeof r->held[i], &r->held[i] }, v;
        if ((rc = mdb_get(txn, r->locks, &k, &v)) == MDB_NOTFOUND) { rc = 0; continue; }
        if (rc) break;
        uint32_t kind, n, keep = 0;
        Holder *hs;
        if ((rc = lmb_lock_decode(&v, &kind, &hs, &n))) break;
        for (uint32_t j = 0; j < n; j++) if (!is_self(r, &hs[j])) hs[keep++] = hs[j];
        rc = lock_store(r, txn, r->held[i], kind, hs, keep);
        free(hs);
    }
    uint64_t key = r->session;
    MDB_val k = { sizeof key, &key };
    if (rc == 0 && (rc = mdb_del(txn, r->sessions, &k, NULL)) == MDB_NOTFOUND) rc = 0;
    if (rc) { quick_end(r, txn, false); return lmb_from_mdb(r, rc, "end session"); }
    rc = quick_end(r, txn, true);
    r->session = 0;
    r->nheld = 0;
    return rc ? lmb_from_mdb(r, rc, "end session") : MG_STORE_OK;
}

uint32_t
lmdb_session_self(const MgRepo *r)
{
    return r ? r->session : 0;
}

/* A read-only transaction and a cursor on one of the tables above (close both). */
static MgStoreErr
sys_cursor(MgRepo *r, MDB_dbi dbi, MDB_txn **txn, MDB_cursor **c)
{
    MgStoreErr e = sys_usable(r, false);
    if (e) return e;
    int rc = mdb_txn_begin(r->env, NULL, MDB_RDONLY, txn);
    if (rc) return lmb_from_mdb(r, rc, "begin");
    if ((rc = mdb_cursor_open(*txn, dbi, c))) { mdb_txn_abort(*txn); return lmb_from_mdb(r, rc, "cursor"); }
    return MG_STORE_OK;
}

MgStoreErr
lmdb_session_list(MgRepo *r, void (*fn)(const MgSessionEntry *s, void *arg), void *arg)
{
    MDB_txn *txn;
    MDB_cursor *c;
    MgStoreErr e = sys_cursor(r, r->sessions, &txn, &c);
    if (e) return e;
    int rc;
    MDB_val k, v;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0; rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        if (v.mv_size < SESS_HEAD) continue;
        MgSessionEntry s;
        memset(&s, 0, sizeof s);
        uint32_t pid;
        s.id = (uint32_t)lmb_get_u64(&k);
        memcpy(&pid, v.mv_data, 4);
        memcpy(&s.started, (char *)v.mv_data + 8, 8);
        s.pid = (int)pid;
        Holder h = { s.id, pid, s.started };
        if (!lmb_holder_live(r, txn, &h)) continue;
        size_t nlen = v.mv_size - SESS_HEAD;
        if (nlen >= sizeof s.name) nlen = sizeof s.name - 1;
        memcpy(s.name, (char *)v.mv_data + SESS_HEAD, nlen);
        s.self = s.id == r->session && is_self(r, &h);
        fn(&s, arg);
    }
    mdb_cursor_close(c);
    mdb_txn_abort(txn);
    return rc == MDB_NOTFOUND ? MG_STORE_OK : lmb_from_mdb(r, rc, "list sessions");
}

static void
held_add(MgRepo *r, uint64_t oop)
{
    for (size_t i = 0; i < r->nheld; i++) if (r->held[i] == oop) return;
    if (r->nheld == r->cheld) {
        size_t cap = r->cheld ? r->cheld * 2 : 16;
        uint64_t *bigger = realloc(r->held, cap * sizeof *bigger);
        if (!bigger) return;     /* the lock still ends with the session (liveness) */
        r->held = bigger;
        r->cheld = cap;
    }
    r->held[r->nheld++] = oop;
}

static void
held_drop(MgRepo *r, uint64_t oop)
{
    for (size_t i = 0; i < r->nheld; i++)
        if (r->held[i] == oop) { r->held[i] = r->held[--r->nheld]; return; }
}

MgStoreErr
lmdb_lock(MgRepo *r, uint64_t oop, int kind, uint32_t *holder)
{
    MgStoreErr e = sys_usable(r, true);
    if (e) return e;
    *holder = 0;
    if (!r->session) return lmb_fail(r, MG_STORE_INVALID, "locking needs a registered session");
    if (kind != MG_LOCK_READ && kind != MG_LOCK_WRITE) return lmb_fail(r, MG_STORE_INVALID, "no lock kind %d", kind);
    MDB_txn *txn;
    int rc = quick_begin(r, &txn);
    if (rc) return lmb_from_mdb(r, rc, "begin lock");
    MDB_val k = { sizeof oop, &oop }, v;
    uint32_t stored = 0, n = 0, keep = 0;
    Holder *hs = NULL;
    rc = mdb_get(txn, r->locks, &k, &v);
    if (rc == 0) rc = lmb_lock_decode(&v, &stored, &hs, &n);
    else if (rc == MDB_NOTFOUND) rc = 0;
    if (rc) goto fail_mdb;
    /* the live holders other than us; what we hold already */
    int mine = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (is_self(r, &hs[i])) { mine = (int)stored; continue; }
        if (lmb_holder_live(r, txn, &hs[i])) hs[keep++] = hs[i];
    }
    if (mine == MG_LOCK_WRITE || (mine == MG_LOCK_READ && kind == MG_LOCK_READ)) {
        free(hs);                /* held already: a write lock covers a read request */
        quick_end(r, txn, false);
        held_add(r, oop);
        return MG_STORE_OK;
    }
    if (keep && (kind == MG_LOCK_WRITE || stored == MG_LOCK_WRITE)) {
        *holder = hs[0].session;
        free(hs);
        quick_end(r, txn, false);
        return lmb_fail(r, MG_STORE_LOCKED, "object %llu is %s-locked by session %u", (unsigned long long)oop,
                    stored == MG_LOCK_WRITE ? "write" : "read", *holder);
    }
    Holder *all = realloc(hs, (keep + 1) * sizeof *all);
    if (!all) { free(hs); rc = ENOMEM; goto fail_mdb; }
    hs = all;
    hs[keep++] = (Holder){ r->session, (uint32_t)getpid(), r->started };
    rc = lock_store(r, txn, oop, (uint32_t)kind, hs, keep);
    free(hs);
    if (rc) { quick_end(r, txn, false); return lmb_from_mdb(r, rc, "lock"); }
    if ((rc = quick_end(r, txn, true))) return lmb_from_mdb(r, rc, "lock");
    held_add(r, oop);
    return MG_STORE_OK;
fail_mdb:
    free(hs);
    quick_end(r, txn, false);
    return lmb_from_mdb(r, rc, "lock");
}

/* Drops this session from the holders of each oops[i] in one transaction. */
static MgStoreErr
unlock_some(MgRepo *r, const uint64_t *oops, size_t count)
{
    MDB_txn *txn;
    int rc = quick_begin(r, &txn);
    if (rc) return lmb_from_mdb(r, rc, "begin unlock");
    bool changed = false;
    for (size_t i = 0; i < count && rc == 0; i++) {
        uint64_t oop = oops[i];
        MDB_val k = { sizeof oop, &oop }, v;
        if ((rc = mdb_get(txn, r->locks, &k, &v)) == MDB_NOTFOUND) { rc = 0; continue; }
        if (rc) break;
        uint32_t kind, n, keep = 0;
        Holder *hs;
        if ((rc = lmb_lock_decode(&v, &kind, &hs, &n))) break;
        for (uint32_t j = 0; j < n; j++)
            if (!is_self(r, &hs[j]) && lmb_holder_live(r, txn, &hs[j])) hs[keep++] = hs[j];
        if (keep != n) {
            rc = lock_store(r, txn, oop, kind, hs, keep);
            changed = true;
        }
        free(hs);
    }
    if (rc) { quick_end(r, txn, false); return lmb_from_mdb(r, rc, "unlock"); }
    rc = quick_end(r, txn, changed);
    return rc ? lmb_from_mdb(r, rc, "unlock") : MG_STORE_OK;
}

MgStoreErr
lmdb_unlock(MgRepo *r, uint64_t oop)
{
    MgStoreErr e = sys_usable(r, true);
    if (e) return e;
    if (!r->session) return MG_STORE_OK;
    e = unlock_some(r, &oop, 1);
    if (e == MG_STORE_OK) held_drop(r, oop);
    return e;
}

MgStoreErr
lmdb_unlock_all(MgRepo *r)
{
    MgStoreErr e = sys_usable(r, true);
    if (e) return e;
    if (!r->session || !r->nheld) return MG_STORE_OK;
    e = unlock_some(r, r->held, r->nheld);
    if (e == MG_STORE_OK) r->nheld = 0;
    return e;
}

static int
holder_cmp(const void *a, const void *b)
{
    uint32_t x = ((const Holder *)a)->session, y = ((const Holder *)b)->session;
    return (x > y) - (x < y);
}

MgStoreErr
lmdb_lock_list(MgRepo *r, void (*fn)(const MgLockEntry *l, void *arg), void *arg)
{
    MDB_txn *txn;
    MDB_cursor *c;
    MgStoreErr e = sys_cursor(r, r->locks, &txn, &c);
    if (e) return e;
    int rc;
    MDB_val k, v;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0; rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        uint32_t kind, n;
        Holder *hs;
        if ((rc = lmb_lock_decode(&v, &kind, &hs, &n))) break;
        qsort(hs, n, sizeof *hs, holder_cmp);
        for (uint32_t i = 0; i < n; i++) {
            if (!lmb_holder_live(r, txn, &hs[i])) continue;       /* a dead session's: ignored (contract 5) */
            MgLockEntry l = { lmb_get_u64(&k), (int)kind, hs[i].session };
            fn(&l, arg);
        }
        free(hs);
    }
    mdb_cursor_close(c);
    mdb_txn_abort(txn);
    return rc == MDB_NOTFOUND ? MG_STORE_OK : lmb_from_mdb(r, rc, "list locks");
}

static MgStoreErr
counter_index(MgRepo *r, uint32_t index)
{
    if (index < 1 || index > MG_COUNTERS)
        return lmb_fail(r, MG_STORE_INVALID, "persistent counter index %u is not in 1..%d", index, MG_COUNTERS);
    return MG_STORE_OK;
}

MgStoreErr
lmdb_counter_get(MgRepo *r, uint32_t index, int64_t *out)
{
    MgStoreErr e = sys_usable(r, false);
    if (e || (e = counter_index(r, index))) return e;
    MDB_txn *txn;
    int rc = mdb_txn_begin(r->env, NULL, MDB_RDONLY, &txn);
    if (rc) return lmb_from_mdb(r, rc, "begin");
    uint64_t key = index;
    MDB_val k = { sizeof key, &key }, v;
    *out = 0;
    rc = mdb_get(txn, r->counters, &k, &v);
    if (rc == 0 && v.mv_size == 8) memcpy(out, v.mv_data, 8);
    else if (rc == 0) rc = MDB_CORRUPTED;
    mdb_txn_abort(txn);
    if (rc && rc != MDB_NOTFOUND) return lmb_from_mdb(r, rc, "read counter");
    return MG_STORE_OK;
}

MgStoreErr
lmdb_counter_update(MgRepo *r, uint32_t index, bool add, int64_t value, int64_t *out)
{
    MgStoreErr e = sys_usable(r, true);
    if (e || (e = counter_index(r, index))) return e;
    MDB_txn *txn;
    int rc = mdb_txn_begin(r->env, NULL, 0, &txn);
    if (rc) return lmb_from_mdb(r, rc, "begin counter");
    uint64_t key = index, cur = 0;
    MDB_val k = { sizeof key, &key }, v;
    rc = mdb_get(txn, r->counters, &k, &v);
    if (rc == 0 && v.mv_size == 8) memcpy(&cur, v.mv_data, 8);
    else if (rc == 0) rc = MDB_CORRUPTED;
    else if (rc == MDB_NOTFOUND) rc = 0;
    if (rc) { mdb_txn_abort(txn); return lmb_from_mdb(r, rc, "read counter"); }
    uint64_t next = add ? cur + (uint64_t)value : (uint64_t)value;   /* unsigned: rolls over, never undefined */
    MDB_val nv = { sizeof next, &next };
    if ((rc = mdb_put(txn, r->counters, &k, &nv, 0))) { mdb_txn_abort(txn); return lmb_from_mdb(r, rc, "write counter"); }
    if ((rc = lmb_commit_durably(r, txn))) return lmb_from_mdb(r, rc, "commit counter");
    memcpy(out, &next, 8);
    return MG_STORE_OK;
}

/* ---- repository garbage collection (the protocol: repogc.c) ----
 * Layouts (docs/format.md, "Repository GC"):
 *   gc     : "round" u64 (the open round, 0: none), "seq" u64 (its mark
 *            sequence), "opened" u64 (unix time), "rounds" u64 (opened so
 *            far), "publishing" u64 (the round whose candidates are being
 *            written, 0: none), "last" 5 × u64 (round, unix time, freed,
 *            bytes, kept)
 *   gcdead : OOP (u64 key) -> u8: 0 possibly dead, 1 kept by a vote
 *   gcvote : session id (u64 key) -> u32 pid, u32 0, u64 started, u64 round
 * Every change is a write transaction of its own, like the sessions table. */

void
lmdb_set_ref_scan(MgRepo *r, MgRefScan scan)
{
    if (r) r->ref_scan = scan;
}

static MgStoreErr
gc_usable(MgRepo *r, bool write)
{
    if (!r || !r->env) return MG_STORE_INVALID;
    if (!r->have_gc || !r->have_sys)
        return lmb_fail(r, MG_STORE_INVALID, "this repository has no GC tables (opened read-only)");
    if (write && (r->flags & MG_REPO_RDONLY)) return lmb_fail(r, MG_STORE_INVALID, "the repository is open read-only");
    return MG_STORE_OK;
}

static uint64_t
gc_get(MgRepo *r, MDB_txn *txn, const char *key)
{
    uint64_t v = 0;
    if (lmb_meta_get(txn, r->gc, key, &v, 8)) v = 0;
    return v;
}

typedef struct {
    size_t live, waiting; int waiting_pid;
    int pids[64]; size_t npids;    /* pids of the live sessions (the first 64) */
    bool all_pids;                 /* every live session's pid is in pids[] */
} Votes;

/* A reader slot of a process without a live session: a process that reads
 * the repository but cannot vote (it could not register, or opened it
 * read-only). It may hold possibly-dead objects in memory, so while it has
 * a view open the round waits for it, as for a session that has not voted. */
static void
gc_unregistered(const MgSession *s, void *arg)
{
    Votes *vt = arg;
    if (!s->in_view || !vt->all_pids) return;
    for (size_t i = 0; i < vt->npids; i++)
        if (vt->pids[i] == s->pid) return;
    for (size_t i = 0; i < vt->npids; i++)   /* one entry per process */
        if (vt->pids[i] == -s->pid) return;
    if (vt->npids < sizeof vt->pids / sizeof vt->pids[0]) vt->pids[vt->npids++] = -s->pid;
    vt->live++;
    if (!vt->waiting) vt->waiting_pid = s->pid;
    vt->waiting++;
}

/* Which live sessions (other than the caller's) have not voted in round,
 * and which other processes read without a session (gc_unregistered). */
static int
gc_votes(MgRepo *r, MDB_txn *txn, uint64_t round, Votes *out)
{
    memset(out, 0, sizeof *out);
    out->all_pids = true;
    MDB_cursor *c;
    int rc = mdb_cursor_open(txn, r->sessions, &c);
    if (rc) return rc;
    MDB_val k, v;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0; rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        if (v.mv_size < SESS_HEAD) continue;
        Holder h = { (uint32_t)lmb_get_u64(&k), 0, 0 };
        memcpy(&h.pid, v.mv_data, 4);
        memcpy(&h.started, (char *)v.mv_data + 8, 8);
        if (is_self(r, &h) || !lmb_holder_live(r, txn, &h)) continue;
        out->live++;
        if (out->npids < sizeof out->pids / sizeof out->pids[0]) out->pids[out->npids++] = (int)h.pid;
        else out->all_pids = false;
        uint64_t key = h.session;
        MDB_val vk = { sizeof key, &key }, vv;
        bool voted = false;
        if (round && mdb_get(txn, r->gcvote, &vk, &vv) == 0 && vv.mv_size == 24) {
            uint32_t pid;
            uint64_t started, vround;
            memcpy(&pid, vv.mv_data, 4);
            memcpy(&started, (char *)vv.mv_data + 8, 8);
            memcpy(&vround, (char *)vv.mv_data + 16, 8);
            voted = pid == h.pid && started == h.started && vround == round;
        }
        if (round && !voted) {
            if (!out->waiting) out->waiting_pid = (int)h.pid;
            out->waiting++;
        }
    }
    mdb_cursor_close(c);
    if (rc != MDB_NOTFOUND) return rc;
    if (round) {
        int dead;
        mdb_reader_check(r->env, &dead);   /* slots of dead processes do not wait */
        SessionList l = { 0, mdb_txn_id(txn), (int)getpid(), gc_unregistered, out };
        if (mdb_reader_list(r->env, session_line, &l) < 0) return EIO;
    }
    return 0;
}

MgStoreErr
lmdb_gc_state(MgRepo *r, MgGcState *out)
{
    memset(out, 0, sizeof *out);
    MgStoreErr e = gc_usable(r, false);
    if (e) return e;
    MDB_txn *txn;
    int rc = mdb_txn_begin(r->env, NULL, MDB_RDONLY, &txn);
    if (rc) return lmb_from_mdb(r, rc, "begin");
    out->round = gc_get(r, txn, "round");
    out->seq = gc_get(r, txn, "seq");
    out->opened = gc_get(r, txn, "opened");
    out->rounds = gc_get(r, txn, "rounds");
    MDB_val k = { 4, "last" }, v;
    if (mdb_get(txn, r->gc, &k, &v) == 0 && v.mv_size == 40) {
        uint64_t last[5];
        memcpy(last, v.mv_data, 40);
        out->last_round = last[0];
        out->last_time = last[1];
        out->last_freed = last[2];
        out->last_bytes = last[3];
        out->last_kept = last[4];
    }
    MDB_stat st;
    if (out->round && mdb_stat(txn, r->gcdead, &st) == 0) out->candidates = st.ms_entries;
    if (out->round) {
        MDB_cursor *c;
        if ((rc = mdb_cursor_open(txn, r->gcdead, &c)) == 0) {
            for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0; rc = mdb_cursor_get(c, &k, &v, MDB_NEXT))
                if (v.mv_size == 1 && *(unsigned char *)v.mv_data) out->kept++;
            mdb_cursor_close(c);
        }
    }
    Votes vt;
    rc = gc_votes(r, txn, out->round, &vt);
    mdb_txn_abort(txn);
    if (rc) return lmb_from_mdb(r, rc, "gc state");
    out->sessions = vt.live;
    out->waiting = vt.waiting;
    out->waiting_pid = vt.waiting_pid;
    return MG_STORE_OK;
}

/* Publishing a million candidates in one write transaction would stall
 * every commit for its duration, so they go in chunks (SWEEP_CHUNK OOPs per
 * transaction) while the round is not yet open: the first transaction drops
 * the old round and its tables and claims the publication under the new
 * round's number ("publishing"), each chunk checks that claim (another
 * collector that started meanwhile took it: this one gives up), and the
 * last opens the round. Gems vote only once it is open. */
#define SWEEP_CHUNK 4096

MgStoreErr
lmdb_gc_open(MgRepo *r, uint64_t seq, const uint64_t *oops, size_t n, uint64_t *round)
{
    MgStoreErr e = gc_usable(r, true);
    if (e) return e;
    MDB_txn *txn;
    uint64_t next = 0;
    size_t i = 0;
    int rc;
    for (bool first = true;; first = false) {
        if ((rc = mdb_txn_begin(r->env, NULL, 0, &txn))) return lmb_from_mdb(r, rc, "begin");
        if (first) {
            next = gc_get(r, txn, "rounds") + 1;
            if ((rc = mdb_drop(txn, r->gcdead, 0)) || (rc = mdb_drop(txn, r->gcvote, 0))
                || (rc = lmb_meta_put(txn, r->gc, "round", 0, 8)) || (rc = lmb_meta_put(txn, r->gc, "rounds", next, 8))
                || (rc = lmb_meta_put(txn, r->gc, "publishing", next, 8)))
                goto fail;
        } else if (gc_get(r, txn, "publishing") != next) {
            mdb_txn_abort(txn);
            return lmb_fail(r, MG_STORE_CONFLICT, "another collection started while round %llu was being published",
                        (unsigned long long)next);
        }
        unsigned char zero = 0;
        for (size_t end = i + SWEEP_CHUNK < n ? i + SWEEP_CHUNK : n; i < end; i++) {
            uint64_t oop = oops[i];
            MDB_val k = { sizeof oop, &oop }, v = { 1, &zero };
            if ((rc = mdb_put(txn, r->gcdead, &k, &v, MDB_APPEND))) goto fail;
        }
        if (i == n) break;
        if ((rc = lmb_commit_durably(r, txn))) return lmb_from_mdb(r, rc, "publish gc round");
    }
    if ((rc = lmb_meta_put(txn, r->gc, "seq", seq, 8)) || (rc = lmb_meta_put(txn, r->gc, "opened", (uint64_t)time(NULL), 8))
        || (rc = lmb_meta_put(txn, r->gc, "publishing", 0, 8)) || (rc = lmb_meta_put(txn, r->gc, "round", next, 8)))
        goto fail;
    if ((rc = lmb_commit_durably(r, txn))) return lmb_from_mdb(r, rc, "open gc round");
    *round = next;
    return MG_STORE_OK;
fail:
    mdb_txn_abort(txn);
    return lmb_from_mdb(r, rc, "open gc round");
}

uint64_t
lmdb_view_gc_round(MgView *v)
{
    if (!v || !v->repo->have_gc) return 0;
    return gc_get(v->repo, v->txn, "round");
}

MgStoreErr
lmdb_gc_vote(MgRepo *r, uint64_t round, bool (*held)(uint64_t oop, void *arg), void *arg)
{
    MgStoreErr e = gc_usable(r, true);
    if (e) return e;
    if (!r->session) return lmb_fail(r, MG_STORE_INVALID, "only a registered session votes in a GC round");
    MDB_txn *txn;
    int rc = quick_begin(r, &txn);
    if (rc) return lmb_from_mdb(r, rc, "begin gc vote");
    if (gc_get(r, txn, "round") != round) { quick_end(r, txn, false); return MG_STORE_OK; }
    MDB_cursor *c;
    if ((rc = mdb_cursor_open(txn, r->gcdead, &c))) goto fail;
    MDB_val k, v;
    unsigned char one = 1;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0; rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        if (v.mv_size == 1 && *(unsigned char *)v.mv_data) continue;
        if (!held(lmb_get_u64(&k), arg)) continue;
        MDB_val nv = { 1, &one };
        if ((rc = mdb_cursor_put(c, &k, &nv, MDB_CURRENT))) break;
    }
    mdb_cursor_close(c);
    if (rc != MDB_NOTFOUND) goto fail;
    unsigned char rec[24];
    uint32_t pid = (uint32_t)getpid(), zero = 0;
    uint64_t key = r->session;
    memcpy(rec, &pid, 4);
    memcpy(rec + 4, &zero, 4);
    memcpy(rec + 8, &r->started, 8);
    memcpy(rec + 16, &round, 8);
    MDB_val vk = { sizeof key, &key }, vv = { sizeof rec, rec };
    if ((rc = mdb_put(txn, r->gcvote, &vk, &vv, 0))) goto fail;
    if ((rc = quick_end(r, txn, true))) return lmb_from_mdb(r, rc, "gc vote");
    return MG_STORE_OK;
fail:
    quick_end(r, txn, false);
    return lmb_from_mdb(r, rc, "gc vote");
}

MgStoreErr
lmdb_gc_cancel(MgRepo *r)
{
    MgStoreErr e = gc_usable(r, true);
    if (e) return e;
    MDB_txn *txn;
    int rc = mdb_txn_begin(r->env, NULL, 0, &txn);
    if (rc) return lmb_from_mdb(r, rc, "begin");
    if ((rc = mdb_drop(txn, r->gcdead, 0)) || (rc = mdb_drop(txn, r->gcvote, 0))
        || (rc = lmb_meta_put(txn, r->gc, "round", 0, 8)) || (rc = lmb_meta_put(txn, r->gc, "publishing", 0, 8))) {
        mdb_txn_abort(txn);
        return lmb_from_mdb(r, rc, "cancel gc round");
    }
    rc = lmb_commit_durably(r, txn);
    return rc ? lmb_from_mdb(r, rc, "cancel gc round") : MG_STORE_OK;
}

/* Scans the stored record of oop (none: nothing), keeping the candidates it references. */
static MgStoreErr
sweep_scan(MgRepo *r, MDB_txn *txn, MgRefScan scan, MgSweep *s, uint64_t oop)
{
    MDB_val k = { sizeof oop, &oop }, v;
    int rc = mdb_get(txn, r->obj, &k, &v);
    if (rc == MDB_NOTFOUND) return MG_STORE_OK;
    if (rc) return lmb_from_mdb(r, rc, "gc sweep");
    MgRecord rec;
    MgStoreErr e = lmb_decode(r, oop, &v, &rec);
    if (e) return e;
    const char *why = scan(rec.data, rec.len, mg_sweep_keep, s);
    if (s->nomem) return lmb_fail(r, MG_STORE_NOMEM, "gc sweep: out of memory");
    if (why) return lmb_fail(r, MG_STORE_CORRUPT, "record of OOP %llu does not scan: %s", (unsigned long long)oop, why);
    return MG_STORE_OK;
}

/* Appends the OOPs written by every commit with sequence > since to
 * *written (grown as needed); *entries counts the commits read. */
static int
sweep_log(MgRepo *r, MDB_txn *txn, uint64_t since, uint64_t **written, size_t *nwritten, size_t *cwritten,
          uint64_t *entries)
{
    MDB_cursor *c;
    int rc = mdb_cursor_open(txn, r->log, &c);
    if (rc) return rc;
    uint64_t start = since + 1;
    MDB_val k = { sizeof start, &start }, v;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_SET_RANGE); rc == 0; rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        (*entries)++;
        size_t count = v.mv_size / 8;
        if (*nwritten + count > *cwritten) {
            size_t cap = *cwritten ? *cwritten * 2 : 1024;
            while (cap < *nwritten + count) cap *= 2;
            uint64_t *bigger = realloc(*written, cap * sizeof *bigger);
            if (!bigger) { rc = ENOMEM; break; }
            *written = bigger;
            *cwritten = cap;
        }
        memcpy(*written + *nwritten, v.mv_data, count * 8);
        *nwritten += count;
    }
    mdb_cursor_close(c);
    return rc == MDB_NOTFOUND ? 0 : rc;
}

/* Keeps the candidates that the records of written[0..n) reference, and
 * everything kept ones reach among the candidates. */
static MgStoreErr
sweep_close(MgRepo *r, MDB_txn *txn, MgRefScan scan, MgSweep *s, uint64_t *written, size_t n)
{
    MgStoreErr e;
    if (n) qsort(written, n, sizeof *written, lmb_cmp_u64);
    for (size_t i = 0; i < n; i++) {
        if (i && written[i] == written[i - 1]) continue;
        if ((e = sweep_scan(r, txn, scan, s, written[i]))) return e;
    }
    while (s->nwork) {
        uint64_t oop = s->work[--s->nwork];
        if ((e = sweep_scan(r, txn, scan, s, oop))) return e;
    }
    return MG_STORE_OK;
}

/* A sweep deletes SWEEP_CHUNK records per write transaction: commits of
 * other gems take the write lock between two chunks, so a sweep of a
 * million records never stalls them for more than one chunk's worth. */

/* The sweep runs in two phases. The expensive one -- the commit log since
 * S, the candidates and the closure of what is kept -- reads one snapshot
 * (T) and holds no lock, so gems go on committing. Then chunks of deletes,
 * each a write transaction of its own; each first catches up on the commits
 * made since the previous one (their records are scanned and what they
 * reference kept, as in phase one), so the kept set is exactly the one a
 * single transaction at the end would have computed. (By the protocol no
 * such commit can reference a candidate that is not already kept -- a gem
 * can only write a reference it holds, and everything it could hold was
 * voted or is reachable from a record written since S -- and the commit
 * check refuses a reference to a deleted record; the catch-up is the
 * belt to those braces.) A round dropped or reopened meanwhile stops the
 * sweep after the chunks already done, which freed only unreachable
 * records. */
MgStoreErr
lmdb_gc_sweep(MgRepo *r, uint64_t round, MgRefScan scan, MgGcSweep *out)
{
    memset(out, 0, sizeof *out);
    MgStoreErr e = gc_usable(r, true);
    if (e) return e;
    MDB_txn *txn;
    int rc = mdb_txn_begin(r->env, NULL, MDB_RDONLY, &txn);
    if (rc) return lmb_from_mdb(r, rc, "begin gc sweep");
    MgSweep s = { 0 };
    uint64_t *written = NULL;
    size_t nwritten = 0, cwritten = 0;
    MDB_cursor *c = NULL;
    if (gc_get(r, txn, "round") != round || !round) {
        e = lmb_fail(r, MG_STORE_INVALID, "GC round %llu is not open", (unsigned long long)round);
        goto out;
    }
    /* (1) every live session voted */
    Votes vt;
    if ((rc = gc_votes(r, txn, round, &vt))) goto out_mdb;
    if (vt.waiting) {
        out->waiting = vt.waiting;
        out->waiting_pid = vt.waiting_pid;
        goto out;
    }
    /* (2) the commit log since S is whole: one entry per sequence */
    uint64_t S = gc_get(r, txn, "seq"), seen, entries = 0;
    if ((rc = lmb_meta_get(txn, r->meta, "seq", &seen, 8))) goto out_mdb;
    if ((rc = sweep_log(r, txn, S, &written, &nwritten, &cwritten, &entries))) goto out_mdb;
    if (entries != seen - S) {
        mdb_txn_abort(txn);
        txn = NULL;
        mg_repo_gc_cancel(r);
        e = lmb_fail(r, MG_STORE_CONFLICT, "the commit log since the round's mark (seq %llu) was trimmed: "
                 "round %llu dropped, start another", (unsigned long long)S, (unsigned long long)round);
        goto out;
    }
    /* (3) the candidates, with the kept ones as the first work */
    MDB_stat st;
    if ((rc = mdb_stat(txn, r->gcdead, &st))) goto out_mdb;
    s.n = 0;
    s.oop = malloc((st.ms_entries ? st.ms_entries : 1) * sizeof *s.oop);
    s.kept = malloc(st.ms_entries ? st.ms_entries : 1);
    if (!s.oop || !s.kept) { rc = ENOMEM; goto out_mdb; }
    if ((rc = mdb_cursor_open(txn, r->gcdead, &c))) goto out_mdb;
    MDB_val k, v;
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0 && s.n < st.ms_entries; rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        s.oop[s.n] = lmb_get_u64(&k);
        s.kept[s.n] = 0;
        bool kept = v.mv_size == 1 && *(unsigned char *)v.mv_data;
        s.n++;
        if (kept) mg_sweep_keep(s.oop[s.n - 1], 0, &s);
    }
    mdb_cursor_close(c);
    c = NULL;
    if (rc && rc != MDB_NOTFOUND) goto out_mdb;
    if (s.nomem) { rc = ENOMEM; goto out_mdb; }
    /* (4) what records written since S reference is kept, and everything a kept one reaches */
    if ((e = sweep_close(r, txn, scan, &s, written, nwritten))) goto out;
    mdb_txn_abort(txn);
    txn = NULL;
    /* (5) the others go, a chunk per write transaction, each after catching up */
    out->candidates = s.n;
    size_t next = 0;
    for (;;) {
        if ((rc = mdb_txn_begin(r->env, NULL, 0, &txn))) goto out_mdb;
        if (gc_get(r, txn, "round") != round) {
            e = lmb_fail(r, MG_STORE_CONFLICT, "GC round %llu was dropped during its sweep (%llu records freed)",
                      (unsigned long long)round, (unsigned long long)out->freed);
            goto out;
        }
        uint64_t cur;
        if ((rc = lmb_meta_get(txn, r->meta, "seq", &cur, 8))) goto out_mdb;
        if (cur != seen) {
            nwritten = entries = 0;
            if ((rc = sweep_log(r, txn, seen, &written, &nwritten, &cwritten, &entries))) goto out_mdb;
            if (entries != cur - seen) {
                e = lmb_fail(r, MG_STORE_CONFLICT, "the commit log was trimmed during the sweep of GC round %llu",
                          (unsigned long long)round);
                goto out;
            }
            if ((e = sweep_close(r, txn, scan, &s, written, nwritten))) goto out;
            seen = cur;
        }
        bool idx = lmb_class_index_kept(r, txn);
        for (size_t done = 0; next < s.n && done < SWEEP_CHUNK; next++) {
            if (s.kept[next]) continue;
            uint64_t oop = s.oop[next];
            MDB_val dk = { sizeof oop, &oop }, dv;
            if ((rc = mdb_get(txn, r->obj, &dk, &dv)) == MDB_NOTFOUND) continue;
            if (rc) goto out_mdb;
            out->bytes += dv.mv_size;
            if (idx && dv.mv_size >= REC_HEADER) {
                uint64_t cls = r->class_of((const char *)dv.mv_data + REC_HEADER, dv.mv_size - REC_HEADER);
                if (cls && (rc = lmb_class_index_set(r, txn, cls, oop, false))) goto out_mdb;
            }
            if ((rc = mdb_del(txn, r->obj, &dk, NULL))) goto out_mdb;
            out->freed++;
            done++;
        }
        if (next < s.n) {
            rc = lmb_commit_durably(r, txn);
            txn = NULL;
            if (rc) { e = lmb_from_mdb(r, rc, "gc sweep"); goto out; }
            continue;
        }
        /* (6) the round closes with the last chunk */
        out->kept = s.kept_count;
        uint64_t last[5] = { round, (uint64_t)time(NULL), out->freed, out->bytes, out->kept };
        MDB_val lk = { 4, "last" }, lv = { sizeof last, last };
        if ((rc = mdb_drop(txn, r->gcdead, 0)) || (rc = mdb_drop(txn, r->gcvote, 0))
            || (rc = lmb_meta_put(txn, r->gc, "round", 0, 8)) || (rc = mdb_put(txn, r->gc, &lk, &lv, 0)))
            goto out_mdb;
        rc = lmb_commit_durably(r, txn);
        txn = NULL;
        if (rc) { e = lmb_from_mdb(r, rc, "gc sweep"); goto out; }
        out->swept = true;
        goto out;
    }
out_mdb:
    e = lmb_from_mdb(r, rc, "gc sweep");
out:
    if (c) mdb_cursor_close(c);
    if (txn) mdb_txn_abort(txn);
    free(written);
    free(s.oop);
    free(s.kept);
    free(s.work);
    return e;
}

