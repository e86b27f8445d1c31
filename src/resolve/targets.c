/* targets.c: every edition a content root builds, narrowed by the user. */
#include <string.h>

#include "safar/resolve.h"

static int wanted(const char *const *v, size_t n, const char *s)
{
	if (n == 0)
		return 1;
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return 1;
	return 0;
}

size_t sf_targets(const sf_root *root, const sf_filter *f, sf_arena *a, sf_target **out)
{
	sf_target *v = NULL;
	size_t n = 0, cap = 0;
	unsigned stages = f && f->stages ? f->stages : (1u << SF_NSTAGE) - 1;
	for (size_t i = 0; i < root->ncorridors; i++) {
		const sf_corridor *c = &root->corridors[i];
		if (f && !wanted(f->corridors, f->ncorridors, c->id))
			continue;
		/* An undeclared language, audience or sector is one schema
		 * error at the corridor; its editions are not there to be
		 * found incomplete as well (one cause, one error). */
		const sf_config *cfg = &root->config;
		for (size_t l = 0; l < c->languages.n; l++) {
			if ((f && f->lang && strcmp(f->lang, c->languages.v[l]) != 0) ||
			    !sf_strv_has(&cfg->languages, c->languages.v[l]))
				continue;
			for (size_t au = 0; au < c->audiences.n; au++) {
				if ((f && f->audience && strcmp(f->audience, c->audiences.v[au]) != 0) ||
				    !sf_strv_has(&cfg->audiences, c->audiences.v[au]))
					continue;
				for (size_t s = 0; s <= c->sectors.n; s++) {
					const char *sector = s ? c->sectors.v[s - 1] : NULL;
					if (sector && !sf_strv_has(&cfg->sectors, sector))
						continue;
					if (f && f->sector &&
					    (sector ? strcmp(f->sector, sector) != 0 : strcmp(f->sector, "all") != 0))
						continue;
					*SF_PUSH(a, v, n, cap) = (sf_target){ c, sector, c->audiences.v[au],
									      c->languages.v[l], stages };
				}
			}
		}
	}
	*out = v;
	return n;
}
