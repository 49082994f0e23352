/* kernel.c -- the Kernel, BasicObject and Module methods that need the
 * interpreter: raise, loop, catch/throw, block_given?, lambda/proc, binding,
 * eval and the instance_eval/class_exec family, define_method, send, method objects,
 * respond_to?, method_missing, visibility, require/load, at_exit/exit/abort,
 * caller, __method__, __callee__, __dir__. */
#include "../vm/vm_int.h"
#include "../util/idtable.h"
#include <limits.h>
#include <stdarg.h>
#include <unistd.h>
#include <errno.h>
#include <sys/syscall.h>

Value mg_require_relative(const char *feature);
Value mg_method_obj_new(Value recv, RClass *klass, const MethodEntry *me, ID name, bool unbound);

/* ---- helpers ---- */

static Value
vm_send(Value recv, ID mid, int argc, const Value *argv, Value blk, uint32_t flags)
{
    VM *vm = VMS;
    bool kw = mg_kw_given() && argc > 0 && MG_IS_HASH(argv[argc - 1]);
    Value *saved = vm->sp;
    mg_vm_check_stack((size_t)argc + 4);
    Value *base = vm->sp;
    base[0] = recv;
    for (int i = 0; i < argc; i++) base[1 + i] = argv[i];
    vm->sp = base + argc + 1;
    Value r = mg_vm_call(base, argc, mid, blk, flags | (kw ? CI_KW : 0), NULL, false);
    vm->sp = saved;
    mg_gc_protect(r);
    return r;
}

static Value
invoke_with_self(Value blk, Value self, Value def_target, int argc, const Value *argv)
{
    VM *vm = VMS;
    Value *saved = vm->sp;
    mg_vm_check_stack((size_t)argc + 4);
    Value *base = vm->sp;
    for (int i = 0; i < argc; i++) base[i] = argv[i];
    vm->sp = base + argc;
    Value r = mg_vm_invoke_proc(blk, base, argc, MG_NIL, false, self, def_target, false, false);
    vm->sp = saved;
    mg_gc_protect(r);
    return r;
}

static Frame *
caller_frame(void)
{
    return mg_vm_ruby_frame();
}

/* ---- raise ---- */

static Value
make_exception(int argc, const Value *argv)
{
    VM *vm = VMS;
    Value exc;
    if (argc == 0) {
        if (vm->errinfo != MG_NIL) return vm->errinfo;
        return mg_exc_new_str(mg_eRuntimeError, mg_str_new_cstr(""));   /* printed as "unhandled exception" */
    }
    if (MG_IS_STRING(argv[0])) {
        if (argc > 1) mg_raise_argc(argc, 0, 1);
        return mg_exc_new_str(mg_eRuntimeError, argv[0]);
    }
    if (!mg_respond_to(argv[0], mg_id_exception, true))
        mg_raise(mg_eTypeError, "exception class/object expected");
    exc = mg_funcall(argv[0], mg_id_exception, argc > 1 ? 1 : 0, argv + 1);
    if (!mg_obj_is_kind_of(exc, mg_eException)) mg_raise(mg_eTypeError, "exception object expected");
    if (argc > 2) mg_exc_set_backtrace(exc, argv[2]);
    return exc;
}

static Value
k_raise(Value self, int argc, const Value *argv, Value blk)
{
    (void)self; (void)blk;
    Value cause = MG_UNDEF;
    if (mg_kw_given() && argc > 0 && MG_IS_HASH(argv[argc - 1])) {
        Value h = argv[argc - 1];
        Value c = mg_hash_lookup(h, mg_sym("cause"));
        if (c != MG_UNDEF && mg_hash_size(h) == 1) { cause = c; argc--; }
    }
    if (cause != MG_UNDEF && argc == 0) mg_raise(mg_eArgumentError, "only cause is given with no arguments");
    if (cause != MG_UNDEF && !MG_IS_NIL(cause) && !mg_obj_is_kind_of(cause, mg_eException))
        mg_raise(mg_eTypeError, "exception object expected");
    Value exc = make_exception(argc, argv);
    if (!mg_frozen_p(exc)) {
        if (mg_exc_backtrace(exc) == MG_NIL && !(mg_maglev_switches & MG_NO_CAPTURE_STACK)) mg_exc_set_backtrace(exc, mg_backtrace(1));
        if (cause != MG_UNDEF) mg_exc_set_cause(exc, cause);
    }
    mg_raise_exc(exc);
}

/* ---- loop ---- */

static Value
loop_body(Value blk)
{
    for (;;) {
        size_t ar = mg_gc_arena_save();
        mg_yield(blk, 0, NULL);
        mg_gc_arena_restore(ar);
        if (UNLIKELY(mg_vm_interrupt_pending())) mg_vm_checkpoint();   /* a loop: a safe point */
    }
    return MG_NIL;
}

static Value
loop_rescue(Value arg, Value exc)
{
    (void)arg;
    return mg_funcall(exc, mg_intern_cstr("result"), 0, NULL);
}

static Value
k_loop(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)argv;
    if (blk == MG_NIL) return mg_enumerator_new(self, mg_intern_cstr("loop"), 0, NULL);
    return mg_rescue(loop_body, blk, mg_eStopIteration, loop_rescue, MG_NIL);
}

/* ---- catch / throw ---- */

static Value
catch_body(Value tag, Value blk)
{
    return mg_yield(blk, 1, &tag);
}

static Value
k_catch(Value self, int argc, const Value *argv, Value blk)
{
    (void)self;
    Value tag = argc > 0 ? argv[0] : mg_obj_alloc(mg_cObject);
    if (blk == MG_NIL) mg_raise(mg_eLocalJumpError, "no block given");
    return mg_catch(tag, catch_body, blk);
}

static Value
k_throw(Value self, int argc, const Value *argv, Value blk)
{
    (void)self; (void)blk;
    mg_throw(argv[0], argc > 1 ? argv[1] : MG_NIL);
}

/* ---- blocks ---- */

static Value
k_block_given_p(Value self, int argc, const Value *argv, Value blk)
{
    (void)self; (void)argc; (void)argv; (void)blk;
    Frame *f = caller_frame();
    return MG_BOOL(f && f->block != MG_NIL);
}

static Value
k_lambda(Value self, int argc, const Value *argv, Value blk)
{
    (void)self; (void)argc; (void)argv;
    if (blk == MG_NIL) mg_raise(mg_eArgumentError, "tried to create Proc object without a block");
    Proc *p = mg_proc_ptr(blk);
    if ((p->flags & PROC_LITERAL) && !(p->flags & PROC_ORPHAN)) p->flags |= PROC_LAMBDA;
    return blk;
}

static Value
k_proc(Value self, int argc, const Value *argv, Value blk)
{
    (void)self; (void)argc; (void)argv;
    if (blk == MG_NIL) mg_raise(mg_eArgumentError, "tried to create Proc object without a block");
    return blk;
}

static Value
k_binding(Value self, int argc, const Value *argv, Value blk)
{
    (void)self; (void)argc; (void)argv; (void)blk;
    return mg_binding_new(caller_frame());
}

/* ---- eval ---- */

static Value
k_eval(Value self, int argc, const Value *argv, Value blk)
{
    (void)self; (void)blk;
    Value src = mg_to_str(argv[0]);
    Value bind = argc > 1 ? argv[1] : MG_NIL;
    const char *file = argc > 2 ? mg_str_cstr(mg_to_str(argv[2])) : "(eval)";
    int line = argc > 3 ? (int)mg_num2long(argv[3]) : 1;
    if (bind != MG_NIL && !MG_IS_TYPE(bind, T_DATA))
        mg_raise(mg_eTypeError, "wrong argument type %s (expected binding)", mg_class_cname(mg_obj_class(bind)));
    return mg_vm_eval(src, bind, MG_UNDEF, MG_UNDEF, MG_UNDEF, file, line, true);
}

static Value
obj_instance_eval(Value self, int argc, const Value *argv, Value blk)
{
    if (blk != MG_NIL) {
        if (argc > 0) mg_raise_argc(argc, 0, 0);
        return invoke_with_self(blk, self, MG_NIL, 1, &self);
    }
    if (argc < 1) mg_raise_argc(argc, 1, 3);
    Value src = mg_to_str(argv[0]);
    const char *file = argc > 1 ? mg_str_cstr(mg_to_str(argv[1])) : "(eval)";
    int line = argc > 2 ? (int)mg_num2long(argv[2]) : 1;
    return mg_vm_eval(src, MG_NIL, self, MG_UNDEF, MG_NIL, file, line, true);
}

static Value
obj_instance_exec(Value self, int argc, const Value *argv, Value blk)
{
    if (blk == MG_NIL) mg_raise(mg_eLocalJumpError, "no block given (yield)");
    return invoke_with_self(blk, self, MG_NIL, argc, argv);
}

static Value
mod_class_eval(Value self, int argc, const Value *argv, Value blk)
{
    if (blk != MG_NIL) {
        if (argc > 0) mg_raise_argc(argc, 0, 0);
        return invoke_with_self(blk, self, self, 1, &self);
    }
    if (argc < 1) mg_raise_argc(argc, 1, 3);
    Value src = mg_to_str(argv[0]);
    const char *file = argc > 1 ? mg_str_cstr(mg_to_str(argv[1])) : "(eval)";
    int line = argc > 2 ? (int)mg_num2long(argv[2]) : 1;
    Frame *f = caller_frame();
    Value cref = mg_cref_new(MG_RCLASS(self), f && f->cref != MG_NIL ? f->cref : VMS->top_cref);
    return mg_vm_eval(src, MG_NIL, self, cref, self, file, line, true);
}

static Value
mod_class_exec(Value self, int argc, const Value *argv, Value blk)
{
    if (blk == MG_NIL) mg_raise(mg_eLocalJumpError, "no block given (yield)");
    return invoke_with_self(blk, self, self, argc, argv);
}

/* ---- define_method ---- */

Value mg_method_entry_of(Value m, RClass **owner);

static Visibility
scope_vis(void)
{
    Frame *f = caller_frame();
    if (f) f = mg_vm_scope_frame(f);
    if (f && (f->flags & (FRAME_CLASS | FRAME_DEFSCOPE))) {
        Visibility v = (Visibility)f->vis;
        return v == VIS_MODULE_FUNCTION ? VIS_PUBLIC : v;
    }
    return VIS_PUBLIC;
}

static Value
define_method_in(RClass *k, Value name, Value body, Value blk, Visibility vis)
{
    mg_class_modify_check(k);
    ID id = mg_to_id(name);
    if (body == MG_UNDEF) body = blk;
    if (body == MG_NIL) mg_raise(mg_eArgumentError, "tried to create Proc object without a block");
    MethodEntry me = { .visibility = (uint8_t)vis };
    if (mg_is_proc(body)) {
        /* a Method's proc (&obj.method(:m)) keeps calling m on obj, as in CRuby */
        me.kind = ME_BMETHOD;
        me.u.proc = body;
        mg_gc_protect(body);
    } else {
        RClass *owner = NULL;
        Value mev = mg_method_entry_of(body, &owner);
        if (mev == MG_NIL)
            mg_raise(mg_eTypeError, "wrong argument type %s (expected Proc/Method/UnboundMethod)", mg_class_cname(mg_obj_class(body)));
        me = *(MethodEntry *)(uintptr_t)mev;
        me.visibility = (uint8_t)vis;
    }
    if (me.kind == ME_BMETHOD) {
        /* keep the proc reachable from the class: store it as a hidden constant-like ivar list */
        Value holder = mg_ivar_lookup(MG_VAL(k), mg_intern_cstr("__bmethods__"));
        if (holder == MG_UNDEF || !MG_IS_ARRAY(holder)) { holder = mg_ary_new(); mg_ivar_set(MG_VAL(k), mg_intern_cstr("__bmethods__"), holder); }
        mg_ary_push(holder, me.u.proc);
    }
    mg_method_add(k, id, &me);
    if (k->hdr.flags & OF_SINGLETON) {
        Value att = k->u.attached;
        if (mg_respond_to(att, mg_id_singleton_method_added, true))
            mg_funcall(att, mg_id_singleton_method_added, 1, (Value[]){ MG_SYM(id) });
    } else if (mg_respond_to(MG_VAL(k), mg_id_method_added, true)) {
        mg_funcall(MG_VAL(k), mg_id_method_added, 1, (Value[]){ MG_SYM(id) });
    }
    return MG_SYM(id);
}

static Value
mod_define_method(Value self, int argc, const Value *argv, Value blk)
{
    return define_method_in(MG_RCLASS(self), argv[0], argc > 1 ? argv[1] : MG_UNDEF, blk, scope_vis());
}

static Value
obj_define_singleton_method(Value self, int argc, const Value *argv, Value blk)
{
    return define_method_in(mg_singleton_class(self), argv[0], argc > 1 ? argv[1] : MG_UNDEF, blk, VIS_PUBLIC);
}

/* ---- send ---- */

static Value
obj_send(Value self, int argc, const Value *argv, Value blk)
{
    if (argc < 1) mg_raise(mg_eArgumentError, "no method name given");
    ID mid = mg_to_id(argv[0]);
    if (UNLIKELY(mg_refinements_used)) {
        /* send sees the refinements active where it is called (vm/refine.c) */
        Frame *cf = caller_frame();
        if (mg_vm_refinements_active(cf)) {
            MethodEntry *me = mg_vm_refined_lookup(cf, mg_class_of(self), mid);
            if (me && mg_vm_is_refinement(me->owner)) return mg_call_method_entry(self, me, argc - 1, argv + 1, blk);
        }
    }
    return vm_send(self, mid, argc - 1, argv + 1, blk, CI_FCALL);
}

static Value
obj_public_send(Value self, int argc, const Value *argv, Value blk)
{
    if (argc < 1) mg_raise(mg_eArgumentError, "no method name given");
    ID mid = mg_to_id(argv[0]);
    if (UNLIKELY(mg_refinements_used)) {
        Frame *cf = caller_frame();
        if (mg_vm_refinements_active(cf)) {
            MethodEntry *me = mg_vm_refined_lookup(cf, mg_class_of(self), mid);
            if (me && mg_vm_is_refinement(me->owner) && me->visibility == VIS_PUBLIC)
                return mg_call_method_entry(self, me, argc - 1, argv + 1, blk);
        }
    }
    return vm_send(self, mid, argc - 1, argv + 1, blk, 0);
}

/* ---- method objects ---- */

static NORETURN void
undefined_method_name_error(Value recv, ID id, bool for_class)
{
    Value msg;
    if (for_class) {
        RClass *k = MG_RCLASS(recv);
        msg = mg_sprintf("undefined method `%s' for %s `%s'", mg_id_name(id, NULL), k->hdr.type == T_MODULE ? "module" : "class",
                         mg_str_cstr(mg_class_path(k)));
    } else {   /* as CRuby: the receiver's class, its singleton class when it has one */
        msg = mg_sprintf("undefined method `%s' for class `%s'", mg_id_name(id, NULL),
                         mg_str_cstr(mg_class_path(mg_class_of(recv))));
    }
    mg_raise_exc(mg_name_error_new(mg_eNameError, msg, recv, id));
}

/* public_method of a private or protected method */
static NORETURN void
not_public_name_error(Value recv, RClass *k, ID id, const MethodEntry *me)
{
    Value msg = mg_sprintf("method `%s' for class `%s' is %s", mg_id_name(id, NULL),
                           mg_str_cstr(mg_class_path(k)),
                           me->visibility == VIS_PROTECTED ? "protected" : "private");
    mg_raise_exc(mg_name_error_new(mg_eNameError, msg, recv, id));
}

static Value
obj_method(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)blk;
    ID id = mg_to_id(argv[0]);
    RClass *k = mg_class_of(self);
    MethodEntry *me = mg_method_lookup(k, id);
    if (UNLIKELY(mg_refinements_used) && mg_vm_refinements_active(caller_frame()))
        me = mg_vm_refined_lookup(caller_frame(), k, id);   /* Kernel#method sees refinements (3.1) */
    if (!me) {
        if (MG_TEST(mg_funcall(self, mg_id_respond_to_missing_p, 2, (Value[]){ MG_SYM(id), MG_TRUE }))) {
            /* a method object that forwards to method_missing */
            MethodEntry *mm = mg_method_lookup(k, mg_id_method_missing);
            return mg_method_obj_new(self, k, mm, id, false);
        }
        undefined_method_name_error(self, id, false);
    }
    return mg_method_obj_new(self, k, me, id, false);
}

static Value
obj_public_method(Value self, int argc, const Value *argv, Value blk)
{
    ID id = mg_to_id(argv[0]);
    MethodEntry *me = mg_method_lookup(mg_class_of(self), id);
    if (me && me->visibility != VIS_PUBLIC) not_public_name_error(self, mg_class_of(self), id, me);
    return obj_method(self, argc, argv, blk);
}

static Value
obj_singleton_method(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)blk;
    ID id = mg_to_id(argv[0]);
    RClass *k = mg_class_of(self);
    if (k->hdr.flags & OF_SINGLETON) {
        uint64_t v;
        if (mg_idtable_get(k->origin->mt, id, &v) && ((MethodEntry *)(uintptr_t)v)->kind != ME_UNDEF)
            return mg_method_obj_new(self, k, (MethodEntry *)(uintptr_t)v, id, false);
    }
    Value msg = mg_sprintf("undefined singleton method `%s' for %s", mg_id_name(id, NULL), mg_str_cstr(mg_inspect(self)));
    mg_raise_exc(mg_name_error_new(mg_eNameError, msg, self, id));
}

static Value
mod_instance_method(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)blk;
    ID id = mg_to_id(argv[0]);
    MethodEntry *me = mg_method_lookup(MG_RCLASS(self), id);
    if (!me) undefined_method_name_error(self, id, true);
    return mg_method_obj_new(MG_UNDEF, MG_RCLASS(self), me, id, true);
}

static Value
mod_public_instance_method(Value self, int argc, const Value *argv, Value blk)
{
    ID id = mg_to_id(argv[0]);
    MethodEntry *me = mg_method_lookup(MG_RCLASS(self), id);
    if (!me) undefined_method_name_error(self, id, true);
    if (me->visibility != VIS_PUBLIC) not_public_name_error(self, MG_RCLASS(self), id, me);
    return mod_instance_method(self, argc, argv, blk);
}

/* ---- respond_to?, method_missing ---- */

static Value
obj_respond_to_p(Value self, int argc, const Value *argv, Value blk)
{
    (void)blk;
    ID id = mg_to_id(argv[0]);
    bool priv = argc > 1 && MG_TEST(argv[1]);
    MethodEntry *me = mg_method_lookup(mg_class_of(self), id);
    if (UNLIKELY(mg_refinements_used) && mg_vm_refinements_active(caller_frame()))
        me = mg_vm_refined_lookup(caller_frame(), mg_class_of(self), id);   /* as CRuby 3.1 */
    if (me) {
        if (me->visibility == VIS_PUBLIC || priv) return MG_TRUE;
        return MG_FALSE;
    }
    Value r = mg_funcall(self, mg_id_respond_to_missing_p, 2, (Value[]){ MG_SYM(id), MG_BOOL(priv) });
    return MG_BOOL(MG_TEST(r));
}

static Value
obj_respond_to_missing_p(Value self, int argc, const Value *argv, Value blk)
{
    (void)self; (void)argc; (void)argv; (void)blk;
    return MG_FALSE;
}

static Value
basic_method_missing(Value self, int argc, const Value *argv, Value blk)
{
    (void)blk;
    if (argc < 1 || !MG_IS_SYMBOL(argv[0])) mg_raise(mg_eArgumentError, "no method name given");
    mg_raise_nomethod(self, MG_SYM2ID(argv[0]), argc - 1, argv + 1);
}

/* ---- visibility ---- */

static Value
set_vis(Value self, int argc, const Value *argv, Visibility vis)
{
    RClass *k = MG_RCLASS(self);
    if (argc == 0) {
        Frame *f = caller_frame();
        if (f) mg_vm_scope_frame(f)->vis = (uint8_t)vis;
        return MG_NIL;
    }
    for (int i = 0; i < argc; i++) {
        Value a = argv[i];
        if (MG_IS_ARRAY(a)) {
            for (int64_t j = 0; j < mg_ary_len(a); j++) set_vis(self, 1, (Value[]){ mg_ary_entry(a, j) }, vis);
            continue;
        }
        ID id = mg_to_id(a);
        if (vis == VIS_MODULE_FUNCTION) {
            MethodEntry *me = mg_method_lookup(k, id);
            if (!me) undefined_method_name_error(self, id, true);
            MethodEntry copy = *me;
            copy.visibility = VIS_PUBLIC;
            MethodEntry *added = mg_method_add(mg_singleton_class(self), id, &copy);
            added->owner = me->owner;
            mg_method_set_visibility(k, id, VIS_PRIVATE);
            continue;
        }
        if (!mg_method_set_visibility(k, id, vis)) undefined_method_name_error(self, id, true);
    }
    return argc == 1 ? argv[0] : mg_ary_new_from(argc, argv);
}

static Value mod_private(Value self, int argc, const Value *argv, Value blk) { (void)blk; return set_vis(self, argc, argv, VIS_PRIVATE); }
static Value mod_public(Value self, int argc, const Value *argv, Value blk) { (void)blk; return set_vis(self, argc, argv, VIS_PUBLIC); }
static Value mod_protected(Value self, int argc, const Value *argv, Value blk) { (void)blk; return set_vis(self, argc, argv, VIS_PROTECTED); }
static Value mod_module_function(Value self, int argc, const Value *argv, Value blk)
{
    (void)blk;
    if (MG_OBJ(self)->type != T_MODULE) mg_raise(mg_eTypeError, "module_function must be called for modules");
    return set_vis(self, argc, argv, VIS_MODULE_FUNCTION);
}

static Value
mod_private_class_method(Value self, int argc, const Value *argv, Value blk)
{
    (void)blk;
    Value sk = MG_VAL(mg_singleton_class(self));
    set_vis(sk, argc, argv, VIS_PRIVATE);
    return MG_NIL;
}

static Value
mod_public_class_method(Value self, int argc, const Value *argv, Value blk)
{
    (void)blk;
    Value sk = MG_VAL(mg_singleton_class(self));
    set_vis(sk, argc, argv, VIS_PUBLIC);
    return MG_NIL;
}

static Value
top_private(Value self, int argc, const Value *argv, Value blk) { (void)self; (void)blk; return set_vis(MG_VAL(mg_cObject), argc, argv, VIS_PRIVATE); }
static Value
top_public(Value self, int argc, const Value *argv, Value blk) { (void)self; (void)blk; return set_vis(MG_VAL(mg_cObject), argc, argv, VIS_PUBLIC); }
/* main.include(M): Object.include(M) */
static Value
top_include(Value self, int argc, const Value *argv, Value blk)
{
    (void)self;
    return mg_funcall_block(MG_VAL(mg_cObject), mg_intern_cstr("include"), argc, argv, blk);
}

/* main.define_method(name, body = nil) { }: a public method of Object */
static Value
top_define_method(Value self, int argc, const Value *argv, Value blk)
{
    (void)self;
    return mg_funcall_block(MG_VAL(mg_cObject), mg_intern_cstr("define_method"), argc, argv, blk);
}

/* ---- require / load ---- */

static Value
k_require(Value self, int argc, const Value *argv, Value blk)
{
    (void)self; (void)argc; (void)blk;
    return mg_require(mg_str_cstr(mg_to_str(argv[0])));
}

static Value
k_require_relative(Value self, int argc, const Value *argv, Value blk)
{
    (void)self; (void)argc; (void)blk;
    return mg_require_relative(mg_str_cstr(mg_to_str(argv[0])));
}

static Value
k_load(Value self, int argc, const Value *argv, Value blk)
{
    (void)self; (void)blk;
    return mg_load_file(mg_str_cstr(mg_to_str(argv[0])), argc > 1 && MG_TEST(argv[1]));
}

/* ---- exit ---- */

static Value
k_at_exit(Value self, int argc, const Value *argv, Value blk)
{
    (void)self; (void)argc; (void)argv;
    if (blk == MG_NIL) mg_raise(mg_eArgumentError, "called without a block");
    VM *vm = VMS;
    if (vm->at_exit == MG_NIL) vm->at_exit = mg_ary_new();
    mg_ary_push(vm->at_exit, blk);
    return blk;
}

static int
status_of(Value v, int dflt)
{
    if (v == MG_TRUE) return 0;
    if (v == MG_FALSE) return 1;
    if (v == MG_UNDEF) return dflt;
    return (int)mg_num2long(v);
}

static Value
k_exit(Value self, int argc, const Value *argv, Value blk)
{
    (void)self; (void)blk;
    int st = status_of(argc > 0 ? argv[0] : MG_UNDEF, 0);
    Value e = mg_funcall(MG_VAL(mg_eSystemExit), mg_id_new, 2, (Value[]){ MG_FIX(st), mg_str_new_cstr("exit") });
    mg_raise_exc(e);
}

static Value
k_exit_bang(Value self, int argc, const Value *argv, Value blk)
{
    (void)self; (void)blk;
    int st = status_of(argc > 0 ? argv[0] : MG_UNDEF, 1);
    mg_io_flush_all();
    fflush(stdout);
    fflush(stderr);
    _exit(st);
}

static Value
k_abort(Value self, int argc, const Value *argv, Value blk)
{
    (void)self; (void)blk;
    Value args[2] = { MG_FIX(1), MG_NIL };
    int n = 1;
    if (argc > 0) {
        Value m = mg_to_str(argv[0]);
        mg_io_flush_all();
        fwrite(mg_str_ptr(m), 1, (size_t)mg_str_len(m), stderr);
        fputc('\n', stderr);
        fflush(stderr);
        args[1] = m;
        n = 2;
    } else if (VMS->errinfo != MG_NIL) {
        mg_vm_report_exception(VMS->errinfo);
    }
    Value e = mg_funcall(MG_VAL(mg_eSystemExit), mg_id_new, n, args);
    mg_raise_exc(e);
}

/* ---- introspection ---- */

Value
mg_backtrace_select(Value bt, int argc, const Value *argv, int64_t def_start)
{
    if (!MG_IS_ARRAY(bt)) return bt;
    int64_t size = mg_ary_len(bt), start = def_start, count = -1;
    if (argc == 1 && MG_IS_TYPE(argv[0], T_RANGE)) {
        if (!mg_range_beg_len(argv[0], size, &start, &count, false)) return MG_NIL;
    } else if (argc > 0) {
        if (argv[0] != MG_NIL) start = mg_num2long(argv[0]);
        if (start < 0) mg_raise(mg_eArgumentError, "negative level (%lld)", (long long)start);
        if (argc > 1 && argv[1] != MG_NIL) {
            count = mg_num2long(argv[1]);
            if (count < 0) mg_raise(mg_eArgumentError, "negative size (%lld)", (long long)count);
        }
    }
    if (start > size) return MG_NIL;
    if (count < 0 || count > size - start) count = size - start;
    return mg_ary_new_from(count, mg_ary_ptr(bt) + start);
}

void
mg_warn_caller(const char *category, const char *fmt, ...)
{
    if (mg_verbose_nil()) return;
    Value w = mg_const_get_at(mg_cObject, mg_intern_cstr("Warning"));
    if (w == MG_UNDEF) return;
    Value cat = category ? mg_sym(category) : MG_NIL;
    if (category && !MG_TEST(mg_funcall(w, mg_id_aref, 1, &cat))) return;
    char text[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    Frame *f = caller_frame();
    Value msg = f ? mg_sprintf("%s:%d: warning: %s\n", mg_frame_file(f), mg_frame_line(f), text)
                  : mg_sprintf("warning: %s\n", text);
    if (!category) {
        mg_funcall(w, mg_intern_cstr("warn"), 1, &msg);
        return;
    }
    Value kw = mg_hash_new();
    mg_hash_aset(kw, mg_sym("category"), cat);
    mg_funcall_kw(w, mg_intern_cstr("warn"), 2, (Value[]){ msg, kw }, MG_NIL);
}

static Value
k_caller(Value self, int argc, const Value *argv, Value blk)
{
    (void)self; (void)blk;
    return mg_backtrace_select(mg_backtrace(1), argc, argv, 1);
}

static Value
k_caller_locations(Value self, int argc, const Value *argv, Value blk)
{
    return mg_backtrace_locations(k_caller(self, argc, argv, blk));
}

static Value
k_method_name(Value self, int argc, const Value *argv, Value blk)
{
    (void)self; (void)argc; (void)argv; (void)blk;
    ID id = mg_current_method_name();
    return id ? MG_SYM(id) : MG_NIL;
}

static Value
k_callee_name(Value self, int argc, const Value *argv, Value blk)
{
    (void)self; (void)argc; (void)argv; (void)blk;
    ID id = mg_current_callee_name();
    return id ? MG_SYM(id) : MG_NIL;
}

static Value
k_dir(Value self, int argc, const Value *argv, Value blk)
{
    (void)self; (void)argc; (void)argv; (void)blk;
    Frame *f = caller_frame();
    const char *file = f ? mg_frame_file(f) : "-";
    if (!strcmp(file, "-e") || !strcmp(file, "-")) return mg_str_new_cstr(".");
    char real[PATH_MAX];
    const char *p = realpath(file, real) ? real : file;
    const char *slash = strrchr(p, '/');
    if (!slash) return mg_str_new_cstr(".");
    return mg_str_new(p, (size_t)(slash - p));
}

static bool
visible_local(ID id)
{
    if (!id) return false;
    size_t len;
    const char *s = mg_id_name(id, &len);
    if (!len) return false;
    char c = s[0];
    if (!(c == '_' || (c >= 'a' && c <= 'z') || (unsigned char)c >= 0x80)) return false;
    if (c == '_' && len == 2 && s[1] >= '1' && s[1] <= '9') return false;
    return true;
}

Value mg_vm_local_variables(Frame *f);
Value
mg_vm_local_variables(Frame *f)
{
    Value r = mg_ary_new();
    if (!f || !f->code) return r;
    if (f->env == MG_NIL) {
        for (uint32_t i = 0; i < f->code->nlocals; i++)
            if (visible_local(f->code->local_names[i])) mg_ary_push(r, MG_SYM(f->code->local_names[i]));
        Value e = f->outer;
        while (e != MG_NIL) {
            Env *ep = mg_env_ptr(e);
            for (uint32_t i = 0; ep->code && i < ep->count && i < ep->code->nlocals; i++)
                if (visible_local(ep->code->local_names[i]) && !mg_ary_includes(r, MG_SYM(ep->code->local_names[i])))
                    mg_ary_push(r, MG_SYM(ep->code->local_names[i]));
            e = ep->parent;
        }
        return r;
    }
    for (Value e = f->env; e != MG_NIL; e = mg_env_ptr(e)->parent) {
        Env *ep = mg_env_ptr(e);
        for (uint32_t i = 0; ep->code && i < ep->count && i < ep->code->nlocals; i++)
            if (visible_local(ep->code->local_names[i]) && !mg_ary_includes(r, MG_SYM(ep->code->local_names[i])))
                mg_ary_push(r, MG_SYM(ep->code->local_names[i]));
    }
    return r;
}

/* The frame's visible locals and their values, innermost scope first (for
 * maglev/debugger's snapshots, vm/raise.c): a Hash Symbol => value. */
Value mg_vm_local_values(Frame *f);
Value
mg_vm_local_values(Frame *f)
{
    Value h = mg_hash_new();
    if (!f || !f->code) return h;
    if (f->env == MG_NIL)
        for (uint32_t i = 0; i < f->code->nlocals; i++)
            if (visible_local(f->code->local_names[i])) mg_hash_aset(h, MG_SYM(f->code->local_names[i]), f->locals[i]);
    for (Value e = f->env != MG_NIL ? f->env : f->outer; e != MG_NIL; e = mg_env_ptr(e)->parent) {
        Env *ep = mg_env_ptr(e);
        for (uint32_t i = 0; ep->code && i < ep->count && i < ep->code->nlocals; i++) {
            Value k = MG_SYM(ep->code->local_names[i]);
            if (visible_local(ep->code->local_names[i]) && mg_hash_lookup(h, k) == MG_UNDEF) mg_hash_aset(h, k, ep->vals[i]);
        }
    }
    return h;
}

static Value
k_local_variables(Value self, int argc, const Value *argv, Value blk)
{
    (void)self; (void)argc; (void)argv; (void)blk;
    return mg_vm_local_variables(caller_frame());
}

static Value
mod_s_nesting(Value self, int argc, const Value *argv, Value blk)
{
    (void)self; (void)argc; (void)argv; (void)blk;
    Frame *f = caller_frame();
    Value r = mg_ary_new();
    Value cref = f && f->cref != MG_NIL ? f->cref : VMS->top_cref;
    for (Cref *c = mg_cref_ptr(cref); c && c->next != MG_NIL; c = mg_cref_ptr(c->next)) mg_ary_push(r, MG_VAL(c->klass));
    return r;
}

/* Module#ruby2_keywords(*names): each named Ruby method taking *args and no
 * keywords keeps keywords it is called with as a flagged Hash at the end of
 * args, which a later splat of args passes as keywords again (vm/call.c). */
static Value
mark_ruby2_keywords(RClass *k, int argc, const Value *argv)
{
    for (int i = 0; i < argc; i++) {
        ID id = mg_to_id(argv[i]);
        MethodEntry *me = mg_method_lookup(k, id);
        if (!me || me->kind == ME_UNDEF)
            mg_raise_exc(mg_name_error_new(mg_eNameError, mg_sprintf("undefined method `%s' for %s `%s'", mg_id_name(id, NULL),
                                                      (k->hdr.type == T_MODULE) ? "module" : "class",
                                                      mg_str_cstr(mg_inspect(MG_VAL(k)))), MG_VAL(k), id));
        if (me->kind != ME_ISEQ) continue;
        MG_FAULT(me->u.code);
        MethodBody *b = MG_RDATA(me->u.code)->ptr;
        Code *code = mg_code_ptr(b->code);
        ParamInfo *p = &code->params;
        if (p->rest >= 0 && !p->has_kw && p->kwrest < 0 && !p->nokw) p->ruby2_keywords = true;
    }
    return MG_NIL;
}

static Value
mod_ruby2_keywords(Value self, int argc, const Value *argv, Value blk)
{
    (void)blk;
    return mark_ruby2_keywords(MG_RCLASS(self), argc, argv);
}

static Value
top_ruby2_keywords(Value self, int argc, const Value *argv, Value blk)
{
    (void)self; (void)blk;
    return mark_ruby2_keywords(mg_cObject, argc, argv);
}

/* ---- taint (a no-op since 2.7; deprecated, warned under -W:deprecated) ---- */

static Value
k_taint(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)argv; (void)blk;
    mg_warn_caller("deprecated", "Object#%s is deprecated and will be removed in Ruby 3.2", mg_id_name(mg_current_cfunc_name(), NULL));
    return self;
}

static Value
k_tainted_p(Value self, int argc, const Value *argv, Value blk)
{
    (void)self; (void)argc; (void)argv; (void)blk;
    mg_warn_caller("deprecated", "Object#%s is deprecated and will be removed in Ruby 3.2", mg_id_name(mg_current_cfunc_name(), NULL));
    return MG_FALSE;
}

/* ---- open, select, test: Kernel's doors to File / IO ---- */

/* open(path, ...): path.to_open(...) when it responds, IO.popen for "|cmd", else File.open */
static Value
k_open(Value self, int argc, const Value *argv, Value blk)
{
    (void)self;
    if (argc < 1) mg_raise_argc(argc, 1, -1);
    ID to_open = mg_intern_cstr("to_open");
    bool kw = mg_kw_given();
    if (MG_IS_PTR(argv[0]) && !MG_IS_STRING(argv[0]) && mg_respond_to(argv[0], to_open, true))
        return kw ? mg_funcall_kw(argv[0], to_open, argc - 1, argv + 1, blk) : mg_funcall_block(argv[0], to_open, argc - 1, argv + 1, blk);
    Value path = MG_IS_STRING(argv[0]) ? argv[0] : mg_check_string(argv[0]);
    if (MG_IS_STRING(path) && mg_str_len(path) > 0 && mg_str_ptr(path)[0] == '|') {
        Value rest = mg_ary_new_from(argc, argv);
        mg_ary_store(rest, 0, mg_str_new(mg_str_ptr(path) + 1, (size_t)mg_str_len(path) - 1));
        ID popen = mg_intern_cstr("popen");
        return kw ? mg_funcall_kw(MG_VAL(mg_cIO), popen, argc, mg_ary_ptr(rest), blk)
                  : mg_funcall_block(MG_VAL(mg_cIO), popen, argc, mg_ary_ptr(rest), blk);
    }
    ID open = mg_intern_cstr("open");
    return kw ? mg_funcall_kw(MG_VAL(mg_cFile), open, argc, argv, blk) : mg_funcall_block(MG_VAL(mg_cFile), open, argc, argv, blk);
}

static Value
k_select(Value self, int argc, const Value *argv, Value blk)
{
    (void)self;
    return mg_funcall_block(MG_VAL(mg_cIO), mg_intern_cstr("select"), argc, argv, blk);
}

/* test(cmd, file1 [, file2]): the File predicate named by the letter cmd */
static Value
k_test(Value self, int argc, const Value *argv, Value blk)
{
    (void)self; (void)blk;
    if (argc == 0) mg_raise_argc(argc, 2, 3);
    int cmd;
    if (MG_IS_STRING(argv[0]) && mg_str_len(argv[0]) > 0) cmd = (unsigned char)mg_str_ptr(argv[0])[0];
    else cmd = (int)(mg_num2long(mg_to_int(argv[0])) & 0xff);
    static const struct { char c; const char *m; } one[] = {
        {'A', "atime"}, {'b', "blockdev?"}, {'C', "ctime"}, {'c', "chardev?"}, {'d', "directory?"},
        {'e', "exist?"}, {'f', "file?"}, {'g', "setgid?"}, {'G', "grpowned?"}, {'k', "sticky?"},
        {'l', "symlink?"}, {'M', "mtime"}, {'o', "owned?"}, {'O', "owned?"}, {'p', "pipe?"},
        {'r', "readable?"}, {'R', "readable_real?"}, {'s', "size?"}, {'S', "socket?"}, {'u', "setuid?"},
        {'w', "writable?"}, {'W', "writable_real?"}, {'x', "executable?"}, {'X', "executable_real?"},
        {'z', "zero?"},
    };
    for (size_t i = 0; i < sizeof one / sizeof one[0]; i++) {
        if (one[i].c != cmd) continue;
        if (argc > 3) mg_raise_argc(argc, 2, 3);
        if (argc != 2) mg_raise_argc(argc, 2, 2);
        return mg_funcall(MG_VAL(mg_cFile), mg_intern_cstr(one[i].m), 1, argv + 1);
    }
    if (cmd == '=' || cmd == '<' || cmd == '>' || cmd == '-') {
        if (argc > 3) mg_raise_argc(argc, 2, 3);
        if (argc != 3) mg_raise_argc(argc, 3, 3);
        if (cmd == '-') return mg_funcall(MG_VAL(mg_cFile), mg_intern_cstr("identical?"), 2, argv + 1);
        Value a = mg_funcall(MG_VAL(mg_cFile), mg_intern_cstr("mtime"), 1, argv + 1);
        Value b = mg_funcall(MG_VAL(mg_cFile), mg_intern_cstr("mtime"), 1, argv + 2);
        int c = (int)mg_num2long(mg_funcall(a, mg_id_cmp, 1, &b));
        return MG_BOOL(cmd == '=' ? c == 0 : cmd == '<' ? c < 0 : c > 0);
    }
    if (cmd >= 0x20 && cmd < 0x7f) mg_raise(mg_eArgumentError, "unknown command '%c'", cmd);
    mg_raise(mg_eArgumentError, "unknown command \"\\x%02X\"", cmd);
}

/* syscall(num, *args): Linux's syscall(2); an Integer argument goes by value, a
 * String by its (modifiable) buffer. SystemCallError when it answers -1. */
static Value
k_syscall(Value self, int argc, const Value *argv, Value blk)
{
    (void)self; (void)blk;
    if (argc < 1) mg_raise(mg_eArgumentError, "too few arguments for syscall");
    if (argc > 8) mg_raise(mg_eArgumentError, "too many arguments for syscall");
    long a[8] = { 0 };
    for (int i = 0; i < argc; i++) {
        Value v = argv[i];
        if (i > 0 && MG_IS_STRING(v)) {
            mg_str_modify(v);
            a[i] = (long)(intptr_t)mg_str_cstr(v);
        } else {
            a[i] = (long)mg_num2long(v);
        }
    }
    mg_io_flush_all();      /* what Ruby wrote comes first */
    errno = 0;
    long r = syscall(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
    if (r == -1) mg_raise_syserr(errno, NULL, NULL);
    return mg_int_new(r);
}

static Value
k_global_variables(Value self, int argc, const Value *argv, Value blk)
{
    (void)self; (void)argc; (void)argv; (void)blk;
    Value mg_gvar_list(void);
    return mg_gvar_list();
}

/* trace_var(:$g, cmd) / trace_var(:$g) { |v| }: cmd (a Proc, or a String to
 * eval) runs after each assignment to $g; trace_var(:$g, nil) is untrace_var. */
static Value k_untrace_var(Value self, int argc, const Value *argv, Value blk);

static Value
k_trace_var(Value self, int argc, const Value *argv, Value blk)
{
    Value mg_gvar_traces(ID name, bool create);
    ID name = mg_to_id(argv[0]);
    Value cmd = argc > 1 ? argv[1] : blk;
    if (argc > 1 && cmd == MG_NIL) return k_untrace_var(self, 1, argv, MG_NIL);
    if (cmd == MG_NIL) mg_raise(mg_eArgumentError, "tried to create Proc object without a block");
    Value trace = mg_gvar_traces(name, true);
    mg_ary_unshift(trace, cmd);
    return MG_NIL;
}

static Value
k_untrace_var(Value self, int argc, const Value *argv, Value blk)
{
    (void)self; (void)blk;
    Value mg_gvar_traces(ID name, bool create);
    bool mg_gvar_defined(ID name);
    ID name = mg_to_id(argv[0]);
    Value trace = mg_gvar_traces(name, false);
    if (trace == MG_UNDEF || (trace == MG_NIL && !mg_gvar_defined(name))) {
        Value msg = mg_sprintf("undefined global variable %s", mg_id_name(name, NULL));
        mg_raise_exc(mg_name_error_new(mg_eNameError, msg, MG_UNDEF, name));
    }
    if (trace == MG_NIL) return argc > 1 ? MG_NIL : mg_ary_new();
    if (argc > 1) {
        for (int64_t i = 0; i < mg_ary_len(trace); i++) {
            if (mg_ary_entry(trace, i) != argv[1]) continue;
            mg_funcall(trace, mg_intern_cstr("delete_at"), 1, (Value[]){ mg_int_new(i) });
            return mg_ary_new_from(1, &argv[1]);
        }
        return MG_NIL;
    }
    Value all = mg_ary_dup(trace);
    mg_funcall(trace, mg_intern_cstr("clear"), 0, NULL);
    return all;
}

static const MgMethodDef kernel_private[] = {
    {"open", k_open, 0, -1},
    {"select", k_select, 1, 4},
    {"test", k_test, 0, -1},
    {"global_variables", k_global_variables, 0, 0},
    {"syscall", k_syscall, 0, -1},
    {"trace_var", k_trace_var, 1, 2},
    {"untrace_var", k_untrace_var, 1, 2},
    {"raise", k_raise, 0, -1},
    {"fail", k_raise, 0, -1},
    {"loop", k_loop, 0, 0},
    {"catch", k_catch, 0, 1},
    {"throw", k_throw, 1, 2},
    {"block_given?", k_block_given_p, 0, 0},
    {"iterator?", k_block_given_p, 0, 0},
    {"lambda", k_lambda, 0, 0},
    {"proc", k_proc, 0, 0},
    {"binding", k_binding, 0, 0},
    {"eval", k_eval, 1, 4},
    {"require", k_require, 1, 1},
    {"require_relative", k_require_relative, 1, 1},
    {"load", k_load, 1, 2},
    {"at_exit", k_at_exit, 0, 0},
    {"exit", k_exit, 0, 1},
    {"exit!", k_exit_bang, 0, 1},
    {"abort", k_abort, 0, 1},
    {"caller", k_caller, 0, 2},
    {"caller_locations", k_caller_locations, 0, 2},
    {"__method__", k_method_name, 0, 0},
    {"__callee__", k_callee_name, 0, 0},
    {"__dir__", k_dir, 0, 0},
    {"local_variables", k_local_variables, 0, 0},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef kernel_public[] = {
    {"taint", k_taint, 0, 0},
    {"untaint", k_taint, 0, 0},
    {"trust", k_taint, 0, 0},
    {"untrust", k_taint, 0, 0},
    {"tainted?", k_tainted_p, 0, 0},
    {"untrusted?", k_tainted_p, 0, 0},
    {"send", obj_send, 0, -1},
    {"public_send", obj_public_send, 0, -1},
    {"method", obj_method, 1, 1},
    {"public_method", obj_public_method, 1, 1},
    {"singleton_method", obj_singleton_method, 1, 1},
    {"define_singleton_method", obj_define_singleton_method, 1, 2},
    {"respond_to?", obj_respond_to_p, 1, 2},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef module_public[] = {
    {"class_eval", mod_class_eval, 0, 3},
    {"module_eval", mod_class_eval, 0, 3},
    {"class_exec", mod_class_exec, 0, -1},
    {"module_exec", mod_class_exec, 0, -1},
    {"instance_method", mod_instance_method, 1, 1},
    {"public_instance_method", mod_public_instance_method, 1, 1},
    {"private_class_method", mod_private_class_method, 0, -1},
    {"public_class_method", mod_public_class_method, 0, -1},
    {"define_method", mod_define_method, 1, 2},    /* public since Ruby 2.5 */
    {NULL, NULL, 0, 0}
};

static const MgMethodDef module_private[] = {
    {"private", mod_private, 0, -1},
    {"public", mod_public, 0, -1},
    {"protected", mod_protected, 0, -1},
    {"module_function", mod_module_function, 0, -1},
    {"ruby2_keywords", mod_ruby2_keywords, 0, -1},
    {NULL, NULL, 0, 0}
};

static void
define_private_list(RClass *k, const MgMethodDef *d)
{
    for (; d->name; d++) mg_define_private_method(k, d->name, d->fn, d->min_args, d->max_args);
}

void
mg_init_kernel(void)
{
    define_private_list(mg_mKernel, kernel_private);
    for (const MgMethodDef *d = kernel_private; d->name; d++)
        mg_define_singleton_method(MG_VAL(mg_mKernel), d->name, d->fn, d->min_args, d->max_args);
    mg_define_methods(mg_mKernel, kernel_public);
    mg_define_method(mg_cBasicObject, "__send__", obj_send, 0, -1);
    mg_define_method(mg_cBasicObject, "instance_eval", obj_instance_eval, 0, 3);
    mg_define_method(mg_cBasicObject, "instance_exec", obj_instance_exec, 0, -1);
    mg_define_private_method(mg_cBasicObject, "method_missing", basic_method_missing, 0, -1);
    mg_define_private_method(mg_mKernel, "respond_to_missing?", obj_respond_to_missing_p, 2, 2);
    mg_define_methods(mg_cModule, module_public);
    mg_define_singleton_method(MG_VAL(mg_cModule), "nesting", mod_s_nesting, 0, 0);
    define_private_list(mg_cModule, module_private);
}

/* the top-level self's private/public (main.private :x) */
void mg_kernel_init_main(Value main_obj);
void
mg_kernel_init_main(Value main_obj)
{
    RClass *sk = mg_singleton_class(main_obj);    /* private, as CRuby's: self.private raises */
    mg_define_private_method(sk, "private", top_private, 0, -1);
    mg_define_private_method(sk, "public", top_public, 0, -1);
    mg_define_private_method(sk, "include", top_include, 0, -1);
    mg_define_private_method(sk, "ruby2_keywords", top_ruby2_keywords, 0, -1);
    mg_define_private_method(sk, "define_method", top_define_method, 1, 2);
}
