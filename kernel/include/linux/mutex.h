/* Simulation point: harness/include's struct mutex (shared with the world), plus the kernel's static initializers. */
#ifndef NVTSIM_K_MUTEX_H
#define NVTSIM_K_MUTEX_H

#include_next <linux/mutex.h>

#define DEFINE_MUTEX(m) struct mutex m = { .owner = 0, .name = #m }
#define mutex_destroy(m) ((void)(m))
#define mutex_is_locked(m) ((m)->owner != 0)

#endif
