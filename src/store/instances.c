/* instances.c -- the repository questions lib/maglev/repository.rb asks
 * through the transaction's view: every instance of some classes
 * (Repository#list_instances, the class migration's batches) and another
 * live session (tests of locks). txn.c owns the view and the repository. */

#include "store.h"
#include "backend.h"
#include "paged.h"
#include "../core/core.h"
#include "../object/class.h"

typedef struct { Value oops; uint64_t *classes; size_t nclasses; int64_t which; size_t limit; } InstanceScan;

static bool
class_ref_at(const uint8_t *p, size_t len, uint64_t *oop)
{
    /* docs/format.md, "Object payload": type, flags, 2 zero bytes, then the class ref */
    if (len < 14 || p[4] != 6 /* REF_OBJ */ || p[5] != T_CLASS) return false;
    memcpy(oop, p + 6, 8);
    return true;
}

static void
candidate(InstanceScan *s, int64_t i, int type, uint64_t oop)
{
    mg_ary_push(s->oops, mg_ary_new_from(3, (Value[]){ MG_FIX(i), MG_FIX(type), mg_int_new((int64_t)oop) }));
}

static bool
scan_instance(uint64_t oop, MgStoreErr err, const MgRecord *rec, void *arg)
{
    InstanceScan *s = arg;
    if (err || !rec || rec->len < 14) return true;
    const uint8_t *p = rec->data;
    uint8_t type = p[0];
    if (type == T_CLASS || type == T_MODULE) return true;
    uint64_t cls;
    if (!class_ref_at(p, rec->len, &cls)) return true;
    for (size_t i = 0; i < s->nclasses; i++)
        if (s->classes[i] == cls) {
            candidate(s, (int64_t)i, type, oop);
            break;
        }
    return !s->limit || (size_t)mg_ary_len(s->oops) < s->limit;
}

static bool
indexed_instance(uint64_t oop, void *arg)
{
    InstanceScan *s = arg;
    candidate(s, s->which, -1, oop);
    return !s->limit || (size_t)mg_ary_len(s->oops) < s->limit;
}

/* The instances of each class in this view: from the class index for the
 * classes it covers (one key range each), else from a walk of every record;
 * every candidate is checked against the view's record. With one class and a
 * limit > 0, at most the first limit candidates of the index are checked
 * (the migration's batches). */
Value
mg_store_list_instances(Value classes, size_t limit)
{
    MgView *view = mg_store_view();
    int64_t n = mg_ary_len(classes);
    Value out = mg_ary_new();
    uint64_t *oops = calloc(n ? (size_t)n : 1, sizeof *oops);
    if (!oops) mg_raise_nomem();
    InstanceScan s = { mg_ary_new(), oops, (size_t)n, 0, n == 1 ? limit : 0 };    /* (both paths honour it) */
    bool walk = false;
    for (int64_t i = 0; i < n; i++) {
        Value c = mg_ary_entry(classes, i);
        if (!MG_IS_CLASS_OR_MODULE(c)) { free(oops); mg_raise(mg_eTypeError, "list_instances takes classes"); }
        Obj *o = MG_OBJ(c);
        oops[i] = mg_store_wellknown_oop(c) ? mg_store_wellknown_oop(c) : (o->flags & OF_PERSISTENT) ? o->oop : 0;
        int64_t same = -1;                           /* a class listed twice: the same Array twice, as MagLev */
        for (int64_t j = 0; j < i && same < 0; j++) if (mg_ary_entry(classes, j) == c) same = j;
        if (same >= 0) {
            oops[i] = 0;
            mg_ary_push(out, mg_ary_entry(out, same));
            continue;
        }
        mg_ary_push(out, mg_ary_new());
        s.which = i;
        if (oops[i] >= MG_OOP_FIRST && mg_view_instances(view, oops[i], indexed_instance, &s) == MG_STORE_OK)
            oops[i] = 0;                              /* done: the walk need not look for it */
        else if (oops[i])
            walk = true;
    }
    if (walk) {
        /* candidates from the newest snapshot, then kept only if our view has them with that class */
        uint64_t seq, next;
        MgStoreErr e = mg_repo_each_record(mg_store_repo(), &seq, &next, scan_instance, &s);
        if (e) { free(oops); mg_store_storage_error("walk records"); }
    }
    free(oops);
    for (int64_t j = 0; j < mg_ary_len(s.oops); j++) {
        Value cand = mg_ary_entry(s.oops, j);
        int64_t i = MG_FIX2LONG(mg_ary_entry(cand, 0));
        int type = (int)MG_FIX2LONG(mg_ary_entry(cand, 1));
        uint64_t oop = (uint64_t)mg_num2long(mg_ary_entry(cand, 2));
        MgRecord rec;
        uint64_t cls;
        if (mg_view_read(view, oop, &rec) != MG_STORE_OK || rec.len < 14 || !class_ref_at(rec.data, rec.len, &cls)) continue;
        uint8_t rtype = ((const uint8_t *)rec.data)[0];
        if (rtype == T_CLASS || rtype == T_MODULE || (type >= 0 && rtype != type)) continue;
        if (((const uint8_t *)rec.data)[1] & MG_RF_PAGE) continue;        /* a page of a paged Array */
        Value c = mg_ary_entry(classes, i);
        uint64_t want = mg_store_wellknown_oop(c) ? mg_store_wellknown_oop(c) : MG_OBJ(c)->oop;
        if (cls != want) continue;
        const char *err = NULL;
        Value obj = mg_store_ref(rtype, oop, &err);
        if (!err) mg_ary_push(mg_ary_entry(out, i), obj);
    }
    return out;
}

static void
note_session(const MgSession *s, void *arg)
{
    int *pid = arg;
    if (!*pid) *pid = s->pid;
}

int
mg_store_other_session_pid(void)
{
    int pid = 0;
    uint64_t seq, id;
    if (mg_repo_sessions(mg_store_repo(), &seq, &id, note_session, &pid)) mg_store_storage_error("list sessions");
    return pid;
}
