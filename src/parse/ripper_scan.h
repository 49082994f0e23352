/* ripper_scan.h -- Ripper.lex's scanner events from maglev's parser (ripper_scan.c). */
#ifndef MG_RIPPER_SCAN_H
#define MG_RIPPER_SCAN_H

#include <stddef.h>

typedef struct {
    int line, col;            /* of the token's first character */
    const char *event;        /* "on_ident", "on_sp", ... (static strings) */
    const char *pos;          /* the token's text in the source */
    size_t len;
    int state;                /* the lexer's EXPR_* state after it */
} RipperTok;

typedef struct { RipperTok *toks; size_t count, capacity; } RipperScan;

/* Scans src[0..len) (parsing it once); out->toks (malloc'ed, free it) point into
 * src, sorted by position, their texts together the source. Never raises. */
void mg_ripper_scan(const char *src, size_t len, const char *file, int line, RipperScan *out);

#endif
