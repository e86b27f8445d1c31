/* pdf_handbook.c: --format pdf: handbook.pdf, checklist.pdf, helpcard.pdf and
 * the session packs' PDFs of one edition (docs/outputs.md, "PDF"). */
#include <errno.h>
#include <string.h>

#include "helpcard.h"
#include "html.h"
#include "pdf.h"
#include "safar/date.h"
#include "safar/fsio.h"

/* "{language}" in a string becomes the name of the edition's language. */
static void cover(pd_doc *d, const sf_output *o, const char *what)
{
	const sf_edition *e = o->ed;
	pd_page(d, NULL, 0);
	pd_place center = { .center = 1 };
	pd_line(d, what, PD_H3, &center);
	pd_goto(d, pd_room(d) * 0.28 + pd_line_height(d, PD_BODY) * 3);
	pd_line(d, pd_corridor_title(o), PD_TITLE, &center);
	pd_space(d, 1.2);
	pd_line(d, pd_edition_line(o), PD_BODY, &center);
	pd_space(d, 0.6);
	pd_line(d, h_checked_line(o), PD_SMALL, &center);
	if (e->has_draft) {
		pd_space(d, 2.5);
		pd_rule(d);
		pd_line(d, o->str[SF_S_draft_notice], PD_H3, &center);
		pd_rule(d);
	}
}

static void contents(pd_doc *d, const sf_output *o)
{
	const sf_edition *e = o->ed;
	pd_page(d, o->str[SF_S_contents], 1);
	pd_line(d, o->str[SF_S_contents], PD_H1, NULL);
	pd_space(d, 0.5);
	for (int s = 0; s < SF_NSTAGE; s++) {
		if (!(e->stages & (1u << s)))
			continue;
		pd_toc_line(d, o->str[H_STAGE(s)], sf_printf(o->a, "stage-%s", sf_stage_names[s]), 1);
		for (size_t i = 0; i < e->ntopics; i++)
			if (e->topics[i].stage == s)
				pd_toc_line(d, e->topics[i].title, e->topics[i].anchor, 2);
	}
	if (e->has_checklist)
		pd_toc_line(d, o->str[SF_S_checklist], "checklist", 1);
	if (e->nsources)
		pd_toc_line(d, o->str[SF_S_sources], "sources", 1);
	pd_toc_line(d, o->str[SF_S_where_to_get_help], "help", 1);
}

static void heading(pd_doc *d, const char *text, int style, const char *lang)
{
	pd_text *t = pd_text_new(d, NULL);
	(void)lang;
	pd_puts(t, text, 0);
	pd_place p = { .before = style == PD_H1 ? 0 : 1.0, .keep = 3 };
	pd_block(d, t, style, &p);
}

static void topic(pd_doc *d, const sf_output *o, const sf_ed_topic *t)
{
	pd_anchor(d, t->anchor, 2, t->title);
	heading(d, t->title, PD_H2, t->lang);
	if (t->fallback) {
		pd_text *n = pd_text_new(d, NULL);
		pd_puts(n, h_with_language(o, o->str[SF_S_not_translated]), PD_I);
		pd_place p = { .before = 0.2 };
		pd_block(d, n, PD_SMALL, &p);
	}
	for (size_t p = 0; p < t->nparts; p++)
		pd_markdown(d, t->parts[p].m->doc, t->lang);
	/* The numbers of the sources at the end, each a link to its entry. */
	pd_text *s = pd_text_new(d, NULL);
	pd_puts(s, o->str[SF_S_sources], 0);
	pd_puts(s, ":", 0);
	size_t before = pd_text_len(s);
	size_t *no, nno = sf_edition_topic_sources(o->ed, t, o->a, &no);
	for (size_t i = 0; i < nno; i++) {
		pd_puts(s, " ", 0);
		pd_link_begin(s, sf_printf(o->a, "#src-%zu", no[i]));
		pd_puts(s, sf_printf(o->a, "[%zu]", no[i]), 0);
		pd_link_end(s);
	}
	if (pd_text_len(s) > before) {
		pd_place p = { .before = 0.4 };
		pd_block(d, s, PD_SMALL, &p);
	}
}

/* The stage's one-page summary (h_summary_make): its messages, then whom
 * to call; 1 when there was one, and the topics then start a new page. */
static int summary(pd_doc *d, const sf_output *o, int s)
{
	h_summary sm;
	h_summary_make(o, s, &sm);
	if (!sm.nsms && !sm.ncontacts)
		return 0;
	pd_text *h = pd_text_new(d, NULL);
	pd_puts(h, o->str[SF_S_most_important], 0);
	pd_place hp = { .before = 0.6, .keep = 2 };
	pd_block(d, h, PD_H2, &hp);
	double indent = pd_line_height(d, PD_BODY) * 1.2;
	for (size_t i = 0; i < sm.nsms; i++) {
		pd_text *t = pd_text_new(d, sm.topic[i]->lang);
		pd_puts(t, sm.sms[i], 0);
		pd_place p = { .indent = indent, .before = 0.4, .marker = "•", .hyphenate = 1 };
		pd_block(d, t, PD_BODY, &p);
	}
	if (sm.ncontacts) {
		pd_text *c = pd_text_new(d, NULL);
		pd_puts(c, o->str[SF_S_where_to_get_help], 0);
		pd_place cp = { .before = 0.9, .keep = 2 };
		pd_block(d, c, PD_H3, &cp);
	}
	for (size_t i = 0; i < sm.ncontacts; i++) {
		const sf_contact *c = sm.contacts[i];
		pd_text *t = pd_text_new(d, NULL);
		pd_puts(t, h_contact_name(o, c), 0);
		if (c->phone) {
			pd_puts(t, ": ", 0);
			pd_link_begin(t, qr_tel(o->a, c->phone));
			pd_puts(t, c->phone, PD_B);
			pd_link_end(t);
		} else if (c->url && h_safe_url(c->url)) {
			pd_puts(t, ": ", 0);
			pd_link_begin(t, c->url);
			pd_puts(t, h_summary_site(o, c->url), 0);
			pd_link_end(t);
		}
		pd_place p = { .indent = indent, .before = 0.3, .marker = "•" };
		pd_block(d, t, PD_BODY, &p);
	}
	return 1;
}

static void stage(pd_doc *d, const sf_output *o, int s)
{
	pd_page(d, o->str[H_STAGE(s)], 1);
	pd_anchor(d, sf_printf(o->a, "stage-%s", sf_stage_names[s]), 1, o->str[H_STAGE(s)]);
	heading(d, o->str[H_STAGE(s)], PD_H1, NULL);
	pd_text *p = pd_text_new(d, o->res->target.lang);
	pd_puts(p, o->str[H_PURPOSE(s)], PD_I);
	pd_place pl = { .before = 0.3 };
	pd_block(d, p, PD_BODY, &pl);
	pd_rule(d);
	if (summary(d, o, s))
		pd_page(d, o->str[H_STAGE(s)], 1);
	for (size_t i = 0; i < o->ed->ntopics; i++)
		if (o->ed->topics[i].stage == s)
			topic(d, o, &o->ed->topics[i]);
}

/* Every checklist item, grouped by stage, each with a tick box. */
static void checklist_items(pd_doc *d, const sf_output *o, int only_stage)
{
	const sf_edition *e = o->ed;
	for (int s = 0; s < SF_NSTAGE; s++) {
		if (only_stage >= 0 && s != only_stage)
			continue;
		int open = 0;
		for (size_t i = 0; i < e->ntopics; i++) {
			const sf_ed_topic *t = &e->topics[i];
			for (size_t p = 0; t->stage == s && p < t->nparts; p++)
				for (size_t k = 0; k < t->parts[p].nchecklist; k++) {
					if (!open && only_stage < 0)
						heading(d, o->str[H_STAGE(s)], PD_H2, NULL);
					open = 1;
					pd_text *x = pd_text_new(d, t->lang);
					pd_puts(x, t->parts[p].checklist[k], 0);
					pd_place pl = { .indent = pd_line_height(d, PD_BODY) * 1.6, .before = 0.35,
							.box = 1 };
					pd_block(d, x, PD_BODY, &pl);
				}
		}
	}
}

/* One entry per work, its sections under it, each with the number the
 * topics cite. */
static void sources(pd_doc *d, const sf_output *o)
{
	const sf_edition *e = o->ed;
	pd_page(d, o->str[SF_S_sources], 1);
	pd_anchor(d, "sources", 1, o->str[SF_S_sources]);
	heading(d, o->str[SF_S_sources], PD_H1, NULL);
	/* The numbers stand in a column wide enough for "[999]". */
	double indent = pd_line_height(d, PD_SMALL) * 2.8;
	sf_source_group *g;
	size_t ng = sf_edition_source_groups(e, o->a, &g);
	for (size_t i = 0; i < ng; i++) {
		pd_text *t = pd_text_new(d, NULL);
		if (g[i].whole >= 0)
			pd_anchor(d, sf_printf(o->a, "src-%ld", g[i].whole + 1), 0, NULL);
		if (!g[i].nmembers) { /* a work cited as a whole, and only so */
			pd_put(t, g[i].text, g[i].len, 0);
			pd_place p = { .indent = indent, .before = 0.5,
				       .marker = sf_printf(o->a, "[%ld]", g[i].whole + 1) };
			pd_block(d, t, PD_SMALL, &p);
			continue;
		}
		pd_put(t, g[i].text, g[i].len, PD_B);
		pd_place p = { .before = 0.7, .keep = 2 };
		if (g[i].whole >= 0) {
			p.indent = indent;
			p.marker = sf_printf(o->a, "[%ld]", g[i].whole + 1);
		}
		pd_block(d, t, PD_SMALL, &p);
		for (size_t k = 0; k < g[i].nmembers; k++) {
			size_t j = g[i].members[k];
			pd_anchor(d, sf_printf(o->a, "src-%zu", j + 1), 0, NULL);
			pd_text *x = pd_text_new(d, NULL);
			pd_puts(x, e->sources[j] + g[i].len + 2, 0);
			pd_place q = { .indent = indent, .before = 0.15, .marker = sf_printf(o->a, "[%zu]", j + 1) };
			pd_block(d, x, PD_SMALL, &q);
		}
	}
}

static void help(pd_doc *d, const sf_output *o)
{
	pd_back_matter(d);
	pd_page(d, o->str[SF_S_where_to_get_help], 1);
	pd_anchor(d, "help", 1, o->str[SF_S_where_to_get_help]);
	heading(d, o->str[SF_S_where_to_get_help], PD_H1, NULL);
	helpcard_contacts(d, o, 0, pd_line_height(d, PD_BODY) * 5.5, PD_BODY);
}

static int handbook(pdf_state *st, const sf_output *o)
{
	const sf_edition *e = o->ed;
	const sf_build_opts *opts = o->opts;
	pd_size sheet = pd_paper(opts->paper, SF_PAPER_A4);
	pd_size page = opts->booklet ? (pd_size){ sheet.h / 2, sheet.w } : pd_paper(opts->paper, SF_PAPER_A5);
	const char *title = sf_printf(o->a, "%s · %s", pd_corridor_title(o), o->str[SF_S_handbook]);
	pd_doc *d = pd_begin(st, o, page, title);
	cover(d, o, o->str[SF_S_handbook]);
	contents(d, o);
	for (int s = 0; s < SF_NSTAGE; s++)
		if (e->stages & (1u << s))
			stage(d, o, s);
	if (e->has_checklist) {
		pd_page(d, o->str[SF_S_checklist], 1);
		pd_anchor(d, "checklist", 1, o->str[SF_S_checklist]);
		heading(d, o->str[SF_S_checklist], PD_H1, NULL);
		checklist_items(d, o, -1);
	}
	if (e->nsources)
		sources(d, o);
	help(d, o);
	return pd_end(d, "handbook.pdf", opts->booklet, sheet);
}

static int checklist(pdf_state *st, const sf_output *o)
{
	pd_size page = pd_paper(o->opts->paper, SF_PAPER_A5);
	const char *title = sf_printf(o->a, "%s · %s", pd_corridor_title(o), o->str[SF_S_checklist]);
	pd_doc *d = pd_begin(st, o, page, title);
	pd_page(d, o->str[SF_S_checklist], 1);
	heading(d, o->str[SF_S_checklist], PD_H1, NULL);
	pd_line(d, pd_corridor_title(o), PD_BODY, NULL);
	pd_line(d, pd_edition_line(o), PD_SMALL, NULL);
	checklist_items(d, o, -1);
	return pd_end(d, "checklist.pdf", 0, page);
}

static void *state_new(void)
{
	return pdf_state_new();
}

static void state_free(void *st)
{
	pdf_state_free(st);
}

static int render(void *state, const sf_output *o)
{
	int rc = 0;
	if (handbook(state, o) != 0)
		rc = -1;
	if (o->ed->has_checklist && checklist(state, o) != 0)
		rc = -1;
	if (helpcard_pdf(state, o) != 0)
		rc = -1;
	if (pdf_sessions(state, o) != 0)
		rc = -1;
	return rc;
}

const sf_renderer sf_render_pdf = { "pdf", SF_FMT_PDF, state_new, render, state_free };
