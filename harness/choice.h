/* The one source of nondeterminism: which enabled context runs next. */
#ifndef NVTSIM_CHOICE_H
#define NVTSIM_CHOICE_H

#include <stddef.h>
#include <stdint.h>

enum sim_choice_kind {
	SIM_CHOICE_FIRST,	/* always the lowest enabled context */
	SIM_CHOICE_PRNG,	/* seeded, reproducible */
	SIM_CHOICE_BYTES,	/* a byte tape (fuzzer input); FIRST once it runs out */
};

struct sim_choice {
	enum sim_choice_kind kind;
	uint64_t seed;
	uint64_t state;
	const uint8_t *bytes;
	size_t nbytes;
	size_t pos;
	uint64_t picks;
};

void sim_choice_first(struct sim_choice *c);
void sim_choice_prng(struct sim_choice *c, uint64_t seed);
void sim_choice_bytes(struct sim_choice *c, const uint8_t *bytes, size_t n);
/* Rewind to the start (same seed, same tape). */
void sim_choice_rewind(struct sim_choice *c);
/* An index in [0, n); n >= 1. */
unsigned sim_choice_pick(struct sim_choice *c, unsigned n);

#endif
