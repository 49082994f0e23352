/* stone.c -- the stone daemon and its clients (stone.h; DESIGN.md sections 2, 4).
 * One daemon per repository: it trims the commit log, serves status over a
 * Unix socket and logs to stone.log. It is never needed for correctness.
 *
 * Life of a stone (MgStoneState, found by mg_stone_state):
 *
 *   ABSENT  --maglev create / start, a gem's first open-->  STOPPED
 *   STOPPED --mg_stone_start--------------------------->    RUNNING
 *   RUNNING --"stop" on the socket, SIGTERM (stop_daemon)-> STOPPED
 *   RUNNING --SIGKILL, crash--------------------------->    STOPPED
 *             (the flock on stone.pid dies with the process: the pid
 *              file is stale and harmless; the next start takes over)
 *
 * mg_stone_start forks; the child calls setsid() and forks again, so the
 * daemon is nobody's child and has no terminal. The daemon (daemon_main):
 *   1. closes every inherited descriptor, stdin from /dev/null, stdout and
 *      stderr appended to stone.log (so a caller's pipe sees EOF at once);
 *   2. takes the exclusive flock on stone.pid, or, if another daemon holds
 *      it, reports "running <pid>" and exits: starting twice is a no-op;
 *   3. writes its pid, opens the repository (opt->repository, or the folder
 *      itself), binds stone.sock (0600), asks for the stone token;
 *   4. writes "ok <pid>" on the readiness pipe: `maglev start` stops waiting;
 *   5. serve(): answers one request per connection; every interval seconds
 *      tick() -- if it holds the stone token (invariant 6) -- trims the
 *      commit log and drives the repository GC (repogc.c):
 *      every gc_interval seconds it opens a round if commits happened since
 *      the last one, and at every tick tries to sweep the round it opened
 *      (the sweep waits until every live session voted);
 *   6. on "stop" or SIGTERM/SIGINT: unlinks the socket, empties the pid
 *      file, closes the repository, logs and exits 0.
 *
 * Invariants:
 *  1. Only the holder of the stone.pid lock binds or unlinks stone.sock.
 *  2. The daemon holds no view between requests: it never holds back a trim
 *     nor LMDB's reuse of free pages.
 *  3. The commit log is trimmed only up to the smaller of two bounds taken a
 *     grace period apart (tick n-1 and tick n; stone.h explains why).
 *  4. No gem needs the daemon: all coordination goes through LMDB.
 *  5. The commit log is never trimmed past the mark sequence of an open GC
 *     round: its sweep reads every commit since (mg_stone_trim).
 *  6. Only the holder of the repository's stone token (backend.h
 *     mg_repo_stone_token) trims the commit log and drives GC rounds, and it
 *     asks for the token again before each tick's work: on PostgreSQL,
 *     where stones of several hosts (data folders naming one database) may
 *     run at once, the others stand by -- they serve status and requests,
 *     and take the token at the first tick after its holder ended (stopped,
 *     killed, lost its connection). On LMDB the token is always held: the
 *     stone.pid lock beside the repository already admits one stone.
 */
#include "stone.h"
#include "repogc.h"
#include "scan.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define LOG_ROTATE_BYTES ((off_t)8 << 20)   /* stone.log moves to stone.log.1 at start beyond this */
#define REQUEST_MAX 256
#define GRACE_MS 1000                       /* between the two bounds of a `gc` request */
#define PROC_NAME "maglev-stone"
#define MAX_SAMPLES 4096

typedef struct {
    int pid;
    uint64_t view_id;
    time_t first_seen;
} SeenView;

typedef struct {
    uint64_t view_id, seq;
} Sample;

typedef struct {
    Sample *s;
    size_t count, capacity;
} Samples;

struct MgStone {
    const char *name, *dir;
    char where[1024];           /* the repository as messages show it (no password) */
    MgRepo *repo;
    /* the stone token (invariant 6): only its holder trims and collects */
    bool shared;                /* the repository may have stones on other hosts (PostgreSQL) */
    bool token, token_seen;     /* held at the last look; looked once */
    MgStoneToken holder;        /* who holds it, when not us */
    int sock, pid_fd;
    int interval;
    time_t started;
    bool stopping;
    /* commit-log trimming (tick) */
    MgTrimBound prev;
    bool have_prev;
    uint64_t trimmed_upto, last_removed, total_removed;
    time_t last_trim;
    char last_error[256];
    /* repository GC (tick) */
    uint64_t gc_round, gc_seq;  /* the round this daemon opened and waits to sweep; mark seq of the last */
    int gc_interval;
    time_t gc_last;             /* when the last periodic round was opened (or the daemon started) */
    uint64_t gc_freed, gc_bytes, gc_rounds;
    Samples samples;            /* exact (view id, seq) pairs, oldest first */
    /* when each live view was first seen, for the session ages */
    SeenView *seen;
    size_t seen_count;
};

static volatile sig_atomic_t stop_signal;

/* ---- small helpers ---- */

static void
errf(char *err, size_t size, const char *fmt, ...)
{
    if (!err || !size) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, size, fmt, ap);
    va_end(ap);
}

/* buf = dir/file; false (buf empty) if it does not fit */
static bool
join(char *buf, size_t size, const char *dir, const char *file)
{
    size_t d = strlen(dir), f = strlen(file);
    if (d + 1 + f >= size) {
        if (size) buf[0] = '\0';
        return false;
    }
    memmove(buf, dir, d);
    buf[d] = '/';
    memcpy(buf + d + 1, file, f + 1);
    return true;
}

static int64_t
mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void
sleep_ms(int ms)
{
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR && !stop_signal) {}
}

static const char *
entries(uint64_t n)
{
    return n == 1 ? "entry" : "entries";
}

/* The pid written in an open pid file, 0 if it holds none. */
static int
read_pid(int fd)
{
    char buf[32];
    ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    if (n <= 0) return 0;
    buf[n] = '\0';
    long p = strtol(buf, NULL, 10);
    return p > 0 && p < INT_MAX ? (int)p : 0;
}

/* The command name of a process (/proc/<pid>/comm), "?" if unknown. */
static void
proc_name(int pid, char *buf, size_t size)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/comm", pid);
    snprintf(buf, size, "?");
    FILE *f = fopen(path, "re");
    if (!f) return;
    if (fgets(buf, (int)size, f)) buf[strcspn(buf, "\n")] = '\0';
    fclose(f);
}

/* A daemon's log line: "2024-12-01 09:13:05 [pid] message" on stderr (stone.log). */
static void PRINTF(1, 2)
slog(const char *fmt, ...)
{
    char stamp[32];
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", &tm);
    fprintf(stderr, "%s [%d] ", stamp, (int)getpid());
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    fflush(stderr);
}

/* ---- where stones live ---- */

/* The installation: MAGLEV_HOME, else the folder above bin/ of this program. */
static int
home_path(char *buf, size_t size, const char *below)
{
    const char *home = getenv("MAGLEV_HOME");
    if (home && *home) return snprintf(buf, size, "%s/%s", home, below);
    char exe[PATH_MAX];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (len < 0) len = 0;
    exe[len] = '\0';
    for (int i = 0; i < 2; i++) {          /* <home>/bin/maglev -> <home> */
        char *slash = strrchr(exe, '/');
        if (slash) *slash = '\0';
    }
    return snprintf(buf, size, "%s/%s", len ? exe : ".", below);
}

bool
mg_stone_data_dir(char *buf, size_t size)
{
    const char *data = getenv("MAGLEV_DATA");
    int n = data && *data ? snprintf(buf, size, "%s", data) : home_path(buf, size, "data");
    if (n < 0 || (size_t)n >= size) return false;
    while (n > 1 && buf[n - 1] == '/') buf[--n] = '\0';
    return true;
}

bool
mg_stone_base_image(char *buf, size_t size)
{
    const char *env = getenv("MAGLEV_BASE_IMAGE");      /* another image; empty: none */
    int n = env ? snprintf(buf, size, "%s", env) : home_path(buf, size, "share/maglev/extent0.mdb");
    if (env && !*env) return false;
    if (n < 0 || (size_t)n >= size) return false;
    return access(buf, R_OK) == 0;
}

bool
mg_stone_name_ok(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n > MG_STONE_NAME_MAX || name[0] == '.' || name[0] == '-') return false;
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
              || c == '.' || c == '_' || c == '-'))
            return false;
    }
    return true;
}

bool
mg_stone_dir(const char *name, char *buf, size_t size)
{
    char data[PATH_MAX];
    return mg_stone_data_dir(data, sizeof data) && join(buf, size, data, name);
}

MgStoneState
mg_stone_state(const char *dir, int *pid)
{
    if (pid) *pid = 0;
    char path[PATH_MAX], url[PATH_MAX];
    struct stat st;
    if ((!join(path, sizeof path, dir, "data.mdb") || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        && !mg_repo_pointer(dir, url, sizeof url))
        return STONE_ABSENT;
    return mg_stone_daemon(dir, pid);
}

MgStoneState
mg_stone_daemon(const char *dir, int *pid)
{
    if (pid) *pid = 0;
    char path[PATH_MAX];
    struct stat st;
    if (!join(path, sizeof path, dir, "stone.pid")) return STONE_STOPPED;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) return STONE_STOPPED;
    MgStoneState s = STONE_STOPPED;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && flock(fd, LOCK_SH | LOCK_NB) != 0
        && errno == EWOULDBLOCK)
        s = STONE_RUNNING;
    if (pid) *pid = read_pid(fd);
    close(fd);                        /* drops our shared lock, if we got it */
    return s;
}

/* ---- the client side of the socket ---- */

/* Fills a with the socket's address. A path too long for sun_path goes
 * through /proc/self/fd/<dirfd>; *dirfd is then open and the caller closes it. */
static bool
sock_addr(const char *dir, struct sockaddr_un *a, int *dirfd, char *err, size_t errsize)
{
    memset(a, 0, sizeof *a);
    a->sun_family = AF_UNIX;
    *dirfd = -1;
    if (join(a->sun_path, sizeof a->sun_path, dir, "stone.sock")) return true;
    *dirfd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (*dirfd < 0) {
        errf(err, errsize, "%s: %s", dir, strerror(errno));
        return false;
    }
    snprintf(a->sun_path, sizeof a->sun_path, "/proc/self/fd/%d/stone.sock", *dirfd);
    return true;
}

int
mg_stone_request(const char *dir, const char *cmd, char **reply, char *err, size_t errsize)
{
    *reply = NULL;
    struct sockaddr_un a;
    int dirfd;
    if (!sock_addr(dir, &a, &dirfd, err, errsize)) return -1;
    int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (s < 0) {
        errf(err, errsize, "socket: %s", strerror(errno));
        if (dirfd >= 0) close(dirfd);
        return -1;
    }
    struct timeval tv = { strncmp(cmd, "gc", 2) == 0 ? 3600 : 30, 0 };   /* a gc waits for votes */
    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    int rc = connect(s, (struct sockaddr *)&a, sizeof a);
    if (dirfd >= 0) close(dirfd);
    if (rc != 0) {
        errf(err, errsize, "cannot connect to %s/stone.sock: %s", dir, strerror(errno));
        close(s);
        return -1;
    }
    char line[REQUEST_MAX];
    int n = snprintf(line, sizeof line, "%s\n", cmd);
    if (n < 0 || (size_t)n >= sizeof line || send(s, line, (size_t)n, MSG_NOSIGNAL) != n) {
        errf(err, errsize, "cannot send to the stone: %s", strerror(errno));
        close(s);
        return -1;
    }
    shutdown(s, SHUT_WR);
    size_t len = 0, cap = 1024;
    char *buf = malloc(cap);
    if (!buf) { close(s); errf(err, errsize, "out of memory"); return -1; }
    for (;;) {
        if (len + 512 > cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (!bigger) { free(buf); close(s); errf(err, errsize, "out of memory"); return -1; }
            buf = bigger;
        }
        ssize_t got = recv(s, buf + len, cap - len - 1, 0);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            errf(err, errsize, "no answer from the stone: %s", strerror(errno));
            free(buf);
            close(s);
            return -1;
        }
        if (got == 0) break;
        len += (size_t)got;
    }
    close(s);
    buf[len] = '\0';
    if (len == 0) {
        errf(err, errsize, "the stone closed the connection without answering");
        free(buf);
        return -1;
    }
    *reply = buf;
    return 0;
}

/* ---- starting and stopping ---- */

static int daemon_main(const char *name, const char *dir, const MgStoneOptions *opt, int ready);

int
mg_stone_start(const char *name, const char *dir, const MgStoneOptions *opt,
               int *pid, char *err, size_t errsize)
{
    *pid = 0;
    int running;
    if (mg_stone_daemon(dir, &running) == STONE_RUNNING) {
        /* Another start may have just locked the pid file and not yet opened
         * the socket: give it the same time a fresh daemon gets to answer. */
        char *reply, why[256];
        for (int tries = 0; mg_stone_request(dir, "ping", &reply, why, sizeof why) != 0; tries++) {
            if (tries >= 50) {
                errf(err, errsize, "its pid file is locked (pid %d), but nothing answers on its socket: %s", running, why);
                return -1;
            }
            sleep_ms(100);
        }
        free(reply);
        /* read again: the pid was read when the lock was seen, perhaps before
         * the holder wrote it; it writes it before it answers on the socket */
        mg_stone_state(dir, &running);
        *pid = running;
        return 1;
    }
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) { errf(err, errsize, "pipe: %s", strerror(errno)); return -1; }
    fflush(NULL);
    pid_t child = fork();
    if (child < 0) {
        errf(err, errsize, "fork: %s", strerror(errno));
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    if (child == 0) {
        close(fds[0]);
        if (setsid() < 0) _exit(1);
        pid_t daemon = fork();
        if (daemon < 0) _exit(1);
        if (daemon > 0) _exit(0);
        _exit(daemon_main(name, dir, opt, fds[1]));
    }
    close(fds[1]);
    int status;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}

    /* the daemon's first word: "ok <pid>", "running <pid>" or "error: ..." */
    char line[512];
    size_t len = 0;
    int timeout = opt && opt->start_timeout > 0 ? opt->start_timeout : 15;
    int64_t deadline = mono_ms() + (int64_t)timeout * 1000;
    bool eof = false;
    while (len < sizeof line - 1 && !memchr(line, '\n', len)) {
        int64_t left = deadline - mono_ms();
        if (left <= 0) break;
        struct pollfd pf = { fds[0], POLLIN, 0 };
        int n = poll(&pf, 1, (int)left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        ssize_t got = read(fds[0], line + len, sizeof line - 1 - len);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) { eof = true; break; }
        len += (size_t)got;
    }
    close(fds[0]);
    line[len] = '\0';
    line[strcspn(line, "\n")] = '\0';
    if (strncmp(line, "ok ", 3) == 0 || strncmp(line, "running ", 8) == 0) {
        bool already = line[0] == 'r';
        *pid = atoi(strchr(line, ' ') + 1);
        char *reply;
        char why[256];
        for (int tries = 0; ; tries++) {
            if (mg_stone_request(dir, "ping", &reply, why, sizeof why) == 0) break;
            if (tries >= 50) {
                errf(err, errsize, "the stone (pid %d) does not answer on its socket: %s", *pid, why);
                return -1;
            }
            sleep_ms(100);
        }
        free(reply);
        return already ? 1 : 0;
    }
    if (strncmp(line, "error: ", 7) == 0) {
        errf(err, errsize, "%s", line + 7);
        return -1;
    }
    if (eof || len)
        errf(err, errsize, "the stone exited while starting (see %s/stone.log)", dir);
    else
        errf(err, errsize, "the stone did not get ready within %d s (see %s/stone.log)", timeout, dir);
    return -1;
}

int
mg_stone_stop(const char *dir, int timeout, char *err, size_t errsize)
{
    int pid;
    if (mg_stone_daemon(dir, &pid) != STONE_RUNNING) {
        errf(err, errsize, "the stone is not running");
        return -1;
    }
    char *reply = NULL;
    char why[256];
    if (mg_stone_request(dir, "stop", &reply, why, sizeof why) != 0 || strncmp(reply, "stopping", 8) != 0) {
        /* The socket is gone or the daemon is stuck: signal it, but only if the
         * pid really is a stone (the pid file is written just after the lock). */
        char comm[32];
        proc_name(pid, comm, sizeof comm);
        if (pid <= 0 || strcmp(comm, PROC_NAME) != 0 || kill(pid, SIGTERM) != 0) {
            free(reply);
            errf(err, errsize, "the stone does not answer on its socket (%s) and cannot be signalled", why);
            return -1;
        }
    }
    free(reply);
    int64_t deadline = mono_ms() + (int64_t)(timeout > 0 ? timeout : 30) * 1000;
    while (mg_stone_daemon(dir, NULL) == STONE_RUNNING) {
        if (mono_ms() > deadline) {
            errf(err, errsize, "the stone (pid %d) did not stop within %d s", pid, timeout);
            return -1;
        }
        sleep_ms(20);
    }
    return 0;
}

/* ---- sessions and commit-log trimming ---- */

typedef struct {
    MgSession *s;
    size_t count, capacity;
    bool nomem;
} Sessions;

static void
collect_session(const MgSession *s, void *arg)
{
    Sessions *l = arg;
    if (l->count == l->capacity) {
        size_t cap = l->capacity ? l->capacity * 2 : 16;
        MgSession *bigger = realloc(l->s, cap * sizeof *bigger);
        if (!bigger) { l->nomem = true; return; }
        l->s = bigger;
        l->capacity = cap;
    }
    l->s[l->count++] = *s;
}

/* The backend's view_seq is a lower bound that loosens with every write that
 * is not a commit (OOP reservations, trims). Exact (view_id, seq) pairs taken
 * at earlier listings tighten it: a view at least as new as a sample has at
 * least its seq. */
static void
add_sample(Samples *m, uint64_t view_id, uint64_t seq)
{
    if (m->count && m->s[m->count - 1].seq == seq) return;       /* no commit since: nothing new */
    if (m->count == m->capacity) {
        if (m->capacity >= MAX_SAMPLES) {                          /* lose the oldest: only looser */
            memmove(m->s, m->s + 1, (m->count - 1) * sizeof *m->s);
            m->count--;
        } else {
            size_t cap = m->capacity ? m->capacity * 2 : 16;
            Sample *bigger = realloc(m->s, cap * sizeof *bigger);
            if (!bigger) return;
            m->s = bigger;
            m->capacity = cap;
        }
    }
    m->s[m->count++] = (Sample){ view_id, seq };
}

static void
refine(Samples *m, Sessions *l)
{
    uint64_t oldest = UINT64_MAX;
    for (size_t i = 0; i < l->count; i++) {
        MgSession *ss = &l->s[i];
        if (!ss->in_view) continue;
        if (ss->view_id < oldest) oldest = ss->view_id;
        for (size_t j = m->count; j-- > 0; ) {
            if (m->s[j].view_id <= ss->view_id) {
                if (m->s[j].seq > ss->view_seq) ss->view_seq = m->s[j].seq;
                break;
            }
        }
    }
    /* keep the newest sample at or before the oldest live view, and all after */
    size_t keep = m->count ? m->count - 1 : 0;
    for (size_t j = m->count; j-- > 0; ) {
        keep = j;
        if (m->s[j].view_id <= oldest) break;
    }
    if (keep) {
        memmove(m->s, m->s + keep, (m->count - keep) * sizeof *m->s);
        m->count -= keep;
    }
}

/* One listing of the other processes' sessions, tightened by the samples. */
static MgStoreErr
list_sessions(MgRepo *r, Samples *m, Sessions *l, uint64_t *seq)
{
    memset(l, 0, sizeof *l);
    uint64_t id;
    MgStoreErr e = mg_repo_sessions(r, seq, &id, collect_session, l);
    if (!e && l->nomem) e = MG_STORE_NOMEM;
    if (e) { free(l->s); memset(l, 0, sizeof *l); return e; }
    if (m) {
        refine(m, l);
        add_sample(m, id, *seq);
    }
    return MG_STORE_OK;
}

static void
bound_of(const Sessions *l, uint64_t seq, MgTrimBound *out)
{
    out->seq = seq;
    out->bound = seq;
    out->sessions = 0;
    for (size_t i = 0; i < l->count; i++) {
        if (!l->s[i].in_view) continue;
        out->sessions++;
        if (l->s[i].view_seq < out->bound) out->bound = l->s[i].view_seq;
    }
}

/* The daemon remembers when it first saw each view, for the ages in status. */
static void
remember_views(MgStone *d, const Sessions *l)
{
    SeenView *seen = calloc(l->count ? l->count : 1, sizeof *seen);
    if (!seen) return;
    size_t n = 0;
    time_t now = time(NULL);
    for (size_t i = 0; i < l->count; i++) {
        if (!l->s[i].in_view) continue;
        SeenView v = { l->s[i].pid, l->s[i].view_id, now };
        for (size_t j = 0; j < d->seen_count; j++)
            if (d->seen[j].pid == v.pid && d->seen[j].view_id == v.view_id) v.first_seen = d->seen[j].first_seen;
        seen[n++] = v;
    }
    free(d->seen);
    d->seen = seen;
    d->seen_count = n;
}

/* A listing and its bound; in the daemon (d) also its samples and view ages. */
static MgStoreErr
survey(MgRepo *r, Samples *m, MgStone *d, MgTrimBound *out)
{
    Sessions l;
    uint64_t seq;
    MgStoreErr e = list_sessions(r, m, &l, &seq);
    if (e) return e;
    bound_of(&l, seq, out);
    if (d) remember_views(d, &l);
    free(l.s);
    return MG_STORE_OK;
}

MgStoreErr
mg_stone_trim_bound(MgRepo *r, MgTrimBound *out)
{
    return survey(r, NULL, NULL, out);
}

MgStoreErr
mg_stone_trim(MgRepo *r, uint64_t upto, uint64_t *removed)
{
    *removed = 0;
    MgRepoStat before, after;
    MgStoreErr e = mg_repo_stat(r, &before);
    if (e) return e;
    if (before.log_entries == 0) return MG_STORE_OK;
    MgGcState g;                              /* invariant 5 */
    if (mg_repo_gc_state(r, &g) == MG_STORE_OK && g.round && g.seq < upto) upto = g.seq;
    if ((e = mg_repo_log_trim(r, upto)) || (e = mg_repo_stat(r, &after))) return e;
    /* every commit in between appended exactly one entry */
    uint64_t expected = before.log_entries + (after.seq - before.seq);
    *removed = expected > after.log_entries ? expected - after.log_entries : 0;
    return MG_STORE_OK;
}

/* One immediate trim with a grace period between the two bounds (stone.h). */
static MgStoreErr
gc_now(MgRepo *r, Samples *m, MgStone *d, int grace_ms, MgTrimBound *b, uint64_t *upto, uint64_t *removed,
       MgRepoStat *after)
{
    MgTrimBound first;
    MgStoreErr e = survey(r, m, d, &first);
    if (e) return e;
    if (grace_ms > 0) sleep_ms(grace_ms);
    if ((e = survey(r, m, d, b))) return e;
    *upto = first.bound < b->bound ? first.bound : b->bound;
    if ((e = mg_stone_trim(r, *upto, removed))) return e;
    return mg_repo_stat(r, after);
}

static void
gc_report(FILE *out, const MgTrimBound *b, uint64_t upto, uint64_t removed, const MgRepoStat *after)
{
    fprintf(out, "commit log: removed %llu %s (up to seq %llu), %llu kept\n", (unsigned long long)removed,
            entries(removed), (unsigned long long)upto, (unsigned long long)after->log_entries);
    if (b->sessions)
        fprintf(out, "oldest live view: seq %llu (%zu open %s)\n", (unsigned long long)b->bound, b->sessions,
                b->sessions == 1 ? "view" : "views");
    else
        fprintf(out, "oldest live view: none (no other process has a view open)\n");
}

MgStoreErr
mg_stone_gc(MgRepo *r, int grace_ms, FILE *out)
{
    MgTrimBound b;
    MgRepoStat after;
    uint64_t upto, removed;
    Samples m = { NULL, 0, 0 };
    MgStoreErr e = gc_now(r, &m, NULL, grace_ms, &b, &upto, &removed, &after);
    free(m.s);
    if (e) return e;
    gc_report(out, &b, upto, removed, &after);
    return MG_STORE_OK;
}

/* ---- the status report ---- */

static void
print_session(FILE *out, const MgSession *s, uint64_t seq, const MgStone *d)
{
    char comm[32];
    proc_name(s->pid, comm, sizeof comm);
    fprintf(out, "session: pid %d %s", s->pid, comm);
    if (!s->in_view) {
        fprintf(out, ", no view open\n");
        return;
    }
    if (s->view_seq >= seq)
        fprintf(out, ", view at seq %llu (current)", (unsigned long long)s->view_seq);
    else
        fprintf(out, ", view at seq >= %llu (at most %llu commits behind)",
                (unsigned long long)s->view_seq, (unsigned long long)(seq - s->view_seq));
    if (d) {
        for (size_t j = 0; j < d->seen_count; j++) {
            if (d->seen[j].pid == s->pid && d->seen[j].view_id == s->view_id) {
                fprintf(out, ", age %llds", (long long)(time(NULL) - d->seen[j].first_seen));
                break;
            }
        }
    }
    fputc('\n', out);
}

/* A registered gem session (Maglev::System.session_id; backend.h contract 5). */
static void
print_gem_session(const MgSessionEntry *s, void *arg)
{
    char here[64] = "";
    gethostname(here, sizeof here - 1);
    here[sizeof here - 1] = '\0';
    if (s->host[0] && strcmp(s->host, here) != 0)        /* a session of another host */
        fprintf(arg, "gem session: %u pid %d %s (host %s)\n", s->id, s->pid, s->name, s->host);
    else
        fprintf(arg, "gem session: %u pid %d %s\n", s->id, s->pid, s->name);
}

/* Locks held by live gem sessions (Maglev::System read_lock/write_lock), one
 * line per object: `lock: OOP KIND session S` or `... sessions S1 S2`. */
typedef struct { FILE *out; uint64_t oop; int kind; uint32_t *ids; size_t n, cap; size_t objects; } LockLines;

static void
lock_line_end(LockLines *ll)
{
    if (!ll->n) return;
    fprintf(ll->out, "lock: %llu %s session%s", (unsigned long long)ll->oop,
            ll->kind == MG_LOCK_WRITE ? "write" : "read", ll->n > 1 ? "s" : "");
    for (size_t i = 0; i < ll->n; i++) fprintf(ll->out, " %u", ll->ids[i]);
    fputc('\n', ll->out);
    ll->objects++;
    ll->n = 0;
}

static void
lock_line_add(const MgLockEntry *l, void *arg)
{
    LockLines *ll = arg;
    if (ll->n && l->oop != ll->oop) lock_line_end(ll);
    if (ll->n == ll->cap) {
        size_t cap = ll->cap ? ll->cap * 2 : 8;
        uint32_t *bigger = realloc(ll->ids, cap * sizeof *bigger);
        if (!bigger) return;
        ll->ids = bigger;
        ll->cap = cap;
    }
    ll->oop = l->oop;
    ll->kind = l->kind;
    ll->ids[ll->n++] = l->session;
}

void
mg_stone_report(FILE *out, MgRepo *r, const char *name, const char *dir, MgStone *d)
{
    fprintf(out, "%s\n", d ? "running" : "not running");
    fprintf(out, "stone: %s\n", name);
    if (d) {
        fprintf(out, "pid: %d\n", (int)getpid());
        fprintf(out, "uptime: %llds\n", (long long)(time(NULL) - d->started));
    }
    char shown[1024];
    mg_repo_display(d ? d->where : dir, shown, sizeof shown);
    fprintf(out, "repository: %s\n", shown);
    if (d && d->shared && d->token)
        fprintf(out, "role: active (holds the stone token: this stone trims the commit log and runs GC rounds)\n");
    else if (d && d->shared)
        fprintf(out, "role: standby (the stone token is held by another stone: pid %d%s%s; "
                     "this one takes over when it ends)\n", d->holder.holder_pid,
                d->holder.holder_host[0] ? " on host " : "", d->holder.holder_host);
    char path[PATH_MAX];
    struct stat st;
    if (join(path, sizeof path, dir, "data.mdb") && stat(path, &st) == 0)
        fprintf(out, "size: %lld bytes\n", (long long)st.st_size);
    MgRepoStat rs;
    if (mg_repo_stat(r, &rs) != MG_STORE_OK) {
        fprintf(out, "error: %s\n", mg_repo_error(r));
        return;
    }
    fprintf(out, "used: %llu bytes\n", (unsigned long long)rs.used_bytes);
    fprintf(out, "free: %llu bytes (%llu pages reusable)\n", (unsigned long long)rs.free_pages * rs.page_size,
            (unsigned long long)rs.free_pages);
    fprintf(out, "format: %u\n", rs.format);
    fprintf(out, "objects: %llu\n", (unsigned long long)rs.records);
    fprintf(out, "last commit: %llu\n", (unsigned long long)rs.seq);
    fprintf(out, "next oop: %llu\n", (unsigned long long)rs.next_oop);
    fprintf(out, "commit log: %llu %s\n", (unsigned long long)rs.log_entries, entries(rs.log_entries));

    Sessions l;
    uint64_t seq;
    if (list_sessions(r, d ? &d->samples : NULL, &l, &seq) == MG_STORE_OK) {
        size_t procs = 0;
        for (size_t i = 0; i < l.count; i++) {
            bool first = true;
            for (size_t j = 0; j < i; j++) if (l.s[j].pid == l.s[i].pid) first = false;
            procs += first;
        }
        fprintf(out, "sessions: %zu\n", procs);
        for (size_t i = 0; i < l.count; i++) print_session(out, &l.s[i], seq, d);
        free(l.s);
    } else {
        fprintf(out, "sessions: unknown (%s)\n", mg_repo_error(r));
    }
    mg_repo_session_list(r, print_gem_session, out);   /* nothing for a repository without the table */
    LockLines ll = { out, 0, 0, NULL, 0, 0, 0 };
    if (mg_repo_lock_list(r, lock_line_add, &ll) == MG_STORE_OK) lock_line_end(&ll);
    free(ll.ids);

    char objects[512];
    mg_gc_state_line(r, objects, sizeof objects);
    if (!d) {
        fprintf(out, "gc: stone not running, commit log not trimmed (maglev gc trims it once); %s\n", objects);
    } else if (d->shared && !d->token) {
        fprintf(out, "gc: standby, the stone holding the token trims the commit log; %s\n", objects);
    } else if (d->last_trim) {
        char stamp[32];
        struct tm tm;
        localtime_r(&d->last_trim, &tm);
        strftime(stamp, sizeof stamp, "%H:%M:%S", &tm);
        fprintf(out, "gc: commit log trimmed every %ds, %llu %s removed since start, "
                     "last trim %s up to seq %llu; %s\n", d->interval, (unsigned long long)d->total_removed,
                entries(d->total_removed), stamp, (unsigned long long)d->trimmed_upto, objects);
    } else {
        fprintf(out, "gc: commit log trimmed every %ds, no trim yet; %s\n", d->interval, objects);
    }
    if (d && d->last_error[0]) fprintf(out, "last error: %s\n", d->last_error);
}

/* ---- the daemon ---- */

static void
on_signal(int sig)
{
    stop_signal = sig;
}

static void
note_error(MgStone *d, const char *what)
{
    char msg[sizeof d->last_error];
    snprintf(msg, sizeof msg, "%s: %s", what, mg_repo_error(d->repo));
    if (strcmp(msg, d->last_error) != 0) slog("error: %s", msg);   /* once, not every tick */
    memcpy(d->last_error, msg, sizeof msg);
}

/* The periodic repository GC: sweep the open round once every live session
 * voted; open one every gc_interval seconds when commits happened. */
static void
gc_tick(MgStone *d)
{
    MgGcState g;
    if (mg_repo_gc_state(d->repo, &g) != MG_STORE_OK) { note_error(d, "gc state"); return; }
    d->gc_round = g.round;                    /* ours, or one left open by a `maglev gc` that died: sweep it */
    if (d->gc_round) {
        MgGcSweep sw;
        if (mg_repo_gc_sweep(d->repo, d->gc_round, mg_record_scan, &sw) != MG_STORE_OK) {
            note_error(d, "gc sweep");
            d->gc_round = 0;
            return;
        }
        if (!sw.swept) return;
        d->gc_freed += sw.freed;
        d->gc_bytes += sw.bytes;
        slog("gc round %llu: freed %llu records (%llu bytes), %llu kept", (unsigned long long)d->gc_round,
             (unsigned long long)sw.freed, (unsigned long long)sw.bytes, (unsigned long long)sw.kept);
        d->gc_round = 0;
        return;
    }
    if (time(NULL) - d->gc_last < d->gc_interval) return;
    d->gc_last = time(NULL);
    MgRepoStat st;
    if (mg_repo_stat(d->repo, &st) != MG_STORE_OK || (d->gc_rounds && st.seq == d->gc_seq)) return;
    MgGcMark m;
    uint64_t round;
    MgStoreErr e = mg_gc_start(d->repo, &round, &m);
    if (e) {
        note_error(d, "gc round");
    } else {
        d->gc_round = round;
        d->gc_seq = m.seq;
        d->gc_rounds++;
        slog("gc round %llu opened: %llu of %llu records possibly dead (mark %.3fs at seq %llu)",
             (unsigned long long)round, (unsigned long long)m.ndead, (unsigned long long)m.records, m.secs,
             (unsigned long long)m.seq);
    }
    mg_gc_mark_free(&m);
}

/* Whether this stone holds the stone token (invariant 6), taking it when
 * free; a change is logged. Called between requests, with no view open. */
static bool
check_token(MgStone *d)
{
    MgStoneToken t;
    if (mg_repo_stone_token(d->repo, &t) != MG_STORE_OK) {
        note_error(d, "stone token");
        d->token = false;
        return false;
    }
    bool changed = !d->token_seen || t.held != d->token || (!t.held && t.holder_pid != d->holder.holder_pid);
    if (changed && d->shared && t.held)
        slog("holds the stone token: this stone trims the commit log and runs GC rounds");
    else if (changed && d->shared)
        slog("standby: the stone token is held by another stone (pid %d%s%s); this one takes over when it ends",
             t.holder_pid, t.holder_host[0] ? " on host " : "", t.holder_host);
    if (!t.held) {
        d->have_prev = false;         /* bounds are taken afresh once it holds the token */
        d->gc_round = 0;
    }
    d->token_seen = true;
    d->token = t.held;
    d->holder = t;
    return t.held;
}

/* Trims the commit log up to min(previous bound, this bound) (invariant 3). */
static void
tick(MgStone *d)
{
    if (!check_token(d)) return;
    MgTrimBound b;
    if (survey(d->repo, &d->samples, d, &b) != MG_STORE_OK) { note_error(d, "list sessions"); return; }
    if (d->have_prev) {
        uint64_t upto = d->prev.bound < b.bound ? d->prev.bound : b.bound;
        if (upto > d->trimmed_upto) {
            uint64_t removed;
            int64_t t0 = mono_ms();
            if (mg_stone_trim(d->repo, upto, &removed) != MG_STORE_OK) {
                note_error(d, "trim commit log");
                return;
            }
            d->trimmed_upto = upto;
            d->last_trim = time(NULL);
            d->last_removed = removed;
            d->total_removed += removed;
            d->last_error[0] = '\0';
            if (removed)
                slog("trimmed the commit log: %llu %s up to seq %llu (%zu open views) in %lld ms",
                     (unsigned long long)removed, entries(removed), (unsigned long long)upto, b.sessions,
                     (long long)(mono_ms() - t0));
        }
    }
    d->prev = b;
    d->have_prev = true;
    gc_tick(d);
}

static void
handle(MgStone *d, const char *req, FILE *out)
{
    if (strcmp(req, "ping") == 0) {
        fprintf(out, "pong\n");
    } else if (strcmp(req, "status") == 0) {
        MgTrimBound b;
        check_token(d);
        survey(d->repo, &d->samples, d, &b);     /* ages for the views new since the tick */
        mg_stone_report(out, d->repo, d->name, d->dir, d);
    } else if ((strcmp(req, "gc") == 0 || strncmp(req, "gc ", 3) == 0) && !check_token(d)) {
        fprintf(out, "error: this stone stands by: the stone token is held by the stone of pid %d%s%s, "
                     "which trims and collects (run maglev gc where it runs)\n", d->holder.holder_pid,
                d->holder.holder_host[0] ? " on host " : "", d->holder.holder_host);
    } else if (strcmp(req, "gc") == 0 || strncmp(req, "gc ", 3) == 0) {
        int timeout = req[2] ? atoi(req + 3) : 30;
        if (timeout < 1) timeout = 30;
        slog("gc requested");
        MgTrimBound b;
        MgRepoStat after;
        uint64_t upto, removed;
        if (gc_now(d->repo, &d->samples, d, GRACE_MS, &b, &upto, &removed, &after) != MG_STORE_OK) {
            note_error(d, "gc");
            fprintf(out, "error: %s\n", d->last_error);
            return;
        }
        if (upto > d->trimmed_upto) d->trimmed_upto = upto;
        d->last_trim = time(NULL);
        d->last_removed = removed;
        d->total_removed += removed;
        slog("gc: trimmed %llu commit-log %s up to seq %llu", (unsigned long long)removed, entries(removed),
             (unsigned long long)upto);
        gc_report(out, &b, upto, removed, &after);
        MgGcResult res;
        if (mg_gc_collect(d->repo, timeout * 1000, &res) != MG_STORE_OK) {
            note_error(d, "gc");
            fprintf(out, "error: %s\n", d->last_error);
            return;
        }
        d->gc_round = 0;
        if (res.swept) {
            d->gc_freed += res.freed;
            d->gc_bytes += res.bytes;
            slog("gc round %llu: freed %llu records (%llu bytes), %llu kept", (unsigned long long)res.round,
                 (unsigned long long)res.freed, (unsigned long long)res.bytes, (unsigned long long)res.kept);
        } else {
            slog("gc round %llu: not swept: pid %d did not vote within %ds", (unsigned long long)res.round,
                 res.waiting_pid, timeout);
        }
        mg_gc_print(out, &res);
    } else if (strcmp(req, "stop") == 0) {
        slog("stop requested");
        fprintf(out, "stopping\n");
        d->stopping = true;
    } else {
        fprintf(out, "error: unknown request '%.64s' (ping, status, gc, stop)\n", req);
    }
}

static void
serve_client(MgStone *d)
{
    int c = accept4(d->sock, NULL, NULL, SOCK_CLOEXEC);
    if (c < 0) return;
    struct timeval tv = { 2, 0 };
    setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(c, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    struct ucred cred = { 0, (uid_t)-1, (gid_t)-1 };
    socklen_t clen = sizeof cred;
    char *reply = NULL;
    size_t rlen = 0;
    FILE *out = open_memstream(&reply, &rlen);
    if (!out) { close(c); return; }
    if (getsockopt(c, SOL_SOCKET, SO_PEERCRED, &cred, &clen) != 0 || cred.uid != getuid()) {
        slog("refused a request from uid %d", (int)cred.uid);
        fprintf(out, "error: permission denied\n");
    } else {
        char req[REQUEST_MAX];
        size_t n = 0;
        while (n < sizeof req - 1 && !memchr(req, '\n', n)) {
            ssize_t got = recv(c, req + n, sizeof req - 1 - n, 0);
            if (got < 0 && errno == EINTR) continue;
            if (got <= 0) break;
            n += (size_t)got;
        }
        req[n] = '\0';
        req[strcspn(req, "\r\n")] = '\0';
        handle(d, req, out);
    }
    fclose(out);
    for (size_t off = 0; off < rlen; ) {
        ssize_t sent = send(c, reply + off, rlen - off, MSG_NOSIGNAL);
        if (sent < 0 && errno == EINTR) continue;
        if (sent <= 0) break;
        off += (size_t)sent;
    }
    free(reply);
    close(c);
}

/* Whether the daemon's files are still where clients look for them: after an
 * rm -rf, or a lost socket, nobody could reach this stone to stop it. */
static bool
still_reachable(MgStone *d)
{
    struct stat mine, there;
    if (fstat(d->pid_fd, &mine) != 0 || stat("stone.pid", &there) != 0 || mine.st_ino != there.st_ino
        || mine.st_dev != there.st_dev) {
        slog("the repository folder was removed or replaced: stopping");
        return false;
    }
    if (lstat("stone.sock", &there) != 0 || !S_ISSOCK(there.st_mode)) {
        slog("stone.sock was removed: stopping (no client could reach this stone)");
        return false;
    }
    return true;
}

static void
serve(MgStone *d)
{
    int64_t next_tick = mono_ms() + (int64_t)d->interval * 1000;
    while (!d->stopping && !stop_signal) {
        int64_t wait = next_tick - mono_ms();
        struct pollfd pf = { d->sock, POLLIN, 0 };
        int n = poll(&pf, 1, wait > 0 ? (int)wait : 0);
        if (n < 0 && errno != EINTR) {
            slog("error: poll: %s", strerror(errno));
            break;
        }
        if (n > 0 && (pf.revents & POLLIN)) serve_client(d);
        if (mono_ms() >= next_tick) {
            if (!still_reachable(d)) break;
            tick(d);
            next_tick = mono_ms() + (int64_t)d->interval * 1000;
        }
    }
    if (stop_signal) slog("stopping on signal %d", (int)stop_signal);
}

/* Tells the waiting `maglev start` how the start went (one line). */
static void PRINTF(2, 3)
tell(int ready, const char *fmt, ...)
{
    if (ready < 0) return;
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line - 1, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n > sizeof line - 2) n = (int)sizeof line - 2;
    line[n++] = '\n';
    ssize_t w = write(ready, line, (size_t)n);
    (void)w;
}

static void
close_inherited(int keep)
{
    /* everything but stdio and the readiness pipe: a caller's pipes must see EOF */
    if (keep > 3) close_range(3, (unsigned)keep - 1, 0);
    close_range((unsigned)keep + 1, ~0U, 0);
}

static int
daemon_main(const char *name, const char *dir, const MgStoneOptions *opt, int ready)
{
    umask(077);
    close_inherited(ready);
    int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
        dup2(null, 0);
        dup2(null, 1);
        dup2(null, 2);           /* until the log is open: errors go up the readiness pipe */
        if (null > 2) close(null);
    }
    if (chdir(dir) != 0) {
        tell(ready, "error: cannot enter %s: %s", dir, strerror(errno));
        return 1;
    }
    /* 2. the lock decides who is the stone */
    int pfd = open("stone.pid", O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (pfd < 0) {
        tell(ready, "error: %s/stone.pid: %s", dir, strerror(errno));
        return 1;
    }
    /* mg_stone_state probes with a shared lock held for microseconds: only a
     * lock that stays taken is another daemon's */
    int locked, tries = 0;
    while ((locked = flock(pfd, LOCK_EX | LOCK_NB)) != 0 && errno == EWOULDBLOCK && ++tries < 100) sleep_ms(5);
    if (locked != 0) {
        if (errno == EWOULDBLOCK) {
            /* the holder may have the lock but not yet its pid in the file
             * (a start racing ours): wait until the file names a live process */
            int holder = 0;
            for (int i = 0; i < 400 && !((holder = read_pid(pfd)) > 0 && kill(holder, 0) == 0); i++) sleep_ms(5);
            tell(ready, "running %d", holder);
            return 0;
        }
        tell(ready, "error: lock %s/stone.pid: %s", dir, strerror(errno));
        return 1;
    }
    prctl(PR_SET_NAME, PROC_NAME, 0, 0, 0);
    int previous = read_pid(pfd);       /* a clean stop leaves the file empty */
    char pidline[24];
    int plen = snprintf(pidline, sizeof pidline, "%d\n", (int)getpid());
    /* written over the old pid, then cut: a reader never sees the file empty */
    if (pwrite(pfd, pidline, (size_t)plen, 0) != plen || ftruncate(pfd, plen) != 0) {
        tell(ready, "error: write %s/stone.pid: %s", dir, strerror(errno));
        return 1;
    }
    struct stat st;
    if (stat("stone.log", &st) == 0 && st.st_size > LOG_ROTATE_BYTES) rename("stone.log", "stone.log.1");
    int lfd = open("stone.log", O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (lfd < 0) {
        tell(ready, "error: %s/stone.log: %s", dir, strerror(errno));
        return 1;
    }
    dup2(lfd, 1);
    dup2(lfd, 2);
    close(lfd);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;           /* no SA_RESTART: poll returns EINTR */
    sigemptyset(&sa.sa_mask);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);   /* whatever the caller blocked */
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGHUP, SIG_IGN);
    signal(SIGPIPE, SIG_IGN);

    MgStone d;
    memset(&d, 0, sizeof d);
    d.name = name;
    d.dir = dir;
    d.sock = -1;
    d.pid_fd = pfd;
    d.interval = opt && opt->interval > 0 ? opt->interval : 10;
    d.started = time(NULL);
    d.gc_interval = opt && opt->gc_interval > 0 ? opt->gc_interval : 60;
    d.gc_last = d.started;
    int rc = 1;

    /* 3. the repository and the socket */
    const char *where = opt && opt->repository ? opt->repository : dir;
    mg_repo_display(where, d.where, sizeof d.where);
    MgStoreErr e = mg_repo_open(where, 0, &d.repo);
    if (e) {
        slog("error: cannot open the repository %s: %s", d.where, mg_repo_error(d.repo));
        tell(ready, "error: cannot open the repository %s: %s", d.where, mg_repo_error(d.repo));
        goto done;
    }
    d.shared = strcmp(mg_repo_backend(d.repo), "lmdb") != 0;
    mg_repo_set_class_of(d.repo, mg_record_class);   /* its sweeps keep the class index */
    struct sockaddr_un a;
    memset(&a, 0, sizeof a);
    a.sun_family = AF_UNIX;
    strcpy(a.sun_path, "stone.sock");    /* relative: cwd is the repository, any path length works */
    unlink("stone.sock");                /* a stale one (invariant 1: we hold the lock) */
    d.sock = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (d.sock < 0 || bind(d.sock, (struct sockaddr *)&a, sizeof a) != 0 || chmod("stone.sock", 0600) != 0
        || listen(d.sock, 16) != 0) {
        slog("error: socket %s/stone.sock: %s", dir, strerror(errno));
        tell(ready, "error: socket %s/stone.sock: %s", dir, strerror(errno));
        goto done;
    }
    if (previous) slog("the previous stone (pid %d) ended without stopping", previous);
    slog("stone '%s' started: pid %d, repository %s, commit-log trim every %ds, object GC every %ds", name,
         (int)getpid(), d.where, d.interval, d.gc_interval);
    check_token(&d);
    /* 4. ready */
    tell(ready, "ok %d", (int)getpid());
    close(ready);
    ready = -1;
    serve(&d);
    rc = 0;
done:
    if (d.sock >= 0) {
        close(d.sock);
        unlink("stone.sock");
    }
    mg_repo_close(d.repo);
    free(d.seen);
    free(d.samples.s);
    if (rc == 0) slog("stone '%s' stopped", name);
    /* emptied, not removed: unlinking a locked file races a concurrent start */
    if (ftruncate(pfd, 0) != 0) slog("error: empty stone.pid: %s", strerror(errno));
    close(pfd);
    if (ready >= 0) close(ready);
    return rc;
}
