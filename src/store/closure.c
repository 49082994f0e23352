/* closure.c -- persistent Procs and the Envs they capture (issue "the
 * repository": "Procs and lambdas reachable from the root persist with their
 * code, captured variables and self").
 *
 * A Proc record holds its literal's source text, not bytecode (DESIGN.md 5:
 * code is recompiled from source): the block's span as the parser kept it,
 * prefixed with `proc ` unless it is a `->` literal, with its file, line and
 * label, its self, its Env, the classes of its lexical scope (constant lookup)
 * and the class `def` defines into. Decoding compiles that source as a block
 * whose enclosing scopes are the Env chain (mg_compile_block), so its outer
 * variables resolve to the same Env slots. A decoded Proc has no home frame:
 * `return` in it raises LocalJumpError, as in a proc whose method returned.
 * Symbol procs (`&:name`) persist as their name. Method procs and C procs do
 * not persist.
 *
 * An Env record holds its local names, values and parent Env. The VM stores
 * locals without a write barrier, so txn.c finds changed Envs by comparing
 * their encoding at commit (mg_store_env_changed). An Env whose frame still
 * runs is that frame's locals: it is never emptied (abort and other commits
 * leave locals alone, as they leave any local variable alone). */
#include "store.h"
#include "../core/core.h"
#include "../vm/vm_int.h"

/* ---- Env ---- */

static void
env_encode(const void *p, MgBuf *b)
{
    const Env *e = p;
    mg_rec_put_u32(b, e->count);
    for (uint32_t i = 0; i < e->count; i++) {
        ID id = (e->code && i < e->code->nlocals) ? e->code->local_names[i] : 0;
        size_t len = 0;
        const char *name = id ? mg_id_name(id, &len) : "";
        mg_rec_put_u32(b, (uint32_t)len);
        mg_rec_put_bytes(b, name, len);
    }
    mg_rec_put_ref(b, e->parent);
    for (uint32_t i = 0; i < e->count; i++) mg_rec_put_ref(b, e->vals[i]);
}

static uint32_t
env_record_size(MgRd *r)
{
    uint32_t count = mg_rec_get_u32(r);
    if (count > (1u << 20)) return UINT32_MAX;
    return (uint32_t)(sizeof(Env) + sizeof(Value) * count);
}

static uint32_t
env_size_of(const void *p)
{
    return (uint32_t)(sizeof(Env) + sizeof(Value) * ((const Env *)p)->count);
}

static void
env_decode(void *p, bool in_slot, MgRd *r)
{
    Env *e = p;
    uint32_t count = mg_rec_get_u32(r);
    Value code = mg_code_new();
    Code *c = mg_code_ptr(code);
    c->local_names = calloc(count ? count : 1, sizeof(ID));
    if (!c->local_names) { mg_rec_fail(r, "out of memory"); return; }
    c->nlocals = count;
    c->label = mg_str_new_cstr("<persistent>");
    for (uint32_t i = 0; i < count && !mg_rec_failed(r); i++) {
        uint32_t len = mg_rec_get_u32(r);
        const char *name = mg_rec_get_bytes(r, len);
        if (name && len) c->local_names[i] = mg_intern(name, len);
    }
    e->heap = !in_slot;
    e->frame = NULL;
    e->code = c;
    e->code_obj = code;
    e->count = count;
    e->parent = mg_rec_get_ref(r);
    for (uint32_t i = 0; i < count; i++) e->vals[i] = mg_rec_failed(r) ? MG_NIL : mg_rec_get_ref(r);
    if (!mg_rec_failed(r) && e->parent != MG_NIL && !mg_data_get(e->parent, &mg_env_type))
        mg_rec_fail(r, "env record's parent is not an env");
}

const Value *
mg_env_values(Value env, uint32_t *count)
{
    const Env *e = mg_data_get(env, &mg_env_type);
    *count = e ? e->count : 0;
    return e ? e->vals : NULL;
}

Value
mg_closure_edge_label(Value parent, Value child)
{
    const Env *e = mg_data_get(parent, &mg_env_type);
    if (e) {
        for (uint32_t i = 0; i < e->count; i++) {
            ID id = (e->code && i < e->code->nlocals) ? e->code->local_names[i] : 0;
            if (e->vals[i] == child && id) return mg_sprintf(".local_variable_get(:%s)", mg_id_name(id, NULL));
        }
        return e->parent == child ? mg_str_new_cstr("") : MG_NIL;
    }
    const Proc *pr = mg_data_get(parent, &mg_proc_type);
    if (pr && pr->env == child) return mg_str_new_cstr(".binding");
    if (pr && pr->self == child) return mg_str_new_cstr(".binding.receiver");
    return MG_NIL;
}

static void
env_each_ref(const void *p, void (*fn)(Value, void *), void *arg)
{
    const Env *e = p;
    fn(e->parent, arg);
    for (uint32_t i = 0; i < e->count; i++) fn(e->vals[i], arg);
}

static bool
env_keep(const void *p)
{
    return ((const Env *)p)->frame != NULL;
}

const MgDataPersist mg_env_persist = {
    .tag = "Env", .size_of = env_size_of, .record_size = env_record_size,
    .encode = env_encode, .decode = env_decode, .each_ref = env_each_ref, .keep = env_keep,
};

/* ---- Proc ---- */

enum { PP_LAMBDA = 1, PP_SYM = 2 };

static const char *
proc_refuse(const void *p)
{
    const Proc *pr = p;
    if (pr->flags & PROC_SYM) return NULL;
    if (pr->flags & (PROC_CFUNC | PROC_METHOD | PROC_CURRY | PROC_FROMLAMBDA_OP) || pr->code == MG_NIL)
        return "procs made from methods or C functions cannot be persisted";
    Code *c = mg_code_ptr(pr->code);
    if (c->source == MG_NIL || !c->src_len) return "the proc's source text was not kept";
    return NULL;
}

static void
put_str(MgBuf *b, const char *s, size_t n)
{
    mg_rec_put_u32(b, (uint32_t)n);
    mg_rec_put_bytes(b, s, n);
}

static void
proc_encode(const void *p, MgBuf *b)
{
    const Proc *pr = p;
    if (pr->flags & PROC_SYM) {
        size_t len;
        const char *name = mg_id_name(pr->sym, &len);
        mg_rec_put_u32(b, PP_SYM | ((pr->flags & PROC_LAMBDA) ? PP_LAMBDA : 0));
        put_str(b, name, len);
        return;
    }
    Code *c = mg_code_ptr(pr->code);
    mg_rec_put_u32(b, (pr->flags & PROC_LAMBDA) ? PP_LAMBDA : 0);
    mg_rec_put_ref(b, pr->self);
    mg_rec_put_ref(b, pr->env);
    const char *src = mg_str_ptr(c->source) + c->src_off;
    bool arrow = c->is_lambda_body;
    mg_rec_put_u32(b, (uint32_t)(c->src_len + (arrow ? 0 : 5)));
    if (!arrow) mg_rec_put_bytes(b, "proc ", 5);
    mg_rec_put_bytes(b, src, c->src_len);
    Value file = c->file != MG_NIL ? c->file : mg_str_new_cstr("(proc)");
    put_str(b, mg_str_ptr(file), (size_t)mg_str_len(file));
    mg_rec_put_u32(b, (uint32_t)c->line);
    Value label = c->label != MG_NIL ? c->label : mg_str_new_cstr("block");
    put_str(b, mg_str_ptr(label), (size_t)mg_str_len(label));
    uint32_t n = 0;
    for (Value cr = pr->cref; cr != MG_NIL; cr = mg_cref_ptr(cr)->next) n++;
    mg_rec_put_u32(b, n);
    for (Value cr = pr->cref; cr != MG_NIL; cr = mg_cref_ptr(cr)->next)
        mg_rec_put_ref(b, MG_VAL(mg_cref_ptr(cr)->klass));
    mg_rec_put_ref(b, pr->def_target);
}

static Value
get_str(MgRd *r)
{
    uint32_t len = mg_rec_get_u32(r);
    const char *s = mg_rec_get_bytes(r, len);
    return s ? mg_str_new(s, len) : MG_NIL;
}

static void
proc_decode(void *p, bool in_slot, MgRd *r)
{
    UNUSED(in_slot);
    Proc *pr = p;
    uint32_t flags = mg_rec_get_u32(r);
    pr->code = pr->env = pr->self = pr->cref = pr->block = pr->def_target = pr->me_owner = pr->data = MG_NIL;
    pr->me = NULL;
    pr->fn = NULL;
    pr->home_depth = -1;
    pr->flags = (flags & PP_LAMBDA) ? PROC_LAMBDA : 0;
    if (flags & PP_SYM) {
        Value name = get_str(r);
        if (name == MG_NIL) return;
        Proc *made = mg_proc_ptr(mg_sym_to_proc(mg_intern(mg_str_ptr(name), (size_t)mg_str_len(name))));
        *pr = *made;
        return;
    }
    pr->self = mg_rec_get_ref(r);
    pr->env = mg_rec_get_ref(r);
    Value src = get_str(r);
    Value file = get_str(r);
    int line = (int)mg_rec_get_u32(r);
    Value label = get_str(r);
    uint32_t n = mg_rec_get_u32(r);
    if (mg_rec_failed(r)) return;
    if (n > mg_rec_left(r)) { mg_rec_fail(r, "proc record is truncated"); return; }   /* each ref >= 1 byte */
    Value *classes = calloc(n ? n : 1, sizeof(Value));
    if (!classes) { mg_rec_fail(r, "out of memory"); return; }
    for (uint32_t i = 0; i < n && !mg_rec_failed(r); i++) {
        classes[i] = mg_rec_get_ref(r);
        if (!mg_rec_failed(r) && !MG_IS_CLASS_OR_MODULE(classes[i])) mg_rec_fail(r, "proc record's scope is not a class");
    }
    pr->def_target = mg_rec_get_ref(r);
    if (!mg_rec_failed(r)) {
        Value cref = MG_NIL;
        for (uint32_t i = n; i-- > 0;) cref = mg_cref_new(MG_RCLASS(classes[i]), cref);
        pr->cref = cref;
    }
    free(classes);
    if (mg_rec_failed(r)) return;
    if (pr->env != MG_NIL && !mg_data_get(pr->env, &mg_env_type)) { mg_rec_fail(r, "proc record's env is not an env"); return; }
    if (pr->env == MG_NIL) pr->env = mg_env_new_detached(0, MG_NIL);
    Value code = mg_vm_compile_block_source(mg_str_ptr(src), (size_t)mg_str_len(src), mg_str_cstr(file), line, pr->env);
    if (code == MG_NIL) { mg_rec_fail(r, "proc record's source is not a block"); return; }
    mg_code_ptr(code)->label = label;
    pr->code = code;
}

static void
proc_each_ref(const void *p, void (*fn)(Value, void *), void *arg)
{
    const Proc *pr = p;
    if (pr->flags & PROC_SYM) return;
    fn(pr->self, arg);
    fn(pr->env, arg);
    for (Value cr = pr->cref; cr != MG_NIL; cr = mg_cref_ptr(cr)->next) fn(MG_VAL(mg_cref_ptr(cr)->klass), arg);
    fn(pr->def_target, arg);
}

const MgDataPersist mg_proc_persist = {
    .tag = "Proc", .size = sizeof(Proc),
    .encode = proc_encode, .decode = proc_decode, .each_ref = proc_each_ref, .refuse = proc_refuse,
};

void
mg_closure_init(void)
{
    mg_store_register_data(&mg_env_type);
    mg_store_register_data(&mg_proc_type);
}
