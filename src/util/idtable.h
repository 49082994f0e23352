/* idtable.h -- a small insertion-ordered hash map from ID to a 64-bit value
 * (a Value or a pointer). Used for method tables, constants, class variables,
 * ivar indexes. Memory from mg_malloc. Deleting keeps the order of the rest. */
#ifndef MG_IDTABLE_H
#define MG_IDTABLE_H

#include "../common.h"

struct IdTable {
    ID *keys;           /* dense, in insertion order; 0 = deleted */
    uint64_t *vals;
    uint32_t count;     /* dense entries used (including deleted) */
    uint32_t live;      /* entries not deleted */
    uint32_t capacity;  /* of keys/vals */
    uint32_t *index;    /* open-addressing slots holding dense position + 1; 0 = empty */
    uint32_t index_capacity; /* power of two, or 0 when count is small (linear scan) */
};
typedef struct IdTable IdTable;

IdTable *mg_idtable_new(void);
void     mg_idtable_free(IdTable *t);
bool     mg_idtable_get(const IdTable *t, ID key, uint64_t *val);   /* t may be NULL */
void     mg_idtable_set(IdTable *t, ID key, uint64_t val);
bool     mg_idtable_delete(IdTable *t, ID key, uint64_t *old);
uint32_t mg_idtable_size(const IdTable *t);                          /* live entries; t may be NULL */
/* Iterate: for (uint32_t i = 0; mg_idtable_next(t, &i, &k, &v); ) ... */
bool     mg_idtable_next(const IdTable *t, uint32_t *iter, ID *key, uint64_t *val);
IdTable *mg_idtable_copy(const IdTable *t);

#endif
