/* target.c: one target named on the command line (explain, sms), with defaults. */
#include <string.h>

#include "cli.h"
#include "safar/fsio.h"
#include "safar/resolve.h"
#include "safar/suggest.h"

/* 1 when loading reported an error in corridors/<cid>.yaml, or in the
 * corridors folder itself: then that error, not the command line, is why
 * no corridor has the id. */
static int corridor_failed(const sf_cli_root *cr, const char *cid)
{
	const char *file = sf_path_join(cr->a, cr->root.dir, sf_printf(cr->a, "corridors/%s.yaml", cid));
	const char *dir = sf_path_join(cr->a, cr->root.dir, "corridors");
	for (size_t i = 0; i < sf_sink_count(cr->sink); i++) {
		const sf_diag *d = sf_sink_get(cr->sink, i);
		if (d->sev >= SF_ERROR && d->loc.path &&
		    (strcmp(d->loc.path, file) == 0 || strcmp(d->loc.path, dir) == 0))
			return 1;
	}
	return 0;
}

/* Fills *t from the arguments; returns 0 or an exit status. */
int sf_cli_target(const sf_cmd *cmd, const sf_cli_root *cr, const char *cid, const char *lang,
		  const char *audience, const char *sector, sf_target *t)
{
	const sf_root *root = &cr->root;
	const sf_corridor *co = NULL;
	const char *ids[256];
	size_t n = 0;
	for (size_t i = 0; i < root->ncorridors; i++) {
		if (strcmp(root->corridors[i].id, cid) == 0)
			co = &root->corridors[i];
		if (n < 256)
			ids[n++] = root->corridors[i].id;
	}
	if (!co && corridor_failed(cr, cid))
		return sf_exit_for(cr->sink); /* the sink reports it */
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

