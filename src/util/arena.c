/* arena.c -- the bump allocator of arena.h: a list of chunks, the newest first;
 * big requests get a chunk of their own so the current chunk is not wasted. */
#include "arena.h"

#define CHUNK_SIZE (64 * 1024)

typedef struct Chunk {
    struct Chunk *next;
    size_t size, used;
    max_align_t data[];
} Chunk;

struct Arena {
    Chunk *head;
    size_t total;
    void *last;          /* most recent allocation, for in-place growth */
};

static void *
xmalloc(size_t n)
{
    void *p = malloc(n);
    if (!p) { fputs("maglev: out of memory in parser arena\n", stderr); abort(); }
    return p;
}

Arena *
mg_arena_new(void)
{
    Arena *a = xmalloc(sizeof *a);
    a->head = NULL;
    a->total = 0;
    a->last = NULL;
    return a;
}

static Chunk *
new_chunk(size_t size)
{
    Chunk *c = xmalloc(sizeof *c + size);
    c->size = size;
    c->used = 0;
    return c;
}

void *
mg_arena_alloc(Arena *a, size_t n)
{
    n = (n + 7) & ~(size_t)7;
    if (n == 0) n = 8;
    Chunk *c = a->head;
    if (!c || c->size - c->used < n) {
        if (n > CHUNK_SIZE / 4) {
            /* a big block: its own chunk, linked behind the current one */
            Chunk *big = new_chunk(n);
            big->used = n;
            if (c) { big->next = c->next; c->next = big; }
            else { big->next = NULL; a->head = big; }
            a->total += n;
            memset(big->data, 0, n);
            a->last = NULL;
            return big->data;
        }
        c = new_chunk(CHUNK_SIZE);
        c->next = a->head;
        a->head = c;
    }
    void *p = (char *)c->data + c->used;
    c->used += n;
    a->total += n;
    memset(p, 0, n);
    a->last = p;
    return p;
}

void *
mg_arena_grow(Arena *a, void *p, size_t old, size_t n)
{
    if (n <= old) return p;
    size_t old8 = (old + 7) & ~(size_t)7, n8 = (n + 7) & ~(size_t)7;
    Chunk *c = a->head;
    if (p && p == a->last && c && (char *)p + old8 == (char *)c->data + c->used
        && c->size - c->used >= n8 - old8) {
        memset((char *)c->data + c->used, 0, n8 - old8);
        c->used += n8 - old8;
        a->total += n8 - old8;
        return p;
    }
    void *q = mg_arena_alloc(a, n);
    if (p && old) memcpy(q, p, old);
    return q;
}

char *
mg_arena_strndup(Arena *a, const char *s, size_t n)
{
    char *p = mg_arena_alloc(a, n + 1);
    if (n) memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

size_t
mg_arena_used(const Arena *a)
{
    return a->total;
}

void
mg_arena_free(Arena *a)
{
    if (!a) return;
    for (Chunk *c = a->head, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    free(a);
}
