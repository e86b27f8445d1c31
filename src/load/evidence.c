/* evidence.c: facts and contacts with their evidence (checked, sources), and a
 * module's `reviewed` (DESIGN §1; docs/content-format.md). */
#include <string.h>

#include "field.h"
#include "safar/nelem.h"

void f_evidence(fctx *c, const ynode *map, sf_evidence *ev)
{
	const ynode *v = yn_get(map, "checked");
	if (v && !yn_is_null(v)) {
		ev->checked = f_date(c, v, "checked");
		ev->checked_text = v->s;
		ev->checked_loc = v->loc;
	}
	v = yn_get(map, "sources");
	if (v && !yn_is_null(v)) {
		ev->sources = f_strv(c, v, "sources");
		if (ev->sources.n == 0)
			sf_emit(c->sink, SF_D_MISSING_KEY, v->loc, "'sources' must name at least one source");
	}
}

static const char *const evidence_keys[] = { "text", "checked", "sources" };

/* A fact's value: a text or per-language map, or the evidence form
 * {text, checked, sources}. A mapping holding any of those three keys is the
 * evidence form (no language is called "text"), so a misspelt key beside
 * them is reported with a suggestion, never read as a language. */
void f_fact_value(fctx *c, const ynode *v, sf_fact *fa)
{
	int evidence = 0;
	for (size_t i = 0; v && v->kind == YN_MAP && i + 1 < v->n; i += 2)
		if (v->items[i]->kind == YN_SCALAR &&
		    sf_name_index(evidence_keys, SF_NELEM(evidence_keys), v->items[i]->s) >= 0)
			evidence = 1;
	if (!evidence) {
		fa->value = f_text(c, v, fa->name);
		return;
	}
	static const char *const required[] = { "text" };
	if (!f_keys(c, v, "a fact with evidence", evidence_keys, SF_NELEM(evidence_keys), required,
		    SF_NELEM(required), v->loc))
		return;
	const ynode *t = yn_get(v, "text");
	if (t)
		fa->value = f_text(c, t, fa->name);
	f_evidence(c, v, &fa->ev);
}

void f_reviewed(fctx *c, const ynode *root, sf_module *m)
{
	static const char *const keys[] = { "on", "by" };
	const ynode *v = yn_get(root, "reviewed");
	if (v && !yn_is_null(v)) {
		m->reviewed_loc = v->loc;
		if (f_keys(c, v, "reviewed", keys, SF_NELEM(keys), keys, SF_NELEM(keys), v->loc)) {
			const ynode *on = yn_get(v, "on");
			if (on) {
				m->reviewed_on = f_date(c, on, "on");
				m->reviewed_on_text = on->s;
			}
			const ynode *by = yn_get(v, "by");
			if (by)
				m->reviewed_by = f_str(c, by, "by");
		}
	}
	/* Reviewed, by whom and when: a status alone is a claim nobody can
	 * follow up. */
	if (m->status == SF_STATUS_REVIEWED && !m->reviewed_loc.line)
		sf_emit(c->sink, SF_D_MISSING_KEY, m->status_loc,
			"status: reviewed needs 'reviewed: {on: YYYY-MM-DD, by: \"Name, Organisation\"}': "
			"add it, saying when and by whom the module was checked against its sources");
}
