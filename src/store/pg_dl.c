/* pg_dl.c -- libpq, loaded when the first PostgreSQL repository is opened.
 *
 * Linking libpq brings some twenty libraries (GnuTLS, Kerberos, LDAP, SASL,
 * ...) into every process: 2 ms of start-up and 4 MB of resident memory
 * for each `maglev-ruby -e 1`, though most processes never open a
 * PostgreSQL repository. So maglev defines the libpq functions its backend
 * calls (the prototypes are libpq-fe.h's) as forwarders to the real ones,
 * which mg_pq_load finds with dlopen/dlsym the first time pg_open runs; the
 * backend's code calls libpq as usual. The list below is the only one. */
#include "pg_dl.h"
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

/* F(ret, name, params, args): a function; V(name, params, args): one returning nothing */
#define MG_PQ_FUNCS(F, V) \
    F(PGconn *, PQconnectdb, (const char *a), (a)) \
    F(PGconn *, PQconnectdbParams, (const char *const *a, const char *const *b, int c), (a, b, c)) \
    F(PQconninfoOption *, PQconninfo, (PGconn *a), (a)) \
    V(PQconninfoFree, (PQconninfoOption *a), (a)) \
    V(PQfinish, (PGconn *a), (a)) \
    V(PQreset, (PGconn *a), (a)) \
    F(ConnStatusType, PQstatus, (const PGconn *a), (a)) \
    F(PGTransactionStatusType, PQtransactionStatus, (const PGconn *a), (a)) \
    F(char *, PQerrorMessage, (const PGconn *a), (a)) \
    F(int, PQsocket, (const PGconn *a), (a)) \
    F(PGpipelineStatus, PQpipelineStatus, (const PGconn *a), (a)) \
    F(PQnoticeProcessor, PQsetNoticeProcessor, (PGconn *a, PQnoticeProcessor b, void *c), (a, b, c)) \
    F(PGresult *, PQexec, (PGconn *a, const char *b), (a, b)) \
    F(PGresult *, PQexecParams, (PGconn *a, const char *b, int c, const Oid *d, const char *const *e, \
                                 const int *f, const int *g, int h), (a, b, c, d, e, f, g, h)) \
    F(PGresult *, PQprepare, (PGconn *a, const char *b, const char *c, int d, const Oid *e), (a, b, c, d, e)) \
    F(PGresult *, PQexecPrepared, (PGconn *a, const char *b, int c, const char *const *d, const int *e, \
                                   const int *f, int g), (a, b, c, d, e, f, g)) \
    F(int, PQsendQuery, (PGconn *a, const char *b), (a, b)) \
    F(int, PQenterPipelineMode, (PGconn *a), (a)) \
    F(int, PQpipelineSync, (PGconn *a), (a)) \
    F(int, PQsendQueryParams, (PGconn *a, const char *b, int c, const Oid *d, const char *const *e, \
                               const int *f, const int *g, int h), (a, b, c, d, e, f, g, h)) \
    F(PGresult *, PQgetResult, (PGconn *a), (a)) \
    F(int, PQconsumeInput, (PGconn *a), (a)) \
    F(PGnotify *, PQnotifies, (PGconn *a), (a)) \
    F(int, PQputCopyData, (PGconn *a, const char *b, int c), (a, b, c)) \
    F(int, PQputCopyEnd, (PGconn *a, const char *b), (a, b)) \
    F(ExecStatusType, PQresultStatus, (const PGresult *a), (a)) \
    F(char *, PQresultErrorMessage, (const PGresult *a), (a)) \
    F(char *, PQresultErrorField, (const PGresult *a, int b), (a, b)) \
    F(int, PQntuples, (const PGresult *a), (a)) \
    F(int, PQnfields, (const PGresult *a), (a)) \
    F(char *, PQgetvalue, (const PGresult *a, int b, int c), (a, b, c)) \
    F(int, PQgetlength, (const PGresult *a, int b, int c), (a, b, c)) \
    F(int, PQgetisnull, (const PGresult *a, int b, int c), (a, b, c)) \
    V(PQclear, (PGresult *a), (a)) \
    V(PQfreemem, (void *a), (a))

#define FIELD(ret, name, params, args) ret (*name) params;
#define VFIELD(name, params, args) void (*name) params;
static struct { MG_PQ_FUNCS(FIELD, VFIELD) } pq;

#define FORWARD(ret, name, params, args) ret name params { return pq.name args; }
#define VFORWARD(name, params, args) void name params { pq.name args; }
MG_PQ_FUNCS(FORWARD, VFORWARD)

bool
mg_pq_load(char *why, size_t n)
{
    static bool loaded;
    if (loaded) return true;
    void *h = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        snprintf(why, n, "PostgreSQL repositories need libpq (Debian's libpq5): %s", dlerror());
        return false;
    }
    const char *missing = NULL;
#define LOAD(ret, name, params, args) \
    if (!(*(void **)&pq.name = dlsym(h, #name)) && !missing) missing = #name;
#define VLOAD(name, params, args) LOAD(void, name, params, args)
    MG_PQ_FUNCS(LOAD, VLOAD)
    if (missing) {
        snprintf(why, n, "the libpq found (libpq.so.5) has no %s: it is too old for maglev (PostgreSQL 14's or newer)", missing);
        dlclose(h);
        return false;
    }
    loaded = true;
    return true;
}
