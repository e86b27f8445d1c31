/* html.h: HTML building blocks the HTML outputs share (render/ only). */
#ifndef SAFAR_RENDER_HTML_H
#define SAFAR_RENDER_HTML_H

#include "safar/i18n.h"
#include "safar/render.h"

struct cmark_node;

void h_esc(sf_buf *b, const char *s);
void h_escn(sf_buf *b, const char *s, size_t n);
/* Text with {{facts}} replaced, then escaped. */
void h_text(sf_buf *b, const char *s, const sf_resolved *res);
/* A Markdown body as HTML: raw HTML dropped, images as their alt text, links
 * only when http, https, mailto or tel; headings moved down by shift. */
void h_markdown(sf_buf *b, struct cmark_node *doc, const sf_resolved *res, int shift);
/* 1 for the links that may appear in an output: http, https, mailto, tel,
 * and #anchors within the document. */
int h_safe_url(const char *url);

/* <!DOCTYPE html> to <body>, with the shared print stylesheet. */
void h_begin(sf_buf *b, const char *lang, const char *title, const sf_build_opts *opts);
void h_end(sf_buf *b);

/* "Kyrgyzstan to the Russian Federation" in the target language. */
const char *h_corridor_title(const sf_output *o);
/* A contact's name in the edition's language chain (else its first). */
const char *h_contact_name(const sf_output *o, const sf_contact *c);
/* "All sectors · Women · Русский" line for covers and headers. */
void h_edition(sf_buf *b, const sf_output *o);
/* The name of a language in itself (en: English, ru: Русский …). */
const char *h_language_name(const char *lang);
/* Whether a contact speaks a language of the reader's chain. */
int h_speaks(const sf_contact *c, const sf_resolved *res);
/* s with "{language}" replaced by the name of the edition's language. */
const char *h_with_language(const sf_output *o, const char *s);
/* The cover's date line: "Information checked: 2026-11-23 – 2026-12-04"
 * (the edition's oldest and newest review and fact-check dates), or that
 * nothing was checked yet; never the build date. */
const char *h_checked_line(const sf_output *o);

/* One stage of the handbook: heading, purpose, its summary, its topics in
 * order, each citing the edition's numbers of its sources. */
void h_stage(sf_buf *b, const sf_output *o, int stage);
/* Every checklist item, grouped by stage under <hLEVEL> headings (with
 * id="stage-X" when ids is set): the handbook's summary and checklist.html. */
void h_checklist_items(sf_buf *b, const sf_output *o, int level, int ids);
/* The checklist items of stage s as a <ul class="check">; 0 (and nothing
 * printed) when the stage has none. */
int h_stage_checklist(sf_buf *b, const sf_output *o, int s);
/* The corridor's contacts for stage s (a contact with no stages serves
 * every stage), those who speak a language of the reader's chain first;
 * "no contact yet" when there is none: the handbook's "Where to get help"
 * and a session's handout. */
void h_stage_contacts(sf_buf *b, const sf_output *o, int s);
/* Those contacts in that order (in o->a); how many. */
size_t h_stage_contact_list(const sf_output *o, int s, const sf_contact ***out);
/* The edition's sources, one entry per work with the sections cited under
 * it, numbered as h_stage cites them. */
void h_sources_list(sf_buf *b, const sf_output *o);

/* Whether a contact is for the edition's audience: its audiences (general
 * when it says none) hold general or the edition's. */
int h_for_audience(const sf_contact *c, const sf_output *o);

/* The one-page summary at the start of a stage (docs/outputs.md, "The
 * stage's summary"): the stage's SMS texts after facts, those that carry a
 * number first, then the tailored ones, then the rest, while a page holds
 * them, printed in reading order; then a few of the stage's contacts, those
 * with a phone first. Everything in o->a. */
typedef struct h_summary {
	const char **sms;
	const sf_ed_topic **topic; /* the topic of each message */
	size_t nsms;
	const sf_contact **contacts;
	size_t ncontacts;
} h_summary;
void h_summary_make(const sf_output *o, int stage, h_summary *out);
/* What the summary shows of a contact's website, which it links to:
 * "mfa.gov.kg" of "https://mfa.gov.kg/en/dm/…" (its host). */
const char *h_summary_site(const sf_output *o, const char *url);

/* The state of a renderer that needs only a reusable buffer. */
void *h_buf_new(void);
void h_buf_free(void *state);

/* The stage name and purpose keys are in stage order, two apart. */
#define H_STAGE(s) (SF_S_stage_PEO + 2 * (s))
#define H_PURPOSE(s) (SF_S_stage_PEO_purpose + 2 * (s))
_Static_assert(SF_S_stage_PRO == SF_S_stage_PEO + 6 && SF_S_stage_PRO_purpose == SF_S_stage_PEO + 7,
	       "i18n.h keeps the stage keys in stage order");

#endif
