/* Stub: SRCU (multipath's head->srcu); never used with NVME_MULTIPATH off. */
#ifndef NVTSIM_K_SRCU_H
#define NVTSIM_K_SRCU_H

#include <linux/types.h>

struct srcu_struct {
	int idx;
};

#endif
