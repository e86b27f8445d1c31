/* policy.c: the facts and contacts rules require (require_facts,
 * require_contacts), and the evidence of facts and contacts going stale
 * (docs/resolution.md, "Rules"; docs/content-format.md). */
#include <string.h>

#include "checkint.h"
#include "safar/buf.h"
#include "safar/date.h"

/* One gap: a rule's entry a corridor fails, with the editions that lack it.
 * Reported once per corridor and entry, at the entry: the fix is one. */
typedef struct gap {
	const sf_corridor *co;
	sf_loc at;        /* the rule's entry */
	int is_contact;
	const char *fact; /* require_facts: the name */
	const sf_contact_req *req;
	const char *first; /* the first edition that lacks it */
	size_t n;          /* how many do */
} gap;

struct ck_policy {
	gap *g;
	size_t n, cap;
};

static void add_gap(ck_ctx *c, const sf_edition *e, sf_loc at, const char *fact,
		    const sf_contact_req *req)
{
	if (!c->policy)
		c->policy = sf_alloc(c->a, sizeof *c->policy);
	struct ck_policy *p = c->policy;
	for (size_t i = p->n; i-- > 0;) {
		gap *g = &p->g[i];
		if (g->co != e->target.corridor)
			break; /* editions come corridor by corridor */
		if (g->at.path == at.path && g->at.line == at.line && g->at.col == at.col) {
			g->n++;
			return;
		}
	}
	gap *g = SF_PUSH(c->a, p->g, p->n, p->cap);
	*g = (gap){ e->target.corridor, at, req != NULL, fact, req, ck_edition_name(c, e), 1 };
}

static int contact_serves(const sf_contact *ct, const sf_contact_req *q)
{
	if (ct->kind < 0 || !(q->kinds & (1u << ct->kind)))
		return 0;
	if (q->side >= 0 && (int)ct->side != q->side)
		return 0;
	/* A women's edition needs a contact for women: a general helpline does
	 * not answer "where is the women's helpline" (DESIGN §2.5). */
	return !q->audience || sf_strv_has(&ct->audiences, q->audience);
}

void ck_policy(ck_ctx *c, const sf_edition *e)
{
	const sf_root *root = c->root;
	const sf_corridor *co = e->target.corridor;
	for (size_t i = 0; i < root->nrules; i++) {
		const sf_rule *r = &root->rules[i];
		if (!r->require_facts.n && !r->nrequire_contacts)
			continue;
		if (!sf_when_match(&r->when, &e->target, NULL, 0))
			continue;
		for (size_t k = 0; k < r->require_facts.n; k++)
			if (!sf_fact_lookup(e->res, r->require_facts.v[k]))
				add_gap(c, e, r->require_facts.loc[k], r->require_facts.v[k], NULL);
		for (size_t k = 0; k < r->nrequire_contacts; k++) {
			const sf_contact_req *q = &r->require_contacts[k];
			int found = 0;
			for (size_t j = 0; j < co->ncontacts && !found; j++)
				found = contact_serves(&co->contacts[j], q);
			if (!found)
				add_gap(c, e, q->loc, NULL, q);
		}
	}
}

static void kinds_str(sf_buf *b, unsigned kinds)
{
	int n = 0;
	for (int k = 0; k < SF_NKIND; k++)
		if (kinds & (1u << k))
			n++;
	int i = 0;
	for (int k = 0; k < SF_NKIND; k++)
		if (kinds & (1u << k))
			sf_buf_printf(b, "%s%s", i++ == 0 ? "" : i == n ? " or " : ", ", sf_kind_names[k]);
}

void ck_policy_report(ck_ctx *c)
{
	struct ck_policy *p = c->policy;
	for (size_t i = 0; p && i < p->n; i++) {
		const gap *g = &p->g[i];
		char more[48] = "";
		if (g->n > 1)
			snprintf(more, sizeof more, " and %zu more edition%s", g->n - 1, g->n == 2 ? "" : "s");
		sf_diag_key key = { .corridor = g->co->id };
		if (!g->is_contact) {
			sf_emit_group(c->sink, &key, SF_D_MISSING_FACT, g->at,
				      "this rule requires fact '%s', which %s does not define (the %s edition%s): "
				      "add it under facts: in %s", g->fact, g->co->id, g->first, more, g->co->path);
			continue;
		}
		const sf_contact_req *q = g->req;
		sf_buf what = { 0 };
		sf_buf_puts(&what, "a contact of kind ");
		kinds_str(&what, q->kinds);
		if (q->side >= 0)
			sf_buf_printf(&what, " on the %s side", sf_side_names[q->side]);
		if (q->audience)
			sf_buf_printf(&what, " for audience %s", q->audience);
		sf_emit_group(c->sink, &key, SF_D_MISSING_CONTACT_KIND, g->at,
			      "this rule requires %s, which %s does not list (the %s edition%s): add one to "
			      "contacts: in %s with its kind%s", what.data, g->co->id, g->first, more,
			      g->co->path, q->audience ? " and audiences" : "");
		sf_buf_free(&what);
	}
}

/* Reported like a module's review_by: past is an error, near a warning. */
static void stale(ck_ctx *c, const sf_evidence *ev, const char *what, const char *name,
		  const char *fix)
{
	if (ev->checked <= 0)
		return;
	long days = c->root->config.review_fact_days;
	long due = ev->checked + days, today = c->opts->today;
	char d[11];
	sf_date_str(due, d);
	if (due < today)
		sf_emit(c->sink, SF_D_STALE_FACT, ev->checked_loc,
			"%s '%s' was checked on %s, %ld days ago, more than review.fact_days (%ld): "
			"%s, then move checked", what, name, ev->checked_text,
			today - ev->checked, days, fix);
	else if (due - today <= c->root->config.review_warn_days)
		sf_emit(c->sink, SF_D_STALE_FACT_SOON, ev->checked_loc,
			"%s '%s' was checked on %s and turns stale on %s, in %ld days", what, name,
			ev->checked_text, d, due - today);
}

#define FACT_FIX "confirm it against its sources"

void ck_fact_freshness(ck_ctx *c)
{
	const sf_root *root = c->root;
	for (size_t i = 0; i < root->ncorridors; i++) {
		const sf_corridor *co = &root->corridors[i];
		for (size_t k = 0; k < co->nfacts; k++)
			stale(c, &co->facts[k].ev, "fact", co->facts[k].name, FACT_FIX);
		for (size_t k = 0; k < co->ncontacts; k++)
			stale(c, &co->contacts[k].ev, "contact", co->contacts[k].name ? co->contacts[k].name : "?",
			      "confirm it still answers (call it, open its site)");
	}
	for (size_t i = 0; i < root->nrules; i++)
		for (size_t k = 0; k < root->rules[i].nfacts; k++)
			stale(c, &root->rules[i].facts[k].ev, "fact", root->rules[i].facts[k].name, FACT_FIX);
}
