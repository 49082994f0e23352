/* process.c -- processes: Kernel#system and backticks, Process::Status and $?,
 * and ENV (the process environment). The IO objects a child's streams are
 * connected to (IO.popen, IO.pipe) live in io.c. */
#include "core.h"
#include "../vm/vm_int.h"      /* mg_vm.interrupt, set by the signal handler */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <sys/resource.h>
#include <sys/prctl.h>
#include <grp.h>
#include <pwd.h>
#include <time.h>
#include <signal.h>
#include <string.h>

static Value last_status = MG_NIL;                /* $? */
static RClass *cProcessStatus;

static Value
gv_status_get(ID id)
{
    return last_status;
}

/* ---- processes: system, `, Process::Status ---- */

typedef struct { pid_t pid; int status; } StatusData;
static const DataType status_type = { "Process::Status", NULL, NULL, NULL };

static Value
status_new(pid_t pid, int status)
{
    StatusData *sd;
    Value v = mg_data_new_inline(cProcessStatus, &status_type, sizeof *sd, (void **)&sd);
    sd->pid = pid;
    sd->status = status;
    return v;
}

static StatusData *
get_status(Value v)
{
    return mg_data_check(v, &status_type);
}

static Value
status_exitstatus(Value self, int argc, const Value *argv, Value blk)
{
    StatusData *s = get_status(self);
    return WIFEXITED(s->status) ? MG_FIX(WEXITSTATUS(s->status)) : MG_NIL;
}

static Value
status_success_p(Value self, int argc, const Value *argv, Value blk)
{
    StatusData *s = get_status(self);
    if (!WIFEXITED(s->status)) return MG_NIL;
    return MG_BOOL(WEXITSTATUS(s->status) == 0);
}

static Value
status_exited_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(WIFEXITED(get_status(self)->status));
}

static Value
status_signaled_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(WIFSIGNALED(get_status(self)->status));
}

static Value
status_termsig(Value self, int argc, const Value *argv, Value blk)
{
    StatusData *s = get_status(self);
    return WIFSIGNALED(s->status) ? MG_FIX(WTERMSIG(s->status)) : MG_NIL;
}

static Value
status_stopped_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(WIFSTOPPED(get_status(self)->status));
}

static Value
status_stopsig(Value self, int argc, const Value *argv, Value blk)
{
    StatusData *s = get_status(self);
    return WIFSTOPPED(s->status) ? MG_FIX(WSTOPSIG(s->status)) : MG_NIL;
}

static Value
status_coredump_p(Value self, int argc, const Value *argv, Value blk)
{
    StatusData *s = get_status(self);
    return MG_BOOL(WIFSIGNALED(s->status) && WCOREDUMP(s->status));
}

static Value
status_pid(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX(get_status(self)->pid);
}

static Value
status_to_i(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX(get_status(self)->status);
}

static Value
status_and(Value self, int argc, const Value *argv, Value blk)
{
    return mg_int_new(get_status(self)->status & mg_num2long(argv[0]));
}

static Value
status_rshift(Value self, int argc, const Value *argv, Value blk)
{
    return mg_int_new((int64_t)get_status(self)->status >> (mg_num2long(argv[0]) & 63));
}

static Value
status_to_s(Value self, int argc, const Value *argv, Value blk)
{
    StatusData *s = get_status(self);
    if (WIFEXITED(s->status)) return mg_sprintf("pid %d exit %d", (int)s->pid, WEXITSTATUS(s->status));
    if (WIFSIGNALED(s->status)) {
        const char *n = NULL;
        int sig = WTERMSIG(s->status);
        static const struct { int s; const char *n; } sigs[] = {
            {1, "HUP"}, {2, "INT"}, {3, "QUIT"}, {6, "ABRT"}, {9, "KILL"}, {11, "SEGV"}, {13, "PIPE"}, {15, "TERM"},
        };
        for (size_t i = 0; i < ARRAY_LEN(sigs); i++)
            if (sigs[i].s == sig) n = sigs[i].n;
        if (n) return mg_sprintf("pid %d SIG%s (signal %d)", (int)s->pid, n, sig);
        return mg_sprintf("pid %d signal %d", (int)s->pid, sig);
    }
    return mg_sprintf("pid %d status %d", (int)s->pid, s->status);
}

static Value
status_inspect(Value self, int argc, const Value *argv, Value blk)
{
    Value s = mg_str_new_cstr("#<Process::Status: ");
    mg_str_append(s, status_to_s(self, 0, NULL, MG_NIL));
    mg_str_cat(s, ">", 1);
    return s;
}

static Value
status_eq(Value self, int argc, const Value *argv, Value blk)
{
    if (MG_IS_INTEGER(argv[0])) return MG_BOOL(mg_equal(MG_FIX(get_status(self)->status), argv[0]));
    return MG_BOOL(self == argv[0]);
}

/* Shell syntax, or a first word that only the shell knows (reserved words, special builtins) */
static bool
needs_shell(const char *cmd)
{
    if (strpbrk(cmd, "*?{}[]<>()~&|\\$;'`\"\n#=%") != NULL) return true;
    static const char *const words[] = {
        "!", ".", ":", "break", "case", "continue", "do", "done", "elif", "else", "esac", "eval", "exec",
        "exit", "export", "fi", "for", "if", "in", "readonly", "return", "set", "shift", "then", "times",
        "trap", "unset", "until", "while",
    };
    while (*cmd == ' ' || *cmd == '\t') cmd++;
    size_t n = strcspn(cmd, " \t");
    for (size_t i = 0; i < ARRAY_LEN(words); i++)
        if (strlen(words[i]) == n && strncmp(cmd, words[i], n) == 0) return true;
    return false;
}

/* The command's name for error messages: "cmd" or the cmd of [cmd, argv0] */
static const char *
cmd_name(Value v)
{
    if (MG_IS_ARRAY(v)) v = mg_ary_entry(v, 0);
    return mg_str_cstr(mg_to_str(v));
}

/* Builds argv for exec: via /bin/sh -c for a single string with shell syntax,
 * split on spaces otherwise; several arguments are passed as they are. */
static char **
build_argv(int argc, const Value *argv, size_t *count)
{
    char **av;
    if (argc >= 1 && MG_IS_ARRAY(argv[0])) {
        /* [cmd, argv0]: cmd run as it is, never through the shell */
        av = mg_malloc(((size_t)argc + 1) * sizeof(char *));
        av[0] = strdup(mg_str_cstr(mg_to_str(mg_ary_entry(argv[0], 0))));
        for (int i = 1; i < argc; i++) av[i] = strdup(mg_str_cstr(mg_to_str(argv[i])));
        av[argc] = NULL;
        *count = (size_t)argc + 1;
        return av;
    }
    if (argc == 1) {
        const char *cmd = cmd_name(argv[0]);
        if (needs_shell(cmd)) {
            av = mg_malloc(4 * sizeof(char *));
            av[0] = strdup("/bin/sh");
            av[1] = strdup("-c");
            av[2] = strdup(cmd);
            av[3] = NULL;
            *count = 4;
            return av;
        }
        size_t n = 0, cap = 8;
        av = mg_malloc(cap * sizeof(char *));
        const char *p = cmd;
        while (*p) {
            while (*p == ' ' || *p == '\t') p++;
            if (!*p) break;
            const char *s = p;
            while (*p && *p != ' ' && *p != '\t') p++;
            if (n + 2 > cap) {
                av = mg_realloc(av, cap * sizeof(char *), cap * 2 * sizeof(char *));
                cap *= 2;
            }
            av[n++] = strndup(s, (size_t)(p - s));
        }
        av[n] = NULL;
        *count = cap;
        return av;
    }
    av = mg_malloc(((size_t)argc + 1) * sizeof(char *));
    for (int i = 0; i < argc; i++) av[i] = strdup(mg_str_cstr(mg_to_str(argv[i])));
    av[argc] = NULL;
    *count = (size_t)argc + 1;
    return av;
}

static void
free_argv(char **av, size_t count)
{
    for (size_t i = 0; av[i]; i++) free(av[i]);
    mg_free(av, count * sizeof(char *));
}

/* A child's descriptor plan: dup2(from[i], to[i]) in order, then chdir. */
typedef struct { int count; int to[8], from[8]; const char *chdir; } Redirs;

/* Runs argv with the redirections of rd (NULL: none). Returns the pid, or -1
 * with *exec_errno set when the program could not be started. */
static pid_t
spawn_redir(char **av, Value env, const Redirs *rd, int *exec_errno)
{
    int errpipe[2];
    if (pipe2(errpipe, O_CLOEXEC) < 0) mg_raise_syserr(errno, NULL, NULL);
    /* environment strings prepared before fork: the child must not allocate through the GC */
    size_t nenv = env != MG_NIL ? (size_t)mg_hash_size(env) : 0;
    char **envs = nenv ? calloc(nenv, sizeof(char *)) : NULL;
    char **unsets = nenv ? calloc(nenv, sizeof(char *)) : NULL;
    size_t ne = 0, nu = 0;
    if (nenv) {
        Value k, v;
        for (int64_t it = 0; mg_hash_next(env, &it, &k, &v);) {
            const char *ks = mg_str_cstr(mg_to_str(k));
            if (v == MG_NIL) {
                unsets[nu++] = strdup(ks);
            } else {
                const char *vs = mg_str_cstr(mg_to_str(v));
                size_t l = strlen(ks) + strlen(vs) + 2;
                char *e = malloc(l);
                snprintf(e, l, "%s=%s", ks, vs);
                envs[ne++] = e;
            }
        }
    }
    mg_io_flush_all();
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        close(errpipe[0]);
        close(errpipe[1]);
        mg_raise_syserr(e, "fork", NULL);
    }
    if (pid == 0) {
        close(errpipe[0]);
        for (int i = 0; rd && i < rd->count; i++) {
            if (rd->from[i] == -2) close(rd->to[i]);
            else if (rd->from[i] != rd->to[i]) dup2(rd->from[i], rd->to[i]);
            else fcntl(rd->to[i], F_SETFD, 0);   /* the same fd: keep it open across exec */
        }
        if (rd && rd->chdir && chdir(rd->chdir) != 0) {
            int ce = errno;
            ssize_t cw = write(errpipe[1], &ce, sizeof ce);
            UNUSED(cw);
            _exit(127);
        }
        for (size_t i = 0; i < nu; i++) unsetenv(unsets[i]);
        for (size_t i = 0; i < ne; i++) putenv(envs[i]);
        signal(SIGPIPE, SIG_DFL);   /* ignored only by the VM (mg_init_process), as CRuby */
        execvp(av[0], av);
        int e = errno;
        ssize_t w = write(errpipe[1], &e, sizeof e);
        UNUSED(w);
        _exit(127);
    }
    for (size_t i = 0; i < ne; i++) free(envs[i]);
    for (size_t i = 0; i < nu; i++) free(unsets[i]);
    free(envs);
    free(unsets);
    close(errpipe[1]);
    int e = 0;
    ssize_t r;
    while ((r = read(errpipe[0], &e, sizeof e)) < 0 && errno == EINTR) {}
    close(errpipe[0]);
    if (r == (ssize_t)sizeof e) {
        *exec_errno = e;
        int st;
        while (waitpid(pid, &st, 0) < 0 && errno == EINTR) {}
        last_status = status_new(pid, st);
        return -1;
    }
    return pid;
}

static pid_t
spawn_cmd(char **av, Value env, int out_fd, int *exec_errno)
{
    Redirs rd = { 0 };
    if (out_fd >= 0) { rd.to[0] = 1; rd.from[0] = out_fd; rd.count = 1; }
    return spawn_redir(av, env, &rd, exec_errno);
}

static int
wait_child(pid_t pid)
{
    int st = 0;
    while (waitpid(pid, &st, 0) < 0) {
        if (errno != EINTR) break;
        mg_vm_checkpoint();
    }
    last_status = status_new(pid, st);
    return st;
}

/* system([env,] cmd, *args, exception: false) */
static Value
kernel_system(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    static const char *const names[] = { "exception" };
    Value exc;
    mg_kwargs_get(kw, names, 1, &exc);
    Value env = MG_NIL;
    if (argc > 0 && MG_IS_HASH(argv[0])) {
        env = argv[0];
        argc--;
        argv++;
    }
    if (argc < 1) mg_raise_argc(argc, 1, -1);
    size_t count;
    char **av = build_argv(argc, argv, &count);
    if (!av[0]) {
        free_argv(av, count);
        mg_raise_syserr(ENOENT, NULL, cmd_name(argv[0]));
    }
    int ee = 0;
    pid_t pid = spawn_cmd(av, env, -1, &ee);
    free_argv(av, count);
    if (pid < 0) {
        if (exc != MG_UNDEF && MG_TEST(exc)) mg_raise_syserr(ee, NULL, cmd_name(argv[0]));
        return MG_NIL;
    }
    int st = wait_child(pid);
    bool ok = WIFEXITED(st) && WEXITSTATUS(st) == 0;
    if (!ok && exc != MG_UNDEF && MG_TEST(exc))
        mg_raise(mg_eRuntimeError, "Command failed with exit %d: %s", WIFEXITED(st) ? WEXITSTATUS(st) : -1,
                 cmd_name(argv[0]));
    return MG_BOOL(ok);
}

/* `cmd`: the command's standard output as a String */
static Value
kernel_backtick(Value self, int argc, const Value *argv, Value blk)
{
    Value cmd = mg_to_str(argv[0]);
    size_t count;
    char **av = build_argv(1, &cmd, &count);
    if (!av[0]) {
        free_argv(av, count);
        mg_raise_syserr(ENOENT, NULL, mg_str_cstr(cmd));
    }
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0) {
        free_argv(av, count);
        mg_raise_syserr(errno, NULL, NULL);
    }
    int ee = 0;
    pid_t pid = spawn_cmd(av, MG_NIL, fds[1], &ee);
    free_argv(av, count);
    close(fds[1]);
    if (pid < 0) {
        close(fds[0]);
        mg_raise_syserr(ee, NULL, mg_str_cstr(cmd));
    }
    Value out = mg_str_new("", 0);
    char buf[4096];
    for (;;) {
        ssize_t n = read(fds[0], buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        mg_str_cat(out, buf, (size_t)n);
    }
    close(fds[0]);
    wait_child(pid);
    return out;
}

/* ---- ENV: the process environment ---- */

extern char **environ;

static Value
env_str(const char *s)
{
    return mg_str_freeze(mg_str_new_cstr(s));
}

static const char *
env_key(Value k)
{
    Value s = mg_to_str(k);
    const char *p = mg_str_cstr(s);
    if (strlen(p) != (size_t)mg_str_len(s)) mg_raise(mg_eArgumentError, "bad environment variable name: contains null byte");
    return p;
}

static Value
env_aref(Value self, int argc, const Value *argv, Value blk)
{
    const char *v = getenv(env_key(argv[0]));
    return v ? env_str(v) : MG_NIL;
}

static Value
env_aset(Value self, int argc, const Value *argv, Value blk)
{
    const char *k = env_key(argv[0]);
    if (argv[1] == MG_NIL) {
        unsetenv(k);
        return MG_NIL;
    }
    Value v = mg_to_str(argv[1]);
    if (*k == '\0' || strchr(k, '=')) mg_raise_syserr(EINVAL, "setenv", k);
    if (setenv(k, mg_str_cstr(v), 1) < 0) mg_raise_syserr(errno, "setenv", k);
    return argv[1];
}

static Value
env_fetch(Value self, int argc, const Value *argv, Value blk)
{
    const char *v = getenv(env_key(argv[0]));
    if (v) return env_str(v);
    if (mg_block_given(blk)) return mg_yield1(blk, argv[0]);
    if (argc > 1) return argv[1];
    Value msg = mg_str_new_cstr("key not found: ");
    mg_str_append(msg, mg_inspect(argv[0]));
    mg_raise_exc(mg_key_error_new(msg, self, argv[0]));
}

static Value
env_key_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(getenv(env_key(argv[0])) != NULL);
}

static Value
env_delete(Value self, int argc, const Value *argv, Value blk)
{
    const char *k = env_key(argv[0]);
    const char *v = getenv(k);
    if (!v) return mg_block_given(blk) ? mg_yield1(blk, argv[0]) : MG_NIL;
    Value old = env_str(v);
    unsetenv(k);
    return old;
}

/* [name, value] pairs of the environment, copied so that blocks may change ENV. */
static Value
env_pairs(void)
{
    Value a = mg_ary_new();
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq) continue;
        Value pair[2] = { mg_str_freeze(mg_str_new(*e, (size_t)(eq - *e))), env_str(eq + 1) };
        mg_ary_push(a, mg_ary_new_from(2, pair));
    }
    return a;
}

static Value
env_to_h(Value self, int argc, const Value *argv, Value blk)
{
    Value pairs = env_pairs();
    Value h = mg_hash_new();
    for (int64_t i = 0; i < mg_ary_len(pairs); i++) {
        Value pr = mg_ary_entry(pairs, i);
        if (mg_block_given(blk)) mg_hash_aset_pair(h, mg_yield(blk, 2, (Value[]){ mg_ary_entry(pr, 0), mg_ary_entry(pr, 1) }));
        else mg_hash_aset(h, mg_ary_entry(pr, 0), mg_ary_entry(pr, 1));
    }
    return h;
}

static Value
env_to_hash(Value self, int argc, const Value *argv, Value blk)
{
    UNUSED(blk);
    return env_to_h(self, argc, argv, MG_NIL);
}

/* The names (0) or the values (1) of the environment, in order. */
static Value
env_column(int which)
{
    Value pairs = env_pairs();
    Value a = mg_ary_new();
    for (int64_t i = 0; i < mg_ary_len(pairs); i++) mg_ary_push(a, mg_ary_entry(mg_ary_entry(pairs, i), which));
    return a;
}

static Value
env_keys(Value self, int argc, const Value *argv, Value blk)
{
    return env_column(0);
}

static Value
env_values(Value self, int argc, const Value *argv, Value blk)
{
    return env_column(1);
}

static Value
env_each(Value self, int argc, const Value *argv, Value blk)
{
    MG_RETURN_ENUMERATOR(self, "each", 0, NULL, blk);
    Value pairs = env_pairs();
    for (int64_t i = 0; i < mg_ary_len(pairs); i++) {
        Value pr = mg_ary_entry(pairs, i);
        mg_yield_values(blk, 2, mg_ary_ptr(pr));
    }
    return self;
}

static Value
env_size(Value self, int argc, const Value *argv, Value blk)
{
    int64_t n = 0;
    for (char **e = environ; e && *e; e++) n++;
    return MG_FIX(n);
}

static Value
env_empty_p(Value self, int argc, const Value *argv, Value blk)
{
    return MG_BOOL(!environ || !environ[0]);
}

static Value
env_to_s(Value self, int argc, const Value *argv, Value blk)
{
    return mg_str_new("ENV", 3);
}

static Value
env_inspect(Value self, int argc, const Value *argv, Value blk)
{
    return mg_inspect(env_to_h(self, 0, NULL, MG_NIL));
}

static const MgMethodDef env_methods[] = {
    {"[]", env_aref, 1, 1},
    {"[]=", env_aset, 2, 2},
    {"store", env_aset, 2, 2},
    {"fetch", env_fetch, 1, 2},
    {"key?", env_key_p, 1, 1},
    {"has_key?", env_key_p, 1, 1},
    {"include?", env_key_p, 1, 1},
    {"member?", env_key_p, 1, 1},
    {"delete", env_delete, 1, 1},
    {"to_h", env_to_h, 0, 0},
    {"to_hash", env_to_hash, 0, 0},
    {"keys", env_keys, 0, 0},
    {"values", env_values, 0, 0},
    {"each", env_each, 0, 0},
    {"each_pair", env_each, 0, 0},
    {"size", env_size, 0, 0},
    {"length", env_size, 0, 0},
    {"empty?", env_empty_p, 0, 0},
    {"to_s", env_to_s, 0, 0},
    {"inspect", env_inspect, 0, 0},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef status_methods[] = {
    {"exitstatus", status_exitstatus, 0, 0},
    {"success?", status_success_p, 0, 0},
    {"exited?", status_exited_p, 0, 0},
    {"signaled?", status_signaled_p, 0, 0},
    {"termsig", status_termsig, 0, 0},
    {"stopped?", status_stopped_p, 0, 0},
    {"stopsig", status_stopsig, 0, 0},
    {"coredump?", status_coredump_p, 0, 0},
    {"pid", status_pid, 0, 0},
    {"to_i", status_to_i, 0, 0},
    {"to_s", status_to_s, 0, 0},
    {"inspect", status_inspect, 0, 0},
    {"==", status_eq, 1, 1},
    {"&", status_and, 1, 1},
    {">>", status_rshift, 1, 1},
    {NULL, NULL, 0, 0}
};


/* ---- Process.spawn / wait / fork / kill ---- */

static void
redir_add_raw(Redirs *rd, int to, int from)
{
    rd->to[rd->count] = to;
    rd->from[rd->count] = from;
    rd->count++;
}

/* ---- for io.c's IO.popen ---- */

static void spawn_options(Value opts, Redirs *rd, int *opened, int *nopened);

int
mg_process_spawn(Value env, int argc, const Value *argv, int in_fd, int out_fd)
{
    return mg_process_spawn_opts(env, argc, argv, in_fd, out_fd, MG_NIL);
}

/* opts: spawn's options (err: [:child, :out] ...), after the pipe's redirections */
int
mg_process_spawn_opts(Value env, int argc, const Value *argv, int in_fd, int out_fd, Value opts)
{
    Redirs rd = { 0 };
    if (in_fd >= 0) redir_add_raw(&rd, 0, in_fd);
    if (out_fd >= 0) redir_add_raw(&rd, 1, out_fd);
    int opened[8], nopened = 0;
    if (opts != MG_NIL) spawn_options(opts, &rd, opened, &nopened);
    size_t count;
    char **av = build_argv(argc, argv, &count);
    if (!av[0]) {
        free_argv(av, count);
        mg_raise_syserr(ENOENT, NULL, cmd_name(argv[0]));
    }
    int ee = 0;
    pid_t pid = spawn_redir(av, env, &rd, &ee);
    free_argv(av, count);
    for (int i = 0; i < nopened; i++) close(opened[i]);
    if (pid < 0) mg_raise_syserr(ee, NULL, cmd_name(argv[0]));
    return pid;
}

int
mg_process_wait(int pid)
{
    return wait_child(pid);
}


static int
redir_fd(Value v)
{
    if (MG_IS_FIXNUM(v)) return (int)MG_FIX2LONG(v);
    if (MG_IS_SYMBOL(v)) {
        const char *n = mg_id_name(MG_SYM2ID(v), NULL);
        if (!strcmp(n, "in")) return 0;
        if (!strcmp(n, "out")) return 1;
        if (!strcmp(n, "err")) return 2;
        return -1;
    }
    if (mg_respond_to(v, mg_intern_cstr("fileno"), false))
        return (int)mg_num2long(mg_funcall(v, mg_intern_cstr("fileno"), 0, NULL));
    return -1;
}

static void
redir_add(Redirs *rd, int to, int from)
{
    if (rd->count >= (int)ARRAY_LEN(rd->to)) mg_raise(mg_eArgumentError, "too many redirections");
    rd->to[rd->count] = to;
    rd->from[rd->count] = from;
    rd->count++;
}

/* Reads spawn's options (in:, out:, err:, fd => IO/Integer/path/[path, mode]/
 * [:child, fd]/:close, [fd, fd] => ..., chdir:) into rd; opened files go to opened. */
static void
spawn_options(Value opts, Redirs *rd, int *opened, int *nopened)
{
    Value k, v;
    int deferred_to[8], deferred_from[8], ndeferred = 0;
    for (int64_t it = 0; mg_hash_next(opts, &it, &k, &v);) {
        if (MG_IS_SYMBOL(k) && !strcmp(mg_id_name(MG_SYM2ID(k), NULL), "chdir")) {
            rd->chdir = mg_str_cstr(mg_to_str(v));
            continue;
        }
        Value keys = MG_IS_ARRAY(k) ? k : mg_ary_new_from(1, &k);
        for (int64_t i = 0; i < mg_ary_len(keys); i++) {
            int to = redir_fd(mg_ary_entry(keys, i));
            if (to < 0) break;   /* other options (pgroup:, unsetenv_others: ...) are accepted and ignored */
            int from;
            if (MG_IS_SYMBOL(v) && !strcmp(mg_id_name(MG_SYM2ID(v), NULL), "close")) {
                from = -2;
            } else if (MG_IS_STRING(v) || (MG_IS_ARRAY(v) && mg_ary_len(v) > 0 && MG_IS_STRING(mg_ary_entry(v, 0)))) {
                Value path = MG_IS_STRING(v) ? v : mg_ary_entry(v, 0);
                int fl = to == 0 ? O_RDONLY : O_WRONLY | O_CREAT | O_TRUNC;
                if (MG_IS_ARRAY(v) && mg_ary_len(v) > 1) {
                    Value m = mg_ary_entry(v, 1);
                    if (MG_IS_FIXNUM(m)) fl = (int)MG_FIX2LONG(m);
                    else if (MG_IS_STRING(m) && mg_str_cstr(m)[0] == 'a') fl = O_WRONLY | O_CREAT | O_APPEND;
                    else if (MG_IS_STRING(m) && mg_str_cstr(m)[0] == 'r') fl = O_RDONLY;
                }
                from = open(mg_str_cstr(path), fl | O_CLOEXEC, 0644);
                if (from < 0) mg_raise_syserr(errno, NULL, mg_str_cstr(path));
                opened[(*nopened)++] = from;
            } else if (MG_IS_ARRAY(v) && mg_ary_len(v) == 2 && MG_IS_SYMBOL(mg_ary_entry(v, 0))) {
                /* [:child, fd]: fd as the child has it after the other redirections */
                int cf = redir_fd(mg_ary_entry(v, 1));
                if (cf < 0) mg_raise(mg_eArgumentError, "wrong exec redirect action");
                if (ndeferred >= (int)ARRAY_LEN(deferred_to)) mg_raise(mg_eArgumentError, "too many redirections");
                deferred_to[ndeferred] = to;
                deferred_from[ndeferred++] = cf;
                continue;
            } else {
                from = redir_fd(v);
            }
            if (from == -1) mg_raise(mg_eArgumentError, "wrong exec redirect action");
            redir_add(rd, to, from);
        }
    }
    for (int i = 0; i < ndeferred; i++) redir_add(rd, deferred_to[i], deferred_from[i]);
}

/* spawn([env,] cmd, *args [, options]) -> pid; the child is not waited for */
static Value
process_spawn(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    Value env = MG_NIL;
    if (argc > 0 && MG_IS_HASH(argv[0])) { env = argv[0]; argc--; argv++; }
    if (kw == MG_NIL && argc > 1 && MG_IS_HASH(argv[argc - 1])) kw = argv[--argc];
    if (argc < 1) mg_raise_argc(argc, 1, -1);
    Redirs rd = { 0 };
    int opened[8], nopened = 0;
    if (kw != MG_NIL) spawn_options(kw, &rd, opened, &nopened);
    size_t count;
    char **av = build_argv(argc, argv, &count);
    if (!av[0]) {
        free_argv(av, count);
        mg_raise_syserr(ENOENT, NULL, cmd_name(argv[0]));
    }
    int ee = 0;
    pid_t pid = spawn_redir(av, env, &rd, &ee);
    free_argv(av, count);
    for (int i = 0; i < nopened; i++) close(opened[i]);
    if (pid < 0) mg_raise_syserr(ee, NULL, cmd_name(argv[0]));
    return MG_FIX(pid);
}

/* exec([env,] command... [, options]): the program replaces this process (env
 * and the options' redirections and chdir applied first); SystemCallError when
 * it cannot be started, and this process goes on. */
static Value
process_exec(Value self, int argc, const Value *argv, Value blk)
{
    Value kw = mg_kwargs_split(&argc, argv);
    Value env = MG_NIL;
    if (argc > 0 && MG_IS_HASH(argv[0])) { env = argv[0]; argc--; argv++; }
    if (kw == MG_NIL && argc > 1 && MG_IS_HASH(argv[argc - 1])) kw = argv[--argc];
    if (argc < 1) mg_raise_argc(argc, 1, -1);
    Redirs rd = { 0 };
    int opened[8], nopened = 0;
    if (kw != MG_NIL) spawn_options(kw, &rd, opened, &nopened);
    size_t count;
    char **av = build_argv(argc, argv, &count);
    int e = ENOENT;
    if (av[0]) {
        Value k, v;
        for (int64_t it = 0; env != MG_NIL && mg_hash_next(env, &it, &k, &v);) {
            if (v == MG_NIL) unsetenv(mg_str_cstr(mg_to_str(k)));
            else setenv(mg_str_cstr(mg_to_str(k)), mg_str_cstr(mg_to_str(v)), 1);
        }
        mg_io_flush_all();
        fflush(stdout);
        fflush(stderr);
        for (int i = 0; i < rd.count; i++) {
            if (rd.from[i] == -2) close(rd.to[i]);
            else if (rd.from[i] != rd.to[i]) dup2(rd.from[i], rd.to[i]);
            else fcntl(rd.to[i], F_SETFD, 0);
        }
        if (rd.chdir && chdir(rd.chdir) != 0) e = errno;
        else {
            signal(SIGPIPE, SIG_DFL);
            execvp(av[0], av);
            e = errno;
        }
    }
    free_argv(av, count);
    for (int i = 0; i < nopened; i++) close(opened[i]);
    mg_raise_syserr(e, NULL, cmd_name(argv[0]));
}

/* waitpid that lets other green threads run while the child is alive. Returns
 * the pid (0 for WNOHANG and no change), -1 with errno on failure. */
static pid_t
wait_any(pid_t pid, int *st, int flags)
{
    for (;;) {
        pid_t r = waitpid(pid, st, flags | WNOHANG);
        if (r != 0 || (flags & WNOHANG)) {
            if (r < 0 && errno == EINTR) { mg_vm_checkpoint(); continue; }
            return r;
        }
        if (mg_thread_sleep(0.002)) continue;
        r = waitpid(pid, st, flags);
        if (r < 0 && errno == EINTR) { mg_vm_checkpoint(); continue; }
        return r;
    }
}

static Value
wait_common(int argc, const Value *argv, bool pair)
{
    pid_t pid = argc > 0 && argv[0] != MG_NIL ? (pid_t)mg_num2long(argv[0]) : -1;
    int flags = argc > 1 && argv[1] != MG_NIL ? (int)mg_num2long(argv[1]) : 0;
    int st = 0;
    pid_t r = wait_any(pid, &st, flags);
    if (r < 0) mg_raise_syserr(errno, NULL, NULL);
    if (r == 0) return MG_NIL;
    last_status = status_new(r, st);
    if (!pair) return MG_FIX(r);
    Value two[2] = { MG_FIX(r), last_status };
    return mg_ary_new_from(2, two);
}

static Value
process_wait(Value self, int argc, const Value *argv, Value blk)
{
    return wait_common(argc, argv, false);
}

static Value
process_wait2(Value self, int argc, const Value *argv, Value blk)
{
    return wait_common(argc, argv, true);
}

/* Process.waitall -> [[pid, status], ...] */
static Value
process_waitall(Value self, int argc, const Value *argv, Value blk)
{
    Value out = mg_ary_new();
    for (;;) {
        int st = 0;
        pid_t r = wait_any(-1, &st, 0);
        if (r < 0) break;
        last_status = status_new(r, st);
        Value two[2] = { MG_FIX(r), last_status };
        mg_ary_push(out, mg_ary_new_from(2, two));
    }
    return out;
}

static Value
fork_child_body(Value blk)
{
    return mg_yield(blk, 0, NULL);
}

/* fork { } / fork: the child runs the block, then its at_exit handlers, and exits */
static Value
process__fork(Value self, int argc, const Value *argv, Value blk)
{
    mg_io_flush_all();
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) mg_raise_syserr(errno, "fork", NULL);
    if (pid == 0) mg_process_after_fork();
    return MG_FIX(pid);
}

/* fork / Kernel#fork: the fork itself is Process._fork, called as a method so
 * that a program can hook it (3.1: prepend to Process.singleton_class). */
static Value
process_fork(Value self, int argc, const Value *argv, Value blk)
{
    Value r = mg_funcall(MG_VAL(mg_mProcess), mg_intern_cstr("_fork"), 0, NULL);
    pid_t pid = (pid_t)mg_num2long(r);
    if (pid > 0) return MG_FIX(pid);
    if (!mg_block_given(blk)) return MG_NIL;
    Value exc = MG_NIL;
    mg_protect(fork_child_body, blk, &exc);
    int status = 0, die_by = 0;
    if (exc != MG_NIL && exc != MG_UNDEF) {
        if (mg_obj_is_kind_of(exc, mg_eSignalException)) {
            /* as CRuby: report, then end by the signal itself */
            mg_vm_report_exception(exc);
            Value s = mg_funcall(exc, mg_intern_cstr("signo"), 0, NULL);
            die_by = MG_IS_FIXNUM(s) ? (int)MG_FIX2LONG(s) : SIGINT;
            status = 1;
        } else if (mg_obj_is_kind_of(exc, mg_eSystemExit)) {
            Value s = mg_funcall(exc, mg_intern_cstr("status"), 0, NULL);
            status = MG_IS_FIXNUM(s) ? (int)MG_FIX2LONG(s) : 0;
        } else {
            mg_vm_report_exception(exc);
            status = 1;
        }
    }
    status = mg_vm_finish(status);
    fflush(stderr);
    if (die_by > 0 && die_by < NSIG) {
        signal(die_by, SIG_DFL);
        kill(getpid(), die_by);
    }
    _exit(status);
}

/* ---- signals: Signal.trap, Process.kill; handlers run at VM safe points ---- */

static volatile sig_atomic_t sig_pending[NSIG];
static volatile sig_atomic_t sig_any;
static Value trap_cmds = MG_NIL;      /* Array: signo -> Proc, "IGNORE", "DEFAULT", "EXIT", nil */

/* The wake pipe: on_signal writes a byte to it, so a poll(2) that includes
 * its read end (the scheduler's, mg_thread_poll's) returns even when the
 * signal arrived just before the poll began -- a flag alone is lost there,
 * and a server whose threads all wait would sleep through its SIGTERM. */
static int wake_pipe[2] = { -1, -1 };

static void
wake_open(void)
{
    if (wake_pipe[0] >= 0) { close(wake_pipe[0]); close(wake_pipe[1]); }
    if (pipe(wake_pipe) != 0) { wake_pipe[0] = wake_pipe[1] = -1; return; }
    for (int i = 0; i < 2; i++) {
        fcntl(wake_pipe[i], F_SETFD, FD_CLOEXEC);
        fcntl(wake_pipe[i], F_SETFL, fcntl(wake_pipe[i], F_GETFL) | O_NONBLOCK);
    }
}

static void
on_signal(int sig)
{
    if (sig > 0 && sig < NSIG) sig_pending[sig] = 1;
    sig_any = 1;
    mg_vm.interrupt = 1;
    if (wake_pipe[1] >= 0) {
        int e = errno;
        ssize_t w = write(wake_pipe[1], "", 1);   /* a full pipe already wakes */
        (void)w;
        errno = e;
    }
}

int
mg_signal_wake_fd(void)
{
    return wake_pipe[0];
}

bool
mg_signal_pending(void)
{
    return sig_any != 0;
}

void
mg_signal_wake_drain(void)
{
    char buf[64];
    while (wake_pipe[0] >= 0 && read(wake_pipe[0], buf, sizeof buf) > 0) {}
}

static void
install(int sig, void (*fn)(int))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fn;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;     /* no SA_RESTART: blocking reads return EINTR and reach a checkpoint */
    sigaction(sig, &sa, NULL);
}

/* The signals whose default (as CRuby's) raises SignalException -- Interrupt
 * for INT -- in the main thread: the program ends through its ensure clauses
 * and at_exit handlers, then by the signal itself (mg_vm_run_main). */
static bool
ruby_default_p(int sig)
{
    return sig == SIGINT || sig == SIGHUP || sig == SIGQUIT || sig == SIGTERM || sig == SIGALRM ||
           sig == SIGUSR1 || sig == SIGUSR2;
}

/* The signal number of 9, "INT", "SIGINT", :INT; ArgumentError when unknown. */
static int
signo_of(Value v)
{
    if (MG_IS_FIXNUM(v)) {
        int64_t n = MG_FIX2LONG(v);
        if (n < 0 || n >= NSIG) mg_raise(mg_eArgumentError, "invalid signal number (%lld)", (long long)n);
        return (int)n;
    }
    const char *name = MG_IS_SYMBOL(v) ? mg_id_name(MG_SYM2ID(v), NULL) : mg_str_cstr(mg_to_str(v));
    const char *bare = !strncmp(name, "SIG", 3) ? name + 3 : name;
    Value list = mg_funcall(mg_const_get_at(mg_cObject, mg_intern_cstr("Signal")), mg_intern_cstr("list"), 0, NULL);
    Value n = mg_hash_aref(list, mg_str_new_cstr(bare));
    if (n == MG_NIL) mg_raise(mg_eArgumentError, "unsupported signal `SIG%s'", bare);
    return (int)MG_FIX2LONG(n);
}

static const char *
sig_name(int sig, char *buf, size_t n)
{
    Value nm = mg_funcall(mg_const_get_at(mg_cObject, mg_intern_cstr("Signal")), mg_intern_cstr("signame"), 1,
                          (Value[]){ MG_FIX(sig) });
    snprintf(buf, n, "SIG%s", nm != MG_NIL ? mg_str_cstr(nm) : "?");
    return buf;
}

static Value
cmd_str(const char *s)
{
    return mg_str_new_cstr(s);
}

/* Signal.trap(sig, command = nil) { } -> the previous handler */
static Value
signal_trap(Value self, int argc, const Value *argv, Value blk)
{
    int sig = signo_of(argv[0]);
    char nb[32];
    if (sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE || sig == SIGVTALRM)
        mg_raise(mg_eArgumentError, "can't trap reserved signal: %s", sig_name(sig, nb, sizeof nb));
    if (sig == SIGKILL || sig == SIGSTOP) mg_raise_syserr(EINVAL, NULL, sig_name(sig, nb, sizeof nb));
    Value cmd = argc > 1 ? argv[1] : blk;
    Value stored;
    void (*fn)(int);
    if (argc < 2 && !mg_block_given(blk)) mg_raise_argc(argc, 2, 2);
    if (cmd == MG_NIL) {
        stored = MG_NIL;
        fn = SIG_IGN;
    } else if (MG_IS_STRING(cmd) || MG_IS_SYMBOL(cmd)) {
        const char *s = MG_IS_SYMBOL(cmd) ? mg_id_name(MG_SYM2ID(cmd), NULL) : mg_str_cstr(cmd);
        if (!strcmp(s, "IGNORE") || !strcmp(s, "SIG_IGN") || !*s) {
            stored = cmd_str("IGNORE"); fn = SIG_IGN;
        } else if (!strcmp(s, "DEFAULT") || !strcmp(s, "SIG_DFL")) {
            stored = cmd_str("DEFAULT"); fn = ruby_default_p(sig) ? on_signal : SIG_DFL;
        } else if (!strcmp(s, "SYSTEM_DEFAULT")) {
            stored = cmd_str("SYSTEM_DEFAULT"); fn = SIG_DFL;
        } else if (!strcmp(s, "EXIT")) {
            stored = cmd_str("EXIT"); fn = on_signal;
        } else {
            mg_raise(mg_eArgumentError, "wrong trap command: %s", s);
        }
    } else {
        stored = cmd;
        fn = on_signal;
    }
    Value prev = mg_ary_entry(trap_cmds, sig);
    if (sig == 0) {
        if (stored != MG_NIL && !MG_IS_STRING(stored))
            mg_funcall_block(MG_VAL(mg_mKernel), mg_intern_cstr("at_exit"), 0, NULL, stored);   /* trap("EXIT") */
    } else {
        install(sig, fn);
    }
    mg_ary_store(trap_cmds, sig, stored);
    return prev;
}

/* Runs the handlers of the signals that arrived (called from mg_vm_checkpoint). */
void
mg_signal_checkpoint(void)
{
    if (!sig_any) return;
    /* handlers run in the main thread, as CRuby (a raise there ends the
     * program); the scheduler runs it next (mg_thread_* sees the flag) */
    if (!mg_thread_main_p()) return;
    sig_any = 0;
    mg_signal_wake_drain();
    for (int sig = 1; sig < NSIG; sig++) {
        if (!sig_pending[sig]) continue;
        sig_pending[sig] = 0;
        Value cmd = mg_ary_entry(trap_cmds, sig);
        if (MG_IS_STRING(cmd)) {
            if (!strcmp(mg_str_cstr(cmd), "EXIT"))
                mg_raise_exc(mg_funcall(MG_VAL(mg_eSystemExit), mg_id_new, 1, (Value[]){ MG_FIX(0) }));
            if (sig == SIGINT) mg_raise_exc(mg_funcall(MG_VAL(mg_eInterrupt), mg_id_new, 1, (Value[]){ mg_str_new("", 0) }));
            if (ruby_default_p(sig) && !strcmp(mg_str_cstr(cmd), "DEFAULT"))
                mg_raise_exc(mg_funcall(MG_VAL(mg_eSignalException), mg_id_new, 1, (Value[]){ MG_FIX(sig) }));
        } else if (cmd != MG_NIL) {
            mg_funcall(cmd, mg_intern_cstr("call"), 1, (Value[]){ MG_FIX(sig) });
        }
    }
}

/* Process.kill(sig, *pids) -> the number of processes signalled */
static Value
process_kill(Value self, int argc, const Value *argv, Value blk)
{
    if (argc < 2) mg_raise_argc(argc, 2, -1);
    bool neg = false;
    Value s = argv[0];
    if (MG_IS_STRING(s) && mg_str_cstr(s)[0] == '-') { neg = true; s = mg_str_new_cstr(mg_str_cstr(s) + 1); }
    int sig = signo_of(s);
    bool self_hit = false;
    for (int i = 1; i < argc; i++) {
        pid_t pid = (pid_t)mg_num2long(argv[i]);
        if (neg) pid = -pid;
        if (kill(pid, sig) != 0) mg_raise_syserr(errno, NULL, NULL);
        if (pid == getpid() || pid == 0) self_hit = true;
    }
    if (self_hit) mg_signal_checkpoint();   /* a signal sent to ourselves is handled before kill returns, as CRuby */
    return MG_FIX(argc - 1);
}

static Value
process_exit_bang(Value self, int argc, const Value *argv, Value blk)
{
    return mg_funcall(MG_VAL(mg_mKernel), mg_intern_cstr("exit!"), argc, argv);
}

/* After fork: the child forgets the parent's signal arrivals. */
void
mg_process_after_fork(void)
{
    sig_any = 0;
    for (int i = 0; i < NSIG; i++) sig_pending[i] = 0;
    wake_open();    /* the parent's pipe would wake the child on the parent's signals */
}

/* ---- sessions and process groups ---- */

static pid_t
pid_arg(int argc, const Value *argv, int i)
{
    return argc > i && argv[i] != MG_NIL ? (pid_t)mg_num2long(argv[i]) : 0;
}

static Value
process_setsid(Value self, int argc, const Value *argv, Value blk)
{
    pid_t s = setsid();
    if (s < 0) mg_raise_syserr(errno, NULL, NULL);
    return MG_FIX(s);
}

static Value
process_getsid(Value self, int argc, const Value *argv, Value blk)
{
    pid_t s = getsid(pid_arg(argc, argv, 0));
    if (s < 0) mg_raise_syserr(errno, NULL, NULL);
    return MG_FIX(s);
}

static Value
process_getpgid(Value self, int argc, const Value *argv, Value blk)
{
    pid_t g = getpgid(pid_arg(argc, argv, 0));
    if (g < 0) mg_raise_syserr(errno, NULL, NULL);
    return MG_FIX(g);
}

static Value
process_getpgrp(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX(getpgrp());
}

static Value
process_setpgid(Value self, int argc, const Value *argv, Value blk)
{
    if (setpgid(pid_arg(argc, argv, 0), pid_arg(argc, argv, 1)) != 0) mg_raise_syserr(errno, NULL, NULL);
    return MG_FIX(0);
}

static Value
process_setpgrp(Value self, int argc, const Value *argv, Value blk)
{
    if (setpgid(0, 0) != 0) mg_raise_syserr(errno, NULL, NULL);
    return MG_FIX(0);
}

/* Process::Status.wait(pid = -1, flags = 0): as Process.wait, answering the
 * Process::Status (pid -1 when there is no child to wait for); nil for WNOHANG
 * and no change. */
static Value
status_s_wait(Value self, int argc, const Value *argv, Value blk)
{
    pid_t pid = argc > 0 && argv[0] != MG_NIL ? (pid_t)mg_num2long(argv[0]) : -1;
    int flags = argc > 1 && argv[1] != MG_NIL ? (int)mg_num2long(argv[1]) : 0;
    int st = 0;
    pid_t r = wait_any(pid, &st, flags);
    if (r < 0) {
        if (errno != ECHILD) mg_raise_syserr(errno, NULL, NULL);
        return status_new(-1, 0);
    }
    if (r == 0) return MG_NIL;
    return status_new(r, st);      /* $? stays as it was, as CRuby's */
}

static Value
process_last_status(Value self, int argc, const Value *argv, Value blk)
{
    return last_status;
}

static Value
process_exit(Value self, int argc, const Value *argv, Value blk)
{
    return mg_funcall(MG_VAL(mg_mKernel), mg_intern_cstr("exit"), argc, argv);
}

static Value
process_abort(Value self, int argc, const Value *argv, Value blk)
{
    return mg_funcall(MG_VAL(mg_mKernel), mg_intern_cstr("abort"), argc, argv);
}

/* ---- clocks, limits, priorities, ids ---- */

static Value
process_clock_getres(Value self, int argc, const Value *argv, Value blk)
{
    if (MG_IS_SYMBOL(argv[0])) mg_raise_syserr(EINVAL, NULL, NULL);   /* no emulated clocks */
    struct timespec ts;
    if (clock_getres((clockid_t)mg_num2long(argv[0]), &ts) != 0) mg_raise_syserr(errno, NULL, NULL);
    const char *unit = "float_second";
    if (argc > 1) {
        if (!MG_IS_SYMBOL(argv[1])) mg_raise(mg_eArgumentError, "unexpected unit: %s", mg_str_cstr(mg_inspect(argv[1])));
        unit = mg_id_name(MG_SYM2ID(argv[1]), NULL);
    }
    int64_t ns = (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
    if (!strcmp(unit, "float_second")) return mg_float_new((double)ns / 1e9);
    if (!strcmp(unit, "float_millisecond")) return mg_float_new((double)ns / 1e6);
    if (!strcmp(unit, "float_microsecond")) return mg_float_new((double)ns / 1e3);
    if (!strcmp(unit, "second")) return mg_int_new(ns / 1000000000);
    if (!strcmp(unit, "millisecond")) return mg_int_new(ns / 1000000);
    if (!strcmp(unit, "microsecond")) return mg_int_new(ns / 1000);
    if (!strcmp(unit, "nanosecond")) return mg_int_new(ns);
    mg_raise(mg_eArgumentError, "unexpected unit: %s", unit);
}

static const struct { const char *name; int res; } rlimits[] = {
    {"AS", RLIMIT_AS}, {"CORE", RLIMIT_CORE}, {"CPU", RLIMIT_CPU}, {"DATA", RLIMIT_DATA},
    {"FSIZE", RLIMIT_FSIZE}, {"MEMLOCK", RLIMIT_MEMLOCK}, {"MSGQUEUE", RLIMIT_MSGQUEUE},
    {"NICE", RLIMIT_NICE}, {"NOFILE", RLIMIT_NOFILE}, {"NPROC", RLIMIT_NPROC}, {"RSS", RLIMIT_RSS},
    {"RTPRIO", RLIMIT_RTPRIO}, {"RTTIME", RLIMIT_RTTIME}, {"SIGPENDING", RLIMIT_SIGPENDING},
    {"STACK", RLIMIT_STACK},
};

/* A resource: an Integer, or a name (Symbol or String) as :NOFILE / "NOFILE". */
static int
rlimit_resource(Value v)
{
    if (MG_IS_SYMBOL(v) || MG_IS_STRING(v)) {
        const char *n = MG_IS_SYMBOL(v) ? mg_id_name(MG_SYM2ID(v), NULL) : mg_str_cstr(v);
        for (size_t i = 0; i < ARRAY_LEN(rlimits); i++)
            if (!strcmp(n, rlimits[i].name)) return rlimits[i].res;
        mg_raise(mg_eArgumentError, "invalid resource name: %s", n);
    }
    return (int)mg_num2long(v);
}

static rlim_t
rlimit_value(Value v, const struct rlimit *now)
{
    if (MG_IS_SYMBOL(v) || MG_IS_STRING(v)) {
        const char *n = MG_IS_SYMBOL(v) ? mg_id_name(MG_SYM2ID(v), NULL) : mg_str_cstr(v);
        if (!strcmp(n, "INFINITY")) return RLIM_INFINITY;
        if (!strcmp(n, "SAVED_MAX")) return RLIM_SAVED_MAX;
        if (!strcmp(n, "SAVED_CUR")) return RLIM_SAVED_CUR;
        mg_raise(mg_eArgumentError, "invalid resource value: %s", n);
    }
    (void)now;
    Value i = mg_to_int(v);
    if (MG_IS_FIXNUM(i)) return (rlim_t)MG_FIX2LONG(i);
    return (rlim_t)mg_num2long(MG_CALL1(i, "&", mg_uint_new(UINT64_MAX)));
}

static Value
rlim_to_value(rlim_t r)
{
    return mg_uint_new((uint64_t)r);
}

static Value
process_getrlimit(Value self, int argc, const Value *argv, Value blk)
{
    struct rlimit rl;
    if (getrlimit(rlimit_resource(argv[0]), &rl) != 0) mg_raise_syserr(errno, "getrlimit", NULL);
    return mg_ary_new_from(2, (Value[]){ rlim_to_value(rl.rlim_cur), rlim_to_value(rl.rlim_max) });
}

/* setrlimit(resource, cur, max = cur) */
static Value
process_setrlimit(Value self, int argc, const Value *argv, Value blk)
{
    int res = rlimit_resource(argv[0]);
    struct rlimit rl, now;
    if (getrlimit(res, &now) != 0) mg_raise_syserr(errno, "getrlimit", NULL);
    rl.rlim_cur = rlimit_value(argv[1], &now);
    rl.rlim_max = argc > 2 ? rlimit_value(argv[2], &now) : rl.rlim_cur;
    if (setrlimit(res, &rl) != 0) mg_raise_syserr(errno, "setrlimit", NULL);
    return MG_NIL;
}

static Value
process_getpriority(Value self, int argc, const Value *argv, Value blk)
{
    errno = 0;
    int p = getpriority((int)mg_num2long(argv[0]), (id_t)mg_num2long(argv[1]));
    if (p == -1 && errno) mg_raise_syserr(errno, NULL, NULL);
    return MG_FIX(p);
}

static Value
process_setpriority(Value self, int argc, const Value *argv, Value blk)
{
    if (setpriority((int)mg_num2long(argv[0]), (id_t)mg_num2long(argv[1]), (int)mg_num2long(argv[2])) != 0)
        mg_raise_syserr(errno, NULL, NULL);
    return MG_FIX(0);
}

static int maxgroups_setting = -1;

static int
maxgroups_limit(void)
{
    long n = sysconf(_SC_NGROUPS_MAX);
    return n > 0 ? (int)n : 65536;
}

static Value
process_maxgroups(Value self, int argc, const Value *argv, Value blk)
{
    return MG_FIX(maxgroups_setting > 0 ? maxgroups_setting : maxgroups_limit());
}

static Value
process_set_maxgroups(Value self, int argc, const Value *argv, Value blk)
{
    int64_t n = mg_num2long(argv[0]);
    if (n <= 0) mg_raise(mg_eArgumentError, "maxgroups %lld should be positive", (long long)n);
    maxgroups_setting = n > maxgroups_limit() ? maxgroups_limit() : (int)n;
    return argv[0];
}

static Value
process_groups(Value self, int argc, const Value *argv, Value blk)
{
    int n = getgroups(0, NULL);
    if (n < 0) mg_raise_syserr(errno, "getgroups", NULL);
    gid_t *g = malloc(sizeof(gid_t) * (size_t)(n + 1));
    if (!g) mg_raise_nomem();
    n = getgroups(n, g);
    if (n < 0) { int e = errno; free(g); mg_raise_syserr(e, "getgroups", NULL); }
    Value r = mg_ary_new_capa(n);
    for (int i = 0; i < n; i++) mg_ary_push(r, MG_FIX(g[i]));
    free(g);
    return r;
}

static gid_t gid_of(Value v);

static Value
process_set_groups(Value self, int argc, const Value *argv, Value blk)
{
    Value a = mg_to_ary(argv[0]);
    int64_t n = mg_ary_len(a);
    if (n > (maxgroups_setting > 0 ? maxgroups_setting : maxgroups_limit()))
        mg_raise(mg_eArgumentError, "too many groups, %lld restricted.", (long long)(maxgroups_setting > 0 ? maxgroups_setting : maxgroups_limit()));
    gid_t *g = malloc(sizeof(gid_t) * (size_t)(n + 1));
    if (!g) mg_raise_nomem();
    for (int64_t i = 0; i < n; i++) g[i] = gid_of(mg_ary_entry(a, i));
    int r = setgroups((size_t)n, g);
    int e = errno;
    free(g);
    if (r != 0) mg_raise_syserr(e, "setgroups", NULL);
    return process_groups(self, 0, NULL, MG_NIL);
}

/* a user or group: an Integer id, or a name looked up in the passwd / group database */
static uid_t
uid_of(Value v)
{
    if (MG_IS_STRING(v)) {
        struct passwd *pw = getpwnam(mg_str_cstr(v));
        if (!pw) mg_raise(mg_eArgumentError, "can't find user for %s", mg_str_cstr(v));
        return pw->pw_uid;
    }
    return (uid_t)mg_num2long(v);
}

static gid_t
gid_of(Value v)
{
    if (MG_IS_STRING(v)) {
        struct group *gr = getgrnam(mg_str_cstr(v));
        if (!gr) mg_raise(mg_eArgumentError, "can't find group for %s", mg_str_cstr(v));
        return gr->gr_gid;
    }
    return (gid_t)mg_num2long(v);
}

static Value
process_initgroups(Value self, int argc, const Value *argv, Value blk)
{
    if (initgroups(mg_str_cstr(mg_to_str(argv[0])), gid_of(argv[1])) != 0) mg_raise_syserr(errno, "initgroups", NULL);
    return process_groups(self, 0, NULL, MG_NIL);
}

static Value
process_set_uid(Value self, int argc, const Value *argv, Value blk)
{
    if (setuid(uid_of(argv[0])) != 0) mg_raise_syserr(errno, NULL, NULL);
    return MG_FIX(getuid());
}

static Value
process_set_gid(Value self, int argc, const Value *argv, Value blk)
{
    if (setgid(gid_of(argv[0])) != 0) mg_raise_syserr(errno, NULL, NULL);
    return MG_FIX(getgid());
}

static Value
process_set_euid(Value self, int argc, const Value *argv, Value blk)
{
    if (seteuid(uid_of(argv[0])) != 0) mg_raise_syserr(errno, NULL, NULL);
    return argv[0];
}

static Value
process_set_egid(Value self, int argc, const Value *argv, Value blk)
{
    if (setegid(gid_of(argv[0])) != 0) mg_raise_syserr(errno, NULL, NULL);
    return argv[0];
}

/* argv0: $0 as the program started (eval.c records it once) */
static Value argv0 = MG_NIL;

void
mg_process_set_argv0(const char *name)
{
    argv0 = mg_str_new_cstr(name);
}

Value
mg_process_argv0(void)
{
    return argv0;
}

static Value
process_argv0(Value self, int argc, const Value *argv, Value blk)
{
    return argv0;
}

/* setproctitle: Linux lets a process rename its own thread (what ps -o comm and
 * /proc/PID/comm show, 15 bytes); the argv area CRuby overwrites is not ours. */
static Value
process_setproctitle(Value self, int argc, const Value *argv, Value blk)
{
    Value t = mg_to_str(argv[0]);
    prctl(PR_SET_NAME, (unsigned long)mg_str_cstr(t), 0, 0, 0);
    return t;
}

/* daemon(nochdir = false, noclose = false): detach from the terminal in a
 * forked child (the parent exits), as daemon(3). */
static Value
process_daemon(Value self, int argc, const Value *argv, Value blk)
{
    bool nochdir = argc > 0 && MG_TEST(argv[0]), noclose = argc > 1 && MG_TEST(argv[1]);
    mg_io_flush_all();
    if (daemon(nochdir, noclose) != 0) mg_raise_syserr(errno, "daemon", NULL);
    mg_process_after_fork();
    return MG_FIX(0);
}

static const MgMethodDef process_functions[] = {
    {"setsid", process_setsid, 0, 0},
    {"getsid", process_getsid, 0, 1},
    {"getpgid", process_getpgid, 1, 1},
    {"getpgrp", process_getpgrp, 0, 0},
    {"setpgid", process_setpgid, 2, 2},
    {"setpgrp", process_setpgrp, 0, 0},
    {"spawn", process_spawn, 1, -1},
    {"exec", process_exec, 1, -1},
    {"wait", process_wait, 0, 2},
    {"waitpid", process_wait, 0, 2},
    {"wait2", process_wait2, 0, 2},
    {"waitpid2", process_wait2, 0, 2},
    {"waitall", process_waitall, 0, 0},
    {"fork", process_fork, 0, 0},
    {"_fork", process__fork, 0, 0},
    {"kill", process_kill, 0, -1},
    {"exit!", process_exit_bang, 0, 1},
    {"exit", process_exit, 0, 1},
    {"abort", process_abort, 0, 1},
    {"last_status", process_last_status, 0, 0},
    {"clock_getres", process_clock_getres, 1, 2},
    {"getrlimit", process_getrlimit, 1, 1},
    {"setrlimit", process_setrlimit, 2, 3},
    {"getpriority", process_getpriority, 2, 2},
    {"setpriority", process_setpriority, 3, 3},
    {"groups", process_groups, 0, 0},
    {"groups=", process_set_groups, 1, 1},
    {"maxgroups", process_maxgroups, 0, 0},
    {"maxgroups=", process_set_maxgroups, 1, 1},
    {"initgroups", process_initgroups, 2, 2},
    {"uid=", process_set_uid, 1, 1},
    {"gid=", process_set_gid, 1, 1},
    {"euid=", process_set_euid, 1, 1},
    {"egid=", process_set_egid, 1, 1},
    {"argv0", process_argv0, 0, 0},
    {"setproctitle", process_setproctitle, 1, 1},
    {"daemon", process_daemon, 0, 2},
    {NULL, NULL, 0, 0}
};

static const MgMethodDef process_kernel_functions[] = {
    {"spawn", process_spawn, 1, -1},
    {"exec", process_exec, 1, -1},
    {"fork", process_fork, 0, 0},
    {"trap", signal_trap, 1, 2},
    {"system", kernel_system, 1, -1},
    {"`", kernel_backtick, 1, 1},
    {NULL, NULL, 0, 0}
};

void
mg_init_process(void)
{
    for (const MgMethodDef *d = process_kernel_functions; d->name; d++)
        mg_define_module_function(mg_mKernel, d->name, d->fn, d->min_args, d->max_args);
    mg_gc_register(&last_status);
    for (const MgMethodDef *d = process_functions; d->name; d++)
        mg_define_module_function(mg_mProcess, d->name, d->fn, d->min_args, d->max_args);
    mg_define_const(mg_mProcess, "WNOHANG", MG_FIX(WNOHANG));
    mg_define_const(mg_mProcess, "WUNTRACED", MG_FIX(WUNTRACED));

    wake_open();
    trap_cmds = mg_ary_new();
    mg_gc_register(&trap_cmds);
    for (int i = 0; i < NSIG; i++) mg_ary_push(trap_cmds, i == 0 ? MG_NIL : mg_str_new_cstr("DEFAULT"));
    /* the defaults of INT (Interrupt), TERM, HUP, ... raise in the main
     * program; one ignored when we started stays ignored, as CRuby's */
    for (int sig = 1; sig < NSIG; sig++) {
        if (!ruby_default_p(sig)) continue;
        struct sigaction old;
        if (sigaction(sig, NULL, &old) == 0 && old.sa_handler == SIG_IGN) {
            mg_ary_store(trap_cmds, sig, cmd_str("IGNORE"));
            continue;
        }
        install(sig, on_signal);
    }
    /* a write to a closed socket or pipe raises Errno::EPIPE instead of killing the
     * process (a WEBrick server whose client went away); children get the default back */
    signal(SIGPIPE, SIG_IGN);
    RClass *sig = mg_define_module("Signal");
    mg_define_module_function(sig, "trap", signal_trap, 1, 2);
    mg_define_virtual_gvar("$?", gv_status_get, NULL);

    cProcessStatus = mg_define_class_under(mg_mProcess, "Status", mg_cObject);
    mg_define_methods(cProcessStatus, status_methods);
    RClass *meta = mg_singleton_class(MG_VAL(cProcessStatus));
    mg_method_undef(meta, mg_id_new);
    mg_method_undef(meta, mg_id_allocate);
    mg_define_singleton_method(MG_VAL(cProcessStatus), "wait", status_s_wait, 0, 2);
    mg_gc_register(&argv0);
    static const struct { const char *name; int64_t v; } consts[] = {
        {"PRIO_PROCESS", PRIO_PROCESS}, {"PRIO_PGRP", PRIO_PGRP}, {"PRIO_USER", PRIO_USER},
    };
    for (size_t i = 0; i < ARRAY_LEN(consts); i++) mg_define_const(mg_mProcess, consts[i].name, MG_FIX(consts[i].v));
    for (size_t i = 0; i < ARRAY_LEN(rlimits); i++) {
        char name[32];
        snprintf(name, sizeof name, "RLIMIT_%s", rlimits[i].name);
        mg_define_const(mg_mProcess, name, MG_FIX(rlimits[i].res));
    }
    mg_define_const(mg_mProcess, "RLIM_INFINITY", mg_uint_new((uint64_t)RLIM_INFINITY));
    mg_define_const(mg_mProcess, "RLIM_SAVED_MAX", mg_uint_new((uint64_t)RLIM_SAVED_MAX));
    mg_define_const(mg_mProcess, "RLIM_SAVED_CUR", mg_uint_new((uint64_t)RLIM_SAVED_CUR));

    Value env = mg_obj_alloc(mg_cObject);
    mg_extend_object(env, mg_mEnumerable);
    mg_define_singleton_methods(env, env_methods);
    mg_define_global_const("ENV", env);
}
