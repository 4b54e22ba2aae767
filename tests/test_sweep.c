/* The sweep's space: spec parsing, enumeration smallest first, the configs it makes. */
#include "sim_test.h"
#include "sweep.h"

static void parse_ok(const char *text, struct sim_sweep_spec *spec)
{
	char err[512] = "";

	if (sim_sweep_spec_parse("t", text, spec, err, sizeof(err)))
		fail_msg("spec '%s' refused: %s", text, err);
}

/* The error names the spec, its line and the bad token; nothing is half-read. */
static void test_sweep_spec_errors_name_line_and_token(void **state)
{
	static const struct {
		const char *text, *want;
	} bad[] = {
		{ "sndbuf 4096", "t:1: sndbuf: 4608 (Linux's SOCK_MIN_SNDBUF) to 262144 bytes, not '4096'" },
		{ "# ok\npolicy fair,lazy", "t:2: policy: fair or prio, not 'lazy'" },
		{ "tier 4 kinds=w512 deviations=0", "t:1: tier: a request count from 1 to 3, not '4'" },
		{ "tier 1 kinds=x512 deviations=0", "t:1: tier: a request kind is wBYTES or rBYTES (1 to 65536 bytes), not 'x512'" },
		{ "tier 1 kinds=w512", "t:1: tier: needs kinds= and deviations=" },
		{ "budget 0", "t:1: budget takes a number from 1" },
		{ "colour blue", "t:1: unknown key" },
		{ "sndbuf 4608; cpus 9", "t:1: cpus: the submitters' CPUs" },
		{ "tier 1 off; tier 2 off; tier 3 off", "t: every tier is off" },
		{ "cpus 0,1,2,3,4,5,6,7,0+1", "t:1: a list of 1 to 8 values" },
	};
	struct sim_sweep_spec spec;
	char err[512];
	unsigned i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err[0] = 0;
		assert_int_equal(sim_sweep_spec_parse("t", bad[i].text, &spec, err,
						      sizeof(err)), -1);
		if (strncmp(err, bad[i].want, strlen(bad[i].want)))
			fail_msg("'%s': got '%s', want '%s...'", bad[i].text, err, bad[i].want);
	}
}

/* A spec written out parses back to the same spec, and lines replace the default's. */
static void test_sweep_spec_round_trips(void **state)
{
	struct sim_sweep_spec a, b;
	char ta[SIM_SWEEP_SPEC_BYTES], tb[SIM_SWEEP_SPEC_BYTES];

	(void)state;
	parse_ok("sndbuf 4608,8k\ntier 3 off; policy prio", &a);
	assert_int_equal(a.nsndbuf, 2);
	assert_int_equal(a.sndbuf_bytes[1], 8192);
	assert_false(a.tier[3].on);
	assert_true(a.tier[1].on);
	assert_int_equal(a.npolicy, 1);
	assert_int_equal(a.policy[0], SIM_POLICY_PRIO);
	sim_sweep_spec_write(&a, ta, sizeof(ta));
	parse_ok(ta, &b);
	sim_sweep_spec_write(&b, tb, sizeof(tb));
	assert_string_equal(ta, tb);
	assert_memory_equal(&a, &b, sizeof(a));
}

/*
 * One tier, one list each but batch: w512 and w8192 by one submitter give
 * 2 kinds x {last, commit} = 4 configs; base (deviations 0) first, then by
 * bytes within a deviation count.
 */
static void test_sweep_space_counts_and_orders(void **state)
{
	struct sim_sweep_spec spec;
	struct sim_sweep_space s;
	char label[160];

	(void)state;
	parse_ok("tier 2 off; tier 3 off; tier 1 kinds=w8192,w512 deviations=1;"
		 "cpus 0; sndbuf 16384; r2t 0; policy fair", &spec);
	assert_int_equal(sim_sweep_space_init(&s, &spec), 0);
	assert_int_equal(s.npoints, 4);
	sim_sweep_label(&s, 0, label, sizeof(label));
	assert_string_equal(label, "w512");
	sim_sweep_label(&s, 1, label, sizeof(label));
	assert_string_equal(label, "w8192");
	sim_sweep_label(&s, 2, label, sizeof(label));
	assert_string_equal(label, "w512:commit");
	sim_sweep_label(&s, 3, label, sizeof(label));
	assert_string_equal(label, "w8192:commit");
	sim_sweep_space_free(&s);
}

/*
 * Two requests by two submitters: "more" never ends a submitter's requests
 * (blk-mq's contract: a batch ends with last or ->commit_rqs), and every
 * config passes sim_config_check.
 */
static void test_sweep_space_keeps_blk_mq_contract(void **state)
{
	struct sim_sweep_spec spec;
	struct sim_sweep_space s;
	struct sim_config cfg;
	char err[256];
	unsigned i, r, j, two_cpus = 0;

	(void)state;
	parse_ok("tier 1 off; tier 3 off; tier 2 kinds=w4096,r4096 deviations=3;"
		 "sndbuf 16384; r2t 0; policy fair", &spec);
	assert_int_equal(sim_sweep_space_init(&s, &spec), 0);
	assert_true(s.npoints > 0);
	for (i = 0; i < s.npoints; i++) {
		sim_sweep_config(&s, i, sim_variant_find("mainline"), &cfg);
		if (sim_config_check(&cfg, err, sizeof(err)))
			fail_msg("config %u: %s", i, err);
		assert_int_equal(cfg.nreqs, 2);
		assert_int_equal(cfg.steps_max, 2000);
		for (r = 0; r < cfg.nreqs; r++) {
			bool later = false;

			for (j = r + 1; j < cfg.nreqs; j++)
				later |= cfg.reqs[j].submitter == cfg.reqs[r].submitter;
			if (!later)
				assert_true(cfg.reqs[r].last || cfg.reqs[r].commit_after);
		}
		if (i)
			assert_true(s.points[i - 1].deviations <= s.points[i].deviations);
		two_cpus += sim_sweep_ncpus(&s, i) == 2;
	}
	/* kinds 2x2; cpus 0: batches 3x2, cpus 1: 3x2, 0+0: 2x2, 0+1: 2x2 */
	assert_int_equal(s.npoints, 4 * (6 + 6 + 4 + 4));
	assert_int_equal(two_cpus, 4 * (6 + 4));
	sim_sweep_space_free(&s);
}

/* An R2T size that splits no write is left out: it would repeat the base. */
static void test_sweep_space_skips_r2t_that_splits_nothing(void **state)
{
	struct sim_sweep_spec spec;
	struct sim_sweep_space s;
	struct sim_config cfg;
	unsigned i, split = 0;

	(void)state;
	parse_ok("tier 2 off; tier 3 off; tier 1 kinds=w4096,w8192,r4096 deviations=1;"
		 "batch last; cpus 0; sndbuf 16384; policy fair; r2t 0,4096", &spec);
	assert_int_equal(sim_sweep_space_init(&s, &spec), 0);
	assert_int_equal(s.npoints, 4);
	for (i = 0; i < s.npoints; i++) {
		sim_sweep_config(&s, i, 0, &cfg);
		if (cfg.env.r2t_bytes) {
			split++;
			assert_int_equal(cfg.reqs[0].len_bytes, 8192);
		}
	}
	assert_int_equal(split, 1);
	sim_sweep_space_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sweep_spec_errors_name_line_and_token),
		cmocka_unit_test(test_sweep_spec_round_trips),
		cmocka_unit_test(test_sweep_space_counts_and_orders),
		cmocka_unit_test(test_sweep_space_keeps_blk_mq_contract),
		cmocka_unit_test(test_sweep_space_skips_r2t_that_splits_nothing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
