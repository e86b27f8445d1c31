/* i18n_missing.c: every language a corridor is built in has its interface strings. */
#include <string.h>

#include "checkint.h"
#include "safar/buf.h"
#include "safar/i18n.h"

static void lack(sf_buf *keys, size_t *missing, const char *key)
{
	sf_buf_printf(keys, "%s%s", *missing ? ", " : "", key);
	(*missing)++;
}

/* 1 when some corridor is built in lang and for sector. */
static int built_for(const sf_root *r, const char *lang, const char *sector)
{
	for (size_t i = 0; i < r->ncorridors; i++)
		if (sf_strv_has(&r->corridors[i].languages, lang) &&
		    sf_strv_has(&r->corridors[i].sectors, sector))
			return 1;
	return 0;
}

/* Lists in keys what lang's strings lack (f: the root's file over safar's
 * own, NULL when neither has any): keys, then the name of every declared
 * sector a corridor builds in lang. English lacks nothing: the defaults are
 * English and a sector shows as safar.yaml declares it. */
static size_t missing_keys(ck_ctx *c, const char *lang, const sf_i18n_file *f, sf_buf *keys)
{
	const sf_root *r = c->root;
	size_t missing = 0;
	if (strcmp(lang, "en") == 0)
		return 0;
	for (int k = 0; k < SF_NSTRINGS; k++)
		if (!f || !f->val[k])
			lack(keys, &missing, sf_i18n_key_names[k]);
	for (size_t s = 0; s < r->config.sectors.n; s++) {
		const char *sec = r->config.sectors.v[s];
		if (!sf_i18n_sector(r, &lang, 1, sec) && built_for(r, lang, sec))
			lack(keys, &missing, sf_printf(c->a, "sector_%s", sec));
	}
	return missing;
}

/* At the root's i18n/<lang>.yaml when it has one, else at the corridor's
 * `languages` entry (at): never at a file that does not exist. */
static void report(ck_ctx *c, const char *lang, const sf_i18n_file *f, sf_loc at,
		   size_t missing, const char *keys)
{
	const char *them = missing == 1 ? "it" : "them";
	const char *fix = f && f->path ? sf_printf(c->a, "add %s to i18n/%s.yaml", them, lang)
				       : sf_printf(c->a, "add i18n/%s.yaml with %s", lang, them);
	sf_emit(c->sink, SF_D_I18N_MISSING, f && f->path ? (sf_loc){ f->path, 1, 1 } : at,
		"%s outputs lack %zu interface string%s, shown through the fallback languages: %s; %s",
		lang, missing, missing == 1 ? "" : "s", keys, fix);
}

void ck_strings(ck_ctx *c)
{
	const sf_root *r = c->root;
	const char **done = NULL;
	size_t ndone = 0, cap = 0;
	for (size_t i = 0; i < r->ncorridors; i++)
		for (size_t l = 0; l < r->corridors[i].languages.n; l++) {
			const char *lang = r->corridors[i].languages.v[l];
			/* An undeclared language is reported as such already. */
			int seen = !sf_strv_has(&r->config.languages, lang);
			for (size_t k = 0; k < ndone && !seen; k++)
				seen = strcmp(done[k], lang) == 0;
			if (seen)
				continue;
			*SF_PUSH(c->a, done, ndone, cap) = lang;
			const sf_i18n_file *f = NULL;
			for (size_t k = 0; k < r->ni18n; k++)
				if (strcmp(r->i18n[k].lang, lang) == 0)
					f = &r->i18n[k];
			sf_buf keys = { 0 };
			size_t missing = missing_keys(c, lang, f, &keys);
			if (missing)
				report(c, lang, f, r->corridors[i].languages.loc[l], missing, keys.data);
			sf_buf_free(&keys);
		}
}
