/* helpcard.h: the help card (helpcard.html, helpcard.pdf) and the contacts
 * the handbook's back pages share with it (render/ only). */
#ifndef SAFAR_RENDER_HELPCARD_H
#define SAFAR_RENDER_HELPCARD_H

#include "pdf.h"

/* The contacts of the edition's corridor in the order a reader needs them:
 * the destination's first, then the origin's; on each side those who speak
 * a language of the reader's chain first (a number in another language
 * beats no number). card: only the help card's, the emergency, helpline,
 * embassy and women's contacts whose audiences hold general or the
 * edition's audience (so women's contacts only in women's editions), or
 * every contact when the corridor has none such. Returns how many; *out in
 * o->a. */
size_t helpcard_order(const sf_output *o, int card, const sf_contact ***out);

/* The contacts into a PDF flow: a heading per side, then per contact a QR
 * code (its phone as tel:, else its website) beside its name, number and
 * website; card: the help card's contacts only (helpcard_order); qr: the
 * side of the codes, points. */
void helpcard_contacts(pd_doc *d, const sf_output *o, int card, double qr, int style);

/* One contact into a PDF flow: its QR code beside its name (and, with
 * with_side, its side), number, website and languages. */
void helpcard_contact_row(pd_doc *d, const sf_output *o, const sf_contact *c, double qr, int style,
			  int with_side);

/* helpcard.pdf (A6 unless --paper): one page, two when the contacts fill
 * more than its front. 0 or -1. */
int helpcard_pdf(pdf_state *st, const sf_output *o);

/* session-<STAGE>/{agenda,trainer,handout}.pdf of every stage the edition
 * has (pdf_session.c). 0 or -1. */
int pdf_sessions(pdf_state *st, const sf_output *o);

#endif
