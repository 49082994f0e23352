/* proc.c -- Proc, Method, UnboundMethod and Binding: calling, arity,
 * parameters, currying, composition, binding and unbinding.
 * Representation: vm/vm_int.h (Proc) and the MethodObj below. */
#include "../vm/vm_int.h"

/* ------------------------------------------------------------------ */
/* Method / UnboundMethod objects                                       */

typedef struct {
    Value recv;             /* MG_UNDEF for unbound */
    Value klass;            /* class the lookup started from */
    Value owner;
    MethodEntry me;         /* a copy: entries are immutable once made */
    ID name;
} MethodObj;

static void
mobj_mark(void *p)
{
    MethodObj *m = p;
    mg_gc_mark(m->recv); mg_gc_mark(m->klass); mg_gc_mark(m->owner);
    if (m->me.kind == ME_ISEQ) mg_gc_mark(m->me.u.code);
    if (m->me.kind == ME_BMETHOD) mg_gc_mark(m->me.u.proc);
}
static const DataType mobj_type = { "Method", mobj_mark, NULL, NULL };

static MethodObj *
mobj(Value v)
{
    return mg_data_check(v, &mobj_type);
}

Value mg_method_obj_new(Value recv, RClass *klass, const MethodEntry *me, ID name, bool unbound);
Value
mg_method_obj_new(Value recv, RClass *klass, const MethodEntry *me, ID name, bool unbound)
{
    void *p;
    Value v = mg_data_new_inline(unbound ? mg_cUnboundMethod : mg_cMethod, &mobj_type, sizeof(MethodObj), &p);
    MethodObj *m = p;
    m->recv = unbound ? MG_UNDEF : recv;
    m->klass = MG_VAL(klass);
    RClass *owner = me->owner;
    if (owner && owner->hdr.type == T_ICLASS) owner = owner->u.module;
    m->owner = owner ? MG_VAL(owner) : MG_NIL;
    m->me = *me;
    m->name = name;
    return v;
}

bool
mg_unbound_method_parts(Value v, RClass **owner, ID *name)
{
    MethodObj *m = mg_data_get(v, &mobj_type);
    if (!m || m->recv != MG_UNDEF || m->owner == MG_NIL) return false;
    *owner = MG_RCLASS(m->owner);
    *name = m->name;
    return true;
}

Value mg_method_entry_of(Value m, RClass **owner);
Value
mg_method_entry_of(Value v, RClass **owner)
{
    MethodObj *m = mg_data_get(v, &mobj_type);
    if (!m) return MG_NIL;
    if (owner) *owner = m->owner != MG_NIL ? MG_RCLASS(m->owner) : NULL;
    return (Value)(uintptr_t)&m->me;
}

static Value
call_mobj(MethodObj *m, int argc, const Value *argv, Value blk)
{
    if (m->me.name == mg_id_method_missing && m->name != mg_id_method_missing) {
        Value *args = malloc(sizeof(Value) * (size_t)(argc + 1));
        args[0] = MG_SYM(m->name);
        for (int i = 0; i < argc; i++) args[i + 1] = argv[i];
        Value r = mg_call_method_entry(m->recv, &m->me, argc + 1, args, blk);
        free(args);
        return r;
    }
    return mg_call_method_entry(m->recv, &m->me, argc, argv, blk);
}

static Value
method_call(Value self, int argc, const Value *argv, Value blk)
{
    return call_mobj(mobj(self), argc, argv, blk);
}

static int
me_arity(const MethodEntry *me)
{
    switch (me->kind) {
    case ME_CFUNC: {
        /* as CRuby's C methods: a fixed count, else -1 (its argc -1 form), whatever the minimum */
        int min = me->u.c.min_args, max = me->u.c.max_args;
        return min == max ? min : -1;
    }
    case ME_ISEQ: {
        MethodBody *b = mg_data_get(me->u.code, &mg_body_type);
        return mg_params_arity(&mg_code_ptr(b->code)->params, true);
    }
    case ME_ATTR_READER: return 0;
    case ME_ATTR_WRITER: return 1;
    case ME_BMETHOD: {
        Proc *p = mg_proc_ptr(me->u.proc);
        if (p->flags & PROC_METHOD) return me_arity(&mobj(p->data)->me);
        if (p->flags & PROC_CFUNC) return -1;
        return mg_params_arity(&mg_code_ptr(p->code)->params, true);
    }
    default: return -1;
    }
}

static Value
method_arity(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)argv; (void)blk;
    return MG_FIX(me_arity(&mobj(self)->me));
}

static Value
code_params(const Code *c, bool lambda)
{
    const ParamInfo *p = &c->params;
    Value r = mg_ary_new();
    int li = 0;
#define PAIR(kind, id) do { Value pr = mg_ary_new(); mg_ary_push(pr, mg_sym(kind)); if (id) mg_ary_push(pr, MG_SYM(id)); mg_ary_push(r, pr); } while (0)
    /* a proc's destructuring parameter |(a, b)| shows as [:opt, nil], a lambda's as [:req] */
#define POS(id) do { if (lambda || (id)) PAIR(lambda ? "req" : "opt", (id)); \
                     else { Value pr = mg_ary_new(); mg_ary_push(pr, mg_sym("opt")); mg_ary_push(pr, MG_NIL); mg_ary_push(r, pr); } } while (0)
    for (int i = 0; i < p->lead; i++, li++) POS(c->local_names[li]);
    for (int i = 0; i < p->opt; i++, li++) PAIR("opt", c->local_names[li]);
    if (p->rest >= 0) { PAIR("rest", c->local_names[p->rest]); li = p->rest + 1; }
    for (int i = 0; i < p->post; i++, li++) POS(c->local_names[li]);
    for (int i = 0; i < p->nkw; i++) PAIR(i < p->kwreq ? "keyreq" : "key", p->kws[i]);
    if (p->kwrest >= 0) PAIR("keyrest", c->local_names[p->kwrest]);
    if (p->nokw) PAIR("nokey", 0);
    if (p->blockp >= 0) PAIR("block", c->local_names[p->blockp]);
#undef POS
#undef PAIR
    return r;
}

Value
mg_params_list(const Code *c, bool lambda)
{
    return code_params(c, lambda);
}

static Value
me_params(const MethodEntry *me)
{
    if (me->kind == ME_ISEQ) {
        MethodBody *b = mg_data_get(me->u.code, &mg_body_type);
        return code_params(mg_code_ptr(b->code), true);
    }
    if (me->kind == ME_BMETHOD) {
        Proc *p = mg_proc_ptr(me->u.proc);
        if (p->flags & PROC_METHOD) return me_params(&mobj(p->data)->me);
        if (!(p->flags & PROC_CFUNC)) return code_params(mg_code_ptr(p->code), true);
    }
    Value r = mg_ary_new();
    int a = me_arity(me);
    if (a >= 0) for (int i = 0; i < a; i++) mg_ary_push(r, mg_ary_new_from(1, (Value[]){ mg_sym("req") }));
    else {
        for (int i = 0; i < -a - 1; i++) mg_ary_push(r, mg_ary_new_from(1, (Value[]){ mg_sym("req") }));
        mg_ary_push(r, mg_ary_new_from(1, (Value[]){ mg_sym("rest") }));
    }
    return r;
}

static Value
method_parameters(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)argv; (void)blk;
    return me_params(&mobj(self)->me);
}

static Value method_owner(Value self, int argc, const Value *argv, Value blk) { (void)argc; (void)argv; (void)blk; return mobj(self)->owner; }
static Value method_name(Value self, int argc, const Value *argv, Value blk) { (void)argc; (void)argv; (void)blk; return MG_SYM(mobj(self)->name); }
static Value method_original_name(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)argv; (void)blk;
    MethodObj *m = mobj(self);
    return MG_SYM(m->me.original_name ? m->me.original_name : m->name);
}
static Value method_receiver(Value self, int argc, const Value *argv, Value blk) { (void)argc; (void)argv; (void)blk; return mobj(self)->recv; }

static Value
method_unbind(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)argv; (void)blk;
    MethodObj *m = mobj(self);
    return mg_method_obj_new(MG_UNDEF, MG_RCLASS(m->klass), &m->me, m->name, true);
}

/* Method / UnboundMethod #public? #private? #protected? (3.1.0 has them): the
 * visibility of the entry the lookup found; a method object standing for
 * respond_to_missing? has none of them. */
static Visibility
mobj_visibility(MethodObj *m, bool *ghost)
{
    *ghost = m->me.name == mg_id_method_missing && m->name != mg_id_method_missing;
    return m->me.visibility == VIS_MODULE_FUNCTION ? VIS_PRIVATE : (Visibility)m->me.visibility;
}

static Value
method_public_p(Value self, int argc, const Value *argv, Value blk)
{
    bool ghost;
    Visibility v = mobj_visibility(mobj(self), &ghost);
    return MG_BOOL(!ghost && v == VIS_PUBLIC);
}

static Value
method_private_p(Value self, int argc, const Value *argv, Value blk)
{
    bool ghost;
    Visibility v = mobj_visibility(mobj(self), &ghost);
    return MG_BOOL(!ghost && v == VIS_PRIVATE);
}

static Value
method_protected_p(Value self, int argc, const Value *argv, Value blk)
{
    bool ghost;
    Visibility v = mobj_visibility(mobj(self), &ghost);
    return MG_BOOL(!ghost && v == VIS_PROTECTED);
}

/* Method#clone / UnboundMethod#clone (they have no allocator, so Kernel#clone
 * cannot make the body): the same method, ivars, singleton methods, frozen state. */
static Value
method_clone(Value self, int argc, const Value *argv, Value blk)
{
    MethodObj *m = mobj(self);
    bool unbound = m->recv == MG_UNDEF;
    Value r = mg_method_obj_new(m->recv, MG_RCLASS(m->klass), &m->me, m->name, unbound);
    m = mobj(self);
    MethodObj *c = mobj(r);
    c->owner = m->owner;
    MG_OBJ(r)->klass = mg_obj_class(self);
    return mg_obj_copy_finish(r, self, true, true);
}

static Value
method_source_location(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)argv; (void)blk;
    MethodObj *m = mobj(self);
    Code *c = NULL;
    if (m->me.kind == ME_ISEQ) c = mg_code_ptr(((MethodBody *)mg_data_get(m->me.u.code, &mg_body_type))->code);
    if (m->me.kind == ME_BMETHOD && !(mg_proc_ptr(m->me.u.proc)->flags & PROC_CFUNC)) c = mg_code_ptr(mg_proc_ptr(m->me.u.proc)->code);
    if (!c) return MG_NIL;
    return mg_ary_new_from(2, (Value[]){ c->file, MG_FIX(c->line) });
}

/* Method#__source / UnboundMethod#__source, for lib/maglev/method_source.rb:
 * [:def, text, file, line] for a def (text: the definition as compiled, or
 * nil when not kept), [:block, text, file, line] for define_method's block,
 * [:attr_reader or :attr_writer, ivar], nil for a primitive. */
static Value
method_source_info(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)argv; (void)blk;
    MethodObj *m = mobj(self);
    Code *c = NULL;
    const char *kind = "def";
    if (m->me.kind == ME_ATTR_READER || m->me.kind == ME_ATTR_WRITER)
        return mg_ary_new_from(2, (Value[]){ mg_sym(m->me.kind == ME_ATTR_READER ? "attr_reader" : "attr_writer"),
                                             MG_SYM(m->me.u.ivar) });
    if (m->me.kind == ME_ISEQ) c = mg_code_ptr(((MethodBody *)mg_data_get(m->me.u.code, &mg_body_type))->code);
    if (m->me.kind == ME_BMETHOD && !(mg_proc_ptr(m->me.u.proc)->flags & PROC_CFUNC)) {
        c = mg_code_ptr(mg_proc_ptr(m->me.u.proc)->code);
        kind = "block";
    }
    if (!c) return MG_NIL;
    Value text = c->source == MG_NIL || !c->src_len ? MG_NIL : mg_str_new(mg_str_ptr(c->source) + c->src_off, c->src_len);
    return mg_ary_new_from(4, (Value[]){ mg_sym(kind), text, c->file, MG_FIX(c->line) });
}

static Value
method_super_method(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)argv; (void)blk;
    MethodObj *m = mobj(self);
    RClass *start = m->recv != MG_UNDEF ? mg_class_of(m->recv) : MG_RCLASS(m->klass);
    MethodEntry *sup = mg_method_lookup_super(start, m->me.owner, m->name);
    if (!sup) return MG_NIL;
    return mg_method_obj_new(m->recv, start, sup, m->name, m->recv == MG_UNDEF);
}

static Value
mobj_proc_fn(Value arg, Value data, int argc, const Value *argv, Value blk)
{
    (void)arg;
    return call_mobj(mobj(data), argc, argv, blk);
}

static Value
method_to_proc(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)argv; (void)blk;
    Value p = mg_proc_new_cfunc(mobj_proc_fn, self, true);
    mg_proc_ptr(p)->flags |= PROC_METHOD;
    return p;
}

static Value
method_inspect(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)argv; (void)blk;
    MethodObj *m = mobj(self);
    bool unbound = m->recv == MG_UNDEF;
    Value s = mg_str_new_cstr(unbound ? "#<UnboundMethod: " : "#<Method: ");
    RClass *owner = m->owner != MG_NIL ? MG_RCLASS(m->owner) : NULL;
    if (!unbound && MG_IS_CLASS_OR_MODULE(m->recv) && owner && (owner->hdr.flags & OF_SINGLETON)) {
        mg_str_append(s, mg_inspect(m->recv));
        mg_str_cat_cstr(s, ".");
    } else {
        RClass *k = unbound ? (owner ? owner : MG_RCLASS(m->klass)) : mg_obj_class(m->recv);
        mg_str_append(s, mg_class_path(k));
        if (owner && owner != k && !unbound) { mg_str_cat_cstr(s, "("); mg_str_append(s, mg_class_path(owner)); mg_str_cat_cstr(s, ")"); }
        mg_str_cat_cstr(s, "#");
    }
    mg_str_cat_cstr(s, mg_id_name(m->name, NULL));
    Value params = me_params(&m->me);
    mg_str_cat_cstr(s, "(");
    for (int64_t i = 0; i < mg_ary_len(params); i++) {
        Value pr = mg_ary_entry(params, i);
        const char *kind = mg_id_name(MG_SYM2ID(mg_ary_entry(pr, 0)), NULL);
        const char *nm = mg_ary_len(pr) > 1 ? mg_id_name(MG_SYM2ID(mg_ary_entry(pr, 1)), NULL) : "";
        if (i) mg_str_cat_cstr(s, ", ");
        if (!strcmp(kind, "req")) mg_str_cat_cstr(s, *nm ? nm : "_");
        else if (!strcmp(kind, "opt")) mg_str_catf(s, "%s=...", nm);
        else if (!strcmp(kind, "rest")) mg_str_catf(s, "*%s", strcmp(nm, "*") ? nm : "");
        else if (!strcmp(kind, "keyreq")) mg_str_catf(s, "%s:", nm);
        else if (!strcmp(kind, "key")) mg_str_catf(s, "%s: ...", nm);
        else if (!strcmp(kind, "keyrest")) mg_str_catf(s, "**%s", strcmp(nm, "**") ? nm : "");
        else if (!strcmp(kind, "block")) mg_str_catf(s, "&%s", strcmp(nm, "&") ? nm : "");
        else if (!strcmp(kind, "nokey")) mg_str_cat_cstr(s, "**nil");
    }
    mg_str_cat_cstr(s, ")");
    Value loc = method_source_location(self, 0, NULL, MG_NIL);
    if (loc != MG_NIL) mg_str_catf(s, " %s:%lld", mg_str_cstr(mg_ary_entry(loc, 0)), (long long)MG_FIX2LONG(mg_ary_entry(loc, 1)));
    mg_str_cat_cstr(s, ">");
    return s;
}

static Value
method_eq(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)blk;
    MethodObj *a = mobj(self), *b = mg_data_get(argv[0], &mobj_type);
    if (!b) return MG_FALSE;
    return MG_BOOL(a->recv == b->recv && a->owner == b->owner && a->me.kind == b->me.kind &&
                   memcmp(&a->me.u, &b->me.u, sizeof a->me.u) == 0);
}

static Value
method_hash(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)argv; (void)blk;
    MethodObj *m = mobj(self);
    return MG_FIX((int64_t)((m->me.u.code >> 3) ^ (uint64_t)m->name) & 0x3fffffff);
}

static Value
umethod_bind(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)blk;
    MethodObj *m = mobj(self);
    Value obj = argv[0];
    RClass *owner = m->owner != MG_NIL ? MG_RCLASS(m->owner) : NULL;
    if (owner && owner->hdr.type == T_CLASS && !mg_obj_is_kind_of(obj, owner)) {
        if (owner->hdr.flags & OF_SINGLETON) mg_raise(mg_eTypeError, "singleton method called for a different object");
        mg_raise(mg_eTypeError, "bind argument must be an instance of %s", mg_class_cname(owner));
    }
    return mg_method_obj_new(obj, mg_class_of(obj), &m->me, m->name, false);
}

static Value
umethod_bind_call(Value self, int argc, const Value *argv, Value blk)
{
    if (argc < 1) mg_raise_argc(argc, 1, -1);
    Value mo = umethod_bind(self, 1, argv, MG_NIL);
    return call_mobj(mobj(mo), argc - 1, argv + 1, blk);
}

/* ------------------------------------------------------------------ */
/* Proc                                                                 */

static Proc *
procp(Value v)
{
    return mg_data_check(v, &mg_proc_type);
}

/* A new Proc of klass with p's body. The copy is not the block literal of a
 * call (so `break` in it is a LocalJumpError, as for any proc object). */
static Value
proc_copy(Value self, RClass *klass)
{
    void *p;
    Value v = mg_data_new_inline(klass, &mg_proc_type, sizeof(Proc), &p);
    memcpy(p, procp(self), sizeof(Proc));
    ((Proc *)p)->flags &= ~(uint32_t)(PROC_LITERAL | PROC_ORPHAN);
    return v;
}

/* Proc.new { }: the block itself; for a subclass a copy of that class, which
 * then gets the arguments through initialize (as CRuby). */
static Value
proc_s_new(Value self, int argc, const Value *argv, Value blk)
{
    if (blk == MG_NIL) mg_raise(mg_eArgumentError, "tried to create Proc object without a block");
    Value obj = mg_obj_class(blk) == MG_RCLASS(self) ? blk : proc_copy(blk, MG_RCLASS(self));
    if (mg_kw_given()) mg_funcall_kw(obj, mg_id_initialize, argc, argv, MG_NIL);
    else mg_funcall(obj, mg_id_initialize, argc, argv);
    return obj;
}

static Value
proc_dup(Value self, int argc, const Value *argv, Value blk)
{
    return mg_obj_copy_finish(proc_copy(self, mg_obj_class(self)), self, false, false);
}

static Value
proc_clone(Value self, int argc, const Value *argv, Value blk)
{
    return mg_obj_copy_finish(proc_copy(self, mg_obj_class(self)), self, true, true);
}

static Value
proc_call(Value self, int argc, const Value *argv, Value blk)
{
    procp(self);
    return mg_proc_call(self, argc, argv, blk);
}

static Value
proc_eqq(Value self, int argc, const Value *argv, Value blk)
{
    return mg_proc_call(self, argc, argv, blk);
}

static Value proc_to_proc(Value self, int argc, const Value *argv, Value blk) { (void)argc; (void)argv; (void)blk; return self; }
static Value proc_lambda_p(Value self, int argc, const Value *argv, Value blk) { (void)argc; (void)argv; (void)blk; return MG_BOOL(mg_proc_lambda_p(self)); }

static Value
proc_arity(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)argv; (void)blk;
    Proc *p = procp(self);
    if (p->flags & PROC_METHOD) return MG_FIX(me_arity(&mobj(p->data)->me));
    return MG_FIX(mg_proc_arity(self));
}

static Value
proc_parameters(Value self, int argc, const Value *argv, Value blk)
{
    (void)argv; (void)blk;
    if (argc > 0) mg_raise_argc(argc, 0, 0);     /* lambda: is 3.2's; the call let a keyword hash through */
    Proc *p = procp(self);
    bool lambda = (p->flags & PROC_LAMBDA) != 0;
    if (p->flags & PROC_METHOD) return me_params(&mobj(p->data)->me);
    if (p->flags & PROC_SYM) {
        Value r = mg_ary_new();
        mg_ary_push(r, mg_ary_new_from(1, (Value[]){ mg_sym("req") }));
        mg_ary_push(r, mg_ary_new_from(1, (Value[]){ mg_sym("rest") }));
        return r;
    }
    if (p->flags & PROC_CFUNC) return mg_ary_new_from(1, (Value[]){ mg_ary_new_from(1, (Value[]){ mg_sym("rest") }) });
    return code_params(mg_code_ptr(p->code), lambda);
}

static Value
proc_source_location(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)argv; (void)blk;
    Proc *p = procp(self);
    if (p->flags & PROC_CFUNC) return MG_NIL;
    Code *c = mg_code_ptr(p->code);
    return mg_ary_new_from(2, (Value[]){ c->file, MG_FIX(c->line) });
}

static Value
proc_inspect(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)argv; (void)blk;
    Proc *p = procp(self);
    Value s = mg_sprintf("#<%s:0x%016llx", mg_class_cname(mg_obj_class(self)), (unsigned long long)(uintptr_t)MG_OBJ(self));
    if (p->flags & PROC_SYM) {
        mg_str_cat_cstr(s, "(&");
        mg_str_append(s, mg_sym_inspect(MG_SYM(p->sym)));
        mg_str_cat_cstr(s, ")");
    }
    else if (!(p->flags & PROC_CFUNC)) {
        Code *c = mg_code_ptr(p->code);
        mg_str_catf(s, " %s:%d", mg_str_cstr(c->file), c->line);
    }
    if (p->flags & PROC_LAMBDA) mg_str_cat_cstr(s, " (lambda)");
    mg_str_cat_cstr(s, ">");
    return s;
}

/* The least and most arguments a call accepts (*max -1: unlimited), as Proc#curry
 * checks a lambda's explicit arity against them */
static int
params_min_max(const ParamInfo *p, int *max)
{
    *max = p->rest >= 0 ? -1 : p->lead + p->opt + p->post + ((p->nkw > 0 || p->kwrest >= 0) ? 1 : 0);
    return p->lead + p->post + (p->kwreq > 0 ? 1 : 0);
}

static int proc_min_max(Value proc, int *max);

static int
me_min_max(const MethodEntry *me, int *max)
{
    switch (me->kind) {
    case ME_CFUNC:      /* as me_arity: a variadic C method counts as 0 or more */
        if (me->u.c.min_args == me->u.c.max_args) { *max = me->u.c.max_args; return me->u.c.min_args; }
        *max = -1;
        return 0;
    case ME_ISEQ: {
        MethodBody *b = mg_data_get(me->u.code, &mg_body_type);
        return params_min_max(&mg_code_ptr(b->code)->params, max);
    }
    case ME_ATTR_READER: *max = 0; return 0;
    case ME_ATTR_WRITER: *max = 1; return 1;
    case ME_BMETHOD: return proc_min_max(me->u.proc, max);
    default: *max = -1; return 0;
    }
}

static int
proc_min_max(Value proc, int *max)
{
    Proc *p = procp(proc);
    if (p->flags & PROC_METHOD) return me_min_max(&mobj(p->data)->me, max);
    if (p->flags & PROC_ARITY1) { *max = 1; return 1; }
    if (p->flags & PROC_SYM) { *max = -1; return 1; }
    if (p->flags & PROC_CFUNC) { *max = -1; return 0; }
    return params_min_max(&mg_code_ptr(p->code)->params, max);
}

static Value curry_fn(Value arg, Value data, int argc, const Value *argv, Value blk);

/* curry: data = [proc, arity, collected args]; a curried proc takes any number of
 * arguments (arity -1) and is a lambda when the curried one is */
static Value
curry_new(Value proc, int64_t n, Value got)
{
    Value d = mg_ary_new_from(3, (Value[]){ proc, MG_FIX(n), got });
    Value c = mg_proc_new_cfunc(curry_fn, d, mg_proc_lambda_p(proc));
    mg_proc_ptr(c)->flags |= PROC_CURRY;
    return c;
}

static Value
curry_fn(Value arg, Value data, int argc, const Value *argv, Value blk)
{
    (void)arg;
    Value proc = mg_ary_entry(data, 0);
    int64_t n = MG_FIX2LONG(mg_ary_entry(data, 1));
    Value got = mg_ary_dup(mg_ary_entry(data, 2));
    for (int i = 0; i < argc; i++) mg_ary_push(got, argv[i]);
    if (mg_ary_len(got) >= n) return mg_proc_call(proc, (int)mg_ary_len(got), mg_ary_ptr(got), blk);
    return curry_new(proc, n, got);
}

/* Proc#curry([n]) on proc; a lambda's n must be one it accepts */
static Value
curry(Value proc, int argc, const Value *argv)
{
    int max, min = proc_min_max(proc, &max);
    int64_t n = min;
    if (argc > 0 && argv[0] != MG_NIL) {
        n = mg_num2long(argv[0]);
        if (mg_proc_lambda_p(proc) && (n < min || (max >= 0 && n > max)))
            mg_raise_argc((int)n, min, max);
    }
    return curry_new(proc, n, mg_ary_new());
}

static Value
proc_curry(Value self, int argc, const Value *argv, Value blk)
{
    (void)blk;
    return curry(self, argc, argv);
}

/* composition: data = [first, second] -> second.call(first.call(*args)) */
static Value
compose_fn(Value arg, Value data, int argc, const Value *argv, Value blk)
{
    (void)arg;
    Value first = mg_ary_entry(data, 0), second = mg_ary_entry(data, 1);
    Value mid = mg_funcall_block(first, mg_id_call, argc, argv, blk);
    return mg_funcall(second, mg_id_call, 1, &mid);
}

static Value
compose(Value first, Value second, bool lambda)
{
    Value d = mg_ary_new_from(2, (Value[]){ first, second });
    return mg_proc_new_cfunc(compose_fn, d, lambda);
}

static Value
callable(Value g)
{
    if (!mg_respond_to(g, mg_id_call, true)) mg_raise(mg_eTypeError, "callable object is expected");
    return g;
}

/* f << g is a lambda when g, which is called first, is one or is not a Proc */
static bool
lshift_lambda_p(Value g)
{
    return !mg_is_proc(g) || mg_proc_lambda_p(g);
}

static Value
proc_rshift(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)blk;
    return compose(self, callable(argv[0]), mg_proc_lambda_p(self));
}

static Value
proc_lshift(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)blk;
    return compose(callable(argv[0]), self, lshift_lambda_p(argv[0]));
}

static Value
method_rshift(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)blk;
    return compose(self, callable(argv[0]), true);
}

static Value
method_lshift(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)blk;
    return compose(callable(argv[0]), self, lshift_lambda_p(argv[0]));
}

static Value
method_curry(Value self, int argc, const Value *argv, Value blk)
{
    (void)blk;
    return curry(method_to_proc(self, 0, NULL, MG_NIL), argc, argv);
}

static Value
proc_eq(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)blk;
    Value o = argv[0];
    if (self == o) return MG_TRUE;
    if (!mg_is_proc(o) || mg_obj_class(o) != mg_obj_class(self)) return MG_FALSE;
    Proc *a = procp(self), *b = procp(o);
    /* a copy (dup, clone, Proc.new of a subclass) is equal to its original */
    return MG_BOOL(a->code == b->code && a->env == b->env && a->self == b->self && a->data == b->data &&
                   a->fn == b->fn && a->sym == b->sym && (a->flags & PROC_LAMBDA) == (b->flags & PROC_LAMBDA));
}

static Value
proc_hash(Value self, int argc, const Value *argv, Value blk)
{
    Proc *p = procp(self);
    uint64_t h = (uint64_t)p->code * 0x9E3779B97F4A7C15ULL ^ (uint64_t)p->env ^ ((uint64_t)p->data << 7);
    h ^= h >> 31;
    return MG_FIX((int64_t)(h >> 3));
}

/* Proc#ruby2_keywords: flags the block's code, as CRuby flags its iseq */
static Value
proc_ruby2_keywords(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)argv; (void)blk;
    Proc *p = procp(self);
    MG_CHECK_FROZEN(self);
    if (p->flags & PROC_METHOD) {
        mg_warn_caller(NULL, "Skipping set of ruby2_keywords flag for proc (proc created from method)");
    } else if (p->flags & PROC_CFUNC) {
        mg_warn_caller(NULL, "Skipping set of ruby2_keywords flag for proc (proc not defined in Ruby)");
    } else {
        ParamInfo *pi = &mg_code_ptr(p->code)->params;
        if (pi->rest >= 0 && !pi->has_kw && pi->kwrest < 0) pi->ruby2_keywords = true;
        else mg_warn_caller(NULL, "Skipping set of ruby2_keywords flag for proc (proc accepts keywords or proc does not accept argument splat)");
    }
    return self;
}

static Value
proc_binding(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)argv; (void)blk;
    Proc *p = procp(self);
    if ((p->flags & (PROC_CFUNC | PROC_METHOD)) == PROC_CFUNC) mg_raise(mg_eArgumentError, "Can't create Binding from C level Proc");
    Value b = mg_binding_new(NULL);
    typedef struct { Value env, self, cref, def_target, block, file; MethodEntry *me; int line; } B;
    B *bp = MG_RDATA(b)->ptr;
    bp->env = p->env; bp->self = p->self; bp->cref = p->cref == MG_NIL ? VMS->top_cref : p->cref;
    bp->def_target = p->def_target; bp->block = p->block; bp->me = p->me;
    return b;
}

/* ------------------------------------------------------------------ */
/* Binding                                                              */

typedef struct { Value env, self, cref, def_target, block, file; MethodEntry *me; int line; } BindingS;
extern const DataType mg_binding_type;

static BindingS *
bindp(Value v)
{
    return mg_data_check(v, &mg_binding_type);
}

static bool
env_find(Value env, ID id, Env **out, uint32_t *idx)
{
    for (Value e = env; e != MG_NIL; e = mg_env_ptr(e)->parent) {
        Env *ep = mg_env_ptr(e);
        if (!ep->code) continue;
        for (uint32_t i = 0; i < ep->count && i < ep->code->nlocals; i++)
            if (ep->code->local_names[i] == id) { *out = ep; *idx = i; return true; }
    }
    return false;
}

/* The local variable name argument of Binding#local_variable_*: NameError
 * "wrong local variable name `A' for #<Binding>" unless it could be one
 * (local_variable_set would otherwise eval "A = nil" or "$a = nil") */
static ID
lv_id(Value self, Value name)
{
    ID id = mg_to_id(name);
    size_t len;
    const char *s = mg_id_name(id, &len);
    unsigned char c = len ? (unsigned char)s[0] : 0;
    if (!(c == '_' || (c >= 'a' && c <= 'z') || c >= 0x80) || !mg_ident_valid(s, len)) {
        Value msg = mg_sprintf("wrong local variable name `%s' for %s", s, mg_str_cstr(mg_inspect(self)));
        mg_raise_exc(mg_name_error_new(mg_eNameError, msg, self, id));
    }
    return id;
}

static Value
binding_lv_get(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)blk;
    BindingS *b = bindp(self);
    ID id = lv_id(self, argv[0]);
    Env *e; uint32_t i;
    if (!env_find(b->env, id, &e, &i)) {
        Value msg = mg_sprintf("local variable `%s' is not defined for %s", mg_id_name(id, NULL), mg_str_cstr(mg_inspect(self)));
        mg_raise_exc(mg_name_error_new(mg_eNameError, msg, self, id));
    }
    Value v = e->vals[i];
    return v == MG_UNDEF ? MG_NIL : v;
}

static Value
binding_lv_set(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)blk;
    BindingS *b = bindp(self);
    ID id = lv_id(self, argv[0]);
    Env *e; uint32_t i;
    if (!env_find(b->env, id, &e, &i)) {
        Value src = mg_sprintf("%s = nil", mg_id_name(id, NULL));
        mg_vm_eval(src, self, MG_UNDEF, MG_UNDEF, MG_UNDEF, "(eval)", 1, false);
        b = bindp(self);
        if (!env_find(b->env, id, &e, &i)) return argv[1];
    }
    e->vals[i] = argv[1];
    return argv[1];
}

static Value
binding_lv_defined_p(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)blk;
    Env *e; uint32_t i;
    return MG_BOOL(env_find(bindp(self)->env, lv_id(self, argv[0]), &e, &i));
}

static Value
binding_local_variables(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)argv; (void)blk;
    Value r = mg_ary_new();
    for (Value e = bindp(self)->env; e != MG_NIL; e = mg_env_ptr(e)->parent) {
        Env *ep = mg_env_ptr(e);
        if (!ep->code) continue;
        for (uint32_t i = 0; i < ep->count && i < ep->code->nlocals; i++) {
            ID id = ep->code->local_names[i];
            if (!id) continue;
            const char *s = mg_id_name(id, NULL);
            if (!(s[0] == '_' || (s[0] >= 'a' && s[0] <= 'z') || (unsigned char)s[0] >= 0x80)) continue;
            if (!mg_ary_includes(r, MG_SYM(id))) mg_ary_push(r, MG_SYM(id));
        }
    }
    return r;
}

static Value
binding_eval(Value self, int argc, const Value *argv, Value blk)
{
    (void)blk;
    const char *file = argc > 1 ? mg_str_cstr(mg_to_str(argv[1])) : "(eval)";
    int line = argc > 2 ? (int)mg_num2long(argv[2]) : 1;
    return mg_vm_eval(argv[0], self, MG_UNDEF, MG_UNDEF, MG_UNDEF, file, line, false);
}

static Value
binding_receiver(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)argv; (void)blk;
    return bindp(self)->self;
}

static Value
binding_source_location(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)argv; (void)blk;
    BindingS *b = bindp(self);
    return mg_ary_new_from(2, (Value[]){ b->file, MG_FIX(b->line) });
}

/* ------------------------------------------------------------------ */

static const MgMethodDef proc_methods[] = {
    {"call", proc_call, 0, -1},
    {"()", proc_call, 0, -1},
    {"yield", proc_call, 0, -1},
    {"[]", proc_call, 0, -1},
    {"===", proc_eqq, 0, -1},
    {"to_proc", proc_to_proc, 0, 0},
    {"lambda?", proc_lambda_p, 0, 0},
    {"arity", proc_arity, 0, 0},
    {"parameters", proc_parameters, 0, 0},
    {"source_location", proc_source_location, 0, 0},
    {"curry", proc_curry, 0, 1},
    {">>", proc_rshift, 1, 1},
    {"<<", proc_lshift, 1, 1},
    {"inspect", proc_inspect, 0, 0},
    {"to_s", proc_inspect, 0, 0},
    {"==", proc_eq, 1, 1},
    {"eql?", proc_eq, 1, 1},
    {"binding", proc_binding, 0, 0},
    {"ruby2_keywords", proc_ruby2_keywords, 0, 0},
    {"hash", proc_hash, 0, 0},
    {"dup", proc_dup, 0, 0},
    {"clone", proc_clone, 0, 0},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef method_methods[] = {
    {"call", method_call, 0, -1},
    {"()", method_call, 0, -1},
    {"[]", method_call, 0, -1},
    {"===", method_call, 0, -1},
    {"arity", method_arity, 0, 0},
    {"parameters", method_parameters, 0, 0},
    {"owner", method_owner, 0, 0},
    {"name", method_name, 0, 0},
    {"original_name", method_original_name, 0, 0},
    {"receiver", method_receiver, 0, 0},
    {"unbind", method_unbind, 0, 0},
    {"to_proc", method_to_proc, 0, 0},
    {"source_location", method_source_location, 0, 0},
    {"__source", method_source_info, 0, 0},
    {"super_method", method_super_method, 0, 0},
    {"inspect", method_inspect, 0, 0},
    {"to_s", method_inspect, 0, 0},
    {"==", method_eq, 1, 1},
    {"eql?", method_eq, 1, 1},
    {"hash", method_hash, 0, 0},
    {">>", method_rshift, 1, 1},
    {"<<", method_lshift, 1, 1},
    {"curry", method_curry, 0, 1},
    {"public?", method_public_p, 0, 0},
    {"private?", method_private_p, 0, 0},
    {"protected?", method_protected_p, 0, 0},
    {"clone", method_clone, 0, 0},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef umethod_methods[] = {
    {"bind", umethod_bind, 1, 1},
    {"bind_call", umethod_bind_call, 1, -1},
    {"arity", method_arity, 0, 0},
    {"parameters", method_parameters, 0, 0},
    {"owner", method_owner, 0, 0},
    {"name", method_name, 0, 0},
    {"original_name", method_original_name, 0, 0},
    {"source_location", method_source_location, 0, 0},
    {"__source", method_source_info, 0, 0},
    {"super_method", method_super_method, 0, 0},
    {"inspect", method_inspect, 0, 0},
    {"to_s", method_inspect, 0, 0},
    {"==", method_eq, 1, 1},
    {"eql?", method_eq, 1, 1},
    {"hash", method_hash, 0, 0},
    {"public?", method_public_p, 0, 0},
    {"private?", method_private_p, 0, 0},
    {"protected?", method_protected_p, 0, 0},
    {"clone", method_clone, 0, 0},
    {NULL, NULL, 0, 0}
};

/* MaglevIRB.readline(prompt) for maglev-ruby, where the maglev-irb binary's
 * line editor is not linked in: the prompt on $stdout, a line of $stdin
 * without its newline, nil at the end of input. */
static Value
irb_plain_readline(Value self, int argc, const Value *argv, Value blk)
{
    Value out = mg_gvar_get(mg_intern_cstr("$stdout"));
    mg_funcall(out, mg_intern_cstr("print"), 1, argv);
    mg_funcall(out, mg_intern_cstr("flush"), 0, NULL);
    Value line = mg_funcall(mg_gvar_get(mg_intern_cstr("$stdin")), mg_intern_cstr("gets"), 0, NULL);
    if (!MG_IS_STRING(line)) return MG_NIL;
    return mg_funcall(line, mg_intern_cstr("chomp"), 0, NULL);
}

/* Binding#irb: the maglev-irb read-eval-print loop (lib/maglev/irb.rb) in this
 * binding, until the end of input; then the program goes on. */
static Value
binding_irb(Value self, int argc, const Value *argv, Value blk)
{
    mg_funcall(VMS->main_obj, mg_intern_cstr("require"), 1, (Value[]){ mg_str_new_cstr("maglev/irb") });
    if (mg_const_get_at(mg_cObject, mg_intern_cstr("MaglevIRB")) == MG_UNDEF) {
        RClass *m = mg_define_module("MaglevIRB");
        mg_define_module_function(m, "readline", irb_plain_readline, 1, 1);
    }
    Value maglev = mg_const_get_at(mg_cObject, mg_intern_cstr("Maglev"));
    Value irb = mg_const_get_at(MG_RCLASS(maglev), mg_intern_cstr("IRB"));
    mg_funcall(irb, mg_intern_cstr("start"), 1, &self);
    return MG_NIL;
}

/* Binding#dup / #clone: another binding of the same local variables (a
 * variable created through one is not seen by the other, as in CRuby). */
static Value
binding_copy(Value self, bool clone)
{
    bindp(self);
    Value r = mg_binding_new(NULL);
    memcpy(bindp(r), bindp(self), sizeof(BindingS));
    return mg_obj_copy_finish(r, self, clone, clone);
}

static Value
binding_dup(Value self, int argc, const Value *argv, Value blk)
{
    return binding_copy(self, false);
}

static Value
binding_clone(Value self, int argc, const Value *argv, Value blk)
{
    return binding_copy(self, true);
}

static const MgMethodDef binding_methods[] = {
    {"local_variable_get", binding_lv_get, 1, 1},
    {"local_variable_set", binding_lv_set, 2, 2},
    {"local_variable_defined?", binding_lv_defined_p, 1, 1},
    {"local_variables", binding_local_variables, 0, 0},
    {"eval", binding_eval, 1, 3},
    {"receiver", binding_receiver, 0, 0},
    {"source_location", binding_source_location, 0, 0},
    {"dup", binding_dup, 0, 0},
    {"clone", binding_clone, 0, 0},
    {"irb", binding_irb, 0, 0},
    {NULL, NULL, 0, 0}
};

void
mg_init_proc(void)
{
    mg_define_methods(mg_cProc, proc_methods);
    mg_define_singleton_method(MG_VAL(mg_cProc), "new", proc_s_new, 0, -1);
    mg_define_methods(mg_cMethod, method_methods);
    mg_define_methods(mg_cUnboundMethod, umethod_methods);
    mg_define_methods(mg_cBinding, binding_methods);
    mg_define_alloc_func(mg_cProc, mg_alloc_undefined);
    mg_undef_new(mg_cMethod);
    mg_undef_new(mg_cUnboundMethod);
    mg_undef_new(mg_cBinding);
}
