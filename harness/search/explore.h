/* The explorer: searches the interleavings of a world for one that strands a request. */
#ifndef NVTSIM_EXPLORE_H
#define NVTSIM_EXPLORE_H

#include <stdbool.h>
#include <stdint.h>

#include "footprint.h"
#include "knownbugs.h"
#include "sim.h"

#define SIM_EXPLORE_DEPTH_MAX 4096
#define SIM_EXPLORE_SIGS_MAX 16	/* known bugs and new signatures one search keeps */

enum sim_strategy {
	SIM_STRAT_DPOR,		/* depth-first, sleep sets + dynamic partial-order reduction */
	SIM_STRAT_DFS,		/* depth-first over every interleaving (the baseline) */
	SIM_STRAT_PB,		/* depth-first, preemption bound 0, 1, 2, ... */
	SIM_STRAT_STATEFUL,	/* depth-first, prunes states already explored */
	SIM_STRAT_RANDOM,	/* seeded random walks */
	SIM_STRAT_PCT,		/* probabilistic concurrency testing, depth d */
	SIM_STRAT_KINDS
};

extern const char *const sim_strategy_names[SIM_STRAT_KINDS];

/* dpor's state cache without --state-cache-gib: 2 GiB, a table of 2^26 entries */
#define SIM_EXPLORE_STATE_CACHE_BYTES_DEFAULT (2ull << 30)

struct sim_explore_opts {
	uint8_t strategy;		/* enum sim_strategy */
	uint64_t executions_max;	/* budget for the whole search */
	uint64_t seed;			/* random, pct */
	unsigned pct_depth;
	unsigned preemptions_max;	/* pb: the highest bound tried */
	bool keep_going;		/* count every failure instead of stopping at the first new one */
	int only_kind;			/* >= 0: only this verdict kind counts as found */
	bool no_state_cache;		/* dpor: no state cache (explore.c), to compare */
	uint64_t state_cache_bytes;	/* dpor: the most its state cache's table takes; 0: the default */
	bool minimize;			/* shrink the first failure: fewest preemptions, then steps */
	uint64_t minimize_executions_max;
	bool progress;			/* a progress line on stderr */
	/*
	 * Called with the world at the end of each execution that ran to its
	 * end (idle, or stopped by a verdict on the way), not at one cut short
	 * by a pruned state or steps_max: what the tests compare strategies by.
	 */
	void (*on_end)(const struct sim_world *w, void *arg);
	void *on_end_arg;
	/* failures matched against these (sim_known_bugs by default) */
	const struct sim_known_bug *known_bugs;
	unsigned nknown_bugs;
};

struct sim_explore_failure {
	bool found;
	struct sim_verdict verdict;
	uint8_t choices[SIM_EXPLORE_DEPTH_MAX];	/* context chosen at each step */
	uint32_t nchoices;
	uint32_t preemptions;
	uint32_t cpu_switches;		/* see sim_step_cost() */
};

/* When the search first saw a failure of one kind, and that failure. */
struct sim_explore_kind {
	uint64_t executions_to_first;	/* 0: never */
	double seconds_to_first;
	uint64_t count;
	struct sim_explore_failure fail;	/* minimised when the search minimises */
};

/*
 * One known bug, or one new signature, the search saw: known bugs are kept
 * once each whatever signature they showed, new ones once per signature.
 */
struct sim_explore_sig {
	const struct sim_known_bug *known;	/* NULL: not on the list: new */
	char sig[SIM_SIG_BYTES];		/* its first failure's */
	uint64_t executions_to_first;
	double seconds_to_first;
	uint64_t count;
	struct sim_explore_failure fail;	/* minimised when the search minimises */
};

struct sim_explore_result {
	uint64_t executions;
	uint64_t steps;
	uint64_t states;		/* distinct states (stateful search) */
	uint64_t pruned;		/* executions cut short: sleep set or visited state */
	uint64_t cycles;		/* of those, at a state already on their path (dpor) */
	uint64_t resumed;		/* dpor: states searched again for a smaller sleep set only */
	uint64_t failures;
	uint64_t known_failures;	/* of failures: a known bug's signature */
	uint64_t new_failures;
	uint64_t inconclusive;		/* executions that ran into steps_max */
	bool cache_full;		/* dpor: its state cache filled; states past it were not kept */
	bool exhausted;			/* every interleaving (within the bound) explored */
	bool complete;			/* exhausted, and no execution inconclusive */
	bool bounded;			/* pb: bound reached below */
	unsigned bound;
	uint64_t executions_to_first;	/* 1-based; 0 when nothing was found */
	double seconds_to_first;
	double seconds;
	struct sim_explore_failure first;
	struct sim_explore_kind by_kind[SIM_V_KINDS];
	/* known bugs and new signatures, in the order the search first saw them */
	struct sim_explore_sig sigs[SIM_EXPLORE_SIGS_MAX];
	unsigned nsigs;
	bool sigs_full;			/* more distinct failures than sigs holds */
	bool minimized;
	uint64_t minimize_executions;
};

void sim_explore_opts_default(struct sim_explore_opts *o);

/*
 * Search cfg's interleavings in w with o's strategy. Each failure is matched
 * against o's known bugs for cfg's variant (by sim_signature, as the fuzzer
 * does); a known bug is recorded and the search goes on, so that a new bug of
 * the same kind is still found. It stops at the first new failure, unless
 * o->keep_going. r->first is the first new failure, else the first known one. The world is reset for
 * every execution; cfg->policy picks fair or strict-priority scheduling.
 * Returns 0, or -1 if the search could not start (no memory).
 */
int sim_explore(struct sim_world *w, const struct sim_config *cfg,
		const struct sim_explore_opts *o, struct sim_explore_result *r);

/*
 * Shrinks rec's failure in cfg (rec->fail holds it as found): fewest
 * preemptions, then CPU switches, then steps, as sim_explore does with
 * o->minimize; *executions says what it cost. 0, or -1 (no memory).
 */
int sim_explore_minimize(struct sim_world *w, const struct sim_config *cfg,
			 const struct sim_explore_opts *o,
			 struct sim_explore_sig *rec, uint64_t *executions);

/* Rerun cfg with the recorded choices (and trace, if given); the verdict is in w. */
void sim_replay_run(struct sim_world *w, const struct sim_config *cfg,
		    const uint8_t *choices, uint32_t n, struct sim_trace *trace,
		    bool *diverged);

#endif
