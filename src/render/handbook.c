/* handbook.c: handbook.html: cover, contents, stages, checklist, help, sources. */
#include <string.h>

#include "html.h"
#include "qr.h"
#include "safar/date.h"

static void cover(sf_buf *b, const sf_output *o)
{
	sf_buf_puts(b, "<section class=\"cover\">\n<p class=\"meta\">");
	h_esc(b, o->str[SF_S_handbook]);
	sf_buf_puts(b, "</p>\n<h1>");
	h_esc(b, h_corridor_title(o));
	sf_buf_puts(b, "</h1>\n<p class=\"edition\">");
	h_edition(b, o);
	sf_buf_puts(b, "</p>\n<p class=\"meta\">");
	h_esc(b, h_checked_line(o));
	sf_buf_puts(b, "</p>\n");
	if (o->ed->has_draft) {
		sf_buf_puts(b, "<p class=\"notice\">");
		h_esc(b, o->str[SF_S_draft_notice]);
		sf_buf_puts(b, "</p>\n");
	}
	sf_buf_puts(b, "</section>\n");
}

static void contents(sf_buf *b, const sf_output *o)
{
	const sf_edition *e = o->ed;
	sf_buf_puts(b, "<nav>\n<h2>");
	h_esc(b, o->str[SF_S_contents]);
	sf_buf_puts(b, "</h2>\n<ol>\n");
	for (int s = 0; s < SF_NSTAGE; s++) {
		if (!(e->stages & (1u << s)))
			continue;
		sf_buf_printf(b, "<li><a href=\"#stage-%s\">", sf_stage_names[s]);
		h_esc(b, o->str[H_STAGE(s)]);
		sf_buf_puts(b, "</a>\n<ol>\n");
		for (size_t i = 0; i < e->ntopics; i++) {
			const sf_ed_topic *t = &e->topics[i];
			if (t->stage != s)
				continue;
			sf_buf_printf(b, "<li><a href=\"#%s\">", t->anchor);
			h_esc(b, t->title);
			sf_buf_puts(b, "</a></li>\n");
		}
		sf_buf_puts(b, "</ol></li>\n");
	}
	if (e->has_checklist) {
		sf_buf_puts(b, "<li><a href=\"#checklist\">");
		h_esc(b, o->str[SF_S_checklist]);
		sf_buf_puts(b, "</a></li>\n");
	}
	sf_buf_puts(b, "<li><a href=\"#help\">");
	h_esc(b, o->str[SF_S_where_to_get_help]);
	sf_buf_puts(b, "</a></li>\n<li><a href=\"#sources\">");
	h_esc(b, o->str[SF_S_sources]);
	sf_buf_puts(b, "</a></li>\n</ol>\n</nav>\n");
}

static void topic(sf_buf *b, const sf_output *o, const sf_ed_topic *t)
{
	sf_buf_printf(b, "<article class=\"module\" id=\"%s\"", t->anchor);
	if (t->fallback) /* a fallback language is marked so screen readers switch */
		sf_buf_printf(b, " lang=\"%s\"", t->lang);
	sf_buf_puts(b, ">\n<h3>");
	h_esc(b, t->title);
	sf_buf_puts(b, "</h3>\n");
	/* The reader is told what is not yet in their language, and what is
	 * not yet reviewed (docs/outputs.md, "The reader is told"). */
	if (t->fallback) {
		sf_buf_puts(b, "<p class=\"notice\">");
		h_esc(b, h_with_language(o, o->str[SF_S_not_translated]));
		sf_buf_puts(b, "</p>\n");
	}
	if (t->draft) {
		sf_buf_puts(b, "<p class=\"notice\">");
		h_esc(b, o->str[SF_S_draft_section]);
		sf_buf_puts(b, "</p>\n");
	}
	for (size_t p = 0; p < t->nparts; p++)
		h_markdown(b, t->parts[p].m->doc, o->res, 2);
	sf_buf_puts(b, "<p class=\"meta\">");
	h_esc(b, o->str[SF_S_sources]);
	sf_buf_puts(b, ":");
	size_t *no, nno = sf_edition_topic_sources(o->ed, t, o->a, &no);
	for (size_t i = 0; i < nno; i++)
		sf_buf_printf(b, " <a href=\"#src-%zu\">[%zu]</a>", no[i], no[i]);
	sf_buf_puts(b, "</p>\n</article>\n");
}

/* The stage's one-page summary (h_summary_make): its messages, then whom
 * to call; a page of its own in print. */
static void summary(sf_buf *b, const sf_output *o, int s)
{
	h_summary sm;
	h_summary_make(o, s, &sm);
	if (!sm.nsms && !sm.ncontacts)
		return;
	sf_buf_puts(b, "<aside class=\"summary\">\n<h3>");
	h_esc(b, o->str[SF_S_most_important]);
	sf_buf_puts(b, "</h3>\n");
	if (sm.nsms) {
		sf_buf_puts(b, "<ul>\n");
		for (size_t i = 0; i < sm.nsms; i++) {
			sf_buf_puts(b, "<li>");
			h_esc(b, sm.sms[i]);
			sf_buf_puts(b, "</li>\n");
		}
		sf_buf_puts(b, "</ul>\n");
	}
	if (sm.ncontacts) {
		sf_buf_puts(b, "<h4>");
		h_esc(b, o->str[SF_S_where_to_get_help]);
		sf_buf_puts(b, "</h4>\n<ul class=\"calls\">\n");
		for (size_t i = 0; i < sm.ncontacts; i++) {
			const sf_contact *c = sm.contacts[i];
			sf_buf_puts(b, "<li><strong>");
			h_esc(b, h_contact_name(o, c));
			sf_buf_puts(b, "</strong>");
			const char *href = c->phone ? qr_tel(o->a, c->phone) : c->url && h_safe_url(c->url) ? c->url : NULL;
			if (href) {
				sf_buf_puts(b, ": <a href=\"");
				h_esc(b, href);
				sf_buf_puts(b, "\">");
				h_esc(b, c->phone ? c->phone : h_summary_site(o, c->url));
				sf_buf_puts(b, "</a>");
			}
			sf_buf_puts(b, "</li>\n");
		}
		sf_buf_puts(b, "</ul>\n");
	}
	sf_buf_puts(b, "</aside>\n");
}

void h_stage(sf_buf *b, const sf_output *o, int s)
{
	sf_buf_printf(b, "<section class=\"stage\" id=\"stage-%s\">\n<h2>", sf_stage_names[s]);
	h_esc(b, o->str[H_STAGE(s)]);
	sf_buf_puts(b, "</h2>\n<p class=\"purpose\">");
	h_esc(b, o->str[H_PURPOSE(s)]);
	sf_buf_puts(b, "</p>\n");
	summary(b, o, s);
	for (size_t i = 0; i < o->ed->ntopics; i++)
		if (o->ed->topics[i].stage == s)
			topic(b, o, &o->ed->topics[i]);
	sf_buf_puts(b, "</section>\n");
}

/* One entry per work, the sections cited under it, each with the number
 * the topics cite (the PDF's list, pdf_handbook.c). */
void h_sources_list(sf_buf *b, const sf_output *o)
{
	const sf_edition *e = o->ed;
	sf_buf_puts(b, "<section id=\"sources\">\n<h2>");
	h_esc(b, o->str[SF_S_sources]);
	sf_buf_puts(b, "</h2>\n<ul class=\"sources\">\n");
	sf_source_group *g;
	size_t ng = sf_edition_source_groups(e, o->a, &g);
	for (size_t i = 0; i < ng; i++) {
		if (g[i].whole >= 0)
			sf_buf_printf(b, "<li id=\"src-%ld\">", g[i].whole + 1);
		else
			sf_buf_puts(b, "<li>");
		if (g[i].nmembers)
			sf_buf_puts(b, "<strong>");
		if (g[i].whole >= 0)
			sf_buf_printf(b, "[%ld] ", g[i].whole + 1);
		h_escn(b, g[i].text, g[i].len);
		if (!g[i].nmembers) {
			sf_buf_puts(b, "</li>\n");
			continue;
		}
		sf_buf_puts(b, "</strong>\n<ul>\n");
		for (size_t k = 0; k < g[i].nmembers; k++) {
			size_t j = g[i].members[k];
			sf_buf_printf(b, "<li id=\"src-%zu\">[%zu] ", j + 1, j + 1);
			h_esc(b, e->sources[j] + g[i].len + 2);
			sf_buf_puts(b, "</li>\n");
		}
		sf_buf_puts(b, "</ul></li>\n");
	}
	sf_buf_puts(b, "</ul>\n</section>\n");
}

/* Whether stage s of the edition has checklist items. */
static int stage_has_checklist(const sf_edition *e, int s)
{
	for (size_t i = 0; i < e->ntopics; i++)
		for (size_t p = 0; e->topics[i].stage == s && p < e->topics[i].nparts; p++)
			if (e->topics[i].parts[p].nchecklist)
				return 1;
	return 0;
}

int h_stage_checklist(sf_buf *b, const sf_output *o, int s)
{
	const sf_edition *e = o->ed;
	if (!stage_has_checklist(e, s))
		return 0;
	sf_buf_puts(b, "<ul class=\"check\">\n");
	for (size_t i = 0; i < e->ntopics; i++) {
		const sf_ed_topic *t = &e->topics[i];
		for (size_t p = 0; t->stage == s && p < t->nparts; p++)
			for (size_t k = 0; k < t->parts[p].nchecklist; k++) {
				sf_buf_puts(b, "<li><span class=\"box\"></span>");
				h_esc(b, t->parts[p].checklist[k]);
				sf_buf_puts(b, "</li>\n");
			}
	}
	sf_buf_puts(b, "</ul>\n");
	return 1;
}

void h_checklist_items(sf_buf *b, const sf_output *o, int level, int ids)
{
	for (int s = 0; s < SF_NSTAGE; s++) {
		if (!stage_has_checklist(o->ed, s))
			continue;
		sf_buf_printf(b, "<h%d", level);
		if (ids)
			sf_buf_printf(b, " id=\"stage-%s\"", sf_stage_names[s]);
		sf_buf_putc(b, '>');
		h_esc(b, o->str[H_STAGE(s)]);
		sf_buf_printf(b, "</h%d>\n", level);
		h_stage_checklist(b, o, s);
	}
}

static void checklist(sf_buf *b, const sf_output *o)
{
	sf_buf_puts(b, "<section class=\"stage\" id=\"checklist\">\n<h2>");
	h_esc(b, o->str[SF_S_checklist]);
	sf_buf_puts(b, "</h2>\n");
	h_checklist_items(b, o, 3, 0);
	sf_buf_puts(b, "</section>\n");
}

int h_speaks(const sf_contact *c, const sf_resolved *res)
{
	if (c->languages.n == 0)
		return 1;
	for (size_t i = 0; i < res->nchain; i++)
		if (sf_strv_has(&c->languages, res->chain[i]))
			return 1;
	return 0;
}

static void contact(sf_buf *b, const sf_output *o, const sf_contact *c)
{
	/* Its QR code (its phone as tel:, else its website), for the many
	 * who read the handbook on paper and have a smartphone. */
	sf_buf_puts(b, "<div class=\"contact\">");
	const char *uri = qr_contact_uri(o->a, c);
	if (uri)
		qr_svg(b, uri, "5em", uri, o->a);
	sf_buf_puts(b, "<div><strong>");
	h_esc(b, h_contact_name(o, c));
	sf_buf_puts(b, "</strong> · ");
	h_esc(b, o->str[c->side == SF_SIDE_ORIGIN ? SF_S_side_origin : SF_S_side_destination]);
	if (c->url && h_safe_url(c->url)) {
		sf_buf_puts(b, "<br>");
		h_esc(b, o->str[SF_S_website]);
		sf_buf_puts(b, ": <a href=\"");
		h_esc(b, c->url);
		sf_buf_puts(b, "\">");
		h_esc(b, c->url);
		sf_buf_puts(b, "</a>");
	}
	if (c->phone) {
		sf_buf_puts(b, "<br>");
		h_esc(b, o->str[SF_S_phone]);
		sf_buf_puts(b, ": <a href=\"");
		h_esc(b, qr_tel(o->a, c->phone));
		sf_buf_puts(b, "\">");
		h_esc(b, c->phone);
		sf_buf_puts(b, "</a>");
	}
	if (c->languages.n) {
		sf_buf_puts(b, "<br><span class=\"meta\">");
		h_esc(b, o->str[SF_S_language]);
		sf_buf_puts(b, ":");
		for (size_t i = 0; i < c->languages.n; i++) {
			sf_buf_puts(b, i ? ", " : " ");
			h_esc(b, h_language_name(c->languages.v[i]));
		}
		sf_buf_puts(b, "</span>");
	}
	sf_buf_puts(b, "</div></div>\n");
}

size_t h_stage_contact_list(const sf_output *o, int s, const sf_contact ***out)
{
	const sf_corridor *co = o->res->target.corridor;
	const sf_contact **v = sf_alloc_array(o->a, co->ncontacts + 1, sizeof *v);
	size_t n = 0;
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < co->ncontacts; i++) {
			const sf_contact *c = &co->contacts[i];
			if (c->stages && !(c->stages & (1u << s)))
				continue;
			if (h_speaks(c, o->res) != !pass)
				continue;
			v[n++] = c;
		}
	*out = v;
	return n;
}

void h_stage_contacts(sf_buf *b, const sf_output *o, int s)
{
	const sf_contact **c;
	size_t n = h_stage_contact_list(o, s, &c);
	for (size_t i = 0; i < n; i++)
		contact(b, o, c[i]);
	if (!n) {
		sf_buf_puts(b, "<p>");
		h_esc(b, o->str[SF_S_no_contacts]);
		sf_buf_puts(b, "</p>\n");
	}
}

/* Per stage: the contacts for it (h_stage_contacts). */
static void help(sf_buf *b, const sf_output *o)
{
	sf_buf_puts(b, "<section class=\"stage\" id=\"help\">\n<h2>");
	h_esc(b, o->str[SF_S_where_to_get_help]);
	sf_buf_puts(b, "</h2>\n");
	for (int s = 0; s < SF_NSTAGE; s++) {
		if (!(o->res->target.stages & (1u << s)) || !(o->ed->stages & (1u << s)))
			continue;
		sf_buf_puts(b, "<h3>");
		h_esc(b, o->str[H_STAGE(s)]);
		sf_buf_puts(b, "</h3>\n");
		h_stage_contacts(b, o, s);
	}
	sf_buf_puts(b, "</section>\n");
}

static int render(void *state, const sf_output *o)
{
	sf_buf *b = state;
	const sf_resolved *res = o->res;
	sf_buf_reset(b);
	const char *title = sf_printf(o->a, "%s · %s", h_corridor_title(o), o->str[SF_S_handbook]);
	h_begin(b, res->target.lang, title, o->opts);
	cover(b, o);
	contents(b, o);
	for (int s = 0; s < SF_NSTAGE; s++)
		if (o->ed->stages & (1u << s))
			h_stage(b, o, s);
	if (o->ed->has_checklist)
		checklist(b, o);
	help(b, o);
	h_sources_list(b, o);
	h_end(b);
	return sf_output_write(o, "handbook.html", b);
}

const sf_renderer sf_render_handbook = { "html", SF_FMT_HTML, h_buf_new, render, h_buf_free };
