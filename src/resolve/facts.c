/* facts.c: the {{placeholders}} of a target against its facts; what a corridor lacks, reported once per cause. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "resolveint.h"
#include "safar/buf.h"
#include "safar/strmap.h"
#include "safar/suggest.h"
#include "safar/xalloc.h"

/* What one corridor lacks: a fact (lang NULL), or a value of fact in lang.
 * A new corridor without its facts would otherwise be an error at every
 * placeholder of every module, in files its author never touched. */
typedef struct rs_miss {
	const sf_corridor *co;
	const char *name;
	const sf_fact *fact; /* a missing value: the fact's definition */
	const char *lang;    /* a missing value: the target language */
	sf_loc use;          /* the first use, by place: the same whatever the threads */
} rs_miss;

static void know(sf_resolver *r, const sf_fact *f, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!sf_strmap_put(r->known, f[i].name, strlen(f[i].name), (void *)(uintptr_t)(r->nknown + 1)))
			r->known_names[r->nknown++] = f[i].name;
}

void rs_facts_index(sf_resolver *r)
{
	const sf_root *root = r->root;
	size_t n = 0;
	for (size_t i = 0; i < root->ncorridors; i++)
		n += root->corridors[i].nfacts;
	for (size_t i = 0; i < root->nrules; i++)
		n += root->rules[i].nfacts;
	r->known = sf_strmap_new(r->a, n);
	r->known_names = sf_alloc_array(r->a, n + 1, sizeof *r->known_names);
	for (size_t i = 0; i < root->ncorridors; i++)
		know(r, root->corridors[i].facts, root->corridors[i].nfacts);
	for (size_t i = 0; i < root->nrules; i++)
		know(r, root->rules[i].facts, root->rules[i].nfacts);
	r->miss_ix = sf_strmap_new(r->a, 0);
	r->ph_ids = sf_alloc_array(r->a, root->nmodules + 1, sizeof *r->ph_ids);
	r->fuse = sf_alloc_array(r->a, root->nmodules + 1, sizeof *r->fuse);
	r->nfuse = sf_alloc_array(r->a, root->nmodules + 1, sizeof *r->nfuse);
	r->ph_unknown = sf_alloc(r->a, root->nmodules + 1);
	r->sms_len = sf_alloc_array(r->a, root->nmodules + 1, sizeof *r->sms_len);
	for (size_t i = 0; i < root->nmodules; i++)
		r->sms_len[i] = root->modules[i].sms ? strlen(root->modules[i].sms) : 0;
	rs_fuse *fu = NULL; /* scratch: a module's facts, then kept at their number */
	size_t fucap = 0;
	for (size_t i = 0; i < root->nmodules; i++) {
		const sf_module *m = &root->modules[i];
		r->ph_ids[i] = sf_alloc_array(r->a, m->nplaceholders + 1, sizeof *r->ph_ids[i]);
		if (m->nplaceholders > fucap) {
			free(fu);
			fucap = m->nplaceholders;
			fu = sf_xcalloc(fucap, sizeof *fu);
		}
		size_t nfu = 0;
		for (size_t k = 0; k < m->nplaceholders; k++) {
			int id = r->ph_ids[i][k] = rs_fact_id(r, m->placeholders[k].name);
			if (id < 0) {
				r->ph_unknown[i] = 1;
				continue;
			}
			size_t u = 0;
			while (u < nfu && fu[u].id != id)
				u++;
			if (u == nfu)
				fu[nfu++] = (rs_fuse){ id, k, 0 };
			fu[u].uses++;
		}
		r->nfuse[i] = nfu;
		r->fuse[i] = sf_alloc_array(r->a, nfu + 1, sizeof *r->fuse[i]);
		if (nfu)
			memcpy(r->fuse[i], fu, nfu * sizeof *fu);
	}
	free(fu);
}

int rs_fact_id(const sf_resolver *r, const char *name)
{
	uintptr_t id = (uintptr_t)sf_strmap_get(r->known, name, strlen(name));
	return id ? (int)(id - 1) : -1;
}

int sf_resolver_fact_id(const sf_resolver *r, const char *name)
{
	return rs_fact_id(r, name);
}

/* The fact placeholder i of m names, for res. */
static const sf_fact_ref *ph_fact(const sf_resolver *r, const sf_resolved *res, const sf_module *m,
				  size_t i)
{
	const sf_root *root = r->root;
	if (!res->fact_by_id || m < root->modules || m >= root->modules + root->nmodules)
		return sf_fact_lookup(res, m->placeholders[i].name);
	int id = r->ph_ids[m - root->modules][i];
	return id < 0 ? NULL : res->fact_by_id[id];
}

static int loc_cmp(const sf_loc *a, const sf_loc *b)
{
	int c = strcmp(a->path ? a->path : "", b->path ? b->path : "");
	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	return a->col < b->col ? -1 : a->col > b->col;
}

/* A module whose substituted text passes SF_MAX_EXPANDED, reported once per
 * module and corridor at the first use of its largest fact. */
static void check_expansion(rs_ctx *c, const sf_resolved *res, const sf_module *m, sf_arena *a)
{
	size_t total = m->body_len + (m->sms ? strlen(m->sms) : 0), big = 0, uses = 0;
	const sf_placeholder *at = NULL;
	for (size_t i = 0; i < m->nplaceholders; i++) {
		const sf_fact_ref *f = ph_fact(c->r, res, m, i);
		size_t n = f && f->value ? strlen(f->value) : 0;
		total += n;
		if (n > big) {
			big = n;
			at = &m->placeholders[i];
		}
	}
	if (total <= SF_MAX_EXPANDED || !at)
		return;
	for (size_t i = 0; i < m->nplaceholders; i++)
		uses += strcmp(m->placeholders[i].name, at->name) == 0;
	if (!rs_once(c->r, sf_printf(a, "expand\n%s\n%s", m->path, c->t->corridor->id)))
		return;
	sf_emit(c->r->sink, SF_D_TOO_EXPANDED, at->loc,
		"with the facts of %s this module grows to %zu KiB, over the limit of %zu KiB: "
		"fact '%s' (%zu bytes) is used %zu times; use it less or shorten it",
		c->t->corridor->id, total >> 10, SF_MAX_EXPANDED >> 10, at->name, big, uses);
}

/* A name no corridor and no rule defines is the module's mistake (a typo):
 * one error at each place it is written, not one per corridor. */
static void unknown_name(rs_ctx *c, const sf_module *m, size_t i, sf_arena *a)
{
	const sf_placeholder *ph = &m->placeholders[i];
	if (!rs_once(c->r, sf_printf(a, "typo\n%s\n%zu", m->path, i)))
		return;
	const char *near = sf_suggest(ph->name, c->r->known_names, c->r->nknown);
	if (near)
		sf_emit(c->r->sink, SF_D_UNKNOWN_FACT, ph->loc,
			"unknown fact '%s': no corridor or rule defines it; did you mean '%s'?",
			ph->name, near);
	else
		sf_emit(c->r->sink, SF_D_UNKNOWN_FACT, ph->loc,
			"unknown fact '%s': no corridor or rule defines it; fix the name, or define it under a corridor's facts:",
			ph->name);
}

/* Notes that the target's corridor lacks ph's fact (f NULL) or its value
 * in the target language. Targets resolve on several threads: the entries
 * are shared, under the resolver's lock. */
static void note_miss(rs_ctx *c, const sf_placeholder *ph, const sf_fact *f, sf_arena *a)
{
	sf_resolver *r = c->r;
	const char *lang = f ? c->t->lang : NULL;
	const char *key = sf_printf(a, "%s\n%s\n%s", c->t->corridor->path, ph->name,
				    lang ? lang : "");
	size_t klen = strlen(key);
	pthread_mutex_lock(&r->lock);
	rs_miss *m = sf_strmap_get(r->miss_ix, key, klen);
	if (!m) {
		m = sf_alloc(r->a, sizeof *m);
		*m = (rs_miss){ c->t->corridor, ph->name, f, lang, ph->loc };
		sf_strmap_put(r->miss_ix, sf_strndup(r->a, key, klen), klen, m);
		*(rs_miss **)SF_PUSH(r->a, r->misses, r->nmisses, r->capmisses) = m;
	} else if (loc_cmp(&ph->loc, &m->use) < 0) {
		m->use = ph->loc;
	}
	pthread_mutex_unlock(&r->lock);
}

/* rs_check_facts for a module of the root: fact by fact (rs_fuse), with
 * the same findings as placeholder by placeholder. */
static void check_module(rs_ctx *c, const sf_resolved *res, const sf_module *m, sf_arena *a)
{
	const sf_resolver *r = c->r;
	size_t mi = (size_t)(m - r->root->modules);
	const rs_fuse *fu = r->fuse[mi];
	size_t nfu = r->nfuse[mi], total = m->body_len, big = 0;
	int missing = 0;
	const sf_placeholder *at = NULL;
	/* check_expansion: the first placeholder of the longest value. */
	for (size_t u = 0; u < nfu; u++) {
		const sf_fact_ref *f = res->fact_by_id[fu[u].id];
		if (!f || !f->value) {
			missing = 1;
			continue;
		}
		size_t n = f->len;
		total += n * fu[u].uses;
		if (n > big) {
			big = n;
			at = &m->placeholders[fu[u].first];
		}
	}
	if (at) {
		total += r->sms_len[mi];
		if (total > SF_MAX_EXPANDED)
			check_expansion(c, res, m, a);
	}
	if (!missing && !r->ph_unknown[mi])
		return;
	for (size_t i = 0; i < m->nplaceholders; i++) {
		const sf_placeholder *ph = &m->placeholders[i];
		const sf_fact_ref *f = ph_fact(r, res, m, i);
		if (f && f->value)
			continue;
		if (!f && rs_fact_id(r, ph->name) < 0)
			unknown_name(c, m, i, a);
		else
			note_miss(c, ph, f ? f->fact : NULL, a);
	}
}

void rs_check_facts(rs_ctx *c, const sf_resolved *res, const sf_topic *tp, sf_arena *a)
{
	const sf_root *root = c->r->root;
	for (size_t p = 0; p < tp->nparts; p++) {
		const sf_module *m = tp->parts[p];
		if (!m->nplaceholders)
			continue;
		/* What follows depends only on the module and the facts
		 * context, and reports each finding once: the first target of
		 * a context checks it for all. */
		if (!rs_first_in_fctx(c->r, c->fctx, m))
			continue;
		if (res->fact_by_id && m >= root->modules && m < root->modules + root->nmodules) {
			check_module(c, res, m, a);
			continue;
		}
		check_expansion(c, res, m, a);
		for (size_t i = 0; i < m->nplaceholders; i++) {
			const sf_placeholder *ph = &m->placeholders[i];
			const sf_fact_ref *f = ph_fact(c->r, res, m, i);
			if (f && f->value)
				continue;
			if (!f && rs_fact_id(c->r, ph->name) < 0)
				unknown_name(c, m, i, a);
			else
				note_miss(c, ph, f ? f->fact : NULL, a);
		}
	}
}

/* By corridor; in each, the lacking facts (by first use) before the
 * missing values. */
static int cmp_miss(const void *x, const void *y)
{
	const rs_miss *a = *(const rs_miss *const *)x, *b = *(const rs_miss *const *)y;
	int c = strcmp(a->co->path, b->co->path);
	if (c)
		return c;
	if (!a->lang != !b->lang)
		return a->lang ? 1 : -1;
	if ((c = loc_cmp(&a->use, &b->use)) != 0)
		return c;
	if ((c = strcmp(a->name, b->name)) != 0)
		return c;
	return strcmp(a->lang ? a->lang : "", b->lang ? b->lang : "");
}

static void put_use(sf_buf *b, const sf_loc *l)
{
	sf_buf_printf(b, "%s:%d:%d", l->path, l->line, l->col);
}

/* One error for every fact a corridor lacks, at its facts: key (or its id,
 * where the author will add them). */
static void report_lacking(sf_resolver *r, rs_miss *const *v, size_t n)
{
	const sf_corridor *co = v[0]->co;
	sf_loc at = co->facts_loc.line ? co->facts_loc : co->id_loc.line ? co->id_loc : co->loc;
	sf_buf b = { 0 };
	for (size_t i = 0; i < n; i++) {
		sf_buf_printf(&b, "%s%s (", i ? ", " : "", v[i]->name);
		put_use(&b, &v[i]->use);
		sf_buf_putc(&b, ')');
	}
	sf_emit(r->sink, SF_D_UNKNOWN_FACT, at, "%s lacks %zu fact%s its modules use: %s; add %s under facts:",
		co->id, n, n == 1 ? "" : "s", b.data, n == 1 ? "it" : "them");
	sf_buf_free(&b);
}

/* One error per corridor, fact and language, at the fact's definition:
 * a value in the language, or in any of its fallbacks, mends it. */
static void report_language(sf_resolver *r, const rs_miss *m)
{
	const char **chain;
	size_t nchain;
	rs_chain(r->root, m->lang, r->a, &chain, &nchain);
	sf_buf fb = { 0 }, fix = { 0 };
	sf_buf_puts(&fb, "");
	sf_buf_puts(&fix, "");
	for (size_t i = 1; i < nchain; i++) {
		sf_buf_printf(&fb, "%s%s", i > 1 ? ", " : " or its fallbacks (", chain[i]);
		sf_buf_printf(&fix, "%s%s:", i > 1 ? ", " : " (or ", chain[i]);
	}
	if (nchain > 1) {
		sf_buf_putc(&fb, ')');
		sf_buf_putc(&fix, ')');
	}
	sf_emit(r->sink, SF_D_FACT_LANGUAGE, m->fact->loc,
		"fact '%s' has no value in %s%s, which %s needs (used at %s:%d:%d); add %s:%s to it",
		m->name, m->lang, fb.data, m->co->id, m->use.path, m->use.line, m->use.col, m->lang,
		fix.data);
	sf_buf_free(&fb);
	sf_buf_free(&fix);
}

void rs_facts_report(sf_resolver *r)
{
	if (r->nmisses > 1)
		qsort(r->misses, r->nmisses, sizeof *r->misses, cmp_miss);
	for (size_t i = 0; i < r->nmisses;) {
		size_t j = i + 1;
		if (r->misses[i]->lang) {
			report_language(r, r->misses[i]);
		} else {
			while (j < r->nmisses && !r->misses[j]->lang && r->misses[j]->co == r->misses[i]->co)
				j++;
			report_lacking(r, r->misses + i, j - i);
		}
		i = j;
	}
	r->nmisses = 0;
}
