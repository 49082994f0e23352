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
#include "../core/core.h"
#include "../object/class.h"
#include <errno.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct { Obj *obj; uint64_t oop; uint64_t version; } Resident;

static struct {
    MgRepo *repo;
    MgView *view;
    uint64_t view_seq;
    bool opened, failed;
    char path[4096];
    Resident *tab; size_t tab_count, tab_used, tab_cap;   /* open addressing, tombstone obj == (Obj*)1 */
    Obj **ws; size_t ws_len, ws_cap;                       /* write set */
    int decoding;
    uint64_t oop_next, oop_limit;
    Value root;
    Obj **wellknown; size_t nwellknown;                    /* index = (oop >> 3) - 2 */
    Obj **apply; size_t napply, capply;                    /* classes whose definitions await applying */
    Obj **reread; size_t nreread, creread;                 /* resident classes another commit rewrote */
    bool draining;
    uint64_t code_seq;                                     /* view whose base-image records were read (0: never) */
} S;

#define TOMB ((Obj *)1)

/* ---- resident table ---- */

static size_t
slot_of(uint64_t oop)
{
    uint64_t h = oop * 0x9E3779B97F4A7C15ULL;
    return (size_t)(h >> 17) & (S.tab_cap - 1);
}

static Resident *
tab_find(uint64_t oop)
{
    if (!S.tab_cap) return NULL;
    for (size_t i = slot_of(oop);; i = (i + 1) & (S.tab_cap - 1)) {
        Resident *e = &S.tab[i];
        if (!e->obj) return NULL;
        if (e->obj != TOMB && e->oop == oop) return e;
    }
}

static Resident *tab_insert(Obj *o, uint64_t version);

static void
tab_grow(void)
{
    Resident *old = S.tab;
    size_t oc = S.tab_cap;
    S.tab_cap = oc ? oc * 2 : 1024;
    S.tab = calloc(S.tab_cap, sizeof *S.tab);
    if (!S.tab) mg_raise_nomem();
    S.tab_count = S.tab_used = 0;
    for (size_t i = 0; i < oc; i++)
        if (old[i].obj && old[i].obj != TOMB) tab_insert(old[i].obj, old[i].version);
    free(old);
}

static Resident *
tab_insert(Obj *o, uint64_t version)
{
    if ((S.tab_used + 1) * 2 > S.tab_cap) tab_grow();
    size_t i = slot_of(o->oop);
    while (S.tab[i].obj && S.tab[i].obj != TOMB) i = (i + 1) & (S.tab_cap - 1);
    if (!S.tab[i].obj) S.tab_used++;
    S.tab[i] = (Resident){ o, o->oop, version };
    S.tab_count++;
    return &S.tab[i];
}

static void
forget(Obj *o)
{
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

static void
queue_apply(Obj *o)
{
    for (size_t i = 0; i < S.napply; i++) if (S.apply[i] == o) return;
    if (S.napply == S.capply) {
        S.capply = S.capply ? S.capply * 2 : 32;
        Obj **n = realloc(S.apply, S.capply * sizeof *S.apply);
        if (!n) mg_raise_nomem();
        S.apply = n;
    }
    S.apply[S.napply++] = o;
}

static void
queue_reread(Obj *o)
{
    for (size_t i = 0; i < S.nreread; i++) if (S.reread[i] == o) return;
    if (S.nreread == S.creread) {
        S.creread = S.creread ? S.creread * 2 : 32;
        Obj **n = realloc(S.reread, S.creread * sizeof *S.reread);
        if (!n) mg_raise_nomem();
        S.reread = n;
    }
    S.reread[S.nreread++] = o;
}

static Value
apply_one(Value c)
{
    mg_code_apply(MG_RCLASS(c));
    return MG_NIL;
}

/* Applies the queued classes' definitions (runs Ruby code: only where a
 * method call may run, i.e. not inside a decode). */
static void
drain_apply(void)
{
    if (!S.napply || S.draining || S.decoding) return;
    S.draining = true;
    for (size_t i = 0; i < S.napply; i++) {
        Value exc;
        mg_protect(apply_one, MG_VAL(S.apply[i]), &exc);
        if (exc != MG_NIL) {
            Value m = mg_exc_message(exc);
            fprintf(stderr, "maglev: applying the definitions of %s: %s\n",
                    mg_class_cname((RClass *)S.apply[i]), mg_str_cstr(m));
        }
    }
    S.napply = 0;
    S.draining = false;
}

static void
mark_roots(void)
{
    for (size_t i = 0; i < S.napply; i++) mg_gc_mark_obj(S.apply[i]);
    for (size_t i = 0; i < S.nreread; i++) mg_gc_mark_obj(S.reread[i]);
    for (size_t i = 0; i < S.ws_len; i++) mg_gc_mark_obj(S.ws[i]);
    mg_gc_mark(S.root);
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
    if (S.path[0]) return S.path;
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
    return S.path;
}

static NORETURN void
storage_error(const char *what)
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

static void
ensure_open(void)
{
    if (S.opened) return;
    if (S.failed) mg_raise(mg_eRuntimeError, "repository %s could not be opened", mg_store_path());
    const char *path = mg_store_path();
    char parent[4096];
    snprintf(parent, sizeof parent, "%s", path);
    char *slash = strrchr(parent, '/');
    if (slash) { *slash = '\0'; mkdir_p(parent); }
    MgStoreErr e = mg_repo_open(path, MG_REPO_CREATE, &S.repo);
    if (e) {
        S.failed = true;
        storage_error("open");
    }
    if (mg_view_begin(S.repo, &S.view)) storage_error("begin view");
    S.view_seq = mg_view_seq(S.view);
    S.opened = true;
    register_session();
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

static void
init_wellknown(void)
{
    size_t n = 0;
#define CORE_CLASS(var, name, super) n++;
#define CORE_MODULE(var, name) n++;
#include "../object/coreclasses.def"
#undef CORE_CLASS
#undef CORE_MODULE
    S.wellknown = calloc(n, sizeof *S.wellknown);
    if (!S.wellknown) mg_raise_nomem();
    S.nwellknown = n;
    size_t i = 0;
#define CORE_CLASS(var, name, super) S.wellknown[i] = (Obj *)var; var->hdr.oop = 16 + 8 * (uint64_t)i; i++;
#define CORE_MODULE(var, name) S.wellknown[i] = (Obj *)var; var->hdr.oop = 16 + 8 * (uint64_t)i; i++;
#include "../object/coreclasses.def"
#undef CORE_CLASS
#undef CORE_MODULE
}

Value
mg_store_ref(uint8_t type, uint64_t oop, const char **err)
{
    if (oop < MG_OOP_FIRST) {
        if (oop == MG_OOP_ROOT) return mg_store_root();
        size_t i = (oop >> 3) - 2;
        if ((oop & 7) || oop < 16 || i >= S.nwellknown || S.wellknown[i]->type != type) {
            *err = "record refers to an unknown base-image object";
            return MG_NIL;
        }
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
    case T_STRING: size = sizeof(RString); break;
    case T_ARRAY: size = sizeof(RArray); break;
    case T_HASH: size = sizeof(RHash); break;
    case T_RANGE: size = sizeof(RRange); break;
    case T_CLASS: case T_MODULE: size = sizeof(RClass); break;
    default: *err = "record refers to an object of a type that is not stored"; return MG_NIL;
    }
    Obj *o = mg_gc_alloc(size, (ObjType)type, NULL);
    o->oop = oop;
    o->flags |= OF_PERSISTENT | OF_UNFAULTED;
    tab_insert(o, 0);
    return MG_VAL(o);
}

Value
mg_store_root(void)
{
    return S.root;
}

/* ---- hooks ---- */

typedef struct { Obj *o; const void *data; size_t len; const char *err; } DecodeJob;

static Value
run_decode(Value arg)
{
    DecodeJob *j = (DecodeJob *)(uintptr_t)MG_FIX2LONG(arg);
    j->err = mg_record_decode(j->o, j->data, j->len);
    return MG_NIL;
}

static void fault_body(Obj *o);

static void
fault(Obj *o)
{
    fault_body(o);
    if (is_class(o)) queue_apply(o);
    drain_apply();          /* a no-op inside a decode: the outermost fault applies (invariant 5) */
}

static void
fault_body(Obj *o)
{
    ensure_open();
    MgRecord rec;
    MgStoreErr e = mg_view_read(S.view, o->oop, &rec);
    if (e == MG_STORE_NOTFOUND && o->oop == MG_OOP_ROOT) {
        o->flags &= ~OF_UNFAULTED;           /* a new repository: the root starts empty */
        o->klass = mg_cHash;
        Resident *r = tab_find(o->oop);
        if (r) r->version = 0;
        return;
    }
    if (e == MG_STORE_NOTFOUND)
        mg_raise(mg_eRuntimeError, "object with OOP %llu does not exist in this view of repository %s",
                 (unsigned long long)o->oop, mg_store_path());
    if (e) storage_error("read");
    DecodeJob job = { o, rec.data, rec.len, NULL };
    Value exc;
    S.decoding++;
    mg_protect(run_decode, MG_FIX((int64_t)(intptr_t)&job), &exc);
    S.decoding--;
    if (exc != MG_NIL) {
        if (!(o->flags & OF_UNFAULTED)) mg_record_evict(o);
        mg_raise_exc(exc);
    }
    if (job.err)
        mg_raise(mg_eRuntimeError, "corrupt record for OOP %llu in repository %s: %s",
                 (unsigned long long)o->oop, mg_store_path(), job.err);
    Resident *r = tab_find(o->oop);          /* after decoding: it may have grown the table */
    if (r) r->version = rec.version;
}

static void stage(Obj *o);

/* Nested transaction levels (see "nested transactions" below). */
static struct {
    int level;                                   /* 1: the outermost transaction */
    size_t ws_mark[MG_TXN_MAX_LEVEL + 1];        /* ws_len when level i began */
    size_t pre_mark[MG_TXN_MAX_LEVEL + 1];       /* npre when level i began */
    struct PreImage *pre; size_t npre, cpre;
} N = { 1, { 0 }, { 0 }, NULL, 0, 0 };
static void take_preimage(Obj *o, bool fresh);
static void nested_commit(void);
static void nested_abort(void);

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
        ensure_open();
        uint64_t first;
        enum { BLOCK = 4096 };
        if (mg_repo_alloc_oops(S.repo, BLOCK, &first)) storage_error("allocate OOPs");
        S.oop_next = first;
        S.oop_limit = first + 8 * (uint64_t)BLOCK;
    }
    uint64_t oop = S.oop_next;
    S.oop_next += 8;
    return oop;
}

/* ---- transaction boundaries ---- */

typedef struct { uint64_t own_seq; bool base_changed; } Invalidate;

static void
invalidate_one(uint64_t seq, const uint64_t *oops, size_t count, void *arg)
{
    Invalidate *inv = arg;
    if (seq == inv->own_seq) return;
    for (size_t i = 0; i < count; i++) {
        Resident *e = tab_find(oops[i]);
        if (!e) continue;
        Obj *o = e->obj;
        if (oops[i] < MG_OOP_FIRST && oops[i] != MG_OOP_ROOT) inv->base_changed = true;
        if (o->flags & (OF_UNFAULTED | OF_DIRTY)) continue;
        if (is_class(o)) queue_reread(o);
        else if (o == MG_OBJ(S.root) || o->type <= T_HEAP_LAST) mg_record_evict(o);
    }
}

static void
refresh_view(uint64_t own_seq)
{
    /* Hold the old view until the log has been read: a live view is what
     * keeps the stone from trimming log entries this gem still needs. */
    uint64_t old = S.view_seq;
    MgView *next;
    if (mg_view_begin(S.repo, &next)) storage_error("begin view");
    uint64_t seq = mg_view_seq(next);
    Invalidate inv = { own_seq, false };
    if (seq != old && mg_repo_log_since(S.repo, old, invalidate_one, &inv)) {
        mg_view_end(next);
        storage_error("read commit log");
    }
    mg_view_end(S.view);
    S.view = next;
    S.view_seq = seq;
    if (seq == old) return;
    if (S.code_seq == old && !inv.base_changed) S.code_seq = S.view_seq;
}

static void reread_class(Obj *o);

/* After a boundary: code committed elsewhere becomes visible (invariant 6). */
static void
refresh_code(void)
{
    for (size_t i = 0; i < S.nreread; i++) reread_class(S.reread[i]);
    S.nreread = 0;
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
} Walk;

static const char *
unpersistable_reason(Obj *o)
{
    switch ((ObjType)o->type) {
    case T_OBJECT: case T_STRING: case T_ARRAY: case T_HASH: case T_RANGE: break;
    case T_CLASS: case T_MODULE:
        if (o->flags & OF_SINGLETON) return "singleton classes cannot be persisted yet";
        if (o->flags & OF_PERSISTABLE) return NULL;
        return "it was defined in transient mode (classes persist when defined in Maglev.persistent)";
    default: return "objects of this kind cannot be persisted";
    }
    RClass *k = o->klass;
    if (k && (k->hdr.flags & OF_SINGLETON)) return "it has a singleton class";
    RClass *c = mg_class_real(k);
    if (!c) return "it has no class";
    if (c->hdr.flags & CF_NO_PERSISTENT_INSTANCES) return "its class does not allow persistent instances";
    if (mg_store_wellknown_oop(MG_VAL(c)) || (c->hdr.flags & OF_PERSISTABLE)) return NULL;
    return "its class was defined in transient mode";
}

static void
reach(Value ref, void *arg)
{
    Walk *w = arg;
    if (!MG_IS_PTR(ref) || w->bad) return;
    Obj *o = MG_OBJ(ref);
    if (o->flags & OF_PERSISTENT) return;
    if (o->type == T_FLOAT || o->type == T_BIGNUM) return;   /* stored inline as values */
    if (mg_store_wellknown_oop(ref)) return;
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
    }
    mg_ivar_foreach(p, edge_ivar, &f);
    return f.label != MG_NIL ? f.label : mg_str_new_cstr("");
}

static Value
path_to(Walk *w, size_t idx)
{
    /* walk up the parents of newly reached objects to a dirty persistent one */
    Value parts = mg_ary_new();
    Obj *child = w->newly[idx];
    Obj *parent = w->parent[idx];
    for (int guard = 0; parent && guard < 10000; guard++) {
        mg_ary_unshift(parts, edge_label(parent, MG_VAL(child)));
        size_t j;
        for (j = 0; j < w->n && w->newly[j] != parent; j++) {}
        if (j == w->n) break;
        child = parent;
        parent = w->parent[j];
    }
    Value s;
    if (parent == MG_OBJ(S.root)) s = mg_str_new_cstr("Maglev::PERSISTENT_ROOT");
    else s = mg_sprintf("#<%s oop=%llu>", mg_class_cname(mg_obj_class(MG_VAL(parent))), (unsigned long long)parent->oop);
    mg_str_append(s, mg_ary_join(parts, MG_NIL));
    return s;
}

static void
undo_walk(Walk *w)
{
    for (size_t i = 0; i < w->n; i++) w->newly[i]->flags &= ~(OF_PERSISTENT | OF_DIRTY);
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
    free(w->newly);
    free(w->parent);
    Value exc = mg_exc_new(mg_eTransactionError, "cannot commit %s at %s: %s",
                           mg_class_cname(mg_obj_class(obj)), mg_str_cstr(path), why);
    mg_ivar_set(exc, mg_intern_cstr("@object"), obj);
    mg_raise_exc(exc);
}

static NORETURN void
raise_conflict(const uint64_t *oops, size_t n)
{
    Value objs = mg_ary_new();
    Value msg = mg_sprintf("commit failed: %zu write-write conflict%s with another commit:", n, n == 1 ? "" : "s");
    for (size_t i = 0; i < n; i++) {
        Resident *e = tab_find(oops[i]);
        if (!e) continue;
        Value o = MG_VAL(e->obj);
        mg_ary_push(objs, o);
        const char *cname = e->obj->klass ? mg_class_cname(mg_obj_class(o)) : "Object";
        if (o == S.root) mg_str_catf(msg, " %s Maglev::PERSISTENT_ROOT (oop %llu)", cname, (unsigned long long)oops[i]);
        else mg_str_catf(msg, " %s (oop %llu)", cname, (unsigned long long)oops[i]);
        if (i + 1 < n) mg_str_cat(msg, ",", 1);
    }
    Value exc = mg_exc_new_str(mg_eCommitFailedException, msg);
    mg_ivar_set(exc, mg_intern_cstr("@conflicts"), objs);
    mg_raise_exc(exc);
}

void
mg_store_commit(void)
{
    if (N.level > 1) { nested_commit(); return; }
    if (!S.opened && S.ws_len == 0) return;
    ensure_open();
    /* (1) persistence by reachability from everything dirty */
    Walk w = { 0 };
    for (size_t i = 0; i < S.ws_len; i++) {
        Obj *o = S.ws[i];
        if (o->flags & OF_UNFAULTED) continue;
        w.current = o;
        mg_record_each_ref(o, reach, &w);
        if (w.bad) raise_transaction_error(&w);
    }
    /* (2) encode the write set */
    size_t n = S.ws_len;
    MgWrite *writes = calloc(n ? n : 1, sizeof *writes);
    MgBuf *bufs = calloc(n ? n : 1, sizeof *bufs);
    if (!writes || !bufs) mg_raise_nomem();
    size_t nw = 0;
    for (size_t i = 0; i < n; i++) {
        Obj *o = S.ws[i];
        if (o->flags & OF_UNFAULTED) continue;
        Resident *e = tab_find(o->oop);
        if (!e) e = tab_insert(o, 0);
        mg_record_encode(o, &bufs[nw]);
        writes[nw] = (MgWrite){ o->oop, e->version, bufs[nw].ptr, bufs[nw].len, false };
        nw++;
    }
    /* (3) the commit itself */
    uint64_t seq = 0, conflicts[16];
    size_t nconf = 0;
    MgStoreErr err = mg_repo_commit(S.repo, writes, nw, &seq, conflicts, 16, &nconf);
    for (size_t i = 0; i < nw; i++) mg_buf_free(&bufs[i]);
    free(bufs);
    free(writes);
    if (err) {
        undo_walk(&w);
        free(w.newly);
        free(w.parent);
        if (err == MG_STORE_CONFLICT) raise_conflict(conflicts, nconf);
        storage_error("commit");
    }
    free(w.newly);
    free(w.parent);
    /* (4) the write set is clean at the new version; (5) move the view */
    for (size_t i = 0; i < S.ws_len; i++) {
        Obj *o = S.ws[i];
        o->flags &= ~OF_DIRTY;
        Resident *e = tab_find(o->oop);
        if (e) e->version = seq;
    }
    S.ws_len = 0;
    refresh_view(nw ? seq : 0);   /* an empty commit wrote nothing: every logged commit is another's */
    refresh_code();
}

void
mg_store_abort(void)
{
    if (N.level > 1) { nested_abort(); return; }
    if (!S.opened) { S.ws_len = 0; return; }
    for (size_t i = 0; i < S.ws_len; i++) {
        Obj *o = S.ws[i];
        Resident *e = tab_find(o->oop);
        if ((!e || e->version == 0) && o != MG_OBJ(S.root)) {
            /* never committed: it goes back to being transient, with its changes */
            o->flags &= ~(OF_PERSISTENT | OF_DIRTY);
            forget(o);
            continue;
        }
        if (is_class(o)) {
            o->flags &= ~OF_DIRTY;    /* its definitions table is refaulted; reapply it */
            queue_apply(o);
            continue;
        }
        mg_record_evict(o);
    }
    S.ws_len = 0;
    refresh_view(0);
    refresh_code();
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
 * them. Classes and modules get no pre-image: an abort at level n > 1 does
 * not undo methods or constants defined during the level in this process,
 * only their staging (for a class first staged in the level). Neither
 * moves the view. begin_transaction (mg_store_begin) drops every level and
 * aborts the outermost transaction. */

typedef struct PreImage {
    Obj *obj;
    Obj *twin;                 /* a transient copy of a String/Array/Hash body; holds the generic ivars */
    RClass *klass;
    uint16_t flags;
    bool fresh;                /* obj was first dirtied in this pre-image's level */
    Value *ivs; uint32_t nivs; /* T_OBJECT: the ivar slots */
    Value beg, end;            /* T_RANGE */
} PreImage;

static void
take_preimage(Obj *o, bool fresh)
{
    if (is_class(o) || (o->flags & OF_UNFAULTED)) return;
    PreImage p = { o, NULL, o->klass, o->flags, fresh, NULL, 0, MG_NIL, MG_NIL };
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
        if (!bigger) { free(p.ivs); mg_raise_nomem(); }
        N.pre = bigger;
        N.cpre = cap;
    }
    N.pre[N.npre++] = p;
}

#define SWAP(T, a, b) do { T swap_tmp = (a); (a) = (b); (b) = swap_tmp; } while (0)

static void
restore_preimage(PreImage *p)
{
    Obj *o = p->obj;
    uint16_t live = OF_PERSISTENT | OF_DIRTY | OF_UNFAULTED | OF_GENIVAR | (o->type == T_OBJECT ? OF_IVEMBED : 0);
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
        SWAP(char *, a->ptr, b->ptr);
        SWAP(int64_t, a->len, b->len);
        SWAP(int64_t, a->capa, b->capa);
        SWAP(uint32_t, a->hdr.extra, b->hdr.extra);
        break;
    }
    case T_ARRAY: {
        RArray *a = (RArray *)o, *b = (RArray *)p->twin;
        SWAP(Value *, a->ptr, b->ptr);
        SWAP(int64_t, a->len, b->len);
        SWAP(int64_t, a->capa, b->capa);
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
    default:
        break;
    }
    if (o->flags & OF_GENIVAR) mg_genivar_free(o);
    if (p->twin && (p->twin->flags & OF_GENIVAR)) mg_ivar_copy(MG_VAL(o), MG_VAL(p->twin));
    o->flags = (uint16_t)((p->flags & ~live) | (o->flags & live));
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
    size_t mark = N.npre;
    for (size_t i = 0; i < S.ws_len; i++) take_preimage(S.ws[i], false);
    N.level++;
    N.ws_mark[N.level] = S.ws_len;
    N.pre_mark[N.level] = mark;
}

static void
nested_commit(void)
{
    size_t keep = N.pre_mark[N.level];
    for (size_t i = keep; i < N.npre; i++) {
        if (N.pre[i].fresh) N.pre[keep++] = N.pre[i];
        else free(N.pre[i].ivs);
    }
    N.npre = keep;
    N.level--;
}

static void
nested_abort(void)
{
    size_t from = N.pre_mark[N.level];
    for (size_t i = N.npre; i-- > from;) {
        restore_preimage(&N.pre[i]);
        free(N.pre[i].ivs);
    }
    N.npre = from;
    for (size_t i = N.ws_mark[N.level]; i < S.ws_len; i++) {
        Obj *o = S.ws[i];
        Resident *e = tab_find(o->oop);
        if ((!e || e->version == 0) && o != MG_OBJ(S.root)) {
            o->flags &= (uint16_t)~(OF_PERSISTENT | OF_DIRTY);
            forget(o);
        } else {
            o->flags &= (uint16_t)~OF_DIRTY;
        }
    }
    S.ws_len = N.ws_mark[N.level];
    N.level--;
}

void
mg_store_begin(void)
{
    for (size_t i = 0; i < N.npre; i++) free(N.pre[i].ivs);
    N.npre = 0;
    N.level = 1;
    mg_store_abort();
}

bool
mg_store_needs_commit(void)
{
    return S.ws_len > 0;
}

MgRepo *
mg_store_repo(void)
{
    ensure_open();
    return S.repo;
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
    if (e) storage_error("read");
    {
        DecodeJob job = { o, rec.data, rec.len, NULL };
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
        if (is_class(o) && !(o->flags & OF_DIRTY)) reread_class(o);
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
    if (!MG_IS_PTR(v)) return true;
    Obj *o = MG_OBJ(v);
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
    mg_fault_hook = fault;
    mg_dirty_hook = dirty;
    mg_oop_alloc_hook = alloc_oop;
    mg_forget_hook = forget;
    Obj *root = mg_gc_alloc(sizeof(RHash), T_HASH, NULL);
    root->oop = MG_OOP_ROOT;
    root->flags |= OF_PERSISTENT | OF_UNFAULTED;
    S.root = MG_VAL(root);
    tab_insert(root, 0);
    mg_gc_add_root_marker(mark_roots);
    mg_gc_add_root_marker(mark_nested);
    mg_code_init();
    atexit(mg_store_shutdown);
}
