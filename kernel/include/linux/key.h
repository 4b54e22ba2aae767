/* Stub: keys and keyrings (TLS PSKs, configured off); declared, generated stubs. */
#ifndef NVTSIM_K_KEY_H
#define NVTSIM_K_KEY_H

#include <linux/types.h>

typedef s32 key_serial_t;
struct key {
	key_serial_t serial;
	const char *description;
};

void key_put(struct key *key);
struct key *key_get(struct key *key);
struct key *key_lookup(key_serial_t id);
static inline key_serial_t key_serial(const struct key *key)
{
	return key ? key->serial : 0;
}

#endif
