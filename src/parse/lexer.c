/* lexer.c -- Ruby's lexer: tokens, lexer states, string/heredoc/percent literals.
 * The design is in lexer.h; the state rules mirror CRuby 3.1's parser_yylex so
 * that ambiguous source (`a -1`, `foo [1]`, `x /y/`, `p :s`, `?a`, `<<X`) means
 * what it means in CRuby. Source is read line by line so that a heredoc body can
 * be read ahead of the rest of the line that starts it (Lexer.nextl). */
#include "lexer.h"
#include "../object/symbol.h"
#include "../util/arena.h"
#include "ast.h"
#include <stdarg.h>
#include <limits.h>
#include <math.h>

/* ASCII-only character classes: the lexer must not depend on the C locale */
static inline bool a_digit(int c) { return c >= '0' && c <= '9'; }
static inline bool a_upper(int c) { return c >= 'A' && c <= 'Z'; }
static inline bool a_lower(int c) { return c >= 'a' && c <= 'z'; }
static inline bool a_alpha(int c) { return a_upper(c) || a_lower(c); }
static inline bool a_alnum(int c) { return a_alpha(c) || a_digit(c); }

struct StrTerm {
    int func;                 /* STR_FUNC_* */
    int term, paren, nest;    /* terminator, opening bracket (0 if none), nesting depth */
    int start_line;
    const char *start_pos;
    bool words_started;
    /* heredocs */
    const char *id;
    size_t idlen;
    const char *save_p, *save_lbeg, *save_lend;
    int save_line;
    bool at_line_start;
    int min_indent;           /* squiggly: smallest indentation of a non-blank line */
};

#define IS_STATE(L, s)     (((L)->state & (s)) != 0)
#define IS_STATE_ALL(L, s) (((L)->state & (s)) == (s))
#define IS_ARG(L)          IS_STATE(L, EXPR_ARG_ANY)
#define IS_END(L)          IS_STATE(L, EXPR_END_ANY)
#define IS_BEG(L)          (IS_STATE(L, EXPR_BEG_ANY) || IS_STATE_ALL(L, EXPR_ARG | EXPR_LABELED))
#define IS_SPCARG(L, c, sp) (IS_ARG(L) && (sp) && !is_space(c))
#define IS_AFTER_OPERATOR(L) IS_STATE(L, EXPR_FNAME | EXPR_DOT)

/* ---- errors ---- */

static char *
xvformat(const char *fmt, va_list ap)
{
    if (!fmt) fmt = "";
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0) n = 0;
    char *s = malloc((size_t)n + 1);
    if (!s) { fputs("maglev: out of memory in lexer\n", stderr); abort(); }
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

/* The source line and caret line of an error report, as CRuby 3.1 shows them:
 * the line holding `beg`, cut to 30 characters either side of the token's end
 * with "..." where cut, a `^` under the token's first character and `~` under the
 * rest of it. Short lines (4 characters or fewer) are not shown at all. */
/* at most 3+65+3 bytes of source, "\n", 3+65 of caret line, "\n", NUL */
#define SHOWN_MAX 160

static size_t
show_error_line(const Lexer *L, const char *beg, const char *end, char *out)
{
    const char *pos = beg;
    /* the line holding pos; at the very end after a newline, the last line */
    const char *ls = pos;
    if (ls == L->end && ls > L->src && ls[-1] == '\n') ls--;
    while (ls > L->src && ls[-1] != '\n') ls--;
    const char *le = ls;
    while (le < L->end && *le != '\n') le++;
    if (le > ls && le[-1] == '\r') le--;
    if (!end || end <= beg) end = beg;
    if (pos > le) pos = end = le;    /* at the end of the input */
    if (end < pos) end = pos;
    bool one_line = end <= le;
    const char *pt = one_line ? end : le;       /* where the token ends on this line */
    const char *ptr = pt, *ptr_end = pt;
    const char *lim = pt - ls > 30 ? pt - 30 : ls;
    while (lim < ptr && ptr[-1] != '\n') ptr--;
    lim = le - ptr_end > 30 ? ptr_end + 30 : le;
    while (ptr_end < lim && *ptr_end != '\n' && *ptr_end != '\r') ptr_end++;
    if (ptr_end - ptr <= 4 && one_line) return 0;
    const char *pre = "", *post = "";
    /* one character further out at the start, one in at the end (at most 4 bytes) */
    if (ptr > ls) {
        int k = 0;
        do ptr--; while (ptr > ls && ++k < 4 && ((unsigned char)*ptr & 0xC0) == 0x80);
        if (ptr > ls) pre = "...";
    }
    if (ptr_end < le) {
        int k = 0;
        do ptr_end--; while (ptr_end > ptr && ++k < 4 && ((unsigned char)*ptr_end & 0xC0) == 0x80);
        if (ptr_end < le) post = "...";
    }
    const char *pb = pos < pt ? pos : pt;
    if (pb < ptr) pb = ptr;
    size_t k = 0;
    k += (size_t)sprintf(out + k, "%s", pre);
    for (const char *q = ptr; q < ptr_end; q++) out[k++] = (*q == '\0') ? ' ' : *q;
    k += (size_t)sprintf(out + k, "%s\n%s", post, pre);
    const char *q = ptr;
    for (; q < pb; q++) out[k++] = *q == '\t' ? '\t' : ' ';
    out[k++] = '^';
    q++;
    for (; q < pt; q++) out[k++] = '~';
    out[k++] = '\n';
    out[k] = '\0';
    return k;
}

NORETURN static void
lex_verror(Lexer *L, int line, const char *beg, const char *end, bool show, const char *fmt, va_list ap)
{
    if (!L->error) {
        char *msg = xvformat(fmt, ap);
        if (!beg || beg < L->src) beg = L->src;
        if (beg > L->end) beg = L->end;
        if (end && end > L->end) end = L->end;
        size_t flen = strlen(L->file), mlen = strlen(msg);
        size_t cap = flen + mlen + SHOWN_MAX + 64;
        char *out = malloc(cap);
        if (!out) { fputs("maglev: out of memory in lexer\n", stderr); abort(); }
        int n = snprintf(out, cap, "%s:%d: %s", L->file, line, msg);
        if (show) {
            char shown[SHOWN_MAX];
            if (show_error_line(L, beg, end, shown)) snprintf(out + n, cap - (size_t)n, "\n%s", shown);
        }
        free(msg);
        L->error = out;
    }
    longjmp(*L->jb, 1);
}

void
mg_lex_error_at(Lexer *L, int line, const char *pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    lex_verror(L, line, pos, pos, true, fmt, ap);
    va_end(ap);
}

void
mg_lex_error_span(Lexer *L, int line, const char *beg, const char *end, bool show_line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    lex_verror(L, line, beg, end, show_line, fmt, ap);
    va_end(ap);
}

#define lex_error(L, ...) mg_lex_error_at((L), (L)->lineno, (L)->p, __VA_ARGS__)

static const char *const token_descs[] = {
#define X(name, desc) desc,
    MG_TOKENS(X)
#undef X
};

const char *
mg_token_desc(const Token *t)
{
    if (t->type == T_NUMBER) {
        if (t->suffix & NUM_SUFFIX_I) return "imaginary literal";
        if (t->suffix & NUM_SUFFIX_R) return "rational literal";
        if (t->num == NUM_FLOAT) return "float literal";
        return "integer literal";
    }
    if (t->type >= 0 && t->type < T__COUNT) return token_descs[t->type];
    return "token";
}

/* ---- characters and lines ---- */

static bool
is_space(int c)
{
    return c == ' ' || c == '\t' || c == '\f' || c == '\r' || c == '\v' || c == '\n';
}

static bool
is_ident_char(int c)
{
    return c >= 0 && (a_alnum(c) || c == '_' || c >= 0x80);
}

static bool
is_ident_start(int c)
{
    return c >= 0 && (a_alpha(c) || c == '_' || c >= 0x80);
}

static bool
next_line(Lexer *L)
{
    if (L->nextl >= L->end) { L->p = L->lend; return false; }
    L->lbeg = L->p = L->nextl;
    const char *nl = memchr(L->p, '\n', (size_t)(L->end - L->p));
    L->lend = nl ? nl + 1 : L->end;
    L->nextl = L->lend;
    L->lineno = L->next_lineno++;
    return true;
}

static int
nextc(Lexer *L)
{
    if (L->p >= L->lend && !next_line(L)) return -1;
    return (unsigned char)*L->p++;
}

static void
pushback(Lexer *L, int c)
{
    if (c != -1 && L->p > L->lbeg) L->p--;
}

static int
peekc(Lexer *L)
{
    return L->p < L->lend ? (unsigned char)*L->p : -1;
}

static int
peekn(Lexer *L, int n)
{
    return L->p + n < L->lend ? (unsigned char)L->p[n] : -1;
}

static bool
peek_is(Lexer *L, int c)
{
    return peekc(L) == c;
}

/* ---- scratch buffer ---- */

static void
buf_reset(Lexer *L)
{
    L->blen = 0;
    L->esc = 0;
}

static void
buf_add(Lexer *L, int c)
{
    if (L->blen + 1 >= L->bcap) {
        size_t cap = L->bcap ? L->bcap * 2 : 256;
        char *nb = realloc(L->buf, cap);
        if (!nb) { fputs("maglev: out of memory in lexer\n", stderr); abort(); }
        L->buf = nb;
        L->bcap = cap;
    }
    L->buf[L->blen++] = (char)c;
}

/* An escape's byte into a string's bytes. */
static void
buf_add_esc(Lexer *L, int c)
{
    if ((c & 0xff) >= 0x80) L->esc |= TOK_ESC_HIGH;
    buf_add(L, c);
}

static void
buf_addn(Lexer *L, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) buf_add(L, (unsigned char)s[i]);
}

static void
tok_str(Lexer *L, Token *t)
{
    t->str = mg_arena_strndup(L->arena, L->buf ? L->buf : "", L->blen);
    t->len = L->blen;
}

/* ---- init ---- */

void
mg_lex_init(Lexer *L, const char *src, size_t len, const char *file, int line,
            struct Arena *arena, jmp_buf *jb)
{
    memset(L, 0, sizeof *L);
    L->src = src;
    L->end = src + len;
    L->p = L->lbeg = L->lend = L->nextl = src;
    L->lineno = line - 1;
    L->next_lineno = line;
    L->state = EXPR_BEG;
    L->command_start = true;
    L->arena = arena;
    L->file = file ? file : "-";
    L->data_offset = (size_t)-1;
    L->jb = jb;
    L->last_line = line;
    /* skip a UTF-8 byte order mark */
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) L->p = L->lbeg = L->lend = L->nextl = src + 3;
    next_line(L);
    if (L->lineno < line) L->lineno = line;
}

void
mg_lex_finish(Lexer *L)
{
    free(L->buf);
    L->buf = NULL;
    L->bcap = L->blen = 0;
}

/* ---- escapes ---- */

static void
add_utf8(Lexer *L, unsigned long cp)
{
    if (cp < 0x80) buf_add(L, (int)cp);
    else if (cp < 0x800) { buf_add(L, (int)(0xC0 | (cp >> 6))); buf_add(L, (int)(0x80 | (cp & 0x3F))); }
    else if (cp < 0x10000) {
        buf_add(L, (int)(0xE0 | (cp >> 12)));
        buf_add(L, (int)(0x80 | ((cp >> 6) & 0x3F)));
        buf_add(L, (int)(0x80 | (cp & 0x3F)));
    } else {
        buf_add(L, (int)(0xF0 | (cp >> 18)));
        buf_add(L, (int)(0x80 | ((cp >> 12) & 0x3F)));
        buf_add(L, (int)(0x80 | ((cp >> 6) & 0x3F)));
        buf_add(L, (int)(0x80 | (cp & 0x3F)));
    }
}


/* After "\u": \uXXXX or \u{X XX ...}. With `raw` (regexps) the text is copied. */
static void
read_unicode_escape(Lexer *L, bool raw)
{
    if (raw) { buf_add(L, '\\'); buf_add(L, 'u'); }
    if (peek_is(L, '{')) {
        nextc(L);
        if (raw) buf_add(L, '{');
        for (;;) {
            int c = peekc(L);
            while (c == ' ' || c == '\t') { nextc(L); if (raw) buf_add(L, c); c = peekc(L); }
            if (c == '}') { nextc(L); if (raw) buf_add(L, '}'); break; }
            unsigned long cp = 0;
            int n = 0;
            const char *ds = L->p;
            while (mg_hexval(peekc(L)) >= 0) {
                int d = nextc(L);
                if (raw) buf_add(L, d);
                if (++n > 6) lex_error(L, "invalid Unicode escape");
                cp = cp * 16 + (unsigned long)mg_hexval(d);
            }
            if (n == 0) lex_error(L, peekc(L) == -1 ? "unterminated Unicode escape" : "invalid Unicode escape");
            if (cp > 0x10FFFF) mg_lex_error_span(L, L->lineno, ds, L->p, true, "invalid Unicode codepoint (too large)");
            if (cp >= 0xD800 && cp <= 0xDFFF) mg_lex_error_span(L, L->lineno, ds, L->p, true, "invalid Unicode codepoint");
            if (!raw) { add_utf8(L, cp); L->esc |= TOK_ESC_U; }
        }
        return;
    }
    unsigned long cp = 0;
    const char *ds = L->p;
    for (int i = 0; i < 4; i++) {
        int c = peekc(L);
        if (mg_hexval(c) < 0) mg_lex_error_span(L, L->lineno, ds, L->p, true, "invalid Unicode escape");
        nextc(L);
        if (raw) buf_add(L, c);
        cp = cp * 16 + (unsigned long)mg_hexval(c);
    }
    if (!raw) {
        if (cp >= 0xD800 && cp <= 0xDFFF) mg_lex_error_span(L, L->lineno, ds, L->p, true, "invalid Unicode codepoint");
        add_utf8(L, cp);
        L->esc |= TOK_ESC_U;
    }
}

/* After a backslash: one escaped byte value (\n \t \0 \x41 \M-a \C-a \ca ...). */
static int
read_escape(Lexer *L, int depth)
{
    int c = nextc(L);
    switch (c) {
    case '\\': return '\\';
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case 'f': return '\f';
    case 'v': return '\v';
    case 'a': return '\007';
    case 'e': return 033;
    case 'b': return '\010';
    case 's': return ' ';
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        int v = c - '0';
        for (int i = 0; i < 2 && peekc(L) >= '0' && peekc(L) <= '7'; i++) v = v * 8 + (nextc(L) - '0');
        return v & 0xff;
    }
    case 'x': {
        int v = 0, n = 0;
        while (n < 2 && mg_hexval(peekc(L)) >= 0) { v = v * 16 + mg_hexval(nextc(L)); n++; }
        if (n == 0) lex_error(L, "invalid hex escape");
        return v;
    }
    case 'M': {
        if (nextc(L) != '-') lex_error(L, "Invalid escape character syntax");
        int d = nextc(L);
        if (d == '\\') {
            if (depth > 8) lex_error(L, "Invalid escape character syntax");
            d = read_escape(L, depth + 1);
        } else if (d == -1) lex_error(L, "Invalid escape character syntax");
        return (d & 0xff) | 0x80;
    }
    case 'C':
        if (nextc(L) != '-') lex_error(L, "Invalid escape character syntax");
        /* fall through */
    case 'c': {
        int d = nextc(L);
        if (d == '\\') {
            if (depth > 8) lex_error(L, "Invalid escape character syntax");
            d = read_escape(L, depth + 1);
        } else if (d == '?') return 0177;
        else if (d == -1) lex_error(L, "Invalid escape character syntax");
        return d & 0x9f;
    }
    case -1:
        lex_error(L, "Invalid escape character syntax");
    default:
        return c;
    }
}

/* ---- string literal bodies ---- */

static bool
simple_re_meta(int c)
{
    switch (c) {
    case '$': case '*': case '+': case '.': case '?': case '^': case '|':
    case ')': case ']': case '}': case '>':
        return true;
    }
    return false;
}

/* Does "#" at L->p-1 start an interpolation (#{ #@x #@@x #$x)? */
static bool
interp_follows(Lexer *L)
{
    int c = peekc(L);
    if (c == '{') return true;
    if (c == '@') {
        int d = peekn(L, 1);
        if (d == '@') d = peekn(L, 2);
        return is_ident_start(d);
    }
    if (c == '$') {
        int d = peekn(L, 1);
        if (is_ident_start(d)) return true;
        if (d == '-') return is_ident_char(peekn(L, 2));
        return d > 0 && strchr("~*$?!@/\\;,.=:<>\"&`'+0123456789", d) != NULL;
    }
    return false;
}

static const char *
unterminated_what(int func)
{
    if (func & STR_FUNC_REGEXP) return "regexp";
    if (func & STR_FUNC_QWORDS) return "list";
    return "string";
}

/* Read string content into L->buf until the terminator, an interpolation,
 * or (word lists) whitespace. Leaves the stopping character unread. */
static void
read_string_content(Lexer *L, StrTerm *s)
{
    int func = s->func;
    bool expand = (func & STR_FUNC_EXPAND) != 0;
    bool regexp = (func & STR_FUNC_REGEXP) != 0;
    bool qwords = (func & STR_FUNC_QWORDS) != 0;
    int c;
    while ((c = nextc(L)) != -1) {
        if (s->paren && c == s->paren) {
            s->nest++;
        } else if (c == s->term) {
            if (s->nest == 0) { pushback(L, c); return; }
            s->nest--;
        } else if (expand && c == '#' && interp_follows(L)) {
            pushback(L, c);
            return;
        } else if (c == '\\') {
            c = nextc(L);
            switch (c) {
            case -1:
                goto unterminated;
            case '\n':
                if (qwords) { buf_add(L, '\n'); continue; }
                if (expand) continue;        /* line continuation */
                buf_add(L, '\\');
                break;
            case '\\':
                if (regexp) buf_add(L, '\\');
                break;
            case 'u':
                if (!expand) { buf_add(L, '\\'); break; }
                read_unicode_escape(L, regexp);
                continue;
            default:
                if (regexp) {
                    if (c == s->term && !simple_re_meta(c)) { buf_add(L, c); continue; }
                    if (c == 'c' || c == 'C' || c == 'M') {
                        pushback(L, c);
                        int v = read_escape(L, 0);
                        char hex[8];
                        snprintf(hex, sizeof hex, "\\x%02X", v & 0xff);
                        buf_addn(L, hex, 4);
                        continue;
                    }
                    buf_add(L, '\\');
                    break;
                }
                if (expand) {
                    if (qwords && is_space(c)) break;
                    pushback(L, c);
                    buf_add_esc(L, read_escape(L, 0));
                    continue;
                }
                if (c == s->term || (s->paren && c == s->paren) || (qwords && is_space(c))) break;
                buf_add(L, '\\');
                break;
            }
        } else if (qwords && is_space(c)) {
            pushback(L, c);
            return;
        }
        buf_add(L, c);
    }
unterminated:
    mg_lex_error_at(L, L->lineno, L->p, "unterminated %s meets end of file", unterminated_what(func));
}

static int
read_regexp_options(Lexer *L)
{
    int flags = 0;
    int c;
    char bad[32];
    size_t nbad = 0;
    while ((c = peekc(L)) != -1 && a_alpha(c)) {
        nextc(L);
        switch (c) {
        case 'i': flags |= NF_RE_IGNORECASE; break;
        case 'x': flags |= NF_RE_EXTENDED; break;
        case 'm': flags |= NF_RE_MULTILINE; break;
        case 'o': flags |= NF_RE_ONCE; break;
        case 'n': flags |= NF_RE_NOENC; break;
        case 'u': flags |= NF_RE_UTF8; break;
        case 'e': case 's': break;      /* EUC-JP / Windows-31J: accepted, ignored */
        default: if (nbad < sizeof bad - 1) bad[nbad++] = (char)c; break;
        }
    }
    if (nbad) {
        bad[nbad] = '\0';
        lex_error(L, "unknown regexp option%s - %s", nbad > 1 ? "s" : "", bad);
    }
    return flags;
}

static void
lex_string(Lexer *L, Token *t)
{
    StrTerm *s = L->strterm;
    int func = s->func;
    buf_reset(L);
    t->pos = L->p;
    t->line = L->lineno;
    t->col = (int)(L->p - L->lbeg);
    if (func & STR_FUNC_QWORDS) {
        bool space = !s->words_started;
        s->words_started = true;
        for (;;) {
            if (L->p >= L->lend) { if (!next_line(L)) break; continue; }
            if (!is_space((unsigned char)*L->p)) break;
            L->p++;
            space = true;
        }
        t->pos = L->p;
        t->line = L->lineno;
        t->col = (int)(L->p - L->lbeg);
        if (space && !(peekc(L) == s->term && s->nest == 0)) {
            t->type = T_WORDS_SEP;
            return;
        }
    }
    int c = nextc(L);
    if (c == -1) {
        mg_lex_error_at(L, L->lineno, L->p, "unterminated %s meets end of file", unterminated_what(func));
    }
    if (c == s->term && s->nest == 0) {
        L->strterm = NULL;
        if (func & STR_FUNC_REGEXP) {
            t->type = T_REGEXP_END;
            t->flags = read_regexp_options(L);
            L->state = EXPR_END;
            return;
        }
        if ((func & STR_FUNC_LABEL) && peek_is(L, ':') && peekn(L, 1) != ':') {
            nextc(L);
            t->type = T_LABEL_END;
            L->state = EXPR_ARG | EXPR_LABELED;
            return;
        }
        t->type = T_STRING_END;
        L->state = EXPR_END;
        return;
    }
    if ((func & STR_FUNC_EXPAND) && c == '#' && interp_follows(L)) {
        int d = peekc(L);
        if (d == '{') {
            nextc(L);
            t->type = T_STRING_DBEG;
        } else {
            t->type = T_STRING_DVAR;
        }
        return;
    }
    pushback(L, c);
    read_string_content(L, s);
    t->type = T_STRING_CONTENT;
    tok_str(L, t);
    t->flags = L->esc;
}

/* ---- heredocs ---- */

/* Is the current line (at lbeg) the terminator of heredoc s? */
static bool
heredoc_terminator_line(Lexer *L, StrTerm *s)
{
    const char *q = L->lbeg;
    if (s->func & STR_FUNC_INDENT) while (q < L->lend && (*q == ' ' || *q == '\t')) q++;
    if ((size_t)(L->lend - q) < s->idlen || memcmp(q, s->id, s->idlen) != 0) return false;
    q += s->idlen;
    if (q < L->lend && *q == '\r') q++;
    return q == L->lend || *q == '\n';
}

static int
line_indent(const char *q, const char *e)
{
    int col = 0;
    for (; q < e; q++) {
        if (*q == ' ') col++;
        else if (*q == '\t') col = (col / 8 + 1) * 8;
        else break;
    }
    if (q >= e || *q == '\n' || (*q == '\r' && q + 1 < e && q[1] == '\n') ||
        (*q == '\r' && q + 1 == e))
        return -1;                 /* blank line: does not count */
    return col;
}

static void
lex_heredoc(Lexer *L, Token *t)
{
    StrTerm *s = L->strterm;
    buf_reset(L);
    t->indent = 0;
    if (s->at_line_start) {
        if (L->p >= L->lend && !next_line(L)) {
            mg_lex_error_at(L, s->start_line, s->start_pos,
                            "can't find string \"%.*s\" anywhere before EOF", (int)s->idlen, s->id);
        }
        t->pos = L->p;
        t->line = L->lineno;
        t->col = (int)(L->p - L->lbeg);
        if (heredoc_terminator_line(L, s)) {
            const char *after = L->lend;
            int after_line = L->lineno + 1;
            L->p = s->save_p;
            L->lbeg = s->save_lbeg;
            L->lend = s->save_lend;
            L->lineno = s->save_line;
            L->nextl = after;
            L->next_lineno = after_line;
            L->strterm = NULL;
            L->state = EXPR_END;
            t->type = T_STRING_END;
            t->indent = (s->func & STR_FUNC_SQUIGGLY) ? (s->min_indent == INT_MAX ? 0 : s->min_indent) : 0;
            return;
        }
        s->at_line_start = false;
        if (s->func & STR_FUNC_SQUIGGLY) {
            int ind = line_indent(L->p, L->lend);
            if (ind >= 0 && ind < s->min_indent) s->min_indent = ind;
            t->indent = 1;
        }
    }
    t->pos = L->p;
    t->line = L->lineno;
    t->col = (int)(L->p - L->lbeg);
    if (!(s->func & STR_FUNC_EXPAND)) {
        buf_addn(L, L->p, (size_t)(L->lend - L->p));
        L->p = L->lend;
        s->at_line_start = true;
        t->type = T_STRING_CONTENT;
        tok_str(L, t);
        t->flags = L->esc;
        return;
    }
    int c = nextc(L);
    if (c == '#' && interp_follows(L)) {
        if (peekc(L) == '{') { nextc(L); t->type = T_STRING_DBEG; }
        else t->type = T_STRING_DVAR;
        return;
    }
    pushback(L, c);
    for (;;) {
        if (L->p >= L->lend) { s->at_line_start = true; break; }
        c = nextc(L);
        if (c == '\n') { buf_add(L, c); s->at_line_start = true; break; }
        if (c == '#' && interp_follows(L)) { pushback(L, c); break; }
        if (c == '\\') {
            c = peekc(L);
            if (c == '\n') { nextc(L); s->at_line_start = true; break; }     /* continuation */
            if (c == -1) { buf_add(L, '\\'); continue; }
            if (c == 'u') { nextc(L); read_unicode_escape(L, false); continue; }
            buf_add_esc(L, read_escape(L, 0));
            continue;
        }
        buf_add(L, c);
    }
    t->type = T_STRING_CONTENT;
    tok_str(L, t);
    t->flags = L->esc;
}

/* After "<<": a heredoc start? Returns the token type, or 0 (nothing consumed). */
static int
heredoc_identifier(Lexer *L, Token *t)
{
    const char *start = L->p;
    int func = 0;
    int c = peekc(L);
    if (c == '-') { func |= STR_FUNC_INDENT; L->p++; c = peekc(L); }
    else if (c == '~') { func |= STR_FUNC_INDENT | STR_FUNC_SQUIGGLY; L->p++; c = peekc(L); }
    const char *id;
    size_t idlen;
    int type = T_STRING_BEG;
    if (c == '\'' || c == '"' || c == '`') {
        int q = c;
        L->p++;
        id = L->p;
        while (L->p < L->lend && *L->p != q && *L->p != '\n') L->p++;
        if (L->p >= L->lend || *L->p != q) lex_error(L, "unterminated here document identifier");
        idlen = (size_t)(L->p - id);
        L->p++;
        if (q == '"') func |= STR_FUNC_EXPAND;
        else if (q == '`') { func |= STR_FUNC_EXPAND | STR_FUNC_XSTR; type = T_XSTRING_BEG; }
    } else if (is_ident_char(c)) {
        id = L->p;
        while (L->p < L->lend && is_ident_char((unsigned char)*L->p)) L->p++;
        idlen = (size_t)(L->p - id);
        func |= STR_FUNC_EXPAND;
    } else {
        L->p = start;
        return 0;
    }
    StrTerm *s = mg_arena_alloc(L->arena, sizeof *s);
    s->func = func | STR_FUNC_HEREDOC;
    s->id = id;
    s->idlen = idlen;
    s->save_p = L->p;
    s->save_lbeg = L->lbeg;
    s->save_lend = L->lend;
    s->save_line = L->lineno;
    s->start_line = L->lineno;
    s->start_pos = start - 2;
    s->at_line_start = true;
    s->min_indent = INT_MAX;
    L->p = L->lend;           /* the body starts on the next line */
    L->strterm = s;
    t->flags = s->func;
    return type;
}

/* ---- numbers ---- */

static int
digit_value(int c, int base)
{
    int v = mg_hexval(c);
    return (v >= 0 && v < base) ? v : -1;
}

static int
read_digits(Lexer *L, int base, int have)
{
    bool last_us = false;
    int n = have;
    for (;;) {
        int c = peekc(L);
        if (c == '_') {
            if (last_us || n == 0) break;
            last_us = true;
            L->p++;
            continue;
        }
        if (digit_value(c, base) < 0) break;
        buf_add(L, c);
        L->p++;
        last_us = false;
        n++;
    }
    if (last_us) lex_error(L, "trailing `_' in number");
    return n;
}

/* digits[0..n) in base (2, 8 or 16) as a decimal string in the arena */
static char *
to_decimal(Lexer *L, const char *digits, size_t n, int base)
{
    if (n > 20000) lex_error(L, "numeric literal too long");
    int per = base == 16 ? 7 : base == 8 ? 9 : 27;     /* base^per < 2^31 */
    size_t cap = n / 2 + 4, count = 1;
    uint32_t *limb = calloc(cap, sizeof *limb);        /* base 1e9, little-endian */
    if (!limb) { fputs("maglev: out of memory in lexer\n", stderr); abort(); }
    for (size_t i = 0; i < n; ) {
        uint64_t mult = 1, add = 0;
        for (int k = 0; k < per && i < n; k++, i++) {
            mult *= (uint64_t)base;
            add = add * (uint64_t)base + (uint64_t)digit_value((unsigned char)digits[i], base);
        }
        uint64_t carry = add;
        for (size_t j = 0; j < count; j++) {
            uint64_t v = (uint64_t)limb[j] * mult + carry;
            limb[j] = (uint32_t)(v % 1000000000u);
            carry = v / 1000000000u;
        }
        while (carry) {
            limb[count++] = (uint32_t)(carry % 1000000000u);
            carry /= 1000000000u;
        }
    }
    char *out = mg_arena_alloc(L->arena, count * 9 + 1);
    size_t k = (size_t)sprintf(out, "%u", limb[count - 1]);
    for (size_t j = count - 1; j-- > 0; ) k += (size_t)sprintf(out + k, "%09u", limb[j]);
    free(limb);
    return out;
}

static void
lex_number(Lexer *L, Token *t, int c)
{
    buf_reset(L);
    t->type = T_NUMBER;
    t->num = NUM_INT;
    int base = 10;
    bool is_float = false, has_exp = false;
    if (c == '0') {
        int d = peekc(L);
        int n;
        switch (d) {
        case 'x': case 'X': base = 16; L->p++; n = read_digits(L, 16, 0); goto prefixed;
        case 'b': case 'B': base = 2; L->p++; n = read_digits(L, 2, 0); goto prefixed;
        case 'o': case 'O':
            base = 8; L->p++; n = read_digits(L, 8, 0);
            if (peekc(L) == '8' || peekc(L) == '9') lex_error(L, "Invalid octal digit");
            goto prefixed;
        case 'd': case 'D': base = 10; L->p++; n = read_digits(L, 10, 0); goto prefixed;
        case '_': case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
            base = 8;
            buf_add(L, '0');
            n = read_digits(L, 8, 1);
            if (peekc(L) == '8' || peekc(L) == '9') lex_error(L, "Invalid octal digit");
            goto prefixed;
        case '8': case '9':
            lex_error(L, "Invalid octal digit");
        default:
            buf_add(L, '0');
            break;
        }
        goto decimal_rest;
    prefixed:
        if (n == 0) lex_error(L, "numeric literal without digits");
        goto integer;
    }
    buf_add(L, c);
    read_digits(L, 10, 1);
decimal_rest:
    if (peekc(L) == '.' && digit_value(peekn(L, 1), 10) >= 0) {
        L->p++;
        buf_add(L, '.');
        read_digits(L, 10, 0);
        is_float = true;
    }
    if (peekc(L) == 'e' || peekc(L) == 'E') {
        int d = peekn(L, 1);
        int skip = 1;
        if (d == '+' || d == '-') { d = peekn(L, 2); skip = 2; }
        if (digit_value(d, 10) >= 0) {
            buf_add(L, 'e');
            if (skip == 2) buf_add(L, L->p[1]);
            L->p += skip;
            read_digits(L, 10, 0);
            is_float = has_exp = true;
        }
    }
integer:;
    /* suffixes r, i, ri -- only when no identifier character follows */
    int suffix = 0;
    const char *save = L->p;
    if (peekc(L) == 'r' && !has_exp) { L->p++; suffix |= NUM_SUFFIX_R; }
    if (peekc(L) == 'i') { L->p++; suffix |= NUM_SUFFIX_I; }
    if (suffix && (is_ident_char(peekc(L)) && peekc(L) < 0x80)) { L->p = save; suffix = 0; }
    t->suffix = suffix;
    buf_add(L, '\0');
    L->blen--;
    if (is_float) {
        t->num = NUM_FLOAT;
        t->fval = strtod(L->buf, NULL);
        tok_str(L, t);
    } else {
        uint64_t v = 0;
        bool big = false;
        for (size_t i = 0; i < L->blen; i++) {
            uint64_t d = (uint64_t)digit_value((unsigned char)L->buf[i], base);
            if (v > (UINT64_MAX - d) / (uint64_t)base) { big = true; break; }
            v = v * (uint64_t)base + d;
        }
        if (!big && v > (uint64_t)INT64_MAX) big = true;
        if (big) {
            t->num = NUM_BIG;
            if (base == 10) {
                size_t i = 0;
                while (i + 1 < L->blen && L->buf[i] == '0') i++;
                t->str = mg_arena_strndup(L->arena, L->buf + i, L->blen - i);
            } else {
                size_t i = 0;
                while (i + 1 < L->blen && L->buf[i] == '0') i++;
                t->str = to_decimal(L, L->buf + i, L->blen - i, base);
            }
            t->len = strlen(t->str);
        } else {
            t->ival = (int64_t)v;
            tok_str(L, t);
        }
    }
    L->state = EXPR_END;
}

/* ---- identifiers and keywords ---- */

typedef struct { const char *name; int tok, mod_tok, state; } Keyword;

static const Keyword keywords[] = {
    {"__ENCODING__", T_KW__ENCODING__, T_KW__ENCODING__, EXPR_END},
    {"__LINE__", T_KW__LINE__, T_KW__LINE__, EXPR_END},
    {"__FILE__", T_KW__FILE__, T_KW__FILE__, EXPR_END},
    {"BEGIN", T_KW_BEGIN_UP, T_KW_BEGIN_UP, EXPR_END},
    {"END", T_KW_END_UP, T_KW_END_UP, EXPR_END},
    {"alias", T_KW_ALIAS, T_KW_ALIAS, EXPR_FNAME | EXPR_FITEM},
    {"and", T_KW_AND, T_KW_AND, EXPR_VALUE},
    {"begin", T_KW_BEGIN, T_KW_BEGIN, EXPR_BEG},
    {"break", T_KW_BREAK, T_KW_BREAK, EXPR_MID},
    {"case", T_KW_CASE, T_KW_CASE, EXPR_VALUE},
    {"class", T_KW_CLASS, T_KW_CLASS, EXPR_CLASS},
    {"def", T_KW_DEF, T_KW_DEF, EXPR_FNAME},
    {"defined?", T_KW_DEFINED, T_KW_DEFINED, EXPR_ARG},
    {"do", T_KW_DO, T_KW_DO, EXPR_BEG},
    {"else", T_KW_ELSE, T_KW_ELSE, EXPR_BEG},
    {"elsif", T_KW_ELSIF, T_KW_ELSIF, EXPR_VALUE},
    {"end", T_KW_END, T_KW_END, EXPR_END},
    {"ensure", T_KW_ENSURE, T_KW_ENSURE, EXPR_BEG},
    {"false", T_KW_FALSE, T_KW_FALSE, EXPR_END},
    {"for", T_KW_FOR, T_KW_FOR, EXPR_VALUE},
    {"if", T_KW_IF, T_KW_IF_MOD, EXPR_VALUE},
    {"in", T_KW_IN, T_KW_IN, EXPR_VALUE},
    {"module", T_KW_MODULE, T_KW_MODULE, EXPR_VALUE},
    {"next", T_KW_NEXT, T_KW_NEXT, EXPR_MID},
    {"nil", T_KW_NIL, T_KW_NIL, EXPR_END},
    {"not", T_KW_NOT, T_KW_NOT, EXPR_ARG},
    {"or", T_KW_OR, T_KW_OR, EXPR_VALUE},
    {"redo", T_KW_REDO, T_KW_REDO, EXPR_END},
    {"rescue", T_KW_RESCUE, T_KW_RESCUE_MOD, EXPR_MID},
    {"retry", T_KW_RETRY, T_KW_RETRY, EXPR_END},
    {"return", T_KW_RETURN, T_KW_RETURN, EXPR_MID},
    {"self", T_KW_SELF, T_KW_SELF, EXPR_END},
    {"super", T_KW_SUPER, T_KW_SUPER, EXPR_ARG},
    {"then", T_KW_THEN, T_KW_THEN, EXPR_BEG},
    {"true", T_KW_TRUE, T_KW_TRUE, EXPR_END},
    {"undef", T_KW_UNDEF, T_KW_UNDEF, EXPR_FNAME | EXPR_FITEM},
    {"unless", T_KW_UNLESS, T_KW_UNLESS_MOD, EXPR_VALUE},
    {"until", T_KW_UNTIL, T_KW_UNTIL_MOD, EXPR_VALUE},
    {"when", T_KW_WHEN, T_KW_WHEN, EXPR_VALUE},
    {"while", T_KW_WHILE, T_KW_WHILE_MOD, EXPR_VALUE},
    {"yield", T_KW_YIELD, T_KW_YIELD, EXPR_ARG},
};

static const Keyword *
find_keyword(const char *s, size_t n)
{
    if (n < 2 || n > 12) return NULL;
    for (size_t i = 0; i < ARRAY_LEN(keywords); i++) {
        if (strlen(keywords[i].name) == n && memcmp(keywords[i].name, s, n) == 0) return &keywords[i];
    }
    return NULL;
}

static bool
is_numparam_name(const char *s, size_t n)
{
    return n == 2 && s[0] == '_' && s[1] >= '1' && s[1] <= '9';
}

/* whole line is exactly `word` (then newline or EOF)? */
static bool
line_is(Lexer *L, const char *word)
{
    size_t n = strlen(word);
    const char *q = L->lbeg;
    if ((size_t)(L->lend - q) < n || memcmp(q, word, n) != 0) return false;
    q += n;
    if (q < L->lend && *q == '\r') q++;
    return q == L->lend || *q == '\n';
}

static void
lex_ident(Lexer *L, Token *t, bool cmd_state, int last_state)
{
    const char *start = t->pos;
    while (is_ident_char(peekc(L))) L->p++;
    int type = T_IDENT;
    int c = peekc(L);
    if ((c == '!' || c == '?') && peekn(L, 1) != '=') {
        L->p++;
        type = T_FID;
    } else if (c == '?' && peekn(L, 1) == '=' && peekn(L, 2) == '=') {
        L->p++;       /* x.nil?==y: CRuby rejects it; reading `nil?` `==` is kinder */
        type = T_FID;
    } else if (c == '=' && (last_state & EXPR_FNAME) && peekn(L, 1) != '~' && peekn(L, 1) != '>' &&
               (peekn(L, 1) != '=' || peekn(L, 2) == '>')) {
        L->p++;
        type = T_IDENT;
    } else if (a_upper((unsigned char)*start)) {
        type = T_CONST;
    }
    size_t len = (size_t)(L->p - start);
    if (start == L->lbeg && len == 7 && memcmp(start, "__END__", 7) == 0 && line_is(L, "__END__")) {
        L->data_offset = (size_t)(L->lend - L->src);
        L->p = L->lend;
        L->nextl = L->end;
        t->type = T_EOF;
        return;
    }
    /* labels: `foo:` where a label may come */
    bool label_possible = (IS_STATE(L, EXPR_LABEL | EXPR_ENDFN) && !cmd_state) || IS_ARG(L);
    if (label_possible && peekc(L) == ':' && peekn(L, 1) != ':' && start[len - 1] != '=') {
        L->p++;
        t->type = T_LABEL;
        t->id = mg_intern(start, len);
        L->state = EXPR_ARG | EXPR_LABELED;
        return;
    }
    if (!(L->state & EXPR_DOT)) {
        const Keyword *kw = find_keyword(start, len);
        if (kw) {
            t->id = mg_intern(start, len);
            if (L->state & EXPR_FNAME) {
                L->state = EXPR_ENDFN;
                t->type = kw->tok;
                return;
            }
            int before = L->state;
            L->state = kw->state;
            if (L->state & EXPR_BEG) L->command_start = true;
            if (before & (EXPR_BEG | EXPR_LABELED | EXPR_CLASS)) {
                t->type = kw->tok;
            } else {
                if (kw->tok != kw->mod_tok) L->state = EXPR_BEG | EXPR_LABEL;
                t->type = kw->mod_tok;
            }
            return;
        }
    }
    t->type = type;
    t->id = mg_intern(start, len);
    if (IS_STATE(L, EXPR_BEG_ANY | EXPR_ARG_ANY | EXPR_DOT))
        L->state = cmd_state ? EXPR_CMDARG : EXPR_ARG;
    else if (L->state == EXPR_FNAME)
        L->state = EXPR_ENDFN;
    else
        L->state = EXPR_END;
    if (!(last_state & (EXPR_DOT | EXPR_FNAME)) && type == T_IDENT &&
        (is_numparam_name(start, len) || (L->is_local && L->is_local(L->ud, t->id))))
        L->state = EXPR_END | EXPR_LABEL;
}

/* ---- $gvar @ivar ---- */

static void
lex_gvar(Lexer *L, Token *t, int last_state)
{
    const char *start = t->pos;
    int c = nextc(L);
    L->state = EXPR_END;
    switch (c) {
    case '_':
        if (is_ident_char(peekc(L))) goto ident;
        break;
    case '~': case '*': case '$': case '?': case '!': case '@': case '/': case '\\':
    case ';': case ',': case '.': case '=': case ':': case '<': case '>': case '"': case '0':
        if (c == '0' && is_ident_char(peekc(L))) {
            while (is_ident_char(peekc(L))) L->p++;
            mg_lex_error_at(L, L->lineno, start, "`%.*s' is not allowed as a global variable name",
                            (int)(L->p - start), start);
        }
        break;
    case '-':
        if (is_ident_char(peekc(L))) { L->p++; break; }
        mg_lex_error_at(L, L->lineno, start, "`$-' is not allowed as a global variable name");
    case '&': case '`': case '\'': case '+':
        if (last_state & EXPR_FNAME) break;
        t->type = T_BACK_REF;
        t->ival = c;
        t->id = mg_intern(start, 2);
        return;
    case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9': {
        int64_t n = c - '0';
        while (a_digit(peekc(L))) {
            n = n * 10 + (nextc(L) - '0');
            if (n > INT_MAX) n = INT_MAX;
        }
        if (last_state & EXPR_FNAME) break;
        t->type = T_NTH_REF;
        t->ival = n;
        t->id = mg_intern(start, (size_t)(L->p - start));
        return;
    }
    default:
        if (is_ident_start(c)) goto ident;
        pushback(L, c);
        if (c == -1 || is_space(c))
            mg_lex_error_at(L, L->lineno, start, "`$' without identifiers is not allowed as a global variable name");
        mg_lex_error_at(L, L->lineno, start, "`$%c' is not allowed as a global variable name", c);
    ident:
        while (is_ident_char(peekc(L))) L->p++;
        break;
    }
    t->type = T_GVAR;
    t->id = mg_intern(start, (size_t)(L->p - start));
}

static void
lex_ivar(Lexer *L, Token *t, int last_state)
{
    const char *start = t->pos;
    int type = T_IVAR;
    if (peekc(L) == '@') { L->p++; type = T_CVAR; }
    int c = peekc(L);
    if (!is_ident_start(c)) {
        const char *what = type == T_IVAR ? "an instance" : "a class";
        if (c >= 0 && a_digit(c))
            mg_lex_error_at(L, L->lineno, start, "`%.*s%c' is not allowed as %s variable name",
                            (int)(L->p - start), start, c, what);
        mg_lex_error_at(L, L->lineno, start, "`%.*s' without identifiers is not allowed as %s variable name",
                        (int)(L->p - start), start, what);
    }
    while (is_ident_char(peekc(L))) L->p++;
    t->type = type;
    t->id = mg_intern(start, (size_t)(L->p - start));
    L->state = (last_state & EXPR_FNAME) ? EXPR_ENDFN : EXPR_END;
}

/* ---- :symbols ---- */

/* After ':' -- an operator method name? Returns its length at L->p, or 0. */
static size_t
operator_name_len(const char *q, const char *e)
{
    static const char *const ops[] = {
        "[]=", "[]", "===", "==", "=~", "!=", "!~", "!", "<=>", "<=", "<<", "<", ">=", ">>", ">",
        "+@", "-@", "+", "-", "**", "*", "/", "%", "~@", "~", "&", "|", "^", "`", "!@",
    };
    for (size_t i = 0; i < ARRAY_LEN(ops); i++) {
        size_t n = strlen(ops[i]);
        if ((size_t)(e - q) >= n && memcmp(q, ops[i], n) == 0) return n;
    }
    return 0;
}

static bool
lex_symbol(Lexer *L, Token *t)
{
    const char *q = L->p;
    int c = peekc(L);
    if (is_ident_start(c)) {
        while (is_ident_char(peekc(L))) L->p++;
        c = peekc(L);
        if ((c == '!' || c == '?') && peekn(L, 1) != '=') L->p++;
        else if (c == '=' && peekn(L, 1) != '~' && peekn(L, 1) != '>' &&
                 (peekn(L, 1) != '=' || peekn(L, 2) == '>'))
            L->p++;
    } else if (c == '@') {
        /* :@ :@1 :@@ are the errors a bare @ @1 @@ is, as in CRuby */
        Token iv = *t;
        iv.pos = L->p++;
        lex_ivar(L, &iv, 0);
    } else if (c == '$') {
        L->p++;
        c = peekc(L);
        if (is_ident_start(c)) { while (is_ident_char(peekc(L))) L->p++; }
        else if (c == '-' && is_ident_char(peekn(L, 1))) L->p += 2;
        else if (c >= 0 && a_digit(c)) { while (a_digit(peekc(L))) L->p++; }
        else if (c > 0 && strchr("~*$?!@/\\;,.=:<>\"&`'+", c)) L->p++;
        else if (c == -1 || is_space(c))
            mg_lex_error_at(L, L->lineno, q, "`$' without identifiers is not allowed as a global variable name");
        else mg_lex_error_at(L, L->lineno, q, "`$%c' is not allowed as a global variable name", c);
    } else {
        size_t n = operator_name_len(L->p, L->lend);
        if (n == 0) return false;
        L->p += n;
    }
    size_t n = (size_t)(L->p - q);
    if (n == 2 && (memcmp(q, "!@", 2) == 0 || memcmp(q, "~@", 2) == 0)) n = 1;
    t->type = T_SYMBOL;
    t->id = mg_intern(q, n);
    L->state = EXPR_END;
    return true;
}

/* ---- % literals ---- */

static void
new_strterm(Lexer *L, Token *t, int func, int term, int paren)
{
    StrTerm *s = mg_arena_alloc(L->arena, sizeof *s);
    s->func = func;
    s->term = term;
    s->paren = paren;
    s->start_line = L->lineno;
    s->start_pos = t->pos;
    L->strterm = s;
    t->flags = func;
}

static int
closing_of(int c)
{
    switch (c) {
    case '(': return ')';
    case '[': return ']';
    case '{': return '}';
    case '<': return '>';
    }
    return 0;
}

static void
lex_percent(Lexer *L, Token *t)
{
    int c = nextc(L);
    int type;
    if (c == -1) lex_error(L, "unterminated quoted string meets end of file");
    if (a_alnum(c)) {
        type = c;
        c = nextc(L);
        if (c == -1) lex_error(L, "unterminated quoted string meets end of file");
        if (a_alnum(c) || c >= 0x80) lex_error(L, "unknown type of %%string");
    } else {
        type = 'Q';
    }
    int term = c, paren = 0;
    if (closing_of(c)) { paren = c; term = closing_of(c); }
    switch (type) {
    case 'Q': new_strterm(L, t, STR_FUNC_EXPAND, term, paren); t->type = T_STRING_BEG; break;
    case 'q': new_strterm(L, t, 0, term, paren); t->type = T_STRING_BEG; break;
    case 'W': new_strterm(L, t, STR_FUNC_QWORDS | STR_FUNC_EXPAND, term, paren); t->type = T_WORDS_BEG; break;
    case 'w': new_strterm(L, t, STR_FUNC_QWORDS, term, paren); t->type = T_QWORDS_BEG; break;
    case 'I': new_strterm(L, t, STR_FUNC_QWORDS | STR_FUNC_EXPAND, term, paren); t->type = T_SYMBOLS_BEG; break;
    case 'i': new_strterm(L, t, STR_FUNC_QWORDS, term, paren); t->type = T_QSYMBOLS_BEG; break;
    case 'x': new_strterm(L, t, STR_FUNC_EXPAND | STR_FUNC_XSTR, term, paren); t->type = T_XSTRING_BEG; break;
    case 'r': new_strterm(L, t, STR_FUNC_REGEXP | STR_FUNC_ESCAPE | STR_FUNC_EXPAND, term, paren); t->type = T_REGEXP_BEG; break;
    case 's':
        new_strterm(L, t, STR_FUNC_SYMBOL, term, paren);
        t->type = T_SYMBEG;
        L->state = EXPR_FNAME | EXPR_FITEM;
        return;
    default:
        lex_error(L, "unknown type of %%string");
    }
    L->state = EXPR_BEG;
}

/* ---- the main switch ---- */

static void
set_op_asgn(Lexer *L, Token *t, const char *op)
{
    t->type = T_OP_ASGN;
    t->id = mg_intern_cstr(op);
    L->state = EXPR_BEG;
}

/* `=begin` at a line start: skip to the `=end` line. */
static bool
skip_embedded_doc(Lexer *L)
{
    const char *q = L->lbeg;
    if (L->p - 1 != q || (size_t)(L->lend - q) < 6 || memcmp(q, "=begin", 6) != 0) return false;
    if (q + 6 < L->lend && !is_space((unsigned char)q[6])) return false;
    const char *start = q;
    for (;;) {
        if (!next_line(L)) mg_lex_error_span(L, L->lineno, start, start, false, "embedded document meets end of file");
        q = L->lbeg;
        if ((size_t)(L->lend - q) >= 4 && memcmp(q, "=end", 4) == 0 &&
            (q + 4 == L->lend || is_space((unsigned char)q[4]))) {
            L->p = L->lend;
            return true;
        }
    }
}

/* After a newline that ends a statement: does the next code line start with
 * `.meth` or `&.meth` (a continued method chain)? Comment lines in between are
 * skipped. On true, L->p is at the dot; on false, at the start of that line. */
static bool
leading_dot_follows(Lexer *L)
{
    for (;;) {
        if (L->p >= L->lend && !next_line(L)) return false;
        const char *q = L->p;
        while (q < L->lend && (*q == ' ' || *q == '\t' || *q == '\f' || *q == '\r' || *q == '\v')) q++;
        if (q < L->lend && *q == '#') { L->p = L->lend; continue; }
        if (q + 1 < L->lend && q[0] == '&' && q[1] == '.') { L->p = q; return true; }
        if (q < L->lend && q[0] == '.' && !(q + 1 < L->lend && q[1] == '.')) { L->p = q; return true; }
        L->p = L->lbeg;
        return false;
    }
}

static void lex_token(Lexer *L, Token *t);

void (*mg_lex_token_hook)(void *ud, const Token *t, int state_before, int state_after);
void *mg_lex_token_hook_ud;

void
mg_lex_next(Lexer *L, Token *t)
{
    int before = L->state;
    lex_token(L, t);
    t->end = t->type == T_EOF ? t->pos : L->p;
    L->last_float = t->type == T_NUMBER && t->num == NUM_FLOAT;
    if (mg_lex_token_hook) mg_lex_token_hook(mg_lex_token_hook_ud, t, before, L->state);
}

static void
lex_token(Lexer *L, Token *t)
{
    memset(t, 0, sizeof *t);
    if (L->strterm) {
        if (L->strterm->func & STR_FUNC_HEREDOC) lex_heredoc(L, t);
        else lex_string(L, t);
        L->last_line = t->line;
        return;
    }
    bool cmd_state = L->command_start;
    L->command_start = false;
    bool space_seen = false;
    int last_state = L->state;
    int c;
retry:
    last_state = L->state;
    if (L->p >= L->lend) {
        if (!next_line(L)) { c = -1; goto eof; }
    }
    t->pos = L->p;
    t->line = L->lineno;
    t->col = (int)(L->p - L->lbeg);
    t->space_before = space_seen;
    c = nextc(L);
    switch (c) {
    case -1:
    eof:
        t->pos = L->p;
        t->line = L->lineno;
        t->col = (int)(L->p - L->lbeg);
        /* fall through */
    case '\0': case '\004': case '\032':
        t->type = T_EOF;
        L->p = L->lend;
        L->nextl = L->end;
        break;
    case ' ': case '\t': case '\f': case '\r': case '\v':
        space_seen = true;
        goto retry;
    case '#':
        L->p = L->lend;
        /* fall through */
    case '\n': {
        bool beg = IS_STATE(L, EXPR_BEG | EXPR_CLASS | EXPR_FNAME | EXPR_DOT) && !IS_STATE(L, EXPR_LABELED);
        if (beg || (IS_STATE_ALL(L, EXPR_ARG | EXPR_LABELED) && !L->in_kwarg)) {
            if (!beg && L->in_kwarg) goto normal_newline;
            space_seen = true;
            goto retry;
        }
        if (leading_dot_follows(L)) { space_seen = true; goto retry; }
    normal_newline:
        L->command_start = true;
        L->state = EXPR_BEG;
        t->type = T_NL;
        break;
    }
    case '*':
        if (peek_is(L, '*')) {
            L->p++;
            if (peek_is(L, '=')) { L->p++; set_op_asgn(L, t, "**"); break; }
            c = peekc(L);
            t->type = (IS_SPCARG(L, c, space_seen) || IS_BEG(L)) ? T_DSTAR : T_POW;
        } else {
            if (peek_is(L, '=')) { L->p++; set_op_asgn(L, t, "*"); break; }
            c = peekc(L);
            t->type = (IS_SPCARG(L, c, space_seen) || IS_BEG(L)) ? T_STAR : T_MUL;
        }
        L->state = IS_AFTER_OPERATOR(L) ? EXPR_ARG : EXPR_BEG;
        break;
    case '!':
        c = nextc(L);
        if (IS_AFTER_OPERATOR(L)) {
            L->state = EXPR_ARG;
            if (c == '@') { t->type = T_BANG; break; }
        } else {
            L->state = EXPR_BEG;
        }
        if (c == '=') t->type = T_NEQ;
        else if (c == '~') t->type = T_NMATCH;
        else { pushback(L, c); t->type = T_BANG; }
        break;
    case '=':
        if (skip_embedded_doc(L)) goto retry;
        L->state = IS_AFTER_OPERATOR(L) ? EXPR_ARG : EXPR_BEG;
        c = nextc(L);
        if (c == '=') {
            if (peek_is(L, '=')) { L->p++; t->type = T_EQQ; }
            else t->type = T_EQ;
        } else if (c == '~') t->type = T_MATCH;
        else if (c == '>') t->type = T_ASSOC;
        else { pushback(L, c); t->type = T_ASSIGN; }
        break;
    case '<':
        c = nextc(L);
        if (c == '<' && !IS_STATE(L, EXPR_DOT | EXPR_CLASS) && !IS_END(L) &&
            (!IS_ARG(L) || IS_STATE(L, EXPR_LABELED) || space_seen)) {
            int ht = heredoc_identifier(L, t);
            if (ht) { t->type = ht; break; }
        }
        if (IS_AFTER_OPERATOR(L)) L->state = EXPR_ARG;
        else {
            if (IS_STATE(L, EXPR_CLASS)) L->command_start = true;
            L->state = EXPR_BEG;
        }
        if (c == '=') {
            if (peek_is(L, '>')) { L->p++; t->type = T_CMP; }
            else t->type = T_LEQ;
        } else if (c == '<') {
            if (peek_is(L, '=')) { L->p++; set_op_asgn(L, t, "<<"); break; }
            t->type = T_LSHFT;
        } else { pushback(L, c); t->type = T_LT; }
        break;
    case '>':
        L->state = IS_AFTER_OPERATOR(L) ? EXPR_ARG : EXPR_BEG;
        c = nextc(L);
        if (c == '=') t->type = T_GEQ;
        else if (c == '>') {
            if (peek_is(L, '=')) { L->p++; set_op_asgn(L, t, ">>"); break; }
            t->type = T_RSHFT;
        } else { pushback(L, c); t->type = T_GT; }
        break;
    case '"': {
        bool label = (IS_STATE(L, EXPR_LABEL | EXPR_ENDFN) && !cmd_state) || IS_ARG(L);
        new_strterm(L, t, STR_FUNC_EXPAND | (label ? STR_FUNC_LABEL : 0), '"', 0);
        t->type = T_STRING_BEG;
        break;
    }
    case '\'': {
        bool label = (IS_STATE(L, EXPR_LABEL | EXPR_ENDFN) && !cmd_state) || IS_ARG(L);
        new_strterm(L, t, label ? STR_FUNC_LABEL : 0, '\'', 0);
        t->type = T_STRING_BEG;
        break;
    }
    case '`':
        if (IS_STATE(L, EXPR_FNAME)) { L->state = EXPR_ENDFN; t->type = T_BACKTICK; break; }
        if (IS_STATE(L, EXPR_DOT)) { L->state = cmd_state ? EXPR_CMDARG : EXPR_ARG; t->type = T_BACKTICK; break; }
        new_strterm(L, t, STR_FUNC_EXPAND | STR_FUNC_XSTR, '`', 0);
        t->type = T_XSTRING_BEG;
        break;
    case '?': {
        if (IS_END(L)) { L->state = EXPR_VALUE; t->type = T_QMARK; break; }
        c = nextc(L);
        if (c == -1) lex_error(L, "incomplete character syntax");
        if (is_space(c)) { pushback(L, c); L->state = EXPR_VALUE; t->type = T_QMARK; break; }
        buf_reset(L);
        if (c >= 0x80) {
            buf_add(L, c);
            while (peekc(L) >= 0x80 && (peekc(L) & 0xC0) == 0x80) buf_add(L, nextc(L));
        } else if ((a_alnum(c) || c == '_') && L->p < L->lend && is_ident_char((unsigned char)*L->p)) {
            pushback(L, c);
            L->state = EXPR_VALUE;
            t->type = T_QMARK;
            break;
        } else if (c == '\\') {
            if (peek_is(L, 'u')) { L->p++; read_unicode_escape(L, false); }
            else if (peekc(L) >= 0x80) { buf_add(L, nextc(L)); while ((peekc(L) & 0xC0) == 0x80 && peekc(L) >= 0x80) buf_add(L, nextc(L)); }
            else buf_add_esc(L, read_escape(L, 0));
        } else {
            buf_add(L, c);
        }
        tok_str(L, t);
        t->flags = L->esc;
        t->type = T_CHAR;
        L->state = EXPR_END;
        break;
    }
    case '&':
        c = nextc(L);
        if (c == '&') {
            L->state = EXPR_BEG;
            if (peek_is(L, '=')) { L->p++; set_op_asgn(L, t, "&&"); break; }
            t->type = T_ANDOP;
            break;
        }
        if (c == '=') { set_op_asgn(L, t, "&"); break; }
        if (c == '.') { L->state = EXPR_DOT; t->type = T_ANDDOT; break; }
        pushback(L, c);
        t->type = (IS_SPCARG(L, c, space_seen) || IS_BEG(L)) ? T_AMPER : T_BAND;
        L->state = IS_AFTER_OPERATOR(L) ? EXPR_ARG : EXPR_BEG;
        break;
    case '|':
        c = nextc(L);
        if (c == '|') {
            L->state = EXPR_BEG;
            if (peek_is(L, '=')) { L->p++; set_op_asgn(L, t, "||"); break; }
            t->type = T_OROP;
            break;
        }
        if (c == '=') { set_op_asgn(L, t, "|"); break; }
        pushback(L, c);
        L->state = IS_AFTER_OPERATOR(L) ? EXPR_ARG : EXPR_BEG | EXPR_LABEL;
        t->type = T_BOR;
        break;
    case '+':
    case '-': {
        int op = c;
        c = nextc(L);
        if (IS_AFTER_OPERATOR(L)) {
            L->state = EXPR_ARG;
            if (c == '@') { t->type = op == '+' ? T_UPLUS : T_UMINUS; break; }
            pushback(L, c);
            t->type = op == '+' ? T_PLUS : T_MINUS;
            break;
        }
        if (c == '=') { set_op_asgn(L, t, op == '+' ? "+" : "-"); break; }
        if (op == '-' && c == '>') { L->state = EXPR_ENDFN; t->type = T_LAMBDA; break; }
        if (IS_BEG(L) || IS_SPCARG(L, c, space_seen)) {
            L->state = EXPR_BEG;
            pushback(L, c);
            if (c >= 0 && a_digit(c)) {
                if (op == '+') { lex_number(L, t, nextc(L)); break; }
                t->type = T_UMINUS_NUM;
                break;
            }
            t->type = op == '+' ? T_UPLUS : T_UMINUS;
            break;
        }
        L->state = EXPR_BEG;
        pushback(L, c);
        t->type = op == '+' ? T_PLUS : T_MINUS;
        break;
    }
    case '.': {
        bool is_beg = IS_BEG(L);
        L->state = EXPR_BEG;
        if (peek_is(L, '.')) {
            L->p++;
            if (peek_is(L, '.')) { L->p++; t->type = is_beg ? T_BDOT3 : T_DOT3; break; }
            t->type = is_beg ? T_BDOT2 : T_DOT2;
            break;
        }
        if (peekc(L) >= 0 && a_digit(peekc(L))) {
            if (L->last_float && !space_seen)
                mg_lex_error_span(L, L->lineno, L->p - 1, L->p + 1, true, "unexpected fraction part after numeric literal");
            lex_error(L, "no .<digit> floating literal anymore; put 0 before dot");
        }
        L->state = EXPR_DOT;
        t->type = T_DOT;
        break;
    }
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
        lex_number(L, t, c);
        break;
    case ')':
        L->state = EXPR_ENDFN;
        L->paren_nest--;
        t->type = T_RPAREN;
        break;
    case ']':
        L->state = EXPR_END;
        L->paren_nest--;
        t->type = T_RBRACK;
        break;
    case '}':
        L->state = EXPR_END;
        L->paren_nest--;
        t->type = T_RBRACE;
        break;
    case ':':
        c = nextc(L);
        if (c == ':') {
            if (IS_BEG(L) || IS_STATE(L, EXPR_CLASS) || (IS_ARG(L) && space_seen)) {
                L->state = EXPR_BEG;
                t->type = T_COLON3;
            } else {
                L->state = EXPR_DOT;
                t->type = T_COLON2;
            }
            break;
        }
        if (IS_END(L) || c == -1 || is_space(c) || c == '#') {
            pushback(L, c);
            L->state = EXPR_BEG;
            t->type = T_COLON;
            break;
        }
        if (c == '"') { new_strterm(L, t, STR_FUNC_SYMBOL | STR_FUNC_EXPAND, '"', 0); t->type = T_SYMBEG; L->state = EXPR_FNAME; break; }
        if (c == '\'') { new_strterm(L, t, STR_FUNC_SYMBOL, '\'', 0); t->type = T_SYMBEG; L->state = EXPR_FNAME; break; }
        pushback(L, c);
        /* after ':' CRuby reads "&." as the safe-navigation operator, not :& then '.' */
        if (c == '&' && L->p + 1 < L->lend && L->p[1] == '.') {
            lex_error(L, "syntax error, unexpected &., expecting literal content or terminator or tSTRING_DBEG or tSTRING_DVAR");
            L->p += 2;
            t->type = T_COLON;
            break;
        }
        if (!lex_symbol(L, t)) { L->state = EXPR_BEG; t->type = T_COLON; }
        break;
    case '/':
        if (IS_BEG(L)) {
            new_strterm(L, t, STR_FUNC_REGEXP | STR_FUNC_ESCAPE | STR_FUNC_EXPAND, '/', 0);
            t->type = T_REGEXP_BEG;
            break;
        }
        if (peek_is(L, '=')) { L->p++; set_op_asgn(L, t, "/"); break; }
        if (IS_SPCARG(L, peekc(L), space_seen)) {
            new_strterm(L, t, STR_FUNC_REGEXP | STR_FUNC_ESCAPE | STR_FUNC_EXPAND, '/', 0);
            t->type = T_REGEXP_BEG;
            break;
        }
        L->state = IS_AFTER_OPERATOR(L) ? EXPR_ARG : EXPR_BEG;
        t->type = T_DIV;
        break;
    case '^':
        if (peek_is(L, '=')) { L->p++; set_op_asgn(L, t, "^"); break; }
        L->state = IS_AFTER_OPERATOR(L) ? EXPR_ARG : EXPR_BEG;
        t->type = T_XOR;
        break;
    case ';':
        L->state = EXPR_BEG;
        L->command_start = true;
        t->type = T_SEMI;
        break;
    case ',':
        L->state = EXPR_BEG | EXPR_LABEL;
        t->type = T_COMMA;
        break;
    case '~':
        if (IS_AFTER_OPERATOR(L)) {
            if (peek_is(L, '@')) L->p++;
            L->state = EXPR_ARG;
        } else {
            L->state = EXPR_BEG;
        }
        t->type = T_TILDE;
        break;
    case '(':
        if (IS_BEG(L)) t->type = T_LPAREN;
        else if (!space_seen) t->type = T_LPAREN_CALL;
        else if (IS_ARG(L) || IS_STATE_ALL(L, EXPR_END | EXPR_LABEL)) t->type = T_LPAREN_ARG;
        else t->type = T_LPAREN_CALL;
        L->paren_nest++;
        L->state = EXPR_BEG | EXPR_LABEL;
        break;
    case '[':
        L->paren_nest++;
        if (IS_AFTER_OPERATOR(L)) {
            if (peek_is(L, ']')) {
                L->p++;
                L->paren_nest--;
                L->state = EXPR_ARG;
                if (peek_is(L, '=')) { L->p++; t->type = T_ASET; }
                else t->type = T_AREF;
                break;
            }
            L->state = EXPR_ARG | EXPR_LABEL;
            t->type = T_LBRACK_INDEX;
            break;
        }
        if (IS_BEG(L) || (IS_ARG(L) && (space_seen || IS_STATE(L, EXPR_LABELED)))) t->type = T_LBRACK;
        else t->type = T_LBRACK_INDEX;
        L->state = EXPR_BEG | EXPR_LABEL;
        break;
    case '{':
        L->paren_nest++;
        if (IS_STATE(L, EXPR_LABELED)) t->type = T_LBRACE;
        else if (IS_STATE(L, EXPR_ARG_ANY | EXPR_END | EXPR_ENDFN)) t->type = T_LBRACE_BLOCK;
        else if (IS_STATE(L, EXPR_ENDARG)) t->type = T_LBRACE_ARG;
        else t->type = T_LBRACE;
        if (t->type != T_LBRACE) { L->command_start = true; L->state = EXPR_BEG; }
        else L->state = EXPR_BEG | EXPR_LABEL;
        break;
    case '\\':
        if (peek_is(L, '\n')) { L->p++; space_seen = true; goto retry; }
        if (peek_is(L, '\r') && peekn(L, 1) == '\n') { L->p += 2; space_seen = true; goto retry; }
        t->type = T_BACKSLASH;
        break;
    case '%':
        if (IS_BEG(L) || (IS_SPCARG(L, peekc(L), space_seen) && peekc(L) != '=') ||
            (IS_STATE(L, EXPR_FITEM) && peekc(L) == 's')) {
            lex_percent(L, t);
            break;
        }
        if (peek_is(L, '=')) { L->p++; set_op_asgn(L, t, "%"); break; }
        L->state = IS_AFTER_OPERATOR(L) ? EXPR_ARG : EXPR_BEG;
        t->type = T_MOD;
        break;
    case '$':
        lex_gvar(L, t, last_state);
        break;
    case '@':
        lex_ivar(L, t, last_state);
        break;
    case '_':
        if (t->pos == L->lbeg && line_is(L, "__END__")) {
            L->data_offset = (size_t)(L->lend - L->src);
            L->p = L->lend;
            L->nextl = L->end;
            t->type = T_EOF;
            break;
        }
        /* fall through */
    default:
        if (!is_ident_start(c)) {
            mg_lex_error_at(L, L->lineno, t->pos, (c >= 32 && c < 127) ? "Invalid char `%c' in expression"
                            : "Invalid char `\\x%02X' in expression", c);
        }
        lex_ident(L, t, cmd_state, last_state);
        break;
    }
    L->last_line = t->line;
}
