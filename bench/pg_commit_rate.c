/* bench/pg_commit_rate.c -- durable commits per second through the storage
 * interface alone (no VM): P processes, each committing N times a new
 * version of an object of its own (W1 with P = 1, W5's shape with P = 4),
 * on a repository URL (a PostgreSQL database, empty or made by an earlier
 * run; or an LMDB folder). Prints "P processes: R commits/s".
 *   cc -O2 -std=c11 -D_GNU_SOURCE -Isrc -I$(pg_config --includedir) bench/pg_commit_rate.c src/store/backend.c \
 *      src/store/lmdb_*.c src/store/commitq.c src/store/pg_*.c src/util/crc32c.c -llmdb -lz -ldl -o pg_commit_rate
 *   pg_commit_rate URL [N [P]]      defaults: 2000 1 */
#include "../src/store/backend.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

void
mg_bug(const char *file, int line, const char *fmt, ...)
{
    fprintf(stderr, "bug at %s:%d %s\n", file, line, fmt);
    abort();
}

static double
now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static int
commits(const char *url, int n, int go)
{
    MgRepo *r;
    if (mg_repo_open(url, MG_REPO_CREATE, &r)) { fprintf(stderr, "open: %s\n", mg_repo_error(r)); return 1; }
    uint64_t oop, version = 0, seq, conf[1];
    size_t nc;
    if (mg_repo_alloc_oops(r, 1, &oop)) return 1;
    char b;
    if (read(go, &b, 1) != 1) return 1;
    for (int i = 0; i < n; i++) {
        char text[64];
        int len = snprintf(text, sizeof text, "[prev, %d, \"s%d\"]", i, i);
        MgWrite w = { oop, version, text, (size_t)len, false };
        if (mg_repo_commit(r, &w, 1, &seq, conf, 1, &nc)) { fprintf(stderr, "commit: %s\n", mg_repo_error(r)); return 1; }
        version = seq;
    }
    mg_repo_close(r);
    return 0;
}

int
main(int argc, char **argv)
{
    if (argc < 2) { fprintf(stderr, "usage: %s URL [N [P]]\n", argv[0]); return 2; }
    setenv("MAGLEV_CACHE_DIR", "off", 0);
    int n = argc > 2 ? atoi(argv[2]) : 2000, p = argc > 3 ? atoi(argv[3]) : 1;
    int go[2];
    if (pipe(go)) return 1;
    for (int k = 0; k < p; k++)
        if (fork() == 0) _exit(commits(argv[1], n, go[0]));
    usleep(500000);                               /* every process connected */
    double t = now();
    for (int k = 0; k < p; k++) if (write(go[1], "g", 1) != 1) return 1;
    int bad = 0, status;
    for (int k = 0; k < p; k++) { wait(&status); bad |= !WIFEXITED(status) || WEXITSTATUS(status); }
    t = now() - t;
    if (bad) return 1;
    printf("%d processes: %.0f commits/s\n", p, n * p / t);
    return 0;
}
