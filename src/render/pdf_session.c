/* pdf_session.c: session-<STAGE>/{agenda,trainer,handout}.pdf: the pages of
 * session_pages.c laid out by the PDF engine (docs/outputs.md, "PDF"). */
#include <errno.h>
#include <string.h>

#include "helpcard.h"
#include "html.h"
#include "pdf.h"
#include "session.h"
#include "safar/edition.h"
#include "safar/fsio.h"

/* Text with the edition's facts filled in, in o->a. */
static const char *subst(const sf_output *o, const char *s)
{
	sf_buf b = { 0 };
	sf_edition_subst(o->ed, &b, s, strlen(s));
	const char *r = sf_strndup(o->a, b.data ? b.data : "", b.len);
	sf_buf_free(&b);
	return r;
}

/* A page of the pack: the running header "Agenda · Before you leave" and
 * the page number on every page; on top, the session, the corridor and the
 * edition (a loose sheet says what it belongs to), then the title. */
static pd_doc *begin(pdf_state *st, const sf_output *o, int s, int what, double scale)
{
	pd_size page = pd_paper(o->opts->paper, SF_PAPER_A5);
	const char *head = sf_printf(o->a, "%s · %s", o->str[what], o->str[H_STAGE(s)]);
	pd_doc *d = pd_begin_scaled(st, o, page, sf_printf(o->a, "%s · %s", head, pd_corridor_title(o)), scale);
	pd_page(d, head, 1);
	pd_line(d,
		sf_printf(o->a, "%s · %s · %s", o->str[SF_S_session], pd_corridor_title(o),
			  pd_edition_line(o)),
		PD_SMALL, NULL);
	pd_place p = { .before = 0.4 };
	pd_line(d, sf_printf(o->a, "%s: %s", o->str[what], o->str[H_STAGE(s)]), PD_H1, &p);
	return d;
}

static void purpose(pd_doc *d, const sf_output *o, int s)
{
	pd_text *t = pd_text_new(d, o->res->target.lang);
	pd_puts(t, o->str[H_PURPOSE(s)], PD_I);
	pd_place p = { .before = 0.3, .hyphenate = 1 };
	pd_block(d, t, PD_BODY, &p);
}

static void heading(pd_doc *d, const char *text, int style, const char *lang)
{
	pd_text *t = pd_text_new(d, lang);
	pd_puts(t, text, 0);
	pd_place p = { .before = style == PD_H2 ? 1.1 : 0.8, .keep = 2 };
	pd_block(d, t, style, &p);
}

static int finish(pd_doc *d, const sf_output *o, const char *name)
{
	return pd_end(d, name, 0, pd_paper(o->opts->paper, SF_PAPER_A5));
}

/* --- agenda.pdf ---------------------------------------------------------- */
static int agenda(pdf_state *st, const sf_output *o, int s)
{
	const sf_resolved *res = o->res;
	pd_doc *d = begin(st, o, s, SF_S_agenda, 1);
	double lh = pd_line_height(d, PD_BODY);
	double lw = lh * 3.6, rw = lh * 3;
	pd_text *h = pd_text_new(d, NULL);
	pd_puts(h, o->str[SF_S_contents], PD_B);
	pd_row(d, lw, o->str[SF_S_time], h, rw, o->str[SF_S_minutes], PD_BODY, 1.0);
	pd_rule(d);
	session_slot *slot;
	size_t n = session_agenda(o, s, &slot);
	for (size_t k = 0; k < n; k++) {
		const sf_topic *t = slot[k].topic >= 0 ? &res->topics[slot[k].topic] : NULL;
		pd_text *x = pd_text_new(d, t && t->fallback ? t->lang : NULL);
		if (t)
			pd_puts(x, subst(o, t->base->title), 0);
		else
			pd_puts(x, o->str[SF_S_break_time], PD_I);
		pd_row(d, lw, session_hhmm(o->a, slot[k].start), x, rw,
		       sf_printf(o->a, "%d", slot[k].minutes), PD_BODY, 0.35);
	}
	pd_text *end = pd_text_new(d, NULL);
	pd_puts(end, o->str[SF_S_end], 0);
	pd_row(d, lw, session_hhmm(o->a, slot[n].start), end, rw, NULL, PD_BODY, 0.35);
	pd_rule(d);
	pd_line(d,
		sf_printf(o->a, "%s: %s · %s: %s", o->str[SF_S_start],
			  session_hhmm(o->a, o->opts->start_minutes), o->str[SF_S_end],
			  session_hhmm(o->a, slot[n].start)),
		PD_BODY, NULL);
	return finish(d, o, "agenda.pdf");
}

/* --- trainer.pdf --------------------------------------------------------- */

/* Trainer notes reflowed as trainer.html has them (session_pages.c,
 * paragraphs): lines joined into paragraphs, "- ", "* " and "N. " lines
 * list items continued by indented lines. */
typedef struct notes_state {
	pd_doc *d;
	const char *lang;
	pd_text *t;
	const char *marker;
} notes_state;

static void notes_flush(notes_state *n)
{
	if (!n->t)
		return;
	pd_doc *d = n->d;
	pd_place p = { .indent = n->marker ? pd_line_height(d, PD_BODY) * 1.6 : 0,
		       .before = n->marker ? 0.2 : 0.5,
		       .marker = n->marker,
		       .hyphenate = 1 };
	pd_block(d, n->t, PD_BODY, &p);
	n->t = NULL;
}

enum { OPEN_NONE, OPEN_P, OPEN_UL, OPEN_OL };

static void notes(pd_doc *d, const sf_output *o, const char *text, const char *lang)
{
	const char *s = subst(o, text);
	size_t len = strlen(s);
	notes_state n = { d, lang, NULL, NULL };
	int open = OPEN_NONE;
	long olnum = 0;
	for (size_t i = 0; i < len;) {
		size_t e = i, end, body = 0;
		while (e < len && s[e] != '\n')
			e++;
		for (end = e; end > i && (s[end - 1] == '\r' || s[end - 1] == ' ' || s[end - 1] == '\t'); end--)
			;
		long num = 1;
		int kind = session_note_line(s + i, end - i, &body, &num);
		if (kind == NOTE_BLANK) {
			notes_flush(&n);
			open = OPEN_NONE;
			i = e + 1;
			continue;
		}
		if (kind == NOTE_UL || kind == NOTE_OL) {
			int list = kind == NOTE_UL ? OPEN_UL : OPEN_OL;
			notes_flush(&n);
			if (list == OPEN_OL)
				olnum = open == OPEN_OL ? olnum + 1 : num;
			n.marker = list == OPEN_UL ? "•" : sf_printf(o->a, "%ld.", olnum);
			n.t = pd_text_new(d, lang);
			open = list;
		} else if (open == OPEN_P || (open != OPEN_NONE && kind == NOTE_MORE)) {
			pd_puts(n.t, " ", 0);
		} else {
			notes_flush(&n);
			n.marker = NULL;
			n.t = pd_text_new(d, lang);
			open = OPEN_P;
		}
		pd_put(n.t, s + i + body, end - i - body, 0);
		i = e + 1;
	}
	notes_flush(&n);
}

static void bullet(pd_doc *d, const char *text, const char *lang, const char *marker, unsigned flags)
{
	pd_text *t = pd_text_new(d, lang);
	pd_puts(t, text, flags);
	pd_place p = { .indent = pd_line_height(d, PD_BODY) * 1.6, .before = 0.2, .marker = marker,
		       .hyphenate = 1 };
	pd_block(d, t, PD_BODY, &p);
}

static int trainer(pdf_state *st, const sf_output *o, int s)
{
	const sf_edition *e = o->ed;
	pd_doc *d = begin(st, o, s, SF_S_trainer_notes, 1);
	purpose(d, o, s);
	pd_rule(d);
	/* Questions numbered through the stage, as tracking.xlsx has them. */
	int qno = 0;
	for (size_t i = 0; i < e->ntopics; i++) {
		const sf_ed_topic *t = &e->topics[i];
		if (t->stage != s)
			continue;
		const char *lang = t->fallback ? t->lang : NULL;
		heading(d, t->title, PD_H2, lang);
		pd_line(d, sf_printf(o->a, "%d %s", session_topic_minutes(t->resolved), o->str[SF_S_minutes]),
			PD_SMALL, NULL);
		for (size_t p = 0; p < t->nparts; p++)
			if (t->parts[p].m->trainer_notes)
				notes(d, o, t->parts[p].m->trainer_notes, t->lang);
		int open = 0;
		for (size_t p = 0; p < t->nparts; p++)
			for (size_t k = 0; k < t->parts[p].nchecklist; k++) {
				if (!open++)
					heading(d, o->str[SF_S_key_points], PD_H3, NULL);
				bullet(d, t->parts[p].checklist[k], t->lang, "•", 0);
			}
		/* "SMS" is the same word in every language of the corridors. */
		for (size_t p = 0; p < t->nparts; p++)
			if (t->parts[p].sms) {
				heading(d, "SMS", PD_H3, NULL);
				bullet(d, t->parts[p].sms, t->lang, "▌", 0);
			}
		open = 0;
		for (size_t p = 0; p < t->nparts; p++)
			for (size_t k = 0; k < t->parts[p].m->nquiz; k++) {
				const sf_quiz *q = &t->parts[p].m->quiz[k];
				if (!open++)
					heading(d, o->str[SF_S_quiz], PD_H3, NULL);
				pd_text *x = pd_text_new(d, t->lang);
				pd_puts(x, sf_printf(o->a, "%s %d. ", o->str[SF_S_question], ++qno), PD_B);
				pd_puts(x, subst(o, q->q), 0);
				pd_place pl = { .before = 0.5, .keep = 2, .hyphenate = 1 };
				pd_block(d, x, PD_BODY, &pl);
				for (size_t a = 0; a < q->options.n; a++) {
					int right = (size_t)q->answer == a + 1;
					const char *opt = subst(o, q->options.v[a]);
					if (right)
						opt = sf_printf(o->a, "%s ✓ (%s)", opt, o->str[SF_S_answer]);
					bullet(d, opt, t->lang, sf_printf(o->a, "%zu.", a + 1), right ? PD_B : 0);
				}
			}
	}
	return finish(d, o, "trainer.pdf");
}

/* --- handout.pdf --------------------------------------------------------- */

/* A handout is a few pages to copy for a class: set at full size, then, when
 * that takes more than HANDOUT_PAGES pages, in type down to 85 % (as the
 * help card shrinks to its page); what still does not fit runs on. */
enum { HANDOUT_PAGES = 4 };

static pd_doc *handout_at(pdf_state *st, const sf_output *o, int s, double scale)
{
	const sf_edition *e = o->ed;
	pd_doc *d = begin(st, o, s, SF_S_handout, scale);
	purpose(d, o, s);
	heading(d, o->str[SF_S_key_points], PD_H2, NULL);
	for (size_t i = 0; i < e->ntopics; i++) {
		const sf_ed_topic *t = &e->topics[i];
		if (t->stage != s)
			continue;
		pd_text *x = pd_text_new(d, t->fallback ? t->lang : NULL);
		pd_puts(x, t->title, PD_B);
		for (size_t p = 0; p < t->nparts; p++)
			if (t->parts[p].sms) {
				pd_puts(x, "\n", 0);
				pd_puts(x, t->parts[p].sms, 0);
			}
		/* a topic and its messages stay together */
		pd_place pl = { .before = 0.45, .whole = 1 };
		pd_block(d, x, PD_BODY, &pl);
	}
	heading(d, o->str[SF_S_checklist], PD_H2, NULL);
	int any = 0;
	for (size_t i = 0; i < e->ntopics; i++) {
		const sf_ed_topic *t = &e->topics[i];
		for (size_t p = 0; t->stage == s && p < t->nparts; p++)
			for (size_t k = 0; k < t->parts[p].nchecklist; k++) {
				pd_text *x = pd_text_new(d, t->lang);
				pd_puts(x, t->parts[p].checklist[k], 0);
				pd_place pl = { .indent = pd_line_height(d, PD_BODY) * 1.6, .before = 0.2,
						.box = 1 };
				pd_block(d, x, PD_BODY, &pl);
				any = 1;
			}
	}
	if (!any)
		pd_line(d, "—", PD_BODY, NULL);
	heading(d, o->str[SF_S_where_to_get_help], PD_H2, NULL);
	const sf_contact **c;
	size_t n = h_stage_contact_list(o, s, &c);
	for (size_t i = 0; i < n; i++)
		helpcard_contact_row(d, o, c[i], pd_line_height(d, PD_BODY) * 4.5, PD_BODY, 1);
	if (!n)
		pd_line(d, o->str[SF_S_no_contacts], PD_BODY, NULL);
	return d;
}

/* The largest of 95, 90 and 85 % at which the handout fits, else 85 %.
 * Each try is a whole layout, so a handout of six pages or more at full
 * size, which 95 % (nine tenths of the area) cannot bring to four, tries
 * 90 % first and 95 % only if 90 % fits: a layout less for most of them,
 * and the size the tries from 95 % down would pick, since a handout that
 * does not fit in smaller type does not fit in larger. */
static int handout(pdf_state *st, const sf_output *o, int s)
{
	const double s95 = 1 - 0.05, s90 = s95 - 0.05, s85 = s90 - 0.05;
	pd_doc *d = handout_at(st, o, s, 1);
	int pages = pd_npages(d);
	if (pages <= HANDOUT_PAGES)
		return finish(d, o, "handout.pdf");
	pd_discard(d);
	if (pages >= HANDOUT_PAGES + 2) {
		d = handout_at(st, o, s, s90);
		if (pd_npages(d) <= HANDOUT_PAGES) {
			pd_doc *big = handout_at(st, o, s, s95);
			if (pd_npages(big) <= HANDOUT_PAGES) {
				pd_discard(d);
				d = big;
			} else {
				pd_discard(big);
			}
		} else {
			pd_discard(d);
			d = handout_at(st, o, s, s85);
		}
		return finish(d, o, "handout.pdf");
	}
	const double scales[] = { s95, s90, s85 };
	for (size_t i = 0;; i++) {
		d = handout_at(st, o, s, scales[i]);
		if (pd_npages(d) <= HANDOUT_PAGES || i == 2)
			break;
		pd_discard(d);
	}
	return finish(d, o, "handout.pdf");
}

int pdf_sessions(pdf_state *st, const sf_output *o)
{
	int rc = 0;
	for (int s = 0; s < SF_NSTAGE; s++) {
		if (!(o->res->target.stages & (1u << s)) || !(o->ed->stages & (1u << s)))
			continue;
		sf_output so;
		if (session_output(o, s, &so) != 0) {
			rc = -1;
			continue;
		}
		if (agenda(st, &so, s) != 0)
			rc = -1;
		if (trainer(st, &so, s) != 0)
			rc = -1;
		if (handout(st, &so, s) != 0)
			rc = -1;
	}
	return rc;
}
