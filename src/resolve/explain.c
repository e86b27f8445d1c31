/* explain.c: every candidate module of a topic, and what became of it. */
#include <string.h>

#include "resolveint.h"

size_t sf_explain(sf_resolver *r, const sf_target *t, const char *id, sf_arena *a,
		  sf_explanation **out)
{
	sf_resolved res;
	sf_target one = *t;
	sf_resolve(r, &one, a, &res); /* for the exclusions and the facts */
	rs_ctx c = { r, t, res.chain, res.nchain, res.excluded, 0, NULL, 0, 0 };
	rs_ctx_names(&c, a);
	sf_explanation *v = sf_alloc_array(a, SF_NSTAGE, sizeof *v);
	size_t n = 0;
	for (size_t i = 0; i < r->ntopics; i++) {
		const topic_ix *ix = &r->topics[i];
		if (strcmp(ix->id, id) != 0)
			continue;
		sf_explanation *e = &v[n++];
		e->stage = ix->stage;
		e->id = ix->id;
		e->cands = sf_alloc_array(a, ix->n, sizeof *e->cands);
		e->ncands = ix->n;
		sf_topic *tp = sf_alloc(a, sizeof *tp);
		if (rs_topic(&c, ix, a, tp, e->cands) > 0)
			e->topic = tp;
	}
	*out = v;
	return n;
}
