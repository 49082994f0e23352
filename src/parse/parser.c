/* parser.c -- the recursive-descent parser: tokens, errors, scopes, statements,
 * definitions and control structures. Expressions are in parse_expr.c,
 * patterns in parse_pat.c. The grammar follows CRuby 3.1's parse.y; where
 * parse.y relies on lexer feedback (the `do` of a command call, `{` of a
 * hash or a block) the parser decides structurally, see Parser.no_do.
 * Syntax errors longjmp to mg_parse's setjmp; every allocation is in the
 * arena, so nothing leaks. */
#include "parser_int.h"
#include <stdarg.h>
#include <ctype.h>

/* ---- tokens ---- */

Token *
parse_peek(Parser *P)
{
    if (!P->has_tok) {
        mg_lex_next(&P->lx, &P->tok);
        P->has_tok = true;
    }
    return &P->tok;
}

void
parse_advance(Parser *P)
{
    parse_peek(P);
    P->prev2 = P->prev;
    P->prev = P->tok;
    P->has_tok = false;
}

bool
parse_accept(Parser *P, int type)
{
    if (parse_peek(P)->type == type) { parse_advance(P); return true; }
    return false;
}

void
parse_syntax_error(Parser *P, const char *expecting)
{
    Token *t = parse_peek(P);
    const char *desc = mg_token_desc(t);
    if (expecting)
        mg_lex_error_span(&P->lx, t->line, t->pos, t->end, true, "syntax error, unexpected %s, expecting %s", desc, expecting);
    mg_lex_error_span(&P->lx, t->line, t->pos, t->end, true, "syntax error, unexpected %s", desc);
}

void
parse_expect(Parser *P, int type, const char *expecting)
{
    if (!parse_accept(P, type)) parse_syntax_error(P, expecting);
}

/* the `end` (or `}`, `)`) closing a body: CRuby names what it expects unless
 * the input ended right after an empty body */
void
parse_expect_close(Parser *P, int type, const char *expecting)
{
    if (parse_accept(P, type)) return;
    parse_syntax_error(P, parse_peek(P)->type == T_EOF && P->last_body_empty ? NULL : expecting);
}

void
parse_error_at(Parser *P, const Token *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char buf[512];
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    mg_lex_error_span(&P->lx, t->line, t->pos, t->end, true, "%s", buf);
}

void
parse_error_span(Parser *P, int line, const char *beg, const char *end, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char buf[512];
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    mg_lex_error_span(&P->lx, line, beg, end, beg != NULL, "%s", buf);
}

/* the source position of a node: its line (relative to the first) and column */
const char *
parse_node_pos(Parser *P, const Node *n)
{
    const char *q = P->lx.src, *end = P->lx.end;
    for (int line = P->line0; line < n->line && q < end; q++)
        if (*q == '\n') line++;
    for (int i = 0; i < n->col && q < end && *q != '\n'; i++) q++;
    return q;
}

/* CRuby's "void value expression": return/break/next/redo/retry used as a value */
void
parse_value_expr(Parser *P, const Node *n)
{
    while (n && (n->kind == NODE_SEQ || n->kind == NODE_BEGIN)) {
        if (n->kind == NODE_SEQ) {
            if (n->count == 0) return;
            n = n->list[n->count - 1];
        } else {
            if (n->count || n->b || n->c) return;
            n = n->a;
        }
    }
    if (!n) return;
    switch (n->kind) {
    case NODE_RETURN: case NODE_BREAK: case NODE_NEXT: case NODE_REDO: case NODE_RETRY: break;
    default: return;
    }
    const char *beg = parse_node_pos(P, n);
    const char *end = n->ival > 0 && (size_t)n->ival <= (size_t)(P->lx.end - P->lx.src) ? P->lx.src + n->ival : beg;
    parse_error_span(P, n->line, beg, end, "void value expression");
}

void
parse_error_node(Parser *P, const Node *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char buf[512];
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    /* the source position of the node: its line (relative to the first) and column */
    const char *q = P->lx.src, *end = P->lx.end;
    for (int line = P->line0; line < n->line && q < end; q++)
        if (*q == '\n') line++;
    for (int i = 0; i < n->col && q < end && *q != '\n'; i++) q++;
    /* the node ends with the token before an `=` just read, else with the last token */
    const Token *last = (P->prev.type == T_ASSIGN || P->prev.type == T_OP_ASGN) ? &P->prev2 : &P->prev;
    const char *e = last->end && last->end > q ? last->end : q;
    mg_lex_error_span(&P->lx, n->line, q, e, true, "%s", buf);
}

void
parse_skip_newlines(Parser *P)
{
    while (parse_peek(P)->type == T_NL) parse_advance(P);
}

void
parse_skip_terms(Parser *P)
{
    while (parse_peek(P)->type == T_NL || parse_peek(P)->type == T_SEMI) parse_advance(P);
}

void
parse_enter(Parser *P)
{
    char here;
    uintptr_t sp = (uintptr_t)&here;
    uintptr_t used = sp < P->stack_base ? P->stack_base - sp : sp - P->stack_base;
    if (++P->depth > MAX_DEPTH || used > MAX_STACK) {
        Token *t = parse_peek(P);
        mg_lex_error_at(&P->lx, t->line, t->pos, "nesting too deep");
    }
}

void
parse_leave(Parser *P)
{
    P->depth--;
}

/* ---- nodes ---- */

Node *
ast_new(Parser *P, int kind, int line, int col)
{
    Node *n = mg_arena_alloc(P->arena, sizeof *n);
    n->kind = (uint16_t)kind;
    n->line = line;
    n->col = col;
    return n;
}

Node *
ast_at(Parser *P, int kind, const Token *t)
{
    return ast_new(P, kind, t->line, t->col);
}

void
ast_vec_push(Parser *P, NodeVec *v, Node *n)
{
    if (v->count == v->capacity) {
        int cap = v->capacity ? v->capacity * 2 : 4;
        v->items = mg_arena_grow(P->arena, v->items, (size_t)v->capacity * sizeof(Node *),
                                 (size_t)cap * sizeof(Node *));
        v->capacity = cap;
    }
    v->items[v->count++] = n;
}

void
ast_set_list(Parser *P, Node *n, NodeVec *v)
{
    UNUSED(P);
    n->list = v->items;
    n->count = v->count;
}

Node *
ast_list1(Parser *P, Node *n, Node *item)
{
    n->list = mg_arena_alloc(P->arena, sizeof(Node *));
    n->list[0] = item;
    n->count = 1;
    return n;
}

Node *
ast_seq(Parser *P, Node *stmt)
{
    if (stmt && stmt->kind == NODE_SEQ) return stmt;
    Node *s = ast_new(P, NODE_SEQ, stmt ? stmt->line : P->prev.line, stmt ? stmt->col : 0);
    if (stmt) ast_list1(P, s, stmt);
    return s;
}

ID
parse_intern(const char *s)
{
    return mg_intern_cstr(s);
}

/* ---- scopes ---- */

Scope *
parse_scope_push(Parser *P, bool is_block)
{
    Scope *s = mg_arena_alloc(P->arena, sizeof *s);
    s->prev = P->scope;
    s->is_block = is_block;
    s->saved_in_class = P->in_class;
    if (is_block) P->in_class = false;
    P->scope = s;
    return s;
}

void
parse_scope_pop(Parser *P)
{
    Scope *s = P->scope;
    P->in_class = s->saved_in_class;
    P->scope = s->prev;
    /* a block that used numbered parameters: its enclosing block may not use them */
    if (s->is_block && s->numparam && P->scope && P->scope->is_block && !P->scope->inner_np.type)
        P->scope->inner_np = s->np_tok;
}

bool
parse_is_numparam(ID id)
{
    size_t len;
    const char *s = mg_id_name(id, &len);
    return len == 2 && s[0] == '_' && s[1] >= '1' && s[1] <= '9';
}

bool
parse_def_anon_block(Parser *P)
{
    Scope *s = P->scope;
    while (s && s->is_block) s = s->prev;
    return s && s->anon_block;
}

bool
parse_def_forwards(Parser *P)
{
    Scope *s = P->scope;
    while (s && s->is_block) s = s->prev;
    return s && s->forwards;
}

static void
scope_add(Parser *P, Scope *s, ID id)
{
    if (s->count == s->capacity) {
        int cap = s->capacity ? s->capacity * 2 : 8;
        s->vars = mg_arena_grow(P->arena, s->vars, (size_t)s->capacity * sizeof(ID), (size_t)cap * sizeof(ID));
        s->capacity = cap;
    }
    s->vars[s->count++] = id;
}

bool
parse_is_local(Parser *P, ID id)
{
    for (Scope *s = P->scope; s; s = s->prev) {
        for (int i = 0; i < s->count; i++)
            if (s->vars[i] == id) return true;
        if (!s->is_block) break;
    }
    return false;
}

/* A new local in the innermost scope unless already visible. */
void
parse_declare(Parser *P, ID id)
{
    if (!parse_is_local(P, id)) scope_add(P, P->scope, id);
}

/* A parameter: always a new local of the innermost scope (shadows outer ones). */
static void
declare_param(Parser *P, ID id)
{
    Scope *s = P->scope;
    if (parse_is_numparam(id)) parse_error_span(P, P->prev.line, NULL, NULL, "%s is reserved for numbered parameter", mg_id_name(id, NULL));
    for (int i = 0; i < s->count; i++)
        if (s->vars[i] == id) {
            size_t n;
            const char *name = mg_id_name(id, &n);
            if (!(n > 0 && name[0] == '_'))
                parse_error_at(P, &P->prev, "duplicated argument name");
            return;
        }
    scope_add(P, s, id);
}

static bool
lexer_is_local(void *ud, ID id)
{
    return parse_is_local((Parser *)ud, id);
}

/* ---- statements ---- */

static bool
ends_stmts(int type)
{
    switch (type) {
    case T_EOF: case T_KW_END: case T_RBRACE: case T_RPAREN: case T_KW_ELSE: case T_KW_ELSIF:
    case T_KW_WHEN: case T_KW_IN: case T_KW_RESCUE: case T_KW_ENSURE:
        return true;
    }
    return false;
}

Node *
parse_compstmt(Parser *P)
{
    Token *t = parse_peek(P);
    Node *seq = ast_at(P, NODE_SEQ, t);
    NodeVec v = {0};
    P->stmt_nest++;
    for (;;) {
        parse_skip_terms(P);
        t = parse_peek(P);
        if (ends_stmts(t->type)) break;
        Node *s = parse_stmt(P);
        ast_vec_push(P, &v, s);
        t = parse_peek(P);
        if (t->type != T_NL && t->type != T_SEMI) break;
    }
    ast_set_list(P, seq, &v);
    P->stmt_nest--;
    P->last_body_empty = v.count == 0;
    return seq;
}

static Node *
parse_alias(Parser *P)
{
    Token kw = *parse_peek(P);
    parse_advance(P);
    Token *t = parse_peek(P);
    if (t->type == T_GVAR || t->type == T_BACK_REF || t->type == T_NTH_REF) {
        Node *n = ast_at(P, NODE_VALIAS, &kw);
        n->a = ast_at(P, NODE_GVAR, t);
        n->a->sym = t->id;
        parse_advance(P);
        t = parse_peek(P);
        if (t->type == T_NTH_REF) parse_error_at(P, t, "can't make alias for the number variables");
        if (t->type != T_GVAR && t->type != T_BACK_REF) parse_syntax_error(P, "global variable");
        n->b = ast_at(P, NODE_GVAR, t);
        n->b->sym = t->id;
        parse_advance(P);
        return n;
    }
    Node *n = ast_at(P, NODE_ALIAS, &kw);
    n->a = parse_fname_sym(P);
    P->lx.state = EXPR_FNAME | EXPR_FITEM;
    n->b = parse_fname_sym(P);
    return n;
}

static Node *
parse_undef(Parser *P)
{
    Token kw = *parse_peek(P);
    parse_advance(P);
    Node *n = ast_at(P, NODE_UNDEF, &kw);
    NodeVec v = {0};
    for (;;) {
        ast_vec_push(P, &v, parse_fname_sym(P));
        if (parse_peek(P)->type != T_COMMA) break;
        parse_advance(P);
        P->lx.state = EXPR_FNAME | EXPR_FITEM;
    }
    ast_set_list(P, n, &v);
    return n;
}

static Node *
parse_prepost(Parser *P, int kind)
{
    Token kw = *parse_peek(P);
    parse_advance(P);
    Token *t = parse_peek(P);
    if (t->type != T_LBRACE && t->type != T_LBRACE_BLOCK && t->type != T_LBRACE_ARG) parse_syntax_error(P, "'{'");
    parse_advance(P);
    Node *n = ast_at(P, kind, &kw);
    if (kind == NODE_POSTEXE) parse_scope_push(P, true);
    n->a = parse_compstmt(P);
    if (kind == NODE_POSTEXE) parse_scope_pop(P);
    parse_expect(P, T_RBRACE, "'}'");
    return n;
}

Node *
parse_stmt(Parser *P)
{
    parse_enter(P);
    Token *t = parse_peek(P);
    Node *n;
    switch (t->type) {
    case T_KW_ALIAS: n = parse_alias(P); break;
    case T_KW_UNDEF: n = parse_undef(P); break;
    case T_KW_BEGIN_UP:
        if (P->stmt_nest > 1 || P->scope->prev) parse_error_at(P, t, "BEGIN is permitted only at toplevel");
        n = parse_prepost(P, NODE_PREEXE);
        break;
    case T_KW_END_UP: n = parse_prepost(P, NODE_POSTEXE); break;
    default: n = parse_expr_stmt(P); break;
    }
    for (;;) {
        t = parse_peek(P);
        Token kw = *t;
        Node *m;
        switch (t->type) {
        case T_KW_IF_MOD:
        case T_KW_UNLESS_MOD:
            parse_advance(P);
            m = ast_at(P, NODE_IF, &kw);
            m->line = n->line; m->col = n->col;
            m->a = parse_cond(P, parse_expr(P));
            if (kw.type == T_KW_IF_MOD) m->b = n; else m->c = n;
            n = m;
            continue;
        case T_KW_WHILE_MOD:
        case T_KW_UNTIL_MOD: {
            parse_advance(P);
            bool dowhile = n == P->last_begin && n != NULL;
            m = ast_at(P, kw.type == T_KW_WHILE_MOD ? NODE_WHILE : NODE_UNTIL, &kw);
            m->line = n->line; m->col = n->col;
            m->a = parse_cond(P, parse_expr(P));
            m->b = n;
            if (dowhile) m->flags |= NF_DO_WHILE;
            n = m;
            continue;
        }
        case T_KW_RESCUE_MOD: {
            parse_advance(P);
            m = ast_at(P, NODE_BEGIN, &kw);
            m->line = n->line; m->col = n->col;
            Node *r = ast_at(P, NODE_RESCUE, &kw);
            r->b = parse_expr(P);
            m->a = n;
            ast_list1(P, m, r);
            n = m;
            continue;
        }
        default:
            break;
        }
        break;
    }
    parse_leave(P);
    return n;
}

/* `then`, or newline/';' (optionally followed by `then`) */
void
parse_then(Parser *P)
{
    bool got = false;
    while (parse_peek(P)->type == T_NL || parse_peek(P)->type == T_SEMI) { parse_advance(P); got = true; }
    if (parse_accept(P, T_KW_THEN)) got = true;
    if (!got) parse_syntax_error(P, parse_peek(P)->type == T_EOF ? NULL : "`then' or ';' or '\\n'");
}

/* `recv op arg` where arg is the global `gname` */
static Node *
cond_compare(Parser *P, Node *recv, const char *op, const char *gname)
{
    Node *g = ast_new(P, NODE_GVAR, recv->line, recv->col);
    g->sym = parse_intern(gname);
    Node *c = ast_call(P, recv, parse_intern(op), recv->line, recv->col);
    NodeVec v = {0};
    ast_vec_push(P, &v, g);
    ast_set_list(P, c, &v);
    return c;
}

/* a flip-flop's end: an integer literal compares with $. */
static Node *
flip_end(Parser *P, Node *n)
{
    if (n->kind == NODE_INT) return cond_compare(P, n, "==", "$.");
    return parse_cond(P, n);
}

static Node *cond1(Parser *P, Node *n);

/* Conditions: a range of non-literals becomes a flip-flop; a regexp literal
 * matches $_. */
Node *
parse_cond(Parser *P, Node *n)
{
    parse_value_expr(P, n);   /* the condition itself; `a or next` is fine */
    return cond1(P, n);
}

static Node *
cond1(Parser *P, Node *n)
{
    if (!n) return n;
    switch (n->kind) {
    case NODE_RANGE:
        if (n->a && n->b) {
            n->kind = (n->flags & NF_EXCLUSIVE) ? NODE_FLIP3 : NODE_FLIP2;
            n->flags &= ~(uint32_t)NF_EXCLUSIVE;
            n->a = flip_end(P, n->a);
            n->b = flip_end(P, n->b);
        }
        break;
    case NODE_REGEX:
    case NODE_DREGEX:
        return cond_compare(P, n, "=~", "$_");
    case NODE_AND:
    case NODE_OR:
        n->a = cond1(P, n->a);
        n->b = cond1(P, n->b);
        break;
    case NODE_NOT:
        n->a = cond1(P, n->a);
        break;
    }
    return n;
}

static Node *
parse_rescue_clause(Parser *P)
{
    Token kw = *parse_peek(P);
    parse_advance(P);
    Node *r = ast_at(P, NODE_RESCUE, &kw);
    NodeVec v = {0};
    Token *t = parse_peek(P);
    if (t->type != T_ASSOC && t->type != T_KW_THEN && t->type != T_NL && t->type != T_SEMI) {
        for (;;) {
            t = parse_peek(P);
            if (t->type == T_STAR) {
                Token st = *t;
                parse_advance(P);
                Node *s = ast_at(P, NODE_SPLAT, &st);
                s->a = parse_arg(P);
                ast_vec_push(P, &v, s);
            } else {
                ast_vec_push(P, &v, parse_arg(P));
            }
            if (!parse_accept(P, T_COMMA)) break;
            parse_skip_newlines(P);
        }
    }
    ast_set_list(P, r, &v);
    if (parse_accept(P, T_ASSOC)) {
        r->a = parse_assignable(P, parse_mlhs_item(P));
    }
    parse_then(P);
    r->b = parse_compstmt(P);
    return r;
}

/* compstmt [rescue ...]* [else ...] [ensure ...] -- a BEGIN node if any clause */
Node *
parse_body_stmt(Parser *P)
{
    Token start = *parse_peek(P);
    Node *body = parse_compstmt(P);
    NodeVec rescues = {0};
    Node *els = NULL, *ens = NULL;
    bool any = false;
    while (parse_peek(P)->type == T_KW_RESCUE) {
        ast_vec_push(P, &rescues, parse_rescue_clause(P));
        any = true;
    }
    if (parse_peek(P)->type == T_KW_ELSE) {
        if (rescues.count == 0) parse_error_at(P, parse_peek(P), "else without rescue is useless");
        parse_advance(P);
        els = parse_compstmt(P);
        any = true;
    }
    if (parse_peek(P)->type == T_KW_ENSURE) {
        parse_advance(P);
        ens = parse_compstmt(P);
        any = true;
    }
    if (!any) return body;
    Node *b = ast_at(P, NODE_BEGIN, &start);
    b->a = body;
    ast_set_list(P, b, &rescues);
    b->b = els;
    b->c = ens;
    return b;
}

Node *
parse_begin(Parser *P)
{
    Token kw = *parse_peek(P);
    parse_advance(P);
    int save_no_do = P->no_do;
    P->no_do = false;
    Node *body = parse_body_stmt(P);
    P->no_do = save_no_do;
    parse_expect_close(P, T_KW_END, "`end'");
    if (body->kind == NODE_SEQ && body->count == 0) {
        body->line = kw.line;
        body->col = kw.col;
    }
    body->line = kw.line;
    body->col = kw.col;
    /* remembered so that `begin ... end while c` runs the body first */
    P->last_begin = body;
    return body;
}

Node *
parse_if(Parser *P, bool is_unless)
{
    Token kw = *parse_peek(P);
    parse_advance(P);
    Node *n = ast_at(P, NODE_IF, &kw);
    int save_no_do = P->no_do;
    P->no_do = false;
    n->a = parse_cond(P, parse_expr(P));
    parse_then(P);
    Node *body = parse_compstmt(P);
    Node *els = NULL;
    if (!is_unless && parse_peek(P)->type == T_KW_ELSIF) {
        Token ek = *parse_peek(P);
        /* parse `elsif c ... end` as a nested if; the nested one eats the `end` */
        P->tok.type = T_KW_IF;
        els = parse_if(P, false);
        els->line = ek.line;
        els->col = ek.col;
        els->flags |= NF_ELSIF;
        P->no_do = save_no_do;
        if (is_unless) { n->b = els; n->c = body; } else { n->b = body; n->c = els; }
        return n;
    }
    if (is_unless && parse_peek(P)->type == T_KW_ELSIF) parse_syntax_error(P, NULL);
    if (parse_accept(P, T_KW_ELSE)) els = parse_compstmt(P);
    parse_expect_close(P, T_KW_END, "`end'");
    P->no_do = save_no_do;
    if (is_unless) { n->b = els; n->c = body; } else { n->b = body; n->c = els; }
    return n;
}

/* `do` or a terminator after a loop condition */
static void
parse_do(Parser *P)
{
    if (parse_accept(P, T_KW_DO)) return;
    bool got = false;
    while (parse_peek(P)->type == T_NL || parse_peek(P)->type == T_SEMI) { parse_advance(P); got = true; }
    if (!got) parse_syntax_error(P, parse_peek(P)->type == T_EOF ? NULL : "`do' or ';' or '\\n'");
    parse_accept(P, T_KW_DO);  /* not Ruby, but harmless: `while x\n do` is a syntax error there */
}

Node *
parse_while(Parser *P, bool is_until)
{
    Token kw = *parse_peek(P);
    parse_advance(P);
    Node *n = ast_at(P, is_until ? NODE_UNTIL : NODE_WHILE, &kw);
    int save_no_do = P->no_do;
    P->no_do = NO_DO;
    n->a = parse_cond(P, parse_expr(P));
    P->no_do = false;
    parse_do(P);
    n->b = parse_compstmt(P);
    parse_expect_close(P, T_KW_END, "`end'");
    P->no_do = save_no_do;
    return n;
}

static Node *
for_target(Parser *P)
{
    Token *t = parse_peek(P);
    if (t->type == T_STAR) {
        Token st = *t;
        parse_advance(P);
        Node *s = ast_at(P, NODE_SPLAT, &st);
        t = parse_peek(P);
        if (t->type != T_COMMA && t->type != T_KW_IN) s->a = parse_assignable(P, parse_mlhs_item(P));
        return s;
    }
    return parse_assignable(P, parse_mlhs_item(P));
}

Node *
parse_for(Parser *P)
{
    Token kw = *parse_peek(P);
    parse_advance(P);
    Node *n = ast_at(P, NODE_FOR, &kw);
    int save_no_do = P->no_do;
    bool save_no_in = P->no_in;
    P->no_in = true;
    Node *first = for_target(P);
    if (parse_peek(P)->type == T_COMMA || first->kind == NODE_SPLAT) {
        Node *m = ast_new(P, NODE_MLHS, first->line, first->col);
        NodeVec v = {0};
        ast_vec_push(P, &v, first);
        while (parse_accept(P, T_COMMA)) {
            if (parse_peek(P)->type == T_KW_IN) break;
            ast_vec_push(P, &v, for_target(P));
        }
        ast_set_list(P, m, &v);
        first = m;
    }
    n->a = first;
    parse_expect(P, T_KW_IN, "`in'");
    P->no_do = NO_DO;
    P->no_in = false;
    n->b = parse_expr(P);
    P->no_do = false;
    parse_do(P);
    n->c = parse_compstmt(P);
    parse_expect_close(P, T_KW_END, "`end'");
    P->no_do = save_no_do;
    P->no_in = save_no_in;
    return n;
}

Node *
parse_case(Parser *P)
{
    Token kw = *parse_peek(P);
    parse_advance(P);
    int save_no_do = P->no_do;
    bool save_no_in = P->no_in;
    P->no_do = false;
    Node *subject = NULL;
    if (parse_peek(P)->type == T_EOF) parse_syntax_error(P, "`when'");
    if (parse_peek(P)->type != T_NL && parse_peek(P)->type != T_SEMI && parse_peek(P)->type != T_KW_WHEN) {
        /* `case 1 in Integer` on one line: the subject is a one-line pattern match (as parse.y) */
        P->no_in = false;
        subject = parse_expr(P);
    }
    parse_skip_terms(P);
    if (parse_peek(P)->type == T_KW_IN) {
        if (!subject) parse_syntax_error(P, "`when'");
        Node *n = parse_case_in(P, subject, kw.line, kw.col);
        P->no_do = save_no_do;
        P->no_in = save_no_in;
        return n;
    }
    Node *n = ast_at(P, NODE_CASE, &kw);
    n->a = subject;
    NodeVec whens = {0};
    if (parse_peek(P)->type != T_KW_WHEN) parse_syntax_error(P, "`when'");
    while (parse_peek(P)->type == T_KW_WHEN) {
        Token wk = *parse_peek(P);
        parse_advance(P);
        Node *w = ast_at(P, NODE_WHEN, &wk);
        NodeVec vals = {0};
        for (;;) {
            Token *t = parse_peek(P);
            if (t->type == T_STAR) {
                Token st = *t;
                parse_advance(P);
                Node *s = ast_at(P, NODE_SPLAT, &st);
                s->a = parse_arg(P);
                ast_vec_push(P, &vals, s);
            } else {
                ast_vec_push(P, &vals, parse_arg(P));
            }
            if (!parse_accept(P, T_COMMA)) break;
            parse_skip_newlines(P);
        }
        ast_set_list(P, w, &vals);
        parse_then(P);
        w->a = parse_compstmt(P);
        ast_vec_push(P, &whens, w);
    }
    ast_set_list(P, n, &whens);
    if (parse_accept(P, T_KW_ELSE)) n->b = parse_compstmt(P);
    parse_expect_close(P, T_KW_END, "`end'");
    P->no_do = save_no_do;
    P->no_in = save_no_in;
    return n;
}

/* ---- definitions ---- */

/* A method name: after `def`, `def recv.`, `.`, `::`, in alias/undef.
 * Returns its ID, or 0 if the token cannot name a method. */
ID
parse_fname_id(Parser *P, const Token *t)
{
    switch (t->type) {
    case T_IDENT: case T_CONST: case T_FID: return t->id;
    case T_PLUS: return parse_intern("+");
    case T_MINUS: return parse_intern("-");
    case T_MUL: case T_STAR: return parse_intern("*");
    case T_DIV: return parse_intern("/");
    case T_MOD: return parse_intern("%");
    case T_POW: case T_DSTAR: return parse_intern("**");
    case T_UPLUS: return parse_intern("+@");
    case T_UMINUS: case T_UMINUS_NUM: return parse_intern("-@");
    case T_BAND: case T_AMPER: return parse_intern("&");
    case T_BOR: return parse_intern("|");
    case T_XOR: return parse_intern("^");
    case T_TILDE: return parse_intern("~");
    case T_BANG: return parse_intern("!");
    case T_LT: return parse_intern("<");
    case T_GT: return parse_intern(">");
    case T_LEQ: return parse_intern("<=");
    case T_GEQ: return parse_intern(">=");
    case T_CMP: return parse_intern("<=>");
    case T_EQ: return parse_intern("==");
    case T_EQQ: return parse_intern("===");
    case T_NEQ: return parse_intern("!=");
    case T_MATCH: return parse_intern("=~");
    case T_NMATCH: return parse_intern("!~");
    case T_LSHFT: return parse_intern("<<");
    case T_RSHFT: return parse_intern(">>");
    case T_AREF: return parse_intern("[]");
    case T_ASET: return parse_intern("[]=");
    case T_BACKTICK: return parse_intern("`");
    default:
        if (t->type >= T_KW_ALIAS && t->type <= T_KW__ENCODING__) return t->id;
        break;
    }
    UNUSED(P);
    return 0;
}

/* alias/undef items: a method name or a symbol */
Node *
parse_fname_sym(Parser *P)
{
    Token *t = parse_peek(P);
    Token tt = *t;
    if (t->type == T_SYMBOL) {
        parse_advance(P);
        Node *n = ast_at(P, NODE_SYM, &tt);
        n->sym = tt.id;
        return n;
    }
    if (t->type == T_SYMBEG) return parse_string(P);
    ID id = parse_fname_id(P, t);
    if (!id) parse_syntax_error(P, NULL);
    parse_advance(P);
    Node *n = ast_at(P, NODE_SYM, &tt);
    n->sym = id;
    return n;
}

Node *
parse_def(Parser *P)
{
    Token kw = *parse_peek(P);
    parse_advance(P);
    Token first = *parse_peek(P);
    Node *recv = NULL;
    ID name = 0;
    int ptype = first.type;
    if (ptype == T_LPAREN || ptype == T_LPAREN_CALL || ptype == T_LPAREN_ARG) {
        parse_advance(P);
        recv = parse_expr(P);
        switch (recv->kind) {       /* as CRuby; a :"dsym", hash or range fails when run */
        case NODE_INT: case NODE_BIGNUM: case NODE_FLOAT: case NODE_RATIONAL: case NODE_IMAGINARY:
        case NODE_STR: case NODE_DSTR: case NODE_XSTR: case NODE_DXSTR: case NODE_SYM:
        case NODE_REGEX: case NODE_DREGEX: case NODE_ARRAY:
            parse_error_span(P, recv->line, NULL, NULL, "can't define singleton method for literals");
            break;
        default: break;
        }
        parse_skip_newlines(P);
        parse_expect(P, T_RPAREN, "')'");
        Token *d = parse_peek(P);
        if (d->type != T_DOT && d->type != T_COLON2) parse_syntax_error(P, "'.'");
        parse_advance(P);
        P->lx.state = EXPR_FNAME;
    } else {
        name = parse_fname_id(P, &first);
        if (!name && first.type != T_IVAR && first.type != T_GVAR && first.type != T_CVAR) parse_syntax_error(P, NULL);
        parse_advance(P);
        Token *d = parse_peek(P);
        if (d->type == T_DOT || (d->type == T_COLON2 && (first.type == T_CONST || first.type == T_KW_SELF))) {
            switch (first.type) {
            case T_KW_SELF: recv = ast_at(P, NODE_SELF, &first); break;
            case T_KW_NIL: recv = ast_at(P, NODE_NIL, &first); break;
            case T_KW_TRUE: recv = ast_at(P, NODE_TRUE, &first); break;
            case T_KW_FALSE: recv = ast_at(P, NODE_FALSE, &first); break;
            case T_CONST: recv = ast_at(P, NODE_CONST, &first); recv->sym = first.id; break;
            case T_IVAR: recv = ast_at(P, NODE_IVAR, &first); recv->sym = first.id; break;
            case T_GVAR: recv = ast_at(P, NODE_GVAR, &first); recv->sym = first.id; break;
            case T_CVAR: recv = ast_at(P, NODE_CVAR, &first); recv->sym = first.id; break;
            case T_IDENT:
                if (parse_is_local(P, first.id)) { recv = ast_at(P, NODE_LVAR, &first); recv->sym = first.id; }
                else {
                    recv = ast_call(P, NULL, first.id, first.line, first.col);
                    recv->flags |= NF_VCALL | NF_FCALL;
                }
                break;
            default: parse_error_at(P, &first, "syntax error, unexpected '.'");
            }
            parse_advance(P);
            P->lx.state = EXPR_FNAME;
        } else if (first.type == T_IVAR || first.type == T_GVAR || first.type == T_CVAR) {
            parse_syntax_error(P, NULL);
        }
    }
    if (recv) {
        Token nt = *parse_peek(P);
        name = parse_fname_id(P, &nt);
        if (!name) parse_syntax_error(P, NULL);
        parse_advance(P);
    }
    Node *n = ast_at(P, recv ? NODE_DEFS : NODE_DEF, &kw);
    n->sym = name;
    n->c = recv;
    parse_scope_push(P, false);
    bool save_in_def = P->in_def, save_no_do = P->no_do, save_no_in = P->no_in;
    bool save_in_class = P->in_class;
    const char *head_end = P->prev.end;   /* `def name` / `def recv.name` */
    /* `def f = cmd arg` only where the def is a statement (or an assignment's value) */
    bool cmd_body = P->cmd_level == CMD_EXPR || P->cmd_level == CMD_ASGN;
    P->in_def = true;
    P->in_class = false;
    P->no_do = false;
    P->no_in = false;
    Token *t = parse_peek(P);
    if (t->type == T_LPAREN || t->type == T_LPAREN_CALL || t->type == T_LPAREN_ARG) {
        parse_advance(P);
        n->a = parse_params(P, T_RPAREN, false);
        parse_skip_newlines(P);
        parse_expect(P, T_RPAREN, "')'");
        P->lx.state = EXPR_BEG;
        P->lx.command_start = true;
    } else if (t->type != T_NL && t->type != T_SEMI && t->type != T_ASSIGN && t->type != T_EOF) {
        P->lx.in_kwarg = true;
        n->a = parse_params(P, 0, false);
        P->lx.in_kwarg = false;
        t = parse_peek(P);
        if (t->type != T_NL && t->type != T_SEMI) parse_syntax_error(P, "';' or '\\n'");
    }
    if (parse_accept(P, T_ASSIGN)) {
        size_t nl;
        const char *ns = mg_id_name(name, &nl);
        if (nl >= 2 && ns[nl - 1] == '=' && (isalnum((unsigned char)ns[nl - 2]) || ns[nl - 2] == '_' || (unsigned char)ns[nl - 2] >= 0x80))
            parse_error_span(P, kw.line, kw.pos, head_end, "setter method cannot be defined in an endless method definition");
        n->flags |= NF_ENDLESS;
        parse_skip_newlines(P);
        P->cmd_ok = cmd_body ? CMD_ARG : CMD_NO;
        Node *body = parse_arg(P);
        P->cmd_ok = CMD_NO;
        if (parse_peek(P)->type == T_KW_RESCUE_MOD) {
            Token rk = *parse_peek(P);
            parse_advance(P);
            Node *b = ast_at(P, NODE_BEGIN, &rk);
            Node *r = ast_at(P, NODE_RESCUE, &rk);
            r->b = parse_arg(P);
            b->a = body;
            ast_list1(P, b, r);
            body = b;
        }
        n->b = ast_seq(P, body);
        const char *e = parse_peek(P)->pos;   /* the source span ends before the next token */
        while (e > kw.pos && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r' || e[-1] == ';')) e--;
        n->len = (size_t)(e - kw.pos);
    } else {
        n->b = parse_body_stmt(P);
        parse_expect_close(P, T_KW_END, "`end'");
        n->len = (size_t)(P->prev.pos + 3 - kw.pos);
    }
    n->ival = (int64_t)(kw.pos - P->lx.src);
    parse_scope_pop(P);
    P->in_def = save_in_def;
    P->in_class = save_in_class;
    P->no_do = save_no_do;
    P->no_in = save_no_in;
    return n;
}

/* CONST, A::B, ::A (class/module names) */
static Node *
parse_cpath(Parser *P)
{
    Token *t = parse_peek(P);
    Node *n;
    if (t->type == T_COLON3) {
        Token c3 = *t;
        parse_advance(P);
        t = parse_peek(P);
        if (t->type != T_CONST) parse_error_at(P, t, "class/module name must be CONSTANT");
        n = ast_at(P, NODE_COLON3, &c3);
        n->sym = t->id;
        parse_advance(P);
    } else if (t->type == T_CONST) {
        n = ast_at(P, NODE_CONST, t);
        n->sym = t->id;
        parse_advance(P);
    } else if (t->type == T_IDENT || t->type == T_FID) {
        /* a::B: the scope may be a method call; a bare name is an error */
        Token id = *t;
        parse_advance(P);
        if (parse_peek(P)->type != T_COLON2) parse_error_at(P, &id, "class/module name must be CONSTANT");
        n = ast_call(P, NULL, id.id, id.line, id.col);
        n->flags |= NF_VCALL;
    } else {
        n = parse_primary(P);
        if (n->kind != NODE_COLON2 || (n->flags & NF_CALL)) parse_error_node(P, n, "class/module name must be CONSTANT");
        return n;
    }
    while (parse_peek(P)->type == T_COLON2) {
        Token c2 = *parse_peek(P);
        parse_advance(P);
        t = parse_peek(P);
        bool call = t->type == T_IDENT || t->type == T_FID;   /* Gem::r::M: the scope may be a call */
        if (!call && t->type != T_CONST) parse_error_at(P, t, "class/module name must be CONSTANT");
        Token nt = *t;
        Node *m = ast_at(P, NODE_COLON2, &c2);
        m->line = n->line; m->col = n->col;
        m->a = n;
        m->sym = t->id;
        if (call) m->flags |= NF_CALL;
        parse_advance(P);
        n = m;
        if (call && parse_peek(P)->type != T_COLON2) parse_error_at(P, &nt, "class/module name must be CONSTANT");
    }
    return n;
}

Node *
parse_class(Parser *P)
{
    Token kw = *parse_peek(P);
    parse_advance(P);
    int save_no_do = P->no_do;
    bool save_no_in = P->no_in, save_in_def = P->in_def;
    P->no_do = false;
    P->no_in = false;
    Node *n;
    bool save_in_class = P->in_class;
    P->in_class = true;
    if (parse_peek(P)->type == T_LSHFT) {
        parse_advance(P);
        n = ast_at(P, NODE_SCLASS, &kw);
        n->a = parse_expr(P);
        Token *t = parse_peek(P);
        if (t->type != T_NL && t->type != T_SEMI) parse_syntax_error(P, NULL);
        parse_scope_push(P, false);
        P->in_def = false;
        n->c = parse_body_stmt(P);
    } else {
        n = ast_at(P, NODE_CLASS, &kw);
        n->a = parse_cpath(P);
        if (P->in_def) parse_error_span(P, kw.line, kw.pos, P->prev.end, "class definition in method body");
        if (parse_peek(P)->type == T_LT) {
            parse_advance(P);
            P->lx.command_start = true;    /* as parse.y: the superclass starts like a statement */
            n->b = parse_expr(P);
        }
        Token *t = parse_peek(P);
        /* after a superclass a terminator; without one the body may follow directly */
        if (n->b && t->type != T_NL && t->type != T_SEMI) parse_syntax_error(P, t->type == T_EOF ? "`end'" : NULL);
        parse_scope_push(P, false);
        P->in_def = false;
        n->c = parse_body_stmt(P);
    }
    parse_expect(P, T_KW_END, "`end'");
    parse_scope_pop(P);
    P->no_do = save_no_do;
    P->no_in = save_no_in;
    P->in_def = save_in_def;
    P->in_class = save_in_class;
    return n;
}

Node *
parse_module(Parser *P)
{
    Token kw = *parse_peek(P);
    bool save_in_class = P->in_class;
    P->in_class = true;
    parse_advance(P);
    int save_no_do = P->no_do;
    bool save_no_in = P->no_in, save_in_def = P->in_def;
    P->no_do = false;
    P->no_in = false;
    Node *n = ast_at(P, NODE_MODULE, &kw);
    n->a = parse_cpath(P);
    if (P->in_def) parse_error_span(P, kw.line, kw.pos, P->prev.end, "module definition in method body");
    parse_scope_push(P, false);
    P->in_def = false;
    n->c = parse_body_stmt(P);
    parse_expect(P, T_KW_END, "`end'");
    parse_scope_pop(P);
    P->no_do = save_no_do;
    P->no_in = save_no_in;
    P->in_def = save_in_def;
    P->in_class = save_in_class;
    return n;
}

/* ---- parameters ---- */

static Node *
param_mlhs(Parser *P)
{
    Token open = *parse_peek(P);
    parse_advance(P);
    parse_enter(P);
    Node *m = ast_at(P, NODE_MLHS, &open);
    NodeVec v = {0};
    for (;;) {
        parse_skip_newlines(P);
        Token *t = parse_peek(P);
        Token tt = *t;
        if (t->type == T_IDENT) {
            parse_advance(P);
            Node *p = ast_at(P, NODE_PARAM_REQ, &tt);
            p->sym = tt.id;
            declare_param(P, tt.id);
            ast_vec_push(P, &v, p);
        } else if (t->type == T_STAR || t->type == T_MUL) {
            parse_advance(P);
            Node *p = ast_at(P, NODE_PARAM_REST, &tt);
            if (parse_peek(P)->type == T_IDENT) {
                p->sym = parse_peek(P)->id;
                declare_param(P, p->sym);
                parse_advance(P);
            }
            ast_vec_push(P, &v, p);
        } else if (t->type == T_LPAREN || t->type == T_LPAREN_CALL || t->type == T_LPAREN_ARG) {
            Node *p = ast_at(P, NODE_PARAM_REQ, &tt);
            p->a = param_mlhs(P);
            ast_vec_push(P, &v, p);
        } else {
            parse_syntax_error(P, NULL);
        }
        if (!parse_accept(P, T_COMMA)) break;
    }
    parse_skip_newlines(P);
    parse_expect(P, T_RPAREN, "')'");
    parse_leave(P);
    ast_set_list(P, m, &v);
    return m;
}

static bool
ends_param_value(Parser *P, int close)
{
    int type = parse_peek(P)->type;
    return type == T_COMMA || type == close || type == T_NL || type == T_SEMI ||
           type == T_RPAREN || type == T_BOR || type == T_EOF ||
           (close == 0 && (type == T_LBRACE_BLOCK || type == T_LBRACE || type == T_KW_DO || type == T_ASSIGN));
}

/* Parameters up to (not including) `close`: T_RPAREN, T_BOR, or 0 (no
 * delimiter: def without parens, bare lambda params). Returns PARAMS or NULL. */
Node *
parse_params(Parser *P, int close, bool is_block)
{
    Token start = *parse_peek(P);
    Node *params = ast_at(P, NODE_PARAMS, &start);
    NodeVec v = {0};
    bool seen_rest = false, seen_kw = false, seen_kwrest = false;
    if (close == T_RPAREN) parse_skip_newlines(P);
    Token *t = parse_peek(P);
    if (t->type == close || (close == T_BOR && t->type == T_SEMI)) goto locals;
    for (;;) {
        if (close == T_RPAREN) parse_skip_newlines(P);
        t = parse_peek(P);
        Token tt = *t;
        Node *p = NULL;
        /* order: positional and rest, then keywords, then **kwrest, then &block */
        bool positional = t->type == T_IDENT || t->type == T_STAR || t->type == T_MUL ||
                          t->type == T_LPAREN || t->type == T_LPAREN_CALL || t->type == T_LPAREN_ARG;
        if (seen_kwrest && t->type != T_AMPER && t->type != T_BAND) parse_syntax_error(P, "& or '&'");
        if (seen_kw && positional) parse_syntax_error(P, NULL);
        switch (t->type) {
        case T_IDENT:
            parse_advance(P);
            if (parse_peek(P)->type == T_ASSIGN) {
                if (seen_rest)
                    parse_syntax_error(P, close == T_RPAREN ? "')'" : close == T_BOR ? "'|'" : "';' or '\\n'");
                parse_advance(P);
                p = ast_at(P, NODE_PARAM_OPT, &tt);
                p->sym = tt.id;
                declare_param(P, tt.id);
                p->a = (is_block && close == T_BOR) ? parse_primary_value(P) : parse_arg(P);
            } else {
                p = ast_at(P, seen_rest ? NODE_PARAM_POST : NODE_PARAM_REQ, &tt);
                p->sym = tt.id;
                declare_param(P, tt.id);
            }
            break;
        case T_LABEL:
            parse_advance(P);
            p = ast_at(P, NODE_PARAM_KW, &tt);
            p->sym = tt.id;
            seen_kw = true;
            declare_param(P, tt.id);
            if (!ends_param_value(P, close))
                p->a = (is_block && close == T_BOR) ? parse_primary_value(P) : parse_arg(P);
            break;
        case T_STAR: case T_MUL:
            parse_advance(P);
            p = ast_at(P, NODE_PARAM_REST, &tt);
            if (parse_peek(P)->type == T_IDENT) { p->sym = parse_peek(P)->id; declare_param(P, p->sym); parse_advance(P); }
            seen_rest = true;
            break;
        case T_DSTAR: case T_POW:
            parse_advance(P);
            if (parse_peek(P)->type == T_KW_NIL) {
                parse_advance(P);
                p = ast_at(P, NODE_PARAM_NOKW, &tt);
            } else {
                p = ast_at(P, NODE_PARAM_KWREST, &tt);
                if (parse_peek(P)->type == T_IDENT) { p->sym = parse_peek(P)->id; declare_param(P, p->sym); parse_advance(P); }
            }
            seen_kwrest = true;
            break;
        case T_AMPER: case T_BAND:
            parse_advance(P);
            p = ast_at(P, NODE_PARAM_BLOCK, &tt);
            if (parse_peek(P)->type == T_IDENT) { p->sym = parse_peek(P)->id; declare_param(P, p->sym); parse_advance(P); }
            else if (!is_block) P->scope->anon_block = true;
            break;
        case T_BDOT3: case T_DOT3:
            parse_advance(P);
            p = ast_at(P, NODE_PARAM_FWD, &tt);
            P->scope->forwards = true;
            break;
        case T_LPAREN: case T_LPAREN_CALL: case T_LPAREN_ARG:
            p = ast_at(P, seen_rest ? NODE_PARAM_POST : NODE_PARAM_REQ, &tt);
            p->a = param_mlhs(P);
            break;
        case T_CONST:
            parse_error_at(P, t, "formal argument cannot be a constant");
        case T_IVAR:
            parse_error_at(P, t, "formal argument cannot be an instance variable");
        case T_GVAR:
            parse_error_at(P, t, "formal argument cannot be a global variable");
        case T_CVAR:
            parse_error_at(P, t, "formal argument cannot be a class variable");
        default:
            parse_syntax_error(P, close == T_BOR ? "'|'" : v.count > 0 ? NULL : close == T_RPAREN ? "')'" : "';' or '\\n'");
        }
        ast_vec_push(P, &v, p);
        if (p->kind == NODE_PARAM_BLOCK && parse_peek(P)->type == T_COMMA)
            parse_syntax_error(P, close == T_RPAREN ? "')'" : NULL);
        if (!parse_accept(P, T_COMMA)) break;
        if (is_block && close == T_BOR && (parse_peek(P)->type == T_BOR || parse_peek(P)->type == T_SEMI)) {
            params->flags |= NF_EXCESS_COMMA;
            break;
        }
    }
locals:
    if (close == T_RPAREN) parse_skip_newlines(P);
    if ((close == T_BOR || close == T_RPAREN) && is_block && parse_accept(P, T_SEMI)) {
        for (;;) {
            parse_skip_newlines(P);
            Token *lt = parse_peek(P);
            if (lt->type != T_IDENT) parse_syntax_error(P, NULL);
            Node *p = ast_at(P, NODE_PARAM_LOCAL, lt);
            p->sym = lt->id;
            declare_param(P, lt->id);
            parse_advance(P);
            ast_vec_push(P, &v, p);
            if (!parse_accept(P, T_COMMA)) break;
        }
        parse_skip_newlines(P);
    }
    ast_set_list(P, params, &v);
    if (v.count == 0 && close == 0) return NULL;
    return params;
}

/* ---- entry ---- */

int mg_parse_loop;

static Node *
gvar_underscore(Parser *P, int line)
{
    Node *g = ast_new(P, NODE_GVAR, line, 0);
    g->sym = parse_intern("$_");
    return g;
}

/* -n/-p (mg_parse_loop): BEGIN blocks first, then the loop */
static Node *
wrap_main_loop(Parser *P, Node *root, int flags)
{
    int line = root->line;
    NodeVec out = { 0 }, body = { 0 };
    if (flags & MG_LOOP_CHOMP) ast_vec_push(P, &body, ast_call(P, gvar_underscore(P, line), parse_intern("chomp!"), line, 0));
    if (flags & MG_LOOP_SPLIT) {
        Node *a = ast_new(P, NODE_GASGN, line, 0);
        a->sym = parse_intern("$F");
        a->a = ast_call(P, gvar_underscore(P, line), parse_intern("split"), line, 0);
        ast_vec_push(P, &body, a);
    }
    for (int i = 0; i < root->count; i++)
        ast_vec_push(P, root->list[i]->kind == NODE_PREEXE ? &out : &body, root->list[i]);
    if (flags & MG_LOOP_PRINT) {
        Node *pr = ast_call(P, NULL, parse_intern("print"), line, 0);
        ast_list1(P, pr, gvar_underscore(P, line));
        ast_vec_push(P, &body, pr);
    }
    Node *seq = ast_new(P, NODE_SEQ, line, 0);
    ast_set_list(P, seq, &body);
    Node *w = ast_new(P, NODE_WHILE, line, 0);
    w->a = ast_call(P, NULL, parse_intern("gets"), line, 0);
    w->b = seq;
    ast_vec_push(P, &out, w);
    Node *r = ast_new(P, NODE_SEQ, line, 0);
    ast_set_list(P, r, &out);
    return r;
}

ParseResult
mg_parse(const char *src, size_t len, const char *file, int line,
         const ID *locals, int nlocals)
{
    ParseResult r;
    memset(&r, 0, sizeof r);
    int loop = mg_parse_loop;             /* this parse's only */
    mg_parse_loop = 0;
    r.data_offset = (size_t)-1;
    r.arena = mg_arena_new();
    Parser *P = mg_arena_alloc(r.arena, sizeof *P);
    P->arena = r.arena;
    P->file = file ? file : "-";
    P->line0 = line > 0 ? line : 1;
    char base;
    P->stack_base = (uintptr_t)&base;
    if (!src) { src = ""; len = 0; }
    mg_lex_init(&P->lx, src, len, P->file, line > 0 ? line : 1, r.arena, &P->jb);
    P->lx.is_local = lexer_is_local;
    P->lx.ud = P;
    parse_scope_push(P, false);
    for (int i = 0; i < nlocals; i++) scope_add(P, P->scope, locals[i]);
    if (setjmp(P->jb) == 0) {
        Node *root = parse_compstmt(P);
        Token *t = parse_peek(P);
        if (t->type != T_EOF)
            parse_syntax_error(P, ends_stmts(t->type) && t->type != T_RPAREN && root->count == 0 ? NULL : "end-of-input");
        root->line = P->line0;
        root->col = 0;
        if (loop) root = wrap_main_loop(P, root, loop);
        r.root = root;
        r.data_offset = P->lx.data_offset;
    } else {
        r.root = NULL;
        r.error_count = 1;
        r.error = P->lx.error;
        P->lx.error = NULL;
    }
    mg_lex_finish(&P->lx);
    return r;
}

bool
mg_parse_spot(const char *src, size_t len, const char *file, int line, ID name, int *beg, int *end)
{
    Arena *arena = mg_arena_new();
    Parser *P = mg_arena_alloc(arena, sizeof *P);
    P->arena = arena;
    P->file = file ? file : "-";
    P->line0 = 1;
    char base;
    P->stack_base = (uintptr_t)&base;
    P->spot.active = true;
    P->spot.line = line;
    P->spot.name = name;
    mg_lex_init(&P->lx, src ? src : "", src ? len : 0, P->file, 1, arena, &P->jb);
    P->lx.is_local = lexer_is_local;
    P->lx.ud = P;
    parse_scope_push(P, false);
    if (setjmp(P->jb) == 0) parse_compstmt(P);
    bool found = P->spot.found;
    *beg = P->spot.beg;
    *end = P->spot.end;
    free(P->lx.error);
    mg_lex_finish(&P->lx);
    mg_arena_free(arena);
    return found;
}

void
mg_ast_free(ParseResult *r)
{
    if (!r) return;
    mg_arena_free(r->arena);
    free(r->error);
    r->arena = NULL;
    r->error = NULL;
    r->root = NULL;
}
