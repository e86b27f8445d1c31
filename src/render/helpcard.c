/* helpcard.c: the help card: one page with the edition's contacts, each
 * phone a large number and a QR code, in the reader's language (DESIGN §7;
 * docs/outputs.md, "helpcard.html and helpcard.pdf"). */
#include <string.h>

#include "helpcard.h"
#include "html.h"
#include "safar/nelem.h"
#include "qr.h"


/* The kinds a help card holds: the numbers to call in trouble. */
static int card_kind(const sf_contact *c, const sf_output *o)
{
	switch (c->kind) {
	case SF_KIND_EMERGENCY:
	case SF_KIND_HELPLINE:
	case SF_KIND_EMBASSY:
	case SF_KIND_WOMEN:
		return h_for_audience(c, o);
	default:
		return 0;
	}
}

size_t helpcard_order(const sf_output *o, int card, const sf_contact ***out)
{
	const sf_corridor *co = o->res->target.corridor;
	const sf_contact **v = sf_alloc_array(o->a, co->ncontacts + 1, sizeof *v);
	size_t n = 0;
	/* A corridor none of whose contacts is of such a kind still gets a
	 * card: all its contacts. */
	int any = 0;
	for (size_t i = 0; card && i < co->ncontacts; i++)
		any |= card_kind(&co->contacts[i], o);
	static const enum sf_side sides[] = { SF_SIDE_DESTINATION, SF_SIDE_ORIGIN };
	for (size_t s = 0; s < SF_NELEM(sides); s++)
		for (int pass = 0; pass < 2; pass++)
			for (size_t i = 0; i < co->ncontacts; i++) {
				const sf_contact *c = &co->contacts[i];
				if (any && !card_kind(c, o))
					continue;
				if (c->side == sides[s] && h_speaks(c, o->res) == !pass)
					v[n++] = c;
			}
	*out = v;
	return n;
}

static const char *side_name(const sf_output *o, int side)
{
	return o->str[side == SF_SIDE_ORIGIN ? SF_S_side_origin : SF_S_side_destination];
}

void helpcard_contact_row(pd_doc *d, const sf_output *o, const sf_contact *c, double qr, int style,
			  int with_side)
{
	pd_text *t = pd_text_new(d, NULL);
	pd_puts(t, h_contact_name(o, c), PD_B);
	if (with_side) {
		pd_puts(t, " · ", 0);
		pd_puts(t, side_name(o, (int)c->side), 0);
	}
	if (c->phone) {
		/* The number as people dial it, large. */
		pd_puts(t, "\n", 0);
		pd_link_begin(t, qr_tel(o->a, c->phone));
		pd_puts(t, c->phone, PD_B);
		pd_link_end(t);
	}
	if (c->url && h_safe_url(c->url)) {
		/* Beside a number (the QR code dials it) the site is printed as
		 * its host, which a reader can type; the link keeps the page. */
		pd_puts(t, "\n", 0);
		pd_link_begin(t, c->url);
		pd_puts(t, c->phone ? h_summary_site(o, c->url) : c->url, 0);
		pd_link_end(t);
	}
	if (c->languages.n) {
		pd_puts(t, "\n", 0);
		pd_puts(t, o->str[SF_S_language], PD_I);
		pd_puts(t, ":", PD_I);
		for (size_t k = 0; k < c->languages.n; k++) {
			pd_puts(t, k ? ", " : " ", PD_I);
			pd_puts(t, h_language_name(c->languages.v[k]), PD_I);
		}
	}
	pd_qr_row(d, qr_contact_uri(o->a, c), qr, t, style);
}

void helpcard_contacts(pd_doc *d, const sf_output *o, int card, double qr, int style)
{
	const sf_contact **c;
	size_t n = helpcard_order(o, card, &c);
	if (!n) {
		pd_line(d, o->str[SF_S_no_contacts], style, NULL);
		return;
	}
	int side = -1;
	for (size_t i = 0; i < n; i++) {
		if ((int)c[i]->side != side) {
			side = (int)c[i]->side;
			pd_text *h = pd_text_new(d, NULL);
			pd_puts(h, side_name(o, side), 0);
			/* with room for the first contact's code under it */
			pd_place p = { .before = i ? 1.2 : 0.4, .keep = qr / pd_line_height(d, PD_BODY) + 1 };
			pd_block(d, h, style == PD_BODY ? PD_H3 : style, &p);
		}
		helpcard_contact_row(d, o, c[i], qr, style, 0);
	}
}

/* The card at a scale: 1, then smaller until it fits its page. */
static pd_doc *card(pdf_state *st, const sf_output *o, pd_size page, double scale)
{
	const char *title = sf_printf(o->a, "%s · %s", pd_corridor_title(o), o->str[SF_S_help_card]);
	pd_doc *d = pd_begin_scaled(st, o, page, title, scale);
	pd_page(d, NULL, 0);
	pd_line(d, o->str[SF_S_where_to_get_help], PD_H1, NULL);
	pd_line(d, pd_corridor_title(o), PD_SMALL, NULL);
	pd_rule(d);
	helpcard_contacts(d, o, 1, pd_line_height(d, PD_BODY) * 6, PD_BODY);
	pd_space(d, 0.8);
	pd_line(d, o->str[SF_S_scan_to_call], PD_SMALL, NULL);
	return d;
}

int helpcard_pdf(pdf_state *st, const sf_output *o)
{
	pd_size page = pd_paper(o->opts->paper, SF_PAPER_A6);
	/* 100, 90, 80, 70 and 60 %: four steps of a tenth (docs/outputs.md). */
	double scale = 1;
	pd_doc *d = card(st, o, page, scale);
	for (int step = 0; pd_npages(d) > 1 && step < 4; step++) {
		pd_discard(d);
		scale -= 0.1;
		d = card(st, o, page, scale);
	}
	return pd_end(d, "helpcard.pdf", 0, page);
}

/* --- helpcard.html ------------------------------------------------------- */
static const char card_css[] =
	"<style>@page{size:A6;margin:6mm}body{max-width:30em}"
	".card{display:flex;gap:.8em;align-items:flex-start;margin:.8em 0;break-inside:avoid}"
	".card .qr{flex:none}.num{font-size:1.6em;font-weight:bold;line-height:1.2}"
	".num a{text-decoration:none}.url{word-break:break-all;font-size:.85em}</style>\n";

static int render(void *state, const sf_output *o)
{
	sf_buf *b = state;
	sf_buf_reset(b);
	const char *title = sf_printf(o->a, "%s · %s", h_corridor_title(o), o->str[SF_S_help_card]);
	h_begin(b, o->res->target.lang, title, o->opts);
	sf_buf_puts(b, card_css);
	sf_buf_puts(b, "<h1>");
	h_esc(b, o->str[SF_S_where_to_get_help]);
	sf_buf_puts(b, "</h1>\n<p class=\"meta\">");
	h_esc(b, h_corridor_title(o));
	sf_buf_puts(b, " · ");
	h_edition(b, o);
	sf_buf_puts(b, "</p>\n");
	const sf_contact **c;
	size_t n = helpcard_order(o, 1, &c);
	int side = -1;
	for (size_t i = 0; i < n; i++) {
		if ((int)c[i]->side != side) {
			side = (int)c[i]->side;
			sf_buf_puts(b, "<h2>");
			h_esc(b, side_name(o, side));
			sf_buf_puts(b, "</h2>\n");
		}
		sf_buf_puts(b, "<div class=\"card\">");
		const char *uri = qr_contact_uri(o->a, c[i]);
		if (uri)
			qr_svg(b, uri, "6em", uri, o->a);
		sf_buf_puts(b, "<div><strong>");
		h_esc(b, h_contact_name(o, c[i]));
		sf_buf_puts(b, "</strong>");
		if (c[i]->phone) {
			sf_buf_puts(b, "<div class=\"num\"><a href=\"");
			h_esc(b, qr_tel(o->a, c[i]->phone));
			sf_buf_puts(b, "\">");
			h_esc(b, c[i]->phone);
			sf_buf_puts(b, "</a></div>");
		}
		if (c[i]->url && h_safe_url(c[i]->url)) {
			sf_buf_puts(b, "<div class=\"url\"><a href=\"");
			h_esc(b, c[i]->url);
			sf_buf_puts(b, "\">");
			h_esc(b, c[i]->url);
			sf_buf_puts(b, "</a></div>");
		}
		if (c[i]->languages.n) {
			sf_buf_puts(b, "<div class=\"meta\">");
			h_esc(b, o->str[SF_S_language]);
			sf_buf_puts(b, ":");
			for (size_t k = 0; k < c[i]->languages.n; k++) {
				sf_buf_puts(b, k ? ", " : " ");
				h_esc(b, h_language_name(c[i]->languages.v[k]));
			}
			sf_buf_puts(b, "</div>");
		}
		sf_buf_puts(b, "</div></div>\n");
	}
	if (!n) {
		sf_buf_puts(b, "<p>");
		h_esc(b, o->str[SF_S_no_contacts]);
		sf_buf_puts(b, "</p>\n");
	}
	sf_buf_puts(b, "<p class=\"meta\">");
	h_esc(b, o->str[SF_S_scan_to_call]);
	sf_buf_puts(b, "</p>\n");
	h_end(b);
	return sf_output_write(o, "helpcard.html", b);
}

const sf_renderer sf_render_helpcard = { "helpcard", SF_FMT_HELPCARD, h_buf_new, render, h_buf_free };
