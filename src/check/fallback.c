/* fallback.c: topics a corridor language gets only through its fallback chain. */
#include <string.h>

#include "checkint.h"
#include "safar/buf.h"

/* One warning per corridor language, listing each topic once, rather than
 * one per edition: the fix (write the topic in that language) is one. */
void ck_fallback(ck_ctx *c, const sf_corridor *co, size_t lang, const sf_resolved *res,
		 size_t nres)
{
	if (nres == 0)
		return;
	sf_buf list = { 0 };
	size_t count = 0;
	const sf_topic **seen = NULL;
	size_t nseen = 0, cap = 0;
	for (size_t r = 0; r < nres; r++)
		for (size_t i = 0; i < res[r].ntopics; i++) {
			const sf_topic *t = &res[r].topics[i];
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
	if (count) {
		const char *l = res[0].target.lang;
		sf_loc at = lang < co->languages.n ? co->languages.loc[lang] : co->loc;
		sf_emit_group(c->sink, sf_printf(c->a, "%s %s", co->id, l), SF_D_FALLBACK, at,
			      "%s in %s: %zu %s through a fallback language: %s", co->id, l, count,
			      count == 1 ? "topic resolves" : "topics resolve", list.data);
	}
	sf_buf_free(&list);
}
