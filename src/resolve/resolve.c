/* resolve.c: one target: language per topic, specificity, merge, rules, order. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "resolveint.h"
#include "safar/strmap.h"

const char *const sf_role_names[] = { "base", "stacked", "no-match", "language",
				      "outranked", "excluded", "no-base", "ambiguous" };

const char *rs_target_name(const sf_target *t, sf_arena *a)
{
	return sf_printf(a, "%s %s %s %s", t->corridor->id, t->lang,
			 t->sector ? t->sector : "all-sector", t->audience);
}

void rs_chain(const sf_root *root, const char *lang, sf_arena *a, const char ***chain, size_t *n)
{
	const sf_config *cfg = &root->config;
	const sf_strv *fb = NULL;
	for (size_t i = 0; i < cfg->nfallback; i++)
		if (strcmp(cfg->fallback[i].lang, lang) == 0)
			fb = &cfg->fallback[i].chain;
	size_t max = 1 + (fb ? fb->n : 0);
	const char **v = sf_alloc_array(a, max, sizeof *v);
	size_t k = 0;
	v[k++] = lang;
	for (size_t i = 0; fb && i < fb->n; i++) {
		int dup = 0;
		for (size_t j = 0; j < k; j++)
			dup |= strcmp(v[j], fb->v[i]) == 0;
		if (!dup)
			v[k++] = fb->v[i];
	}
	*chain = v;
	*n = k;
}

struct cand {
	const sf_module *m;
	const char *lang; /* interned (rs_canon) */
	int spec;
	int matched;
	int merge; /* m->merge */
};

static int cmp_stack(const void *x, const void *y)
{
	const struct cand *a = x, *b = y;
	if (a->spec != b->spec)
		return a->spec - b->spec;
	return strcmp(a->m->path, b->m->path);
}

static void set_role(sf_candidate *cands, size_t i, int role, const char *why)
{
	if (cands) {
		cands[i].role = role;
		cands[i].why = why;
	}
}

/* sf_when_match for a module whose corridor-level keys allow t's corridor:
 * the sector and audience keys decide. */
static int match_local(const sf_when *w, const sf_target *t)
{
	if (w->present & (1u << SF_W_SECTOR))
		if (!t->sector || !sf_strv_has(&w->key[SF_W_SECTOR], t->sector))
			return 0;
	if (!(w->present & (1u << SF_W_AUDIENCE)))
		return 1;
	const sf_strv *au = &w->key[SF_W_AUDIENCE];
	return (t->audience && sf_strv_has(au, t->audience)) || sf_strv_has(au, "general");
}

/* match_local with the keys as bits (module mi of the root). */
static int match_bits(const rs_ctx *c, const rs_mx *x)
{
	if ((x->present & (1u << SF_W_SECTOR)) && !(x->sec & c->tsec))
		return 0;
	if (!(x->present & (1u << SF_W_AUDIENCE)))
		return 1;
	return (x->aud & c->taud) || x->aud_general;
}

/* rs_topic in resolve's common case, with the same result: a corridor's
 * view of at most 64 modules, each with its record (ix->mx), keys as bits,
 * no candidates to describe. Which modules match is a bit set, and the
 * loops look at the records alone. An ambiguity or a missing base (reported
 * with the candidates' details) is left to rs_topic: -2. */

/* The stacked parts st (ns, in ascending specificity) around the np parts
 * already in parts: a prepend before them, an append after. The new count. */
static size_t stack_parts(const sf_module **parts, size_t np, const struct cand *st, size_t ns)
{
	for (size_t i = 0; i < ns; i++) {
		if (st[i].merge == SF_PREPEND) {
			memmove(parts + 1, parts, np * sizeof *parts);
			parts[0] = st[i].m;
			np++;
		} else {
			parts[np++] = st[i].m;
		}
	}
	return np;
}

static int topic_bits(rs_ctx *c, const topic_ix *ix, sf_arena *a, sf_topic *out)
{
	const rs_mx *mx = ix->mx;
	size_t n = ix->n;
	uint64_t matched = 0;
	for (size_t i = 0; i < n; i++)
		matched |= (uint64_t)(match_bits(c, &mx[i]) != 0) << i;
	if (sf_strv_has(&c->excluded, ix->id))
		return 0;
	/* The first language of the chain in which anything matches. */
	const char *lang = NULL, *cl = NULL;
	for (size_t li = 0; li < c->nchain && !lang; li++)
		for (size_t i = 0; i < n; i++)
			if ((matched >> i & 1) && mx[i].lang == c->cchain[li]) {
				lang = c->chain[li];
				cl = c->cchain[li];
				break;
			}
	if (!lang)
		return 0;
	/* The base, the most specific matching replace module; what stacks. */
	size_t best = n, tie = n, ns = 0;
	uint64_t stacked = 0;
	for (size_t i = 0; i < n; i++) {
		if (!(matched >> i & 1) || mx[i].lang != cl)
			continue;
		if (mx[i].merge != SF_REPLACE) {
			stacked |= (uint64_t)1 << i;
			ns++;
		} else if (best == n || mx[i].spec > mx[best].spec) {
			best = i;
			tie = n;
		} else if (mx[i].spec == mx[best].spec && tie == n) {
			tie = i;
		}
	}
	if (tie < n || best == n)
		return -2;
	/* Filled below, all ns + 1 of them: not zeroed first. */
	const sf_module **parts = sf_alloc_raw(a, (ns + 1) * sizeof *parts);
	size_t np = 0;
	parts[np++] = ix->mods[best];
	if (ns) {
		/* In ascending specificity, ties by path (as rs_topic). */
		struct cand stbuf[16];
		struct cand *st = ns <= 16 ? stbuf : sf_alloc_array(a, ns, sizeof *st);
		size_t k = 0;
		for (size_t i = 0; i < n; i++)
			if (stacked >> i & 1)
				st[k++] = (struct cand){ ix->mods[i], mx[i].lang, mx[i].spec, 1, mx[i].merge };
		if (ns > 1)
			qsort(st, ns, sizeof *st, cmp_stack);
		np = stack_parts(parts, np, st, ns);
	}
	const sf_target *t = c->t;
	const sf_module *b = ix->mods[best];
	*out = (sf_topic){ ix->stage, ix->id, lang, lang != t->lang && strcmp(lang, t->lang) != 0, b,
			   parts, np, b->order };
	return 1;
}

int rs_topic(rs_ctx *c, const topic_ix *ix, sf_arena *a, sf_topic *out, sf_candidate *cands)
{
	if (!cands && ix->corridor_ok && ix->mx && c->r->when_bits && c->cchain && ix->n <= 64) {
		int got = topic_bits(c, ix, a, out);
		if (got != -2)
			return got;
	}
	const sf_target *t = c->t;
	const sf_root *root = c->r->root;
	char why[256];
	/* Scratch on the stack for most topics (a few modules each). */
	struct cand cvbuf[16], stbuf[16];
	struct cand *cv = ix->n <= 16 ? cvbuf : sf_alloc_array(a, ix->n, sizeof *cv);
	const char **cchain = c->cchain;
	if (!cchain) {
		rs_ctx_names(c, a);
		cchain = c->cchain;
	}
	for (size_t i = 0; i < ix->n; i++) {
		const sf_module *m = ix->mods[i];
		cv[i].m = m;
		int in_root = m >= root->modules && m < root->modules + root->nmodules;
		const rs_mx *x = !in_root ? NULL : ix->mx ? &ix->mx[i] : &c->r->mx[m - root->modules];
		cv[i].spec = x ? x->spec : sf_specificity(&m->when);
		cv[i].lang = x ? x->lang : rs_canon(c->r, m->lang);
		cv[i].merge = x ? x->merge : (int)m->merge;
		if (!cands && ix->corridor_ok)
			cv[i].matched = x && c->r->when_bits ? match_bits(c, x)
							     : match_local(&m->when, t);
		else
			cv[i].matched = sf_when_match(&m->when, t, why, sizeof why);
		if (cands) {
			cands[i] = (sf_candidate){ ix->mods[i], SF_ROLE_NO_MATCH, cv[i].spec, NULL };
			if (!cv[i].matched)
				cands[i].why = sf_strdup(a, why);
		}
	}
	if (sf_strv_has(&c->excluded, ix->id)) {
		for (size_t i = 0; i < ix->n; i++)
			if (cv[i].matched)
				set_role(cands, i, SF_ROLE_EXCLUDED, "a rule excludes this topic");
		return 0;
	}

	/* The first language of the chain in which anything matches. */
	const char *lang = NULL, *cl = NULL; /* cl: lang interned */
	size_t li = 0;
	for (; li < c->nchain && !lang; li++)
		for (size_t i = 0; i < ix->n && !lang; i++)
			if (cv[i].matched && cv[i].lang == cchain[li]) {
				lang = c->chain[li];
				cl = cchain[li];
			}
	if (!lang)
		return 0;
	for (size_t i = 0; cands && i < ix->n; i++)
		if (cv[i].matched && cv[i].lang != cl)
			set_role(cands, i, SF_ROLE_LANGUAGE,
				 sf_printf(a, "the topic resolves in %s", lang));

	/* The base: the most specific matching replace module. */
	size_t best = ix->n, tie = ix->n;
	for (size_t i = 0; i < ix->n; i++) {
		if (!cv[i].matched || cv[i].lang != cl || cv[i].merge != SF_REPLACE)
			continue;
		if (best == ix->n || cv[i].spec > cv[best].spec) {
			best = i;
			tie = ix->n;
		} else if (cv[i].spec == cv[best].spec && tie == ix->n) {
			tie = i;
		}
	}
	for (size_t i = 0; cands && best < ix->n && i < ix->n; i++)
		if (i != best && cv[i].matched && cv[i].lang == cl && cv[i].merge == SF_REPLACE)
			set_role(cands, i, SF_ROLE_OUTRANKED,
				 sf_printf(a, "specificity %d is below the base's %d", cv[i].spec,
					   cv[best].spec));
	if (tie < ix->n) {
		const sf_module *x = cv[best].m, *y = cv[tie].m;
		if (rs_once(c->r, sf_printf(a, "ambiguous\n%s\n%s", x->path, y->path)))
			sf_emit(c->r->sink, SF_D_AMBIGUOUS, y->loc,
				"%s topic '%s': this module and %s both match %s with specificity %d; make one more specific",
				sf_stage_names[ix->stage], ix->id, x->path, rs_target_name(t, a),
				cv[best].spec);
		for (size_t i = 0; i < ix->n; i++)
			if (cv[i].matched && cv[i].lang == cl && cv[i].merge == SF_REPLACE &&
			    cv[i].spec == cv[best].spec)
				set_role(cands, i, SF_ROLE_AMBIGUOUS, "ties with another replace module");
		return -1;
	}

	/* What stacks, in ascending specificity, ties by path. */
	struct cand *st = ix->n <= 16 ? stbuf : sf_alloc_array(a, ix->n, sizeof *st);
	size_t ns = 0;
	for (size_t i = 0; i < ix->n; i++)
		if (cv[i].matched && cv[i].lang == cl && cv[i].merge != SF_REPLACE)
			st[ns++] = cv[i];
	if (best == ix->n) {
		if (ns && rs_once(c->r, sf_printf(a, "nobase\n%s\n%s\n%s", st[0].m->path, lang,
						   t->corridor->id)))
			sf_emit(c->r->sink, SF_D_NO_BASE, st[0].m->loc,
				"%s topic '%s' in %s has %s modules for %s but no replace module to stack them on",
				sf_stage_names[ix->stage], ix->id, lang, sf_merge_names[st[0].m->merge],
				rs_target_name(t, a));
		for (size_t i = 0; i < ix->n; i++)
			if (cv[i].matched && cv[i].lang == cl)
				set_role(cands, i, SF_ROLE_NO_BASE, "no replace module to stack on");
		return -1;
	}
	if (ns > 1)
		qsort(st, ns, sizeof *st, cmp_stack);

	/* Filled below, all ns + 1 of them: not zeroed first. */
	const sf_module **parts = sf_alloc_raw(a, (ns + 1) * sizeof *parts);
	size_t np = 0;
	parts[np++] = cv[best].m;
	np = stack_parts(parts, np, st, ns);
	set_role(cands, best, SF_ROLE_BASE, NULL);
	for (size_t i = 0; cands && i < ix->n; i++)
		if (cv[i].matched && cv[i].lang == cl && cv[i].merge != SF_REPLACE)
			set_role(cands, i, SF_ROLE_STACKED, NULL);

	*out = (sf_topic){ ix->stage, ix->id, lang, lang != t->lang && strcmp(lang, t->lang) != 0, cv[best].m,
			   parts, np, cv[best].m->order };
	return 1;
}

static int cmp_topic(const void *x, const void *y)
{
	const sf_topic *a = x, *b = y;
	if (a->stage != b->stage)
		return a->stage - b->stage;
	if (a->order != b->order)
		return a->order < b->order ? -1 : 1;
	return strcmp(a->id, b->id);
}

/* Appends the ids of add not yet in *v. */
static void add_ids(sf_arena *a, sf_strv *v, size_t *cap, const sf_strv *add)
{
	for (size_t i = 0; i < add->n; i++) {
		if (sf_strv_has(v, add->v[i]))
			continue;
		if (v->n == *cap) {
			size_t nc = *cap ? *cap * 2 : 8;
			const char **nv = sf_alloc_array(a, nc, sizeof *nv);
			sf_loc *nl = sf_alloc_array(a, nc, sizeof *nl);
			if (v->n) {
				memcpy(nv, v->v, v->n * sizeof *nv);
				memcpy(nl, v->loc, v->n * sizeof *nl);
			}
			v->v = nv, v->loc = nl, *cap = nc;
		}
		v->v[v->n] = add->v[i];
		v->loc[v->n++] = add->loc ? add->loc[i] : (sf_loc){ 0 };
	}
}

static const char *fact_value(const sf_fact *f, const char **chain, size_t nchain,
			      const char **lang)
{
	*lang = NULL;
	if (f->value.plain)
		return f->value.plain;
	for (size_t c = 0; c < nchain; c++)
		for (size_t i = 0; i < f->value.n; i++)
			if (strcmp(f->value.lang[i], chain[c]) == 0) {
				*lang = chain[c];
				return f->value.val[i];
			}
	return NULL;
}

/* Adds f unless a fact of that name is there: the corridor's, or an earlier
 * rule's, wins. The names go through a hash set: a corridor may hold many
 * thousands of facts, and every edition resolves them. */
static void add_fact(const sf_resolver *rv, sf_resolved *res, const sf_fact *f)
{
	sf_fact_ref *r = &res->facts[res->nfacts];
	if (sf_strmap_put(res->fact_names, f->name, strlen(f->name), r))
		return;
	int id = rs_fact_id(rv, f->name);
	if (id >= 0)
		res->fact_by_id[id] = r;
	res->nfacts++;
	r->fact = f;
	r->value = fact_value(f, res->chain, res->nchain, &r->lang);
	r->len = r->value ? strlen(r->value) : 0;
}

/* Room for every fact the corridor and the rules could add, so that entries
 * never move once the name set points at them. */
static void alloc_facts(const sf_resolver *r, const sf_target *t, sf_arena *a, sf_resolved *res)
{
	const sf_root *root = r->root;
	res->fact_by_id = sf_alloc_array(a, r->nknown + 1, sizeof *res->fact_by_id);
	size_t n = t->corridor->nfacts;
	for (size_t i = 0; i < root->nrules; i++)
		n += root->rules[i].nfacts;
	res->facts = sf_alloc_array(a, n + 1, sizeof *res->facts);
	res->fact_names = sf_strmap_new(a, n);
}

void sf_resolve(sf_resolver *r, const sf_target *t, sf_arena *a, sf_resolved *res)
{
	const sf_root *root = r->root;
	memset(res, 0, sizeof *res);
	res->target = *t;
	rs_chain(root, t->lang, a, &res->chain, &res->nchain);

	size_t pcap[SF_NSTAGE] = { 0 }, ecap = 0, fcap_failed[SF_NSTAGE] = { 0 };
	for (int s = 0; s < SF_NSTAGE; s++) {
		add_ids(a, &res->policy[s], &pcap[s], &root->config.required[s]);
		add_ids(a, &res->policy[s], &pcap[s], &t->corridor->require[s]);
	}
	alloc_facts(r, t, a, res);
	for (size_t i = 0; i < t->corridor->nfacts; i++)
		add_fact(r, res, &t->corridor->facts[i]);
	size_t *matched = sf_alloc_array(a, root->nrules + 1, sizeof *matched), nmatched = 0;
	for (size_t i = 0; i < root->nrules; i++) {
		const sf_rule *rule = &root->rules[i];
		if (!sf_when_match(&rule->when, t, NULL, 0))
			continue;
		matched[nmatched++] = i;
		add_ids(a, &res->excluded, &ecap, &rule->exclude);
		for (int s = 0; s < SF_NSTAGE; s++)
			add_ids(a, &res->policy[s], &pcap[s], &rule->require[s]);
		for (size_t k = 0; k < rule->nfacts; k++)
			add_fact(r, res, &rule->facts[k]);
	}

	rs_ctx c = { r, t, res->chain, res->nchain, res->excluded,
		     rs_fctx(r, t, matched, nmatched, a), NULL, 0, 0 };
	rs_ctx_names(&c, a);
	res->fctx = c.fctx;
	/* Only the topics with a module for this corridor: any other has no
	 * module that matches, and would resolve to nothing. */
	const rs_view *view = rs_view_of(r, t->corridor);
	res->topics = sf_alloc_array(a, view->ntopics + 1, sizeof *res->topics);
	/* With the view's ranks, topic i resolves into slot rank[i] and the
	 * slots are closed up afterwards: the topics come out sorted when
	 * their modules agree on their order (checked; else sorted below). */
	const unsigned *rank = view->rank;
	unsigned char *used = rank ? sf_alloc(a, view->ntopics) : NULL;
	for (size_t i = 0; i < view->ntopics; i++) {
		const topic_ix *ix = &view->topics[i];
		if (!(t->stages & (1u << ix->stage)))
			continue;
		sf_topic *tp = &res->topics[rank ? rank[i] : res->ntopics];
		int got = rs_topic(&c, ix, a, tp, NULL);
		if (got > 0) {
			rs_check_facts(&c, res, tp, a);
			res->ntopics++;
			if (rank)
				used[rank[i]] = 1;
		} else if (got < 0) {
			const char *id = ix->id;
			sf_strv one = { .v = &id, .n = 1 };
			add_ids(a, &res->failed[ix->stage], &fcap_failed[ix->stage], &one);
		}
	}
	int sorted = 1;
	if (rank) {
		size_t k = 0;
		for (size_t s = 0; s < view->ntopics; s++)
			if (used[s]) {
				if (k != s)
					res->topics[k] = res->topics[s];
				k++;
			}
		for (size_t i = 1; i < res->ntopics && sorted; i++)
			sorted = cmp_topic(&res->topics[i - 1], &res->topics[i]) < 0;
	}
	/* Topics are unique by stage and id: every sort gives one order. */
	if (res->ntopics > 1 && (!rank || !sorted))
		qsort(res->topics, res->ntopics, sizeof *res->topics, cmp_topic);
}

const sf_fact_ref *sf_fact_lookup(const sf_resolved *res, const char *name)
{
	return res->fact_names ? sf_strmap_get(res->fact_names, name, strlen(name)) : NULL;
}
