/* Scheduler: determinism, schedules, bounds, and the seed race through the API. */
#include "scenario.h"
#include "sim_test.h"
#include "trace.h"

static void two_submitters(struct sim_config *cfg)
{
	cfg->nsubs = 2;
	snprintf(cfg->subs[1].name, SIM_NAME_BYTES, "sub1");
	cfg->subs[1].cpu = 1;
	cfg->nreqs = 3;
	snprintf(cfg->reqs[1].name, SIM_NAME_BYTES, "r2");
	cfg->reqs[1].op = SIM_RQ_READ;
	cfg->reqs[1].len_bytes = 8192;
	cfg->reqs[1].last = true;
	cfg->reqs[1].submitter = 1;
	snprintf(cfg->reqs[2].name, SIM_NAME_BYTES, "w3");
	cfg->reqs[2].op = SIM_RQ_WRITE;
	cfg->reqs[2].len_bytes = 2048;	/* in-capsule */
	cfg->reqs[2].last = true;
}

static char *run_traced(struct sim_fixture *f, uint64_t seed, size_t *len)
{
	char *buf = NULL;
	FILE *m = open_memstream(&buf, len);
	struct sim_trace t = { .out = m };

	assert_non_null(m);
	sim_choice_prng(&f->choice, seed);
	sim_fixture_reset(f);
	sim_world_reset(f->w, &f->cfg, &f->choice, &t);
	sim_run(f->w);
	fclose(m);
	return buf;
}

static void test_same_seed_gives_identical_trace(void **state)
{
	struct sim_fixture *f = *state;
	size_t la, lb, lc;
	char *a, *b, *c;

	two_submitters(&f->cfg);
	a = run_traced(f, 7, &la);
	b = run_traced(f, 7, &lb);
	c = run_traced(f, 8, &lc);
	assert_true(la > 1000);
	assert_int_equal(la, lb);
	assert_memory_equal(a, b, la);
	/* a different seed interleaves differently */
	assert_true(la != lc || memcmp(a, c, la));
	free(a);
	free(b);
	free(c);
}

static void test_random_runs_complete_every_request_on_send_all(void **state)
{
	struct sim_fixture *f = *state;
	uint64_t seed;

	two_submitters(&f->cfg);
	f->cfg.variant = sim_variant_find("5c11f7d9f843");
	for (seed = 1; seed <= 200; seed++) {
		sim_choice_prng(&f->choice, seed);
		sim_fixture_reset(f);
		sim_run(f->w);
		if (f->w->verdict.kind != SIM_V_PASS &&
		    f->w->verdict.kind != SIM_V_HANG)
			fail_msg("seed %llu: %s", (unsigned long long)seed,
				 f->w->verdict.line);
		if (f->w->verdict.kind == SIM_V_PASS) {
			assert_true(f->w->rs[0].completed);
			assert_true(f->w->rs[1].completed);
			assert_true(f->w->rs[2].completed);
			assert_int_equal(f->w->target.cmds_completed, 3);
		}
	}
}

static void test_step_bound_is_reported_not_passed(void **state)
{
	struct sim_fixture *f = *state;

	f->cfg.steps_max = 10;
	sim_fixture_reset(f);
	sim_run(f->w);
	assert_int_equal(f->w->verdict.kind, SIM_V_STEP_BOUND);
	assert_int_equal(f->w->steps, 10);
	assert_non_null(strstr(f->w->verdict.line, "still running after 10 steps"));
}

static const char seed_steps[] =
	"request w1 write 8192\n"
	"schedule\n"
	"1. sub0 through sendmsg\n"
	"2. net_tx idle\n"
	"3. ctrl idle\n"
	"4. net_rx idle\n"
	"5. kworker idle\n"
	"6. sub0 done\n";

static void run_seed(struct sim_fixture *f, const char *variant)
{
	struct sim_scenario *sc = malloc(sizeof(*sc));
	char err[256];

	assert_non_null(sc);
	assert_int_equal(sim_scenario_parse("seed", seed_steps, strlen(seed_steps),
					    sc, err, sizeof(err)), 0);
	sc->cfg.variant = sim_variant_find(variant);
	f->cfg = sc->cfg;
	sim_fixture_reset(f);
	sim_run_schedule(f->w, sc->steps, sc->nsteps);
	free(sc);
}

static void test_seed_race_leaves_h2cdata_on_db5ad6b7f8cd(void **state)
{
	struct sim_fixture *f = *state;
	struct sim_world *w = f->w;
	struct sim_drv_view v;

	run_seed(f, "db5ad6b7f8cd");
	assert_int_equal(w->verdict.kind, SIM_V_HANG);
	assert_int_equal(w->verdict.req, 0);
	assert_int_equal(w->verdict.pdu_type, 0x06);
	assert_non_null(strstr(w->verdict.line, "queued on send_list"));
	/* the controller got the command, sent the R2T, and waits */
	assert_int_equal(w->target.cmds[0].state, SIM_TCMD_WAIT_H2C);
	assert_int_equal(w->target.cmds[0].rcvd_bytes, 0);
	sim_drv_view(w, &v);
	assert_int_equal(v.reqs[0].state, SIM_DRV_SEND_H2C_PDU);
	assert_true(v.reqs[0].on_send_list);
	assert_false(v.io_work->pending);
	assert_int_equal(v.send_mutex->owner, 0);
	assert_int_equal(v.io_work->runs, 2);
	assert_false(w->rs[0].completed);
}

static void test_seed_race_completes_on_5c11f7d9f843(void **state)
{
	struct sim_fixture *f = *state;
	struct sim_world *w = f->w;
	struct sim_drv_view v;

	run_seed(f, "5c11f7d9f843");
	assert_int_equal(w->verdict.kind, SIM_V_PASS);
	assert_true(w->rs[0].completed);
	assert_int_equal(w->rs[0].status, 0);
	assert_int_equal(w->target.cmds[0].rcvd_bytes, 8192);
	assert_int_equal(w->target.cmds_completed, 1);
	sim_drv_view(w, &v);
	assert_false(v.request_set);
	assert_true(v.req_list_empty && v.send_list_empty);
}

static void test_schedule_that_cannot_happen_says_so(void **state)
{
	struct sim_fixture *f = *state;

	/* v5.7 has no direct send: sub0 never reaches sendmsg */
	run_seed(f, "v5.7");
	assert_int_equal(f->w->verdict.kind, SIM_V_SCHEDULE);
	assert_non_null(strstr(f->w->verdict.line, "1. sub0 through sendmsg"));
	assert_non_null(strstr(f->w->verdict.line, "sub0 has finished"));
}

static void test_switch_costs_a_preemption_only_on_the_same_cpu(void **state)
{
	struct sim_fixture *f = *state;
	struct sim_world *w = f->w;
	int kw;

	/* sub0 on cpu 0 = io_cpu, sub1 on cpu 1 */
	two_submitters(&f->cfg);
	sim_fixture_reset(f);
	kw = sim_ctx_kworker(w);
	assert_int_equal(sim_ctx_sched_cpu(&w->ctx[0]), 0);
	assert_int_equal(sim_ctx_sched_cpu(&w->ctx[1]), 1);
	assert_int_equal(sim_ctx_sched_cpu(&w->ctx[kw]), 0);
	assert_int_equal(sim_ctx_sched_cpu(&w->ctx[sim_ctx_net_rx(w)]), 0);
	assert_int_equal(sim_ctx_sched_cpu(&w->ctx[sim_ctx_target(w)]), 0);
	assert_int_equal(sim_step_cost(w, 0), 0);
	sim_step(w, 0);
	/* sub0 could go on: sub1 runs beside it, on its own CPU */
	assert_int_equal(sim_step_cost(w, 1), SIM_COST_CPU_SWITCH);
	sim_step(w, 1);
	assert_int_equal(w->preemptions, 0);
	assert_int_equal(w->cpu_switches, 1);
	/*
	 * sub1 ran last, but queuing io_work on cpu 0 now takes sub0's CPU: a
	 * preemption, however many steps of other CPUs came in between
	 */
	assert_int_equal(sim_step_cost(w, kw) & SIM_COST_PREEMPT, SIM_COST_PREEMPT);
	assert_int_equal(sim_step_cost(w, 0), SIM_COST_CPU_SWITCH);
	sim_step(w, 0);
	assert_int_equal(w->preemptions, 0);
	assert_int_equal(w->cpu_switches, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_same_seed_gives_identical_trace, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_switch_costs_a_preemption_only_on_the_same_cpu, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_random_runs_complete_every_request_on_send_all, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_step_bound_is_reported_not_passed, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_seed_race_leaves_h2cdata_on_db5ad6b7f8cd, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_seed_race_completes_on_5c11f7d9f843, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_schedule_that_cannot_happen_says_so, sim_fixture_setup, sim_fixture_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
