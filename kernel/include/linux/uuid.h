/* Faithful: uuid_t (the host id in struct nvmf_ctrl_options). */
#ifndef NVTSIM_K_UUID_H
#define NVTSIM_K_UUID_H

#include <linux/types.h>
#include <string.h>

#define UUID_SIZE 16
typedef struct {
	__u8 b[UUID_SIZE];
} uuid_t;

static inline bool uuid_equal(const uuid_t *u1, const uuid_t *u2)
{
	return memcmp(u1, u2, sizeof(uuid_t)) == 0;
}

static inline void uuid_copy(uuid_t *dst, const uuid_t *src)
{
	memcpy(dst, src, sizeof(uuid_t));
}

static inline bool uuid_is_null(const uuid_t *uuid)
{
	static const uuid_t null;

	return uuid_equal(uuid, &null);
}

#endif
