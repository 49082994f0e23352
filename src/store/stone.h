/* stone.h -- the stone: one daemon per repository (DESIGN.md sections 2, 4, 7).
 * Where stones live on disk, whether one runs, starting it, talking to it over
 * its socket, the status report, and commit-log trimming. No Ruby VM in here:
 * it links with the storage backend only. The daemon's design comment: stone.c.
 *
 * Files beside the repository (all mode 0600, the directory 0700):
 *   stone.pid   the daemon's pid; the daemon holds an exclusive flock on it
 *               for its whole life, so "running" means "the lock is held" and
 *               a stale file left by a killed daemon is harmless
 *   stone.sock  the Unix socket: one request line, a reply, then close
 *   stone.log   the daemon's log, one timestamped line per event
 * A stone on PostgreSQL keeps them in its folder in the data folder (the one
 * whose MG_REPO_POINTER file names the database), on the host it runs on.
 */
#ifndef MG_STORE_STONE_H
#define MG_STORE_STONE_H

#include "backend.h"

#define MG_STONE_NAME_MAX 64
#define MG_STONE_DEFAULT "maglev"

typedef enum {
    STONE_ABSENT,        /* no repository (no data.mdb in the directory) */
    STONE_STOPPED,       /* a repository, no daemon */
    STONE_RUNNING,       /* the daemon holds the pid-file lock */
} MgStoneState;

typedef struct {
    const char *repository;  /* where the repository is (a directory or a postgresql:// URL);
                              * NULL: the stone's folder itself (LMDB) */
    int interval;        /* seconds between two commit-log trims (default 10) */
    int start_timeout;   /* seconds `start` waits for the socket (default 15) */
    int gc_interval;     /* seconds between two periodic repository GC rounds (default 60) */
} MgStoneOptions;

/* ---- where stones live (DESIGN.md section 7) ---- */

/* The folder holding the stones: $MAGLEV_DATA, else $MAGLEV_HOME/data, else
 * <directory of this executable>/../data. Returns false if it does not fit. */
bool mg_stone_data_dir(char *buf, size_t size);
/* The base image (`make` builds <home>/share/maglev/extent0.mdb: the root,
 * the system table and a record of every core class): its path in buf, and
 * whether it exists; MAGLEV_BASE_IMAGE names another (empty: none).
 * `maglev create` copies it. */
bool mg_stone_base_image(char *buf, size_t size);
/* Whether name is usable as a stone name: 1..64 of [A-Za-z0-9._-], not
 * starting with '.' or '-'. */
bool mg_stone_name_ok(const char *name);
/* <data dir>/<name>. Returns false if it does not fit. */
bool mg_stone_dir(const char *name, char *buf, size_t size);

/* State of the stone in dir (a repository: data.mdb, or the MG_REPO_POINTER
 * file of one on PostgreSQL); *pid (may be NULL) gets the daemon's pid when
 * running, else the pid a stale pid file names (0 if none). Never fails. */
MgStoneState mg_stone_state(const char *dir, int *pid);
/* Whether a daemon holds the pid-file lock in dir, whatever else is there:
 * STONE_RUNNING or STONE_STOPPED (a stone whose repository lives elsewhere). */
MgStoneState mg_stone_daemon(const char *dir, int *pid);

/* ---- the daemon, seen from a client ---- */

/* Starts the daemon for the existing repository in dir (an absolute path), or
 * at opt->repository with its pid file, socket and log in the folder dir,
 * and waits until its socket answers. *pid gets the daemon's pid. Returns 0, 1 if
 * a stone was already running (not an error), or -1 with a one-line reason in
 * err. The caller must not have the repository open (LMDB forbids fork). */
int  mg_stone_start(const char *name, const char *dir, const MgStoneOptions *opt,
                    int *pid, char *err, size_t errsize);
/* Sends one request line ("status", "stop", "gc", "ping") and returns the
 * whole reply in *reply (malloc'd, NUL-terminated, the caller frees it).
 * Returns 0, or -1 with the reason in err (e.g. nothing listens). */
int  mg_stone_request(const char *dir, const char *cmd, char **reply, char *err, size_t errsize);
/* Stops the daemon: "stop" over the socket, SIGTERM if the socket does not
 * answer, then waits up to timeout seconds for it to exit. Returns 0 or -1. */
int  mg_stone_stop(const char *dir, int timeout, char *err, size_t errsize);

/* ---- shared by the daemon and `maglev status` / `maglev gc` ---- */

/* The daemon's state (stone.c); NULL in the CLI. */
typedef struct MgStone MgStone;

/* Writes the status report (docs/cli.md): "running" or "not running" on the
 * first line, then "key: value" lines, read from r. The daemon passes itself;
 * the CLI (the stone not running, or not answering) passes NULL. */
void mg_stone_report(FILE *out, MgRepo *r, const char *name, const char *dir, MgStone *d);

/* Commit-log trimming. An entry (seq -> OOPs) is needed by every process
 * whose view is older than seq: at its next commit or abort it reads the
 * entries after its view to invalidate what others changed. So entries up to
 * the oldest live view can go. A process moves its view in two steps (end the
 * old view, begin the new one, read the log), so one listing can miss it:
 * mg_stone_trim_bound is taken twice, a grace period apart, and the log is
 * trimmed up to the smaller bound. */
typedef struct {
    uint64_t seq;        /* last commit sequence at the listing */
    uint64_t bound;      /* the oldest live view's sequence (seq when none):
                          * entries <= bound are needed by no live view */
    size_t sessions;     /* other processes' open views */
} MgTrimBound;

MgStoreErr mg_stone_trim_bound(MgRepo *r, MgTrimBound *out);
/* Trims entries <= upto; *removed gets how many went. */
MgStoreErr mg_stone_trim(MgRepo *r, uint64_t upto, uint64_t *removed);
/* Both, for `maglev gc` without a daemon: bound, sleep grace_ms, bound, trim.
 * Writes the result as lines to out. */
MgStoreErr mg_stone_gc(MgRepo *r, int grace_ms, FILE *out);

#endif
