/* session_pages.c: session-<STAGE>/: a trainer's pack per stage: agenda, notes and handout pages (the workbook: session_workbook.c). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "session.h"
#include "safar/fsio.h"
#include "safar/nelem.h"

/* A part that gives no `minutes` (the format's default is 0) still takes
 * time to deliver: it counts 10 minutes, so an agenda never shows a topic
 * lasting no time and content written before `minutes` existed still gets a
 * plausible timetable. docs/outputs.md says the same. */
enum { DEFAULT_PART_MINUTES = 10 };
/* Adults need a pause after about an hour and a half: a 15-minute break
 * goes in at the first topic boundary once 90 minutes of content have run
 * since the start or the last break. Never mid-topic, never after the last. */
enum { BREAK_AFTER = 90, BREAK_MINUTES = 15 };

int session_topic_minutes(const sf_topic *t)
{
	int m = 0;
	for (size_t p = 0; p < t->nparts; p++)
		m += t->parts[p]->minutes > 0 ? t->parts[p]->minutes : DEFAULT_PART_MINUTES;
	return m;
}

size_t session_agenda(const sf_output *o, int s, session_slot **out)
{
	const sf_resolved *res = o->res;
	session_slot *v = sf_alloc_array(o->a, 2 * res->ntopics + 1, sizeof *v);
	size_t n = 0;
	int now = o->opts->start_minutes, since_break = 0;
	for (size_t i = 0; i < res->ntopics; i++) {
		const sf_topic *t = &res->topics[i];
		if (t->stage != s)
			continue;
		/* Checked before a topic, so no break ends the session. */
		if (since_break >= BREAK_AFTER) {
			v[n++] = (session_slot){ now, BREAK_MINUTES, -1 };
			now += BREAK_MINUTES;
			since_break = 0;
		}
		int m = session_topic_minutes(t);
		v[n++] = (session_slot){ now, m, (int)i };
		now += m;
		since_break += m;
	}
	v[n] = (session_slot){ now, 0, -1 };
	*out = v;
	return n;
}

/* A clock time; a session that runs past midnight wraps (it is a typo in
 * `minutes`, but the page should still print). */
const char *session_hhmm(sf_arena *a, int minutes)
{
	return sf_printf(a, "%02d:%02d", minutes / 60 % 24, minutes % 60);
}

static void hhmm(sf_buf *b, int minutes)
{
	sf_buf_printf(b, "%02d:%02d", minutes / 60 % 24, minutes % 60);
}

/* The page top every HTML file of the pack shares: h1, then the corridor
 * and edition, so a loose printed sheet says what it belongs to. */
static void page_head(sf_buf *b, const sf_output *o, int s, int what)
{
	const char *title = sf_printf(o->a, "%s · %s · %s", o->str[what], o->str[H_STAGE(s)],
				      h_corridor_title(o));
	h_begin(b, o->res->target.lang, title, o->opts);
	sf_buf_puts(b, "<style>.stage{break-before:auto}.break td{font-style:italic}"
		       "td.num{text-align:right;white-space:nowrap}.answer{font-weight:bold}"
		       ".sms{border-left:3px solid #000;margin:.4em 0;padding-left:.6em}"
		       ".key{break-inside:avoid}.key h3{margin:.7em 0 .1em}.key p{margin:.1em 0}</style>\n");
	sf_buf_puts(b, "<p class=\"meta\">");
	h_esc(b, o->str[SF_S_session]);
	sf_buf_puts(b, " · ");
	h_esc(b, h_corridor_title(o));
	sf_buf_puts(b, " · ");
	h_edition(b, o);
	sf_buf_puts(b, "</p>\n");
}

/* The h1 of the agenda and the notes: "Agenda: Before you leave". */
static void page_title(sf_buf *b, const sf_output *o, int s, int what)
{
	sf_buf_puts(b, "<h1>");
	h_esc(b, o->str[what]);
	sf_buf_puts(b, ": ");
	h_esc(b, o->str[H_STAGE(s)]);
	sf_buf_puts(b, "</h1>\n");
}

/* The stage's purpose under the title (trainer notes, handout). */
static void page_purpose(sf_buf *b, const sf_output *o, int s)
{
	sf_buf_puts(b, "<p class=\"purpose\">");
	h_esc(b, o->str[H_PURPOSE(s)]);
	sf_buf_puts(b, "</p>\n");
}

/* A fallback-language topic says so, for screen readers and hyphenation. */
static void lang_attr(sf_buf *b, const sf_topic *t)
{
	if (t->fallback)
		sf_buf_printf(b, " lang=\"%s\"", t->lang);
}

static void agenda(sf_buf *b, const sf_output *o, int s)
{
	const sf_resolved *res = o->res;
	page_head(b, o, s, SF_S_agenda);
	page_title(b, o, s, SF_S_agenda);
	sf_buf_puts(b, "<table>\n<thead><tr><th>");
	h_esc(b, o->str[SF_S_time]);
	sf_buf_puts(b, "</th><th>");
	h_esc(b, o->str[SF_S_contents]);
	sf_buf_puts(b, "</th><th>");
	h_esc(b, o->str[SF_S_minutes]);
	sf_buf_puts(b, "</th></tr></thead>\n<tbody>\n");
	session_slot *slot;
	size_t n = session_agenda(o, s, &slot);
	for (size_t k = 0; k < n; k++) {
		if (slot[k].topic < 0) {
			sf_buf_puts(b, "<tr class=\"break\"><td>");
			hhmm(b, slot[k].start);
			sf_buf_puts(b, "</td><td>");
			h_esc(b, o->str[SF_S_break_time]);
			sf_buf_printf(b, "</td><td class=\"num\">%d</td></tr>\n", slot[k].minutes);
			continue;
		}
		const sf_topic *t = &res->topics[slot[k].topic];
		sf_buf_puts(b, "<tr><td>");
		hhmm(b, slot[k].start);
		sf_buf_puts(b, "</td><td");
		lang_attr(b, t);
		sf_buf_puts(b, ">");
		h_text(b, t->base->title, res);
		sf_buf_printf(b, "</td><td class=\"num\">%d</td></tr>\n", slot[k].minutes);
	}
	int now = slot[n].start;
	sf_buf_puts(b, "<tr><td>");
	hhmm(b, now);
	sf_buf_puts(b, "</td><td>");
	h_esc(b, o->str[SF_S_end]);
	sf_buf_puts(b, "</td><td></td></tr>\n</tbody>\n</table>\n<p>");
	h_esc(b, o->str[SF_S_start]);
	sf_buf_puts(b, ": ");
	hhmm(b, o->opts->start_minutes);
	sf_buf_puts(b, " · ");
	h_esc(b, o->str[SF_S_end]);
	sf_buf_puts(b, ": ");
	hhmm(b, now);
	sf_buf_puts(b, "</p>\n");
	h_end(b);
}

/* What is open while notes print: nothing, a paragraph or a list. */
enum { OPEN_NONE, OPEN_P, OPEN_UL, OPEN_OL };

int session_note_line(const char *s, size_t n, size_t *body, long *num)
{
	size_t i = 0, d;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i == n)
		return NOTE_BLANK;
	int kind = i > 0 ? NOTE_MORE : NOTE_TEXT;
	/* An item number has at most 9 digits, so it fits a long. */
	for (d = i; d < n && d - i < 10 && s[d] >= '0' && s[d] <= '9'; d++)
		;
	if (i + 1 < n && (s[i] == '-' || s[i] == '*') && s[i + 1] == ' ') {
		kind = NOTE_UL;
		i += 2;
	} else if (d > i && d - i < 10 && d + 1 < n && s[d] == '.' && s[d + 1] == ' ') {
		*num = strtol(s + i, NULL, 10);
		kind = NOTE_OL;
		i = d + 2;
	}
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	*body = i;
	return kind;
}

static void note_close(sf_buf *b, int *open)
{
	static const char *const end[] = { "", "</p>\n", "</li>\n</ul>\n", "</li>\n</ol>\n" };
	sf_buf_puts(b, end[*open]);
	*open = OPEN_NONE;
}

/* Trainer notes reflowed for print: the hard line breaks of the YAML block
 * go; lines join with a space into paragraphs, a blank line starts a new
 * one, and "- ", "* " or "1. " lines are list items, continued by indented
 * lines. Everything escaped; nothing else in notes is Markdown.
 * docs/outputs.md (trainer.html). */
static void paragraphs(sf_buf *b, const char *text, const sf_resolved *res)
{
	sf_buf t = { 0 };
	sf_subst(&t, text, strlen(text), res);
	const char *s = t.data ? t.data : "";
	int open = OPEN_NONE;
	for (size_t i = 0; i < t.len;) {
		size_t e = i, end, body = 0;
		while (e < t.len && s[e] != '\n')
			e++;
		for (end = e; end > i && (s[end - 1] == '\r' || s[end - 1] == ' ' || s[end - 1] == '\t'); end--)
			;
		long num = 1;
		int kind = session_note_line(s + i, end - i, &body, &num);
		if (kind == NOTE_BLANK) {
			note_close(b, &open);
		} else if (kind == NOTE_UL || kind == NOTE_OL) {
			int list = kind == NOTE_UL ? OPEN_UL : OPEN_OL;
			if (open == list) {
				sf_buf_puts(b, "</li>\n<li>");
			} else {
				note_close(b, &open);
				if (list == OPEN_UL)
					sf_buf_puts(b, "<ul>\n<li>");
				else if (num != 1)
					sf_buf_printf(b, "<ol start=\"%ld\">\n<li>", num);
				else
					sf_buf_puts(b, "<ol>\n<li>");
				open = list;
			}
		} else if (open == OPEN_P || (open != OPEN_NONE && kind == NOTE_MORE)) {
			sf_buf_putc(b, ' ');
		} else {
			note_close(b, &open);
			sf_buf_puts(b, "<p>");
			open = OPEN_P;
		}
		h_escn(b, s + i + body, end - i - body);
		i = e + 1;
	}
	note_close(b, &open);
	sf_buf_free(&t);
}

static void trainer(sf_buf *b, const sf_output *o, int s)
{
	const sf_resolved *res = o->res;
	page_head(b, o, s, SF_S_trainer_notes);
	page_title(b, o, s, SF_S_trainer_notes);
	page_purpose(b, o, s);
	/* Questions are numbered through the stage, as the columns of the
	 * Quiz sheet in tracking.xlsx are. */
	int qno = 0;
	for (size_t i = 0; i < res->ntopics; i++) {
		const sf_topic *t = &res->topics[i];
		if (t->stage != s)
			continue;
		sf_buf_printf(b, "<section class=\"module\" id=\"%s\"", t->id);
		lang_attr(b, t);
		sf_buf_puts(b, ">\n<h2>");
		h_text(b, t->base->title, res);
		sf_buf_printf(b, "</h2>\n<p class=\"meta\">%d ", session_topic_minutes(t));
		h_esc(b, o->str[SF_S_minutes]);
		sf_buf_puts(b, "</p>\n");
		for (size_t p = 0; p < t->nparts; p++)
			if (t->parts[p]->trainer_notes)
				paragraphs(b, t->parts[p]->trainer_notes, res);
		int open = 0;
		for (size_t p = 0; p < t->nparts; p++)
			for (size_t k = 0; k < t->parts[p]->checklist.n; k++) {
				if (!open) {
					sf_buf_puts(b, "<h3>");
					h_esc(b, o->str[SF_S_key_points]);
					sf_buf_puts(b, "</h3>\n<ul>\n");
					open = 1;
				}
				sf_buf_puts(b, "<li>");
				h_text(b, t->parts[p]->checklist.v[k], res);
				sf_buf_puts(b, "</li>\n");
			}
		if (open)
			sf_buf_puts(b, "</ul>\n");
		/* "SMS" is the same word in every language of the corridors. */
		for (size_t p = 0; p < t->nparts; p++)
			if (t->parts[p]->sms) {
				sf_buf_puts(b, "<h3>SMS</h3>\n<p class=\"sms\">");
				h_text(b, t->parts[p]->sms, res);
				sf_buf_puts(b, "</p>\n");
			}
		open = 0;
		for (size_t p = 0; p < t->nparts; p++)
			for (size_t k = 0; k < t->parts[p]->nquiz; k++) {
				const sf_quiz *q = &t->parts[p]->quiz[k];
				if (!open) {
					sf_buf_puts(b, "<h3>");
					h_esc(b, o->str[SF_S_quiz]);
					sf_buf_puts(b, "</h3>\n");
					open = 1;
				}
				sf_buf_puts(b, "<p><strong>");
				h_esc(b, o->str[SF_S_question]);
				sf_buf_printf(b, " %d.</strong> ", ++qno);
				h_text(b, q->q, res);
				/* Numbered as the trainer types them into tracking.xlsx;
				 * the right one marked in words, not only in bold. */
				sf_buf_puts(b, "</p>\n<ol>\n");
				for (size_t a = 0; a < q->options.n; a++) {
					int right = (size_t)q->answer == a + 1;
					sf_buf_puts(b, right ? "<li class=\"answer\">" : "<li>");
					h_text(b, q->options.v[a], res);
					if (right) {
						sf_buf_puts(b, " ✓ (");
						h_esc(b, o->str[SF_S_answer]);
						sf_buf_puts(b, ")");
					}
					sf_buf_puts(b, "</li>\n");
				}
				sf_buf_puts(b, "</ol>\n");
			}
		sf_buf_puts(b, "</section>\n");
	}
	h_end(b);
}

/* What participants take home (docs/outputs.md, handout.html): per topic
 * of the stage its title and its SMS text(s), the one-line key message; the
 * stage's checklist; the stage's contacts. A few pages, not the stage. */
static void handout(sf_buf *b, const sf_output *o, int s)
{
	const sf_edition *e = o->ed;
	page_head(b, o, s, SF_S_handout);
	page_title(b, o, s, SF_S_handout);
	page_purpose(b, o, s);
	sf_buf_puts(b, "<h2>");
	h_esc(b, o->str[SF_S_key_points]);
	sf_buf_puts(b, "</h2>\n");
	for (size_t i = 0; i < e->ntopics; i++) {
		const sf_ed_topic *t = &e->topics[i];
		if (t->stage != s)
			continue;
		sf_buf_puts(b, "<div class=\"key\"");
		if (t->fallback)
			sf_buf_printf(b, " lang=\"%s\"", t->lang);
		sf_buf_puts(b, "><h3>");
		h_esc(b, t->title);
		sf_buf_puts(b, "</h3>\n");
		for (size_t p = 0; p < t->nparts; p++)
			if (t->parts[p].sms) {
				sf_buf_puts(b, "<p>");
				h_esc(b, t->parts[p].sms);
				sf_buf_puts(b, "</p>\n");
			}
		sf_buf_puts(b, "</div>\n");
	}
	sf_buf_puts(b, "<h2>");
	h_esc(b, o->str[SF_S_checklist]);
	sf_buf_puts(b, "</h2>\n");
	if (!h_stage_checklist(b, o, s))
		sf_buf_puts(b, "<p>—</p>\n");
	sf_buf_puts(b, "<h2>");
	h_esc(b, o->str[SF_S_where_to_get_help]);
	sf_buf_puts(b, "</h2>\n");
	h_stage_contacts(b, o, s);
	h_end(b);
}

static int render(void *state, const sf_output *o)
{
	sf_buf *b = state;
	int rc = 0;
	for (int s = 0; s < SF_NSTAGE; s++) {
		if (!(o->res->target.stages & (1u << s)))
			continue;
		size_t i = 0;
		while (i < o->res->ntopics && o->res->topics[i].stage != s)
			i++;
		if (i == o->res->ntopics)
			continue;
		sf_output so;
		if (session_output(o, s, &so) != 0) {
			rc = -1;
			continue;
		}
		static const struct {
			const char *name;
			void (*page)(sf_buf *, const sf_output *, int);
		} pages[] = { { "agenda.html", agenda },
			      { "trainer.html", trainer },
			      { "handout.html", handout } };
		for (size_t p = 0; p < SF_NELEM(pages); p++) {
			sf_buf_reset(b);
			pages[p].page(b, &so, s);
			if (sf_output_write(&so, pages[p].name, b) != 0)
				rc = -1;
		}
		if (session_tracking(&so, s) != 0)
			rc = -1;
	}
	return rc;
}

const sf_renderer sf_render_session = { "session", SF_FMT_SESSION, h_buf_new, render, h_buf_free };

int session_output(const sf_output *o, int s, sf_output *so)
{
	/* The pack's files go through the writers every output uses, with the
	 * session folder as their directory. */
	*so = *o;
	so->dir = sf_printf(o->a, "%s/session-%s", o->dir, sf_stage_names[s]);
	if (sf_mkdirs(so->dir) != 0) {
		sf_writes_fail(o->w, so->dir, "create folder", errno);
		return -1;
	}
	return 0;
}
