/*
 * The report's hand-over: a forked worker's cases and failures become text
 * (cli_report_take_text) and come back in the parent (cli_report_put_text)
 * with every field, so the parent's JUnit and SARIF files say what the
 * worker's would have.
 */
#include "sim_test.h"

#include "report.h"

static char *dup_or_fail(const char *s)
{
	char *d = strdup(s);

	assert_non_null(d);
	return d;
}

static void add_case(struct cli_report *r, const char *name, bool ok,
		     bool skipped, const char *message)
{
	struct cli_report_case c = {
		.suite = dup_or_fail("suite.nvt"),
		.name = dup_or_fail(name),
		.classname = dup_or_fail("nvtsim.run.mainline"),
		.ok = ok,
		.skipped = skipped,
		.message = message ? dup_or_fail(message) : NULL,
		.text = !ok && !skipped ? dup_or_fail("HANG: w1\n  detail\n") : NULL,
		.kind = !ok && !skipped ? dup_or_fail("hang") : NULL,
		.seconds = 1.25,
		.json = dup_or_fail("{\"name\":\"x\"}"),
	};

	assert_int_equal(cli_report_add_case(r, &c), 0);
}

static bool same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

/* ok, n/a (skipped) and failed cases, and a failure with its steps, round trip whole. */
static void test_report_handover_keeps_every_field(void **state)
{
	struct cli_report_opts o = { 0 };
	struct cli_report w, p;
	struct cli_report_fail x = { 0 };
	struct cli_report_step *s;
	char *text;
	unsigned i;

	(void)state;
	cli_report_init(&w, "run", "all-variants", &o);
	cli_report_init(&p, "run", "all-variants", &o);
	add_case(&w, "ok", true, false, NULL);
	add_case(&w, "n/a", false, true, "not applicable: SCHEDULE: step 1");
	add_case(&w, "failed", false, false, "expected pass, got HANG: w1");
	x.kind = dup_or_fail("hang");
	x.message = dup_or_fail("HANG: w1 (expected pass)");
	x.replay = dup_or_fail("nvtsim replay 'nvt1:mainline:x'");
	x.where = dup_or_fail("suite.nvt");
	x.variant = sim_variant_find("mainline");
	x.steps = calloc(2, sizeof(*x.steps));
	assert_non_null(x.steps);
	x.nsteps = 2;
	snprintf(x.steps[0].ctx, sizeof(x.steps[0].ctx), "sub0");
	snprintf(x.steps[0].what, sizeof(x.steps[0].what), "mutex_trylock(send_mutex)");
	snprintf(x.steps[0].fn, sizeof(x.steps[0].fn), "nvme_tcp_queue_request");
	snprintf(x.steps[0].file, sizeof(x.steps[0].file), "model/tcp.c");
	x.steps[0].line = 42;
	x.steps[0].times = 3;
	snprintf(x.steps[1].ctx, sizeof(x.steps[1].ctx), "ctrl");
	x.steps[1].cpu = -1;
	x.steps[1].times = 1;
	assert_int_equal(cli_report_add_fail(&w, &x), 0);

	text = cli_report_take_text(&w);
	assert_non_null(text);
	assert_int_equal(w.ncases, 0);
	assert_int_equal(cli_report_put_text(&p, text), 0);
	free(text);

	assert_int_equal(p.ncases, 3);
	for (i = 0; i < p.ncases; i++) {
		const struct cli_report_case *c = &p.cases[i];

		assert_string_equal(c->suite, "suite.nvt");
		assert_string_equal(c->classname, "nvtsim.run.mainline");
		assert_string_equal(c->json, "{\"name\":\"x\"}");
		assert_true(c->seconds > 1.24 && c->seconds < 1.26);
	}
	assert_string_equal(p.cases[0].name, "ok");
	assert_true(p.cases[0].ok);
	assert_false(p.cases[0].skipped);
	assert_string_equal(p.cases[1].name, "n/a");
	assert_false(p.cases[1].ok);
	assert_true(p.cases[1].skipped);
	assert_true(same_str(p.cases[1].message, "not applicable: SCHEDULE: step 1"));
	assert_null(p.cases[1].kind);
	assert_false(p.cases[2].ok);
	assert_false(p.cases[2].skipped);
	assert_true(same_str(p.cases[2].kind, "hang"));
	assert_true(same_str(p.cases[2].text, "HANG: w1\n  detail\n"));

	assert_int_equal(p.nfails, 1);
	assert_string_equal(p.fails[0].kind, "hang");
	assert_true(same_str(p.fails[0].replay, "nvtsim replay 'nvt1:mainline:x'"));
	assert_null(p.fails[0].bug);
	assert_int_equal(p.fails[0].variant, sim_variant_find("mainline"));
	assert_int_equal(p.fails[0].nsteps, 2);
	s = p.fails[0].steps;
	assert_string_equal(s[0].ctx, "sub0");
	assert_string_equal(s[0].what, "mutex_trylock(send_mutex)");
	assert_string_equal(s[0].fn, "nvme_tcp_queue_request");
	assert_string_equal(s[0].file, "model/tcp.c");
	assert_int_equal(s[0].line, 42);
	assert_int_equal(s[0].times, 3);
	assert_string_equal(s[1].ctx, "ctrl");
	assert_int_equal(s[1].cpu, -1);
	cli_report_free(&w);
	cli_report_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report_handover_keeps_every_field),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
