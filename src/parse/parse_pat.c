/* parse_pat.c -- pattern matching: case/in clauses and the patterns of
 * `case/in`, `expr => pat` and `expr in pat` (values, pins, bindings, array,
 * find and hash patterns, alternatives, Const(...) / Const[...]). */
#include "parser_int.h"

static Node *parse_pattern(Parser *P);

static bool
begins_pattern(const Token *t)
{
    switch (t->type) {
    case T_IDENT: case T_CONST: case T_NUMBER: case T_UMINUS_NUM: case T_STRING_BEG: case T_XSTRING_BEG:
    case T_REGEXP_BEG: case T_WORDS_BEG: case T_QWORDS_BEG: case T_SYMBOLS_BEG: case T_QSYMBOLS_BEG:
    case T_SYMBEG: case T_SYMBOL: case T_CHAR: case T_LBRACK: case T_LBRACK_INDEX: case T_LBRACE:
    case T_LPAREN: case T_LPAREN_ARG: case T_LPAREN_CALL: case T_XOR: case T_STAR: case T_MUL:
    case T_COLON3: case T_KW_NIL: case T_KW_TRUE: case T_KW_FALSE: case T_KW_SELF: case T_KW__FILE__:
    case T_KW__LINE__: case T_KW__ENCODING__: case T_LAMBDA: case T_BDOT2: case T_BDOT3: case T_LABEL:
    case T_DSTAR: case T_POW:
        return true;
    }
    return false;
}

static Node *
pat_value(Parser *P, Node *e)
{
    Node *v = ast_new(P, NODE_PAT_VALUE, e->line, e->col);
    v->a = e;
    return v;
}

static Node *
parse_const_path(Parser *P)
{
    Token t = *parse_peek(P);
    Node *n;
    if (t.type == T_COLON3) {
        parse_advance(P);
        Token *c = parse_peek(P);
        if (c->type != T_CONST) parse_syntax_error(P, "constant");
        n = ast_at(P, NODE_COLON3, &t);
        n->sym = c->id;
        parse_advance(P);
    } else {
        n = ast_at(P, NODE_CONST, &t);
        n->sym = t.id;
        parse_advance(P);
    }
    while (parse_peek(P)->type == T_COLON2) {
        parse_advance(P);
        Token *c = parse_peek(P);
        if (c->type != T_CONST) parse_syntax_error(P, "constant");
        Node *m = ast_new(P, NODE_COLON2, n->line, n->col);
        m->a = n;
        m->sym = c->id;
        parse_advance(P);
        n = m;
    }
    return n;
}

/* a literal usable in value patterns and ranges */
static Node *
parse_primitive(Parser *P)
{
    Token *t = parse_peek(P);
    Token tt = *t;
    switch (t->type) {
    case T_NUMBER:
        parse_advance(P);
        return ast_number(P, &tt, false);
    case T_UMINUS_NUM:
        parse_advance(P);
        if (parse_peek(P)->type != T_NUMBER) parse_syntax_error(P, NULL);
        tt = *parse_peek(P);
        parse_advance(P);
        return ast_number(P, &tt, true);
    case T_STRING_BEG: case T_XSTRING_BEG: case T_REGEXP_BEG: case T_WORDS_BEG: case T_QWORDS_BEG:
    case T_SYMBOLS_BEG: case T_QSYMBOLS_BEG: case T_SYMBEG: case T_SYMBOL: case T_CHAR:
    case T_KW_NIL: case T_KW_TRUE: case T_KW_FALSE: case T_KW_SELF: case T_KW__FILE__:
    case T_KW__LINE__: case T_KW__ENCODING__:
        return parse_primary(P);
    case T_LAMBDA:
        return parse_lambda(P);
    case T_CONST: case T_COLON3:
        return parse_const_path(P);
    default:
        parse_syntax_error(P, NULL);
    }
}

static bool
begins_primitive(const Token *t)
{
    switch (t->type) {
    case T_NUMBER: case T_UMINUS_NUM: case T_STRING_BEG: case T_XSTRING_BEG: case T_REGEXP_BEG:
    case T_WORDS_BEG: case T_QWORDS_BEG: case T_SYMBOLS_BEG: case T_QSYMBOLS_BEG: case T_SYMBEG:
    case T_SYMBOL: case T_CHAR: case T_KW_NIL: case T_KW_TRUE: case T_KW_FALSE: case T_KW_SELF:
    case T_KW__FILE__: case T_KW__LINE__: case T_KW__ENCODING__: case T_LAMBDA: case T_CONST: case T_COLON3:
        return true;
    }
    return false;
}

static Node *
parse_value_pattern(Parser *P)
{
    Token *t = parse_peek(P);
    if (t->type == T_BDOT2 || t->type == T_BDOT3) {
        Token op = *t;
        parse_advance(P);
        Node *r = ast_at(P, NODE_RANGE, &op);
        if (op.type == T_BDOT3) r->flags |= NF_EXCLUSIVE;
        if (parse_peek(P)->type == T_CONST || parse_peek(P)->type == T_COLON3) parse_syntax_error(P, NULL);
        r->b = parse_primitive(P);
        return pat_value(P, r);
    }
    bool lo_const = t->type == T_CONST || t->type == T_COLON3;
    Node *lo = parse_primitive(P);
    t = parse_peek(P);
    if ((t->type == T_DOT2 || t->type == T_DOT3) && !lo_const) {   /* range ends are literals */
        Token op = *t;
        parse_advance(P);
        Node *r = ast_new(P, NODE_RANGE, lo->line, lo->col);
        if (op.type == T_DOT3) r->flags |= NF_EXCLUSIVE;
        r->a = lo;
        t = parse_peek(P);
        if (begins_primitive(t) && t->type != T_CONST && t->type != T_COLON3) r->b = parse_primitive(P);
        return pat_value(P, r);
    }
    return pat_value(P, lo);
}

/* a variable bound by the pattern being parsed: each name once (but `_x`) */
static void
pat_declare(Parser *P, const Token *t, ID id)
{
    size_t len;
    const char *s = mg_id_name(id, &len);
    if (len > 0 && s[0] != '_') {
        for (int i = 0; i < P->pat_vars.count; i++)
            if ((ID)(uintptr_t)P->pat_vars.items[i] == id) parse_error_at(P, t, "duplicated variable name");
        ast_vec_push(P, &P->pat_vars, (Node *)(uintptr_t)id);
    }
    parse_declare(P, id);
}

static Node *
rest_pattern(Parser *P)
{
    Token st = *parse_peek(P);
    parse_advance(P);   /* * or ** */
    Node *r = ast_at(P, NODE_PAT_REST, &st);
    if (parse_peek(P)->type == T_IDENT) {
        r->sym = parse_peek(P)->id;
        pat_declare(P, parse_peek(P), r->sym);
        parse_advance(P);
    }
    return r;
}

static bool
ends_elements(Parser *P, int close)
{
    Token *t = parse_peek(P);
    if (close) return t->type == close;
    return !begins_pattern(t);
}

/* elements of an array or find pattern, up to `close` (0: a top-level list) */
static Node *
parse_array_elems(Parser *P, int close, Node *konst, Node *first, int line, int col)
{
    NodeVec all = {0};
    int nrest = 0;
    bool trailing_comma = false;
    if (first) {
        ast_vec_push(P, &all, first);
        if (first->kind == NODE_PAT_REST) nrest++;
        if (!parse_accept(P, T_COMMA)) goto done;
        if (ends_elements(P, close)) { trailing_comma = true; goto done; }
    }
    for (;;) {
        if (close) parse_skip_newlines(P);
        if (close && parse_peek(P)->type == close) break;
        Token *t = parse_peek(P);
        Node *e;
        if (t->type == T_STAR || t->type == T_MUL) { e = rest_pattern(P); nrest++; }
        else e = parse_pattern(P);
        ast_vec_push(P, &all, e);
        if (!parse_accept(P, T_COMMA)) break;
        if (close) parse_skip_newlines(P);
        if (ends_elements(P, close)) { trailing_comma = true; break; }
    }
done:
    if (nrest == 0 && trailing_comma) {
        Node *r = ast_new(P, NODE_PAT_REST, line, col);
        ast_vec_push(P, &all, r);
        nrest = 1;
    }
    if (nrest == 2 && all.count >= 2 && all.items[0]->kind == NODE_PAT_REST &&
        all.items[all.count - 1]->kind == NODE_PAT_REST) {
        Node *f = ast_new(P, NODE_PAT_FIND, line, col);
        f->a = konst;
        f->b = all.items[0];
        f->c = all.items[all.count - 1];
        f->list = all.items + 1;
        f->count = all.count - 2;
        return f;
    }
    Node *ap = ast_new(P, NODE_PAT_ARRAY, line, col);
    ap->a = konst;
    if (nrest > 1) parse_error_node(P, all.items[all.count - 1], "syntax error, unexpected *");
    int ri = -1;
    for (int i = 0; i < all.count; i++) if (all.items[i]->kind == NODE_PAT_REST) ri = i;
    if (ri < 0) {
        ap->list = all.items;
        ap->count = all.count;
    } else {
        ap->list = all.items;
        ap->count = ri;
        ap->b = all.items[ri];
        if (ri + 1 < all.count) {
            Node *post = ast_new(P, NODE_LIST, line, col);
            post->list = all.items + ri + 1;
            post->count = all.count - ri - 1;
            ap->c = post;
        }
    }
    return ap;
}

static bool
ends_hash_value(Parser *P, int close)
{
    Token *t = parse_peek(P);
    if (close && t->type == close) return true;
    return !begins_pattern(t) || t->type == T_LABEL || t->type == T_DSTAR;
}

/* key: pattern, key:, "key": pattern, **rest, **nil -- up to `close` (0: top level) */
static Node *
parse_hash_elems(Parser *P, int close, Node *konst, int line, int col)
{
    Node *h = ast_new(P, NODE_PAT_HASH, line, col);
    h->a = konst;
    NodeVec pairs = {0};
    for (;;) {
        if (close) parse_skip_newlines(P);
        Token *t = parse_peek(P);
        Token tt = *t;
        if (close && t->type == close) break;
        if (t->type == T_LABEL) {
            parse_advance(P);
            for (int i = 0; i < pairs.count; i++)
                if (pairs.items[i]->a->kind == NODE_SYM && pairs.items[i]->a->sym == tt.id)
                    parse_error_at(P, &tt, "duplicated key name");
            Node *pair = ast_at(P, NODE_PAIR, &tt);
            pair->a = ast_at(P, NODE_SYM, &tt);
            pair->a->sym = tt.id;
            if (!ends_hash_value(P, close)) pair->b = parse_pattern(P);
            else pat_declare(P, &tt, tt.id);
            ast_vec_push(P, &pairs, pair);
        } else if (t->type == T_STRING_BEG) {
            P->label_pending = false;
            Node *k = parse_string(P);
            if (!P->label_pending) parse_error_node(P, k, "syntax error, unexpected string literal, expecting label");
            P->label_pending = false;
            for (int i = 0; k->kind == NODE_SYM && i < pairs.count; i++)
                if (pairs.items[i]->a->kind == NODE_SYM && pairs.items[i]->a->sym == k->sym)
                    parse_error_span(P, tt.line, tt.pos, P->prev.end, "duplicated key name");
            Node *pair = ast_new(P, NODE_PAIR, k->line, k->col);
            pair->a = k;
            if (!ends_hash_value(P, close)) pair->b = parse_pattern(P);
            else if (k->kind == NODE_SYM) parse_declare(P, k->sym);
            ast_vec_push(P, &pairs, pair);
        } else if (t->type == T_DSTAR || t->type == T_POW) {
            parse_advance(P);
            if (parse_peek(P)->type == T_KW_NIL) {
                parse_advance(P);
                h->flags |= NF_NIL_REST;
            } else {
                Node *r = ast_at(P, NODE_PAT_REST, &tt);
                if (parse_peek(P)->type == T_IDENT) {
                    r->sym = parse_peek(P)->id;
                    pat_declare(P, parse_peek(P), r->sym);
                    parse_advance(P);
                }
                h->b = r;
            }
        } else {
            parse_syntax_error(P, close == T_RBRACE ? "'}'" : NULL);
        }
        if (!parse_accept(P, T_COMMA)) break;
    }
    ast_set_list(P, h, &pairs);
    return h;
}

static int
closer_of(int open)
{
    return open == T_LBRACK_INDEX || open == T_LBRACK ? T_RBRACK : T_RPAREN;
}

static Node *
parse_pattern_primary(Parser *P)
{
    parse_enter(P);
    Token *t = parse_peek(P);
    Token tt = *t;
    Node *n;
    switch (t->type) {
    case T_IDENT:
        parse_advance(P);
        n = ast_at(P, NODE_PAT_BIND, &tt);
        n->sym = tt.id;
        pat_declare(P, &tt, tt.id);
        break;
    case T_XOR: {
        parse_advance(P);
        n = ast_at(P, NODE_PAT_PIN, &tt);
        t = parse_peek(P);
        Token vt = *t;
        switch (t->type) {
        case T_IDENT:
            if (!parse_is_local(P, t->id)) parse_error_span(P, t->line, NULL, NULL, "%s: no such local variable", mg_id_name(t->id, NULL));
            n->a = ast_at(P, NODE_LVAR, &vt);
            n->a->sym = vt.id;
            parse_advance(P);
            break;
        case T_IVAR: case T_GVAR: case T_CVAR:
            n->a = ast_at(P, t->type == T_IVAR ? NODE_IVAR : t->type == T_GVAR ? NODE_GVAR : NODE_CVAR, &vt);
            n->a->sym = vt.id;
            parse_advance(P);
            break;
        case T_LPAREN: case T_LPAREN_CALL: case T_LPAREN_ARG: {
            parse_advance(P);
            bool save_kwarg = P->lx.in_kwarg;
            P->lx.in_kwarg = false;
            parse_skip_newlines(P);
            n->a = parse_expr(P);
            parse_skip_newlines(P);
            parse_expect(P, T_RPAREN, "')'");
            P->lx.in_kwarg = save_kwarg;
            break;
        }
        default:
            parse_syntax_error(P, NULL);
        }
        break;
    }
    case T_LBRACK: case T_LBRACK_INDEX:
        parse_advance(P);
        n = parse_array_elems(P, T_RBRACK, NULL, NULL, tt.line, tt.col);
        parse_skip_newlines(P);
        parse_expect(P, T_RBRACK, "']'");
        break;
    case T_LBRACE: case T_LBRACE_BLOCK: case T_LBRACE_ARG: {
        parse_advance(P);
        bool save_kwarg = P->lx.in_kwarg;
        P->lx.in_kwarg = false;
        n = parse_hash_elems(P, T_RBRACE, NULL, tt.line, tt.col);
        parse_skip_newlines(P);
        P->lx.in_kwarg = save_kwarg;
        parse_expect(P, T_RBRACE, "'}'");
        break;
    }
    case T_LPAREN: case T_LPAREN_CALL: case T_LPAREN_ARG:
        parse_advance(P);
        parse_skip_newlines(P);
        n = parse_pattern(P);
        parse_skip_newlines(P);
        parse_expect(P, T_RPAREN, "')'");
        break;
    case T_CONST: case T_COLON3: {
        Node *k = parse_const_path(P);
        t = parse_peek(P);
        if (t->type == T_LPAREN_CALL || t->type == T_LBRACK_INDEX) {
            int close = closer_of(t->type);
            parse_advance(P);
            parse_skip_newlines(P);
            t = parse_peek(P);
            if (t->type == T_LABEL || t->type == T_DSTAR || t->type == T_POW) {
                bool save_kwarg = P->lx.in_kwarg;
                P->lx.in_kwarg = false;
                n = parse_hash_elems(P, close, k, k->line, k->col);
                P->lx.in_kwarg = save_kwarg;
            } else {
                n = parse_array_elems(P, close, k, NULL, k->line, k->col);
            }
            parse_skip_newlines(P);
            parse_expect(P, close, close == T_RPAREN ? "')'" : "']'");
            break;
        }
        /* a constant is no range end (parse.y's p_primitive): `Foo..` stops at the `..` */
        n = pat_value(P, k);
        break;
    }
    default:
        n = parse_value_pattern(P);
        break;
    }
    parse_leave(P);
    return n;
}

/* p_alt [=> binding] */
static Node *
parse_pattern(Parser *P)
{
    parse_enter(P);
    Node *p = parse_pattern_primary(P);
    while (parse_peek(P)->type == T_BOR) {
        parse_advance(P);
        Node *q = parse_pattern_primary(P);
        Node *alt = ast_new(P, NODE_PAT_ALT, p->line, p->col);
        alt->a = p;
        alt->b = q;
        p = alt;
    }
    while (parse_peek(P)->type == T_ASSOC) {
        parse_advance(P);
        Token *t = parse_peek(P);
        if (t->type != T_IDENT) parse_syntax_error(P, "local variable or method");
        Node *b = ast_at(P, NODE_PAT_BIND, t);
        b->sym = t->id;
        b->a = p;
        pat_declare(P, t, t->id);
        parse_advance(P);
        p = b;
    }
    parse_leave(P);
    return p;
}

/* the pattern after `in` / `=>`: also `a, *b` and `k:, **r` without brackets */
static Node *
pattern_top(Parser *P)
{
    Token *t = parse_peek(P);
    Token tt = *t;
    if (t->type == T_LABEL || t->type == T_DSTAR || t->type == T_POW)
        return parse_hash_elems(P, 0, NULL, tt.line, tt.col);
    Node *first;
    if (t->type == T_STAR || t->type == T_MUL) first = rest_pattern(P);
    else first = parse_pattern(P);
    if (parse_peek(P)->type == T_COMMA || first->kind == NODE_PAT_REST)
        return parse_array_elems(P, 0, NULL, first, tt.line, tt.col);
    return first;
}

Node *
parse_pattern_top(Parser *P)
{
    NodeVec save = P->pat_vars;
    P->pat_vars = (NodeVec){0};
    Node *n = pattern_top(P);
    P->pat_vars = save;
    return n;
}

Node *
parse_case_in(Parser *P, Node *subject, int line, int col)
{
    Node *n = ast_new(P, NODE_CASE_IN, line, col);
    n->a = subject;
    NodeVec ins = {0};
    while (parse_peek(P)->type == T_KW_IN) {
        Token kw = *parse_peek(P);
        parse_advance(P);
        Node *in = ast_at(P, NODE_IN, &kw);
        bool save_kwarg = P->lx.in_kwarg;
        P->lx.state = EXPR_BEG | EXPR_LABEL;
        P->lx.command_start = false;
        P->lx.in_kwarg = true;
        in->a = parse_pattern_top(P);
        P->lx.in_kwarg = save_kwarg;
        Token *t = parse_peek(P);
        if (t->type == T_KW_IF_MOD || t->type == T_KW_UNLESS_MOD) {
            if (t->type == T_KW_UNLESS_MOD) in->flags |= NF_UNLESS_GUARD;
            parse_advance(P);
            in->c = parse_expr(P);
        }
        parse_then(P);
        in->b = parse_compstmt(P);
        ast_vec_push(P, &ins, in);
    }
    ast_set_list(P, n, &ins);
    if (parse_accept(P, T_KW_ELSE)) n->b = parse_compstmt(P);
    parse_expect_close(P, T_KW_END, "`end'");
    return n;
}
