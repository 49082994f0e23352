/* ast.c -- node names (from ast.def) and the debug dump of a tree. */
#include "ast.h"
#include "../object/symbol.h"
#include <inttypes.h>

static const char *const node_names[] = {
#define NODE(name, doc) #name,
#include "ast.def"
#undef NODE
};

const char *
mg_node_name(int kind)
{
    if (kind < 0 || kind >= NODE__COUNT) return "?";
    return node_names[kind];
}

static const struct { uint32_t bit; const char *name; } flag_names[] = {
    {NF_EXCLUSIVE, "EXCLUSIVE"}, {NF_BRACELESS, "BRACELESS"}, {NF_SAFE_NAV, "SAFE_NAV"},
    {NF_VCALL, "VCALL"}, {NF_FCALL, "FCALL"}, {NF_ATTRASGN, "ATTRASGN"}, {NF_PAREN, "PAREN"},
    {NF_DO_BLOCK, "DO_BLOCK"}, {NF_DO_WHILE, "DO_WHILE"}, {NF_ENDLESS, "ENDLESS"},
    {NF_EXCESS_COMMA, "EXCESS_COMMA"}, {NF_UNLESS_GUARD, "UNLESS_GUARD"}, {NF_NIL_REST, "NIL_REST"},
    {NF_BOOL_MATCH, "BOOL_MATCH"}, {NF_CALL, "CALL"}, {NF_STATEMENT, "STATEMENT"},
};

static void
dump_bytes(FILE *out, const char *s, size_t n)
{
    fputc('"', out);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '\n': fputs("\\n", out); break;
        case '\t': fputs("\\t", out); break;
        case '\r': fputs("\\r", out); break;
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        default:
            if (c < 32 || c == 127) fprintf(out, "\\x%02X", c);
            else fputc(c, out);
        }
    }
    fputc('"', out);
}

static void
dump_node(FILE *out, const Node *n, int indent, const char *label)
{
    for (int i = 0; i < indent; i++) fputs("  ", out);
    if (label) fprintf(out, "%s: ", label);
    if (!n) { fputs("(null)\n", out); return; }
    fputs(mg_node_name(n->kind), out);
    if (n->sym) {
        size_t len;
        const char *s = mg_id_name(n->sym, &len);
        fputc(' ', out);
        fputc(':', out);
        fwrite(s, 1, len, out);
    }
    switch (n->kind) {
    case NODE_INT: case NODE_NTH_REF: case NODE_BLOCK: case NODE_LAMBDA:
        if (n->kind == NODE_INT || n->ival) fprintf(out, " %" PRId64, n->ival);
        break;
    case NODE_BACK_REF:
        fprintf(out, " '%c'", (int)n->ival);
        break;
    case NODE_FLOAT:
        fprintf(out, " %.17g", n->fval);
        break;
    }
    if (n->str && n->kind != NODE_FLOAT) {
        fputc(' ', out);
        dump_bytes(out, n->str, n->len);
    }
    if (n->flags) {
        if (n->kind == NODE_REGEX || n->kind == NODE_DREGEX) {
            fprintf(out, " opts=0x%x", (unsigned)n->flags);
        } else {
            fputs(" (", out);
            bool first = true;
            for (size_t i = 0; i < sizeof flag_names / sizeof flag_names[0]; i++) {
                if (n->flags & flag_names[i].bit) {
                    fprintf(out, "%s%s", first ? "" : " ", flag_names[i].name);
                    first = false;
                }
            }
            fputc(')', out);
        }
    }
    fprintf(out, " @%d:%d\n", n->line, n->col);
    if (n->a) dump_node(out, n->a, indent + 1, "a");
    if (n->b) dump_node(out, n->b, indent + 1, "b");
    if (n->c) dump_node(out, n->c, indent + 1, "c");
    if (n->d) dump_node(out, n->d, indent + 1, "d");
    for (int i = 0; i < n->count; i++) {
        char lab[24];
        snprintf(lab, sizeof lab, "[%d]", i);
        dump_node(out, n->list[i], indent + 1, lab);
    }
}

void
mg_ast_dump(FILE *out, const Node *n, int indent)
{
    dump_node(out, n, indent, NULL);
}
