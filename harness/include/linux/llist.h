/* Simulation point: lock-less list with kernel semantics; add to two lists is caught. */
#ifndef NVTSIM_LINUX_LLIST_H
#define NVTSIM_LINUX_LLIST_H

#include <linux/compiler.h>
#include <linux/types.h>

struct llist_node {
	struct llist_node *next;
	const void *sim_on;	/* the list it sits on, for the double-add check */
};

struct llist_head {
	struct llist_node *first;
	const char *name;
};

void sim_init_llist_head(struct llist_head *h, const char *name);
bool sim_llist_add(struct llist_node *n, struct llist_head *h, const char *fn);
struct llist_node *sim_llist_del_all(struct llist_head *h, const char *fn);
bool sim_llist_empty(const struct llist_head *h, const char *fn);

#define init_llist_head(h) sim_init_llist_head((h), #h)
#define llist_add(n, h) (SIM_AT(), sim_llist_add((n), (h), __func__))
#define llist_del_all(h) (SIM_AT(), sim_llist_del_all((h), __func__))
#define llist_empty(h) (SIM_AT(), sim_llist_empty((h), __func__))
#define llist_entry(ptr, type, member) container_of(ptr, type, member)

/* Faithful: the "on a list" convention of init_llist_node / llist_on_list. */
static inline void init_llist_node(struct llist_node *n)
{
	n->next = n;
	n->sim_on = NULL;
}

static inline bool llist_on_list(const struct llist_node *n)
{
	return n->next != n;
}

/*
 * Not kernel API: whether n is on h, for the drivers' read-only view
 * (harness/driver.h). Never a scheduling point, never instrumented.
 */
static inline __attribute__((__no_sanitize_thread__)) bool
sim_llist_has(const struct llist_head *h, const struct llist_node *n)
{
	const struct llist_node *p;

	for (p = h->first; p; p = p->next)
		if (p == n)
			return true;
	return false;
}

#endif
