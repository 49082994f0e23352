/* vm_ops.c -- the slower halves of instructions (class definition, defined?,
 * patterns, constants, aliases, non-local return/break), global variables
 * and the frame-local $~ / $_. */
#include "vm_int.h"
#include "../store/store.h"
#include "../util/idtable.h"

/* ------------------------------------------------------------------ */
/* globals                                                              */

static IdTable *gvars;

static GVar *
gvar_entry(ID id, bool create)
{
    if (!gvars) gvars = mg_idtable_new();
    uint64_t v;
    if (mg_idtable_get(gvars, id, &v)) {
        GVar *g = (GVar *)(uintptr_t)v;
        if (g->alias_of) return gvar_entry(g->alias_of, create);
        return g;
    }
    if (!create) return NULL;
    GVar *g = calloc(1, sizeof *g);
    if (!g) mg_raise_nomem();
    mg_idtable_set(gvars, id, (uint64_t)(uintptr_t)g);
    return g;
}

void mg_vm_mark_gvars(void);
void
mg_vm_mark_gvars(void)
{
    if (!gvars) return;
    ID k; uint64_t v;
    for (uint32_t i = 0; mg_idtable_next(gvars, &i, &k, &v);) {
        mg_gc_mark(((GVar *)(uintptr_t)v)->val);
        mg_gc_mark(((GVar *)(uintptr_t)v)->trace);
    }
}

/* Kernel#global_variables (core/kernel.c): the names of the defined globals. */
Value mg_gvar_list(void);
Value
mg_gvar_list(void)
{
    Value r = mg_ary_new();
    if (!gvars) return r;
    ID k; uint64_t v;
    for (uint32_t i = 0; mg_idtable_next(gvars, &i, &k, &v);) {
        GVar *g = gvar_entry(k, false);
        if (g && (g->defined || g->getter)) mg_ary_push(r, MG_SYM(k));
    }
    return r;
}

/* trace_var / untrace_var (core/kernel.c): name's Array of trace commands
 * (Procs or Strings, newest first), made when create; else nil when none.
 * NULL entry (name never seen) answers MG_UNDEF. */
Value mg_gvar_traces(ID name, bool create);
Value
mg_gvar_traces(ID name, bool create)
{
    GVar *g = gvar_entry(name, create);
    if (!g) return MG_UNDEF;
    if (create && g->trace == MG_NIL) g->trace = mg_ary_new();
    return g->trace;
}

static void
run_traces(Value trace, Value v)
{
    for (int64_t i = 0; i < mg_ary_len(trace); i++) {
        Value cmd = mg_ary_entry(trace, i);
        if (MG_IS_STRING(cmd)) {
            Value top = mg_const_get_at(mg_cObject, mg_intern_cstr("TOPLEVEL_BINDING"));
            mg_funcall(top, mg_intern_cstr("eval"), 1, &cmd);
        } else {
            mg_funcall(cmd, mg_id_call, 1, &v);
        }
    }
}

Value
mg_gvar_get(ID name)
{
    GVar *g = gvar_entry(name, false);
    if (!g) return MG_NIL;
    if (g->getter) return g->getter(name);
    return g->val;
}

void
mg_gvar_set(ID name, Value v)
{
    GVar *g = gvar_entry(name, true);
    if (UNLIKELY(mg_maglev_switches & MG_TRACE_GLOBALS)) {
        Value s = mg_inspect(v);
        fprintf(stderr, "[traceGlobals] %s = %.*s\n", mg_id_name(name, NULL), (int)mg_str_len(s), mg_str_ptr(s));
    }
    if (g->setter) {
        g->setter(name, v);
        g->defined = true;
    } else {
        if (g->getter) mg_raise(mg_eNameError, "%s is a read-only variable", mg_id_name(name, NULL));
        if (g->check) v = g->check(name, v);
        g->val = v;
        g->defined = true;
    }
    if (UNLIKELY(g->trace != MG_NIL)) run_traces(g->trace, v);
}

/* $VERBOSE is nil (-W0): warnings print nothing. */
bool
mg_verbose_nil(void)
{
    static ID id;
    if (!id) id = mg_intern_cstr("$VERBOSE");
    return mg_gvar_get(id) == MG_NIL;
}

bool mg_gvar_defined(ID name);
bool
mg_gvar_defined(ID name)
{
    GVar *g = gvar_entry(name, false);
    return g && (g->defined || g->getter);
}

void
mg_define_virtual_gvar(const char *name, Value (*getter)(ID), void (*setter)(ID, Value))
{
    GVar *g = gvar_entry(mg_intern_cstr(name), true);
    g->getter = getter;
    g->setter = setter;
    g->defined = true;
}

void
mg_define_checked_gvar(const char *name, Value (*check)(ID, Value))
{
    gvar_entry(mg_intern_cstr(name), true)->check = check;
}

void
mg_vm_gvar_alias(ID newid, ID oldid)
{
    gvar_entry(oldid, true);
    if (!gvars) gvars = mg_idtable_new();
    uint64_t v;
    GVar *g;
    if (mg_idtable_get(gvars, newid, &v)) g = (GVar *)(uintptr_t)v;
    else {
        g = calloc(1, sizeof *g);
        mg_idtable_set(gvars, newid, (uint64_t)(uintptr_t)g);
    }
    if (newid != oldid) g->alias_of = oldid;
    mg_code_gvar_alias(newid, oldid);
}

/* ---- $~ and $_ live in the method-level Ruby frame ---- */

static Frame *
svar_frame(void)
{
    Frame *f = mg_vm_ruby_frame();
    while (f) {
        f = mg_vm_local_frame(f);
        /* an eval's are those of the frame it runs in (its caller's, a binding's) while that lives */
        if (!f || !(f->flags & FRAME_EVAL) || f->outer == MG_NIL) break;
        Frame *h = mg_env_ptr(f->outer)->frame;
        if (!h || h == f) break;
        f = h;
    }
    return f;
}

Value
mg_backref_get(void)
{
    Frame *f = svar_frame();
    return f ? f->backref : MG_NIL;
}

void
mg_backref_set(Value md)
{
    Frame *f = svar_frame();
    if (f) f->backref = md;
}

Value
mg_lastline_get(void)
{
    Frame *f = svar_frame();
    return f ? f->lastline : MG_NIL;
}

void
mg_lastline_set(Value line)
{
    Frame *f = svar_frame();
    if (f) f->lastline = line;
}

Value
mg_vm_backref_part(int kind, int n)
{
    Value md = mg_backref_get();
    if (md == MG_NIL) return MG_NIL;
    switch (kind) {
    case 0: return mg_funcall(md, mg_id_aref, 1, (Value[]){ MG_FIX(n) });
    case '&': return mg_funcall(md, mg_id_aref, 1, (Value[]){ MG_FIX(0) });
    case '`': return MG_CALL0(md, "pre_match");
    case '\'': return MG_CALL0(md, "post_match");
    case '+': {
        Value caps = MG_CALL0(md, "captures");
        for (int64_t i = mg_ary_len(caps) - 1; i >= 0; i--)
            if (mg_ary_entry(caps, i) != MG_NIL) return mg_ary_entry(caps, i);
        return MG_NIL;
    }
    }
    return MG_NIL;
}

/* ------------------------------------------------------------------ */
/* constants                                                            */

/* A reference to constant id of owner: the warning of a deprecated one
 * (deprecate_constant; Warning[:deprecated]), worded as CRuby's. */
void
mg_vm_const_deprecated(RClass *owner, ID id)
{
    if (!owner || !(mg_const_flags(owner, id) & CONST_DEPRECATED)) return;
    if (owner == mg_cObject) mg_warn_caller("deprecated", "constant ::%s is deprecated", mg_id_name(id, NULL));
    else mg_warn_caller("deprecated", "constant %s::%s is deprecated", mg_class_cname(owner), mg_id_name(id, NULL));
}

Value
mg_vm_const_from(Value scope, ID id, bool raise)
{
    if (!MG_IS_CLASS_OR_MODULE(scope)) {
        if (!raise) return MG_UNDEF;
        mg_raise(mg_eTypeError, "%s is not a class/module", mg_str_cstr(mg_inspect(scope)));
    }
    RClass *c = MG_RCLASS(scope);
    for (RClass *k = c; k; k = k->super) {
        if (k == mg_cObject && c != mg_cObject) break;
        RClass *t = (k->hdr.type == T_ICLASS) ? k->u.module : k;
        if (!t->ext) continue;
        Value v = mg_const_get_at(t, id);
        if (v == MG_UNDEF) continue;
        unsigned flags = mg_const_flags(t, id);
        if (flags & CONST_PRIVATE) {         /* scope::Name: only lexical lookup sees a private one */
            if (!raise) return MG_UNDEF;
            Value msg = mg_sprintf("private constant %s::%s referenced", mg_class_cname(t), mg_id_name(id, NULL));
            mg_raise_exc(mg_name_error_new(mg_eNameError, msg, scope, id));
        }
        if (raise) mg_vm_const_deprecated(t, id);
        return v;
    }
    if (!raise) return MG_UNDEF;
    return mg_funcall(scope, mg_id_const_missing, 1, (Value[]){ MG_SYM(id) });
}

void
mg_vm_warn_const_reassigned(RClass *k, ID id, Value file, int line)
{
    if (mg_const_get_at(k, id) == MG_UNDEF || mg_verbose_nil()) return;
    mg_io_flush_all();
    Value path = (k == mg_cObject) ? mg_str_new_cstr(mg_id_name(id, NULL)) : mg_sprintf("%s::%s", mg_class_cname(k), mg_id_name(id, NULL));
    fprintf(stderr, "%s:%d: warning: already initialized constant %s\n", mg_str_cstr(file), line, mg_str_cstr(path));
    bool found;
    Value loc = mg_const_location(k, id, false, &found);
    if (MG_IS_ARRAY(loc) && MG_RARRAY(loc)->len == 2 && MG_IS_STRING(MG_RARRAY(loc)->ptr[0]))
        fprintf(stderr, "%s:%lld: warning: previous definition of %s was here\n", mg_str_cstr(MG_RARRAY(loc)->ptr[0]),
                (long long)MG_FIX2LONG(MG_RARRAY(loc)->ptr[1]), mg_id_name(id, NULL));
}

/* ------------------------------------------------------------------ */
/* class definition                                                     */

/* `class X` / `module X` over a constant that is something else: CRuby's
 * TypeError, naming where X was defined. */
static NORETURN void
not_a(RClass *outer, ID id, const char *what)
{
    bool found;
    Value loc = mg_const_location(outer, id, false, &found);
    const char *name = mg_id_name(id, NULL);
    if (MG_IS_ARRAY(loc) && MG_RARRAY(loc)->len == 2 && MG_IS_STRING(MG_RARRAY(loc)->ptr[0]) && MG_IS_FIXNUM(MG_RARRAY(loc)->ptr[1]))
        mg_raise(mg_eTypeError, "%s is not a %s\n%s:%lld: previous definition of %s was here", name, what,
                 mg_str_cstr(MG_RARRAY(loc)->ptr[0]), (long long)MG_FIX2LONG(MG_RARRAY(loc)->ptr[1]), name);
    /* CRuby names no place for a constant its C code defined: ":: previous..." */
    mg_raise(mg_eTypeError, "%s is not a %s\n:: previous definition of %s was here", name, what, name);
}

Value
mg_vm_defclass(Frame *f, Value cbase, Value super, ID id, bool has_super, bool module)
{
    VM *vm = VMS;
    RClass *outer;
    if (cbase == MG_NIL) {
        Value cref = f->cref != MG_NIL ? f->cref : vm->top_cref;
        outer = mg_cref_ptr(cref)->klass;
    } else {
        if (!MG_IS_CLASS_OR_MODULE(cbase)) mg_raise(mg_eTypeError, "%s is not a class/module", mg_str_cstr(mg_inspect(cbase)));
        outer = MG_RCLASS(cbase);
    }
    const char *name = mg_id_name(id, NULL);
    Value existing = mg_const_get_at(outer, id);
    if (existing == MG_UNDEF && mg_const_miss_hook && mg_const_miss_hook(outer, id) != MG_UNDEF)
        existing = mg_const_get_at(outer, id);   /* a class committed by another process */
    if (existing == MG_UNDEF && cbase == MG_NIL && outer == mg_cObject) existing = MG_UNDEF;
    if (existing == MG_UNDEF) {
        /* `class Rack::Builder` with an autoload registered for it loads the file first, as CRuby
         * (Module#autoload? is lib/prelude/autoload.rb's) */
        static ID id_autoload_p;
        if (!id_autoload_p) id_autoload_p = mg_intern_cstr("autoload?");
        if (mg_respond_to(MG_VAL(outer), id_autoload_p, false)) {
            Value path = mg_funcall(MG_VAL(outer), id_autoload_p, 2, (Value[]){ MG_SYM(id), MG_FALSE });
            if (MG_IS_STRING(path)) {
                mg_require(mg_str_cstr(path));
                existing = mg_const_get_at(outer, id);
            }
        }
    }
    if (existing != MG_UNDEF) {
        if (module) {
            if (!MG_IS_TYPE(existing, T_MODULE)) not_a(outer, id, "module");
            return existing;
        }
        if (!MG_IS_TYPE(existing, T_CLASS)) not_a(outer, id, "class");
        if (has_super) {
            if (!MG_IS_TYPE(super, T_CLASS)) mg_raise(mg_eTypeError, "superclass must be an instance of Class (given an instance of %s)", mg_class_cname(mg_obj_class(super)));
            if (mg_class_superclass(MG_RCLASS(existing)) != MG_RCLASS(super))
                mg_raise(mg_eTypeError, "superclass mismatch for class %s", name);
        }
        return existing;
    }
    if (module) {
        RClass *m = mg_module_new();
        mg_const_set(outer, id, MG_VAL(m));
        return MG_VAL(m);
    }
    RClass *sup = mg_cObject;
    if (has_super) {
        if (!MG_IS_TYPE(super, T_CLASS)) mg_raise(mg_eTypeError, "superclass must be an instance of Class (given an instance of %s)", mg_class_cname(mg_obj_class(super)));
        sup = MG_RCLASS(super);
    }
    RClass *c = outer == mg_cObject ? mg_lib_class_adopt(id, sup) : NULL;
    if (!c) c = mg_class_new(sup);
    Value cv = MG_VAL(c);
    mg_gc_protect(cv);
    mg_const_set(outer, id, cv);
    mg_funcall(MG_VAL(sup), mg_id_inherited, 1, &cv);
    return cv;
}

/* ------------------------------------------------------------------ */
/* aliases, undef                                                       */

static const char *
kind_str(RClass *k)
{
    return k->hdr.type == T_MODULE ? "module" : "class";
}

void
mg_vm_alias(Frame *f, Value newv, Value oldv)
{
    RClass *k = mg_vm_def_target(f);
    ID nid = mg_to_id(newv), oid = mg_to_id(oldv);
    if (!mg_method_alias(k, nid, oid)) {
        Value path = mg_class_path(k);
        Value msg = mg_sprintf("undefined method `%s' for %s `%s'", mg_id_name(oid, NULL), kind_str(k), mg_str_cstr(path));
        mg_raise_exc(mg_name_error_new(mg_eNameError, msg, MG_VAL(k), oid));
    }
    if (mg_respond_to(MG_VAL(k), mg_id_method_added, true) && !(k->hdr.flags & OF_SINGLETON))
        mg_funcall(MG_VAL(k), mg_id_method_added, 1, (Value[]){ MG_SYM(nid) });
}

void
mg_vm_undef(Frame *f, Value sym)
{
    RClass *k = mg_vm_def_target(f);
    ID id = mg_to_id(sym);
    if (!mg_method_lookup(k, id)) {
        Value path = mg_class_path(k);
        Value msg = mg_sprintf("undefined method `%s' for %s `%s'", mg_id_name(id, NULL), kind_str(k), mg_str_cstr(path));
        mg_raise_exc(mg_name_error_new(mg_eNameError, msg, MG_VAL(k), id));
    }
    mg_method_undef(k, id);
}

/* ------------------------------------------------------------------ */
/* regexp literals                                                      */

Value
mg_vm_make_regex(Value str, int opts)
{
    int o = opts & 7;
    if (opts & (1 << 17)) o |= 32;          /* /n: Regexp::NOENCODING */
    if (opts & (1 << 18)) o |= 16;          /* /u: FIXEDENCODING */
    const char *p = mg_str_ptr(str);
    for (int64_t i = 0; i < mg_str_len(str); i++)
        if ((unsigned char)p[i] >= 0x80) { if (!(o & 32)) o |= 16; break; }
    Value re = mg_regexp_new_str(str, o);
    mg_obj_freeze(re);        /* regexp literals are frozen (3.0) */
    return re;
}

struct regex_check { Value str; int opts; };

static Value
regex_check_body(Value arg)
{
    struct regex_check *rc = (struct regex_check *)(uintptr_t)arg;
    return mg_vm_make_regex(rc->str, rc->opts);
}

/* The RegexpError message a regexp literal would raise, or nil: the compiler
 * reports a bad literal as a SyntaxError before the code runs, as CRuby. */
Value
mg_vm_regex_literal_error(Value str, int opts)
{
    struct regex_check rc = { str, opts };
    Value exc;
    mg_protect(regex_check_body, (Value)(uintptr_t)&rc, &exc);
    if (exc == MG_NIL || !mg_obj_is_kind_of(exc, mg_eRegexpError)) return MG_NIL;
    /* only errors of the pattern's structure, which CRuby's Onigmo reports too;
     * this Oniguruma refuses a few patterns Onigmo takes (`$+`): those stay a
     * RegexpError when the literal runs */
    Value m = mg_exc_message(exc);
    const char *t = mg_str_cstr(m);
    static const char *const structural[] = {
        "unmatched", "premature end", "end pattern", "upper is smaller", "too big number",
        "invalid backref", "undefined name", "empty range in char class", "invalid pattern in look-behind",
        "too short", "invalid code point value",
    };
    for (size_t i = 0; i < ARRAY_LEN(structural); i++)
        if (strstr(t, structural[i])) return m;
    return MG_NIL;
}

/* ------------------------------------------------------------------ */
/* defined?                                                             */

enum { DEF_IVAR, DEF_GVAR, DEF_CVAR, DEF_CONST, DEF_CONSTFROM, DEF_FCALL, DEF_CALL, DEF_YIELD, DEF_SUPER, DEF_NTHREF, DEF_BACKREF };

static Value
defined_protected(Value arg)
{
    Value *a = (Value *)(uintptr_t)arg;
    return mg_vm_const_from(a[0], (ID)a[1], false);
}

Value
mg_vm_defined(Frame *f, int type, ID id, Value v, Value lit)
{
    bool ok = false;
    switch (type) {
    case DEF_IVAR: ok = mg_ivar_defined(f->self, id); break;
    case DEF_GVAR: ok = mg_gvar_defined(id); break;
    case DEF_CVAR: {
        Value k = mg_vm_cvar_base(f);
        ok = mg_cvar_defined(MG_RCLASS(k), id);
        break;
    }
    case DEF_CONST: {
        bool found;
        mg_vm_const_lookup(f, id, &found);
        if (!found && mg_const_miss_hook) {   /* a class committed by another process, not read yet */
            Value cref = f->cref != MG_NIL ? f->cref : VMS->top_cref;
            found = mg_const_miss_hook(mg_cref_ptr(cref)->klass, id) != MG_UNDEF;
        }
        if (!found) {   /* an autoload not run yet counts, as in CRuby (lib/prelude/autoload.rb) */
            Value cref = f->cref != MG_NIL ? f->cref : VMS->top_cref;
            Value ks[2] = { MG_VAL(mg_cref_ptr(cref)->klass), MG_VAL(mg_cObject) };
            ID aq = mg_intern_cstr("autoload?");
            for (int i = 0; i < 2 && !found; i++)
                found = mg_respond_to(ks[i], aq, true) && MG_TEST(mg_funcall(ks[i], aq, 1, (Value[]){ MG_SYM(id) }));
        }
        ok = found;
        break;
    }
    case DEF_CONSTFROM: {
        Value a[2] = { v, (Value)id };
        Value exc;
        Value r = mg_protect(defined_protected, (Value)(uintptr_t)a, &exc);
        ok = r != MG_UNDEF;
        break;
    }
    case DEF_FCALL: {
        MethodEntry *me = mg_method_lookup(mg_class_of(f->self), id);
        ok = me != NULL;
        if (!ok) ok = MG_TEST(mg_funcall(f->self, mg_id_respond_to_missing_p, 2, (Value[]){ MG_SYM(id), MG_TRUE }));
        break;
    }
    case DEF_CALL: {
        MethodEntry *me = mg_method_lookup(mg_class_of(v), id);
        if (me) {
            if (me->visibility == VIS_PUBLIC) ok = true;
            else if (me->visibility == VIS_PROTECTED) ok = mg_obj_is_kind_of(f->self, mg_class_real(me->owner) ? mg_class_real(me->owner) : me->owner);
        } else {
            ok = MG_TEST(mg_funcall(v, mg_id_respond_to_missing_p, 2, (Value[]){ MG_SYM(id), MG_FALSE }));
        }
        break;
    }
    case DEF_YIELD: {
        Frame *rf = mg_vm_ruby_frame();
        ok = rf && rf->block != MG_NIL;
        break;
    }
    case DEF_SUPER: {
        Frame *rf = mg_vm_ruby_frame();
        MethodEntry *me = rf ? rf->me : NULL;
        if (me) ok = mg_method_lookup_super(mg_class_of(rf->self), me->owner, me->original_name ? me->original_name : me->name) != NULL;
        break;
    }
    case DEF_NTHREF: {
        Value md = mg_backref_get();
        ok = md != MG_NIL && mg_vm_backref_part(0, (int)id) != MG_NIL;
        break;
    }
    case DEF_BACKREF: ok = mg_backref_get() != MG_NIL; break;
    }
    return ok ? lit : MG_NIL;
}

/* ------------------------------------------------------------------ */
/* patterns                                                             */

static void
reason(Value s)
{
    VM *vm = VMS;
    vm->pat_reason = s;
    vm->pat_key = MG_UNDEF;
}

void
mg_vm_checkmatch_reason(Value pat, Value v)
{
    reason(mg_sprintf("%s === %s does not return true", mg_str_cstr(mg_inspect(pat)), mg_str_cstr(mg_inspect(v))));
}

Value
mg_vm_pattern_deconstruct(Value v, int min, int max)
{
    Value d;
    if (MG_IS_ARRAY(v)) d = v;
    else if (mg_respond_to(v, mg_id_deconstruct, true)) {
        d = mg_funcall(v, mg_id_deconstruct, 0, NULL);
        if (!MG_IS_ARRAY(d)) mg_raise(mg_eTypeError, "deconstruct must return Array");
    } else {
        reason(mg_sprintf("%s does not respond to #deconstruct", mg_str_cstr(mg_inspect(v))));
        return MG_FALSE;
    }
    int64_t len = mg_ary_len(d);
    if (len < min || (max >= 0 && len > max)) {
        if (max >= 0) reason(mg_sprintf("%s length mismatch (given %lld, expected %d)", mg_str_cstr(mg_inspect(d)), (long long)len, min));
        else reason(mg_sprintf("%s length mismatch (given %lld, expected %d+)", mg_str_cstr(mg_inspect(d)), (long long)len, min));
        return MG_FALSE;
    }
    return d;
}

Value
mg_vm_pattern_keys(Value v, Value keys)
{
    Value d;
    if (MG_IS_HASH(v)) d = v;
    else if (mg_respond_to(v, mg_id_deconstruct_keys, true)) {
        d = mg_funcall(v, mg_id_deconstruct_keys, 1, &keys);
        if (!MG_IS_HASH(d)) mg_raise(mg_eTypeError, "deconstruct_keys must return Hash");
    } else {
        reason(mg_sprintf("%s does not respond to #deconstruct_keys", mg_str_cstr(mg_inspect(v))));
        return MG_FALSE;
    }
    return d;
}

void
mg_vm_nomatch(Value v, bool single)
{
    VM *vm = VMS;
    Value ins = mg_inspect(v);
    if (single && vm->pat_reason != MG_NIL) {
        Value msg = mg_sprintf("%s: %s", mg_str_cstr(ins), mg_str_cstr(vm->pat_reason));
        Value key = vm->pat_key;
        vm->pat_reason = MG_NIL;
        if (key != MG_UNDEF && key != MG_NIL) {
            Value e = mg_exc_new_str(mg_eNoMatchingPatternKeyError, msg);
            mg_ivar_set(e, mg_intern_cstr("key"), key);
            mg_ivar_set(e, mg_intern_cstr("matchee"), v);
            mg_raise_exc(e);
        }
        mg_raise_str(mg_eNoMatchingPatternError, msg);
    }
    vm->pat_reason = MG_NIL;
    mg_raise_str(mg_eNoMatchingPatternError, ins);
}

/* ------------------------------------------------------------------ */
/* multiple assignment                                                  */

Value
mg_vm_expand(Value *dst, Value v, int pre, int rest, int post)
{
    Value a = MG_IS_ARRAY(v) ? v : mg_check_array(v);
    if (a == MG_NIL) { a = mg_ary_new_from(1, &v); }
    dst[0] = a;
    int64_t len = mg_ary_len(a);
    Value r = MG_NIL;
    int64_t post_start = pre;
    if (rest) {
        int64_t rs = pre, re = len - post;
        if (re < rs) re = rs;
        if (rs > len) rs = len;
        if (re > len) re = len;
        r = mg_ary_new_from(re > rs ? re - rs : 0, mg_ary_ptr(a) + rs);
        post_start = (len - post > pre) ? len - post : pre;
    }
    int n = pre + rest + post;
    Value buf[64];
    Value *b = n <= 64 ? buf : malloc(sizeof(Value) * (size_t)n);
    Value *src = mg_ary_ptr(a);
    int k = 0;
    for (int i = 0; i < pre; i++) b[k++] = i < len ? src[i] : MG_NIL;
    if (rest) b[k++] = r;
    for (int j = 0; j < post; j++) {
        int64_t idx = post_start + j;
        b[k++] = idx < len ? src[idx] : MG_NIL;
    }
    /* first target on top */
    for (int i = 0; i < n; i++) dst[n - 1 - i] = b[i];
    if (b != buf) free(b);
    return MG_NIL;
}

/* ------------------------------------------------------------------ */
/* non-local return and break                                           */

static Frame *
creating_frame(Frame *f)
{
    if (f->proc == MG_NIL) {
        if (f->outer != MG_NIL) return mg_env_ptr(f->outer)->frame;
        return NULL;
    }
    Proc *p = mg_proc_ptr(f->proc);
    if (p->env == MG_NIL) return NULL;
    return mg_env_ptr(p->env)->frame;
}

Value
mg_vm_throwreturn(Frame *f, Value val)
{
    Frame *p = f;
    for (;;) {
        if (p->flags & FRAME_LAMBDA) break;
        if (!(p->flags & (FRAME_BLOCK | FRAME_EVAL))) break;
        Frame *h = creating_frame(p);
        if (!h) mg_raise(mg_eLocalJumpError, "unexpected return");
        p = h;
    }
    if (p->flags & FRAME_CLASS) mg_raise(mg_eLocalJumpError, "unexpected return");
    mg_vm_throw(TH_RETURN, val, p, MG_NIL);
}

void
mg_vm_throwbreak(Frame *f, Value val)
{
    if (f->proc == MG_NIL) {
        /* eval: break out of the enclosing loop is not supported; CRuby's
         * compile error names the place */
        if (f->code) mg_raise(mg_eSyntaxError, "%s:%d: Can't escape from eval with break",
                              mg_str_cstr(f->code->file), mg_code_line(f->code, f->pc));
        mg_raise(mg_eSyntaxError, "Can't escape from eval with break");
    }
    Proc *p = mg_proc_ptr(f->proc);
    Frame *h = p->env != MG_NIL ? mg_env_ptr(p->env)->frame : NULL;
    if (!h || (p->flags & PROC_ORPHAN) || !(p->flags & PROC_LITERAL))
        mg_raise(mg_eLocalJumpError, "break from proc-closure");
    mg_vm_throw(TH_BREAK, val, h, MG_NIL);
}

/* ------------------------------------------------------------------ */
/* misc                                                                 */

void
mg_vm_request_checkpoint(void)
{
    VMS->interrupt = 1;
}

void
mg_vm_checkpoint(void)
{
    VMS->interrupt = 0;
    mg_store_checkpoint();          /* store/txn.c: eviction under a memory cap */
    mg_vm_thread_checkpoint();      /* core/thread.c: timeslice over -> other threads run */
    mg_signal_checkpoint();         /* core/process.c: Signal.trap handlers, Interrupt */
}

bool
mg_vm_interrupt_pending(void)
{
    return VMS->interrupt != 0;
}

Value
mg_current_self(void)
{
    Frame *f = mg_vm_ruby_frame();
    return f ? f->self : VMS->main_obj;
}

ID
mg_current_method_name(void)
{
    Frame *f = mg_vm_ruby_frame();
    if (!f || !f->me) return 0;
    return f->me->original_name ? f->me->original_name : f->me->name;
}

/* The name the running C method was called by (its error messages say it) */
ID
mg_current_cfunc_name(void)
{
    Frame *f = VMS->fp;
    return f > VMS->frames && !f->code ? f->mid : 0;
}

/* __callee__: the name the running method was called by (an alias's own) */
ID
mg_current_callee_name(void)
{
    Frame *f = mg_vm_ruby_frame();
    return f && f->me ? f->me->name : 0;
}
