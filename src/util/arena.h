/* arena.h -- a bump allocator: many small allocations, all freed at once.
 * The parser puts every node, string and scratch list in one Arena, so a
 * syntax error (which longjmps inside the parser) cannot leak. */
#ifndef MG_ARENA_H
#define MG_ARENA_H

#include "../common.h"

typedef struct Arena Arena;

/* A new empty arena. Aborts on out of memory (like the symbol table). */
Arena *mg_arena_new(void);
/* n bytes, zeroed, aligned to 8. Never fails (aborts on OOM). */
void *mg_arena_alloc(Arena *a, size_t n);
/* Resize p (allocated with old bytes) to n bytes, keeping its contents; extends
 * in place when p is the most recent allocation. Returns the new pointer. */
void *mg_arena_grow(Arena *a, void *p, size_t old, size_t n);
/* A NUL-terminated copy of s[0..n). */
char *mg_arena_strndup(Arena *a, const char *s, size_t n);
/* Bytes handed out so far (for tests and limits). */
size_t mg_arena_used(const Arena *a);
/* Free the arena and everything allocated in it. a may be NULL. */
void mg_arena_free(Arena *a);

#endif
