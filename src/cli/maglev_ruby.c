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
          "  -0[octal]       specify record separator (\\0, if no argument)\n"
          "  -a              autosplit mode with -n or -p (splits $_ into $F)\n"
          "  -c              check syntax only\n"
          "  -Cdirectory     cd to directory before executing your script\n"
          "  -d, --debug     set debugging flags (set $DEBUG to true)\n"
          "  -e 'command'    one line of script. Several -e's allowed. Omit [programfile]\n"
          "  -Eex[:in]       specify the default external and internal character encodings\n"
          "  -Fpattern       split() pattern for autosplit (-a)\n"
          "  -i[extension]   edit ARGV files in place (make backup if extension supplied)\n"
          "  -Idirectory     specify $LOAD_PATH directory (may be used more than once)\n"
          "  -l              enable line ending processing\n"
          "  -n              assume 'while gets(); ... end' loop around your script\n"
          "  -p              assume loop like -n but print line also like sed\n"
          "  -rlibrary       require the library before executing your script\n"
          "  -s              enable some switch parsing for switches after script name\n"
          "  -S              look for the script using PATH environment variable\n"
          "  -U              set the internal encoding to UTF-8\n"
          "  --disable-gems  do not load RubyGems (nor activate installed gems on require)\n"
          "  -v              print the version number, then turn on verbose mode\n"
          "  -w              turn warnings on for your script\n"
          "  -W[level=2]     set warning level; 0=silence, 1=medium, 2=verbose\n"
          "  -x[directory]   strip off text before #!ruby line and perhaps cd to directory\n"
          "  --enable=frozen-string-literal, --disable=frozen-string-literal\n"
          "                  string literals frozen (or not) unless a magic comment says\n"
          "  -Mpersistent    start in persistent mode (Maglev.persistent)\n"
          "  -Mcommit        run -e, -r libraries and the script in persistent mode and\n"
          "                  commit when the program ends without an error (or by exit)\n"
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

/* --disable=LIST / --enable=LIST: whether the list names the feature (or all) */
static bool
names_feature(const char *list, const char *feature, const char *alias)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", list);
    for (char *t = strtok(buf, ","); t; t = strtok(NULL, ","))
        if (!strcmp(t, feature) || (alias && !strcmp(t, alias)) || !strcmp(t, "all")) return true;
    return false;
}

static bool names_gems(const char *list) { return names_feature(list, "gems", NULL); }

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

/* CRuby's bundled switches: -lane is -l -a -n -e, -ne 'code' is -n -e 'code',
 * -e'code' is -e 'code'. Switches that take a value keep it (attached, or
 * the next argument); expansion stops at the script name or "--". */
static char **
expand_bundles(int *argc, char **argv)
{
    char **out = calloc((size_t)*argc * 4 + 1, sizeof *out);
    if (!out) return argv;
    int n = 0, i = 0;
    out[n++] = argv[i++];
    static const char *const with_value[] = { "-e", "-I", "-r", "-E", "-C", "-X", "-M", "--enable", "--disable", "--stone",
                                              "--tocsz", "--max-memory", "--netldiname", "--stonehost", "-F", NULL };
    for (; i < *argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || !a[1] || !strcmp(a, "--")) break;
        bool takes = false;
        for (int k = 0; with_value[k]; k++) if (!strcmp(a, with_value[k])) takes = true;
        if (takes) {
            out[n++] = (char *)a;
            if (i + 1 < *argc) out[n++] = argv[++i];
            continue;
        }
        if (a[1] == 'e' && a[2]) { out[n++] = "-e"; out[n++] = (char *)a + 2; continue; }
        /* letters that take nothing, one after another; the rest is a switch of its own */
        const char *p = a + 1;
        while (p[0] && p[1] && strchr("naplcdsvwyU", p[0])) {
            char *one = malloc(3);
            if (!one) break;
            one[0] = '-'; one[1] = p[0]; one[2] = 0;
            out[n++] = one;
            p++;
        }
        if (p == a + 1) { out[n++] = (char *)a; continue; }
        if (p[0] == 'e' && !p[1]) {                    /* -ne 'code' */
            out[n++] = "-e";
            if (i + 1 < *argc) out[n++] = argv[++i];
            continue;
        }
        if (p[0] == 'e') { out[n++] = "-e"; out[n++] = (char *)p + 1; continue; }
        char *rest = malloc(strlen(p) + 2);
        if (!rest) break;
        rest[0] = '-';
        strcpy(rest + 1, p);
        out[n++] = rest;
    }
    for (; i < *argc; i++) out[n++] = argv[i];
    out[n] = NULL;
    *argc = n;
    return out;
}

static bool names_frozen(const char *list) { return names_feature(list, "frozen-string-literal", "frozen_string_literal"); }

/* -x[dir]: the text before the first "#!...ruby" line is skipped (blanked,
 * so the lines keep their numbers); false when there is none */
static bool
strip_before_shebang(char *src, size_t len)
{
    size_t i = 0;
    while (i < len) {
        size_t e = i;
        while (e < len && src[e] != '\n') e++;
        if (e - i >= 2 && src[i] == '#' && src[i + 1] == '!' && memmem(src + i, e - i, "ruby", 4)) {
            for (size_t k = 0; k < i; k++) if (src[k] != '\n') src[k] = ' ';
            return true;
        }
        i = e + 1;
    }
    return false;
}

/* The switches that set globals or encodings, applied once the VM runs. */
typedef struct {
    const char *rs;            /* -0's digits ("" for -0), NULL: not given */
    bool chomp_out;            /* -l: $\ = $/ */
    const char *fs;            /* -F */
    bool utf8_internal;        /* -U */
    const char *enc;           /* -E ext[:int] */
    const char **snames, **svalues;   /* -s: $name = value (NULL: true) */
    int ns;
} Globals;

static Value
set_globals_body(Value arg)
{
    Globals *g = (Globals *)(uintptr_t)arg;
    if (g->rs) {
        Value v;
        long code = *g->rs ? strtol(g->rs, NULL, 8) : 0;
        if (*g->rs && code == 0) v = mg_str_new("", 0);                            /* -00: paragraphs */
        else if (code >= 0400) v = MG_NIL;                                          /* -0777: the whole input */
        else { char c = (char)code; v = mg_str_new(&c, 1); }
        if (v != MG_NIL) v = mg_funcall(v, mg_intern_cstr("force_encoding"), 1, (Value[]){ mg_str_new_cstr("ASCII-8BIT") });
        mg_gvar_set(mg_intern_cstr("$/"), v);
    }
    if (g->chomp_out) mg_gvar_set(mg_intern_cstr("$\\"), mg_gvar_get(mg_intern_cstr("$/")));
    if (g->fs) {
        Value re = mg_const_get_at(mg_cObject, mg_intern_cstr("Regexp"));
        mg_gvar_set(mg_intern_cstr("$;"), mg_funcall(re, mg_intern_cstr("new"), 1, (Value[]){ mg_str_new_cstr(g->fs) }));
    }
    Value enc = mg_const_get_at(mg_cObject, mg_intern_cstr("Encoding"));
    if (g->enc) {
        const char *colon = strchr(g->enc, ':');
        Value ext = mg_str_new(g->enc, colon ? (size_t)(colon - g->enc) : strlen(g->enc));
        if (mg_str_len(ext)) mg_funcall(enc, mg_intern_cstr("default_external="), 1, &ext);
        if (colon && colon[1]) {
            Value in = mg_str_new_cstr(colon + 1);
            mg_funcall(enc, mg_intern_cstr("default_internal="), 1, &in);
        }
    }
    if (g->utf8_internal) {
        Value u = mg_str_new_cstr("UTF-8");
        mg_funcall(enc, mg_intern_cstr("default_internal="), 1, &u);
    }
    for (int k = 0; k < g->ns; k++) {
        char name[256];
        snprintf(name, sizeof name, "$%s", g->snames[k]);
        for (char *c = name; *c; c++) if (*c == '-') *c = '_';
        mg_gvar_set(mg_intern_cstr(name), g->svalues[k] ? mg_str_new_cstr(g->svalues[k]) : MG_TRUE);
    }
    return MG_NIL;
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
    int loop = 0;                         /* -n/-p */
    bool lflag = false, aflag = false, sflag = false, xflag = false, debug = false;
    const char *xdir = NULL;
    Globals globals = { 0 };
    argv = with_maglev_opts(&argc, argv);
    argv = expand_bundles(&argc, argv);
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
        } else if (!strncmp(a, "-C", 2) || !strncmp(a, "-X", 2)) {
            /* at once, as CRuby does: a later -I or the script is relative to it */
            const char *d = a[2] ? a + 2 : (i + 1 < argc ? argv[++i] : NULL);
            if (!d) { fputs("maglev-ruby: Can't chdir (fatal)\n", stderr); return 1; }
            if (chdir(d) != 0) { fprintf(stderr, "maglev-ruby: Can't chdir to %s (fatal)\n", d); return 1; }
        } else if (!strncmp(a, "-r", 2)) {
            const char *r = a[2] ? a + 2 : (i + 1 < argc ? argv[++i] : NULL);
            if (r && nreqs < 256) reqs[nreqs++] = r;
        } else if (!strcmp(a, "-n")) loop |= MG_LOOP_GETS;
        else if (!strcmp(a, "-p")) loop |= MG_LOOP_GETS | MG_LOOP_PRINT;
        else if (!strcmp(a, "-l")) lflag = true;
        else if (!strcmp(a, "-a")) aflag = true;
        else if (!strcmp(a, "-s")) sflag = true;
        else if (!strcmp(a, "-y")) { /* the parser's debug trace: none here */ }
        else if (!strcmp(a, "-d") || !strcmp(a, "--debug")) debug = true;
        else if (!strcmp(a, "-U")) globals.utf8_internal = true;
        else if (!strncmp(a, "-0", 2)) {
            if (strspn(a + 2, "01234567") != strlen(a + 2)) {
                fprintf(stderr, "maglev-ruby: invalid option %s  (-h will show valid options) (RuntimeError)\n", a);
                return 1;
            }
            globals.rs = a + 2;
        } else if (!strncmp(a, "-F", 2)) globals.fs = a[2] ? a + 2 : (i + 1 < argc ? argv[++i] : "");
        else if (!strncmp(a, "-x", 2)) { xflag = true; xdir = a[2] ? a + 2 : NULL; }
        else if (!strncmp(a, "-E", 2) || !strncmp(a, "--encoding", 10) || !strncmp(a, "--external-encoding", 19) ||
                 !strncmp(a, "--internal-encoding", 19)) {
            const char *v;
            if (a[1] == 'E') v = a[2] ? a + 2 : (i + 1 < argc ? argv[++i] : "");
            else { const char *eq = strchr(a, '='); v = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : ""); }
            if (!strncmp(a, "--internal-encoding", 19)) {
                static char buf[256];
                snprintf(buf, sizeof buf, ":%s", v);
                v = buf;
            }
            globals.enc = v;
        } else if (!strncmp(a, "-i", 2)) inplace = a + 2;
        else if (!strcmp(a, "-c")) check_only = true;
        else if (!strcmp(a, "-S")) search_script = true;
        else if (!strncmp(a, "--disable", 9) && (a[9] == '-' || a[9] == '=' || (!a[9] && i + 1 < argc))) {
            const char *list = a[9] ? a + 10 : argv[++i];
            if (names_gems(list)) gems_off = true;
            if (names_frozen(list)) mg_frozen_string_default = false;
        } else if (!strncmp(a, "--enable", 8) && (a[8] == '-' || a[8] == '=' || (!a[8] && i + 1 < argc))) {
            const char *list = a[8] ? a + 9 : argv[++i];
            if (names_gems(list)) gems_off = false;
            if (names_frozen(list)) mg_frozen_string_default = true;
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
                 !strncmp(a, "--yjit", 6) || !strncmp(a, "-K", 2) || !strncmp(a, "--backtrace-limit", 17)) {
            if ((!strcmp(a, "--disable") || !strcmp(a, "--enable")) && i + 1 < argc) i++;
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
    if (xflag) {
        if (!strip_before_shebang(script_src, script_len)) {
            fputs("maglev-ruby: no Ruby script found in input (LoadError)\n", stderr);
            return 1;
        }
        if (xdir && chdir(xdir) != 0) {
            fprintf(stderr, "maglev-ruby: Can't chdir to %s (fatal)\n", xdir);
            return 1;
        }
    }
    if (sflag) {
        /* -s: the script's own leading -name[=value] switches become globals */
        globals.snames = calloc((size_t)argc, sizeof *globals.snames);
        globals.svalues = calloc((size_t)argc, sizeof *globals.svalues);
        while (globals.snames && globals.svalues && i < argc && argv[i][0] == '-' && argv[i][1]) {
            if (!strcmp(argv[i], "--")) { i++; break; }
            char *name = strdup(argv[i] + 1), *eq = name ? strchr(name, '=') : NULL;
            if (!name) break;
            if (eq) *eq = 0;
            globals.snames[globals.ns] = name;
            globals.svalues[globals.ns++] = eq ? eq + 1 : NULL;
            i++;
        }
    }
    globals.chomp_out = lflag;

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
    MgVMOptions opts = { .argc = argc - i, .argv = argv + i, .script_name = file,
                         .warnings = (warnings || debug) && !quiet, .quiet = quiet, .debug = debug };
    mg_vm_init(&opts);
    mg_maglev_switches = mswitches;
    {
        Value exc;
        mg_protect(set_globals_body, (Value)(uintptr_t)&globals, &exc);
        if (exc != MG_NIL) { mg_vm_report_exception(exc); return 1; }
    }
    if (loop) mg_vm_main_loop = loop | (lflag ? MG_LOOP_CHOMP : 0) | (aflag ? MG_LOOP_SPLIT : 0);
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
