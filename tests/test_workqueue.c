/* work_struct shim: pending semantics, requeue while running, never twice at once. */
#include <linux/workqueue.h>

#include "sim_test.h"

static unsigned runs;
static unsigned requeues_left;
static bool requeue_ret[2];

static void test_work_fn(struct work_struct *work)
{
	runs++;
	if (requeues_left) {
		requeues_left--;
		/* no cmocka asserts here: this runs on the kworker's own stack */
		requeue_ret[0] = queue_work_on(0, NULL, work);
		requeue_ret[1] = queue_work_on(0, NULL, work);
	}
}

static void run_kworker(struct sim_world *w)
{
	int id = sim_ctx_kworker(w);
	unsigned guard = 0;

	while (sim_ctx_enabled(w, &w->ctx[id]) && guard++ < 1000)
		sim_step(w, id);
}

static void test_queue_work_on_is_noop_while_pending(void **state)
{
	struct sim_fixture *f = *state;
	struct work_struct work;

	INIT_WORK(&work, test_work_fn);
	runs = 0;
	requeues_left = 0;
	assert_true(queue_work_on(0, NULL, &work));
	assert_false(queue_work_on(0, NULL, &work));
	assert_true(work.pending);
	run_kworker(f->w);
	assert_int_equal(runs, 1);
	assert_false(work.pending);
	assert_int_equal(work.running_ctx, -1);
}

static void test_work_queued_while_running_runs_again(void **state)
{
	struct sim_fixture *f = *state;
	struct work_struct work;

	INIT_WORK(&work, test_work_fn);
	runs = 0;
	requeues_left = 1;
	assert_true(queue_work_on(0, NULL, &work));
	run_kworker(f->w);
	/* pending was cleared before the function ran, so the first requeue took */
	assert_true(requeue_ret[0]);
	assert_false(requeue_ret[1]);
	assert_int_equal(runs, 2);
	assert_int_equal(work.runs, 2);
	assert_false(work.pending);
}

static void test_work_started_while_running_fails_safety(void **state)
{
	struct sim_fixture *f = *state;
	struct work_struct work;

	INIT_WORK(&work, test_work_fn);
	runs = 0;
	requeues_left = 0;
	assert_true(queue_work_on(0, NULL, &work));
	work.running_ctx = 0;	/* as if another worker were in it */
	run_kworker(f->w);
	assert_int_equal(runs, 0);
	assert_int_equal(f->w->verdict.kind, SIM_V_SAFETY);
	assert_non_null(strstr(f->w->verdict.line, "while it is still running"));
}

static void test_kworker_runs_items_in_queue_order(void **state)
{
	struct sim_fixture *f = *state;
	struct work_struct a, b;

	INIT_WORK(&a, test_work_fn);
	INIT_WORK(&b, test_work_fn);
	queue_work_on(0, NULL, &b);
	queue_work_on(0, NULL, &a);
	assert_ptr_equal(sim_wq_pop(f->w), &b);
	assert_ptr_equal(sim_wq_pop(f->w), &a);
	assert_null(sim_wq_pop(f->w));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_queue_work_on_is_noop_while_pending, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_work_queued_while_running_runs_again, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_work_started_while_running_fails_safety, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_kworker_runs_items_in_queue_order, sim_fixture_setup, sim_fixture_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
