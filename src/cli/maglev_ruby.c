/* maglev_ruby.c -- main() of maglev-ruby: CRuby-compatible command-line
 * options, then the VM runs the program (src/vm/run.c). */
#include "../vm/vm_int.h"
#include <unistd.h>
#include "../parse/ast.h"
#include "../store/store.h"
#include "../ext/ext.h"
#include <limits.h>

#define VERSION_LINE "maglev 0.1.0 (ruby 3.1.2 compatible) [x86_64-linux]"

void mg_disasm(FILE *out, Value codev, int indent);
void mg_vm_boot(void);
void mg_kernel_init_main(Value main_obj);

static void
usage(FILE *out)
{
    fputs("Usage: maglev-ruby [switches] [--] [programfile] [arguments]\n"
          "  -c              check syntax only\n"
          "  -e 'command'    one line of script. Several -e's allowed. Omit [programfile]\n"
          "  -i[extension]   edit ARGV files in place (make backup if extension supplied)\n"
          "  -Idirectory     specify $LOAD_PATH directory (may be used more than once)\n"
          "  -rlibrary       require the library before executing your script\n"
          "  -S              look for the script using PATH environment variable\n"
          "  --disable-gems  do not load RubyGems (nor activate installed gems on require)\n"
          "  -v              print the version number, then turn on verbose mode\n"
          "  -w              turn warnings on for your script\n"
          "  -W[level=2]     set warning level; 0=silence, 1=medium, 2=verbose\n"
          "  -Mpersistent    start in persistent mode (Maglev.persistent)\n"
          "  -Mcommit        run -e, -r libraries and the script in persistent mode and\n"
          "                  commit when the program ends without an exception\n"
          "  --max-memory=SIZE  cap the private heap (e.g. 64M): clean persistent objects\n"
          "                  are evicted and read again when needed (MAGLEV_MAX_MEMORY)\n"
          "  -h              show this message, --help for more info\n"
          "  --version       print the version number, then exit\n"
          "  --dump-ast      print the syntax tree and exit\n"
          "  --dump-bytecode print the compiled bytecode and exit\n", out);
}

/* "64M", "1g", "65536k", "1000000": bytes, or 0 when malformed. */
static size_t
parse_size(const char *s)
{
    char *end;
    unsigned long long n = strtoull(s, &end, 10);
    if (end == s) return 0;
    switch (*end) {
    case 'k': case 'K': n <<= 10; end++; break;
    case 'm': case 'M': n <<= 20; end++; break;
    case 'g': case 'G': n <<= 30; end++; break;
    default: break;
    }
    if (*end == 'b' || *end == 'B') end++;
    return *end ? 0 : (size_t)n;
}

static bool
set_max_memory(const char *s)
{
    size_t n = parse_size(s);
    if (!n || n < (4u << 20)) {
        fprintf(stderr, "maglev-ruby: invalid memory size %s (at least 4M, e.g. --max-memory=64M) (RuntimeError)\n", s);
        return false;
    }
    mg_gc_max_bytes = n;
    return true;
}

static char *
read_all(FILE *fp, size_t *len)
{
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 1);
    if (!buf) return NULL;
    for (;;) {
        size_t r = fread(buf + n, 1, cap - n, fp);
        n += r;
        if (r == 0) break;
        if (n == cap) {
            cap *= 2;
            char *nb = realloc(buf, cap + 1);
            if (!nb) { free(buf); return NULL; }
            buf = nb;
        }
    }
    buf[n] = 0;
    *len = n;
    return buf;
}

typedef struct { const char *feature; } ReqArg;

static Value
require_body(Value arg)
{
    return mg_require((const char *)(uintptr_t)arg);
}

/* -i[ext]: ARGF.inplace_mode = ext */
static Value
inplace_body(Value arg)
{
    Value argf = mg_const_get_at(mg_cObject, mg_intern_cstr("ARGF"));
    Value ext = mg_str_new_cstr((const char *)(uintptr_t)arg);
    return mg_funcall(argf, mg_intern_cstr("inplace_mode="), 1, &ext);
}

static Value
restore_load_path_body(Value arg)
{
    UNUSED(arg);
    mg_code_restore_load_path();
    return MG_NIL;
}

static void
commit_at_end(void)
{
    mg_code_save_load_path();
    mg_store_commit();
}

/* argv with the switches of MAGLEV_OPTS inserted before the command line's
 * (MAGLEV-API.md section 10). The strings are never freed: argv lives as long. */
static char **
with_maglev_opts(int *argc, char **argv)
{
    const char *env = getenv("MAGLEV_OPTS");
    if (!env || !*env) return argv;
    char *copy = strdup(env);
    size_t n = 0;
    for (char *p = copy; *p;) {
        while (*p == ' ' || *p == '\t') p++;
        if (!*p) break;
        n++;
        while (*p && *p != ' ' && *p != '\t') p++;
    }
    char **nv = calloc((size_t)*argc + n + 1, sizeof *nv);
    if (!copy || !nv) return argv;
    int k = 0;
    nv[k++] = argv[0];
    for (char *p = copy; *p;) {
        while (*p == ' ' || *p == '\t') *p++ = '\0';
        if (!*p) break;
        nv[k++] = p;
        while (*p && *p != ' ' && *p != '\t') p++;
    }
    for (int i = 1; i < *argc; i++) nv[k++] = argv[i];
    nv[k] = NULL;
    *argc = k;
    return nv;
}

/* --disable=LIST / --enable=LIST: whether the list names gems (or all) */
static bool
names_gems(const char *list)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", list);
    for (char *t = strtok(buf, ","); t; t = strtok(NULL, ","))
        if (!strcmp(t, "gems") || !strcmp(t, "all")) return true;
    return false;
}

/* a -I directory as CRuby records it: relative ones made absolute */
static const char *
abs_dir(const char *d)
{
    if (d[0] == '/') return d;
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd)) return d;
    size_t n = strlen(cwd) + strlen(d) + 2;
    char *r = malloc(n);
    if (!r) return d;
    if (!strcmp(d, ".")) snprintf(r, n, "%s", cwd);
    else snprintf(r, n, "%s/%s", cwd, !strncmp(d, "./", 2) ? d + 2 : d);
    return r;
}

/* the switches of RUBYOPT, after the command line's (as CRuby): -I, -r, -w, -W,
 * -v (verbose, no version line), -d, -U, -E/-K and --enable/--disable; any other
 * is an error. The strings are never freed: they live as long as the process. */
static bool
rubyopt_switches(const char **incdirs, int *nincs, const char **reqs, int *nreqs, bool *warnings, bool *gems_off)
{
    const char *env = getenv("RUBYOPT");
    if (!env || !*env) return true;
    char *copy = strdup(env);
    if (!copy) return true;
    for (char *t = strtok(copy, " \t"); t; t = strtok(NULL, " \t")) {
        if (t[0] != '-') continue;
        if (!strncmp(t, "-I", 2)) {
            const char *d = t[2] ? t + 2 : strtok(NULL, " \t");
            if (d && *nincs < 256) incdirs[(*nincs)++] = abs_dir(d);
        } else if (!strncmp(t, "-r", 2)) {
            const char *r = t[2] ? t + 2 : strtok(NULL, " \t");
            if (r && *nreqs < 256) reqs[(*nreqs)++] = r;
        } else if (!strcmp(t, "-w") || !strcmp(t, "-v") || !strcmp(t, "-W") || !strcmp(t, "-W2")) *warnings = true;
        else if (!strncmp(t, "-W", 2) || !strcmp(t, "-d") || !strcmp(t, "-U") || !strncmp(t, "-E", 2) ||
                 !strncmp(t, "-K", 2) || !strcmp(t, "--debug") || !strncmp(t, "--encoding", 10)) { }
        else if (!strncmp(t, "--disable", 9)) {
            const char *l = t[9] == '-' || t[9] == '=' ? t + 10 : strtok(NULL, " \t");
            if (l && names_gems(l)) *gems_off = true;
        } else if (!strncmp(t, "--enable", 8)) {
            const char *l = t[8] == '-' || t[8] == '=' ? t + 9 : strtok(NULL, " \t");
            if (l && names_gems(l)) *gems_off = false;
        } else {
            fprintf(stderr, "maglev-ruby: invalid switch in RUBYOPT: %s (RuntimeError)\n", t);
            return false;
        }
    }
    return true;
}

/* -S: a script name without a slash is looked for in the directories of PATH */
static const char *
search_path(const char *file)
{
    if (strchr(file, '/')) return file;
    const char *path = getenv("PATH");
    if (!path) return file;
    char *copy = strdup(path);
    if (!copy) return file;
    for (char *d = strtok(copy, ":"); d; d = strtok(NULL, ":")) {
        size_t n = strlen(d) + strlen(file) + 2;
        char *full = malloc(n);
        if (!full) break;
        snprintf(full, n, "%s/%s", *d ? d : ".", file);
        if (access(full, R_OK) == 0) { free(copy); return full; }
        free(full);
    }
    free(copy);
    return file;
}

int
main(int argc, char **argv)
{
    char *script_src = NULL;
    size_t script_len = 0, script_cap = 0;
    int mswitches = 0;   /* MagLev's -M tooling switches: on once the VM has booted */
    bool quiet = false;  /* -W0 */
    const char *inplace = NULL;   /* -i's extension */
    bool have_e = false, check_only = false, warnings = false, dump_ast = false, dump_bc = false, verbose_version = false;
    bool check_regexps = false;
    const char *incdirs[256]; int nincs = 0;
    const char *reqs[256]; int nreqs = 0;
    bool m_persistent = false, m_commit = false, gems_off = false, search_script = false;
    argv = with_maglev_opts(&argc, argv);
    const char *mm = getenv("MAGLEV_MAX_MEMORY");
    if (mm && *mm && !set_max_memory(mm)) return 1;
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "+d")) continue;           /* MagLev: no debugger on errors (the default) */
        if (a[0] != '-' || !strcmp(a, "-")) break;
        if (!strcmp(a, "--")) { i++; break; }
        if (!strcmp(a, "-e")) {
            if (i + 1 >= argc) { fputs("maglev-ruby: no code specified for -e (RuntimeError)\n", stderr); return 1; }
            const char *code = argv[++i];
            size_t l = strlen(code);
            if (script_len + l + 2 > script_cap) {
                script_cap = (script_len + l + 2) * 2;
                script_src = realloc(script_src, script_cap);
            }
            if (have_e) script_src[script_len++] = '\n';
            memcpy(script_src + script_len, code, l);
            script_len += l;
            script_src[script_len] = 0;
            have_e = true;
        } else if (!strncmp(a, "-I", 2)) {
            const char *d = a[2] ? a + 2 : (i + 1 < argc ? argv[++i] : NULL);
            if (d && nincs < 256) incdirs[nincs++] = abs_dir(d);
        } else if (!strncmp(a, "-r", 2)) {
            const char *r = a[2] ? a + 2 : (i + 1 < argc ? argv[++i] : NULL);
            if (r && nreqs < 256) reqs[nreqs++] = r;
        } else if (!strncmp(a, "-i", 2)) inplace = a + 2;
        else if (!strcmp(a, "-c")) check_only = true;
        else if (!strcmp(a, "-S")) search_script = true;
        else if (!strncmp(a, "--disable", 9) && (a[9] == '-' || a[9] == '=' || (!a[9] && i + 1 < argc))) {
            if (names_gems(a[9] ? a + 10 : argv[++i])) gems_off = true;
        } else if (!strncmp(a, "--enable", 8) && (a[8] == '-' || a[8] == '=' || (!a[8] && i + 1 < argc))) {
            if (names_gems(a[8] ? a + 9 : argv[++i])) gems_off = false;
        }
        else if (!strcmp(a, "-w") || !strcmp(a, "-W") || !strcmp(a, "-W2") || !strcmp(a, "-W:deprecated")) warnings = true;
        else if (!strcmp(a, "-W0")) { quiet = true; warnings = false; }
        else if (!strncmp(a, "-W", 2)) { /* -W1: the default */ }
        else if (!strcmp(a, "-v")) { verbose_version = true; warnings = true; }
        else if (!strcmp(a, "--version")) { puts(VERSION_LINE); return 0; }
        else if (!strcmp(a, "-h") || !strcmp(a, "--help")) { usage(stdout); return 0; }
        else if (!strcmp(a, "--dump-ast")) dump_ast = true;
        else if (!strcmp(a, "--dump-bytecode")) dump_bc = true;
        else if (!strcmp(a, "--verbose")) warnings = true;
        else if (!strncmp(a, "--disable", 9) || !strncmp(a, "--enable", 8) || !strncmp(a, "--jit", 5) ||
                 !strncmp(a, "--yjit", 6) || !strncmp(a, "--encoding", 10) || !strncmp(a, "--external-encoding", 19) ||
                 !strncmp(a, "--internal-encoding", 19) || !strcmp(a, "-U") || !strncmp(a, "-E", 2) ||
                 !strncmp(a, "-K", 2) || !strcmp(a, "-d") || !strcmp(a, "--debug") || !strncmp(a, "--backtrace-limit", 17)) {
            if ((!strcmp(a, "--disable") || !strcmp(a, "--enable") || !strcmp(a, "-E")) && i + 1 < argc) i++;
        } else if (!strncmp(a, "-M", 2)) {
            const char *m = a[2] ? a + 2 : (i + 1 < argc ? argv[++i] : "");
            if (!strcmp(m, "persistent")) m_persistent = true;
            else if (!strcmp(m, "commit")) m_commit = true;
            else if (!strcmp(m, "traceLoad")) mswitches |= MG_TRACE_LOAD;
            else if (!strcmp(m, "traceGlobals")) mswitches |= MG_TRACE_GLOBALS;
            else if (!strcmp(m, "logSexp")) mswitches |= MG_LOG_SEXP;
            else if (!strcmp(m, "noCaptureStack")) mswitches |= MG_NO_CAPTURE_STACK;
            else if (!strcmp(m, "maglevVersion")) { puts(VERSION_LINE); fflush(stdout); }
            else if (!strcmp(m, "rlwrap")) { /* line editing is maglev-irb's own (libedit): nothing to wrap */ }
            else {
                fprintf(stderr, "maglev-ruby: unknown MagLev switch -M%s (known: persistent, commit, traceLoad, "
                        "traceGlobals, logSexp, noCaptureStack, maglevVersion, rlwrap)\n", m);
                return 1;
            }
        } else if (!strcmp(a, "--copyright")) {
            puts("maglev - Copyright (c) 2026 the maglev developers; MagLev's design by GemStone Systems");
            return 0;
        } else if (!strcmp(a, "-q") || !strcmp(a, "-G")) {
            /* MagLev's quiet start and lock/log folder switches: maglev prints no
             * banner and keeps its locks and logs beside the repository */
        } else if (!strncmp(a, "--netldiname", 12) || !strncmp(a, "--stonehost", 11)) {
            /* GemStone's remote hosts: one repository on this machine (docs/cli.md) */
            if (!strchr(a, '=') && i + 1 < argc) i++;
        } else if (!strncmp(a, "--tocsz", 7)) {
            /* MagLev's temporary object cache size in KB: the heap cap */
            const char *v = a[7] == '=' ? a + 8 : (!a[7] && i + 1 < argc ? argv[++i] : "");
            char buf[64];
            snprintf(buf, sizeof buf, "%sK", v);
            if (!*v || !set_max_memory(buf)) return 1;
        } else if (!strncmp(a, "--max-memory", 12)) {
            const char *v = a[12] == '=' ? a + 13 : (!a[12] && i + 1 < argc ? argv[++i] : "");
            if (!set_max_memory(v)) return 1;
        } else if (!strncmp(a, "--stone", 7) && (a[7] == '=' || (!a[7] && i + 1 < argc))) {
            /* MagLev's repository choice: this project's MAGLEV_STONE */
            setenv("MAGLEV_STONE", a[7] == '=' ? a + 8 : argv[++i], 1);
        } else {
            fprintf(stderr, "maglev-ruby: invalid option %s  (-h will show valid options) (RuntimeError)\n", a);
            return 1;
        }
    }
    if (!rubyopt_switches(incdirs, &nincs, reqs, &nreqs, &warnings, &gems_off)) return 1;
    if (verbose_version) {
        puts(VERSION_LINE);
        fflush(stdout);
        if (!have_e && i >= argc) return 0;
    }
    const char *file;
    if (have_e) file = "-e";
    else if (i < argc) {
        file = argv[i++];
        if (search_script) file = search_path(file);
        FILE *fp = !strcmp(file, "-") ? stdin : fopen(file, "rb");
        if (!fp) {
            fprintf(stderr, "maglev-ruby: No such file or directory -- %s (LoadError)\n", file);
            return 1;
        }
        script_src = read_all(fp, &script_len);
        if (fp != stdin) fclose(fp);
        if (!script_src) { fputs("maglev-ruby: out of memory\n", stderr); return 1; }
    } else {
        file = "-";
        script_src = read_all(stdin, &script_len);
        if (!script_src) return 1;
    }
    if (!script_src) { script_src = strdup(""); script_len = 0; }

    if (check_only && !dump_ast && !dump_bc) {
        int st = mg_vm_check_syntax(script_src, script_len, file);
        if (st != 2) return st;
        check_regexps = true;   /* regexp literals: checked once the VM runs (below) */
    }
    if (dump_ast) {
        ParseResult pr = mg_parse(script_src, script_len, file, 1, NULL, 0);
        if (!pr.root) { fprintf(stderr, "%s\n", pr.error ? pr.error : "syntax error"); mg_ast_free(&pr); return 1; }
        mg_ast_dump(stdout, pr.root, 0);
        mg_ast_free(&pr);
        if (!dump_bc) return 0;
    }

    mg_init_ids();
    mg_init_object_model();
    mg_vm_boot();
    mg_init_core();
    mg_gc_init();            /* every subsystem has registered its roots */
    if (gems_off) mg_ext_disable_gems();
    MgVMOptions opts = { .argc = argc - i, .argv = argv + i, .script_name = file, .warnings = warnings && !quiet,
                         .quiet = quiet };
    mg_vm_init(&opts);
    mg_maglev_switches = mswitches;
    if (check_regexps) return mg_vm_check_syntax(script_src, script_len, file);
    /* $LOAD_PATH: -I directories (the command line's, then RUBYOPT's), then RUBYLIB's */
    const char *rubylib = getenv("RUBYLIB");
    if (rubylib && *rubylib) {
        char *copy = strdup(rubylib);
        const char *dirs[256]; int nd = 0;
        for (char *d = copy ? strtok(copy, ":") : NULL; d && nd < 256; d = strtok(NULL, ":")) dirs[nd++] = d;
        for (int k = nd - 1; k >= 0; k--) mg_ary_unshift(VMS->load_path, mg_str_new_cstr(dirs[k]));
        free(copy);
    }
    for (int k = nincs - 1; k >= 0; k--) mg_ary_unshift(VMS->load_path, mg_str_new_cstr(incdirs[k]));
    /* then the persistent $LOAD_PATH's directories it lacks (the repository's, when there is one) */
    {
        Value exc;
        mg_protect(restore_load_path_body, MG_NIL, &exc);
    }

    if (dump_bc) {
        Value exc;
        typedef struct { const char *s; size_t n; const char *f; } A;
        A a = { script_src, script_len, file };
        Value compile_body(Value arg);
        Value code = mg_protect(compile_body, (Value)(uintptr_t)&a, &exc);
        if (code == MG_UNDEF) { mg_vm_report_exception(exc); return 1; }
        mg_disasm(stdout, code, 0);
        return 0;
    }
    if (m_persistent || m_commit) mg_mode_set(MG_MODE_PERSISTENT);
    if (m_commit) mg_vm_main_done_hook = commit_at_end;
    if (inplace) {
        Value exc;
        mg_protect(inplace_body, (Value)(uintptr_t)inplace, &exc);
        if (exc != MG_NIL) { mg_vm_report_exception(exc); return 1; }
    }
    for (int k = 0; k < nreqs; k++) {
        Value exc;
        mg_protect(require_body, (Value)(uintptr_t)reqs[k], &exc);
        if (exc != MG_NIL) { mg_vm_report_exception(exc); return 1; }
    }
    int status = mg_vm_run_main(script_src, script_len, file);
    free(script_src);
    fflush(stdout);
    return status;
}

Value compile_body(Value arg);
Value
compile_body(Value arg)
{
    typedef struct { const char *s; size_t n; const char *f; } A;
    A *a = (A *)(uintptr_t)arg;
    return mg_vm_compile_source(a->s, a->n, a->f, 1, CODE_TOP, MG_NIL, 0);
}
