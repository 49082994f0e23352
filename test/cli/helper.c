/* helper.c -- a gem stand-in for the CLI tests: writes and reads records
 * through the storage backend (backend.h) without the Ruby VM.
 *
 *   helper commit DIR N [TEXT]  N commits, each adding one record "TEXT <i>"
 *   helper pairs DIR SECONDS    commits for SECONDS: one pair of records that
 *                               always hold the same counter ("pair <pid> A|B <n>")
 *   helper verify DIR           every pair in DIR holds equal counters; prints
 *                               "pairs N commits M" (M: the largest counter)
 *   helper hold DIR SECONDS     keeps a view open for SECONDS, prints its seq
 *   helper dangle DIR           commits an Array whose element is an OOP with no record
 *   helper junk DIR             commits a record whose payload is no object
 *   helper remove DIR TEXT      deletes every String record holding TEXT, behind
 *                               the GC protocol's back (prints how many)
 *
 * A record is a String object (docs/format.md "Object payload"), so that
 * `maglev check` finds it well-formed; nothing references it, so the
 * repository GC reclaims it.
 *
 * Exit status 0 on success, 1 with a message on stderr. */
#include "../../src/store/backend.h"
#include <time.h>
#include <unistd.h>

static int
die(MgRepo *r, const char *what)
{
    fprintf(stderr, "helper: %s: %s\n", what, mg_repo_error(r));
    return 1;
}

static double
now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A String payload holding text: type 7, class String (well-known OOP
 * 16 + 8 * 21), no ivars, UTF-8, length, bytes. */
#define STR_HEAD 27
static int
str_payload(char *buf, size_t size, const char *text, size_t len)
{
    if (STR_HEAD + len > size) len = size - STR_HEAD;
    unsigned char h[STR_HEAD] = { 7, 0, 0, 0, 6, 2 };
    uint64_t klass = 16 + 8 * 21, n = len;
    memcpy(h + 6, &klass, 8);
    memcpy(h + 18 + 1, &n, 8);
    memcpy(buf, h, STR_HEAD);
    memcpy(buf + STR_HEAD, text, len);
    return (int)(STR_HEAD + len);
}

static int
commit_n(MgRepo *r, long n, const char *text)
{
    uint64_t seq = 0, first;
    if (n <= 0) return 2;
    if (mg_repo_alloc_oops(r, (uint64_t)n, &first)) return die(r, "alloc");   /* one block, as gems do */
    for (long i = 0; i < n; i++) {
        uint64_t conf[4];
        size_t nc;
        char txt[220], buf[256];
        int len = snprintf(txt, sizeof txt, "%s %ld", text, i);
        len = str_payload(buf, sizeof buf, txt, (size_t)len);
        MgWrite w = { first + 8 * (uint64_t)i, 0, buf, (size_t)len, false };
        if (mg_repo_commit(r, &w, 1, &seq, conf, 4, &nc)) return die(r, "commit");
    }
    printf("%llu\n", (unsigned long long)seq);
    return 0;
}

static int
pairs(MgRepo *r, double seconds)
{
    uint64_t a, seq = 0, va = 0, conf[4];
    size_t nc;
    if (mg_repo_alloc_oops(r, 2, &a)) return die(r, "alloc");
    double end = now() + seconds;
    for (long n = 1; now() < end; n++) {
        char tx[64], ty[64], x[100], y[100];
        int lx = snprintf(tx, sizeof tx, "pair %d A %ld", (int)getpid(), n);
        int ly = snprintf(ty, sizeof ty, "pair %d B %ld", (int)getpid(), n);
        lx = str_payload(x, sizeof x, tx, (size_t)lx);
        ly = str_payload(y, sizeof y, ty, (size_t)ly);
        MgWrite w[2] = { { a, va, x, (size_t)lx, false }, { a + 8, va, y, (size_t)ly, false } };
        if (mg_repo_commit(r, w, 2, &seq, conf, 4, &nc)) return die(r, "commit");
        va = seq;
    }
    return 0;
}

typedef struct { int pid; long a, b; } Pair;
typedef struct { Pair p[64]; int count; long max; bool bad; } Pairs;

static bool
collect(uint64_t oop, MgStoreErr err, const MgRecord *rec, void *arg)
{
    Pairs *ps = arg;
    if (err) { fprintf(stderr, "helper: corrupt record %llu\n", (unsigned long long)oop); ps->bad = true; return true; }
    char buf[128];
    if (rec->len >= sizeof buf + STR_HEAD || rec->len < STR_HEAD) return true;
    memcpy(buf, (const char *)rec->data + STR_HEAD, rec->len - STR_HEAD);
    buf[rec->len - STR_HEAD] = '\0';
    int pid;
    char which;
    long n;
    if (sscanf(buf, "pair %d %c %ld", &pid, &which, &n) != 3) return true;
    int i;
    for (i = 0; i < ps->count && ps->p[i].pid != pid; i++) {}
    if (i == ps->count) {
        if (ps->count == 64) return true;
        ps->p[ps->count++] = (Pair){ pid, -1, -1 };
    }
    if (which == 'A') ps->p[i].a = n; else ps->p[i].b = n;
    if (n > ps->max) ps->max = n;
    return true;
}

static int
verify(MgRepo *r)
{
    Pairs ps;
    memset(&ps, 0, sizeof ps);
    uint64_t seq, next;
    if (mg_repo_each_record(r, &seq, &next, collect, &ps)) return die(r, "walk");
    for (int i = 0; i < ps.count; i++) {
        if (ps.p[i].a != ps.p[i].b) {
            fprintf(stderr, "helper: pair of %d is torn: A %ld, B %ld\n", ps.p[i].pid, ps.p[i].a, ps.p[i].b);
            ps.bad = true;
        }
    }
    printf("pairs %d commits %ld\n", ps.count, ps.max);
    return ps.bad ? 1 : 0;
}

static int
hold(MgRepo *r, double seconds)
{
    MgView *v;
    if (mg_view_begin(r, &v)) return die(r, "view");
    printf("%llu\n", (unsigned long long)mg_view_seq(v));
    fflush(stdout);
    double end = now() + seconds;
    while (now() < end) usleep(20000);
    mg_view_end(v);
    return 0;
}

static int
commit_raw(MgRepo *r, const void *data, size_t len)
{
    uint64_t oop, seq, conf[4];
    size_t nc;
    if (mg_repo_alloc_oops(r, 1, &oop)) return die(r, "alloc");
    MgWrite w = { oop, 0, data, len, false };
    if (mg_repo_commit(r, &w, 1, &seq, conf, 4, &nc)) return die(r, "commit");
    printf("%llu\n", (unsigned long long)oop);
    return 0;
}

/* An Array (type 8) of class Array (16 + 8 * 23) holding one reference to
 * an OOP far above every one handed out. */
static int
dangle(MgRepo *r)
{
    unsigned char p[4 + 10 + 4 + 8 + 10] = { 8, 0, 0, 0, 6, 2 };
    uint64_t klass = 16 + 8 * 23, one = 1, target = (uint64_t)1 << 40;
    memcpy(p + 6, &klass, 8);
    memcpy(p + 18, &one, 8);
    p[26] = 6;
    p[27] = 1;
    memcpy(p + 28, &target, 8);
    return commit_raw(r, p, sizeof p);
}

typedef struct { const char *text; uint64_t oops[64], versions[64]; int n; } Find;

static bool
find_text(uint64_t oop, MgStoreErr err, const MgRecord *rec, void *arg)
{
    Find *f = arg;
    size_t tl = strlen(f->text);
    if (err || rec->len < STR_HEAD || ((const unsigned char *)rec->data)[0] != 7 || f->n == 64) return true;
    const char *p = (const char *)rec->data + STR_HEAD;
    size_t n = rec->len - STR_HEAD;
    for (size_t i = 0; i + tl <= n; i++)
        if (memcmp(p + i, f->text, tl) == 0) { f->versions[f->n] = rec->version; f->oops[f->n++] = oop; break; }
    return true;
}

static int
remove_text(MgRepo *r, const char *text)
{
    Find f = { text, { 0 }, { 0 }, 0 };
    uint64_t seq, next, conf[4];
    size_t nc;
    if (mg_repo_each_record(r, &seq, &next, find_text, &f)) return die(r, "walk");
    for (int i = 0; i < f.n; i++) {
        MgWrite w = { f.oops[i], f.versions[i], NULL, 0, true };
        if (mg_repo_commit(r, &w, 1, &seq, conf, 4, &nc)) return die(r, "remove");
    }
    printf("%d\n", f.n);
    return 0;
}

int
main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: helper commit|pairs|verify|hold DIR [ARGS]\n");
        return 2;
    }
    const char *cmd = argv[1];
    MgRepo *r;
    int flags = strcmp(cmd, "verify") == 0 || strcmp(cmd, "hold") == 0 ? MG_REPO_RDONLY : MG_REPO_CREATE;
    if (mg_repo_open(argv[2], flags, &r)) return die(r, argv[2]);
    int rc = 2;
    if (strcmp(cmd, "commit") == 0 && argc >= 4) rc = commit_n(r, atol(argv[3]), argc > 4 ? argv[4] : "record");
    else if (strcmp(cmd, "pairs") == 0 && argc >= 4) rc = pairs(r, atof(argv[3]));
    else if (strcmp(cmd, "verify") == 0) rc = verify(r);
    else if (strcmp(cmd, "hold") == 0 && argc >= 4) rc = hold(r, atof(argv[3]));
    else if (strcmp(cmd, "dangle") == 0) rc = dangle(r);
    else if (strcmp(cmd, "junk") == 0) rc = commit_raw(r, "not an object", 13);
    else if (strcmp(cmd, "remove") == 0 && argc >= 4) rc = remove_text(r, argv[3]);
    else fprintf(stderr, "helper: bad arguments\n");
    mg_repo_close(r);
    return rc;
}
