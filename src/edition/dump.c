/* dump.c: an edition as an indented tree (safar dump), the golden surface of the rules engine. */
#include <string.h>

#include "safar/edition.h"

static const char *const verdict_names[] = {
	[SF_LINK_OK] = "ok", [SF_LINK_ANCHOR] = "anchor", [SF_LINK_DEAD] = "dead",
	[SF_LINK_DROPPED] = "dropped",
};
static const char *const freshness_names[] = {
	[SF_FRESH] = "fresh", [SF_STALE_SOON] = "stale-soon", [SF_STALE] = "stale",
};
static const char *const encoding_names[] = { [SF_SMS_GSM7] = "gsm7", [SF_SMS_UCS2] = "ucs2" };

/* A string on one line, in double quotes, with \n and \" escaped; control
 * characters as \xHH. */
static void quoted(sf_buf *b, const char *s)
{
	sf_buf_putc(b, '"');
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == '"' || ch == '\\')
			sf_buf_printf(b, "\\%c", ch);
		else if (ch == '\n')
			sf_buf_puts(b, "\\n");
		else if (ch < 0x20 || ch == 0x7f)
			sf_buf_printf(b, "\\x%02X", ch);
		else
			sf_buf_putc(b, (char)ch);
	}
	sf_buf_putc(b, '"');
}

static void when(sf_buf *b, const sf_module *m)
{
	int any = 0;
	for (int k = 0; k < SF_NWHEN; k++) {
		if (!(m->when.present & (1u << k)))
			continue;
		sf_buf_printf(b, "%s%s=", any ? " " : " when ", sf_when_names[k]);
		for (size_t i = 0; i < m->when.key[k].n; i++)
			sf_buf_printf(b, "%s%s", i ? "," : "", m->when.key[k].v[i]);
		any = 1;
	}
}

static void part(sf_buf *b, const sf_ed_part *p)
{
	const sf_module *m = p->m;
	sf_buf_printf(b, "      %s %s", sf_merge_names[m->merge], m->path);
	when(b, m);
	sf_buf_printf(b, " [%s%s]\n", p->draft ? "draft, " : "", freshness_names[p->freshness]);
	if (p->sms) {
		sf_buf_printf(b, "        sms %zu part%s:\n", p->sms_split.nparts,
			      p->sms_split.nparts == 1 ? "" : "s");
		for (size_t k = 0; k < p->sms_split.nparts; k++) {
			const sf_sms_part *sp = &p->sms_split.parts[k];
			sf_buf_printf(b, "          %s %zu ", encoding_names[sp->encoding], sp->units);
			quoted(b, sp->text);
			sf_buf_putc(b, '\n');
		}
	}
	for (size_t k = 0; k < p->nchecklist; k++) {
		sf_buf_puts(b, "        check ");
		quoted(b, p->checklist[k]);
		sf_buf_putc(b, '\n');
	}
	for (size_t k = 0; k < m->nlinks; k++) {
		sf_buf_printf(b, "        link %s ", verdict_names[p->links[k].verdict]);
		quoted(b, p->links[k].link->url);
		sf_buf_printf(b, " at %d:%d\n", p->links[k].link->loc.line, p->links[k].link->loc.col);
	}
}

void sf_edition_dump(const sf_edition *e, sf_buf *b)
{
	sf_buf_printf(b, "edition %s %s %s %s\n", e->key.corridor, e->key.lang, e->key.sector,
		      e->key.audience);
	sf_buf_puts(b, "  languages");
	for (size_t i = 0; i < e->res->nchain; i++)
		sf_buf_printf(b, " %s", e->res->chain[i]);
	sf_buf_putc(b, '\n');
	for (size_t i = 0; i < e->res->nfacts; i++) {
		const sf_fact_ref *f = &e->res->facts[i];
		sf_buf_printf(b, "  fact %s", f->fact->name);
		if (f->lang)
			sf_buf_printf(b, " (%s)", f->lang);
		sf_buf_putc(b, ' ');
		if (f->value)
			quoted(b, f->value);
		else
			sf_buf_puts(b, "(no value)");
		sf_buf_putc(b, '\n');
	}
	for (int s = 0; s < SF_NSTAGE; s++) {
		if (!(e->stages & (1u << s)))
			continue;
		sf_buf_printf(b, "  stage %s\n", sf_stage_names[s]);
		for (size_t i = 0; i < e->ntopics; i++) {
			const sf_ed_topic *t = &e->topics[i];
			if (t->stage != s)
				continue;
			sf_buf_printf(b, "    topic %s ", t->id);
			quoted(b, t->title);
			sf_buf_printf(b, " in %s%s, %s%s, order %d\n", t->lang,
				      t->fallback ? " (fallback)" : "",
				      t->tailored ? "tailored" : "generic", t->draft ? ", draft" : "",
				      t->resolved->order);
			for (size_t p = 0; p < t->nparts; p++)
				part(b, &t->parts[p]);
		}
		for (size_t k = 0; k < e->res->policy[s].n; k++) {
			const char *id = e->res->policy[s].v[k];
			int found = 0;
			for (size_t i = 0; i < e->ntopics && !found; i++)
				found = e->topics[i].stage == s && strcmp(e->topics[i].id, id) == 0;
			if (!found)
				sf_buf_printf(b, "    required %s: %s\n", id,
					      sf_strv_has(&e->res->excluded, id) ? "excluded by a rule"
					      : sf_strv_has(&e->res->failed[s], id) ? "left out by an error"
										 : "missing");
		}
	}
	for (size_t i = 0; i < e->res->excluded.n; i++)
		sf_buf_printf(b, "  excluded %s\n", e->res->excluded.v[i]);
	for (size_t i = 0; i < e->nsources; i++) {
		sf_buf_printf(b, "  source %zu ", i + 1);
		quoted(b, e->sources[i]);
		sf_buf_putc(b, '\n');
	}
	sf_buf_puts(b, "  anchors");
	for (size_t i = 0; i < e->nanchors; i++)
		sf_buf_printf(b, " %s", e->anchors[i]);
	sf_buf_putc(b, '\n');
}
