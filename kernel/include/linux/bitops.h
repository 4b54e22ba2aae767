/*
 * Simulation point: test_bit / set_bit / clear_bit from harness/include.
 * Faithful: the test-and-modify forms, used on queue->flags only by queue
 * set-up and teardown (control path), are plain here.
 */
#ifndef NVTSIM_K_BITOPS_H
#define NVTSIM_K_BITOPS_H

#include_next <linux/bitops.h>
#include <linux/bits.h>

static inline bool test_and_set_bit(long nr, unsigned long *addr)
{
	unsigned long m = BIT_MASK(nr), *p = addr + BIT_WORD(nr);
	bool old = *p & m;

	*p |= m;
	return old;
}

static inline bool test_and_clear_bit(long nr, unsigned long *addr)
{
	unsigned long m = BIT_MASK(nr), *p = addr + BIT_WORD(nr);
	bool old = *p & m;

	*p &= ~m;
	return old;
}

#define __set_bit(nr, addr) ((void)test_and_set_bit((nr), (addr)))
#define __clear_bit(nr, addr) ((void)test_and_clear_bit((nr), (addr)))
#define fls(x) ((x) ? 32 - __builtin_clz(x) : 0)
#define ffs(x) __builtin_ffs(x)
#define hweight32(x) __builtin_popcount(x)
#define ilog2(n) (63 - __builtin_clzll(n))

#endif
