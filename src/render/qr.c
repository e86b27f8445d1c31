/* qr.c: QR codes for the help card, the handbook's help pages and the HTML
 * outputs (docs/outputs.md, "QR codes"). */
#include <pthread.h>
#include <qrencode.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html.h"
#include "memo.h"
#include "qr.h"

int qr_encode(sf_arena *a, const char *text, qr_code *out)
{
	/* Byte mode keeps the text exactly as written (a URL's case, a '+'). */
	QRcode *q = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M);
	if (!q)
		return -1;
	out->width = q->width;
	out->m = sf_alloc(a, (size_t)q->width * (size_t)q->width);
	for (int i = 0; i < q->width * q->width; i++)
		out->m[i] = q->data[i] & 1;
	QRcode_free(q);
	return 0;
}

/* QR codes are made once per text: a handbook, a help card and each
 * session handout of every edition draw the same few contacts, and encoding
 * one (choosing its mask) costs more than the rest of a handout. The memo
 * holds the module count and the path, which depend on the text alone. */
static pthread_once_t qr_once = PTHREAD_ONCE_INIT;
static memo *qr_memo;

static void qr_memo_new(void)
{
	qr_memo = memo_new((size_t)16 << 20);
}

void qr_memo_clear(void)
{
	memo_clear(qr_memo);
}

/* The side in modules (quiet zone included) and the path of the dark
 * modules, "side path" in b; nothing when the text cannot be encoded. */
static void qr_path(sf_buf *b, const char *text, sf_arena *a)
{
	qr_code q;
	if (qr_encode(a, text, &q) != 0)
		return;
	sf_buf_printf(b, "%d ", q.width + 8);
	/* One horizontal run of dark modules, one subpath. */
	for (int y = 0; y < q.width; y++)
		for (int x = 0; x < q.width;) {
			if (!q.m[y * q.width + x]) {
				x++;
				continue;
			}
			int x0 = x;
			while (x < q.width && q.m[y * q.width + x])
				x++;
			sf_buf_printf(b, "M%d %dh%dv1h-%dz", x0 + 4, y + 4, x - x0, x - x0);
		}
}

void qr_svg(sf_buf *b, const char *text, const char *size, const char *label, sf_arena *a)
{
	pthread_once(&qr_once, qr_memo_new);
	size_t tlen = strlen(text), n;
	const char *p = memo_get(qr_memo, text, tlen, &n);
	sf_buf made = { 0 };
	if (!p) {
		qr_path(&made, text, a);
		memo_put(qr_memo, text, tlen, made.data ? made.data : "", made.len);
		p = made.data ? made.data : "";
		n = made.len;
	}
	const char *sp = memchr(p, ' ', n);
	if (sp) {
		int side = atoi(p);
		sf_buf_printf(b, "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
				 "width=\"%s\" height=\"%s\" role=\"img\" aria-label=\"",
			      side, side, size, size);
		h_esc(b, label);
		sf_buf_puts(b, "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
			       "<path fill=\"#000\" d=\"");
		sf_buf_add(b, sp + 1, n - (size_t)(sp + 1 - p));
		sf_buf_puts(b, "\"/></svg>");
	}
	sf_buf_free(&made);
}

const char *qr_tel(sf_arena *a, const char *phone)
{
	size_t n = strlen(phone);
	char *s = sf_alloc(a, n + 5), *p = s;
	memcpy(p, "tel:", 4);
	p += 4;
	for (const char *c = phone; *c; c++)
		if (!strchr(" -.()", *c))
			*p++ = *c;
	*p = '\0';
	return s;
}

const char *qr_contact_uri(sf_arena *a, const sf_contact *c)
{
	if (c->phone && *c->phone)
		return qr_tel(a, c->phone);
	if (c->url && (strncasecmp(c->url, "https://", 8) == 0 || strncasecmp(c->url, "http://", 7) == 0))
		return c->url;
	return NULL;
}
