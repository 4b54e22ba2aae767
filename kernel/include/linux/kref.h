/* Faithful: reference counts (single-threaded here: plain integers). */
#ifndef NVTSIM_K_KREF_H
#define NVTSIM_K_KREF_H

#include <linux/types.h>

struct kref {
	refcount_t refcount;
};

static inline void kref_init(struct kref *k)
{
	k->refcount.refs.counter = 1;
}

static inline void kref_get(struct kref *k)
{
	k->refcount.refs.counter++;
}

static inline int kref_put(struct kref *k, void (*release)(struct kref *k))
{
	if (--k->refcount.refs.counter == 0) {
		release(k);
		return 1;
	}
	return 0;
}

#endif
