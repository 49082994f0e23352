/* pg_copy.c -- the rows of a big commit through binary COPY (pg_copy.h).
 * The stream is PostgreSQL's binary COPY format: an 11-byte signature, a
 * flags word and an empty header extension, then per row a 16-bit field
 * count and each field as a 32-bit length (-1: NULL) and its bytes, all
 * integers big-endian, and a 16-bit -1 at the end. Rows are gathered in a
 * buffer of CHUNK bytes; a payload larger than a chunk goes out as it is,
 * without a copy. */
#include "pg_copy.h"
#include "../util/crc32c.h"
#include <stdlib.h>
#include <string.h>

#define CHUNK    (1 << 20)
#define HEADER   8             /* u32 format, u32 crc32c(payload): pg_backend.c's PG_HEADER */

typedef struct {
    PGconn *conn;
    char *buf;
    size_t len;
    bool failed;               /* PQputCopyData failed: the connection reports why */
} Out;

static void
flush_out(Out *o)
{
    if (o->len && !o->failed && PQputCopyData(o->conn, o->buf, (int)o->len) != 1) o->failed = true;
    o->len = 0;
}

static void
put_bytes(Out *o, const void *p, size_t n)
{
    if (o->len + n > CHUNK) flush_out(o);
    if (n > CHUNK) {
        if (!o->failed && PQputCopyData(o->conn, p, (int)n) != 1) o->failed = true;
        return;
    }
    memcpy(o->buf + o->len, p, n);
    o->len += n;
}

static void
put_be(Out *o, uint64_t x, int bytes)
{
    unsigned char u[8];
    for (int i = 0; i < bytes; i++) u[i] = (unsigned char)(x >> (8 * (bytes - 1 - i)));
    put_bytes(o, u, (size_t)bytes);
}

static void
put_int8(Out *o, uint64_t x)
{
    put_be(o, 8, 4);
    put_be(o, x, 8);
}

/* The end of a COPY whose start failed, or after PQputCopyEnd: its result. */
static PGresult *
copy_result(PGconn *conn)
{
    PGresult *res = PQgetResult(conn), *next;
    while ((next = PQgetResult(conn))) {     /* the COPY's result is the last one before NULL */
        PQclear(res);
        res = next;
    }
    return res;
}

PGresult *
mg_pg_copy_rows(PGconn *conn, const MgWrite *writes, size_t n, uint64_t version,
                MgClassOf class_of, uint32_t format)
{
    PGresult *res = PQexec(conn, "COPY mg_obj (oop, version, data, cls) FROM STDIN (FORMAT binary)");
    if (!res || PQresultStatus(res) != PGRES_COPY_IN) return res;
    PQclear(res);
    Out o = { conn, malloc(CHUNK), 0, false };
    if (!o.buf) {
        PQputCopyEnd(conn, "maglev: out of memory while sending the commit's rows");
        return copy_result(conn);
    }
    static const char signature[11] = "PGCOPY\n\377\r\n";
    put_bytes(&o, signature, sizeof signature);
    put_be(&o, 0, 4);                         /* flags */
    put_be(&o, 0, 4);                         /* header extension length */
    for (size_t i = 0; i < n && !o.failed; i++) {
        const MgWrite *w = &writes[i];
        put_be(&o, 4, 2);
        put_int8(&o, w->oop);
        put_int8(&o, version);
        if (w->remove) {
            put_be(&o, 0xFFFFFFFFu, 4);
            put_be(&o, 0xFFFFFFFFu, 4);
            continue;
        }
        uint32_t crc = mg_crc32c(w->data, w->len);
        put_be(&o, HEADER + w->len, 4);
        put_bytes(&o, &format, 4);
        put_bytes(&o, &crc, 4);
        put_bytes(&o, w->data, w->len);
        uint64_t cls = class_of ? class_of(w->data, w->len) : 0;
        if (cls) put_int8(&o, cls);
        else put_be(&o, 0xFFFFFFFFu, 4);
    }
    put_be(&o, 0xFFFF, 2);                    /* the trailer */
    flush_out(&o);
    free(o.buf);
    if (!o.failed) PQputCopyEnd(conn, NULL);
    return copy_result(conn);
}
