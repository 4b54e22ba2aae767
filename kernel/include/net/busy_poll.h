/* Faithful: NET_RX_BUSY_POLL is configured off, as these inlines are then in the kernel. */
#ifndef NVTSIM_K_BUSY_POLL_H
#define NVTSIM_K_BUSY_POLL_H

#include <net/sock.h>

static inline bool sk_can_busy_loop(const struct sock *sk)
{
	return false;
}

static inline void sk_busy_loop(struct sock *sk, int nonblock)
{
}

#endif
