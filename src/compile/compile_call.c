/* compile_call.c -- calls, argument lists, yield/super, and every form of
 * assignment (op-assign, multiple assignment, assignment targets). */
#include "compile.h"

enum { DEF_IVAR, DEF_GVAR, DEF_CVAR, DEF_CONST, DEF_CONSTFROM, DEF_FCALL, DEF_CALL, DEF_YIELD, DEF_SUPER, DEF_NTHREF, DEF_BACKREF };

static int
opt_for(ID mid, int argc)
{
    size_t len;
    const char *s = mg_id_name(mid, &len);
    if (argc == 1) {
        if (len == 1) switch (s[0]) {
            case '+': return OP_OPT_PLUS;
            case '-': return OP_OPT_MINUS;
            case '*': return OP_OPT_MULT;
            case '/': return OP_OPT_DIV;
            case '%': return OP_OPT_MOD;
            case '<': return OP_OPT_LT;
            case '>': return OP_OPT_GT;
            case '&': return OP_OPT_AND;
            case '|': return OP_OPT_OR;
            case '^': return OP_OPT_XOR;
        }
        if (len == 2) {
            if (!strcmp(s, "<=")) return OP_OPT_LE;
            if (!strcmp(s, ">=")) return OP_OPT_GE;
            if (!strcmp(s, "==")) return OP_OPT_EQ;
            if (!strcmp(s, "!=")) return OP_OPT_NEQ;
            if (!strcmp(s, "<<")) return OP_OPT_LTLT;
            if (!strcmp(s, ">>")) return OP_OPT_RSHIFT;
            if (!strcmp(s, "[]")) return OP_OPT_AREF;
        }
    }
    if (argc == 2 && !strcmp(s, "[]=")) return OP_OPT_ASET;
    if (argc == 0 && !strcmp(s, "!")) return OP_OPT_NOT;
    return -1;
}

void
cc_send(Comp *c, ID mid, int argc, uint32_t flags, int32_t block)
{
    int blockarg = (flags & CI_BLOCKARG) ? 1 : 0;
    uint32_t ci = cc_ci(c, mid, argc, flags, block);
    int op = -1;
    if (block < 0 && !(flags & (CI_SPLAT | CI_KW | CI_KWLIT | CI_BLOCKARG | CI_SAFE | CI_FCALL))) op = opt_for(mid, argc);
    if (op >= 0) { E1(c, op, -(argc + 1) + 1, ci); return; }
    uint32_t at = E1(c, OP_SEND, -(argc + 1 + blockarg) + 1, ci);
    if (block >= 0) {
        /* break from the block lands after this call */
        int depth = c->depth - 1;
        cc_catch(c, CATCH_BREAK, at, at + 2, at + 2, depth, c->level + 1);
    }
}

static Node *
find_blockpass(Node **list, int *count)
{
    if (*count > 0 && list[*count - 1]->kind == NODE_BLOCK_PASS) { (*count)--; return list[*count]; }
    return NULL;
}

static bool
is_kwhash(Node *n)
{
    return n && n->kind == NODE_HASH && (n->flags & NF_BRACELESS);
}

static bool
only_dsplat(Node *h)
{
    for (int i = 0; i < h->count; i++) if (h->list[i]->kind != NODE_DSPLAT) return false;
    return h->count > 0;
}

void cc_hash_lit(Comp *c, Node *n);

/* Keywords a send can pass without a Hash (CI_KWLIT): symbol keys written
 * out, none twice, no **, at most 16 (call.c binds them by name). */
static bool
kwlit_ok(Node *h)
{
    if (h->count == 0 || h->count > 16) return false;
    for (int i = 0; i < h->count; i++) {
        Node *e = h->list[i];
        if (e->kind == NODE_DSPLAT || !e->a || e->a->kind != NODE_SYM) return false;
        for (int j = 0; j < i; j++) if (h->list[j]->a->sym == e->a->sym) return false;
    }
    return true;
}

/* Pushes the keywords' values in order; *names gets their names (malloc'ed). */
static int
cc_kwlit(Comp *c, Node *h, ID **names)
{
    *names = malloc((size_t)(unsigned)h->count * sizeof **names);
    if (!*names) mg_raise_nomem();
    for (int i = 0; i < h->count; i++) {
        Node *e = h->list[i];
        (*names)[i] = e->a->sym;
        if (e->b) cc_expr(c, e->b);
        else {
            int depth;                               /* value omission: x: means x */
            if (cc_local_find(c, e->a->sym, &depth) >= 0) cc_getvar(c, e->a->sym);
            else { E0(c, OP_PUTSELF, 1); cc_send(c, e->a->sym, 0, CI_FCALL | CI_VCALL, -1); }
        }
    }
    return h->count;
}

static int args_common(Comp *c, Node **list, int count, uint32_t *flags, bool *blockarg, ID **kwnames, int *nkw);

/* Pushes the arguments; returns argc as the call site counts it. */
int
cc_args(Comp *c, Node **list, int count, uint32_t *flags, bool *blockarg)
{
    return args_common(c, list, count, flags, blockarg, NULL, NULL);
}

/* The same for a plain send, whose keywords may go without a Hash: then
 * *kwnames and *nkw say them (CI_KWLIT; argc counts their values). */
static int
cc_send_args(Comp *c, Node **list, int count, uint32_t *flags, bool *blockarg, ID **kwnames, int *nkw)
{
    return args_common(c, list, count, flags, blockarg, kwnames, nkw);
}

static int
args_common(Comp *c, Node **list, int count, uint32_t *flags, bool *blockarg, ID **kwnames, int *nkw)
{
    Node *bp = find_blockpass(list, &count);
    bool fwd = count > 0 && list[count - 1]->kind == NODE_FORWARD_ARGS;
    if (fwd) count--;
    Node *kw = (count > 0 && is_kwhash(list[count - 1])) ? list[--count] : NULL;
    bool splat = fwd;
    for (int i = 0; i < count; i++) if (list[i]->kind == NODE_SPLAT) splat = true;
    int argc = 0;
    if (!splat) {
        for (int i = 0; i < count; i++) cc_expr(c, list[i]);
        argc = count;
    } else {
        int lead = 0;
        while (lead < count && list[lead]->kind != NODE_SPLAT) cc_expr(c, list[lead++]);
        E1(c, OP_NEWARRAY, -lead + 1, lead);
        for (int i = lead; i < count; i++) {
            Node *e = list[i];
            if (e->kind == NODE_SPLAT) {
                if (e->a) cc_expr(c, e->a); else cc_getvar(c, mg_intern_cstr("*"));
                E0(c, OP_CONCATARRAY, -1);
            } else { cc_expr(c, e); E0(c, OP_ARYPUSH, -1); }
        }
        if (fwd) { cc_getvar(c, mg_intern_cstr("*")); E0(c, OP_CONCATARRAY, -1); }
        argc = 1;
        *flags |= CI_SPLAT;
    }
    if (kw && kwnames && !splat && kwlit_ok(kw)) {
        *nkw = cc_kwlit(c, kw, kwnames);
        argc += *nkw;
        *flags |= CI_KWLIT;
    } else if (kw) {
        cc_hash_lit(c, kw);
        argc++;
        *flags |= CI_KW;
        if (only_dsplat(kw)) *flags |= CI_KWSPLAT;
    } else if (fwd) {
        E1(c, OP_NEWHASH, 1, 0);
        cc_getvar(c, mg_intern_cstr("**"));
        E0(c, OP_HASHMERGE, -1);
        argc++;
        *flags |= CI_KW | CI_KWSPLAT;
    }
    *blockarg = false;
    if (bp) {
        if (bp->a) cc_expr(c, bp->a); else cc_getvar(c, mg_intern_cstr("&"));
        *flags |= CI_BLOCKARG;
        *blockarg = true;
    } else if (fwd) {
        cc_getvar(c, mg_intern_cstr("&"));
        *flags |= CI_BLOCKARG;
        *blockarg = true;
    }
    return argc;
}

/* A literal CRuby puts in an Array made at compile time (duparray) */
static bool
static_lit(const Node *e)
{
    switch (e->kind) {
    case NODE_NIL: case NODE_TRUE: case NODE_FALSE: case NODE_INT: case NODE_BIGNUM: case NODE_FLOAT:
    case NODE_RATIONAL: case NODE_IMAGINARY: case NODE_SYM: case NODE_REGEX: case NODE_ENCODING:
        return true;
    case NODE_STR:
        return mg_compile_frozen_strings;
    default:
        return false;
    }
}

/* [a, b, ...].max / .min: CRuby's opt_newarray_max compares the values
 * without making the Array, asking each new value (v <=> best), where
 * Array#max asks the best so far. An Array of literals only is made at
 * compile time and gets Array#max. */
static bool
newarray_maxmin(Comp *c, Node *n)
{
    Node *r = n->a;
    if (!r || r->kind != NODE_ARRAY || r->count == 0 || n->count != 0 || n->b || (n->sym != mg_id_max && n->sym != mg_id_min))
        return false;
    if (n->flags & (NF_ATTRASGN | NF_SAFE_NAV)) return false;
    bool all_static = true;
    for (int i = 0; i < r->count; i++) {
        if (r->list[i]->kind == NODE_SPLAT) return false;
        if (!static_lit(r->list[i])) all_static = false;
    }
    if (all_static) return false;
    for (int i = 0; i < r->count; i++) cc_expr(c, r->list[i]);
    E2(c, OP_OPT_NEWARRAY_MAXMIN, -(r->count) + 1, r->count, cc_ci(c, n->sym, 0, 0, -1));
    return true;
}

void
cc_call(Comp *c, Node *n)
{
    if (newarray_maxmin(c, n)) return;
    uint32_t flags = 0;
    if (!n->a) {
        E0(c, OP_PUTSELF, 1);
        flags |= CI_FCALL;
        if (n->flags & NF_VCALL) flags |= CI_VCALL;
    } else {
        if (n->a->kind == NODE_SELF) flags |= CI_SELFRECV;
        cc_expr(c, n->a);
    }
    uint32_t jnil = 0;
    bool safe = (n->flags & NF_SAFE_NAV) && n->a;
    if (safe) {
        E0(c, OP_DUP, 1);
        jnil = cc_jump(c, OP_BRANCHNIL);
        flags |= CI_SAFE;
    }
    /* the block is compiled after the arguments: a local assigned in an
     * argument (m(k: (v = 1)) { v }) is the block's outer variable */
    int32_t block = -1;
    if (n->flags & NF_ATTRASGN) {
        /* value of `x.y = v` is v: keep a copy under the receiver */
        int count = n->count;
        bool simple = true;
        for (int i = 0; i < count; i++) {
            int k = n->list[i]->kind;
            if (k == NODE_SPLAT || k == NODE_BLOCK_PASS || is_kwhash(n->list[i])) simple = false;
        }
        if (simple && count > 0) {
            E0(c, OP_PUTNIL, 1);
            E0(c, OP_SWAP, 0);
            for (int i = 0; i < count; i++) cc_expr(c, n->list[i]);
            E1(c, OP_SETN, 0, count + 1);
            if (n->b) block = (int32_t)cc_lit(c, cc_block_code(c, n->b, false, NULL));
            cc_send(c, n->sym, count, flags | CI_ATTRASGN, block);
            E0(c, OP_POP, -1);
            goto done;
        }
        flags |= CI_ATTRASGN;
    }
    {
        bool blockarg;
        ID *kwnames = NULL;
        int nkw = 0;
        int argc = (flags & CI_ATTRASGN) ? cc_args(c, n->list, n->count, &flags, &blockarg)
                                         : cc_send_args(c, n->list, n->count, &flags, &blockarg, &kwnames, &nkw);
        if (n->b) block = (int32_t)cc_lit(c, cc_block_code(c, n->b, false, NULL));
        cc_send(c, n->sym, argc, flags, block);
        if (kwnames) {
            CallInfo *ci = &c->code->cis[c->code->ncis - 1];   /* cc_send's: a kwlit send is never an opt_* */
            ci->kwnames = kwnames;
            ci->nkw = (uint16_t)nkw;
        }
    }
done:
    if (safe) {
        uint32_t jend = cc_jump(c, OP_JUMP);
        c->depth--;
        cc_here(c, jnil);
        c->depth++;
        cc_here(c, jend);
    }
}

void
cc_super(Comp *c, Node *n, bool zsuper)
{
    E0(c, OP_PUTSELF, 1);
    int32_t block = -1;
    if (n->b && zsuper) block = (int32_t)cc_lit(c, cc_block_code(c, n->b, false, NULL));
    uint32_t flags = CI_FCALL;
    int argc = 0;
    if (!zsuper) {
        bool blockarg;
        argc = cc_args(c, n->list, n->count, &flags, &blockarg);
        if (n->b) block = (int32_t)cc_lit(c, cc_block_code(c, n->b, false, NULL));   /* after the arguments, as in cc_call */
    } else {
        Comp *m = cc_method_scope(c);
        flags |= CI_ZSUPER;
        if (m) {
            ParamInfo *p = &m->code->params;
            Code *mc = m->code;
            int depth;
            int nplain = p->lead + p->opt;
            bool splat = p->rest >= 0;
            if (!splat) {
                for (int i = 0; i < nplain; i++) {
                    ID id = mc->local_names[i];
                    if (id) cc_getvar(c, id);
                    else {
                        int d = 0; Comp *s = c;
                        while (s != m) { s = s->parent; d++; }
                        cc_getlocal_at(c, d, i);
                    }
                }
                for (int i = 0; i < p->post; i++) {
                    int li = nplain + i;
                    int d = 0; Comp *s = c;
                    while (s != m) { s = s->parent; d++; }
                    cc_getlocal_at(c, d, li);
                }
                argc = nplain + p->post;
            } else {
                int d = 0; Comp *s = c;
                while (s != m) { s = s->parent; d++; }
                for (int i = 0; i < nplain; i++) cc_getlocal_at(c, d, i);
                E1(c, OP_NEWARRAY, -nplain + 1, nplain);
                cc_getlocal_at(c, d, p->rest);
                E0(c, OP_CONCATARRAY, -1);
                for (int i = 0; i < p->post; i++) {
                    cc_getlocal_at(c, d, p->rest + 1 + i);
                    E0(c, OP_ARYPUSH, -1);
                }
                argc = 1;
                flags |= CI_SPLAT;
            }
            (void)depth;
            if (p->nkw || p->kwrest >= 0) {
                int d = 0; Comp *s = c;
                while (s != m) { s = s->parent; d++; }
                for (int i = 0; i < p->nkw; i++) {
                    E1(c, OP_PUTOBJECT, 1, cc_lit(c, MG_SYM(p->kws[i])));
                    cc_getlocal_at(c, d, p->kwstart + i);
                }
                E1(c, OP_NEWHASH, -(2 * p->nkw) + 1, 2 * p->nkw);
                if (p->kwrest >= 0) { cc_getlocal_at(c, d, p->kwrest); E0(c, OP_HASHMERGE, -1); }
                argc++;
                flags |= CI_KW | CI_KWSPLAT;
            }
            if (block < 0 && p->blockp >= 0) {
                int d2 = 0; Comp *s = c;
                while (s != m) { s = s->parent; d2++; }
                cc_getlocal_at(c, d2, p->blockp);
                flags |= CI_BLOCKARG;
            }
        }
    }
    uint32_t ci = cc_ci(c, 0, argc, flags, block);
    int blockarg = (flags & CI_BLOCKARG) ? 1 : 0;
    uint32_t at = E1(c, OP_INVOKESUPER, -(argc + 1 + blockarg) + 1, ci);
    if (block >= 0) cc_catch(c, CATCH_BREAK, at, at + 2, at + 2, c->depth - 1, c->level + 1);
}

/* Whether yield may appear here: CRuby's check_yield_place refuses it where
 * the local scope (through blocks) is the top level or a class body, and in
 * an eval run outside any method. */
static bool
yield_place_ok(const Comp *c)
{
    const Comp *s = c;
    while (s->kind == CODE_BLOCK && s->parent && !s->eval_outer) s = s->parent;
    switch (s->kind) {
    case CODE_TOP: case CODE_REQUIRED: case CODE_CLASS: return false;
    case CODE_EVAL: return s->method_name != 0;
    default: return true;
    }
}

void
cc_yield(Comp *c, Node *n)
{
    if (!yield_place_ok(c)) cc_error(c, n, "Invalid yield");
    uint32_t flags = 0;
    bool blockarg;
    int argc = cc_args(c, n->list, n->count, &flags, &blockarg);
    uint32_t ci = cc_ci(c, 0, argc, flags, -1);
    E1(c, OP_INVOKEBLOCK, -(argc + (blockarg ? 1 : 0)) + 1, ci);
}

/* ------------------------------------------------------------------ */
/* assignment                                                           */

/* x op= v for variables: get, op, set */
static void
var_get(Comp *c, Node *t)
{
    switch (t->kind) {
    case NODE_LVAR: case NODE_LASGN: cc_local_predeclare(c, t->sym); cc_getvar(c, t->sym); break;
    case NODE_IVAR: case NODE_IASGN: E2(c, OP_GETIVAR, 1, t->sym, cc_ivc(c)); break;
    case NODE_GVAR: case NODE_GASGN: E1(c, OP_GETGVAR, 1, t->sym); break;
    case NODE_CVAR: case NODE_CVASGN: E1(c, OP_GETCVAR, 1, t->sym); break;
    case NODE_CONST: E2(c, OP_GETCONST, 1, t->sym, cc_cc(c)); break;
    default: cc_expr(c, t);
    }
}

static void
var_set(Comp *c, Node *t)
{
    switch (t->kind) {
    case NODE_LVAR: case NODE_LASGN: cc_setvar(c, t->sym); break;
    case NODE_IVAR: case NODE_IASGN: E2(c, OP_SETIVAR, -1, t->sym, cc_ivc(c)); break;
    case NODE_GVAR: case NODE_GASGN: E1(c, OP_SETGVAR, -1, t->sym); break;
    case NODE_CVAR: case NODE_CVASGN: E1(c, OP_SETCVAR, -1, t->sym); break;
    case NODE_CONST: E1(c, OP_SETCONST, -1, t->sym); break;
    default: cc_error(c, t, "unsupported op-assign target");
    }
}

static void
binop(Comp *c, ID op)
{
    cc_send(c, op, 1, 0, -1);
}

void
cc_op_asgn(Comp *c, Node *n)
{
    Node *t = n->a;
    size_t oplen;
    const char *op = mg_id_name(n->sym, &oplen);
    bool is_or = !strcmp(op, "||"), is_and = !strcmp(op, "&&");
    if (t->kind == NODE_COLON2 || t->kind == NODE_COLON3) {
        /* Scope::X op= v: the scope is evaluated once */
        if (t->kind == NODE_COLON2 && t->a) cc_expr(c, t->a);
        else E1(c, OP_PUTOBJECT, 1, cc_lit(c, MG_VAL(mg_cObject)));
        int d = c->depth;                                   /* [s] */
        if (is_or || is_and) {
            uint32_t jset = 0;
            if (is_or) {
                E0(c, OP_DUP, 1);
                E3(c, OP_DEFINED, 0, DEF_CONSTFROM, t->sym, cc_lit(c, MG_TRUE));
                jset = cc_jump(c, OP_BRANCHUNLESS);
            }
            E0(c, OP_DUP, 1);
            E1(c, OP_GETCONSTFROM, 0, t->sym);              /* [s v] */
            E0(c, OP_DUP, 1);
            uint32_t jkeep = cc_jump(c, is_or ? OP_BRANCHIF : OP_BRANCHUNLESS);
            E0(c, OP_POP, -1);                              /* [s] */
            if (jset) cc_here(c, jset);
            cc_expr(c, n->b);
            E0(c, OP_DUP, 1); E0(c, OP_ROT3, 0);
            E1(c, OP_SETCONSTFROM, -2, t->sym);             /* [v] */
            uint32_t jdone = cc_jump(c, OP_JUMP);
            c->depth = d + 1;
            cc_here(c, jkeep);                              /* [s v] */
            E0(c, OP_SWAP, 0); E0(c, OP_POP, -1);
            cc_here(c, jdone);
            return;
        }
        E0(c, OP_DUP, 1);
        E1(c, OP_GETCONSTFROM, 0, t->sym);
        cc_expr(c, n->b);
        binop(c, n->sym);
        E0(c, OP_DUP, 1); E0(c, OP_ROT3, 0);
        E1(c, OP_SETCONSTFROM, -2, t->sym);
        return;
    }
    if (t->kind != NODE_CALL) {
        if (is_or) {
            uint32_t jundef = 0;
            bool check = (t->kind == NODE_CONST || t->kind == NODE_CVAR || t->kind == NODE_CVASGN);
            if (check) {
                /* undefined counts as nil */
                E0(c, OP_PUTNIL, 1);
                int type = t->kind == NODE_CONST ? DEF_CONST : DEF_CVAR;
                E3(c, OP_DEFINED, 0, type, t->sym, cc_lit(c, MG_TRUE));
                jundef = cc_jump(c, OP_BRANCHUNLESS);
            }
            var_get(c, t);
            E0(c, OP_DUP, 1);
            uint32_t jend = cc_jump(c, OP_BRANCHIF);
            E0(c, OP_POP, -1);
            uint32_t jset = 0;
            if (check) {
                jset = cc_jump(c, OP_JUMP);
                cc_here(c, jundef);
            }
            if (jset) cc_here(c, jset);
            cc_expr(c, n->b);
            E0(c, OP_DUP, 1);
            var_set(c, t);
            cc_here(c, jend);
            return;
        }
        var_get(c, t);
        if (is_and) {
            E0(c, OP_DUP, 1);
            uint32_t jend = cc_jump(c, OP_BRANCHUNLESS);
            E0(c, OP_POP, -1);
            cc_expr(c, n->b);
            E0(c, OP_DUP, 1);
            var_set(c, t);
            cc_here(c, jend);
            return;
        }
        cc_expr(c, n->b);
        binop(c, n->sym);
        E0(c, OP_DUP, 1);
        var_set(c, t);
        return;
    }
    /* attribute or index: [ph recv args...] */
    int nargs = t->count;
    for (int i = 0; i < nargs; i++)
        if (t->list[i]->kind == NODE_SPLAT || t->list[i]->kind == NODE_BLOCK_PASS) cc_error(c, t, "unsupported op-assign target");
    E0(c, OP_PUTNIL, 1);
    uint32_t recvflags = 0;
    if (t->a) { cc_expr(c, t->a); if (t->a->kind == NODE_SELF) recvflags |= CI_SELFRECV; }
    else { E0(c, OP_PUTSELF, 1); recvflags |= CI_FCALL; }
    uint32_t jnil = 0;
    if (t->flags & NF_SAFE_NAV) { E0(c, OP_DUP, 1); jnil = cc_jump(c, OP_BRANCHNIL); }
    for (int i = 0; i < nargs; i++) cc_expr(c, t->list[i]);
    /* dup recv+args */
    for (int i = 0; i <= nargs; i++) E1(c, OP_TOPN, 1, nargs);
    cc_send(c, t->sym, nargs, recvflags, -1);
    size_t nl;
    const char *nm = mg_id_name(t->sym, &nl);
    char *setter = malloc(nl + 2);
    memcpy(setter, nm, nl); setter[nl] = '='; setter[nl + 1] = 0;
    ID sid = mg_intern_cstr(setter);
    free(setter);
    uint32_t jkeep = 0;
    if (is_or || is_and) {
        E0(c, OP_DUP, 1);
        jkeep = cc_jump(c, is_or ? OP_BRANCHIF : OP_BRANCHUNLESS);
        E0(c, OP_POP, -1);
        cc_expr(c, n->b);
    } else {
        cc_expr(c, n->b);
        binop(c, n->sym);
    }
    E1(c, OP_SETN, 0, nargs + 2);
    cc_send(c, sid, nargs + 1, recvflags | CI_ATTRASGN, -1);
    E0(c, OP_POP, -1);
    uint32_t jend = cc_jump(c, OP_JUMP);
    if (jkeep) {
        c->depth = c->depth + nargs + 2;   /* [ph recv args old] */
        cc_here(c, jkeep);
        E1(c, OP_SETN, 0, nargs + 2);
        E1(c, OP_POPN, -(nargs + 2), nargs + 2);
    }
    cc_here(c, jend);
    if (jnil) {
        uint32_t j2 = cc_jump(c, OP_JUMP);
        /* [ph nil] */
        c->depth = c->depth + 1;
        cc_here(c, jnil);
        E0(c, OP_SWAP, 0);
        E0(c, OP_POP, -1);
        cc_here(c, j2);
    }
}

/* Assign the value on top of the stack to target t, popping it. */
void
cc_asgn_target(Comp *c, Node *t)
{
    switch (t->kind) {
    case NODE_LASGN: case NODE_LVAR: cc_setvar(c, t->sym); return;
    case NODE_IASGN: E2(c, OP_SETIVAR, -1, t->sym, cc_ivc(c)); return;
    case NODE_GASGN: E1(c, OP_SETGVAR, -1, t->sym); return;
    case NODE_CVASGN: E1(c, OP_SETCVAR, -1, t->sym); return;
    case NODE_CDECL: {
        Node *p = t->a;
        if (p->kind == NODE_CONST) { E1(c, OP_SETCONST, -1, p->sym); return; }
        if (p->kind == NODE_COLON2 && p->a) cc_expr(c, p->a);
        else E1(c, OP_PUTOBJECT, 1, cc_lit(c, MG_VAL(mg_cObject)));
        E0(c, OP_SWAP, 0);
        E1(c, OP_SETCONSTFROM, -2, p->sym);
        return;
    }
    case NODE_MLHS: cc_expand(c, t->list, t->count); return;
    case NODE_PARAM_REQ: case NODE_PARAM_POST:
        if (t->a) { cc_asgn_target(c, t->a); return; }
        cc_setvar(c, t->sym);
        return;
    case NODE_PARAM_REST:
        if (t->sym) cc_setvar(c, t->sym); else E0(c, OP_POP, -1);
        return;
    case NODE_SPLAT:
        if (t->a) cc_asgn_target(c, t->a); else E0(c, OP_POP, -1);
        return;
    case NODE_CALL: {
        /* [v] -> recv args v -> send */
        uint32_t flags = CI_ATTRASGN;
        if (t->a) { cc_expr(c, t->a); if (t->a->kind == NODE_SELF) flags |= CI_SELFRECV; }
        else { E0(c, OP_PUTSELF, 1); flags |= CI_FCALL; }
        int nargs = 0;
        for (int i = 0; i < t->count; i++) {
            if (t->list[i]->kind == NODE_SPLAT || t->list[i]->kind == NODE_BLOCK_PASS) continue;
            cc_expr(c, t->list[i]); nargs++;
        }
        E1(c, OP_TOPN, 1, nargs + 1);
        size_t nl;
        const char *nm = mg_id_name(t->sym, &nl);
        ID sid = t->sym;
        if (nl == 0 || nm[nl - 1] != '=') {
            char *setter = malloc(nl + 2);
            memcpy(setter, nm, nl); setter[nl] = '='; setter[nl + 1] = 0;
            sid = mg_intern_cstr(setter);
            free(setter);
        }
        cc_send(c, sid, nargs + 1, flags, -1);
        E0(c, OP_POP, -1);
        E0(c, OP_POP, -1);
        return;
    }
    default:
        cc_error(c, t, "unsupported assignment target");
    }
}

/* top is the value; expands it and assigns the targets */
void
cc_expand(Comp *c, Node **list, int count)
{
    int pre = 0, post = 0, rest = -1;
    for (int i = 0; i < count; i++) {
        if (list[i]->kind == NODE_SPLAT || list[i]->kind == NODE_PARAM_REST) rest = i;
        else if (rest < 0) pre++;
        else post++;
    }
    int n = pre + post + (rest >= 0 ? 1 : 0);
    E3(c, OP_EXPANDARRAY, n - 1, pre, rest >= 0 ? 1 : 0, post);
    for (int i = 0; i < count; i++) cc_asgn_target(c, list[i]);
}

/* `a, b = proc { a }, 1`: the targets' locals exist before the right side */
static void
predeclare_targets(Comp *c, Node **list, int count)
{
    for (int i = 0; i < count; i++) {
        Node *t = list[i];
        if (!t) continue;
        if (t->kind == NODE_SPLAT || ((t->kind == NODE_PARAM_REQ || t->kind == NODE_PARAM_POST ||
                                       t->kind == NODE_PARAM_REST) && t->a)) t = t->a;
        if (!t) continue;
        if (t->kind == NODE_LASGN) cc_local_predeclare(c, t->sym);
        else if (t->kind == NODE_MLHS) predeclare_targets(c, t->list, t->count);
    }
}

void
cc_masgn(Comp *c, Node *n, bool used)
{
    Node *v = n->a;
    predeclare_targets(c, n->list, n->count);
    if (v && v->kind == NODE_ARRAY) {
        cc_expr(c, v);
    } else if (v && v->kind == NODE_SPLAT) {
        cc_expr(c, v);
    } else {
        cc_expr(c, v);
    }
    if (used) E0(c, OP_DUP, 1);
    cc_expand(c, n->list, n->count);
}
