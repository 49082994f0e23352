/* raw_pg.c -- the raw-libpq ceiling of the persistence workloads on
 * PostgreSQL (docs/bench.md, "Persistence on PostgreSQL"): the same work as
 * bench/persist/maglev.rb, done the fastest way libpq offers, on a table
 * nodes (id bigint primary key, prev bigint, i bigint, s text) where node i
 * is the row (i + 1, i or NULL, i, 's<i>'). Run by bench/pg.sh.
 *   raw_pg CONNINFO w1 N            N autocommitted one-row INSERTs (each a
 *                                   durable transaction: synchronous_commit on)
 *   raw_pg CONNINFO w2 N            one transaction: N rows by binary COPY
 *   raw_pg CONNINFO w3 K            read all rows back (one query), walk the
 *                                   chain from the last; K random point
 *                                   lookups batched 1,000 keys a query
 *                                   (id = ANY($1)), then K one query each
 *   raw_pg CONNINFO w4 N [GUN]      N increments of the shared counter by
 *                                   UPDATE .. RETURNING (row lock, no retry)
 *   raw_pg CONNINFO w5 N K [GUN]    W1-style commits of process K's own rows
 *   raw_pg CONNINFO setup45 | check1 | result45
 * Prints the measured seconds: w1, w2 one number; w3 "walk lookups sum len
 * s2 keysum lookups_one_by_one"; w4/w5 with GUN (a CLOCK_REALTIME time to
 * start at, so that processes started one after the other run together)
 * "start end" in CLOCK_REALTIME. Every result is checked (exit 1 if wrong). */
#define _POSIX_C_SOURCE 200809L
#include <libpq-fe.h>
#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BATCH 1000
#define W5_BASE 1000000000LL    /* process k's rows have ids (k + 1) * W5_BASE + i + 1 */

static PGconn *conn;

static double
now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double
wall(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
die(const char *what, const char *msg)
{
    fprintf(stderr, "raw_pg: %s: %s\n", what, msg);
    exit(1);
}

/* check that R has STATUS, then free it */
static void
expect(PGresult *r, ExecStatusType status, const char *what)
{
    if (PQresultStatus(r) != status)
        die(what, PQresultErrorMessage(r));
    PQclear(r);
}

static void
exec(const char *sql)
{
    expect(PQexec(conn, sql), PGRES_COMMAND_OK, sql);
}

static void
prepare(const char *name, const char *sql, int nparams)
{
    expect(PQprepare(conn, name, sql, nparams, NULL), PGRES_COMMAND_OK, sql);
}

static void
put64(unsigned char *p, int64_t v)
{
    uint32_t hi = htonl((uint32_t)((uint64_t)v >> 32)), lo = htonl((uint32_t)v);
    memcpy(p, &hi, 4);
    memcpy(p + 4, &lo, 4);
}

static int64_t
get64(const char *p)
{
    uint32_t hi, lo;
    memcpy(&hi, p, 4);
    memcpy(&lo, p + 4, 4);
    return (int64_t)(((uint64_t)ntohl(hi) << 32) | ntohl(lo));
}

static void
schema(void)
{
    exec("SET client_min_messages = warning");
    exec("CREATE TABLE IF NOT EXISTS nodes (id bigint PRIMARY KEY, prev bigint, i bigint, s text)");
    exec("CREATE TABLE IF NOT EXISTS counter (k int PRIMARY KEY, v bigint)");
}

/* wait for GUN (0: none); returns the start time */
static double
start_at(double gun)
{
    double d = gun - wall();
    if (d > 0) {
        struct timespec ts = { (time_t)d, (long)((d - (time_t)d) * 1e9) };
        nanosleep(&ts, NULL);
    }
    return wall();
}

/* N one-row durable commits with ids BASE + 1.. chained by prev */
static void
commits(long n, int64_t base)
{
    prepare("ins", "INSERT INTO nodes (id, prev, i, s) VALUES ($1, $2, $3, $4)", 4);
    unsigned char id[8], prev[8], iv[8];
    char s[32];
    const char *vals[4] = { (char *)id, (char *)prev, (char *)iv, s };
    int lens[4] = { 8, 8, 8, 0 }, fmts[4] = { 1, 1, 1, 0 };
    for (long i = 0; i < n; i++) {
        put64(id, base + i + 1);
        put64(prev, base + i);
        put64(iv, i);
        snprintf(s, sizeof s, "s%ld", i);
        vals[1] = i == 0 ? NULL : (char *)prev;
        expect(PQexecPrepared(conn, "ins", 4, vals, lens, fmts, 0), PGRES_COMMAND_OK, "insert");
    }
}

static void
w2(long n)
{
    exec("BEGIN");
    expect(PQexec(conn, "COPY nodes (id, prev, i, s) FROM STDIN (FORMAT binary)"), PGRES_COPY_IN, "copy");
    size_t cap = 1 << 16, len = 0;
    unsigned char *buf = malloc(cap + 128);    /* a row takes at most 66 bytes past cap */
    static const unsigned char header[19] = "PGCOPY\n\377\r\n\0\0\0\0\0\0\0\0\0";
    memcpy(buf, header, 19);
    len = 19;
    for (long i = 0; i < n; i++) {
        unsigned char *p = buf + len;
        uint16_t nf = htons(4);
        uint32_t l8 = htonl(8), lnull = htonl(0xffffffffu);
        memcpy(p, &nf, 2), p += 2;
        memcpy(p, &l8, 4), put64(p + 4, i + 1), p += 12;
        if (i == 0)
            memcpy(p, &lnull, 4), p += 4;
        else
            memcpy(p, &l8, 4), put64(p + 4, i), p += 12;
        memcpy(p, &l8, 4), put64(p + 4, i), p += 12;
        int sl = snprintf((char *)p + 4, 24, "s%ld", i);
        uint32_t ls = htonl((uint32_t)sl);
        memcpy(p, &ls, 4), p += 4 + sl;
        len = (size_t)(p - buf);
        if (len >= cap) {
            if (PQputCopyData(conn, (char *)buf, (int)len) != 1)
                die("copy", PQerrorMessage(conn));
            len = 0;
        }
    }
    uint16_t end = htons(0xffff);
    memcpy(buf + len, &end, 2);
    len += 2;
    if (PQputCopyData(conn, (char *)buf, (int)len) != 1 || PQputCopyEnd(conn, NULL) != 1)
        die("copy", PQerrorMessage(conn));
    free(buf);
    PGresult *r = PQgetResult(conn);
    if (PQresultStatus(r) != PGRES_COMMAND_OK || atol(PQcmdTuples(r)) != n)
        die("copy", PQresultErrorMessage(r));
    PQclear(r);
    while ((r = PQgetResult(conn)) != NULL)
        PQclear(r);
    exec("COMMIT");
}

static uint64_t lcg = 42;

static int64_t
random_id(int64_t count)
{
    lcg = lcg * 6364136223846793005ULL + 1442695040888963407ULL;
    return (int64_t)((lcg >> 33) % (uint64_t)count) + 1;
}

static int
cmp64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static void
w3(long k)
{
    double t0 = now();
    /* the walk: every row in one query (binary results), then follow prev */
    PGresult *r = PQexecParams(conn, "SELECT id, prev, i, s FROM nodes", 0, NULL, NULL, NULL, NULL, 1);
    if (PQresultStatus(r) != PGRES_TUPLES_OK)
        die("select", PQresultErrorMessage(r));
    int64_t count = PQntuples(r);
    int64_t *prev = malloc(sizeof *prev * (size_t)(count + 1));
    int64_t *iv = malloc(sizeof *iv * (size_t)(count + 1));
    int32_t *slen = malloc(sizeof *slen * (size_t)(count + 1));
    for (int64_t j = 0; j < count; j++) {
        int64_t id = get64(PQgetvalue(r, (int)j, 0));
        if (id < 1 || id > count)
            die("walk", "an id out of range");
        prev[id] = PQgetisnull(r, (int)j, 1) ? 0 : get64(PQgetvalue(r, (int)j, 1));
        if (prev[id] < 0 || prev[id] > count)
            die("walk", "a prev out of range");
        iv[id] = get64(PQgetvalue(r, (int)j, 2));
        slen[id] = PQgetlength(r, (int)j, 3);
    }
    PQclear(r);
    uint64_t sum = 0, len = 0;
    int64_t steps = 0;
    for (int64_t id = count; id != 0; id = prev[id]) {
        if (++steps > count)
            die("walk", "the chain loops");
        sum += (uint64_t)iv[id];
        len += (uint64_t)slen[id];
    }
    if (steps != count)
        die("walk", "the chain is shorter than the table");
    double walk = now() - t0;
    free(prev), free(iv), free(slen);

    /* batched lookups: BATCH keys a query, as a text array parameter */
    prepare("many", "SELECT id, i FROM nodes WHERE id = ANY($1::bigint[])", 1);
    char *arr = malloc(BATCH * 24 + 4);
    int64_t keys[BATCH];
    uint64_t s2 = 0, keysum = 0;
    t0 = now();
    for (long done = 0; done < k;) {
        int b = k - done < BATCH ? (int)(k - done) : BATCH;
        size_t al = 0;
        arr[al++] = '{';
        for (int j = 0; j < b; j++) {
            keys[j] = random_id(count);
            al += (size_t)sprintf(arr + al, j ? ",%lld" : "%lld", (long long)keys[j]);
        }
        arr[al++] = '}';
        arr[al] = 0;
        const char *vals[1] = { arr };
        r = PQexecPrepared(conn, "many", 1, vals, NULL, NULL, 1);
        if (PQresultStatus(r) != PGRES_TUPLES_OK)
            die("lookup", PQresultErrorMessage(r));
        /* a row per distinct key, each with i = id - 1 */
        qsort(keys, (size_t)b, sizeof keys[0], cmp64);
        int distinct = 0;
        for (int j = 0; j < b; j++)
            if (j == 0 || keys[j] != keys[j - 1]) {
                distinct++;
                keysum += (uint64_t)(keys[j] - 1);
            }
        if (PQntuples(r) != distinct)
            die("lookup", "rows missing");
        for (int j = 0; j < distinct; j++) {
            int64_t i = get64(PQgetvalue(r, j, 1));
            if (i != get64(PQgetvalue(r, j, 0)) - 1)
                die("lookup", "a wrong row");
            s2 += (uint64_t)i;
        }
        PQclear(r);
        done += b;
    }
    double look = now() - t0;
    free(arr);
    if (s2 != keysum)
        die("lookup", "wrong sum");

    /* the same number of lookups, one query each */
    prepare("one", "SELECT i FROM nodes WHERE id = $1", 1);
    unsigned char id[8];
    const char *vals[1] = { (char *)id };
    int lens[1] = { 8 }, fmts[1] = { 1 };
    uint64_t s3 = 0, keysum3 = 0;
    t0 = now();
    for (long j = 0; j < k; j++) {
        int64_t key = random_id(count);
        put64(id, key);
        r = PQexecPrepared(conn, "one", 1, vals, lens, fmts, 1);
        if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1)
            die("lookup", PQresultErrorMessage(r));
        s3 += (uint64_t)get64(PQgetvalue(r, 0, 0));
        keysum3 += (uint64_t)(key - 1);
        PQclear(r);
    }
    double look1 = now() - t0;
    if (s3 != keysum3)
        die("lookup", "wrong sum (one by one)");
    printf("%f %f %llu %llu %llu %llu %f\n", walk, look, (unsigned long long)sum,
           (unsigned long long)len, (unsigned long long)s2, (unsigned long long)keysum, look1);
}

static void
w4(long n)
{
    prepare("inc", "UPDATE counter SET v = v + 1 WHERE k = 1 RETURNING v", 0);
    int64_t last = 0;
    for (long j = 0; j < n; j++) {
        PGresult *r = PQexecPrepared(conn, "inc", 0, NULL, NULL, NULL, 1);
        if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1)
            die("increment", PQresultErrorMessage(r));
        int64_t v = get64(PQgetvalue(r, 0, 0));
        if (v <= last)
            die("increment", "the counter went back");
        last = v;
        PQclear(r);
    }
}

/* print the single bigint SQL returns */
static void
print_value(const char *sql)
{
    PGresult *r = PQexec(conn, sql);
    if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1)
        die(sql, PQresultErrorMessage(r));
    printf("%s", PQgetvalue(r, 0, 0));
    PQclear(r);
}

int
main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: raw_pg CONNINFO w1|w2|w3|w4|w5|setup45|check1|result45 [N [K]] [GUN]\n");
        return 2;
    }
    const char *w = argv[2];
    long n = argc > 3 ? atol(argv[3]) : 0;
    conn = PQconnectdb(argv[1]);
    if (PQstatus(conn) != CONNECTION_OK)
        die("connect", PQerrorMessage(conn));
    exec("SET synchronous_commit = on");
    double t0;
    if (strcmp(w, "w1") == 0) {
        schema();
        t0 = now();
        commits(n, 0);
        printf("%f\n", now() - t0);
    } else if (strcmp(w, "w2") == 0) {
        schema();
        t0 = now();
        w2(n);
        printf("%f\n", now() - t0);
    } else if (strcmp(w, "w3") == 0) {
        w3(n);
    } else if (strcmp(w, "w4") == 0) {
        double s = start_at(argc > 4 ? atof(argv[4]) : 0);
        w4(n);
        printf("%f %f\n", s, wall());
    } else if (strcmp(w, "w5") == 0) {
        long k = argc > 4 ? atol(argv[4]) : 0;
        double s = start_at(argc > 5 ? atof(argv[5]) : 0);
        commits(n, (k + 1) * W5_BASE);
        printf("%f %f\n", s, wall());
    } else if (strcmp(w, "setup45") == 0) {
        schema();
        exec("INSERT INTO counter VALUES (1, 0) ON CONFLICT (k) DO UPDATE SET v = 0");
    } else if (strcmp(w, "check1") == 0) {
        print_value("SELECT count(*) FROM nodes");
        printf("\n");
    } else if (strcmp(w, "result45") == 0) {
        print_value("SELECT v FROM counter WHERE k = 1");
        printf(" ");
        print_value("SELECT count(*) FROM nodes");
        printf("\n");
    } else {
        fprintf(stderr, "raw_pg: unknown workload %s\n", w);
        return 2;
    }
    PQfinish(conn);
    return 0;
}
