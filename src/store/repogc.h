/* repogc.h -- repository garbage collection and the integrity walk of
 * references (repogc.c; the protocol is its design comment). Storage backend
 * and scan.c only: bin/maglev and the stone use it, no VM. */
#ifndef MG_STORE_REPOGC_H
#define MG_STORE_REPOGC_H

#include "backend.h"
#include <stdio.h>

/* The mark phase, in one snapshot. */
typedef struct {
    uint64_t seq;              /* the snapshot's commit sequence: the round's mark sequence S */
    uint64_t records, bytes;   /* records (and their bytes) in the snapshot */
    uint64_t roots;            /* records under well-known OOPs (< 2^20): the roots */
    uint64_t marked;           /* records reachable from the roots */
    uint64_t *dead; size_t ndead;   /* the others (ascending): possibly dead */
    uint64_t dead_bytes;
    uint64_t corrupt;          /* records whose header or payload does not decode */
    uint64_t dangling;         /* references to an OOP that is neither a record nor well-known */
    double secs;
} MgGcMark;

/* Problems found (check mode: every record is scanned; else the reachable
 * ones) go to report(arg, line) when report is not NULL. Fails with
 * MG_STORE_CORRUPT when a reachable record does not scan unless check. */
MgStoreErr mg_gc_mark(MgRepo *r, bool check, MgGcMark *out, void (*report)(void *arg, const char *line), void *arg);
void mg_gc_mark_free(MgGcMark *m);

/* Whether oop is a well-known OOP of the base image: the root, main, or a
 * core class or module (coreclasses.def). */
bool mg_gc_wellknown(uint64_t oop);

/* A whole collection: mark, open a round, wait up to timeout_ms for every
 * live session's vote, sweep. Writes what it did to out (lines), and on a
 * timeout which session it waits for (the round is dropped). */
typedef struct {
    bool swept;
    uint64_t round, candidates, kept, freed, bytes, records_before, records_after;
    size_t waiting;
    int waiting_pid;
    double mark_secs, wait_secs, sweep_secs;
} MgGcResult;
MgStoreErr mg_gc_collect(MgRepo *r, int timeout_ms, MgGcResult *res);
void mg_gc_print(FILE *out, const MgGcResult *res);
/* Opens a round without waiting (the stone's periodic collection); *round = its number. */
MgStoreErr mg_gc_start(MgRepo *r, uint64_t *round, MgGcMark *mark);
/* The GC state for `maglev status`, one line without "gc: ". */
void mg_gc_state_line(MgRepo *r, char *buf, size_t size);

#endif
