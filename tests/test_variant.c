/* Variant table: which upstream commits each variant has, and what names find it. */
#include "sim_test.h"

static bool has(const char *variant, int commit)
{
	int v = sim_variant_find(variant);

	assert_true(v >= 0);
	return sim_variant_has(v, commit);
}

/* 825619b09ad3 landed before a0fdd1418007, e371af033c56 after 70f437fb4395. */
static void test_variant_h2cdata_accounting_follows_upstream_order(void **state)
{
	(void)state;
	assert_false(has("5c11f7d9f843", NVT_825619b09ad3));
	assert_true(has("a0fdd1418007", NVT_825619b09ad3));
	assert_false(has("a0fdd1418007", NVT_e371af033c56));
	assert_true(has("70f437fb4395", NVT_825619b09ad3));
	assert_false(has("70f437fb4395", NVT_e371af033c56));
	assert_false(has("70f437fb4395", NVT_25e1f67eda4a));
	assert_true(has("3770a42bb8ce", NVT_e371af033c56));
	assert_true(has("3770a42bb8ce", NVT_25e1f67eda4a));
	assert_true(has("3770a42bb8ce", NVT_c2700d2886a8));
}

/* The 6.12.36 stable form has 0bf04c874fcb and f42d4796ee10 but not 674f872b7cef. */
static void test_variant_stable_form_lacks_r2t_open_code(void **state)
{
	(void)state;
	assert_true(has("v6.12.36", NVT_3770a42bb8ce));
	assert_true(has("v6.12.36", NVT_0bf04c874fcb));
	assert_true(has("v6.12.36", NVT_f42d4796ee10));
	assert_false(has("v6.12.36", NVT_674f872b7cef));
	assert_true(has("mainline", NVT_674f872b7cef));
	assert_true(has("mainline", NVT_0bf04c874fcb));
	assert_true(has("mainline", NVT_f42d4796ee10));
	assert_false(has("3770a42bb8ce", NVT_674f872b7cef));
	assert_false(has("mainline", NVT_COMMITS));
	assert_false(has("mainline", -1));
}

/* Mainline variants are prefixes of enum nvt_commit; only the stable one is not. */
static void test_variant_only_stable_breaks_mainline_order(void **state)
{
	unsigned i;
	int c;

	(void)state;
	for (i = 0; i < sim_nvariants; i++) {
		bool gap = false, prefix = true;

		assert_non_null(sim_variants[i].checked);
		assert_true(sim_variants[i].checked[0] != 0);
		for (c = 0; c < NVT_COMMITS; c++) {
			if (!sim_variant_has((int)i, c))
				gap = true;
			else if (gap)
				prefix = false;
		}
		if (strcmp(sim_variants[i].id, "v6.12.36"))
			assert_true(prefix);
		else
			assert_false(prefix);
	}
}

/* The old f42d4796ee10 id finds mainline, whose newest commit it is. */
static void test_variant_find_takes_ids_names_and_top_commits(void **state)
{
	int mainline = sim_variant_find("mainline");

	(void)state;
	assert_true(mainline >= 0);
	assert_int_equal(sim_variant_find("f42d4796ee10"), mainline);
	assert_int_equal(sim_variant_find("f42d479"), mainline);
	assert_int_equal(sim_variant_find("v6.16"), mainline);
	assert_int_equal(sim_variant_find("stable-6.12.36"),
			 sim_variant_find("v6.12.36"));
	assert_true(sim_variant_find("v6.12.36") >= 0);
	assert_true(sim_variant_find("v6.12.36") != mainline);
	assert_int_equal(sim_variant_find("70f437f"), sim_variant_find("kick-after-send"));
	assert_int_equal(sim_variant_find("congested-sockets"), -1);
	assert_int_equal(sim_variant_find("674f872b7cef"), -1);
	assert_int_equal(sim_variant_find("f42d47"), -1);
	assert_int_equal(sim_variant_find(""), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_variant_h2cdata_accounting_follows_upstream_order),
		cmocka_unit_test(test_variant_stable_form_lacks_r2t_open_code),
		cmocka_unit_test(test_variant_only_stable_breaks_mainline_order),
		cmocka_unit_test(test_variant_find_takes_ids_names_and_top_commits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
