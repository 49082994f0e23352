/* compile_pat.c -- defined?(...) and pattern matching (case/in, =>, in). */
#include "compile.h"

enum { DEF_IVAR, DEF_GVAR, DEF_CVAR, DEF_CONST, DEF_CONSTFROM, DEF_FCALL, DEF_CALL, DEF_YIELD, DEF_SUPER, DEF_NTHREF, DEF_BACKREF };

static uint32_t
strlit(Comp *c, const char *s)
{
    return cc_lit(c, mg_str_freeze(mg_str_new_cstr(s)));
}

static void
put_str(Comp *c, const char *s)
{
    E1(c, OP_PUTOBJECT, 1, strlit(c, s));
}

/* pushes the defined? string or nil */
void
cc_defined(Comp *c, Node *n)
{
    if (!n) { put_str(c, "expression"); return; }
    switch (n->kind) {
    case NODE_NIL: put_str(c, "nil"); return;
    case NODE_TRUE: put_str(c, "true"); return;
    case NODE_FALSE: put_str(c, "false"); return;
    case NODE_SELF: put_str(c, "self"); return;
    case NODE_LVAR: put_str(c, "local-variable"); return;
    case NODE_LASGN: case NODE_IASGN: case NODE_GASGN: case NODE_CVASGN: case NODE_CDECL:
    case NODE_OP_ASGN: case NODE_MASGN:
        put_str(c, "assignment"); return;
    case NODE_IVAR:
        E0(c, OP_PUTNIL, 1); E3(c, OP_DEFINED, 0, DEF_IVAR, n->sym, strlit(c, "instance-variable")); return;
    case NODE_GVAR:
        E0(c, OP_PUTNIL, 1); E3(c, OP_DEFINED, 0, DEF_GVAR, n->sym, strlit(c, "global-variable")); return;
    case NODE_CVAR:
        E0(c, OP_PUTNIL, 1); E3(c, OP_DEFINED, 0, DEF_CVAR, n->sym, strlit(c, "class variable")); return;
    case NODE_CONST:
        E0(c, OP_PUTNIL, 1); E3(c, OP_DEFINED, 0, DEF_CONST, n->sym, strlit(c, "constant")); return;
    case NODE_NTH_REF:
        E0(c, OP_PUTNIL, 1); E3(c, OP_DEFINED, 0, DEF_NTHREF, (uint32_t)n->ival, strlit(c, "global-variable")); return;
    case NODE_BACK_REF:
        E0(c, OP_PUTNIL, 1); E3(c, OP_DEFINED, 0, DEF_BACKREF, (uint32_t)n->ival, strlit(c, "global-variable")); return;
    case NODE_YIELD:
        E0(c, OP_PUTNIL, 1); E3(c, OP_DEFINED, 0, DEF_YIELD, 0, strlit(c, "yield")); return;
    case NODE_SUPER: case NODE_ZSUPER:
        E0(c, OP_PUTNIL, 1); E3(c, OP_DEFINED, 0, DEF_SUPER, 0, strlit(c, "super")); return;
    case NODE_COLON3:
        E1(c, OP_PUTOBJECT, 1, cc_lit(c, MG_VAL(mg_cObject)));
        E3(c, OP_DEFINED, 0, DEF_CONSTFROM, n->sym, strlit(c, "constant")); return;
    case NODE_COLON2:
    case NODE_CALL: {
        Node *recv = n->a;
        bool is_const = n->kind == NODE_COLON2 && !(n->flags & NF_CALL);
        if (!recv) {
            if (is_const) { E1(c, OP_PUTOBJECT, 1, cc_lit(c, MG_VAL(mg_cObject))); E3(c, OP_DEFINED, 0, DEF_CONSTFROM, n->sym, strlit(c, "constant")); return; }
            E0(c, OP_PUTSELF, 1);
            E3(c, OP_DEFINED, 0, DEF_FCALL, n->sym, strlit(c, "method"));
            return;
        }
        /* receiver must be defined, then evaluated without raising */
        cc_defined(c, recv);
        uint32_t jnil = cc_jump(c, OP_BRANCHNIL);
        int d = c->depth;
        uint32_t start = cc_pc(c);
        c->level++;
        cc_expr(c, recv);
        c->level--;
        uint32_t end = cc_pc(c);
        if (is_const) E3(c, OP_DEFINED, 0, DEF_CONSTFROM, n->sym, strlit(c, "constant"));
        else E3(c, OP_DEFINED, 0, DEF_CALL, n->sym, strlit(c, "method"));
        uint32_t jdone = cc_jump(c, OP_JUMP);
        uint32_t handler = cc_pc(c);
        c->depth = d + 1;
        E0(c, OP_POP, -1);
        E0(c, OP_PUTNIL, 1);
        uint32_t jdone2 = cc_jump(c, OP_JUMP);
        c->depth = d;
        cc_here(c, jnil);
        E0(c, OP_PUTNIL, 1);
        cc_here(c, jdone); cc_here(c, jdone2);
        cc_catch(c, CATCH_RESCUE, start, end, handler, d, c->level + 1);
        return;
    }
    case NODE_NOT:
        put_str(c, "method"); return;
    default:
        put_str(c, "expression"); return;
    }
}

/* ------------------------------------------------------------------ */
/* patterns: the value is on top; success falls through with it still
 * there, failure jumps to one of `fail` with the same stack. */

typedef struct { uint32_t *j; int n, capa; } Fix;

static void
fix_add(Fix *f, uint32_t j)
{
    if (f->n >= f->capa) { f->capa = f->capa ? f->capa * 2 : 8; f->j = realloc(f->j, sizeof(uint32_t) * (size_t)f->capa); }
    f->j[f->n++] = j;
}

static void pat(Comp *c, Node *p, Fix *fail);

/* emit a cleanup stub for sub-failures that have `extra` more values on the stack */
static void
cleanup(Comp *c, Fix *sub, int extra, Fix *fail)
{
    if (sub->n == 0) { free(sub->j); return; }
    uint32_t jover = cc_jump(c, OP_JUMP);
    int d = c->depth;
    c->depth = d + extra;
    for (int i = 0; i < sub->n; i++) cc_here(c, sub->j[i]);
    if (extra) E1(c, OP_POPN, -extra, extra);
    fix_add(fail, cc_jump(c, OP_JUMP));
    c->depth = d;
    cc_here(c, jover);
    free(sub->j);
}

static void
check_const(Comp *c, Node *k, Fix *fail)
{
    if (!k) return;
    cc_expr(c, k);
    E1(c, OP_CHECKMATCH, 0, 3);
    fix_add(fail, cc_jump(c, OP_BRANCHUNLESS));
}

static void
bind(Comp *c, ID id)
{
    E0(c, OP_DUP, 1);
    cc_setvar(c, id);
}

static void
pat_array(Comp *c, Node *p, Fix *fail)
{
    check_const(c, p->a, fail);
    int pre = p->count;
    Node *rest = p->b;
    int post = p->c ? p->c->count : 0;
    E0(c, OP_DUP, 1);
    E2(c, OP_PATARRAY, 0, pre + post, rest ? 0xffffffffu : (uint32_t)(pre + post));
    E0(c, OP_DUP, 1);
    Fix sub = { 0 };
    fix_add(&sub, cc_jump(c, OP_BRANCHUNLESS));
    for (int i = 0; i < pre; i++) {
        E1(c, OP_ARYAT, 1, (uint32_t)i);
        Fix s2 = { 0 };
        pat(c, p->list[i], &s2);
        E0(c, OP_POP, -1);
        cleanup(c, &s2, 1, &sub);
    }
    if (rest && rest->sym) {
        E2(c, OP_ARYSLICE, 1, pre, post);
        cc_setvar(c, rest->sym);
    }
    for (int i = 0; i < post; i++) {
        E1(c, OP_ARYAT, 1, (uint32_t)(int32_t)(i - post));
        Fix s2 = { 0 };
        pat(c, p->c->list[i], &s2);
        E0(c, OP_POP, -1);
        cleanup(c, &s2, 1, &sub);
    }
    E0(c, OP_POP, -1);
    cleanup(c, &sub, 1, fail);
}

static void
pat_find(Comp *c, Node *p, Fix *fail)
{
    check_const(c, p->a, fail);
    int n = p->count;
    E0(c, OP_DUP, 1);
    E2(c, OP_PATARRAY, 0, n, 0xffffffffu);
    E0(c, OP_DUP, 1);
    Fix sub = { 0 };
    fix_add(&sub, cc_jump(c, OP_BRANCHUNLESS));
    int hi = cc_local_hidden(c);
    E1(c, OP_PUTOBJECT, 1, cc_lit(c, MG_FIX(0)));
    E1(c, OP_SETLOCAL, -1, hi);
    uint32_t loop = cc_pc(c);
    /* i + n <= arr.size */
    E1(c, OP_GETLOCAL, 1, hi);
    E1(c, OP_PUTOBJECT, 1, cc_lit(c, MG_FIX(n)));
    cc_send(c, mg_id_plus, 1, 0, -1);
    E1(c, OP_TOPN, 1, 1);
    cc_send(c, mg_id_size, 0, 0, -1);
    cc_send(c, mg_id_le, 1, 0, -1);
    fix_add(&sub, cc_jump(c, OP_BRANCHUNLESS));
    Fix next = { 0 };
    for (int j = 0; j < n; j++) {
        E0(c, OP_DUP, 1);
        E1(c, OP_GETLOCAL, 1, hi);
        E1(c, OP_PUTOBJECT, 1, cc_lit(c, MG_FIX(j)));
        cc_send(c, mg_id_plus, 1, 0, -1);
        cc_send(c, mg_id_aref, 1, 0, -1);
        Fix s2 = { 0 };
        pat(c, p->list[j], &s2);
        E0(c, OP_POP, -1);
        cleanup(c, &s2, 1, &next);
    }
    Node *r1 = p->b, *r2 = p->c;
    if (r1 && r1->sym) {
        E0(c, OP_DUP, 1);
        E1(c, OP_PUTOBJECT, 1, cc_lit(c, MG_FIX(0)));
        E1(c, OP_GETLOCAL, 1, hi);
        cc_send(c, mg_id_aref, 2, 0, -1);
        cc_setvar(c, r1->sym);
    }
    if (r2 && r2->sym) {
        E0(c, OP_DUP, 1);
        E1(c, OP_GETLOCAL, 1, hi);
        E1(c, OP_PUTOBJECT, 1, cc_lit(c, MG_FIX(n)));
        cc_send(c, mg_id_plus, 1, 0, -1);
        E1(c, OP_PUTOBJECT, 1, cc_lit(c, MG_FIX(1 << 30)));
        cc_send(c, mg_id_aref, 2, 0, -1);
        cc_setvar(c, r2->sym);
    }
    E0(c, OP_POP, -1);
    uint32_t jok = cc_jump(c, OP_JUMP);
    c->depth++;
    for (int i = 0; i < next.n; i++) cc_here(c, next.j[i]);
    free(next.j);
    E1(c, OP_GETLOCAL, 1, hi);
    E1(c, OP_PUTOBJECT, 1, cc_lit(c, MG_FIX(1)));
    cc_send(c, mg_id_plus, 1, 0, -1);
    E1(c, OP_SETLOCAL, -1, hi);
    E1(c, OP_JUMP, 0, loop);
    c->depth--;
    cc_here(c, jok);
    cleanup(c, &sub, 1, fail);
}

static void
pat_hash(Comp *c, Node *p, Fix *fail)
{
    check_const(c, p->a, fail);
    Node *rest = p->b;
    Value keys = MG_NIL;
    if (!(rest && rest->sym)) {
        keys = mg_ary_new();
        for (int i = 0; i < p->count; i++) {
            Node *k = p->list[i]->a;
            mg_ary_push(keys, k && k->kind == NODE_SYM ? MG_SYM(k->sym) : MG_NIL);
        }
        mg_obj_freeze(keys);
    }
    Value allkeys = mg_ary_new();
    for (int i = 0; i < p->count; i++) {
        Node *k = p->list[i]->a;
        mg_ary_push(allkeys, k && k->kind == NODE_SYM ? MG_SYM(k->sym) : MG_NIL);
    }
    E0(c, OP_DUP, 1);
    E1(c, OP_PATHASH, 0, cc_lit(c, keys));
    E0(c, OP_DUP, 1);
    Fix sub = { 0 };
    fix_add(&sub, cc_jump(c, OP_BRANCHUNLESS));
    for (int i = 0; i < p->count; i++) {
        Node *pair = p->list[i];
        Node *k = pair->a;
        ID key = (k && k->kind == NODE_SYM) ? k->sym : 0;
        uint32_t kl = cc_lit(c, MG_SYM(key));
        E2(c, OP_HASHKEY, 1, 0, kl);
        fix_add(&sub, cc_jump(c, OP_BRANCHUNLESS));
        E2(c, OP_HASHKEY, 1, 1, kl);
        if (pair->b) {
            Fix s2 = { 0 };
            pat(c, pair->b, &s2);
            E0(c, OP_POP, -1);
            cleanup(c, &s2, 1, &sub);
        } else {
            cc_setvar(c, key);
        }
    }
    if (rest && rest->sym) {
        E1(c, OP_HASHREST, 1, cc_lit(c, allkeys));
        cc_setvar(c, rest->sym);
    } else if ((p->flags & NF_NIL_REST) || (p->count == 0 && !rest)) {
        E1(c, OP_HASHREST, 1, cc_lit(c, allkeys));
        cc_send(c, mg_intern_cstr("empty?"), 0, 0, -1);
        uint32_t jok = cc_jump(c, OP_BRANCHIF);
        E1(c, OP_PATREASON, 0, 1);
        fix_add(&sub, cc_jump(c, OP_JUMP));
        cc_here(c, jok);
    }
    E0(c, OP_POP, -1);
    cleanup(c, &sub, 1, fail);
}

static void
pat(Comp *c, Node *p, Fix *fail)
{
    if (!p) return;
    switch (p->kind) {
    case NODE_PAT_VALUE: case NODE_PAT_PIN:
        cc_expr(c, p->a);
        E1(c, OP_CHECKMATCH, 0, 3);
        fix_add(fail, cc_jump(c, OP_BRANCHUNLESS));
        return;
    case NODE_PAT_BIND:
        if (p->a) pat(c, p->a, fail);
        if (p->sym) bind(c, p->sym);
        return;
    case NODE_PAT_ALT: {
        Fix f1 = { 0 };
        pat(c, p->a, &f1);
        uint32_t jok = cc_jump(c, OP_JUMP);
        for (int i = 0; i < f1.n; i++) cc_here(c, f1.j[i]);
        free(f1.j);
        pat(c, p->b, fail);
        cc_here(c, jok);
        return;
    }
    case NODE_PAT_ARRAY: pat_array(c, p, fail); return;
    case NODE_PAT_FIND: pat_find(c, p, fail); return;
    case NODE_PAT_HASH: pat_hash(c, p, fail); return;
    case NODE_LVAR: case NODE_LASGN:
        bind(c, p->sym);
        return;
    default:
        cc_expr(c, p);
        E1(c, OP_CHECKMATCH, 0, 3);
        fix_add(fail, cc_jump(c, OP_BRANCHUNLESS));
        return;
    }
}

void
cc_case_in(Comp *c, Node *n)
{
    cc_expr(c, n->a);
    int d = c->depth;
    uint32_t ends[512]; int ne = 0;
    for (int i = 0; i < n->count && ne < 512; i++) {
        Node *in = n->list[i];
        cc_line(c, in);
        Fix f = { 0 };
        pat(c, in->a, &f);
        if (in->c) {
            cc_expr(c, in->c);
            uint32_t jok = cc_jump(c, (in->flags & NF_UNLESS_GUARD) ? OP_BRANCHUNLESS : OP_BRANCHIF);
            E1(c, OP_PATREASON, 0, 0);
            fix_add(&f, cc_jump(c, OP_JUMP));
            cc_here(c, jok);
        }
        E0(c, OP_POP, -1);
        cc_expr(c, in->b);
        ends[ne++] = cc_jump(c, OP_JUMP);
        c->depth = d;
        for (int j = 0; j < f.n; j++) cc_here(c, f.j[j]);
        free(f.j);
    }
    if (n->b) {
        E0(c, OP_POP, -1);
        cc_expr(c, n->b);
    } else {
        E1(c, OP_NOMATCH, -1, n->count == 1 ? 1 : 0);
        E0(c, OP_PUTNIL, 1);
    }
    for (int i = 0; i < ne; i++) cc_here(c, ends[i]);
}

void
cc_pat_match(Comp *c, Node *n)
{
    bool boolean = (n->flags & NF_BOOL_MATCH) != 0;
    cc_expr(c, n->a);
    Fix f = { 0 };
    pat(c, n->b, &f);
    E0(c, OP_POP, -1);
    if (boolean) E0(c, OP_PUTTRUE, 1); else E0(c, OP_PUTNIL, 1);
    uint32_t jend = cc_jump(c, OP_JUMP);
    for (int j = 0; j < f.n; j++) cc_here(c, f.j[j]);
    free(f.j);
    if (boolean) { E0(c, OP_POP, -1); E0(c, OP_PUTFALSE, 1); }
    else { E1(c, OP_NOMATCH, -1, 1); E0(c, OP_PUTNIL, 1); }
    cc_here(c, jend);
}
