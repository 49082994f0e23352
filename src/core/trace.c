/* trace.c -- TracePoint (CRuby 3.1's core API) for the events the VM
 * reports: :call/:return (Ruby methods), :c_call/:c_return (methods written
 * in C), :b_call/:b_return (blocks), :class/:end (class and module bodies)
 * and :raise. :line and the thread/fiber events are not reported: asking for
 * them raises NotImplementedError rather than tracing nothing.
 *
 * The VM tests one word, mg_trace_events (the union of the enabled
 * TracePoints' events), where each event happens (vm/call.c: frame set-up and
 * C calls; vm/vm.c: leave, class bodies; vm/raise.c) and calls
 * mg_trace_fire only when it is set, so tracing costs nothing while off. A
 * hook's own events are not traced (one level, as CRuby). :return is
 * reported for a normal return or a `return` through blocks, not for a
 * frame an exception unwinds. */
#include "core.h"
#include "../vm/vm_int.h"
#include "../object/class.h"

uint32_t mg_trace_events;

typedef struct {
    uint32_t events;
    bool enabled;
    Value blk;
    /* the event being reported (valid only inside the hook) */
    uint32_t event;
    Value self, value;          /* value: the return value or the raised exception */
    ID mid, callee;
    RClass *klass;
    Value path;
    int line;
    Frame *frame;               /* the innermost Ruby frame (its Binding) */
} TracePoint;

static Value enabled_list = MG_NIL;     /* the enabled TracePoints, in order of enabling */
static int firing;                       /* inside a hook */
static RClass *cTracePoint;

static const struct { const char *name; uint32_t bit; } event_names[] = {
    { "call", MG_EV_CALL }, { "return", MG_EV_RETURN }, { "c_call", MG_EV_C_CALL },
    { "c_return", MG_EV_C_RETURN }, { "b_call", MG_EV_B_CALL }, { "b_return", MG_EV_B_RETURN },
    { "class", MG_EV_CLASS }, { "end", MG_EV_END }, { "raise", MG_EV_RAISE },
};
static const char *const unsupported[] = { "line", "thread_begin", "thread_end", "fiber_switch", "script_compiled",
                                            "rescue", "a_call", "a_return" };

static void
tp_mark(void *p)
{
    TracePoint *tp = p;
    mg_gc_mark(tp->blk);
    mg_gc_mark(tp->self);
    mg_gc_mark(tp->value);
    mg_gc_mark(tp->path);
    if (tp->klass) mg_gc_mark(MG_VAL(tp->klass));
}

static void
tp_free(void *p)
{
    free(p);
}

static const DataType tracepoint_type = { "TracePoint", tp_mark, tp_free, NULL, NULL };

static TracePoint *
tp_of(Value v)
{
    return mg_data_check(v, &tracepoint_type);
}

static void
recompute(void)
{
    uint32_t ev = 0;
    for (int64_t i = 0; MG_IS_ARRAY(enabled_list) && i < MG_RARRAY(enabled_list)->len; i++)
        ev |= tp_of(MG_RARRAY(enabled_list)->ptr[i])->events;
    mg_trace_events = ev;
    /* the VM's inline operators (1 + 2, a[i]) are C method calls to trace:
     * while :c_call/:c_return are traced they take the general path */
    mg_bop_redefined = (ev & (MG_EV_C_CALL | MG_EV_C_RETURN)) ? ~(uint32_t)0 : mg_bop_real;
}

static const char *
event_name(uint32_t bit)
{
    for (size_t i = 0; i < ARRAY_LEN(event_names); i++)
        if (event_names[i].bit == bit) return event_names[i].name;
    return "unknown";
}

/* ---- firing ---- */

typedef struct { Value tp; } FireArg;

static Value
fire_run(Value arg)
{
    Value tpv = arg;
    TracePoint *tp = tp_of(tpv);
    mg_proc_call(tp->blk, 1, &tpv, MG_NIL);
    return MG_NIL;
}

static void
fire_done(Value arg)
{
    TracePoint *tp = tp_of(arg);
    tp->event = 0;
    tp->self = tp->value = tp->path = MG_NIL;
    tp->klass = NULL;
    tp->frame = NULL;
    firing--;
}

void
mg_trace_fire(uint32_t event, Value self, ID mid, ID callee, RClass *klass, Value value)
{
    if (firing || !MG_IS_ARRAY(enabled_list)) return;
    /* where: the innermost Ruby frame (a C method's caller) */
    VM *vm = VMS;
    Frame *f = vm->fp;
    while (f > vm->frames && !f->code) f--;
    Value path = f > vm->frames && f->code ? mg_str_new_cstr(mg_frame_file(f)) : MG_NIL;
    int line = f > vm->frames && f->code ? mg_frame_line(f) : 0;
    if (f == vm->fp && f->code && (event & (MG_EV_CALL | MG_EV_B_CALL | MG_EV_CLASS))) line = f->code->line;   /* where it begins */
    Value list = mg_ary_dup(enabled_list);    /* a hook may enable or disable others */
    mg_gc_protect(list);
    /* a C method's hooks see the backtrace of its caller, as CRuby's (power_assert counts frames) */
    Frame *hide = (event & (MG_EV_C_CALL | MG_EV_C_RETURN)) && (vm->fp->flags & FRAME_CFUNC) &&
                  !(vm->fp->flags & FRAME_BT_HIDE) ? vm->fp : NULL;
    if (hide) hide->flags |= FRAME_BT_HIDE;
    for (int64_t i = 0; i < MG_RARRAY(list)->len; i++) {
        Value tpv = MG_RARRAY(list)->ptr[i];
        TracePoint *tp = tp_of(tpv);
        if (!tp->enabled || !(tp->events & event)) continue;
        tp->event = event;
        tp->self = self;
        tp->mid = mid;
        tp->callee = callee;
        tp->klass = klass;
        tp->value = value;
        tp->path = path;
        tp->line = line;
        tp->frame = f > vm->frames && f->code ? f : NULL;
        firing++;
        mg_ensure(fire_run, tpv, fire_done, tpv);   /* a hook that raises unwinds the C frame too */
    }
    if (hide) hide->flags &= ~(uint32_t)FRAME_BT_HIDE;
}

/* A frame leaves with val (vm.c L_LEAVE): :return, :b_return or :end. */
void
mg_vm_trace_leave(Frame *f, Value val)
{
    uint32_t fl = f->flags;
    if ((fl & FRAME_BLOCK) && !(fl & FRAME_BMETHOD)) {
        if (mg_trace_events & MG_EV_B_RETURN) mg_trace_fire(MG_EV_B_RETURN, f->self, 0, 0, NULL, val);
    } else if (fl & (FRAME_METHOD | FRAME_BMETHOD)) {
        MethodEntry *me = f->me;
        if ((mg_trace_events & MG_EV_RETURN) && me)
            mg_trace_fire(MG_EV_RETURN, f->self, me->original_name, me->name, me->owner, val);
    } else if (fl & FRAME_CLASS) {
        if (mg_trace_events & MG_EV_END) mg_trace_fire(MG_EV_END, f->self, 0, 0, NULL, MG_NIL);
    }
}

/* ---- the Ruby API ---- */

static uint32_t
parse_events(int argc, const Value *argv)
{
    uint32_t ev = 0;
    for (int i = 0; i < argc; i++) {
        if (!MG_IS_SYMBOL(argv[i])) mg_raise(mg_eTypeError, "wrong argument type %s (expected Symbol)",
                                             mg_class_cname(mg_obj_class(argv[i])));
        const char *n = mg_id_name(MG_SYM2ID(argv[i]), NULL);
        uint32_t bit = 0;
        for (size_t k = 0; k < ARRAY_LEN(event_names) && !bit; k++)
            if (!strcmp(n, event_names[k].name)) bit = event_names[k].bit;
        if (!bit) {
            for (size_t k = 0; k < ARRAY_LEN(unsupported); k++)
                if (!strcmp(n, unsupported[k]))
                    mg_raise(mg_eNotImplementedError, "TracePoint event :%s is not supported by maglev", n);
            mg_raise(mg_eArgumentError, "unknown event: %s", n);
        }
        ev |= bit;
    }
    return ev ? ev : MG_EV_ALL;
}

static Value
tp_s_new(Value klass, int argc, const Value *argv, Value blk)
{
    if (blk == MG_NIL) mg_raise(mg_eArgumentError, "must be called with a block");
    TracePoint *tp = calloc(1, sizeof *tp);
    if (!tp) mg_raise_nomem();
    tp->events = parse_events(argc, argv);
    tp->blk = blk;
    tp->self = tp->value = tp->path = MG_NIL;
    return mg_data_new(MG_RCLASS(klass), &tracepoint_type, tp);
}

static void
set_enabled(Value self, bool on)
{
    TracePoint *tp = tp_of(self);
    if (tp->enabled == on) return;
    tp->enabled = on;
    if (on) {
        if (!MG_IS_ARRAY(enabled_list)) enabled_list = mg_ary_new();
        mg_ary_push(enabled_list, self);
    } else {
        mg_funcall(enabled_list, mg_intern_cstr("delete"), 1, &self);
    }
    recompute();
}

typedef struct { Value self; bool was; } Toggle;

static Value
toggle_run(Value arg)
{
    return mg_yield(arg, 0, NULL);
}

static void
toggle_done(Value arg)
{
    Toggle *t = (Toggle *)(uintptr_t)MG_FIX2LONG(arg);
    set_enabled(t->self, t->was);
}

static Value
tp_toggle(Value self, int argc, const Value *argv, Value blk, bool on)
{
    Value kw = mg_kwargs_split(&argc, argv);
    if (kw != MG_NIL && mg_hash_size(kw) > 0)
        mg_raise(mg_eNotImplementedError, "TracePoint#enable with target: or target_line: is not supported by maglev");
    if (argc > 0) mg_raise_argc(argc, 0, 0);
    bool was = tp_of(self)->enabled;
    set_enabled(self, on);
    if (blk == MG_NIL) return MG_BOOL(was);
    Toggle t = { self, was };
    return mg_ensure(toggle_run, blk, toggle_done, MG_FIX((int64_t)(intptr_t)&t));
}

static Value
tp_enable(Value self, int argc, const Value *argv, Value blk)
{
    return tp_toggle(self, argc, argv, blk, true);
}

static Value
tp_disable(Value self, int argc, const Value *argv, Value blk)
{
    return tp_toggle(self, argc, argv, blk, false);
}

static Value
tp_enabled_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(tp_of(self)->enabled);
}

static Value
tp_s_trace(Value klass, int argc, const Value *argv, Value blk)
{
    Value tp = tp_s_new(klass, argc, argv, blk);
    set_enabled(tp, true);
    return tp;
}

static TracePoint *
inside(Value self)
{
    TracePoint *tp = tp_of(self);
    if (!tp->event) mg_raise(mg_eRuntimeError, "access from outside");
    return tp;
}

static Value
tp_event(Value self, int argc, const Value *argv, Value blk)
{
    return mg_sym(event_name(inside(self)->event));
}

static Value
tp_self(Value self, int argc, const Value *argv, Value blk)
{
    return inside(self)->self;
}

static Value
tp_method_id(Value self, int argc, const Value *argv, Value blk)
{
    TracePoint *tp = inside(self);
    return tp->mid ? MG_SYM(tp->mid) : MG_NIL;
}

static Value
tp_callee_id(Value self, int argc, const Value *argv, Value blk)
{
    TracePoint *tp = inside(self);
    return tp->callee ? MG_SYM(tp->callee) : tp->mid ? MG_SYM(tp->mid) : MG_NIL;
}

static Value
tp_defined_class(Value self, int argc, const Value *argv, Value blk)
{
    TracePoint *tp = inside(self);
    return tp->klass ? MG_VAL(tp->klass) : MG_NIL;
}

static Value
tp_path(Value self, int argc, const Value *argv, Value blk)
{
    return inside(self)->path;
}

static Value
tp_lineno(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX(inside(self)->line);
}

static Value
tp_return_value(Value self, int argc, const Value *argv, Value blk)
{
    TracePoint *tp = inside(self);
    if (!(tp->event & (MG_EV_RETURN | MG_EV_C_RETURN | MG_EV_B_RETURN)))
        mg_raise(mg_eRuntimeError, "not supported by this event");
    return tp->value;
}

static Value
tp_raised_exception(Value self, int argc, const Value *argv, Value blk)
{
    TracePoint *tp = inside(self);
    if (tp->event != MG_EV_RAISE) mg_raise(mg_eRuntimeError, "not supported by this event");
    return tp->value;
}

/* The Binding of the innermost Ruby frame: the traced method's or block's
 * for :call/:return/:b_call/:b_return, the caller's for a C method. */
static Value
tp_binding(Value self, int argc, const Value *argv, Value blk)
{
    TracePoint *tp = inside(self);
    return tp->frame ? mg_binding_new(tp->frame) : MG_NIL;
}

static Value
tp_inspect(Value self, int argc, const Value *argv, Value blk)
{
    TracePoint *tp = tp_of(self);
    if (!tp->event) return mg_str_new_cstr(tp->enabled ? "#<TracePoint:enabled>" : "#<TracePoint:disabled>");
    const char *ev = event_name(tp->event);
    const char *path = MG_IS_STRING(tp->path) ? mg_str_cstr(tp->path) : "";
    if (tp->mid && (tp->event & (MG_EV_CALL | MG_EV_RETURN | MG_EV_C_CALL | MG_EV_C_RETURN)))
        return mg_sprintf("#<TracePoint:%s `%s'@%s:%d>", ev, mg_id_name(tp->mid, NULL), path, tp->line);
    return mg_sprintf("#<TracePoint:%s %s:%d>", ev, path, tp->line);
}

static const MgMethodDef tracepoint_methods[] = {
    { "enable", tp_enable, 0, -1 },
    { "disable", tp_disable, 0, -1 },
    { "enabled?", tp_enabled_p, 0, 0 },
    { "event", tp_event, 0, 0 },
    { "self", tp_self, 0, 0 },
    { "method_id", tp_method_id, 0, 0 },
    { "callee_id", tp_callee_id, 0, 0 },
    { "defined_class", tp_defined_class, 0, 0 },
    { "path", tp_path, 0, 0 },
    { "lineno", tp_lineno, 0, 0 },
    { "return_value", tp_return_value, 0, 0 },
    { "raised_exception", tp_raised_exception, 0, 0 },
    { "binding", tp_binding, 0, 0 },
    { "inspect", tp_inspect, 0, 0 },
    { NULL, NULL, 0, 0 },
};

static const MgMethodDef tracepoint_singleton_methods[] = {
    { "new", tp_s_new, 0, -1 },
    { "trace", tp_s_trace, 0, -1 },
    { NULL, NULL, 0, 0 },
};

void
mg_init_trace(void)
{
    mg_gc_register(&enabled_list);
    cTracePoint = mg_define_class("TracePoint", mg_cObject);
    mg_method_undef(mg_singleton_class(MG_VAL(cTracePoint)), mg_id_allocate);
    mg_define_methods(cTracePoint, tracepoint_methods);
    mg_define_singleton_methods(MG_VAL(cTracePoint), tracepoint_singleton_methods);
}
