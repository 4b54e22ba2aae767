/* Faithful: sockptr_t (a kernel pointer here). */
#ifndef NVTSIM_K_SOCKPTR_H
#define NVTSIM_K_SOCKPTR_H

#include <linux/types.h>

typedef struct {
	void *kernel;
	bool is_kernel;
} sockptr_t;

static inline sockptr_t KERNEL_SOCKPTR(void *p)
{
	return (sockptr_t) { .kernel = p, .is_kernel = true };
}

#endif
