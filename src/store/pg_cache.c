/* pg_cache.c -- the per-host shared object cache of the PostgreSQL backend
 * (GemStone's shared page cache): the records the gems of one host read from
 * PostgreSQL are kept in one local LMDB environment, so a second gem reads a
 * hot object without a round trip to the server. pg_backend.c asks it before
 * a query (P7 there) and stores what its queries bring back.
 *
 * Where: the folder MAGLEV_CACHE_DIR names (off: no cache), by default
 * $MAGLEV_DATA/pgcache (or $MAGLEV_HOME/data/pgcache, MAGLEV_HOME the folder
 * above the program's bin/ by default, as for the stones). One environment holds
 * the entries of every repository the host's gems use, each repository under
 * its identity (a random number the repository keeps in mg_meta 'cache_id',
 * mixed with the database's OID: a copy of a database is another one).
 *
 * Databases (keys big-endian, so one repository's entries are one range):
 *   rec   (id, oop)  -> version, hi, ins, flags (1: has data), crc32c, data
 *   ord   (ins)      -> (id, oop)   the entries in insertion order (eviction)
 *   meta  (id)       -> H, the repository's horizon; "ins" the next insertion
 *                       number; "boot" the boot id the entries were made under
 *
 * A record version is immutable, so an entry's bytes never go stale; what an
 * entry must say is for which view sequences its version is the newest.
 * Invariant C1: for every entry (oop -> version v, hi) of a repository whose
 * horizon is H, v is the newest version of oop at every sequence of
 * [v, max(hi, H)] (a removed record: a row without data, a NOTFOUND). So a
 * view at S reads an entry iff v <= S <= max(hi, H); anything else is a miss.
 * It is kept by the three writers (LMDB serialises them, and each reads H in
 * the transaction that changes things):
 *  - put (a view at S stored what its query read: the newest version v <= S):
 *    stores (v, hi = S) only when S >= H, so [v, max(S, H)] = [v, S], which
 *    the query saw; an entry of a version newer than S is left alone.
 *  - advance (a view learnt the commit log up to S > H): applies the commits
 *    of (H, S] in order, deleting the entry of every OOP a commit s writes
 *    unless s <= hi (then the entry has that commit's version or a newer
 *    one already: s <= v, as no commit wrote oop in (v, hi]); then H = S.
 *    Commits bump the sequence one at a time and each has one log entry, so
 *    a log of (H, S] is complete exactly when its sequences are H+1..S; one
 *    that is not (the stone trimmed it, or H is far behind) empties the
 *    repository's entries instead.
 *  - evict deletes entries, which never breaks C1.
 * The GC's sweep deletes the rows of records no session can reach without a
 * log entry: their entries stay until evicted, readable only through an OOP
 * that nobody holds (OOPs are never handed out again).
 * A reader holds an LMDB read snapshot, so it sees one H with the entries
 * that go with it. Values carry a CRC-32C: an entry that does not check is a
 * miss. Any other LMDB error turns the cache off for the process (its reads
 * go to the database: slower, never wrong). A damaged file found at open is
 * deleted and made again. Commits are not synced (MDB_NOSYNC: a process
 * crash loses nothing, LMDB writes through the OS page cache); the boot id
 * in meta empties the cache after a machine restart, which may have lost
 * unsynced pages. A folder deleted while gems run leaves them on the old
 * file (still consistent among them); new gems make a new one.
 *
 * Size: the LMDB map, MAGLEV_CACHE_SIZE bytes (suffix K, M or G; default
 * 1 GiB; LMDB raises it to what the file holds already). A put or advance
 * that finds the map full evicts the oldest eighth of the entries and tries
 * again, then a quarter, then half; when that fails too (a reader's old
 * snapshot may hold the freed pages: a view keeps its snapshot of the cache
 * from its first lookup to its first miss or its end, so an idle gem's open
 * view keeps the pages it saw from being reused) the rows are not stored, or
 * the horizon stays behind (C1 holds: the entries only miss more), and the
 * cache stays on. Eviction first frees the reader slots of killed gems.
 * Puts keep the live pages within a budget (three quarters of the map less
 * 32 pages, at least a quarter), evicting first, so that a write finds free
 * pages to copy into: a map filled to its last page cannot even delete. */
#include "pg_cache.h"
#include "backend.h"
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>
#include <lmdb.h>
#include "../util/crc32c.h"

#define HEAD 32                       /* u64 version, u64 hi, u64 ins, u32 flags, u32 crc */
#define DEFAULT_SIZE ((size_t)1 << 30)
#define MAX_EVICTS 3                  /* rounds of a full map: an eighth, a quarter, a half */

struct MgPgCache {
    MDB_env *env;
    MDB_dbi rec, ord, meta;
    uint64_t id;
    unsigned char idkey[8];
    size_t budget;                    /* bytes the live pages may take (the rest: copy-on-write room) */
    size_t psize;
    bool ok;
    char error[512];
};

typedef struct Chunk {
    struct Chunk *next;
    size_t used, cap;
    unsigned char data[];
} Chunk;

struct MgPgcReader {
    MgPgCache *c;
    uint64_t seq, horizon;
    MDB_txn *txn;
    bool active;
    Chunk *chunks;
};

static void
be64(unsigned char *p, uint64_t x)
{
    for (int i = 7; i >= 0; i--) { p[i] = (unsigned char)x; x >>= 8; }
}

static uint64_t
rd64(const unsigned char *p)
{
    uint64_t x;
    memcpy(&x, p, 8);
    return x;
}

static void
off(MgPgCache *c, const char *what, int rc)
{
    if (!c->ok) return;
    c->ok = false;
    snprintf(c->error, sizeof c->error, "%s: %s", what, mdb_strerror(rc));
    fprintf(stderr, "maglev: warning: the host object cache is off for this process (%s)\n", c->error);
}

bool
mg_pgc_dir(char *buf, size_t size)
{
    const char *dir = getenv("MAGLEV_CACHE_DIR"), *data = getenv("MAGLEV_DATA"), *home = getenv("MAGLEV_HOME");
    int n;
    if (dir && *dir) {
        if (!strcmp(dir, "off")) return false;
        n = snprintf(buf, size, "%s", dir);
    } else if (data && *data) {
        n = snprintf(buf, size, "%s/pgcache", data);
    } else if (home && *home) {
        n = snprintf(buf, size, "%s/data/pgcache", home);
    } else {                               /* the installation's data folder, as the stones' */
        char exe[4096];
        ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
        if (len <= 0) return false;
        exe[len] = '\0';
        for (int i = 0; i < 2; i++) {      /* <home>/bin/maglev-ruby -> <home> */
            char *slash = strrchr(exe, '/');
            if (slash) *slash = '\0';
        }
        n = snprintf(buf, size, "%s/data/pgcache", exe);
    }
    return n > 0 && (size_t)n < size;
}

static void
boot_id(char *buf, size_t size)
{
    snprintf(buf, size, "none");
    FILE *f = fopen("/proc/sys/kernel/random/boot_id", "r");
    if (!f) return;
    if (!fgets(buf, (int)size, f)) snprintf(buf, size, "none");
    buf[strcspn(buf, "\n")] = '\0';
    fclose(f);
}

static int
open_env(MgPgCache *c, const char *dir)
{
    int rc = mdb_env_create(&c->env);
    if (rc) return rc;
    mdb_env_set_assert(c->env, mg_lmdb_on_assert);
    size_t size = DEFAULT_SIZE;
    const char *s = getenv("MAGLEV_CACHE_SIZE");
    if (s && *s) {
        char *end;
        unsigned long long v = strtoull(s, &end, 10);
        if (*end == 'K' || *end == 'k') v <<= 10;
        else if (*end == 'M' || *end == 'm') v <<= 20;
        else if (*end == 'G' || *end == 'g') v <<= 30;
        if (v >= ((size_t)64 << 10)) size = (size_t)v;
    }
    mdb_env_set_mapsize(c->env, size);
    mdb_env_set_maxdbs(c->env, 4);
    mdb_env_set_maxreaders(c->env, 4096);  /* a slot per open view of every gem of the host */
    mg_lmdb_note_dir(dir);
    rc = mdb_env_open(c->env, dir, MDB_NOTLS | MDB_NOSYNC, 0600);
    uint64_t have, need;
    if (!rc && mg_lmdb_file_short(c->env, &have, &need)) rc = MDB_CORRUPTED;   /* cut short: made again */
    if (rc) { mdb_env_close(c->env); c->env = NULL; }
    return rc;
}

MgPgCache *
mg_pgc_open(const char *dir, uint64_t id, char *err, size_t errsize)
{
    MgPgCache *c = calloc(1, sizeof *c);
    if (!c) { snprintf(err, errsize, "out of memory"); return NULL; }
    c->id = id;
    be64(c->idkey, id);
    char parent[4096];
    snprintf(parent, sizeof parent, "%s", dir);
    for (char *p = parent + 1; *p; p++) {  /* the folders above it, as mkdir -p */
        if (*p != '/') continue;
        *p = '\0';
        if (mkdir(parent, 0755) && errno != EEXIST) break;
        *p = '/';
    }
    if (mkdir(dir, 0700) && errno != EEXIST) {
        snprintf(err, errsize, "cannot make the cache folder %s: %s", dir, strerror(errno));
        free(c);
        return NULL;
    }
    int rc = open_env(c, dir);
    if (rc == MDB_INVALID || rc == MDB_CORRUPTED || rc == MDB_VERSION_MISMATCH || rc == MDB_PANIC) {
        char path[4200];                       /* a damaged cache: made again */
        snprintf(path, sizeof path, "%s/data.mdb", dir);
        unlink(path);
        snprintf(path, sizeof path, "%s/lock.mdb", dir);
        unlink(path);
        rc = open_env(c, dir);
    }
    if (rc) {
        snprintf(err, errsize, "cannot open the cache in %s: %s", dir, mdb_strerror(rc));
        free(c);
        return NULL;
    }
    MDB_txn *txn;
    if ((rc = mdb_txn_begin(c->env, NULL, 0, &txn))) goto fail;
    if ((rc = mdb_dbi_open(txn, "rec", MDB_CREATE, &c->rec)) || (rc = mdb_dbi_open(txn, "ord", MDB_CREATE, &c->ord)) ||
        (rc = mdb_dbi_open(txn, "meta", MDB_CREATE, &c->meta))) {
        mdb_txn_abort(txn);
        goto fail;
    }
    char boot[64];
    boot_id(boot, sizeof boot);
    MDB_val k = { 4, "boot" }, v;
    rc = mdb_get(txn, c->meta, &k, &v);
    if (rc == MDB_NOTFOUND || (!rc && (v.mv_size != strlen(boot) || memcmp(v.mv_data, boot, v.mv_size)))) {
        /* made before the machine's last start: unsynced pages may be lost */
        if ((rc = mdb_drop(txn, c->rec, 0)) || (rc = mdb_drop(txn, c->ord, 0)) || (rc = mdb_drop(txn, c->meta, 0))) {
            mdb_txn_abort(txn);
            goto fail;
        }
        v = (MDB_val){ strlen(boot), boot };
        rc = mdb_put(txn, c->meta, &k, &v, 0);
    }
    if (rc) { mdb_txn_abort(txn); goto fail; }
    if ((rc = mdb_txn_commit(txn))) goto fail;
    MDB_envinfo info;
    MDB_stat est;
    mdb_env_info(c->env, &info);
    mdb_env_stat(c->env, &est);
    c->psize = est.ms_psize;
    c->budget = info.me_mapsize / 4 * 3 > 32 * c->psize + info.me_mapsize / 4
                ? info.me_mapsize / 4 * 3 - 32 * c->psize : info.me_mapsize / 4;
    c->ok = true;
    return c;
fail:
    snprintf(err, errsize, "cannot open the cache in %s: %s", dir, mdb_strerror(rc));
    mdb_env_close(c->env);
    free(c);
    return NULL;
}

void
mg_pgc_close(MgPgCache *c)
{
    if (!c) return;
    mdb_env_close(c->env);
    free(c);
}

bool
mg_pgc_ok(const MgPgCache *c)
{
    return c && c->ok;
}

const char *
mg_pgc_error(const MgPgCache *c)
{
    return c ? c->error : "no cache";
}

static void
rec_key(MgPgCache *c, unsigned char key[16], uint64_t oop)
{
    memcpy(key, c->idkey, 8);
    be64(key + 8, oop);
}

/* The horizon of the repository in txn; false: none (no entries either). */
static int
get_horizon(MgPgCache *c, MDB_txn *txn, uint64_t *h)
{
    MDB_val k = { 8, c->idkey }, v;
    int rc = mdb_get(txn, c->meta, &k, &v);
    if (rc) return rc;
    if (v.mv_size != 8) return MDB_CORRUPTED;
    *h = rd64(v.mv_data);
    return 0;
}

static int
put_horizon(MgPgCache *c, MDB_txn *txn, uint64_t h)
{
    MDB_val k = { 8, c->idkey }, v = { 8, &h };
    return mdb_put(txn, c->meta, &k, &v, 0);
}

/* Deletes the entry under key (and its ord row). */
static int
del_entry(MgPgCache *c, MDB_txn *txn, MDB_val *key, const MDB_val *val)
{
    if (val->mv_size >= HEAD) {
        unsigned char ok[8];
        be64(ok, rd64((const unsigned char *)val->mv_data + 16));
        MDB_val k = { 8, ok };
        int rc = mdb_del(txn, c->ord, &k, NULL);
        if (rc && rc != MDB_NOTFOUND) return rc;
    }
    return mdb_del(txn, c->rec, key, NULL);
}

/* Every entry of this repository goes. */
static int
wipe(MgPgCache *c, MDB_txn *txn)
{
    MDB_cursor *cur;
    int rc = mdb_cursor_open(txn, c->rec, &cur);
    if (rc) return rc;
    unsigned char start[16];
    rec_key(c, start, 0);
    MDB_val k = { 16, start }, v;
    rc = mdb_cursor_get(cur, &k, &v, MDB_SET_RANGE);
    while (!rc && k.mv_size == 16 && !memcmp(k.mv_data, c->idkey, 8)) {
        if (v.mv_size >= HEAD) {
            unsigned char ok[8];
            be64(ok, rd64((const unsigned char *)v.mv_data + 16));
            MDB_val ko = { 8, ok };
            if ((rc = mdb_del(txn, c->ord, &ko, NULL)) && rc != MDB_NOTFOUND) break;
        }
        if ((rc = mdb_cursor_del(cur, 0))) break;
        rc = mdb_cursor_get(cur, &k, &v, MDB_GET_CURRENT);
        if (rc == MDB_NOTFOUND || rc == EINVAL) rc = mdb_cursor_get(cur, &k, &v, MDB_SET_RANGE);
    }
    mdb_cursor_close(cur);
    return rc == MDB_NOTFOUND ? 0 : rc;
}

/* The oldest 1/2^shift of the entries (of every repository) goes; false: none
 * to evict, or no room even for that (a snapshot holds the free pages). The
 * reader slots of killed gems are freed first: their snapshots would keep the
 * pages freed since from ever being used again. */
static bool
evict(MgPgCache *c, int shift)
{
    int dead;
    mdb_reader_check(c->env, &dead);
    MDB_txn *txn;
    if (mdb_txn_begin(c->env, NULL, 0, &txn)) return false;
    MDB_stat st;
    MDB_cursor *cur = NULL;
    int rc = mdb_stat(txn, c->ord, &st);
    size_t n = st.ms_entries >> shift < 16 ? 16 : st.ms_entries >> shift, done = 0;
    if (rc || !st.ms_entries || (rc = mdb_cursor_open(txn, c->ord, &cur))) goto fail;
    MDB_val k, v;
    for (rc = mdb_cursor_get(cur, &k, &v, MDB_FIRST); !rc && done < n; rc = mdb_cursor_get(cur, &k, &v, MDB_FIRST)) {
        if (v.mv_size == 16 && k.mv_size == 8) {
            unsigned char key[16];
            memcpy(key, v.mv_data, 16);
            MDB_val rk = { 16, key }, rv;
            uint64_t ins = 0;
            for (int i = 0; i < 8; i++) ins = ins << 8 | ((const unsigned char *)k.mv_data)[i];
            if (!mdb_get(txn, c->rec, &rk, &rv) && rv.mv_size >= HEAD && rd64((const unsigned char *)rv.mv_data + 16) == ins)
                if ((rc = mdb_del(txn, c->rec, &rk, NULL))) break;
        }
        if ((rc = mdb_cursor_del(cur, 0))) break;
        done++;
    }
    if (rc && rc != MDB_NOTFOUND) goto fail;
    mdb_cursor_close(cur);
    return !mdb_txn_commit(txn) && done;
fail:
    if (cur) mdb_cursor_close(cur);
    mdb_txn_abort(txn);
    return false;
}

static int
apply(MgPgCache *c, MDB_txn *txn, uint64_t h, uint64_t to, const MgPgcCommit *log, size_t n)
{
    uint64_t expect = h + 1;
    for (size_t i = 0; i < n; i++) {
        if (log[i].seq <= h) continue;
        if (log[i].seq != expect++) return wipe(c, txn);
    }
    if (expect != to + 1) return wipe(c, txn);
    for (size_t i = 0; i < n; i++) {
        if (log[i].seq <= h) continue;
        for (size_t j = 0; j < log[i].count; j++) {
            unsigned char key[16];
            rec_key(c, key, log[i].oops[j]);
            MDB_val k = { 16, key }, v;
            int rc = mdb_get(txn, c->rec, &k, &v);
            if (rc == MDB_NOTFOUND) continue;
            if (rc) return rc;
            if (v.mv_size >= HEAD && log[i].seq <= rd64((const unsigned char *)v.mv_data + 8)) continue;
            if ((rc = del_entry(c, txn, &k, &v))) return rc;
        }
    }
    return 0;
}

int
mg_pgc_advance(MgPgCache *c, uint64_t from, uint64_t to, const MgPgcCommit *log, size_t n, uint64_t *horizon)
{
    if (!c || !c->ok) return -1;
    for (int attempt = 0;; attempt++) {
        MDB_txn *txn;
        int rc = mdb_txn_begin(c->env, NULL, 0, &txn);
        if (rc) { off(c, "advance", rc); return -1; }
        uint64_t h;
        rc = get_horizon(c, txn, &h);
        if (rc == MDB_NOTFOUND) {          /* first use for this repository: no entries */
            rc = put_horizon(c, txn, to);
        } else if (!rc) {
            if (h >= to) { mdb_txn_abort(txn); return 0; }
            if (h < from) { mdb_txn_abort(txn); *horizon = h; return 1; }
            rc = apply(c, txn, h, to, log, n);
            if (!rc) rc = put_horizon(c, txn, to);
        }
        if (!rc) rc = mdb_txn_commit(txn);
        else mdb_txn_abort(txn);
        if (!rc) return 0;
        if (rc != MDB_MAP_FULL) { off(c, "advance", rc); return -1; }
        /* full: the horizon stays where it is (C1 holds, entries above it
         * are misses) until an eviction makes room */
        if (attempt == MAX_EVICTS || !evict(c, 3 - attempt)) return -1;
    }
}

/* The bytes of the map that the live pages of every tree take (the free
 * list's own included). */
static int
live_bytes(MgPgCache *c, MDB_txn *txn, size_t *out)
{
    MDB_dbi dbis[] = { 0, 1, c->rec, c->ord, c->meta };    /* LMDB's FREE_DBI and MAIN_DBI, ours */
    size_t pages = 2;                      /* the meta pages */
    for (size_t i = 0; i < sizeof dbis / sizeof dbis[0]; i++) {
        MDB_stat st;
        int rc = mdb_stat(txn, dbis[i], &st);
        if (rc) return rc;
        pages += st.ms_branch_pages + st.ms_leaf_pages + st.ms_overflow_pages;
    }
    *out = pages * c->psize;
    return 0;
}

/* What storing a row may take: its leaf node twice over (leaves are about
 * half full), or the overflow pages of a big one; its ord row likewise. */
static size_t
row_cost(const MgPgCache *c, const MgPgcRow *row)
{
    size_t len = row->data ? row->len : 0, node = 16 + HEAD + len + 8;
    size_t cost = node <= c->psize / 2 - 16 ? 2 * node : (HEAD + len + 16 + c->psize - 1) / c->psize * c->psize + 64;
    return cost + 2 * (8 + 16 + 8);
}

static int
put_rows(MgPgCache *c, MDB_txn *txn, uint64_t seq, const MgPgcRow *rows, size_t n)
{
    uint64_t h, ins = 1;
    int rc = get_horizon(c, txn, &h);
    if (rc) return rc == MDB_NOTFOUND ? 0 : rc;
    if (seq < h) return 0;                 /* C1: only a view at or above the horizon stores */
    MDB_val ik = { 3, "ins" }, iv;
    if (!(rc = mdb_get(txn, c->meta, &ik, &iv)) && iv.mv_size == 8) ins = rd64(iv.mv_data);
    else if (rc && rc != MDB_NOTFOUND) return rc;
    for (size_t i = 0; i < n; i++) {
        unsigned char key[16];
        rec_key(c, key, rows[i].oop);
        MDB_val k = { 16, key }, v;
        size_t len = rows[i].data ? rows[i].len : 0;
        v = (MDB_val){ HEAD + len, NULL };
        rc = mdb_put(txn, c->rec, &k, &v, MDB_RESERVE | MDB_NOOVERWRITE);
        if (rc == MDB_KEYEXIST) {          /* v is the entry there */
            if (v.mv_size >= HEAD && rd64(v.mv_data) > seq) continue;    /* a newer version: kept */
            if (v.mv_size >= HEAD) {
                unsigned char ok[8];
                be64(ok, rd64((const unsigned char *)v.mv_data + 16));
                MDB_val ko = { 8, ok };
                if ((rc = mdb_del(txn, c->ord, &ko, NULL)) && rc != MDB_NOTFOUND) return rc;
            }
            v = (MDB_val){ HEAD + len, NULL };
            rc = mdb_put(txn, c->rec, &k, &v, MDB_RESERVE);
        }
        if (rc) return rc;
        unsigned char *p = v.mv_data;
        uint64_t version = rows[i].version;
        uint32_t flags = rows[i].data ? 1 : 0;
        memcpy(p, &version, 8);
        memcpy(p + 8, &seq, 8);
        memcpy(p + 16, &ins, 8);
        memcpy(p + 24, &flags, 4);
        if (len) memcpy(p + HEAD, rows[i].data, len);
        uint32_t crc = mg_crc32c(p, 28) ^ mg_crc32c(p + HEAD, len);
        memcpy(p + 28, &crc, 4);
        unsigned char ok[8];
        be64(ok, ins++);
        MDB_val ko = { 8, ok }, vo = { 16, key };
        if ((rc = mdb_put(txn, c->ord, &ko, &vo, MDB_APPEND))) return rc;
    }
    iv = (MDB_val){ 8, &ins };
    return mdb_put(txn, c->meta, &ik, &iv, 0);
}

void
mg_pgc_put(MgPgCache *c, uint64_t seq, const MgPgcRow *rows, size_t n)
{
    if (!c || !c->ok || !n) return;
    /* The live pages stay within the budget, so that a write (an eviction,
     * an advance) finds pages to copy into: a map filled to the last page
     * cannot even delete. The rows go in up to what fits, after evicting
     * for them (a batch at most half the budget: a big read-ahead does not
     * empty the cache for itself). */
    size_t cap = 0;
    for (size_t want = 0; cap < n && want + row_cost(c, &rows[cap]) <= c->budget / 2; cap++) want += row_cost(c, &rows[cap]);
    if (!cap) cap = 1;
    for (int evicts = 0;;) {
        MDB_txn *txn;
        int rc = mdb_txn_begin(c->env, NULL, 0, &txn);
        if (rc) { off(c, "store", rc); return; }
        size_t want, fit = 0;
        rc = live_bytes(c, txn, &want);
        if (rc) { mdb_txn_abort(txn); off(c, "store", rc); return; }
        while (fit < n && want + row_cost(c, &rows[fit]) <= c->budget) want += row_cost(c, &rows[fit++]);
        if (fit < cap && evicts < MAX_EVICTS) {
            mdb_txn_abort(txn);
            if (!evict(c, 3 - evicts++)) evicts = MAX_EVICTS;      /* nothing to evict, or no room to: what fits */
            continue;
        }
        if (!fit) { mdb_txn_abort(txn); return; }
        rc = put_rows(c, txn, seq, rows, fit);
        if (!rc) rc = mdb_txn_commit(txn);
        else mdb_txn_abort(txn);
        if (!rc) return;
        if (rc != MDB_MAP_FULL) { off(c, "store", rc); return; }
        if (evicts >= MAX_EVICTS || !evict(c, 3 - evicts++)) return;   /* still full: the rows are not kept */
    }
}

MgPgcReader *
mg_pgc_reader(MgPgCache *c, uint64_t seq)
{
    if (!c || !c->ok) return NULL;
    MgPgcReader *rd = calloc(1, sizeof *rd);
    if (!rd) return NULL;
    rd->c = c;
    rd->seq = seq;
    return rd;
}

static void *
arena(MgPgcReader *rd, size_t len)
{
    Chunk *ch = rd->chunks;
    if (!ch || ch->cap - ch->used < len) {
        size_t cap = len > 60000 ? len : 65536 - sizeof *ch;
        if (!(ch = malloc(sizeof *ch + cap))) return NULL;
        ch->cap = cap;
        ch->used = 0;
        if (len > 60000 && rd->chunks) {   /* a big record: its own chunk, behind the current one */
            ch->next = rd->chunks->next;
            rd->chunks->next = ch;
            ch->used = len;
            return ch->data;
        }
        ch->next = rd->chunks;
        rd->chunks = ch;
    }
    void *p = ch->data + ch->used;
    ch->used += (len + 7) & ~(size_t)7;
    if (ch->used > ch->cap) ch->used = ch->cap;
    return p;
}

bool
mg_pgc_get(MgPgcReader *rd, uint64_t oop, MgPgcRow *row)
{
    if (!rd || !rd->c->ok) return false;
    MgPgCache *c = rd->c;
    int rc;
    if (!rd->active) {
        rc = rd->txn ? mdb_txn_renew(rd->txn) : mdb_txn_begin(c->env, NULL, MDB_RDONLY, &rd->txn);
        if (rc) { if (rd->txn) { mdb_txn_abort(rd->txn); rd->txn = NULL; } off(c, "read", rc); return false; }
        rd->active = true;
        rc = get_horizon(c, rd->txn, &rd->horizon);
        if (rc == MDB_NOTFOUND) return false;
        if (rc) { off(c, "read", rc); return false; }
    }
    unsigned char key[16];
    rec_key(c, key, oop);
    MDB_val k = { 16, key }, v;
    rc = mdb_get(rd->txn, c->rec, &k, &v);
    if (rc) {
        if (rc != MDB_NOTFOUND) off(c, "read", rc);
        return false;
    }
    const unsigned char *p = v.mv_data;
    if (v.mv_size < HEAD) return false;
    uint64_t version = rd64(p), hi = rd64(p + 8);
    uint32_t flags, crc;
    memcpy(&flags, p + 24, 4);
    memcpy(&crc, p + 28, 4);
    size_t len = v.mv_size - HEAD;
    if (version > rd->seq || rd->seq > (hi > rd->horizon ? hi : rd->horizon)) return false;     /* C1 */
    if ((mg_crc32c(p, 28) ^ mg_crc32c(p + HEAD, len)) != crc || (!(flags & 1) && len)) return false;
    row->oop = oop;
    row->version = version;
    row->len = len;
    row->data = NULL;
    if (flags & 1) {
        void *copy = arena(rd, len ? len : 1);
        if (!copy) return false;
        memcpy(copy, p + HEAD, len);
        row->data = copy;
    }
    return true;
}

void
mg_pgc_release(MgPgcReader *rd)
{
    if (rd && rd->active) {
        mdb_txn_reset(rd->txn);
        rd->active = false;
    }
}

void
mg_pgc_reader_end(MgPgcReader *rd)
{
    if (!rd) return;
    if (rd->txn) mdb_txn_abort(rd->txn);
    for (Chunk *ch = rd->chunks, *next; ch; ch = next) {
        next = ch->next;
        free(ch);
    }
    free(rd);
}
