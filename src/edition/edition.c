/* edition.c: from a resolved target to its decided edition: texts after facts, SMS, sources, anchors, links. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "safar/edition.h"
#include "safar/nelem.h"
#include "safar/strmap.h"
#include "safar/xalloc.h"

static const char *subst(const sf_resolved *res, sf_arena *a, const char *s)
{
	sf_buf b = { 0 };
	sf_subst(&b, s, strlen(s), res);
	const char *out = sf_strndup(a, b.data ? b.data : "", b.len);
	sf_buf_free(&b);
	return out;
}

int sf_module_tailored(const sf_module *m)
{
	for (int k = 0; k < SF_NWHEN; k++) {
		if (!(m->when.present & (1u << k)))
			continue;
		if (k != SF_W_AUDIENCE)
			return 1;
		for (size_t i = 0; i < m->when.key[k].n; i++)
			if (strcmp(m->when.key[k].v[i], "general") != 0)
				return 1;
	}
	return 0;
}

/* Of a module whose review_by is review_by. */
static enum sf_freshness freshness(long review_by, long today, long warn)
{
	if (review_by <= 0)
		return SF_FRESH;
	if (review_by < today)
		return SF_STALE;
	return review_by - today <= warn ? SF_STALE_SOON : SF_FRESH;
}

/* What a module gives every edition of one facts context. */
typedef struct ec_entry {
	const char *sms;
	sf_sms split;
	const char **checklist;
	const char *title; /* NULL until a topic asks for it */
} ec_entry;

/* A text with {{placeholders}}, cut once per module where sf_subst would
 * find them: literal, then a placeholder as written (raw) and its fact's
 * number (fact_by_id), ...; the last segment has no placeholder (raw
 * NULL). Substituting it for a context is then copying, not scanning and
 * hashing names, with sf_subst's result byte for byte. */
typedef struct ec_seg {
	size_t nlit, nraw; /* the raw placeholder follows the literal */
	int id;
} ec_seg;

typedef struct ec_tmpl {
	const char *text;
	const ec_seg *seg;
	size_t nseg; /* placeholders: nseg - 1 */
} ec_tmpl;

/* What an edition reads of each of its modules, in one record by module
 * index (a module's own struct is several cache misses per part per
 * edition): made once per module by the cache, or per part without one. */
typedef struct ec_sum {
	sf_ed_link *links; /* judged by url alone when none is a #link; else NULL */
	const unsigned char *verdict; /* per link, SF_LINK_ANCHOR for a #link */
	const char *const *sources;
	const char *one; /* sources[0] when it is the only one: no other line to read */
	long reviewed_on;
	/* What every edition reads of each part, here rather than in the
	 * module's struct (a cache miss per part): its review date, its
	 * checklist's length and whether it is a draft. */
	long review_by;
	unsigned nsources, nlinks, nchecklist;
	unsigned char hash_link; /* some link is a #link */
	unsigned char draft;
} ec_sum;

/* What the cache keeps of one module for the whole run. */
typedef struct ec_mod {
	ec_tmpl sms, title, *checklist;
	/* No placeholder in its sms, checklist or title: one entry for
	 * every context (NULL until made). */
	int fixed;
	ec_entry *entry;
} ec_mod;

struct sf_edcache {
	const sf_root *root;
	const sf_module *mods, *mods_end; /* the root's modules (ec_index) */
	sf_arena *keep;           /* per module, for the whole run */
	const char **anchor;      /* by module index: "PDO-id" */
	ec_sum *sum;              /* by module index */
	/* Source citations interned: the same text is one pointer in every
	 * module's record (sum.sources), so an edition lists its sources by
	 * comparing pointers. */
	struct sf_strmap *srcs;
	ec_mod **mod;             /* by module index: its templates */
	unsigned char *tailored;  /* by module index: 1 + sf_module_tailored; 0: not yet */
	sf_arena *a;              /* per facts context, until reset */
	uint64_t *keys;           /* (fctx << 32 | module index + 1); 0: empty */
	ec_entry **vals;
	size_t n, cap;
};

static void sum_fill(sf_edcache *c, const sf_module *m, sf_arena *a, ec_sum *s);

sf_edcache *sf_edcache_new(const sf_root *root)
{
	sf_arena *keep = sf_arena_new();
	sf_edcache *c = sf_alloc(keep, sizeof *c);
	c->root = root;
	c->mods = root->modules;
	c->mods_end = root->modules + root->nmodules;
	c->keep = keep;
	c->anchor = sf_alloc_array(keep, root->nmodules + 1, sizeof *c->anchor);
	c->mod = sf_alloc_array(keep, root->nmodules + 1, sizeof *c->mod);
	/* One record a cache line (64 bytes), each on its own. */
	if (root->nmodules + 1 > (SIZE_MAX - 64) / sizeof *c->sum)
		sf_oom();
	char *sum = sf_alloc(keep, (root->nmodules + 1) * sizeof *c->sum + 64);
	c->sum = (ec_sum *)(void *)(sum + (64 - (uintptr_t)sum % 64) % 64);
	c->srcs = sf_strmap_new(keep, 0);
	for (size_t i = 0; i < root->nmodules; i++)
		sum_fill(c, &root->modules[i], keep, &c->sum[i]);
	c->tailored = sf_alloc(keep, root->nmodules + 1);
	c->a = sf_arena_new();
	return c;
}

void sf_edcache_reset(sf_edcache *c)
{
	if (!c || !c->n)
		return;
	sf_arena_reset(c->a);
	memset(c->keys, 0, c->cap * sizeof *c->keys);
	c->n = 0;
}

void sf_edcache_free(sf_edcache *c)
{
	if (!c)
		return;
	free(c->keys);
	free(c->vals);
	sf_arena_free(c->a);
	sf_arena_free(c->keep);
}

static size_t ec_slot(uint64_t x, size_t cap)
{
	x ^= x >> 31;
	x *= 0x9e3779b97f4a7c15u;
	x ^= x >> 29;
	return (size_t)x & (cap - 1);
}

/* The module's index in the root, or -1 when it is not one of its modules. */
static long ec_index(const sf_edcache *c, const sf_module *m)
{
	if (!c || m < c->mods || m >= c->mods_end)
		return -1;
	return (long)(m - c->mods);
}

/* text cut where sf_subst replaces (sf_placeholder_next). */
static ec_tmpl tmpl_of(const sf_resolver *r, sf_arena *a, const char *text)
{
	size_t len = strlen(text), i = 0, done = 0, n = 0, cap = 16;
	ec_seg buf[16], *v = buf; /* on the heap past 16, then kept at its size */
	size_t at, end;
	char name[128];
	while (sf_placeholder_next(text, len, i, &at, &end, name, sizeof name)) {
		if (n + 1 == cap) {
			ec_seg *nv = sf_xcalloc(cap * 2, sizeof *nv);
			memcpy(nv, v, n * sizeof *v);
			if (v != buf)
				free(v);
			v = nv;
			cap *= 2;
		}
		v[n++] = (ec_seg){ at - done, end - at, sf_resolver_fact_id(r, name) };
		i = done = end;
	}
	v[n++] = (ec_seg){ len - done, 0, -1 };
	ec_seg *kept = sf_alloc_array(a, n, sizeof *kept);
	memcpy(kept, v, n * sizeof *v);
	if (v != buf)
		free(v);
	return (ec_tmpl){ text, kept, n };
}

/* sf_subst of the template's text for res, into a; its length in *n
 * (when n is not NULL). */
static const char *tsubst_n(const sf_resolved *res, sf_arena *a, const ec_tmpl *t, size_t *n)
{
	/* No placeholder: the text itself (the module's, kept for the run). */
	if (t->nseg == 1) {
		if (n)
			*n = t->seg[0].nlit;
		return t->text;
	}
	/* What each placeholder becomes: its value, or itself as written
	 * (unknown, no value, or past SF_MAX_EXPANDED counted as sf_subst
	 * counts: before the literal in front of it is added). */
	const char *val[64];
	size_t vlen[64];
	if (t->nseg - 1 > 64) { /* many placeholders: the plain way */
		size_t total = 0;
		for (size_t k = 0; k < t->nseg; k++)
			total += t->seg[k].nlit + t->seg[k].nraw;
		sf_buf b = { 0 };
		sf_subst(&b, t->text, total, res);
		const char *out = sf_strndup(a, b.data ? b.data : "", b.len);
		if (n)
			*n = b.len;
		sf_buf_free(&b);
		return out;
	}
	size_t len = 0, done = 0; /* done: what sf_subst's buffer holds */
	const char *at = t->text;
	for (size_t k = 0; k + 1 < t->nseg; k++) {
		const ec_seg *g = &t->seg[k];
		const char *raw = at + g->nlit;
		at = raw + g->nraw;
		const sf_fact_ref *f = g->id >= 0 && res->fact_by_id ? res->fact_by_id[g->id] : NULL;
		size_t fl = f && f->value ? f->len : 0;
		if (!f || !f->value || done + fl > SF_MAX_EXPANDED) {
			val[k] = raw;
			vlen[k] = g->nraw;
			len += g->nlit + g->nraw;
			continue;
		}
		val[k] = f->value;
		vlen[k] = fl;
		len += g->nlit + fl;
		done = len;
	}
	len += t->seg[t->nseg - 1].nlit;
	char *out = sf_alloc_raw(a, len + 1), *p = out; /* every byte written below */
	at = t->text;
	for (size_t k = 0; k < t->nseg; k++) {
		memcpy(p, at, t->seg[k].nlit);
		p += t->seg[k].nlit;
		at += t->seg[k].nlit + t->seg[k].nraw;
		if (k + 1 < t->nseg) {
			memcpy(p, val[k], vlen[k]);
			p += vlen[k];
		}
	}
	*p = '\0';
	if (n)
		*n = len;
	return out;
}

static const char *tsubst(const sf_resolved *res, sf_arena *a, const ec_tmpl *t)
{
	return tsubst_n(res, a, t, NULL);
}

static ec_mod *ec_mod_of(sf_edcache *c, const sf_resolver *r, long idx)
{
	if (c->mod[idx])
		return c->mod[idx];
	const sf_module *m = &c->root->modules[idx];
	ec_mod *x = sf_alloc(c->keep, sizeof *x);
	size_t nph = 0;
	if (m->sms) {
		x->sms = tmpl_of(r, c->keep, m->sms);
		nph += x->sms.nseg - 1;
	}
	x->checklist = sf_alloc_array(c->keep, m->checklist.n + 1, sizeof *x->checklist);
	for (size_t k = 0; k < m->checklist.n; k++) {
		x->checklist[k] = tmpl_of(r, c->keep, m->checklist.v[k]);
		nph += x->checklist[k].nseg - 1;
	}
	x->title = tmpl_of(r, c->keep, m->title ? m->title : m->id ? m->id : "");
	nph += x->title.nseg - 1;
	x->fixed = nph == 0;
	return c->mod[idx] = x;
}

static ec_entry *ec_get(sf_edcache *c, const sf_resolver *r, const sf_resolved *res,
			const sf_module *m)
{
	long idx = ec_index(c, m);
	if (idx < 0 || !res->fctx)
		return NULL;
	ec_mod *mx = ec_mod_of(c, r, idx);
	if (mx->fixed && mx->entry)
		return mx->entry;
	uint64_t key = ((uint64_t)res->fctx << 32) | (uint64_t)(idx + 1);
	if (c->n * 2 >= c->cap) {
		size_t nc = c->cap ? c->cap * 2 : 1024;
		uint64_t *k = sf_xcalloc(nc, sizeof *k);
		ec_entry **v = sf_xcalloc(nc, sizeof *v);
		for (size_t i = 0; i < c->cap; i++) {
			if (!c->keys[i])
				continue;
			size_t j = ec_slot(c->keys[i], nc);
			while (k[j])
				j = (j + 1) & (nc - 1);
			k[j] = c->keys[i];
			v[j] = c->vals[i];
		}
		free(c->keys);
		free(c->vals);
		c->keys = k;
		c->vals = v;
		c->cap = nc;
	}
	size_t j = ec_slot(key, c->cap);
	while (c->keys[j]) {
		if (c->keys[j] == key)
			return c->vals[j];
		j = (j + 1) & (c->cap - 1);
	}
	/* A fixed module's entry lasts the run; any other lasts its context. */
	sf_arena *ea = mx->fixed ? c->keep : c->a;
	ec_entry *e = sf_alloc(ea, sizeof *e);
	if (m->sms) {
		size_t n;
		e->sms = tsubst_n(res, ea, &mx->sms, &n);
		sf_sms_split(e->sms, n, ea, &e->split);
	}
	e->checklist = sf_alloc_array(ea, m->checklist.n + 1, sizeof *e->checklist);
	for (size_t k = 0; k < m->checklist.n; k++)
		e->checklist[k] = tsubst(res, ea, &mx->checklist[k]);
	if (mx->fixed)
		return mx->entry = e;
	c->keys[j] = key;
	c->vals[j] = e;
	c->n++;
	return e;
}

/* bx: the cache's entry of the topic's base, already looked up. */
/* sm: the module's record in the cache, or NULL. */
static void make_part(const sf_resolver *r, sf_edition *e, const sf_module *m, sf_arena *a,
		      sf_edcache *c, const sf_module *base, ec_entry *bx, const ec_sum *sm,
		      sf_ed_part *p)
{
	/* Every field: the part's memory is not zeroed first. */
	*p = (sf_ed_part){ .m = m, .draft = sm ? sm->draft : m->status == SF_STATUS_DRAFT,
			   .nchecklist = sm ? sm->nchecklist : m->checklist.n };
	ec_entry *x = m == base ? bx : ec_get(c, r, e->res, m);
	if (x) {
		p->sms = x->sms;
		p->sms_split = x->split;
		p->checklist = x->checklist;
	} else {
		if (m->sms) {
			p->sms = subst(e->res, a, m->sms);
			sf_sms_split(p->sms, strlen(p->sms), a, &p->sms_split);
		}
		p->checklist = sf_alloc_array(a, m->checklist.n + 1, sizeof *p->checklist);
		for (size_t k = 0; k < m->checklist.n; k++)
			p->checklist[k] = subst(e->res, a, m->checklist.v[k]);
	}
	if (p->nchecklist)
		e->has_checklist = 1;
}

/* The base's title after facts (its id when it has none). */
static const char *topic_title(const sf_resolved *res, const sf_topic *tp, sf_arena *a,
			       sf_edcache *c, ec_entry *x)
{
	const char *raw = tp->base->title ? tp->base->title : tp->id;
	if (!x)
		return subst(res, a, raw);
	/* The cache's template is of the module's title or id. */
	if (!tp->base->title && (!tp->base->id || strcmp(tp->id, tp->base->id) != 0))
		return subst(res, a, raw);
	if (!x->title) {
		const ec_mod *mx = c->mod[ec_index(c, tp->base)];
		x->title = tsubst(res, mx->fixed ? c->keep : c->a, &mx->title);
	}
	return x->title;
}

static const char *topic_anchor(const sf_topic *tp, sf_arena *a, sf_edcache *c)
{
	long idx = ec_index(c, tp->base);
	if (idx < 0)
		return sf_printf(a, "%s-%s", sf_stage_names[tp->stage], tp->id);
	if (!c->anchor[idx])
		c->anchor[idx] = sf_printf(c->keep, "%s-%s", sf_stage_names[tp->stage], tp->id);
	return c->anchor[idx];
}

/* sf_module_tailored, judged once per module with a cache. */
static int tailored(sf_edcache *c, const sf_module *m)
{
	long idx = ec_index(c, m);
	if (idx < 0)
		return sf_module_tailored(m);
	if (!c->tailored[idx])
		c->tailored[idx] = (unsigned char)(1 + sf_module_tailored(m));
	return c->tailored[idx] - 1;
}

static void note_checked(sf_edition *e, long day)
{
	if (day <= 0)
		return;
	if (!e->checked_first || day < e->checked_first)
		e->checked_first = day;
	if (day > e->checked_last)
		e->checked_last = day;
}

static size_t add_source(sf_edition *e, sf_arena *a, size_t *cap, const char *src)
{
	size_t n = sf_edition_source_no(e, src);
	if (n)
		return n;
	*SF_PUSH(a, e->sources, e->nsources, *cap) = src;
	return e->nsources;
}

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* The anchors handbook.html prints (docs/outputs.md): what #links may name. */
static void list_anchors(sf_edition *e, sf_arena *a)
{
	size_t cap = 0;
	for (int s = 0; s < SF_NSTAGE; s++)
		if (e->stages & (1u << s))
			*SF_PUSH(a, e->anchors, e->nanchors, cap) =
				sf_printf(a, "stage-%s", sf_stage_names[s]);
	for (size_t i = 0; i < e->ntopics; i++)
		*SF_PUSH(a, e->anchors, e->nanchors, cap) = e->topics[i].anchor;
	if (e->has_checklist)
		*SF_PUSH(a, e->anchors, e->nanchors, cap) = "checklist";
	*SF_PUSH(a, e->anchors, e->nanchors, cap) = "help";
	*SF_PUSH(a, e->anchors, e->nanchors, cap) = "sources";
	for (size_t i = 0; i < e->nsources; i++)
		*SF_PUSH(a, e->anchors, e->nanchors, cap) = sf_printf(a, "src-%zu", i + 1);
	qsort(e->anchors, e->nanchors, sizeof *e->anchors, cmp_str);
}

/* What a link's url alone decides: SF_LINK_ANCHOR for a #link, whose
 * verdict is the edition's. */
static enum sf_link_verdict judge_url(const char *url)
{
	if (url[0] == '#')
		return SF_LINK_ANCHOR;
	static const char *const ok[] = { "http://", "https://", "mailto:", "tel:" };
	for (size_t i = 0; i < SF_NELEM(ok); i++) {
		size_t n = strlen(ok[i]);
		size_t k = 0;
		while (k < n && url[k] && (url[k] | 0x20) == ok[i][k])
			k++;
		if (k == n)
			return SF_LINK_OK;
	}
	return SF_LINK_DROPPED;
}

static enum sf_link_verdict judge(const sf_edition *e, const char *url, enum sf_link_verdict v)
{
	if (v == SF_LINK_ANCHOR)
		return sf_edition_has_anchor(e, url + 1) ? SF_LINK_ANCHOR : SF_LINK_DEAD;
	return v;
}

/* m's record; c NULL (no cache): made in a for this part. */
static void sum_fill(sf_edcache *c, const sf_module *m, sf_arena *a, ec_sum *s)
{
	unsigned char *v = sf_alloc(a, m->nlinks + 1);
	int hash = 0;
	for (size_t k = 0; k < m->nlinks; k++) {
		v[k] = (unsigned char)judge_url(m->links[k].url);
		hash |= v[k] == SF_LINK_ANCHOR;
	}
	*s = (ec_sum){ .verdict = v, .sources = m->sources.v, .reviewed_on = m->reviewed_on,
		       .review_by = m->review_by, .nsources = (unsigned)m->sources.n,
		       .nlinks = (unsigned)m->nlinks, .nchecklist = (unsigned)m->checklist.n,
		       .hash_link = (unsigned char)hash,
		       .draft = m->status == SF_STATUS_DRAFT };
	if (c && m->sources.n == 1) {
		/* In the record itself (c->sum does not move). */
		const char *t = m->sources.v[0];
		const char *had = sf_strmap_put(c->srcs, t, strlen(t), (void *)t);
		s->one = had ? had : t;
		s->sources = &s->one;
	} else if (c && m->sources.n) {
		const char **v = sf_alloc_array(a, m->sources.n, sizeof *v);
		for (size_t k = 0; k < m->sources.n; k++) {
			const char *t = m->sources.v[k];
			const char *had = sf_strmap_put(c->srcs, t, strlen(t), (void *)t);
			v[k] = had ? had : t;
		}
		s->sources = v;
	}
	if (c && !hash) {
		sf_ed_link *l = sf_alloc_array(a, m->nlinks + 1, sizeof *l);
		for (size_t k = 0; k < m->nlinks; k++)
			l[k] = (sf_ed_link){ &m->links[k], (enum sf_link_verdict)v[k] };
		s->links = l;
	}
}

void sf_edition_make(sf_resolver *r, const sf_target *t, long today, sf_arena *a,
		     sf_edition *e)
{
	sf_edition_make_cached(r, t, today, a, NULL, e);
}

void sf_edition_make_cached(sf_resolver *r, const sf_target *t, long today, sf_arena *a,
			    sf_edcache *cache, sf_edition *e)
{
	sf_resolved *res = sf_alloc(a, sizeof *res);
	sf_resolve(r, t, a, res);
	sf_edition_of(r, t, res, today, a, cache, e);
}

void sf_edition_of(sf_resolver *r, const sf_target *t, const sf_resolved *res, long today,
		   sf_arena *a, sf_edcache *cache, sf_edition *e)
{
	const sf_root *root = sf_resolver_root(r);
	memset(e, 0, sizeof *e);
	e->res = res;
	e->arena = a;
	e->target = *t;
	e->today = today;
	e->key = (sf_edition_key){ .corridor = t->corridor->id, .lang = t->lang,
				   .sector = t->sector ? t->sector : "all", .audience = t->audience };
	sf_i18n_resolve(root, res->chain, res->nchain, e->str, e->str_lang);

	long warn = root->config.review_warn_days;
	size_t scap = 0;
	e->ntopics = res->ntopics;
	/* The topics and every topic's parts (and one zeroed past each) from
	 * blocks that are not cleared first: every topic and part is written
	 * whole below, and only the ones past the ends are zeroed here (a
	 * large edition's blocks are tens of KiB, written twice otherwise). */
	if (res->ntopics > (SIZE_MAX / sizeof *e->topics) - 1)
		sf_oom();
	e->topics = sf_alloc_raw(a, (res->ntopics + 1) * sizeof *e->topics);
	memset(&e->topics[res->ntopics], 0, sizeof *e->topics);
	size_t nall = 0;
	for (size_t i = 0; i < res->ntopics; i++)
		nall += res->topics[i].nparts + 1;
	if (nall > (SIZE_MAX / sizeof(sf_ed_part)) - 1)
		sf_oom();
	sf_ed_part *all = sf_alloc_raw(a, (nall + 1) * sizeof *all);
	memset(&all[nall], 0, sizeof *all);
	for (size_t i = 0; i < res->ntopics; i++) {
		const sf_topic *tp = &res->topics[i];
		sf_ed_topic *et = &e->topics[i];
		ec_entry *bx = ec_get(cache, r, res, tp->base);
		*et = (sf_ed_topic){ .stage = tp->stage, .id = tp->id, .lang = tp->lang,
				     .fallback = tp->fallback, .resolved = tp,
				     .anchor = topic_anchor(tp, a, cache),
				     .title = topic_title(res, tp, a, cache, bx),
				     .nparts = tp->nparts };
		et->parts = all;
		memset(&all[tp->nparts], 0, sizeof *all);
		all += tp->nparts + 1;
		for (size_t p = 0; p < tp->nparts; p++) {
			sf_ed_part *ep = &et->parts[p];
			long idx = ec_index(cache, tp->parts[p]);
			const ec_sum *sm = idx >= 0 ? &cache->sum[idx] : NULL;
			make_part(r, e, tp->parts[p], a, cache, tp->base, bx, sm, ep);
			ep->freshness = freshness(sm ? sm->review_by : tp->parts[p]->review_by, today, warn);
			et->tailored |= tailored(cache, tp->parts[p]);
			et->draft |= ep->draft;
		}
		e->stages |= 1u << tp->stage;
		e->has_draft |= et->draft;
		e->has_fallback |= et->fallback;
	}
	/* One pass over the parts, each read through its module's record:
	 * review dates, sources (in reading order, stage by stage as the
	 * handbook prints: the topics come sorted by stage), whether a #link
	 * needs the anchors, and the links shared by every edition. */
	int by_stage = 1;
	for (size_t i = 1; i < e->ntopics && by_stage; i++)
		by_stage = e->topics[i - 1].stage <= e->topics[i].stage;
	/* With a cache (check), the anchors are listed (and sorted) only for
	 * an edition that has a #link to judge; sf_edition_has_anchor answers
	 * without them otherwise. */
	int hash_link = !cache;
	int interned = cache != NULL; /* every source listed so far is the cache's */
	for (size_t i = 0; i < e->ntopics; i++)
		for (size_t p = 0; p < e->topics[i].nparts; p++) {
			sf_ed_part *ep = &e->topics[i].parts[p];
			long idx = ec_index(cache, ep->m);
			ec_sum tmp;
			const ec_sum *sm = idx >= 0 ? &cache->sum[idx] : (sum_fill(NULL, ep->m, a, &tmp), &tmp);
			note_checked(e, sm->reviewed_on);
			interned &= idx >= 0;
			for (size_t k = 0; by_stage && k < sm->nsources; k++) {
				size_t j = 0;
				while (interned && j < e->nsources && e->sources[j] != sm->sources[k])
					j++;
				if (!interned)
					add_source(e, a, &scap, sm->sources[k]);
				else if (j == e->nsources)
					*SF_PUSH(a, e->sources, e->nsources, scap) = sm->sources[k];
			}
			hash_link |= sm->hash_link;
			ep->links = sm->links;
			if (!ep->links) {
				/* Judged below, once the anchors are known. */
				ep->links = sf_alloc_array(a, sm->nlinks + 1, sizeof *ep->links);
				for (size_t k = 0; k < sm->nlinks; k++)
					ep->links[k] = (sf_ed_link){ &ep->m->links[k],
								     (enum sf_link_verdict)sm->verdict[k] };
			}
		}
	for (size_t i = 0; i < res->nfacts; i++)
		note_checked(e, res->facts[i].fact->ev.checked);
	for (int s = 0; !by_stage && s < SF_NSTAGE; s++)
		for (size_t i = 0; i < e->ntopics; i++)
			for (size_t p = 0; e->topics[i].stage == s && p < e->topics[i].nparts; p++) {
				const sf_module *m = e->topics[i].parts[p].m;
				for (size_t k = 0; k < m->sources.n; k++)
					add_source(e, a, &scap, m->sources.v[k]);
			}
	if (hash_link)
		list_anchors(e, a);
	for (size_t i = 0; i < e->ntopics; i++)
		for (size_t p = 0; p < e->topics[i].nparts; p++) {
			sf_ed_part *ep = &e->topics[i].parts[p];
			long idx = ec_index(cache, ep->m);
			if (idx >= 0 && cache->sum[idx].links)
				continue; /* no #link: nothing to judge, nothing dead */
			for (size_t k = 0; k < ep->m->nlinks; k++) {
				ep->links[k].verdict = judge(e, ep->m->links[k].url, ep->links[k].verdict);
				e->has_dead_link |= ep->links[k].verdict == SF_LINK_DEAD;
			}
		}
}

/* Whether anchor is one list_anchors would list, without the list. */
static int names_anchor(const sf_edition *e, const char *anchor)
{
	if (strncmp(anchor, "stage-", 6) == 0)
		for (int s = 0; s < SF_NSTAGE; s++)
			if ((e->stages & (1u << s)) && strcmp(anchor + 6, sf_stage_names[s]) == 0)
				return 1;
	for (size_t i = 0; i < e->ntopics; i++)
		if (strcmp(e->topics[i].anchor, anchor) == 0)
			return 1;
	if ((e->has_checklist && strcmp(anchor, "checklist") == 0) || strcmp(anchor, "help") == 0 ||
	    strcmp(anchor, "sources") == 0)
		return 1;
	/* src-N: N from 1 to nsources, written as "%zu" writes it. */
	if (strncmp(anchor, "src-", 4) != 0 || anchor[4] < '1' || anchor[4] > '9')
		return 0;
	size_t n = 0, k = 4;
	for (; anchor[k] >= '0' && anchor[k] <= '9' && k < 4 + 18; k++)
		n = n * 10 + (size_t)(anchor[k] - '0');
	return anchor[k] == '\0' && n <= e->nsources;
}

int sf_edition_has_anchor(const sf_edition *e, const char *anchor)
{
	if (!e->nanchors)
		return names_anchor(e, anchor);
	return bsearch(&anchor, e->anchors, e->nanchors, sizeof *e->anchors, cmp_str) != NULL;
}

size_t sf_edition_source_no(const sf_edition *e, const char *source)
{
	/* Editions cite a few dozen works: a scan is cheaper than a table. */
	for (size_t i = 0; i < e->nsources; i++)
		if (e->sources[i] == source || strcmp(e->sources[i], source) == 0)
			return i + 1;
	return 0;
}

static size_t source_work(const sf_edition *e, size_t i)
{
	const char *s = e->sources[i];
	size_t len = strlen(s), best = 0;
	/* A work cited bare as well as by section: the bare citation is the
	 * work, whatever commas its title holds ("…in Kazakhstan, Kyrgyzstan,
	 * Tajikistan and Uzbekistan"). s is that work, or one of its sections. */
	for (size_t j = 0; j < e->nsources; j++) {
		size_t n = strlen(e->sources[j]);
		if (j == i)
			continue;
		if (n > len && strncmp(e->sources[j], s, len) == 0 && strncmp(e->sources[j] + len, ", ", 2) == 0)
			return len;
		if (n < len && n > best && strncmp(s, e->sources[j], n) == 0 && strncmp(s + n, ", ", 2) == 0)
			best = n;
	}
	if (best)
		return best;
	/* Else the longest ", "-ended prefix another citation shares. */
	best = len;
	for (const char *c = strstr(s, ", "); c; c = strstr(c + 2, ", ")) {
		size_t n = (size_t)(c - s);
		for (size_t j = 0; j < e->nsources; j++)
			if (j != i && strncmp(e->sources[j], s, n + 2) == 0) {
				best = n;
				break;
			}
	}
	return best;
}

static int cmp_size(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	return (a > b) - (a < b);
}

size_t sf_edition_topic_sources(const sf_edition *e, const sf_ed_topic *t, sf_arena *a, size_t **out)
{
	size_t cap = 0, n = 0;
	for (size_t p = 0; p < t->nparts; p++)
		cap += t->parts[p].m->sources.n;
	size_t *v = sf_alloc_array(a, cap + 1, sizeof *v);
	for (size_t p = 0; p < t->nparts; p++)
		for (size_t i = 0; i < t->parts[p].m->sources.n; i++) {
			size_t no = sf_edition_source_no(e, t->parts[p].m->sources.v[i]);
			if (no)
				v[n++] = no;
		}
	qsort(v, n, sizeof *v, cmp_size);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (!k || v[k - 1] != v[i])
			v[k++] = v[i];
	*out = v;
	return k;
}

size_t sf_edition_source_groups(const sf_edition *e, sf_arena *a, sf_source_group **out)
{
	size_t *work = sf_alloc_array(a, e->nsources + 1, sizeof *work);
	char *done = sf_alloc(a, e->nsources + 1);
	memset(done, 0, e->nsources + 1);
	sf_source_group *g = sf_alloc_array(a, e->nsources + 1, sizeof *g);
	size_t ng = 0;
	for (size_t i = 0; i < e->nsources; i++)
		work[i] = source_work(e, i);
	for (size_t i = 0; i < e->nsources; i++) {
		if (done[i])
			continue;
		const char *s = e->sources[i];
		size_t n = work[i];
		sf_source_group *x = &g[ng++];
		*x = (sf_source_group){ s, n, -1, sf_alloc_array(a, e->nsources, sizeof *x->members), 0 };
		for (size_t j = i; j < e->nsources; j++) {
			if (done[j] || work[j] != n || strncmp(e->sources[j], s, n) != 0)
				continue;
			done[j] = 1;
			if (e->sources[j][n] == '\0')
				x->whole = (long)j;
			else
				x->members[x->nmembers++] = j;
		}
	}
	*out = g;
	return ng;
}

void sf_edition_subst(const sf_edition *e, sf_buf *out, const char *text, size_t len)
{
	sf_subst(out, text, len, e->res);
}

const char *sf_edition_name(const sf_edition *e, sf_arena *a)
{
	return sf_printf(a, "%s %s %s %s", e->key.corridor, e->key.lang,
			 strcmp(e->key.sector, "all") == 0 ? "all-sector" : e->key.sector,
			 e->key.audience);
}

sf_diag_key sf_edition_diag_key(const sf_edition *e, const char *stage)
{
	return (sf_diag_key){ .corridor = e->key.corridor, .lang = e->key.lang,
			      .sector = e->key.sector, .audience = e->key.audience, .stage = stage };
}
