/* Stub: timers are not simulated; struct timer_list exists for the structs that embed it. */
#ifndef NVTSIM_K_TIMER_H
#define NVTSIM_K_TIMER_H

#include <linux/types.h>

struct timer_list {
	unsigned long expires;
	void (*function)(struct timer_list *);
	u32 flags;
};

#endif
