/* Byte rings: copies in and out of a fixed buffer that wrap at its end. */
#ifndef NVTSIM_RING_H
#define NVTSIM_RING_H

#include <stdint.h>
#include <string.h>

/* Copy n bytes from src into ring (size bytes) starting at position at (any value). */
static inline void sim_ring_write(uint8_t *ring, uint32_t size, uint32_t at,
				  const uint8_t *src, uint32_t n)
{
	uint32_t pos = at % size;
	uint32_t first = n < size - pos ? n : size - pos;

	memcpy(ring + pos, src, first);
	memcpy(ring, src + first, n - first);
}

/* Copy n bytes out of ring (size bytes) from position at (any value) to dst. */
static inline void sim_ring_read(const uint8_t *ring, uint32_t size,
				 uint32_t at, uint8_t *dst, uint32_t n)
{
	uint32_t pos = at % size;
	uint32_t first = n < size - pos ? n : size - pos;

	memcpy(dst, ring + pos, first);
	memcpy(dst + first, ring, n - first);
}

#endif
