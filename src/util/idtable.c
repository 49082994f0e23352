/* idtable.c -- insertion-ordered ID -> uint64 map (see idtable.h).
 * Small tables (<= 8 entries) are searched linearly; larger ones get an
 * open-addressing index of dense positions, rebuilt when it fills. */
#include "idtable.h"
#include "../gc/gc.h"

#define LINEAR_MAX 8

static uint32_t
id_hash(ID id)
{
    uint32_t h = id * 2654435761u;
    return h ^ (h >> 15);
}

IdTable *
mg_idtable_new(void)
{
    return mg_calloc(1, sizeof(IdTable));
}

void
mg_idtable_free(IdTable *t)
{
    if (!t) return;
    mg_free(t->keys, t->capacity * sizeof(ID));
    mg_free(t->vals, t->capacity * sizeof(uint64_t));
    mg_free(t->index, t->index_capacity * sizeof(uint32_t));
    mg_free(t, sizeof *t);
}

static void
build_index(IdTable *t, uint32_t capacity)
{
    mg_free(t->index, t->index_capacity * sizeof(uint32_t));
    t->index = mg_calloc(capacity, sizeof(uint32_t));
    t->index_capacity = capacity;
    for (uint32_t i = 0; i < t->count; i++) {
        if (!t->keys[i]) continue;
        uint32_t s = id_hash(t->keys[i]) & (capacity - 1);
        while (t->index[s]) s = (s + 1) & (capacity - 1);
        t->index[s] = i + 1;
    }
}

/* Dense position of key, or -1. */
static int64_t
find(const IdTable *t, ID key)
{
    if (!t || key == 0) return -1;
    if (!t->index_capacity) {
        for (uint32_t i = 0; i < t->count; i++)
            if (t->keys[i] == key) return i;
        return -1;
    }
    uint32_t mask = t->index_capacity - 1;
    for (uint32_t s = id_hash(key) & mask; t->index[s]; s = (s + 1) & mask) {
        uint32_t pos = t->index[s] - 1;
        if (t->keys[pos] == key) return pos;
    }
    return -1;
}

bool
mg_idtable_get(const IdTable *t, ID key, uint64_t *val)
{
    int64_t pos = find(t, key);
    if (pos < 0) return false;
    if (val) *val = t->vals[pos];
    return true;
}

static void
compact(IdTable *t)
{
    uint32_t j = 0;
    for (uint32_t i = 0; i < t->count; i++) {
        if (!t->keys[i]) continue;
        t->keys[j] = t->keys[i];
        t->vals[j] = t->vals[i];
        j++;
    }
    t->count = j;
}

void
mg_idtable_set(IdTable *t, ID key, uint64_t val)
{
    ASSERT(key != 0);
    int64_t pos = find(t, key);
    if (pos >= 0) { t->vals[pos] = val; return; }
    if (t->count == t->capacity) {
        if (t->live < t->count / 2) {
            compact(t);
        } else {
            uint32_t cap = t->capacity ? t->capacity * 2 : 4;
            t->keys = mg_realloc(t->keys, t->capacity * sizeof(ID), cap * sizeof(ID));
            t->vals = mg_realloc(t->vals, t->capacity * sizeof(uint64_t), cap * sizeof(uint64_t));
            t->capacity = cap;
        }
        if (t->index_capacity) build_index(t, t->index_capacity);
    }
    uint32_t i = t->count++;
    t->keys[i] = key;
    t->vals[i] = val;
    t->live++;
    if (t->count > LINEAR_MAX) {
        if (t->count * 2 > t->index_capacity) {
            uint32_t cap = t->index_capacity ? t->index_capacity : 16;
            while (t->count * 2 > cap) cap *= 2;
            build_index(t, cap);
        } else {
            uint32_t mask = t->index_capacity - 1;
            uint32_t s = id_hash(key) & mask;
            while (t->index[s]) s = (s + 1) & mask;
            t->index[s] = i + 1;
        }
    }
}

bool
mg_idtable_delete(IdTable *t, ID key, uint64_t *old)
{
    int64_t pos = find(t, key);
    if (pos < 0) return false;
    if (old) *old = t->vals[pos];
    t->keys[pos] = 0;
    t->vals[pos] = 0;
    t->live--;
    if (t->index_capacity) build_index(t, t->index_capacity);
    return true;
}

uint32_t
mg_idtable_size(const IdTable *t)
{
    return t ? t->live : 0;
}

bool
mg_idtable_next(const IdTable *t, uint32_t *iter, ID *key, uint64_t *val)
{
    if (!t) return false;
    while (*iter < t->count) {
        uint32_t i = (*iter)++;
        if (!t->keys[i]) continue;
        if (key) *key = t->keys[i];
        if (val) *val = t->vals[i];
        return true;
    }
    return false;
}

IdTable *
mg_idtable_copy(const IdTable *t)
{
    IdTable *c = mg_idtable_new();
    ID k;
    uint64_t v;
    for (uint32_t i = 0; mg_idtable_next(t, &i, &k, &v);) mg_idtable_set(c, k, v);
    return c;
}
