/* qr.h: QR codes (libqrencode) as a module matrix, as inline SVG for the HTML
 * outputs, and as the URI of a contact (render/ only). */
#ifndef SAFAR_RENDER_QR_H
#define SAFAR_RENDER_QR_H

#include "safar/arena.h"
#include "safar/buf.h"
#include "safar/model.h"

/* The modules of one QR code, a quiet zone not included: dark when
 * m[y * width + x] is 1. */
typedef struct qr_code {
	int width;
	unsigned char *m;
} qr_code;

/* Encodes text (byte mode, error correction M) into a, or returns -1 when
 * libqrencode cannot (too long, out of memory). */
int qr_encode(sf_arena *a, const char *text, qr_code *out);

/* text as an <svg> element that draws its QR code in size CSS units
 * (e.g. "6em"), with a quiet zone of four modules and role="img" labelled
 * by label; nothing when the text cannot be encoded. */
void qr_svg(sf_buf *b, const char *text, const char *size, const char *label, sf_arena *a);

/* The number a phone dials: "tel:" and the phone without spaces, dashes,
 * dots or brackets ("tel:+74959679844", "tel:1345"). */
const char *qr_tel(sf_arena *a, const char *phone);

/* What a contact's QR code holds: its phone as tel:, else its http(s)
 * website; NULL when it has neither. */
const char *qr_contact_uri(sf_arena *a, const sf_contact *c);

#endif
