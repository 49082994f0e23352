/* eval.c -- string eval (with the caller's locals or a Binding),
 * instance_eval/class_eval with strings, require/load/require_relative,
 * $LOAD_PATH / $LOADED_FEATURES, the Ruby prelude, and the interpreter's
 * global variables and constants. */
#include "vm_int.h"
#include "../parse/ast.h"
#include "../ext/ext.h"
#include "../core/string_int.h"
#include <dirent.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

static Value home_lib = MG_NIL;

/* ---- Binding objects ---- */

typedef struct Binding {
    Value env, self, cref, def_target, block, file;
    MethodEntry *me;
    int line;
} Binding;

static void
binding_mark(void *p)
{
    Binding *b = p;
    mg_gc_mark(b->env); mg_gc_mark(b->self); mg_gc_mark(b->cref); mg_gc_mark(b->def_target);
    mg_gc_mark(b->block); mg_gc_mark(b->file);
}
const DataType mg_binding_type = { "Binding", binding_mark, NULL, NULL };

Value
mg_binding_new(Frame *f)
{
    void *p;
    Value v = mg_data_new_inline(mg_cBinding, &mg_binding_type, sizeof(Binding), &p);
    Binding *b = p;
    b->env = f ? f->env : MG_NIL;
    b->self = f ? f->self : VMS->main_obj;
    b->cref = f ? f->cref : VMS->top_cref;
    b->def_target = f ? f->def_target : MG_VAL(mg_cObject);
    b->block = f ? f->block : MG_NIL;
    b->me = f ? f->me : NULL;
    b->file = f && f->code ? f->code->file : mg_str_new_cstr("(eval)");
    b->line = f ? mg_code_line(f->code, f->pc) : 1;
    return v;
}

/* The main script's top-level scope becomes TOPLEVEL_BINDING's (CRuby: its
 * locals are the script's, `x = 5; eval("x", TOPLEVEL_BINDING)` is 5); f is
 * the frame that runs the script, whose locals are in an Env (compile.c:
 * top-level scopes always keep them there). */
static Value toplevel_binding;            /* TOPLEVEL_BINDING (the constant holds it) */

void
mg_binding_attach_toplevel(Frame *f)
{
    if (!toplevel_binding || !MG_IS_PTR(f->env)) return;
    Binding *b = mg_data_check(toplevel_binding, &mg_binding_type);
    b->env = f->env;
    b->file = mg_str_new_cstr("<main>");
    b->line = 0;
}

Binding *mg_binding_ptr(Value v);
Binding *
mg_binding_ptr(Value v)
{
    return mg_data_check(v, &mg_binding_type);
}

/* ---- eval ---- */

static Value
eval_in(Value src, Value env, Value self, Value cref, Value def_target, Value block, MethodEntry *me,
        const char *file, int line, Binding *bind, bool defscope)
{
    VM *vm = VMS;
    Value s = mg_to_str(src);
    ID mname = me ? me->name : 0;
    Value code = mg_vm_compile_eval(s, file, line, env, mname);
    Value *base = vm->sp;
    mg_vm_check_stack(mg_code_ptr(code)->nlocals + mg_code_ptr(code)->max_stack + 8);
    base[0] = code;
    vm->sp = base + 1;
    if (cref == MG_NIL) cref = vm->top_cref;
    /* class_eval/instance_eval of a String: a definition scope of its own (private; def ...) */
    Frame *f = mg_vm_push_frame_for(mg_code_ptr(code), base + 1, base,
                                    FRAME_EVAL | FRAME_FINISH | (defscope ? FRAME_DEFSCOPE : 0), self, env, cref,
                                    def_target, block, me);
    if (bind) bind->env = f->env;
    Value r = mg_vm_exec();
    vm->sp = base;
    return r;
}

Value
mg_vm_eval(Value src, Value binding, Value self, Value cref, Value def_target, const char *file, int line, bool use_caller)
{
    if (binding != MG_NIL) {
        Binding *b = mg_binding_ptr(binding);
        return eval_in(src, b->env, self != MG_UNDEF ? self : b->self, b->cref, b->def_target, b->block, b->me, file, line, b, false);
    }
    Frame *f = use_caller ? mg_vm_ruby_frame() : NULL;
    if (!f) return eval_in(src, MG_NIL, self != MG_UNDEF ? self : VMS->main_obj, cref != MG_UNDEF ? cref : VMS->top_cref,
                           def_target != MG_UNDEF ? def_target : MG_VAL(mg_cObject), MG_NIL, NULL, file, line, NULL,
                           def_target != MG_UNDEF);
    return eval_in(src, f->env, self != MG_UNDEF ? self : f->self, cref != MG_UNDEF ? cref : f->cref,
                   def_target != MG_UNDEF ? def_target : f->def_target, f->block, f->me, file, line, NULL,
                   def_target != MG_UNDEF);
}

Value
mg_eval_string(const char *src, size_t len, const char *file, int line)
{
    return mg_vm_eval(mg_str_new(src, len), MG_NIL, MG_UNDEF, MG_UNDEF, MG_UNDEF, file, line, false);
}

Value
mg_eval_string_in(Value self, const char *src, size_t len, const char *file, int line)
{
    return mg_vm_eval(mg_str_new(src, len), MG_NIL, self, MG_UNDEF, MG_NIL, file, line, false);
}

/* ---- files ---- */

static char *
read_file(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) return NULL;
    struct stat st;
    if (fstat(fileno(fp), &st) != 0 || S_ISDIR(st.st_mode)) { fclose(fp); return NULL; }
    size_t cap = (size_t)st.st_size + 1, n = 0;
    char *buf = malloc(cap + 1);
    if (!buf) { fclose(fp); return NULL; }
    for (;;) {
        size_t r = fread(buf + n, 1, cap - n, fp);
        n += r;
        if (r == 0) break;
        if (n == cap) { cap *= 2; char *nb = realloc(buf, cap + 1); if (!nb) { free(buf); fclose(fp); return NULL; } buf = nb; }
    }
    fclose(fp);
    buf[n] = 0;
    *len = n;
    return buf;
}

static bool
file_exists(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static Value
load_path_file(const char *path, bool required)
{
    size_t len;
    char *src = read_file(path, &len);
    if (!src) {
        Value msg = mg_sprintf("cannot load such file -- %s", path);
        mg_raise_str(mg_eLoadError, msg);
    }
    Value s = mg_str_new(src, len);
    free(src);
    mg_gc_protect(s);
    return mg_vm_run_file_code(mg_str_ptr(s), (size_t)mg_str_len(s), path, required);
}

Value
mg_load_file(const char *path, bool wrap)
{
    (void)wrap;
    if (!file_exists(path)) {
        /* load also searches the load path */
        VM *vm = VMS;
        for (int64_t i = 0; path[0] != '/' && i < mg_ary_len(vm->load_path); i++) {
            Value dir = mg_to_s(mg_ary_entry(vm->load_path, i));
            Value full = mg_sprintf("%s/%s", mg_str_cstr(dir), path);
            if (file_exists(mg_str_cstr(full))) { load_path_file(mg_str_cstr(full), true); return MG_TRUE; }
        }
        mg_raise(mg_eLoadError, "cannot load such file -- %s", path);
    }
    load_path_file(path, true);
    return MG_TRUE;
}

static bool
ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && !strcmp(s + a - b, suf);
}

static Value
resolve_feature(const char *feature)
{
    VM *vm = VMS;
    bool has_ext = ends_with(feature, ".rb");
    bool explicit_path = feature[0] == '/' || !strncmp(feature, "./", 2) || !strncmp(feature, "../", 3) || feature[0] == '~';
    char buf[PATH_MAX];
    if (explicit_path) {
        snprintf(buf, sizeof buf, "%s%s", feature, has_ext ? "" : ".rb");
        if (file_exists(buf)) {
            char real[PATH_MAX];
            if (realpath(buf, real)) return mg_str_new_cstr(real);
            return mg_str_new_cstr(buf);
        }
        if (!has_ext && file_exists(feature)) return mg_str_new_cstr(feature);
        return MG_NIL;
    }
    for (int64_t i = 0; i < mg_ary_len(vm->load_path); i++) {
        Value dir = mg_ary_entry(vm->load_path, i);
        if (!MG_IS_STRING(dir)) dir = mg_to_s(dir);
        snprintf(buf, sizeof buf, "%s/%s%s", mg_str_cstr(dir), feature, has_ext ? "" : ".rb");
        if (file_exists(buf)) {
            char real[PATH_MAX];
            if (realpath(buf, real)) return mg_str_new_cstr(real);
            return mg_str_new_cstr(buf);
        }
    }
    return MG_NIL;
}

static bool
builtin_feature(const char *f)
{
    static const char *const names[] = { "enumerator", "thread", "rational", "complex", "fiber",
        "pp", "ruby2_keywords", "continuation", NULL };
    for (int i = 0; names[i]; i++) if (!strcmp(f, names[i])) return true;
    return false;
}

Value
mg_require(const char *feature)
{
    VM *vm = VMS;
    if (feature[0] != '/' && feature[0] != '.' && feature[0] != '~') {
        int r = mg_ext_require(feature);     /* builtin C libraries first (src/ext) */
        if (r == 1 && mg_ext_loaded_hook) mg_ext_loaded_hook(feature);
        if (r >= 0) return MG_BOOL(r == 1);
    }
    Value path = resolve_feature(feature);
    if (path == MG_NIL && feature[0] != '/' && feature[0] != '.' && feature[0] != '~')
        path = mg_ext_gem_feature(feature);  /* a Debian-installed gem's library (src/ext/ext.c) */
    if (path == MG_NIL) {
        if (builtin_feature(feature)) return MG_FALSE;
        Value msg = mg_sprintf("cannot load such file -- %s", feature);
        Value e = mg_exc_new_str(mg_eLoadError, msg);
        mg_ivar_set(e, mg_intern_cstr("path"), mg_str_new_cstr(feature));
        mg_raise_exc(e);
    }
    for (int64_t i = 0; i < mg_ary_len(vm->loaded); i++) {
        Value l = mg_ary_entry(vm->loaded, i);
        if (MG_IS_STRING(l) && mg_str_equal(l, path)) return MG_FALSE;
    }
    mg_gc_protect(path);
    mg_ary_push(vm->loaded, path);
    if (mg_feature_persisted_hook && mg_feature_persisted_hook(path)) return MG_FALSE;   /* its code is in the repository */
    load_path_file(mg_str_cstr(path), true);
    if (mg_feature_loaded_hook) mg_feature_loaded_hook(path);
    return MG_TRUE;
}

bool (*mg_feature_persisted_hook)(Value path);
void (*mg_feature_loaded_hook)(Value path);
void (*mg_ext_loaded_hook)(const char *feature);

Value mg_require_relative(const char *feature);
Value
mg_require_relative(const char *feature)
{
    Frame *f = mg_vm_ruby_frame();
    const char *file = f ? mg_frame_file(f) : ".";
    char dir[PATH_MAX];
    char real[PATH_MAX];
    if (realpath(file, real)) file = real;
    snprintf(dir, sizeof dir, "%s", file);
    char *slash = strrchr(dir, '/');
    if (slash) *slash = 0; else strcpy(dir, ".");
    if (feature[0] == '/') return mg_require(feature);
    char buf[PATH_MAX * 2];
    snprintf(buf, sizeof buf, "%s/%s", dir, feature);
    if (buf[0] != '/' && strncmp(buf, "./", 2) && strncmp(buf, "../", 3)) {
        char b2[PATH_MAX * 2 + 2];
        snprintf(b2, sizeof b2, "./%s", buf);
        return mg_require(b2);
    }
    return mg_require(buf);
}

/* ---- prelude ---- */

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static Value
prelude_one(Value path)
{
    return load_path_file(mg_str_cstr(path), true);
}

static void
find_home(char *out, size_t n)
{
    const char *h = getenv("MAGLEV_HOME");
    if (h && *h) { snprintf(out, n, "%s", h); return; }
    char exe[PATH_MAX];
    ssize_t r = readlink("/proc/self/exe", exe, sizeof exe - 4);
    if (r <= 0) { snprintf(out, n, "."); return; }
    exe[r] = 0;
    char *s = strrchr(exe, '/');
    if (s) *s = 0;
    strcat(exe, "/..");
    /* bin/maglev-ruby -> the checkout; a build directory's build/<name>/maglev-ruby too */
    char lib[PATH_MAX + 16];
    struct stat st;
    snprintf(lib, sizeof lib, "%s/lib", exe);
    if (stat(lib, &st) != 0) {
        snprintf(lib, sizeof lib, "%s/../lib/prelude", exe);
        if (stat(lib, &st) == 0 && S_ISDIR(st.st_mode) && strlen(exe) + 4 < sizeof exe) strcat(exe, "/..");
    }
    snprintf(out, n, "%s", exe);
    char real[PATH_MAX];
    if (realpath(out, real)) snprintf(out, n, "%s", real);
}

void
mg_prelude_load(void)
{
    char home[PATH_MAX];
    find_home(home, sizeof home);
    char dir[PATH_MAX + 32];
    snprintf(dir, sizeof dir, "%s/lib", home);
    home_lib = mg_str_new_cstr(dir);
    mg_gc_register(&home_lib);
    mg_ary_push(VMS->load_path, home_lib);
    /* then CRuby's own pure-Ruby standard library, in CRuby's order, where installed */
    static const char *const stdlib_dirs[] = { "/usr/local/lib/site_ruby/3.1.0", "/usr/local/lib/site_ruby",
        "/usr/lib/ruby/vendor_ruby/3.1.0", "/usr/lib/ruby/vendor_ruby", "/usr/lib/ruby/3.1.0", NULL };
    for (int i = 0; stdlib_dirs[i]; i++) {
        struct stat st;
        if (stat(stdlib_dirs[i], &st) == 0 && S_ISDIR(st.st_mode))
            mg_ary_push(VMS->load_path, mg_str_new_cstr(stdlib_dirs[i]));
    }
    snprintf(dir, sizeof dir, "%s/lib/prelude", home);
    DIR *d = opendir(dir);
    if (!d) return;
    char **names = NULL;
    size_t count = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!ends_with(e->d_name, ".rb")) continue;
        if (count == cap) { cap = cap ? cap * 2 : 16; names = realloc(names, cap * sizeof *names); }
        names[count++] = strdup(e->d_name);
    }
    closedir(d);
    if (count) qsort(names, count, sizeof *names, cmp_str);
    for (size_t i = 0; i < count; i++) {
        Value path = mg_sprintf("%s/%s", dir, names[i]);
        Value exc;
        mg_protect(prelude_one, path, &exc);
        if (exc != MG_NIL) {
            fprintf(stderr, "maglev: error in prelude %s:\n", names[i]);
            mg_vm_report_exception(exc);
            VMS->errinfo = MG_NIL;
        }
        free(names[i]);
    }
    free(names);
}

/* Binding#dup / #clone (ERB's new_toplevel dups TOPLEVEL_BINDING): a copy of the
 * same scope; the allocator gives the copy its T_DATA body. */
static Value
binding_alloc(RClass *klass)
{
    void *p;
    Value v = mg_data_new_inline(klass, &mg_binding_type, sizeof(Binding), &p);
    Binding *b = p;
    b->env = b->self = b->cref = b->def_target = b->block = b->file = MG_NIL;
    return v;
}

/* Binding.allocate: as in CRuby, a Binding is made only from a running scope
 * (binding, Kernel#binding, dup / clone); an empty one evaluated nowhere */
static Value
binding_s_allocate(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)argv; (void)blk;
    return mg_alloc_undefined(MG_RCLASS(self));
}

static Value
binding_initialize_copy(Value self, int argc, const Value *argv, Value blk)
{
    (void)argc; (void)blk;
    Binding *d = mg_binding_ptr(self), *o = mg_binding_ptr(argv[0]);
    *d = *o;
    return self;
}

void
mg_init_eval(void)
{
    mg_define_alloc_func(mg_cBinding, binding_alloc);
    mg_define_singleton_method(MG_VAL(mg_cBinding), "allocate", binding_s_allocate, 0, 0);
    mg_define_private_method(mg_cBinding, "initialize_copy", binding_initialize_copy, 1, 1);
}

/* ---- globals ---- */

static Value g_errinfo(ID id) { (void)id; return VMS->errinfo; }
static void s_errinfo(ID id, Value v) { (void)v; mg_raise(mg_eNameError, "%s is a read-only variable", mg_id_name(id, NULL)); }
static Value g_errat(ID id) { (void)id; return VMS->errinfo == MG_NIL ? MG_NIL : mg_exc_backtrace(VMS->errinfo); }
static void s_errat(ID id, Value v)
{
    (void)id;
    if (VMS->errinfo == MG_NIL) mg_raise(mg_eArgumentError, "$! not set");
    mg_exc_set_backtrace(VMS->errinfo, v);
}
/* $/ $\ $, take a String or nil, $; also a Regexp; $VERBOSE stores true
 * for any other true value (CRuby's checks and messages) */
static Value
check_str(ID id, Value v)
{
    if (v != MG_NIL && !MG_IS_STRING(v)) mg_raise(mg_eTypeError, "value of %s must be String", mg_id_name(id, NULL));
    return v;
}
static Value
check_fs(ID id, Value v)
{
    if (v != MG_NIL && !MG_IS_STRING(v) && !mg_is_regexp(v))
        mg_raise(mg_eTypeError, "value of %s must be String or Regexp", mg_id_name(id, NULL));
    return v;
}
static Value check_verbose(ID id, Value v) { (void)id; return v == MG_NIL || v == MG_FALSE ? v : MG_TRUE; }
static Value check_inplace(ID id, Value v) { (void)id; return v == MG_NIL ? v : mg_to_str(v); }   /* $-i: -i's extension */
/* -a, -l, -p: read-only */
static Value g_autosplit(ID id) { (void)id; return MG_BOOL(mg_vm_main_loop & MG_LOOP_SPLIT); }
static Value g_chomp(ID id) { (void)id; return MG_BOOL(mg_vm_main_loop & MG_LOOP_CHOMP); }
static Value g_print(ID id) { (void)id; return MG_BOOL(mg_vm_main_loop & MG_LOOP_PRINT); }
static Value g_backref(ID id) { (void)id; return mg_backref_get(); }
static void
s_backref(ID id, Value v)
{
    (void)id;
    if (v != MG_NIL && !mg_obj_is_kind_of(v, mg_cMatchData))
        mg_raise(mg_eTypeError, "wrong argument type %s (expected MatchData)", mg_class_cname(mg_obj_class(v)));
    mg_backref_set(v);
}
/* $& $` $' $+ are read by the compiler as back references; these gvars let
 * `alias $PREMATCH $`` (English.rb) and global_variable_get see them too */
static Value g_last_match(ID id) { (void)id; return mg_reg_last_match(mg_backref_get()); }
static Value g_prematch(ID id) { (void)id; return mg_reg_match_pre(mg_backref_get()); }
static Value g_postmatch(ID id) { (void)id; return mg_reg_match_post(mg_backref_get()); }
static Value g_last_paren(ID id) { (void)id; return mg_reg_match_last(mg_backref_get()); }
static Value g_lastline(ID id) { (void)id; return mg_lastline_get(); }
static void s_lastline(ID id, Value v) { (void)id; mg_lastline_set(v); }
static Value g_loadpath(ID id) { (void)id; return VMS->load_path; }
static Value g_loaded(ID id) { (void)id; return VMS->loaded; }
static Value g_progname(ID id) { (void)id; return VMS->script_name; }
static void s_progname(ID id, Value v) { (void)id; VMS->script_name = mg_to_str(v); }
static Value g_pid(ID id) { (void)id; return MG_FIX(getpid()); }
static Value g_argv(ID id) { (void)id; return VMS->argv; }

void mg_init_vm_globals(const MgVMOptions *opts);
void
mg_init_vm_globals(const MgVMOptions *opts)
{
    VM *vm = VMS;
    vm->load_path = mg_ary_new();
    vm->loaded = mg_ary_new();
    vm->argv = mg_ary_new();
    if (opts) for (int i = 0; i < opts->argc; i++) mg_ary_push(vm->argv, mg_str_new_cstr(opts->argv[i]));
    vm->script_name = mg_str_new_cstr(opts && opts->script_name ? opts->script_name : "-");
    mg_process_set_argv0(opts && opts->script_name ? opts->script_name : "-");    /* Process.argv0 */
    mg_define_virtual_gvar("$!", g_errinfo, s_errinfo);
    mg_define_virtual_gvar("$@", g_errat, s_errat);
    mg_define_virtual_gvar("$~", g_backref, s_backref);
    mg_define_virtual_gvar("$_", g_lastline, s_lastline);
    mg_define_virtual_gvar("$&", g_last_match, NULL);
    mg_define_virtual_gvar("$`", g_prematch, NULL);
    mg_define_virtual_gvar("$'", g_postmatch, NULL);
    mg_define_virtual_gvar("$+", g_last_paren, NULL);
    mg_define_virtual_gvar("$:", g_loadpath, NULL);
    mg_define_virtual_gvar("$LOAD_PATH", g_loadpath, NULL);
    mg_define_virtual_gvar("$-I", g_loadpath, NULL);
    mg_define_virtual_gvar("$\"", g_loaded, NULL);
    mg_define_virtual_gvar("$LOADED_FEATURES", g_loaded, NULL);
    mg_define_virtual_gvar("$0", g_progname, s_progname);
    mg_define_virtual_gvar("$PROGRAM_NAME", g_progname, s_progname);
    mg_define_virtual_gvar("$$", g_pid, NULL);
    mg_define_virtual_gvar("$*", g_argv, NULL);
    mg_gvar_set(mg_intern_cstr("$/"), mg_str_freeze(mg_str_new_cstr("\n")));
    mg_gvar_set(mg_intern_cstr("$;"), MG_NIL);
    mg_gvar_set(mg_intern_cstr("$,"), MG_NIL);
    mg_gvar_set(mg_intern_cstr("$\\"), MG_NIL);
    mg_gvar_set(mg_intern_cstr("$VERBOSE"), opts && opts->quiet ? MG_NIL : opts && opts->warnings ? MG_TRUE : MG_FALSE);
    mg_gvar_set(mg_intern_cstr("$DEBUG"), opts && opts->debug ? MG_TRUE : MG_FALSE);
    static const char *const strs[] = { "$/", "$\\", "$," };
    for (size_t i = 0; i < ARRAY_LEN(strs); i++) mg_define_checked_gvar(strs[i], check_str);
    mg_define_checked_gvar("$;", check_fs);
    mg_define_checked_gvar("$VERBOSE", check_verbose);
    mg_define_checked_gvar("$-i", check_inplace);
    static const char *const aliases[][2] = { { "$-0", "$/" }, { "$-F", "$;" }, { "$-v", "$VERBOSE" }, { "$-w", "$VERBOSE" },
                                              { "$-d", "$DEBUG" } };
    for (size_t i = 0; i < ARRAY_LEN(aliases); i++) mg_vm_gvar_alias(mg_intern_cstr(aliases[i][0]), mg_intern_cstr(aliases[i][1]));
    mg_define_virtual_gvar("$-a", g_autosplit, NULL);
    mg_define_virtual_gvar("$-l", g_chomp, NULL);
    mg_define_virtual_gvar("$-p", g_print, NULL);
    /* $FILENAME is ARGF.filename (core/io.c) */
    /* standard streams, when io.c made the constants but not the globals */
    static const char *const streams[][2] = { { "$stdout", "STDOUT" }, { "$stderr", "STDERR" }, { "$stdin", "STDIN" } };
    for (int i = 0; i < 3; i++) {
        ID g = mg_intern_cstr(streams[i][0]);
        if (mg_gvar_get(g) == MG_NIL) {
            Value c = mg_const_get_at(mg_cObject, mg_intern_cstr(streams[i][1]));
            if (c != MG_UNDEF) mg_gvar_set(g, c);
        }
    }
    if (mg_gvar_get(mg_intern_cstr("$>")) == MG_NIL) mg_vm_gvar_alias(mg_intern_cstr("$>"), mg_intern_cstr("$stdout"));
    /* constants */
    mg_define_global_const("RUBY_ENGINE", mg_str_freeze(mg_str_new_cstr("maglev")));
    mg_define_global_const("RUBY_ENGINE_VERSION", mg_str_freeze(mg_str_new_cstr("0.1.0")));
    mg_define_global_const("RUBY_VERSION", mg_str_freeze(mg_str_new_cstr("3.1.2")));
    mg_define_global_const("RUBY_PATCHLEVEL", MG_FIX(20));
    mg_define_global_const("RUBY_RELEASE_DATE", mg_str_freeze(mg_str_new_cstr("2022-04-12")));
    mg_define_global_const("RUBY_PLATFORM", mg_str_freeze(mg_str_new_cstr("x86_64-linux")));
    mg_define_global_const("RUBY_REVISION", mg_str_freeze(mg_str_new_cstr("maglev")));
    mg_define_global_const("RUBY_COPYRIGHT", mg_str_freeze(mg_str_new_cstr("maglev - Copyright (C) the MagLev authors; ruby 3.1.2 compatible")));
    mg_define_global_const("RUBY_DESCRIPTION", mg_str_freeze(mg_str_new_cstr("maglev 0.1.0 (ruby 3.1.2 compatible) [x86_64-linux]")));
    if (mg_const_get_at(mg_cObject, mg_intern_cstr("ARGV")) == MG_UNDEF) mg_define_global_const("ARGV", vm->argv);
    toplevel_binding = mg_binding_new(NULL);
    mg_define_global_const("TOPLEVEL_BINDING", toplevel_binding);
}
