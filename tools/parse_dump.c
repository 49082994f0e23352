/* parse_dump.c -- standalone parser driver: parse a file (or -e CODE) and
 * print the AST (mg_ast_dump) or the syntax error; exit 1 on error.
 *   gcc -std=c11 -Wall -Wextra -g -Isrc -DPARSE_DUMP_STANDALONE -o parse_dump
 *       tools/parse_dump.c src/parse/[a-z]*.c src/util/arena.c src/object/symbol.c
 * Options: -q (no dump: just check), -l a,b (locals already defined, as for
 * eval), -e CODE, files... */
#include "common.h"
#include "parse/ast.h"
#include "object/symbol.h"
#include <stdarg.h>

static ID locals[64];
static int nlocals;

#ifdef PARSE_DUMP_STANDALONE
void
mg_bug(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "maglev bug at %s:%d: ", file, line);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    abort();
}
#endif

static char *
read_file(const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (n == cap) buf = realloc(buf, cap *= 2);
        size_t k = fread(buf + n, 1, cap - n, f);
        if (k == 0) break;
        n += k;
    }
    if (f != stdin) fclose(f);
    *len = n;
    return buf;
}

static int
run(const char *src, size_t len, const char *name, bool quiet)
{
    ParseResult r = mg_parse(src, len, name, 1, locals, nlocals);
    int status = 0;
    if (!r.root) {
        fprintf(stderr, "%s\n", r.error ? r.error : "syntax error");
        status = 1;
    } else if (!quiet) {
        mg_ast_dump(stdout, r.root, 0);
        if (r.data_offset != (size_t)-1) printf("__END__ data at offset %zu\n", r.data_offset);
    }
    mg_ast_free(&r);
    return status;
}

int
main(int argc, char **argv)
{
    bool quiet = false;
    int status = 0, files = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-q") == 0) { quiet = true; continue; }
        if (strcmp(argv[i], "-l") == 0 && i + 1 < argc) {
            for (const char *p = argv[++i]; *p && nlocals < 64; ) {
                const char *q = strchr(p, ',');
                size_t n = q ? (size_t)(q - p) : strlen(p);
                if (n) locals[nlocals++] = mg_intern(p, n);
                p += n + (q != NULL);
            }
            continue;
        }
        if (strcmp(argv[i], "-e") == 0 && i + 1 < argc) {
            const char *code = argv[++i];
            status |= run(code, strlen(code), "-e", quiet);
            files++;
            continue;
        }
        size_t len;
        char *src = read_file(argv[i], &len);
        if (!src) { fprintf(stderr, "parse_dump: cannot read %s\n", argv[i]); status = 1; continue; }
        status |= run(src, len, argv[i], quiet);
        free(src);
        files++;
    }
    if (files == 0) {
        size_t len;
        char *src = read_file("-", &len);
        status = run(src, len, "-", quiet);
        free(src);
    }
    return status;
}
