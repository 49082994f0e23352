/* symbol.c -- the symbol table: an open-addressing hash from name to ID
 * plus a dense array from ID to name. */
#include "symbol.h"

typedef struct { char *name; size_t len; uint64_t hash; unsigned tag; } SymEntry;

static SymEntry *syms;          /* by ID; ID 0 is reserved (never a valid symbol) */
static uint32_t sym_count = 1, sym_capacity;
static uint32_t *slots;         /* hash slots holding IDs, 0 = empty */
static uint32_t slot_capacity;  /* power of two */

static uint64_t
hash_bytes(const char *p, size_t len)
{
    uint64_t h = 1469598103934665603ULL;   /* FNV-1a */
    for (size_t i = 0; i < len; i++) { h ^= (unsigned char)p[i]; h *= 1099511628211ULL; }
    return h;
}

static void *
xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n);
    if (!q) { fputs("maglev: out of memory in symbol table\n", stderr); abort(); }
    return q;
}

static void
rehash(uint32_t capacity)
{
    free(slots);
    slots = calloc(capacity, sizeof *slots);
    if (!slots) { fputs("maglev: out of memory in symbol table\n", stderr); abort(); }
    slot_capacity = capacity;
    for (uint32_t id = 1; id < sym_count; id++) {
        uint32_t i = (uint32_t)syms[id].hash & (capacity - 1);
        while (slots[i]) i = (i + 1) & (capacity - 1);
        slots[i] = id;
    }
}

ID
mg_intern_tagged(const char *name, size_t len, unsigned tag)
{
    if (slot_capacity == 0) rehash(4096);
    uint64_t h = hash_bytes(name, len) + tag * 0x9E3779B97F4A7C15ULL;
    uint32_t i = (uint32_t)h & (slot_capacity - 1);
    for (uint32_t id; (id = slots[i]) != 0; i = (i + 1) & (slot_capacity - 1)) {
        SymEntry *e = &syms[id];
        if (e->hash == h && e->len == len && e->tag == tag && memcmp(e->name, name, len) == 0) return id;
    }
    if (sym_count >= sym_capacity) {
        sym_capacity = sym_capacity ? sym_capacity * 2 : 1024;
        syms = xrealloc(syms, sym_capacity * sizeof *syms);
    }
    ID id = sym_count++;
    char *copy = xrealloc(NULL, len + 1);
    memcpy(copy, name, len);
    copy[len] = '\0';
    syms[id] = (SymEntry){ copy, len, h, tag };
    slots[i] = id;
    if (sym_count * 2 > slot_capacity) rehash(slot_capacity * 2);
    return id;
}

ID
mg_intern(const char *name, size_t len)
{
    return mg_intern_tagged(name, len, 0);
}

unsigned
mg_id_tag(ID id)
{
    ASSERT(id > 0 && id < sym_count);
    return syms[id].tag;
}

ID
mg_intern_cstr(const char *name)
{
    return mg_intern(name, strlen(name));
}

const char *
mg_id_name(ID id, size_t *len)
{
    ASSERT(id > 0 && id < sym_count);
    if (len) *len = syms[id].len;
    return syms[id].name;
}

uint32_t
mg_symbol_count(void)
{
    return sym_count;
}
