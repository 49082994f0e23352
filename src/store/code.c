/* code.c -- persistent code (DESIGN.md section 5, MAGLEV-API.md section 3):
 * the persistent/transient mode, the definitions table of persistable classes,
 * recording definitions made in persistent mode, and replaying them in a
 * process that faults the class (methods are recompiled from their source).
 *
 * Invariants:
 *  1. A class or module created in persistent mode is OF_PERSISTABLE; the
 *     well-known core classes are persistable targets too.
 *  2. What a class contributes to the repository is its definitions table
 *     (hidden ivar DEFS, a Hash, an ordinary persistent object; layout in
 *     docs/format.md "Class records"), never its live method table: a
 *     definition made in transient mode changes only the live class.
 *  3. Every definition recorded stages the class (mg_store_stage_class) so its
 *     record is rewritten and shows in the commit log: other processes re-apply
 *     it at their next transaction boundary.
 *  4. APPLIED (hidden, transient) remembers, per name, the table entry last
 *     applied or recorded here; apply skips identical entries, so a transient
 *     redefinition hides the repository's one until the repository changes it.
 */
#include "store.h"
#include "../vm/vm_int.h"
#include "../object/class.h"
#include "../util/idtable.h"
#include "../ext/ext.h"
#include "../core/string_int.h"

#define CODE_FORMAT 1   /* version of the recorded method entry (docs/format.md) */

static int mode;        /* MG_MODE_* of the running thread: core/thread.c saves and
                         * restores it around every thread switch, new threads start transient */
int mg_code_loading;
static ID id_defs, id_applied, id_fresh, id_struct_members, id_singleton, id_local, id_read_hook;
void mg_struct_class_setup(RClass *c);   /* core/struct.c */
static Value s_consts, s_sconsts, s_methods, s_smethods, s_modules, s_removed_consts, s_transient, s_copy_of, s_const_flags;
static Value s_cvars, s_civars;
static Value k_include, k_prepend, k_extend;
static Value k_def, k_attr_reader, k_attr_writer, k_alias, k_undef, k_removed, k_visibility, k_bmethod;

int
mg_mode_get(void)
{
    return mode;
}

void
mg_mode_set(int m)
{
    mode = m;
}

/* Values read from the repository may be unfaulted headers: C code faults them first. */
static Value
fv(Value v)
{
    if (MG_IS_PTR(v)) MG_FAULT(v);
    return v;
}

Value
mg_code_defs(RClass *c)
{
    Value v = mg_ivar_lookup(MG_VAL(c), id_defs);
    return v == MG_UNDEF ? MG_NIL : v;
}

void
mg_code_set_defs(RClass *c, Value defs)
{
    mg_ivar_set(MG_VAL(c), id_defs, defs);
}

static Value
defs_for(RClass *c)
{
    Value d = fv(mg_code_defs(c));
    if (d != MG_NIL) return d;
    d = mg_hash_new();
    mg_hash_aset(d, s_consts, mg_hash_new());
    mg_hash_aset(d, s_methods, mg_hash_new());
    mg_hash_aset(d, s_smethods, mg_hash_new());
    mg_code_set_defs(c, d);
    return d;
}

/* The Hash (hash) or Array under key in a definitions table (or another
 * Hash), made when missing. */
static Value
defs_sub(Value defs, Value key, bool hash)
{
    Value v = fv(mg_hash_aref(defs, key));
    if (hash ? MG_IS_HASH(v) : MG_IS_ARRAY(v)) return v;
    v = hash ? mg_hash_new() : mg_ary_new();
    mg_hash_aset(defs, key, v);
    return v;
}

/* The Hash under key `which` of c's hidden bookkeeping Hash ivar id (both
 * made when missing). */
static Value
hidden_tbl(RClass *c, ID id, Value which)
{
    Value a = mg_ivar_lookup(MG_VAL(c), id);
    if (a == MG_UNDEF || a == MG_NIL) {
        a = mg_hash_new();
        mg_ivar_set(MG_VAL(c), id, a);
    }
    return defs_sub(a, which, true);
}

/* APPLIED: [consts, methods, smethods] Hashes of the entries last seen */
static Value
applied_tbl(RClass *c, Value which)
{
    return hidden_tbl(c, id_applied, which);
}

/* FRESH: {methods | singleton_methods => {name => true}}, the names whose
 * recorded definition was the first in this process's table (no C, library
 * or transient method of that name before it). If the definition is then
 * rolled back -- an abort, outermost or nested, restores the definitions
 * table without it -- the method goes (apply_body); a recorded redefinition
 * of a method that existed before keeps its new body here on abort (the old
 * entry is not kept), but never reaches the repository. */
static void
note_fresh(RClass *c, Value which, ID name)
{
    mg_hash_aset(hidden_tbl(c, id_fresh, which), MG_SYM(name), MG_TRUE);
}

/* The class whose table records a definition made in c, or NULL when c is no
 * persistable target; *single: the definition is a singleton method. */
static RClass *
target_of(RClass *c, bool *single)
{
    *single = false;
    if (c->hdr.type == T_ICLASS) return NULL;
    if (c->hdr.flags & OF_SINGLETON) {
        Value att = c->u.attached;
        if (!MG_IS_CLASS_OR_MODULE(att)) return NULL;
        *single = true;
        c = MG_RCLASS(att);
        if (c->hdr.flags & OF_SINGLETON) return NULL;
    }
    if ((c->hdr.flags & OF_PERSISTABLE) || mg_store_wellknown_oop(MG_VAL(c))) return c;
    return NULL;
}

static int forced;      /* maglev_persistable: record whatever the mode */

static bool
recording(void)
{
    return (forced || mode != MG_MODE_TRANSIENT) && !mg_code_loading && mg_vm_booted;
}

/* ---- recording ---- */

static Value
cref_names(Value cref)
{
    Value names = mg_ary_new();
    if (cref == MG_NIL) return names;
    for (Value v = mg_cref_ptr(cref)->next; v != MG_NIL; v = mg_cref_ptr(v)->next) {
        RClass *k = mg_cref_ptr(v)->klass;
        if (!k || k == mg_cObject) break;
        Value n = mg_class_name(k);
        if (n != MG_NIL) mg_ary_push(names, n);
    }
    return names;
}

/* The entry recorded for me, which holder's table has just received (had:
 * in place of one of that name), or MG_NIL: nothing to record. */
static Value
entry_for(RClass *holder, const MethodEntry *me, bool had)
{
    Value e = mg_ary_new();
    if (!me) {
        mg_ary_push(e, k_removed);
        return e;
    }
    Value vis = MG_FIX(me->visibility);
    if (me->kind == ME_UNDEF) {
        mg_ary_push(e, k_undef);
    } else if (me->original_name && me->original_name != me->name) {
        mg_ary_push(e, k_alias);
        mg_ary_push(e, vis);
        mg_ary_push(e, MG_SYM(me->original_name));
        /* the body the alias copies (a Ruby one), as an entry of the original
         * name: replayed, the alias gets that body even once the original
         * name was redefined (alias_method :old_x, :x; def x = old_x + ...) */
        MethodEntry body = *me;
        body.name = me->original_name;
        Value be = entry_for(holder, &body, true);
        Value bk = MG_IS_ARRAY(be) && MG_RARRAY(be)->len ? MG_RARRAY(be)->ptr[0] : MG_NIL;
        if (bk == k_def || bk == k_attr_reader || bk == k_attr_writer || bk == k_bmethod) mg_ary_push(e, be);
    } else if (me->kind == ME_ISEQ) {
        MethodBody *b = mg_data_get(me->u.code, &mg_body_type);
        Code *code = b ? mg_code_ptr(b->code) : NULL;
        if (!code || code->source == MG_NIL) {
            mg_ary_push(e, k_visibility);     /* no source kept: nothing to recompile */
            mg_ary_push(e, vis);
            return e;
        }
        mg_ary_push(e, k_def);
        mg_ary_push(e, vis);
        mg_ary_push(e, mg_str_new(mg_str_ptr(code->source) + code->src_off, code->src_len));
        mg_ary_push(e, cref_names(b->cref));
        mg_ary_push(e, code->file);
        mg_ary_push(e, MG_FIX(code->line));
        mg_ary_push(e, MG_BOOL(code->src_singleton));
        mg_ary_push(e, MG_FIX(CODE_FORMAT));
        /* its literals' frozenness, from the file's magic comment, which the text lacks */
        int magic = mg_vm_frozen_magic(mg_str_ptr(code->source), (size_t)mg_str_len(code->source));
        mg_ary_push(e, MG_BOOL(magic >= 0 ? magic == 1 : mg_frozen_string_default));
        /* and its literals' encoding, from the file's # encoding: comment */
        int enc = mg_vm_source_enc_magic(mg_str_ptr(code->source), (size_t)mg_str_len(code->source));
        mg_ary_push(e, MG_FIX(enc == -2 ? mg_source_enc_default : enc));
    } else if (me->kind == ME_ATTR_READER || me->kind == ME_ATTR_WRITER) {
        mg_ary_push(e, me->kind == ME_ATTR_READER ? k_attr_reader : k_attr_writer);
        mg_ary_push(e, vis);
        mg_ary_push(e, MG_SYM(me->u.ivar));
    } else if (me->kind == ME_BMETHOD) {
        /* persists only if its Proc can: otherwise the commit raises TransactionError */
        mg_ary_push(e, k_bmethod);
        mg_ary_push(e, vis);
        mg_ary_push(e, me->u.proc);
    } else if (me->kind == ME_CFUNC) {
        /* a primitive (e.g. Struct's class methods) is made again by its owner;
         * one replacing a primitive of the table (`private :getch` in
         * StringScanner) or the same one found further up (Singleton's
         * private_class_method :new) is a visibility change */
        const MethodEntry *up = holder->super ? mg_method_lookup(holder->super, me->name) : NULL;
        if (!had && (!up || up->kind != ME_CFUNC || up->u.c.fn != me->u.c.fn)) return MG_NIL;
        mg_ary_push(e, k_visibility);
        mg_ary_push(e, vis);
    } else {
        mg_ary_push(e, k_visibility);
        mg_ary_push(e, vis);
    }
    return e;
}

static void const_hook(RClass *c, ID name, Value v);

/* A persistable class without a record yet (new, or its first commit was
 * aborted) is filed under its name in its namespace's persistent side, so a
 * definition re-run after an abort names it again. */
static void
file_in_parent(RClass *c)
{
    if ((c->hdr.flags & OF_PERSISTENT) || mg_store_wellknown_oop(MG_VAL(c))) return;
    Value name = mg_class_name(c);
    if (name == MG_NIL) return;
    RClass *parent = c->ext->lexical_parent ? c->ext->lexical_parent : mg_cObject;
    bool single;
    if (!target_of(parent, &single) || single) return;
    const char *s = mg_str_cstr(name), *last = strrchr(s, ':');
    ID id = mg_intern_cstr(last ? last + 1 : s);
    if (mg_const_get_at(parent, id) == MG_VAL(c)) const_hook(parent, id, MG_VAL(c));
}

/* One definitions-table entry to apply to owner (single: to its singleton
 * class); obj: the object whose singleton class owner is, or MG_UNDEF. */
typedef struct { RClass *owner; ID name; Value entry; bool single; Value obj; } Replay;
static Value replay_one(Value arg);
static void alias_body(const Replay *r, RClass *table, ID orig, Value body);
static void wait_for_exts(const Replay *r);
static bool exts_pending = true;   /* the start-up's restore_exts has not run yet */
static Value waiting;              /* what waits for it: [class, name, entry, single]... (a GC root) */
static void replay_waiting(void);
static void apply_done(Value saved);
static Value object_of_singleton(RClass *c);
static void record_object_method(Value obj, RClass *sc, ID name, const MethodEntry *me);
static void record_object_extend(Value obj, RClass *m);
static void record_object_const(Value obj, ID name, Value v);
static void note_local(RClass *c, ID name, bool defined);

static bool restoring_exts;   /* restore_exts runs the builtin C libraries' inits */
static void redo_after_exts(RClass *c, ID name);

static void
method_hook(RClass *c, ID name, const MethodEntry *me, bool had)
{
    if (UNLIKELY(restoring_exts)) redo_after_exts(c, name);
    if (!recording()) { note_local(c, name, me != NULL); return; }
    Value obj = object_of_singleton(c);
    if (obj != MG_UNDEF) {
        note_local(c, name, false);
        record_object_method(obj, c, name, me);
        return;
    }
    bool single;
    RClass *t = target_of(c, &single);
    if (!t) return;
    Value entry = entry_for(c, me, had);
    if (entry == MG_NIL) return;
    file_in_parent(t);
    mg_store_stage_class(t);
    Value tbl = fv(mg_hash_aref(defs_for(t), single ? s_smethods : s_methods));
    if (!had && me) note_fresh(t, single ? s_smethods : s_methods, name);
    mg_hash_aset(tbl, MG_SYM(name), entry);
    mg_hash_aset(applied_tbl(t, single ? s_smethods : s_methods), MG_SYM(name), entry);
}

static Value recipe_of_symbol(Value sym);

static void
const_hook(RClass *c, ID name, Value v)
{
    if (!recording()) return;
    Value obj = object_of_singleton(c);
    if (obj != MG_UNDEF) { record_object_const(obj, name, v); return; }
    bool single;
    RClass *t = target_of(c, &single);
    if (!t) return;
    /* an object with C singleton methods that a builtin C library's init
     * makes (readline's HISTORY) is made again by that init in every later
     * process (:loaded_exts); it could not be committed anyway */
    if (mg_ext_initializing() && MG_IS_PTR(v) && !MG_IS_CLASS_OR_MODULE(v) && MG_OBJ(v)->klass
        && (MG_OBJ(v)->klass->hdr.flags & OF_SINGLETON) && mg_code_singleton_primitive(MG_OBJ(v)->klass))
        return;
    Value sym = v == MG_UNDEF ? MG_UNDEF : mg_code_local_recipe(v);
    if (single) {
        /* `class << self; DAY_RE = ...; end` (date's parsers): the table's
         * :singleton_constants; a VM-local value is not recorded */
        if (sym != MG_UNDEF) return;
        file_in_parent(t);
        mg_store_stage_class(t);
        Value tbl = defs_sub(defs_for(t), s_sconsts, true);
        if (v == MG_UNDEF) mg_hash_delete(tbl, MG_SYM(name));
        else mg_hash_aset(tbl, MG_SYM(name), v);
        mg_hash_aset(applied_tbl(t, s_sconsts), MG_SYM(name), v);
        return;
    }
    if (sym != MG_UNDEF) {
        Value recipe = recipe_of_symbol(sym);
        /* a Mutex, an Encoding, an UnboundMethod...: made again in each
         * process, as by transient_const_set (library code loaded in
         * persistent mode: digest's REQUIRE_MUTEX, delegate's KERNEL_RESPOND_TO) */
        file_in_parent(t);
        mg_store_stage_class(t);
        Value defs = defs_for(t);
        mg_hash_delete(fv(mg_hash_aref(defs, s_consts)), MG_SYM(name));
        mg_hash_delete(applied_tbl(t, s_consts), MG_SYM(name));
        mg_hash_aset(defs_sub(defs, s_transient, true), MG_SYM(name), recipe);
        mg_hash_aset(applied_tbl(t, s_transient), MG_SYM(name), recipe);
        return;
    }
    if (!MG_IS_CLASS_OR_MODULE(v) || MG_RCLASS(v) != t) file_in_parent(t);
    mg_store_stage_class(t);
    Value defs = defs_for(t);
    Value transient = fv(mg_hash_aref(defs, s_transient));
    if (MG_IS_HASH(transient) && mg_hash_delete(transient, MG_SYM(name)) != MG_UNDEF)
        mg_hash_delete(applied_tbl(t, s_transient), MG_SYM(name));   /* no longer made afresh */
    Value removed = fv(mg_hash_aref(defs, s_removed_consts));
    if (v == MG_UNDEF) {
        /* remove_const: the name leaves the table and is listed as removed */
        mg_hash_delete(fv(mg_hash_aref(defs, s_consts)), MG_SYM(name));
        mg_hash_delete(applied_tbl(t, s_consts), MG_SYM(name));
        mg_hash_aset(defs_sub(defs, s_removed_consts, true), MG_SYM(name), MG_TRUE);
        Value flags = fv(mg_hash_aref(defs, s_const_flags));
        if (MG_IS_HASH(flags)) mg_hash_delete(flags, MG_SYM(name));
        return;
    }
    if (MG_IS_HASH(removed)) mg_hash_delete(removed, MG_SYM(name));
    mg_hash_aset(fv(mg_hash_aref(defs, s_consts)), MG_SYM(name), v);
    mg_hash_aset(applied_tbl(t, s_consts), MG_SYM(name), v);
}

/* private_constant, public_constant, deprecate_constant in persistent mode on
 * a persistable class: the table's :constant_flags maps the name to the
 * flags (class.h CONST_*), which every process applies (apply_body). */
void
mg_code_const_flags(RClass *c, ID name, unsigned flags)
{
    if (!recording() || object_of_singleton(c) != MG_UNDEF) return;
    bool single;
    RClass *t = target_of(c, &single);
    if (!t || single) return;
    file_in_parent(t);
    mg_store_stage_class(t);
    mg_hash_aset(defs_sub(defs_for(t), s_const_flags, true), MG_SYM(name), MG_FIX((int64_t)flags));
    mg_hash_aset(applied_tbl(t, s_const_flags), MG_SYM(name), MG_FIX((int64_t)flags));
}

/* The table's flags onto the live constants; a name applied before that the
 * table no longer has (an abort took it back) is public and current again. */
static void
apply_const_flags(RClass *c, Value defs)
{
    Value tbl = fv(mg_hash_aref(defs, s_const_flags));
    Value applied = applied_tbl(c, s_const_flags);
    Value k, v;
    if (mg_hash_size(applied)) {
        Value names = mg_hash_keys(applied);
        for (int64_t i = 0; i < MG_RARRAY(names)->len; i++) {
            k = MG_RARRAY(names)->ptr[i];
            if (!MG_IS_SYMBOL(k) || (MG_IS_HASH(tbl) && mg_hash_lookup(tbl, k) != MG_UNDEF)) continue;
            mg_hash_delete(applied, k);
            mg_const_set_flags(c, MG_SYM2ID(k), 0);
        }
    }
    if (!MG_IS_HASH(tbl)) return;
    for (int64_t it = 0; mg_hash_next(tbl, &it, &k, &v);) {
        if (!MG_IS_SYMBOL(k) || !MG_IS_FIXNUM(v) || mg_const_get_at(c, MG_SYM2ID(k)) == MG_UNDEF) continue;
        mg_const_set_flags(c, MG_SYM2ID(k), (unsigned)MG_FIX2LONG(v));
        mg_hash_aset(applied, k, v);
    }
}

/* A class variable or class-level instance variable set in persistent mode
 * on a well-known core class (tmpdir's @@systmpdir in Dir): such a class's
 * record holds only its definitions table, so the value is recorded there,
 * under :class_variables / :class_instance_variables, as a constant is
 * (a VM-local value as its recipe). Other persistable classes keep these in
 * their record (record.c). A set in transient mode stays in this process. */
static Value recipe_run(Value recipe);

/* A value as a table records it: a VM-local one (a Mutex, an Encoding) as
 * its recipe (mg_code_local_recipe), made again by slot_value. */
Value
mg_code_recorded_value(Value v)
{
    Value recipe = mg_code_local_recipe(v);
    return recipe != MG_UNDEF ? recipe : v;
}

static Value
slot_value(Value e)
{
    if (mg_code_recipe_p(e)) return recipe_run(recipe_of_symbol(e));
    return MG_IS_CLASS_OR_MODULE(e) ? fv(e) : e;
}

static void
class_slot_hook(RClass *c, ID name, Value v, bool cvar)
{
    if (!recording() || (c->hdr.flags & OF_SINGLETON) || !mg_store_wellknown_oop(MG_VAL(c))) return;
    if (mg_id_name(name, NULL)[0] != '@') return;        /* hidden bookkeeping ivars (__maglev_*) */
    Value which = cvar ? s_cvars : s_civars;
    mg_store_stage_class(c);
    Value tbl = defs_sub(defs_for(c), which, true);
    if (v == MG_UNDEF) {
        mg_hash_delete(tbl, MG_SYM(name));
        mg_hash_delete(applied_tbl(c, which), MG_SYM(name));
        return;
    }
    Value entry = mg_code_recorded_value(v);
    mg_hash_aset(tbl, MG_SYM(name), entry);
    mg_hash_aset(applied_tbl(c, which), MG_SYM(name), entry);
}

/* The recorded class variables or class ivars of a core class (class_slot_hook). */
static void
apply_slots(RClass *c, Value defs, Value which)
{
    Value tbl = fv(mg_hash_aref(defs, which));
    if (!MG_IS_HASH(tbl)) return;
    Value applied = applied_tbl(c, which);
    Value k, e;
    for (int64_t it = 0; mg_hash_next(tbl, &it, &k, &e);) {
        if (!MG_IS_SYMBOL(k) || mg_hash_lookup(applied, k) == e) continue;
        mg_hash_aset(applied, k, e);
        Value v = slot_value(e);
        if (which == s_civars) {
            mg_ivar_set(MG_VAL(c), MG_SYM2ID(k), v);
        } else {
            if (!c->ext->cvars) c->ext->cvars = mg_idtable_new();
            mg_idtable_set(c->ext->cvars, MG_SYM2ID(k), (uint64_t)v);
        }
    }
}

/* ---- replayable includes (Module#reinclude_store and friends, in
 * core/maglev.c) ----
 * The names of modules a class wants included (kind :include) or extended
 * (:extend) again in every process: in the definitions table under
 * :redo_include / :redo_extend (an Array of Strings) for a persistable
 * target, which a definition in persistent mode stages; else in a hidden
 * transient ivar of this process. */
Value
mg_code_redo_list(RClass *c, bool extend, bool create)
{
    Value key = mg_sym(extend ? "redo_extend" : "redo_include");
    bool single;
    RClass *t = target_of(c, &single);
    Value holder;
    if (t && !single && t == c) {
        if (create && recording()) mg_store_stage_class(t);
        holder = create ? defs_for(t) : fv(mg_code_defs(t));
    } else {
        ID id = mg_intern_cstr("__maglev_redo");
        holder = mg_ivar_lookup(MG_VAL(c), id);
        if ((holder == MG_UNDEF || holder == MG_NIL) && create) {
            holder = mg_hash_new();
            mg_ivar_set(MG_VAL(c), id, holder);
        }
    }
    if (!MG_IS_HASH(holder)) return MG_NIL;
    if (create) return defs_sub(holder, key, false);
    Value list = fv(mg_hash_aref(holder, key));
    return MG_IS_ARRAY(list) ? list : MG_NIL;
}

/* ---- copies (Module#dup, Class#dup) ---- */

bool
mg_code_record_copy(RClass *copy, RClass *src)
{
    if (!recording()) return false;
    bool single;
    RClass *t = target_of(copy, &single);
    if (!t || single || t != copy) return false;
    if (!(src->hdr.flags & OF_PERSISTABLE) && !mg_store_wellknown_oop(MG_VAL(src))) return false;
    mg_store_stage_class(t);
    mg_hash_aset(defs_for(t), s_copy_of, MG_VAL(src));
    mg_hash_aset(applied_tbl(t, s_copy_of), s_copy_of, MG_VAL(src));
    ID k;                                    /* the constants are the copy's own, as they are now */
    uint64_t v;
    for (uint32_t i = 0; src->ext && src->ext->consts && mg_idtable_next(src->ext->consts, &i, &k, &v);)
        if ((Value)v != MG_UNDEF) const_hook(copy, k, (Value)v);
    return true;
}

static void
apply_copy(RClass *c, Value defs)
{
    Value src = fv(mg_hash_aref(defs, s_copy_of));
    if (!MG_IS_CLASS_OR_MODULE(src)) return;
    Value applied = applied_tbl(c, s_copy_of);
    if (mg_hash_lookup(applied, s_copy_of) == src) return;
    mg_hash_aset(applied, s_copy_of, src);
    mg_mod_copy_methods(c, MG_RCLASS(src), false);
    mg_mod_copy_methods(c, MG_RCLASS(src), true);
}

/* ---- transient constants (Module#transient_const_set) ----
 * The table's :transient_constants maps a name to the block computing its
 * value; every process that applies the table runs the block and sets the
 * constant in its own namespace only (a Mutex, a socket: things that cannot
 * persist). The defining process runs it at once. */
typedef struct { RClass *c; ID name; Value v; int mode; } TransientSet;

/* The classes whose VM-local instances a recipe makes afresh in each process. */
static const char *const fresh_classes[] = {
    "Thread::Mutex", "Monitor", "Thread::ConditionVariable", "Thread::Queue", "ObjectSpace::WeakMap",
};

/* A value that only means something in the process that made it, and that
 * every process can make alike, is recorded as a recipe: in a class record
 * (class variables, class-level ivars: record.c) a Symbol "__maglev_make
 * KIND ARG...", in a definitions table's :transient_constants the Array
 * [:KIND, ARG...] (recipe_of_symbol). The kinds: new CLASS_PATH (one of
 * fresh_classes: a fresh one), encoding NAME, instance_method MODULE_PATH NAME. */
Value
mg_code_local_recipe(Value v)
{
    if (!MG_IS_PTR(v) || MG_IS_CLASS_OR_MODULE(v) || (MG_OBJ(v)->flags & OF_UNFAULTED)) return MG_UNDEF;
    RClass *k = MG_OBJ(v)->klass;
    if (!k || (k->hdr.flags & OF_SINGLETON)) return MG_UNDEF;
    char buf[512];
    Encoding enc;
    RClass *owner;
    ID name;
    if (mg_enc_of_value(v, &enc)) {
        snprintf(buf, sizeof buf, MG_RECIPE_PREFIX "encoding %s", mg_enc_name(enc));
    } else if (k == mg_cUnboundMethod && mg_unbound_method_parts(v, &owner, &name)) {
        if (owner->hdr.flags & OF_SINGLETON) return MG_UNDEF;
        Value path = mg_class_name(owner);
        if (path == MG_NIL) return MG_UNDEF;
        snprintf(buf, sizeof buf, MG_RECIPE_PREFIX "instance_method %s %s", mg_str_cstr(path), mg_id_name(name, NULL));
    } else if (MG_IS_TYPE(v, T_DATA) || MG_IS_TYPE(v, T_OBJECT)) {
        Value path = mg_class_name(k);
        if (path == MG_NIL) return MG_UNDEF;
        size_t i = 0;
        while (i < ARRAY_LEN(fresh_classes) && strcmp(mg_str_cstr(path), fresh_classes[i]) != 0) i++;
        if (i == ARRAY_LEN(fresh_classes)) return MG_UNDEF;
        snprintf(buf, sizeof buf, MG_RECIPE_PREFIX "new %s", fresh_classes[i]);
    } else {
        return MG_UNDEF;
    }
    return MG_SYM(mg_intern_cstr(buf));
}

bool
mg_code_recipe_p(Value v)
{
    return MG_IS_SYMBOL(v) && strncmp(mg_id_name(MG_SYM2ID(v), NULL), MG_RECIPE_PREFIX, sizeof MG_RECIPE_PREFIX - 1) == 0;
}

static Value resolve_path(Value name);

/* The Symbol recipe as the Array one (below): kind and method name Symbols, paths Strings. */
static Value
recipe_of_symbol(Value sym)
{
    const char *s = mg_id_name(MG_SYM2ID(sym), NULL) + sizeof MG_RECIPE_PREFIX - 1;
    Value r = mg_ary_new();
    bool method = strncmp(s, "instance_method ", 16) == 0;
    for (int part = 0; *s; part++) {
        const char *e = strchr(s, ' ');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        mg_ary_push(r, part == 0 || (method && part == 2) ? MG_SYM(mg_intern(s, n)) : mg_str_new(s, n));
        s += n;
        if (*s == ' ') s++;
    }
    return r;
}

static Value
recipe_run(Value recipe)
{
    Value *a = MG_RARRAY(recipe)->ptr;
    int64_t n = MG_RARRAY(recipe)->len;
    if (n == 2 && a[0] == mg_sym("encoding"))
        return mg_funcall(MG_VAL(mg_cEncoding), mg_intern_cstr("find"), 1, &a[1]);
    Value owner = n >= 2 ? fv(resolve_path(fv(a[1]))) : MG_NIL;
    if (n == 3 && a[0] == mg_sym("instance_method"))
        return mg_funcall(owner, mg_intern_cstr("instance_method"), 1, &a[2]);
    if (n == 2 && a[0] == mg_sym("new")) return mg_funcall(owner, mg_intern_cstr("new"), 0, NULL);
    mg_raise(mg_eTypeError, "unknown recipe of a transient constant");
}

static Value
transient_set_run(Value arg)
{
    TransientSet *t = (TransientSet *)(uintptr_t)MG_FIX2LONG(arg);
    mg_const_set(t->c, t->name, t->v);
    return MG_NIL;
}

static void
transient_set_done(Value arg)
{
    TransientSet *t = (TransientSet *)(uintptr_t)MG_FIX2LONG(arg);
    mg_code_loading--;
    mode = t->mode;
}

static void
set_transient(RClass *c, ID name, Value v)
{
    TransientSet t = { c, name, v, mode };
    mg_code_loading++;
    mode = MG_MODE_TRANSIENT;
    Value arg = MG_FIX((int64_t)(intptr_t)&t);
    mg_ensure(transient_set_run, arg, transient_set_done, arg);
}

Value
mg_code_transient_const(RClass *c, ID name, Value blk)
{
    bool rec = recording();
    Value v = mg_proc_call(blk, 0, NULL, MG_NIL);
    set_transient(c, name, v);
    bool single;
    RClass *t = rec ? target_of(c, &single) : NULL;
    if (t && !single) {
        mg_store_stage_class(t);
        mg_hash_aset(defs_sub(defs_for(t), s_transient, true), MG_SYM(name), blk);
        mg_hash_aset(applied_tbl(t, s_transient), MG_SYM(name), blk);
    }
    return v;
}

static Value
transient_run(Value arg)
{
    Replay *r = (Replay *)(uintptr_t)MG_FIX2LONG(arg);
    Value e = fv(r->entry);
    Value v = MG_IS_ARRAY(e) ? recipe_run(e) : mg_proc_call(e, 0, NULL, MG_NIL);
    mg_const_set(r->owner, r->name, v);
    return MG_NIL;
}

static void
apply_transient(RClass *c, Value defs)
{
    Value tbl = fv(mg_hash_aref(defs, s_transient));
    if (!MG_IS_HASH(tbl)) return;
    Value applied = applied_tbl(c, s_transient);
    Value k, blk;
    for (int64_t it = 0; mg_hash_next(tbl, &it, &k, &blk);) {
        if (!MG_IS_SYMBOL(k) || mg_hash_lookup(applied, k) == blk) continue;
        mg_hash_aset(applied, k, blk);
        Replay r = { c, MG_SYM2ID(k), blk, false, MG_UNDEF };
        Value exc;
        mg_protect(transient_run, MG_FIX((int64_t)(intptr_t)&r), &exc);
        if (exc != MG_NIL)
            fprintf(stderr, "maglev: the transient constant %s::%s could not be computed: %s\n", mg_class_cname(c),
                    mg_id_name(MG_SYM2ID(k), NULL), mg_str_cstr(mg_exc_message(exc)));
    }
}

/* include/prepend/extend: appended to the table's :modules list as
 * [:include | :prepend | :extend, module]; replayed in order (APPLIED keeps
 * how many were replayed or recorded here). */
static void
include_hook(RClass *c, RClass *m, bool prepend)
{
    if (!recording()) return;
    Value obj = object_of_singleton(c);
    if (obj != MG_UNDEF) { if (!prepend) record_object_extend(obj, m); return; }
    bool single;
    RClass *t = target_of(c, &single);
    if (!t) return;
    mg_store_stage_class(t);
    Value list = defs_sub(defs_for(t), s_modules, false);
    Value e = mg_ary_new();
    mg_ary_push(e, single ? k_extend : prepend ? k_prepend : k_include);
    mg_ary_push(e, MG_VAL(m));
    mg_ary_push(list, e);
    mg_hash_aset(applied_tbl(t, s_modules), s_modules, MG_FIX(MG_RARRAY(list)->len));
}

static void
apply_modules(RClass *c, Value defs)
{
    Value list = fv(mg_hash_aref(defs, s_modules));
    if (!MG_IS_ARRAY(list)) return;
    Value applied = applied_tbl(c, s_modules);
    Value done = mg_hash_aref(applied, s_modules);
    int64_t from = MG_IS_FIXNUM(done) ? MG_FIX2LONG(done) : 0;
    for (int64_t i = from; i < MG_RARRAY(list)->len; i++) {
        Value e = fv(MG_RARRAY(list)->ptr[i]);
        if (!MG_IS_ARRAY(e) || MG_RARRAY(e)->len < 2) continue;
        Value m = fv(MG_RARRAY(e)->ptr[1]);
        if (!MG_IS_TYPE(m, T_MODULE)) continue;
        Value kind = MG_RARRAY(e)->ptr[0];
        if (kind == k_extend) mg_include_module(mg_singleton_class(MG_VAL(c)), MG_RCLASS(m));
        else if (kind == k_prepend) mg_prepend_module(c, MG_RCLASS(m));
        else mg_include_module(c, MG_RCLASS(m));
    }
    mg_hash_aset(applied, s_modules, MG_FIX(MG_RARRAY(list)->len));
}

static void
class_hook(RClass *c)
{
    if (!recording()) return;
    c->hdr.flags |= OF_PERSISTABLE;
    if (mode == MG_MODE_PERSISTENT_CODE && c->hdr.type == T_CLASS) c->hdr.flags |= CF_NO_PERSISTENT_INSTANCES;
}

/* ---- singleton classes of objects ----
 * An object's singleton class travels with it, but only what was defined on
 * it in persistent mode (MAGLEV-API.md section 3): definitions, extends and
 * constants made in persistent mode go into a table (hidden ivar SINGLETON,
 * a definitions Hash with :methods, :modules and :constants as a class's);
 * a transient-mode definition changes only the live singleton class, also
 * when the object is committed later. While the object is transient the
 * table hangs on its singleton class; when the object first becomes
 * persistent (mg_code_singleton_capture, called by the commit's
 * reachability walk) it takes the table over, and afterwards recording into
 * it dirties the object, like a class's. Reading the object queues
 * mg_code_apply_singleton, which rebuilds the singleton class. */

/* What holds the table of c, the singleton class of a plain object: the
 * object once it is persistent, else c; MG_UNDEF when c is no such class. */
static Value
object_of_singleton(RClass *c)
{
    if (c->hdr.type != T_CLASS || !(c->hdr.flags & OF_SINGLETON)) return MG_UNDEF;
    Value att = c->u.attached;
    if (!MG_IS_PTR(att) || MG_IS_CLASS_OR_MODULE(att) || mg_store_wellknown_oop(att)) return MG_UNDEF;
    return (MG_OBJ(att)->flags & OF_PERSISTENT) ? att : MG_VAL(c);
}

static Value
singleton_defs(Value obj, bool create)
{
    Value d = mg_ivar_lookup(obj, id_singleton);
    if (d != MG_UNDEF && MG_IS_HASH(fv(d))) return d;
    if (!create) return MG_NIL;
    d = mg_hash_new();
    mg_hash_aset(d, s_methods, mg_hash_new());
    mg_hash_aset(d, s_modules, mg_ary_new());
    mg_ivar_set(obj, id_singleton, d);
    return d;
}

static void
record_object_method(Value obj, RClass *sc, ID name, const MethodEntry *me)
{
    Value entry = entry_for(sc, me, false);
    if (entry == MG_NIL) return;
    Value defs = singleton_defs(obj, true);
    MG_WB(obj, defs);
    mg_hash_aset(fv(mg_hash_aref(defs, s_methods)), MG_SYM(name), entry);
}

/* A constant of a persistent object's singleton class (class << obj; MAX = 9; end). */
static void
record_object_const(Value obj, ID name, Value v)
{
    Value defs = singleton_defs(obj, true);
    MG_WB(obj, defs);
    Value tbl = defs_sub(defs, s_consts, true);
    if (v == MG_UNDEF) mg_hash_delete(tbl, MG_SYM(name));
    else mg_hash_aset(tbl, MG_SYM(name), mg_code_recorded_value(v));
}

static void
record_object_extend(Value obj, RClass *m)
{
    Value defs = singleton_defs(obj, true);
    MG_WB(obj, defs);
    Value e = mg_ary_new();
    mg_ary_push(e, k_extend);
    mg_ary_push(e, MG_VAL(m));
    mg_ary_push(fv(mg_hash_aref(defs, s_modules)), e);
}

/* A transient-mode method of a persistent object's singleton class is this
 * process's until it ends, as one of a re-opened persistent class is: its
 * name is noted (hidden ivar LOCAL of the singleton class, {name => true}; a
 * persistent-mode definition of the name takes it out; the first commit
 * notes the methods defined before it that its table lacks), and when the
 * object is reset -- an abort, an eviction, another process's commit of it
 * -- its singleton class is kept aside (mg_code_singleton_evicted) until the
 * object is read again and its singleton class rebuilt from its table
 * (mg_code_apply_singleton), which then takes these methods back. */
/* The reset objects whose singleton classes are kept, each with its old
 * singleton class: an ephemeron table (object => class), not a root. The
 * collector marks a kept class only while its object is alive otherwise
 * (kept_mark), and drops the entries of objects it frees (kept_sweep), so an
 * object reset and never read again is collected as any other. (An identity
 * Hash as a root held every such object for the rest of the process: the old
 * singleton class refers to its object.) Open addressing by address; a
 * removed entry leaves obj == KEPT_TOMB. */
typedef struct { Obj *obj; RClass *sc; } Kept;
static struct { Kept *v; size_t used, count, cap; } K;   /* used: entries + tombstones */
#define KEPT_TOMB ((Obj *)1)

static size_t
kept_slot(const Obj *o)
{
    return (size_t)((((uintptr_t)o >> 3) * 0x9E3779B97F4A7C15ull) >> 20) & (K.cap - 1);
}

static Kept *
kept_find(const Obj *o)
{
    if (!K.count) return NULL;
    for (size_t i = kept_slot(o);; i = (i + 1) & (K.cap - 1)) {
        if (!K.v[i].obj) return NULL;
        if (K.v[i].obj == o) return &K.v[i];
    }
}

static bool
kept_mark(void)
{
    bool marked = false;
    for (size_t i = 0; i < K.cap; i++) {
        Kept *e = &K.v[i];
        if (e->obj > KEPT_TOMB && mg_gc_marked_p(MG_VAL(e->obj)) && !mg_gc_marked_p(MG_VAL(e->sc))) {
            mg_gc_mark_obj(&e->sc->hdr);
            marked = true;
        }
    }
    return marked;
}

static void
kept_sweep(void)
{
    for (size_t i = 0; i < K.cap; i++)
        if (K.v[i].obj > KEPT_TOMB && !mg_gc_marked_p(MG_VAL(K.v[i].obj))) {
            K.v[i].obj = KEPT_TOMB;
            K.count--;
        }
}

static void
kept_put(Obj *o, RClass *sc)
{
    Kept *e = kept_find(o);
    if (e) { e->sc = sc; return; }
    if (!K.cap) {
        mg_gc_add_ephemeron_marker(kept_mark);
        mg_gc_set_weak_sweeper(kept_sweep);
    }
    if ((K.used + 1) * 4 > K.cap * 3) {
        size_t cap = K.count * 2 + 2 > K.cap ? (K.cap ? K.cap * 2 : 64) : K.cap;
        Kept *nv = mg_calloc(cap, sizeof(Kept));   /* may collect: the old table stays whole meanwhile */
        Kept *old = K.v;
        size_t ocap = K.cap;
        K.v = nv; K.cap = cap; K.used = K.count = 0;
        for (size_t i = 0; i < ocap; i++)
            if (old[i].obj > KEPT_TOMB) kept_put(old[i].obj, old[i].sc);
        mg_free(old, ocap * sizeof(Kept));
    }
    size_t i = kept_slot(o);
    while (K.v[i].obj > KEPT_TOMB) i = (i + 1) & (K.cap - 1);
    if (!K.v[i].obj) K.used++;
    K.v[i] = (Kept){ o, sc };
    K.count++;
}

/* Takes o's entry out: its kept singleton class, or NULL. */
static RClass *
kept_take(Obj *o)
{
    Kept *e = kept_find(o);
    if (!e) return NULL;
    RClass *sc = e->sc;
    e->obj = KEPT_TOMB;
    K.count--;
    return sc;
}

static void
note_local(RClass *c, ID name, bool defined)
{
    if (mg_code_loading || !mg_vm_booted) return;
    Value holder = object_of_singleton(c);
    if (holder == MG_UNDEF) return;
    if (holder == MG_VAL(c) && defined) {
        /* not persistent yet: the first commit notes the methods its table
         * lacks (note_local_all); one it has is noted now, when a
         * transient-mode definition replaces its persistent-mode one */
        Value defs = singleton_defs(holder, false);
        Value tbl = defs == MG_NIL ? MG_NIL : fv(mg_hash_aref(defs, s_methods));
        if (!MG_IS_HASH(tbl) || mg_hash_lookup(tbl, MG_SYM(name)) == MG_UNDEF) return;
    }
    Value names = mg_ivar_lookup(MG_VAL(c), id_local);
    if (!MG_IS_HASH(names)) {
        if (!defined) return;
        names = mg_hash_new();
        mg_ivar_set(MG_VAL(c), id_local, names);
    }
    if (defined) mg_hash_aset(names, MG_SYM(name), MG_TRUE);
    else mg_hash_delete(names, MG_SYM(name));
}

void
mg_code_singleton_evicted(Obj *o)
{
    Value names = mg_ivar_lookup(MG_VAL(o->klass), id_local);
    if (!MG_IS_HASH(names) || !mg_hash_size(names)) return;
    kept_put(o, o->klass);
}

bool
mg_code_singleton_kept(Obj *o)
{
    return kept_find(o) != NULL;
}

/* At the object's first commit: the methods of sc that its table (defs, or
 * nil) does not have were defined in transient mode. */
static void
note_local_all(RClass *sc, Value defs)
{
    Value tbl = defs == MG_NIL ? MG_NIL : fv(mg_hash_aref(defs, s_methods));
    Value names = mg_ivar_lookup(MG_VAL(sc), id_local);   /* the ones note_local found in it */
    if (!MG_IS_HASH(names)) names = MG_NIL;
    ID k;
    uint64_t v;
    for (uint32_t i = 0; mg_idtable_next(sc->origin->mt, &i, &k, &v);) {
        if (MG_IS_HASH(tbl) && mg_hash_lookup(tbl, MG_SYM(k)) != MG_UNDEF) continue;
        if (names == MG_NIL) names = mg_hash_new();
        mg_hash_aset(names, MG_SYM(k), MG_TRUE);
    }
    if (names != MG_NIL) mg_ivar_set(MG_VAL(sc), id_local, names);
}

/* The transient-mode methods of old, obj's singleton class before a reset, onto sc. */
static void
restore_local(RClass *sc, Value old)
{
    Value names = mg_ivar_lookup(old, id_local), k, v;
    if (!MG_IS_HASH(names)) return;
    for (int64_t it = 0; mg_hash_next(names, &it, &k, &v);) {
        uint64_t e;
        if (!MG_IS_SYMBOL(k) || !mg_idtable_get(MG_RCLASS(old)->origin->mt, MG_SYM2ID(k), &e)) continue;
        MethodEntry copy = *(MethodEntry *)(uintptr_t)e;
        mg_method_add(sc, MG_SYM2ID(k), &copy);
    }
    mg_ivar_set(MG_VAL(sc), id_local, names);
}

void
mg_code_singleton_capture(Obj *o)
{
    RClass *sc = o->klass;
    if (!sc || !(sc->hdr.flags & OF_SINGLETON) || sc->u.attached != MG_VAL(o)) return;
    /* a class's singleton methods are in its own definitions table */
    if (o->type == T_CLASS || o->type == T_MODULE) return;
    Value defs = singleton_defs(MG_VAL(sc), false);
    note_local_all(sc, defs);
    if (defs == MG_NIL) return;   /* nothing was defined on it in persistent mode */
    /* bookkeeping, not a change: a frozen object (frozen after its singleton
     * methods were defined) keeps it too */
    uint16_t frozen = o->flags & OF_FROZEN;
    o->flags &= (uint16_t)~OF_FROZEN;
    mg_ivar_set(MG_VAL(o), id_singleton, defs);
    o->flags |= frozen;
}

/* copy, a clone of orig, has just had orig's singleton methods and extends
 * copied (object_core.c): it carries orig's table too, so the clone's
 * singleton class travels as the original's does, whatever the mode now. */
void
mg_code_singleton_copied(Value copy, Value orig)
{
    RClass *from = MG_OBJ(orig)->klass, *to = MG_OBJ(copy)->klass;
    if (!(from->hdr.flags & OF_SINGLETON) || !(to->hdr.flags & OF_SINGLETON)) return;
    Value holder = object_of_singleton(from);
    if (holder == MG_UNDEF || object_of_singleton(to) != MG_VAL(to)) return;
    Value defs = singleton_defs(holder, false);
    if (defs == MG_NIL) {
        mg_ivar_remove(MG_VAL(to), id_singleton);   /* what the copying itself recorded */
        return;
    }
    Value mine = mg_hash_new(), k, v;
    for (int64_t it = 0; mg_hash_next(fv(defs), &it, &k, &v);) {
        v = fv(v);
        mg_hash_aset(mine, k, MG_IS_HASH(v) ? mg_hash_dup(v) : MG_IS_ARRAY(v) ? mg_ary_dup(v) : v);
    }
    mg_ivar_set(MG_VAL(to), id_singleton, mine);
}

bool
mg_code_singleton_primitive(const RClass *sc)
{
    ID k;
    uint64_t v;
    for (uint32_t i = 0; mg_idtable_next(sc->origin->mt, &i, &k, &v);)
        if (((const MethodEntry *)(uintptr_t)v)->kind == ME_CFUNC) return true;
    return false;
}

ID
mg_code_singleton_id(void)
{
    return id_singleton;
}

/* `def recv.name ...` of an object's singleton method becomes `def name ...`:
 * the receiver expression meant something only where it was written. */
static Value
strip_receiver(Value src, ID name)
{
    const char *s = mg_str_ptr(src);
    size_t n = (size_t)mg_str_len(src), len;
    const char *mname = mg_id_name(name, &len);
    if (n < 4 || memcmp(s, "def", 3) != 0) return MG_NIL;
    for (size_t i = 3; i + len < n; i++) {
        if (s[i] != '.' || memcmp(s + i + 1, mname, len) != 0) continue;
        Value out = mg_str_new("def ", 4);
        mg_str_cat(out, s + i + 1, n - i - 1);
        return out;
    }
    return MG_NIL;
}

/* OpenStruct's accessors are singleton methods its []= defines in whatever
 * mode the program is in, usually transient: they do not travel (MAGLEV-API.md
 * section 3), so a process that reads a committed OpenStruct has its @table
 * and no accessors. Its rebuild (below) makes them again, in transient mode,
 * as CRuby's new_ostruct_member! does (lib/ostruct.rb __maglev_read). */
bool
mg_code_read_hook_p(const RClass *c)
{
    for (; c; c = c->super)
        if (c == mg_cOpenStruct) return true;
    return false;
}

typedef struct { Value obj; Value defs; Value old; int mode; uint16_t frozen; bool hook; } SingletonApply;
static void apply_table(RClass *sc, Value obj, Value defs);

static void
apply_singleton_done(Value arg)
{
    SingletonApply *sa = (SingletonApply *)(uintptr_t)MG_FIX2LONG(arg);
    MG_OBJ(sa->obj)->flags |= sa->frozen;
    mg_code_loading--;
    mode = sa->mode;
}

static Value
apply_singleton_run(Value arg)
{
    SingletonApply *sa = (SingletonApply *)(uintptr_t)MG_FIX2LONG(arg);
    Value obj = sa->obj, defs = sa->defs;
    RClass *sc = mg_singleton_class(obj);
    if (defs != MG_NIL) apply_table(sc, obj, defs);
    if (sa->old != MG_UNDEF) restore_local(sc, sa->old);   /* last: this process's definitions win here */
    if (sa->hook && mg_respond_to(obj, id_read_hook, true)) mg_funcall(obj, id_read_hook, 0, NULL);
    return MG_NIL;
}

static void
apply_table(RClass *sc, Value obj, Value defs)
{
    Value consts = fv(mg_hash_aref(defs, s_consts));
    Value k, v;
    for (int64_t it = 0; MG_IS_HASH(consts) && mg_hash_next(consts, &it, &k, &v);)
        if (MG_IS_SYMBOL(k)) mg_const_set(sc, MG_SYM2ID(k), slot_value(v));
    Value list = fv(mg_hash_aref(defs, s_modules));
    for (int64_t i = 0; MG_IS_ARRAY(list) && i < MG_RARRAY(list)->len; i++) {
        Value e = fv(MG_RARRAY(list)->ptr[i]);
        if (!MG_IS_ARRAY(e) || MG_RARRAY(e)->len < 2) continue;
        Value m = fv(MG_RARRAY(e)->ptr[1]);
        if (MG_IS_TYPE(m, T_MODULE)) mg_include_module(sc, MG_RCLASS(m));
    }
    Value tbl = fv(mg_hash_aref(defs, s_methods));
    for (int64_t it = 0; MG_IS_HASH(tbl) && mg_hash_next(tbl, &it, &k, &v);) {
        if (!MG_IS_SYMBOL(k)) continue;
        Value e = fv(v);
        if (!MG_IS_ARRAY(e) || MG_RARRAY(e)->len < 1) continue;
        Replay r = { sc, MG_SYM2ID(k), e, false, obj };
        replay_one(MG_FIX((int64_t)(intptr_t)&r));
    }
}

void
mg_code_apply_singleton(Value obj)
{
    Value defs = singleton_defs(obj, false);
    RClass *kept = kept_take(MG_OBJ(obj));
    Value old = kept ? MG_VAL(kept) : MG_UNDEF;
    bool hook = MG_OBJ(obj)->type == T_OBJECT && mg_code_read_hook_p(MG_OBJ(obj)->klass);
    if (defs == MG_NIL && old == MG_UNDEF && !hook) return;
    mg_gc_protect(old);
    /* a frozen object's singleton class is frozen with it: the rebuild puts
     * back what it had, so the object is thawed meanwhile */
    SingletonApply sa = { obj, defs, old, mode, (uint16_t)(MG_OBJ(obj)->flags & OF_FROZEN), hook };
    MG_OBJ(obj)->flags &= (uint16_t)~OF_FROZEN;
    mg_code_loading++;
    mode = MG_MODE_TRANSIENT;
    Value arg = MG_FIX((int64_t)(intptr_t)&sa);
    mg_ensure(apply_singleton_run, arg, apply_singleton_done, arg);
}

/* ---- the persistent $LOADED_FEATURES and autoloads (the system table) ---- */

static Value s_loaded_features, s_autoloads, s_load_path, s_loaded_exts, s_gvar_aliases;

static Value
system_entry(Value key, bool create, bool hash)
{
    if (!create && !mg_store_usable()) return MG_NIL;
    Value sys = fv(mg_store_system());
    Value v = fv(mg_hash_lookup(sys, key));
    if (v != MG_UNDEF && (hash ? MG_IS_HASH(v) : MG_IS_ARRAY(v))) return v;
    if (!create) return MG_NIL;
    v = hash ? mg_hash_new() : mg_ary_new();
    mg_hash_aset(sys, key, v);
    return v;
}

static bool
feature_persisted(Value path)
{
    Value list = system_entry(s_loaded_features, false, false);
    for (int64_t i = 0; list != MG_NIL && i < MG_RARRAY(list)->len; i++) {
        Value p = fv(MG_RARRAY(list)->ptr[i]);
        if (MG_IS_STRING(p) && mg_str_equal(p, path)) return true;
    }
    return false;
}

static void
feature_loaded(Value path)
{
    if (mode == MG_MODE_TRANSIENT || mg_code_loading || feature_persisted(path)) return;
    mg_ary_push(system_entry(s_loaded_features, true, false), mg_str_dup(path));
}

/* A builtin C library required in persistent mode: the system table's
 * :loaded_exts lists it, and every later process runs its C part at start-up
 * (mg_code_restore_load_path), since the Ruby code that required it is in
 * the repository and is not read again (digest.rb requires digest.so). */
static void
ext_loaded(const char *feature)
{
    if (mode == MG_MODE_TRANSIENT || mg_code_loading || !mg_store_usable()) return;
    Value name = mg_str_new_cstr(feature);
    Value list = system_entry(s_loaded_exts, false, false);
    for (int64_t i = 0; list != MG_NIL && i < MG_RARRAY(list)->len; i++) {
        Value p = fv(MG_RARRAY(list)->ptr[i]);
        if (MG_IS_STRING(p) && mg_str_equal(p, name)) return;
    }
    mg_ary_push(system_entry(s_loaded_exts, true, false), name);
}

static void restore_gvar_aliases(void);
static Value exts_verbose;   /* $VERBOSE while they run: nil (rbconfig's constants are in the repository already) */

static Value
exts_run(Value list)
{
    ID verbose = mg_intern_cstr("$VERBOSE");
    exts_verbose = mg_gvar_get(verbose);
    mg_gvar_set(verbose, MG_NIL);
    restoring_exts = true;
    for (int64_t i = 0; i < MG_RARRAY(list)->len; i++) {
        Value p = fv(MG_RARRAY(list)->ptr[i]);
        if (MG_IS_STRING(p)) mg_ext_require(mg_str_cstr(p));
    }
    restoring_exts = false;
    exts_pending = false;
    replay_waiting();
    return MG_NIL;
}

static void
exts_done(Value saved)
{
    mg_gvar_set(mg_intern_cstr("$VERBOSE"), exts_verbose);
    exts_verbose = MG_NIL;
    restoring_exts = false;   /* also when an init raised */
    mg_code_loading--;
    mode = (int)MG_FIX2LONG(saved);
}

static void
restore_exts(void)
{
    Value list = system_entry(s_loaded_exts, false, false);
    if (list == MG_NIL || !MG_RARRAY(list)->len) { exts_pending = false; waiting = MG_NIL; return; }
    Value saved = MG_FIX(mode);
    mg_code_loading++;
    mode = MG_MODE_TRANSIENT;
    mg_ensure(exts_run, mg_ary_dup(list), exts_done, saved);
}

/* The persistent $LOAD_PATH (MAGLEV-API.md section 3): when a thread leaves
 * persistent mode (and before -Mcommit's commit) the directories of
 * $LOAD_PATH not recorded yet are recorded in the system table (committed
 * with the next commit); a later process appends the recorded ones it lacks
 * at start-up, after its own. */
static bool
has_path(Value list, Value dir)
{
    for (int64_t i = 0; i < MG_RARRAY(list)->len; i++) {
        Value p = fv(MG_RARRAY(list)->ptr[i]);
        if (MG_IS_STRING(p) && mg_str_equal(p, dir)) return true;
    }
    return false;
}

void
mg_code_save_load_path(void)
{
    if (!mg_store_usable()) return;
    Value lp = VMS->load_path, saved = MG_NIL;
    for (int64_t i = 0; i < MG_RARRAY(lp)->len; i++) {
        Value dir = MG_RARRAY(lp)->ptr[i];
        if (!MG_IS_STRING(dir)) continue;
        if (saved == MG_NIL) saved = system_entry(s_load_path, true, false);
        if (!has_path(saved, dir)) mg_ary_push(saved, mg_str_dup(dir));
    }
}

void
mg_code_restore_load_path(void)
{
    Value saved = system_entry(s_load_path, false, false);
    Value lp = VMS->load_path;
    for (int64_t i = 0; saved != MG_NIL && i < MG_RARRAY(saved)->len; i++) {
        Value dir = fv(MG_RARRAY(saved)->ptr[i]);
        if (MG_IS_STRING(dir) && !has_path(lp, dir)) mg_ary_push(lp, mg_str_dup(dir));
    }
    /* MAGLEV-API.md section 3: every process starts with the persistent
     * $LOADED_FEATURES (require of one loads nothing: feature_persisted) */
    Value features = system_entry(s_loaded_features, false, false), loaded = VMS->loaded;
    for (int64_t i = 0; features != MG_NIL && i < MG_RARRAY(features)->len; i++) {
        Value f = fv(MG_RARRAY(features)->ptr[i]);
        if (MG_IS_STRING(f) && !has_path(loaded, f)) mg_ary_push(loaded, mg_str_dup(f));
    }
    restore_gvar_aliases();
    restore_exts();
}

/* `alias $new $old` run in persistent mode (English.rb, required once) is
 * code too: the system table's :global_aliases lists [new, old] Symbols,
 * and every later process makes the aliases again at start-up
 * (mg_code_restore_load_path). The variables' values never persist. */
void
mg_code_gvar_alias(ID newid, ID oldid)
{
    if (!recording() || !mg_store_usable()) return;
    Value list = system_entry(s_gvar_aliases, false, false);
    for (int64_t i = 0; list != MG_NIL && i < MG_RARRAY(list)->len; i++) {
        Value e = fv(MG_RARRAY(list)->ptr[i]);
        if (MG_IS_ARRAY(e) && MG_RARRAY(e)->len == 2 && MG_RARRAY(e)->ptr[0] == MG_SYM(newid)
            && MG_RARRAY(e)->ptr[1] == MG_SYM(oldid))
            return;
    }
    Value e = mg_ary_new();
    mg_ary_push(e, MG_SYM(newid));
    mg_ary_push(e, MG_SYM(oldid));
    mg_ary_push(system_entry(s_gvar_aliases, true, false), e);
}

static void
restore_gvar_aliases(void)
{
    Value list = system_entry(s_gvar_aliases, false, false);
    mg_code_loading++;
    for (int64_t i = 0; list != MG_NIL && i < MG_RARRAY(list)->len; i++) {
        Value e = fv(MG_RARRAY(list)->ptr[i]);
        if (!MG_IS_ARRAY(e) || MG_RARRAY(e)->len != 2) continue;
        Value n = MG_RARRAY(e)->ptr[0], o = MG_RARRAY(e)->ptr[1];
        if (MG_IS_SYMBOL(n) && MG_IS_SYMBOL(o)) mg_vm_gvar_alias(MG_SYM2ID(n), MG_SYM2ID(o));
    }
    mg_code_loading--;
}

void
mg_code_clear_features(void)
{
    Value sys = fv(mg_store_system());
    if (mg_hash_lookup(sys, s_loaded_features) != MG_UNDEF) mg_hash_aset(sys, s_loaded_features, mg_ary_new());
    if (mg_hash_lookup(sys, s_loaded_exts) != MG_UNDEF) mg_hash_aset(sys, s_loaded_exts, mg_ary_new());
}

Value
mg_code_autoloads(bool create)
{
    return system_entry(s_autoloads, create, true);
}

/* ---- Module#maglev_persistable ---- */

typedef struct { RClass *c; bool methods; Value blk; Value asked; } Mark;   /* asked: module => the block's answer */

static void make_persistable(RClass *c, bool methods, Value blk, Value asked);

static bool
module_recorded(Value done, RClass *m, Value kind)
{
    for (int64_t j = 0; MG_IS_ARRAY(done) && j < MG_RARRAY(done)->len; j++) {
        Value e = fv(MG_RARRAY(done)->ptr[j]);
        if (MG_IS_ARRAY(e) && MG_RARRAY(e)->len > 1 && MG_RARRAY(e)->ptr[0] == kind && MG_RARRAY(e)->ptr[1] == MG_VAL(m))
            return true;
    }
    return false;
}

/* The modules of `from`'s chain up to its superclass (iclasses), outermost first. */
static Value
chain_modules(RClass *from)
{
    Value mods = mg_ary_new();
    for (RClass *s = from->super; s && s->hdr.type == T_ICLASS; s = s->super)
        if (!(s->hdr.flags & OF_ORIGIN)) mg_ary_unshift(mods, MG_VAL(s->u.module));
    return mods;
}

/* maglev_persistable(true)'s modules (MAGLEV-API.md section 4): each module c
 * includes or extends goes too -- made persistable with its methods unless it
 * is already, or the block answers false for it -- and its include/extend is
 * recorded. */
static void
mark_modules(Mark *mk, RClass *holder, bool extend)
{
    Value mods = chain_modules(holder);
    Value kind = extend ? k_extend : k_include;
    for (int64_t i = 0; i < MG_RARRAY(mods)->len; i++) {
        RClass *m = MG_RCLASS(MG_RARRAY(mods)->ptr[i]);
        if (m->hdr.flags & CF_NIL_REFERENCES) continue;
        if (mk->blk != MG_NIL) {             /* once per module, however many chains hold it */
            Value arg = MG_VAL(m);
            Value yes = mg_hash_lookup(mk->asked, arg);
            if (yes == MG_UNDEF) {
                yes = MG_BOOL(MG_TEST(mg_proc_call(mk->blk, 1, &arg, MG_NIL)));
                mg_hash_aset(mk->asked, arg, yes);
            }
            if (!MG_TEST(yes)) continue;
        }
        if (!(m->hdr.flags & OF_PERSISTABLE) && !mg_store_wellknown_oop(MG_VAL(m)))
            make_persistable(m, true, mk->blk, mk->asked);
        Value done = mg_hash_aref(fv(defs_for(mk->c)), s_modules);
        if (!module_recorded(done, m, kind)) include_hook(holder, m, false);
    }
}

static Value
mark_run(Value arg)
{
    Mark *mk = (Mark *)(uintptr_t)MG_FIX2LONG(arg);
    RClass *c = mk->c;
    RClass *parent = c->ext->lexical_parent ? c->ext->lexical_parent : mg_cObject;
    bool single;
    if (!target_of(parent, &single) || single)
        mg_raise(mg_eArgumentError, "the namespace of %s is not persistable", mg_class_cname(c));
    c->hdr.flags |= OF_PERSISTABLE;
    if (c->hdr.klass && (c->hdr.klass->hdr.flags & OF_SINGLETON)) c->hdr.klass->hdr.flags |= OF_PERSISTABLE;
    file_in_parent(c);
    mg_store_stage_class(c);
    defs_for(c);
    if (!mk->methods) return MG_NIL;
    ID k;
    uint64_t v;
    for (uint32_t i = 0; mg_idtable_next(c->origin->mt, &i, &k, &v);) method_hook(c, k, (MethodEntry *)(uintptr_t)v, true);
    RClass *meta = c->hdr.klass;
    bool own_meta = meta && (meta->hdr.flags & OF_SINGLETON) && meta->u.attached == MG_VAL(c);
    if (own_meta)
        for (uint32_t i = 0; mg_idtable_next(meta->mt, &i, &k, &v);) method_hook(meta, k, (MethodEntry *)(uintptr_t)v, true);
    for (uint32_t i = 0; c->ext->consts && mg_idtable_next(c->ext->consts, &i, &k, &v);) const_hook(c, k, (Value)v);
    mark_modules(mk, c, false);
    if (own_meta) mark_modules(mk, meta, true);
    return MG_NIL;
}

static void
mark_done(Value unused)
{
    forced--;
}

static void
make_persistable(RClass *c, bool methods, Value blk, Value asked)
{
    Mark mk = { c, methods, blk, asked };
    forced++;
    mg_ensure(mark_run, MG_FIX((int64_t)(intptr_t)&mk), mark_done, MG_NIL);
}

void
mg_code_make_persistable(RClass *c, bool methods, Value blk)
{
    /* a base-image class or module (Object, String, Comparable, Set...) is
     * persistable in every repository, with the base image's methods:
     * MagLev's _setPersistable: does nothing for a module that already was
     * persistable (nothing at all for Object), so its prelude methods and its
     * transient constants and transient-mode methods stay as they are */
    if (mg_store_wellknown_oop(MG_VAL(c))) return;
    Value asked = mg_hash_new();          /* on the arena while this runs; modules hash by identity */
    make_persistable(c, methods, blk, asked);
}

/* ---- replay ---- */

static Value
resolve_path(Value name)
{
    return mg_funcall(MG_VAL(mg_cObject), mg_intern_cstr("const_get"), 1, &name);
}

static Value
protected_resolve(Value name)
{
    Value exc;
    Value v = mg_protect(resolve_path, name, &exc);
    return exc == MG_NIL && MG_IS_CLASS_OR_MODULE(v) ? v : MG_NIL;
}

/* A recorded def compiled again: as its file was (entry[8], frozen string
 * literals; an entry without it compiles as this process's default). */
typedef struct { Value src, self, cref, klass; const char *file; int line; } DefEval;

static Value
def_eval_run(Value arg)
{
    DefEval *d = (DefEval *)(uintptr_t)MG_FIX2LONG(arg);
    return mg_vm_eval(d->src, MG_NIL, d->self, d->cref, d->klass, d->file, d->line, false);
}

static int saved_source_enc;

static void
def_eval_done(Value saved)
{
    mg_frozen_string_default = MG_TEST(saved);
    mg_source_enc_default = saved_source_enc;
}

static void
def_eval(const Value *a, int64_t n, DefEval *d)
{
    Value saved = MG_BOOL(mg_frozen_string_default);
    int outer_enc = saved_source_enc;            /* a replay inside a replay */
    saved_source_enc = mg_source_enc_default;
    if (n > 8) mg_frozen_string_default = MG_TEST(a[8]);
    if (n > 9 && MG_IS_FIXNUM(a[9])) mg_source_enc_default = (int)MG_FIX2LONG(a[9]);   /* entry[9]: the literals' encoding */
    mg_ensure(def_eval_run, MG_FIX((int64_t)(intptr_t)d), def_eval_done, saved);
    saved_source_enc = outer_enc;
}

/* An alias entry that carries the body it copied (entry_for): the body is
 * defined under its original name, aliased, and the table's own entry of
 * that name (or none) put back. */
static void
alias_body(const Replay *r, RClass *table, ID orig, Value body)
{
    uint64_t v;
    MethodEntry saved = { 0 };
    bool had = mg_idtable_get(table->origin->mt, orig, &v);
    if (had) {
        saved = *(MethodEntry *)(uintptr_t)v;
        if (saved.kind == ME_ISEQ) mg_gc_protect(saved.u.code);
        if (saved.kind == ME_BMETHOD) mg_gc_protect(saved.u.proc);
    }
    Replay inner = *r;
    inner.name = orig;
    inner.entry = body;
    Value exc;
    mg_protect(replay_one, MG_FIX((int64_t)(intptr_t)&inner), &exc);
    if (exc == MG_NIL) mg_method_alias(table, r->name, orig);
    if (had) {
        MethodEntry *back = mg_method_add(table, orig, &saved);
        back->owner = saved.owner;
    } else {
        mg_method_remove(table, orig);
    }
    if (exc != MG_NIL) mg_raise_exc(exc);
}

static Value
replay_one(Value arg)
{
    Replay *r = (Replay *)(uintptr_t)MG_FIX2LONG(arg);
    Value e = fv(r->entry);
    if (!MG_IS_ARRAY(e) || MG_RARRAY(e)->len < 1) return MG_NIL;
    int64_t n = MG_RARRAY(e)->len;
    for (int64_t i = 0; i < n; i++) fv(MG_RARRAY(e)->ptr[i]);
    Value *a = MG_RARRAY(e)->ptr;
    Value kind = a[0];
    RClass *table = r->single ? mg_singleton_class(MG_VAL(r->owner)) : r->owner;
    Visibility vis = n > 1 && MG_IS_FIXNUM(a[1]) ? (Visibility)MG_FIX2LONG(a[1]) : VIS_PUBLIC;
    if (kind == k_def && n >= 8 && r->obj != MG_UNDEF) {
        /* an object's singleton method: self is the object; `def recv.name` lost its receiver */
        if (!MG_IS_STRING(a[2]) || MG_FIX2LONG(a[7]) != CODE_FORMAT) return MG_NIL;
        Value src = MG_TEST(a[6]) ? strip_receiver(a[2], r->name) : a[2];
        if (src == MG_NIL) return MG_NIL;
        const char *file = MG_IS_STRING(a[4]) ? mg_str_cstr(a[4]) : "(maglev)";
        int line = MG_IS_FIXNUM(a[5]) ? (int)MG_FIX2LONG(a[5]) : 1;
        DefEval d = { src, r->obj, mg_cref_new(table, VMS->top_cref), MG_VAL(table), file, line };
        def_eval(a, n, &d);
        if (vis != VIS_PUBLIC) mg_method_set_visibility(table, r->name, vis);
    } else if (kind == k_def && n >= 8) {
        if (!MG_IS_STRING(a[2]) || MG_FIX2LONG(a[7]) != CODE_FORMAT) return MG_NIL;
        Value cref = VMS->top_cref;
        Value outers = a[3];
        for (int64_t i = MG_IS_ARRAY(outers) ? MG_RARRAY(outers)->len - 1 : -1; i >= 0; i--) {
            Value k = protected_resolve(fv(MG_RARRAY(outers)->ptr[i]));
            if (k != MG_NIL) cref = mg_cref_new(MG_RCLASS(k), cref);
        }
        bool defs = MG_TEST(a[6]);
        RClass *self_k = defs ? r->owner : table;
        if (r->single && !defs) cref = mg_cref_new(r->owner, cref);
        cref = mg_cref_new(self_k, cref);
        const char *file = MG_IS_STRING(a[4]) ? mg_str_cstr(a[4]) : "(maglev)";
        int line = MG_IS_FIXNUM(a[5]) ? (int)MG_FIX2LONG(a[5]) : 1;
        DefEval d = { a[2], MG_VAL(self_k), cref, MG_VAL(self_k), file, line };
        def_eval(a, n, &d);
        if (vis != VIS_PUBLIC) mg_method_set_visibility(table, r->name, vis);
    } else if ((kind == k_attr_reader || kind == k_attr_writer) && n >= 3 && MG_IS_SYMBOL(a[2])) {
        MethodEntry me = { .kind = kind == k_attr_reader ? ME_ATTR_READER : ME_ATTR_WRITER, .visibility = (uint8_t)vis };
        me.u.ivar = MG_SYM2ID(a[2]);
        mg_method_add(table, r->name, &me);
    } else if (kind == k_bmethod && n >= 3 && mg_is_proc(a[2])) {
        MethodEntry me = { .kind = ME_BMETHOD, .visibility = (uint8_t)vis };
        me.u.proc = a[2];
        mg_method_add(table, r->name, &me);
    } else if (kind == k_alias && n >= 4 && MG_IS_SYMBOL(a[2]) && MG_IS_ARRAY(a[3])) {
        alias_body(r, table, MG_SYM2ID(a[2]), a[3]);
        mg_method_set_visibility(table, r->name, vis);
    } else if (kind == k_alias && n >= 3 && MG_IS_SYMBOL(a[2])) {
        if (mg_method_alias(table, r->name, MG_SYM2ID(a[2]))) mg_method_set_visibility(table, r->name, vis);
        else wait_for_exts(r);
    } else if (kind == k_undef) {
        mg_method_undef(table, r->name);
    } else if (kind == k_removed) {
        mg_method_remove(table, r->name);
    } else if (kind == k_visibility) {
        if (!mg_method_set_visibility(table, r->name, vis)) wait_for_exts(r);
    }
    return MG_NIL;
}

/* An alias or visibility change of a method that the class does not have yet
 * is replayed again once the builtin C libraries have run (restore_exts): at
 * start-up the classes are applied first, so csv's `alias_method :scan_all,
 * :scan` in a StringScanner subclass meets a StringScanner without methods. */
static void
wait_for_exts(const Replay *r)
{
    if (r->obj != MG_UNDEF || !exts_pending) return;
    if (waiting == MG_NIL) waiting = mg_ary_new();
    Value e = mg_ary_new();
    mg_ary_push(e, MG_VAL(r->owner));
    mg_ary_push(e, MG_SYM(r->name));
    mg_ary_push(e, r->entry);
    mg_ary_push(e, MG_BOOL(r->single));
    mg_ary_push(waiting, e);
}

/* A C library's init, run again at start-up, defines name in c: a
 * definition of name recorded in c's table (a Ruby method over the C one,
 * an undef, a visibility change) is replayed once the inits have run. */
static void
redo_after_exts(RClass *c, ID name)
{
    bool single;
    RClass *t = target_of(c, &single);
    Value defs = t ? fv(mg_code_defs(t)) : MG_NIL;
    if (!MG_IS_HASH(defs)) return;
    Value tbl = fv(mg_hash_aref(defs, single ? s_smethods : s_methods));
    Value entry = MG_IS_HASH(tbl) ? mg_hash_lookup(tbl, MG_SYM(name)) : MG_UNDEF;
    if (entry == MG_UNDEF) return;
    Replay r = { t, name, entry, single, MG_UNDEF };
    wait_for_exts(&r);
}

static void
replay_waiting(void)
{
    Value list = waiting;
    waiting = MG_NIL;
    for (int64_t i = 0; list != MG_NIL && i < MG_RARRAY(list)->len; i++) {
        Value *e = MG_RARRAY(MG_RARRAY(list)->ptr[i])->ptr;
        Replay r = { MG_RCLASS(e[0]), MG_SYM2ID(e[1]), e[2], MG_TEST(e[3]), MG_UNDEF };
        Value exc;
        mg_protect(replay_one, MG_FIX((int64_t)(intptr_t)&r), &exc);
    }
}

/* The fresh methods (note_fresh) whose definition the table no longer has:
 * rolled back by an abort, they leave the live class too. */
static void
revert_fresh(RClass *c, Value tbl, Value which)
{
    Value f = mg_ivar_lookup(MG_VAL(c), id_fresh);
    if (f == MG_UNDEF || f == MG_NIL) return;
    Value fresh = mg_hash_aref(f, which);
    if (!MG_IS_HASH(fresh) || !mg_hash_size(fresh)) return;
    Value names = mg_hash_keys(fresh);
    for (int64_t i = 0; i < MG_RARRAY(names)->len; i++) {
        Value k = MG_RARRAY(names)->ptr[i];
        /* still in the table: committed, or pending in an open level (an
         * abort of an outer level may still take it back) */
        if (MG_IS_HASH(tbl) && mg_hash_lookup(tbl, k) != MG_UNDEF) continue;
        mg_hash_delete(fresh, k);
        mg_hash_delete(applied_tbl(c, which), k);
        mg_method_remove(which == s_smethods ? mg_singleton_class(MG_VAL(c)) : c, MG_SYM2ID(k));
    }
}

static void
apply_methods(RClass *c, Value defs, Value which)
{
    Value tbl = fv(mg_hash_aref(defs, which));
    revert_fresh(c, tbl, which);
    if (!MG_IS_HASH(tbl)) return;
    Value applied = applied_tbl(c, which);
    Value k, v;
    for (int64_t it = 0; mg_hash_next(tbl, &it, &k, &v);) {
        if (!MG_IS_SYMBOL(k)) continue;
        Value old = mg_hash_lookup(applied, k);
        if (old == v) continue;
        mg_hash_aset(applied, k, v);
        Replay r = { c, MG_SYM2ID(k), v, which == s_smethods, MG_UNDEF };
        Value exc;
        mg_protect(replay_one, MG_FIX((int64_t)(intptr_t)&r), &exc);
        if (exc != MG_NIL) {
            Value m = mg_exc_message(exc);
            fprintf(stderr, "maglev: could not recompile %s%s%s from the repository: %s\n", mg_class_cname(c),
                    which == s_smethods ? "." : "#", mg_id_name(MG_SYM2ID(k), NULL), mg_str_cstr(m));
        }
    }
}

/* Class variables and class-level ivars read as recipes (mg_code_local_recipe)
 * get this process's own value; set without a barrier (the record keeps its recipe). */
static Value
local_run(Value arg)
{
    Replay *r = (Replay *)(uintptr_t)MG_FIX2LONG(arg);
    return recipe_run(recipe_of_symbol(r->entry));
}

typedef struct { RClass *c; ID names[64]; Value syms[64]; int n; } Locals;

static bool
collect_local(ID name, Value v, void *arg)
{
    Locals *l = arg;
    if (mg_code_recipe_p(v) && l->n < 64) { l->names[l->n] = name; l->syms[l->n++] = v; }
    return true;
}

static void
apply_locals(RClass *c)
{
    Locals l = { c, { 0 }, { 0 }, 0 };
    mg_ivar_foreach(MG_VAL(c), collect_local, &l);
    int nivars = l.n;
    ID k;
    uint64_t v;
    for (uint32_t i = 0; c->ext->cvars && mg_idtable_next(c->ext->cvars, &i, &k, &v);) collect_local(k, (Value)v, &l);
    for (int i = 0; i < l.n; i++) {
        Replay r = { c, l.names[i], l.syms[i], false, MG_UNDEF };
        Value exc;
        Value made = mg_protect(local_run, MG_FIX((int64_t)(intptr_t)&r), &exc);
        if (exc != MG_NIL) {
            fprintf(stderr, "maglev: %s's %s could not be made again: %s\n", mg_class_cname(c), mg_id_name(l.names[i], NULL),
                    mg_str_cstr(mg_exc_message(exc)));
            made = MG_NIL;
        }
        if (i < nivars) mg_ivar_set(MG_VAL(c), l.names[i], made);
        else mg_idtable_set(c->ext->cvars, l.names[i], (uint64_t)made);
    }
}

/* The constants of the table's :constants (or :singleton_constants, set in
 * the singleton class) not applied yet; answers the table's Hash. */
static Value
apply_consts(RClass *c, Value defs, Value which)
{
    Value consts = fv(mg_hash_aref(defs, which));
    if (!MG_IS_HASH(consts)) return consts;
    Value applied = applied_tbl(c, which);
    Value k, v;
    for (int64_t it = 0; mg_hash_next(consts, &it, &k, &v);) {
        if (!MG_IS_SYMBOL(k) || mg_hash_lookup(applied, k) == v) continue;
        mg_hash_aset(applied, k, v);
        /* a class named here is faulted now, so no lookup meets an empty header */
        if (MG_IS_CLASS_OR_MODULE(v)) fv(v);
        mg_const_set(which == s_sconsts ? mg_singleton_class(MG_VAL(c)) : c, MG_SYM2ID(k), v);
    }
    return consts;
}

static void
apply_body(RClass *c)
{
    apply_locals(c);
    if (c != mg_cStruct && mg_ivar_lookup(MG_VAL(c), id_struct_members) != MG_UNDEF
        && !mg_idtable_get(mg_singleton_class(MG_VAL(c))->mt, mg_intern_cstr("new"), NULL))
        mg_struct_class_setup(c);
    Value defs = fv(mg_code_defs(c));
    if (!MG_IS_HASH(defs)) return;
    Value consts = apply_consts(c, defs, s_consts);
    apply_consts(c, defs, s_sconsts);
    Value removed = fv(mg_hash_aref(defs, s_removed_consts));
    if (MG_IS_HASH(removed)) {
        /* a constant this process took from the repository and the repository removed */
        Value applied = applied_tbl(c, s_consts);
        Value k, v;
        for (int64_t it = 0; mg_hash_next(removed, &it, &k, &v);) {
            if (!MG_IS_SYMBOL(k)) continue;
            Value had = mg_hash_lookup(applied, k);
            if (had == MG_UNDEF || mg_const_get_at(c, MG_SYM2ID(k)) != had) continue;
            mg_hash_delete(applied, k);
            mg_const_remove(c, MG_SYM2ID(k));
        }
    }
    /* a constant recorded here that the table no longer has was rolled back
     * by an abort: it goes, unless it names a class or module (a class made
     * in the aborted transaction stays, transient, as its objects do) */
    Value applied_c = applied_tbl(c, s_consts);
    if (mg_hash_size(applied_c)) {
        Value names = mg_hash_keys(applied_c);
        for (int64_t i = 0; i < MG_RARRAY(names)->len; i++) {
            Value k = MG_RARRAY(names)->ptr[i];
            if (!MG_IS_SYMBOL(k) || (MG_IS_HASH(consts) && mg_hash_lookup(consts, k) != MG_UNDEF)) continue;
            Value had = mg_hash_lookup(applied_c, k);
            mg_hash_delete(applied_c, k);
            if (MG_IS_CLASS_OR_MODULE(had) || mg_const_get_at(c, MG_SYM2ID(k)) != had) continue;
            mg_const_remove(c, MG_SYM2ID(k));
        }
    }
    apply_slots(c, defs, s_cvars);
    apply_slots(c, defs, s_civars);
    apply_copy(c, defs);
    apply_modules(c, defs);
    apply_transient(c, defs);
    apply_const_flags(c, defs);         /* after the constants made afresh (a private Mutex) */
    apply_methods(c, defs, s_methods);
    apply_methods(c, defs, s_smethods);
}

static Value
apply_run(Value arg)
{
    apply_body(MG_RCLASS(arg));
    return MG_NIL;
}

static void
apply_done(Value saved)
{
    mg_code_loading--;
    mode = (int)MG_FIX2LONG(saved);
}

void
mg_code_apply(RClass *c)
{
    Value saved = MG_FIX(mode);
    mg_code_loading++;
    mode = MG_MODE_TRANSIENT;
    mg_ensure(apply_run, MG_VAL(c), apply_done, saved);
}

void
mg_code_init(void)
{
    waiting = MG_NIL;
    mg_gc_register(&waiting);
    id_defs = mg_intern_cstr("__maglev_definitions");
    id_applied = mg_intern_cstr("__maglev_applied");
    id_fresh = mg_intern_cstr("__maglev_fresh");
    id_struct_members = mg_intern_cstr("__members__");
    id_singleton = mg_intern_cstr("__maglev_singleton");
    id_read_hook = mg_intern_cstr("__maglev_read");
    id_local = mg_intern_cstr("__maglev_local");
    s_loaded_features = mg_sym("loaded_features");
    s_loaded_exts = mg_sym("loaded_exts");
    s_gvar_aliases = mg_sym("global_aliases");
    s_load_path = mg_sym("load_path");
    s_autoloads = mg_sym("autoloads");
    mg_feature_persisted_hook = feature_persisted;
    mg_feature_loaded_hook = feature_loaded;
    mg_ext_loaded_hook = ext_loaded;
    s_consts = mg_sym("constants");
    s_sconsts = mg_sym("singleton_constants");
    s_methods = mg_sym("methods");
    s_smethods = mg_sym("singleton_methods");
    s_modules = mg_sym("modules");
    s_removed_consts = mg_sym("removed_constants");
    s_transient = mg_sym("transient_constants");
    s_copy_of = mg_sym("copy_of");
    s_const_flags = mg_sym("constant_flags");
    s_cvars = mg_sym("class_variables");
    s_civars = mg_sym("class_instance_variables");
    k_include = mg_sym("include");
    k_prepend = mg_sym("prepend");
    k_extend = mg_sym("extend");
    k_def = mg_sym("def");
    k_attr_reader = mg_sym("attr_reader");
    k_attr_writer = mg_sym("attr_writer");
    k_alias = mg_sym("alias");
    k_undef = mg_sym("undef");
    k_removed = mg_sym("removed");
    k_visibility = mg_sym("visibility");
    k_bmethod = mg_sym("bmethod");
    mg_class_created_hook = class_hook;
    mg_method_defined_hook = method_hook;
    mg_const_defined_hook = const_hook;
    mg_class_slot_hook = class_slot_hook;
    mg_const_miss_hook = mg_store_const_missing;
    mg_module_included_hook = include_hook;
}
