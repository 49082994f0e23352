/* compile.c -- AST to bytecode: Code objects, scopes and local resolution,
 * literals, control flow, begin/rescue/ensure, definitions.
 * Design: DESIGN.md section 6 and src/vm/vm_int.h. */
#include "compile.h"
#include "../core/string_int.h"
#include <stdarg.h>
#include <string.h>

bool mg_compile_frozen_strings;
int mg_compile_source_enc = -1;
const char *mg_compile_src;
size_t mg_compile_src_len;

/* ------------------------------------------------------------------ */
/* Code objects                                                         */

static void
code_mark(void *p)
{
    Code *c = p;
    mg_gc_mark_values(c->lits, c->nlits);
    mg_gc_mark(c->label);
    mg_gc_mark(c->file);
    mg_gc_mark(c->parent);
    mg_gc_mark(c->source);
    for (uint32_t i = 0; i < c->ncis; i++) if (c->cis[i].ic_klass) mg_gc_mark_obj(&c->cis[i].ic_klass->hdr);
    for (uint32_t i = 0; i < c->ncis; i++) if (c->cis[i].ic2.klass) mg_gc_mark_obj(&c->cis[i].ic2.klass->hdr);
    for (uint32_t i = 0; i < c->nivcs; i++) if (c->ivcs[i].klass) mg_gc_mark_obj(&c->ivcs[i].klass->hdr);
    for (uint32_t i = 0; i < c->nivcs; i++)
        for (int j = 0; j < 3; j++) if (c->ivcs[i].more[j]) mg_gc_mark_obj(&c->ivcs[i].more[j]->hdr);
    for (uint32_t i = 0; i < c->nccs; i++) { mg_gc_mark(c->ccs[i].value); mg_gc_mark(c->ccs[i].cref); }
}

static void
code_free(void *p)
{
    Code *c = p;
    for (uint32_t i = 0; i < c->ncis; i++) free(c->cis[i].kwnames);
    free(c->insns); free(c->lits); free(c->cis); free(c->ivcs); free(c->ccs);
    free(c->catches); free(c->lines); free(c->local_names); free(c->params.kws);
    free(c);
}

const DataType mg_code_type = { "Code", code_mark, code_free, NULL };

Value
mg_code_new(void)
{
    Code *c = calloc(1, sizeof *c);
    if (!c) mg_raise_nomem();
    c->params.rest = c->params.kwrest = c->params.blockp = -1;
    c->label = c->file = c->parent = c->source = MG_NIL;
    Value v = mg_data_new(mg_cObject, &mg_code_type, c);
    c->self_value = v;
    return v;
}

int
mg_code_line(const Code *c, const uint32_t *pc)
{
    if (!c) return 0;
    if (!pc || c->nlines == 0) return c->line;
    uint32_t at = (uint32_t)(pc - c->insns);
    if (at > 0) at--;
    int line = c->line;
    uint32_t lo = 0, hi = c->nlines;
    while (lo < hi) {           /* last entry with pc <= at */
        uint32_t mid = (lo + hi) / 2;
        if (c->lines[mid].pc <= at) { line = c->lines[mid].line; lo = mid + 1; }
        else hi = mid;
    }
    return line;
}

/* ------------------------------------------------------------------ */
/* emitting                                                             */

#define GROW(ptr, n, capa) do { if ((n) >= (capa)) { (capa) = (capa) ? (capa) * 2 : 16; \
    (ptr) = realloc((ptr), (capa) * sizeof *(ptr)); if (!(ptr)) mg_raise_nomem(); } } while (0)

uint32_t
cc_pc(Comp *c) { return c->code->ninsns; }

static void
put_word(Comp *c, uint32_t w)
{
    Code *k = c->code;
    GROW(k->insns, k->ninsns, c->capa_insns);
    k->insns[k->ninsns++] = w;
}

uint32_t
cc_emit(Comp *c, int op, int delta, int nops, ...)
{
    uint32_t at = cc_pc(c);
    put_word(c, (uint32_t)op);
    va_list ap;
    va_start(ap, nops);
    for (int i = 0; i < nops; i++) put_word(c, va_arg(ap, uint32_t));
    va_end(ap);
    c->depth += delta;
    if (c->depth > c->max_depth) c->max_depth = c->depth;
    ASSERT(c->depth >= 0);
    return at;
}

uint32_t
cc_jump(Comp *c, int op)
{
    int delta = (op == OP_JUMP) ? 0 : -1;
    return cc_emit(c, op, delta, 1, 0u);
}

void
cc_patch(Comp *c, uint32_t at, uint32_t target)
{
    int op = (int)c->code->insns[at];
    int idx = (op == OP_JUMPIFSET) ? 3 : 1;
    c->code->insns[at + idx] = target;
}

void
cc_here(Comp *c, uint32_t jump) { cc_patch(c, jump, cc_pc(c)); }

uint32_t
cc_lit(Comp *c, Value v)
{
    Code *k = c->code;
    if (!MG_IS_PTR(v))
        for (uint32_t i = 0; i < k->nlits; i++) if (k->lits[i] == v) return i;
    GROW(k->lits, k->nlits, c->capa_lits);
    k->lits[k->nlits] = v;
    return k->nlits++;
}

uint32_t
cc_ci(Comp *c, ID mid, int argc, uint32_t flags, int32_t block)
{
    Code *k = c->code;
    GROW(k->cis, k->ncis, c->capa_cis);
    k->cis[k->ncis] = (CallInfo){ .mid = mid, .argc = (uint16_t)argc, .flags = (uint16_t)flags, .block = block };
    return k->ncis++;
}

uint32_t
cc_ivc(Comp *c)
{
    Code *k = c->code;
    k->ivcs = realloc(k->ivcs, (k->nivcs + 1) * sizeof *k->ivcs);
    if (!k->ivcs) mg_raise_nomem();
    k->ivcs[k->nivcs] = (IvarCache){ NULL, 0 };
    return k->nivcs++;
}

uint32_t
cc_cc(Comp *c)
{
    Code *k = c->code;
    k->ccs = realloc(k->ccs, (k->nccs + 1) * sizeof *k->ccs);
    if (!k->ccs) mg_raise_nomem();
    k->ccs[k->nccs] = (ConstCache){ 0, 0, MG_NIL, MG_NIL };
    return k->nccs++;
}

void
cc_catch(Comp *c, int type, uint32_t start, uint32_t end, uint32_t cont, int depth, int level)
{
    if (start >= end) return;
    Code *k = c->code;
    GROW(k->catches, k->ncatches, c->capa_catch);
    /* `level` orders nesting: the VM picks the covering entry with the highest level;
     * we keep it in the high byte of type. */
    k->catches[k->ncatches++] = (CatchEntry){ (uint8_t)type, start, end, cont, (uint32_t)depth | ((uint32_t)level << 20) };
}

void
cc_line(Comp *c, Node *n)
{
    if (!n || n->line <= 0 || n->line == c->last_line) return;
    Code *k = c->code;
    if (k->nlines && k->lines[k->nlines - 1].pc == cc_pc(c)) {
        k->lines[k->nlines - 1].line = n->line;
    } else {
        GROW(k->lines, k->nlines, c->capa_lines);
        k->lines[k->nlines++] = (LineEntry){ cc_pc(c), n->line };
    }
    c->last_line = n->line;
    if (n->line > k->last_line) k->last_line = n->line;
}

NORETURN void
cc_error(Comp *c, Node *n, const char *msg)
{
    Value m = mg_sprintf("%s:%d: %s", c->file, n ? n->line : 0, msg);
    mg_raise_str(mg_eSyntaxError, m);
}

/* ------------------------------------------------------------------ */
/* locals                                                               */

static int
local_add(Comp *c, ID id)
{
    Code *k = c->code;
    GROW(k->local_names, k->nlocals, c->capa_locals);
    k->local_names[k->nlocals] = id;
    return (int)k->nlocals++;
}

static int
local_index(Comp *c, ID id)
{
    Code *k = c->code;
    if (id == 0) return -1;
    for (uint32_t i = 0; i < k->nlocals; i++) if (k->local_names[i] == id) return (int)i;
    return -1;
}

static bool
sees_parent(Comp *c)
{
    return c->kind == CODE_BLOCK || c->kind == CODE_EVAL || c->eval_outer;
}

int
cc_local_find(Comp *c, ID id, int *depth)
{
    int d = 0;
    for (Comp *s = c; s; s = s->parent, d++) {
        int i = local_index(s, id);
        if (i >= 0) { *depth = d; return i; }
        if (!sees_parent(s)) break;
    }
    return -1;
}

int
cc_local_declare(Comp *c, ID id)
{
    Comp *s = c;
    while (s->transparent && s->parent) s = s->parent;
    int i = local_index(s, id);
    if (i >= 0) return i;
    return local_add(s, id);
}

/* An assignment declares its local before its right side is compiled, as the parser
 * does, so a block in the right side (`f = -> { f }`) captures the same slot. */
void
cc_local_predeclare(Comp *c, ID id)
{
    int depth;
    if (cc_local_find(c, id, &depth) < 0) cc_local_declare(c, id);
}

int
cc_local_hidden(Comp *c)
{
    return local_add(c, 0);
}

void
cc_getlocal_at(Comp *c, int depth, int idx)
{
    if (depth == 0) E1(c, OP_GETLOCAL, 1, idx);
    else E2(c, OP_GETOUTER, 1, depth, idx);
}

void
cc_setlocal_at(Comp *c, int depth, int idx)
{
    if (depth == 0) E1(c, OP_SETLOCAL, -1, idx);
    else E2(c, OP_SETOUTER, -1, depth, idx);
}

void
cc_getvar(Comp *c, ID id)
{
    int depth;
    int i = cc_local_find(c, id, &depth);
    if (i < 0) { E0(c, OP_PUTNIL, 1); return; }
    cc_getlocal_at(c, depth, i);
}

void
cc_setvar(Comp *c, ID id)
{
    int depth;
    int i = cc_local_find(c, id, &depth);
    if (i < 0) {
        Comp *s = c; depth = 0;
        while (s->transparent && s->parent) { s = s->parent; depth++; }
        i = local_add(s, id);
    }
    cc_setlocal_at(c, depth, i);
}

Comp *
cc_method_scope(Comp *c)
{
    for (Comp *s = c; s; s = s->parent) {
        if (s->kind == CODE_METHOD) return s;
        if (!sees_parent(s)) return NULL;
    }
    return NULL;
}

const char *
cc_base_label(Comp *c)
{
    Comp *s = c;
    while (s->parent && sees_parent(s) && !s->eval_outer) s = s->parent;
    if (s->eval_outer) return "<main>";
    return mg_str_cstr(s->code->label);
}

/* ------------------------------------------------------------------ */
/* pre-scan: does a scope need its locals in a heap Env?                */

static bool
evalish(ID id)
{
    size_t len;
    const char *s = mg_id_name(id, &len);
    return !strcmp(s, "binding") || !strcmp(s, "eval") || !strcmp(s, "local_variables") ||
           !strcmp(s, "instance_eval") || !strcmp(s, "class_eval") || !strcmp(s, "module_eval") ||
           !strcmp(s, "local_variable_get") || !strcmp(s, "local_variable_set");
}

static bool
needs_env(Node *n)
{
    if (!n) return false;
    switch (n->kind) {
    case NODE_BLOCK: case NODE_LAMBDA: case NODE_FOR: case NODE_POSTEXE:
        return true;
    case NODE_DEF: return false;
    case NODE_DEFS: return needs_env(n->c);
    case NODE_CLASS: return needs_env(n->a) || needs_env(n->b);
    case NODE_MODULE: return needs_env(n->a);
    case NODE_SCLASS: return needs_env(n->a);
    case NODE_CALL:
        if (evalish(n->sym)) return true;
        break;
    default: break;
    }
    if (needs_env(n->a) || needs_env(n->b) || needs_env(n->c) || needs_env(n->d)) return true;
    for (int i = 0; i < n->count; i++) if (needs_env(n->list[i])) return true;
    return false;
}

/* ------------------------------------------------------------------ */
/* scopes                                                               */

static void
comp_init(Comp *c, Comp *parent, int kind, const char *file, Value label)
{
    memset(c, 0, sizeof *c);
    c->parent = parent;
    c->kind = kind;
    c->file = file;
    c->code_obj = mg_code_new();
    c->code = mg_code_ptr(c->code_obj);
    c->code->kind = (uint8_t)kind;
    c->code->label = label;
    c->code->file = mg_str_new_cstr(file);
    c->code->parent = parent ? parent->code_obj : MG_NIL;
    c->cov = parent ? parent->cov : MG_NIL;
    if (parent) {
        c->block_level = parent->block_level;
        c->method_name = parent->method_name;
    }
}

static void
comp_finish(Comp *c)
{
    Code *k = c->code;
    k->max_stack = (uint32_t)c->max_depth + 4;
    k->env_mode = c->env_mode;
    /* peephole: a JUMP to a LEAVE is a LEAVE (the value to return is on top
     * either way; ensure code is inlined before both); its operand becomes a NOP */
    for (uint32_t i = 0; i < k->ninsns; i += 1u + mg_op_operands[k->insns[i]]) {
        if (k->insns[i] == OP_JUMP && k->insns[i + 1] < k->ninsns && k->insns[k->insns[i + 1]] == OP_LEAVE) {
            k->insns[i] = OP_LEAVE;
            k->insns[i + 1] = OP_NOP;
        }
    }
}

/* ---- parameters ---- */

static void
params_setup(Comp *c, Node *params, int numbered)
{
    ParamInfo *p = &c->code->params;
    if (numbered > 0) {
        for (int i = 1; i <= numbered; i++) {
            char nm[4] = { '_', (char)('0' + i), 0, 0 };
            local_add(c, mg_intern_cstr(nm));
        }
        p->lead = (uint16_t)numbered;
        return;
    }
    if (!params) return;
    if (params->flags & NF_EXCESS_COMMA) p->excess_comma = true;
    Node *kws[64]; int nkw = 0;
    Node *mlhs_lead[64]; int mlhs_idx[64]; int nmlhs = 0;
    /* a required param after an optional or rest one is a post param */
    bool seen_opt = false;
    for (int i = 0; i < params->count; i++) {
        Node *q = params->list[i];
        if (q->kind == NODE_PARAM_OPT || q->kind == NODE_PARAM_REST || q->kind == NODE_PARAM_FWD) seen_opt = true;
        else if (q->kind == NODE_PARAM_REQ && seen_opt) q->kind = NODE_PARAM_POST;
    }
    /* pass 1: lead + opt */
    for (int i = 0; i < params->count; i++) {
        Node *q = params->list[i];
        if (q->kind == NODE_PARAM_REQ) {
            int idx = local_add(c, q->a ? 0 : q->sym);
            if (q->a && nmlhs < 64) { mlhs_lead[nmlhs] = q->a; mlhs_idx[nmlhs++] = idx; }
            p->lead++;
        }
    }
    for (int i = 0; i < params->count; i++) {
        Node *q = params->list[i];
        if (q->kind == NODE_PARAM_OPT) { local_add(c, q->sym); p->opt++; }
    }
    for (int i = 0; i < params->count; i++) {
        Node *q = params->list[i];
        if (q->kind == NODE_PARAM_REST) {
            p->rest = (int16_t)local_add(c, q->sym ? q->sym : mg_intern_cstr("*"));
            if (!q->sym) p->anon_rest = true;
        } else if (q->kind == NODE_PARAM_FWD) {
            p->rest = (int16_t)local_add(c, mg_intern_cstr("*"));
            p->fwd = true;
        }
    }
    for (int i = 0; i < params->count; i++) {
        Node *q = params->list[i];
        if (q->kind == NODE_PARAM_POST) {
            int idx = local_add(c, q->a ? 0 : q->sym);
            if (q->a && nmlhs < 64) { mlhs_lead[nmlhs] = q->a; mlhs_idx[nmlhs++] = idx; }
            p->post++;
        }
    }
    /* keywords: required first (the binder reports them in this order) */
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < params->count; i++) {
            Node *q = params->list[i];
            if (q->kind == NODE_PARAM_KW && ((pass == 0) == (q->a == NULL)) && nkw < 64) kws[nkw++] = q;
        }
    if (nkw) {
        p->has_kw = true;
        p->nkw = (uint16_t)nkw;
        p->kws = malloc(sizeof(ID) * (size_t)nkw);
        p->kwstart = (int16_t)c->code->nlocals;
        for (int i = 0; i < nkw; i++) {
            p->kws[i] = kws[i]->sym;
            local_add(c, kws[i]->sym);
            if (!kws[i]->a) p->kwreq++;
        }
    }
    for (int i = 0; i < params->count; i++) {
        Node *q = params->list[i];
        if (q->kind == NODE_PARAM_KWREST) {
            p->has_kw = true;
            p->kwrest = (int16_t)local_add(c, q->sym ? q->sym : mg_intern_cstr("**"));
            if (!q->sym) p->anon_kwrest = true;
        } else if (q->kind == NODE_PARAM_NOKW) {
            p->nokw = true;
        } else if (q->kind == NODE_PARAM_FWD) {
            p->has_kw = true;
            p->kwrest = (int16_t)local_add(c, mg_intern_cstr("**"));
        }
    }
    for (int i = 0; i < params->count; i++) {
        Node *q = params->list[i];
        if (q->kind == NODE_PARAM_BLOCK) {
            p->blockp = (int16_t)local_add(c, q->sym ? q->sym : mg_intern_cstr("&"));
            if (!q->sym) p->anon_block = true;
        } else if (q->kind == NODE_PARAM_FWD) {
            p->blockp = (int16_t)local_add(c, mg_intern_cstr("&"));
        }
    }
    for (int i = 0; i < params->count; i++) {
        Node *q = params->list[i];
        if (q->kind == NODE_PARAM_LOCAL) local_add(c, q->sym);
    }
    /* prologue: defaults */
    int idx = p->lead;
    for (int i = 0; i < params->count; i++) {
        Node *q = params->list[i];
        if (q->kind != NODE_PARAM_OPT) continue;
        int li = local_index(c, q->sym);
        if (li < 0) li = idx;
        uint32_t j = E3(c, OP_JUMPIFSET, 0, 0, li, 0);
        cc_expr(c, q->a);
        E1(c, OP_SETLOCAL, -1, li);
        cc_here(c, j);
        idx++;
    }
    for (int i = 0; i < nkw; i++) {
        if (!kws[i]->a) continue;
        int li = p->kwstart + i;
        uint32_t j = E3(c, OP_JUMPIFSET, 0, 0, li, 0);
        cc_expr(c, kws[i]->a);
        E1(c, OP_SETLOCAL, -1, li);
        cc_here(c, j);
    }
    for (int i = 0; i < nmlhs; i++) {
        E1(c, OP_GETLOCAL, 1, mlhs_idx[i]);
        cc_expand(c, mlhs_lead[i]->list, mlhs_lead[i]->count);
    }
}

static Value
label_block(Comp *parent)
{
    const char *base = cc_base_label(parent);
    int lvl = parent->block_level + 1;
    if (lvl == 1) return mg_sprintf("block in %s", base);
    return mg_sprintf("block (%d levels) in %s", lvl, base);
}

static void keep_source(Comp *c, Code *code, size_t off, size_t len);

Value
cc_block_code(Comp *c, Node *blk, bool lambda, Node *for_target)
{
    Comp b;
    comp_init(&b, c, CODE_BLOCK, c->file, label_block(c));
    b.block_level = c->block_level + 1;
    b.is_lambda = lambda;
    b.code->is_lambda_body = lambda;
    b.code->line = blk->line;
    Node *params = blk->a, *body = blk->b;
    if (for_target) {
        b.transparent = true;
        b.env_mode = needs_env(blk->c);
        b.code->params.lead = 1;
        int tmp = local_add(&b, 0);
        E1(&b, OP_GETLOCAL, 1, tmp);
        if (for_target->kind == NODE_MLHS) cc_expand(&b, for_target->list, for_target->count);
        else cc_asgn_target(&b, for_target);
        body = blk->c;
    } else {
        b.env_mode = needs_env(body) || (params && needs_env(params));
        params_setup(&b, params, blk->kind == NODE_BLOCK || blk->kind == NODE_LAMBDA ? (int)blk->ival : 0);
        keep_source(c, b.code, blk->off, blk->len);
    }
    b.block_start = cc_pc(&b);
    cc_line(&b, body ? body : blk);
    cc_body(&b, body);
    E0(&b, OP_LEAVE, -1);
    comp_finish(&b);
    return b.code_obj;
}

/* Keeps a definition's or literal's source span in its Code (DESIGN.md 5:
 * persistent code is recompiled from it); one String per compiled unit,
 * held by its outermost Code. */
static void
keep_source(Comp *c, Code *code, size_t off, size_t len)
{
    if (!mg_compile_src || !len || off + len > mg_compile_src_len) return;
    Comp *root = c;
    while (root->parent && !root->parent->eval_outer) root = root->parent;
    if (root->code->source == MG_NIL) root->code->source = mg_str_new(mg_compile_src, mg_compile_src_len);
    code->source = root->code->source;
    code->src_off = (uint32_t)off;
    code->src_len = (uint32_t)len;
}

static void cc_cov_method(Comp *c, Comp *m, Node *n, ID name);

static Value
method_code(Comp *c, Node *n, ID name)
{
    Comp m;
    comp_init(&m, c, CODE_METHOD, c->file, mg_str_new_cstr(mg_id_name(name, NULL)));
    m.block_level = 0;
    m.method_name = name;
    m.method_params = n->a;
    m.code->name = name;
    m.code->line = n->line;
    keep_source(c, m.code, (size_t)n->ival, n->len);
    m.code->src_singleton = n->kind == NODE_DEFS;
    m.env_mode = needs_env(n->b) || (n->a && needs_env(n->a));
    params_setup(&m, n->a, 0);
    cc_cov_method(c, &m, n, name);
    if (n->flags & NF_ENDLESS) m.cov_line = n->line;   /* `def f = x`: the def's line event only, as CRuby */
    cc_line(&m, n->b ? n->b : n);
    cc_body(&m, n->b);
    E0(&m, OP_LEAVE, -1);
    comp_finish(&m);
    return m.code_obj;
}

static Value
body_code(Comp *c, Node *body, Value label, int line)
{
    Comp m;
    comp_init(&m, c, CODE_CLASS, c->file, label);
    m.block_level = 0;
    m.method_name = 0;
    m.code->line = line;
    m.env_mode = needs_env(body);
    cc_body(&m, body);
    E0(&m, OP_LEAVE, -1);
    comp_finish(&m);
    return m.code_obj;
}

/* ------------------------------------------------------------------ */
/* control flow helpers                                                 */

void
cc_inline_ensures(Comp *c, int down_to)
{
    /* run the ensure bodies between here and `down_to`, innermost first;
     * the inlined code is not covered by its own ensure region. */
    int saved_n = c->nens;
    Ens saved[64];
    memcpy(saved, c->ens, sizeof(Ens) * (size_t)saved_n);
    for (int i = saved_n - 1; i >= down_to; i--) {
        Ens *e = &c->ens[i];
        cc_catch(c, CATCH_ENSURE, e->piece_start, cc_pc(c), 0xffffffffu, e->depth, e->level);
        /* cont patched later: mark with index */
        c->code->catches[c->code->ncatches - 1].cont = 0xffffffffu - (uint32_t)i;
        c->nens = i;
        cc_stmt(c, e->body);
    }
    c->nens = saved_n;
    memcpy(c->ens, saved, sizeof(Ens) * (size_t)saved_n);
    /* pieces restart after the exit instruction: cc_resume_ensures */
    for (int i = saved_n - 1; i >= down_to; i--) c->ens[i].piece_start = 0xffffffffu;
}

static void
cc_resume_ensures(Comp *c)
{
    for (int i = 0; i < c->nens; i++) if (c->ens[i].piece_start == 0xffffffffu) c->ens[i].piece_start = cc_pc(c);
}

static void
loop_add(uint32_t **arr, int *n, int *capa, uint32_t v)
{
    if (*n >= *capa) { *capa = *capa ? *capa * 2 : 8; *arr = realloc(*arr, sizeof(uint32_t) * (size_t)*capa); }
    (*arr)[(*n)++] = v;
}

/* A while loop compiles its body before its condition; locals first assigned in
 * the condition (`while line = gets`) are declared first so the body sees them. */
static void
declare_cond_locals(Comp *c, Node *n)
{
    if (!n) return;
    switch (n->kind) {
    case NODE_BLOCK: case NODE_LAMBDA: case NODE_DEF: case NODE_DEFS:
    case NODE_CLASS: case NODE_SCLASS: case NODE_MODULE:
        return;
    case NODE_LASGN: {
        int depth;
        if (cc_local_find(c, n->sym, &depth) < 0) {
            Comp *s = c;
            while (s->transparent && s->parent) s = s->parent;
            local_add(s, n->sym);
        }
        break;
    }
    default: break;
    }
    declare_cond_locals(c, n->a);
    declare_cond_locals(c, n->b);
    declare_cond_locals(c, n->c);
    declare_cond_locals(c, n->d);
    for (int i = 0; i < n->count; i++) declare_cond_locals(c, n->list[i]);
}

static void
cc_while(Comp *c, Node *n, bool until)
{
    Loop lp = { .prev = c->loop, .is_while = true, .depth = c->depth, .nens = c->nens };
    c->loop = &lp;
    uint32_t jcond = 0;
    bool do_while = (n->flags & NF_DO_WHILE) != 0;
    if (!do_while) { declare_cond_locals(c, n->a); jcond = cc_jump(c, OP_JUMP); }
    lp.redo_pc = cc_pc(c);
    uint32_t body_pc = cc_pc(c);
    cc_stmt(c, n->b);
    lp.next_pc = cc_pc(c);
    if (!do_while) cc_here(c, jcond);
    for (int i = 0; i < lp.nnexts; i++) cc_patch(c, lp.nexts[i], lp.next_pc);
    cc_line(c, n->a);
    cc_expr(c, n->a);
    uint32_t j = E1(c, until ? OP_BRANCHUNLESS : OP_BRANCHIF, -1, body_pc);
    (void)j;
    E0(c, OP_PUTNIL, 1);
    for (int i = 0; i < lp.nbreaks; i++) cc_here(c, lp.breaks[i]);
    c->loop = lp.prev;
    free(lp.breaks); free(lp.nexts);
}

static Loop *
while_loop(Comp *c)
{
    return (c->loop && c->loop->is_while) ? c->loop : NULL;
}

static void
cc_break(Comp *c, Node *n)
{
    Loop *lp = while_loop(c);
    int d = c->depth;
    if (lp) {
        if (c->depth > lp->depth) E1(c, OP_POPN, -(c->depth - lp->depth), c->depth - lp->depth);
        cc_inline_ensures(c, lp->nens);
        if (n->a) cc_expr(c, n->a); else E0(c, OP_PUTNIL, 1);
        uint32_t j = cc_jump(c, OP_JUMP);
        cc_resume_ensures(c);
        loop_add(&lp->breaks, &lp->nbreaks, &lp->cbreaks, j);
        c->depth = d;   /* code after is unreachable */
        E0(c, OP_PUTNIL, 1);
        return;
    }
    if (c->kind == CODE_BLOCK) {
        if (n->a) cc_expr(c, n->a); else E0(c, OP_PUTNIL, 1);
        cc_inline_ensures(c, 0);
        E0(c, OP_THROWBREAK, -1);
        cc_resume_ensures(c);
        E0(c, OP_PUTNIL, 1);
        return;
    }
    if (c->kind == CODE_EVAL) {
        if (n->a) cc_expr(c, n->a); else E0(c, OP_PUTNIL, 1);
        E0(c, OP_THROWBREAK, -1);
        E0(c, OP_PUTNIL, 1);
        return;
    }
    cc_error(c, n, "Invalid break");
}

static void
cc_next(Comp *c, Node *n)
{
    Loop *lp = while_loop(c);
    int d = c->depth;
    if (lp) {
        if (n->a) { cc_expr(c, n->a); E0(c, OP_POP, -1); }   /* `next x = y` in a while loop: the value is dropped, its side effects are not */
        if (c->depth > lp->depth) E1(c, OP_POPN, -(c->depth - lp->depth), c->depth - lp->depth);
        cc_inline_ensures(c, lp->nens);
        uint32_t j = cc_jump(c, OP_JUMP);
        cc_resume_ensures(c);
        loop_add(&lp->nexts, &lp->nnexts, &lp->cnexts, j);
        c->depth = d;
        E0(c, OP_PUTNIL, 1);
        return;
    }
    if (c->kind == CODE_BLOCK || c->kind == CODE_EVAL) {
        if (n->a) cc_expr(c, n->a); else E0(c, OP_PUTNIL, 1);
        cc_inline_ensures(c, 0);
        E0(c, OP_LEAVE, -1);
        cc_resume_ensures(c);
        E0(c, OP_PUTNIL, 1);
        return;
    }
    cc_error(c, n, "Invalid next");
}

static void
cc_redo(Comp *c, Node *n)
{
    Loop *lp = while_loop(c);
    int d = c->depth;
    if (lp) {
        if (c->depth > lp->depth) E1(c, OP_POPN, -(c->depth - lp->depth), c->depth - lp->depth);
        cc_inline_ensures(c, lp->nens);
        E1(c, OP_JUMP, 0, lp->redo_pc);
        cc_resume_ensures(c);
        c->depth = d;
        E0(c, OP_PUTNIL, 1);
        return;
    }
    if (c->kind == CODE_BLOCK) {
        if (c->depth > 0) E1(c, OP_POPN, -c->depth, c->depth);
        cc_inline_ensures(c, 0);
        E1(c, OP_JUMP, 0, c->block_start);
        cc_resume_ensures(c);
        c->depth = d;
        E0(c, OP_PUTNIL, 1);
        return;
    }
    cc_error(c, n, "Invalid redo");
}

static void
cc_return(Comp *c, Node *n)
{
    if (n->a) cc_expr(c, n->a); else E0(c, OP_PUTNIL, 1);
    if (c->kind == CODE_BLOCK || c->kind == CODE_EVAL) {
        cc_inline_ensures(c, 0);
        E0(c, OP_THROWRETURN, -1);
    } else {
        cc_inline_ensures(c, 0);
        E0(c, OP_LEAVE, -1);
    }
    cc_resume_ensures(c);
    E0(c, OP_PUTNIL, 1);
}

/* begin/rescue/else/ensure */
static void
cc_rescue_part(Comp *c, Node *n)
{
    int d0 = c->depth;
    int old = cc_local_hidden(c);
    E0(c, OP_GETERRINFO, 1);
    E1(c, OP_SETLOCAL, -1, old);
    c->level++;
    int level = c->level;
    Retry rt = { .prev = c->retry, .start = cc_pc(c), .depth = d0, .nens = c->nens, .old_errinfo = old };
    uint32_t start = cc_pc(c);
    cc_expr(c, n->a);
    uint32_t end = cc_pc(c);
    c->level--;
    if (n->b) { E0(c, OP_POP, -1); cc_expr(c, n->b); }
    uint32_t jend = cc_jump(c, OP_JUMP);
    uint32_t *ends = NULL; int nends = 0, cends = 0;
    loop_add(&ends, &nends, &cends, jend);
    /* handler: [exc] */
    uint32_t handler = cc_pc(c);
    c->depth = d0 + 1;
    if (c->depth > c->max_depth) c->max_depth = c->depth;
    for (int i = 0; i < n->count; i++) {
        Node *r = n->list[i];
        uint32_t matches[64]; int nm = 0;
        if (r->count == 0) {
            E1(c, OP_GETCONSTTOP, 1, mg_intern_cstr("StandardError"));
            E0(c, OP_RESCUEMATCH, 0);
            matches[nm++] = cc_jump(c, OP_BRANCHIF);
        } else {
            for (int j = 0; j < r->count && nm < 64; j++) {
                Node *k = r->list[j];
                if (k->kind == NODE_SPLAT) { cc_expr(c, k->a); E1(c, OP_SPLATARRAY, 0, 0); }
                else cc_expr(c, k);
                E0(c, OP_RESCUEMATCH, 0);
                matches[nm++] = cc_jump(c, OP_BRANCHIF);
            }
        }
        uint32_t jnext = cc_jump(c, OP_JUMP);
        for (int j = 0; j < nm; j++) cc_here(c, matches[j]);
        /* matched: [exc] */
        if (r->a) { E0(c, OP_DUP, 1); cc_asgn_target(c, r->a); }
        E0(c, OP_POP, -1);
        c->retry = &rt;
        cc_expr(c, r->b);
        c->retry = rt.prev;
        E1(c, OP_GETLOCAL, 1, old);
        E0(c, OP_SETERRINFO, -1);
        loop_add(&ends, &nends, &cends, cc_jump(c, OP_JUMP));
        c->depth = d0 + 1;
        cc_here(c, jnext);
    }
    E0(c, OP_RETHROW, -1);
    c->depth = d0 + 1;
    for (int i = 0; i < nends; i++) cc_here(c, ends[i]);
    free(ends);
    cc_catch(c, CATCH_RESCUE, start, end, handler, d0, level);
}

static void
cc_begin(Comp *c, Node *n)
{
    if (!n->c) {
        if (n->count == 0) {
            cc_expr(c, n->a);
            if (n->b) { E0(c, OP_POP, -1); cc_expr(c, n->b); }
        } else cc_rescue_part(c, n);
        return;
    }
    /* with ensure */
    int d0 = c->depth;
    c->level++;
    int level = c->level;
    if (c->nens >= 64) cc_error(c, n, "too deeply nested ensure");
    int ei = c->nens++;
    c->ens[ei] = (Ens){ .body = n->c, .piece_start = cc_pc(c), .level = level, .depth = d0 };
    uint32_t first_catch = c->code->ncatches;
    if (n->count == 0) {
        cc_expr(c, n->a);
        if (n->b) { E0(c, OP_POP, -1); cc_expr(c, n->b); }
    } else cc_rescue_part(c, n);
    uint32_t piece_start = c->ens[ei].piece_start;
    c->nens = ei;
    c->level--;
    uint32_t end = cc_pc(c);
    cc_stmt(c, n->c);
    uint32_t jafter = cc_jump(c, OP_JUMP);
    uint32_t handler = cc_pc(c);
    c->depth = d0 + 1;
    if (c->depth > c->max_depth) c->max_depth = c->depth;
    cc_stmt(c, n->c);
    E0(c, OP_RETHROW, -1);
    c->depth = d0 + 1;
    cc_here(c, jafter);
    /* patch the pieces split off by inlined exits */
    for (uint32_t i = first_catch; i < c->code->ncatches; i++)
        if (c->code->catches[i].cont == 0xffffffffu - (uint32_t)ei) c->code->catches[i].cont = handler;
    cc_catch(c, CATCH_ENSURE, piece_start, end, handler, d0, level);
}

static void
cc_retry(Comp *c, Node *n)
{
    if (!c->retry) cc_error(c, n, "Invalid retry");
    Retry *rt = c->retry;
    E1(c, OP_GETLOCAL, 1, rt->old_errinfo);
    E0(c, OP_SETERRINFO, -1);
    int d = c->depth;
    if (c->depth > rt->depth) E1(c, OP_POPN, -(c->depth - rt->depth), c->depth - rt->depth);
    E1(c, OP_JUMP, 0, rt->start);
    c->depth = d;
    E0(c, OP_PUTNIL, 1);
}

static void
cc_case(Comp *c, Node *n)
{
    uint32_t *ends = NULL; int nends = 0, cends = 0;
    if (n->a) {
        cc_expr(c, n->a);
        int d = c->depth;
        int nb = 0;
        uint32_t jumps[1024]; int nj = 0; int owner[1024];
        for (int i = 0; i < n->count; i++) {
            Node *w = n->list[i];
            for (int j = 0; j < w->count && nj < 1024; j++) {
                Node *v = w->list[j];
                cc_line(c, v);
                if (v->kind == NODE_SPLAT) { cc_expr(c, v->a); E1(c, OP_SPLATARRAY, 0, 0); E1(c, OP_CHECKMATCH, 0, 1); }
                else if (v->kind == NODE_STR) {         /* CRuby: a when's string literal is one frozen object */
                    E1(c, OP_PUTOBJECT, 1, cc_lit(c, mg_str_freeze(mg_str_new(v->str ? v->str : "", v->len))));
                    E1(c, OP_CHECKMATCH, 0, 0);
                }
                else { cc_expr(c, v); E1(c, OP_CHECKMATCH, 0, 0); }
                owner[nj] = i;
                jumps[nj++] = cc_jump(c, OP_BRANCHIF);
            }
        }
        E0(c, OP_POP, -1);
        cc_expr(c, n->b);
        loop_add(&ends, &nends, &cends, cc_jump(c, OP_JUMP));
        for (int i = 0; i < n->count && nb < 256; i++) {
            c->depth = d;
            for (int j = 0; j < nj; j++) if (owner[j] == i) cc_here(c, jumps[j]);
            E0(c, OP_POP, -1);
            cc_expr(c, n->list[i]->a);
            loop_add(&ends, &nends, &cends, cc_jump(c, OP_JUMP));
            nb++;
        }
        c->depth = d;   /* d-1 popped + 1 result */
    } else {
        int d = c->depth;
        for (int i = 0; i < n->count; i++) {
            Node *w = n->list[i];
            uint32_t js[256]; int nj = 0;
            for (int j = 0; j < w->count && nj < 256; j++) {
                Node *v = w->list[j];
                if (v->kind == NODE_SPLAT) {
                    /* any truthy element */
                    cc_expr(c, v->a); E1(c, OP_SPLATARRAY, 0, 0);
                    E0(c, OP_PUTTRUE, 1); E0(c, OP_SWAP, 0);
                    E1(c, OP_CHECKMATCH, 0, 2);
                    E0(c, OP_SWAP, 0); E0(c, OP_POP, -1);
                } else cc_expr(c, v);
                js[nj++] = cc_jump(c, OP_BRANCHIF);
            }
            uint32_t jn = cc_jump(c, OP_JUMP);
            for (int j = 0; j < nj; j++) cc_here(c, js[j]);
            cc_expr(c, w->a);
            loop_add(&ends, &nends, &cends, cc_jump(c, OP_JUMP));
            c->depth = d;
            cc_here(c, jn);
        }
        cc_expr(c, n->b);
    }
    for (int i = 0; i < nends; i++) cc_here(c, ends[i]);
    free(ends);
}

static void
cc_flip(Comp *c, Node *n, bool three)
{
    /* state lives in the method-level scope */
    Comp *s = c; int depth = 0;
    while (s->parent && sees_parent(s) && !s->eval_outer) { s = s->parent; depth++; }
    int st = local_add(s, 0);
    cc_getlocal_at(c, depth, st);
    uint32_t jon = cc_jump(c, OP_BRANCHIF);
    cc_expr(c, n->a);
    uint32_t jfalse = cc_jump(c, OP_BRANCHUNLESS);
    E0(c, OP_PUTTRUE, 1); cc_setlocal_at(c, depth, st);
    uint32_t jtrue2 = 0;
    if (!three) {
        cc_expr(c, n->b);
        jtrue2 = cc_jump(c, OP_BRANCHUNLESS);
        E0(c, OP_PUTFALSE, 1); cc_setlocal_at(c, depth, st);
    }
    uint32_t jt = cc_jump(c, OP_JUMP);
    cc_here(c, jon);
    cc_expr(c, n->b);
    uint32_t jtrue = cc_jump(c, OP_BRANCHUNLESS);
    E0(c, OP_PUTFALSE, 1); cc_setlocal_at(c, depth, st);
    cc_here(c, jtrue); cc_here(c, jt);
    if (!three) cc_here(c, jtrue2);
    E0(c, OP_PUTTRUE, 1);
    uint32_t jend = cc_jump(c, OP_JUMP);
    c->depth--;
    cc_here(c, jfalse);
    E0(c, OP_PUTFALSE, 1);
    cc_here(c, jend);
}

/* a && b, a || b: each side compiled by side (an expression, or a condition) */
static void
cc_andor(Comp *c, Node *n, void (*side)(Comp *, Node *))
{
    side(c, n->a);
    E0(c, OP_DUP, 1);
    uint32_t j = cc_jump(c, n->kind == NODE_AND ? OP_BRANCHUNLESS : OP_BRANCHIF);
    E0(c, OP_POP, -1);
    side(c, n->b);
    cc_here(c, j);
}

/* A condition: as an expression, except that a regexp literal matches $_
 * (`print if /x/` under -n), also under and/or/not, and a range of
 * conditions is a flip-flop. */
static void
cc_cond(Comp *c, Node *n)
{
    if (n && n->kind == NODE_FLIP2) { cc_flip(c, n, false); return; }
    if (n && n->kind == NODE_FLIP3) { cc_flip(c, n, true); return; }
    if (n && (n->kind == NODE_REGEX || n->kind == NODE_DREGEX)) {
        cc_expr(c, n);
        E1(c, OP_GETGVAR, 1, mg_intern_cstr("$_"));
        cc_send(c, mg_intern_cstr("=~"), 1, 0, -1);
        return;
    }
    if (n && (n->kind == NODE_AND || n->kind == NODE_OR)) { cc_andor(c, n, cc_cond); return; }
    if (n && n->kind == NODE_NOT) {
        cc_cond(c, n->a);
        E1(c, OP_OPT_NOT, 0, cc_ci(c, mg_id_not, 0, 0, -1));
        return;
    }
    cc_expr(c, n);
}

/* ------------------------------------------------------------------ */
/* literals                                                             */

/* A string literal's encoding in a source of mg_compile_source_enc, as
 * CRuby's: in a binary source ASCII-8BIT, or UTF-8 when a \u escape made
 * some of it; in a us-ascii one US-ASCII for ASCII text, UTF-8 for text a
 * \u escape made, ASCII-8BIT for bytes other escapes made (\x, octal, \M-)
 * even when they spell UTF-8. \u escapes and such bytes in one literal are
 * the error CRuby reports. */
static Encoding
literal_enc(Comp *c, Node *n, Value utf8)
{
    bool u = (n->flags & NF_STR_ESC_U) != 0, high = (n->flags & NF_STR_ESC_HIGH) != 0;
    bool binary = mg_compile_source_enc == ENC_BINARY;
    if (u && high) cc_error(c, n, binary ? "UTF-8 mixed within ASCII-8BIT source" : "UTF-8 mixed within US-ASCII source");
    if (u) return ENC_UTF8;
    if (binary || high) return ENC_BINARY;
    int cr = mg_str_coderange(utf8);
    return cr == CR_7BIT ? ENC_US_ASCII : cr == CR_VALID ? ENC_UTF8 : ENC_BINARY;
}

static Value
lit_str(Comp *c, Node *n)
{
    const char *p = n->str ? n->str : "";
    Value s = mg_str_new(p, n->len);
    if (mg_compile_source_enc >= 0 && n->kind != NODE_REGEX) {
        Encoding enc = literal_enc(c, n, s);
        if (enc != ENC_UTF8) s = mg_str_new_enc(p, n->len, enc);
    }
    mg_str_freeze(s);
    return s;
}

/* CONCATSTR's operand: the count of parts, and above it where the result
 * starts (vm.c): in a binary or us-ascii source as an empty String of that
 * encoding, which the parts then append to (CRuby's "#{1}" is US-ASCII there). */
static uint32_t
concat_operand(int count)
{
    uint32_t start = mg_compile_source_enc == ENC_BINARY ? MG_CONCAT_BINARY
                   : mg_compile_source_enc == ENC_US_ASCII ? MG_CONCAT_US_ASCII : 0;
    return (uint32_t)count | start;
}

static void
cc_dstr_parts(Comp *c, Node *n)
{
    for (int i = 0; i < n->count; i++) {
        Node *p = n->list[i];
        if (p->kind == NODE_STR) E1(c, OP_PUTOBJECT, 1, cc_lit(c, lit_str(c, p)));
        else if (p->kind == NODE_DSTR) { cc_dstr_parts(c, p); E1(c, OP_CONCATSTR, -(p->count) + 1, concat_operand(p->count)); }
        else { cc_expr(c, p); E0(c, OP_TOSTRING, 0); }
    }
}

static void
cc_dstr(Comp *c, Node *n)
{
    cc_dstr_parts(c, n);
    E1(c, OP_CONCATSTR, -(n->count) + 1, concat_operand(n->count));
}

static void
cc_array(Comp *c, Node *n)
{
    bool splat = false;
    for (int i = 0; i < n->count; i++) if (n->list[i]->kind == NODE_SPLAT) splat = true;
    if (!splat) {
        for (int i = 0; i < n->count; i++) cc_expr(c, n->list[i]);
        E1(c, OP_NEWARRAY, -(n->count) + 1, n->count);
        return;
    }
    int lead = 0;
    while (lead < n->count && n->list[lead]->kind != NODE_SPLAT) cc_expr(c, n->list[lead++]);
    E1(c, OP_NEWARRAY, -lead + 1, lead);
    for (int i = lead; i < n->count; i++) {
        Node *e = n->list[i];
        if (e->kind == NODE_SPLAT) { cc_expr(c, e->a); E0(c, OP_CONCATARRAY, -1); }
        else { cc_expr(c, e); E0(c, OP_ARYPUSH, -1); }
    }
}

void cc_hash_lit(Comp *c, Node *n);
void
cc_hash_lit(Comp *c, Node *n)
{
    int pending = 0;
    bool have = false;
    for (int i = 0; i < n->count; i++) {
        Node *e = n->list[i];
        if (e->kind == NODE_DSPLAT) {
            if (!have) { E1(c, OP_NEWHASH, -pending + 1, pending); have = true; }
            else if (pending) { E1(c, OP_NEWHASH, -pending + 1, pending); E0(c, OP_HASHMERGE, -1); }
            pending = 0;
            if (e->a) cc_expr(c, e->a); else cc_getvar(c, mg_intern_cstr("**"));
            E0(c, OP_HASHMERGE, -1);
            continue;
        }
        cc_expr(c, e->a);
        if (e->b) cc_expr(c, e->b);
        else {
            /* value omission: x: means x (local or method) */
            ID id = e->a->kind == NODE_SYM ? e->a->sym : 0;
            int depth;
            if (id && cc_local_find(c, id, &depth) >= 0) cc_getvar(c, id);
            else if (id) { E0(c, OP_PUTSELF, 1); cc_send(c, id, 0, CI_FCALL | CI_VCALL, -1); }
            else E0(c, OP_PUTNIL, 1);
        }
        pending += 2;
    }
    if (!have) { E1(c, OP_NEWHASH, -pending + 1, pending); return; }
    if (pending) { E1(c, OP_NEWHASH, -pending + 1, pending); E0(c, OP_HASHMERGE, -1); }
}

/* ------------------------------------------------------------------ */
/* definitions                                                          */

static void
cc_cpath(Comp *c, Node *p)
{
    /* pushes the namespace: nil = lexical */
    if (p->kind == NODE_COLON2 && p->a) cc_expr(c, p->a);
    else if (p->kind == NODE_COLON3 || (p->kind == NODE_COLON2 && !p->a)) E1(c, OP_PUTOBJECT, 1, cc_lit(c, MG_VAL(mg_cObject)));
    else E0(c, OP_PUTNIL, 1);
}

static Value
class_label(const char *kind, ID name)
{
    return mg_sprintf("<%s:%s>", kind, mg_id_name(name, NULL));
}

/* ------------------------------------------------------------------ */
/* expressions                                                          */

static void cc_cov_line(Comp *c, Node *n, bool unused);

void
cc_stmt(Comp *c, Node *n)
{
    if (!n) return;
    switch (n->kind) {
    case NODE_LASGN: case NODE_IASGN: case NODE_GASGN:
        if (n->a) {
            cc_line(c, n);
            if (n->kind == NODE_LASGN) cc_local_predeclare(c, n->sym);
            cc_expr(c, n->a);
            if (n->kind == NODE_LASGN) cc_setvar(c, n->sym);
            else if (n->kind == NODE_IASGN) E2(c, OP_SETIVAR, -1, n->sym, cc_ivc(c));
            else E1(c, OP_SETGVAR, -1, n->sym);
            return;
        }
        break;
    case NODE_MASGN:
        cc_line(c, n);
        cc_masgn(c, n, false);
        return;
    case NODE_SEQ:
        for (int i = 0; i < n->count; i++) { cc_cov_line(c, n->list[i], true); cc_stmt(c, n->list[i]); }
        return;
    case NODE_NIL: case NODE_SELF: case NODE_TRUE: case NODE_FALSE: case NODE_LVAR:
        return;
    default: break;
    }
    cc_expr(c, n);
    E0(c, OP_POP, -1);
}

void
cc_body(Comp *c, Node *n)
{
    cc_expr(c, n);
}

/* ---- line coverage ----
 * As CRuby counts lines: a statement starts a line event, except one that
 * compiles to nothing (a literal or variable whose value is unused) and a
 * begin/end block (its statements count); statements sharing a line within one
 * code object count once. The line's entry in the counts Array becomes 0 (a
 * line that can run) at compile time; OP_COVLINE adds one each time it runs. */
Value (*mg_compile_coverage_hook)(const char *file, int nlines);
Value (*mg_compile_coverage_method_hook)(Value rec, Value code, ID name, int sl, int sc, int el, int ec);

/* a covered def's entry and its OP_COVMETHOD, at the start of the method's code m */
static void
cc_cov_method(Comp *c, Comp *m, Node *n, ID name)
{
    if (c->cov == MG_NIL || !mg_compile_coverage_method_hook || !mg_compile_src) return;
    size_t off = (size_t)n->ival, end = off + n->len;
    if (end > mg_compile_src_len || end <= off) return;
    int el = n->line;
    const char *lbeg = NULL;
    for (const char *p = mg_compile_src + off; p < mg_compile_src + end; p++)
        if (*p == '\n') { el++; lbeg = p + 1; }
    int ec = lbeg ? (int)(mg_compile_src + end - lbeg) : n->col + (int)n->len;
    Value entry = mg_compile_coverage_method_hook(c->cov, m->code_obj, name, n->line, n->col, el, ec);
    if (entry != MG_NIL) E1(m, OP_COVMETHOD, 0, cc_lit(m, entry));
}

static bool
no_code_when_unused(const Node *n)
{
    switch (n->kind) {
    case NODE_NIL: case NODE_TRUE: case NODE_FALSE: case NODE_SELF: case NODE_LVAR:
    case NODE_INT: case NODE_FLOAT: case NODE_SYM: case NODE_STR: case NODE_IVAR: case NODE_GVAR:
        return true;
    }
    return false;
}

static void
cc_cov_line(Comp *c, Node *n, bool unused)
{
    if (c->cov == MG_NIL || !n || n->line <= 0 || n->line == c->cov_line) return;
    if (n->kind == NODE_BEGIN || n->kind == NODE_SEQ || (unused && no_code_when_unused(n))) return;
    Value counts = mg_ary_entry(c->cov, 0);
    if (n->line > mg_ary_len(counts)) return;
    c->cov_line = n->line;
    if (mg_ary_entry(counts, n->line - 1) == MG_NIL) mg_ary_store(counts, n->line - 1, MG_FIX(0));
    E2(c, OP_COVLINE, 0, cc_lit(c, c->cov), n->line - 1);
}

static void
cc_seq(Comp *c, Node *n)
{
    if (n->count == 0) { E0(c, OP_PUTNIL, 1); return; }
    for (int i = 0; i < n->count - 1; i++) { cc_line(c, n->list[i]); cc_cov_line(c, n->list[i], true); cc_stmt(c, n->list[i]); }
    cc_line(c, n->list[n->count - 1]);
    cc_cov_line(c, n->list[n->count - 1], false);
    cc_expr(c, n->list[n->count - 1]);
}

void
cc_expr(Comp *c, Node *n)
{
    mg_vm_stack_check_c();     /* a tree nested 100,000 deep ("1+1+1..."): SystemStackError, as CRuby */
    if (!n) { E0(c, OP_PUTNIL, 1); return; }
    switch (n->kind) {
    case NODE_NIL: E0(c, OP_PUTNIL, 1); return;
    case NODE_TRUE: E0(c, OP_PUTTRUE, 1); return;
    case NODE_FALSE: E0(c, OP_PUTFALSE, 1); return;
    case NODE_SELF: E0(c, OP_PUTSELF, 1); return;
    case NODE_INT:
        if (MG_FIXABLE(n->ival)) E1(c, OP_PUTOBJECT, 1, cc_lit(c, MG_FIX(n->ival)));
        else E1(c, OP_PUTOBJECT, 1, cc_lit(c, mg_int_new(n->ival)));
        return;
    case NODE_BIGNUM: {
        const char *s = n->str ? n->str : "0";
        E1(c, OP_PUTOBJECT, 1, cc_lit(c, mg_int_from_str(s, 10)));
        return;
    }
    case NODE_FLOAT: E1(c, OP_PUTOBJECT, 1, cc_lit(c, mg_float_new(n->fval))); return;
    case NODE_RATIONAL: {
        Node *a = n->a;
        E0(c, OP_PUTSELF, 1);
        if (a && a->kind == NODE_FLOAT) {
            char buf[64]; snprintf(buf, sizeof buf, "%.17g", a->fval);
            E1(c, OP_PUTSTRING, 1, cc_lit(c, mg_str_freeze(mg_str_new_cstr(a->str ? a->str : buf))));
            cc_send(c, mg_intern_cstr("Rational"), 1, CI_FCALL, -1);
        } else {
            cc_expr(c, a);
            E1(c, OP_PUTOBJECT, 1, cc_lit(c, MG_FIX(1)));
            cc_send(c, mg_intern_cstr("Rational"), 2, CI_FCALL, -1);
        }
        return;
    }
    case NODE_IMAGINARY:
        E0(c, OP_PUTSELF, 1);
        E1(c, OP_PUTOBJECT, 1, cc_lit(c, MG_FIX(0)));
        cc_expr(c, n->a);
        cc_send(c, mg_intern_cstr("Complex"), 2, CI_FCALL, -1);
        return;
    case NODE_STR:
        if (mg_compile_frozen_strings) E1(c, OP_PUTOBJECT, 1, cc_lit(c, lit_str(c, n)));
        else E1(c, OP_PUTSTRING, 1, cc_lit(c, lit_str(c, n)));
        return;
    case NODE_DSTR: cc_dstr(c, n); return;
    case NODE_XSTR:
        E0(c, OP_PUTSELF, 1);
        E1(c, OP_PUTSTRING, 1, cc_lit(c, lit_str(c, n)));
        cc_send(c, mg_intern_cstr("`"), 1, CI_FCALL, -1);
        return;
    case NODE_DXSTR:
        E0(c, OP_PUTSELF, 1);
        cc_dstr(c, n);
        cc_send(c, mg_intern_cstr("`"), 1, CI_FCALL, -1);
        return;
    case NODE_SYM: E1(c, OP_PUTOBJECT, 1, cc_lit(c, MG_SYM(n->sym))); return;
    case NODE_DSYM: cc_dstr(c, n); E0(c, OP_INTERN, 0); return;
    case NODE_REGEX: {
        Value src = lit_str(c, n);
        Value err = mg_vm_regex_literal_error(src, (int)n->flags);
        if (err != MG_NIL) cc_error(c, n, mg_str_cstr(err));   /* CRuby rejects the program */
        E2(c, OP_PUTREGEX, 1, cc_lit(c, src), n->flags);
        return;
    }
    case NODE_DREGEX:
        cc_dstr_parts(c, n);
        E2(c, OP_NEWREGEX, -(n->count) + 1, n->count, n->flags);
        return;
    case NODE_ARRAY: cc_array(c, n); return;
    case NODE_HASH: cc_hash_lit(c, n); return;
    case NODE_RANGE:
        cc_expr(c, n->a); cc_expr(c, n->b);
        E1(c, OP_NEWRANGE, -1, (n->flags & NF_EXCLUSIVE) ? 1 : 0);
        return;
    case NODE_ENCODING:
        E1(c, OP_GETCONSTTOP, 1, mg_intern_cstr("Encoding"));
        E1(c, OP_GETCONSTFROM, 0, mg_intern_cstr(mg_compile_source_enc == ENC_BINARY ? "BINARY"
                                                 : mg_compile_source_enc == ENC_US_ASCII ? "US_ASCII" : "UTF_8"));
        return;
    case NODE_LVAR: cc_getvar(c, n->sym); return;
    case NODE_IVAR: E2(c, OP_GETIVAR, 1, n->sym, cc_ivc(c)); return;
    case NODE_GVAR: E1(c, OP_GETGVAR, 1, n->sym); return;
    case NODE_CVAR: E1(c, OP_GETCVAR, 1, n->sym); return;
    case NODE_NTH_REF: E1(c, OP_NTHREF, 1, n->ival); return;
    case NODE_BACK_REF: E1(c, OP_BACKREF, 1, n->ival); return;
    case NODE_CONST: E2(c, OP_GETCONST, 1, n->sym, cc_cc(c)); return;
    case NODE_COLON2:
        if (n->flags & NF_CALL) { cc_expr(c, n->a); cc_send(c, n->sym, 0, 0, -1); return; }
        if (!n->a) { E1(c, OP_GETCONSTTOP, 1, n->sym); return; }
        cc_expr(c, n->a);
        E1(c, OP_GETCONSTFROM, 0, n->sym);
        return;
    case NODE_COLON3: E1(c, OP_GETCONSTTOP, 1, n->sym); return;
    case NODE_LASGN:
        cc_local_predeclare(c, n->sym);
        cc_expr(c, n->a); E0(c, OP_DUP, 1); cc_setvar(c, n->sym); return;
    case NODE_IASGN:
        cc_expr(c, n->a); E0(c, OP_DUP, 1); E2(c, OP_SETIVAR, -1, n->sym, cc_ivc(c)); return;
    case NODE_GASGN:
        cc_expr(c, n->a); E0(c, OP_DUP, 1); E1(c, OP_SETGVAR, -1, n->sym); return;
    case NODE_CVASGN:
        cc_expr(c, n->a); E0(c, OP_DUP, 1); E1(c, OP_SETCVAR, -1, n->sym); return;
    case NODE_CDECL: {
        Node *t = n->a;
        if (c->kind == CODE_METHOD || (cc_method_scope(c) && c->kind == CODE_BLOCK))
            cc_error(c, n, "dynamic constant assignment");
        if (t->kind == NODE_CONST) {
            cc_expr(c, n->b); E0(c, OP_DUP, 1); E1(c, OP_SETCONST, -1, t->sym);
        } else {
            cc_cpath(c, t);
            cc_expr(c, n->b);
            E0(c, OP_DUP, 1); E0(c, OP_ROT3, 0);
            E1(c, OP_SETCONSTFROM, -2, t->sym);
        }
        return;
    }
    case NODE_OP_ASGN: cc_op_asgn(c, n); return;
    case NODE_MASGN: cc_masgn(c, n, true); return;
    case NODE_CALL: cc_line(c, n); cc_call(c, n); return;
    case NODE_SUPER: cc_super(c, n, false); return;
    case NODE_ZSUPER: cc_super(c, n, true); return;
    case NODE_YIELD: cc_yield(c, n); return;
    case NODE_LAMBDA: {
        Value code = cc_block_code(c, n, true, NULL);
        E1(c, OP_MAKELAMBDA, 1, cc_lit(c, code));
        return;
    }
    case NODE_BLOCK_PASS: cc_expr(c, n->a); return;
    case NODE_SPLAT:
        if (n->a) cc_expr(c, n->a); else cc_getvar(c, mg_intern_cstr("*"));
        E1(c, OP_SPLATARRAY, 0, 1);
        return;
    case NODE_DSPLAT: cc_expr(c, n->a); return;
    case NODE_SEQ: cc_seq(c, n); return;
    case NODE_IF: {
        cc_cond(c, n->a);
        uint32_t jelse = cc_jump(c, OP_BRANCHUNLESS);
        int d = c->depth;
        cc_expr(c, n->b);
        uint32_t jend = cc_jump(c, OP_JUMP);
        c->depth = d;
        cc_here(c, jelse);
        if (n->c && (n->c->flags & NF_ELSIF)) cc_cov_line(c, n->c, false);
        cc_expr(c, n->c);
        cc_here(c, jend);
        return;
    }
    case NODE_WHILE: cc_while(c, n, false); return;
    case NODE_UNTIL: cc_while(c, n, true); return;
    case NODE_FOR: {
        cc_expr(c, n->b);
        Value code = cc_block_code(c, n, false, n->a);
        int32_t lit = (int32_t)cc_lit(c, code);
        cc_send(c, mg_id_each, 0, 0, lit);
        return;
    }
    case NODE_CASE: cc_case(c, n); return;
    case NODE_CASE_IN: cc_case_in(c, n); return;
    case NODE_AND: case NODE_OR: cc_andor(c, n, cc_expr); return;
    case NODE_NOT:
        cc_expr(c, n->a);
        E1(c, OP_OPT_NOT, 0, cc_ci(c, mg_id_not, 0, 0, -1));
        return;
    case NODE_DEFINED: cc_defined(c, n->a); return;
    case NODE_BEGIN: cc_begin(c, n); return;
    case NODE_RETURN: cc_return(c, n); return;
    case NODE_BREAK: cc_break(c, n); return;
    case NODE_NEXT: cc_next(c, n); return;
    case NODE_REDO: cc_redo(c, n); return;
    case NODE_RETRY: cc_retry(c, n); return;
    case NODE_FLIP2: cc_flip(c, n, false); return;
    case NODE_FLIP3: cc_flip(c, n, true); return;
    case NODE_MATCH_ASGN: {
        cc_expr(c, n->a);
        cc_expr(c, n->b);
        cc_send(c, mg_id_match, 1, 0, -1);
        ID md = mg_intern_cstr("$~");
        for (int i = 0; i < n->count; i++) {
            ID name = n->list[i]->sym;
            E1(c, OP_GETGVAR, 1, md);
            E0(c, OP_DUP, 1);
            uint32_t jnil = cc_jump(c, OP_BRANCHNIL);
            E1(c, OP_PUTOBJECT, 1, cc_lit(c, MG_SYM(name)));
            cc_send(c, mg_id_aref, 1, 0, -1);
            uint32_t jset = cc_jump(c, OP_JUMP);
            cc_here(c, jnil);
            cc_here(c, jset);
            cc_setvar(c, name);
            cc_local_declare(c, name);
        }
        return;
    }
    case NODE_DEF: {
        Value code = method_code(c, n, n->sym);
        E1(c, OP_DEFMETHOD, 1, cc_lit(c, code));
        return;
    }
    case NODE_DEFS: {
        cc_expr(c, n->c);
        Value code = method_code(c, n, n->sym);
        E1(c, OP_DEFSMETHOD, 0, cc_lit(c, code));
        return;
    }
    case NODE_CLASS: {
        Node *p = n->a;
        cc_cpath(c, p);
        if (n->b) cc_expr(c, n->b); else E0(c, OP_PUTNIL, 1);
        Value code = body_code(c, n->c, class_label("class", p->sym), n->line);
        E3(c, OP_DEFCLASS, -1, p->sym, cc_lit(c, code), n->b ? 1 : 0);
        return;
    }
    case NODE_MODULE: {
        Node *p = n->a;
        cc_cpath(c, p);
        Value code = body_code(c, n->c, class_label("module", p->sym), n->line);
        E2(c, OP_DEFMODULE, 0, p->sym, cc_lit(c, code));
        return;
    }
    case NODE_SCLASS: {
        cc_expr(c, n->a);
        Value code = body_code(c, n->c, mg_str_new_cstr("singleton class"), n->line);
        E1(c, OP_DEFSCLASS, 0, cc_lit(c, code));
        return;
    }
    case NODE_ALIAS:
        cc_expr(c, n->a); cc_expr(c, n->b);
        E0(c, OP_ALIAS, -1);
        return;
    case NODE_VALIAS:
        E2(c, OP_VALIAS, 1, n->a->sym, n->b->sym);
        return;
    case NODE_UNDEF:
        for (int i = 0; i < n->count; i++) {
            cc_expr(c, n->list[i]);
            E0(c, OP_UNDEF, 0);
            if (i < n->count - 1) E0(c, OP_POP, -1);
        }
        if (n->count == 0) E0(c, OP_PUTNIL, 1);
        return;
    case NODE_PREEXE:
        E0(c, OP_PUTNIL, 1);     /* hoisted by mg_compile */
        return;
    case NODE_POSTEXE: {
        Node fake = *n;
        fake.kind = NODE_BLOCK; fake.a = NULL; fake.b = n->a; fake.ival = 0;
        Value code = cc_block_code(c, &fake, false, NULL);
        E1(c, OP_POSTEXE, 1, cc_lit(c, code));
        return;
    }
    case NODE_PAT_MATCH: cc_pat_match(c, n); return;
    case NODE_PAIR: cc_expr(c, n->a); return;
    default:
        cc_error(c, n, "unsupported syntax");
    }
}

/* ------------------------------------------------------------------ */
/* entry point                                                          */

static void
hoist_preexe(Comp *c, Node *n)
{
    if (!n) return;
    if (n->kind == NODE_PREEXE) { cc_stmt(c, n->a); return; }
    if (n->kind == NODE_SEQ) for (int i = 0; i < n->count; i++) hoist_preexe(c, n->list[i]);
}

/* Builds synthetic outer scopes from an Env chain (eval). */
static Comp *
outer_scopes(Value env, const char *file)
{
    if (env == MG_NIL) return NULL;
    Env *e = mg_env_ptr(env);
    Comp *parent = outer_scopes(e->parent, file);
    Comp *s = calloc(1, sizeof *s);
    s->parent = parent;
    s->kind = CODE_BLOCK;
    s->eval_outer = true;
    s->env_mode = true;
    s->file = file;
    s->code_obj = mg_code_new();
    s->code = mg_code_ptr(s->code_obj);
    s->code->label = e->code ? e->code->label : MG_NIL;
    for (uint32_t i = 0; i < e->count; i++) {
        ID id = (e->code && i < e->code->nlocals) ? e->code->local_names[i] : 0;
        local_add(s, id);
    }
    mg_gc_protect(s->code_obj);
    return s;
}

Value
mg_compile(const void *rootp, const char *file, int kind, Value outer_env, ID method_name)
{
    Node *root = (Node *)rootp;
    Comp top;
    Value label;
    if (kind == CODE_REQUIRED) label = mg_str_new_cstr("<top (required)>");
    else if (kind == CODE_EVAL) {
        const char *base = "<main>";
        if (method_name) base = mg_id_name(method_name, NULL);
        label = mg_str_new_cstr(base);
    }
    else label = mg_str_new_cstr("<main>");
    Comp *outer = (kind == CODE_EVAL) ? outer_scopes(outer_env, file) : NULL;
    comp_init(&top, outer, kind, file, label);
    top.code->line = root ? root->line : 1;
    top.code->parent = MG_NIL;
    if (mg_compile_coverage_hook && (kind == CODE_REQUIRED || kind == CODE_TOP) && mg_compile_src) {
        /* the file's lines, up to and including an __END__ line */
        int nlines = 0;
        const char *p = mg_compile_src, *e = mg_compile_src + mg_compile_src_len;
        while (p < e) {
            const char *nl = memchr(p, '\n', (size_t)(e - p));
            const char *end = nl ? nl : e;
            nlines++;
            if (end - p == 7 && !memcmp(p, "__END__", 7)) break;
            p = nl ? nl + 1 : e;
        }
        top.cov = mg_compile_coverage_hook(file, nlines);
    }
    top.env_mode = true;       /* top-level and eval scopes always keep their locals in an Env */
    top.method_name = method_name;
    if (kind == CODE_EVAL && outer) {
        /* label "block in" semantics are not used for eval; keep the method's name */
        top.block_level = 0;
    }
    hoist_preexe(&top, root);
    cc_body(&top, root);
    E0(&top, OP_LEAVE, -1);
    comp_finish(&top);
    for (Comp *s = outer; s; ) { Comp *p = s->parent; free(s); s = p; }
    return top.code_obj;
}

/* A persistent proc's code (store/closure.c): root is a one-statement unit,
 * `proc { ... }` / `proc do ... end` / `-> { }`, whose block is compiled as
 * if it appeared where the Env chain outer_env (not nil) was live: its outer
 * variables resolve to those Envs' slots. Another shape: nil. */
Value
mg_compile_block(const void *rootp, const char *file, Value outer_env)
{
    Node *n = (Node *)rootp;
    while (n && n->kind == NODE_SEQ && n->count == 1) n = n->list[0];
    bool lambda = n && n->kind == NODE_LAMBDA;
    Node *blk = lambda ? n : (n && n->kind == NODE_CALL && !n->a && n->count == 0) ? n->b : NULL;
    if (!blk || (!lambda && blk->kind != NODE_BLOCK) || outer_env == MG_NIL) return MG_NIL;
    Comp *outer = outer_scopes(outer_env, file);     /* the innermost scope; parents outward */
    Value code = cc_block_code(outer, blk, lambda, NULL);
    for (Comp *s = outer; s; ) { Comp *p = s->parent; free(s); s = p; }
    return code;
}
