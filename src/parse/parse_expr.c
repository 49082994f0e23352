/* parse_expr.c -- expressions: operator precedence (precedence climbing),
 * assignment and multiple assignment, primaries, method calls with all their
 * argument forms, blocks and lambdas, and string-like literals. */
#include "parser_int.h"

/* ASCII-only character classes: the lexer must not depend on the C locale */
static inline bool a_digit(int c) { return c >= '0' && c <= '9'; }
static inline bool a_upper(int c) { return c >= 'A' && c <= 'Z'; }
static inline bool a_lower(int c) { return c >= 'a' && c <= 'z'; }
static inline bool a_alpha(int c) { return a_upper(c) || a_lower(c); }
static inline bool a_alnum(int c) { return a_alpha(c) || a_digit(c); }

enum {
    PREC_NONE, PREC_OROP, PREC_ANDOP, PREC_EQ, PREC_CMP, PREC_BOR, PREC_BAND,
    PREC_SHIFT, PREC_ADD, PREC_MUL, PREC_UMINUS, PREC_POW,
};

static Node *parse_unary(Parser *P);
static Node *parse_binop(Parser *P, int minprec);
static Node *parse_postfix(Parser *P, Node *n);
static Node *parse_primary_base(Parser *P);

Node *
ast_call(Parser *P, Node *recv, ID name, int line, int col)
{
    Node *c = ast_new(P, NODE_CALL, line, col);
    c->a = recv;
    c->sym = name;
    if (!recv) c->flags |= NF_FCALL;
    return c;
}

static Node *
call1(Parser *P, Node *recv, const char *op, Node *arg, const Token *at)
{
    Node *c = ast_call(P, recv, parse_intern(op), recv ? recv->line : at->line, recv ? recv->col : at->col);
    if (arg) ast_list1(P, c, arg);
    return c;
}

bool
parse_begins_expr(const Token *t)
{
    switch (t->type) {
    case T_IDENT: case T_CONST: case T_FID: case T_IVAR: case T_CVAR: case T_GVAR:
    case T_NTH_REF: case T_BACK_REF: case T_NUMBER: case T_CHAR: case T_SYMBOL: case T_SYMBEG:
    case T_STRING_BEG: case T_XSTRING_BEG: case T_REGEXP_BEG: case T_WORDS_BEG: case T_QWORDS_BEG:
    case T_SYMBOLS_BEG: case T_QSYMBOLS_BEG: case T_UMINUS: case T_UMINUS_NUM: case T_UPLUS:
    case T_BANG: case T_TILDE: case T_LBRACK: case T_LPAREN: case T_LPAREN_ARG: case T_LBRACE:
    case T_COLON3: case T_LAMBDA: case T_BDOT2: case T_BDOT3:
    case T_KW_NIL: case T_KW_TRUE: case T_KW_FALSE: case T_KW_SELF: case T_KW__FILE__:
    case T_KW__LINE__: case T_KW__ENCODING__: case T_KW_DEFINED: case T_KW_NOT: case T_KW_IF:
    case T_KW_UNLESS: case T_KW_WHILE: case T_KW_UNTIL: case T_KW_CASE: case T_KW_FOR:
    case T_KW_BEGIN: case T_KW_DEF: case T_KW_CLASS: case T_KW_MODULE: case T_KW_YIELD:
    case T_KW_SUPER: case T_KW_REDO: case T_KW_RETRY: case T_KW_RETURN: case T_KW_BREAK:
    case T_KW_NEXT:
        return true;
    }
    return false;
}

bool
parse_begins_arg(const Token *t)
{
    switch (t->type) {
    case T_STAR: case T_DSTAR: case T_AMPER: case T_LABEL:
        return true;
    }
    return parse_begins_expr(t);
}

/* ---- assignment targets ---- */

static bool
is_lvar_name(ID id)
{
    size_t n;
    const char *s = mg_id_name(id, &n);
    if (n == 0) return false;
    unsigned char c = (unsigned char)s[0];
    if (!(c == '_' || a_lower(c) || c >= 0x80)) return false;
    char last = s[n - 1];
    return last != '?' && last != '!' && last != '=';
}

static bool
is_attr_call(const Node *n)
{
    return n->kind == NODE_CALL && n->a && !n->b && n->count == 0 && !(n->flags & (NF_PAREN | NF_ATTRASGN));
}

static bool
is_index_call(const Node *n)
{
    size_t len;
    return n->kind == NODE_CALL && n->a && !n->b && !(n->flags & NF_ATTRASGN) &&
           strcmp(mg_id_name(n->sym, &len), "[]") == 0 && (n->flags & NF_PAREN) == 0;
}

static bool
lhs_ok(const Node *n)
{
    switch (n->kind) {
    case NODE_LVAR: case NODE_IVAR: case NODE_GVAR: case NODE_CVAR: case NODE_CONST:
    case NODE_COLON2: case NODE_COLON3: case NODE_NTH_REF: case NODE_BACK_REF:
    case NODE_SELF: case NODE_NIL: case NODE_TRUE: case NODE_FALSE:
        return true;
    case NODE_CALL:
        if (n->flags & NF_VCALL) return true;
        return is_attr_call(n) || is_index_call(n);
    }
    return false;
}

static ID
setter_name(Parser *P, ID name)
{
    size_t n;
    const char *s = mg_id_name(name, &n);
    char *buf = mg_arena_alloc(P->arena, n + 2);
    memcpy(buf, s, n);
    buf[n] = '=';
    return mg_intern(buf, n + 1);
}

/* Turn an expression into an assignment target with no value (declaring locals). */
Node *
parse_assignable(Parser *P, Node *n)
{
    Node *t;
    switch (n->kind) {
    case NODE_LVAR:
        if (parse_is_numparam(n->sym)) parse_error_span(P, n->line, NULL, NULL, "%s is reserved for numbered parameter", mg_id_name(n->sym, NULL));
        t = ast_new(P, NODE_LASGN, n->line, n->col);
        t->sym = n->sym;
        parse_declare(P, n->sym);
        return t;
    case NODE_IVAR: n->kind = NODE_IASGN; return n;
    case NODE_GVAR: n->kind = NODE_GASGN; return n;
    case NODE_CVAR: n->kind = NODE_CVASGN; return n;
    case NODE_CONST: case NODE_COLON3:
    case_const:
        if (P->in_def) parse_error_node(P, n, "dynamic constant assignment");
        t = ast_new(P, NODE_CDECL, n->line, n->col);
        t->a = n;
        return t;
    case NODE_COLON2:
        if (!(n->flags & NF_CALL)) goto case_const;
        t = ast_call(P, n->a, setter_name(P, n->sym), n->line, n->col);
        t->flags = NF_ATTRASGN;
        return t;
    case NODE_MLHS:
    case NODE_SPLAT:
        return n;
    case NODE_NTH_REF: case NODE_BACK_REF: {
        size_t len;
        const char *s = mg_id_name(n->sym, &len);
        parse_error_span(P, n->line, NULL, NULL, "Can't set variable %s", s);
    }
    case NODE_SELF: parse_error_node(P, n, "Can't change the value of self");
    case NODE_NIL: parse_error_node(P, n, "Can't assign to nil");
    case NODE_TRUE: parse_error_node(P, n, "Can't assign to true");
    case NODE_FALSE: parse_error_node(P, n, "Can't assign to false");
    case NODE_CALL:
        if (n->flags & NF_VCALL) {
            if (!is_lvar_name(n->sym)) parse_error_node(P, n, "syntax error, unexpected '='");
            if (parse_is_numparam(n->sym)) parse_error_span(P, n->line, NULL, NULL, "%s is reserved for numbered parameter", mg_id_name(n->sym, NULL));
            t = ast_new(P, NODE_LASGN, n->line, n->col);
            t->sym = n->sym;
            parse_declare(P, n->sym);
            return t;
        }
        if (is_attr_call(n)) {
            n->sym = setter_name(P, n->sym);
            n->flags |= NF_ATTRASGN;
            n->flags &= ~(uint32_t)(NF_VCALL | NF_FCALL);
            return n;
        }
        if (is_index_call(n)) {
            n->sym = parse_intern("[]=");
            n->flags |= NF_ATTRASGN;
            return n;
        }
        break;
    }
    parse_error_node(P, n, "syntax error, unexpected '='");
}

static void
set_value(Parser *P, Node *t, Node *v)
{
    parse_value_expr(P, v);
    switch (t->kind) {
    case NODE_CDECL: t->b = v; break;
    case NODE_CALL: {
        NodeVec vec = {t->list, t->count, t->count};
        ast_vec_push(P, &vec, v);
        ast_set_list(P, t, &vec);
        break;
    }
    default: t->a = v; break;
    }
}

/* the target of `x op= v`: the read form, locals declared */
static Node *
op_asgn_target(Parser *P, Node *n)
{
    if (n->kind == NODE_CALL && (n->flags & NF_VCALL)) {
        if (!is_lvar_name(n->sym)) parse_error_node(P, n, "syntax error, unexpected operator-assignment");
        Node *l = ast_new(P, NODE_LVAR, n->line, n->col);
        l->sym = n->sym;
        parse_declare(P, n->sym);
        return l;
    }
    if (n->kind == NODE_CONST || n->kind == NODE_COLON2 || n->kind == NODE_COLON3) {
        if (P->in_def && !(n->flags & NF_CALL)) parse_error_node(P, n, "dynamic constant assignment");
    }
    if (n->kind == NODE_SELF || n->kind == NODE_NIL || n->kind == NODE_TRUE || n->kind == NODE_FALSE ||
        n->kind == NODE_NTH_REF || n->kind == NODE_BACK_REF)
        parse_assignable(P, n);  /* reports the error */
    return n;
}

/* right side of `lhs = ...`: arg [rescue arg], or `*a, b` */
/* the value of an assignment; a command call (`x = foo 1`) only when the
 * assignment is a statement (`cmd`: the target was at CMD_EXPR or CMD_ASGN) */
static Node *
parse_asgn_rhs(Parser *P, bool cmd)
{
    Token *t = parse_peek(P);
    if (t->type == T_STAR) {
        Node *arr = ast_at(P, NODE_ARRAY, t);
        NodeVec v = {0};
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
        }
        ast_set_list(P, arr, &v);
        return arr;
    }
    P->cmd_ok = cmd ? CMD_ASGN : CMD_NO;
    Node *v = parse_arg(P);
    P->cmd_ok = CMD_NO;
    if (parse_peek(P)->type == T_KW_RESCUE_MOD) {
        Token rk = *parse_peek(P);
        parse_advance(P);
        Node *b = ast_new(P, NODE_BEGIN, v->line, v->col);
        Node *r = ast_at(P, NODE_RESCUE, &rk);
        r->b = parse_arg(P);
        b->a = v;
        ast_list1(P, b, r);
        v = b;
    }
    return v;
}

/* ---- multiple assignment ---- */

static bool
mlhs_candidate(const Node *n)
{
    return lhs_ok(n) || n->kind == NODE_MLHS;
}

/* an item of a multiple-assignment left side (before conversion) */
Node *
parse_mlhs_item(Parser *P)
{
    Token *t = parse_peek(P);
    if (t->type == T_LPAREN || t->type == T_LPAREN_ARG || t->type == T_LPAREN_CALL) {
        Token open = *t;
        parse_advance(P);
        parse_enter(P);
        Node *m = ast_at(P, NODE_MLHS, &open);
        NodeVec v = {0};
        for (;;) {
            t = parse_peek(P);
            if (t->type == T_STAR) {
                Token st = *t;
                parse_advance(P);
                Node *s = ast_at(P, NODE_SPLAT, &st);
                t = parse_peek(P);
                if (t->type != T_COMMA && t->type != T_RPAREN) s->a = parse_assignable(P, parse_mlhs_item(P));
                ast_vec_push(P, &v, s);
            } else {
                ast_vec_push(P, &v, parse_assignable(P, parse_mlhs_item(P)));
            }
            if (!parse_accept(P, T_COMMA)) break;
            if (parse_peek(P)->type == T_RPAREN) break;
        }
        parse_expect(P, T_RPAREN, "')'");
        parse_leave(P);
        ast_set_list(P, m, &v);
        return m;
    }
    Node *n = parse_primary(P);
    if (!mlhs_candidate(n)) parse_error_node(P, n, "syntax error, unexpected %s", mg_token_desc(parse_peek(P)));
    return n;
}

/* a, b = ...  (first already parsed, or NULL when the statement starts with `*`) */
static Node *
parse_masgn(Parser *P, Node *first)
{
    Token start = *parse_peek(P);
    Node *m = ast_new(P, NODE_MASGN, first ? first->line : start.line, first ? first->col : start.col);
    NodeVec v = {0};
    if (first) {
        ast_vec_push(P, &v, parse_assignable(P, first));
        if (!parse_accept(P, T_COMMA)) goto done;
    }
    for (;;) {
        Token *t = parse_peek(P);
        if (t->type == T_ASSIGN || t->type == T_RPAREN) break;   /* `a, = x` */
        if (t->type == T_STAR) {
            Token st = *t;
            parse_advance(P);
            Node *s = ast_at(P, NODE_SPLAT, &st);
            t = parse_peek(P);
            if (t->type != T_COMMA && t->type != T_ASSIGN && t->type != T_RPAREN)
                s->a = parse_assignable(P, parse_mlhs_item(P));
            ast_vec_push(P, &v, s);
        } else {
            ast_vec_push(P, &v, parse_assignable(P, parse_mlhs_item(P)));
        }
        if (!parse_accept(P, T_COMMA)) break;
    }
done:
    ast_set_list(P, m, &v);
    Token *t = parse_peek(P);
    if (t->type == T_RPAREN) {
        m->kind = NODE_MLHS;
        return m;
    }
    if (t->type != T_ASSIGN) parse_syntax_error(P, "'='");
    parse_advance(P);
    /* the right side: mrhs or a single (possibly command) value */
    t = parse_peek(P);
    Node *arr = ast_at(P, NODE_ARRAY, t);
    NodeVec rv = {0};
    bool array = false;
    for (;;) {
        t = parse_peek(P);
        if (t->type == T_STAR) {
            Token st = *t;
            parse_advance(P);
            Node *s = ast_at(P, NODE_SPLAT, &st);
            s->a = parse_arg(P);
            ast_vec_push(P, &rv, s);
            array = true;
        } else {
            if (!array) P->cmd_ok = CMD_ARG;
            ast_vec_push(P, &rv, parse_arg(P));
            P->cmd_ok = CMD_NO;
        }
        if (!parse_accept(P, T_COMMA)) break;
        array = true;
    }
    if (array) {
        ast_set_list(P, arr, &rv);
        m->a = arr;
    } else {
        m->a = rv.items[0];
        if (parse_peek(P)->type == T_KW_RESCUE_MOD) {
            Token rk = *parse_peek(P);
            parse_advance(P);
            Node *b = ast_new(P, NODE_BEGIN, m->a->line, m->a->col);
            Node *r = ast_at(P, NODE_RESCUE, &rk);
            r->b = parse_arg(P);
            b->a = m->a;
            ast_list1(P, b, r);
            m->a = b;
        }
    }
    return m;
}

static bool
is_assignment(const Node *n)
{
    switch (n->kind) {
    case NODE_LASGN: case NODE_IASGN: case NODE_GASGN: case NODE_CVASGN:
        return n->a != NULL;
    case NODE_CDECL:
        return n->b != NULL;
    case NODE_CALL:
        return (n->flags & NF_ATTRASGN) && n->count > 0;
    case NODE_OP_ASGN:
        return true;
    }
    return false;
}

static Node *
assigned_value(Node *n)
{
    switch (n->kind) {
    case NODE_CDECL: case NODE_OP_ASGN: return n->b;
    case NODE_CALL: return n->list[n->count - 1];
    default: return n->a;
    }
}

static void
replace_value(Node *n, Node *v)
{
    switch (n->kind) {
    case NODE_CDECL: case NODE_OP_ASGN: n->b = v; break;
    case NODE_CALL: n->list[n->count - 1] = v; break;
    default: n->a = v; break;
    }
}

Node *
parse_expr_stmt(Parser *P)
{
    P->label_pending = false;
    Token *t = parse_peek(P);
    if (t->type == T_STAR) return parse_masgn(P, NULL);
    Node *n = parse_expr(P);
    t = parse_peek(P);
    if (t->type == T_COMMA && mlhs_candidate(n)) return parse_masgn(P, n);
    if (n->kind == NODE_MLHS) {
        if (t->type == T_ASSIGN) {
            /* (a, b) = v: the same as a, b = v */
            Node *m = parse_masgn(P, n);
            if (m->kind == NODE_MASGN && m->count == 1 && m->list[0]->kind == NODE_MLHS) {
                m->list = m->list[0]->list;
                m->count = m->count ? n->count : 0;
            }
            return m;
        }
        parse_syntax_error(P, "'='");
    }
    if (t->type == T_COMMA && is_assignment(n) && n->kind != NODE_OP_ASGN) {
        /* a = 1, 2  ==> a = [1, 2] */
        Node *first = assigned_value(n);
        Node *arr = ast_new(P, NODE_ARRAY, first->line, first->col);
        NodeVec v = {0};
        if (first->kind == NODE_ARRAY && first->count > 0 && first->list[0]->kind == NODE_SPLAT) {
            v.items = first->list; v.count = v.capacity = first->count;
        } else {
            ast_vec_push(P, &v, first);
        }
        while (parse_accept(P, T_COMMA)) {
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
        }
        ast_set_list(P, arr, &v);
        replace_value(n, arr);
    }
    return n;
}

/* ---- expressions ---- */

static Node *
parse_not_expr(Parser *P)
{
    Token *t = parse_peek(P);
    if (t->type == T_KW_NOT) {
        Token kw = *t;
        parse_advance(P);
        parse_skip_newlines(P);   /* keyword_not opt_nl expr */
        parse_enter(P);
        Node *n = ast_at(P, NODE_NOT, &kw);
        n->a = parse_not_expr(P);
        parse_leave(P);
        return n;
    }
    P->cmd_ok = CMD_EXPR;
    Node *n = parse_arg(P);
    P->cmd_ok = CMD_NO;
    t = parse_peek(P);
    /* `arg => pattern`, `arg in pattern`: a command call is not an arg */
    if ((t->type == T_ASSOC || (t->type == T_KW_IN && !P->no_in)) && n != P->last_cmd) {
        Token op = *t;
        parse_advance(P);
        Node *m = ast_new(P, NODE_PAT_MATCH, n->line, n->col);
        m->a = n;
        bool save_kwarg = P->lx.in_kwarg;
        P->lx.state = EXPR_BEG | EXPR_LABEL;
        P->lx.command_start = false;
        P->lx.in_kwarg = true;
        m->b = parse_pattern_top(P);
        P->lx.in_kwarg = save_kwarg;
        if (op.type == T_KW_IN) m->flags |= NF_BOOL_MATCH;
        return m;
    }
    return n;
}

Node *
parse_expr(Parser *P)
{
    parse_enter(P);
    Node *left = parse_not_expr(P);
    for (;;) {
        Token *t = parse_peek(P);
        if (t->type != T_KW_AND && t->type != T_KW_OR) break;
        Token op = *t;
        parse_advance(P);
        Node *right = parse_not_expr(P);
        Node *n = ast_new(P, op.type == T_KW_AND ? NODE_AND : NODE_OR, left->line, left->col);
        n->a = left;
        n->b = right;
        left = n;
    }
    parse_leave(P);
    return left;
}

static Node *
parse_range(Parser *P)
{
    Token *t = parse_peek(P);
    if (t->type == T_BDOT2 || t->type == T_BDOT3) {
        Token op = *t;
        parse_advance(P);
        P->cmd_ok = CMD_NO;
        Node *r = ast_at(P, NODE_RANGE, &op);
        if (op.type == T_BDOT3) r->flags |= NF_EXCLUSIVE;
        if (!parse_begins_expr(parse_peek(P))) parse_syntax_error(P, NULL);   /* `..` alone */
        r->b = parse_binop(P, PREC_OROP);
        return r;
    }
    Node *lo = parse_binop(P, PREC_OROP);
    if (P->label_pending) return lo;
    t = parse_peek(P);
    if (t->type == T_DOT2 || t->type == T_DOT3 || t->type == T_BDOT2 || t->type == T_BDOT3) {
        Token op = *t;
        parse_advance(P);
        Node *r = ast_new(P, NODE_RANGE, lo->line, lo->col);
        r->a = lo;
        if (op.type == T_DOT3 || op.type == T_BDOT3) r->flags |= NF_EXCLUSIVE;
        if (parse_begins_expr(parse_peek(P))) r->b = parse_binop(P, PREC_OROP);
        t = parse_peek(P);
        if (t->type == T_DOT2 || t->type == T_DOT3) parse_syntax_error(P, NULL);   /* non-associative */
        return r;
    }
    return lo;
}

Node *
parse_arg(Parser *P)
{
    parse_enter(P);
    Node *c = parse_range(P);
    if (!P->label_pending && parse_peek(P)->type == T_QMARK) {
        parse_advance(P);
        Node *n = ast_new(P, NODE_IF, c->line, c->col);
        n->a = parse_cond(P, c);
        parse_skip_newlines(P);
        n->b = parse_arg(P);
        parse_skip_newlines(P);
        parse_expect(P, T_COLON, "':'");
        parse_skip_newlines(P);
        n->c = parse_arg(P);
        c = n;
    }
    parse_leave(P);
    return c;
}

static int
binprec(int type, bool *right)
{
    *right = false;
    switch (type) {
    case T_OROP: return PREC_OROP;
    case T_ANDOP: return PREC_ANDOP;
    case T_CMP: case T_EQ: case T_EQQ: case T_NEQ: case T_MATCH: case T_NMATCH: return PREC_EQ;
    case T_LT: case T_LEQ: case T_GT: case T_GEQ: return PREC_CMP;
    case T_BOR: case T_XOR: return PREC_BOR;
    case T_BAND: return PREC_BAND;
    case T_LSHFT: case T_RSHFT: return PREC_SHIFT;
    case T_PLUS: case T_MINUS: return PREC_ADD;
    case T_MUL: case T_DIV: case T_MOD: return PREC_MUL;
    case T_POW: *right = true; return PREC_POW;
    }
    return PREC_NONE;
}

static const char *
binop_name(int type)
{
    switch (type) {
    case T_CMP: return "<=>";
    case T_EQ: return "==";
    case T_EQQ: return "===";
    case T_NEQ: return "!=";
    case T_MATCH: return "=~";
    case T_NMATCH: return "!~";
    case T_LT: return "<";
    case T_LEQ: return "<=";
    case T_GT: return ">";
    case T_GEQ: return ">=";
    case T_BOR: return "|";
    case T_XOR: return "^";
    case T_BAND: return "&";
    case T_LSHFT: return "<<";
    case T_RSHFT: return ">>";
    case T_PLUS: return "+";
    case T_MINUS: return "-";
    case T_MUL: return "*";
    case T_DIV: return "/";
    case T_MOD: return "%";
    case T_POW: return "**";
    }
    return "?";
}

/* named groups of a regexp literal: (?<name>...) and (?'name'...) */
static void
named_captures(Parser *P, const Node *re, NodeVec *out)
{
    const char *s = re->str;
    size_t n = re->len;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\\') { i++; continue; }
        if (s[i] == '[') {
            int depth = 1;
            for (i++; i < n && depth > 0; i++) {
                if (s[i] == '\\') i++;
                else if (s[i] == '[') depth++;
                else if (s[i] == ']') depth--;
            }
            i--;
            continue;
        }
        if (s[i] == '(' && i + 2 < n && s[i + 1] == '?' && (s[i + 2] == '<' || s[i + 2] == '\'')) {
            char close = s[i + 2] == '<' ? '>' : '\'';
            size_t j = i + 3;
            if (j < n && (s[j] == '=' || s[j] == '!')) continue;
            size_t k = j;
            while (k < n && s[k] != close) k++;
            if (k >= n || k == j) continue;
            bool ok = true;
            unsigned char c0 = (unsigned char)s[j];
            if (!(c0 == '_' || a_lower(c0) || c0 >= 0x80)) ok = false;
            for (size_t q = j; q < k && ok; q++) {
                unsigned char c = (unsigned char)s[q];
                if (!(a_alnum(c) || c == '_' || c >= 0x80)) ok = false;
            }
            if (!ok) continue;
            ID id = mg_intern(s + j, k - j);
            bool dup = false;
            for (int q = 0; q < out->count; q++) if (out->items[q]->sym == id) dup = true;
            if (dup) continue;
            Node *sym = ast_new(P, NODE_SYM, re->line, re->col);
            sym->sym = id;
            ast_vec_push(P, out, sym);
            i = k;
        }
    }
}

static Node *
make_binop(Parser *P, const Token *op, Node *left, Node *right)
{
    Node *n;
    switch (op->type) {
    case T_ANDOP:
    case T_OROP:
        parse_value_expr(P, left);
        n = ast_new(P, op->type == T_ANDOP ? NODE_AND : NODE_OR, left->line, left->col);
        n->a = left;
        n->b = right;
        return n;
    case T_MATCH:
        if (left->kind == NODE_REGEX) {
            NodeVec caps = {0};
            named_captures(P, left, &caps);
            if (caps.count) {
                n = ast_new(P, NODE_MATCH_ASGN, left->line, left->col);
                n->a = left;
                n->b = right;
                ast_set_list(P, n, &caps);
                for (int i = 0; i < caps.count; i++) parse_declare(P, caps.items[i]->sym);
                return n;
            }
        }
        break;
    }
    parse_value_expr(P, left);
    parse_value_expr(P, right);
    if (P->spot.active) parse_spot(P, parse_intern(binop_name(op->type)), op, op->end);
    return call1(P, left, binop_name(op->type), right, op);
}

static Node *
parse_binop(Parser *P, int minprec)
{
    parse_enter(P);
    Node *left = parse_unary(P);
    int last_prec = PREC_NONE;
    for (;;) {
        if (P->label_pending) break;
        bool right_assoc;
        Token *t = parse_peek(P);
        int prec = binprec(t->type, &right_assoc);
        if (prec == PREC_NONE || prec < minprec) break;
        if (prec == PREC_EQ && last_prec == PREC_EQ) parse_syntax_error(P, NULL);   /* non-associative */
        last_prec = prec;
        Token op = *t;
        parse_advance(P);
        Node *right = parse_binop(P, right_assoc ? prec : prec + 1);
        left = make_binop(P, &op, left, right);
    }
    parse_leave(P);
    return left;
}

Node *
ast_number(Parser *P, const Token *t, bool negative)
{
    Node *n;
    switch (t->num) {
    case NUM_INT:
        n = ast_at(P, NODE_INT, t);
        n->ival = negative ? -t->ival : t->ival;
        break;
    case NUM_BIG:
        if (negative && strcmp(t->str, "9223372036854775808") == 0) {
            n = ast_at(P, NODE_INT, t);
            n->ival = INT64_MIN;
            break;
        }
        n = ast_at(P, NODE_BIGNUM, t);
        if (negative) {
            n->len = t->len + 1;
            n->str = mg_arena_alloc(P->arena, n->len + 1);
            n->str[0] = '-';
            memcpy(n->str + 1, t->str, t->len + 1);
        } else {
            n->str = t->str;
            n->len = t->len;
        }
        break;
    default:
        n = ast_at(P, NODE_FLOAT, t);
        n->fval = negative ? -t->fval : t->fval;
        if (negative) {
            n->len = t->len + 1;
            n->str = mg_arena_alloc(P->arena, n->len + 1);
            n->str[0] = '-';
            memcpy(n->str + 1, t->str, t->len + 1);
        } else {
            n->str = t->str;
            n->len = t->len;
        }
        break;
    }
    if (negative && n->col > 0) n->col--;
    if (t->suffix & NUM_SUFFIX_R) {
        Node *r = ast_new(P, NODE_RATIONAL, n->line, n->col);
        r->a = n;
        n = r;
    }
    if (t->suffix & NUM_SUFFIX_I) {
        Node *r = ast_new(P, NODE_IMAGINARY, n->line, n->col);
        r->a = n;
        n = r;
    }
    return n;
}

static Node *
parse_unary(Parser *P)
{
    parse_enter(P);
    Token *t = parse_peek(P);
    Token op = *t;
    Node *n;
    if (t->type == T_BANG) {
        /* `! command_call` is an expr, not an arg */
        if (P->cmd_ok != CMD_EXPR) P->cmd_ok = CMD_NO;
    } else if (!(parse_begins_expr(t) && t->type != T_UMINUS && t->type != T_UMINUS_NUM &&
                 t->type != T_UPLUS && t->type != T_TILDE && t->type != T_KW_DEFINED &&
                 t->type != T_KW_NOT)) {
        P->cmd_ok = CMD_NO;
    }
    bool save_here = P->cmd_here;
    switch (t->type) {
    case T_BANG:
        parse_advance(P);
        n = ast_at(P, NODE_NOT, &op);
        n->a = parse_unary(P);
        parse_value_expr(P, n->a);
        break;
    case T_TILDE:
        parse_advance(P);
        n = parse_unary(P);
        n = call1(P, n, "~", NULL, &op);
        n->line = op.line; n->col = op.col;
        break;
    case T_UPLUS:
        parse_advance(P);
        n = parse_unary(P);
        n = call1(P, n, "+@", NULL, &op);
        n->line = op.line; n->col = op.col;
        break;
    case T_UMINUS:
        parse_advance(P);
        n = parse_binop(P, PREC_POW);
        n = call1(P, n, "-@", NULL, &op);
        n->line = op.line; n->col = op.col;
        break;
    case T_UMINUS_NUM: {
        parse_advance(P);
        Token num = *parse_peek(P);
        if (num.type != T_NUMBER) parse_syntax_error(P, NULL);
        parse_advance(P);
        if (parse_peek(P)->type == T_POW) {
            Token pw = *parse_peek(P);
            parse_advance(P);
            Node *base = ast_number(P, &num, false);
            Node *rhs = parse_binop(P, PREC_POW);
            n = call1(P, base, "**", rhs, &pw);
            n = call1(P, n, "-@", NULL, &op);
            n->line = op.line; n->col = op.col;
        } else {
            P->cmd_here = false;
            n = parse_postfix(P, ast_number(P, &num, true));
            P->cmd_here = save_here;
        }
        break;
    }
    case T_KW_DEFINED: {
        parse_advance(P);
        n = ast_at(P, NODE_DEFINED, &op);
        if (parse_peek(P)->type == T_LPAREN_CALL) {
            parse_advance(P);
            int save_no_do = P->no_do;
            P->no_do = false;
            parse_skip_newlines(P);
            n->a = parse_expr(P);
            parse_skip_newlines(P);
            parse_expect(P, T_RPAREN, "')'");
            P->no_do = save_no_do;
            P->cmd_here = false;
            n = parse_postfix(P, n);
            P->cmd_here = save_here;
        } else {
            parse_skip_newlines(P);
            n->a = parse_arg(P);
        }
        break;
    }
    case T_KW_NOT:
        parse_advance(P);
        n = ast_at(P, NODE_NOT, &op);
        if (parse_peek(P)->type == T_LPAREN_CALL) {
            parse_advance(P);
            parse_skip_newlines(P);
            if (parse_peek(P)->type == T_RPAREN) n->a = ast_at(P, NODE_NIL, &op);
            else n->a = parse_expr(P);
            parse_skip_newlines(P);
            parse_expect(P, T_RPAREN, "')'");
            P->cmd_here = false;
            n = parse_postfix(P, n);
            P->cmd_here = save_here;
        } else {
            /* `not x` is an expr (parse_not_expr); as an arg only `not(x)` */
            parse_syntax_error(P, "'('");
        }
        break;
    default: {
        bool stmt_asgn = P->cmd_ok == CMD_EXPR || P->cmd_ok == CMD_ASGN;
        n = parse_primary(P);
        if (P->label_pending) break;
        t = parse_peek(P);
        if (t->type == T_ASSIGN && lhs_ok(n)) {
            parse_advance(P);
            Node *target = parse_assignable(P, n);
            if (target->kind == NODE_MLHS || target->kind == NODE_SPLAT) parse_syntax_error(P, NULL);
            set_value(P, target, parse_asgn_rhs(P, stmt_asgn));
            n = target;
        } else if (t->type == T_OP_ASGN && lhs_ok(n)) {
            Token o = *t;
            parse_spot(P, o.id, &o, o.pos + 1);
            parse_advance(P);
            Node *target = op_asgn_target(P, n);
            Node *m = ast_new(P, NODE_OP_ASGN, n->line, n->col);
            m->a = target;
            m->sym = o.id;
            m->b = parse_asgn_rhs(P, stmt_asgn);
            parse_value_expr(P, m->b);
            n = m;
        }
        break;
    }
    }
    parse_leave(P);
    return n;
}

/* ---- arguments ---- */

static bool
ends_arg_value(const Token *t)
{
    return !parse_begins_expr(t);
}

/* Arguments into v, up to `close` (T_RPAREN, T_RBRACK) or, with close 0, as
 * long as commas continue (command arguments). Keyword pairs collect in one
 * HASH (NF_BRACELESS when `braceless`). */
static void
parse_args(Parser *P, NodeVec *v, int close, bool braceless)
{
    Node *hash = NULL;
    NodeVec pairs = {0};
    bool save_label = P->label_pending;
    int first_cmd = P->cmd_ok;
    P->cmd_ok = CMD_NO;
    for (int argi = 0;; argi++) {
        if (close) parse_skip_newlines(P);
        Token *t = parse_peek(P);
        Token tt = *t;
        if (close && t->type == close) break;
        if (close && t->type == T_EOF) parse_syntax_error(P, close == T_RPAREN ? "')'" : "']'");
        if (close == T_RPAREN && t->type == T_COMMA) parse_syntax_error(P, "')'");
        switch (t->type) {
        case T_STAR: {
            if (hash && close == T_RPAREN) parse_syntax_error(P, "')'");
            parse_advance(P);
            Node *s = ast_at(P, NODE_SPLAT, &tt);
            t = parse_peek(P);
            if (t->type == T_COMMA || t->type == T_RPAREN || (close && t->type == close)) parse_syntax_error(P, NULL);
            if (t->type != T_COMMA && t->type != close && !(close == 0 && ends_arg_value(t)) && t->type != T_RPAREN)
                s->a = parse_arg(P);
            ast_vec_push(P, v, s);
            break;
        }
        case T_DSTAR: {
            parse_advance(P);
            Node *s = ast_at(P, NODE_DSPLAT, &tt);
            t = parse_peek(P);
            if (t->type == T_COMMA || t->type == T_RPAREN || (close && t->type == close)) parse_syntax_error(P, NULL);
            if (t->type != T_COMMA && t->type != close && !(close == 0 && ends_arg_value(t)) && t->type != T_RPAREN)
                s->a = parse_arg(P);
            if (!hash) { hash = ast_at(P, NODE_HASH, &tt); ast_vec_push(P, v, hash); }
            ast_vec_push(P, &pairs, s);
            break;
        }
        case T_AMPER: {
            parse_advance(P);
            Node *b = ast_at(P, NODE_BLOCK_PASS, &tt);
            t = parse_peek(P);
            if (t->type != T_COMMA && t->type != close && !(close == 0 && ends_arg_value(t)) && t->type != T_RPAREN)
                b->a = parse_arg(P);
            else if (!parse_def_anon_block(P))
                parse_error_span(P, tt.line, NULL, NULL, "no anonymous block parameter");
            ast_vec_push(P, v, b);
            if (parse_peek(P)->type == T_COMMA) {
                if (close == T_RPAREN) parse_syntax_error(P, "')'");
                goto args_done;   /* `foo &b, 1`: the call ends at the block argument */
            }
            break;
        }
        case T_LABEL: {
            parse_advance(P);
            Node *pair = ast_at(P, NODE_PAIR, &tt);
            pair->a = ast_at(P, NODE_SYM, &tt);
            pair->a->sym = tt.id;
            if (!ends_arg_value(parse_peek(P))) pair->b = parse_arg(P);
            if (!hash) { hash = ast_at(P, NODE_HASH, &tt); ast_vec_push(P, v, hash); }
            ast_vec_push(P, &pairs, pair);
            break;
        }
        case T_BDOT3:
            if (close == T_RPAREN) {
                parse_advance(P);
                if (parse_peek(P)->type == T_RPAREN) {
                    if (!parse_def_forwards(P)) parse_error_span(P, tt.line, NULL, NULL, "unexpected ...");
                    ast_vec_push(P, v, ast_at(P, NODE_FORWARD_ARGS, &tt));
                    break;
                }
                Node *r = ast_at(P, NODE_RANGE, &tt);
                r->flags |= NF_EXCLUSIVE;
                r->b = parse_binop(P, PREC_OROP);
                ast_vec_push(P, v, r);
                break;
            }
            /* fall through */
        default: {
            P->label_pending = false;
            if (argi == 0) P->cmd_ok = first_cmd;
            Node *e = parse_arg(P);
            P->cmd_ok = CMD_NO;
            parse_value_expr(P, e);
            if (P->label_pending) {
                P->label_pending = false;
                Node *pair = ast_new(P, NODE_PAIR, e->line, e->col);
                pair->a = e;
                if (!ends_arg_value(parse_peek(P))) pair->b = parse_arg(P);
                if (!hash) { hash = ast_new(P, NODE_HASH, e->line, e->col); ast_vec_push(P, v, hash); }
                ast_vec_push(P, &pairs, pair);
            } else if (parse_peek(P)->type == T_ASSOC) {
                parse_advance(P);
                Node *pair = ast_new(P, NODE_PAIR, e->line, e->col);
                pair->a = e;
                pair->b = parse_arg(P);
                if (!hash) { hash = ast_new(P, NODE_HASH, e->line, e->col); ast_vec_push(P, v, hash); }
                ast_vec_push(P, &pairs, pair);
            } else {
                if (hash) parse_syntax_error(P, "=>");   /* keyword pairs come last */
                ast_vec_push(P, v, e);
            }
            break;
        }
        }
        if (parse_peek(P)->type != T_COMMA) break;
        parse_advance(P);
    }
args_done:
    if (hash) {
        ast_set_list(P, hash, &pairs);
        if (braceless) hash->flags |= NF_BRACELESS;
    }
    P->label_pending = save_label;
}

static void
parse_paren_args(Parser *P, Node *call)
{
    parse_advance(P);   /* ( */
    int save_no_do = P->no_do;
    bool save_no_in = P->no_in;
    P->no_do = false;
    P->no_in = false;
    NodeVec v = {0};
    P->cmd_ok = CMD_ARG;
    parse_args(P, &v, T_RPAREN, true);
    parse_skip_newlines(P);
    parse_expect(P, T_RPAREN, "')'");
    P->no_do = save_no_do;
    P->no_in = save_no_in;
    ast_set_list(P, call, &v);
    call->flags |= NF_PAREN;
}

static void
parse_command_args(Parser *P, Node *call)
{
    int save_no_do = P->no_do;
    P->no_do = NO_DO;
    NodeVec v = {0};
    P->cmd_ok = CMD_ARG;
    parse_args(P, &v, 0, true);
    P->no_do = save_no_do;
    ast_set_list(P, call, &v);
    P->last_cmd = call;
}

static bool
has_block_pass(const Node *call)
{
    return call->count > 0 && (call->list[call->count - 1]->kind == NODE_BLOCK_PASS ||
                               call->list[call->count - 1]->kind == NODE_FORWARD_ARGS);
}

/* a block after a call's arguments, if any; `brace_ok` false for command calls */
static void
call_block(Parser *P, Node *call, bool brace_ok)
{
    Token *t = parse_peek(P);
    if (((brace_ok && t->type == T_LBRACE_BLOCK) || t->type == T_LBRACE_ARG) && !(P->no_do & NO_BRACE)) {
        if (has_block_pass(call)) parse_error_span(P, t->line, NULL, NULL, "both block arg and actual block given");
        call->b = parse_block(P, true);
        call->flags &= ~(uint32_t)NF_VCALL;
    } else if (t->type == T_KW_DO && !P->no_do) {
        if (has_block_pass(call)) parse_error_span(P, t->line, NULL, NULL, "both block arg and actual block given");
        call->b = parse_block(P, false);
        call->flags &= ~(uint32_t)NF_VCALL;
    }
}

/* after the method name of a call: (args), command args, block */
static Node *
finish_call(Parser *P, Node *call, bool allow_command)
{
    Token *t = parse_peek(P);
    if (t->type == T_LPAREN_CALL) {
        parse_paren_args(P, call);
        call_block(P, call, true);
    } else if (allow_command && P->cmd_here && parse_begins_arg(t)) {
        parse_command_args(P, call);
        call_block(P, call, false);
    } else {
        call_block(P, call, true);
    }
    return call;
}

/* ---- primaries ---- */

static Node *
parse_identifier(Parser *P)
{
    Token id = *parse_peek(P);
    parse_spot(P, id.id, &id, id.end);
    parse_advance(P);
    Token *t = parse_peek(P);
    if (t->type == T_LPAREN_CALL) {
        Node *c = ast_call(P, NULL, id.id, id.line, id.col);
        return finish_call(P, c, false);
    }
    if (id.type == T_IDENT && parse_is_local(P, id.id) && !parse_begins_arg(t) &&
        !((t->type == T_LBRACE_BLOCK && !(P->no_do & NO_BRACE)) || (t->type == T_KW_DO && !P->no_do))) {
        Node *n = ast_at(P, NODE_LVAR, &id);
        n->sym = id.id;
        return n;
    }
    if (id.type == T_IDENT) {
        size_t len;
        const char *s = mg_id_name(id.id, &len);
        if (len == 2 && s[0] == '_' && s[1] >= '1' && s[1] <= '9' && !parse_is_local(P, id.id)) {
            /* a numbered block parameter, in the innermost block without params */
            Scope *sc = P->scope;
            if (sc->is_block && sc->has_params) parse_error_span(P, id.line, NULL, NULL, "ordinary parameter is defined");
            if (sc->is_block && !sc->has_params) {
                for (Scope *o = sc->prev; o && o->is_block; o = o->prev)
                    if (o->numparam)
                        parse_error_span(P, id.line, o->np_tok.pos, o->np_tok.end,
                                         "numbered parameter is already used in\n%s:%d: outer block here",
                                         P->file, o->np_tok.line);
                if (sc->inner_np.type)
                    parse_error_span(P, id.line, sc->inner_np.pos, sc->inner_np.end,
                                     "numbered parameter is already used in\n%s:%d: inner block here",
                                     P->file, sc->inner_np.line);
                if (!sc->numparam) sc->np_tok = id;
                if (s[1] - '0' > sc->numparam) sc->numparam = s[1] - '0';
                Node *n = ast_at(P, NODE_LVAR, &id);
                n->sym = id.id;
                return n;
            }
        }
    }
    if (parse_begins_arg(t)) {
        if (!P->cmd_here) parse_syntax_error(P, "`do' or '{' or '('");
        Node *c = ast_call(P, NULL, id.id, id.line, id.col);
        parse_command_args(P, c);
        call_block(P, c, false);
        return c;
    }
    if ((t->type == T_LBRACE_BLOCK && !(P->no_do & NO_BRACE)) || (t->type == T_KW_DO && !P->no_do)) {
        Node *c = ast_call(P, NULL, id.id, id.line, id.col);
        call_block(P, c, true);
        return c;
    }
    if (id.type == T_CONST) {
        Node *n = ast_at(P, NODE_CONST, &id);
        n->sym = id.id;
        return n;
    }
    Node *c = ast_call(P, NULL, id.id, id.line, id.col);
    c->flags |= NF_VCALL;
    return c;
}

static Node *
parse_paren(Parser *P)
{
    Token open = *parse_peek(P);
    parse_advance(P);
    int save_no_do = P->no_do;
    bool save_no_in = P->no_in;
    P->no_do = false;
    P->no_in = false;
    Node *n;
    parse_skip_terms(P);
    if (parse_peek(P)->type == T_RPAREN) {
        n = ast_at(P, NODE_NIL, &open);
    } else if (open.type == T_LPAREN_ARG) {
        /* `foo (x)`: parse.y's tLPAREN_ARG stmt rparen, one statement */
        n = parse_stmt(P);
        parse_skip_newlines(P);
        if (parse_peek(P)->type != T_RPAREN) parse_syntax_error(P, "')'");
    } else {
        Node *body = parse_compstmt(P);
        parse_skip_terms(P);
        if (body->count == 1) n = body->list[0];
        else n = body;
    }
    parse_expect_close(P, T_RPAREN, "')'");
    if (open.type == T_LPAREN_ARG) P->lx.state = EXPR_ENDARG;
    P->no_do = save_no_do;
    P->no_in = save_no_in;
    if (n->kind == NODE_MLHS) {
        n->line = open.line;
        n->col = open.col;
        int next = parse_peek(P)->type;
        if (next != T_COMMA && next != T_ASSIGN && next != T_KW_IN) parse_syntax_error(P, "'='");
    }
    return n;
}

static Node *
parse_array(Parser *P)
{
    Token open = *parse_peek(P);
    parse_advance(P);
    int save_no_do = P->no_do;
    bool save_no_in = P->no_in;
    P->no_do = false;
    P->no_in = false;
    Node *n = ast_at(P, NODE_ARRAY, &open);
    NodeVec v = {0};
    parse_args(P, &v, T_RBRACK, false);
    parse_skip_newlines(P);
    parse_expect(P, T_RBRACK, "']'");
    P->no_do = save_no_do;
    P->no_in = save_no_in;
    ast_set_list(P, n, &v);
    return n;
}

static Node *
parse_hash(Parser *P)
{
    Token open = *parse_peek(P);
    parse_advance(P);
    int save_no_do = P->no_do;
    bool save_no_in = P->no_in, save_label = P->label_pending;
    P->no_do = false;
    P->no_in = false;
    Node *n = ast_at(P, NODE_HASH, &open);
    NodeVec v = {0};
    for (;;) {
        parse_skip_newlines(P);
        Token *t = parse_peek(P);
        Token tt = *t;
        if (t->type == T_RBRACE) break;
        if (t->type == T_EOF) parse_syntax_error(P, "'}'");
        if (t->type == T_LABEL) {
            parse_advance(P);
            Node *pair = ast_at(P, NODE_PAIR, &tt);
            pair->a = ast_at(P, NODE_SYM, &tt);
            pair->a->sym = tt.id;
            if (!ends_arg_value(parse_peek(P))) pair->b = parse_arg(P);
            ast_vec_push(P, &v, pair);
        } else if (t->type == T_DSTAR) {
            parse_advance(P);
            Node *s = ast_at(P, NODE_DSPLAT, &tt);
            if (parse_peek(P)->type != T_COMMA && parse_peek(P)->type != T_RBRACE) s->a = parse_arg(P);
            ast_vec_push(P, &v, s);
        } else {
            P->label_pending = false;
            Node *k = parse_arg(P);
            Node *pair = ast_new(P, NODE_PAIR, k->line, k->col);
            pair->a = k;
            if (P->label_pending) {
                P->label_pending = false;
                if (!ends_arg_value(parse_peek(P))) pair->b = parse_arg(P);
            } else {
                parse_skip_newlines(P);
                parse_expect(P, T_ASSOC, "=>");
                parse_skip_newlines(P);
                pair->b = parse_arg(P);
            }
            ast_vec_push(P, &v, pair);
        }
        parse_skip_newlines(P);
        if (!parse_accept(P, T_COMMA)) break;
    }
    parse_skip_newlines(P);
    parse_expect(P, T_RBRACE, "'}'");
    P->no_do = save_no_do;
    P->no_in = save_no_in;
    P->label_pending = save_label;
    ast_set_list(P, n, &v);
    return n;
}

/* return/break/next [args] */
static Node *
parse_jump(Parser *P, int kind)
{
    Token kw = *parse_peek(P);
    if (kind == NODE_RETURN && P->in_class) parse_error_at(P, &kw, "Invalid return in class/module body");
    parse_advance(P);
    Node *n = ast_at(P, kind, &kw);
    Token *t = parse_peek(P);
    if (parse_begins_arg(t) && P->cmd_here) {   /* with arguments it is a command */
        NodeVec v = {0};
        P->cmd_ok = CMD_ARG;
        parse_args(P, &v, 0, true);
        if (v.count == 1 && v.items[0]->kind != NODE_SPLAT) {
            n->a = v.items[0];
        } else {
            Node *arr = ast_new(P, NODE_ARRAY, v.items[0]->line, v.items[0]->col);
            ast_set_list(P, arr, &v);
            n->a = arr;
        }
    }
    n->ival = (int64_t)(P->prev.end - P->lx.src);   /* end of the source span (void value errors) */
    return n;
}

static Node *
parse_yield(Parser *P)
{
    Token kw = *parse_peek(P);
    parse_advance(P);
    Node *n = ast_at(P, NODE_YIELD, &kw);
    Token *t = parse_peek(P);
    if (t->type == T_LPAREN_CALL) {
        parse_paren_args(P, n);
        n->flags &= ~(uint32_t)NF_PAREN;
    } else if (parse_begins_arg(t) && P->cmd_here) {
        parse_command_args(P, n);
    }
    return n;
}

static Node *
parse_super(Parser *P)
{
    Token kw = *parse_peek(P);
    parse_advance(P);
    Token *t = parse_peek(P);
    Node *n;
    if (t->type == T_LPAREN_CALL) {
        n = ast_at(P, NODE_SUPER, &kw);
        parse_paren_args(P, n);
        n->flags &= ~(uint32_t)NF_PAREN;
        call_block(P, n, true);
    } else if (parse_begins_arg(t) && P->cmd_here) {
        n = ast_at(P, NODE_SUPER, &kw);
        parse_command_args(P, n);
        call_block(P, n, false);
    } else {
        n = ast_at(P, NODE_ZSUPER, &kw);
        call_block(P, n, true);
    }
    return n;
}

static Node *
parse_primary_base(Parser *P)
{
    Token *t = parse_peek(P);
    Token tt = *t;
    Node *n;
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
    case T_CHAR:
        parse_advance(P);
        n = ast_at(P, NODE_STR, &tt);
        n->str = tt.str;
        n->len = tt.len;
        n->flags |= NF_STR_OF_TOK(tt.flags);
        return n;
    case T_STRING_BEG: case T_XSTRING_BEG: case T_REGEXP_BEG: case T_WORDS_BEG: case T_QWORDS_BEG:
    case T_SYMBOLS_BEG: case T_QSYMBOLS_BEG: case T_SYMBEG:
        return parse_string(P);
    case T_SYMBOL:
        parse_advance(P);
        n = ast_at(P, NODE_SYM, &tt);
        n->sym = tt.id;
        return n;
    case T_IVAR: case T_CVAR: case T_GVAR:
        parse_advance(P);
        n = ast_at(P, t->type == T_IVAR ? NODE_IVAR : t->type == T_CVAR ? NODE_CVAR : NODE_GVAR, &tt);
        n->sym = tt.id;
        return n;
    case T_NTH_REF:
        parse_advance(P);
        n = ast_at(P, NODE_NTH_REF, &tt);
        n->ival = tt.ival;
        n->sym = tt.id;
        return n;
    case T_BACK_REF:
        parse_advance(P);
        n = ast_at(P, NODE_BACK_REF, &tt);
        n->ival = tt.ival;
        n->sym = tt.id;
        return n;
    case T_IDENT: case T_FID: case T_CONST:
        return parse_identifier(P);
    case T_KW_NIL: parse_advance(P); return ast_at(P, NODE_NIL, &tt);
    case T_KW_TRUE: parse_advance(P); return ast_at(P, NODE_TRUE, &tt);
    case T_KW_FALSE: parse_advance(P); return ast_at(P, NODE_FALSE, &tt);
    case T_KW_SELF: parse_advance(P); return ast_at(P, NODE_SELF, &tt);
    case T_KW__FILE__:
        parse_advance(P);
        if (parse_peek(P)->type == T_ASSIGN || parse_peek(P)->type == T_OP_ASGN)
            parse_error_at(P, &tt, "Can't assign to __FILE__");
        n = ast_at(P, NODE_STR, &tt);
        n->len = strlen(P->file);
        n->str = mg_arena_strndup(P->arena, P->file, n->len);
        return n;
    case T_KW__LINE__:
        parse_advance(P);
        if (parse_peek(P)->type == T_ASSIGN || parse_peek(P)->type == T_OP_ASGN)
            parse_error_at(P, &tt, "Can't assign to __LINE__");
        n = ast_at(P, NODE_INT, &tt);
        n->ival = tt.line;
        return n;
    case T_KW__ENCODING__:
        parse_advance(P);
        if (parse_peek(P)->type == T_ASSIGN || parse_peek(P)->type == T_OP_ASGN)
            parse_error_at(P, &tt, "Can't assign to __ENCODING__");
        return ast_at(P, NODE_ENCODING, &tt);
    case T_KW_IF: return parse_if(P, false);
    case T_KW_UNLESS: return parse_if(P, true);
    case T_KW_WHILE: return parse_while(P, false);
    case T_KW_UNTIL: return parse_while(P, true);
    case T_KW_CASE: return parse_case(P);
    case T_KW_FOR: return parse_for(P);
    case T_KW_BEGIN: return parse_begin(P);
    case T_KW_DEF: return parse_def(P);
    case T_KW_CLASS: return parse_class(P);
    case T_KW_MODULE: return parse_module(P);
    case T_KW_RETURN: return parse_jump(P, NODE_RETURN);
    case T_KW_BREAK: return parse_jump(P, NODE_BREAK);
    case T_KW_NEXT: return parse_jump(P, NODE_NEXT);
    case T_KW_REDO:
    case T_KW_RETRY:
        parse_advance(P);
        n = ast_at(P, tt.type == T_KW_REDO ? NODE_REDO : NODE_RETRY, &tt);
        n->ival = (int64_t)(tt.end - P->lx.src);   /* end of the source span (void value errors) */
        return n;
    case T_KW_YIELD: return parse_yield(P);
    case T_KW_SUPER: return parse_super(P);
    case T_KW_DEFINED: case T_KW_NOT: case T_BANG:
        return parse_unary(P);
    case T_LAMBDA: return parse_lambda(P);
    case T_LPAREN: case T_LPAREN_ARG: case T_LPAREN_CALL:
        return parse_paren(P);
    case T_LBRACK: case T_LBRACK_INDEX:
        return parse_array(P);
    case T_LBRACE:
        return parse_hash(P);
    case T_COLON3:
        parse_advance(P);
        t = parse_peek(P);
        if (t->type == T_CONST) {
            parse_spot(P, t->id, &tt, t->end);
            n = ast_at(P, NODE_COLON3, &tt);
            n->sym = t->id;
            parse_advance(P);
            return n;
        }
        parse_syntax_error(P, "constant");   /* only ::Const (parse.y: tCOLON3 tCONSTANT) */
    case T_BDOT2: case T_BDOT3:
        parse_advance(P);
        n = ast_at(P, NODE_RANGE, &tt);
        if (tt.type == T_BDOT3) n->flags |= NF_EXCLUSIVE;
        if (!parse_begins_expr(parse_peek(P))) parse_syntax_error(P, NULL);
        n->b = parse_binop(P, PREC_OROP);
        return n;
    default:
        parse_syntax_error(P, NULL);
    }
}

static Node *
parse_postfix(Parser *P, Node *n)
{
    parse_enter(P);
    for (;;) {
        if (P->label_pending) break;
        Token *t = parse_peek(P);
        Token op = *t;
        if (t->type == T_DOT || t->type == T_ANDDOT) {
            parse_value_expr(P, n);   /* `return.foo` */
            parse_advance(P);
            t = parse_peek(P);
            Node *c;
            if (t->type == T_LPAREN_CALL) {
                c = ast_call(P, n, parse_intern("call"), n->line, n->col);
            } else {
                ID name = parse_fname_id(P, t);
                if (!name) parse_syntax_error(P, NULL);
                parse_spot(P, name, t->line == op.line ? &op : t, t->end);
                parse_advance(P);
                if (P->spot.active) {
                    /* recv.name = v: the setter, from the dot to the `=` */
                    Token *q = parse_peek(P);
                    if (q->type == T_ASSIGN && q->line == op.line) parse_spot(P, setter_name(P, name), &op, q->end);
                }
                c = ast_call(P, n, name, n->line, n->col);
            }
            if (op.type == T_ANDDOT) c->flags |= NF_SAFE_NAV;
            n = finish_call(P, c, true);
            continue;
        }
        if (t->type == T_COLON2) {
            parse_advance(P);
            t = parse_peek(P);
            Token nt = *t;
            if (nt.type == T_CONST || nt.type == T_IDENT || nt.type == T_FID) parse_spot(P, nt.id, &op, nt.end);
            if (t->type == T_CONST) {
                parse_advance(P);
                if (parse_peek(P)->type == T_LPAREN_CALL || parse_begins_arg(parse_peek(P))) {
                    Node *c = ast_call(P, n, nt.id, n->line, n->col);
                    n = finish_call(P, c, true);
                    continue;
                }
                Node *m = ast_new(P, NODE_COLON2, n->line, n->col);
                m->a = n;
                m->sym = nt.id;
                n = m;
                continue;
            }
            if (t->type == T_LPAREN_CALL) {
                Node *c = ast_call(P, n, parse_intern("call"), n->line, n->col);
                n = finish_call(P, c, false);
                continue;
            }
            ID name = parse_fname_id(P, t);
            if (!name) parse_syntax_error(P, NULL);
            parse_advance(P);
            t = parse_peek(P);
            if (t->type == T_LPAREN_CALL || parse_begins_arg(t) ||
                (t->type == T_LBRACE_BLOCK && !(P->no_do & NO_BRACE)) || (t->type == T_KW_DO && !P->no_do)) {
                Node *c = ast_call(P, n, name, n->line, n->col);
                n = finish_call(P, c, true);
                continue;
            }
            Node *m = ast_new(P, NODE_COLON2, n->line, n->col);
            m->a = n;
            m->sym = name;
            m->flags |= NF_CALL;
            n = m;
            continue;
        }
        if (t->type == T_LBRACK_INDEX) {
            parse_advance(P);
            int save_no_do = P->no_do;
    bool save_no_in = P->no_in;
            P->no_do = false;
            P->no_in = false;
            Node *c = ast_call(P, n, parse_intern("[]"), n->line, n->col);
            c->flags &= ~(uint32_t)NF_FCALL;
            NodeVec v = {0};
            P->cmd_ok = CMD_ARG;
            parse_args(P, &v, T_RBRACK, true);
            parse_skip_newlines(P);
            parse_expect(P, T_RBRACK, "']'");
            if (P->prev.line == op.line) {
                parse_spot(P, c->sym, &op, P->prev.end);
                Token *q = parse_peek(P);
                if (q->type == T_ASSIGN && q->line == op.line) parse_spot(P, parse_intern("[]="), &op, q->end);
            }
            P->no_do = save_no_do;
            P->no_in = save_no_in;
            ast_set_list(P, c, &v);
            n = c;
            continue;
        }
        if (((t->type == T_LBRACE_BLOCK && !(P->no_do & NO_BRACE) && n != P->last_cmd) ||
             (t->type == T_KW_DO && !P->no_do)) &&
            (n->kind == NODE_CALL || n->kind == NODE_SUPER || n->kind == NODE_ZSUPER) && !n->b &&
            !(n->flags & NF_ATTRASGN)) {   /* `foo 1 { }`: no brace block after command arguments */
            call_block(P, n, true);
            continue;
        }
        break;
    }
    parse_leave(P);
    return n;
}

Node *
parse_primary(Parser *P)
{
    parse_enter(P);
    bool save_here = P->cmd_here;
    int save_level = P->cmd_level;
    P->cmd_here = P->cmd_ok != CMD_NO;
    P->cmd_level = P->cmd_ok;
    P->cmd_ok = CMD_NO;
    Node *n = parse_primary_base(P);
    n = parse_postfix(P, n);
    P->cmd_here = save_here;
    P->cmd_level = save_level;
    parse_leave(P);
    return n;
}

/* a primary for block parameter defaults: |a = 1| must not read `|` as an operator */
Node *
parse_primary_value(Parser *P)
{
    return parse_primary(P);
}

/* ---- blocks and lambdas ---- */

/* The source span of a block or lambda literal from `start` to the `}` or
 * `end` just parsed (persistent procs are recompiled from it). */
static void
literal_span(Parser *P, Node *n, const char *start)
{
    const char *end = P->prev.pos + (P->prev.type == T_KW_END ? 3 : 1);
    if (P->prev.type != T_KW_END && P->prev.type != T_RBRACE) return;
    if (start < P->lx.src || end <= start) return;
    n->off = (size_t)(start - P->lx.src);
    n->len = (size_t)(end - start);
}

Node *
parse_block(Parser *P, bool brace)
{
    Token open = *parse_peek(P);
    parse_advance(P);
    parse_enter(P);
    Node *blk = ast_at(P, NODE_BLOCK, &open);
    if (!brace) blk->flags |= NF_DO_BLOCK;
    Scope *sc = parse_scope_push(P, true);
    int save_no_do = P->no_do;
    bool save_no_in = P->no_in, save_label = P->label_pending;
    P->no_do = false;
    P->no_in = false;
    P->label_pending = false;
    Token *t = parse_peek(P);
    if (t->type == T_OROP) {
        parse_advance(P);
        blk->a = ast_at(P, NODE_PARAMS, t);
        sc->has_params = true;
        P->lx.command_start = true;
    } else if (t->type == T_BOR) {
        parse_advance(P);
        blk->a = parse_params(P, T_BOR, true);
        parse_expect(P, T_BOR, "'|'");
        sc->has_params = true;
        P->lx.command_start = true;
    }
    if (brace) {
        blk->b = parse_compstmt(P);
        parse_expect_close(P, T_RBRACE, "'}'");
    } else {
        blk->b = parse_body_stmt(P);
        parse_expect_close(P, T_KW_END, "`end'");
    }
    literal_span(P, blk, open.pos);
    blk->ival = sc->numparam;
    parse_scope_pop(P);
    P->no_do = save_no_do;
    P->no_in = save_no_in;
    P->label_pending = save_label;
    parse_leave(P);
    return blk;
}

Node *
parse_lambda(Parser *P)
{
    Token arrow = *parse_peek(P);
    parse_advance(P);
    parse_enter(P);
    Node *n = ast_at(P, NODE_LAMBDA, &arrow);
    Scope *sc = parse_scope_push(P, true);
    int save_no_do = P->no_do;
    bool save_no_in = P->no_in, save_label = P->label_pending;
    P->no_do = false;
    P->no_in = false;
    P->label_pending = false;
    Token *t = parse_peek(P);
    if (t->type == T_LPAREN || t->type == T_LPAREN_CALL || t->type == T_LPAREN_ARG) {
        parse_advance(P);
        n->a = parse_params(P, T_RPAREN, true);
        parse_skip_newlines(P);
        parse_expect(P, T_RPAREN, "')'");
        sc->has_params = true;
    } else if (t->type == T_IDENT || t->type == T_STAR || t->type == T_MUL || t->type == T_AMPER ||
               t->type == T_BAND || t->type == T_DSTAR || t->type == T_POW || t->type == T_LABEL) {
        /* `-> a, k: v.size do` / `-> a = b { }`: the do/brace is the lambda's */
        P->no_do = NO_DO | NO_BRACE;
        n->a = parse_params(P, 0, true);
        P->no_do = 0;
        sc->has_params = true;
    }
    t = parse_peek(P);
    if (t->type == T_LBRACE_BLOCK || t->type == T_LBRACE || t->type == T_LBRACE_ARG) {
        parse_advance(P);
        P->lx.command_start = true;
        n->b = parse_compstmt(P);
        parse_expect(P, T_RBRACE, "'}'");
    } else if (t->type == T_KW_DO) {
        parse_advance(P);
        n->b = parse_body_stmt(P);
        parse_expect_close(P, T_KW_END, "`end'");
    } else {
        parse_syntax_error(P, "'{' or `do'");
    }
    literal_span(P, n, arrow.pos);
    n->ival = sc->numparam;
    parse_scope_pop(P);
    P->no_do = save_no_do;
    P->no_in = save_no_in;
    P->label_pending = save_label;
    parse_leave(P);
    return n;
}
