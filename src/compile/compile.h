/* compile.h -- the bytecode compiler's internal state (AST -> Code).
 * Split over compile.c (scopes, statements, control flow), compile_call.c
 * (calls, arguments, assignment) and compile_pat.c (defined?, case/in). */
#ifndef MG_COMPILE_H
#define MG_COMPILE_H

#include "../vm/vm_int.h"
#include "../parse/ast.h"

typedef struct Loop {
    struct Loop *prev;
    bool is_while;
    int depth;                  /* stack depth at the loop's base */
    int nens;                   /* ensure stack size when entered */
    uint32_t next_pc, redo_pc;
    uint32_t *breaks; int nbreaks, cbreaks;
    uint32_t *nexts; int nnexts, cnexts;
} Loop;

typedef struct Ens {
    Node *body;
    uint32_t piece_start;
    int level;
    int depth;
} Ens;

typedef struct Retry {
    struct Retry *prev;
    uint32_t start;
    int depth;
    int nens;
    int old_errinfo;            /* hidden local holding $! before the begin */
} Retry;

typedef struct Comp {
    struct Comp *parent;
    Value code_obj;
    Code *code;
    int kind;                   /* CODE_* */
    bool env_mode;
    bool transparent;           /* for-loop body: new locals belong to the parent */
    bool eval_outer;            /* synthetic scope for an eval's visible locals */
    bool is_lambda;
    uint32_t capa_insns, capa_lits, capa_cis, capa_catch, capa_lines, capa_locals;
    int depth, max_depth;
    int level;                  /* nesting of protected regions */
    Loop *loop;
    Ens ens[64]; int nens;
    Retry *retry;
    const char *file;
    int block_level;
    ID method_name;
    Node *method_params;        /* PARAMS of the method for zsuper */
    int last_line;
    uint32_t block_start;       /* redo target in blocks */
    Value cov;                  /* line coverage: [counts, oneshot list or nil] of the file; MG_NIL when off */
    int cov_line;               /* the line of this code's last COVLINE */
} Comp;

/* Line coverage (ext/coverage.c sets it while Coverage is set up): called once per
 * file compiled by require/load with the file's line count; returns the record its
 * code's OP_COVLINEs count into, or MG_NIL for no coverage. May allocate. */
extern Value (*mg_compile_coverage_hook)(const char *file, int nlines);
/* Method coverage: for a def compiled into a covered file (rec), its entry
 * (name, start line/column, end line/column) or MG_NIL when methods are not measured. */
extern Value (*mg_compile_coverage_method_hook)(Value rec, Value code, ID name, int sl, int sc, int el, int ec);

extern bool mg_compile_frozen_strings;
/* The source's encoding from its magic comment (run.c): -1 UTF-8, the
 * default; ENC_BINARY (ascii-8bit, binary) or ENC_US_ASCII (us-ascii). */
extern int mg_compile_source_enc;

/* compile.c */
void  cc_expr(Comp *c, Node *n);
void  cc_stmt(Comp *c, Node *n);
void  cc_body(Comp *c, Node *n);
uint32_t cc_emit(Comp *c, int op, int delta, int nops, ...);
#define E0(c, op, d)          cc_emit((c), (op), (d), 0)
#define E1(c, op, d, a)       cc_emit((c), (op), (d), 1, (uint32_t)(a))
#define E2(c, op, d, a, b)    cc_emit((c), (op), (d), 2, (uint32_t)(a), (uint32_t)(b))
#define E3(c, op, d, a, b, x) cc_emit((c), (op), (d), 3, (uint32_t)(a), (uint32_t)(b), (uint32_t)(x))
uint32_t cc_pc(Comp *c);
void  cc_patch(Comp *c, uint32_t at, uint32_t target);   /* at = pc returned by cc_emit of a jump */
uint32_t cc_jump(Comp *c, int op);                       /* emits a jump with target 0, returns its index for patching */
void  cc_here(Comp *c, uint32_t jump);
uint32_t cc_lit(Comp *c, Value v);
uint32_t cc_ci(Comp *c, ID mid, int argc, uint32_t flags, int32_t block);
uint32_t cc_ivc(Comp *c);
uint32_t cc_cc(Comp *c);
void  cc_catch(Comp *c, int type, uint32_t start, uint32_t end, uint32_t cont, int depth, int level);
void  cc_line(Comp *c, Node *n);
int   cc_local_find(Comp *c, ID id, int *depth);
int   cc_local_declare(Comp *c, ID id);                   /* in the nearest non-transparent scope */
void  cc_local_predeclare(Comp *c, ID id);                /* declare unless visible already */
int   cc_local_hidden(Comp *c);
void  cc_getvar(Comp *c, ID id);
void  cc_setvar(Comp *c, ID id);                         /* pops */
void  cc_getlocal_at(Comp *c, int depth, int idx);
void  cc_setlocal_at(Comp *c, int depth, int idx);
NORETURN void cc_error(Comp *c, Node *n, const char *msg);
Value cc_block_code(Comp *c, Node *blk, bool lambda, Node *for_target);
void  cc_inline_ensures(Comp *c, int down_to);
Comp *cc_method_scope(Comp *c);
const char *cc_base_label(Comp *c);

/* compile_call.c */
void  cc_call(Comp *c, Node *n);
void  cc_super(Comp *c, Node *n, bool zsuper);
void  cc_yield(Comp *c, Node *n);
int   cc_args(Comp *c, Node **list, int count, uint32_t *flags, bool *blockarg);
void  cc_op_asgn(Comp *c, Node *n);
void  cc_masgn(Comp *c, Node *n, bool used);
void  cc_asgn_target(Comp *c, Node *t);                  /* assigns the top value, pops it */
void  cc_expand(Comp *c, Node **list, int count);        /* top is the value; assigns targets; pops */
void  cc_send(Comp *c, ID mid, int argc, uint32_t flags, int32_t block);

/* compile_pat.c */
void  cc_defined(Comp *c, Node *n);
void  cc_case_in(Comp *c, Node *n);
void  cc_pat_match(Comp *c, Node *n);

#endif
