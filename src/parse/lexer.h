/* lexer.h -- Ruby's tokens and the state-driven lexer that produces them.
 * The lexer follows CRuby's model (parse.y): an EXPR_* state, set by each token
 * and sometimes by the parser, decides what ambiguous characters mean
 * (`-` binary or unary, `[` index or array, `{` block or hash, `/` divide or
 * regexp, `<<` shift or heredoc, `?` ternary or character literal, ...).
 * It is pulled one token at a time by the parser, which may change the state
 * between two tokens. String literals are lexed in pieces (content,
 * interpolation begin, end) while Lexer.strterm is set; the parser saves and
 * clears strterm around the code inside #{...}. Errors longjmp to *jb. */
#ifndef MG_LEXER_H
#define MG_LEXER_H

#include "../common.h"
#include <setjmp.h>

struct Arena;

/* X(NAME, description used in "unexpected ..." messages, as CRuby 3.1 words it) */
#define MG_TOKENS(X) \
    X(EOF, "end-of-input") X(NL, "'\\n'") X(SEMI, "';'") \
    X(IDENT, "local variable or method") X(CONST, "constant") X(FID, "method") \
    X(IVAR, "instance variable") X(CVAR, "class variable") X(GVAR, "global variable") \
    X(NTH_REF, "numbered reference") X(BACK_REF, "back reference") X(LABEL, "label") \
    X(NUMBER, "integer literal") X(CHAR, "char literal") X(SYMBOL, "symbol literal") \
    X(SYMBEG, "symbol literal") X(STRING_BEG, "string literal") X(XSTRING_BEG, "backtick literal") \
    X(REGEXP_BEG, "regexp literal") X(WORDS_BEG, "word list") X(QWORDS_BEG, "verbatim word list") \
    X(SYMBOLS_BEG, "symbol list") X(QSYMBOLS_BEG, "verbatim symbol list") \
    X(STRING_CONTENT, "literal content") X(STRING_DBEG, "tSTRING_DBEG") X(STRING_DVAR, "tSTRING_DVAR") \
    X(STRING_END, "terminator") X(REGEXP_END, "tREGEXP_END") X(LABEL_END, "tLABEL_END") \
    X(WORDS_SEP, "' '") \
    X(PLUS, "'+'") X(MINUS, "'-'") X(MUL, "'*'") X(DIV, "'/'") X(MOD, "'%'") X(POW, "**") \
    X(UPLUS, "unary+") X(UMINUS, "unary-") X(UMINUS_NUM, "tUMINUS_NUM") X(STAR, "*") X(DSTAR, "**arg") \
    X(AMPER, "&") X(BAND, "'&'") X(BOR, "'|'") X(XOR, "'^'") X(TILDE, "'~'") X(BANG, "'!'") \
    X(LT, "'<'") X(GT, "'>'") X(LEQ, "<=") X(GEQ, ">=") X(CMP, "<=>") X(EQ, "==") X(EQQ, "===") \
    X(NEQ, "!=") X(MATCH, "=~") X(NMATCH, "!~") X(LSHFT, "<<") X(RSHFT, ">>") \
    X(ANDOP, "&&") X(OROP, "||") X(ASSIGN, "'='") X(OP_ASGN, "operator-assignment") X(ASSOC, "=>") \
    X(DOT2, "..") X(DOT3, "...") X(BDOT2, "(..") X(BDOT3, "(...") X(DOT, "'.'") X(ANDDOT, "&.") \
    X(COLON2, "::") X(COLON3, ":: at EXPR_BEG") X(COLON, "':'") X(QMARK, "'?'") \
    X(LPAREN, "(") X(LPAREN_CALL, "'('") X(LPAREN_ARG, "( arg") X(RPAREN, "')'") \
    X(LBRACK, "[") X(LBRACK_INDEX, "'['") X(RBRACK, "']'") \
    X(LBRACE, "{") X(LBRACE_BLOCK, "'{'") X(LBRACE_ARG, "{ arg") X(RBRACE, "'}'") \
    X(AREF, "[]") X(ASET, "[]=") X(COMMA, "','") X(LAMBDA, "->") X(BACKTICK, "'`'") \
    X(BACKSLASH, "backslash") \
    X(KW_ALIAS, "`alias'") X(KW_AND, "`and'") X(KW_BEGIN, "`begin'") X(KW_BEGIN_UP, "`BEGIN'") \
    X(KW_BREAK, "`break'") X(KW_CASE, "`case'") X(KW_CLASS, "`class'") X(KW_DEF, "`def'") \
    X(KW_DEFINED, "`defined?'") X(KW_DO, "`do'") X(KW_ELSE, "`else'") X(KW_ELSIF, "`elsif'") \
    X(KW_END, "`end'") X(KW_END_UP, "`END'") X(KW_ENSURE, "`ensure'") X(KW_FALSE, "`false'") \
    X(KW_FOR, "`for'") X(KW_IF, "`if'") X(KW_IF_MOD, "`if' modifier") X(KW_IN, "`in'") \
    X(KW_MODULE, "`module'") X(KW_NEXT, "`next'") X(KW_NIL, "`nil'") X(KW_NOT, "`not'") \
    X(KW_OR, "`or'") X(KW_REDO, "`redo'") X(KW_RESCUE, "`rescue'") X(KW_RESCUE_MOD, "`rescue' modifier") \
    X(KW_RETRY, "`retry'") X(KW_RETURN, "`return'") X(KW_SELF, "`self'") X(KW_SUPER, "`super'") \
    X(KW_THEN, "`then'") X(KW_TRUE, "`true'") X(KW_UNDEF, "`undef'") X(KW_UNLESS, "`unless'") \
    X(KW_UNLESS_MOD, "`unless' modifier") X(KW_UNTIL, "`until'") X(KW_UNTIL_MOD, "`until' modifier") \
    X(KW_WHEN, "`when'") X(KW_WHILE, "`while'") X(KW_WHILE_MOD, "`while' modifier") \
    X(KW_YIELD, "`yield'") X(KW__FILE__, "`__FILE__'") X(KW__LINE__, "`__LINE__'") \
    X(KW__ENCODING__, "`__ENCODING__'")

typedef enum {
#define X(name, desc) T_##name,
    MG_TOKENS(X)
#undef X
    T__COUNT
} TokenType;

/* Lexer states, as CRuby's EXPR_* (what the previous token allows next). */
typedef enum {
    EXPR_BEG     = 1 << 0,   /* start of an expression: `-1` is a literal, `[` an array */
    EXPR_END     = 1 << 1,   /* after a complete operand: operators are binary */
    EXPR_ENDARG  = 1 << 2,   /* after `foo (x)`: a `{` is the command's block */
    EXPR_ENDFN   = 1 << 3,   /* after a def name or `->` */
    EXPR_ARG     = 1 << 4,   /* after a method name: a spaced `-1` / `[` / `*` starts an argument */
    EXPR_CMDARG  = 1 << 5,   /* as ARG, for a method name that starts a statement */
    EXPR_MID     = 1 << 6,   /* after return/break/next/rescue */
    EXPR_FNAME   = 1 << 7,   /* a method name is expected (def, alias, :sym) */
    EXPR_DOT     = 1 << 8,   /* after `.`: keywords are method names */
    EXPR_CLASS   = 1 << 9,   /* after `class`: `<<` is not a heredoc */
    EXPR_LABEL   = 1 << 10,  /* a label `x:` may come */
    EXPR_LABELED = 1 << 11,  /* just after a label */
    EXPR_FITEM   = 1 << 12,  /* alias/undef item: `%s` is a symbol */
    EXPR_VALUE   = EXPR_BEG,
    EXPR_BEG_ANY = EXPR_BEG | EXPR_MID | EXPR_CLASS,
    EXPR_ARG_ANY = EXPR_ARG | EXPR_CMDARG,
    EXPR_END_ANY = EXPR_END | EXPR_ENDARG | EXPR_ENDFN,
} ExprState;

/* Token.num for T_NUMBER */
enum { NUM_INT, NUM_BIG, NUM_FLOAT };
/* Token.suffix bits for T_NUMBER */
enum { NUM_SUFFIX_R = 1, NUM_SUFFIX_I = 2 };

/* String literal flavours (StrTerm.func, and Token.flags of *_BEG tokens) */
enum {
    STR_FUNC_ESCAPE  = 1 << 0,   /* regexp: keep escapes for the regexp engine */
    STR_FUNC_EXPAND  = 1 << 1,   /* "..." escapes and #{} */
    STR_FUNC_REGEXP  = 1 << 2,
    STR_FUNC_QWORDS  = 1 << 3,   /* %w %W %i %I: whitespace separates words */
    STR_FUNC_SYMBOL  = 1 << 4,
    STR_FUNC_INDENT  = 1 << 5,   /* heredoc <<- or <<~: terminator may be indented */
    STR_FUNC_LABEL   = 1 << 6,   /* "x": may end as a label */
    STR_FUNC_HEREDOC = 1 << 7,
    STR_FUNC_SQUIGGLY= 1 << 8,   /* <<~ */
    STR_FUNC_XSTR    = 1 << 9,   /* backticks */
};

typedef struct Token {
    int type;                 /* TokenType */
    int line, col;            /* position of the first character */
    const char *pos;          /* that character in the source */
    const char *end;          /* just after the token's last character */
    bool space_before;
    ID id;                    /* names; operator of T_OP_ASGN ("+", "||", ...) */
    char *str;                /* T_STRING_CONTENT / T_CHAR bytes, T_NUMBER digits (arena) */
    size_t len;
    int64_t ival;             /* T_NUMBER NUM_INT; T_NTH_REF; T_BACK_REF char */
    double fval;              /* T_NUMBER NUM_FLOAT */
    int num, suffix;          /* T_NUMBER */
    int flags;                /* *_BEG: STR_FUNC_*; T_REGEXP_END: NF_RE_* options */
    int indent;               /* squiggly heredoc: T_STRING_CONTENT that starts a line: 1, else 0;
                                 T_STRING_END: the common indentation to remove */
} Token;

typedef struct StrTerm StrTerm;

/* Token.flags of T_STRING_CONTENT and T_CHAR: what escapes made the bytes
 * (a literal's encoding in a binary or us-ascii source depends on them) */
enum { TOK_ESC_U = 1 << 0, TOK_ESC_HIGH = 1 << 1 };   /* a \u escape; an escape making a byte >= 0x80 */

typedef struct Lexer {
    const char *src, *end;
    const char *p;            /* next character */
    const char *lbeg, *lend;  /* current line: [lbeg, lend), lend just after its '\n' */
    const char *nextl;        /* where the next line starts (past pending heredoc bodies) */
    int lineno, next_lineno;
    int esc;                  /* TOK_ESC_* of the string bytes in buf */
    int state;                /* ExprState */
    bool command_start;       /* the next token starts a statement */
    bool in_kwarg;            /* a newline after a label ends the construct (def params, `in` patterns) */
    int paren_nest;
    StrTerm *strterm;         /* non-NULL while inside a string literal */
    struct Arena *arena;
    const char *file;
    size_t data_offset;       /* after __END__\n, or (size_t)-1 */
    bool (*is_local)(void *ud, ID id);  /* parser callback: is `id` a local variable here? */
    void *ud;
    jmp_buf *jb;              /* where errors jump */
    char *error;              /* malloc'ed message of the first error */
    char *buf;                /* scratch for the token being built (malloc'ed) */
    size_t blen, bcap;
    int last_line;            /* line of the last token returned (for errors at EOF) */
    bool last_float;          /* the last token was a float literal (`1.2.3`) */
    int warn_count;
} Lexer;

/* Set up L over src[0..len). Lexer errors longjmp to *jb after filling L->error. */
void mg_lex_init(Lexer *L, const char *src, size_t len, const char *file, int line,
                 struct Arena *arena, jmp_buf *jb);
/* Release the scratch buffer (not the error message). */
void mg_lex_finish(Lexer *L);
/* The next token. May longjmp on a lexical error. */
void mg_lex_next(Lexer *L, Token *t);
/* When set (ext/ripper.c, around one mg_parse), sees every token the lexer makes,
 * with the lexer's state before and just after it, in the order they are made. */
extern void (*mg_lex_token_hook)(void *ud, const Token *t, int state_before, int state_after);
extern void *mg_lex_token_hook_ud;
/* Record "FILE:LINE: message" plus the source line and a caret under `pos`,
 * then longjmp. `pos` points into the source (or at its end). */
NORETURN void mg_lex_error_at(Lexer *L, int line, const char *pos, const char *fmt, ...) PRINTF(4, 5);
/* The same for the span [beg, end) (a `^~~` caret line); without the source
 * lines when !show_line (errors CRuby reports without a location). */
NORETURN void mg_lex_error_span(Lexer *L, int line, const char *beg, const char *end, bool show_line,
                                const char *fmt, ...) PRINTF(6, 7);
/* Description of a token for "unexpected ..." messages. */
const char *mg_token_desc(const Token *t);

#endif
