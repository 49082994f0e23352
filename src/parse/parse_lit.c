/* parse_lit.c -- string-like literals: "..." '...' heredocs (with <<~
 * dedenting), `...`, /re/, :"sym", %w %W %i %I, adjacent-literal
 * concatenation and "label": keys. The lexer hands over pieces (content,
 * #{ / #@, end); code inside #{} is parsed here with the lexer's string state
 * saved and cleared. */
#include "parser_int.h"

static Node *
str_node(Parser *P, int line, int col, const char *s, size_t n)
{
    Node *x = ast_new(P, NODE_STR, line, col);
    x->str = mg_arena_strndup(P->arena, s, n);
    x->len = n;
    return x;
}

/* #{...} or #@var inside a literal; the current token is T_STRING_DBEG or _DVAR */
static Node *
interp_part(Parser *P)
{
    Token t = *parse_peek(P);
    parse_advance(P);
    StrTerm *save = P->lx.strterm;
    P->lx.strterm = NULL;
    int save_no_do = P->no_do;
    bool save_no_in = P->no_in, save_label = P->label_pending;
    bool save_kwarg = P->lx.in_kwarg;
    P->no_do = false;
    P->no_in = false;
    P->label_pending = false;
    P->lx.in_kwarg = false;
    Node *part;
    if (t.type == T_STRING_DBEG) {
        P->lx.state = EXPR_BEG;
        P->lx.command_start = true;
        parse_enter(P);
        Node *body = parse_compstmt(P);
        if (parse_peek(P)->type == T_EOF)
            mg_lex_error_at(&P->lx, parse_peek(P)->line, parse_peek(P)->pos, "unterminated string meets end of file");
        parse_expect(P, T_RBRACE, "'}'");
        parse_leave(P);
        /* "#{'x'}" is just the literal x: it merges with the literal parts */
        part = body->count == 1 ? body->list[0] : body;
    } else {
        P->lx.state = EXPR_BEG;
        Token *v = parse_peek(P);
        Token vt = *v;
        switch (v->type) {
        case T_IVAR: part = ast_at(P, NODE_IVAR, &vt); part->sym = vt.id; break;
        case T_CVAR: part = ast_at(P, NODE_CVAR, &vt); part->sym = vt.id; break;
        case T_GVAR: part = ast_at(P, NODE_GVAR, &vt); part->sym = vt.id; break;
        case T_NTH_REF: part = ast_at(P, NODE_NTH_REF, &vt); part->ival = vt.ival; part->sym = vt.id; break;
        case T_BACK_REF: part = ast_at(P, NODE_BACK_REF, &vt); part->ival = vt.ival; part->sym = vt.id; break;
        default: parse_syntax_error(P, NULL);
        }
        parse_advance(P);
    }
    P->lx.strterm = save;
    P->no_do = save_no_do;
    P->no_in = save_no_in;
    P->label_pending = save_label;
    P->lx.in_kwarg = save_kwarg;
    return part;
}

/* remove up to `width` columns of leading blanks (tabs to multiples of 8) */
static void
dedent(Node *s, int width)
{
    int col = 0;
    size_t i = 0;
    while (i < s->len && col < width) {
        if (s->str[i] == ' ') col++;
        else if (s->str[i] == '\t') {
            int n = (col / 8 + 1) * 8;
            if (n > width) break;
            col = n;
        } else break;
        i++;
    }
    s->str += i;
    s->len -= i;
}

/* join adjacent STR parts */
static void
merge_strs(Parser *P, NodeVec *v)
{
    int out = 0;
    for (int i = 0; i < v->count; ) {
        Node *n = v->items[i];
        if (n->kind != NODE_STR || i + 1 >= v->count || v->items[i + 1]->kind != NODE_STR) {
            v->items[out++] = n;
            i++;
            continue;
        }
        size_t total = 0;
        int j = i;
        while (j < v->count && v->items[j]->kind == NODE_STR) total += v->items[j++]->len;
        char *buf = mg_arena_alloc(P->arena, total + 1);
        size_t k = 0;
        uint32_t esc = 0;
        for (int q = i; q < j; q++) {
            memcpy(buf + k, v->items[q]->str, v->items[q]->len);
            k += v->items[q]->len;
            esc |= v->items[q]->flags & (NF_STR_ESC_U | NF_STR_ESC_HIGH);
        }
        buf[k] = '\0';
        Node *m = ast_new(P, NODE_STR, n->line, n->col);
        m->str = buf;
        m->len = total;
        m->flags |= esc;
        v->items[out++] = m;
        i = j;
    }
    v->count = out;
}

/* parts up to the literal's end; *end gets the end token */
static void
parse_parts(Parser *P, NodeVec *parts, Token *end, bool squiggly)
{
    int first = parts->count;
    for (;;) {
        Token *t = parse_peek(P);
        Token tt = *t;
        switch (t->type) {
        case T_STRING_CONTENT: {
            Node *s = ast_at(P, NODE_STR, &tt);
            s->str = tt.str;
            s->len = tt.len;
            s->flags |= NF_STR_OF_TOK(tt.flags);
            if (squiggly && tt.indent) s->ival = 1;
            ast_vec_push(P, parts, s);
            parse_advance(P);
            continue;
        }
        case T_STRING_DBEG:
        case T_STRING_DVAR:
            ast_vec_push(P, parts, interp_part(P));
            continue;
        case T_STRING_END:
        case T_REGEXP_END:
        case T_LABEL_END:
            *end = tt;
            parse_advance(P);
            break;
        default:
            parse_syntax_error(P, NULL);
        }
        break;
    }
    if (squiggly) {
        for (int i = first; i < parts->count; i++) {
            Node *s = parts->items[i];
            if (s->kind == NODE_STR && s->ival) {
                dedent(s, end->indent);
                s->ival = 0;
            }
        }
    }
}

/* STR/SYM (all literal) or the dynamic kind */
static Node *
build(Parser *P, NodeVec *parts, const Token *at, int lit_kind, int dyn_kind)
{
    merge_strs(P, parts);
    Node *n;
    if (parts->count == 0 || (parts->count == 1 && parts->items[0]->kind == NODE_STR)) {
        Node *s = parts->count ? parts->items[0] : str_node(P, at->line, at->col, "", 0);
        n = ast_at(P, lit_kind, at);
        if (lit_kind == NODE_SYM) n->sym = mg_intern(s->str, s->len);
        else {
            n->str = s->str;
            n->len = s->len;
            if (lit_kind == NODE_STR) n->flags |= s->flags & (NF_STR_ESC_U | NF_STR_ESC_HIGH);
        }
        return n;
    }
    n = ast_at(P, dyn_kind, at);
    ast_set_list(P, n, parts);
    return n;
}

static Node *
parse_words(Parser *P, bool symbols)
{
    Token beg = *parse_peek(P);
    parse_advance(P);
    Node *arr = ast_at(P, NODE_ARRAY, &beg);
    NodeVec elems = {0}, cur = {0};
    Token at = beg;
    for (;;) {
        Token *t = parse_peek(P);
        Token tt = *t;
        bool done = false;
        switch (t->type) {
        case T_STRING_CONTENT: {
            if (cur.count == 0) at = tt;
            Node *s = ast_at(P, NODE_STR, &tt);
            s->str = tt.str;
            s->len = tt.len;
            ast_vec_push(P, &cur, s);
            parse_advance(P);
            continue;
        }
        case T_STRING_DBEG:
        case T_STRING_DVAR:
            if (cur.count == 0) at = tt;
            ast_vec_push(P, &cur, interp_part(P));
            continue;
        case T_WORDS_SEP:
            parse_advance(P);
            break;
        case T_STRING_END:
            parse_advance(P);
            done = true;
            break;
        default:
            parse_syntax_error(P, NULL);
        }
        if (cur.count) {
            ast_vec_push(P, &elems, build(P, &cur, &at, symbols ? NODE_SYM : NODE_STR, symbols ? NODE_DSYM : NODE_DSTR));
            cur = (NodeVec){0};
        }
        if (done) break;
    }
    ast_set_list(P, arr, &elems);
    return arr;
}

Node *
parse_string(Parser *P)
{
    Token beg = *parse_peek(P);
    Token end;
    NodeVec parts = {0};
    parse_enter(P);
    Node *n;
    switch (beg.type) {
    case T_STRING_BEG: {
        parse_advance(P);
        parse_parts(P, &parts, &end, (beg.flags & STR_FUNC_SQUIGGLY) != 0);
        while (end.type != T_LABEL_END && parse_peek(P)->type == T_STRING_BEG) {
            Token b2 = *parse_peek(P);
            parse_advance(P);
            parse_parts(P, &parts, &end, (b2.flags & STR_FUNC_SQUIGGLY) != 0);
        }
        if (end.type == T_LABEL_END) {
            n = build(P, &parts, &beg, NODE_SYM, NODE_DSYM);
            P->label_pending = true;
        } else {
            n = build(P, &parts, &beg, NODE_STR, NODE_DSTR);
        }
        break;
    }
    case T_XSTRING_BEG:
        parse_advance(P);
        parse_parts(P, &parts, &end, (beg.flags & STR_FUNC_SQUIGGLY) != 0);
        n = build(P, &parts, &beg, NODE_XSTR, NODE_DXSTR);
        break;
    case T_REGEXP_BEG:
        parse_advance(P);
        parse_parts(P, &parts, &end, false);
        n = build(P, &parts, &beg, NODE_REGEX, NODE_DREGEX);
        n->flags |= (uint32_t)end.flags;
        break;
    case T_SYMBEG:
        parse_advance(P);
        parse_parts(P, &parts, &end, false);
        n = build(P, &parts, &beg, NODE_SYM, NODE_DSYM);
        break;
    case T_WORDS_BEG: case T_QWORDS_BEG:
        n = parse_words(P, false);
        break;
    case T_SYMBOLS_BEG: case T_QSYMBOLS_BEG:
        n = parse_words(P, true);
        break;
    default:
        parse_syntax_error(P, NULL);
    }
    parse_leave(P);
    return n;
}
