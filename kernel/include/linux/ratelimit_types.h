/* Stub: rate limits (error logging in the core); never used by tcp.c. */
#ifndef NVTSIM_K_RATELIMIT_TYPES_H
#define NVTSIM_K_RATELIMIT_TYPES_H

#include <linux/spinlock.h>

struct ratelimit_state {
	spinlock_t lock;
	int interval;
	int burst;
	int printed;
	int missed;
	unsigned long begin;
	unsigned long flags;
};

#endif
