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

/* Nesting limits: deep input is a syntax error, not a C stack overflow.
 * MAX_DEPTH counts recursive parser calls (several per nesting level);
 * MAX_STACK bounds the C stack the parser may use below mg_parse's frame. */
#define MAX_DEPTH 10000
#define MAX_STACK (2u << 20)

typedef struct Scope {
    struct Scope *prev;
    ID *vars;
    int count, capacity;
    bool is_block;              /* a block or lambda: sees the enclosing locals */
    bool has_params;            /* explicit block params: `_1` is not a numbered param */
    int numparam;               /* highest _N used in this block */
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
    Scope *scope;
    int depth;
    uintptr_t stack_base;       /* address of a local of mg_parse */
    jmp_buf jb;
    const char *file;
    int line0;                  /* number of the first source line */
    bool no_do;                 /* a `do` here belongs to an enclosing command call or loop */
    bool no_in;                 /* `expr in pat` is not allowed here (case subject, for) */
    bool label_pending;         /* a "string": label was just parsed */
    bool in_def;
    Node *last_begin;           /* the node of the latest `begin ... end` (for `end while`) */
};

/* parser.c */
Token *peek(Parser *P);
void advance(Parser *P);
bool accept(Parser *P, int type);
void expect(Parser *P, int type, const char *expecting);
NORETURN void syntax_error(Parser *P, const char *expecting);
NORETURN void error_at(Parser *P, const Token *t, const char *fmt, ...) PRINTF(3, 4);
NORETURN void error_node(Parser *P, const Node *n, const char *fmt, ...) PRINTF(3, 4);
void skip_newlines(Parser *P);
void skip_terms(Parser *P);
void enter(Parser *P);
void leave(Parser *P);

Node *node_new(Parser *P, int kind, int line, int col);
Node *node_at(Parser *P, int kind, const Token *t);
void vec_push(Parser *P, NodeVec *v, Node *n);
void set_list(Parser *P, Node *n, NodeVec *v);
Node *list1(Parser *P, Node *n, Node *item);
Node *make_seq(Parser *P, Node *stmt);

Scope *scope_push(Parser *P, bool is_block);
void scope_pop(Parser *P);
void declare(Parser *P, ID id);
bool is_local(Parser *P, ID id);

Node *parse_compstmt(Parser *P);
Node *parse_stmt(Parser *P);
Node *parse_body_stmt(Parser *P, Node *body_head);
Node *parse_def(Parser *P);
Node *parse_class(Parser *P);
Node *parse_module(Parser *P);
Node *parse_if(Parser *P, bool is_unless);
Node *parse_while(Parser *P, bool is_until);
Node *parse_case(Parser *P);
Node *parse_for(Parser *P);
Node *parse_begin(Parser *P);
Node *cond(Parser *P, Node *n);
Node *parse_params(Parser *P, int close, bool is_block);
void check_term_or_then(Parser *P);

/* parse_expr.c */
Node *parse_expr(Parser *P);
Node *parse_expr_stmt(Parser *P);
Node *parse_arg(Parser *P);
Node *parse_primary(Parser *P);
Node *parse_primary_value(Parser *P);
bool begins_expr(const Token *t);
bool begins_arg(const Token *t);
Node *parse_block(Parser *P, bool brace);
Node *parse_lambda(Parser *P);
Node *parse_string(Parser *P);
Node *parse_fname_sym(Parser *P);
Node *assignable(Parser *P, Node *n);
Node *parse_mlhs_item(Parser *P);
Node *parse_call_args_list(Parser *P, int close, Node *call);
Node *number_node(Parser *P, const Token *t, bool negative);
Node *new_call(Parser *P, Node *recv, ID name, int line, int col);
ID intern(const char *s);

/* parse_pat.c */
Node *parse_pattern_top(Parser *P);
Node *parse_case_in(Parser *P, Node *subject, int line, int col);

#endif
