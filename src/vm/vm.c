/* vm.c -- the bytecode interpreter: one dispatch loop with computed goto,
 * and the unwinder that runs when a non-local exit lands in it.
 * Design: src/vm/vm_int.h and DESIGN.md section 6.
 *
 * Invariants of the loop:
 *  1. `sp` is the live stack top; SYNC() writes it (and pc) back to the VM
 *     before anything that can allocate, raise or call out, so the GC marks
 *     exactly [stack, sp) and backtraces see the right line.
 *  2. Operands stay on the stack until the instruction has its result, so
 *     they are rooted while the instruction allocates.
 *  3. After an instruction allocates, the arena is reset to the level at
 *     entry (AREST): results live on the VM stack, not in the arena.
 */
#include "vm_int.h"

static CatchEntry *
find_catch(Frame *f, ThrowKind kind, bool is_target)
{
    Code *c = f->code;
    if (!c || !f->pc || f->pc <= c->insns) return NULL;
    uint32_t at = (uint32_t)(f->pc - c->insns) - 1;
    CatchEntry *best = NULL;
    uint32_t best_level = 0;
    for (uint32_t i = 0; i < c->ncatches; i++) {
        CatchEntry *e = &c->catches[i];
        if (at < e->start || at >= e->end) continue;
        bool ok;
        switch (e->type) {
        case CATCH_RESCUE: ok = kind == TH_RAISE; break;
        case CATCH_ENSURE: ok = true; break;
        case CATCH_BREAK: ok = kind == TH_BREAK && is_target; break;
        default: ok = false;
        }
        if (!ok) continue;
        uint32_t level = e->depth >> 20;
        if (!best || level > best_level) { best = e; best_level = level; }
    }
    return best;
}

static inline bool
fix_both(Value a, Value b)
{
    return MG_IS_FIXNUM(a) && MG_IS_FIXNUM(b);
}

/* fixnums convert to double exactly only below 2**53; others take the slow path */
#define EXACT_DBL(v) (MG_FIX2LONG(v) < (INT64_C(1) << 53) && MG_FIX2LONG(v) > -(INT64_C(1) << 53))

static inline __attribute__((always_inline)) bool
flo_both(Value a, Value b, double *x, double *y)
{
    if (MG_IS_FLONUM(a) || MG_IS_TYPE(a, T_FLOAT)) {
        *x = mg_float_value(a);
        if (MG_IS_FLONUM(b) || MG_IS_TYPE(b, T_FLOAT)) { *y = mg_float_value(b); return true; }
        if (MG_IS_FIXNUM(b) && EXACT_DBL(b)) { *y = (double)MG_FIX2LONG(b); return true; }
        return false;
    }
    if (MG_IS_FIXNUM(a) && EXACT_DBL(a) && (MG_IS_FLONUM(b) || MG_IS_TYPE(b, T_FLOAT))) {
        *x = (double)MG_FIX2LONG(a); *y = mg_float_value(b); return true;
    }
    return false;
}

static inline bool
plain(Value v, RClass *k)
{
    return MG_IS_PTR(v) && MG_OBJ(v)->klass == k && !(MG_OBJ(v)->flags & (OF_FROZEN | OF_UNFAULTED));
}

/* ivar site caches (vm_int.h IvarCache): o's class -> slot index, or -1 */
static inline int64_t
ivc_find(const IvarCache *ic, const RClass *k)
{
    /* k is NULL for an unfaulted persistent object: it must miss (empty entries are NULL too) */
    if (k == ic->klass) return k ? (int64_t)ic->index : -1;
    for (int i = 0; i < 3; i++) if (ic->more[i] == k) return k ? (int64_t)ic->more_index[i] : -1;
    return -1;
}

static void
ivc_fill(IvarCache *ic, RClass *k, uint32_t idx)
{
    if (ic->klass) {
        uint32_t i = ic->next++ % 3;
        ic->more[i] = ic->klass;
        ic->more_index[i] = ic->index;
    }
    ic->klass = k;
    ic->index = idx;
}

/* a Float result: a flonum when it fits, else a heap Float */
static inline __attribute__((always_inline)) Value
flo_new(double d)
{
    Value v = mg_flonum_encode(d);
    return v != MG_UNDEF ? v : mg_float_new(d);
}

/* Interpolation parts (CONCATSTR, NEWREGEX): Strings, and Fixnums that
 * TOSTRING leaves for these to format while Integer#to_s is the core's
 * (no String made for the digits). */
static size_t
part_len(Value v)
{
    if (!MG_IS_FIXNUM(v)) return (size_t)mg_str_len(v);
    char buf[24], *e = buf + sizeof buf;
    return (size_t)(e - mg_fix_dec(MG_FIX2LONG(v), e));
}

static void
part_append(Value s, Value v)
{
    if (!MG_IS_FIXNUM(v)) { mg_str_append(s, v); return; }
    char buf[24], *e = buf + sizeof buf, *p = mg_fix_dec(MG_FIX2LONG(v), e);
    mg_str_cat(s, p, (size_t)(e - p));
}

/* the OPT_* fast paths hold while the operator has not been redefined (class.h) */
#define BOP_OK(bit) LIKELY(!(mg_bop_redefined & (bit)))

Value
mg_vm_exec(void)
{
    static void *const labels[] = {
#define OP(name, n, eff) &&L_##name,
#include "opcodes.def"
#undef OP
    };
    VM *vm = VMS;
    Frame *volatile base = vm->fp;
    Handler h;
    vm->cdepth++;
    mg_vm_stack_check_c();
    size_t ar0 = mg_gc_arena_save();
    h.prev = vm->handler;
    h.fp = base;
    h.sp = vm->sp;
    h.arena = ar0;
    h.cdepth = vm->cdepth;
    vm->handler = &h;

    Frame *f;
    Code *code;
    const uint32_t *pc;
    Value *sp;
    Value *locals;
    CallInfo *ci;
    int op;

#define RELOAD() do { f = vm->fp; code = f->code; pc = f->pc; sp = vm->sp; locals = f->locals; } while (0)
#define SYNC() (f->pc = pc, vm->sp = sp)
#define AREST() mg_gc_arena_restore_fast(ar0)
#define NEXT() goto *labels[*pc++]
#define OPND(i) (pc[i])
#define PUSH(v) (*sp++ = (v))
#define LIT(i) (code->lits[i])

    if (setjmp(h.jb)) {
        vm->handler = &h;
        vm->cdepth = h.cdepth;
        AREST();
        goto unwind;
    }
    RELOAD();
    NEXT();

L_NOP: NEXT();
L_POP: sp--; NEXT();
L_DUP: sp[0] = sp[-1]; sp++; NEXT();
L_DUP2: sp[0] = sp[-2]; sp[1] = sp[-1]; sp += 2; NEXT();
L_SWAP: { Value t = sp[-1]; sp[-1] = sp[-2]; sp[-2] = t; NEXT(); }
L_TOPN: { uint32_t n = OPND(0); pc++; sp[0] = sp[-1 - (int)n]; sp++; NEXT(); }
L_SETN: { uint32_t n = OPND(0); pc++; sp[-1 - (int)n] = sp[-1]; NEXT(); }
L_POPN: { uint32_t n = OPND(0); pc++; sp -= n; NEXT(); }
L_ROT3: { Value t = sp[-1]; sp[-1] = sp[-2]; sp[-2] = sp[-3]; sp[-3] = t; NEXT(); }
L_DUPN: { uint32_t n = OPND(0); pc++; memcpy(sp, sp - n, n * sizeof(Value)); sp += n; NEXT(); }

L_PUTNIL: PUSH(MG_NIL); NEXT();
L_PUTTRUE: PUSH(MG_TRUE); NEXT();
L_PUTFALSE: PUSH(MG_FALSE); NEXT();
L_PUTSELF: PUSH(f->self); NEXT();
L_PUTOBJECT: PUSH(LIT(OPND(0))); pc++; NEXT();
L_PUTSTRING: {
    Value s = LIT(OPND(0)); pc++;
    SYNC();
    Value d = mg_str_new_enc(mg_str_ptr(s), (size_t)mg_str_len(s), mg_str_enc(s));
    PUSH(d);
    AREST();
    NEXT();
}
L_PUTREGEX: {
    uint32_t li = OPND(0); int opts = (int)OPND(1); pc += 2;
    Value r = LIT(li);
    if (MG_IS_STRING(r)) {
        SYNC();
        r = mg_vm_make_regex(r, opts);
        code->lits[li] = r;
        AREST();
    }
    PUSH(r);
    NEXT();
}
L_NEWREGEX: {
    uint32_t n = OPND(0); int opts = (int)OPND(1); pc += 2;
    SYNC();
    Value s = mg_str_buf_new(32);
    sp[0] = s; vm->sp = sp + 1;
    for (uint32_t i = 0; i < n; i++) part_append(s, sp[-(int)n + (int)i]);
    Value r = mg_vm_make_regex(s, opts);
    sp -= n;
    PUSH(r);
    AREST();
    NEXT();
}
L_NEWARRAY: {
    uint32_t n = OPND(0); pc++;
    SYNC();
    Value a = mg_ary_new_from(n, sp - n);
    sp -= n;
    PUSH(a);
    AREST();
    NEXT();
}
L_NEWHASH: {
    uint32_t n = OPND(0); pc++;
    SYNC();
    Value hsh = mg_hash_new_capa(n / 2);
    sp[0] = hsh; vm->sp = sp + 1;
    for (uint32_t i = 0; i < n; i += 2) mg_hash_aset(hsh, sp[-(int)n + (int)i], sp[-(int)n + (int)i + 1]);
    sp -= n;
    PUSH(hsh);
    AREST();
    NEXT();
}
L_HASHMERGE: {
    SYNC();
    Value x = sp[-1];
    if (x != MG_NIL || true) {
        Value hx = MG_IS_HASH(x) ? x : mg_to_hash(x);
        sp[-1] = hx;
        Value k, v;
        for (int64_t it = 0; mg_hash_next(hx, &it, &k, &v);) mg_hash_aset(sp[-2], k, v);
    }
    sp--;
    AREST();
    NEXT();
}
L_NEWRANGE: {
    uint32_t excl = OPND(0); pc++;
    SYNC();
    Value r = mg_range_new(sp[-2], sp[-1], excl != 0);
    sp -= 2;
    PUSH(r);
    AREST();
    NEXT();
}
L_SPLATARRAY: {
    uint32_t dup = OPND(0); pc++;
    SYNC();
    Value v = sp[-1];
    if (MG_IS_ARRAY(v)) { if (dup) sp[-1] = mg_ary_dup(v); }
    else sp[-1] = mg_splat_to_a(v);
    AREST();
    NEXT();
}
L_CONCATARRAY: {
    SYNC();
    Value b = sp[-1];
    if (!MG_IS_ARRAY(b)) { b = mg_splat_to_a(b); sp[-1] = b; }
    mg_ary_concat(sp[-2], b);
    sp--;
    AREST();
    NEXT();
}
L_ARYPUSH: {
    SYNC();
    mg_ary_push(sp[-2], sp[-1]);
    sp--;
    AREST();
    NEXT();
}
L_TOSTRING: {
    Value v = sp[-1];
    if (UNLIKELY(mg_refinements_used) && !MG_IS_STRING(v) && mg_vm_refinements_active(f)) {
        /* the refinements of the interpolation's scope refine its to_s, as in CRuby */
        MethodEntry *me = mg_vm_refined_lookup(f, mg_class_of(v), mg_id_to_s);
        if (me && mg_vm_is_refinement(me->owner)) {
            SYNC();
            Value s = mg_call_method_entry(v, me, 0, NULL, MG_NIL);
            sp[-1] = MG_IS_STRING(s) ? s : mg_any_to_s(v);
            AREST();
            NEXT();
        }
    }
    if (!MG_IS_STRING(v) && !(MG_IS_FIXNUM(v) && BOP_OK(BOP_TO_S))) {   /* a Fixnum: part_append formats it */
        SYNC();
        sp[-1] = mg_to_s(v);
        AREST();
    }
    NEXT();
}
L_CONCATSTR: {
    uint32_t a = OPND(0), n = MG_CONCAT_COUNT(a), start = a - n; pc++;
    SYNC();
    size_t total = 0;
    for (uint32_t i = 0; i < n; i++) total += part_len(sp[-(int)n + (int)i]);
    Value s = mg_str_buf_new(total + 1);
    Value first = n ? sp[-(int)n] : MG_NIL;
    /* a binary first part makes a binary result, as in CRuby ("#{bytes}...");
     * in a binary or us-ascii source the result starts in that encoding; the
     * parts append as to any String */
    if (start == MG_CONCAT_BINARY || (MG_IS_STRING(first) && mg_str_enc(first) == ENC_BINARY)) MG_OBJ(s)->extra = ENC_BINARY;
    else if (start == MG_CONCAT_US_ASCII) MG_OBJ(s)->extra = ENC_US_ASCII;
    sp[0] = s; vm->sp = sp + 1;
    for (uint32_t i = 0; i < n; i++) part_append(s, sp[-(int)n + (int)i]);
    sp -= n;
    PUSH(s);
    AREST();
    NEXT();
}
L_INTERN: {
    SYNC();
    sp[-1] = mg_str_to_sym(sp[-1]);
    AREST();
    NEXT();
}
L_XSTRING: NEXT();

L_GETLOCAL: PUSH(locals[OPND(0)]); pc++; NEXT();
L_SETLOCAL: locals[OPND(0)] = *--sp; pc++; NEXT();
L_GETOUTER: {
    uint32_t depth = OPND(0), idx = OPND(1); pc += 2;
    Env *e = mg_env_ptr(f->outer);
    for (uint32_t d = 1; d < depth; d++) e = mg_env_ptr(e->parent);
    PUSH(e->vals[idx]);
    NEXT();
}
L_SETOUTER: {
    uint32_t depth = OPND(0), idx = OPND(1); pc += 2;
    Env *e = mg_env_ptr(f->outer);
    for (uint32_t d = 1; d < depth; d++) e = mg_env_ptr(e->parent);
    e->vals[idx] = *--sp;
    NEXT();
}
L_GETIVAR: {
    ID id = OPND(0); IvarCache *ic = &code->ivcs[OPND(1)]; pc += 2;
    Value self = f->self;
    if (MG_IS_PTR(self)) {
        Obj *o = MG_OBJ(self);
        int64_t idx;
        if (o->type == T_OBJECT && (idx = ivc_find(ic, o->klass)) >= 0) {
            Value v = (uint32_t)idx < o->extra ? ((RObject *)o)->ivs[idx] : MG_UNDEF;
            PUSH(v == MG_UNDEF ? MG_NIL : v);
            NEXT();
        }
        SYNC();
        Value v;
        if (o->type == T_OBJECT && !(o->flags & OF_UNFAULTED)) {
            uint32_t ix = mg_ivar_index(mg_class_real(o->klass), id);
            ivc_fill(ic, o->klass, ix);
            v = ix < o->extra ? ((RObject *)o)->ivs[ix] : MG_UNDEF;
            if (v == MG_UNDEF) v = MG_NIL;
        } else {
            v = mg_ivar_get(self, id);
        }
        PUSH(v);
        AREST();
        NEXT();
    }
    SYNC();
    PUSH(mg_ivar_get(self, id));
    NEXT();
}
L_SETIVAR: {
    ID id = OPND(0); IvarCache *ic = &code->ivcs[OPND(1)]; pc += 2;
    Value self = f->self;
    if (MG_IS_PTR(self)) {
        Obj *o = MG_OBJ(self);
        int64_t idx;
        if (o->type == T_OBJECT && !(o->flags & (OF_FROZEN | OF_PERSISTENT)) && (idx = ivc_find(ic, o->klass)) >= 0) {
            if ((uint32_t)idx < o->extra) {
                ((RObject *)o)->ivs[idx] = *--sp;
                NEXT();
            }
        }
    }
    SYNC();
    mg_ivar_set(self, id, sp[-1]);
    if (MG_IS_PTR(self) && MG_OBJ(self)->type == T_OBJECT) {
        Obj *o = MG_OBJ(self);
        if (ivc_find(ic, o->klass) < 0) ivc_fill(ic, o->klass, mg_ivar_index(mg_class_real(o->klass), id));
    }
    sp--;
    AREST();
    NEXT();
}
L_GETGVAR: {
    ID id = OPND(0); pc++;
    SYNC();
    Value v = mg_gvar_get(id);
    PUSH(v);
    AREST();
    NEXT();
}
L_SETGVAR: {
    ID id = OPND(0); pc++;
    SYNC();
    mg_gvar_set(id, sp[-1]);
    sp--;
    AREST();
    NEXT();
}
L_GETCVAR: {
    ID id = OPND(0); pc++;
    SYNC();
    Value k = mg_vm_cvar_base(f);
    if (k == MG_VAL(mg_cObject) && (f->flags & FRAME_TOP || mg_cref_is_top(f->cref)))
        mg_raise(mg_eRuntimeError, "class variable access from toplevel");
    Value v = mg_cvar_get(MG_RCLASS(k), id);
    PUSH(v);
    AREST();
    NEXT();
}
L_SETCVAR: {
    ID id = OPND(0); pc++;
    SYNC();
    Value k = mg_vm_cvar_base(f);
    if (k == MG_VAL(mg_cObject) && mg_cref_is_top(f->cref))
        mg_raise(mg_eRuntimeError, "class variable access from toplevel");
    mg_cvar_set(MG_RCLASS(k), id, sp[-1]);
    sp--;
    AREST();
    NEXT();
}
L_GETCONST: {
    ID id = OPND(0); ConstCache *cc = &code->ccs[OPND(1)]; pc += 2;
    if (cc->mserial == mg_method_serial && cc->cref == f->cref) { PUSH(cc->value); NEXT(); }
    SYNC();
    bool found;
    Value v = mg_vm_const_get(f, id, &found);
    if (found) {
        cc->mserial = mg_method_serial; cc->cref = f->cref; cc->value = v;
    } else {
        Value cref = f->cref != MG_NIL ? f->cref : vm->top_cref;
        RClass *k = mg_cref_ptr(cref)->klass;
        v = mg_funcall(MG_VAL(k), mg_id_const_missing, 1, (Value[]){ MG_SYM(id) });
    }
    PUSH(v);
    AREST();
    NEXT();
}
L_GETCONSTFROM: {
    ID id = OPND(0); pc++;
    SYNC();
    sp[-1] = mg_vm_const_from(sp[-1], id, true);
    AREST();
    NEXT();
}
L_GETCONSTTOP: {
    ID id = OPND(0); pc++;
    SYNC();
    Value v = mg_const_get_at(mg_cObject, id);
    if (v == MG_UNDEF) v = mg_const_get(mg_cObject, id);
    else mg_vm_const_deprecated(mg_cObject, id);
    PUSH(v);
    AREST();
    NEXT();
}
L_SETCONST: {
    ID id = OPND(0); pc++;
    SYNC();
    Value cref = f->cref != MG_NIL ? f->cref : vm->top_cref;
    RClass *k = mg_cref_ptr(cref)->klass;
    mg_vm_warn_const_reassigned(k, id, code->file, mg_code_line(code, pc));
    mg_const_set(k, id, sp[-1]);
    sp--;
    AREST();
    NEXT();
}
L_SETCONSTFROM: {
    ID id = OPND(0); pc++;
    SYNC();
    Value scope = sp[-2];
    if (!MG_IS_CLASS_OR_MODULE(scope))
        mg_raise(mg_eTypeError, "%s is not a class/module", mg_str_cstr(mg_inspect(scope)));
    mg_vm_warn_const_reassigned(MG_RCLASS(scope), id, code->file, mg_code_line(code, pc));
    mg_const_set(MG_RCLASS(scope), id, sp[-1]);
    sp -= 2;
    AREST();
    NEXT();
}
L_GETERRINFO: PUSH(vm->errinfo); NEXT();
L_SETERRINFO: vm->errinfo = *--sp; NEXT();
L_NTHREF: {
    int n = (int)OPND(0); pc++;
    SYNC();
    PUSH(mg_vm_backref_part(0, n));
    AREST();
    NEXT();
}
L_BACKREF: {
    int k = (int)OPND(0); pc++;
    SYNC();
    PUSH(mg_vm_backref_part(k, 0));
    AREST();
    NEXT();
}

L_JUMP: {
    uint32_t t = OPND(0);
    const uint32_t *np = code->insns + t;
    if (np <= pc) { AREST(); if (UNLIKELY(vm->interrupt)) { SYNC(); mg_vm_checkpoint(); } }
    pc = np;
    NEXT();
}
L_BRANCHIF: {
    uint32_t t = OPND(0); pc++;
    if (MG_TEST(*--sp)) {
        const uint32_t *np = code->insns + t;
        /* a backward branch is a loop: a safe point (thread switch, signals) */
        if (np < pc) { AREST(); if (UNLIKELY(vm->interrupt)) { SYNC(); mg_vm_checkpoint(); } }
        pc = np;
    }
    NEXT();
}
L_BRANCHUNLESS: {
    uint32_t t = OPND(0); pc++;
    if (!MG_TEST(*--sp)) {
        const uint32_t *np = code->insns + t;
        /* a backward branch is a loop: a safe point (thread switch, signals) */
        if (np < pc) { AREST(); if (UNLIKELY(vm->interrupt)) { SYNC(); mg_vm_checkpoint(); } }
        pc = np;
    }
    NEXT();
}
L_BRANCHNIL: {
    uint32_t t = OPND(0); pc++;
    if (*--sp == MG_NIL) pc = code->insns + t;
    NEXT();
}
L_BRANCHNOTNIL: {
    uint32_t t = OPND(0); pc++;
    if (sp[-1] != MG_NIL) pc = code->insns + t; else sp--;
    NEXT();
}
L_JUMPIFSET: {
    uint32_t depth = OPND(0), idx = OPND(1), t = OPND(2); pc += 3;
    Value v;
    if (depth == 0) v = locals[idx];
    else {
        Env *e = mg_env_ptr(f->outer);
        for (uint32_t d = 1; d < depth; d++) e = mg_env_ptr(e->parent);
        v = e->vals[idx];
    }
    if (v != MG_UNDEF) pc = code->insns + t;
    NEXT();
}
L_LEAVE: {
    Value val = sp[-1];
    if (UNLIKELY(mg_trace_events & (MG_EV_RETURN | MG_EV_B_RETURN | MG_EV_END))) {
        SYNC();
        mg_vm_trace_leave(f, val);
    }
    Value *ret = f->sp;
    if (UNLIKELY(f->flags & FRAME_CTOR)) { val = f->self; mg_vm_pop_frame(); }  /* then the `new` frame */
    if (f->flags & FRAME_FINISH) {
        mg_vm_pop_frame();
        vm->sp = ret;
        vm->handler = h.prev;
        vm->cdepth--;
        AREST();
        return val;
    }
    /* mg_vm_pop_frame, its common case inline: no Env to detach, no literal block to orphan */
    if (UNLIKELY(f->env != MG_NIL || (f->flags & FRAME_LITBLOCK) || f != vm->fp)) mg_vm_pop_frame();
    else vm->fp--;
    *ret = val;
    vm->sp = ret + 1;
    RELOAD();
    NEXT();
}
L_THROWRETURN: {
    SYNC();
    Value val = sp[-1];
    if (f->flags & FRAME_LAMBDA) goto L_LEAVE;
    mg_vm_throwreturn(f, val);
    NEXT();
}
L_THROWBREAK: {
    SYNC();
    Value val = sp[-1];
    if (f->flags & FRAME_LAMBDA) goto L_LEAVE;
    mg_vm_throwbreak(f, val);
    NEXT();
}
L_RETHROW: {
    SYNC();
    Value t = sp[-1];
    sp--;
    vm->sp = sp;
    mg_throw_obj_restore(t);
    if (vm->th_kind == TH_RAISE) vm->errinfo = vm->th_val;
    mg_vm_rethrow();
}
L_RESCUEMATCH: {
    SYNC();
    Value exc = sp[-2], cls = sp[-1];
    bool m = false;
    if (MG_IS_ARRAY(cls)) {
        for (int64_t i = 0; i < mg_ary_len(cls) && !m; i++) {
            Value k = mg_ary_entry(cls, i);
            if (!MG_IS_CLASS_OR_MODULE(k)) mg_raise(mg_eTypeError, "class or module required for rescue clause");
            m = MG_TEST(mg_funcall(k, mg_id_eqq, 1, &exc));
        }
    } else {
        if (!MG_IS_CLASS_OR_MODULE(cls)) mg_raise(mg_eTypeError, "class or module required for rescue clause");
        m = mg_obj_is_kind_of(exc, MG_RCLASS(cls)) || MG_TEST(mg_funcall(cls, mg_id_eqq, 1, &exc));
    }
    sp[-1] = MG_BOOL(m);
    AREST();
    NEXT();
}
L_CHECKMATCH: {
    uint32_t mode = OPND(0); pc++;
    if (mode == 0 && BOP_OK(BOP_EQQ)) {     /* when 1, :a, 0..9 with Integer/Symbol subjects */
        Value v = sp[-2], pat = sp[-1];
        if ((MG_IS_FIXNUM(pat) && MG_IS_FIXNUM(v)) || (MG_IS_SYMBOL(pat) && MG_IS_SYMBOL(v))) { sp[-1] = MG_BOOL(pat == v); NEXT(); }
        if (MG_IS_STRING(pat) && MG_IS_STRING(v) && MG_OBJ(pat)->klass == mg_cString) { sp[-1] = MG_BOOL(mg_str_equal(pat, v)); NEXT(); }
        if (MG_IS_FIXNUM(v) && MG_IS_PTR(pat) && MG_OBJ(pat)->klass == mg_cRange && !(MG_OBJ(pat)->flags & OF_UNFAULTED) &&
            MG_IS_FIXNUM(MG_RRANGE(pat)->beg) && MG_IS_FIXNUM(MG_RRANGE(pat)->end)) {
            int64_t x = MG_FIX2LONG(v), lo = MG_FIX2LONG(MG_RRANGE(pat)->beg), hi = MG_FIX2LONG(MG_RRANGE(pat)->end);
            sp[-1] = MG_BOOL(x >= lo && ((MG_OBJ(pat)->flags & OF_EXCL) ? x < hi : x <= hi));
            NEXT();
        }
    }
    SYNC();
    Value v = sp[-2], pat = sp[-1];
    bool m = false;
    if (mode == 1) {
        for (int64_t i = 0; i < mg_ary_len(pat) && !m; i++)
            m = MG_TEST(mg_funcall(mg_ary_entry(pat, i), mg_id_eqq, 1, &v));
    } else if (mode == 2) {
        for (int64_t i = 0; i < mg_ary_len(pat) && !m; i++) m = MG_TEST(mg_ary_entry(pat, i));
    } else {
        m = MG_TEST(mg_funcall(pat, mg_id_eqq, 1, &v));
        if (!m && mode == 3) mg_vm_checkmatch_reason(pat, v);
    }
    sp[-1] = MG_BOOL(m);
    AREST();
    NEXT();
}
L_FLIPSTATE: NEXT();
L_COVLINE: {
    Value rec = code->lits[OPND(0)]; uint32_t line = OPND(1); pc += 2;
    if (mg_coverage_running) mg_coverage_count(rec, line);
    NEXT();
}
L_COVMETHOD: {
    Value entry = code->lits[OPND(0)]; pc++;
    if (mg_coverage_running) mg_coverage_method_called(entry);
    NEXT();
}

L_SEND:
    ci = &code->cis[OPND(0)]; pc++;
    op = OP_SEND;
do_send: {
    SYNC();
    int argc = ci->argc;
    int ba = (ci->flags & CI_BLOCKARG) ? 1 : 0;
    Value *recv = sp - argc - 1 - ba;
    if (op == OP_SEND && ci->block < 0 && ci->ic_serial == mg_method_serial && ci->ic_klass == mg_class_of(recv[0])) {
        /* the inline cache's simple Ruby method or attribute accessor (call.c) */
        if (ci->ic_code) { mg_vm_call_cached(recv, ci); RELOAD(); NEXT(); }
        if (ci->ic_attr && mg_vm_attr_cached(recv, ci)) { sp = recv + 1; NEXT(); }
    }
    Value blk = MG_NIL;
    if (ci->block >= 0) blk = mg_proc_new_from_block(f, LIT((uint32_t)ci->block), false);
    else if (ba) { blk = mg_to_block(sp[-1]); sp[-1] = blk; }
    Value r;
    if (op == OP_INVOKESUPER) r = mg_vm_super(recv, argc, blk, ci->flags, true);
    else r = mg_vm_call(recv, argc, ci->mid, blk, ci->flags, ci, true);
    if (r == MG_UNDEF) { RELOAD(); NEXT(); }
    sp = recv;
    PUSH(r);
    AREST();
    NEXT();
}
L_OPT_PLUS: {
    ci = &code->cis[OPND(0)]; pc++;
    Value a = sp[-2], b = sp[-1];
    if (!BOP_OK(BOP_PLUS)) { op = OP_SEND; goto do_send; }
    if (fix_both(a, b)) {
        int64_t r;
        if (!__builtin_add_overflow(MG_FIX2LONG(a), MG_FIX2LONG(b), &r) && MG_FIXABLE(r)) { sp--; sp[-1] = MG_FIX(r); NEXT(); }
    }
    double x, y;
    if (flo_both(a, b, &x, &y)) { SYNC(); sp--; sp[-1] = flo_new(x + y); AREST(); NEXT(); }
    op = OP_SEND; goto do_send;
}
L_OPT_MINUS: {
    ci = &code->cis[OPND(0)]; pc++;
    Value a = sp[-2], b = sp[-1];
    if (!BOP_OK(BOP_MINUS)) { op = OP_SEND; goto do_send; }
    if (fix_both(a, b)) {
        int64_t r;
        if (!__builtin_sub_overflow(MG_FIX2LONG(a), MG_FIX2LONG(b), &r) && MG_FIXABLE(r)) { sp--; sp[-1] = MG_FIX(r); NEXT(); }
    }
    double x, y;
    if (flo_both(a, b, &x, &y)) { SYNC(); sp--; sp[-1] = flo_new(x - y); AREST(); NEXT(); }
    op = OP_SEND; goto do_send;
}
L_OPT_MULT: {
    ci = &code->cis[OPND(0)]; pc++;
    Value a = sp[-2], b = sp[-1];
    if (!BOP_OK(BOP_MULT)) { op = OP_SEND; goto do_send; }
    if (fix_both(a, b)) {
        int64_t r;
        if (!__builtin_mul_overflow(MG_FIX2LONG(a), MG_FIX2LONG(b), &r) && MG_FIXABLE(r)) { sp--; sp[-1] = MG_FIX(r); NEXT(); }
    }
    double x, y;
    if (flo_both(a, b, &x, &y)) { SYNC(); sp--; sp[-1] = flo_new(x * y); AREST(); NEXT(); }
    op = OP_SEND; goto do_send;
}
L_OPT_DIV: {
    ci = &code->cis[OPND(0)]; pc++;
    Value a = sp[-2], b = sp[-1];
    if (!BOP_OK(BOP_DIV)) { op = OP_SEND; goto do_send; }
    if (fix_both(a, b) && MG_FIX2LONG(b) != 0) {
        int64_t x = MG_FIX2LONG(a), y = MG_FIX2LONG(b);
        if (!(x == MG_FIXNUM_MIN && y == -1)) {
            int64_t q = x / y;
            if ((x % y != 0) && ((x < 0) != (y < 0))) q--;
            sp--; sp[-1] = MG_FIX(q); NEXT();
        }
    }
    double x, y;
    if ((MG_IS_FLONUM(a) || MG_IS_TYPE(a, T_FLOAT)) && flo_both(a, b, &x, &y)) { SYNC(); sp--; sp[-1] = flo_new(x / y); AREST(); NEXT(); }
    op = OP_SEND; goto do_send;
}
L_OPT_MOD: {
    ci = &code->cis[OPND(0)]; pc++;
    Value a = sp[-2], b = sp[-1];
    if (!BOP_OK(BOP_MOD)) { op = OP_SEND; goto do_send; }
    if (fix_both(a, b) && MG_FIX2LONG(b) != 0) {
        int64_t x = MG_FIX2LONG(a), y = MG_FIX2LONG(b);
        if (!(x == MG_FIXNUM_MIN && y == -1)) {
            int64_t m = x % y;
            if (m != 0 && ((m < 0) != (y < 0))) m += y;
            sp--; sp[-1] = MG_FIX(m); NEXT();
        }
    }
    op = OP_SEND; goto do_send;
}
#define CMP_OP(NAME, OPR) \
L_OPT_##NAME: { \
    ci = &code->cis[OPND(0)]; pc++; \
    Value a = sp[-2], b = sp[-1]; \
    if (!BOP_OK(BOP_##NAME)) { op = OP_SEND; goto do_send; } \
    if (fix_both(a, b)) { sp--; sp[-1] = MG_BOOL((int64_t)a OPR (int64_t)b); NEXT(); } \
    double x, y; \
    if (flo_both(a, b, &x, &y)) { sp--; sp[-1] = MG_BOOL(x OPR y); NEXT(); } \
    op = OP_SEND; goto do_send; \
}
CMP_OP(LT, <)
CMP_OP(LE, <=)
CMP_OP(GT, >)
CMP_OP(GE, >=)
#undef CMP_OP
L_OPT_EQ: {
    ci = &code->cis[OPND(0)]; pc++;
    Value a = sp[-2], b = sp[-1];
    if (!BOP_OK(BOP_EQ)) { op = OP_SEND; goto do_send; }
    if (fix_both(a, b) || (MG_IS_SYMBOL(a) && MG_IS_SYMBOL(b))) { sp--; sp[-1] = MG_BOOL(a == b); NEXT(); }
    double x, y;
    if (flo_both(a, b, &x, &y)) { sp--; sp[-1] = MG_BOOL(x == y); NEXT(); }
    if (a == MG_NIL || a == MG_TRUE || a == MG_FALSE) { sp--; sp[-1] = MG_BOOL(a == b); NEXT(); }
    if (MG_IS_STRING(a) && MG_IS_STRING(b) && MG_OBJ(a)->klass == mg_cString) { sp--; sp[-1] = MG_BOOL(mg_str_equal(a, b)); NEXT(); }
    op = OP_SEND; goto do_send;
}
L_OPT_NEQ: {
    ci = &code->cis[OPND(0)]; pc++;
    Value a = sp[-2], b = sp[-1];
    if (!BOP_OK(BOP_NEQ)) { op = OP_SEND; goto do_send; }
    if (fix_both(a, b) || (MG_IS_SYMBOL(a) && MG_IS_SYMBOL(b))) { sp--; sp[-1] = MG_BOOL(a != b); NEXT(); }
    double x, y;
    if (flo_both(a, b, &x, &y)) { sp--; sp[-1] = MG_BOOL(x != y); NEXT(); }
    if (a == MG_NIL || a == MG_TRUE || a == MG_FALSE) { sp--; sp[-1] = MG_BOOL(a != b); NEXT(); }
    op = OP_SEND; goto do_send;
}
L_OPT_LTLT: {
    ci = &code->cis[OPND(0)]; pc++;
    Value a = sp[-2];
    if (!BOP_OK(BOP_LTLT)) { op = OP_SEND; goto do_send; }
    if (plain(a, mg_cArray)) { SYNC(); mg_ary_push(a, sp[-1]); sp--; AREST(); NEXT(); }
    Value b = sp[-1];
    if (fix_both(a, b) && MG_FIX2LONG(b) >= 0 && MG_FIX2LONG(b) < 62) {
        int64_t x = MG_FIX2LONG(a), n = MG_FIX2LONG(b);
        int64_t r = (int64_t)((uint64_t)x << n);
        if ((r >> n) == x && MG_FIXABLE(r)) { sp--; sp[-1] = MG_FIX(r); NEXT(); }
    }
    op = OP_SEND; goto do_send;
}
L_OPT_RSHIFT: {
    ci = &code->cis[OPND(0)]; pc++;
    Value a = sp[-2], b = sp[-1];
    if (BOP_OK(BOP_RSHIFT) && fix_both(a, b) && MG_FIX2LONG(b) >= 0) {
        int64_t n = MG_FIX2LONG(b);
        sp--; sp[-1] = MG_FIX(MG_FIX2LONG(a) >> (n > 63 ? 63 : n)); NEXT();
    }
    op = OP_SEND; goto do_send;
}
#define BIT_OP(NAME, OPR) \
L_OPT_##NAME: { \
    ci = &code->cis[OPND(0)]; pc++; \
    Value a = sp[-2], b = sp[-1]; \
    if (BOP_OK(BOP_##NAME) && fix_both(a, b)) { sp--; sp[-1] = MG_FIX(MG_FIX2LONG(a) OPR MG_FIX2LONG(b)); NEXT(); } \
    op = OP_SEND; goto do_send; \
}
BIT_OP(AND, &)
BIT_OP(OR, |)
BIT_OP(XOR, ^)
#undef BIT_OP
L_OPT_AREF: {
    ci = &code->cis[OPND(0)]; pc++;
    Value a = sp[-2], b = sp[-1];
    if (!BOP_OK(BOP_AREF)) { op = OP_SEND; goto do_send; }
    if (MG_IS_FIXNUM(b) && MG_IS_PTR(a) && MG_OBJ(a)->klass == mg_cArray) { sp--; sp[-1] = mg_ary_entry(a, MG_FIX2LONG(b)); NEXT(); }
    if (MG_IS_PTR(a) && MG_OBJ(a)->klass == mg_cHash) { SYNC(); Value v = mg_hash_aref(a, b); sp--; sp[-1] = v; AREST(); NEXT(); }
    op = OP_SEND; goto do_send;
}
L_OPT_ASET: {
    ci = &code->cis[OPND(0)]; pc++;
    Value a = sp[-3], b = sp[-2], v = sp[-1];
    if (!BOP_OK(BOP_ASET)) { op = OP_SEND; goto do_send; }
    if (MG_IS_FIXNUM(b) && plain(a, mg_cArray) && MG_FIX2LONG(b) >= 0) { SYNC(); mg_ary_store(a, MG_FIX2LONG(b), v); sp -= 2; sp[-1] = v; AREST(); NEXT(); }
    if (plain(a, mg_cHash)) { SYNC(); mg_hash_aset(a, b, v); sp -= 2; sp[-1] = v; AREST(); NEXT(); }
    op = OP_SEND; goto do_send;
}
L_OPT_NOT: {
    ci = &code->cis[OPND(0)]; pc++;
    Value a = sp[-1];
    RClass *k = mg_class_of(a);
    MethodEntry *me;
    if (ci->ic_klass == k && ci->ic_serial == mg_method_serial) me = ci->ic_me;
    else { me = mg_method_lookup(k, mg_id_not); ci->ic_klass = k; ci->ic_serial = mg_method_serial; ci->ic_me = me; }
    if (me && me->owner == mg_cBasicObject) { sp[-1] = MG_BOOL(!MG_TEST(a)); NEXT(); }
    op = OP_SEND; goto do_send;
}
L_OPT_NEWARRAY_MAXMIN: {
    uint32_t n = OPND(0); ci = &code->cis[OPND(1)]; pc += 2;
    SYNC();
    if (BOP_OK(BOP_MAXMIN)) {
        Value r = mg_values_extreme(sp - n, n, ci->mid == mg_id_max ? 1 : -1);   /* the values stay on the stack meanwhile */
        sp -= n;
        PUSH(r);
        AREST();
        NEXT();
    }
    Value a = mg_ary_new_from(n, sp - n);
    sp -= n;
    PUSH(a);
    AREST();
    op = OP_SEND; goto do_send;
}
L_INVOKESUPER:
    ci = &code->cis[OPND(0)]; pc++;
    op = OP_INVOKESUPER;
    goto do_send;
L_INVOKEBLOCK: {
    ci = &code->cis[OPND(0)]; pc++;
    SYNC();
    int argc = ci->argc;
    int ba = (ci->flags & CI_BLOCKARG) ? 1 : 0;
    Value *args = sp - argc - ba;
    Value r = mg_vm_invoke_block(args, argc, ci->flags, true);
    if (r == MG_UNDEF) { RELOAD(); NEXT(); }
    sp = args;
    PUSH(r);
    AREST();
    NEXT();
}
L_MAKELAMBDA: {
    Value c = LIT(OPND(0)); pc++;
    SYNC();
    PUSH(mg_proc_new_from_block(f, c, true));
    AREST();
    NEXT();
}

L_DEFMETHOD: {
    Value c = LIT(OPND(0)); pc++;
    SYNC();
    ID name = mg_code_ptr(c)->name;
    mg_vm_define_method(f, name, c, false, MG_NIL);
    PUSH(MG_SYM(name));
    AREST();
    NEXT();
}
L_DEFSMETHOD: {
    Value c = LIT(OPND(0)); pc++;
    SYNC();
    ID name = mg_code_ptr(c)->name;
    mg_vm_define_method(f, name, c, true, sp[-1]);
    sp[-1] = MG_SYM(name);
    AREST();
    NEXT();
}
L_DEFCLASS: {
    ID id = OPND(0); Value c = LIT(OPND(1)); uint32_t fl = OPND(2); pc += 3;
    SYNC();
    Value k = mg_vm_defclass(f, sp[-2], sp[-1], id, fl & 1, false);
    sp[-2] = k;
    sp--;
    vm->sp = sp;
    mg_vm_push_body(mg_code_ptr(c), sp, sp - 1, k, mg_cref_new(MG_RCLASS(k), f->cref != MG_NIL ? f->cref : vm->top_cref), MG_RCLASS(k), FRAME_CLASS);
    if (UNLIKELY(mg_trace_events & MG_EV_CLASS)) mg_trace_fire(MG_EV_CLASS, k, 0, 0, NULL, MG_NIL);
    AREST();
    RELOAD();
    NEXT();
}
L_DEFMODULE: {
    ID id = OPND(0); Value c = LIT(OPND(1)); pc += 2;
    SYNC();
    Value k = mg_vm_defclass(f, sp[-1], MG_NIL, id, false, true);
    sp[-1] = k;
    vm->sp = sp;
    mg_vm_push_body(mg_code_ptr(c), sp, sp - 1, k, mg_cref_new(MG_RCLASS(k), f->cref != MG_NIL ? f->cref : vm->top_cref), MG_RCLASS(k), FRAME_CLASS);
    if (UNLIKELY(mg_trace_events & MG_EV_CLASS)) mg_trace_fire(MG_EV_CLASS, k, 0, 0, NULL, MG_NIL);
    AREST();
    RELOAD();
    NEXT();
}
L_DEFSCLASS: {
    Value c = LIT(OPND(0)); pc++;
    SYNC();
    Value k = MG_VAL(mg_singleton_class(sp[-1]));
    sp[-1] = k;
    vm->sp = sp;
    mg_vm_push_body(mg_code_ptr(c), sp, sp - 1, k, mg_cref_new(MG_RCLASS(k), f->cref != MG_NIL ? f->cref : vm->top_cref), MG_RCLASS(k), FRAME_CLASS);
    if (UNLIKELY(mg_trace_events & MG_EV_CLASS)) mg_trace_fire(MG_EV_CLASS, k, 0, 0, NULL, MG_NIL);
    AREST();
    RELOAD();
    NEXT();
}
L_ALIAS: {
    SYNC();
    mg_vm_alias(f, sp[-2], sp[-1]);
    sp--;
    sp[-1] = MG_NIL;
    AREST();
    NEXT();
}
L_VALIAS: {
    ID a = OPND(0), b = OPND(1); pc += 2;
    SYNC();
    mg_vm_gvar_alias(a, b);
    PUSH(MG_NIL);
    NEXT();
}
L_UNDEF: {
    SYNC();
    mg_vm_undef(f, sp[-1]);
    sp[-1] = MG_NIL;
    AREST();
    NEXT();
}
L_POSTEXE: {
    Value c = LIT(OPND(0)); pc++;
    SYNC();
    Code *bc = mg_code_ptr(c);
    if (!bc->svar_slot) {
        bc->svar_slot = 1;
        Value p = mg_proc_new_from_block(f, c, false);
        if (vm->at_exit == MG_NIL) vm->at_exit = mg_ary_new();
        mg_ary_push(vm->at_exit, p);
    }
    PUSH(MG_NIL);
    AREST();
    NEXT();
}
L_DEFINED: {
    int type = (int)OPND(0); ID id = OPND(1); Value lit = LIT(OPND(2)); pc += 3;
    SYNC();
    sp[-1] = mg_vm_defined(f, type, id, sp[-1], lit);
    AREST();
    NEXT();
}
L_EXPANDARRAY: {
    int pre = (int)OPND(0), rest = (int)OPND(1), post = (int)OPND(2); pc += 3;
    SYNC();
    int n = pre + rest + post;
    mg_vm_check_stack((size_t)n + 4);
    mg_vm_expand(sp - 1, sp[-1], pre, rest, post);
    sp += n - 1;
    AREST();
    NEXT();
}
L_ARYAT: {
    int32_t i = (int32_t)OPND(0); pc++;
    SYNC();
    Value e = mg_ary_entry(sp[-1], i);
    PUSH(e);
    NEXT();
}
L_ARYSLICE: {
    int from = (int)OPND(0), tail = (int)OPND(1); pc += 2;
    SYNC();
    Value a = sp[-1];
    int64_t len = mg_ary_len(a);
    int64_t cnt = len - from - tail;
    if (cnt < 0) cnt = 0;
    Value sl = mg_ary_new_from(cnt, mg_ary_ptr(a) + (cnt > 0 ? from : 0));
    PUSH(sl);
    AREST();
    NEXT();
}
L_PATARRAY: {
    int min = (int)OPND(0), max = (int)OPND(1); pc += 2;
    SYNC();
    sp[-1] = mg_vm_pattern_deconstruct(sp[-1], min, max);
    AREST();
    NEXT();
}
L_PATHASH: {
    Value keys = LIT(OPND(0)); pc++;
    SYNC();
    sp[-1] = mg_vm_pattern_keys(sp[-1], keys);
    AREST();
    NEXT();
}
L_HASHKEY: {
    uint32_t mode = OPND(0); Value key = LIT(OPND(1)); pc += 2;
    SYNC();
    Value v = mg_hash_lookup(sp[-1], key);
    if (mode == 0) {
        if (v == MG_UNDEF) {
            vm->pat_reason = mg_sprintf("key not found: %s", mg_str_cstr(mg_inspect(key)));
            vm->pat_key = key;
        }
        PUSH(MG_BOOL(v != MG_UNDEF));
    } else PUSH(v == MG_UNDEF ? MG_NIL : v);
    AREST();
    NEXT();
}
L_HASHREST: {
    Value keys = LIT(OPND(0)); pc++;
    SYNC();
    Value d = mg_hash_dup(sp[-1]);
    sp[0] = d; vm->sp = sp + 1;
    for (int64_t i = 0; i < mg_ary_len(keys); i++) mg_hash_delete(d, mg_ary_entry(keys, i));
    sp++;
    AREST();
    NEXT();
}
L_PATREASON: {
    uint32_t kind = OPND(0); pc++;
    SYNC();
    vm->pat_reason = mg_str_new_cstr(kind == 0 ? "guard clause does not return true" : "rest of hash is not empty");
    vm->pat_key = MG_UNDEF;
    AREST();
    NEXT();
}
L_NOMATCH: {
    uint32_t single = OPND(0); pc++;
    SYNC();
    mg_vm_nomatch(sp[-1], single != 0);
    NEXT();
}

unwind:
    for (;;) {
        Frame *cf = vm->fp;
        if (!cf->code) {
            if (cf <= base) { vm->handler = h.prev; vm->cdepth--; mg_vm_rethrow(); }
            mg_vm_pop_frame();
            continue;
        }
        bool is_target = vm->th_target == cf;
        CatchEntry *e = find_catch(cf, vm->th_kind, is_target);
        if (e) {
            Value *nsp = cf->base + cf->code->nlocals + (e->depth & 0xfffff);
            vm->sp = nsp;
            if (e->type == CATCH_BREAK) {
                *nsp++ = vm->th_val;
                vm->sp = nsp;
            } else {
                Value t = mg_throw_obj_new();
                *nsp++ = t;
                vm->sp = nsp;
            }
            cf->pc = cf->code->insns + e->cont;
            vm->th_kind = TH_NONE;
            AREST();
            RELOAD();
            NEXT();
        }
        if (vm->th_kind == TH_RETURN && is_target) {
            Value val = vm->th_val;
            Value *ret = cf->sp;
            bool fin = (cf->flags & FRAME_FINISH) != 0;
            vm->th_kind = TH_NONE;
            if (UNLIKELY(cf->flags & FRAME_CTOR)) { val = cf->self; mg_vm_pop_frame(); }  /* then the `new` frame */
            mg_vm_pop_frame();
            if (fin) {
                vm->sp = ret;
                vm->handler = h.prev;
                vm->cdepth--;
                return val;
            }
            *ret = val;
            vm->sp = ret + 1;
            RELOAD();
            NEXT();
        }
        if (vm->th_kind == TH_BREAK && is_target) {
            Value exc = mg_exc_new(mg_eLocalJumpError, "break from proc-closure");
            vm->th_kind = TH_RAISE;
            vm->th_val = exc;
            vm->th_target = NULL;
            vm->errinfo = exc;
            continue;
        }
        if (cf == base) {
            mg_vm_pop_frame();
            vm->handler = h.prev;
            vm->cdepth--;
            mg_vm_rethrow();
        }
        mg_vm_pop_frame();
    }
}
