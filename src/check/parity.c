/* parity.c: a corridor's languages get the same tailoring. A topic written
 * for the corridor (its country, sector or audience) in one language but
 * read from the general module in another gives that reader the wrong
 * country's text; an audience append in one language only drops a section
 * from the other (docs/diagnostics.md, "Language parity"). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "checkint.h"
#include "safar/buf.h"
#include "safar/hash.h"
#include "safar/nelem.h"
#include "safar/xalloc.h"

/* One topic of one edition, as parity compares it. */
typedef struct prec {
	const char *lang;
	size_t li; /* lang's first index in the corridor's languages */
	const char *sector, *audience; /* the root's strings: editions do not last */
	int stage;
	const char *id;
	const sf_module *base;
	const sf_module **stacked;
	size_t nstacked;
	int base_tailored;
	int fallback; /* read through a fallback language: fallback reports it */
	struct prec *next; /* the same sector, audience and topic in another language */
	uint64_t hash;     /* topic_hash */
} prec;

/* A finding waiting to be reported once: module m (in lang) has no
 * counterpart in language `other`. One cause, one warning: a shared module
 * missing in a language is one finding however many corridors read it
 * (docs/decisions.md, "Language parity: one warning per module and
 * language"). */
typedef struct pfind {
	const sf_module *m;
	const char *other;
	uint64_t other_hash;      /* of other's text: corridors hold their own copies */
	const sf_module *instead; /* what the other language reads first; NULL: nothing */
	const char *edition;      /* the first edition that lacks it */
	size_t n;                 /* editions that lack it, over every corridor */
	int append;
	const sf_corridor *co[3]; /* the first corridors that lack it */
	const sf_corridor *last;  /* the last corridor counted */
	size_t nco;               /* how many corridors lack it */
} pfind;

/* The findings of every corridor, and an index over them by (module,
 * language): a large root has thousands. */
typedef struct pfinds {
	pfind *v;
	size_t n, cap;
	size_t *slot; /* index + 1 into v; 0: empty */
	size_t scap;
	/* The last finding counted, and for which language string: the
	 * editions of one topic come one after another, so most counts are
	 * of the same finding. */
	size_t last;
	const char *last_other;
	/* While a corridor is flushed: by its language index, that language's
	 * name as first seen in any corridor (langs), so one language is one
	 * pointer and findings compare pointers, not names. */
	const char **canon;
	struct sf_strmap *langs;
} pfinds;

static uint64_t fnv(uint64_t h, const char *s)
{
	for (const unsigned char *q = (const unsigned char *)s; *q; q++)
		h = (h ^ *q) * 1099511628211ULL;
	return (h ^ 0x1f) * 1099511628211ULL;
}

static size_t pslot(const sf_module *m, uint64_t other, size_t cap)
{
	uint64_t x = (uint64_t)(uintptr_t)m * 0x9e3779b97f4a7c15u ^ other * 0xbf58476d1ce4e5b9u;
	x ^= x >> 29;
	x *= 0xbf58476d1ce4e5b9u;
	x ^= x >> 32;
	return (size_t)x & (cap - 1);
}

struct ck_parity {
	sf_arena *a;
	const sf_corridor *co;
	/* First record of each topic key (sector, audience, stage, id), by a
	 * hash of the key: open addressing, NULL empty. */
	prec **by_topic;
	size_t nkeys, capkeys;
	prec **order; /* first record of each topic key, in arrival order */
	size_t norder, ocap;
	sf_arena *fa; /* the findings, kept over every corridor */
	unsigned char *tailored; /* by module index: 1 + sf_module_tailored; 0: not yet */
	pfinds pf;
	/* The hash of a topic id's text, by its pointer (direct-mapped): an
	 * edition's ids are the resolver's, the same pointers edition after
	 * edition, and hashing each again was a record's largest cost. */
	struct {
		const char *id;
		uint64_t h;
	} idh[1024];
};

/* Two modules have the same scope and merge: one is the other's counterpart. */
static int same_scope(const sf_module *a, const sf_module *b)
{
	if (a->merge != b->merge || a->when.present != b->when.present)
		return 0;
	for (int k = 0; k < SF_NWHEN; k++) {
		const sf_strv *x = &a->when.key[k], *y = &b->when.key[k];
		if (x->n != y->n)
			return 0;
		for (size_t i = 0; i < x->n; i++)
			if (!sf_strv_has(y, x->v[i]))
				return 0;
	}
	return 1;
}

/* A topic key's hash, from the hash of its sector and audience (the same
 * for every topic of an edition) and of its id's text. */
static uint64_t topic_hash(struct ck_parity *p, uint64_t sector_audience, int stage, const char *id)
{
	size_t k = ((uintptr_t)id >> 3) & (SF_NELEM(p->idh) - 1);
	if (p->idh[k].id != id) {
		p->idh[k].id = id;
		p->idh[k].h = fnv(14695981039346656037ULL, id);
	}
	return sf_mix64(p->idh[k].h ^ sector_audience * 0x9e3779b97f4a7c15u ^ (uint64_t)stage);
}

static int same_key(const prec *a, const prec *b)
{
	/* The same names are mostly the same pointers (a topic's id, the
	 * targets' sector and audience): compared before their bytes. */
	return a->stage == b->stage && (a->id == b->id || strcmp(a->id, b->id) == 0) &&
	       (a->sector == b->sector || strcmp(a->sector, b->sector) == 0) &&
	       (a->audience == b->audience || strcmp(a->audience, b->audience) == 0);
}

/* The slot of r's topic key: its first record, or the empty slot for it. */
static prec **topic_slot(struct ck_parity *p, const prec *r)
{
	if (p->nkeys * 2 >= p->capkeys) {
		size_t nc = p->capkeys ? p->capkeys * 2 : 1024;
		prec **t = sf_xcalloc(nc, sizeof *t);
		for (size_t i = 0; i < p->capkeys; i++) {
			if (!p->by_topic[i])
				continue;
			size_t j = (size_t)p->by_topic[i]->hash & (nc - 1);
			while (t[j])
				j = (j + 1) & (nc - 1);
			t[j] = p->by_topic[i];
		}
		free(p->by_topic);
		p->by_topic = t;
		p->capkeys = nc;
	}
	size_t j = (size_t)r->hash & (p->capkeys - 1);
	while (p->by_topic[j] && !same_key(p->by_topic[j], r))
		j = (j + 1) & (p->capkeys - 1);
	return &p->by_topic[j];
}

/* The first index of lang in the corridor's languages (a language listed
 * twice is one language); n when it is not there. */
static size_t lang_index(const sf_corridor *co, const char *lang)
{
	for (size_t k = 0; k < co->languages.n; k++)
		if (co->languages.v[k] == lang || strcmp(co->languages.v[k], lang) == 0)
			return k;
	return co->languages.n;
}

void ck_parity_add(ck_ctx *c, const sf_edition *e)
{
	const sf_corridor *co = e->target.corridor;
	if (co->languages.n < 2)
		return;
	struct ck_parity *p = c->parity;
	if (!p) {
		p = c->parity = sf_alloc(c->a, sizeof *p);
		p->a = sf_arena_new();
		p->fa = sf_arena_new();
	}
	p->co = co;
	size_t li = lang_index(co, e->key.lang);
	uint64_t sa = fnv(fnv(14695981039346656037ULL, e->key.sector), e->key.audience);
	if (!p->tailored)
		p->tailored = sf_alloc(c->a, c->root->nmodules + 1);
	for (size_t i = 0; i < e->ntopics; i++) {
		const sf_ed_topic *t = &e->topics[i];
		/* The record and its stacked modules in one block, every field
		 * set below (not zeroed first: half a million of them at 10,000
		 * modules). */
		prec *r = sf_alloc_raw(p->a, sizeof *r + (t->nparts + 1) * sizeof *r->stacked);
		r->next = NULL;
		r->nstacked = 0;
		r->fallback = t->fallback;
		r->lang = e->key.lang;
		r->li = li;
		r->sector = e->key.sector;
		r->audience = e->key.audience;
		r->stage = t->stage;
		r->id = t->id;
		r->base = t->resolved->base;
		r->hash = topic_hash(p, sa, r->stage, r->id);
		const sf_module *b = r->base;
		if (b >= c->root->modules && b < c->root->modules + c->root->nmodules) {
			unsigned char *tl = &p->tailored[b - c->root->modules];
			if (!*tl)
				*tl = (unsigned char)(1 + sf_module_tailored(b));
			r->base_tailored = *tl - 1;
		} else {
			r->base_tailored = sf_module_tailored(b);
		}
		r->stacked = (const sf_module **)(void *)(r + 1);
		for (size_t k = 0; k < t->nparts; k++)
			if (t->parts[k].m != r->base)
				r->stacked[r->nstacked++] = t->parts[k].m;
		prec **slot = topic_slot(p, r);
		if (*slot) {
			r->next = (*slot)->next;
			(*slot)->next = r;
		} else {
			*slot = r;
			p->nkeys++;
			*SF_PUSH(p->a, p->order, p->norder, p->ocap) = r;
		}
	}
}

/* Counts the finding "module m has no counterpart in language li", made
 * the first time with the edition r names in that language. */
static void count(pfind *x, const sf_corridor *co)
{
	x->n++;
	if (x->last != co) {
		if (x->nco < SF_NELEM(x->co))
			x->co[x->nco] = co;
		x->nco++;
		x->last = co;
	}
}

/* li is the language's first index in the corridor's languages (a
 * language listed twice is one language), oh the hash of its name. */
static void note(sf_arena *a, pfinds *f, const sf_corridor *co, const prec *r, const sf_module *m,
		 size_t li, uint64_t oh, const sf_module *instead, int append)
{
	const char *other = f->canon[li];
	if (f->last && f->last_other == other && f->v[f->last - 1].m == m) {
		count(&f->v[f->last - 1], co);
		return;
	}
	if (f->n * 2 >= f->scap) {
		size_t nc = f->scap ? f->scap * 2 : 256;
		size_t *t = sf_xcalloc(nc, sizeof *t);
		for (size_t i = 0; i < f->n; i++) {
			size_t j = pslot(f->v[i].m, f->v[i].other_hash, nc);
			while (t[j])
				j = (j + 1) & (nc - 1);
			t[j] = i + 1;
		}
		free(f->slot);
		f->slot = t;
		f->scap = nc;
	}
	size_t j = pslot(m, oh, f->scap);
	for (; f->slot[j]; j = (j + 1) & (f->scap - 1)) {
		pfind *x = &f->v[f->slot[j] - 1];
		if (x->m == m && x->other == other) {
			count(x, co);
			f->last = f->slot[j];
			f->last_other = other;
			return;
		}
	}
	const char *ed = sf_printf(a, "%s %s %s %s", co->id, other,
				   strcmp(r->sector, "all") == 0 ? "all-sector" : r->sector, r->audience);
	pfind *x = SF_PUSH(a, f->v, f->n, f->cap);
	*x = (pfind){ m, other, oh, instead, ed, 1, append, { co }, co, 1 };
	f->slot[j] = f->n;
	f->last = f->n;
	f->last_other = other;
}

/* Every language of a corridor has the same audiences and sectors, so each
 * topic key meets every language's edition. */
void ck_parity_flush(ck_ctx *c)
{
	struct ck_parity *p = c->parity;
	if (!p || !p->co) {
		return;
	}
	const sf_corridor *co = p->co;
	size_t *dedup = sf_alloc_array(p->a, co->languages.n + 1, sizeof *dedup);
	uint64_t *oh = sf_alloc_array(p->a, co->languages.n + 1, sizeof *oh);
	const char **canon = sf_alloc_array(p->a, co->languages.n + 1, sizeof *canon);
	if (!p->pf.langs)
		p->pf.langs = sf_strmap_new(p->fa, 16);
	for (size_t li = 0; li < co->languages.n; li++) {
		const char *s = co->languages.v[li];
		dedup[li] = lang_index(co, s);
		oh[li] = fnv(14695981039346656037ULL, s);
		const char *had = sf_strmap_put(p->pf.langs, s, strlen(s), (void *)s);
		canon[li] = had ? had : s;
	}
	p->pf.canon = canon;
	p->pf.last = 0; /* the corridor's strings are new */
	for (size_t o = 0; o < p->norder; o++) {
		for (size_t li = 0; li < co->languages.n; li++) {
			size_t oi = dedup[li]; /* other's first index */
			/* The record of this topic in `other`, if it resolved there. */
			const prec *there = NULL;
			for (const prec *r = p->order[o]; r && !there; r = r->next)
				if (r->li == oi)
					there = r;
			if (there && there->fallback)
				continue; /* fallback reports it */
			for (const prec *r = p->order[o]; r; r = r->next) {
				if (r->li == oi || r->fallback)
					continue;
				if (r->base_tailored && (!there || !there->base_tailored))
					note(p->fa, &p->pf, co, r, r->base, oi, oh[oi],
					     there ? there->base : NULL, 0);
				if (!there)
					continue;
				for (size_t k = 0; k < r->nstacked; k++) {
					int found = 0;
					for (size_t j = 0; j < there->nstacked && !found; j++)
						found = same_scope(r->stacked[k], there->stacked[j]);
					if (!found)
						note(p->fa, &p->pf, co, r, r->stacked[k], oi, oh[oi], NULL, 1);
				}
			}
		}
	}
	sf_arena_reset(p->a);
	p->pf.canon = NULL;
	if (p->capkeys)
		memset(p->by_topic, 0, p->capkeys * sizeof *p->by_topic);
	p->nkeys = 0;
	p->order = NULL;
	p->norder = p->ocap = 0;
	p->co = NULL;
}

/* "kg-ru", "kg-ru and kg-tr", "kg-kz, kg-ru and kg-tr", "kg-kz, kg-ru and 2
 * more corridors": the corridors a finding is about, in the order met. */
static void corridors_named(const pfind *x, char *buf, size_t size)
{
	if (x->nco <= SF_NELEM(x->co)) {
		size_t n = 0;
		for (size_t i = 0; i < x->nco; i++)
			n += (size_t)snprintf(buf + n, n < size ? size - n : 0, "%s%s",
					      i == 0 ? "" : i + 1 == x->nco ? " and " : ", ",
					      x->co[i]->id);
	} else {
		snprintf(buf, size, "%s, %s and %zu more corridors", x->co[0]->id, x->co[1]->id,
			 x->nco - 2);
	}
}

/* One warning per module and language, after every corridor: a shared module missing in a language is one cause. */
void ck_parity_report(ck_ctx *c)
{
	struct ck_parity *p = c->parity;
	if (!p)
		return;
	pfinds *pf = &p->pf;
	for (size_t i = 0; i < pf->n; i++) {
		const pfind *x = &pf->v[i];
		char more[48] = "", cos[512];
		if (x->n > 1)
			snprintf(more, sizeof more, " and %zu more", x->n - 1);
		corridors_named(x, cos, sizeof cos);
		/* A finding about one corridor names its editions' key (JUnit
		 * groups by it); one about several is about no one corridor. */
		sf_diag_key key = { .corridor = x->co[0]->id, .lang = x->other };
		const sf_diag_key *k = x->nco == 1 ? &key : NULL;
		if (x->append)
			sf_emit_group(c->sink, k, SF_D_LANGUAGE_PARITY, x->m->loc,
				      "%s: this %s %s %s has no %s counterpart, so the %s edition%s leave%s it out: "
				      "write it in %s beside %s", cos, x->m->lang, sf_merge_names[x->m->merge],
				      x->m->id, x->other, x->edition, more, x->n > 1 ? "" : "s", x->other, x->m->path);
		else if (x->instead)
			sf_emit_group(c->sink, k, SF_D_LANGUAGE_PARITY, x->m->loc,
				      "%s: topic %s is written for %s in %s (%s), but the %s edition%s "
				      "read%s the general %s: write a %s version of %s", cos, x->m->id,
				      x->nco == 1 ? "this corridor" : "these corridors", x->m->lang,
				      x->m->path, x->edition, more, x->n > 1 ? "" : "s", x->instead->path, x->other,
				      x->m->path);
		else
			sf_emit_group(c->sink, k, SF_D_LANGUAGE_PARITY, x->m->loc,
				      "%s: topic %s is written for %s in %s (%s), but the %s edition%s "
				      "ha%s no %s text for it: write a %s version of %s", cos, x->m->id,
				      x->nco == 1 ? "this corridor" : "these corridors", x->m->lang, x->m->path,
				      x->edition, more, x->n > 1 ? "ve" : "s", x->other, x->other, x->m->path);
	}
}

void ck_parity_free(ck_ctx *c)
{
	if (c->parity) {
		free(c->parity->by_topic);
		free(c->parity->pf.slot);
		sf_arena_free(c->parity->a);
		sf_arena_free(c->parity->fa);
	}
}
