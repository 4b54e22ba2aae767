/* Simulation point: doubly linked list_head; every operation is an interleaving point. */
#ifndef NVTSIM_LINUX_LIST_H
#define NVTSIM_LINUX_LIST_H

#include <linux/compiler.h>
#include <linux/types.h>

struct list_head {
	struct list_head *next, *prev;
	struct list_head *sim_on;	/* head of the list this entry is on */
};

void sim_init_list_head(struct list_head *h);
void sim_list_add(struct list_head *n, struct list_head *h, bool tail,
		  const char *name, const char *fn);
void sim_list_del(struct list_head *n, bool reinit, const char *name,
		  const char *fn);
bool sim_list_empty(const struct list_head *h, const char *name, const char *fn);
struct list_head *sim_list_first(struct list_head *h, const char *name,
				 const char *fn);

#define INIT_LIST_HEAD(h) sim_init_list_head(h)
#define list_add(n, h) (SIM_AT(), sim_list_add((n), (h), false, #h, __func__))
#define list_add_tail(n, h) (SIM_AT(), sim_list_add((n), (h), true, #h, __func__))
#define list_del(n) (SIM_AT(), sim_list_del((n), false, #n, __func__))
#define list_del_init(n) (SIM_AT(), sim_list_del((n), true, #n, __func__))
#define list_empty(h) (SIM_AT(), sim_list_empty((h), #h, __func__))
#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_first_entry_or_null(h, type, member) ({ \
	SIM_AT(); \
	struct list_head *_f = sim_list_first((h), #h, __func__); \
	_f ? list_entry(_f, type, member) : NULL; \
})

/*
 * Not kernel API: whether n is on h, for the drivers' read-only view
 * (harness/driver.h). Never a scheduling point, never instrumented.
 */
static inline __attribute__((__no_sanitize_thread__)) bool
sim_list_has(const struct list_head *h, const struct list_head *n)
{
	const struct list_head *p;

	for (p = h->next; p && p != h; p = p->next)
		if (p == n)
			return true;
	return false;
}

#endif
