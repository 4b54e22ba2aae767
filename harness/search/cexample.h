/* A found interleaving, written back as a scenario file a person can read and rerun. */
#ifndef NVTSIM_CEXAMPLE_H
#define NVTSIM_CEXAMPLE_H

#include <stdio.h>

#include "explore.h"

/*
 * Replays the failure in w, then writes cfg, the schedule (one numbered
 * step per run of a context) and the expected verdict to f. how says who
 * found it (e.g. "nvtsim explore --strategy dpor"); replay is the replay
 * string, or NULL. Returns 0, or -1 if the replay did not reproduce the
 * verdict (then nothing is written).
 */
int sim_cex_write(FILE *f, struct sim_world *w, const struct sim_config *cfg,
		  const struct sim_explore_failure *fail, const char *how,
		  const char *replay);

/* Writes cfg's environment, submitters and requests as scenario lines. */
void sim_cex_write_config(FILE *f, const struct sim_config *cfg);

#endif
