/* raise.c -- the handler chain (setjmp/longjmp), raising, mg_protect /
 * mg_ensure / mg_rescue, catch/throw, saved throws for ensure, backtraces.
 * Every non-local exit sets vm.th_* and longjmps to vm.handler; the
 * interpreter loop's handler (vm.c) unwinds its frames through their
 * catch tables, C handlers (mg_protect ...) pop to their saved level. */
#include "vm_int.h"
#include <stdarg.h>

VM mg_vm;

NORETURN void
mg_vm_rethrow(void)
{
    VM *vm = VMS;
    Handler *h = vm->handler;
    if (!h) {
        fprintf(stderr, "maglev: uncaught throw with no handler\n");
        exit(1);
    }
    longjmp(h->jb, 1);
}

NORETURN void
mg_vm_throw(ThrowKind kind, Value val, Frame *target, Value tag)
{
    VM *vm = VMS;
    vm->th_kind = kind;
    vm->th_val = val;
    vm->th_target = target;
    vm->th_tag = tag;
    mg_vm_rethrow();
}

void
mg_vm_unwind_to(Frame *fp)
{
    VM *vm = VMS;
    while (vm->fp > fp) mg_vm_pop_frame();
}

void
mg_vm_set_errinfo(Value v)
{
    VMS->errinfo = v;
}

/* ---- saved throws (ensure handlers push one) ---- */

typedef struct { ThrowKind kind; Value val, tag; int32_t target; } ThrowObj;

static void
throw_mark(void *p)
{
    ThrowObj *t = p;
    mg_gc_mark(t->val); mg_gc_mark(t->tag);
}
const DataType mg_throw_type = { "Throw", throw_mark, NULL, NULL };

Value
mg_throw_obj_new(void)
{
    VM *vm = VMS;
    if (vm->th_kind == TH_RAISE) return vm->th_val;
    void *p;
    Value v = mg_data_new_inline(mg_cObject, &mg_throw_type, sizeof(ThrowObj), &p);
    ThrowObj *t = p;
    t->kind = vm->th_kind;
    t->val = vm->th_val;
    t->tag = vm->th_tag;
    t->target = vm->th_target ? (int32_t)(vm->th_target - vm->frames) : -1;
    return v;
}

void
mg_throw_obj_restore(Value obj)
{
    VM *vm = VMS;
    ThrowObj *t = mg_data_get(obj, &mg_throw_type);
    if (!t) {
        vm->th_kind = TH_RAISE;
        vm->th_val = obj;
        vm->th_target = NULL;
        vm->th_tag = MG_NIL;
        vm->errinfo = obj;
        return;
    }
    vm->th_kind = t->kind;
    vm->th_val = t->val;
    vm->th_tag = t->tag;
    vm->th_target = t->target >= 0 ? vm->frames + t->target : NULL;
}

/* ---- raising ---- */

/* ---- frame snapshots (lib/maglev/debugger.rb) ----
 * While mg_vm_capture_frames is above zero (Maglev.__capture_frames), an
 * exception raised the first time gets, in its hidden ivar __frames, one
 * [label, file, line, {local => value}, self] per Ruby frame, innermost first:
 * the frames are gone once the exception is rescued, their data is not. */
int mg_vm_capture_frames;
Value mg_vm_local_values(Frame *f);   /* core/kernel.c */

static void
snapshot_frames(Value exc)
{
    VM *vm = VMS;
    ID id = mg_intern_cstr("__frames");
    if (mg_ivar_lookup(exc, id) != MG_UNDEF) return;      /* raised again: the first raise's frames stay */
    Value out = mg_ary_new();
    for (Frame *f = vm->fp; f > vm->frames; f--) {
        if (!f->code) continue;
        Value snap = mg_ary_new_from(5, (Value[]){ mg_label_for(f), mg_str_new_cstr(mg_frame_file(f)),
                                                   MG_FIX(mg_frame_line(f)), mg_vm_local_values(f), f->self });
        mg_ary_push(out, snap);
    }
    mg_ivar_set(exc, id, out);
}

NORETURN void
mg_raise_exc(Value exc)
{
    VM *vm = VMS;
    if (!mg_obj_is_kind_of(exc, mg_eException)) {
        exc = mg_exc_new(mg_eTypeError, "exception class/object expected");
    }
    if (!mg_frozen_p(exc)) {
        if (mg_vm_capture_frames > 0 && vm->fp > vm->frames) snapshot_frames(exc);
        if (mg_exc_backtrace(exc) == MG_NIL && vm->fp > vm->frames && !(mg_maglev_switches & MG_NO_CAPTURE_STACK))
            mg_exc_set_backtrace(exc, mg_backtrace(0));
        if (vm->errinfo != MG_NIL && vm->errinfo != exc && mg_ivar_lookup(exc, mg_id_cause) == MG_UNDEF)
            mg_exc_set_cause(exc, vm->errinfo);
        if (UNLIKELY(mg_trace_events & MG_EV_RAISE)) {
            mg_gc_protect(exc);
            mg_trace_fire(MG_EV_RAISE, vm->fp > vm->frames ? vm->fp->self : MG_NIL, 0, 0, NULL, exc);
        }
    }
    vm->errinfo = exc;
    mg_vm_throw(TH_RAISE, exc, NULL, MG_NIL);
}

NORETURN void
mg_raise_str(RClass *cls, Value msg)
{
    mg_raise_exc(mg_exc_new_str(cls, msg));
}

NORETURN void
mg_raise(RClass *cls, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0) n = 0;
    if ((size_t)n >= sizeof buf) n = sizeof buf - 1;
    mg_raise_str(cls, mg_str_new(buf, (size_t)n));
}

NORETURN void
mg_raise_argc(int given, int min, int max)
{
    if (max < 0) mg_raise(mg_eArgumentError, "wrong number of arguments (given %d, expected %d+)", given, min);
    if (min == max) mg_raise(mg_eArgumentError, "wrong number of arguments (given %d, expected %d)", given, min);
    mg_raise(mg_eArgumentError, "wrong number of arguments (given %d, expected %d..%d)", given, min, max);
}

void
mg_check_argc(int argc, int min, int max)
{
    if (argc < min || (max >= 0 && argc > max)) mg_raise_argc(argc, min, max);
}

const char *
mg_builtin_class_name(Value v)
{
    if (v == MG_NIL) return "nil";
    if (v == MG_TRUE) return "true";
    if (v == MG_FALSE) return "false";
    return mg_class_cname(mg_obj_class(v));
}

NORETURN void
mg_raise_type(Value v, const char *expected)
{
    mg_raise(mg_eTypeError, "no implicit conversion of %s into %s", mg_builtin_class_name(v), expected);
}

/* "nil:NilClass", "main:Object", "#<Foo>", "1:Integer" -- NameError's description of a receiver */
static Value
describe_recv(Value recv)
{
    VM *vm = VMS;
    if (recv == vm->main_obj) return mg_str_new_cstr("main:Object");
    if (recv == MG_NIL) return mg_str_new_cstr("nil:NilClass");
    if (recv == MG_TRUE) return mg_str_new_cstr("true:TrueClass");
    if (recv == MG_FALSE) return mg_str_new_cstr("false:FalseClass");
    /* no inspect (a BasicObject): asking for it would raise this again */
    if (!mg_method_lookup(mg_obj_class(recv), mg_id_inspect)) return mg_any_to_s(recv);
    /* CRuby 3.1 shows the whole inspect, however long; one that raises is
     * replaced by the default #<Foo:0x...> */
    Value d = mg_protect(mg_inspect, recv, NULL);
    if (d == MG_UNDEF) d = mg_any_to_s(recv);
    if (mg_str_len(d) > 0 && mg_str_ptr(d)[0] == '#') return d;
    Value s = mg_str_dup(d);
    mg_str_cat_cstr(s, ":");
    mg_str_append(s, mg_class_path(mg_obj_class(recv)));
    return s;
}

Value mg_vm_describe_recv(Value recv);
Value
mg_vm_describe_recv(Value recv)
{
    return describe_recv(recv);
}

Value mg_vm_local_variables(Frame *f);   /* core/kernel.c */

NORETURN void
mg_raise_nomethod(Value recv, ID mid, int argc, const Value *argv)
{
    VM *vm = VMS;
    int kind = vm->nomethod_vcall;
    vm->nomethod_vcall = 0;
    Value d = describe_recv(recv);
    Value args = mg_ary_new_from(argc, argv);
    /* the default method_missing does not appear in the backtrace */
    Value bt = (vm->fp->flags & FRAME_CFUNC) && vm->fp->mid == mg_id_method_missing ? mg_backtrace(1) : MG_NIL;
    if (kind == 1) {
        Value msg = mg_sprintf("undefined local variable or method `%s' for %s", mg_id_name(mid, NULL), mg_str_cstr(d));
        Value e = mg_name_error_new(mg_eNameError, msg, recv, mid);
        /* NameError#local_variables: the locals where the name was not found (did_you_mean) */
        mg_ivar_set(e, mg_intern_cstr("local_variables"), mg_vm_local_variables(mg_vm_ruby_frame()));
        if (bt != MG_NIL) mg_exc_set_backtrace(e, bt);
        mg_raise_exc(e);
    }
    Value msg = mg_sprintf("undefined method `%s' for %s", mg_id_name(mid, NULL), mg_str_cstr(d));
    Value e = mg_nomethod_error_new(msg, recv, mid, args, kind == 2);
    if (bt != MG_NIL) mg_exc_set_backtrace(e, bt);
    mg_raise_exc(e);
}

/* How CRuby's FrozenError names v's class: its singleton class when it has one
 * (every class has), which for an object's singleton class is its class's */
static Value
frozen_class_desc(Value v)
{
    RClass *k = mg_class_of(v);
    if (MG_IS_TYPE(v, T_CLASS)) {
        RClass *c = (RClass *)MG_OBJ(v);
        Value of = v;
        if ((c->hdr.flags & OF_SINGLETON) && !MG_IS_TYPE(c->u.attached, T_CLASS) && !MG_IS_TYPE(c->u.attached, T_MODULE))
            of = MG_VAL(mg_obj_class(c->u.attached));
        return mg_sprintf("#<Class:%s>", mg_str_cstr(mg_inspect(of)));
    }
    if ((k->hdr.flags & OF_SINGLETON) && k->u.attached == v) return mg_inspect(MG_VAL(k));
    return mg_str_new_cstr(mg_class_cname(mg_obj_class(v)));
}

NORETURN void
mg_raise_frozen(Value v)
{
    Value msg = mg_sprintf("can't modify frozen %s: %s", mg_str_cstr(frozen_class_desc(v)), mg_str_cstr(mg_inspect(v)));
    mg_raise_exc(mg_frozen_error_new(msg, v));
}

static Value nomem_exc = MG_NIL;
static Value stack_exc_proto = MG_NIL;

NORETURN void
mg_raise_nomem(void)
{
    VM *vm = VMS;
    if (nomem_exc == MG_NIL) { fprintf(stderr, "[FATAL] failed to allocate memory\n"); exit(1); }
    vm->errinfo = nomem_exc;
    mg_vm_throw(TH_RAISE, nomem_exc, NULL, MG_NIL);
}

NORETURN void
mg_raise_stack(void)
{
    VM *vm = VMS;
    /* leave room to build the exception and its backtrace */
    (void)stack_exc_proto;
    Value e = mg_exc_new_str(mg_eSystemStackError, mg_str_new_cstr("stack level too deep"));
    (void)vm;
    mg_raise_exc(e);
}

void mg_raise_init(void);
void
mg_raise_init(void)
{
    nomem_exc = mg_exc_new_str(mg_eNoMemoryError, mg_str_new_cstr("failed to allocate memory"));
    mg_gc_register(&nomem_exc);
}

/* ---- rescuing from C ---- */

#define HANDLER_BEGIN(h) \
    (h).prev = vm->handler; (h).fp = vm->fp; (h).sp = vm->sp; \
    (h).arena = mg_gc_arena_save(); (h).cdepth = vm->cdepth; vm->handler = &(h)

static void
handler_restore(Handler *h)
{
    VM *vm = VMS;
    vm->handler = h->prev;
    mg_vm_unwind_to(h->fp);
    vm->sp = h->sp;
    mg_gc_arena_restore(h->arena);
    vm->cdepth = h->cdepth;
    vm->kw_flag = false;
}

Value
mg_protect(Value (*fn)(Value), Value arg, Value *exc)
{
    VM *vm = VMS;
    Value old_err = vm->errinfo;
    Handler h;
    HANDLER_BEGIN(h);
    if (setjmp(h.jb) == 0) {
        Value r = fn(arg);
        vm->handler = h.prev;
        if (exc) *exc = MG_NIL;
        return r;
    }
    handler_restore(&h);
    if (vm->th_kind != TH_RAISE) mg_vm_rethrow();
    if (exc) *exc = vm->th_val;
    vm->errinfo = old_err;      /* rescued: $! (and the cause of the next raise) is what it was */
    return MG_UNDEF;
}

Value
mg_ensure(Value (*fn)(Value), Value arg, void (*ensure_fn)(Value), Value earg)
{
    VM *vm = VMS;
    Handler h;
    HANDLER_BEGIN(h);
    if (setjmp(h.jb) == 0) {
        Value r = fn(arg);
        vm->handler = h.prev;
        ensure_fn(earg);
        return r;
    }
    handler_restore(&h);
    Value saved = mg_throw_obj_new();
    mg_gc_protect(saved);
    ensure_fn(earg);
    mg_throw_obj_restore(saved);
    mg_vm_rethrow();
}

Value
mg_rescue(Value (*fn)(Value), Value arg, RClass *cls, Value (*rescue_fn)(Value, Value), Value rarg)
{
    VM *vm = VMS;
    Value old_err = vm->errinfo;
    Handler h;
    HANDLER_BEGIN(h);
    if (setjmp(h.jb) == 0) {
        Value r = fn(arg);
        vm->handler = h.prev;
        return r;
    }
    handler_restore(&h);
    if (vm->th_kind != TH_RAISE || !mg_obj_is_kind_of(vm->th_val, cls ? cls : mg_eStandardError)) mg_vm_rethrow();
    Value exc = vm->th_val;
    Value r = rescue_fn(rarg, exc);
    vm->errinfo = old_err;
    return r;
}

/* ---- catch / throw ---- */

Value
mg_catch(Value tag, Value (*fn)(Value, Value), Value arg)
{
    VM *vm = VMS;
    if (vm->catch_tags == MG_NIL) vm->catch_tags = mg_ary_new();
    mg_ary_push(vm->catch_tags, tag);
    int64_t level = mg_ary_len(vm->catch_tags);
    Handler h;
    HANDLER_BEGIN(h);
    if (setjmp(h.jb) == 0) {
        Value r = fn(tag, arg);
        vm->handler = h.prev;
        while (mg_ary_len(vm->catch_tags) >= level) mg_ary_pop(vm->catch_tags);
        return r;
    }
    handler_restore(&h);
    while (mg_ary_len(vm->catch_tags) >= level) mg_ary_pop(vm->catch_tags);
    if (vm->th_kind == TH_THROW && vm->th_tag == tag) return vm->th_val;
    mg_vm_rethrow();
}

NORETURN void
mg_throw(Value tag, Value val)
{
    VM *vm = VMS;
    bool found = false;
    if (vm->catch_tags != MG_NIL)
        for (int64_t i = mg_ary_len(vm->catch_tags) - 1; i >= 0; i--)
            if (mg_ary_entry(vm->catch_tags, i) == tag) { found = true; break; }
    if (!found) {
        Value msg = mg_sprintf("uncaught throw %s", mg_str_cstr(mg_inspect(tag)));
        Value args[3] = { tag, val, msg };
        Value e = mg_funcall(MG_VAL(mg_eUncaughtThrowError), mg_id_new, 3, args);
        mg_raise_exc(e);
    }
    mg_vm_throw(TH_THROW, val, NULL, tag);
}

/* ---- backtraces ---- */

const char *
mg_frame_file(Frame *f)
{
    VM *vm = VMS;
    for (; f > vm->frames; f--) if (f->code) return mg_str_cstr(f->code->file);
    return "-";
}

int
mg_frame_line(Frame *f)
{
    VM *vm = VMS;
    for (; f > vm->frames; f--) if (f->code) return mg_code_line(f->code, f->pc);
    return 0;
}

Value
mg_label_for(Frame *f)
{
    if (f->code) {
        if ((f->flags & FRAME_BMETHOD) && f->me) return mg_str_new_cstr(mg_id_name(f->me->name, NULL));
        return f->code->label;
    }
    ID mid = f->mid ? f->mid : (f->me ? f->me->name : 0);
    return mg_str_new_cstr(mid ? mg_id_name(mid, NULL) : "?");
}

Value
mg_vm_backtrace_from(Frame *top, int skip)
{
    VM *vm = VMS;
    Value bt = mg_ary_new();
    /* a burst of small strings for every frame: collect afterwards, not during */
    bool was = mg_gc_disable(true);
    for (Frame *f = top; f > vm->frames; f--) {
        if (f->flags & FRAME_BT_HIDE) continue;
        if (skip > 0) { skip--; continue; }
        Value label = mg_label_for(f);
        Value line = mg_sprintf("%s:%d:in `%s'", mg_frame_file(f), mg_frame_line(f), mg_str_cstr(label));
        mg_ary_push(bt, line);
    }
    mg_gc_disable(was);
    return bt;
}

Value
mg_backtrace(int skip)
{
    return mg_vm_backtrace_from(VMS->fp, skip);
}
