/* resolver.c: the index over a root that every resolution shares, and rule checks. */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "resolveint.h"
#include "safar/buf.h"
#include "safar/strmap.h"
#include "safar/xalloc.h"

#define CORRIDOR_KEYS \
	((1u << SF_W_CORRIDOR) | (1u << SF_W_ORIGIN) | (1u << SF_W_DESTINATION))

static int cmp_mod(const void *x, const void *y)
{
	const sf_module *a = *(const sf_module *const *)x, *b = *(const sf_module *const *)y;
	if (a->stage != b->stage)
		return a->stage - b->stage;
	int c = strcmp(a->id, b->id);
	return c ? c : strcmp(a->path, b->path);
}

static const topic_ix *find_topic(const sf_resolver *r, int stage, const char *id)
{
	for (size_t i = 0; i < r->ntopics; i++)
		if ((stage < 0 || r->topics[i].stage == stage) && strcmp(r->topics[i].id, id) == 0)
			return &r->topics[i];
	return NULL;
}

/* A rule that names a topic nobody wrote is a typo or a stale rule. */
static void check_rules(sf_resolver *r)
{
	for (size_t i = 0; i < r->root->nrules; i++) {
		const sf_rule *rule = &r->root->rules[i];
		for (size_t k = 0; k < rule->exclude.n; k++)
			if (!find_topic(r, -1, rule->exclude.v[k]))
				sf_emit(r->sink, SF_D_UNKNOWN_TOPIC, rule->exclude.loc[k],
					"rule excludes topic '%s', which no module defines",
					rule->exclude.v[k]);
		for (int s = 0; s < SF_NSTAGE; s++)
			for (size_t k = 0; k < rule->require[s].n; k++)
				if (!find_topic(r, s, rule->require[s].v[k]))
					sf_emit(r->sink, SF_D_UNKNOWN_TOPIC, rule->require[s].loc[k],
						"rule requires %s topic '%s', which no module defines",
						sf_stage_names[s], rule->require[s].v[k]);
	}
}

/* Does w allow corridor co, looking only at the corridor-level keys? */
static int corridor_match(const sf_when *w, const sf_corridor *co)
{
	const char *val[3] = { co->id, co->origin, co->destination };
	for (int k = SF_W_CORRIDOR; k <= SF_W_DESTINATION; k++)
		if ((w->present & (1u << k)) && (!val[k] || !sf_strv_has(&w->key[k], val[k])))
			return 0;
	return 1;
}

/* Files each module of a keyed topic under the corridors it allows. */
static void index_corridors(sf_resolver *r)
{
	const sf_root *root = r->root;
	sf_arena *a = r->a;
	sf_strmap *ids = sf_strmap_new(a, root->ncorridors);
	for (size_t ci = 0; ci < root->ncorridors; ci++) {
		const char *id = root->corridors[ci].id;
		if (!id || sf_strmap_put(ids, id, strlen(id), (void *)(ci + 1)))
			return; /* ids repeat: views scan */
	}
	r->cm = sf_alloc_array(a, root->ncorridors + 1, sizeof *r->cm);
	r->ncm = sf_alloc_array(a, root->ncorridors + 1, sizeof *r->ncm);
	size_t *room = sf_xcalloc(root->ncorridors + 1, sizeof *room);
	const sf_module **last = sf_xcalloc(root->ncorridors + 1, sizeof *last);
	/* Matched once into a list of (corridor, entry), then counted and
	 * filed at each corridor's place in that order (growing in the arena
	 * would leave every smaller copy behind). */
	struct hit {
		size_t ci;
		rs_cm cm;
	} *hits = NULL;
	size_t nhits = 0, caphits = 0;
	for (size_t i = 0; i < r->ntopics; i++) {
		if (!r->topic_keyed[i])
			continue;
		for (size_t k = 0; k < r->topics[i].n; k++) {
			const sf_module *m = r->topics[i].mods[k];
			const sf_strv *cids = &m->when.key[SF_W_CORRIDOR];
			int listed = (m->when.present & (1u << SF_W_CORRIDOR)) != 0;
			size_t n = listed ? cids->n : root->ncorridors;
			for (size_t j = 0; j < n; j++) {
				size_t ci = j;
				if (listed) {
					ci = (size_t)(uintptr_t)sf_strmap_get(ids, cids->v[j],
									      strlen(cids->v[j]));
					if (!ci--)
						continue;
				}
				if (!corridor_match(&m->when, &root->corridors[ci]))
					continue;
				if (last[ci] == m)
					continue; /* listed twice */
				last[ci] = m;
				room[ci]++;
				if (nhits == caphits) {
					caphits = caphits ? caphits * 2 : 1024;
					hits = sf_xrealloc(hits, caphits * sizeof *hits);
				}
				hits[nhits++] = (struct hit){ ci, { i, m } };
			}
		}
	}
	for (size_t ci = 0; ci < root->ncorridors; ci++)
		r->cm[ci] = room[ci] ? sf_alloc_array(a, room[ci], sizeof *r->cm[ci]) : NULL;
	for (size_t h = 0; h < nhits; h++)
		r->cm[hits[h].ci][r->ncm[hits[h].ci]++] = hits[h].cm;
	free(hits);
	free(room);
	free(last);
}

const char *rs_canon(const sf_resolver *r, const char *s)
{
	const char *c = s && r->canon ? sf_strmap_get(r->canon, s, strlen(s)) : NULL;
	return c ? c : s;
}

/* The bit of name in map, adding it; -1 past 64 names. */
static int name_bit(sf_arena *a, sf_strmap *map, size_t *n, const char *name)
{
	uintptr_t b = (uintptr_t)sf_strmap_get(map, name, strlen(name));
	if (b)
		return (int)b - 1;
	if (*n >= 64)
		return -1;
	sf_strmap_put(map, name, strlen(name), (void *)(uintptr_t)(++*n));
	(void)a;
	return (int)*n - 1;
}

/* Interns the modules' languages, sectors and audiences (docs/performance.md). */
static void intern_names(sf_resolver *r)
{
	const sf_root *root = r->root;
	sf_arena *a = r->a;
	r->canon = sf_strmap_new(a, 64);
	r->mlang = sf_alloc_array(a, root->nmodules + 1, sizeof *r->mlang);
	r->msec = sf_alloc_array(a, root->nmodules + 1, sizeof *r->msec);
	r->maud = sf_alloc_array(a, root->nmodules + 1, sizeof *r->maud);
	r->maud_general = sf_alloc(a, root->nmodules + 1);
	r->sector_bit = sf_strmap_new(a, 64);
	r->audience_bit = sf_strmap_new(a, 64);
	size_t nsec = 0, naud = 0;
	int ok = 1;
	for (size_t i = 0; i < root->nmodules; i++) {
		const sf_module *m = &root->modules[i];
		if (m->lang) {
			const char *c = sf_strmap_put(r->canon, m->lang, strlen(m->lang), (void *)m->lang);
			r->mlang[i] = c ? c : m->lang;
		}
		const sf_strv *sec = &m->when.key[SF_W_SECTOR], *au = &m->when.key[SF_W_AUDIENCE];
		for (size_t k = 0; k < sec->n; k++) {
			int b = name_bit(a, r->sector_bit, &nsec, sec->v[k]);
			if (b < 0)
				ok = 0;
			else
				r->msec[i] |= (uint64_t)1 << b;
		}
		for (size_t k = 0; k < au->n; k++) {
			if (strcmp(au->v[k], "general") == 0)
				r->maud_general[i] = 1;
			int b = name_bit(a, r->audience_bit, &naud, au->v[k]);
			if (b < 0)
				ok = 0;
			else
				r->maud[i] |= (uint64_t)1 << b;
		}
	}
	r->when_bits = ok;
}

void rs_ctx_names(rs_ctx *c, sf_arena *a)
{
	const sf_resolver *r = c->r;
	c->cchain = sf_alloc_array(a, c->nchain + 1, sizeof *c->cchain);
	for (size_t i = 0; i < c->nchain; i++)
		c->cchain[i] = rs_canon(r, c->chain[i]);
	c->tsec = c->taud = 0;
	if (c->t->sector && r->sector_bit) {
		uintptr_t b = (uintptr_t)sf_strmap_get(r->sector_bit, c->t->sector, strlen(c->t->sector));
		if (b)
			c->tsec = (uint64_t)1 << (b - 1);
	}
	if (c->t->audience && r->audience_bit) {
		uintptr_t b = (uintptr_t)sf_strmap_get(r->audience_bit, c->t->audience,
						       strlen(c->t->audience));
		if (b)
			c->taud = (uint64_t)1 << (b - 1);
	}
}

/* The records of mods, in their order, in a. */
static const rs_mx *mx_of(const sf_resolver *r, sf_arena *a, const sf_module **mods, size_t n)
{
	rs_mx *x = sf_alloc_raw(a, (n + 1) * sizeof *x);
	for (size_t k = 0; k < n; k++)
		x[k] = r->mx[mods[k] - r->root->modules];
	return x;
}

sf_resolver *sf_resolver_new(const sf_root *root, sf_sink *sink)
{
	sf_arena *a = sf_arena_new();
	sf_resolver *r = sf_alloc(a, sizeof *r);
	r->root = root;
	r->sink = sink;
	r->a = a;
	pthread_mutex_init(&r->lock, NULL);

	const sf_module **v = sf_alloc_array(a, root->nmodules + 1, sizeof *v);
	size_t n = 0;
	for (size_t i = 0; i < root->nmodules; i++)
		if (root->modules[i].id && root->modules[i].lang)
			v[n++] = &root->modules[i];
	if (n)
		qsort(v, n, sizeof *v, cmp_mod);
	r->topics = sf_alloc_array(a, n + 1, sizeof *r->topics);
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && v[j]->stage == v[i]->stage && strcmp(v[j]->id, v[i]->id) == 0)
			j++;
		r->topics[r->ntopics++] = (topic_ix){ v[i]->stage, v[i]->id, &v[i], j - i, 0, NULL };
		i = j;
	}
	intern_names(r);
	r->last_fctx = sf_alloc_array(a, root->nmodules + 1, sizeof *r->last_fctx);
	r->spec = sf_alloc_array(a, root->nmodules + 1, sizeof *r->spec);
	r->mpresent = sf_alloc_array(a, root->nmodules + 1, sizeof *r->mpresent);
	r->mmerge = sf_alloc(a, root->nmodules + 1);
	for (size_t i = 0; i < root->nmodules; i++) {
		r->mpresent[i] = root->modules[i].when.present;
		r->mmerge[i] = (unsigned char)root->modules[i].merge;
	}
	for (size_t i = 0; i < root->nmodules; i++)
		r->spec[i] = sf_specificity(&root->modules[i].when);
	r->mx = sf_alloc_array(a, root->nmodules + 1, sizeof *r->mx);
	for (size_t i = 0; i < root->nmodules; i++)
		r->mx[i] = (rs_mx){ r->mlang[i], r->msec[i], r->maud[i], r->spec[i], r->mpresent[i],
				    r->mmerge[i], r->maud_general[i] };
	for (size_t i = 0; i < r->ntopics; i++)
		r->topics[i].mx = mx_of(r, a, r->topics[i].mods, r->topics[i].n);
	r->topic_keyed = sf_alloc(a, r->ntopics + 1);
	for (size_t i = 0; i < r->ntopics; i++)
		for (size_t k = 0; k < r->topics[i].n; k++)
			if (r->topics[i].mods[k]->when.present & CORRIDOR_KEYS)
				r->topic_keyed[i] = 1;
	index_corridors(r);
	r->all = (rs_view){ r->topics, r->ntopics, NULL, NULL };
	r->views = sf_alloc_array(a, root->ncorridors + 1, sizeof *r->views);
	pthread_mutex_init(&r->view_lock, NULL);
	check_rules(r);
	rs_facts_index(r);
	return r;
}

static int cmp_rank(const void *x, const void *y)
{
	const topic_ix *a = *(const topic_ix *const *)x, *b = *(const topic_ix *const *)y;
	if (a->stage != b->stage)
		return a->stage - b->stage;
	int oa = a->n ? a->mods[0]->order : 0, ob = b->n ? b->mods[0]->order : 0;
	if (oa != ob)
		return oa < ob ? -1 : 1;
	return strcmp(a->id, b->id);
}

/* rs_view.rank of n topics. */
static unsigned *view_rank(sf_arena *a, const topic_ix *tv, size_t n)
{
	if (n < 2 || n > UINT32_MAX)
		return NULL;
	const topic_ix **by = sf_alloc_array(a, n, sizeof *by);
	for (size_t i = 0; i < n; i++)
		by[i] = &tv[i];
	qsort(by, n, sizeof *by, cmp_rank);
	unsigned *rank = sf_alloc_array(a, n, sizeof *rank);
	for (size_t i = 0; i < n; i++)
		rank[by[i] - tv] = (unsigned)i;
	return rank;
}

const rs_view *rs_view_of(sf_resolver *r, const sf_corridor *co)
{
	uintptr_t p = (uintptr_t)co, first = (uintptr_t)r->root->corridors;
	if (p < first || p >= first + r->root->ncorridors * sizeof *co)
		return &r->all; /* not one of the root's corridors: every topic */
	size_t ci = (size_t)(co - r->root->corridors);
	rs_view *v = r->views[ci];
	if (v)
		return v;
	pthread_mutex_lock(&r->view_lock);
	if (!(v = r->views[ci])) {
		/* In its own arena: a caller done with the corridor may drop it
		 * (sf_resolver_forget). */
		sf_arena *va = r->spare_view ? r->spare_view : sf_arena_new();
		r->spare_view = NULL;
		v = sf_alloc(va, sizeof *v);
		v->a = va;
		topic_ix *tv = sf_alloc_array(va, r->ntopics + 1, sizeof *tv);
		const rs_cm *cm = r->cm ? r->cm[ci] : NULL;
		size_t ncm = r->cm ? r->ncm[ci] : 0, at = 0;
		for (size_t i = 0; i < r->ntopics; i++) {
			const topic_ix *ix = &r->topics[i];
			if (!r->topic_keyed[i]) {
				tv[v->ntopics] = *ix;
				tv[v->ntopics++].corridor_ok = 1;
				continue;
			}
			const sf_module **mods = NULL;
			size_t n = 0;
			if (r->cm) {
				size_t e = at;
				while (e < ncm && cm[e].topic == i)
					e++;
				if (e > at) {
					mods = sf_alloc_array(va, e - at, sizeof *mods);
					for (; at < e; at++)
						mods[n++] = cm[at].m;
				}
			}
			for (size_t k = 0; !r->cm && k < ix->n; k++) {
				if (!corridor_match(&ix->mods[k]->when, co))
					continue;
				if (!mods)
					mods = sf_alloc_array(va, ix->n - k, sizeof *mods);
				mods[n++] = ix->mods[k];
			}
			if (n)
				tv[v->ntopics++] = (topic_ix){ ix->stage, ix->id, mods, n, 1,
							       mx_of(r, va, mods, n) };
		}
		v->topics = tv;
		v->rank = view_rank(va, tv, v->ntopics);
		r->views[ci] = v;
	}
	pthread_mutex_unlock(&r->view_lock);
	return v;
}

void sf_resolver_forget(sf_resolver *r, const sf_corridor *co)
{
	uintptr_t p = (uintptr_t)co, first = (uintptr_t)r->root->corridors;
	if (p < first || p >= first + r->root->ncorridors * sizeof *co)
		return;
	size_t ci = (size_t)(co - r->root->corridors);
	pthread_mutex_lock(&r->view_lock);
	rs_view *v = r->views[ci];
	r->views[ci] = NULL;
	/* Its memory serves the next corridor's view (not given back to the
	 * system and faulted in again). */
	if (v && !r->spare_view) {
		sf_arena_reset(v->a);
		r->spare_view = v->a;
		v = NULL;
	}
	pthread_mutex_unlock(&r->view_lock);
	if (v)
		sf_arena_free(v->a);
	/* And which (facts context, module) pairs had their facts checked:
	 * checking one again reports nothing new (every finding is reported
	 * once: rs_once, the misses' index), and a caller that goes corridor
	 * by corridor keeps the set to one corridor's pairs, small enough to
	 * stay in cache (it held every pair of the root: 16 MiB at 10,000
	 * modules). */
	pthread_mutex_lock(&r->lock);
	if (r->nchecked)
		memset(r->checked, 0, r->capchecked * sizeof *r->checked);
	r->nchecked = 0;
	pthread_mutex_unlock(&r->lock);
}

void sf_resolver_free(sf_resolver *r)
{
	if (!r)
		return;
	for (size_t ci = 0; ci < r->root->ncorridors; ci++)
		if (r->views[ci])
			sf_arena_free(r->views[ci]->a);
	sf_arena_free(r->spare_view);
	rs_facts_report(r);
	pthread_mutex_destroy(&r->lock);
	pthread_mutex_destroy(&r->view_lock);
	free(r->seen);
	free(r->checked);
	sf_arena_free(r->a);
}

/* splitmix64's finaliser: keys that differ in their high bits only still
 * land apart. */
static size_t slot_of(uint64_t x, size_t cap)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9u;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebu;
	return (size_t)(x ^ (x >> 31)) & (cap - 1);
}

/* Adds h (not 0) to an open-addressed set; 1 when it was not there. The
 * caller holds r->lock. */
static int set_add(uint64_t **tab, size_t *n, size_t *cap, uint64_t h)
{
	if (*n * 2 >= *cap) {
		size_t nc = *cap ? *cap * 2 : 256;
		uint64_t *t = sf_xcalloc(nc, sizeof *t);
		for (size_t i = 0; i < *cap; i++) {
			if (!(*tab)[i])
				continue;
			size_t j = slot_of((*tab)[i], nc);
			while (t[j])
				j = (j + 1) & (nc - 1);
			t[j] = (*tab)[i];
		}
		free(*tab);
		*tab = t;
		*cap = nc;
	}
	size_t j = slot_of(h, *cap);
	while ((*tab)[j]) {
		if ((*tab)[j] == h)
			return 0;
		j = (j + 1) & (*cap - 1);
	}
	(*tab)[j] = h;
	(*n)++;
	return 1;
}

int rs_once(sf_resolver *r, const char *key)
{
	uint64_t h = 14695981039346656037ULL; /* FNV-1a */
	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = (h ^ *p) * 1099511628211ULL;
	h |= 1; /* 0 marks an empty slot */
	pthread_mutex_lock(&r->lock);
	int fresh = set_add(&r->seen, &r->nseen, &r->capseen, h);
	pthread_mutex_unlock(&r->lock);
	return fresh;
}

uint32_t rs_fctx(sf_resolver *r, const sf_target *t, const size_t *rules, size_t nrules,
		 sf_arena *a)
{
	sf_buf b = { 0 };
	sf_buf_printf(&b, "%p\n%s\n", (const void *)t->corridor, t->lang);
	for (size_t i = 0; i < nrules; i++)
		sf_buf_printf(&b, "%zu,", rules[i]);
	pthread_mutex_lock(&r->lock);
	if (!r->fctx_ix)
		r->fctx_ix = sf_strmap_new(r->a, 0);
	uintptr_t id = (uintptr_t)sf_strmap_get(r->fctx_ix, b.data, b.len);
	if (!id) {
		id = ++r->nfctx;
		sf_strmap_put(r->fctx_ix, sf_strndup(r->a, b.data, b.len), b.len, (void *)id);
	}
	pthread_mutex_unlock(&r->lock);
	sf_buf_free(&b);
	(void)a;
	return (uint32_t)id;
}

int rs_first_in_fctx(sf_resolver *r, uint32_t fctx, const sf_module *m)
{
	if (!fctx)
		return 1;
	size_t mi = (size_t)(m - r->root->modules);
	uint64_t key = ((uint64_t)fctx << 32) | (uint64_t)(mi + 1);
	/* The editions of a context come together: the module's last context
	 * answers most asks without the set, and without the lock (it is
	 * stored under the lock as the pair goes into the set, so whoever
	 * reads it there is not the first). */
	int in_root = m >= r->root->modules && mi < r->root->nmodules;
	if (in_root && atomic_load_explicit(&r->last_fctx[mi], memory_order_relaxed) == fctx)
		return 0;
	pthread_mutex_lock(&r->lock);
	if (in_root && atomic_load_explicit(&r->last_fctx[mi], memory_order_relaxed) == fctx) {
		pthread_mutex_unlock(&r->lock);
		return 0;
	}
	if (in_root)
		atomic_store_explicit(&r->last_fctx[mi], fctx, memory_order_relaxed);
	int fresh = set_add(&r->checked, &r->nchecked, &r->capchecked, key);
	pthread_mutex_unlock(&r->lock);
	return fresh;
}

const sf_root *sf_resolver_root(const sf_resolver *r)
{
	return r->root;
}

sf_sink *sf_resolver_sink(const sf_resolver *r)
{
	return r->sink;
}
