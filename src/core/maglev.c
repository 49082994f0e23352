/* maglev.c -- the Maglev module: MagLev's persistence API on top of the
 * transaction layer (store/store.h). Specification: MAGLEV-API.md. */
#include "core.h"
#include "../store/store.h"

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
    return MG_TRUE;
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

static Value
transaction_error_object(Value self, int argc, const Value *argv, Value blk)
{
    return mg_ivar_get(self, mg_intern_cstr("@object"));
}

static const MgMethodDef maglev_singleton_methods[] = {
    { "commit_transaction", maglev_commit_transaction, 0, 0 },
    { "commit", maglev_commit_transaction, 0, 0 },
    { "abort_transaction", maglev_abort_transaction, 0, 0 },
    { "abort", maglev_abort_transaction, 0, 0 },
    { "[]", maglev_aref, 1, 1 },
    { "[]=", maglev_aset, 2, 2 },
    { "root", maglev_root, 0, 0 },
    { NULL, NULL, 0, 0 },
};

void
mg_init_maglev(void)
{
    mg_store_init();
    mg_define_const(mg_mMaglev, "PERSISTENT_ROOT", mg_store_root());
    mg_define_singleton_methods(MG_VAL(mg_mMaglev), maglev_singleton_methods);
    mg_define_method(mg_mKernel, "committed?", obj_committed_p, 0, 0);
    mg_define_method(mg_eCommitFailedException, "conflicts", commit_failed_conflicts, 0, 0);
    mg_define_method(mg_eTransactionError, "object", transaction_error_object, 0, 0);
}
