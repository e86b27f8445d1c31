/* test_edition.c: what the edition decides for every renderer alike (sources grouped by work). */
#include <string.h>

#include "safar/arena.h"
#include "safar/edition.h"
#include "suites.h"

#define IOM "IOM (2024), Understanding the Pre-Departure Information Ecosystem in Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan"

/* The work cited whole heads its sections, though its title holds commas. */
START_TEST(sources_whole_work_heads_sections)
{
	const char *src[] = { IOM ", Kyrgyzstan: Communication channels", "ILO, Fair recruitment",
			      IOM, IOM ", Key findings, Finding 3.1" };
	sf_edition e;
	memset(&e, 0, sizeof e);
	e.sources = src;
	e.nsources = 4;
	sf_arena *a = sf_arena_new();
	sf_source_group *g;
	size_t n = sf_edition_source_groups(&e, a, &g);
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(g[0].len, strlen(IOM));
	ck_assert_int_eq(g[0].whole, 2);
	ck_assert_uint_eq(g[0].nmembers, 2);
	ck_assert_uint_eq(g[0].members[0], 0);
	ck_assert_uint_eq(g[0].members[1], 3);
	ck_assert_uint_eq(g[1].len, strlen("ILO, Fair recruitment"));
	ck_assert_int_eq(g[1].whole, 1);
	ck_assert_uint_eq(g[1].nmembers, 0);
	sf_arena_free(a);
}
END_TEST

/* Without a whole citation, the work is the longest prefix they share. */
START_TEST(sources_shared_prefix_is_the_work)
{
	const char *src[] = { "Solidarity Center, Joining to Achieve Goals, Low pay",
			      "Solidarity Center, Joining to Achieve Goals, Insan-Leilek" };
	sf_edition e;
	memset(&e, 0, sizeof e);
	e.sources = src;
	e.nsources = 2;
	sf_arena *a = sf_arena_new();
	sf_source_group *g;
	ck_assert_uint_eq(sf_edition_source_groups(&e, a, &g), 1);
	ck_assert_uint_eq(g[0].len, strlen("Solidarity Center, Joining to Achieve Goals"));
	ck_assert_int_eq(g[0].whole, -1);
	ck_assert_uint_eq(g[0].nmembers, 2);
	sf_arena_free(a);
}
END_TEST

Suite *suite_edition(void)
{
	Suite *s = suite_create("edition");
	TCase *tc = tcase_create("sources");
	tcase_add_test(tc, sources_whole_work_heads_sections);
	tcase_add_test(tc, sources_shared_prefix_is_the_work);
	suite_add_tcase(s, tc);
	return s;
}
