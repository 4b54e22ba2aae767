/* Scenario parser: what a good file yields, and file:line errors for bad ones. */
#include "scenario.h"
#include "sim_test.h"

static struct sim_scenario sc;
static char err[512];

static int parse(const char *text)
{
	err[0] = 0;
	return sim_scenario_parse("t.nvt", text, strlen(text), &sc, err, sizeof(err));
}

static void expect_error(const char *text, const char *want_prefix)
{
	assert_int_equal(parse(text), -1);
	if (strncmp(err, want_prefix, strlen(want_prefix)))
		fail_msg("error \"%s\" does not start with \"%s\"", err, want_prefix);
	assert_null(strchr(err, '\n'));
}

static void test_parse_reads_workload_schedule_and_expectations(void **state)
{
	(void)state;
	assert_int_equal(parse("# a comment\n"
			       "variant 5c11f7d\n"
			       "env sndbuf_bytes=8k mss_bytes=536 io_cpu=1\n"
			       "submitter qa cpu=1\n"
			       "submitter qb cpu=0\n"
			       "request w1 write 16k by=qb last=0\n"
			       "request f1 flush commit\n"
			       "schedule\n"
			       "  1. qa until mutex_unlock(send_mutex)  # why\n"
			       "  2. kworker steps 3\n"
			       "expect db5ad6b7f8cd hang H2CData w1\n"
			       "expect * pass\n"), 0);
	assert_int_equal(sc.cfg.variant, sim_variant_find("5c11f7d9f843"));
	assert_int_equal(sc.cfg.env.sndbuf_bytes, 8192);
	assert_int_equal(sc.cfg.env.mss_bytes, 536);
	assert_int_equal(sc.cfg.env.io_cpu, 1);
	assert_int_equal(sc.cfg.nsubs, 2);
	assert_int_equal(sc.cfg.subs[0].cpu, 1);
	assert_int_equal(sc.cfg.nreqs, 2);
	assert_int_equal(sc.cfg.reqs[0].len_bytes, 16384);
	assert_int_equal(sc.cfg.reqs[0].submitter, 1);
	assert_false(sc.cfg.reqs[0].last);
	assert_int_equal(sc.cfg.reqs[1].op, SIM_RQ_FLUSH);
	assert_true(sc.cfg.reqs[1].commit_after);
	assert_true(sc.cfg.reqs[1].last);
	assert_int_equal(sc.nsteps, 2);
	assert_int_equal(sc.steps[0].ctx, 0);
	assert_int_equal(sc.steps[0].kind, SIM_SS_UNTIL);
	assert_int_equal(sc.steps[0].op, SIM_OP_MUTEX_UNLOCK);
	assert_string_equal(sc.steps[0].obj, "send_mutex");
	assert_string_equal(sc.steps[0].text, "1. qa until mutex_unlock(send_mutex)");
	assert_int_equal(sc.steps[1].ctx, sim_config_ctx_id(&sc.cfg, "kworker"));
	assert_int_equal(sc.steps[1].n, 3);
	assert_int_equal(sc.nexpects, 2);
	assert_int_equal(sc.expects[0].kind, SIM_V_HANG);
	assert_int_equal(sc.expects[0].pdu_type, 0x06);
	assert_int_equal(sc.expects[0].req, 0);
	assert_ptr_equal(sim_scenario_expect(&sc, sim_variant_find("mainline")),
			 &sc.expects[1]);
}

static void test_parse_reads_through_with_occurrence_count(void **state)
{
	(void)state;
	assert_int_equal(parse("request w1 write 4k\n"
			       "schedule\n"
			       "1. sub0 through llist_empty(req_list) 3 times\n"
			       "2. kworker through start\n"
			       "3. sub0 through sendmsg\n"), 0);
	assert_int_equal(sc.nsteps, 3);
	assert_int_equal(sc.steps[0].kind, SIM_SS_THROUGH);
	assert_int_equal(sc.steps[0].op, SIM_OP_LLIST_EMPTY);
	assert_string_equal(sc.steps[0].obj, "req_list");
	assert_int_equal(sc.steps[0].n, 3);
	assert_int_equal(sc.steps[1].op, SIM_OP_START);
	assert_int_equal(sc.steps[2].n, 1);
}

/* What the timeline prints reads back: its names, and calls copied whole. */
static void test_parse_takes_steps_as_the_timeline_prints_them(void **state)
{
	(void)state;
	assert_int_equal(parse("request w1 write 4k\n"
			       "schedule\n"
			       "1. sub0 through list_add_tail(send_list)\n"
			       "2. sub0 through list_first_entry_or_null(send_list)\n"
			       "3. sub0 through list_del_init(entry)\n"
			       "4. sub0 until READ_ONCE(queue->request)\n"
			       "5. sub0 through test_bit(1, flags) 2 times\n"
			       "6. net_rx through queue_work_on(0, io_work)\n"
			       "7. sub0 through ->queue_rq(w1: WRITE 4096 bytes, cid 0, last=1)\n"
			       "8. sub0 through ->commit_rqs()\n"
			       "9. sub0 through WRITE_ONCE(queue->request, set)\n"), 0);
	assert_int_equal(sc.nsteps, 9);
	assert_int_equal(sc.steps[0].op, SIM_OP_LIST_ADD);
	assert_string_equal(sc.steps[0].obj, "send_list");
	assert_int_equal(sc.steps[1].op, SIM_OP_LIST_FIRST);
	assert_int_equal(sc.steps[2].op, SIM_OP_LIST_DEL);
	assert_string_equal(sc.steps[2].obj, "entry");
	assert_int_equal(sc.steps[3].op, SIM_OP_READ_ONCE);
	assert_string_equal(sc.steps[3].obj, "request");
	assert_int_equal(sc.steps[4].op, SIM_OP_TEST_BIT);
	assert_string_equal(sc.steps[4].obj, "flags");
	assert_int_equal(sc.steps[4].n, 2);
	assert_string_equal(sc.steps[5].obj, "io_work");
	assert_int_equal(sc.steps[6].op, SIM_OP_SUBMIT);
	assert_string_equal(sc.steps[6].obj, "w1");
	assert_int_equal(sc.steps[7].op, SIM_OP_SUBMIT);
	assert_string_equal(sc.steps[7].obj, "commit_rqs");
	assert_string_equal(sc.steps[8].obj, "request");
	assert_string_equal(sc.steps[4].text, "5. sub0 through test_bit(1, flags) 2 times");
}

/* An object no scheduling point names fails when read, not as a run's verdict. */
static void test_parse_rejects_unknown_objects(void **state)
{
	(void)state;
	expect_error("request w1 write 4k\nschedule\n1. sub0 through sendmsg(nope)\n",
		     "t.nvt:3: unknown object 'nope' for sendmsg (known: sk)");
	expect_error("request w1 write 4k\nschedule\n1. sub0 until list_add_tail(req_list)\n",
		     "t.nvt:3: unknown object 'req_list' for list_add_tail (known: send_list)");
	expect_error("request w1 write 4k\nschedule\n1. sub0 through sendmsg(72 bytes, DONTWAIT|EOR)\n",
		     "t.nvt:3: unknown object '72 bytes, DONTWAIT|EOR' for sendmsg (known: sk)");
	expect_error("request w1 write 4k\nschedule\n1. sub0 through submit(w2)\n",
		     "t.nvt:3: unknown object 'w2' for submit (known: w1, commit_rqs)");
	expect_error("request w1 write 4k\nschedule\n1. kworker through start(x)\n",
		     "t.nvt:3: unknown object 'x' for start (known: none: start takes no object)");
}

static void test_parse_default_submitter_follows_io_cpu(void **state)
{
	(void)state;
	assert_int_equal(parse("env io_cpu=3\nrequest r read 4096\n"), 0);
	assert_int_equal(sc.cfg.nsubs, 1);
	assert_string_equal(sc.cfg.subs[0].name, "sub0");
	assert_int_equal(sc.cfg.subs[0].cpu, 3);
	assert_int_equal(sc.cfg.variant, -1);
}

static void test_parse_rejects_bad_lines_with_file_and_line(void **state)
{
	(void)state;
	expect_error("request w write 4096\nfoo bar\n", "t.nvt:2: unknown keyword 'foo'");
	expect_error("variant nosuch\n", "t.nvt:1: unknown variant 'nosuch'");
	expect_error("variant abcdef1\n", "t.nvt:1: unknown variant 'abcdef1'");
	expect_error("env sndbuf_bytes\n", "t.nvt:1: env: expected key=value");
	expect_error("env colour=3\n", "t.nvt:1: env: unknown key 'colour'");
	expect_error("env mss_bytes=0\n", "t.nvt:1: mss_bytes=0 out of range");
	expect_error("env mss_bytes=99999999999999999999\n", "t.nvt:1: mss_bytes:");
	expect_error("env maxh2cdata_bytes=4098\n", "t.nvt:1: maxh2cdata_bytes=4098: must be a multiple of 4");
	expect_error("request w1 write\n", "t.nvt:1: request w1: missing length");
	expect_error("request w1 write 1000\n", "t.nvt:1: request w1: length 1000 must be a multiple of 512");
	expect_error("request w1 erase 4096\n", "t.nvt:1: request w1: unknown operation 'erase'");
	expect_error("request w1 write 4k by=nobody\n", "t.nvt:1: request w1: no submitter 'nobody'");
	expect_error("request w1 write 4k\nrequest w1 read 4k\n", "t.nvt:2: request 'w1' declared twice");
	expect_error("request w1 write 4k\n1. sub0 idle\n", "t.nvt:2: a numbered step outside");
	expect_error("request w1 write 4k\nschedule\n2. sub0 idle\n", "t.nvt:3: schedule: step 2, expected step 1");
	expect_error("request w1 write 4k\nschedule\n1. nobody idle\n", "t.nvt:3: schedule: unknown context 'nobody'");
	expect_error("request w1 write 4k\nschedule\n1. sub0 until fly\n", "t.nvt:3: schedule: unknown operation 'fly'");
	expect_error("request w1 write 4k\nschedule\n1. sub0 until sendmsg(\n", "t.nvt:3: schedule: 'sendmsg(': expected OP(OBJECT)");
	expect_error("request w1 write 4k\nschedule\n1. sub0 through sendmsg 0 times\n",
		     "t.nvt:3: schedule: 'through sendmsg N times': N must be 1..1000000");
	expect_error("request w1 write 4k\nschedule\n1. sub0 through sendmsg x times\n",
		     "t.nvt:3: times:");
	expect_error("request w1 write 4k\nschedule\n1. sub0 through sendmsg 2 time\n",
		     "t.nvt:3: schedule: expected 'through OP', 'through OP(OBJECT)' or 'through OP(OBJECT) N times'");
	expect_error("request w1 write 4k\nschedule\n1. sub0 until sendmsg 2 times\n",
		     "t.nvt:3: schedule: expected 'until OP' or 'until OP(OBJECT)'");
	expect_error("request w1 write 4k\nschedule\n1. sub0 wander\n", "t.nvt:3: schedule: unknown directive 'wander'");
	expect_error("request w1 write 4k\nschedule\n", "t.nvt:3: 'schedule' block with no steps");
	expect_error("request w1 write 4k\nexpect * smile\n", "t.nvt:2: expect: unknown verdict 'smile'");
	expect_error("request w1 write 4k\nexpect * pass H2CData\n", "t.nvt:2: expect: a PDU or request goes only with hang or stall");
	expect_error("request w1 write 4k\nexpect * pass\nexpect * hang\n", "t.nvt:3: expect: * already has an expected verdict");
	expect_error("# nothing here\n", "t.nvt:2: no 'request' lines");
	expect_error("request w1 write 4k\nsubmitter late\n", "t.nvt:2: declare submitters before requests");
	expect_error("submitter kworker\n", "t.nvt:1: submitter 'kworker' is already a context name");
	/* tick too, with a quota: dpor runs the config in free time */
	expect_error("env quota_steps=64\nsubmitter sub0\nsubmitter tick\n",
		     "t.nvt:3: submitter 'tick' is already a context name");
}

static void test_parse_rejects_binary_and_overlong_input(void **state)
{
	static const char nul[] = "request w1 write 4k\nvariant \0x\n";
	char *big;

	(void)state;
	assert_int_equal(sim_scenario_parse("t.nvt", nul, sizeof(nul) - 1, &sc, err,
					    sizeof(err)), -1);
	assert_string_equal(err, "t.nvt:2: unexpected byte 0x00 (scenarios are plain ASCII)");
	big = malloc(2000);
	assert_non_null(big);
	memset(big, 'a', 1999);
	big[1999] = 0;
	expect_error(big, "t.nvt:1: line longer than 1024 bytes");
	free(big);
}

static void test_load_names_unreadable_file(void **state)
{
	(void)state;
	assert_int_equal(sim_scenario_load("/nonexistent/x.nvt", &sc, err, sizeof(err)), -1);
	assert_string_equal(err, "/nonexistent/x.nvt: cannot read: No such file or directory");
}

static int vid(const char *s)
{
	return sim_variant_find(s);
}

/* "before X" / "from X" by commits; a variant's own line wins, then the narrower range. */
static void test_expect_ranges_cover_variants_by_commits(void **state)
{
	const struct sim_expect *e;

	(void)state;
	assert_int_equal(parse("request w1 write 8k\n"
			       "expect before 5c11f7d9f843 hang H2CData w1\n"
			       "expect from 5c11f7d9f843 stall\n"
			       "expect from 3770a42bb8ce pass\n"
			       "expect a0fdd1418007 protocol\n"
			       "expect * livelock\n"), 0);
	e = sim_scenario_expect(&sc, vid("v5.7"));
	assert_int_equal(e->kind, SIM_V_HANG);
	assert_ptr_equal(sim_scenario_expect(&sc, vid("db5ad6b7f8cd")), e);
	assert_ptr_equal(sim_scenario_expect(&sc, vid("122e5b9f3d37")), e);
	assert_int_equal(sim_scenario_expect(&sc, vid("5c11f7d9f843"))->kind, SIM_V_STALL);
	assert_int_equal(sim_scenario_expect(&sc, vid("70f437fb4395"))->kind, SIM_V_STALL);
	assert_int_equal(sim_scenario_expect(&sc, vid("a0fdd1418007"))->kind, SIM_V_PROTOCOL);
	/* v6.12.36 has 3770a42bb8ce's commits, not mainline's 674f872b7cef */
	assert_int_equal(sim_scenario_expect(&sc, vid("3770a42bb8ce"))->kind, SIM_V_PASS);
	assert_int_equal(sim_scenario_expect(&sc, vid("v6.12.36"))->kind, SIM_V_PASS);
	assert_int_equal(sim_scenario_expect(&sc, vid("mainline"))->kind, SIM_V_PASS);
	assert_int_equal(parse("request w1 write 8k\nexpect before mainline hang\n"), 0);
	assert_true(sim_expect_covers(&sc.expects[0], vid("v6.12.36")));
	assert_false(sim_expect_covers(&sc.expects[0], vid("mainline")));
	assert_null(sim_scenario_expect(&sc, vid("mainline")));
	expect_error("request w1 write 8k\nexpect from 5c11f7d9f843 pass\nexpect from 5c11f7d9f843 hang\n",
		     "t.nvt:3: expect: from 5c11f7d9f843 covers the variants line 2 does");
	expect_error("request w1 write 8k\nexpect before 3770a42bb8ce pass\nexpect from 5c11f7d9f843 hang\n",
		     "t.nvt:3: expect: from 5c11f7d9f843 and line 2 overlap without one inside the other (both cover 5c11f7d9f843)");
	expect_error("request w1 write 8k\nexpect before nosuch pass\n", "t.nvt:2: unknown variant 'nosuch'");
	expect_error("request w1 write 8k\nexpect from pass\n", "t.nvt:2: expect: expected 'expect from VARIANT VERDICT");
	expect_error("request w1 write 8k\nexpect before * pass\n", "t.nvt:2: unknown variant '*'");
	/* a range with nothing in it says nothing: an error, not a silent no-op */
	expect_error("request w1 write 8k\nexpect before v5.7 hang\n",
		     "t.nvt:2: expect: before v5.7 covers no variant");
	expect_error("request w1 write 8k\nexpect from v5.7 protocol H2CData\n",
		     "t.nvt:2: expect: a PDU or request goes only with hang or stall");
}

/* A schedule that does not happen on a variant the file says nothing of is not applicable. */
static void test_schedule_verdict_is_not_applicable_unless_expected(void **state)
{
	struct sim_verdict sched = { .kind = SIM_V_SCHEDULE, .req = -1, .pdu_type = -1 };
	struct sim_verdict hang = { .kind = SIM_V_HANG, .req = 0, .pdu_type = 0x06 };

	(void)state;
	assert_int_equal(parse("request w1 write 8k\n"
			       "schedule\n1. sub0 through sendmsg\n"
			       "expect db5ad6b7f8cd hang H2CData w1\n"
			       "expect from a0fdd1418007 pass\n"
			       "expect * pass\n"), 0);
	assert_int_equal(sim_scenario_outcome(&sc, vid("v5.7"), &sched), SIM_OUTCOME_NA);
	assert_int_equal(sim_scenario_outcome(&sc, vid("db5ad6b7f8cd"), &sched), SIM_OUTCOME_FAIL);
	assert_int_equal(sim_scenario_outcome(&sc, vid("mainline"), &sched), SIM_OUTCOME_FAIL);
	assert_int_equal(sim_scenario_outcome(&sc, vid("db5ad6b7f8cd"), &hang), SIM_OUTCOME_OK);
	assert_int_equal(sim_scenario_outcome(&sc, vid("v5.7"), &hang), SIM_OUTCOME_FAIL);
	/* said of every variant: as expected */
	assert_int_equal(parse("request w1 write 8k\nschedule\n1. sub0 idle\nexpect * schedule\n"), 0);
	assert_int_equal(sim_scenario_outcome(&sc, vid("v5.7"), &sched), SIM_OUTCOME_OK);
	/* no schedule, no excuse */
	assert_int_equal(parse("request w1 write 8k\n"), 0);
	assert_int_equal(sim_scenario_outcome(&sc, vid("v5.7"), &sched), SIM_OUTCOME_FAIL);
	/* the file's own variant, named or not, is where its schedule must apply */
	assert_int_equal(parse("variant db5ad6b7f8cd\nrequest w1 write 8k\n"
			       "schedule\n1. sub0 through sendmsg\n"), 0);
	assert_int_equal(sim_scenario_outcome(&sc, vid("db5ad6b7f8cd"), &sched), SIM_OUTCOME_FAIL);
	assert_int_equal(sim_scenario_outcome(&sc, vid("v5.7"), &sched), SIM_OUTCOME_NA);
	assert_int_equal(parse("request w1 write 8k\nschedule\n1. sub0 through sendmsg\n"), 0);
	assert_int_equal(sim_scenario_outcome(&sc, vid("mainline"), &sched), SIM_OUTCOME_FAIL);
	assert_int_equal(sim_scenario_outcome(&sc, vid("v5.7"), &sched), SIM_OUTCOME_NA);
}

static void test_expect_matching_checks_kind_pdu_and_request(void **state)
{
	struct sim_verdict v = { .kind = SIM_V_HANG, .req = 0, .pdu_type = 0x06 };
	struct sim_expect e = { .kind = SIM_V_HANG, .pdu_type = 0x06, .req = 0 };

	(void)state;
	assert_true(sim_expect_matches(&e, &v));
	e.pdu_type = 0x04;
	assert_false(sim_expect_matches(&e, &v));
	e.pdu_type = -1;
	e.req = 1;
	assert_false(sim_expect_matches(&e, &v));
	assert_false(sim_expect_matches(NULL, &v));
	v.kind = SIM_V_PASS;
	assert_true(sim_expect_matches(NULL, &v));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_reads_workload_schedule_and_expectations),
		cmocka_unit_test(test_parse_reads_through_with_occurrence_count),
		cmocka_unit_test(test_parse_takes_steps_as_the_timeline_prints_them),
		cmocka_unit_test(test_parse_rejects_unknown_objects),
		cmocka_unit_test(test_parse_default_submitter_follows_io_cpu),
		cmocka_unit_test(test_parse_rejects_bad_lines_with_file_and_line),
		cmocka_unit_test(test_parse_rejects_binary_and_overlong_input),
		cmocka_unit_test(test_load_names_unreadable_file),
		cmocka_unit_test(test_expect_matching_checks_kind_pdu_and_request),
		cmocka_unit_test(test_expect_ranges_cover_variants_by_commits),
		cmocka_unit_test(test_schedule_verdict_is_not_applicable_unless_expected),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
