/* The one source of nondeterminism: which enabled context runs next. */
#ifndef NVTSIM_CHOICE_H
#define NVTSIM_CHOICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SIM_PCT_DEPTH_MAX 16
#define SIM_CHOICE_CTX_MAX 8

enum sim_choice_kind {
	SIM_CHOICE_FIRST,	/* always the lowest enabled context */
	SIM_CHOICE_PRNG,	/* seeded uniform random walk */
	SIM_CHOICE_BYTES,	/* a byte tape (fuzzer input); FIRST once it runs out */
	SIM_CHOICE_TAPE,	/* a recorded list of context ids (replay) */
	SIM_CHOICE_PCT,		/* probabilistic concurrency testing, depth d */
};

struct sim_choice {
	enum sim_choice_kind kind;
	uint64_t seed;
	uint64_t state;
	const uint8_t *bytes;	/* BYTES: tape bytes; TAPE: context ids */
	size_t nbytes;
	size_t pos;
	uint64_t picks;
	bool diverged;		/* TAPE: a recorded context was not enabled */
	/* PCT */
	unsigned depth;
	uint64_t horizon_steps;
	uint8_t prio[SIM_CHOICE_CTX_MAX];
	uint64_t change_at[SIM_PCT_DEPTH_MAX];
};

void sim_choice_first(struct sim_choice *c);
void sim_choice_prng(struct sim_choice *c, uint64_t seed);
void sim_choice_bytes(struct sim_choice *c, const uint8_t *bytes, size_t n);
void sim_choice_tape(struct sim_choice *c, const uint8_t *ctx_ids, size_t n);
/* PCT over up to SIM_CHOICE_CTX_MAX contexts and about horizon_steps steps. */
void sim_choice_pct(struct sim_choice *c, uint64_t seed, unsigned depth,
		    uint64_t horizon_steps);
/* Rewind to the start (same seed, same tape). */
void sim_choice_rewind(struct sim_choice *c);
/* Which of the n enabled contexts ids[] (ascending) runs at step; an index. */
unsigned sim_choice_pick(struct sim_choice *c, const uint8_t *ids, unsigned n,
			 uint64_t step);

#endif
