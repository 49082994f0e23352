/* crc32c.c -- CRC-32C (polynomial 0x1EDC6F41, reflected 0x82F63B78; initial
 * and final value 0xFFFFFFFF), see crc32c.h. */
#include "crc32c.h"
#include <string.h>

#define POLY 0x82F63B78u

static uint32_t table[256];
static int have_table;

static void
make_table(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) c = (c >> 1) ^ (POLY & (0u - (c & 1)));
        table[i] = c;
    }
    have_table = 1;
}

static uint32_t
crc_soft(uint32_t c, const unsigned char *p, size_t n)
{
    if (!have_table) make_table();
    while (n--) c = table[(c ^ *p++) & 0xff] ^ (c >> 8);
    return c;
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <nmmintrin.h>

__attribute__((target("sse4.2"))) static uint32_t
crc_hw(uint32_t c32, const unsigned char *p, size_t n)
{
    uint64_t c = c32;
    for (; n >= 8; p += 8, n -= 8) {
        uint64_t v;
        memcpy(&v, p, 8);
        c = _mm_crc32_u64(c, v);
    }
    uint32_t d = (uint32_t)c;
    while (n--) d = _mm_crc32_u8(d, *p++);
    return d;
}

uint32_t
mg_crc32c(const void *data, size_t len)
{
    static int hw = -1;
    if (hw < 0) hw = __builtin_cpu_supports("sse4.2") ? 1 : 0;
    uint32_t c = hw ? crc_hw(0xFFFFFFFFu, data, len) : crc_soft(0xFFFFFFFFu, data, len);
    return c ^ 0xFFFFFFFFu;
}
#else
uint32_t
mg_crc32c(const void *data, size_t len)
{
    return crc_soft(0xFFFFFFFFu, data, len) ^ 0xFFFFFFFFu;
}
#endif
