/* target.c: one target named on the command line (explain, sms), with defaults. */
#include <string.h>

#include "cli.h"
#include "safar/resolve.h"
#include "safar/suggest.h"

/* Fills *t from the arguments; returns 0 or an exit status. */
int sf_cli_target(const sf_cmd *cmd, const sf_root *root, const char *cid, const char *lang,
		  const char *audience, const char *sector, sf_target *t)
{
	const sf_corridor *co = NULL;
	const char *ids[256];
	size_t n = 0;
	for (size_t i = 0; i < root->ncorridors; i++) {
		if (strcmp(root->corridors[i].id, cid) == 0)
			co = &root->corridors[i];
		if (n < 256)
			ids[n++] = root->corridors[i].id;
	}
	if (!co) {
		const char *near = sf_suggest(cid, ids, n);
		return near ? sf_usage_error(cmd, "no corridor '%s'; did you mean '%s'?", cid, near)
			    : sf_usage_error(cmd, "no corridor '%s'", cid);
	}
	if (!lang)
		lang = co->languages.n ? co->languages.v[0] : "en";
	if (!sf_strv_has(&root->config.languages, lang))
		return sf_usage_error(cmd, "language '%s' is not declared in safar.yaml", lang);
	if (!audience)
		audience = sf_strv_has(&co->audiences, "general") || !co->audiences.n ? "general"
										   : co->audiences.v[0];
	if (!sf_strv_has(&root->config.audiences, audience))
		return sf_usage_error(cmd, "audience '%s' is not declared in safar.yaml", audience);
	if (sector && strcmp(sector, "all") == 0)
		sector = NULL;
	if (sector && !sf_strv_has(&root->config.sectors, sector))
		return sf_usage_error(cmd, "sector '%s' is not declared in safar.yaml", sector);
	*t = (sf_target){ co, sector, audience, lang, (1u << SF_NSTAGE) - 1 };
	return 0;
}

