/* i18n.c: i18n/<lang>.yaml, the interface strings of one language. */
#include <string.h>

#include "loadint.h"
#include "safar/i18n.h"
#include "safar/suggest.h"

const char *const sf_i18n_key_names[SF_NSTRINGS] = {
#define SF_X(k, en) #k,
	SF_I18N_KEYS(SF_X)
#undef SF_X
};

const char *const sf_i18n_defaults[SF_NSTRINGS] = {
#define SF_X(k, en) en,
	SF_I18N_KEYS(SF_X)
#undef SF_X
};

int i18n_load(lctx *c, const srcfile *f, const char *lang, sf_i18n_file *out)
{
	memset(out, 0, sizeof *out);
	out->lang = lang;
	out->path = f->path;
	out->val = sf_alloc_array(c->f.a, SF_NSTRINGS, sizeof *out->val);
	out->loc = sf_alloc_array(c->f.a, SF_NSTRINGS, sizeof *out->loc);
	int failed;
	ynode *root = yn_parse(c->f.a, c->f.sink, f->path, f->text, f->len, 1, &failed);
	if (!root)
		return failed ? -1 : 0;
	if (!f_map(&c->f, root, "an i18n file"))
		return -1;
	size_t cap = 0;
	for (size_t i = 0; i + 1 < root->n; i += 2) {
		const ynode *key = root->items[i];
		if (key->kind != YN_SCALAR)
			continue;
		int k = sf_name_index(sf_i18n_key_names, SF_NSTRINGS, key->s);
		/* Sectors are the content's own; their names are keys sector_<name>. */
		if (k < 0 && strncmp(key->s, "sector_", 7) == 0 &&
		    f_kebab(&c->f, key->s + 7, key->loc, "sector")) {
			const char *name = f_str(&c->f, root->items[i + 1], key->s);
			if (name)
				*SF_PUSH(c->f.a, out->sectors, out->nsectors, cap) =
					(struct sf_sector_name){ key->s + 7, name };
			continue;
		}
		if (k < 0) {
			const char *near = sf_suggest(key->s, sf_i18n_key_names, SF_NSTRINGS);
			if (near)
				sf_emit(c->f.sink, SF_D_UNKNOWN_KEY, key->loc,
					"unknown key '%s' in an i18n file; did you mean '%s'?", key->s, near);
			else
				sf_emit(c->f.sink, SF_D_UNKNOWN_KEY, key->loc,
					"unknown key '%s' in an i18n file (sector names are sector_<name>)", key->s);
			continue;
		}
		out->val[k] = f_str(&c->f, root->items[i + 1], sf_i18n_key_names[k]);
		out->loc[k] = root->items[i]->loc;
	}
	return 0;
}
