/* vm.h -- what the rest of the system asks of the interpreter: calling
 * methods and blocks, raising and rescuing, globals, eval, the current frame.
 * The dispatch loop itself is vm.c; calls and caches call.c; raise/protect
 * raise.c. Every function here may allocate (run the GC) and may raise
 * (longjmp through the VM's handler chain) unless it says otherwise. */
#ifndef MG_VM_H
#define MG_VM_H

#include "../object/class.h"

/* ---- calling ---- */
Value mg_funcall(Value recv, ID mid, int argc, const Value *argv);          /* ignores visibility (like CRuby's rb_funcall) */
Value mg_funcall_block(Value recv, ID mid, int argc, const Value *argv, Value blk);
Value mg_funcall_public(Value recv, ID mid, int argc, const Value *argv, Value blk);  /* NoMethodError for private (public_send) */
/* Like mg_funcall but passes the last argument as keywords (argv[argc-1] is a Hash). */
Value mg_funcall_kw(Value recv, ID mid, int argc, const Value *argv, Value blk);
#define MG_CALL0(recv, name)        mg_funcall((recv), mg_intern_cstr(name), 0, NULL)
#define MG_CALL1(recv, name, a)     mg_funcall((recv), mg_intern_cstr(name), 1, (Value[]){(a)})
#define MG_CALL2(recv, name, a, b)  mg_funcall((recv), mg_intern_cstr(name), 2, (Value[]){(a), (b)})
/* Call a method entry directly (Method#call, super from C). */
Value mg_call_method_entry(Value recv, const MethodEntry *me, int argc, const Value *argv, Value blk);
/* True when the current C method was called with keyword arguments (the last argv is their Hash). */
bool  mg_kw_given(void);

/* ---- blocks and procs ---- */
/* `blk` is what a C method received: nil or a Proc. */
static inline bool mg_block_given(Value blk) { return blk != MG_NIL; }
/* yield: raises LocalJumpError "no block given (yield)" when blk is nil.
 * Block argument semantics (auto-splat of one Array arg for |a, b|) apply. */
Value mg_yield(Value blk, int argc, const Value *argv);
Value mg_yield1(Value blk, Value arg);
/* Yield several values as one (yield [a, b] vs yield a, b): mg_yield_values packs like `yield a, b`. */
Value mg_yield_values(Value blk, int argc, const Value *argv);
/* Proc#call semantics (lambda arity checks, return/break handling). */
Value mg_proc_call(Value proc, int argc, const Value *argv, Value blk);
/* The block as a Proc object (Proc.new / &blk); nil stays nil. */
Value mg_block_proc(Value blk);
bool  mg_proc_lambda_p(Value proc);
int   mg_proc_arity(Value proc);
/* A Proc that calls a C function: fn(yielded_arg_or_first, data, argc, argv, blk). */
typedef Value (*MgBlockFunc)(Value arg, Value data, int argc, const Value *argv, Value blk);
Value mg_proc_new_cfunc(MgBlockFunc fn, Value data, bool lambda);
void  mg_proc_set_arity1(Value proc);     /* a C lambda that takes exactly one argument: arity 1 */
/* Symbol#to_proc */
Value mg_sym_to_proc(ID name);

/* ---- raising (never return) ---- */
NORETURN void mg_raise(RClass *cls, const char *fmt, ...) PRINTF(2, 3);
NORETURN void mg_raise_exc(Value exc);
NORETURN void mg_raise_str(RClass *cls, Value msg);
/* Common errors with CRuby's exact messages */
NORETURN void mg_raise_argc(int given, int min, int max);  /* "wrong number of arguments (given 1, expected 2)" / "2+" / "1..2" */
/* "nil", "true", "false" or the class name, as CRuby's messages name a value's type. No allocation. */
const char *mg_builtin_class_name(Value v);
NORETURN void mg_raise_type(Value v, const char *expected);  /* "no implicit conversion of Integer into String" ("from nil" for nil) */
NORETURN void mg_raise_nomethod(Value recv, ID mid, int argc, const Value *argv);  /* "undefined method `x' for nil:NilClass" */
NORETURN void mg_raise_frozen(Value v);
NORETURN void mg_raise_nomem(void);       /* preallocated NoMemoryError, no allocation */
NORETURN void mg_raise_stack(void);       /* SystemStackError "stack level too deep" */
void mg_check_argc(int argc, int min, int max);   /* raises mg_raise_argc if out of range; max -1 = unlimited */

/* Build an exception object without raising. */
Value mg_exc_new(RClass *cls, const char *fmt, ...) PRINTF(2, 3);
Value mg_exc_new_str(RClass *cls, Value msg);
Value mg_exc_message(Value exc);          /* calls #message */

/* ---- rescuing ---- */
/* Runs fn(arg). If it raises, returns MG_UNDEF and stores the exception in *exc
 * (when exc is non-NULL); otherwise returns fn's value and sets *exc to nil.
 * Also catches throw/break/non-local return crossing it? No: those pass through
 * unless they are exceptions. */
Value mg_protect(Value (*fn)(Value), Value arg, Value *exc);
/* Runs fn(arg) then always ensure_fn(earg), re-raising whatever fn raised. */
Value mg_ensure(Value (*fn)(Value), Value arg, void (*ensure_fn)(Value), Value earg);
/* Runs fn(arg); if it raises an exception that is_kind_of cls, returns rescue_fn(rarg, exc). */
Value mg_rescue(Value (*fn)(Value), Value arg, RClass *cls, Value (*rescue_fn)(Value, Value), Value rarg);
/* catch/throw from C */
Value mg_catch(Value tag, Value (*fn)(Value tag, Value arg), Value arg);
NORETURN void mg_throw(Value tag, Value val);

/* ---- globals, eval, frames ---- */
Value mg_gvar_get(ID name);
void  mg_gvar_set(ID name, Value v);
/* A global backed by C: getter/setter may be NULL (read-only / plain). */
void  mg_define_virtual_gvar(const char *name, Value (*getter)(ID), void (*setter)(ID, Value));
/* A plain global whose assignments go through check (it answers the value to store, or raises). */
void  mg_define_checked_gvar(const char *name, Value (*check)(ID, Value));
/* Evaluate Ruby source at top level (file name for backtraces); raises SyntaxError on parse errors. */
Value mg_eval_string(const char *src, size_t len, const char *file, int line);
Value mg_eval_string_in(Value self, const char *src, size_t len, const char *file, int line);
/* Load/require a file (require tracks $LOADED_FEATURES, searches $LOAD_PATH). */
Value mg_require(const char *feature);
/* The persistent $LOADED_FEATURES (store/code.c): persisted(path) is true
 * when a require done in persistent mode and committed loaded path (require
 * then does not load it again); loaded(path) runs after every file require
 * loads (it records the path when the mode is persistent). */
extern bool (*mg_feature_persisted_hook)(Value path);
extern void (*mg_feature_loaded_hook)(Value path);
/* After require loaded a builtin C library (src/ext): the persistent
 * $LOADED_FEATURES records it too, and each later process runs its C part at
 * start-up (the Ruby files around it are not read again). */
extern void (*mg_ext_loaded_hook)(const char *feature);
/* MagLev's tooling switches (maglev-ruby -M...): -MtraceLoad prints each
 * file loaded, -MtraceGlobals each global variable assignment, -MlogSexp the
 * parse tree of each file compiled (to stderr); -MnoCaptureStack makes raised
 * exceptions keep no backtrace. */
enum { MG_TRACE_LOAD = 1, MG_TRACE_GLOBALS = 2, MG_LOG_SEXP = 4, MG_NO_CAPTURE_STACK = 8 };
extern int mg_maglev_switches;
extern int mg_vm_main_loop;
/* A source's frozen_string_literal magic comment: 1 true, 0 false, -1 none. */
int mg_vm_frozen_magic(const char *src, size_t len);
/* The source encoding its magic comment names (run.c: -1 UTF-8, ENC_BINARY,
 * ENC_US_ASCII; -2 none), and the one a source without it compiles in. */
int mg_vm_source_enc_magic(const char *src, size_t len);
extern int mg_source_enc_default;
extern bool mg_frozen_string_default;   /* --enable=frozen-string-literal: literals frozen without a magic comment */          /* maglev-ruby -n/-p/-l/-a: MG_LOOP_* flags for the main script */
/* TracePoint (core/trace.c): the events of the enabled TracePoints; the VM
 * calls mg_trace_fire where an event happens only when its bit is set. */
enum {
    MG_EV_CALL = 1 << 0, MG_EV_RETURN = 1 << 1, MG_EV_C_CALL = 1 << 2, MG_EV_C_RETURN = 1 << 3,
    MG_EV_B_CALL = 1 << 4, MG_EV_B_RETURN = 1 << 5, MG_EV_CLASS = 1 << 6, MG_EV_END = 1 << 7,
    MG_EV_RAISE = 1 << 8, MG_EV_ALL = (1 << 9) - 1,
};
extern uint32_t mg_trace_events;
void  mg_trace_fire(uint32_t event, Value self, ID mid, ID callee, RClass *klass, Value value);
/* $VERBOSE is nil (-W0, or set so): warnings print nothing. */
bool  mg_verbose_nil(void);
/* Makes the VM call mg_vm_checkpoint at its next safe point. */
void  mg_vm_request_checkpoint(void);
Value mg_load_file(const char *path, bool wrap);
/* The self and the name of the innermost Ruby-level method (for __method__ etc.) */
Value mg_current_self(void);
ID    mg_current_method_name(void);
ID    mg_current_callee_name(void);
ID    mg_current_cfunc_name(void);      /* of the running C method, 0 in Ruby code */
/* Backtrace of the current stack as an Array of Strings ("file:line:in `meth'"). */
Value mg_backtrace(int skip);
/* Safe point: lets the GC, thread scheduler and signal handlers run. */
void  mg_vm_checkpoint(void);
/* True when a checkpoint has work (timeslice over, signal): C loops test it cheaply. */
bool  mg_vm_interrupt_pending(void);
/* Raises SystemStackError when the running C stack (the process's or a
 * fiber's) is nearly used up: C code that recurses on data calls it. */
void  mg_vm_stack_check_c(void);

/* ---- lifecycle ---- */
typedef struct {
    int argc; char **argv;        /* ARGV for the script */
    const char *script_name;      /* $0 */
    bool warnings;                /* -w */
    bool quiet;                   /* -W0: $VERBOSE is nil, warn and warnings print nothing */
    bool debug;
} MgVMOptions;
void  mg_vm_init(const MgVMOptions *opts);   /* after mg_init_object_model and the core inits */
/* Run a whole program: parse, compile, execute, report an uncaught exception
 * CRuby-style on stderr, run at_exit handlers. Returns the process exit status. */
int   mg_vm_run_main(const char *src, size_t len, const char *file);
/* Called when the main program ends without an exception (maglev-ruby -Mcommit
 * commits there); an exception it raises is reported and the exit status is 1. */
extern void (*mg_vm_main_done_hook)(void);
/* Parse only (-c): prints "Syntax OK" or the error; returns the exit status. */
int   mg_vm_check_syntax(const char *src, size_t len, const char *file);
/* Print an uncaught exception as CRuby does ("file:line:in `m': msg (Class)" + backtrace) to stderr. */
void  mg_vm_report_exception(Value exc);
/* Run at_exit blocks in reverse order; returns the exit status to use. */
int   mg_vm_finish(int status);

/* ---- $_ (frame-local like $~; $~ is declared in core.h) ---- */
Value mg_lastline_get(void);
void  mg_lastline_set(Value line);
/* Early part of mg_vm_init: allocates the VM stacks so core init code may call methods. */
void  mg_vm_boot(void);

#endif
