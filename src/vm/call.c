/* call.c -- frames, method dispatch with inline caches, argument binding for
 * every parameter kind, blocks and procs, super, method_missing, visibility.
 * Calling convention (see vm_int.h): the receiver and the arguments are on
 * the VM stack (recv[0], recv[1..argc]); a keywords Hash, when given, is the
 * last argument. The result replaces the receiver slot. */
#include "vm_int.h"
#include "../util/idtable.h"

/* ------------------------------------------------------------------ */
/* data types                                                           */

static void
env_mark(void *p)
{
    Env *e = p;
    mg_gc_mark(e->parent);
    mg_gc_mark(e->code_obj);
    mg_gc_mark_values(e->vals, e->count);
}
static void
env_free(void *p)
{
    Env *e = p;
    if (e->heap) mg_free(e, sizeof(Env) + sizeof(Value) * e->count);
}
const DataType mg_env_type = { "Env", env_mark, env_free, NULL, &mg_env_persist };

static void
proc_mark(void *p)
{
    Proc *pr = p;
    mg_gc_mark(pr->code); mg_gc_mark(pr->env); mg_gc_mark(pr->self); mg_gc_mark(pr->cref);
    mg_gc_mark(pr->block); mg_gc_mark(pr->def_target); mg_gc_mark(pr->data); mg_gc_mark(pr->me_owner);
}
const DataType mg_proc_type = { "Proc", proc_mark, NULL, NULL, &mg_proc_persist };

static void
cref_mark(void *p)
{
    Cref *c = p;
    if (c->klass) mg_gc_mark_obj(&c->klass->hdr);
    mg_gc_mark(c->next);
    mg_gc_mark(c->refinements);
}
const DataType mg_cref_type = { "Cref", cref_mark, NULL, NULL };

static void
body_mark(void *p)
{
    MethodBody *b = p;
    mg_gc_mark(b->code); mg_gc_mark(b->cref); mg_gc_mark(b->def_target);
}
const DataType mg_body_type = { "MethodBody", body_mark, NULL, NULL };

Value
mg_cref_new(RClass *k, Value next)
{
    void *p;
    Value v = mg_data_new_inline(mg_cObject, &mg_cref_type, sizeof(Cref), &p);
    Cref *c = p;
    c->klass = k;
    c->next = next;
    /* a nested scope sees the refinements of the enclosing one */
    c->refinements = next != MG_NIL ? mg_cref_ptr(next)->refinements : MG_NIL;
    return v;
}

Value
mg_method_body_new(Value code, Value cref, Value def_target)
{
    void *p;
    Value v = mg_data_new_inline(mg_cObject, &mg_body_type, sizeof(MethodBody), &p);
    MethodBody *b = p;
    b->code = code; b->cref = cref; b->def_target = def_target;
    return v;
}

static Value
env_alloc(uint32_t count, Value parent, Frame *f, Code *code)
{
    void *p;
    Value v = mg_data_new_inline(mg_cObject, &mg_env_type, sizeof(Env) + sizeof(Value) * count, &p);
    Env *e = p;
    e->parent = parent;
    e->frame = f;
    e->code = code;
    e->code_obj = code ? code->self_value : MG_NIL;
    e->count = count;
    e->heap = !(MG_OBJ(v)->flags & OF_DATA_INLINE);
    return v;
}

static Value
env_new(Frame *f, Code *code, Value parent)
{
    return env_alloc(code->nlocals, parent, f, code);
}

Value
mg_env_new_detached(uint32_t count, Value parent)
{
    return env_alloc(count, parent, NULL, NULL);
}

/* ------------------------------------------------------------------ */
/* frames                                                               */

/* Sets every member of a new frame; the named ones to the arguments, the rest
 * to zero (NULL / MG_NIL, which is 0). Member by member because a memset or a
 * struct initializer of a Frame compiles to `rep stos`, which cost more than
 * the rest of a method call together. A member added to Frame must be added
 * here too; the size check falls back to clearing the whole frame. */
static inline Frame *
frame_new(Code *code, const uint32_t *pc, Value *base, Value *sp, Value self, Value block, uint32_t flags)
{
    VM *vm = VMS;
    if (UNLIKELY(vm->fp + 1 >= vm->frame_end)) mg_raise_stack();
    Frame *f = ++vm->fp;
    if (sizeof(Frame) != 16 * sizeof(void *) + 2 * sizeof(uint64_t)) memset(f, 0, sizeof *f);
    f->code = code; f->pc = pc; f->base = base; f->locals = base; f->sp = sp;
    f->self = self; f->env = MG_NIL; f->outer = MG_NIL; f->block = block; f->proc = MG_NIL;
    f->cref = MG_NIL; f->def_target = MG_NIL; f->backref = MG_NIL; f->lastline = MG_NIL;
    f->me = NULL; f->code_obj = code ? code->self_value : MG_NIL;
    f->flags = flags; f->vis = 0; f->argc = 0; f->mid = 0;
    return f;
}

Frame *
mg_vm_push_frame(void)
{
    return frame_new(NULL, NULL, NULL, NULL, MG_NIL, MG_NIL, 0);
}

/* vm.c's LEAVE does the common case (no env, no FRAME_LITBLOCK) itself: keep the two in step */
void
mg_vm_pop_frame(void)
{
    VM *vm = VMS;
    Frame *f = vm->fp;
    if (f->env != MG_NIL) mg_env_ptr(f->env)->frame = NULL;
    if ((f->flags & FRAME_LITBLOCK) && f->block != MG_NIL) mg_proc_ptr(f->block)->flags |= PROC_ORPHAN;
    vm->fp--;
}

bool
mg_vm_check_stack(size_t need)
{
    VM *vm = VMS;
    if (UNLIKELY(vm->sp + need + 64 >= vm->stack_end)) mg_raise_stack();
    return true;
}

void
mg_vm_stack_check_c(void)
{
    VM *vm = VMS;
    char here;
    if (vm->cstack_base && (size_t)(vm->cstack_base - &here) > vm->cstack_limit) mg_raise_stack();
}

Frame *
mg_vm_ruby_frame(void)
{
    VM *vm = VMS;
    for (Frame *f = vm->fp; f > vm->frames; f--) if (f->code) return f;
    return vm->fp > vm->frames ? vm->fp : NULL;
}

Frame *
mg_vm_caller_frame(void)
{
    return mg_vm_ruby_frame();
}

/* A plain block shares the definition scope of the frame it was made in
 * (private in a block of a class body makes the body's later defs private);
 * a class_eval block is a scope of its own, a define_method body a method's. */
Frame *
mg_vm_scope_frame(Frame *f)
{
    while (f && (f->flags & FRAME_BLOCK) && !(f->flags & (FRAME_DEFSCOPE | FRAME_BMETHOD)) && f->proc != MG_NIL) {
        Proc *p = mg_proc_ptr(f->proc);
        if (p->env == MG_NIL) break;
        Frame *h = mg_env_ptr(p->env)->frame;
        if (!h) break;
        f = h;
    }
    return f;
}

Frame *
mg_vm_local_frame(Frame *f)
{
    while (f && (f->flags & FRAME_BLOCK) && f->proc != MG_NIL) {
        Proc *p = mg_proc_ptr(f->proc);
        if (p->env == MG_NIL) break;
        Frame *h = mg_env_ptr(p->env)->frame;
        if (!h) break;
        f = h;
    }
    return f;
}

RClass *
mg_vm_def_target(Frame *f)
{
    if (f->def_target != MG_NIL) return MG_RCLASS(f->def_target);
    return mg_singleton_class(f->self);
}

/* ------------------------------------------------------------------ */
/* argument binding                                                     */

static NORETURN void
raise_argc_kw(int given, int min, int max, const ParamInfo *p, Value kwh)
{
    /* CRuby names every required keyword, given or not */
    (void)kwh;
    int nmissing = 0;
    ID missing[64];
    if (p) for (int i = 0; i < p->kwreq && nmissing < 64; i++) missing[nmissing++] = p->kws[i];
    if (nmissing) {
        /* CRuby appends the required keywords */
        Value s = mg_sprintf("wrong number of arguments (given %d, expected %d", given, min);
        if (max < 0) mg_str_cat_cstr(s, "+");
        else if (max != min) mg_str_catf(s, "..%d", max);
        mg_str_cat_cstr(s, nmissing > 1 ? "; required keywords: " : "; required keyword: ");
        for (int i = 0; i < nmissing; i++) {
            if (i) mg_str_cat_cstr(s, ", ");
            mg_str_cat_cstr(s, mg_id_name(missing[i], NULL));
        }
        mg_str_cat_cstr(s, ")");
        mg_raise_str(mg_eArgumentError, s);
    }
    mg_raise_argc(given, min, max);
}

static void
bind_keywords(Code *code, Value *locals, Value kwh)
{
    ParamInfo *p = &code->params;
    Value missing = MG_NIL;
    int nused = 0;
    for (int i = 0; i < p->nkw; i++) {
        Value v = (kwh != MG_NIL) ? mg_hash_lookup(kwh, MG_SYM(p->kws[i])) : MG_UNDEF;
        if (v != MG_UNDEF) nused++;
        else if (i < p->kwreq) {
            if (missing == MG_NIL) { missing = mg_ary_new(); locals[p->kwstart + i] = missing; }
            mg_ary_push(missing, MG_SYM(p->kws[i]));
            continue;
        }
        locals[p->kwstart + i] = v;
    }
    if (missing != MG_NIL) {
        int64_t n = mg_ary_len(missing);
        Value s = mg_str_new_cstr(n > 1 ? "missing keywords: " : "missing keyword: ");
        for (int64_t i = 0; i < n; i++) {
            if (i) mg_str_cat_cstr(s, ", ");
            mg_str_append(s, mg_inspect(mg_ary_entry(missing, i)));
        }
        mg_raise_str(mg_eArgumentError, s);
    }
    if (p->kwrest >= 0) {
        Value rest = mg_hash_new();
        locals[p->kwrest] = rest;
        if (kwh != MG_NIL) {
            Value k, v;
            for (int64_t it = 0; mg_hash_next(kwh, &it, &k, &v);) {
                bool known = false;
                if (MG_IS_SYMBOL(k)) for (int i = 0; i < p->nkw; i++) if (MG_SYM(p->kws[i]) == k) known = true;
                if (!known) mg_hash_aset(rest, k, v);
            }
        }
        return;
    }
    if (kwh != MG_NIL && nused < mg_hash_size(kwh)) {
        Value unknown = mg_ary_new();
        Value k, v;
        for (int64_t it = 0; mg_hash_next(kwh, &it, &k, &v);) {
            bool known = false;
            if (MG_IS_SYMBOL(k)) for (int i = 0; i < p->nkw; i++) if (MG_SYM(p->kws[i]) == k) known = true;
            if (!known) mg_ary_push(unknown, k);
        }
        int64_t n = mg_ary_len(unknown);
        Value s = mg_str_new_cstr(n > 1 ? "unknown keywords: " : "unknown keyword: ");
        for (int64_t i = 0; i < n; i++) {
            if (i) mg_str_cat_cstr(s, ", ");
            mg_str_append(s, mg_inspect(mg_ary_entry(unknown, i)));
        }
        mg_raise_str(mg_eArgumentError, s);
    }
}

/* The keywords of a CI_KWLIT call, as the Hash a call without it would pass. */
static Value
kwlit_hash(const ID *names, const Value *vals, int n)
{
    Value h = mg_hash_new_capa(n);
    for (int i = 0; i < n; i++) mg_hash_aset(h, MG_SYM(names[i]), vals[i]);
    return h;
}

/* bind_keywords for a CI_KWLIT call: by name, no Hash. A missing required
 * keyword or an unknown one goes through bind_keywords on the Hash, which
 * raises CRuby's error. vals is rooted (the VM stack). */
static void
bind_keywords_lit(Code *code, Value *locals, const ID *names, const Value *vals, int n)
{
    ParamInfo *p = &code->params;
    int used = 0;
    bool missing = false;
    for (int i = 0; i < p->nkw && !missing; i++) {
        Value v = MG_UNDEF;
        for (int j = 0; j < n; j++) if (names[j] == p->kws[i]) { v = vals[j]; used++; break; }
        if (v == MG_UNDEF && i < p->kwreq) missing = true;
        locals[p->kwstart + i] = v;
    }
    if (!missing && used == n) return;
    bind_keywords(code, locals, kwlit_hash(names, vals, n));
}

/* Only required positional parameters. */
static inline bool
simple_params(const ParamInfo *p)
{
    return p->opt == 0 && p->rest < 0 && p->post == 0 && !p->has_kw && !p->nokw && p->kwrest < 0 && p->blockp < 0;
}

/* Lay the arguments at base[0..argc) out as the code's locals (in place).
 * strict: method/lambda arity rules; otherwise proc rules (auto-splat, pad, drop). */
static void
bind_args(Frame *f, Code *code, Value *base, int argc, bool kw, Value blk, bool strict, const CallInfo *kwl)
{
    VM *vm = VMS;
    ParamInfo *p = &code->params;
    int nl = (int)code->nlocals;
    /* CI_KWLIT (only for a method with keywords and no **rest): the last
     * kwl->nkw arguments are the keywords' values */
    int nkwl = kwl ? kwl->nkw : 0;
    Value kwvals[16];
    if (nkwl) {
        argc -= nkwl;
        memcpy(kwvals, base + argc, sizeof(Value) * (size_t)nkwl);   /* no allocation until they are back on the stack */
    }
    /* fast path: only required positional parameters, given exactly (no
     * auto-splat can apply: it needs argc == 1 with lead > 1) -- the
     * arguments already sit where the locals go */
    if (LIKELY(!kw && argc == p->lead && simple_params(p) && (argc != 1 || strict || !p->excess_comma))) {
        for (int i = argc; i < nl; i++) base[i] = MG_NIL;
        vm->sp = base + nl;
        (void)f;
        return;
    }
    /* the same with optional parameters and/or &blk: missing optionals are
     * MG_UNDEF (JUMPIFSET runs their defaults) */
    if (!kw && p->rest < 0 && p->post == 0 && !p->has_kw && !p->nokw && p->kwrest < 0 &&
        argc >= p->lead && argc <= p->lead + p->opt && (strict || argc != 1)) {
        int np = p->lead + p->opt;
        for (int i = argc; i < np; i++) base[i] = MG_UNDEF;
        for (int i = np; i < nl; i++) base[i] = MG_NIL;
        if (p->blockp >= 0) base[p->blockp] = blk;
        vm->sp = base + nl;
        return;
    }
    Value kwh = MG_NIL;
    /* keywords */
    if (kw) {
        Value h = base[argc - 1];
        if (p->has_kw || p->nokw) {
            kwh = h;
            argc--;
            if (p->nokw && mg_hash_size(kwh) > 0) mg_raise(mg_eArgumentError, "no keywords accepted");
        } else if (p->ruby2_keywords && MG_IS_HASH(h)) {
            /* the keywords Hash is the call's own (a literal or a **splat's copy) */
            MG_OBJ(h)->flags |= OF_HASH_RUBY2_KW;
        }
    }
    if (!strict) {
        bool ambiguous = p->lead == 1 && p->opt == 0 && p->rest < 0 && p->post == 0 && !p->has_kw && !p->excess_comma;
        if (argc == 1 && kwh == MG_NIL && !ambiguous && (p->lead + p->post > 0 || p->opt > 1 || p->has_kw)) {
            Value a = mg_check_array(base[0]);
            if (a != MG_NIL) {
                int64_t n = mg_ary_len(a);
                mg_vm_check_stack((size_t)n + (size_t)nl);
                base[0] = a;
                vm->sp = base + 1;
                Value *src = mg_ary_ptr(a);
                for (int64_t i = n - 1; i >= 0; i--) base[i] = src[i];
                if (n == 0) base[0] = MG_NIL;
                argc = (int)n;
            }
        }
    }
    int req = p->lead + p->post;
    int max = (p->rest >= 0) ? -1 : req + p->opt;
    if (strict) {
        if (argc < req || (max >= 0 && argc > max)) {
            if (nkwl) {
                memcpy(base + argc, kwvals, sizeof(Value) * (size_t)nkwl);   /* rooted again (below vm->sp) */
                kwh = kwlit_hash(kwl->kwnames, base + argc, nkwl);
            }
            raise_argc_kw(argc, req, max, p, kwh);
        }
    } else {
        if (argc < req) {
            for (int i = argc; i < req; i++) base[i] = MG_NIL;
            argc = req;
        }
        if (max >= 0 && argc > max) argc = max;
    }
    /* scratch copy above the locals area, rooted by vm->sp */
    int top = nl > argc + nkwl + 1 ? nl : argc + nkwl + 1;
    mg_vm_check_stack((size_t)top + (size_t)argc + (size_t)nkwl + 2);
    Value *scratch = base + top;
    memcpy(scratch, base, sizeof(Value) * (size_t)argc);
    scratch[argc] = kwh;
    if (nkwl) memcpy(scratch + argc + 1, kwvals, sizeof(Value) * (size_t)nkwl);
    vm->sp = scratch + argc + 1 + nkwl;
    for (int i = 0; i < nl; i++) base[i] = MG_NIL;
    int nopt_given = argc - req;
    if (nopt_given > p->opt) nopt_given = p->opt;
    if (nopt_given < 0) nopt_given = 0;
    int li = 0, ai = 0;
    for (int i = 0; i < p->lead; i++) base[li++] = scratch[ai++];
    for (int i = 0; i < p->opt; i++) base[li++] = (i < nopt_given) ? scratch[ai++] : MG_UNDEF;
    int nrest = argc - req - nopt_given;
    if (p->rest >= 0) {
        Value r = mg_ary_new_from(nrest > 0 ? nrest : 0, scratch + ai);
        base[p->rest] = r;
        ai += nrest > 0 ? nrest : 0;
        li = p->rest + 1;
    }
    for (int i = 0; i < p->post; i++) base[li++] = scratch[ai++];
    if (p->has_kw) {
        for (int i = 0; i < p->nkw; i++) base[p->kwstart + i] = MG_UNDEF;
        if (nkwl) bind_keywords_lit(code, base, kwl->kwnames, scratch + argc + 1, nkwl);
        else bind_keywords(code, base, scratch[argc]);
    }
    if (p->blockp >= 0) base[p->blockp] = blk;
    vm->sp = base + nl;
    (void)f;
}

/* Pushes a Ruby frame for `code` whose arguments are at base[0..argc). */
static Frame *
push_code_frame(Code *code, Value *base, Value *ret, int argc, bool kw, Value blk, bool strict, uint32_t flags)
{
    VM *vm = VMS;
    mg_vm_check_stack(code->nlocals + code->max_stack + (size_t)argc + 8);
    Frame *f = frame_new(code, code->insns, base, ret /* the caller's result slot */, MG_NIL, blk, flags);
    vm->sp = base + argc;
    (void)strict; (void)kw;
    return f;
}

static void
finish_frame_setup(Frame *f, int argc, bool kw, Value blk, bool strict, const CallInfo *kwl)
{
    VM *vm = VMS;
    Code *code = f->code;
    bind_args(f, code, f->base, argc, kw, blk, strict, kwl);
    if (code->env_mode) {
        Value e = env_new(f, code, f->outer);
        Env *ep = mg_env_ptr(e);
        memcpy(ep->vals, f->base, sizeof(Value) * code->nlocals);
        f->env = e;
        f->locals = ep->vals;
    }
    vm->sp = f->base + code->nlocals;
}

/* ------------------------------------------------------------------ */
/* method calls                                                         */

static Value
run_frame(bool inloop)
{
    if (inloop) return MG_UNDEF;
    VMS->fp->flags |= FRAME_FINISH;
    return mg_vm_exec();
}

static Value
call_cfunc(Value *recv, int argc, const MethodEntry *me, ID mid, Value blk, bool kw, bool litblock)
{
    VM *vm = VMS;
    Frame *f = frame_new(NULL, NULL, recv + 1, recv, recv[0], blk,
                         FRAME_CFUNC | (litblock ? FRAME_LITBLOCK : 0) | (kw ? FRAME_KW : 0));
    f->me = (MethodEntry *)me;
    f->mid = mid;
    vm->sp = recv + argc + 1;
    int min = me->u.c.min_args, max = me->u.c.max_args;
    if (UNLIKELY(argc < min || (max >= 0 && argc > max))) {
        if (!(kw && (me->flags & MEF_KW) && argc - 1 >= min && (max < 0 || argc - 1 <= max))) mg_raise_argc(argc, min, max);
    }
    size_t ar = mg_gc_arena_save_fast();
    if (UNLIKELY(mg_trace_events & MG_EV_C_CALL)) mg_trace_fire(MG_EV_C_CALL, recv[0], me->original_name, mid, me->owner, MG_NIL);
    vm->kw_flag = kw;
    Value r = me->u.c.fn(recv[0], argc, recv + 1, blk);
    vm->kw_flag = false;
    if (UNLIKELY(mg_trace_events & MG_EV_C_RETURN)) {
        mg_gc_protect(r);
        mg_trace_fire(MG_EV_C_RETURN, recv[0], me->original_name, mid, me->owner, r);
    }
    mg_gc_arena_restore_fast(ar);
    mg_vm_pop_frame();
    vm->sp = recv;
    return r;
}

static Value
call_iseq_kw(Value *recv, int argc, const MethodEntry *me, Value blk, bool kw, bool inloop, bool litblock, const CallInfo *kwl)
{
    MG_FAULT(me->u.code);
    MethodBody *b = MG_RDATA(me->u.code)->ptr;   /* ME_ISEQ: always a MethodBody */
    Code *code = mg_code_ptr(b->code);
    Frame *f = push_code_frame(code, recv + 1, recv, argc, kw, blk, true, FRAME_METHOD | (litblock ? FRAME_LITBLOCK : 0));
    f->self = recv[0];
    f->me = (MethodEntry *)me;
    f->cref = b->cref;
    f->def_target = b->cref != MG_NIL ? MG_VAL(mg_cref_ptr(b->cref)->klass) : MG_VAL(mg_cObject);
    f->vis = VIS_PUBLIC;
    finish_frame_setup(f, argc, kw, blk, true, kwl);
    if (UNLIKELY(mg_trace_events & MG_EV_CALL)) mg_trace_fire(MG_EV_CALL, f->self, me->original_name, me->name, me->owner, MG_NIL);
    return run_frame(inloop);
}

static Value
call_iseq(Value *recv, int argc, const MethodEntry *me, Value blk, bool kw, bool inloop, bool litblock)
{
    return call_iseq_kw(recv, argc, me, blk, kw, inloop, litblock, NULL);
}

Value
mg_vm_call_me(Value *recv, int argc, const MethodEntry *me, ID mid, Value blk, bool kw, bool inloop, RClass *defined)
{
    VM *vm = VMS;
    bool lit = blk != MG_NIL && (mg_proc_ptr(blk)->flags & PROC_LITERAL) && !(mg_proc_ptr(blk)->flags & PROC_ORPHAN);
    (void)defined;
    switch (me->kind) {
    case ME_CFUNC: return call_cfunc(recv, argc, me, mid, blk, kw, lit);
    case ME_ISEQ: return call_iseq(recv, argc, me, blk, kw, inloop, lit);
    case ME_ATTR_READER:
        if (argc != 0) mg_raise_argc(argc, 0, 0);
        vm->sp = recv;
        return mg_ivar_get(recv[0], me->u.ivar);
    case ME_ATTR_WRITER:
        if (argc != 1) mg_raise_argc(argc, 1, 1);
        mg_ivar_set(recv[0], me->u.ivar, recv[1]);
        vm->sp = recv;
        return recv[1];
    case ME_BMETHOD: {
        Value proc = me->u.proc;
        vm->bmethod_me = me;
        vm->bmethod_lit = lit;
        Value r = mg_vm_invoke_proc(proc, recv + 1, argc, blk, kw, recv[0], MG_UNDEF, inloop, true);
        if (r == MG_UNDEF) return MG_UNDEF;
        vm->sp = recv;
        return r;
    }
    case ME_ZSUPER: {
        MethodEntry *sup = mg_method_lookup_super(mg_class_of(recv[0]), me->owner, me->name);
        if (!sup) mg_raise_nomethod(recv[0], mid, argc, recv + 1);
        return mg_vm_call_me(recv, argc, sup, mid, blk, kw, inloop, NULL);
    }
    default:
        mg_raise_nomethod(recv[0], mid, argc, recv + 1);
    }
}

/* Expand a splatted argument array (recv[1]) in place; returns the new argc.
 * An array ending in a ruby2_keywords Hash passes (a copy of) it as keywords,
 * and *flags gains CI_KW; an empty one is dropped. */
static int
expand_splat(Value *recv, int argc, uint32_t *flagsp)
{
    uint32_t flags = *flagsp;
    VM *vm = VMS;
    Value kwh = (flags & CI_KW) ? recv[2] : MG_UNDEF;
    Value a = recv[1];
    if (!MG_IS_ARRAY(a)) a = mg_splat_to_a(a);
    int64_t n = mg_ary_len(a);
    mg_vm_check_stack((size_t)n + 4);
    /* keep a and kwh rooted: place them above the final area first */
    Value *tmp = recv + 1 + n + 1;
    tmp[0] = a; tmp[1] = kwh == MG_UNDEF ? MG_NIL : kwh;
    vm->sp = tmp + 2;
    Value *src = mg_ary_ptr(a);
    for (int64_t i = 0; i < n; i++) recv[1 + i] = src[i];
    int nargc = (int)n;
    if (kwh != MG_UNDEF) recv[1 + nargc++] = tmp[1];
    else if (nargc > 0 && MG_IS_HASH(recv[nargc]) && (MG_OBJ(recv[nargc])->flags & OF_HASH_RUBY2_KW)) {
        vm->sp = recv + 1 + nargc;
        if (mg_hash_size(recv[nargc]) == 0) nargc--;
        else {
            /* a copy still flagged: a callee without keywords gets it in its args as CRuby does */
            Value h = mg_hash_dup(recv[nargc]);
            MG_OBJ(h)->flags |= OF_HASH_RUBY2_KW;
            recv[nargc] = h;
            *flagsp |= CI_KW;
        }
    }
    vm->sp = recv + 1 + nargc;
    (void)argc;
    return nargc;
}

static Value
nomethod_name_str(Value recv)
{
    (void)recv;
    return MG_NIL;
}

static NORETURN void
raise_visibility(Value recv, ID mid, const char *kind)
{
    VMS->nomethod_vcall = 0;
    Value desc = mg_inspect(recv);
    Value s;
    const char *d = mg_str_cstr(desc);
    if (recv == VMS->main_obj) s = mg_sprintf("%s method `%s' called for main:Object", kind, mg_id_name(mid, NULL));
    else if (recv == MG_NIL || recv == MG_TRUE || recv == MG_FALSE)
        s = mg_sprintf("%s method `%s' called for %s:%s", kind, mg_id_name(mid, NULL), d, mg_class_cname(mg_obj_class(recv)));
    else if (d[0] == '#') s = mg_sprintf("%s method `%s' called for %s", kind, mg_id_name(mid, NULL), d);
    else s = mg_sprintf("%s method `%s' called for %s:%s", kind, mg_id_name(mid, NULL), d, mg_class_cname(mg_obj_class(recv)));
    Value exc = mg_nomethod_error_new(s, recv, mid, MG_NIL, true);
    (void)nomethod_name_str;
    mg_raise_exc(exc);
}

static Value
call_method_missing(Value *recv, int argc, ID mid, Value blk, uint32_t flags, bool kw, bool inloop)
{
    VM *vm = VMS;
    mg_vm_check_stack((size_t)argc + 4);
    memmove(recv + 2, recv + 1, sizeof(Value) * (size_t)argc);
    recv[1] = MG_SYM(mid);
    vm->sp = recv + argc + 2;
    MethodEntry *mm = mg_method_lookup(mg_class_of(recv[0]), mg_id_method_missing);
    vm->nomethod_vcall = (flags & CI_VCALL) ? 1 : (flags & CI_FCALL) ? 2 : 0;
    if (!mm) mg_raise_nomethod(recv[0], mid, argc, recv + 2);
    return mg_vm_call_me(recv, argc + 1, mm, mg_id_method_missing, blk, kw, inloop, NULL);
}

/* The inline cache's fast path (CallInfo.ic_code): a Ruby method with only
 * required parameters, called with exactly that many positional arguments.
 * The arguments already sit where its locals go; no binding is needed. */
static Value
call_iseq_fast(Value *recv, int argc, const MethodEntry *me, Code *code, MethodBody *b, Value blk, bool inloop)
{
    VM *vm = VMS;
    bool lit = blk != MG_NIL && (mg_proc_ptr(blk)->flags & PROC_LITERAL) && !(mg_proc_ptr(blk)->flags & PROC_ORPHAN);
    Value *base = recv + 1;
    int nl = (int)code->nlocals;
    mg_vm_check_stack((size_t)nl + code->max_stack + (size_t)argc + 8);
    Frame *f = frame_new(code, code->insns, base, recv, recv[0], blk, FRAME_METHOD | (lit ? FRAME_LITBLOCK : 0));
    f->me = (MethodEntry *)me;
    f->cref = b->cref;
    f->def_target = b->cref != MG_NIL ? MG_VAL(mg_cref_ptr(b->cref)->klass) : MG_VAL(mg_cObject);
    f->vis = VIS_PUBLIC;
    for (int i = argc; i < nl; i++) base[i] = MG_NIL;
    vm->sp = base + nl;
    if (code->env_mode) {
        Value e = env_new(f, code, MG_NIL);
        Env *ep = mg_env_ptr(e);
        memcpy(ep->vals, base, sizeof(Value) * (size_t)nl);
        f->env = e;
        f->locals = ep->vals;
    }
    if (UNLIKELY(mg_trace_events & MG_EV_CALL)) mg_trace_fire(MG_EV_CALL, f->self, me->original_name, me->name, me->owner, MG_NIL);
    return run_frame(inloop);
}

void
mg_vm_call_cached(Value *recv, CallInfo *ci)
{
    call_iseq_fast(recv, ci->argc, ci->ic_me, ci->ic_code, ci->ic_body, MG_NIL, true);
}

/* Class#new of a plain class whose initialize is a simple Ruby method: the
 * `new` C frame is pushed as a call would, the object allocated, and
 * initialize runs in the same interpreter loop (FRAME_CTOR; vm.c LEAVE
 * pops both frames and returns the object). False when not applicable. */
static const MethodEntry *class_new_me;
static MgAllocFunc default_alloc_fn;

void
mg_vm_capture_builtins(void)
{
    class_new_me = mg_method_lookup(mg_cClass, mg_intern_cstr("new"));
    default_alloc_fn = mg_get_alloc_func(mg_cObject);
}

static bool
new_inline(Value *recv, int argc, const MethodEntry *me, ID mid)
{
    VM *vm = VMS;
    if (!MG_IS_PTR(recv[0])) return false;
    RClass *c = MG_RCLASS(recv[0]);
    if (c->hdr.type != T_CLASS || (c->hdr.flags & (OF_SINGLETON | OF_UNFAULTED)) || mg_get_alloc_func(c) != default_alloc_fn)
        return false;
    MethodEntry *init = mg_method_lookup(c, mg_id_initialize);
    if (!init || init->kind != ME_ISEQ || (MG_OBJ(init->u.code)->flags & OF_UNFAULTED)) return false;
    MethodBody *b = MG_RDATA(init->u.code)->ptr;
    if (MG_OBJ(b->code)->flags & OF_UNFAULTED) return false;
    Code *code = mg_code_ptr(b->code);
    if (!simple_params(&code->params) || argc != code->params.lead) return false;
    Frame *nf = frame_new(NULL, NULL, recv + 1, recv, recv[0], MG_NIL, FRAME_CFUNC);
    nf->me = (MethodEntry *)me;
    nf->mid = mid;
    vm->sp = recv + argc + 1;
    recv[0] = default_alloc_fn(c);          /* the class stays rooted as the `new` frame's self */
    call_iseq_fast(recv, argc, init, code, b, MG_NIL, true);
    vm->fp->flags |= FRAME_CTOR;
    return true;
}

/* The cache's attr_reader/attr_writer fast path: reads or writes ivar slot idx
 * of a plain object and leaves the result in recv[0]; false when the object
 * needs the general path (not a T_OBJECT, unfaulted, frozen, persistent, or
 * the slot does not exist yet for a write). */
static inline bool
attr_fast(Value *recv, const MethodEntry *me, uint32_t idx)
{
    if (!MG_IS_PTR(recv[0])) return false;
    Obj *o = MG_OBJ(recv[0]);
    if (o->type != T_OBJECT || (o->flags & OF_UNFAULTED)) return false;
    if (me->kind == ME_ATTR_READER) {
        Value v = idx < o->extra ? ((RObject *)o)->ivs[idx] : MG_UNDEF;
        recv[0] = v == MG_UNDEF ? MG_NIL : v;
    } else {
        if (idx >= o->extra || (o->flags & (OF_FROZEN | OF_PERSISTENT))) return false;
        ((RObject *)o)->ivs[idx] = recv[1];
        recv[0] = recv[1];
    }
    VMS->sp = recv;
    return true;
}

bool
mg_vm_attr_cached(Value *recv, CallInfo *ci)
{
    return attr_fast(recv, ci->ic_me, ci->ic_attr - 1);
}

/* A CI_KWLIT send (compile_call.c): a Ruby method with keywords and no
 * **rest, callable here, binds the keywords by name without a Hash; any
 * other callee gets the Hash a plain call passes: then *argc and *flags are
 * those of such a call and false is returned (the caller goes on with them);
 * true: called, *result is the call's (MG_UNDEF: its frame is pushed). */
static bool
kwlit_call(Value *recv, int *argc, ID mid, Value blk, uint32_t *flags, CallInfo *ci, bool inloop, Value *result)
{
    VM *vm = VMS;
    RClass *klass = mg_class_of(recv[0]);
    MethodEntry *me;
    if (ci->ic_klass == klass && ci->ic_serial == mg_method_serial) me = ci->ic_me;
    else {
        me = mg_method_lookup(klass, mid);
        ci->ic_klass = klass; ci->ic_serial = mg_method_serial; ci->ic_me = me;
        ci->ic_code = NULL; ci->ic_body = NULL; ci->ic_attr = 0;
    }
    if (me && me->kind == ME_ISEQ && (me->visibility == VIS_PUBLIC || (*flags & (CI_FCALL | CI_SELFRECV))) &&
        !(UNLIKELY(mg_refinements_used) && mg_vm_refinements_active(vm->fp))) {
        MG_FAULT(me->u.code);
        MethodBody *b = MG_RDATA(me->u.code)->ptr;
        MG_FAULT(b->code);
        const ParamInfo *p = &mg_code_ptr(b->code)->params;
        if (p->has_kw && p->kwrest < 0 && !p->nokw) {
            bool lit = blk != MG_NIL && (mg_proc_ptr(blk)->flags & PROC_LITERAL) && !(mg_proc_ptr(blk)->flags & PROC_ORPHAN);
            *result = call_iseq_kw(recv, *argc, me, blk, false, inloop, lit, ci);
            return true;
        }
    }
    int first = *argc - ci->nkw + 1;                 /* recv[first..]: the keywords' values */
    recv[first] = kwlit_hash(ci->kwnames, recv + first, ci->nkw);
    *argc = first;
    vm->sp = recv + first + 1;
    *flags = (*flags & ~(uint32_t)CI_KWLIT) | CI_KW;
    return false;
}

Value
mg_vm_call(Value *recv, int argc, ID mid, Value blk, uint32_t flags, CallInfo *ci, bool inloop)
{
    VM *vm = VMS;
    if (UNLIKELY(flags & CI_KWLIT)) {
        Value r;
        if (kwlit_call(recv, &argc, mid, blk, &flags, ci, inloop, &r)) return r;
    }
    if (flags & CI_SPLAT) argc = expand_splat(recv, argc, &flags);
    bool kw = (flags & CI_KW) != 0;
    if (kw) {
        Value h = recv[argc];
        if (!MG_IS_HASH(h)) {
            h = mg_to_hash(h);
            recv[argc] = h;
        }
        if ((flags & CI_KWSPLAT) && mg_hash_size(h) == 0) { argc--; kw = false; vm->sp = recv + argc + 1; }
        else if (flags & CI_KWSPLAT) { recv[argc] = mg_hash_dup(h); }
    }
    RClass *klass = mg_class_of(recv[0]);
    MethodEntry *me;
    if (UNLIKELY(mg_refinements_used) && ci && mg_vm_refinements_active(vm->fp)) {
        /* refinements in scope: look them up; the site's cache then holds the
         * result (a call site's refinements are fixed by where it is) */
        me = mg_vm_refined_lookup(vm->fp, klass, mid);
        goto fill_cache;
    } else if (ci && ci->ic_klass == klass && ci->ic_serial == mg_method_serial) {
        me = ci->ic_me;
        if (ci->ic_code) return call_iseq_fast(recv, argc, me, ci->ic_code, ci->ic_body, blk, inloop);
        if (ci->ic_attr && attr_fast(recv, me, ci->ic_attr - 1)) return recv[0];
    } else if (ci && ci->ic2.klass == klass && ci->ic2.serial == mg_method_serial) {
        me = ci->ic2.me;
        if (ci->ic2.code) return call_iseq_fast(recv, argc, me, ci->ic2.code, ci->ic2.body, blk, inloop);
        if (ci->ic2.attr && attr_fast(recv, me, ci->ic2.attr - 1)) return recv[0];
    } else {
        me = mg_method_lookup(klass, mid);
    fill_cache:
        if (ci) {
            if (ci->ic_klass && ci->ic_serial == mg_method_serial) {
                ci->ic2.klass = ci->ic_klass; ci->ic2.serial = ci->ic_serial; ci->ic2.me = ci->ic_me;
                ci->ic2.code = ci->ic_code; ci->ic2.body = ci->ic_body; ci->ic2.attr = ci->ic_attr;
            }
            ci->ic_klass = klass; ci->ic_serial = mg_method_serial; ci->ic_me = me;
            ci->ic_code = NULL; ci->ic_body = NULL; ci->ic_attr = 0;
            bool callable = me && (me->visibility == VIS_PUBLIC || (flags & (CI_FCALL | CI_SELFRECV))) &&
                            !(flags & (CI_SPLAT | CI_KW | CI_KWLIT | CI_BLOCKARG | CI_ZSUPER)) && argc == ci->argc;
            if (callable && ((me->kind == ME_ATTR_READER && argc == 0) || (me->kind == ME_ATTR_WRITER && argc == 1)) &&
                !(klass->hdr.flags & OF_UNFAULTED) && mg_class_real(klass)->ext)
                ci->ic_attr = mg_ivar_index(mg_class_real(klass), me->u.ivar) + 1;
            if (callable && me->kind == ME_ISEQ) {
                MG_FAULT(me->u.code);
                MethodBody *b = MG_RDATA(me->u.code)->ptr;
                MG_FAULT(b->code);
                Code *code = mg_code_ptr(b->code);
                if (simple_params(&code->params) && argc == code->params.lead) { ci->ic_code = code; ci->ic_body = b; }
            }
        }
    }
    if (UNLIKELY(!me)) return call_method_missing(recv, argc, mid, blk, flags, kw, inloop);
    if (UNLIKELY(me->visibility != VIS_PUBLIC) && !(flags & (CI_FCALL | CI_SELFRECV))) {
        if (me->visibility == VIS_PRIVATE || me->visibility == VIS_MODULE_FUNCTION) {
            if (mg_method_lookup(klass, mg_id_method_missing) &&
                mg_method_lookup(klass, mg_id_method_missing)->kind != ME_CFUNC)
                return call_method_missing(recv, argc, mid, blk, flags, kw, inloop);
            raise_visibility(recv[0], mid, "private");
        }
        if (me->visibility == VIS_PROTECTED) {
            Frame *cf = mg_vm_ruby_frame();
            Value self = cf ? cf->self : MG_NIL;
            RClass *owner = me->owner;
            if (owner->hdr.type == T_ICLASS) owner = owner->u.module;
            if (!mg_obj_is_kind_of(self, mg_class_real(owner) ? mg_class_real(owner) : owner) && !mg_obj_is_kind_of(self, owner)) {
                if (mg_method_lookup(klass, mg_id_method_missing) &&
                    mg_method_lookup(klass, mg_id_method_missing)->kind != ME_CFUNC)
                    return call_method_missing(recv, argc, mid, blk, flags, kw, inloop);
                raise_visibility(recv[0], mid, "protected");
            }
        }
    }
    if (me == class_new_me && inloop && blk == MG_NIL && !kw) {
        if (new_inline(recv, argc, me, mid)) return MG_UNDEF;     /* the frames are pushed */
    }
    return mg_vm_call_me(recv, argc, me, mid, blk, kw, inloop, NULL);
}

/* ------------------------------------------------------------------ */
/* super                                                                */

Value
mg_vm_super(Value *recv, int argc, Value blk, uint32_t flags, bool inloop)
{
    VM *vm = VMS;
    Frame *f = mg_vm_ruby_frame();
    MethodEntry *cur = f ? f->me : NULL;
    if (f && (f->flags & FRAME_BLOCK) && !(f->flags & FRAME_BMETHOD) && f->proc != MG_NIL) cur = mg_proc_ptr(f->proc)->me;
    if (!cur) mg_raise(mg_eRuntimeError, "super called outside of method");
    if ((flags & CI_ZSUPER) && f && (f->flags & FRAME_BMETHOD))
        mg_raise(mg_eRuntimeError, "implicit argument passing of super from method defined by define_method() is not supported. Specify all arguments explicitly.");
    if (flags & CI_SPLAT) { argc = expand_splat(recv, argc, &flags); flags &= ~(uint32_t)CI_SPLAT; }
    bool kw = (flags & CI_KW) != 0;
    if (kw && (flags & CI_KWSPLAT) && mg_hash_size(recv[argc]) == 0) { argc--; kw = false; vm->sp = recv + argc + 1; }
    else if (kw && (flags & CI_KWSPLAT)) recv[argc] = mg_hash_dup(recv[argc]);   /* the callee owns its keywords */
    if (blk == MG_NIL && !(flags & CI_BLOCKARG)) blk = f->block;
    ID name = cur->original_name ? cur->original_name : cur->name;
    if (cur->name) name = cur->name;
    MethodEntry *me = mg_vm_is_refinement(cur->owner)
        ? mg_vm_refinement_super(cur->owner, cur->original_name ? cur->original_name : name)
        : mg_method_lookup_super(mg_class_of(recv[0]), cur->owner, cur->original_name ? cur->original_name : name);
    if (!me && cur->original_name != cur->name) me = mg_method_lookup_super(mg_class_of(recv[0]), cur->owner, cur->name);
    if (!me) {
        MethodEntry *mm = mg_method_lookup(mg_class_of(recv[0]), mg_id_method_missing);
        if (mm && mm->kind != ME_CFUNC) return call_method_missing(recv, argc, name, blk, CI_FCALL, kw, inloop);
        Value desc = mg_inspect(recv[0]);
        const char *d = mg_str_cstr(desc);
        Value s;
        if (d[0] == '#') s = mg_sprintf("super: no superclass method `%s' for %s", mg_id_name(name, NULL), d);
        else s = mg_sprintf("super: no superclass method `%s' for %s:%s", mg_id_name(name, NULL), d, mg_class_cname(mg_obj_class(recv[0])));
        if (recv[0] == vm->main_obj) s = mg_sprintf("super: no superclass method `%s' for main:Object", mg_id_name(name, NULL));
        mg_raise_str(mg_eNoMethodError, s);
    }
    return mg_vm_call_me(recv, argc, me, name, blk, kw, inloop, NULL);
}

/* ------------------------------------------------------------------ */
/* blocks and procs                                                     */

Value
mg_proc_new_from_block(Frame *f, Value code, bool lambda)
{
    void *p;
    Value v = mg_data_new_inline(mg_cProc, &mg_proc_type, sizeof(Proc), &p);
    Proc *pr = p;
    pr->code = code;
    pr->env = f->env;
    pr->self = f->self;
    pr->cref = f->cref;
    pr->block = f->block;
    pr->def_target = f->def_target;
    pr->me = f->me;
    pr->me_owner = f->me ? MG_VAL(f->me->owner) : MG_NIL;
    if (f->flags & FRAME_BLOCK) {
        /* nested block: inherit the method context of the enclosing block */
        if (f->proc != MG_NIL) {
            Proc *outer = mg_proc_ptr(f->proc);
            if (!(f->flags & FRAME_BMETHOD)) { pr->me = outer->me; pr->me_owner = outer->me_owner; }
        }
    }
    pr->data = MG_NIL;
    pr->flags = lambda ? PROC_LAMBDA : PROC_LITERAL;
    pr->home_depth = (int32_t)(f - VMS->frames);
    return v;
}

Value
mg_proc_new_cfunc(MgBlockFunc fn, Value data, bool lambda)
{
    void *p;
    Value v = mg_data_new_inline(mg_cProc, &mg_proc_type, sizeof(Proc), &p);
    Proc *pr = p;
    pr->code = pr->env = pr->self = pr->cref = pr->block = pr->def_target = pr->me_owner = MG_NIL;
    pr->data = data;
    pr->fn = fn;
    pr->flags = PROC_CFUNC | (lambda ? PROC_LAMBDA : 0);
    return v;
}

void
mg_proc_set_arity1(Value proc)
{
    mg_proc_ptr(proc)->flags |= PROC_ARITY1;
}

static Value
sym_proc_fn(Value arg, Value data, int argc, const Value *argv, Value blk)
{
    (void)arg;
    if (argc < 1) mg_raise(mg_eArgumentError, "no receiver given");
    return mg_funcall_public(argv[0], MG_SYM2ID(data), argc - 1, argv + 1, blk);
}

/* :sym.to_proc answers the same Proc while its slot keeps it, as CRuby's
 * rb_sym_to_proc: a direct-mapped cache of symbol, proc pairs */
enum { SYM_PROC_CACHE = 67 };
static Value sym_proc_cache = MG_NIL;

Value
mg_sym_to_proc(ID name)
{
    if (sym_proc_cache == MG_NIL) {
        mg_gc_register(&sym_proc_cache);
        sym_proc_cache = mg_ary_new_capa(2 * SYM_PROC_CACHE);
        for (int i = 0; i < 2 * SYM_PROC_CACHE; i++) mg_ary_push(sym_proc_cache, MG_NIL);
    }
    int64_t i = (int64_t)(name % SYM_PROC_CACHE) * 2;
    if (mg_ary_entry(sym_proc_cache, i) == MG_SYM(name)) return mg_ary_entry(sym_proc_cache, i + 1);
    Value p = mg_proc_new_cfunc(sym_proc_fn, MG_SYM(name), true);
    mg_proc_ptr(p)->flags |= PROC_SYM;
    mg_proc_ptr(p)->sym = name;
    mg_ary_store(sym_proc_cache, i, MG_SYM(name));
    mg_ary_store(sym_proc_cache, i + 1, p);
    return p;
}

/* &:sym where refinements are active: data is [sym, refinements] */
static Value
sym_proc_refined_fn(Value arg, Value data, int argc, const Value *argv, Value blk)
{
    (void)arg;
    if (argc < 1) mg_raise(mg_eArgumentError, "no receiver given");
    ID mid = MG_SYM2ID(mg_ary_entry(data, 0));
    MethodEntry *me = mg_vm_refined_lookup_in(mg_ary_entry(data, 1), mg_class_of(argv[0]), mid);
    if (me && mg_vm_is_refinement(me->owner) && me->visibility == VIS_PUBLIC)
        return mg_call_method_entry(argv[0], me, argc - 1, argv + 1, blk);
    return mg_funcall_public(argv[0], mid, argc - 1, argv + 1, blk);
}

/* &blk argument to a block value */
Value
mg_to_block(Value v)
{
    if (v == MG_NIL || mg_is_proc(v)) return v;
    if (MG_IS_SYMBOL(v) && UNLIKELY(mg_refinements_used) && mg_vm_refinements_active(VMS->fp)) {
        /* &:sym sees the refinements of the call site (3.1) */
        Value data = mg_ary_new();
        mg_ary_push(data, v);
        mg_ary_push(data, mg_vm_active_refinements(VMS->fp));
        Value p = mg_proc_new_cfunc(sym_proc_refined_fn, data, true);
        mg_proc_ptr(p)->flags |= PROC_SYM;
        mg_proc_ptr(p)->sym = MG_SYM2ID(v);
        return p;
    }
    if (MG_IS_SYMBOL(v)) return mg_sym_to_proc(MG_SYM2ID(v));
    if (!mg_respond_to(v, mg_id_to_proc, true))
        mg_raise(mg_eTypeError, "wrong argument type %s (expected Proc)", mg_class_cname(mg_obj_class(v)));
    Value p = mg_funcall(v, mg_id_to_proc, 0, NULL);
    if (!mg_is_proc(p))     /* CRuby names the argument's class whatever to_proc gave */
        mg_raise(mg_eTypeError, "wrong argument type %s (expected Proc)", mg_class_cname(mg_obj_class(v)));
    return p;
}

/* Invoke a proc with args at args[0..argc) on the VM stack (args == vm->sp - argc).
 * Returns the result, or MG_UNDEF when a frame was pushed (inloop). */
Value
mg_vm_invoke_proc(Value procv, Value *args, int argc, Value blk, bool kw, Value self_override, Value def_target, bool inloop, bool as_lambda)
{
    VM *vm = VMS;
    Proc *pr = mg_proc_ptr(procv);
    if (pr->flags & PROC_CFUNC) {
        vm->bmethod_me = NULL;
        Value first = argc > 0 ? args[0] : MG_NIL;
        size_t ar = mg_gc_arena_save();
        bool okw = vm->kw_flag;
        vm->kw_flag = kw;
        Value r = pr->fn(first, pr->data, argc, args, blk);
        vm->kw_flag = okw;
        mg_gc_arena_restore(ar);
        vm->sp = args;
        return r;
    }
    Code *code = mg_code_ptr(pr->code);
    bool lambda = as_lambda || (pr->flags & PROC_LAMBDA);
    uint32_t flags = FRAME_BLOCK | (lambda ? FRAME_LAMBDA : 0) | (def_target != MG_UNDEF ? FRAME_DEFSCOPE : 0);
    const MethodEntry *bme = vm->bmethod_me;
    vm->bmethod_me = NULL;
    if (bme) flags |= FRAME_BMETHOD | (vm->bmethod_lit ? FRAME_LITBLOCK : 0);
    Frame *f = push_code_frame(code, args, bme ? args - 1 : args, argc, kw, blk, lambda, flags);
    f->self = self_override != MG_UNDEF ? self_override : pr->self;
    f->outer = pr->env;
    f->block = pr->block;
    f->proc = procv;
    f->cref = pr->cref;
    f->me = bme ? (MethodEntry *)bme : pr->me;
    f->def_target = def_target != MG_UNDEF ? def_target : pr->def_target;
    f->vis = VIS_PUBLIC;
    finish_frame_setup(f, argc, kw, blk, lambda, NULL);
    if (UNLIKELY(mg_trace_events & (bme ? MG_EV_CALL : MG_EV_B_CALL)))   /* a define_method body is a method */
        mg_trace_fire(bme ? MG_EV_CALL : MG_EV_B_CALL, f->self, bme ? bme->original_name : 0, bme ? bme->name : 0,
                      bme ? bme->owner : NULL, MG_NIL);
    return run_frame(inloop);
}

/* yield from the loop: args are the top argc values */
Value
mg_vm_invoke_block(Value *args, int argc, uint32_t flags, bool inloop)
{
    VM *vm = VMS;
    Frame *f = mg_vm_ruby_frame();
    Value blk = f ? f->block : MG_NIL;
    Value passed = MG_NIL;
    if (flags & CI_BLOCKARG) { passed = mg_to_block(args[argc]); }
    if (blk == MG_NIL) mg_raise(mg_eLocalJumpError, "no block given (yield)");
    if (flags & CI_SPLAT) {
        argc = expand_splat(args - 1, argc, &flags);
    }
    bool kw = (flags & CI_KW) != 0;
    if (kw && (flags & CI_KWSPLAT) && mg_hash_size(args[argc - 1]) == 0) { argc--; kw = false; }
    vm->sp = args + argc;
    return mg_vm_invoke_proc(blk, args, argc, passed, kw, MG_UNDEF, MG_UNDEF, inloop, false);
}

/* ------------------------------------------------------------------ */
/* the C API (vm.h)                                                     */

static Value *
push_args(Value recv, int argc, const Value *argv)
{
    VM *vm = VMS;
    mg_vm_check_stack((size_t)argc + 4);
    Value *base = vm->sp;
    base[0] = recv;
    for (int i = 0; i < argc; i++) base[1 + i] = argv[i];
    vm->sp = base + argc + 1;
    return base;
}

static Value
funcall_common(Value recv, ID mid, int argc, const Value *argv, Value blk, uint32_t flags)
{
    mg_vm_stack_check_c();     /* C methods calling each other (Array#<=> of nested Arrays) */
    VM *vm = VMS;
    Value *saved = vm->sp;
    Value *base = push_args(recv, argc, argv);
    Value r = mg_vm_call(base, argc, mid, blk, flags, NULL, false);
    vm->sp = saved;
    mg_gc_protect(r);
    return r;
}

Value
mg_funcall(Value recv, ID mid, int argc, const Value *argv)
{
    return funcall_common(recv, mid, argc, argv, MG_NIL, CI_FCALL);
}

Value
mg_funcall_block(Value recv, ID mid, int argc, const Value *argv, Value blk)
{
    return funcall_common(recv, mid, argc, argv, blk, CI_FCALL);
}

Value
mg_funcall_public(Value recv, ID mid, int argc, const Value *argv, Value blk)
{
    return funcall_common(recv, mid, argc, argv, blk, 0);
}

Value
mg_funcall_kw(Value recv, ID mid, int argc, const Value *argv, Value blk)
{
    if (argc == 0 || !MG_IS_HASH(argv[argc - 1])) return funcall_common(recv, mid, argc, argv, blk, CI_FCALL);
    return funcall_common(recv, mid, argc, argv, blk, CI_FCALL | CI_KW | CI_KWSPLAT);
}

Value
mg_call_method_entry(Value recv, const MethodEntry *me, int argc, const Value *argv, Value blk)
{
    VM *vm = VMS;
    Value *saved = vm->sp;
    Value *base = push_args(recv, argc, argv);
    bool kw = vm->kw_flag && argc > 0 && MG_IS_HASH(argv[argc - 1]);
    Value r = mg_vm_call_me(base, argc, me, me->name, blk, kw, false, NULL);
    vm->sp = saved;
    mg_gc_protect(r);
    return r;
}

bool
mg_kw_given(void)
{
    return VMS->kw_flag;
}

static void __attribute__((noinline, cold))
yield_checkpoint(void)
{
    mg_vm_checkpoint();
}

static inline __attribute__((always_inline)) Value
yield_n(Value blk, int argc, const Value *argv)
{
    VM *vm = VMS;
    if (blk == MG_NIL) mg_raise(mg_eLocalJumpError, "no block given (yield)");
    Value *saved = vm->sp;
    mg_vm_check_stack((size_t)argc + 4);
    Value *base = vm->sp;
    for (int i = 0; i < argc; i++) base[i] = argv[i];
    vm->sp = base + argc;
    /* a safe point, as a backward branch is: a C loop (times, each, ...)
     * must let other threads, signal handlers and eviction run. After the
     * arguments are on the stack: there they are roots (an element a lazy
     * Array gave may have nothing else holding it) */
    if (UNLIKELY(vm->interrupt)) yield_checkpoint();
    Value r = mg_vm_invoke_proc(blk, base, argc, MG_NIL, false, MG_UNDEF, MG_UNDEF, false, false);
    vm->sp = saved;
    mg_gc_protect(r);
    return r;
}

Value
mg_yield(Value blk, int argc, const Value *argv)
{
    return yield_n(blk, argc, argv);
}

Value
mg_yield1(Value blk, Value arg)
{
    return yield_n(blk, 1, &arg);     /* inlined: the copy loop becomes one store */
}

Value
mg_yield_values(Value blk, int argc, const Value *argv)
{
    return mg_yield(blk, argc, argv);
}

Value
mg_proc_call(Value proc, int argc, const Value *argv, Value blk)
{
    VM *vm = VMS;
    Value *saved = vm->sp;
    mg_vm_check_stack((size_t)argc + 4);
    Value *base = vm->sp;
    for (int i = 0; i < argc; i++) base[i] = argv[i];
    vm->sp = base + argc;
    bool kw = vm->kw_flag && argc > 0 && MG_IS_HASH(argv[argc - 1]);
    Value r = mg_vm_invoke_proc(proc, base, argc, blk, kw, MG_UNDEF, MG_UNDEF, false, false);
    vm->sp = saved;
    mg_gc_protect(r);
    return r;
}

Value
mg_block_proc(Value blk)
{
    return blk;
}

bool
mg_proc_lambda_p(Value proc)
{
    return (mg_proc_ptr(proc)->flags & PROC_LAMBDA) != 0;
}

int
mg_params_arity(const ParamInfo *p, bool lambda)
{
    int min = p->lead + p->post + (p->kwreq > 0 ? 1 : 0);
    int max = p->rest >= 0 ? -1 : p->lead + p->opt + p->post + ((p->nkw > 0 || p->kwrest >= 0) ? 1 : 0);
    if (lambda) return min == max ? min : -min - 1;
    return max != -1 ? min : -min - 1;
}

int
mg_proc_arity(Value proc)
{
    Proc *pr = mg_proc_ptr(proc);
    if (pr->flags & PROC_SYM) return -2;
    if (pr->flags & PROC_ARITY1) return 1;
    if (pr->flags & PROC_CFUNC) return -1;
    Code *c = mg_code_ptr(pr->code);
    return mg_params_arity(&c->params, (pr->flags & PROC_LAMBDA) != 0);
}

/* ------------------------------------------------------------------ */
/* definitions                                                          */

void
mg_vm_define_method(Frame *f, ID name, Value code, bool singleton, Value obj)
{
    VM *vm = VMS;
    Value body = mg_method_body_new(code, f->cref, MG_NIL);
    MethodEntry me = { .kind = ME_ISEQ, .visibility = VIS_PUBLIC };
    me.u.code = body;
    if (singleton) {
        RClass *k = mg_singleton_class(obj);
        mg_class_modify_check(k);
        mg_method_add(k, name, &me);
        if (mg_coverage_methods) mg_coverage_defined(code, k);
        if (mg_respond_to(obj, mg_id_singleton_method_added, true))
            mg_funcall(obj, mg_id_singleton_method_added, 1, (Value[]){ MG_SYM(name) });
        return;
    }
    RClass *k = mg_vm_def_target(f);
    mg_class_modify_check(k);
    Frame *scope = mg_vm_scope_frame(f);
    Visibility vis = (scope->flags & (FRAME_CLASS | FRAME_TOP | FRAME_DEFSCOPE)) ? (Visibility)scope->vis : VIS_PUBLIC;
    (void)vm;
    if (name == mg_id_initialize || name == mg_id_initialize_copy || name == mg_id_respond_to_missing_p ||
        name == mg_intern_cstr("initialize_clone") || name == mg_intern_cstr("initialize_dup"))
        vis = VIS_PRIVATE;
    if (vis == VIS_MODULE_FUNCTION) {
        me.visibility = VIS_PRIVATE;
        mg_method_add(k, name, &me);
        MethodEntry sme = me;
        sme.visibility = VIS_PUBLIC;
        mg_method_add(mg_singleton_class(MG_VAL(k)), name, &sme);
    } else {
        me.visibility = (uint8_t)vis;
        mg_method_add(k, name, &me);
    }
    if (mg_coverage_methods) mg_coverage_defined(code, k);
    if (k->hdr.flags & OF_SINGLETON) {
        Value att = k->u.attached;
        if (mg_respond_to(att, mg_id_singleton_method_added, true))
            mg_funcall(att, mg_id_singleton_method_added, 1, (Value[]){ MG_SYM(name) });
    } else if (mg_respond_to(MG_VAL(k), mg_id_method_added, true)) {
        mg_funcall(MG_VAL(k), mg_id_method_added, 1, (Value[]){ MG_SYM(name) });
    }
}

/* Names some Module#autoload has registered (lib/prelude/autoload.rb notes each
 * through Module#__autoload_note). Autoloads run from const_missing, which a
 * constant found further out never reaches: for a noted name, a lexical lookup
 * first runs the autoloads of the scopes it passes over (CRuby finds
 * Bundler::Plugin::Index from inside Bundler::Plugin though Bundler::Index exists). */
static IdTable *autoload_names;

static Value
mod_autoload_note(Value self, int argc, const Value *argv, Value blk)
{
    if (!autoload_names) autoload_names = mg_idtable_new();
    mg_idtable_set(autoload_names, mg_to_id(argv[0]), 1);
    return MG_NIL;
}

void
mg_init_autoload_note(void)
{
    mg_define_private_method(mg_cModule, "__autoload_note", mod_autoload_note, 1, 1);
}

/* the autoload registered in k for id, run; the constant then, or MG_UNDEF */
static Value
run_lexical_autoload(RClass *k, ID id)
{
    static ID id_autoload_p;
    if (!id_autoload_p) id_autoload_p = mg_intern_cstr("autoload?");
    Value path = mg_funcall(MG_VAL(k), id_autoload_p, 2, (Value[]){ MG_SYM(id), MG_FALSE });
    if (!MG_IS_STRING(path)) return MG_UNDEF;
    mg_require(mg_str_cstr(path));
    return mg_const_get_at(k, id);
}

/* lexical constant lookup; with autoloads (a reference, not defined?), the
 * passed-over scopes' autoloads of id run and a deprecated constant warns */
static Value
const_lookup(Frame *f, ID id, bool *found, bool autoloads)
{
    Value cref = f ? f->cref : VMS->top_cref;
    if (cref == MG_NIL) cref = VMS->top_cref;
    Cref *c = mg_cref_ptr(cref);
    bool noted = autoloads && mg_idtable_get(autoload_names, id, NULL);
    for (Cref *k = c; k && k->next != MG_NIL; k = mg_cref_ptr(k->next)) {
        Value v = mg_const_get_at(k->klass, id);
        if (v == MG_UNDEF && noted) v = run_lexical_autoload(k->klass, id);
        if (v != MG_UNDEF) {
            *found = true;
            if (autoloads) mg_vm_const_deprecated(k->klass, id);
            return v;
        }
    }
    RClass *inner = c->klass, *owner;
    Value v = mg_const_lookup_owner(inner, id, &owner);
    if (v == MG_UNDEF && inner != mg_cObject) v = mg_const_lookup_owner(mg_cObject, id, &owner);
    if (v == MG_UNDEF && (inner->hdr.flags & OF_SINGLETON)) {
        Value att = inner->u.attached;
        if (MG_IS_CLASS_OR_MODULE(att)) v = mg_const_lookup_owner(MG_RCLASS(att), id, &owner);
    }
    *found = v != MG_UNDEF;
    if (*found && autoloads) mg_vm_const_deprecated(owner, id);
    return v;
}

Value
mg_vm_const_lookup(Frame *f, ID id, bool *found)
{
    return const_lookup(f, id, found, false);   /* defined?(X): loads nothing */
}

Value
mg_vm_const_get(Frame *f, ID id, bool *found)
{
    return const_lookup(f, id, found, true);
}

Value
mg_vm_cvar_base(Frame *f)
{
    Value cref = f ? f->cref : VMS->top_cref;
    if (cref == MG_NIL) cref = VMS->top_cref;
    Cref *c = mg_cref_ptr(cref);
    RClass *k = c->klass;
    while (k && (k->hdr.flags & OF_SINGLETON)) {
        Value att = k->u.attached;
        if (MG_IS_CLASS_OR_MODULE(att)) { k = MG_RCLASS(att); break; }
        if (c->next == MG_NIL) break;
        c = mg_cref_ptr(c->next);
        k = c->klass;
    }
    return MG_VAL(k);
}

/* A frame with no arguments for a class body, the top level or an eval. */
Frame *
mg_vm_push_frame_for(Code *code, Value *base, Value *ret, uint32_t flags, Value self, Value outer, Value cref,
                     Value def_target, Value block, MethodEntry *me)
{
    Frame *f = push_code_frame(code, base, ret, 0, false, MG_NIL, false, flags);
    f->self = self;
    f->outer = outer;
    f->cref = cref;
    f->def_target = def_target;
    f->block = block;
    f->me = me;
    f->vis = VIS_PUBLIC;
    finish_frame_setup(f, 0, false, MG_NIL, false, NULL);
    return f;
}

Value
mg_vm_push_body(Code *code, Value *base, Value *ret, Value self, Value cref, RClass *def, uint32_t flags)
{
    mg_vm_push_frame_for(code, base, ret, flags, self, MG_NIL, cref, def ? MG_VAL(def) : MG_NIL, MG_NIL, NULL);
    return MG_NIL;
}
