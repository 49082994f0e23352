/* vm_int.h -- the interpreter's private structures: Code objects, call
 * sites, frames, environments, procs and the unwinding state.
 * Shared by the files of src/vm and src/compile, and src/core/proc.c and kernel.c.
 *
 * Frames (design notes, see also docs):
 *  1. Frames live in a fixed array (vm.frames .. vm.frame_end); values live in
 *     a fixed VM stack (vm.stack .. vm.stack_end). Neither is ever moved, so
 *     Frame pointers and stack pointers stay valid while the frame lives.
 *  2. A Ruby frame's locals are frame->locals[0..code->nlocals): on the VM
 *     stack for codes compiled in stack mode, or in the frame's Env (a heap
 *     T_DATA) for codes that contain blocks or eval (env mode, decided at
 *     compile time). Blocks reach outer locals through their Proc's Env chain.
 *  3. A C method call pushes a FRAME_CFUNC frame too (backtraces, $~, the
 *     orphaning of block literals), with no locals.
 *  4. Every non-local exit (raise, break, return from a proc, throw) is a
 *     longjmp to the innermost Handler; vm_exec's handler unwinds its own
 *     frames one by one through their catch tables (rescue/ensure/break).
 */
#ifndef MG_VM_INT_H
#define MG_VM_INT_H

#include "vm.h"
#include <setjmp.h>
#include "../core/core.h"

typedef enum {
#define OP(name, n, eff) OP_##name,
#include "opcodes.def"
#undef OP
    OP__COUNT
} Opcode;
extern const char *const mg_op_names[];
extern const uint8_t mg_op_operands[];

/* CONCATSTR's operand: the count of parts in its low 24 bits; above, where
 * the result starts in a binary or us-ascii source (an empty String of that
 * encoding, the parts appended to it); 0: UTF-8, or binary after a binary first part */
#define MG_CONCAT_COUNT(a)  ((a) & 0xffffffu)
#define MG_CONCAT_BINARY    (1u << 24)
#define MG_CONCAT_US_ASCII  (2u << 24)

/* call-site flags */
enum {
    CI_FCALL    = 1 << 0,   /* no explicit receiver: private allowed */
    CI_VCALL    = 1 << 1,   /* bare identifier */
    CI_SPLAT    = 1 << 2,   /* positional args were built into one Array */
    CI_KW       = 1 << 3,   /* last positional arg is a keywords Hash */
    CI_BLOCKARG = 1 << 4,   /* a &blk value is pushed last */
    CI_SAFE     = 1 << 5,   /* &. */
    CI_ATTRASGN = 1 << 6,   /* x.y = v: self.y= allowed for private */
    CI_ZSUPER   = 1 << 7,
    CI_KWSPLAT  = 1 << 8,   /* kw hash came from ** only: drop it when empty */
    CI_SELFRECV = 1 << 9,   /* receiver written as `self`: private setters allowed */
    CI_KWLIT    = 1 << 10,  /* the last nkw values are keywords named by kwnames: no Hash (call.c) */
};

typedef struct CallInfo {
    ID mid;
    uint16_t argc;          /* values after the receiver, excluding the block arg */
    uint16_t flags;
    int32_t block;          /* literal index of a block Code, or -1 */
    uint16_t nkw;           /* CI_KWLIT: how many of the argc values are keywords, */
    ID *kwnames;            /* and their names (owned by the Code) */
    RClass *ic_klass;       /* inline cache */
    uint64_t ic_serial;
    MethodEntry *ic_me;
    /* set with the cache when ic_me is a Ruby method this site can call on
     * the fast path (call.c: public or callable here, only required
     * parameters, exactly argc of them, no splat/keywords/&blk) */
    struct Code *ic_code;
    struct MethodBody *ic_body;
    uint32_t ic_attr;       /* attr_reader/writer: ivar index + 1 in ic_klass's objects, or 0 */
    /* the entry the cache held before its last refill: a site that sees two
     * classes (a class and its subclass) hits one or the other */
    struct { RClass *klass; uint64_t serial; MethodEntry *me; struct Code *code; struct MethodBody *body; uint32_t attr; } ic2;
} CallInfo;

/* an ivar site's cache: the last class seen, and three earlier ones (a method
 * of a superclass runs on the instances of several subclasses) */
typedef struct { RClass *klass; uint32_t index; RClass *more[3]; uint32_t more_index[3]; uint32_t next; } IvarCache;
typedef struct { uint64_t serial, mserial; Value cref; Value value; } ConstCache;

enum { CATCH_RESCUE, CATCH_ENSURE, CATCH_BREAK };
typedef struct { uint8_t type; uint32_t start, end, cont, depth; } CatchEntry;
typedef struct { uint32_t pc; int line; } LineEntry;

enum { CODE_TOP, CODE_METHOD, CODE_BLOCK, CODE_CLASS, CODE_EVAL, CODE_REQUIRED };

/* parameter description; param locals come first: lead, opt, rest, post, kw, kwrest, block */
typedef struct {
    uint16_t lead, opt, post, nkw, kwreq;
    int16_t rest, kwrest, blockp;       /* local index or -1 */
    int16_t kwstart;                    /* first kw local */
    bool has_kw, nokw, fwd, excess_comma, anon_rest, anon_kwrest, anon_block;
    bool ruby2_keywords;                /* Module#ruby2_keywords: keywords join *rest flagged */
    ID *kws;                            /* nkw names; required ones first */
} ParamInfo;

typedef struct Code {
    uint32_t *insns; uint32_t ninsns;
    Value *lits; uint32_t nlits;
    CallInfo *cis; uint32_t ncis;
    IvarCache *ivcs; uint32_t nivcs;
    ConstCache *ccs; uint32_t nccs;
    CatchEntry *catches; uint32_t ncatches;
    LineEntry *lines; uint32_t nlines;
    ID *local_names; uint32_t nlocals;
    uint32_t max_stack;
    ParamInfo params;
    uint8_t kind;
    bool env_mode;
    bool is_lambda_body;                /* ->(){} */
    int16_t svar_slot;                  /* unused */
    ID name;                            /* method name (0 for top/blocks) */
    Value label;                        /* "foo", "block in foo", "<main>" ... (String) */
    Value file;                         /* String */
    int line, last_line;
    Value parent;                       /* enclosing Code (nil at top) */
    Value self_value;                   /* the T_DATA wrapping this Code */
    Value source;                       /* methods: the compiled unit's source text (String) or nil */
    uint32_t src_off, src_len;          /* the def's span in source */
    bool src_singleton;                 /* the span is `def recv.name` */
} Code;

/* Source text of the unit being compiled, set around mg_compile by
 * mg_vm_compile_source so method Codes can keep their definition's span. */
extern const char *mg_compile_src;
extern size_t mg_compile_src_len;

typedef struct Env {
    Value parent;           /* enclosing Env (nil) */
    struct Frame *frame;    /* owning frame while it lives, else NULL */
    Code *code;             /* for local names (eval, binding) */
    Value code_obj;
    uint32_t count;
    uint32_t heap;          /* the payload is a separate allocation (env_free releases it) */
    Value vals[];           /* count locals */
} Env;

typedef struct Cref {
    RClass *klass;
    Value next;             /* Cref or nil */
    Value refinements;      /* nil or Array of the Refinements `using` activated here (refine.c) */
} Cref;


enum {
    PROC_LAMBDA   = 1 << 0,
    PROC_LITERAL  = 1 << 1, /* made from a block literal for one call */
    PROC_ORPHAN   = 1 << 2, /* the call that got the literal has returned */
    PROC_CFUNC    = 1 << 3,
    PROC_SYM      = 1 << 4,
    PROC_METHOD   = 1 << 5, /* Method#to_proc: data is the Method */
    PROC_BMETHOD  = 1 << 6,
    PROC_FROMLAMBDA_OP = 1 << 7,
    PROC_CURRY    = 1 << 8,
    PROC_ARITY1   = 1 << 9, /* a C lambda of exactly one argument (Hash#to_proc): arity 1 */
};

typedef struct Proc {
    Value code;             /* Code object (nil for cfunc procs) */
    Value env;              /* captured Env of the creating frame (nil) */
    Value self;
    Value cref;
    Value block;            /* block of the creating frame (yield inside the proc) */
    Value def_target;       /* class where `def` defines (RClass* as Value), or nil */
    MethodEntry *me;        /* method of the creating frame (super, __method__) */
    Value me_owner;         /* keeps the owner alive */
    Value data;             /* cfunc data / Method / Symbol */
    MgBlockFunc fn;
    uint32_t flags;
    int32_t home_depth;     /* frame index of the creating frame */
    ID sym;
} Proc;

typedef struct MethodBody {     /* MethodEntry.u.code of an ME_ISEQ method */
    Value code;
    Value cref;
    Value def_target;
} MethodBody;

enum {
    FRAME_METHOD  = 1 << 0,
    FRAME_BLOCK   = 1 << 1,
    FRAME_CFUNC   = 1 << 2,
    FRAME_FINISH  = 1 << 3,   /* returning from it returns from vm_exec */
    FRAME_LAMBDA  = 1 << 4,
    FRAME_TOP     = 1 << 5,
    FRAME_CLASS   = 1 << 6,
    FRAME_EVAL    = 1 << 7,
    FRAME_LITBLOCK = 1 << 8,  /* its block is a literal made for this call: orphan on pop */
    FRAME_BMETHOD = 1 << 9,
    FRAME_KW      = 1 << 10,  /* cfunc called with keywords */
    FRAME_BT_HIDE = 1 << 11,  /* not in backtraces: a C method's frame while its :c_call/:c_return
                               * hooks run (CRuby runs them outside the method's frame) */
    FRAME_DEFSCOPE = 1 << 12, /* a block run by class_eval/instance_eval (Class.new, Module.new):
                               * a definition scope of its own (private; def ...) */
    FRAME_CTOR    = 1 << 14,  /* initialize run inline by Class#new (call.c): returning from it
                               * also pops the `new` frame below and yields self */
};

typedef struct Frame {
    Code *code;             /* NULL for C frames */
    const uint32_t *pc;     /* next instruction (saved) */
    Value *base;            /* first stack slot of this frame (args/locals) */
    Value *locals;          /* base or env->vals */
    Value *sp;              /* saved stack pointer while calling out */
    Value self;
    Value env;              /* own Env or nil */
    Value outer;            /* Env of the enclosing scope (blocks) or nil */
    Value block;            /* block for yield: nil or Proc */
    Value proc;             /* the Proc running (blocks) or nil */
    Value cref;
    Value def_target;       /* RClass* as Value, or nil: singleton of self */
    Value backref;          /* $~ */
    Value lastline;         /* $_ */
    MethodEntry *me;        /* method (methods, cfuncs; blocks inherit) */
    Value code_obj;
    uint32_t flags;
    uint8_t vis;            /* default visibility for `def` in this scope */
    uint8_t argc;           /* cfunc frames: for backtraces nothing else */
    ID mid;                 /* cfunc name */
} Frame;

typedef enum { TH_NONE, TH_RAISE, TH_BREAK, TH_RETURN, TH_THROW, TH_EXIT } ThrowKind;

typedef struct Handler {
    jmp_buf jb;
    struct Handler *prev;
    Frame *fp;
    Value *sp;
    size_t arena;
    int cdepth;
} Handler;

typedef struct GVar {
    Value val;
    Value (*getter)(ID);
    void (*setter)(ID, Value);
    Value (*check)(ID, Value);  /* a plain global's assignment: the value stored, or raises */
    bool defined;
    ID alias_of;
    Value trace;            /* trace_var: Array of commands run after each assignment, or nil */
} GVar;

typedef struct VM {
    Value *stack, *stack_end, *sp;
    Frame *frames, *frame_end, *fp;
    Handler *handler;
    /* pending non-local exit */
    ThrowKind th_kind;
    Value th_val;
    Value th_tag;           /* throw tag */
    Frame *th_target;       /* break/return target */
    Value errinfo;          /* $! */
    Value gvars_unused;
    Value at_exit;          /* Array of Procs */
    Value loaded;           /* $LOADED_FEATURES */
    Value load_path;        /* $LOAD_PATH */
    Value catch_tags;       /* Array of active catch tags */
    Value main_obj;
    Value top_cref;
    Value script_name;
    Value argv;
    Value protect_list;     /* values C code asked us to keep */
    bool kw_flag;           /* the current cfunc got keywords */
    int cdepth;             /* nested vm_exec / C entries */
    int cdepth_max;
    char *cstack_base;
    size_t cstack_limit;
    bool warnings;
    bool in_exit;
    int nomethod_vcall;     /* next method_missing came from a vcall (1) / fcall (2) / private (3) / protected (4) */
    Value last_exc_pending;
    uint64_t const_serial;
    const MethodEntry *bmethod_me;  /* set just before invoking a define_method body */
    bool bmethod_lit;
    volatile int interrupt;
    Value pat_reason;       /* why the last pattern failed (String) */
    Value pat_key;          /* missing key (NoMatchingPatternKeyError) or undef */
} VM;

extern VM mg_vm;
#define VMS (&mg_vm)

/* ---- data types ---- */
extern const DataType mg_code_type, mg_env_type, mg_proc_type, mg_cref_type, mg_body_type, mg_throw_type;
static inline Code *mg_code_ptr(Value v) { return (Code *)MG_RDATA(v)->ptr; }
/* Procs and Envs can be persistent (store/closure.c): an unfaulted one is read first. */
static inline Proc *mg_proc_ptr(Value v) { mg_ensure_faulted(MG_OBJ(v)); return (Proc *)MG_RDATA(v)->ptr; }
static inline Env *mg_env_ptr(Value v) { mg_ensure_faulted(MG_OBJ(v)); return (Env *)MG_RDATA(v)->ptr; }
static inline Cref *mg_cref_ptr(Value v) { return (Cref *)MG_RDATA(v)->ptr; }
/* the top-level scope (VM.top_cref, or its copy made by `using`) */
static inline bool mg_cref_is_top(Value cref)
{
    return cref != MG_NIL && mg_cref_ptr(cref)->klass == mg_cObject && mg_cref_ptr(cref)->next == MG_NIL;
}

/* refine.c */
extern bool mg_refinements_used;           /* some `using` ran: calls check Cref.refinements */
bool mg_vm_is_refinement(const RClass *m);
bool mg_vm_refinements_active(Frame *f);
MethodEntry *mg_vm_refined_lookup(Frame *f, RClass *klass, ID mid);
MethodEntry *mg_vm_refinement_super(RClass *owner, ID mid);
Value mg_vm_active_refinements(Frame *f);
MethodEntry *mg_vm_refined_lookup_in(Value refinements, RClass *klass, ID mid);
void mg_init_refinements(void);
void mg_init_autoload_note(void);
/* ext/coverage.c: OP_COVLINE counts a line run into a coverage record while Coverage runs */
extern bool mg_coverage_running;
void mg_coverage_count(Value rec, uint32_t line);
/* method coverage: OP_COVMETHOD counts a call; mg_vm_define_method tells which class
 * a covered method went to (mg_coverage_methods: some are being measured) */
extern bool mg_coverage_methods;
void mg_coverage_method_called(Value entry);
void mg_coverage_defined(Value code, RClass *klass);   /* call.c: Module#__autoload_note for lib/prelude/autoload.rb */
static inline bool mg_is_proc(Value v) { return MG_IS_TYPE(v, T_DATA) && MG_RDATA(v)->type == &mg_proc_type; }

/* ---- compile.c ---- */
/* Compile a parsed program into a Code object. kind: CODE_TOP / CODE_REQUIRED / CODE_EVAL.
 * For eval, `outer_env` (an Env or nil) gives the visible locals.
 * Raises SyntaxError for compile-time errors. */
Value mg_compile(const void *root, const char *file, int kind, Value outer_env, ID method_name);
Value mg_compile_block(const void *root, const char *file, Value outer_env);
/* Parses src (outer_env's locals read as variables) and compiles its block
 * literal with mg_compile_block. Raises SyntaxError; nil for another shape. */
Value mg_vm_compile_block_source(const char *src, size_t len, const char *file, int line, Value outer_env);
Value mg_code_new(void);
extern bool mg_compile_frozen_strings;
extern int mg_compile_source_enc;
Value mg_vm_compile_source(const char *src, size_t len, const char *file, int line, int kind, Value outer_env, ID mname);
Value mg_vm_compile_eval(Value s, const char *file, int line, Value outer_env, ID mname);   /* eval: in the String's encoding when binary or US-ASCII */
Value mg_vm_run_file_code(const char *src, size_t len, const char *file, bool required);
Frame *mg_vm_push_frame_for(Code *code, Value *base, Value *ret, uint32_t flags, Value self, Value outer, Value cref, Value def_target, Value block, MethodEntry *me);
int   mg_code_line(const Code *c, const uint32_t *pc);

/* ---- vm.c ---- */
Value mg_vm_exec(void);     /* run vm.fp until its FINISH frame returns */

/* ---- call.c ---- */
Frame *mg_vm_push_frame(void);
void   mg_vm_pop_frame(void);
/* Dispatch a call whose receiver is at recv[0] and args at recv[1..argc] on the VM stack.
 * Returns the result (stack cleaned to recv), or MG_UNDEF when a Ruby frame was pushed
 * and the interpreter loop must run it (only when `inloop`). */
Value  mg_vm_call(Value *recv, int argc, ID mid, Value blk, uint32_t flags, CallInfo *ci, bool inloop);
Value  mg_vm_call_me(Value *recv, int argc, const MethodEntry *me, ID mid, Value blk, bool kw, bool inloop, RClass *defined);
void   mg_vm_capture_builtins(void);    /* at boot: remembers Class#new for the inline constructor path */
/* A send whose cache hit a simple Ruby method (ci->ic_code, no block): pushes its frame. */
void   mg_vm_call_cached(Value *recv, CallInfo *ci);
/* Likewise for ci->ic_attr: the result replaces recv[0]; false when the general path is needed. */
bool   mg_vm_attr_cached(Value *recv, CallInfo *ci);
Value  mg_vm_invoke_proc(Value proc, Value *args, int argc, Value blk, bool kw, Value self_override, Value def_target, bool inloop, bool as_lambda);
Value  mg_vm_super(Value *recv, int argc, Value blk, uint32_t flags, bool inloop);
Value  mg_vm_invoke_block(Value *args, int argc, uint32_t flags, bool inloop);
Value  mg_to_block(Value v);
Value  mg_proc_new_from_block(Frame *f, Value code, bool lambda);
Frame *mg_vm_ruby_frame(void);          /* innermost frame with Ruby code */
Frame *mg_vm_caller_frame(void);        /* the Ruby frame that called the current C method */
Frame *mg_vm_local_frame(Frame *f);     /* method-level frame for svars */
Frame *mg_vm_scope_frame(Frame *f);     /* the frame whose vis is the default visibility of a def in f */
Value  mg_cref_new(RClass *k, Value next);
/* An Env of count nil locals with no frame and no local names. */
Value  mg_env_new_detached(uint32_t count, Value parent);
extern const struct MgDataPersist mg_env_persist, mg_proc_persist;   /* store/closure.c */
RClass *mg_vm_def_target(Frame *f);
void   mg_vm_define_method(Frame *f, ID name, Value code, bool singleton, Value obj);
Value  mg_method_body_new(Value code, Value cref, Value def_target);
bool   mg_vm_check_stack(size_t need);
void   mg_vm_stack_check_c(void);       /* C stack guard */
Value  mg_vm_const_lookup(Frame *f, ID id, bool *found);
Value  mg_vm_const_get(Frame *f, ID id, bool *found);     /* as mg_vm_const_lookup, running lexical autoloads (GETCONST) */
Value  mg_vm_cvar_base(Frame *f);
int    mg_params_arity(const ParamInfo *p, bool lambda);
Value  mg_params_list(const Code *c, bool lambda);
extern Value mg_vm_nomethod_hook_unused;

/* ---- raise.c ---- */
NORETURN void mg_vm_throw(ThrowKind kind, Value val, Frame *target, Value tag);
NORETURN void mg_vm_rethrow(void);      /* propagate vm.th_* to the next handler */
Value  mg_throw_obj_new(void);          /* wrap the pending non-exception throw */
void   mg_throw_obj_restore(Value obj);
void   mg_vm_unwind_to(Frame *fp);      /* pop frames above fp */
Value  mg_vm_backtrace_from(Frame *top, int skip);
void   mg_vm_set_errinfo(Value v);

/* ---- vm_ops.c: instruction helpers ---- */
Value mg_vm_push_body(Code *code, Value *base, Value *ret, Value self, Value cref, RClass *def, uint32_t flags);
Value mg_vm_pattern_deconstruct(Value v, int min, int max);
Value mg_vm_pattern_keys(Value v, Value keys);
void  mg_vm_nomatch(Value v, bool single);
Value mg_vm_defined(Frame *f, int type, ID id, Value v, Value lit);
void  mg_vm_checkmatch_reason(Value pat, Value v);
Value mg_vm_const_from(Value scope, ID id, bool raise);
void  mg_vm_const_deprecated(RClass *owner, ID id);   /* a deprecated constant's warning, CRuby's words */
/* CRuby's "already initialized constant" warning (and where the previous
 * definition was) when k already has id; none under -W0. */
void  mg_vm_warn_const_reassigned(RClass *k, ID id, Value file, int line);
Value mg_vm_make_regex(Value str, int opts);
Value mg_vm_regex_literal_error(Value str, int opts);   /* RegexpError message or nil */
void  mg_vm_alias(Frame *f, Value newv, Value oldv);
void  mg_vm_undef(Frame *f, Value sym);
Value mg_vm_backref_part(int kind, int n);
Value mg_vm_defclass(Frame *f, Value cbase, Value super, ID id, bool has_super, bool module);
void  mg_vm_gvar_alias(ID newid, ID oldid);
Value mg_vm_throwreturn(Frame *f, Value val);
void  mg_vm_throwbreak(Frame *f, Value val);
Value mg_vm_expand(Value *dst, Value v, int pre, int rest, int post);


/* ---- eval.c ---- */
Value mg_vm_eval(Value src, Value binding_env, Value self, Value cref, Value def_target, const char *file, int line, bool use_caller);
Value mg_binding_new(Frame *f);
void  mg_prelude_load(void);
void  mg_init_eval(void);

/* ---- helpers ---- */
Value mg_label_for(Frame *f);
void  mg_vm_trace_leave(Frame *f, Value val);   /* core/trace.c: a frame's :return/:b_return/:end */
const char *mg_frame_file(Frame *f);
int   mg_frame_line(Frame *f);
extern bool mg_vm_booted;

#endif
