/* i18n.c: the interface strings of one language: the root's i18n/<lang>.yaml over safar's own. */
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

static const sf_i18n_builtin *builtin_of(const char *lang)
{
	for (size_t i = 0; i < sf_i18n_nbuiltins; i++)
		if (strcmp(sf_i18n_builtins[i].lang, lang) == 0)
			return &sf_i18n_builtins[i];
	return NULL;
}

static sf_i18n_file *file_of(sf_root *root, const char *lang)
{
	for (size_t i = 0; i < root->ni18n; i++)
		if (strcmp(root->i18n[i].lang, lang) == 0)
			return &root->i18n[i];
	return NULL;
}

static int names_sector(const sf_i18n_file *f, const char *sector)
{
	for (size_t i = 0; i < f->nsectors; i++)
		if (strcmp(f->sectors[i].sector, sector) == 0)
			return 1;
	return 0;
}

/* The root's file wins: b (built-in) gives only the keys and sector names
 * f lacks, each with its own loc. */
static void fill_from(sf_arena *a, sf_i18n_file *f, const sf_i18n_file *b)
{
	for (int k = 0; k < SF_NSTRINGS; k++)
		if (!f->val[k] && b->val[k]) {
			f->val[k] = b->val[k];
			f->loc[k] = b->loc[k];
		}
	size_t cap = f->nsectors; /* the first push copies the array */
	for (size_t i = 0; i < b->nsectors; i++)
		if (!names_sector(f, b->sectors[i].sector))
			*SF_PUSH(a, f->sectors, f->nsectors, cap) = b->sectors[i];
}

void i18n_builtin(lctx *c, sf_root *root)
{
	const sf_strv *langs = &root->config.languages;
	size_t cap = root->ni18n; /* the first push copies the array */
	for (size_t l = 0; l < langs->n; l++) {
		const sf_i18n_builtin *b = builtin_of(langs->v[l]);
		if (!b)
			continue;
		srcfile src = { sf_printf(c->f.a, "<built-in>/%s.yaml", b->lang),
				(const char *)b->text, b->len };
		sf_i18n_file bf;
		if (i18n_load(c, &src, langs->v[l], &bf) != 0)
			continue;
		sf_i18n_file *f = file_of(root, langs->v[l]);
		if (f) {
			fill_from(c->f.a, f, &bf);
			continue;
		}
		bf.path = NULL; /* the root has no file for this language */
		*SF_PUSH(c->f.a, root->i18n, root->ni18n, cap) = bf;
	}
}
