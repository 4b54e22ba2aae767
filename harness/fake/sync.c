/* Shims for mutex, spinlock, llist, list_head and bitops: kernel semantics plus safety checks. */
#include <linux/bitops.h>
#include <linux/list.h>
#include <linux/llist.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>

#include "sim.h"
#include "trace.h"

static inline int sim__me(void)
{
	return sim_current_ctx() + 1;
}

static const char *sim__who(int owner)
{
	static char buf[SIM_NAME_BYTES + 8];
	struct sim_world *w = sim_cur;

	if (!owner)
		return "nobody";
	if (w && owner - 1 < (int)w->nctx)
		return w->ctx[owner - 1].name;
	snprintf(buf, sizeof(buf), "ctx%d", owner - 1);
	return buf;
}

void sim_mutex_init(struct mutex *m, const char *name)
{
	m->owner = 0;
	m->name = sim_short_name(name);
}

int sim_mutex_trylock(struct mutex *m, const char *fn)
{
	int got;

	sim_point(SIM_OP_MUTEX_TRYLOCK, m, m->name, fn);
	got = m->owner == 0;
	if (got)
		m->owner = sim__me();
	if (sim_tracing())
		sim_trace_op("mutex_trylock(%s) = %d%s%s", m->name, got,
			     got ? "" : ", held by ", got ? "" : sim__who(m->owner));
	return got;
}

void sim_mutex_lock(struct mutex *m, const char *fn)
{
	/* the scheduler runs us only once the mutex is free */
	sim_point(SIM_OP_MUTEX_LOCK, m, m->name, fn);
	if (m->owner == sim__me())
		sim_fail_safety("mutex_lock(%s): %s takes it twice (self-deadlock)",
				m->name, sim__who(m->owner));
	m->owner = sim__me();
	if (sim_tracing())
		sim_trace_op("mutex_lock(%s)", m->name);
}

void sim_mutex_unlock(struct mutex *m, const char *fn)
{
	sim_point(SIM_OP_MUTEX_UNLOCK, m, m->name, fn);
	if (m->owner != sim__me())
		sim_fail_safety("mutex_unlock(%s) by %s, but the owner is %s",
				m->name, sim__who(sim__me()), sim__who(m->owner));
	m->owner = 0;
	if (sim_tracing())
		sim_trace_op("mutex_unlock(%s)", m->name);
}

void sim_spin_lock_init(spinlock_t *l, const char *name)
{
	l->owner = 0;
	l->name = sim_short_name(name);
}

void sim_spin_lock(spinlock_t *l, const char *fn)
{
	sim_point(SIM_OP_SPIN_LOCK, l, l->name, fn);
	if (l->owner == sim__me())
		sim_fail_safety("spin_lock(%s): %s takes it twice", l->name,
				sim__who(l->owner));
	l->owner = sim__me();
	if (sim_tracing())
		sim_trace_op("spin_lock(%s)", l->name);
}

void sim_spin_unlock(spinlock_t *l, const char *fn)
{
	sim_point(SIM_OP_SPIN_UNLOCK, l, l->name, fn);
	if (l->owner != sim__me())
		sim_fail_safety("spin_unlock(%s) by %s, but the owner is %s",
				l->name, sim__who(sim__me()), sim__who(l->owner));
	l->owner = 0;
	if (sim_tracing())
		sim_trace_op("spin_unlock(%s)", l->name);
}

void sim_init_llist_head(struct llist_head *h, const char *name)
{
	h->first = NULL;
	h->name = sim_short_name(name);
}

bool sim_llist_add(struct llist_node *n, struct llist_head *h, const char *fn)
{
	bool was_empty;

	sim_point2(SIM_OP_LLIST_ADD, h, n, h->name, fn);
	if (n->sim_on)
		sim_fail_safety("llist_add to %s of a node already on a list",
				h->name);
	n->next = h->first;
	h->first = n;
	n->sim_on = h;
	was_empty = n->next == NULL;
	if (sim_tracing())
		sim_trace_op("llist_add(%s) = %d%s", h->name, was_empty,
			     was_empty ? " (was empty)" : "");
	return was_empty;
}

struct llist_node *sim_llist_del_all(struct llist_head *h, const char *fn)
{
	struct llist_node *first, *n;
	unsigned count = 0;

	sim_point(SIM_OP_LLIST_DEL_ALL, h, h->name, fn);
	first = h->first;
	h->first = NULL;
	for (n = first; n; n = n->next) {
		n->sim_on = NULL;
		count++;
	}
	if (sim_tracing())
		sim_trace_op("llist_del_all(%s) took %u", h->name, count);
	return first;
}

bool sim_llist_empty(const struct llist_head *h, const char *fn)
{
	bool empty;

	sim_point(SIM_OP_LLIST_EMPTY, h, h->name, fn);
	empty = h->first == NULL;
	if (sim_tracing())
		sim_trace_op("llist_empty(%s) = %d", h->name, empty);
	return empty;
}

void sim_init_list_head(struct list_head *h)
{
	h->next = h;
	h->prev = h;
	h->sim_on = NULL;
}

void sim_list_add(struct list_head *n, struct list_head *h, bool tail,
		  const char *name, const char *fn)
{
	struct list_head *prev = tail ? h->prev : h, *next = tail ? h : h->next;

	sim_point2(SIM_OP_LIST_ADD, h, n, name, fn);
	if (n->sim_on)
		sim_fail_safety("list_add to %s of an entry already on a list",
				sim_short_name(name));
	next->prev = n;
	n->next = next;
	n->prev = prev;
	prev->next = n;
	n->sim_on = h;
	if (sim_tracing())
		sim_trace_op("list_add%s(%s)", tail ? "_tail" : "",
			     sim_short_name(name));
}

void sim_list_del(struct list_head *n, bool reinit, const char *name,
		  const char *fn)
{
	/* the list, not the entry, is what other contexts race on */
	sim_point2(SIM_OP_LIST_DEL, n->sim_on ? (const void *)n->sim_on : n, n,
		   name, fn);
	if (!n->sim_on || n->next == n)
		sim_fail_safety("list_del(%s) of an entry on no list",
				sim_short_name(name));
	n->next->prev = n->prev;
	n->prev->next = n->next;
	n->sim_on = NULL;
	if (reinit) {
		n->next = n;
		n->prev = n;
	} else {
		/* like LIST_POISON: a later list_empty() on it is a bug */
		n->next = NULL;
		n->prev = NULL;
	}
	if (sim_tracing())
		sim_trace_op("list_del%s(%s)", reinit ? "_init" : "",
			     sim_short_name(name));
}

bool sim_list_empty(const struct list_head *h, const char *name, const char *fn)
{
	bool empty;

	sim_point(SIM_OP_LIST_EMPTY, h, name, fn);
	if (!h->next)
		sim_fail_safety("list_empty(%s) on a poisoned entry",
				sim_short_name(name));
	empty = h->next == h;
	if (sim_tracing())
		sim_trace_op("list_empty(%s) = %d", sim_short_name(name), empty);
	return empty;
}

struct list_head *sim_list_first(struct list_head *h, const char *name,
				 const char *fn)
{
	struct list_head *first;

	sim_point(SIM_OP_LIST_FIRST, h, name, fn);
	first = h->next == h ? NULL : h->next;
	if (sim_tracing())
		sim_trace_op("list_first_entry_or_null(%s) = %s",
			     sim_short_name(name), first ? "entry" : "NULL");
	return first;
}

bool sim_test_bit(int nr, const unsigned long *addr, const char *name,
		  const char *fn)
{
	bool set;

	sim_point(SIM_OP_TEST_BIT, addr, name, fn);
	set = (*addr >> nr) & 1;
	if (sim_tracing())
		sim_trace_op("test_bit(%d, %s) = %d", nr, sim_short_name(name),
			     set);
	return set;
}

void sim_set_bit(int nr, unsigned long *addr, const char *name, const char *fn)
{
	sim_point(SIM_OP_SET_BIT, addr, name, fn);
	*addr |= 1UL << nr;
	if (sim_tracing())
		sim_trace_op("set_bit(%d, %s)", nr, sim_short_name(name));
}

void sim_clear_bit(int nr, unsigned long *addr, const char *name,
		   const char *fn)
{
	sim_point(SIM_OP_CLEAR_BIT, addr, name, fn);
	*addr &= ~(1UL << nr);
	if (sim_tracing())
		sim_trace_op("clear_bit(%d, %s)", nr, sim_short_name(name));
}
