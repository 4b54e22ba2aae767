/* What one scheduling step reads and writes, for the partial-order reduction. */
#ifndef NVTSIM_FOOTPRINT_H
#define NVTSIM_FOOTPRINT_H

#include <stdbool.h>

#include "sim.h"

struct sim_fp {
	const void *obj[2];	/* shared objects touched; NULL: none */
	bool write;
};

/*
 * The footprint of context c's next step: the operation it announced at its
 * scheduling point. The reduction assumes what a step does besides that
 * operation is private to the context, protected by a lock whose operations
 * are visible (send_mutex, lock_sock, the old queue->lock), or ordered by
 * the wire (an R2T cannot arrive before its command was sent).
 */
void sim_footprint(const struct sim_world *w, const struct sim_ctx *c,
		   struct sim_fp *fp);

static inline bool sim_fp_dependent(const struct sim_fp *a,
				    const struct sim_fp *b)
{
	unsigned i, j;

	if (!a->write && !b->write)
		return false;
	for (i = 0; i < 2; i++)
		for (j = 0; j < 2; j++)
			if (a->obj[i] && a->obj[i] == b->obj[j])
				return true;
	return false;
}

#endif
