/* ripper_scan.c -- the scanner events of Ripper.lex (ext/ripper.c) from this
 * parser: one parse with mg_lex_token_hook recording every token and the lexer's
 * state after it; sorted by position; the text between two tokens split into
 * spaces, comments and ignored newlines. No VM objects here. */
#include "ast.h"
#include "lexer.h"
#include "ripper_scan.h"
#include <stdlib.h>
#include <string.h>

typedef struct {
    int line, col; const char *pos, *end; int type, before, state, flags, num, suffix;
    int indent;               /* T_STRING_CONTENT: starts a line; heredoc end: indentation to remove */
    bool heredoc;             /* a heredoc's begin or end */
} RTok;
typedef struct { RTok *v; size_t n, cap; } RToks;

static void
record(void *ud, const Token *t, int before, int state)
{
    RToks *r = ud;
    if (t->type == T_EOF || !t->pos) return;
    RTok k = { t->line, t->col, t->pos, t->end, t->type, before, state, t->flags, t->num, t->suffix, t->indent, false };
    if ((t->type == T_STRING_BEG || t->type == T_XSTRING_BEG) && (t->flags & STR_FUNC_HEREDOC)) {
        /* `<<~ID`, `<<-"ID"`: the marker only (the lexer went on to read the body) */
        const char *e = t->pos + 2;
        if (*e == '-' || *e == '~') e++;
        if (*e == '\'' || *e == '"' || *e == '`') {
            char q = *e++;
            while (*e && *e != q && *e != '\n') e++;
            if (*e == q) e++;
        } else {
            while (*e == '_' || (*e >= 'a' && *e <= 'z') || (*e >= 'A' && *e <= 'Z') || (*e >= '0' && *e <= '9') ||
                   (unsigned char)*e >= 0x80) e++;
        }
        k.end = e;
        k.heredoc = true;
    } else if (t->type == T_STRING_END && t->end < t->pos) {
        /* a heredoc's terminator: its whole line (the lexer went back to the line it began on) */
        const char *e = t->pos;
        while (*e && *e != '\n') e++;
        if (*e == '\n') e++;
        k.end = e;
        k.heredoc = true;
    }
    if (k.end <= k.pos) return;
    /* a token made twice (the parser looked again) is kept once, with its last state */
    for (size_t i = r->n; i-- > 0 && r->n - i < 4;)
        if (r->v[i].pos == t->pos) {
            r->v[i] = k;
            return;
        }
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 64;
        r->v = realloc(r->v, r->cap * sizeof *r->v);
        if (!r->v) abort();
    }
    r->v[r->n++] = k;
}

static int
by_pos(const void *a, const void *b)
{
    const RTok *x = a, *y = b;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static const char *
token_event(const RTok *t, int *brace_depth, int *embexpr, int *nembexpr)
{
    switch (t->type) {
    case T_NL: return *t->pos == '#' ? "on_comment" : "on_nl";
    case T_SEMI: return "on_semicolon";
    case T_IDENT: case T_FID: return "on_ident";
    case T_CONST: return "on_const";
    case T_IVAR: return "on_ivar";
    case T_CVAR: return "on_cvar";
    case T_GVAR: return "on_gvar";
    case T_NTH_REF: case T_BACK_REF: return "on_backref";
    case T_LABEL: return "on_label";
    case T_CHAR: return "on_CHAR";
    case T_NUMBER:
        if (t->suffix & NUM_SUFFIX_I) return "on_imaginary";
        if (t->suffix & NUM_SUFFIX_R) return "on_rational";
        return t->num == NUM_FLOAT ? "on_float" : "on_int";
    case T_SYMBEG: return "on_symbeg";
    case T_STRING_BEG: return t->heredoc ? "on_heredoc_beg" : "on_tstring_beg";
    case T_XSTRING_BEG: return t->heredoc ? "on_heredoc_beg" : "on_backtick";
    case T_BACKTICK: return "on_backtick";
    case T_REGEXP_BEG: return "on_regexp_beg";
    case T_WORDS_BEG: return "on_words_beg";
    case T_QWORDS_BEG: return "on_qwords_beg";
    case T_SYMBOLS_BEG: return "on_symbols_beg";
    case T_QSYMBOLS_BEG: return "on_qsymbols_beg";
    case T_STRING_CONTENT: return "on_tstring_content";
    case T_STRING_DBEG:
        if (*nembexpr < 64) embexpr[(*nembexpr)++] = *brace_depth;
        return "on_embexpr_beg";
    case T_STRING_DVAR: return "on_embvar";
    case T_STRING_END: return t->heredoc ? "on_heredoc_end" : "on_tstring_end";
    case T_REGEXP_END: return "on_regexp_end";
    case T_LABEL_END: return "on_label_end";
    case T_WORDS_SEP: return "on_words_sep";
    case T_DOT: return "on_period";
    case T_COMMA: return "on_comma";
    case T_LPAREN: case T_LPAREN_CALL: case T_LPAREN_ARG: return "on_lparen";
    case T_RPAREN: return "on_rparen";
    case T_LBRACK: case T_LBRACK_INDEX: return "on_lbracket";
    case T_RBRACK: return "on_rbracket";
    case T_LBRACE: case T_LBRACE_BLOCK: case T_LBRACE_ARG:
        (*brace_depth)++;
        return "on_lbrace";
    case T_RBRACE:
        if (*nembexpr > 0 && embexpr[*nembexpr - 1] == *brace_depth) { (*nembexpr)--; return "on_embexpr_end"; }
        (*brace_depth)--;
        return "on_rbrace";
    case T_LAMBDA: return "on_tlambda";
    case T_BACKSLASH: return "on_sp";
    default:
        if (t->type >= T_KW_ALIAS && t->type <= T_KW__ENCODING__) return "on_kw";
        return "on_op";
    }
}


static bool
is_keyword(const char *p, size_t n)
{
    static const char *const kws[] = {
        "alias", "and", "begin", "BEGIN", "break", "case", "class", "def", "defined?", "do", "else", "elsif",
        "end", "END", "ensure", "false", "for", "if", "in", "module", "next", "nil", "not", "or", "redo",
        "rescue", "retry", "return", "self", "super", "then", "true", "undef", "unless", "until", "when",
        "while", "yield", "__FILE__", "__LINE__", "__ENCODING__", NULL };
    for (int i = 0; kws[i]; i++)
        if (strlen(kws[i]) == n && !memcmp(kws[i], p, n)) return true;
    return false;
}

/* [b, e) ends with a backslash-newline: a continued line (an odd number of backslashes) */
static bool
continued(const char *b, const char *e)
{
    if (e - b < 2 || e[-1] != '\n') return false;
    int n = 0;
    for (const char *p = e - 2; p >= b && *p == '\\'; p--) n++;
    return n % 2 == 1;
}

static void
push(RipperScan *out, int line, int col, const char *event, const char *p, size_t n, int state)
{
    if (out->count == out->capacity) {
        out->capacity = out->capacity ? out->capacity * 2 : 64;
        out->toks = realloc(out->toks, out->capacity * sizeof *out->toks);
        if (!out->toks) abort();
    }
    out->toks[out->count++] = (RipperTok){ line, col, event, p, n, state };
}

/* the text [p, end) between two tokens, split as CRuby's scanner events */
static void
gap(RipperScan *out, const char *p, const char *end, int *line, const char **lbeg, int state)
{
    while (p < end) {
        const char *q = p;
        const char *ev;
        if (p == *lbeg && end - p >= 6 && !memcmp(p, "=begin", 6) && (p + 6 == end || p[6] == '\n' || p[6] == ' ' || p[6] == '\t')) {
            /* =begin ... =end: a line each */
            bool first = true;
            for (;;) {
                const char *e = memchr(q, '\n', (size_t)(end - q));
                e = e ? e + 1 : end;
                bool last = !first && e - q >= 4 && !memcmp(q, "=end", 4) && (q + 4 == e || q[4] == '\n' || q[4] == ' ' || q[4] == '\t' || q[4] == '\r');
                push(out, *line, 0, first ? "on_embdoc_beg" : last ? "on_embdoc_end" : "on_embdoc", q, (size_t)(e - q), state);
                if (e > q && e[-1] == '\n') { (*line)++; *lbeg = e; }
                q = e;
                first = false;
                if (last || q >= end) break;
            }
            p = q;
            continue;
        }
        if (*p == '#') {
            while (q < end && *q != '\n') q++;
            if (q < end) q++;
            ev = "on_comment";
        } else if (*p == '\n') {
            q++;
            ev = "on_ignored_nl";
        } else if (*p == '\\' && p + 1 < end && p[1] == '\n') {
            q += 2;
            ev = "on_sp";
        } else {
            while (q < end && (*q == ' ' || *q == '\t' || *q == '\f' || *q == '\r' || *q == '\v')) q++;
            if (q == p) q++;
            ev = "on_sp";
        }
        push(out, *line, (int)(p - *lbeg), ev, p, (size_t)(q - p), state);
        for (const char *c = p; c < q; c++)
            if (*c == '\n') { (*line)++; *lbeg = c + 1; }
        p = q;
    }
}

void
mg_ripper_scan(const char *s, size_t len, const char *file, int line0, RipperScan *out)
{
    memset(out, 0, sizeof *out);
    RToks r = {0};
    void (*saved)(void *, const Token *, int, int) = mg_lex_token_hook;
    void *saved_ud = mg_lex_token_hook_ud;
    mg_lex_token_hook = record;
    mg_lex_token_hook_ud = &r;
    ParseResult pr = mg_parse(s, len, file, line0, NULL, 0);
    mg_lex_token_hook = saved;
    mg_lex_token_hook_ud = saved_ud;
    mg_ast_free(&pr);
    /* a squiggly heredoc's indentation is known at its end, made after its body */
    for (size_t i = 0; i < r.n; i++) {
        if (!r.v[i].heredoc || r.v[i].type == T_STRING_END || !(r.v[i].flags & STR_FUNC_SQUIGGLY)) continue;
        for (size_t k = i + 1; k < r.n; k++)
            if (r.v[k].heredoc && r.v[k].type == T_STRING_END) { r.v[i].indent = r.v[k].indent; break; }
    }
    if (r.n) qsort(r.v, r.n, sizeof *r.v, by_pos);
    /* a lambda's brace: the first `{` after `->` and its parameters, `(...)` or bare */
    bool *lambeg = calloc(r.n ? r.n : 1, sizeof *lambeg);
    if (!lambeg) abort();
    for (size_t i = 0; i < r.n; i++) {
        if (r.v[i].type != T_LAMBDA) continue;
        size_t k = i + 1;
        if (k < r.n && (r.v[k].type == T_LPAREN || r.v[k].type == T_LPAREN_ARG || r.v[k].type == T_LPAREN_CALL)) {
            int d = 0;
            for (; k < r.n; k++) {
                int ty = r.v[k].type;
                if (ty == T_LPAREN || ty == T_LPAREN_ARG || ty == T_LPAREN_CALL) d++;
                else if (ty == T_RPAREN && --d == 0) { k++; break; }
            }
        } else {
            while (k < r.n && r.v[k].type != T_LBRACE && r.v[k].type != T_LBRACE_BLOCK && r.v[k].type != T_LBRACE_ARG &&
                   r.v[k].type != T_NL && r.v[k].type != T_SEMI && r.v[k].type != T_KW_DO && r.v[k].type != T_LAMBDA) k++;
        }
        if (k < r.n && (r.v[k].type == T_LBRACE || r.v[k].type == T_LBRACE_BLOCK || r.v[k].type == T_LBRACE_ARG)) lambeg[k] = true;
    }

    const char *at = s, *lbeg = s;
    int line = line0, state = EXPR_BEG;
    int brace_depth = 0, embexpr[64], nembexpr = 0;
    /* strings and the code interpolated into them, innermost last: a string's
     * content is reported in the state its literal began in, once code inside it
     * has run (or from the start, for %w/%i lists) */
    typedef struct { bool code, words; int content; int squiggly; bool heredoc; int beg_state; bool expand; } Ctx;
    Ctx ctx[64];
    int nctx = 0;
    for (size_t i = 0; i < r.n; i++) {
        RTok *t = &r.v[i];
        if (t->pos < at) continue;     /* overlaps what was emitted */
        /* `def self.name` with no parameter list: parse.y adds EXPR_LABEL for the rest of the line */
        int line_state = t->before;
        if (t->type == T_NL && i >= 4 && t->before == EXPR_ENDFN && r.v[i - 4].type == T_KW_DEF &&
            (r.v[i - 2].type == T_DOT || r.v[i - 2].type == T_COLON2))
            line_state |= EXPR_LABEL;
        bool in_words = nctx > 0 && !ctx[nctx - 1].code && ctx[nctx - 1].words;
        if (in_words && t->pos > at) {
            push(out, line, (int)(at - lbeg), "on_words_sep", at, (size_t)(t->pos - at), ctx[nctx - 1].content);
            for (const char *c = at; c < t->pos; c++)
                if (*c == '\n') { line++; lbeg = c + 1; }
        } else {
            /* the text before a token is scanned in the state the token starts from */
            gap(out, at, t->pos, &line, &lbeg, line_state);
        }
        const char *ev = token_event(t, &brace_depth, embexpr, &nembexpr);
        int st = t->state;
        if (lambeg[i]) ev = "on_tlambeg";
        if (t->type == T_NL) {
            /* a newline token: the comment ending its line (if any) and the newline, then
             * the comment and blank lines the lexer looked through for a leading `.`,
             * which CRuby scans in the state before the newline */
            const char *p = t->pos, *e = t->end;
            if (i + 1 < r.n && r.v[i + 1].pos < e) e = r.v[i + 1].pos;   /* a heredoc body follows */
            const char *nl = memchr(p, '\n', (size_t)(e - p));
            const char *first_end = nl ? nl + 1 : e;
            push(out, t->line, t->col, *p == '#' ? "on_comment" : "on_nl", p, (size_t)(first_end - p),
                 *p == '#' ? line_state : t->state);
            if (nl) { line++; lbeg = nl + 1; }
            gap(out, first_end, e, &line, &lbeg, t->before);
            at = e;
            state = t->state;
            continue;
        }
        if (t->type == T_REGEXP_END) st = t->before;               /* as CRuby reports it */
        if (t->type == T_SYMBOL && t->end - t->pos > 1 && *t->pos == ':') {
            /* `:name` is two events: the colon, then the name */
            push(out, t->line, t->col, "on_symbeg", t->pos, 1, EXPR_FNAME);
            const char *n = t->pos + 1;
            int nst = EXPR_ENDFN;
            if (n[0] == '@' && n[1] == '@') ev = "on_cvar";
            else if (n[0] == '@') ev = "on_ivar";
            else if (n[0] == '$') { ev = "on_gvar"; nst = EXPR_END; }
            else if (n[0] >= 'A' && n[0] <= 'Z')   /* :END is a keyword, :Foo? an identifier */
                ev = is_keyword(n, (size_t)(t->end - n)) ? "on_kw" :
                     (t->end[-1] == '?' || t->end[-1] == '!' || t->end[-1] == '=') ? "on_ident" : "on_const";
            else if ((n[0] >= 'a' && n[0] <= 'z') || n[0] == '_' || (unsigned char)n[0] >= 0x80)
                ev = is_keyword(n, (size_t)(t->end - n)) ? "on_kw" : "on_ident";
            else { ev = n[0] == '`' && t->end - n == 1 ? "on_backtick" : "on_op"; nst = EXPR_ARG; }
            push(out, t->line, t->col + 1, ev, n, (size_t)(t->end - n), nst);
        } else {
            bool words = t->type == T_WORDS_BEG || t->type == T_QWORDS_BEG || t->type == T_SYMBOLS_BEG ||
                         t->type == T_QSYMBOLS_BEG;
            bool top_string = nctx > 0 && !ctx[nctx - 1].code;
            int content = top_string ? ctx[nctx - 1].content : -1;
            Ctx hdc = top_string && ctx[nctx - 1].heredoc ? ctx[nctx - 1] : (Ctx){ 0 };
            Ctx *hd = hdc.heredoc ? &hdc : NULL;    /* the heredoc this token is in (a copy: it may end here) */
            bool keep = words || t->type == T_REGEXP_BEG ||
                        ((t->type == T_STRING_BEG || t->type == T_XSTRING_BEG) && *t->pos == '%');
            if (keep) st = t->before;    /* %w[ %q{ %r{ /.../ leave the state as it was */
            if (keep || t->type == T_STRING_BEG || t->type == T_XSTRING_BEG || t->type == T_SYMBEG) {
                if (nctx < 64)
                    ctx[nctx++] = (Ctx){ false, words, keep ? st : -1,
                                         t->heredoc && (t->flags & STR_FUNC_SQUIGGLY) ? t->indent : -1, t->heredoc, st,
                                         (t->flags & STR_FUNC_EXPAND) != 0 };
            } else if (t->type == T_STRING_DBEG) {
                if (content >= 0) st = content;
                if (nctx < 64) ctx[nctx++] = (Ctx){ true, false, st, -1, false, st, false };
            } else if (!strcmp(ev, "on_embexpr_end")) {
                st = t->before;    /* where the code inside ended */
                if (nctx > 0 && ctx[nctx - 1].code) {
                    int back = ctx[--nctx].content;
                    if (nctx > 0 && !ctx[nctx - 1].code) ctx[nctx - 1].content = back;
                }
            } else if (t->type == T_STRING_CONTENT || t->type == T_STRING_DVAR || t->type == T_WORDS_SEP) {
                if (content >= 0) st = content;
            } else if (t->type == T_STRING_END || t->type == T_REGEXP_END || t->type == T_LABEL_END) {
                if (t->type == T_REGEXP_END && content >= 0) st = content;
                if (top_string) nctx--;
            }
            if (hd && t->type == T_STRING_CONTENT && hd->squiggly > 0 && t->indent) {
                /* <<~: the indentation removed from a body line is on_ignored_sp */
                const char *b = t->pos, *q = b;
                int col = 0;
                while (q < t->end && col < hd->squiggly && (*q == ' ' || *q == '\t')) {
                    col = *q == '\t' ? (col / 8 + 1) * 8 : col + 1;
                    q++;
                }
                if (q > b) push(out, t->line, t->col, "on_ignored_sp", b, (size_t)(q - b), st);
                if (q < t->end) push(out, t->line, t->col + (int)(q - b), ev, q, (size_t)(t->end - q), st);
            } else if (hd && hd->squiggly < 0 && t->type == T_STRING_CONTENT && out->count &&
                       !strcmp(out->toks[out->count - 1].event, "on_tstring_content") &&
                       out->toks[out->count - 1].pos + out->toks[out->count - 1].len == t->pos &&
                       !(hd->expand && continued(out->toks[out->count - 1].pos, t->pos))) {
                /* one piece, as CRuby's; but a line ending in a backslash (a continued line) ends
                 * a piece of an interpolating heredoc */
                out->toks[out->count - 1].len += (size_t)(t->end - t->pos);
            } else if (hd && t->type == T_STRING_END) {
                /* the terminator's line from its start, indentation included */
                const char *b = t->pos;
                while (b > lbeg && b > at && (b[-1] == ' ' || b[-1] == '\t')) b--;
                if (b < t->pos && out->count && !strcmp(out->toks[out->count - 1].event, "on_sp") &&
                    out->toks[out->count - 1].pos == b)
                    out->count--;
                push(out, t->line, (int)(b - lbeg), ev, b, (size_t)(t->end - b), hd->beg_state);
            } else if (t->type == T_STRING_CONTENT && top_string && ctx[nctx - 1].expand) {
                /* CRuby ends a piece before a `#$` / `#@` that starts no interpolation */
                const char *b = t->pos;
                int ln = t->line, cl = t->col, bl = ln, bc = cl;
                for (const char *q = t->pos; q < t->end; q++) {
                    int bs = 0;     /* \#@ is no interpolation */
                    for (const char *bp = q - 1; bp >= t->pos && *bp == '\\'; bp--) bs++;
                    if (q > b && *q == '#' && q + 1 < t->end && (q[1] == '$' || q[1] == '@') && bs % 2 == 0) {
                        push(out, bl, bc, ev, b, (size_t)(q - b), st);
                        b = q;
                        bl = ln;
                        bc = cl;
                    }
                    if (*q == '\n') { ln++; cl = 0; } else cl++;
                }
                push(out, bl, bc, ev, b, (size_t)(t->end - b), st);
            } else {
                push(out, t->line, t->col, ev, t->pos, (size_t)(t->end - t->pos), st);
            }
        }
        for (const char *c = t->pos; c < t->end; c++)
            if (*c == '\n') { line++; lbeg = c + 1; }
        at = t->end;
        state = t->state;
    }
    gap(out, at, s + len, &line, &lbeg, state);
    free(lambeg);
    free(r.v);
}
