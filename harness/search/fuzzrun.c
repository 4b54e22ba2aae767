/* One fuzz input: decode, run on the byte tape, and write what happened as a scenario. */
#include <stdlib.h>
#include <string.h>

#include "cexample.h"
#include "fuzzrun.h"
#include "replay.h"

void sim_fuzz_run(struct sim_world *w, const uint8_t *data, size_t size,
		  int variant, struct sim_config *cfg, struct sim_trace *trace)
{
	struct sim_choice choice;
	const uint8_t *tape;
	size_t ntape;

	sim_fuzz_decode(data, size, variant, cfg, &tape, &ntape);
	sim_choice_bytes(&choice, tape, ntape);
	sim_world_reset(w, cfg, &choice, trace);
	sim_run(w);
	/* the choice source lives on this stack: the world must not keep it */
	w->choice = NULL;
}

int sim_fuzz_write_scenario(FILE *f, struct sim_world *w,
			    const struct sim_config *cfg, const char *how)
{
	struct sim_explore_failure *fail = malloc(sizeof(*fail));
	char replay[SIM_TAKEN_MAX / 2];
	int ret;

	if (!fail)
		return -1;
	/* the run is a counterexample like any the explorer finds: its steps are its choices */
	memset(fail, 0, sizeof(*fail));
	fail->found = true;
	fail->verdict = w->verdict;
	fail->nchoices = (uint32_t)(w->steps < SIM_EXPLORE_DEPTH_MAX ?
				    w->steps : SIM_EXPLORE_DEPTH_MAX);
	memcpy(fail->choices, w->taken, fail->nchoices);
	fail->preemptions = w->preemptions;
	fail->cpu_switches = w->cpu_switches;
	if (sim_replay_encode(cfg, fail->choices, fail->nchoices, replay,
			      sizeof(replay)) < 0)
		replay[0] = 0;
	ret = sim_cex_write(f, w, cfg, fail, how, replay[0] ? replay : NULL);
	free(fail);
	return ret;
}
