/* crc32c.h -- CRC-32C (Castagnoli), the checksum of repository records
 * (docs/format.md): the CPU's crc32 instruction where there is one (SSE 4.2),
 * else a table computed at first use. */
#ifndef MG_UTIL_CRC32C_H
#define MG_UTIL_CRC32C_H

#include <stddef.h>
#include <stdint.h>

uint32_t mg_crc32c(const void *data, size_t len);

#endif
