/* identityset.c -- the C side of IdentitySet (lib/maglev/identityset.rb;
 * design: docs/indexes.md): hidden back-reference slots on indexed members
 * and the commit hook that moves members whose indexed values changed. */
#include "core.h"
#include "../store/store.h"

static ID id_sets, id_deps, id_precommit;
static Value pending = MG_NIL;         /* IdentitySet.__pending */

/* A hidden slot name: a Symbol or String without '@' (never Ruby-visible). */
static ID
slot_name(Value name)
{
    if (MG_IS_SYMBOL(name)) return MG_SYM2ID(name);
    if (MG_IS_STRING(name)) return mg_intern(mg_str_cstr(name), (size_t)mg_str_len(name));
    mg_raise(mg_eTypeError, "hidden slot name must be a Symbol or String");
}

static void
check_slot(ID id)
{
    if (mg_id_name(id, NULL)[0] == '@') mg_raise(mg_eArgumentError, "hidden slot names do not start with '@'");
}

/* IdentitySet.__hget(obj, name): the hidden slot's value, or the third argument when unset. */
static Value
iset_hget(Value self, int argc, const Value *argv, Value blk)
{
    if (!MG_IS_PTR(argv[0])) return argc > 2 ? argv[2] : MG_NIL;
    ID id = slot_name(argv[1]);
    check_slot(id);
    Value v = mg_ivar_lookup(argv[0], id);
    return v == MG_UNDEF ? (argc > 2 ? argv[2] : MG_NIL) : v;
}

/* IdentitySet.__hset(obj, name, v): sets it (write barrier included); false for an immediate. */
static Value
iset_hset(Value self, int argc, const Value *argv, Value blk)
{
    if (!MG_IS_PTR(argv[0]) || mg_frozen_p(argv[0])) return MG_FALSE;
    ID id = slot_name(argv[1]);
    check_slot(id);
    mg_ivar_set(argv[0], id, argv[2]);
    return MG_TRUE;
}

static Value
iset_hdel(Value self, int argc, const Value *argv, Value blk)
{
    if (!MG_IS_PTR(argv[0]) || mg_frozen_p(argv[0])) return MG_NIL;
    ID id = slot_name(argv[1]);
    check_slot(id);
    Value v = mg_ivar_remove(argv[0], id);
    return v == MG_UNDEF ? MG_NIL : v;
}

/* IdentitySet.__pending: the not yet committed members that are in an index
 * (an Array of this process, never persisted; the library appends to it). */
static Value
iset_pending(Value self, int argc, const Value *argv, Value blk)
{
    return pending;
}

/* store/txn.c R6: dirty objects that carry back-references (and the
 * pending new members) go to IdentitySet.__precommit, which moves them.
 * The library may not be loaded yet (a member faulted, its set not), or its
 * methods may come from the repository (it was loaded in persistent mode). */
static void
precommit(void)
{
    Value dirty = mg_store_dirty_with(id_sets, id_deps);
    if (mg_ary_len(dirty) == 0 && mg_ary_len(pending) == 0) return;
    if (!mg_respond_to(MG_VAL(mg_cIdentitySet), id_precommit, true)) mg_require("maglev/identityset");
    if (!mg_respond_to(MG_VAL(mg_cIdentitySet), id_precommit, true)) return;
    mg_funcall(MG_VAL(mg_cIdentitySet), id_precommit, 1, &dirty);
}

static const MgMethodDef iset_singleton_methods[] = {
    { "__hget", iset_hget, 2, 3 },
    { "__hset", iset_hset, 3, 3 },
    { "__hdel", iset_hdel, 2, 2 },
    { "__pending", iset_pending, 0, 0 },
    { NULL, NULL, 0, 0 },
};

void
mg_init_identityset(void)
{
    id_sets = mg_intern_cstr("__ixs");
    id_deps = mg_intern_cstr("__ixd");
    id_precommit = mg_intern_cstr("__precommit");
    pending = mg_ary_new();
    mg_gc_register(&pending);
    mg_define_singleton_methods(MG_VAL(mg_cIdentitySet), iset_singleton_methods);
    mg_store_precommit_hook = precommit;
}
