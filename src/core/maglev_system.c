/* maglev_system.c -- Maglev::System (MAGLEV-API.md section 6): transaction
 * control that answers instead of raising, nested levels, cross-process
 * locks, persistent counters and session facts; plus the Maglev methods
 * section 2 defines on top of them. Locks, counters and sessions are backend
 * operations outside transactions (store/backend.h, contracts 5-7); levels
 * are txn.c's (its "nested transactions" design comment).
 *
 * Choices where MagLev's documents are silent:
 *  - read_lock/write_lock of an Integer, Float, Symbol, true, false or nil
 *    raise ArgumentError (they have no identity to lock); a conflict raises
 *    the top-level LockError naming the object and a holding session.
 *  - read_lock on an object this session write-locked keeps the write lock.
 *  - the lock calls, remove_lock, remove_locks_for_session, abort_transaction,
 *    begin_transaction and begin_nested_transaction answer Maglev::System.
 *  - counters wrap around past the signed 64-bit range, as MagLev's do; an
 *    index outside 1..128 raises ArgumentError, a non-Integer TypeError.
 *  - session_names is one String, a line "<id> <user> <program> (pid N)" per
 *    live session. */
#include "core.h"
#include "../store/store.h"
#include "../store/backend.h"
#include <unistd.h>

static RClass *mg_cSystem;
static Value session_temps = MG_NIL;    /* Hash: session_temp's per-process scratch */

/* ---- transactions ---- */

static Value
commit_run(Value arg)
{
    mg_store_commit();
    return MG_TRUE;
}

static Value
commit_failed(Value arg, Value exc)
{
    return MG_FALSE;        /* the changes are kept, as Maglev.commit_transaction keeps them */
}

/* Commit answering false on a write-write conflict; other errors raise. */
static bool
commit_answer(void)
{
    return mg_rescue(commit_run, MG_NIL, mg_eCommitFailedException, commit_failed, MG_NIL) == MG_TRUE;
}

static Value
sys_commit_transaction(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(commit_answer());
}

static Value
sys_abort_transaction(Value self, int argc, const Value *argv, Value blk)
{
    mg_store_abort();
    return MG_VAL(mg_cSystem);
}

static Value
sys_begin_transaction(Value self, int argc, const Value *argv, Value blk)
{
    mg_store_begin();
    return MG_VAL(mg_cSystem);
}

static Value
sys_begin_nested_transaction(Value self, int argc, const Value *argv, Value blk)
{
    mg_store_begin_nested();
    return MG_VAL(mg_cSystem);
}

static Value
sys_transaction_level(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX(mg_store_level());
}

static Value
sys_needs_commit(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(mg_store_needs_commit());
}

static Value
sys_commit_and_release_locks(Value self, int argc, const Value *argv, Value blk)
{
    /* the level before the commit: a nested level's commit only folds into
     * the enclosing level (after it the level is 1 too), so the locks that
     * guard the repository's copy stay until the outermost commit */
    bool outermost = mg_store_level() == 1;
    if (!commit_answer()) return MG_FALSE;
    if (outermost && mg_repo_unlock_all(mg_store_repo()) != MG_STORE_OK)
        mg_store_storage_error("release locks");
    return MG_TRUE;
}

/* ---- locks ---- */

/* What a lock is keyed by. MAGLEV-API.md section 6: Fixnum, Float, true,
 * false and nil cannot be locked (ArgumentError, as MagLev's special objects:
 * values, not objects with an identity to lock; an Integer of any size and a
 * Float are values here). A Symbol can: in MagLev it is an object, the same
 * one in every VM, so its lock is one key every process derives from its name
 * and encoding tag (symbol.h); an Encoding likewise (the same object in every
 * process too, docs/format.md) from its name. The key is FNV-1a of the name
 * from a seed of its kind, shifted left 3 and or'ed with 4: never a multiple
 * of 8, so never an OOP (and so never checked against a commit's writes), and
 * below 2^62 (a PostgreSQL bigint). Two with the same key (odds about 2^-59 a
 * pair) would only share a lock. */
static uint64_t
name_key(const char *p, size_t len, uint64_t seed)
{
    uint64_t h = 0xcbf29ce484222325ull ^ seed;
    for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)p[i]) * 0x100000001b3ull;
    return ((h >> 5) << 3) | 4;
}

static uint64_t
lockable_oop(Value o)
{
    if (MG_IS_SYMBOL(o)) {
        size_t len;
        const char *p = mg_id_name(MG_SYM2ID(o), &len);
        return name_key(p, len, mg_id_tag(MG_SYM2ID(o)));
    }
    if (MG_IS_PTR(o) && mg_obj_class(o) == mg_cEncoding) {
        Value name = MG_CALL0(o, "name");
        return name_key(mg_str_ptr(name), (size_t)mg_str_len(name), 0x454e43ull << 32);   /* "ENC": a seed no Symbol tag has */
    }
    if (!MG_IS_PTR(o) || MG_IS_INTEGER(o) || MG_IS_FLOAT(o))
        mg_raise(mg_eArgumentError, "cannot lock %s: Integer, Float, true, false and nil cannot be locked",
                 mg_str_cstr(mg_inspect(o)));
    return mg_obj_oop(o);
}

static Value
lock(Value self, Value o, int kind)
{
    uint64_t oop = lockable_oop(o);
    MgRepo *r = mg_store_repo();
    uint32_t holder;
    MgStoreErr e = mg_repo_lock(r, oop, kind, &holder);
    if (e == MG_STORE_LOCKED && (oop & 7))   /* a Symbol's or an Encoding's key */
        mg_raise(mg_eLockError, "cannot %s-lock %s (key %llu): session %u holds a%s lock on it",
                 kind == MG_LOCK_WRITE ? "write" : "read", mg_str_cstr(mg_inspect(o)),
                 (unsigned long long)oop, holder, kind == MG_LOCK_WRITE ? "" : " write");
    if (e == MG_STORE_LOCKED) {
        bool mod = MG_IS_CLASS_OR_MODULE(o);  /* named by itself, not as "a Class" */
        mg_raise(mg_eLockError, "cannot %s-lock %s %s (oop %llu): session %u holds a%s lock on it",
                 kind == MG_LOCK_WRITE ? "write" : "read",
                 mod ? (mg_type_of(o) == T_MODULE ? "module" : "class") : "a",
                 mg_class_cname(mod ? MG_RCLASS(o) : mg_obj_class(o)),
                 (unsigned long long)oop, holder, kind == MG_LOCK_WRITE ? "" : " write");
    }
    if (e) mg_store_storage_error("lock");
    return MG_VAL(mg_cSystem);
}

static Value
sys_read_lock(Value self, int argc, const Value *argv, Value blk)
{
    return lock(self, argv[0], MG_LOCK_READ);
}

static Value
sys_write_lock(Value self, int argc, const Value *argv, Value blk)
{
    return lock(self, argv[0], MG_LOCK_WRITE);
}

static Value
sys_remove_lock(Value self, int argc, const Value *argv, Value blk)
{
    uint64_t oop = lockable_oop(argv[0]);
    if (mg_repo_unlock(mg_store_repo(), oop)) mg_store_storage_error("unlock");
    return MG_VAL(mg_cSystem);
}

static Value
sys_remove_locks_for_session(Value self, int argc, const Value *argv, Value blk)
{
    if (mg_repo_unlock_all(mg_store_repo())) mg_store_storage_error("release locks");
    return MG_VAL(mg_cSystem);
}

/* ---- persistent counters ---- */

static uint32_t
counter_arg(Value i)
{
    if (!MG_IS_INTEGER(i)) mg_raise(mg_eTypeError, "persistent counter index must be an Integer, not %s", mg_class_cname(mg_obj_class(i)));
    if (!MG_IS_FIXNUM(i) || MG_FIX2LONG(i) < 1 || MG_FIX2LONG(i) > MG_COUNTERS)
        mg_raise(mg_eArgumentError, "persistent counter index %s is not in 1..%d", mg_str_cstr(mg_inspect(i)), MG_COUNTERS);
    return (uint32_t)MG_FIX2LONG(i);
}

static int64_t
counter_value(Value v)
{
    if (!MG_IS_INTEGER(v)) mg_raise(mg_eTypeError, "persistent counter value must be an Integer, not %s", mg_class_cname(mg_obj_class(v)));
    return mg_num2long(v);     /* RangeError beyond 64 bits */
}

static Value
counter_update(Value i, bool add, int64_t v)
{
    uint32_t index = counter_arg(i);
    int64_t out;
    if (mg_repo_counter_update(mg_store_repo(), index, add, v, &out)) mg_store_storage_error("update counter");
    return mg_int_new(out);
}

static Value
sys_pcounter(Value self, int argc, const Value *argv, Value blk)
{
    uint32_t index = counter_arg(argv[0]);
    int64_t out;
    if (mg_repo_counter_get(mg_store_repo(), index, &out)) mg_store_storage_error("read counter");
    return mg_int_new(out);
}

static Value
sys_set_pcounter(Value self, int argc, const Value *argv, Value blk)
{
    return counter_update(argv[0], false, counter_value(argv[1]));
}

static Value
sys_increment_pcounter(Value self, int argc, const Value *argv, Value blk)
{
    return counter_update(argv[0], true, argc > 1 ? counter_value(argv[1]) : 1);
}

static Value
sys_decrement_pcounter(Value self, int argc, const Value *argv, Value blk)
{
    int64_t by = argc > 1 ? counter_value(argv[1]) : 1;
    return counter_update(argv[0], true, (int64_t)(0 - (uint64_t)by));   /* wraps like the counter */
}

/* ---- sessions ---- */

static Value
sys_session_id(Value self, int argc, const Value *argv, Value blk)
{
    uint32_t id = mg_repo_session_self(mg_store_repo());
    if (!id) mg_raise(mg_eRuntimeError, "repository %s: this process has no session", mg_store_path());
    return MG_FIX(id);
}

static void
count_session(const MgSessionEntry *s, void *arg)
{
    (*(long *)arg)++;
}

static Value
sys_session_count(Value self, int argc, const Value *argv, Value blk)
{
    long n = 0;
    if (mg_repo_session_list(mg_store_repo(), count_session, &n)) mg_store_storage_error("list sessions");
    return MG_FIX(n);
}

static void
name_session(const MgSessionEntry *s, void *arg)
{
    Value str = *(Value *)arg;
    mg_str_catf(str, "%s%u %s (pid %d)", mg_str_len(str) ? "\n" : "", s->id, s->name, s->pid);
}

static Value
sys_session_names(Value self, int argc, const Value *argv, Value blk)
{
    Value s = mg_str_new_cstr("");
    if (mg_repo_session_list(mg_store_repo(), name_session, &s)) mg_store_storage_error("list sessions");
    return s;
}

static Value
sys_session_temp(Value self, int argc, const Value *argv, Value blk)
{
    return mg_hash_aref(session_temps, argv[0]);
}

static Value
sys_session_temp_put(Value self, int argc, const Value *argv, Value blk)
{
    mg_hash_aset(session_temps, argv[0], argv[1]);
    return argv[1];
}

static Value
sys_stone_name(Value self, int argc, const Value *argv, Value blk)
{
    if (argc > 0 && MG_TEST(argv[0])) return mg_str_new_cstr(mg_store_path());
    const char *stone = getenv("MAGLEV_STONE");
    return mg_str_new_cstr(stone && *stone ? stone : "maglev");
}

/* MagLev's process facts (System.rb's _processInfo: family): the ids of
 * this gem process, as Process.uid, .euid, .gid, .egid, .pid, .getpgrp and
 * .ppid answer them. */
static Value
sys_getpid(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX((long)getpid());
}

static Value
sys_getppid(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX((long)getppid());
}

static Value
sys_getpgrp(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX((long)getpgrp());
}

static Value
sys_getuid(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX((long)getuid());
}

static Value
sys_geteuid(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX((long)geteuid());
}

static Value
sys_getgid(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX((long)getgid());
}

static Value
sys_getegid(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX((long)getegid());
}

/* ---- statistics and debugging (MAGLEV-API.md section 6) ----
 * Session statistics are 48 signed 64-bit slots of this process (GemStone's
 * session stats), 0 until set. The temporary object space is the private
 * heap: its cap is --max-memory when given, else the machine's memory. */
enum { SESSION_STATS = 48 };
static int64_t session_stats[SESSION_STATS];

static int
stat_index(Value i)
{
    int64_t n = mg_num2long(i);
    if (n < 0 || n >= SESSION_STATS) mg_raise(mg_eArgumentError, "session statistic index %lld out of range 0..%d", (long long)n, SESSION_STATS - 1);
    return (int)n;
}

static Value
sys_get_session_stat(Value self, int argc, const Value *argv, Value blk)
{
    return mg_int_new(session_stats[stat_index(argv[0])]);
}

static Value
sys_set_session_stat(Value self, int argc, const Value *argv, Value blk)
{
    int i = stat_index(argv[0]);
    session_stats[i] = mg_num2long(argv[1]);
    return argv[1];
}

static Value
sys_increment_session_stat(Value self, int argc, const Value *argv, Value blk)
{
    int i = stat_index(argv[0]);
    session_stats[i] = (int64_t)((uint64_t)session_stats[i] + (uint64_t)(argc > 1 ? mg_num2long(argv[1]) : 1));
    return mg_int_new(session_stats[i]);
}

static Value
sys_decrement_session_stat(Value self, int argc, const Value *argv, Value blk)
{
    int i = stat_index(argv[0]);
    session_stats[i] = (int64_t)((uint64_t)session_stats[i] - (uint64_t)(argc > 1 ? mg_num2long(argv[1]) : 1));
    return mg_int_new(session_stats[i]);
}

static size_t
space_max(void)
{
    if (mg_gc_max_bytes) return mg_gc_max_bytes;
    long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
    return pages > 0 && size > 0 ? (size_t)pages * (size_t)size : (size_t)1 << 32;
}

static Value
sys_temp_obj_space_used(Value self, int argc, const Value *argv, Value blk)
{
    return mg_int_new((int64_t)mg_gc_heap_bytes());
}

static Value
sys_temp_obj_space_max(Value self, int argc, const Value *argv, Value blk)
{
    return mg_int_new((int64_t)space_max());
}

static Value
sys_temp_obj_space_percent_used(Value self, int argc, const Value *argv, Value blk)
{
    return mg_int_new((int64_t)(mg_gc_heap_bytes() * 100 / space_max()));
}

static Value
sys_my_cache_slot(Value self, int argc, const Value *argv, Value blk)
{
    return sys_session_id(self, 0, NULL, MG_NIL);
}

static Value
sys_my_cache_statistics(Value self, int argc, const Value *argv, Value blk)
{
    GCStats g;
    mg_gc_stats(&g);
    MgStoreStats s;
    mg_store_stats(&s);
    Value h = mg_hash_new();
    mg_hash_aset(h, mg_sym("temp_obj_space_used"), mg_int_new((int64_t)g.heap_bytes));
    mg_hash_aset(h, mg_sym("live_objects"), mg_int_new((int64_t)g.live_objects));
    mg_hash_aset(h, mg_sym("collections"), mg_int_new((int64_t)g.collections));
    mg_hash_aset(h, mg_sym("resident_persistent_objects"), mg_int_new((int64_t)s.resident));
    mg_hash_aset(h, mg_sym("objects_read"), mg_int_new((int64_t)s.faults));
    mg_hash_aset(h, mg_sym("objects_evicted"), mg_int_new((int64_t)s.evicted));
    mg_hash_aset(h, mg_sym("dirty_objects"), mg_int_new((int64_t)s.dirty));
    mg_hash_aset(h, mg_sym("view_commit_sequence"), mg_int_new((int64_t)s.view_seq));
    return h;
}

/* GemStone's closure trap: the next commits print, on stderr, where o hangs
 * when it joins what they write (debugging "why did this get committed?");
 * nil shuts the traps off, as in MagLev (System.rb). */
static Value
sys_trap_add_to_closure_list(Value self, int argc, const Value *argv, Value blk)
{
    if (argv[0] != MG_NIL && !MG_IS_PTR(argv[0])) mg_raise(mg_eArgumentError, "%s cannot be trapped (not a heap object)", mg_str_cstr(mg_inspect(argv[0])));
    mg_store_trap(argv[0]);
    return argv[0];
}

static const MgMethodDef system_methods[] = {
    { "commit_transaction", sys_commit_transaction, 0, 0 },
    { "abort_transaction", sys_abort_transaction, 0, 0 },
    { "begin_transaction", sys_begin_transaction, 0, 0 },
    { "begin_nested_transaction", sys_begin_nested_transaction, 0, 0 },
    { "transaction_level", sys_transaction_level, 0, 0 },
    { "needs_commit", sys_needs_commit, 0, 0 },
    { "commit_and_release_locks", sys_commit_and_release_locks, 0, 0 },
    { "read_lock", sys_read_lock, 1, 1 },
    { "write_lock", sys_write_lock, 1, 1 },
    { "remove_lock", sys_remove_lock, 1, 1 },
    { "remove_locks_for_session", sys_remove_locks_for_session, 0, 0 },
    { "pcounter", sys_pcounter, 1, 1 },
    { "set_pcounter", sys_set_pcounter, 2, 2 },
    { "increment_pcounter", sys_increment_pcounter, 1, 2 },
    { "decrement_pcounter", sys_decrement_pcounter, 1, 2 },
    { "session_id", sys_session_id, 0, 0 },
    { "session_count", sys_session_count, 0, 0 },
    { "session_names", sys_session_names, 0, 0 },
    { "session_temp", sys_session_temp, 1, 1 },
    { "session_temp_put", sys_session_temp_put, 2, 2 },
    { "stone_name", sys_stone_name, 0, 1 },
    { "getpid", sys_getpid, 0, 0 },
    { "getppid", sys_getppid, 0, 0 },
    { "getpgrp", sys_getpgrp, 0, 0 },
    { "getuid", sys_getuid, 0, 0 },
    { "geteuid", sys_geteuid, 0, 0 },
    { "getgid", sys_getgid, 0, 0 },
    { "getegid", sys_getegid, 0, 0 },
    { "get_session_stat", sys_get_session_stat, 1, 1 },
    { "set_session_stat", sys_set_session_stat, 2, 2 },
    { "increment_session_stat", sys_increment_session_stat, 1, 2 },
    { "decrement_session_stat", sys_decrement_session_stat, 1, 2 },
    { "temp_obj_space_used", sys_temp_obj_space_used, 0, 0 },
    { "temp_obj_space_max", sys_temp_obj_space_max, 0, 0 },
    { "temp_obj_space_percent_used", sys_temp_obj_space_percent_used, 0, 0 },
    { "my_cache_slot", sys_my_cache_slot, 0, 0 },
    { "my_cache_statistics", sys_my_cache_statistics, 0, 0 },
    { "trap_add_to_closure_list", sys_trap_add_to_closure_list, 1, 1 },
    { NULL, NULL, 0, 0 },
};

/* MAGLEV-API.md section 2: the Maglev module's share of the above; as in
 * MagLev's Maglev.rb, begin_transaction and commit_and_release_locks are
 * module functions, the other two singleton methods only. */
static const MgMethodDef maglev_methods[] = {
    { "begin_nested_transaction", sys_begin_nested_transaction, 0, 0 },
    { "transaction_level", sys_transaction_level, 0, 0 },
    { NULL, NULL, 0, 0 },
};

static const MgMethodDef maglev_module_functions[] = {
    { "begin_transaction", sys_begin_transaction, 0, 0 },
    { "commit_and_release_locks", sys_commit_and_release_locks, 0, 0 },
    { NULL, NULL, 0, 0 },
};

void
mg_init_maglev_system(void)
{
    mg_cSystem = mg_define_class_under(mg_mMaglev, "System", mg_cObject);
    mg_eLockError = mg_define_class_under(mg_cObject, "LockError", mg_eStandardError);
    mg_define_singleton_methods(MG_VAL(mg_cSystem), system_methods);
    mg_define_singleton_methods(MG_VAL(mg_mMaglev), maglev_methods);
    mg_define_module_functions(mg_mMaglev, maglev_module_functions);
    session_temps = mg_hash_new();
    mg_gc_register(&session_temps);
}
