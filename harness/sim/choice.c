/* Choice source backends: lowest-first, splitmix64 random walk, byte tape, replay tape, PCT. */
#include <string.h>

#include "choice.h"

static uint64_t sim__splitmix64(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

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

void sim_choice_tape(struct sim_choice *c, const uint8_t *ctx_ids, size_t n)
{
	*c = (struct sim_choice){ .kind = SIM_CHOICE_TAPE, .bytes = ctx_ids,
				  .nbytes = n };
}

static void sim__pct_init(struct sim_choice *c)
{
	unsigned i, j;

	c->state = c->seed;
	/* distinct priorities above depth, in a random order (Fisher-Yates) */
	for (i = 0; i < SIM_CHOICE_CTX_MAX; i++)
		c->prio[i] = (uint8_t)(c->depth + i + 1);
	for (i = SIM_CHOICE_CTX_MAX - 1; i > 0; i--) {
		uint8_t t;

		j = (unsigned)(sim__splitmix64(&c->state) % (i + 1));
		t = c->prio[i];
		c->prio[i] = c->prio[j];
		c->prio[j] = t;
	}
	/* d-1 change points in [1, horizon]; at the i-th, the runner drops to priority i */
	for (i = 0; i + 1 < c->depth; i++)
		c->change_at[i] = 1 + sim__splitmix64(&c->state) %
			(c->horizon_steps ? c->horizon_steps : 1);
}

void sim_choice_pct(struct sim_choice *c, uint64_t seed, unsigned depth,
		    uint64_t horizon_steps)
{
	*c = (struct sim_choice){ .kind = SIM_CHOICE_PCT, .seed = seed };
	c->depth = depth < 1 ? 1 : depth > SIM_PCT_DEPTH_MAX ? SIM_PCT_DEPTH_MAX : depth;
	c->horizon_steps = horizon_steps;
	sim__pct_init(c);
}

void sim_choice_rewind(struct sim_choice *c)
{
	c->state = c->seed;
	c->pos = 0;
	c->picks = 0;
	c->diverged = false;
	if (c->kind == SIM_CHOICE_PCT)
		sim__pct_init(c);
}

static unsigned sim__pct_pick(struct sim_choice *c, const uint8_t *ids,
			      unsigned n, uint64_t step)
{
	unsigned i, best = 0;

	for (i = 1; i < n; i++)
		if (c->prio[ids[i] % SIM_CHOICE_CTX_MAX] >
		    c->prio[ids[best] % SIM_CHOICE_CTX_MAX])
			best = i;
	for (i = 0; i + 1 < c->depth; i++)
		if (c->change_at[i] == step + 1)
			c->prio[ids[best] % SIM_CHOICE_CTX_MAX] = (uint8_t)(i + 1);
	return best;
}

unsigned sim_choice_pick(struct sim_choice *c, const uint8_t *ids, unsigned n,
			 uint64_t step)
{
	unsigned i;

	c->picks++;
	switch (c->kind) {
	case SIM_CHOICE_PRNG:
		if (n <= 1)
			return 0;
		/* modulo bias is irrelevant for n <= 8 against 2^64 */
		return (unsigned)(sim__splitmix64(&c->state) % n);
	case SIM_CHOICE_BYTES:
		if (n > 1 && c->pos < c->nbytes)
			return c->bytes[c->pos++] % n;
		return 0;
	case SIM_CHOICE_TAPE:
		if (c->pos < c->nbytes) {
			for (i = 0; i < n; i++)
				if (ids[i] == c->bytes[c->pos]) {
					c->pos++;
					return i;
				}
		}
		c->diverged = true;
		return 0;
	case SIM_CHOICE_PCT:
		return sim__pct_pick(c, ids, n, step);
	case SIM_CHOICE_FIRST:
	default:
		return 0;
	}
}
