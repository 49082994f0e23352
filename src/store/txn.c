/* txn.c -- the gem's transaction: view, resident persistent objects,
 * faulting, write set, commit by reachability, abort (DESIGN.md section 4).
 *
 * States of a heap object (flags in its header):
 *
 *   transient --(reached from a dirty persistent object at commit)--> NEW
 *   NEW       = PERSISTENT|DIRTY, version 0, in the write set
 *   UNFAULTED = PERSISTENT|UNFAULTED: header only (a reference was decoded)
 *   CLEAN     = PERSISTENT, body filled from the view (fault)
 *   DIRTY     = PERSISTENT|DIRTY, in the write set (write barrier: mg_wb)
 *
 *   UNFAULTED -> CLEAN     fault()            first touch reads the record
 *   CLEAN     -> DIRTY     dirty()            first store in this transaction
 *   CLEAN     -> UNFAULTED invalidate()       another gem committed it (seen at a
 *                                             transaction boundary) / eviction
 *   DIRTY     -> CLEAN     mg_store_commit    success: version = new sequence
 *   DIRTY     -> UNFAULTED mg_store_abort     changes dropped, refault on touch
 *   NEW       -> transient mg_store_commit    failure: the walk is undone
 *
 * Classes and modules (invariant 5) use a subset:
 *   transient --(created in persistent mode)--> persistable (OF_PERSISTABLE, still transient)
 *   persistable -> NEW      mg_store_stage_class (a recorded definition) or reached at commit
 *   UNFAULTED -> CLEAN      fault(): structure decoded, definitions queued (drain_apply)
 *   CLEAN     -> DIRTY      mg_store_stage_class; dirty() only for class ivars /
 *                           class variables stored in persistent mode
 *   CLEAN     -> CLEAN      refresh_code(): another gem rewrote it: re-read and re-applied
 *   DIRTY     -> CLEAN      mg_store_commit; mg_store_abort (definitions table refaulted)
 *   NEW       -> transient  mg_store_abort (stays persistable)
 *
 * Invariants:
 *  1. Every resident persistent header is in the resident table under its
 *     OOP (the table is weak: the collector tells us when it frees one).
 *  2. Every DIRTY/NEW object is in the write set, which is a GC root.
 *  3. The version in a table entry is the commit sequence of the record the
 *     body was decoded from (0 for an object never committed); it is the
 *     expected version of a write-write conflict check.
 *  4. The view is an LMDB snapshot; record bytes are read while it lives.
 *  5. Classes and modules (code.c) never go back to UNFAULTED: a class record
 *     holds only name, superclass and the definitions table, and it enters the
 *     write set only by staging (the write barrier stages a class only for a
 *     class-level store made in persistent mode). Faulting a class fills its
 *     structure (no Ruby code runs inside a decode); its definitions are
 *     applied -- methods recompiled -- when the outermost fault returns
 *     (drain_apply), and again at every transaction boundary whose commit log
 *     names the class (refresh_view queues it, refresh_code re-reads it).
 *  7. An empty commit writes no log entry: every entry after the old view is
 *     another gem's and is invalidated.
 *  6. Base-image classes have records too (their persistent additions), read
 *     by mg_store_load_code: on a constant miss, and at every boundary after
 *     the first load.
 *
 * Reduced-conflict objects (RCCounter, RCHash, RCQueue; lib/prelude/rc.rb):
 *  R1. An RC object keeps all its mutable state in one internal object, its
 *      *state* (an Array or a Hash), created with it and never replaced. Each
 *      mutating operation on a committed state appends [rc, state, op, args]
 *      to this transaction's replay log (mg_store_rc_log, a GC root); args
 *      carry what the operation saw when it mattered (RCHash: the key's old
 *      value; RCQueue#remove: the element it took).
 *  R2. The log is emptied by every successful commit and every abort.
 *  R3. When the backend reports write-write conflicts and every conflicting
 *      object is the state of a logged RC object (rc_replay): those states
 *      leave the write set and are evicted (this transaction's changes to
 *      them are dropped), the view moves forward (the other dirty objects keep
 *      their expected versions, so their conflict check is unchanged), each
 *      of their logged operations is replayed in order by rc.__rc_replay(op,
 *      args) -- Ruby code, which logs it again -- and the commit is retried,
 *      at most RC_MAX_ROUNDS times (with a random back-off after the fourth)
 *      before CommitFailedException is raised.
 *      commit is called from Ruby, so running Ruby code there is safe.
 *  R4. Operations that commute replay silently (counter increments, queue
 *      adds, RCHash stores to keys nobody else changed). One that does not
 *      raises CommitFailedException from its replay: an RCHash store or
 *      delete whose key another commit changed meanwhile, a queue removal
 *      whose element another consumer took, a guarded decrement whose guard
 *      no longer holds. Any conflict on an object that is not a logged state
 *      is an ordinary conflict.
 *  R5. An RC object may log several states (IdentitySet: its anchor and each
 *      committed B+-tree node it changed, lib/maglev/identityset.rb). When
 *      one of them conflicts, all of that object's logged states are dropped
 *      and all its operations replayed, so a node split or a count stored
 *      elsewhere cannot be half-kept.
 *  R6. mg_store_precommit_hook (core/identityset.c) runs Ruby code at the
 *      start of every outermost commit, before the walk: it moves members
 *      whose indexed instance variables changed (mg_store_dirty_with finds
 *      the dirty objects that carry index back-references).
 *  R7. A replay that raises (R4) leaves the transaction as any failed commit
 *      does (MAGLEV-API.md section 2): the stale states get back the bodies
 *      this transaction gave them (pre-images taken before R3 dropped them)
 *      and the versions they were read at, dirty and in the write set, and
 *      the log is what it was (rc_undo). The process sees its changes,
 *      needs_commit is true, a retry without an abort fails again, and an
 *      abort resets them.
 *  8. Nested levels (Maglev.begin_nested_transaction; section "nested
 *     transactions" below): while the level is > 1, mg_store_commit and
 *     mg_store_abort never touch the repository or the view; every DIRTY
 *     object has a pre-image (in-memory copy of its body) per open level
 *     that saw it change. Abort at level > 1 puts the pre-images back, and
 *     DIRTY -> CLEAN for objects first dirtied in the level, NEW -> transient
 *     for objects that became persistent in it (staged classes).
 */
#include "store.h"
#include "backend.h"
#include "scan.h"
#include "paged.h"
#include "../core/core.h"
#include "../core/coll_int.h"
#include "../object/class.h"
#include <errno.h>
#include <malloc.h>
#include <pwd.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

/* 24 bytes a resident object: versions are commit sequences (< 2^48); epoch
 * is the eviction round (mod 2^16) in which the object was last read. */
typedef struct { Obj *obj; uint64_t oop; uint64_t version : 48; uint64_t epoch : 16; } Resident;
typedef struct { Obj **v; size_t n, cap; } ObjList;      /* a set in insertion order (small) */

static struct {
    MgRepo *repo;
    MgView *view;
    uint64_t view_seq;
    bool opened, failed;
    char open_error[512];                                  /* why the repository could not be opened */
    char path[4096];          /* the repository's location (mg_store_path) */
    char shown[4096];         /* the same for messages: no password */
    Resident *tab; size_t tab_count, tab_used, tab_cap;   /* open addressing, tombstone obj == (Obj*)1 */
    Obj **ws; size_t ws_len, ws_cap;                       /* write set */
    int decoding;
    uint64_t oop_next, oop_limit;
    uint64_t oop_block;        /* OOPs reserved at the next refill (alloc_oop) */
    Value root;
    Obj **wellknown; size_t nwellknown;                    /* index = (oop >> 3) - 2 */
    ObjList apply;                                         /* classes whose definitions await applying */
    ObjList reread;                                        /* resident classes another commit rewrote */
    ObjList sapply;                                        /* objects read with a singleton table (code.c) */
    ObjList sfreeze;                                       /* classes read frozen: frozen once their definitions applied */
    const char *features[16]; size_t nfeatures;             /* libraries of faulted library-class instances (LIB_CLASS) */
    bool draining;
    bool evict_pending;                                    /* the heap passed half its cap (gc.c) */
    uint64_t epoch;                                        /* eviction rounds so far */
    uint64_t evicted;                                      /* objects evicted, for statistics */
    uint64_t faults;
    bool evicting;
    size_t after_evict;                                    /* heap bytes after the last round */
    bool evict_futile;                                     /* that round freed under a sixteenth of the cap */
    Value main;                                            /* the top-level self (MG_OOP_MAIN) */
    Value system;                                          /* the repository's own table (MG_OOP_SYSTEM) */
    Value traps;                                           /* identity Hash of trapped objects, or nil */
    struct { Obj *obj; uint64_t hash, vals; } *envs; size_t nenvs, cenvs;   /* persistent Envs: encoding hash and
                                                                    * values hash as last read/written */
    uint64_t code_seq;                                     /* view whose base-image records were read (0: never) */
} S;

#define TOMB ((Obj *)1)

/* ---- resident table ---- */

/* OOPs are handed out in dense runs (blocks of 4096 per process). Each
 * group of 64 consecutive OOPs keeps 64 neighbouring slots (objects made
 * together stay together: a commit of a million new objects, or a walk of a
 * chain built in order, touches the table in order), and the groups are
 * scattered by a multiplicative hash. (The identity of oop/8 alone made one
 * run of slots as long as the table when the OOPs spanned more than its
 * size: every probe then walked it -- a 300,000-node walk took 35 s.) */
static size_t
slot_of(uint64_t oop)
{
    uint64_t k = oop >> 3;
    uint64_t group = ((k >> 6) * 0x9E3779B97F4A7C15ull) >> 24;
    return (size_t)((group << 6) | (k & 63)) & (S.tab_cap - 1);
}

/* The probe after slot i (step = 1, 2, ...): the same place in another
 * group, the groups visited by triangular steps (all of them, their count
 * being a power of two), then -- should every group be full at that place
 * -- the next slots. Stepping to the next slot from the start made a group
 * run into its neighbours' full runs: 34 probes a lookup in a walk of a
 * million nodes, against about 2 now. */
static inline size_t
next_slot(size_t i, size_t step)
{
    if (step <= S.tab_cap >> 6) return (i + (step << 6)) & (S.tab_cap - 1);
    return (i + 1) & (S.tab_cap - 1);
}

static Resident *
tab_find(uint64_t oop)
{
    if (!S.tab_cap) return NULL;
    for (size_t i = slot_of(oop), step = 1;; i = next_slot(i, step++)) {
        Resident *e = &S.tab[i];
        if (!e->obj) return NULL;
        if (e->obj != TOMB && e->oop == oop) return e;
    }
}

static Resident *tab_insert(Obj *o, uint64_t version);

/* Rehashes the live entries into a table of nc slots (counted in the heap,
 * for --max-memory; the allocation may collect, which only adds tombstones). */
static void
tab_rehash(size_t nc)
{
    Resident *fresh = mg_calloc(nc, sizeof *S.tab);
    Resident *old = S.tab;
    size_t oc = S.tab_cap;
    S.tab = fresh;
    S.tab_cap = nc;
    S.tab_count = S.tab_used = 0;
    for (size_t i = 0; i < oc; i++)
        if (old[i].obj && old[i].obj != TOMB) tab_insert(old[i].obj, old[i].version)->epoch = old[i].epoch;
    mg_free(old, oc * sizeof *old);
}

static void
tab_grow(void)
{
    /* tombstones (objects the collector freed) count as used: when live
     * entries fill less than a third, rehash at the same size instead */
    size_t oc = S.tab_cap;
    tab_rehash(!oc ? 1024 : S.tab_count * 3 < oc ? oc : oc * 2);
}

/* Room for extra more inserts without a rehash (entries stay where they are). */
static void
tab_reserve(size_t extra)
{
    if ((S.tab_used + extra + 1) * 3 <= S.tab_cap * 2) return;
    size_t nc = S.tab_cap ? S.tab_cap : 1024;
    while ((S.tab_count + extra + 1) * 3 > nc * 2) nc *= 2;
    tab_rehash(nc);
}

static Resident *
tab_insert(Obj *o, uint64_t version)
{
    if ((S.tab_used + 1) * 3 > S.tab_cap * 2) tab_grow();     /* load at most 2/3 */
    size_t i = slot_of(o->oop), step = 1;
    while (S.tab[i].obj && S.tab[i].obj != TOMB) i = next_slot(i, step++);
    if (!S.tab[i].obj) S.tab_used++;
    S.tab[i] = (Resident){ o, o->oop, version, (uint16_t)S.epoch };
    S.tab_count++;
    return &S.tab[i];
}

static void env_forget(Obj *o);

/* After the collector freed most residents: a smaller table. */
static void
tab_shrink(void)
{
    size_t nc = S.tab_cap;
    while (nc > 1024 && S.tab_count * 6 < nc) nc /= 2;
    tab_rehash(nc);
}

static void
forget(Obj *o)
{
    if (o->type == T_DATA) env_forget(o);
    if (mg_paged_obj_p(o)) mg_paged_forget(o);
    Resident *e = tab_find(o->oop);
    if (e && e->obj == o) {
        e->obj = TOMB;
        S.tab_count--;
    }
}

/* ---- write set ---- */

static void
ws_add(Obj *o)
{
    if (S.ws_len == S.ws_cap) {
        S.ws_cap = S.ws_cap ? S.ws_cap * 2 : 256;
        Obj **n = realloc(S.ws, S.ws_cap * sizeof *S.ws);
        if (!n) mg_raise_nomem();
        S.ws = n;
    }
    S.ws[S.ws_len++] = o;
}

static bool
is_class(const Obj *o)
{
    return o->type == T_CLASS || o->type == T_MODULE;
}

/* The persistent root and the system table: records that exist from the
 * start (an empty Hash until first committed). */
static bool
is_anchor(const Obj *o)
{
    return o->oop == MG_OOP_ROOT || o->oop == MG_OOP_SYSTEM;
}

static void
objlist_add(ObjList *l, Obj *o)
{
    for (size_t i = 0; i < l->n; i++) if (l->v[i] == o) return;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 32;
        Obj **v = realloc(l->v, cap * sizeof *v);
        if (!v) mg_raise_nomem();
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = o;
}

static void
queue_apply(Obj *o)
{
    objlist_add(&S.apply, o);
}
void
mg_store_queue_singleton(Obj *o)
{
    objlist_add(&S.sapply, o);
}
void
mg_store_queue_freeze(Obj *o)
{
    objlist_add(&S.sfreeze, o);
}
static Value
apply_singleton_one(Value obj)
{
    mg_code_apply_singleton(obj);
    return MG_NIL;
}

static void
queue_reread(Obj *o)
{
    objlist_add(&S.reread, o);
}
/* A record refers to a library class whose library is not loaded: it is
 * required when the outermost fault returns (drain_apply). */
static void
queue_feature(const char *feature)
{
    for (size_t i = 0; i < S.nfeatures; i++) if (S.features[i] == feature) return;
    if (S.nfeatures < sizeof S.features / sizeof *S.features) S.features[S.nfeatures++] = feature;
}

static Value
require_one(Value feature)
{
    mg_require((const char *)(uintptr_t)MG_FIX2LONG(feature));
    return MG_NIL;
}

static Value
apply_one(Value c)
{
    mg_code_apply(MG_RCLASS(c));
    return MG_NIL;
}

static void drain_round(void);

/* Applies the queued classes' definitions (runs Ruby code: only where a
 * method call may run, i.e. not inside a decode). */
static void
drain_apply(void)
{
    if ((!S.apply.n && !S.nfeatures && !S.sapply.n && !S.sfreeze.n) || S.draining || S.decoding) return;
    S.draining = true;
    /* applying may fault more classes and objects (a singleton table's
     * extended module): until nothing is queued */
    while (S.apply.n || S.nfeatures || S.sapply.n) drain_round();
    for (size_t i = 0; i < S.sfreeze.n; i++) S.sfreeze.v[i]->flags |= OF_FROZEN;   /* after its definitions went in */
    S.sfreeze.n = 0;
    S.draining = false;
}

static void
drain_round(void)
{
    for (size_t i = 0; i < S.nfeatures; i++) {
        Value exc;
        mg_protect(require_one, MG_FIX((int64_t)(intptr_t)S.features[i]), &exc);
        if (exc != MG_NIL)
            fprintf(stderr, "maglev: loading %s for a persistent object: %s\n", S.features[i],
                    mg_str_cstr(mg_exc_message(exc)));
    }
    S.nfeatures = 0;
    for (size_t i = 0; i < S.apply.n; i++) {
        Value exc;
        mg_protect(apply_one, MG_VAL(S.apply.v[i]), &exc);
        if (exc != MG_NIL) {
            Value m = mg_exc_message(exc);
            fprintf(stderr, "maglev: applying the definitions of %s: %s\n",
                    mg_class_cname((RClass *)S.apply.v[i]), mg_str_cstr(m));
        }
    }
    S.apply.n = 0;
    for (size_t i = 0; i < S.sapply.n; i++) {
        Value exc;
        mg_protect(apply_singleton_one, MG_VAL(S.sapply.v[i]), &exc);
        if (exc != MG_NIL)
            fprintf(stderr, "maglev: rebuilding the singleton class of a %s: %s\n",
                    mg_class_cname(mg_obj_class(MG_VAL(S.sapply.v[i]))), mg_str_cstr(mg_exc_message(exc)));
    }
    S.sapply.n = 0;
}

static uint64_t env_vals_hash(Obj *o);

static void
mark_roots(void)
{
    for (size_t i = 0; i < S.apply.n; i++) mg_gc_mark_obj(S.apply.v[i]);
    for (size_t i = 0; i < S.reread.n; i++) mg_gc_mark_obj(S.reread.v[i]);
    for (size_t i = 0; i < S.sapply.n; i++) mg_gc_mark_obj(S.sapply.v[i]);
    for (size_t i = 0; i < S.sfreeze.n; i++) mg_gc_mark_obj(S.sfreeze.v[i]);
    for (size_t i = 0; i < S.ws_len; i++) mg_gc_mark_obj(S.ws[i]);
    /* an Env whose values changed is a change not in the write set yet (no
     * barrier): it stays until envs_check, even once its Procs were evicted */
    for (size_t i = 0; i < S.nenvs; i++)
        if (!(S.envs[i].obj->flags & OF_UNFAULTED) && env_vals_hash(S.envs[i].obj) != S.envs[i].vals)
            mg_gc_mark_obj(S.envs[i].obj);
    mg_gc_mark(S.root);
    mg_gc_mark(S.system);
    mg_gc_mark(S.traps);
}

/* ---- opening ---- */

static void
mkdir_p(const char *dir)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", dir);
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/') continue;
        *p = '\0';
        mkdir(buf, 0700);
        *p = '/';
    }
    mkdir(buf, 0700);
}

const char *
mg_store_path(void)
{
    if (S.path[0]) return S.shown;
    const char *repo = getenv("MAGLEV_REPOSITORY");     /* a postgresql:// URL or a directory */
    if (repo && *repo) {
        snprintf(S.path, sizeof S.path, "%s", repo);
        mg_repo_display(S.path, S.shown, sizeof S.shown);
        return S.shown;
    }
    const char *data = getenv("MAGLEV_DATA");
    const char *stone = getenv("MAGLEV_STONE");
    if (!stone || !*stone) stone = "maglev";
    char home[3072];
    if (!data || !*data) {
        const char *h = getenv("MAGLEV_HOME");
        if (h && *h) {
            snprintf(home, sizeof home, "%s/data", h);
        } else {
            char exe[2048];
            ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
            if (n <= 0) n = 0;
            exe[n] = '\0';
            char *slash = strrchr(exe, '/');
            if (slash) *slash = '\0';                    /* <home>/bin */
            slash = strrchr(exe, '/');
            if (slash) *slash = '\0';                    /* <home> */
            snprintf(home, sizeof home, "%s/data", n ? exe : ".");
        }
        data = home;
    }
    snprintf(S.path, sizeof S.path, "%s/%s", data, stone);
    char url[sizeof S.path];
    if (mg_repo_pointer(S.path, url, sizeof url)) memcpy(S.path, url, sizeof url);   /* a stone on PostgreSQL */
    mg_repo_display(S.path, S.shown, sizeof S.shown);
    return S.shown;
}

NORETURN void
mg_store_storage_error(const char *what)
{
    mg_raise(mg_eRuntimeError, "repository %s: %s: %s", mg_store_path(), what, mg_repo_error(S.repo));
}

/* Registers this process as a session (Maglev::System.session_id, locks).
 * A failure is not fatal: the gem still works, only locks refuse. */
static void
register_session(void)
{
    char comm[32] = "maglev", name[64];
    FILE *f = fopen("/proc/self/comm", "r");
    if (f) {
        if (fgets(comm, sizeof comm, f)) comm[strcspn(comm, "\n")] = '\0';
        fclose(f);
    }
    const char *user = getenv("USER");
    struct passwd *pw = user && *user ? NULL : getpwuid(getuid());
    if (pw) user = pw->pw_name;
    snprintf(name, sizeof name, "%s %s", user && *user ? user : "?", comm);
    uint32_t id;
    if (mg_repo_session_begin(S.repo, name, &id) != MG_STORE_OK)
        fprintf(stderr, "maglev: repository %s: no session: %s\n", mg_store_path(), mg_repo_error(S.repo));
}

/* Repository GC (protocol: repogc.c): at a boundary whose view shows an
 * open round this session has not voted in, every possibly-dead OOP that is
 * resident here is reported kept. */
static uint64_t gc_voted;

static bool
gc_held(uint64_t oop, void *arg)
{
    UNUSED(arg);
    return tab_find(oop) != NULL;
}

static void
gc_vote(void)
{
    uint64_t round = mg_view_gc_round(S.view);
    if (round && round != gc_voted && mg_repo_session_self(S.repo)
        && mg_repo_gc_vote(S.repo, round, gc_held, NULL) == MG_STORE_OK)
        gc_voted = round;
}

static void
ensure_open(void)
{
    if (S.opened) return;
    if (S.failed) mg_raise(mg_eRuntimeError, "repository %s could not be opened: %s", mg_store_path(), S.open_error);
    mg_store_path();
    const char *path = S.path;        /* with its password, if the URL has one */
    char parent[4096];
    snprintf(parent, sizeof parent, "%s", path);
    char *slash = strrchr(parent, '/');
    if (slash && !mg_repo_is_url(path)) { *slash = '\0'; mkdir_p(parent); }
    errno = 0;
    MgStoreErr e = mg_repo_open(path, MG_REPO_CREATE, &S.repo);
    if (e) {
        int os_err = errno;
        S.failed = true;
        if (S.repo)
            snprintf(S.open_error, sizeof S.open_error, "%s", mg_repo_error(S.repo));
        else        /* no handle to say why: the OS error (a name too long, a file in the way) */
            snprintf(S.open_error, sizeof S.open_error, "%s", e == MG_STORE_NOMEM ? "out of memory"
                     : os_err ? strerror(os_err) : "not a repository location");
        mg_raise(mg_eRuntimeError, "repository %s could not be opened: %s", mg_store_path(), S.open_error);
    }
    if (mg_view_begin(S.repo, &S.view)) mg_store_storage_error("begin view");
    S.view_seq = mg_view_seq(S.view);
    S.opened = true;
    mg_repo_set_ref_scan(S.repo, mg_record_scan);   /* a commit never stores a dangling reference */
    mg_repo_set_class_of(S.repo, mg_record_class);  /* and keeps the class index */
    register_session();
    gc_vote();
}

/* At a transaction boundary after a failed open (a PostgreSQL server that
 * was down when the gem started, a repository that was locked away): the
 * open is tried again, so a long-running gem needs no restart once the
 * repository is back. The ids handed out meanwhile are this process's own
 * (alloc_oop, from 2^60 up): the next ones come from the repository, and an
 * object holding one of the old is refused by a commit (unpersistable_reason). */
static void
retry_open(void)
{
    S.failed = false;
    if (S.oop_next >= ((uint64_t)1 << 60)) S.oop_next = S.oop_limit = 0;
    ensure_open();
}

static Value
open_run(Value unused)
{
    ensure_open();
    return MG_NIL;
}

bool
mg_store_usable(void)
{
    if (S.opened) return true;
    if (S.failed) return false;
    Value exc;
    mg_protect(open_run, MG_NIL, &exc);
    return S.opened;
}

/* ---- well-known objects ---- */

uint64_t
mg_store_wellknown_oop(Value v)
{
    if (!MG_IS_PTR(v)) return 0;
    Obj *o = MG_OBJ(v);
    if (o->oop && o->oop < MG_OOP_FIRST) return o->oop;
    return 0;
}

/* Well-known OOPs (backend.h MG_WK_ERRNO): the Errno classes have theirs so
 * that an exception such as Errno::ECONNREFUSED persists as an ENOENT does. */

static void
init_wellknown(void)
{
    size_t n = 0;
#define CORE_CLASS(var, name, super) n++;
#define CORE_MODULE(var, name) n++;
#include "../object/coreclasses.def"
#undef CORE_CLASS
#undef CORE_MODULE
    if (n > MG_WK_ERRNO) mg_bug(__FILE__, __LINE__, "coreclasses.def reaches the Errno classes' OOPs");
    size_t nerr = mg_errno_class_count();
    S.wellknown = calloc(MG_WK_ERRNO + nerr, sizeof *S.wellknown);   /* NULL between the two runs */
    if (!S.wellknown) mg_raise_nomem();
    S.nwellknown = MG_WK_ERRNO + nerr;
    size_t i = 0;
#define CORE_CLASS(var, name, super) S.wellknown[i] = (Obj *)var; var->hdr.oop = 16 + 8 * (uint64_t)i; i++;
#define CORE_MODULE(var, name) S.wellknown[i] = (Obj *)var; var->hdr.oop = 16 + 8 * (uint64_t)i; i++;
#include "../object/coreclasses.def"
#undef CORE_CLASS
#undef CORE_MODULE
    for (size_t j = 0; j < nerr; j++) {
        RClass *c = mg_errno_class_at(j);
        if (!c || c->hdr.oop) continue;          /* an alias, or a core class (ENOENT...) */
        S.wellknown[MG_WK_ERRNO + j] = (Obj *)c;
        c->hdr.oop = 16 + 8 * (uint64_t)(MG_WK_ERRNO + j);
    }
}

Value
mg_store_ref(uint8_t type, uint64_t oop, const char **err)
{
    if (oop < MG_OOP_FIRST) {
        if (oop == MG_OOP_ROOT) return mg_store_root();
        if (oop == MG_OOP_MAIN && S.main && type == T_OBJECT) return S.main;
        if (oop == MG_OOP_SYSTEM && type == T_HASH) return S.system;
        size_t i = (oop >> 3) - 2;
        if ((oop & 7) || oop < 16 || i >= S.nwellknown || !S.wellknown[i] || S.wellknown[i]->type != type) {
            *err = "record refers to an unknown base-image object";
            return MG_NIL;
        }
        const char *feature = mg_lib_class_feature((RClass *)S.wellknown[i]);
        if (feature) queue_feature(feature);
        return MG_VAL(S.wellknown[i]);
    }
    if (oop & 7) { *err = "record holds a misaligned OOP"; return MG_NIL; }
    Resident *e = tab_find(oop);
    if (e) {
        if (e->obj->type != type) { *err = "record's reference type differs from the object's"; return MG_NIL; }
        return MG_VAL(e->obj);
    }
    size_t size;
    switch (type) {
    case T_OBJECT: size = sizeof(RObject); break;
    case T_STRING: size = sizeof(RString) + MG_STR_EMBED + 1; break;   /* room for a short one's bytes (record.c) */
    case T_ARRAY: size = sizeof(RArray) + MG_ARY_EMBED * sizeof(Value); break;   /* room for a small one's elements (record.c) */
    case T_HASH: size = sizeof(RHash); break;
    case T_RANGE: size = sizeof(RRange); break;
    case T_DATA: size = sizeof(RData) + MG_DATA_INLINE_MAX; break;
    case T_CLASS: case T_MODULE: size = sizeof(RClass); break;
    default: *err = "record refers to an object of a type that is not stored"; return MG_NIL;
    }
    Obj *o = mg_gc_alloc(size, (ObjType)type, NULL);
    o->oop = oop;
    o->flags |= OF_PERSISTENT | OF_UNFAULTED;
    if (type == T_DATA) o->extra = MG_DATA_INLINE_MAX;    /* room for the payload (record.c) */
    tab_insert(o, 0);
    return MG_VAL(o);
}

/* The object a committed OOP names in this view, resident or read now
 * (ObjectSpace._id2ref of a permanent object id); MG_UNDEF when none. */
Value
mg_store_object_for_oop(uint64_t oop)
{
    Value r = mg_store_resident(oop);
    if (r != MG_UNDEF) return r;
    if (oop < MG_OOP_FIRST || (oop & 7) || !mg_store_usable()) return MG_UNDEF;
    ensure_open();
    MgRecord rec;
    if (mg_view_read(S.view, oop, &rec) != MG_STORE_OK || rec.len < 1) return MG_UNDEF;
    uint8_t type = *(const uint8_t *)rec.data;
    if (rec.len >= 2 && (((const uint8_t *)rec.data)[1] & MG_RF_PAGE)) return MG_UNDEF;   /* a page is no object */
    if (type != T_OBJECT && type != T_STRING && type != T_ARRAY && type != T_HASH && type != T_RANGE && type != T_DATA
        && type != T_CLASS && type != T_MODULE)
        return MG_UNDEF;
    const char *err = NULL;
    Value v = mg_store_ref(type, oop, &err);
    return err ? MG_UNDEF : v;
}

Value
mg_store_root(void)
{
    return S.root;
}

Value
mg_store_system(void)
{
    return S.system;
}

void
mg_store_set_main(Value main)
{
    S.main = main;
    MG_OBJ(main)->oop = MG_OOP_MAIN;
}

/* ---- Envs: the VM stores locals without a write barrier (closure.c) ---- */

static uint64_t
bytes_hash(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) h = (h ^ s[i]) * 0x100000001b3ULL;
    return h;
}

static bool
is_env(const Obj *o)
{
    return o->type == T_DATA && !(o->flags & OF_UNFAULTED) && ((const RData *)o)->type
           && ((const RData *)o)->type->persist == &mg_env_persist;
}

/* The hash of an Env's value slots (no allocation: the collector calls it). */
static uint64_t
env_vals_hash(Obj *o)
{
    uint32_t n;
    const Value *v = mg_env_values(MG_VAL(o), &n);
    return bytes_hash(v, n * sizeof(Value));
}

static void
env_note(Obj *o, uint64_t hash)
{
    for (size_t i = 0; i < S.nenvs; i++)
        if (S.envs[i].obj == o) { S.envs[i].hash = hash; S.envs[i].vals = env_vals_hash(o); return; }
    if (S.nenvs == S.cenvs) {
        S.cenvs = S.cenvs ? S.cenvs * 2 : 16;
        void *n = realloc(S.envs, S.cenvs * sizeof *S.envs);
        if (!n) mg_raise_nomem();
        S.envs = n;
    }
    S.envs[S.nenvs].obj = o;
    S.envs[S.nenvs].hash = hash;
    S.envs[S.nenvs].vals = env_vals_hash(o);
    S.nenvs++;
}

static void
env_forget(Obj *o)
{
    for (size_t i = 0; i < S.nenvs; i++)
        if (S.envs[i].obj == o) { S.envs[i] = S.envs[--S.nenvs]; return; }
}

static void dirty(Obj *o);

/* Before a commit: a clean persistent Env whose encoding changed since it
 * was read or written joins the write set. */
static void env_dirtied_late(Obj *o);

static void
envs_check(void)
{
    MgBuf b = { 0 };
    for (size_t i = 0; i < S.nenvs; i++) {
        Obj *o = S.envs[i].obj;
        if (o->flags & (OF_DIRTY | OF_UNFAULTED)) continue;
        mg_record_encode(o, &b);
        if (bytes_hash(b.ptr, b.len) != S.envs[i].hash) {
            dirty(o);
            env_dirtied_late(o);
        }
    }
    mg_buf_free(&b);
}

/* ---- hooks ---- */

typedef struct { Obj *o; const void *data; size_t len; bool lazy; const char *err; } DecodeJob;

static Value
run_decode(Value arg)
{
    DecodeJob *j = (DecodeJob *)(uintptr_t)MG_FIX2LONG(arg);
    j->err = mg_record_decode(j->o, j->data, j->len, j->lazy);
    return MG_NIL;
}

static void fault_body(Obj *o, bool lazy);
static void watch_rss(void);
static void pressure(void);

/* The object lazy reference v in lazy Array ary stands for (mg_lazy_resolve_hook).
 * The arena is left as it was: the caller stores the header into ary at once. */
static Value
resolve_lazy(Obj *ary, Value v)
{
    size_t level = mg_gc_arena_save();
    const char *err = NULL;
    Value obj = mg_store_ref(mg_lazy_ref_type(v), mg_lazy_ref_oop(v), &err);
    mg_gc_arena_restore(level);
    if (err)
        mg_raise(mg_eRuntimeError, "corrupt record for OOP %llu in repository %s: %s",
                 (unsigned long long)ary->oop, mg_store_path(), err);
    return obj;
}

/* A lazy Array becomes an ordinary one: every element resolved. */
static void
resolve_array(Obj *o)
{
    RArray *a = (RArray *)o;
    for (int64_t i = 0; i < a->len; i++)
        if (mg_lazy_ref_p(a->ptr[i])) a->ptr[i] = resolve_lazy(o, a->ptr[i]);
    o->flags &= (uint16_t)~(OF_UNFAULTED | OF_ARY_LAZY);
}

/* mg_fault_lazy_hook: a big Array may stay lazy */
static void
fault_lazy(Obj *o)
{
    if (mg_lazy_body_p(o)) return;
    fault_body(o, true);
    if (is_class(o)) queue_apply(o);
    drain_apply();          /* a no-op inside a decode: the outermost fault applies (invariant 5) */
}

static void
fault(Obj *o)
{
    fault_lazy(o);
    if (mg_ary_lazy_p(o)) resolve_array(o);
    else if (mg_hash_lazy_p(o)) mg_hash_resolve_all(MG_VAL(o));
}

static void
fault_body(Obj *o, bool lazy)
{
    ensure_open();
    MgRecord rec;
    MgStoreErr e = mg_view_read(S.view, o->oop, &rec);
    if (e == MG_STORE_NOTFOUND && is_anchor(o)) {
        o->flags &= ~OF_UNFAULTED;           /* a new repository: the root starts empty */
        o->klass = mg_cHash;
        Resident *r = tab_find(o->oop);
        if (r) r->version = 0;
        return;
    }
    if (e == MG_STORE_NOTFOUND)
        mg_raise(mg_eRuntimeError, "object with OOP %llu does not exist in this view of repository %s",
                 (unsigned long long)o->oop, mg_store_path());
    if (e) mg_store_storage_error("read");
    if ((++S.faults & 255) == 0 && mg_gc_max_bytes) watch_rss();
    DecodeJob job = { o, rec.data, rec.len, lazy, NULL };
    Value exc;
    S.decoding++;
    mg_protect(run_decode, MG_FIX((int64_t)(intptr_t)&job), &exc);
    S.decoding--;
    if (exc != MG_NIL) {
        if (mg_body_present(o)) mg_record_evict(o);
        mg_raise_exc(exc);
    }
    if (job.err)
        mg_raise(mg_eRuntimeError, "corrupt record for OOP %llu in repository %s: %s",
                 (unsigned long long)o->oop, mg_store_path(), job.err);
    Resident *r = tab_find(o->oop);          /* after decoding: it may have grown the table */
    if (r) { r->version = rec.version; r->epoch = (uint16_t)S.epoch; }
    if (is_env(o)) env_note(o, bytes_hash(rec.data, rec.len));
}

const char *
mg_store_read_page(uint64_t oop, MgRecord *rec)
{
    MgStoreErr e = mg_view_read(S.view, oop, rec);
    if (e == MG_STORE_NOTFOUND) return "paged array record refers to a page that does not exist";
    if (e) mg_store_storage_error("read");
    return NULL;
}

static void stage(Obj *o);

/* Nested transaction levels (see "nested transactions" below). */
static struct {
    int level;                                   /* 1: the outermost transaction */
    size_t ws_mark[MG_TXN_MAX_LEVEL + 1];        /* ws_len when level i began */
    size_t pre_mark[MG_TXN_MAX_LEVEL + 1];       /* npre when level i began */
    size_t rc_mark[MG_TXN_MAX_LEVEL + 1];        /* length of the RC replay log when level i began */
    struct PreImage *pre; size_t npre, cpre;
} N = { 1, { 0 }, { 0 }, { 0 }, NULL, 0, 0 };
static void take_preimage(Obj *o, bool fresh);
static void nested_commit(void);
static void nested_abort(void);
static void empty_defs(RClass *c);

static void
dirty(Obj *o)
{
    if (S.decoding) return;
    if (is_class(o)) {
        /* class ivars / class variables stored in persistent mode (invariant 5) */
        if (mg_mode_get() != MG_MODE_TRANSIENT && !mg_code_loading && !(o->flags & OF_SINGLETON)
            && !mg_store_wellknown_oop(MG_VAL(o)))
            stage(o);                        /* no Ruby code may run here (a write barrier) */
        return;
    }
    if (o->flags & OF_UNFAULTED) fault(o);   /* a store must not be lost on an empty body */
    o->flags |= OF_DIRTY;
    ws_add(o);
    if (N.level > 1) take_preimage(o, true);   /* before the store: the barrier runs first */
}

static uint64_t
alloc_oop(void)
{
    if (S.oop_next >= S.oop_limit) {
        if (!mg_store_usable()) {
            /* no repository: nothing this process makes can be committed, so
             * object ids only need to be unique here (from 2^60 up, far above
             * any repository's, still Integers in fixnum range) */
            S.oop_next = (uint64_t)1 << 60;
            S.oop_limit = (uint64_t)1 << 61;
        } else {
            /* 4,096 OOPs, doubling with each block a process uses up, to
             * 2^20: a process that makes millions of objects reserves a few
             * times, and one that ends leaves at most a block unused */
            if (S.oop_block < 4096) S.oop_block = 4096;
            uint64_t first;
            if (mg_repo_alloc_oops(S.repo, S.oop_block, &first)) mg_store_storage_error("allocate OOPs");
            S.oop_next = first;
            S.oop_limit = first + 8 * S.oop_block;
            if (S.oop_block < ((uint64_t)1 << 20)) S.oop_block *= 2;
        }
    }
    uint64_t oop = S.oop_next;
    S.oop_next += 8;
    return oop;
}

/* ---- eviction under a memory cap ----
 * When a collection finds the heap past half of mg_gc_max_bytes, the next VM
 * safe point (mg_store_checkpoint, from mg_vm_checkpoint) empties the bodies
 * of clean persistent objects that were faulted before the previous round
 * and that no root refers to directly; a collection then frees the headers
 * nothing references any more. Classes, the root, dirty objects and the Envs
 * of running frames stay. Contract for C code (object.h invariant 2): a C
 * function that calls back into Ruby may hold a body pointer only of its
 * receiver, its arguments, or objects it allocated -- those are pinned. */

/* Under a cap, every 256 faults (a random read maps in up to 64 KiB of
 * file pages: the kernel maps the cached pages around a fault): when the
 * process's resident memory passes three quarters of the cap (the last
 * quarter is for what grows until the next look), the repository pages it
 * read go, and an eviction round is asked for -- also when the heap has not
 * grown by the usual eighth of the cap, if its own (anonymous) memory is
 * past half the cap: the heap's count leaves out the resident table and
 * malloc's overheads. */
static void
watch_rss(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f) return;
    unsigned long size = 0, rss = 0, shared = 0;
    int got = fscanf(f, "%lu %lu %lu", &size, &rss, &shared);
    fclose(f);
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    if (got != 3 || rss * page < mg_gc_max_bytes / 4 * 3) return;
    /* the repository's pages, when they are what takes the room (finding
     * them reads /proc/self/maps: once every 256 faults while a bigger
     * private working set kept the process past the mark, that read was
     * most of a walk's time) */
    if (shared * page > mg_gc_max_bytes / 8) mg_repo_release_pages(S.repo);
    if ((rss - shared) * page > mg_gc_max_bytes / 2 && S.opened && !S.evict_pending && !S.evicting && !S.evict_futile
        && S.after_evict <= mg_gc_max_bytes / 2) {
        S.evict_pending = true;
        mg_vm_request_checkpoint();
    } else {
        pressure();
    }
}

/* A lazy Array or Hash under a cap: its resolved elements (entries) become
 * lazy references again, so that the headers only it held can go (resolving
 * one again finds the same header while anything else holds it: identity
 * stays). */
static Value
lazy_again(Value v)
{
    if (!MG_IS_PTR(v)) return v;
    Obj *e = MG_OBJ(v);
    if (!(e->flags & OF_PERSISTENT) || !mg_store_lazy_ok(e->type, e->oop)) return v;
    return mg_lazy_ref(e->type, e->oop);
}

static void
relazify(Obj *o)
{
    if (o->type == T_HASH) {
        mg_hash_relazify(MG_VAL(o), lazy_again);
        return;
    }
    RArray *a = (RArray *)o;
    for (int64_t i = 0; i < a->len; i++) a->ptr[i] = lazy_again(a->ptr[i]);
}

static void
pressure(void)
{
    /* again only once the heap grew by an eighth of the cap since the last
     * round -- or, when what the last round left is past half the cap (a
     * working set bigger than the cap: a 4M-element Array's vector under a
     * 16 MB cap), by half of what it left: each round costs a collection of
     * all of it, and one every eighth of the cap made such a walk 6x slower */
    size_t slack = mg_gc_max_bytes / 8;
    if (S.after_evict > mg_gc_max_bytes / 2 && S.after_evict / 2 > slack) slack = S.after_evict / 2;
    if (!S.opened || S.evict_pending || S.evicting || mg_gc_heap_bytes() < S.after_evict + slack) return;
    S.evict_pending = true;
    mg_vm_request_checkpoint();
}

void
mg_store_checkpoint(void)
{
    if (!S.evict_pending) return;
    S.evict_pending = false;
    if (S.decoding || S.draining) return;
    mg_gc_pin_roots();
    uint64_t n = 0;
    for (size_t i = 0; i < S.tab_cap; i++) {
        Resident *e = &S.tab[i];
        Obj *o = e->obj;
        if (!o || o == TOMB) continue;
        if (mg_lazy_body_p(o)) relazify(o);       /* its body may go below, or stay */
        if (e->epoch == (uint16_t)S.epoch) continue;
        if ((o->flags & OF_DIRTY) || !mg_body_present(o)) continue;
        if (is_class(o) || is_anchor(o) || mg_gc_marked_p(MG_VAL(o)) || mg_record_keep(o)) continue;
        if (o->type == T_DATA && is_env(o)) continue;    /* envs hash their encoding: keep them simple */
        mg_record_evict(o);
        n++;
    }
    mg_gc_unpin_roots();
    S.evicted += n;
    S.epoch++;
    size_t before = mg_gc_heap_bytes();
    S.evicting = true;
    mg_gc_collect();
    if (S.tab_cap > 4096 && S.tab_count * 8 < S.tab_cap) tab_shrink();
    malloc_trim(0);                           /* what the bodies freed goes back to the system */
    S.evicting = false;
    S.after_evict = mg_gc_heap_bytes();
    /* what is left is held (a working set past the cap: a big Hash's keys,
     * objects on the stack): the next round waits for the heap to grow, or
     * each fault's round would scan and collect the same heap again */
    S.evict_futile = before < S.after_evict + mg_gc_max_bytes / 16;
    if (getenv("MG_DEBUG_EVICT"))
        fprintf(stderr, "evict round %llu: %llu evicted, heap %zu -> %zu, table %zu/%zu\n", (unsigned long long)S.epoch,
                (unsigned long long)n, before >> 20, mg_gc_heap_bytes() >> 20, S.tab_count, S.tab_cap);
}

uint64_t
mg_store_evicted(void)
{
    return S.evicted;
}

void
mg_store_seed(void)
{
    ensure_open();
    for (size_t i = 0; i < MG_WK_ERRNO; i++)      /* coreclasses.def's; an Errno class gets a record when changed */
        if (S.wellknown[i] && is_class(S.wellknown[i]) && !(S.wellknown[i]->flags & OF_DIRTY)) stage(S.wellknown[i]);
    MG_FAULT(S.root);
    MG_FAULT(S.system);
    dirty(MG_OBJ(S.root));
    dirty(MG_OBJ(S.system));
    mg_store_commit();
}

void (*mg_store_boundary_hook)(bool commit, uint64_t seq, size_t written);

Value
mg_store_resident(uint64_t oop)
{
    Resident *e = tab_find(oop);
    return e ? MG_VAL(e->obj) : MG_UNDEF;
}

uint64_t
mg_store_view_seq(void)
{
    if (!mg_store_usable()) return 0;
    return S.view_seq;
}

void
mg_store_stats(MgStoreStats *out)
{
    out->resident = S.tab_count;
    out->dirty = S.ws_len;
    out->faults = S.faults;
    out->evicted = S.evicted;
    out->view_seq = S.view_seq;
}

void
mg_store_trap(Value o)
{
    if (o == MG_NIL) {          /* MagLev: nil shuts off the traps set before */
        S.traps = MG_NIL;
        return;
    }
    if (!MG_IS_HASH(S.traps)) {
        S.traps = mg_hash_new();
        MG_OBJ(S.traps)->flags |= OF_HASH_IDENTITY;
    }
    mg_hash_aset(S.traps, o, MG_TRUE);
}

/* ---- transaction boundaries ---- */

typedef struct { uint64_t own_seq; bool base_changed; } Invalidate;

static void
invalidate_one(uint64_t seq, const uint64_t *oops, size_t count, void *arg)
{
    Invalidate *inv = arg;
    mg_notify_log(seq, oops, count, inv->own_seq);
    if (seq == inv->own_seq) return;
    for (size_t i = 0; i < count; i++) {
        Resident *e = tab_find(oops[i]);
        if (!e) continue;
        Obj *o = e->obj;
        if (oops[i] < MG_OOP_FIRST && oops[i] != MG_OOP_ROOT) inv->base_changed = true;
        if ((o->flags & OF_DIRTY) || !mg_body_present(o)) continue;
        if (is_class(o)) queue_reread(o);
        else if (mg_record_keep(o)) continue;       /* a running frame's locals stay */
        else if (is_anchor(o) || o->type <= T_HEAP_LAST) mg_record_evict(o);
    }
}

static void
refresh_view(uint64_t own_seq)
{
    /* Hold the old view until the log has been read: a live view is what
     * keeps the stone from trimming log entries this gem still needs. */
    uint64_t old = S.view_seq;
    MgView *next;
    /* after a commit of ours: the view that commit may have brought along (no round trip) */
    MgStoreErr e = (own_seq ? mg_view_begin_next : mg_view_begin)(S.repo, &next);
    /* A view after a commit that was made is tried again for a while (a
     * lost connection is made again by the next call; the server may be
     * restarting): an error out of commit_transaction would say the commit
     * failed, and the program would do it again. */
    struct timespec t0, t;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (unsigned ms = 50; e == MG_STORE_IO && own_seq; ms = ms < 1000 ? 2 * ms : ms) {
        clock_gettime(CLOCK_MONOTONIC, &t);
        if (t.tv_sec - t0.tv_sec >= 15) break;
        usleep(ms * 1000u);
        e = mg_view_begin(S.repo, &next);
    }
    if (e) mg_store_storage_error(own_seq ? "begin the view after a commit that was made" : "begin view");
    uint64_t seq = mg_view_seq(next);
    Invalidate inv = { own_seq, false };
    if (seq != old && mg_repo_log_since(S.repo, old, invalidate_one, &inv)) {
        mg_view_end(next);
        mg_store_storage_error("read commit log");
    }
    mg_view_end(S.view);
    S.view = next;
    S.view_seq = seq;
    gc_vote();
    if (seq == old) return;
    if (S.code_seq == old && !inv.base_changed) S.code_seq = S.view_seq;
}

static void reread_class(Obj *o);

/* After a boundary: code committed elsewhere becomes visible (invariant 6). */
static void
refresh_code(void)
{
    for (size_t i = 0; i < S.reread.n; i++) reread_class(S.reread.v[i]);
    S.reread.n = 0;
    if (S.code_seq) mg_store_load_code();
    drain_apply();
}

/* ---- commit ---- */

typedef struct {
    Obj **newly; size_t n, cap;
    Obj **parent;              /* parallel to newly */
    Obj *current;
    Obj *bad;                  /* first object that cannot persist */
    const char *why;
    Obj **mapk; size_t *mapv; size_t mapcap, mapped;   /* newly[i] -> i for path_to, built on demand */
} Walk;

static void
walk_free(Walk *w)
{
    free(w->newly);
    free(w->parent);
    free(w->mapk);
    free(w->mapv);
}

static const char *
unpersistable_reason(Obj *o)
{
    if (o->oop >= ((uint64_t)1 << 60))
        return "its object id was taken while the repository could not be opened (an id of this process only)";
    switch ((ObjType)o->type) {
    case T_OBJECT: case T_STRING: case T_ARRAY: case T_HASH: case T_RANGE: break;
    case T_DATA: {
        const char *why = mg_record_refuse(o);
        if (why) return why;
        break;
    }
    case T_CLASS: case T_MODULE:
        if (o->flags & OF_SINGLETON) return "singleton classes cannot be persisted yet";
        if (o->flags & OF_PERSISTABLE) return NULL;
        return "it was defined in transient mode (classes persist when defined in Maglev.persistent)";
    default: return "objects of this kind cannot be persisted";
    }
    if (o->klass && (o->klass->hdr.flags & OF_SINGLETON) && mg_code_singleton_primitive(o->klass))
        return "its singleton methods are written in C (as ENV's are), so they could not be made again where it is read";
    RClass *c = mg_class_real(o->klass);      /* a singleton class travels with its object (code.c) */
    if (!c) return "it has no class";
    if (c->hdr.flags & CF_NO_PERSISTENT_INSTANCES) return "its class does not allow persistent instances";
    if (mg_store_wellknown_oop(MG_VAL(c)) || (c->hdr.flags & OF_PERSISTABLE)) return NULL;
    return "its class was defined in transient mode";
}

static Value path_to(Walk *w, size_t idx);

/* Conflicting OOPs with each page of a paged Array replaced by the Array
 * (paged.c rule P1: its spine conflicts too), without repeats. */
static size_t
paged_owners(uint64_t *oops, size_t n)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t oop = oops[i];
        if (!tab_find(oop)) {
            Obj *owner = mg_paged_owner(oop);
            if (owner) oop = owner->oop;
        }
        bool seen = false;
        for (size_t j = 0; j < m && !seen; j++) seen = oops[j] == oop;
        if (!seen) oops[m++] = oop;
    }
    return m;
}

static void
reach(Value ref, void *arg)
{
    Walk *w = arg;
    if (!MG_IS_PTR(ref) || w->bad) return;
    Obj *o = MG_OBJ(ref);
    if (o->flags & OF_PERSISTENT) return;
    if (o->type == T_FLOAT || o->type == T_BIGNUM) return;   /* stored inline as values */
    if (o->type == T_DATA && mg_record_value_p(ref)) return; /* an Encoding, likewise */
    if (is_class(o) && (o->flags & CF_NIL_REFERENCES)) return;   /* written as nil */
    if (mg_store_wellknown_oop(ref)) return;
    if (UNLIKELY(o->type == T_CLASS && (o->flags & OF_SINGLETON)) && MG_IS_CLASS_OR_MODULE(((RClass *)o)->u.attached)
        && !(w->current && is_class(w->current))) {
        /* written as its class (record.c, REF_META), which persists; decoding
         * one faults the class, so a class record may not hold one (a cycle) */
        reach(((RClass *)o)->u.attached, arg);
        return;
    }
    const char *why = unpersistable_reason(o);
    if (why) {
        w->bad = o;
        w->why = why;
        if (w->n == w->cap) {
            w->cap = w->cap ? w->cap * 2 : 64;
            w->newly = realloc(w->newly, w->cap * sizeof(Obj *));
            w->parent = realloc(w->parent, w->cap * sizeof(Obj *));
            if (!w->newly || !w->parent) mg_raise_nomem();
        }
        w->newly[w->n] = o;
        w->parent[w->n] = w->current;
        w->n++;
        o->flags |= OF_PERSISTENT;   /* undone below with the rest */
        return;
    }
    mg_obj_oop(ref);
    o->flags |= OF_PERSISTENT | OF_DIRTY;
    if (o->klass && (o->klass->hdr.flags & OF_SINGLETON)) mg_code_singleton_capture(o);
    if (w->n == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 64;
        w->newly = realloc(w->newly, w->cap * sizeof(Obj *));
        w->parent = realloc(w->parent, w->cap * sizeof(Obj *));
        if (!w->newly || !w->parent) mg_raise_nomem();
    }
    w->newly[w->n] = o;
    w->parent[w->n] = w->current;
    w->n++;
    ws_add(o);
    if (UNLIKELY(S.traps != MG_NIL) && mg_hash_lookup(S.traps, ref) != MG_UNDEF) {
        Value path = path_to(w, w->n - 1);
        fprintf(stderr, "maglev: trapped %s joins the commit at %s\n", mg_class_cname(mg_obj_class(ref)), mg_str_cstr(path));
    }
}

/* Describes how child hangs from parent: "[:key]", "[3]", ".@name", or "". */
typedef struct { Value child; Value label; } EdgeFind;

static bool
edge_ivar(ID name, Value v, void *arg)
{
    EdgeFind *f = arg;
    if (v != f->child || f->label != MG_NIL) return true;
    f->label = mg_sprintf(".%s", mg_id_name(name, NULL));
    return false;
}

static Value
edge_label(Obj *parent, Value child)
{
    EdgeFind f = { child, MG_NIL };
    Value p = MG_VAL(parent);
    if (parent->type == T_ARRAY) {
        RArray *a = (RArray *)parent;
        for (int64_t i = 0; i < a->len; i++)
            if (a->ptr[i] == child) return mg_sprintf("[%lld]", (long long)i);
    } else if (parent->type == T_HASH) {
        Value k, v;
        for (int64_t it = 0; mg_hash_next(p, &it, &k, &v);) {
            if (v == child) {
                Value s = mg_str_new_cstr("[");
                mg_str_append(s, mg_inspect(k));
                mg_str_cat(s, "]", 1);
                return s;
            }
            if (k == child) return mg_str_new_cstr(".keys");
        }
    } else if (parent->type == T_RANGE) {
        return mg_str_new_cstr(((RRange *)parent)->beg == child ? ".begin" : ".end");
    } else if (parent->type == T_CLASS && MG_VAL(mg_class_real(((RClass *)parent)->super)) == child) {
        return mg_str_new_cstr(".superclass");
    } else if (parent->type == T_DATA) {
        Value l = mg_closure_edge_label(p, child);
        if (l != MG_NIL) return l;
    }
    mg_ivar_foreach(p, edge_ivar, &f);
    if (f.label == MG_NIL && parent->klass && MG_VAL(mg_class_real(parent->klass)) == child) return mg_str_new_cstr(".class");
    return f.label != MG_NIL ? f.label : mg_str_new_cstr("");
}

static size_t
walk_slot(const Walk *w, const Obj *o)
{
    size_t h = ((uintptr_t)o >> 4) * 0x9E3779B97F4A7C15ull;
    size_t i = h & (w->mapcap - 1);
    while (w->mapk[i] && w->mapk[i] != o) i = (i + 1) & (w->mapcap - 1);
    return i;
}

/* The index in newly of o, or SIZE_MAX: a persistent object (a path's top).
 * The map takes in what the walk reached since the last call. */
static size_t
walk_index(Walk *w, const Obj *o)
{
    if (w->mapped < w->n) {
        if (2 * w->n > w->mapcap) {
            size_t cap = 64;
            while (cap < 4 * w->n) cap *= 2;
            free(w->mapk);
            free(w->mapv);
            w->mapk = calloc(cap, sizeof *w->mapk);
            w->mapv = malloc(cap * sizeof *w->mapv);
            if (!w->mapk || !w->mapv) mg_raise_nomem();
            w->mapcap = cap;
            w->mapped = 0;
        }
        for (; w->mapped < w->n; w->mapped++) {
            size_t i = walk_slot(w, w->newly[w->mapped]);
            w->mapk[i] = w->newly[w->mapped];
            w->mapv[i] = w->mapped;
        }
    }
    size_t i = walk_slot(w, o);
    return w->mapk[i] ? w->mapv[i] : SIZE_MAX;
}

/* A path named from top: chain[0] is the object the path ends at, each
 * chain[i + 1] the one chain[i] hangs from, chain[n - 1] top's child. At
 * most PATH_SHOWN steps are named: the first and last halves, with how many
 * lie between. */
enum { PATH_SHOWN = 24 };

static Value
path_string(Value s, Obj *top, Obj **chain, size_t n)
{
    for (size_t k = n; k-- > 0;) {
        size_t down = n - 1 - k;                   /* steps from the top */
        if (n > PATH_SHOWN && down == PATH_SHOWN / 2) {
            mg_str_catf(s, "...(%zu steps)...", n - PATH_SHOWN);
            k = PATH_SHOWN / 2;
            continue;
        }
        mg_str_append(s, edge_label(k + 1 < n ? chain[k + 1] : top, MG_VAL(chain[k])));
    }
    return s;
}

static Value
path_to(Walk *w, size_t idx)
{
    /* walk up the parents of newly reached objects to a dirty persistent one */
    size_t n = 0, cap = 64;
    Obj **chain = malloc(cap * sizeof *chain);
    if (!chain) mg_raise_nomem();
    Obj *parent = w->parent[idx];
    chain[n++] = w->newly[idx];
    for (size_t j; parent && (j = walk_index(w, parent)) != SIZE_MAX; parent = w->parent[j]) {
        if (n == cap) {
            Obj **c = realloc(chain, (cap *= 2) * sizeof *chain);
            if (!c) { free(chain); mg_raise_nomem(); }
            chain = c;
        }
        chain[n++] = parent;
    }
    Value s;
    if (parent == MG_OBJ(S.root)) s = mg_str_new_cstr("Maglev::PERSISTENT_ROOT");
    else if (is_class(parent)) s = mg_str_new_cstr(mg_class_cname((RClass *)parent));   /* a class named as Ruby does */
    else s = mg_sprintf("#<%s oop=%llu>", mg_class_cname(mg_obj_class(MG_VAL(parent))), (unsigned long long)parent->oop);
    /* (the strings allocate: chain's objects are reachable from the walk's roots, newly is a root) */
    path_string(s, parent, chain, n);
    free(chain);
    return s;
}

static void
undo_walk(Walk *w)
{
    for (size_t i = 0; i < w->n; i++) {
        w->newly[i]->flags &= ~(OF_PERSISTENT | OF_DIRTY);
        forget(w->newly[i]);      /* encoding entered it in the resident table: a transient object must not stay there */
    }
    /* drop them from the write set (they were appended at its end) */
    size_t keep = 0;
    for (size_t i = 0; i < S.ws_len; i++)
        if (S.ws[i]->flags & OF_PERSISTENT) S.ws[keep++] = S.ws[i];
    S.ws_len = keep;
}

static NORETURN void
raise_transaction_error(Walk *w)
{
    size_t idx = w->n - 1;
    Value obj = MG_VAL(w->bad);
    Value path = path_to(w, idx);
    const char *why = w->why;
    undo_walk(w);
    walk_free(w);
    /* a class or module by its name ("class T1"), anything else by its class */
    Value what = is_class(w->bad) ? mg_sprintf("%s %s", w->bad->type == T_MODULE ? "module" : "class", mg_class_cname((RClass *)w->bad))
                                  : mg_str_new_cstr(mg_class_cname(mg_obj_class(obj)));
    Value exc = mg_exc_new(mg_eTransactionError, "cannot commit %s at %s: %s", mg_str_cstr(what), mg_str_cstr(path), why);
    mg_ivar_set(exc, mg_intern_cstr("@object"), obj);
    mg_raise_exc(exc);
}

/* ---- where a conflicting object hangs from the root ----
 * A breadth-first walk from PERSISTENT_ROOT over what is resident and
 * faulted -- never faulting, never entering classes, at most PATH_BUDGET
 * objects -- so it is cheap; an object it does not reach gets no path. */
enum { PATH_BUDGET = 200000 };
typedef struct { Obj **obj; uint32_t *parent; size_t n, cap; Obj **set; size_t mask; bool full; } PathWalk;

static bool
path_seen(PathWalk *w, Obj *o)
{
    size_t h = ((uintptr_t)o >> 4) * 0x9E3779B97F4A7C15ull;
    for (size_t i = h & w->mask;; i = (i + 1) & w->mask) {
        if (w->set[i] == o) return true;
        if (!w->set[i]) { w->set[i] = o; return false; }
    }
}

typedef struct { PathWalk *w; uint32_t from; } PathStep;

static void
path_visit(Value v, void *arg)
{
    PathStep *st = arg;
    PathWalk *w = st->w;
    if (!MG_IS_PTR(v) || w->full) return;
    Obj *o = MG_OBJ(v);
    if (is_class(o) || path_seen(w, o)) return;
    if (w->n == w->cap) { w->full = true; return; }
    w->obj[w->n] = o;
    w->parent[w->n] = st->from;
    w->n++;
}

/* "Maglev::PERSISTENT_ROOT[:users][\"bob\"]", or nil. */
static Value
root_path(Obj *target)
{
    Obj *root = MG_OBJ(S.root);
    if (root->flags & OF_UNFAULTED) return MG_NIL;
    if (target == root) return mg_str_new_cstr("Maglev::PERSISTENT_ROOT");
    PathWalk w = { 0 };
    w.cap = PATH_BUDGET;
    w.mask = 2 * 262144 - 1;      /* a power of two above twice the budget */
    w.obj = malloc(w.cap * sizeof *w.obj);
    w.parent = malloc(w.cap * sizeof *w.parent);
    w.set = calloc(w.mask + 1, sizeof *w.set);
    Value out = MG_NIL;
    if (!w.obj || !w.parent || !w.set) goto done;
    path_seen(&w, root);
    w.obj[w.n] = root;
    w.parent[w.n++] = UINT32_MAX;
    size_t found = SIZE_MAX;
    for (size_t i = 0; i < w.n && found == SIZE_MAX; i++) {
        Obj *o = w.obj[i];
        if (o == target) { found = i; break; }
        if (o->flags & OF_UNFAULTED) continue;
        PathStep st = { &w, (uint32_t)i };
        mg_record_each_ref(o, path_visit, &st);
    }
    if (found == SIZE_MAX) goto done;
    /* the labels allocate: every object on the path is reachable from the root */
    size_t n = 0;
    for (size_t i = found; w.parent[i] != UINT32_MAX; i = w.parent[i]) w.set[n++] = w.obj[i];   /* (set is done with) */
    out = path_string(mg_str_new_cstr("Maglev::PERSISTENT_ROOT"), root, w.set, n);
done:
    free(w.obj);
    free(w.parent);
    free(w.set);
    return out;
}

static NORETURN void
raise_conflict(const uint64_t *oops, size_t n, bool locked)
{
    Value objs = mg_ary_new();
    Value msg = locked
        ? mg_sprintf("commit failed: %zu object%s %s:", n, n == 1 ? "" : "s", mg_repo_error(S.repo))
        : mg_sprintf("commit failed: %zu write-write conflict%s with another commit:", n, n == 1 ? "" : "s");
    for (size_t i = 0; i < n; i++) {
        Resident *e = tab_find(oops[i]);
        if (!e) continue;
        Value o = MG_VAL(e->obj);
        mg_ary_push(objs, o);
        const char *cname = e->obj->klass ? mg_class_cname(mg_obj_class(o)) : "Object";
        Value path = i < 16 && !is_class(e->obj) ? root_path(e->obj) : MG_NIL;
        if (is_class(e->obj))     /* its definitions: named by the class, not as "Class" */
            mg_str_catf(msg, " %s %s (oop %llu)", e->obj->type == T_MODULE ? "module" : "class",
                        mg_class_cname((RClass *)e->obj), (unsigned long long)oops[i]);
        else if (path != MG_NIL) mg_str_catf(msg, " %s %s (oop %llu)", cname, mg_str_cstr(path), (unsigned long long)oops[i]);
        else mg_str_catf(msg, " %s (oop %llu)", cname, (unsigned long long)oops[i]);
        if (i + 1 < n) mg_str_cat(msg, ",", 1);
    }
    Value exc = mg_exc_new_str(mg_eCommitFailedException, msg);
    mg_ivar_set(exc, mg_intern_cstr("@conflicts"), objs);
    mg_raise_exc(exc);
}

/* ---- reduced-conflict replay (RCCounter, RCHash, RCQueue: lib/prelude/rc.rb) ----
 * See the opening comment's "Reduced-conflict objects". */

enum { RC_MAX_ROUNDS = 256 };
static Value rc_log = MG_NIL;    /* Array of [rc, state, op, args], oldest first, or nil */
static int rc_rounds;            /* replays since the last successful commit or abort */
static uint64_t rc_replays;      /* conflicts resolved by replaying, for statistics */

void
mg_store_rc_log(Value rc, Value state, Value op, Value args)
{
    static bool registered;
    if (!MG_IS_PTR(state) || !mg_store_committed_p(state)) return;   /* a new state cannot conflict */
    if (!registered) { mg_gc_register(&rc_log); registered = true; }
    if (rc_log == MG_NIL) rc_log = mg_ary_new();
    mg_ary_push(rc_log, mg_ary_new_from(4, (Value[]){ rc, state, op, args }));
}

size_t
mg_store_rc_log_len(void)
{
    return rc_log == MG_NIL ? 0 : (size_t)mg_ary_len(rc_log);
}

void
mg_store_rc_log_truncate(size_t len)
{
    while (mg_store_rc_log_len() > len) mg_ary_pop(rc_log);
}

uint64_t
mg_store_rc_replays(void)
{
    return rc_replays;
}

static void
rc_log_clear(void)
{
    rc_log = MG_NIL;
    rc_rounds = 0;
}

static bool
rc_stale(Obj *o, Value stale)
{
    for (int64_t i = 0; i < mg_ary_len(stale); i++)
        if (MG_OBJ(mg_ary_entry(stale, i)) == o) return true;
    return false;
}

static Value
rc_redo(Value redo)
{
    ID replay = mg_intern_cstr("__rc_replay");
    for (int64_t j = 0; j < mg_ary_len(redo); j++) {
        Value entry = mg_ary_entry(redo, j);
        Value argv[2] = { mg_ary_entry(entry, 2), mg_ary_entry(entry, 3) };
        mg_funcall(mg_ary_entry(entry, 0), replay, 2, argv);
    }
    return MG_NIL;
}

static void rc_undo(size_t mark, Value stale, const uint64_t *versions, Value log);
static void drop_preimages(size_t from);

/* Called with the write set intact after the backend reported conflicts.
 * If every conflicting object is the state of a logged RC object: drops this
 * transaction's changes to those states, moves the view forward, replays
 * their logged operations (Ruby code; an operation that no longer commutes
 * raises CommitFailedException) and commits again. False: not replayable. */
static bool
rc_replay(const uint64_t *conflicts, size_t n)
{
    if (rc_rounds >= RC_MAX_ROUNDS) { rc_rounds = 0; return false; }   /* a later commit may try again */
    if (rc_log == MG_NIL || n == 0) return false;
    Value stale = mg_ary_new();
    int64_t len = mg_ary_len(rc_log);
    for (size_t i = 0; i < n; i++) {
        Resident *e = tab_find(conflicts[i]);
        if (!e) return false;
        bool logged = false;
        for (int64_t j = 0; j < len && !logged; j++)
            logged = mg_ary_entry(mg_ary_entry(rc_log, j), 1) == MG_VAL(e->obj);
        if (!logged) return false;
        mg_ary_push(stale, MG_VAL(e->obj));
    }
    /* R5: an RC object with several states (IdentitySet's tree nodes) replays
     * as a whole: every state it logged is dropped with the conflicting ones */
    for (int64_t j = 0; j < len; j++) {
        Value entry = mg_ary_entry(rc_log, j), st = mg_ary_entry(entry, 1);
        if (rc_stale(MG_OBJ(st), stale)) continue;
        for (int64_t k = 0; k < len; k++) {
            Value other = mg_ary_entry(rc_log, k);
            if (mg_ary_entry(other, 0) == mg_ary_entry(entry, 0) && rc_stale(MG_OBJ(mg_ary_entry(other, 1)), stale)) {
                mg_ary_push(stale, st);
                break;
            }
        }
    }
    rc_rounds++;
    rc_replays++;
    if (rc_rounds > 4) {
        /* losing again and again to the same writers: back off a random while
         * (up to ~6 ms) so that one of the contenders gets through */
        static unsigned seed;
        if (!seed) seed = (unsigned)getpid() ^ (unsigned)(uintptr_t)&seed;
        int shift = rc_rounds - 4 < 6 ? rc_rounds - 4 : 6;
        usleep((useconds_t)(rand_r(&seed) % (100u << shift)));
    }
    /* R7: a replay that fails puts back what it took: the stale states'
     * bodies as this transaction changed them (pre-images), their expected
     * versions and the log */
    size_t mark = N.npre;
    int64_t nstale = mg_ary_len(stale);
    uint64_t *versions = malloc((size_t)nstale * sizeof *versions);
    if (!versions) mg_raise_nomem();
    for (int64_t i = 0; i < nstale; i++) {
        Obj *o = MG_OBJ(mg_ary_entry(stale, i));
        Resident *e = tab_find(o->oop);
        versions[i] = e ? e->version : 0;
        take_preimage(o, false);
    }
    Value log = rc_log;
    /* our changes to the stale states go; their bodies refault from the new view */
    size_t keep = 0;
    for (size_t i = 0; i < S.ws_len; i++)
        if (!rc_stale(S.ws[i], stale)) S.ws[keep++] = S.ws[i];
    S.ws_len = keep;
    for (int64_t i = 0; i < mg_ary_len(stale); i++) mg_record_evict(MG_OBJ(mg_ary_entry(stale, i)));
    refresh_view(0);
    /* the stale states' operations leave the log; replaying them logs them again */
    Value redo = mg_ary_new(), rest = mg_ary_new();
    for (int64_t j = 0; j < len; j++) {
        Value entry = mg_ary_entry(rc_log, j);
        mg_ary_push(rc_stale(MG_OBJ(mg_ary_entry(entry, 1)), stale) ? redo : rest, entry);
    }
    rc_log = rest;
    mg_gc_protect(log);
    Value exc;
    mg_protect(rc_redo, redo, &exc);
    if (exc != MG_NIL) {
        rc_undo(mark, stale, versions, log);
        free(versions);
        refresh_code();
        mg_raise_exc(exc);
    }
    free(versions);
    drop_preimages(mark);
    mg_store_commit();
    return true;
}

void (*mg_store_precommit_hook)(void);

Value
mg_store_dirty_with(ID a, ID b)
{
    Value out = mg_ary_new();
    for (size_t i = 0; i < S.ws_len; i++) {
        Obj *o = S.ws[i];
        if ((o->flags & OF_UNFAULTED) || is_class(o)) continue;
        if (mg_ivar_lookup(MG_VAL(o), a) != MG_UNDEF || mg_ivar_lookup(MG_VAL(o), b) != MG_UNDEF)
            mg_ary_push(out, MG_VAL(o));
    }
    return out;
}

void
mg_store_commit(void)
{
    if (N.level > 1) { nested_commit(); return; }
    if (S.failed) retry_open();
    if (mg_store_precommit_hook) mg_store_precommit_hook();
    if (!S.opened && S.ws_len == 0) return;
    ensure_open();
    envs_check();
    /* (1) persistence by reachability from everything dirty */
    size_t first_new = S.ws_len;          /* the walk appends the newly persistent */
    Walk w = { 0 };
    for (size_t i = 0; i < S.ws_len; i++) {
        Obj *o = S.ws[i];
        if (o->flags & OF_UNFAULTED) continue;
        w.current = o;
        if (UNLIKELY(mg_paged_obj_p(o)) && mg_paged_each_changed(o, reach, &w)) {
            /* only the elements stored into since it was read or written can be new (paged.c P5) */
            mg_record_each_ref_head(o, reach, &w);
        } else {
            mg_record_each_ref(o, reach, &w);
        }
        if (w.bad) raise_transaction_error(&w);
    }
    /* (2) encode the write set: every record into one buffer; slot[i] is
     * S.ws[i]'s resident entry (the newly persistent are inserted without a
     * lookup). No entry moves between here and (4): the table has room for
     * every insert, and nothing in the write set is forgotten (it is a root). */
    size_t n = S.ws_len;
    size_t *slot = malloc((n ? n : 1) * sizeof *slot);
    size_t *off = malloc((n ? n : 1) * sizeof *off);
    MgWrites ws = { calloc(n ? n : 1, sizeof *ws.v), 0, n ? n : 1 };   /* the objects' records, then pages */
    if (!ws.v || !slot || !off) mg_raise_nomem();
    tab_reserve(n);                              /* no insert below moves an entry */
    MgBuf buf = { 0 };
    mg_buf_reserve(&buf, n * 48);                /* a small record's size: fewer copies while it grows */
    MgWrites pages = { NULL, 0, 0 };             /* paged Arrays' pages (paged.c) */
    mg_paged_done(false, 0);                     /* what a commit that raised here left is no encoding of this one */
    size_t nw = 0;
    for (size_t i = 0; i < n; i++) {             /* one pass: 2M objects are 2M cache misses a pass */
        Obj *o = S.ws[i];
        slot[i] = SIZE_MAX;
        if (o->flags & OF_UNFAULTED) continue;
        Resident *e = i >= first_new ? NULL : tab_find(o->oop);
        if (!e) e = tab_insert(o, 0);
        slot[i] = (size_t)(e - S.tab);
        off[nw] = buf.len;
        if (UNLIKELY(o->type == T_ARRAY || o->type == T_HASH) && mg_paged_p(o)) off[nw] = mg_paged_encode(o, &buf, &pages, alloc_oop);
        else mg_record_encode_append(o, &buf);
        ws.v[nw] = (MgWrite){ o->oop, e->version, NULL, buf.len - off[nw], false };
        nw++;
    }
    for (size_t i = 0; i < nw; i++) ws.v[i].data = buf.ptr + off[i];
    ws.n = nw;
    for (size_t i = 0; i < pages.n; i++) {
        MgWrite p = pages.v[i];
        p.data = buf.ptr + (uintptr_t)p.data;
        mg_paged_writes_add(&ws, p);
    }
    free(pages.v);
    /* (3) the commit itself */
    uint64_t seq = 0, conflicts[16];
    size_t nconf = 0;
    MgStoreErr err = mg_repo_commit(S.repo, ws.v, ws.n, &seq, conflicts, 16, &nconf);
    mg_paged_done(!err, seq);
    if (!err)                                    /* (4) the write set is clean at the new version */
        for (size_t i = 0, j = 0; i < n; i++) {
            Obj *o = S.ws[i];
            o->flags &= ~OF_DIRTY;
            if (slot[i] == SIZE_MAX) {           /* unfaulted: not written */
                Resident *e = tab_find(o->oop);
                if (e) e->version = seq;
                continue;
            }
            if (is_env(o)) env_note(o, bytes_hash(ws.v[j].data, ws.v[j].len));
            if (mg_paged_obj_p(o) && !mg_paged_p(o)) mg_paged_forget(o);   /* written whole */
            j++;
            S.tab[slot[i]].version = seq;
        }
    else
        nconf = paged_owners(conflicts, nconf);
    mg_buf_free(&buf);
    free(ws.v);
    free(off);
    if (err) {
        free(slot);
        undo_walk(&w);
        walk_free(&w);
        if (err == MG_STORE_CONFLICT && rc_replay(conflicts, nconf)) return;   /* replayed on fresh state and committed */
        if (err == MG_STORE_CONFLICT || err == MG_STORE_LOCKED) {
            /* MAGLEV-API.md section 2 (GemStone's commitTransaction): a failed
             * commit keeps this transaction's changes but refreshes the view,
             * so other commits show wherever they do not conflict with them;
             * the dirty objects keep their expected versions, so a retry
             * without an abort fails again */
            refresh_view(0);
            refresh_code();
            raise_conflict(conflicts, nconf, err == MG_STORE_LOCKED);
        }
        mg_store_storage_error("commit");
    }
    walk_free(&w);
    free(slot);                                  /* (5) move the view */
    S.ws_len = 0;
    rc_log_clear();
    refresh_view(nw ? seq : 0);   /* an empty commit wrote nothing: every logged commit is another's */
    refresh_code();
    if (mg_store_boundary_hook) mg_store_boundary_hook(true, nw ? seq : S.view_seq, nw);
}

void
mg_store_abort(void)
{
    if (N.level > 1) { nested_abort(); return; }
    if (S.failed) retry_open();
    if (!S.opened) { S.ws_len = 0; return; }
    envs_check();               /* changed captured variables are reset too */
    for (size_t i = 0; i < S.ws_len; i++) {
        Obj *o = S.ws[i];
        Resident *e = tab_find(o->oop);
        if ((!e || e->version == 0) && !is_anchor(o)) {
            /* never committed: it goes back to being transient, with its changes */
            o->flags &= ~(OF_PERSISTENT | OF_DIRTY);
            forget(o);
            if (is_class(o) && mg_store_wellknown_oop(MG_VAL(o))) {
                /* but a base-image class without a record yet (Object in a new
                 * repository) is no new object: the definitions recorded in it
                 * are undone, or its next commit would write them */
                empty_defs((RClass *)o);
                queue_apply(o);
            }
            continue;
        }
        if (is_class(o)) {
            /* its record is read again (the committed definitions table and
             * class ivars), then applied: definitions it lost are undone */
            o->flags &= ~OF_DIRTY;
            queue_reread(o);
            continue;
        }
        if (mg_record_keep(o)) {      /* a running frame's locals keep their values */
            o->flags &= ~OF_DIRTY;
            continue;
        }
        mg_record_evict(o);
    }
    S.ws_len = 0;
    rc_log_clear();
    refresh_view(0);
    refresh_code();
    if (mg_store_boundary_hook) mg_store_boundary_hook(false, S.view_seq, 0);
}

/* ---- nested transactions ----
 * Level 1 is the outermost transaction, the only one whose commit reaches the
 * repository. mg_store_begin_nested opens level n+1 (at most
 * MG_TXN_MAX_LEVEL): from then on every persistent object's state at the
 * level's start is kept as a pre-image -- an in-memory shallow copy of its
 * body (ivar slots, bytes, elements, hash table, range ends, generic ivars,
 * class and flags), never a repository record:
 *   - objects already dirty when the level opens: copied right then
 *     (take_preimage over the write set: the barrier will not fire again);
 *   - objects first dirtied inside the level: copied by dirty(), which the
 *     write barrier calls before the store.
 * Commit at level n > 1 (nested_commit): the changes stay in memory and in
 * the write set, now belonging to level n-1; the pre-images of objects first
 * dirtied in level n move to level n-1 (their state at n's start is their
 * state at n-1's start: they were clean), the others are dropped.
 * Abort at level n > 1 (nested_abort): every pre-image of the level is put
 * back in place (references held anywhere see the old state); objects first
 * dirtied in the level are clean again and leave the write set; objects that
 * became persistent during the level -- staged classes, the only way an
 * object becomes persistent without an outermost commit -- go back to
 * transient (a class stays persistable), as an outermost abort does with
 * them. A class or module recorded into during the level (a definition
 * made in persistent mode) gets a pre-image of its definitions table
 * (take_class_preimage); abort puts it back and applies it, which removes
 * the methods and constants the level defined (code.c apply_body) and
 * replays the definitions they replaced. Not undone at a nested level:
 * include/extend, and class-level instance variables and class variables
 * set in it (an outermost abort reads the class record again, which resets
 * class ivars and variables; include/extend stay there too).
 * Neither moves the view. begin_transaction (mg_store_begin) drops every level and
 * aborts the outermost transaction. */

typedef struct PreImage {
    Obj *obj;
    Obj *twin;                 /* a transient copy of a String/Array/Hash body; holds the generic ivars */
    RClass *klass;
    uint16_t flags;
    bool fresh;                /* obj was first dirtied in this pre-image's level */
    bool code;                 /* a class's definitions table: twin maps each of its keys to a copy */
    bool reread;               /* an Env clean at the level's start, changed in it before it was
                                * dirtied: its state then is its record's (env_dirtied_late) */
    Value *ivs; uint32_t nivs; /* T_OBJECT: the ivar slots */
    Value beg, end;            /* T_RANGE */
    void *data; uint32_t ndata;  /* T_DATA (persistable, in its slot): a copy of the payload */
    const DataType *dtype;
} PreImage;

/* The pre-images from `from` on are forgotten. */
static void
drop_preimages(size_t from)
{
    for (size_t i = from; i < N.npre; i++) {
        free(N.pre[i].ivs);
        free(N.pre[i].data);
    }
    N.npre = from;
}

static void
take_preimage(Obj *o, bool fresh)
{
    if (is_class(o) || (o->flags & OF_UNFAULTED)) return;
    PreImage p = { o, NULL, o->klass, o->flags, fresh, false, false, NULL, 0, MG_NIL, MG_NIL, NULL, 0, NULL };
    Value v = MG_VAL(o);
    switch ((ObjType)o->type) {
    case T_OBJECT:
        p.nivs = o->extra;
        if (p.nivs) {
            p.ivs = malloc(p.nivs * sizeof(Value));
            if (!p.ivs) mg_raise_nomem();
            memcpy(p.ivs, ((RObject *)o)->ivs, p.nivs * sizeof(Value));
        }
        break;
    case T_STRING: p.twin = MG_OBJ(mg_str_dup(v)); break;
    case T_ARRAY: p.twin = MG_OBJ(mg_ary_dup(v)); break;
    case T_HASH: p.twin = MG_OBJ(mg_hash_dup(v)); break;
    case T_RANGE:
        p.beg = ((RRange *)o)->beg;
        p.end = ((RRange *)o)->end;
        break;
    case T_DATA: {
        RData *d = (RData *)o;
        const MgDataPersist *dp = d->type ? d->type->persist : NULL;
        if (!dp || !(o->flags & OF_DATA_INLINE)) return;
        p.dtype = d->type;
        p.ndata = dp->size ? dp->size : dp->size_of(d->ptr);
        p.data = malloc(p.ndata);
        if (!p.data) mg_raise_nomem();
        memcpy(p.data, d->ptr, p.ndata);
        break;
    }
    default:
        return;
    }
    if (o->flags & OF_GENIVAR) {
        if (!p.twin) {
            p.twin = mg_gc_alloc(sizeof(RRange), T_RANGE, mg_cRange);
            ((RRange *)p.twin)->beg = ((RRange *)p.twin)->end = MG_NIL;
        }
        mg_ivar_copy(MG_VAL(p.twin), v);
    }
    if (N.npre == N.cpre) {
        size_t cap = N.cpre ? N.cpre * 2 : 64;
        PreImage *bigger = realloc(N.pre, cap * sizeof *bigger);
        if (!bigger) { free(p.ivs); free(p.data); mg_raise_nomem(); }
        N.pre = bigger;
        N.cpre = cap;
    }
    N.pre[N.npre++] = p;
}

/* Empties c's definitions table in place (its sub-tables too): applying it
 * then undoes what it held (code.c apply_body). */
static void
empty_defs(RClass *c)
{
    Value now = mg_code_defs(c);
    if (MG_IS_PTR(now)) MG_FAULT(now);
    if (!MG_IS_HASH(now)) return;
    Value k, v;
    for (int64_t it = 0; mg_hash_next(now, &it, &k, &v);) {
        if (MG_IS_HASH(v)) mg_hash_clear(v);
        else if (MG_IS_ARRAY(v)) MG_RARRAY(v)->len = 0;
    }
}

#define SWAP(T, a, b) do { T swap_tmp = (a); (a) = (b); (b) = swap_tmp; } while (0)

/* A class recorded into at level n > 1 (mg_store_stage_class): the state of
 * its definitions table at the level's start, one level deep (the tables of
 * constants and methods, the modules list), in a transient Hash; beg holds
 * the table itself (nil: none yet). Taken once per level. */
static void
take_class_preimage(Obj *o)
{
    for (size_t i = N.pre_mark[N.level]; i < N.npre; i++)
        if (N.pre[i].obj == o && N.pre[i].code) return;
    Value defs = mg_code_defs((RClass *)o);
    if (MG_IS_PTR(defs)) MG_FAULT(defs);
    Value copy = mg_hash_new();
    Value k, v;
    for (int64_t it = 0; MG_IS_HASH(defs) && mg_hash_next(defs, &it, &k, &v);) {
        if (MG_IS_PTR(v)) MG_FAULT(v);
        mg_hash_aset(copy, k, MG_IS_HASH(v) ? mg_hash_dup(v) : MG_IS_ARRAY(v) ? mg_ary_dup(v) : v);
    }
    PreImage p = { o, MG_OBJ(copy), o->klass, o->flags, true, true, false, NULL, 0, defs, MG_NIL, NULL, 0, NULL };
    if (N.npre == N.cpre) {
        size_t cap = N.cpre ? N.cpre * 2 : 64;
        PreImage *bigger = realloc(N.pre, cap * sizeof *bigger);
        if (!bigger) mg_raise_nomem();
        N.pre = bigger;
        N.cpre = cap;
    }
    N.pre[N.npre++] = p;
}

/* envs_check at level n > 1 dirtied o, an Env whose values changed with no
 * barrier: the pre-image dirty() just took holds its state now, not at the
 * level's start. It was clean then -- every open level's start checked it
 * -- so its state then is its record's: an abort of the level reads it again
 * (nested_abort), as it does an Env changed in the level and still clean. */
static void
env_dirtied_late(Obj *o)
{
    if (N.level > 1 && N.npre && N.pre[N.npre - 1].obj == o && N.pre[N.npre - 1].fresh)
        N.pre[N.npre - 1].reread = true;
}

static void
restore_class_preimage(PreImage *p)
{
    RClass *c = (RClass *)p->obj;
    Value then = p->beg, now = mg_code_defs(c), copy = MG_VAL(p->twin);
    if (MG_IS_PTR(now)) MG_FAULT(now);
    if (!MG_IS_HASH(then)) {
        empty_defs(c);          /* the table was made in the level: it stays, emptied */
        return;
    }
    if (now != then) mg_code_set_defs(c, then);
    Value keys = mg_hash_keys(then);
    for (int64_t i = 0; i < MG_RARRAY(keys)->len; i++)
        if (mg_hash_lookup(copy, MG_RARRAY(keys)->ptr[i]) == MG_UNDEF) mg_hash_delete(then, MG_RARRAY(keys)->ptr[i]);
    Value k, old;
    for (int64_t it = 0; mg_hash_next(copy, &it, &k, &old);) {
        Value live = mg_hash_lookup(then, k);
        if (MG_IS_HASH(old) && MG_IS_HASH(live)) {
            RHash *a = MG_RHASH(live), *b = MG_RHASH(old);
            SWAP(HashTable *, a->tbl, b->tbl);
        } else if (MG_IS_ARRAY(old) && MG_IS_ARRAY(live)) {
            RArray *a = MG_RARRAY(live), *b = MG_RARRAY(old);
            mg_ary_unembed(a);
            mg_ary_unembed(b);
            SWAP(Value *, a->ptr, b->ptr);
            SWAP(int64_t, a->len, b->len);
            SWAP(int64_t, a->capa, b->capa);
            SWAP(uint32_t, a->hdr.extra, b->hdr.extra);
        } else {
            mg_hash_aset(then, k, old);
        }
    }
}

static void
restore_preimage(PreImage *p)
{
    if (p->code) { restore_class_preimage(p); return; }
    Obj *o = p->obj;
    uint16_t live = OF_PERSISTENT | OF_DIRTY | OF_UNFAULTED | OF_GENIVAR | (o->type == T_OBJECT ? OF_IVEMBED : 0)
                    | (o->type == T_ARRAY || o->type == T_HASH ? OF_PAGED : 0);
    o->flags &= (uint16_t)~OF_FROZEN;        /* the generic ivars go back through mg_ivar_set */
    o->klass = p->klass;
    switch ((ObjType)o->type) {
    case T_OBJECT: {
        RObject *ro = (RObject *)o;
        if (o->extra < p->nivs) {            /* slots only grow; kept for safety */
            Value *ivs = mg_malloc(p->nivs * sizeof(Value));
            if (!(o->flags & OF_IVEMBED)) mg_free(ro->ivs, o->extra * sizeof(Value));
            o->flags &= (uint16_t)~OF_IVEMBED;
            ro->ivs = ivs;
            o->extra = p->nivs;
        }
        for (uint32_t i = 0; i < o->extra; i++) ro->ivs[i] = i < p->nivs ? p->ivs[i] : MG_UNDEF;
        break;
    }
    case T_STRING: {
        RString *a = (RString *)o, *b = (RString *)p->twin;
        mg_str_unembed(a);                     /* a slot's bytes stay with their slot */
        mg_str_unembed(b);
        SWAP(char *, a->ptr, b->ptr);
        SWAP(int64_t, a->len, b->len);
        SWAP(int64_t, a->capa, b->capa);
        SWAP(uint32_t, a->hdr.extra, b->hdr.extra);
        break;
    }
    case T_ARRAY: {
        RArray *a = (RArray *)o, *b = (RArray *)p->twin;
        mg_ary_unembed(a);                     /* a slot's elements stay with their slot */
        mg_ary_unembed(b);
        SWAP(Value *, a->ptr, b->ptr);
        SWAP(int64_t, a->len, b->len);
        SWAP(int64_t, a->capa, b->capa);
        SWAP(uint32_t, a->hdr.extra, b->hdr.extra);      /* the free slots before ptr (array.c) */
        break;
    }
    case T_HASH: {
        RHash *a = (RHash *)o, *b = (RHash *)p->twin;
        SWAP(HashTable *, a->tbl, b->tbl);
        SWAP(Value, a->ifnone, b->ifnone);
        break;
    }
    case T_RANGE:
        ((RRange *)o)->beg = p->beg;
        ((RRange *)o)->end = p->end;
        break;
    case T_DATA:
        if (p->data && ((RData *)o)->type == p->dtype && (o->flags & OF_DATA_INLINE))
            memcpy(((RData *)o)->ptr, p->data, p->ndata);
        break;
    default:
        break;
    }
    if (o->flags & OF_GENIVAR) mg_genivar_free(o);
    if (p->twin && (p->twin->flags & OF_GENIVAR)) mg_ivar_copy(MG_VAL(o), MG_VAL(p->twin));
    o->flags = (uint16_t)((p->flags & ~live) | (o->flags & live));
    if (mg_paged_obj_p(o)) mg_paged_touch(o, 0, INT64_MAX);   /* put back without a barrier */
}

/* A replay that raised (rc_replay, R7): each stale state gets back its body
 * as this transaction had changed it (its pre-image, from mark on) and the
 * version it was read at, so a retry without an abort fails again; it is
 * dirty and in the write set again, and the log is what it was. */
static void
rc_undo(size_t mark, Value stale, const uint64_t *versions, Value log)
{
    for (size_t i = mark; i < N.npre; i++) {
        PreImage *p = &N.pre[i];
        Obj *o = p->obj;
        bool in_ws = (o->flags & OF_DIRTY) != 0;    /* the replay changed it again */
        if (!(o->flags & OF_UNFAULTED)) mg_record_evict(o);   /* the new view's body goes */
        restore_preimage(p);
        o->flags &= (uint16_t)~(OF_UNFAULTED | (o->type == T_ARRAY ? OF_ARY_LAZY : o->type == T_HASH ? OF_HASH_LAZY : 0));
        o->flags |= OF_PERSISTENT | OF_DIRTY;
        if (!in_ws) ws_add(o);
        for (int64_t j = 0; j < mg_ary_len(stale); j++) {
            if (MG_OBJ(mg_ary_entry(stale, j)) != o) continue;
            Resident *e = tab_find(o->oop);
            if (e) e->version = versions[j];
        }
    }
    drop_preimages(mark);
    rc_log = log;
    rc_rounds = 0;
}

static void
mark_nested(void)
{
    for (size_t i = 0; i < N.npre; i++) {
        PreImage *p = &N.pre[i];
        mg_gc_mark_obj(p->obj);
        if (p->twin) mg_gc_mark_obj(p->twin);
        if (p->klass) mg_gc_mark_obj(&p->klass->hdr);
        for (uint32_t j = 0; j < p->nivs; j++) mg_gc_mark(p->ivs[j]);
        mg_gc_mark(p->beg);
        mg_gc_mark(p->end);
        if (p->data && p->dtype->mark) p->dtype->mark(p->data);
    }
}

int
mg_store_level(void)
{
    return N.level;
}

void
mg_store_begin_nested(void)
{
    if (N.level >= MG_TXN_MAX_LEVEL)
        mg_raise(mg_eRuntimeError, "cannot begin a nested transaction: at most %d transaction levels", MG_TXN_MAX_LEVEL);
    envs_check();   /* captured variables changed before the level: in its pre-images */
    size_t mark = N.npre;
    for (size_t i = 0; i < S.ws_len; i++) take_preimage(S.ws[i], false);
    N.level++;
    N.ws_mark[N.level] = S.ws_len;
    N.pre_mark[N.level] = mark;
    N.rc_mark[N.level] = mg_store_rc_log_len();
}

static void
nested_commit(void)
{
    size_t keep = N.pre_mark[N.level];
    for (size_t i = keep; i < N.npre; i++) {
        if (N.pre[i].fresh) N.pre[keep++] = N.pre[i];
        else { free(N.pre[i].ivs); free(N.pre[i].data); }
    }
    N.npre = keep;
    N.level--;
}

static void
nested_abort(void)
{
    size_t from = N.pre_mark[N.level];
    /* an Env changed in the level is still clean (no barrier) and differs from
     * its record, which holds its state at the level's start (begin_nested
     * made dirty the ones changed before): it is read again */
    for (size_t i = 0; i < S.nenvs; i++) {
        Obj *o = S.envs[i].obj;
        if (!(o->flags & (OF_DIRTY | OF_UNFAULTED)) && !mg_record_keep(o) && env_vals_hash(o) != S.envs[i].vals)
            mg_record_evict(o);
    }
    for (size_t i = N.npre; i-- > from;) restore_preimage(&N.pre[i]);
    /* an object whose singleton table went back gets its singleton class
     * rebuilt from it, as after an outermost abort (code.c): what the level
     * defined on it in persistent mode goes, its transient-mode methods stay */
    for (size_t i = from; i < N.npre; i++) {
        Obj *o = N.pre[i].obj;
        RClass *sc = o->klass;
        if (N.pre[i].code || !sc || !(sc->hdr.flags & OF_SINGLETON) || sc->u.attached != MG_VAL(o)) continue;
        if (mg_ivar_lookup(MG_VAL(o), mg_code_singleton_id()) == MG_UNDEF) continue;
        mg_code_singleton_evicted(o);
        o->klass = mg_class_real(sc);
        mg_store_queue_singleton(o);
    }
    ObjList reread = { 0 };
    for (size_t i = from; i < N.npre; i++)
        if (N.pre[i].reread && !mg_record_keep(N.pre[i].obj)) objlist_add(&reread, N.pre[i].obj);
    /* then the classes recorded into apply their restored tables: what the
     * level defined is undone (code.c apply_body) */
    for (size_t i = from; i < N.npre; i++) {
        if (N.pre[i].code) {
            bool seen = false;
            for (size_t j = from; j < i && !seen; j++) seen = N.pre[j].code && N.pre[j].obj == N.pre[i].obj;
            if (!seen) mg_code_apply((RClass *)N.pre[i].obj);
        }
    }
    drop_preimages(from);
    mg_store_rc_log_truncate(N.rc_mark[N.level]);    /* operations rolled back must not replay */
    for (size_t i = N.ws_mark[N.level]; i < S.ws_len; i++) {
        Obj *o = S.ws[i];
        Resident *e = tab_find(o->oop);
        if ((!e || e->version == 0) && !is_anchor(o)) {
            o->flags &= (uint16_t)~(OF_PERSISTENT | OF_DIRTY);
            forget(o);
        } else {
            o->flags &= (uint16_t)~OF_DIRTY;
        }
    }
    S.ws_len = N.ws_mark[N.level];
    for (size_t i = 0; i < reread.n; i++) mg_record_evict(reread.v[i]);   /* clean now: refaulted from the view */
    free(reread.v);
    N.level--;
    drain_apply();   /* the singleton classes queued above */
}

void
mg_store_begin(void)
{
    drop_preimages(0);
    N.level = 1;
    mg_store_abort();
}

/* Whether a resident persistent Env's values changed since it was read or
 * written: a change no barrier put in the write set (envs_check does at the
 * next boundary). */
static bool
envs_changed(void)
{
    MgBuf b = { 0 };
    bool changed = false;
    for (size_t i = 0; i < S.nenvs && !changed; i++) {
        Obj *o = S.envs[i].obj;
        if ((o->flags & (OF_DIRTY | OF_UNFAULTED)) || env_vals_hash(o) == S.envs[i].vals) continue;
        mg_record_encode(o, &b);
        changed = bytes_hash(b.ptr, b.len) != S.envs[i].hash;
    }
    mg_buf_free(&b);
    return changed;
}

bool
mg_store_needs_commit(void)
{
    return S.ws_len > 0 || envs_changed();
}

MgRepo *
mg_store_repo(void)
{
    ensure_open();
    return S.repo;
}

MgView *
mg_store_view(void)
{
    ensure_open();
    return S.view;
}

/* ---- persistent code (code.c) ---- */

static void
stage(Obj *o)
{
    if (o->flags & OF_DIRTY) return;
    mg_obj_oop(MG_VAL(o));
    o->flags |= OF_PERSISTENT | OF_DIRTY;
    ws_add(o);
}

void
mg_store_stage_class(RClass *c)
{
    /* a base-image class's record may exist already: its version is read first */
    if (mg_store_wellknown_oop(MG_VAL(c))) mg_store_load_code();
    if (N.level > 1) take_class_preimage(&c->hdr);
    stage(&c->hdr);
}

/* Reads the record of a resident (faulted) class again: its definitions
 * table, class ivars and class variables as committed; then applies it. */
static void
reread_class(Obj *o)
{
    MgRecord rec;
    MgStoreErr e = mg_view_read(S.view, o->oop, &rec);
    if (e == MG_STORE_NOTFOUND) return;
    if (e) mg_store_storage_error("read");
    {
        DecodeJob job = { o, rec.data, rec.len, false, NULL };
        Value exc;
        S.decoding++;
        mg_protect(run_decode, MG_FIX((int64_t)(intptr_t)&job), &exc);
        S.decoding--;
        if (exc != MG_NIL) mg_raise_exc(exc);
        if (job.err)
            mg_raise(mg_eRuntimeError, "corrupt record for OOP %llu in repository %s: %s",
                     (unsigned long long)o->oop, mg_store_path(), job.err);
        Resident *r = tab_find(o->oop);
        if (!r) r = tab_insert(o, 0);
        r->version = rec.version;
        o->flags |= OF_PERSISTENT;
        queue_apply(o);
    }
}

bool
mg_store_load_code(void)
{
    ensure_open();
    if (S.code_seq == S.view_seq && S.code_seq) return false;
    S.code_seq = S.view_seq ? S.view_seq : 1;
    for (size_t i = 0; i < S.nwellknown; i++) {
        Obj *o = S.wellknown[i];
        if (o && is_class(o) && !(o->flags & OF_DIRTY)) reread_class(o);
    }
    drain_apply();
    return true;
}

static Value
load_code_run(Value arg)
{
    return MG_BOOL(mg_store_load_code());
}

Value
mg_store_const_missing(RClass *c, ID name)
{
    if (S.failed) return MG_UNDEF;
    /* answer only a constant the load made appear, in c or in Object: the
     * caller's lookup rules (inherit or not) already ran and missed */
    Value own = (c->hdr.flags & OF_UNFAULTED) ? MG_UNDEF : mg_const_get_at(c, name);
    Value top = mg_const_get_at(mg_cObject, name);
    Value exc;
    Value loaded = mg_protect(load_code_run, MG_NIL, &exc);
    if (exc != MG_NIL || loaded != MG_TRUE) return MG_UNDEF;   /* the NameError stands */
    Value v = mg_const_get_at(c, name);
    if (own == MG_UNDEF && v != MG_UNDEF) return v;
    v = mg_const_get_at(mg_cObject, name);
    if (top == MG_UNDEF && v != MG_UNDEF) return v;
    return MG_UNDEF;
}

bool
mg_store_committed_p(Value v)
{
    /* values are in every repository, as the base image's objects are:
     * immediates (nil, true, false, Integers, Symbols, flonums) and what a
     * record holds inline, with no record of its own (a Bignum, a heap
     * Float, an Encoding, $stdout): 2**70 answers as 1 does, 1e300 as 1.5 */
    if (!MG_IS_PTR(v)) return true;
    Obj *o = MG_OBJ(v);
    if (o->type == T_FLOAT || o->type == T_BIGNUM || mg_record_value_p(v)) return true;
    if (mg_store_wellknown_oop(v)) return true;
    if (!(o->flags & OF_PERSISTENT)) return false;
    Resident *e = tab_find(o->oop);
    return e && e->version != 0;
}

void
mg_store_shutdown(void)
{
    if (!S.opened) return;
    if (S.view) mg_view_end(S.view);
    mg_repo_close(S.repo);
    S.view = NULL;
    S.repo = NULL;
    S.opened = false;
}

void
mg_store_init(void)
{
    init_wellknown();
    mg_lmdb_guard_maps();
    mg_fault_hook = fault;
    mg_fault_lazy_hook = fault_lazy;
    mg_lazy_resolve_hook = resolve_lazy;
    mg_dirty_hook = dirty;
    mg_paged_touch_hook = mg_paged_touch;
    mg_paged_shift_hook = mg_paged_shift;
    mg_oop_alloc_hook = alloc_oop;
    mg_forget_hook = forget;
    Obj *root = mg_gc_alloc(sizeof(RHash), T_HASH, NULL);
    root->oop = MG_OOP_ROOT;
    root->flags |= OF_PERSISTENT | OF_UNFAULTED;
    S.root = MG_VAL(root);
    tab_insert(root, 0);
    Obj *sys = mg_gc_alloc(sizeof(RHash), T_HASH, NULL);
    sys->oop = MG_OOP_SYSTEM;
    sys->flags |= OF_PERSISTENT | OF_UNFAULTED;
    S.system = MG_VAL(sys);
    tab_insert(sys, 0);
    mg_gc_add_root_marker(mark_roots);
    mg_gc_pressure_hook = pressure;
    mg_gc_add_root_marker(mark_nested);
    mg_code_init();
    mg_closure_init();
    atexit(mg_store_shutdown);
}
