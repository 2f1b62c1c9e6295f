/* Name matching: Danish folding, codes, the national aliases, prefixes,
 * and helpful errors for unknown or ambiguous names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "ankekort/data/names.h"
#include "test_common.h"

static int resolve(const char *q)
{
	int code = -1;
	char *hint = NULL;
	enum names_result r = names_resolve(&ds, q, &code, &hint);
	free(hint);
	return r == NAMES_OK ? code : -1;
}

static void test_folding(void **state)
{
	(void)state;
	assert_int_equal(resolve("aarhus"), 751);
	assert_int_equal(resolve("Århus"), 751);
	assert_int_equal(resolve("AARHUS KOMMUNE"), 751);
	assert_int_equal(resolve("Ålborg"), 851);
	assert_int_equal(resolve("København"), 101);
	assert_int_equal(resolve("KBH"), 101); /* as Danish papers abbreviate it */
	assert_int_equal(resolve("Kbh."), 101);
	assert_int_equal(resolve("koebenhavn"), 101);
	assert_int_equal(resolve("Kobenhavn"), 101);
	assert_int_equal(resolve("lyngby taarbæk"), 173);
	assert_int_equal(resolve("Høje-Taastrup"), 169);
	/* the form every source uses: the genitive s before "Kommune" */
	assert_int_equal(resolve("Københavns Kommune"), 101);
	assert_int_equal(resolve("KØBENHAVNS KOMMUNE"), 101);
	assert_int_equal(resolve("Hjørrings Kommune"), 860);
	assert_int_equal(resolve("Københavns"), -1); /* only in the "... Kommune" form */
}

static void test_codes_and_national(void **state)
{
	(void)state;
	assert_int_equal(resolve("707"), 707);
	assert_int_equal(resolve("0"), 0);
	assert_int_equal(resolve("Hele landet"), 0);
	assert_int_equal(resolve("Danmark i alt"), 0);
	assert_int_equal(resolve("998"), -1);
}

static void test_prefix_and_errors(void **state)
{
	(void)state;
	assert_int_equal(resolve("nordd"), 707);
	int code;
	char *hint = NULL;
	assert_int_equal(names_resolve(&ds, "fre", &code, &hint), NAMES_AMBIGUOUS);
	assert_non_null(strstr(hint, "Fredensborg"));
	assert_non_null(strstr(hint, "Frederikssund"));
	free(hint);
	assert_int_equal(names_resolve(&ds, "Aarhsu", &code, &hint), NAMES_UNKNOWN);
	assert_non_null(strstr(hint, "closest: Aarhus"));
	free(hint);
}

/* The browser's search: a folded query against the index of names. */
static bool index_contains(const struct name_index *ix, int code, const char *query)
{
	char *folded, *loose;
	names_fold_query(query, &folded, &loose);
	bool hit = names_index_contains(ix, code, folded, loose);
	free(folded);
	free(loose);
	return hit;
}

static void test_contains(void **state)
{
	(void)state;
	struct name_index ix;
	names_index_build(&ix, &ds);
	assert_true(index_contains(&ix, 707, "djur"));	/* Norddjurs */
	assert_true(index_contains(&ix, 751, "århus")); /* Aarhus */
	assert_true(index_contains(&ix, 101, "kob"));	/* København */
	assert_false(index_contains(&ix, 461, "aar"));	/* Odense */
	assert_true(index_contains(&ix, 461, ""));
	names_index_free(&ix);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_folding),
		cmocka_unit_test(test_codes_and_national),
		cmocka_unit_test(test_prefix_and_errors),
		cmocka_unit_test(test_contains),
	};
	return cmocka_run_group_tests(tests, setup_shipped, teardown_shipped);
}
