/* fingerprint.c -- print the structural fingerprint of maglev's AST for a
 * file (see fingerprint.rb, which does the same for CRuby's). Build:
 *   gcc -std=c11 -Isrc -DPARSE_DUMP_STANDALONE -o fp test/parse/fingerprint.c \
 *       src/parse/[a-z]*.c src/util/arena.c src/object/symbol.c */
#include "common.h"
#include "parse/ast.h"
#include "object/symbol.h"
#include <stdarg.h>

void
mg_bug(const char *file, int line, const char *fmt, ...)
{
    UNUSED(file); UNUSED(line); UNUSED(fmt);
    abort();
}

typedef struct { char **items; size_t count, cap; } Out;

static char ebuf[1 << 21];
static void
emit(Out *o, const char *fmt, ...)
{
    char *buf = ebuf;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof ebuf, fmt, ap);
    va_end(ap);
    if (o->count == o->cap) { o->cap = o->cap ? o->cap * 2 : 256; o->items = realloc(o->items, o->cap * sizeof(char *)); }
    o->items[o->count++] = strdup(buf);
}

static const char *
nm(ID id)
{
    return id ? mg_id_name(id, NULL) : "";
}

static char *
hex(const char *s, size_t n)
{
    static char buf[1 << 20];
    size_t k = 0;
    for (size_t i = 0; i < n && k + 3 < sizeof buf; i++) k += (size_t)sprintf(buf + k, "%02x", (unsigned char)s[i]);
    buf[k] = 0;
    return buf;
}

static void walk(const Node *n, const char *parent, Out *o, bool in_dstr);

static void
kids(const Node *n, const char *parent, Out *o)
{
    if (n->a) walk(n->a, parent, o, false);
    for (int i = 0; i < n->count; i++) walk(n->list[i], parent, o, false);
    if (n->b) walk(n->b, parent, o, false);
    if (n->c) walk(n->c, parent, o, false);
    if (n->d) walk(n->d, parent, o, false);
}

static void
walk(const Node *n, const char *parent, Out *o, bool in_dstr)
{
    if (!n) return;
    switch (n->kind) {
    case NODE_CALL: {
        const char *name = nm(n->sym);
        if (strcmp(name, "=~") == 0 && ((n->a && (n->a->kind == NODE_REGEX || n->a->kind == NODE_DREGEX)) || (n->count == 1 && (n->list[0]->kind == NODE_REGEX || n->list[0]->kind == NODE_DREGEX)))) {
            kids(n, parent, o);
            return;
        }
        emit(o, "c:%s^%s", name, parent);
        kids(n, name, o);
        return;
    }
    case NODE_COLON2:
        if (n->flags & NF_CALL) {
            emit(o, "c:%s^%s", nm(n->sym), parent);
            walk(n->a, nm(n->sym), o, false);
            return;
        }
        break;
    case NODE_NOT:
        emit(o, "c:!^%s", parent);
        walk(n->a, "!", o, false);
        return;
    case NODE_OP_ASGN: {
        const char *op = nm(n->sym);
        const Node *t = n->a;
        if (t->kind == NODE_CALL) {
            if (t->a) walk(t->a, parent, o, false);
            for (int i = 0; i < t->count; i++) walk(t->list[i], parent, o, false);
            walk(n->b, parent, o, false);
            return;
        }
        if (t->kind == NODE_LVAR || t->kind == NODE_IVAR || t->kind == NODE_GVAR || t->kind == NODE_CVAR)
            emit(o, "a:%s^%s", nm(t->sym), parent);
        if (t->kind == NODE_CONST) emit(o, "a:%s^%s", nm(t->sym), parent);
        if (strcmp(op, "||") && strcmp(op, "&&")) {
            emit(o, "c:%s^%s", op, parent);
            walk(t, op, o, false);
            walk(n->b, op, o, false);
            return;
        }
        break;
    }
    case NODE_LVAR:
        emit(o, "v:%s^%s", nm(n->sym), parent);
        return;
    case NODE_LASGN: case NODE_IASGN: case NODE_GASGN: case NODE_CVASGN:
        emit(o, "a:%s^%s", nm(n->sym), parent);
        walk(n->a, parent, o, false);
        return;
    case NODE_CDECL:
        emit(o, "a:%s^%s", n->a->kind == NODE_CONST ? nm(n->a->sym) : "::", parent);
        if (n->a->kind == NODE_COLON2) walk(n->a->a, parent, o, false);
        walk(n->b, parent, o, false);
        return;
    case NODE_CONST:
        emit(o, "k:%s^%s", nm(n->sym), parent);
        return;
    case NODE_INT:
        emit(o, "l:%lld^%s", (long long)n->ival, parent);
        return;
    case NODE_BIGNUM:
        emit(o, "l:%s^%s", n->str, parent);
        return;
    case NODE_FLOAT:
        emit(o, "l:f^%s", parent);
        return;
    case NODE_SYM:
        emit(o, "l::%s^%s", nm(n->sym), parent);
        return;
    case NODE_REGEX:
        emit(o, "l:re^%s", parent);
        return;
    case NODE_STR:
        if (!in_dstr) emit(o, "s:%s^%s", hex(n->str, n->len), parent);
        return;
    case NODE_DSTR: case NODE_DSYM: case NODE_DXSTR: case NODE_DREGEX:
        for (int i = 0; i < n->count; i++) walk(n->list[i], parent, o, true);
        return;
    case NODE_DEF: case NODE_DEFS:
        emit(o, "d:%s^%s", nm(n->sym), parent);
        kids(n, "", o);
        return;
    case NODE_CLASS: case NODE_MODULE:
        if (n->a && n->a->kind == NODE_COLON2) walk(n->a->a, "", o, false);
        walk(n->b, "", o, false);
        walk(n->c, "", o, false);
        return;
    case NODE_SCLASS:
        kids(n, "", o);
        return;
    case NODE_FOR:
        walk(n->b, parent, o, false);
        walk(n->c, parent, o, false);
        return;
    case NODE_PAT_BIND:
        emit(o, "a:%s^%s", nm(n->sym), parent);
        walk(n->a, parent, o, false);
        return;
    case NODE_PAT_HASH:
        for (int i = 0; i < n->count; i++) {
            const Node *pr = n->list[i];
            if (!pr->b && pr->a->kind == NODE_SYM) emit(o, "a:%s^%s", nm(pr->a->sym), parent);
        }
        break;
    case NODE_PAT_REST:
        if (n->sym) emit(o, "a:%s^%s", nm(n->sym), parent);
        return;
    }
    kids(n, parent, o);
}

static int
cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int
main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) continue;
        fseek(f, 0, SEEK_END);
        long len = ftell(f);
        fseek(f, 0, SEEK_SET);
        char *src = malloc((size_t)len + 1);
        if (fread(src, 1, (size_t)len, f) != (size_t)len) len = 0;
        fclose(f);
        ParseResult r = mg_parse(src, (size_t)len, "", 1, NULL, 0);
        if (r.root) {
            Out o = {0};
            walk(r.root, "", &o, false);
            qsort(o.items, o.count, sizeof(char *), cmp);
            for (size_t k = 0; k < o.count; k++) { puts(o.items[k]); free(o.items[k]); }
            free(o.items);
        } else {
            fprintf(stderr, "%s\n", r.error);
        }
        mg_ast_free(&r);
        free(src);
    }
    return 0;
}
