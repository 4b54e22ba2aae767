/* Choice source backends: lowest-first, splitmix64 PRNG, byte tape. */
#include "choice.h"

void sim_choice_first(struct sim_choice *c)
{
	*c = (struct sim_choice){ .kind = SIM_CHOICE_FIRST };
}

void sim_choice_prng(struct sim_choice *c, uint64_t seed)
{
	*c = (struct sim_choice){ .kind = SIM_CHOICE_PRNG, .seed = seed,
				  .state = seed };
}

void sim_choice_bytes(struct sim_choice *c, const uint8_t *bytes, size_t n)
{
	*c = (struct sim_choice){ .kind = SIM_CHOICE_BYTES, .bytes = bytes,
				  .nbytes = n };
}

void sim_choice_rewind(struct sim_choice *c)
{
	c->state = c->seed;
	c->pos = 0;
	c->picks = 0;
}

static uint64_t sim__splitmix64(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

unsigned sim_choice_pick(struct sim_choice *c, unsigned n)
{
	c->picks++;
	if (n <= 1)
		return 0;
	switch (c->kind) {
	case SIM_CHOICE_PRNG:
		/* modulo bias is irrelevant for n <= 8 against 2^64 */
		return (unsigned)(sim__splitmix64(&c->state) % n);
	case SIM_CHOICE_BYTES:
		if (c->pos < c->nbytes)
			return c->bytes[c->pos++] % n;
		return 0;
	case SIM_CHOICE_FIRST:
	default:
		return 0;
	}
}
