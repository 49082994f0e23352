/* ast.h -- the syntax tree the parser builds and the compiler reads.
 * Node kinds and the meaning of their fields are listed once, in ast.def.
 * Nodes live in the parser's arena and die with it (mg_ast_free). */
#ifndef MG_AST_H
#define MG_AST_H

#include "../common.h"

typedef enum {
#define NODE(name, doc) NODE_##name,
#include "ast.def"
#undef NODE
    NODE__COUNT
} NodeKind;

enum {
    NF_EXCLUSIVE    = 1 << 0,   /* RANGE, FLIP3 */
    NF_BRACELESS    = 1 << 1,   /* HASH: keyword arguments written without braces */
    NF_SAFE_NAV     = 1 << 2,   /* CALL: &. */
    NF_VCALL        = 1 << 3,   /* CALL: bare identifier */
    NF_FCALL        = 1 << 4,   /* CALL: no explicit receiver */
    NF_ATTRASGN     = 1 << 5,   /* CALL: x.y = v, x[i] = v */
    NF_PAREN        = 1 << 6,   /* CALL: f(...) */
    NF_DO_BLOCK     = 1 << 7,   /* BLOCK: do ... end */
    NF_DO_WHILE     = 1 << 8,   /* WHILE/UNTIL: begin ... end while c */
    NF_ENDLESS      = 1 << 9,   /* DEF: def f = expr */
    NF_EXCESS_COMMA = 1 << 10,  /* PARAMS: |a,| */
    NF_UNLESS_GUARD = 1 << 11,  /* IN: guard is `unless` */
    NF_NIL_REST     = 1 << 12,  /* PAT_HASH: **nil */
    NF_BOOL_MATCH   = 1 << 13,  /* PAT_MATCH: `v in pat` */
    NF_CALL         = 1 << 14,  /* COLON2: A::b is a method call */
    NF_STATEMENT    = 1 << 15,  /* value unused (hint only) */
    NF_ELSIF        = 1 << 16,  /* IF: an `elsif` clause (a statement of its own for line coverage) */
    NF_STR_ESC_U    = 1 << 20,  /* STR: its bytes hold a \u escape (lexer.h TOK_ESC_U) */
    NF_STR_ESC_HIGH = 1 << 21,  /* STR: an escape made a byte >= 0x80 (TOK_ESC_HIGH) */
};

/* Regexp options, in REGEX/DREGEX flags (same bits as Regexp::IGNORECASE etc.) */
enum {
    NF_RE_IGNORECASE = 1,
    NF_RE_EXTENDED   = 2,
    NF_RE_MULTILINE  = 4,
    NF_RE_ONCE       = 1 << 16,  /* /o */
    NF_RE_NOENC      = 1 << 17,  /* /n */
    NF_RE_UTF8       = 1 << 18,  /* /u */
};

typedef struct Node Node;
struct Node {
    uint16_t kind;
    uint32_t flags;
    int line;                 /* 1-based source line of the node's first token */
    int col;                  /* 0-based column */
    Node *a, *b, *c, *d;
    Node **list;
    int count;
    ID sym;
    int64_t ival;
    double fval;
    char *str;                /* NUL-terminated as well as counted */
    size_t len;
    size_t off;               /* BLOCK, LAMBDA: byte offset of the literal's source span, whose length is len */
};

typedef struct Parser Parser;

typedef struct {
    Node *root;               /* a SEQ node; NULL when there are errors */
    int error_count;
    char *error;              /* first error, CRuby's format: "file:line: message\n<source line>\n<caret>" */
    size_t data_offset;       /* byte offset just after __END__\n, or (size_t)-1 */
    struct Arena *arena;      /* owns every node */
} ParseResult;

/* Parse src[0..len) named `file`, starting at line `line`.
 * `locals`/`nlocals` are the local variables already visible (string eval, irb);
 * may be NULL/0. Never crashes or longjmps; on syntax error root is NULL and
 * error holds the message. Does not allocate on the GC heap. */
ParseResult mg_parse(const char *src, size_t len, const char *file, int line,
                     const ID *locals, int nlocals);
void mg_ast_free(ParseResult *r);

/* maglev-ruby -n/-p/-l/-a: the next mg_parse wraps the program's statements
 * (BEGIN blocks stay in front) in `while gets ... end`, after $_.chomp!
 * (CHOMP) and $F = $_.split (SPLIT), and with print $_ at the end of each
 * round (PRINT); the caller sets it for the main script and clears it. */
enum { MG_LOOP_GETS = 1, MG_LOOP_PRINT = 2, MG_LOOP_CHOMP = 4, MG_LOOP_SPLIT = 8 };
extern int mg_parse_loop;

/* error_highlight: parse src and find the first call of method (or constant)
 * `name` on `line` -- `.name`, `&.name`, `::Name`, a bare `name`, an operator,
 * `[...]` for [] -- giving its columns [*beg, *end) on that line. */
bool mg_parse_spot(const char *src, size_t len, const char *file, int line, ID name, int *beg, int *end);

/* Debug dump of a tree (one node per line, indented); used by maglev-ruby --dump-ast. */
void mg_ast_dump(FILE *out, const Node *n, int indent);
const char *mg_node_name(int kind);

#endif
