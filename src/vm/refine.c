/* refine.c -- refinements, lexically scoped as in CRuby 3.1.
 *
 * `refine C do ... end` inside module M makes (once per M and C) a Refinement
 * R: a module whose hidden ivars name C and M, listed in M's hidden
 * "refinements" array; the block runs in R (module_eval), so its `def`s go
 * there. Nothing else changes: C does not see R.
 *
 * `using M` (main.using at the top level of a file, Module#using in a class or
 * module body) gives the frame that says it a new Cref: a copy of its Cref
 * whose `refinements` array lists M's refinements before the ones already
 * active. Code after it in that scope -- and methods, blocks and class bodies
 * defined after it, which capture the frame's Cref -- see them; code before it
 * and other files (whose top frames start from VM.top_cref) do not.
 *
 * A call from bytecode whose frame's Cref has refinements (or that runs in a
 * refined method, which sees its own module's refinements) looks the method
 * up with mg_vm_refined_lookup: walking the receiver's class chain, a class's
 * active refinement that defines the method wins over the class's own one.
 * The site's inline cache then holds that result: a call site's refinements
 * are fixed by where it is in the source. `super` in a refined method goes to the
 * refined class's method. Kernel#send and #__send__ honour the caller's
 * refinements (3.1); C calls (mg_funcall), respond_to? and method do not. */
#include "vm_int.h"
#include "../util/idtable.h"

static RClass *refinement_class;
bool mg_refinements_used;
static ID id_refined_class, id_defined_at, id_refinements, id_module_eval;

bool
mg_vm_is_refinement(const RClass *m)
{
    return m && refinement_class && m->hdr.type == T_MODULE && mg_obj_class(MG_VAL(m)) == refinement_class;
}

/* the class a Refinement refines */
static RClass *
refined_class(const RClass *r)
{
    Value c = mg_ivar_lookup(MG_VAL(r), id_refined_class);
    return MG_IS_CLASS_OR_MODULE(c) ? MG_RCLASS(c) : NULL;
}

/* the refinements active for a call made from frame f: nil or an Array */
static Value
active_refinements(Frame *f, Value *extra)
{
    *extra = MG_NIL;
    if (!f) return MG_NIL;
    Value list = f->cref != MG_NIL ? mg_cref_ptr(f->cref)->refinements : MG_NIL;
    /* a refined method sees the refinements of its own module */
    MethodEntry *me = f->me;
    if (f->proc != MG_NIL && (f->flags & FRAME_BLOCK) && !(f->flags & FRAME_BMETHOD)) me = mg_proc_ptr(f->proc)->me;
    if (me && mg_vm_is_refinement(me->owner)) {
        Value m = mg_ivar_lookup(MG_VAL(me->owner), id_defined_at);
        if (MG_IS_CLASS_OR_MODULE(m)) *extra = mg_ivar_lookup(m, id_refinements);
        if (*extra == MG_UNDEF) *extra = MG_NIL;
    }
    return list;
}

bool
mg_vm_refinements_active(Frame *f)
{
    Value extra;
    return active_refinements(f, &extra) != MG_NIL || extra != MG_NIL;
}

static MethodEntry *
refined_in(Value list, RClass *m, ID mid)
{
    if (list == MG_NIL) return NULL;
    for (int64_t i = 0; i < mg_ary_len(list); i++) {
        RClass *r = MG_RCLASS(mg_ary_entry(list, i));
        if (refined_class(r) != m) continue;
        MethodEntry *me = mg_method_lookup(r, mid);
        if (me) return me;
    }
    return NULL;
}

static MethodEntry *
refined_lookup(Value extra, Value list, RClass *klass, ID mid)
{
    for (RClass *k = klass; k; k = k->super) {
        RClass *m = k;
        if (k->hdr.type == T_ICLASS) m = (k->hdr.flags & OF_ORIGIN) ? NULL : k->u.module;
        if (m) {
            MethodEntry *me = refined_in(extra, m, mid);
            if (!me) me = refined_in(list, m, mid);
            if (me) return me->kind == ME_UNDEF ? NULL : me;
        }
        uint64_t v;
        if (k->mt && mg_idtable_get(k->mt, mid, &v)) return mg_method_lookup(klass, mid);
    }
    return NULL;
}

/* The method `mid` of an instance of klass as seen from frame f. */
MethodEntry *
mg_vm_refined_lookup(Frame *f, RClass *klass, ID mid)
{
    Value extra, list = active_refinements(f, &extra);
    return refined_lookup(extra, list, klass, mid);
}

/* Every refinement active in frame f (nil if none), to look up with later. */
Value
mg_vm_active_refinements(Frame *f)
{
    Value extra, list = active_refinements(f, &extra);
    if (extra == MG_NIL) return list;
    if (list == MG_NIL) return extra;
    Value all = mg_ary_dup(extra);
    for (int64_t i = 0; i < mg_ary_len(list); i++) mg_ary_push(all, mg_ary_entry(list, i));
    return all;
}

MethodEntry *
mg_vm_refined_lookup_in(Value refinements, RClass *klass, ID mid)
{
    return refined_lookup(MG_NIL, refinements, klass, mid);
}

/* super from a refined method: the refined class's own method */
MethodEntry *
mg_vm_refinement_super(RClass *owner, ID mid)
{
    RClass *c = refined_class(owner);
    return c ? mg_method_lookup(c, mid) : NULL;
}

/* ---- refine ---- */

static Value
refinement_for(Value self, RClass *klass)
{
    Value list = mg_ivar_lookup(self, id_refinements);
    if (list == MG_UNDEF || list == MG_NIL) {
        list = mg_ary_new();
        mg_ivar_set(self, id_refinements, list);
    }
    for (int64_t i = 0; i < mg_ary_len(list); i++)
        if (refined_class(MG_RCLASS(mg_ary_entry(list, i))) == klass) return mg_ary_entry(list, i);
    Value r = mg_class_new_instance(refinement_class, 0, NULL, MG_NIL);
    mg_ivar_set(r, id_refined_class, MG_VAL(klass));
    mg_ivar_set(r, id_defined_at, self);
    mg_ary_push(list, r);
    return r;
}

static Value
mod_refine(Value self, int argc, const Value *argv, Value blk)
{
    if (blk == MG_NIL) mg_raise(mg_eArgumentError, "no block given");
    if (!MG_IS_CLASS_OR_MODULE(argv[0]))
        mg_raise(mg_eTypeError, "wrong argument type %s (expected Class or Module)", mg_class_cname(mg_obj_class(argv[0])));
    if (mg_obj_class(self) == mg_cClass) mg_raise(mg_eNoMethodError, "undefined method `refine' for %s", mg_class_cname(MG_RCLASS(self)));
    Value r = refinement_for(self, MG_RCLASS(argv[0]));
    mg_funcall_block(r, id_module_eval, 0, NULL, blk);
    return r;
}

static Value
refinement_inspect(Value self, int argc, const Value *argv, Value blk)
{
    RClass *c = refined_class(MG_RCLASS(self));
    Value m = mg_ivar_lookup(self, id_defined_at);
    if (!c || !MG_IS_CLASS_OR_MODULE(m)) return mg_str_new_cstr("#<refinement>");
    Value s = mg_str_new_cstr("#<refinement:");
    mg_str_append(s, mg_inspect(MG_VAL(c)));
    mg_str_cat_cstr(s, "@");
    mg_str_append(s, mg_inspect(m));
    mg_str_cat_cstr(s, ">");
    return s;
}

/* ---- using ---- */

static void
use(Value self, Value mod, bool main)
{
    Frame *f = mg_vm_ruby_frame();
    if (f && (f->flags & FRAME_METHOD))
        mg_raise(mg_eRuntimeError, main ? "main.using is permitted only at toplevel" : "Module#using is not permitted in methods");
    if (!main && f && f->self != self) mg_raise(mg_eRuntimeError, "Module#using is not called on self");
    if (!MG_IS_TYPE(mod, T_MODULE) || mg_vm_is_refinement(MG_RCLASS(mod)))
        mg_raise(mg_eTypeError, "wrong argument type %s (expected Module)", mg_class_cname(mg_obj_class(mod)));
    if (!f) return;
    VM *vm = VMS;
    Value old = f->cref != MG_NIL ? f->cref : vm->top_cref;
    Cref *oc = mg_cref_ptr(old);
    Value list = mg_ary_new();
    Value mine = mg_ivar_lookup(mod, id_refinements);
    if (mine != MG_UNDEF && mine != MG_NIL)
        for (int64_t i = mg_ary_len(mine) - 1; i >= 0; i--) mg_ary_push(list, mg_ary_entry(mine, i));
    if (oc->refinements != MG_NIL)
        for (int64_t i = 0; i < mg_ary_len(oc->refinements); i++)
            if (!mg_ary_includes(list, mg_ary_entry(oc->refinements, i))) mg_ary_push(list, mg_ary_entry(oc->refinements, i));
    Value nc = mg_cref_new(oc->klass, oc->next);
    Cref *c = mg_cref_ptr(nc);
    c->refinements = mg_ary_len(list) ? list : MG_NIL;
    /* the frame, and -- from a block -- the frames down to the scope the
     * block is in that share its Cref (constant caches are keyed by cref: they refill) */
    for (Frame *g = f; g >= vm->frames; g--) {
        if (g->cref == old || (g->cref == MG_NIL && old == vm->top_cref)) g->cref = nc;
        if (g->code && !(g->flags & FRAME_BLOCK)) break;
    }
    mg_refinements_used = true;
}

static Value
main_using(Value self, int argc, const Value *argv, Value blk)
{
    use(self, argv[0], true);
    return self;
}

static Value
mod_using(Value self, int argc, const Value *argv, Value blk)
{
    use(self, argv[0], false);
    return self;
}

/* Module.used_modules: the modules whose refinements `using` made active
 * where it is called, in the order they were activated. */
static Value
mod_s_used_modules(Value self, int argc, const Value *argv, Value blk)
{
    Value out = mg_ary_new();
    Value list = mg_vm_active_refinements(mg_vm_ruby_frame());
    if (list == MG_NIL) return out;
    for (int64_t i = mg_ary_len(list) - 1; i >= 0; i--) {     /* the list holds the newest first */
        Value m = mg_ivar_lookup(mg_ary_entry(list, i), id_defined_at);
        if (MG_IS_CLASS_OR_MODULE(m) && !mg_ary_includes(out, m)) mg_ary_push(out, m);
    }
    return out;
}

void mg_init_refinements(void);
void
mg_init_refinements(void)
{
    id_refined_class = mg_intern_cstr("refined_class");
    id_defined_at = mg_intern_cstr("defined_at");
    id_refinements = mg_intern_cstr("refinements");
    id_module_eval = mg_intern_cstr("module_eval");
    refinement_class = mg_define_class("Refinement", mg_cModule);
    mg_define_method(refinement_class, "inspect", refinement_inspect, 0, 0);
    mg_define_method(refinement_class, "to_s", refinement_inspect, 0, 0);
    mg_define_private_method(mg_cModule, "refine", mod_refine, 1, 1);
    mg_define_private_method(mg_cModule, "using", mod_using, 1, 1);
    mg_define_private_method(mg_singleton_class(VMS->main_obj), "using", main_using, 1, 1);
    mg_define_singleton_method(MG_VAL(mg_cModule), "used_modules", mod_s_used_modules, 0, 0);
}
