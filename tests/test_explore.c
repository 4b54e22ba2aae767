/* The explorer: reduction soundness against plain DFS, bug finding, minimisation, replay. */
#include "cexample.h"
#include "explore.h"
#include "replay.h"
#include "scenario.h"
#include "sim_test.h"
#include "trace.h"

static struct sim_explore_result res;

static void load(struct sim_fixture *f, const char *text, const char *variant)
{
	struct sim_scenario *sc = malloc(sizeof(*sc));
	char err[256];

	assert_non_null(sc);
	assert_int_equal(sim_scenario_parse("t", text, strlen(text), sc, err,
					    sizeof(err)), 0);
	f->cfg = sc->cfg;
	f->cfg.variant = sim_variant_find(variant);
	assert_int_equal(sim_config_check(&f->cfg, err, sizeof(err)), 0);
	free(sc);
}

static void explore(struct sim_fixture *f, uint8_t strategy, uint64_t budget,
		    bool keep_going)
{
	struct sim_explore_opts o;

	sim_explore_opts_default(&o);
	o.strategy = strategy;
	o.executions_max = budget;
	o.keep_going = keep_going;
	assert_int_equal(sim_explore(f->w, &f->cfg, &o, &res), 0);
}

static const char off_cpu[] =
	"env quota_steps=64\nsubmitter sub0 cpu=1\n"
	"request f1 flush last=0\nrequest f2 flush\nsteps_max 1000\n";
static const char spin[] =
	"env quota_steps=64\nrequest w1 write 8192\nsteps_max 4000\n";
static const char seed[] =
	"env quota_steps=1000\nrequest w1 write 8192\nsteps_max 4000\n";
/*
 * The same race with executions cut at 50 steps: each io_work pass that
 * spins against send_mutex races with the ACKs the network delivers, and
 * DPOR's depth-first order spends millions of executions in those spins
 * before it reorders the early steps the race needs.
 */
static const char seed_short[] =
	"env quota_steps=1\nrequest w1 write 8192\nsteps_max 50\n";

static void test_dpor_exhausts_with_far_fewer_executions_than_dfs(void **state)
{
	struct sim_fixture *f = *state;
	uint64_t dfs;

	load(f, off_cpu, "mainline");
	explore(f, SIM_STRAT_DFS, 1000000, true);
	assert_true(res.exhausted);
	assert_int_equal(res.failures, 0);
	dfs = res.executions;
	explore(f, SIM_STRAT_DPOR, 1000000, true);
	assert_true(res.exhausted);
	assert_int_equal(res.failures, 0);
	assert_true(res.executions * 10 <= dfs);
}

static void test_dpor_finds_what_dfs_finds(void **state)
{
	struct sim_fixture *f = *state;

	/* the seed race on db5ad6b7f8cd: both searches must find the hang */
	load(f, seed_short, "db5ad6b7f8cd");
	explore(f, SIM_STRAT_DPOR, 200000, false);
	assert_true(res.first.found);
	assert_int_equal(res.first.verdict.kind, SIM_V_HANG);
	explore(f, SIM_STRAT_PB, 200000, false);
	assert_true(res.first.found);
	assert_int_equal(res.first.verdict.kind, SIM_V_HANG);
	assert_int_equal(res.first.verdict.pdu_type, 0x06);
}

static void test_pb_and_pct_find_seed_race_fast_and_minimal(void **state)
{
	struct sim_fixture *f = *state;

	load(f, seed, "db5ad6b7f8cd");
	explore(f, SIM_STRAT_PCT, 100000, false);
	assert_true(res.first.found);
	/* PCT depth 3 from seed 1: deterministic, so pinned */
	assert_true(res.executions_to_first < 100);
	explore(f, SIM_STRAT_PB, 100000, false);
	assert_true(res.first.found);
	/* 2212 since ACKs are steps of their own (175 before) */
	assert_true(res.executions_to_first < 5000);
	assert_true(res.minimized);
	assert_int_equal(res.first.preemptions, 1);
	assert_true(res.first.nchoices <= 50);
}

static void test_fixed_variant_is_clean_at_bound_one(void **state)
{
	struct sim_fixture *f = *state;

	load(f, seed, "5c11f7d9f843");
	explore(f, SIM_STRAT_PB, 1000000, false);
	/* 5c11f7d9f843 still has the race a0fdd1418007 fixed */
	assert_true(res.first.found);
	load(f, seed, "a0fdd1418007");
	explore(f, SIM_STRAT_PB, 1000000, false);
	assert_false(res.first.found);
	assert_true(res.bounded);
	assert_int_equal(res.bound, 1);
	assert_true(res.exhausted);
}

static void test_replay_of_a_failure_reproduces_it_byte_for_byte(void **state)
{
	struct sim_fixture *f = *state;
	char *a = NULL, *b = NULL, *enc = malloc(65536);
	size_t la, lb, n;
	struct sim_config back;
	uint8_t *ch = malloc(SIM_TAKEN_MAX);
	struct sim_trace t = { 0 };
	bool diverged;
	char err[256];
	FILE *m;

	assert_non_null(enc);
	assert_non_null(ch);
	load(f, seed, "db5ad6b7f8cd");
	explore(f, SIM_STRAT_PB, 100000, false);
	assert_true(sim_replay_encode(&f->cfg, res.first.choices,
				      res.first.nchoices, enc, 65536) > 0);
	assert_int_equal(sim_replay_decode(enc, strlen(enc), &back, ch,
					   SIM_TAKEN_MAX, &n, err, sizeof(err)), 0);
	assert_int_equal(n, res.first.nchoices);
	m = open_memstream(&a, &la);
	t.out = m;
	sim_replay_run(f->w, &back, ch, (uint32_t)n, &t, &diverged);
	fclose(m);
	assert_false(diverged);
	assert_int_equal(f->w->verdict.kind, SIM_V_HANG);
	assert_string_equal(f->w->verdict.line, res.first.verdict.line);
	m = open_memstream(&b, &lb);
	t.out = m;
	sim_replay_run(f->w, &back, ch, (uint32_t)n, &t, &diverged);
	fclose(m);
	assert_int_equal(la, lb);
	assert_memory_equal(a, b, la);
	free(a);
	free(b);
	free(enc);
	free(ch);
}

static void test_counterexample_scenario_replays_its_verdict(void **state)
{
	struct sim_fixture *f = *state;
	struct sim_scenario *sc = malloc(sizeof(*sc));
	char *text = NULL, err[256];
	size_t len;
	FILE *m;

	assert_non_null(sc);
	load(f, seed, "5c11f7d9f843");
	explore(f, SIM_STRAT_PB, 100000, false);
	assert_true(res.first.found);
	m = open_memstream(&text, &len);
	assert_int_equal(sim_cex_write(m, f->w, &f->cfg, &res.first, "test", NULL), 0);
	fclose(m);
	assert_non_null(strstr(text, "expect 5c11f7d9f843 hang H2CData w1"));
	assert_int_equal(sim_scenario_parse("cex", text, len, sc, err, sizeof(err)), 0);
	assert_true(sc->has_schedule);
	f->cfg = sc->cfg;
	sim_fixture_reset(f);
	sim_run_schedule(f->w, sc->steps, sc->nsteps);
	assert_int_equal(f->w->verdict.kind, SIM_V_HANG);
	assert_int_equal(f->w->verdict.req, 0);
	free(text);
	free(sc);
}

static void test_prio_policy_finds_the_io_work_priority_inversion(void **state)
{
	struct sim_fixture *f = *state;

	load(f, spin, "a0fdd1418007");
	f->cfg.policy = SIM_POLICY_PRIO;
	explore(f, SIM_STRAT_PB, 100000, false);
	assert_true(res.first.found);
	assert_int_equal(res.first.verdict.kind, SIM_V_LIVELOCK);
	assert_non_null(strstr(res.first.verdict.detail, "mutex_trylock"));
	assert_non_null(strstr(res.first.verdict.detail, "send_mutex:   held by sub0"));
	load(f, spin, "70f437fb4395");
	f->cfg.policy = SIM_POLICY_PRIO;
	explore(f, SIM_STRAT_PB, 1000000, false);
	assert_false(res.first.found);
	assert_true(res.exhausted);
}

static void test_sampling_is_reproducible_from_its_seed(void **state)
{
	struct sim_fixture *f = *state;
	uint64_t first, steps;

	load(f, seed, "5c11f7d9f843");
	explore(f, SIM_STRAT_PCT, 5000, false);
	assert_true(res.first.found);
	first = res.executions_to_first;
	steps = res.steps;
	explore(f, SIM_STRAT_PCT, 5000, false);
	assert_int_equal(res.executions_to_first, first);
	assert_int_equal(res.steps, steps);
}

static void test_stateful_prunes_states_seen_before(void **state)
{
	struct sim_fixture *f = *state;

	load(f, off_cpu, "mainline");
	explore(f, SIM_STRAT_STATEFUL, 1000000, true);
	assert_true(res.exhausted);
	assert_true(res.states > 0);
	assert_true(res.pruned > 0);
	assert_int_equal(res.failures, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_dpor_exhausts_with_far_fewer_executions_than_dfs, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_dpor_finds_what_dfs_finds, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_pb_and_pct_find_seed_race_fast_and_minimal, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_fixed_variant_is_clean_at_bound_one, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_replay_of_a_failure_reproduces_it_byte_for_byte, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_counterexample_scenario_replays_its_verdict, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_prio_policy_finds_the_io_work_priority_inversion, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_sampling_is_reproducible_from_its_seed, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_stateful_prunes_states_seen_before, sim_fixture_setup, sim_fixture_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
