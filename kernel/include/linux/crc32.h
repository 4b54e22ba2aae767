/* Stub: crc32c for the header and data digests (6.15+ trees; digests are configured off by nvtsim): declared only, a generated stub. */
#ifndef NVTSIM_K_CRC32_H
#define NVTSIM_K_CRC32_H

#include <linux/types.h>

u32 crc32c(u32 crc, const void *p, size_t len);

#endif
