/* bench/raw_pg_copy.c -- the floor for W2 on PostgreSQL: raw libpq loading
 * N rows shaped like maglev's mg_obj rows (bigint oop, bigint version,
 * bytea data of LEN bytes, NULL cls) into a fresh table with mg_obj's keys
 * (PRIMARY KEY (oop, version), the partial class index) by one binary
 * COPY in one durable transaction, and the same into a table without any
 * index. Prints the seconds of each.
 *   cc -O2 -I$(pg_config --includedir) bench/raw_pg_copy.c -lpq -o raw_pg_copy
 *   raw_pg_copy CONNINFO [N [LEN]]     defaults: 2000000 57 (W2 of 1M nodes
 *                                      writes 2M records averaging 57 bytes) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <libpq-fe.h>

static double
now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static void
exec_ok(PGconn *c, const char *sql)
{
    PGresult *r = PQexec(c, sql);
    ExecStatusType s = PQresultStatus(r);
    if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) {
        fprintf(stderr, "%s: %s", sql, PQerrorMessage(c));
        exit(1);
    }
    PQclear(r);
}

static char *
be(char *p, uint64_t x, int bytes)
{
    for (int i = 0; i < bytes; i++) *p++ = (char)(x >> (8 * (bytes - 1 - i)));
    return p;
}

static double
load(PGconn *c, const char *table, long n, int len)
{
    double t = now();
    exec_ok(c, "BEGIN");
    char sql[128];
    snprintf(sql, sizeof sql, "COPY %s FROM STDIN (FORMAT binary)", table);
    PGresult *r = PQexec(c, sql);
    if (PQresultStatus(r) != PGRES_COPY_IN) { fprintf(stderr, "COPY: %s", PQerrorMessage(c)); exit(1); }
    PQclear(r);
    enum { CHUNK = 1 << 20 };
    char *buf = malloc(CHUNK + 256), *p = buf;
    memcpy(p, "PGCOPY\n\377\r\n\0", 11);
    p = be(p + 11, 0, 4);
    p = be(p, 0, 4);
    for (long i = 0; i < n; i++) {
        p = be(p, 4, 2);
        p = be(p, 8, 4); p = be(p, 1048576 + 8 * (uint64_t)i, 8);
        p = be(p, 8, 4); p = be(p, 1, 8);
        p = be(p, (uint64_t)len, 4);
        for (int k = 0; k < len; k++) *p++ = (char)(i + k);
        p = be(p, 0xFFFFFFFFu, 4);
        if (p - buf > CHUNK) { PQputCopyData(c, buf, (int)(p - buf)); p = buf; }
    }
    p = be(p, 0xFFFF, 2);
    PQputCopyData(c, buf, (int)(p - buf));
    free(buf);
    PQputCopyEnd(c, NULL);
    while ((r = PQgetResult(c))) {
        if (PQresultStatus(r) != PGRES_COMMAND_OK) { fprintf(stderr, "COPY: %s", PQerrorMessage(c)); exit(1); }
        PQclear(r);
    }
    exec_ok(c, "COMMIT");
    return now() - t;
}

int
main(int argc, char **argv)
{
    if (argc < 2) { fprintf(stderr, "usage: %s CONNINFO [N [LEN]]\n", argv[0]); return 2; }
    long n = argc > 2 ? atol(argv[2]) : 2000000;
    int len = argc > 3 ? atoi(argv[3]) : 57;
    PGconn *c = PQconnectdb(argv[1]);
    if (PQstatus(c) != CONNECTION_OK) { fprintf(stderr, "%s", PQerrorMessage(c)); return 1; }
    exec_ok(c, "SET synchronous_commit = on");
    exec_ok(c, "DROP TABLE IF EXISTS raw_obj, raw_heap");
    exec_ok(c, "CREATE TABLE raw_obj (oop bigint NOT NULL, version bigint NOT NULL, data bytea, cls bigint,"
               " PRIMARY KEY (oop, version))");
    exec_ok(c, "CREATE INDEX raw_obj_cls ON raw_obj (cls, oop, version) WHERE cls IS NOT NULL");
    exec_ok(c, "ALTER TABLE raw_obj ALTER data SET STORAGE EXTERNAL");
    exec_ok(c, "CREATE TABLE raw_heap (oop bigint NOT NULL, version bigint NOT NULL, data bytea, cls bigint)");
    double keyed = load(c, "raw_obj", n, len), heap = load(c, "raw_heap", n, len);
    printf("%ld rows of %d bytes: with mg_obj's keys %.3f s, no index %.3f s\n", n, len, keyed, heap);
    exec_ok(c, "DROP TABLE raw_obj, raw_heap");
    PQfinish(c);
    return 0;
}
