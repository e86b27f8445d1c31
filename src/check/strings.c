/* strings.c: every language a corridor is built in has its interface strings. */
#include <string.h>

#include "checkint.h"
#include "safar/buf.h"
#include "safar/fsio.h"
#include "safar/i18n.h"

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
			size_t missing = 0;
			/* The built-in strings are English: en lacks none of them. */
			for (int k = 0; k < SF_NSTRINGS && strcmp(lang, "en") != 0; k++)
				if (!f || !f->val[k]) {
					sf_buf_printf(&keys, "%s%s", missing ? ", " : "", sf_i18n_key_names[k]);
					missing++;
				}
			/* And the name of every sector a corridor builds in this language
			 * (English shows the name as safar.yaml declares it). */
			for (size_t ci = 0; ci < r->ncorridors && strcmp(lang, "en") != 0; ci++) {
				if (!sf_strv_has(&r->corridors[ci].languages, lang))
					continue;
				for (size_t k = 0; k < r->corridors[ci].sectors.n; k++) {
					const char *sec = r->corridors[ci].sectors.v[k];
					int named = !sf_strv_has(&r->config.sectors, sec); /* reported already */
					for (size_t j = 0; f && j < f->nsectors && !named; j++)
						named = strcmp(f->sectors[j].sector, sec) == 0;
					const char *key = sf_printf(c->a, "sector_%s", sec);
					if (!named && !(keys.data && strstr(keys.data, key))) {
						sf_buf_printf(&keys, "%s%s", missing ? ", " : "", key);
						missing++;
					}
				}
			}
			if (missing) {
				const char *path = f ? f->path
					       : sf_path_join(c->a, r->dir, sf_printf(c->a, "i18n/%s.yaml", lang));
				sf_emit(c->sink, SF_D_I18N_MISSING, (sf_loc){ path, 1, 1 },
					"%s outputs lack %zu interface string%s, shown through the fallback languages: %s",
					lang, missing, missing == 1 ? "" : "s", keys.data);
			}
			sf_buf_free(&keys);
		}
}
