/* repogc.c -- repository garbage collection (DESIGN.md section 4) and the
 * reference walk of `maglev check`. Objects unreachable from the persistent
 * roots are reclaimed while gems go on committing, and an object that a live
 * gem still holds in memory is never reclaimed under it.
 *
 * The roots are the records under well-known OOPs (< 2^20): the persistent
 * root (8) and the base-image class records (16 + 8i), which hold the
 * persistent namespace (constants, class variables, method literals, the
 * definitions tables); persistable classes, class versions still used by
 * instances and everything else are reached from them (an instance's record
 * references its class record). Counters live outside records.
 *
 * The protocol (MagLev/GemStone's possible-dead set and gem votes), in rounds:
 *
 *   1. MARK. In one snapshot at commit sequence S, mark everything reachable
 *      from the roots (scan.c reads each record's references; no VM). The
 *      unmarked records are *possibly dead*: unreachable at S. A gem may
 *      still hold one in memory (a Ruby variable kept across transactions),
 *      or get one through a stale body it read before S.
 *   2. PUBLISH. One write transaction stores the possibly-dead OOPs in the
 *      `gcdead` table (flag 0) and opens the round (`gc` table: round, S).
 *   3. VOTE. Every live gem, at its next transaction boundary (txn.c
 *      refresh_view: commit or abort, and when it opens the repository),
 *      sees the open round in its new view and, in one write transaction,
 *      flags as kept every possibly-dead OOP it has in its resident table,
 *      then records its vote (`gcvote`: session id, pid, start time, round).
 *      A resident header is exactly "this process may hold or reach a
 *      reference": every object a gem has in memory that came from the
 *      repository has one, and decoding a body makes a header for every
 *      reference in it -- except a lazy Array's (object.h), whose elements
 *      not read yet the closure of step 4 keeps with the kept Array. After its vote the gem's view is at least S, so any
 *      object it reads later is either reachable at S, or written after S
 *      (step 4 sees it), or reached from a kept object (step 4 keeps those).
 *   4. SWEEP (mg_repo_gc_sweep): once every live session (backend.h
 *      contract 5: a killed gem is dead at once, never by a timeout) has
 *      voted in the round, and no process without a session (one that
 *      cannot vote) has a view open, the kept set is: the voted OOPs, plus
 *      the possibly-dead ones referenced by any record written since S (the
 *      commit log since S, which must be whole: the stone never trims it
 *      past an open round's S, and the sweep drops the round if it was),
 *      closed under references among the possibly-dead records. The others
 *      are deleted, in chunks of write transactions between which gems
 *      commit; each chunk first extends the kept set with what the commits
 *      since the previous one reference (lmdb_backend.c says why that is
 *      exact). Publishing (step 2) is chunked the same way.
 *   A gem that never reaches a boundary blocks the sweep: `maglev gc` gives
 *   up after its timeout (dropping the round), the stone keeps waiting, and
 *   `maglev status` names the session it waits for.
 *
 * Defense in depth: with scan.c installed (mg_repo_set_ref_scan, done by
 * txn.c), every commit checks that each reference of each record it writes
 * resolves (written by the same commit or stored); otherwise it fails with
 * MG_STORE_DANGLING and writes nothing.
 *
 * A process that reads the repository without a registered session (a
 * read-only handle, a gem whose registration failed) cannot vote: while it
 * has a view open the sweep waits for it as for a session that has not
 * voted, and `maglev status` names its pid. */
#include "repogc.h"
#include "scan.h"
#include <stdarg.h>
#include <time.h>
#include <unistd.h>

static const size_t ncore = 0
#define CORE_CLASS(var, name, super) + 1
#define CORE_MODULE(var, name) + 1
#include "../object/coreclasses.def"
#undef CORE_CLASS
#undef CORE_MODULE
    ;

static const size_t nerrno = 1      /* NOERROR */
#define E(name) + 1
#include "../core/errnos.def"
#undef E
    ;

bool
mg_gc_wellknown(uint64_t oop)
{
    if (oop == 8 || oop == MG_OOP_FIRST - 8) return true;
    if (oop < 16 || (oop & 7)) return false;
    uint64_t i = (oop - 16) / 8;
    return i < ncore || (i >= MG_WK_ERRNO && i < MG_WK_ERRNO + nerrno);
}

/* ---- mark ---- */

typedef struct {
    MgRepo *r;
    MgView *v;
    bool check;
    MgGcMark *m;
    uint8_t *exists, *marked;       /* bitmaps by oop / 8 */
    uint64_t nbits;
    uint64_t *stack; size_t nstack, cstack;
    uint64_t from;                  /* the record being scanned */
    bool nomem;
    void (*report)(void *arg, const char *line);
    void *arg;
    uint64_t reported;
    uint64_t (*classes)[2]; size_t nclasses, cclasses;   /* check: (class record's OOP, its superclass's) */
} Mark;

#define BIT(map, i) ((map)[(i) >> 3] & (1u << ((i) & 7)))
#define SETBIT(map, i) ((map)[(i) >> 3] |= (uint8_t)(1u << ((i) & 7)))

static void PRINTF(2, 3)
say(Mark *k, const char *fmt, ...)
{
    if (!k->report || k->reported++ >= 100) return;
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    k->report(k->arg, line);
}

static bool
pass1(uint64_t oop, MgStoreErr err, const MgRecord *rec, void *arg)
{
    Mark *k = arg;
    k->m->records++;
    if (err) return true;           /* counted as corrupt in pass 2 */
    k->m->bytes += rec->len + 16;
    if (oop / 8 < k->nbits) SETBIT(k->exists, oop / 8);
    MgRecordShape sh;
    if (k->check && !mg_record_shape(rec->data, rec->len, &sh) && sh.type == 2 /* a class */) {
        if (k->nclasses == k->cclasses) {
            size_t cap = k->cclasses ? k->cclasses * 2 : 256;
            void *bigger = realloc(k->classes, cap * sizeof *k->classes);
            if (!bigger) { k->nomem = true; return false; }
            k->classes = bigger;
            k->cclasses = cap;
        }
        k->classes[k->nclasses][0] = oop;
        k->classes[k->nclasses++][1] = sh.super;
    }
    return true;
}

/* ---- layouts (check) ----
 * The core classes whose C methods read their instances' bodies: a record
 * of one of them (or of a subclass) must have that body, and a record with
 * that body must be of one of them (record.c's class_misfit does the same
 * as it decodes, with the VM's classes). */
static uint64_t
core_oop(const char *name)
{
    uint64_t i = 0;
#define CORE_CLASS(var, n, super) if (strcmp(n, name) == 0) return 16 + 8 * i; i++;
#define CORE_MODULE(var, n) i++;
#include "../object/coreclasses.def"
#undef CORE_CLASS
#undef CORE_MODULE
    return 0;
}

static int
class_cmp(const void *a, const void *b)
{
    uint64_t x = (*(const uint64_t (*)[2])a)[0], y = (*(const uint64_t (*)[2])b)[0];
    return (x > y) - (x < y);
}

/* The nearest base-image class among c's superclasses (c itself if it is
 * one), or 0: the chain leaves the records (reported as dangling) or loops. */
static uint64_t
core_ancestor(Mark *k, uint64_t c)
{
    for (int depth = 0; c >= MG_OOP_FIRST && depth < 256; depth++) {
        uint64_t key[2] = { c, 0 };
        uint64_t (*hit)[2] = bsearch(&key, k->classes, k->nclasses, sizeof *k->classes, class_cmp);
        c = hit ? (*hit)[1] : 0;
    }
    return c < MG_OOP_FIRST ? c : 0;
}

static const char *
misfit(Mark *k, const MgRecordShape *sh)
{
    static const char *const bodies[] = { "String", "Array", "Hash", "Range" };
    static const uint8_t types[] = { 7, 8, 9, 10 };
    static const char *const datas[] = { "Time", "Rational", "Complex", "Regexp", "Random", "Proc" };
    static const char *const none[] = { "Integer", "Float", "Symbol", "NilClass", "TrueClass", "FalseClass", "Method",
                                        "UnboundMethod", "Binding", "Encoding", "Module", "Class" };
    static uint64_t body_oop[4], data_oop[6], none_oop[12];
    if (!body_oop[0]) {
        for (size_t i = 0; i < 4; i++) body_oop[i] = core_oop(bodies[i]);
        for (size_t i = 0; i < 6; i++) data_oop[i] = core_oop(datas[i]);
        for (size_t i = 0; i < 12; i++) none_oop[i] = core_oop(none[i]);
    }
    if (sh->type == 2 || sh->type == 3 || !sh->cls) return NULL;
    uint64_t c = core_ancestor(k, sh->cls);
    if (!c) return NULL;
    for (size_t i = 0; i < 4; i++)
        if ((c == body_oop[i]) != (sh->type == types[i])) return "its class does not fit its type";
    for (size_t i = 0; i < 6; i++)
        if ((c == data_oop[i]) != (sh->type == 11 && strcmp(sh->tag, datas[i]) == 0)) return "its class does not fit its data";
    for (size_t i = 0; i < 12; i++)
        if (c == none_oop[i]) return "its class has no instances in records";
    return NULL;
}

static bool
exists(Mark *k, uint64_t oop)
{
    return oop / 8 < k->nbits && BIT(k->exists, oop / 8);
}

static void
push(Mark *k, uint64_t oop)
{
    if (k->nstack == k->cstack) {
        size_t cap = k->cstack ? k->cstack * 2 : 4096;
        uint64_t *bigger = realloc(k->stack, cap * sizeof *bigger);
        if (!bigger) { k->nomem = true; return; }
        k->stack = bigger;
        k->cstack = cap;
    }
    k->stack[k->nstack++] = oop;
}

static void
mark_ref(uint64_t oop, uint8_t type, void *arg)
{
    (void)type;
    Mark *k = arg;
    if (!exists(k, oop)) {
        if (!mg_gc_wellknown(oop) || oop >= MG_OOP_FIRST) {
            k->m->dangling++;
            say(k, "dangling: object %llu references OOP %llu, which has no record",
                (unsigned long long)k->from, (unsigned long long)oop);
        }
        return;
    }
    if (BIT(k->marked, oop / 8)) return;
    SETBIT(k->marked, oop / 8);
    k->m->marked++;
    push(k, oop);
}

static MgStoreErr
trace(Mark *k)
{
    while (k->nstack && !k->nomem) {
        uint64_t oop = k->stack[--k->nstack];
        MgRecord rec;
        MgStoreErr e = mg_view_read(k->v, oop, &rec);
        if (e == MG_STORE_CORRUPT) continue;        /* pass 2 reports it */
        if (e) return e;
        k->from = oop;
        const char *why = mg_record_scan(rec.data, rec.len, mark_ref, k);
        if (why && !k->check) {
            char msg[256];
            snprintf(msg, sizeof msg, "reachable object %llu does not scan (%s): no collection (run maglev check)",
                     (unsigned long long)oop, why);
            say(k, "%s", msg);
            return MG_STORE_CORRUPT;
        }
    }
    return k->nomem ? MG_STORE_NOMEM : MG_STORE_OK;
}

static void
ignore_ref(uint64_t oop, uint8_t type, void *arg)
{
    (void)oop; (void)type; (void)arg;
}

static void
check_ref(uint64_t oop, uint8_t type, void *arg)
{
    (void)type;
    Mark *k = arg;
    if (exists(k, oop) || (oop < MG_OOP_FIRST && mg_gc_wellknown(oop))) return;
    k->m->dangling++;
    say(k, "dangling: object %llu references OOP %llu, which has no record", (unsigned long long)k->from,
        (unsigned long long)oop);
}

static bool
pass2(uint64_t oop, MgStoreErr err, const MgRecord *rec, void *arg)
{
    Mark *k = arg;
    MgGcMark *m = k->m;
    if (err) {                      /* the header walk of `maglev check` reports these */
        if (!k->check) m->corrupt++;
        return true;
    }
    bool live = oop / 8 < k->nbits && BIT(k->marked, oop / 8);
    if (k->check) {
        k->from = oop;
        const char *why = mg_record_scan(rec->data, rec->len, live ? ignore_ref : check_ref, k);   /* reachable: the trace checked */
        MgRecordShape sh;
        if (!why && !mg_record_shape(rec->data, rec->len, &sh)) why = misfit(k, &sh);
        if (why) {
            m->corrupt++;
            say(k, "corrupt: object %llu: %s", (unsigned long long)oop, why);
        }
    }
    if (!live) {
        if (m->ndead % 4096 == 0) {
            uint64_t *bigger = realloc(m->dead, (m->ndead + 4096) * sizeof *bigger);
            if (!bigger) { k->nomem = true; return false; }
            m->dead = bigger;
        }
        m->dead[m->ndead++] = oop;
        m->dead_bytes += rec->len + 16;
    }
    return true;
}

MgStoreErr
mg_gc_mark(MgRepo *r, bool check, MgGcMark *out, void (*report)(void *arg, const char *line), void *arg)
{
    memset(out, 0, sizeof *out);
    double t0 = mg_clock();
    Mark k = { 0 };
    k.r = r;
    k.check = check;
    k.m = out;
    k.report = report;
    k.arg = arg;
    MgStoreErr e = mg_view_begin(r, &k.v);
    if (e) return e;
    out->seq = mg_view_seq(k.v);
    MgRepoStat st;
    if ((e = mg_repo_stat(r, &st))) goto done;    /* a later snapshot: next_oop only grows */
    k.nbits = st.next_oop / 8 + 1;
    k.exists = calloc(k.nbits / 8 + 1, 1);
    k.marked = calloc(k.nbits / 8 + 1, 1);
    if (!k.exists || !k.marked) { e = MG_STORE_NOMEM; goto done; }
    if ((e = mg_view_each(k.v, pass1, &k))) goto done;
    if (k.nclasses) qsort(k.classes, k.nclasses, sizeof *k.classes, class_cmp);
    /* the roots: every record under a well-known OOP */
    for (uint64_t i = 1; i < MG_OOP_FIRST / 8 && i < k.nbits; i++) {
        if (!BIT(k.exists, i)) continue;
        SETBIT(k.marked, i);
        out->roots++;
        out->marked++;
        push(&k, i * 8);
    }
    if ((e = trace(&k))) goto done;
    if ((e = mg_view_each(k.v, pass2, &k))) goto done;
    if (k.nomem) e = MG_STORE_NOMEM;
done:
    mg_view_end(k.v);
    free(k.exists);
    free(k.marked);
    free(k.stack);
    free(k.classes);
    out->secs = mg_clock() - t0;
    return e;
}

void
mg_gc_mark_free(MgGcMark *m)
{
    free(m->dead);
    m->dead = NULL;
    m->ndead = 0;
}

/* ---- a collection ---- */

MgStoreErr
mg_gc_start(MgRepo *r, uint64_t *round, MgGcMark *mark)
{
    MgStoreErr e = mg_gc_mark(r, false, mark, NULL, NULL);
    if (e) return e;
    return mg_repo_gc_open(r, mark->seq, mark->dead, mark->ndead, round);
}

static void
sleep_ms(int ms)
{
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
    nanosleep(&ts, NULL);
}

MgStoreErr
mg_gc_collect(MgRepo *r, int timeout_ms, MgGcResult *res)
{
    memset(res, 0, sizeof *res);
    MgRepoStat st;
    MgStoreErr e = mg_repo_stat(r, &st);
    if (e) return e;
    res->records_before = st.records;
    MgGcMark m;
    if ((e = mg_gc_start(r, &res->round, &m))) { mg_gc_mark_free(&m); return e; }
    res->mark_secs = m.secs;
    res->candidates = m.ndead;
    mg_gc_mark_free(&m);
    double t0 = mg_clock();
    /* the votes: each live gem writes one at its next boundary; polled */
    for (;;) {
        double t1 = mg_clock();
        MgGcSweep sw;
        if ((e = mg_repo_gc_sweep(r, res->round, mg_record_scan, &sw))) return e;
        if (sw.swept) {
            res->swept = true;
            res->sweep_secs = mg_clock() - t1;
            res->wait_secs = t1 - t0;
            res->kept = sw.kept;
            res->freed = sw.freed;
            res->bytes = sw.bytes;
            break;
        }
        res->waiting = sw.waiting;
        res->waiting_pid = sw.waiting_pid;
        if ((mg_clock() - t0) * 1000 >= timeout_ms) {
            res->wait_secs = mg_clock() - t0;
            mg_repo_gc_cancel(r);
            break;
        }
        sleep_ms(10);
    }
    if ((e = mg_repo_stat(r, &st))) return e;
    res->records_after = st.records;
    return MG_STORE_OK;
}

void
mg_gc_print(FILE *out, const MgGcResult *res)
{
    if (!res->swept) {
        fprintf(out, "objects: not collected: %zu live %s did not vote in round %llu within the timeout "
                     "(waiting for pid %d); round dropped\n", res->waiting, res->waiting == 1 ? "session" : "sessions",
                (unsigned long long)res->round, res->waiting_pid);
        return;
    }
    fprintf(out, "objects: freed %llu records (%llu bytes), %llu possibly dead, %llu kept for live sessions or "
                 "new references (round %llu)\n", (unsigned long long)res->freed, (unsigned long long)res->bytes,
            (unsigned long long)res->candidates, (unsigned long long)res->kept, (unsigned long long)res->round);
    fprintf(out, "records: %llu before, %llu after\n", (unsigned long long)res->records_before,
            (unsigned long long)res->records_after);
    fprintf(out, "gc time: mark %.3fs, votes %.3fs, sweep %.3fs\n", res->mark_secs, res->wait_secs, res->sweep_secs);
}

void
mg_gc_state_line(MgRepo *r, char *buf, size_t size)
{
    MgGcState g;
    if (mg_repo_gc_state(r, &g) != MG_STORE_OK) {
        snprintf(buf, size, "object GC state unknown (%s)", mg_repo_error(r));
        return;
    }
    char last[160] = "no sweep yet";
    if (g.last_round) {
        struct tm tm;
        time_t t = (time_t)g.last_time;
        char stamp[32];
        localtime_r(&t, &tm);
        strftime(stamp, sizeof stamp, "%H:%M:%S", &tm);
        snprintf(last, sizeof last, "last sweep %s (round %llu) freed %llu records (%llu bytes)", stamp,
                 (unsigned long long)g.last_round, (unsigned long long)g.last_freed, (unsigned long long)g.last_bytes);
    }
    if (!g.round) {
        snprintf(buf, size, "object GC idle, %s", last);
    } else if (g.waiting) {
        snprintf(buf, size, "object GC round %llu open for %llus (mark seq %llu, %llu possibly dead, %llu kept), "
                            "waiting for %zu of %zu sessions to vote (pid %d has not reached a transaction boundary); %s",
                 (unsigned long long)g.round, (unsigned long long)(time(NULL) - (time_t)g.opened),
                 (unsigned long long)g.seq, (unsigned long long)g.candidates, (unsigned long long)g.kept, g.waiting,
                 g.sessions, g.waiting_pid, last);
    } else {
        snprintf(buf, size, "object GC round %llu open (mark seq %llu, %llu possibly dead, %llu kept), every "
                            "session voted, sweep pending; %s", (unsigned long long)g.round,
                 (unsigned long long)g.seq, (unsigned long long)g.candidates, (unsigned long long)g.kept, last);
    }
}
