/* ext.c -- the registry of builtin features (see ext.h), the core bits the
 * standard library needs at start-up (mg_init_ext), and require's fallback to
 * Debian-installed gems (mg_ext_gem_feature). */
#include "ext.h"
#include <crypt.h>
#include <errno.h>
#include "../core/core.h"
#include "../store/store.h"
#include <errno.h>
#include <string.h>

typedef struct { const char *feature; void (*init)(void); bool loaded; } Ext;

static Ext exts[64];
static int ext_count;
static bool registered;

void
mg_ext_register(const char *feature, void (*init)(void))
{
    for (int i = 0; i < ext_count; i++)
        if (!strcmp(exts[i].feature, feature)) { exts[i].init = init; return; }
    if (ext_count == (int)(sizeof exts / sizeof exts[0])) return;
    exts[ext_count++] = (Ext){ feature, init, false };
}

static void
register_all(void)
{
    registered = true;
    mg_ext_register("stringio", mg_ext_init_stringio);
    mg_ext_register("strscan", mg_ext_init_strscan);
    mg_ext_register("json/ext/parser", mg_ext_init_json);
    mg_ext_register("json/ext/generator", mg_ext_init_json);
    mg_ext_register("etc", mg_ext_init_etc);
    mg_ext_register("rbconfig", mg_ext_init_rbconfig);
    mg_ext_register("io/console", mg_ext_init_io_console);
    mg_ext_register("psych.so", mg_ext_init_psych);
    mg_ext_register("zlib", mg_ext_init_zlib);
    mg_ext_register("digest.so", mg_ext_init_digest);
    mg_ext_register("digest/md5", mg_ext_init_digest_md5);
    mg_ext_register("digest/sha1", mg_ext_init_digest_sha1);
    mg_ext_register("digest/sha2.so", mg_ext_init_digest_sha2);
    mg_ext_register("pathname.so", mg_ext_init_pathname);
    mg_ext_register("io/wait", mg_ext_init_io_wait);
    mg_ext_register("monitor.so", mg_ext_init_monitor);
    mg_ext_register("ffi_c", mg_ext_init_ffi);
    mg_ext_register("objspace", mg_ext_init_objspace);
    mg_ext_register("socket.so", mg_ext_init_socket);   /* under lib/socket.rb */
    mg_ext_register("io/nonblock", mg_ext_init_io_nonblock);
    mg_ext_register("openssl.so", mg_ext_init_openssl);   /* Cipher only, under lib/openssl.rb */
    mg_ext_register("bigdecimal.so", mg_ext_init_bigdecimal);   /* under Debian's bigdecimal.rb */
    mg_ext_register("coverage", mg_ext_init_coverage);   /* shadows coverage.rb, whose line_stub needs RubyVM */
    mg_ext_register("ripper", mg_ext_init_ripper);   /* shadows ripper.rb: the scanner only */
    mg_ext_register("ripper/core", mg_ext_init_ripper);
    mg_ext_register("ripper/lexer", mg_ext_init_ripper);
    mg_ext_register("ripper/filter", mg_ext_init_ripper);
    mg_ext_register("ripper/sexp", mg_ext_init_ripper);
    mg_ext_register("cgi/escape", mg_ext_init_cgi_escape);
    mg_ext_register("fcntl", mg_ext_init_fcntl);
    mg_ext_register("pty", mg_ext_init_pty);
    mg_ext_register("readline.so", mg_ext_init_readline);   /* under readline.rb */
    mg_ext_register("syslog", mg_ext_init_syslog);
}

static Ext *
find(const char *feature)
{
    if (!registered) register_all();
    size_t n = strlen(feature);
    for (int i = 0; i < ext_count; i++) {
        const char *f = exts[i].feature;
        size_t m = strlen(f);
        if (n == m && !memcmp(f, feature, n)) return &exts[i];
        if (n == m + 3 && !memcmp(f, feature, m) && !strcmp(feature + m, ".so")) return &exts[i];
    }
    return NULL;
}

static void (*running_init)(void);

static Value
run_init(Value arg)
{
    (void)arg;
    running_init();
    return MG_NIL;
}

bool
mg_ext_initializing(void)
{
    return running_init != NULL;
}

static void
set_loaded(void (*init)(void), bool v)
{
    for (int i = 0; i < ext_count; i++)
        if (exts[i].init == init) exts[i].loaded = v;
}

int
mg_ext_require(const char *feature)
{
    Ext *e = find(feature);
    if (!e || !e->init) return -1;
    if (e->loaded) return 0;
    /* one init may serve several features (json's parser and generator): all count as loaded */
    void (*init)(void) = e->init;
    set_loaded(init, true);
    void (*outer)(void) = running_init;
    running_init = init;
    Value exc = MG_NIL;
    mg_protect(run_init, MG_NIL, &exc);
    running_init = outer;
    if (exc != MG_NIL) {
        set_loaded(init, false);
        mg_raise_exc(exc);
    }
    char buf[256];
    snprintf(buf, sizeof buf, "%s%s", e->feature, strstr(e->feature, ".so") ? "" : ".so");
    mg_ary_push(mg_gvar_get(mg_intern_cstr("$LOADED_FEATURES")), mg_str_new_cstr(buf));
    return 1;
}

bool
mg_ext_provide(const char *feature)
{
    return mg_ext_require(feature) == 1;
}

/* ---- core methods the standard library needs that no core file has yet ----
 * (benchmark, timeout, logger ...). Each steps aside when the core defines it. */

#include <time.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <unistd.h>

static Value
process_clock_gettime(Value self, int argc, const Value *argv, Value blk)
{
    clockid_t id = (clockid_t)mg_num2long(argv[0]);
    struct timespec ts;
    if (clock_gettime(id, &ts) != 0) mg_raise_syserr(errno, "clock_gettime", NULL);
    const char *unit = "float_second";
    if (argc > 1) {
        if (!MG_IS_SYMBOL(argv[1])) mg_raise(mg_eArgumentError, "unexpected unit: %s", mg_str_cstr(mg_inspect(argv[1])));
        unit = mg_id_name(MG_SYM2ID(argv[1]), NULL);
    }
    int64_t ns = (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
    if (!strcmp(unit, "float_second")) return mg_float_new((double)ts.tv_sec + ts.tv_nsec / 1e9);
    if (!strcmp(unit, "float_millisecond")) return mg_float_new((double)ts.tv_sec * 1e3 + ts.tv_nsec / 1e6);
    if (!strcmp(unit, "float_microsecond")) return mg_float_new((double)ts.tv_sec * 1e6 + ts.tv_nsec / 1e3);
    if (!strcmp(unit, "second")) return mg_int_new(ts.tv_sec);
    if (!strcmp(unit, "millisecond")) return mg_int_new(ns / 1000000);
    if (!strcmp(unit, "microsecond")) return mg_int_new(ns / 1000);
    if (!strcmp(unit, "nanosecond")) return mg_int_new(ns);
    mg_raise(mg_eArgumentError, "unexpected unit: %s", unit);
}

/* Process.times: a Process::Tms of user/system times of the process and its children */
static Value
process_times(Value self, int argc, const Value *argv, Value blk)
{
    struct rusage self_u, child_u;
    getrusage(RUSAGE_SELF, &self_u);
    getrusage(RUSAGE_CHILDREN, &child_u);
#define TV(t) mg_float_new((double)(t).tv_sec + (t).tv_usec / 1e6)
    Value vals[4] = { TV(self_u.ru_utime), TV(self_u.ru_stime), TV(child_u.ru_utime), TV(child_u.ru_stime) };
#undef TV
    Value tms = mg_const_get_at(mg_mProcess, mg_intern_cstr("Tms"));
    if (tms == MG_UNDEF) return mg_ary_new_from(4, vals);
    return mg_funcall(tms, mg_intern_cstr("new"), 4, vals);
}

/* LoadError#path: the feature require could not find (set by vm/eval.c's mg_require) */
static Value
load_error_path(Value self, int argc, const Value *argv, Value blk)
{
    return mg_ivar_get(self, mg_intern_cstr("path"));
}

/* Signal.list / Signal.signame (the table only: trap is the core's to add, with
 * delivery at the VM's safe points) */
#include <signal.h>
static const struct { const char *name; int num; } signals[] = {
    { "EXIT", 0 }, { "HUP", SIGHUP }, { "INT", SIGINT }, { "QUIT", SIGQUIT }, { "ILL", SIGILL }, { "TRAP", SIGTRAP },
    { "ABRT", SIGABRT }, { "IOT", SIGIOT }, { "FPE", SIGFPE }, { "KILL", SIGKILL }, { "BUS", SIGBUS }, { "SEGV", SIGSEGV },
    { "SYS", SIGSYS }, { "PIPE", SIGPIPE }, { "ALRM", SIGALRM }, { "TERM", SIGTERM }, { "URG", SIGURG }, { "STOP", SIGSTOP },
    { "TSTP", SIGTSTP }, { "CONT", SIGCONT }, { "CHLD", SIGCHLD }, { "CLD", SIGCHLD }, { "TTIN", SIGTTIN },
    { "TTOU", SIGTTOU }, { "IO", SIGIO }, { "XCPU", SIGXCPU }, { "XFSZ", SIGXFSZ }, { "VTALRM", SIGVTALRM },
    { "PROF", SIGPROF }, { "WINCH", SIGWINCH }, { "USR1", SIGUSR1 }, { "USR2", SIGUSR2 }, { "PWR", SIGPWR },
    { "POLL", SIGPOLL },
};

static Value
signal_list(Value self, int argc, const Value *argv, Value blk)
{
    Value h = mg_hash_new();
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++)
        mg_hash_aset(h, mg_str_new_cstr(signals[i].name), MG_FIX(signals[i].num));
    return h;
}

static Value
signal_signame(Value self, int argc, const Value *argv, Value blk)
{
    int64_t n = mg_num2long(argv[0]);
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++)
        if (signals[i].num == n) return mg_str_new_cstr(signals[i].name);
    return MG_NIL;
}

static Value process_pid(Value self, int argc, const Value *argv, Value blk) { return MG_FIX(getpid()); }
static Value process_ppid(Value self, int argc, const Value *argv, Value blk) { return MG_FIX(getppid()); }
static Value process_uid(Value self, int argc, const Value *argv, Value blk) { return MG_FIX(getuid()); }
static Value process_euid(Value self, int argc, const Value *argv, Value blk) { return MG_FIX(geteuid()); }
static Value process_gid(Value self, int argc, const Value *argv, Value blk) { return MG_FIX(getgid()); }
static Value process_egid(Value self, int argc, const Value *argv, Value blk) { return MG_FIX(getegid()); }

/* File#flock (pstore, logger): flock(2) on the file's descriptor; false when a
 * LOCK_NB request would block */
#include <sys/file.h>
static Value
file_flock(Value self, int argc, const Value *argv, Value blk)
{
    int fd = (int)mg_num2long(mg_funcall(self, mg_intern_cstr("fileno"), 0, NULL));
    int op = (int)mg_num2long(argv[0]);
    if (flock(fd, op) != 0) {
        if (errno == EWOULDBLOCK && (op & LOCK_NB)) return MG_FALSE;
        mg_raise_syserr(errno, "flock", NULL);
    }
    return MG_FIX(0);
}

static Value
file_truncate(Value self, int argc, const Value *argv, Value blk)
{
    mg_funcall(self, mg_intern_cstr("flush"), 0, NULL);
    int fd = (int)mg_num2long(mg_funcall(self, mg_intern_cstr("fileno"), 0, NULL));
    if (ftruncate(fd, (off_t)mg_num2long(argv[0])) != 0) mg_raise_syserr(errno, "ftruncate", NULL);
    return MG_FIX(0);
}

/* String#crypt(salt): crypt(3) of libcrypt (DES for a two-character salt,
 * $1$/$5$/$6$/$y$ ... for the others) */
static Value
str_crypt(Value self, int argc, const Value *argv, Value blk)
{
    Value salt = mg_to_str(argv[0]);
    const char *s = mg_str_ptr(salt);
    if (mg_str_len(salt) < 2 || !s[0] || !s[1]) mg_raise(mg_eArgumentError, "salt too short (need >=2 bytes)");
    Value key = mg_to_str(self);
    if (memchr(mg_str_ptr(key), 0, (size_t)mg_str_len(key))) mg_raise(mg_eArgumentError, "string contains null byte");
    struct crypt_data data;
    memset(&data, 0, sizeof data);
    const char *out = crypt_r(mg_str_cstr(key), mg_str_cstr(salt), &data);
    if (!out || out[0] == '*') mg_raise_syserr(errno ? errno : EINVAL, "crypt", NULL);
    return mg_str_new_cstr(out);
}

static void
define_if_missing(Value obj, const char *name, MgCFunc fn, int min, int max)
{
    if (!mg_respond_to(obj, mg_intern_cstr(name), true)) mg_define_singleton_method(obj, name, fn, min, max);
}

void
mg_init_ext(void)
{
    mg_ext_bigdecimal_register_data();
    static const struct { const char *name; clockid_t id; } clocks[] = {
        { "CLOCK_REALTIME", CLOCK_REALTIME }, { "CLOCK_MONOTONIC", CLOCK_MONOTONIC },
        { "CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID }, { "CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID },
        { "CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW }, { "CLOCK_REALTIME_COARSE", CLOCK_REALTIME_COARSE },
        { "CLOCK_MONOTONIC_COARSE", CLOCK_MONOTONIC_COARSE }, { "CLOCK_BOOTTIME", CLOCK_BOOTTIME },
    };
    for (size_t i = 0; i < sizeof clocks / sizeof clocks[0]; i++)
        if (mg_const_get_at(mg_mProcess, mg_intern_cstr(clocks[i].name)) == MG_UNDEF)
            mg_define_const(mg_mProcess, clocks[i].name, MG_FIX(clocks[i].id));
    define_if_missing(MG_VAL(mg_mProcess), "clock_gettime", process_clock_gettime, 1, 2);
    if (mg_const_get_at(mg_mProcess, mg_intern_cstr("Tms")) == MG_UNDEF) {
        Value st = mg_const_get_at(mg_cObject, mg_intern_cstr("Struct"));
        Value args[4] = { MG_SYM(mg_intern_cstr("utime")), MG_SYM(mg_intern_cstr("stime")),
                          MG_SYM(mg_intern_cstr("cutime")), MG_SYM(mg_intern_cstr("cstime")) };
        mg_define_const(mg_mProcess, "Tms", mg_funcall(st, mg_intern_cstr("new"), 4, args));
    }
    define_if_missing(MG_VAL(mg_mProcess), "times", process_times, 0, 0);
    define_if_missing(MG_VAL(mg_mProcess), "pid", process_pid, 0, 0);
    define_if_missing(MG_VAL(mg_mProcess), "ppid", process_ppid, 0, 0);
    define_if_missing(MG_VAL(mg_mProcess), "uid", process_uid, 0, 0);   /* RubyGems checks its home's owner */
    define_if_missing(MG_VAL(mg_mProcess), "euid", process_euid, 0, 0);
    define_if_missing(MG_VAL(mg_mProcess), "gid", process_gid, 0, 0);
    define_if_missing(MG_VAL(mg_mProcess), "egid", process_egid, 0, 0);
    if (!mg_respond_to(MG_VAL(mg_define_module("Signal")), mg_intern_cstr("list"), true)) {
        RClass *sig = mg_define_module("Signal");   /* core/process.c defines Signal.trap */
        mg_define_module_function(sig, "list", signal_list, 0, 0);
        mg_define_module_function(sig, "signame", signal_signame, 1, 1);
    }
    static const struct { const char *name; int v; } locks[] = {
        { "LOCK_SH", LOCK_SH }, { "LOCK_EX", LOCK_EX }, { "LOCK_NB", LOCK_NB }, { "LOCK_UN", LOCK_UN } };
    /* in File::Constants (core/io.c), which IO and so File include, as CRuby's */
    RClass *fc = (RClass *)MG_OBJ(mg_const_get_at(mg_cFile, mg_intern_cstr("Constants")));
    for (int i = 0; i < 4; i++)
        if (mg_const_get_at(fc, mg_intern_cstr(locks[i].name)) == MG_UNDEF)
            mg_define_const(fc, locks[i].name, MG_FIX(locks[i].v));
    if (!mg_method_lookup(mg_cFile, mg_intern_cstr("truncate")))
        mg_define_method(mg_cFile, "truncate", file_truncate, 1, 1);
    if (!mg_method_lookup(mg_cFile, mg_intern_cstr("flock")))
        mg_define_method(mg_cFile, "flock", file_flock, 1, 1);
    mg_ext_boot_file_stat();
    mg_ext_boot_file_ops();
    if (!mg_method_lookup(mg_cString, mg_intern_cstr("crypt"))) mg_define_method(mg_cString, "crypt", str_crypt, 1, 1);
    if (mg_const_get_at(fc, mg_intern_cstr("NULL")) == MG_UNDEF)
        mg_define_const(fc, "NULL", mg_str_freeze(mg_str_new_cstr("/dev/null")));
    static const char *const fnm_zero[] = { "FNM_SYSCASE", "FNM_SHORTNAME" };   /* pathname.rb reads them */
    for (int i = 0; i < 2; i++)
        if (mg_const_get_at(fc, mg_intern_cstr(fnm_zero[i])) == MG_UNDEF)
            mg_define_const(fc, fnm_zero[i], MG_FIX(0));
    if (!mg_method_lookup(mg_eLoadError, mg_intern_cstr("path")))
        mg_define_method(mg_eLoadError, "path", load_error_path, 0, 0);
}

/* ---- installed gems: RubyGems on demand ----
 * RubyGems is not loaded at start-up (that keeps `-e 1` fast; lib/prelude/autoload.rb
 * autoloads Gem and defines a Kernel#gem that loads it). When require cannot find
 * a feature on $LOAD_PATH, this fallback loads RubyGems and asks it to activate the
 * installed gem holding the feature (Gem.try_activate: the gem's require paths join
 * $LOAD_PATH, as CRuby's RubyGems require does); once loaded, RubyGems' own
 * Kernel#require does that for plain requires too. A feature that exists only as a
 * shared object is a CRuby C extension, which maglev cannot load: LoadError names
 * the gem. --disable-gems turns the fallback off (mg_ext_disable_gems). */

#include <sys/stat.h>

static bool gems_disabled, in_gem_fallback;

static const char *const arch_dirs[] = {
    "/usr/lib/x86_64-linux-gnu/ruby/vendor_ruby/3.1.0", "/usr/lib/x86_64-linux-gnu/ruby/3.1.0", NULL
};

static bool
is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* the first dir/feature+suffix on $LOAD_PATH (then, when arch, in CRuby's arch dirs) */
static Value
find_on_path(const char *feature, const char *suffix, bool arch)
{
    Value lp = mg_gvar_get(mg_intern_cstr("$LOAD_PATH"));
    char path[4096];
    for (int64_t i = 0; MG_IS_ARRAY(lp) && i < mg_ary_len(lp); i++) {
        Value dir = mg_ary_entry(lp, i);
        if (!MG_IS_STRING(dir)) continue;
        snprintf(path, sizeof path, "%s/%s%s", mg_str_cstr(dir), feature, suffix);
        if (is_file(path)) return mg_str_new_cstr(path);
    }
    for (int i = 0; arch && arch_dirs[i]; i++) {
        snprintf(path, sizeof path, "%s/%s%s", arch_dirs[i], feature, suffix);
        if (is_file(path)) return mg_str_new_cstr(path);
    }
    return MG_NIL;
}

static Value
gem_activate_body(Value feature)
{
    mg_require("rubygems");
    Value gem = mg_const_get_at(mg_cObject, mg_intern_cstr("Gem"));
    if (gem == MG_UNDEF || !mg_respond_to(gem, mg_intern_cstr("try_activate"), true)) return MG_FALSE;
    return mg_funcall(gem, mg_intern_cstr("try_activate"), 1, &feature);
}

/* the gem a C extension belongs to: the gem directory it sits in
 * (".../gems/NAME-VERSION/..." or ".../extensions/ARCH/API/NAME-VERSION/..."),
 * else the feature's first component without "_ext"/"_native" (pg_ext -> pg) */
static Value
extension_gem_name(const char *so, const char *feature)
{
    const char *marks[] = { "/gems/", "/extensions/", NULL };
    for (int m = 0; marks[m]; m++) {
        const char *p = strstr(so, marks[m]);
        if (!p) continue;
        p += strlen(marks[m]);
        if (m == 1)   /* skip ARCH/API/ */
            for (int k = 0; k < 2 && strchr(p, '/'); k++) p = strchr(p, '/') + 1;
        const char *end = strchr(p, '/');
        const char *dash = NULL;
        for (const char *q = p; q < end; q++) if (*q == '-' && q[1] >= '0' && q[1] <= '9') dash = q;
        if (end && dash) return mg_str_new(p, (size_t)(dash - p));
    }
    size_t n = strcspn(feature, "/.");
    if (n > 4 && !strncmp(feature + n - 4, "_ext", 4)) n -= 4;
    else if (n > 7 && !strncmp(feature + n - 7, "_native", 7)) n -= 7;
    return mg_str_new(feature, n);
}

static Value
gems_disabled_p(Value self, int argc, const Value *argv, Value blk)
{
    (void)self; (void)argc; (void)argv; (void)blk;
    return MG_TRUE;
}

/* before the prelude runs: Maglev.__gems_disabled? tells lib/prelude/autoload.rb
 * to leave out the Gem autoload and Kernel#gem */
void
mg_ext_disable_gems(void)
{
    gems_disabled = true;
    Value maglev = mg_const_get_at(mg_cObject, mg_intern_cstr("Maglev"));
    if (maglev != MG_UNDEF) mg_define_singleton_method(maglev, "__gems_disabled?", gems_disabled_p, 0, 0);
}

Value
mg_ext_gem_feature(const char *feature)
{
    size_t flen = strlen(feature);
    bool has_rb = flen > 3 && !strcmp(feature + flen - 3, ".rb");
    bool has_so = flen > 3 && !strcmp(feature + flen - 3, ".so");
    if (!gems_disabled && !in_gem_fallback && !has_so) {
        in_gem_fallback = true;
        Value exc = MG_NIL;
        Value fv = mg_str_new_cstr(feature);
        /* RubyGems itself loads and runs in transient mode (its classes hold
         * singleton classes, Mutexes...): only the gem's own file, required
         * below in the caller's mode, can become persistent code */
        int mode = mg_mode_get();
        mg_mode_set(MG_MODE_TRANSIENT);
        Value r = mg_protect(gem_activate_body, fv, &exc);
        mg_mode_set(mode);
        in_gem_fallback = false;
        if (exc != MG_NIL) mg_raise_exc(exc);
        if (MG_TEST(r)) {
            Value path = find_on_path(feature, has_rb ? "" : ".rb", false);
            if (path != MG_NIL) return path;
        }
    }
    if (has_rb) return MG_NIL;
    Value so = find_on_path(feature, has_so ? "" : ".so", true);
    if (so == MG_NIL) return MG_NIL;
    Value msg;
    if (!strncmp(mg_str_cstr(so), arch_dirs[1], strlen(arch_dirs[1])))
        msg = mg_sprintf("cannot load such file -- %s (it is %s, a C extension of CRuby's standard library: "
                         "maglev cannot load CRuby C extensions)", feature, mg_str_cstr(so));
    else
        msg = mg_sprintf("cannot load such file -- %s (it is %s, a C extension of the %s gem: "
                         "maglev cannot load CRuby C extensions)", feature, mg_str_cstr(so),
                         mg_str_cstr(extension_gem_name(mg_str_cstr(so), feature)));
    Value e = mg_exc_new_str(mg_eLoadError, msg);
    mg_ivar_set(e, mg_intern_cstr("path"), mg_str_new_cstr(feature));
    mg_raise_exc(e);
}
