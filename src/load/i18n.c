/* i18n.c: i18n/<lang>.yaml, the interface strings of one language. */
#include <string.h>

#include "loadint.h"
#include "safar/i18n.h"

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
	if (!f_keys(&c->f, root, "an i18n file", sf_i18n_key_names, SF_NSTRINGS, NULL, 0, root->loc))
		return -1;
	for (size_t i = 0; i + 1 < root->n; i += 2) {
		int k = sf_name_index(sf_i18n_key_names, SF_NSTRINGS, root->items[i]->s);
		if (k < 0)
			continue;
		out->val[k] = f_str(&c->f, root->items[i + 1], sf_i18n_key_names[k]);
		out->loc[k] = root->items[i]->loc;
	}
	return 0;
}
