/* maglev.c -- the Maglev module: MagLev's persistence API on top of the
 * transaction layer (store/store.h). Specification: MAGLEV-API.md. */
#include "core.h"
#include "../store/store.h"
#include <unistd.h>

static Value
maglev_commit_transaction(Value self, int argc, const Value *argv, Value blk)
{
    mg_store_commit();
    return MG_TRUE;
}

static Value
maglev_abort_transaction(Value self, int argc, const Value *argv, Value blk)
{
    mg_store_abort();
    return mg_const_get(mg_mMaglev, mg_intern_cstr("System"));   /* MagLev answers Maglev::System */
}

static Value
maglev_aref(Value self, int argc, const Value *argv, Value blk)
{
    return mg_hash_aref(mg_store_root(), argv[0]);
}

static Value
maglev_aset(Value self, int argc, const Value *argv, Value blk)
{
    mg_hash_aset(mg_store_root(), argv[0], argv[1]);
    return argv[1];
}

static Value
maglev_root(Value self, int argc, const Value *argv, Value blk)
{
    return mg_store_root();
}

static Value
obj_committed_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(mg_store_committed_p(self));
}

static Value
commit_failed_conflicts(Value self, int argc, const Value *argv, Value blk)
{
    Value c = mg_ivar_get(self, mg_intern_cstr("@conflicts"));
    return c == MG_NIL ? mg_ary_new() : c;
}

/* ---- modes (MAGLEV-API.md section 3) ----
 * The mode lives only behind store/code.c's mg_mode_get/mg_mode_set; it is per
 * thread (core/thread.c saves it around switches; new threads start transient). */

static Value
mode_body(Value blk)
{
    return mg_yield(blk, 0, NULL);
}

/* Every change from a persistent mode to transient copies $LOAD_PATH to the
 * repository's copy (MagLev's Maglev.persistent, note 6): the end of a
 * Maglev.persistent block, and the start of a Maglev.transient block run in
 * persistent mode (-Mpersistent's main thread never leaves it otherwise). */
static void
mode_switch(int next)
{
    if (mg_mode_get() != MG_MODE_TRANSIENT && next == MG_MODE_TRANSIENT) mg_code_save_load_path();
    mg_mode_set(next);
}

static void
mode_restore(Value saved)
{
    mode_switch((int)MG_FIX2LONG(saved));
}

static Value
run_in_mode(int mode, Value blk)
{
    if (blk == MG_NIL) mg_raise(mg_eLocalJumpError, "no block given (yield)");
    Value saved = MG_FIX(mg_mode_get());
    mode_switch(mode);
    return mg_ensure(mode_body, blk, mode_restore, saved);
}

static Value
maglev_persistent(Value self, int argc, const Value *argv, Value blk)
{
    bool instances = argc == 0 || MG_TEST(argv[0]);
    return run_in_mode(instances ? MG_MODE_PERSISTENT : MG_MODE_PERSISTENT_CODE, blk);
}

static Value
maglev_transient(Value self, int argc, const Value *argv, Value blk)
{
    return run_in_mode(MG_MODE_TRANSIENT, blk);
}

static Value
maglev_persistent_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(mg_mode_get() != MG_MODE_TRANSIENT);
}

static Value
maglev_transient_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(mg_mode_get() == MG_MODE_TRANSIENT);
}

/* ---- marking classes (MAGLEV-API.md section 4) ---- */


static RClass *
module_arg(Value self)
{
    if (!MG_IS_CLASS_OR_MODULE(self)) mg_raise(mg_eTypeError, "not a class or module");
    return MG_RCLASS(self);
}

static Value
mod_maglev_persistable(Value self, int argc, const Value *argv, Value blk)
{
    RClass *c = module_arg(self);
    if (c->hdr.flags & CF_NIL_REFERENCES)
        mg_raise(mg_eArgumentError, "%s has maglev_nil_references: it cannot be persistable", mg_class_cname(c));
    mg_code_make_persistable(c, argc > 0 && MG_TEST(argv[0]), blk);
    return self;
}

/* Module#maglev_nil_references(on = true): references to the module from
 * persistent objects are written as nil (MaglevRecord's transient mixins). */
static Value
mod_maglev_nil_references(Value self, int argc, const Value *argv, Value blk)
{
    RClass *c = module_arg(self);
    bool on = argc == 0 || MG_TEST(argv[0]);
    if (on && ((c->hdr.flags & OF_PERSISTABLE) || mg_store_wellknown_oop(self)))
        mg_raise(mg_eArgumentError, "%s is persistable: references to it cannot be written as nil", mg_class_cname(c));
    if (on) c->hdr.flags |= CF_NIL_REFERENCES;
    else c->hdr.flags &= (uint16_t)~CF_NIL_REFERENCES;
    return MG_BOOL(on);
}

static Value
mod_maglev_nil_references_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(module_arg(self)->hdr.flags & CF_NIL_REFERENCES);
}

/* MagLev's replayable includes: reinclude_store(mod) / reextend_store(mod)
 * include (extend) mod now and remember its name so redo_include /
 * redo_extend / redo_include_and_extend do it again in a later process (for
 * modules that are not persistable, so the include itself is not kept). */
/* include/extend in transient mode: the module itself is not persistable,
 * so the include must not be recorded (only its name is) */
typedef struct { Value self, mod; bool extend; int mode; } Redo;

static Value
redo_one_run(Value arg)
{
    Redo *r = (Redo *)(uintptr_t)MG_FIX2LONG(arg);
    mg_mode_set(MG_MODE_TRANSIENT);
    return mg_funcall(r->self, mg_intern_cstr(r->extend ? "extend" : "include"), 1, &r->mod);
}

static void
redo_one_done(Value arg)
{
    mg_mode_set(((Redo *)(uintptr_t)MG_FIX2LONG(arg))->mode);
}

static void
redo_one(Value self, Value mod, bool extend)
{
    Redo r = { self, mod, extend, mg_mode_get() };
    Value arg = MG_FIX((int64_t)(intptr_t)&r);
    mg_ensure(redo_one_run, arg, redo_one_done, arg);
}

static Value
store_redo(Value self, int argc, const Value *argv, bool extend)
{
    RClass *c = module_arg(self);
    for (int i = 0; i < argc; i++) {
        if (!MG_IS_CLASS_OR_MODULE(argv[i]) || MG_RCLASS(argv[i])->hdr.type != T_MODULE)
            mg_raise(mg_eTypeError, "wrong argument type %s (expected Module)", mg_class_cname(mg_obj_class(argv[i])));
        Value name = mg_class_name(MG_RCLASS(argv[i]));
        if (name == MG_NIL) mg_raise(mg_eArgumentError, "an anonymous module cannot be included again by name");
        Value list = mg_code_redo_list(c, extend, true);
        if (!MG_TEST(mg_funcall(list, mg_intern_cstr("include?"), 1, &name))) mg_ary_push(list, mg_str_dup(name));
        redo_one(self, argv[i], extend);
    }
    return self;
}

static Value
mod_reinclude_store(Value self, int argc, const Value *argv, Value blk)
{
    return store_redo(self, argc, argv, false);
}

static Value
mod_reextend_store(Value self, int argc, const Value *argv, Value blk)
{
    return store_redo(self, argc, argv, true);
}

static Value
redo(Value self, bool extend)
{
    Value list = mg_code_redo_list(module_arg(self), extend, false);
    for (int64_t i = 0; MG_IS_ARRAY(list) && i < MG_RARRAY(list)->len; i++) {
        Value name = MG_RARRAY(list)->ptr[i];
        if (MG_IS_PTR(name)) MG_FAULT(name);
        redo_one(self, mg_funcall(MG_VAL(mg_cObject), mg_intern_cstr("const_get"), 1, &name), extend);
    }
    return self;
}

static Value
mod_redo_include(Value self, int argc, const Value *argv, Value blk)
{
    return redo(self, false);
}

static Value
mod_redo_extend(Value self, int argc, const Value *argv, Value blk)
{
    return redo(self, true);
}

static Value
mod_redo_include_and_extend(Value self, int argc, const Value *argv, Value blk)
{
    redo(self, false);
    return redo(self, true);
}

/* ---- objects: become, find_references_in_memory (MAGLEV-API.md section 8) ---- */

static size_t
body_size(const Obj *o)
{
    switch ((ObjType)o->type) {
    case T_OBJECT: return sizeof(RObject);
    case T_STRING: return sizeof(RString);
    case T_ARRAY: return sizeof(RArray);
    case T_HASH: return sizeof(RHash);
    case T_RANGE: return sizeof(RRange);
    default: return 0;
    }
}

static Obj *
becoming(Value v)
{
    if (!MG_IS_PTR(v))
        mg_raise(mg_eArgumentError, "%s is an immediate value: it cannot become another object", mg_str_cstr(mg_inspect(v)));
    Obj *o = MG_OBJ(v);
    mg_ensure_faulted(o);
    if (!body_size(o))
        mg_raise(mg_eArgumentError, "a %s cannot become another object (only plain objects, Strings, Arrays, Hashes "
                 "and Ranges can)", mg_class_cname(mg_obj_class(v)));
    if (o->flags & OF_GENIVAR)
        mg_raise(mg_eArgumentError, "a %s with instance variables cannot become another object",
                 mg_class_cname(mg_obj_class(v)));
    if (o->type == T_ARRAY) mg_ary_unembed((RArray *)o);     /* the elements move out of the slot */
    if (o->type == T_STRING) mg_str_unembed((RString *)o);   /* and the bytes */
    if (o->type == T_OBJECT && (o->flags & OF_IVEMBED)) {   /* the ivars move out of the slot */
        RObject *ro = (RObject *)o;
        Value *ivs = mg_malloc((o->extra ? o->extra : 1) * sizeof(Value));
        memcpy(ivs, ro->ivs, o->extra * sizeof(Value));
        ro->ivs = ivs;
        o->flags &= (uint16_t)~OF_IVEMBED;
    }
    return o;
}

/* Object#become(other): every reference to the receiver -- variables,
 * other objects, the repository's records -- now sees other's state and
 * class, and every reference to other the receiver's: the two swap what
 * they are, while each keeps its place, object id and OOP (GemStone's
 * become:). Persistent ones are dirty: the next commit rewrites their records. */
static Value
obj_become(Value self, int argc, const Value *argv, Value blk)
{
    Value other = argv[0];
    if (self == other) return self;
    Obj *a = becoming(self), *b = becoming(other);
    /* a reference in a record names the kind of object it refers to (record.c),
     * and neither those records nor this object's own could follow the change */
    if (a->type != b->type && ((a->flags | b->flags) & OF_PERSISTENT)) {
        Obj *p = (a->flags & OF_PERSISTENT) ? a : b, *q = p == a ? b : a;
        mg_raise(mg_eArgumentError, "a persistent %s cannot become a %s: only an object of the same kind can "
                 "(plain object, String, Array, Hash or Range)",
                 mg_class_cname(mg_obj_class(MG_VAL(p))), mg_class_cname(mg_obj_class(MG_VAL(q))));
    }
    size_t need = body_size(a) > body_size(b) ? body_size(a) : body_size(b);
    if (mg_gc_slot_size(a) < need || mg_gc_slot_size(b) < need)
        mg_raise(mg_eArgumentError, "a %s cannot become a %s: their slots differ in size",
                 mg_class_cname(mg_obj_class(self)), mg_class_cname(mg_obj_class(other)));
    mg_wb(a, MG_NIL);                      /* persistent ones join the write set first */
    mg_wb(b, MG_NIL);
    /* a paged Array's or Hash's pages (store/paged.c) stay with its OOP: its next
     * commit compares the new elements with them (the barrier marked them all) */
    const uint16_t keep = OF_PERSISTENT | OF_DIRTY | OF_UNFAULTED
                          | (a->type == b->type && (a->type == T_ARRAY || a->type == T_HASH) ? OF_PAGED : 0);
    Obj ha = *a, hb = *b;
    a->klass = hb.klass; a->type = hb.type; a->extra = hb.extra;
    b->klass = ha.klass; b->type = ha.type; b->extra = ha.extra;
    a->flags = (uint16_t)((ha.flags & keep) | (hb.flags & ~keep));
    b->flags = (uint16_t)((hb.flags & keep) | (ha.flags & ~keep));
    char tmp[64];
    size_t n = need - sizeof(Obj);
    memcpy(tmp, (char *)a + sizeof(Obj), n);
    memcpy((char *)a + sizeof(Obj), (char *)b + sizeof(Obj), n);
    memcpy((char *)b + sizeof(Obj), tmp, n);
    /* a singleton class belongs to the slot that now has it */
    if (a->klass && (a->klass->hdr.flags & OF_SINGLETON) && a->klass->u.attached == other) a->klass->u.attached = self;
    if (b->klass && (b->klass->hdr.flags & OF_SINGLETON) && b->klass->u.attached == self) b->klass->u.attached = other;
    return self;
}

typedef struct { Obj *target; Obj *current; size_t hits; Value *found; size_t n, cap; } RefFind;

static void
ref_child(Obj *child, void *arg)
{
    RefFind *f = arg;
    if (child == f->target) f->hits++;
}

static bool
ref_ivar(ID name, Value v, void *arg)
{
    RefFind *f = arg;
    if (MG_IS_PTR(v) && MG_OBJ(v) == f->target && mg_id_name(name, NULL)[0] == '@') f->hits++;   /* not hidden ones */

    return true;
}

static void
ref_scan(Obj *o, void *arg)
{
    RefFind *f = arg;
    if ((o->flags & OF_UNFAULTED) || !o->klass || o->type == T_ICLASS || o->type == T_NONE || o == f->target) return;
    if (o->type == T_DATA && o->klass == mg_cObject) return;   /* the VM's own: code, environments of frames */
    f->hits = 0;
    if (o->type == T_OBJECT) {
        mg_ivar_foreach(MG_VAL(o), ref_ivar, f);         /* its instance variables, not VM-internal slots */
    } else {
        mg_gc_each_child(o, ref_child, f);
        if (&o->klass->hdr == f->target) f->hits--;      /* being its class is no reference */
    }
    if (!f->hits) return;
    if (f->n == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 16;
        Value *p = realloc(f->found, cap * sizeof *p);     /* the walk must not allocate on the heap */
        if (!p) return;
        f->found = p;
        f->cap = cap;
    }
    f->found[f->n++] = MG_VAL(o);
}

/* Object#find_references_in_memory: the objects of this process (not the
 * repository's records) that refer to the receiver. */
static Value
obj_find_references_in_memory(Value self, int argc, const Value *argv, Value blk)
{
    if (!MG_IS_PTR(self)) return mg_ary_new();
    RefFind f = { MG_OBJ(self), NULL, 0, NULL, 0, 0 };
    bool was = mg_gc_disable(true);
    mg_gc_each_object(ref_scan, &f);
    Value out = mg_ary_new_from((int64_t)f.n, f.found);
    mg_gc_disable(was);
    free(f.found);
    return out;
}

/* Module#transient_const_set(name) { value }: code.c. */
static Value
mod_transient_const_set(Value self, int argc, const Value *argv, Value blk)
{
    if (blk == MG_NIL) mg_raise(mg_eArgumentError, "transient_const_set needs a block computing the value");
    RClass *c = module_arg(self);
    return mg_code_transient_const(c, mg_mod_const_id(self, argv[0]), blk);
}

static Value
mod_maglev_persistable_p(Value self, int argc, const Value *argv, Value blk)
{
    RClass *c = module_arg(self);
    return MG_BOOL((c->hdr.flags & OF_PERSISTABLE) || mg_store_wellknown_oop(self));
}

static Value
class_instances_persistable_set(Value self, int argc, const Value *argv, Value blk)
{
    RClass *c = module_arg(self);
    if (!(c->hdr.flags & OF_PERSISTABLE) && !mg_store_wellknown_oop(self))
        mg_raise(mg_eNotPersistableException, "%s is not persistable", mg_class_cname(c));
    if (MG_TEST(argv[0])) c->hdr.flags &= ~CF_NO_PERSISTENT_INSTANCES;
    else c->hdr.flags |= CF_NO_PERSISTENT_INSTANCES;
    if (c->hdr.flags & OF_PERSISTENT) mg_store_stage_class(c);
    return argv[0];
}

static Value
class_instances_persistable_p(Value self, int argc, const Value *argv, Value blk)
{
    RClass *c = module_arg(self);
    bool p = (c->hdr.flags & OF_PERSISTABLE) || mg_store_wellknown_oop(self);
    return MG_BOOL(p && !(c->hdr.flags & CF_NO_PERSISTENT_INSTANCES));
}

static Value
transaction_error_object(Value self, int argc, const Value *argv, Value blk)
{
    return mg_ivar_get(self, mg_intern_cstr("@object"));
}

/* ---- reduced-conflict classes (lib/prelude/rc.rb; design: store/txn.c) ---- */

/* Maglev.__rc_log(rc, state, op, *args): logs an operation for replay. */
static Value
maglev_rc_log(Value self, int argc, const Value *argv, Value blk)
{
    mg_store_rc_log(argv[0], argv[1], argv[2], mg_ary_new_from(argc - 3, argv + 3));
    return MG_NIL;
}

/* Maglev.__capture_frames(on): while on (calls nest), a raised exception
 * keeps a snapshot of its Ruby frames (vm/raise.c). Maglev.__frames_of(exc)
 * takes the snapshot off the exception (its values need not be persistable)
 * and answers it, nil when none was taken. */
extern int mg_vm_capture_frames;

static Value
maglev_capture_frames(Value self, int argc, const Value *argv, Value blk)
{
    if (MG_TEST(argv[0])) mg_vm_capture_frames++;
    else if (mg_vm_capture_frames > 0) mg_vm_capture_frames--;
    return MG_FIX(mg_vm_capture_frames);
}

static Value
maglev_frames_of(Value self, int argc, const Value *argv, Value blk)
{
    if (!MG_IS_PTR(argv[0])) return MG_NIL;
    Value v = mg_ivar_remove(argv[0], mg_intern_cstr("__frames"));
    return v == MG_UNDEF ? MG_NIL : v;
}

static Value
maglev_clear_features(Value self, int argc, const Value *argv, Value blk)
{
    mg_code_clear_features();
    return MG_NIL;
}

/* The persistent autoloads (lib/prelude/autoload.rb): a Hash or nil. */
static Value
maglev_persistent_autoloads(Value self, int argc, const Value *argv, Value blk)
{
    return mg_code_autoloads(argc > 0 && MG_TEST(argv[0]));
}

static NORETURN void
conflicts_unsupported(const char *name)
{
    mg_raise(mg_eNotImplementedError, "%s is not implemented in maglev (as in MagLev); #conflicts answers the conflicting objects", name);
}

static Value
commit_failed_transaction_conflicts(Value self, int argc, const Value *argv, Value blk)
{
    conflicts_unsupported("transaction_conflicts");
}

static Value
commit_failed_disconnect_conflicts(Value self, int argc, const Value *argv, Value blk)
{
    conflicts_unsupported("disconnect_conflicts");
}

/* make: the base image (share/maglev/extent0.mdb) is a repository seeded so. */
static Value
maglev_seed_base_image(Value self, int argc, const Value *argv, Value blk)
{
    mg_store_seed();
    return MG_TRUE;
}

/* Objects emptied under --max-memory so far (tests, tuning). */
static Value
maglev_evicted(Value self, int argc, const Value *argv, Value blk)
{
    return mg_int_new((int64_t)mg_store_evicted());
}

static Value
maglev_rc_replays(Value self, int argc, const Value *argv, Value blk)
{
    return mg_int_new((int64_t)mg_store_rc_replays());
}

/* ---- repository access (lib/maglev/repository.rb) ---- */

static Value
maglev_list_instances(Value self, int argc, const Value *argv, Value blk)
{
    if (!MG_IS_ARRAY(argv[0])) mg_raise(mg_eTypeError, "list_instances takes an Array of classes");
    int64_t limit = argc > 1 && argv[1] != MG_NIL ? mg_num2long(argv[1]) : 0;
    if (limit < 0) mg_raise(mg_eArgumentError, "negative limit");
    return mg_store_list_instances(argv[0], (size_t)limit);
}

/* The system table (the persistent $LOADED_FEATURES, autoloads, the
 * migrations in progress: lib/prelude/migration.rb). */
static Value
maglev_system_table(Value self, int argc, const Value *argv, Value blk)
{
    Value sys = mg_store_system();
    MG_FAULT(sys);
    return sys;
}

static Value
maglev_other_session_pid(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX(mg_store_other_session_pid());
}

/* [repository directory, directory of this executable] */
static Value
maglev_store_paths(Value self, int argc, const Value *argv, Value blk)
{
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n < 0) n = 0;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash) *slash = '\0';
    return mg_ary_new_from(2, (Value[]){ mg_str_new_cstr(mg_store_path()), mg_str_new_cstr(exe) });
}

/* Whether obj is one of the base image's objects (well-known OOPs: the core
 * and library classes every repository has): lib/prelude/migration.rb will
 * not replace one by a new version. */
static Value
maglev_base_image_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(mg_store_wellknown_oop(argv[0]) != 0);
}

/* Closes the repository (an open transaction is aborted): for a restore. */
static Value
maglev_store_close(Value self, int argc, const Value *argv, Value blk)
{
    mg_store_shutdown();
    return MG_NIL;
}

/* MagLev's module_functions (Maglev.rb): also private instance methods, so
 * code that includes Maglev calls them bare */
static const MgMethodDef maglev_module_functions[] = {
    { "commit_transaction", maglev_commit_transaction, 0, 0 },
    { "commit", maglev_commit_transaction, 0, 0 },
    { "abort_transaction", maglev_abort_transaction, 0, 0 },
    { "abort", maglev_abort_transaction, 0, 0 },
    { "root", maglev_root, 0, 0 },
    { "persistent", maglev_persistent, 0, 1 },
    { "transient", maglev_transient, 0, 0 },
    { "persistent?", maglev_persistent_p, 0, 0 },
    { "transient?", maglev_transient_p, 0, 0 },
    { "clear_persistent_LOADED_FEATURES", maglev_clear_features, 0, 0 },
    { NULL, NULL, 0, 0 },
};

static const MgMethodDef maglev_singleton_methods[] = {
    { "[]", maglev_aref, 1, 1 },
    { "[]=", maglev_aset, 2, 2 },
    { "__rc_log", maglev_rc_log, 3, -1 },
    { "__rc_replays", maglev_rc_replays, 0, 0 },
    { "__capture_frames", maglev_capture_frames, 1, 1 },
    { "__frames_of", maglev_frames_of, 1, 1 },
    { "__evicted", maglev_evicted, 0, 0 },
    { "__seed_base_image", maglev_seed_base_image, 0, 0 },
    { "__persistent_autoloads", maglev_persistent_autoloads, 0, 1 },
    { "__list_instances", maglev_list_instances, 1, 2 },
    { "__system_table", maglev_system_table, 0, 0 },
    { "__other_session_pid", maglev_other_session_pid, 0, 0 },
    { "__store_paths", maglev_store_paths, 0, 0 },
    { "__store_close", maglev_store_close, 0, 0 },
    { "__base_image?", maglev_base_image_p, 1, 1 },
    { NULL, NULL, 0, 0 },
};

void
mg_init_maglev(void)
{
    mg_store_init();
    mg_define_const(mg_mMaglev, "PERSISTENT_ROOT", mg_store_root());
    mg_define_singleton_methods(MG_VAL(mg_mMaglev), maglev_singleton_methods);
    mg_define_module_functions(mg_mMaglev, maglev_module_functions);
    mg_notify_init();
    mg_define_method(mg_mKernel, "committed?", obj_committed_p, 0, 0);
    mg_define_method(mg_eCommitFailedException, "conflicts", commit_failed_conflicts, 0, 0);
    mg_define_method(mg_eTransactionError, "object", transaction_error_object, 0, 0);
    mg_eNotPersistableException = mg_define_class_under(mg_mMaglev, "NotPersistableException", mg_eMaglevException);
    /* MAGLEV-API.md section 5: declared (a maglev process is always in a
     * transaction, so nothing raises it); GemStone's conflict sets are not
     * offered -- #conflicts answers the conflicting objects */
    mg_define_class_under(mg_mMaglev, "OutsideOfTransactionException", mg_eMaglevException);
    mg_define_method(mg_eCommitFailedException, "transaction_conflicts", commit_failed_transaction_conflicts, 0, 0);
    mg_define_method(mg_eCommitFailedException, "disconnect_conflicts", commit_failed_disconnect_conflicts, 0, 0);
    mg_define_method(mg_cModule, "maglev_persistable", mod_maglev_persistable, 0, 1);
    mg_define_method(mg_cModule, "maglev_persistable?", mod_maglev_persistable_p, 0, 0);
    mg_define_method(mg_cModule, "maglev_nil_references", mod_maglev_nil_references, 0, 1);
    mg_define_method(mg_cModule, "maglev_nil_references?", mod_maglev_nil_references_p, 0, 0);
    mg_define_method(mg_cModule, "transient_const_set", mod_transient_const_set, 1, 1);
    mg_define_method(mg_mKernel, "become", obj_become, 1, 1);
    mg_define_method(mg_mKernel, "find_references_in_memory", obj_find_references_in_memory, 0, 0);
    mg_define_method(mg_cModule, "reinclude_store", mod_reinclude_store, 0, -1);
    mg_define_method(mg_cModule, "reextend_store", mod_reextend_store, 0, -1);
    mg_define_method(mg_cModule, "redo_include", mod_redo_include, 0, 0);
    mg_define_method(mg_cModule, "redo_extend", mod_redo_extend, 0, 0);
    mg_define_method(mg_cModule, "redo_include_and_extend", mod_redo_include_and_extend, 0, 0);
    mg_define_method(mg_cClass, "maglev_instances_persistable=", class_instances_persistable_set, 1, 1);
    mg_define_method(mg_cClass, "maglev_instances_persistable?", class_instances_persistable_p, 0, 0);
}
