/* Shared fixture: a fresh world per test, laid out from a small config. */
#ifndef NVTSIM_SIM_TEST_H
#define NVTSIM_SIM_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "sim.h"
#include "variant.h"

struct sim_fixture {
	struct sim_world *w;
	struct sim_config cfg;
	struct sim_choice choice;
};

/* One 8 KiB write by sub0 on the io_cpu, on the named variant. */
static inline void sim_fixture_config(struct sim_config *cfg, const char *variant)
{
	sim_config_default(cfg);
	cfg->variant = sim_variant_find(variant);
	cfg->nreqs = 1;
	snprintf(cfg->reqs[0].name, SIM_NAME_BYTES, "w1");
	cfg->reqs[0].op = SIM_RQ_WRITE;
	cfg->reqs[0].len_bytes = 8192;
	cfg->reqs[0].last = true;
}

static inline int sim_fixture_setup(void **state)
{
	struct sim_fixture *f = calloc(1, sizeof(*f));
	char err[256];

	assert_non_null(f);
	f->w = sim_world_new();
	assert_non_null(f->w);
	sim_fixture_config(&f->cfg, "mainline");
	assert_int_equal(sim_config_check(&f->cfg, err, sizeof(err)), 0);
	sim_choice_first(&f->choice);
	sim_world_reset(f->w, &f->cfg, &f->choice, NULL);
	*state = f;
	return 0;
}

static inline int sim_fixture_teardown(void **state)
{
	struct sim_fixture *f = *state;

	sim_world_free(f->w);
	free(f);
	return 0;
}

/* Re-lay the world from f->cfg after a test changed it. */
static inline void sim_fixture_reset(struct sim_fixture *f)
{
	char err[256];

	assert_int_equal(sim_config_check(&f->cfg, err, sizeof(err)), 0);
	sim_world_reset(f->w, &f->cfg, &f->choice, NULL);
}

#endif
