/* common.h -- build switches, basic types, ASSERT / UNREACHABLE.
 * Every .c file includes this first. */
#ifndef MG_COMMON_H
#define MG_COMMON_H

#define _GNU_SOURCE 1
#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LIKELY(x)   __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#define NORETURN    __attribute__((noreturn))
#define PRINTF(f, a) __attribute__((format(printf, f, a)))
#define UNUSED(x)   ((void)(x))
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Our own bugs: abort with a location. User errors raise Ruby exceptions instead. */
NORETURN void mg_bug(const char *file, int line, const char *fmt, ...) PRINTF(3, 4);
#ifdef NDEBUG
#define ASSERT(c) ((void)0)
#else
#define ASSERT(c) (LIKELY(c) ? (void)0 : mg_bug(__FILE__, __LINE__, "assertion failed: %s", #c))
#endif
#define UNREACHABLE() mg_bug(__FILE__, __LINE__, "unreachable")

/* The value of hex digit c (either case), -1 for any other c (EOF too). */
static inline int
mg_hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Seconds on the monotonic clock (intervals, deadlines). */
double mg_clock(void);

/* Symbols are interned once per process; an ID is a dense index. */
typedef uint32_t ID;

#endif
