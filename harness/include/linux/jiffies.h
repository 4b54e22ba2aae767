/* Faithful over virtual time: one jiffy is quota_steps of the running context's own steps (HZ=1000). */
#ifndef NVTSIM_LINUX_JIFFIES_H
#define NVTSIM_LINUX_JIFFIES_H

#include <sim_shim.h>

#define HZ 1000
#define jiffies ((unsigned long)(sim_clock_steps() / sim_steps_per_jiffy()))
#define msecs_to_jiffies(ms) ((unsigned long)(ms) * HZ / 1000)
#define time_after(a, b) ((long)((b) - (a)) < 0)

#endif
