/* What one scheduling step reads and writes, for the partial-order reduction. */
#ifndef NVTSIM_FOOTPRINT_H
#define NVTSIM_FOOTPRINT_H

#include <stdbool.h>
#include <stdint.h>

#include "sim.h"

/* The most objects one step's footprint names (a segment sent: five). */
#define SIM_FP_OBJS 5

struct sim_fp {
	const void *obj[SIM_FP_OBJS];	/* shared objects touched, distinct; NULL ends */
	uint8_t write;			/* bit k: obj[k] is written, not only read */
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

/* Two steps are dependent when one writes an object the other touches. */
static inline bool sim_fp_dependent(const struct sim_fp *a,
				    const struct sim_fp *b)
{
	unsigned i, j;

	for (i = 0; i < SIM_FP_OBJS && a->obj[i]; i++)
		for (j = 0; j < SIM_FP_OBJS && b->obj[j]; j++)
			if (a->obj[i] == b->obj[j] &&
			    ((a->write >> i | b->write >> j) & 1))
				return true;
	return false;
}

static inline bool sim_fp_equal(const struct sim_fp *a, const struct sim_fp *b)
{
	unsigned k;

	for (k = 0; k < SIM_FP_OBJS; k++)
		if (a->obj[k] != b->obj[k])
			return false;
	return a->write == b->write;
}

#endif
