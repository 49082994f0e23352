/* error_hints.c -- what CRuby 3.1's error_highlight and did_you_mean add to
 * the messages of NameError, NoMethodError and KeyError.
 *
 * NameError#to_s (and so #message and the uncaught-exception report) is the
 * message, then -- when the exception was raised in a source file that can be
 * read again -- a blank line, the source line of the first backtrace entry and
 * a `^^^^` line under the call of the missing method or constant (the parser
 * finds the first call of that name on the line: mg_parse_spot; failing that,
 * the C method of the first backtrace entry, as `send` or `[]`, or a `raise`),
 * then "\nDid you mean?  ..." with the suggestions of
 * lib/did_you_mean.rb (DidYouMean.formatted_suggestions, autoloaded on first
 * use). KeyError#to_s adds the suggestions only. Either part is left out when
 * it cannot be computed; an error inside them never escapes. */
#include "core.h"
#include "parse/ast.h"

static ID id_mesg_name, id_formatted_suggestions, id_const_get, id_DidYouMean;
static int hint_depth;        /* > 0 while computing hints: their own errors get none */

/* "path:12:in `x'" -> path (malloc'ed) and 12 */
static char *
split_location(Value loc, int *line)
{
    if (!MG_IS_STRING(loc)) return NULL;
    const char *s = mg_str_ptr(loc);
    size_t n = (size_t)mg_str_len(loc);
    /* the first ":<digits>:" or ":<digits>" at the end */
    for (size_t i = 0; i < n; i++) {
        if (s[i] != ':' || i == 0) continue;
        size_t j = i + 1;
        int v = 0;
        while (j < n && s[j] >= '0' && s[j] <= '9' && v < 100000000) v = v * 10 + (s[j++] - '0');
        if (j == i + 1 || (j < n && s[j] != ':')) continue;
        char *path = malloc(i + 1);
        if (!path) return NULL;
        memcpy(path, s, i);
        path[i] = '\0';
        *line = v;
        return path;
    }
    return NULL;
}

/* "path:12:in `name'" -> name, when it names a method (not `<main>', `block in x') */
static ID
label_of(Value loc)
{
    if (!MG_IS_STRING(loc)) return 0;
    const char *s = mg_str_ptr(loc), *end = s + mg_str_len(loc);
    const char *q = memmem(s, (size_t)(end - s), ":in `", 5);
    if (!q) return 0;
    q += 5;
    const char *r = memchr(q, '\'', (size_t)(end - q));
    if (!r || r == q || *q == '<' || memchr(q, ' ', (size_t)(r - q))) return 0;
    char buf[128];
    size_t n = (size_t)(r - q);
    if (n >= sizeof buf) return 0;
    memcpy(buf, q, n);
    buf[n] = '\0';
    return mg_intern_cstr(buf);
}

static char *
read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 8192, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t k = fread(buf + n, 1, cap - n, f);
        n += k;
        if (n < cap) break;
        if (cap > ((size_t)64 << 20)) { free(buf); buf = NULL; break; }
        char *nb = realloc(buf, cap * 2);
        if (!nb) { free(buf); buf = NULL; break; }
        buf = nb;
        cap *= 2;
    }
    fclose(f);
    *len = n;
    return buf;
}

/* "\n\n<source line>\n<indent>^^^" or nil */
static Value
highlight(Value exc)
{
    Value name = mg_ivar_lookup(exc, id_mesg_name);
    if (name == MG_UNDEF || !MG_IS_SYMBOL(name)) return MG_NIL;
    Value bt = mg_exc_backtrace(exc);
    if (bt == MG_NIL || mg_ary_len(bt) == 0) return MG_NIL;
    int line = 0;
    char *path = split_location(mg_ary_entry(bt, 0), &line);
    if (!path) return MG_NIL;
    size_t len = 0;
    char *src = line > 0 ? read_file(path, &len) : NULL;
    Value out = MG_NIL;
    if (src) {
        /* the line's text; lines with non-ASCII characters get no highlight (as CRuby 3.1) */
        const char *p = src, *end = src + len;
        for (int l = 1; l < line && p < end; p++)
            if (*p == '\n') l++;
        const char *e = p;
        bool ascii = true;
        while (e < end && *e != '\n') { if ((unsigned char)*e >= 0x80) ascii = false; e++; }
        int beg, fin;
        bool found = p < end && ascii && mg_parse_spot(src, len, path, line, MG_SYM2ID(name), &beg, &fin);
        /* not a call of that name: the C method the error came from (`send`, `[]`,
         * the first backtrace entry's label), or a `raise` on the line */
        ID other = label_of(mg_ary_entry(bt, 0));
        if (!found && p < end && ascii && other) found = mg_parse_spot(src, len, path, line, other, &beg, &fin);
        if (!found && p < end && ascii) found = mg_parse_spot(src, len, path, line, mg_intern_cstr("raise"), &beg, &fin);
        if (found && fin > beg && fin <= (int)(e - p)) {
            out = mg_str_new_cstr("\n\n");
            mg_str_cat(out, p, (size_t)(e - p));
            mg_str_cat_cstr(out, "\n");
            for (int i = 0; i < beg; i++) mg_str_cat_cstr(out, p[i] == '\t' ? "\t" : " ");
            for (int i = beg; i < fin; i++) mg_str_cat_cstr(out, "^");
        }
        free(src);
    }
    free(path);
    return out;
}

static Value
suggestions_body(Value arg)
{
    Value *a = (Value *)(uintptr_t)arg;
    Value dym = mg_funcall(MG_VAL(mg_cObject), id_const_get, 1, (Value[]){ MG_SYM(id_DidYouMean) });
    return mg_funcall(dym, id_formatted_suggestions, 2, a);
}

static bool
contains(Value s, Value part)
{
    size_t n = (size_t)mg_str_len(s), k = (size_t)mg_str_len(part);
    if (k == 0) return true;
    return k <= n && memmem(mg_str_ptr(s), n, mg_str_ptr(part), k) != NULL;
}

static Value
with_hints(Value self, bool name_error)
{
    Value m = mg_ivar_get(self, mg_id_mesg);
    m = m == MG_NIL ? mg_class_path(mg_obj_class(self)) : mg_to_s(m);
    if (hint_depth > 0 || !MG_IS_STRING(m)) return m;
    hint_depth++;
    Value base = m, out = mg_str_dup(m), exc;
    if (name_error) {
        Value hl = mg_protect((Value (*)(Value))highlight, self, &exc);
        if (exc == MG_NIL && MG_IS_STRING(hl) && !contains(out, hl)) mg_str_append(out, hl);
    }
    Value args[2] = { self, base };
    Value sug = mg_protect(suggestions_body, (Value)(uintptr_t)args, &exc);
    if (exc == MG_NIL && MG_IS_STRING(sug) && !contains(out, sug)) mg_str_append(out, sug);
    hint_depth--;
    return out;
}

static Value
name_err_to_s(Value self, int argc, const Value *argv, Value blk)
{
    return with_hints(self, true);
}

static Value
key_err_to_s(Value self, int argc, const Value *argv, Value blk)
{
    return with_hints(self, false);
}

void mg_init_error_hints(void);
void
mg_init_error_hints(void)
{
    id_mesg_name = mg_intern_cstr("name");
    id_formatted_suggestions = mg_intern_cstr("formatted_suggestions");
    id_const_get = mg_intern_cstr("const_get");
    id_DidYouMean = mg_intern_cstr("DidYouMean");
    mg_define_method(mg_eNameError, "to_s", name_err_to_s, 0, 0);
    mg_define_method(mg_eKeyError, "to_s", key_err_to_s, 0, 0);
}
