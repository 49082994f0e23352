/* store.h -- the transaction layer between the object model and the storage
 * backend: the gem's view, resident persistent objects, faulting, the write
 * set, persistence by reachability, commit and abort (DESIGN.md section 4).
 * Design comment and state diagram: txn.c. Ruby API: core/maglev.c. */
#ifndef MG_STORE_H
#define MG_STORE_H

#include "../object/object.h"
#include "backend.h"

/* Installs the fault/dirty/OOP hooks and the GC root marker; the repository
 * itself opens lazily, on the first fault, OOP request or commit. */
void  mg_store_init(void);
/* The persistent root Hash (Maglev::PERSISTENT_ROOT): an unfaulted header with
 * the well-known OOP, faulted (and the repository opened) on first touch. */
Value mg_store_root(void);
/* Commit: returns normally on success. Raises Maglev::CommitFailedException on
 * a write-write conflict (changes kept), TransactionError for an object that
 * cannot persist (nothing written), and a RuntimeError for storage errors. */
void  mg_store_commit(void);
/* Reduced-conflict classes (txn.c, "Reduced-conflict objects"): logs an
 * operation op(args) of RC object rc on its state object for replay when a
 * commit conflicts on that state; a no-op while the state is not committed. */
void  mg_store_rc_log(Value rc, Value state, Value op, Value args);
/* The log's length and truncation (a nested abort rolls the log back too). */
size_t mg_store_rc_log_len(void);
void  mg_store_rc_log_truncate(size_t len);
/* Called (when set) at the start of every outermost commit, before the walk;
 * may run Ruby code and dirty more objects (core/identityset.c). */
extern void (*mg_store_precommit_hook)(void);
/* The faulted, non-class objects of the write set that have hidden ivar a or b. */
Value mg_store_dirty_with(ID a, ID b);
/* Conflicts resolved by replay in this process. */
uint64_t mg_store_rc_replays(void);
/* maglev/repository: the committed instances of each class (exact class) in
 * this view, an Array per class; the pid of another process that has the
 * repository open, or 0. */
Value mg_store_list_instances(Value classes, size_t limit);
int   mg_store_other_session_pid(void);
/* Abort: every dirty persistent object returns to its committed state in place. */
void  mg_store_abort(void);
/* Whether v has been committed (has a record in the view or was just
 * written); a value (an immediate, a Bignum, a Float, an Encoding) and a
 * base-image object always has (MAGLEV-API.md section 8, committed?). */
bool  mg_store_committed_p(Value v);
/* Opens the repository if needed; false (nothing raised) when it cannot be
 * opened: for what runs in every program (require, const_missing), which must
 * not fail because of the repository. */
bool  mg_store_usable(void);
/* The repository this process uses (MAGLEV_REPOSITORY, else MAGLEV_DATA / MAGLEV_STONE /
 * MAGLEV_HOME): a directory, or a postgresql:// URL with any password shown as ***. */
const char *mg_store_path(void);
/* A VM safe point (vm_ops.c): evicts clean persistent objects when the heap
 * passed half of its cap (--max-memory). */
void  mg_store_checkpoint(void);
uint64_t mg_store_evicted(void);
typedef struct { size_t resident, dirty; uint64_t faults, evicted, view_seq; } MgStoreStats;
void  mg_store_stats(MgStoreStats *out);
/* Writes the base image's records into this (new) repository and commits:
 * the root, the system table and a record of every core class (make). */
void  mg_store_seed(void);
/* Maglev::System.trap_add_to_closure_list: a commit that makes o persistent
 * prints where it hangs (stderr); o nil removes every trap. */
void  mg_store_trap(Value o);
/* ---- notify.c: change notification (its design comment) ---- */
void  mg_notify_init(void);             /* the Maglev methods */
/* One commit-log entry read by this process (seq; the OOPs it wrote; own_seq:
 * this process's commit being refreshed past, 0: none). */
void  mg_notify_log(uint64_t seq, const uint64_t *oops, size_t count, uint64_t own_seq);
/* Called after every outermost commit (commit true; the new sequence and the
 * records written) and abort, when set. */
extern void (*mg_store_boundary_hook)(bool commit, uint64_t seq, size_t written);
/* The resident object of oop, or MG_UNDEF; the view's commit sequence. */
Value mg_store_resident(uint64_t oop);
Value mg_store_object_for_oop(uint64_t oop);   /* resident, or read from the view; MG_UNDEF if none */
uint64_t mg_store_view_seq(void);
/* Close at exit (aborts an open transaction: uncommitted changes are dropped). */
void  mg_store_shutdown(void);

/* ---- record.c: the Ruby-object payload format (docs/format.md) ---- */
typedef struct { char *ptr; size_t len, cap; } MgBuf;
void mg_buf_free(MgBuf *b);
void mg_buf_reserve(MgBuf *b, size_t more);   /* room for more bytes at once */
/* Encodes o's state into b. Every heap reference in o must already be persistent. */
void mg_record_encode(Obj *o, MgBuf *b);
/* The same, appended to what b holds. */
void mg_record_encode_append(Obj *o, MgBuf *b);
/* Calls fn for each Value o references (ivars, elements, keys, ...), with an edge label for error paths. */
void mg_record_each_ref(Obj *o, void (*fn)(Value ref, void *arg), void *arg);
/* The same for a non-class object's class and instance variables (and a
 * Hash's default) only, and for elements [from, to) of Array o (dense
 * positions of Hash o) only, clamped to its length. */
void mg_record_each_ref_head(Obj *o, void (*fn)(Value ref, void *arg), void *arg);
void mg_record_each_elem(Obj *o, int64_t from, int64_t to, void (*fn)(Value ref, void *arg), void *arg);
/* Decodes a record into the unfaulted header o (fills its body and class).
 * lazy: an Array of MG_ARY_LAZY_MIN elements or more may come back lazy
 * (object.h). Returns NULL, or a static message describing the corruption. */
const char *mg_record_decode(Obj *o, const void *data, size_t len, bool lazy);
#define MG_ARY_LAZY_MIN 1024
/* Whether a reference to (type, oop) may stay lazy in a lazy Array: an
 * ordinary object with a repository OOP (not a class, not a base-image one). */
static inline bool
mg_store_lazy_ok(uint8_t type, uint64_t oop)
{
    return oop >= MG_OOP_FIRST && oop < MG_LAZY_OOP_LIMIT && !(oop & 7)
           && (type == T_OBJECT || type == T_STRING || type == T_ARRAY || type == T_HASH || type == T_RANGE
               || type == T_DATA);
}
/* Empties o's body (eviction / abort): o becomes unfaulted. */
void mg_record_evict(Obj *o);
/* v is written as a value, not a reference (an Encoding): the commit's walk passes it by. */
bool mg_record_value_p(Value v);
/* True for an object that must not be emptied now (an Env whose frame runs). */
bool mg_record_keep(Obj *o);
/* For a T_DATA object: why it cannot persist, or NULL. */
const char *mg_record_refuse(Obj *o);

/* T_DATA payloads that persist (docs/format.md "Data payloads"). A DataType
 * whose `persist` points at one of these can be committed; the record names
 * it by `tag` (stable across builds) and its bytes are what `encode` writes.
 * A decoded payload lives inline in its header's slot, so `size` is at most
 * MG_DATA_INLINE_MAX; objects made by C must be made inline too
 * (mg_data_new_inline). decode reads with mg_rec_get_* and reports a bad
 * payload with mg_rec_fail (never raises, runs no Ruby code); each_ref calls
 * fn for every Value the payload holds (persistence by reachability). */
#define MG_DATA_INLINE_MAX (256 - sizeof(RData))   /* room in a stub's slot (the largest GC slot) */
typedef struct MgRd MgRd;
typedef struct MgDataPersist {
    const char *tag;
    uint32_t size;                                   /* the payload's size; 0: variable, see below */
    uint32_t (*size_of)(const void *payload);        /* variable: this payload's size */
    uint32_t (*record_size)(MgRd *r);                /* variable: the size a record's payload needs (reads a copy) */
    void (*encode)(const void *payload, MgBuf *b);
    /* in_slot: the payload is in the header's slot; else a separate
     * allocation that the DataType's free releases */
    void (*decode)(void *payload, bool in_slot, MgRd *r);
    void (*each_ref)(const void *payload, void (*fn)(Value ref, void *arg), void *arg);
    const char *(*refuse)(const void *payload);      /* optional: why this one cannot persist, or NULL */
    bool (*keep)(const void *payload);               /* optional: true while it must not be emptied (evicted, reset) */
} MgDataPersist;
/* Makes type known to the decoder (called by each type's init). */
void mg_store_register_data(const DataType *type);
void mg_rec_put_u8(MgBuf *b, uint8_t v);
void mg_rec_put_u32(MgBuf *b, uint32_t v);
void mg_rec_put_u64(MgBuf *b, uint64_t v);
void mg_rec_put_bytes(MgBuf *b, const void *p, size_t n);
void mg_rec_put_ref(MgBuf *b, Value v);
uint8_t  mg_rec_get_u8(MgRd *r);
uint32_t mg_rec_get_u32(MgRd *r);
uint64_t mg_rec_get_u64(MgRd *r);
/* n bytes of the record (valid during decode), or NULL when truncated. */
const void *mg_rec_get_bytes(MgRd *r, size_t n);
Value mg_rec_get_ref(MgRd *r);
void  mg_rec_fail(MgRd *r, const char *why);
bool  mg_rec_failed(const MgRd *r);
size_t mg_rec_left(const MgRd *r);                   /* bytes not read yet (a count read must not promise more) */

/* ---- txn.c, for record.c ---- */
/* The resident header for (type, oop): existing, a well-known core object, or a new unfaulted stub. */
Value mg_store_ref(uint8_t type, uint64_t oop, const char **err);
/* Well-known OOPs of the base image (core classes, the root); 0 if v has none. */
uint64_t mg_store_wellknown_oop(Value v);

#define MG_OOP_ROOT ((uint64_t)8)
/* The top-level `main` object: a well-known OOP (the last below the first
 * allocated one), so a persistent proc made at the top level gets the main
 * object of the process that calls it as its self. */
#define MG_OOP_MAIN (((uint64_t)1 << 20) - 8)
void mg_store_set_main(Value main);
/* The repository's own table, a persistent Hash at a well-known OOP, not in
 * the root: :loaded_features (the persistent $LOADED_FEATURES, an Array of
 * paths), :autoloads ({module => {name => path}}). Code refresh reads it. */
#define MG_OOP_SYSTEM (((uint64_t)1 << 20) - 16)
Value mg_store_system(void);
/* closure.c: registers Procs and Envs as persistent data. */
void mg_closure_init(void);
extern const MgDataPersist mg_env_persist, mg_proc_persist;
/* The value slots of an Env and their count (NULL, 0: not an Env); no
 * allocation (closure.c). */
const Value *mg_env_values(Value env, uint32_t *count);
/* How child hangs from parent, a Proc or an Env, as Ruby would reach it:
 * ".binding" (a Proc's Env), ".binding.receiver" (its self),
 * ".local_variable_get(:name)" (an Env's variable), "" (an Env's parent:
 * the variables of outer scopes are read the same way); MG_NIL for any
 * other parent or edge (closure.c). Allocates. */
Value mg_closure_edge_label(Value parent, Value child);

/* ---- code.c: persistent and transient mode, persistent code ---- */
/* The mode (MAGLEV-API.md section 3) of the running thread: it lives only
 * behind these two calls; core/thread.c keeps it per thread across switches. */
enum { MG_MODE_TRANSIENT = 0, MG_MODE_PERSISTENT = 1, MG_MODE_PERSISTENT_CODE = 2 /* persistent(false) */ };
int  mg_mode_get(void);
void mg_mode_set(int mode);
/* Installs the class/method/constant definition hooks of class.c. */
void mg_code_init(void);
/* Applies the persistent definitions table of class c (recorded methods are
 * recompiled from their source). Runs Ruby code; may raise. */
void mg_code_apply(RClass *c);
/* The hidden ivar holding a persistable class's definitions table (a Hash), or nil. */
Value mg_code_defs(RClass *c);
void  mg_code_set_defs(RClass *c, Value defs);
/* Nonzero while definitions are being replayed (the hooks must not record them). */
extern int mg_code_loading;
/* T_CLASS flag: instances may not be committed (Maglev.persistent(false),
 * Class#maglev_instances_persistable = false). Stored in the class record. */
#define CF_NO_PERSISTENT_INSTANCES OF_USER1
/* T_CLASS/T_MODULE flag (Module#maglev_nil_references): a reference to it
 * from a persistent object is written as nil; never persistable. */
#define CF_NIL_REFERENCES OF_USER2
/* Module#transient_const_set: a constant whose value each process computes
 * with the block (the block persists with a persistable target). */
Value mg_code_transient_const(RClass *c, ID name, Value blk);
/* private_constant & co. in persistent mode: c's constant `name` has these
 * flags (class.h CONST_*) in every later process. */
void  mg_code_const_flags(RClass *c, ID name, unsigned flags);
/* Module#reinclude_store / reextend_store / redo_*: the list of module names
 * to include (or extend) again in every process; nil when none and not create. */
Value mg_code_redo_list(RClass *c, bool extend, bool create);
/* The persistent $LOADED_FEATURES and autoloads (code.c, the system table):
 * clear empties the feature list (Maglev.clear_persistent_LOADED_FEATURES;
 * a commit keeps it); autoloads answers {module => {name => path}} (nil when
 * none and not create). */
void  mg_code_clear_features(void);
/* The persistent $LOAD_PATH: record this process's (leaving persistent mode),
 * append the recorded one (start-up). */
void  mg_code_save_load_path(void);
void  mg_code_restore_load_path(void);
void  mg_code_gvar_alias(ID newid, ID oldid);   /* alias $new $old was run: recorded in persistent mode */
Value mg_code_autoloads(bool create);
/* The singleton class of an object travels with it (code.c), with what was
 * defined on it in persistent mode: capture moves that table into the object
 * (a hidden ivar, named by mg_code_singleton_id) when the object first
 * becomes persistent; apply rebuilds the singleton class of an object read
 * from the repository (runs Ruby code). */
void  mg_code_singleton_capture(Obj *o);
void  mg_code_singleton_copied(Value copy, Value orig);   /* a clone's singleton class (object_core.c) */
/* o, whose singleton class has transient-mode methods, is being reset
 * (record.c's evict): its singleton class is kept until o is read again,
 * when kept answers true and the rebuild takes those methods back. */
void  mg_code_singleton_evicted(Obj *o);
bool  mg_code_singleton_kept(Obj *o);
/* Is c (the class of an object being read) OpenStruct or one of its
 * subclasses? Reading such an object queues it as one with a singleton table
 * (mg_store_queue_singleton), and its rebuild calls its private
 * __maglev_read (lib/ostruct.rb). No allocation. */
bool  mg_code_read_hook_p(const RClass *c);
/* sc, a singleton class of an object (not of a class), has a method written
 * in C: nothing could make it again where the object is read (ENV's). */
bool  mg_code_singleton_primitive(const RClass *sc);
void  mg_code_apply_singleton(Value obj);
ID    mg_code_singleton_id(void);
/* txn.c: an object just decoded has a singleton table to apply. */
void  mg_store_queue_singleton(Obj *o);
/* A class whose record says frozen (record.c): frozen once its definitions are applied. */
void  mg_store_queue_freeze(Obj *o);
/* Module#maglev_persistable: marks c persistable, files its name in its
 * namespace's persistent side (ArgumentError if that is not persistable);
 * with methods, stages its methods, singleton methods, constants and the
 * modules it includes and extends, making those persistable too unless blk
 * (nil: every one) answers false for them. */
/* Module#dup / Class#dup of src into copy in persistent mode: the copy's
 * definitions table records :copy_of => src, and each process copies src's
 * methods again (a copy of Kernel has Kernel's C methods); true when recorded
 * (the caller then copies without recording each method). */
bool mg_code_record_copy(RClass *copy, RClass *src);
void mg_code_make_persistable(RClass *c, bool methods, Value blk);
/* A class variable's or class-level ivar's value that only means something
 * in this process (a Mutex, an Encoding, an UnboundMethod...): the Symbol
 * its class record holds instead, from which each process makes its own
 * (mg_code_apply); MG_UNDEF for any other value. No Ruby code runs. */
Value mg_code_local_recipe(Value v);
/* v as a record or a definitions table holds it: its recipe, or v itself. */
Value mg_code_recorded_value(Value v);
bool  mg_code_recipe_p(Value v);
/* How such a Symbol begins ("__maglev_make KIND ARG...", code.c); an
 * Encoding in any record is the Symbol of its recipe (record.c). */
#define MG_RECIPE_PREFIX "__maglev_make "

/* ---- txn.c, for code.c ---- */
/* Adds class c (persistable or well-known) to the write set so its record is
 * rewritten at commit; loads the well-known records first. */
void mg_store_stage_class(RClass *c);
/* Opens the repository (if needed) and applies the persistent definitions of
 * the base-image classes for the current view; false if nothing could change. */
bool mg_store_load_code(void);
/* Called by Module#const_missing: loads persistent code not yet seen and
 * answers the constant, or MG_UNDEF. */
Value mg_store_const_missing(RClass *c, ID name);

/* ---- txn.c: transaction levels and the repository, for Maglev::System (core/maglev_system.c) ---- */
#define MG_TXN_MAX_LEVEL 16
/* 1 in the outermost transaction, n > 1 inside n-1 nested ones. While it
 * is > 1, mg_store_commit folds the level's changes into the enclosing one
 * and mg_store_abort rolls the level back in place (design: txn.c). */
int   mg_store_level(void);
/* Opens a nested level; raises RuntimeError past MG_TXN_MAX_LEVEL. Allocates. */
void  mg_store_begin_nested(void);
/* Drops every nested level, then aborts (Maglev.begin_transaction). */
void  mg_store_begin(void);
/* Whether this process has uncommitted changes to persistent objects. */
bool  mg_store_needs_commit(void);
/* The open repository (opened and this process registered as a session on
 * first call); raises RuntimeError if it cannot be opened. For the backend's
 * sessions, locks and counters (backend.h). */
typedef struct MgRepo MgRepo;
MgRepo *mg_store_repo(void);
/* The transaction's view of it (same opening); valid until the next
 * transaction boundary. */
typedef struct MgView MgView;
MgView *mg_store_view(void);
/* Raises RuntimeError "repository PATH: WHAT: the backend's last error". */
NORETURN void mg_store_storage_error(const char *what);

#endif
