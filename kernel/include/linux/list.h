/*
 * Simulation point: harness/include's list_head (shared with the world);
 * the iterators and static initializers added here read the links
 * directly and are used on the controller list alone (control path).
 */
#ifndef NVTSIM_K_LIST_H
#define NVTSIM_K_LIST_H

#include_next <linux/list.h>

#define LIST_HEAD_INIT(name) { &(name), &(name), NULL }
#define LIST_HEAD(name) struct list_head name = LIST_HEAD_INIT(name)
#define list_first_entry(ptr, type, member) list_entry((ptr)->next, type, member)
#define list_next_entry(pos, member) list_entry((pos)->member.next, __typeof__(*(pos)), member)
#define list_entry_is_head(pos, head, member) (&pos->member == (head))
#define list_for_each_entry(pos, head, member) \
	for (pos = list_first_entry(head, __typeof__(*pos), member); \
	     !list_entry_is_head(pos, head, member); \
	     pos = list_next_entry(pos, member))
#define list_for_each_entry_safe(pos, n, head, member) \
	for (pos = list_first_entry(head, __typeof__(*pos), member), \
	     n = list_next_entry(pos, member); \
	     !list_entry_is_head(pos, head, member); \
	     pos = n, n = list_next_entry(n, member))

#endif
