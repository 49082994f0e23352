/* pg_admin.h -- the PostgreSQL backend's stone token and commit
 * notification (pg_admin.c has the design). Used by pg_backend.c only: it
 * hands over its connection, and keeps the error text these return. */
#ifndef MG_STORE_PG_ADMIN_H
#define MG_STORE_PG_ADMIN_H

#include "backend.h"
#include <libpq-fe.h>

/* The stone token (A1): takes it on conn when free, keeps it when held;
 * out says who holds it. Also sets conn's application_name to
 * "maglev PID stone HOST" (no view open, P4). */
MgStoreErr mg_pga_token(PGconn *conn, MgStoneToken *out, char *err, size_t errsize);

/* Commit notification (A2-A4): the LISTEN connection of one handle. */
typedef struct MgPgListen MgPgListen;
MgPgListen *mg_pgl_new(void);
void        mg_pgl_free(MgPgListen *l);
/* mg_repo_wait_commit's contract; main is the handle's connection, whose
 * parameters the LISTEN connection copies. */
MgStoreErr  mg_pgl_wait(MgPgListen *l, PGconn *main, uint64_t after, int timeout_ms, uint64_t *seq,
                        char *err, size_t errsize);
int         mg_pgl_fd(const MgPgListen *l);
/* For MAGLEV_PG_STATS: calls of mg_pgl_wait, queries it made, notifications it read. */
void        mg_pgl_counts(const MgPgListen *l, uint64_t *waits, uint64_t *queries, uint64_t *notes);

/* A second connection with main's parameters and application_name
 * "maglev-ROLE PID" (no view, P4), notices dropped; NULL when out of
 * memory, else check its status. */
PGconn     *mg_pg_connect_like(PGconn *main, const char *role);

#endif
