/* pg_copy.h -- the rows of a big commit through binary COPY (pg_copy.c;
 * pg_backend.c's P9 says when and why). Used by pg_backend.c only. */
#ifndef MG_STORE_PG_COPY_H
#define MG_STORE_PG_COPY_H

#include "backend.h"
#include <libpq-fe.h>

/* Sends the n writes as rows (oop, version, data, cls) of mg_obj through one
 * COPY ... FROM STDIN (FORMAT binary) on conn, inside the caller's open
 * transaction: data is the record header (u32 format, u32 CRC-32C of the
 * payload, in the byte order pg_backend.c writes them) and the payload, NULL
 * for a removal; cls what class_of answers (NULL: none, a removal, or no
 * class_of). Returns the COPY's final result (the caller checks and clears
 * it); a failure on this side (out of memory) makes the COPY itself fail,
 * with a message saying so, so the transaction cannot commit half of it. */
PGresult *mg_pg_copy_rows(PGconn *conn, const MgWrite *writes, size_t n, uint64_t version,
                          MgClassOf class_of, uint32_t format);

#endif
