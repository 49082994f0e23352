/* parser_int.h -- what the parser's files (parser.c, parse_expr.c,
 * parse_pat.c) share: the Parser, token helpers, scopes, node building.
 * Not for use outside src/parse/. */
#ifndef MG_PARSER_INT_H
#define MG_PARSER_INT_H

#include "ast.h"
#include "lexer.h"
#include "../util/arena.h"
#include "../object/symbol.h"
#include <setjmp.h>

/* NF_STR_* (ast.h) of a string token's TOK_ESC_* flags (lexer.h) */
#define NF_STR_OF_TOK(f) ((((f) & TOK_ESC_U) ? NF_STR_ESC_U : 0) | (((f) & TOK_ESC_HIGH) ? NF_STR_ESC_HIGH : 0))

/* Nesting limits: deep input is a syntax error, not a C stack overflow.
 * MAX_DEPTH counts recursive parser calls (several per nesting level);
 * MAX_STACK bounds the C stack the parser may use below mg_parse's frame. */
#define MAX_DEPTH 10000
#define MAX_STACK (2u << 20)

enum { NO_DO = 1, NO_BRACE = 2 };
enum { CMD_NO = 0, CMD_ARG = 1, CMD_EXPR = 2, CMD_ASGN = 3 };

typedef struct Scope {
    struct Scope *prev;
    ID *vars;
    int count, capacity;
    bool is_block;              /* a block or lambda: sees the enclosing locals */
    bool has_params;            /* explicit block params: `_1` is not a numbered param */
    int numparam;               /* highest _N used in this block */
    bool saved_in_class;        /* Parser.in_class outside this scope */
    bool forwards;              /* a def with `...` parameters */
    bool anon_block;            /* a def with an anonymous `&` parameter */
    Token np_tok;               /* the first numbered parameter used here */
    Token inner_np;             /* the first one an inner block used (type 0: none) */
} Scope;

typedef struct {
    Node **items;
    int count, capacity;
} NodeVec;

struct Parser {
    Lexer lx;
    Arena *arena;
    Token tok;                  /* the lookahead token, valid when has_tok */
    bool has_tok;
    Token prev;                 /* the token consumed last */
    Token prev2;                /* the one before it */
    Scope *scope;
    int depth;
    uintptr_t stack_base;       /* address of a local of mg_parse */
    jmp_buf jb;
    const char *file;
    int line0;                  /* number of the first source line */
    int no_do;                  /* NO_DO: a `do` here belongs to an enclosing command call or
                                   loop; NO_BRACE: a `{` too (bare lambda params `-> a = b {`) */
    bool no_in;                 /* `expr in pat` is not allowed here (case subject, for) */
    bool label_pending;         /* a "string": label was just parsed */
    bool in_def;
    bool in_class;              /* directly in a class/module body (not in a def): `return` is invalid */
    int stmt_nest;              /* > 0 below the top-level statements (BEGIN only at top level) */
    bool last_body_empty;       /* the latest compound statement had no statement */
    int cmd_ok;                 /* the next primary may be a command call (`foo 1`, `a.b c`):
                                   CMD_ARG where parse.y's grammar allows `command` (the first
                                   call argument, an assignment's value), CMD_EXPR where it allows
                                   `expr` (a statement, `not`/`and`/`or` operands: also `!cmd`),
                                   CMD_ASGN for the value of an assignment that is itself a
                                   statement (parse.y's command_asgn, `x = y = foo 1`);
                                   the next primary consumes it (see parse_primary) */
    bool cmd_here;              /* the primary being parsed may take command arguments */
    int cmd_level;              /* the cmd_ok it was parsed at */
    Node *last_cmd;             /* the latest call given command arguments */
    NodeVec pat_vars;           /* the variables bound so far by the pattern being parsed (IDs) */
    Node *last_begin;           /* the node of the latest `begin ... end` (for `end while`) */
    struct {                    /* mg_parse_spot: where a call of `name` on `line` is */
        bool active, found;
        int line;
        ID name;
        int beg, end;           /* columns of the first one */
    } spot;
};

/* parser.c */
Token *parse_peek(Parser *P);
void parse_advance(Parser *P);
bool parse_accept(Parser *P, int type);
void parse_expect(Parser *P, int type, const char *expecting);
void parse_expect_close(Parser *P, int type, const char *expecting);
NORETURN void parse_syntax_error(Parser *P, const char *expecting);
NORETURN void parse_error_at(Parser *P, const Token *t, const char *fmt, ...) PRINTF(3, 4);
/* an error for the source span [beg, end) of `line`; with beg NULL, no source line */
NORETURN void parse_error_span(Parser *P, int line, const char *beg, const char *end, const char *fmt, ...) PRINTF(5, 6);
const char *parse_node_pos(Parser *P, const Node *n);
void parse_value_expr(Parser *P, const Node *n);
NORETURN void parse_error_node(Parser *P, const Node *n, const char *fmt, ...) PRINTF(3, 4);
void parse_skip_newlines(Parser *P);
void parse_skip_terms(Parser *P);
void parse_enter(Parser *P);
void parse_leave(Parser *P);

Node *ast_new(Parser *P, int kind, int line, int col);
Node *ast_at(Parser *P, int kind, const Token *t);
void ast_vec_push(Parser *P, NodeVec *v, Node *n);
void ast_set_list(Parser *P, Node *n, NodeVec *v);
Node *ast_list1(Parser *P, Node *n, Node *item);
Node *ast_seq(Parser *P, Node *stmt);

Scope *parse_scope_push(Parser *P, bool is_block);
bool parse_is_numparam(ID id);
bool parse_def_forwards(Parser *P);
bool parse_def_anon_block(Parser *P);
void parse_scope_pop(Parser *P);
void parse_declare(Parser *P, ID id);
bool parse_is_local(Parser *P, ID id);

Node *parse_compstmt(Parser *P);
Node *parse_stmt(Parser *P);
Node *parse_body_stmt(Parser *P);
Node *parse_def(Parser *P);
Node *parse_class(Parser *P);
Node *parse_module(Parser *P);
Node *parse_if(Parser *P, bool is_unless);
Node *parse_while(Parser *P, bool is_until);
Node *parse_case(Parser *P);
Node *parse_for(Parser *P);
Node *parse_begin(Parser *P);
Node *parse_cond(Parser *P, Node *n);
Node *parse_params(Parser *P, int close, bool is_block);
void parse_then(Parser *P);

/* note a call site of `name` spanning [from->pos, end) for mg_parse_spot */
static inline void
parse_spot(Parser *P, ID name, const Token *from, const char *end)
{
    if (P->spot.active && !P->spot.found && from->line == P->spot.line && name == P->spot.name) {
        const char *ls = from->pos - from->col;
        P->spot.found = true;
        P->spot.beg = from->col;
        P->spot.end = (int)(end - ls);
    }
}

/* parse_expr.c */
Node *parse_expr(Parser *P);
Node *parse_expr_stmt(Parser *P);
Node *parse_arg(Parser *P);
Node *parse_primary(Parser *P);
Node *parse_primary_value(Parser *P);
bool parse_begins_expr(const Token *t);
bool parse_begins_arg(const Token *t);
Node *parse_block(Parser *P, bool brace);
Node *parse_lambda(Parser *P);
Node *parse_string(Parser *P);
Node *parse_fname_sym(Parser *P);
ID parse_fname_id(Parser *P, const Token *t);
Node *parse_assignable(Parser *P, Node *n);
Node *parse_mlhs_item(Parser *P);
Node *parse_call_args_list(Parser *P, int close, Node *call);
Node *ast_number(Parser *P, const Token *t, bool negative);
Node *ast_call(Parser *P, Node *recv, ID name, int line, int col);
ID parse_intern(const char *s);

/* parse_pat.c */
Node *parse_pattern_top(Parser *P);
Node *parse_case_in(Parser *P, Node *subject, int line, int col);

#endif
