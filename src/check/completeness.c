/* completeness.c: every required topic of every stage resolves for every target. */
#include <string.h>

#include "checkint.h"

/* Where to point: the corridor's `require` entry when it asked for the
 * topic, else the target language in its `languages`, else its id. */
static sf_loc where(const sf_corridor *co, const char *lang, int stage, const char *id)
{
	const sf_strv *req = &co->require[stage];
	for (size_t i = 0; i < req->n; i++)
		if (strcmp(req->v[i], id) == 0)
			return req->loc[i];
	for (size_t i = 0; i < co->languages.n; i++)
		if (strcmp(co->languages.v[i], lang) == 0)
			return co->languages.loc[i];
	return co->id_loc.line ? co->id_loc : co->loc;
}

void ck_completeness(ck_ctx *c, const sf_edition *e)
{
	const sf_resolved *res = e->res;
	const sf_target *t = &e->target;
	for (int s = 0; s < SF_NSTAGE; s++) {
		for (size_t k = 0; k < res->policy[s].n; k++) {
			const char *id = res->policy[s].v[k];
			/* Left out by an ambiguity or a missing base: reported
			 * as that, and not as missing too. */
			int found = sf_strv_has(&res->excluded, id) || sf_strv_has(&res->failed[s], id);
			for (size_t i = 0; i < e->ntopics && !found; i++)
				found = e->topics[i].stage == s && strcmp(e->topics[i].id, id) == 0;
			if (found)
				continue;
			const char *name = ck_edition_name(c, e);
			sf_emit_group(c->sink, sf_printf(c->a, "%s %s", name, sf_stage_names[s]),
				      SF_D_MISSING_TOPIC, where(t->corridor, t->lang, s, id),
				      "%s topic '%s' is required, but the %s edition has no module for it",
				      sf_stage_names[s], id, name);
		}
	}
}
