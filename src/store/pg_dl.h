/* pg_dl.h -- libpq on demand (pg_dl.c). */
#ifndef MG_STORE_PG_DL_H
#define MG_STORE_PG_DL_H

#include <libpq-fe.h>
#include <stdbool.h>
#include <stddef.h>

/* Loads libpq the first time (every later call answers true at once); on
 * failure, false with why (n bytes) saying what is missing. Before it has
 * answered true, no libpq function may be called. */
bool mg_pq_load(char *why, size_t n);

#endif
