/* Running one fuzz input, and turning it into a scenario a person can read. */
#ifndef NVTSIM_FUZZRUN_H
#define NVTSIM_FUZZRUN_H

#include <stdio.h>

#include "fuzzin.h"
#include "knownbugs.h"

struct sim_trace;

/* Decodes data (see fuzzin.h) into cfg and runs it in w; the verdict is in w. */
void sim_fuzz_run(struct sim_world *w, const uint8_t *data, size_t size,
		  int variant, struct sim_config *cfg, struct sim_trace *trace);

/*
 * Writes the run in w (just made by sim_fuzz_run from cfg) as a scenario:
 * config, the schedule it took, the verdict it gave. Reruns it, so w's
 * state is that of the rerun. Returns 0, or -1 if the rerun did not give
 * the same verdict (nothing is then written).
 */
int sim_fuzz_write_scenario(FILE *f, struct sim_world *w,
			    const struct sim_config *cfg, const char *how);

#endif
