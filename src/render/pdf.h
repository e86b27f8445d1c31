/* pdf.h: the print engine of the PDF outputs: Pango lays out, pdf_write.c
 * writes the PDF (docs/outputs.md, "PDF"). render/ only. */
#ifndef SAFAR_RENDER_PDF_H
#define SAFAR_RENDER_PDF_H

#include "safar/render.h"
#include "qr.h"

struct cmark_node;

/* A renderer's state, one per thread: its own font map and Pango context
 * (Pango and fontconfig are safe across threads only so), hyphenation
 * dictionaries loaded as languages are met. */
typedef struct pdf_state pdf_state;
pdf_state *pdf_state_new(void);
void pdf_state_free(pdf_state *st);

/* Page sizes in points. */
typedef struct pd_size {
	double w, h;
} pd_size;
/* paper (enum sf_paper), def when SF_PAPER_DEFAULT. */
pd_size pd_paper(int paper, int def);

/* Text styles; sizes scale with the page. */
enum pd_style {
	PD_BODY,
	PD_SMALL, /* sources, notes, the edition line */
	PD_H1,    /* a stage, a section */
	PD_H2,    /* a topic */
	PD_H3,    /* headings inside a body */
	PD_TITLE, /* the cover's title */
	PD_BIG,   /* the help card's numbers */
	PD_NSTYLES
};

/* One document laid out, then drawn. Everything lives in the output's arena
 * and the state's context; pd_end writes the file. */
typedef struct pd_doc pd_doc;
pd_doc *pd_begin(pdf_state *st, const sf_output *o, pd_size page, const char *title);
/* The same with type and codes scale times their size (the help card
 * shrinks to fit its page). */
pd_doc *pd_begin_scaled(pdf_state *st, const sf_output *o, pd_size page, const char *title,
			double scale);
/* Drops a document laid out but not wanted. */
void pd_discard(pd_doc *d);

/* Rich text: runs of text, bold, italic, monospace and links, built then
 * handed to a block. */
typedef struct pd_text pd_text;
enum { PD_B = 1, PD_I = 2, PD_MONO = 4 };
pd_text *pd_text_new(pd_doc *d, const char *lang);
void pd_put(pd_text *t, const char *s, size_t n, unsigned flags);
void pd_puts(pd_text *t, const char *s, unsigned flags);
/* uri: http, https, mailto, tel, or #anchor of this document. */
void pd_link_begin(pd_text *t, const char *uri);
void pd_link_end(pd_text *t);
size_t pd_text_len(const pd_text *t);

/* How a block sits. */
typedef struct pd_place {
	double indent;      /* from the left margin, points */
	double before;      /* space above, in lines of the style */
	const char *marker; /* a bullet or a number in the indent, or NULL */
	int box;            /* a tick box in the indent */
	int center;
	double keep;        /* lines of body text kept with it (headings) */
	int whole;          /* never split across pages */
	int hyphenate;      /* break long words by the text's language */
} pd_place;

/* One row of a table: left in a column lw points wide (set right against
 * the text, as a list number is), t wrapped in the middle, right set flush
 * with the right margin in the last rw points; never split across pages;
 * before: space above, in lines of the style. */
void pd_row(pd_doc *d, double lw, const char *left, pd_text *t, double rw, const char *right,
	    int style, double before);
/* Lays out t in style and places it in the flow. */
void pd_block(pd_doc *d, pd_text *t, int style, const pd_place *p);
/* The same for plain text. */
void pd_line(pd_doc *d, const char *s, int style, const pd_place *p);

/* A new page; the running header from here is header (NULL: none); number:
 * whether the page number is printed. */
void pd_page(pd_doc *d, const char *header, int number);
/* Down to y points from the top of the page (the cover). */
void pd_goto(pd_doc *d, double y);
/* A thin horizontal rule across the text. */
void pd_rule(pd_doc *d);
/* Space, in lines of the body style. */
void pd_space(pd_doc *d, double lines);
/* What remains of the page, points. */
double pd_room(const pd_doc *d);
double pd_width(const pd_doc *d);
double pd_line_height(const pd_doc *d, int style);

/* Names the current position (before the next block): #name links and the
 * contents point here. level > 0 also puts it in the PDF outline (1: stage,
 * 2: topic) as title. */
void pd_anchor(pd_doc *d, const char *name, int level, const char *title);
/* One line of the contents: title, dotted, and the page of anchor. */
void pd_toc_line(pd_doc *d, const char *title, const char *anchor, int level);

/* A QR code of uri, size points square, at the left of the text t (which is
 * kept beside it, on one page). */
void pd_qr_row(pd_doc *d, const char *uri, double size, pd_text *t, int style);

/* The back matter starts here: a booklet's blank pages go before it so
 * that it ends on the back cover. */
void pd_back_matter(pd_doc *d);

/* Draws the pages (booklet: imposed two-up on sheets of sheet size) and
 * writes name into o->dir. 0 or -1 (reported). */
int pd_end(pd_doc *d, const char *name, int booklet, pd_size sheet);
/* How many pages the document has (after layout). */
int pd_npages(const pd_doc *d);

/* A Markdown body into the flow, as the HTML prints it (html.c,
 * h_markdown): raw HTML dropped, images as their alt text, links only when
 * safe; facts substituted; headings as PD_H3. */
void pd_markdown(pd_doc *d, struct cmark_node *doc, const char *lang);

/* Shared by the PDF outputs (pdf_*.c). */
const char *pd_corridor_title(const sf_output *o);
/* "All sectors · Women · Русский". */
const char *pd_edition_line(const sf_output *o);

#endif
