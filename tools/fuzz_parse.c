/* fuzz_parse.c -- libFuzzer target for the parser: any input must give a tree
 * or an error message; never a crash, a hang or a leak.
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc -o fuzz_parse
 *       tools/fuzz_parse.c src/parse/[a-z]*.c src/util/arena.c src/object/symbol.c
 *   ./fuzz_parse -max_len=8192 -dict=test/parse/fuzz.dict corpus/
 * Seed the corpus with test/lang/ and some of Ruby's stdlib. */
#include "common.h"
#include "parse/ast.h"
#include <stdarg.h>

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

/* walk the tree: every node reachable, kinds valid, strings terminated */
static size_t
check(const Node *n, int depth)
{
    if (!n) return 0;
    if (n->kind >= NODE__COUNT || depth > 100000) abort();
    if (n->str && n->str[n->len] != '\0') abort();
    size_t k = 1 + check(n->a, depth + 1) + check(n->b, depth + 1) + check(n->c, depth + 1) + check(n->d, depth + 1);
    for (int i = 0; i < n->count; i++) k += check(n->list[i], depth + 1);
    return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* a private copy, so reading past the end is caught by ASan */
    char *src = malloc(size ? size : 1);
    if (size) memcpy(src, data, size);
    ParseResult r = mg_parse(src, size, "fuzz.rb", 1, NULL, 0);
    if (r.root) check(r.root, 0);
    else if (!r.error || strncmp(r.error, "fuzz.rb:", 8) != 0) abort();
    mg_ast_free(&r);
    free(src);
    return 0;
}
