/* Stub: fault injection is configured off; struct fault_attr exists for the structs that name it. */
#ifndef NVTSIM_K_FAULT_INJECT_H
#define NVTSIM_K_FAULT_INJECT_H

struct fault_attr {
	unsigned long probability;
	unsigned long interval;
};

#endif
