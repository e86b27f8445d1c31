/* fallback.c: topics a corridor language gets only through its fallback chain. */
#include <string.h>

#include "checkint.h"
#include "safar/buf.h"

/* One warning per corridor language, listing each topic once, rather than
 * one per edition: the fix (write the topic in that language) is one. */
void ck_fallback(ck_ctx *c, const sf_corridor *co, size_t lang, const sf_edition *ed, size_t nres)
{
	if (nres == 0)
		return;
	sf_buf list = { 0 };
	size_t count = 0;
	const sf_ed_topic **seen = NULL;
	size_t nseen = 0, cap = 0;
	for (size_t r = 0; r < nres; r++)
		for (size_t i = 0; i < ed[r].ntopics; i++) {
			const sf_ed_topic *t = &ed[r].topics[i];
			if (!t->fallback)
				continue;
			int dup = 0;
			for (size_t k = 0; k < nseen && !dup; k++)
				dup = seen[k]->stage == t->stage && strcmp(seen[k]->id, t->id) == 0;
			if (dup)
				continue;
			*SF_PUSH(c->a, seen, nseen, cap) = t;
			sf_buf_printf(&list, "%s%s %s (%s)", count ? ", " : "", sf_stage_names[t->stage],
				      t->id, t->lang);
			count++;
		}
	/* Facts read in another language show that language inside the
	 * edition's own text: the same kind of gap. */
	sf_buf facts = { 0 };
	size_t nfacts = 0;
	const char **fseen = NULL;
	size_t nfseen = 0, fcap = 0;
	for (size_t r = 0; r < nres; r++)
		for (size_t i = 0; i < ed[r].ntopics; i++) {
			const sf_ed_topic *t = &ed[r].topics[i];
			for (size_t p = 0; p < t->nparts; p++)
				for (size_t k = 0; k < t->parts[p].m->nplaceholders; k++) {
					const sf_fact_ref *f = sf_fact_lookup(ed[r].res, t->parts[p].m->placeholders[k].name);
					if (!f || !f->lang || strcmp(f->lang, ed[r].target.lang) == 0)
						continue;
					int dup = 0;
					for (size_t j = 0; j < nfseen && !dup; j++)
						dup = strcmp(fseen[j], f->fact->name) == 0;
					if (dup)
						continue;
					*SF_PUSH(c->a, fseen, nfseen, fcap) = f->fact->name;
					sf_buf_printf(&facts, "%s%s (%s)", nfacts ? ", " : "", f->fact->name, f->lang);
					nfacts++;
				}
		}
	/* The corridor's title is on every cover. */
	const char *l0 = ed[0].target.lang;
	int title = !co->title.plain && co->title.n > 0;
	for (size_t i = 0; title && i < co->title.n; i++)
		title = strcmp(co->title.lang[i], l0) != 0;
	sf_buf msg = { 0 };
	if (title)
		sf_buf_puts(&msg, "the corridor's title");
	if (count)
		sf_buf_puts(&msg, title ? "; " : "");
	if (count)
		sf_buf_printf(&msg, "%zu topic%s: %s", count, count == 1 ? "" : "s", list.data);
	if (nfacts)
		sf_buf_printf(&msg, "%s%zu fact%s: %s", count || title ? "; " : "", nfacts,
			      nfacts == 1 ? "" : "s", facts.data);
	sf_buf_free(&facts);
	if (count || nfacts || title) {
		const char *l = ed[0].target.lang;
		sf_loc at = lang < co->languages.n ? co->languages.loc[lang] : co->loc;
		sf_emit_group(c->sink, sf_printf(c->a, "%s %s", co->id, l), SF_D_FALLBACK, at,
			      "%s in %s reads through a fallback language: %s", co->id, l, msg.data);
	}
	sf_buf_free(&msg);
	sf_buf_free(&list);
}
