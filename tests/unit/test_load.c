/* test_load.c: the loader on small roots written to a temporary directory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "safar/check.h"
#include "safar/fsio.h"
#include "safar/load.h"
#include "suites.h"

static char root[64];

static void put(const char *rel, const char *text)
{
	char path[256], dir[256];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	snprintf(dir, sizeof dir, "%s", path);
	*strrchr(dir, '/') = '\0';
	ck_assert_int_eq(sf_mkdirs(dir), 0);
	ck_assert_int_eq(sf_write_atomic(path, text, strlen(text)), 0);
}

static void setup(void)
{
	snprintf(root, sizeof root, "/tmp/safar-load-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(root));
}

static void teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	ck_assert_int_eq(system(cmd), 0);
}

static const char corridor[] =
	"id: kg-ru\norigin: KG\ndestination: RU\n"
	"title: { en: \"Kyrgyzstan to Russia\", ru: \"Из Кыргызстана в Россию\" }\n"
	"languages: [ru, en]\nsectors: [construction]\naudiences: [general, women]\n"
	"facts:\n  work_permit: { en: \"None needed.\", ru: \"Не нужно.\" }\n"
	"contacts:\n  - name: Center\n    side: origin\n    url: https://migrant.kg\n"
	"    phone: null\n    languages: [ky, ru]\n    stages: [PEO, PDO]\n"
	"require: { PDO: [eaeu-free-movement] }\n";

static const char module[] =
	"---\nid: employment-contract\nstage: PDO\ntitle: Your contract\nlang: en\n"
	"when:\n  destination: RU\n  audience: [women]\nmerge: append\norder: 20\nminutes: 15\n"
	"review_by: 2028-02-29\nstatus: reviewed\nsources: [\"IOM 2024\"]\n"
	"sms: \"Sign a contract.\"\nchecklist:\n  - Read it\n  - Keep a photo\n"
	"trainer_notes: |\n  Ask who.\nquiz:\n  - q: Who pays?\n    options: [You, Employer]\n"
	"    answer: 2\n---\n# Body\n\nText {{work_permit}}.\n";

START_TEST(loads_a_full_root)
{
	put("corridors/kg-ru.yaml", corridor);
	put("content/pdo/contract.md", module);
	sf_arena *a = sf_arena_new();
	sf_sink *s = sf_sink_new();
	sf_root r;
	ck_assert_int_eq(sf_load(root, a, s, &r), 0);
	sf_check_schema(&r, s);
	ck_assert_uint_eq(sf_sink_count(s), 0);
	ck_assert_uint_eq(r.ncorridors, 1);
	const sf_corridor *c = &r.corridors[0];
	ck_assert_str_eq(c->id, "kg-ru");
	ck_assert_uint_eq(c->title.n, 2);
	ck_assert_str_eq(c->title.val[1], "Из Кыргызстана в Россию");
	ck_assert_uint_eq(c->nfacts, 1);
	ck_assert_str_eq(c->facts[0].name, "work_permit");
	ck_assert_uint_eq(c->ncontacts, 1);
	ck_assert_ptr_null(c->contacts[0].phone);
	ck_assert_uint_eq(c->contacts[0].stages, (1u << SF_PEO) | (1u << SF_PDO));
	ck_assert_str_eq(c->require[SF_PDO].v[0], "eaeu-free-movement");
	ck_assert_uint_eq(r.nmodules, 1);
	const sf_module *m = &r.modules[0];
	ck_assert_str_eq(m->id, "employment-contract");
	ck_assert_int_eq(m->stage, SF_PDO);
	ck_assert_int_eq(m->merge, SF_APPEND);
	ck_assert_uint_eq(m->when.present, (1u << SF_W_DESTINATION) | (1u << SF_W_AUDIENCE));
	ck_assert_str_eq(m->when.key[SF_W_AUDIENCE].v[0], "women");
	ck_assert_int_eq(m->order, 20);
	ck_assert_int_eq(m->minutes, 15);
	ck_assert_int_eq(m->review_by, 21243); /* 2028-02-29, a leap day */
	ck_assert_int_eq(m->status, SF_STATUS_REVIEWED);
	ck_assert_str_eq(m->checklist.v[1], "Keep a photo");
	ck_assert_str_eq(m->trainer_notes, "Ask who.\n");
	ck_assert_uint_eq(m->nquiz, 1);
	ck_assert_int_eq(m->quiz[0].answer, 2); /* counted from 1: Employer */
	ck_assert_int_eq(m->body_line, 26);
	ck_assert_ptr_nonnull(m->doc);
	ck_assert_int_eq(strncmp(m->body, "# Body", 6), 0);
	/* The front matter's own line numbers come through. */
	ck_assert_int_eq(m->review_loc.line, 12);
	ck_assert_int_eq(m->review_loc.col, 12);
	sf_sink_free(s);
	sf_arena_free(a);
}
END_TEST

START_TEST(defaults_without_safar_yaml)
{
	put("corridors/kg-ru.yaml", corridor);
	sf_arena *a = sf_arena_new();
	sf_sink *s = sf_sink_new();
	sf_root r;
	ck_assert_int_eq(sf_load(root, a, s, &r), 0);
	ck_assert_ptr_null(r.config.path);
	ck_assert_uint_eq(r.config.languages.n, 6);
	ck_assert_int_eq(r.config.sms_max_parts, 3);
	ck_assert_int_eq(r.config.review_warn_days, 60);
	ck_assert_str_eq(r.config.required[SF_PDO].v[0], "employment-contract");
	ck_assert_uint_eq(r.config.nfallback, 5);
	sf_sink_free(s);
	sf_arena_free(a);
}
END_TEST

START_TEST(missing_root_is_system_error)
{
	sf_arena *a = sf_arena_new();
	sf_sink *s = sf_sink_new();
	sf_root r;
	ck_assert_int_eq(sf_load("/nonexistent/safar-root", a, s, &r), -1);
	ck_assert_int_eq(sf_sink_worst(s), SF_SYSTEM);
	sf_sink_free(s);
	sf_arena_free(a);
}
END_TEST

/* A mapping too big to compare pairwise still reports each repeat once,
 * pointing back at the first. */
START_TEST(duplicate_keys_in_a_big_mapping)
{
	char text[4096] = "id: kg-ru\norigin: KG\ndestination: RU\ntitle: T\nlanguages: [en]\nfacts:\n";
	for (int i = 0; i < 40; i++) /* facts on lines 7..46 */
		snprintf(text + strlen(text), sizeof text - strlen(text), "  f%d: x\n", i);
	strcat(text, "  f3: again\n  f39: again\n"); /* lines 47 and 48 */
	put("corridors/kg-ru.yaml", text);
	sf_arena *a = sf_arena_new();
	sf_sink *s = sf_sink_new();
	sf_root r;
	ck_assert_int_eq(sf_load(root, a, s, &r), 0);
	/* The root has no module: the third finding is that (empty-root). */
	ck_assert_uint_eq(sf_sink_count(s), 3);
	sf_sink_sort(s);
	ck_assert_int_eq(sf_sink_get(s, 0)->code, SF_D_EMPTY_ROOT);
	const sf_diag *d = sf_sink_get(s, 1);
	ck_assert_int_eq(d->code, SF_D_DUPLICATE_KEY);
	ck_assert_int_eq(d->loc.line, 47);
	ck_assert_str_eq(d->msg, "key 'f3' is already given at line 10");
	ck_assert_str_eq(sf_sink_get(s, 2)->msg, "key 'f39' is already given at line 46");
	sf_sink_free(s);
	sf_arena_free(a);
}
END_TEST

START_TEST(country_codes)
{
	ck_assert_int_eq(sf_country_valid("KG"), 1);
	ck_assert_int_eq(sf_country_valid("GB"), 1);
	ck_assert_int_eq(sf_country_valid("ZW"), 1);
	ck_assert_int_eq(sf_country_valid("AD"), 1);
	ck_assert_int_eq(sf_country_valid("UK"), 0);
	ck_assert_int_eq(sf_country_valid("kg"), 0);
	ck_assert_int_eq(sf_country_valid("KGZ"), 0);
}
END_TEST

Suite *suite_load(void)
{
	Suite *s = suite_create("load");
	TCase *t = tcase_create("load");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, loads_a_full_root);
	tcase_add_test(t, defaults_without_safar_yaml);
	tcase_add_test(t, missing_root_is_system_error);
	tcase_add_test(t, country_codes);
	tcase_add_test(t, duplicate_keys_in_a_big_mapping);
	suite_add_tcase(s, t);
	return s;
}
