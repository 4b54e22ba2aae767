/* Simulation point: harness/include's lock-less list (shared with the world), plus its iterators. */
#ifndef NVTSIM_K_LLIST_H
#define NVTSIM_K_LLIST_H

#include_next <linux/llist.h>

#define llist_for_each_entry(pos, node, member) \
	for ((pos) = llist_entry((node), __typeof__(*(pos)), member); \
	     (uintptr_t)(pos) + offsetof(__typeof__(*(pos)), member) != 0; \
	     (pos) = llist_entry((pos)->member.next, __typeof__(*(pos)), member))

#endif
