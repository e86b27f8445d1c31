/* test_resolve.c: the rules engine, table-driven over the roots in tests/fixtures/resolve. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "safar/buf.h"
#include "safar/check.h"
#include "safar/load.h"
#include "safar/resolve.h"
#include "suites.h"
#include "safar/nelem.h"

#define FIX "tests/fixtures/resolve/"
#define ALL 0u
#define ST(s) (1u << (s))

/* One row: a target, what to look at, and exactly what it must be.
 *   "PDO contract"  -> "LANG[*]: part + part" (* = a fallback language), "-" when absent
 *   "#order"        -> "STAGE id, STAGE id, ..." in reading order
 *   "#policy PDO"   -> the required ids of a stage, ", "-joined
 *   "#excluded"     -> the ids rules excluded
 *   "#fact NAME"    -> "VALUE (LANG)", "-" for a plain value's language
 *   "#subst TEXT"   -> TEXT with its placeholders replaced
 *   "#diags"        -> "path:line:col code" per diagnostic, "; "-joined */
static const struct rcase {
	const char *root, *corridor, *lang, *audience, *sector;
	unsigned stages;
	const char *what, *want;
} cases[] = {
	/* Merge: prepends most specific first, the base, appends least specific first. */
	{ "basic", "kg-ru", "en", "general", NULL, ALL, "PDO contract",
	  "en: pdo/contract/kgru-prepend.en.md + pdo/contract/kg-prepend.en.md + pdo/contract/dest-ru.en.md" },
	{ "basic", "kg-ru", "en", "women", NULL, ALL, "PDO contract",
	  "en: pdo/contract/kgru-prepend.en.md + pdo/contract/kg-prepend.en.md + pdo/contract/dest-ru.en.md"
	  " + pdo/contract/women.en.md + pdo/contract/dest-ru-women.en.md" },
	/* A women append stacks onto a destination-specific base. */
	{ "basic", "tj-ru", "en", "women", NULL, ALL, "PDO contract",
	  "en: pdo/contract/dest-ru.en.md + pdo/contract/women.en.md + pdo/contract/dest-ru-women.en.md" },
	{ "basic", "kg-ru", "ky", "general", NULL, ALL, "PDO contract", "ky: pdo/contract/general.ky.md" },
	/* Languages never mix: the English appends stay out of the Russian topic. */
	{ "basic", "kg-ru", "ru", "women", NULL, ALL, "PDO contract", "ru: pdo/contract/general.ru.md" },
	{ "basic", "kg-kz", "ru", "general", NULL, ALL, "PDO contract", "ru: pdo/contract/general.ru.md" },
	/* Specificity: corridor > destination > origin > sector > audience. */
	{ "basic", "kg-ru", "en", "general", NULL, ALL, "PDO spec-a", "en: pdo/spec-a/corridor.en.md" },
	{ "basic", "tj-ru", "en", "general", NULL, ALL, "PDO spec-a", "en: pdo/spec-a/destination.en.md" },
	{ "basic", "kg-ru", "en", "general", NULL, ALL, "PDO spec-b", "en: pdo/spec-b/destination.en.md" },
	{ "basic", "kg-kz", "ru", "general", NULL, ALL, "PDO spec-b", "en*: pdo/spec-b/origin.en.md" },
	{ "basic", "kg-ru", "en", "general", "construction", ALL, "PDO spec-c", "en: pdo/spec-c/origin.en.md" },
	{ "basic", "tj-ru", "en", "general", "construction", ALL, "PDO spec-c", "en: pdo/spec-c/sector.en.md" },
	{ "basic", "tj-ru", "en", "general", NULL, ALL, "PDO spec-c", "-" },
	{ "basic", "kg-ru", "en", "women", "construction", ALL, "PDO spec-d", "en: pdo/spec-d/sector.en.md" },
	{ "basic", "kg-ru", "en", "women", NULL, ALL, "PDO spec-d", "en: pdo/spec-d/audience.en.md" },
	{ "basic", "kg-ru", "en", "women", NULL, ALL, "PDO spec-e", "en: pdo/spec-e/audience.en.md" },
	{ "basic", "kg-ru", "en", "general", NULL, ALL, "PDO spec-e", "en: pdo/spec-e/general.en.md" },
	/* Weights add up: origin + audience (5) beats origin (4). */
	{ "basic", "kg-ru", "en", "women", NULL, ALL, "PDO spec-f",
	  "en: pdo/spec-f/origin-women.en.md + pdo/spec-f/any.en.md" },
	{ "basic", "kg-ru", "en", "general", NULL, ALL, "PDO spec-f", "en: pdo/spec-f/origin.en.md" },
	/* A topic only in the fallback resolves wholly there; others stay. */
	{ "basic", "kg-ru", "ky", "general", NULL, ALL, "PDO insurance", "ru*: pdo/insurance/general.ru.md" },
	{ "basic", "kg-ru", "en", "general", NULL, ALL, "PDO insurance", "en: pdo/insurance/general.en.md" },
	{ "basic", "kg-ru", "ky", "general", NULL, ALL, "PDO only-en", "en*: pdo/only-en/general.en.md" },
	{ "basic", "tj-ru", "ru", "women", NULL, ALL, "PDO mix", "ru: pdo/mix/general.ru.md" },
	{ "basic", "tj-ru", "en", "women", NULL, ALL, "PDO mix", "en: pdo/mix/general.en.md + pdo/mix/women.en.md" },
	/* An excluded topic disappears. */
	{ "basic", "kg-kz", "ru", "general", NULL, ALL, "PDO insurance", "-" },
	/* A sector module never enters the all-sector edition. */
	{ "basic", "kg-ru", "en", "general", NULL, ALL, "PDO site-safety", "-" },
	{ "basic", "kg-ru", "en", "general", "construction", ALL, "PDO site-safety",
	  "en: pdo/site-safety/construction.en.md" },
	{ "basic", "tj-ru", "en", "general", "agriculture", ALL, "PDO site-safety", "-" },
	{ "basic", "tj-ru", "ru", "general", "agriculture", ALL, "PDO site-safety",
	  "ru: pdo/site-safety/construction.ru.md" },
	/* audience: general matches every audience. */
	{ "basic", "tj-ru", "en", "men", NULL, ALL, "PDO for-all",
	  "en: pdo/for-all/general.en.md + pdo/for-all/men.en.md" },
	{ "basic", "tj-ru", "en", "women", NULL, ALL, "PDO for-all", "en: pdo/for-all/general.en.md" },
	{ "basic", "kg-ru", "en", "general", NULL, ALL, "PDO for-all", "en: pdo/for-all/general.en.md" },
	/* One id in two stages is two topics. */
	{ "basic", "kg-ru", "en", "general", NULL, ALL, "PAO contract", "en: pao/contract/general.en.md" },
	/* Order: stage, then order, then id; --stage narrows. */
	{ "basic", "kg-ru", "en", "general", NULL, ALL, "#order",
	  "PEO alpha, PEO decision, PDO spec-a, PDO spec-b, PDO spec-c, PDO spec-e, PDO spec-f, "
	  "PDO contract, PDO insurance, PDO only-en, PDO mix, PDO for-all, PAO contract, "
	  "PAO arrival, PRO facts" },
	{ "basic", "kg-ru", "ru", "general", NULL, ST(SF_PAO) | ST(SF_PRO), "#order",
	  "PAO contract, PAO arrival, PRO return, PRO facts" },
	/* The completeness policy: safar.yaml + corridor + rules. */
	{ "basic", "kg-ru", "ru", "general", NULL, ALL, "#policy PDO", "contract, insurance" },
	{ "basic", "kg-kz", "ru", "general", NULL, ALL, "#policy PEO", "decision" },
	{ "basic", "kg-kz", "ru", "general", NULL, ALL, "#policy PRO", "return" },
	{ "basic", "kg-ru", "ru", "general", NULL, ALL, "#policy PRO", "" },
	{ "basic", "kg-kz", "ru", "general", NULL, ALL, "#excluded", "insurance" },
	{ "basic", "kg-ru", "ru", "general", NULL, ALL, "#excluded", "" },
	/* Facts: per language with fallback; the corridor wins, then the first rule. */
	{ "basic", "kg-ru", "ru", "general", NULL, ALL, "#fact permit", "PERMIT-RU (ru)" },
	{ "basic", "kg-ru", "ky", "general", NULL, ALL, "#fact permit", "PERMIT-RU (ru)" },
	{ "basic", "tj-ru", "ru", "general", NULL, ALL, "#fact permit", "TJ-PERMIT-EN (en)" },
	{ "basic", "kg-kz", "ru", "general", NULL, ALL, "#fact permit", "KZ-PERMIT-RU (ru)" },
	{ "basic", "kg-kz", "ru", "general", NULL, ALL, "#fact extra", "EXTRA-RU (ru)" },
	{ "basic", "kg-ru", "en", "general", NULL, ALL, "#fact extra", "KG-EXTRA-EN (en)" },
	{ "basic", "kg-ru", "en", "general", NULL, ALL, "#fact plain", "PLAIN (-)" },
	{ "basic", "tj-ru", "ru", "general", NULL, ALL, "#fact plain", "RULE-PLAIN (-)" },
	{ "basic", "tj-ru", "en", "general", NULL, ALL, "#fact extra", "TJ-EXTRA (-)" },
	{ "basic", "kg-ru", "ru", "general", NULL, ALL, "#subst a {{permit}} b {{ plain }} {{nope}} {{",
	  "a PERMIT-RU b PLAIN {{nope}} {{" },
	{ "basic", "kg-ru", "ru", "general", NULL, ALL, "#diags", "" },
	/* Errors: a tie names both files; stacks with no base; a fact no
	 * corridor defines at each placeholder, a fact lacking the language at
	 * its definition; rules naming topics nobody wrote. */
	{ "errors", "kg-ru", "ru", "general", NULL, ALL, "#diags",
	  "content/pdo/facts/general.en.md:10:6 unknown-fact; "
	  "content/pdo/facts/general.en.md:14:5 unknown-fact; "
	  "content/pdo/tie/dest-ru.en.md:2:1 ambiguous (content/pdo/tie/dest-ru-kz.en.md); "
	  "corridors/kg-ru.yaml:8:3 fact-language; rules.yaml:2:13 unknown-topic; rules.yaml:3:20 unknown-topic; rules.yaml:3:32 unknown-topic" },
	{ "errors", "kg-ru", "en", "women", NULL, ST(SF_PDO), "#diags",
	  "content/pdo/facts/general.en.md:10:6 unknown-fact; "
	  "content/pdo/facts/general.en.md:14:5 unknown-fact; "
	  "content/pdo/nobase/women.en.md:2:1 no-base; "
	  "content/pdo/tie/dest-ru.en.md:2:1 ambiguous (content/pdo/tie/dest-ru-kz.en.md); "
	  "corridors/kg-ru.yaml:8:3 fact-language; rules.yaml:2:13 unknown-topic; rules.yaml:3:20 unknown-topic; rules.yaml:3:32 unknown-topic" },
	{ "errors", "kg-ru", "ru", "general", NULL, ALL, "PDO tie", "-" },
	{ "errors", "kg-ru", "en", "women", NULL, ALL, "PDO nobase", "-" },
};

static const char *rel(const char *path, const char *prefix)
{
	size_t n = strlen(prefix);
	return strncmp(path, prefix, n) == 0 ? path + n : path;
}

static void describe(sf_buf *b, const struct rcase *c, const sf_resolved *res, sf_sink *sink,
		     const char *dir)
{
	char content[256];
	snprintf(content, sizeof content, "%s/content/", dir);
	const char *w = c->what;
	if (strcmp(w, "#order") == 0) {
		for (size_t i = 0; i < res->ntopics; i++)
			sf_buf_printf(b, "%s%s %s", i ? ", " : "", sf_stage_names[res->topics[i].stage],
				      res->topics[i].id);
	} else if (strncmp(w, "#policy ", 8) == 0 || strcmp(w, "#excluded") == 0) {
		const sf_strv *v = w[1] == 'e' ? &res->excluded
					       : &res->policy[sf_name_index(sf_stage_names, SF_NSTAGE, w + 8)];
		for (size_t i = 0; i < v->n; i++)
			sf_buf_printf(b, "%s%s", i ? ", " : "", v->v[i]);
	} else if (strncmp(w, "#fact ", 6) == 0) {
		const sf_fact_ref *f = sf_fact_lookup(res, w + 6);
		if (f)
			sf_buf_printf(b, "%s (%s)", f->value ? f->value : "?", f->lang ? f->lang : "-");
	} else if (strncmp(w, "#subst ", 7) == 0) {
		sf_subst(b, w + 7, strlen(w + 7), res);
	} else if (strcmp(w, "#diags") == 0) {
		char top[256];
		snprintf(top, sizeof top, "%s/", dir);
		sf_sink_sort(sink);
		for (size_t i = 0; i < sf_sink_count(sink); i++) {
			const sf_diag *d = sf_sink_get(sink, i);
			sf_buf_printf(b, "%s%s:%d:%d %s", i ? "; " : "", rel(d->loc.path, top), d->loc.line,
				      d->loc.col, sf_dcode_name(d->code));
			if (d->code == SF_D_AMBIGUOUS) {
				const char *p = strstr(d->msg, "module and ");
				const char *e = p ? strstr(p, " both") : NULL;
				if (p && e) {
					const char *path = rel(p + 11, top);
					sf_buf_printf(b, " (%.*s)", (int)(e - path), path);
				}
			}
		}
	} else {
		char stage[4];
		memcpy(stage, w, 3);
		stage[3] = '\0';
		const sf_topic *tp = NULL;
		for (size_t i = 0; i < res->ntopics; i++)
			if (strcmp(sf_stage_names[res->topics[i].stage], stage) == 0 &&
			    strcmp(res->topics[i].id, w + 4) == 0)
				tp = &res->topics[i];
		if (!tp) {
			sf_buf_puts(b, "-");
			return;
		}
		sf_buf_printf(b, "%s%s:", tp->lang, tp->fallback ? "*" : "");
		for (size_t i = 0; i < tp->nparts; i++)
			sf_buf_printf(b, "%s%s", i ? " + " : " ", rel(tp->parts[i]->path, content));
	}
}

START_TEST(resolve_table)
{
	const struct rcase *c = &cases[_i];
	char dir[128];
	snprintf(dir, sizeof dir, FIX "%s", c->root);
	sf_arena *a = sf_arena_new();
	sf_sink *sink = sf_sink_new();
	sf_root root;
	ck_assert_int_eq(sf_load(dir, a, sink, &root), 0);
	sf_check_schema(&root, sink);
	if (strcmp(c->root, "basic") == 0)
		ck_assert_uint_eq(sf_sink_count(sink), 0);
	sf_resolver *r = sf_resolver_new(&root, sink);
	const sf_corridor *co = NULL;
	for (size_t i = 0; i < root.ncorridors; i++)
		if (strcmp(root.corridors[i].id, c->corridor) == 0)
			co = &root.corridors[i];
	ck_assert_ptr_nonnull(co);
	sf_target t = { co, c->sector, c->audience, c->lang,
			c->stages ? c->stages : (1u << SF_NSTAGE) - 1 };
	sf_resolved res;
	sf_resolve(r, &t, a, &res);
	/* What a corridor lacks is reported once every target is resolved,
	 * when the resolver goes; res lives in a. */
	sf_resolver_free(r);
	sf_buf b = { 0 };
	sf_buf_puts(&b, "");
	describe(&b, c, &res, sink, dir);
	ck_assert_msg(strcmp(b.data, c->want) == 0, "case %d (%s %s %s %s %s, %s):\n got: %s\nwant: %s",
		      _i, c->root, c->corridor, c->lang, c->audience, c->sector ? c->sector : "all",
		      c->what, b.data, c->want);
	sf_buf_free(&b);
	sf_sink_free(sink);
	sf_arena_free(a);
}
END_TEST

/* Targets: every corridor x language x audience x (all + sectors), narrowed. */
START_TEST(targets_enumerate_and_narrow)
{
	sf_arena *a = sf_arena_new();
	sf_sink *sink = sf_sink_new();
	sf_root root;
	ck_assert_int_eq(sf_load(FIX "basic", a, sink, &root), 0);
	sf_target *t;
	/* kg-kz 1x1x1, kg-ru 3x2x2, tj-ru 2x3x3 */
	ck_assert_uint_eq(sf_targets(&root, NULL, a, &t), 1 + 12 + 18);
	ck_assert_str_eq(t[0].corridor->id, "kg-kz");
	ck_assert_ptr_null(t[1].sector);
	ck_assert_str_eq(t[2].sector, "construction");
	ck_assert_str_eq(t[1].lang, "ky"); /* the corridor's own order */
	const char *ids[] = { "tj-ru" };
	sf_filter f = { ids, 1, "ru", "men", "all", ST(SF_PDO) };
	ck_assert_uint_eq(sf_targets(&root, &f, a, &t), 1);
	ck_assert_str_eq(t[0].audience, "men");
	ck_assert_ptr_null(t[0].sector);
	ck_assert_uint_eq(t[0].stages, ST(SF_PDO));
	f.sector = "agriculture";
	ck_assert_uint_eq(sf_targets(&root, &f, a, &t), 1);
	ck_assert_str_eq(t[0].sector, "agriculture");
	sf_sink_free(sink);
	sf_arena_free(a);
}
END_TEST

/* A problem met by many targets is reported once. */
START_TEST(diagnostics_once_across_targets)
{
	sf_arena *a = sf_arena_new();
	sf_sink *sink = sf_sink_new();
	sf_root root;
	ck_assert_int_eq(sf_load(FIX "errors", a, sink, &root), 0);
	sf_check_resolve(&root, sink);
	/* A fact lacking a language: once per language of the corridor (ru,
	 * en) however many targets use it; a name nobody defines: once per
	 * place (2). */
	size_t lang = 0, unknown = 0;
	for (size_t i = 0; i < sf_sink_count(sink); i++) {
		lang += sf_sink_get(sink, i)->code == SF_D_FACT_LANGUAGE;
		unknown += sf_sink_get(sink, i)->code == SF_D_UNKNOWN_FACT;
	}
	ck_assert_uint_eq(lang, 2);
	ck_assert_uint_eq(unknown, 2);
	ck_assert_uint_eq(sf_sink_count(sink), 9);
	sf_sink_free(sink);
	sf_arena_free(a);
}
END_TEST

Suite *suite_resolve(void)
{
	Suite *s = suite_create("resolve");
	TCase *t = tcase_create("resolve");
	tcase_add_loop_test(t, resolve_table, 0, (int)(SF_NELEM(cases)));
	tcase_add_test(t, targets_enumerate_and_narrow);
	tcase_add_test(t, diagnostics_once_across_targets);
	suite_add_tcase(s, t);
	return s;
}
