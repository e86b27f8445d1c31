/* rules.c: rules.yaml, the cross-cutting rules (DESIGN §2.5). */
#include <string.h>

#include "loadint.h"
#include "safar/nelem.h"
#include "safar/suggest.h"

static const char *const rule_keys[] = { "when", "exclude", "require", "facts",
					 "require_facts", "require_contacts" };

/* require_facts: [names]; require_contacts: [{kind, side, audience}]
 * (DESIGN §2.5). */
static void load_rule_policy(lctx *c, const ynode *v, sf_rule *r)
{
	r->require_facts = f_strv(&c->f, yn_get(v, "require_facts"), "require_facts");
	size_t n = 0; /* a bad name is reported as that, and required of no one */
	for (size_t i = 0; i < r->require_facts.n; i++) {
		if (!f_fact_name_ok(r->require_facts.v[i])) {
			sf_emit(c->f.sink, SF_D_BAD_ID, r->require_facts.loc[i],
				"fact name '%s' must start with a lower-case letter and hold only a-z, 0-9, _ and -",
				r->require_facts.v[i]);
			continue;
		}
		r->require_facts.v[n] = r->require_facts.v[i];
		r->require_facts.loc[n++] = r->require_facts.loc[i];
	}
	r->require_facts.n = n;
	const ynode *rc = yn_get(v, "require_contacts");
	if (!rc || yn_is_null(rc))
		return;
	if (rc->kind != YN_SEQ) {
		sf_emit(c->f.sink, SF_D_WRONG_TYPE, rc->loc,
			"'require_contacts' must be a list of {kind, side, audience}");
		return;
	}
	static const char *const keys[] = { "kind", "side", "audience" };
	static const char *const required[] = { "kind" };
	r->require_contacts = sf_alloc_array(c->f.a, rc->n + 1, sizeof *r->require_contacts);
	for (size_t i = 0; i < rc->n; i++) {
		const ynode *e = rc->items[i];
		if (!f_keys(&c->f, e, "a required contact", keys, SF_NELEM(keys), required,
			    SF_NELEM(required), e->loc))
			continue;
		sf_contact_req q = { e->loc, 0, -1, NULL };
		sf_strv kinds = f_strv(&c->f, yn_get(e, "kind"), "kind");
		for (size_t k = 0; k < kinds.n; k++) {
			int kd = sf_name_index(sf_kind_names, SF_NKIND, kinds.v[k]);
			if (kd >= 0) {
				q.kinds |= 1u << kd;
				continue;
			}
			const char *near = sf_suggest(kinds.v[k], sf_kind_names, SF_NKIND);
			sf_emit(c->f.sink, SF_D_BAD_VALUE, kinds.loc[k],
				"'%s' is not a contact kind%s%s%s (one of: government, embassy, helpline, "
				"emergency, legal-aid, ngo, women, trafficking, health)", kinds.v[k],
				near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
		}
		const ynode *side = yn_get(e, "side");
		if (side && (q.side = f_enum(&c->f, side, "side", sf_side_names, 2)) < 0)
			continue;
		const ynode *au = yn_get(e, "audience");
		if (au && !(q.audience = f_str(&c->f, au, "audience")))
			continue;
		if (q.kinds)
			r->require_contacts[r->nrequire_contacts++] = q;
	}
}

static void load_rule(lctx *c, const ynode *v, sf_rule *r)
{
	r->loc = v->loc;
	if (!f_keys(&c->f, v, "a rule", rule_keys, SF_NELEM(rule_keys), NULL, 0, v->loc))
		return;
	r->when = f_when(&c->f, yn_get(v, "when"));
	r->exclude = f_strv(&c->f, yn_get(v, "exclude"), "exclude");
	for (size_t i = 0; i < r->exclude.n; i++)
		f_kebab(&c->f, r->exclude.v[i], r->exclude.loc[i], "topic id");
	const ynode *req = yn_get(v, "require");
	if (req && !yn_is_null(req) &&
	    f_keys(&c->f, req, "require", sf_stage_names, SF_NSTAGE, NULL, 0, req->loc)) {
		for (int s = 0; s < SF_NSTAGE; s++) {
			r->require[s] = f_strv(&c->f, yn_get(req, sf_stage_names[s]), sf_stage_names[s]);
			for (size_t i = 0; i < r->require[s].n; i++)
				f_kebab(&c->f, r->require[s].v[i], r->require[s].loc[i], "topic id");
		}
	}
	r->nfacts = f_facts(&c->f, yn_get(v, "facts"), &r->facts);
	load_rule_policy(c, v, r);
}

void rules_load(lctx *c, const srcfile *f, sf_root *root)
{
	int failed;
	ynode *doc = yn_parse(c->f.a, c->f.sink, f->path, f->text, f->len, 1, &failed);
	if (!doc)
		return; /* empty: no rules */
	if (doc->kind != YN_SEQ) {
		sf_emit(c->f.sink, SF_D_WRONG_TYPE, doc->loc,
			"rules.yaml must be a list of rules, each '- when: …'");
		return;
	}
	root->rules = sf_alloc_array(c->f.a, doc->n + 1, sizeof *root->rules);
	for (size_t i = 0; i < doc->n; i++)
		load_rule(c, doc->items[i], &root->rules[root->nrules++]);
}
