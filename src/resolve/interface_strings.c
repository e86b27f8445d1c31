/* interface_strings.c: interface strings for a target language, through its fallbacks. */
#include <string.h>

#include "safar/i18n.h"

void sf_i18n_resolve(const sf_root *root, const char *const *chain, size_t nchain,
		     const char **out, const char **from_lang)
{
	/* The catalogues of each language of the chain, in the chain's order,
	 * matched once rather than once per string (check resolves every
	 * edition's strings). */
	size_t cat[64], cat_c[64], ncat = 0;
	int fits = 1;
	for (size_t c = 0; c < nchain && fits; c++)
		for (size_t f = 0; f < root->ni18n; f++)
			if (strcmp(root->i18n[f].lang, chain[c]) == 0) {
				if (ncat == sizeof cat / sizeof cat[0]) {
					fits = 0;
					break;
				}
				cat[ncat] = f;
				cat_c[ncat++] = c;
			}
	for (int k = 0; k < SF_NSTRINGS; k++) {
		out[k] = sf_i18n_defaults[k];
		if (from_lang)
			from_lang[k] = NULL;
		int found = 0;
		for (size_t i = 0; fits && i < ncat && !found; i++)
			if (root->i18n[cat[i]].val[k]) {
				out[k] = root->i18n[cat[i]].val[k];
				if (from_lang)
					from_lang[k] = chain[cat_c[i]];
				found = 1;
			}
		for (size_t c = 0; !fits && c < nchain && !found; c++)
			for (size_t f = 0; f < root->ni18n && !found; f++)
				if (strcmp(root->i18n[f].lang, chain[c]) == 0 && root->i18n[f].val[k]) {
					out[k] = root->i18n[f].val[k];
					if (from_lang)
						from_lang[k] = chain[c];
					found = 1;
				}
	}
}

const char *sf_i18n_sector(const sf_root *root, const char *const *chain, size_t nchain,
			   const char *sector)
{
	for (size_t c = 0; c < nchain; c++)
		for (size_t f = 0; f < root->ni18n; f++) {
			if (strcmp(root->i18n[f].lang, chain[c]) != 0)
				continue;
			for (size_t k = 0; k < root->i18n[f].nsectors; k++)
				if (strcmp(root->i18n[f].sectors[k].sector, sector) == 0)
					return root->i18n[f].sectors[k].name;
		}
	return NULL;
}
