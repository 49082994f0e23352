/* pg_cache.h -- the per-host shared object cache of the PostgreSQL backend
 * (pg_cache.c has the design and its invariant). Used by pg_backend.c only. */
#ifndef MG_STORE_PG_CACHE_H
#define MG_STORE_PG_CACHE_H

#include "../common.h"

typedef struct MgPgCache MgPgCache;
typedef struct MgPgcReader MgPgcReader;

typedef struct {
    uint64_t seq;
    const uint64_t *oops;
    size_t count;
} MgPgcCommit;

typedef struct {
    uint64_t oop, version;
    const void *data;          /* NULL: removed (a row without data) */
    size_t len;
} MgPgcRow;

/* The cache directory the environment names (MAGLEV_CACHE_DIR, else a folder
 * under MAGLEV_DATA or MAGLEV_HOME/data); false: no host cache (also for
 * MAGLEV_CACHE_DIR=off). */
bool mg_pgc_dir(char *buf, size_t size);
/* Opens (creating it) the cache in dir for repository identity id. NULL
 * with the reason in err when it cannot be opened. */
MgPgCache *mg_pgc_open(const char *dir, uint64_t id, char *err, size_t errsize);
void mg_pgc_close(MgPgCache *c);
/* true while usable; an LMDB error turns the cache off for the process (reads
 * go to the database), with the reason here. */
bool mg_pgc_ok(const MgPgCache *c);
const char *mg_pgc_error(const MgPgCache *c);

/* Advances the horizon to `to` with log[0..n), which is claimed to hold every
 * commit in (from, to] in order. Returns 0 when done, 1 when the horizon H is
 * below from (*horizon = H: the caller reads the log of (H, to] and calls
 * again), -1 when it could not: the cache failed (turned off), or its map
 * is full (the horizon stays behind, which is consistent). */
int mg_pgc_advance(MgPgCache *c, uint64_t from, uint64_t to, const MgPgcCommit *log, size_t n, uint64_t *horizon);
/* Stores rows read by a view at seq (each the newest version <= seq of its OOP). */
void mg_pgc_put(MgPgCache *c, uint64_t seq, const MgPgcRow *rows, size_t n);

/* A view's reader: lookups at seq; record bytes stay valid until the reader ends. */
MgPgcReader *mg_pgc_reader(MgPgCache *c, uint64_t seq);
/* true: a hit, *row filled (row->data NULL: the OOP has no record at seq). */
bool mg_pgc_get(MgPgcReader *rd, uint64_t oop, MgPgcRow *row);
/* Lets go of the reader's snapshot of the cache (after a miss: the next get
 * sees what was stored since). */
void mg_pgc_release(MgPgcReader *rd);
void mg_pgc_reader_end(MgPgcReader *rd);

#endif
