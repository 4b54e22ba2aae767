/* mutex, llist and list_head shims: kernel semantics and the safety checks. */
#include <linux/list.h>
#include <linux/llist.h>
#include <linux/mutex.h>

#include "sim_test.h"

static void test_mutex_trylock_fails_while_held(void **state)
{
	struct sim_fixture *f = *state;
	struct mutex m;

	(void)f;
	mutex_init(&m);
	assert_string_equal(m.name, "m");
	assert_int_equal(mutex_trylock(&m), 1);
	/* a kernel mutex is not recursive: even its owner's trylock fails */
	assert_int_equal(mutex_trylock(&m), 0);
	mutex_unlock(&m);
	assert_int_equal(m.owner, 0);
	assert_int_equal(mutex_trylock(&m), 1);
}

static void test_mutex_unlock_by_non_owner_fails_safety(void **state)
{
	struct sim_fixture *f = *state;
	struct mutex m;

	mutex_init(&m);
	m.owner = 1;		/* held by context 0, sub0 */
	mutex_unlock(&m);
	assert_true(f->w->stopped);
	assert_int_equal(f->w->verdict.kind, SIM_V_SAFETY);
	assert_non_null(strstr(f->w->verdict.line, "mutex_unlock(m) by"));
	assert_non_null(strstr(f->w->verdict.line, "the owner is sub0"));
}

static void test_llist_add_reports_empty_only_first(void **state)
{
	struct llist_head h;
	struct llist_node a = { 0 }, b = { 0 };

	(void)state;
	init_llist_head(&h);
	assert_true(llist_empty(&h));
	assert_true(llist_add(&a, &h));
	assert_false(llist_add(&b, &h));
	assert_false(llist_empty(&h));
}

static void test_llist_del_all_takes_all_newest_first(void **state)
{
	struct llist_head h;
	struct llist_node a = { 0 }, b = { 0 }, c = { 0 }, *n;

	(void)state;
	init_llist_head(&h);
	llist_add(&a, &h);
	llist_add(&b, &h);
	llist_add(&c, &h);
	n = llist_del_all(&h);
	assert_ptr_equal(n, &c);
	assert_ptr_equal(n->next, &b);
	assert_ptr_equal(n->next->next, &a);
	assert_null(a.next);
	assert_true(llist_empty(&h));
	/* off the list again: adding it back is fine */
	assert_true(llist_add(&a, &h));
}

static void test_llist_double_add_fails_safety(void **state)
{
	struct sim_fixture *f = *state;
	struct llist_head h1, h2;
	struct llist_node a = { 0 };

	init_llist_head(&h1);
	init_llist_head(&h2);
	llist_add(&a, &h1);
	llist_add(&a, &h2);
	assert_int_equal(f->w->verdict.kind, SIM_V_SAFETY);
	assert_non_null(strstr(f->w->verdict.line, "already on a list"));
}

static void test_llist_on_list_follows_init_llist_node(void **state)
{
	struct llist_head h;
	struct llist_node a;

	(void)state;
	init_llist_head(&h);
	init_llist_node(&a);
	assert_false(llist_on_list(&a));
	llist_add(&a, &h);
	assert_true(llist_on_list(&a));
}

static void test_list_keeps_fifo_order_with_add_tail(void **state)
{
	struct list_head h, a, b;

	(void)state;
	INIT_LIST_HEAD(&h);
	INIT_LIST_HEAD(&a);
	INIT_LIST_HEAD(&b);
	assert_true(list_empty(&h));
	list_add_tail(&a, &h);
	list_add_tail(&b, &h);
	assert_ptr_equal(sim_list_first(&h, "h", "test"), &a);
	list_del(&a);
	assert_ptr_equal(sim_list_first(&h, "h", "test"), &b);
	list_del_init(&b);
	assert_true(list_empty(&h));
	assert_true(list_empty(&b));
}

static void test_list_del_of_unlisted_entry_fails_safety(void **state)
{
	struct sim_fixture *f = *state;
	struct list_head a;

	INIT_LIST_HEAD(&a);
	list_del(&a);
	assert_int_equal(f->w->verdict.kind, SIM_V_SAFETY);
	assert_non_null(strstr(f->w->verdict.line, "on no list"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_mutex_trylock_fails_while_held, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_mutex_unlock_by_non_owner_fails_safety, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_llist_add_reports_empty_only_first, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_llist_del_all_takes_all_newest_first, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_llist_double_add_fails_safety, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_llist_on_list_follows_init_llist_node, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_list_keeps_fifo_order_with_add_tail, sim_fixture_setup, sim_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_list_del_of_unlisted_entry_fails_safety, sim_fixture_setup, sim_fixture_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
