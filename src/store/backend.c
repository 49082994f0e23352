/* backend.c -- the one storage interface (backend.h) over two backends:
 * mg_repo_open picks the backend by the repository's location, and every
 * other call dispatches through the table the handle carries (backend_ops.h). */
#include "backend_ops.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

bool
mg_repo_is_url(const char *where)
{
    return where && (!strncmp(where, "postgresql://", 13) || !strncmp(where, "postgres://", 11));
}

MgStoreErr
mg_repo_open(const char *where, int flags, MgRepo **out)
{
    *out = NULL;
    if (!where || !*where) return MG_STORE_INVALID;
    const MgBackendOps *ops = mg_repo_is_url(where) ? &mg_pg_ops : &mg_lmdb_ops;
    return ops->open(where, flags, out);
}

bool
mg_repo_pointer(const char *dir, char *out, size_t size)
{
    char path[4200];
    if (snprintf(path, sizeof path, "%s/%s", dir, MG_REPO_POINTER) >= (int)sizeof path) return false;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return false;
    ssize_t n = read(fd, out, size - 1);
    close(fd);
    if (n <= 0) return false;
    out[n] = '\0';
    out[strcspn(out, "\r\n")] = '\0';
    return out[0] != '\0';
}

void
mg_repo_display(const char *where, char *out, size_t size)
{
    if (!where) where = "";
    const char *scheme = mg_repo_is_url(where) ? strstr(where, "://") : NULL;
    const char *at = scheme ? strchr(scheme + 3, '@') : NULL;
    const char *colon = scheme ? strchr(scheme + 3, ':') : NULL;
    if (at && colon && colon < at)
        snprintf(out, size, "%.*s:***%s", (int)(colon - where), where, at);
    else
        snprintf(out, size, "%s", where);
    char *pw = scheme ? strstr(out, "password=") : NULL;
    if (pw) snprintf(pw, size - (size_t)(pw - out), "password=***");
}

const char *
mg_repo_backend(const MgRepo *r)
{
    return r ? MG_OPS(r)->name : "none";
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
    case MG_STORE_DANGLING: return "reference to an object that no longer exists";
    }
    return "unknown error";
}

void
mg_repo_close(MgRepo *r)
{
    if (r) MG_OPS(r)->close(r);
}

const char *
mg_repo_error(const MgRepo *r)
{
    return r ? MG_OPS(r)->error(r) : "no error";
}

MgStoreErr
mg_view_begin(MgRepo *r, MgView **out)
{
    if (!r) return MG_STORE_INVALID;
    return MG_OPS(r)->view_begin(r, out);
}

MgStoreErr
mg_view_begin_next(MgRepo *r, MgView **out)
{
    if (!r) return MG_STORE_INVALID;
    return MG_OPS(r)->view_begin_next ? MG_OPS(r)->view_begin_next(r, out) : MG_OPS(r)->view_begin(r, out);
}

MgStoreErr
mg_view_read(MgView *v, uint64_t oop, MgRecord *out)
{
    if (!v) return MG_STORE_INVALID;
    return MG_OPS(v)->view_read(v, oop, out);
}

void
mg_view_end(MgView *v)
{
    if (v) MG_OPS(v)->view_end(v);
}

MgStoreErr
mg_view_each(MgView *v, bool (*fn)(uint64_t oop, MgStoreErr err, const MgRecord *rec, void *arg), void *arg)
{
    if (!v) return MG_STORE_INVALID;
    return MG_OPS(v)->view_each(v, fn, arg);
}

MgStoreErr
mg_repo_alloc_oops(MgRepo *r, uint64_t count, uint64_t *first)
{
    if (!r) return MG_STORE_INVALID;
    return MG_OPS(r)->alloc_oops(r, count, first);
}

MgStoreErr
mg_repo_commit(MgRepo *r, const MgWrite *writes, size_t n, uint64_t *seq, uint64_t *conflicts, size_t max_conflicts, size_t *nconflicts)
{
    if (!r) return MG_STORE_INVALID;
    return MG_OPS(r)->commit(r, writes, n, seq, conflicts, max_conflicts, nconflicts);
}

MgStoreErr
mg_repo_log_since(MgRepo *r, uint64_t since, void (*fn)(uint64_t seq, const uint64_t *oops, size_t count, void *arg), void *arg)
{
    if (!r) return MG_STORE_INVALID;
    return MG_OPS(r)->log_since(r, since, fn, arg);
}

MgStoreErr
mg_repo_log_trim(MgRepo *r, uint64_t upto)
{
    if (!r) return MG_STORE_INVALID;
    return MG_OPS(r)->log_trim(r, upto);
}

MgStoreErr
mg_repo_stat(MgRepo *r, MgRepoStat *out)
{
    if (!r) return MG_STORE_INVALID;
    return MG_OPS(r)->stat(r, out);
}

MgStoreErr
mg_repo_backup(MgRepo *r, const char *dest)
{
    if (!r) return MG_STORE_INVALID;
    return MG_OPS(r)->backup(r, dest);
}

MgStoreErr
mg_repo_each_record(MgRepo *r, uint64_t *seq, uint64_t *next_oop, bool (*fn)(uint64_t oop, MgStoreErr err, const MgRecord *rec, void *arg), void *arg)
{
    if (!r) return MG_STORE_INVALID;
    return MG_OPS(r)->each_record(r, seq, next_oop, fn, arg);
}

MgStoreErr
mg_repo_sessions(MgRepo *r, uint64_t *seq, uint64_t *view_id, void (*fn)(const MgSession *s, void *arg), void *arg)
{
    if (!r) return MG_STORE_INVALID;
    return MG_OPS(r)->sessions(r, seq, view_id, fn, arg);
}

void
mg_repo_release_pages(MgRepo *r)
{
    if (r) MG_OPS(r)->release_pages(r);
}

MgStoreErr
mg_repo_session_begin(MgRepo *r, const char *name, uint32_t *id)
{
    if (!r) return MG_STORE_INVALID;
    return MG_OPS(r)->session_begin(r, name, id);
}

MgStoreErr
mg_repo_session_end(MgRepo *r)
{
    if (!r) return MG_STORE_INVALID;
    return MG_OPS(r)->session_end(r);
}

MgStoreErr
mg_repo_session_list(MgRepo *r, void (*fn)(const MgSessionEntry *s, void *arg), void *arg)
{
    if (!r) return MG_STORE_INVALID;
    return MG_OPS(r)->session_list(r, fn, arg);
}

MgStoreErr
mg_repo_lock(MgRepo *r, uint64_t oop, int kind, uint32_t *holder)
{
    if (!r) return MG_STORE_INVALID;
    return MG_OPS(r)->lock(r, oop, kind, holder);
}

MgStoreErr
mg_repo_unlock(MgRepo *r, uint64_t oop)
{
    if (!r) return MG_STORE_INVALID;
    return MG_OPS(r)->unlock(r, oop);
}

MgStoreErr
mg_repo_unlock_all(MgRepo *r)
{
    if (!r) return MG_STORE_INVALID;
    return MG_OPS(r)->unlock_all(r);
}

MgStoreErr
mg_repo_lock_list(MgRepo *r, void (*fn)(const MgLockEntry *l, void *arg), void *arg)
{
    if (!r) return MG_STORE_INVALID;
    return MG_OPS(r)->lock_list(r, fn, arg);
}

MgStoreErr
mg_repo_counter_get(MgRepo *r, uint32_t index, int64_t *out)
{
    if (!r) return MG_STORE_INVALID;
    return MG_OPS(r)->counter_get(r, index, out);
}

MgStoreErr
mg_repo_counter_update(MgRepo *r, uint32_t index, bool add, int64_t value, int64_t *out)
{
    if (!r) return MG_STORE_INVALID;
    return MG_OPS(r)->counter_update(r, index, add, value, out);
}

void
mg_repo_set_ref_scan(MgRepo *r, MgRefScan scan)
{
    if (r) MG_OPS(r)->set_ref_scan(r, scan);
}

void
mg_repo_set_class_of(MgRepo *r, MgClassOf class_of)
{
    if (r && MG_OPS(r)->set_class_of) MG_OPS(r)->set_class_of(r, class_of);
}

MgStoreErr
mg_view_instances(MgView *v, uint64_t cls, bool (*fn)(uint64_t oop, void *arg), void *arg)
{
    if (!MG_OPS(v)->view_instances) return MG_STORE_INVALID;
    return MG_OPS(v)->view_instances(v, cls, fn, arg);
}

MgStoreErr
mg_repo_gc_state(MgRepo *r, MgGcState *out)
{
    if (!r) return MG_STORE_INVALID;
    return MG_OPS(r)->gc_state(r, out);
}

MgStoreErr
mg_repo_gc_open(MgRepo *r, uint64_t seq, const uint64_t *oops, size_t n, uint64_t *round)
{
    if (!r) return MG_STORE_INVALID;
    return MG_OPS(r)->gc_open(r, seq, oops, n, round);
}

MgStoreErr
mg_repo_gc_vote(MgRepo *r, uint64_t round, bool (*held)(uint64_t oop, void *arg), void *arg)
{
    if (!r) return MG_STORE_INVALID;
    return MG_OPS(r)->gc_vote(r, round, held, arg);
}

MgStoreErr
mg_repo_gc_sweep(MgRepo *r, uint64_t round, MgRefScan scan, MgGcSweep *out)
{
    if (!r) return MG_STORE_INVALID;
    return MG_OPS(r)->gc_sweep(r, round, scan, out);
}

MgStoreErr
mg_repo_gc_cancel(MgRepo *r)
{
    if (!r) return MG_STORE_INVALID;
    return MG_OPS(r)->gc_cancel(r);
}

uint64_t
mg_view_seq(const MgView *v)
{
    return v ? MG_OPS(v)->view_seq(v) : 0;
}

uint64_t
mg_view_gc_round(MgView *v)
{
    return v ? MG_OPS(v)->view_gc_round(v) : 0;
}

uint32_t
mg_repo_session_self(const MgRepo *r)
{
    return r ? MG_OPS(r)->session_self(r) : 0;
}

MgStoreErr
mg_repo_stone_token(MgRepo *r, MgStoneToken *out)
{
    memset(out, 0, sizeof *out);
    if (!r) return MG_STORE_INVALID;
    return MG_OPS(r)->stone_token(r, out);
}

MgStoreErr
mg_repo_wait_commit(MgRepo *r, uint64_t after, int timeout_ms, uint64_t *seq)
{
    *seq = 0;
    if (!r) return MG_STORE_INVALID;
    return MG_OPS(r)->wait_commit(r, after, timeout_ms, seq);
}

int
mg_repo_commit_fd(MgRepo *r)
{
    return r ? MG_OPS(r)->commit_fd(r) : -1;
}

/* ---- shared by the backends (backend_ops.h) ---- */

void
mg_sweep_keep(uint64_t oop, uint8_t type, void *arg)
{
    (void)type;
    MgSweep *s = arg;
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->oop[mid] < oop) lo = mid + 1;
        else if (s->oop[mid] > oop) hi = mid;
        else { lo = mid; break; }
    }
    if (lo >= s->n || s->oop[lo] != oop || s->kept[lo]) return;
    s->kept[lo] = 1;
    s->kept_count++;
    if (s->nwork == s->cwork) {
        size_t cap = s->cwork ? s->cwork * 2 : 256;
        uint64_t *bigger = realloc(s->work, cap * sizeof *bigger);
        if (!bigger) { s->nomem = true; return; }
        s->work = bigger;
        s->cwork = cap;
    }
    s->work[s->nwork++] = oop;
}

/* ---- processes ---- */

uint64_t
mg_proc_started(int pid)
{
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0) return 0;
    buf[n] = '\0';
    char *p = strrchr(buf, ')');          /* the command name may hold spaces and parentheses */
    if (!p || p[1] != ' ') return 0;
    p += 2;
    if (*p == 'Z' || *p == 'X') return 0;
    for (int field = 3; field < 22; field++) {   /* p is at field 3 (state) */
        p = strchr(p, ' ');
        if (!p) return 0;
        p++;
    }
    return strtoull(p, NULL, 10);
}
