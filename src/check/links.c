/* links.c: #links point at something the edition has; other links will print as text. */
#include <string.h>
#include <strings.h>

#include "checkint.h"

/* The anchors of a handbook: stage-X, X-id per topic, checklist, help, sources. */
static int anchor_exists(const sf_resolved *res, const char *a)
{
	if (strcmp(a, "checklist") == 0 || strcmp(a, "help") == 0 || strcmp(a, "sources") == 0)
		return 1;
	for (size_t i = 0; i < res->ntopics; i++) {
		const char *st = sf_stage_names[res->topics[i].stage];
		if (strncmp(a, "stage-", 6) == 0 && strcmp(a + 6, st) == 0)
			return 1;
		size_t n = strlen(st);
		if (strncmp(a, st, n) == 0 && a[n] == '-' && strcmp(a + n + 1, res->topics[i].id) == 0)
			return 1;
	}
	return 0;
}

void ck_links(ck_ctx *c, const sf_resolved *res)
{
	for (size_t i = 0; i < res->ntopics; i++)
		for (size_t p = 0; p < res->topics[i].nparts; p++) {
			const sf_module *m = res->topics[i].parts[p];
			for (size_t k = 0; k < m->nlinks; k++) {
				const sf_link *l = &m->links[k];
				if (l->url[0] != '#' || anchor_exists(res, l->url + 1))
					continue;
				/* Once per link, however many editions lack it: a
				 * hash set, as 40,000 dead links once took 47 s. */
				const char *key = sf_printf(c->a, "%s#%zu", m->path, k);
				if (!sf_strmap_put(c->reported, key, strlen(key), (void *)key)) {
					sf_emit_group(c->sink, ck_target_name(c, &res->target), SF_D_DEAD_REFERENCE,
						      l->loc,
						      "link '%s' points at nothing in the %s edition: no such topic or section "
						      "(anchors are stage-PDO, PDO-<topic id>, checklist, help, sources)",
						      l->url, ck_target_name(c, &res->target));
				}
			}
		}
}

void ck_dropped_links(ck_ctx *c)
{
	static const char *const ok[] = { "http://", "https://", "mailto:", "tel:", "#" };
	for (size_t i = 0; i < c->root->nmodules; i++) {
		const sf_module *m = &c->root->modules[i];
		for (size_t k = 0; k < m->nlinks; k++) {
			int fine = 0;
			for (size_t j = 0; j < 5 && !fine; j++)
				fine = strncasecmp(m->links[k].url, ok[j], strlen(ok[j])) == 0;
			if (!fine)
				sf_emit(c->sink, SF_D_DROPPED_LINK, m->links[k].loc,
					"link '%s' will print as plain text: outputs keep only http, https, mailto, tel and #links",
					m->links[k].url);
		}
	}
}
