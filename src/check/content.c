/* content.c: `check` beyond the schema: one pass over every target, then per-root checks. */
#include <string.h>

#include "checkint.h"

const char *ck_edition_name(ck_ctx *c, const sf_edition *e)
{
	return sf_edition_name(e, c->a);
}

void sf_check_content(const sf_root *root, sf_sink *sink, const sf_check_opts *opts)
{
	sf_arena *a = sf_arena_new();
	ck_ctx c = { .root = root, .sink = sink, .opts = opts, .a = a,
		     .sms_reported = sf_alloc(a, root->nmodules + 1),
		     .sms_corridor = sf_alloc_array(a, root->nmodules + 1, sizeof(sf_corridor *)),
		     .sms_lang = sf_alloc_array(a, root->nmodules + 1, sizeof(char *)),
		     .reported = sf_strmap_new(a, 0) };
	sf_resolver *r = sf_resolver_new(root, sink);
	/* A corridor language's editions share their facts contexts: what they
	 * decide of a module is made once (the six editions of a corridor
	 * language, sectors by audiences, make it once, not six times). */
	sf_edcache *cache = sf_edcache_new(root);
	sf_target *t;
	size_t n = sf_targets(root, NULL, a, &t);
	/* One corridor language's editions, reset (its memory kept) for the next. */
	sf_arena *ga = sf_arena_new();
	/* Targets come corridor by corridor, language by language: the results
	 * of one corridor language are kept together for the fallback report,
	 * then dropped. */
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && t[j].corridor == t[i].corridor && strcmp(t[j].lang, t[i].lang) == 0)
			j++;
		if (i > 0 && t[i].corridor != t[i - 1].corridor) {
			ck_parity_flush(&c);
			sf_resolver_forget(r, t[i - 1].corridor);
		}
		sf_arena_reset(ga);
		sf_edition *ed = sf_alloc_array(ga, j - i, sizeof *ed);
		for (size_t k = i; k < j; k++) {
			sf_edition_make_cached(r, &t[k], opts->today, ga, cache, &ed[k - i]);
			ck_completeness(&c, &ed[k - i]);
			ck_sms(&c, &ed[k - i]);
			ck_links(&c, &ed[k - i]);
			ck_policy(&c, &ed[k - i]);
			ck_parity_add(&c, &ed[k - i]);
		}
		size_t lang = 0;
		while (lang < t[i].corridor->languages.n &&
		       strcmp(t[i].corridor->languages.v[lang], t[i].lang) != 0)
			lang++;
		ck_fallback(&c, t[i].corridor, lang, ed, j - i);
		sf_edcache_reset(cache);
		i = j;
	}
	sf_arena_free(ga);
	ck_parity_flush(&c);
	ck_parity_report(&c);
	ck_parity_free(&c);
	sf_edcache_free(cache);
	sf_resolver_free(r);
	ck_policy_report(&c);
	ck_freshness(&c);
	ck_fact_freshness(&c);
	ck_contacts(&c);
	ck_strings(&c);
	ck_dropped_links(&c);
	ck_translations(&c);
	ck_leaks(&c);
	sf_arena_free(a);
}
