/* interface_strings.c: interface strings for a target language, through its fallbacks. */
#include <string.h>

#include "safar/i18n.h"

void sf_i18n_resolve(const sf_root *root, const char *const *chain, size_t nchain,
		     const char **out, const char **from_lang)
{
	for (int k = 0; k < SF_NSTRINGS; k++) {
		out[k] = sf_i18n_defaults[k];
		if (from_lang)
			from_lang[k] = NULL;
		int found = 0;
		for (size_t c = 0; c < nchain && !found; c++)
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
