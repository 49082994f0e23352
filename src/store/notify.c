/* notify.c -- change notification (issue "living with a large repository"):
 * a process names persistent objects it cares about (its notify set) and
 * learns which of them other processes committed changes to, without
 * touching any of them: the commit log says which OOPs each commit wrote.
 *
 *   Maglev.notify_on_change(obj, ...)  adds to the notify set
 *   Maglev.stop_notify(obj, ...)       removes (and forgets pending news)
 *   Maglev.changed_objects             the members changed by others that
 *                                      this process was not told of yet
 *                                      (telling clears them)
 *   Maglev.wait_for_change(timeout)    blocks, letting other threads run,
 *                                      until changed_objects has something
 *   Maglev.on_commit { |info| }        after each outermost commit of this
 *   Maglev.on_abort { }                process (info: sequence, written) /
 *                                      abort
 *
 * The log is read from seen (the last sequence examined) in two places: at
 * every transaction boundary, where txn.c reads it anyway to refresh the
 * view (mg_notify_log is called for each entry it reads), and when
 * changed_objects or wait_for_change ask, where it is read up to the
 * newest commit without moving the view. Entries at or below seen are
 * skipped, so no change is reported twice; this process's own commits are
 * never reported. Objects are matched by their resident header: a member of
 * the notify set is held by it, so its header (and OOP) stays resident even
 * when its body is evicted. An object that has no OOP yet (not committed)
 * can be a member; it is reported only for commits after its first.
 *
 * Waiting asks the backend for the newest sequence (mg_repo_wait_commit)
 * and reads the log only when it moved. On PostgreSQL the news is the
 * NOTIFY every commit sends, read from a LISTEN connection this thread
 * polls while the others run: no query while nothing commits, and a change
 * is seen as soon as its notification arrives. On LMDB the sequence is read
 * from the shared map every few milliseconds, backing off to 5 ms. */
#include "store.h"
#include "backend.h"
#include "../core/core.h"
#include <poll.h>

static struct {
    Value set;                 /* identity Hash: member -> true */
    Value pending;             /* identity Hash: changed member -> true, in order of news */
    Value on_commit, on_abort; /* Arrays of blocks */
    uint64_t seen;             /* last commit sequence examined */
    uint64_t own[64];          /* this process's commits above seen, not to report */
    size_t nown;
    bool started;
} NT = { MG_NIL, MG_NIL, MG_NIL, MG_NIL, 0, { 0 }, 0, false };

static void
roots(void)
{
    if (NT.started) return;
    NT.started = true;
    mg_gc_register(&NT.set);
    mg_gc_register(&NT.pending);
    mg_gc_register(&NT.on_commit);
    mg_gc_register(&NT.on_abort);
}

static Value
identity_hash(void)
{
    Value h = mg_hash_new();
    MG_OBJ(h)->flags |= OF_HASH_IDENTITY;
    return h;
}

static bool
watching(void)
{
    return MG_IS_HASH(NT.set) && mg_hash_size(NT.set) > 0;
}

static bool
own_commit(uint64_t seq)
{
    for (size_t i = 0; i < NT.nown; i++)
        if (NT.own[i] == seq) return true;
    return false;
}

void
mg_notify_log(uint64_t seq, const uint64_t *oops, size_t count, uint64_t own_seq)
{
    if (seq <= NT.seen) return;
    NT.seen = seq;
    /* own commits below seen are no longer needed */
    size_t keep = 0;
    for (size_t i = 0; i < NT.nown; i++)
        if (NT.own[i] > seq) NT.own[keep++] = NT.own[i];
    bool mine = seq == own_seq || own_commit(seq);
    NT.nown = keep;
    if (mine || !watching()) return;
    for (size_t i = 0; i < count; i++) {
        Value o = mg_store_resident(oops[i]);
        if (o == MG_UNDEF || mg_hash_lookup(NT.set, o) == MG_UNDEF) continue;
        if (!MG_IS_HASH(NT.pending)) NT.pending = identity_hash();
        mg_hash_aset(NT.pending, o, MG_TRUE);
    }
}

void
mg_notify_own(uint64_t seq)
{
    if (seq <= NT.seen) return;
    if (NT.nown == sizeof NT.own / sizeof NT.own[0]) {
        memmove(NT.own, NT.own + 1, (NT.nown - 1) * sizeof NT.own[0]);
        NT.nown--;
    }
    NT.own[NT.nown++] = seq;
}

static void
log_entry(uint64_t seq, const uint64_t *oops, size_t count, void *arg)
{
    UNUSED(arg);
    mg_notify_log(seq, oops, count, 0);
}

/* Reads the commit log past seen, up to the newest commit. */
static void
catch_up(void)
{
    if (!watching() || !mg_store_usable()) return;
    MgRepo *r = mg_store_repo();
    if (mg_repo_log_since(r, NT.seen, log_entry, NULL) != MG_STORE_OK)
        mg_raise(mg_eRuntimeError, "repository %s: read commit log: %s", mg_store_path(), mg_repo_error(r));
}

static bool
has_news(void)
{
    return MG_IS_HASH(NT.pending) && mg_hash_size(NT.pending) > 0;
}

/* ---- the Ruby API (Maglev module) ---- */

static Value
notify_on_change(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(blk);
    roots();
    if (!MG_IS_HASH(NT.set)) NT.set = identity_hash();
    if (NT.seen == 0) NT.seen = mg_store_view_seq();   /* news start at this view */
    for (int i = 0; i < argc; i++) {
        Value v = argv[i];
        if (!MG_IS_PTR(v))
            mg_raise(mg_eArgumentError, "%s is not an object that can change (immediate values never do)",
                     mg_str_cstr(mg_inspect(v)));
        mg_obj_oop(v);             /* its OOP now: the commit that first writes it is news too */
        mg_hash_aset(NT.set, v, MG_TRUE);
    }
    return self;
}

static Value
stop_notify(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    for (int i = 0; i < argc; i++) {
        if (MG_IS_HASH(NT.set)) mg_hash_delete(NT.set, argv[i]);
        if (MG_IS_HASH(NT.pending)) mg_hash_delete(NT.pending, argv[i]);
    }
    return self;
}

static Value
notify_set(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    return MG_IS_HASH(NT.set) ? mg_hash_keys(NT.set) : mg_ary_new();
}

static Value
changed_objects(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv); UNUSED(blk);
    catch_up();
    if (!has_news()) return mg_ary_new();
    Value out = mg_hash_keys(NT.pending);
    NT.pending = MG_NIL;
    return out;
}

/* Waits for news of a commit (backend.h mg_repo_wait_commit): on a backend
 * with a descriptor (PostgreSQL's LISTEN connection) this thread polls it
 * while the others run, and no query is made until a commit is announced;
 * without one (LMDB) it asks again every few milliseconds, backing off to
 * 5 ms. The log is read only when the newest sequence moved past what was
 * read already. */
static Value
wait_for_change(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(blk);
    double timeout = argc > 0 && argv[0] != MG_NIL ? mg_num2dbl(argv[0]) : -1;
    if (argc > 0 && argv[0] != MG_NIL && timeout < 0) mg_raise(mg_eArgumentError, "time interval must not be negative");
    double end = timeout >= 0 ? mg_clock() + timeout : 0, step = 0.001;
    uint64_t handled = NT.seen;         /* commits up to here are read */
    for (;;) {
        if (has_news()) return MG_TRUE;
        MgRepo *r = mg_store_usable() ? mg_store_repo() : NULL;
        uint64_t newest = 0;
        if (r && mg_repo_wait_commit(r, handled, 0, &newest) != MG_STORE_OK)
            mg_raise(mg_eRuntimeError, "repository %s: wait for a commit: %s", mg_store_path(), mg_repo_error(r));
        if (newest > handled) {
            catch_up();
            if (newest > handled) handled = newest;
            if (has_news()) return MG_TRUE;
        }
        double left = timeout >= 0 ? end - mg_clock() : -1;
        if (timeout >= 0 && left <= 0) return MG_FALSE;
        int fd = r ? mg_repo_commit_fd(r) : -1;
        if (fd >= 0) {
            struct pollfd p = { fd, POLLIN, 0 };
            mg_thread_poll(&p, 1, left);
        } else {
            double d = left >= 0 && left < step ? left : step;
            mg_sleep(d);
            if (step < 0.005) step *= 1.5;
        }
    }
}

static Value
add_hook(Value *list, Value blk, const char *name)
{
    if (blk == MG_NIL) mg_raise(mg_eArgumentError, "Maglev.%s needs a block", name);
    roots();
    if (!MG_IS_ARRAY(*list)) *list = mg_ary_new();
    mg_ary_push(*list, blk);
    return blk;
}

static Value
on_commit(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv);
    return add_hook(&NT.on_commit, blk, "on_commit");
}

static Value
on_abort(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(self); UNUSED(argc); UNUSED(argv);
    return add_hook(&NT.on_abort, blk, "on_abort");
}

/* After an outermost commit (commit: true; seq, written: what it wrote) or
 * abort: the hooks run in the order they were added. An exception in one
 * propagates to the caller of commit/abort (the boundary itself is done). */
static void
boundary(bool commit, uint64_t seq, size_t written)
{
    if (commit && written) mg_notify_own(seq);
    Value list = commit ? NT.on_commit : NT.on_abort;
    if (!MG_IS_ARRAY(list) || !MG_RARRAY(list)->len) return;
    Value info = MG_NIL;
    if (commit) {
        info = mg_hash_new();
        mg_hash_aset(info, mg_sym("sequence"), mg_uint_new(seq));
        mg_hash_aset(info, mg_sym("written"), MG_FIX((int64_t)written));
    }
    Value snapshot = mg_ary_dup(list);         /* a hook may add hooks */
    for (int64_t i = 0; i < MG_RARRAY(snapshot)->len; i++)
        mg_proc_call(MG_RARRAY(snapshot)->ptr[i], commit ? 1 : 0, &info, MG_NIL);
}

static const MgMethodDef notify_methods[] = {
    { "notify_on_change", notify_on_change, 0, -1 },
    { "stop_notify", stop_notify, 0, -1 },
    { "notify_set", notify_set, 0, 0 },
    { "changed_objects", changed_objects, 0, 0 },
    { "wait_for_change", wait_for_change, 0, 1 },
    { "on_commit", on_commit, 0, 0 },
    { "on_abort", on_abort, 0, 0 },
    { NULL, NULL, 0, 0 },
};

void
mg_notify_init(void)
{
    mg_define_singleton_methods(MG_VAL(mg_mMaglev), notify_methods);
    mg_store_boundary_hook = boundary;
}
