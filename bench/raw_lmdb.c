/* raw_lmdb.c -- the ceiling for the persistence benchmarks (docs/bench.md):
 * W1, W2 and W3 done directly on LMDB with records of the size maglev writes
 * for a node [prev, i, "s<i>"] (a 71-byte Array record and a ~50-byte String
 * record per node, integer OOP keys stepping by 8).
 *   raw_lmdb DIR w1 N | w2 N | w3 K
 * Prints the measured seconds (w3: walk seconds, lookup seconds). */
#define _POSIX_C_SOURCE 200809L
#include <lmdb.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define NODE_SIZE 71
#define STR_SIZE 50

static double
now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
check(int rc, const char *what)
{
    if (rc != 0) {
        fprintf(stderr, "raw_lmdb: %s: %s\n", what, mdb_strerror(rc));
        exit(1);
    }
}

/* A node record: bytes 0..7 the previous node's OOP (0: none), 8..15 i. */
static void
put_node(MDB_txn *t, MDB_dbi dbi, uint64_t oop, uint64_t prev, uint64_t i, unsigned flags)
{
    unsigned char node[NODE_SIZE], str[STR_SIZE];
    memset(node, 0xab, sizeof node);
    memset(str, 's', sizeof str);
    memcpy(node, &prev, 8);
    memcpy(node + 8, &i, 8);
    uint64_t skey = oop + 8;
    MDB_val k = { 8, &oop }, v = { sizeof node, node };
    check(mdb_put(t, dbi, &k, &v, flags), "put");
    MDB_val k2 = { 8, &skey }, v2 = { sizeof str, str };
    check(mdb_put(t, dbi, &k2, &v2, flags), "put");
}

int
main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: raw_lmdb DIR w1|w2|w3 N\n");
        return 2;
    }
    const char *w = argv[2];
    long n = atol(argv[3]);
    MDB_env *env;
    check(mdb_env_create(&env), "env_create");
    check(mdb_env_set_mapsize(env, (size_t)4 << 30), "mapsize");
    check(mdb_env_set_maxdbs(env, 4), "maxdbs");
    check(mdb_env_open(env, argv[1], 0, 0600), "env_open");
    MDB_txn *t;
    MDB_dbi dbi;
    check(mdb_txn_begin(env, NULL, 0, &t), "begin");
    check(mdb_dbi_open(t, "obj", MDB_CREATE | MDB_INTEGERKEY, &dbi), "dbi_open");
    check(mdb_txn_commit(t), "commit");
    uint64_t base = (uint64_t)1 << 20, root = 8;
    double t0 = now();
    if (strcmp(w, "w1") == 0) {          /* n durable commits: a node, its string, the root */
        uint64_t prev = 0;
        for (long i = 0; i < n; i++) {
            uint64_t oop = base + 16 * (uint64_t)i;
            check(mdb_txn_begin(env, NULL, 0, &t), "begin");
            put_node(t, dbi, oop, prev, (uint64_t)i, 0);
            unsigned char r[NODE_SIZE] = {0};
            memcpy(r, &oop, 8);
            MDB_val k = { 8, &root }, v = { sizeof r, r };
            check(mdb_put(t, dbi, &k, &v, 0), "put");
            check(mdb_txn_commit(t), "commit");
            prev = oop;
        }
        printf("%f\n", now() - t0);
    } else if (strcmp(w, "w2") == 0) {   /* one commit of n nodes + the index array */
        uint64_t b2 = base + ((uint64_t)1 << 32);
        check(mdb_txn_begin(env, NULL, 0, &t), "begin");
        uint64_t prev = 0;
        for (long i = 0; i < n; i++) {
            uint64_t oop = b2 + 16 * (uint64_t)i;
            put_node(t, dbi, oop, prev, (uint64_t)i, MDB_APPEND);
            prev = oop;
        }
        /* the index array record: n refs of 10 bytes (maglev's Array of all nodes) */
        size_t alen = 16 + 10 * (size_t)n;
        unsigned char *a = calloc(1, alen);
        for (long i = 0; i < n; i++) {
            uint64_t oop = b2 + 16 * (uint64_t)i;
            memcpy(a + 16 + 10 * i, &oop, 8);
        }
        memcpy(a, &n, 8);
        uint64_t akey = 16;   /* below the nodes: an ordinary put */
        MDB_val k = { 8, &akey }, v = { alen, a };
        check(mdb_put(t, dbi, &k, &v, 0), "put");
        unsigned char r[NODE_SIZE] = {0};
        memcpy(r + 8, &akey, 8);
        MDB_val k2 = { 8, &root }, v2 = { sizeof r, r };
        check(mdb_put(t, dbi, &k2, &v2, 0), "put");
        check(mdb_txn_commit(t), "commit");
        free(a);
        printf("%f\n", now() - t0);
    } else if (strcmp(w, "w3") == 0) {   /* walk the chain from the last node, n random lookups */
        check(mdb_txn_begin(env, NULL, MDB_RDONLY, &t), "begin");
        uint64_t akey = 16;
        MDB_val k = { 8, &akey }, v;
        check(mdb_get(t, dbi, &k, &v), "get index");
        uint64_t count;
        memcpy(&count, v.mv_data, 8);
        const unsigned char *a = v.mv_data;
        uint64_t oop;
        memcpy(&oop, a + 16 + 10 * (count - 1), 8);
        uint64_t sum = 0, len = 0;
        while (oop) {
            MDB_val kk = { 8, &oop }, vv;
            check(mdb_get(t, dbi, &kk, &vv), "get node");
            uint64_t i, skey = oop + 8;
            memcpy(&i, (char *)vv.mv_data + 8, 8);
            sum += i;
            MDB_val ks = { 8, &skey }, vs;
            check(mdb_get(t, dbi, &ks, &vs), "get string");
            len += vs.mv_size;
            memcpy(&oop, vv.mv_data, 8);
        }
        double walk = now() - t0;
        t0 = now();
        srand(42);
        for (long j = 0; j < n; j++) {
            uint64_t idx = (uint64_t)rand() % count;
            memcpy(&oop, a + 16 + 10 * idx, 8);
            MDB_val kk = { 8, &oop }, vv;
            check(mdb_get(t, dbi, &kk, &vv), "get node");
            uint64_t i;
            memcpy(&i, (char *)vv.mv_data + 8, 8);
            sum += i;
        }
        printf("%f %f %llu %llu\n", walk, now() - t0, (unsigned long long)sum, (unsigned long long)len);
        mdb_txn_abort(t);
    } else {
        fprintf(stderr, "raw_lmdb: unknown workload %s\n", w);
        return 2;
    }
    mdb_env_close(env);
    return 0;
}
