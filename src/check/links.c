/* links.c: #links point at something the edition has; other links will print as text. */
#include <string.h>
#include <strings.h>

#include "checkint.h"

/* The edition judged every link; check reports the dead ones, once per link
 * however many editions lack its anchor. */
void ck_links(ck_ctx *c, const sf_edition *e)
{
	if (!e->has_dead_link)
		return;
	for (size_t i = 0; i < e->ntopics; i++)
		for (size_t p = 0; p < e->topics[i].nparts; p++) {
			const sf_ed_part *ep = &e->topics[i].parts[p];
			for (size_t k = 0; k < ep->m->nlinks; k++) {
				const sf_link *l = ep->links[k].link;
				if (ep->links[k].verdict != SF_LINK_DEAD)
					continue;
				/* A hash set: 40,000 dead links once took 47 s. */
				const char *key = sf_printf(c->a, "%s#%zu", ep->m->path, k);
				if (sf_strmap_put(c->reported, key, strlen(key), (void *)key))
					continue;
				const char *name = ck_edition_name(c, e);
				sf_emit_group(c->sink, name, SF_D_DEAD_REFERENCE, l->loc,
					      "link '%s' points at nothing in the %s edition: no such topic or section "
					      "(anchors are stage-PDO, PDO-<topic id>, checklist, help, sources, src-<n>)",
					      l->url, name);
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
