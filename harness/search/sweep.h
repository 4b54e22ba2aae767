/*
 * The sweep's space: every small configuration within a spec, smallest first.
 *
 * A spec has one tier per request count (1 to 3), each with the request
 * kinds it draws from and how many choices may differ from the base; and
 * the lists those choices come from (batch shape, submitter CPUs, sndbuf,
 * R2T size, policy). The first value of each list is the base; a config's
 * deviations are how many of its choices are not. Most bugs show in small
 * scopes (TLC, Alloy), but every small scope must be searched: the tiers say
 * which, so that "complete" names a space a person can read.
 */
#ifndef NVTSIM_SWEEP_H
#define NVTSIM_SWEEP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim.h"

#define SIM_SWEEP_REQS_MAX 3		/* tiers: 1 to 3 requests */
#define SIM_SWEEP_VALUES_MAX 8		/* values in one list */
#define SIM_SWEEP_SPEC_BYTES 2048	/* a spec, written out */

enum sim_sweep_batch {
	SIM_SWEEP_LAST,		/* bd->last: the batch ends here */
	SIM_SWEEP_MORE,		/* last=0: the same submitter's next request follows */
	SIM_SWEEP_COMMIT,	/* last=0, then ->commit_rqs */
};

struct sim_sweep_kind {
	uint8_t op;			/* SIM_RQ_WRITE or SIM_RQ_READ */
	uint32_t bytes;
};

struct sim_sweep_cpus {
	uint8_t nsubs;			/* 1 or 2 */
	int8_t cpu[2];
};

struct sim_sweep_tier {
	bool on;
	unsigned nkinds;
	struct sim_sweep_kind kinds[SIM_SWEEP_VALUES_MAX];
	unsigned deviations_max;
};

struct sim_sweep_spec {
	struct sim_sweep_tier tier[SIM_SWEEP_REQS_MAX + 1];	/* [n]: n requests */
	unsigned nbatch;
	uint8_t batch[SIM_SWEEP_VALUES_MAX];	/* at most 3 used */
	unsigned ncpus;
	struct sim_sweep_cpus cpus[SIM_SWEEP_VALUES_MAX];
	unsigned nsndbuf;
	uint32_t sndbuf_bytes[SIM_SWEEP_VALUES_MAX];
	unsigned nr2t;
	uint32_t r2t_bytes[SIM_SWEEP_VALUES_MAX];
	unsigned npolicy;
	uint8_t policy[2];
	uint64_t executions_max;	/* budget of each config's search */
	unsigned preemptions_max;
	uint32_t quota_steps;
	uint64_t steps_per_request;	/* a config's steps_max: this many per request */
};

/* One config of the space, compactly. */
struct sim_sweep_point {
	uint8_t nreqs;
	uint8_t kind[SIM_SWEEP_REQS_MAX];	/* index into the tier's kinds */
	uint8_t batch[SIM_SWEEP_REQS_MAX];	/* enum sim_sweep_batch */
	uint8_t sub[SIM_SWEEP_REQS_MAX];	/* submitter of each request */
	uint8_t cpus;				/* index into spec cpus */
	uint8_t sndbuf;
	uint8_t r2t;
	uint8_t policy;
	uint8_t deviations;
	uint32_t bytes;				/* all requests' */
};

struct sim_sweep_space {
	struct sim_sweep_spec spec;
	struct sim_sweep_point *points;		/* smallest first */
	unsigned npoints;
};

extern const char sim_sweep_default_spec[];

/*
 * Parses spec text over the default: each line given replaces the default's
 * line of that key ("tier N ..." replaces tier N; "tier N off" drops it).
 * ';' also ends a line. 0, or -1 with "where:line: problem" in err.
 */
int sim_sweep_spec_parse(const char *where, const char *text,
			 struct sim_sweep_spec *spec, char *err, size_t errlen);

/* The spec as text that parses back to it. */
void sim_sweep_spec_write(const struct sim_sweep_spec *spec, char *buf,
			  size_t len);

/* Enumerates spec's configs, smallest first. 0, or -1 (no memory). */
int sim_sweep_space_init(struct sim_sweep_space *s,
			 const struct sim_sweep_spec *spec);
void sim_sweep_space_free(struct sim_sweep_space *s);

/* Config i of the space, for variant. */
void sim_sweep_config(const struct sim_sweep_space *s, unsigned i, int variant,
		      struct sim_config *cfg);

/* Config i in one line: "w4096:more w8192 (sndbuf 8192, prio)". */
void sim_sweep_label(const struct sim_sweep_space *s, unsigned i, char *buf,
		     size_t len);

/* The CPUs config i runs submitters and the io_cpu on: 1 or 2. */
unsigned sim_sweep_ncpus(const struct sim_sweep_space *s, unsigned i);

#endif
