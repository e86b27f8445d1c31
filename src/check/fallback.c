/* fallback.c: topics a corridor language gets only through its fallback chain. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "checkint.h"
#include "safar/buf.h"
#include "safar/xalloc.h"

/* A set of nonzero 64-bit keys (open addressing); add returns 1 when new. */
typedef struct kset {
	uint64_t *v;
	size_t n, cap;
} kset;

static size_t kslot(uint64_t x, size_t cap)
{
	x ^= x >> 31;
	x *= 0x9e3779b97f4a7c15u;
	x ^= x >> 29;
	return (size_t)x & (cap - 1);
}

static int kset_add(kset *s, uint64_t key)
{
	if (s->n * 2 >= s->cap) {
		size_t nc = s->cap ? s->cap * 2 : 256;
		uint64_t *v = sf_xcalloc(nc, sizeof *v);
		for (size_t i = 0; i < s->cap; i++) {
			if (!s->v[i])
				continue;
			size_t j = kslot(s->v[i], nc);
			while (v[j])
				j = (j + 1) & (nc - 1);
			v[j] = s->v[i];
		}
		free(s->v);
		s->v = v;
		s->cap = nc;
	}
	size_t j = kslot(key, s->cap);
	while (s->v[j]) {
		if (s->v[j] == key)
			return 0;
		j = (j + 1) & (s->cap - 1);
	}
	s->v[j] = key;
	s->n++;
	return 1;
}

/* FNV-1a of a topic's stage and id, never 0. */
static uint64_t topic_key(int stage, const char *id)
{
	uint64_t h = 14695981039346656037ULL ^ (uint64_t)(stage + 1);
	h *= 1099511628211ULL;
	for (const unsigned char *p = (const unsigned char *)id; *p; p++)
		h = (h ^ *p) * 1099511628211ULL;
	return h | 1;
}

/* One warning per corridor language, listing each topic once, rather than
 * one per edition: the fix (write the topic in that language) is one. */
void ck_fallback(ck_ctx *c, const sf_corridor *co, size_t lang, const sf_edition *ed, size_t nres)
{
	if (nres == 0)
		return;
	sf_buf list = { 0 };
	size_t count = 0;
	/* Topics by a hash of stage and id; a hash met before is confirmed
	 * against the topics listed, so a collision cannot hide one. */
	const sf_ed_topic **seen = NULL;
	size_t nseen = 0, cap = 0;
	kset hseen = { 0 };
	for (size_t r = 0; r < nres; r++)
		for (size_t i = 0; i < ed[r].ntopics; i++) {
			const sf_ed_topic *t = &ed[r].topics[i];
			if (!t->fallback)
				continue;
			int dup = 0;
			if (!kset_add(&hseen, topic_key(t->stage, t->id)))
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
	/* A module's facts read the same in every edition of one facts
	 * context: each (module, context) is looked at once. */
	kset mseen = { 0 };
	for (size_t r = 0; r < nres; r++) {
		/* Most editions read every fact in their own language: then no
		 * placeholder needs looking at. */
		/* And once every fact such an edition reads in another
		 * language is listed, its placeholders can add nothing. */
		size_t other = 0, listed = 0;
		for (size_t i = 0; i < ed[r].res->nfacts; i++) {
			const sf_fact_ref *f = &ed[r].res->facts[i];
			if (!f->lang || strcmp(f->lang, ed[r].target.lang) == 0)
				continue;
			other++;
			for (size_t j = 0; j < nfseen; j++)
				if (strcmp(fseen[j], f->fact->name) == 0) {
					listed++;
					break;
				}
		}
		for (size_t i = 0; listed < other && i < ed[r].ntopics; i++) {
			const sf_ed_topic *t = &ed[r].topics[i];
			for (size_t p = 0; listed < other && p < t->nparts; p++) {
				const sf_module *m = t->parts[p].m;
				if (!m->nplaceholders)
					continue;
				if (ed[r].res->fctx && m >= c->root->modules &&
				    m < c->root->modules + c->root->nmodules &&
				    !kset_add(&mseen, ((uint64_t)ed[r].res->fctx << 32) |
							      (uint64_t)(m - c->root->modules + 1)))
					continue;
				for (size_t k = 0; listed < other && k < m->nplaceholders; k++) {
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
					listed++;
				}
			}
		}
	}
	free(hseen.v);
	free(mseen.v);
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
		sf_diag_key key = { .corridor = co->id, .lang = l };
		sf_emit_group(c->sink, &key, SF_D_FALLBACK, at,
			      "%s in %s reads through a fallback language: %s", co->id, l, msg.data);
	}
	sf_buf_free(&msg);
	sf_buf_free(&list);
}
