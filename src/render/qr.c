/* qr.c: QR codes for the help card, the handbook's help pages and the HTML
 * outputs (docs/outputs.md, "QR codes"). */
#include <qrencode.h>
#include <string.h>
#include <strings.h>

#include "html.h"
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

void qr_svg(sf_buf *b, const char *text, const char *size, const char *label, sf_arena *a)
{
	qr_code q;
	if (qr_encode(a, text, &q) != 0)
		return;
	int side = q.width + 8;
	sf_buf_printf(b, "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
			 "width=\"%s\" height=\"%s\" role=\"img\" aria-label=\"",
		      side, side, size, size);
	h_esc(b, label);
	sf_buf_puts(b, "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
		       "<path fill=\"#000\" d=\"");
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
	sf_buf_puts(b, "\"/></svg>");
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
