/* Stub: xarrays and IDAs, embedded in nvme core structs and never used by tcp.c. */
#ifndef NVTSIM_K_XARRAY_H
#define NVTSIM_K_XARRAY_H

#include <linux/spinlock.h>

struct xarray {
	spinlock_t xa_lock;
	unsigned int xa_flags;
	void *xa_head;
};

struct ida {
	struct xarray xa;
};

#endif
