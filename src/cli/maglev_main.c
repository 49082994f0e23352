/* maglev_main.c -- `maglev`, the administration command (issue 8, docs/cli.md):
 * create, start, stop, restart, status, list, backup, restore, check, gc and
 * destroy stones. The daemon itself is src/store/stone.c; this file parses
 * arguments, resolves the stone (DESIGN.md section 7) and prints. No Ruby VM. */
#include "../store/stone.h"
#include "../store/repogc.h"
#include "../store/scan.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAGLEV_VERSION "0.1"

enum {
    EXIT_OK = 0,
    EXIT_ERROR = 1,          /* one line on stderr says why */
    EXIT_USAGE = 2,
    EXIT_NOT_RUNNING = 3,    /* `status` of a stone that is not running (LSB) */
};

enum { OPT_FORCE = 1, OPT_INTERVAL = 2, OPT_TIMEOUT = 4, OPT_BACKEND = 8 };

typedef struct {
    const char *stone;       /* --stone NAME */
    bool force, help;
    int interval;            /* --interval SECS, 0 = default */
    int timeout;             /* --timeout SECS (gc), 0 = default */
    int gc_interval;         /* --gc-interval SECS (start), 0 = default */
    const char *backend;     /* --backend URL (create) */
    const char *pos[4];
    int npos;
} Args;

/* The stone a command works on. */
typedef struct {
    const char *name;
    char dir[PATH_MAX];      /* the repository: absolute, or a postgresql:// URL */
    char folder[PATH_MAX];   /* the stone's folder in the data folder */
    char data[PATH_MAX];     /* the folder holding the stones, absolute */
} Stone;

typedef struct {
    const char *name;
    int (*run)(Args *a);
    const char *synopsis;
    const char *summary;
    const char *help;
    unsigned options;        /* OPT_* the command accepts besides --stone, --help */
    int max_pos;
} Command;

static const Command *find_command(const char *name);

/* ---- output helpers ---- */

static int PRINTF(1, 2)
error(const char *fmt, ...)
{
    fflush(stdout);
    fputs("maglev: ", stderr);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return EXIT_ERROR;
}

static int PRINTF(1, 2)
usage_error(const char *fmt, ...)
{
    fputs("maglev: ", stderr);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs(" (see maglev --help)\n", stderr);
    return EXIT_USAGE;
}

/* snprintf through a va_list: says whether it fit (messages may be cut; paths must not) */
static bool PRINTF(3, 4)
format(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n >= 0 && (size_t)n < size;
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

static bool
absolute(const char *path, char *buf, size_t size)
{
    if (path[0] == '/') {
        int n = snprintf(buf, size, "%s", path);
        return n >= 0 && (size_t)n < size;
    }
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd)) return false;
    if (strcmp(path, ".") == 0) return snprintf(buf, size, "%s", cwd) < (int)size;
    return join(buf, size, cwd, path[0] == '.' && path[1] == '/' ? path + 2 : path);
}

/* mkdir -p with mode 0700 for the parts it creates. */
static bool
mkdir_p(const char *path)
{
    char buf[PATH_MAX];
    if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf) { errno = ENAMETOOLONG; return false; }
    for (char *p = buf + 1; ; p++) {
        if (*p == '/' || *p == '\0') {
            char c = *p;
            *p = '\0';
            if (mkdir(buf, 0700) != 0 && errno != EEXIST) return false;
            *p = c;
            if (c == '\0') break;
        }
    }
    struct stat st;
    if (stat(path, &st) != 0) return false;
    if (!S_ISDIR(st.st_mode)) { errno = ENOTDIR; return false; }
    return true;
}

static const char *
state_name(MgStoneState s)
{
    return s == STONE_RUNNING ? "running" : s == STONE_STOPPED ? "not running" : "absent";
}

/* ---- resolving the stone ---- */

/* The stone named by positional argument `index` (if given), else --stone,
 * else $MAGLEV_STONE, else "maglev"; with `explicit`, one of the first two
 * must be given. Returns EXIT_OK or prints why not. */
static int
resolve(const Args *a, int index, bool explicit, Stone *s)
{
    const char *name = index >= 0 && index < a->npos ? a->pos[index] : NULL;
    if (name && a->stone && strcmp(name, a->stone) != 0)
        return usage_error("two stones given: '%s' and --stone '%s'", name, a->stone);
    if (!name) name = a->stone;
    if (!name && explicit) return usage_error("name the stone (maglev COMMAND STONE)");
    if (!name) {                          /* an empty MAGLEV_STONE is unset; an empty name given is no name */
        name = getenv("MAGLEV_STONE");
        if (!name || !*name) name = MG_STONE_DEFAULT;
    }
    if (!mg_stone_name_ok(name))
        return error("'%.80s' is not a stone name (1 to %d letters, digits, '.', '_' or '-', not starting with '.' or '-')",
                     name, MG_STONE_NAME_MAX);
    s->name = name;
    char data[PATH_MAX];
    if (!mg_stone_data_dir(data, sizeof data) || !absolute(data, s->data, sizeof s->data)
        || !join(s->dir, sizeof s->dir, s->data, name))
        return error("the data folder's path is too long");
    memcpy(s->folder, s->dir, sizeof s->folder);
    char url[PATH_MAX];
    if (mg_repo_pointer(s->folder, url, sizeof url)) memcpy(s->dir, url, sizeof s->dir);   /* created --backend URL */
    const char *repo = getenv("MAGLEV_REPOSITORY");     /* overrides the stone's folder, as for gems */
    if (repo && *repo && snprintf(s->dir, sizeof s->dir, "%s", repo) >= (int)sizeof s->dir)
        return error("MAGLEV_REPOSITORY is too long");
    return EXIT_OK;
}

/* Where the stone's daemon keeps its pid file, socket and log: beside an
 * LMDB repository; in the stone's folder for one on PostgreSQL. */
static const char *
stone_files(const Stone *s)
{
    return mg_repo_is_url(s->dir) ? s->folder : s->dir;
}

/* The state of the stone: on PostgreSQL the repository is there (the
 * database says otherwise when opened) and its daemon is that of the folder. */
static MgStoneState
stone_state(const Stone *s, int *pid)
{
    if (mg_repo_is_url(s->dir)) return mg_stone_daemon(s->folder, pid);
    return mg_stone_state(s->dir, pid);
}

/* Commands that know only LMDB repositories refuse a PostgreSQL one. */
static int
lmdb_only(const Stone *s, const char *what)
{
    if (!mg_repo_is_url(s->dir)) return EXIT_OK;
    return error("stone '%s' is a PostgreSQL repository (%s): maglev %s works on LMDB repositories only, for now",
                 s->name, s->dir, what);
}

static int
no_such_stone(const Stone *s)
{
    return error("stone '%s' does not exist (no repository in %s)", s->name, s->dir);
}

static int
open_repo(const Stone *s, int flags, MgRepo **r)
{
    char path[PATH_MAX];
    struct stat st;
    *r = NULL;
    if (join(path, sizeof path, s->dir, "data.mdb") && stat(path, &st) == 0 && st.st_size == 0
        && !(flags & MG_REPO_CREATE))
        return error("cannot open stone '%s': %s is empty (zero bytes)", s->name, path);
    MgStoreErr e = mg_repo_open(s->dir, flags, r);
    if (e == MG_STORE_OK) {
        if (!(flags & MG_REPO_RDONLY)) mg_repo_set_class_of(*r, mg_record_class);   /* gc keeps the class index */
        return EXIT_OK;
    }
    error("cannot open stone '%s' (%s): %s", s->name, s->dir, mg_repo_error(*r));
    mg_repo_close(*r);
    *r = NULL;
    return EXIT_ERROR;
}

/* Refuses when another process has the repository open (restore, destroy). */
typedef struct { int pid; size_t count; } InUse;

static void
note_user(const MgSession *ss, void *arg)
{
    InUse *u = arg;
    if (!u->count++) u->pid = ss->pid;
}

static int
refuse_if_in_use(const Stone *s, const char *what)
{
    MgRepo *r;
    if (mg_repo_open(s->dir, MG_REPO_RDONLY, &r) != MG_STORE_OK) {
        mg_repo_close(r);          /* an unreadable repository has no users to protect */
        return EXIT_OK;
    }
    InUse u = { 0, 0 };
    uint64_t seq, id;
    MgStoreErr e = mg_repo_sessions(r, &seq, &id, note_user, &u);
    mg_repo_close(r);
    if (e == MG_STORE_OK && u.count)
        return error("stone '%s' is in use by process %d (lock held): stop every process using it before you %s it",
                     s->name, u.pid, what);
    return EXIT_OK;
}

/* Removes a repository directory: the files maglev puts there, then the
 * directory. Anything else in it stays, and the directory with it. */
static int
remove_repo_dir(const char *dir)
{
    static const char *const files[] = { "data.mdb", "lock.mdb", MG_LMDB_SIDE_FILES, "stone.pid", "stone.sock", "stone.log", "stone.log.1" };
    char path[PATH_MAX];
    for (size_t i = 0; i < ARRAY_LEN(files); i++)
        if (join(path, sizeof path, dir, files[i]) && unlink(path) != 0 && errno != ENOENT)
            return error("cannot remove %s: %s", path, strerror(errno));
    if (rmdir(dir) != 0)
        return error("removed the repository, but not %s: %s", dir, strerror(errno));
    return EXIT_OK;
}

/* ---- create, start, stop, restart ---- */

static bool copy_file(const char *from, const char *to, char *why, size_t n);

/* A new stone from the base image: copied beside the stone, opened to check
 * it, then renamed into place. */
static int
create_from_image(const Stone *s, const char *image)
{
    char tmp[PATH_MAX], copy[PATH_MAX], lock[PATH_MAX], why[512];
    if (!format(tmp, sizeof tmp, "%s/.%s.create-XXXXXX", s->data, s->name)) return error("path too long");
    if (!mkdtemp(tmp)) return error("cannot write in %s: %s", s->data, strerror(errno));
    join(copy, sizeof copy, tmp, "data.mdb");
    join(lock, sizeof lock, tmp, "lock.mdb");
    int rc = EXIT_OK;
    MgRepo *r = NULL;
    if (!copy_file(image, copy, why, sizeof why)) rc = error("cannot copy the base image %s: %s", image, why);
    else if (mg_repo_open(tmp, MG_REPO_RDONLY, &r) != MG_STORE_OK) rc = error("the base image %s does not open: %s", image, mg_repo_error(r));
    mg_repo_close(r);
    unlink(lock);
    if (!rc && rename(tmp, s->dir) != 0) rc = error("cannot move the new repository into %s: %s", s->dir, strerror(errno));
    if (rc) { unlink(copy); rmdir(tmp); }
    return rc;
}

static int
create_repo(const Stone *s)
{
    if (!mkdir_p(s->data)) return error("cannot create the data folder %s: %s", s->data, strerror(errno));
    char image[PATH_MAX];
    if (mg_stone_base_image(image, sizeof image)) return create_from_image(s, image);
    MgRepo *r;
    int rc = open_repo(s, MG_REPO_CREATE, &r);
    if (rc) return rc;
    mg_repo_close(r);
    return EXIT_OK;
}

/* Collects the base image's records into a write set (image_load). */
typedef struct { MgWrite *w; size_t n, cap; bool nomem; } Image;

static bool
image_record(uint64_t oop, MgStoreErr err, const MgRecord *rec, void *arg)
{
    Image *im = arg;
    if (err) return true;                 /* a corrupt image record: left out (the image was checked when built) */
    if (im->n == im->cap) {
        size_t cap = im->cap ? im->cap * 2 : 256;
        MgWrite *bigger = realloc(im->w, cap * sizeof *bigger);
        if (!bigger) { im->nomem = true; return false; }
        im->w = bigger;
        im->cap = cap;
    }
    void *copy = malloc(rec->len ? rec->len : 1);
    if (!copy) { im->nomem = true; return false; }
    memcpy(copy, rec->data, rec->len);
    im->w[im->n++] = (MgWrite){ oop, 0, copy, rec->len, false };
    return true;
}

/* Commits the records of the base image into the empty repository r and
 * hands out its OOPs up to the image's next OOP. */
static int
image_load(MgRepo *r, const char *image)
{
    char tmp[PATH_MAX], copy[PATH_MAX], lock[PATH_MAX], why[512];
    const char *t = getenv("TMPDIR");
    if (!format(tmp, sizeof tmp, "%s/maglev-image-XXXXXX", t && *t ? t : "/tmp")) return error("path too long");
    if (!mkdtemp(tmp)) return error("cannot make a temporary folder: %s", strerror(errno));
    join(copy, sizeof copy, tmp, "data.mdb");
    join(lock, sizeof lock, tmp, "lock.mdb");
    int rc = EXIT_OK;
    MgRepo *img = NULL;
    Image im = { 0 };
    mg_repo_set_class_of(r, mg_record_class);       /* the loaded records go into the class index */
    uint64_t seq, next = 0, have, conflicts[1];
    size_t nc;
    if (!copy_file(image, copy, why, sizeof why)) rc = error("cannot copy the base image %s: %s", image, why);
    else if (mg_repo_open(tmp, MG_REPO_RDONLY, &img) != MG_STORE_OK)
        rc = error("the base image %s does not open: %s", image, mg_repo_error(img));
    else if (mg_repo_each_record(img, &seq, &next, image_record, &im) != MG_STORE_OK || im.nomem)
        rc = error("cannot read the base image %s: %s", image, im.nomem ? "out of memory" : mg_repo_error(img));
    else if (im.n && mg_repo_commit(r, im.w, im.n, &seq, conflicts, 1, &nc) != MG_STORE_OK)
        rc = error("cannot store the base image: %s", mg_repo_error(r));
    else if (mg_repo_alloc_oops(r, 1, &have) != MG_STORE_OK)
        rc = error("cannot hand out OOPs: %s", mg_repo_error(r));
    else if (next > have + 8 && mg_repo_alloc_oops(r, (next - have - 8) / 8, &have) != MG_STORE_OK)
        rc = error("cannot hand out OOPs: %s", mg_repo_error(r));
    for (uint32_t i = 1; i <= MG_COUNTERS && !rc; i++) {       /* the persistent counters */
        int64_t v, got;
        if (mg_repo_counter_get(img, i, &v) != MG_STORE_OK) break;      /* an image without the table */
        if (v && mg_repo_counter_update(r, i, false, v, &got) != MG_STORE_OK)
            rc = error("cannot set counter %u: %s", i, mg_repo_error(r));
    }
    mg_repo_close(img);
    for (size_t i = 0; i < im.n; i++) free((void *)im.w[i].data);
    free(im.w);
    unlink(copy);
    unlink(lock);
    rmdir(tmp);
    return rc;
}

/* create NAME --backend URL: the repository is the database at URL (initialised
 * when empty, the base image loaded into it); the stone's folder names it. */
static int
create_remote(const Stone *s, const char *url)
{
    if (!mg_repo_is_url(url)) return usage_error("--backend takes a postgresql:// URL, not '%.200s'", url);
    if (!mkdir_p(s->data)) return error("cannot create the data folder %s: %s", s->data, strerror(errno));
    MgRepo *r = NULL;
    if (mg_repo_open(url, MG_REPO_CREATE, &r) != MG_STORE_OK) {
        int rc = error("cannot create stone '%s': %s", s->name, mg_repo_error(r));
        mg_repo_close(r);
        return rc;
    }
    MgRepoStat st;
    int rc = EXIT_OK;
    char image[PATH_MAX];
    if (mg_repo_stat(r, &st) != MG_STORE_OK) rc = error("cannot create stone '%s': %s", s->name, mg_repo_error(r));
    else if (st.seq == 0 && st.records == 0 && mg_stone_base_image(image, sizeof image)) rc = image_load(r, image);
    mg_repo_close(r);
    if (rc) return rc;
    char file[PATH_MAX];
    if (mkdir(s->folder, 0700) != 0) return error("cannot create %s: %s", s->folder, strerror(errno));
    if (!join(file, sizeof file, s->folder, MG_REPO_POINTER)) return error("path too long");
    int fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f || fprintf(f, "%s\n", url) < 0 || fclose(f) != 0) {
        if (fd >= 0 && !f) close(fd);
        unlink(file);
        rmdir(s->folder);
        return error("cannot write %s: %s", file, strerror(errno));
    }
    return EXIT_OK;
}

/* restore onto a PostgreSQL stone: into its database, which must be empty */
static int
restore_remote(const Stone *s, const char *file)
{
    MgRepo *r = NULL;
    MgRepoStat st;
    int rc = EXIT_OK;
    if (mg_repo_open(s->dir, MG_REPO_CREATE, &r) != MG_STORE_OK || mg_repo_stat(r, &st) != MG_STORE_OK)
        rc = error("cannot restore stone '%s': %s", s->name, mg_repo_error(r));
    else if (st.seq != 0 || st.records != 0)
        rc = error("cannot restore stone '%s': its database holds a repository (last commit %llu): "
                   "restore into an empty database", s->name, (unsigned long long)st.seq);
    else if (!(rc = image_load(r, file)) && mg_repo_stat(r, &st) == MG_STORE_OK)
        printf("restored stone '%s' from %s: %llu objects\n", s->name, file, (unsigned long long)st.records);
    mg_repo_close(r);
    return rc;
}

static int
cmd_create(Args *a)
{
    Stone s;
    int rc = resolve(a, 0, false, &s);
    if (rc) return rc;
    char url[PATH_MAX];
    if (mg_stone_state(s.folder, NULL) != STONE_ABSENT || mg_repo_pointer(s.folder, url, sizeof url))
        return error("stone '%s' already exists (%s)", s.name, s.dir);
    if (a->backend) {
        if ((rc = create_remote(&s, a->backend))) return rc;
        printf("created stone '%s' on PostgreSQL (%s/%s names the database)\n", s.name, s.folder, MG_REPO_POINTER);
        return EXIT_OK;
    }
    if ((rc = create_repo(&s))) return rc;
    printf("created stone '%s' in %s\n", s.name, s.dir);
    return EXIT_OK;
}

static int
start(const Stone *s, const Args *a)
{
    bool remote = mg_repo_is_url(s->dir);
    if (remote && stone_state(s, NULL) != STONE_RUNNING) {
        /* the database must hold a repository: a daemon does not make one */
        MgRepo *r;
        int rc = open_repo(s, MG_REPO_RDONLY, &r);
        if (rc) return rc;
        mg_repo_close(r);
        if (!mkdir_p(s->folder)) return error("cannot create %s: %s", s->folder, strerror(errno));
    } else if (stone_state(s, NULL) == STONE_ABSENT) {
        int rc = create_repo(s);
        if (rc) return rc;
        printf("created stone '%s' in %s\n", s->name, s->dir);
    }
    MgStoneOptions opt = { remote ? s->dir : NULL, a->interval, 15, a->gc_interval };
    int pid;
    char err[512];
    int rc = mg_stone_start(s->name, stone_files(s), &opt, &pid, err, sizeof err);
    if (rc < 0) return error("cannot start stone '%s': %s", s->name, err);
    if (rc == 1)
        printf("stone '%s' is already running (pid %d)\n", s->name, pid);
    else
        printf("stone '%s' started (pid %d)\n", s->name, pid);
    return EXIT_OK;
}

static int
cmd_start(Args *a)
{
    Stone s;
    int rc = resolve(a, 0, false, &s);
    return rc ? rc : start(&s, a);
}

static int
stop(const Stone *s)
{
    char err[512];
    if (mg_stone_stop(stone_files(s), 30, err, sizeof err) != 0) return error("cannot stop stone '%s': %s", s->name, err);
    printf("stone '%s' stopped\n", s->name);
    return EXIT_OK;
}

static int
cmd_stop(Args *a)
{
    Stone s;
    int rc = resolve(a, 0, false, &s);
    if (rc) return rc;
    switch (stone_state(&s, NULL)) {
    case STONE_ABSENT: return no_such_stone(&s);
    case STONE_STOPPED: return error("stone '%s' is not running", s.name);
    case STONE_RUNNING: break;
    }
    return stop(&s);
}

static int
cmd_restart(Args *a)
{
    Stone s;
    int rc = resolve(a, 0, false, &s);
    if (rc) return rc;
    if (stone_state(&s, NULL) == STONE_RUNNING && (rc = stop(&s))) return rc;
    return start(&s, a);
}

/* ---- status, list ---- */

static int
cmd_status(Args *a)
{
    Stone s;
    int rc = resolve(a, 0, false, &s);
    if (rc) return rc;
    int pid = 0;
    MgStoneState st = stone_state(&s, &pid);
    if (st == STONE_ABSENT) return no_such_stone(&s);
    char why[512] = "";
    if (st == STONE_RUNNING) {
        char *reply;
        if (mg_stone_request(stone_files(&s), "status", &reply, why, sizeof why) == 0) {
            fputs(reply, stdout);
            free(reply);
            return EXIT_OK;
        }
    }
    /* not running, or running but not answering: read the repository ourselves */
    MgRepo *r;
    if ((rc = open_repo(&s, MG_REPO_RDONLY, &r))) return rc;
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    if (!out) { mg_repo_close(r); return error("out of memory"); }
    mg_stone_report(out, r, s.name, s.dir, NULL);
    fclose(out);
    mg_repo_close(r);
    char *rest = strchr(text, '\n');           /* the report's first line says "not running" */
    rest = rest ? rest + 1 : text;
    if (st == STONE_RUNNING) {
        printf("running\n");
        printf("stone: %s\n", s.name);
        if (pid) printf("pid: %d\n", pid); else printf("pid: unknown\n");
        printf("note: the stone does not answer on its socket (%s); reading the repository directly\n", why);
        if (strncmp(rest, "stone: ", 7) == 0) rest = strchr(rest, '\n') + 1;
    } else {
        printf("not running\n");
    }
    fputs(rest, stdout);
    if (st == STONE_STOPPED && pid) printf("note: stale pid file (process %d is not a running stone)\n", pid);
    free(text);
    return st == STONE_RUNNING ? EXIT_OK : EXIT_NOT_RUNNING;
}

static int
compare_names(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

static int
cmd_list(Args *a)
{
    Stone s;
    int rc = resolve(a, -1, false, &s);     /* only for the data folder */
    if (rc) return rc;
    DIR *d = opendir(s.data);
    if (!d) {
        if (errno == ENOENT) return EXIT_OK;   /* no data folder yet: no stones */
        return error("cannot read the data folder %s: %s", s.data, strerror(errno));
    }
    char **names = NULL;
    size_t count = 0, capacity = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!mg_stone_name_ok(e->d_name)) continue;
        char dir[PATH_MAX];
        if (!join(dir, sizeof dir, s.data, e->d_name) || mg_stone_state(dir, NULL) == STONE_ABSENT) continue;
        if (count == capacity) {
            capacity = capacity ? capacity * 2 : 16;
            char **bigger = realloc(names, capacity * sizeof *names);
            if (!bigger) break;
            names = bigger;
        }
        if (!(names[count] = strdup(e->d_name))) break;
        count++;
    }
    closedir(d);
    if (count) qsort(names, count, sizeof *names, compare_names);
    for (size_t i = 0; i < count; i++) {
        char dir[PATH_MAX];
        join(dir, sizeof dir, s.data, names[i]);
        int pid;
        MgStoneState st = mg_stone_state(dir, &pid);
        if (st == STONE_RUNNING)
            printf("%-20s running (pid %d)\n", names[i], pid);
        else
            printf("%-20s %s\n", names[i], state_name(st));
        free(names[i]);
    }
    free(names);
    return EXIT_OK;
}

/* ---- backup, restore ---- */

/* backup/restore take [STONE] FILE */
static int
stone_and_file(const Args *a, Stone *s, const char **file)
{
    if (a->npos == 0) return usage_error("name the backup file");
    *file = a->pos[a->npos - 1];
    return resolve(a, a->npos == 2 ? 0 : -1, false, s);
}

static bool
dir_of(const char *file, char *buf, size_t size)
{
    char absf[PATH_MAX];
    if (!absolute(file, absf, sizeof absf)) return false;
    char *slash = strrchr(absf, '/');
    if (slash == absf) slash[1] = '\0'; else *slash = '\0';
    return snprintf(buf, size, "%s", absf) < (int)size;
}

static int
cmd_backup(Args *a)
{
    Stone s;
    const char *file = NULL;
    int rc = stone_and_file(a, &s, &file);
    if (rc) return rc;
    if (stone_state(&s, NULL) == STONE_ABSENT) return no_such_stone(&s);
    struct stat st;
    if (stat(file, &st) == 0 && S_ISDIR(st.st_mode)) return error("%s is a directory: name the backup file", file);
    char parent[PATH_MAX], tmp[PATH_MAX], copy[PATH_MAX], lock[PATH_MAX];
    if (!dir_of(file, parent, sizeof parent) || !join(tmp, sizeof tmp, parent, ".maglev-backup-XXXXXX"))
        return error("%s: path too long", file);
    if (!mkdtemp(tmp)) return error("cannot write in %s: %s", parent, strerror(errno));
    join(copy, sizeof copy, tmp, "data.mdb");
    join(lock, sizeof lock, tmp, "lock.mdb");

    MgRepo *r;
    if ((rc = open_repo(&s, MG_REPO_RDONLY, &r))) { rmdir(tmp); return rc; }
    /* one read snapshot: consistent while other processes commit */
    MgStoreErr e = mg_repo_backup(r, tmp);
    if (e) {
        rc = error("backup of stone '%s' failed: %s", s.name, mg_repo_error(r));
        mg_repo_close(r);
        goto fail;
    }
    mg_repo_close(r);
    /* read the copy back: it must open, and says what it holds */
    MgRepoStat rs;
    if (mg_repo_open(tmp, MG_REPO_RDONLY, &r) != MG_STORE_OK || mg_repo_stat(r, &rs) != MG_STORE_OK) {
        rc = error("the backup copy does not open: %s", mg_repo_error(r));
        mg_repo_close(r);
        goto fail;
    }
    mg_repo_close(r);
    chmod(copy, 0600);
    if (rename(copy, file) != 0) {
        rc = error("cannot write %s: %s", file, strerror(errno));
        goto fail;
    }
    unlink(lock);
    rmdir(tmp);
    stat(file, &st);
    printf("backed up stone '%s' to %s: last commit %llu, %llu objects, %lld bytes\n", s.name, file,
           (unsigned long long)rs.seq, (unsigned long long)rs.records, (long long)st.st_size);
    return EXIT_OK;
fail:
    unlink(copy);
    unlink(lock);
    rmdir(tmp);
    return rc;
}

static bool
copy_file(const char *from, const char *to, char *why, size_t whysize)
{
    int in = open(from, O_RDONLY | O_CLOEXEC);
    if (in < 0) { format(why, whysize, "%s: %s", from, strerror(errno)); return false; }
    int out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (out < 0) { format(why, whysize, "%s: %s", to, strerror(errno)); close(in); return false; }
    char buf[1 << 16];
    bool ok = true;
    for (;;) {
        ssize_t n = read(in, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) { format(why, whysize, "%s: %s", from, strerror(errno)); ok = false; break; }
        if (n == 0) break;
        for (ssize_t off = 0; off < n; ) {
            ssize_t w = write(out, buf + off, (size_t)(n - off));
            if (w < 0 && errno == EINTR) continue;
            if (w < 0) { format(why, whysize, "%s: %s", to, strerror(errno)); ok = false; break; }
            off += w;
        }
        if (!ok) break;
    }
    if (ok && fsync(out) != 0) { format(why, whysize, "%s: %s", to, strerror(errno)); ok = false; }
    close(in);
    if (close(out) != 0 && ok) { format(why, whysize, "%s: %s", to, strerror(errno)); ok = false; }
    return ok;
}

typedef struct { MgRepo *r; uint64_t records, corrupt, problems, seq, next_oop; } Walk;

static bool
count_record(uint64_t oop, MgStoreErr err, const MgRecord *rec, void *arg)
{
    Walk *w = arg;
    (void)oop; (void)rec;
    w->records++;
    if (err) w->corrupt++;
    return true;
}

static int
cmd_restore(Args *a)
{
    Stone s;
    const char *file = NULL;
    int rc = stone_and_file(a, &s, &file);
    if (rc) return rc;
    struct stat st;
    if (stat(file, &st) != 0) return error("%s: %s", file, strerror(errno));
    if (!S_ISREG(st.st_mode)) return error("%s is not a backup file (not a regular file)", file);
    if (mg_repo_is_url(s.dir)) return restore_remote(&s, file);
    MgStoneState state = stone_state(&s, NULL);
    if (state == STONE_RUNNING)
        return error("stone '%s' is running: stop it before restoring onto it (maglev stop %s)", s.name, s.name);
    if (state == STONE_STOPPED && (rc = refuse_if_in_use(&s, "restore onto"))) return rc;
    if (!mkdir_p(s.data)) return error("cannot create the data folder %s: %s", s.data, strerror(errno));

    /* the copy goes in beside the stone, is checked there, then renamed into place */
    char tmp[PATH_MAX], copy[PATH_MAX], lock[PATH_MAX], why[512];
    if (!format(tmp, sizeof tmp, "%s/.%s.restore-XXXXXX", s.data, s.name))
        return error("path too long");
    if (!mkdtemp(tmp)) return error("cannot write in %s: %s", s.data, strerror(errno));
    join(copy, sizeof copy, tmp, "data.mdb");
    join(lock, sizeof lock, tmp, "lock.mdb");
    if (!copy_file(file, copy, why, sizeof why)) { rc = error("cannot copy the backup: %s", why); goto fail; }
    MgRepo *r;
    MgRepoStat rs;
    Walk w = { 0 };
    if (mg_repo_open(tmp, MG_REPO_RDONLY, &r) != MG_STORE_OK || mg_repo_stat(r, &rs) != MG_STORE_OK) {
        rc = error("%s is not a maglev backup: %s", file, mg_repo_error(r));
        mg_repo_close(r);
        goto fail;
    }
    w.r = r;
    uint64_t seq, next_oop;
    MgStoreErr e = mg_repo_each_record(r, &seq, &next_oop, count_record, &w);
    if (e || w.corrupt) {
        if (!a->force) {
            rc = error("backup %s fails its check (%s): not restored (--force restores it anyway)", file,
                       e ? mg_repo_error(r) : "corrupt records");
            mg_repo_close(r);
            goto fail;
        }
    }
    mg_repo_close(r);
    unlink(lock);

    if (state == STONE_STOPPED) {
        char old[PATH_MAX], from[PATH_MAX], to[PATH_MAX];
        if (!format(old, sizeof old, "%s/.%s.old-XXXXXX", s.data, s.name) || !mkdtemp(old) || rename(s.dir, old) != 0) {
            rc = error("cannot move the old repository %s aside: %s", s.dir, strerror(errno));
            rmdir(old);
            goto fail;
        }
        if (rename(tmp, s.dir) != 0) {
            rc = error("cannot move the restored repository into %s: %s", s.dir, strerror(errno));
            rename(old, s.dir);
            goto fail;
        }
        if (join(from, sizeof from, old, "stone.log") && join(to, sizeof to, s.dir, "stone.log"))
            rename(from, to);      /* the stone's history stays with the stone */
        remove_repo_dir(old);
    } else if (rename(tmp, s.dir) != 0) {
        rc = error("cannot move the restored repository into %s: %s", s.dir, strerror(errno));
        goto fail;
    }
    int dfd = open(s.data, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) { fsync(dfd); close(dfd); }
    printf("restored stone '%s' from %s: last commit %llu, %llu objects\n", s.name, file,
           (unsigned long long)rs.seq, (unsigned long long)rs.records);
    return EXIT_OK;
fail:
    unlink(copy);
    unlink(lock);
    rmdir(tmp);
    return rc;
}

/* ---- check ---- */

#define MAX_REPORTED 100

static void PRINTF(2, 3)
problem(Walk *w, const char *fmt, ...)
{
    if (w->problems++ >= MAX_REPORTED) return;
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
}

static bool
check_record(uint64_t oop, MgStoreErr err, const MgRecord *rec, void *arg)
{
    Walk *w = arg;
    w->records++;
    if (err) {
        w->corrupt++;
        problem(w, "corrupt: %s", mg_repo_error(w->r));
        return true;
    }
    /* docs/format.md: OOPs step by 8; below MG_OOP_FIRST only 8 (the root) and
     * the base-image classes (16 + 8i: their persistent additions) are records */
    if (oop & 7)
        problem(w, "bad: a record under OOP %llu, not a multiple of 8", (unsigned long long)oop);
    else if (oop < MG_OOP_FIRST && oop != 8 && oop < 16)
        problem(w, "bad: a record under OOP %llu, a base-image OOP", (unsigned long long)oop);
    else if (oop >= MG_OOP_FIRST && oop >= w->next_oop)
        problem(w, "bad: a record under OOP %llu, never handed out (next OOP is %llu)", (unsigned long long)oop,
                (unsigned long long)w->next_oop);
    if (rec->version == 0 || rec->version > w->seq)
        problem(w, "bad: OOP %llu has version %llu, the last commit is %llu", (unsigned long long)oop,
                (unsigned long long)rec->version, (unsigned long long)w->seq);
    return true;
}

typedef struct { Walk *w; uint64_t entries, max_seq; } LogWalk;

static void
check_log(uint64_t seq, const uint64_t *oops, size_t count, void *arg)
{
    LogWalk *l = arg;
    l->entries++;
    if (seq > l->max_seq) l->max_seq = seq;
    for (size_t i = 0; i < count; i++) {
        uint64_t oop = oops[i];
        if ((oop & 7) || oop < 8) {   /* 8 the root, 16 + 8i the base-image classes */
            problem(l->w, "bad: commit-log entry %llu names OOP %llu", (unsigned long long)seq,
                    (unsigned long long)oop);
            break;
        }
    }
}

static void
check_report(void *arg, const char *line)
{
    Walk *w = arg;
    if (w->problems < MAX_REPORTED) printf("%s\n", line);
}

/* The walk itself, in a child process: a damaged B-tree page can make LMDB
 * read wild memory, and the check must report that, not die of it.
 * Exit status: 0 clean, 1 problems found, 2 the repository does not open. */
static int
check_child(const Stone *s)
{
    MgRepo *r;
    if (mg_repo_open(s->dir, MG_REPO_RDONLY, &r) != MG_STORE_OK) {
        printf("corrupt: the repository does not open: %s\n", mg_repo_error(r));
        return 2;
    }
    Walk w = { r, 0, 0, 0, 0, 0 };
    MgStoreErr e = mg_repo_each_record(r, &w.seq, &w.next_oop, check_record, &w);
    if (e) problem(&w, "corrupt: the record table cannot be walked: %s", mg_repo_error(r));
    /* the log is read in a later snapshot: its bounds come from after it
     * (they only grow) */
    LogWalk l = { &w, 0, 0 };
    MgRepoStat rs;
    e = mg_repo_log_since(r, 0, check_log, &l);
    if (e) problem(&w, "corrupt: the commit log cannot be read: %s", mg_repo_error(r));
    else if (mg_repo_stat(r, &rs) != MG_STORE_OK) problem(&w, "corrupt: the metadata does not read: %s", mg_repo_error(r));
    else if (l.max_seq > rs.seq)
        problem(&w, "bad: the commit log has entry %llu, the last commit is %llu", (unsigned long long)l.max_seq,
                (unsigned long long)rs.seq);
    /* payloads and references, and reachability, in one more snapshot (repogc.c) */
    MgGcMark m;
    e = mg_gc_mark(r, true, &m, check_report, &w);
    if (e) problem(&w, "corrupt: the references cannot be walked: %s", mg_repo_error(r));
    uint64_t unreachable = m.ndead;
    w.problems += m.corrupt + m.dangling;
    mg_repo_close(r);
    if (w.problems > MAX_REPORTED) printf("... and %llu more problems\n", (unsigned long long)(w.problems - MAX_REPORTED));
    printf("records: %llu checked, %llu corrupt\n", (unsigned long long)w.records, (unsigned long long)(w.corrupt + m.corrupt));
    printf("commit log: %llu entries checked\n", (unsigned long long)l.entries);
    printf("references: %llu dangling\n", (unsigned long long)m.dangling);
    printf("reachable: %llu of %llu records from %llu roots\n", (unsigned long long)m.marked,
           (unsigned long long)m.records, (unsigned long long)m.roots);
    /* garbage the next `maglev gc` frees (or keeps for a live session that holds it): not a problem */
    printf("unreachable: %llu records (%llu bytes)\n", (unsigned long long)unreachable,
           (unsigned long long)m.dead_bytes);
    mg_gc_mark_free(&m);
    fflush(stdout);
    return w.problems ? 1 : 0;
}

static int
cmd_check(Args *a)
{
    Stone s;
    int rc = resolve(a, 0, false, &s);
    if (rc) return rc;
    if (stone_state(&s, NULL) == STONE_ABSENT) return no_such_stone(&s);
    printf("checking stone '%s' in %s\n", s.name, s.dir);
    fflush(NULL);
    pid_t child = fork();
    if (child < 0) return error("fork: %s", strerror(errno));
    if (child == 0) {
        /* a fault is the finding, reported by the parent: no handler (ASan's) turns it into an exit code */
        signal(SIGSEGV, SIG_DFL);
        signal(SIGBUS, SIG_DFL);
        int code = check_child(&s);
        fflush(stdout);
        _exit(code);
    }
    int status;
    while (waitpid(child, &status, 0) < 0) {
        if (errno != EINTR) return error("waitpid: %s", strerror(errno));
    }
    if (WIFSIGNALED(status))
        return error("stone '%s' is damaged: reading its B-tree crashed the check (%s)", s.name,
                     strsignal(WTERMSIG(status)));
    switch (WEXITSTATUS(status)) {
    case 0: printf("stone '%s' is ok\n", s.name); return EXIT_OK;
    case 2: return error("stone '%s' does not open: it is not a maglev repository or is damaged", s.name);
    default: return error("stone '%s' failed its check", s.name);
    }
}

/* ---- gc, destroy ---- */

static int
cmd_gc(Args *a)
{
    Stone s;
    int rc = resolve(a, 0, false, &s);
    if (rc) return rc;
    MgStoneState st = stone_state(&s, NULL);
    if (st == STONE_ABSENT) return no_such_stone(&s);
    if (st == STONE_RUNNING) {
        char *reply;
        char why[512];
        char req[32];
        snprintf(req, sizeof req, "gc %d", a->timeout ? a->timeout : 30);
        if (mg_stone_request(stone_files(&s), req, &reply, why, sizeof why) != 0)
            return error("stone '%s' does not answer: %s", s.name, why);
        if (strncmp(reply, "error: ", 7) == 0) {
            reply[strcspn(reply, "\n")] = '\0';
            rc = error("gc of stone '%s' failed: %s", s.name, reply + 7);
        } else {
            fputs(reply, stdout);
        }
        free(reply);
        return rc;
    }
    MgRepo *r;
    if ((rc = open_repo(&s, 0, &r))) return rc;
    MgGcResult res;
    if (mg_stone_gc(r, 1000, stdout) != MG_STORE_OK) rc = error("gc of stone '%s' failed: %s", s.name, mg_repo_error(r));
    else if (mg_gc_collect(r, (a->timeout ? a->timeout : 30) * 1000, &res) != MG_STORE_OK)
        rc = error("gc of stone '%s' failed: %s", s.name, mg_repo_error(r));
    else
        mg_gc_print(stdout, &res);
    mg_repo_close(r);
    return rc;
}

static int
cmd_destroy(Args *a)
{
    Stone s;
    int rc = resolve(a, 0, true, &s);
    if (rc || (rc = lmdb_only(&s, "destroy (drop the database with dropdb)"))) return rc;
    switch (stone_state(&s, NULL)) {
    case STONE_ABSENT: return no_such_stone(&s);
    case STONE_RUNNING:
        return error("stone '%s' is running: stop it before destroying it (maglev stop %s)", s.name, s.name);
    case STONE_STOPPED: break;
    }
    if ((rc = refuse_if_in_use(&s, "destroy"))) return rc;
    if (!a->force) {
        fprintf(stderr, "destroy stone '%s' in %s, with every object in it? [y/N] ", s.name, s.dir);
        fflush(stderr);
        char answer[16] = "";
        if (!fgets(answer, sizeof answer, stdin) || (strcmp(answer, "y\n") != 0 && strcmp(answer, "yes\n") != 0
                                                     && strcmp(answer, "y") != 0 && strcmp(answer, "yes") != 0)) {
            if (!strchr(answer, '\n')) fputc('\n', stderr);
            return error("stone '%s' not destroyed (--force destroys without asking)", s.name);
        }
    }
    if ((rc = remove_repo_dir(s.dir))) return rc;
    printf("destroyed stone '%s'\n", s.name);
    return EXIT_OK;
}

/* ---- help ---- */

static const char GLOBAL_HELP[] =
    "usage: maglev [--stone NAME] COMMAND [ARGS]\n"
    "\n"
    "Administers maglev stones. A stone is one repository (the objects every\n"
    "maglev-ruby process shares, in $MAGLEV_DATA/NAME) and, while it is started,\n"
    "its daemon. Ruby programs do not need the daemon; it trims the commit log\n"
    "and serves status.\n"
    "\n"
    "commands:\n";

static const char GLOBAL_TAIL[] =
    "\n"
    "options:\n"
    "  --stone NAME    the stone to work on (default: $MAGLEV_STONE, else \"maglev\");\n"
    "                  a STONE argument does the same\n"
    "  -h, --help      this text; maglev COMMAND --help describes one command\n"
    "  --version       the version of maglev and of its repository format\n"
    "\n"
    "environment:\n"
    "  MAGLEV_DATA     the folder holding the stones (default: $MAGLEV_HOME/data)\n"
    "  MAGLEV_HOME     the installation (default: the folder above bin/maglev)\n"
    "  MAGLEV_STONE    the default stone name\n"
    "\n"
    "exit status: 0 success; 1 error, with one line on stderr; 2 bad usage;\n"
    "3 from status: the stone is not running. The manual: docs/cli.md.\n";

static void print_help(FILE *out);

static int
cmd_help(Args *a)
{
    if (a->npos == 0) {
        print_help(stdout);
        return EXIT_OK;
    }
    const Command *c = find_command(a->pos[0]);
    if (!c) return usage_error("unknown command '%s'", a->pos[0]);
    printf("usage: maglev %s\n\n%s", c->synopsis, c->help);
    return EXIT_OK;
}

static int
cmd_version(Args *a)
{
    (void)a;
    printf("maglev %s (repository format %d)\n", MAGLEV_VERSION, MG_STORE_FORMAT);
    return EXIT_OK;
}

static const Command commands[] = {
    { "create", cmd_create, "create [STONE] [--backend URL]", "create a new, empty repository",
      "Creates the repository of STONE in the data folder (created too, mode 0700).\n"
      "Fails if the stone already exists. maglev start and maglev-ruby create a\n"
      "missing stone by themselves; create makes it explicit. With --backend\n"
      "postgresql://..., the repository is that PostgreSQL database (initialised,\n"
      "with the base image, when empty; shared by gems of every host) and the\n"
      "stone's folder holds only the file 'repository' naming it (mode 0600).\n", OPT_BACKEND, 1 },
    { "start", cmd_start, "start [STONE] [--interval SECS] [--gc-interval SECS]", "start the stone daemon",
      "Starts the stone's daemon in the background and waits until it answers on\n"
      "its socket. Creates the repository if it does not exist. Starting a stone\n"
      "that is already running does nothing and succeeds. The daemon writes\n"
      "stone.pid, stone.sock and stone.log beside the repository and trims the\n"
      "commit log every SECS seconds (default 10). It runs a repository GC round\n"
      "every --gc-interval seconds (default 60) when commits happened since the\n"
      "last one; the round is swept once every live gem has voted. A stone on\n"
      "PostgreSQL keeps its files in the stone's folder; of the stones of all\n"
      "hosts naming one database only the holder of the stone token trims and\n"
      "collects, the others stand by and take over when it ends.\n", OPT_INTERVAL, 1 },
    { "stop", cmd_stop, "stop [STONE]", "stop the stone daemon",
      "Asks the daemon to shut down over its socket and waits until it has exited.\n"
      "Fails if the stone is not running. Ruby processes using the repository are\n"
      "not affected.\n", 0, 1 },
    { "restart", cmd_restart, "restart [STONE] [--interval SECS] [--gc-interval SECS]", "stop (if running) and start",
      "Stops the daemon if it runs, then starts it (see maglev start --help).\n", OPT_INTERVAL, 1 },
    { "status", cmd_status, "status [STONE]", "show the state of a stone",
      "Prints 'running' or 'not running' on the first line, then 'key: value'\n"
      "lines: stone, pid and uptime (when running), repository path, size (of\n"
      "data.mdb), used bytes, free bytes, format, objects (records), last commit sequence,\n"
      "next oop, commit log (entries not yet trimmed), sessions and one 'session:'\n"
      "line per process with the repository open (pid, command, view, age), and\n"
      "gc. A running stone answers over its socket; otherwise the repository is\n"
      "read directly. Exits 0 when running, 3 when not running.\n", 0, 1 },
    { "list", cmd_list, "list", "list the stones in the data folder",
      "Prints one line per stone in the data folder: its name and whether it is\n"
      "running (with the daemon's pid). Prints nothing when there is none.\n", 0, 0 },
    { "backup", cmd_backup, "backup [STONE] FILE", "copy a stone's repository into FILE",
      "Writes a consistent, compacted copy of the repository to FILE while other\n"
      "processes go on committing (one LMDB read snapshot: mdb_env_copy2). FILE is\n"
      "an LMDB data file, a repository's data.mdb; it is replaced atomically if it\n"
      "exists. With one argument, FILE is backed up from --stone / $MAGLEV_STONE.\n", 0, 2 },
    { "restore", cmd_restore, "restore [STONE] FILE [--force]", "replace a stone's repository by a backup",
      "Replaces the repository of STONE (or creates it) with the backup in FILE.\n"
      "Refuses while the stone is running or another process has it open. The\n"
      "backup is checked first (every record decodes); --force restores a backup\n"
      "that fails the check. The stone's log is kept.\n", OPT_FORCE, 2 },
    { "check", cmd_check, "check [STONE]", "check the repository's integrity",
      "Walks every record: its header and checksum must decode, its OOP must be\n"
      "one that was handed out, its version no newer than the last commit; walks\n"
      "the commit log likewise. Then, in one snapshot, every record's payload must\n"
      "parse and every reference in it must name a record or a well-known OOP of\n"
      "the base image; and it counts the records reachable from the roots (the\n"
      "persistent root and the base-image class records) and the unreachable ones\n"
      "(garbage for the next maglev gc: reported, not a problem). Prints each\n"
      "problem (at most 100) and a summary; exits 1 if there is any (a corrupt\n"
      "record, a dangling reference). Safe while other processes commit.\n", 0, 1 },
    { "gc", cmd_gc, "gc [STONE] [--timeout SECS]", "collect garbage and trim the commit log now",
      "Trims the commit log up to the oldest view any process still has open,\n"
      "then collects the repository's garbage: marks what is reachable from the\n"
      "roots, publishes the rest as possibly dead, waits (up to SECS, default 30)\n"
      "until every live gem has voted at its next commit or abort (keeping what it\n"
      "holds in memory), and deletes what is still unreferenced. Prints the\n"
      "records and bytes freed. A gem that reaches no transaction boundary within\n"
      "the timeout: nothing is freed (exit 0, the report names it). The running\n"
      "daemon does it, or this command when the stone is not running.\n", OPT_TIMEOUT, 1 },
    { "destroy", cmd_destroy, "destroy STONE [--force]", "delete a stone and its repository",
      "Deletes the repository of STONE and the stone's files. Asks first unless\n"
      "--force is given (an answer other than y or yes keeps the stone). Refuses\n"
      "while the stone is running or another process has it open. The stone must\n"
      "be named: STONE or --stone.\n", OPT_FORCE, 1 },
    { "help", cmd_help, "help [COMMAND]", "this text, or the help of COMMAND",
      "Prints the overview, or the help of one command (as maglev COMMAND --help).\n", 0, 1 },
    { "version", cmd_version, "version", "the version of maglev",
      "Prints the version of maglev and of the repository format it reads.\n", 0, 0 },
};

static const Command *
find_command(const char *name)
{
    for (size_t i = 0; i < ARRAY_LEN(commands); i++)
        if (strcmp(commands[i].name, name) == 0) return &commands[i];
    return NULL;
}

static void
print_help(FILE *out)
{
    fputs(GLOBAL_HELP, out);
    for (size_t i = 0; i < ARRAY_LEN(commands); i++)
        fprintf(out, "  %-34s %s\n", commands[i].synopsis, commands[i].summary);
    fputs(GLOBAL_TAIL, out);
}

/* ---- argument parsing ---- */

static bool
parse_int(const char *s, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < 1 || v > 86400) return false;
    *out = (int)v;
    return true;
}

/* Options may come anywhere after the command; "--" ends them. */
static int
parse(int argc, char **argv, int from, const Command *c, Args *a)
{
    bool options = true;
    for (int i = from; i < argc; i++) {
        const char *s = argv[i];
        if (options && strcmp(s, "--") == 0) { options = false; continue; }
        if (options && s[0] == '-' && s[1]) {
            const char *val = NULL;
            const char *eq = strchr(s, '=');
            size_t len = eq ? (size_t)(eq - s) : strlen(s);
            if (eq) val = eq + 1;
#define IS(opt) (len == strlen(opt) && strncmp(s, opt, len) == 0)
            if (IS("-h") || IS("--help")) {
                a->help = true;
            } else if (IS("--stone") || IS("--interval") || IS("--timeout") || IS("--gc-interval") || IS("--backend")) {
                if (!val) {
                    if (i + 1 >= argc) return usage_error("%.*s needs a value", (int)len, s);
                    val = argv[++i];
                }
                if (IS("--stone")) {
                    a->stone = val;
                } else if (IS("--backend")) {
                    if (!(c->options & OPT_BACKEND)) return usage_error("%s does not take --backend", c->name);
                    a->backend = val;
                } else if (IS("--gc-interval")) {
                    if (!(c->options & OPT_INTERVAL)) return usage_error("%s does not take --gc-interval", c->name);
                    if (!parse_int(val, &a->gc_interval)) return usage_error("--gc-interval needs seconds (1 to 86400)");
                } else if (IS("--timeout")) {
                    if (!(c->options & OPT_TIMEOUT)) return usage_error("%s does not take --timeout", c->name);
                    if (!parse_int(val, &a->timeout)) return usage_error("--timeout needs seconds (1 to 86400)");
                } else {
                    if (!(c->options & OPT_INTERVAL)) return usage_error("%s does not take --interval", c->name);
                    if (!parse_int(val, &a->interval)) return usage_error("--interval needs seconds (1 to 86400)");
                }
            } else if (IS("-f") || IS("--force")) {
                if (!(c->options & OPT_FORCE)) return usage_error("%s does not take %s", c->name, s);
                a->force = true;
            } else {
                return usage_error("unknown option '%s' for %s", s, c->name);
            }
#undef IS
            continue;
        }
        if (a->npos >= c->max_pos || a->npos >= (int)ARRAY_LEN(a->pos))
            return usage_error("too many arguments for %s (usage: maglev %s)", c->name, c->synopsis);
        a->pos[a->npos++] = s;
    }
    return EXIT_OK;
}

int
main(int argc, char **argv)
{
    umask(077);
    signal(SIGPIPE, SIG_IGN);
    Args a;
    memset(&a, 0, sizeof a);
    /* options before the command: --stone NAME, --help, --version */
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *s = argv[i];
        if (strcmp(s, "-h") == 0 || strcmp(s, "--help") == 0) {
            print_help(stdout);
            return EXIT_OK;
        } else if (strcmp(s, "--version") == 0) {
            return cmd_version(&a);
        } else if (strcmp(s, "--stone") == 0 && i + 1 < argc) {
            a.stone = argv[++i];
        } else if (strncmp(s, "--stone=", 8) == 0) {
            a.stone = s + 8;
        } else {
            return usage_error("unknown option '%s'", s);
        }
    }
    if (i >= argc) {
        print_help(stderr);
        return EXIT_USAGE;
    }
    const Command *c = find_command(argv[i]);
    if (!c) return usage_error("unknown command '%s'", argv[i]);
    int rc = parse(argc, argv, i + 1, c, &a);
    if (rc) return rc;
    if (a.help) {
        printf("usage: maglev %s\n\n%s", c->synopsis, c->help);
        return EXIT_OK;
    }
    rc = c->run(&a);
    if (fflush(stdout) != 0 && rc == EXIT_OK) return error("cannot write the output: %s", strerror(errno));
    return rc;
}
