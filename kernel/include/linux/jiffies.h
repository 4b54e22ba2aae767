/* Faithful over virtual time: harness/include's jiffies, plus the conversions and sleeps (control path: stubs). */
#ifndef NVTSIM_K_JIFFIES_H
#define NVTSIM_K_JIFFIES_H

#include_next <linux/jiffies.h>
#include <linux/types.h>

#define time_before(a, b) time_after(b, a)
#define time_after_eq(a, b) ((long)((a) - (b)) >= 0)
#define time_before_eq(a, b) time_after_eq(b, a)
#define jiffies_to_msecs(j) ((unsigned int)(j) * 1000 / HZ)
#define secs_to_jiffies(s) ((unsigned long)(s) * HZ)
#define NSEC_PER_SEC 1000000000L
#define USEC_PER_SEC 1000000L
#define MSEC_PER_SEC 1000L

void msleep(unsigned int msecs);
unsigned long msleep_interruptible(unsigned int msecs);
void usleep_range(unsigned long min, unsigned long max);
void ssleep(unsigned int secs);

#endif
