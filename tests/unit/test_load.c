/* test_load.c: the loader on small roots written to a temporary directory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "safar/check.h"
#include "safar/fsio.h"
#include "safar/i18n.h"
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
	"review_by: 2028-02-29\nstatus: reviewed\nreviewed: {on: 2026-01-01, by: fixture}\nsources: [\"IOM 2024\"]\n"
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
	ck_assert_int_eq(m->body_line, 27);
	ck_assert_int_eq(m->reviewed_on, 20454); /* 2026-01-01 */
	ck_assert_str_eq(m->reviewed_by, "fixture");
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

static const sf_i18n_file *strings_of(const sf_root *r, const char *lang)
{
	for (size_t i = 0; i < r->ni18n; i++)
		if (strcmp(r->i18n[i].lang, lang) == 0)
			return &r->i18n[i];
	return NULL;
}

/* safar's own strings serve a root with no i18n/: every declared language
 * they cover has every key, parsed without a finding; English matches the
 * defaults of i18n.h. */
START_TEST(builtin_strings_serve_every_root)
{
	put("corridors/kg-ru.yaml", corridor);
	sf_arena *a = sf_arena_new();
	sf_sink *s = sf_sink_new();
	sf_root r;
	ck_assert_int_eq(sf_load(root, a, s, &r), 0);
	ck_assert_uint_eq(sf_sink_count(s), 1); /* empty-root: no module */
	ck_assert_uint_eq(sf_i18n_nbuiltins, 6);
	ck_assert_uint_eq(r.ni18n, 6);
	for (size_t i = 0; i < r.config.languages.n; i++) {
		const sf_i18n_file *f = strings_of(&r, r.config.languages.v[i]);
		ck_assert_ptr_nonnull(f);
		ck_assert_ptr_null(f->path);
		ck_assert_uint_eq(f->nsectors, 8);
		for (int k = 0; k < SF_NSTRINGS; k++) {
			ck_assert_msg(f->val[k], "%s lacks %s", f->lang, sf_i18n_key_names[k]);
			ck_assert_int_eq(strncmp(f->loc[k].path, "<built-in>/", 11), 0);
		}
	}
	const sf_i18n_file *en = strings_of(&r, "en");
	for (int k = 0; k < SF_NSTRINGS; k++)
		ck_assert_str_eq(en->val[k], sf_i18n_defaults[k]);
	ck_assert_str_eq(strings_of(&r, "ru")->val[SF_S_contents], "Содержание");
	sf_sink_free(s);
	sf_arena_free(a);
}
END_TEST

/* A root's i18n/ru.yaml wins key by key (sector names too); what it lacks
 * is safar's own Russian, not the fallback's English. A declared language
 * safar has no strings for gets none. */
START_TEST(root_strings_win_key_by_key)
{
	put("safar.yaml", "languages: [en, ru, tr]\nsectors: [construction, agriculture]\n");
	put("corridors/kg-ru.yaml", corridor);
	put("i18n/ru.yaml", "contents: \"Оглавление\"\nsector_construction: \"Стройка\"\n");
	sf_arena *a = sf_arena_new();
	sf_sink *s = sf_sink_new();
	sf_root r;
	ck_assert_int_eq(sf_load(root, a, s, &r), 0);
	ck_assert_uint_eq(r.ni18n, 2);
	ck_assert_ptr_null(strings_of(&r, "tr"));
	const sf_i18n_file *ru = strings_of(&r, "ru");
	ck_assert_ptr_nonnull(strstr(ru->path, "i18n/ru.yaml"));
	ck_assert_str_eq(ru->loc[SF_S_contents].path, ru->path);
	ck_assert_str_eq(ru->loc[SF_S_checklist].path, "<built-in>/ru.yaml");
	const char *chain[] = { "ru", "en" };
	const char *str[SF_NSTRINGS];
	sf_i18n_resolve(&r, chain, 2, str, NULL);
	ck_assert_str_eq(str[SF_S_contents], "Оглавление");
	ck_assert_str_eq(str[SF_S_checklist], "Список дел");
	ck_assert_str_eq(sf_i18n_sector(&r, chain, 2, "construction"), "Стройка");
	ck_assert_str_eq(sf_i18n_sector(&r, chain, 2, "agriculture"), "Сельское хозяйство");
	sf_sink_free(s);
	sf_arena_free(a);
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
	tcase_add_test(t, builtin_strings_serve_every_root);
	tcase_add_test(t, root_strings_win_key_by_key);
	suite_add_tcase(s, t);
	return s;
}
